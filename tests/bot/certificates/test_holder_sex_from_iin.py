"""Item 9 of issue 14: the Russian certificate says «прошла» / «прошел» by the sex in the
holder's IIN, and keeps the form's «прошел(ла)» without one."""

from __future__ import annotations

from pathlib import Path

from bot.runtime.container import Services
from domain.iin import Sex
from domain.model import DocumentKind
from tests.bot.certificates.factories import add_teacher, issue_now, make_cohort
from tests.bot.internship.factories import iin_of
from tests.documents.pdfutil import flat, pdftotext, write


async def test_russian_certificate_agrees_with_the_iin(services: Services, tmp_path: Path) -> None:
    world = await make_cohort(services.uow_factory, language="ru")
    people = {}
    for name, sex in (("Ольга Иванова", Sex.FEMALE), ("Борис Петров", Sex.MALE), ("Без ИИН", None)):
        enrollment = await add_teacher(services.uow_factory, world, name, telegram_id=None)
        async with services.uow_factory() as uow:
            person = await uow.people.get(enrollment.person_id)
            assert person is not None
            person.iin = iin_of(sex) if sex else None
            await uow.people.update(person)
            await uow.commit()
        people[name] = enrollment.person_id
    await issue_now(services, world.cohort.id)
    verbs = {}
    for name, person_id in people.items():
        async with services.uow_factory() as uow:
            [certificate] = await uow.certificates.for_person(person_id)
            stored = await uow.documents.get_for_certificate(
                certificate.id or 0, DocumentKind.CERTIFICATE
            )
        assert stored is not None
        text = flat(pdftotext(write(tmp_path, stored.content, f"{person_id}.pdf")))
        verbs[name] = next(v for v in ("прошел(ла)", "прошла", "прошел") if v in text)
    assert verbs == {"Ольга Иванова": "прошла", "Борис Петров": "прошел", "Без ИИН": "прошел(ла)"}
