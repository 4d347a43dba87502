"""Peer queries (sckg.validate.peers): a constraint's peer search run in a real Oxigraph store.

The rewritten query must return every node the constraint could report for a new
focus node (a superset), and — the point of it — far fewer than the equality
conditions alone once the filters are pushed down.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql import prepareQuery

from sckg.validate import context_spec
from sckg.validate.peers import peer_query
from sckg.validate.sparql import COMPARE_IRI

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}>\n"


def store_of(turtle: str) -> ox.Store:
    store = ox.Store()
    store.load(input=(PREFIX.replace("PREFIX", "@prefix").rstrip() + " .\n" + turtle).encode(),
               format=ox.RdfFormat.TURTLE)
    return store


def found(query_text: str, store: ox.Store, values: dict, node: str = f"<{EX}new>") -> set[str]:
    """Peers the rewritten query finds in ``store`` for a new focus node with ``values``."""
    from rdflib import Variable

    query = peer_query(prepareQuery(PREFIX + query_text).algebra, Variable("value"), COMPARE_IRI)
    assert query is not None, "the rewriter gave up on the query"
    return {row[0].value.removeprefix(EX) for text in query.queries(values, node) for row in store.query(text)}


def test_every_peer_constraint_of_the_shapes_is_rewritten() -> None:
    spec = context_spec()
    # No constraint left to the equality-only fallback, whose context grows with the store.
    assert spec.peers == ()
    assert len(spec.peer_queries) == 3


LEVEL = """SELECT $this ?value WHERE {
  $this ex:indicator ?i ; ex:value ?part ; ex:level ?l .
  ?value ex:indicator ?i ; ex:value ?total .
  FILTER NOT EXISTS { ?value ex:level ?any }
  FILTER (?part > ?total)
  FILTER (EXISTS { $this ex:area ?a . ?value ex:area ?a }
          || (NOT EXISTS { $this ex:area ?a1 } && NOT EXISTS { ?value ex:area ?a2 }))
}"""

FIGURES = """
ex:small ex:indicator ex:jobs ; ex:value 5 ; ex:area ex:north .
ex:large ex:indicator ex:jobs ; ex:value 500 ; ex:area ex:north .
ex:elsewhere ex:indicator ex:jobs ; ex:value 5 ; ex:area ex:south .
ex:noarea ex:indicator ex:jobs ; ex:value 5 .
ex:levelled ex:indicator ex:jobs ; ex:value 5 ; ex:area ex:north ; ex:level ex:national .
ex:other ex:indicator ex:money ; ex:value 5 ; ex:area ex:north .
"""


def values(**kw) -> dict:
    return {f"{EX}{k}": v for k, v in kw.items()}


def test_pushed_down_filters_leave_only_the_peers_that_can_violate() -> None:
    store = store_of(FIGURES)
    new = values(indicator=[f"<{EX}jobs>"], value=['"50"^^<http://www.w3.org/2001/XMLSchema#integer>'],
                 level=[f"<{EX}national>"], area=[f"<{EX}north>"])
    # Same indicator and area, smaller total, no level: the only possible violation.
    assert found(LEVEL, store, new) == {"small"}


def test_focus_without_the_optional_value_matches_peers_without_it() -> None:
    store = store_of(FIGURES)
    new = values(indicator=[f"<{EX}jobs>"], value=['"50"^^<http://www.w3.org/2001/XMLSchema#integer>'],
                 level=[f"<{EX}national>"])
    assert found(LEVEL, store, new) == {"noarea"}


def test_focus_missing_a_required_value_needs_no_query() -> None:
    from rdflib import Variable

    query = peer_query(prepareQuery(PREFIX + LEVEL).algebra, Variable("value"), COMPARE_IRI)
    assert query.queries(values(indicator=[f"<{EX}jobs>"]), f"<{EX}new>") == []


def test_filters_the_rewriter_does_not_know_are_dropped_not_guessed() -> None:
    store = store_of(FIGURES)
    query = """SELECT $this ?value WHERE {
      $this ex:indicator ?i . ?value ex:indicator ?i ; ex:area ?a .
      FILTER (REGEX(STR(?a), "south"))
    }"""
    # REGEX is not rewritten: every node sharing the indicator comes back (superset).
    assert found(query, store, values(indicator=[f"<{EX}jobs>"])) == {"small", "large", "elsewhere", "levelled"}


@pytest.mark.parametrize("negated, expected", [(False, {"large", "small"}), (True, {"large", "small"})])
def test_a_type_error_never_loses_a_peer(negated: bool, expected: set) -> None:
    # ?part is a string: SPARQL cannot compare it with a number (a type error), rdflib
    # orders it. The peer must stay, whether the comparison is asserted or negated.
    store = store_of(FIGURES)
    condition = "?part > ?total"
    clause = f"FILTER NOT EXISTS {{ ?value ex:value ?t2 . FILTER ({condition.replace('?total', '?t2')}) }}" \
        if negated else f"FILTER ({condition})"
    query = f"""SELECT $this ?value WHERE {{
      $this ex:indicator ?i ; ex:value ?part . ?value ex:indicator ?i ; ex:value ?total ; ex:area ex:north .
      FILTER NOT EXISTS {{ ?value ex:level ?any }}
      {clause}
    }}"""
    new = values(indicator=[f"<{EX}jobs>"], value=['"many"'])
    assert found(query, store, new) == expected


def test_blank_node_values_leave_their_variable_open() -> None:
    store = store_of(FIGURES)
    new = values(indicator=["_:b0"], value=['"50"^^<http://www.w3.org/2001/XMLSchema#integer>'],
                 level=[f"<{EX}national>"], area=["_:b1"])
    # Nothing can be said about a blank node's value in the store: every candidate with a
    # smaller total and no level stays.
    assert found(LEVEL, store, new) == {"small", "elsewhere", "noarea", "other"}


DATED = """SELECT $this ?value WHERE {
  $this ex:indicator ?i ; ex:value ?part .
  ?value ex:indicator ?i ; ex:value ?total .
  FILTER (?part > ?total)
  FILTER (EXISTS { $this ex:date ?d . ?value ex:date ?d }
          || (NOT EXISTS { $this ex:date ?d1 } && NOT EXISTS { ?value ex:date ?d2 }
              && EXISTS { $this ex:article ?a . ?value ex:article ?a }))
}"""

DATED_FIGURES = """
ex:sameday ex:indicator ex:jobs ; ex:value 5 ; ex:date "2018" ; ex:article ex:a1 .
ex:otherday ex:indicator ex:jobs ; ex:value 5 ; ex:date "2019" ; ex:article ex:a1 .
ex:undated ex:indicator ex:jobs ; ex:value 5 ; ex:article ex:a1 .
ex:undatedelsewhere ex:indicator ex:jobs ; ex:value 5 ; ex:article ex:a2 .
"""


@pytest.mark.parametrize("own, expected, pattern", [
    ({"date": ['"2018"'], "article": [f"<{EX}a1>"]}, {"sameday"}, f'?value <{EX}date> "2018" .'),
    # Without a date the first side is false, so the second side's same-value condition
    # (the same article) must hold: the store starts from it, not from the indicator.
    ({"article": [f"<{EX}a1>"]}, {"undated"}, f"?value <{EX}article> <{EX}a1> ."),
])
def test_a_shared_value_the_constraint_requires_becomes_a_pattern(own, expected, pattern) -> None:
    from rdflib import Variable

    store = store_of(DATED_FIGURES)
    new = values(indicator=[f"<{EX}jobs>"], value=['"50"^^<http://www.w3.org/2001/XMLSchema#integer>'], **own)
    assert found(DATED, store, new) == expected
    query = peer_query(prepareQuery(PREFIX + DATED).algebra, Variable("value"), COMPARE_IRI)
    [text] = query.queries(new, f"<{EX}new>")
    assert pattern in text.splitlines()[1], text
