"""The reference engine: pyshacl in advanced mode, as the validate stage always ran it.

Kept to check the compiled engine against (tests run both on the same data) and as
a fallback for shapes the compiled engine refuses. pyshacl is imported only here,
because importing it takes a noticeable part of a second.
"""

from __future__ import annotations

from rdflib import Graph

from sckg.model import ValidationResult
from sckg.validate.report import PREFIXES, SH, Result, finish, read_path


def results_of(report: Graph, shapes: Graph) -> tuple[list[Result], dict]:
    """The top-level results of a pyshacl report graph, and their messages by result.

    Nested results (sh:detail of an sh:node failure) are left out: the outer result's
    message explains them.
    """
    results, fallbacks = [], {}
    for root in report.subjects(SH.conforms, None):
        for node in report.objects(root, SH.result):
            path_node = report.value(node, SH.resultPath)
            result = Result(
                focus=report.value(node, SH.focusNode),
                path=None if path_node is None else read_path(report, path_node, fallback=shapes),
                value=report.value(node, SH.value),
                severity=report.value(node, SH.resultSeverity),
                shape=report.value(node, SH.sourceShape),
                component=report.value(node, SH.sourceConstraintComponent),
            )
            results.append(result)
            fallbacks[result] = [str(m) for m in report.objects(node, SH.resultMessage)]
    return results, fallbacks


def validate_pyshacl(graph: Graph, shapes: Graph, focus: set | None = None) -> ValidationResult:
    """Validate the merged ``graph`` with pyshacl; with ``focus``, keep only those focus nodes."""
    import pyshacl

    _, report, _ = pyshacl.validate(
        graph,
        shacl_graph=shapes,
        advanced=True,
        inference="none",
        inplace=True,
        allow_warnings=True,
        allow_infos=True,
    )
    results, fallbacks = results_of(report, shapes)
    if focus is not None:
        # The report graph would still hold the other results: write a fresh one.
        return finish([r for r in results if r.focus in focus], shapes, None, fallbacks)
    for prefix, iri in PREFIXES.items():
        report.bind(prefix, iri, override=True, replace=True)
    return finish(results, shapes, report.serialize(format="turtle"), fallbacks)
