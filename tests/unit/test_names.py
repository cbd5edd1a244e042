from __future__ import annotations

import unicodedata

import pytest

from domain.names import mask_full_name


def test_kazakh_full_name_becomes_initials() -> None:
    assert mask_full_name("Әлия Серікқызы Нұрланова") == "Ә. С. Н."


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("ғалым құрманұлы", "Ғ. Қ."),
        ("Іңкәр Өмірзақова", "І. Ө."),
        ("Үміт Һ", "Ү. Һ."),
        ("Иванов Иван Иванович", "И. И. И."),
        ("  Анна-Мария   Петрова ", "А.-М. П."),
        ("Aigerim Nurlanova", "A. N."),
        ("Нұрланова", "Н."),
        ("", ""),
        ("   ", ""),
        ("— Асан", "А."),
    ],
)
def test_masking(name: str, masked: str) -> None:
    assert mask_full_name(name) == masked


def test_decomposed_letters_are_normalized() -> None:
    decomposed = unicodedata.normalize("NFD", "йошкин Ёлкин")
    assert mask_full_name(decomposed) == "Й. Ё."
