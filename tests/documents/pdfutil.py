"""Reading rendered PDFs back: text (pypdf, pdftotext), word boxes, fonts, QR codes."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

REQUIRE_TOOLS = os.environ.get("BILIKTILIK_REQUIRE_TOOLS") == "1"


def tool(name: str, package: str) -> str:
    """Path of a command-line tool; skip (or fail with BILIKTILIK_REQUIRE_TOOLS=1) if absent."""
    path = shutil.which(name)
    if path is None:
        message = f"`{name}` not installed (apt-get install {package})"
        if REQUIRE_TOOLS:
            pytest.fail(message + " and BILIKTILIK_REQUIRE_TOOLS=1")
        pytest.skip(message)
    return path


def flat(text: str) -> str:
    """Whitespace (line breaks of wrapped text included) collapsed to single spaces."""
    return " ".join(text.split())


def pypdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def write(tmp_path: Path, pdf: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def pdftotext(pdf_path: Path) -> str:
    exe = tool("pdftotext", "poppler-utils")
    return subprocess.run(
        [exe, "-enc", "UTF-8", str(pdf_path), "-"], check=True, capture_output=True, text=True
    ).stdout


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)


def word_boxes(pdf_path: Path) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and every word's box (points, origin top-left) from ``pdftotext -bbox``."""
    exe = tool("pdftotext", "poppler-utils")
    html = subprocess.run(
        [exe, "-bbox", "-enc", "UTF-8", str(pdf_path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sizes, words = [], []
    for index, (w, h, body) in enumerate(_PAGE.findall(html)):
        sizes.append((float(w), float(h)))
        for x0, y0, x1, y1, text in _WORD.findall(body):
            words.append(Word(index, text, float(x0), float(y0), float(x1), float(y1)))
    return sizes, words


def fonts(pdf_path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb, sub, uni."""
    exe = tool("pdffonts", "poppler-utils")
    out = subprocess.run([exe, str(pdf_path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def decode_qr(pdf_path: Path, tmp_path: Path, page: int = 1) -> list[str]:
    pdftoppm = tool("pdftoppm", "poppler-utils")
    zbarimg = tool("zbarimg", "zbar-tools")
    prefix = tmp_path / "qr"
    subprocess.run(
        [
            pdftoppm,
            "-r",
            "200",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf_path),
            str(prefix),
        ],
        check=True,
    )
    result = subprocess.run(
        [zbarimg, "--raw", "-q", str(prefix) + ".png"], capture_output=True, text=True
    )
    return [line for line in result.stdout.splitlines() if line]
