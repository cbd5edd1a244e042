"""Certificate + appendix renders per CPU-second on one core
(``python -m bot.dev.bench.rendering_cpu``).

The same documents as ``biliktilik bench --only certificates_rendered`` (each with its own
holder, number, QR payload and grades), timed in CPU seconds only: a quick check while
working on the renderers.
"""

from __future__ import annotations

import sys
import time

from bot.dev.bench.documents import issuance_jobs
from bot.documents import render_certificate_with_appendix


def certificates_per_second(count: int = 200) -> float:
    warm_up, *jobs = issuance_jobs(count + 1)
    render_certificate_with_appendix(*warm_up)  # fonts registered, seed subsets built
    started = time.process_time()
    for job in jobs:
        render_certificate_with_appendix(*job)
    return count / (time.process_time() - started)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"{certificates_per_second(n):.1f} certificate+appendix PDFs per CPU-second")
