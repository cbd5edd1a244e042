"""App. 3 certificate and App. 4 appendix: text, fonts, QR, fitting, escaping, determinism."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from bot.documents import (
    render_appendix,
    render_certificate,
    render_certificate_with_appendix,
)
from bot.documents.layout import MM
from bot.documents.samples import sample_appendix, sample_certificate
from domain.documents import ModuleLine
from tests.documents.pdfutil import (
    decode_qr,
    flat,
    fonts,
    page_count,
    pdftotext,
    pypdf_text,
    word_boxes,
    write,
)

KAZAKH_NAME = "Әлия Серікқызы Нұрланова"
ALL_KAZAKH = "Әәғқңөұүһі Ғайша Қоңырбай Өмірзақ Ұлжан Үкібай Һарон Іңкәр"
LONG_TOPIC = (
    "Цифрлық сауаттылық және білім берудегі жасанды интеллект: мектептегі оқу үдерісінде "
    "ChatGPT және басқа да генеративтік модельдерді жауапкершілікпен қолдану, оқушылардың "
    "сыни ойлауын дамыту және деректер қауіпсіздігін қамтамасыз ету жолдары"
)
LONG_NAME = (
    "Нұрсұлтанқызы-Серікбаева Әйгерім-Гүлназ Қанатбекқызы Өмірзақова-Ұлықбекова-Һадиева Іңкәрова"
)


def test_kazakh_certificate_prints_every_field_exactly(tmp_path: Path) -> None:
    doc = sample_certificate("kk")
    pdf = render_certificate(doc)
    assert pdf.startswith(b"%PDF")
    text = flat(pypdf_text(pdf))
    assert "СЕРТИФИКАТ" in text
    assert KAZAKH_NAME in text
    assert "«Цифрлық сауаттылық және білім берудегі жасанды интеллект» тақырыбы бойынша" in text
    assert "72 академиялық сағат көлемінде біліктілікті арттыру курсынан өткенін растайды" in text
    assert "Тіркеу нөмірі № BLK-2026-000123" in text
    assert "Берілген күні: 2026 жылғы «23» қараша" in text
    # the date takes the dative before «дейін», chosen by domain.kazakh
    assert "Жарамдылық мерзімі: 2029 жылғы 20 қарашаға дейін" in text
    assert "Ұйым басшысы" in text
    assert "Бауыржан Серікұлы Қайратов" in text
    # the forms' "Место печати (при наличии)", in both languages, not "М.О. / М.П."
    assert "Мөр орны (бар болса) Место печати (при наличии)" in text
    assert "М.П." not in text and "М.О." not in text
    assert doc.organization.name_kk in text and doc.organization.name_ru in text
    # poppler reads the same text (ToUnicode maps are right for every Kazakh letter).
    assert KAZAKH_NAME in flat(pdftotext(write(tmp_path, pdf)))


def test_russian_certificate_prints_every_field_exactly() -> None:
    pdf = render_certificate(sample_certificate("ru"))
    text = flat(pypdf_text(pdf))
    assert "Настоящим подтверждает, что" in text
    assert "Ольга Петровна Иванова" in text
    assert (
        "прошла курс повышения квалификации на тему «Цифровая грамотность и искусственный "
        "интеллект в образовании» в объеме 72 академических часов." in text
    )
    assert "Регистрационный номер № BLK-2026-000123" in text
    assert "Дата выдачи: «23» ноября 2026 года" in text
    assert "Действителен до: 20.11.2029" in text
    assert "Руководитель организации" in text
    assert "Место печати (при наличии)" in text and "М.П." not in text


def test_unknown_gender_keeps_the_forms_ending_and_follows_number_is_printed() -> None:
    doc = dataclasses.replace(
        sample_certificate("ru"),
        holder_gender=None,
        follows_number="BLK-2025-000007",
        academic_hours=81,
    )
    text = flat(pypdf_text(render_certificate(doc)))
    assert "прошел(ла) курс" in text
    assert "в объеме 81 академического часа" in text
    assert "Выдан взамен сертификата № BLK-2025-000007" in text


def test_every_kazakh_letter_survives(tmp_path: Path) -> None:
    pdf = render_certificate(sample_certificate("kk", name=ALL_KAZAKH))
    assert ALL_KAZAKH in flat(pypdf_text(pdf))
    assert ALL_KAZAKH.upper() not in flat(pypdf_text(pdf))  # no accidental case change
    assert ALL_KAZAKH in flat(pdftotext(write(tmp_path, pdf)))


def test_all_fonts_are_embedded_subsets(tmp_path: Path) -> None:
    pdf = render_certificate_with_appendix(sample_certificate("kk"), sample_appendix("kk"))
    rows = fonts(write(tmp_path, pdf))
    assert rows, "no fonts listed"
    for row in rows:
        assert row["emb"] == "yes", row
        assert row["sub"] == "yes", row
        assert row["uni"] == "yes", row
        assert "DejaVu" in row["name"], row


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_qr_decodes_to_the_verification_url(tmp_path: Path, lang: str) -> None:
    doc = sample_certificate(lang)  # type: ignore[arg-type]
    assert decode_qr(write(tmp_path, render_certificate(doc)), tmp_path) == [doc.verification_url]


def test_long_topic_and_name_are_wrapped_inside_the_border(tmp_path: Path) -> None:
    assert len(LONG_TOPIC) >= 200
    doc = sample_certificate("kk", name=LONG_NAME, topic=LONG_TOPIC)
    pdf = render_certificate(doc)
    text = flat(pypdf_text(pdf))
    for word in LONG_TOPIC.split() + LONG_NAME.split():
        assert word in text, word
    path = write(tmp_path, pdf)
    assert decode_qr(path, tmp_path) == [doc.verification_url]
    ((width, height),) = word_boxes(path)[0]
    inner = 10.5 * MM  # the inner frame line
    for word in word_boxes(path)[1]:
        assert inner < word.x_min and word.x_max < width - inner, word
        assert inner < word.y_min and word.y_max < height - inner, word
    # the topic and the signature block do not overlap: topic words stay above the head's title
    boxes = word_boxes(path)[1]
    title_top = min(w.y_min for w in boxes if w.text == "Ұйым")
    topic_words = set(LONG_TOPIC.replace("«", "").split())
    assert all(w.y_max < title_top for w in boxes if w.text.strip("«»:,.") in topic_words)


def test_long_organization_name_fits_its_column(tmp_path: Path) -> None:
    org = dataclasses.replace(
        sample_certificate("ru").organization,
        name_ru="Филиал акционерного общества «Национальный центр повышения квалификации "
        "«Өрлеу» — «Институт повышения квалификации педагогических работников по "
        "Северо-Казахстанской области» имени выдающегося педагога",
    )
    doc = dataclasses.replace(sample_certificate("ru"), organization=org)
    path = write(tmp_path, render_certificate(doc))
    ((width, _),) = word_boxes(path)[0]
    assert all(w.x_max < width - 10.5 * MM for w in word_boxes(path)[1])
    assert "Северо-Казахстанской" in flat(pypdf_text(path.read_bytes()))


def test_markup_in_user_text_prints_literally() -> None:
    name = "<b>Ivan</b> & Co"
    topic = "Теги <i>курсив</i> & <font size=40>x</font> &amp;"
    pdf = render_certificate(sample_certificate("ru", name=name, topic=topic))
    text = flat(pypdf_text(pdf))
    assert name in text
    assert topic in text
    appendix = dataclasses.replace(
        sample_appendix("ru", name=name, topic=topic),
        modules=[ModuleLine("<u>Модуль</u> & 1", 10, "<b>5</b>")],
    )
    text = flat(pypdf_text(render_appendix(appendix)))
    assert name in text and topic in text
    assert "<u>Модуль</u> & 1" in text and "<b>5</b>" in text


def test_rendering_is_deterministic() -> None:
    cert, appendix = sample_certificate("kk"), sample_appendix("kk")
    assert render_certificate(cert) == render_certificate(cert)
    first = render_certificate_with_appendix(cert, appendix)
    render_certificate(sample_certificate("ru", name="Другой Человек"))  # state in between
    assert render_certificate_with_appendix(cert, appendix) == first


def test_appendix_table_and_both_language_headings() -> None:
    text = flat(pypdf_text(render_appendix(sample_appendix("kk"))))
    assert "СЕРТИФИКАТҚА ҚОСЫМША" in text and "ПРИЛОЖЕНИЕ К СЕРТИФИКАТУ" in text
    assert "Бағдарлама модульдерінің атауы" in text
    assert "Жасанды интеллект құралдарын сабақта қолдану 24 жақсы" in text
    assert "Барлығы 72" in text
    assert "Тіркеу нөмірі № BLK-2026-000123" in text
    text = flat(pypdf_text(render_appendix(sample_appendix("ru"))))
    assert "Наименование модулей программы" in text
    assert "Инструменты искусственного интеллекта на уроке 24 хорошо" in text
    assert "показала соответствующие знания и навыки по следующим модулям" in text
    assert "Итого 72" in text
    assert "Дата выдачи: «23» ноября 2026 года" in text


def test_long_appendix_continues_on_more_pages_with_the_signature_last() -> None:
    modules = [ModuleLine(f"Модуль {i}: Қазақ тілі мен әдебиетін оқыту", 2, "5") for i in range(60)]
    doc = dataclasses.replace(sample_appendix("ru"), modules=modules, total_hours=120)
    pdf = render_appendix(doc)
    assert page_count(pdf) >= 2
    text = flat(pypdf_text(pdf))
    for i in range(60):
        assert f"Модуль {i}:" in text
    assert text.rindex("Итого 120") < text.rindex("Руководитель организации")


def test_certificate_with_appendix_is_one_pdf_landscape_then_portrait() -> None:
    import io

    from pypdf import PdfReader

    pdf = render_certificate_with_appendix(sample_certificate("kk"), sample_appendix("kk"))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2
    assert pages[0].mediabox.width > pages[0].mediabox.height
    assert pages[1].mediabox.width < pages[1].mediabox.height
    assert "СЕРТИФИКАТҚА ҚОСЫМША" in (pages[1].extract_text() or "")


def test_dates_are_formatted_per_locale() -> None:
    from bot.documents.texts import long_date, short_date

    assert long_date(date(2027, 3, 1), "kk") == "2027 жылғы «1» наурыз"
    assert long_date(date(2027, 3, 1), "ru") == "«1» марта 2027 года"
    assert short_date(date(2027, 3, 1)) == "01.03.2027"


@pytest.mark.parametrize(
    ("lang", "completed", "issued", "title"),
    [
        ("ru", "Дата завершения курса: «20» ноября 2026 года", "Дата выдачи: «23» ноября 2026 года",
         "И.о. руководителя"),
        ("kk", "Курстың аяқталған күні: 2026 жылғы «20» қараша",
         "Берілген күні: 2026 жылғы «23» қараша", "Басшының м.а."),
    ],
)  # fmt: skip
def test_certificate_prints_completion_and_issue_dates_and_the_acting_head(
    tmp_path: Path, lang: str, completed: str, issued: str, title: str
) -> None:
    """§33: both dates the validity counts from, and the acting head's title when
    HEAD_IS_ACTING is set."""
    from bot.config import Settings
    from bot.documents.issuing import organization_info

    settings = Settings(_env_file=None, head_name="Ким Ирина Олеговна", head_is_acting=True)
    doc = dataclasses.replace(
        sample_certificate(lang),  # type: ignore[arg-type]
        organization=organization_info(settings, lang),  # type: ignore[arg-type]
    )
    text = flat(pdftotext(write(tmp_path, render_certificate(doc))))
    assert completed in text and issued in text
    assert title in text and "Ким Ирина Олеговна" in text
    assert "Руководитель организации" not in text and "Ұйым басшысы" not in text
    plain = dataclasses.replace(
        doc,
        organization=organization_info(Settings(_env_file=None), lang),  # type: ignore[arg-type]
    )
    assert title not in flat(pdftotext(write(tmp_path, render_certificate(plain))))
