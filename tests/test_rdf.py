"""Tests of the rdf stage (src/sckg/rdf): golden article graphs, legal IRIs, labels,
mention offsets into the original text, deterministic TriG.

Golden cases are folders ``tests/golden/<case>/`` with ``input.txt`` (a small article
written for the tests) and ``expected.ttl`` (the article's named graph, without the
ontology and gazetteer graphs). ``pytest --update-golden`` rewrites expected.ttl.
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sckg import pipeline
from sckg.normalize import normalize_text
from sckg.normalize.decode import read_text
from sckg.rdf.iris import ID, OA, ORG, SC, article_graph
from sckg.rdf.trig import trig_bytes

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.txt").is_file())
PN_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")


def _case_article(case: str):
    path = GOLDEN / case / "input.txt"
    text, encoding = read_text(path)
    return normalize_text(text, article_id="golden_" + case.replace("-", "_"), path=str(path),
                          encoding=encoding)


def _hans(g: Graph, node) -> str | None:
    """The zh-Hans label of ``node``."""
    return next((str(o) for o in g.objects(node, RDFS.label) if getattr(o, "language", None) == "zh-Hans"), None)


def _roundtrip(g: Graph) -> Graph:
    """``g`` as it reads back from Turtle (literals in their written lexical form)."""
    return Graph().parse(data=g.serialize(format="turtle"), format="turtle")


def _article_graph(ds, article) -> Graph:
    g = Graph()
    for triple in ds.graph(article_graph(article.id)):
        g.add(triple)
    for prefix, ns in ds.namespaces():
        g.bind(prefix, ns, override=True)
    return g


@pytest.fixture(scope="module")
def built(gazetteer):
    """Each golden case built on its own: ``case → (article, dataset)``."""
    out = {}
    for case in CASES:
        article = _case_article(case)
        ds, _ = pipeline.build_dataset([article], gazetteer)
        out[case] = (article, ds)
    return out


TRADITIONAL_BODY = [
    "甘肅省科學技術廳副廳長錢志遠說,全省眾創空間要提升專業化服務水準。",
    "蘭州大學的創(chuàng)業(yè)團隊入駐了蘭州新區眾創空間。",
]


@pytest.fixture(scope="module")
def traditional(gazetteer):
    """An article written in traditional characters with pinyin annotations."""
    text = "\n\n".join(["甘肅舉辦眾創空間交流會", "2022-04-02  來源:甘肅日報"]
                       + ["  " + b for b in TRADITIONAL_BODY]) + "\n"
    article = normalize_text(text, article_id="980_traditional")
    ds, _ = pipeline.build_dataset([article], gazetteer)
    return article, ds


def test_golden_cases_exist():
    assert {"training-course", "figures-part-whole", "competition-winner"} <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_golden(case, built, update_golden):
    article, ds = built[case]
    got = _roundtrip(_article_graph(ds, article))
    expected_path = GOLDEN / case / "expected.ttl"
    if update_golden:
        expected_path.write_text(got.serialize(format="turtle"), encoding="utf-8")
    assert expected_path.is_file(), f"{expected_path} missing: run pytest --update-golden"
    expected = Graph().parse(expected_path, format="turtle")
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        lines = sorted(f"+ {t}" for t in only_got.serialize(format="nt").splitlines() if t) + \
            sorted(f"- {t}" for t in only_expected.serialize(format="nt").splitlines() if t)
        pytest.fail(f"{case}: article graph differs from expected.ttl\n" + "\n".join(lines[:60]))


# --------------------------------------------------------------------------- what the cases say


def test_training_course_posts(built):
    article, ds = built["training-course"]
    g = _article_graph(ds, article)
    posts = set()
    for m in g.subjects(RDF.type, ORG.Membership):
        posts.add((_hans(g, g.value(m, ORG.member)), _hans(g, g.value(m, ORG.role)),
                   _hans(g, g.value(m, ORG.organization))))
    assert ("马建华", "党组成员", "青海省科学技术厅") in posts
    assert ("马建华", "副厅长", "青海省科学技术厅") in posts
    assert ("李国庆", "副主任", "西宁经济技术开发区管理委员会") in posts, posts
    assert ("赵振宇", "教授", "青海大学") in posts, posts
    course = next(g.subjects(RDF.type, SC.TrainingCourse))
    assert g.value(course, SC.edition).toPython() == 2
    assert str(g.value(course, SC.startDate)) == "2022-08-17"
    assert str(g.value(course, SC.endDate)) == "2022-08-19"


def test_names_of_press_and_universities_are_kept(built):
    """青海日报 and 青海大学 are proper names: no 省 is put into them."""
    labels = set()
    for case in ("training-course", "competition-winner"):
        article, ds = built[case]
        g = _article_graph(ds, article)
        labels |= {str(o) for o in g.objects(None, RDFS.label) if getattr(o, "language", None) == "zh-Hans"}
    assert {"青海日报", "青海大学", "陕西日报"} <= labels, sorted(labels)
    assert not {"青海省日报", "青海省大学", "陕西省日报"} & labels


def test_figures_part_and_whole(built):
    article, ds = built["figures-part-whole"]
    g = _article_graph(ds, article)
    obs = {str(g.value(o, SC.quote)): o for o in g.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#Observation"))}
    whole = next(o for q, o in obs.items() if "150家" in q)
    part = next(o for q, o in obs.items() if "28家" in q)
    assert g.value(part, SC.partOfFigure) == whole
    assert g.value(whole, SC.partOfFigure) is None
    assert g.value(part, SC.accreditationLevel) == SC.NationalLevel
    assert g.value(whole, SC.value).toPython() == 150
    assert g.value(whole, SC.refArea) == ID["place-360000"]
    target = next(o for q, o in obs.items() if "2025" in q)
    assert g.value(target, SC.figureStatus) == SC.Target
    for o in obs.values():
        q0, q1 = g.value(o, SC.quoteStart).toPython(), g.value(o, SC.quoteEnd).toPython()
        assert article.original[q0:q1] == str(g.value(o, SC.quote))


def test_figures_without_a_stated_level_have_none(built):
    """在孵企业 and 就业 of 全省众创空间 are not about provincial-level maker spaces."""
    article, ds = built["figures-part-whole"]
    g = _article_graph(ds, article)
    for o in g.subjects(SC.quote, None):
        quote = str(g.value(o, SC.quote))
        if "在孵企业" in quote or "就业" in quote:
            assert g.value(o, SC.accreditationLevel) is None, quote


def test_competition_winner(built):
    article, ds = built["competition-winner"]
    g = _article_graph(ds, article)
    awards = list(g.subjects(RDF.type, SC.Award))
    assert len(awards) == 1
    award = awards[0]
    assert _hans(g, g.value(award, SC.winner)) == "杨晓东"
    competition = g.value(award, SC.awardedIn)
    assert (competition, RDF.type, SC.Competition) in g
    assert g.value(competition, SC.edition).toPython() == 5
    assert g.value(award, SC.prize) == Literal("一等奖", lang="zh-Hans")


# --------------------------------------------------------------------------- general properties


def _all_graphs(built, traditional):
    for article, ds in [*built.values(), traditional]:
        yield article, _article_graph(ds, article)


def test_iris_are_legal_prefixed_names(built, traditional):
    for _, g in _all_graphs(built, traditional):
        for term in {t for triple in g for t in triple if isinstance(t, URIRef)}:
            if str(term).startswith(str(ID)):
                local = str(term)[len(str(ID)):]
                assert "/" not in local and PN_LOCAL.match(local), term


def _entities(g: Graph) -> set:
    return {s for s in g.subjects(SC.mentionedIn, None)
            if (s, RDF.type, ORG.Membership) not in g}


def test_exactly_one_simplified_label_per_entity(built, traditional):
    for _, g in _all_graphs(built, traditional):
        for ent in _entities(g):
            hans = [o for o in g.objects(ent, RDFS.label) if getattr(o, "language", None) == "zh-Hans"]
            assert len(hans) == 1, (ent, hans)


def test_traditional_labels_only_from_traditional_sources(built, traditional):
    for case, (article, ds) in built.items():
        g = _article_graph(ds, article)
        hant = [(s, o) for s, o in g.subject_objects(RDFS.label) if getattr(o, "language", None) == "zh-Hant"]
        assert not hant, f"{case}: zh-Hant labels from a simplified source: {hant[:3]}"
    article, ds = traditional
    assert article.traditional
    g = _article_graph(ds, article)
    s2t = opencc.OpenCC("s2t")
    person = next(s for s in g.subjects(RDF.type, SC.Person)
                  if _hans(g, s) == "钱志远")
    labels = {o.language: str(o) for o in g.objects(person, RDFS.label)}
    assert labels["zh-Hans"] == "钱志远"
    assert labels["zh-Hant"] == "錢志遠"
    assert s2t.convert("钱志远") == "錢志遠"


def test_mentions_point_into_the_original_text(built, traditional):
    for article, g in _all_graphs(built, traditional):
        annotations = list(g.subjects(RDF.type, OA.Annotation))
        assert annotations
        for ann in annotations:
            target = g.value(ann, OA.hasTarget)
            assert g.value(target, OA.hasSource) == ID[f"article-{article.id}"]
            selectors = list(g.objects(target, OA.hasSelector))
            pos = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in g)
            quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in g)
            start, end = g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()
            assert 0 <= start < end <= len(article.original)
            assert article.original[start:end] == str(g.value(quote, OA.exact)), ann
            assert g.value(ann, OA.hasBody) is not None


def test_traditional_mention_spans_pinyin_annotations(traditional):
    """创业 written 創(chuàng)業(yè): the mention's quote is the original stretch, annotations and all."""
    article, ds = traditional
    g = _article_graph(ds, article)
    exacts = {str(o) for o in g.objects(None, OA.exact)}
    assert "甘肅省科學技術廳" in exacts
    assert "蘭州大學" in exacts


def test_trig_bytes_are_deterministic(built):
    _, ds = built["competition-winner"]
    first = trig_bytes(ds, pipeline.NAMESPACES)
    assert first == trig_bytes(ds, pipeline.NAMESPACES)
    assert first == pipeline.serialize(ds)
    text = first.decode("utf-8")
    assert "graph:golden_competition_winner {" in text
    assert "_:" not in text.split("graph:golden_competition_winner {")[1].split("}")[0]


def test_trig_bytes_same_for_a_rebuild(built, gazetteer):
    article = _case_article("training-course")
    ds, _ = pipeline.build_dataset([article], gazetteer)
    _, before = built["training-course"]
    assert pipeline.serialize(ds) == pipeline.serialize(before)


def test_a_span_naming_two_bodies_gives_each_its_own_annotation(gazetteer):
    """青禾经开区李明主任: the span names the zone and, through the post, its 管理委员会. Each
    body gets an annotation of its own (one oa:hasBody each), so the shapes pass and
    nothing of the article is held back."""
    from sckg.validate import validate

    text = ("西岭市考察青禾经开区\n\n2023-05-06  来源:西岭日报\n\n"
            "  日前,西岭市副市长王立新一行考察了青禾经开区。青禾经开区李明主任陪同参观了孵化器。\n")
    article = normalize_text(text, article_id="981_zone_head")
    ds, _ = pipeline.build_dataset([article], gazetteer)
    g = _article_graph(ds, article)
    spans: dict[tuple[int, int], set] = {}
    for ann in g.subjects(RDF.type, OA.Annotation):
        assert len(list(g.objects(ann, OA.hasBody))) == 1, ann
        pos = next(s for s in g.objects(g.value(ann, OA.hasTarget), OA.hasSelector)
                   if (s, RDF.type, OA.TextPositionSelector) in g)
        span = (g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython())
        spans.setdefault(span, set()).add(g.value(ann, OA.hasBody))
    shared = {span: bodies for span, bodies in spans.items() if len(bodies) > 1}
    assert shared and all(article.original[s:e] == "青禾经开区" for s, e in shared), spans
    assert validate(ds).conforms
