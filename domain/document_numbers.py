"""Numbers of documents typed by an admin (orders, letters, memoranda): the "№" is the form's.

The forms print "№ {number}" themselves (App. 3–6, the order, its basis letter), so a number
typed as "№ 03-15/2214" would be printed "№ № 03-15/2214". ``normalize_document_number``
keeps the number alone.
"""

from __future__ import annotations

import re

__all__ = ["normalize_document_number"]

# "№", "N°", "No.", "Nr", "#" (repeated, with spaces or dots) before the number itself;
# a bare "N" only when a space, a dot or a digit follows (a number "NK-12" keeps its letters).
_SIGN = re.compile(r"^(?:\s*(?:№|N[°ºo]\.?|Nr\.?|#|N(?=[\s.\d])\.?)\s*)+", re.IGNORECASE)


def normalize_document_number(text: str) -> str:
    """§18 (the order and its basis letter), §30 (the memorandum): the number as the form
    prints it after its own "№": leading number signs dropped, spaces squeezed.

    >>> normalize_document_number("№ 03-15/2214")
    '03-15/2214'
    >>> normalize_document_number("  №№ 12 ")
    '12'
    """
    squeezed = " ".join(text.split())
    return _SIGN.sub("", squeezed).strip(" .")
