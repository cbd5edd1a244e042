"""Everything a teacher (a listener) does: check in, consent, profile, courses and
applications, the agreement, my courses, schedule, documents, §31 requests, §36–37 post-course
support, internships (§30), and their own data.

Behind one gate (``bot.gates.private_chat_only``). Two routers, because of their place in the
chain: check-in codes and links and /schedule are recognised before anything else, in any form
step; the rest come after verification. Inside the second, the consent gate sees every teacher
entry point first, then the profile gate, then the features, and last the answers and buttons
of the package's forms (``bot.ui.forms``: profile, application, §31 request, support question,
agreement, data deletion), so a menu button or command still leaves a form.
"""

from __future__ import annotations

from aiogram import Router

from bot.gates import private_chat_only
from bot.handlers.teacher import (
    agreement,
    checkin,
    consent,
    courses,
    documents,
    internship,
    my_courses,
    my_data,
    profile,
    requests,
    schedule,
    support,
    survey,
)
from bot.ui.forms import create_form_router, forms_of

CAPABILITIES = (
    documents,
    consent,
    profile,
    courses,
    agreement,
    my_courses,
    requests,
    support,
    survey,
    internship,
    my_data,
)


def create_entry_router() -> Router:
    router = private_chat_only(Router(name="teacher-entry"))
    router.include_routers(checkin.create_router(), schedule.create_router())
    return router


def create_router() -> Router:
    router = private_chat_only(Router(name="teacher"))
    router.include_routers(*(capability.create_router() for capability in CAPABILITIES))
    router.include_router(create_form_router("teacher", forms_of(CAPABILITIES)))
    return router
