"""Issue 16, item 2: a list that grows with the organization (the Roles list with 60+
trainers) is split within Telegram's 4,096 characters after entity parsing."""

from __future__ import annotations

from aiogram.methods import SendMessage

from bot.dev.sandbox.html_parse import parse_html
from bot.dev.testing import Harness, make_user
from bot.handlers.admin.callbacks import AdminArea
from bot.runtime.container import Services
from bot.ui.long_text import split_message
from domain.model import Role
from tests.bot.results.factories import ADMIN_TG, add_person


def test_split_message_cuts_at_lines_and_never_passes_the_limit() -> None:
    assert split_message("a\nb", 10) == ["a\nb"]
    assert split_message("aaaa\nbbbb\ncc", 9) == ["aaaa\nbbbb", "cc"]
    assert split_message("x" * 12, 10) == ["x" * 9 + "…"]
    lines = "\n".join(f"• {'Ә' * (i % 150)}" for i in range(300))
    parts = split_message(lines)
    assert all(len(part) <= 4096 for part in parts)
    assert "\n".join(parts) == lines


async def test_the_roles_list_of_70_trainers_is_sent_in_parts(
    harness: Harness, services: Services
) -> None:
    names = [
        f"Тренер{i:02d} Ұзынфамилиялы-Қосарланған Әкесінің-Атымен-Ұзақ-Жазылған" for i in range(70)
    ]
    for i, name in enumerate(names):
        await add_person(services.uow_factory, 700_000 + i, name, roles={Role.TRAINER})
    sent = await harness.press(make_user(ADMIN_TG, "ru"), AdminArea(area="roles").pack())
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert len(messages) >= 2
    shown = [parse_html(m.text)[0] for m in messages]
    assert all(len(text) <= 4096 for text in shown)
    assert all(name in "\n".join(shown) for name in names)
    assert [m.reply_markup is not None for m in messages] == [False] * (len(messages) - 1) + [True]
