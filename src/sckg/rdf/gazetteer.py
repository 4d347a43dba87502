"""The gazetteer as RDF (``graph:gazetteer``), and links applied to it.

Every division is ``id:place-{code} a sc:Place`` with one ``rdfs:label @zh-Hans``,
``@zh-Hant``/``@zh-Latn-pinyin`` labels, an ``@en`` label where GeoNames gives an English
name, ``skos:altLabel @zh-Hans`` for every short form, ``sc:divisionCode``,
``sc:partOf`` its enclosing division, ``geo:lat``/``geo:long`` (``xsd:decimal``, six
places) and ``prov:wasDerivedFrom`` one ``prov:Entity`` per source package version.

A link is ``skos:exactMatch``/``skos:closeMatch`` on the place plus a match record
``id:match-{code}-{scheme}-{id} a sc:GazetteerMatch`` holding ``sc:matchOf``,
``sc:matchTarget``, ``sc:matchType``, ``sc:matchScore``, ``sc:matchReason`` and the
source; the place's ``sc:matchScore`` is the score of its GeoNames link.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from sckg.model import ForeignPlace, Gazetteer, PlaceLink
from sckg.rdf.iris import GEO, GEONAMES, ID, SC, WIKIDATA, match_iri, place_iri, source_iri

PROV = Namespace("http://www.w3.org/ns/prov#")
_TARGETS = {"geonames": GEONAMES, "wikidata": WIKIDATA}
_SCHEME_PREFIX = {"geonames": "https://sws.geonames.org/", "wikidata": "http://www.wikidata.org/entity/"}


def _new_graph() -> Graph:
    g = Graph()
    for prefix, ns in (("sc", SC), ("id", ID), ("geo", GEO), ("prov", PROV), ("skos", SKOS)):
        g.bind(prefix, ns)
    return g


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.6f}"), datatype=XSD.decimal)


def _add_source(g: Graph, source: str) -> URIRef:
    package, _, version = source.partition("==")
    iri = source_iri(package, version or "unversioned")
    g.add((iri, RDF.type, PROV.Entity))
    g.add((iri, RDFS.label, Literal(source)))
    if version:
        g.add((iri, SC.softwareVersion, Literal(version)))
    return iri


def foreign_iri(place: ForeignPlace) -> URIRef:
    """``id:place-{slug of the English name}``: ``id:place-turkey``, ``id:place-silicon-valley``."""
    return place_iri(name=place.name_en)


def gazetteer_graph(gaz: Gazetteer, english: dict[str, str] | None = None, graph=None) -> Graph:
    """The triples of ``graph:gazetteer`` for every division, foreign place and link.

    ``english`` maps division codes to English names (GeoNames' name of the linked entry).
    ``graph`` is what they are added to (anything with ``add``, ``set`` and ``in``, such as
    :class:`sckg.rdf.triples.TripleSet`); a new rdflib Graph if None.
    """
    g = graph if graph is not None else _new_graph()
    english = english or {}
    sources: dict[str, URIRef] = {}
    for code in sorted(gaz.divisions):
        d = gaz.divisions[code]
        s = place_iri(code)
        g.add((s, RDF.type, SC.Place))
        g.add((s, RDFS.label, Literal(d.name, lang="zh-Hans")))
        if d.name_hant:
            g.add((s, RDFS.label, Literal(d.name_hant, lang="zh-Hant")))
        if d.pinyin:
            g.add((s, RDFS.label, Literal(d.pinyin, lang="zh-Latn-pinyin")))
        if code in english:
            g.add((s, RDFS.label, Literal(english[code], lang="en")))
        for short in d.short_names:
            g.add((s, SKOS.altLabel, Literal(short, lang="zh-Hans")))
        g.add((s, SC.divisionCode, Literal(code)))
        if d.parent:
            g.add((s, SC.partOf, place_iri(d.parent)))
        if d.lat is not None and d.lon is not None:
            g.add((s, GEO.lat, _decimal(d.lat)))
            g.add((s, GEO.long, _decimal(d.lon)))
        for source in d.sources:
            if source not in sources:
                sources[source] = _add_source(g, source)
            g.add((s, PROV.wasDerivedFrom, sources[source]))
    seen: set[str] = set()
    for name in sorted(gaz.foreign):
        p = gaz.foreign[name]
        if p.key in seen:
            continue
        seen.add(p.key)
        s = foreign_iri(p)
        g.add((s, RDF.type, SC.Place))
        g.add((s, RDFS.label, Literal(p.name, lang="zh-Hans")))
        g.add((s, RDFS.label, Literal(p.name_en, lang="en")))
        for alias in p.aliases:
            g.add((s, SKOS.altLabel, Literal(alias, lang="zh-Hans")))
        if p.lat is not None and p.lon is not None:
            g.add((s, GEO.lat, _decimal(p.lat)))
            g.add((s, GEO.long, _decimal(p.lon)))
        if p.geonames_id:
            g.add((s, SKOS.exactMatch, URIRef(GEONAMES.format(p.geonames_id))))
        if p.wikidata_id:
            g.add((s, SKOS.exactMatch, URIRef(WIKIDATA.format(p.wikidata_id))))
    _apply(g, gaz.links, fresh=True)
    return g


def apply_links(graph: Graph, links: Iterable[PlaceLink]) -> Graph:
    """A copy of ``graph`` with ``links`` added; a place's earlier links in a scheme are replaced.

    Links to places the graph does not hold are ignored (``links_applicable`` tells which).
    """
    g = _new_graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns, override=False)
    for triple in graph:
        g.add(triple)
    _apply(g, links, fresh=False)
    return g


def _apply(g: Graph, links: Iterable[PlaceLink], *, fresh: bool) -> None:
    links = sorted(links, key=lambda l: (l.code, l.scheme, l.identifier))
    sources: dict[str, URIRef] = {}
    for code, scheme in sorted({(l.code, l.scheme) for l in links} if not fresh else ()):
        place = place_iri(code)
        if (place, RDF.type, SC.Place) not in g:
            continue
        for pred in (SKOS.exactMatch, SKOS.closeMatch):
            for target in list(g.objects(place, pred)):
                if str(target).startswith(_SCHEME_PREFIX[scheme]):
                    g.remove((place, pred, target))
        for record in list(g.subjects(SC.matchOf, place)):
            target = g.value(record, SC.matchTarget)
            if target is not None and str(target).startswith(_SCHEME_PREFIX[scheme]):
                g.remove((record, None, None))
        if scheme == "geonames":
            g.remove((place, SC.matchScore, None))
    for link in links:
        place = place_iri(link.code)
        if (place, RDF.type, SC.Place) not in g:
            continue
        target = URIRef(_TARGETS[link.scheme].format(link.identifier))
        pred = SKOS.exactMatch if link.kind == "exactMatch" else SKOS.closeMatch
        g.add((place, pred, target))
        record = match_iri(link.code, link.scheme, link.identifier)
        g.add((record, RDF.type, SC.GazetteerMatch))
        g.add((record, SC.matchOf, place))
        g.add((record, SC.matchTarget, target))
        g.add((record, SC.matchType, pred))
        g.add((record, SC.matchScore, Literal(Decimal(f"{link.score:.3f}"), datatype=XSD.decimal)))
        g.add((record, SC.matchReason, Literal(link.reason)))
        if link.source not in sources:
            sources[link.source] = _add_source(g, link.source)
        g.add((record, PROV.wasDerivedFrom, sources[link.source]))
        if link.scheme == "geonames":
            g.set((place, SC.matchScore, Literal(Decimal(f"{link.score:.3f}"), datatype=XSD.decimal)))
    return g


def links_applicable(graph: Graph, links: Iterable[PlaceLink]) -> list[PlaceLink]:
    """The links whose place the graph holds."""
    return [l for l in links if (place_iri(l.code), RDF.type, SC.Place) in graph]
