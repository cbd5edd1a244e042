"""Free text typed by people, cleaned once before it is stored or reaches a document.

Control characters (Unicode category ``Cc``) and format characters (``Cf``: the bidi
embeddings, overrides and isolates U+202A–202E, U+2066–2069, the marks U+200E, U+200F,
U+061C, zero-width characters, the BOM, soft hyphens) are invisible in a chat but reorder or
hide text in a PDF, so they are removed. Tabs and line/paragraph separators become spaces;
new lines are kept only where the text may have several lines (``multiline=True``).
"""

from __future__ import annotations

import unicodedata

__all__ = ["clean_text", "is_unsafe", "one_line"]

_SPACES = frozenset("\t\x0b\x0c\x85\u2028\u2029")


def is_unsafe(char: str) -> bool:
    """A control or format character (``Cc`` or ``Cf``)."""
    return unicodedata.category(char) in ("Cc", "Cf")


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without control and bidi/format characters (see the module docstring).

    ``\\r\\n`` and ``\\r`` count as new lines. Neither spaces nor new lines are squeezed or
    stripped here: each field's own rule does that.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for char in text:
        if char == "\n":
            out.append("\n" if multiline else " ")
        elif char in _SPACES:
            out.append(" ")
        elif not is_unsafe(char):
            out.append(char)
    return "".join(out)


def one_line(text: str) -> str:
    """``clean_text`` on one line: every run of whitespace one space, none at the ends."""
    return " ".join(clean_text(text).split())
