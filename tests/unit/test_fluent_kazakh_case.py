"""The ``KK`` Fluent function: a Kazakh ending chosen from the value, in the real messages."""

from __future__ import annotations

import pytest

from bot.ui.i18n import create_core

CORE = create_core()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, "1-ден 1-ге дейінгі"),
        (2, "1-ден 2-ге дейінгі"),
        (6, "1-ден 6-ға дейінгі"),
        (10, "1-ден 10-ға дейінгі"),
        (40, "1-ден 40-қа дейінгі"),
        (100, "1-ден 100-ге дейінгі"),
        (1000, "1-ден 1\xa0000-ға дейінгі"),
    ],
)
def test_the_dative_after_a_maximum_follows_the_number(value: int, expected: str) -> None:
    assert expected in CORE.get("admin-cohort-ask-seats", "kk", max=value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, "3-тен аспауы"), (20, "20-дан аспауы"), (30, "30-дан аспауы"), (50, "50-ден аспауы")],
)
def test_the_ablative_after_a_limit_follows_the_number(value: int, expected: str) -> None:
    assert expected in CORE.get("admin-course-bad-modules-count", "kk", max=value)


def test_the_russian_message_is_untouched() -> None:
    assert "от 1 до 40" in CORE.get("admin-cohort-ask-seats", "ru", max=40)
