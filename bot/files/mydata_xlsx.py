"""/mydata as a workbook a person can read: the same data as the machine-readable JSON, one
sheet per part (profile, applications, courses, attendance, results, documents, requests,
consultations), headers in the reader's language."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

__all__ = ["FIELDS", "SHEETS", "render_my_data_xlsx"]

Translate = Callable[[str], str]

SHEETS = (
    "profile",
    "applications",
    "enrollments",
    "attendance",
    "results",
    "documents",
    "requests",
    "consultations",
)
FIELDS = (
    "full_name", "iin", "phone", "position", "school_name", "employer_contact", "language",
    "first_name", "username", "telegram_id", "consent_version", "consent_at",
    "deletion_requested_at", "created_at", "cohort", "kind", "addressed_to", "abroad_duration",
    "abroad_country", "abroad_language", "status", "reject_reason", "decided_at", "topic_kk",
    "topic_ru", "agreement_version", "agreement_lang", "agreement_accepted_at",
    "expelled_reason", "expulsion_order", "completed_on", "number", "topic", "academic_hours",
    "issued_on", "valid_until", "revoked_on", "documents_attached", "reason", "target_cohort_id",
    "decision_note", "question", "answer", "answered_at", "session_starts_at", "checked_in_at",
    "method", "module_grades", "score", "max_score", "assessed_on", "is_reassessment",
)  # fmt: skip


def _cell(value: Any) -> Any:
    """A value as a cell: lists of grades as one line; text that Excel would read as a
    formula (= + - @) kept as text."""
    if isinstance(value, list):
        value = "; ".join(
            f"{item.get('module_id')}: {item.get('grade')}" if isinstance(item, dict) else str(item)
            for item in value
        )
    if isinstance(value, bool) or value is None:
        return "" if value is None else ("✓" if value else "—")
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return " " + value
    return value


def _tables(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Each part as rows; attendance and results, nested in a course, get the course's code."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in SHEETS}
    tables["profile"] = [data.get("profile", {})]
    for name in ("applications", "documents", "requests", "consultations"):
        tables[name] = list(data.get(name, []))
    for enrollment in data.get("enrollments", []):
        flat = {k: v for k, v in enrollment.items() if k not in ("attendance", "results")}
        tables["enrollments"].append(flat)
        cohort = {"cohort": enrollment.get("cohort")}
        tables["attendance"] += [cohort | row for row in enrollment.get("attendance", [])]
        tables["results"] += [cohort | row for row in enrollment.get("results", [])]
    return tables


def render_my_data_xlsx(data: dict[str, Any], translate: Translate) -> bytes:
    """``translate(key)`` renders ``screens-mydata-…`` ids in the reader's language. The
    profile is a two-column sheet (field, value); every other part a table."""
    from openpyxl import Workbook  # imported when someone asks for their data
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    for name, rows in _tables(data).items():
        sheet = workbook.create_sheet(translate(f"screens-mydata-sheet-{name}")[:31])
        label = lambda field: translate("screens-mydata-" + field.replace("_", "-"))  # noqa: E731
        if name == "profile":
            for field, value in (rows[0] if rows else {}).items():
                sheet.append([label(field), _cell(value)])
                sheet.cell(sheet.max_row, 1).font = bold
            sheet.column_dimensions["A"].width = 36
            sheet.column_dimensions["B"].width = 48
            continue
        fields = list(dict.fromkeys(field for row in rows for field in row))
        if not rows:
            sheet.append([translate("screens-mydata-empty")])
            continue
        sheet.append([label(field) for field in fields])
        for cell in sheet[1]:
            cell.font = bold
        for row in rows:
            sheet.append([_cell(row.get(field)) for field in fields])
        for index in range(1, len(fields) + 1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
