"""Issue 17.1 in the sandbox: a stranger forwards a certificate PDF to the bot and gets the
verdict — genuine; changed (one byte) or re-typeset with other hours: "not issued by us" with
the registry's data; revoked and reissued: revoked, replaced by the new number."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from bot.documents import render_certificate
from bot.documents.issuing import organization_info
from domain.documents import CertificateDoc
from tests.e2e.chat import Chat, body, file_name
from tests.e2e.verification_world import HOLDER, HOLDER_TG, issue_one, revoke_and_reissue

pytestmark = pytest.mark.e2e

STRANGER_RU, STRANGER_KK = 830_001, 830_002
MASKED = "Н. Ә. С."


def changed_one_byte(pdf: bytes) -> bytes:
    """One byte of the first page's content stream flipped (the text of the page, where the
    holder's name is drawn); the rest of the file, its title with the number included, kept."""
    start = pdf.index(b"stream", pdf.index(b"/Contents")) + len(b"stream\r\n")
    edited = bytearray(pdf)
    edited[start + 40] ^= 0x01
    return bytes(edited)


async def test_a_forwarded_pdf_is_genuine_changed_or_revoked(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    await client.create_user(HOLDER_TG, "Әлия", "ru")
    sandbox.emulator.users[HOLDER_TG].started = True  # she used the bot during the course
    issued = await issue_one(sandbox, language="ru")
    number = issued.certificate.number
    await client.create_user(STRANGER_RU, "Работодатель", "ru")
    await client.create_user(STRANGER_KK, "Жұмыс беруші", "kk")
    ru, kk = Chat(client, STRANGER_RU), Chat(client, STRANGER_KK)
    await ru.say("/start", lambda m: True)
    await kk.say("/start", lambda m: True)

    # genuine: the exact file, with the full name
    answer = body(await ru.upload(f"certificate-{number}.pdf", issued.pdf, "подлинный файл"))
    assert answer.startswith(f"✅ Это подлинный файл: сертификат № {number}. Дата выдачи: ")
    assert f"; организация: {issued.certificate.organization_name}." in answer
    assert "✅ Сертификат действителен." in answer
    assert f"Владелец: {HOLDER}" in answer
    assert "🔏 Электронная подпись организации цела." in answer
    answer = body(await kk.upload("appendix.pdf", issued.appendix, "түпнұсқа файл"))
    assert answer.startswith(f"✅ Бұл — түпнұсқа файл: сертификатқа қосымша № {number}.")
    assert f"; ұйым: {issued.certificate.organization_name}." in answer
    assert f"Иесі: {HOLDER}" in answer

    # one byte changed: not ours, the number it claims and the registry's data, name masked
    answer = body(await ru.upload("certificate.pdf", changed_one_byte(issued.pdf), "не выдавался"))
    assert answer.startswith(
        "❌ Этот файл не выдавался нами или был изменён после выдачи. Не доверяйте ему."
    )
    assert "🔏 Электронная подпись нарушена" in answer
    assert f"В файле указан номер {number}. Данные реестра по этому номеру для сравнения:" in (
        answer
    )
    assert f"Владелец: {MASKED}" in answer and HOLDER not in answer
    assert "Объём: 72 академических часа" in answer

    # re-typeset with other hours: no signature of ours, the registry says 72
    settings = sandbox.services.settings
    certificate = issued.certificate
    assert certificate.valid_until is not None
    forged = render_certificate(
        CertificateDoc(
            number=number,
            holder_full_name=HOLDER,
            topic=certificate.topic,
            academic_hours=108,
            issued_on=certificate.issued_on,
            valid_until=certificate.valid_until,
            completed_on=certificate.issued_on,
            lang="ru",
            organization=organization_info(settings, "ru"),
            verification_url="https://t.me/biliktilik_sandbox_bot?start=v_x",
        )
    )
    answer = body(await kk.upload("certificate.pdf", forged, "біз бермегенбіз"))
    assert answer.startswith(
        "❌ Бұл файлды біз бермегенбіз немесе ол берілгеннен кейін өзгертілген."
    )
    assert "🔏 Файлда ұйымның электрондық қолтаңбасы жоқ." in answer
    assert f"Файлда {number} нөмірі көрсетілген." in answer
    assert "Көлемі: 72 академиялық сағат" in answer and "108" not in answer
    assert f"Иесі: {MASKED}" in answer

    # a PDF with an unknown number, and a file that is no PDF
    unknown = render_certificate(
        replace(
            CertificateDoc(
                number=number.replace("-0000", "-9999"),
                holder_full_name=HOLDER,
                topic=certificate.topic,
                academic_hours=72,
                issued_on=certificate.issued_on,
                valid_until=certificate.valid_until,
                completed_on=certificate.issued_on,
                lang="ru",
                organization=organization_info(settings, "ru"),
                verification_url="https://t.me/biliktilik_sandbox_bot?start=v_x",
            )
        )
    )
    answer = body(await ru.upload("c.pdf", unknown, "не выдавался"))
    assert "но в реестре такого документа нет." in answer

    # revoked and reissued: the old file is still ours, revoked, replaced by the new number
    new = await revoke_and_reissue(sandbox, number)
    answer = body(await ru.upload(f"certificate-{number}.pdf", issued.pdf, "подлинный файл"))
    assert "⛔ Сертификат отозван" in answer
    assert f"Вместо него выдан сертификат № {new.certificate.number}." in answer
    answer = body(await kk.upload("new.pdf", new.pdf, "түпнұсқа файл"))
    assert "✅ Сертификат жарамды." in answer
    assert new.certificate.replaces_number == number
    # the holder got the new documents
    holder = Chat(client, HOLDER_TG)
    for word in ("Сертификат", "Приложение"):  # named in her language (Russian)
        await holder.expect(lambda m, w=word: file_name(m) == f"{w}-{new.certificate.number}.pdf")
