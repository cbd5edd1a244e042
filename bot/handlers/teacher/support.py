"""§36–37 post-course support, teacher side: ask a trainer of the course for methodological
or consulting help, help with a publication, or a professional-community event, for one year
after completion; after that the menu says the period has ended and when. The question is a
form (``bot.ui.forms``): typed, shown in a summary, sent to the trainer only on Confirm."""

from __future__ import annotations

from datetime import date

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import SupportCb
from bot.handlers.teacher.common import register_entry
from bot.ui.formatting import long_date
from bot.ui.forms import Form, FormRun, Step, open_form, text
from bot.ui.screens import ui_lang
from domain.model import Person, SupportKind
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import support as service


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
    kind = SupportKind(callback_data.kind)
    context = {
        "enrollment_id": callback_data.enrollment_id,
        "kind": i18n.get(f"support-kind-{kebab(kind.value)}"),
        "kind_value": kind.value,
        "topic": window.course.topic(ui_lang(i18n)),
    }
    await open_form(SUPPORT, query.message, state, i18n, context)


async def send_question(run: FormRun) -> str | None:
    person, clock, settings = run["person"], run["clock"], run["settings"]
    assert person.id is not None
    result = await service.ask_support(
        run["uow_factory"],
        person.id,
        int(run.context["enrollment_id"]),
        SupportKind(run.context["kind_value"]),
        run.values["question"],
        clock(),
        today_of(clock, settings),
    )
    if result.refusal is not None:
        return run.i18n.get(
            f"support-refused-{result.refusal}",
            date=long_date(result.ends_on, ui_lang(run.i18n)),
        )
    return run.i18n.get("support-sent")


SUPPORT = Form(
    name="t-support",
    title="forms-teacher-support-title",
    confirm="forms-teacher-support-confirm",
    submit=send_question,
    steps=(
        Step(
            "question",
            "support-ask-question",
            "forms-teacher-support-question",
            text(service.QUESTION_MAX, multiline=True),
        ),
    ),
)
FORMS = (SUPPORT,)


def create_router() -> Router:
    router = Router(name="teacher-support")
    register_entry(router, support_entry, ("support",))
    router.callback_query.register(kind_chosen, SupportCb.filter())
    return router
