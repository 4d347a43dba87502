"""Quarantine: hold back the statements that break the shapes, keep the rest.

One misread figure must not cost a researcher the whole article. When an article's
graph breaks a shape, the nodes the results are about are held back with what hangs
on them (an observation with its quote; an entity with its mention annotations, their
targets and selectors) and every statement pointing to them; the rest of the graph is
validated again, as often as needed (a removal can break a shape that held before).
If a few rounds do not make the graph conform, or a result is about the article
itself, the whole graph is held back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from sckg.model import ValidationResult, Violation
from sckg.validate.report import PREFIXES

OA_HAS_BODY = URIRef("http://www.w3.org/ns/oa#hasBody")
#: Links to the parts of a node that exist only for it.
PARTS = (URIRef("http://www.w3.org/ns/oa#hasTarget"), URIRef("http://www.w3.org/ns/oa#hasSelector"))
ROUNDS = 4


@dataclass
class Quarantined:
    """The graph that goes in, the statements held back, and why (every round's results)."""

    kept: Graph
    held: Graph
    results: list[Violation]
    whole: bool  # the whole graph was held back


def expand(n3: str) -> Node | None:
    """The IRI of a node written as in a report (``id:obs-x-0`` or ``<…>``); None for a
    blank node or a prefix not known."""
    if n3.startswith("<") and n3.endswith(">"):
        return URIRef(n3[1:-1])
    prefix, sep, local = n3.partition(":")
    if sep and prefix in PREFIXES and not n3.startswith("_:"):
        return URIRef(str(PREFIXES[prefix]) + local)
    return None


def _owned(graph: Graph, start: set[Node], keep: set[Node]) -> set[Node]:
    """``start`` with the parts only they refer to (an annotation's target and its
    selectors), never a node in ``keep``; other nodes they point to (the whole of a
    figure, a place) stand on their own."""
    nodes = set(start)
    frontier = list(start)
    while frontier:
        node = frontier.pop()
        for obj in (o for p in PARTS for o in graph.objects(node, p)):
            if obj in nodes or obj in keep or not isinstance(obj, URIRef):
                continue
            if all(subject in nodes for subject in graph.subjects(None, obj)):
                nodes.add(obj)
                frontier.append(obj)
    return nodes


def hold_back(graph: Graph, focus: set[Node], keep: set[Node]) -> Graph:
    """Move out of ``graph`` the ``focus`` nodes, the mention annotations whose body they
    are, what only those refer to, and every statement pointing to them; the moved
    statements as a graph."""
    start = set(focus)
    for node in focus:
        start.update(graph.subjects(OA_HAS_BODY, node))
    nodes = _owned(graph, start, keep)
    held = Graph()
    for node in nodes:
        for triple in list(graph.triples((node, None, None))) + list(graph.triples((None, None, node))):
            held.add(triple)
    for triple in held:
        graph.remove(triple)
    return held


def quarantine(graph: Graph, result: ValidationResult, check: Callable[[Graph], ValidationResult],
               keep: set[Node]) -> Quarantined:
    """Split ``graph`` (left unchanged) into what conforms and what is held back.

    ``result`` is the validation of ``graph``; ``check`` validates a reduced graph;
    ``keep`` are nodes never held back alone (the article, the extraction activity):
    a result about one of them holds the whole graph back.
    """
    kept = Graph()
    for triple in graph:
        kept.add(triple)
    held = Graph()
    results: list[Violation] = []
    for round_ in range(ROUNDS + 1):
        errors = [v for v in result.violations if v.severity == "Violation"]
        if not errors:
            return Quarantined(kept, held, results, whole=False)
        results.extend(v for v in errors if v not in results)
        focus = {expand(v.focus) for v in errors}
        if round_ == ROUNDS or None in focus or focus & keep:
            break
        held += hold_back(kept, focus, keep)
        result = check(kept)
    return Quarantined(Graph(), graph, results, whole=True)
