"""§28 scores imported from a spreadsheet: IIN, score, one column per module grade.

All or nothing: every row is checked against the course and the cohort's roster before
anything is stored; one wrong cell and nothing is imported. Each error names the spreadsheet
row, the column as the file spells it and a reason code (``results-import-reason-<code>``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from domain.iin import IinError, validate_iin
from domain.local_dates import local_date
from domain.model import (
    AuditEntry,
    Course,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    ModuleGrade,
)
from domain.ports import UnitOfWorkFactory
from domain.services.results import MAX_GRADE_LENGTH, check_score
from domain.spreadsheet_rows import RowError, find_columns, formula_errors

__all__ = ["SCORE_COLUMNS", "ScoreImport", "ScoreRow", "import_scores", "validate_score_rows"]

SCORE_COLUMNS: dict[str, tuple[str, ...]] = {
    "iin": ("iin", "иин", "жсн"),
    "score": ("score", "балл", "баллы", "балл итогового тестирования", "итоговый балл",
              "қорытынды балл", "балы", "балл саны", "жинаған балы", "жинаған балл"),
}  # fmt: skip

_SCORABLE = (EnrollmentStatus.ENROLLED, EnrollmentStatus.NOT_PASSED, EnrollmentStatus.COMPLETED)


@dataclass(frozen=True)
class ScoreRow:
    row: int
    enrollment_id: int
    score: int
    grades: dict[int, str]


@dataclass
class ScoreImport:
    rows: list[ScoreRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _norm(text: str) -> str:
    return re.sub(r"[\s_.,()№-]+", " ", text.strip().lower()).strip()


def module_columns(headers: Sequence[str], course: Course) -> tuple[dict[int, str], list[str]]:
    """A module's column is headed by its kk or ru name, or by "модуль N" / "N модуль" /
    "module N" (N = its place in the programme, from 1). Returns module id → header and the
    names of modules without a column."""
    by_header = {_norm(h): h for h in headers}
    found: dict[int, str] = {}
    missing: list[str] = []
    for number, module in enumerate(course.modules, start=1):
        assert module.id is not None
        spellings = {
            _norm(module.name_kk),
            _norm(module.name_ru),
            f"модуль {number}",
            f"{number} модуль",
            f"module {number}",
            f"m{number}",
        }
        header = next((by_header[s] for s in spellings if s in by_header), None)
        if header is None:
            missing.append(module.name_ru)
        else:
            found[module.id] = header
    return found, missing


def _parse_score(raw: str) -> int | None:
    text = raw.strip().replace(",", ".")
    if text.endswith(".0"):
        text = text[:-2]
    return int(text) if text.isdigit() else None


def validate_score_rows(
    headers: Sequence[str],
    rows: Sequence[tuple[int, Mapping[str, str]]],
    course: Course,
    roster: Mapping[str, Enrollment],
    known_iins: set[str],
) -> ScoreImport:
    """Check every row. ``roster`` maps the IINs of the cohort's listeners to their
    enrollments; ``known_iins`` are IINs of people the bot knows (to tell "unknown IIN" from
    "not enrolled in this cohort"). A score must be a whole number 0..max (§28)."""
    result = ScoreImport()
    columns, missing = find_columns(headers, SCORE_COLUMNS)
    modules, missing_modules = module_columns(headers, course)
    if missing or missing_modules:
        result.errors = [RowError(1, name, "missing-column") for name in missing + missing_modules]
        return result
    result.errors.extend(formula_errors(rows))
    bad_rows = {e.row for e in result.errors}
    seen: dict[str, int] = {}
    for number, cells in rows:
        if number in bad_rows:
            continue
        errors: list[RowError] = []
        iin_header, score_header = columns["iin"], columns["score"]
        iin = re.sub(r"\s+", "", cells.get(iin_header, ""))
        enrollment = None
        if not iin:
            errors.append(RowError(number, iin_header, "required"))
        else:
            try:
                validate_iin(iin)
            except IinError:
                errors.append(RowError(number, iin_header, "iin", iin))
            else:
                enrollment = roster.get(iin)
                if iin in seen:
                    errors.append(RowError(number, iin_header, "duplicate", iin, seen[iin]))
                elif enrollment is None:
                    reason = "not-enrolled" if iin in known_iins else "unknown-iin"
                    errors.append(RowError(number, iin_header, reason, iin))
                elif enrollment.status not in _SCORABLE:
                    errors.append(RowError(number, iin_header, "not-active", iin))
                seen.setdefault(iin, number)
        raw_score = cells.get(score_header, "").strip()
        score = _parse_score(raw_score) if raw_score else None
        if not raw_score:
            errors.append(RowError(number, score_header, "required"))
        elif score is None or not check_score(score, course.max_score):
            errors.append(RowError(number, score_header, "score-range", raw_score))
        grades: dict[int, str] = {}
        for module_id, header in modules.items():
            grade = cells.get(header, "").strip()
            if not grade:
                errors.append(RowError(number, header, "required"))
            elif len(grade) > MAX_GRADE_LENGTH:
                errors.append(RowError(number, header, "too-long", grade[:20] + "…"))
            grades[module_id] = grade
        if errors:
            result.errors.extend(errors)
            continue
        assert enrollment is not None and enrollment.id is not None and score is not None
        result.rows.append(ScoreRow(number, enrollment.id, score, grades))
    result.errors.sort(key=lambda e: e.row)
    return result


async def import_scores(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    headers: Sequence[str],
    rows: Sequence[tuple[int, Mapping[str, str]]],
    now: datetime,
    *,
    tz: tzinfo,
) -> ScoreImport | None:
    """Validate the whole file, then store every score in one transaction (or none).
    ``None`` for an unknown cohort. One audit entry per imported score."""
    async with uows() as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return None
        enrollments = await uow.enrollments.for_cohort(cohort_id)
        people = await uow.people.get_many([e.person_id for e in enrollments])
        iin_of = {p.id: p.iin for p in people if p.iin}
        roster = {iin_of[e.person_id]: e for e in enrollments if e.person_id in iin_of}
        known: set[str] = set(roster)
        iin_header = find_columns(headers, SCORE_COLUMNS)[0].get("iin")
        for _, cells in rows if iin_header else ():  # only IINs outside the roster
            candidate = re.sub(r"\s+", "", cells.get(iin_header or "", ""))
            if (
                len(candidate) == 12
                and candidate.isdigit()
                and candidate not in known
                and await uow.people.get_by_iin(candidate) is not None
            ):
                known.add(candidate)
        result = validate_score_rows(headers, rows, course, roster, known)
        if not result.ok:
            return result
        today = local_date(now, tz)  # the assessment day is the organization's date
        for row in result.rows:
            previous = await uow.assessments.latest(row.enrollment_id)
            await uow.assessments.add(
                FinalAssessment(
                    enrollment_id=row.enrollment_id,
                    score=row.score,
                    max_score=course.max_score,
                    assessed_on=today,
                    module_grades=[ModuleGrade(m, g) for m, g in sorted(row.grades.items())],
                )
            )
            await uow.audit.record(
                AuditEntry(
                    actor_id,
                    "assessment.import",
                    "enrollment",
                    str(row.enrollment_id),
                    {"score": previous.score} if previous else None,
                    {"score": row.score, "max_score": course.max_score, "row": row.row},
                    now,
                )
            )
        await uow.commit()
    return result
