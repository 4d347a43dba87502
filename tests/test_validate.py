"""Shape cases: valid/ conforms, each invalid/ case fails with exactly its expected shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl.entrypoints import meta_validate
from rdflib import Dataset, Graph, Namespace, URIRef

from sckg.model import InputError
from sckg.validate import format_report, format_turtle, load_shapes, validate

CASES = Path(__file__).parent / "shapes"
VALID = sorted((CASES / "valid").glob("*.ttl"))
INVALID = sorted((CASES / "invalid").glob("*.ttl"))
SH = Namespace("http://www.w3.org/ns/shacl#")
SCS = "https://w3id.org/sckg/shapes#"
EXPECT = re.compile(r"^# expect: scs:(\S+)$", re.M)


def case_graph(path: Path) -> Graph:
    graph = Graph().parse(CASES / "common.ttl")
    return graph.parse(path)


def expected(path: Path) -> set[str]:
    return {f"scs:{name}" for name in EXPECT.findall(path.read_text(encoding="utf-8"))}


def test_shapes_pass_meta_shacl(shapes: Graph) -> None:
    conforms, _, text = meta_validate(shapes)
    assert conforms, text


def test_common_fixture_conforms(shapes: Graph, ontology: Graph) -> None:
    result = validate(Graph().parse(CASES / "common.ttl"), shapes=shapes, ontology=ontology)
    assert result.conforms and not result.violations, format_report(result)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_case_conforms(path: Path, shapes: Graph, ontology: Graph) -> None:
    result = validate(case_graph(path), shapes=shapes, ontology=ontology)
    assert result.conforms and not result.violations, format_report(result)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_case_fails_with_expected_shapes(path: Path, shapes: Graph, ontology: Graph) -> None:
    want = expected(path)
    assert want, f"{path.name} declares no '# expect: scs:…' line"
    result = validate(case_graph(path), shapes=shapes, ontology=ontology)
    assert {v.source_shape for v in result.violations} == want, format_report(result)
    for v in result.violations:
        assert v.message_en and v.message_zh and v.message_en != v.message_zh


def reportable_shapes(shapes: Graph) -> set[str]:
    """Shapes that can appear as sh:sourceShape: targeted shapes and their sh:property shapes."""
    targets = [SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf]
    out: set[str] = set()
    for predicate in targets:
        for shape in set(shapes.subjects(predicate, None)):
            has_own = any(
                shapes.value(shape, p) is not None
                for p in (SH.sparql, SH["or"], SH.nodeKind, SH.pattern, SH["class"], SH.path)
            )
            if has_own:
                out.add(str(shape))
            out.update(str(p) for p in shapes.objects(shape, SH.property))
    return {s for s in out if s.startswith(SCS)}


def test_every_shape_has_an_invalid_case(shapes: Graph) -> None:
    covered = set().union(*(expected(p) for p in INVALID))
    needed = {"scs:" + s.removeprefix(SCS) for s in reportable_shapes(shapes)}
    assert len(needed) > 60
    assert needed - covered == set()


def test_every_shape_has_bilingual_message(shapes: Graph) -> None:
    missing = []
    for shape in set(shapes.subjects(SH.message, None)) | set(shapes.subjects(SH.property, None)):
        langs = {m.language for m in shapes.objects(shape, SH.message)}
        if not {"en", "zh-Hans"} <= langs:
            missing.append(shape)
    for shape in {s for p in (SH.targetClass, SH.path, SH.sparql) for s in shapes.subjects(p, None)}:
        if isinstance(shape, URIRef) and not {"en", "zh-Hans"} <= {m.language for m in shapes.objects(shape, SH.message)}:
            missing.append(shape)
    assert missing == []


def test_subclass_targeting_needs_the_ontology(shapes: Graph, ontology: Graph) -> None:
    # A maker space with no label: found only because sc:MakerSpace ⊑ sc:Organization.
    data = Graph().parse(
        data="""@prefix sc: <https://w3id.org/sckg/ontology#> . @prefix id: <https://w3id.org/sckg/id/> .
        id:org-x a sc:MakerSpace ; sc:mentionedIn id:article-test .""",
        format="turtle",
    )
    data += Graph().parse(CASES / "common.ttl")
    with_ontology = validate(data, shapes=shapes, ontology=ontology)
    assert "scs:ZhHansLabelShape" in {v.source_shape for v in with_ontology.violations}
    without = validate(data, shapes=shapes, ontology=Graph())
    assert "scs:ZhHansLabelShape" not in {v.source_shape for v in without.violations}


def test_dataset_named_graphs_are_merged(shapes: Graph, ontology: Graph) -> None:
    ds = Dataset()
    ds.graph(URIRef("https://w3id.org/sckg/graph/test")).parse(CASES / "common.ttl")
    ds.graph(URIRef("https://w3id.org/sckg/graph/other")).parse(CASES / "invalid" / "obs-no-value.ttl")
    result = validate(ds, shapes=shapes, ontology=ontology)
    assert not result.conforms
    assert {v.source_shape for v in result.violations} == {"scs:ObsValueShape"}


def test_report_is_grouped_bilingual_and_turtle(shapes: Graph, ontology: Graph) -> None:
    result = validate(case_graph(CASES / "invalid" / "obs-level-exceeds-total.ttl"), shapes=shapes, ontology=ontology)
    text = format_report(result)
    assert "[Violation] scs:LevelWithinTotalShape (1)" in text
    assert "id:obs-test-12" in text and "各级合计" in text and "accreditation level" in text
    report = Graph().parse(data=format_turtle(result), format="turtle")
    assert len(list(report.subjects(SH.sourceShape, URIRef(SCS + "LevelWithinTotalShape")))) == 1


def test_warnings_do_not_break_conformance(shapes: Graph, ontology: Graph) -> None:
    result = validate(case_graph(CASES / "invalid" / "duplicate.ttl"), shapes=shapes, ontology=ontology)
    assert result.conforms
    assert [v.severity for v in result.violations] == ["Warning", "Warning"]
    assert result.errors == [] and len(result.warnings) == 2


def test_bad_shapes_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl"):
        load_shapes(tmp_path)
    with pytest.raises(InputError, match="no shapes"):
        load_shapes(tmp_path / "missing")


def test_the_gazetteer_graph_conforms_on_its_own(shapes: Graph, ontology: Graph) -> None:
    """Every place of graph:gazetteer carries its provenance (a division code or an exact
    match to GeoNames or Wikidata), so a dump validates whole (`sckg validate data/sckg.trig`)."""
    from sckg.pipeline import _gazetteer
    from sckg.rdf.gazetteer import gazetteer_graph

    result = validate(gazetteer_graph(_gazetteer()), shapes=shapes, ontology=ontology)
    assert result.conforms, format_report(result)
