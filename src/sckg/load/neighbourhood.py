"""What the store says around a few nodes: the context of an incremental validation.

Adding one article to a large store is validated with the article's graph and only
this much of the store: the focus nodes' own triples and as far out as the shapes
read (``sckg.validate.context_spec()`` gives the keywords), never a scan of the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from sckg.load import RDF_TYPE, open_read_only, to_quads
from sckg.load.terms import to_rdflib, triples_of


def neighbourhood(store_dir: Path | str, nodes: Iterable[object],
                  exclude_graph: str | None = None, *, follow: Iterable[str] = (),
                  incoming: Iterable[str] = (), peers: Iterable[tuple] = (),
                  peer_queries: Iterable = (), checked: Iterable[tuple] = (),
                  data: rdflib.Graph | None = None) -> rdflib.Graph:
    """What the store says about ``nodes``: their triples and the types of their objects.

    The context of a small addition, without reading the whole store; triples of ``exclude_graph``
    (the graph about to be replaced) are left out. The keywords widen it to what the shapes read
    (``sckg.validate.context_spec()``): objects reached through a ``follow`` predicate are described
    too, transitively; triples pointing at a described node through an ``incoming`` predicate are
    added (their subjects described if also followed); for each node and ``peers`` group of
    ``(predicate, kind, x)`` conditions, every node meeting all of them is described — ``"via"``:
    one of the node's values for predicate ``x`` (in the store or in ``data``, the new triples),
    ``"is"``: the N-Triples term ``x``, ``"node"``: the node. Each of ``peer_queries`` has a
    ``queries(values, node)`` giving SELECTs of one variable, run against the store for each node
    (``values``: its predicates' N-Triples values, store and new); the nodes it returns are
    described too. Of a node's values for a ``checked`` predicate ``(predicate, classes, iri,
    keep)``, only those that may fail the shapes (not in the store as an instance of each of
    ``classes``, not an IRI when ``iri``) and ``keep`` others are taken.
    """
    store = open_read_only(store_dir)
    skip = ox.NamedNode(exclude_graph) if exclude_graph else None
    wanted = sorted({ox.NamedNode(str(n)) for n in nodes if isinstance(n, (rdflib.URIRef, ox.NamedNode))}, key=str)
    follow_set, incoming_set = {ox.NamedNode(p) for p in follow}, sorted({ox.NamedNode(p) for p in incoming}, key=str)
    new: dict = {}
    for t in triples_of(to_quads(data)) if data is not None and len(data) else []:
        new.setdefault(t.subject, []).append(t)

    union = ox.DefaultGraph()

    def stated(s=None, p=None, o=None):
        # The union (default) graph holds each triple once, however many articles repeat it
        # (a hub entity's label and type in thousands of graphs); a triple only ``skip``
        # holds is not there any more once the new version replaces it.
        found = [q.triple for q in store.quads_for_pattern(s, p, o, union)]
        gone = {q.triple for q in store.quads_for_pattern(s, p, o, skip)} if skip is not None else ()
        return [t for t in found if t not in gone or any(
            q.graph_name not in (skip, union)
            for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))]

    seen, described = set(), {}  # the context's triples; each described node's triples in the store
    checks = {ox.NamedNode(p): (classes, iri, keep) for p, classes, iri, keep in checked}
    subclasses: dict = {}  # class IRI → it and its subclasses in the store, for _may_fail

    def trimmed(node, own: list) -> list:
        if not isinstance(node, ox.NamedNode):  # a blank node cannot be named in a query
            return own
        by_predicate: dict = {}
        for t in own:
            if t.predicate in checks:
                by_predicate.setdefault(t.predicate, []).append(t)
        dropped = set()
        for predicate, found in by_predicate.items():
            classes, iri, keep = checks[predicate]
            if len(found) <= keep + _WORTH_A_QUERY:
                continue
            failing = _may_fail(store, node, predicate, classes, iri, skip, subclasses)
            fine = sorted((t for t in found if t.object not in failing), key=str)
            dropped.update(fine[keep:])
        return [t for t in own if t not in dropped] if dropped else own

    def describe(todo: list) -> None:
        while todo:
            node = todo.pop()
            if node in described:
                continue
            own = described[node] = trimmed(node, stated(node))
            pointing = [t for p in incoming_set for t in stated(None, p, node)]
            seen.update(own + pointing)
            todo += [t.object for t in own + new.get(node, [])
                     if t.predicate in follow_set and not isinstance(t.object, ox.Literal)]
            todo += [t.subject for t in pointing if t.predicate in follow_set]

    counts: dict = {}

    def estimate(predicate: str, obj: str, cap: int) -> int:
        # Subjects of one pattern, counted by the store up to ``cap``: where a join starts.
        if (predicate, obj, cap) not in counts:
            text = f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?s WHERE {{ ?s {predicate} {obj} }} LIMIT {cap} }} }}"
            counts[predicate, obj, cap] = int(next(iter(store.query(text)))[0].value)
        return counts[predicate, obj, cap]

    describe(list(wanted))
    for node in wanted:
        own = described[node] + new.get(node, [])
        for group in peers:
            describe(sorted(_peers(stated, node, group, own) - {node}, key=str))
        values: dict[str, list[str]] = {}
        for t in own:
            values.setdefault(t.predicate.value, []).append(str(t.object))
        for peer_query in peer_queries:
            found = {row[0] for text in peer_query.queries(values, str(node), estimate)
                     for row in store.query(text)}
            describe(sorted(found - {node}, key=str))
    for obj in sorted({t.object for t in seen if isinstance(t.object, ox.NamedNode)} - described.keys(), key=str):
        seen.update(stated(obj, RDF_TYPE))
    return to_rdflib(sorted(seen, key=str))


def _peers(stated, node, group: tuple, own: list) -> set:
    """The nodes meeting every condition of a peer group for ``node`` (see neighbourhood)."""
    conditions = []  # likely narrowest first: fixed terms ("is") are often classes with many instances
    for predicate, kind, x in sorted(group, key=lambda c: {"node": 0, "via": 1}.get(c[1], 2)):
        if kind == "is":
            values = {next(iter(ox.parse(f"<urn:x:s> <urn:x:p> {x} .".encode(), format=ox.RdfFormat.N_TRIPLES))).object}
        else:
            values = {node} if kind == "node" else {t.object for t in own if t.predicate == ox.NamedNode(x)}
        if not values:
            return set()
        conditions.append((ox.NamedNode(predicate), sorted(values, key=str)))
    best: set | None = None
    for p, values in conditions:  # the narrowest condition gives the candidates
        found: set = set()
        for q in (q for v in values for q in stated(None, p, v)):
            found.add(q.subject)
            if best is not None and len(found) >= len(best):
                break
        else:
            best = found
    return {c for c in best or () if all(any(True for v in vs for _ in stated(c, p, v)) for p, vs in conditions)}


# A node with this many values of a checked predicate beyond ``keep`` is trimmed with one
# query to the store; fewer are cheaper to take as they are.
_WORTH_A_QUERY = 16


def _may_fail(store, node, predicate, classes, iri: bool, skip, subclasses: dict) -> set:
    """Values of ``node``'s ``predicate`` that are not IRIs (when ``iri``) or lack a type that
    is one of ``classes`` or a subclass of it; with the nodes ``skip`` gives a type, whose
    type may go with that graph. ``subclasses`` remembers each class's subclasses."""
    tests = ["!isIRI(?v)"] if iri else []
    for c in classes:
        if c not in subclasses:
            subclasses[c] = " ".join(sorted(str(row[0]) for row in store.query(
                f"SELECT DISTINCT ?t WHERE {{ ?t <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{c}> }}")))
        # A list of types, not the path for each value: 40 % less time on a hub of 4,876 values.
        tests.append(f"NOT EXISTS {{ VALUES ?t {{ {subclasses[c]} }} ?v a ?t }}")
    if not tests:
        return set()
    # The default graph is the union of the store's graphs: one lookup per value.
    text = f"SELECT DISTINCT ?v WHERE {{ {node} {predicate} ?v FILTER({' || '.join(tests)}) }}"
    found = {row[0] for row in store.query(text)}
    if skip is not None and classes:
        found.update(q.subject for q in store.quads_for_pattern(None, RDF_TYPE, None, skip))
    return found
