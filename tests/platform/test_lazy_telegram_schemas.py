"""Deferred aiogram schemas (`bot.platform.lazy_telegram_schemas`): same parsing and wire,
less memory.

Each run is a fresh interpreter, since aiogram is imported once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import bot.platform.lazy_telegram_schemas as lazy_schemas

PROBE = Path(__file__).with_name("telegram_schema_probe.py")
ROOT = Path(__file__).resolve().parents[2]


def run_python(args: list[str], *, eager: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != lazy_schemas.EAGER_ENV}
    if eager:
        env[lazy_schemas.EAGER_ENV] = "1"
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )


def probe(*, eager: bool) -> dict[str, Any]:
    return json.loads(run_python([str(PROBE)], eager=eager).stdout)


@pytest.fixture(scope="module")
def lazy_and_eager() -> tuple[dict[str, Any], dict[str, Any]]:
    return probe(eager=False), probe(eager=True)


def test_the_bot_imports_aiogram_lazily_and_the_switch_restores_eager(lazy_and_eager):
    lazy, eager = lazy_and_eager
    assert lazy["mode"] == "lazy"
    assert eager["mode"] == f"eager ({lazy_schemas.EAGER_ENV} is set)"


def test_rich_updates_parse_exactly_as_with_eager_aiogram(lazy_and_eager):
    lazy, eager = lazy_and_eager
    assert len(lazy["updates"]) == 10
    for lazy_update, eager_update in zip(lazy["updates"], eager["updates"], strict=True):
        assert lazy_update == eager_update
    assert lazy["dumps"] == eager["dumps"]
    assert lazy["members"] == eager["members"]  # aiogram's own ChatMember TypeAdapter
    assert lazy["members"][0].startswith("ChatMemberAdministrator(")
    assert lazy["members"][1].startswith("ChatMemberLeft(")
    assert lazy["notices"] == eager["notices"]  # a subclass of Message defined afterwards
    assert lazy["notices"][0].startswith("Notice(message_id=501")
    assert lazy["notices"][0].endswith("urgency=2)")
    # and they parsed into what a handler reads, not into a shared wrong answer
    photo, contact, admin = lazy["updates"][1], lazy["updates"][3], lazy["updates"][9]
    assert "PhotoSize(file_id='AgAD2'" in photo and "caption='Анықтама'" in photo
    assert "reply_to_message=Message(message_id=501" in photo
    assert "Contact(phone_number='+77011234567'" in contact
    assert "new_chat_member=ChatMemberAdministrator(" in admin
    assert "custom_title='тренер'" in admin
    assert "callback_query=CallbackQuery(id='q7'" in lazy["updates"][6]
    assert "InaccessibleMessage(" in lazy["updates"][6]


def test_every_method_the_bot_sends_goes_on_the_wire_and_parses_its_answer_the_same(
    lazy_and_eager,
):
    lazy, eager = lazy_and_eager
    assert [m["method"] for m in lazy["methods"]] == [m["method"] for m in eager["methods"]]
    for lazy_method, eager_method in zip(lazy["methods"], eager["methods"], strict=True):
        assert lazy_method == eager_method, lazy_method["method"]
    send = dict((name, value) for name, _file, value in lazy["methods"][0]["wire"])
    assert send["text"] == "<b>Сәлем</b>, Әсел!" and send["parse_mode"] == "HTML"
    assert json.loads(send["reply_markup"])["inline_keyboard"][0][0]["callback_data"] == "ci:17"
    document = lazy["methods"][8]["wire"]
    assert ["file0", "certificate.pdf", "%PDF-1.4 test"] in document


SABOTAGED_PYDANTIC = """
import pydantic._internal._model_construction as construction
# a pydantic whose model_rebuild ignores __pydantic_parent_namespace__
construction.unpack_lenient_weakvaluedict = lambda namespace: None
import bot.platform.lazy_telegram_schemas as lazy_schemas
lazy_schemas.import_aiogram()
from aiogram.methods import SendMessage
from aiogram.types import Update
update = Update.model_validate(
    {"update_id": 1, "message": {"message_id": 1, "date": 0,
     "chat": {"id": 5, "type": "private"}, "text": "сәлем"}}
)
print(lazy_schemas.mode)
print(update.message.text, SendMessage(chat_id=5, text="ok").text)
"""


def test_when_pydantic_internals_differ_the_self_test_falls_back_to_eager_aiogram():
    result = run_python(["-c", SABOTAGED_PYDANTIC])
    mode, parsed = result.stdout.splitlines()
    assert mode.startswith("eager (self-test failed: PydanticUserError")
    assert parsed == "сәлем ok"
    assert "aiogram types are built eagerly" in result.stderr


RSS = """
from bot.platform.lazy_telegram_schemas import import_aiogram
import_aiogram()  # what `biliktilik` does first
import bot.runtime.app
for line in open("/proc/self/status"):
    if line.startswith("VmRSS:"):
        print(int(line.split()[1]) // 1024)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux VmRSS")
def test_importing_the_bot_costs_far_less_memory_than_eager_aiogram():
    lazy_mb = int(run_python(["-c", RSS]).stdout)
    eager_mb = int(run_python(["-c", RSS], eager=True).stdout)
    assert eager_mb - lazy_mb > 60, (lazy_mb, eager_mb)
