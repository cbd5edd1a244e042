"""Rotating check-in codes (§24.3 attendance is recorded by the listener's own check-in).

A code is made and checked only on the server, from ``CERT_SECRET``:

    code = truncate(HMAC-SHA256(secret, "checkin|<session_id>|<window index>")) mod 10**6

* **Window**: 30 seconds of Unix time (``window = floor(unix seconds / 30)``), so every
  instance of the bot computes the same code without storing anything.
* **Grace**: the code of the previous window is still accepted, i.e. a code shown on a
  projector stays valid for 30 s after it was replaced (between 30 and 60 s in total). That
  covers typing it on a phone and a slow network, and nothing longer.
* **Format**: six digits — typed on a phone's numeric keypad, read from a projector at the
  back of a room without O/0 or I/1 confusion; shown as ``123 456``; spaces are ignored.
* **Bound to the session**: the session id is inside the MAC, so the code of session A is
  a code of session B only by a 1-in-a-million coincidence, and that coincidence cannot be
  steered without the secret. Guessing is bounded by the check-in use-case (5 wrong codes per
  teacher per session per 10 minutes).
* **QR**: a deep link ``https://t.me/<bot>?start=ci_<session_id>_<code>``; the payload is
  ``A-Za-z0-9_`` and far below Telegram's 64 characters.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from datetime import datetime, timedelta

__all__ = [
    "CODE_DIGITS",
    "DEEP_LINK_PREFIX",
    "GRACE_WINDOWS",
    "STALE_WINDOWS",
    "WINDOW",
    "CodeCheck",
    "accepts_code",
    "check_code",
    "code_for",
    "deep_link",
    "deep_link_payload",
    "display_code",
    "normalize_code",
    "parse_deep_link_payload",
    "window_ends_at",
    "window_index",
]

WINDOW = timedelta(seconds=30)
CODE_DIGITS = 6
GRACE_WINDOWS = 1
"""How many earlier windows are still accepted (1 = the previous code, 30 s more)."""
STALE_WINDOWS = 20
"""A code from up to 10 minutes ago is recognised as *stale* (a clearer answer than
"wrong"): it was really shown, just too long ago. It is never accepted."""
DEEP_LINK_PREFIX = "ci_"
MAX_PAYLOAD = 64

_CODE_RE = re.compile(r"^[0-9]{6}$")
_PAYLOAD_RE = re.compile(r"^ci_([1-9][0-9]{0,17})_([0-9]{6})$")


class CodeCheck(enum.Enum):
    VALID = "valid"  # current window or within the grace
    STALE = "stale"  # a real code of this session, but older than the grace
    WRONG = "wrong"


def _aware(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now


def window_index(now: datetime) -> int:
    """Index of the 30-second window containing ``now`` (same on every server)."""
    return int(_aware(now).timestamp() // WINDOW.total_seconds())


def window_ends_at(now: datetime) -> datetime:
    """When the code shown at ``now`` is replaced by the next one."""
    seconds = (window_index(now) + 1) * WINDOW.total_seconds()
    return datetime.fromtimestamp(seconds, tz=_aware(now).tzinfo)


def _code(secret: bytes, session_id: int, window: int) -> str:
    if not secret:
        raise ValueError("secret must not be empty")
    message = f"checkin|{session_id}|{window}".encode()
    digest = hmac.new(secret, message, hashlib.sha256).digest()
    # RFC 4226 dynamic truncation, on SHA-256.
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(number % 10**CODE_DIGITS).zfill(CODE_DIGITS)


def code_for(secret: bytes, session_id: int, now: datetime) -> str:
    """The code of ``session_id`` shown at ``now``: six digits."""
    return _code(secret, session_id, window_index(now))


def normalize_code(text: str) -> str | None:
    """What the teacher typed → six digits, or None if it cannot be a code.
    Spaces and dashes are ignored (the code is displayed as ``123 456``)."""
    cleaned = re.sub(r"[\s\-]", "", text)
    return cleaned if _CODE_RE.match(cleaned) else None


def display_code(code: str) -> str:
    """``123456`` → ``123 456``: two groups are easier to read from a projector."""
    return f"{code[:3]} {code[3:]}"


def accepts_code(secret: bytes, session_id: int, code: str, now: datetime) -> bool:
    """Whether ``code`` is valid now (current window or the grace): two MACs, no stale
    check — for matching a typed code against many sessions cheaply."""
    current = window_index(now)
    return any(
        hmac.compare_digest(_code(secret, session_id, current - back), code)
        for back in range(GRACE_WINDOWS + 1)
    )


def check_code(secret: bytes, session_id: int, code: str, now: datetime) -> CodeCheck:
    """Whether ``code`` is the code of ``session_id`` at ``now`` (current window or the
    previous one: the grace), a stale one (up to 10 minutes old), or wrong. Constant-time
    comparisons, so timing tells nothing about the code."""
    if accepts_code(secret, session_id, code, now):
        return CodeCheck.VALID
    current = window_index(now)
    for back in range(GRACE_WINDOWS + 1, STALE_WINDOWS + 1):
        if hmac.compare_digest(_code(secret, session_id, current - back), code):
            return CodeCheck.STALE
    return CodeCheck.WRONG


def deep_link_payload(session_id: int, code: str) -> str:
    payload = f"{DEEP_LINK_PREFIX}{session_id}_{code}"
    if len(payload) > MAX_PAYLOAD:  # impossible for sane ids; refuse rather than truncate
        raise ValueError("deep-link payload too long")
    return payload


def deep_link(bot_username: str, session_id: int, code: str) -> str:
    """The QR's content: opening it starts the bot with the check-in payload."""
    return f"https://t.me/{bot_username}?start={deep_link_payload(session_id, code)}"


def parse_deep_link_payload(payload: str) -> tuple[int, str] | None:
    """``ci_<session_id>_<code>`` → (session_id, code); None for anything else."""
    match = _PAYLOAD_RE.match(payload)
    if match is None:
        return None
    return int(match.group(1)), match.group(2)
