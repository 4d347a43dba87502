"""The data the compiled engine validates: an in-memory index of triples.

The ontology is indexed once per process; each validation copies only the entries
its data touches (copy on write), so a small article graph costs little more than
its own triples. The SPARQL constraints run on a pyoxigraph in-memory store that
holds the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from sckg.model import InputError

_EMPTY: frozenset = frozenset()
RDF_TYPE, SUBCLASS_OF = RDF.type, RDFS.subClassOf
BASE_PLAN_PREDICATES = frozenset({RDF_TYPE, SUBCLASS_OF})


@dataclass(frozen=True)
class IndexPlan:
    """Which reverse lookups the compiled shapes need besides subject → predicate → objects."""

    inverse: frozenset  # predicates looked up object → subjects (rdf:type, subClassOf, ^paths)
    subjects_of: frozenset  # sh:targetSubjectsOf predicates
    objects_of: frozenset  # sh:targetObjectsOf predicates


@dataclass
class Index:
    """Triples as subject → predicate → objects, plus the reverse lookups of an IndexPlan."""

    plan: IndexPlan
    terms: dict = field(default_factory=dict)  # one object per distinct term: lookups hit by identity
    out: dict = field(default_factory=dict)
    inn: dict = field(default_factory=dict)
    subj_of: dict = field(default_factory=dict)
    obj_of: dict = field(default_factory=dict)
    # The class hierarchy's closures, shared with the base index while no triple of
    # rdfs:subClassOf is added on top of it.
    superclass_cache: dict = field(default_factory=dict)
    subclass_cache: dict = field(default_factory=dict)
    # The nodes whose outgoing (incoming, for reverse lookups) triples this index added
    # to its base.
    touched_out: set | frozenset = _EMPTY
    touched_in: set | frozenset = _EMPTY

    def objects(self, s: Node, p: Node) -> set | frozenset:
        """The objects of (s, p, ?)."""
        d = self.out.get(s)
        return d.get(p, _EMPTY) if d else _EMPTY

    def subjects(self, p: Node, o: Node) -> set | frozenset:
        """The subjects of (?, p, o); ``p`` must be in the plan's inverse predicates."""
        d = self.inn.get(o)
        return d.get(p, _EMPTY) if d else _EMPTY

    def superclasses(self, cls: Node, cache: dict) -> set:
        """``cls`` and everything it is rdfs:subClassOf*."""
        found = cache.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sup in self.objects(todo.pop(), SUBCLASS_OF):
                    if sup not in found:
                        found.add(sup)
                        todo.append(sup)
            cache[cls] = found
        return found

    def subclasses(self, cls: Node) -> set:
        """``cls`` and everything that is rdfs:subClassOf* it (do not change the set)."""
        found = self.subclass_cache.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for sub in self.subjects(SUBCLASS_OF, todo.pop()):
                    if sub not in found:
                        found.add(sub)
                        todo.append(sub)
            self.subclass_cache[cls] = found
        return found


def _own(table: dict, key: Node, owned: set) -> dict:
    d = table.get(key)
    if key not in owned:
        d = {k: set(v) for k, v in d.items()} if d else {}
        table[key] = d
        owned.add(key)
    return d


def build_index(triples, plan: IndexPlan, base: Index | None = None) -> tuple[Index, list]:
    """An index of ``triples`` on top of ``base`` (which is left unchanged), and the
    triples as ``(subject, predicate, objects)`` groups, subjects and predicates replaced
    by the index's single object for each term.

    ``triples`` is any iterable of triples, or a graph that has them grouped already
    (``by_subject()``, as :class:`sckg.rdf.triples.TripleSet` has).
    """
    index = Index(plan)
    if base is not None:
        index.terms, index.out, index.inn = dict(base.terms), dict(base.out), dict(base.inn)
        index.subj_of = {p: set(v) for p, v in base.subj_of.items()}
        index.obj_of = {p: set(v) for p, v in base.obj_of.items()}
    out, inn, owned_out, owned_in = index.out, index.inn, set(), set()
    inverse, subj_of, obj_of = plan.inverse, plan.subjects_of, plan.objects_of
    intern = index.terms.setdefault
    groups = []
    hierarchy_changed = False
    subclass_of = intern(SUBCLASS_OF, SUBCLASS_OF)  # the object interned predicates are compared with
    grouped = triples.by_subject() if hasattr(triples, "by_subject") else _grouped(triples)
    for s, preds in grouped.items():
        s = intern(s, s)
        if s in out or s in owned_out:  # the base (or an equal term) has it: merge into a copy
            d = out.get(s) if s in owned_out else _own(out, s, owned_out)
            fresh = None
        else:  # a subject of the data only: its table is made below, sharing the graph's sets
            d = fresh = {}
        for p, objects in preds.items():
            p = intern(p, p)
            # Objects are not interned: hashing an rdflib literal is slow, and the rdf stage
            # hands over one object per node already. A graph's own sets of objects are
            # shared (the index never changes them); a list of objects becomes a set.
            objs = objects if objects.__class__ is set else set(objects)
            groups.append((s, p, objs))
            if p is subclass_of:
                hierarchy_changed = True
            if fresh is not None:
                fresh[p] = objs
            else:
                values = d.get(p)
                if values is None:
                    d[p] = set(objs)
                else:
                    values.update(objs)
            if p in inverse:
                for o in objs:
                    e = inn.get(o) if o in owned_in else _own(inn, o, owned_in)
                    found = e.get(p)
                    if found is None:
                        e[p] = {s}
                    else:
                        found.add(s)
            if p in subj_of:
                index.subj_of.setdefault(p, set()).add(s)
            if p in obj_of:
                index.obj_of.setdefault(p, set()).update(objs)
        if fresh is not None:
            out[s] = fresh
            owned_out.add(s)
    if base is not None and not hierarchy_changed:
        index.superclass_cache, index.subclass_cache = base.superclass_cache, base.subclass_cache
    index.touched_out, index.touched_in = owned_out, owned_in
    return index, groups


def _grouped(triples: Iterable[tuple]) -> dict:
    out: dict = {}
    for s, p, o in triples:
        preds = out.get(s)
        if preds is None:
            out[s] = {p: [o]}
        else:
            objects = preds.get(p)
            if objects is None:
                preds[p] = [o]
            else:
                objects.append(o)
    return out


def triples_of(data: Graph | Dataset) -> Iterable[tuple]:
    """Every triple of ``data``: all named graphs of a Dataset, or a Graph's triples (a
    graph that has them grouped by subject is handed on as it is)."""
    if isinstance(data, Dataset):
        return ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
    if hasattr(data, "by_subject"):
        return data
    return iter(data)


# --------------------------------------------------------------------------- pyoxigraph


def to_ox(term: Node, cache: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (InputError for an IRI or tag Oxigraph refuses)."""
    found = cache.get(term)
    if found is not None:
        return found
    try:
        cls = term.__class__
        if cls is URIRef or (cls is not Literal and isinstance(term, URIRef)):
            try:
                found = ox.NamedNode(str(term))
            except ValueError:  # rdflib accepts IRIs Oxigraph refuses: carry them under a stand-in
                found = ox.NamedNode("urn:x-sckg:iri:" + quote(str(term), safe=""))
        elif cls is not Literal and isinstance(term, BNode):
            found = ox.BlankNode(str(term))
        elif cls is Literal or isinstance(term, Literal):
            if term.language:
                found = ox.Literal(str(term), language=term.language)
            elif term.datatype:
                found = ox.Literal(str(term), datatype=to_ox(term.datatype, cache))
            else:
                found = ox.Literal(str(term))
        else:
            raise ValueError(f"unsupported term type {type(term).__name__}")
    except ValueError as exc:
        raise InputError(f"data: {term.n3()} cannot be checked by SPARQL constraints: {exc}") from None
    cache[term] = found
    return found


def ox_quads(groups: Iterable[tuple], cache: dict, predicates: frozenset | None = None) -> list[ox.Quad]:
    """``(subject, predicate, objects)`` groups (as :func:`build_index` gives them) as
    pyoxigraph quads of the default graph (only ``predicates``, if given)."""
    out: list[ox.Quad] = []
    quad = ox.Quad
    get, last, subject = cache.get, None, None
    for s, p, objects in groups:
        if predicates is not None and p not in predicates:
            continue
        if s is not last:  # the groups of one subject follow each other
            last, subject = s, get(s)
            if subject is None:
                subject = to_ox(s, cache)
        predicate = get(p)
        if predicate is None:
            predicate = to_ox(p, cache)
        for o in objects:
            found = get(o)
            out.append(quad(subject, predicate, found if found is not None else to_ox(o, cache)))
    return out
