"""Quarantine (src/sckg/validate/quarantine.py): statements that break the shapes are
held back with what hangs on them, the rest of the article goes in; builds and ingests
write what they held back to refused/. Real pipeline, real SHACL, real stores."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef

from sckg import load, pipeline
from sckg.cli import main
from sckg.validate.quarantine import expand, hold_back

ROOT = Path(__file__).resolve().parents[1]
OA = Namespace("http://www.w3.org/ns/oa#")
ID = Namespace("https://w3id.org/sckg/id/")
SC = Namespace("https://w3id.org/sckg/ontology#")
# The count of one level larger than the count of all levels of the same kind, place and
# date: one misread figure among good ones.
MISREAD = """甘肃省众创空间发展情况通报

截至2022年底，甘肃省共有众创空间50家，国家级众创空间80家。全省众创空间共有创业导师1200人，服务创业团队3000个。
省科学技术厅副厅长王建国表示，将继续支持众创空间建设。
"""
GOOD = ROOT / "tests" / "articles" / "unseen" / "902_3f8d61b0e59a2c47.txt"


def observations(trig_text: str, graph: str) -> int:
    start = trig_text.index(f"graph:{graph} {{")
    return trig_text[start:trig_text.index("\n}\n", start)].count("a qb:Observation")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    seeds = tmp_path / "articles"
    seeds.mkdir()
    (seeds / "misread.txt").write_text(MISREAD, encoding="utf-8")
    (seeds / "good.txt").write_bytes(GOOD.read_bytes())
    return seeds


def test_a_misread_figure_is_held_back_and_the_rest_of_the_article_goes_in(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "data" / "sckg.trig"
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "--out", str(out),
                                       "--store", str(tmp_path / "data" / "store"), "--quiet"])
    assert result.exit_code == 4, result.output
    assert "validation: conforms" in result.stdout
    assert re.search(r"held back: \d+ statements of 1 articles", result.stdout)
    text = out.read_text(encoding="utf-8")
    assert observations(text, "misread") == 3  # the whole (50), the mentors and the teams stay
    assert "王建国" in text and "good {" in text
    held = (tmp_path / "data" / "refused" / "misread.trig").read_text(encoding="utf-8")
    assert "scs:LevelWithinTotalShape" in held and "en: " in held and "zh: " in held
    quads = load.parse_file(tmp_path / "data" / "refused" / "misread.trig")
    assert all(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    values = {q.object.value for q in quads if q.predicate.value == str(SC.value)}
    assert values == {"80.0"}
    readme = (tmp_path / "data" / "refused" / "README").read_text(encoding="utf-8")
    assert re.search(r"held back  misread\.trig  \S*misread\.txt", readme)
    # The store that is served conforms: what was held back is not in it.
    store = load.open_read_only(tmp_path / "data" / "store")
    assert not list(store.quads_for_pattern(None, ox.NamedNode(str(SC.value)), ox.Literal("80.0", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")), None))


def test_strict_replaces_nothing_when_the_shapes_are_broken(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "data" / "sckg.trig"
    out.parent.mkdir()
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "--out", str(out), "--no-store",
                                       "--quiet", "--strict"])
    assert result.exit_code == 1, result.output
    assert "nothing was replaced" in result.stderr and "LevelWithinTotalShape" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in out.parent.iterdir()) == ["sckg.trig"]


def test_a_fixed_held_statement_can_be_added_back(folder: Path, tmp_path: Path) -> None:
    out, store = tmp_path / "data" / "sckg.trig", tmp_path / "data" / "store"
    pipeline.build(folder, out=out, store=store, progress_bar=False)
    held = tmp_path / "data" / "refused" / "misread.trig"
    fixed = tmp_path / "fixed.trig"
    fixed.write_text(held.read_text(encoding="utf-8").replace("sc:value 80.0", "sc:value 8.0"), encoding="utf-8")
    added = CliRunner().invoke(main, ["add", str(fixed), "--store", str(store)])
    assert added.exit_code == 0, added.output
    assert "into <https://w3id.org/sckg/graph/curated>" in added.stdout


def test_holding_back_an_entity_takes_its_mentions_and_the_links_to_it() -> None:
    g = Graph()
    person, place = ID["person-x"], ID["place-620000"]
    g.add((person, SC.mentionedIn, ID["article-a"]))
    g.add((place, SC.mentionedIn, ID["article-a"]))
    for n, body in ((1, person), (2, place)):
        mention, target, pos = ID[f"mention-a-{n}"], ID[f"mention-a-{n}-target"], ID[f"mention-a-{n}-pos"]
        g.add((mention, OA.hasBody, body))
        g.add((mention, OA.hasTarget, target))
        g.add((target, OA.hasSelector, pos))
        g.add((target, OA.hasSource, ID["article-a"]))
        g.add((pos, OA.start, Literal(n)))
    g.add((ID["membership-x"], URIRef("http://www.w3.org/ns/org#member"), person))
    g.add((person, SC.locatedIn, place))
    held = hold_back(g, {person}, keep={ID["article-a"]})
    assert {s for s in held.subjects()} == {person, ID["mention-a-1"], ID["mention-a-1-target"],
                                            ID["mention-a-1-pos"], ID["membership-x"]}
    assert (place, SC.mentionedIn, ID["article-a"]) in g and (ID["mention-a-2"], OA.hasBody, place) in g
    assert not list(g.triples((None, None, person))) and not list(g.triples((person, None, None)))


def test_report_nodes_expand_to_iris() -> None:
    assert expand("id:obs-a-1") == ID["obs-a-1"]
    assert expand("<https://example.org/x>") == URIRef("https://example.org/x")
    assert expand("_:b0") is None and expand("nope:x") is None


def test_ingest_holds_back_what_breaks_the_shapes_unless_all_or_nothing(tmp_path: Path) -> None:
    store = tmp_path / "data" / "store"
    load.build_store(ROOT / "data" / "sckg.trig", store)
    article = tmp_path / "misread.txt"
    article.write_text(MISREAD, encoding="utf-8")
    before = load.dump(store)
    refused = CliRunner().invoke(main, ["ingest", str(article), "--store", str(store), "--all-or-nothing"])
    assert refused.exit_code == 1, refused.output
    assert load.dump(store) == before and not (tmp_path / "data" / "refused").exists()
    held = CliRunner().invoke(main, ["ingest", str(article), "--store", str(store)])
    assert held.exit_code == 4, held.output
    assert "held back" in held.stderr and "triples into" in held.stdout
    graph = ox.NamedNode(load.GRAPH_NS + "misread")
    opened = load.open_read_only(store)
    kinds = [q for q in opened.quads_for_pattern(None, None, ox.NamedNode("http://purl.org/linked-data/cube#Observation"), graph)]
    assert len(kinds) == 3
    assert "LevelWithinTotalShape" in (tmp_path / "data" / "refused" / "misread.trig").read_text(encoding="utf-8")
    assert "misread.trig" in (tmp_path / "data" / "refused" / "README").read_text(encoding="utf-8")
