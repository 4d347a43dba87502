"""``sckg figures``: every observation in a store as a flat row, for CSV export."""

from __future__ import annotations

from pathlib import Path

from sckg import load
from sckg.pipeline import STORE

FIGURE_COLUMNS = ["article", "indicator", "value", "unit", "qualifier", "area", "code", "date",
                  "carrier_type", "level", "subject", "status", "cumulative", "quote",
                  "quote_start", "quote_end", "observation"]

FIGURES_QUERY = """
PREFIX sc: <https://w3id.org/sckg/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?article ?indicator ?value ?unit ?qualifier ?area ?code ?date ?carrier_type ?level
       ?subject ?status ?cumulative ?quote ?quote_start ?quote_end ?observation WHERE {
  ?observation a qb:Observation ; sc:sourceArticle ?a ; sc:indicator ?i ; sc:value ?value ;
       sc:unit ?u ; sc:valueQualifier ?q ; sc:figureStatus ?s ; sc:quote ?quote ;
       sc:quoteStart ?quote_start ; sc:quoteEnd ?quote_end .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?i skos:notation ?indicator }
  BIND(REPLACE(STR(?u), "^.*[/#]", "") AS ?unit)
  BIND(STRAFTER(STR(?q), "#") AS ?qualifier)
  BIND(STRAFTER(STR(?s), "#") AS ?status)
  OPTIONAL { ?observation sc:refArea ?ar . ?ar rdfs:label ?area . FILTER(langMatches(lang(?area), "zh-Hans"))
             OPTIONAL { ?ar sc:divisionCode ?code } }
  OPTIONAL { ?observation sc:refPeriod ?date }
  OPTIONAL { ?observation sc:carrierType ?ct BIND(STRAFTER(STR(?ct), "#") AS ?carrier_type) }
  OPTIONAL { ?observation sc:accreditationLevel ?lv BIND(STRAFTER(STR(?lv), "#") AS ?level) }
  OPTIONAL { ?observation sc:subject ?sj . ?sj rdfs:label ?subject . FILTER(langMatches(lang(?subject), "zh-Hans")) }
  OPTIONAL { ?observation sc:cumulative ?cumulative }
} ORDER BY ?article ?quote_start ?observation
"""


def figure_rows(store: Path = STORE) -> list[dict[str, str]]:
    """Every observation as a flat row (FIGURE_COLUMNS), for CSV export."""
    import pyoxigraph as ox

    db = load.open_read_only(store)
    rows = []
    for solution in db.query(FIGURES_QUERY):
        row = {}
        for column in FIGURE_COLUMNS:
            term = solution[column]
            row[column] = "" if term is None else (term.value if not isinstance(term, ox.NamedNode) else term.value)
        rows.append(row)
    return rows
