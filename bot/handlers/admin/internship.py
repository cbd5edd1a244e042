"""§30 internship for the admin: ``/internships`` → an internship cohort → its memorandum of
cooperation (record or correct), the blank App. 5 in Kazakh and Russian, and its listeners;
a listener → the uploaded App. 5 reference with the fields to check, Accept (the App. 6
internship certificate is issued) or Reject with a reason; or upload the reference for them.

``/memorandum`` goes straight to the cohorts list as well (the same screens).
"""

from __future__ import annotations

from datetime import date

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.handlers.admin.typed_dates import parse_day
from bot.ui.formatting import local_today, long_date
from bot.ui.internship_files import (
    reference_file,
    send_blank_reference,
    send_reference_file,
    upload_refusal_key,
)
from bot.ui.screens import button, ui_lang
from domain.courses import CourseKind
from domain.document_numbers import normalize_document_number
from domain.internship import APPENDIX_5_FIELDS
from domain.model import Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.internship import (
    MAX_ENTERPRISE,
    MemorandumDraft,
    accept_reference,
    internship_place,
    internship_places,
    memorandum_of,
    record_memorandum,
    reject_reference,
    review_reference,
    upload_reference,
)
from domain.services.lookups import cohort_with_course, display_name, recent_cohorts

COHORTS_SHOWN = 30
MAX_NOTE = 500
MAX_NUMBER = 64


class InternCb(CallbackData, prefix="int"):
    action: str  # cohort | memo | blank | place | upload | accept | reject
    id: int  # cohort id, enrollment id or reference id, by action
    lang: str = ""


class MemoForm(StatesGroup):
    number = State()
    signed_on = State()
    enterprise = State()


class ReferenceForm(StatesGroup):
    file = State()
    reject_note = State()


async def cohorts(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    """Internship cohorts, the latest first."""
    await state.clear()
    rows = []
    for cohort in await recent_cohorts(uow_factory, 200):
        found = await cohort_with_course(uow_factory, cohort.id or 0)
        if found is None or found[1].kind is not CourseKind.INTERNSHIP:
            continue
        rows.append(
            [
                button(
                    f"{cohort.code} · {cohort.ends_on:%d.%m.%Y}",
                    InternCb(action="cohort", id=cohort.id or 0).pack(),
                )
            ]
        )
        if len(rows) >= COHORTS_SHOWN:
            break
    if not rows:
        await message.answer(i18n.get("internship-admin-none"))
        return
    await message.answer(
        i18n.get("internship-admin-choose"), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows)
    )


async def show_cohort(
    target: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, cohort_id: int
) -> bool:
    found = await cohort_with_course(uow_factory, cohort_id)
    if found is None or found[1].kind is not CourseKind.INTERNSHIP:
        return False
    cohort, course = found
    places = await internship_places(uow_factory, cohort_id=cohort_id)
    memo = await memorandum_of(uow_factory, cohort_id)
    lang = ui_lang(i18n)
    memo_text = (
        i18n.get(
            "internship-memorandum-line",
            number=memo.number,
            date=long_date(memo.signed_on, lang),
            enterprise=memo.enterprise_name,
        )
        if memo
        else i18n.get("internship-memorandum-missing")
    )
    rows = [
        [
            button(
                i18n.get("internship-btn-memorandum"), InternCb(action="memo", id=cohort_id).pack()
            )
        ],
        [
            button(
                i18n.get("internship-btn-blank-kk"),
                InternCb(action="blank", id=cohort_id, lang="kk").pack(),
            ),
            button(
                i18n.get("internship-btn-blank-ru"),
                InternCb(action="blank", id=cohort_id, lang="ru").pack(),
            ),
        ],
    ]
    for place in places:
        label = i18n.get(
            "internship-place-button",
            name=display_name(place.person),
            state=i18n.get("internship-state-" + place.state),
        )
        rows.append(
            [button(str(label), InternCb(action="place", id=place.enrollment.id or 0).pack())]
        )
    await target.answer(
        i18n.get(
            "internship-admin-cohort",
            cohort=cohort.code,
            topic=course.topic(lang),
            memorandum=memo_text,
            count=len(places),
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )
    return True


async def cohort_picked(
    query: CallbackQuery, callback_data: InternCb, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    if not isinstance(query.message, Message) or not await show_cohort(
        query.message, i18n, uow_factory, callback_data.id
    ):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()


async def blank_wanted(
    query: CallbackQuery, callback_data: InternCb, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    if not isinstance(query.message, Message) or callback_data.lang not in ("kk", "ru"):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()
    lang: Lang = "kk" if callback_data.lang == "kk" else "ru"
    memo = await memorandum_of(uow_factory, callback_data.id)
    await send_blank_reference(
        query.message, lang, i18n.get("internship-blank-caption-" + lang), memorandum=memo
    )


# --- the memorandum form ----------------------------------------------------------------


async def memo_start(
    query: CallbackQuery,
    callback_data: InternCb,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    found = await cohort_with_course(uow_factory, callback_data.id)
    if (
        found is None
        or found[1].kind is not CourseKind.INTERNSHIP
        or not isinstance(query.message, Message)
    ):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_state(MemoForm.number)
    await state.update_data(cohort_id=callback_data.id)
    await query.message.answer(i18n.get("internship-memo-ask-number", cohort=found[0].code))


async def memo_number(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    number = normalize_document_number(message.text or "")
    if not 1 <= len(number) <= MAX_NUMBER:
        await message.answer(i18n.get("internship-memo-bad-number", max=MAX_NUMBER))
        return
    await state.update_data(number=number)
    await state.set_state(MemoForm.signed_on)
    await message.answer(i18n.get("internship-memo-ask-date"))


async def memo_date(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    day = parse_day(message.text or "")
    if day is None:
        await message.answer(i18n.get("admin-bad-date"))
        return
    await state.update_data(signed_on=day.isoformat())
    await state.set_state(MemoForm.enterprise)
    await message.answer(i18n.get("internship-memo-ask-enterprise"))


async def memo_enterprise(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    enterprise = " ".join((message.text or "").split())
    if not 1 <= len(enterprise) <= MAX_ENTERPRISE:
        await message.answer(i18n.get("internship-memo-bad-enterprise", max=MAX_ENTERPRISE))
        return
    data = await state.get_data()
    await state.clear()
    assert person.id is not None
    memo = await record_memorandum(
        uow_factory,
        person.id,
        int(data["cohort_id"]),
        MemorandumDraft(data["number"], date.fromisoformat(data["signed_on"]), enterprise),
        clock(),
    )
    if memo is None:
        await message.answer(i18n.get("internship-not-found"))
        return
    await message.answer(
        i18n.get(
            "internship-memo-saved",
            number=memo.number,
            date=long_date(memo.signed_on, ui_lang(i18n)),
            enterprise=memo.enterprise_name,
        )
    )
    await show_cohort(message, i18n, uow_factory, memo.cohort_id)


# --- a listener's reference -------------------------------------------------------------


def checklist(i18n: I18nContext) -> str:
    return "\n".join(f"☐ {i18n.get('internship-field-' + name)}" for name in APPENDIX_5_FIELDS)


async def show_place(
    target: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, enrollment_id: int
) -> bool:
    place = await internship_place(uow_factory, enrollment_id)
    if place is None or place.course.kind is not CourseKind.INTERNSHIP:
        return False
    lang = ui_lang(i18n)
    head = i18n.get(
        "internship-admin-place",
        name=display_name(place.person),
        cohort=place.cohort.code,
        start=long_date(place.cohort.starts_on, lang),
        end=long_date(place.cohort.ends_on, lang),
        hours=place.course.hours,
        enterprise=place.memorandum.enterprise_name if place.memorandum else "—",
        state=i18n.get("internship-state-" + place.state),
    )
    pending = place.pending
    if pending is not None and pending.id is not None:
        await send_reference_file(target, pending.file_id, pending.file_kind)
        rows = [
            [
                button(
                    i18n.get("internship-btn-accept"),
                    InternCb(action="accept", id=pending.id).pack(),
                ),
                button(
                    i18n.get("internship-btn-reject"),
                    InternCb(action="reject", id=pending.id).pack(),
                ),
            ]
        ]
        text = f"{head}\n\n{i18n.get('internship-check-fields')}\n{checklist(i18n)}"
        await target.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        return True
    rows = []
    if place.state in ("none", "rejected"):
        rows.append(
            [
                button(
                    i18n.get("internship-btn-upload"),
                    InternCb(action="upload", id=enrollment_id).pack(),
                )
            ]
        )
    rows.append(
        [
            button(
                i18n.get("internship-btn-back"),
                InternCb(action="cohort", id=place.cohort.id or 0).pack(),
            )
        ]
    )
    await target.answer(head, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
    return True


async def place_picked(
    query: CallbackQuery, callback_data: InternCb, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    if not isinstance(query.message, Message) or not await show_place(
        query.message, i18n, uow_factory, callback_data.id
    ):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()


async def upload_start(
    query: CallbackQuery, callback_data: InternCb, i18n: I18nContext, state: FSMContext
) -> None:
    await query.answer()
    await state.clear()
    await state.set_state(ReferenceForm.file)
    await state.update_data(enrollment_id=callback_data.id)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("internship-ask-file"))


async def file_sent(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    found = reference_file(message)
    if found is None:
        await message.answer(i18n.get("internship-bad-file"))
        return
    enrollment_id = int((await state.get_data())["enrollment_id"])
    await state.clear()
    assert person.id is not None
    result = await upload_reference(
        uow_factory, person.id, enrollment_id, found[0], found[1], clock()
    )
    refused = upload_refusal_key(result)
    if refused is not None:
        await message.answer(i18n.get(refused))
        return
    await show_place(message, i18n, uow_factory, enrollment_id)


async def accept(
    query: CallbackQuery,
    callback_data: InternCb,
    i18n: I18nContext,
    person: Person,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
) -> None:
    from bot.authenticity.signing import load_signer
    from bot.documents.issuing import PdfRenderer, issuing_options

    assert person.id is not None
    me = await bot.me()
    result = await accept_reference(
        uow_factory,
        person.id,
        callback_data.id,
        local_today(clock, settings),
        clock(),
        issuing_options(settings, me.username or ""),
        PdfRenderer(i18n_core, await load_signer(uow_factory, settings)).internship_certificate,
    )
    if result.refusal is not None or result.certificate is None:
        await query.answer(i18n.get("internship-refused-" + str(result.refusal)), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
        certificate = result.certificate
        await query.message.answer_document(
            BufferedInputFile(result.pdf, filename=f"internship-{certificate.number}.pdf"),
            caption=i18n.get(
                "internship-issued", number=certificate.number, name=certificate.holder_full_name
            ),
        )


async def reject_start(
    query: CallbackQuery,
    callback_data: InternCb,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    review = await review_reference(uow_factory, callback_data.id)
    if review is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_state(ReferenceForm.reject_note)
    await state.update_data(reference_id=callback_data.id)
    await query.message.answer(i18n.get("internship-ask-reject-note"))


async def reject_note(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    note = " ".join((message.text or "").split())
    if not 1 <= len(note) <= MAX_NOTE:
        await message.answer(i18n.get("internship-bad-note", max=MAX_NOTE))
        return
    reference_id = int((await state.get_data())["reference_id"])
    await state.clear()
    assert person.id is not None
    refusal = await reject_reference(uow_factory, person.id, reference_id, note, clock())
    if refusal is not None:
        await message.answer(i18n.get("internship-refused-" + str(refusal)))
        return
    await message.answer(i18n.get("internship-rejected-done"))


def create_router() -> Router:
    router = Router(name="admin-internship")
    text = F.text & ~F.text.startswith("/")
    router.message.register(cohorts, Command("internships", "memorandum"))
    router.callback_query.register(cohort_picked, InternCb.filter(F.action == "cohort"))
    router.callback_query.register(blank_wanted, InternCb.filter(F.action == "blank"))
    router.callback_query.register(memo_start, InternCb.filter(F.action == "memo"))
    router.callback_query.register(place_picked, InternCb.filter(F.action == "place"))
    router.callback_query.register(upload_start, InternCb.filter(F.action == "upload"))
    router.callback_query.register(accept, InternCb.filter(F.action == "accept"))
    router.callback_query.register(reject_start, InternCb.filter(F.action == "reject"))
    router.message.register(memo_number, MemoForm.number, text)
    router.message.register(memo_date, MemoForm.signed_on, text)
    router.message.register(memo_enterprise, MemoForm.enterprise, text)
    router.message.register(file_sent, ReferenceForm.file, ~F.text.startswith("/"))
    router.message.register(reject_note, ReferenceForm.reject_note, text)
    return router


__all__ = ["InternCb", "create_router"]
