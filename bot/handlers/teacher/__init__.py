"""Everything a teacher (a listener) does: check in, consent, profile, courses and
applications, the agreement, my courses, schedule, documents, §31 requests, §36–37 post-course
support, and their own data.

Behind one gate (``bot.gates.private_chat_only``). Two routers, because of their place in the
chain: check-in codes and links and /schedule are recognised before anything else, in any form
step; the rest come after verification. Inside the second, the consent gate sees every teacher
entry point first, then the profile gate, then the features.
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
)


def create_entry_router() -> Router:
    router = private_chat_only(Router(name="teacher-entry"))
    router.include_routers(checkin.create_router(), schedule.create_router())
    return router


def create_router() -> Router:
    router = private_chat_only(Router(name="teacher"))
    router.include_routers(
        documents.create_router(),
        consent.create_router(),
        profile.create_router(),
        courses.create_router(),
        agreement.create_router(),
        my_courses.create_router(),
        requests.create_router(),
        support.create_router(),
        internship.create_router(),
        my_data.create_router(),
    )
    return router
