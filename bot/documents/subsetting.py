"""Fast, deterministic TrueType subsets for reportlab.

reportlab builds, compresses and serialises every font subset of every PDF from scratch, in
pure Python: that was most of a certificate's render time. Here each document starts each
font's first subset from the same fixed alphabet (Russian and Kazakh letters, typographic
punctuation, padded to a full 256 codes), so that subset is identical in every PDF, and its
font file, ToUnicode map and widths are built and compressed once per process. Characters
outside the alphabet go to further subsets, built as reportlab always does. The output is
still an embedded TrueType subset with a ToUnicode map. Because the first subset's codes are
the same in every document, the encoding of a string made of its characters is too, and is
kept across documents (the same headings and names are drawn on every certificate).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
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
_SPLIT_CACHE_LIMIT = 4096


class _Raw(pdfdoc.PDFObject):
    """Bytes already in PDF syntax (a cached Widths array)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class _FormattedOnce(pdfdoc.PDFObject):
    """A PDF object formatted once per process and reused by every document: its bytes
    depend only on ``key`` and on the numbers of the objects it refers to (``refs``, by
    name), which are the same in documents laid out alike. ``build`` makes the real object
    when a document numbers them differently."""

    def __init__(
        self,
        cache: dict[tuple[Any, ...], bytes],
        key: tuple[str, ...],
        refs: tuple[str, ...],
        build: Callable[[], pdfdoc.PDFObject],
    ) -> None:
        self.cache, self.key, self.refs, self.build = cache, key, refs, build

    def format(self, document: Any) -> bytes:
        if not isinstance(document.encrypt, pdfdoc.NoEncryption):
            return bytes(pdfdoc.format(self.build(), document, toplevel=1))
        numbers = document.idToObjectNumberAndVersion
        key = (*self.key, *(numbers[name] for name in self.refs))
        data = self.cache.get(key)
        if data is None:
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            data = self.cache[key] = pdfdoc.format(self.build(), document, toplevel=1)
        return data


class _AlreadyFlate:
    """Stream filter for content compressed in advance: declares FlateDecode, changes nothing."""

    pdfname = "FlateDecode"

    @staticmethod
    def encode(data: bytes) -> bytes:
        return data


class _Probe:
    """Stands for a document while the seed state is computed (TTFont keys state by doc)."""


class _SubsetData:
    __slots__ = ("cmap", "font_file", "formatted", "length1", "widths")

    def __init__(self, font: TTFont, base_name: str, subset: list[int]) -> None:
        widths = [font.face.getCharWidth(code) for code in subset]
        self.widths = ("[" + " ".join(pdfdoc.fp_str(w) for w in widths) + "]").encode()
        self.cmap = zlib.compress(makeToUnicodeCMap(base_name, subset).encode("utf-8"))
        raw = font.face.makeSubset(subset)
        self.length1 = len(raw)
        self.font_file = zlib.compress(raw)
        self.formatted: dict[tuple[Any, ...], bytes] = {}  # see _FormattedOnce


class SeededTTFont(TTFont):
    """TTFont with a fixed first subset and cached subset objects (see module docstring)."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._cache: dict[tuple[str, tuple[int, ...]], _SubsetData] = {}
        self._seed: Any = None
        self._seed_chars: frozenset[str] = frozenset()
        self._seed_splits: dict[str, tuple[tuple[int, bytes], ...]] = {}

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        """As ``TTFont.splitString``; text made only of seeded characters has the same codes
        in every document, so its split (drawn again on every certificate) is kept."""
        if doc not in self.state:
            self.state[doc] = self._seeded_state()
        split = self._seed_splits.get(text)
        if split is None:
            split = tuple(super().splitString(text, doc, encoding))
            if isinstance(text, str) and self._seed_chars.issuperset(text):
                if len(self._seed_splits) >= _SPLIT_CACHE_LIMIT:
                    self._seed_splits.clear()
                self._seed_splits[text] = split
        return split

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
            self._seed_chars = frozenset(chr(code) for code in state.assignments)
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
        """As ``TTFont.addObjects`` (same objects, same order), each formatted once per
        process: the objects of a subset differ between documents only in their numbers."""
        state = self._assignState(doc)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            data = self._subset_data(base_name, subset)
            cmap_name = "toUnicodeCMap:" + base_name
            file_name = f"fontFile:{face.filename}({base_name})"
            descriptor_name = "fontDescriptor:" + base_name

            def cmap(data: _SubsetData = data) -> pdfdoc.PDFObject:
                return pdfdoc.PDFStream(content=data.cmap, filters=[_AlreadyFlate])

            def font_file(data: _SubsetData = data) -> pdfdoc.PDFObject:
                stream = pdfdoc.PDFStream(content=data.font_file, filters=[_AlreadyFlate])
                stream.dictionary["Length1"] = data.length1
                return stream

            def descriptor(base_name: str = base_name, file_name: str = file_name) -> Any:
                flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
                return pdfdoc.PDFDictionary(
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
                        "FontFile2": pdfdoc.PDFObjectReference(file_name),
                        "MissingWidth": face.defaultWidth,
                    }
                )

            def font(
                internal_name: str = internal_name,
                base_name: str = base_name,
                subset: list[int] = subset,
                data: _SubsetData = data,
                cmap_name: str = cmap_name,
                descriptor_name: str = descriptor_name,
            ) -> pdfdoc.PDFObject:
                pdf_font = pdfdoc.PDFTrueTypeFont()
                pdf_font.Name = internal_name
                pdf_font.BaseFont = base_name
                pdf_font.FirstChar = 0
                pdf_font.LastChar = len(subset) - 1
                pdf_font.Widths = _Raw(data.widths)
                pdf_font.ToUnicode = pdfdoc.PDFObjectReference(cmap_name)
                pdf_font.FontDescriptor = pdfdoc.PDFObjectReference(descriptor_name)
                return pdf_font

            formatted = data.formatted
            doc.Reference(_FormattedOnce(formatted, ("cmap",), (), cmap), cmap_name)
            doc.Reference(_FormattedOnce(formatted, ("file",), (), font_file), file_name)
            doc.Reference(
                _FormattedOnce(formatted, ("descriptor",), (file_name,), descriptor),
                descriptor_name,
            )
            pdf_font = _FormattedOnce(
                formatted, ("font", internal_name), (cmap_name, descriptor_name), font
            )
            pdf_font.__RefOnly__ = 1  # in the fonts dictionary as a reference, like any font
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
