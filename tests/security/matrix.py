"""The authorization matrix, generated from the routers: the commands and callbacks of the
admin and trainer actor packages, each filled with the ids of objects
that belong to someone else, plus the texts that count as a translated refusal."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram import Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.fsm.state import State
from magic_filter import MagicFilter

from bot.ui.i18n import create_core

# The actors whose every entry point is for them only; public and teacher screens are open to
# anyone who started the bot (verification by number, a teacher's own documents).
PRIVILEGED = ("admin", "trainer")
LOCALES = Path(__file__).resolve().parents[2] / "locales"
REFUSAL_KEY = re.compile(
    r"^([a-z0-9-]*(refused|not-allowed|not-yours|not-found)[a-z0-9-]*|"
    r"error-bad-button)\s*=",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Entry:
    router: str
    kind: str  # command | callback
    value: str  # the command name, or a CallbackData class name with the action

    def __str__(self) -> str:
        return f"{self.router}:{self.kind}:{self.value}"


def _walk(router: Router) -> Any:
    yield router
    for sub in router.sub_routers:
        yield from _walk(sub)


def _strings(obj: Any, depth: int = 0) -> set[str]:
    """String constants a magic filter compares with (``F.action == "open"``)."""
    if depth > 8:
        return set()
    if isinstance(obj, str):
        return {obj}
    if isinstance(obj, set | frozenset | tuple | list):
        return set().union(*(_strings(x, depth + 1) for x in obj)) if obj else set()
    if isinstance(obj, MagicFilter):
        return _strings(list(obj._operations), depth + 1)
    found: set[str] = set()
    for name in [*getattr(obj, "__dict__", {}), *getattr(obj, "__slots__", ())]:
        if not name.startswith("__"):
            found |= _strings(getattr(obj, name, None), depth + 1)
    return found


def privileged_routers() -> list[Router]:
    from bot.handlers import ROUTER_FACTORIES

    found: list[Router] = []
    for factory in ROUTER_FACTORIES:
        for router in _walk(factory()):
            if router.name in PRIVILEGED:
                found.append(router)
    return found


Callback = tuple[type[CallbackData], str, str | None]  # factory, action, form state


def _state(handler: Any) -> str | None:
    """The form step a handler waits in (its ``StateFilter``), if any."""
    for flt in handler.filters or []:
        if isinstance(flt.callback, State):
            return flt.callback.state
        if isinstance(flt.callback, StateFilter):
            for state in flt.callback.states:
                name = state.state if isinstance(state, State) else state
                if isinstance(name, str) and name != "*":
                    return name
    return None


def entries() -> dict[str, tuple[list[str], list[Callback]]]:
    """Per privileged router: its commands, and (factory, action, state) of its callbacks —
    a callback of a form step is pressed while the actor sits in that step (a forged or
    lingering state), so the handler itself, not the stale-button fallback, is reached."""
    table: dict[str, tuple[list[str], list[Callback]]] = {}
    for root in privileged_routers():
        commands: set[str] = set()
        callbacks: set[Callback] = set()
        for router in _walk(root):
            for observer in (router.message, router.callback_query):
                for handler in observer.handlers:
                    for flt in handler.filters or []:
                        target = flt.callback
                        if isinstance(target, Command):
                            commands.update(c for c in target.commands if isinstance(c, str))
                        elif isinstance(target, CallbackQueryFilter):
                            factory = target.callback_data
                            fields = set(factory.model_fields)
                            values = _strings(target.rule) - fields if target.rule else set()
                            values |= _source_values(factory)
                            for value in values or {"open", "admin", "trainer"}:
                                callbacks.add((factory, value, _state(handler)))
        table[root.name] = (
            sorted(commands),
            sorted(callbacks, key=lambda c: (c[0].__prefix__, c[1], c[2] or "")),  # type: ignore[attr-defined]
        )
    return table


def _source_values(factory: type[CallbackData]) -> set[str]:
    """String values the handlers' own code packs into this factory (``CourseAction(
    action="edit", ...)``), for the factories whose handlers branch inside the function."""
    import importlib

    module = importlib.import_module(factory.__module__)
    handlers = Path(module.__file__ or ".").parent  # the feature's own package
    call = re.compile(rf"\b{factory.__name__}\(([^()]{{0,160}})\)")
    found: set[str] = set()
    for path in handlers.rglob("*.py"):
        for match in call.finditer(path.read_text(encoding="utf-8")):
            found.update(re.findall(r'\w+="([^"]{1,20})"', match.group(1)))
    return found - {factory.__prefix__}  # type: ignore[attr-defined]


def pack(factory: type[CallbackData], action: str, ids: dict[str, int]) -> str:
    """The factory's data with ``action`` in its string fields and someone else's ids."""
    values: dict[str, Any] = {}
    for name, info in factory.model_fields.items():
        if info.annotation is int:
            values[name] = ids.get(name.removesuffix("_id"), 1)
        elif info.annotation is bool:
            values[name] = True
        else:
            values[name] = action
    return factory(**values).pack()


def stale_button_texts() -> set[str]:
    """The fallback's "this button is out of date" (and the form kit's, for a button of no
    open form): no handler matched, nothing was reached."""
    core = create_core()
    return {
        core.get(key, lang) for key in ("error-bad-button", "form-stale") for lang in ("kk", "ru")
    }


def refusal_texts() -> set[str]:
    """Every translated refusal without placeholders, in both languages."""
    core = create_core()
    texts: set[str] = set()
    for lang in ("kk", "ru"):
        for path in sorted((LOCALES / lang).glob("*.ftl")):
            for match in REFUSAL_KEY.finditer(path.read_text(encoding="utf-8")):
                try:
                    texts.add(core.get(match.group(1), lang))
                except Exception:  # a message needing arguments: not a plain refusal
                    continue
    return texts
