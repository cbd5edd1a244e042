"""Shims over library internals, each guarded by a test under ``tests/platform`` that fails
when the library changes under it: deferred aiogram type schemas (``lazy_telegram_schemas``)
and synchronous filters run on the loop (``inline_filters``). Storage's own shim over aiosqlite,
``storage.sqlite_on_the_loop``, stays in ``storage`` (storage never imports ``bot``); its guard
is ``tests/storage/test_sqlite_on_the_loop.py``."""
