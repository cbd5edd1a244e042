"""Issuing (§29, §31, §33), verification and revocation use-cases on a real SQLite database,
with a fast fake renderer (the PDFs themselves are tested in tests/bot/certificates)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.runtime.container import Services
from bot.ui.formatting import notice_args
from domain.certificate_numbers import deep_link_payload, parse_certificate_number
from domain.documents import AppendixDoc, CertificateDoc, ListeningReferenceDoc, OrganizationInfo
from domain.model import (
    Attendance,
    AttendanceMethod,
    DocumentKind,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    OutboxMessage,
)
from domain.services.certificates import (
    IssueRefusal,
    IssuingOptions,
    documents_of,
    issue_cohort_documents,
)
from domain.services.verification import (
    RevokeOutcome,
    revoke_certificate,
    verify_deep_link,
    verify_number,
)
from domain.validity import CertificateStatus
from tests.bot.certificates.factories import (
    TEACHER_TG,
    FakeRenderer,
    add_teacher,
    make_cohort,
)

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SECRET = b"test-secret"
ORG = OrganizationInfo("«Өрлеу» орталығы", "Центр «Өрлеу»", "Ғалымжан Ахметов")
OPTIONS = IssuingOptions("ORL", SECRET, "biliktilik_bot", {"kk": ORG, "ru": ORG})
NUMBER = re.compile(r"^ORL-2026-C?\d{6}$")


async def outbox_rows(services: Services) -> list[OutboxMessage]:
    """Every queued row (claimed in a transaction that is rolled back: nothing changes)."""
    async with services.uow_factory() as uow:
        rows = await uow.outbox.claim_due(NOW + timedelta(days=1), 1000, "t", timedelta(0))
    return sorted(rows, key=lambda r: r.dedup_key)


async def certificates_of(services: Services, enrollment: Enrollment):
    async with services.uow_factory() as uow:
        return await uow.certificates.for_enrollment(enrollment.id)


async def issue(
    services: Services, cohort_id: int, renderer: FakeRenderer | None = None, today: date = TODAY
):
    return await issue_cohort_documents(
        services.uow_factory,
        cohort_id,
        today,
        NOW,
        OPTIONS,
        renderer or FakeRenderer(),
        actor_id=None,
    )


async def test_only_eligible_listeners_get_certificates_at_the_exact_boundaries(
    services: Services,
) -> None:
    """§24.3 8 of 10 sessions passes, 7 does not; §24.4 50 of 100 passes, 49 does not."""
    world = await make_cohort(services.uow_factory, language="kk")
    uf = services.uow_factory
    eight_fifty = await add_teacher(
        uf, world, "Әлия Серікқызы Нұрланова", telegram_id=TEACHER_TG, attended=8, score=50
    )
    seven = await add_teacher(
        uf, world, "Бақыт Ұланов", telegram_id=TEACHER_TG + 1, attended=7, score=100, lang="ru"
    )
    forty_nine = await add_teacher(
        uf, world, "Гүлнар Қайратқызы", telegram_id=TEACHER_TG + 2, attended=10, score=49
    )
    no_agreement = await add_teacher(
        uf, world, "Дәулет Өмірзақов", telegram_id=TEACHER_TG + 3, agreed=False
    )
    expelled = await add_teacher(
        uf, world, "Ерлан Һасанов", telegram_id=TEACHER_TG + 4, status=EnrollmentStatus.EXPELLED
    )
    unscored = await add_teacher(
        uf, world, "Жанар Іскакова", telegram_id=TEACHER_TG + 5, score=None
    )
    no_telegram = await add_teacher(
        uf, world, "Зере Үсенова", telegram_id=None, attended=9, score=100
    )
    renderer = FakeRenderer()
    summary = await issue(services, world.cohort.id, renderer)

    assert summary.refusal is None
    # §31: the listener who did not sit the final assessment gets a reference too
    assert (len(summary.certificates), len(summary.references)) == (2, 4)
    assert (summary.expelled, summary.not_assessed, summary.skipped) == (1, 1, 0)
    numbers = summary.certificates + summary.references
    # two series, each without gaps: certificates 1–2, references C1–C4
    assert sorted(summary.certificates) == [f"ORL-2026-{n:06d}" for n in range(1, 3)]
    assert sorted(summary.references) == [f"ORL-2026-C{n:06d}" for n in range(1, 5)]
    assert all(NUMBER.match(n) for n in numbers)
    issued = {e.id: await certificates_of(services, e) for e in world.enrollments}
    assert [c.kind for c in issued[eight_fifty.id]] == [DocumentKind.CERTIFICATE]
    assert [c.kind for c in issued[no_telegram.id]] == [DocumentKind.CERTIFICATE]
    for failed in (seven, forty_nine, no_agreement, unscored):
        assert [c.kind for c in issued[failed.id]] == [DocumentKind.LISTENING_REFERENCE]
    assert issued[expelled.id] == []
    unscored_doc = next(
        d
        for d in renderer.rendered
        if isinstance(d, ListeningReferenceDoc) and d.holder_full_name == "Жанар Іскакова"
    )
    assert unscored_doc.score is None and unscored_doc.reason_not_passed.startswith("not-assessed")
    certificate = issued[eight_fifty.id][0]
    # §33: completed 20 November (the assessment day), issued on the 23rd: 3 years from the
    # completion, the earlier of the two days
    assert certificate.valid_until == date(2029, 11, 20)
    assert certificate.topic.startswith("Функционалдық") and certificate.academic_hours == 72
    assert certificate.holder_full_name == "Әлия Серікқызы Нұрланова"
    assert issued[seven.id][0].valid_until is None  # a reference has no validity

    cert_doc = next(
        d
        for d in renderer.rendered
        if isinstance(d, CertificateDoc) and d.number == certificate.number
    )
    parsed = parse_certificate_number(certificate.number)
    assert cert_doc.verification_url == (
        f"https://t.me/biliktilik_bot?start={deep_link_payload(parsed, SECRET)}"
    )
    assert cert_doc.lang == "kk" and cert_doc.valid_until == date(2029, 11, 20)
    appendix = next(
        d
        for d in renderer.rendered
        if isinstance(d, AppendixDoc) and d.certificate_number == certificate.number
    )
    assert [(m.name, m.hours, m.grade) for m in appendix.modules] == [
        ("Бағалау әдістері", 36, "есептелді"),
        ("Сабақты жоспарлау", 36, "есептелді"),
    ]
    reference = next(
        d
        for d in renderer.rendered
        if isinstance(d, ListeningReferenceDoc) and d.holder_full_name == "Бақыт Ұланов"
    )
    assert (reference.sessions_attended, reference.sessions_total, reference.score) == (7, 10, 100)
    assert reference.reason_not_passed == "attendance"

    rows = await outbox_rows(services)
    by_key = {r.dedup_key: r for r in rows}
    cert_id = certificate.id
    assert set(by_key) == {
        f"doc:{cert_id}:certificate",
        f"doc:{cert_id}:appendix",
        *(
            f"doc:{issued[e.id][0].id}:listening_reference"
            for e in (seven, forty_nine, no_agreement, unscored)
        ),
    }  # no row for the teacher without Telegram
    row = by_key[f"doc:{cert_id}:certificate"]
    assert row.chat_id == TEACHER_TG and row.payload["lang"] == "kk"
    assert row.payload["caption_key"] == "certificates-notice-certificate"
    assert row.payload["args"]["number"] == certificate.number
    reference_row = by_key[f"doc:{issued[seven.id][0].id}:listening_reference"]
    assert reference_row.payload["lang"] == "ru"
    # The document is in the cohort's Kazakh; the Russian reader's notice names the Russian topic.
    assert reference_row.payload["args"]["topic"] == world.course.topic_ru != world.course.topic_kk
    assert row.payload["args"]["topic"] == world.course.topic_kk
    async with services.uow_factory() as uow:
        stored = await uow.documents.get(row.payload["document_file_id"])
        audit = await uow.audit.for_entity("certificate", certificate.number)
    assert stored is not None and stored.content.startswith(b"%PDF-fake CertificateDoc")
    assert stored.sha256 == certificate.pdf_sha256
    assert [e.action for e in audit] == ["certificate.issue"]


async def test_a_second_run_issues_nothing_and_enqueues_nothing(services: Services) -> None:
    world = await make_cohort(services.uow_factory)
    for n in range(3):
        await add_teacher(
            services.uow_factory,
            world,
            f"Тыңдаушы {n}",
            telegram_id=TEACHER_TG + n,
            score=40 if n == 2 else 90,
        )
    first = await issue(services, world.cohort.id)
    rows = await outbox_rows(services)
    renderer = FakeRenderer()
    again = await issue(services, world.cohort.id, renderer)
    assert (len(first.certificates), len(first.references)) == (2, 1)
    assert (again.certificates, again.references, again.skipped) == ([], [], 3)
    assert renderer.rendered == []
    assert len(rows) == 5 and await outbox_rows(services) == rows  # no new rows


async def test_a_crash_in_the_middle_resumes_without_duplicates(services: Services) -> None:
    world = await make_cohort(services.uow_factory)
    for n in range(4):
        await add_teacher(services.uow_factory, world, f"Тыңдаушы {n}", telegram_id=TEACHER_TG + n)

    class Crashing(FakeRenderer):
        async def appendix(self, doc: AppendixDoc) -> bytes:
            if doc.holder_full_name == "Тыңдаушы 2":
                raise RuntimeError("power cut")
            return await super().appendix(doc)

    with pytest.raises(RuntimeError):
        await issue(services, world.cohort.id, Crashing())
    done = [len(await certificates_of(services, e)) for e in world.enrollments]
    assert done == [1, 1, 0, 0]  # teacher 2's transaction rolled back entirely
    summary = await issue(services, world.cohort.id)
    assert summary.skipped == 2 and len(summary.certificates) == 2
    numbers = [c.number for e in world.enrollments for c in await certificates_of(services, e)]
    assert numbers == [f"ORL-2026-{n:06d}" for n in range(1, 5)]  # the rolled-back one reused
    keys = [r.dedup_key for r in await outbox_rows(services)]
    assert len(keys) == len(set(keys)) == 8


async def test_a_certificate_after_a_reassessment_follows_the_reference(
    services: Services,
) -> None:
    world = await make_cohort(services.uow_factory)
    enrollment = await add_teacher(
        services.uow_factory, world, "Айгүл Қасымова", telegram_id=TEACHER_TG, score=30
    )
    first = await issue(services, world.cohort.id)
    async with services.uow_factory() as uow:
        await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment.id,
                score=75,
                max_score=100,
                assessed_on=date(2026, 11, 23),
                is_reassessment=True,
            )
        )
        await uow.commit()
    second = await issue(services, world.cohort.id)
    third = await issue(services, world.cohort.id)
    docs = await certificates_of(services, enrollment)
    assert [(d.kind, d.follows_number) for d in docs] == [
        (DocumentKind.LISTENING_REFERENCE, None),
        (DocumentKind.CERTIFICATE, first.references[0]),
    ]
    assert second.certificates == [docs[1].number]
    assert (third.certificates, third.references, third.skipped) == ([], [], 1)


async def test_a_certificate_after_a_transfer_follows_the_earlier_cohorts_document(
    services: Services,
) -> None:
    old = await make_cohort(services.uow_factory, code="OLD-1")
    earlier = await add_teacher(
        services.uow_factory, old, "Нұржан Тасов", telegram_id=TEACHER_TG, attended=3, score=20
    )
    reference = (await issue(services, old.cohort.id)).references[0]
    new = await make_cohort(services.uow_factory, code="NEW-1")
    async with services.uow_factory() as uow:
        moved = await uow.enrollments.get_by_id(earlier.id)
        moved.status = EnrollmentStatus.TRANSFERRED
        await uow.enrollments.update(moved)
        await uow.enrollments.add(
            Enrollment(
                person_id=old.teachers[0].id,
                cohort_id=new.cohort.id,
                transferred_from_id=earlier.id,
                agreement_version="1",
                agreement_accepted_at=NOW,
            )
        )
        await uow.commit()
        enrollment = (await uow.enrollments.for_cohort(new.cohort.id))[0]
        for session in new.sessions:
            await uow.attendance.add(
                Attendance(enrollment.id, session.id, session.starts_at, AttendanceMethod.QR)
            )
        await uow.assessments.add(FinalAssessment(enrollment.id, 90, 100, date(2026, 11, 20)))
        await uow.commit()
    summary = await issue(services, new.cohort.id)
    docs = await certificates_of(services, enrollment)
    assert [(d.number, d.follows_number) for d in docs] == [(summary.certificates[0], reference)]


async def test_refusals_change_nothing(services: Services) -> None:
    world = await make_cohort(services.uow_factory, ends_on=date(2026, 11, 24))
    await add_teacher(services.uow_factory, world, "Сәуле Ахметова", telegram_id=TEACHER_TG)
    assert (await issue(services, world.cohort.id)).refusal is IssueRefusal.NOT_FINISHED
    assert (await issue(services, 99_999)).refusal is IssueRefusal.NOT_FOUND
    assert await certificates_of(services, world.enrollments[0]) == []
    assert await outbox_rows(services) == []


async def test_verification_statuses_and_revocation(services: Services) -> None:
    world = await make_cohort(services.uow_factory)
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG)
    await add_teacher(
        services.uow_factory, world, "Бақыт Ұланов", telegram_id=TEACHER_TG + 1, score=10
    )
    summary = await issue(services, world.cohort.id)
    number, reference = summary.certificates[0], summary.references[0]
    uf = services.uow_factory
    result = await verify_number(uf, f"№ {number.lower().replace('-', ' ')}", TODAY)
    assert result.status is CertificateStatus.VALID and not result.link_genuine
    assert result.certificate is not None and result.certificate.number == number
    assert (await verify_number(uf, number, date(2029, 11, 20))).status is CertificateStatus.VALID
    assert (await verify_number(uf, number, date(2029, 11, 21))).status is CertificateStatus.EXPIRED
    as_reference = await verify_number(uf, reference, TODAY)
    assert as_reference.status is CertificateStatus.LISTENING_REFERENCE
    assert as_reference.certificate is not None and as_reference.certificate.number == reference
    for unknown in ("ORL-2026-000099", "ORL-2026", "hello", "ORL-2026-0000001"):
        assert await verify_number(uf, unknown, TODAY) == await verify_number(
            uf, "ORL-2026-000777", TODAY
        )
    payload = deep_link_payload(parse_certificate_number(number), SECRET)
    genuine = await verify_deep_link(uf, payload, SECRET, TODAY)
    assert genuine.status is CertificateStatus.VALID and genuine.link_genuine
    altered = payload[:-1] + ("A" if payload[-1] != "A" else "B")
    other = payload.replace(number, "ORL-2026-000099")
    for forged in (altered, other, "v_garbage"):
        result = await verify_deep_link(uf, forged, SECRET, TODAY)
        assert result.forged and result.certificate is None

    assert (
        await revoke_certificate(uf, 1, number, "  ", NOW, TODAY)
    ).outcome is RevokeOutcome.BAD_REASON
    assert (
        await revoke_certificate(uf, 1, number, "x" * 501, NOW, TODAY)
    ).outcome is RevokeOutcome.BAD_REASON
    assert (
        await revoke_certificate(uf, 1, reference, "ошибка", NOW, TODAY)
    ).outcome is RevokeOutcome.NOT_FOUND
    assert (await verify_number(uf, number, TODAY)).status is CertificateStatus.VALID
    done = await revoke_certificate(uf, 1, number, "ошибка в фамилии", NOW, TODAY)
    assert done.outcome is RevokeOutcome.REVOKED and done.certificate.revoked_on == TODAY
    again = await revoke_certificate(uf, 1, number, "ещё раз", NOW, date(2026, 12, 1))
    assert again.outcome is RevokeOutcome.ALREADY_REVOKED and again.certificate.revoked_on == TODAY
    assert (await verify_number(uf, number, TODAY)).status is CertificateStatus.REVOKED
    async with uf() as uow:
        audit = [e for e in await uow.audit.for_entity("certificate", number)]
        notice = await uow.outbox.get_by_dedup_key(f"revoked:{done.certificate.id}")
    assert [e.action for e in audit] == ["certificate.issue", "certificate.revoke"]
    assert audit[1].after == {"revoked_on": "2026-11-23", "reason": "ошибка в фамилии"}
    assert notice is not None and notice.chat_id == TEACHER_TG
    assert notice.payload["args"] == {  # stored raw; presented when sent
        "number": number,
        "date": {"date": "2026-11-23"},
        "reason": "ошибка в фамилии",
    }
    assert notice_args(notice.payload, "kk") == {
        "number": number,
        "date": "2026\u202fж. 23 қараша",
        "reason": "ошибка в фамилии",
    }


async def test_documents_of_lists_a_teachers_frozen_files(services: Services) -> None:
    world = await make_cohort(services.uow_factory)
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG)
    await issue(services, world.cohort.id)
    [item] = await documents_of(services.uow_factory, world.teachers[0].id)
    assert [f.kind for f in item.files] == ["certificate", "appendix"]
    assert await documents_of(services.uow_factory, 99_999) == []
