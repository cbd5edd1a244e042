"""/deletions and "🗑" in the admin panel: teachers' requests to delete their data — who, the
masked IIN, when, cohorts, documents issued — carried out, or declined when mistaken or
duplicated, on Confirm under a summary that says what is kept (``bot.ui.forms``). What is
kept and why is decided in ``domain.services.erasure``."""

from __future__ import annotations

import contextlib
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import AdminArea, DeletionAction
from bot.handlers.admin.panel import button
from bot.ui.formatting import long_date
from bot.ui.forms import Choice, Form, FormRun, Step, StepView, open_form
from bot.ui.markup import Markup
from domain.iin import mask_iin
from domain.model import Person
from domain.ports import UnitOfWorkFactory
from domain.services.erasure import (
    DeletionRequest,
    decline_deletion,
    erase_personal_data,
    pending_deletion_requests,
)

SHOWN_AT_ONCE = 20


def display_name(person: Person) -> str:
    return person.full_name or person.first_name or f"#{person.telegram_id or person.id}"


def card_text(i18n: I18nContext, entry: DeletionRequest, tz: ZoneInfo) -> str:
    person = entry.person
    at = entry.requested_at.astimezone(tz)
    lines = [
        Markup.tag("b", display_name(person)),
        i18n.get("admin-deletion-iin", iin=mask_iin(person.iin) if person.iin else "—"),
        i18n.get("admin-deletion-requested", at=f"{long_date(at.date(), i18n.locale)}, {at:%H:%M}"),
        i18n.get("admin-deletion-cohorts", cohorts=", ".join(entry.cohorts) or "—"),
    ]
    if entry.document_numbers:
        numbers = ", ".join(entry.document_numbers)
        lines.append(i18n.get("admin-deletion-issued", numbers=numbers))
    else:
        lines.append(i18n.get("admin-deletion-nothing-issued"))
    return Markup("\n").join(lines)


def card_keyboard(i18n: I18nContext, person_id: int) -> InlineKeyboardMarkup:
    return _action_row(
        i18n, person_id, ("admin-deletion-delete", "ask"), ("admin-deletion-decline", "decline")
    )


def _action_row(
    i18n: I18nContext, person_id: int, *buttons: tuple[str, str]
) -> InlineKeyboardMarkup:
    """One row of buttons, each (text key, action) on this person's request."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(i18n.get(key), DeletionAction(action=action, person_id=person_id).pack())
                for key, action in buttons
            ]
        ]
    )


async def deletions_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings
) -> None:
    pending = await pending_deletion_requests(uow_factory)
    if not pending:
        await message.answer(i18n.get("admin-deletions-empty"))
        return
    await message.answer(i18n.get("admin-deletions-title", count=len(pending)))
    tz = ZoneInfo(settings.timezone)
    for entry in pending[:SHOWN_AT_ONCE]:
        assert entry.person.id is not None
        await message.answer(
            card_text(i18n, entry, tz), reply_markup=card_keyboard(i18n, entry.person.id)
        )


async def deletions_area(
    query: CallbackQuery, i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await deletions_command(query.message, i18n, uow_factory, settings)


async def forget_chat(storage: BaseStorage, bot: Bot, chat_id: int) -> None:
    """The half-filled form of a forgotten chat may hold an IIN or a phone: gone too."""
    key = StorageKey(bot_id=bot.id, chat_id=chat_id, user_id=chat_id)
    await storage.set_state(key, None)
    await storage.set_data(key, {})


async def drop_card_keyboard(message: Message | None, card_id: int | None) -> None:
    """A request carried out or declined keeps no buttons on its card."""
    if message is None or message.bot is None or not card_id:
        return
    with contextlib.suppress(TelegramBadRequest):
        await message.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=card_id, reply_markup=None
        )


ACTIONS = {"ask": "delete", "decline": "decline"}


async def pressed(
    query: CallbackQuery,
    callback_data: DeletionAction,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    """ "Delete data" or "Decline" on a card: a request no longer pending says so at once;
    otherwise the decision is a form whose summary says what will be kept (``bot.ui.forms``)."""
    message = query.message if isinstance(query.message, Message) else None
    target = callback_data.person_id
    found = [e for e in await pending_deletion_requests(uow_factory) if e.person.id == target]
    if not found:
        await query.answer(i18n.get("admin-deletion-gone"), show_alert=True)
        return
    if callback_data.action not in ACTIONS:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    if message is None:
        return
    entry = found[0]
    await open_form(
        DELETION,
        message,
        state,
        i18n,
        context={
            "person_id": target,
            "name": display_name(entry.person),
            "numbers": ", ".join(entry.document_numbers),
            "card": message.message_id,
        },
        values={"decision": ACTIONS[callback_data.action]},
    )


async def decision_choices(view: StepView) -> list[Choice]:
    return [
        Choice("delete", view.i18n.get("admin-deletion-delete")),
        Choice("decline", view.i18n.get("admin-deletion-decline")),
    ]


async def carry_out(run: FormRun) -> str | None:
    """Erase (what the law lets go, ``domain.services.erasure``) or decline; the teacher is told
    either way."""
    person: Person = run["person"]
    target = int(run.context["person_id"])
    i18n = run.i18n
    if run.values["decision"] == "decline":
        if not await decline_deletion(run["uow_factory"], target, person.id or 0, run["clock"]()):
            return i18n.get("admin-deletion-gone")
        await drop_card_keyboard(run.message, run.context.get("card"))
        return i18n.get("admin-deletion-declined")
    erasure = await erase_personal_data(run["uow_factory"], target, person.id or 0, run["clock"]())
    if erasure is None:
        return i18n.get("admin-deletion-gone")
    if erasure.chat_id is not None:
        await forget_chat(run["fsm_storage"], run["bot"], erasure.chat_id)
    await drop_card_keyboard(run.message, run.context.get("card"))
    if erasure.removed:
        return i18n.get("admin-deletion-done-removed")
    return i18n.get("admin-deletion-done-kept", numbers=", ".join(erasure.kept_numbers))


DELETION = Form(
    name="deletion",
    title="admin-deletion-summary",
    confirm="admin-deletion-confirm",
    submit=carry_out,
    steps=(
        Step(
            "decision",
            "admin-deletion-ask-decision",
            "admin-deletion-label-decision",
            parse=None,
            choices=decision_choices,
            shown=lambda value, view: view.i18n.get(
                "admin-deletion-delete" if value == "delete" else "admin-deletion-decline"
            ),
        ),
    ),
    title_args=lambda context: {
        "name": context["name"],
        "numbers": context["numbers"] or "—",
        "kept": "yes" if context["numbers"] else "no",
    },
)
FORMS = (DELETION,)


def create_router() -> Router:
    router = Router(name="admin-deletions")
    router.message.register(deletions_command, Command("deletions"))
    router.callback_query.register(deletions_area, AdminArea.filter(F.area == "deletions"))
    router.callback_query.register(pressed, DeletionAction.filter())
    return router
