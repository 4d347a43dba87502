"""The query guard's request handler: a backend's answer is sent whole, or not at all.

An oxigraph backend streams its answer while it computes it, so its status line says
``200 OK`` before it knows whether the query will finish. When the evaluation fails
part way (oxigraph's own timeout, a ``SERVICE`` endpoint that cannot be reached or
answers garbage) it writes the error's text where the next rows would have gone, ends
the body as if it were complete, and prints ``Internal server error while streaming
results: <the same text>`` on its stderr; when the guard kills it at the deadline the
body just stops.

So the handler reads the whole answer into a spool (memory up to :data:`BUFFER_BYTES`,
then a temporary file) before it sends a byte, and checks it: a body ending with the
cancellation text, or cut by the kill, becomes ``503`` with the one-line "query
stopped" message; a body ending with an error the backend reported on its stderr,
or JSON results that do not parse, become ``502`` with one line naming the failure.
Only a checked answer goes out, with its ``Content-Length``.
"""

from __future__ import annotations

import http.client
import json
import shutil
import tempfile
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

BUFFER_BYTES = 16 * 1024 * 1024  # answers up to this size stay in memory (and are parsed whole)
READ_BYTES = 1 << 20
MAX_BODY_BYTES = 128 * 1024 * 1024  # the same request limit as oxigraph's
ATTEMPTS = 4
CANCELLED = b"The SPARQL operation has been cancelled"
STREAM_ERROR = b"Internal server error while streaming results: "  # oxigraph's stderr line
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
              "trailer", "upgrade", "content-length", "host"}


class BrokenAnswer(Exception):
    """The backend's answer stopped before its end (the connection broke)."""


class SpoolFailed(Exception):
    """The answer could not be buffered (the temporary folder is full)."""


@dataclass
class Answer:
    """A backend's whole answer: status line, headers and the spooled body."""

    status: int
    reason: str
    headers: list[tuple[str, str]]
    kind: str  # the media type, without parameters
    body: Any  # a SpooledTemporaryFile
    size: int
    length_header: str | None  # the backend's Content-Length (what HEAD passes on)

    def tail(self, count: int) -> bytes:
        """The last ``count`` bytes of the body."""
        self.body.seek(max(0, self.size - count))
        return self.body.read(count)

    def close(self) -> None:
        """Drop the spool (and its temporary file, if it spilled to disk)."""
        self.body.close()


def receive(response: http.client.HTTPResponse, head_only: bool) -> Answer:
    """Read ``response`` whole into a spool.

    Raises :class:`BrokenAnswer` when the backend's body stops short and
    :class:`SpoolFailed` when it cannot be buffered."""
    spool = tempfile.SpooledTemporaryFile(max_size=BUFFER_BYTES)
    size = 0
    try:
        while not head_only:
            try:
                data = response.read(READ_BYTES)
            except (OSError, http.client.HTTPException) as exc:
                raise BrokenAnswer(repr(exc)) from None
            if not data:
                break
            try:
                spool.write(data)
            except OSError as exc:
                raise SpoolFailed(exc.strerror or str(exc)) from None
            size += len(data)
        if not head_only and response.length:  # a short Content-Length body ends without an error
            raise BrokenAnswer(f"{response.length} bytes missing")
    except BaseException:
        spool.close()
        raise
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in HOP_BY_HOP | {"server", "date"}]
    return Answer(response.status, response.reason, headers, response.headers.get_content_type(), spool, size,
                  response.headers.get("Content-Length"))


def one_line(text: bytes, limit: int = 300) -> str:
    """``text`` decoded, its whitespace runs as single spaces, at most ``limit`` characters."""
    flat = " ".join(text.decode("utf-8", "replace").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def streamed_error(answer: Answer, log: bytes) -> bytes | None:
    """The error text ``answer`` ends with, if the backend's stderr (``log``, what it
    wrote while the answer was made) reports it; else None.

    The body must end with the very text of a report, so the report of another request
    on the same backend does not count."""
    start = log.find(STREAM_ERROR)
    while start != -1:
        report = log[start + len(STREAM_ERROR):]
        first = report.split(b"\n", 1)[0]
        end = answer.tail(len(report))
        at = end.find(first) if first else -1
        while at != -1:
            text = end[at:]
            if report.startswith(text) and report[len(text):len(text) + 1] == b"\n":
                return text
            at = end.find(first, at + 1)
        start = log.find(STREAM_ERROR, start + 1)
    return None


def verdict(answer: Answer, log: bytes, stopped: str) -> tuple[int, str] | None:
    """None if ``answer`` may be sent; else the (status, one-line message) to send instead.

    ``log`` is what the backend wrote on its stderr meanwhile; ``stopped`` is the message
    of a query stopped by the time limit."""
    if answer.status != 200 or not answer.size:
        return None
    if answer.tail(len(CANCELLED) + 64).rstrip().endswith(CANCELLED):
        return 503, stopped
    failure = streamed_error(answer, log) if STREAM_ERROR in log else None
    if failure is not None:
        return 502, f"the query failed while its results were being sent: {one_line(failure)}"
    if answer.kind == "application/sparql-results+json":
        if answer.size <= BUFFER_BYTES:
            answer.body.seek(0)
            try:
                json.loads(answer.body.read())
                whole = True
            except ValueError:
                whole = False
        else:  # too large to parse here: a whole JSON document ends with its closing brace
            whole = answer.tail(64).rstrip().endswith(b"}")
        if not whole:
            return 502, f"the query backend's answer broke off: …{one_line(answer.tail(200))}"
    return None


class Handler(BaseHTTPRequestHandler):
    """Forwards reads to a backend; refuses writes; turns timeouts into 503.

    A subclass made by the guard sets ``pool`` (``take``/``release``/``log_mark``/
    ``log_since``), ``cors``, ``timeout_s`` and ``backend_timeout_s``."""

    protocol_version = "HTTP/1.1"
    timeout = 120  # an idle keep-alive connection is closed after this
    server_version = "sckg-guard"
    pool: Any
    cors: bool
    timeout_s: int | None
    backend_timeout_s: float | None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        self.forward()

    do_POST = do_HEAD = do_OPTIONS = do_PUT = do_DELETE = do_PATCH = do_GET

    def reply(self, status: int, message: str) -> None:
        """Answer ``status`` with ``message`` as one line of plain text."""
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self) -> bytes | None:
        """The request's body (plain or chunked); None if it is over the size limit."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks, total = [], 0
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY_BYTES:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return None if length > MAX_BODY_BYTES else self.rfile.read(length)

    def forward(self) -> None:
        """Answer the request: refused, or run on a backend (retried on another one if
        its backend dies under it) and sent whole or as a one-line error."""
        path = self.path.split("?", 1)[0]
        try:
            body = self.read_body()
        except ValueError:
            return self.reply(400, "malformed request body")
        if body is None:
            self.close_connection = True
            return self.reply(413, f"request body larger than {MAX_BODY_BYTES} bytes")
        if path.startswith("/update") or (path.startswith("/store") and self.command not in ("GET", "HEAD")):
            return self.reply(403, "this endpoint is read-only: updates and Graph Store writes are refused")
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        # The limit is the request's: a retry (backend killed for another query) keeps the time used.
        began = time.monotonic()
        try:
            for _attempt in range(ATTEMPTS):
                if self.timeout_s and time.monotonic() - began >= self.timeout_s:
                    return self.reply(503, self.stopped_message())
                flight = self.pool.take(began)
                if flight is None:
                    return self.reply(503, "no query backend is available; try again shortly")
                outcome = None
                try:
                    outcome = self.fetch(flight, body, headers)
                finally:
                    self.pool.release(flight, failed=outcome is None)
                if isinstance(outcome, Answer):
                    return self.send_answer(outcome)
                if outcome is not None:
                    return self.reply(*outcome)
            return self.reply(503, "the query backends kept failing; try again shortly")
        except OSError:  # the client went away while it was being answered
            self.close_connection = True
        return None

    def stopped_message(self) -> str:
        """The one line a query stopped by the time limit gets."""
        limit = f"{self.timeout_s} s" if self.timeout_s else "its"
        return (f"query stopped: it ran past the endpoint's time limit ({limit}); "
                "narrow it (LIMIT, more specific patterns) or run it with `sckg query` on a copy of the store")

    def fetch(self, flight: Any, body: bytes, headers: dict) -> Answer | tuple[int, str] | None:
        """Run the request on ``flight``'s backend: its checked answer, the (status,
        message) to send instead, or None to try another backend."""
        mark = self.pool.log_mark(flight.backend)
        conn = http.client.HTTPConnection("127.0.0.1", flight.backend.port, timeout=self.backend_timeout_s)
        try:
            conn.request(self.command, self.path, body=body or None, headers=headers)
            answer = receive(conn.getresponse(), self.command == "HEAD")
        except SpoolFailed as exc:
            return 503, f"the answer could not be buffered ({exc}); narrow the query or try again later"
        except (OSError, http.client.HTTPException, BrokenAnswer):
            if flight.killed:
                return 503, self.stopped_message()
            return None  # the backend died under us (killed for another query): retry
        finally:
            conn.close()
        problem = verdict(answer, self.pool.log_since(flight.backend, mark), self.stopped_message())
        if problem is not None:
            answer.close()
        return problem or answer

    def send_answer(self, answer: Answer) -> None:
        """The backend's status and headers, its whole body and its length."""
        try:
            self.send_response(answer.status, answer.reason)
            for name, text in answer.headers:
                self.send_header(name, text)
            length = (answer.length_header or "0") if self.command == "HEAD" else str(answer.size)
            self.send_header("Content-Length", length)
            self.end_headers()
            answer.body.seek(0)
            shutil.copyfileobj(answer.body, self.wfile, READ_BYTES)
        finally:
            answer.close()
