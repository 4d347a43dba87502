"""Deterministic TriG: the same dataset gives the same bytes on every run.

rdflib's TriG writer orders graphs (and blank nodes) by chance. Here every named
graph is canonicalised (blank nodes relabelled from the graph's structure), written
as sorted Turtle, and the graphs follow each other in IRI order under one block of
the prefixes they use.
"""

from __future__ import annotations

import re

from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_BARE = {XSD.integer: re.compile(r"[+-]?\d+"), XSD.decimal: re.compile(r"[+-]?\d+\.\d+"),
         XSD.boolean: re.compile(r"true|false")}
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


class _Writer:
    """Turtle terms for one set of prefixes; remembers which prefixes it used."""

    def __init__(self, namespaces: list[tuple[str, str]]) -> None:
        # Longest namespace first, so id: never shadows a longer namespace it prefixes.
        self.namespaces = sorted(namespaces, key=lambda pn: -len(pn[1]))
        self.used: set[str] = set()
        self.cache: dict = {}

    def iri(self, iri: str) -> str:
        for prefix, ns in self.namespaces:
            if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]):
                self.used.add(f"@prefix {prefix}: <{ns}> .")
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"

    def term(self, term) -> str:
        out = self.cache.get(term)
        if out is None:
            if isinstance(term, URIRef):
                out = self.iri(str(term))
            elif isinstance(term, Literal):
                lexical = str(term)
                if term.datatype == XSD.decimal and re.fullmatch(r"[+-]?\d+", lexical):
                    lexical += ".0"  # the canonical decimal, as rdflib writes it
                if term.datatype in _BARE and _BARE[term.datatype].fullmatch(lexical):
                    out = lexical
                else:
                    out = f'"{lexical.translate(_ESCAPES)}"'
                    if term.language:
                        out += f"@{term.language}"
                    elif term.datatype and term.datatype != XSD.string:
                        out += "^^" + self.iri(str(term.datatype))
            else:
                raise ValueError(f"no blank nodes here: {term!r}")
            self.cache[term] = out
        return out


def _fast_turtle(graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Sorted Turtle of a graph without blank nodes, written term by term."""
    w = _Writer(namespaces)
    by_subject: dict[str, dict[str, set[str]]] = {}
    for s, p, o in graph:
        preds = by_subject.setdefault(w.term(s), {})
        preds.setdefault("a" if p == RDF.type else w.term(p), set()).add(w.term(o))
    lines = []
    for subject in sorted(by_subject):
        preds = by_subject[subject]
        order = sorted(preds, key=lambda p: (p != "a", p))
        parts = [f"{p} " + ",\n        ".join(sorted(preds[p])) for p in order]
        lines.append(f"{subject} " + " ;\n    ".join(parts) + " .")
    body = "\n".join(lines).split("\n")
    return sorted(w.used), body


def _turtle(graph: Graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """``(prefix lines, body lines)`` of one graph as Turtle."""
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return _fast_turtle(graph, namespaces)
    graph = to_canonical_graph(graph)
    g = Graph(bind_namespaces="none")
    for prefix, ns in namespaces:
        g.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        g.add(triple)
    lines = g.serialize(format="turtle").splitlines()
    return ([l for l in lines if l.startswith("@prefix")],
            [l for l in lines if l.strip() and not l.startswith("@prefix")])


def graph_block(graph: Graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """``(prefix lines, TriG block lines)`` of one named graph, on its own.

    Blocks of different graphs can be made in different processes and joined with
    :func:`join_blocks` into the bytes :func:`trig_bytes` gives for their dataset.
    """
    head, body = _turtle(graph, namespaces)
    prefixes = set(head)
    name = str(graph.identifier)
    graph_ns = dict(namespaces).get("graph", "")
    label = f"graph:{name[len(graph_ns):]}" if graph_ns and name.startswith(graph_ns) else f"<{name}>"
    if label.startswith("graph:"):
        prefixes.add(f"@prefix graph: <{graph_ns}> .")
    return sorted(prefixes), [f"{label} {{", *("    " + line for line in body), "}", ""]


def join_blocks(blocks: list[tuple[str, list[str], list[str]]]) -> bytes:
    """TriG bytes from ``(graph IRI, prefix lines, block lines)`` triples, in IRI order."""
    prefixes: set[str] = set()
    lines: list[str] = []
    for _name, head, body in sorted(blocks, key=lambda b: b[0]):
        prefixes.update(head)
        lines.extend(body)
    return "\n".join(sorted(prefixes) + [""] + lines).encode("utf-8")


def trig_bytes(ds: Dataset, namespaces: list[tuple[str, str]] | None = None) -> bytes:
    """The dataset as TriG: graphs in IRI order, each graph's triples sorted."""
    if namespaces is None:
        namespaces = sorted((p, str(n)) for p, n in ds.namespaces() if p)
    blocks = []
    for g in ds.graphs():
        if not len(g) or str(g.identifier).startswith("urn:x-rdflib:"):
            continue
        blocks.append((str(g.identifier), *graph_block(g, namespaces)))
    return join_blocks(blocks)
