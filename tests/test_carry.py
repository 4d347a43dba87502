"""Tests of what a rebuild keeps (src/sckg/pipeline/carry.py): ``sckg build`` over a
store carries the curated graphs and the ingested articles into the new store and dump,
checked beside the new build; ``--fresh`` drops them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from sckg import pipeline
from sckg.cli import main
from sckg.pipeline import carry
from sckg.rdf.iris import GRAPH, ID, SC

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "articles" / "unseen"
CURATED = str(GRAPH["curated"])


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def graphs(store: Path) -> set[str]:
    s = ox.Store.read_only(str(store))
    return {g.value for g in s.named_graphs() if isinstance(g, ox.NamedNode)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one article of our own, built into a store; then a curated triple
    added and a second article ingested, as a user would."""
    (tmp_path / "articles").mkdir()
    first, second = sorted(UNSEEN.glob("*.txt"))[:2]
    shutil.copy(first, tmp_path / "articles")
    shutil.copy(second, tmp_path / second.name)
    store, out = tmp_path / "store", tmp_path / "out.trig"
    result = run("build", "--seeds", str(tmp_path / "articles"), "--out", str(out), "--store", str(store), "--quiet")
    assert result.exit_code in (0, 4), result.output
    article = f"article-{first.stem}"
    (tmp_path / "mine.ttl").write_text(
        "@prefix sc: <https://w3id.org/sckg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix id: <https://w3id.org/sckg/id/> .\n"
        f"id:makerspace-qinghe-test a sc:MakerSpace ; rdfs:label \"青禾测试众创空间\"@zh-Hans ;\n"
        f"    sc:mentionedIn id:{article} .\n", encoding="utf-8")
    result = run("add", str(tmp_path / "mine.ttl"), "--store", str(store))
    assert result.exit_code == 0, result.output
    result = run("ingest", str(tmp_path / second.name), "--store", str(store))
    assert result.exit_code in (0, 4), result.output
    return tmp_path


def maker_space(graph: Graph, local: str, label: str, article: URIRef) -> None:
    """A curated maker space, as a user adds one: its class, its name, the article it is in."""
    node = ID[local]
    graph.add((node, RDF.type, SC.MakerSpace))
    graph.add((node, RDFS.label, Literal(label, lang="zh-Hans")))
    graph.add((node, SC.mentionedIn, article))


def rebuild(project: Path, *extra: str):
    return run("build", "--seeds", str(project / "articles"), "--out", str(project / "out.trig"),
               "--store", str(project / "store"), "--quiet", *extra)


def test_a_rebuild_keeps_the_curated_triples_and_the_ingested_articles(project):
    ingested = str(GRAPH[sorted(UNSEEN.glob("*.txt"))[1].stem])
    before = graphs(project / "store")
    assert {CURATED, ingested} <= before
    result = rebuild(project)
    assert result.exit_code in (0, 4), result.output
    assert "kept from the old store: 2 graphs" in result.output
    assert graphs(project / "store") == before
    dump = (project / "out.trig").read_text(encoding="utf-8")
    assert "青禾测试众创空间" in dump and "graph:curated {" in dump
    assert run("validate", str(project / "out.trig")).exit_code == 0


def test_a_rebuild_over_kept_graphs_writes_the_same_bytes(project):
    rebuild(project)
    first = (project / "out.trig").read_bytes()
    rebuild(project)
    assert (project / "out.trig").read_bytes() == first


def test_fresh_builds_from_the_folder_alone(project):
    """--fresh carries nothing of the old store, and writes what it did not carry to
    refused/ (the curated graph as a file `sckg add` takes back), saying so."""
    result = rebuild(project, "--fresh")
    assert result.exit_code in (0, 4), result.output
    assert "kept from the old store" not in result.output
    assert "not carried (--fresh): 2 graphs" in result.output, result.output
    assert CURATED not in graphs(project / "store")
    assert len([g for g in graphs(project / "store") if not g.endswith(("ontology", "gazetteer"))]) == 1
    dropped = project / "refused" / "curated.trig"
    assert "青禾测试众创空间" in dropped.read_text(encoding="utf-8")
    assert "not carried  curated.trig" in (project / "refused" / "README").read_text(encoding="utf-8")
    assert run("add", str(dropped), "--store", str(project / "store")).exit_code == 0


def test_a_kept_statement_that_no_longer_conforms_is_held_back_not_lost(tmp_path):
    """A curated entity whose article the new build no longer has breaks the shapes
    beside it: that entity is held back (to refused/), the curated graph's other
    entities are carried."""
    summary = pipeline.build(UNSEEN, out=tmp_path / "x.trig", store=None, progress_bar=False)
    assert summary.articles
    data = Dataset()
    data.parse(tmp_path / "x.trig", format="trig")
    article = next(s for s, _, _, _ in data.quads((None, RDF.type, SC.Article, None)))
    kept = Graph(identifier=URIRef(CURATED))
    maker_space(kept, "makerspace-qinghe-a", "青禾甲众创空间", article)
    maker_space(kept, "makerspace-qinghe-b", "青禾乙众创空间", ID["article-no-such-article"])
    blocks, held, triples = carry.carried_blocks({CURATED: kept}, (tmp_path / "x.trig").read_bytes(),
                                                 pipeline.NAMESPACES, tmp_path / "store")
    assert [h.article for h in held] == ["curated"] and not held[0].whole
    assert "青禾乙众创空间" in held[0].text and "青禾甲众创空间" not in held[0].text
    assert triples == 3 and "青禾甲众创空间" in blocks[0][2] and "青禾乙众创空间" not in blocks[0][2]


def test_nothing_is_kept_where_there_is_no_store(tmp_path):
    assert carry.graphs_to_keep(tmp_path / "none", set()) == {}
    assert carry.graphs_to_keep(None, set()) == {}


def test_what_an_earlier_build_held_back_outlives_the_next_build(project):
    """refused/curated.trig (curated statements an earlier rebuild held back: in no store
    any more) and a user's own file there are carried into the new refused/; the held
    file of an article the build makes again is made anew, not carried."""
    refused = project / "refused"
    refused.mkdir(exist_ok=True)
    (refused / "curated.trig").write_text("# held\nid:a id:b id:c .\n", encoding="utf-8")
    (refused / "notes.txt").write_text("to check\n", encoding="utf-8")
    built = sorted((project / "articles").glob("*.txt"))[0].stem
    (refused / f"{built}.trig").write_text("# stale\n", encoding="utf-8")
    result = rebuild(project)
    assert result.exit_code in (0, 4), result.output
    assert (refused / "curated.trig").read_text(encoding="utf-8").endswith("id:a id:b id:c .\n")
    assert (refused / "notes.txt").read_text(encoding="utf-8") == "to check\n"
    assert not (refused / f"{built}.trig").exists() or "# stale" not in (refused / f"{built}.trig").read_text("utf-8")
    readme = (refused / "README").read_text(encoding="utf-8")
    assert "kept       curated.trig" in readme and "kept       notes.txt" in readme
    first = (refused / "curated.trig").read_bytes()
    rebuild(project)
    assert (refused / "curated.trig").read_bytes() == first  # carried again, not appended to itself


def test_a_graph_of_the_user_s_own_under_curated_rebuilds(project):
    """A graph under graph:curated/ (whose name is no prefixed name) is written whole in
    the dump, which the store then loads."""
    (project / "own.ttl").write_text(
        "@prefix sc: <https://w3id.org/sckg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/sckg/id/makerspace-qinghe-own> a sc:MakerSpace ;"
        " rdfs:label \"青禾自有众创空间\"@zh-Hans ;\n"
        f"    sc:mentionedIn <https://w3id.org/sckg/id/article-{sorted(UNSEEN.glob('*.txt'))[0].stem}> .\n",
        encoding="utf-8")
    own = f"{CURATED}/mine"
    assert run("add", str(project / "own.ttl"), "--graph", own, "--store", str(project / "store")).exit_code == 0
    result = rebuild(project)
    assert result.exit_code in (0, 4), result.output
    assert own in graphs(project / "store")
    assert f"<{own}> {{" in (project / "out.trig").read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["store", "out", "seeds"])
def test_a_build_refuses_to_overwrite_what_is_not_its_own(tmp_path, where):
    """A store folder that is no store, a dump inside the articles' folder or the store,
    or named as no TriG file: a one-line error, and every file as it was."""
    articles = tmp_path / "articles"
    articles.mkdir()
    article = sorted(UNSEEN.glob("*.txt"))[0]
    shutil.copy(article, articles)
    results = tmp_path / "results"
    results.mkdir()
    (results / "analysis.csv").write_text("a,b\n", encoding="utf-8")
    out, store = {"store": (tmp_path / "x.trig", results),
                  "out": (articles / article.name, tmp_path / "st"),
                  "seeds": (articles / "x.trig", tmp_path / "st")}[where]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["build", "--seeds", str(articles), "--out", str(out), "--store", str(store),
                                       "--quiet"])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "sckg build:" in result.output, result.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_carried_graph_is_checked_beside_the_other_carried_graphs(tmp_path):
    """A curated graph that names an article only an ingested (carried) graph holds is
    no violation because another carried graph breaks the shapes: only the breaking
    graph's statement is held back."""
    summary = pipeline.build(UNSEEN, out=tmp_path / "x.trig", store=None, progress_bar=False)
    assert summary.articles
    ingested, mentions = Graph(identifier=URIRef(str(GRAPH["ingested-one"]))), ID["article-ingested-one"]
    source = Dataset()
    source.parse(tmp_path / "x.trig", format="trig")
    article = next(s for s, _, _, _ in source.quads((None, RDF.type, SC.Article, None)))
    for _, p, o, _ in source.quads((article, None, None, None)):
        ingested.add((mentions, p, o))
    assert (mentions, RDF.type, SC.Article) in ingested
    good, bad = Graph(identifier=URIRef(f"{CURATED}/a")), Graph(identifier=URIRef(f"{CURATED}/b"))
    maker_space(good, "makerspace-qinghe-c", "青禾丙众创空间", mentions)
    maker_space(bad, "makerspace-qinghe-d", "青禾丁众创空间", ID["article-no-such-article"])
    kept = {str(g.identifier): g for g in (ingested, good, bad)}
    blocks, held, _ = carry.carried_blocks(kept, (tmp_path / "x.trig").read_bytes(), pipeline.NAMESPACES,
                                           tmp_path / "store")
    assert [h.article for h in held] == ["curated.b"], "\n".join(h.report for h in held)
    assert any("青禾丙众创空间" in text for _name, _prefixes, text in blocks)


def test_a_rebuild_says_when_an_article_file_replaces_another_text_of_its_id(project):
    """An ingested article's id taken by a file of the folder with another text: the
    file's text is built, and the build warns that it replaced the store's."""
    first, second = sorted(UNSEEN.glob("*.txt"))[:2]
    other = sorted(UNSEEN.glob("*.txt"))[2]
    shutil.copy(other, project / "articles" / second.name)
    result = rebuild(project)
    assert result.exit_code in (0, 4), result.output
    assert f"<{GRAPH[second.stem]}>: the old store held another text" in result.output, result.output
    assert f"<{GRAPH[first.stem]}>: the old store" not in result.output


def test_strict_replaces_nothing_when_a_carried_graph_breaks(project):
    """--strict stops at a shape violation: a carried graph that breaks beside the new
    build stops the build, and the store and dump stay as they were."""
    store = ox.Store(str(project / "store"))
    store.add(ox.Quad(ox.NamedNode(str(ID["makerspace-qinghe-bare"])), ox.NamedNode(str(RDF.type)),
                      ox.NamedNode(str(SC.MakerSpace)), ox.NamedNode(f"{CURATED}/bare")))
    store.flush()
    del store
    before = graphs(project / "store")
    dump = (project / "out.trig").read_bytes()
    result = rebuild(project, "--strict")
    assert result.exit_code == 2 and "nothing was replaced" in result.output, result.output
    assert graphs(project / "store") == before and (project / "out.trig").read_bytes() == dump


def test_a_held_file_whose_statements_are_back_in_the_store_is_not_kept(project):
    """Held-back statements the user added again (now in the dump) are not kept twice;
    statements still missing from the store stay in refused/."""
    refused = project / "refused"
    refused.mkdir(exist_ok=True)
    head = ("@prefix id: <https://w3id.org/sckg/id/> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
    (refused / "curated.trig").write_text(head + 'id:makerspace-qinghe-test rdfs:label "青禾测试众创空间"@zh-Hans .\n',
                                          encoding="utf-8")
    (refused / "curated.gone.trig").write_text(head + 'id:makerspace-qinghe-gone rdfs:label "青禾已删众创空间"@zh-Hans .\n',
                                               encoding="utf-8")
    result = rebuild(project)
    assert result.exit_code in (0, 4), result.output
    assert not (refused / "curated.trig").exists()
    assert "青禾已删众创空间" in (refused / "curated.gone.trig").read_text(encoding="utf-8")


def test_every_carried_graph_has_a_held_file_name_of_its_own():
    names = ["curated", "curated/a/b", "curated/a.b", "curated/a-b", "curated/青禾"]
    stems = [carry.file_stem(str(GRAPH[n])) for n in names]
    assert len(set(stems)) == len(names) and all("/" not in s for s in stems), stems
