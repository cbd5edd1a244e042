"""§29 (2025 wording): certificates are printed on security blanks.

§29: "Сертификат требует специальной степени защиты и приобретается в соответствии с
постановлением Правительства Республики Казахстан от 3 октября 2024 года № 815 …". The PDF
stays the electronic, verifiable copy; the paper certificate is the blank from the state
supplier with the variable data printed on it. Each blank (series + number) is used once: for
one certificate, or recorded as spoiled.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "MAX_BATCH",
    "BlankRef",
    "BlankStatus",
    "CertificateBlank",
    "blank_range",
    "parse_blank",
    "parse_blank_range",
]

MAX_BATCH = 500
"""At most this many blanks in one range (a cohort's certificates fit several times over)."""

_SERIES = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,4}"
_BLANK = re.compile(rf"^\s*({_SERIES})[\s\-№#N°.]*?(\d{{3,12}})\s*$", re.IGNORECASE)
_RANGE = re.compile(
    rf"^\s*({_SERIES})[\s\-№#N°.]*?(\d{{3,12}})\s*(?:-|–|—|\.\.)\s*(\d{{3,12}})\s*$",
    re.IGNORECASE,
)


class BlankStatus(enum.StrEnum):
    PRINTED = "printed"  # the certificate is printed on it
    SPOILED = "spoiled"  # misprinted or damaged: never used again


@dataclass(frozen=True, slots=True)
class BlankRef:
    """A blank's series and number as printed on it: "АА № 0001234"."""

    series: str
    number: str

    def label(self) -> str:
        return f"{self.series} № {self.number}"


@dataclass
class CertificateBlank:
    series: str
    number: str
    status: BlankStatus
    certificate_id: int | None = None
    note: str = ""
    recorded_by: int | None = None
    recorded_at: datetime | None = None
    id: int | None = None
    certificate_number: str | None = None  # read model: the certificate printed on it

    @property
    def ref(self) -> BlankRef:
        return BlankRef(self.series, self.number)


def parse_blank(text: str) -> BlankRef | None:
    """A blank typed as "АА 0001234", "аа№0001234", "AA-0001234": series (1–4 letters,
    Cyrillic or Latin, upper-cased) and number (3–12 digits, leading zeros kept: they are
    printed on the blank)."""
    match = _BLANK.match(text)
    if match is None:
        return None
    return BlankRef(match.group(1).upper(), match.group(2))


def parse_blank_range(text: str) -> list[BlankRef] | None:
    """A batch "АА 0001234-0001250": both ends included, one series, numbers as wide as the
    first one; ``None`` when malformed, reversed, or longer than ``MAX_BATCH``."""
    match = _RANGE.match(text)
    if match is None:
        return None
    return blank_range(match.group(1).upper(), match.group(2), match.group(3))


def blank_range(series: str, first: str, last: str) -> list[BlankRef] | None:
    start, end = int(first), int(last)
    if end < start or end - start + 1 > MAX_BATCH:
        return None
    width = len(first)
    return [BlankRef(series, str(n).zfill(width)) for n in range(start, end + 1)]
