"""`biliktilik sandbox`: the emulator, the real bot polling it over HTTP, and the web page.

One process, no token, no internet. `start_sandbox` is also what the end-to-end tests and
the benchmark use; `--emulator-only` serves the emulator alone so that separate
`biliktilik run` processes (TELEGRAM_API_BASE pointed at it) can be started, killed and
restarted against it.

`clock` (a `() -> aware datetime`) is the bot's clock, real time by default: the end-to-end tests
pass a shiftable one to jump ahead (a check-in code's 30-second window) without waiting.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.dev.sandbox.emulator import create_app
from bot.dev.sandbox.flood import TELEGRAM_LIMITS, FloodLimits
from bot.dev.sandbox.state import Emulator

logger = logging.getLogger("biliktilik.sandbox")

SANDBOX_TOKEN = "123456:SANDBOX-token-for-local-use-only"
#: A new secret for every sandbox process: nothing signed in a sandbox verifies anywhere else.
SANDBOX_SECRET = secrets.token_hex(32)


@dataclass
class Sandbox:
    emulator: Emulator
    url: str
    runner: web.AppRunner
    services: Any = None
    bot: Any = None
    dispatcher: Any = None
    background: Any = None
    engine: Any = None
    _polling: asyncio.Task[Any] | None = None
    _tmp: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    async def stop(self) -> None:
        await self.stop_bot()
        await self.runner.cleanup()
        if self._tmp is not None:
            self._tmp.cleanup()

    async def stop_bot(self) -> None:
        if self.dispatcher is not None and self._polling is not None:
            from bot.runtime.shutdown import stop_polling

            await stop_polling(self.dispatcher, self._polling)
            self._polling = None
        if self.background is not None:
            await self.background.shutdown()
            self.background = None
        if self.bot is not None:
            await self.bot.session.close()
            self.bot = None
        if self.engine is not None:
            await self.engine.dispose()
            self.engine = None


def sandbox_settings(url: str, database_url: str) -> Any:
    from bot.config import Settings
    from bot.dev.demo import ADMIN

    return Settings(
        _env_file=None,
        bot_token=SANDBOX_TOKEN,
        database_url=database_url,
        telegram_api_base=url,
        admin_ids=[ADMIN.telegram_id],
        certificate_prefix="BLK",
        cert_secret=SANDBOX_SECRET,
        organization_name_kk="«Білім шыңы» біліктілікті арттыру орталығы (демо)",
        organization_name_ru="Центр повышения квалификации «Білім шыңы» (демо)",
        head_name="Бауыржан Серікұлы Қайратов",
    )


async def start_sandbox(
    host: str = "127.0.0.1",
    port: int = 8081,
    database_url: str | None = None,
    demo_data: bool = True,
    with_bot: bool = True,
    flood: FloodLimits | None = TELEGRAM_LIMITS,
    clock: Any = None,
) -> Sandbox:
    from bot.dev.demo import PERSONAS

    emulator = Emulator(token=SANDBOX_TOKEN, flood=flood)
    app = create_app(emulator, personas=PERSONAS)
    holder: list[Sandbox] = []

    async def bot_username() -> str:
        bot = holder[0].bot if holder else None
        return (await bot.me()).username or "" if bot is not None else ""

    from bot.web.verify_page import add_verification_routes

    # §33 verification page (issue 17.3): the same page the webhook server serves
    add_verification_routes(app, lambda: holder[0].services if holder else None, bot_username)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound_port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    url = f"http://{host}:{bound_port}"
    sandbox = Sandbox(emulator=emulator, url=url, runner=runner)
    holder.append(sandbox)
    if database_url is None:
        sandbox._tmp = tempfile.TemporaryDirectory(prefix="biliktilik-sandbox-")
        database_url = f"sqlite+aiosqlite:///{Path(sandbox._tmp.name) / 'sandbox.db'}"
    if with_bot:
        await start_bot(sandbox, database_url, demo_data, clock)
    return sandbox


async def start_bot(
    sandbox: Sandbox, database_url: str, demo_data: bool, clock: Any = None
) -> None:
    from bot.dev.demo import fill
    from bot.runtime.app import build_services, create_bot, create_dispatcher, create_fsm_storage
    from bot.runtime.background import start_background
    from bot.runtime.container import utc_now

    settings = sandbox_settings(sandbox.url, database_url)
    services, engine = await build_services(settings, clock or utc_now)
    if demo_data:
        logger.info(await fill(services.uow_factory(), settings, services.clock()))
    storage = await create_fsm_storage(settings, services)
    bot = create_bot(settings)
    dispatcher = create_dispatcher(services, storage=storage)
    sandbox.services, sandbox.engine, sandbox.bot, sandbox.dispatcher = (
        services,
        engine,
        bot,
        dispatcher,
    )
    sandbox.background = await start_background(bot, services)
    sandbox._polling = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            handle_signals=False,
            # stop_bot closes it, after the delivery worker has had its answers
            close_bot_session=False,
            # short long-polls: stopping waits for the one in flight (tests stop it often)
            polling_timeout=2,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
    )


async def run_sandbox(
    host: str = "127.0.0.1",
    port: int = 8081,
    database_url: str | None = None,
    demo_data: bool = True,
    with_bot: bool = True,
) -> None:
    from bot.runtime.logs import setup_logging

    setup_logging("INFO")
    sandbox = await start_sandbox(host, port, database_url, demo_data, with_bot)
    print(
        f"Biliktilik sandbox: open {sandbox.url}/ in a browser "
        f"(Bot API at {sandbox.url}/bot<token>/, control API at {sandbox.url}/sandbox/api/)",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await sandbox.stop()
