"""Deterministic TriG: the same dataset gives the same bytes on every run.

rdflib's TriG writer orders graphs (and blank nodes) by chance. Here every named
graph is canonicalised (blank nodes relabelled from the graph's structure), written
as sorted Turtle, and the graphs follow each other in IRI order under one block of
the prefixes they use.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_BARE = {XSD.integer: re.compile(r"[+-]?\d+"), XSD.decimal: re.compile(r"[+-]?\d+\.\d+"),
         XSD.boolean: re.compile(r"true|false")}
_PREFIX_LINE = re.compile(r"@prefix\s+([^:\s]*):\s*<([^>]*)>\s*\.")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


_XSD_DECIMAL, _XSD_STRING, _RDF_TYPE = XSD.decimal, XSD.string, RDF.type
_INTEGER_TEXT = re.compile(r"[+-]?\d+")
_CACHE_LIMIT = 200_000  # terms remembered by a writer before its memory is cleared


class _BlankNode(ValueError):
    """The graph has blank nodes: the fast writer cannot write it."""


def _head(iri: str) -> str:
    """``iri`` up to and including its last ``/`` or ``#`` (all of a prefixed name's
    namespace that a local name cannot hold)."""
    return iri[:max(iri.rfind("/"), iri.rfind("#")) + 1]


class _Writer:
    """Turtle terms for one set of prefixes, each with the prefix line it needs.

    A writer lives as long as the process (one per set of prefixes) and remembers the
    terms it has written: predicates, classes, entities and many literals come back in
    graph after graph.
    """

    def __init__(self, namespaces: list[tuple[str, str]]) -> None:
        # Longest namespace first, so id: never shadows a longer namespace it prefixes.
        self.namespaces = sorted(namespaces, key=lambda pn: -len(pn[1]))
        # A local name holds no / or #, so only namespaces with the IRI's head can match.
        self._by_head: dict[str, list[tuple[str, str, str]]] = {}
        for prefix, ns in self.namespaces:
            self._by_head.setdefault(_head(ns), []).append((prefix, ns, f"@prefix {prefix}: <{ns}> ."))
        self.cache: dict = {}  # term → (text, prefix line or None)

    def iri(self, iri: str) -> tuple[str, str | None]:
        """``(text, prefix line used or None)`` of an IRI."""
        for prefix, ns, line in self._by_head.get(_head(iri), ()):
            if iri.startswith(ns) and _LOCAL.fullmatch(iri, len(ns)):
                return f"{prefix}:{iri[len(ns):]}", line
        return f"<{iri}>", None

    def entry(self, term) -> tuple[str, str | None]:
        """``(text, prefix line used or None)`` of a term."""
        found = self.cache.get(term)
        if found is None:
            if len(self.cache) >= _CACHE_LIMIT:
                self.cache.clear()
            found = self.cache[term] = self._render(term)
        return found

    def _render(self, term) -> tuple[str, str | None]:
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, Literal):
            lexical = str(term)
            datatype = term.datatype
            if datatype == _XSD_DECIMAL and _INTEGER_TEXT.fullmatch(lexical):
                lexical += ".0"  # the canonical decimal, as rdflib writes it
            bare = _BARE.get(datatype) if datatype is not None else None
            if bare is not None and bare.fullmatch(lexical):
                return lexical, None
            out = f'"{lexical.translate(_ESCAPES)}"'
            if term.language:
                return out + f"@{term.language}", None
            if datatype and datatype != _XSD_STRING:
                text, line = self.iri(str(datatype))
                return out + "^^" + text, line
            return out, None
        if isinstance(term, BNode):
            raise _BlankNode(term)
        raise ValueError(f"not an RDF term: {term!r}")


_WRITERS: dict[tuple, _Writer] = {}


def _writer(namespaces: list[tuple[str, str]]) -> _Writer:
    key = tuple(namespaces)
    found = _WRITERS.get(key)
    if found is None:
        if len(_WRITERS) >= 8:
            _WRITERS.clear()
        found = _WRITERS[key] = _Writer(namespaces)
    return found


class _Texts(dict):
    """The text of each term of one graph (looked up once per term), noting the prefixes used."""

    def __init__(self, writer: _Writer, used: set[str], preset: dict | None = None) -> None:
        super().__init__(preset or {})
        self.writer, self.used = writer, used

    def __missing__(self, term) -> str:
        text, line = self.writer.entry(term)
        if line is not None:
            self.used.add(line)
        self[term] = text
        return text


def _fast_turtle(graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Sorted Turtle of a graph without blank nodes, written term by term."""
    w = _writer(namespaces)
    used: set[str] = set()
    texts = _Texts(w, used)
    text = texts.__getitem__
    predicate = _Texts(w, used, {_RDF_TYPE: "a"}).__getitem__
    grouped = graph.by_subject() if hasattr(graph, "by_subject") else _group(graph)
    by_subject: dict[str, dict[str, set[str]]] = {}
    for s, preds in grouped.items():
        # Two terms may be written alike (rdflib keeps "1"^^xsd:decimal and "1.0"^^xsd:decimal
        # apart): group by what is written.
        target = by_subject.setdefault(text(s), {})
        for p, objects in preds.items():
            written = set(map(text, objects))
            p = predicate(p)
            found = target.get(p)
            if found is None:
                target[p] = written
            else:
                found |= written
    lines = []
    for subject in sorted(by_subject):
        preds = by_subject[subject]
        order = sorted(preds)
        if "a" in preds:
            order.remove("a")
            order.insert(0, "a")
        parts = [f"{p} {next(iter(objects))}" if len(objects) == 1 else
                 f"{p} " + ",\n        ".join(sorted(objects))
                 for p, objects in ((p, preds[p]) for p in order)]
        lines.append(f"{subject} " + " ;\n    ".join(parts) + " .")
    body = "\n".join(lines).split("\n")
    return sorted(used), body


def _group(graph) -> dict:
    out: dict = {}
    for s, p, o in graph:
        preds = out.get(s)
        if preds is None:
            out[s] = {p: {o}}
        else:
            preds.setdefault(p, set()).add(o)
    return out


def _serialized(graph: Graph, namespaces: list[tuple[str, str]]) -> list[str]:
    """The lines of rdflib's Turtle for ``graph`` with ``namespaces`` bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in namespaces:
        g.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        g.add(triple)
    return g.serialize(format="turtle").splitlines()


def _turtle(graph: Graph, namespaces: list[tuple[str, str]], scope: str = "") -> tuple[list[str], list[str]]:
    """``(prefix lines, body lines)`` of one graph as Turtle; its blank nodes' labels
    start with a digest of ``scope`` (the graph's name), since the labels of one TriG
    file are one set: two graphs' canonical _:cb0 would be one node."""
    try:
        return _fast_turtle(graph, namespaces)
    except _BlankNode:
        pass
    graph = to_canonical_graph(graph)
    if scope:
        tag = "g" + hashlib.sha1(scope.encode("utf-8")).hexdigest()[:10]
        relabel = {n: BNode(tag + str(n)) for t in graph for n in t if isinstance(n, BNode)}
        scoped = Graph()
        for triple in graph:
            scoped.add(tuple(relabel.get(n, n) for n in triple))
        graph = scoped
    lines = _serialized(graph, namespaces)
    known = {prefix for prefix, _ in namespaces}
    invented = [m.group(2) for m in map(_PREFIX_LINE.match, lines) if m and m.group(1) not in known]
    if invented:
        # rdflib names a namespace it meets ns1, ns2 … graph by graph: two graphs of one
        # file would declare ns1 for two namespaces. Each gets a name of its own instead.
        own = [("ns" + hashlib.sha1(ns.encode("utf-8")).hexdigest()[:10], ns) for ns in invented]
        lines = _serialized(graph, namespaces + own)
    return ([l for l in lines if l.startswith("@prefix")],
            [l for l in lines if l.strip() and not l.startswith("@prefix")])


def graph_block(graph: Graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], str]:
    """``(prefix lines, TriG block)`` of one named graph, on its own; the block is one
    string of lines, each ending in a newline.

    Blocks of different graphs can be made in different processes and joined with
    :func:`join_blocks` into the bytes :func:`trig_bytes` gives for their dataset.
    """
    name = str(graph.identifier)
    head, body = _turtle(graph, namespaces, scope=name)
    prefixes = set(head)
    graph_ns = dict(namespaces).get("graph", "")
    local = name[len(graph_ns):] if graph_ns and name.startswith(graph_ns) else None
    # graph:curated/mine or graph:-draft is no prefixed name: such a graph is written whole
    label = f"graph:{local}" if local is not None and _LOCAL.fullmatch(local) else f"<{name}>"
    if label.startswith("graph:"):
        prefixes.add(f"@prefix graph: <{graph_ns}> .")
    # One string, not a list of lines: a build holds the blocks of every article until it
    # writes them, and the garbage collector would visit each line of a list every time.
    return sorted(prefixes), "\n".join([f"{label} {{", *("    " + line for line in body), "}", ""])


def turtle_text(graph: Graph, namespaces: list[tuple[str, str]]) -> str:
    """One graph as Turtle (also a TriG file whose statements are in its default graph),
    the same text for the same graph every time."""
    head, body = _turtle(graph, namespaces)
    return "".join(line + "\n" for line in [*sorted(set(head)), "", *body])


def join_blocks(blocks: list[tuple[str, list[str], str]]) -> bytes:
    """TriG bytes from ``(graph IRI, prefix lines, block)`` triples, in IRI order.
    A prefix declared for two namespaces would rename the IRIs of one graph: ValueError."""
    prefixes: set[str] = set()
    texts: list[str] = []
    for _name, head, block in sorted(blocks, key=lambda b: b[0]):
        prefixes.update(head)
        texts.append(block)
    declared: dict[str, str] = {}
    for line in prefixes:
        m = _PREFIX_LINE.match(line)
        if m and declared.setdefault(m.group(1), m.group(2)) != m.group(2):
            raise ValueError(f"prefix {m.group(1)}: declared for {declared[m.group(1)]} and {m.group(2)}")
    return "\n".join(sorted(prefixes) + [""] + texts).encode("utf-8")


def trig_bytes(ds: Dataset, namespaces: list[tuple[str, str]] | None = None) -> bytes:
    """The dataset as TriG: graphs in IRI order, each graph's triples sorted."""
    if namespaces is None:
        namespaces = sorted((p, str(n)) for p, n in ds.namespaces() if p)
    blocks = []
    for g in ds.graphs():
        if not len(g):
            continue
        if str(g.identifier).startswith("urn:x-rdflib:"):  # the default graph: { … } first
            head, body = _turtle(g, namespaces)
            blocks.append(("", head, "\n".join(["{", *("    " + line for line in body), "}", ""])))
            continue
        blocks.append((str(g.identifier), *graph_block(g, namespaces)))
    return join_blocks(blocks)
