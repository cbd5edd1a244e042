"""Making the bot's database unavailable for a while, from the test process.

SQLite: another connection holds the write lock (`BEGIN EXCLUSIVE` on the same file) longer
than the bot's busy timeout; in WAL mode others can still read. PostgreSQL: the bot reaches the
server through a TCP proxy; stopping the proxy cuts the open connections and refuses new ones,
as a restarting or unreachable server does.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3


class SqliteWriteLock:
    def __init__(self, path: str) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None

    async def begin(self) -> None:
        def lock() -> sqlite3.Connection:
            connection = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=False
            )
            connection.execute("BEGIN EXCLUSIVE")  # waits while the bot writes, then holds
            return connection

        self._connection = await asyncio.to_thread(lock)

    async def end(self) -> None:
        assert self._connection is not None
        self._connection.execute("ROLLBACK")
        self._connection.close()
        self._connection = None


class TcpProxy:
    """127.0.0.1:<port> → the server; `end` refuses connections until `begin` again."""

    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pump(source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await source.read(65536):
                    target.write(data)
                    await target.drain()
            target.close()

        await asyncio.gather(pump(reader, up_writer), pump(up_reader, writer))
        self._writers -= {writer, up_writer}

    async def begin(self) -> None:
        """The outage begins: open connections are cut, new ones refused."""
        assert self._server is not None
        self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()
        self._server = None

    async def end(self) -> None:
        await self.start()  # the same port again

    async def close(self) -> None:
        if self._server is not None:
            await self.begin()
