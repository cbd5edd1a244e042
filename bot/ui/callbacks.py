"""Callback data shared by every actor's screens; an actor's own callbacks live in its package."""

from aiogram.filters.callback_data import CallbackData


class LanguageCallback(CallbackData, prefix="lang"):
    code: str


class ResultsNav(CallbackData, prefix="rsn"):
    """Back / cancel / confirm of the results, decisions and consultation forms."""

    action: str  # back | cancel | confirm
