"""The load stage on real pyoxigraph stores in temporary directories."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from sckg import load
from sckg.model import InputError

FIXTURES = Path(__file__).parent / "fixtures" / "store"
ID = "https://w3id.org/sckg/id/"
ARTICLE_GRAPH = load.GRAPH_NS + "article-fx1"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    assert load.build_store(FIXTURES / "base.trig", path) == 31
    return path


def count(store: Path, graph: str | None = None) -> int:
    """Quads of ``graph``, or of all named graphs (the default graph is their union)."""
    opened = load.open_read_only(store)
    g = ox.NamedNode(graph) if graph else None
    return sum(1 for q in opened.quads_for_pattern(None, None, None, g)
               if not isinstance(q.graph_name, ox.DefaultGraph))


def union_is_the_set_of_named_triples(store: Path) -> bool:
    """The default graph holds each triple of any named graph once, and nothing else."""
    opened = load.open_read_only(store)
    named = {q.triple for q in opened if not isinstance(q.graph_name, ox.DefaultGraph)}
    default = [q.triple for q in opened.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    return len(default) == len(set(default)) and set(default) == named


def article_graph(n_people: int) -> rdflib.Graph:
    g = rdflib.Graph()
    for i in range(n_people):
        person = rdflib.URIRef(f"{ID}person-test-{i}")
        g.add((person, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/sckg/ontology#Person")))
        g.add((person, rdflib.RDFS.label, rdflib.Literal(f"人{i} \"引\"\n\\", lang="zh-Hans")))
    return g


def test_build_from_trig_keeps_named_graphs(store: Path) -> None:
    graphs = {g.value for g in load.open_read_only(store).named_graphs()}
    assert graphs == {load.GRAPH_NS + "gazetteer", ARTICLE_GRAPH}
    assert count(store, ARTICLE_GRAPH) == 23


def test_build_from_rdflib_dataset_replaces_old_store(store: Path) -> None:
    ds = rdflib.Dataset()
    graph = ds.graph(rdflib.URIRef(load.GRAPH_NS + "article-new"))
    graph += article_graph(3)
    assert load.build_store(ds, store) == 6
    assert count(store) == 6
    assert not list(store.parent.glob(".store.*"))  # no temporary directories left


def test_build_of_bad_trig_leaves_old_store(store: Path, tmp_path: Path) -> None:
    before = load.dump(store)
    bad = tmp_path / "bad.trig"
    bad.write_text("<https://a> <https://b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.trig"):
        load.build_store(bad, store)
    assert load.dump(store) == before


def test_replace_graph_twice_never_duplicates(store: Path) -> None:
    graph = load.GRAPH_NS + "article-rep"
    first = load.replace_graph(store, graph, article_graph(5))
    assert (first.route, first.triples) == ("store", 10)
    load.replace_graph(store, graph, article_graph(5))
    assert count(store, graph) == 10
    load.replace_graph(store, graph, article_graph(2))  # a smaller new version
    assert count(store, graph) == 4
    assert count(store, ARTICLE_GRAPH) == 23  # other graphs untouched


def test_default_graph_stays_the_set_union_of_the_named_graphs(store: Path) -> None:
    assert union_is_the_set_of_named_triples(store)
    shared = article_graph(3)  # the same three people in two graphs: in the union once
    load.replace_graph(store, load.GRAPH_NS + "article-a", shared)
    load.replace_graph(store, load.GRAPH_NS + "article-b", shared)
    assert union_is_the_set_of_named_triples(store)
    # Replacing a graph keeps the triples another graph still holds, drops the rest.
    load.replace_graph(store, load.GRAPH_NS + "article-a", article_graph(1))
    assert union_is_the_set_of_named_triples(store)
    load.replace_graph(store, load.GRAPH_NS + "article-b", article_graph(0))
    assert union_is_the_set_of_named_triples(store)
    load.add_quads(store, load.parse_file(FIXTURES / "valid-add.ttl"))
    assert union_is_the_set_of_named_triples(store)
    labels = load.open_read_only(store).query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert int(next(iter(labels))["n"].value) == len(
        {(q.subject, q.object) for q in load.open_read_only(store)
         if q.predicate.value.endswith("#label") and not isinstance(q.graph_name, ox.DefaultGraph)})


def test_replace_keeps_literals_with_quotes_and_newlines(store: Path) -> None:
    graph = load.GRAPH_NS + "article-rep"
    load.replace_graph(store, graph, article_graph(1))
    labels = [q.object.value for q in load.open_read_only(store).quads_for_pattern(None, None, None, ox.NamedNode(graph))
              if isinstance(q.object, ox.Literal) and q.object.language]
    assert labels == ["人0 \"引\"\n\\"]


def test_add_goes_into_curated_graph_and_is_queryable(store: Path) -> None:
    quads = load.parse_file(FIXTURES / "valid-add.ttl")
    result = load.add_quads(store, quads)
    assert (result.route, result.graph, result.triples) == ("store", load.CURATED_GRAPH, 6)
    assert "directly into the store" in result.describe()
    answer = load.open_read_only(store).query(
        "ASK { GRAPH <https://w3id.org/sckg/graph/curated> "
        "{ ?c a <https://w3id.org/sckg/ontology#TechnologyBusinessIncubator> } }"
    )
    assert bool(answer)


def test_parse_errors_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load.parse_file(FIXTURES / "bad-syntax.ttl")
    message = str(err.value)
    assert "bad-syntax.ttl" in message and "line 6" in message and "\n" not in message
    empty = tmp_path / "empty.ttl"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.ttl: contains no triples"):
        load.parse_file(empty)
    with pytest.raises(InputError, match="unknown RDF file extension"):
        load.parse_file(tmp_path / "data.xyz")
    with pytest.raises(InputError, match="missing.ttl: cannot read"):
        load.parse_file(tmp_path / "missing.ttl")


def test_parse_json_ld_and_latin1_garbage(tmp_path: Path) -> None:
    assert len(load.parse_file(FIXTURES / "valid-add.jsonld")) == 6
    garbage = tmp_path / "garbage.ttl"
    garbage.write_bytes(b"<https://a> <https://b> \"\xff\xfe\" .\n")
    with pytest.raises(InputError, match="garbage.ttl: not valid Turtle"):
        load.parse_file(garbage)


def test_missing_store_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no Oxigraph store"):
        load.add_quads(tmp_path / "nowhere", load.parse_file(FIXTURES / "valid-add.ttl"))
    assert not (tmp_path / "nowhere").exists()


def test_dump_is_canonical(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    load.build_store(load.to_quads(load.dump(store)), other)
    assert load.dump(other) == load.dump(store)
    lines = load.dump(store).splitlines()
    assert lines == sorted(lines) and len(lines) == 31
    trig = load.dump(store, "trig")
    assert trig.startswith(b"@prefix") and b"graph:article-fx1" in trig
    assert load.dump(other, "trig") == trig


def test_neighbourhood_holds_referenced_nodes_and_their_types(store: Path) -> None:
    new = load.to_rdflib(load.parse_file(FIXTURES / "valid-add.ttl"))
    nodes = {t for triple in new for t in (triple[0], triple[2])}
    context = load.neighbourhood(store, nodes)
    place = rdflib.URIRef(ID + "place-540100")
    assert (place, rdflib.URIRef("https://w3id.org/sckg/ontology#divisionCode"), rdflib.Literal("540100")) in context
    # the article's publisher is typed, so class constraints on the article resolve
    publisher = rdflib.URIRef(ID + "mediaoutlet-xi-zang-ri-bao")
    assert (publisher, rdflib.RDF.type, rdflib.URIRef("https://w3id.org/sckg/ontology#MediaOutlet")) in context
    assert len(load.current_graph(store)) == 31


def test_neighbourhood_leaves_out_what_only_the_replaced_graph_says(store: Path) -> None:
    sc = "https://w3id.org/sckg/ontology#"
    hub, label = rdflib.URIRef(ID + "org-hub"), rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for n, graph in enumerate(["article-a", "article-b"]):
        g = rdflib.Graph()
        g.add((hub, label, rdflib.Literal("枢纽", lang="zh-Hans")))  # stated by both graphs
        g.add((hub, rdflib.URIRef(sc + "mentionedIn"), rdflib.URIRef(ID + graph)))  # by one each
        load.replace_graph(store, load.GRAPH_NS + graph, g)
    context = load.neighbourhood(store, {hub}, exclude_graph=load.GRAPH_NS + "article-b")
    about = {(p.removeprefix(sc), str(o)) for _, p, o in context.triples((hub, None, None))}
    # Read from the union graph (each triple once), without what only article-b says.
    assert about == {(str(label), "枢纽"), ("mentionedIn", ID + "article-a")}
    assert len(context) == 2


def test_add_through_a_read_write_server(store: Path) -> None:
    from sckg import serve

    with serve.start(store, read_write=True) as server:
        # The server holds the store's lock, so the change must go through it.
        result = load.add_quads(store, load.parse_file(FIXTURES / "valid-add.ttl"), server=server.url)
        assert result.route == "server" and "read-write server" in result.describe()
        replaced = load.replace_graph(store, load.GRAPH_NS + "article-rep", article_graph(2), server=server.url)
        load.replace_graph(store, load.GRAPH_NS + "article-rep", article_graph(2), server=server.url)
        assert replaced.route == "server"
    assert union_is_the_set_of_named_triples(store)
    assert count(store, load.CURATED_GRAPH) == 6
    assert count(store, load.GRAPH_NS + "article-rep") == 4


def test_locked_store_without_server_is_a_clear_error(store: Path) -> None:
    from sckg import serve

    with serve.start(store, read_write=True):
        with pytest.raises(InputError, match="locked by another process"):
            load.add_quads(store, load.parse_file(FIXTURES / "valid-add.ttl"), server="http://127.0.0.1:9")
    assert count(store, load.CURATED_GRAPH) == 0


def test_add_killed_midway_leaves_all_or_nothing(store: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    n = 60_000
    big = tmp_path / "big.nt"
    big.write_text(
        "".join(f'<{ID}person-k{i}> <http://www.w3.org/2000/01/rdf-schema#label> "人{i}"@zh-Hans .\n' for i in range(n)),
        encoding="utf-8",
    )
    code = f"from sckg import load; load.add_quads({str(store)!r}, load.parse_file({str(big)!r}))"
    proc = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(0.8)  # parsing done, the transaction under way (or finished)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert count(store, load.CURATED_GRAPH) in (0, n)
    assert count(store, ARTICLE_GRAPH) == 23


def test_neighbourhood_peer_groups_describe_nodes_sharing_a_value(store: Path) -> None:
    # The equality-only fallback for constraints the rewriter cannot read: every node with
    # the focus node's value for a predicate is described.
    sc = "https://w3id.org/sckg/ontology#"
    indicator, jobs = rdflib.URIRef(sc + "indicator"), rdflib.URIRef(sc + "Jobs")
    old, other, new = (rdflib.URIRef(ID + f"obs-{n}") for n in ("old", "other", "new"))
    g = rdflib.Graph()
    g.add((old, indicator, jobs))
    g.add((other, indicator, rdflib.URIRef(sc + "Money")))
    load.replace_graph(store, load.GRAPH_NS + "article-p", g)
    data = rdflib.Graph()
    data.add((new, indicator, jobs))
    context = load.neighbourhood(store, {new}, data=data, peers=[((sc + "indicator", "via", sc + "indicator"),)])
    assert (old, indicator, jobs) in context
    assert not list(context.triples((other, None, None)))


def test_a_literal_past_the_parser_limit_is_a_one_line_error(tmp_path: Path) -> None:
    big = tmp_path / "big.ttl"
    big.write_text('<https://w3id.org/sckg/id/x> <http://www.w3.org/2000/01/rdf-schema#comment> "'
                   + "字" * (6 * 1024 * 1024) + '" .\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load.parse_file(big)
    assert "big.ttl" in str(info.value) and "16 MiB" in str(info.value) and "\n" not in str(info.value)


def test_a_store_built_from_a_file_keeps_its_blank_nodes_in_the_union(tmp_path: Path) -> None:
    # Anonymous blank nodes ([ ] and lists, as the ontology's axioms have) get new labels
    # at every parse: the union copies must be made from the quads loaded, not parsed again.
    source = tmp_path / "lists.trig"
    source.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/sckg/graph/ontology> {\n"
        "  <https://w3id.org/sckg/ontology#A> owl:unionOf ( <https://w3id.org/sckg/ontology#B> "
        "<https://w3id.org/sckg/ontology#C> ) ;\n"
        "    owl:equivalentClass [ a owl:Restriction ; owl:onProperty <https://w3id.org/sckg/ontology#p> ] .\n"
        "}\n", encoding="utf-8")
    store = tmp_path / "store"
    assert load.build_store(source, store) == 8
    assert union_is_the_set_of_named_triples(store)
