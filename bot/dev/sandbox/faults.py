"""Fault injection: the next N calls (optionally of one method or chat) fail on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FAULT_KINDS = ("http_500", "http_502", "timeout", "drop", "blocked", "flood")


@dataclass
class Fault:
    """`kind`: http_500 | http_502 (nginx HTML page) | timeout (sleep `delay` s, then 504 or
    the real answer when `execute`) | drop (connection closed, no answer) | blocked (403) |
    flood (429 with `retry_after`)."""

    kind: str
    count: int = 1
    method: str | None = None
    chat_id: int | None = None
    delay: float = 65.0
    retry_after: int = 5
    execute: bool = False

    def matches(self, method: str, chat_id: Any) -> bool:
        if self.method is not None and self.method.lower() != method.lower():
            return False
        if self.chat_id is None:
            return True
        try:
            return int(chat_id) == self.chat_id
        except (TypeError, ValueError):
            return False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fault:
        kind = str(data.get("kind", ""))
        if kind in ("500", "502"):
            kind = f"http_{kind}"
        if kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {', '.join(FAULT_KINDS)}")
        count = int(data.get("count", 1))
        if count < 1:
            raise ValueError("count must be at least 1")
        return cls(
            kind=kind,
            count=count,
            method=data.get("method") or None,
            chat_id=int(data["chat_id"]) if data.get("chat_id") is not None else None,
            delay=float(data.get("delay", 65.0)),
            retry_after=int(data.get("retry_after", 5)),
            execute=bool(data.get("execute", False)),
        )


class FaultInjector:
    def __init__(self) -> None:
        self.pending: list[Fault] = []

    def add(self, fault: Fault) -> None:
        self.pending.append(fault)

    def clear(self) -> None:
        self.pending.clear()

    def take(self, method: str, chat_id: Any) -> Fault | None:
        """The first pending fault matching this call, counted down by one."""
        for fault in self.pending:
            if fault.matches(method, chat_id):
                fault.count -= 1
                if fault.count <= 0:
                    self.pending.remove(fault)
                return fault
        return None
