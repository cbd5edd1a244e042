"""§29 (2025 wording): security blanks — ``/blanks`` and its subcommands.

- ``/blanks`` — how to use it, and the blanks recorded last;
- ``/blanks set <certificate number> <series> <number>`` — one printed certificate;
- ``/blanks batch <cohort code> <series> <first>-<last>`` — a cohort's batch, in number order;
- ``/blanks spoil <series> <number> [note]`` — a spoiled blank, never used again;
- ``/blanks print <certificate number>`` — the overlay PDF to print onto the blank;
- ``/blanks calibrate`` — the millimetre grid with the fields' boxes, to set the offsets.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.markup import Markup
from domain.blanks import parse_blank
from domain.certificate_numbers import parse_certificate_number, verification_url
from domain.documents import BlankOverlayDoc, FieldBox
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.blanks import (
    BlankOutcome,
    BlankResult,
    cohort_by_code,
    overlay_source,
    recent_blanks,
    record_batch,
    record_blank,
    spoil_blank,
)

SUBCOMMANDS = ("set", "batch", "spoil", "print", "calibrate")


def split_blank(words: list[str]) -> tuple[str, str]:
    """The blank (one word "АА0001234" or two "АА 0001234") and the rest (a note)."""
    if len(words) >= 2 and parse_blank(" ".join(words[:2])) is not None:
        return " ".join(words[:2]), " ".join(words[2:])
    return (words[0], " ".join(words[1:])) if words else ("", "")


def outcome_text(result: BlankResult, i18n: I18nContext, typed: str = "") -> str:
    blank = result.blank.label() if result.blank else ""
    number = result.certificate_number or typed or "—"
    if result.outcome is BlankOutcome.RECORDED and result.assigned:
        lines = Markup("\n").join(
            i18n.get("blanks-batch-line", number=n, blank=ref.label()) for n, ref in result.assigned
        )
        head = i18n.get("blanks-batch-done", count=len(result.assigned), left=result.left_over)
        return f"{head}\n{lines}"
    key = {
        BlankOutcome.RECORDED: "blanks-spoiled"
        if result.certificate_number is None
        else "blanks-set-done",
        BlankOutcome.BAD_BLANK: "blanks-bad-blank",
        BlankOutcome.NOT_FOUND: "blanks-not-found",
        BlankOutcome.REVOKED: "blanks-revoked",
        BlankOutcome.BLANK_USED: "blanks-used"
        if result.certificate_number
        else "blanks-used-spoiled",
        BlankOutcome.HAS_BLANK: "blanks-has-blank",
        BlankOutcome.RANGE_SHORT: "blanks-range-short",
        BlankOutcome.NOTHING: "blanks-nothing",
    }[result.outcome]
    return i18n.get(key, blank=blank, number=number, needed=result.needed)


def _fields(settings: Settings) -> dict[str, FieldBox]:
    return {name: FieldBox(*box) for name, box in settings.blank_fields.items()}


async def blanks(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    person: Person,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    words = (command.args or "").split()
    sub = words[0].lower() if words else ""
    rest = words[1:]
    assert person.id is not None
    if sub == "set" and len(rest) >= 2:
        result = await record_blank(uow_factory, person.id, rest[0], " ".join(rest[1:]), clock())
        await message.answer(outcome_text(result, i18n, rest[0]))
    elif sub == "batch" and len(rest) >= 2:
        cohort_id = await cohort_by_code(uow_factory, rest[0])
        if cohort_id is None:
            await message.answer(i18n.get("blanks-no-cohort", code=rest[0]))
            return
        result = await record_batch(uow_factory, person.id, cohort_id, " ".join(rest[1:]), clock())
        await message.answer(outcome_text(result, i18n))
    elif sub == "spoil" and rest:
        blank, note = split_blank(rest)
        result = await spoil_blank(uow_factory, person.id, blank, note, clock())
        await message.answer(outcome_text(result, i18n))
    elif sub == "print" and rest:
        await send_overlay(message, i18n, bot, uow_factory, settings, " ".join(rest))
    elif sub == "calibrate":
        await send_calibration(message, i18n, settings)
    else:
        await show_usage(message, i18n, uow_factory)


async def show_usage(message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory) -> None:
    recent = await recent_blanks(uow_factory)
    lines = [
        i18n.get(
            "blanks-recent-line",
            blank=b.ref.label(),
            status=i18n.get("blanks-status-" + str(b.status)),
            number=b.certificate_number or b.note or "—",
        )
        for b in recent
    ]
    text = i18n.get("blanks-usage")
    if lines:
        text = f"{text}\n\n{i18n.get('blanks-recent')}\n" + "\n".join(lines)
    await message.answer(text)


async def send_overlay(
    message: Message,
    i18n: I18nContext,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    number_text: str,
) -> None:
    source = await overlay_source(uow_factory, number_text)
    if source is None:
        await message.answer(i18n.get("blanks-not-found", blank="", number=number_text))
        return
    from bot.documents.blank_overlay import render_blank_overlay

    certificate = source.certificate
    parsed = parse_certificate_number(certificate.number)
    assert parsed is not None
    me = await bot.me()
    doc = BlankOverlayDoc(
        number=certificate.number,
        holder_full_name=certificate.holder_full_name,
        topic=certificate.topic,
        academic_hours=certificate.academic_hours,
        issued_on=certificate.issued_on,
        valid_until=certificate.valid_until,
        lang="kk" if i18n.locale == "kk" else "ru",
        verification_url=verification_url(me.username or "", parsed, settings.cert_secret_bytes),
    )
    pdf = render_blank_overlay(
        doc, _fields(settings), settings.blank_offset_x_mm, settings.blank_offset_y_mm
    )
    blank = source.blank.label() if source.blank else "—"
    await message.answer_document(
        BufferedInputFile(pdf, filename=f"overlay-{certificate.number}.pdf"),
        caption=i18n.get("blanks-overlay-caption", number=certificate.number, blank=blank),
    )


async def send_calibration(message: Message, i18n: I18nContext, settings: Settings) -> None:
    from bot.documents.blank_overlay import FIELD_NAMES, render_calibration_page

    legend = {name: i18n.get("blanks-field-" + name) for name in FIELD_NAMES}
    pdf = render_calibration_page(
        i18n.get("blanks-calibration-title"),
        legend,
        _fields(settings),
        settings.blank_offset_x_mm,
        settings.blank_offset_y_mm,
    )
    await message.answer_document(
        BufferedInputFile(pdf, filename="blank-calibration.pdf"),
        caption=i18n.get(
            "blanks-calibration-caption",
            x=f"{settings.blank_offset_x_mm:+.1f}",
            y=f"{settings.blank_offset_y_mm:+.1f}",
        ),
    )


def create_router() -> Router:
    router = Router(name="admin-blanks")
    router.message.register(blanks, Command("blanks"))
    return router


__all__ = ["SUBCOMMANDS", "create_router"]
