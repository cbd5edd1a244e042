"""§29 (2025) print overlay and calibration page; §30 App. 5 blank and App. 6 with the
memorandum; the Russian verb agrees with the holder (read back with pdftotext)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.documents import render_enterprise_reference, render_internship_certificate
from bot.documents.blank_overlay import render_blank_overlay, render_calibration_page
from bot.documents.layout import MM
from domain.documents import (
    BlankOverlayDoc,
    EnterpriseReference,
    FieldBox,
    InternshipCertificateDoc,
    OrganizationInfo,
)
from tests.documents.pdfutil import flat, pdftotext, word_boxes, write

DOC = BlankOverlayDoc(
    number="ORL-2026-000042",
    holder_full_name="Сәрсенова Әйгерім Бекқызы",
    topic="Жобалық оқыту әдістемесі",
    academic_hours=72,
    issued_on=date(2026, 11, 23),
    valid_until=date(2029, 11, 23),
    lang="kk",
    verification_url="https://t.me/biliktilik_bot?start=v_ORL-2026-000042_abc",
)
ORG = OrganizationInfo("«Өрлеу» орталығы", "Центр «Өрлеу»", "Ахметов Ғ. С.")


def _x_of(tmp_path: Path, pdf: bytes, word: str) -> float:
    _, words = word_boxes(write(tmp_path, pdf, f"{word}.pdf"))
    return next(w.x_min for w in words if w.text == word)


def _y_of(tmp_path: Path, pdf: bytes, word: str) -> float:
    _, words = word_boxes(write(tmp_path, pdf, f"y{word}.pdf"))
    return next(w.y_min for w in words if w.text == word)


def test_overlay_prints_only_the_variable_data(tmp_path: Path) -> None:
    text = flat(pdftotext(write(tmp_path, render_blank_overlay(DOC))))
    for value in ("Сәрсенова Әйгерім Бекқызы", "Жобалық оқыту әдістемесі", "72"):
        assert value in text
    assert "ORL-2026-000042" in text and "23.11.2026" in text and "23.11.2029" in text
    for form_word in ("СЕРТИФИКАТ", "Тіркеу", "басшысы", "Мөр"):
        assert form_word not in text


def test_offsets_in_millimetres_move_every_field(tmp_path: Path) -> None:
    plain = render_blank_overlay(DOC)
    shifted = render_blank_overlay(DOC, offset_x_mm=10, offset_y_mm=-5)
    dx = _x_of(tmp_path, shifted, "ORL-2026-000042") - _x_of(tmp_path, plain, "ORL-2026-000042")
    dy = _y_of(tmp_path, shifted, "ORL-2026-000042") - _y_of(tmp_path, plain, "ORL-2026-000042")
    assert abs(dx - 10 * MM) < 0.5 and abs(dy + 5 * MM) < 0.5


def test_a_field_moved_by_the_settings(tmp_path: Path) -> None:
    moved = render_blank_overlay(DOC, {"number": FieldBox(100, 20, 80, 7)})
    assert abs(_x_of(tmp_path, moved, "ORL-2026-000042") - 100 * MM) < 1


def test_calibration_page_has_the_grid_and_the_boxes(tmp_path: Path) -> None:
    pdf = render_calibration_page(
        "Калибрлеу", {"name": "аты-жөні", "qr": "QR"}, offset_x_mm=2.5, offset_y_mm=-1
    )
    text = flat(pdftotext(write(tmp_path, pdf)))
    assert "Калибрлеу: X +2.5 mm, Y -1.0 mm" in text
    assert "аты-жөні (42; 65 mm)" in text
    assert "290" in text and "200" in text  # the millimetre marks along both edges


def test_blank_app_5_leaves_lines_for_the_enterprise(tmp_path: Path) -> None:
    blank = EnterpriseReference(
        holder_full_name="",
        enterprise_name="",
        period_start=None,
        period_end=None,
        academic_hours=None,
        position_held="",
        skills_acquired="",
        enterprise_head_name="",
        lang="ru",
    )
    text = flat(pdftotext(write(tmp_path, render_enterprise_reference(blank))))
    assert "Справка о прохождении педагогом стажировки на базе предприятия (организации)" in text
    assert "с «__» ________ 20__ года по «__» ________ 20__ года" in text
    assert "в объеме ______ академических часов" in text
    assert "Место печати (при наличии)" in text


def test_app_6_names_the_memorandum_and_agrees_with_the_holder(tmp_path: Path) -> None:
    doc = InternshipCertificateDoc(
        number="ORL-2026-000007",
        holder_full_name="Ольга Петровна Иванова",
        topic="Современные технологии в машиностроении",
        academic_hours=72,
        issued_on=date(2026, 11, 23),
        lang="ru",
        organization=ORG,
        enterprise_name="ТОО «Павлодарский машзавод»",
        memorandum="№ 12 от 01.09.2026",
        holder_gender="f",
    )
    text = flat(pdftotext(write(tmp_path, render_internship_certificate(doc))))
    assert "прошла стажировку на базе организации" in text
    assert "Меморандум о сотрудничестве № 12 от 01.09.2026." in text
    assert "Мөр орны (бар болса) Место печати (при наличии)" in text
