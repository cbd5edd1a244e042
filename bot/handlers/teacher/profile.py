"""The teacher's profile: a form (``bot.ui.forms``) — full name, IIN, own phone (Telegram's
contact button), position, school, employer's contact — with back/cancel at each step and a
summary; nothing is stored before Confirm. The saved profile is shown with one button that
opens the same form filled in (the summary first, Edit for a field). The IIN is only ever shown
masked. Saving leads on to where the teacher was going (the course list, the application to
the cohort they chose, …)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from aiogram import Router
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import ProfileEditCb
from bot.handlers.teacher.common import ALL, entry_name, register_entry
from bot.ui.formatting import local_today, long_date
from bot.ui.forms import Form, FormRun, Invalid, Step, StepView, open_form
from bot.ui.menus import main_menu
from domain.local_dates import local_date
from domain.model import Person
from domain.ports import Clock
from domain.services import profile as service

STEPS = service.PROFILE_FIELDS  # full_name, iin, phone, position, school_name, employer_contact
TODAY = "today"  # the organization's date when the form opened (not a step: never shown)


def key(field: str) -> str:
    return field.replace("_", "-")


class NeedsProfile(Filter):
    async def __call__(self, event: object, person: Person | None = None) -> bool:
        return person is not None and person.has_consented and not person.profile_complete


def validated(field: str) -> Callable[[str], str]:
    """The domain's check of one answer, its refusal translated (``profile-error-…``)."""

    def parse(raw: str) -> str:
        refusal, value = service.validate_answer(field, raw, date.max)
        if refusal is not None:
            raise Invalid(f"profile-error-{refusal}")
        return value

    return parse


def iin_not_born_later(value: str, values: Any) -> None:
    """A birth date after the organization's today is a typo in the year (domain.iin)."""
    today = date.fromisoformat(values[TODAY]) if values.get(TODAY) else None
    refusal, _ = service.validate_iin(value, today)
    if refusal is not None:
        raise Invalid(f"profile-error-{refusal}")


def typed_phone(raw: str) -> str:
    """A typed number could be anyone's: only Telegram's own-contact button is taken."""
    raise Invalid("profile-error-use-contact-button")


def shared_phone(message: Message, current: Any) -> str:
    contact = message.contact
    if contact is None:
        raise Invalid("profile-error-use-contact-button")
    if message.from_user is None or contact.user_id != message.from_user.id:
        raise Invalid("profile-error-foreign-contact")
    phone = service.normalize_phone(contact.phone_number)
    if not phone:
        raise Invalid("profile-error-phone-invalid")
    return phone


def masked(value: Any, view: StepView) -> str:
    return service.mask_iin(value) if value else "—"


async def save(run: FormRun) -> str | None:
    i18n, values, person = run.i18n, run.values, run["person"]
    draft = service.ProfileDraft(**{f: values[f] for f in STEPS})
    assert person.id is not None
    result = await service.save_profile(run["uow_factory"], person.id, draft, run["clock"]())
    if result.refusal is service.ProfileRefusal.IIN_TAKEN:
        await run.message.answer(i18n.get("profile-error-iin-taken"))
        again = {name: value for name, value in values.items() if name != "iin"}
        await open_form(PROFILE, run.message, run["state"], i18n, run.context, values=again)
        return None
    if not result.ok or result.person is None:
        return i18n.get(f"profile-error-{result.refusal}")
    saved = "profile-linked" if result.linked else "profile-saved"
    await run.message.answer(i18n.get(saved), reply_markup=main_menu(i18n, result.person))
    await continue_to(str(run.context.get("then") or ""), run, result.person)
    return None


async def continue_to(then: str, run: FormRun, person: Person) -> None:
    """Where the teacher was going when the profile was asked for."""
    message, i18n, state = run.message, run.i18n, run["state"]
    uows, clock, settings = run["uow_factory"], run["clock"], run["settings"]
    if then.startswith("apply:"):
        from bot.handlers.teacher.courses import start_application

        refusal = await start_application(
            message, i18n, state, person, int(then.split(":")[1]), uows, clock, settings
        )
        if refusal is not None:
            await message.answer(refusal)
    elif then == "courses":
        from bot.handlers.teacher.courses import courses_entry

        await courses_entry(message, i18n, state, uows, clock, settings)
    elif then == "mycourses":
        from bot.handlers.teacher.my_courses import my_courses_entry

        await my_courses_entry(message, i18n, person, state, uows, clock, settings)
    elif then == "requests":
        from bot.handlers.teacher.requests import requests_entry

        await requests_entry(message, i18n, person, state, uows)
    elif then == "support":
        from bot.handlers.teacher.support import support_entry

        await support_entry(message, i18n, person, state, uows, clock, settings)
    elif then == "profile":
        await show_profile(message, i18n, person, settings)


def step(field: str, **extra: Any) -> Step:
    fields: dict[str, Any] = {"parse": validated(field)}
    fields.update(extra)
    return Step(field, f"profile-ask-{key(field)}", f"forms-teacher-profile-{key(field)}", **fields)


PROFILE = Form(
    name="t-profile",
    title="forms-teacher-profile-title",
    confirm="forms-teacher-profile-confirm",
    submit=save,
    menu=lambda i18n, data: main_menu(i18n, data["person"]) if "person" in data else None,
    steps=(
        step("full_name"),
        step("iin", check=iin_not_born_later, shown=masked),
        step(
            "phone",
            parse=typed_phone,
            receive=shared_phone,
            contact_button="profile-share-contact",
        ),
        step("position"),
        step("school_name"),
        step("employer_contact"),
    ),
)
FORMS = (PROFILE,)


async def open_profile_form(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    today: date,
    then: str = "",
    person: Person | None = None,
) -> None:
    """The form, empty for a new teacher, filled in (the summary first) for a saved profile."""
    values: dict[str, Any] = {TODAY: today.isoformat()}
    if person is not None and person.profile_complete:
        values.update({f: getattr(person, f) for f in STEPS})
    else:
        await message.answer(i18n.get("profile-form-intro"))
    await open_form(PROFILE, message, state, i18n, {"then": then}, values=values)


async def profile_needed(
    message: Message, i18n: I18nContext, state: FSMContext, clock: Clock, settings: Settings
) -> None:
    then = entry_name(message, i18n)
    await open_profile_form(message, i18n, state, local_today(clock, settings), then)


def summary_args(values: dict[str, Any]) -> dict[str, str]:
    args = {key(f).replace("-", "_"): values.get(f) or "—" for f in STEPS}
    args["iin"] = service.mask_iin(values["iin"]) if values.get("iin") else "—"
    return args


def profile_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    button = InlineKeyboardButton(
        text=i18n.get("forms-teacher-profile-change"),
        callback_data=ProfileEditCb(field="all").pack(),
    )
    return InlineKeyboardMarkup(inline_keyboard=[[button]])


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
            **summary_args(values),
        ),
        reply_markup=profile_keyboard(i18n),
    )


async def profile_entry(
    message: Message, i18n: I18nContext, person: Person, state: FSMContext, settings: Settings
) -> None:
    await state.clear()
    await show_profile(message, i18n, person, settings)


async def change_pressed(
    query: CallbackQuery,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    if not person.has_consented or not isinstance(query.message, Message):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    today = local_today(clock, settings)
    await open_profile_form(query.message, i18n, state, today, "profile", person)


def create_router() -> Router:
    router = Router(name="teacher-profile")
    register_entry(router, profile_needed, tuple(n for n in ALL if n != "mydata"), NeedsProfile())
    register_entry(router, profile_entry, ("profile",))
    router.callback_query.register(change_pressed, ProfileEditCb.filter())
    return router
