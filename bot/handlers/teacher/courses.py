"""§10, App. 1–2: open cohorts (paginated) and the application form, every blank asked, with
back and cancel at each step and a summary to confirm; the filled form comes back as a PDF."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import ApplyCb, ChoiceCb, CohortPageCb, FormNav
from bot.handlers.teacher.common import (
    confirm_keyboard,
    form_button_step,
    nav_keyboard,
    register_entry,
)
from bot.ui.formatting import local_today, long_date
from bot.ui.markup import label
from bot.ui.menus import main_menu
from bot.ui.screens import ui_lang
from domain.model import ApplicationKind, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import applications as service
from domain.services.profile import validate_full_name

PAGE_SIZE = 5


class ApplyForm(StatesGroup):
    head = State()
    duration = State()
    country = State()
    language = State()
    confirm = State()


def steps(kind: str) -> list[str]:
    if kind == ApplicationKind.ABROAD:
        return ["head", "duration", "country", "language", "confirm"]
    return ["head", "language", "confirm"]


def cohort_block(i18n: I18nContext, item: service.OpenCohort) -> str:
    lang = ui_lang(i18n)
    course, cohort = item.course, item.cohort
    return i18n.get(
        "courses-item",
        topic=course.topic(lang),
        code=cohort.code,
        format=i18n.get(f"courses-format-{course.format.value.replace('_', '-')}"),
        starts=long_date(cohort.starts_on, lang),
        ends=long_date(cohort.ends_on, lang),
        language=i18n.get(f"apply-lang-{cohort.language}"),
        hours=course.hours,
        seats=item.seats_left,
    )


async def page_view(
    i18n: I18nContext, uow_factory: UnitOfWorkFactory, clock: Clock, settings: Settings, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    found = await service.open_cohorts(uow_factory, local_today(clock, settings))
    if not found:
        return i18n.get("courses-none"), None
    pages = (len(found) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = found[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    text = "\n\n".join(
        [i18n.get("courses-header", page=page + 1, pages=pages)]
        + [cohort_block(i18n, item) for item in shown]
    )
    rows = [
        [
            InlineKeyboardButton(
                text=label(i18n, "courses-apply-button", code=item.cohort.code),
                callback_data=ApplyCb(cohort_id=item.cohort.id or 0).pack(),
            )
        ]
        for item in shown
    ]
    paging = [
        InlineKeyboardButton(text=arrow, callback_data=CohortPageCb(page=target).pack())
        for arrow, target in (("◀️", page - 1), ("▶️", page + 1))
        if 0 <= target < pages
    ]
    if paging:
        rows.append(paging)
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def courses_entry(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await state.clear()
    text, markup = await page_view(i18n, uow_factory, clock, settings, 0)
    await message.answer(text, reply_markup=markup)


async def courses_page(
    query: CallbackQuery,
    callback_data: CohortPageCb,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await query.answer()
    text, markup = await page_view(i18n, uow_factory, clock, settings, callback_data.page)
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=markup)


async def apply_pressed(
    query: CallbackQuery,
    callback_data: ApplyCb,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    assert person.id is not None
    check = await service.check_can_apply(
        uow_factory, person.id, callback_data.cohort_id, local_today(clock, settings)
    )
    if not check.allowed or check.course is None or check.cohort is None:
        await query.answer(i18n.get(f"apply-refused-{check.refusal}"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_data(
        {
            "form": "apply",
            "cohort_id": check.cohort.id,
            "cohort_language": check.cohort.language,
            "kind": service.application_kind(check.course).value,
            "head_hint": check.head_name_hint,
            "topic": check.course.topic(ui_lang(i18n)),
            "code": check.cohort.code,
            "school": person.school_name,
        }
    )
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get(
                "apply-intro-abroad"
                if service.application_kind(check.course) == "abroad"
                else "apply-intro-domestic",
                topic=check.course.topic(ui_lang(i18n)),
            )
        )
        await ask(query.message, i18n, state, "head")


def choice_rows(pairs: list[tuple[str, str]]) -> list[list[InlineKeyboardButton]]:
    return [
        [InlineKeyboardButton(text=text, callback_data=ChoiceCb(value=value).pack())]
        for text, value in pairs
    ]


async def ask(message: Message, i18n: I18nContext, state: FSMContext, step: str) -> None:
    data = await state.get_data()
    await state.set_state(getattr(ApplyForm, step))
    if step == "confirm":
        await message.answer(summary(i18n, data), reply_markup=confirm_keyboard(i18n, "apply"))
        return
    rows: list[tuple[str, str]] = []
    args: dict[str, Any] = {}
    if step == "head":
        args["school"] = data.get("school", "") or ""
        if data.get("head_hint"):
            rows.append((data["head_hint"], "hint"))
    elif step == "duration":
        rows = [
            (i18n.get("apply-duration-3-months"), "3_months"),
            (i18n.get("apply-duration-1-year"), "1_year"),
        ]
    elif step == "language":
        rows = [(i18n.get(f"apply-lang-{code}"), code) for code in service.INSTRUCTION_LANGUAGES]
    await message.answer(
        i18n.get(f"apply-ask-{step}", **args),
        reply_markup=nav_keyboard(i18n, "apply", back=step != "head", rows=choice_rows(rows)),
    )


def summary(i18n: I18nContext, data: dict[str, Any]) -> str:
    args = {
        "topic": data["topic"],
        "code": data["code"],
        "head": data.get("head_name", ""),
        "language": i18n.get(f"apply-lang-{data.get('instruction_language', 'kk')}"),
    }
    if data["kind"] == ApplicationKind.ABROAD:
        args["duration"] = i18n.get(
            "apply-duration-3-months"
            if data.get("abroad_duration") == "3_months"
            else "apply-duration-1-year"
        )
        args["country"] = data.get("country", "")
        return i18n.get("apply-summary-abroad", **args)
    return i18n.get("apply-summary-domestic", **args)


async def advance(message: Message, i18n: I18nContext, state: FSMContext, current: str) -> None:
    order = steps((await state.get_data())["kind"])
    await ask(message, i18n, state, order[order.index(current) + 1])


async def head_typed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    refusal, name = validate_full_name(message.text or "")
    if refusal is not None:
        await message.answer(i18n.get(f"profile-error-{refusal}"))
        return
    await state.update_data(head_name=name)
    await advance(message, i18n, state, "head")


async def country_typed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    country = " ".join((message.text or "").split())
    if not country or len(country) > service.COUNTRY_MAX:
        await message.answer(i18n.get("apply-error-country"))
        return
    await state.update_data(country=country)
    await advance(message, i18n, state, "country")


async def choice(
    query: CallbackQuery, callback_data: ChoiceCb, i18n: I18nContext, state: FSMContext
) -> None:
    current = (await state.get_state() or "").split(":")[-1]
    data = await state.get_data()
    value = callback_data.value
    message = query.message
    valid = {
        "head": value == "hint" and bool(data.get("head_hint")),
        "duration": value in ("3_months", "1_year"),
        "language": value in service.INSTRUCTION_LANGUAGES,
    }
    if (
        not (await state.get_state() or "").startswith("ApplyForm")
        or not valid.get(current)
        or not isinstance(message, Message)
    ):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    if (
        current == "language"
        and data["kind"] == ApplicationKind.DOMESTIC
        and value != data["cohort_language"]
    ):
        await query.answer(
            i18n.get(
                "apply-error-language", language=i18n.get(f"apply-lang-{data['cohort_language']}")
            ),
            show_alert=True,
        )
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    field = {
        "head": "head_name",
        "duration": "abroad_duration",
        "language": "instruction_language",
    }[current]
    await state.update_data({field: data["head_hint"] if current == "head" else value})
    await advance(message, i18n, state, current)


async def nav(
    query: CallbackQuery,
    callback_data: FormNav,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    pressed = await form_button_step(query, i18n, state, "ApplyForm")
    if pressed is None:
        return
    message, step = pressed
    if callback_data.action == "cancel":
        await state.clear()
        await message.answer(i18n.get("apply-cancelled"), reply_markup=main_menu(i18n, person))
    elif callback_data.action == "back":
        order = steps((await state.get_data())["kind"])
        await ask(message, i18n, state, order[max(0, order.index(step) - 1)])
    elif callback_data.action == "confirm" and step == "confirm":
        await submit(message, i18n, state, person, uow_factory, clock, settings)


async def submit(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    from bot.documents import render_application

    data = await state.get_data()
    draft = service.ApplicationDraft(
        cohort_id=data["cohort_id"],
        head_name=data.get("head_name", ""),
        instruction_language=data.get("instruction_language", ""),
        abroad_duration=data.get("abroad_duration"),
        country=data.get("country", ""),
    )
    assert person.id is not None
    result = await service.submit_application(
        uow_factory, person.id, draft, clock(), local_today(clock, settings)
    )
    await state.clear()
    if result.refusal is not None or result.document is None or result.application is None:
        await message.answer(
            i18n.get(f"apply-refused-{result.refusal or 'bad-answer'}"),
            reply_markup=main_menu(i18n, person),
        )
        return
    await message.answer(
        i18n.get("apply-submitted", topic=data["topic"]),
        reply_markup=main_menu(i18n, person),
    )
    pdf = render_application(result.document)
    filename = i18n.get("apply-file-name", number=result.application.id or 0) + ".pdf"
    await message.answer_document(
        BufferedInputFile(pdf, filename=filename), caption=i18n.get("apply-file-caption")
    )


async def use_buttons(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-use-buttons"))


def create_router() -> Router:
    router = Router(name="teacher-application")
    register_entry(router, courses_entry, ("courses",))
    router.callback_query.register(courses_page, CohortPageCb.filter())
    router.callback_query.register(apply_pressed, ApplyCb.filter())
    router.callback_query.register(nav, FormNav.filter(F.form == "apply"))
    router.callback_query.register(
        choice,
        ChoiceCb.filter(),
        StateFilter(ApplyForm.head, ApplyForm.duration, ApplyForm.language),
    )
    not_command = ~F.text.startswith("/")
    router.message.register(head_typed, ApplyForm.head, F.text, not_command)
    router.message.register(country_typed, ApplyForm.country, F.text, not_command)
    router.message.register(use_buttons, StateFilter(*ApplyForm.__states__), not_command)
    return router
