"""Score the entity recogniser on the public NER test sets (``make bench-ner``).

    python benchmarks/ner/bench.py                 # test splits → benchmarks/results/ner.md, ner.json
    python benchmarks/ner/bench.py --dev --model-dir DIR   # the development slices, printed only

Span-exact precision, recall and F1 per type on CLUENER2020 dev, Resume test, Weibo
test, MSRA test and People's Daily test, for each system in ``systems()`` in one run:
the learned labeller (``sckg.extract.ner``) and jieba's part-of-speech tags as the
floor (nr/nrfg/nrt → PER, ns → LOC, nt → ORG), beside the published figures of the
corpora's README. MSRA and People's Daily are scored in the labeller's ``paper`` domain
(People's Daily's conventions, learned from its dev split, which is in the training
data and never reported on) and in its ``news`` domain (the one the extractor uses).

``--dev`` scores the development slices instead (CLUENER2020 train's held-out tenth,
Resume dev, Weibo dev, People's Daily dev's held-out fifth) for a model trained with
``python -m sckg.extract.ner_train --holdout``: features and parameters are chosen there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from published import PUBLISHED  # noqa: E402

from sckg.extract import ner_corpora  # noqa: E402
from sckg.extract.ner import Labeller, _packaged  # noqa: E402
from sckg.extract.ner_train import held_out  # noqa: E402

Span = tuple[int, int, str]
System = Callable[[str, str], list[Span]]

# (test set, corpus, file, the labeller's domains, the groups of labels reported)
TESTS = [
    ("CLUENER2020 dev", "cluener2020", "cluener2020/dev.jsonl", ("news",),
     {"six types": ["name", "government", "company", "organization", "address", "position"],
      "all 10 types": ["name", "government", "company", "organization", "address", "position",
                       "book", "game", "movie", "scene"]}),
    ("Resume test", "resume", "resume/test.jsonl", ("resume",),
     {"all 8 types": ["NAME", "ORG", "TITLE", "LOC", "EDU", "PRO", "RACE", "CONT"]}),
    ("Weibo test", "weibo", "weibo/test.jsonl", ("weibo",),
     {"named": ["PER.NAM", "ORG.NAM", "LOC/GPE.NAM"],
      "overall": ["PER.NAM", "ORG.NAM", "LOC/GPE.NAM", "PER.NOM", "ORG.NOM", "LOC/GPE.NOM"]}),
    ("MSRA test", "msra", "msra/test.jsonl", ("paper", "news"), {"PER/LOC/ORG": ["NR", "NS", "NT"]}),
    ("People's Daily test", "peoples_daily", "peoples_daily/test.jsonl", ("paper", "news"),
     {"PER/LOC/ORG": ["PER", "LOC", "ORG"]}),
]
DEV_TESTS = [
    ("CLUENER2020 train, held-out tenth", "cluener2020", "cluener2020/train.jsonl", ("news",),
     TESTS[0][4]),
    ("Resume dev", "resume", "resume/dev.jsonl", ("resume",), TESTS[1][4]),
    ("Weibo dev", "weibo", "weibo/dev.jsonl", ("weibo",), TESTS[2][4]),
    ("People's Daily dev, held-out fifth", "peoples_daily", "peoples_daily/dev.jsonl",
     ("paper", "news"), TESTS[4][4]),
]
_JIEBA = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}


def jieba_spans(text: str, _domain: str) -> list[Span]:
    """The floor: jieba's words tagged as person, place or organisation names."""
    import jieba.posseg as pseg

    spans, start = [], 0
    for word in pseg.dt.cut(text):
        if word.flag in _JIEBA:
            spans.append((start, start + len(word.word), _JIEBA[word.flag]))
        start += len(word.word)
    return spans


# The extractor's categories as the labeller's types (posts are relations, not spans).
_CATEGORY_TYPES = {"Person": "PER", "GovernmentAgency": "GOV", "Company": "COMP", "Place": "LOC",
                   "PublicInstitution": "ORG", "University": "ORG", "ResearchInstitute": "ORG",
                   "Association": "ORG", "MediaOutlet": "ORG", "InnovationCarrier": "ORG",
                   "Cooperative": "ORG"}


def extractor_spans(text: str, _domain: str) -> list[Span]:
    """The whole extractor (rules, gazetteer and the labeller, as ``sckg build`` runs them)
    on one sentence read as a one-paragraph article: its mentions as typed spans."""
    from sckg.extract import extract_article
    from sckg.normalize import normalize_text
    from sckg.pipeline import _finder

    article = normalize_text("资讯\n\n" + text + "\n", article_id="bench")
    blocks = [b for b in article.body_blocks if b.text == text]
    if not blocks:
        return []  # normalising changed the sentence: offsets cannot be mapped back
    base = blocks[0].start
    extraction = extract_article(article, _finder().find)
    return sorted({(m.start - base, m.end - base, _CATEGORY_TYPES[m.category])
                   for m in extraction.mentions
                   if m.category in _CATEGORY_TYPES and base <= m.start and m.end <= base + len(text)})


def systems(labeller: Labeller) -> dict[str, tuple[System, bool]]:
    """The systems scored: name → (spans function, whether it reads the domain)."""
    return {"labeller": (labeller.spans, True), "whole extractor": (extractor_spans, False),
            "jieba tags": (jieba_spans, False)}


def run(tests: list, corpora: Path, labeller: Labeller, dev: bool = False,
        limit: int | None = None) -> dict:
    """Score every system on every test set; returns the results as a dict."""
    results: dict = {"tests": [], "cost": {}}
    seconds = sentences_n = chars = 0
    for title, corpus, name, domains, groups in tests:
        sentences = ner_corpora.read(corpora / name)
        if dev:
            sentences = [s for i, s in enumerate(sentences)
                         if corpus not in ("cluener2020", "peoples_daily") or held_out(corpus, i)]
        sentences = sentences[:limit]
        gold = [ner_corpora.gold_spans(corpus, s) for s in sentences]
        for system, (spans, reads_domain) in systems(labeller).items():
            if dev and system != "labeller":
                continue
            for domain in (domains if reads_domain else ("-",)):
                started = time.perf_counter()
                found = [spans(s.text, domain) for s in sentences]
                elapsed = time.perf_counter() - started
                if system == "labeller":
                    seconds, sentences_n = seconds + elapsed, sentences_n + len(sentences)
                    chars += sum(len(s.text) for s in sentences)
                predicted = [ner_corpora.scored_spans(corpus, f) for f in found]
                scores = ner_corpora.score(gold, predicted, groups)
                results["tests"].append({"test": title, "corpus": corpus, "file": name,
                                         "sentences": len(sentences), "system": system,
                                         "domain": domain, "groups": list(groups),
                                         "scores": scores})
                print(f"{title:38} {system:11} {domain:6} " + "  ".join(
                    f"{g} {scores[g]['f1'] * 100:.1f}" for g in groups), flush=True)
    results["cost"] = {"seconds": round(seconds, 2), "sentences": sentences_n, "characters": chars,
                       "ms_per_sentence": round(1000 * seconds / sentences_n, 3),
                       "us_per_character": round(1e6 * seconds / chars, 2)}
    return results


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    return {"platform": platform.platform(), "cpu": cpu, "cores": len(os.sched_getaffinity(0)),
            "python": platform.python_version(), "commit": commit,
            "date": time.strftime("%Y-%m-%d")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("--model-dir", type=Path, default=None,
                        help="a folder with ner.crfsuite and ner.json (default: the packaged model)")
    parser.add_argument("--dev", action="store_true", help="score the development slices")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each set")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args(argv)
    corpora = args.corpora or ner_corpora.corpora_dir()
    if not corpora.is_dir():
        print(f"{corpora}: no corpora folder (set SCKG_CORPORA)", file=sys.stderr)
        return 2
    if args.model_dir:
        labeller = Labeller((args.model_dir / "ner.crfsuite").read_bytes(),
                            json.loads((args.model_dir / "ner.json").read_text("utf-8")))
    else:
        labeller = _packaged()
    if args.dev:
        run(DEV_TESTS, corpora, labeller, dev=True, limit=args.limit)
        return 0
    results = run(TESTS, corpora, labeller, limit=args.limit)
    results["machine"] = machine()
    results["model"] = {k: labeller.metadata[k] for k in
                        ("model_sha256", "model_bytes", "feature_version", "training", "commit")}
    results["published"] = PUBLISHED
    from report import write_report

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ner.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                                       "utf-8")
    (args.out / "ner.md").write_text(write_report(results), "utf-8")
    print(f"wrote {args.out / 'ner.md'} and ner.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
