"""The outbox delivery worker: claims due rows, sends them under Telegram's limits, marks them.

Exactly-once, as far as Telegram allows: a row is claimed with a lease (two instances never
claim the same row), sent, and marked sent in its own short transaction right after Telegram
accepted it. Only a crash in the milliseconds between Telegram's answer and that commit can
repeat a message, after the lease expires; everything else (429, 5xx, time-outs, restarts)
is retried without duplicates. A 403 means the person blocked the bot: the row fails for
good and the person is marked unreachable, which admins see.

The database locked or unreachable for a while: a message Telegram accepted is marked sent as
soon as the database is back (retried with backoff — giving up would send it again after the
lease); a row that could not be sent or recorded keeps its claim until the lease runs out and
is then tried again. The job itself pauses with backoff (``bot.runtime.db_outage.OutagePause``).

A notice is presented here, when it is sent: its stored arguments are raw (text as typed, dates
as ISO dates, numbers as numbers) and ``bot.ui.formatting.notice_args`` formats them in the
recipient's language and escapes the text for ``parse_mode=HTML``; rows queued by older code,
already formatted and escaped, are sent as stored (see there).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiolimiter import AsyncLimiter
from tenacity import AsyncRetrying, retry_if_exception, stop_after_delay, wait_exponential

from bot.runtime.db_outage import is_database_unavailable
from bot.runtime.live_notices import is_live, render_live
from bot.ui.file_names import document_file_name
from bot.ui.formatting import notice_args
from domain.model import OutboxMessage
from domain.notifications import AGREEMENT_ACTION, BLOCKED_BY_RECIPIENT, BUTTONS, DOCUMENT, TEXT

if TYPE_CHECKING:
    from bot.runtime.container import Services

logger = logging.getLogger("biliktilik.delivery")

#: How long a claimed row is reserved for its worker; after a crash, another instance takes
#: it over when this runs out. Tests of a crash shorten it through the environment.
LEASE = timedelta(seconds=float(os.environ.get("BILIKTILIK_OUTBOX_LEASE_SECONDS", "120")))
MAX_ATTEMPTS = 12
BATCH = 50
#: Telegram allows about 30 messages per second overall; stay a little under it.
GLOBAL_RATE = 28
MAX_TRACKED_CHATS = 10_000
#: Sends in flight at once: enough to hide each call's round trip behind the rate limit.
CONCURRENT_CHATS = 16
#: Between tries to record a sent message while the database is away: 0.5 s, 1 s … 10 s.
RECORD_SENT_WAIT = wait_exponential(multiplier=0.5, max=10)


def notice_buttons(payload: dict[str, Any], lang: str, core: Any) -> InlineKeyboardMarkup | None:
    """The inline buttons a notice carries (``domain.notifications.with_buttons``), labels
    translated into ``lang``; ``None`` for a notice without any."""
    rows = payload.get(BUTTONS)
    if not rows:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=item["text"] if "text" in item else core.get(item["key"], lang),
                    callback_data=item["data"],
                )
                for item in row
            ]
            for row in rows
        ]
    )


def backoff(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s … capped at 10 minutes."""
    return timedelta(seconds=min(600, 2 ** max(0, attempts - 1)))


def notice_markup(core: Any, payload: dict[str, Any], lang: str) -> InlineKeyboardMarkup | None:
    """The button a notice carries (``domain.notifications.with_action``), labelled in the
    notice's language: the enrollment notice opens the agreement to accept."""
    action = payload.get("action")
    if not isinstance(action, dict) or action.get("kind") != AGREEMENT_ACTION:
        return None
    # imported here: the runtime does not depend on the handler packages at import time
    from bot.handlers.teacher.callbacks import AgreementCb

    data = AgreementCb(action="read", enrollment_id=int(action.get("enrollment_id", 0)))
    label = core.get("mycourses-read-agreement", lang)
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=data.pack())]]
    )


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


@dataclass
class Throttle:
    """About 30 messages/s overall and 1 message/s per chat sustained (Telegram's limits)."""

    overall: AsyncLimiter = field(default_factory=lambda: AsyncLimiter(GLOBAL_RATE, 1))
    per_chat: OrderedDict[int, AsyncLimiter] = field(default_factory=OrderedDict)

    async def wait(self, chat_id: int) -> None:
        limiter = self.per_chat.get(chat_id)
        if limiter is None:
            limiter = AsyncLimiter(3, 3)
            self.per_chat[chat_id] = limiter
            if len(self.per_chat) > MAX_TRACKED_CHATS:
                self.per_chat.popitem(last=False)
        await limiter.acquire()
        await self.overall.acquire()


class DeliveryWorker:
    def __init__(self, bot: Bot, services: Services, worker_id: str | None = None) -> None:
        self.bot = bot
        self.services = services
        self.worker_id = worker_id or f"{socket.gethostname()}:{os.getpid()}"
        self.throttle = Throttle()
        self._lock = asyncio.Lock()
        self._stopping = False

    @property
    def running(self) -> bool:
        """A run is under way (it keeps claiming until nothing is due)."""
        return self._lock.locked()

    async def stop(self) -> None:
        """A graceful stop: finish the sends in flight, hand the rest of the claimed batch back
        and claim no more — so a restart neither repeats nor strands a message for a lease
        (only a crash relies on the lease)."""
        self._stopping = True
        async with self._lock:
            pass

    async def run_once(self, limit: int = BATCH) -> DeliveryReport:
        """Deliver everything due now, batch after batch; one run at a time per process.

        While a run is under way another returns at once with nothing done: the run under
        way claims batch after batch until nothing is due, so the second would only wait for
        it (and the scheduler, ticking every second through a long delivery, logged a warning
        at each tick it could not start)."""
        report = DeliveryReport()
        if self.running:
            return report
        async with self._lock:
            while not self._stopping:
                now = self.services.clock()
                async with self.services.uow_factory() as uow:
                    await uow.outbox.release_expired_claims(now)
                    batch = await uow.outbox.claim_due(now, limit, self.worker_id, LEASE)
                    await uow.commit()
                if not batch:
                    return report
                await self._deliver_batch(batch, report)
        return report

    async def _deliver_batch(self, batch: list[OutboxMessage], report: DeliveryReport) -> None:
        """Chats in parallel (the throttle keeps the overall rate), one chat's rows in order."""
        by_chat: dict[int, list[OutboxMessage]] = {}
        for message in batch:
            by_chat.setdefault(message.chat_id, []).append(message)
        slots = asyncio.Semaphore(CONCURRENT_CHATS)

        async def deliver_chat(messages: list[OutboxMessage]) -> None:
            async with slots:
                for message in messages:
                    if self._stopping:  # stopping: give the row back now, not after the lease
                        await self._retry(
                            message, "instance stopped", timedelta(0), count_attempt=False
                        )
                        continue
                    await self._deliver(message, report)

        await asyncio.gather(*(deliver_chat(messages) for messages in by_chat.values()))

    async def _deliver(self, message: OutboxMessage, report: DeliveryReport) -> None:
        assert message.id is not None
        await self.throttle.wait(message.chat_id)
        try:
            await self._send(message)
        except TelegramRetryAfter as error:
            await self._retry(
                message,
                f"429 retry after {error.retry_after}",
                timedelta(seconds=error.retry_after),
                count_attempt=False,
            )
            report.retried += 1
        except TelegramForbiddenError as error:
            await self._give_up(
                message, f"{BLOCKED_BY_RECIPIENT} {error.message}", unreachable=True
            )
            report.failed += 1
        except TelegramBadRequest as error:
            await self._give_up(message, f"400 {error.message}", unreachable=False)
            report.failed += 1
        except (
            TelegramServerError,
            TelegramNetworkError,
            TimeoutError,
            ClientDecodeError,
        ) as error:  # a proxy's HTML 502 page is not JSON
            if message.attempts + 1 >= MAX_ATTEMPTS:
                await self._give_up(message, f"gave up: {error}", unreachable=False)
                report.failed += 1
            else:
                await self._retry(message, str(error)[:200], backoff(message.attempts + 1))
                report.retried += 1
        except Exception as error:  # a bad row must not stop the queue
            if is_database_unavailable(error):  # a document could not be read: not the row's fault
                await self._retry(message, f"database: {type(error).__name__}", backoff(1))
                report.retried += 1
                return
            logger.exception("outbox row could not be rendered", extra={"outbox_id": message.id})
            await self._give_up(message, f"render error: {type(error).__name__}", unreachable=False)
            report.failed += 1
        else:
            await self._mark_sent(message.id)
            report.sent += 1

    async def _mark_sent(self, message_id: int) -> None:
        """Telegram has the message: record it even if the database is away for a while."""

        async def mark() -> None:
            async with self.services.uow_factory() as uow:
                await uow.outbox.mark_sent(message_id, self.services.clock())
                await uow.commit()

        try:
            async for attempt in AsyncRetrying(
                retry=retry_if_exception(is_database_unavailable),
                wait=RECORD_SENT_WAIT,
                stop=stop_after_delay(LEASE.total_seconds()),
                reraise=True,
            ):
                with attempt:
                    await mark()
        except Exception as error:
            if not is_database_unavailable(error):
                raise
            # past the lease another worker may send it again: the one repeat we cannot avoid
            logger.error("sent message could not be recorded", extra={"outbox_id": message_id})

    async def _send(self, message: OutboxMessage) -> None:
        payload: dict[str, Any] = message.payload
        lang = payload.get("lang", "ru")
        core = self.services.i18n_core
        if message.kind == TEXT and is_live(payload):
            rendered = await render_live(self.services, payload, lang)
            if rendered is None:
                return  # nothing waits any more: nothing to say
            parts, markup = rendered
            for index, part in enumerate(parts):
                last = index == len(parts) - 1
                await self.bot.send_message(
                    message.chat_id, part, reply_markup=markup if last else None
                )
        elif message.kind == TEXT:
            text = core.get(payload["key"], lang, **notice_args(payload, lang))
            await self.bot.send_message(
                message.chat_id,
                text,
                reply_markup=notice_buttons(payload, lang, core)
                or notice_markup(core, payload, lang),
            )
        elif message.kind == DOCUMENT:
            async with self.services.uow_factory() as uow:
                document = await uow.documents.get(payload["document_file_id"])
            if document is None:
                raise LookupError(f"document {payload['document_file_id']} is missing")
            caption = core.get(payload["caption_key"], lang, **notice_args(payload, lang))
            await self.bot.send_document(
                message.chat_id,
                BufferedInputFile(
                    document.content,
                    filename=document_file_name(lambda key: core.get(key, lang), document),
                ),
                caption=caption,
            )
        else:
            raise ValueError(f"unknown outbox kind {message.kind!r}")

    async def _retry(
        self, message: OutboxMessage, error: str, delay: timedelta, count_attempt: bool = True
    ) -> None:
        assert message.id is not None
        message_id, retry_at = message.id, self.services.clock() + delay

        async def record(uow: Any) -> None:
            await uow.outbox.mark_failed(message_id, error, retry_at, count_attempt=count_attempt)

        # not recorded: the claim runs out with its lease and the row is tried again then
        await self._record(message, "retry", record)

    async def _give_up(self, message: OutboxMessage, error: str, unreachable: bool) -> None:
        assert message.id is not None
        message_id, now = message.id, self.services.clock()

        async def record(uow: Any) -> None:
            await uow.outbox.mark_failed(message_id, error, None)
            if unreachable:
                await uow.people.mark_unreachable(message.chat_id, now)

        # not recorded: decided again (the same way) when the lease runs out and it is retried
        if not await self._record(message, "failure", record):
            return
        logger.warning(
            "outbox row failed for good", extra={"outbox_id": message.id, "error": error}
        )

    async def _record(
        self, message: OutboxMessage, what: str, write: Callable[[Any], Awaitable[None]]
    ) -> bool:
        """One short transaction about a claimed row; False if the database is away (the
        claim's lease then brings the row back)."""
        try:
            async with self.services.uow_factory() as uow:
                await write(uow)
                await uow.commit()
        except Exception as failure:
            if not is_database_unavailable(failure):
                raise
            logger.warning(
                f"{what} not recorded: database unavailable", extra={"outbox_id": message.id}
            )
            return False
        return True
