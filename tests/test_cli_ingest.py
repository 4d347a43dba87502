"""``sckg ingest`` and ``sckg figures`` on a real store and a real endpoint."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from sckg import load, serve
from sckg.cli import main

ROOT = Path(__file__).resolve().parents[1]
NEW_ARTICLE = ROOT / "tests" / "articles" / "unseen" / "903_8e2b74c19f06d3a5.txt"
GRAPH = "https://w3id.org/sckg/graph/903_8e2b74c19f06d3a5"


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    """A fresh store holding the committed dataset."""
    path = tmp_path / "store"
    load.build_store(ROOT / "data" / "sckg.trig", path)
    return path


def select(url: str, query: str) -> list[dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def graph_size(store: Path) -> int:
    db = load.open_read_only(store)
    return len(list(db.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH))))


def test_ingested_article_is_queryable_at_the_endpoint(store: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(NEW_ARTICLE), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "triples into" in result.output
    with serve.start(store) as server:
        people = select(server.query_url, f"""
            PREFIX sc: <https://w3id.org/sckg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT DISTINCT ?name WHERE {{ GRAPH <{GRAPH}> {{ ?p a sc:Person ; rdfs:label ?name }}
              FILTER(langMatches(lang(?name), "zh-Hans")) }}""")
        figures = select(server.query_url, f"""
            PREFIX qb: <http://purl.org/linked-data/cube#>
            SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?o a qb:Observation }} }}""")
    names = {row["name"]["value"] for row in people}
    assert {"巴特尔", "刘振华", "高敏"} <= names
    assert int(figures[0]["n"]["value"]) >= 10


def test_ingesting_twice_replaces_and_never_duplicates(store: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(NEW_ARTICLE), "--store", str(store)]).exit_code == 0
    first = graph_size(store)
    dump_after_first = load.dump(store)
    assert runner.invoke(main, ["ingest", str(NEW_ARTICLE), "--store", str(store)]).exit_code == 0
    assert graph_size(store) == first > 0
    assert load.dump(store) == dump_after_first


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary\x00" * 50])
def test_a_rejected_article_leaves_the_store_as_it_was(store: Path, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "905_badbadbadbadbad0.txt"
    bad.write_bytes(content)
    before = load.dump(store)
    result = CliRunner().invoke(main, ["ingest", str(bad), "--store", str(store)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert "Traceback" not in result.output
    assert load.dump(store) == before


def test_figures_csv_has_every_observation_with_labelled_columns(store: Path) -> None:
    result = CliRunner().invoke(main, ["figures", "--csv", "--store", str(store)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 130
    assert len({r["observation"] for r in rows}) == len(rows)
    yunnan = [r for r in rows if r["value"] == "167" and r["carrier_type"] == "MakerSpace"]
    assert yunnan and yunnan[0]["level"] == "ProvincialLevel" and yunnan[0]["code"] == "530000"
    assert yunnan[0]["date"] == "2020" and yunnan[0]["unit"] == "NUM"
    money = [r for r in rows if r["quote"].endswith("1.5亿元")]
    assert money and money[0]["value"] == "150000000" and money[0]["unit"] == "CNY"


def graph_triples(store: Path, graph: str) -> int:
    db = load.open_read_only(store)
    return len(list(db.quads_for_pattern(None, None, None, ox.NamedNode(graph))))


@pytest.mark.parametrize("reserved", ["gazetteer", "ontology", "curated", "Ontology"])
def test_an_article_named_like_a_reserved_graph_never_replaces_it(
        store: Path, tmp_path: Path, reserved: str) -> None:
    runner = CliRunner()
    curated = tmp_path / "mine.ttl"
    curated.write_text("@prefix sc: <https://w3id.org/sckg/ontology#> .\n"
                       "<https://w3id.org/sckg/id/place-540000> <http://www.w3.org/2000/01/rdf-schema#comment> \"mine\" .\n", encoding="utf-8")
    assert runner.invoke(main, ["add", str(curated), "--store", str(store)]).exit_code == 0
    own = {g: graph_triples(store, load.GRAPH_NS + g) for g in ("gazetteer", "ontology", "curated")}
    assert all(own.values())
    article = tmp_path / f"{reserved}.txt"
    article.write_bytes(NEW_ARTICLE.read_bytes())
    result = runner.invoke(main, ["ingest", str(article), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert {g: graph_triples(store, load.GRAPH_NS + g) for g in own} == own
    graph = result.stdout.split("triples into ")[1].split()[0]
    assert graph.startswith(load.GRAPH_NS + reserved + "-") and graph_triples(store, graph) > 100


def test_a_different_text_under_a_taken_id_is_refused_unless_replace(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(NEW_ARTICLE), "--store", str(store)]).exit_code == 0
    before = load.dump(store)
    other = tmp_path / NEW_ARTICLE.name
    other.write_bytes((NEW_ARTICLE.parent / "902_3f8d61b0e59a2c47.txt").read_bytes())
    refused = runner.invoke(main, ["ingest", str(other), "--store", str(store)])
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1 and "--replace" in refused.stderr and str(other) in refused.stderr
    assert load.dump(store) == before
    replaced = runner.invoke(main, ["ingest", str(other), "--store", str(store), "--replace"])
    assert replaced.exit_code == 0, replaced.output
    assert load.dump(store) != before and graph_triples(store, GRAPH) > 0


def test_the_same_text_under_another_name_is_not_added_twice(store: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(NEW_ARTICLE), "--store", str(store)]).exit_code == 0
    before = load.dump(store)
    copy = tmp_path / "a-copy-of-it.txt"
    copy.write_bytes(NEW_ARTICLE.read_bytes())
    result = runner.invoke(main, ["ingest", str(copy), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert f"already in the store as <{GRAPH}>" in result.stdout
    assert load.dump(store) == before


WUXI = ("无锡举办第五届创新创业大赛决赛\n本报讯 日前，第五届创新创业大赛决赛在无锡举行。市科技局局长周文彬出席并致辞。"
        "区科技局副局长林海涛介绍了大赛情况。全市共有120个项目报名参赛。\n")
CHENGDU = ("成都举办第五届创新创业大赛决赛\n本报讯 日前，第五届创新创业大赛决赛在成都举行。市科技局局长周文彬出席并致辞。"
           "区科技局副局长林海涛介绍了大赛情况。全市共有98个项目报名参赛。\n")
CHANGZHOU = ("常州召开科技工作会议\n本报讯 日前，常州市召开科技工作会议。科学技术部副部长陈立新出席会议并讲话。"
             "副市长周文彬主持会议。\n")


def _nodes_labelled(store: Path, label: str) -> dict[str, set[str]]:
    """Each node labelled ``label`` and the graphs that say so."""
    db = load.open_read_only(store)
    found: dict[str, set[str]] = {}
    for q in db.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                                  ox.Literal(label, language="zh-Hans"), None):
        if isinstance(q.graph_name, ox.NamedNode):
            found.setdefault(q.subject.value, set()).add(q.graph_name.value)
    return found


def test_ingest_never_takes_another_place_s_namesake_for_its_own(store: Path, tmp_path: Path) -> None:
    # One name, two things: 周文彬 of a Jiangsu article and of a Sichuan one; each city's 第五届创新创业大赛;
    # each article's 区科技局, whose district neither names. Ingested one after the other, they stay apart,
    # and each post stays whole (one member, one organisation), so nothing is held back.
    runner = CliRunner()
    for name, text in (("wuxi_contest", WUXI), ("chengdu_contest", CHENGDU)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        result = runner.invoke(main, ["ingest", str(tmp_path / f"{name}.txt"), "--store", str(store)])
        assert result.exit_code == 0, result.output
    for label in ("周文彬", "林海涛", "第五届创新创业大赛", "区科学技术局"):
        nodes = _nodes_labelled(store, label)
        assert len(nodes) == 2 and all(len(graphs) == 1 for graphs in nodes.values()), (label, nodes)
    # Another Jiangsu article's 周文彬 is Jiangsu's; a national ministry's 陈立新 is the country's, unsuffixed.
    (tmp_path / "changzhou.txt").write_text(CHANGZHOU, encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(tmp_path / "changzhou.txt"), "--store", str(store)]).exit_code == 0
    zhou = _nodes_labelled(store, "周文彬")
    assert len(zhou) == 2 and max(len(g) for g in zhou.values()) == 2, zhou
    assert [iri.rsplit("/", 1)[1] for iri in _nodes_labelled(store, "陈立新")] == ["person-chen-li-xin"]


def test_replace_warns_when_curated_statements_lose_what_they_name(store: Path, tmp_path: Path) -> None:
    # A user's note names a person only the first version of an article gives. Replacing that
    # article with a text without her keeps the note (nothing of the user's is removed) and
    # says so on stderr, naming her, instead of leaving the note silently dangling.
    runner = CliRunner()
    article = tmp_path / "wuxi_contest.txt"
    article.write_text(WUXI, encoding="utf-8")
    assert runner.invoke(main, ["ingest", str(article), "--store", str(store)]).exit_code == 0
    [lin] = _nodes_labelled(store, "林海涛")
    note = tmp_path / "note.ttl"
    note.write_text(f'<{lin}> <http://www.w3.org/2000/01/rdf-schema#comment> "checked by phone"@en .\n',
                    encoding="utf-8")
    assert runner.invoke(main, ["add", str(note), "--store", str(store)]).exit_code == 0
    article.write_text(WUXI.replace("区科技局副局长林海涛介绍了大赛情况。", ""), encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(article), "--store", str(store), "--replace"])
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert str(article) in warning and f"<{lin}>" in warning and "1 curated statements" in warning
    assert _nodes_labelled(store, "林海涛") == {}
    db = load.open_read_only(store)
    kept = [q.graph_name.value for q in db.quads_for_pattern(ox.NamedNode(lin), None, None, None)
            if isinstance(q.graph_name, ox.NamedNode)]
    assert kept == [load.GRAPH_NS + "curated"]
    # A later replacement warns only of what it drops itself: 林海涛 went with the one before.
    article.write_text(WUXI.replace("全市共有120个项目", "全市共有121个项目"), encoding="utf-8")
    again = runner.invoke(main, ["ingest", str(article), "--store", str(store), "--replace"])
    assert again.exit_code == 0 and "warning" not in again.stderr, again.output
