"""Outgoing texts that grow with the organization (lists), split within Telegram's limits.

Telegram counts 4,096 characters of a message (1,024 of a caption) after entity parsing; the
HTML source is never shorter than what it shows, so a part whose source fits fits as shown.
Parts are cut at line boundaries (a bot's line never opens a tag it closes on another line);
a single line longer than the limit is cut and ends with "…".
"""

from __future__ import annotations

MESSAGE_MAX = 4096
CAPTION_MAX = 1024


def split_message(text: str, limit: int = MESSAGE_MAX) -> list[str]:
    """``text`` as one or more messages of at most ``limit`` characters each."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        if len(line) > limit:
            line = line[: limit - 1] + "…"
        if current and len(current) + 1 + len(line) > limit:
            parts.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    parts.append(current)
    return parts
