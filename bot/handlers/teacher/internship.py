"""§30 internship for the teacher (``/internship``): their places on internship courses, the
blank App. 5 to hand to the enterprise (Kazakh or Russian), and the filled reference sent back
(a PDF or a photo). The admin checks it; the App. 6 certificate comes as a document."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.teacher.common import register_entry
from bot.ui.formatting import long_date
from bot.ui.internship_files import reference_file, send_blank_reference, upload_refusal_key
from bot.ui.screens import button, ui_lang
from domain.model import Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.internship import InternshipPlace, internship_places, upload_reference


class MyInternCb(CallbackData, prefix="tin"):
    action: str  # blank | send
    enrollment_id: int
    lang: str = ""


class MyReferenceForm(StatesGroup):
    file = State()


def place_text(i18n: I18nContext, place: InternshipPlace) -> str:
    lang = ui_lang(i18n)
    last = place.references[-1] if place.references else None
    state = i18n.get("internship-state-" + place.state)
    if place.state == "rejected" and last is not None:
        state = i18n.get("internship-state-rejected-why", reason=last.note or "—")
    return i18n.get(
        "internship-my-place",
        topic=place.course.topic(lang),
        cohort=place.cohort.code,
        start=long_date(place.cohort.starts_on, lang),
        end=long_date(place.cohort.ends_on, lang),
        enterprise=place.memorandum.enterprise_name if place.memorandum else "—",
        state=state,
    )


async def my_internships(
    message: Message,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
) -> None:
    await state.clear()
    assert person.id is not None
    places = await internship_places(uow_factory, person_id=person.id)
    if not places:
        await message.answer(i18n.get("internship-my-none"))
        return
    for place in places:
        eid = place.enrollment.id or 0
        rows = [
            [
                button(
                    i18n.get("internship-btn-blank-kk"),
                    MyInternCb(action="blank", enrollment_id=eid, lang="kk").pack(),
                ),
                button(
                    i18n.get("internship-btn-blank-ru"),
                    MyInternCb(action="blank", enrollment_id=eid, lang="ru").pack(),
                ),
            ]
        ]
        if place.state in ("none", "rejected"):
            rows.append(
                [
                    button(
                        i18n.get("internship-btn-send"),
                        MyInternCb(action="send", enrollment_id=eid).pack(),
                    )
                ]
            )
        await message.answer(
            place_text(i18n, place), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows)
        )


async def _mine(
    uow_factory: UnitOfWorkFactory, person: Person, enrollment_id: int
) -> InternshipPlace | None:
    places = await internship_places(uow_factory, person_id=person.id or 0)
    return next((p for p in places if p.enrollment.id == enrollment_id), None)


async def blank_wanted(
    query: CallbackQuery,
    callback_data: MyInternCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
) -> None:
    place = await _mine(uow_factory, person, callback_data.enrollment_id)
    if (
        place is None
        or callback_data.lang not in ("kk", "ru")
        or not isinstance(query.message, Message)
    ):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()
    lang: Lang = "kk" if callback_data.lang == "kk" else "ru"
    await send_blank_reference(
        query.message, lang, i18n.get("internship-blank-caption-" + lang), place
    )


async def send_start(
    query: CallbackQuery,
    callback_data: MyInternCb,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    place = await _mine(uow_factory, person, callback_data.enrollment_id)
    if place is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("internship-not-found"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_state(MyReferenceForm.file)
    await state.update_data(enrollment_id=callback_data.enrollment_id)
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
        uow_factory,
        person.id,
        enrollment_id,
        found[0],
        found[1],
        clock(),
        teacher_person_id=person.id,
    )
    refused = upload_refusal_key(result)
    if refused is not None:
        await message.answer(i18n.get(refused))
        return
    await message.answer(i18n.get("internship-my-sent"))


def create_router() -> Router:
    router = Router(name="teacher-internship")
    register_entry(router, my_internships, ("internship",))
    router.callback_query.register(blank_wanted, MyInternCb.filter(F.action == "blank"))
    router.callback_query.register(send_start, MyInternCb.filter(F.action == "send"))
    router.message.register(file_sent, MyReferenceForm.file, ~F.text.startswith("/"))
    return router


__all__ = ["create_router"]
