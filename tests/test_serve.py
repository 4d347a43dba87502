"""The real ``oxigraph serve-read-only`` on a fixture store, queried over HTTP."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from sckg import load, serve
from sckg.model import InputError
from sckg.serve import relay

FIXTURES = Path(__file__).parent / "fixtures" / "store"


@pytest.fixture
def server(store: Path):
    running = serve.start(store)
    try:
        yield running
    finally:
        running.stop()


def sparql(url: str, query: str, *, post: bool = False) -> dict:
    if post:
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode({"query": query}).encode(),
            headers={"Accept": "application/sparql-results+json"},
        )
    else:
        request = urllib.request.Request(
            f"{url}?query={urllib.parse.quote(query)}", headers={"Accept": "application/sparql-results+json"}
        )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_query_over_http_sees_the_union_of_all_graphs(server: serve.Server) -> None:
    # No GRAPH clause: triples from the gazetteer and the article graph both match.
    result = sparql(
        server.query_url,
        "PREFIX sc: <https://w3id.org/sckg/ontology#> SELECT ?code WHERE "
        "{ ?m a sc:MakerSpace ; sc:locatedIn ?p . ?p sc:divisionCode ?code }",
    )
    assert [b["code"]["value"] for b in result["results"]["bindings"]] == ["540100"]
    total = sparql(server.query_url, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", post=True)
    assert total["results"]["bindings"][0]["n"]["value"] == "31"


def test_updates_are_refused(server: serve.Server, store: Path) -> None:
    update = urllib.request.Request(
        f"{server.url}/update",
        data=b"INSERT DATA { <https://a> <https://b> <https://c> }",
        headers={"Content-Type": "application/sparql-update"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert refused.value.code == 403
    gsp = urllib.request.Request(
        f"{server.url}/store?graph={urllib.parse.quote(load.CURATED_GRAPH)}",
        data=b"<https://a> <https://b> <https://c> .\n",
        headers={"Content-Type": "application/n-triples"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(gsp, timeout=10)
    assert refused.value.code == 403
    server.stop()
    assert len(load.dump(store).splitlines()) == 31


def test_yasgui_at_root_and_cors(server: serve.Server) -> None:
    with urllib.request.urlopen(f"{server.url}/", timeout=10) as response:
        assert response.headers.get_content_type() == "text/html"
        assert b"yasgui" in response.read().lower()
    request = urllib.request.Request(
        f"{server.query_url}?query={urllib.parse.quote('ASK {}')}", headers={"Origin": "https://example.org"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get("Access-Control-Allow-Origin") in ("*", "https://example.org")


def test_stop_frees_the_port(store: Path) -> None:
    running = serve.start(store)
    bind = running.url.removeprefix("http://")
    with pytest.raises(InputError, match="port already in use"):
        serve.check_port(bind)
    assert running.stop() is not None
    assert running.process.poll() is not None
    serve.check_port(bind)  # free again


def test_port_taken_is_a_one_line_error(store: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        bind = f"127.0.0.1:{sock.getsockname()[1]}"
        with pytest.raises(InputError) as err:
            serve.start(store, bind)
    assert str(err.value) == f"{bind}: cannot listen: port already in use"


def test_missing_empty_and_bad_stores(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="store not found"):
        serve.check_store(tmp_path / "absent")
    (tmp_path / "plain").mkdir()
    with pytest.raises(InputError, match="not an Oxigraph store"):
        serve.check_store(tmp_path / "plain")
    empty = ox.Store(str(tmp_path / "empty"))
    del empty
    with pytest.raises(InputError, match="store is empty"):
        serve.check_store(tmp_path / "empty")
    with pytest.raises(InputError, match="expected HOST:PORT"):
        serve.parse_bind("7878")


def test_command_line_has_cors_and_timeout_and_no_bag_union(store: Path) -> None:
    # The store's default graph is the set-union of its graphs (sckg.load), so the
    # server must not replace it with Oxigraph's bag union.
    cmd = serve.server_command(store, "127.0.0.1:7878", timeout_s=30)
    assert cmd[1:] == [
        "serve-read-only", "--location", str(store), "--bind", "127.0.0.1:7878",
        "--cors", "--timeout-s", "30",
    ]


def _wait_for(url: str, proc: subprocess.Popen) -> None:
    for _ in range(300):
        assert proc.poll() is None, proc.stderr.read()
        try:
            sparql(url, "ASK {}")
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise AssertionError("server did not come up")


def test_sckg_serve_reloads_on_sighup_and_stops_on_sigint(store: Path) -> None:
    port = serve.free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sckg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_for(url, proc)
        count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
        load.add_quads(store, load.parse_file(FIXTURES / "valid-add.ttl"))
        # A read-only server keeps its snapshot until it is reloaded.
        assert sparql(url, count)["results"]["bindings"][0]["n"]["value"] == "31"
        assert serve.reload_running(store) == f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if sparql(url, count)["results"]["bindings"][0]["n"]["value"] == "37":
                    break
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        assert sparql(url, count)["results"]["bindings"][0]["n"]["value"] == "37"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
        assert proc.returncode == 0, err
        assert "reloaded" in out and out.rstrip().endswith("stopped")
        serve.check_port(f"127.0.0.1:{port}")  # the oxigraph child is gone too
        assert serve.reload_running(store) is None  # marker removed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --------------------------------------------------------------------------- the guard's answers

CROSS_3 = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 31^3 rows, some 18 MiB of JSON
RUNAWAY_ROWS = "SELECT ?a { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"  # 31^5 rows
JSON = "application/sparql-results+json"


def ask(url: str, query: str, accept: str = JSON, timeout: float = 60) -> tuple[int, dict, bytes]:
    """(status, headers, body) of a POSTed query; transport errors propagate."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_a_large_answer_is_sent_whole_with_its_length(store: Path) -> None:
    with serve.start(store) as server:
        status, headers, body = ask(server.query_url, CROSS_3)
    assert status == 200
    assert "Transfer-Encoding" not in headers and int(headers["Content-Length"]) == len(body)
    assert len(body) > 16 * 1024 * 1024  # past what the guard keeps in memory
    assert len(json.loads(body)["results"]["bindings"]) == 31 ** 3


@pytest.mark.parametrize("accept", [JSON, "text/csv", "text/tab-separated-values"])
def test_an_answer_the_time_limit_cuts_is_a_503_never_a_cut_200(store: Path, accept: str) -> None:
    with serve.start(store, timeout_s=1) as server:
        try:
            status, headers, body = ask(server.query_url, RUNAWAY_ROWS, accept)
        except (http.client.HTTPException, OSError) as exc:
            raise AssertionError(f"the answer broke off instead of a clean status: {exc!r}") from None
        after = ask(server.query_url, "ASK { ?s ?p ?o }")
    assert status == 503, (status, body[:200])
    lines = body.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("query stopped:") and "time limit (1 s)" in lines[0]
    assert int(headers["Content-Length"]) == len(body)
    assert after[0] == 200 and json.loads(after[2])["boolean"] is True


def test_head_a_refusal_with_cors_and_an_oversized_request(store: Path) -> None:
    with serve.start(store) as server:
        head = urllib.request.Request(f"{server.url}/", method="HEAD")
        with urllib.request.urlopen(head, timeout=10) as response:
            assert response.status == 200 and response.read() == b""
            assert response.headers.get_content_type() == "text/html"
        refused = urllib.request.Request(f"{server.url}/update", data=b"CLEAR ALL", method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(refused, timeout=10)
        assert error.value.code == 403 and error.value.headers.get("Access-Control-Allow-Origin") == "*"
        host, port = server.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 999999999\r\n\r\nASK {}")
            answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413 ")


# --------------------------------------------------------------------------- SERVICE calls that fail


class _Endpoint(BaseHTTPRequestHandler):
    """A quiet test endpoint; ``answer`` says what it sends."""

    def answer(self) -> tuple[int, bytes]:
        raise NotImplementedError

    def do_GET(self) -> None:  # noqa: N802 - the http.server naming
        status, body = self.answer()
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass


class _BadEndpoint(_Endpoint):
    """A SPARQL endpoint that answers /cut with JSON results that break off, else 500."""

    def answer(self) -> tuple[int, bytes]:
        if self.path.startswith("/cut"):
            return 200, b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":'
        return 500, b"out of order\n"


@pytest.fixture
def bad_endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BadEndpoint)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("accept", [JSON, "text/csv", "text/tab-separated-values"])
def test_a_failing_service_call_is_a_502_and_service_silent_still_answers(
        store: Path, bad_endpoint: str, accept: str) -> None:
    refused = f"http://127.0.0.1:{serve.free_port()}/sparql"  # nothing listens there
    failures = {
        "http://127.0.0.1:9/sparql": "port 9 is not allowed",
        refused: "Connection refused",
        f"{bad_endpoint}/cut": "Parser error",
        f"{bad_endpoint}/down": "Error 500",
    }
    answers = {}
    with serve.start(store) as server:
        for target in failures:
            answers[target] = ask(server.query_url, f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}", accept)
        silent = ask(server.query_url, f"SELECT * {{ SERVICE SILENT <{refused}> {{ ?s ?p ?o }} }}", accept)
        after = ask(server.query_url, "SELECT ?s { ?s ?p ?o } LIMIT 1", accept)
    for target, words in failures.items():
        status, headers, body = answers[target]
        lines = body.decode("utf-8").splitlines()
        assert status == 502, (target, status, body[:300])
        assert len(lines) == 1 and lines[0].startswith("the query failed") and words in lines[0], lines
        assert headers["Content-Type"].startswith("text/plain")
    assert silent[0] == 200 and after[0] == 200
    empty = {JSON: b'{"head":{"vars":["o","p","s"]},"results":{"bindings":[{}]}}',
             "text/csv": b"o,p,s\r\n,,\r\n", "text/tab-separated-values": b"?o\t?p\t?s\n\t\t\n"}
    assert silent[2] == empty[accept]


def _answer(body: bytes) -> relay.Answer:
    spool = tempfile.SpooledTemporaryFile()
    spool.write(body)
    return relay.Answer(200, "OK", [], "text/csv", spool, len(body), None)


def test_an_error_counts_only_for_the_answer_that_ends_with_it() -> None:
    # What a backend wrote on stderr while two requests ran on it: one SERVICE call
    # failed (with a two-line message); the other request's answer is whole.
    log = (b"Internal server error while streaming results: Error 500 returned by http://127.0.0.1:1/x with "
           b"payload:\nout of order\n\nInternal server error while streaming results: Connection refused\n")
    failed = _answer(b"o,p,s\r\nError 500 returned by http://127.0.0.1:1/x with payload:\nout of order\n")
    whole = _answer(b"s\r\nhttps://w3id.org/sckg/id/x\r\n")
    assert relay.streamed_error(failed, log) == b"Error 500 returned by http://127.0.0.1:1/x with payload:\nout of order\n"
    assert relay.streamed_error(whole, log) is None
    assert relay.verdict(whole, log, "stopped") is None
    status, message = relay.verdict(failed, log, "stopped")
    assert status == 502 and message.endswith("with payload: out of order") and "\n" not in message
    assert relay.verdict(_answer(b"o\r\nThe SPARQL operation has been cancelled"), b"", "stopped") == (503, "stopped")


# --------------------------------------------------------------------------- the backends behind the guard


def _backends(guard_pid: int) -> dict[int, str]:
    """{pid: --bind value} of the oxigraph processes the guard ``guard_pid`` runs."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == guard_pid:
                args = (entry / "cmdline").read_bytes().decode().split("\0")
                if "serve-read-only" in args:
                    found[int(entry.name)] = args[args.index("--bind") + 1]
        except (OSError, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return found


def _listening(port: int) -> set[str]:
    """The addresses a TCP socket listens on ``port`` at (IPv4, from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def test_backends_listen_on_loopback_only(store: Path) -> None:
    # The guard itself on every interface: its backends still take only 127.0.0.1.
    with serve.start(store, f"0.0.0.0:{serve.free_port()}", backends=2) as server:
        binds = _backends(server.process.pid)
        listening = {bind: _listening(int(bind.rsplit(":", 1)[1])) for bind in binds.values()}
    assert len(binds) == 2
    for bind, addresses in listening.items():
        assert bind.startswith("127.0.0.1:") and addresses == {"127.0.0.1"}, (bind, addresses)


# A COUNT over a 7-way cross join: worked out in memory, where oxigraph's own
# timeout never looks, so only a kill stops it.
RUNAWAY_COUNT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?t ?u ?v }"


def test_a_query_sent_straight_to_a_backend_gets_the_time_limit_too(store: Path) -> None:
    with serve.start(store, timeout_s=1, backends=1) as server:
        [(pid, bind)] = _backends(server.process.pid).items()
        with pytest.raises((http.client.HTTPException, ConnectionError)):  # its backend killed under it
            ask(f"http://{bind}/query", RUNAWAY_COUNT, timeout=30)
        for _ in range(600):  # the guard starts another backend
            now = _backends(server.process.pid)
            if now and pid not in now:
                break
            time.sleep(0.05)
        assert now and pid not in now
        status, _headers, body = ask(server.query_url, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


# --------------------------------------------------------------------------- reloads under a polling client

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"


class Poller:
    """Clients that keep asking the endpoint for its triple count until stopped, at most
    ``limit`` requests or ``seconds`` in all: the first on one kept-alive connection (as
    a dashboard does), the others on a new connection per request (as a script does)."""

    def __init__(self, url: str, clients: int = 2, limit: int = 6000, seconds: float = 60) -> None:
        assert url.startswith("http://127.0.0.1:")
        self.url, self.limit, self.deadline = url, limit, time.monotonic() + seconds
        self.seen: list[list[int]] = [[] for _ in range(clients)]
        self.failures: list[str] = []
        self.sent = 0
        self.lock = threading.Lock()
        self.running = True
        self.threads = [threading.Thread(target=self.poll, args=(i,), daemon=True) for i in range(clients)]
        for thread in self.threads:
            thread.start()

    def _go(self) -> bool:
        with self.lock:
            if not self.running or self.sent >= self.limit or time.monotonic() > self.deadline:
                return False
            self.sent += 1
            return True

    def poll(self, client: int) -> None:
        host, port = self.url.removeprefix("http://").split("/")[0].split(":")
        body = urllib.parse.urlencode({"query": COUNT})
        headers = {"Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"}
        conn = None
        while self._go():
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, int(port), timeout=30)
                conn.request("POST", "/query", body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                if response.status != 200:
                    raise AssertionError(f"status {response.status}: {data[:200]!r}")
                self.seen[client].append(int(json.loads(data)["results"]["bindings"][0]["n"]["value"]))
            except Exception as exc:  # noqa: BLE001 - every failure is recorded and asserted on
                with self.lock:
                    self.failures.append(f"client {client}: {exc!r}"[:300])
                if conn is not None:
                    conn.close()
                conn = None
                time.sleep(0.01)  # a refused connection fails at once: do not spend the budget on it
            if client > 0 and conn is not None:
                conn.close()
                conn = None
        if conn is not None:
            conn.close()

    def wait_all_see(self, count: int, seconds: float = 60) -> bool:
        """Whether every client's latest answer is ``count`` within ``seconds``."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if all(seen and seen[-1] == count for seen in self.seen):
                return True
            if not any(thread.is_alive() for thread in self.threads):
                return False
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(60)


def _store_count(store: Path) -> int:
    """The triple count of ``store``'s default graph, read from the store itself."""
    opened = ox.Store.read_only(str(store))
    try:
        return sum(1 for _ in opened.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    finally:
        del opened


def _triples(n: int) -> list[ox.Triple]:
    subject = ox.NamedNode(f"https://w3id.org/sckg/id/reload-test-{n}")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    return [ox.Triple(subject, label, ox.Literal(f"reload {n} label {k}")) for k in range(3)]


class Lines:
    """The lines a process writes on a pipe, collected by a thread."""

    def __init__(self, pipe) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(pipe,), daemon=True)
        self.thread.start()

    def _read(self, pipe) -> None:
        for line in pipe:
            self.lines.append(line.rstrip("\n"))

    def matching(self, prefix: str) -> list[str]:
        """The lines so far that start with ``prefix``."""
        return [line for line in list(self.lines) if line.startswith(prefix)]

    def wait_for(self, prefix: str, count: int = 1, seconds: float = 60) -> list[str]:
        """The lines that start with ``prefix``, once there are ``count`` (bounded wait)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and len(self.matching(prefix)) < count:
            time.sleep(0.02)
        return self.matching(prefix)


def test_sckg_serve_reloads_under_a_polling_client_without_a_failed_request(store: Path) -> None:
    from click.testing import CliRunner

    from sckg.cli import main

    port = serve.free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sckg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    out, err = Lines(proc.stdout), Lines(proc.stderr)
    url = f"http://127.0.0.1:{port}/query"
    article = Path(__file__).parent / "articles" / "unseen" / "903_8e2b74c19f06d3a5.txt"
    poller = None
    try:
        assert out.wait_for("SPARQL endpoint:"), err.lines
        counts = [_store_count(store)]
        poller = Poller(url)
        assert poller.wait_all_see(counts[0])
        writes = [lambda n=n: load.add_quads(store, _triples(n)) for n in range(3)]
        writes.append(lambda: CliRunner().invoke(main, ["ingest", str(article), "--store", str(store)]))
        for number, write in enumerate(writes, 1):
            result = write()
            counts.append(_store_count(store))
            assert counts[-1] > counts[-2]
            if number <= 3:  # sckg ingest sends the signal itself
                assert serve.reload_running(store) == f"http://127.0.0.1:{port}"
            else:
                assert result.exit_code == 0 and "reloaded the endpoint" in result.output, result.output
            # `reloaded` is said only once the new graph answers.
            assert len(out.wait_for("reloaded", number)) == number, out.lines
            assert sparql(url, COUNT)["results"]["bindings"][0]["n"]["value"] == str(counts[-1])
            assert poller.wait_all_see(counts[-1]), (counts, [seen[-3:] for seen in poller.seen], poller.failures[:3])
        # A reload that cannot open the store: said on stderr, the old backends keep answering.
        current = store / "CURRENT"
        good = current.read_bytes()
        current.write_bytes(b"MANIFEST-999999\n")
        try:
            serve.reload_running(store)
            failed = err.wait_for("error: reload of")
        finally:
            current.write_bytes(good)
        assert len(failed) == 1 and "still serving the previous content" in failed[0], err.lines
        assert "MANIFEST-999999" in failed[0]
        assert sparql(url, COUNT)["results"]["bindings"][0]["n"]["value"] == str(counts[-1])
        serve.reload_running(store)
        assert len(out.wait_for("reloaded", len(writes) + 1)) == len(writes) + 1
        # Two signals in a row: one or two reloads, no request fails, the count stays.
        serve.reload_running(store)
        serve.reload_running(store)
        assert len(out.wait_for("reloaded", len(writes) + 2)) >= len(writes) + 2
        poller.stop()
        proc.send_signal(signal.SIGINT)
        proc.wait(30)
        out.thread.join(10)
        err.thread.join(10)
        assert proc.returncode == 0, err.lines
        assert out.lines[-1] == "stopped", out.lines
    finally:
        if poller is not None:
            poller.stop()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    sent = sum(len(seen) for seen in poller.seen) + len(poller.failures)
    print(f"polling client: {sent} requests, {len(poller.failures)} failed, "
          f"{len(out.matching('reloaded'))} reloads")
    assert not poller.failures, (len(poller.failures), sent, poller.failures[:5])
    assert len(writes) + 2 <= len(out.matching("reloaded")) <= len(writes) + 3, out.lines
    assert len(err.matching("error: reload of")) == 1, err.lines
    for seen in poller.seen:
        assert set(seen) <= set(counts), sorted(set(seen) - set(counts))
        assert seen == sorted(seen)  # once the new graph is seen, never the old one again
        assert seen[-1] == counts[-1]


class _HeldEndpoint(_Endpoint):
    """A SPARQL endpoint that answers one row, but only once the test lets it."""

    arrived: threading.Event
    release: threading.Event

    def answer(self) -> tuple[int, bytes]:
        self.arrived.set()
        self.release.wait(60)
        return 200, b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"held"}}]}}'


@pytest.fixture
def held_endpoint():
    handler = type("Held", (_HeldEndpoint,), {"arrived": threading.Event(), "release": threading.Event()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/held", handler.arrived, handler.release
    finally:
        handler.release.set()
        server.shutdown()
        server.server_close()


def _count_of(answer: tuple[int, dict, bytes]) -> int:
    status, _headers, body = answer
    assert status == 200, (status, body[:300])
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_a_reload_lets_running_requests_finish_on_the_old_backends(store: Path, held_endpoint) -> None:
    url, arrived, release = held_endpoint
    # Its answer waits for the endpoint above; its count is that of the graph it ran on.
    held = f"SELECT (COUNT(*) AS ?n) {{ SERVICE <{url}> {{ ?x ?y ?z }} ?s ?p ?o }}"
    answers: list = []
    with serve.start(store) as server:
        old = set(_backends(server.process.pid))
        thread = threading.Thread(target=lambda: answers.append(ask(server.query_url, held)), daemon=True)
        thread.start()
        assert arrived.wait(60)  # running on an old backend
        load.add_quads(store, _triples(0))
        server.reload()
        after = ask(server.query_url, COUNT)
        during = set(_backends(server.process.pid))
        release.set()
        thread.join(60)
        for _ in range(600):  # the old backends are stopped once idle
            now = set(_backends(server.process.pid))
            if len(now) == 2 and not now & old:
                break
            time.sleep(0.05)
    assert _count_of(after) == 34
    assert len(answers) == 1 and _count_of(answers[0]) == 31  # whole, on the graph it started on
    assert len(old) == 2 and old & during  # the old backend running it was not stopped under it
    assert len(now) == 2 and not now & old


def test_a_reload_that_cannot_open_the_store_keeps_the_old_content(store: Path) -> None:
    with serve.start(store) as server:
        load.add_quads(store, _triples(0))
        current = store / "CURRENT"
        good = current.read_bytes()
        current.write_bytes(b"MANIFEST-999999\n")
        try:
            with pytest.raises(InputError, match="reload failed, still serving the previous content: .*MANIFEST-999999"):
                server.reload()
        finally:
            current.write_bytes(good)
        before = ask(server.query_url, COUNT)
        server.reload()
        after = ask(server.query_url, COUNT)
        assert len(server.reloads) == 2 and server.reloads[0].error and server.reloads[1].error is None
    assert _count_of(before) == 31 and _count_of(after) == 34


def test_reloads_asked_while_the_store_is_being_written_serve_only_whole_stores(store: Path) -> None:
    # A backend that opens the store while another process writes it can fail, or answer
    # ASK and then hang on a query: a reload waits for the writer and checks it was not
    # written while its backends opened it.
    with serve.start(store) as server:
        poller = Poller(server.query_url, clients=2)
        try:
            for n in range(20):
                load.add_quads(store, _triples(n))
                server.request_reload()  # the next write starts while this reload runs
                time.sleep(0.01 * (n % 4))
            server.reload()
            final = _store_count(store)
            assert poller.wait_all_see(final), [seen[-3:] for seen in poller.seen]
        finally:
            poller.stop()
        failed = [done.error for done in server.reloads if done.error]
    assert final == 31 + 3 * 20
    assert not poller.failures, poller.failures[:5]
    assert not failed, failed
    for seen in poller.seen:
        assert seen == sorted(seen) and seen[0] == 31 and seen[-1] == final
