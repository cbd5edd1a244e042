"""Test data for certificates: a finished cohort whose listeners attended and were scored."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.courses import CourseFormat, CourseKind
from domain.documents import AppendixDoc, CertificateDoc, ListeningReferenceDoc
from domain.model import (
    Attendance,
    AttendanceMethod,
    Cohort,
    Course,
    CourseModule,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    Lang,
    ModuleGrade,
    Person,
    Role,
    TrainingSession,
)

ADMIN_TG = 900_001  # in settings.admin_ids (tests/conftest.py)
TEACHER_TG = 710_001
AGREED_AT = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
ENDS_ON = date(2026, 11, 20)  # the clock fixture says 23 November 2026
TOPIC_KK = "Функционалдық сауаттылықты дамыту: Қазақ тілі және әдебиеті"
TOPIC_RU = "Развитие функциональной грамотности"


@dataclass
class Cohort10:
    """A cohort of ten sessions (so 8 of 10 is exactly the §24.3 80 % boundary)."""

    course: Course
    cohort: Cohort
    sessions: list[TrainingSession]
    teachers: list[Person] = field(default_factory=list)
    enrollments: list[Enrollment] = field(default_factory=list)


async def make_cohort(
    uow_factory: Any,
    *,
    language: Lang = "kk",
    sessions: int = 10,
    max_score: int = 100,
    ends_on: date = ENDS_ON,
    code: str = "ФС-2026-11",
) -> Cohort10:
    async with uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk=TOPIC_KK,
                topic_ru=TOPIC_RU,
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=max_score,
                modules=[
                    CourseModule("Бағалау әдістері", "Методы оценивания", 36, 0),
                    CourseModule("Сабақты жоспарлау", "Планирование урока", 36, 1),
                ],
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code=code,
                language=language,
                starts_on=ends_on - timedelta(days=sessions - 1),
                ends_on=ends_on,
                seats=60,
            )
        )
        start = datetime.combine(cohort.starts_on, datetime.min.time(), tzinfo=UTC)
        planned = [
            await uow.sessions.add(
                TrainingSession(
                    cohort_id=cohort.id,
                    starts_at=start + timedelta(days=i, hours=4),
                    ends_at=start + timedelta(days=i, hours=6),
                )
            )
            for i in range(sessions)
        ]
        await uow.commit()
    return Cohort10(course, cohort, planned)


async def add_teacher(
    uow_factory: Any,
    world: Cohort10,
    name: str,
    *,
    telegram_id: int | None,
    lang: Lang | None = "kk",
    attended: int = 10,
    score: int | None = 80,
    agreed: bool = True,
    status: EnrollmentStatus = EnrollmentStatus.ENROLLED,
    grades: dict[int, str] | None = None,
) -> Enrollment:
    """A listener who attended the first ``attended`` sessions and scored ``score``."""
    async with uow_factory() as uow:
        person = await uow.people.add(
            Person(
                telegram_id=telegram_id,
                language=lang,
                first_name=name.split()[0],
                full_name=name,
                roles={Role.TEACHER},
            )
        )
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=person.id,
                cohort_id=world.cohort.id,
                status=status,
                agreement_version="1" if agreed else None,
                agreement_accepted_at=AGREED_AT if agreed else None,
            )
        )
        for session in world.sessions[:attended]:
            await uow.attendance.add(
                Attendance(
                    enrollment_id=enrollment.id,
                    session_id=session.id,
                    checked_in_at=session.starts_at,
                    method=AttendanceMethod.CODE,
                )
            )
        if score is not None:
            await uow.assessments.add(
                FinalAssessment(
                    enrollment_id=enrollment.id,
                    score=score,
                    max_score=world.course.max_score,
                    assessed_on=world.cohort.ends_on,
                    module_grades=[ModuleGrade(m, g) for m, g in (grades or {}).items()],
                )
            )
        await uow.commit()
    world.teachers.append(person)
    world.enrollments.append(enrollment)
    return enrollment


class FakeRenderer:
    """Fast stand-in for the PDF renderer: bytes that name the document, and a call log."""

    def __init__(self) -> None:
        self.rendered: list[Any] = []

    def _bytes(self, doc: Any) -> bytes:
        self.rendered.append(doc)
        return f"%PDF-fake {type(doc).__name__} {doc!r}".encode()

    async def certificate(self, doc: CertificateDoc) -> bytes:
        return self._bytes(doc)

    async def appendix(self, doc: AppendixDoc) -> bytes:
        return self._bytes(doc)

    async def listening_reference(self, doc: ListeningReferenceDoc) -> bytes:
        return self._bytes(doc)

    def reason_not_passed(self, shortfalls: Any, lang: Lang) -> str:
        return ", ".join(shortfalls)

    def passed_grade(self, lang: Lang) -> str:
        return "есептелді" if lang == "kk" else "зачтено"


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


async def issue_now(services: Any, cohort_id: int) -> Any:
    """Issue through the use-case with the real PDF renderer and today's settings."""
    from bot.documents.issuing import PdfRenderer, issuing_options
    from domain.services.certificates import issue_cohort_documents

    now = services.clock()
    return await issue_cohort_documents(
        services.uow_factory,
        cohort_id,
        now.astimezone(services.settings.tz).date(),
        now,
        issuing_options(services.settings, "biliktilik_bot"),
        PdfRenderer(services.i18n_core),
        actor_id=None,
    )


async def issue_fast(services: Any, cohort_id: int) -> Any:
    """Issue with the fake renderer (verification does not read the PDFs)."""
    from bot.documents.issuing import issuing_options
    from domain.services.certificates import issue_cohort_documents

    now = services.clock()
    return await issue_cohort_documents(
        services.uow_factory,
        cohort_id,
        now.astimezone(services.settings.tz).date(),
        now,
        issuing_options(services.settings, "biliktilik_bot"),
        FakeRenderer(),
        actor_id=None,
    )
