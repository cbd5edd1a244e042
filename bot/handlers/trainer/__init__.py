"""The trainer's commands (issue 5, item 5): agenda, live check-in board, roster, marks.

Only people with the trainer role who train THAT cohort may act; the use-cases in
``domain.services.trainer`` re-check it for every press and log refusals.
"""

from __future__ import annotations

from aiogram import F, Router

from bot.handlers.trainer import agenda, board, roster


def create_router() -> Router:
    router = Router(name="trainer")
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    router.include_router(agenda.create_router())
    router.include_router(board.create_router(board.LiveBoards()))
    router.include_router(roster.create_router())
    return router
