"""What an uploaded spreadsheet really is, decided from its bytes before a parser touches it.

A file's name proves nothing: a PDF or a program renamed to ``.xlsx``, an old ``.xls`` or a
password-protected workbook (both are OLE compound files, not zips), a macro workbook, a zip
bomb (a few megabytes whose XML inflates to gigabytes — openpyxl inflates whatever it is given),
a workbook hiding a sheet, rows or columns the admin never sees. Each is recognised here and
refused with its own translated answer (``bot.spreadsheets.reading.SpreadsheetError``).

OLE compound files are opened with ``olefile``; for the rest a handful of signatures is spelled
out below (what a file-type library would add is kinds that all get the same answer).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

import olefile

__all__ = [
    "MAX_UNPACKED_BYTES",
    "SheetLayout",
    "check_workbook_zip",
    "content_kind",
    "refuse_compound_file",
    "sheet_layout",
]

ZIP = b"PK\x03\x04"
COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")  # OLE/CFB: .xls, .doc, encrypted OOXML
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"MZ", "program"),  # Windows .exe / .dll
    (b"\x7fELF", "program"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"\x1f\x8b", "archive"),  # gzip
    (b"{\\rtf", "word"),
)
HTML_STARTS = (b"<!doctype html", b"<html", b"<table")  # "Excel" exports of some web systems

#: The XML a workbook may unpack to. A 10,000-row list of six columns unpacks to ~5 MB; ten
#: times that is room for long texts and wide score sheets, and still far from a bomb.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_PARTS = 1000  # a real workbook has a dozen parts, a styled one a hundred


def content_kind(data: bytes) -> str:
    """``zip``, ``compound``, ``text`` or the kind of a non-table (``pdf``, ``program``,
    ``image``, ``archive``, ``word``, ``html``)."""
    if data.startswith(ZIP):
        return "zip"
    if data.startswith(COMPOUND_FILE):
        return "compound"
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(HTML_STARTS):
        return "html"
    return "text"


def refuse_compound_file(data: bytes) -> tuple[str, dict[str, str]]:
    """The answer (message id, params) to an OLE compound file: a password-protected workbook
    (its "EncryptedPackage" stream), the old binary Excel 97–2003 format ("Workbook"/"Book",
    which openpyxl cannot read at all), or an old Word document."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptedPackage"):
                return "sheet-error-encrypted", {}
            if ole.exists("Workbook") or ole.exists("Book"):
                return "sheet-error-xls", {}
            if ole.exists("WordDocument"):
                return "sheet-error-not-a-table", {"kind": "word"}
    except Exception:  # untrusted bytes: a broken container is simply unreadable
        pass
    return "sheet-error-unreadable", {}


def check_workbook_zip(data: bytes) -> tuple[str, dict[str, int | str]] | None:
    """Refusal (message id, params) for a zip that is no safe workbook, else ``None``.

    Only the zip's directory is read: the sizes it declares are an upper bound on what
    ``zipfile`` will ever inflate (it stops at the declared size and fails the CRC), so a
    bomb is refused before one byte of it is decompressed. The bound is on the unpacked total,
    not on the compression ratio: a sheet of identical styled cells compresses 100-fold and is
    harmless, while what costs time and memory is the amount of XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            names = {part.filename for part in parts}
            if "xl/workbook.xml" not in names:
                return "sheet-error-not-a-table", {"kind": _other_document(archive, names)}
            unpacked = sum(part.file_size for part in parts)
            if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES:
                return "sheet-error-unpacked-too-big", {
                    "size_mb": max(1, unpacked // 2**20),
                    "max_mb": MAX_UNPACKED_BYTES // 2**20,
                }
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return "sheet-error-unreadable", {}
    if any(name.lower().endswith("vbaproject.bin") for name in names) or b"macroEnabled" in types:
        return "sheet-error-macros", {}
    return None


def _other_document(archive: zipfile.ZipFile, names: set[str]) -> str:
    if any(name.startswith("word/") for name in names):
        return "word"
    if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype")[:100]:
        return "ods"
    return "archive"


@dataclass
class SheetLayout:
    """What a sheet hides from the eye: merged ranges, hidden rows and hidden columns."""

    merged: list[str] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: list[tuple[int, int]] = field(default_factory=list)  # (min, max), 1-based

    def column_hidden(self, column: int) -> bool:
        return any(low <= column <= high for low, high in self.hidden_columns)


_TAG = re.compile(rb"<(?:\w+:)?(row|col|mergeCell)\b([^>]*)>")
_ATTR = re.compile(rb'\b(r|min|max|ref|hidden)="([^"]*)"')
_HIDDEN = (b"1", b"true")
CHUNK = 1 << 20


def sheet_layout(part: IO[bytes]) -> SheetLayout:
    """Scan a worksheet's XML (openpyxl's read-only mode, the only one cheap enough for an
    untrusted file, tells neither merged cells nor hidden rows). The XML is read in chunks cut
    just before a ``<``, so no tag is split between two chunks."""
    layout = SheetLayout()
    for chunk in _chunks(part):
        for match in _TAG.finditer(chunk):
            tag = match.group(1)
            attrs = dict(_ATTR.findall(match.group(2)))
            if tag == b"mergeCell" and b"ref" in attrs:
                layout.merged.append(attrs[b"ref"].decode("ascii", "replace"))
            elif attrs.get(b"hidden") in _HIDDEN:
                if tag == b"row" and attrs.get(b"r", b"").isdigit():
                    layout.hidden_rows.add(int(attrs[b"r"]))
                elif tag == b"col" and attrs.get(b"min", b"").isdigit():
                    low = int(attrs[b"min"])
                    high = int(attrs[b"max"]) if attrs.get(b"max", b"").isdigit() else low
                    layout.hidden_columns.append((low, high))
    return layout


def _chunks(part: IO[bytes]) -> Iterator[bytes]:
    rest = b""
    while block := part.read(CHUNK):
        buffer = rest + block
        cut = buffer.rfind(b"<")
        if cut <= 0:
            rest = buffer
            continue
        yield buffer[:cut]
        rest = buffer[cut:]
    if rest:
        yield rest
