"""The main menu: a reply keyboard whose buttons depend on the person's roles."""

from __future__ import annotations

from aiogram.types import KeyboardButton, ReplyKeyboardMarkup
from aiogram_i18n import I18nContext

from domain.model import Person, Role

TEACHER_ITEMS = ("menu-cohorts", "menu-my-courses", "menu-profile", "menu-requests", "menu-support")
COMMON_ITEMS = ("menu-verify", "menu-language", "menu-help")
TRAINER_ITEMS = ("menu-trainer",)
ADMIN_ITEMS = ("menu-admin",)
ALL_MENU_KEYS = TEACHER_ITEMS + COMMON_ITEMS + TRAINER_ITEMS + ADMIN_ITEMS


def menu_keys(person: Person) -> list[str]:
    keys: list[str] = []
    if Role.ADMIN in person.roles:
        keys += ADMIN_ITEMS
    if Role.TRAINER in person.roles:
        keys += TRAINER_ITEMS
    keys += TEACHER_ITEMS + COMMON_ITEMS
    return keys


def main_menu(i18n: I18nContext, person: Person) -> ReplyKeyboardMarkup:
    labels = [i18n.get(key) for key in menu_keys(person)]
    rows = [labels[i : i + 2] for i in range(0, len(labels), 2)]
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=label) for label in row] for row in rows],
        resize_keyboard=True,
        is_persistent=True,
    )
