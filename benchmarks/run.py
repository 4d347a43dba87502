"""Run the sckg benchmarks and write benchmarks/results/bench.json and RESULTS.md.

    python benchmarks/run.py                       # N = 100, 1 000, 10 000 (about 90 min on 2 cores)
    python benchmarks/run.py --sizes 100,1000 --repeat 3

Every measurement is wall time of real work on real files: builds run as
``sckg build`` subprocesses (start-up included), the store is a real Oxigraph store,
queries go over HTTP to the real server. Medians of ``--repeat`` runs are quoted;
ratios compare measurements taken in the same run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench import corpus, measure, report  # noqa: E402


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    import pyoxigraph
    import pyshacl

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "ram_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__,
            "pyshacl": pyshacl.__version__, "os": platform.platform(), "commit": commit,
            "date": time.strftime("%Y-%m-%d")}


PARTS = ("throughput", "incremental", "full_pyshacl", "load", "queries")


def save(results: dict) -> None:
    """Merge ``results`` into results/bench.json (a partial run keeps the other parts)
    and regenerate the tables of RESULTS.md; called after every part."""
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    previous = json.loads((out / "bench.json").read_text()) if (out / "bench.json").exists() else {}
    # A partial run replaces only its parts; each part keeps the commit and date it was
    # measured at (the machine line shows the latest run's).
    measured = previous.setdefault("measured", {})
    for part in PARTS:
        if part in results:
            measured[part] = {"commit": results["machine"]["commit"], "date": results["machine"]["date"]}
    previous.update({k: v for k, v in results.items() if k != "measured"})
    (out / "bench.json").write_text(json.dumps(previous, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    report.write(previous, HERE / "RESULTS.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="article counts N (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median quoted)")
    parser.add_argument("--big-repeat", type=int, default=1,
                        help="runs per build at N >= 1 000 (each takes minutes)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--full-sizes", default="10,30",
                        help="N at which full pyshacl validation is timed (it is slow; \"\" keeps the last run's)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench",
                        help="scratch folder (corpora, stores; reused between runs)")
    parser.add_argument("--serial-max", type=int, default=10_000,
                        help="largest N also built serially (the process pool runs every N)")
    parser.add_argument("--only", default="throughput,incremental,load,queries",
                        help="which parts to run")
    args = parser.parse_args(argv)
    sizes = sorted(int(n) for n in args.sizes.split(","))
    full_sizes = sorted(int(n) for n in args.full_sizes.split(",") if n)
    parts = set(args.only.split(","))
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "sizes": sizes, "repeat": args.repeat,
                     "workers": args.workers}
    print(f"machine: {results['machine']}", file=sys.stderr)

    # One corpus, one more article than the largest N: the held-out article to add.
    corpora = corpus.prepare(args.work, max(sizes + full_sizes) + 1)
    results["corpus"] = corpora.summary()
    builds: dict[int, Path] = {}
    if "throughput" in parts:
        results["throughput"] = []
        for n in sizes:
            repeat = args.big_repeat if n >= 1_000 else args.repeat
            for executor in ("serial", "process") if n <= args.serial_max else ("process",):
                row = measure.build(corpora.folder(n), args.work / f"n{n}-{executor}.trig", executor,
                                    args.workers, repeat)
                row.update(n=n, mb=corpora.megabytes(n))
                results["throughput"].append(row)
                print(f"throughput {row}", file=sys.stderr)
                builds[n] = args.work / f"n{n}-{executor}.trig"
            serial, process = (args.work / f"n{n}-{e}.trig" for e in ("serial", "process"))
            if n <= args.serial_max:
                results.setdefault("identical", {})[n] = serial.read_bytes() == process.read_bytes()
            save(results)
    for n in sizes:
        builds.setdefault(n, args.work / f"n{n}-process.trig")
        if not builds[n].exists():
            measure.build(corpora.folder(n), builds[n], "process", args.workers, 1)
    if "load" in parts:
        results["load"] = measure.store_load(builds[max(sizes)], args.work / "load",
                                             args.big_repeat if max(sizes) >= 10_000 else args.repeat)
        print(f"load {results['load']}", file=sys.stderr)
        save(results)
    if "incremental" in parts:
        new = corpora.held_out()
        results["incremental"] = []
        for n in sizes:
            row = measure.incremental(builds[n], new, args.work / f"store-{n}", args.repeat)
            row.update(n=n)
            results["incremental"].append(row)
            print(f"incremental {row}", file=sys.stderr)
            save(results)
        if full_sizes:  # --full-sizes "" keeps the last run's full validations (slow)
            results["full_pyshacl"] = []
        for n in full_sizes:
            trig = args.work / f"n{n}-full.trig"
            if not trig.exists():
                measure.build(corpora.folder(n), trig, "process", args.workers, 1)
            row = measure.full_validation(trig, new, args.repeat if n <= 10 else 1)
            row.update(n=n)
            results["full_pyshacl"].append(row)
            print(f"full {row}", file=sys.stderr)
            save(results)
    if "queries" in parts:
        store = args.work / f"store-{max(sizes)}"
        if not store.exists():
            from sckg import load
            load.build_store(builds[max(sizes)], store)
        results["queries"] = measure.query_latency(store, ROOT / "queries", max(args.repeat, 5))
        print(f"queries {results['queries']['overall']}", file=sys.stderr)

    save(results)
    print(f"wrote {HERE / 'results' / 'bench.json'} and {HERE / 'RESULTS.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
