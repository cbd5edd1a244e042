"""A read-only unit of work refuses to write, loudly, on every dialect.

The guard lives on the session class (listeners registered once, not per unit of work): a
session whose ``info`` says ``read_only`` raises :class:`ReadOnlyViolation` on an INSERT,
UPDATE or DELETE statement and on a flush that would write anything. It catches the mistake
where it is made instead of letting a deferred SQLite transaction try to upgrade to a write
one later (which is exactly what read-only units of work exist to avoid).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

READ_ONLY = "biliktilik_read_only"


class ReadOnlyViolation(RuntimeError):
    """Something tried to write through a unit of work opened with ``read_only=True``."""


class GuardedSession(Session):
    """The project's session: ``info[READ_ONLY]`` turns writes into :class:`ReadOnlyViolation`."""


def mark_read_only(session: Session) -> None:
    session.info[READ_ONLY] = True
    if not isinstance(session, GuardedSession):  # a session factory made elsewhere
        event.listen(session, "do_orm_execute", _refuse_write_statement)
        event.listen(session, "before_flush", _refuse_flush)


@event.listens_for(GuardedSession, "do_orm_execute")
def _refuse_write_statement(state: ORMExecuteState) -> None:
    if state.session.info.get(READ_ONLY) and (
        state.is_insert or state.is_update or state.is_delete
    ):
        raise ReadOnlyViolation(f"write in a read-only unit of work: {state.statement}")


@event.listens_for(GuardedSession, "before_flush")
def _refuse_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(READ_ONLY) and (session.new or session.dirty or session.deleted):
        raise ReadOnlyViolation("flush with changes in a read-only unit of work")
