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

SIGHUP reloads: the guard starts a new generation of backends on the store (a
read-only backend sees the store as it was when it opened it) and, once they all
answer, sends every new request there; the old backends finish what they are running
and are stopped (:mod:`sckg.serve.pool`). The listening socket stays open throughout,
so a client gets the old graph or the new one, never a refused or cut connection. The
guard writes one line on stdout per finished reload (:class:`sckg.serve.marker.Reload`):
``reloaded T`` once the new generation answers, or ``reload-failed T REASON`` when it
could not start and the old one keeps serving.

Run as ``python -m sckg.serve.guard --store DIR --bind HOST:PORT [--cors]
[--timeout-s N] [--backends N]``; :func:`sckg.serve.start` does that.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from http.server import ThreadingHTTPServer

from sckg.serve import parse_bind
from sckg.serve.marker import Reload
from sckg.serve.pool import GRACE_S, WAIT_FOR_BACKEND_S, Pool
from sckg.serve.relay import Handler


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
    signal.signal(signal.SIGHUP, lambda _s, _f: pool.request_reload())
    pool.tend()
    deadline = time.monotonic() + WAIT_FOR_BACKEND_S
    while not (pool.backends and all(b.ready for b in pool.backends)):
        if pool.error or stopping or time.monotonic() > deadline:
            pool.stop()
            print(pool.error or f"a backend did not answer within {WAIT_FOR_BACKEND_S:.0f} s", file=sys.stderr)
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
            for done in pool.take_reloads():
                _report(done)
            time.sleep(0.05)
    finally:
        server.shutdown()
        server.server_close()
        pool.stop()
    return 0


def _report(done: Reload) -> None:
    """One line on stdout for a finished reload; a closed stdout is no reason to stop."""
    try:
        sys.stdout.write(done.line() + "\n")
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


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
