"""One sckg command at a time writes a store, and its readers wait for the writer.

Oxigraph opens a store read-only as a secondary instance, which is undefined behaviour
while another process writes it: a data file the reader still needs can vanish under
it. sckg's own commands therefore take a lock for the store before they touch it:
writers (``build``, ``ingest``, ``add``) an exclusive one, readers (``query``,
``validate``, ``figures``) a shared one. A command waits up to ``$SCKG_LOCK_WAIT``
seconds (default 120) for the lock, then refuses in one line. ``sckg serve`` takes
none: it reopens the store only while no process writes it (:mod:`sckg.serve`).

The lock is a file in the temporary folder, keyed by the store's absolute path, so it
stays the same when a build swaps the store's folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
import time
from pathlib import Path

from sckg.model import InputError

DEFAULT_WAIT_S = 120.0


def lock_path(store: Path | str) -> Path:
    """The lock file of ``store``."""
    key = hashlib.sha1(str(Path(store).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"sckg-store-{key}.lock"


def _wait_s() -> float:
    try:
        return max(0.0, float(os.environ.get("SCKG_LOCK_WAIT", DEFAULT_WAIT_S)))
    except ValueError:
        return DEFAULT_WAIT_S


@contextlib.contextmanager
def command_lock(store: Path | str, *, exclusive: bool = True, wait_s: float | None = None):
    """Hold ``store``'s command lock (exclusive for a writer, shared for a reader) for
    the block, waiting up to ``wait_s`` seconds; a one-line :class:`InputError` then."""
    wait_s = _wait_s() if wait_s is None else wait_s
    fd = os.open(lock_path(store), os.O_CREAT | os.O_RDWR, 0o666)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    doing = "writing" if not exclusive else "using"
                    raise InputError(f"{store}: another sckg command kept {doing} this store for "
                                     f"{wait_s:.0f} s; try again when it is done") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)
