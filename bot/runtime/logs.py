"""Structured (JSON-lines) logging; personal data is masked before it reaches a handler."""

from __future__ import annotations

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime

IIN_PATTERN = re.compile(r"(?<!\d)\d{12}(?!\d)")
# Kazakhstan numbers as people write them: +7 701 555 12 34, 8(701)555-12-34, 77015551234.
PHONE_PATTERN = re.compile(
    r"(?<![\d-])(?:\+7|8|7)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?![\d-])"
)
STANDARD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}

#: The update being handled (set by ``bot.runtime.middlewares.tracing``): every line logged
#: while it is handled — ours, aiogram's, SQLAlchemy's, a background task it started —
#: carries its id.
current_update_id: ContextVar[int | None] = ContextVar("biliktilik_update_id", default=None)


def mask_personal_data(text: str) -> str:
    """IINs and phone numbers never appear in logs (Law of RK on personal data)."""
    text = IIN_PATTERN.sub("<iin>", text)
    return PHONE_PATTERN.sub("<phone>", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
        }
        update_id = current_update_id.get()
        if update_id is not None:
            entry["update_id"] = update_id
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = mask_personal_data(str(value)) if isinstance(value, str) else value
        if record.exc_info:
            entry["traceback"] = mask_personal_data(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def setup_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # One line per second per job would drown everything else.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
