"""Figures as Data Cube observations in ``sc:figures``.

Dimensions are the indicator, the source article and the quote's start offset, so
every observation is keyed; value, unit, qualifier, status, area, period, carrier
type, level, subject and the part-of link are attributes and the measure.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from sckg.model import Article, ResolvedFigure
from sckg.rdf.iris import ID, QB, SC, article_iri

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


def observation_iri(article_id: str, index: int) -> URIRef:
    """``id:obs-{article-id}-{n}``."""
    return ID[f"obs-{article_id}-{index}"]


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
        g.add((obs, RDF.type, QB.Observation))
        g.add((obs, QB.dataSet, SC.figures))
        g.add((obs, SC.indicator, indicators.get(f.indicator, SC.UnspecifiedCount)))
        g.add((obs, SC.value, Literal(Decimal(f.value), datatype=XSD.decimal)))
        g.add((obs, SC.unit, UNITS.get(f.unit, UNIT.NUM)))
        g.add((obs, SC.valueQualifier, QUALIFIERS.get(f.qualifier, SC.Exact)))
        g.add((obs, SC.figureStatus, STATUS.get(f.status, SC.Achieved)))
        if f.cumulative:
            g.add((obs, SC.cumulative, Literal(True)))
        if rf.area and rf.area in iris:
            g.add((obs, SC.refArea, iris[rf.area]))
        if f.period:
            g.add((obs, SC.refPeriod, _period(f.period)))
        if f.carrier_type:
            g.add((obs, SC.carrierType, SC[f.carrier_type]))
        if f.level in LEVELS:
            g.add((obs, SC.accreditationLevel, LEVELS[f.level]))
        if rf.subject and rf.subject in iris:
            g.add((obs, SC.subject, iris[rf.subject]))
        if f.whole is not None:
            g.add((obs, SC.partOfFigure, observation_iri(article.id, f.whole)))
        g.add((obs, PROV.wasDerivedFrom, art))
        g.add((obs, SC.sourceArticle, art))
        g.add((obs, SC.quote, Literal(quote, lang="zh-Hans")))
        g.add((obs, SC.quoteStart, Literal(q0, datatype=XSD.integer)))
        g.add((obs, SC.quoteEnd, Literal(q1, datatype=XSD.integer)))
