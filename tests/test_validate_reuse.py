"""What the compiled engine reuses between validations gives what validating afresh gives:
the ontology's own results (src/sckg/validate/run.py), the class closures, the graphs
the rdf stage hands over (TripleSet) and an rdflib Graph of the same triples."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from sckg.rdf.iris import ID, SC
from sckg.rdf.triples import TripleSet
from sckg.validate import compiled_engine, validate
from sckg.validate import _prepared as prepared_for


def _key(v) -> tuple:
    return (v.focus, v.path, v.value, v.severity, v.source_shape, v.component, v.message_en)


def _both(graph, shapes, ontology) -> tuple[list, list]:
    """The violations with the ontology's results reused, and with nothing reused."""
    prepared = prepared_for(compiled_engine(shapes), ontology)
    reused = validate(graph, shapes=shapes, ontology=ontology)
    fixed, prepared.fixed = prepared.fixed, {}
    try:
        afresh = validate(graph, shapes=shapes, ontology=ontology)
    finally:
        prepared.fixed = fixed
    return [_key(v) for v in reused.violations], [_key(v) for v in afresh.violations]


def _concept(ontology) -> URIRef:
    return next(s for s in ontology.subjects(RDF.type, SKOS.Concept) if isinstance(s, URIRef))


def test_the_ontology_results_are_reused_for_concepts(shapes, ontology):
    prepared = prepared_for(compiled_engine(shapes), ontology)
    assert any(node == _concept(ontology) for _, node in prepared.fixed)


@pytest.mark.parametrize("kind", ["rdflib", "tripleset"])
def test_data_about_an_ontology_node_is_not_answered_from_memory(shapes, ontology, kind):
    concept = _concept(ontology)
    triples = [(concept, SKOS.inScheme, ID["not-a-scheme"]),  # sh:class skos:ConceptScheme fails
               (ID["place-x"], RDF.type, SC.Place), (ID["place-x"], RDFS.label, Literal("某地", lang="zh-Hans"))]
    graph = Graph() if kind == "rdflib" else TripleSet(URIRef("urn:g"))
    for triple in triples:
        graph.add(triple)
    reused, afresh = _both(graph, shapes, ontology)
    assert reused == afresh
    name = "sc:" + concept.removeprefix(str(SC))
    assert (name, "skos:inScheme", "id:not-a-scheme") in {v[:3] for v in reused}, reused


def test_a_subclass_in_the_data_is_seen(shapes, ontology):
    """Class closures are shared between validations only while the data adds no
    rdfs:subClassOf: a data class made a subclass of sc:Place makes its members places."""
    cls, node = ID["class-x"], ID["place-y"]
    graph = Graph()
    graph.add((cls, RDFS.subClassOf, SC.Place))
    graph.add((node, RDF.type, cls))
    with_subclass = {v.focus for v in validate(graph, shapes=shapes, ontology=ontology).violations}
    validate(Graph(), shapes=shapes, ontology=ontology)  # closures of the ontology alone
    again = {v.focus for v in validate(graph, shapes=shapes, ontology=ontology).violations}
    assert with_subclass == again and "id:place-y" in with_subclass


def test_a_triple_set_validates_as_the_rdflib_graph_of_its_triples(shapes, ontology):
    node = ID["person-x"]
    triples = [(node, RDF.type, SC.Person), (node, RDFS.label, Literal("某人", lang="zh-Hans")),
               (node, RDFS.label, Literal("另一人", lang="zh-Hans")), (node, SC.mentionedIn, ID["article-x"])]
    ts, g = TripleSet(URIRef("urn:g")), Graph()
    for triple in triples:
        ts.add(triple)
        g.add(triple)
    a = validate(ts, shapes=shapes, ontology=ontology)
    b = validate(g, shapes=shapes, ontology=ontology)
    assert [_key(v) for v in a.violations] == [_key(v) for v in b.violations] and a.violations
    assert a.report_turtle == b.report_turtle
