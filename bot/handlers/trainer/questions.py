"""/questions: §36–37 post-course consultations routed to the trainer's cohorts; the trainer
picks one and types the answer."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.state import State, StatesGroup

from bot.handlers.trainer.callbacks import TrainerAnswer
from bot.ui.callbacks import ResultsNav
from bot.ui.consultations import ConsultationScreens
from bot.ui.screens import cancel_form


class TrainerAnswerForm(StatesGroup):
    answer = State()


def _pack(consultation_id: int) -> str:
    return TrainerAnswer(consultation_id=consultation_id).pack()


SCREENS = ConsultationScreens(
    as_admin=False, answer_step=TrainerAnswerForm.answer, pack_button=_pack
)


def create_router() -> Router:
    router = Router(name="trainer-questions")
    SCREENS.register(router, "questions", TrainerAnswer)
    router.callback_query.register(
        cancel_form, ResultsNav.filter(F.action == "cancel"), TrainerAnswerForm.answer
    )
    return router
