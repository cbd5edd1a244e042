"""Use-cases of the results features: outcome boundaries, score import, decisions, reports."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.runtime.container import Services
from bot.ui.i18n import create_core
from domain.assessment import Outcome
from domain.model import (
    ConsultationStatus,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    Person,
    RequestKind,
    Role,
    SupportKind,
)
from domain.services.consultations_admin import answer_consultation
from domain.services.reports import effectiveness, enqueue_nobd_reminders
from domain.services.request_decisions import DecisionRefusal, decide_request
from domain.services.results import (
    ScoreRefusal,
    Shortfall,
    decide_cohort_outcomes,
    evaluate_listener,
    record_score,
)
from domain.services.score_import import import_scores, validate_score_rows
from domain.working_days import nobd_deadline, nobd_reminder_date
from tests.bot.results.factories import (
    ADMIN_TG,
    add_consultation,
    add_person,
    add_request,
    attend,
    enroll,
    enrollment,
    iin,
    make_world,
    outbox,
)

ALMATY = ZoneInfo("Asia/Almaty")

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CORE = create_core()


def RENDER(lang: str, key: str, **args: object) -> str:
    return str(CORE.get(key, lang, **args))


def _listener(attended: int, total: int, score: int | None, agreed: bool = True):  # type: ignore[no-untyped-def]
    e = Enrollment(person_id=1, cohort_id=1, id=1, agreement_accepted_at=NOW if agreed else None)
    a = FinalAssessment(1, score, 100, date(2026, 11, 20)) if score is not None else None
    return evaluate_listener(e, Person(telegram_id=1, id=1), attended, total, a, 100)


def test_attendance_7999_of_10000_fails_and_8000_passes() -> None:
    below = _listener(7999, 10000, 90)
    assert below.outcome is Outcome.LISTENING_REFERENCE
    assert below.shortfalls == (Shortfall.ATTENDANCE,)
    assert _listener(8000, 10000, 90).outcome is Outcome.CERTIFICATE


def test_score_boundary_and_every_reason_listed() -> None:
    assert _listener(5, 5, 50).outcome is Outcome.CERTIFICATE
    failed = _listener(3, 5, 49, agreed=False)
    assert failed.outcome is Outcome.LISTENING_REFERENCE
    assert failed.shortfalls == (Shortfall.ATTENDANCE, Shortfall.SCORE, Shortfall.AGREEMENT)
    assert _listener(5, 5, None).outcome is Outcome.IN_PROGRESS


HEADERS = ["ИИН", "Балл", "Оценивание", "Модуль 2"]


async def test_import_with_a_broken_middle_row_imports_nothing_then_all(
    services: Services,
) -> None:
    world = await make_world(services.uow_factory, teachers=3)
    rows = [
        (n + 2, {"ИИН": iin(n + 1), "Балл": "70", "Оценивание": "5", "Модуль 2": "4"})
        for n in range(3)
    ]
    rows[1][1]["Балл"] = "101"
    result = await import_scores(
        services.uow_factory, 1, world.cohort.id, HEADERS, rows, NOW, tz=ALMATY
    )
    assert result is not None
    assert [(e.row, e.column, e.reason) for e in result.errors] == [(3, "Балл", "score-range")]
    async with services.uow_factory() as uow:
        for e in world.enrollments:
            assert await uow.assessments.latest(e.id) is None
    rows[1][1]["Балл"] = "100"
    result = await import_scores(
        services.uow_factory, 1, world.cohort.id, HEADERS, rows, NOW, tz=ALMATY
    )
    assert result is not None and result.ok and len(result.rows) == 3
    async with services.uow_factory() as uow:
        latest = await uow.assessments.latest(world.enrollments[1].id)
    assert latest is not None and latest.score == 100
    assert sorted(g.grade for g in latest.module_grades) == ["4", "5"]


def test_validate_score_rows_names_row_column_reason() -> None:
    from domain.courses import CourseFormat, CourseKind
    from domain.model import Course, CourseModule

    course = Course(
        "т",
        "т",
        CourseKind.SHORT,
        CourseFormat.WITHOUT_LEAVE,
        72,
        40,
        modules=[CourseModule("М1", "М1", 72, id=7)],
    )
    roster = {iin(n): Enrollment(person_id=n, cohort_id=1, id=n) for n in range(1, 1001)}
    rows = [(n + 1, {"ИИН": iin(n), "Балл": "30", "Модуль 1": "5"}) for n in range(1, 1001)]
    rows[499] = (501, {"ИИН": iin(5000), "Балл": "30", "Модуль 1": "5"})
    rows[500] = (502, {"ИИН": iin(501), "Балл": "41", "Модуль 1": ""})
    result = validate_score_rows(
        ["ИИН", "Балл", "Модуль 1"], rows, course, roster, known_iins=set(roster)
    )
    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (501, "ИИН", "unknown-iin"),
        (502, "Балл", "score-range"),
        (502, "Модуль 1", "required"),
    ]
    result = validate_score_rows(
        ["ИИН", "Балл", "Модуль 1"], rows, course, roster, known_iins=set(roster) | {iin(5000)}
    )
    assert result.errors[0].reason == "not-enrolled"
    missing = validate_score_rows(["ИИН", "Балл"], rows, course, roster, set(roster))
    assert [(e.row, e.column, e.reason) for e in missing.errors] == [(1, "М1", "missing-column")]


async def test_outcomes_are_stored_with_completion_date_and_audit(services: Services) -> None:
    uow = services.uow_factory
    world = await make_world(uow, sessions=5, teachers=2)
    first, second = world.enrollments
    await attend(uow, first, world.sessions[:4])  # 80 %
    await attend(uow, second, world.sessions[:3])  # 60 %
    for e in (first, second):
        result = await record_score(uow, 1, e.id, 50, {}, NOW, tz=ALMATY)
        assert result.refusal is None
    summary = await decide_cohort_outcomes(uow, world.cohort.id, NOW, actor_id=1)
    assert summary is not None
    outcomes = {r.enrollment.id: r.outcome for r in summary.results}
    assert outcomes == {first.id: Outcome.CERTIFICATE, second.id: Outcome.LISTENING_REFERENCE}
    stored = await enrollment(uow, first.id)
    assert (stored.status, stored.completed_on) == (EnrollmentStatus.COMPLETED, date(2026, 11, 23))
    assert (await enrollment(uow, second.id)).status is EnrollmentStatus.NOT_PASSED
    async with uow() as u:
        entries = await u.audit.for_entity("enrollment", str(first.id))
    assert [e.action for e in entries] == ["assessment.score", "enrollment.outcome"]
    assert entries[1].before == {"status": "enrolled", "completed_on": None}


async def test_score_out_of_range_and_reassessment_limits(services: Services) -> None:
    uow = services.uow_factory
    world = await make_world(uow, teachers=1)
    e = world.enrollments[0]
    assert (
        await record_score(uow, 1, e.id, 101, {}, NOW, tz=ALMATY)
    ).refusal is ScoreRefusal.OUT_OF_RANGE
    assert (
        await record_score(uow, 1, e.id, -1, {}, NOW, tz=ALMATY)
    ).refusal is ScoreRefusal.OUT_OF_RANGE
    refused = await record_score(uow, 1, e.id, 60, {}, NOW, reassessment=True, tz=ALMATY)
    assert refused.refusal is ScoreRefusal.NOT_FAILED
    await record_score(uow, 1, e.id, 20, {}, NOW, tz=ALMATY)
    await decide_cohort_outcomes(uow, world.cohort.id, NOW)
    ok = await record_score(uow, 1, e.id, 30, {}, NOW, reassessment=True, tz=ALMATY)
    assert ok.refusal is None and ok.assessment is not None and ok.assessment.is_reassessment
    again = await record_score(
        uow, 1, e.id, 40, {}, NOW + timedelta(days=364), reassessment=True, tz=ALMATY
    )
    assert again.refusal is ScoreRefusal.WITHIN_YEAR
    assert again.allowed_from == date(2027, 11, 23)


async def test_transfer_approval_moves_the_listener(services: Services) -> None:
    uow = services.uow_factory
    world = await make_world(uow, teachers=1)
    async with uow() as u:
        from domain.model import Cohort

        target = await u.cohorts.add(
            Cohort(
                course_id=world.course.id,
                code="FG-2026-12",
                language="ru",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 19),
                seats=30,
            )
        )
        await u.commit()
    request = await add_request(uow, world.enrollments[0], RequestKind.TRANSFER, target=target)
    refused = await decide_request(uow, 1, request.id, False, "  ", NOW, RENDER)
    assert refused.refusal is DecisionRefusal.NOTE_REQUIRED
    result = await decide_request(uow, 1, request.id, True, "", NOW, RENDER)
    assert result.refusal is None and result.new_enrollment is not None
    old = await enrollment(uow, world.enrollments[0].id)
    new = await enrollment(uow, result.new_enrollment.id)
    assert old.status is EnrollmentStatus.TRANSFERRED
    assert (new.cohort_id, new.transferred_from_id, new.status) == (
        target.id,
        old.id,
        EnrollmentStatus.ENROLLED,
    )
    notice = await outbox(uow, f"request-decision:{request.id}")
    assert notice.payload["key"] == "request-decision-approved"
    assert RENDER("ru", notice.payload["key"], **notice.payload["args"]) == (
        "Ваша заявка «Перевод в другой поток» одобрена. Вы переведены в поток FG-2026-12."
    )
    again = await decide_request(uow, 1, request.id, True, "", NOW, RENDER)
    assert again.refusal is DecisionRefusal.ALREADY_DECIDED


async def test_nobd_reminder_is_due_two_working_days_before_the_deadline_and_sent_once(
    services: Services,
) -> None:
    completed = date(2026, 11, 20)  # Friday
    assert nobd_deadline(completed) == date(2026, 11, 27)
    assert nobd_reminder_date(completed) == date(2026, 11, 25)
    uow = services.uow_factory
    await add_person(uow, ADMIN_TG, "Админ", roles={Role.ADMIN}, lang="kk")
    world = await make_world(uow, teachers=1)
    async with uow() as u:
        e = await u.enrollments.get_by_id(world.enrollments[0].id)
        e.status, e.completed_on = EnrollmentStatus.COMPLETED, completed
        await u.enrollments.update(e)
        await u.commit()
    assert await enqueue_nobd_reminders(uow, NOW, date(2026, 11, 24)) == 0
    assert await enqueue_nobd_reminders(uow, NOW, date(2026, 11, 25)) == 1
    assert await enqueue_nobd_reminders(uow, NOW, date(2026, 11, 26)) == 0  # dedup
    async with uow() as u:
        admin = await u.people.get_by_telegram_id(ADMIN_TG)
    row = await outbox(uow, f"nobd-reminder:{world.cohort.id}:{admin.id}")
    assert row.chat_id == ADMIN_TG and row.payload["lang"] == "kk"
    assert row.payload["key"] == "results-nobd-reminder"
    # an extra day off moves the deadline and the reminder
    assert nobd_reminder_date(completed, [date(2026, 11, 23)]) == date(2026, 11, 26)


async def test_effectiveness_counts_kinds_answered_share_and_median(services: Services) -> None:
    uow = services.uow_factory
    world = await make_world(uow, teachers=1)
    e = world.enrollments[0]
    first = await add_consultation(uow, e, trainer_id=world.trainer.id, created_at=NOW)
    second = await add_consultation(
        uow, e, trainer_id=None, created_at=NOW, kind=SupportKind.PUBLICATION
    )
    await add_consultation(uow, e, trainer_id=None, created_at=NOW)
    await answer_consultation(
        uow, world.trainer.id, False, first.id, "ответ", NOW + timedelta(hours=2)
    )
    await answer_consultation(
        uow, world.trainer.id, False, second.id, "ответ", NOW + timedelta(hours=6)
    )
    report = await effectiveness(uow, NOW - timedelta(days=1), ALMATY)
    assert (report.total, report.answered, report.answered_percent) == (3, 2, 67)
    assert report.per_kind["consultation"] == 2 and report.per_kind["publication"] == 1
    assert report.median_answer_hours == 4.0
    async with uow() as u:
        assert (await u.consultations.get(second.id)).status is ConsultationStatus.ANSWERED
    stranger = await add_person(uow, 555, "Чужой Тренер", roles={Role.TRAINER})
    third = await add_consultation(uow, e, trainer_id=None)
    refused = await answer_consultation(uow, stranger.id, False, third.id, "x", NOW)
    assert refused.refusal == "not-yours"


async def test_enroll_helper_sets_agreement(services: Services) -> None:
    uow = services.uow_factory
    world = await make_world(uow, teachers=0)
    person = await add_person(uow, None, "Без Договора", serial=9)
    e = await enroll(uow, person, world.cohort, agreed=False)
    assert not (await enrollment(uow, e.id)).agreement_accepted
