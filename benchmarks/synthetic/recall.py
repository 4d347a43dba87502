"""Score the pipeline on generated articles against their manifest.

The gold records (``OUTDIR/gold/*.json``) are in the format of tests/gold, so the project's own
scorer (``sckg.evaluate.evaluate_article``) matches them against the built dataset:
entities by category, name or alias; posts; figures by value, unit and qualifier. The
mis-decoded stretches are checked against what the normalize stage found and repaired.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS


@dataclass
class Recall:
    """Matched and planted counts per entity category, for posts and for figures."""

    entities: dict[str, list[int]] = field(default_factory=dict)  # category → [found, planted, predicted]
    posts: list[int] = field(default_factory=lambda: [0, 0, 0])
    figures: list[int] = field(default_factory=lambda: [0, 0, 0])
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name → [right, matched]
    damage: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # planted, found, restored, inside restored
    missing: Counter = field(default_factory=Counter)  # (category, name) of planted things missed

    @staticmethod
    def ratio(pair: list[int]) -> float:
        """``found / planted`` (1.0 when nothing was planted)."""
        return pair[0] / pair[1] if pair[1] else 1.0

    @property
    def carriers(self) -> float:
        """Recall of the planted carriers."""
        return self.ratio(self.entities.get("InnovationCarrier", [0, 0]))

    @property
    def figure_recall(self) -> float:
        """Recall of the planted figures."""
        return self.ratio(self.figures)

    def lines(self) -> list[str]:
        """A plain-text table: recall (and precision) per category."""
        out = [f"{'category':<20}{'planted':>8}{'found':>7}{'recall':>8}{'precision':>10}"]
        rows = sorted(self.entities.items()) + [("posts", self.posts), ("figures", self.figures)]
        for name, (tp, planted, predicted) in rows:
            prec = f"{tp / predicted:.2f}" if predicted else "-"
            out.append(f"{name:<20}{planted:>8}{tp:>7}{self.ratio([tp, planted]):>8.2f}{prec:>10}")
        for name, (right, matched) in sorted(self.attributes.items()):
            out.append(f"figure {name:<13}{matched:>8}{right:>7}{self.ratio([right, matched]):>8.2f}")
        planted, found, restored, inside = self.damage
        out.append(f"damaged stretches: {planted} planted, {found} found by normalize, {restored} restored "
                   f"exactly, {inside} with all but their first and last character restored")
        return out


def pipeline(paths: list[Path]):
    """The real pipeline on ``paths``: ``(articles, dataset, summary)``."""
    from sckg.pipeline import build_dataset, read_articles

    articles = read_articles(paths)
    ds, summary = build_dataset(articles)
    return articles, ds, summary


def score(entries: list[dict], golds: list[dict], articles, ds) -> Recall:
    """Recall in ``ds`` of the planted entities, posts and figures of ``golds``, and of
    the damage the manifest ``entries`` (in the same order) record."""
    from sckg.evaluate import evaluate_article
    from sckg.normalize.annotations import strip_annotations
    from sckg.normalize.language import simplified

    ds.default_union = True
    axioms = Graph()
    for s, o in ds.subject_objects(RDFS.subClassOf):
        axioms.add((s, RDFS.subClassOf, o))
    result = Recall()
    by_id = {a.id: a for a in articles}
    for entry, gold in zip(entries, golds, strict=True):
        ev = evaluate_article(gold, ds, axioms)
        planted = Counter(e["type"] for e in gold["entities"] if not e.get("optional"))
        for category, n in planted.items():
            s = ev.entities.get(category)
            row = result.entities.setdefault(category, [0, 0, 0])
            row[0] += s.tp if s else 0
            row[1] += n
            row[2] += (s.tp + s.fp) if s else 0
        for category, s in ev.entities.items():
            if category not in planted:
                result.entities.setdefault(category, [0, 0, 0])[2] += s.tp + s.fp
        for total, s in ((result.posts, ev.posts), (result.figures, ev.figures)):
            total[0] += s.tp
            total[1] += s.tp + s.fn
            total[2] += s.tp + s.fp
        for name, (right, matched) in ev.attributes.items():
            row = result.attributes.setdefault(name, [0, 0])
            row[0] += right
            row[1] += matched
        for item in ev.missing:
            result.missing[(item.kind if item.kind != "entity" else item.category, item.text)] += 1
        article = by_id.get(entry["file"][:-4])
        for d in entry["damage"]:
            result.damage[0] += 1
            hit = [x for x in (article.damaged if article else []) if x.orig_start <= d["start"] < x.orig_end]
            want = simplified(strip_annotations(d["original"]).text)
            result.damage[1] += bool(hit)
            result.damage[2] += any(x.repaired == want for x in hit)
            result.damage[3] += any(x.repaired and want[1:-1] in x.repaired for x in hit)
    return result
