"""A minimal SMTP server on loopback for the benchmarks: it answers like a mail relay on the same host (EHLO,
MAIL, RCPT, DATA, QUIT), counts what it was given and throws it away. aiosmtpd would do the same; this keeps the
benchmarks free of a dependency the project does not otherwise need."""

import asyncio
import threading


class SmtpSink:
    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay  # seconds before each reply, to stand in for a slower relay
        self.messages = 0
        self.recipients: list[str] = []
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "SmtpSink":
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._session, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _reply(self, writer: asyncio.StreamWriter, line: str) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        writer.write(line.encode() + b"\r\n")
        await writer.drain()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await self._reply(writer, "220 sink ESMTP")
        try:
            while line := await reader.readline():
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    await self._reply(writer, "250 sink")
                elif verb == b"RCPT":
                    self.recipients.append(line.decode(errors="replace").partition(":")[2].strip(" <>\r\n"))
                    await self._reply(writer, "250 OK")
                elif verb == b"DATA":
                    await self._reply(writer, "354 end with <CRLF>.<CRLF>")
                    while await reader.readline() not in (b".\r\n", b""):
                        pass
                    self.messages += 1
                    await self._reply(writer, "250 OK queued")
                elif verb == b"QUIT":
                    await self._reply(writer, "221 bye")
                    break
                else:  # MAIL, RSET, NOOP
                    await self._reply(writer, "250 OK")
        finally:
            writer.close()
