"""Will a button label show whole on a phone? Telegram draws an inline (or reply) button on
one line and cuts it with "…" ("👥 Тыңдаушылар 01:2…": the time that told two buttons apart
was lost). The model, fitted to what was seen on a 390-px-wide phone at Telegram's default
font size:

* the keyboard is ``SCREEN - 2·SIDE`` wide; buttons of a row share it, ``GAP`` apart, each
  with ``PADDING`` on both sides of its text;
* text is measured with DejaVu Sans (shipped with matplotlib, the fonts of the PDFs) at
  ``FONT_PX``; an emoji counts ``EMOJI_EM`` of the size, joiners and variation selectors
  nothing. DejaVu is wider than the phones' own fonts, so ``FONT_PX`` is calibrated on the
  three cuts seen at two buttons per row: "👥 Тыңдаушылар 01:2…", "🤝 Посткурстық сүйем…"
  and "🔎 Сертификатты текс…" each showed whole, one letter more did not — which puts the
  capacity between 183 and 186 DejaVu-14 pixels; 12.5 px leaves it 2 % of margin (a label
  of 179 DejaVu-14 pixels is the widest that passes).

``fit`` shortens a label that carries free text (a topic, a name) so that Telegram never has
to: the distinguishing part comes first and the end goes, marked by "…"."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

SCREEN = 390
SIDE = 16
GAP = 6
PADDING = 8
FONT_PX = 12.5
EMOJI_EM = 1.3

__all__ = ["budget", "fit", "fits", "text_width"]


def budget(per_row: int) -> float:
    """Pixels of text a button has when ``per_row`` buttons share a row."""
    keyboard = SCREEN - 2 * SIDE
    return (keyboard - GAP * (per_row - 1)) / per_row - 2 * PADDING


@functools.cache
def _font() -> Any:
    from reportlab.pdfbase.ttfonts import TTFont  # read once, when a label is first measured

    from bot.documents.fonts import font_dir

    return TTFont("LabelDejaVuSans", str(font_dir() / "DejaVuSans.ttf"))


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return (
        code >= 0x1F000
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0x2300 <= code <= 0x23FF
        or code in (0x2139, 0x2194, 0x2195, 0x21A9, 0x21AA, 0x24C2, 0x3030, 0x303D)
    )


@functools.lru_cache(maxsize=4096)
def _char_width(char: str) -> float:
    if char in ("\u200d", "\ufe0f", "\ufe0e") or unicodedata.category(char) in ("Mn", "Cf"):
        return 0.0
    if _is_emoji(char):
        return EMOJI_EM * FONT_PX
    return float(_font().stringWidth(char, FONT_PX))


def text_width(text: str) -> float:
    """The label's width in pixels (see the module's model)."""
    return sum(_char_width(char) for char in text)


def fits(text: str, per_row: int = 1) -> bool:
    return text_width(text) <= budget(per_row)


def fit(text: str, per_row: int = 1) -> str:
    """``text`` if it fits, else its longest beginning that fits followed by "…"."""
    if fits(text, per_row):
        return text
    room = budget(per_row) - text_width("…")
    kept, used = [], 0.0
    for char in text:
        used += _char_width(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip(" ·,-") + "…"
