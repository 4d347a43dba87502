"""Where Virtuoso 7.2 departs from SPARQL 1.1: minimal queries on the dump, re-run every check.

Each :class:`Deviation` is a small query that isolates one construct. The check runs
it on both engines and reports whether Virtuoso still answers differently, so the
record stays true when Virtuoso is upgraded. The research queries in ``queries/``
avoid these constructs (each rewrite is noted in the query and in ``affects``); a
deviation that stops reproducing means the rewrite may be dropped.

The SQL that Virtuoso generates for D1 and D3 (``sparql_to_sql_text``) is correct;
the wrong answers come from its SQL executor, and which plan it picks decides whether
a query is hit, so a query may pass on one load and fail on another (D3 did).
"""

from __future__ import annotations

from dataclasses import dataclass

from .runs import Answer, VirtuosoRunner, oxigraph_answer
from .terms import Comparison, compare

PREFIXES = """PREFIX sc: <https://w3id.org/sckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True)
class Deviation:
    """One departure from SPARQL 1.1, with a query that shows it on the dump."""

    key: str
    title: str
    explanation: str
    query: str  # ``{from}`` is replaced by one FROM clause per graph of the dump
    affects: str


DEVIATIONS = [
    Deviation(
        "D1",
        "A property path `p+`/`p*` ending in a constant, joined on its start, loses every "
        "solution once a FILTER tests a language tag",
        "Without the `FILTER` both engines find the same solutions, and so they do without "
        "the `+` (a single `rdfs:subClassOf` step) or without the `?obs sc:subject ?p` triple. "
        "`FILTER(STR(?label) = …)` keeps the solutions; `lang()`, `langMatches()` and `=` on "
        "a language-tagged literal drop them (an expression `BIND(lang(?label) AS ?t)` does not).",
        "SELECT (COUNT(*) AS ?n) WHERE {\n  ?obs sc:subject ?p . ?p a ?c . ?c rdfs:subClassOf+ sc:Programme .\n"
        "  ?p rdfs:label ?label . FILTER(langMatches(lang(?label), \"zh-Hans\"))\n}",
        "14-programme-figures (no rows); 10, 13, 21 under D4. Rewritten as "
        "`?c rdfs:subClassOf* ?super . ?super rdfs:subClassOf sc:X` (the same set as "
        "`?c rdfs:subClassOf+ sc:X`), which Virtuoso answers correctly.",
    ),
    Deviation(
        "D2",
        "`FILTER NOT EXISTS`, `!EXISTS` and `MINUS` around a `p*`/`p+` path ending in a constant remove nothing",
        "`FILTER EXISTS` with the same pattern keeps the right 8 solutions, so the path itself "
        "is evaluated; only the negation of it fails.",
        "SELECT (COUNT(*) AS ?n) WHERE {\n  ?obs sc:subject ?s\n"
        "  FILTER NOT EXISTS { ?s a/rdfs:subClassOf* sc:Programme }\n}",
        "30-entity-figures (programmes not excluded). Rewritten as "
        "`BIND(EXISTS { … } AS ?isProgramme) FILTER(!?isProgramme)`; the D1-style rewrite "
        "inside NOT EXISTS also agrees but takes Oxigraph 6 s instead of 6 ms.",
    ),
    Deviation(
        "D3",
        "`SELECT DISTINCT` (and `GROUP BY`) can return the same solution twice when OPTIONALs leave a variable unbound",
        "`place-650000` has a division code and no `sc:partOf`, and three `rdf:type` and two "
        "`sc:mentionedIn` triples (in several graphs): six equal solutions, which Virtuoso's "
        "DISTINCT reduces to two. With one OPTIONAL, or with a VALUES for that place, it reduces "
        "them to one. Whether a query is hit depends on the plan: query 15 failed on one load and "
        "passed on others.",
        "SELECT DISTINCT ?place ?code ?parent WHERE {\n  ?place a sc:Place ; sc:mentionedIn ?article .\n"
        "  OPTIONAL { ?place sc:divisionCode ?code }\n  OPTIONAL { ?place sc:partOf ?parent }\n}",
        "15-places-with-codes-and-links (duplicate rows on some loads). Rewritten to take the distinct "
        "places first (a sub-select), so the OPTIONALs no longer meet repeated solutions.",
    ),
    Deviation(
        "D4",
        "With four or more graphs in the dataset (FROM or `default-graph-uri`), a path `p+` and a "
        "language-tag FILTER lose every solution",
        "The same query without FROM (Virtuoso's default: all graphs) agrees, and so does it with "
        "FROM for two or three of the dump's graphs. This is why the check compares the suite both "
        "ways: Virtuoso's own union default graph, and the dump's graphs as the protocol dataset.",
        "SELECT (COUNT(*) AS ?n) {from}WHERE {\n  ?e a ?c ; rdfs:label ?event . FILTER(langMatches(lang(?event), \"zh-Hans\"))\n"
        "  ?c rdfs:subClassOf+ sc:Event ; rdfs:label ?class .\n}",
        "10-events-by-place-and-date, 13-programmes-and-articles, 21-carriers (no rows under the "
        "dataset); avoided by the D1 rewrite.",
    ),
    Deviation(
        "D5",
        "Boolean expressions and the constants `true`/`false` come back as `xsd:integer` 1/0",
        "Stored `xsd:boolean` values keep their datatype (spelled `\"1\"`/`\"0\"`, valid lexical "
        "forms, so the comparison treats them as equal); computed ones lose it.",
        "SELECT (1 < 2 AS ?less) (true AS ?yes) (isIRI(sc:Place) AS ?iri) WHERE {}",
        "none (no query projects a computed boolean; 22 and 30 project stored ones or "
        "`COALESCE(?stored, false)`, which Virtuoso types as `xsd:boolean`).",
    ),
    Deviation(
        "D6",
        "`datatype()` of a simple or language-tagged literal is unbound",
        "SPARQL 1.1 (17.4.2.7) gives `xsd:string` and `rdf:langString`.",
        "SELECT (datatype(\"x\") AS ?simple) (datatype(\"x\"@en) AS ?tagged) WHERE {}",
        "none (no query uses `datatype()`).",
    ),
]


@dataclass
class Finding:
    """One deviation as seen in this run: both answers and their comparison."""

    deviation: Deviation
    query: str
    oxigraph: Answer
    virtuoso: Answer | None
    comparison: Comparison

    @property
    def reproduces(self) -> bool:
        """True if Virtuoso still answers differently."""
        return not self.comparison.agree


def check_all(store, engine: VirtuosoRunner, graphs: list[str]) -> list[Finding]:
    """Run every deviation query on both engines."""
    froms = "".join(f"FROM <{g}> " for g in graphs)
    findings = []
    for deviation in DEVIATIONS:
        query = PREFIXES + deviation.query.replace("{from}", froms)
        ours = oxigraph_answer(store, query)
        theirs = engine.answer(query)
        comparison = compare(ours.variables, ours.rows, theirs.rows, query)
        findings.append(Finding(deviation, query, ours, theirs, comparison))
    return findings


def show(answer: Answer, limit: int = 3) -> str:
    """An answer in one short line: rows of cells, ``-`` for unbound."""
    if not answer.rows:
        return "no rows"
    rows = ["(" + ", ".join(c.show() for c in row) + ")" for row in answer.rows[:limit]]
    more = f" … {len(answer.rows)} rows" if len(answer.rows) > limit else ""
    return " ".join(rows) + more
