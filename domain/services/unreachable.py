"""People who blocked the bot, as admins see them.

A 403 from Telegram marks the person ``unreachable_since`` (``bot.runtime.delivery``); from then on
nothing reaches them, so an admin must know who, since when, in which cohorts and what is
waiting for them (certificates above all) — to phone them or their school. The mark is lifted
by the person's next private message (``bot.runtime.middlewares.person``), and what failed only
because of the block is sent again then (``welcome_back``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.model import OutboxStatus, Person
from domain.notifications import DOCUMENT, worth_sending_again
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.people import cohort_codes_of

__all__ = [
    "PAGE_SIZE",
    "UnreachablePage",
    "UnreachablePerson",
    "unreachable_people",
    "welcome_back",
]

PAGE_SIZE = 10


@dataclass(frozen=True)
class UnreachablePerson:
    person: Person
    since: datetime
    cohorts: tuple[str, ...]  # codes of the cohorts they are or were enrolled in
    documents: int  # PDFs (certificates, appendices, references…) not delivered
    document_numbers: tuple[str, ...]  # the registration numbers on those PDFs
    notices: int  # text notices and reminders not delivered


@dataclass(frozen=True)
class UnreachablePage:
    people: list[UnreachablePerson]
    page: int  # from 0
    pages: int
    total: int


async def unreachable_people(uows: UnitOfWorkFactory, page: int) -> UnreachablePage:
    """One page of people who blocked the bot, the most recent first; a page past the end
    shows the last one (a list that shrank while the admin was paging)."""
    async with uows(read_only=True) as uow:
        total = await uow.people.count_unreachable()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        people = await uow.people.unreachable(page * PAGE_SIZE, PAGE_SIZE)
        chats = [p.telegram_id for p in people if p.telegram_id is not None]
        waiting = await uow.outbox.undelivered(chats)
        found: list[UnreachablePerson] = []
        for person in people:
            assert person.id is not None and person.unreachable_since is not None
            mine = [m for m in waiting if m.chat_id == person.telegram_id]
            documents = [m for m in mine if m.kind == DOCUMENT]
            numbers = dict.fromkeys(
                str(m.payload.get("args", {}).get("number"))
                for m in documents
                if m.payload.get("args", {}).get("number")
            )
            found.append(
                UnreachablePerson(
                    person=person,
                    since=person.unreachable_since,
                    cohorts=await cohort_codes_of(uow, person.id),
                    documents=len(documents),
                    document_numbers=tuple(numbers),
                    notices=len(mine) - len(documents),
                )
            )
    return UnreachablePage(found, page, pages, total)


async def welcome_back(uow: UnitOfWork, person: Person, now: datetime) -> int:
    """Someone who had blocked the bot wrote to it again: the mark is lifted and whatever
    failed only because of the block (``worth_sending_again``) is due again. Runs inside the
    caller's open unit of work, which commits; returns how many messages are due again."""
    person.unreachable_since = None
    if person.telegram_id is None:
        return 0
    again = [
        m.id
        for m in await uow.outbox.undelivered([person.telegram_id])
        if m.id is not None and m.status == OutboxStatus.FAILED and worth_sending_again(m)
    ]
    await uow.outbox.send_again(again, now)
    return len(again)
