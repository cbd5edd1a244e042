"""Every user-facing string exists in Kazakh and Russian, with the same placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.ui.i18n import LOCALES_PATH, create_core
from bot.ui.menus import ALL_MENU_KEYS

# Deliberately bilingual: shown before the person has chosen a language.
SAME_IN_BOTH = {
    "start-choose-language",
    "menu-language",
    "form-summary-line",  # markup only: "<b>label:</b> value"
    "admin-cohort-label-course",  # «Курс» is the word in both languages
}


def messages(lang: str) -> dict[str, ast.Message]:
    found: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_PATH / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                pytest.fail(f"{path.name}: syntax error near {entry.content[:60]!r}")
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{entry.id.name} defined twice in {lang}"
                found[entry.id.name] = entry
    return found


def placeholders(node: object) -> set[str]:
    names: set[str] = set()

    class Collector(Visitor):
        def visit_VariableReference(self, child: ast.VariableReference) -> None:
            names.add(child.id.name)

    Collector().visit(node)
    return names


def plain_text(message: ast.Message) -> str:
    return "".join(
        element.value
        for element in (message.value.elements if message.value else [])
        if isinstance(element, ast.TextElement)
    )


KK, RU = messages("kk"), messages("ru")


def test_both_languages_have_the_same_keys() -> None:
    assert sorted(set(KK) - set(RU)) == [], "missing in ru"
    assert sorted(set(RU) - set(KK)) == [], "missing in kk"


@pytest.mark.parametrize("key", sorted(set(KK) & set(RU)))
def test_placeholders_match_and_kazakh_is_not_a_copy(key: str) -> None:
    assert placeholders(KK[key]) == placeholders(RU[key]), key
    has_words = any(char.isalpha() for char in plain_text(RU[key]))
    if key not in SAME_IN_BOTH and has_words:
        assert plain_text(KK[key]).strip() != plain_text(RU[key]).strip(), (
            f"{key}: the Kazakh text is a copy of the Russian one"
        )


def test_every_locale_loads_and_renders_the_menu() -> None:
    core = create_core()
    assert set(core.available_locales) >= {"kk", "ru"}
    for key in ALL_MENU_KEYS:
        assert core.get(key, "kk") != core.get(key, "ru") or key in SAME_IN_BOTH


def test_every_message_id_used_in_code_exists() -> None:
    import re

    root = Path(__file__).resolve().parent.parent / "bot"
    used: set[str] = set()
    pattern = re.compile(
        r"(?:i18n\.get|\.get|LazyFilter|LazyProxy)"  # how code names a message id
        r"""\(\s*["']([a-z0-9-]+)["']"""
    )
    for path in root.rglob("*.py"):
        if "sandbox" in path.parts:
            continue
        used.update(
            m
            for m in pattern.findall(path.read_text(encoding="utf-8"))
            if "-" in m and not m.endswith("-")
        )
    missing = sorted(key for key in used if key not in RU)
    assert missing == []
