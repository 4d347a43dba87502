"""Store and endpoint commands: ``sckg serve``, ``query``, ``validate``, ``add``."""

from __future__ import annotations

import http.client
import contextlib
import json
import sys
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import click
import pyoxigraph as ox
import rdflib

from sckg import load
from sckg.load import ownership
from sckg import serve as serving
from sckg.cli import DEFAULT_STORE, main, one_line_errors
from sckg.model import InputError


_store_option = click.option(
    "--store",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=f"Oxigraph store directory  [default: {DEFAULT_STORE}]",
)


_one_line_errors = one_line_errors


# --------------------------------------------------------------------------- serve


@main.command()
@_store_option
@click.option("--bind", default=serving.DEFAULT_BIND, show_default=True, help="HOST:PORT to listen on")
@click.option("--cors/--no-cors", default=True, show_default=True, help="allow cross-origin requests")
@click.option(
    "--timeout",
    type=click.IntRange(min=0),
    default=serving.DEFAULT_TIMEOUT_S,
    show_default=True,
    help="query timeout in seconds (0: none)",
)
@_one_line_errors
def serve(store: Path | None, bind: str, cors: bool, timeout: int) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol.

    The union of all graphs is the default graph; YASGUI is at /; updates are
    refused. Ctrl-C stops the server. SIGHUP (sent by `sckg add`, `sckg ingest` and
    `sckg build` after they write the store) reloads it without refusing a request:
    the old content is answered until the new one is, then `reloaded` is printed.

    Example:

        sckg serve --store data/store --bind 127.0.0.1:7878
    """
    load.swap.recover(store or DEFAULT_STORE)  # a swap a killed build left half done
    code = serving.run(store or DEFAULT_STORE, bind, cors=cors, timeout_s=timeout or None, echo=click.echo)
    sys.exit(code)


# --------------------------------------------------------------------------- query

_MEDIA = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "table": "application/sparql-results+json",
}
_OX_FORMAT = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


def _short(term: dict) -> str:
    value = term.get("value", "")
    if term.get("type") == "uri":
        for prefix, ns in sorted(load.PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if value.startswith(ns) and "/" not in value[len(ns) :]:
                return f"{prefix}:{value[len(ns):]}"
        return f"<{value}>"
    if term.get("type") == "bnode":
        return f"_:{value}"
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render_table(results: dict) -> str:
    """SPARQL JSON results as an aligned text table (CJK characters count double)."""
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    names = results["head"].get("vars", [])
    rows = [[_short(b[n]) if n in b else "" for n in names] for b in results["results"]["bindings"]]
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        return " | ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _query_store(store: Path, text: str, name: str, fmt: str) -> bytes:
    opened = load.open_read_only(store)
    try:
        results = opened.query(text)  # the default graph is the union (sckg.load)
    except SyntaxError as exc:
        raise InputError(f"{name}: not a valid SPARQL query: {' '.join(str(exc).split())}") from None
    except (OSError, RuntimeError) as exc:  # a SERVICE call that failed (ASK evaluates at once)
        raise InputError(f"{name}: the query failed: {' '.join(str(exc).split())}") from None
    try:
        return _serialize(results, fmt)
    except (OSError, RuntimeError) as exc:  # SELECT/CONSTRUCT evaluate while serialized
        failure = " ".join(str(exc).split())
    # Dropped here, not with the traceback: pyoxigraph's results may only be freed by
    # the thread that made them.
    del results, opened
    raise InputError(f"{name}: the query failed: {failure}")


def _serialize(results: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> bytes:
    if isinstance(results, ox.QueryTriples):
        return results.serialize(format=ox.RdfFormat.N_TRIPLES)
    if isinstance(results, ox.QueryBoolean):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(results)}).encode() + b"\n"
        return b"true\n" if bool(results) else b"false\n"  # table, csv and tsv: the word
    if fmt == "table":
        data = json.loads(results.serialize(format=ox.QueryResultsFormat.JSON))
        return (render_table(data) + "\n").encode("utf-8")
    return results.serialize(format=_OX_FORMAT[fmt])


ENDPOINT_TIMEOUT_S = 600  # how long `sckg query --endpoint` waits for a silent endpoint


def _transport_error(exc: BaseException) -> str:
    """What went wrong on the way to an endpoint or back, in a few words."""
    if isinstance(exc, urllib.error.URLError):  # raised before the request was sent
        if isinstance(exc.reason, TimeoutError):
            return f"timed out: no connection within {ENDPOINT_TIMEOUT_S} s"
        return f"cannot reach the endpoint ({exc.reason})"
    if isinstance(exc, http.client.IncompleteRead):
        more = f", {exc.expected} more announced" if exc.expected else ""
        return f"the answer broke off ({len(exc.partial)} bytes received{more})"
    if isinstance(exc, http.client.RemoteDisconnected):
        return "the endpoint closed the connection without answering"
    if isinstance(exc, TimeoutError):
        return f"timed out: no answer within {ENDPOINT_TIMEOUT_S} s"
    if isinstance(exc, ConnectionResetError):
        return "the connection was reset before the answer was complete"
    if isinstance(exc, http.client.HTTPException):
        return f"not an HTTP answer ({' '.join(str(exc).split())[:100] or type(exc).__name__})"
    return f"the connection failed ({' '.join(str(exc).split())[:200] or type(exc).__name__})"


def _query_endpoint(endpoint: str, text: str, name: str, fmt: str) -> bytes:
    try:
        request = urllib.request.Request(
            endpoint,
            data=urllib.parse.urlencode({"query": text}).encode("utf-8"),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": f"{_MEDIA[fmt]}, application/n-triples;q=0.9, text/turtle;q=0.8",
            },
        )
    except ValueError:
        raise InputError(f"--endpoint {endpoint}: not a URL (e.g. http://127.0.0.1:7878/query)") from None
    try:
        with urllib.request.urlopen(request, timeout=ENDPOINT_TIMEOUT_S) as response:
            body, kind = response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        try:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        except (OSError, http.client.HTTPException) as broken:
            raise InputError(f"{name}: {endpoint} answered {exc.code}, then {_transport_error(broken)}") from None
        raise InputError(f"{name}: {endpoint} answered {exc.code}: {detail}") from None
    except (OSError, http.client.HTTPException) as exc:  # URLError is an OSError
        raise InputError(f"{endpoint}: {_transport_error(exc)}") from None
    if kind == "application/sparql-results+json" and fmt in ("json", "table"):
        try:
            results = json.loads(body)
            table = render_table(results) + "\n"
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"{endpoint}: the answer is not valid SPARQL JSON results "
                             f"({' '.join(str(exc).split())[:100]}); did it break off?") from None
        if fmt == "table":
            return table.encode("utf-8")
    return body


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=str))
@_store_option
@click.option("--endpoint", metavar="URL", help="query this SPARQL endpoint instead of the store")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default=None,
    help="output format  [default: table on a terminal, else csv]",
)
@_one_line_errors
def query(file: str, store: Path | None, endpoint: str | None, fmt: str | None) -> None:
    """Run the SPARQL query in FILE (- for stdin) and print its results.

    Against the store (the union of all graphs is the default graph) or any
    SPARQL 1.1 Protocol endpoint. CONSTRUCT/DESCRIBE results print as N-Triples.

    Example:

        sckg query queries/carriers-by-province.rq --endpoint http://127.0.0.1:7878/query
    """
    if store and endpoint:
        raise InputError("--store and --endpoint: give one, not both")
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{file}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    name = "<stdin>" if file == "-" else file
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if endpoint:
        out = _query_endpoint(endpoint, text, name, fmt)
    else:
        with load.command_lock(store or DEFAULT_STORE, exclusive=False):
            out = _query_store(store or DEFAULT_STORE, text, name, fmt)
    click.echo(out, nl=False)


# --------------------------------------------------------------------------- validate / add


def _parse_all(files: tuple[Path, ...]) -> list[ox.Quad]:
    quads: list[ox.Quad] = []
    for path in files:
        quads.extend(load.parse_file(path))
    return quads


def _context_store(store: Path | None) -> Path | None:
    """The store to validate against: the given one (must exist), or the default if built."""
    if store is not None:
        return load.check_store(store)
    return DEFAULT_STORE if (DEFAULT_STORE / "CURRENT").is_file() else None


def _check(quads: list[ox.Quad], store: Path | None, engine: str = "compiled"):
    """Validate the new triples together with what the store says about their nodes.

    The context is what the shapes read around the nodes the new triples touch
    (``validate.context_spec``); only those nodes are validated (``focus``), since
    results about nodes further out would be artefacts of the cut.
    """
    from sckg import validate as validation  # imported late: keeps `sckg --help` fast

    data = load.to_rdflib(load.as_stored(quads))  # (39.907500 beside the store's 39.9075: one value)
    if store is None:
        return validation, validation.validate(data, engine=engine)
    touched = {t for triple in data for t in (triple[0], triple[2]) if not isinstance(t, rdflib.Literal)}
    data += load.neighbourhood(store, touched, data=data, **validation.context_spec().kwargs())
    return validation, validation.validate(data, engine=engine, focus=touched)


def _report(validation, result, fmt: str) -> str:
    if fmt == "turtle":
        return validation.format_turtle(result)
    return validation.format_report(result)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_store_option
@click.option("--format", "fmt", type=click.Choice(["text", "turtle"]), default="text", show_default=True)
@click.option("--engine", type=click.Choice(["compiled", "pyshacl"]), default="compiled", show_default=True,
              help="SHACL engine: the fast compiled one, or pyshacl (the reference; same results, slower)")
@_one_line_errors
def validate_cmd(files: tuple[Path, ...], store: Path | None, fmt: str, engine: str) -> None:
    """Validate RDF files against the SHACL shapes, with the current graph as context.

    Reads Turtle (.ttl), TriG (.trig), N-Quads (.nq), N-Triples (.nt) and JSON-LD
    (.jsonld). Exit 0 when they conform, 1 on violations, 2 on bad input.

    Example:

        sckg validate new-carriers.ttl --format text --engine compiled
    """
    quads = _parse_all(files)
    context = _context_store(store)
    with load.command_lock(context, exclusive=False) if context else contextlib.nullcontext():
        validation, result = _check(quads, context, engine)
    click.echo(_report(validation, result, fmt))
    sys.exit(0 if result.conforms else 1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--graph", "graph", default=load.CURATED_GRAPH, show_default=True, metavar="IRI",
              help="graph:curated or a graph under graph:curated/ (the only graphs a user writes)")
@_store_option
@click.option(
    "--server",
    metavar="URL",
    default=None,
    help=f"read-write Oxigraph server to post to when it holds the store  [default: $SCKG_SERVER or {load.DEFAULT_SERVER}]",
)
@click.option("--extend-ontology", is_flag=True,
              help="accept statements about the vocabulary, if the ontology with them stays consistent")
@_one_line_errors
def add(files: tuple[Path, ...], graph: str, store: Path | None, server: str | None,
        extend_ontology: bool) -> None:
    """Validate FILES, then add their triples to the curated graph in one transaction.

    Triples go into --graph: graph:curated, or a graph of your own under
    graph:curated/ (https://w3id.org/sckg/graph/curated/NAME). A TriG or N-Quads file
    may name such graphs itself; any other graph name (an article's, the ontology's,
    the gazetteer's) is refused. Statements about the vocabulary (a subject in sc:,
    rdfs:subClassOf, owl: axioms, shapes) are refused unless --extend-ontology is given,
    and then go in only if the OWL reasoner (HermiT) finds the ontology with them
    consistent, every class still satisfiable.

    Nothing changes unless every file parses and the whole addition conforms. Goes
    through a running read-write server (Graph Store Protocol) when one holds the
    store, else into the store directly (and reloads a running `sckg serve`).

    Example:

        sckg add curated/new-incubators.ttl --graph https://w3id.org/sckg/graph/curated/incubators
    """
    target = load.check_store(store or DEFAULT_STORE)
    ownership.check_user_graph(graph)
    quads: list[ox.Quad] = []
    for path in files:
        placed = ownership.placed(load.parse_file(path), graph, str(path))
        if not extend_ontology:
            ownership.check_no_vocabulary(placed, str(path))
        quads.extend(placed)
    with load.command_lock(target):  # no other sckg command writes while this one reads and writes
        if extend_ontology:
            _check_extension(target, quads)
        validation, result = _check(quads, target)
        if not result.conforms:
            click.echo(_report(validation, result, "text"), err=True)
            click.echo(f"not added: {', '.join(map(str, files))} violate the shapes; the store is unchanged",
                       err=True)
            sys.exit(1)
        outcome = load.add_quads(target, quads, graph, server=server)
    click.echo(f"added {outcome.describe()}")
    if outcome.route == "store":
        url = serving.reload_running(target)
        if url:
            click.echo(f"reloaded the running server at {url}")


def _check_extension(store: Path, quads: list[ox.Quad]) -> None:
    """The reasoner's check of the vocabulary statements in ``quads`` (with those already
    in the user graphs) against the store's ontology."""
    from sckg.validate import reasoner

    extension = [q for q in quads if ownership.vocabulary_statement(q)]
    if not extension:
        return
    opened = load.open_read_only(store)
    ontology = opened.quads_for_pattern(None, None, None, ox.NamedNode(load.GRAPH_NS + "ontology"))
    earlier = [q for g in opened.named_graphs() if ownership.is_user_graph(g.value)
               for q in opened.quads_for_pattern(None, None, None, g) if ownership.vocabulary_statement(q)]
    reasoner.check_extension(load.to_rdflib(list(ontology) + earlier), load.to_rdflib(extension))
