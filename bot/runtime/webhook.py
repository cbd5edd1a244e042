"""Webhook mode: an aiohttp server behind a load balancer; several instances may run at once.

Telegram's `X-Telegram-Bot-Api-Secret-Token` is checked on every request; `/healthz` answers
the load balancer with the database reachable or not.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.runtime.app import build_services, create_bot, create_dispatcher, create_fsm_storage
from bot.runtime.container import Services
from bot.runtime.shutdown import finish_handlers

logger = logging.getLogger("biliktilik.webhook")

UPDATES_KEY = web.AppKey("biliktilik_updates", SimpleRequestHandler)


def create_webhook_app(
    dispatcher: Dispatcher,
    bot: Bot,
    services: Services,
    engine: AsyncEngine,
    secret: str | None,
    path: str,
) -> web.Application:
    app = web.Application()

    async def health(request: web.Request) -> web.Response:
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as error:  # the probe must answer, whatever broke
            return web.json_response(
                {"status": "unhealthy", "error": type(error).__name__}, status=503
            )
        return web.json_response({"status": "ok"})

    app.router.add_get("/healthz", health)

    async def bot_username() -> str:
        return (await bot.me()).username or ""

    from bot.runtime.limits import create_limiter
    from bot.web.verify_page import add_verification_routes

    add_verification_routes(
        app, lambda: services, bot_username, create_limiter(services.settings.redis_url)
    )
    updates = SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=secret)
    updates.register(app, path=path)
    app[UPDATES_KEY] = updates
    setup_application(app, dispatcher, bot=bot)
    return app


async def run_webhook(settings: Settings) -> None:
    if not settings.webhook_url:
        raise SystemExit("WEBHOOK_URL is not set: the public https URL Telegram should call")
    services, engine = await build_services(settings)
    storage = await create_fsm_storage(settings, services)
    bot = create_bot(settings)
    dispatcher = create_dispatcher(services, storage=storage)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    path = urlsplit(settings.webhook_url).path or "/webhook"
    app = create_webhook_app(dispatcher, bot, services, engine, secret, path)

    from bot.runtime.background import start_background

    background = await start_background(bot, services)
    await bot.set_webhook(
        settings.webhook_url,
        secret_token=secret,
        allowed_updates=dispatcher.resolve_used_update_types(),
        drop_pending_updates=False,
    )
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    logger.info("webhook server listening", extra={"port": settings.webhook_port})
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    # take no new updates (Telegram retries them elsewhere), answer the ones received, then
    # stop the delivery worker: the server's shutdown closes the bot's HTTP session, and a
    # send cut off after Telegram took it would look failed and be sent again
    await site.stop()
    await finish_handlers(app[UPDATES_KEY])
    await background.shutdown()
    await runner.cleanup()
    await storage.close()
    await engine.dispose()
