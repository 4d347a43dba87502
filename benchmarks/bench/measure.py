"""The measurements: builds, store loads, adding one article, validation, queries."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 4)


def build(folder: Path, out: Path, executor: str, workers: int, repeat: int) -> dict:
    """``sckg build`` of ``folder`` as a subprocess (start-up included), ``repeat`` times."""
    times, code = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "sckg", "build", "--seeds", str(folder), "--out", str(out),
                               "--no-store", "--quiet", "--executor", executor, "--workers", str(workers)],
                              capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        code = proc.returncode
        if code not in (0, 1):  # 1: built, with shape violations reported
            raise SystemExit(f"sckg build {folder} failed ({code}): {proc.stderr.strip()[-400:]}")
    summary = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in proc.stdout.splitlines() if ": " in line}
    n = len(list(folder.glob("*.txt")))
    return {"executor": executor, "workers": workers if executor != "serial" else 1, "runs": times,
            "seconds": _median(times), "articles_per_s": round(n / statistics.median(times), 2),
            "exit": code, "triples": int(summary.get("triples", 0)),
            "validation": summary.get("validation", "")}


def store_load(trig: Path, work: Path, repeat: int) -> dict:
    """sckg's store build against pyoxigraph's bulk loader alone, on the same file."""
    import pyoxigraph as ox

    from sckg import load

    ours, raw, quads = [], [], 0
    for _ in range(repeat):
        for target in (work / "sckg", work / "raw"):
            shutil.rmtree(target, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        store = ox.Store(str(work / "raw"))
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        store.flush()
        quads = len(store)
        del store
        raw.append(time.perf_counter() - started)
        started = time.perf_counter()
        count = load.build_store(trig, work / "sckg")
        ours.append(time.perf_counter() - started)
        assert count == quads, (count, quads)
    shutil.rmtree(work, ignore_errors=True)
    return {"quads": quads, "bytes": trig.stat().st_size,
            "sckg_seconds": _median(ours), "bulk_seconds": _median(raw),
            "sckg_quads_per_s": int(quads / statistics.median(ours)),
            "bulk_quads_per_s": int(quads / statistics.median(raw)),
            "ratio": round(statistics.median(ours) / statistics.median(raw), 3)}


def incremental(trig: Path, article: Path, store: Path, repeat: int) -> dict:
    """Adding one article to the store of a build: in-process (warm) and as ``sckg ingest``."""
    from sckg import load, pipeline

    if not store.exists():
        load.build_store(trig, store)
    pipeline.ingest(article, store)  # warm: gazetteer, jieba, compiled shapes loaded once
    warm, steps = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        result = pipeline.ingest(article, store)
        warm.append(time.perf_counter() - started)
        steps.append(result.seconds)
    def command(env: dict | None = None) -> float:
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "sckg", "ingest", str(article), "--store", str(store)],
                              capture_output=True, text=True, env=env)
        if proc.returncode not in (0, 1):  # 1: refused by the shapes, after the whole check
            raise SystemExit(f"sckg ingest failed: {proc.stderr.strip()[-400:]}")
        return time.perf_counter() - started

    cli = [command() for _ in range(repeat)]  # the start-up cache filled by the warm-up above
    cold_cache = store.parent / f"{store.name}-cold-cache"
    cold = []
    for _ in range(repeat):  # an empty cache, as after an install or upgrade: built and written
        shutil.rmtree(cold_cache, ignore_errors=True)
        cold.append(command({**os.environ, "SCKG_CACHE_DIR": str(cold_cache)}))
    shutil.rmtree(cold_cache, ignore_errors=True)
    off = [command({**os.environ, "SCKG_NO_CACHE": "1"}) for _ in range(repeat)]
    return {"warm_seconds": _median(warm), "cli_seconds": _median(cli),
            "cli_cold_cache_seconds": _median(cold), "cli_no_cache_seconds": _median(off),
            "steps": {k: _median([s[k] for s in steps if k in s]) for k in steps[0]},
            "triples": result.triples, "conforms": result.validation.conforms,
            "store_quads": len(load.open_read_only(store))}


def full_validation(trig: Path, article: Path, repeat: int) -> dict:
    """Validating everything (N articles plus the new one) with pyshacl and with the
    compiled engine: what incremental validation saves."""
    from rdflib import Dataset

    from sckg import pipeline
    from sckg.validate import validate

    ds = Dataset()
    ds.parse(str(trig), format="trig")
    data = pipeline.data_only(ds)
    new, _ = pipeline.build_dataset([pipeline.normalize_file(article)])
    for quad in pipeline.data_only(new).quads((None, None, None, None)):
        data.add(quad)
    triples = sum(1 for _ in data.quads((None, None, None, None)))
    out = {"triples": triples}
    for engine in ("compiled", "pyshacl"):
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = validate(data, engine=engine)
            times.append(time.perf_counter() - started)
        out[f"{engine}_seconds"] = _median(times)
        out[f"{engine}_results"] = len(result.violations)
    return out


def query_latency(store: Path, queries: Path, repeat: int) -> dict:
    """Each ``queries/*.rq`` ``repeat`` times over HTTP against ``sckg serve``'s server."""
    from sckg import serve

    per_query, every, errors = {}, [], 0
    with serve.start(store) as server:
        for path in sorted(queries.glob("*.rq")):
            body = urllib.parse.urlencode({"query": path.read_text(encoding="utf-8")}).encode()
            times = []
            for _ in range(repeat):
                request = urllib.request.Request(f"{server.url}/query", data=body, headers={
                    "Accept": "application/sparql-results+json",
                    "Content-Type": "application/x-www-form-urlencoded"})
                started = time.perf_counter()
                try:
                    with urllib.request.urlopen(request, timeout=120) as response:
                        rows = len(json.loads(response.read())["results"]["bindings"])
                except Exception as exc:  # recorded, not fatal: the report shows it
                    errors += 1
                    rows = f"error: {exc}"
                    times.append(time.perf_counter() - started)
                    break  # a query the guard stopped once is stopped every time
                times.append(time.perf_counter() - started)
            every += times
            per_query[path.stem] = {"p50": _pct(times, 0.5), "p95": _pct(times, 0.95), "rows": rows}
    return {"per_query": per_query, "errors": errors, "repeat": repeat,
            "overall": {"p50": _pct(every, 0.5), "p95": _pct(every, 0.95), "max": round(max(every), 4)}}
