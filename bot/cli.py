"""The `biliktilik` command: run, sandbox, migrate, demo-data, render, bench, backup."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import WEAK_SECRET_HINT, Settings, SettingsError, load_settings

NO_TOKEN_HINT = (
    "BOT_TOKEN is not set: put the token from @BotFather into the BOT_TOKEN environment "
    "variable or .env (try `biliktilik sandbox`, which needs no token)."
)
#: `biliktilik render KIND` → the sample renderer's kind (the issue's short names, and the long).
DOCUMENT_KINDS = {
    "certificate": "certificate",
    "appendix": "appendix",
    "reference": "listening-reference",
    "internship": "internship-certificate",
    "application": "application",
    "order": "enrollment-order",
    "certificate-with-appendix": "certificate-with-appendix",
    "enterprise-reference": "enterprise-reference",
    "application-abroad": "application-abroad",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biliktilik",
        description="Bilingual (kk/ru) Telegram bot for teachers' professional development.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the bot (long polling; --webhook for webhook mode)")
    run.add_argument("--webhook", action="store_true", help="serve a webhook instead of polling")

    sandbox = commands.add_parser("sandbox", help="local Bot API emulator + web chat, no token")
    sandbox.add_argument("--port", type=int, default=8081)
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--database", default=None, help="database URL (default: a temp file)")
    sandbox.add_argument("--no-demo-data", action="store_true")
    sandbox.add_argument(
        "--emulator-only",
        action="store_true",
        help="serve only the emulator; start bots with TELEGRAM_API_BASE pointed at it",
    )

    commands.add_parser("migrate", help="upgrade the database schema to the latest version")
    commands.add_parser("demo-data", help="fill the database with a demo organization")

    render = commands.add_parser("render", help="render a sample or an issued document to PDF")
    render.add_argument("kind", choices=list(DOCUMENT_KINDS))
    render.add_argument("--out", required=True, type=Path)
    render.add_argument("--number", help="registration number of an issued document")
    render.add_argument("--lang", choices=("kk", "ru"), default="kk")
    render.add_argument("--name")
    render.add_argument("--topic")
    render.add_argument("--hours", type=int)

    bench = commands.add_parser("bench", help="run the benchmark suite and write JSON")
    bench.add_argument("--out", type=Path, default=Path("bench.json"))
    bench.add_argument("--quick", action="store_true", help="smaller workloads (for CI)")
    bench.add_argument("--only", nargs="*", metavar="SECTION", help="run only these sections")

    backup = commands.add_parser("backup", help="consistent copy of the database")
    backup.add_argument("--out", type=Path, default=None)
    return parser


def _settings() -> Settings:
    return load_settings()


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings.bot_token is None or not settings.bot_token.get_secret_value().strip():
        print(NO_TOKEN_HINT, file=sys.stderr)
        return 2
    if settings.cert_secret_is_weak:
        print(WEAK_SECRET_HINT, file=sys.stderr)
        return 2
    from bot.runtime.logs import setup_logging

    setup_logging(settings.log_level)
    if args.webhook:
        from bot.runtime.webhook import run_webhook

        asyncio.run(run_webhook(settings))
    else:
        from bot.runtime.app import run_polling

        asyncio.run(run_polling(settings))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from storage.migrate import upgrade_database

    settings = _settings()
    asyncio.run(upgrade_database(settings.database_url))
    print(f"database is up to date: {_safe_url(settings.database_url)}")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from bot.dev.demo import load_demo_data

    settings = _settings()
    summary = asyncio.run(load_demo_data(settings))
    print(summary)
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    if args.number:
        from bot.documents.issued import load_issued_pdf

        pdf = asyncio.run(load_issued_pdf(_settings(), args.number, args.kind))
        if pdf is None:
            print(f"no issued {args.kind} with number {args.number}", file=sys.stderr)
            return 1
    else:
        from bot.documents.issuing import organization_info
        from bot.documents.samples import render_sample

        settings = _settings()  # the preview shows the configured organization, head and logo
        pdf = render_sample(
            DOCUMENT_KINDS[args.kind],
            args.lang,
            args.name,
            args.topic,
            args.hours,
            organization=organization_info(settings, args.lang),
            prefix=settings.certificate_prefix,
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    print(f"{args.kind} written to {args.out} ({len(pdf)} bytes)")
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    from bot.dev.sandbox.runner import run_sandbox

    asyncio.run(
        run_sandbox(
            host=args.host,
            port=args.port,
            database_url=args.database,
            demo_data=not args.no_demo_data,
            with_bot=not args.emulator_only,
        )
    )
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from bot.dev.bench import run_bench

    return asyncio.run(run_bench(args.out, quick=args.quick, only=args.only))


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.backup import backup_database

    target = asyncio.run(backup_database(_settings().database_url, args.out))
    print(f"backup written to {target}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "run": cmd_run,
    "sandbox": cmd_sandbox,
    "migrate": cmd_migrate,
    "demo-data": cmd_demo_data,
    "render": cmd_render,
    "bench": cmd_bench,
    "backup": cmd_backup,
}


def _safe_url(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def main(argv: Sequence[str] | None = None) -> int:
    # before anything imports aiogram: its ~450 type schemas are then built on first use
    # (~100 MB less resident memory); see bot.platform.lazy_telegram_schemas
    from bot.platform.lazy_telegram_schemas import import_aiogram

    import_aiogram()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:
        if error.name and error.name.startswith(("bot.", "storage.")):
            print(f"`biliktilik {args.command}` is not yet available", file=sys.stderr)
            return 2
        raise
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
