"""§36–37 post-course support, teacher side: ask a trainer of the course for methodological
or consulting help, help with a publication, or a professional-community event, for one year
after completion; after that the menu says the period has ended and when."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import FormNav, SupportCb
from bot.handlers.teacher.common import nav_keyboard, register_entry
from bot.ui.formatting import long_date
from bot.ui.menus import main_menu
from bot.ui.screens import ui_lang
from domain.model import Person, SupportKind
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import support as service


class SupportForm(StatesGroup):
    question = State()


def kebab(value: str) -> str:
    return value.replace("_", "-")


def today_of(clock: Clock, settings: Settings) -> date:
    return clock().astimezone(settings.tz).date()


async def support_entry(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await state.clear()
    lang = ui_lang(i18n)
    assert person.id is not None
    windows = await service.support_windows(uow_factory, person.id, today_of(clock, settings))
    if not windows:
        await message.answer(i18n.get("support-none"))
        return
    for window in windows:
        topic = window.course.topic(lang)
        ends = long_date(window.ends_on, lang)
        if not window.open:
            await message.answer(i18n.get("support-ended", topic=topic, date=ends))
            continue
        rows = [
            [
                InlineKeyboardButton(
                    text=i18n.get(f"support-kind-{kebab(kind.value)}"),
                    callback_data=SupportCb(
                        kind=kind.value, enrollment_id=window.enrollment.id or 0
                    ).pack(),
                )
            ]
            for kind in SupportKind
        ]
        await message.answer(
            i18n.get("support-open", topic=topic, date=ends),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
        )
    answered = (await service.my_consultations(uow_factory, person.id))[:5]
    if answered:
        await message.answer(
            "\n\n".join(
                [i18n.get("support-mine-header")]
                + [
                    i18n.get(
                        "support-mine-item",
                        question=c.question[:300],
                        answer=c.answer[:1000] if c.answer else i18n.get("support-awaiting"),
                    )
                    for c in answered
                ]
            )
        )


async def kind_chosen(
    query: CallbackQuery,
    callback_data: SupportCb,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    assert person.id is not None
    windows = await service.support_windows(uow_factory, person.id, today_of(clock, settings))
    window = next((w for w in windows if w.enrollment.id == callback_data.enrollment_id), None)
    if (
        callback_data.kind not in {k.value for k in SupportKind}
        or window is None
        or not isinstance(query.message, Message)
    ):
        await query.answer(i18n.get("support-refused-not-found"), show_alert=True)
        return
    if not window.open:
        await query.answer(
            i18n.get("support-refused-period-ended", date=long_date(window.ends_on, ui_lang(i18n))),
            show_alert=True,
        )
        return
    await query.answer()
    await state.clear()
    await state.set_state(SupportForm.question)
    await state.set_data(
        {
            "form": "support",
            "kind": callback_data.kind,
            "enrollment_id": callback_data.enrollment_id,
        }
    )
    await query.message.answer(
        i18n.get("support-ask-question"), reply_markup=nav_keyboard(i18n, "support", back=False)
    )


async def question_typed(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    assert person.id is not None
    result = await service.ask_support(
        uow_factory,
        person.id,
        data["enrollment_id"],
        SupportKind(data["kind"]),
        message.text or "",
        clock(),
        today_of(clock, settings),
    )
    if result.refusal in (service.SupportRefusal.EMPTY, service.SupportRefusal.TOO_LONG):
        await message.answer(i18n.get(f"support-refused-{result.refusal}"))
        return
    await state.clear()
    if result.refusal is not None:
        text = i18n.get(
            f"support-refused-{result.refusal}", date=long_date(result.ends_on, ui_lang(i18n))
        )
    else:
        text = i18n.get("support-sent")
    await message.answer(text, reply_markup=main_menu(i18n, person))


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("profile-error-text-expected"))


async def nav(query: CallbackQuery, i18n: I18nContext, state: FSMContext, person: Person) -> None:
    if await state.get_state() != SupportForm.question.state or not isinstance(
        query.message, Message
    ):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(i18n.get("support-cancelled"), reply_markup=main_menu(i18n, person))


def create_router() -> Router:
    router = Router(name="teacher-support")
    register_entry(router, support_entry, ("support",))
    router.callback_query.register(kind_chosen, SupportCb.filter())
    router.callback_query.register(nav, FormNav.filter(F.form == "support"))
    not_command = ~F.text.startswith("/")
    router.message.register(question_typed, SupportForm.question, F.text, not_command)
    router.message.register(not_text, SupportForm.question, not_command)
    return router
