"""The running bot keeps its memory low by importing document, chart and spreadsheet
libraries when a feature needs them, not at start (README, "Memory"). A top-level import
added anywhere on the start path brings megabytes back silently; this test names it."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY_ON_DEMAND = (
    "alembic",
    "holidays",
    "icalendar",
    "matplotlib",
    "openpyxl",
    "pyhanko",
    "pypdf",
    "qrcode",
    "reportlab",
)

PROBE = """
import json, sys
from bot.platform.lazy_telegram_schemas import import_aiogram
import_aiogram()
from bot.runtime.app import create_dispatcher
import bot.handlers, bot.runtime.background, bot.runtime.delivery, bot.runtime.jobs
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_starting_the_bot_imports_no_feature_library() -> None:
    loaded = json.loads(
        subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
        ).stdout
    )
    assert "aiogram" in loaded  # the probe really imported the bot
    assert [name for name in HEAVY_ON_DEMAND if name in loaded] == []
