"""Grant and revoke the trainer and admin roles.

The admin names the person by forwarding one of their messages (``forward_origin`` of a user),
by sharing their contact (``contact.user_id``), or by their @username; the person must have
started the bot, because roles belong to a stored person. The change itself waits for Confirm
under a summary (``bot.ui.forms``).
"""

from __future__ import annotations

from aiogram import F, Router
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

from bot.handlers.admin.callbacks import AdminArea, RoleAction
from bot.handlers.admin.panel import button
from bot.ui.commands import apply_person_commands
from bot.ui.forms import Choice, Form, FormRun, Step, StepView, open_form
from bot.ui.long_text import split_message
from bot.ui.screens import nav_keyboard
from domain.model import Person, Role
from domain.ports import UnitOfWorkFactory
from domain.services.admin_roles import RoleOutcome, change_role, find_person, people_with_role

USERNAME = r"^@[A-Za-z0-9_]{5,32}$"


class RoleForm(StatesGroup):
    """Who: a forward, a contact or an @username (the kit's steps take typed text only);
    then the act is a form (``ROLE``): a summary with the person, Confirm changes the role."""

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
        await query.message.answer(
            i18n.get("admin-role-ask-person"), reply_markup=nav_keyboard(i18n)
        )


ACTS = ("grant:trainer", "revoke:trainer", "grant:admin", "revoke:admin")


def act_label(i18n: I18nContext, act: str) -> str:
    verb, role = act.split(":")
    return i18n.get(f"admin-role-{verb}-{role}")


async def act_choices(view: StepView) -> list[Choice]:
    return [Choice(act, act_label(view.i18n, act)) for act in ACTS]


async def _apply(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    target: Person | None,
) -> None:
    """The person is found: the act is shown with them and waits for Confirm."""
    if target is None or target.id is None:
        await message.answer(i18n.get("admin-role-unknown-person"))
        return
    data = await state.get_data()
    act = ("grant:" if data["grant"] else "revoke:") + data["role"]
    await open_form(
        ROLE,
        message,
        state,
        i18n,
        context={"target_id": target.id, "name": display_name(target)},
        values={"act": act},
    )


async def change(run: FormRun) -> str | None:
    verb, role_name = str(run.values["act"]).split(":")
    role = Role(role_name)
    person: Person = run["person"]
    assert person.id is not None
    outcome, changed = await change_role(
        run["uow_factory"],
        person.id,
        int(run.context["target_id"]),
        role,
        verb == "grant",
        run["clock"](),
    )
    if outcome in (RoleOutcome.GRANTED, RoleOutcome.REVOKED) and changed is not None:
        # their command menu follows the role at once, without a restart
        await apply_person_commands(run["bot"], run["i18n_core"], changed)
    return run.i18n.get(
        "admin-role-" + outcome.value,
        name=display_name(changed) if changed is not None else run.context["name"],
        role=run.i18n.get("admin-role-name-" + role.value),
    )


ROLE = Form(
    name="role",
    title="admin-role-summary",
    confirm="admin-role-confirm",
    submit=change,
    steps=(
        Step(
            "act",
            "admin-role-ask-act",
            "admin-role-label-act",
            parse=None,
            choices=act_choices,
            shown=lambda act, view: act_label(view.i18n, str(act)),
        ),
    ),
    title_args=lambda context: {"name": context["name"]},
)
FORMS = (ROLE,)


async def target_forwarded(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    origin = message.forward_origin
    if isinstance(origin, MessageOriginHiddenUser):
        await message.answer(i18n.get("admin-role-hidden-forward"))
        return
    if not isinstance(origin, MessageOriginUser):
        await message.answer(i18n.get("admin-role-ask-person"))
        return
    target = await find_person(uow_factory, telegram_id=origin.sender_user.id)
    await _apply(message, i18n, state, target)


async def target_contact(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    assert message.contact is not None
    if message.contact.user_id is None:
        await message.answer(i18n.get("admin-role-contact-without-telegram"))
        return
    target = await find_person(uow_factory, telegram_id=message.contact.user_id)
    await _apply(message, i18n, state, target)


async def target_username(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    target = await find_person(uow_factory, username=(message.text or "").strip())
    await _apply(message, i18n, state, target)


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
