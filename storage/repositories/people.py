"""People (with roles) and schools."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from domain.model import Lang, Person, Role, School
from domain.ports import DuplicatePerson
from storage.models import PersonRoleRow, PersonRow, SchoolRow
from storage.repositories.base import Repository, violated

_FIELDS = (
    "telegram_id", "first_name", "username", "full_name", "iin", "phone", "position",
    "school_id", "school_name", "employer_contact", "consent_version", "consent_at",
    "unreachable_since", "deletion_requested_at",
)  # fmt: skip


#: IN-lists and multi-row inserts are split so no statement exceeds the drivers' limits.
BULK_CHUNK = 500


def to_person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        telegram_id=row.telegram_id,
        language=cast(Lang | None, row.language),
        first_name=row.first_name,
        username=row.username,
        full_name=row.full_name,
        iin=row.iin,
        phone=row.phone,
        position=row.position,
        school_id=row.school_id,
        school_name=row.school_name,
        employer_contact=row.employer_contact,
        roles={Role(r.role) for r in row.roles},
        consent_version=row.consent_version,
        consent_at=row.consent_at,
        unreachable_since=row.unreachable_since,
        deletion_requested_at=row.deletion_requested_at,
        created_at=row.created_at,
    )


def _duplicate(error: IntegrityError) -> DuplicatePerson:
    for field in ("telegram_id", "iin"):
        if violated(error, "people", field):
            return DuplicatePerson(field)
    raise error


#: Built once (see ``storage.repositories.enrollments._FOR_PERSON``).
_BY_TELEGRAM_ID = (
    select(PersonRow)
    .where(PersonRow.telegram_id == bindparam("telegram_id"))
    .order_by(PersonRow.id)
    .limit(1)
    .options(joinedload(PersonRow.roles))
)


class PeopleRepository(Repository):
    async def get(self, person_id: int) -> Person | None:
        row = await self.session.get(PersonRow, person_id)
        return to_person(row) if row else None

    async def _one(self, *criteria: object) -> Person | None:
        """The first person matching, roles joined in: one statement."""
        rows = await self.session.scalars(
            select(PersonRow)
            .where(*criteria)  # type: ignore[arg-type]
            .order_by(PersonRow.id)
            .limit(1)
            .options(joinedload(PersonRow.roles))
        )
        row = rows.unique().first()
        return to_person(row) if row else None

    async def get_by_telegram_id(self, telegram_id: int) -> Person | None:
        """The look-up behind every update: a statement built once, roles joined in."""
        rows = await self.session.scalars(_BY_TELEGRAM_ID, {"telegram_id": telegram_id})
        row = rows.unique().first()
        return to_person(row) if row else None

    async def get_by_iin(self, iin: str) -> Person | None:
        return await self._one(PersonRow.iin == iin)

    async def get_by_phone(self, phone: str) -> Person | None:
        """The earliest registered person with this phone (phones are not unique)."""
        return await self._one(PersonRow.phone == phone)

    async def get_by_username(self, username: str) -> Person | None:
        """Someone who has started the bot, by Telegram @username (case-insensitive)."""
        return await self._one(func.lower(PersonRow.username) == username.lower())

    async def get_many(self, ids: Iterable[int]) -> list[Person]:
        rows = await self.session.scalars(
            select(PersonRow).where(PersonRow.id.in_(list(ids))).order_by(PersonRow.id)
        )
        return [to_person(row) for row in rows]

    async def get_many_by_iin(self, iins: Iterable[str]) -> dict[str, Person]:
        """People by IIN, for matching a whole imported list in a few queries."""
        wanted = list(dict.fromkeys(iins))
        found: dict[str, Person] = {}
        for start in range(0, len(wanted), BULK_CHUNK):
            rows = await self.session.scalars(
                select(PersonRow).where(PersonRow.iin.in_(wanted[start : start + BULK_CHUNK]))
            )
            found.update({row.iin: to_person(row) for row in rows if row.iin})
        return found

    async def add_many(self, people: list[Person]) -> list[Person]:
        """Insert many new people with IINs in bulk (an imported list); sets each ``id``.

        A plain multi-row insert, then the ids read back by IIN: RETURNING in parameter order
        makes SQLAlchemy fall back to one statement per row on SQLite. Raises
        ``DuplicatePerson`` if a Telegram id or IIN is already taken.
        """
        if any(not person.iin for person in people):
            raise ValueError("bulk-added people are matched back by IIN: every one needs it")
        now = datetime.now(UTC)
        values = [
            {"language": p.language, "created_at": p.created_at or now}
            | {name: getattr(p, name) for name in _FIELDS}
            for p in people
        ]
        try:
            async with self.savepoint():
                for start in range(0, len(values), BULK_CHUNK):
                    chunk = values[start : start + BULK_CHUNK]
                    await self.session.execute(insert(PersonRow), chunk)
        except IntegrityError as error:
            raise _duplicate(error) from error
        ids: dict[str, int] = {}
        wanted = [p.iin for p in people if p.iin]
        for start in range(0, len(wanted), BULK_CHUNK):
            rows = await self.session.execute(
                select(PersonRow.iin, PersonRow.id).where(
                    PersonRow.iin.in_(wanted[start : start + BULK_CHUNK])
                )
            )
            ids.update({iin: person_id for iin, person_id in rows.all() if iin is not None})
        for person in people:
            person.id = ids[person.iin or ""]
        roles = [{"person_id": p.id, "role": str(role)} for p in people for role in p.roles]
        for start in range(0, len(roles), BULK_CHUNK):
            await self.session.execute(insert(PersonRoleRow), roles[start : start + BULK_CHUNK])
        return people

    async def add(self, person: Person) -> Person:
        """Insert ``person``; sets ``person.id`` (and ``created_at`` if missing) and returns it.

        Raises ``DuplicatePerson`` if the Telegram id or IIN is already taken.
        """
        if person.created_at is None:
            person.created_at = datetime.now(UTC)
        row = PersonRow(language=person.language, created_at=person.created_at)
        for name in _FIELDS:
            setattr(row, name, getattr(person, name))
        row.roles = [PersonRoleRow(role=str(role)) for role in sorted(person.roles)]
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            raise _duplicate(error) from error
        person.id = row.id
        return person

    async def update(self, person: Person) -> Person:
        """Write every field of ``person`` (roles included). Raises ``LookupError`` if absent."""
        if person.id is None:
            raise ValueError("person has no id")
        row = await self.session.get(PersonRow, person.id)
        if row is None:
            raise LookupError(person.id)
        try:
            async with self.savepoint():
                row.language = person.language
                for name in _FIELDS:
                    setattr(row, name, getattr(person, name))
                self._sync_roles(row, person.roles)
        except IntegrityError as error:
            raise _duplicate(error) from error
        return person

    @staticmethod
    def _sync_roles(row: PersonRow, roles: Iterable[Role]) -> None:
        wanted = {str(role) for role in roles}
        row.roles = [r for r in row.roles if r.role in wanted] + [
            PersonRoleRow(role=role) for role in sorted(wanted - {r.role for r in row.roles})
        ]

    async def set_roles(self, person_id: int, roles: Iterable[Role]) -> None:
        row = await self.session.get(PersonRow, person_id)
        if row is None:
            raise LookupError(person_id)
        self._sync_roles(row, roles)
        await self.session.flush()

    async def list_by_role(self, role: Role) -> list[Person]:
        rows = await self.session.scalars(
            select(PersonRow)
            .join(PersonRoleRow, PersonRoleRow.person_id == PersonRow.id)
            .where(PersonRoleRow.role == str(role))
            .order_by(PersonRow.id)
        )
        return [to_person(row) for row in rows]

    async def mark_unreachable(self, telegram_id: int, at: datetime) -> bool:
        """The person blocked the bot; keeps the first time it was noticed. True if found."""
        result = await self.session.execute(
            update(PersonRow)
            .where(PersonRow.telegram_id == telegram_id)
            .values(unreachable_since=at)
            .where(PersonRow.unreachable_since.is_(None))
        )
        if result.rowcount:  # type: ignore[attr-defined]
            return True
        return await self.get_by_telegram_id(telegram_id) is not None

    async def unreachable(self, offset: int, limit: int) -> list[Person]:
        """People who blocked the bot, the most recent first."""
        rows = await self.session.scalars(
            select(PersonRow)
            .where(PersonRow.unreachable_since.is_not(None))
            .order_by(PersonRow.unreachable_since.desc(), PersonRow.id)
            .offset(offset)
            .limit(limit)
        )
        return [to_person(row) for row in rows]

    async def count_unreachable(self) -> int:
        return int(
            await self.session.scalar(
                select(func.count(PersonRow.id)).where(PersonRow.unreachable_since.is_not(None))
            )
            or 0
        )

    async def delete(self, person_id: int) -> bool:
        """Remove a person with no history (a chat record merged into an imported teacher);
        flushed at once so its unique Telegram id and IIN are free. True if it existed."""
        row = await self.session.get(PersonRow, person_id)
        if row is None:
            return False
        await self.session.delete(row)
        await self.session.flush()
        return True

    async def claim_deletion_request(self, person_id: int) -> bool:
        """Take the person's deletion request off the queue; True for the one caller that did.

        One conditional ``UPDATE``: of two admins deciding at once, the second waits for the
        first's row lock (PostgreSQL) or write lock (SQLite), then matches no row."""
        result = await self.session.execute(
            update(PersonRow)
            .where(PersonRow.id == person_id, PersonRow.deletion_requested_at.is_not(None))
            .values(deletion_requested_at=None)
            .execution_options(synchronize_session=False)
        )
        return bool(cast(Any, result).rowcount)

    async def deletion_requested(self) -> list[Person]:
        """People who asked to delete their data (personal data law), earliest request first."""
        rows = await self.session.scalars(
            select(PersonRow)
            .where(PersonRow.deletion_requested_at.is_not(None))
            .order_by(PersonRow.deletion_requested_at, PersonRow.id)
        )
        return [to_person(row) for row in rows]


def to_school(row: SchoolRow) -> School:
    return School(
        id=row.id,
        name=row.name,
        head_name=row.head_name,
        region=row.region,
        employer_contact=row.employer_contact,
    )


class SchoolsRepository(Repository):
    async def get(self, school_id: int) -> School | None:
        row = await self.session.get(SchoolRow, school_id)
        return to_school(row) if row else None

    async def add(self, school: School) -> School:
        row = SchoolRow(
            name=school.name,
            head_name=school.head_name,
            region=school.region,
            employer_contact=school.employer_contact,
        )
        self.session.add(row)
        await self.session.flush()
        school.id = row.id
        return school

    async def update(self, school: School) -> School:
        row = await self.session.get(SchoolRow, school.id)
        if row is None:
            raise LookupError(school.id)
        row.name = school.name
        row.head_name = school.head_name
        row.region = school.region
        row.employer_contact = school.employer_contact
        await self.session.flush()
        return school

    async def find_by_name(self, name: str) -> School | None:
        rows = await self.session.scalars(
            select(SchoolRow).where(SchoolRow.name == name).order_by(SchoolRow.id).limit(1)
        )
        row = rows.first()
        return to_school(row) if row else None

    async def list_all(self) -> list[School]:
        rows = await self.session.scalars(select(SchoolRow).order_by(SchoolRow.name, SchoolRow.id))
        return [to_school(row) for row in rows]
