"""Import aiogram so that a Telegram type's pydantic schema is built on first use, not at import.

Why: `aiogram/types/__init__.py` ends with a loop calling
``model_rebuild(_types_namespace=...)`` on every one of its ~450 TelegramObject classes, which
builds every pydantic-core validator and serializer at import even though the types declare
``defer_build=True``. That loop alone is ~105 MB of resident memory (`import aiogram`: 166 MB RSS
eager, 59 MB with this module) and ~2.5 s of CPU; the bot reads a handful of those types.

How: while aiogram is imported, ``BaseModel.model_rebuild`` calls that carry a
``_types_namespace`` for a not yet built aiogram class do not build; they store that namespace as
the class's ``__pydantic_parent_namespace__``. Method classes (`SendMessage`…) and `Response`
get the same namespace after the import. This is pydantic's own deferred build: the class's
validator is a ``MockValSer`` whose first use calls ``model_rebuild()``, which merges
``__pydantic_parent_namespace__`` into the names it resolves annotations with — so the schema
built later is the one aiogram's loop would have built, only for the types the bot uses
(`Update` and what it reaches, the methods it calls and their results: a few MB).

Safety: only with pydantic 2.11–2.x and aiogram 3.x (the versions whose internals this relies
on), and only if a self-test passes right after the import (an `Update` with a message and a
callback query, a `SendMessage` with an inline keyboard, a `Response[Message]`). Otherwise — or
with ``BILIKTILIK_EAGER_TELEGRAM_SCHEMAS=1`` — every schema is built eagerly, exactly as aiogram
does, and a warning says why. ``bot.cli.main`` runs this before any module imports aiogram
(the test suite's conftest does too, so tests run the way the bot does).

Limitation: a ``TypeAdapter`` over aiogram types cannot defer this way (it has no parent
namespace). aiogram's own (`aiogram.utils.chat_member.ChatMemberAdapter`) is rebuilt here with
the names; one built elsewhere must call ``.rebuild(_types_namespace=telegram_types_namespace())``
(the bot builds none).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version
from typing import Any

from pydantic import BaseModel

EAGER_ENV = "BILIKTILIK_EAGER_TELEGRAM_SCHEMAS"
#: Versions whose internals (the rebuild loop, MockValSer, parent namespaces) were verified.
PYDANTIC_VERIFIED = ((2, 11), (3, 0))
AIOGRAM_VERIFIED = ((3, 0), (4, 0))

logger = logging.getLogger(__name__)

#: How aiogram was imported: "lazy", or "eager (<reason>)". Set by `import_aiogram`.
mode = "not imported"
_namespace: dict[str, Any] = {}


def telegram_types_namespace() -> dict[str, Any]:
    """The names aiogram resolves its types' forward references with (`Message`, `Default`…)."""
    return _namespace


def import_aiogram() -> str:
    """Import aiogram with deferred type schemas if that is safe here; return the mode used."""
    global mode
    if "aiogram" in sys.modules:
        mode = "eager (aiogram was imported before bot)"
        return mode
    if os.environ.get(EAGER_ENV):
        mode = f"eager ({EAGER_ENV} is set)"
        importlib.import_module("aiogram")
        return mode
    reason = _unverified_reason()
    if reason is None:
        mode = _import_lazily()
    else:
        mode = f"eager ({reason})"
        importlib.import_module("aiogram")
    if mode != "lazy":
        logger.warning("aiogram types are built eagerly (~100 MB more memory): %s", mode)
    return mode


def _unverified_reason() -> str | None:
    def major_minor(text: str) -> tuple[int, int]:
        major, minor = text.split(".")[:2]
        return int(major), int("".join(c for c in minor if c.isdigit()) or 0)

    for package, (low, high) in (("pydantic", PYDANTIC_VERIFIED), ("aiogram", AIOGRAM_VERIFIED)):
        installed = major_minor(version(package))
        if not low <= installed < high:
            return f"{package} {version(package)} is outside the verified range"
    rebuild = inspect.signature(BaseModel.model_rebuild).parameters
    if "_types_namespace" not in rebuild or "_parent_namespace_depth" not in rebuild:
        return "pydantic's model_rebuild has another signature"
    return None


def _import_lazily() -> str:
    with _rebuilds_recorded() as namespaces:
        importlib.import_module("aiogram")
    if not namespaces:
        return "eager (aiogram's import did not rebuild its types as expected)"
    _namespace.update(namespaces[0])
    try:
        _give_namespace_to_models_without_one()
        _give_namespace_to_later_subclasses()
        _rebuild_aiogram_type_adapters()
        _self_test()
    except Exception as error:  # any failure means internals differ: fall back, never half-work
        _rebuild_everything_eagerly()
        summary = next(iter(str(error).splitlines()), "")
        return f"eager (self-test failed: {type(error).__name__}: {summary})"
    return "lazy"


@contextmanager
def _rebuilds_recorded() -> Iterator[list[dict[str, Any]]]:
    """Replace `model_rebuild` while aiogram imports: record the namespace instead of building."""
    original = BaseModel.__dict__["model_rebuild"]
    build: Callable[..., bool | None] = original.__func__
    namespaces: list[dict[str, Any]] = []

    def record_instead_of_building(
        cls: type[BaseModel],
        *,
        force: bool = False,
        raise_errors: bool = True,
        _parent_namespace_depth: int = 2,
        _types_namespace: dict[str, Any] | None = None,
    ) -> bool | None:
        if (
            _types_namespace is not None
            and not force
            and cls.__module__.startswith("aiogram.")
            and not cls.__pydantic_complete__
        ):
            if not namespaces:
                namespaces.append(_types_namespace)
            cls.__pydantic_parent_namespace__ = namespaces[0]
            return None
        return build(
            cls,
            force=force,
            raise_errors=raise_errors,
            _parent_namespace_depth=_parent_namespace_depth + 1,  # this wrapper is a frame
            _types_namespace=_types_namespace,
        )

    BaseModel.model_rebuild = classmethod(record_instead_of_building)  # type: ignore[assignment,method-assign]
    try:
        yield namespaces
    finally:
        BaseModel.model_rebuild = original  # type: ignore[method-assign]


def _aiogram_models() -> Iterator[type[BaseModel]]:
    for name, module in list(sys.modules.items()):
        if name.startswith("aiogram.") and module is not None:
            for value in list(vars(module).values()):
                if (
                    isinstance(value, type)
                    and issubclass(value, BaseModel)
                    and value.__module__ == name
                ):
                    yield value


def _give_namespace_to_models_without_one() -> None:
    """Methods and `Response[...]` reach the types too; their deferred builds need the names."""
    for model in _aiogram_models():
        if model.__dict__.get("__pydantic_parent_namespace__") is None:
            model.__pydantic_parent_namespace__ = _namespace


def _give_namespace_to_later_subclasses() -> None:
    """A model defined later on top of an aiogram type (``class Notice(Message)``) inherits
    fields that name other types: it gets the names too (its own, if any, take precedence)."""
    from aiogram.methods import TelegramMethod
    from aiogram.types import TelegramObject

    def with_the_names(cls: type[BaseModel], **_kwargs: Any) -> None:
        own = cls.__dict__.get("__pydantic_parent_namespace__") or {}
        cls.__pydantic_parent_namespace__ = {**_namespace, **own}

    for base in (TelegramObject, TelegramMethod):
        if "__pydantic_init_subclass__" in base.__dict__:
            raise RuntimeError(f"aiogram's {base.__name__} has its own __pydantic_init_subclass__")
        base.__pydantic_init_subclass__ = classmethod(with_the_names)  # type: ignore[assignment]


def _rebuild_aiogram_type_adapters() -> None:
    """aiogram's one module-level ``TypeAdapter`` (over the ChatMember union): a TypeAdapter
    has no parent namespace to defer with, so it is built now, with the names (~0.2 MB)."""
    try:
        from aiogram.utils.chat_member import ChatMemberAdapter
    except ImportError:  # another aiogram layout: nothing to rebuild
        return
    ChatMemberAdapter.rebuild(force=True, _types_namespace=_namespace)


def _self_test() -> None:
    """Build what every bot builds first and check it round-trips; raises if anything differs."""
    from aiogram.methods import SendMessage
    from aiogram.methods.base import Response
    from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

    chat = {"id": 7, "type": "private", "first_name": "A"}
    user = {"id": 7, "is_bot": False, "first_name": "A", "language_code": "kk"}
    message = {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": chat,
        "from": user,
        "text": "/start x",
        "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
    }
    # Message first: what is built afterwards (Update, Response[Message]…) then reuses its
    # validator instead of holding a copy of the whole Message graph each.
    parsed = Message.model_validate(message)
    update = Update.model_validate({"update_id": 1, "message": message})
    callback = Update.model_validate(
        {
            "update_id": 2,
            "callback_query": {
                "id": "q",
                "from": user,
                "chat_instance": "c",
                "data": "d",
                "message": message,
            },
        }
    )
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="a", callback_data="b")]]
    )
    sent = SendMessage(chat_id=7, text="t", reply_markup=keyboard)
    result = Response[Message].model_validate({"ok": True, "result": message})
    assert parsed.model_dump(by_alias=True, exclude_none=True, mode="json") == message
    assert update.message is not None and update.message.entities is not None
    assert update.message.entities[0].type == "bot_command"
    assert update.message.from_user is not None and update.message.from_user.id == 7
    assert callback.callback_query is not None and callback.callback_query.data == "d"
    assert sent.model_dump(exclude_none=True)["reply_markup"] == {
        "inline_keyboard": [[{"text": "a", "callback_data": "b"}]]
    }
    assert result.result is not None and result.result.chat.id == 7
    assert result.result.text == "/start x" and result.result.entities is not None
    assert result.result.entities[0].length == 6


def _rebuild_everything_eagerly() -> None:
    """What aiogram itself does at import: every type, then every method, with its names."""
    import aiogram.types

    for name in aiogram.types.__all__:
        entity = getattr(aiogram.types, name)
        if hasattr(entity, "model_rebuild"):
            entity.model_rebuild(_types_namespace=_namespace)
    for model in _aiogram_models():
        if not model.__pydantic_complete__:
            model.model_rebuild(_types_namespace=_namespace)
