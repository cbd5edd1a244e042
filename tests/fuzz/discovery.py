"""What the fuzz and authorization tests attack, found in the code rather than listed by hand:
every ``CallbackData`` factory, every ``State`` of every ``StatesGroup``, and the ``Command``
filters and callback factories of each feature router."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from aiogram import Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup

import bot.handlers  # noqa: F401  (imports every feature module, so the subclasses exist)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def callback_factories() -> list[type[CallbackData]]:
    return sorted(set(_subclasses(CallbackData)), key=lambda c: c.__prefix__)  # type: ignore[attr-defined]


def all_states() -> list[State]:
    states: list[State] = []
    for group in _subclasses(StatesGroup):
        states.extend(group.__all_states__)  # type: ignore[attr-defined]
    return sorted(states, key=lambda s: s.state or "")


@dataclass
class Surface:
    """Entry points a router (with its sub-routers) handles."""

    commands: set[str] = field(default_factory=set)
    callbacks: set[type[CallbackData]] = field(default_factory=set)


def _walk(router: Router) -> Iterator[Router]:
    yield router
    for sub in router.sub_routers:
        yield from _walk(sub)


def surface(router: Router) -> Surface:
    found = Surface()
    for each in _walk(router):
        for observer in (each.message, each.callback_query, each.edited_message):
            for handler in observer.handlers:
                for flt in handler.filters or []:
                    target = flt.callback
                    if isinstance(target, Command):
                        found.commands.update(c for c in target.commands if isinstance(c, str))
                    elif isinstance(target, CallbackQueryFilter):
                        found.callbacks.add(target.callback_data)
    return found


def feature_surfaces() -> dict[str, Surface]:
    """Surface of every registered feature router, by router name."""
    from bot.handlers import ROUTER_FACTORIES

    surfaces: dict[str, Surface] = {}
    for factory in ROUTER_FACTORIES:
        router = factory()
        surfaces[router.name] = surface(router)
    return surfaces


def all_commands() -> set[str]:
    return set().union(*(s.commands for s in feature_surfaces().values()))
