"""App. 4 module table drawn on the canvas: columns, wrapping, page breaks, the signature block.

What a reader checks on paper: every module is listed once, long names stay inside their
column, each continuation page repeats the column headings, and the head's signature never
runs off the page or over the table, whatever the number of modules.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from pypdf import PdfReader

from bot.documents import render_appendix, render_certificate_with_appendix
from bot.documents.appendix import COLUMNS, MARGIN
from bot.documents.layout import MM
from bot.documents.samples import sample_appendix, sample_certificate
from domain.documents import ModuleLine
from tests.documents.pdfutil import flat, pypdf_text, word_boxes, write

LONG_WORD = "Жасандыинтеллектқұралдарынсабақтақолданудыңәдістемесіменпрактикасы" * 2


def page_texts(pdf: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages]


def test_continuation_pages_repeat_the_column_headings_and_the_number() -> None:
    modules = [ModuleLine(f"Модуль {i}: Қазақ тілі мен әдебиетін оқыту", 2, "5") for i in range(70)]
    doc = dataclasses.replace(sample_appendix("ru"), modules=modules, total_hours=140)
    pages = page_texts(render_appendix(doc))
    assert len(pages) >= 3
    for text in pages:
        assert "Наименование модулей программы" in text
        assert "№ BLK-2026-000123" in text
    listed = " ".join(pages)
    assert all(listed.count(f"Модуль {i}:") == 1 for i in range(70))


def test_long_module_names_and_grades_wrap_inside_their_columns(tmp_path: Path) -> None:
    name = "Цифрлық білім беру ортасы, ақпараттық қауіпсіздік және " * 4 + LONG_WORD
    grade = "өте жақсы, сынақ тапсырылды, қайта тапсырусыз"
    doc = dataclasses.replace(
        sample_appendix("kk"), modules=[ModuleLine(name, 12, grade)], total_hours=12
    )
    pdf = render_appendix(doc)
    text = flat(pypdf_text(pdf))
    assert grade in text
    for word in name.split()[:-1]:
        assert word in text, word
    number_w, module_w, hours_w, grade_w = COLUMNS
    module_x0 = MARGIN + number_w
    grade_x0 = module_x0 + module_w + hours_w
    _, words = word_boxes(write(tmp_path, pdf))
    name_words = set(name.split()[:-1])
    in_module_column = [w for w in words if w.text in name_words]
    assert in_module_column
    for word in in_module_column:
        assert module_x0 < word.x_min and word.x_max < module_x0 + module_w, word
    for word in (w for w in words if w.text in grade.split()):
        assert grade_x0 < word.x_min and word.x_max < grade_x0 + grade_w, word
    # the unbreakable word is split over lines, all of it inside the module column
    pieces = [w for w in words if w.text and LONG_WORD.startswith(w.text[:12])]
    assert pieces
    assert all(module_x0 < w.x_min and w.x_max < module_x0 + module_w for w in pieces)


def test_signature_block_stays_on_the_page_below_the_table_for_any_module_count(
    tmp_path: Path,
) -> None:
    """Counts around the page break: the signature moves to the next page when it does not
    fit; it is never cut by the bottom margin and never drawn over a table row."""
    for count in range(14, 34):
        modules = [ModuleLine(f"Модуль {i} бағдарламасы", 2, "5") for i in range(count)]
        doc = dataclasses.replace(sample_appendix("ru"), modules=modules, total_hours=count * 2)
        sizes, words = word_boxes(write(tmp_path, render_appendix(doc), f"a{count}.pdf"))
        height = sizes[0][1]
        assert all(w.y_max < height - 17 * MM for w in words), count
        title = next(w for w in words if w.text == "Руководитель")
        total = next(w for w in words if w.text == "Итого")
        assert (title.page, title.y_min) > (total.page, total.y_max), count
        assert " ".join(w.text for w in words).count("Итого") == 1


def test_certificate_and_appendix_text_survives_the_direct_drawing() -> None:
    pdf = render_certificate_with_appendix(sample_certificate("kk"), sample_appendix("kk"))
    text = flat(pypdf_text(pdf))
    assert "№ Бағдарлама модульдерінің атауы Сағат саны Баға" in text
    assert "1 Цифрлық білім беру ортасы және ақпараттық қауіпсіздік 12 өте жақсы" in text
    assert "4 Оқушылардың цифрлық құзыреттілігін бағалау 18 сынақ" in text
