"""Listeners check in (§24.3): a typed code, /checkin CODE, or the QR deep link ``ci_…``.

This router comes before every other one, so ``/start ci_…`` and a typed code are recognised in
any form step.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import AgreementCb
from bot.ui.formatting import format_clock, format_when
from domain.checkin_codes import normalize_code, parse_deep_link_payload
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.checkin import CheckInOutcome, CheckInResult, check_in

TYPED_CODE = r"^\s*[0-9]{3}[\s-]?[0-9]{3}\s*$"

_SIMPLE_KEYS = {
    CheckInOutcome.WRONG_CODE: "checkin-wrong-code",
    CheckInOutcome.STALE_CODE: "checkin-stale-code",
    CheckInOutcome.ANOTHER_COHORT: "checkin-another-cohort",
    CheckInOutcome.NOT_ENROLLED: "checkin-not-enrolled",
    CheckInOutcome.EXPELLED: "checkin-expelled",
}


def render_result(
    result: CheckInResult, i18n: I18nContext, settings: Settings
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer to a check-in attempt, in the person's language."""
    lang = i18n.locale
    tz = settings.tz
    outcome = result.outcome
    if outcome in _SIMPLE_KEYS:
        return i18n.get(_SIMPLE_KEYS[outcome]), None
    if outcome in (CheckInOutcome.CHECKED_IN, CheckInOutcome.ALREADY_CHECKED_IN):
        assert result.session is not None
        key = "checkin-done" if outcome is CheckInOutcome.CHECKED_IN else "checkin-already"
        return i18n.get(
            key,
            topic=_topic(result, lang),
            when=format_when(result.session.starts_at, lang, tz),
            attended=result.attended,
            total=result.total,
            percent=result.percent,
        ), None
    if outcome is CheckInOutcome.AGREEMENT_NOT_ACCEPTED:
        assert result.enrollment is not None and result.enrollment.id is not None
        button = InlineKeyboardButton(
            text=i18n.get("checkin-btn-agreement"),
            callback_data=AgreementCb(action="read", enrollment_id=result.enrollment.id).pack(),
        )
        return (
            i18n.get("checkin-agreement-needed"),
            InlineKeyboardMarkup(inline_keyboard=[[button]]),
        )
    if outcome is CheckInOutcome.NOT_OPEN_YET:
        assert result.opens_at is not None
        return i18n.get("checkin-not-open-yet", opens=format_clock(result.opens_at, lang, tz)), None
    if outcome is CheckInOutcome.ENDED:
        assert result.session is not None
        return i18n.get("checkin-ended", when=format_when(result.session.starts_at, lang, tz)), None
    if outcome is CheckInOutcome.TOO_MANY_ATTEMPTS:
        assert result.retry_after is not None
        return i18n.get("checkin-too-many", time=format_clock(result.retry_after, lang, tz)), None
    # NO_SESSION_NOW
    if result.session is None:
        return i18n.get("checkin-no-session-at-all"), None
    return i18n.get(
        "checkin-no-session", when=format_when(result.session.starts_at, lang, tz)
    ), None


def _topic(result: CheckInResult, lang: str) -> str:
    assert result.session is not None
    topic = result.course_topic("kk" if lang == "kk" else "ru")
    if result.session.topic:
        topic = f"{topic}: {result.session.topic}" if topic else result.session.topic
    return topic or "—"


async def _answer(
    message: Message,
    code: str,
    session_id: int | None,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    assert person.id is not None
    result = await check_in(
        uow_factory,
        person.id,
        code,
        clock(),
        settings.cert_secret_bytes,
        session_id=session_id,
    )
    text, markup = render_result(result, i18n, settings)
    await message.answer(text, reply_markup=markup)


async def deep_link(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    parsed = parse_deep_link_payload(command.args or "")
    if parsed is None:
        await message.answer(i18n.get("checkin-wrong-code"))
        return
    session_id, code = parsed
    await _answer(message, code, session_id, i18n, person, uow_factory, settings, clock)


async def checkin_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    code = normalize_code(command.args or "")
    if code is None:
        await message.answer(i18n.get("checkin-usage"))
        return
    await _answer(message, code, None, i18n, person, uow_factory, settings, clock)


async def typed_code(
    message: Message,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    code = normalize_code(message.text or "")
    assert code is not None  # the filter matched
    await _answer(message, code, None, i18n, person, uow_factory, settings, clock)


def create_router() -> Router:
    router = Router(name="teacher-checkin")
    router.message.register(
        deep_link, CommandStart(deep_link=True, magic=F.args.startswith("ci_")), StateFilter("*")
    )
    router.message.register(checkin_command, Command("checkin"), StateFilter("*"))
    router.message.register(typed_code, StateFilter(None), F.text.regexp(TYPED_CODE))
    return router


__all__ = ["create_router", "render_result"]
