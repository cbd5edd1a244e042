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
    LISTENING_REFERENCE = "reference"  # §31: the number is a listening reference's


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def certificate_valid_until(completed_on: date, issued_on: date | None = None) -> date:
    """§33: "Руководитель Организации ... подписывает сертификат, действующий в течение 3 (трех)
    лет со дня завершения курсов и даты выдачи сертификата".

    The one rule used everywhere (the registry row, the PDF, the ``render`` sample, the
    verification answer). Reading: the sentence names two starting days joined by "и", and a
    certificate must satisfy both — it is in force three years from the completion of the
    courses *and* three years from its issue. So it starts on the issue date (a document is not
    in force before it exists; ``certificate_status`` says NOT_FOUND before it) and ends three
    years after the *earlier* of the two days, which is the completion day (issue never
    precedes completion). Why not the issue date alone: a certificate issued late (the admin
    issued the cohort a week after the final assessment, or a §31 re-assessment result was
    entered later, or a certificate is reissued) would then certify the same course for longer
    than three years from the course; the competence is dated by the course.
    Both dates are printed on the certificate.

    The last day is the same calendar date three years on, that day included.
    29 February → 28 February of the third year (never past three years: 1 March would give
    one day more). Examples: completed 2026-11-20, issued 2026-11-27 → 2029-11-20;
    2024-02-29 → 2027-02-28."""
    start = completed_on if issued_on is None else min(completed_on, issued_on)
    return _add_years(start, VALIDITY_YEARS)


def certificate_status(
    issued_on: date | None,
    valid_until: date | None,
    revoked_on: date | None,
    today: date,
) -> CertificateStatus:
    """Verification result (§33 QR check):

    - no issue date → NOT_FOUND (the number was never issued);
    - revoked on or before today → REVOKED; revocation beats validity;
    - ``valid_until`` missing (an old row) → ``certificate_valid_until(issued_on)``;
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
