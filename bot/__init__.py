"""Biliktilik's Telegram edge.

aiogram is imported here, first, so that its ~450 type schemas are built on first use rather
than all at import (~100 MB of resident memory): see `bot.platform.lazy_telegram_schemas`.
"""

from bot.platform.lazy_telegram_schemas import import_aiogram

import_aiogram()
