"""Teacher use-cases: input validation, linking to imported teachers, rule boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.runtime.container import Services
from bot.ui.i18n import create_core
from domain.model import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Cohort,
    Course,
    CourseFormat,
    CourseKind,
    Enrollment,
    Person,
    Role,
)
from domain.services import applications, profile, teacher_requests
from domain.services.agreement import accept_agreement, agreement_accepted
from domain.services.profile import ProfileRefusal as R
from tests.bot.teacher.conftest import build_template, fast_services
from tests.bot.teacher.helpers import IIN_AIGUL, IIN_IVAN

ALMATY = ZoneInfo("Asia/Almaty")

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def unit_template(tmp_path_factory: pytest.TempPathFactory):
    return build_template(tmp_path_factory)


@pytest.fixture(scope="session")
def unit_core():
    return create_core()


@pytest.fixture
async def db(settings, clock, unit_template, unit_core):
    """A freshly migrated SQLite database (a copy of the session's template)."""
    async with fast_services(settings, clock, unit_template, unit_core) as ready:
        yield ready


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Сейтқалиева Айгүл", (None, "Сейтқалиева Айгүл")),
        ("  әлиев   бақыт  ұлы ", (None, "Әлиев Бақыт Ұлы")),
        ("Мұхамедқали-Нұр Әсет Ғалымұлы Іліяс", (None, "Мұхамедқали-Нұр Әсет Ғалымұлы Іліяс")),
        ("Айгүл", (R.NAME_WORDS, "")),
        ("А Б В Г Д", (R.NAME_WORDS, "")),
        ("Ivanov Ivan", (R.NAME_LETTERS, "")),
        ("Иванов Иван2", (R.NAME_LETTERS, "")),
        ("Иванов <b>Иван</b>", (R.NAME_LETTERS, "")),
        ("", (R.NAME_WORDS, "")),
    ],
)
def test_full_name(text: str, expected: tuple) -> None:
    assert profile.validate_full_name(text) == expected


def test_full_name_length_boundary() -> None:
    exactly = "А" * 74 + " " + "Б" * 75
    assert len(exactly) == 150
    assert profile.validate_full_name(exactly)[0] is None
    assert profile.validate_full_name(exactly + "Б") == (R.NAME_TOO_LONG, "")


def test_iin_and_mask() -> None:
    assert profile.validate_iin(IIN_AIGUL[:6] + " " + IIN_AIGUL[6:]) == (None, IIN_AIGUL)
    assert profile.validate_iin("12345678901") == (R.IIN_INVALID, "")
    assert profile.validate_iin("ЖСН") == (R.IIN_INVALID, "")
    assert profile.mask_iin(IIN_AIGUL) == "********" + IIN_AIGUL[-4:]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("+7 701 123 45 67", "+77011234567"),
        ("8 (701) 123-45-67", "+77011234567"),
        ("77011234567", "+77011234567"),
        ("7011234567", "+77011234567"),
        ("+998 90 123 45 67", "+998901234567"),
        ("123", ""),
        ("абв", ""),
    ],
)
def test_phone_normalized(text: str, phone: str) -> None:
    assert profile.normalize_phone(text) == phone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hr@school12.kz", (None, "hr@school12.kz")),
        ("8 7172 55 44 33", (None, "+77172554433")),
        ("директор", (R.CONTACT_INVALID, "")),
        ("", (R.EMPTY, "")),
        ("a@b.kz" + "x" * 200, (R.TOO_LONG, "")),
    ],
)
def test_employer_contact(text: str, expected: tuple) -> None:
    assert profile.validate_employer_contact(text) == expected


async def _course_and_cohort(db: Services, seats: int = 2) -> Cohort:
    async with db.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Тақырып",
                topic_ru="Тема",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="U-1",
                language="ru",
                starts_on=date(2026, 12, 7),
                ends_on=date(2026, 12, 18),
                seats=seats,
            )
        )
        await uow.commit()
    return cohort


async def _person(db: Services, **fields) -> Person:
    async with db.uow_factory() as uow:
        person = await uow.people.add(Person(created_at=NOW, roles={Role.TEACHER}, **fields))
        await uow.commit()
    return person


def _draft(iin: str = IIN_AIGUL, phone: str = "+77011234567") -> profile.ProfileDraft:
    return profile.ProfileDraft(
        "Сейтқалиева Айгүл", iin, phone, "мұғалім", "№ 12 мектеп", "hr@school.kz"
    )


async def test_link_imported_teacher_by_iin_moves_the_chat_and_sends_invitations(
    db: Services,
) -> None:
    cohort = await _course_and_cohort(db)
    imported = await _person(
        db,
        telegram_id=None,
        full_name="Сейтқалиева Айгүл",
        iin=IIN_AIGUL,
        school_name="Мектеп № 12",
    )
    async with db.uow_factory() as uow:
        await uow.enrollments.add(Enrollment(person_id=imported.id, cohort_id=cohort.id))
        await uow.commit()
    chat = await _person(db, telegram_id=5001, language="kk")
    await profile.give_consent(db.uow_factory, chat.id, NOW)
    result = await profile.save_profile(db.uow_factory, chat.id, _draft(), NOW)
    assert result.ok and result.linked
    async with db.uow_factory() as uow:
        linked = await uow.people.get_by_telegram_id(5001)
        assert linked.id == imported.id
        assert (linked.iin, linked.language, linked.consent_version) == (
            IIN_AIGUL,
            "kk",
            profile.CONSENT_VERSION,
        )
        assert linked.school_name == "№ 12 мектеп"  # the teacher's own answer wins
        assert await uow.people.get(chat.id) is None
        [enrollment] = await uow.enrollments.for_person(imported.id)
        notice = await uow.outbox.get_by_dedup_key(f"invite:{enrollment.id}:5001")
    assert notice.payload["key"] == "profile-linked-invitation"
    assert notice.payload["args"]["topic"] == "Тақырып"


async def test_link_by_phone_but_never_across_different_iins(db: Services) -> None:
    await _person(db, telegram_id=None, full_name="Иванов Иван", iin=IIN_IVAN, phone="+77011234567")
    chat = await _person(db, telegram_id=5002, language="ru")
    await profile.give_consent(db.uow_factory, chat.id, NOW)
    result = await profile.save_profile(db.uow_factory, chat.id, _draft(), NOW)
    assert result.ok and not result.linked
    by_phone = await _person(db, telegram_id=None, phone="+77019998877")
    chat2 = await _person(db, telegram_id=5003, language="ru")
    await profile.give_consent(db.uow_factory, chat2.id, NOW)
    result = await profile.link_imported_teacher(db.uow_factory, chat2.id, NOW)
    assert not result.linked
    await profile.update_profile_field(
        db.uow_factory, chat2.id, "phone", "+7 701 999 88 77", NOW, tz=ALMATY
    )
    async with db.uow_factory() as uow:
        assert (await uow.people.get_by_telegram_id(5003)).id == by_phone.id


async def test_profile_needs_consent_and_iin_is_unique(db: Services) -> None:
    chat = await _person(db, telegram_id=5004)
    result = await profile.save_profile(db.uow_factory, chat.id, _draft(), NOW)
    assert result.refusal is R.NO_CONSENT
    await _person(db, telegram_id=5005, iin=IIN_AIGUL)
    await profile.give_consent(db.uow_factory, chat.id, NOW)
    result = await profile.save_profile(db.uow_factory, chat.id, _draft(), NOW)
    assert result.refusal is R.IIN_TAKEN
    with pytest.raises(ValueError):
        await profile.update_profile_field(db.uow_factory, chat.id, "roles", "x", NOW, tz=ALMATY)


async def test_application_refusals(db: Services) -> None:
    cohort = await _course_and_cohort(db, seats=1)
    teacher = await _person(
        db,
        telegram_id=5006,
        full_name="Иванов Иван",
        iin=IIN_IVAN,
        phone="+77011234567",
        position="учитель",
        school_name="Школа",
        consent_version="v",
        consent_at=NOW,
    )
    other = await _person(db, telegram_id=5007)
    check = await applications.check_can_apply(db.uow_factory, other.id, cohort.id, TODAY)
    assert check.refusal is applications.ApplyRefusal.NO_PROFILE
    draft = applications.ApplicationDraft(cohort.id, "Петров Пётр", "kk")
    result = await applications.submit_application(db.uow_factory, teacher.id, draft, NOW, TODAY)
    assert result.refusal is applications.ApplyRefusal.BAD_ANSWER  # cohort is taught in ru
    async with db.uow_factory() as uow:
        await uow.applications.add(
            Application(
                person_id=teacher.id,
                cohort_id=cohort.id,
                kind=ApplicationKind.DOMESTIC,
                addressed_to="Петров Пётр",
                language="ru",
                status=ApplicationStatus.REJECTED,
            )
        )
        await uow.commit()
    # after a rejection a new application is possible, and it remembers the head
    check = await applications.check_can_apply(db.uow_factory, teacher.id, cohort.id, TODAY)
    assert check.allowed and check.head_name_hint == "Петров Пётр"
    async with db.uow_factory() as uow:
        await uow.enrollments.add(Enrollment(person_id=other.id, cohort_id=cohort.id))
        await uow.commit()
    check = await applications.check_can_apply(db.uow_factory, teacher.id, cohort.id, TODAY)
    assert check.refusal is applications.ApplyRefusal.FULL
    after_start = await applications.check_can_apply(
        db.uow_factory, teacher.id, cohort.id, date(2026, 12, 8)
    )
    assert after_start.refusal is applications.ApplyRefusal.CLOSED


async def test_agreement_accepted_for_own_enrollment_only(db: Services) -> None:
    cohort = await _course_and_cohort(db)
    owner = await _person(db, telegram_id=5008)
    stranger = await _person(db, telegram_id=5009)
    async with db.uow_factory() as uow:
        enrollment = await uow.enrollments.add(Enrollment(person_id=owner.id, cohort_id=cohort.id))
        await uow.commit()
    view = await accept_agreement(db.uow_factory, stranger.id, enrollment.id, "ru", NOW)
    assert view.refusal is not None
    assert not await agreement_accepted(db.uow_factory, enrollment.id)
    assert not await agreement_accepted(db.uow_factory, 424242)
    await accept_agreement(db.uow_factory, owner.id, enrollment.id, "ru", NOW)
    assert await agreement_accepted(db.uow_factory, enrollment.id)


async def test_transfer_only_within_the_current_year(db: Services) -> None:
    cohort = await _course_and_cohort(db)
    teacher = await _person(db, telegram_id=5010)
    async with db.uow_factory() as uow:
        enrollment = await uow.enrollments.add(
            Enrollment(person_id=teacher.id, cohort_id=cohort.id)
        )
        next_year = await uow.cohorts.add(
            Cohort(
                course_id=cohort.course_id,
                code="U-2",
                language="ru",
                starts_on=date(2027, 1, 11),
                ends_on=date(2027, 1, 22),
                seats=10,
            )
        )
        await uow.commit()
    targets = await teacher_requests.target_cohorts(
        db.uow_factory, teacher.id, enrollment.id, teacher_requests.RequestKind.TRANSFER, TODAY
    )
    assert targets == []
    result = await teacher_requests.submit_request(
        db.uow_factory,
        teacher.id,
        enrollment.id,
        teacher_requests.RequestKind.TRANSFER,
        "ауырдым",
        next_year.id,
        [],
        NOW,
        TODAY,
        ALMATY,
    )
    assert result.refusal is teacher_requests.RequestRefusal.NO_TARGET
    finish = await teacher_requests.submit_request(
        db.uow_factory,
        teacher.id,
        enrollment.id,
        teacher_requests.RequestKind.FINISH_INTERRUPTED,
        "ауырдым",
        next_year.id,
        [],
        NOW,
        TODAY,
        ALMATY,
    )
    assert finish.refusal is teacher_requests.RequestRefusal.DOCUMENTS_REQUIRED
