"""§36–37 post-course consultations, the admin's side: /consultations lists every open
request; the admin picks one, types the answer and confirms it under a summary."""

from __future__ import annotations

from aiogram import Router

from bot.handlers.admin.results_callbacks import ConsultationAction
from bot.ui.consultations import ConsultationScreens, answer_form

ANSWER = answer_form("answer-admin", as_admin=True)
FORMS = (ANSWER,)


def _pack(consultation_id: int) -> str:
    return ConsultationAction(consultation_id=consultation_id).pack()


SCREENS = ConsultationScreens(as_admin=True, form=ANSWER, pack_button=_pack)


def create_router() -> Router:
    router = Router(name="admin-consultations")
    SCREENS.register(router, "consultations", ConsultationAction)
    return router
