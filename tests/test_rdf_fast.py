"""The rdf stage's shortcuts give what the plain ways give: remembered pinyin readings
(src/sckg/rdf/iris.py), literals made once and the TripleSet (triples.py), and the
Turtle writer's remembered term texts (trig.py)."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal

import pytest
from pypinyin import Style, lazy_pinyin, pinyin
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from sckg.rdf import triples as terms
from sckg.rdf.iris import ID, SC, plain_syllables, slug, tone_syllables
from sckg.rdf.trig import graph_block
from sckg.rdf.triples import TripleSet

NAMES = ["云南省科学技术厅", "重庆市", "长沙银行股份有限公司", "音乐学院", "行长", "乐山市",
         "绿色发展", "吕梁", "女子足球", "Iran", "ABC科技有限公司", "2023年第五届", "中关村/海淀",
         "“彩云创客行动”", "", " ", "ü", "北京字节跳动科技有限公司第十二届全国大学生创新创业大赛组委会",
         "한국", "昆明国家高新技术产业开发区管理委员会", "X-Lab 创客空间"]
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def _reference_slug(text: str, max_words: int = 12) -> str:
    """slug as it was written before the readings were remembered."""
    words = lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: [s])
    parts = [_NON_SLUG.sub("-", w.lower().replace("ü", "v")).strip("-") for w in words]
    parts = [p for p in parts if p]
    joined = "-".join(parts[:max_words])
    if len(parts) > max_words or not joined:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        joined = f"{joined}-{digest}" if joined else digest
    return joined


def test_remembered_readings_are_pypinyins():
    for _ in range(2):  # the second time from memory
        for name in NAMES:
            assert plain_syllables(name) == lazy_pinyin(name, style=Style.NORMAL, errors=lambda s: [s])
            assert list(tone_syllables(name)) == [s[0] for s in pinyin(name, style=Style.TONE, errors="ignore")]
            assert slug(name) == _reference_slug(name), name


def test_literals_made_once_equal_literals_made_each_time():
    assert terms.text("云南", "zh-Hans") == Literal("云南", lang="zh-Hans")
    assert terms.text("云南", "zh-Hans") is terms.text("云南", "zh-Hans")
    assert terms.text("x") == Literal("x") and terms.text("x").datatype is None
    assert terms.integer(7) == Literal(7, datatype=XSD.integer)
    assert terms.decimal("1.50") == Literal(Decimal("1.50"), datatype=XSD.decimal)
    assert str(terms.decimal("1.50")) == "1.50"


def test_triple_set_counts_distinct_triples_and_replaces_with_set():
    g = TripleSet(URIRef("urn:g"))
    a, b, p = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:p")
    for triple in [(a, p, b), (a, p, b), (a, p, Literal(1)), (b, p, a)]:
        g.add(triple)
    assert len(g) == 3 and set(g) == {(a, p, b), (a, p, Literal(1)), (b, p, a)}
    assert (a, p, Literal(1)) in g and (a, p, Literal(2)) not in g
    g.set((a, p, Literal(2)))
    assert len(g) == 2 and set(g) == {(a, p, Literal(2)), (b, p, a)}
    assert g.by_subject()[a] == {p: {Literal(2)}}


def _graphs(triples):
    ts, rg = TripleSet(URIRef("https://w3id.org/sckg/graph/t")), Graph(identifier=URIRef("https://w3id.org/sckg/graph/t"))
    for triple in triples:
        ts.add(triple)
        rg.add(triple)
    return ts, rg


def test_turtle_of_a_triple_set_is_that_of_the_same_rdflib_graph():
    namespaces = [("id", str(ID)), ("sc", str(SC)), ("rdf", str(RDF)), ("rdfs", str(RDFS)),
                  ("xsd", str(XSD)), ("graph", "https://w3id.org/sckg/graph/")]
    node, other = ID["x"], ID["y"]
    triples = [(node, RDF.type, SC.Place), (node, RDFS.label, Literal("云南", lang="zh-Hans")),
               (node, SC.value, Literal("1", datatype=XSD.decimal)),  # both written 1.0: one object
               (node, SC.value, Literal("1.0", datatype=XSD.decimal)),
               (node, SC.number, Literal(3, datatype=XSD.integer)), (node, SC.flag, Literal(True)),
               (node, SC.date, Literal("2021-06", datatype=XSD.gYearMonth)),
               (node, SC.quote, Literal('say "hi"\n')), (other, SC.kind, RDF.type),  # rdf:type as an object
               (other, SC.link, URIRef("http://example.org/a#b"))]
    ts, rg = _graphs(triples)
    for _ in range(2):  # the second time the texts come from the writer's memory
        assert graph_block(ts, namespaces) == graph_block(rg, namespaces)
    prefixes, block = graph_block(ts, namespaces)
    lines = block.split("\n")
    assert "    id:x a sc:Place ;" in lines and any("sc:value 1.0 ." in line for line in lines)
    assert any("sc:kind rdf:type" in line for line in lines)
    assert "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> ." in prefixes


def test_a_graph_named_with_no_prefixed_name_is_written_whole():
    """graph:curated/mine and graph:-draft are no prefixed names (a local name holds no
    '/' and starts with no '-'): their blocks name the graph by its whole IRI and parse."""
    from rdflib import Dataset

    from sckg.rdf.iris import GRAPH
    from sckg.rdf.trig import join_blocks

    namespaces = [("graph", str(GRAPH)), ("id", str(ID)), ("rdfs", str(RDFS))]
    blocks = []
    for local in ("curated/mine", "-draft", "curated"):
        g = Graph(identifier=GRAPH[local])
        g.add((ID["thing"], RDFS.label, Literal(local)))
        blocks.append((str(g.identifier), *graph_block(g, namespaces)))
    text = join_blocks(blocks).decode("utf-8")
    assert f"<{GRAPH['curated/mine']}> {{" in text and f"<{GRAPH['-draft']}> {{" in text and "graph:curated {" in text
    ds = Dataset()
    ds.parse(data=text, format="trig")
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {str(GRAPH[x]) for x in ("curated/mine", "-draft", "curated")}


def test_namespaces_no_prefix_names_keep_their_iris_in_a_file_of_several_graphs():
    """Two graphs with blank nodes and namespaces of their own (a user's curated
    graphs): each namespace gets a prefix of its own, and every IRI reads back as it was."""
    from rdflib import BNode, Dataset

    from sckg.rdf.iris import GRAPH
    from sckg.rdf.trig import join_blocks

    blocks, expected = [], set()
    for local, base in (("curated", "http://example.org/"), ("curated/mine", "http://other.org/")):
        g, node = Graph(identifier=GRAPH[local]), BNode()
        g.add((URIRef(base + "thing"), URIRef(base + "has"), node))
        g.add((node, URIRef(base + "p"), Literal("x")))
        expected |= {URIRef(base + "thing"), URIRef(base + "has"), URIRef(base + "p")}
        blocks.append((str(g.identifier), *graph_block(g, [("graph", str(GRAPH))])))
    ds = Dataset()
    ds.parse(data=join_blocks(blocks).decode("utf-8"), format="trig")
    assert {t for q in ds.quads() for t in q[:3] if isinstance(t, URIRef)} == expected


def test_a_prefix_declared_for_two_namespaces_is_refused():
    from sckg.rdf.trig import join_blocks

    with pytest.raises(ValueError, match="ns1"):
        join_blocks([("a", ["@prefix ns1: <http://example.org/> ."], ""), ("b", ["@prefix ns1: <http://other.org/> ."], "")])


def test_blank_nodes_of_two_graphs_stay_two_nodes_in_one_file():
    """Canonical labels (_:cb0) restart in every graph; in one TriG file one label is one
    node, so each graph's labels are its own."""
    from rdflib import BNode, Dataset

    from sckg.rdf.iris import GRAPH
    from sckg.rdf.trig import join_blocks

    blocks = []
    for local in ("curated/four", "curated/five"):
        g, node = Graph(identifier=GRAPH[local]), BNode()
        g.add((node, URIRef("http://example.org/self"), node))
        g.add((node, URIRef("http://example.org/name"), Literal(local)))
        blocks.append((str(g.identifier), *graph_block(g, [("graph", str(GRAPH))])))
    ds = Dataset()
    ds.parse(data=join_blocks(blocks).decode("utf-8"), format="trig")
    named = {s for s, p, o, _ in ds.quads((None, URIRef("http://example.org/name"), None, None))}
    assert len(named) == 2
