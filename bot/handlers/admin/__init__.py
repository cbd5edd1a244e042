"""Everything an admin does, from a private chat: the panel, roles, courses, cohorts and their
schedules, applications, list imports and enrollment orders, scores, expulsion, §31 requests,
§36–37 consultations, certificates, reports, who blocked the bot, deletion requests.

The whole package sits behind one gate (``bot.gates.admin_only``): a handler here runs only for
an admin in a private chat; anyone else gets a translated refusal and the attempt is logged.
"""

from __future__ import annotations

from aiogram import Router

from bot.gates import admin_only
from bot.handlers.admin import (
    applications,
    blanks,
    certificates,
    cohort_editing,
    cohorts,
    consultations,
    courses,
    deletions,
    effectiveness,
    enrollment_import,
    expulsion,
    internship,
    orders,
    panel,
    reports,
    requests,
    roles,
    schedule,
    schedule_import,
    score_import,
    scores,
    unreachable,
)
from bot.ui.forms import create_form_router, forms_of

CAPABILITIES = (
    panel,
    roles,
    courses,
    cohorts,
    cohort_editing,
    schedule,
    schedule_import,
    applications,
    enrollment_import,
    orders,
    unreachable,
    deletions,
    scores,
    score_import,
    expulsion,
    requests,
    consultations,
    reports,
    effectiveness,
    certificates,
    internship,
    blanks,
)


def create_router() -> Router:
    router = Router(name="admin")
    admin_only(router)
    router.include_routers(*(capability.create_router() for capability in CAPABILITIES))
    router.include_router(create_form_router("admin", forms_of(CAPABILITIES)))
    return router
