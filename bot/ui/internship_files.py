"""§30 files both the teacher's and the admin's internship screens handle: the uploaded App. 5
reference (a PDF or a photo, by Telegram file id) and the blank App. 5 to hand to the
enterprise (rendered on request, in Kazakh or Russian)."""

from __future__ import annotations

import asyncio

from aiogram.types import BufferedInputFile, Message

from domain.internship import Memorandum, ReferenceFileKind
from domain.model import Lang
from domain.services.internship import (
    InternshipPlace,
    UploadResult,
    blank_enterprise_reference,
)

MAX_REFERENCE_BYTES = 20 * 1024 * 1024  # what a bot may download from Telegram


def reference_file(message: Message) -> tuple[str, ReferenceFileKind] | None:
    """The App. 5 reference in a message: a photo (the largest size) or a PDF document within
    20 MB; ``None`` for anything else."""
    if message.photo:
        photo = message.photo[-1]
        if (photo.file_size or 0) <= MAX_REFERENCE_BYTES:
            return photo.file_id, ReferenceFileKind.PHOTO
        return None
    document = message.document
    if (
        document is not None
        and (
            document.mime_type == "application/pdf"
            or (document.file_name or "").lower().endswith(".pdf")
        )
        and (document.file_size or 0) <= MAX_REFERENCE_BYTES
    ):
        return document.file_id, ReferenceFileKind.PDF
    return None


def upload_refusal_key(result: UploadResult) -> str | None:
    """The message key saying why an uploaded reference was not taken; ``None`` once it was."""
    if result.not_found:
        return "internship-not-found"
    if result.refusal is not None:
        return "internship-refused-" + str(result.refusal)
    return None


async def send_reference_file(message: Message, file_id: str, kind: ReferenceFileKind) -> None:
    if kind is ReferenceFileKind.PHOTO:
        await message.answer_photo(file_id)
    else:
        await message.answer_document(file_id)


async def send_blank_reference(
    message: Message,
    lang: Lang,
    caption: str,
    place: InternshipPlace | None = None,
    memorandum: Memorandum | None = None,
) -> None:
    """App. 5 in ``lang`` with what the Organization knows filled in, to hand to the enterprise."""
    from bot.documents import render_enterprise_reference

    doc = blank_enterprise_reference(lang, place, memorandum)
    pdf = await asyncio.to_thread(render_enterprise_reference, doc)
    await message.answer_document(
        BufferedInputFile(pdf, filename=f"appendix-5-{lang}.pdf"), caption=caption
    )
