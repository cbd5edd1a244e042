"""§16, §18: issue the enrollment order of a cohort — number, date, basis letter (number, date,
education department) — as a PDF in Kazakh and Russian, and notify each enrolled teacher."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.typed_dates import parse_day
from domain.document_numbers import normalize_document_number
from domain.documents import OrganizationInfo
from domain.model import Cohort, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.enrollment import OrderDraft, issue_order

MAX_TEXT = 200


class OrderForm(StatesGroup):
    number = State()
    issued_on = State()
    letter_number = State()
    letter_date = State()
    department = State()
    department_ru = State()


# step → (next step, the prompt of the next step, is the answer a date)
FLOW: dict[str, tuple[str | None, str, bool]] = {
    "number": ("issued_on", "admin-order-ask-date", False),
    "issued_on": ("letter_number", "admin-order-ask-letter-number", True),
    "letter_number": ("letter_date", "admin-order-ask-letter-date", False),
    "letter_date": ("department", "admin-order-ask-department", True),
    # the department's name in each document's language: Kazakh first, then Russian
    "department": ("department_ru", "orders-ask-department-ru", False),
    "department_ru": (None, "", False),
}
#: steps whose answer is a number the forms print after their own "№"
NUMBERS = ("number", "letter_number")


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await state.set_state(OrderForm.number)
    await state.update_data(cohort_id=cohort.id)
    await message.answer(i18n.get("admin-order-ask-number", code=cohort.code))


def organization(settings: Settings) -> OrganizationInfo:
    return OrganizationInfo(
        name_kk=settings.organization_name_kk,
        name_ru=settings.organization_name_ru,
        head_name=settings.head_name,
        city=settings.organization_city_ru,
        logo_path=settings.logo_path,
    )


async def step_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    step = (await state.get_state() or "").split(":")[-1]
    following, prompt, is_date = FLOW[step]
    text = (message.text or "").strip()
    if is_date:
        day = parse_day(text)
        if day is None:
            await message.answer(i18n.get("admin-bad-date"))
            return
        text = day.isoformat()
    elif not 1 <= len(text) <= MAX_TEXT:
        await message.answer(i18n.get("admin-order-bad-text", max=MAX_TEXT))
        return
    elif step in NUMBERS:
        text = normalize_document_number(text)
        if not text:
            await message.answer(i18n.get("admin-order-bad-text", max=MAX_TEXT))
            return
    await state.update_data({step: text})
    if following is not None:
        await state.set_state(getattr(OrderForm, following))
        await message.answer(i18n.get(prompt))
        return
    await _issue(message, i18n, state, person, uow_factory, clock, settings)


async def _issue(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    from bot.documents import render_enrollment_order

    data = await state.get_data()
    draft = OrderDraft(
        number=data["number"],
        issued_on=date.fromisoformat(data["issued_on"]),
        basis_letter_number=data["letter_number"],
        basis_letter_date=date.fromisoformat(data["letter_date"]),
        basis_department=data["department_ru"],
        basis_department_kk=data["department"],
    )
    assert person.id is not None
    result = await issue_order(
        uow_factory,
        person.id,
        int(data["cohort_id"]),
        draft,
        organization(settings),
        render_enrollment_order,
        clock(),
    )
    await state.clear()
    if result.refusal is not None:
        await message.answer(
            i18n.get("admin-order-refused-" + result.refusal.value, number=draft.number)
        )
        return
    for file in result.files:
        await message.answer_document(
            BufferedInputFile(file.content, filename=file.file_name or "order.pdf"),
            caption=i18n.get("admin-order-file-" + file.lang, number=draft.number),
        )
    await message.answer(
        i18n.get(
            "admin-order-issued",
            number=draft.number,
            enrolled=result.enrolled,
            notified=result.notified,
            later=result.enrolled - result.notified,
        )
    )


def create_router() -> Router:
    router = Router(name="admin-orders")
    router.message.register(step_typed, StateFilter(OrderForm), F.text, ~F.text.startswith("/"))
    return router
