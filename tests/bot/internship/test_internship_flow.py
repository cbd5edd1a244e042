"""§30, App. 5–6 through the dispatcher: the memorandum, the blank App. 5, the teacher's upload,
the admin's check (reject with a reason, then accept), the App. 6 certificate, its
verification as an internship certificate; /issue refuses App. 3 for an internship cohort."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.methods import SendDocument, SendMessage, SendPhoto
from aiogram.types import BufferedInputFile, Document, InlineKeyboardMarkup, PhotoSize

from bot.dev.testing import Harness, make_user, texts
from bot.handlers.admin.internship import InternCb
from bot.handlers.teacher.internship import MyInternCb
from bot.runtime.container import Services
from domain.iin import Sex
from domain.internship import ReferenceStatus
from domain.model import DocumentKind, EnrollmentStatus
from tests.bot.internship.factories import TEACHER_TG, make_internship
from tests.conftest import ADMIN_ID
from tests.documents.pdfutil import flat, pdftotext, write


def buttons(request: Any) -> list[str]:
    markup = getattr(request, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [b.text for row in markup.inline_keyboard for b in row]


def pdf_of(sent: list[Any]) -> bytes:
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    assert isinstance(document.document, BufferedInputFile)
    return document.document.data


def read(tmp_path: Path, pdf: bytes, name: str) -> str:
    return flat(pdftotext(write(tmp_path, pdf, name)))


async def outbox_keys(services: Services) -> dict[str, Any]:
    from sqlalchemy import select

    from storage.models import OutboxRow

    async with services.uow_factory() as uow:
        rows = await uow.session.scalars(select(OutboxRow))  # type: ignore[attr-defined]
        return {row.dedup_key: row.payload for row in rows}


async def test_internship_from_memorandum_to_verified_app_6_in_russian(
    harness: Harness, services: Services, tmp_path: Path
) -> None:
    world = await make_internship(services.uow_factory, sex=Sex.MALE)
    admin = make_user(ADMIN_ID, "ru", "Админ")
    teacher = make_user(TEACHER_TG, "ru", "Сергей")
    cohort_id = world.cohort.id or 0

    sent = await harness.send(admin, "/internships")
    assert texts(sent) == ["Стажировка (п. 30 Правил). Выберите поток:"]
    assert buttons(sent[0]) == ["СТЖ-2026-11 · 20.11.2026"]
    sent = await harness.press(admin, InternCb(action="cohort", id=cohort_id).pack())
    assert "Меморандум о сотрудничестве не записан" in texts(sent)[0]
    assert "Сергей Иванович Ким · справки нет" in buttons(sent[0])

    # the memorandum: "№" typed by the admin is not doubled
    await harness.press(admin, InternCb(action="memo", id=cohort_id).pack())
    assert texts(await harness.send(admin, "№ 12/2026")) == ["Дата меморандума (ДД.ММ.ГГГГ):"]
    await harness.send(admin, "01.09.2026")
    sent = await harness.send(admin, "ТОО «Павлодарский машзавод»")
    assert texts(sent)[0] == (
        "✅ Меморандум записан: № 12/2026 от 1 сентября 2026\u202fг., "
        "предприятие: ТОО «Павлодарский машзавод»."
    )

    # the blank App. 5 to hand to the enterprise, in Russian
    sent = await harness.press(admin, InternCb(action="blank", id=cohort_id, lang="ru").pack())
    blank = read(tmp_path, pdf_of(sent), "blank.pdf")
    assert "Справка о прохождении педагогом стажировки на базе предприятия" in blank
    assert "ТОО «Павлодарский машзавод»" in blank and "____" in blank

    # the teacher sends a photo of the filled reference; the admins are told
    sent = await harness.send(teacher, "/internship")
    assert "Состояние: справки нет" in texts(sent)[0]
    eid = world.enrollment.id or 0
    sent = await harness.press(teacher, MyInternCb(action="send", enrollment_id=eid).pack())
    assert texts(sent) == ["Отправьте справку предприятия (приложение 5) — PDF-файл или фото."]
    sent = await harness.send(teacher, "вот справка")
    assert texts(sent) == ["Нужен PDF-файл или фото справки (до 20 МБ)."]
    photo = [PhotoSize(file_id="ph-ref-1", file_unique_id="u1", width=800, height=1100)]
    sent = await harness.send_message(teacher, photo=photo)
    assert texts(sent) == [
        "✅ Справка отправлена. Администратор проверит её; сертификат о прохождении "
        "стажировки придёт сюда."
    ]
    keys = await outbox_keys(services)
    assert any(k.startswith("internship-ref:") for k in keys)

    # the admin sees the photo and the App. 5 fields to check, and rejects it with a reason
    sent = await harness.press(admin, InternCb(action="place", id=eid).pack())
    assert isinstance(sent[0], SendPhoto) and sent[0].photo == "ph-ref-1"
    assert "Сверьте справку с полями приложения 5:" in texts(sent)[-1]
    assert "☐ печать предприятия (при наличии)." in texts(sent)[-1]
    [review] = [r for r in sent if isinstance(r, SendMessage)]
    assert buttons(review) == ["✅ Принять и выдать сертификат", "❌ Отклонить"]
    async with services.uow_factory() as uow:
        [reference] = await uow.internship.references_for(eid)
    await harness.press(admin, InternCb(action="reject", id=reference.id or 0).pack())
    sent = await harness.send(admin, "нет подписи руководителя")
    assert texts(sent) == ["Справка не принята, слушатель уведомлён."]
    notice = (await outbox_keys(services))[f"internship-rejected:{reference.id}"]
    assert notice["args"]["reason"] == "нет подписи руководителя"

    # a corrected PDF; accepted: the App. 6 certificate is issued, numbered and frozen
    await harness.press(teacher, MyInternCb(action="send", enrollment_id=eid).pack())
    pdf_doc = Document(
        file_id="doc-ref-2",
        file_unique_id="u2",
        file_name="справка.pdf",
        mime_type="application/pdf",
    )
    await harness.send_message(teacher, document=pdf_doc)
    sent = await harness.press(admin, InternCb(action="place", id=eid).pack())
    assert isinstance(sent[0], SendDocument) and sent[0].document == "doc-ref-2"
    async with services.uow_factory() as uow:
        second = (await uow.internship.references_for(eid))[-1]
    sent = await harness.press(admin, InternCb(action="accept", id=second.id or 0).pack())
    assert texts(sent)[-1] == (
        "✅ Справка принята. Сертификат о прохождении стажировки № ORL-2026-000001 выдан: "
        "Сергей Иванович Ким. Слушатель получит его в боте."
    )
    certificate_text = read(tmp_path, pdf_of(sent), "app6.pdf")
    assert "СЕРТИФИКАТ О ПРОХОЖДЕНИИ СТАЖИРОВКИ" in certificate_text
    assert "Сергей Иванович Ким" in certificate_text
    # the sex from the IIN chooses the verb; the memorandum and the enterprise are named
    assert "прошел стажировку на базе организации" in certificate_text
    assert "ТОО «Павлодарский машзавод»" in certificate_text
    assert "Меморандум о сотрудничестве № 12/2026 от 01.09.2026" in certificate_text
    assert "№ №" not in certificate_text
    async with services.uow_factory() as uow:
        stored = await uow.certificates.get_by_number("ORL-2026-000001")
        enrollment = await uow.enrollments.get_by_id(eid)
        accepted = await uow.internship.get_reference(second.id or 0)
    assert stored is not None and stored.kind is DocumentKind.INTERNSHIP_CERTIFICATE
    assert enrollment is not None and enrollment.status is EnrollmentStatus.COMPLETED
    assert accepted is not None and accepted.status is ReferenceStatus.ACCEPTED
    assert f"doc:{stored.id}:internship_certificate" in await outbox_keys(services)

    # a second accept changes nothing
    sent = await harness.press(admin, InternCb(action="accept", id=second.id or 0).pack())
    assert texts(sent) == ["Сертификат о прохождении стажировки уже выдан."]

    # verification names it as an internship certificate
    sent = await harness.send(make_user(555_001, "ru"), "ORL-2026-000001")
    answer = texts(sent)[0]
    assert answer.startswith("✅ Сертификат действителен.\nВид документа: сертификат о прохождении")
    assert "(приложение 6 к Правилам)" in answer


async def test_kazakh_teacher_and_admin_and_no_app_3_for_an_internship(
    harness: Harness, services: Services, tmp_path: Path
) -> None:
    world = await make_internship(
        services.uow_factory,
        cohort_lang="kk",
        teacher_lang="kk",
        sex=Sex.FEMALE,
        name="Әйгерім Бекқызы Сәрсенова",
    )
    admin = make_user(ADMIN_ID, "kk", "Әкімші")
    teacher = make_user(TEACHER_TG, "kk", "Әйгерім")
    eid = world.enrollment.id or 0
    sent = await harness.send(teacher, "/internship")
    assert "Жағдайы: анықтама жоқ" in texts(sent)[0]
    sent = await harness.press(
        teacher, MyInternCb(action="blank", enrollment_id=eid, lang="kk").pack()
    )
    blank = read(tmp_path, pdf_of(sent), "kk.pdf")
    assert "Педагогтің кәсіпорын (ұйым) базасында тағылымдамадан өткені туралы анықтама" in blank
    assert "Әйгерім Бекқызы Сәрсенова" in blank

    await harness.press(teacher, MyInternCb(action="send", enrollment_id=eid).pack())
    pdf_doc = Document(
        file_id="d1", file_unique_id="u", file_name="a.pdf", mime_type="application/pdf"
    )
    sent = await harness.send_message(teacher, document=pdf_doc)
    assert texts(sent)[0].startswith("✅ Анықтама жіберілді.")
    async with services.uow_factory() as uow:
        [reference] = await uow.internship.references_for(eid)
    # no memorandum yet: §30 refuses the certificate
    sent = await harness.press(admin, InternCb(action="accept", id=reference.id or 0).pack())
    assert texts(sent) == [
        "Алдымен ағынның ынтымақтастық туралы меморандумын жазыңыз (Қағидалардың 30-тармағы): "
        "«Ынтымақтастық туралы меморандум» батырмасы."
    ]
    await harness.press(admin, InternCb(action="memo", id=world.cohort.id or 0).pack())
    await harness.send(admin, "№№ 7")
    await harness.send(admin, "15.10.2026")
    sent = await harness.send(admin, "«Қазмаш» АҚ")
    assert texts(sent)[0].startswith("✅ Меморандум жазылды: № 7, күні:")
    sent = await harness.press(admin, InternCb(action="accept", id=reference.id or 0).pack())
    assert texts(sent)[-1].startswith("✅ Анықтама қабылданды. Тағылымдамадан өткені туралы")
    text = read(tmp_path, pdf_of(sent), "app6-kk.pdf")
    assert "ТАҒЫЛЫМДАМАДАН ӨТКЕНІ ТУРАЛЫ СЕРТИФИКАТ" in text
    assert "Ынтымақтастық туралы меморандум: 15.10.2026 № 7." in text

    sent = await harness.send(make_user(555_002, "kk"), "ORL-2026-000001")
    assert "Құжат түрі: тағылымдамадан өткені туралы сертификат" in texts(sent)[0]

    # /issue of an internship cohort: App. 6 comes through the references, never App. 3
    sent = await harness.press(admin, f"cis:go:{world.cohort.id}")
    assert texts(sent)[-1].startswith("СТЖ-2026-11 ағыны — тағылымдама.")


async def test_the_admin_uploads_the_reference_for_the_listener(
    harness: Harness, services: Services
) -> None:
    world = await make_internship(services.uow_factory)
    admin = make_user(ADMIN_ID, "ru", "Админ")
    eid = world.enrollment.id or 0
    sent = await harness.press(admin, InternCb(action="place", id=eid).pack())
    [screen] = [r for r in sent if isinstance(r, SendMessage)]
    assert "Состояние: справки нет" in screen.text
    assert buttons(screen) == ["📎 Загрузить справку за слушателя", "◀️ К потоку"]
    sent = await harness.press(admin, InternCb(action="upload", id=eid).pack())
    assert texts(sent)[-1] == "Отправьте справку предприятия (приложение 5) — PDF-файл или фото."
    table = Document(file_id="x1", file_unique_id="u", file_name="a.xlsx")
    assert texts(await harness.send_message(admin, document=table)) == [
        "Нужен PDF-файл или фото справки (до 20 МБ)."
    ]
    pdf_doc = Document(file_id="adm-1", file_unique_id="u", file_name="Справка.PDF")
    sent = await harness.send_message(admin, document=pdf_doc)
    assert isinstance(sent[0], SendDocument) and sent[0].document == "adm-1"
    assert "Сверьте справку с полями приложения 5:" in texts(sent)[-1]
    async with services.uow_factory() as uow:
        [reference] = await uow.internship.references_for(eid)
        entries = await uow.audit.for_entity("enrollment", str(eid))
    assert reference.status is ReferenceStatus.PENDING and reference.uploaded_by is not None
    assert [e.action for e in entries] == ["internship_reference.upload"]
    # no notice to the admins when an admin uploaded it
    assert not any(k.startswith("internship-ref:") for k in await outbox_keys(services))
