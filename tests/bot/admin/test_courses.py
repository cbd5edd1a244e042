"""The course form: hours refused with the cited rule in kk and ru, modules add up, edit."""

from __future__ import annotations

from aiogram.types import User

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from domain.courses import CourseFormat, CourseKind
from tests.bot.admin.conftest import People, audit, make_course, start

KINDS = {
    "short": ("Краткосрочный (36", "Қысқа мерзімді (36"),
    "long": ("Длительный (более", "Ұзақ мерзімді (108"),
    "abroad_long": ("Длительный за рубежом", "Шетелдегі ұзақ"),
}


async def fill_until_hours(
    harness: Harness, people: People, kind: str, admin: User | None = None
) -> list:
    admin = admin or people.admin
    kk = int(admin.language_code == "kk")
    await harness.press(admin, "adc:new:0")
    await harness.send(admin, "Математиканы оқыту әдістемесі")
    sent = await harness.send(admin, "Методика преподавания математики")
    sent = await harness.press(admin, button_data(sent, KINDS[kind][kk]))
    form = ("За рубежом", "Шетелде") if kind.startswith("abroad") else ("Без отрыва", "қол үзбей")
    sent = await harness.press(admin, button_data(sent, form[kk]))
    return await harness.press(admin, button_data(sent, ("Нет, очно", "Жоқ, күндізгі")[kk]))


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
    sent = await harness.press(people.admin, button_data(sent, "Пятибалльная"))
    assert texts(sent) == ["Языки обучения:"]
    await harness.press(people.admin, button_data(sent, "казахский и русский"))
    sent = await harness.send(people.admin, "100")
    assert texts(sent)[0] == (
        "📚 Новый курс\n\n"
        "<b>Тема (каз.):</b> Математиканы оқыту әдістемесі\n"
        "<b>Тема (рус.):</b> Методика преподавания математики\n"
        "<b>Вид:</b> Краткосрочный (36–108 ч)\n"
        "<b>Форма обучения:</b> Без отрыва от трудовой деятельности\n"
        "<b>Дистанционное обучение:</b> Нет, очно\n"
        "<b>Академических часов:</b> 72\n"
        "<b>Модули:</b> \n• Цифрлық сауаттылық / Цифровая грамотность — 36 ч\n"
        "• Бағалау / Оценивание — 36 ч\n"
        "<b>Шкала оценок модулей:</b> Пятибалльная: 5, 4, 3, 2\n"
        "<b>Языки обучения:</b> казахский и русский\n"
        "<b>Максимальный балл:</b> 100\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    )
    assert await stored_courses(services) == []  # nothing stored before Confirm
    sent = await harness.press(people.admin, button_data(sent, "Сохранить курс"))
    assert texts(sent)[-1].endswith("✅ Курс № 1 сохранён: «Методика преподавания математики».")
    [course] = await stored_courses(services)
    assert (course.kind, course.format, course.hours, course.max_score, course.languages) == (
        CourseKind.SHORT,
        CourseFormat.WITHOUT_LEAVE,
        72,
        100,
        ("kk", "ru"),
    )
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
    admin = make_user(people.admin.id, "kk")
    await start(harness, admin, "kk")
    await fill_until_hours(harness, people, "long", admin)
    sent = await harness.send(admin, "108")
    assert texts(sent) == [
        "Қағидалардың 23-тармағының 2) тармақшасы: ұзақ мерзімді курстың көлемі 108 "
        "академиялық сағаттан артық, яғни кемінде 109 академиялық сағат болуы керек; "
        "көрсетілгені: 108."
    ]
    sent = await harness.send(admin, "жетпіс екі")
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


async def test_course_form_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    admin = make_user(people.admin.id, "kk")
    await start(harness, admin, "kk")
    await fill_until_hours(harness, people, "short", admin)
    await harness.send(admin, "72")
    sent = await harness.send(admin, "Жоба | Проект | 72")
    sent = await harness.press(admin, button_data(sent, "Есептелді"))
    await harness.press(admin, button_data(sent, "қазақ"))
    sent = await harness.send(admin, "100")
    assert texts(sent)[0].startswith(
        "📚 Жаңа курс\n\n<b>Тақырыбы (қаз.):</b> Математиканы оқыту әдістемесі\n"
    )
    assert "<b>Модульдер:</b> \n• Жоба / Проект — 72 сағ.\n" in texts(sent)[0]
    prompts = []
    for _ in range(10):
        sent = await harness.press(admin, button_data(sent, "Артқа"))
        prompts.append(texts(sent)[0].split("\n")[0])
    assert prompts == [
        "Қорытынды тестілеудің ең жоғары балы (1-ден 1000-ға дейін):",
        "Оқыту тілдері:",
        "Сертификатқа қосымшадағы модуль бағаларының шкаласы (Қағидаларға 4-қосымша):",
        "Бағдарлама модульдері, әрқайсысы жаңа жолдан:",
        "Курстың көлемі академиялық сағатпен (1 академиялық сағат = 45 минут):",
        "Қашықтықтан оқыту қолданыла ма?",
        "Оқыту нысаны (Қағидалардың 5-тармағы):",
        "Курстың түрі (Қағидалардың 23-тармағы):",
        "Курстың тақырыбы орыс тілінде:",
        "Курстың тақырыбы қазақ тілінде (сертификаттағыдай):",
    ]
    sent = await harness.press(admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    sent = await harness.send(admin, "Тақырып")  # the form is gone
    assert "орыс тілінде" not in " ".join(texts(sent))
    assert await stored_courses(services) == []
    assert [e for e in await audit(services) if e.action.startswith("course.")] == []


async def test_a_new_kind_asks_the_hours_and_modules_again(
    harness: Harness, services: Services, people: People
) -> None:
    await fill_until_hours(harness, people, "short")
    await harness.send(people.admin, "72")
    sent = await harness.send(people.admin, "Модуль | 72")
    sent = await harness.press(people.admin, button_data(sent, "Зачёт"))
    await harness.press(people.admin, button_data(sent, "русский"))
    sent = await harness.send(people.admin, "100")
    sent = await harness.press(people.admin, button_data(sent, "Изменить"))
    sent = await harness.press(people.admin, button_data(sent, "Вид"))
    sent = await harness.press(people.admin, button_data(sent, "Длительный (более"))
    # §5 × §23: the form is asked again for the new kind, then the hours and modules
    assert texts(sent)[0].startswith("Форма обучения (п. 5 Правил):")
    sent = await harness.press(people.admin, button_data(sent, "Без отрыва"))
    assert texts(sent)[0].startswith("Объём курса в академических часах")
    sent = await harness.send(people.admin, "72")
    assert texts(sent)[0].startswith("Подпункт 2) пункта 23 Правил")
    await harness.send(people.admin, "120")
    sent = await harness.send(people.admin, "Модуль | 120")
    assert "<b>Вид:</b> Длительный (более 108 ч)" in texts(sent)[0]
    sent = await harness.press(people.admin, button_data(sent, "Сохранить курс"))
    [course] = await stored_courses(services)
    assert (course.kind, course.hours) == (CourseKind.LONG, 120)


async def test_admin_edits_the_max_score_keeping_the_rest(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    sent = await harness.press(people.admin, f"adc:edit:{course.id}")
    assert texts(sent)[0].startswith("📚 Курс № 1\n\n")
    assert "<b>Максимальный балл:</b> 100" in texts(sent)[0]
    sent = await harness.press(people.admin, button_data(sent, "Изменить"))
    sent = await harness.press(people.admin, button_data(sent, "Максимальный балл"))
    assert texts(sent)[0].endswith("Сейчас: 100")
    sent = await harness.send(people.admin, "50")
    assert "<b>Максимальный балл:</b> 50" in texts(sent)[0]
    sent = await harness.press(people.admin, button_data(sent, "Сохранить курс"))
    assert texts(sent)[-1].endswith("✅ Курс № 1 сохранён: «Functional literacy».") or (
        "✅ Курс № 1 сохранён" in texts(sent)[-1]
    )
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
    internship not the combined form; a button the step never offered is refused."""
    await harness.press(people.admin, "adc:new:0")
    await harness.send(people.admin, "Тақырып")
    sent = await harness.send(people.admin, "Тема")
    kinds = sent
    sent = await harness.press(people.admin, button_data(kinds, "Краткосрочный за рубежом"))
    offered = [b.text for row in sent[-1].reply_markup.inline_keyboard for b in row]
    assert offered[:2] == ["За рубежом", "⬅️ Назад"]
    forged = button_data(sent, "За рубежом").rsplit(":", 1)[0] + ":3"
    assert texts(await harness.press(people.admin, forged)) == [
        "Пожалуйста, выберите ответ кнопкой под сообщением."
    ]
    sent = await harness.press(people.admin, button_data(sent, "Назад"))
    sent = await harness.press(people.admin, button_data(sent, "Стажировка"))
    labels = [b.text for row in sent[-1].reply_markup.inline_keyboard for b in row]
    assert "Без отрыва от трудовой деятельности" in labels
    assert "Комбинированная" not in labels and "За рубежом" not in labels
