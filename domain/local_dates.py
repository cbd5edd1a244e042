"""Dates of local events: the organization's calendar date of an instant.

Every date a person sees or a document prints — consent, agreement accepted on, check-in day,
final assessment, completion, revocation, the NOBD completion date, the end of post-course
support (§36), the §38 period — is the organization's local date (setting ``TIMEZONE``,
Asia/Almaty by default), never the UTC date of a stored datetime: between 00:00 and 05:00 in
Almaty the UTC date is still the day before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

__all__ = ["local_date"]


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of ``moment`` in ``tz``. A naive datetime is read as UTC (how the
    database hands back stored instants on SQLite)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).date()
