"""A typed answer a step refuses."""

from __future__ import annotations

from typing import Any


class Invalid(Exception):
    """The translated message key saying why, and its arguments (the limit, the date…; an
    argument that is itself an ``Invalid`` is translated too: a rule citation, a label)."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args
