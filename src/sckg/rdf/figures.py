"""Figures as Data Cube observations in ``sc:figures``.

Dimensions are the indicator, the source article and the quote's start offset, so
every observation is keyed; value, unit, qualifier, status, area, period, carrier
type, level, subject and the part-of link are attributes and the measure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from sckg.model import Article, ResolvedFigure
from sckg.rdf.iris import ID, QB, SC, article_iri
from sckg.rdf.triples import decimal, integer, text

PROV = Namespace("http://www.w3.org/ns/prov#")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")
UNITS = {"CNY": CUR.CNY, "m2": UNIT.M2, "percent": UNIT.PERCENT, "count": UNIT.NUM,
         "person-time": SC.PersonTime, "rank": SC.Rank, "percentage-point": UNIT.PERCENT}
QUALIFIERS = {"exact": SC.Exact, "at-least": SC.AtLeast, "approximately": SC.Approximately,
              "at-most": SC.AtMost}
STATUS = {"achieved": SC.Achieved, "target": SC.Target}
LEVELS = {"national": SC.NationalLevel, "provincial": SC.ProvincialLevel,
          "prefectural": SC.PrefecturalLevel, "county": SC.CountyLevel}
_ID = str(ID)
# Terms made once (a namespace attribute makes a new URIRef each time it is read).
_TYPE, _OBSERVATION, _DATA_SET, _FIGURES = RDF.type, QB.Observation, QB.dataSet, SC.figures
_INDICATOR, _UNSPECIFIED, _VALUE, _UNIT, _NUM = (SC.indicator, SC.UnspecifiedCount, SC.value,
                                                 SC.unit, UNIT.NUM)
_QUALIFIER, _EXACT, _STATUS, _ACHIEVED = SC.valueQualifier, SC.Exact, SC.figureStatus, SC.Achieved
_CUMULATIVE, _TRUE, _REF_AREA, _REF_PERIOD = SC.cumulative, Literal(True), SC.refArea, SC.refPeriod
_CARRIER_TYPE, _LEVEL, _SUBJECT, _PART_OF = (SC.carrierType, SC.accreditationLevel, SC.subject,
                                             SC.partOfFigure)
_DERIVED_FROM, _SOURCE_ARTICLE = PROV.wasDerivedFrom, SC.sourceArticle
_QUOTE, _QUOTE_START, _QUOTE_END = SC.quote, SC.quoteStart, SC.quoteEnd


def observation_iri(article_id: str, index: int) -> URIRef:
    """``id:obs-{article-id}-{n}``."""
    return URIRef(f"{_ID}obs-{article_id}-{index}")


@lru_cache(maxsize=512)
def _carrier_class(name: str) -> URIRef:
    return SC[name]


@lru_cache(maxsize=4096)
def _period(value: str) -> Literal:
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:10], datatype=XSD.date)


def add_figures(g: Graph, article: Article, figures: list[ResolvedFigure],
                iris: dict[str, URIRef], indicators: dict[str, URIRef]) -> None:
    """Add one observation per figure of ``article`` to its graph ``g``."""
    art = article_iri(article.id)
    used: set[tuple[str, int]] = set()
    for rf in figures:
        f = rf.figure
        obs = observation_iri(article.id, rf.index)
        quote = f.quote or article.clean[f.start:f.end]
        q0, q1 = article.original_range(f.start, f.end)
        if (f.indicator, q0) in used:
            # Two figures read from one clause: this one's quote is its own number and
            # unit, so that quote, offsets and key stay one to one.
            quote = article.clean[f.value_start:f.value_end]
            q0, q1 = article.original_range(f.value_start, f.value_end)
        used.add((f.indicator, q0))
        add = g.add
        add((obs, _TYPE, _OBSERVATION))
        add((obs, _DATA_SET, _FIGURES))
        add((obs, _INDICATOR, indicators.get(f.indicator, _UNSPECIFIED)))
        add((obs, _VALUE, decimal(f.value)))
        add((obs, _UNIT, UNITS.get(f.unit, _NUM)))
        add((obs, _QUALIFIER, QUALIFIERS.get(f.qualifier, _EXACT)))
        add((obs, _STATUS, STATUS.get(f.status, _ACHIEVED)))
        if f.cumulative:
            add((obs, _CUMULATIVE, _TRUE))
        if rf.area and rf.area in iris:
            add((obs, _REF_AREA, iris[rf.area]))
        if f.period:
            add((obs, _REF_PERIOD, _period(f.period)))
        if f.carrier_type:
            add((obs, _CARRIER_TYPE, _carrier_class(f.carrier_type)))
        if f.level in LEVELS:
            add((obs, _LEVEL, LEVELS[f.level]))
        if rf.subject and rf.subject in iris:
            add((obs, _SUBJECT, iris[rf.subject]))
        if f.whole is not None:
            add((obs, _PART_OF, observation_iri(article.id, f.whole)))
        add((obs, _DERIVED_FROM, art))
        add((obs, _SOURCE_ARTICLE, art))
        add((obs, _QUOTE, text(quote, "zh-Hans")))
        add((obs, _QUOTE_START, integer(q0)))
        add((obs, _QUOTE_END, integer(q1)))
