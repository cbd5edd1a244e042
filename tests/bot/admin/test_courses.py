"""The course form: hours refused with the cited rule in kk and ru, modules add up, edit."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from domain.courses import CourseFormat, CourseKind
from tests.bot.admin.conftest import People, audit, make_course


def buttons(request: object) -> list[str]:
    markup = getattr(request, "reply_markup", None)
    return [b.text for row in markup.inline_keyboard for b in row] if markup else []


async def fill_until_hours(harness: Harness, people: People, kind: str) -> None:
    await harness.press(people.admin, "adc:new:0")
    await harness.send(people.admin, "Математиканы оқыту әдістемесі")
    await harness.send(people.admin, "Методика преподавания математики")
    await harness.press(people.admin, f"adcf:{kind}")
    form = "abroad" if kind.startswith("abroad") else "without_leave"  # §5 × §23
    await harness.press(people.admin, f"adcf:{form}")
    await harness.press(people.admin, "adcf:no")


async def stored_courses(services: Services) -> list:
    async with services.uow_factory() as uow:
        return await uow.courses.list_all()


async def test_admin_creates_a_short_course(
    harness: Harness, services: Services, people: People
) -> None:
    sent = await harness.press(people.admin, "adm:courses")
    assert texts(sent)[-1] == "Курсов: 0. Выберите курс, чтобы изменить его, или создайте новый."
    sent = await harness.press(people.admin, "adc:new:0")
    assert texts(sent) == ["Тема курса на казахском языке (как в сертификате):"]
    await fill_until_hours(harness, people, "short")
    sent = await harness.send(people.admin, "72")
    assert texts(sent)[0].startswith("Модули программы, каждый с новой строки")
    sent = await harness.send(
        people.admin, "Цифрлық сауаттылық | Цифровая грамотность | 36\nБағалау | Оценивание | 36"
    )
    assert texts(sent) == [
        "Шкала оценок модулей в приложении к сертификату (приложение 4 к Правилам):"
    ]
    assert buttons(sent[0])[:2] == ["Зачёт или незачёт", "Пятибалльная: 5, 4, 3, 2"]
    sent = await harness.press(people.admin, "adcf:five_point")
    assert texts(sent) == ["Языки обучения:"]
    await harness.press(people.admin, "adcf:kk,ru")
    sent = await harness.send(people.admin, "100")
    summary = texts(sent)[0]
    assert "Вид: Краткосрочный (36–108 ч)" in summary
    assert "Цифрлық сауаттылық / Цифровая грамотность — 36" in summary
    assert await stored_courses(services) == []  # nothing stored before "save"
    sent = await harness.press(people.admin, "adn:save")
    assert texts(sent)[-1] == "✅ Курс № 1 сохранён: «Методика преподавания математики»."
    [course] = await stored_courses(services)
    assert (course.kind, course.format, course.hours, course.max_score, course.languages) == (
        CourseKind.SHORT,
        CourseFormat.WITHOUT_LEAVE,
        72,
        100,
        ("kk", "ru"),
    )
    assert course.grading_scale == "five_point"
    assert [(m.name_kk, m.hours) for m in course.modules] == [
        ("Цифрлық сауаттылық", 36),
        ("Бағалау", 36),
    ]
    entry = (await audit(services))[-1]
    assert (entry.action, entry.before, entry.after["hours"]) == ("course.create", None, 72)


async def test_short_course_hours_refused_by_section_23_in_russian(
    harness: Harness, services: Services, people: People
) -> None:
    await fill_until_hours(harness, people, "short")
    sent = await harness.send(people.admin, "35")
    assert texts(sent) == [
        "Подпункт 1) пункта 23 Правил: краткосрочный курс длится от 36 до 108 академических "
        "часов, указано 35."
    ]
    sent = await harness.send(people.admin, "109")
    assert texts(sent)[0].endswith("указано 109.")
    sent = await harness.send(people.admin, "108")  # the boundary itself is lawful
    assert texts(sent)[0].startswith("Модули программы")
    sent = await harness.send(people.admin, "Модуль | 100")
    assert texts(sent) == [
        "Приложение 4 к Правилам: часы модулей в сумме дают 100, а объём "
        "курса — 108. Они должны совпадать."
    ]
    assert await stored_courses(services) == []


async def test_long_course_hours_refused_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    await harness.press(people.admin, "lang:kk")
    await fill_until_hours(harness, people, "long")
    sent = await harness.send(people.admin, "108")
    assert texts(sent) == [
        "Қағидалардың 23-тармағының 2) тармақшасы: ұзақ мерзімді курстың көлемі 108 "
        "академиялық сағаттан артық, яғни кемінде 109 академиялық сағат болуы керек; "
        "көрсетілгені: 108."
    ]
    sent = await harness.send(people.admin, "жетпіс екі")
    assert texts(sent) == ["Бүтін оң сан қажет, мысалы 72."]


async def test_abroad_long_course_asks_days_and_refuses_more_than_a_year(
    harness: Harness, people: People
) -> None:
    await fill_until_hours(harness, people, "abroad_long")
    sent = await harness.send(people.admin, "366")
    assert texts(sent) == [
        "Подпункт 2) части второй пункта 23 Правил: курс за рубежом длится до 1 года — "
        "не больше 365 дней, указано 366."
    ]
    sent = await harness.send(people.admin, "365")
    assert texts(sent)[0].startswith("Объём курса в академических часах")


async def test_back_and_cancel(harness: Harness, services: Services, people: People) -> None:
    await harness.press(people.admin, "adc:new:0")
    await harness.send(people.admin, "Тақырып")
    sent = await harness.press(people.admin, "adn:back")
    assert texts(sent)[-1] == "Тема курса на казахском языке (как в сертификате):"
    sent = await harness.press(people.admin, "adn:cancel")
    assert texts(sent)[-1] == "Заполнение отменено, ничего не сохранено."
    sent = await harness.send(people.admin, "Тақырып")  # the form is gone
    assert "Тема курса на русском" not in " ".join(texts(sent))
    assert await stored_courses(services) == []


async def test_admin_edits_the_max_score_keeping_the_rest(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    sent = await harness.press(people.admin, f"adc:edit:{course.id}")
    assert "Максимальный балл: 100" in texts(sent)[0]
    for _ in range(
        9
    ):  # topic kk, topic ru, kind, format, distance, hours, modules, scale, languages
        await harness.press(people.admin, "adn:keep")
    await harness.send(people.admin, "50")
    sent = await harness.press(people.admin, "adn:save")
    assert texts(sent)[-1].startswith("✅ Курс № 1 сохранён")
    [stored] = await stored_courses(services)
    assert (stored.max_score, stored.hours, stored.topic_kk) == (50, 72, course.topic_kk)
    entry = (await audit(services))[-1]
    assert (entry.action, entry.before["max_score"], entry.after["max_score"]) == (
        "course.update",
        100,
        50,
    )


async def test_the_form_step_offers_only_the_forms_the_kind_allows(
    harness: Harness, people: People
) -> None:
    """§5 × §23 (domain.courses.ALLOWED_FORMATS): an abroad course only «За рубежом»; an
    internship not the combined form; a forged button is refused."""
    await harness.press(people.admin, "adc:new:0")
    await harness.send(people.admin, "Тақырып")
    await harness.send(people.admin, "Тема")
    sent = await harness.press(people.admin, "adcf:abroad_short")
    assert [b.text for row in sent[-1].reply_markup.inline_keyboard for b in row][:1] == [
        "За рубежом"
    ]
    sent = await harness.press(people.admin, "adcf:without_leave")  # forged: not offered
    alerts = [r.text for r in sent if isinstance(r, AnswerCallbackQuery)]
    assert alerts == ["Эта кнопка устарела или недоступна. Откройте меню заново: /menu"]
    await harness.press(people.admin, "adn:back")
    sent = await harness.press(people.admin, "adcf:internship")
    labels = [b.text for row in sent[-1].reply_markup.inline_keyboard for b in row]
    assert "Без отрыва от трудовой деятельности" in labels
    assert "Комбинированная" not in labels and "За рубежом" not in labels
