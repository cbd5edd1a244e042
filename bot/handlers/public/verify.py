"""§33 verification for anyone: a number typed in any tolerant form, the "🔎" menu button,
``/verify [NUMBER]``, and the QR deep link ``/start v_<number>_<signature>``.

Every handler carries ``flags={"rate_limit": "verify"}``: ``RateLimitMiddleware`` allows 10
look-ups per user per minute, then answers with the polite wait message.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.config import Settings
from bot.handlers.public import verify_file
from bot.ui.formatting import local_today, long_date, number_example
from bot.ui.menus import ALL_MENU_KEYS
from domain.certificate_numbers import parse_certificate_number
from domain.model import DocumentKind
from domain.names import mask_full_name
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.verification import (
    DEEP_LINK_PREFIX,
    Verification,
    verify_deep_link,
    verify_number,
)
from domain.validity import CertificateStatus, certificate_valid_until

VERIFY = {"rate_limit": "verify"}


class VerifyForm(StatesGroup):
    number = State()


def render_verification(result: Verification, i18n: I18nContext, example: str) -> str:
    """The answer: forged link / not found (one text for every kind of "no") / the status
    with the certificate's details; the holder's name masked unless the QR link is genuine."""
    if result.forged:
        return i18n.get("certificates-verify-forged")
    certificate = result.certificate
    if result.status is CertificateStatus.NOT_FOUND or certificate is None:
        return i18n.get("certificates-verify-not-found", example=example)
    lang = i18n.locale
    holder = (
        certificate.holder_full_name
        if result.link_genuine
        else mask_full_name(certificate.holder_full_name)
    )
    if result.status is CertificateStatus.LISTENING_REFERENCE:
        return i18n.get(
            "verify-reference",
            number=certificate.number,
            holder=holder,
            topic=certificate.topic,
            hours=certificate.academic_hours,
            organization=certificate.organization_name or "—",
            issued=long_date(certificate.issued_on, lang),
        )
    if result.status is CertificateStatus.REVOKED:
        assert certificate.revoked_on is not None
        head = i18n.get("certificates-verify-revoked", date=long_date(certificate.revoked_on, lang))
    elif result.status is CertificateStatus.EXPIRED:
        head = i18n.get("certificates-verify-expired")
    else:
        head = i18n.get("certificates-verify-valid")
    until = certificate.valid_until or certificate_valid_until(certificate.issued_on)
    details = i18n.get(
        "certificates-verify-details",
        number=certificate.number,
        holder=holder,
        topic=certificate.topic,
        hours=certificate.academic_hours,
        organization=certificate.organization_name or "—",
        issued=long_date(certificate.issued_on, lang),
        until=long_date(until, lang),
    )
    if result.replaced_by:
        head += "\n" + i18n.get("verification-replaced-by", number=result.replaced_by)
    if certificate.kind is DocumentKind.INTERNSHIP_CERTIFICATE:  # §30, App. 6
        head = f"{head}\n{i18n.get('internship-verify-kind')}"
    if result.blank is not None:  # §29 (2025): the security blank it is printed on
        details = f"{details}\n{i18n.get('blanks-verify-line', blank=result.blank.label())}"
    return f"{head}\n\n{details}"


async def _check(
    message: Message,
    text: str,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    today = local_today(clock, settings)
    result = await verify_number(uow_factory, text, today, clock())
    await message.answer(render_verification(result, i18n, number_example(settings, today)))


async def ask_number(
    message: Message, i18n: I18nContext, state: FSMContext, settings: Settings, clock: Clock
) -> None:
    await state.set_state(VerifyForm.number)
    example = number_example(settings, local_today(clock, settings))
    await message.answer(i18n.get("certificates-verify-ask", example=example))


async def verify_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    if not (command.args or "").strip():
        await ask_number(message, i18n, state, settings, clock)
        return
    await _check(message, command.args or "", i18n, uow_factory, settings, clock)


async def number_in_form(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    await state.clear()
    await _check(message, message.text or "", i18n, uow_factory, settings, clock)


async def typed_number(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    await _check(message, message.text or "", i18n, uow_factory, settings, clock)


async def not_text_in_form(
    message: Message, i18n: I18nContext, settings: Settings, clock: Clock
) -> None:
    example = number_example(settings, local_today(clock, settings))
    await message.answer(i18n.get("certificates-verify-ask", example=example))


async def leave_form(message: Message, state: FSMContext) -> None:
    """A command or a menu button while we wait for a number: drop the wait and let the
    handler the person meant answer it."""
    await state.clear()
    raise SkipHandler


async def deep_link(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    today = local_today(clock, settings)
    result = await verify_deep_link(
        uow_factory, command.args or "", settings.cert_secret_bytes, today, clock()
    )
    await message.answer(render_verification(result, i18n, number_example(settings, today)))


def is_certificate_number(message: Message) -> bool:
    """A plain message that reads as a number (a command such as ``/revoke ORL…`` is not:
    the slash is a tolerated separator, so "/REVOKE ORL…" could read as prefix "REVOKEORL")."""
    text = message.text or ""
    return not text.startswith("/") and parse_certificate_number(text) is not None


def is_menu_or_command(message: Message, i18n: I18nContext) -> bool:
    text = message.text or ""
    return text.startswith("/") or text in {i18n.get(key) for key in ALL_MENU_KEYS}


def is_not_menu_or_command(message: Message, i18n: I18nContext) -> bool:
    return not is_menu_or_command(message, i18n)


def create_router() -> Router:
    router = Router(name="certificates-verify")
    router.message.register(
        verify_file.file_sent, StateFilter(None), F.document, verify_file.is_pdf, flags=VERIFY
    )
    router.message.register(
        deep_link,
        CommandStart(deep_link=True, magic=F.args.startswith(DEEP_LINK_PREFIX)),
        StateFilter("*"),
        flags=VERIFY,
    )
    router.message.register(verify_command, Command("verify"), StateFilter("*"), flags=VERIFY)
    router.message.register(ask_number, LazyFilter("menu-verify"), StateFilter("*"))
    router.message.register(leave_form, VerifyForm.number, F.text, is_menu_or_command)
    router.message.register(
        number_in_form, VerifyForm.number, F.text, is_not_menu_or_command, flags=VERIFY
    )
    router.message.register(not_text_in_form, VerifyForm.number, ~F.text)
    router.message.register(
        typed_number, StateFilter(None), F.text, is_certificate_number, flags=VERIFY
    )
    return router


__all__ = ["VerifyForm", "create_router", "render_verification"]
