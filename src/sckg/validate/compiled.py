"""The compiled SHACL engine: the shapes graph turned into Python objects once.

:class:`Engine` reads every shape of a shapes graph, refuses any SHACL feature it
does not implement (so a new shape can never be skipped silently), and validates an
:class:`~sckg.validate.index.Index` of the data merged with the ontology. Nested
shapes (sh:node, sh:or, qualified value shapes, sh:property) are evaluated once per
(shape, node) and remembered; SPARQL constraints run on an in-memory Oxigraph store.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from sckg.model import InputError
from sckg.validate import components as c
from sckg.validate.index import (_EMPTY, BASE_PLAN_PREDICATES, RDF_TYPE, SUBCLASS_OF, Index, IndexPlan, build_index,
                                 ox_quads, triples_of)
from sckg.validate.report import SH, PathSpec, Result, n3, read_path
from sckg.validate.run import ALLOWED_SEVERITIES, Prepared, Run, fixed_results
from sckg.validate.sparql import SparqlConstraint, compile_constraint, path_predicates

_TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
_DESCRIPTIVE = {SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group,
                SH.path, SH.property, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
                SH.qualifiedValueShapesDisjoint, *_TARGETS}
_COMPONENTS = {SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.languageIn, SH.pattern,
               SH.minInclusive, SH.maxInclusive, SH.hasValue, SH.minLength, SH["in"], SH.uniqueLang, SH.node,
               SH["or"], SH.qualifiedValueShape, SH.sparql}
_SINGLE = {SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.languageIn, SH.minLength, SH["in"],
           SH.uniqueLang, SH.severity, SH.deactivated, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount}


class Shape:
    """One compiled node or property shape."""

    def __init__(self, key: int, node: Node, path: PathSpec | None, severity: Node, deactivated: bool):
        self.key, self.node, self.path = key, node, path
        self.severity, self.deactivated = severity, deactivated
        self.allowed = severity in ALLOWED_SEVERITIES
        self.values = _path_function(path) if path is not None else None
        # Whether evaluations are remembered: needed only where one (shape, node) can be
        # asked for more than once in a validation (see Engine._set_memo).
        self.memo = True
        self.checks: list = []
        self.nested: list[Shape] = []  # shapes applied to this shape's value nodes
        self.sparql: list[SparqlConstraint] = []
        self.target_classes: list = []
        self.subjects_of: list = []
        self.objects_of: list = []
        self.target_nodes: list = []

    def result(self, focus: Node, value: Node | None, component: URIRef, path=None, bindings=()) -> Result:
        """A result of this shape."""
        return Result(focus, path if path is not None else self.path, value, self.severity, self.node,
                      component, bindings)

    @property
    def targeted(self) -> bool:
        """Whether the shape selects focus nodes itself."""
        return bool(self.target_classes or self.subjects_of or self.objects_of or self.target_nodes)


def _path_function(path: PathSpec):
    """``values(index, node)``: the value nodes of ``path`` from ``node`` (a set not to be changed)."""
    if isinstance(path, URIRef):
        def objects(index, node):  # index.objects(node, path), inlined: the commonest path
            d = index.out.get(node)
            return d.get(path, _EMPTY) if d else _EMPTY
        return objects
    op, inner = path
    if op == "^":
        return lambda index, node: index.subjects(inner, node)
    if op == "|":
        if all(isinstance(p, URIRef) for p in inner):
            def alternatives(index, node):
                d = index.out.get(node)
                return set().union(*(d.get(p, _EMPTY) for p in inner)) if d else set()
            return alternatives
        parts = [_path_function(p) for p in inner]
        return lambda index, node: set().union(*(f(index, node) for f in parts))
    if op == "/":
        steps = [_path_function(p) for p in inner]

        def sequence(index, node):
            current = {node}
            for step in steps:
                current = set().union(*(step(index, n) for n in current)) if current else set()
            return current
        return sequence
    step = _path_function(inner)

    def closure(index, node):
        found, todo = {node}, [node]
        while todo:
            for n in step(index, todo.pop()):
                if n not in found:
                    found.add(n)
                    todo.append(n)
        return found
    return closure


def _check_path(shape: Node, path: PathSpec, inverse: set) -> None:
    if isinstance(path, URIRef):
        return
    op, inner = path
    if op == "^":
        if not isinstance(inner, URIRef):
            raise InputError(f"shapes: {n3(shape)}: sh:inversePath of a complex path is not supported by the "
                             f"compiled engine; run with engine='pyshacl'")
        inverse.add(inner)
        return
    for p in inner if op in "|/" else (inner,):
        _check_path(shape, p, inverse)


class Engine:
    """A shapes graph compiled for validation."""

    def __init__(self, shapes: Graph):
        self.graph = shapes
        self.prepared: dict = {}  # ontologies prepared for this engine (see sckg.validate._prepared)
        self.shapes: dict[Node, Shape] = {}
        self._compiling: set[Node] = set()
        self._keys = itertools.count()
        self._inverse: set = set(BASE_PLAN_PREDICATES)
        self._references: dict[int, list[bool]] = {}  # shape key → [same focus as the parent?, …]
        if any(True for _ in shapes.subjects(RDF.type, SH.ConstraintComponent)):
            raise InputError("shapes: custom constraint components (sh:ConstraintComponent) are not supported "
                             "by the compiled engine; run with engine='pyshacl'")
        class_types = set(shapes.subjects(RDFS.subClassOf, RDFS.Class)) | {RDFS.Class}
        declared = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
        declared |= {s for p in _TARGETS for s in shapes.subjects(p, None)}
        declared |= set(shapes.subjects(SH.path, None))
        self._implicit = {s for s in declared if set(shapes.objects(s, RDF.type)) & class_types}
        for node in sorted(declared, key=lambda n: (isinstance(n, URIRef), str(n))):
            self.shape(node)
        self.roots = [s for s in self.shapes.values() if s.targeted and not s.deactivated]
        self._set_memo()
        # The SPARQL store needs only the triples of predicates the queries mention
        # (all of them if some pattern's predicate is a variable).
        # One object per term (the shapes' own, rdf:type and rdfs:subClassOf the index's
        # constants): the index hands these back, so lookups succeed by identity.
        self.terms = {RDF_TYPE: RDF_TYPE, SUBCLASS_OF: SUBCLASS_OF}
        for triple in shapes:
            for t in triple:
                self.terms.setdefault(t, t)

        def canonical(items) -> frozenset:
            return frozenset(self.terms.setdefault(t, t) for t in items)
        found = [path_predicates(p) for s in self.shapes.values() for k in s.sparql for _, p, _, _ in k.patterns]
        self.sparql_predicates = None if None in found else canonical(set().union(*found))
        self.plan = IndexPlan(canonical(self._inverse),
                              canonical(p for s in self.roots for p in s.subjects_of),
                              canonical(p for s in self.roots for p in s.objects_of))

    # ------------------------------------------------------------------ compiling

    def shape(self, node: Node) -> Shape:
        """The compiled shape at ``node`` (compiled on first use)."""
        found = self.shapes.get(node)
        if found is not None:
            return found
        if node in self._compiling:
            raise InputError(f"shapes: {n3(node)} refers to itself (recursive shapes are not supported)")
        self._compiling.add(node)
        g = self.graph
        values: dict = {}
        for p, o in g.predicate_objects(node):
            values.setdefault(p, []).append(o)
        for p, objs in values.items():
            if str(p).startswith(str(SH)) and p not in _DESCRIPTIVE and p not in _COMPONENTS:
                raise InputError(f"shapes: {n3(node)} uses {n3(p)}, which the compiled engine does not "
                                 f"support; run with engine='pyshacl' or extend sckg.validate.compiled")
            if p in _SINGLE and len(set(objs)) > 1:
                raise InputError(f"shapes: {n3(node)} has more than one {n3(p)}")
        path = None
        if SH.path in values:
            try:
                path = read_path(g, values[SH.path][0])
            except ValueError as exc:
                raise InputError(f"shapes: {n3(node)}: {exc}; the compiled engine supports predicate, "
                                 f"inverse, alternative, sequence and zero-or-more paths") from None
            _check_path(node, path, self._inverse)
        first = {p: objs[0] for p, objs in values.items()}
        deactivated = isinstance(first.get(SH.deactivated), Literal) and bool(first[SH.deactivated].value)
        shape = Shape(next(self._keys), node, path, first.get(SH.severity, SH.Violation), deactivated)
        shape.target_classes = list(values.get(SH.targetClass, [])) + ([node] if node in self._implicit else [])
        shape.subjects_of = list(values.get(SH.targetSubjectsOf, []))
        shape.objects_of = list(values.get(SH.targetObjectsOf, []))
        shape.target_nodes = list(values.get(SH.targetNode, []))
        self._add_checks(shape, values, first)
        self._compiling.discard(node)
        self.shapes[node] = shape
        return shape

    def _add_checks(self, shape: Shape, values: dict, first: dict) -> None:
        g, add = self.graph, shape.checks.append
        if SH["class"] in values:
            add(c.class_check(shape, values[SH["class"]]))
        if SH.datatype in values:
            add(c.datatype_check(shape, first[SH.datatype]))
        if SH.nodeKind in values:
            add(c.node_kind_check(shape, first[SH.nodeKind]))
        for p, at_least in ((SH.minCount, True), (SH.maxCount, False)):
            if p in values:
                add(c.count_check(shape, c.literal_int(shape, p, first[p]), at_least))
        if SH.languageIn in values:
            add(c.language_in_check(shape, {str(x).lower() for x in g.items(first[SH.languageIn])}))
        if SH.pattern in values:
            add(c.pattern_check(shape, values[SH.pattern], first.get(SH.flags)))
        for p, minimum in ((SH.minInclusive, True), (SH.maxInclusive, False)):
            if p in values:
                add(c.range_check(shape, values[p], minimum))
        if SH.hasValue in values:
            add(c.has_value_check(shape, values[SH.hasValue]))
        if SH.minLength in values:
            add(c.min_length_check(shape, c.literal_int(shape, SH.minLength, first[SH.minLength])))
        if SH["in"] in values:
            add(c.in_check(shape, set(g.items(first[SH["in"]]))))
        if SH.uniqueLang in values and bool(first[SH.uniqueLang].value):
            if shape.path is None:
                raise InputError(f"shapes: {n3(shape.node)}: sh:uniqueLang needs a property shape")
            add(c.unique_lang_check(shape))
        if SH.node in values:
            targets = [self._nested(shape, n, property_shape=False) for n in values[SH.node]]
            add(c.node_check(shape, targets))
        if SH["or"] in values:
            add(c.or_check(shape, [[self._nested(shape, m) for m in g.items(lst)] for lst in values[SH["or"]]]))
        if SH.qualifiedValueShape in values:
            self._add_qualified(shape, values, first)
        if SH.property in values:
            add(c.property_check(shape, [self._nested(shape, n, property_shape=True) for n in values[SH.property]]))
        for node in values.get(SH.sparql, []):
            constraint = compile_constraint(g, shape.node, node, shape.path)
            if constraint is not None:
                shape.sparql.append(constraint)
                add(self._sparql_check(shape, constraint))

    def _set_memo(self) -> None:
        """Remember evaluations only of shapes a validation can ask about one node twice.

        A root shape is evaluated once per focus node, and a property shape that only
        one node shape holds (through sh:property) once per evaluation of that shape, so
        neither needs remembering unless it is also reached another way. Values reached
        through sh:node, sh:or or a qualified value shape can repeat (many figures share
        one indicator), so those shapes are remembered.
        """
        roots = {s.key for s in self.roots}
        for shape in self.shapes.values():
            refs = self._references.get(shape.key, [])
            if shape.key in roots:
                shape.memo = bool(refs)
            else:
                shape.memo = refs != [True]

    def _nested(self, parent: Shape, node: Node, property_shape: bool | None = None) -> Shape:
        nested = self.shape(node)
        parent.nested.append(nested)
        # Once per evaluation of the parent with the same focus node: sh:property of a node shape.
        self._references.setdefault(nested.key, []).append(property_shape is True and parent.path is None)
        if property_shape is not None and (nested.path is not None) != property_shape:
            kind = "a property shape (with sh:path)" if property_shape else "a node shape (without sh:path)"
            raise InputError(f"shapes: {n3(parent.node)} refers to {n3(node)}, which is not {kind}")
        return nested

    def _add_qualified(self, shape: Shape, values: dict, first: dict) -> None:
        if shape.path is None:
            raise InputError(f"shapes: {n3(shape.node)}: sh:qualifiedValueShape needs a property shape")
        counts = [c.literal_int(shape, p, first[p]) if p in first else None
                  for p in (SH.qualifiedMinCount, SH.qualifiedMaxCount)]
        if counts == [None, None]:
            raise InputError(f"shapes: {n3(shape.node)}: sh:qualifiedValueShape without a qualified count")
        disjoint = any(isinstance(d, Literal) and d.value is True
                       for d in values.get(SH.qualifiedValueShapesDisjoint, []))
        g = self.graph
        for value_shape in values[SH.qualifiedValueShape]:
            siblings = []
            if disjoint:
                nodes = {q for parent in g.subjects(SH.property, shape.node) for prop in g.objects(parent, SH.property)
                         for q in g.objects(prop, SH.qualifiedValueShape)} - {value_shape}
                siblings = [self._nested(shape, s) for s in sorted(nodes, key=str)]
            shape.checks.append(c.qualified_check(shape, self._nested(shape, value_shape), siblings, *counts))

    @staticmethod
    def _sparql_check(shape: Shape, constraint: SparqlConstraint):
        component = SH.SPARQLConstraintComponent

        def check(run, focus, values):
            fallback_value = focus if shape.path is None else None
            results, failed = [], False
            for row in run.sparql_rows(constraint, focus):
                if "failure" in row:
                    if not failed:
                        results.append(shape.result(focus, fallback_value, component))
                        failed = True
                    continue
                if not ({"this", "path", "value"} & row.keys()):
                    continue
                term = {name: run.back(t) for name, t in row.items()}
                bindings = tuple(sorted((k, v) for k, v in term.items() if k not in ("this", "path", "value")))
                value = term.get("value", fallback_value)
                results.append(shape.result(term.get("this", focus), value, component, term.get("path"), bindings))
            return not results, results
        return check

    # ------------------------------------------------------------------ validating

    def prepare(self, ontology: Graph) -> Prepared:
        """The ontology indexed for this engine's shapes (reused by every validation)."""
        # Seeded with the shapes' own terms, so the index hands back the very objects the
        # compiled checks compare with and dictionary lookups succeed by identity.
        seed = Index(self.plan, terms=dict(self.terms))
        index, triples = build_index(triples_of(ontology), self.plan, seed)
        conv: dict = {}
        prepared = Prepared(index, ox_quads(triples, conv, self.sparql_predicates), conv)
        prepared.fixed = fixed_results(self, prepared)
        return prepared

    def validate(self, prepared: Prepared, triples: Iterable[tuple], focus: set | None = None) -> list[Result]:
        """All results for the data ``triples`` merged with the prepared ontology.

        With ``focus``, only focus nodes in that set are validated and only results about
        them kept (nested shapes still look at whatever nodes the paths reach).
        """
        index, data = build_index(triples, self.plan, prepared.index)
        run = Run(self, index, prepared, data)
        work = []
        for shape in self.roots:
            nodes = run.focus_nodes(shape)
            if focus is not None:
                nodes &= focus
            if nodes:
                work.append((shape, sorted(nodes, key=str)))
                for constraint in shape.sparql:
                    run.prefetch(constraint, nodes)
        results: list[Result] = []
        for shape, nodes in work:
            for node in nodes:
                results.extend(run.root_results(shape, node))
        # sh:property under a property shape reports about the values, not the focus node.
        return results if focus is None else [r for r in results if r.focus in focus]
