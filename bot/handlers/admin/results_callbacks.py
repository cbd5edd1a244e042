"""Callback data of the results screens. Every id is re-checked on the server: the admin gate
checks the role, each handler checks that the object exists and may be acted on."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class CohortPick(CallbackData, prefix="rsc"):
    action: str  # score | import | results | expel | nobd | stats
    cohort_id: int


class ListenerPick(CallbackData, prefix="rsl"):
    action: str  # score | rescore | expel
    enrollment_id: int


class ListenerPage(CallbackData, prefix="rsp"):
    action: str
    cohort_id: int
    page: int


class RequestAction(CallbackData, prefix="rsr"):
    action: str  # view | approve | reject | rescore
    request_id: int


class ConsultationAction(CallbackData, prefix="rsq"):
    consultation_id: int
