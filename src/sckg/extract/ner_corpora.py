"""The public annotated NER corpora the recogniser is trained and scored on: reading
them, their labels in the recogniser's types, and span-exact scoring.

The corpora (``../shared/corpora`` beside the repository, or ``$SCKG_CORPORA``) are one
JSON object per sentence: ``{"text": …, "entities": [{"start", "end", "type", "text"}]}``
with each corpus's own labels. They are data for training and testing only and are
never copied into the repository.

Training labels (the recogniser's types, see ``sckg.extract.ner.TYPES``):

- CLUENER2020 (domain ``news``): name → PER, government → GOV, company → COMP,
  organization → ORG, address → LOC, position → POS; book, game, movie and scene keep
  types of their own (BOOK, GAME, MOVIE, SCENE) rather than teaching that such spans are
  nothing.
- People's Daily (``paper``), Resume (``resume``), Weibo (``weibo``) have one
  organisation type. Each organisation span is typed GOV, COMP or ORG by its ending:
  first the project's agency and company endings (``lexicon.ORG_SUFFIXES``: 科学技术厅,
  管委会, 有限公司 …), then the endings read off CLUENER2020's training split
  (:func:`ending_types`): an ending of one to four Han characters that ends at least
  five of its government, company and organization spans, four times in five with the
  same type. Anything else is ORG.
- Resume: NAME → PER, TITLE → POS, LOC → LOC, and EDU, PRO, RACE, CONT as they are.
- Weibo: the names (``.NAM``) → PER, ORG, LOC (GPE and LOC both LOC); the nominal
  mentions (``.NOM``, 男友, 文艺公司) are kept apart as PER_NOM, ORG_NOM, LOC_NOM so
  that they are neither names nor nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

Span = tuple[int, int, str]
_HAN = re.compile(r"[\u4e00-\u9fff]+")

ROOT = Path(__file__).resolve().parents[3]
# Every training split the recogniser may use: (corpus, split, file, domain).
TRAINING = (
    ("cluener2020", "train", "cluener2020/train.jsonl", "news"),
    ("resume", "train", "resume/train.jsonl", "resume"),
    ("weibo", "train", "weibo/train.jsonl", "weibo"),
    ("peoples_daily", "dev", "peoples_daily/dev.jsonl", "paper"),
)
_CLUENER = {"name": "PER", "government": "GOV", "company": "COMP", "organization": "ORG",
            "address": "LOC", "position": "POS", "book": "BOOK", "game": "GAME",
            "movie": "MOVIE", "scene": "SCENE"}
_RESUME = {"NAME": "PER", "TITLE": "POS", "LOC": "LOC", "EDU": "EDU", "PRO": "PRO",
           "RACE": "RACE", "CONT": "CONT"}
_WEIBO = {"PER.NAM": "PER", "LOC.NAM": "LOC", "GPE.NAM": "LOC", "PER.NOM": "PER_NOM",
          "ORG.NOM": "ORG_NOM", "LOC.NOM": "LOC_NOM", "GPE.NOM": "LOC_NOM"}
_PAPER = {"PER": "PER", "LOC": "LOC"}
_LEXICON_TYPES = {"GovernmentAgency": "GOV", "Company": "COMP"}


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence: its text and its entity spans ``(start, end, label)``."""

    text: str
    spans: tuple[Span, ...]


def corpora_dir() -> Path:
    """The corpora folder: ``$SCKG_CORPORA``, else ``../shared/corpora`` from the repository."""
    given = os.environ.get("SCKG_CORPORA")
    return Path(given) if given else ROOT.parent / "shared" / "corpora"


def read(path: Path, limit: int | None = None) -> list[Sentence]:
    """The sentences of one corpus file (the first ``limit`` when given), corpus labels."""
    sentences = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(sentences) >= limit:
                break
            record = json.loads(line)
            spans = tuple((e["start"], e["end"], e["type"]) for e in record["entities"])
            sentences.append(Sentence(record["text"], spans))
    return sentences


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ending_types(cluener_train: Iterable[Sentence], minimum: int = 5,
                 share: float = 0.8) -> dict[str, str]:
    """Endings (1–4 characters) → GOV/COMP/ORG, from CLUENER2020's organisation spans."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sentence in cluener_train:
        for start, end, label in sentence.spans:
            kind = _CLUENER[label]
            if kind in ("GOV", "COMP", "ORG"):
                name = sentence.text[start:end]
                for length in range(1, min(4, len(name)) + 1):
                    counts[name[-length:]][kind] += 1
    table = {}
    for ending, counter in sorted(counts.items()):
        total = sum(counter.values())
        kind, most = max(sorted(counter.items()), key=lambda kv: kv[1])
        if total >= minimum and most >= share * total and _HAN.fullmatch(ending):
            table[ending] = kind
    return table


def organisation_type(name: str, endings: Mapping[str, str]) -> str:
    """GOV, COMP or ORG for an organisation's name: by the project's agency and company
    endings, else by its longest ending in ``endings``."""
    from sckg.extract.lexicon import ORG_SUFFIXES

    for suffix, cls in sorted(ORG_SUFFIXES, key=lambda sc: -len(sc[0])):
        if name.endswith(suffix) and cls in _LEXICON_TYPES:
            return _LEXICON_TYPES[cls]
    for length in range(min(4, len(name)), 0, -1):
        kind = endings.get(name[-length:])
        if kind:
            return kind
    return "ORG"


def training_spans(corpus: str, sentence: Sentence, endings: Mapping[str, str]) -> list[Span]:
    """A sentence's spans in the recogniser's types (see the module's docstring)."""
    out = []
    for start, end, label in sentence.spans:
        if corpus == "cluener2020":
            kind = _CLUENER[label]
        elif label in ("ORG", "ORG.NAM"):
            kind = organisation_type(sentence.text[start:end], endings)
        else:
            kind = {"resume": _RESUME, "weibo": _WEIBO, "peoples_daily": _PAPER}[corpus][label]
        out.append((start, end, kind))
    return out


# Scoring: the recogniser's types → each test corpus's labels (types it does not map
# are not scored there). Weibo's GPE and LOC are scored as one type, as it has one.
SCORED = {
    "cluener2020": {v: k for k, v in _CLUENER.items()},
    "resume": {"PER": "NAME", "GOV": "ORG", "COMP": "ORG", "ORG": "ORG", "POS": "TITLE",
               "LOC": "LOC", "EDU": "EDU", "PRO": "PRO", "RACE": "RACE", "CONT": "CONT"},
    "weibo": {"PER": "PER.NAM", "GOV": "ORG.NAM", "COMP": "ORG.NAM", "ORG": "ORG.NAM",
              "LOC": "LOC/GPE.NAM", "PER_NOM": "PER.NOM", "ORG_NOM": "ORG.NOM",
              "LOC_NOM": "LOC/GPE.NOM"},
    "msra": {"PER": "NR", "LOC": "NS", "GOV": "NT", "COMP": "NT", "ORG": "NT"},
    "peoples_daily": {"PER": "PER", "LOC": "LOC", "GOV": "ORG", "COMP": "ORG", "ORG": "ORG"},
}
# Gold labels folded the same way (Weibo's GPE into LOC).
GOLD = {"weibo": {"LOC.NAM": "LOC/GPE.NAM", "GPE.NAM": "LOC/GPE.NAM",
                  "LOC.NOM": "LOC/GPE.NOM", "GPE.NOM": "LOC/GPE.NOM"}}


def scored_spans(corpus: str, spans: Iterable[Span]) -> set[Span]:
    """Predicted spans in ``corpus``'s labels (unmapped types dropped)."""
    table = SCORED[corpus]
    return {(s, e, table[t]) for s, e, t in spans if t in table}


def gold_spans(corpus: str, sentence: Sentence) -> set[Span]:
    """A test sentence's gold spans in the labels it is scored with."""
    table = GOLD.get(corpus, {})
    return {(s, e, table.get(t, t)) for s, e, t in sentence.spans}


def score(gold: list[set[Span]], predicted: list[set[Span]],
          groups: Mapping[str, Iterable[str]] = {}) -> dict[str, dict[str, float]]:
    """Span-exact precision, recall and F1 per label, and micro-averaged over each named
    group of labels: ``{label: {"p", "r", "f1", "tp", "gold", "predicted"}}``."""
    tp: Counter = Counter()
    n_gold: Counter = Counter()
    n_pred: Counter = Counter()
    for g, p in zip(gold, predicted, strict=True):
        n_gold.update(t for _s, _e, t in g)
        n_pred.update(t for _s, _e, t in p)
        tp.update(t for _s, _e, t in g & p)
    rows = {label: (tp[label], n_gold[label], n_pred[label]) for label in sorted(n_gold)}
    for name, labels in groups.items():
        labels = list(labels)
        rows[name] = (sum(tp[t] for t in labels), sum(n_gold[t] for t in labels),
                      sum(n_pred[t] for t in labels))
    out = {}
    for label, (t, g, p) in rows.items():
        precision = t / p if p else 0.0
        recall = t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"p": precision, "r": recall, "f1": f1, "tp": t, "gold": g, "predicted": p}
    return out
