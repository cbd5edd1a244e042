"""Fast, deterministic TrueType subsets for reportlab.

reportlab builds, compresses and serialises every font subset of every PDF from scratch, in
pure Python: that was most of a certificate's render time. Here each document starts each
font's first subset from the same fixed alphabet (Russian and Kazakh letters, typographic
punctuation, padded to a full 256 codes), so that subset is identical in every PDF, and its
font file, ToUnicode map and widths are built and compressed once per process. Characters
outside the alphabet go to further subsets, built as reportlab always does. The output is
still an embedded TrueType subset with a ToUnicode map.
"""

from __future__ import annotations

import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    FF_NONSYMBOLIC,
    FF_SYMBOLIC,
    SUBSETN,
    TTFont,
    makeToUnicodeCMap,
)

SEED_ALPHABET = (
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
    "«»–—№…“”„‘’•°×·"
)
_PAD_POOL = "".join(chr(c) for c in (*range(0x0400, 0x0500), *range(0x00A1, 0x0100)))
_CACHE_LIMIT = 64


class _Raw(pdfdoc.PDFObject):
    """Bytes already in PDF syntax (a cached Widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class _AlreadyFlate:
    """Stream filter for content compressed in advance: declares FlateDecode, changes nothing."""

    pdfname = "FlateDecode"

    @staticmethod
    def encode(data: bytes) -> bytes:
        return data


class _Probe:
    """Stands for a document while the seed state is computed (TTFont keys state by doc)."""


class _SubsetData:
    __slots__ = ("cmap", "font_file", "length1", "widths")

    def __init__(self, font: TTFont, base_name: str, subset: list[int]) -> None:
        widths = [font.face.getCharWidth(code) for code in subset]
        self.widths = ("[" + " ".join(pdfdoc.fp_str(w) for w in widths) + "]").encode()
        self.cmap = zlib.compress(makeToUnicodeCMap(base_name, subset).encode("utf-8"))
        raw = font.face.makeSubset(subset)
        self.length1 = len(raw)
        self.font_file = zlib.compress(raw)


class SeededTTFont(TTFont):
    """TTFont with a fixed first subset and cached subset objects (see module docstring)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._cache: dict[tuple[str, tuple[int, ...]], _SubsetData] = {}
        self._seed: Any = None

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        if doc not in self.state:
            self.state[doc] = self._seeded_state()
        return super().splitString(text, doc, encoding)

    def _seeded_state(self) -> Any:
        """A fresh per-document state whose first subset is the full seeded alphabet."""
        if self._seed is None:
            probe = _Probe()
            super().splitString(SEED_ALPHABET, probe)
            state = self.state[probe]
            pad = (c for c in _PAD_POOL if ord(c) in self.face.charToGlyph)
            while state.nextCode % 256:
                super().splitString(next(pad), probe)
            self._seed = state
            del self.state[probe]
        state = TTFont.State(self._asciiReadable, self)
        state.assignments = dict(self._seed.assignments)
        state.subsets = [list(subset) for subset in self._seed.subsets]
        state.nextCode = self._seed.nextCode
        return state

    def _subset_data(self, base_name: str, subset: list[int]) -> _SubsetData:
        key = (base_name, tuple(subset))
        data = self._cache.get(key)
        if data is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            data = self._cache[key] = _SubsetData(self, base_name, subset)
        return data

    def addObjects(self, doc: Any) -> None:
        """As ``TTFont.addObjects``, with the expensive parts taken from the cache."""
        state = self._assignState(doc)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            data = self._subset_data(base_name, subset)

            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Raw(data.widths)
            cmap = pdfdoc.PDFStream(content=data.cmap, filters=[_AlreadyFlate])
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)

            font_file = pdfdoc.PDFStream(content=data.font_file, filters=[_AlreadyFlate])
            font_file.dictionary["Length1"] = data.length1
            font_file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({base_name})")
            flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
            descriptor = pdfdoc.PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": flags,
                    "FontBBox": pdfdoc.PDFArray(face.bbox),
                    "FontName": pdfdoc.PDFName(base_name),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": font_file_ref,
                    "MissingWidth": face.defaultWidth,
                }
            )
            pdf_font.FontDescriptor = doc.Reference(descriptor, "fontDescriptor:" + base_name)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
