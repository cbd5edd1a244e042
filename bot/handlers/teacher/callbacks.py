"""Callback data of the teacher's screens. Every id in them is re-checked on the server:
a forged id of another teacher's object changes nothing and gets a translated refusal."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ConsentCb(CallbackData, prefix="tcons"):
    answer: str  # "yes" | "no"


class ProfileEditCb(CallbackData, prefix="tpe"):
    field: str  # "all": the profile form, filled in


class CohortPageCb(CallbackData, prefix="tcp"):
    page: int


class ApplyCb(CallbackData, prefix="tap"):
    cohort_id: int


class AgreementCb(CallbackData, prefix="tag"):
    action: str  # "read" (an older message's "accept" opens the same confirmation)
    enrollment_id: int


class ResendCb(CallbackData, prefix="trd"):
    enrollment_id: int


class RequestStartCb(CallbackData, prefix="trq"):
    kind: str
    enrollment_id: int


class SupportCb(CallbackData, prefix="tsp"):
    kind: str
    enrollment_id: int


class MyDataCb(CallbackData, prefix="tmd"):
    action: str  # "delete" (an older message's "confirm" opens the same confirmation)
