"""The teacher's profile: a form (full name, IIN, own phone, position, school, employer's
contact) with back/cancel at each step and a summary to confirm; viewable and editable field by
field later. The IIN is only ever shown masked."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.config import Settings
from bot.handlers.teacher.callbacks import FormNav, ProfileEditCb
from bot.handlers.teacher.common import (
    ALL,
    confirm_keyboard,
    nav_keyboard,
    register_entry,
)
from bot.ui.formatting import local_today, long_date
from bot.ui.menus import main_menu
from domain.local_dates import local_date
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import profile as service

STEPS = service.PROFILE_FIELDS  # full_name, iin, phone, position, school_name, employer_contact


class ProfileForm(StatesGroup):
    full_name = State()
    iin = State()
    phone = State()
    position = State()
    school_name = State()
    employer_contact = State()
    confirm = State()


def key(field: str) -> str:
    return field.replace("_", "-")


class NeedsProfile(Filter):
    async def __call__(self, event: object, person: Person | None = None) -> bool:
        return person is not None and person.has_consented and not person.profile_complete


def phone_keyboard(i18n: I18nContext) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("profile-share-contact"), request_contact=True)],
            [
                KeyboardButton(text=i18n.get("form-back")),
                KeyboardButton(text=i18n.get("form-cancel")),
            ],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


async def ask(message: Message, i18n: I18nContext, state: FSMContext, field: str) -> None:
    await state.set_state(getattr(ProfileForm, field))
    editing = bool((await state.get_data()).get("editing"))
    if field == "phone":
        await message.answer(i18n.get("profile-ask-phone"), reply_markup=phone_keyboard(i18n))
        return
    back = not editing and field != STEPS[0]
    await message.answer(
        i18n.get(f"profile-ask-{key(field)}"), reply_markup=nav_keyboard(i18n, "profile", back=back)
    )


async def start_profile_form(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await state.update_data(form="profile")
    await message.answer(i18n.get("profile-form-intro"))
    await ask(message, i18n, state, STEPS[0])


async def profile_needed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await start_profile_form(message, i18n, state)


def summary_args(values: dict[str, str], lang: str) -> dict[str, str]:
    args = {key(f).replace("-", "_"): values.get(f) or "—" for f in STEPS}
    args["iin"] = service.mask_iin(values["iin"]) if values.get("iin") else "—"
    return args


async def show_summary(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(ProfileForm.confirm)
    data = await state.get_data()
    text = i18n.get("profile-summary", **summary_args(data, i18n.locale))
    await message.answer(text, reply_markup=confirm_keyboard(i18n, "profile"))


async def accepted(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    field: str,
    value: str,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    if data.get("editing"):
        assert person.id is not None
        result = await service.update_profile_field(
            uow_factory, person.id, field, value, clock(), tz=settings.tz
        )
        if not result.ok:
            await message.answer(i18n.get(f"profile-error-{result.refusal}"))
            return
        await state.clear()
        await message.answer(
            i18n.get("profile-field-saved"), reply_markup=main_menu(i18n, result.person or person)
        )
        await show_profile(message, i18n, result.person or person, settings)
        return
    await state.update_data({field: value})
    if field == "phone":
        await message.answer(i18n.get("profile-phone-received"), reply_markup=ReplyKeyboardRemove())
    following = STEPS.index(field) + 1
    if following < len(STEPS):
        await ask(message, i18n, state, STEPS[following])
    else:
        await show_summary(message, i18n, state)


async def text_step(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    field = (await state.get_state() or "").split(":")[-1]
    refusal, value = service.validate_answer(
        field, message.text or "", local_today(clock, settings)
    )
    if refusal is not None:
        await message.answer(i18n.get(f"profile-error-{refusal}"))
        return
    await accepted(message, i18n, state, field, value, person, uow_factory, clock, settings)


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("profile-error-text-expected"))


async def use_buttons(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-use-buttons"))


async def contact_step(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    contact = message.contact
    if contact is None or message.from_user is None or contact.user_id != message.from_user.id:
        await message.answer(i18n.get("profile-error-foreign-contact"))
        return
    phone = service.normalize_phone(contact.phone_number)
    if not phone:
        await message.answer(i18n.get("profile-error-phone-invalid"))
        return
    await accepted(message, i18n, state, "phone", phone, person, uow_factory, clock, settings)


async def phone_not_contact(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("profile-error-use-contact-button"))


async def phone_back(
    message: Message, i18n: I18nContext, state: FSMContext, person: Person
) -> None:
    if (await state.get_data()).get("editing"):
        await cancel(message, i18n, state, person)
        return
    await message.answer(i18n.get("form-back-done"), reply_markup=ReplyKeyboardRemove())
    await ask(message, i18n, state, STEPS[STEPS.index("phone") - 1])


async def cancel(message: Message, i18n: I18nContext, state: FSMContext, person: Person) -> None:
    await state.clear()
    await message.answer(i18n.get("profile-cancelled"), reply_markup=main_menu(i18n, person))


async def nav(
    query: CallbackQuery,
    callback_data: FormNav,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    message = query.message
    current = await state.get_state()
    if not isinstance(message, Message) or not current or not current.startswith("ProfileForm"):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    field = current.split(":")[-1]
    if callback_data.action == "cancel":
        await cancel(message, i18n, state, person)
    elif callback_data.action == "back":
        index = len(STEPS) if field == "confirm" else STEPS.index(field)
        await ask(message, i18n, state, STEPS[max(0, index - 1)])
    elif callback_data.action == "confirm" and field == "confirm":
        await confirm(message, i18n, state, person, uow_factory, clock)


async def confirm(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    data = await state.get_data()
    draft = service.ProfileDraft(**{f: data[f] for f in STEPS})
    assert person.id is not None
    result = await service.save_profile(uow_factory, person.id, draft, clock())
    if result.refusal is service.ProfileRefusal.IIN_TAKEN:
        await message.answer(i18n.get("profile-error-iin-taken"))
        await ask(message, i18n, state, "iin")
        return
    if not result.ok or result.person is None:
        await message.answer(i18n.get(f"profile-error-{result.refusal}"))
        return
    await state.clear()
    saved = "profile-linked" if result.linked else "profile-saved"
    await message.answer(i18n.get(saved), reply_markup=main_menu(i18n, result.person))


def profile_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            text=i18n.get(f"profile-edit-{key(f)}"), callback_data=ProfileEditCb(field=f).pack()
        )
        for f in STEPS
    ]
    return InlineKeyboardMarkup(inline_keyboard=[buttons[i : i + 2] for i in range(0, 6, 2)])


async def show_profile(
    message: Message, i18n: I18nContext, person: Person, settings: Settings
) -> None:
    values = {f: getattr(person, f) for f in STEPS}
    await message.answer(
        i18n.get(
            "profile-view",
            consent_at=long_date(
                local_date(person.consent_at, settings.tz) if person.consent_at else None,
                i18n.locale,
            ),
            **summary_args(values, i18n.locale),
        ),
        reply_markup=profile_keyboard(i18n),
    )


async def profile_entry(
    message: Message, i18n: I18nContext, person: Person, state: FSMContext, settings: Settings
) -> None:
    await state.clear()
    await show_profile(message, i18n, person, settings)


async def edit_field(
    query: CallbackQuery,
    callback_data: ProfileEditCb,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
) -> None:
    if callback_data.field not in STEPS or not person.has_consented:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await state.clear()
        await state.update_data(form="profile", editing=True)
        await ask(query.message, i18n, state, callback_data.field)


def create_router() -> Router:
    router = Router(name="teacher-profile")
    register_entry(router, profile_needed, tuple(n for n in ALL if n != "mydata"), NeedsProfile())
    register_entry(router, profile_entry, ("profile",))
    router.callback_query.register(nav, FormNav.filter(F.form == "profile"))
    router.callback_query.register(edit_field, ProfileEditCb.filter())
    router.message.register(contact_step, ProfileForm.phone, F.contact)
    router.message.register(phone_back, ProfileForm.phone, LazyFilter("form-back"))
    router.message.register(cancel, ProfileForm.phone, LazyFilter("form-cancel"))
    text_states = [getattr(ProfileForm, f) for f in STEPS if f != "phone"]
    router.message.register(phone_not_contact, ProfileForm.phone, ~F.text.startswith("/"))
    router.message.register(text_step, StateFilter(*text_states), F.text, ~F.text.startswith("/"))
    router.message.register(not_text, StateFilter(*text_states), ~F.text)
    router.message.register(use_buttons, ProfileForm.confirm, ~F.text.startswith("/"))
    return router
