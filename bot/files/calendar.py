"""A cohort's schedule as an .ics calendar.

Times are stored in UTC; people read them in the organization's time zone (``TIMEZONE``),
formatted per locale by ``bot.ui.formatting.format_when``. The calendar carries UTC times
(``DTSTART:...Z``), which every phone calendar converts to its own zone, so no VTIMEZONE block
is needed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from domain.model import Cohort, Course, Lang, TrainingSession

ICS_MIME = "text/calendar"


def ics_file_name(cohort: Cohort, word: str = "schedule") -> str:
    """``Кесте-ФГ-2026-01.ics`` / ``Расписание-ФГ-2026-01.ics``: ``word`` in the reader's
    language, then the cohort's code (letters and digits kept, the rest "-")."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in cohort.code).strip("-")
    return f"{word}-{safe or cohort.id}.ics"


def cohort_calendar(
    cohort: Cohort,
    course: Course,
    sessions: list[TrainingSession],
    lang: Lang,
    organization: str,
    stamp: datetime,
) -> bytes:
    """One VEVENT per session (UID stable per session, so re-importing updates instead of
    duplicating), summary = course topic (and the session's topic), location = room or link."""
    from icalendar import Calendar, Event  # only for the .ics file; the bot needs the times

    calendar = Calendar()
    calendar.add("prodid", "-//Biliktilik//schedule//" + lang.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{course.topic(lang)} — {cohort.code}")
    for session in sessions:
        event = Event()
        event.add("uid", f"session-{session.id}@biliktilik")
        event.add("dtstamp", stamp.astimezone(UTC))
        event.add("dtstart", session.starts_at.astimezone(UTC))
        event.add("dtend", session.ends_at.astimezone(UTC))
        summary = course.topic(lang)
        if session.topic:
            summary = f"{summary}: {session.topic}"
        event.add("summary", summary)
        if session.place:
            event.add("location", session.place)
            if session.place.startswith(("http://", "https://")):
                event.add("url", session.place)
        event.add("description", f"{organization}\n{cohort.code}")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
