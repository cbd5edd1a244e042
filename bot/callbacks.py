"""Callback data shared by several routers; feature callbacks live next to their router."""

from aiogram.filters.callback_data import CallbackData


class LanguageCallback(CallbackData, prefix="lang"):
    code: str
