""" "🎓 My courses": attendance, score and pass mark, module grades, the outcome; the agreement
button while it is not accepted; the frozen certificate PDFs sent again on request."""

from __future__ import annotations

from datetime import tzinfo

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import AgreementCb, ResendCb
from bot.handlers.teacher.common import register_entry
from bot.ui.file_names import document_file_name
from bot.ui.formatting import decimal, long_date
from bot.ui.screens import ui_lang
from domain.assessment import Outcome
from domain.local_dates import local_date
from domain.model import EnrollmentStatus, Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.applications import my_applications
from domain.services.my_courses import CourseCard, frozen_documents, my_courses


def card_text(i18n: I18nContext, card: CourseCard, lang: Lang, tz: tzinfo) -> str:
    lines = [
        i18n.get(
            "mycourses-card",
            topic=card.course.topic(lang),
            code=card.cohort.code,
            starts=long_date(card.cohort.starts_on, lang),
            ends=long_date(card.cohort.ends_on, lang),
        ),
        i18n.get(
            "mycourses-attendance", attended=card.attended, total=card.total, percent=card.percent
        ),
    ]
    if card.outcome is Outcome.IN_PROGRESS and card.total:
        if card.still_needed == 0:
            lines.append(i18n.get("mycourses-attendance-met"))
        elif card.reachable:
            lines.append(i18n.get("mycourses-attendance-needed", count=card.still_needed))
        else:
            lines.append(i18n.get("mycourses-attendance-unreachable"))
    mark, maximum = decimal(card.pass_mark, lang), card.course.max_score
    if card.assessment is not None:
        lines.append(
            i18n.get(
                "mycourses-score",
                score=card.assessment.score,
                max=card.assessment.max_score,
                pass_mark=mark,
            )
        )
    else:
        lines.append(i18n.get("mycourses-score-pending", max=maximum, pass_mark=mark))
    lines += [
        i18n.get("mycourses-module", name=m.name, hours=m.hours, grade=m.grade)
        for m in card.modules
    ]
    enrollment = card.enrollment
    if enrollment.status is EnrollmentStatus.ENROLLED:
        lines.append(
            i18n.get(
                "mycourses-agreement-accepted",
                date=long_date(local_date(enrollment.agreement_accepted_at, tz), lang),
            )
            if enrollment.agreement_accepted_at
            else i18n.get("mycourses-agreement-needed")
        )
    if card.outcome is Outcome.CERTIFICATE:
        cert = card.certificate
        lines.append(
            i18n.get(
                "mycourses-outcome-certificate",
                number=cert.number,
                valid_until=long_date(cert.valid_until, lang),
            )
            if cert
            else i18n.get("mycourses-outcome-certificate-pending")
        )
    elif card.outcome is Outcome.LISTENING_REFERENCE:
        lines.append(
            i18n.get(
                "mycourses-outcome-reference",
                number=card.reference.number if card.reference else "—",
            )
        )
    elif card.outcome is Outcome.EXPELLED:
        lines.append(
            i18n.get(
                "mycourses-outcome-expelled",
                reason=enrollment.expelled_reason or "—",
                order=enrollment.expulsion_order or "—",
            )
        )
    return "\n".join(lines)


def card_keyboard(i18n: I18nContext, card: CourseCard) -> InlineKeyboardMarkup | None:
    enrollment_id = card.enrollment.id or 0
    rows = []
    enrollment = card.enrollment
    if enrollment.status is EnrollmentStatus.ENROLLED and not enrollment.agreement_accepted:
        rows.append(
            [
                InlineKeyboardButton(
                    text=i18n.get("mycourses-read-agreement"),
                    callback_data=AgreementCb(action="read", enrollment_id=enrollment_id).pack(),
                )
            ]
        )
    if card.certificate is not None or card.reference is not None:
        rows.append(
            [
                InlineKeyboardButton(
                    text=i18n.get("mycourses-resend"),
                    callback_data=ResendCb(enrollment_id=enrollment_id).pack(),
                )
            ]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def my_courses_entry(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await state.clear()
    lang = ui_lang(i18n)
    assert person.id is not None
    cards = await my_courses(uow_factory, person.id, clock(), lang)
    applications = [
        (a, c)
        for a, c in await my_applications(uow_factory, person.id)
        if a.status.value in ("submitted", "approved", "rejected")
    ]
    if not cards and not applications:
        await message.answer(i18n.get("mycourses-none"))
        return
    screens: list[tuple[str, InlineKeyboardMarkup | None]] = [
        (card_text(i18n, card, lang, settings.tz), card_keyboard(i18n, card)) for card in cards
    ]
    if applications:
        lines = [i18n.get("mycourses-applications")] + [
            i18n.get(
                f"mycourses-application-{a.status.value}",
                topic=c.topic(lang),
                reason=a.reject_reason or "—",
            )
            for a, c in applications
        ]
        screens.append(("\n".join(lines), None))
    # what else belongs to one's courses: the calendar, §31 requests, post-course support
    text, markup = screens[-1]
    screens[-1] = (f"{text}\n\n{i18n.get('screens-mycourses-more')}", markup)
    for text, markup in screens:
        await message.answer(text, reply_markup=markup)


async def resend(
    query: CallbackQuery,
    callback_data: ResendCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
) -> None:
    assert person.id is not None
    files = await frozen_documents(uow_factory, person.id, callback_data.enrollment_id)
    if not files or not isinstance(query.message, Message):
        await query.answer(i18n.get("mycourses-resend-none"), show_alert=True)
        return
    await query.answer()
    for file in files:
        name = document_file_name(i18n.get, file)
        await query.message.answer_document(BufferedInputFile(file.content, filename=name))


def create_router() -> Router:
    router = Router(name="teacher-my-courses")
    register_entry(router, my_courses_entry, ("mycourses",))
    router.callback_query.register(resend, ResendCb.filter())
    return router
