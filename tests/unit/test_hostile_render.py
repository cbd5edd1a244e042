"""Escaping by construction: every message key, in both languages, rendered with hostile text
in every string argument, parses under Telegram's HTML rules and shows that text as typed.

The values go in raw, as a handler or job passes them: the i18n core escapes them
(``bot.ui.markup``); a message that breaks here would be refused by Telegram."""

from __future__ import annotations

import pytest
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.dev.sandbox.html_parse import parse_html
from bot.ui.i18n import create_core
from bot.ui.markup import Markup, label
from tests.test_locales import KK, RU, placeholders
from tests.test_russian_messages import NUMBER_ARGUMENTS

CORE = create_core()

HOSTILE = [
    "<",
    ">",
    "&",
    "A <3 B",
    "<i>Злой",
    '<a href="https://evil.example">нажми</a>',
    'Tom & Jerry\'s "<b>" &amp; &lt;',
    ("Ә<&>" * 1024),  # 4,096 characters
]


def numeric_placeholders(message: ast.Message) -> set[str]:
    """Arguments Fluent needs as numbers: the known counts, a select expression's selector and
    a function's argument (NUMBER, plural forms)."""
    names = set(placeholders(message)) & NUMBER_ARGUMENTS

    class Collector(Visitor):
        def visit_SelectExpression(self, node: ast.SelectExpression) -> None:
            if isinstance(node.selector, ast.VariableReference):
                names.add(node.selector.id.name)
            self.generic_visit(node)

        def visit_FunctionReference(self, node: ast.FunctionReference) -> None:
            for argument in node.arguments.positional:
                if isinstance(argument, ast.VariableReference):
                    names.add(argument.id.name)
            self.generic_visit(node)

    Collector().visit(message)
    return names


def text_placeholders(message: ast.Message) -> set[str]:
    """Arguments placed directly in the message's text (not only inside a variant)."""
    return {
        element.expression.id.name
        for element in (message.value.elements if message.value else [])
        if isinstance(element, ast.Placeable)
        and isinstance(element.expression, ast.VariableReference)
    }


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_message_escapes_hostile_arguments(lang: str) -> None:
    messages = KK if lang == "kk" else RU
    failures: list[str] = []
    rendered = 0
    for key, message in sorted(messages.items()):
        if message.value is None:
            continue
        numeric = numeric_placeholders(message)
        strings = placeholders(message) - numeric
        for value in HOSTILE if strings else [""]:
            args: dict[str, object] = {name: 5 for name in numeric}
            args.update({name: value for name in strings})
            try:
                text = CORE.get(key, lang, **args)
                plain, entities = parse_html(text)
            except Exception as error:
                failures.append(f"{lang} {key} {value[:20]!r}: {error}")
                continue
            rendered += 1
            if strings & text_placeholders(message) and value not in plain:
                failures.append(f"{lang} {key} {value[:20]!r}: not shown as typed")
            if any(e.get("url") == "https://evil.example" for e in entities):
                failures.append(f"{lang} {key}: a typed link became a link")
    assert failures == []
    assert rendered > 1000


def test_bot_built_markup_is_not_escaped_again() -> None:
    bold = Markup.tag("b", "A <3 B")
    assert bold == "<b>A &lt;3 B</b>"
    text = CORE.get("results-answer-sent", "ru", name=bold)
    assert "<b>A &lt;3 B</b>" in text
    assert parse_html(text)[0].endswith("A <3 B.")
    joined = Markup("\n").join([CORE.get("results-answer-sent", "ru", name="<"), "<x>"])
    assert joined.endswith("\n&lt;x&gt;")


def test_button_labels_show_values_as_typed() -> None:
    # Telegram does not parse HTML in labels: the values are not escaped there
    class Context:
        def get(self, key: str, /, **kwargs: object) -> str:
            return CORE.get(key, "ru", **kwargs)

    assert "A <3 B" in label(Context(), "results-answer-sent", name="A <3 B")
    assert "A &lt;3 B" in CORE.get("results-answer-sent", "ru", name="A <3 B")


def test_no_handler_or_job_escapes_by_hand() -> None:
    # one place escapes (bot/ui/markup.py); a second escape would show "&amp;lt;"
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "bot"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "dev/sandbox" not in path.as_posix()
        and path.name != "markup.py"
        and any(call in path.read_text(encoding="utf-8") for call in ("html.escape(", "quote("))
    ]
    assert offenders == []
