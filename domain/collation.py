"""Alphabetical order of people's names in Kazakh and in Russian lists (enrollment order,
rosters, results, exports).

Python's ``sorted`` compares code points, which puts the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І
(U+04xx) after Я. These keys follow the alphabets instead:

* Kazakh (the 42-letter Cyrillic alphabet): А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С
  Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я.
* Russian: А Б В Г Д Е Ё Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я. Kazakh names
  appear in Russian lists too; their letters sort right after the Russian letter they are
  built on (Ә after А, Ғ after Г, Қ after К, Ң after Н, Ө after О, Ұ and Ү after У, Һ after
  Х, І after И), as Russian-language registers in Kazakhstan list them.

Case is ignored; a space or a hyphen sorts before any letter (``Ким`` before ``Кимов``), digits
before letters, Latin letters after Cyrillic ones. Equal keys are broken by the text itself so
the order is total and stable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

__all__ = ["KAZAKH_ALPHABET", "RUSSIAN_ALPHABET", "name_sort_key", "sorted_by_name"]

KAZAKH_ALPHABET = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
RUSSIAN_ALPHABET = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_KAZAKH_AFTER = {
    "Ә": "А",
    "Ғ": "Г",
    "Қ": "К",
    "Ң": "Н",
    "Ө": "О",
    "Ұ": "У",
    "Ү": "У",
    "Һ": "Х",
    "І": "И",
}

Lang = Literal["kk", "ru"]
T = TypeVar("T")


def _ranks(alphabet: str) -> dict[str, int]:
    return {letter: position for position, letter in enumerate(alphabet)}


def _russian_ranks() -> dict[str, int]:
    """Russian positions ×10; a Kazakh letter takes its base letter's position + 1 (+2 for
    the second letter on the same base, Ү after Ұ)."""
    ranks = {letter: 10 * position for position, letter in enumerate(RUSSIAN_ALPHABET)}
    for letter, base in _KAZAKH_AFTER.items():
        taken = sum(1 for other, b in _KAZAKH_AFTER.items() if b == base and other in ranks)
        ranks[letter] = ranks[base] + 1 + taken
    return ranks


_RANKS: dict[str, dict[str, int]] = {"kk": _ranks(KAZAKH_ALPHABET), "ru": _russian_ranks()}
_SEPARATOR, _DIGIT, _CYRILLIC, _OTHER = 0, 1, 2, 3


def name_sort_key(text: str, lang: Lang) -> tuple[tuple[tuple[int, int], ...], str]:
    """Sort key of ``text`` in the alphabetical order of ``lang`` (see the module docstring)."""
    ranks = _RANKS[lang]
    key: list[tuple[int, int]] = []
    for char in " ".join(text.split()).upper():
        if char in ranks:
            key.append((_CYRILLIC, ranks[char]))
        elif char.isdigit():
            key.append((_DIGIT, ord(char)))
        elif char.isalpha():
            key.append((_OTHER, ord(char)))
        else:  # space, hyphen, apostrophe, dot
            key.append((_SEPARATOR, 0))
    return tuple(key), text


def sorted_by_name(items: Iterable[T], name: Callable[[T], str], lang: Lang) -> list[T]:
    """``items`` in the alphabetical order of ``lang`` of ``name(item)``."""
    return sorted(items, key=lambda item: name_sort_key(name(item), lang))
