"""Grant and revoke the trainer and admin roles.

The admin names the person by forwarding one of their messages (``forward_origin`` of a user),
by sharing their contact (``contact.user_id``), or by their @username; the person must have
started the bot, because roles belong to a stored person.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
)
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.handlers.admin.callbacks import AdminArea, RoleAction
from bot.handlers.admin.panel import button
from bot.ui.commands import apply_person_commands
from bot.ui.long_text import split_message
from domain.model import Person, Role
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_roles import RoleOutcome, change_role, find_person, people_with_role

USERNAME = r"^@[A-Za-z0-9_]{5,32}$"


class RoleForm(StatesGroup):
    target = State()


def display_name(person: Person) -> str:
    name = person.full_name or person.first_name or str(person.telegram_id or person.id)
    if person.username:
        name += f" (@{person.username})"
    return name


async def show_roles(
    query: CallbackQuery, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    await query.answer()
    trainers = await people_with_role(uow_factory, Role.TRAINER)
    admins = await people_with_role(uow_factory, Role.ADMIN)
    text = i18n.get(
        "admin-roles-list",
        trainers="\n".join("• " + display_name(p) for p in trainers) or "—",
        admins="\n".join("• " + display_name(p) for p in admins) or "—",
    )
    keyboard = InlineKeyboardMarkup(
        # one per row: "➖ Снять роль администратора" does not fit half a phone's width
        inline_keyboard=[
            [
                button(
                    i18n.get(f"admin-role-{verb}-{role}"), RoleAction(role=role, grant=grant).pack()
                )
            ]
            for role in ("trainer", "admin")
            for verb, grant in (("grant", True), ("revoke", False))
        ]
    )
    if isinstance(query.message, Message):
        # The lists grow with the organization (60+ trainers pass 4,096 characters): sent in
        # as many messages as they need, the buttons under the last.
        *first, last = split_message(text)
        for part in first:
            await query.message.answer(part)
        await query.message.answer(last, reply_markup=keyboard)


async def ask_target(
    query: CallbackQuery, callback_data: RoleAction, i18n: I18nContext, state: FSMContext
) -> None:
    if callback_data.role not in ("trainer", "admin"):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await state.set_state(RoleForm.target)
    await state.update_data(role=callback_data.role, grant=callback_data.grant)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-role-ask-person"))


async def _apply(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    target: Person | None,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
) -> None:
    if target is None or target.id is None:
        await message.answer(i18n.get("admin-role-unknown-person"))
        return
    data = await state.get_data()
    role = Role(data["role"])
    assert person.id is not None
    outcome, changed = await change_role(
        uow_factory, person.id, target.id, role, bool(data["grant"]), clock()
    )
    await state.clear()
    if outcome in (RoleOutcome.GRANTED, RoleOutcome.REVOKED) and changed is not None:
        # their command menu follows the role at once, without a restart
        await apply_person_commands(bot, i18n_core, changed)
    await message.answer(
        i18n.get(
            "admin-role-" + outcome.value,
            name=display_name(changed or target),
            role=i18n.get("admin-role-name-" + role.value),
        )
    )


async def target_forwarded(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
) -> None:
    origin = message.forward_origin
    if isinstance(origin, MessageOriginHiddenUser):
        await message.answer(i18n.get("admin-role-hidden-forward"))
        return
    if not isinstance(origin, MessageOriginUser):
        await message.answer(i18n.get("admin-role-ask-person"))
        return
    target = await find_person(uow_factory, telegram_id=origin.sender_user.id)
    await _apply(message, i18n, state, person, uow_factory, clock, target, bot, i18n_core)


async def target_contact(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
) -> None:
    assert message.contact is not None
    if message.contact.user_id is None:
        await message.answer(i18n.get("admin-role-contact-without-telegram"))
        return
    target = await find_person(uow_factory, telegram_id=message.contact.user_id)
    await _apply(message, i18n, state, person, uow_factory, clock, target, bot, i18n_core)


async def target_username(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
) -> None:
    target = await find_person(uow_factory, username=(message.text or "").strip())
    await _apply(message, i18n, state, person, uow_factory, clock, target, bot, i18n_core)


async def target_other(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("admin-role-ask-person"))


def create_router() -> Router:
    router = Router(name="admin-roles")
    router.callback_query.register(show_roles, AdminArea.filter(F.area == "roles"))
    router.callback_query.register(ask_target, RoleAction.filter())
    router.message.register(target_forwarded, RoleForm.target, F.forward_origin)
    router.message.register(target_contact, RoleForm.target, F.contact)
    router.message.register(target_username, RoleForm.target, F.text.regexp(USERNAME))
    router.message.register(target_other, RoleForm.target, ~F.text.startswith("/"))
    return router
