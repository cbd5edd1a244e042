"""The roster of a session's cohort (attendance % per listener, failed check-in attempts) and
marking a listener present by hand with a reason (audit-logged by the use-case): a form
(``bot.ui.forms``) whose summary waits for Confirm."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.trainer.callbacks import MarkCb, SessionAction
from bot.handlers.trainer.common import refuse
from bot.ui.formatting import format_when
from bot.ui.forms import Form, FormRun, Step, open_form, text
from bot.ui.label_width import fit
from bot.ui.long_text import split_message
from bot.ui.markup import label
from bot.ui.paging import ListPage, pager_row, paginate
from bot.ui.screens import ui_lang
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import enrollment_holder
from domain.services.trainer import MAX_REASON_LENGTH, MarkOutcome, Roster, mark_present, roster

MESSAGE_LIMIT = 3800  # below Telegram's 4096, leaving room for entities


def roster_lines(data: Roster, i18n: I18nContext, settings: Settings) -> list[str]:
    lang = ui_lang(i18n)
    lines = [
        i18n.get(
            "trainer-roster-title",
            cohort=data.cohort.code,
            when=format_when(data.session.starts_at, lang, settings.tz),
            total=data.total,
        )
    ]
    if not data.rows:
        lines.append(i18n.get("trainer-roster-empty"))
    for row in data.rows:
        lines.append(
            i18n.get(
                "trainer-roster-row",
                mark="✅" if row.present else "▫️",
                name=row.person.full_name or row.person.first_name,
                attended=row.attended,
                total=row.total,
                percent=row.percent,
                failed=row.failed_attempts,
                unreachable="no" if row.can_reach else "yes",
            )
        )
    if any(not row.present for row in data.rows):
        lines.append(i18n.get("trainer-roster-mark-hint"))
    return lines


def mark_keyboard(data: Roster, i18n: I18nContext, page: int = 0) -> InlineKeyboardMarkup | None:
    """ "Mark present" for the listeners not yet present, a page at a time (a cohort may have
    hundreds of seats; Telegram allows 100 buttons)."""
    assert data.session.id is not None
    absent = paginate([row for row in data.rows if not row.present], page)
    rows = [
        [
            InlineKeyboardButton(
                text=fit(
                    label(
                        i18n, "trainer-btn-mark", name=row.person.full_name or row.person.first_name
                    )
                ),
                callback_data=MarkCb(
                    session_id=data.session.id, enrollment_id=row.enrollment.id or 0
                ).pack(),
            )
        ]
        for row in absent.items
    ]
    pager = pager_row(
        absent, lambda n: ListPage(list="marks", page=n, ref=data.session.id or 0).pack()
    )
    if pager:
        rows.append(pager)
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def marks_page(
    query: CallbackQuery,
    callback_data: ListPage,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    data = await roster(uow_factory, person, callback_data.ref, clock())
    if data is None:
        await refuse(query, i18n)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(
            reply_markup=mark_keyboard(data, i18n, callback_data.page)
        )


async def show_roster(
    query: CallbackQuery,
    callback_data: SessionAction,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    data = await roster(uow_factory, person, callback_data.session_id, clock())
    if data is None:
        await refuse(query, i18n)
        return
    await query.answer()
    if not isinstance(query.message, Message):
        return
    parts = split_message("\n".join(roster_lines(data, i18n, settings)), MESSAGE_LIMIT)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await query.message.answer(part, reply_markup=mark_keyboard(data, i18n) if last else None)


async def _listener_name(uow_factory: UnitOfWorkFactory, enrollment_id: int) -> str:
    found = await enrollment_holder(uow_factory, enrollment_id)
    return (found[1].full_name or found[1].first_name or "—") if found else "—"


async def ask_reason(
    query: CallbackQuery,
    callback_data: MarkCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    state: FSMContext,
) -> None:
    # a dry run (empty reason) checks role, cohort, timing and a second mark; stores nothing
    outcome = await mark_present(
        uow_factory, person, callback_data.session_id, callback_data.enrollment_id, "", clock()
    )
    if outcome is MarkOutcome.REFUSED:
        await refuse(query, i18n)
        return
    name = await _listener_name(uow_factory, callback_data.enrollment_id)
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if outcome is not MarkOutcome.REASON_REQUIRED:
        await query.message.answer(_outcome_text(outcome, i18n, name))
        return
    await open_form(
        MARK,
        query.message,
        state,
        i18n,
        context={
            "session_id": callback_data.session_id,
            "enrollment_id": callback_data.enrollment_id,
            "name": name,
        },
    )


async def mark(run: FormRun) -> str | None:
    reason = str(run.values["reason"])
    outcome = await mark_present(
        run["uow_factory"],
        run["person"],
        int(run.context["session_id"]),
        int(run.context["enrollment_id"]),
        reason,
        run["clock"](),
    )
    return _outcome_text(outcome, run.i18n, str(run.context.get("name", "—")), reason)


MARK = Form(
    name="mark",
    title="trainer-mark-summary",
    confirm="trainer-mark-confirm",
    submit=mark,
    steps=(
        Step(
            "reason",
            "trainer-mark-ask-reason",
            "trainer-mark-label-reason",
            text(MAX_REASON_LENGTH),
        ),
    ),
    title_args=lambda context: {"name": context["name"]},
)
FORMS = (MARK,)


def _outcome_text(outcome: MarkOutcome, i18n: I18nContext, name: str, reason: str = "") -> str:
    if outcome is MarkOutcome.MARKED:
        return i18n.get("trainer-mark-done", name=name, reason=reason)
    if outcome is MarkOutcome.ALREADY_PRESENT:
        return i18n.get("trainer-mark-already", name=name)
    if outcome is MarkOutcome.NOT_STARTED:
        return i18n.get("trainer-mark-not-started")
    if outcome is MarkOutcome.AGREEMENT_NOT_ACCEPTED:
        return i18n.get("trainer-mark-no-agreement", name=name)
    if outcome is MarkOutcome.REASON_TOO_LONG:
        return i18n.get("trainer-mark-reason-too-long", length=len(reason))
    if outcome is MarkOutcome.REASON_REQUIRED:
        return i18n.get("trainer-mark-reason-required")
    if outcome is MarkOutcome.REFUSED:
        return i18n.get("trainer-refused")
    return i18n.get("trainer-mark-not-in-cohort")


def create_router() -> Router:
    router = Router(name="trainer-roster")
    router.callback_query.register(show_roster, SessionAction.filter(F.action == "roster"))
    router.callback_query.register(ask_reason, MarkCb.filter())
    router.callback_query.register(marks_page, ListPage.filter(F.list == "marks"))
    return router
