"""The §38 follow-up survey's callback data and answer buttons, shared by the invitation job
(``bot.runtime.jobs.follow_up``, buttons stored with the outbox notice) and the teacher's
handlers (``bot.handlers.teacher.survey``)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from domain.follow_up import APPLIED_ANSWERS, HELPED_SCALE, SurveyQuestion

__all__ = ["SurveyCb", "applied_keyboard", "helped_buttons", "skip_keyboard"]


class SurveyCb(CallbackData, prefix="tsv"):
    """An answer: ``question`` is ``helped`` | ``applied`` | ``comment`` (skip)."""

    enrollment_id: int
    wave: int
    question: str
    value: str = ""


def helped_buttons(enrollment_id: int, wave: int) -> list[list[dict[str, str]]]:
    """The 1–5 scale under the invitation (``domain.notifications.with_buttons`` rows)."""
    return [
        [
            {
                "text": str(score),
                "data": SurveyCb(
                    enrollment_id=enrollment_id,
                    wave=wave,
                    question=SurveyQuestion.HELPED.value,
                    value=str(score),
                ).pack(),
            }
            for score in HELPED_SCALE
        ]
    ]


def applied_keyboard(label: dict[str, str], enrollment_id: int, wave: int) -> InlineKeyboardMarkup:
    """``label``: the translated text of each answer of ``APPLIED_ANSWERS``."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=label[answer],
                    callback_data=SurveyCb(
                        enrollment_id=enrollment_id,
                        wave=wave,
                        question=SurveyQuestion.APPLIED.value,
                        value=answer,
                    ).pack(),
                )
            ]
            for answer in APPLIED_ANSWERS
        ]
    )


def skip_keyboard(label: str, enrollment_id: int, wave: int) -> InlineKeyboardMarkup:
    data = SurveyCb(
        enrollment_id=enrollment_id, wave=wave, question=SurveyQuestion.COMMENT.value
    ).pack()
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=data)]]
    )
