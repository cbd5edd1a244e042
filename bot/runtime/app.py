"""Factories: the bot, the dispatcher with its middlewares, and the polling entry point."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage

from bot.config import Settings
from bot.handlers import build_root_router
from bot.runtime.container import Clock, Services, utc_now
from bot.runtime.limits import RedisLimiter, create_limiter
from bot.runtime.middlewares import PersonMiddleware, RateLimitMiddleware
from bot.runtime.middlewares.rate_limit import rates_from
from bot.runtime.middlewares.tracing import UpdateIdMiddleware
from bot.runtime.retry import RetryRequestMiddleware
from bot.runtime.shutdown import stop_polling
from bot.ui.i18n import create_core, create_i18n_middleware

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger("biliktilik")


def create_bot(settings: Settings, api_base: str | None = None) -> Bot:
    token = settings.bot_token.get_secret_value() if settings.bot_token else ""
    base = api_base or settings.telegram_api_base
    session = AiohttpSession(api=TelegramAPIServer.from_base(base)) if base else None
    bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    bot.session.middleware(RetryRequestMiddleware())
    return bot


def create_dispatcher(
    services: Services,
    storage: BaseStorage | None = None,
    rate_limit: RateLimitMiddleware | None = None,
) -> Dispatcher:
    dispatcher = Dispatcher(
        storage=storage or MemoryStorage(),
        settings=services.settings,
        uow_factory=services.uow_factory,
        clock=services.clock,
        i18n_core=services.i18n_core,
        services=services,
    )
    # Order matters: the update's id is in every log line from here on; the person is loaded
    # before aiogram-i18n picks the locale from it.
    dispatcher.update.outer_middleware.register(UpdateIdMiddleware())
    dispatcher.update.outer_middleware.register(PersonMiddleware())
    create_i18n_middleware(services.i18n_core).setup(dispatcher)
    # rate limits shared through Redis by every instance when REDIS_URL is set (bot.runtime.limits)
    limiter = rate_limit or RateLimitMiddleware(
        rates_from(services.settings), limiter=create_limiter(services.settings.redis_url)
    )
    if isinstance(limiter.limiter, RedisLimiter):
        dispatcher.shutdown.register(limiter.limiter.close)
    dispatcher.message.middleware(limiter)
    dispatcher.callback_query.middleware(limiter)
    # a form step whose earlier answers are lost ends the form instead of crashing
    from bot.runtime.middlewares.lost_form import LostFormGuard

    dispatcher.message.middleware(LostFormGuard())
    dispatcher.callback_query.middleware(LostFormGuard())
    dispatcher.include_router(build_root_router())
    from bot.platform.inline_filters import run_filters_inline

    run_filters_inline(dispatcher)
    return dispatcher


async def build_services(
    settings: Settings, clock: Clock = utc_now
) -> tuple[Services, AsyncEngine]:
    """Upgrade the database and return the services with the engine to dispose at the end."""
    from storage.db import create_engine, create_session_factory
    from storage.schema_version import upgrade_unless_at_head
    from storage.uow import UnitOfWorkFactory

    # Alembic (~28 MB) is imported only if the database is behind: see storage.schema_version.
    await upgrade_unless_at_head(settings.database_url)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    services = Services(
        settings=settings,
        uow_factory=UnitOfWorkFactory(session_factory),
        clock=clock,
        i18n_core=create_core(),
        session_factory=session_factory,
    )
    # §33: the organization's signing key exists (a self-signed one is made at first start);
    # pyHanko loads with the first document signed or checked
    from bot.authenticity.signing import ensure_signing_key

    await ensure_signing_key(services.uow_factory, settings)
    return services, engine


async def create_fsm_storage(settings: Settings, services: Services) -> BaseStorage:
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        return RedisStorage.from_url(settings.redis_url)
    from storage.fsm import DatabaseFsmStorage

    assert services.session_factory is not None  # build_services gives one
    return DatabaseFsmStorage(services.session_factory, services.clock)


async def run_polling(settings: Settings) -> None:
    services, engine = await build_services(settings)
    storage = await create_fsm_storage(settings, services)
    bot = create_bot(settings)
    dispatcher = create_dispatcher(services, storage=storage)
    from bot.runtime.background import start_background

    background = await start_background(bot, services)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    polling = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            handle_signals=False,
            # closed below, after the delivery worker has had Telegram's answers: cut off
            # mid-request, a message Telegram took would look failed and be sent again
            close_bot_session=False,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
    )
    logger.info("polling started")
    await stop.wait()
    logger.info("shutting down")
    await stop_polling(dispatcher, polling)
    await background.shutdown()
    await storage.close()
    await bot.session.close()
    await engine.dispose()
