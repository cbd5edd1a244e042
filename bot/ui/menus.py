"""The main menu: a reply keyboard whose buttons depend on the person's roles."""

from __future__ import annotations

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup
from aiogram_i18n import I18nContext

from domain.model import Person, Role

TEACHER_ITEMS = ("menu-cohorts", "menu-my-courses", "menu-profile")
COMMON_ITEMS = ("menu-help",)
TRAINER_ITEMS = ("menu-trainer",)
ADMIN_ITEMS = ("menu-admin",)
# Still answered when typed or tapped on an older keyboard, no longer on the menu: requests,
# the schedule and post-course support are reached from "My courses" and their commands,
# verification and the language from /help and the command list.
FORMER_ITEMS = ("menu-requests", "menu-support", "menu-verify", "menu-language")
ALL_MENU_KEYS = TEACHER_ITEMS + COMMON_ITEMS + TRAINER_ITEMS + ADMIN_ITEMS + FORMER_ITEMS
MAX_ROWS = 3
"""At 320×640 a reply menu of 4–5 rows left the chat about 200 px."""


def menu_rows(person: Person) -> list[list[str]]:
    """Message keys of the menu by rows: the staff row (admin, trainer) if any, then
    everyone's four items two by two — at most three rows."""
    staff: list[str] = []
    if Role.ADMIN in person.roles:
        staff += ADMIN_ITEMS
    if Role.TRAINER in person.roles:
        staff += TRAINER_ITEMS
    items = TEACHER_ITEMS + COMMON_ITEMS
    rows = [list(items[i : i + 2]) for i in range(0, len(items), 2)]
    return [staff, *rows] if staff else rows


def menu_keys(person: Person) -> list[str]:
    return [key for row in menu_rows(person) for key in row]


def main_menu(i18n: I18nContext, person: Person) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=i18n.get(key)) for key in row] for row in menu_rows(person)],
        resize_keyboard=True,
        is_persistent=True,
    )
