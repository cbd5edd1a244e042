"""Admin use-cases: create and edit a course (§5 format, §23 kind and hours, App. 4 modules)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from domain.courses import (
    CourseFormat,
    CourseKind,
    validate_course_hours,
    validate_kind_and_format,
    validate_module_hours,
)
from domain.grading import scale_of
from domain.model import AuditEntry, Course, CourseModule, Lang, Role
from domain.ports import UnitOfWork, UnitOfWorkFactory

MAX_SCORE_LIMIT = 1000


class NotAllowedError(PermissionError):
    """The actor is not (or no longer) an admin."""


@dataclass(frozen=True)
class CourseDraft:
    """What the admin's form collected; plain values so the FSM can persist them as JSON."""

    topic_kk: str
    topic_ru: str
    kind: CourseKind
    format: CourseFormat
    distance: bool
    hours: int
    modules: list[tuple[str, str, int]]  # (name kk, name ru, hours)
    languages: tuple[Lang, ...]
    max_score: int
    duration_days: int | None = None
    grading_scale: str = "pass_fail"  # domain.grading: App. 4 module grades are chosen on it


def validate_draft(draft: CourseDraft) -> None:
    """§23 hours for the kind, App. 4 modules adding up to the hours; raises CourseHoursError.
    A max score must be positive (§24.4 measures the pass mark as 50 % of it)."""
    validate_kind_and_format(draft.kind, draft.format)
    validate_course_hours(draft.kind, draft.hours, draft.duration_days)
    validate_module_hours(draft.hours, [hours for _, _, hours in draft.modules])
    if not 1 <= draft.max_score <= MAX_SCORE_LIMIT:
        raise ValueError("max_score")


def course_snapshot(course: Course) -> dict[str, Any]:
    data = asdict(course)
    data["kind"] = str(course.kind)
    data["format"] = str(course.format)
    data["languages"] = list(course.languages)
    return data


def _apply(course: Course, draft: CourseDraft) -> None:
    course.topic_kk, course.topic_ru = draft.topic_kk, draft.topic_ru
    course.kind, course.format, course.distance = draft.kind, draft.format, draft.distance
    course.hours, course.max_score = draft.hours, draft.max_score
    course.languages, course.duration_days = draft.languages, draft.duration_days
    course.grading_scale = str(scale_of(draft.grading_scale))
    course.modules = [
        CourseModule(name_kk=kk, name_ru=ru, hours=hours, position=i)
        for i, (kk, ru, hours) in enumerate(draft.modules)
    ]


async def _require_admin(uow: UnitOfWork, actor_id: int) -> None:
    actor = await uow.people.get(actor_id)
    if actor is None or Role.ADMIN not in actor.roles:
        raise NotAllowedError(actor_id)


async def create_course(
    uows: UnitOfWorkFactory, actor_id: int, draft: CourseDraft, now: datetime
) -> Course:
    """Store a new course after checking §23 and App. 4 again (the form already did, but the
    use-case is the rule's last line of defence)."""
    validate_draft(draft)
    course = Course(
        topic_kk="",
        topic_ru="",
        kind=draft.kind,
        format=draft.format,
        hours=draft.hours,
        max_score=draft.max_score,
    )
    _apply(course, draft)
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        course = await uow.courses.add(course)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "course.create",
                "course",
                str(course.id),
                None,
                course_snapshot(course),
                now,
            )
        )
        await uow.commit()
    return course


async def update_course(
    uows: UnitOfWorkFactory, actor_id: int, course_id: int, draft: CourseDraft, now: datetime
) -> Course:
    """Replace a course's fields with the edited draft; audit keeps before and after."""
    validate_draft(draft)
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        course = await uow.courses.get(course_id)
        if course is None:
            raise LookupError(course_id)
        before = course_snapshot(course)
        _apply(course, draft)
        course = await uow.courses.update(course)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "course.update",
                "course",
                str(course_id),
                before,
                course_snapshot(course),
                now,
            )
        )
        await uow.commit()
    return course


def draft_of(course: Course) -> CourseDraft:
    return CourseDraft(
        topic_kk=course.topic_kk,
        topic_ru=course.topic_ru,
        kind=course.kind,
        format=course.format,
        distance=course.distance,
        hours=course.hours,
        modules=[(m.name_kk, m.name_ru, m.hours) for m in course.modules],
        languages=tuple(course.languages),
        max_score=course.max_score,
        duration_days=course.duration_days,
        grading_scale=course.grading_scale,
    )


async def list_courses(uows: UnitOfWorkFactory) -> list[Course]:
    async with uows(read_only=True) as uow:
        return await uow.courses.list_all()


async def get_course(uows: UnitOfWorkFactory, course_id: int) -> Course | None:
    async with uows(read_only=True) as uow:
        return await uow.courses.get(course_id)
