"""Issue 17: the number a sent file claims; the web page's signed QR link (PUBLIC_URL)."""

from __future__ import annotations

from domain.certificate_numbers import (
    parse_certificate_number,
    sign_certificate_number,
    verification_url,
    web_verification_url,
)
from domain.services.certificates import IssuingOptions
from domain.services.file_verification import claimed_number

SECRET = b"s" * 32


def test_the_claimed_number_is_the_first_printed_registration_number() -> None:
    assert claimed_number("СЕРТИФИКАТ\nТіркеу нөмірі: ORL-2026-000123\n") == "ORL-2026-000123"
    # a Cyrillic word before the number does not become part of its prefix
    assert claimed_number("НОМЕР BLK-2026-000001") == "BLK-2026-000001"
    assert claimed_number("Рег. № BLK - 2026 - 000042, выдан") == "BLK-2026-000042"
    assert claimed_number("Приложение к сертификату № ORL-2026-000007") == "ORL-2026-000007"
    assert claimed_number("72 академических часа, 2026-11-23") is None
    assert claimed_number("ORL-2026-0001234") is None  # seven digits: not our number
    assert claimed_number("") is None


def test_qr_codes_open_the_web_page_only_when_public_url_is_set() -> None:
    number = parse_certificate_number("ORL-2026-000123")
    assert number is not None
    signature = sign_certificate_number(number, SECRET)
    options = IssuingOptions("ORL", SECRET, "orleu_bot", {})
    assert options.qr_url(number) == verification_url("orleu_bot", number, SECRET)
    assert options.qr_url(number).startswith("https://t.me/orleu_bot?start=v_ORL-2026-000123_")
    on_web = IssuingOptions("ORL", SECRET, "orleu_bot", {}, public_url="https://verify.kz/")
    assert on_web.qr_url(number) == f"https://verify.kz/v/ORL-2026-000123?s={signature}"
    assert web_verification_url("https://verify.kz", number, SECRET) == on_web.qr_url(number)
