"""The SHACL core constraint components the shapes use, as compiled checks.

Each factory takes the compiled shape and the parameter values from the shapes graph
and returns ``check(run, focus, values) -> (conforms, results)``. The tests are
written to give exactly pyshacl 0.40's answers (same literal comparison, the same
language-tag matching, the same ill-typed literal rule), so the two engines agree.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from sckg.model import InputError
from sckg.validate.index import RDF_TYPE
from sckg.validate.report import SH, n3

_ACTUAL = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
    XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: datetime.date, XSD.time: datetime.time,
    XSD.dateTime: datetime.datetime,
}
CLASS = SH.ClassConstraintComponent
DATATYPE = SH.DatatypeConstraintComponent
HAS_VALUE = SH.HasValueConstraintComponent
IN = SH.InConstraintComponent
LANGUAGE_IN = SH.LanguageInConstraintComponent
MAX_COUNT = SH.MaxCountConstraintComponent
MAX_INCLUSIVE = SH.MaxInclusiveConstraintComponent
MIN_COUNT = SH.MinCountConstraintComponent
MIN_INCLUSIVE = SH.MinInclusiveConstraintComponent
MIN_LENGTH = SH.MinLengthConstraintComponent
NODE = SH.NodeConstraintComponent
NODE_KIND = SH.NodeKindConstraintComponent
OR = SH.OrConstraintComponent
PATTERN = SH.PatternConstraintComponent
QUALIFIED_MAX_COUNT = SH.QualifiedMaxCountConstraintComponent
QUALIFIED_MIN_COUNT = SH.QualifiedMinCountConstraintComponent
UNIQUE_LANG = SH.UniqueLangConstraintComponent

_KINDS = {
    "bnode": {SH.BlankNode, SH.BlankNodeOrLiteral, SH.BlankNodeOrIRI},
    "literal": {SH.Literal, SH.BlankNodeOrLiteral, SH.IRIOrLiteral},
    "iri": {SH.IRI, SH.IRIOrLiteral, SH.BlankNodeOrIRI},
}


_PASS = (True, ())  # a check without results


def value_check(shape, bad, component):
    """A check with one result per value that ``bad(value)`` says fails (nothing is built
    for a focus node whose values all pass: the common case)."""
    result = shape.result

    def check(run, focus, values):
        for v in values:
            if bad(v):
                return False, [result(focus, w, component) for w in values if bad(w)]
        return _PASS
    return check


def class_check(shape, classes):
    """sh:class: each value is an rdf:type/rdfs:subClassOf* instance of every class."""
    def check(run, focus, values):
        if not values:
            return _PASS
        index, cache = run.index, run.superclass_cache
        results = None
        for cls in classes:
            for v in values:
                if isinstance(v, Literal) or not any(cls in index.superclasses(t, cache)
                                                      for t in index.objects(v, RDF_TYPE)):
                    if results is None:
                        results = []
                    results.append(shape.result(focus, v, CLASS))
        return (False, results) if results else _PASS
    return check


def datatype_test(rule):
    """pyshacl's sh:datatype test for ``rule``, ill-typed literals included, as a function."""
    kind = _ACTUAL.get(rule)
    rule_text = str(rule)
    any_literal, any_typed = rule == RDFS.Literal, rule == RDFS.Datatype
    plain_ok, lang_ok = rule == XSD.string, rule == RDF.langString

    def matches(v) -> bool:
        if not isinstance(v, Literal):
            return False
        datatype = v.datatype
        if datatype is not None and str.__eq__(datatype, rule_text):
            if getattr(v, "ill_typed", None) is True:
                return False
        elif any_literal:
            return True
        elif any_typed and datatype:
            return True
        elif not ((plain_ok and datatype is None and v.language is None) or (lang_ok and v.language)):
            return False
        return kind is None or isinstance(v.value, kind)
    return matches


def datatype_check(shape, rule):
    """sh:datatype."""
    matches = datatype_test(rule)
    return value_check(shape, lambda v: not matches(v), DATATYPE)


def node_kind_check(shape, rule):
    """sh:nodeKind."""
    allowed = {kind for kind, rules in _KINDS.items() if rule in rules}
    # The usual classes answered at once (isinstance of rdflib's terms is slow).
    known = {URIRef: "iri" in allowed, Literal: "literal" in allowed, BNode: "bnode" in allowed}

    def bad(v):
        ok = known.get(v.__class__)
        if ok is not None:
            return not ok
        kind = "bnode" if isinstance(v, BNode) else "literal" if isinstance(v, Literal) else (
            "iri" if isinstance(v, Identifier) else None)
        return kind not in allowed
    return value_check(shape, bad, NODE_KIND)


def count_check(shape, limit: int, at_least: bool):
    """sh:minCount / sh:maxCount: one result without a value per focus node."""
    component = MIN_COUNT if at_least else MAX_COUNT

    def check(run, focus, values):
        if (len(values) >= limit) if at_least else (len(values) <= limit):
            return _PASS
        return False, [shape.result(focus, None, component)]
    if at_least and limit == 0:
        return lambda run, focus, values: _PASS
    return check


def language_in_check(shape, languages: set[str]):
    """sh:languageIn, matched as pyshacl does: the whole tag or its first subtag, any case."""
    wildcard = "*" in languages

    def bad(v):
        if not isinstance(v, Literal) or not v.language:
            return True
        lang = str(v.language)
        return not (wildcard or lang.lower() in languages or lang.split("-")[0].lower() in languages)
    return value_check(shape, bad, LANGUAGE_IN)


_PLAIN = (None, RDF.langString, XSD.string)


def value_string(v) -> str:
    """The string a pattern or length test sees (pyshacl's value_node_to_string)."""
    if (v.__class__ is Literal or isinstance(v, Literal)) and v.value is not None and v.datatype in _PLAIN:
        return str(v.value)
    return str(v)


def pattern_check(shape, patterns: list[Literal], flags: Literal | None):
    """sh:pattern with sh:flags ``i`` and ``m``."""
    re_flags = 0
    if flags is not None:
        text = str(flags.value).lower()
        if set(text) - {"i", "m"}:
            raise InputError(f"shapes: {n3(shape.node)}: sh:flags {text!r}: only 'i' and 'm' are supported")
        re_flags = (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
    compiled = [re.compile(str(p.value) if p.value is not None and len(p.value) > 1 else str(p), re_flags)
                for p in patterns]

    def check(run, focus, values):
        results = None
        for matcher in compiled:
            for v in values:
                if isinstance(v, BNode) or not matcher.search(value_string(v)):
                    if results is None:
                        results = []
                    results.append(shape.result(focus, v, PATTERN))
        return (False, results) if results else _PASS
    return check


def compare_literal(l1: Literal, l2: Literal) -> int:
    """pyshacl's literal order: 0 equal, 1 greater, -1 otherwise (may raise TypeError)."""
    if l1.eq(l2):
        return 0
    if l1.value.__class__ in (datetime.datetime, datetime.time):
        if l1.value == l2.value:
            return 0
        if l1.value > l2.value:
            return 1
    elif l1 > l2:
        return 1
    return -1


_NUMBERS = frozenset({XSD.integer, XSD.decimal})


def _number(v):
    """The value of a well-typed xsd:integer or xsd:decimal literal (a finite number), else None:
    rdflib compares two such literals by their values."""
    if v.__class__ is Literal and v.datatype in _NUMBERS and not v.ill_typed:
        value = v.value
        if value.__class__ is int or (value.__class__ is Decimal and value.is_finite()):
            return value
    return None


def range_check(shape, bounds: list[Literal], minimum: bool):
    """sh:minInclusive / sh:maxInclusive."""
    component = MIN_INCLUSIVE if minimum else MAX_INCLUSIVE
    numbers = {bound: _number(bound) for bound in bounds}

    def ok(v, bound):
        x, limit = _number(v), numbers[bound]
        if x is not None and limit is not None:
            return x >= limit if minimum else x <= limit
        if not isinstance(v, Literal):
            return False
        if isinstance(bound.value, str) != isinstance(v.value, str):
            return False
        try:
            cmp = compare_literal(v, bound)
        except (TypeError, NotImplementedError):
            return False
        return cmp >= 0 if minimum else cmp <= 0

    def check(run, focus, values):
        results = [shape.result(focus, v, component) for bound in bounds for v in values if not ok(v, bound)]
        return (False, results) if results else _PASS
    return check


def has_value_check(shape, wanted: list):
    """sh:hasValue: one result without a value per focus node that lacks it."""
    def check(run, focus, values):
        results = [shape.result(focus, None, HAS_VALUE)
                   for hv in wanted if not any(v == hv for v in values)]
        return (False, results) if results else _PASS
    return check


def min_length_check(shape, limit: int):
    """sh:minLength (blank nodes always fail)."""
    if limit == 0:
        return lambda run, focus, values: _PASS
    return value_check(shape, lambda v: isinstance(v, BNode) or len(value_string(v)) < limit, MIN_LENGTH)


def in_check(shape, members: set):
    """sh:in."""
    return value_check(shape, lambda v: v not in members, IN)


def unique_lang_check(shape):
    """sh:uniqueLang true: one result per focus node with a repeated language tag."""
    def check(run, focus, values):
        seen, repeated = set(), set()
        for v in values:
            if isinstance(v, Literal) and v.language:
                tag = str(v.language).lower()
                (repeated if tag in seen else seen).add(tag)
        if not repeated:
            return _PASS
        return False, [shape.result(focus, None, UNIQUE_LANG) for _ in sorted(repeated)]
    return check


def node_check(shape, targets: list):
    """sh:node: a value fails when its validation against the node shape has any result."""
    def check(run, focus, values):
        results = None
        for target in targets:
            for v in values:
                ok, nested = run.evaluate(target, v)
                if not ok or nested:
                    if results is None:
                        results = []
                    results.append(shape.result(focus, v, NODE))
        return (False, results) if results else _PASS
    return check


def or_check(shape, alternatives: list[list]):
    """sh:or: each value conforms to at least one member of each list."""
    def check(run, focus, values):
        results = [shape.result(focus, v, OR) for members in alternatives
                   for v in values if not any(run.evaluate(m, v)[0] for m in members)]
        return (False, results) if results else _PASS
    return check


def qualified_check(shape, value_shape, siblings: list, minimum: int | None, maximum: int | None):
    """sh:qualifiedValueShape with sh:qualifiedMinCount / sh:qualifiedMaxCount (and disjoint siblings)."""
    def check(run, focus, values):
        count = sum(1 for v in values if run.evaluate(value_shape, v)[0]
                    and not any(run.evaluate(s, v)[0] for s in siblings))
        results = []
        if maximum is not None and count > maximum:
            results.append(shape.result(focus, None, QUALIFIED_MAX_COUNT))
        if minimum is not None and count < minimum:
            results.append(shape.result(focus, None, QUALIFIED_MIN_COUNT))
        return (False, results) if results else _PASS
    return check


def property_check(shape, properties: list):
    """sh:property: the property shape's own results, for each value as its focus node."""
    def check(run, focus, values):
        ok, results = True, None
        evaluate = run.evaluate
        for prop in properties:
            for v in values:
                nested_ok, nested = evaluate(prop, v)
                ok = ok and nested_ok
                if nested:
                    if results is None:
                        results = list(nested)
                    else:
                        results.extend(nested)
        return ok, results if results is not None else ()
    return check


def literal_int(shape, parameter, value) -> int:
    """A count parameter as an int; InputError unless it is an integer literal."""
    if not isinstance(value, Literal) or not isinstance(value.value, int) or isinstance(value.value, bool):
        raise InputError(f"shapes: {n3(shape.node)}: {n3(parameter)} must be an integer literal")
    return int(value.value)

