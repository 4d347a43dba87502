"""The serve stage: the real Oxigraph server on a built store.

``oxigraph serve-read-only`` (the ``oxigraph`` package, same version as pyoxigraph)
answers the SPARQL 1.1 Protocol at ``/query`` with the union of all graphs as the
default graph, refuses updates, and serves YASGUI at ``/``. A read-only endpoint runs
behind the query guard (:mod:`sckg.serve.guard`): several oxigraph backends, a hard
wall-clock limit per query (oxigraph's own timeout misses queries that work in
memory), and the other clients' queries keep being answered meanwhile.

A read-only server sees the store as it was when it opened it. :func:`run` therefore
records itself in a marker file in the temp directory (keyed by the store's absolute
path, so a rebuilt store keeps it) and restarts its server process on SIGHUP;
:func:`reload_running` sends that signal after a direct write to the store.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from sckg.model import InputError

DEFAULT_BIND = "127.0.0.1:7878"
DEFAULT_TIMEOUT_S = 30
DEFAULT_BACKENDS = 2
_PR_SET_PDEATHSIG = 1


def marker_path(store: Path | str) -> Path:
    """Where a ``sckg serve`` running on ``store`` records its pid and URL."""
    key = hashlib.sha1(str(Path(store).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"sckg-serve-{key}.json"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary beside this Python, else the one on PATH."""
    here = Path(sys.executable).with_name("oxigraph")
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise InputError("oxigraph: server binary not found (pip install oxigraph==0.5.13)")
    return found


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` → (host, port); :class:`InputError` if malformed."""
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise InputError(f"--bind {bind}: expected HOST:PORT, e.g. 127.0.0.1:7878")
    return host.strip("[]"), int(port)


def check_port(bind: str) -> None:
    """:class:`InputError` if ``bind`` cannot be listened on (port taken, bad host)."""
    host, port = parse_bind(bind)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # The server sets SO_REUSEADDR too, so a port in TIME_WAIT is usable.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            reason = "port already in use" if exc.errno in (98, 48) else (exc.strerror or str(exc))
            raise InputError(f"{bind}: cannot listen: {reason}") from None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def check_store(store: Path | str) -> Path:
    """``store`` if it is a non-empty Oxigraph store, else a one-line :class:`InputError`."""
    import pyoxigraph as ox

    path = Path(store)
    if not path.is_dir():
        raise InputError(f"{path}: store not found (run `sckg build` first)")
    if not (path / "CURRENT").is_file():
        raise InputError(f"{path}: not an Oxigraph store (run `sckg build` first)")
    try:
        opened = ox.Store.read_only(str(path))
        empty = next(iter(opened.quads_for_pattern(None, None, None, None)), None) is None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a corrupt store
        raise InputError(f"{path}: cannot open store: {exc}") from None
    if empty:
        raise InputError(f"{path}: store is empty (run `sckg build` first)")
    return path


def server_command(
    store: Path | str,
    bind: str,
    *,
    cors: bool = True,
    timeout_s: int | None = DEFAULT_TIMEOUT_S,
    read_write: bool = False,
) -> list[str]:
    """The ``oxigraph`` command line that serves ``store`` on ``bind``."""
    cmd = [oxigraph_binary(), "serve" if read_write else "serve-read-only"]
    # No --union-default-graph: the store keeps its default graph as the set-union
    # of the named graphs (see sckg.load), which Oxigraph's bag union is not.
    cmd += ["--location", str(store), "--bind", bind]
    if cors:
        cmd.append("--cors")
    if timeout_s:
        cmd += ["--timeout-s", str(int(timeout_s))]
    return cmd


def guard_command(
    store: Path | str,
    bind: str,
    *,
    cors: bool = True,
    timeout_s: int | None = DEFAULT_TIMEOUT_S,
    backends: int = DEFAULT_BACKENDS,
) -> list[str]:
    """The command line of the query guard serving ``store`` read-only on ``bind``."""
    cmd = [sys.executable, "-m", "sckg.serve.guard", "--store", str(store), "--bind", bind]
    cmd += ["--backends", str(backends), "--timeout-s", str(int(timeout_s or 0))]
    return cmd + (["--cors"] if cors else [])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    # Linux: the server gets SIGTERM if this Python dies, so it is never orphaned.
    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _spawn(cmd: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # Ctrl-C reaches us; we stop the child ourselves
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    """Wait until ``url``/query answers a query; :class:`InputError` if the server died."""
    probe = f"{url}/query?query={urllib.parse.quote('ASK {}')}"
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            last = (err.strip().splitlines() or ["exited"])[-1]
            raise InputError(f"oxigraph server failed to start: {last}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            _stop(proc)
            raise InputError(f"{url}: oxigraph server did not answer within {timeout:.0f} s")
        time.sleep(0.02)


def _stop(proc: subprocess.Popen, grace: float = 5.0) -> int:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr:
        proc.stderr.close()
    return proc.returncode


@dataclass
class Server:
    """A running server: ``url`` (e.g. ``http://127.0.0.1:7878``), ``query_url``, ``stop()``."""

    url: str
    process: subprocess.Popen
    command: list[str] = field(repr=False)

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def stop(self) -> int:
        """Stop the server and wait for it; idempotent."""
        return _stop(self.process)

    def restart(self) -> None:
        """Stop and start again, so a read-only server sees the store's new content."""
        self.stop()
        self.process = _spawn(self.command)
        wait_ready(self.url, self.process)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(
    store: Path | str,
    bind: str | None = None,
    *,
    cors: bool = True,
    timeout_s: int | None = DEFAULT_TIMEOUT_S,
    read_write: bool = False,
    backends: int = DEFAULT_BACKENDS,
) -> Server:
    """Start a server on ``store`` in the background and wait until it answers.

    ``bind`` defaults to a free port on 127.0.0.1. A read-only server is the query
    guard in front of ``backends`` oxigraph processes; a read-write one is a single
    oxigraph process. Use as a context manager or call ``stop()``.
    """
    path = Path(store) if read_write else check_store(store)
    bind = bind or f"127.0.0.1:{free_port()}"
    check_port(bind)
    if read_write:
        cmd = server_command(path, bind, cors=cors, timeout_s=timeout_s, read_write=True)
    else:
        cmd = guard_command(path, bind, cors=cors, timeout_s=timeout_s, backends=backends)
    proc = _spawn(cmd)
    url = bind_url(bind)
    wait_ready(url, proc)
    return Server(url, proc, cmd)


def run(
    store: Path | str,
    bind: str = DEFAULT_BIND,
    *,
    cors: bool = True,
    timeout_s: int | None = DEFAULT_TIMEOUT_S,
    echo=print,
) -> int:
    """Serve ``store`` in the foreground until SIGINT/SIGTERM; restart on SIGHUP.

    Returns the exit code (0 after a clean stop).
    """
    path = check_store(store)
    check_port(bind)
    marker = marker_path(path)
    _claim(marker, path, bind_url(bind))
    try:
        server = start(path, bind, cors=cors, timeout_s=timeout_s)
    except BaseException:
        _release(marker)
        raise
    stopping: list[int] = []
    reloads: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda s, _f: stopping.append(s)) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, lambda s, _f: reloads.append(s))
    echo(f"SPARQL endpoint: {server.query_url} (YASGUI at {server.url}/) serving {path}; Ctrl-C stops it")
    try:
        while not stopping:
            if reloads:
                reloads.clear()
                server.restart()
                echo(f"reloaded {path}")
            if server.process.poll() is not None:
                echo(f"error: oxigraph server exited with code {server.process.returncode}")
                return 1
            time.sleep(0.1)
        echo("stopped")
        return 0
    finally:
        server.stop()
        _release(marker)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def bind_url(bind: str) -> str:
    """The URL a server listening on ``bind`` answers at."""
    host, port = parse_bind(bind)
    return f"http://{'127.0.0.1' if host in ('0.0.0.0', 'localhost') else host}:{port}"


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


def _claim(marker: Path, store: Path, url: str) -> None:
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


def _release(marker: Path) -> None:
    """Remove ``marker`` if it is this process's (never another server's)."""
    try:
        if int(json.loads(marker.read_text(encoding="utf-8"))["pid"]) == os.getpid():
            marker.unlink(missing_ok=True)
    except (OSError, ValueError, KeyError, TypeError):
        pass


def reload_running(store: Path | str) -> str | None:
    """Ask a ``sckg serve`` running on ``store`` to reload; its URL, or None if none runs."""
    found = running_server(store)
    if found is None:
        return None
    pid, url = found
    try:
        os.kill(pid, signal.SIGHUP)
    except OSError:
        return None
    return url
