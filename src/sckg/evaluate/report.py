"""The scorer's reports: the table ``sckg eval`` prints (scores per type, posts,
figures and their attributes, per article, what is missing and spurious) and the same
scores as JSON."""

from __future__ import annotations

from sckg.model import EvaluationItem, EvaluationResult, Score

def _row(name: str, s: Score) -> str:
    return (f"{name:<20}{s.tp + s.fn:>6}{s.tp + s.fp:>7}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
            f"{s.precision:>11.3f}{s.recall:>8.3f}{s.f1:>7.3f}")


def format_table(result: EvaluationResult, details: bool = True) -> str:
    """The scores as a text table, then per-article lines and the missing/spurious items."""
    lines = [f"sckg eval: {len(result.articles)} articles in {result.gold} against {result.data}", "",
             f"{'category':<20}{'gold':>6}{'found':>7}{'tp':>6}{'fp':>5}{'fn':>5}"
             f"{'precision':>11}{'recall':>8}{'f1':>7}"]
    for cat, score in result.entity_scores().items():
        lines.append(_row(cat, score))
    lines += [_row("entities (all)", result.entities_total()), _row("posts", result.posts_total()),
              _row("figures", result.figures_total()), ""]
    attrs = result.attributes_total()
    if attrs:
        lines.append("figure attributes (among matched figures):")
        lines += [f"  {k:<14}{c}/{t} = {c / t:.3f}" for k, (c, t) in attrs.items() if t]
        done, total = result.carrier_counts_total()
        if total:
            lines.append(f"  carrier counts with area, period, type and level all right: "
                         f"{done}/{total} = {done / total:.3f}")
        lines.append("")
    lines.append(f"{'article':<24}{'ent P':>7}{'ent R':>7}{'post P':>8}{'post R':>8}{'fig P':>7}{'fig R':>7}")
    for a in result.articles:
        e = a.entities_total()
        lines.append(f"{a.article:<24}{e.precision:>7.3f}{e.recall:>7.3f}{a.posts.precision:>8.3f}"
                     f"{a.posts.recall:>8.3f}{a.figures.precision:>7.3f}{a.figures.recall:>7.3f}")
    if details:
        for title, attr in (("missing", "missing"), ("spurious", "spurious"),
                            ("wrong figure attributes", "wrong")):
            items = [i for a in result.articles for i in getattr(a, attr)]
            lines += ["", f"{title} ({len(items)}):"]
            lines += [f"  {i.article[:3]} {i.kind:<7}{i.category:<20}{i.text}" for i in items]
    return "\n".join(lines) + "\n"


def result_json(result: EvaluationResult) -> dict:
    """The result as a JSON-ready dict (``sckg eval --json``)."""
    def score(s: Score) -> dict:
        return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

    def items(xs: list[EvaluationItem]) -> list[dict]:
        return [{"article": i.article, "kind": i.kind, "category": i.category, "text": i.text} for i in xs]

    return {
        "gold": result.gold, "data": result.data,
        "entities": {k: score(v) for k, v in result.entity_scores().items()},
        "entities_total": score(result.entities_total()),
        "posts": score(result.posts_total()), "figures": score(result.figures_total()),
        "figure_attributes": {k: {"correct": c, "total": t} for k, (c, t) in result.attributes_total().items()},
        "carrier_counts": dict(zip(("correct", "total"), result.carrier_counts_total())),
        "articles": [{"article": a.article, "entities": {k: score(v) for k, v in sorted(a.entities.items())},
                      "posts": score(a.posts), "figures": score(a.figures),
                      "missing": items(a.missing), "spurious": items(a.spurious), "wrong": items(a.wrong)}
                     for a in result.articles],
    }
