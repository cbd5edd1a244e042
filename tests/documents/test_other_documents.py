"""App. 1–2, App. 5–6, §31 reference and §16/§18 order: wording, blanks, escaping, paging."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from bot.documents import (
    render_application,
    render_enrollment_order,
    render_enterprise_reference,
    render_internship_certificate,
    render_listening_reference,
)
from bot.documents.samples import (
    SAMPLE_KINDS,
    render_sample,
    sample_application,
    sample_enrollment_order,
    sample_enterprise_reference,
    sample_internship_certificate,
    sample_listening_reference,
)
from domain.documents import EnrolledTeacher
from tests.documents.pdfutil import decode_qr, flat, fonts, page_count, pypdf_text, write


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_every_sample_renders_deterministically_with_embedded_fonts(
    kind: str, lang: str, tmp_path: Path
) -> None:
    pdf = render_sample(kind, lang)  # type: ignore[arg-type]
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert render_sample(kind, lang) == pdf  # type: ignore[arg-type]
    for row in fonts(write(tmp_path, pdf)):
        assert row["emb"] == "yes" and "DejaVu" in row["name"], row


def test_render_sample_overrides_and_unknown_kind() -> None:
    pdf = render_sample("certificate", "ru", name="Ким Ирина", topic="Тема X", hours=36)
    text = flat(pypdf_text(pdf))
    assert "Ким Ирина" in text and "«Тема X»" in text and "в объеме 36 академических часов" in text
    with pytest.raises(ValueError, match="unknown document kind"):
        render_sample("diploma", "kk")


def test_internship_certificate_app_6(tmp_path: Path) -> None:
    doc = sample_internship_certificate("ru")
    pdf = render_internship_certificate(doc)
    text = flat(pypdf_text(pdf))
    assert "ТАҒЫЛЫМДАМАДАН ӨТКЕНІ ТУРАЛЫ СЕРТИФИКАТ" in text
    assert "СЕРТИФИКАТ О ПРОХОЖДЕНИИ СТАЖИРОВКИ" in text
    assert "Сергей Иванович Ким" in text
    assert (
        "прошел стажировку на базе организации, определенной в качестве базы практики — "
        "ТОО «Павлодарский машзавод», в рамках курса повышения квалификации на тему: "
        "«Современные технологии в машиностроении» в объеме 72 академических часов." in text
    )
    assert "Регистрационный номер № BLK-2026-000456" in text
    assert "Дата выдачи: «23» ноября 2026 года" in text
    assert decode_qr(write(tmp_path, pdf), tmp_path) == [doc.verification_url]
    kk = flat(pypdf_text(render_internship_certificate(sample_internship_certificate("kk"))))
    assert "Ержан Болатұлы Сәрсенбаев" in kk
    assert "72 академиялық сағат көлемінде тағылымдамадан өтті" in kk
    assert "Тіркеу нөмірі № BLK-2026-000456" in kk


def test_enterprise_reference_app_5() -> None:
    text = flat(pypdf_text(render_enterprise_reference(sample_enterprise_reference("ru"))))
    assert "Справка о прохождении педагогом стажировки на базе предприятия (организации)" in text
    # names after a colon, in the nominative: "Выдана Сергей Иванович Ким" needed the dative
    assert "Предприятие (организация): ТОО «Павлодарский машзавод»." in text
    assert (
        "Справка выдана педагогу: Сергей Иванович Ким. Он проходил стажировку на базе этого "
        "предприятия (организации) с 05.10.2026 по 16.10.2026 в объеме 72 академических часов, "
        "исполнял функциональные обязанности по должности «инженер-технолог» и приобрел "
        "профессиональные навыки: наладка станков с ЧПУ, контроль качества продукции." in text
    )
    assert "Выдана Сергей" not in text and "Место печати (при наличии)" in text
    assert "Руководитель предприятия (организации)" in text
    assert "Андрей Викторович Белов" in text
    kk = flat(pypdf_text(render_enterprise_reference(sample_enterprise_reference("kk"))))
    assert "Анықтама берілді: Ержан Болатұлы Сәрсенбаев." in kk
    assert "05.10.2026 – 16.10.2026 аралығында" in kk
    assert "Кәсіпорын (ұйым) басшысы" in kk
    assert "Мөр орны (бар болса)" in kk and "М.О." not in kk


def test_listening_reference_section_31() -> None:
    text = flat(pypdf_text(render_listening_reference(sample_listening_reference("ru"))))
    assert "СПРАВКА О ПРОСЛУШИВАНИИ КУРСА ПОВЫШЕНИЯ КВАЛИФИКАЦИИ" in text
    assert "№ BLK-2026-C000042 от «23» ноября 2026 года" in text  # the bot's reference series
    assert "Справка выдана слушателю: Ольга Петровна Иванова. Она прослушала курс" in text
    assert "Выдана Ольга" not in text
    assert "в период с 02.11.2026 по 20.11.2026" in text
    assert "Посещено занятий: 13 из 18 (72,2 %)." in text
    assert "Результат итогового оценивания: 42 из 100 баллов." in text
    assert "Сертификат не выдан: посещаемость ниже 80 %" in text
    assert (
        "В соответствии с п. 31 Правил слушатель, не получивший сертификат, может подать "
        "заявку:" in text
    )
    assert "§" not in text
    for option in (
        "1) на повторное оценивание знаний, не более одного раза в год;",
        "2) на повторное оценивание знаний со следующим потоком Курсов;",
        "3) на перевод по уважительной причине из одного потока в другой в течение текущего года;",
        "4) на завершение прерванного Курса по уважительной причине с предоставлением "
        "подтверждающих документов.",
    ):
        assert option in text
    kk_doc = dataclasses.replace(sample_listening_reference("kk"), score=None)
    kk = flat(pypdf_text(render_listening_reference(kk_doc)))
    assert "КУРСЫН ТЫҢДАҒАНЫ ТУРАЛЫ АНЫҚТАМА" in kk
    assert "Анықтама берілді: Дәурен Қанатұлы Жұмабеков." in kk
    assert "Қатысқан сабақтары: 13, барлық сабақ саны — 18 (72,2 %)." in kk
    assert "Қорытынды бағалаудан өтпеді." in kk
    assert "1) жылына бір реттен жиі емес білімін қайта бағалаудан өту;" in kk
    assert "Қағидалардың 31-тармағына сәйкес" in kk and "§" not in kk


def test_listening_reference_decimal_score() -> None:
    doc = dataclasses.replace(sample_listening_reference("ru"), score=47.5, max_score=100)
    assert "47,5 из 100 баллов" in flat(pypdf_text(render_listening_reference(doc)))
    odd = dataclasses.replace(doc, score=20, max_score=21)
    assert "20 из 21 балла." in flat(pypdf_text(render_listening_reference(odd)))


def test_domestic_application_app_1_fills_every_blank() -> None:
    text = flat(pypdf_text(render_application(sample_application("ru"))))
    for blank in (
        "Руководителю",
        "Школа-лицей № 45 города Астаны",
        "(наименование организации образования)",
        "Гүлмира Ахметқызы Бекова",
        "от",
        "Ольга Петровна Иванова",
        "учитель информатики",
        "(должность)",
        "Заявление",
        "(подпись заявителя)",
        "«14» сентября 2026 года",
        "(дата подачи заявления)",
    ):
        assert blank in text, blank
    assert (
        "Я, Ольга Петровна Иванова, прошу рассмотреть мою кандидатуру для обучения на курсах "
        "повышения квалификации педагогов Республики Казахстан с русским языком обучения." in text
    )
    kk = flat(pypdf_text(render_application(sample_application("kk"))))
    assert "Өтініш" in kk and "Басшыға" in kk and "Әлия Серікқызы Нұрланова" in kk
    assert "қазақ тілінде оқуға кандидатурамды қарастыруыңызды сұраймын" in kk
    assert "2026 жылғы «14» қыркүйек" in kk


def test_abroad_application_app_2_and_blank_date() -> None:
    doc = dataclasses.replace(sample_application("ru", abroad=True), submitted_on=None)
    text = flat(pypdf_text(render_application(doc)))
    assert (
        "на 3-месячных (до 3 месяцев) курсах повышения квалификации педагогов Республики "
        "Казахстан за рубежом (Финляндия) в группе с английским языком обучения." in text
    )
    assert "«__» ____________ 20__ года" in text
    year = dataclasses.replace(doc, abroad_duration="1_year", lang="kk", country="Жапония")
    kk = flat(pypdf_text(render_application(year)))
    assert "шетелде (Жапония) өтетін 1 жылға дейінгі" in kk and "ағылшын тілінде" in kk


def test_enrollment_order_sections_16_18() -> None:
    text = flat(pypdf_text(render_enrollment_order(sample_enrollment_order("ru"))))
    assert "БҰЙРЫҚ" in text and "ПРИКАЗ" in text
    assert "«28» октября 2026 года" in text and "№ 128-п" in text and "город Астана" in text
    assert "О зачислении слушателей на курсы повышения квалификации" in text
    assert "Управление образования города Астаны от 14.10.2026 № 02-15/1184" in text
    assert "ПРИКАЗЫВАЮ:" in text
    assert "(поток 3), проводимый с 02.11.2026 по 20.11.2026" in text
    assert "Приложение к приказу от 28.10.2026 № 128-п" in text
    assert "Данияр Өмірзақұлы Ысқақов СОШ № 12 учитель математики" in text
    kk = flat(pypdf_text(render_enrollment_order(sample_enrollment_order("kk"))))
    assert "Тыңдаушыларды біліктілікті арттыру курстарына қабылдау туралы" in kk
    assert "БҰЙЫРАМЫН:" in kk and "2026 жылғы «28» қазан" in kk
    assert "Айгүл Нұрсұлтанқызы Әбдіхалық" in kk
    # the annex dates the order with the locative + -ғы of domain.kazakh
    assert "2026 жылғы 28 қазандағы № 128-ө бұйрыққа қосымша" in kk


def test_long_enrollment_list_runs_over_pages() -> None:
    teachers = [
        EnrolledTeacher(f"Тыңдаушы {i} Әбенұлы", f"№ {i} мектеп", "мұғалім") for i in range(120)
    ]
    doc = dataclasses.replace(sample_enrollment_order("kk"), teachers=teachers)
    pdf = render_enrollment_order(doc)
    assert page_count(pdf) >= 4
    text = flat(pypdf_text(pdf))
    for i in range(120):
        assert f"Тыңдаушы {i} Әбенұлы" in text


def test_markup_is_escaped_in_every_document() -> None:
    evil = "<b>Ivan</b> & Co"
    docs = [
        render_application(
            dataclasses.replace(
                sample_application("ru"), applicant_full_name=evil, school_name=evil
            )
        ),
        render_listening_reference(
            dataclasses.replace(
                sample_listening_reference("ru"), holder_full_name=evil, reason_not_passed=evil
            )
        ),
        render_enterprise_reference(
            dataclasses.replace(
                sample_enterprise_reference("ru"), holder_full_name=evil, skills_acquired=evil
            )
        ),
        render_internship_certificate(
            dataclasses.replace(
                sample_internship_certificate("ru"), holder_full_name=evil, enterprise_name=evil
            )
        ),
        render_enrollment_order(
            dataclasses.replace(
                sample_enrollment_order("ru"),
                topic=evil,
                teachers=[EnrolledTeacher(evil, evil, evil)],
            )
        ),
    ]
    for pdf in docs:
        assert evil in flat(pypdf_text(pdf))


def test_hours_phrase_and_dates() -> None:
    from bot.documents.texts import hours_phrase, long_date

    assert hours_phrase(36, "ru") == "в объеме 36 академических часов"
    assert hours_phrase(101, "ru") == "в объеме 101 академического часа"
    assert hours_phrase(111, "ru") == "в объеме 111 академических часов"
    assert hours_phrase(108, "kk") == "108 академиялық сағат көлемінде"
    assert long_date(date(2026, 1, 5), "kk") == "2026 жылғы «5» қаңтар"
