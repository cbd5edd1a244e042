"""Logs are JSON lines with the update id, and never carry an IIN or a phone number."""

from __future__ import annotations

import json
import logging

from bot.logs import JsonFormatter, mask_personal_data


def test_iins_and_phones_are_masked_but_dates_and_ids_are_not() -> None:
    text = (
        "IIN 850310400123, phones +7 701 555 12 34 and 8(701)555-12-34 and 77015551234; "
        "at 2026-11-23 20:13:50, update 123456789"
    )
    assert mask_personal_data(text) == (
        "IIN <iin>, phones <phone> and <phone> and <phone>; "
        "at 2026-11-23 20:13:50, update 123456789"
    )


def test_a_record_is_one_json_line_with_the_extra_fields() -> None:
    record = logging.makeLogRecord(
        {
            "name": "biliktilik",
            "levelname": "ERROR",
            "msg": "failed for 850310400123",
            "update_id": 77,
            "iin": "850310400123",
        }
    )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "failed for <iin>"
    assert entry["update_id"] == 77
    assert entry["iin"] == "<iin>"
    assert "\n" not in line
