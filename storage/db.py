"""Engine and session factory for SQLite (embedded default) and PostgreSQL (scale-out)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from storage.read_only import GuardedSession
from storage.sqlite_on_the_loop import (
    LoopAwareConnection,
    begin_on_the_loop,
    loop_aware_creator,
    on_the_loop,
)

SQLITE_BUSY_TIMEOUT_MS = 5000

#: Connection execution option: on SQLite, start the transaction with ``BEGIN IMMEDIATE``
#: (take the write lock up front) instead of a deferred ``BEGIN``.
SQLITE_IMMEDIATE = "biliktilik_sqlite_immediate"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _ensure_sqlite_directory(url: str) -> None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _install_sqlite_pragmas(engine: AsyncEngine) -> None:
    """WAL, foreign keys and a busy timeout on every new connection; explicit BEGIN.

    pysqlite/aiosqlite start transactions lazily and on their own terms; the driver's
    implicit handling is switched off and SQLAlchemy's ``begin`` event emits ``BEGIN`` itself
    (``BEGIN IMMEDIATE`` when a caller asked for a write transaction), as SQLAlchemy's SQLite
    documentation recommends.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
        # Straight to aiosqlite (SQLAlchemy's documented ``run_async``): one hop to the
        # driver's thread instead of three (cursor, execute, close) through a DBAPI cursor.
        # Every unit of work begins, so this is paid on every update. The statement then
        # does not appear in echo logs or cursor events.
        dbapi_connection = connection.connection.dbapi_connection
        run_async = getattr(dbapi_connection, "run_async", None)
        if run_async is None:  # a plain pysqlite connection (sync engine)
            connection.exec_driver_sql(statement)
            return
        driver = getattr(dbapi_connection, "driver_connection", None)
        try:
            if on_the_loop() and isinstance(driver, LoopAwareConnection):
                begin_on_the_loop(driver, statement, SQLITE_BUSY_TIMEOUT_MS, run_async)
                return
            run_async(lambda raw: raw.execute_fetchall(statement))
        except sqlite3.Error as error:
            # past SQLAlchemy's cursor, so its wrapping is ours to do: a busy database must
            # reach callers as the usual ``sqlalchemy.exc.OperationalError``
            raise DBAPIError.instance(statement, (), error, sqlite3.Error) from error


def create_engine(url: str, *, echo: bool = False) -> AsyncEngine:
    """An async engine for ``sqlite+aiosqlite://`` or ``postgresql+asyncpg://`` URLs."""
    if is_sqlite(url):
        _ensure_sqlite_directory(url)
        # connections a brief unit of work can use from the loop thread: storage.sqlite_on_the_loop
        engine = create_async_engine(url, echo=echo, async_creator=loop_aware_creator(url))
        _install_sqlite_pragmas(engine)
        return engine
    return create_async_engine(
        url,
        echo=echo,
        pool_size=10,
        max_overflow=10,
        pool_timeout=30,
        pool_recycle=1800,
        pool_pre_ping=True,
    )


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=GuardedSession
    )
