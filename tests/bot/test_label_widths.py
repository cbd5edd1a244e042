"""Issue 13, item 4: every button the bot shows fits a 390-px phone in both languages.

Telegram draws a button on one line and cuts it with "…". Two sources of labels are checked
against ``bot.ui.label_width`` (DejaVu Sans metrics, a per-button budget from the number of
buttons in its row):

* every button label of the locales, rendered with long Kazakh values (names, topics, codes);
* every keyboard the staff and teachers actually get on their main screens with the demo
  organization (plus a listener with a very long name and a course with a long topic), in
  Kazakh and in Russian.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from aiogram.methods import EditMessageReplyMarkup, SendMessage
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup

from bot.dev.demo import ADMIN, TEACHERS, TRAINERS, fill
from bot.dev.testing import Harness, make_user
from bot.runtime.container import Services
from bot.ui.label_width import budget, fits, text_width
from bot.ui.markup import label
from tests.conftest import FakeClock

LONG = {
    "name": "Сейітқазиева Айгүлсім Нұрланқызы",
    "cohort": "2026-12-МАТ-01",
    "code": "2026-12-МАТ-01",
    "start": "01:20",
    "topic": "Жаңартылған білім беру мазмұны аясында математиканы оқыту әдістемесі",
    "count": 12,
    "page": 3,
    "pages": 12,
}

#: Button labels of the locales (key patterns), and how many share a row with them.
BUTTON_KEYS = re.compile(
    r"^(menu-|admin-area-|admin-cohort-action-|admin-role-(grant|revoke)|profile-edit-|"
    r"requests-kind-|support-kind-|apply-lang-|trainer-btn-|screens-alert-open-cohort)"
    r"|-(btn|button)-|-(button|confirm-button|approve|reject|decline|cancel|back|keep|save|"
    r"confirm|done|new|accept|resend|read-agreement|answer|enter-reassessment)$"
)
TWO_PER_ROW = re.compile(
    r"^(menu-|profile-edit-|trainer-btn-(start-checkin|roster)$)"
    r"|-(approve|reject|back|cancel|decline|keep|save)$"
)


class Getter:
    def __init__(self, core: Any, lang: str) -> None:
        self.core, self.lang = core, lang

    def get(self, key: str, **args: Any) -> str:
        return str(self.core.get(key, self.lang, **args))


def button_keys(core: Any) -> list[str]:
    from tests.test_locales import KK

    return sorted(
        key
        for key in KK
        if BUTTON_KEYS.search(key)
        and "error" not in key
        and (not key.startswith("admin-role-") or re.match(r"^admin-role-(grant|revoke)-", key))
    )


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_button_label_of_the_locales_fits_with_long_values(i18n_core: Any, lang: str) -> None:
    from aiogram_i18n.exceptions import FluentMessageError

    from tests.test_locales import KK, placeholders

    too_wide = []
    for key in button_keys(i18n_core):
        args = {name: LONG.get(name, 12) for name in placeholders(KK[key])}
        try:
            text = label(Getter(i18n_core, lang), key, **args)
        except FluentMessageError:  # a message (a date inside), not a button label
            continue
        if "\n" in text or ". " in text or text.endswith((".", "?", "!")) or key in NOT_SHOWN:
            continue  # a sentence: a message, not a label
        per_row = 2 if TWO_PER_ROW.search(key) else 1
        if not fits(text, per_row):
            too_wide.append((key, text, round(text_width(text)), round(budget(per_row))))
    assert too_wide == [], "\n".join(map(str, too_wide))


#: Keys that match the pattern but are never a button's label as they stand: menu items that
#: left the menu; labels the bot cuts to the width itself (``bot.ui.label_width.fit``).
NOT_SHOWN = {"menu-support", "menu-verify", "menu-requests", "menu-language", "menu-text",
             "trainer-btn-mark"}  # fmt: skip


def rows_of(markup: Any) -> list[list[str]]:
    if isinstance(markup, InlineKeyboardMarkup):
        return [[b.text for b in row] for row in markup.inline_keyboard]
    if isinstance(markup, ReplyKeyboardMarkup):
        return [[b.text for b in row] for row in markup.keyboard]
    return []


class Seen:
    def __init__(self) -> None:
        self.too_wide: set[tuple[str, int]] = set()
        self.count = 0

    def check(self, sent: list[Any]) -> None:
        for request in sent:
            if isinstance(request, SendMessage | EditMessageReplyMarkup):
                for row in rows_of(request.reply_markup):
                    for text in row:
                        self.count += 1
                        if not fits(text, len(row)):
                            self.too_wide.add((text, len(row)))


async def demo_world(services: Services, clock: FakeClock) -> None:
    from domain.model import Enrollment, Person, Role

    await fill(services.uow_factory(), services.settings, clock.now)
    async with services.uow_factory() as uow:
        running = next(c for c in await uow.cohorts.list_all() if not c.open_for_applications)
        long_name = await uow.people.add(
            Person(
                telegram_id=None,
                first_name="Айгүлсім",
                full_name=LONG["name"] + " Әбдіқадырова-Сейітжанова",
                language="kk",
                roles={Role.TEACHER},
                created_at=clock.now,
            )
        )
        await uow.enrollments.add(
            Enrollment(person_id=long_name.id or 0, cohort_id=running.id or 0)
        )
        await uow.commit()


@pytest.mark.parametrize("lang", ["kk", "ru"])
async def test_every_button_on_the_main_screens_fits_a_phone(
    harness: Harness, services: Services, clock: FakeClock, lang: str
) -> None:
    await demo_world(services, clock)
    seen = Seen()
    admin = make_user(ADMIN.telegram_id, lang, ADMIN.first_name)
    trainer = make_user(TRAINERS[0].telegram_id, lang, TRAINERS[0].first_name)
    teacher = make_user(TEACHERS[0].telegram_id, lang, TEACHERS[0].first_name)
    for user in (admin, trainer, teacher):
        seen.check(await harness.send(user, "/start"))
        seen.check(await harness.press(user, f"lang:{lang}"))
        seen.check(await harness.send(user, "/help"))
    for area in ("roles", "courses", "cohorts", "unreachable", "deletions"):
        sent = await harness.press(admin, f"adm:{area}")
        seen.check(sent)
        if area == "cohorts":
            first_cohort = next(
                b.callback_data
                for r in sent
                if isinstance(r, SendMessage) and isinstance(r.reply_markup, InlineKeyboardMarkup)
                for row in r.reply_markup.inline_keyboard
                for b in row
                if (b.callback_data or "").startswith("adh:show:")
            )
            seen.check(await harness.press(admin, first_cohort))
    for command in ("/admin", "/request_queue", "/results", "/issue", "/scores"):
        seen.check(await harness.send(admin, command))
    sent = await harness.send(trainer, "/today")
    seen.check(sent)
    roster = [
        b.callback_data
        for r in sent
        if isinstance(r, SendMessage) and isinstance(r.reply_markup, InlineKeyboardMarkup)
        for row in r.reply_markup.inline_keyboard
        for b in row
        if (b.callback_data or "").startswith("tgs:roster:")
    ]
    assert roster, "the demo trainer has sessions today"
    seen.check(await harness.press(trainer, roster[0]))
    for command in ("/courses", "/mycourses", "/profile", "/requests", "/support", "/mydata"):
        seen.check(await harness.send(teacher, command))
    assert seen.count > 40
    assert sorted(seen.too_wide, key=str) == [], "\n".join(map(str, sorted(seen.too_wide)))
