"""Deterministic TriG: the same dataset gives the same bytes on every run.

rdflib's TriG writer orders graphs (and blank nodes) by chance. Here every named
graph is canonicalised (blank nodes relabelled from the graph's structure), written
as sorted Turtle, and the graphs follow each other in IRI order under one block of
the prefixes they use.
"""

from __future__ import annotations

from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph


def _turtle(graph: Graph, namespaces: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """``(prefix lines, body lines)`` of one graph as Turtle."""
    if any(isinstance(t, BNode) for triple in graph for t in triple):
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
