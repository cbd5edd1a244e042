"""What every trainer handler shares: the refusal, and deps bundled for background tasks."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from domain.model import Lang


async def refuse(event: Message | CallbackQuery, i18n: I18nContext) -> None:
    """The refusal itself is logged by the use-case that refused (``trainer.refused``)."""
    text = i18n.get("trainer-refused")
    if isinstance(event, CallbackQuery):
        await event.answer(text, show_alert=True)
    else:
        await event.answer(text)


def ui_lang(i18n: I18nContext) -> Lang:
    return "kk" if i18n.locale == "kk" else "ru"
