"""§16, §18: issue the enrollment order of a cohort — number, date, basis letter (number, date,
education department) — as a PDF in Kazakh and Russian, and notify each enrolled teacher.

A form (``bot.ui.forms``): the six answers (the department in Kazakh, then in Russian), then a
summary; nothing is issued and no teacher is told before the admin confirms it."""

from __future__ import annotations

from datetime import date

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.file_names import document_file_name
from bot.ui.forms import Form, FormRun, Invalid, Step, day, open_form, text
from domain.courses import ScheduleCheck
from domain.document_numbers import normalize_document_number
from domain.documents import OrganizationInfo
from domain.model import Cohort
from domain.ports import UnitOfWorkFactory
from domain.services.enrollment import OrderDraft, cohort_schedule_check, issue_order

MAX_TEXT = 200


def schedule_text(i18n: I18nContext, code: str, schedule: ScheduleCheck) -> str:
    return i18n.get(
        "admin-order-refused-schedule-incomplete",
        cohort=code,
        scheduled=schedule.scheduled,
        required=schedule.required,
        missing=schedule.required - schedule.scheduled,
    )


def document_number(raw: str) -> str:
    """An order or letter number; the forms print their own "№", so a typed one is dropped."""
    value = normalize_document_number(text(64)(raw))
    if not value:
        raise Invalid("form-empty")
    return value


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    assert cohort.id is not None
    # §23: no order while the cohort's sessions do not add up to the course hours
    schedule = await cohort_schedule_check(uow_factory, cohort.id)
    if schedule is not None and not schedule.complete:
        await message.answer(schedule_text(i18n, cohort.code, schedule))
        return
    await open_form(ORDER, message, state, i18n, {"cohort_id": cohort.id, "code": cohort.code})


def organization(settings: Settings) -> OrganizationInfo:
    """The order is signed like the certificates (acting head's title with HEAD_IS_ACTING)."""
    from bot.documents.issuing import organization_info  # PDF code loads on first use

    return organization_info(settings, "ru")


async def issue(run: FormRun) -> str | None:
    from bot.documents import render_enrollment_order

    values = run.values
    draft = OrderDraft(
        number=values["number"],
        issued_on=date.fromisoformat(values["issued_on"]),
        basis_letter_number=values["letter_number"],
        basis_letter_date=date.fromisoformat(values["letter_date"]),
        # the department's name in each document's language (Kazakh step, then Russian)
        basis_department=values["department_ru"],
        basis_department_kk=values["department"],
    )
    person = run["person"]
    assert person.id is not None
    result = await issue_order(
        run["uow_factory"],
        person.id,
        int(run.context["cohort_id"]),
        draft,
        organization(run["settings"]),
        render_enrollment_order,
        run["clock"](),
    )
    i18n = run.i18n
    if result.schedule is not None and not result.schedule.complete:
        return schedule_text(i18n, str(run.context.get("code", "")), result.schedule)
    if result.refusal is not None:
        return i18n.get("admin-order-refused-" + result.refusal.value, number=draft.number)
    for file in result.files:
        await run.message.answer_document(
            BufferedInputFile(file.content, filename=document_file_name(i18n.get, file)),
            caption=i18n.get("admin-order-file-" + file.lang, number=draft.number),
        )
    return i18n.get(
        "admin-order-issued",
        number=draft.number,
        enrolled=result.enrolled,
        notified=result.notified,
        later=result.enrolled - result.notified,
    )


ORDER = Form(
    name="order",
    title="admin-order-summary",
    confirm="admin-order-confirm",
    submit=issue,
    steps=(
        Step("number", "admin-order-ask-number", "admin-order-label-number", document_number),
        Step("issued_on", "admin-order-ask-date", "admin-order-label-date", day()),
        Step(
            "letter_number",
            "admin-order-ask-letter-number",
            "admin-order-label-letter-number",
            document_number,
        ),
        Step("letter_date", "admin-order-ask-letter-date", "admin-order-label-letter-date", day()),
        Step(
            "department",
            "admin-order-ask-department",
            "admin-order-label-department",
            text(MAX_TEXT),
        ),
        Step(
            "department_ru",
            "orders-ask-department-ru",
            "admin-order-label-department-ru",
            text(MAX_TEXT),
        ),
    ),
)
FORMS = (ORDER,)


def create_router() -> Router:
    return Router(name="admin-orders")
