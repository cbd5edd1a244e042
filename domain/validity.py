"""§33: a certificate is valid for 3 years from completion and issue; verification status."""

from __future__ import annotations

import enum
from datetime import date

__all__ = ["VALIDITY_YEARS", "CertificateStatus", "certificate_status", "certificate_valid_until"]

VALIDITY_YEARS = 3


class CertificateStatus(enum.StrEnum):
    """What verification of a certificate number shows."""

    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_FOUND = "not_found"


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def certificate_valid_until(issued_on: date) -> date:
    """§33: "действующий в течение 3 (трех) лет со дня завершения курсов и даты выдачи".

    Reading: valid until the same calendar date three years after the issue date, that day
    included (so the certificate lasts three full years and one day is never lost).
    29 February → 28 February of the third year (we never extend past three years: 1 March
    would give one day more than the Rules allow). Example: 2024-02-29 → 2027-02-28."""
    return _add_years(issued_on, VALIDITY_YEARS)


def certificate_status(
    issued_on: date | None,
    valid_until: date | None,
    revoked_on: date | None,
    today: date,
) -> CertificateStatus:
    """Verification result (§33 QR check):

    - no issue date → NOT_FOUND (the number was never issued);
    - revoked on or before today → REVOKED; revocation beats validity;
    - ``valid_until`` missing → computed by ``certificate_valid_until``;
    - ``today <= valid_until`` → VALID (the valid-until day itself is still valid);
    - otherwise EXPIRED.
    A revocation dated in the future is not yet in force (still VALID until that day).
    A certificate whose issue date is in the future is NOT_FOUND (not issued yet)."""
    if issued_on is None or issued_on > today:
        return CertificateStatus.NOT_FOUND
    if revoked_on is not None and revoked_on <= today:
        return CertificateStatus.REVOKED
    until = valid_until if valid_until is not None else certificate_valid_until(issued_on)
    if today <= until:
        return CertificateStatus.VALID
    return CertificateStatus.EXPIRED
