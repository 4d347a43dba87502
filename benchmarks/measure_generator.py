"""Measure the synthetic article generator and write benchmarks/results/generator.md.

Usage: python benchmarks/measure_generator.py [--n 1000] [--recall 200] [--runs 3] [--seed 0]

Generation speed is the median of ``--runs`` runs writing N files (the gazetteer is
built once, outside the timing; the command line adds that once). Recall runs the real
pipeline (sckg.pipeline.read_articles + build_dataset) on the first ``--recall``
articles and scores it against the manifest with sckg.evaluate.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import World, read_gold, write_corpus  # noqa: E402
from benchmarks.synthetic.recall import pipeline, score  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "generator.md"
# Everything after this line of generator.md is hand-written and kept when the file is rewritten.
NOTES = "<!-- notes: kept by measure_generator.py -->"


def machine() -> list[str]:
    """nproc, CPU model, RAM, Python and the load when measured."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return [f"- cores (nproc): {os.cpu_count()}", f"- CPU: {cpu}", f"- RAM: {mem / 1024 / 1024:.1f} GiB",
            f"- Python {platform.python_version()} on {platform.system()} {platform.release()}",
            f"- load average (1/5/15 min) at the end of the run: {load} (the machine is shared)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="example: python benchmarks/measure_generator.py --n 1000 --recall 200")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--recall", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from sckg.link import build_gazetteer

    started = time.perf_counter()
    gazetteer = build_gazetteer()
    gaz_time = time.perf_counter() - started
    times, cpu, entries = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            entries = write_corpus(args.n, Path(tmp) / "corpus", args.seed, World(gazetteer, args.seed))
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            print(f"run {run + 1}: {args.n} files in {times[-1]:.2f} s", file=sys.stderr)
        sizes = sorted(e["bytes"] for e in entries)
        chosen = entries[:args.recall]
        started = time.perf_counter()
        articles, ds, summary = pipeline([Path(tmp) / "corpus" / e["file"] for e in chosen])
        pipe_time = time.perf_counter() - started
        result = score(chosen, [read_gold(Path(tmp) / "corpus", e) for e in chosen], articles, ds)
    took = statistics.median(times)
    total = sum(sizes)
    encodings = Counter(e["encoding"] for e in entries)
    kinds = Counter(e["kind"] for e in entries)
    damage = Counter(k for e in entries for k in e["damage_kinds"])
    scripts = Counter(e["script"] for e in entries)
    lines = [
        "# Synthetic article generator: measurements", "",
        f"Command: `python benchmarks/measure_generator.py --n {args.n} --recall {args.recall} "
        f"--runs {args.runs} --seed {args.seed}` (generator: `python benchmarks/generate.py N OUTDIR [--seed 0]`).", "",
        "## Machine", "", *machine(), "",
        f"## Generation (N = {args.n}, seed {args.seed})", "",
        f"- speed: {args.n / took:.0f} files/s (median of {args.runs} runs: "
        + ", ".join(f"{t:.2f} s" for t in times) + f"); building the gazetteer once adds {gaz_time:.1f} s",
        f"- CPU time: {args.n / statistics.median(cpu):.0f} files per CPU second (median "
        f"{statistics.median(cpu):.2f} s of CPU for {args.n} files; one process)",
        f"- total: {total / 1e6:.2f} MB in {args.n} files, {total / 1e6 / took:.2f} MB/s",
        f"- file size: min {sizes[0]:,} B, median {statistics.median(sizes):,.0f} B, max {sizes[-1]:,} B "
        f"(10th percentile {sizes[len(sizes) // 10]:,} B, 90th {sizes[len(sizes) * 9 // 10]:,} B)",
        "- kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
        "- encodings: " + ", ".join(f"{k} {v}" for k, v in sorted(encodings.items())),
        "- scripts: " + ", ".join(f"{k} {v}" for k, v in sorted(scripts.items())),
        "- damage kinds (files): " + ", ".join(f"{k} {v}" for k, v in sorted(damage.items())),
        f"- provinces: {len({e['province'] for e in entries})}; planted per file on average: "
        f"{sum(len(e['planted']['figures']) for e in entries) / args.n:.1f} figures, "
        f"{sum(len(e['planted']['carriers']) for e in entries) / args.n:.1f} carriers, "
        f"{sum(len(e['planted']['people']) for e in entries) / args.n:.1f} people", "",
        f"## Extraction recall on the first {len(chosen)} articles", "",
        f"The pipeline (read_articles + build_dataset) took {pipe_time:.1f} s for {len(chosen)} articles "
        f"({sum(e['bytes'] for e in chosen) / 1e6:.2f} MB); {summary.figures} figures, "
        f"{sum(summary.entities.values())} entities. Scored with sckg.evaluate against the gold records (gold/*.json) "
        "(recall = planted things found; precision = found things that were planted).", "",
        "```", *result.lines(), "```", "",
        "Most often missed (category, name or figure):", "",
        *[f"- {n}× {cat}: {text}" for (cat, text), n in result.missing.most_common(15)], "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    old = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
    notes = old[old.index(NOTES):] if NOTES in old else NOTES + "\n"
    OUT.write_text("\n".join(lines) + "\n" + notes, encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
