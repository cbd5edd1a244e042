"""Use-cases about a person's own settings, and facts about a person other use-cases share."""

from __future__ import annotations

from domain.model import LANGUAGES, Lang, Person
from domain.ports import UnitOfWork, UnitOfWorkFactory


class UnknownLanguageError(ValueError):
    pass


async def choose_language(uows: UnitOfWorkFactory, person_id: int, lang: str) -> Person:
    """Remember the interface language; it also becomes the language of the person's documents."""
    if lang not in LANGUAGES:
        raise UnknownLanguageError(lang)
    async with uows() as uow:
        person = await uow.people.get(person_id)
        if person is None:
            raise LookupError(person_id)
        chosen: Lang = "kk" if lang == "kk" else "ru"
        person.language = chosen
        await uow.people.update(person)
        await uow.commit()
    return person


async def cohort_codes_of(uow: UnitOfWork, person_id: int) -> tuple[str, ...]:
    """Codes of the cohorts the person is or was enrolled in, in enrollment order, once each.
    Runs inside the caller's open unit of work."""
    codes: list[str] = []
    for enrollment in await uow.enrollments.for_person(person_id):
        cohort = await uow.cohorts.get(enrollment.cohort_id)
        if cohort is not None and cohort.code not in codes:
            codes.append(cohort.code)
    return tuple(codes)
