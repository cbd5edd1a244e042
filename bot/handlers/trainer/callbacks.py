"""Callback data of the trainer's buttons; every press is re-authorized on the server."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class SessionAction(CallbackData, prefix="tgs"):
    action: str  # "start" | "stop" | "roster"
    session_id: int


class CalendarCb(CallbackData, prefix="tgc"):
    cohort_id: int


class MarkCb(CallbackData, prefix="tgm"):
    session_id: int
    enrollment_id: int


class TrainerAnswer(CallbackData, prefix="rst"):
    consultation_id: int
