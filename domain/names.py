"""A person's name in lists, and masking names for public certificate verification (§33)."""

from __future__ import annotations

import unicodedata
from typing import Protocol

__all__ = ["display_name", "mask_full_name"]


class _Named(Protocol):
    id: int | None
    full_name: str
    first_name: str


def display_name(person: _Named) -> str:
    """A person's name in lists: the full name, else the Telegram first name, else ``#id``."""
    return person.full_name or person.first_name or f"#{person.id}"


def mask_full_name(full_name: str) -> str:
    """Initials only, so a verifier sees whose certificate it is without the full name:
    ``"Әлия Серікқызы Нұрланова"`` → ``"Ә. С. Н."``. One initial per whitespace-separated part
    (its first letter, upper-cased; works for Kazakh letters ә ғ қ ң ө ұ ү һ і); a hyphenated
    part keeps both initials (``"Анна-Мария"`` → ``"А.-М."``); parts without letters are
    dropped. Empty input → ``""``."""
    text = unicodedata.normalize("NFC", full_name)
    initials: list[str] = []
    for word in text.split():
        pieces = [_initial(piece) for piece in word.split("-")]
        letters = [p for p in pieces if p]
        if letters:
            initials.append("-".join(f"{p}." for p in letters))
    return " ".join(initials)


def _initial(piece: str) -> str:
    for char in piece:
        if char.isalpha():
            return char.upper()
    return ""
