"""File names of the documents the bot sends, in the reader's language: "Сертификат-ORL-2026-
000123.pdf", "Анықтама-ORL-2026-000124.pdf", "Приказ-45-к-ru.pdf", "Кесте-ФГ-2026-01.ics".

A frozen PDF keeps the English name it was stored with (``domain`` knows no languages); the
name a person sees is made when the file is sent, from its kind and its number."""

from __future__ import annotations

import re
from collections.abc import Callable

from domain.ports import DocumentFile

Translate = Callable[[str], str]

_UNSAFE = re.compile(r'[\s/\\:*?"<>|]+')
_STORED_PREFIX = {"enrollment_order": "order"}


def file_name(word: str, *parts: str, ext: str) -> str:
    """``word-part-part.ext`` with characters that file systems refuse replaced by "-"."""
    stem = "-".join(p for p in (word, *parts) if p)
    return f"{_UNSAFE.sub('-', stem).strip('-')}.{ext}"


def document_file_name(translate: Translate, document: DocumentFile) -> str:
    """A frozen document's name in the reader's language (``translate`` renders a message id
    in that language)."""
    stem = document.file_name.removesuffix(".pdf")
    prefix = _STORED_PREFIX.get(document.kind, document.kind)
    number = stem.removeprefix(prefix).lstrip("-_") if stem.startswith(prefix) else stem
    word = translate("screens-file-" + document.kind.replace("_", "-"))
    return file_name(word, number, ext="pdf")
