"""/questions: §36–37 post-course consultations routed to the trainer's cohorts; the trainer
picks one, types the answer and confirms it under a summary."""

from __future__ import annotations

from aiogram import Router

from bot.handlers.trainer.callbacks import TrainerAnswer
from bot.ui.consultations import ConsultationScreens, answer_form

ANSWER = answer_form("answer-trainer", as_admin=False)
FORMS = (ANSWER,)


def _pack(consultation_id: int) -> str:
    return TrainerAnswer(consultation_id=consultation_id).pack()


SCREENS = ConsultationScreens(as_admin=False, form=ANSWER, pack_button=_pack)


def create_router() -> Router:
    router = Router(name="trainer-questions")
    SCREENS.register(router, "questions", TrainerAnswer)
    return router
