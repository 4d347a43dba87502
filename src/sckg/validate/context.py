"""What the shapes can see beyond a focus node: the context incremental validation needs.

Validating one new article graph against a large store means validating its nodes
(``focus``) with only part of the store loaded. :func:`context_spec` reads the
compiled shapes and says which part: the description of every focus node (all its
triples), and further

* ``follow``: predicates whose objects must be described too (a value checked with
  sh:node, a path's middle steps, ``?x`` in ``$this sc:partOfFigure ?x . ?x sc:value ?v``);
* ``incoming``: predicates whose triples pointing *at* a described node matter
  (sh:targetObjectsOf, inverse paths, ``?s p $this`` in a query);
* ``peers``: for SPARQL constraints that compare a focus node with other nodes
  (``?value`` sharing its label, indicator …), groups of ``(predicate, kind, x)``
  conditions a peer's triples meet: ``("via", q)`` one of the focus node's own
  values for ``q``, ``("is", term)`` that constant (N-Triples syntax), ``("node",
  None)`` the focus node.
  Every node meeting all conditions of a group is described.
* ``peer_queries``: where the rewriter of :mod:`sckg.validate.peers` understands the
  query, the peer search instead runs the constraint itself in the store (its
  equality conditions and its filters), so only the peers that may violate come
  back, however large the store; such a constraint has no ``peers`` group.
* ``checked``: ``(predicate, classes, iri, keep)`` for predicates that the shapes read
  only one value at a time (sh:class, sh:nodeKind sh:IRI) and count only up to a small
  sh:minCount (``keep``): of a node's values for them in the store, only those that
  may fail there (not of every class in ``classes``; not an IRI, when ``iri``), and
  ``keep`` others, are needed. A
  hub entity ``sc:mentionedIn`` thousands of articles then costs what a small one does,
  with the same results: a value left out has its type in a graph the change keeps.

``sckg.load.neighbourhood`` takes these as keyword arguments (:meth:`ContextSpec.kwargs`).
Objects of described nodes always come with their rdf:type triples, and the ontology
is merged by :func:`sckg.validate.validate` itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, RDFS, URIRef, Variable
from rdflib.term import Node

from sckg.model import InputError
from sckg.validate.peers import PeerQuery, peer_query
from sckg.validate.report import SH, PathSpec, n3
from sckg.validate.algebra import query_algebra
from sckg.validate.sparql import COMPARE_IRI, SparqlConstraint, path_predicates


@dataclass(frozen=True)
class ContextSpec:
    """The context a set of shapes needs around focus nodes (see the module docstring)."""

    follow: tuple[str, ...]
    incoming: tuple[str, ...]
    peers: tuple[tuple[tuple[str, str, str | None], ...], ...]
    peer_queries: tuple[PeerQuery, ...] = ()
    checked: tuple[tuple[str, tuple[str, ...], bool, int], ...] = ()

    def kwargs(self) -> dict:
        """Keyword arguments for ``sckg.load.neighbourhood``."""
        return {"follow": self.follow, "incoming": self.incoming, "peers": self.peers,
                "peer_queries": self.peer_queries, "checked": self.checked}


def _path_needs(path: PathSpec, last_described: bool, follow: set, incoming: set) -> None:
    if isinstance(path, URIRef):
        if last_described:
            follow.add(path)
        return
    op, inner = path
    if op == "^":
        incoming.add(inner)
        if last_described:
            follow.add(inner)
    elif op == "|":
        for part in inner:
            _path_needs(part, last_described, follow, incoming)
    elif op == "/":
        for i, part in enumerate(inner):
            _path_needs(part, last_described or i < len(inner) - 1, follow, incoming)
    else:  # zero or more: every node on the way is a value and a step further
        _path_needs(inner, True, follow, incoming)


def _needs_description(shape, seen: set) -> bool:
    """Whether checking a node against ``shape`` reads the node's own triples (beyond its types)."""
    if shape.key in seen:
        return False
    seen.add(shape.key)
    return shape.path is not None or bool(shape.sparql) or any(_needs_description(n, seen) for n in shape.nested)


def _query_needs(constraint: SparqlConstraint, follow: set, incoming: set, peers: set, queries: list) -> None:
    """Walk a query's triple patterns outwards from ``$this``.

    Patterns whose subject is known extend what is known (their objects); when none
    is left, a variable reached only backwards (``?value p ?x`` with ``?x`` known) is a
    peer, found through every required condition on it.
    """
    def fail(why: str) -> InputError:
        return InputError(f"shapes: {n3(constraint.node)}: {why}; incremental validation cannot work out "
                          f"the context this SPARQL constraint reads")

    known: dict[Node, tuple] = {Variable("this"): ("this",)}
    pending = list(constraint.patterns)
    for _, p, _, _ in pending:
        if path_predicates(p) is None:
            raise fail("a variable or negated predicate")
    while pending:
        moved = True
        while moved:
            moved, rest = False, []
            for s, p, o, required in pending:
                if isinstance(s, Variable) and s not in known:
                    rest.append((s, p, o, required))
                    continue
                if not isinstance(s, Variable):
                    raise fail(f"a pattern about the fixed node {n3(s)}")
                if known[s][0] != "this" and known[s][1] is not None:
                    follow.add(known[s][1])  # s is a value one step out: describe it
                if not isinstance(p, URIRef):
                    follow.update(path_predicates(p))
                if isinstance(o, Variable) and o not in known:
                    via = p if isinstance(p, URIRef) else None
                    known[o] = ("via", via) if known[s][0] == "this" and via is not None else ("other", via)
                moved = True
            pending = rest
        if not pending:
            return
        backwards = sorted({s for s, _, o, _ in pending if not isinstance(o, Variable) or o in known}, key=str)
        if not backwards:
            raise fail("a pattern not connected to $this")
        var = backwards[0]
        group = _peer_group(var, pending, known)
        found = peer_query(query_algebra(constraint.query), var, COMPARE_IRI) if group else None
        if found is not None:  # the store finds the peers with the query's own filters
            queries.append(found)
        elif group:
            peers.add(group)
        else:  # only optional conditions: every node pointing at a described node this way
            for s, p, o, _ in pending:
                if s == var:
                    if isinstance(o, Variable) and known[o][0] != "this" and known[o][1] is not None:
                        follow.add(known[o][1])
                    incoming.update(path_predicates(p))
                    follow.update(path_predicates(p))
        known[var] = ("peer", None)


def _peer_group(var: Variable, patterns: list, known: dict) -> tuple:
    """The required conditions that find ``var`` from a focus node: (predicate, kind, x) with
    kind "via" (one of the focus node's values for predicate x), "is" (the constant x, in
    N-Triples syntax) or "node" (the focus node itself)."""
    group = set()
    for s, p, o, required in patterns:
        if s != var or not required or not isinstance(p, URIRef):
            continue
        if not isinstance(o, Variable):
            group.add((str(p), "is", o.n3()))
        elif known.get(o, ("",))[0] == "this":
            group.add((str(p), "node", None))
        elif known.get(o, ("",))[0] == "via":
            group.add((str(p), "via", str(known[o][1])))
    return tuple(sorted(group, key=lambda x: (x[0], x[1], x[2] or "")))


def spec_of(engine) -> ContextSpec:
    """The context spec of a compiled :class:`~sckg.validate.compiled.Engine`."""
    follow: set = set()
    incoming: set = set()
    peers: set = set()
    queries: list = []
    done: set = set()

    def visit(shape) -> None:
        if shape.key in done:
            return
        done.add(shape.key)
        if shape.path is not None:
            values_read = any(_needs_description(n, set()) for n in shape.nested)
            _path_needs(shape.path, values_read, follow, incoming)
        for constraint in shape.sparql:
            _query_needs(constraint, follow, incoming, peers, queries)
        for nested in shape.nested:
            visit(nested)

    for root in engine.roots:
        incoming.update(root.objects_of)
        visit(root)
    follow.discard(RDF.type)
    return ContextSpec(tuple(sorted(map(str, follow))), tuple(sorted(map(str, incoming))),
                       tuple(sorted(peers, key=str)), tuple(queries),
                       _checked_one_by_one(engine, follow | incoming))


# What a property shape may hold for its predicate to be "checked" (see the module docstring):
# these constraints look at one value at a time or count up to sh:minCount; the rest describe.
_VALUE_BY_VALUE = {SH["class"], SH.nodeKind, SH.minCount}
_DESCRIPTIVE = {SH.path, SH.message, SH.name, SH.description, SH.severity, SH.order, SH.group,
                RDF.type, RDFS.label, RDFS.comment}
_KEEP_AT_MOST = 10  # a larger sh:minCount: the predicate's values are all taken


def _checked_one_by_one(engine, read_further: set) -> tuple[tuple[str, tuple[str, ...], bool, int], ...]:
    """``(predicate, classes, iri, keep)`` for each predicate every shape reads value by value."""
    ruled_out = set(read_further)
    uses: dict[URIRef, list] = {}
    for shape in engine.shapes.values():
        for constraint in shape.sparql:
            for _, p, _, _ in constraint.patterns:
                ruled_out.update(path_predicates(p) or ())
        for target in (*shape.subjects_of, *shape.objects_of):
            ruled_out.add(target)
        if isinstance(shape.path, URIRef):
            uses.setdefault(shape.path, []).append(shape)
        elif shape.path is not None:  # every step of a longer path: all its values are read
            _path_needs(shape.path, True, ruled_out, ruled_out)
    out = []
    for predicate, shapes in sorted(uses.items()):
        classes, iri, keep = set(), False, 1
        for shape in shapes:
            said = set(engine.graph.predicate_objects(shape.node))
            if shape.nested or shape.sparql or any(p not in _VALUE_BY_VALUE | _DESCRIPTIVE for p, _ in said) \
                    or any(p == SH.nodeKind and o != SH.IRI for p, o in said):
                ruled_out.add(predicate)
            classes |= {o for p, o in said if p == SH["class"]}
            iri = iri or (SH.nodeKind, SH.IRI) in said
            keep = max([keep] + [int(o) for p, o in said if p == SH.minCount])
        if predicate not in ruled_out and keep <= _KEEP_AT_MOST:
            out.append((str(predicate), tuple(sorted(map(str, classes))), iri, keep))
    return tuple(out)
