"""Editing a cohort (dates, seats, trainers, sessions): refusals change nothing, every change
is audited and told to the enrolled listeners and the trainers — in their language."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.types import User

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from bot.ui.formatting import notice_args
from domain.model import Cohort, Enrollment, EnrollmentOrder, Role, TrainingSession
from tests.bot.admin.conftest import People, audit, make_cohort, make_course, person, start
from tests.conftest import ADMIN_ID


async def enrolled_cohort(services: Services, people: People, with_order: bool = True) -> Cohort:
    """A cohort (1–12 December 2026) with the trainer and the teacher enrolled by an order."""
    cohort = await make_cohort(services, await make_course(services), seats=2)
    trainer = await person(services, people.trainer.id)
    teacher = await person(services, people.teacher.id)
    async with services.uow_factory() as uow:
        cohort.trainer_ids = [trainer.id or 0]
        await uow.cohorts.update(cohort)
        order_id = None
        if with_order:
            order = await uow.orders.add(
                EnrollmentOrder("17-п", date(2026, 11, 20), cohort.id or 0, "5", date(2026, 11, 1))
            )
            order_id = order.id
        await uow.enrollments.add(Enrollment(teacher.id or 0, cohort.id or 0, order_id=order_id))
        await uow.sessions.add(
            TrainingSession(
                cohort.id or 0,
                datetime(2026, 12, 1, 4, 0, tzinfo=UTC),  # 09:00 in Almaty
                datetime(2026, 12, 1, 5, 30, tzinfo=UTC),
                2,
                "ауд. 204",
            )
        )
        await uow.sessions.add(
            TrainingSession(
                cohort.id or 0,
                datetime(2026, 12, 2, 4, 0, tzinfo=UTC),
                datetime(2026, 12, 2, 5, 30, tzinfo=UTC),
                2,
                "ауд. 204",
            )
        )
        await uow.commit()
    return cohort


async def notice_text(services: Services, dedup_key: str) -> str:
    async with services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key(dedup_key)
    assert row is not None, dedup_key
    lang = row.payload["lang"]
    return str(services.i18n_core.get(row.payload["key"], lang, **notice_args(row.payload, lang)))


async def stored(services: Services, cohort_id: int) -> Cohort:
    async with services.uow_factory() as uow:
        found = await uow.cohorts.get(cohort_id)
    assert found is not None
    return found


async def test_dates_changed_after_the_order_ru(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await enrolled_cohort(services, people)
    sent = await harness.press(people.admin, f"adh:edit:{cohort.id}")
    assert texts(sent)[0].startswith("<b>Изменение потока 2026-12-МАТ-1</b>")
    sent = await harness.press(people.admin, f"ace:dates:{cohort.id}:0")
    assert texts(sent)[0].startswith("Новые сроки обучения потока 2026-12-МАТ-1")
    # the clock says 23 November 2026: a start on the 20th is in the past
    sent = await harness.send(people.admin, "20.11.2026 12.12.2026")
    assert texts(sent) == [
        "Дата уже прошла. Ничего не изменено; укажите другую дату или нажмите «Отмена»."
    ]
    sent = await harness.send(people.admin, "02.12.2026 14.12.2026")
    assert texts(sent) == [
        "В расписании есть занятия вне новых сроков. Сначала перенесите или удалите их. "
        "Ничего не изменено."
    ]
    before = len(await audit(services))
    assert (await stored(services, cohort.id or 0)).starts_on == date(2026, 12, 1)
    sent = await harness.send(people.admin, "01.12.2026 14.12.2026")
    assert texts(sent) == [
        "✅ Сроки обучения потока 2026-12-МАТ-1 изменены. Уведомлений отправлено: 2."
    ]
    assert (await stored(services, cohort.id or 0)).ends_on == date(2026, 12, 14)
    entries = await audit(services)
    assert len(entries) == before + 1
    entry = entries[-1]
    assert entry.action == "cohort.edit.dates"
    assert entry.before and entry.before["ends_on"] == "2026-12-12"
    assert entry.after and entry.after["ends_on"] == "2026-12-14" and entry.after["after_order"]
    teacher = await person(services, people.teacher.id)
    assert await notice_text(services, f"cohort-edit:{entry.id}:{teacher.id}") == (
        "🗓 Изменились сроки обучения потока 2026-12-МАТ-1.\n"
        "Новые сроки: с 1 декабря 2026\u202fг. по 14 декабря 2026\u202fг."
    )
    trainer = await person(services, people.trainer.id)
    assert await notice_text(services, f"cohort-edit:{entry.id}:{trainer.id}")
    # the step is over: a date typed now is not taken for the cohort
    await harness.send(people.admin, "01.12.2026 20.12.2026")
    assert (await stored(services, cohort.id or 0)).ends_on == date(2026, 12, 14)


async def kazakh_people(harness: Harness, services: Services, people: People) -> User:
    """The admin and the teacher switch to Kazakh."""
    admin = make_user(ADMIN_ID, "kk", "Әкімші")
    await start(harness, admin, "kk")
    await start(harness, make_user(people.teacher.id, "kk", "Айгүл"), "kk")
    return admin


async def test_seats_trainers_and_sessions_kk(
    harness: Harness, services: Services, people: People
) -> None:
    admin = await kazakh_people(harness, services, people)
    cohort = await enrolled_cohort(services, people)
    cid = cohort.id or 0
    # seats: not below the one enrolled listener
    await harness.press(admin, f"ace:seats:{cid}:0")
    sent = await harness.send(admin, "0")
    assert texts(sent) == [
        "Орын саны 1 мен 500 аралығындағы бүтін сан болуы керек. Ештеңе өзгертілмеді."
    ]
    async with services.uow_factory() as uow:
        await uow.enrollments.add(
            Enrollment((await uow.people.get_by_telegram_id(people.admin.id)).id or 0, cid)  # type: ignore[union-attr]
        )
        await uow.commit()
    sent = await harness.send(admin, "1")
    assert texts(sent) == [
        "Орын саны қабылданған тыңдаушылар санынан аз болмауы керек. Ештеңе өзгертілмеді."
    ]
    assert (await stored(services, cid)).seats == 2
    sent = await harness.send(admin, "40")
    assert texts(sent) == ["✅ 2026-12-МАТ-1 ағынындағы орын саны өзгертілді."]
    assert (await stored(services, cid)).seats == 40
    assert (await audit(services))[-1].action == "cohort.edit.seats"

    # a trainer granted the role after the cohort was created is assigned
    late = make_user(700_010, "kk", "Дәурен")
    await start(harness, late, "kk")
    late_person = await person(services, late.id)
    async with services.uow_factory() as uow:
        await uow.people.set_roles(late_person.id or 0, {Role.TEACHER, Role.TRAINER})
        await uow.commit()
    sent = await harness.press(admin, f"ace:trainers:{cid}:0")
    assert texts(sent)[0].startswith("2026-12-МАТ-1 ағынының тренерлері")
    await harness.press(admin, f"ace:toggle:{cid}:{late_person.id}")
    sent = await harness.press(admin, f"ace:save:{cid}:0")  # 2 listeners, 2 trainers
    assert texts(sent) == [
        "✅ 2026-12-МАТ-1 ағынының тренерлері өзгертілді. Жіберілген хабарламалар: 4."
    ]
    assert set((await stored(services, cid)).trainer_ids) == {
        late_person.id,
        (await person(services, people.trainer.id)).id,
    }
    entry = (await audit(services))[-1]
    assert entry.action == "cohort.edit.trainers"
    teacher = await person(services, people.teacher.id)
    assert (await notice_text(services, f"cohort-edit:{entry.id}:{teacher.id}")).startswith(
        "🧑‍🏫 2026-12-МАТ-1 ағынының тренерлер құрамы өзгерді.\nТренерлер: Дәурен, Ерлан"
    )

    # sessions: an overlapping move is refused, a free slot is taken, a session is deleted
    async with services.uow_factory() as uow:
        first, second = await uow.sessions.for_cohort(cid)
    sent = await harness.press(admin, f"ace:sessions:{cid}:0")
    assert texts(sent) == ["2026-12-МАТ-1 ағынының сабағын таңдаңыз:"]
    await harness.press(admin, f"ace:move:{cid}:{first.id}")
    sent = await harness.send(admin, "02.12.2026 10:00")  # the second runs 09:00–10:30
    assert texts(sent) == ["Бұл уақытта ағынның басқа сабағы өтеді. Ештеңе өзгертілмеді."]
    sent = await harness.send(admin, "02.12.2026 10:30")  # starts when the other ends
    assert texts(sent) == [
        "✅ 2026-12-МАТ-1 ағынының сабағы ауыстырылды. Жіберілген хабарламалар: 4."
    ]
    entry = (await audit(services))[-1]
    assert entry.action == "cohort.edit.session-moved"
    assert await notice_text(services, f"cohort-edit:{entry.id}:{teacher.id}") == (
        "⏩ 2026-12-МАТ-1 ағынының сабағы ауыстырылды.\n"
        "Бұрын: 2026\u202fж. 1 желтоқсан, 09:00\nЕнді: 2026\u202fж. 2 желтоқсан, 10:30"
    )
    await harness.press(admin, f"ace:delete:{cid}:{second.id}")
    sent = await harness.press(admin, f"ace:delete-yes:{cid}:{second.id}")
    assert texts(sent) == ["✅ 2026-12-МАТ-1 ағынының сабағы жойылды. Жіберілген хабарламалар: 4."]
    async with services.uow_factory() as uow:
        assert [s.id for s in await uow.sessions.for_cohort(cid)] == [first.id]


async def test_editcohort_command_and_help(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await enrolled_cohort(services, people, with_order=False)
    sent = await harness.send(people.admin, "/editcohort 2026-12-мат-1")
    assert texts(sent)[0].startswith("<b>Изменение потока 2026-12-МАТ-1</b>")
    sent = await harness.send(people.admin, "/editcohort НЕТ")
    assert texts(sent) == ["Поток с кодом «НЕТ» не найден."]
    await harness.press(people.admin, f"ace:seats:{cohort.id}:0")
    sent = await harness.press(people.admin, f"ace:cancel:{cohort.id}:0")
    assert texts(sent) == ["✖️ Отменено, ничего не сохранено."]
    sent = await harness.send(people.teacher, "/editcohort 2026-12-МАТ-1")
    assert texts(sent) == ["Это доступно только администраторам. Попытка записана в журнал."]
