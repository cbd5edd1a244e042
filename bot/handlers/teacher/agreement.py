"""§24: read the agreement (four conditions, employer-notification clause) and accept it.

Accepting is a form (``bot.ui.forms``) that asks nothing: the agreement is its summary, with
one Confirm ("I accept") and Cancel; nothing is stored before Confirm."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import AgreementCb
from bot.ui.formatting import local_today, long_date
from bot.ui.forms import Form, FormRun, open_form
from bot.ui.markup import Markup
from bot.ui.screens import ui_lang
from domain.model import Person
from domain.ports import UnitOfWorkFactory
from domain.services import agreement as service


def organization(settings: Settings, lang: str) -> str:
    return settings.organization_name_kk if lang == "kk" else settings.organization_name_ru


async def agreement_pressed(
    query: CallbackQuery,
    callback_data: AgreementCb,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    """ "Read and accept" (and an older message's "accept") opens the agreement to confirm."""
    lang = ui_lang(i18n)
    message = query.message
    assert person.id is not None
    if callback_data.action in ("read", "accept"):
        view = await service.agreement_for(uow_factory, person.id, callback_data.enrollment_id)
    else:
        view = service.AgreementView(service.AgreementRefusal.NOT_FOUND)
    if (
        view.refusal is not None
        or view.course is None
        or view.cohort is None
        or not isinstance(message, Message)
    ):
        await query.answer(
            i18n.get(f"agreement-refused-{view.refusal or 'not-found'}"), show_alert=True
        )
        return
    await query.answer()
    conditions = Markup("\n").join(
        i18n.get(f"agreement-condition-{c.value.replace('_', '-')}")
        for c in service.AGREEMENT_CONDITIONS
    )
    context = {
        "enrollment_id": callback_data.enrollment_id,
        "organization": organization(settings, lang),
        "topic": view.course.topic(lang),
        "code": view.cohort.code,
        "starts": long_date(view.cohort.starts_on, lang),
        "ends": long_date(view.cohort.ends_on, lang),
        "conditions": str(conditions),
    }
    await open_form(AGREEMENT, message, state, i18n, context)


def agreement_args(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The conditions are the bot's own translated text (built above), not typed input."""
    return {**context, "conditions": Markup(context["conditions"])}


async def accept(run: FormRun) -> str | None:
    person, clock, settings = run["person"], run["clock"], run["settings"]
    lang = ui_lang(run.i18n)
    assert person.id is not None
    view = await service.accept_agreement(
        run["uow_factory"], person.id, int(run.context["enrollment_id"]), lang, clock()
    )
    if view.refusal is not None or view.course is None:
        return run.i18n.get(f"agreement-refused-{view.refusal or 'not-found'}")
    return run.i18n.get(
        "agreement-accepted",
        topic=view.course.topic(lang),
        date=long_date(local_today(clock, settings), lang),
    )


AGREEMENT = Form(
    name="t-agreement",
    title="agreement-text",
    confirm="agreement-accept-button",
    submit=accept,
    steps=(),
    title_args=agreement_args,
)
FORMS = (AGREEMENT,)


def create_router() -> Router:
    router = Router(name="teacher-agreement")
    router.callback_query.register(agreement_pressed, AgreementCb.filter())
    return router
