"""The load stage: RDF into an Oxigraph store, atomically.

A store is a pyoxigraph (RocksDB) directory. A fresh build is bulk-loaded into a
sibling directory and swapped in, so a failed build leaves the old store intact.
Every later change is one transaction: :func:`add_quads` (curated additions) and
:func:`replace_graph` (one article's graph) either apply in full or not at all.

The store's default graph is kept equal to the union of its named graphs, as a set:
every triple of any named graph is also in the default graph, once. Oxigraph's own
``--union-default-graph`` is a bag (a label repeated in K article graphs comes back K
times), which multiplies joins by K and grows query time with the square of the
number of articles; a materialised set-union keeps it proportional. Every write below
keeps the default graph in step, in the same transaction.

When a read-write Oxigraph server holds the store's lock, the same changes go through
that server instead (Graph Store Protocol POST for additions, one SPARQL Update for a
replacement), and the result says which route was taken.

Note: Oxigraph normalises language tags to lower case (``"…"@zh-hans``); SPARQL
queries should compare tags with ``langMatches``, not ``=``.
"""

from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from sckg.load import swap
from sckg.load.lock import command_lock
from sckg.load.ownership import CURATED_GRAPH, GRAPH_NS, check_user_graph
from sckg.load.terms import to_rdflib, triples_of
from sckg.model import InputError

DEFAULT_SERVER = "http://127.0.0.1:7878"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

#: File extension → RDF format, for every format ``sckg validate``/``add`` accept.
FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}


@dataclass(frozen=True)
class WriteResult:
    """What a change did: ``route`` is ``"server"`` (through ``target`` URL) or ``"store"``."""

    route: str
    target: str
    graph: str
    triples: int

    def describe(self) -> str:
        """One line for the user, naming the route taken."""
        via = (
            f"through the running read-write server at {self.target}"
            if self.route == "server"
            else f"directly into the store {self.target}"
        )
        return f"{self.triples} triples into <{self.graph}> {via}"


# --------------------------------------------------------------------------- parsing


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of ``path`` from its extension; :class:`InputError` if unknown."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        known = " ".join(sorted(FORMATS))
        raise InputError(f"{path}: unknown RDF file extension (expected one of {known})")
    return fmt


def parse_file(path: Path | str, *, rename_blank_nodes: bool = True) -> list[ox.Quad]:
    """All quads of an RDF file, parsed strictly; a one-line :class:`InputError` if bad.

    Blank nodes get fresh labels by default so they never merge with stored ones.
    """
    path = Path(path)
    fmt = rdf_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        quads = list(ox.parse(data, format=fmt, rename_blank_nodes=rename_blank_nodes))
    except (SyntaxError, ValueError) as exc:
        msg = str(exc.args[0] if exc.args else exc).removeprefix("Parser error at ")
        msg = " ".join(msg.split())
        raise InputError(f"{path}: not valid {fmt.name}: {msg}") from None
    except MemoryError as exc:
        raise InputError(f"{path}: {_too_long(exc)}") from None
    if not quads:
        raise InputError(f"{path}: contains no triples")
    return quads


def _too_long(exc: MemoryError) -> str:
    """What to tell the user when the parser's buffer overflowed (or memory ran out)."""
    if "buffer maximal size" in str(exc):
        return ("holds a term (a literal or an IRI) longer than the parser's 16 MiB limit; "
                "split the value or leave it out")
    raise exc  # a real shortage of memory is not bad input


def to_quads(data: object) -> list[ox.Quad]:
    """Quads from an rdflib Graph/Dataset, pyoxigraph quads/triples, or N-Quads bytes."""
    if isinstance(data, rdflib.Graph):
        # A Dataset serialises its named graphs; a plain Graph its triples.
        fmt = "nquads" if isinstance(data, rdflib.ConjunctiveGraph) else "nt"
        nq = data.serialize(format=fmt, encoding="utf-8")
        return list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    if isinstance(data, (bytes, str)):
        return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    out = []
    for item in data:  # type: ignore[attr-defined]
        out.append(item if isinstance(item, ox.Quad) else ox.Quad(*item))
    return out


# --------------------------------------------------------------------------- opening


def as_stored(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The quads as a store keeps them: Oxigraph writes each literal in its canonical form
    (39.907500 as 39.9075), so a file compared with the store must be in that form too."""
    canonical = ox.Store()
    canonical.extend(quads)
    return list(canonical)


def check_store(store_dir: Path | str) -> Path:
    """``store_dir`` as a Path if it holds an Oxigraph store, else :class:`InputError`.

    A swap that a killed build left half done is completed first (:func:`swap.recover`).
    """
    path = Path(store_dir)
    swap.recover(path)
    if not (path / "CURRENT").is_file():
        raise InputError(f"{path}: no Oxigraph store here (run `sckg build` first)")
    return path


def open_read_only(store_dir: Path | str) -> ox.Store:
    """The store opened read-only (works while a server holds it)."""
    path = check_store(store_dir)
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a corrupt store
        raise InputError(f"{path}: cannot open store: {exc}") from None


def _open_writable(path: Path) -> ox.Store | None:
    """The store opened for writing, or None when another process holds its lock."""
    try:
        return ox.Store(str(path))
    except (OSError, RuntimeError) as exc:  # RuntimeError: a corrupt store
        if "lock" in str(exc).lower():
            return None
        raise InputError(f"{path}: cannot open store: {exc}") from None


# --------------------------------------------------------------------------- writing


def build_store(source: object, store_dir: Path | str, *,
                with_files: dict[Path, Path] | None = None) -> int:
    """Write a whole dataset into a fresh store at ``store_dir``; the number of quads.

    ``source`` is a TriG/N-Quads file path or an rdflib Dataset. The store is built
    with the bulk loader beside ``store_dir`` and swapped in only when complete, together
    with ``with_files`` (new file → the file it replaces), as one unit
    (:mod:`sckg.load.swap`). :class:`InputError` when another process holds the store
    open for writing; the old store then stays as it was.
    """
    target = Path(store_dir)
    if target.is_symlink():  # built beside the folder it points to, which it replaces: the link stays
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    swap.recover(target)
    swap.clean_leftovers(target, *(with_files or {}).values())
    tmp = swap.beside(target, "building")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        if isinstance(source, (str, Path)):
            src = Path(source)
            try:
                store.bulk_load(path=str(src), format=rdf_format(src))
                # The union copies come from the loaded quads, not from a second parse:
                # each parse gives anonymous blank nodes ([ ], lists) new labels.
                store.bulk_extend(_in_default(store.quads_for_pattern(None, None, None, None)))
            except (SyntaxError, ValueError) as exc:
                msg = " ".join(str(exc).split()).removeprefix("Parser error at ")
                raise InputError(f"{src}: not valid RDF: {msg}") from None
            except OSError as exc:
                raise InputError(f"{src}: cannot read: {exc}") from None
            except MemoryError as exc:
                raise InputError(f"{src}: {_too_long(exc)}") from None
        else:
            quads = to_quads(source)
            store.bulk_extend(quads)
            store.bulk_extend(_in_default(quads))
        count = _named_count(store)
        store.flush()
        del store
        if target.is_dir():  # (a store kept private stays private)
            tmp.chmod(target.stat().st_mode & 0o7777)
        swap.failpoint("store-built")
        swap.swap_in(target, tmp, with_files)
        return count
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _in_default(quads: Iterable[ox.Quad]) -> Iterable[ox.Quad]:
    """Each quad's triple in the default graph (the union graph)."""
    for q in quads:
        yield ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())


def _named_count(store: ox.Store) -> int:
    """Quads in named graphs: what the loaded file held, without the union copies."""
    return len(store) - sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _term(term: object) -> str:
    return str(term)  # pyoxigraph terms print as N-Triples, which SPARQL accepts


def _insert_data(graph: str, triples: Iterable[ox.Triple]) -> str:
    """INSERT DATA of ``triples`` into ``graph`` and into the union (default) graph."""
    return _insert_quads({graph: list(triples)})


def _insert_quads(groups: dict[str, list[ox.Triple]]) -> str:
    """INSERT DATA of each graph's triples into it and into the union (default) graph."""
    union = " .\n".join(dict.fromkeys(f"{_term(t.subject)} {_term(t.predicate)} {_term(t.object)}"
                                       for triples in groups.values() for t in triples))
    if not union:
        return ""
    named = "".join(
        f"GRAPH <{graph}> {{\n" + " .\n".join(
            f"{_term(t.subject)} {_term(t.predicate)} {_term(t.object)}" for t in triples) + " .\n}\n"
        for graph, triples in sorted(groups.items()) if triples)
    return f"INSERT DATA {{\n{union} .\n{named}}}"


def _replace_update(graph: str, triples: list[ox.Triple]) -> str:
    """One update: the old graph's triples that no other graph holds leave the union
    graph, the old graph is dropped, the new triples go in."""
    prune = (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }}\n"
             f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }}")
    parts = [prune, f"DROP SILENT GRAPH <{graph}>", _insert_data(graph, triples)]
    return " ;\n".join(p for p in parts if p)


def _http(url: str, body: bytes, content_type: str, server: str, method: str = "POST") -> None:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:200]
        raise InputError(f"{server}: the server refused the change ({exc.code}: {detail})") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(
            f"the store is locked by another process and no read-write server answers at "
            f"{server} ({reason}); pass --server URL or stop that process"
        ) from None


def add_quads(
    store_dir: Path | str,
    quads: Iterable[ox.Quad | ox.Triple],
    graph: str = CURATED_GRAPH,
    *,
    server: str | None = None,
) -> WriteResult:
    """Add ``quads`` to the store in one transaction: triples and quads of the default
    graph into named graph ``graph``, quads of a named graph into that graph.

    Every graph written must be a user's (``graph:curated`` or under
    ``graph:curated/``, :mod:`sckg.load.ownership`), else :class:`InputError` and
    nothing changes. Writes into the store directly when it can be opened; when a
    read-write server holds it, posts them to ``server`` (default ``$SCKG_SERVER`` or
    127.0.0.1:7878). Either all triples land or none do.
    """
    path = check_store(store_dir)
    check_user_graph(graph)
    groups: dict[str, list[ox.Triple]] = {}
    for q in quads:
        if isinstance(q, ox.Quad) and isinstance(q.graph_name, ox.NamedNode):
            groups.setdefault(check_user_graph(q.graph_name.value, "named graph"), []).append(q.triple)
        else:
            groups.setdefault(graph, []).append(q.triple if isinstance(q, ox.Quad) else q)
    count = sum(len(triples) for triples in groups.values())
    store = _open_writable(path)
    if store is not None:
        store.extend([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(g))
                      for g, triples in groups.items() for t in triples]
                     + [ox.Quad(t.subject, t.predicate, t.object) for triples in groups.values()
                        for t in triples])
        store.flush()
        del store
        return WriteResult("store", str(path), graph, count)
    base = (server or os.environ.get("SCKG_SERVER") or DEFAULT_SERVER).rstrip("/")
    _http(f"{base}/update", _insert_quads(groups).encode("utf-8"), "application/sparql-update", base)
    return WriteResult("server", base, graph, count)


def replace_graph(
    store_dir: Path | str,
    graph: str,
    quads: Iterable[ox.Quad | ox.Triple] | object,
    *,
    server: str | None = None,
) -> WriteResult:
    """Replace named graph ``graph`` by the triples of ``quads`` in one transaction.

    ``quads`` may also be an rdflib Graph. Replacing twice with the same triples
    leaves exactly one copy. Routes like :func:`add_quads`.
    """
    path = check_store(store_dir)
    items = to_quads(quads) if isinstance(quads, rdflib.Graph) else quads
    triples = triples_of(items)  # type: ignore[arg-type]
    update = _replace_update(graph, triples)
    store = _open_writable(path)
    if store is not None:
        store.update(update)
        store.flush()
        del store
        return WriteResult("store", str(path), graph, len(triples))
    base = (server or os.environ.get("SCKG_SERVER") or DEFAULT_SERVER).rstrip("/")
    _http(f"{base}/update", update.encode("utf-8"), "application/sparql-update", base)
    return WriteResult("server", base, graph, len(triples))


# --------------------------------------------------------------------------- reading


def dump(store_dir: Path | str, fmt: str = "nquads") -> bytes:
    """The named graphs of the store as canonical bytes: sorted N-Quads lines, or TriG of
    sorted quads. The default graph, their union, is left out: loading rebuilds it.

    Two stores with the same quads (and blank-node labels) dump byte-identically.
    """
    store = open_read_only(store_dir)
    quads = [q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)]
    if fmt == "nquads":
        lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
        return b"".join(sorted(lines))
    if fmt == "trig":
        quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
        text = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        lines = text.splitlines(keepends=True)
        # The serializer's prefix order is not promised; sort the header.
        n = sum(1 for line in lines if line.startswith(b"@prefix"))
        return b"".join(sorted(lines[:n]) + lines[n:])
    raise ValueError(f"unknown dump format {fmt!r}")


def zh_label(store_dir: Path | str):
    """A function giving the zh-Hans ``rdfs:label`` the store holds for an IRI, or None."""
    store = open_read_only(store_dir)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

    def lookup(iri: object) -> str | None:
        for q in store.quads_for_pattern(ox.NamedNode(str(iri)), label, None, None):
            if isinstance(q.object, ox.Literal) and (q.object.language or "").lower() == "zh-hans":
                return q.object.value
        return None

    return lookup


def graph_values(store_dir: Path | str, graph: str, predicate: str) -> list[str] | None:
    """The values of ``predicate`` in named graph ``graph``, sorted; None when the store
    holds no such graph at all (an empty list: the graph exists without the predicate)."""
    store = open_read_only(store_dir)
    g = ox.NamedNode(graph)
    if next(iter(store.quads_for_pattern(None, None, None, g)), None) is None:
        return None
    return sorted(q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(predicate), None, g))


def graphs_with_value(store_dir: Path | str, predicate: str, value: str) -> list[str]:
    """The named graphs holding some ``?s predicate "value"``, sorted."""
    store = open_read_only(store_dir)
    found = store.quads_for_pattern(None, ox.NamedNode(predicate), ox.Literal(value), None)
    return sorted({q.graph_name.value for q in found if isinstance(q.graph_name, ox.NamedNode)})


def current_graph(store_dir: Path | str) -> rdflib.Graph:
    """The union of all graphs in the store, as one rdflib Graph (for validation)."""
    return to_rdflib(open_read_only(store_dir))


PREFIXES = {
    "sc": "https://w3id.org/sckg/ontology#",
    "id": "https://w3id.org/sckg/id/",
    "graph": GRAPH_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "unit": "http://qudt.org/vocab/unit/",
    "cur": "http://qudt.org/vocab/currency/",
}


# The context of an incremental validation reads the store with the functions above.
from sckg.load.neighbourhood import neighbourhood  # noqa: E402,F401  (after what it imports)
