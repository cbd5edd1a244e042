"""Admin: ``/issue`` (cohort → confirm → progress → summary) and ``/revoke NUMBER REASON``.

Behind the admin package's gate (``bot.gates.admin_only``): a private chat and the admin role, or
a translated refusal that is audit-logged and changes nothing. Callback data carries only a
cohort id; the use-case re-reads the cohort, so a forged id gets "not found".
"""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.ui.formatting import local_today, long_date
from domain.certificate_numbers import parse_certificate_number
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.certificates import (
    IssueRefusal,
    IssueSummary,
    ReissueOutcome,
    issue_cohort_documents,
    reissue_certificate,
)
from domain.services.lookups import cohort_with_course, finished_cohorts, listeners_to_issue
from domain.services.verification import (
    MAX_REVOKE_REASON,
    RevokeOutcome,
    RevokeResult,
    certificate_by_id,
    certificate_to_revoke,
    revoke_certificate,
)

COHORTS_SHOWN = 20
PROGRESS_EVERY = 5  # teachers between edits of the progress message (Telegram's edit limits)


class IssueCb(CallbackData, prefix="cis"):
    action: str  # pick | go | cancel
    cohort_id: int


async def choose_cohort(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    """Finished cohorts, most recent first: documents are issued once scores are final."""
    today = local_today(clock, settings)
    cohorts = await finished_cohorts(uow_factory, today)
    if not cohorts:
        await message.answer(i18n.get("certificates-issue-none"))
        return
    rows = [
        [
            InlineKeyboardButton(
                text=f"{c.code} · {c.ends_on:%d.%m.%Y}",
                callback_data=IssueCb(action="pick", cohort_id=c.id or 0).pack(),
            )
        ]
        for c in cohorts[:COHORTS_SHOWN]
    ]
    await message.answer(
        i18n.get("certificates-issue-choose"),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


async def confirm(
    query: CallbackQuery, callback_data: IssueCb, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    found = await cohort_with_course(uow_factory, callback_data.cohort_id)
    if found is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("certificates-issue-not-found"), show_alert=True)
        return
    cohort, course = found
    listeners = await listeners_to_issue(uow_factory, callback_data.cohort_id)
    buttons = [
        [
            InlineKeyboardButton(
                text=i18n.get("certificates-btn-issue"),
                callback_data=IssueCb(action="go", cohort_id=callback_data.cohort_id).pack(),
            ),
            InlineKeyboardButton(
                text=i18n.get("certificates-btn-cancel"),
                callback_data=IssueCb(action="cancel", cohort_id=callback_data.cohort_id).pack(),
            ),
        ]
    ]
    await query.answer()
    await query.message.edit_text(
        i18n.get(
            "certificates-issue-confirm",
            cohort=cohort.code,
            topic=course.topic(cohort.language),
            count=listeners,
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons),
    )


async def cancel(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(i18n.get("certificates-issue-cancelled"))


async def issue(
    query: CallbackQuery,
    callback_data: IssueCb,
    i18n: I18nContext,
    person: Person,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
) -> None:
    await query.answer()
    message = query.message if isinstance(query.message, Message) else None

    async def progress(done: int, total: int) -> None:
        if message is None or (done % PROGRESS_EVERY and done not in (1, total)):
            return
        # "message is not modified" or too old to edit: progress is only a courtesy
        with contextlib.suppress(TelegramBadRequest):
            await message.edit_text(i18n.get("certificates-issue-progress", done=done, total=total))

    # reportlab and the renderers load with the first issue, not with the bot (~8 MB)
    from bot.authenticity.signing import load_signer
    from bot.documents.issuing import PdfRenderer, issuing_options

    me = await bot.me()
    summary = await issue_cohort_documents(
        uow_factory,
        callback_data.cohort_id,
        local_today(clock, settings),
        clock(),
        issuing_options(settings, me.username or ""),
        PdfRenderer(i18n_core, await load_signer(uow_factory, settings)),
        person.id,
        progress,
    )
    if message is not None:
        await message.answer(summary_text(summary, i18n))


def summary_text(summary: IssueSummary, i18n: I18nContext) -> str:
    cohort = summary.cohort.code if summary.cohort else ""
    if summary.refusal is IssueRefusal.NOT_FOUND or summary.cohort is None:
        return i18n.get("certificates-issue-not-found")
    if summary.refusal is IssueRefusal.NOT_FINISHED:
        return i18n.get(
            "certificates-issue-not-finished",
            cohort=cohort,
            date=long_date(summary.cohort.ends_on, i18n.locale),
        )
    if summary.refusal is IssueRefusal.INTERNSHIP:
        return i18n.get("internship-issue-use-references", cohort=cohort)
    return i18n.get(
        "certificates-issue-summary",
        cohort=cohort,
        certificates=len(summary.certificates),
        references=len(summary.references),
        skipped=summary.skipped,
        not_assessed=summary.not_assessed,
        expelled=summary.expelled,
    )


def split_number_and_reason(args: str) -> tuple[str, str]:
    """``/revoke ORL 2026 000123 причина``: the longest leading words that read as a number
    (tolerant form, spaces allowed), the rest is the reason."""
    words = args.split()
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count])
        if parse_certificate_number(head) is not None:
            return head, " ".join(words[count:])
    return (words[0], "") if words else ("", "")


class RevokeCb(CallbackData, prefix="crv"):
    action: str  # go | cancel | reissue
    certificate_id: int


async def revoke(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    """§33: ``/revoke NUMBER REASON`` shows the holder and asks to confirm before acting."""
    number, reason = split_number_and_reason(command.args or "")
    if not number:
        await message.answer(i18n.get("certificates-revoke-usage"))
        return
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REVOKE_REASON:
        await message.answer(i18n.get("certificates-revoke-bad-reason", max=MAX_REVOKE_REASON))
        return
    certificate = await certificate_to_revoke(uow_factory, number)
    if certificate is None or certificate.id is None:
        await message.answer(i18n.get("certificates-revoke-not-found"))
        return
    if certificate.revoked_on is not None:
        date = long_date(certificate.revoked_on, i18n.locale)
        await message.answer(
            i18n.get("certificates-revoke-already", number=certificate.number, date=date)
        )
        return
    await state.update_data(revoke_number=certificate.number, revoke_reason=reason)
    buttons = [
        [
            InlineKeyboardButton(
                text=i18n.get("verification-btn-revoke"),
                callback_data=RevokeCb(action="go", certificate_id=certificate.id).pack(),
            ),
            InlineKeyboardButton(
                text=i18n.get("verification-btn-cancel"),
                callback_data=RevokeCb(action="cancel", certificate_id=certificate.id).pack(),
            ),
        ]
    ]
    await message.answer(
        i18n.get(
            "verification-revoke-confirm",
            number=certificate.number,
            holder=certificate.holder_full_name,
            topic=certificate.topic,
            issued=long_date(certificate.issued_on, i18n.locale),
            reason=reason,
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=buttons),
    )


async def revoke_cancelled(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await query.answer()
    await state.update_data(revoke_number=None, revoke_reason=None)
    if isinstance(query.message, Message):
        await query.message.edit_text(i18n.get("verification-revoke-cancelled"))


async def revoke_confirmed(
    query: CallbackQuery,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    await query.answer()
    data = await state.get_data()
    number, reason = data.get("revoke_number"), data.get("revoke_reason")
    message = query.message if isinstance(query.message, Message) else None
    if not number or not reason or message is None:
        if message is not None:
            await message.edit_text(i18n.get("certificates-revoke-not-found"))
        return
    await state.update_data(revoke_number=None, revoke_reason=None)
    assert person.id is not None
    result = await revoke_certificate(
        uow_factory, person.id, str(number), str(reason), clock(), local_today(clock, settings)
    )
    markup = None
    if result.certificate is not None and result.certificate.id is not None:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    InlineKeyboardButton(
                        text=i18n.get("verification-btn-reissue"),
                        callback_data=RevokeCb(
                            action="reissue", certificate_id=result.certificate.id
                        ).pack(),
                    )
                ]
            ]
        )
    await message.edit_text(revoke_text(result, i18n), reply_markup=markup)


async def reissue(
    query: CallbackQuery,
    callback_data: RevokeCb,
    i18n: I18nContext,
    person: Person,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
) -> None:
    """§33: a revoked certificate is reissued under a new number naming the old one."""
    await query.answer()
    from bot.authenticity.signing import load_signer
    from bot.documents.issuing import PdfRenderer, issuing_options

    old = await certificate_by_id(uow_factory, callback_data.certificate_id)
    me = await bot.me()
    result = await reissue_certificate(
        uow_factory,
        old.number if old else "",
        local_today(clock, settings),
        clock(),
        issuing_options(settings, me.username or ""),
        PdfRenderer(i18n_core, await load_signer(uow_factory, settings)),
        person.id,
    )
    if isinstance(query.message, Message):
        if result.outcome is ReissueOutcome.REISSUED and result.new and result.old:
            text = i18n.get(
                "verification-reissue-done", number=result.new.number, old=result.old.number
            )
        else:
            text = i18n.get("verification-reissue-refused")
        await query.message.answer(text)


def revoke_text(result: RevokeResult, i18n: I18nContext) -> str:
    if result.outcome is RevokeOutcome.BAD_REASON:
        return i18n.get("certificates-revoke-bad-reason", max=MAX_REVOKE_REASON)
    if result.outcome is RevokeOutcome.NOT_FOUND or result.certificate is None:
        return i18n.get("certificates-revoke-not-found")
    certificate = result.certificate
    assert certificate.revoked_on is not None
    key = (
        "certificates-revoke-done"
        if result.outcome is RevokeOutcome.REVOKED
        else "certificates-revoke-already"
    )
    return i18n.get(
        key, number=certificate.number, date=long_date(certificate.revoked_on, i18n.locale)
    )


def create_router() -> Router:
    router = Router(name="admin-certificates")
    router.message.register(choose_cohort, Command("issue"))
    router.message.register(revoke, Command("revoke"))
    router.callback_query.register(confirm, IssueCb.filter(F.action == "pick"))
    router.callback_query.register(issue, IssueCb.filter(F.action == "go"))
    router.callback_query.register(cancel, IssueCb.filter(F.action == "cancel"))
    router.callback_query.register(revoke_confirmed, RevokeCb.filter(F.action == "go"))
    router.callback_query.register(revoke_cancelled, RevokeCb.filter(F.action == "cancel"))
    router.callback_query.register(reissue, RevokeCb.filter(F.action == "reissue"))
    return router


__all__ = ["IssueCb", "RevokeCb", "create_router"]
