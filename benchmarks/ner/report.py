"""benchmarks/results/ner.md from the results of benchmarks/ner/bench.py."""

from __future__ import annotations

# Issue targets (F1, percent): (test set, label or group, floor).
TARGETS = [
    ("CLUENER2020 dev", "name", 85.0), ("CLUENER2020 dev", "government", 71.29),
    ("CLUENER2020 dev", "company", 71.06), ("CLUENER2020 dev", "organization", 73.29),
    ("CLUENER2020 dev", "position", 72.33), ("Resume test", "all 8 types", 93.0),
    ("MSRA test", "PER/LOC/ORG", 80.0), ("People's Daily test", "PER/LOC/ORG", 80.0),
]


def _f(row: dict | None) -> str:
    return "—" if row is None else f"{row['f1'] * 100:.1f}"


def _published(published: dict, test: str, label: str) -> str:
    entry = published.get(test, {})
    parts = [f"{system} {scores[label]:.2f}" for system, scores in entry.get("by_type", {}).items()
             if label in scores]
    if not parts and label in entry:
        parts = [f"{system} {f1:.2f}" for system, f1 in entry[label].items()]
    if not parts and label not in ("named",) and entry.get("overall") and _is_total(label):
        parts = [f"{system} {f1:.2f}" for system, f1 in entry["overall"].items()]
    return "; ".join(parts) or "—"


def _is_total(label: str) -> bool:
    return label in ("all 8 types", "overall", "PER/LOC/ORG", "all 10 types")


def write_report(results: dict) -> str:
    """The Markdown report."""
    by_test: dict[str, dict[tuple[str, str], dict]] = {}
    meta: dict[str, dict] = {}
    for entry in results["tests"]:
        by_test.setdefault(entry["test"], {})[(entry["system"], entry["domain"])] = entry
        meta.setdefault(entry["test"], entry)
    m, model, cost = results["machine"], results["model"], results["cost"]
    lines = [
        "# Entity recogniser: span-exact scores on the public NER test sets",
        "",
        "Command: `make bench-ner` (`python benchmarks/ner/bench.py`). Corpora: `../shared/corpora/` "
        "(see its README for sources and counts). Every figure is span-exact F1 in percent "
        "(a span counts when its start, end and type all match).",
        "",
        f"- machine: {m['cpu']}, {m['cores']} cores, {m['platform']}, Python {m['python']} "
        "(the machine is shared; timings are indicative)",
        f"- code at commit {m['commit']} on {m['date']}; model sha256 {model['model_sha256'][:16]}…, "
        f"{model['model_bytes']:,} bytes, feature version {model['feature_version']}, "
        f"trained from commit {str(model['commit'])[:12]}",
        "- training data: CLUENER2020 train, Resume train, Weibo train and People's Daily "
        "**dev** (so People's Daily dev is never scored here); MSRA's training split is not used: "
        "MSRA test is cross-domain for the labeller, in-domain for the published systems",
        "- labeller domains: `news` (CLUENER2020's conventions; the extractor's), `paper` "
        "(People's Daily's), `resume`, `weibo`; MSRA and People's Daily are scored in both "
        "`paper` and `news`",
        "- jieba tags (the floor): jieba 0.42.1 `posseg`, nr/nrfg/nrt → person, ns → place, "
        "nt → organisation (scored as CLUENER2020's organization, Resume's ORG, Weibo's ORG.NAM, "
        "MSRA's NT)",
        "- Weibo: its GPE and LOC are scored as one type (the labeller has one place type), which "
        "is slightly more lenient than the published scoring",
        "- MSRA and People's Daily in the `news` domain score below the `paper` domain (and on "
        "MSRA below the floor) mainly on places: CLUENER2020 marks a place only where it is an "
        "address, so country names used as modifiers (法国总统, 美方, 中国的) and one-character "
        "abbreviations (美, 俄) are not places there, while both newspapers mark them",
        "- whole extractor: `sckg.extract` as `sckg build` runs it (rules, gazetteer and the "
        "labeller's people and agencies) on each sentence read as a one-paragraph article; its "
        "mentions scored as person (PER), agency (GOV), company (COMP), place (LOC) and any "
        "other organisation or carrier (ORG); it reads no post as a span, so it has none; the "
        "extractor is built for articles about 双创 carriers, and the corpora's types follow "
        "their own guidelines (an address, a sports team, a fictional sect), so the column "
        "says how much of a general test set the articles' extractor recovers",
        "",
        "## Summary",
        "",
        "| test set | type | labeller | labeller (news domain) | whole extractor | jieba tags (floor) | published |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for test, entries in by_test.items():
        first = meta[test]
        labeller = [e for (s, _d), e in entries.items() if s == "labeller"]
        jieba = entries.get(("jieba tags", "-"))
        whole = entries.get(("whole extractor", "-"))
        news = entries.get(("labeller", "news")) if len(labeller) > 1 else None
        labels = [k for k in labeller[0]["scores"] if k not in first["groups"]] + first["groups"]
        for label in labels:
            own = labeller[0]["scores"].get(label)
            name = f"**{label}**" if label in first["groups"] else label
            lines.append(f"| {test} | {name} | {_f(own)} | {_f(news['scores'].get(label)) if news else ''} "
                         f"| {_f(whole['scores'].get(label)) if whole else '—'} "
                         f"| {_f(jieba['scores'].get(label)) if jieba else '—'} "
                         f"| {_published(results['published'], test, label)} |")
    lines += ["", "## Targets (issue 16)", "", "| test set | type | target F1 | labeller | met |",
              "|---|---|---:|---:|---|"]
    for test, label, floor in TARGETS:
        entry = next(e for (s, _d), e in by_test[test].items() if s == "labeller")
        f1 = entry["scores"][label]["f1"] * 100
        lines.append(f"| {test} | {label} | {floor:.1f} | {f1:.1f} | {'yes' if f1 > floor else 'no'} |")
    lines += ["", "## Cost of the labeller", "",
              f"{cost['seconds']} s for {cost['sentences']:,} sentences ({cost['characters']:,} "
              f"characters) over all the runs above: {cost['ms_per_sentence']} ms a sentence, "
              f"{cost['us_per_character']} µs a character (jieba's cut, the features and the CRF's "
              "Viterbi, one process, the model loaded once). Training (`make model`) is not "
              "timed here.", "",
              "## Precision, recall and F1 per type", ""]
    for test, entries in by_test.items():
        for (system, domain), entry in entries.items():
            where = f", domain {domain}" if domain != "-" else ""
            lines += [f"### {test}: {system}{where} ({entry['sentences']:,} sentences)", "",
                      "| type | P | R | F1 | gold | predicted | correct |", "|---|---:|---:|---:|---:|---:|---:|"]
            for label, row in entry["scores"].items():
                lines.append(f"| {label} | {row['p'] * 100:.1f} | {row['r'] * 100:.1f} | "
                             f"{row['f1'] * 100:.1f} | {row['gold']} | {row['predicted']} | {row['tp']} |")
            lines.append("")
    return "\n".join(lines)
