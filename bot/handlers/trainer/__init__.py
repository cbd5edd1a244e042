"""Everything a trainer does: today's agenda, the live check-in board, the roster with marks by
hand, and the §36–37 questions routed to their cohorts.

Behind one gate (``bot.gates.trainer_only``: a private chat and the trainer role). Whether the
trainer trains *that* cohort is decided by the use cases in ``domain.services.trainer`` on every
press, and their refusals are logged too.
"""

from __future__ import annotations

from aiogram import Router

from bot.gates import trainer_only
from bot.handlers.trainer import agenda, board, questions, roster
from bot.ui.forms import create_form_router, forms_of

CAPABILITIES = (questions, agenda, board, roster)


def create_router() -> Router:
    router = trainer_only(Router(name="trainer"))
    router.include_routers(
        questions.create_router(),
        agenda.create_router(),
        board.create_router(board.LiveBoards()),
        roster.create_router(),
    )
    router.include_router(create_form_router("trainer", forms_of(CAPABILITIES)))
    return router
