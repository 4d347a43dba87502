"""Validation results as records, bilingual messages and a deterministic report graph.

Both engines (the compiled one and pyshacl) hand their results to :func:`finish` as
:class:`Result` tuples of RDF terms, so the two produce the same
:class:`~sckg.model.Violation` records for the same results. Paths are kept as a
small structure (:data:`PathSpec`) and shown in SPARQL property-path syntax
(``(sc:location|sc:mainVenue)``), never as a blank-node label that changes from run
to run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple, Union

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from sckg.model import ValidationResult, Violation

SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {
    "sc": "https://w3id.org/sckg/ontology#",
    "id": "https://w3id.org/sckg/id/",
    "graph": "https://w3id.org/sckg/graph/",
    "scs": "https://w3id.org/sckg/shapes#",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "unit": "http://qudt.org/vocab/unit/",
    "cur": "http://qudt.org/vocab/currency/",
    "sh": str(SH),
}

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}

#: A SHACL path: an IRI, or (operator, operand) with operator one of "^" (inverse),
#: "|" (alternatives, a tuple), "/" (sequence, a tuple) and "*" (zero or more).
PathSpec = Union[URIRef, tuple]

_PATH_KEYS = {SH.inversePath: "^", SH.alternativePath: "|", SH.zeroOrMorePath: "*"}
_TURTLE_KEYS = {"^": "sh:inversePath", "|": "sh:alternativePath", "*": "sh:zeroOrMorePath"}
_LOCAL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


class Result(NamedTuple):
    """One validation result as RDF terms, before it becomes a Violation."""

    focus: Node
    path: PathSpec | None
    value: Node | None
    severity: URIRef
    shape: Node
    component: URIRef
    bindings: tuple = ()  # (name, term) pairs a SPARQL constraint bound, for messages


@lru_cache(maxsize=1)
def namespaces() -> NamespaceManager:
    """The project's prefixes (plus rdf, rdfs, xsd, owl) for showing terms."""
    manager = NamespaceManager(Graph(), bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


def n3(node: Node | None) -> str | None:
    """A term as the reports show it: prefixed IRIs, literals in N3, ``[_:b]`` blank nodes."""
    if node is None:
        return None
    ns = namespaces()
    if isinstance(node, URIRef):
        try:
            return node.n3(ns)
        except Exception:  # not expressible as a prefixed name
            return node.n3()
    if isinstance(node, Literal):
        return node.n3(ns)
    return f"[{node.n3()}]"


def read_path(graph: Graph, node: Node, fallback: Graph | None = None) -> PathSpec:
    """The path described at ``node`` of ``graph`` (or of ``fallback`` if ``graph`` lacks it)."""
    if isinstance(node, URIRef):
        return node
    if fallback is not None and not any(True for _ in graph.predicate_objects(node)):
        graph = fallback
    if graph.value(node, RDF.first) is not None:
        return ("/", tuple(read_path(graph, item) for item in graph.items(node)))
    for key, op in _PATH_KEYS.items():
        inner = graph.value(node, key)
        if inner is not None:
            if op == "|":
                return (op, tuple(read_path(graph, item) for item in graph.items(inner)))
            return (op, read_path(graph, inner))
    raise ValueError(f"unsupported SHACL path at {node.n3()}")


def path_text(path: PathSpec | None) -> str | None:
    """A path in SPARQL property-path syntax with the project's prefixes."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return n3(path)
    op, inner = path
    if op in "|/":
        return "(" + op.join(path_text(p) for p in inner) + ")"
    if op == "^":
        return "^" + path_text(inner)
    return path_text(inner) + op


def sparql_path(path: PathSpec) -> str:
    """A path in SPARQL syntax with full IRIs (for $PATH in SPARQL constraints)."""
    if isinstance(path, URIRef):
        return f"<{path}>"
    op, inner = path
    if op in "|/":
        return "(" + op.join(sparql_path(p) for p in inner) + ")"
    if op == "^":
        return "^" + sparql_path(inner)
    return sparql_path(inner) + op


def messages(shapes: Graph, shape: Node, fallback: list[str]) -> tuple[str, str]:
    """The shape's sh:message in English and in Chinese (zh-Hans)."""
    by_lang: dict[str, str] = {}
    for message in sorted(shapes.objects(shape, SH.message), key=str):
        if isinstance(message, Literal):
            by_lang.setdefault((message.language or "").lower(), str(message))
    en = by_lang.get("en") or by_lang.get("") or (fallback[0] if fallback else "")
    zh = by_lang.get("zh-hans") or en
    return en, zh


def fill(template: str, focus: str, value: str | None, bindings: tuple = ()) -> str:
    """``{$this}``, ``{?value}`` and other ``{?var}`` of a message filled in."""
    text = template.replace("{$this}", focus).replace("{?this}", focus)
    text = text.replace("{?value}", value or "").replace("{$value}", value or "")
    for name, term in bindings:
        if name not in ("this", "value") and term is not None:
            shown = n3(term) or ""
            text = text.replace("{?" + name + "}", shown).replace("{$" + name + "}", shown)
    return text


def _generic(component: URIRef) -> str:
    return f"The value does not satisfy {n3(component)}."


def finish(results: list[Result], shapes: Graph, report_turtle: str | None = None,
           fallbacks: dict | None = None) -> ValidationResult:
    """Results → sorted, de-duplicated Violations and the ValidationResult.

    ``report_turtle`` is used as is when given (pyshacl's own report); otherwise a
    deterministic sh:ValidationReport is written. ``fallbacks`` maps a result to its
    engine's messages for shapes without sh:message.
    """
    by_violation: dict[Violation, Result] = {}
    for r in results:
        focus, value = n3(r.focus) or "", n3(r.value)
        fallback = (fallbacks or {}).get(r) or [_generic(r.component)]
        en, zh = messages(shapes, r.shape, fallback)
        violation = Violation(
            focus=focus,
            path=path_text(r.path),
            value=value,
            severity=str(r.severity).removeprefix(str(SH)),
            source_shape=n3(r.shape) or "",
            component=n3(r.component) or "",
            message_en=fill(en, focus, value, r.bindings),
            message_zh=fill(zh, focus, value, r.bindings),
        )
        by_violation.setdefault(violation, r)
    ordered = sorted(by_violation, key=sort_key)
    conforms = not any(v.severity == "Violation" for v in ordered)
    if report_turtle is None:
        report_turtle = report_graph_turtle([(v, by_violation[v]) for v in ordered], conforms)
    return ValidationResult(conforms=conforms, violations=ordered, report_turtle=report_turtle)


def sort_key(v: Violation) -> tuple:
    """The order of violations in results and reports."""
    return (SEVERITY_ORDER.get(v.severity, 3), v.source_shape, v.focus, v.path or "", v.value or "",
            v.component, v.message_en)


def _turtle_term(node: Node) -> str:
    if isinstance(node, URIRef):
        for prefix, iri in PREFIXES.items():
            if node.startswith(iri) and _LOCAL.match(node[len(iri):]):
                return f"{prefix}:{node[len(iri):]}"
        return node.n3()
    if isinstance(node, BNode):
        return node.n3()
    return node.n3()


def _turtle_path(path: PathSpec) -> str:
    if isinstance(path, URIRef):
        return _turtle_term(path)
    op, inner = path
    if op == "/":
        return "( " + " ".join(_turtle_path(p) for p in inner) + " )"
    if op == "|":
        return "[ sh:alternativePath ( " + " ".join(_turtle_path(p) for p in inner) + " ) ]"
    return f"[ {_TURTLE_KEYS[op]} {_turtle_path(inner)} ]"


def report_graph_turtle(items: list[tuple[Violation, Result]], conforms: bool) -> str:
    """A deterministic sh:ValidationReport in Turtle, results in Violation order."""
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in sorted(PREFIXES.items())]
    lines += ["", "[] a sh:ValidationReport ;", f"    sh:conforms {'true' if conforms else 'false'}"]
    blocks = []
    for v, r in items:
        parts = [f"sh:focusNode {_turtle_term(r.focus)}"]
        if r.path is not None:
            parts.append(f"sh:resultPath {_turtle_path(r.path)}")
        if r.value is not None:
            parts.append(f"sh:value {_turtle_term(r.value)}")
        parts += [f"sh:resultSeverity {_turtle_term(r.severity)}",
                  f"sh:sourceShape {_turtle_term(r.shape)}",
                  f"sh:sourceConstraintComponent {_turtle_term(r.component)}",
                  f"sh:resultMessage {Literal(v.message_en, lang='en').n3()} , "
                  f"{Literal(v.message_zh, lang='zh-Hans').n3()}"]
        blocks.append("[ a sh:ValidationResult ;\n        " + " ;\n        ".join(parts) + " ]")
    if blocks:
        lines[-1] += " ;"
        lines.append("    sh:result " + " ,\n    ".join(blocks))
    lines[-1] += " ."
    return "\n".join(lines) + "\n"


def format_report(result: ValidationResult) -> str:
    """A readable report: results grouped by shape, each group with its bilingual message
    and the offending nodes and triples."""
    if not result.violations:
        return "Conforms: no SHACL results. 校验通过：没有 SHACL 结果。\n"
    groups: dict[tuple[str, str], list[Violation]] = defaultdict(list)
    for v in result.violations:
        groups[(v.severity, v.source_shape)].append(v)
    errors, warnings = len(result.errors), len(result.warnings)
    lines = [
        f"{'Does not conform' if not result.conforms else 'Conforms with warnings'}: "
        f"{errors} violation(s), {warnings} warning(s) in {len(groups)} shape(s).",
        f"{'校验未通过' if not result.conforms else '校验通过但有警告'}："
        f"{errors} 个违规，{warnings} 个警告，涉及 {len(groups)} 个约束。",
        "",
    ]
    ordered = sorted(groups, key=lambda k: (SEVERITY_ORDER.get(k[0], 3), k[1]))
    for severity, shape in ordered:
        items = groups[(severity, shape)]
        lines.append(f"[{severity}] {shape} ({len(items)})")
        templates = {(v.message_en, v.message_zh) for v in items}
        if len(templates) == 1:
            en, zh = next(iter(templates))
            lines += [f"  en: {en}", f"  zh: {zh}"]
        for v in items:
            triple = f"{v.focus} {v.path or '?'} {v.value if v.value is not None else '?'}"
            lines.append(f"  - {v.focus}  ({v.component})")
            if v.path or v.value:
                lines.append(f"      triple: {triple}")
            if len(templates) > 1:
                lines += [f"      en: {v.message_en}", f"      zh: {v.message_zh}"]
        lines.append("")
    return "\n".join(lines)


def format_turtle(result: ValidationResult) -> str:
    """The SHACL validation report graph as Turtle (sh:ValidationReport)."""
    return result.report_turtle
