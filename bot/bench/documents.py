"""Certificates rendered per second: certificate + appendix with QR, one process (one core)."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

TARGET_PER_SECOND = 100


async def bench_rendering(quick: bool) -> dict[str, Any]:
    from bot.documents import render_certificate_with_appendix
    from bot.documents.samples import sample_appendix, sample_certificate

    count = 60 if quick else 300
    certificate, appendix = sample_certificate("kk"), sample_appendix("kk")
    render_certificate_with_appendix(certificate, appendix)  # fonts registered, caches warm
    began = time.perf_counter()
    size = 0
    for serial in range(count):
        number = f"BLK-2026-{serial:06d}"
        pdf = render_certificate_with_appendix(
            replace(
                certificate,
                number=number,
                verification_url=f"https://t.me/biliktilik_bot?start=v_{number}_x{serial}",
            ),
            replace(appendix, certificate_number=number),
        )
        size += len(pdf)
    elapsed = time.perf_counter() - began
    per_second = count / elapsed
    return {
        "rendered": count,
        "per_second": round(per_second, 1),
        "target_per_second": TARGET_PER_SECOND,
        "meets_target": per_second >= TARGET_PER_SECOND,
        "average_pdf_bytes": size // count,
    }
