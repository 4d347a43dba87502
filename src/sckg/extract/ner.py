"""A learned entity recogniser: a character-level BIO tagger (a linear-chain CRF,
python-crfsuite) trained on public annotated Chinese NER corpora
(``sckg.extract.ner_train``; ``make model``).

It proposes spans of these types:

- PER person, GOV government agency, COMP company, ORG other organisation, LOC place or
  address, POS post or title (the types the extractor reads);
- BOOK, GAME, MOVIE, SCENE (CLUENER2020's other types), EDU, PRO, RACE, CONT (Resume's
  education, profession, ethnicity, country or nationality) and PER_NOM, ORG_NOM,
  LOC_NOM (Weibo's nominal mentions such as 男友): learned so that the corpora can be
  scored on their own label sets; the extractor has no use for them.

Each training corpus is a domain with its own conventions (``ner_features.DOMAINS``);
``news`` (CLUENER2020: Sina news, posts and agencies marked) is the one for articles.

    >>> labeller = Labeller.load()
    >>> labeller.spans("江苏省科学技术厅副厅长王建国出席会议")  # doctest: +SKIP
    [(0, 8, 'GOV'), (8, 11, 'POS'), (11, 14, 'PER')]

The model and its metadata (corpora, their digests, the feature version, the training
parameters, the commit it was trained from) are package data: ``sckg/data/ner.crfsuite``
and ``sckg/data/ner.json``.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from functools import lru_cache
from importlib import resources

from sckg.extract.ner_features import DOMAINS, FEATURE_VERSION, sentence_features
from sckg.model import InputError

MODEL_FILE = "ner.crfsuite"
METADATA_FILE = "ner.json"
TYPES = ("PER", "GOV", "COMP", "ORG", "LOC", "POS", "BOOK", "GAME", "MOVIE", "SCENE",
         "EDU", "PRO", "RACE", "CONT", "PER_NOM", "ORG_NOM", "LOC_NOM")
# The types the extractor reads; the others exist so the corpora can be scored.
ARTICLE_TYPES = ("PER", "GOV", "COMP", "ORG", "LOC", "POS")
# Texts are tagged a sentence at a time (as the corpora are): cut after these, and at
# line breaks. A sentence longer than _LONGEST is cut further at commas or blindly.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|[\r\n]+")
_LONGEST = 400
_PAIRS = dict(zip("《“‘（(「『【〈[", "》”’）)」』】〉]"))
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_EDGE_PUNCTUATION = frozenset("《》“”‘’（）()「」『』【】〈〉[]\"'，,。、；;：:！!？?·•-—…/|~")

Span = tuple[int, int, str]


def bio_tags(length: int, spans: list[Span]) -> list[str]:
    """The BIO tags of a sentence of ``length`` characters with ``spans`` (later spans
    that overlap an earlier one are dropped)."""
    tags = ["O"] * length
    for start, end, kind in sorted(spans):
        if start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = "B-" + kind
        for i in range(start + 1, end):
            tags[i] = "I-" + kind
    return tags


def bio_spans(tags: list[str]) -> list[Span]:
    """Spans ``(start, end, type)`` of a BIO tag sequence; an ``I-`` that does not
    continue an open span of its type starts one (the conlleval reading)."""
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind:
            spans.append((start, i, kind))
            kind = ""
        if tag != "O":
            start, kind = i, tag[2:]
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces and punctuation at its edges, except brackets and
    quotes closed inside it (《三体》 keeps its 《》, “贝鲁斯科尼 loses its “)."""
    while start < end:
        first, last = text[start], text[end - 1]
        if first.isspace() or (first in _EDGE_PUNCTUATION and not (
                first in _PAIRS and _PAIRS[first] in text[start + 1:end])):
            start += 1
        elif last.isspace() or (last in _EDGE_PUNCTUATION and not (
                last in _CLOSERS and _CLOSERS[last] in text[start:end - 1])):
            end -= 1
        else:
            break
    return start, end


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences ``text`` is tagged in, covering its characters
    except line breaks; none longer than ``_LONGEST``."""
    out = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() if match.group()[0] in "\r\n" else match.end()
        out.extend(_cut_long(text, start, end))
        start = match.end()
    out.extend(_cut_long(text, start, len(text)))
    return [(s, e) for s, e in out if e > s and text[s:e].strip()]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > _LONGEST:
        window = text[start:start + _LONGEST]
        comma = max(window.rfind("，"), window.rfind(","))
        cut = start + comma + 1 if comma > _LONGEST // 2 else start + _LONGEST
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


class Labeller:
    """The trained recogniser; :meth:`load` it once per process."""

    def __init__(self, model: bytes, metadata: dict):
        import pycrfsuite

        if metadata.get("feature_version") != FEATURE_VERSION:
            raise InputError(f"{METADATA_FILE}: model built with feature version "
                             f"{metadata.get('feature_version')!r}, this code reads "
                             f"{FEATURE_VERSION!r}; run `make model`")
        if hashlib.sha256(model).hexdigest() != metadata.get("model_sha256"):
            raise InputError(f"{MODEL_FILE}: does not match the digest in {METADATA_FILE}")
        self.metadata = metadata
        self._model = model  # the tagger reads from this buffer: keep it alive
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self._lock = threading.Lock()  # a crfsuite tagger is not safe across threads

    @classmethod
    def load(cls) -> Labeller:
        """The packaged model, loaded once per process."""
        return _packaged()

    def tags(self, text: str, domain: str = "news", words: list[tuple[str, str]] | None = None) -> list[str]:
        """The BIO tag of each character of one sentence (``words``: its
        :func:`~sckg.extract.ner_features.cut`, if the caller has it)."""
        if not text:
            return []
        features = sentence_features(text, domain, words)
        with self._lock:
            return self._tagger.tag(features)

    def spans(self, text: str, domain: str = "news") -> list[Span]:
        """Entity spans ``(start, end, type)`` in ``text``: character offsets into
        ``text`` (``end`` exclusive), in order. ``domain`` is one of
        ``ner_features.DOMAINS``; ``news`` suits articles. Spans never cross a line break."""
        if domain not in DOMAINS:
            raise ValueError(f"unknown domain {domain!r}: one of {', '.join(DOMAINS)}")
        out: list[Span] = []
        for start, end in sentences(text):
            for s, e, kind in bio_spans(self.tags(text[start:end], domain)):
                s, e = start + s, start + e
                if kind in ARTICLE_TYPES:  # (the corpora's titles keep their stray 》)
                    s, e = trim(text, s, e)
                if s < e:
                    out.append((s, e, kind))
        return out


def read_metadata() -> dict:
    """The packaged model's metadata (``sckg/data/ner.json``)."""
    path = resources.files("sckg").joinpath("data", METADATA_FILE)
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{METADATA_FILE}: cannot read the recogniser's metadata ({error}); "
                         "run `make model`") from None


@lru_cache(maxsize=1)
def _packaged() -> Labeller:
    from sckg.extract import load_word_models  # jieba, quietly (the features cut with it)

    load_word_models()
    metadata = read_metadata()
    try:
        model = resources.files("sckg").joinpath("data", MODEL_FILE).read_bytes()
    except OSError as error:
        raise InputError(f"{MODEL_FILE}: cannot read the recogniser's model ({error}); "
                         "run `make model`") from None
    return Labeller(model, metadata)
