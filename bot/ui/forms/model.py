"""What a form is made of: steps as data and the act its Confirm button performs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from domain.text import clean_text

Values = Mapping[str, Any]


class Invalid(Exception):
    """A typed answer the step refuses: the translated message key and its arguments (an
    argument that is itself an ``Invalid`` is translated too: a rule citation, a label)."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class Choice:
    """A button of a step: the stored value and its label as the person reads it."""

    value: str
    label: str


@dataclass(frozen=True)
class StepView:
    """What a step's prompt, choices and summary line may look at."""

    i18n: I18nContext
    values: Values
    context: Values
    data: Mapping[str, Any]  # the handler's injected data (settings, uow_factory, clock…)


def _as_typed(raw: str) -> Any:
    return clean_text(raw)


@dataclass(frozen=True)
class Step:
    """One question. ``parse`` turns a typed answer into the stored (JSON) value or raises
    ``Invalid``; ``choices`` offers buttons (their value is stored as it is); ``when`` skips the
    step for some earlier answers; ``shown`` writes the value in the summary."""

    name: str
    prompt: str
    label: str
    parse: Callable[[str], Any] | None = _as_typed
    choices: Callable[[StepView], Awaitable[Sequence[Choice]]] | None = None
    when: Callable[[Values], bool] | None = None
    shown: Callable[[Any, StepView], str] | None = None
    skippable: bool = False
    multiple: bool = False  # choices toggled on and off, then "Done": a list is stored
    check: Callable[[Any, Values], None] | None = None  # against earlier answers; raises Invalid
    args: Callable[[StepView], Mapping[str, Any]] | None = None  # more Fluent args: prompt, label
    resets: tuple[str, ...] = ()  # answers that no longer hold when this answer changes

    def fluent_args(self, view: StepView) -> dict[str, Any]:
        return dict(self.args(view)) if self.args is not None else {}

    def applies(self, values: Values) -> bool:
        return self.when is None or self.when(values)

    @property
    def typed(self) -> bool:
        return self.parse is not None


@dataclass
class FormRun:
    """Everything Confirm needs: the answers, the form's context, the summary message."""

    i18n: I18nContext
    values: dict[str, Any]
    context: dict[str, Any]
    message: Message
    data: dict[str, Any] = field(default_factory=dict)
    markup: InlineKeyboardMarkup | None = None  # buttons the outcome offers (e.g. "add another")

    def __getitem__(self, name: str) -> Any:
        return self.data[name]


@dataclass(frozen=True)
class Form:
    """A multi-step flow. ``submit`` performs the act and returns what the summary message
    should say afterwards (the outcome), or ``None`` when it answered on its own."""

    name: str
    steps: tuple[Step, ...]
    title: str
    confirm: str
    submit: Callable[[FormRun], Awaitable[str | None]]
    title_args: Callable[[Values], Mapping[str, Any]] = lambda context: context

    def __post_init__(self) -> None:
        names = [step.name for step in self.steps]
        if len(set(names)) != len(names):
            raise ValueError(f"form {self.name}: two steps share a name")

    def step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)

    def index(self, name: str) -> int:
        return [step.name for step in self.steps].index(name)


def forms_of(capabilities: Iterable[ModuleType]) -> list[Form]:
    """The forms the capabilities (handler modules) declare in their ``FORMS``."""
    return [form for capability in capabilities for form in getattr(capability, "FORMS", ())]
