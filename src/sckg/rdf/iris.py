"""The one place where IRIs are minted.

Local names are readable (a pinyin slug or a division code), deterministic, and legal
SPARQL/Turtle prefixed names: ASCII letters, digits, ``-`` and ``_`` only, never ``/``.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rdflib import Namespace, URIRef

from sckg.rdf.readings import plain_syllables

SC = Namespace("https://w3id.org/sckg/ontology#")
ID = Namespace("https://w3id.org/sckg/id/")
GRAPH = Namespace("https://w3id.org/sckg/graph/")
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GEONAMES = "https://sws.geonames.org/{}/"
WIKIDATA = "http://www.wikidata.org/entity/{}"

ONTOLOGY_GRAPH = GRAPH["ontology"]
GAZETTEER_GRAPH = GRAPH["gazetteer"]
CURATED_GRAPH = GRAPH["curated"]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_PARTS: dict[str, str] = {}  # syllable or word → its slug part


def _part(word: str) -> str:
    found = _PARTS.get(word)
    if found is None:
        if len(_PARTS) >= 100_000:
            _PARTS.clear()
        found = _PARTS[word] = _NON_SLUG.sub("-", word.lower().replace("ü", "v")).strip("-")
    return found


@lru_cache(maxsize=65536)
def slug(text: str, max_words: int = 12) -> str:
    """A lowercase ASCII slug of ``text``: pinyin for Chinese, words joined by ``-``."""
    # Non-Chinese runs stay whole words (Iran → iran, not i-r-a-n).
    parts = [p for p in map(_part, plain_syllables(text)) if p]
    joined = "-".join(parts[:max_words])
    if len(parts) > max_words or not joined:
        # Long names keep a readable head and a short digest of the whole name.
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        joined = f"{joined}-{digest}" if joined else digest
    return joined


def entity_iri(kind: str, name: str) -> URIRef:
    """``id:{kind}-{slug(name)}``, e.g. ``id:person-bao-hanwen``."""
    return ID[f"{kind}-{slug(name)}"]


def place_iri(code: str | None = None, name: str | None = None) -> URIRef:
    """A Chinese division by its GB/T 2260 code (``id:place-540100``), else by name."""
    if code:
        return ID[f"place-{code}"]
    if not name:
        raise ValueError("a place needs a code or a name")
    return ID[f"place-{slug(name)}"]


def article_iri(article_id: str) -> URIRef:
    """``id:article-{article-id}``."""
    return ID[f"article-{article_id}"]


def article_graph(article_id: str) -> URIRef:
    """``graph:{article-id}``, the named graph of what one article says."""
    return GRAPH[article_id]


def source_iri(package: str, version: str) -> URIRef:
    """A data source at one version: ``id:source-cpca-0-5-5``."""
    name = _NON_SLUG.sub("-", package.lower()).strip("-") or slug(package)
    return ID[f"source-{name}-{_NON_SLUG.sub('-', version.lower()).strip('-')}"]


def match_iri(code: str, scheme: str, identifier: str) -> URIRef:
    """A gazetteer match of a place: ``id:match-540100-geonames-1280737``."""
    return ID[f"match-{code}-{scheme}-{_NON_SLUG.sub('-', identifier.lower()).strip('-')}"]
