"""Courses with their modules (§23 kind and hours, programme modules)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select

from domain.model import Course, CourseFormat, CourseKind, CourseModule, Lang
from storage.models import CourseModuleRow, CourseRow
from storage.repositories.base import Repository


def to_module(row: CourseModuleRow) -> CourseModule:
    return CourseModule(
        id=row.id,
        name_kk=row.name_kk,
        name_ru=row.name_ru,
        hours=row.hours,
        position=row.position,
    )


def to_course(row: CourseRow) -> Course:
    return Course(
        id=row.id,
        topic_kk=row.topic_kk,
        topic_ru=row.topic_ru,
        kind=CourseKind(row.kind),
        format=CourseFormat(row.format),
        hours=row.hours,
        max_score=row.max_score,
        languages=tuple(cast(Lang, lang) for lang in row.languages.split(",") if lang),
        distance=row.distance,
        duration_days=row.duration_days,
        grading_scale=row.grading_scale or "pass_fail",
        modules=[to_module(m) for m in row.modules],
    )


def _write(row: CourseRow, course: Course) -> None:
    row.topic_kk = course.topic_kk
    row.topic_ru = course.topic_ru
    row.kind = str(course.kind)
    row.format = str(course.format)
    row.hours = course.hours
    row.max_score = course.max_score
    row.languages = ",".join(course.languages)
    row.distance = course.distance
    row.duration_days = course.duration_days
    row.grading_scale = course.grading_scale


class CoursesRepository(Repository):
    async def get(self, course_id: int) -> Course | None:
        row = await self.session.get(CourseRow, course_id)
        return to_course(row) if row else None

    async def list_all(self) -> list[Course]:
        rows = await self.session.scalars(select(CourseRow).order_by(CourseRow.id))
        return [to_course(row) for row in rows]

    async def find_by_topic(self, topic: str) -> Course | None:
        """The first course whose Kazakh or Russian topic is exactly ``topic``."""
        row = await self.session.scalar(
            select(CourseRow)
            .where((CourseRow.topic_kk == topic) | (CourseRow.topic_ru == topic))
            .order_by(CourseRow.id)
            .limit(1)
        )
        return to_course(row) if row else None

    async def add(self, course: Course) -> Course:
        """Insert the course and its modules; sets ids on the course and every module."""
        row = CourseRow()
        _write(row, course)
        module_rows = []
        for index, module in enumerate(course.modules):
            module_rows.append(
                CourseModuleRow(
                    name_kk=module.name_kk,
                    name_ru=module.name_ru,
                    hours=module.hours,
                    position=module.position or index,
                )
            )
        row.modules = module_rows
        self.session.add(row)
        await self.session.flush()
        course.id = row.id
        for module, module_row in zip(course.modules, module_rows, strict=True):
            module.id = module_row.id
            module.position = module_row.position
        return course

    async def update(self, course: Course) -> Course:
        """Write the course; modules are matched by id (new ones added, missing ones removed)."""
        row = await self.session.get(CourseRow, course.id)
        if row is None:
            raise LookupError(course.id)
        _write(row, course)
        existing = {m.id: m for m in row.modules}
        kept: list[CourseModuleRow] = []
        for index, module in enumerate(course.modules):
            module_row = existing.get(module.id) if module.id is not None else None
            if module_row is None:
                module_row = CourseModuleRow()
            module_row.name_kk = module.name_kk
            module_row.name_ru = module.name_ru
            module_row.hours = module.hours
            module_row.position = module.position or index
            kept.append(module_row)
        row.modules = kept
        await self.session.flush()
        for module, module_row in zip(course.modules, kept, strict=True):
            module.id = module_row.id
        return course
