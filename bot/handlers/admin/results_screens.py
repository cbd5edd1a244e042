"""Shared pieces of the results screens: pickers (cohort, listener), navigation, formatting."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.admin.results_callbacks import CohortPick, ListenerPage, ListenerPick
from bot.ui.label_width import fit
from bot.ui.screens import button
from domain.model import EnrollmentStatus
from domain.ports import UnitOfWorkFactory
from domain.services.lookups import cohort_roster, display_name, recent_cohorts

PAGE = 20
MAX_COHORTS = 30


async def ask_cohort(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    action: str,
    state: FSMContext,
) -> None:
    await state.clear()
    cohorts = await recent_cohorts(uow_factory, MAX_COHORTS)
    if not cohorts:
        await message.answer(i18n.get("results-no-cohorts"))
        return
    rows = [
        [
            button(
                f"{c.code} · {c.starts_on:%d.%m.%Y}",
                CohortPick(action=action, cohort_id=c.id or 0).pack(),
            )
        ]
        for c in cohorts
    ]
    await message.answer(
        i18n.get("results-choose-cohort"), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows)
    )


async def show_roster(
    target: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    action: str,
    cohort_id: int,
    page: int = 0,
    edit: bool = False,
) -> None:
    cohort, pairs = await cohort_roster(uow_factory, cohort_id)
    if cohort is None:
        await target.answer(i18n.get("results-not-found"))
        return
    if action == "expel":
        pairs = [(e, p) for e, p in pairs if e.status is EnrollmentStatus.ENROLLED]
    if not pairs:
        await target.answer(i18n.get("results-roster-empty", cohort=cohort.code))
        return
    page = max(0, min(page, (len(pairs) - 1) // PAGE))
    chunk = pairs[page * PAGE : (page + 1) * PAGE]
    rows = [
        [button(fit(display_name(p)), ListenerPick(action=action, enrollment_id=e.id or 0).pack())]
        for e, p in chunk
    ]
    pager = []
    if page > 0:
        pager.append(
            button("◀", ListenerPage(action=action, cohort_id=cohort_id, page=page - 1).pack())
        )
    if (page + 1) * PAGE < len(pairs):
        pager.append(
            button("▶", ListenerPage(action=action, cohort_id=cohort_id, page=page + 1).pack())
        )
    if pager:
        rows.append(pager)
    text = i18n.get("results-choose-listener", cohort=cohort.code)
    markup = InlineKeyboardMarkup(inline_keyboard=rows)
    if edit:
        await target.edit_text(text, reply_markup=markup)
    else:
        await target.answer(text, reply_markup=markup)
