"""The serve stage: the real Oxigraph server on a built store.

``oxigraph serve-read-only`` (the ``oxigraph`` package, same version as pyoxigraph)
answers the SPARQL 1.1 Protocol at ``/query`` with the union of all graphs as the
default graph, refuses updates, and serves YASGUI at ``/``. A read-only endpoint runs
behind the query guard (:mod:`sckg.serve.guard`): several oxigraph backends, a hard
wall-clock limit per query (oxigraph's own timeout misses queries that work in
memory), and the other clients' queries keep being answered meanwhile.

A read-only backend sees the store as it was when it opened it. :func:`run` therefore
records itself in a marker file (:mod:`sckg.serve.marker`) and, on SIGHUP (sent by
:func:`reload_running` after a direct write to the store), passes the signal on to the
guard, which starts new backends beside the old ones and switches to them once they
answer, without closing its listening socket: a client sees the old graph or the new
one, never an error. :func:`run` says ``reloaded`` once the guard reports that the new
backends answer, and reports on stderr a reload that could not start (the old
content is still served); :meth:`Server.reload` does the same for a program.
"""

from __future__ import annotations

import ctypes
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from sckg.model import InputError
# marker_path, reload_running, running_server and Reload are part of this module's API.
from sckg.serve.marker import Reload, claim, marker_path, release, reload_running, running_server

DEFAULT_BIND = "127.0.0.1:7878"
DEFAULT_TIMEOUT_S = 30
DEFAULT_BACKENDS = 2
_PR_SET_PDEATHSIG = 1


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


def _spawn(cmd: list[str], reports: bool = False) -> subprocess.Popen:
    return subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if reports else subprocess.DEVNULL,  # the guard's reload reports
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
    """A running server: ``url`` (e.g. ``http://127.0.0.1:7878``), ``query_url``, ``stop()``,
    ``reload()``; ``reloads`` lists the reloads its guard reported, oldest first."""

    url: str
    process: subprocess.Popen
    command: list[str] = field(repr=False)
    reloads: list[Reload] = field(default_factory=list, repr=False)
    _reported: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def __post_init__(self) -> None:
        self._watch()

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def _watch(self) -> None:
        """Collect the reloads the guard reports on its stdout (a read-write server has none)."""
        self._reader = None
        if self.process.stdout is not None:
            self._reader = threading.Thread(target=self._collect, args=(self.process.stdout,), daemon=True)
            self._reader.start()

    def _collect(self, pipe) -> None:
        try:
            for raw in pipe:
                done = Reload.parse(raw.decode("utf-8", "replace"))
                if done is not None:
                    with self._reported:
                        self.reloads.append(done)
                        self._reported.notify_all()
        except (OSError, ValueError):
            pass  # the pipe was closed
        finally:
            pipe.close()
            with self._reported:
                self._reported.notify_all()

    def stop(self) -> int:
        """Stop the server and wait for it (and for its last reports); idempotent."""
        code = _stop(self.process)
        if self._reader is not None:
            self._reader.join(5)
        return code

    def restart(self) -> None:
        """Stop and start again, so a read-only server sees the store's new content
        (its clients are refused meanwhile: :meth:`reload` is the way without that)."""
        reports = self.process.stdout is not None
        self.stop()
        self.process = _spawn(self.command, reports=reports)
        self._watch()
        wait_ready(self.url, self.process)

    def request_reload(self) -> float:
        """Ask the guard to reload and return at once: the moment (``time.monotonic()``)
        the request was sent, for :meth:`reload_outcome`."""
        sent = time.monotonic()
        self.process.send_signal(signal.SIGHUP)
        return sent

    def reload_outcome(self, sent: float) -> Reload | None:
        """The first reload reported whose backends began starting after ``sent`` (so
        they opened the store after it), or None while there is none."""
        with self._reported:
            return next((done for done in self.reloads if done.began >= sent), None)

    def reload(self, timeout: float = 60.0) -> None:
        """See the store's current content: returns once new backends opened after this
        call answer every new request, with no request refused or cut meanwhile.

        :class:`InputError` when they could not start (the old content is still
        served) or did not within ``timeout`` seconds. A read-write server, which sees
        every write already, is restarted."""
        if self.process.stdout is None:
            self.restart()
            return
        sent = self.request_reload()
        deadline = time.monotonic() + timeout
        with self._reported:
            while (done := self.reload_outcome(sent)) is None:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    state = "exited" if self.process.poll() is not None else f"did not reload within {timeout:.0f} s"
                    raise InputError(f"{self.url}: the server {state}")
                self._reported.wait(0.1)
        if done.error is not None:
            raise InputError(f"{self.url}: reload failed, still serving the previous content: {done.error}")

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
    proc = _spawn(cmd, reports=not read_write)
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
    """Serve ``store`` in the foreground until SIGINT/SIGTERM; reload on SIGHUP.

    A SIGHUP is passed on to the guard, which keeps answering while it reloads;
    ``reloaded`` is said once the new content answers, and a reload that could not
    start is reported on stderr. Returns the exit code (0 after a clean stop).
    """
    path = check_store(store)
    check_port(bind)
    marker = marker_path(path)
    reloads: list[int] = []
    # Before the marker exists: a writer that finds it may signal at once.
    previous = {signal.SIGHUP: signal.signal(signal.SIGHUP, lambda s, _f: reloads.append(s))}
    try:
        claim(marker, path, bind_url(bind))
        try:
            server = start(path, bind, cors=cors, timeout_s=timeout_s)
        except BaseException:
            release(marker)
            raise
        stopping: list[int] = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda s, _f: stopping.append(s))
        echo(f"SPARQL endpoint: {server.query_url} (YASGUI at {server.url}/) serving {path}; Ctrl-C stops it")
        said = 0
        try:
            while not stopping:
                if reloads:
                    reloads.clear()
                    server.request_reload()
                said = _say_reloads(server, path, said, echo)
                if server.process.poll() is not None:
                    echo(f"error: oxigraph server exited with code {server.process.returncode}")
                    return 1
                time.sleep(0.1)
        finally:
            server.stop()  # after it, server.reloads holds every reload the guard finished
            release(marker)
            said = _say_reloads(server, path, said, echo)
        echo("stopped")
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _say_reloads(server: Server, path: Path, said: int, echo) -> int:
    """Say the reloads ``server`` reported after the first ``said``; how many are said."""
    done = server.reloads[said:]  # appended to by the thread that reads the guard's reports
    for reload in done:
        if reload.error is None:
            echo(f"reloaded {path}")
        else:
            print(f"error: reload of {path} failed, still serving the previous content: {reload.error}",
                  file=sys.stderr, flush=True)
    return said + len(done)


def bind_url(bind: str) -> str:
    """The URL a server listening on ``bind`` answers at."""
    host, port = parse_bind(bind)
    return f"http://{'127.0.0.1' if host in ('0.0.0.0', 'localhost') else host}:{port}"
