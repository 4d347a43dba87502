"""The answer comparison of the second-engine check (benchmarks/crosscheck/terms.py).

Virtuoso itself is not needed (CI has no apt): these tests feed the comparison SPARQL
JSON results as Virtuoso writes them and real pyoxigraph answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from crosscheck import runs, terms  # noqa: E402

XSD = "http://www.w3.org/2001/XMLSchema#"
TRIG = """
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:g1 { ex:a ex:n 5 ; ex:label "甲"@zh-Hans ; ex:flag true . ex:b ex:n "2.50"^^xsd:decimal ; ex:label "乙"@zh-Hans . }
ex:g2 { ex:c ex:n 5 ; ex:label "丙"@zh-Hans ; ex:code "650000" . }
"""


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    return s


def typed(value: str, dtype: str) -> dict:
    return {"type": "typed-literal", "datatype": XSD + dtype, "value": value}


def test_decimal_family_compares_by_value_but_not_with_doubles():
    assert terms.from_json(typed("5", "int")).key == terms.literal("5", datatype=XSD + "integer").key
    assert terms.from_json(typed("2.50", "decimal")).key == terms.literal("2.5", datatype=XSD + "decimal").key
    assert terms.from_json(typed("5", "double")).key != terms.literal("5", datatype=XSD + "integer").key
    assert terms.from_json(typed("5", "integer")).key != terms.from_json(typed("6", "integer")).key


def test_booleans_simple_strings_and_language_tags():
    assert terms.from_json(typed("1", "boolean")).key == terms.literal("true", datatype=XSD + "boolean").key
    assert terms.from_json(typed("1", "integer")).key != terms.literal("true", datatype=XSD + "boolean").key
    assert terms.from_json({"type": "literal", "value": "x"}).key == terms.from_json(typed("x", "string")).key
    tagged = terms.from_json({"type": "literal", "xml:lang": "zh-Hans", "value": "甲"})
    assert tagged.key == terms.literal("甲", lang="zh-hans").key
    assert tagged.key != terms.literal("甲", lang="zh-hant").key
    assert tagged.key != terms.literal("甲").key
    assert terms.from_json({"type": "uri", "value": "http://x"}).key != terms.literal("http://x").key
    assert terms.from_json(None) == terms.UNBOUND


def test_date_lexical_forms_must_match_exactly():
    assert terms.from_json(typed("2020-01-01", "date")).key != terms.from_json(typed("2020-01-01Z", "date")).key


def test_order_keys_of_the_outermost_order_by():
    assert terms.order_keys("SELECT * { ?s ?p ?o } ORDER BY ?s DESC(?o) LIMIT 3") == [("s", False), ("o", True)]
    assert terms.order_keys("SELECT * { ?s ?p ?o }") == []
    assert terms.order_keys("SELECT * { ?s ?p ?o } ORDER BY STR(?o)") is None
    # a comment mentioning ORDER BY is not an ORDER BY
    assert terms.order_keys("SELECT * { ?s ?p ?o } # ORDER BY ?s\n") == []
    assert terms.order_keys("PREFIX e: <http://e.org/#> SELECT * { ?s e:p \"#\" } ORDER BY ?s") == [("s", False)]


def rows(*values: tuple) -> list[tuple]:
    return [tuple(terms.literal(str(v), datatype=XSD + "integer") for v in row) for row in values]


def test_ties_may_come_in_any_order_but_keys_may_not():
    query = "SELECT ?k ?v { } ORDER BY ?k"
    ours = rows((1, 10), (1, 11), (2, 12))
    assert terms.compare(["k", "v"], ours, rows((1, 11), (1, 10), (2, 12)), query).agree
    assert terms.compare(["k", "v"], ours, rows((1, 10), (1, 11), (2, 12)), query).ties == 2
    swapped = terms.compare(["k", "v"], ours, rows((2, 12), (1, 10), (1, 11)), query)
    assert not swapped.agree and "different order" in swapped.diff[0]
    unordered = "SELECT ?k ?v { }"
    assert terms.compare(["k", "v"], ours, rows((2, 12), (1, 10), (1, 11)), unordered).agree


def test_multisets_count_duplicates():
    ours = rows((1, 10), (2, 12))
    result = terms.compare(["k", "v"], ours, rows((1, 10), (1, 10), (2, 12)), "SELECT ?k ?v { }")
    assert not result.agree
    assert any(line.startswith("only virtuoso:") for line in result.diff)


def test_oxigraph_answers_against_virtuoso_style_json(store: ox.Store):
    query = "PREFIX ex: <http://example.org/> SELECT ?s ?n ?l WHERE { ?s ex:n ?n ; ex:label ?l } ORDER BY ?s"
    ours = runs.oxigraph_answer(store, query)
    assert len(ours.rows) == 3  # the union of both graphs is the default graph
    bindings = []
    for s, n, lex in (("a", typed("5", "int"), "甲"), ("b", typed("2.5", "decimal"), "乙"),
                      ("c", typed("5", "integer"), "丙")):
        bindings.append({"s": {"type": "uri", "value": f"http://example.org/{s}"}, "n": n,
                         "l": {"type": "literal", "xml:lang": "zh-Hans", "value": lex}})
    theirs = runs.json_answer({"head": {"vars": ["s", "n", "l"]}, "results": {"bindings": bindings}})
    result = terms.compare(ours.variables, ours.rows, theirs.rows, query)
    assert result.agree
    assert result.ordered and result.raw_only == 4  # "5"^^xsd:int and three "zh-Hans" tags
    theirs.rows[2] = theirs.rows[2][:2] + (terms.literal("丙", lang="zh-hant"),)
    assert not terms.compare(ours.variables, ours.rows, theirs.rows, query).agree


def test_ask_answers(store: ox.Store):
    ours = runs.oxigraph_answer(store, "ASK { ?s ?p true }")
    assert runs.json_answer({"head": {}, "boolean": True}).rows == ours.rows
    assert runs.json_answer({"head": {}, "boolean": False}).rows != ours.rows
