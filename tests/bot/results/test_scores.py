"""/scores and /results: score entry by hand, outcomes with the §24.3 boundary, refusals."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Chat, InlineKeyboardMarkup

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.handlers.admin.results_callbacks import CohortPick, ListenerPick, RequestAction
from bot.runtime.container import Services
from domain.model import EnrollmentStatus
from tests.bot.results.factories import (
    ADMIN_TG,
    STRANGER_TG,
    TEACHER_TG,
    TRAINER_TG,
    attend,
    enrollment,
    make_world,
)

REFUSED_RU = "Это доступно только администраторам. Попытка записана в журнал."
REFUSED_KK = "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды."
GROUP_RU = (
    "Команды администратора работают только в личном чате с ботом. Попытка записана в журнал."
)
NOT_FOUND_RU = "Запись не найдена или уже недоступна. Откройте список заново."


def buttons(request: object) -> list[str]:
    markup = getattr(request, "reply_markup", None)
    assert isinstance(markup, InlineKeyboardMarkup)
    return [b.text for row in markup.inline_keyboard for b in row]


async def refusals(services: Services) -> int:
    async with services.uow_factory() as uow:
        return sum(1 for e in await uow.audit.recent(500) if e.action == "admin.refused")


async def test_admin_enters_a_score_with_module_grades_in_russian(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, sessions=5)
    await attend(services.uow_factory, world.enrollments[0], world.sessions[:4])
    admin = make_user(ADMIN_TG, "ru")
    sent = await harness.send(admin, "/scores")
    assert texts(sent) == ["Выберите поток:"]
    assert buttons(sent[0]) == ["FG-2026-11 · 02.11.2026"]
    sent = await harness.press(admin, CohortPick(action="score", cohort_id=world.cohort.id).pack())
    assert texts(sent) == ["Поток <b>FG-2026-11</b>. Выберите слушателя:"]
    assert buttons(sent[-1]) == ["Айгүл Тестова 1", "Айгүл Тестова 2"]
    first = world.enrollments[0]
    sent = await harness.press(admin, ListenerPick(action="score", enrollment_id=first.id).pack())
    assert texts(sent) == [
        "Итоговое тестирование. Слушатель: <b>Айгүл Тестова 1</b>. Введите балл — "
        "целое число от 0 до 100."
    ]
    for wrong in ("101", "-1", "восемьдесят", "80.5"):
        sent = await harness.send(admin, wrong)
        assert texts(sent) == ["Балл должен быть целым числом от 0 до 100. Введите ещё раз."]
    sent = await harness.send(admin, "80")
    assert texts(sent) == ["Оценка по модулю «Оценивание» — выберите по шкале курса:"]
    # App. 4 grades come from the course's scale, as buttons: no free text
    assert [key.text for row in sent[-1].reply_markup.inline_keyboard for key in row][:4] == [
        "5 (отлично)",
        "4 (хорошо)",
        "3 (удовлетворительно)",
        "2 (неудовлетворительно)",
    ]
    assert texts(await harness.send(admin, "отлично")) == [
        "Пожалуйста, выберите ответ кнопкой под сообщением."
    ]
    sent = await harness.press(admin, button_data(sent, "5 (отлично)"))
    assert texts(sent) == ["Оценка по модулю «Планирование» — выберите по шкале курса:"]
    sent = await harness.press(admin, button_data(sent, "4 (хорошо)"))
    assert texts(sent) == [
        "📝 Итоговое тестирование: <b>Айгүл Тестова 1</b>\n\n"
        "<b>Балл (максимум 100):</b> 80\n"
        "<b>Модуль «Оценивание»:</b> 5 (отлично)\n"
        "<b>Модуль «Планирование»:</b> 4 (хорошо)\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    async with services.uow_factory() as uow:
        assert await uow.assessments.latest(first.id) is None  # nothing before Confirm
    sent = await harness.press(admin, button_data(sent, "Сохранить балл"))
    assert texts(sent)[-1].endswith(
        "Сохранено: <b>Айгүл Тестова 1</b> — 80 из 100.\n"
        "• Айгүл Тестова 1: ✅ сертификат выдаётся — посещено 4 из 5, балл 80 из 100; "
        "причины: —"
    )
    async with services.uow_factory() as uow:
        latest = await uow.assessments.latest(first.id)
    assert latest is not None and latest.score == 80
    # stored in the course's language, as App. 4 prints it
    assert [g.grade for g in latest.module_grades] == ["5 (отлично)", "4 (хорошо)"]
    stored = await enrollment(services.uow_factory, first.id)
    assert stored.status is EnrollmentStatus.COMPLETED


async def test_kazakh_admin_sees_kazakh_texts_and_results_summary(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, sessions=5)
    first, second = world.enrollments
    await attend(services.uow_factory, first, world.sessions[:4])  # 80 % — passes
    await attend(services.uow_factory, second, world.sessions[:3])  # 60 % — fails
    admin = make_user(ADMIN_TG, "kk")
    assert texts(await harness.send(admin, "/scores")) == ["Ағынды таңдаңыз:"]
    for e in (first, second):
        await harness.press(admin, ListenerPick(action="score", enrollment_id=e.id).pack())
        sent = await harness.send(admin, "50")
        for grade in ("5 (өте жақсы)", "4 (жақсы)"):
            sent = await harness.press(admin, button_data(sent, grade))
        sent = await harness.press(admin, button_data(sent, "Балды сақтау"))
    assert "Сақталды: <b>Айгүл Тестова 2</b> — 50 / 100 балл." in texts(sent)[-1]
    results = CohortPick(action="results", cohort_id=world.cohort.id).pack()
    sent = await harness.press(admin, results)
    assert texts(sent) == [
        "<b>FG-2026-11 ағынының қорытындысы</b>\n"
        "Өтті (сертификат): 1\nӨтпеді (анықтама): 1\nОқу жалғасуда: 0\nОқудан шығарылды: 0\n"
        "• Айгүл Тестова 1: ✅ сертификат беріледі — қатысқаны 4 / 5 сабақ, балл 50 / 100; "
        "себептері: —\n"
        "• Айгүл Тестова 2: ❌ курсты тыңдағаны туралы анықтама — қатысқаны 3 / 5 сабақ, "
        "балл 50 / 100; себептері: сабаққа қатысу 80 %-дан төмен"
    ]
    assert (await enrollment(services.uow_factory, second.id)).status is EnrollmentStatus.NOT_PASSED


async def test_results_in_russian_show_in_progress_and_reasons(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, sessions=5)
    admin = make_user(ADMIN_TG, "ru")
    await harness.send(admin, "/results")
    results = CohortPick(action="results", cohort_id=world.cohort.id).pack()
    sent = await harness.press(admin, results)
    assert texts(sent)[0].splitlines()[:5] == [
        "<b>Итоги потока FG-2026-11</b>",
        "Прошли (сертификат): 0",
        "Не прошли (справка): 0",
        "В процессе: 2",
        "Отчислены: 0",
    ]
    assert texts(sent)[0].splitlines()[5] == (
        "• Айгүл Тестова 1: ⏳ обучение продолжается — посещено 0 из 5, балл — из 100; "
        "причины: посещаемость ниже 80 %, нет балла итогового оценивания"
    )


async def test_score_form_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory)
    admin = make_user(ADMIN_TG, "kk")
    e = world.enrollments[0]
    await harness.press(admin, ListenerPick(action="score", enrollment_id=e.id).pack())
    sent = await harness.send(admin, "70")
    for grade in ("5 (өте жақсы)", "4 (жақсы)"):
        sent = await harness.press(admin, button_data(sent, grade))
    assert texts(sent)[0].startswith("📝 Қорытынды тестілеу: <b>Айгүл Тестова 1</b>\n\n")
    prompts = []
    for _ in range(3):
        sent = await harness.press(admin, button_data(sent, "Артқа"))
        prompts.append(texts(sent)[0].split("\n")[0])
    assert prompts == [
        "«Жоспарлау» модулі бойынша баға — курс шкаласы бойынша таңдаңыз:",
        "«Бағалау» модулі бойынша баға — курс шкаласы бойынша таңдаңыз:",
        "Қорытынды тестілеу. Тыңдаушы: <b>Айгүл Тестова 1</b>. Балды енгізіңіз — 0 және 100 "
        "аралығындағы бүтін сан.",
    ]
    sent = await harness.press(admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    async with services.uow_factory() as uow:
        assert await uow.assessments.latest(e.id) is None


async def test_teacher_trainer_stranger_and_group_are_refused_and_logged(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory)
    teacher = make_user(TEACHER_TG, "ru")
    trainer = make_user(TRAINER_TG, "ru")
    stranger = make_user(STRANGER_TG, "kk")
    cohort_button = CohortPick(action="score", cohort_id=world.cohort.id).pack()
    score_button = ListenerPick(action="score", enrollment_id=world.enrollments[0].id).pack()
    for command in (
        "/scores",
        "/results",
        "/scores_import",
        "/expel",
        "/request_queue",
        "/consultations",
        "/nobd",
        "/stats",
        "/effectiveness",
    ):
        assert texts(await harness.send(teacher, command)) == [REFUSED_RU], command
    assert texts(await harness.send(trainer, "/scores")) == [REFUSED_RU]
    assert texts(await harness.send(stranger, "/expel")) == [REFUSED_KK]
    group = Chat(id=-100_500, type="group", title="Учителя")
    assert texts(await harness.send(make_user(ADMIN_TG), "/scores", chat=group)) == [GROUP_RU]
    for user in (teacher, trainer):
        sent = await harness.press(user, score_button)
        assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [REFUSED_RU]
        await harness.press(user, cohort_button)
        await harness.press(user, RequestAction(action="approve", request_id=1).pack())
    assert await refusals(services) == 9 + 1 + 1 + 1 + 6
    async with services.uow_factory() as uow:
        assert await uow.assessments.latest(world.enrollments[0].id) is None


async def test_forged_ids_change_nothing(harness: Harness, services: Services) -> None:
    await make_world(services.uow_factory)
    admin = make_user(ADMIN_TG, "ru")
    for data in (
        ListenerPick(action="score", enrollment_id=99_999).pack(),
        CohortPick(action="results", cohort_id=99_999).pack(),
        CohortPick(action="nobd", cohort_id=99_999).pack(),
        RequestAction(action="view", request_id=99_999).pack(),
        RequestAction(action="rescore", request_id=99_999).pack(),
    ):
        sent = await harness.press(admin, data)
        assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [NOT_FOUND_RU]
        assert not [r for r in sent if isinstance(r, SendMessage)]
    sent = await harness.press(admin, CohortPick(action="score", cohort_id=99_999).pack())
    assert texts(sent) == [NOT_FOUND_RU]


async def test_a_long_roster_is_paged_by_twenty(harness: Harness, services: Services) -> None:
    from bot.handlers.admin.results_callbacks import ListenerPage

    world = await make_world(services.uow_factory, teachers=0)
    from tests.bot.results.factories import add_person, enroll

    for n in range(1, 23):
        person = await add_person(services.uow_factory, None, f"Педагог {n:02d}", serial=n)
        await enroll(services.uow_factory, person, world.cohort)
    admin = make_user(ADMIN_TG, "ru")
    sent = await harness.press(admin, CohortPick(action="score", cohort_id=world.cohort.id).pack())
    labels = buttons(sent[-1])
    assert labels[:2] == ["Педагог 01", "Педагог 02"] and len(labels) == 21 and labels[-1] == "▶"
    sent = await harness.press(
        admin, ListenerPage(action="score", cohort_id=world.cohort.id, page=1).pack()
    )
    assert buttons(sent[-1]) == ["Педагог 21", "Педагог 22", "◀"]
