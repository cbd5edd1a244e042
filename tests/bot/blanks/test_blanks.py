"""§29 (2025 wording) security blanks through the dispatcher, in Russian and Kazakh: one blank
per certificate, a batch for a cohort, a spoiled blank, the blank in the verification answer,
the print overlay with only the variable data, the calibration page; the /blanks command is in
the admins' command menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from domain.blanks import BlankStatus
from tests.bot.certificates.factories import add_teacher, issue_fast, make_cohort
from tests.conftest import ADMIN_ID
from tests.documents.pdfutil import flat, pdftotext, write


def pdf_of(sent: list[Any]) -> bytes:
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    assert isinstance(document.document, BufferedInputFile)
    return document.document.data


async def three_certificates(services: Services) -> Any:
    world = await make_cohort(services.uow_factory, language="ru")
    for name in ("Иванова Анна", "Петров Борис", "Сидорова Вера"):
        await add_teacher(services.uow_factory, world, name, telegram_id=None, lang="ru")
    summary = await issue_fast(services, world.cohort.id)
    assert summary.certificates == ["ORL-2026-000001", "ORL-2026-000002", "ORL-2026-000003"]
    return world


async def test_blanks_one_by_one_batch_spoiled_and_verified_in_russian(
    harness: Harness, services: Services, tmp_path: Path
) -> None:
    world = await three_certificates(services)
    admin = make_user(ADMIN_ID, "ru", "Админ")
    sent = await harness.send(admin, "/blanks")
    assert "/blanks set НОМЕР СЕРИЯ НОМЕР_БЛАНКА" in texts(sent)[0]

    sent = await harness.send(admin, "/blanks set ORL-2026-000001 аа 0001234")
    assert texts(sent) == ["✅ Сертификат ORL-2026-000001 напечатан на бланке АА № 0001234."]
    # a blank is used once; a certificate takes one blank
    sent = await harness.send(admin, "/blanks set ORL-2026-000002 АА 0001234")
    assert texts(sent) == ["Бланк АА № 0001234 уже использован: на нём сертификат ORL-2026-000001."]
    sent = await harness.send(admin, "/blanks set ORL-2026-000001 АА 0001240")
    assert texts(sent)[0].startswith(
        "Сертификат ORL-2026-000001 уже напечатан на бланке АА № 0001234."
    )
    sent = await harness.send(admin, "/blanks set ORL-2026-000099 АА 0001241")
    assert texts(sent) == ["Сертификат ORL-2026-000099 не найден."]
    sent = await harness.send(admin, "/blanks set ORL-2026-000002 0001241")
    assert texts(sent)[0].startswith("Не понял бланк.")

    # a spoiled blank is never used again
    sent = await harness.send(admin, "/blanks spoil АА 0001235 замятие в принтере")
    assert texts(sent) == [
        "✅ Бланк АА № 0001235 записан как испорченный; он больше не используется."
    ]
    sent = await harness.send(admin, "/blanks spoil АА0001235")
    assert texts(sent) == ["Бланк АА № 0001235 уже записан (испорчен или использован)."]

    # the batch: the rest of the cohort onto a range; a range holding the spoiled one is refused
    sent = await harness.send(admin, "/blanks batch ФС-2026-11 АА 0001235-0001236")
    assert texts(sent) == ["Бланк АА № 0001235 уже записан (испорчен или использован)."]
    sent = await harness.send(admin, "/blanks batch ФС-2026-11 АА 0001236")
    assert texts(sent)[0].startswith("Не понял бланк.")
    sent = await harness.send(admin, "/blanks batch ФС-2026-11 АА 0001236-0001236")
    assert texts(sent) == ["В диапазоне меньше бланков, чем сертификатов без бланка: нужно 2."]
    sent = await harness.send(admin, "/blanks batch ФС-2026-11 АА 0001236-0001240")
    assert texts(sent) == [
        "✅ Записано бланков: 2. Неиспользованных в диапазоне: 3.\n"
        "ORL-2026-000002 → АА № 0001236\nORL-2026-000003 → АА № 0001237"
    ]
    async with services.uow_factory() as uow:
        recent = await uow.blanks.recent(10)
    assert [(b.ref.label(), b.status, b.certificate_number) for b in reversed(recent)] == [
        ("АА № 0001234", BlankStatus.PRINTED, "ORL-2026-000001"),
        ("АА № 0001235", BlankStatus.SPOILED, None),
        ("АА № 0001236", BlankStatus.PRINTED, "ORL-2026-000002"),
        ("АА № 0001237", BlankStatus.PRINTED, "ORL-2026-000003"),
    ]

    # verification by number shows the blank
    sent = await harness.send(make_user(555_003, "ru"), "orl 2026 000002")
    assert texts(sent)[0].endswith("\nБланк строгой отчётности: АА № 0001236")

    # the overlay: only the variable data, no words of the form
    sent = await harness.send(admin, "/blanks print ORL-2026-000002")
    assert texts(sent) == [
        "Данные сертификата ORL-2026-000002 для печати на бланке (АА № 0001236). "
        "Печатайте в масштабе 100 %."
    ]
    overlay = flat(pdftotext(write(tmp_path, pdf_of(sent), "overlay.pdf")))
    assert "Петров Борис" in overlay and "ORL-2026-000002" in overlay
    assert world.course.topic_ru in overlay and "72" in overlay
    assert "СЕРТИФИКАТ" not in overlay and "Руководитель" not in overlay

    sent = await harness.send(admin, "/blanks calibrate")
    calibration = flat(pdftotext(write(tmp_path, pdf_of(sent), "grid.pdf")))
    assert "Калибровка печати на бланке: X +0.0 mm, Y +0.0 mm" in calibration
    assert "ФИО (40; 66 mm)" in calibration


async def test_blanks_in_kazakh_and_in_the_admin_menu(harness: Harness, services: Services) -> None:
    await three_certificates(services)
    admin = make_user(ADMIN_ID, "kk", "Әкімші")
    sent = await harness.send(admin, "/blanks set ORL-2026-000003 ББ 000777")
    assert texts(sent) == ["✅ ORL-2026-000003 сертификаты ББ № 000777 бланкісіне басылды."]
    sent = await harness.send(admin, "/blanks spoil ББ 000777")
    assert texts(sent) == [
        "ББ № 000777 бланкісі пайдаланылған: онда ORL-2026-000003 сертификаты басылған."
    ]
    sent = await harness.send(make_user(555_004, "kk"), "ORL-2026-000003")
    assert texts(sent)[0].endswith("\nҚатаң есептілік бланкі: ББ № 000777")

    from bot.ui.commands import ADMINS, commands_for

    menu = {lang: commands_for(services.i18n_core, lang, ADMINS) for lang in ("kk", "ru")}
    assert [c.description for c in menu["kk"] if c.command == "blanks"] == ["Сертификат бланкілері"]
    assert [c.description for c in menu["ru"] if c.command == "internships"] == [
        "Стажировки: меморандумы и справки"
    ]
