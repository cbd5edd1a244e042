"""Callback data of the admin screens. Every id in them is re-checked on the server: the access
middleware checks the role, each handler checks that the object exists."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class AdminArea(CallbackData, prefix="adm"):
    area: str  # roles | courses | cohorts | unreachable | deletions


class RoleAction(CallbackData, prefix="adr"):
    role: str  # trainer | admin
    grant: bool


class CourseAction(CallbackData, prefix="adc"):
    action: str  # new | show | edit
    course_id: int = 0


class CohortAction(CallbackData, prefix="adh"):
    action: str  # new | show | add-session | import-schedule | schedule | applications
    #              | import-list | order
    cohort_id: int = 0


class CohortChoice(CallbackData, prefix="adhf"):
    """An answer to a button step of the cohort form (course, language, trainer toggle)."""

    value: str


class ApplicationAction(CallbackData, prefix="ada"):
    action: str  # approve | reject
    application_id: int


class UnreachableList(CallbackData, prefix="adu"):
    """A page of the people who blocked the bot (from 0)."""

    page: int


class DeletionAction(CallbackData, prefix="ade"):
    """A step on a teacher's request to delete their data."""

    action: str  # ask (before deleting) | confirm | decline | back
    person_id: int
