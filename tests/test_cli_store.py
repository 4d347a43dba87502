"""``sckg serve``, ``query``, ``validate`` and ``add`` through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import socketserver
import struct
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from sckg import load, serve
from sckg.cli import main
from sckg.cli import store as cli_store

FIXTURES = Path(__file__).parent / "fixtures" / "store"
CARRIERS = """PREFIX sc: <https://w3id.org/sckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?carrier ?label WHERE {
  ?carrier a ?type ; rdfs:label ?label .
  VALUES ?type { sc:MakerSpace sc:TechnologyBusinessIncubator sc:StarCreationSpace }
  FILTER(langMatches(lang(?label), "zh-Hans"))
} ORDER BY ?carrier
"""


@pytest.fixture
def query_file(tmp_path: Path) -> Path:
    path = tmp_path / "carriers.rq"
    path.write_text(CARRIERS, encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def one_line_error(result, *parts: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for part in parts:
        assert part in lines[0]
    assert "Traceback" not in result.output


def test_every_command_help_ends_with_an_example() -> None:
    for command in ("serve", "query", "validate", "add"):
        text = main.get_command(None, command).help
        assert "Example:" in text and text.strip().splitlines()[-1].strip().startswith("sckg ")


def test_query_store_csv_tsv_json_table(store: Path, query_file: Path) -> None:
    out = run("query", str(query_file), "--store", str(store), "--format", "csv")
    assert out.exit_code == 0
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert rows == [["carrier", "label"], ["https://w3id.org/sckg/id/makerspace-la-sa-chuang-ke", "拉萨创客空间"]]
    tsv = run("query", str(query_file), "--store", str(store), "--format", "tsv").stdout
    assert tsv.splitlines()[0] == "?carrier\t?label"
    data = json.loads(run("query", str(query_file), "--store", str(store), "--format", "json").stdout)
    assert data["results"]["bindings"][0]["label"]["value"] == "拉萨创客空间"
    table = run("query", str(query_file), "--store", str(store), "--format", "table").stdout
    assert "id:makerspace-la-sa-chuang-ke | 拉萨创客空间" in table and "(1 row)" in table
    # default on a non-terminal is CSV; the query may come from stdin
    assert run("query", "-", "--store", str(store), input=CARRIERS).stdout == out.stdout
    for fmt in ("csv", "tsv", "table"):  # an ASK answers with the word in every text format
        assert run("query", "-", "--store", str(store), "--format", fmt, input="ASK { ?s ?p ?o }").stdout == "true\n"
    asked = run("query", "-", "--store", str(store), "--format", "json", input="ASK { ?s ?p ?o }").stdout
    assert json.loads(asked)["boolean"] is True


def test_query_endpoint_matches_store(store: Path, query_file: Path) -> None:
    with serve.start(store) as server:
        over_http = run("query", str(query_file), "--endpoint", server.query_url, "--format", "table")
        ask = run("query", "-", "--endpoint", server.query_url, "--format", "table", input="ASK { ?s ?p ?o }")
    local = run("query", str(query_file), "--store", str(store), "--format", "table")
    assert over_http.exit_code == 0 and over_http.stdout == local.stdout
    assert ask.stdout.strip() == "true"


def test_query_errors_are_one_line(store: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x }", encoding="utf-8")
    one_line_error(run("query", str(bad), "--store", str(store)), "bad.rq", "not a valid SPARQL query")
    one_line_error(run("query", str(bad), "--store", str(tmp_path / "none")), "no Oxigraph store")
    one_line_error(
        run("query", str(bad), "--endpoint", f"http://127.0.0.1:{serve.free_port()}/query"), "cannot reach"
    )


def test_validate_exit_codes(store: Path) -> None:
    ok = run("validate", str(FIXTURES / "valid-add.ttl"), "--store", str(store))
    assert ok.exit_code == 0 and "Conforms" in ok.stdout
    ok_jsonld = run("validate", str(FIXTURES / "valid-add.jsonld"), "--store", str(store))
    assert ok_jsonld.exit_code == 0
    bad = run("validate", str(FIXTURES / "invalid-add.ttl"), "--store", str(store))
    assert bad.exit_code == 1
    assert "id:makerspace-wu-ming sc:locatedIn id:person-bao-hanwen" in bad.stdout  # the offending triple
    assert "sc:locatedIn 的值不是 sc:Place" in bad.stdout  # the bilingual message
    # results about nodes the file does not touch (cut-off context) are not reported
    assert "id:place-540000" not in bad.stdout and "id:article-fx1" not in bad.stdout
    turtle = run("validate", str(FIXTURES / "invalid-add.ttl"), "--store", str(store), "--format", "turtle")
    assert turtle.exit_code == 1 and "sh:ValidationReport" in turtle.stdout and "sh:conforms false" in turtle.stdout


def test_validate_without_store_context_misses_references(store: Path, tmp_path: Path, monkeypatch) -> None:
    # Alone, the addition's place and article are untyped, so sh:class fails;
    # with the store as context they resolve (previous test).
    monkeypatch.chdir(tmp_path)  # no data/store here
    alone = run("validate", str(FIXTURES / "valid-add.ttl"))
    assert alone.exit_code == 1 and "sc:locatedIn" in alone.stdout


def test_validate_bad_input_is_one_line(store: Path, tmp_path: Path) -> None:
    one_line_error(run("validate", str(FIXTURES / "bad-syntax.ttl"), "--store", str(store)), "bad-syntax.ttl", "line 6")
    one_line_error(run("validate", str(tmp_path / "absent.ttl"), "--store", str(store)), "absent.ttl", "cannot read")
    weird = tmp_path / "notes.txt"
    weird.write_text("hello", encoding="utf-8")
    one_line_error(run("validate", str(weird)), "notes.txt", "unknown RDF file extension")


def test_a_file_the_store_holds_in_canonical_form_validates_beside_it(store: Path, tmp_path: Path) -> None:
    """The store keeps 29.650000 as 29.65: the file, checked beside the store that took
    it, is the same value, not a second latitude."""
    lat = tmp_path / "lat.ttl"
    lat.write_text("@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .\n"
                   "<https://w3id.org/sckg/id/place-540100> geo:lat 29.650000 .\n", encoding="utf-8")
    assert run("add", str(lat), "--store", str(store)).exit_code == 0
    checked = run("validate", str(lat), "--store", str(store))
    assert checked.exit_code == 0, checked.output


def test_add_valid_file_is_queryable(store: Path, query_file: Path) -> None:
    added = run("add", str(FIXTURES / "valid-add.ttl"), "--store", str(store))
    assert added.exit_code == 0, added.output
    assert "directly into the store" in added.stdout and "graph/curated" in added.stdout
    rows = run("query", str(query_file), "--store", str(store), "--format", "csv").stdout
    assert "拉萨科技企业孵化器" in rows


def test_add_invalid_or_unparsable_changes_nothing(store: Path) -> None:
    before = load.dump(store)
    invalid = run("add", str(FIXTURES / "invalid-add.ttl"), "--store", str(store))
    assert invalid.exit_code == 1 and "store is unchanged" in invalid.stderr
    assert load.dump(store) == before
    # one bad file in a batch stops the whole batch
    mixed = run("add", str(FIXTURES / "valid-add.ttl"), str(FIXTURES / "bad-syntax.ttl"), "--store", str(store))
    one_line_error(mixed, "bad-syntax.ttl")
    assert load.dump(store) == before
    one_line_error(run("add", str(FIXTURES / "valid-add.ttl"), "--graph", "curated", "--store", str(store)), "--graph")
    assert load.dump(store) == before


def test_add_to_missing_store_is_one_line(tmp_path: Path) -> None:
    one_line_error(run("add", str(FIXTURES / "valid-add.ttl"), "--store", str(tmp_path / "none")), "no Oxigraph store")
    assert not (tmp_path / "none").exists()


def test_add_through_a_read_write_server_says_so(store: Path, query_file: Path) -> None:
    with serve.start(store, read_write=True) as server:
        added = run("add", str(FIXTURES / "valid-add.jsonld"), "--store", str(store), "--server", server.url)
        assert added.exit_code == 0, added.output
        assert f"through the running read-write server at {server.url}" in added.stdout
        rows = run("query", str(query_file), "--endpoint", server.query_url, "--format", "csv").stdout
    assert "拉萨星创天地" in rows


def test_serve_port_taken_and_missing_store_are_one_line(store: Path, tmp_path: Path) -> None:
    one_line_error(run("serve", "--store", str(tmp_path / "none")), "store not found")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        bind = f"127.0.0.1:{sock.getsockname()[1]}"
        one_line_error(run("serve", "--store", str(store), "--bind", bind), bind, "port already in use")
    one_line_error(run("serve", "--store", str(store), "--bind", "nonsense"), "HOST:PORT")


def test_validate_engines_agree(store: Path) -> None:
    compiled = run("validate", str(FIXTURES / "invalid-add.ttl"), "--store", str(store), "--engine", "compiled")
    reference = run("validate", str(FIXTURES / "invalid-add.ttl"), "--store", str(store), "--engine", "pyshacl")
    assert compiled.exit_code == reference.exit_code == 1
    assert compiled.stdout == reference.stdout
    assert "--engine" in run("validate", "--help").stdout


def test_query_store_with_a_failing_service_call_is_one_line(store: Path) -> None:
    refused = f"http://127.0.0.1:{serve.free_port()}/sparql"  # nothing listens there
    for fmt in ("csv", "tsv", "json", "table"):
        for target, words in (("http://127.0.0.1:9/sparql", "port 9"), (refused, "Connection refused")):
            query = f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
            one_line_error(run("query", "-", "--store", str(store), "--format", fmt, input=query),
                           "<stdin>", "the query failed", words)
        ask = f"ASK {{ SERVICE <{refused}> {{ ?s ?p ?o }} }}"
        one_line_error(run("query", "-", "--store", str(store), "--format", fmt, input=ask), "Connection refused")
    silent = run("query", "-", "--store", str(store), "--format", "csv",
                 input=f"SELECT * {{ SERVICE SILENT <{refused}> {{ ?s ?p ?o }} }}")
    assert silent.exit_code == 0 and silent.stdout.splitlines() == ["o,p,s", ",,"]


# --------------------------------------------------------------------------- an endpoint that misbehaves

_HEAD_200 = b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\n"
_MISBEHAVIOURS = {
    # path: (what the endpoint sends before it closes the connection, None: nothing, "hang": wait)
    "short": _HEAD_200 % b"text/csv" + b"Content-Length: 1000\r\n\r\ns\r\nhttps://w3id.org/sckg/id/x\r\n",
    "chunked-cut": _HEAD_200 % b"text/csv" + b"Transfer-Encoding: chunked\r\n\r\n5\r\ns\r\nab\r\n",
    "silent": None,
    "reset": "reset",
    "not-http": b"SSH-2.0-OpenSSH_9.6\r\n",
    "broken-json": _HEAD_200 % b"application/sparql-results+json"
    + b'Content-Length: 39\r\n\r\n{"head":{"vars":["s"]},"results":{"bind',
    "error-cut": b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 400\r\n\r\nou",
    "hang": "hang",
}


class _Misbehaving(socketserver.BaseRequestHandler):
    """Reads one request, then answers as its path says (see _MISBEHAVIOURS)."""

    released: threading.Event

    def handle(self) -> None:
        sock = self.request
        data = b""
        for _ in range(1000):
            if b"\r\n\r\n" in data:
                break
            chunk = sock.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _sep, body = data.partition(b"\r\n\r\n")
        length = re.search(rb"(?im)^content-length: *(\d+)", head)
        for _ in range(1000):
            if not length or len(body) >= int(length.group(1)):
                break
            body += sock.recv(65536)
        what = _MISBEHAVIOURS[head.split(b" ")[1].decode().strip("/")]
        if what == "hang":
            self.released.wait(30)
        elif what == "reset":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()  # now, with an RST (socketserver would send a FIN first)
        elif what is not None:
            sock.sendall(what)


@pytest.fixture
def misbehaving():
    released = threading.Event()
    handler = type("Handler", (_Misbehaving,), {"released": released})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        released.set()
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path, fmt, words", [
    ("short", "csv", "broke off"),
    ("chunked-cut", "csv", "broke off"),
    ("silent", "csv", "closed the connection"),
    ("reset", "csv", "the connection was reset"),
    ("not-http", "csv", "not an HTTP answer"),
    ("broken-json", "table", "not valid SPARQL JSON results"),
    ("broken-json", "json", "not valid SPARQL JSON results"),
    ("error-cut", "csv", "broke off"),
    ("hang", "csv", "timed out"),
])
def test_query_endpoint_transport_errors_are_one_line(misbehaving: str, monkeypatch, path: str, fmt: str,
                                                      words: str) -> None:
    monkeypatch.setattr(cli_store, "ENDPOINT_TIMEOUT_S", 1)
    endpoint = f"{misbehaving}/{path}"
    result = run("query", "-", "--endpoint", endpoint, "--format", fmt, input="SELECT ?s { ?s ?p ?o }")
    one_line_error(result, endpoint, words)
    assert result.stdout == ""


def test_query_endpoint_with_a_failing_service_call_is_one_line(store: Path) -> None:
    refused = f"http://127.0.0.1:{serve.free_port()}/sparql"  # nothing listens there
    with serve.start(store) as server:
        result = run("query", "-", "--endpoint", server.query_url, "--format", "table",
                     input=f"SELECT * {{ SERVICE <{refused}> {{ ?s ?p ?o }} }}")
    one_line_error(result, server.query_url, "502", "Connection refused")


def test_every_command_finds_the_store_build_made_in_the_folder_it_runs_in(tmp_path: Path, monkeypatch) -> None:
    """build (seeds/ → data/sckg.trig, data/store), query and figures all default to the
    folder the command runs in, so a curated addition and a rebuild meet one store."""
    article = sorted((Path(__file__).parent / "articles" / "unseen").glob("*.txt"))[0]
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / article.name).write_bytes(article.read_bytes())
    monkeypatch.chdir(tmp_path)
    assert run("build", "--quiet").exit_code in (0, 4)
    assert (tmp_path / "data" / "sckg.trig").is_file() and (tmp_path / "data" / "store" / "CURRENT").is_file()
    (tmp_path / "q.rq").write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    result = run("query", "q.rq", "--format", "csv")
    assert result.exit_code == 0 and int(result.output.split()[-1]) > 1000, result.output
    assert run("figures").exit_code == 0
