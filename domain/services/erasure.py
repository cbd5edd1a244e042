"""Admins carry out (or decline) a teacher's request to delete their data.

The reading of the law chosen here. The Law of the Republic of Kazakhstan "On personal data
and their protection" lets personal data be kept only as long as the purpose they were
collected for, or a legal obligation, requires; once the subject withdraws consent and asks
for deletion, whatever no obligation covers must go. The obligation that remains is the
Order's §33: an issued certificate (and its appendix, a listening reference…) must stay
verifiable by its registration number, and what it certifies must stay backed by the record
it was issued on. So:

- **kept** — the full name as printed on the documents (also on the person's row), the
  certificate rows with their frozen PDFs, the enrollment, attendance and results of the
  cohorts where a document was issued, the enrollment order, and the consent record (the
  legal basis on which the kept data were collected);
- **erased** — IIN, phone, employer contact, school, position, Telegram username and first
  name, the link to the Telegram chat (the chat is forgotten: the bot no longer knows who
  writes from it), consultation questions, the reasons and attachments of §31 requests,
  the comments of §38 follow-up survey answers (the 1–5 scores stay, with no name on them),
  application answers and any stored application files, whatever is still waiting in the
  outbox for that chat, and the enrollments (with their history) of cohorts where nothing
  was issued;
- **nothing issued** — the person's row goes with everything that hangs on it. A person who
  has ever held a staff role keeps a row (emptied as above): attendance marks, decisions and
  answers refer to them.

The teacher is told in their language, in the same transaction and before the chat is
unlinked (the notice carries the chat id captured beforehand). FSM data of that chat lives in
the bot's FSM storage; the caller clears it (``bot.handlers.admin.deletions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.follow_up import SURVEY_WAVES
from domain.model import Application, AuditEntry, Lang, Person, Role
from domain.notifications import text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.people import cohort_codes_of

__all__ = [
    "DeletionRequest",
    "Erasure",
    "decline_deletion",
    "erase_personal_data",
    "pending_deletion_requests",
]

APPLICATION_FILES = "application"  # owner_kind of stored application PDFs


@dataclass(frozen=True)
class DeletionRequest:
    person: Person
    requested_at: datetime
    cohorts: tuple[str, ...]  # codes of the cohorts they are or were enrolled in
    document_numbers: tuple[str, ...]  # registration numbers of documents issued to them


@dataclass(frozen=True)
class Erasure:
    removed: bool  # the person's row went entirely (nothing was ever issued)
    kept_numbers: tuple[str, ...]  # documents that stay verifiable
    chat_id: int | None  # the chat that was forgotten (its FSM data is the caller's to clear)


async def pending_deletion_requests(uows: UnitOfWorkFactory) -> list[DeletionRequest]:
    """For admins: who waits for deletion, the earliest request first."""
    async with uows(read_only=True) as uow:
        found: list[DeletionRequest] = []
        for person in await uow.people.deletion_requested():
            assert person.id is not None and person.deletion_requested_at is not None
            codes = await cohort_codes_of(uow, person.id)
            numbers = tuple(c.number for c in await uow.certificates.for_person(person.id))
            found.append(DeletionRequest(person, person.deletion_requested_at, codes, numbers))
    return found


def _language(person: Person) -> Lang:
    return person.language or "ru"


async def erase_personal_data(
    uows: UnitOfWorkFactory, person_id: int, admin_id: int, now: datetime
) -> Erasure | None:
    """Carry out the deletion request of ``person_id`` (see the module docstring for what is
    kept and why). ``None`` when there is no such request — already carried out or declined
    by another admin, or never made — and then nothing changes."""
    async with uows() as uow:
        if not await uow.people.claim_deletion_request(person_id):
            return None
        person = await uow.people.get(person_id)
        if person is None:
            return None
        certificates = await uow.certificates.for_person(person_id)
        numbers = tuple(c.number for c in certificates)
        removed = not certificates and person.roles <= {Role.TEACHER}
        chat_id = person.telegram_id
        dropped = 0
        if chat_id is not None:
            dropped = await uow.outbox.drop_pending(chat_id)
            key = "mydata-erased-removed" if removed else "mydata-erased-kept"
            await uow.outbox.enqueue(
                text_notice(
                    chat_id,
                    _language(person),
                    key,
                    f"erasure:{chat_id}:{now.isoformat()}",
                    now,
                    numbers=", ".join(numbers),
                )
            )
        applications = await uow.applications.for_person(person_id)
        await uow.documents.delete_for_owners(
            APPLICATION_FILES, [a.id for a in applications if a.id is not None]
        )
        kept = {c.enrollment_id for c in certificates if c.enrollment_id is not None}
        enrollments = [e.id for e in await uow.enrollments.for_person(person_id) if e.id]
        await uow.enrollments.delete_with_history([e for e in enrollments if e not in kept])
        if removed:
            await uow.applications.delete_for_person(person_id)
            await uow.people.delete(person_id)
        else:
            await _empty(uow, person, applications)
        await uow.audit.record(
            AuditEntry(
                admin_id,
                "personal_data.erase",
                "person",
                str(person_id),
                None,
                {
                    "removed": removed,
                    "kept_documents": len(numbers),
                    "dropped_messages": dropped,
                },
                now,
            )
        )
        await uow.commit()
    return Erasure(removed, () if removed else numbers, chat_id)


async def _empty(uow: UnitOfWork, person: Person, applications: list[Application]) -> None:
    """Erase in place what no issued document needs (the full name and roles stay)."""
    assert person.id is not None
    for application in applications:
        application.addressed_to = ""
        application.abroad_country = ""
        application.abroad_language = ""
        await uow.applications.update(application)
    for request in await uow.requests.for_person(person.id):
        request.reason = ""
        request.document_file_ids = []
        await uow.requests.update(request)
    for consultation in await uow.consultations.for_person(person.id):
        consultation.question = ""
        await uow.consultations.update(consultation)
    for enrollment in await uow.enrollments.for_person(person.id):
        for wave in SURVEY_WAVES:  # §38 survey: the scores stay, the typed comment goes
            response = await uow.follow_up.response(enrollment.id or 0, wave)
            if response is not None and response.comment:
                response.comment = ""
                await uow.follow_up.save_response(response)
    person.telegram_id = None
    person.first_name = ""
    person.username = None
    person.iin = None
    person.phone = None
    person.position = ""
    person.school_id = None
    person.school_name = ""
    person.employer_contact = ""
    person.unreachable_since = None
    person.deletion_requested_at = None
    await uow.people.update(person)


async def decline_deletion(
    uows: UnitOfWorkFactory, person_id: int, admin_id: int, now: datetime
) -> bool:
    """An admin declines a mistaken or duplicate request: the data stay, the teacher is told
    they may ask again. False (and nothing changes) when there is no pending request."""
    async with uows() as uow:
        if not await uow.people.claim_deletion_request(person_id):
            return False
        person = await uow.people.get(person_id)
        if person is None:
            return False
        if person.telegram_id is not None:
            await uow.outbox.enqueue(
                text_notice(
                    person.telegram_id,
                    _language(person),
                    "mydata-deletion-declined",
                    f"erasure-declined:{person_id}:{now.isoformat()}",
                    now,
                )
            )
        await uow.audit.record(
            AuditEntry(
                admin_id, "personal_data.decline_erasure", "person", str(person_id), None, None, now
            )
        )
        await uow.commit()
    return True
