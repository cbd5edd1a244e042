"""The teacher's consent and profile (personal data law; §10 form blanks; §24, §32 employer).

The consent to the processing of personal data comes before anything else the teacher does;
a refusal stores nothing but the refusal itself. The profile holds what the forms of the
Rules ask for (full name, position, school) plus what the bot needs (IIN to match the
admin's enrollment lists, phone, the employer's contact for the notices of §24 and §32).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from domain.iin import IinError, IinErrorReason, mask_iin
from domain.iin import validate_iin as check_iin
from domain.local_dates import local_date
from domain.model import EnrollmentStatus, Person
from domain.notifications import text_notice
from domain.ports import DuplicatePerson, UnitOfWork, UnitOfWorkFactory
from domain.text import one_line

__all__ = [
    "CONSENT_DECLINED_PREFIX",
    "CONSENT_VERSION",
    "PROFILE_FIELDS",
    "ProfileDraft",
    "ProfileRefusal",
    "ProfileResult",
    "decline_consent",
    "give_consent",
    "link_imported_teacher",
    "mask_iin",
    "normalize_phone",
    "save_profile",
    "update_profile_field",
    "validate_answer",
    "validate_employer_contact",
    "validate_full_name",
    "validate_iin",
    "validate_position",
    "validate_school",
]

CONSENT_VERSION = "2026-11-pdl-v1"
"""Version of the consent text in ``locales/*/teacher-profile.ftl`` (key ``consent-text``).
Bump it when the text changes: a stored consent always names the text the teacher saw."""

CONSENT_DECLINED_PREFIX = "declined:"
"""A refusal is stored as ``consent_version = "declined:<version>"`` with no ``consent_at``:
the refusal answer is the only thing kept."""

PROFILE_FIELDS = ("full_name", "iin", "phone", "position", "school_name", "employer_contact")

FULL_NAME_MAX = 150
POSITION_MAX = 150
SCHOOL_MAX = 200
CONTACT_MAX = 200
_NAME_WORD_RE = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+(?:[-'’][А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]+)*")
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class ProfileRefusal(enum.StrEnum):
    """Why an answer or a save is refused: message-id suffixes (``profile-error-...``)."""

    NAME_TOO_LONG = "name-too-long"
    NAME_WORDS = "name-words"
    NAME_LETTERS = "name-letters"
    IIN_INVALID = "iin-invalid"
    IIN_BORN_IN_FUTURE = "iin-born-in-future"
    IIN_TAKEN = "iin-taken"
    PHONE_INVALID = "phone-invalid"
    EMPTY = "empty"
    TOO_LONG = "too-long"
    CONTACT_INVALID = "contact-invalid"
    NO_CONSENT = "no-consent"
    LINK_NEEDS_ADMIN = "link-needs-admin"


Checked = tuple[ProfileRefusal | None, str]


def _squeeze(text: str) -> str:
    """One line: control and bidi characters removed (``domain.text``), spaces squeezed."""
    return one_line(text)


def validate_full_name(text: str) -> Checked:
    """Full name as the forms of App. 1–2 print it ("Фамилия, имя, отчество (при его
    наличии)"): 2–4 words of Cyrillic letters (Kazakh letters included; a hyphen or apostrophe
    inside a word is kept), at most 150 characters."""
    name = _squeeze(text)
    if len(name) > FULL_NAME_MAX:
        return ProfileRefusal.NAME_TOO_LONG, ""
    words = name.split(" ") if name else []
    if not 2 <= len(words) <= 4:
        return ProfileRefusal.NAME_WORDS, ""
    if not all(_NAME_WORD_RE.fullmatch(word) for word in words):
        return ProfileRefusal.NAME_LETTERS, ""
    return None, " ".join(word[:1].upper() + word[1:] for word in words)


def validate_iin(text: str, today: date | None = None) -> Checked:
    """IIN checked by ``domain.iin`` (digits, date of birth, check digit); with ``today``, a
    birth date after it is refused on its own (a typo in the year, not a person yet born)."""
    try:
        return None, check_iin(text, today).iin
    except IinError as error:
        if error.reason is IinErrorReason.BIRTH_DATE_IN_FUTURE:
            return ProfileRefusal.IIN_BORN_IN_FUTURE, ""
        return ProfileRefusal.IIN_INVALID, ""


def _short_text(text: str, limit: int) -> Checked:
    value = _squeeze(text)
    if not value:
        return ProfileRefusal.EMPTY, ""
    if len(value) > limit:
        return ProfileRefusal.TOO_LONG, ""
    return None, value


def validate_position(text: str) -> Checked:
    """Position (должность / лауазымы) as the form prints it, free text."""
    return _short_text(text, POSITION_MAX)


def validate_school(text: str) -> Checked:
    """Organization of education (the employer), free text up to 200 characters."""
    return _short_text(text, SCHOOL_MAX)


def normalize_phone(text: str) -> str:
    """A Kazakhstan phone as ``+7XXXXXXXXXX``; ``8 7xx`` is the domestic prefix of ``+7 7xx``.
    Other countries' numbers keep their digits after ``+``. ``""`` when it is no phone."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits[0] == "8":
        digits = "7" + digits[1:]
    if len(digits) == 10 and digits[0] == "7":
        digits = "7" + digits
    if not 10 <= len(digits) <= 15:
        return ""
    return "+" + digits


def validate_employer_contact(text: str) -> Checked:
    """§24, §32: where the Organization notifies the employer — an e-mail or a phone of the
    school's HR or head."""
    refusal, value = _short_text(text, CONTACT_MAX)
    if refusal is not None:
        return refusal, value
    if _EMAIL_RE.fullmatch(value):
        return None, value
    if re.fullmatch(r"[+\d\s()\-]+", value) and (phone := normalize_phone(value)):
        return None, phone
    return ProfileRefusal.CONTACT_INVALID, ""


@dataclass
class ProfileDraft:
    """The answers of the profile form, already validated step by step."""

    full_name: str
    iin: str
    phone: str
    position: str
    school_name: str
    employer_contact: str


@dataclass(frozen=True)
class ProfileResult:
    person: Person | None
    refusal: ProfileRefusal | None = None
    linked: bool = False

    @property
    def ok(self) -> bool:
        return self.refusal is None


async def give_consent(uows: UnitOfWorkFactory, person_id: int, now: datetime) -> Person:
    """Personal data law: store the version of the consent text and the moment it was given."""
    async with uows() as uow:
        person = await _load(uow, person_id)
        person.consent_version = CONSENT_VERSION
        person.consent_at = now
        person.deletion_requested_at = None
        await uow.people.update(person)
        await uow.commit()
    return person


async def decline_consent(uows: UnitOfWorkFactory, person_id: int) -> Person:
    """A refusal: nothing but the refusal is stored (no consent time, no profile data)."""
    async with uows() as uow:
        person = await _load(uow, person_id)
        if person.has_consented:
            return person  # a later withdrawal is a deletion request (see personal_data)
        person.consent_version = CONSENT_DECLINED_PREFIX + CONSENT_VERSION
        await uow.people.update(person)
        await uow.commit()
    return person


async def save_profile(
    uows: UnitOfWorkFactory, person_id: int, draft: ProfileDraft, now: datetime
) -> ProfileResult:
    """Store the confirmed profile; link the teacher to a record imported from an enrollment
    list that has the same IIN or phone (see ``link_imported_teacher``)."""
    async with uows() as uow:
        person = await _load(uow, person_id)
        if not person.has_consented:
            return ProfileResult(None, ProfileRefusal.NO_CONSENT)
        for name in PROFILE_FIELDS:
            setattr(person, name, getattr(draft, name))
        result = await _store(uow, person, now)
        if result.ok:
            await uow.commit()
    return result


async def update_profile_field(
    uows: UnitOfWorkFactory,
    person_id: int,
    field: str,
    value: str,
    now: datetime,
    *,
    tz: tzinfo,
) -> ProfileResult:
    """Change one field of a saved profile (validated again here: callers may be forged)."""
    if field not in PROFILE_FIELDS:
        raise ValueError(field)
    refusal, cleaned = validate_answer(field, value, local_date(now, tz))
    if refusal is not None:
        return ProfileResult(None, refusal)
    async with uows() as uow:
        person = await _load(uow, person_id)
        if not person.has_consented:
            return ProfileResult(None, ProfileRefusal.NO_CONSENT)
        setattr(person, field, cleaned)
        result = await _store(uow, person, now)
        if result.ok:
            await uow.commit()
    return result


async def link_imported_teacher(
    uows: UnitOfWorkFactory, person_id: int, now: datetime
) -> ProfileResult:
    """Link the person to a teacher imported from an admin's enrollment list (§16, §18).

    The imported record (``telegram_id`` NULL) with the same IIN — or, failing that, the same
    phone — gets this person's Telegram id, language, consent and the profile answers; the
    temporary record of the chat is removed; pending invitations (enrollments waiting for the
    agreement) are enqueued, because they could not be delivered before. Returns
    ``linked=False`` when there is nothing to link.
    """
    async with uows() as uow:
        person = await _load(uow, person_id)
        result = await _link(uow, person, now)
        await uow.commit()
    return result


# --- helpers --------------------------------------------------------------------------------


def validate_answer(field: str, value: str, today: date) -> Checked:
    """One profile answer as typed, cleaned, or the reason it is refused."""
    if field == "iin":
        return validate_iin(value, today)
    if field == "phone":
        phone = normalize_phone(value)
        return (None, phone) if phone else (ProfileRefusal.PHONE_INVALID, "")
    validators = {
        "full_name": validate_full_name,
        "position": validate_position,
        "school_name": validate_school,
        "employer_contact": validate_employer_contact,
    }
    return validators[field](value)


async def _load(uow: UnitOfWork, person_id: int) -> Person:
    person = await uow.people.get(person_id)
    if person is None:
        raise LookupError(person_id)
    return person


async def _store(uow: UnitOfWork, person: Person, now: datetime) -> ProfileResult:
    linked = await _link(uow, person, now)
    if linked.linked or linked.refusal is not None:
        return linked
    try:
        await uow.people.update(person)
    except DuplicatePerson:
        return ProfileResult(None, ProfileRefusal.IIN_TAKEN)
    return ProfileResult(person)


async def _imported_match(uow: UnitOfWork, person: Person) -> Person | None:
    candidates: list[Person | None] = []
    if person.iin:
        candidates.append(await uow.people.get_by_iin(person.iin))
    if person.phone:
        candidates.append(await uow.people.get_by_phone(person.phone))
    for candidate in candidates:
        if candidate is not None and candidate.id != person.id and candidate.telegram_id is None:
            return candidate
    return None


async def _link(uow: UnitOfWork, person: Person, now: datetime) -> ProfileResult:
    imported = await _imported_match(uow, person)
    if imported is None or imported.id is None or person.id is None:
        return ProfileResult(person)
    if person.iin and imported.iin and person.iin != imported.iin:
        # Same phone but another IIN: not the same teacher; never merge two people.
        return ProfileResult(person)
    if await _has_history(uow, person.id):
        return ProfileResult(None, ProfileRefusal.LINK_NEEDS_ADMIN)
    telegram_id = person.telegram_id
    await uow.people.delete(person.id)  # frees the unique telegram_id (and IIN) first
    imported.telegram_id = telegram_id
    imported.language = person.language
    imported.first_name = person.first_name
    imported.username = person.username
    imported.consent_version = person.consent_version
    imported.consent_at = person.consent_at
    imported.roles |= person.roles
    for name in PROFILE_FIELDS:
        value = getattr(person, name)
        if value:
            setattr(imported, name, value)
    await uow.people.update(imported)
    await _enqueue_invitations(uow, imported, now)
    return ProfileResult(imported, linked=True)


async def _has_history(uow: UnitOfWork, person_id: int) -> bool:
    """A chat record that already applied or studied cannot simply be removed."""
    if await uow.applications.for_person(person_id):
        return True
    return bool(await uow.enrollments.for_person(person_id))


async def _enqueue_invitations(uow: UnitOfWork, person: Person, now: datetime) -> None:
    """Enrollments made from an imported list wait for the teacher: tell them now."""
    if person.id is None or person.telegram_id is None:
        return
    lang = person.language or "ru"
    for enrollment in await uow.enrollments.for_person(person.id):
        if enrollment.status is not EnrollmentStatus.ENROLLED or enrollment.agreement_accepted:
            continue
        cohort = await uow.cohorts.get(enrollment.cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            continue
        await uow.outbox.enqueue(
            text_notice(
                person.telegram_id,
                lang,
                "profile-linked-invitation",
                dedup_key=f"invite:{enrollment.id}:{person.telegram_id}",
                not_before=now,
                topic=course.topic(lang),
                starts_on=cohort.starts_on,
            )
        )
