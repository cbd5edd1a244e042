""" "Start check-in": a photo of the QR deep link whose caption shows the current code and the
live count "checked in: N of M". One asyncio task per running board edits it when the
30-second window turns (only if the code or the count changed: cheap), and stops at the end
of the session or on "stop". Tests call ``refresh_board`` with the FakeClock instead of
waiting.
"""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
    TelegramObject,
)
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.gates import Handler
from bot.handlers.trainer.callbacks import SessionAction
from bot.handlers.trainer.common import refuse
from bot.ui.formatting import format_clock
from bot.ui.markup import Markup
from bot.ui.screens import ui_lang
from domain.checkin_codes import deep_link, display_code, window_ends_at
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.trainer import CheckInBoard, checkin_board, stop_board

logger = logging.getLogger("biliktilik.checkin_board")
MAX_FAILURES = 5  # consecutive refresh errors before a board gives up


def qr_png(content: str) -> bytes:
    import qrcode  # here, not at import: only a trainer's check-in board draws one (~2 MB)

    image = qrcode.make(content, box_size=12, border=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class RunningBoard:
    """One trainer's board for one session, and what it needs to refresh itself."""

    chat_id: int
    message_id: int
    session_id: int
    trainer: Person
    lang: str
    bot_username: str
    uow_factory: Any
    clock: Any
    settings: Settings
    core: FluentRuntimeCore
    started_at: datetime | None = None
    shown: tuple[str, int] | None = None  # (code, count) on screen now
    task: asyncio.Task[None] | None = field(default=None, repr=False)

    @property
    def key(self) -> tuple[int, int]:
        return self.chat_id, self.session_id


def board_caption(board: CheckInBoard, lang: str, core: FluentRuntimeCore, link: str) -> str:
    topic = board.course.topic("kk" if lang == "kk" else "ru")
    text = core.get(
        "trainer-board",
        lang,
        topic=topic,
        cohort=board.cohort.code,
        code=display_code(board.code),
        count=board.checked_in,
        total=board.enrolled,
    )
    return Markup("\n").join([text, link])


def closed_caption(board: CheckInBoard, lang: str, core: FluentRuntimeCore) -> str:
    topic = board.course.topic("kk" if lang == "kk" else "ru")
    return core.get(
        "trainer-board-closed",
        lang,
        topic=topic,
        cohort=board.cohort.code,
        count=board.checked_in,
        total=board.enrolled,
    )


def stop_keyboard(session_id: int, lang: str, core: FluentRuntimeCore) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=core.get("trainer-btn-stop", lang),
                    callback_data=SessionAction(action="stop", session_id=session_id).pack(),
                )
            ]
        ]
    )


async def refresh_board(bot: Bot, run: RunningBoard) -> bool:
    """Bring the board up to date; False when it must stop (session over, trainer no longer
    trains the cohort). Re-checks the trainer on the server every time."""
    now = run.clock()
    board = await checkin_board(
        run.uow_factory, run.trainer, run.session_id, now, run.settings.cert_secret_bytes
    )
    if board is None:
        return False
    stopped = (
        board.stopped_at is not None
        and run.started_at is not None
        and board.stopped_at > run.started_at
    )  # "stop" pressed, maybe on another instance
    if stopped or now >= board.session.ends_at:
        await _edit_caption(bot, run, closed_caption(board, run.lang, run.core), None)
        return False
    if run.shown == (board.code, board.checked_in):
        return True
    link = deep_link(run.bot_username, run.session_id, board.code)
    media = InputMediaPhoto(
        media=BufferedInputFile(qr_png(link), filename="checkin.png"),
        caption=board_caption(board, run.lang, run.core, link),
    )
    try:
        await bot.edit_message_media(
            media=media,
            chat_id=run.chat_id,
            message_id=run.message_id,
            reply_markup=stop_keyboard(run.session_id, run.lang, run.core),
        )
    except TelegramBadRequest as error:
        if "not modified" not in str(error):
            raise
    run.shown = (board.code, board.checked_in)
    return True


async def _edit_caption(
    bot: Bot, run: RunningBoard, caption: str, markup: InlineKeyboardMarkup | None
) -> None:
    try:
        await bot.edit_message_caption(
            chat_id=run.chat_id, message_id=run.message_id, caption=caption, reply_markup=markup
        )
    except TelegramBadRequest as error:
        if "not modified" not in str(error):
            raise


class LiveBoards:
    """The running boards of this process, by (chat, session)."""

    def __init__(self) -> None:
        self._runs: dict[tuple[int, int], RunningBoard] = {}

    def running(self) -> list[RunningBoard]:
        return list(self._runs.values())

    def get(self, chat_id: int, session_id: int) -> RunningBoard | None:
        return self._runs.get((chat_id, session_id))

    def start(self, bot: Bot, run: RunningBoard) -> None:
        self.stop(*run.key)
        self._runs[run.key] = run
        run.task = asyncio.create_task(self._loop(bot, run), name=f"checkin-board-{run.key}")

    def stop(self, chat_id: int, session_id: int) -> RunningBoard | None:
        run = self._runs.pop((chat_id, session_id), None)
        if run is not None and run.task is not None and run.task is not asyncio.current_task():
            run.task.cancel()
        return run

    async def stop_all(self) -> None:
        runs = list(self._runs.values())
        self._runs.clear()
        for run in runs:
            if run.task is not None:
                run.task.cancel()
        await asyncio.gather(*(r.task for r in runs if r.task), return_exceptions=True)

    async def _loop(self, bot: Bot, run: RunningBoard) -> None:
        failures = 0
        while True:
            now = run.clock()
            # wake right after the window turns; at least a second, at most a window
            await asyncio.sleep(min(30.0, max(1.0, (window_ends_at(now) - now).total_seconds())))
            try:
                keep = await refresh_board(bot, run)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception:  # a flood wait or network error must not kill the board at once
                failures += 1
                logger.exception("check-in board refresh failed", extra={"key": run.key})
                keep = failures < MAX_FAILURES
            if not keep:
                if self._runs.get(run.key) is run:
                    del self._runs[run.key]
                return


async def start_board(
    query: CallbackQuery,
    callback_data: SessionAction,
    bot: Bot,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
    checkin_boards: LiveBoards,
) -> None:
    now = clock()
    board = await checkin_board(
        uow_factory, person, callback_data.session_id, now, settings.cert_secret_bytes
    )
    if board is None:
        await refuse(query, i18n)
        return
    lang = ui_lang(i18n)
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if now < board.opens_at:
        await query.message.answer(
            i18n.get(
                "trainer-board-not-open", opens=format_clock(board.opens_at, lang, settings.tz)
            )
        )
        return
    if not board.is_open:
        await query.message.answer(i18n.get("trainer-board-ended"))
        return
    me = await bot.me()
    link = deep_link(me.username or "", callback_data.session_id, board.code)
    sent = await query.message.answer_photo(
        BufferedInputFile(qr_png(link), filename="checkin.png"),
        caption=board_caption(board, lang, i18n_core, link),
        reply_markup=stop_keyboard(callback_data.session_id, lang, i18n_core),
    )
    checkin_boards.start(
        bot,
        RunningBoard(
            chat_id=sent.chat.id,
            message_id=sent.message_id,
            session_id=callback_data.session_id,
            trainer=person,
            lang=lang,
            bot_username=me.username or "",
            uow_factory=uow_factory,
            clock=clock,
            settings=settings,
            core=i18n_core,
            started_at=now,
            shown=(board.code, board.checked_in),
        ),
    )


async def stop_pressed(
    query: CallbackQuery,
    callback_data: SessionAction,
    bot: Bot,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
    checkin_boards: LiveBoards,
) -> None:
    board = await stop_board(
        uow_factory, person, callback_data.session_id, clock(), settings.cert_secret_bytes
    )
    if board is None:
        await refuse(query, i18n)
        return
    await query.answer()
    if not isinstance(query.message, Message):
        return
    checkin_boards.stop(query.message.chat.id, callback_data.session_id)
    await query.message.edit_caption(
        caption=closed_caption(board, ui_lang(i18n), i18n_core), reply_markup=None
    )


def create_router(boards: LiveBoards) -> Router:
    router = Router(name="trainer-board")
    router.callback_query.register(start_board, SessionAction.filter(F.action == "start"))
    router.callback_query.register(stop_pressed, SessionAction.filter(F.action == "stop"))

    async def provide_boards(handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data["checkin_boards"] = boards
        return await handler(event, data)

    async def on_startup(**kwargs: Any) -> None:
        # published for tests and diagnostics: dispatcher["checkin_boards"]
        dispatcher = kwargs.get("dispatcher")
        if dispatcher is not None:
            dispatcher["checkin_boards"] = boards

    router.callback_query.middleware(provide_boards)

    async def on_shutdown() -> None:
        await boards.stop_all()

    router.startup.register(on_startup)
    router.shutdown.register(on_shutdown)
    return router
