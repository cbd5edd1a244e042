"""Certificates rendered per second: certificate + appendix with QR, one process (one core).

Like a real issue for a cohort: the organization, topic and modules repeat, while every
document has its own holder, number, QR payload and grades, and the languages alternate —
so caches of shared layout help exactly as much as they would in production, no more.
Wall time and CPU time (``time.process_time``) are both reported: the second does not halve
when another process shares the core.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from domain.documents import AppendixDoc, CertificateDoc, Lang, ModuleLine

TARGET_PER_SECOND = 100

_SURNAMES = ("Нұрланова", "Сейтқалиева", "Жұмабекова", "Иванова", "Ким", "Әбілқасымова", "Оспанова")
_GIVEN = ("Әлия", "Айгүл", "Гүлназ", "Ольга", "Мария", "Ұлжан", "Сәуле", "Динара", "Өмірзақ")
_PATRONYMICS = ("Серікқызы", "Нұрланқызы", "Петровна", "Бақытқызы", "Ивановна", "Қанатқызы")


def holder_name(serial: int) -> str:
    """A different full name for each serial (7 × 9 × 6 = 378 before one repeats)."""
    return " ".join(
        (
            _SURNAMES[serial % len(_SURNAMES)],
            _GIVEN[serial // len(_SURNAMES) % len(_GIVEN)],
            _PATRONYMICS[serial // (len(_SURNAMES) * len(_GIVEN)) % len(_PATRONYMICS)],
        )
    )


def issuance_jobs(count: int) -> list[tuple[CertificateDoc, AppendixDoc]]:
    from bot.documents.samples import sample_appendix, sample_certificate

    samples: dict[Lang, tuple[CertificateDoc, AppendixDoc]] = {
        lang: (sample_certificate(lang), sample_appendix(lang)) for lang in ("kk", "ru")
    }
    jobs = []
    for serial in range(count):
        certificate, appendix = samples["kk" if serial % 2 == 0 else "ru"]
        number = f"BLK-2026-{serial:06d}"
        name = holder_name(serial)
        modules = [
            ModuleLine(line.name, line.hours, str(60 + (serial * 7 + index * 13) % 41))
            for index, line in enumerate(appendix.modules)
        ]
        jobs.append(
            (
                replace(
                    certificate,
                    number=number,
                    holder_full_name=name,
                    holder_gender=None,
                    verification_url=(
                        f"https://t.me/biliktilik_bot?start=v_{number}_{serial * 2654435761:012x}"
                    ),
                ),
                replace(
                    appendix,
                    certificate_number=number,
                    holder_full_name=name,
                    holder_gender=None,
                    modules=modules,
                ),
            )
        )
    return jobs


async def bench_rendering(quick: bool) -> dict[str, Any]:
    from bot.documents import render_certificate_with_appendix

    count = 60 if quick else 300
    warm_up, *_ = issuance_jobs(1)
    render_certificate_with_appendix(*warm_up)  # fonts registered, seed subsets built
    jobs = issuance_jobs(count + 1)[1:]
    began, began_cpu = time.perf_counter(), time.process_time()
    size = sum(len(render_certificate_with_appendix(*job)) for job in jobs)
    per_second = count / (time.perf_counter() - began)
    per_cpu_second = count / (time.process_time() - began_cpu)
    return {
        "rendered": count,
        "distinct_holders": len({job[0].holder_full_name for job in jobs}),
        "per_second": round(per_second, 1),
        "per_cpu_second": round(per_cpu_second, 1),
        "target_per_second": TARGET_PER_SECOND,
        "meets_target": per_second >= TARGET_PER_SECOND,
        "average_pdf_bytes": size // count,
    }


def _render_and_sign(jobs: list[tuple[CertificateDoc, AppendixDoc]], signer: Any) -> int:
    """As issuing does: the certificate and the appendix, each its own PDF, each signed
    (``signer`` None: the same without signatures, for comparison)."""
    from bot.documents import render_appendix, render_certificate

    def sign(pdf: bytes) -> bytes:
        return pdf if signer is None else bytes(signer.sign(pdf))

    size = 0
    for certificate, appendix in jobs:
        size += len(sign(render_certificate(certificate)))
        size += len(sign(render_appendix(appendix)))
    return size


async def bench_signed(quick: bool) -> dict[str, Any]:
    """Issue 17.2: signed issuing, a teacher's certificate and appendix each rendered and
    signed (PAdES, RSA-2048 self-signed key) in one thread: teachers per second."""
    import asyncio
    from datetime import UTC, datetime

    from bot.authenticity.signing import DocumentSigner, make_self_signed_pkcs12

    count = 60 if quick else 300
    password = b"bench"
    signer = DocumentSigner(
        make_self_signed_pkcs12("Bench organization", password, datetime.now(UTC)), password
    )
    jobs = issuance_jobs(count + 1)
    await asyncio.to_thread(_render_and_sign, jobs[:1], signer)  # fonts, the CMS template
    began, began_cpu = time.perf_counter(), time.process_time()
    size = await asyncio.to_thread(_render_and_sign, jobs[1:], signer)
    per_second = count / (time.perf_counter() - began)
    per_cpu_second = count / (time.process_time() - began_cpu)
    began_cpu = time.process_time()
    await asyncio.to_thread(_render_and_sign, jobs[1:], None)
    unsigned_per_cpu_second = count / (time.process_time() - began_cpu)
    return {
        "teachers": count,
        "unsigned_per_cpu_second": round(unsigned_per_cpu_second, 1),
        "signed_pdfs": 2 * count,
        "per_second": round(per_second, 1),
        "per_cpu_second": round(per_cpu_second, 1),
        "target_per_second": TARGET_PER_SECOND,
        "meets_target": per_second >= TARGET_PER_SECOND,
        "average_pdf_bytes": size // (2 * count),
    }
