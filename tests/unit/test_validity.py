from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from domain.validity import CertificateStatus, certificate_status, certificate_valid_until


def test_valid_for_three_years_to_the_same_date() -> None:
    assert certificate_valid_until(date(2026, 6, 15)) == date(2029, 6, 15)


def test_leap_day_issue_ends_on_28_february() -> None:
    assert certificate_valid_until(date(2024, 2, 29)) == date(2027, 2, 28)


def test_issue_on_28_february_before_a_leap_year() -> None:
    assert certificate_valid_until(date(2025, 2, 28)) == date(2028, 2, 28)


ISSUED = date(2026, 6, 15)
UNTIL = date(2029, 6, 15)


def test_valid_on_the_valid_until_day() -> None:
    assert certificate_status(ISSUED, UNTIL, None, UNTIL) is CertificateStatus.VALID


def test_expired_the_day_after_valid_until() -> None:
    assert certificate_status(ISSUED, UNTIL, None, date(2029, 6, 16)) is CertificateStatus.EXPIRED


def test_valid_on_the_issue_day() -> None:
    assert certificate_status(ISSUED, UNTIL, None, ISSUED) is CertificateStatus.VALID


def test_revoked_beats_valid() -> None:
    assert certificate_status(ISSUED, UNTIL, date(2027, 1, 1), date(2027, 1, 1)) is (
        CertificateStatus.REVOKED
    )


def test_revoked_beats_expired() -> None:
    assert certificate_status(ISSUED, UNTIL, date(2027, 1, 1), date(2030, 1, 1)) is (
        CertificateStatus.REVOKED
    )


def test_future_revocation_is_not_yet_in_force() -> None:
    assert certificate_status(ISSUED, UNTIL, date(2027, 1, 2), date(2027, 1, 1)) is (
        CertificateStatus.VALID
    )


def test_never_issued_is_not_found() -> None:
    assert certificate_status(None, None, None, ISSUED) is CertificateStatus.NOT_FOUND


def test_issue_date_in_the_future_is_not_found() -> None:
    assert certificate_status(ISSUED, UNTIL, None, date(2026, 6, 14)) is CertificateStatus.NOT_FOUND


def test_missing_valid_until_is_computed() -> None:
    assert certificate_status(ISSUED, None, None, UNTIL) is CertificateStatus.VALID
    assert certificate_status(ISSUED, None, None, date(2029, 6, 16)) is CertificateStatus.EXPIRED


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_validity_is_never_longer_than_three_years(issued: date) -> None:
    until = certificate_valid_until(issued)
    assert until.year == issued.year + 3
    assert (until - issued).days in (1095, 1096)
    assert certificate_status(issued, until, None, until) is CertificateStatus.VALID


def test_three_years_from_completion_when_issued_later() -> None:
    """§33 reading (domain.validity): valid from the issue date through three years after
    the completion of the courses — both days count, so the earlier one bounds the term."""
    completed, issued = date(2026, 11, 20), date(2026, 11, 27)
    assert certificate_valid_until(completed, issued) == date(2029, 11, 20)
    assert certificate_valid_until(completed, completed) == date(2029, 11, 20)
    assert certificate_valid_until(date(2024, 2, 29), date(2024, 3, 4)) == date(2027, 2, 28)
    until = certificate_valid_until(completed, issued)
    assert certificate_status(issued, until, None, date(2026, 11, 26)) is (
        CertificateStatus.NOT_FOUND  # not issued yet
    )
    assert certificate_status(issued, until, None, until) is CertificateStatus.VALID
    assert certificate_status(issued, until, None, date(2029, 11, 21)) is (
        CertificateStatus.EXPIRED
    )


@given(st.dates(date(2001, 1, 1), date(2090, 12, 31)), st.integers(0, 400))
def test_a_late_issue_never_extends_the_term(completed: date, delay: int) -> None:
    from datetime import timedelta

    issued = completed + timedelta(days=delay)
    assert certificate_valid_until(completed, issued) == certificate_valid_until(completed)


def test_the_sample_uses_the_same_rule() -> None:
    from bot.documents.samples import sample_certificate

    doc = sample_certificate("ru")
    assert doc.valid_until == certificate_valid_until(doc.completed_on, doc.issued_on)
