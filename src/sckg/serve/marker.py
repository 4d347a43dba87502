"""Which ``sckg serve`` serves a store (a marker file), the reload signal and its report.

A read-only endpoint sees the store as it was when its backends opened it. So
:func:`sckg.serve.run` records itself in a marker file in the temp directory (keyed by
the store's absolute path, so a rebuilt store keeps it), and a command that writes
the store directly (``sckg add``, ``sckg ingest``, ``sckg build``) calls
:func:`reload_running`, which sends that process SIGHUP. One ``sckg serve`` a store:
a second one is refused, and never removes the first one's marker. The query guard
reports each reload it finished as one line on its stdout (:class:`Reload`).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sckg.model import InputError


def marker_path(store: Path | str) -> Path:
    """Where a ``sckg serve`` running on ``store`` records its pid and URL."""
    key = hashlib.sha1(str(Path(store).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"sckg-serve-{key}.json"


def running_server(store: Path | str) -> tuple[int, str] | None:
    """(pid, URL) of the ``sckg serve`` serving ``store``, or None if none runs."""
    try:
        info = json.loads(marker_path(store).read_text(encoding="utf-8"))
        pid, url = int(info["pid"]), str(info["url"])
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if b"sckg" not in cmdline:
        return None  # a stale marker whose pid now belongs to something else
    return pid, url


def claim(marker: Path, store: Path, url: str) -> None:
    """Record this process as the server of ``store``; :class:`InputError` when another
    live ``sckg serve`` already serves it (a stale marker is replaced)."""
    body = json.dumps({"pid": os.getpid(), "url": url}) + "\n"
    for _attempt in range(3):
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            other = running_server(store)
            if other and other[0] != os.getpid():
                raise InputError(f"{store}: already served by sckg serve (pid {other[0]}) at {other[1]}; "
                                 f"one server a store: stop it, or query that one") from None
            marker.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(body)
        return
    raise InputError(f"{marker}: cannot record the server of {store}")


def release(marker: Path) -> None:
    """Remove ``marker`` if it is this process's (never another server's)."""
    try:
        if int(json.loads(marker.read_text(encoding="utf-8"))["pid"]) == os.getpid():
            marker.unlink(missing_ok=True)
    except (OSError, ValueError, KeyError, TypeError):
        pass


def reload_running(store: Path | str) -> str | None:
    """Ask a ``sckg serve`` running on ``store`` to reload; its URL, or None if none runs.

    The signal returns at once: the server says ``reloaded`` once the new content
    answers, and until then it answers with the old content."""
    found = running_server(store)
    if found is None:
        return None
    pid, url = found
    try:
        os.kill(pid, signal.SIGHUP)
    except OSError:
        return None
    return url


@dataclass(frozen=True)
class Reload:
    """A reload the query guard finished: when its new backends began starting
    (``time.monotonic()``, one clock for every process on Linux) and why they could
    not start (None: they answer, and every new request goes to them)."""

    began: float
    error: str | None = None

    def line(self) -> str:
        """The line the guard writes on its stdout (see :meth:`parse`)."""
        if self.error is None:
            return f"reloaded {self.began!r}"
        return f"reload-failed {self.began!r} {' '.join(self.error.split())}"

    @classmethod
    def parse(cls, line: str) -> Reload | None:
        """The reload a guard's stdout line reports; None for any other line."""
        word, _, rest = line.strip().partition(" ")
        began, _, error = rest.partition(" ")
        try:
            moment = float(began)
        except ValueError:
            return None
        if word == "reloaded":
            return cls(moment)
        return cls(moment, error or "unknown error") if word == "reload-failed" else None
