"""§38 follow-up survey, 6 and 12 months after a completed course: the invitation (sent by
``bot.runtime.jobs.follow_up``) carries the 1–5 scale; then "applied in lessons?" with three
buttons; then an optional comment (typed, or "Skip"). Every answer is stored at once, so a
restart loses nothing; the use case re-checks that the enrollment is the teacher's."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.formatting import local_today
from bot.ui.survey_buttons import SurveyCb, applied_keyboard, skip_keyboard
from domain.follow_up import APPLIED_ANSWERS, COMMENT_MAX, SurveyQuestion
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.follow_up import SurveyError, SurveyRefusal, answer_survey


class SurveyForm(StatesGroup):
    comment = State()


async def _ask_next(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    following: SurveyQuestion | None,
    enrollment_id: int,
    wave: int,
) -> None:
    if following is SurveyQuestion.APPLIED:
        labels = {a: i18n.get("survey-applied-" + a) for a in APPLIED_ANSWERS}
        await message.answer(
            i18n.get("survey-ask-applied"),
            reply_markup=applied_keyboard(labels, enrollment_id, wave),
        )
    elif following is SurveyQuestion.COMMENT:
        await state.set_state(SurveyForm.comment)
        await state.update_data(survey_enrollment_id=enrollment_id, survey_wave=wave)
        await message.answer(
            i18n.get("survey-ask-comment", max=COMMENT_MAX),
            reply_markup=skip_keyboard(i18n.get("survey-skip"), enrollment_id, wave),
        )
    else:
        await state.clear()
        await message.answer(i18n.get("survey-thanks"))


async def answered(
    query: CallbackQuery,
    callback_data: SurveyCb,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    person: Person | None = None,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    question = (
        SurveyQuestion(callback_data.question)
        if callback_data.question in set(SurveyQuestion)
        else None
    )
    if person is None or person.id is None or question is None or message is None:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    try:
        following = await answer_survey(
            uow_factory,
            person.id,
            callback_data.enrollment_id,
            callback_data.wave,
            question,
            callback_data.value,
            clock(),
            local_today(clock, settings),
        )
    except SurveyError as error:
        await query.answer(i18n.get("survey-refused-" + error.reason.value), show_alert=True)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)  # the question is answered
    await _ask_next(
        message, i18n, state, following, callback_data.enrollment_id, callback_data.wave
    )


async def comment_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
    person: Person | None = None,
) -> None:
    data = await state.get_data()
    if person is None or person.id is None or "survey_enrollment_id" not in data:
        await state.clear()
        return
    enrollment_id, wave = int(data["survey_enrollment_id"]), int(data["survey_wave"])
    try:
        following = await answer_survey(
            uow_factory,
            person.id,
            enrollment_id,
            wave,
            SurveyQuestion.COMMENT,
            message.text or "",
            clock(),
            local_today(clock, settings),
        )
    except SurveyError as error:
        if error.reason is not SurveyRefusal.TOO_LONG:
            await state.clear()
        await message.answer(i18n.get("survey-refused-" + error.reason.value, max=COMMENT_MAX))
        return
    await _ask_next(message, i18n, state, following, enrollment_id, wave)


def create_router() -> Router:
    router = Router(name="teacher-survey")
    router.callback_query.register(answered, SurveyCb.filter())
    router.message.register(comment_typed, SurveyForm.comment, F.text, ~F.text.startswith("/"))
    return router
