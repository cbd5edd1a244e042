"""How a form runs: one FSM state, its answers under ``kit`` in the FSM data, one callback
factory whose token ties a button to the form that drew it (an older form's button is stale)."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import Iterable, Mapping
from datetime import date
from types import ModuleType
from typing import Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Filter, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    TelegramObject,
)
from aiogram_i18n import I18nContext

from bot.ui.formatting import long_date
from bot.ui.forms.invalid import Invalid
from bot.ui.forms.model import Choice, Form, FormRun, Step, StepView
from bot.ui.markup import Markup, label

SUMMARY, EDITING, DONE = "@summary", "@edit", "@done"
PAGE = 8  # choices per page: a list that grows with the organization stays one screen
KIT = "kit"


class FormStates(StatesGroup):
    active = State()


class FormCb(CallbackData, prefix="fk"):
    """``t``: the form's token; ``a``: back | cancel | pick | skip | done | page | edit |
    goto | sum | ok; ``v``: the choice, page or step."""

    t: str
    a: str
    v: int = 0


# one confirmation at a time per chat: a doubled tap on Confirm must not act twice
_confirming: dict[tuple[int, int], asyncio.Lock] = {}


def _button(text: str, token: str, action: str, value: int = 0) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=FormCb(t=token, a=action, v=value).pack())


def _view(i18n: I18nContext, kit: Mapping[str, Any], data: Mapping[str, Any]) -> StepView:
    return StepView(i18n=i18n, values=kit["values"], context=kit["context"], data=data)


def _shown(step: Step, value: Any, view: StepView, kit: Mapping[str, Any]) -> str:
    if step.shown is not None:
        return step.shown(value, view)
    chosen = (kit.get("shown") or {}).get(step.name)
    if chosen is not None:
        return str(chosen)
    if value is None:
        return view.i18n.get("form-skipped")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        with contextlib.suppress(ValueError):
            return long_date(date.fromisoformat(value), view.i18n.locale)
    return str(value)


def _applicable(form: Form, values: Mapping[str, Any]) -> list[Step]:
    return [step for step in form.steps if step.applies(values)]


def _args(form: Form, kit: Mapping[str, Any]) -> dict[str, Any]:
    return {**form.title_args(kit["context"])}


async def _drop_keyboard(bot: Bot, chat_id: int, message_id: int | None) -> None:
    """A prompt the form moved past keeps no live buttons (already gone: nothing to do)."""
    if message_id:
        with contextlib.suppress(TelegramBadRequest):
            await bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )


def _step_keyboard(
    form: Form, step: Step, kit: Mapping[str, Any], labels: list[str], i18n: I18nContext
) -> InlineKeyboardMarkup:
    token, page = kit["token"], kit.get("page", 0)
    picked = set(kit.get("picked") or [])
    values = kit.get("choices") or []
    rows = []
    for n in range(page * PAGE, min(len(labels), (page + 1) * PAGE)):
        mark = ("✅ " if values[n] in picked else "▫️ ") if step.multiple else ""
        rows.append([_button(mark + labels[n], token, "pick", n)])
    pages = (len(labels) + PAGE - 1) // PAGE
    if pages > 1:
        turn = []
        if page > 0:
            turn.append(_button(i18n.get("form-page-previous"), token, "page", page - 1))
        turn.append(_button(f"{page + 1}/{pages}", token, "page", page))
        if page + 1 < pages:
            turn.append(_button(i18n.get("form-page-next"), token, "page", page + 1))
        rows.append(turn)
    if step.multiple or (step.collect and kit["values"].get(step.name)):
        rows.append([_button(i18n.get("form-done"), token, "done")])
    if step.skippable:
        rows.append([_button(i18n.get("form-skip"), token, "skip")])
    first = _applicable(form, kit["values"])[0].name == step.name
    nav = [_button(i18n.get("form-cancel"), token, "cancel")]
    if kit.get("editing"):
        nav.insert(0, _button(i18n.get("form-to-summary"), token, "sum"))
    elif not first:
        nav.insert(0, _button(i18n.get("form-back"), token, "back"))
    rows.append(nav)
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def _ask(
    form: Form,
    step: Step,
    kit: dict[str, Any],
    target: Message,
    state: FSMContext,
    i18n: I18nContext,
    data: Mapping[str, Any],
) -> None:
    view = _view(i18n, kit, data)
    choices: list[Choice] = list(await step.choices(view)) if step.choices else []
    current = kit["values"].get(step.name)
    kit.update(
        at=step.name,
        choices=[c.value for c in choices],
        labels=[c.label for c in choices],
        page=0,
        picked=list(current) if step.multiple and isinstance(current, list) else [],
    )
    text = i18n.get(step.prompt, **{**_args(form, kit), **step.fluent_args(view)})
    if step.name in kit["values"]:
        shown = i18n.get("form-current", value=_shown(step, current, view, kit))
        text = Markup("\n\n").join([Markup(text), Markup(shown)])
    keyboard = _step_keyboard(form, step, kit, kit["labels"], i18n)
    # the step is saved before its prompt is sent: an answer typed the moment the prompt
    # appears is taken as this step's
    await state.set_state(FormStates.active)
    await state.update_data({KIT: kit})
    sent = await target.answer(text, reply_markup=keyboard)
    await _remember_prompt(state, kit, sent.message_id)
    if step.contact_button is not None:
        button = KeyboardButton(text=i18n.get(step.contact_button), request_contact=True)
        await target.answer(
            i18n.get("form-contact-hint"),
            reply_markup=ReplyKeyboardMarkup(
                keyboard=[[button]], resize_keyboard=True, one_time_keyboard=True
            ),
        )


async def _remember_prompt(state: FSMContext, kit: dict[str, Any], message_id: int) -> None:
    """The prompt whose buttons go when the form moves on (unless the form moved already)."""
    current = (await state.get_data()).get(KIT)
    kit["prompt"] = message_id
    if current and current.get("token") == kit["token"] and current.get("at") == kit["at"]:
        current["prompt"] = message_id
        await state.update_data({KIT: current})


def summary_text(
    form: Form, kit: Mapping[str, Any], i18n: I18nContext, data: Mapping[str, Any]
) -> str:
    view = _view(i18n, kit, data)
    lines = [
        i18n.get(
            "form-summary-line",
            label=label(i18n, step.label, **{**_args(form, kit), **step.fluent_args(view)}),
            value=_shown(step, kit["values"].get(step.name), view, kit),
        )
        for step in _applicable(form, kit["values"])
    ]
    title = i18n.get(form.title, **_args(form, kit))
    answers = [Markup(""), *map(Markup, lines)] if lines else []
    return Markup("\n").join([Markup(title), *answers])


def _summary_keyboard(
    form: Form, kit: Mapping[str, Any], i18n: I18nContext
) -> InlineKeyboardMarkup:
    token = kit["token"]
    cancel = _button(i18n.get("form-cancel"), token, "cancel")
    if not _applicable(form, kit["values"]):  # nothing was asked: confirm or cancel
        return InlineKeyboardMarkup(
            inline_keyboard=[[_button(i18n.get(form.confirm), token, "ok")], [cancel]]
        )
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(i18n.get(form.confirm), token, "ok")],
            [
                _button(i18n.get("form-edit"), token, "edit"),
                _button(i18n.get("form-back"), token, "back"),
                cancel,
            ],
        ]
    )


async def _summarize(
    form: Form,
    kit: dict[str, Any],
    target: Message,
    state: FSMContext,
    i18n: I18nContext,
    data: Mapping[str, Any],
) -> None:
    text = Markup("\n\n").join(
        [Markup(summary_text(form, kit, i18n, data)), Markup(i18n.get("form-check"))]
    )
    kit.update(at=SUMMARY, choices=[], editing=False)
    await state.update_data({KIT: kit})
    sent = await target.answer(text, reply_markup=_summary_keyboard(form, kit, i18n))
    await _remember_prompt(state, kit, sent.message_id)


async def _advance(
    form: Form,
    kit: dict[str, Any],
    target: Message,
    state: FSMContext,
    i18n: I18nContext,
    data: Mapping[str, Any],
) -> None:
    """The next applicable step without an answer after the current one (all of them when
    editing), or the summary."""
    steps = _applicable(form, kit["values"])
    names = [step.name for step in steps]
    after = names.index(kit["at"]) + 1 if kit["at"] in names else 0
    candidates = steps[after:] if not kit.get("editing") else steps
    for step in candidates:
        if step.name not in kit["values"]:
            await _ask(form, step, kit, target, state, i18n, data)
            return
    if kit.get("editing") or after >= len(steps):
        await _summarize(form, kit, target, state, i18n, data)
        return
    await _ask(form, steps[after], kit, target, state, i18n, data)


async def open_form(
    form: Form,
    target: Message,
    state: FSMContext,
    i18n: I18nContext,
    context: Mapping[str, Any] | None = None,
    data: Mapping[str, Any] | None = None,
    values: Mapping[str, Any] | None = None,
) -> None:
    """Starts ``form`` in ``target``'s chat; ``context`` is what the form is about (ids, names
    shown in prompts), ``values`` answers known in advance (still shown and editable)."""
    previous = (await state.get_data()).get(KIT)
    if previous and target.bot is not None:
        await _drop_keyboard(target.bot, target.chat.id, previous.get("prompt"))
    await state.set_data({})
    kit: dict[str, Any] = {
        "form": form.name,
        "token": secrets.token_urlsafe(6),
        "at": "",
        "values": dict(values or {}),
        "context": dict(context or {}),
        "prompt": None,
        "choices": [],
        "editing": False,
    }
    steps = _applicable(form, kit["values"])
    first_open = next((s for s in steps if s.name not in kit["values"]), None)
    if first_open is None:
        await state.set_state(FormStates.active)
        await _summarize(form, kit, target, state, i18n, data or {})
        return
    await _ask(form, first_open, kit, target, state, i18n, data or {})


async def close_form(state: FSMContext, bot: Bot | None, chat_id: int) -> bool:
    """Ends an open form (``/cancel``), its prompt's buttons removed; True if one was open."""
    kit = (await state.get_data()).get(KIT)
    if kit and bot is not None:
        await _drop_keyboard(bot, chat_id, kit.get("prompt"))
    return bool(kit)


class LostForm(Filter):
    """Passes when the form state has no answers at all (not some other actor's form)."""

    async def __call__(self, event: TelegramObject, state: FSMContext) -> bool:
        return not (await state.get_data()).get(KIT)


class OpenForm(Filter):
    """Passes when the person's open form is one of ``forms`` (and, for a button, when the
    button belongs to that very form); hands the handler ``form`` and ``kit``."""

    def __init__(self, forms: Mapping[str, Form]) -> None:
        self.forms = forms

    async def __call__(
        self, event: TelegramObject, state: FSMContext, callback_data: FormCb | None = None
    ) -> bool | dict[str, Any]:
        kit = (await state.get_data()).get(KIT)
        if not kit or kit.get("form") not in self.forms or kit.get("at") == DONE:
            return False
        if callback_data is not None and callback_data.t != kit.get("token"):
            return False
        return {"form": self.forms[kit["form"]], "kit": kit}


def forms_of(capabilities: Iterable[ModuleType]) -> list[Form]:
    """The forms the capability modules of an actor package declare in their ``FORMS``."""
    return [form for capability in capabilities for form in getattr(capability, "FORMS", ())]


def create_form_router(name: str, forms: Iterable[Form]) -> Router:
    """The typed answers and buttons of ``forms``, for an actor package to put behind its
    gate (a form's steps are answered by the same kind of person who opened it)."""
    registry = {form.name: form for form in forms}
    router = Router(name=f"forms-{name}")
    active = StateFilter(FormStates.active)

    async def typed(
        message: Message,
        state: FSMContext,
        i18n: I18nContext,
        form: Form,
        kit: dict[str, Any],
        **data: Any,
    ) -> None:
        if kit["at"] in (SUMMARY, EDITING):
            await message.answer(i18n.get("form-use-buttons"))
            return
        step = form.step(kit["at"])
        if step.parse is None:
            await message.answer(i18n.get("form-use-buttons"))
            return
        try:
            value = step.parse(message.text or "")
            if step.check is not None:
                step.check(value, kit["values"])
        except Invalid as refusal:
            await message.answer(_refusal_text(refusal, i18n, _args(form, kit)))
            return
        await _accept(form, step, kit, value, message, state, i18n, data)

    async def not_text(
        message: Message,
        state: FSMContext,
        i18n: I18nContext,
        form: Form,
        kit: dict[str, Any],
        **data: Any,
    ) -> None:
        step = None if kit["at"] in (SUMMARY, EDITING) else form.step(kit["at"])
        if step is None or step.receive is None:
            key = "form-use-buttons" if step is None else "form-send-text"
            await message.answer(i18n.get(key))
            return
        try:
            value = step.receive(message, kit["values"].get(step.name))
        except Invalid as refusal:
            await _refuse(message, i18n, refusal)
            return
        if not step.collect:
            if step.contact_button is not None:
                await message.answer(i18n.get("form-received"), reply_markup=ReplyKeyboardRemove())
            await _accept(form, step, kit, value, message, state, i18n, data)
            return
        if message.bot is not None:
            await _drop_keyboard(message.bot, message.chat.id, kit.get("prompt"))
        kit["values"][step.name] = value
        await state.update_data({KIT: kit})
        keyboard = _step_keyboard(form, step, kit, kit.get("labels") or [], i18n)
        count = len(value) if isinstance(value, list) else 1
        sent = await message.answer(
            i18n.get("form-received-count", count=count), reply_markup=keyboard
        )
        await _remember_prompt(state, kit, sent.message_id)

    async def pressed(
        query: CallbackQuery,
        callback_data: FormCb,
        state: FSMContext,
        i18n: I18nContext,
        form: Form,
        kit: dict[str, Any],
        **data: Any,
    ) -> None:
        message = query.message
        if not isinstance(message, Message):
            await query.answer(i18n.get("form-stale"), show_alert=True)
            return
        action, at = callback_data.a, kit["at"]
        if action == "ok":
            await _confirm(query, message, state, i18n, form, kit, data)
            return
        if action in ("pick", "page") and at not in (SUMMARY, EDITING):
            # the spinner stops only once the choice is saved: a next tap reads it
            await _choose(query, callback_data, message, state, i18n, form, kit, data)
            return
        await query.answer()
        if action == "cancel":
            await state.clear()
            step = None if at in (SUMMARY, EDITING) else form.step(at)
            if step is not None and step.contact_button is not None:  # the reply button goes too
                await _drop_keyboard_of(message)
                menu = form.menu(i18n, data) if form.menu is not None else None
                await message.answer(
                    i18n.get("form-cancelled"), reply_markup=menu or ReplyKeyboardRemove()
                )
                return
            await _finish(message, i18n.get("form-cancelled"))
        elif action == "edit" and at == SUMMARY:
            await _show_edit_list(message, state, i18n, form, kit, data)
        elif action == "goto" and 0 <= callback_data.v < len(form.steps):
            await _drop_keyboard_of(message)
            kit["editing"] = True
            await _ask(form, form.steps[callback_data.v], kit, message, state, i18n, data)
        elif action == "sum":
            await _drop_keyboard_of(message)
            await _summarize(form, kit, message, state, i18n, data)
        elif action == "back":
            await _drop_keyboard_of(message)
            await _back(form, kit, message, state, i18n, data)
        elif action in ("skip", "done") and at not in (SUMMARY, EDITING):
            step = form.step(at)
            if action == "done" and step.collect:
                if not kit["values"].get(step.name):
                    await message.answer(i18n.get("form-use-buttons"))
                    return
                await _drop_keyboard_of(message)
                _forget_later_answers(form, kit)
                await _advance(form, kit, message, state, i18n, data)
                return
            await _drop_keyboard_of(message)
            shown = kit.setdefault("shown", {})
            if action == "done":
                picked = list(kit.get("picked") or [])
                labels = kit.get("labels") or []
                _answer(step, kit, picked)
                shown[step.name] = ", ".join(
                    labels[n] for n, value in enumerate(kit.get("choices") or []) if value in picked
                ) or i18n.get("form-skipped")
            else:
                _answer(step, kit, None)
                shown.pop(step.name, None)
            _forget_later_answers(form, kit)
            await _advance(form, kit, message, state, i18n, data)

    router.message.register(typed, active, OpenForm(registry), F.text, ~F.text.startswith("/"))
    router.message.register(not_text, active, OpenForm(registry), ~F.text.startswith("/"))
    router.callback_query.register(pressed, FormCb.filter(), active, OpenForm(registry))
    return router


async def _refuse(message: Message, i18n: I18nContext, refusal: Invalid) -> None:
    await message.answer(_refusal_text(refusal, i18n))


def _refusal_text(
    refusal: Invalid, i18n: I18nContext, defaults: Mapping[str, Any] | None = None
) -> str:
    """The refusal's message; the form's own arguments (``title_args``) fill what it omits."""
    args = {
        name: long_date(arg, i18n.locale)
        if isinstance(arg, date)
        else _refusal_text(arg, i18n, defaults)
        if isinstance(arg, Invalid)
        else arg
        for name, arg in refusal.args_.items()
    }
    args = {**(defaults or {}), **args}
    return str(i18n.get(refusal.key, **args))


def _answer(step: Step, kit: dict[str, Any], value: Any) -> None:
    """Stores an answer; a changed answer drops the answers it invalidates (``resets``)."""
    values = kit["values"]
    if step.name in values and values[step.name] != value:
        for name in step.resets:
            values.pop(name, None)
            (kit.get("shown") or {}).pop(name, None)
    values[step.name] = value


async def _accept(
    form: Form,
    step: Step,
    kit: dict[str, Any],
    value: Any,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    data: Mapping[str, Any],
) -> None:
    """A step answered: its prompt's buttons go, later answers that no longer apply are
    dropped, the form moves on."""
    if message.bot is not None:
        await _drop_keyboard(message.bot, message.chat.id, kit.get("prompt"))
    _answer(step, kit, value)
    (kit.get("shown") or {}).pop(step.name, None)
    _forget_later_answers(form, kit)
    await _advance(form, kit, message, state, i18n, data)


async def _choose(
    query: CallbackQuery,
    callback_data: FormCb,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    form: Form,
    kit: dict[str, Any],
    data: Mapping[str, Any],
) -> None:
    """A choice tapped (toggled, for a multi-choice step) or a page turned."""
    step = form.step(kit["at"])
    choices, labels = kit.get("choices") or [], kit.get("labels") or []
    if callback_data.a == "page":
        pages = (len(labels) + PAGE - 1) // PAGE
        kit["page"] = min(max(0, callback_data.v), max(0, pages - 1))
    elif not 0 <= callback_data.v < len(choices):
        await query.answer(i18n.get("form-use-buttons"), show_alert=True)
        return
    elif step.multiple:
        chosen, picked = choices[callback_data.v], kit.get("picked") or []
        kit["picked"] = (
            [value for value in picked if value != chosen]
            if chosen in picked
            else [*picked, chosen]
        )
    else:
        _answer(step, kit, choices[callback_data.v])
        kit.setdefault("shown", {})[step.name] = labels[callback_data.v]
        _forget_later_answers(form, kit)
        await query.answer()
        await _drop_keyboard_of(message)
        await _advance(form, kit, message, state, i18n, data)
        return
    await state.update_data({KIT: kit})
    await query.answer()
    with contextlib.suppress(TelegramBadRequest):
        await message.edit_reply_markup(reply_markup=_step_keyboard(form, step, kit, labels, i18n))


async def _show_edit_list(
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    form: Form,
    kit: dict[str, Any],
    data: Mapping[str, Any],
) -> None:
    """The summary's buttons become the list of answers to change."""
    token, view = kit["token"], _view(i18n, kit, data)
    rows = [
        [
            _button(
                label(i18n, step.label, **{**_args(form, kit), **step.fluent_args(view)}),
                token,
                "goto",
                form.index(step.name),
            )
        ]
        for step in _applicable(form, kit["values"])
    ]
    rows.append([_button(i18n.get("form-to-summary"), token, "sum")])
    kit["at"] = EDITING
    await state.update_data({KIT: kit})
    with contextlib.suppress(TelegramBadRequest):
        await message.edit_reply_markup(reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


def _forget_later_answers(form: Form, kit: dict[str, Any]) -> None:
    """Answers of steps that no longer apply are dropped (they would be shown and stored)."""
    applicable = {step.name for step in _applicable(form, kit["values"])}
    for name in list(kit["values"]):
        if name not in applicable and name in {step.name for step in form.steps}:
            del kit["values"][name]


async def _back(
    form: Form,
    kit: dict[str, Any],
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    data: Mapping[str, Any],
) -> None:
    steps = _applicable(form, kit["values"])
    names = [step.name for step in steps]
    if not steps:  # a form that asks nothing has no step to go back to
        await _summarize(form, kit, message, state, i18n, data)
        return
    if kit["at"] in (SUMMARY, EDITING):
        target = steps[-1]
    else:
        target = steps[max(0, names.index(kit["at"]) - 1)] if kit["at"] in names else steps[0]
    kit["editing"] = False
    await _ask(form, target, kit, message, state, i18n, data)


async def _drop_keyboard_of(message: Message) -> None:
    with contextlib.suppress(TelegramBadRequest):
        await message.edit_reply_markup(reply_markup=None)


async def _finish(message: Message, outcome: str) -> None:
    """The form's message shows how it ended, its buttons gone."""
    try:
        await message.edit_text(
            Markup("\n\n").join([Markup(message.html_text or ""), Markup(outcome)])
            if message.text
            else outcome,
            reply_markup=None,
        )
    except TelegramBadRequest:
        await _drop_keyboard_of(message)
        await message.answer(outcome)


async def _confirm(
    query: CallbackQuery,
    message: Message,
    state: FSMContext,
    i18n: I18nContext,
    form: Form,
    kit: dict[str, Any],
    data: dict[str, Any],
) -> None:
    if kit["at"] != SUMMARY:
        await query.answer(i18n.get("form-stale"), show_alert=True)
        return
    key = (message.chat.id, query.from_user.id)
    lock = _confirming.setdefault(key, asyncio.Lock())
    async with lock:
        current = (await state.get_data()).get(KIT)
        if not current or current.get("token") != kit["token"] or current.get("at") != SUMMARY:
            await query.answer(i18n.get("form-already-done"), show_alert=True)
            return
        await state.clear()
    if not lock.locked():
        _confirming.pop(key, None)
    await query.answer()
    await _drop_keyboard_of(message)
    run = FormRun(
        i18n=i18n,
        values=dict(kit["values"]),
        context=dict(kit["context"]),
        message=message,
        data={**data, "state": state},
    )
    outcome = await form.submit(run)
    if outcome is not None:
        summary = summary_text(form, kit, i18n, data)
        try:
            await message.edit_text(
                Markup("\n\n").join([Markup(summary), Markup(outcome)]), reply_markup=run.markup
            )
        except TelegramBadRequest:
            await message.answer(outcome, reply_markup=run.markup)


async def stale_form_button(query: CallbackQuery, i18n: I18nContext) -> None:
    """A button of a form that is no longer open (finished, cancelled, replaced): said so,
    and the button removed so it cannot be pressed again."""
    await query.answer(i18n.get("form-stale"), show_alert=True)
    if isinstance(query.message, Message):
        await _drop_keyboard_of(query.message)


async def lost_form(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """The form's state outlived its answers (a restart without persistent storage)."""
    await state.clear()
    await message.answer(i18n.get("form-lost"))


def create_stale_form_router() -> Router:
    router = Router(name="forms-stale")
    router.callback_query.register(stale_form_button, FormCb.filter())
    router.message.register(
        lost_form, StateFilter(FormStates.active), LostForm(), ~F.text.startswith("/")
    )
    return router
