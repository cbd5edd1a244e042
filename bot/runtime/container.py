"""The long-lived dependencies of the running bot, as real types: what every handler, job and
the delivery worker are handed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from domain.ports import Clock, UnitOfWorkFactory

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Long-lived dependencies handed to handlers as keyword arguments."""

    settings: Settings
    uow_factory: UnitOfWorkFactory
    clock: Clock
    i18n_core: FluentRuntimeCore
    #: the sessions behind ``uow_factory``, for what works below the unit of work (the FSM
    #: storage, a language look-up while units of work fail); None in a bot without a database
    session_factory: async_sessionmaker[AsyncSession] | None = None


__all__ = ["Clock", "Services", "utc_now"]
