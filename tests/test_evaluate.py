"""Tests of the scorer (sckg.evaluate, ``sckg eval``) and of the gold annotations."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

import sckg.cli.evaluate  # noqa: F401 -- registers ``sckg eval``
from sckg.cli import main
from sckg.evaluate import evaluate, format_table, load_gold, norm, result_json

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "evaluate"
GOLD = FIX / "gold"
SC = Namespace("https://w3id.org/sckg/ontology#")
ID = Namespace("https://w3id.org/sckg/id/")
ARTICLE = ID["article-100_0123456789abcdef"]
GRAPH = URIRef("https://w3id.org/sckg/graph/100_0123456789abcdef")
ORG = Namespace("http://www.w3.org/ns/org#")


def variant(tmp_path: Path, remove=(), add=(), drop_subjects=()) -> Path:
    """perfect.trig with triples removed and added, written to a new TriG file."""
    ds = Dataset()
    ds.parse(FIX / "perfect.trig", format="trig")
    g = ds.graph(GRAPH)
    for s in drop_subjects:
        g.remove((s, None, None))
    for t in remove:
        g.remove(t)
    for t in add:
        g.add(t)
    out = tmp_path / "variant.trig"
    ds.serialize(out, format="trig")
    return out


def score(path: Path, ontology=str(ROOT / "ontology")):
    return evaluate(GOLD, path, ontology)


def test_perfect_prediction_scores_one():
    r = score(FIX / "perfect.trig")
    assert all(s.precision == 1.0 and s.recall == 1.0 for s in r.entity_scores().values())
    assert set(r.entity_scores()) == {"Person", "GovernmentAgency", "InnovationCarrier", "Event", "Place"}
    assert (r.entities_total().tp, r.entities_total().fp, r.entities_total().fn) == (5, 0, 0)
    assert r.posts_total().f1 == 1.0 and r.figures_total().f1 == 1.0
    assert all(c == t == 3 for c, t in r.attributes_total().values())
    assert r.carrier_counts_total() == (2, 2)
    assert not any(a.missing or a.spurious or a.wrong for a in r.articles)


def test_missing_entity_lowers_recall(tmp_path):
    r = score(variant(tmp_path, drop_subjects=[ID["carrier-xueyu"]]))
    assert r.entity_scores()["InnovationCarrier"].recall == 0.0
    assert r.entities_total().recall == pytest.approx(4 / 5)
    assert r.entities_total().precision == 1.0
    assert [i.text for i in r.articles[0].missing] == ["雪域众创空间"]


def test_spurious_entity_lowers_precision(tmp_path):
    site = ID["media-zhongguo-xizang-wang"]
    r = score(variant(tmp_path, add=[(site, RDF.type, SC.MediaOutlet),
                                     (site, RDFS.label, Literal("中国西藏网", lang="zh-Hans")),
                                     (site, SC.mentionedIn, ARTICLE)]))
    assert r.entity_scores()["MediaOutlet"].fp == 1
    assert r.entities_total().precision == pytest.approx(5 / 6)
    assert r.entities_total().recall == 1.0
    assert [(i.category, i.text) for i in r.articles[0].spurious] == [("MediaOutlet", "中国西藏网")]


def test_alias_and_punctuation_match(tmp_path):
    agency = ID["agency-xizang-kejiting"]
    r = score(variant(tmp_path,
                      remove=[(agency, RDFS.label, Literal("西藏自治区科学技术厅", lang="zh-Hans"))],
                      add=[(agency, RDFS.label, Literal("自治区科技厅", lang="zh-Hans")),
                           (ID["place-540100"], RDFS.label, Literal("拉 萨 市", lang="zh-Hans"))]))
    assert r.entities_total().f1 == 1.0
    assert r.posts_total().f1 == 1.0  # the post's organisation matched through the alias too


def test_optional_items_neither_required_nor_spurious(tmp_path):
    linzhi = ID["place-540400"]
    obs = ID["obs-100_0123456789abcdef-9"]
    r = score(variant(tmp_path, add=[
        (linzhi, RDF.type, SC.Place), (linzhi, RDFS.label, Literal("林芝市", lang="zh-Hans")),
        (linzhi, SC.mentionedIn, ARTICLE),
        (obs, RDF.type, URIRef("http://purl.org/linked-data/cube#Observation")),
        (obs, SC.value, Literal(Decimal("3"))), (obs, SC.unit, URIRef("http://qudt.org/vocab/unit/NUM")),
        (obs, SC.sourceArticle, ARTICLE)]))
    assert r.entities_total().fp == 0 and r.figures_total().fp == 0
    assert r.entities_total().recall == 1.0 and r.figures_total().recall == 1.0


def test_wrong_category_is_missing_and_spurious(tmp_path):
    carrier = ID["carrier-xueyu"]
    r = score(variant(tmp_path, remove=[(carrier, RDF.type, SC.MakerSpace)],
                      add=[(carrier, RDF.type, SC.Company)]))
    assert r.entity_scores()["InnovationCarrier"].fn == 1
    assert r.entity_scores()["Company"].fp == 1


def test_subclass_closure_from_dataset_and_builtin_fallback(tmp_path):
    carrier = ID["carrier-xueyu"]
    r = score(variant(tmp_path, remove=[(carrier, RDF.type, SC.MakerSpace)],
                      add=[(carrier, RDF.type, SC.CoworkingSpace),
                           (SC.CoworkingSpace, RDFS.subClassOf, SC.MakerSpace)]))
    assert r.entity_scores()["InnovationCarrier"].tp == 1
    r = score(FIX / "perfect.trig", ontology=None)
    assert r.entities_total().f1 == 1.0


def test_posts_need_person_role_and_organization(tmp_path):
    m = ID["membership-zhang-san-fu-ting-zhang"]
    r = score(variant(tmp_path, remove=[(m, ORG.role, ID["role-fu-ting-zhang"])]))
    assert (r.posts_total().tp, r.posts_total().fp, r.posts_total().fn) == (0, 1, 1)
    r = score(variant(tmp_path, remove=[(m, ORG.organization, ID["agency-xizang-kejiting"])],
                      add=[(m, ORG.organization, ID["carrier-xueyu"])]))
    assert r.posts_total().recall == 0.0
    assert any(i.kind == "post" and "张三/副厅长" in i.text for i in r.articles[0].missing)


def test_figures_value_unit_qualifier_and_attributes(tmp_path):
    obs3, obs2 = ID["obs-100_0123456789abcdef-3"], ID["obs-100_0123456789abcdef-2"]
    r = score(variant(tmp_path, remove=[(obs3, SC.valueQualifier, SC.AtLeast)],
                      add=[(obs3, SC.valueQualifier, SC.Exact)]))
    f = r.figures_total()
    assert (f.tp, f.fp, f.fn) == (2, 1, 1)
    assert f.recall == pytest.approx(2 / 3)
    r = score(variant(tmp_path, remove=[(obs2, SC.accreditationLevel, SC.NationalLevel)],
                      add=[(obs2, SC.accreditationLevel, SC.ProvincialLevel)]))
    assert r.figures_total().f1 == 1.0
    assert r.attributes_total()["level"] == (2, 3)
    assert r.attributes_total()["area"] == (3, 3)
    assert r.carrier_counts_total() == (1, 2)
    assert [i.category for i in r.articles[0].wrong] == ["level"]
    assert r.articles[0].wrong[0].text.endswith("want 'national', found 'provincial'"), r.articles[0].wrong[0].text


def test_table_and_json():
    r = score(FIX / "perfect.trig")
    table = format_table(r)
    assert "InnovationCarrier" in table and "posts" in table and "missing (0):" in table
    doc = result_json(r)
    assert doc["figures"]["recall"] == 1.0 and doc["entities"]["Person"]["tp"] == 1


def test_cli_eval(tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["eval", str(GOLD), "--data", str(FIX / "perfect.trig")])
    assert res.exit_code == 0, res.output
    assert "entities (all)" in res.output and "1.000" in res.output
    res = runner.invoke(main, ["eval", str(GOLD), "--data", str(FIX / "perfect.trig"), "--json"])
    assert json.loads(res.output)["posts"]["f1"] == 1.0
    res = runner.invoke(main, ["eval", str(GOLD), "--data", str(tmp_path / "none.trig")])
    assert res.exit_code == 2
    assert "none.trig" in res.output and "Traceback" not in res.output
    assert "Example:" in runner.invoke(main, ["eval", "--help"]).output


def test_cli_eval_scores_only_the_articles_pulled(tmp_path):
    gold, pulled = tmp_path / "gold", tmp_path / "corpus"
    gold.mkdir(), pulled.mkdir()
    doc = json.loads((GOLD / "100_0123456789abcdef.json").read_text("utf-8"))
    (gold / "100_0123456789abcdef.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (gold / "101_fedcba9876543210.json").write_text(json.dumps(doc | {"article": "101_fedcba9876543210"},
                                                               ensure_ascii=False), "utf-8")
    runner = CliRunner()
    data = ["--data", str(FIX / "perfect.trig"), "--json"]
    every = json.loads(runner.invoke(main, ["eval", str(gold), *data]).output)
    assert len(every["articles"]) == 2 and every["entities_total"]["recall"] < 1.0
    (pulled / "100_0123456789abcdef.txt").write_text("某某\n", "utf-8")
    res = runner.invoke(main, ["eval", str(gold), *data, "--articles", str(pulled)])
    assert res.exit_code == 0, res.output
    scored = json.loads(res.output)
    assert [a["article"] for a in scored["articles"]] == ["100_0123456789abcdef"]
    assert scored["entities_total"]["recall"] == 1.0
    res = runner.invoke(main, ["eval", str(gold), *data, "--articles", str(tmp_path)])
    assert res.exit_code == 2 and "holds none of the articles" in res.output


def test_norm_drops_space_and_punctuation():
    assert norm("“天山众创行动” ") == norm("天山众创行动")
    assert norm("亮风台(云南)人工智能有限公司") == norm("亮风台（云南）人工智能有限公司")


# --------------------------------------------------------------------------- the gold files

TYPES = {"Person", "GovernmentAgency", "PublicInstitution", "Company", "Cooperative", "University",
         "ResearchInstitute", "Association", "MediaOutlet", "InnovationCarrier", "Event",
         "Programme", "Place"}
CLASSES = {
    "InnovationCarrier": {"MakerSpace", "SpecialisedMakerSpace", "TechnologyBusinessIncubator",
                          "StarCreationSpace", "UniversitySciencePark", "Accelerator", "HighTechZone",
                          "EconomicDevelopmentZone", "IncubationBase", "EntrepreneurshipPark",
                          "DemonstrationBase", "TechnologyMarket"},
    "Event": {"Competition", "TrainingCourse", "ActivityWeek", "InspectionVisit", "Meeting"},
    "Programme": {"PolicyDocument", "ActionProgramme", "Plan", "Fund"},
}
UNITS = {"CNY", "m2", "percent", "count", "person-time", "rank"}
QUALIFIERS = {"exact", "at-least", "approximately", "at-most"}
LEVELS = {None, "national", "provincial", "prefectural", "county"}
PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.json")) + sorted(
    (ROOT / "tests" / "gold" / "unseen").glob("*.json"))
# Real articles are not in git: their gold is checked for form always, for quotes where
# the text has been pulled into corpus/ (tests/gold/README.md).
REAL_GOLD = sorted(p for s in ("real", "heldout") for p in (ROOT / "tests" / "gold" / s).glob("*.json")
                   if p.name != "sources.json")
PULLED_GOLD = [p for p in REAL_GOLD if (ROOT / "corpus" / p.parent.name / f"{p.stem}.txt").exists()]
INDICATORS = set(re.findall(r"^\| ([a-z0-9-]+) \|", (ROOT / "tests/gold/README.md").read_text("utf-8"), re.M))
INDICATORS |= {"duration-months", "equipment-value-threshold"}
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def article_file(article_id: str) -> Path:
    for folder in ("seeds", "tests/articles/unseen", "corpus/real", "corpus/heldout"):
        path = ROOT / folder / f"{article_id}.txt"
        if path.exists():
            return path
    raise AssertionError(f"no article file for {article_id}")


def clean_text(path: Path, encoding: str) -> str:
    """The simplified clean text: the normalizer's if it is there, else OpenCC t2s without pinyin."""
    try:
        from sckg.normalize import normalize_file
    except ImportError:
        import opencc

        raw = path.read_bytes().decode(encoding)
        return opencc.OpenCC("t2s").convert(_PINYIN.sub("", raw))
    return normalize_file(path).clean


def test_gold_files_are_there():
    stems = {p.stem for p in GOLD_FILES}
    assert {p.stem for p in (ROOT / "seeds").glob("*.txt")} <= stems
    assert len([p for p in GOLD_FILES if p.parent.name == "unseen"]) >= 4
    assert len(load_gold(ROOT / "tests" / "gold")) == 5


@pytest.mark.parametrize("path", GOLD_FILES + REAL_GOLD, ids=lambda p: p.stem[:4])
def test_gold_file_is_well_formed(path):
    doc = json.loads(path.read_text("utf-8"))
    assert doc["article"] == path.stem
    if path not in REAL_GOLD or path in PULLED_GOLD:
        raw = article_file(path.stem).read_bytes().decode(doc["encoding"])  # the encoding is right
        assert raw
    ents = doc["entities"]
    names = {e["name"]: e for e in ents}
    for e in ents:
        assert e["type"] in TYPES, e
        if e["type"] in CLASSES:
            assert e["class"] in CLASSES[e["type"]], e
        assert e["name"] and isinstance(e["aliases"], list), e
        assert set(e.get("also", [])) <= TYPES, e
    assert len({(e["type"], e["name"]) for e in ents}) == len(ents), "duplicate entities"
    projects = {p["name"] for p in doc.get("projects", [])}
    for post in doc["posts"]:
        assert names.get(post["person"], {}).get("type") == "Person", post
        assert post["organization"] in names or post["organization"] in projects, post
        assert post["role"] and "、" not in post["role"], post
    figs = doc["figures"]
    for i, f in enumerate(figs):
        assert re.fullmatch(r"\d+(\.\d+)?", f["value"]), f
        assert f["unit"] in UNITS and f["qualifier"] in QUALIFIERS, f
        assert f["status"] in {"achieved", "target"} and isinstance(f["cumulative"], bool), f
        if not (f.get("optional") and f["indicator"] is None):  # an optional number no indicator fits
            assert f["indicator"] in INDICATORS, f"indicator {f['indicator']} not listed in tests/gold/README.md"
        assert f["level"] in LEVELS, f
        assert f["area"] is None or names.get(f["area"], {}).get("type") == "Place", f
        assert f["subject"] is None or f["subject"] in names, f
        assert f["period"] is None or PERIOD.match(f["period"]), f
        ct = f["carrier_type"]
        assert ct is None or ct == "InnovationCarrier" or ct in CLASSES["InnovationCarrier"], f
        if f["part_of"] is not None:
            whole = figs[f["part_of"]]
            assert f["part_of"] != i and whole["unit"] == f["unit"], f
            assert Decimal(f["value"]) <= Decimal(whole["value"]), f


@pytest.mark.parametrize("path", GOLD_FILES + PULLED_GOLD, ids=lambda p: p.stem[:4])
def test_gold_quotes_occur_once_in_clean_text(path):
    doc = json.loads(path.read_text("utf-8"))
    text = clean_text(article_file(path.stem), doc["encoding"])
    for f in doc["figures"]:
        assert text.count(f["quote"]) == 1, f["quote"]
        digits = re.sub(r"\D", "", f["quote"])
        assert digits or any(c in f["quote"] for c in "一二两三四五六七八九十百千万亿"), f["quote"]


def test_a_role_written_with_its_body_s_short_name_is_the_bare_role_at_that_body():
    from sckg.evaluate import _forms, _post_matches

    pred = {"person": {"周文彬"}, "role": {"书记"}, "org": {"区委", "中共某某区委"}}
    committee = _forms({"name": "中共某某区委", "aliases": ["区委"]})
    assert _post_matches({"person": "周文彬", "role": "区委书记"}, pred, {"周文彬"}, committee)
    assert _post_matches({"person": "周文彬", "role": "书记"}, pred, {"周文彬"}, committee)
    assert not _post_matches({"person": "周文彬", "role": "副书记"}, pred, {"周文彬"}, committee)
    assert not _post_matches({"person": "周文彬", "role": "市委书记"}, pred, {"周文彬"}, committee)
    assert not _post_matches({"person": "林海涛", "role": "书记"}, pred, {"林海涛"}, committee)
    party = {"person": {"周文彬"}, "role": {"党委书记"}, "org": {"某某工作党委"}}
    assert _post_matches({"person": "周文彬", "role": "书记"}, party, {"周文彬"}, {"某某工作党委"})
    assert not _post_matches({"person": "周文彬", "role": "副书记"}, party, {"周文彬"}, {"某某工作党委"})
    contracted = {"person": {"周文彬"}, "role": {"部长"}, "org": {"中共西岭市委组织部"}}
    assert _post_matches({"person": "周文彬", "role": "组织部长"}, contracted, {"周文彬"}, {"中共西岭市委组织部"})
    assert not _post_matches({"person": "周文彬", "role": "宣传部长"}, contracted, {"周文彬"}, {"中共西岭市委组织部"})


def test_a_county_government_matches_with_its_city_and_without():
    from sckg.evaluate import _forms, _without_city

    assert "某某县人民政府" in _forms({"name": "西岭市某某县人民政府", "aliases": []})
    assert _without_city({"西岭市某某县人民政府"}) == {"某某县人民政府"}
    assert _without_city({"西岭市科学技术局", "某某县人民政府"}) == set()


def test_a_government_matches_in_its_official_and_everyday_form():
    from sckg.evaluate import _forms

    assert "某某区人民政府" in _forms({"name": "某某区政府", "aliases": []})
    assert "某某区政府" in _forms({"name": "某某区人民政府", "aliases": []})
