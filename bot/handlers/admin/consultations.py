"""§36–37 post-course consultations, the admin's side: /consultations lists every open
request; the admin picks one and types the answer."""

from __future__ import annotations

from aiogram import Router
from aiogram.fsm.state import State, StatesGroup

from bot.handlers.admin.results_callbacks import ConsultationAction
from bot.ui.consultations import ConsultationScreens


class AdminAnswerForm(StatesGroup):
    answer = State()


def _pack(consultation_id: int) -> str:
    return ConsultationAction(consultation_id=consultation_id).pack()


SCREENS = ConsultationScreens(as_admin=True, answer_step=AdminAnswerForm.answer, pack_button=_pack)


def create_router() -> Router:
    router = Router(name="admin-consultations")
    SCREENS.register(router, "consultations", ConsultationAction)
    return router
