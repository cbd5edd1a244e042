"""/deletions and "🗑" in the admin panel: teachers' requests to delete their data — who, the
masked IIN, when, cohorts, documents issued — carried out after a confirmation step, or
declined when mistaken or duplicated. What is kept and why is decided
in ``domain.services.erasure``."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import AdminArea, DeletionAction
from bot.handlers.admin.panel import button
from bot.ui.formatting import long_date
from bot.ui.markup import Markup
from domain.iin import mask_iin
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
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


def confirm_keyboard(i18n: I18nContext, person_id: int) -> InlineKeyboardMarkup:
    return _action_row(
        i18n,
        person_id,
        ("admin-deletion-confirm-button", "confirm"),
        ("admin-deletion-back", "back"),
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


async def pressed(
    query: CallbackQuery,
    callback_data: DeletionAction,
    i18n: I18nContext,
    person: Person,
    bot: Bot,
    fsm_storage: BaseStorage,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    target = callback_data.person_id
    if callback_data.action in ("ask", "back"):
        found = [e for e in await pending_deletion_requests(uow_factory) if e.person.id == target]
        if not found:
            await query.answer(i18n.get("admin-deletion-gone"), show_alert=True)
            return
        await query.answer()
        entry = found[0]
        if message is None:
            return
        if callback_data.action == "back":
            text = card_text(i18n, entry, ZoneInfo(settings.timezone))
            await message.edit_text(text, reply_markup=card_keyboard(i18n, target))
            return
        name = display_name(entry.person)
        if entry.document_numbers:
            numbers = ", ".join(entry.document_numbers)
            text = i18n.get("admin-deletion-confirm-kept", name=name, numbers=numbers)
        else:
            text = i18n.get("admin-deletion-confirm-removed", name=name)
        await message.edit_text(text, reply_markup=confirm_keyboard(i18n, target))
        return
    if callback_data.action == "confirm":
        erasure = await erase_personal_data(uow_factory, target, person.id or 0, clock())
        if erasure is None:
            await query.answer(i18n.get("admin-deletion-gone"), show_alert=True)
            return
        await query.answer()
        if erasure.chat_id is not None:
            await forget_chat(fsm_storage, bot, erasure.chat_id)
        if erasure.removed:
            text = i18n.get("admin-deletion-done-removed")
        else:
            numbers = ", ".join(erasure.kept_numbers)
            text = i18n.get("admin-deletion-done-kept", numbers=numbers)
    elif callback_data.action == "decline":
        if not await decline_deletion(uow_factory, target, person.id or 0, clock()):
            await query.answer(i18n.get("admin-deletion-gone"), show_alert=True)
            return
        await query.answer()
        text = i18n.get("admin-deletion-declined")
    else:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    if message is not None:
        await message.edit_text(text)


def create_router() -> Router:
    router = Router(name="admin-deletions")
    router.message.register(deletions_command, Command("deletions"))
    router.callback_query.register(deletions_area, AdminArea.filter(F.area == "deletions"))
    router.callback_query.register(pressed, DeletionAction.filter())
    return router
