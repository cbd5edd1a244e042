"""Admin use-cases about roles, and the audit of refused admin attempts.

Admins are bootstrapped from ``ADMIN_IDS`` (``PersonMiddleware``); after that the database is
the single source of roles and admins grant and revoke the trainer and admin roles here.
Every change and every refused attempt goes to the audit log (who, what, when, before/after).
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from domain.model import AuditEntry, Person, Role
from domain.ports import UnitOfWork, UnitOfWorkFactory

MANAGED_ROLES = frozenset({Role.TRAINER, Role.ADMIN})


class RoleOutcome(enum.StrEnum):
    """What a grant/revoke did, or why it was refused (message-id suffixes)."""

    GRANTED = "granted"
    REVOKED = "revoked"
    ALREADY_HAS = "already-has"
    DOES_NOT_HAVE = "does-not-have"
    UNKNOWN_PERSON = "unknown-person"
    LAST_ADMIN = "last-admin"
    NOT_ALLOWED = "not-allowed"


def _roles(person: Person) -> list[str]:
    return sorted(str(role) for role in person.roles)


async def _actor_is_admin(uow: UnitOfWork, actor_id: int) -> bool:
    actor = await uow.people.get(actor_id)
    return actor is not None and Role.ADMIN in actor.roles


async def change_role(
    uows: UnitOfWorkFactory,
    actor_id: int,
    target_id: int,
    role: Role,
    grant: bool,
    now: datetime,
) -> tuple[RoleOutcome, Person | None]:
    """Grant or revoke ``role`` (trainer or admin) for ``target_id``.

    The actor's admin role is re-read inside the transaction (a button pressed after the actor
    lost the role changes nothing). The last admin cannot revoke the admin role (from
    themselves or anyone): the organization would lose its only way to administer the bot
    until someone edits ``ADMIN_IDS``.
    """
    async with uows() as uow:
        if role not in MANAGED_ROLES or not await _actor_is_admin(uow, actor_id):
            return RoleOutcome.NOT_ALLOWED, None
        target = await uow.people.get(target_id)
        if target is None:
            return RoleOutcome.UNKNOWN_PERSON, None
        if grant and role in target.roles:
            return RoleOutcome.ALREADY_HAS, target
        if not grant and role not in target.roles:
            return RoleOutcome.DOES_NOT_HAVE, target
        if not grant and role is Role.ADMIN:
            admins = await uow.people.list_by_role(Role.ADMIN)
            if len(admins) <= 1:
                return RoleOutcome.LAST_ADMIN, target
        before = {"roles": _roles(target)}
        if grant:
            target.roles.add(role)
        else:
            target.roles.discard(role)
        await uow.people.set_roles(target_id, target.roles)
        await uow.audit.record(
            AuditEntry(
                actor_id=actor_id,
                action="role.grant" if grant else "role.revoke",
                entity="person",
                entity_id=str(target_id),
                before=before,
                after={"roles": _roles(target)},
                at=now,
            )
        )
        await uow.commit()
    return (RoleOutcome.GRANTED if grant else RoleOutcome.REVOKED), target


async def find_person(
    uows: UnitOfWorkFactory, *, telegram_id: int | None = None, username: str | None = None
) -> Person | None:
    """Someone who has started the bot, by Telegram id (forward, contact) or @username."""
    async with uows(read_only=True) as uow:
        if telegram_id is not None:
            return await uow.people.get_by_telegram_id(telegram_id)
        if username:
            return await uow.people.get_by_username(username.lstrip("@"))
    return None


async def people_with_role(uows: UnitOfWorkFactory, role: Role) -> list[Person]:
    async with uows(read_only=True) as uow:
        return await uow.people.list_by_role(role)


async def record_refusal(
    uows: UnitOfWorkFactory,
    role: Role,
    person_id: int | None,
    reason: str,
    attempt: dict[str, Any],
    now: datetime,
) -> None:
    """Log an attempt refused at a role's gate (wrong role or a group chat): who tried what,
    and why. Action ``<role>.refused``, entity ``<role>``, entity id the reason."""
    async with uows() as uow:
        await uow.audit.record(
            AuditEntry(
                actor_id=person_id,
                action=f"{role.value}.refused",
                entity=role.value,
                entity_id=reason,
                before=None,
                after=attempt,
                at=now,
            )
        )
        await uow.commit()


async def record(uow: UnitOfWork, entry: AuditEntry) -> None:
    """Inside a caller's transaction: one audit row (kept here so every admin use-case logs
    the same shape)."""
    await uow.audit.record(entry)
