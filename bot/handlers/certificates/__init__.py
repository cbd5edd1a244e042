"""Certificates (issue 6, items 2–5): issuing and revoking (admin), "my documents" (teacher),
verification by number or QR link (anyone).

This router comes before the common one, so ``/start v_…`` (the QR link) reaches it first.
"""

from __future__ import annotations

from aiogram import Router

from bot.handlers.certificates import admin, documents, verify


def create_router() -> Router:
    root = Router(name="certificates")
    root.include_router(verify.create_router())
    root.include_router(documents.create_router())
    root.include_router(admin.create_router())
    return root


__all__ = ["create_router"]
