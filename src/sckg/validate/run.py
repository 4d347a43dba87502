"""The state of one validation by the compiled engine (:mod:`sckg.validate.compiled`).

:class:`Prepared` is the ontology made ready once per process: indexed, as
pyoxigraph quads, and validated on its own, each result with the nodes it was read
from, so that a validation whose data leaves those nodes alone takes the result as
it is. :class:`Run` holds one validation: the index of the data on top of the
ontology's, the evaluations remembered, and the SPARQL store.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib.term import Node

from sckg.validate.index import RDF_TYPE, Index, ox_quads, to_ox
from sckg.validate.report import SH, Result
from sckg.validate.sparql import SparqlConstraint, comparison_functions, ox_to_rdflib

ALLOWED_SEVERITIES = frozenset({SH.Warning, SH.Info})
_CONFORMS, _FAILS = (True, ()), (False, ())  # results without a result


class Prepared:
    """The ontology as an index and as pyoxigraph quads, with the term conversions made.

    ``fixed`` maps (root shape key, focus node) to the results of the ontology alone and
    the nodes they were read from (outgoing, incoming triples); see :func:`fixed_results`.
    """

    def __init__(self, index: Index, quads: list, conv: dict):
        self.index, self.quads, self.conv = index, quads, conv
        self.fixed: dict[tuple, tuple[list, frozenset, frozenset]] = {}


class _Reads(dict):
    """A copy of an index table that notes every key looked up (with ``get``)."""

    def __init__(self, table: dict):
        super().__init__(table)
        self.read: set = set()

    def get(self, key, default=None):
        self.read.add(key)
        return dict.get(self, key, default)


class _Tracing(Index):
    """An index that notes every node whose outgoing or incoming triples are read."""

    def __init__(self, index: Index):
        super().__init__(index.plan, index.terms, _Reads(index.out), _Reads(index.inn), index.subj_of,
                         index.obj_of, {}, index.subclass_cache)

    def forget(self) -> None:
        """Start noting afresh."""
        self.out.read, self.inn.read = set(), set()
        self.superclass_cache.clear()


def _asks_sparql(shape, seen: set) -> bool:
    if shape.key in seen:
        return False
    seen.add(shape.key)
    return bool(shape.sparql) or any(_asks_sparql(n, seen) for n in shape.nested)


def fixed_results(engine, prepared: Prepared) -> dict:
    """The results of every root shape on every focus node of the ontology alone, with the
    nodes each evaluation read.

    Validating data merged with the ontology gives the same results for such a node as
    long as the data adds no triple from (or, for reverse lookups, to) a node read: the
    evaluation sees the same triples. Shapes that ask SPARQL queries read what the store
    holds, not the index, so they are left out.
    """
    tracer = _Tracing(prepared.index)
    run = Run(engine, tracer, prepared, [])
    fixed = {}
    for shape in engine.roots:
        if _asks_sparql(shape, set()):
            continue
        for node in run.focus_nodes(shape):
            # Nothing remembered from another evaluation: each notes all it reads.
            run.memo.clear()
            tracer.forget()
            results = list(run.evaluate(shape, node)[1])
            fixed[(shape.key, node)] = (results, frozenset(tracer.out.read), frozenset(tracer.inn.read))
    return fixed


class _Terms:
    """rdflib ↔ pyoxigraph terms of one validation.

    Kept apart from :class:`Run` so that the SPARQL functions, which hold it, make no
    reference cycle with the run (a run is large: it should go when it is no longer used).
    """

    def __init__(self, conv: dict):
        self.conv = conv
        self._back: dict | None = None
        self._scratch: dict = {}

    def back(self, term, search: bool = True) -> Node:
        """A pyoxigraph term from a SPARQL solution as the data's rdflib term."""
        if self._back is None or len(self._back) != len(self.conv):
            self._back = {v: k for k, v in self.conv.items()}
        return ox_to_rdflib(term, self._back, self._scratch if search else None)

    def computed(self, term) -> Node:
        """``back`` for a value the query computed (not searched among the data's literals)."""
        return self.back(term, search=False)


class Run:
    """The state of one validation: the index, remembered evaluations, the SPARQL store."""

    def __init__(self, engine, index: Index, prepared: Prepared, data: list):
        self.engine, self.index, self.prepared, self.data = engine, index, prepared, data
        self.superclass_cache: dict = index.superclass_cache
        self.memo: dict = {}
        self.rows: dict = {}
        self._store: ox.Store | None = None
        self._terms: _Terms | None = None
        self._functions: dict | None = None

    def focus_nodes(self, shape) -> set:
        """The focus nodes ``shape``'s targets select."""
        index = self.index
        nodes = set(shape.target_nodes)
        for cls in shape.target_classes:
            for sub in index.subclasses(cls):
                nodes |= index.subjects(RDF_TYPE, sub)
        for p in shape.subjects_of:
            nodes |= index.subj_of.get(p, set())
        for p in shape.objects_of:
            nodes |= index.obj_of.get(p, set())
        return nodes

    def root_results(self, shape, focus: Node) -> list[Result] | tuple:
        """The results of a root shape for one of its focus nodes: the ontology's own when
        the data leaves what they were read from alone (see :func:`fixed_results`)."""
        fixed = self.prepared.fixed.get((shape.key, focus))
        if fixed is not None and fixed[1].isdisjoint(self.index.touched_out) \
                and fixed[2].isdisjoint(self.index.touched_in):
            return fixed[0]
        return self.evaluate(shape, focus)[1]

    def evaluate(self, shape, focus: Node) -> tuple[bool, list[Result] | tuple]:
        """(conforms, results) of ``focus`` against ``shape``, as pyshacl counts conformance."""
        if shape.memo:
            key = (shape.key, focus)
            found = self.memo.get(key)
            if found is not None:
                return found
        if shape.deactivated:
            found = _CONFORMS
        else:
            values = shape.values(self.index, focus) if shape.values is not None else (focus,)
            ok, results = True, None
            for check in shape.checks:
                check_ok, res = check(self, focus, values)
                if not check_ok and not shape.allowed and not all(r.severity in ALLOWED_SEVERITIES for r in res):
                    ok = False
                if res:
                    if results is None:
                        results = list(res)
                    else:
                        results.extend(res)
            found = (ok, results) if results is not None else _CONFORMS if ok else _FAILS
        if shape.memo:
            self.memo[key] = found
        return found

    def store(self) -> ox.Store:
        """An in-memory Oxigraph store with the ontology and the data (built on first use)."""
        if self._store is None:
            self._terms = _Terms(dict(self.prepared.conv))
            self._store = ox.Store()
            data = ox_quads(self.data, self._terms.conv, self.engine.sparql_predicates)
            self._store.extend(self.prepared.quads + data)
        return self._store

    def prefetch(self, constraint: SparqlConstraint, nodes: set) -> None:
        """Run ``constraint`` for all of a shape's focus nodes at once."""
        store = self.store()
        conv = self._terms.conv
        for node in nodes:
            to_ox(node, conv)
        for node, rows in constraint.rows(store, sorted(nodes, key=str), conv, self.functions()).items():
            self.rows[(id(constraint), node)] = rows

    def sparql_rows(self, constraint: SparqlConstraint, focus: Node) -> list[dict]:
        """The solutions of ``constraint`` for ``focus`` (queried now unless prefetched)."""
        rows = self.rows.get((id(constraint), focus))
        if rows is None:
            store = self.store()
            conv = self._terms.conv
            to_ox(focus, conv)
            rows = constraint.rows(store, [focus], conv, self.functions())[focus]
            self.rows[(id(constraint), focus)] = rows
        return rows

    def functions(self) -> dict:
        """The custom SPARQL functions the compiled queries call."""
        if self._functions is None:
            self.store()
            self._functions = comparison_functions(self._terms.computed)
        return self._functions

    def back(self, term, search: bool = True) -> Node:
        """A pyoxigraph term from a SPARQL solution as the data's rdflib term."""
        self.store()
        return self._terms.back(term, search)
