"""What ``sckg add`` may write (src/sckg/load/ownership.py): only the user's graphs, and
no statement about the vocabulary unless it asks for an ontology extension that the
reasoner finds consistent. Real stores, real SHACL, real HermiT."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from sckg import load
from sckg.cli import main
from sckg.load import ownership

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "store"
G = load.GRAPH_NS
PREFIXES = """@prefix sc: <https://w3id.org/sckg/ontology#> .
@prefix id: <https://w3id.org/sckg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix graph: <https://w3id.org/sckg/graph/> .
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def refused(result, *parts: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for part in parts:
        assert part in lines[0], lines[0]


def graph_size(store: Path, graph: str) -> int:
    return sum(1 for _ in load.open_read_only(store).quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def test_user_graphs_are_curated_and_below_it() -> None:
    assert ownership.is_user_graph(G + "curated")
    assert ownership.is_user_graph(G + "curated/incubators")
    for other in (G + "ontology", G + "gazetteer", G + "000_b7111e544d2b0a3f", G + "curated/",
                  G + "curatedx", "urn:x:evil", "https://example.org/g", G + "curated/../ontology",
                  G + "curated/./x", G + "curated/a/..", G + "curated/a b", G + "curated/x?y"):
        assert not ownership.is_user_graph(other), other


@pytest.mark.parametrize("graph", [G + "ontology", G + "gazetteer", G + "fx1", "urn:x:evil"])
def test_add_graph_option_outside_the_user_graphs_is_refused(store: Path, graph: str) -> None:
    before = load.dump(store)
    refused(run("add", str(FIXTURES / "valid-add.ttl"), "--graph", graph, "--store", str(store)),
            "--graph", graph, "curated")
    assert load.dump(store) == before


def test_add_into_a_graph_of_ones_own(store: Path) -> None:
    mine = G + "curated/incubators"
    added = run("add", str(FIXTURES / "valid-add.ttl"), "--graph", mine, "--store", str(store))
    assert added.exit_code == 0, added.output
    assert graph_size(store, mine) == 6 and graph_size(store, G + "curated") == 0


def test_named_graphs_in_a_trig_file_are_kept_or_refused(store: Path, tmp_path: Path) -> None:
    body = ("id:incubator-x a sc:TechnologyBusinessIncubator ; rdfs:label \"某孵化器\"@zh-Hans ; "
            "sc:locatedIn id:place-540100 ; sc:mentionedIn id:article-fx1 .")
    evil = tmp_path / "evil.trig"
    evil.write_text(PREFIXES + f"graph:gazetteer {{ {body} }}\n", encoding="utf-8")
    before = load.dump(store)
    refused(run("add", str(evil), "--store", str(store)), "evil.trig", "named graph", G + "gazetteer")
    assert load.dump(store) == before
    own = tmp_path / "own.trig"
    own.write_text(PREFIXES + f"<{G}curated/mine> {{ {body} }}\n", encoding="utf-8")
    added = run("add", str(own), "--store", str(store))
    assert added.exit_code == 0, added.output
    assert graph_size(store, G + "curated/mine") == 4 and graph_size(store, G + "curated") == 0


def test_a_blank_node_in_two_graphs_of_one_file_is_refused(store: Path, tmp_path: Path) -> None:
    """The dump writes each graph on its own: one blank node in two graphs would come
    back from the next build as two, so the file is refused and the store kept."""
    shared = tmp_path / "shared.trig"
    shared.write_text(PREFIXES + f"<{G}curated/a> {{ _:n rdfs:label \"甲\"@zh-Hans . }}\n"
                      f"<{G}curated/b> {{ _:n rdfs:comment \"乙\"@zh-Hans . }}\n", encoding="utf-8")
    before = load.dump(store)
    refused(run("add", str(shared), "--store", str(store)), "shared.trig", "blank node",
            G + "curated/a", G + "curated/b")
    assert load.dump(store) == before
    apart = tmp_path / "apart.trig"
    apart.write_text(PREFIXES + f"<{G}curated/a> {{ _:n rdfs:label \"甲\"@zh-Hans . }}\n"
                     f"<{G}curated/b> {{ _:m rdfs:comment \"乙\"@zh-Hans . }}\n", encoding="utf-8")
    added = run("add", str(apart), "--store", str(store))
    assert added.exit_code == 0, added.output
    assert graph_size(store, G + "curated/a") == 1 and graph_size(store, G + "curated/b") == 1


@pytest.mark.parametrize("statement", [
    "sc:Person rdfs:subClassOf sc:Place .",
    "sc:MakerSpace rdfs:label \"whatever\"@en .",
    "<https://example.org/X> a owl:Class .",
    "<https://example.org/p> rdfs:domain sc:Person .",
    "id:person-x owl:equivalentClass sc:Place .",
])
def test_statements_about_the_vocabulary_are_refused(store: Path, tmp_path: Path, statement: str) -> None:
    path = tmp_path / "vocab.ttl"
    path.write_text(PREFIXES + statement + "\n", encoding="utf-8")
    before = load.dump(store)
    refused(run("add", str(path), "--store", str(store)), "vocab.ttl", "vocabulary", "--extend-ontology")
    assert load.dump(store) == before


def test_links_between_entities_are_data_not_vocabulary() -> None:
    same = ox.Triple(ox.NamedNode("https://w3id.org/sckg/id/place-540000"),
                     ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                     ox.NamedNode("http://www.wikidata.org/entity/Q17269"))
    assert ownership.vocabulary_statement(same) is None


def test_extend_ontology_takes_a_consistent_extension_and_refuses_a_contradiction(
        tmp_path: Path) -> None:
    store = tmp_path / "store"
    load.build_store(ROOT / "data" / "sckg.trig", store)
    before = load.dump(store)
    broken = tmp_path / "broken.ttl"
    broken.write_text(PREFIXES + "sc:Person rdfs:subClassOf sc:Place .\n", encoding="utf-8")
    refused(run("add", str(broken), "--store", str(store), "--extend-ontology"), "unsatisfiable")
    assert load.dump(store) == before
    good = tmp_path / "coworking.ttl"
    good.write_text(PREFIXES + "sc:CoworkingSpace a owl:Class ; rdfs:subClassOf sc:MakerSpace ;\n"
                    "  rdfs:label \"coworking space\"@en , \"联合办公空间\"@zh-Hans .\n", encoding="utf-8")
    added = run("add", str(good), "--store", str(store), "--extend-ontology")
    assert added.exit_code == 0, added.output
    assert graph_size(store, G + "curated") == 4
