"""Certificate + appendix renders per CPU-second on one core (``python -m bot.documents.bench``).

CPU time (``time.process_time``) rather than wall time, so a busy machine does not halve the
figure; every render has its own number and QR payload, like real issuance.
"""

from __future__ import annotations

import dataclasses
import sys
import time

from bot.documents import render_certificate_with_appendix
from bot.documents.samples import sample_appendix, sample_certificate


def certificates_per_second(count: int = 200) -> float:
    cert, appendix = sample_certificate("kk"), sample_appendix("kk")
    render_certificate_with_appendix(cert, appendix)  # fonts registered, seed subsets built
    jobs = [
        (
            dataclasses.replace(
                cert,
                number=f"BLK-2026-{i:06d}",
                verification_url=f"https://t.me/biliktilik_bot?start=v_BLK-2026-{i:06d}_{i:012x}",
            ),
            dataclasses.replace(appendix, certificate_number=f"BLK-2026-{i:06d}"),
        )
        for i in range(count)
    ]
    started = time.process_time()
    for job in jobs:
        render_certificate_with_appendix(*job)
    return count / (time.process_time() - started)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"{certificates_per_second(n):.1f} certificate+appendix PDFs per CPU-second")
