"""Linked Places Format (LPF v1.1, GeoJSON-LD) export, as the World Historical Gazetteer reads it.

``lpf_collection`` turns plain records into a FeatureCollection; ``records_from_graph``
reads the records from a built graph with SPARQL (every ``sc:Place``, and every carrier
with coordinates of its own or of the place it is located in), so the export works from
the graph alone. Links are written with the context's prefixes: ``gn:``, ``wd:``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
_PREFIXES = (("https://sws.geonames.org/", "gn:"), ("http://sws.geonames.org/", "gn:"),
             ("http://www.wikidata.org/entity/", "wd:"))
_LANGS = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-latn-pinyin": "zh-Latn-pinyin"}
_CCODES = {"71": "TW", "81": "HK", "82": "MO"}


@dataclass(frozen=True)
class LpfRecord:
    """One place or carrier to export."""

    iri: str
    title: str  # the zh-Hans label
    names: tuple[tuple[str, str], ...]  # (toponym, BCP 47 language tag)
    type_iri: str  # the entity's class
    type_label: str
    lat: float | None = None
    lon: float | None = None
    ccodes: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # ("exactMatch" | "closeMatch", IRI)
    citations: tuple[tuple[str, str], ...] = ()  # (label, IRI) of the sources of the names
    certainty: str = "certain"  # of the point: "certain" | "less-certain"


def _identifier(iri: str) -> str:
    for prefix, alias in _PREFIXES:
        if iri.startswith(prefix):
            return alias + iri[len(prefix):].rstrip("/")
    return iri


def lpf_feature(r: LpfRecord) -> dict:
    """One LPF Feature."""
    names = [{"toponym": t, "lang": lang} for t, lang in r.names] or [{"toponym": r.title, "lang": "zh-Hans"}]
    names[0]["citations"] = [{"label": label, "@id": iri} for label, iri in r.citations] or [
        {"label": "sckg knowledge graph", "@id": r.iri}
    ]
    feature: dict = {
        "@id": r.iri,
        "type": "Feature",
        "properties": {"title": r.title, "ccodes": list(r.ccodes)},
        "names": names,
        "types": [{"identifier": r.type_iri, "label": r.type_label}],
        "geometry": None,
        "links": [{"type": kind, "identifier": _identifier(iri)} for kind, iri in r.links],
    }
    if r.lat is not None and r.lon is not None:
        feature["geometry"] = {"type": "Point", "coordinates": [round(r.lon, 6), round(r.lat, 6)],
                               "certainty": r.certainty}
    return feature


def lpf_collection(records: Iterable[LpfRecord]) -> dict:
    """A Linked Places FeatureCollection of ``records``, sorted by IRI."""
    return {
        "type": "FeatureCollection",
        "@context": CONTEXT,
        "features": [lpf_feature(r) for r in sorted(records, key=lambda r: r.iri)],
    }


def dumps(collection: dict) -> str:
    """Deterministic JSON text of a collection."""
    return json.dumps(collection, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


class _Row:
    """Attribute access to a pyoxigraph solution's values as strings (None when unbound)."""

    def __init__(self, sol) -> None:
        self._sol = sol

    def __getattr__(self, name: str) -> str | None:
        return _value(self._sol[name])


_QUERY = """
PREFIX sc: <https://w3id.org/sckg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?s ?type ?label ?alt ?lang ?lat ?long ?plat ?plong ?code ?match ?target ?src ?srclabel WHERE {
  ?s a ?type .
  { ?s a sc:Place }
  UNION
  { ?s a ?carrier . ?carrier rdfs:subClassOf+ sc:InnovationCarrier }
  UNION
  { VALUES ?carrier { sc:MakerSpace sc:SpecialisedMakerSpace sc:TechnologyBusinessIncubator
      sc:StarCreationSpace sc:UniversitySciencePark sc:Accelerator sc:HighTechZone
      sc:EconomicDevelopmentZone sc:IncubationBase sc:EntrepreneurshipPark
      sc:DemonstrationBase sc:TechnologyMarket } ?s a ?carrier . }
  OPTIONAL { { ?s rdfs:label ?label BIND(0 AS ?alt) } UNION { ?s skos:altLabel ?label BIND(1 AS ?alt) }
             BIND(LANG(?label) AS ?lang) }
  OPTIONAL { ?s geo:lat ?lat ; geo:long ?long }
  OPTIONAL { ?s sc:locatedIn ?p . ?p geo:lat ?plat ; geo:long ?plong }
  OPTIONAL { ?s sc:divisionCode ?code }
  OPTIONAL { ?s ?match ?target . FILTER(?match IN (skos:exactMatch, skos:closeMatch)) }
  OPTIONAL { { ?s prov:wasDerivedFrom ?src } UNION { ?s sc:mentionedIn ?src }
             OPTIONAL { ?src rdfs:label ?srclabel } }
}
"""


def records_from_graph(graph) -> list[LpfRecord]:
    """The records of an rdflib graph or dataset (queried in an in-memory Oxigraph store)."""
    import pyoxigraph

    store = pyoxigraph.Store()
    data = graph.serialize(format="nquads" if hasattr(graph, "contexts") and hasattr(graph, "graph") else "nt")
    store.load(data.encode("utf-8") if isinstance(data, str) else data, pyoxigraph.RdfFormat.N_QUADS)
    return records_from_store(store)


def _value(term) -> str | None:
    return None if term is None else term.value


def records_from_store(store) -> list[LpfRecord]:
    """Every place, and every carrier with a point (its own or its place's), of a pyoxigraph store
    (all graphs)."""
    rows: dict[str, dict] = {}
    for sol in store.query(_QUERY, use_default_graph_as_union=True):
        b = _Row(sol)
        s = str(b.s)
        r = rows.setdefault(s, {"types": set(), "labels": set(), "pt": None, "ppt": set(),
                                "code": None, "links": set(), "cites": set()})
        r["types"].add(str(b.type))
        if b.label is not None:
            lang = str(b.lang or "")
            r["labels"].add((int(b.alt or 0), str(b.label), _LANGS.get(lang.lower(), lang)))
        if b.lat is not None:
            r["pt"] = (float(b.lat), float(b.long))
        if b.plat is not None:
            r["ppt"].add((float(b.plat), float(b.plong)))
        if b.code is not None:
            r["code"] = str(b.code)
        if b.target is not None:
            r["links"].add((str(b.match).rsplit("#", 1)[-1], str(b.target)))
        if b.src is not None:
            r["cites"].add((str(b.srclabel or b.src), str(b.src)))
    out = []
    for s, r in sorted(rows.items()):
        types = sorted(t for t in r["types"] if t.startswith("https://w3id.org/sckg/ontology#"))
        is_place = "https://w3id.org/sckg/ontology#Place" in types
        point, certainty = r["pt"], "certain"
        if point is None and len(r["ppt"]) == 1:
            point, certainty = next(iter(r["ppt"])), "less-certain"
        if not is_place and point is None:
            continue
        lang_order = {"zh-Hans": 0, "zh-Hant": 1, "zh-Latn-pinyin": 2, "en": 3}
        ordered = sorted(r["labels"], key=lambda x: (x[0], lang_order.get(x[2], 9), x[1]))
        labels = list(dict.fromkeys((t, lang) for _alt, t, lang in ordered))
        title = next((t for t, lang in labels if lang == "zh-Hans"), labels[0][0] if labels else s)
        type_iri = "https://w3id.org/sckg/ontology#Place" if is_place else (types[0] if types else "")
        code = r["code"]
        ccodes = (_CCODES.get(code[:2], "CN"),) if code else ()
        out.append(LpfRecord(
            iri=s, title=title, names=tuple((t, lang or "und") for t, lang in labels),
            type_iri=type_iri, type_label=type_iri.rsplit("#", 1)[-1],
            lat=point[0] if point else None, lon=point[1] if point else None,
            ccodes=ccodes, links=tuple(sorted(r["links"])), citations=tuple(sorted(r["cites"])),
            certainty=certainty,
        ))
    return out
