"""Quality-check queries: ODK-style *-violation.rq return no rows; the Data Cube
integrity constraints IC-1..IC-19 hold on valid figures and catch invalid ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace

from sckg.validate import REPO_ROOT, load_ontology, load_shapes

QC = REPO_ROOT / "queries" / "qc"
CASES = Path(__file__).parent / "shapes"
VIOLATION_QUERIES = sorted(QC.glob("*-violation.rq"))
IC_QUERIES = sorted(QC.glob("qb-ic-*.rq"))
SC = Namespace("https://w3id.org/sckg/ontology#")


def data_sample() -> Graph:
    graph = Graph().parse(CASES / "common.ttl")
    for path in sorted((CASES / "valid").glob("*.ttl")):
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def merged() -> Graph:
    return load_ontology() + load_shapes() + data_sample()


def rows(graph: Graph, query: Path) -> list:
    return list(graph.query(query.read_text(encoding="utf-8")))


def ask(graph: Graph, query: Path) -> bool:
    return bool(graph.query(query.read_text(encoding="utf-8")).askAnswer)


def test_query_sets_are_complete() -> None:
    assert [p.stem for p in IC_QUERIES] == [f"qb-ic-{n:02d}" for n in range(1, 20)]
    assert len(VIOLATION_QUERIES) >= 6


@pytest.mark.parametrize("query", VIOLATION_QUERIES, ids=lambda p: p.stem)
def test_violation_query_returns_no_rows(query: Path, merged: Graph) -> None:
    assert rows(merged, query) == []


# Each violation query must catch what it is for: inject one defect, expect a row.
INJECTIONS = {
    "missing-label-violation": [(SC.Unlabelled, RDF.type, OWL.Class), (SC.Unlabelled, RDFS.label, Literal("x", lang="en"))],
    "missing-definition-violation": [(SC.undefinedProp, RDF.type, OWL.ObjectProperty)],
    "undefined-term-violation": [(SC.Carrier, RDFS.label, Literal("typo of InnovationCarrier", lang="en"))],
    "orphan-class-violation": [(SC.Floating, RDF.type, OWL.Class)],
    "duplicate-label-violation": [(SC.Startup, RDF.type, OWL.Class), (SC.Startup, RDFS.label, Literal("Company", lang="en"))],
    "concept-label-violation": [
        (SC.QcInjectedConcept, RDF.type, Namespace("http://www.w3.org/2004/02/skos/core#").Concept),
        (SC.QcInjectedConcept, Namespace("http://www.w3.org/2004/02/skos/core#").inScheme, SC.Indicators),
    ],
    "unshaped-class-violation": [(SC.Floating, RDF.type, OWL.Class)],
}


@pytest.mark.parametrize("query", VIOLATION_QUERIES, ids=lambda p: p.stem)
def test_violation_query_catches_an_injected_defect(query: Path, merged: Graph) -> None:
    if query.stem == "ontology-metadata-violation":
        broken = Graph() + merged
        broken.remove((None, OWL.versionInfo, None))
    else:
        assert query.stem in INJECTIONS, f"add an injected defect for {query.name}"
        broken = Graph() + merged
        for triple in INJECTIONS[query.stem]:
            broken.add(triple)
    assert rows(broken, query) != []


def figures_graph(*extra: Path) -> Graph:
    graph = load_ontology() + Graph().parse(CASES / "common.ttl")
    graph.parse(CASES / "valid" / "figures.ttl")
    for path in extra:
        graph.parse(path)
    return graph


@pytest.mark.parametrize("query", IC_QUERIES, ids=lambda p: p.stem)
def test_data_cube_constraint_holds_on_valid_figures(query: Path) -> None:
    graph = figures_graph()
    assert len(list(graph.subjects(RDF.type, Namespace("http://purl.org/linked-data/cube#").Observation))) == 4
    assert ask(graph, query) is False


@pytest.mark.parametrize(
    ("case", "ic"),
    [
        ("obs-no-dataset", "qb-ic-01"),
        ("obs-no-indicator", "qb-ic-11"),
        ("obs-duplicate-key", "qb-ic-12"),
        ("obs-no-qualifier", "qb-ic-13"),
        ("obs-no-value", "qb-ic-14"),
        ("obs-indicator-not-in-scheme", "qb-ic-19"),
    ],
)
def test_data_cube_constraint_catches_invalid_figures(case: str, ic: str) -> None:
    graph = figures_graph(CASES / "invalid" / f"{case}.ttl")
    violated = {q.stem for q in IC_QUERIES if ask(graph, q)}
    assert ic in violated


def test_structure_constraints_catch_a_broken_dsd() -> None:
    graph = figures_graph()
    qb = Namespace("http://purl.org/linked-data/cube#")
    graph.remove((SC.quoteStart, RDFS.range, None))  # IC-4: a dimension without range
    graph.remove((SC.indicator, qb.codeList, None))  # IC-5: a coded dimension without code list
    graph.add((SC.componentIndicator, qb.componentRequired, Literal(False)))  # IC-6
    violated = {q.stem for q in IC_QUERIES if ask(graph, q)}
    assert {"qb-ic-04", "qb-ic-05", "qb-ic-06"} <= violated
