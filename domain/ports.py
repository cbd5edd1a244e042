"""What the domain needs from storage: repository and unit-of-work protocols, storage errors.

Use-cases are typed against these protocols; ``storage`` implements them with SQLAlchemy.
Repositories return domain objects and never commit: ``async with uow: ...; await uow.commit()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.model import Lang, Person, Role, School

# --- errors ---------------------------------------------------------------------------------


class StorageConflict(Exception):
    """A uniqueness rule of the stored data was violated; the transaction is still usable."""


class DuplicatePerson(StorageConflict):
    """Another person already has this Telegram id or IIN (``field`` says which)."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field


class AlreadyCheckedIn(StorageConflict):
    """The listener's attendance for this session is already recorded."""


class AlreadyEnrolled(StorageConflict):
    """The person already has an enrollment in this cohort."""


class DuplicateNumber(StorageConflict):
    """A registration or order number is already used."""


# --- stored files ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentFile:
    """A rendered PDF frozen at issue: re-sent byte for byte, never re-rendered."""

    owner_kind: str
    owner_id: int
    kind: str
    lang: Lang
    sha256: str
    content: bytes
    created_at: datetime
    file_name: str = ""
    certificate_id: int | None = None
    id: int | None = None


# --- repositories ---------------------------------------------------------------------------


class PeopleRepository(Protocol):
    async def get(self, person_id: int) -> Person | None: ...
    async def get_by_telegram_id(self, telegram_id: int) -> Person | None: ...
    async def get_by_iin(self, iin: str) -> Person | None: ...
    async def get_by_phone(self, phone: str) -> Person | None: ...
    async def get_many(self, ids: Iterable[int]) -> list[Person]: ...
    async def add(self, person: Person) -> Person: ...
    async def update(self, person: Person) -> Person: ...
    async def set_roles(self, person_id: int, roles: Iterable[Role]) -> None: ...
    async def list_by_role(self, role: Role) -> list[Person]: ...
    async def mark_unreachable(self, telegram_id: int, at: datetime) -> bool: ...


class SchoolsRepository(Protocol):
    async def get(self, school_id: int) -> School | None: ...
    async def add(self, school: School) -> School: ...
    async def update(self, school: School) -> School: ...
    async def find_by_name(self, name: str) -> School | None: ...
    async def list_all(self) -> list[School]: ...


# --- unit of work ---------------------------------------------------------------------------


class UnitOfWork(Protocol):
    people: PeopleRepository
    schools: SchoolsRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...
