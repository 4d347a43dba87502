"""Incremental validation: one article graph A checked against a real Oxigraph store.

The store holds every other article graph (and the ontology); A is validated with
``focus`` = its IRIs on A's triples plus ``load.neighbourhood`` of its nodes, widened
by ``validate.context_spec()``. The result must equal a full pyshacl validation of
everything (the other graphs and A together), restricted to the same focus nodes —
also when A is changed to carry violations that only the rest of the graph reveals.
(The gazetteer graph is left out of the store to keep the reference run short; it
changes nothing about the comparison.)
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

from sckg import load
from sckg.validate import REPO_ROOT, context_spec, format_report, validate
from sckg.validate.report import n3

SC = Namespace("https://w3id.org/sckg/ontology#")
QB = Namespace("http://purl.org/linked-data/cube#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ID = Namespace("https://w3id.org/sckg/id/")
TRIG = REPO_ROOT / "data" / "sckg.trig"


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    """The article graphs of the built data, by graph IRI."""
    ds = Dataset().parse(TRIG, format="trig")
    out = {}
    for g in ds.graphs():
        name = str(g.identifier)
        if len(g) and name.startswith(load.GRAPH_NS) and name.removeprefix(load.GRAPH_NS)[:1].isdigit():
            copy = Graph()
            for triple in g:
                copy.add(triple)
            out[name] = copy
    assert len(out) >= 3
    return out


def pick_article(graphs: dict[str, Graph]) -> str:
    """The article graph that shares the most subjects with the others."""
    def shared(name: str) -> int:
        others = set().union(*(set(g.subjects()) for n, g in graphs.items() if n != name))
        return len(set(graphs[name].subjects()) & others)
    return max(sorted(graphs), key=shared)


def iris(graph: Graph) -> set:
    return {t for s, _, o in graph for t in (s, o) if isinstance(t, URIRef)}


def incremental(store: Path, name: str, article: Graph, shapes: Graph, ontology: Graph, widen: bool = True):
    nodes = iris(article)
    spec = context_spec(shapes).kwargs() if widen else {}
    context = load.neighbourhood(store, nodes, exclude_graph=name, data=article, **spec)
    data = Graph()
    for triple in article:
        data.add(triple)
    for triple in context:
        data.add(triple)
    return validate(data, shapes=shapes, ontology=ontology, focus=nodes), len(context)


def full(rest: dict[str, Graph], article: Graph, shapes: Graph, ontology: Graph, engine: str):
    ds = Dataset()
    for name, g in {**rest, "urn:x-article": article}.items():
        target = ds.graph(URIRef(name))
        for triple in g:
            target.add(triple)
    return validate(ds, shapes=shapes, ontology=ontology, engine=engine)


def keys(result, focus: set | None = None) -> set:
    names = None if focus is None else {n3(node) for node in focus}
    return {(v.focus, v.path, v.value, v.severity, v.source_shape, v.component) for v in result.violations
            if names is None or v.focus in names}


def build(tmp_path: Path, rest: dict[str, Graph], ontology: Graph) -> Path:
    ds = Dataset()
    for name, g in {**rest, load.GRAPH_NS + "ontology": ontology}.items():
        target = ds.graph(URIRef(name))
        for triple in g:
            target.add(triple)
    store = tmp_path / "store"
    load.build_store(ds, store)
    return store


def test_unchanged_article_matches_full_validation(tmp_path, graphs, shapes, ontology) -> None:
    name = pick_article(graphs)
    rest = {n: g for n, g in graphs.items() if n != name}
    store = build(tmp_path, rest, ontology)
    result, size = incremental(store, name, graphs[name], shapes, ontology)
    everything = full(rest, graphs[name], shapes, ontology, "compiled")
    assert keys(result) == keys(everything, iris(graphs[name])), format_report(result)
    assert size > 0


def add_copy(target: Graph, source: Graph, subject, new_subject) -> None:
    for _, p, o in source.triples((subject, None, None)):
        target.add((new_subject, p, o))


def mutate(graphs: dict[str, Graph], name: str) -> tuple[Graph, dict[str, Graph], dict[str, object]]:
    """A with violations that need the rest of the graph, and the rest (one graph extended)."""
    article, rest = Graph(), {n: Graph() for n in graphs if n != name}
    for triple in graphs[name]:
        article.add(triple)
    for n in rest:
        for triple in graphs[n]:
            rest[n].add(triple)
    other = sorted(rest)[0]
    b = rest[other]
    [article_node] = list(article.subjects(RDF.type, SC.Article))
    [activity] = list(article.objects(article_node, PROV.wasGeneratedBy))
    made: dict[str, object] = {}

    # 1. A second zh-Hans label on a node another article also describes (qualifiedMaxCount).
    shared = sorted(set(article.subjects()) & set().union(*(set(g.subjects()) for g in rest.values())), key=str)
    node = next(s for s in shared if any(o.language == "zh-Hans" for g in rest.values()
                                         for o in g.objects(s, RDFS.label)))
    for o in list(article.objects(node, RDFS.label)):
        if o.language == "zh-Hans":
            article.remove((node, RDFS.label, o))
    article.add((node, RDFS.label, Literal("另一个名称", lang="zh-Hans")))
    made["second label"] = node

    # 2. A new entity with the class, zh-Hans label and place of another article's entity (duplicate).
    twin = next(s for s in sorted(b.subjects(SC.locatedIn, None), key=str)
                if any(o.language == "zh-Hans" for o in b.objects(s, RDFS.label)) and s not in iris(article))
    duplicate = ID["org-incremental-test-duplicate"]
    for p in (RDF.type, RDFS.label, SC.locatedIn):
        for o in b.objects(twin, p):
            article.add((duplicate, p, o))
    article.add((duplicate, SC.mentionedIn, article_node))
    made["duplicate"] = duplicate

    # 3. A copy of another article's figure for one accreditation level, larger than that total
    #    (LevelWithinTotalShape) and with the same key (ObsKeyShape).
    total = next(o for o in sorted(b.subjects(RDF.type, QB.Observation), key=str)
                 if (o, SC.accreditationLevel, None) not in b and (o, SC.carrierType, None) in b
                 and set(b.objects(o, SC.valueQualifier)) & {SC.Exact, SC.AtMost})
    level = ID["obs-incremental-test-level"]
    add_copy(article, b, total, level)
    for o in list(article.objects(level, SC.value)):
        article.remove((level, SC.value, o))
        article.add((level, SC.value, Literal(Decimal(str(o)) + 1)))
    article.set((level, SC.valueQualifier, SC.Exact))
    article.add((level, SC.accreditationLevel, SC.NationalLevel))
    made["level above total"] = level

    # 4. Another article's extraction activity (a focus node only through the triple that
    #    points at it there) given a bad prov:used here.
    other_activity = next(iter(sorted(b.objects(None, PROV.wasGeneratedBy), key=str)))
    article.add((other_activity, PROV.used, Literal("not an article")))
    made["incoming target"] = other_activity

    # 5. A figure of A marked, in another article, as part of a smaller whole described there.
    part = next(o for o in sorted(article.subjects(RDF.type, QB.Observation), key=str)
                if set(article.objects(o, SC.valueQualifier)) & {SC.Exact, SC.AtLeast}
                and any(Decimal(str(v)) > 1 for v in article.objects(o, SC.value)))
    whole = ID["obs-incremental-test-whole"]
    b.add((part, SC.partOfFigure, whole))
    b.add((whole, RDF.type, QB.Observation))
    b.add((whole, SC.value, Literal(Decimal(1))))
    b.add((whole, SC.unit, next(article.objects(part, SC.unit))))
    b.add((whole, SC.valueQualifier, SC.Exact))
    made["part of a smaller whole"] = part

    # 6. A software agent with two versions, described only in another article (sh:node).
    software = ID["software-incremental-test"]
    b.add((software, RDF.type, PROV.SoftwareAgent))
    b.add((software, SC.softwareVersion, Literal("0.1.0")))
    b.add((software, SC.softwareVersion, Literal("0.2.0")))
    article.add((activity, PROV.wasAssociatedWith, software))
    made["two versions"] = activity
    return article, rest, made


def test_mutated_article_matches_full_pyshacl_validation(tmp_path, graphs, shapes, ontology) -> None:
    # The store still holds A's earlier version, as when an article is ingested again:
    # its triples must not count (exclude_graph); the changed A replaces them.
    name = pick_article(graphs)
    article, rest, made = mutate(graphs, name)
    store = build(tmp_path, {**rest, name: graphs[name]}, ontology)
    result, _ = incremental(store, name, article, shapes, ontology)
    reference = full(rest, article, shapes, ontology, "pyshacl")
    focus = iris(article)
    assert keys(result) == keys(reference, focus), (
        "incremental only: " + str(sorted(keys(result) - keys(reference, focus)))
        + "\nfull only: " + str(sorted(keys(reference, focus) - keys(result))))
    shown = {(v.focus, v.source_shape) for v in result.violations}
    expected = {
        "second label": "scs:ZhHansLabelShape", "duplicate": "scs:DuplicateShape",
        "level above total": "scs:LevelWithinTotalShape", "incoming target": "scs:ExtractionUsedShape",
        "part of a smaller whole": "scs:PartWithinWholeShape", "two versions": "scs:ExtractionAgentShape",
    }
    for what, shape in expected.items():
        assert (n3(made[what]), shape) in shown, what
    assert (n3(made["level above total"]), "scs:ObsKeyShape") in shown
    # Except the last (the unknown software agent fails there too), none of these shows in
    # the article alone: they need the rest of the graph.
    alone = {(v.focus, v.source_shape) for v in validate(article, shapes=shapes, ontology=ontology).violations}
    assert not {(n3(made[w]), s) for w, s in expected.items() if w != "two versions"} & alone
    # The old neighbourhood (node descriptions and their objects' types) is not enough.
    narrow, _ = incremental(store, name, article, shapes, ontology, widen=False)
    missed = keys(result) - keys(narrow)
    assert {k[4] for k in missed} >= {"scs:DuplicateShape", "scs:PartWithinWholeShape", "scs:ObsKeyShape",
                                     "scs:LevelWithinTotalShape"}


def test_a_hub_is_read_only_as_far_as_its_values_may_fail(tmp_path, graphs, shapes, ontology) -> None:
    """An entity mentioned in many articles (a province, a ministry) has thousands of
    sc:mentionedIn values in a large store; the shapes check them one by one (sh:class
    sc:Article) and need one (sh:minCount 1). The context takes the values that may fail,
    and one other, and the result is still that of full pyshacl validation: here one value
    is no article anywhere, and one was typed sc:Article only in the version of A the
    change replaces."""
    name = pick_article(graphs)
    article = Graph()
    for triple in graphs[name]:
        article.add(triple)
    rest = {n: Graph() for n in graphs if n != name}
    for n in rest:
        for triple in graphs[n]:
            rest[n].add(triple)
    b = rest[sorted(rest)[0]]
    hub = next(s for s in sorted(set(article.subjects(SC.mentionedIn, None)), key=str)
               if (s, RDF.type, SC.Article) not in article)
    for i in range(40):  # articles of their own, each typed in its own graph
        mention = ID[f"article-hub-test-{i:02d}"]
        rest[load.GRAPH_NS + f"hub-test-{i:02d}"] = Graph()
        rest[load.GRAPH_NS + f"hub-test-{i:02d}"].add((mention, RDF.type, SC.Article))
        b.add((hub, SC.mentionedIn, mention))
    odd, ghost = ID["place-hub-test-not-an-article"], ID["article-hub-test-ghost"]
    b.add((odd, RDF.type, SC.Place))
    b.add((hub, SC.mentionedIn, odd))
    b.add((hub, SC.mentionedIn, ghost))
    old = Graph()
    for triple in article:
        old.add(triple)
    old.add((ghost, RDF.type, SC.Article))  # only the replaced version says so
    store = build(tmp_path, {**rest, name: old}, ontology)

    nodes = iris(article)
    context = load.neighbourhood(store, nodes, exclude_graph=name, data=article, **context_spec(shapes).kwargs())
    taken = set(context.objects(hub, SC.mentionedIn))
    assert {odd, ghost} <= taken and len(taken) < 10, sorted(taken)

    result, _ = incremental(store, name, article, shapes, ontology)
    reference = full(rest, article, shapes, ontology, "pyshacl")
    assert keys(result) == keys(reference, nodes), (
        "incremental only: " + str(sorted(keys(result) - keys(reference, nodes)))
        + "\nfull only: " + str(sorted(keys(reference, nodes) - keys(result))))
    failing = {v.value for v in result.violations if v.focus == n3(hub)}
    assert {n3(odd), n3(ghost)} <= failing, failing


def test_only_predicates_checked_value_by_value_are_trimmed() -> None:
    shapes = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:one ; sh:class ex:D ; sh:nodeKind sh:IRI ; sh:minCount 2 ] ,
                        [ sh:path ex:counted ; sh:class ex:D ; sh:maxCount 3 ] ,
                        [ sh:path ex:queried ; sh:class ex:D ] ,
                        [ sh:path ( ex:step ex:last ) ; sh:minCount 1 ] ,
                        [ sh:path ex:last ; sh:class ex:D ] ,
                        [ sh:path ex:plain ; sh:minCount 1 ] ,
                        [ sh:path [ sh:zeroOrMorePath [ sh:alternativePath ( ex:alt ex:other ) ] ] ; sh:minCount 1 ] ,
                        [ sh:path ex:alt ; sh:class ex:D ] ;
            sh:sparql [ sh:select "SELECT $this WHERE { $this <http://example.org/queried> ?x }" ] .
    """)
    checked = {p.removeprefix("http://example.org/"): (c, iri, keep) for p, c, iri, keep in context_spec(shapes).checked}
    # Counted past sh:minCount, read by a query, a step of a longer path: all their values count.
    assert checked == {"one": (("http://example.org/D",), True, 2), "plain": ((), False, 1)}
