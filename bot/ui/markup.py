"""Escaping by construction: every value substituted into a message is text, escaped for
Telegram's HTML by the i18n layer (``bot.ui.i18n.LoadedCore.get``), unless it is ``Markup``.

``Markup`` is HTML the bot built itself: a message rendered by the core (so its result can be
substituted into another message), a list joined from rendered messages with ``Markup.join``,
or ``<b>``/``<code>`` the bot adds around an escaped value with ``Markup.tag``. No handler or
job escapes by hand: it passes the value as it is and the core escapes it exactly once.

Button labels are not HTML (Telegram shows them as typed): they are rendered with
``label``, which substitutes the values unescaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any, Protocol


class Markup(str):
    """HTML built by the bot: substituted into a message as it is, never escaped again."""

    __slots__ = ()

    def join(self, parts: Iterable[str]) -> Markup:
        """Joins rendered pieces; a piece that is plain ``str`` (typed text) is escaped."""
        return Markup(str.join(self, (escape(part) for part in parts)))

    @staticmethod
    def tag(name: str, value: object) -> Markup:
        """``<name>value</name>`` with ``value`` escaped unless it is ``Markup``."""
        return Markup(f"<{name}>{escape(value)}</{name}>")


def escape(value: object) -> Markup:
    """``value`` as HTML text: ``&``, ``<`` and ``>`` escaped; quotes stay as typed, as
    aiogram's ``html.quote`` (no message puts a placeholder inside a tag's attribute: the
    hostile-values test would show it); a ``Markup`` is returned as it is."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=False))


def attribute(value: object) -> Markup:
    """``value`` inside a quoted HTML attribute (the web page's links and form values):
    quotes escaped too."""
    return Markup(html.escape(str(value), quote=True))


def escape_args(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Fluent arguments ready for an HTML message: text escaped, ``Markup`` kept, numbers and
    dates left to Fluent (it writes them per locale and chooses plural forms by them)."""
    return {
        name: escape(value) if isinstance(value, str) else value for name, value in kwargs.items()
    }


def raw_args(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Fluent arguments for a text that is not HTML (a button label): text marked so the core
    leaves it as typed."""
    return {
        name: Markup(value) if isinstance(value, str) else value for name, value in kwargs.items()
    }


class _Getter(Protocol):
    def get(self, key: str, /, **kwargs: Any) -> str: ...


def label(i18n: _Getter, key: str, /, **kwargs: Any) -> str:
    """A button label: Telegram does not parse HTML in labels, so the values (names, cohort
    codes, topics) are substituted as typed, unescaped."""
    return str(i18n.get(key, **raw_args(kwargs)))


__all__ = ["Markup", "escape", "escape_args", "label", "raw_args"]
