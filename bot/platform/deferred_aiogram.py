"""Importing this module imports aiogram with its type schemas deferred
(``lazy_telegram_schemas.import_aiogram``): for scripts and the test suite, which import it
first, as ``biliktilik`` calls ``import_aiogram`` first."""

from bot.platform.lazy_telegram_schemas import import_aiogram

import_aiogram()
