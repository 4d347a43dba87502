"""The validate stage: check a graph against the SHACL shapes before it is loaded.

The data (every named graph of a Dataset, or a plain Graph) is merged with the
ontology, so ``sh:targetClass sc:Organization`` reaches a ``sc:MakerSpace`` through
the ontology's ``rdfs:subClassOf`` and code-list checks see ``skos:inScheme``. The
shapes use SHACL-SPARQL, so pyshacl runs in advanced mode.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node

from sckg.model import InputError, ValidationResult, Violation

SH = Namespace("http://www.w3.org/ns/shacl#")

#: The repository root, where ontology/ and shapes/ live (editable install).
REPO_ROOT = Path(__file__).resolve().parents[3]
ONTOLOGY_DIR = REPO_ROOT / "ontology"
SHAPES_DIR = REPO_ROOT / "shapes"

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

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _parse_dir(directory: Path, what: str) -> Graph:
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise InputError(f"{directory}: no {what} Turtle files (*.ttl) found")
    graph = Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            raise InputError(f"{path}: not valid Turtle: {str(exc).splitlines()[0]}") from None
    return graph


def load_ontology(directory: Path | None = None) -> Graph:
    """All ``ontology/*.ttl`` (sckg.ttl, indicators.ttl …) parsed into one graph."""
    return _parse_dir(directory or ONTOLOGY_DIR, "ontology")


def load_shapes(directory: Path | None = None) -> Graph:
    """All ``shapes/*.ttl`` parsed into one shapes graph."""
    return _parse_dir(directory or SHAPES_DIR, "shapes")


def merged(data: Graph | Dataset, ontology: Graph) -> Graph:
    """One graph holding the triples of every graph in ``data`` plus the ontology."""
    out = Graph()
    if isinstance(data, Dataset):
        for s, p, o, _ in data.quads((None, None, None, None)):
            out.add((s, p, o))
    else:
        for triple in data:
            out.add(triple)
    for triple in ontology:
        out.add(triple)
    return out


def _namespaces() -> NamespaceManager:
    manager = NamespaceManager(Graph(), bind_namespaces="core")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


def _n3(node: Node | None, ns: NamespaceManager) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        try:
            return node.n3(ns)
        except Exception:  # not expressible as a prefixed name
            return node.n3()
    if isinstance(node, Literal):
        return node.n3(ns)
    return f"[{node.n3()}]"  # a blank node: a shape or path without an IRI


def _messages(shapes: Graph, shape: Node, fallback: list[Literal]) -> tuple[str, str]:
    """The shape's sh:message in English and in Chinese (zh-Hans)."""
    by_lang: dict[str, str] = {}
    for message in sorted(shapes.objects(shape, SH.message), key=str):
        if isinstance(message, Literal):
            by_lang.setdefault((message.language or "").lower(), str(message))
    plain = [str(m) for m in fallback]
    en = by_lang.get("en") or by_lang.get("") or (plain[0] if plain else "")
    zh = by_lang.get("zh-hans") or en
    return en, zh


def _fill(template: str, focus: str, value: str | None) -> str:
    text = template.replace("{$this}", focus).replace("{?this}", focus)
    return text.replace("{?value}", value or "").replace("{$value}", value or "")


def _violations(report: Graph, shapes: Graph) -> list[Violation]:
    ns = _namespaces()
    out = []
    # Only top-level results: nested ones (sh:detail of an sh:node failure) are explained
    # by the outer result's message.
    results = [r for report_node in report.subjects(SH.conforms, None) for r in report.objects(report_node, SH.result)]
    for result in results:
        focus = _n3(report.value(result, SH.focusNode), ns) or ""
        value = _n3(report.value(result, SH.value), ns)
        path = _n3(report.value(result, SH.resultPath), ns)
        shape = report.value(result, SH.sourceShape)
        severity = str(report.value(result, SH.resultSeverity)).removeprefix(str(SH))
        component = _n3(report.value(result, SH.sourceConstraintComponent), ns) or ""
        fallback = list(report.objects(result, SH.resultMessage))
        en, zh = _messages(shapes, shape, fallback)
        out.append(
            Violation(
                focus=focus,
                path=path,
                value=value,
                severity=severity,
                source_shape=_n3(shape, ns) or "",
                component=component,
                message_en=_fill(en, focus, value),
                message_zh=_fill(zh, focus, value),
            )
        )
    out = sorted(
        set(out),
        key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.source_shape, v.focus, v.path or "", v.value or ""),
    )
    return out


def validate(
    data: Graph | Dataset, *, shapes: Graph | None = None, ontology: Graph | None = None
) -> ValidationResult:
    """Validate ``data`` (all its named graphs) merged with the ontology against the shapes.

    ``shapes`` and ``ontology`` default to the repository's ``shapes/*.ttl`` and
    ``ontology/*.ttl``. Warnings do not make the result non-conforming.

    Example::

        result = validate(Dataset().parse("data/sckg.trig"))
        print(format_report(result))
    """
    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else load_ontology()
    graph = merged(data, ontology)
    _, report, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes,
        advanced=True,
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
    )
    violations = _violations(report, shapes)
    for prefix, iri in PREFIXES.items():
        report.bind(prefix, iri, override=True, replace=True)
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationResult(
        conforms=conforms,
        violations=violations,
        report_turtle=report.serialize(format="turtle"),
    )


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
    ordered = sorted(groups, key=lambda k: (_SEVERITY_ORDER.get(k[0], 3), k[1]))
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
