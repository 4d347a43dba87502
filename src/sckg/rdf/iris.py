"""The one place where IRIs are minted, and the pinyin readings of names.

Local names are readable (a pinyin slug or a division code), deterministic, and legal
SPARQL/Turtle prefixed names: ASCII letters, digits, ``-`` and ``_`` only, never ``/``.

Readings are pypinyin's: it cuts a text into words (its phrase dictionary decides
how) and reads each word; reading a word is most of the cost and the words of names
repeat endlessly (科技, 有限公司, 云南). The converter here is the one pypinyin's
functions use, with each word's reading remembered.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from pypinyin import Style
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin
from rdflib import Namespace, URIRef

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

_WORDS_LIMIT = 200_000  # remembered word readings before the memory is cleared


class _RememberingConverter(UltimateConverter):
    """The converter of pypinyin's ``pinyin`` and ``lazy_pinyin`` (no options set),
    remembering the reading of each word it has read."""

    def __init__(self) -> None:
        super().__init__()
        self._memo: dict[tuple, tuple] = {}

    def convert(self, words, style, heteronym, errors, strict, **kwargs):
        key = (words, style, heteronym, errors, strict)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _WORDS_LIMIT:
                self._memo.clear()
            found = tuple(tuple(item) for item in
                          super().convert(words, style, heteronym, errors, strict, **kwargs))
            self._memo[key] = found
        return list(found)


_PINYIN = Pinyin(_RememberingConverter())


def _keep(chars: str) -> list[str]:
    """Characters without a reading stay as they are (a whole non-Chinese run is one word)."""
    return [chars]


def plain_syllables(text: str) -> list[str]:
    """``lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: [s])``: toneless syllables,
    other runs of characters kept whole."""
    return _PINYIN.lazy_pinyin(text, style=Style.NORMAL, errors=_keep)


@lru_cache(maxsize=65536)
def tone_syllables(text: str) -> tuple[str, ...]:
    """The first reading of each character with tone marks, characters without one left out:
    ``[s[0] for s in pinyin(text, style=Style.TONE, errors="ignore")]``."""
    return tuple(s[0] for s in _PINYIN.pinyin(text, style=Style.TONE, errors="ignore"))


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
