"""Issue 13, item 3: a decided card has no live buttons; every tap on an old or doubled
button gets a short precise answer (who decided, when), never the generic error, and Reject
on a decided application says so before asking for a reason."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, SendMessage
from aiogram.types import User

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from domain.model import Role
from tests.bot.admin.conftest import People, make_cohort, make_course, person, start
from tests.bot.admin.test_enrollment import submit

GENERIC = ("Эта кнопка устарела", "Бұл батырма ескірген", "Что-то пошло не так", "қате")


def alerts(sent: list) -> list[str]:
    return [r.text for r in sent if isinstance(r, AnswerCallbackQuery) and r.text]


def keyboard_removed(sent: list) -> bool:
    return any(isinstance(r, EditMessageReplyMarkup) and r.reply_markup is None for r in sent)


async def second_admin(harness: Harness, services: Services, lang: str) -> User:
    other = make_user(700_050, lang, "Данияр")
    await start(harness, other, lang)
    async with services.uow_factory() as uow:
        found = await uow.people.get_by_telegram_id(other.id)
        assert found is not None
        found.roles = found.roles | {Role.ADMIN}
        await uow.people.update(found)
        await uow.commit()
    return other


async def test_a_card_decided_by_another_admin_answers_who_and_when_in_both_languages(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    teacher = await person(services, people.teacher.id)
    trainer = await person(services, people.trainer.id)
    first = await submit(services, teacher.id or 0, cohort)
    second = await submit(services, trainer.id or 0, cohort)
    kk_admin = await second_admin(harness, services, "kk")

    summary = await harness.press(people.admin, f"ada:approve:{first.id}")
    sent = await harness.press(people.admin, button_data(summary, "Подтвердить решение"))
    assert keyboard_removed(sent)  # the deciding admin's card loses its buttons
    for action in ("approve", "reject"):  # the other admin's card, still showing both buttons
        sent = await harness.press(kk_admin, f"ada:{action}:{first.id}")
        assert alerts(sent) == [
            f"№ {first.id} өтінішті мақұлдап қойған: Админ, 23 қараша, дүйсенбі, 14:00."
        ]
        assert keyboard_removed(sent)
        assert not [r for r in sent if isinstance(r, SendMessage)]  # no reason asked

    await harness.press(people.admin, f"ada:reject:{second.id}")
    summary = await harness.send(people.admin, "Нет направления")
    sent = await harness.press(people.admin, button_data(summary, "Подтвердить решение"))
    assert texts(sent)[-1].endswith(f"Заявление № {second.id} отклонено, педагог уведомлён.")
    assert keyboard_removed(sent)  # the card the reason was asked from
    sent = await harness.press(people.admin, f"ada:reject:{second.id}")  # doubled tap
    assert alerts(sent) == [
        f"Заявление № {second.id} уже отклонено: Админ, 23 ноября, понедельник, 14:00."
    ]
    for sent in [await harness.press(kk_admin, f"ada:approve:{second.id}")]:
        assert not any(g in t for t in texts(sent) for g in GENERIC)


async def test_reject_on_an_application_decided_meanwhile_stops_before_the_reason(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    teacher = await person(services, people.teacher.id)
    application = await submit(services, teacher.id or 0, cohort)
    ru_admin2 = await second_admin(harness, services, "ru")
    await harness.press(ru_admin2, f"ada:reject:{application.id}")  # asks the reason
    summary = await harness.press(people.admin, f"ada:approve:{application.id}")
    await harness.press(people.admin, button_data(summary, "Подтвердить решение"))
    summary = await harness.send(ru_admin2, "Поздно")
    sent = await harness.press(ru_admin2, button_data(summary, "Подтвердить решение"))
    assert texts(sent)[-1].endswith(
        f"Заявление № {application.id} уже одобрено: Админ, 23 ноября, понедельник, 14:00."
    )
    assert keyboard_removed(sent)
