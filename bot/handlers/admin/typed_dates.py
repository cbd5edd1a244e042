"""Dates typed into the admin forms (shown per locale by ``bot.ui.formatting``)."""

from __future__ import annotations

from datetime import date, datetime


def parse_day(text: str) -> date | None:
    """A date typed as DD.MM.YYYY (how dates are written in Kazakhstan's documents)."""
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        return None
