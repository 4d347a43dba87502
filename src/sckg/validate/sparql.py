"""SHACL-SPARQL constraints (sh:sparql / sh:select) evaluated with pyoxigraph.

``$this`` is pre-bound the way SHACL asks (SEP-0007 substitution, as pyshacl does
with rdflib's initBindings). When a query is simple enough that a leading
``VALUES ?this { … }`` is provably the same thing — one group whose only nested
groups are FILTER (NOT) EXISTS, no sub-select, aggregate, solution modifier or
re-binding of ``?this``, and ``$this`` projected — every focus node of a shape is
checked in one query instead of one query each.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from sckg.model import InputError
from sckg.validate.algebra import query_algebra
from sckg.validate.report import SH, PathSpec, n3, sparql_path

_VAR_THIS = ox.Variable("this")
_STRINGS = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                      r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_THIS = re.compile(r"[$?]this\b")
_PATH_VAR = re.compile(r"([\s{}()])[$?]PATH\b")
# Keywords, not parts of variables or prefixed names (?values, ex:count).
_FORBIDDEN = re.compile(r"(?<![\w:?$-])(MINUS|VALUES|SERVICE)\b(?![:-])", re.I)
_NOT_BATCHABLE = re.compile(r"(?<![\w:?$-])(GROUP|HAVING|ORDER|LIMIT|OFFSET|GRAPH|COUNT|SUM|MIN|MAX|AVG"
                            r"|SAMPLE|GROUP_CONCAT)\b(?![:-])|\bAS\s+[$?]this\b", re.I)
_UNSUPPORTED_VARS = re.compile(r"[$?](shapesGraph|currentShape)\b")
# var OP var comparisons (IRIs are blanked in the skeleton, so < and > here are operators)
_COMPARISON = re.compile(r"([$?]\w+)\s*(<=|>=|<|>)\s*([$?]\w+)")
COMPARE_IRI = "urn:x-sckg:compare#"
_OP_NAMES = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge"}


def _skeleton(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length, same offsets)."""
    return _STRINGS.sub(lambda m: " " * len(m.group(0)), text)


def prefixes_for(shapes: Graph, constraint: Node) -> dict[str, str]:
    """The prefixes a constraint's sh:prefixes declare (plus rdf, rdfs, owl), as pyshacl reads them."""
    found = {"rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL)}
    values = set(shapes.objects(constraint, SH.prefixes))
    if not values:
        return found
    ontologies = set(shapes.subjects(RDF.type, OWL.Ontology))
    global_declares = {d for o in ontologies for d in shapes.objects(o, SH.declare)}
    for value in sorted(values, key=str):
        own = set(shapes.objects(value, SH.declare))
        declares = own if (own and value in ontologies) else global_declares | own
        for dec in sorted(declares, key=str):
            prefix = list(shapes.objects(dec, SH.prefix))
            namespace = list(shapes.objects(dec, SH.namespace))
            if len(prefix) != 1 or len(namespace) != 1 or not isinstance(prefix[0], Literal):
                raise InputError(f"shapes: sh:declare {n3(dec)} needs exactly one sh:prefix and one sh:namespace")
            found[str(prefix[0])] = str(namespace[0])
    return found


@dataclass
class SparqlConstraint:
    """One sh:SPARQLConstraint of a shape, ready to run."""

    node: Node
    query: str  # prefixes + the select text, $PATH replaced
    batch_at: int | None  # where to insert VALUES ?this {…}, or None: one query per focus node
    patterns: list = field(default_factory=list)  # (s, p, o, required) triple patterns of the query

    def rows(self, store: ox.Store, focus: list[Node], conv: dict, functions: dict) -> dict[Node, list[dict]]:
        """Solutions per focus node: ``{focus: [{var: ox term}, …]}``."""
        out: dict[Node, list[dict]] = {f: [] for f in focus}
        batchable = [f for f in focus if not isinstance(conv[f], ox.BlankNode)] if self.batch_at is not None else []
        single = [f for f in focus if f not in set(batchable)]
        if batchable:
            back = {conv[f]: f for f in batchable}
            values = " ".join(str(conv[f]) for f in batchable)
            text = f"{self.query[:self.batch_at]} VALUES ?this {{ {values} }} {self.query[self.batch_at:]}"
            for row in _solutions(store.query(text, custom_functions=functions)):
                out[back[row["this"]]].append(row)
        for f in single:
            result = store.query(self.query, substitutions={_VAR_THIS: conv[f]}, custom_functions=functions)
            out[f].extend(_solutions(result))
        return out


def _solutions(result) -> list[dict]:
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        rows.append({name: solution[name] for name in names if solution[name] is not None})
    return rows


def compile_constraint(shapes: Graph, shape: Node, constraint: Node, path: PathSpec | None) -> SparqlConstraint | None:
    """A shape's sh:sparql value compiled; None when it is sh:deactivated."""
    if (constraint, SH.deactivated, Literal(True)) in shapes:
        return None
    allowed = {RDF.type, SH.select, SH.prefixes, SH.message, SH.deactivated, SH.name, SH.description}
    for p in set(shapes.predicates(constraint, None)):
        if p not in allowed:
            raise InputError(f"shapes: {n3(shape)}: the compiled engine does not support {n3(p)} on a "
                             f"SPARQL constraint; run with engine='pyshacl'")
    selects = list(shapes.objects(constraint, SH.select))
    if len(selects) != 1:
        raise InputError(f"shapes: {n3(shape)}: a SPARQL constraint needs exactly one sh:select")
    text = str(selects[0])
    skeleton = _skeleton(text)
    if _FORBIDDEN.search(skeleton):
        raise InputError(f"shapes: {n3(shape)}: a SPARQL constraint must not use MINUS, VALUES or SERVICE")
    if _UNSUPPORTED_VARS.search(skeleton):
        raise InputError(f"shapes: {n3(shape)}: $shapesGraph and $currentShape are not supported")
    if _PATH_VAR.search(skeleton):
        if path is None:
            raise InputError(f"shapes: {n3(shape)}: $PATH in a SPARQL constraint of a shape without sh:path")
        text = _PATH_VAR.sub(lambda m: m.group(1) + sparql_path(path), text)
        skeleton = _skeleton(text)
    text = _rdflib_comparisons(text, skeleton)
    skeleton = _skeleton(text)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes_for(shapes, constraint).items())
    batch = _batch_position(skeleton)
    query = header + text
    return SparqlConstraint(constraint, query, None if batch is None else len(header) + batch, query_patterns(query))


_REQUIRED_KEYS = {"SelectQuery": {"p"}, "Project": {"p"}, "Distinct": {"p"}, "Reduced": {"p"}, "Filter": {"p"},
                  "Extend": {"p"}, "Join": {"p1", "p2"}, "LeftJoin": {"p1"}, "ToMultiSet": {"p"}}


def query_patterns(query: str) -> list[tuple]:
    """Every triple pattern of a query as (s, p, o, required).

    ``required`` is True for patterns every solution matches (the main group, not
    OPTIONAL, UNION, MINUS or (NOT) EXISTS). A path predicate is kept as the rdflib Path.
    """
    from rdflib.plugins.sparql.parserutils import CompValue

    out: list[tuple] = []

    def walk(node, required: bool) -> None:
        if isinstance(node, CompValue):
            if node.name in ("BGP", "TriplesBlock"):
                out.extend((s, p, o, required) for s, p, o in node.get("triples") or [])
                return
            keep = _REQUIRED_KEYS.get(node.name, set())
            for key, value in node.items():
                if key != "_vars":
                    walk(value, required and key in keep)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item, required)

    walk(query_algebra(query), True)
    return out


def path_predicates(p) -> set | None:
    """The IRIs a pattern's predicate can match, or None when any predicate can (variable, !path)."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath

    if isinstance(p, URIRef):
        return {p}
    if isinstance(p, (SequencePath, AlternativePath)):
        parts = [path_predicates(a) for a in p.args]
        return None if any(x is None for x in parts) else set().union(*parts)
    if isinstance(p, InvPath):
        return path_predicates(p.arg)
    if isinstance(p, MulPath):
        return path_predicates(p.path)
    return None


def _rdflib_comparisons(text: str, skeleton: str) -> str:
    """``?a <= ?b`` (and <, >, >=) as calls of functions that compare like rdflib does.

    rdflib orders literals of incompatible types by datatype where SPARQL raises a type
    error; pyshacl runs on rdflib, so the compiled engine compares the same way.
    """
    out, last = [], 0
    for m in _COMPARISON.finditer(skeleton):
        out += [text[last:m.start()], f"<{COMPARE_IRI}{_OP_NAMES[m.group(2)]}>({m.group(1)}, {m.group(3)})"]
        last = m.end()
    return "".join(out + [text[last:]])


_OX_INTEGER, _OX_DECIMAL = ox.NamedNode(str(XSD.integer)), ox.NamedNode(str(XSD.decimal))
_INTEGER_FORM = re.compile(r"[+-]?[0-9]+")
_DECIMAL_FORM = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_NUMERIC_OPS = {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge}


def _number(term) -> int | Decimal | None:
    """The value of a well-formed xsd:integer or xsd:decimal literal (as rdflib reads it), else None."""
    if term.__class__ is not ox.Literal:
        return None
    datatype = term.datatype
    if datatype == _OX_INTEGER:
        text = term.value
        return int(text) if _INTEGER_FORM.fullmatch(text) else None
    if datatype == _OX_DECIMAL:
        text = term.value
        return Decimal(text) if _DECIMAL_FORM.fullmatch(text) else None
    return None


def comparison_functions(to_rdflib) -> dict:
    """The custom functions :func:`_rdflib_comparisons` calls, given a term converter."""
    from rdflib.plugins.sparql.operators import XSD_DTs

    true, false = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean))), ox.Literal(
        "false", datatype=ox.NamedNode(str(XSD.boolean)))

    def make(op: str):
        fast = _NUMERIC_OPS[op]

        def compare(a, b):
            # Two well-formed xsd:integer or xsd:decimal literals: rdflib compares their
            # values, so compare them here without making rdflib literals.
            x, y = _number(a), _number(b)
            if x is not None and y is not None:
                return true if fast(x, y) else false
            x, y = to_rdflib(a), to_rdflib(b)
            if not isinstance(x, Literal) or not isinstance(y, Literal):
                return None
            if x.datatype is not None and x.datatype not in XSD_DTs and y.datatype is not None \
                    and y.datatype not in XSD_DTs:
                return None
            try:
                r = getattr(x, f"__{op}__")(y)
            except TypeError:
                return None
            return None if r is NotImplemented else (true if r else false)
        return compare
    return {ox.NamedNode(COMPARE_IRI + name): make(name) for name in _OP_NAMES.values()}


def _batch_position(skeleton: str) -> int | None:
    """Offset just inside the WHERE group if VALUES ?this there equals pre-binding, else None."""
    if len(re.findall(r"\bSELECT\b", skeleton, re.I)) != 1 or _NOT_BATCHABLE.search(skeleton):
        return None
    first = skeleton.find("{")
    if first < 0 or not re.search(r"[$?]this\b|\*", skeleton[:first]):
        return None
    for match in re.finditer(r"\{", skeleton[first + 1:]):
        before = skeleton[:first + 1 + match.start()].rstrip()
        if not re.search(r"\bEXISTS$", before, re.I):
            return None
    return first + 1 if _THIS.search(skeleton[first:]) else None


def ox_to_rdflib(term, back: dict, scratch: dict | None) -> Node:
    """A pyoxigraph term from a solution as the rdflib term of the data it came from.

    Without ``scratch`` a literal not in ``back`` (a computed value) is built directly.
    """
    found = back.get(term)
    if found is not None:
        return found
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal) and scratch is not None:
        # The store may have written a literal in canonical form: find the data literal
        # that Oxigraph canonicalises to the same term.
        canon = scratch.get("canon")
        if canon is None:
            canon = scratch["canon"] = {}
            store = ox.Store()
            subject, predicate = ox.NamedNode("urn:x-sckg:s"), ox.NamedNode("urn:x-sckg:p")
            for ox_term, rdf_term in back.items():
                if isinstance(ox_term, ox.Literal):
                    store.add(ox.Quad(subject, predicate, ox_term))
                    stored = next(iter(store))
                    canon.setdefault(stored.object, rdf_term)
                    store.clear()
        if term in canon:
            return canon[term]
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value) if term.datatype else XSD.string)
    raise ValueError(f"unexpected term in SPARQL results: {term}")
