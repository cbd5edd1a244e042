"""What a form is made of: steps as data and the act its Confirm button performs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.ui.forms.parsers import text

LINE_LIMIT = 200  # a one-line answer when a step names no limit of its own
ONE_LINE = text(LINE_LIMIT)

Values = Mapping[str, Any]


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


@dataclass(frozen=True)
class Step:
    """One question. ``parse`` turns a typed answer into the stored (JSON) value or raises
    ``Invalid``; ``choices`` offers buttons (their value is stored as it is); ``when`` skips the
    step for some earlier answers; ``shown`` writes the value in the summary."""

    name: str
    prompt: str
    label: str
    parse: Callable[[str], Any] | None = ONE_LINE
    choices: Callable[[StepView], Awaitable[Sequence[Choice]]] | None = None
    when: Callable[[Values], bool] | None = None
    shown: Callable[[Any, StepView], str] | None = None
    skippable: bool = False
    multiple: bool = False  # choices toggled on and off, then "Done": a list is stored
    check: Callable[[Any, Values], None] | None = None  # against earlier answers; raises Invalid
    # a non-text answer (a shared contact, a photo, a file): the message and the current value
    # in, the new value out, or ``Invalid``; with ``collect`` the answers pile up until "Done"
    receive: Callable[[Message, Any], Any] | None = None
    collect: bool = False
    contact_button: str | None = None  # label key of Telegram's "share my phone" reply button
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
    # the reply keyboard (a main menu) to give back when Cancel takes a contact button away
    menu: Callable[[I18nContext, Mapping[str, Any]], Any] | None = None

    def __post_init__(self) -> None:
        names = [step.name for step in self.steps]
        if len(set(names)) != len(names):
            raise ValueError(f"form {self.name}: two steps share a name")

    def step(self, name: str) -> Step:
        return next(step for step in self.steps if step.name == name)

    def index(self, name: str) -> int:
        return [step.name for step in self.steps].index(name)
