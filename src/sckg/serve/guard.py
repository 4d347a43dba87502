"""The query guard: a small HTTP front that keeps a read-only endpoint answering.

Oxigraph's ``--timeout-s`` only stops a query where its evaluator reads the store;
a query whose work happens in memory (a cross join of three or more patterns, joined
by hashing, or an ORDER BY or DISTINCT over one) runs on, eating CPU and gigabytes of
memory, and a query it does stop still answers ``200 OK`` with a broken body.

The guard runs several ``oxigraph serve-read-only`` backends on the same store (a
store may be opened read-only by many processes) and forwards each request to the
least busy one. A request that passes its wall-clock limit gets ``503`` with a
one-line message, and the backend running it is killed and restarted; requests of
other clients that were on that backend are sent again to another one, within what
is left of their own limit (every request the guard forwards is a read, so repeating
it is safe). Updates and Graph Store writes are refused with ``403`` before they
reach a backend.

A client gets a whole answer with its status, or a one-line error status, never a
``200`` whose body breaks off: each answer is read whole and checked before any of
it is sent (:mod:`sckg.serve.relay`).

The backends listen on 127.0.0.1 only, but any local user may connect to them
there (``oxigraph`` binds nothing but HOST:PORT and has no authentication), so the
guard reads the kernel's socket table and kills a backend that holds a connection
it did not open for longer than the time limit: a query sent straight to a
backend gets the same limit as one sent through the guard.

Run as ``python -m sckg.serve.guard --store DIR --bind HOST:PORT [--cors]
[--timeout-s N] [--backends N]``; :func:`sckg.serve.start` does that.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer

from sckg.serve import free_port, parse_bind, server_command
from sckg.serve.relay import Handler

GRACE_S = 1.0  # oxigraph's own timeout gets this long to stop a query before the kill
WAIT_FOR_BACKEND_S = 30.0
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
        self.backends: list[Backend] = []
        self.kills = 0
        self.error: str | None = None  # why the last backend died while starting
        self.respawn_at = 0.0
        self.strangers: dict[tuple[int, tuple[str, int]], float] = {}  # (backend port, peer): first seen
        self.scanned_at = 0.0

    # -- run by the main thread only (so PR_SET_PDEATHSIG ties backends to the process)
    def spawn(self) -> Backend:
        port = free_port()
        log = tempfile.TemporaryFile()
        cmd = server_command(self.store, f"127.0.0.1:{port}", cors=self.cors, timeout_s=self.timeout_s)
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                preexec_fn=_die_with_parent)
        return Backend(port, proc, log)

    def tend(self) -> None:
        """One supervision step: enforce deadlines (also on connections that bypass the
        guard), replace dead backends, mark ready ones."""
        now = time.monotonic()
        overstayed = self._overstayed(now)
        with self.lock:
            for backend in list(self.backends):
                late = [f for f in backend.flights if f.deadline is not None and now > f.deadline]
                if late and backend.process.poll() is None:
                    for flight in late:
                        flight.killed = True
                    self.kills += 1
                    backend.ready = False
                    backend.process.kill()
                if backend in overstayed and backend.process.poll() is None:
                    self.kills += 1  # its other requests are retried on another backend
                    backend.ready = False
                    backend.process.kill()
                if backend.process.poll() is not None:
                    backend.process.wait()
                    if not backend.ready and not backend.flights:  # died starting: say why, wait
                        backend.log.seek(0)
                        lines = backend.log.read().decode("utf-8", "replace").strip().splitlines()
                        errors = [line for line in lines if line.startswith("Error:")] or lines[-1:]
                        self.error = errors[0] if errors else f"exited with code {backend.process.returncode}"
                        self.respawn_at = now + 1.0
                    backend.log.close()
                    self.backends.remove(backend)
            missing = self.count - len(self.backends) if now >= self.respawn_at else 0
        for _ in range(missing):
            backend = self.spawn()
            with self.lock:
                self.backends.append(backend)
        with self.lock:
            waiting = [b for b in self.backends if not b.ready and not b.probing]
            for backend in waiting:
                backend.probing = True
        for backend in waiting:  # probed aside, so a slow answer never delays a kill
            threading.Thread(target=self._probe, args=(backend,), daemon=True).start()

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
            ports = {b.port: b for b in self.backends}
        table = _tcp_sockets()
        ours = _own_socket_inodes()  # after the table: a socket in it that is ours is still open
        mine = {local for local, _remote, _state, inode in table if inode in ours}
        seen = {}
        for local, remote, state, _inode in table:
            if state == _ESTABLISHED and local[0] == "127.0.0.1" and local[1] in ports and remote not in mine:
                seen[(local[1], remote)] = self.strangers.get((local[1], remote), now)
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
        with self.lock:
            backends, self.backends = list(self.backends), []
        for backend in backends:
            backend.process.terminate()
        for backend in backends:
            try:
                backend.process.wait(5)
            except subprocess.TimeoutExpired:
                backend.process.kill()
                backend.process.wait()

    # -- used by request threads
    def take(self, began: float | None = None) -> Flight | None:
        """Register a request on the least busy ready backend (waiting for one if none is);
        its deadline counts from ``began`` (monotonic; default now)."""
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


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    import ctypes

    try:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


_ESTABLISHED = 1


def _tcp_sockets() -> list[tuple[tuple[str, int], tuple[str, int], int, int]]:
    """(local, remote, state, inode) of the IPv4 TCP sockets of this network namespace
    (Linux ``/proc/net/tcp``); empty where there is none."""
    try:
        lines = open("/proc/net/tcp", encoding="ascii").read().splitlines()[1:]
    except OSError:
        return []

    def address(text: str) -> tuple[str, int]:
        host, port = text.split(":")
        return socket.inet_ntoa(bytes.fromhex(host)[::-1]), int(port, 16)

    table = []
    for line in lines:
        fields = line.split()
        if len(fields) > 9:
            table.append((address(fields[1]), address(fields[2]), int(fields[3], 16), int(fields[9])))
    return table


def _own_socket_inodes() -> set[int]:
    """The inodes of the sockets this process holds open."""
    found = set()
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return found
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def _answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


class Guard(ThreadingHTTPServer):
    """The listening front; one thread per client connection."""

    daemon_threads = True
    request_queue_size = 256

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up is no error of ours; nothing may fill stderr


def serve(store: str, bind: str, *, backends: int = 2, cors: bool = True, timeout_s: int | None = None) -> int:
    """Run the guard in the foreground until SIGTERM/SIGINT; the exit code."""
    pool = Pool(store, backends, cors, timeout_s)
    stopping: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda s, _f: stopping.append(s))
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # reloads restart the guard (Server.restart)
    pool.tend()
    deadline = time.monotonic() + 30
    while not (pool.backends and all(b.ready for b in pool.backends)):
        if pool.error or stopping or time.monotonic() > deadline:
            pool.stop()
            print(pool.error or "a backend did not answer within 30 s", file=sys.stderr)
            return 1
        time.sleep(0.02)
        pool.tend()
    host, port = parse_bind(bind)
    backend_timeout_s = (timeout_s + GRACE_S + 10) if timeout_s else None
    handler = type("BoundHandler", (Handler,), {"pool": pool, "cors": cors, "timeout_s": timeout_s,
                                                "backend_timeout_s": backend_timeout_s})
    try:
        server = Guard((host, port), handler)
    except OSError as exc:
        pool.stop()
        print(f"{bind}: cannot listen: {exc.strerror or exc}", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        while not stopping:
            pool.tend()
            time.sleep(0.05)
    finally:
        server.shutdown()
        server.server_close()
        pool.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line of the guard process (started by :func:`sckg.serve.start`)."""
    parser = argparse.ArgumentParser(prog="python -m sckg.serve.guard", description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--bind", required=True)
    parser.add_argument("--cors", action="store_true")
    parser.add_argument("--timeout-s", type=int, default=0)
    parser.add_argument("--backends", type=int, default=2)
    args = parser.parse_args(argv)
    return serve(args.store, args.bind, backends=max(1, args.backends), cors=args.cors,
                 timeout_s=args.timeout_s or None)


if __name__ == "__main__":
    sys.exit(main())
