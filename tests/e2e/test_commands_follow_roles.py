"""Issue 13, item 5, through the sandbox: a trainer granted in Roles sees the trainer's
commands in their chat's menu at once (getMyCommands for that chat's scope), without a
restart; revoked, they are gone."""

from __future__ import annotations

import json

import pytest

from bot.dev.demo import ADMIN
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from tests.e2e.chat import Chat

pytestmark = pytest.mark.e2e
ZHANAR = 700_950


def own_commands(sandbox: Sandbox, chat_id: int) -> list[str]:
    scope = json.dumps({"type": "chat", "chat_id": chat_id}, sort_keys=True)
    return [c["command"] for c in sandbox.emulator.commands.get((scope, ""), [])]


async def test_granting_and_revoking_the_trainer_role_changes_the_command_menu(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    await client.create_user(ZHANAR, "Жанар", "kk", username="zhanar_kz")
    zhanar = Chat(client, ZHANAR)
    await zhanar.say("/start", "Басты мәзір")  # her Telegram language is taken: no question
    assert "schedule" in own_commands(sandbox, ZHANAR)
    assert "today" not in own_commands(sandbox, ZHANAR)

    admin = Chat(client, ADMIN.telegram_id)
    panel = await admin.say("/admin", "Әкімші панелі")
    roles = await admin.tap(panel, "adm:roles", lambda m: "adr:" in json.dumps(m))
    await admin.tap(roles, "adr:trainer:1", "Адамды көрсетіңіз")
    summary = await admin.say("@zhanar_kz", "Жанар")
    assert "today" not in own_commands(sandbox, ZHANAR)  # nothing before Confirm
    await admin.confirm(summary, "Растау", "✅ Жанар")
    assert {"today", "questions"} <= set(own_commands(sandbox, ZHANAR))

    await admin.tap(roles, "adr:trainer:0", "Адамды көрсетіңіз")
    summary = await admin.say("@zhanar_kz", "Жанар")
    await admin.confirm(summary, "Растау", "✅ Жанар")
    assert "today" not in own_commands(sandbox, ZHANAR)
