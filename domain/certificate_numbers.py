"""§33 registration numbers of certificates and the signed QR / deep-link payload.

Canonical form: ``<PREFIX>-<YEAR>-<6 digits>``, e.g. ``ORL-2026-000123``. §31 listening
references have their own series, marked by ``C`` (Справка) before the serial:
``ORL-2026-C000007`` — so they take no numbers from the certificate register (which has no
gaps) and a reference's number is recognisably one. The QR code of a
certificate opens ``https://t.me/<bot>?start=v_<number>_<signature>``; the signature is a
truncated HMAC-SHA256 with ``CERT_SECRET``, so a number that was never issued cannot be made to
"verify" by editing the link.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass

__all__ = [
    "CERTIFICATE_SERIES",
    "DEEP_LINK_MAX_LENGTH",
    "REFERENCE_SERIES",
    "SIGNATURE_LENGTH",
    "CertificateNumber",
    "DeepLinkPayload",
    "deep_link_payload",
    "parse_certificate_number",
    "parse_deep_link_payload",
    "sign_certificate_number",
    "verification_url",
    "verify_deep_link_payload",
    "verify_signature",
    "web_verification_url",
]

SIGNATURE_LENGTH = 12
"""Base32 characters of the truncated HMAC (12 × 5 = 60 bits)."""
DEEP_LINK_MAX_LENGTH = 64
"""Telegram's limit for a ``/start`` parameter (``A-Za-z0-9_-``)."""
CERTIFICATE_SERIES = ""
"""Certificates (App. 3, App. 6): no series mark."""
REFERENCE_SERIES = "C"
"""§31 listening references: ``C`` for "справка" (a Cyrillic С typed by a user reads as it)."""
_SERIES = (CERTIFICATE_SERIES, REFERENCE_SERIES)
MIN_YEAR = 2000
MAX_YEAR = 2099
MAX_SERIAL = 999_999

_PREFIX_RE = re.compile(r"[A-Z]{2,10}")
_CYRILLIC_LOOKALIKES = str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")
_SEPARATORS = "-‐‑‒–—―_./\\:"
# optional number sign ("№", "#", or "N"/"No"/"Nr" followed by a separator), then the parts
_NUMBER_RE = re.compile(
    r"(?P<prefix>[A-Z]{2,10})(?P<year>[0-9]{4})(?P<series>C?)(?P<serial>[0-9]{1,6})"
)
_SIGN_RE = re.compile(r"^(?:[№#]\s*|N[OR]? )")
_PAYLOAD_RE = re.compile(
    r"^v_(?P<prefix>[A-Z]{2,10})-(?P<year>[0-9]{4})-(?P<series>C?)(?P<serial>[0-9]{6})"
    r"_(?P<sig>[A-Z2-7]+)$"
)
_BOT_USERNAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


@dataclass(frozen=True, slots=True, order=True)
class CertificateNumber:
    """A registration number: prefix of 2–10 latin capitals, a year 2000–2099, the series
    (``""`` for certificates, ``"C"`` for §31 listening references) and a serial 1–999999
    (shown zero-padded to 6 digits)."""

    prefix: str
    year: int
    serial: int
    series: str = CERTIFICATE_SERIES

    @property
    def is_reference(self) -> bool:
        return self.series == REFERENCE_SERIES

    def __post_init__(self) -> None:
        if self.series not in _SERIES:
            raise ValueError("series must be '' or 'C'")
        if not _PREFIX_RE.fullmatch(self.prefix):
            raise ValueError("prefix must be 2–10 latin capital letters")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year must be {MIN_YEAR}–{MAX_YEAR}")
        if not 1 <= self.serial <= MAX_SERIAL:
            raise ValueError(f"serial must be 1–{MAX_SERIAL}")

    def format(self) -> str:
        return f"{self.prefix}-{self.year:04d}-{self.series}{self.serial:06d}"

    def __str__(self) -> str:
        return self.format()


def parse_certificate_number(text: str) -> CertificateNumber | None:
    """Read a number as a person types it; ``None`` for anything else.

    Tolerated: any case; a leading ``№``, ``#`` or ``N`` / ``No`` / ``Nr`` followed by a
    space, dot or colon; spaces, dashes (incl. en/em dashes), underscores, dots, slashes,
    colons anywhere between the characters, or none at all (``ORL2026000123``);
    Cyrillic letters that look like latin ones (``ОRL`` typed with a Cyrillic О). A listening
    reference's number has ``C`` (or a Cyrillic ``С``) before its serial: ``ORL-2026-С7``.

    Decision: the serial may be typed with 1–6 digits and is zero-padded (``ORL-2026-123`` is
    ``ORL-2026-000123``): serials are numbers, and the padding is our formatting, so it never
    makes a different certificate verify. Serial 0, more than 6 digits, a year outside
    2000–2099, a prefix outside 2–10 letters → ``None``. A glued ``N`` (``NORL-…``) is part of
    the prefix, not a number sign; ``N ORL…`` with a separator is the sign, unless what follows
    the sign is not a number (``NO-2026-1`` is prefix ``NO``).
    """
    if not isinstance(text, str) or len(text) > 100:
        return None
    s = text.strip().upper().translate(_CYRILLIC_LOOKALIKES)
    for sep in _SEPARATORS:
        s = s.replace(sep, " ")
    s = " ".join(s.split())
    candidates = [s]
    sign = _SIGN_RE.match(s)
    if sign is not None:  # "N ORL-…" is a number sign; "NO-2026-1" is the prefix "NO"
        candidates.insert(0, s[sign.end() :])
    for candidate in candidates:
        match = _NUMBER_RE.fullmatch(candidate.replace(" ", ""))
        if match is not None:
            break
    else:
        return None
    try:
        return CertificateNumber(
            match.group("prefix"),
            int(match.group("year")),
            int(match.group("serial")),
            match.group("series"),
        )
    except ValueError:
        return None


def _require_secret(secret: bytes) -> None:
    if not secret:
        raise ValueError("CERT_SECRET must not be empty")


def sign_certificate_number(number: CertificateNumber, secret: bytes) -> str:
    """HMAC-SHA256 of the canonical number, base32 (``A-Z2-7``, no padding) truncated to
    ``SIGNATURE_LENGTH`` characters."""
    _require_secret(secret)
    digest = hmac.new(secret, number.format().encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:SIGNATURE_LENGTH]


def verify_signature(number: CertificateNumber, signature: str, secret: bytes) -> bool:
    """Constant-time comparison of a signature with the expected one."""
    expected = sign_certificate_number(number, secret)
    if not isinstance(signature, str) or not signature.isascii():
        return False
    return hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii"))


@dataclass(frozen=True, slots=True)
class DeepLinkPayload:
    number: CertificateNumber
    signature: str


def deep_link_payload(number: CertificateNumber, secret: bytes) -> str:
    """``v_<PREFIX>-<YEAR>-<SERIAL>_<signature>``: at most 38 characters of ``A-Za-z0-9_-``."""
    payload = f"v_{number.format()}_{sign_certificate_number(number, secret)}"
    assert len(payload) <= DEEP_LINK_MAX_LENGTH
    return payload


def parse_deep_link_payload(payload: str) -> DeepLinkPayload | None:
    """Split a ``/start`` parameter made by ``deep_link_payload``; ``None`` if it is not one.
    Strict: the canonical number, exactly as we produce it (no tolerance here)."""
    if not isinstance(payload, str) or len(payload) > DEEP_LINK_MAX_LENGTH:
        return None
    match = _PAYLOAD_RE.match(payload)
    if match is None or len(match.group("sig")) != SIGNATURE_LENGTH:
        return None
    try:
        number = CertificateNumber(
            match.group("prefix"),
            int(match.group("year")),
            int(match.group("serial")),
            match.group("series"),
        )
    except ValueError:
        return None
    return DeepLinkPayload(number, match.group("sig"))


def verify_deep_link_payload(payload: str, secret: bytes) -> CertificateNumber | None:
    """The number of a well-formed payload whose signature is right; otherwise ``None``."""
    parsed = parse_deep_link_payload(payload)
    if parsed is None or not verify_signature(parsed.number, parsed.signature, secret):
        return None
    return parsed.number


def verification_url(bot_username: str, number: CertificateNumber, secret: bytes) -> str:
    """§33 QR content: ``https://t.me/<bot>?start=v_<number>_<sig>`` (a leading ``@`` of the
    username is dropped)."""
    username = bot_username.removeprefix("@")
    if not _BOT_USERNAME_RE.fullmatch(username):
        raise ValueError("not a Telegram bot username")
    return f"https://t.me/{username}?start={deep_link_payload(number, secret)}"


def web_verification_url(public_url: str, number: CertificateNumber, secret: bytes) -> str:
    """§33 QR content when the organization publishes the web page (``PUBLIC_URL``):
    ``<PUBLIC_URL>/v/<number>?s=<signature>``; the page offers "open in Telegram" too."""
    base = public_url.rstrip("/")
    return f"{base}/v/{number.format()}?s={sign_certificate_number(number, secret)}"
