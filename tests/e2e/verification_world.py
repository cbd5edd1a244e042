"""A finished cohort of one teacher and her signed documents, issued on the sandbox's services
with the real renderer and the organization's key: the world of the verification tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.authenticity.signing import load_signer
from bot.dev.demo import ADMIN
from bot.dev.sandbox.runner import Sandbox
from bot.documents.issuing import PdfRenderer, issuing_options
from domain.courses import CourseFormat, CourseKind
from domain.model import (
    Attendance,
    AttendanceMethod,
    Certificate,
    Cohort,
    Course,
    Enrollment,
    FinalAssessment,
    Person,
    Role,
    TrainingSession,
)
from domain.services.certificates import issue_cohort_documents, reissue_certificate
from domain.services.verification import revoke_certificate

HOLDER = "Нұрланова Әлия Серікқызы"
HOLDER_TG = 820_001
BOT_USERNAME = "biliktilik_sandbox_bot"


@dataclass
class Issued:
    certificate: Certificate
    pdf: bytes  # the frozen, signed certificate PDF
    appendix: bytes


async def issue_one(sandbox: Sandbox, language: str = "ru") -> Issued:
    services = sandbox.services
    today = services.clock().astimezone(services.settings.tz).date()
    ends_on = today - timedelta(days=1)
    async with services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Функционалдық сауаттылықты дамыту",
                topic_ru="Развитие функциональной грамотности",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="ФГ-1",
                language=language,
                starts_on=ends_on - timedelta(days=2),
                ends_on=ends_on,
                seats=5,
            )
        )
        start = datetime.combine(cohort.starts_on, datetime.min.time(), tzinfo=UTC)
        session = await uow.sessions.add(
            TrainingSession(
                cohort_id=cohort.id,
                starts_at=start + timedelta(hours=4),
                ends_at=start + timedelta(hours=7),
                academic_hours=4,
            )
        )
        person = await uow.people.add(
            Person(
                telegram_id=HOLDER_TG,
                language=language,
                first_name="Әлия",
                full_name=HOLDER,
                roles={Role.TEACHER},
            )
        )
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=person.id,
                cohort_id=cohort.id,
                agreement_version="1",
                agreement_lang=language,
                agreement_accepted_at=start,
            )
        )
        await uow.attendance.add(
            Attendance(
                enrollment_id=enrollment.id,
                session_id=session.id,
                checked_in_at=session.starts_at,
                method=AttendanceMethod.CODE,
            )
        )
        await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment.id, score=80, max_score=100, assessed_on=ends_on
            )
        )
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)
        await uow.commit()
    now = services.clock()
    summary = await issue_cohort_documents(
        services.uow_factory,
        int(cohort.id),
        today,
        now,
        issuing_options(services.settings, BOT_USERNAME),
        PdfRenderer(services.i18n_core, await load_signer(services.uow_factory, services.settings)),
        admin.id if admin else None,
    )
    [number] = summary.certificates
    return await stored_documents(sandbox, number)


async def stored_documents(sandbox: Sandbox, number: str) -> Issued:
    async with sandbox.services.uow_factory(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(number)
        assert certificate is not None and certificate.id is not None
        files = {
            f.kind: f.content for f in await uow.documents.list_for_certificate(certificate.id)
        }
    return Issued(certificate, files["certificate"], files["appendix"])


async def revoke_and_reissue(sandbox: Sandbox, number: str) -> Issued:
    services = sandbox.services
    now = services.clock()
    today = now.astimezone(services.settings.tz).date()
    async with services.uow_factory(read_only=True) as uow:
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)
    assert admin is not None and admin.id is not None
    await revoke_certificate(services.uow_factory, admin.id, number, "қате тегі", now, today)
    result = await reissue_certificate(
        services.uow_factory,
        number,
        today,
        now,
        issuing_options(services.settings, BOT_USERNAME),
        PdfRenderer(services.i18n_core, await load_signer(services.uow_factory, services.settings)),
        admin.id,
    )
    assert result.new is not None
    return await stored_documents(sandbox, result.new.number)
