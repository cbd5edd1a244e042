"""Results, decisions and reports (issue 5, items 6–9): §28 scores and outcomes, §32
expulsion, §31 requests and §36–37 consultations queues, §19 NOBD export, statistics, §38.

Admin screens sit behind the admin engineer's ``AdminAccessMiddleware`` (private chat + admin
role, refusals translated and audit-logged); the trainers' /questions has its own
``TrainerGate`` with the same behaviour for the trainer role.
"""

from __future__ import annotations

from aiogram import F, Router

from bot.handlers.admin.access import AdminAccessMiddleware
from bot.handlers.results import (
    consultations,
    expulsion,
    reports,
    request_queue,
    score_import,
    scores,
)
from bot.handlers.results.callbacks import ResultsNav
from bot.handlers.results.common import cancel_form


def create_router() -> Router:
    root = Router(name="results")
    trainer = consultations.create_trainer_router()
    # a trainer's own cancel button (the admin router's would refuse a trainer)
    trainer.callback_query.register(
        cancel_form, ResultsNav.filter(F.action == "cancel"), consultations.TrainerAnswerForm.answer
    )
    root.include_router(trainer)
    admin = Router(name="results-admin")
    admin.message.middleware(AdminAccessMiddleware())
    admin.callback_query.middleware(AdminAccessMiddleware())
    for factory in (
        scores.create_router,
        score_import.create_router,
        expulsion.create_router,
        request_queue.create_router,
        consultations.create_admin_router,
        reports.create_router,
    ):
        admin.include_router(factory())
    root.include_router(admin)
    return root
