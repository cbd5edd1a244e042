from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.certificate_numbers import (
    DEEP_LINK_MAX_LENGTH,
    CertificateNumber,
    deep_link_payload,
    parse_certificate_number,
    parse_deep_link_payload,
    sign_certificate_number,
    verification_url,
    verify_deep_link_payload,
    verify_signature,
)

SECRET = b"test-secret"
ORL = CertificateNumber("ORL", 2026, 123)

numbers = st.builds(
    CertificateNumber,
    prefix=st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=10),
    year=st.integers(min_value=2000, max_value=2099),
    serial=st.integers(min_value=1, max_value=999_999),
)


def test_format_is_prefix_year_six_digits() -> None:
    assert ORL.format() == "ORL-2026-000123"
    assert str(CertificateNumber("AB", 2000, 999_999)) == "AB-2000-999999"


@pytest.mark.parametrize(
    "text",
    [
        "ORL-2026-000123",
        "orl-2026-000123",
        "orl 2026 000123",
        "№ORL-2026-000123",
        "№ ORL-2026-000123",
        "# ORL-2026-000123",
        " ORL-2026-123 ",
        "ORL-2026-0123",
        "ORL2026000123",
        "ORL_2026_000123",
        "ORL.2026.000123",
        "ORL/2026/000123",
        "ORL – 2026 — 000123",
        "N ORL-2026-000123",
        "N. ORL-2026-000123",
        "No. orl 2026 000123",
        "Nr: ORL-2026-000123",
        "ОRL-2026-000123",  # Cyrillic О
        "\u00a0ORL-2026-000123\n",
    ],
)
def test_tolerant_forms_parse_to_the_same_number(text: str) -> None:
    assert parse_certificate_number(text) == ORL


def test_glued_n_is_part_of_the_prefix() -> None:
    assert parse_certificate_number("NORL-2026-1") == CertificateNumber("NORL", 2026, 1)


def test_prefix_no_is_not_taken_for_a_number_sign() -> None:
    assert parse_certificate_number("NO-2026-000001") == CertificateNumber("NO", 2026, 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "№",
        "hello",
        "ORL",
        "ORL-2026",
        "ORL-2026-",
        "O-2026-000123",  # 1-letter prefix
        "ABCDEFGHIJK-2026-000123",  # 11 letters
        "ORL-26-000123",  # 2-digit year
        "ORL-1999-000123",  # year out of range
        "ORL-2100-000123",
        "ORL-2026-0000123",  # 7 digits
        "ORL-2026-000000",  # serial 0
        "ORL-2026-12a",
        "2026-000123",
        "ÖRL-2026-000123",
        "ORL-2026-000123; DROP TABLE",
        "ORL-2026-000123" * 10,
    ],
)
def test_junk_is_rejected(text: str) -> None:
    assert parse_certificate_number(text) is None


@pytest.mark.parametrize(
    ("prefix", "year", "serial"),
    [("O", 2026, 1), ("orl", 2026, 1), ("ORL", 1999, 1), ("ORL", 2026, 0), ("ORL", 2026, 10**6)],
)
def test_invalid_numbers_cannot_be_built(prefix: str, year: int, serial: int) -> None:
    with pytest.raises(ValueError):
        CertificateNumber(prefix, year, serial)


@given(numbers)
def test_format_and_parse_round_trip(number: CertificateNumber) -> None:
    assert parse_certificate_number(number.format()) == number
    assert parse_certificate_number(number.format().lower().replace("-", " ")) == number


def test_signature_is_12_urlsafe_characters_and_deterministic() -> None:
    sig = sign_certificate_number(ORL, SECRET)
    assert re.fullmatch(r"[A-Z2-7]{12}", sig)
    assert sig == sign_certificate_number(ORL, SECRET)


def test_signature_depends_on_secret_and_number() -> None:
    sig = sign_certificate_number(ORL, SECRET)
    assert sig != sign_certificate_number(ORL, b"other")
    assert sig != sign_certificate_number(CertificateNumber("ORL", 2026, 124), SECRET)


def test_verify_signature_accepts_only_the_right_one() -> None:
    sig = sign_certificate_number(ORL, SECRET)
    assert verify_signature(ORL, sig, SECRET)
    assert not verify_signature(ORL, sig.lower(), SECRET)
    assert not verify_signature(ORL, sig[:-1], SECRET)
    assert not verify_signature(ORL, "", SECRET)
    assert not verify_signature(ORL, "ЖЖЖ", SECRET)
    assert not verify_signature(CertificateNumber("ORL", 2026, 124), sig, SECRET)


def test_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        sign_certificate_number(ORL, b"")


def test_deep_link_payload_shape() -> None:
    payload = deep_link_payload(ORL, SECRET)
    assert payload == f"v_ORL-2026-000123_{sign_certificate_number(ORL, SECRET)}"


@given(numbers, st.binary(min_size=1, max_size=64))
def test_deep_link_payload_fits_telegram_and_round_trips(
    number: CertificateNumber, secret: bytes
) -> None:
    payload = deep_link_payload(number, secret)
    assert len(payload) <= DEEP_LINK_MAX_LENGTH
    assert re.fullmatch(r"[A-Za-z0-9_-]+", payload)
    parsed = parse_deep_link_payload(payload)
    assert parsed is not None
    assert parsed.number == number
    assert verify_deep_link_payload(payload, secret) == number


def test_tampered_payload_does_not_verify() -> None:
    payload = deep_link_payload(ORL, SECRET)
    forged = payload.replace("000123", "000124")
    assert parse_deep_link_payload(forged) is not None
    assert verify_deep_link_payload(forged, SECRET) is None
    assert verify_deep_link_payload(payload, b"wrong") is None


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "v_",
        "start",
        "v_ORL-2026-000123",
        "v_ORL-2026-000123_",
        "v_orl-2026-000123_ABCDEFGHIJKL",
        "v_ORL-2026-123_ABCDEFGHIJKL",
        "v_ORL-2026-000123_ABCDEFGHIJK",
        "v_ORL-2026-000123_ABCDEFGHIJKLM",
        "x_ORL-2026-000123_ABCDEFGHIJKL",
        "v_ORL-2026-000000_ABCDEFGHIJKL",
    ],
)
def test_malformed_payloads_are_rejected(payload: str) -> None:
    assert parse_deep_link_payload(payload) is None


def test_verification_url() -> None:
    url = verification_url("@biliktilik_bot", ORL, SECRET)
    assert url == f"https://t.me/biliktilik_bot?start={deep_link_payload(ORL, SECRET)}"


@pytest.mark.parametrize("username", ["", "ab", "bad name", "bot/../x", "1bot_name"])
def test_verification_url_refuses_bad_usernames(username: str) -> None:
    with pytest.raises(ValueError):
        verification_url(username, ORL, SECRET)


def test_reference_numbers_are_their_own_series() -> None:
    """§31: ``<PREFIX>-<YEAR>-C<6 digits>``; typed with a Latin C or a Cyrillic С."""
    from domain.certificate_numbers import REFERENCE_SERIES, CertificateNumber

    reference = CertificateNumber("ORL", 2026, 7, REFERENCE_SERIES)
    assert reference.format() == "ORL-2026-C000007" and reference.is_reference
    for typed in ("ORL-2026-C000007", "orl 2026 c7", "ORL-2026-С7", "№ ORL2026C000007"):
        assert parse_certificate_number(typed) == reference, typed
    certificate = parse_certificate_number("ORL-2026-000007")
    assert certificate is not None and not certificate.is_reference
    assert certificate != reference
    for wrong in ("ORL-2026-D000007", "ORL-2026-CC7", "ORL-2026-C0000007", "ORL-2026-C0"):
        assert parse_certificate_number(wrong) is None, wrong


@given(st.integers(1, 999_999), st.sampled_from(["", "C"]), st.integers(2000, 2099))
def test_every_number_round_trips_through_text_and_the_deep_link(
    serial: int, series: str, year: int
) -> None:
    from domain.certificate_numbers import (
        CertificateNumber,
        deep_link_payload,
        verify_deep_link_payload,
    )

    number = CertificateNumber("ORL", year, serial, series)
    assert parse_certificate_number(number.format()) == number
    assert verify_deep_link_payload(deep_link_payload(number, b"s" * 32), b"s" * 32) == number
