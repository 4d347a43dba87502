"""The query guard's backends: choosing, killing, replacing them, and reloads.

A :class:`Pool` runs ``count`` ``oxigraph serve-read-only`` processes on one store
(a *generation*) and hands each request to the least busy one. A read-only backend
sees the store as it was when it opened it, so a reload (:meth:`Pool.request_reload`,
the guard's SIGHUP) starts a new generation beside the serving one. Once every new
backend answers, new requests go to the new generation only; the old backends get no
more, finish the requests they are running and are then stopped, so no request is
cut and a client sees the old graph or the new one, never an error. A new generation
that cannot start (the store cannot be opened) is dropped and the old one keeps
serving. Each finished reload is recorded as a :class:`~sckg.serve.marker.Reload`.

A backend that opens the store while another process writes it may read it half
written (it then fails to start, or answers ``ASK {}`` and hangs on a real query), so
a new generation is started only while no process holds the store open for writing,
and used only if the store did not change while it opened it; otherwise another one
is started (:func:`sckg.serve.watch.store_state`). For the same reason, and so that
the backends of one generation answer from the same content, a backend that dies is
replaced on its own only while the store is as its generation found it; else the
whole generation is reloaded.

Deadlines apply to every backend of every generation: a request past its limit gets
its backend killed (the serving generation's is replaced), and so does a connection
the guard did not open that stays longer than the limit (:meth:`Pool._overstayed`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from sckg.serve import free_port, server_command
from sckg.serve.marker import Reload
from sckg.serve.watch import connections_not_ours, store_state

GRACE_S = 1.0  # oxigraph's own timeout gets this long to stop a query before the kill
WAIT_FOR_BACKEND_S = 30.0
RELOAD_WAIT_S = 60.0  # a reload waits this long for a moment when no process writes the store
RETRY_S = 0.25
STOP_GRACE_S = 5.0  # a stopped backend gets this long to exit before it is killed
LOG_WINDOW_BYTES = 1 << 20  # of a backend's stderr read back after an answer
SCAN_EVERY_S = 0.5  # how often the socket table is read for connections the guard did not open
_PR_SET_PDEATHSIG = 1


@dataclass(eq=False)
class Backend:
    """One oxigraph process: its port, state and the requests it is answering."""

    port: int
    process: subprocess.Popen
    log: object
    ready: bool = False
    probing: bool = False
    flights: set = field(default_factory=set)
    stopping_since: float | None = None  # when it was asked to exit (an old generation's)


@dataclass(eq=False)
class Flight:
    """One forwarded request: where it runs and when it must be done."""

    backend: Backend
    deadline: float | None
    started: float
    killed: bool = False


class Pool:
    """The backends, a lock and the rules for choosing, killing and replacing them."""

    def __init__(self, store: str, count: int, cors: bool, timeout_s: int | None) -> None:
        self.store, self.count, self.cors, self.timeout_s = store, count, cors, timeout_s
        self.lock = threading.Condition()
        self.backends: list[Backend] = []  # the serving generation: new requests go here only
        self.next: list[Backend] = []  # the generation a reload is starting
        self.next_began: float | None = None  # when that generation began (monotonic); None: none starts
        self.next_state: tuple | None = None  # the store as it was then (store_state)
        self.reload_asked: float | None = None  # when the reload under way was asked for
        self.retry_at = 0.0  # a generation the store changed under is started again after this
        self.serving_state: tuple | None = None  # the store as the serving generation opened it
        self.retiring: list[Backend] = []  # old generations finishing their requests
        self.reload_wanted = False  # set from the signal handler, so no lock
        self.reloads: list[Reload] = []  # finished reloads not yet reported
        self.kills = 0
        self.error: str | None = None  # why the last backend died while starting
        self.respawn_at = 0.0
        self.strangers: dict[tuple[int, tuple[str, int]], float] = {}  # (backend port, peer): first seen
        self.scanned_at = 0.0

    # -- run by the main thread only (so PR_SET_PDEATHSIG ties backends to the process)
    def spawn(self) -> Backend:
        """Start one backend on the store (not ready until a probe sees it answer)."""
        port = free_port()
        log = tempfile.TemporaryFile()
        cmd = server_command(self.store, f"127.0.0.1:{port}", cors=self.cors, timeout_s=self.timeout_s)
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                preexec_fn=_die_with_parent)
        return Backend(port, proc, log)

    def request_reload(self) -> None:
        """Ask for a new generation (safe in a signal handler); :meth:`tend` starts it.

        A request made while a reload runs gets a generation of its own after that one:
        the running one may have opened the store before the write that asked."""
        self.reload_wanted = True

    def take_reloads(self) -> list[Reload]:
        """The reloads finished since the last call, oldest first."""
        with self.lock:
            done, self.reloads = self.reloads, []
        return done

    def tend(self) -> None:
        """One supervision step: enforce deadlines (also on connections that bypass the
        guard), replace dead backends, mark ready ones, advance a reload, stop the old
        generation's backends once they are idle."""
        now = time.monotonic()
        overstayed = self._overstayed(now)
        with self.lock:
            for backend in self.backends + self.next + self.retiring:
                self._enforce(backend, now, overstayed)
            for backend in list(self.backends):
                if backend.process.poll() is not None:
                    backend.process.wait()
                    if not backend.ready and not backend.flights:  # died starting: say why, wait
                        self.error = _startup_error(backend)
                        self.respawn_at = now + 1.0
                    backend.log.close()
                    self.backends.remove(backend)
            self._drain(now)
            missing = self.count - len(self.backends) if now >= self.respawn_at else 0
            serving = bool(self.backends)
        if missing:
            state = store_state(self.store)
            if state is None or state != self.serving_state:
                # Written since the serving backends opened it: a replacement would answer
                # from other content than they do. A reload replaces them all at once.
                if self.serving_state is not None or serving:
                    self.request_reload()
                if serving:
                    missing = 0
                else:  # nothing serves: start on what there is
                    self.serving_state = state
        for _ in range(missing):
            backend = self.spawn()
            with self.lock:
                self.backends.append(backend)
        self._advance_reload(now)
        with self.lock:
            waiting = [b for b in self.backends + self.next if not b.ready and not b.probing]
            for backend in waiting:
                backend.probing = True
        for backend in waiting:  # probed aside, so a slow answer never delays a kill
            threading.Thread(target=self._probe, args=(backend,), daemon=True).start()

    def _enforce(self, backend: Backend, now: float, overstayed: set[Backend]) -> None:
        """Kill ``backend`` if a request on it is past its deadline, or if it holds a
        connection the guard did not open for too long (its other requests are retried)."""
        if backend.process.poll() is not None:
            return
        late = [f for f in backend.flights if f.deadline is not None and now > f.deadline]
        for flight in late:
            flight.killed = True
        if late or backend in overstayed:
            self.kills += 1
            backend.ready = False
            backend.process.kill()

    def _drain(self, now: float) -> None:
        """Stop each old-generation backend once it has no request left; reap it."""
        for backend in list(self.retiring):
            if backend.process.poll() is not None:
                backend.process.wait()
                backend.log.close()
                self.retiring.remove(backend)
            elif backend.stopping_since is None:
                if not backend.flights:  # no request is added to an old generation's backend
                    backend.stopping_since = now
                    backend.process.terminate()
            elif now - backend.stopping_since > STOP_GRACE_S:
                backend.process.kill()

    def _advance_reload(self, now: float) -> None:
        """Start a wanted generation while no process writes the store; switch to it once
        all its backends answer and the store is still as it was when they opened it
        (else start another); drop it, and record why, if one dies or time runs out."""
        if self.next_began is None:
            if not self.reload_wanted and self.reload_asked is None:
                return
            self.reload_asked = now if self.reload_asked is None else self.reload_asked
            if now - self.reload_asked > RELOAD_WAIT_S:
                self.reload_wanted = False
                self._reloaded(Reload(time.monotonic(), f"in {RELOAD_WAIT_S:.0f} s the store was never free of a "
                                                         "process writing it long enough to be opened"))
                return
            state = store_state(self.store) if now >= self.retry_at else None
            if state is None:  # being written (or swapped): wait for the writer to finish
                return
            # A signal before this line is answered by the generation started below (it
            # opens the store after the write that sent it); a later one asks for another.
            self.reload_wanted = False
            began = time.monotonic()
            fresh: list[Backend] = []
            try:
                for _ in range(self.count):
                    fresh.append(self.spawn())
            except OSError as exc:  # no process could be started (binary gone, no ports)
                with self.lock:
                    self.retiring += fresh
                self._reloaded(Reload(began, f"cannot start a backend: {exc.strerror or exc}"))
                return
            with self.lock:
                self.next, self.next_began, self.next_state = fresh, began, state
            return
        with self.lock:
            dead = next((b for b in self.next if b.process.poll() is not None), None)
            late = now - self.next_began > WAIT_FOR_BACKEND_S
            if dead is None and not late and not all(b.ready for b in self.next):
                return
        state = store_state(self.store)
        with self.lock:
            if state != self.next_state:
                # Written while they opened it: they may have read it half written, and
                # such a backend can fail or hang on a query. Start another generation.
                self.retry_at = now + RETRY_S
            elif dead is not None or late:
                if dead is not None:
                    dead.process.wait()
                error = _startup_error(dead) if dead else f"a backend did not answer within {WAIT_FOR_BACKEND_S:.0f} s"
                self._reloaded(Reload(self.next_began, error))
            else:
                self.retiring += self.backends
                self.backends, self.next, self.serving_state = self.next, [], state
                self._reloaded(Reload(self.next_began))
                self.lock.notify_all()
            self.retiring += self.next  # none of them got a request: they are stopped at once
            self.next, self.next_began, self.next_state = [], None, None

    def _reloaded(self, done: Reload) -> None:
        """Record a finished reload (for :meth:`take_reloads`)."""
        with self.lock:
            self.reloads.append(done)
            self.reload_asked = None

    def _overstayed(self, now: float) -> set[Backend]:
        """Backends holding a connection the guard did not open for longer than the
        time limit (read from the kernel's socket table every :data:`SCAN_EVERY_S`).

        The backends listen on loopback ports any local user can connect to, and
        oxigraph has no way to refuse them; so a query sent straight to a backend
        gets the same limit as one through the guard (an idle keep-alive connection
        counts too: its backend is restarted, which costs nothing but a retry)."""
        if not self.timeout_s or now - self.scanned_at < SCAN_EVERY_S:
            return set()
        self.scanned_at = now
        with self.lock:
            ports = {b.port: b for b in self.backends + self.next + self.retiring}
        seen = {key: self.strangers.get(key, now) for key in connections_not_ours(ports)}
        self.strangers = seen  # a connection missing from one scan starts again from zero
        return {ports[port] for (port, _peer), since in seen.items() if now - since > self.timeout_s + GRACE_S}

    def _probe(self, backend: Backend) -> None:
        answers = backend.process.poll() is None and _answers(backend.port)
        with self.lock:
            backend.probing = False
            if answers and backend.process.poll() is None:
                backend.ready = True
                self.lock.notify_all()

    def stop(self) -> None:
        """Stop every backend of every generation and wait for them."""
        with self.lock:
            backends = self.backends + self.next + self.retiring
            self.backends, self.next, self.retiring = [], [], []
        for backend in backends:
            backend.process.terminate()
        for backend in backends:
            try:
                backend.process.wait(STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                backend.process.kill()
                backend.process.wait()

    # -- used by request threads
    def take(self, began: float | None = None) -> Flight | None:
        """Register a request on the least busy ready backend of the serving generation
        (waiting for one if none is); its deadline counts from ``began`` (monotonic;
        default now)."""
        limit = self.timeout_s + GRACE_S if self.timeout_s else None
        end = time.monotonic() + WAIT_FOR_BACKEND_S
        with self.lock:
            while True:
                now = time.monotonic()
                ready = [b for b in self.backends if b.ready and b.process.poll() is None]
                if ready:
                    # Avoid a backend that holds a long-running request: it may be killed.
                    backend = min(ready, key=lambda b: (any(now - f.started > 1 for f in b.flights),
                                                        len(b.flights)))
                    flight = Flight(backend, (now if began is None else began) + limit if limit else None, now)
                    backend.flights.add(flight)
                    return flight
                if now >= end:
                    return None
                self.lock.wait(min(0.2, end - now))

    def release(self, flight: Flight, failed: bool = False) -> None:
        """Unregister ``flight``; after a failure its backend gets no more requests until
        the supervisor has seen it answer again (or replaced it)."""
        with self.lock:
            flight.backend.flights.discard(flight)
            if failed:
                flight.backend.ready = False

    def log_mark(self, backend: Backend) -> int:
        """Where ``backend``'s stderr ends now (see :meth:`log_since`)."""
        with self.lock:
            return 0 if backend.log.closed else os.fstat(backend.log.fileno()).st_size

    def log_since(self, backend: Backend, mark: int) -> bytes:
        """What ``backend`` wrote on its stderr after ``mark`` (its first megabyte):
        oxigraph reports there the errors it wrote into an answer's body."""
        with self.lock:  # tend() closes the log of a dead backend
            if backend.log.closed:
                return b""
            size = os.fstat(backend.log.fileno()).st_size
            return os.pread(backend.log.fileno(), min(size - mark, LOG_WINDOW_BYTES), mark) if size > mark else b""


def _startup_error(backend: Backend) -> str:
    """Why ``backend`` (exited) did not start: its first ``Error:`` line, else its last."""
    backend.log.seek(0)
    lines = backend.log.read().decode("utf-8", "replace").strip().splitlines()
    errors = [line for line in lines if line.startswith("Error:")] or lines[-1:]
    return errors[0] if errors else f"exited with code {backend.process.returncode}"


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    import ctypes

    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False
