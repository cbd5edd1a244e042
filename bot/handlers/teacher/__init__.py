"""The teacher's journey (issue 4): consent, profile, application, agreement, my courses,
§31 requests, §36–37 post-course support, and the teacher's own data.

Order matters: the consent gate sees every teacher entry point first, then the profile gate,
then the features."""

from __future__ import annotations

from aiogram import F, Router

from bot.handlers.teacher import (
    agreement,
    application,
    consent,
    my_courses,
    mydata,
    profile,
    requests,
    support,
)


def create_router() -> Router:
    router = Router(name="teacher")
    # a teacher's own data (courses, scores, profile) never goes to a group; in a group the
    # person may be unknown (None) — found by tests/fuzz (/mycourses in a group crashed)
    router.message.filter(F.chat.type == "private")
    router.include_router(consent.create_router())
    router.include_router(profile.create_router())
    router.include_router(application.create_router())
    router.include_router(agreement.create_router())
    router.include_router(my_courses.create_router())
    router.include_router(requests.create_router())
    router.include_router(support.create_router())
    router.include_router(mydata.create_router())
    return router
