"""Run the routers' synchronous filters on the event loop instead of in a thread.

aiogram calls every non-async filter through ``asyncio.to_thread`` (``CallableObject.call``),
and ``F.text…`` magic filters, ``State`` objects and plain predicate functions are all
non-async. Each costs a hand-off to the default thread pool and back (70–140 µs on two cores,
more under load) for an attribute check of a few microseconds, and an update is checked
against every filter of every router before the one that takes it: a text for the last
router paid for dozens. Our filters are pure checks of the update and of the FSM state; none
blocks, so they are called directly.

A filter that does block (reads a file, calls a service) must be written ``async`` — this is
enforced by a test that no synchronous filter or handler is left after `run_filters_inline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import CallableObject, HandlerObject


def run_filters_inline(root: Router) -> int:
    """Make every synchronous filter under ``root`` a coroutine function; returns how many."""
    changed = 0
    for handler in _handlers(root):
        for filter_object in handler.filters or ():
            if not filter_object.awaitable:
                filter_object.callback = _on_the_loop(filter_object.callback)
                filter_object.awaitable = True
                changed += 1
    return changed


def synchronous_callables(root: Router) -> list[CallableObject]:
    """Filters and handlers aiogram would still send to a thread (for the test)."""
    found: list[CallableObject] = []
    for handler in _handlers(root):
        found += [f for f in handler.filters or () if not f.awaitable]
    for router in root.chain_tail:
        for observer in router.observers.values():
            found += [h for h in observer.handlers if not h.awaitable]
    return found


def _handlers(root: Router) -> Iterator[HandlerObject]:
    """Every holder of filters: each handler, and each observer's router-level holder (the
    ``router.message.filter(...)`` ones; its own callback is never called)."""
    for router in root.chain_tail:
        for observer in router.observers.values():
            yield observer._handler
            yield from observer.handlers


def _on_the_loop(sync: Callable[..., Any]) -> Callable[..., Any]:
    # The keyword arguments were already narrowed to ``sync``'s own parameters by aiogram
    # (``CallableObject.params`` was computed from it before this swap).
    async def call_directly(*args: Any, **kwargs: Any) -> Any:
        return sync(*args, **kwargs)

    return call_directly
