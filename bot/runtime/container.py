"""The long-lived dependencies of the running bot, as real types: what every handler, job and
the delivery worker are handed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Long-lived dependencies handed to handlers as keyword arguments."""

    settings: Settings
    uow_factory: Callable[[], Any]
    clock: Clock
    i18n_core: FluentRuntimeCore
    session_factory: Any = None
