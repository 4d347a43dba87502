"""The compiled engine gives exactly pyshacl's results.

pyshacl spends most of its time on the ontology, whatever the data, so the cases are
checked in batches: every case (or mutant) keeps its own copy of its nodes — their
IRIs get a suffix — and one pyshacl run validates the lot. A difference names the
case or mutant by its suffix.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef

from sckg.model import InputError
from sckg.validate import REPO_ROOT, compiled_engine, format_report, validate

CASES = Path(__file__).parent / "shapes"
CASE_FILES = sorted((CASES / "valid").glob("*.ttl")) + sorted((CASES / "invalid").glob("*.ttl"))
TRIG = REPO_ROOT / "data" / "sckg.trig"
OWN = ("https://w3id.org/sckg/id/", "https://example.org/sckg-test#")
SUFFIX = re.compile(r"-(c|m)(\d+)\b")
MUTANTS = 240


def key(v) -> tuple:
    return (v.focus, v.path, v.value, v.severity, v.source_shape, v.component)


def both(data, shapes: Graph, ontology: Graph) -> tuple[set, set, object]:
    compiled = validate(data, shapes=shapes, ontology=ontology, engine="compiled")
    reference = validate(data, shapes=shapes, ontology=ontology, engine="pyshacl")
    return {key(v) for v in compiled.violations}, {key(v) for v in reference.violations}, compiled


def renamed(node, suffix: str):
    """``node`` with ``suffix`` appended when it is one of the case's (or mutant's) own nodes."""
    if isinstance(node, URIRef) and str(node).startswith(OWN):
        return URIRef(node + suffix)
    if isinstance(node, BNode):
        return BNode(str(node) + suffix.replace("-", "x"))
    return node


def add_renamed(target: Graph, triples, suffix: str) -> None:
    for s, p, o in triples:
        target.add((renamed(s, suffix), p, renamed(o, suffix)))


def explain(only: set, names: dict) -> str:
    lines = []
    for item in sorted(only, key=str)[:20]:
        tags = {m.group(0) for field in item if field for m in SUFFIX.finditer(field)}
        lines.append(f"{item}  <- {', '.join(names.get(t, t) for t in sorted(tags))}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- shape cases


def test_every_shape_case_gives_pyshacls_results(shapes: Graph, ontology: Graph) -> None:
    batch, names = Graph(), {}
    common = Graph().parse(CASES / "common.ttl")
    for i, path in enumerate(CASE_FILES):
        suffix = f"-c{i}"
        names[suffix] = path.name
        add_renamed(batch, common, suffix)
        add_renamed(batch, Graph().parse(path), suffix)
    compiled, reference, result = both(batch, shapes, ontology)
    assert compiled == reference, ("compiled only:\n" + explain(compiled - reference, names)
                                   + "\npyshacl only:\n" + explain(reference - compiled, names))
    # The batch really exercises the shapes: most of them report something.
    assert len({v.source_shape for v in result.violations}) > 60


def test_each_case_alone_matches_the_batch(shapes: Graph, ontology: Graph) -> None:
    # Renaming must not be what makes the engines agree: alone, each invalid case
    # still reports exactly its expected shapes with the compiled engine.
    for path in sorted((CASES / "invalid").glob("*.ttl")):
        data = Graph().parse(CASES / "common.ttl").parse(path)
        want = {f"scs:{name}" for name in re.findall(r"^# expect: scs:(\S+)$", path.read_text(), re.M)}
        got = {v.source_shape for v in validate(data, shapes=shapes, ontology=ontology, engine="compiled").violations}
        assert got == want, path.name


# --------------------------------------------------------------------------- the built data


@pytest.fixture(scope="module")
def articles() -> Dataset:
    from sckg.pipeline import data_only

    return data_only(Dataset().parse(TRIG, format="trig"))


def test_built_data_gives_pyshacls_results(articles: Dataset, shapes: Graph, ontology: Graph) -> None:
    compiled, reference, result = both(articles, shapes, ontology)
    assert compiled == reference, format_report(result)
    assert sum(len(g) for g in articles.graphs()) > 3000


# --------------------------------------------------------------------------- mutated articles

LANGS = ["zh-Hans", "zh-hans", "zh-Hant", "en", "zh", "zh-Hans-CN", "fr", None]
DATATYPES = [XSD.string, XSD.integer, XSD.decimal, XSD.double, XSD.date, XSD.gYear, XSD.gYearMonth,
             XSD.boolean, XSD.dateTime, XSD.nonNegativeInteger, None]


def article_slices(articles: Dataset, rng: random.Random) -> list[list[tuple]]:
    """Small real pieces of the articles: a node, the nodes it points to, their types."""
    graphs = sorted((g for g in articles.graphs() if len(g)), key=lambda g: str(g.identifier))
    out = []
    for _ in range(MUTANTS):
        g = rng.choice(graphs)
        subject = rng.choice(sorted(set(g.subjects()), key=str))
        piece = set(g.triples((subject, None, None)))
        for obj in {o for _, _, o in piece if isinstance(o, URIRef)}:
            piece |= set(g.triples((obj, None, None)))
        for obj in {o for _, _, o in piece if isinstance(o, URIRef)}:
            piece |= set(g.triples((obj, RDF.type, None)))
        out.append(sorted(piece))
    return out


def mutate(triples: list[tuple], rng: random.Random, classes: list, suffix: str) -> list[tuple]:
    """One to three random changes of the kinds bad extraction makes."""
    triples = list(triples)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(triples))
        s, p, o = triples[i]
        kind = rng.choice(["delete", "duplicate", "datatype", "language", "retype", "object", "number",
                           "twin", "iri"])
        if kind == "delete" and len(triples) > 1:
            del triples[i]
        elif kind == "duplicate" and isinstance(o, Literal):
            triples.append((s, p, Literal(str(o) + rng.choice(["", "x", "1"]), lang=rng.choice(LANGS))
                            if o.language or rng.random() < 0.5 else Literal(str(o) + "0", datatype=o.datatype)))
        elif kind == "datatype" and isinstance(o, Literal):
            triples[i] = (s, p, Literal(str(o), datatype=rng.choice(DATATYPES)))
        elif kind == "language" and isinstance(o, Literal):
            triples[i] = (s, p, Literal(str(o), lang=rng.choice(LANGS)))
        elif kind == "retype":
            typed = [j for j, t in enumerate(triples) if t[1] == RDF.type] or [i]
            j = rng.choice(typed)
            triples[j] = (triples[j][0], RDF.type, rng.choice(classes))
        elif kind == "object":
            others = [t[0] for t in triples] + [Literal("x"), BNode("b" + suffix), URIRef("https://example.org/x")]
            triples[i] = (s, p, rng.choice(others))
        elif kind == "number":
            triples[i] = (s, p, Literal(rng.choice([-1, 0, 1, 7, 10**12, 2.5])))
        elif kind == "twin":  # another node with the same description: duplicates, repeated keys
            twin = BNode(str(s) + "twin") if isinstance(s, BNode) else URIRef(str(s) + "-twin")
            copy = [(twin, q, v) for x, q, v in triples if x == s]
            if len(copy) > 1 and rng.random() < 0.5:  # a near twin: one statement less, another value
                del copy[rng.randrange(len(copy))]
                j = rng.randrange(len(copy))
                copy[j] = (twin, copy[j][1], Literal(rng.choice([0, 5, 10**9])))
            triples += copy
        elif kind == "iri":
            bad = rng.choice([URIRef(str(s) + "/x"), BNode("n" + suffix), URIRef("https://w3id.org/sckg/id/中")])
            triples = [(bad if x == s else x, q, bad if v == s else v) for x, q, v in triples]
    return triples


def test_mutated_articles_give_pyshacls_results(articles: Dataset, shapes: Graph, ontology: Graph) -> None:
    rng = random.Random(20240611)
    classes = sorted({o for o in ontology.subjects(RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class"))
                      if isinstance(o, URIRef)}, key=str)
    batch, names = Graph(), {}
    for k, piece in enumerate(article_slices(articles, rng)):
        suffix = f"-m{k}"
        names[suffix] = f"mutant {k}"
        add_renamed(batch, mutate(piece, rng, classes, suffix), suffix)
    compiled, reference, result = both(batch, shapes, ontology)
    assert compiled == reference, ("compiled only:\n" + explain(compiled - reference, names)
                                   + "\npyshacl only:\n" + explain(reference - compiled, names))
    components = {v.component for v in result.violations}
    assert len({v.source_shape for v in result.violations}) > 40
    assert {"sh:DatatypeConstraintComponent", "sh:LanguageInConstraintComponent", "sh:ClassConstraintComponent",
            "sh:MinCountConstraintComponent", "sh:MaxCountConstraintComponent",
            "sh:SPARQLConstraintComponent"} <= components


# --------------------------------------------------------------------------- features the project's shapes do not use yet

SYNTHETIC_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Sequence a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ; sh:datatype xsd:integer ] ,
        [ sh:path [ sh:inversePath ex:r ] ; sh:maxCount 1 ; sh:class ex:D ] ,
        [ sh:path ( ex:p [ sh:zeroOrMorePath ex:q ] ) ; sh:nodeKind sh:IRI ; sh:severity sh:Info ] .
ex:Nodes a sh:NodeShape ; sh:targetNode ex:n1 , ex:absent ;
    sh:property [ sh:path [ sh:alternativePath ( ex:p [ sh:inversePath ex:p ] ) ] ; sh:minCount 2 ] .
ex:Objects a sh:NodeShape ; sh:targetObjectsOf ex:r ; sh:nodeKind sh:IRI ; sh:severity sh:Warning .
ex:Path a sh:PropertyShape ; sh:targetSubjectsOf ex:p ; sh:path ex:p ;
    sh:sparql [ sh:select "SELECT $this ?value WHERE { $this $PATH ?value . FILTER (isLiteral(?value)) }" ] .
ex:Pair a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ;
    sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedValueShapesDisjoint true ; sh:qualifiedMaxCount 1 .
ex:Pair2 a sh:PropertyShape ; sh:path ex:p ;
    sh:qualifiedValueShape [ sh:class ex:E ] ; sh:qualifiedValueShapesDisjoint true ; sh:qualifiedMinCount 1 .
ex:Holder a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:Pair , ex:Pair2 .
ex:Off a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; sh:minLength 100 .
ex:D a rdfs:Class , sh:NodeShape ; sh:property [ sh:path ex:q ; sh:maxCount 0 ] .
"""
SYNTHETIC_DATA = """
@prefix ex: <https://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a a ex:C ; ex:p ex:b , ex:c , ex:x , "x" . ex:b ex:q 1 , ex:b2 . ex:b2 ex:q ex:b3 . ex:c ex:q "2" .
ex:x ex:r ex:a . ex:y ex:r ex:a . ex:x a ex:D . ex:b a ex:D , ex:E . ex:c a ex:D ; ex:q 3 .
ex:n1 ex:p ex:a . ex:z ex:r "literal" .
ex:e a ex:C ; ex:p ex:f . ex:f a ex:E .
"""


def test_paths_and_targets_beyond_the_project_shapes_give_pyshacls_results() -> None:
    shapes = Graph().parse(data=SYNTHETIC_SHAPES, format="turtle")
    data = Graph().parse(data=SYNTHETIC_DATA, format="turtle")
    compiled, reference, result = both(data, shapes, Graph())
    assert compiled == reference, format_report(result)
    components = {v.component for v in result.violations}
    assert {"sh:MinCountConstraintComponent", "sh:MaxCountConstraintComponent", "sh:DatatypeConstraintComponent",
            "sh:NodeKindConstraintComponent", "sh:SPARQLConstraintComponent",
            "sh:QualifiedMaxCountConstraintComponent"} <= components
    assert {v.path for v in result.violations} >= {"(<https://example.org/p>/<https://example.org/q>)",
                                                   "^<https://example.org/r>"}


# --------------------------------------------------------------------------- engine behaviour


def test_focus_keeps_only_those_focus_nodes(shapes: Graph, ontology: Graph) -> None:
    data = Graph().parse(CASES / "common.ttl").parse(CASES / "invalid" / "duplicate.ttl")
    everything = validate(data, shapes=shapes, ontology=ontology)
    a = URIRef("https://w3id.org/sckg/id/org-zhong-chuang-a")
    for engine in ("compiled", "pyshacl"):
        focused = validate(data, shapes=shapes, ontology=ontology, engine=engine, focus=[a])
        assert focused.violations == [v for v in everything.violations if v.focus == "id:org-zhong-chuang-a"]
        assert len(focused.violations) == 1


def test_report_turtle_is_deterministic_and_parses(shapes: Graph, ontology: Graph) -> None:
    data = Graph().parse(CASES / "common.ttl").parse(CASES / "invalid" / "location-not-place.ttl")
    first = validate(data, shapes=shapes, ontology=ontology).report_turtle
    assert first == validate(data, shapes=shapes, ontology=ontology).report_turtle
    report = Graph().parse(data=first, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    [path] = list(report.objects(None, URIRef(sh + "resultPath")))
    assert isinstance(path, BNode)  # the alternative path, written out as a path
    assert "_:" not in first.split("sh:resultPath")[1].split(";")[0]


def test_unsupported_feature_is_refused(tmp_path: Path) -> None:
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:xone ( [ sh:class ex:A ] [ sh:class ex:B ] ) .""",
                           format="turtle")
    with pytest.raises(InputError, match="sh:xone"):
        compiled_engine(shapes)
    # The reference engine still handles it.
    data = Graph().parse(data="<https://example.org/x> a <https://example.org/C> .", format="turtle")
    result = validate(data, shapes=shapes, ontology=Graph(), engine="pyshacl")
    assert [v.component for v in result.violations] == ["sh:XoneConstraintComponent"]


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="engine"):
        validate(Graph(), engine="fast")
