"""Reliability: damaged articles, a killed ``sckg add``, the endpoint under load and a
runaway query. Everything real: the ``sckg`` CLI, pyoxigraph stores, oxigraph servers.

The quick tests run in ``make test``; the long ones are marked ``soak`` (``make soak``).
Soak runs write their figures to benchmarks/results/soak.md; quick runs do too when
``SCKG_RECORD=1`` is set (so an ordinary ``make test`` leaves the tree clean).
``SCKG_MUTANT_SEED`` replays another seed of mutated articles.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from sckg import load, serve
from sckg.cli import main

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "soak.md"
SEED = int(os.environ.get("SCKG_MUTANT_SEED", "8"))
KILL_GRAPH = "https://w3id.org/sckg/graph/kill-test"
QUERIES = sorted(p for p in (ROOT / "queries").glob("*.rq") if "SERVICE" not in p.read_text("utf-8"))
RUNAWAY = {
    "cross join x4, COUNT": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "cross join x3, ORDER BY": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1",
    "cross join x3, DISTINCT": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "cross join x2, COUNT": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
}
# Kinds that must be refused, and kinds that must go in, whatever the seed.
MUST_FAIL = {"empty", "whitespace", "boilerplate", "huge", "directory", "missing", "broken-symlink",
             "symlink-loop", "not-a-folder", "fifo"}
MUST_PASS = {"odd-name", "latin1-mojibake", "crlf"}

_spec = importlib.util.spec_from_file_location("mutate", ROOT / "tests" / "articles" / "mutate.py")
mutate = importlib.util.module_from_spec(_spec)
sys.modules["mutate"] = mutate
_spec.loader.exec_module(mutate)


# --------------------------------------------------------------------------- figures


def machine() -> list[str]:
    """The machine the figures were measured on."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "?")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) if "MemTotal" in meminfo else 0
    binary = subprocess.run([serve.oxigraph_binary(), "--version"], capture_output=True, text=True).stdout
    return [f"- CPU: {model}, {os.cpu_count()} cores (nproc); RAM {kb / 1024 / 1024:.1f} GiB",
            f"- Python {platform.python_version()}, pyoxigraph {ox.__version__}, {binary.strip()}",
            f"- {platform.system()} {platform.release()}"]


def record(section: str, lines: list[str], soak: bool) -> None:
    """Replace ``## section`` of benchmarks/results/soak.md (soak runs, or SCKG_RECORD=1)."""
    if not (soak or os.environ.get("SCKG_RECORD") == "1"):
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else ""
    sections = dict(re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S))
    stamp = time.strftime("%Y-%m-%d %H:%M")
    sections[section] = f"Measured {stamp}.\n\n" + "\n".join(lines) + "\n\n"
    head = ["# Reliability figures", "",
            "Written by tests/test_reliability.py (`make soak`; quick runs with `SCKG_RECORD=1`).",
            "", "Machine:", "", *machine(), "", ""]
    RESULTS.write_text("\n".join(head) + "".join(f"## {k}\n{v}" for k, v in sorted(sections.items())),
                       "utf-8")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else 0.0


# --------------------------------------------------------------------------- a. mutated articles


def quad_lines(store: Path) -> list[bytes]:
    return load.dump(store).splitlines()


def graph_of(line: bytes) -> str:
    found = re.search(rb"<([^<>]*)> \.$", line)
    return found.group(1).decode() if found else ""


def check_batch(paths: list[Path], kinds: list[str], out: str, err: str, code: int,
                before: list[bytes], after: list[bytes]) -> dict[str, int]:
    """Every file reported once (added on stdout, refused on stderr in one line naming it),
    exit code non-zero only when one was refused, and the store changed only by the
    graphs of the added files. Returns counts of refusal reasons."""
    names = [str(p) for p in paths]
    assert "Traceback" not in out + err and "internal error" not in err, err[-3000:]
    added: dict[str, str] = {}
    for line in out.splitlines():
        name = max((n for n in names if line.startswith(f"{n}: ")), key=len, default=None)
        assert name is not None and " triples into " in line, line
        added[name] = line[len(name) + 2:].split(" triples into ", 1)[1].split(" ", 1)[0]
    refused: dict[str, str] = {}
    in_report = False
    for line in err.splitlines():
        if not line.startswith("sckg ingest: "):
            assert in_report, f"a stray stderr line: {line!r}"
            continue
        rest = line.removeprefix("sckg ingest: ")
        name = max((n for n in names if rest.startswith(f"{n}: ")), key=len, default=None)
        assert name is not None and name not in refused, line
        refused[name] = rest[len(name) + 2:]
        in_report = refused[name].startswith("violates the shapes")
    assert set(added) | set(refused) == set(names) and not set(added) & set(refused)
    assert (code != 0) == bool(refused), (code, refused)
    for name, kind in zip(names, kinds):
        assert not (kind in MUST_FAIL and name in added), f"{kind} went in: {name}"
        assert not (kind in MUST_PASS and name in refused), f"{kind} refused: {name}: {refused.get(name)}"
    graphs = set(added.values())
    # Re-ingesting a file replaces its graph: compare everything outside the added graphs.
    assert [line for line in after if graph_of(line) not in graphs] == \
        [line for line in before if graph_of(line) not in graphs]
    present = {graph_of(line) for line in after}
    assert graphs <= present
    reasons: dict[str, int] = {}
    for reason in refused.values():
        key = re.sub(r"\d[\d.]*", "N", reason.split(" (", 1)[0])
        reasons[key] = reasons.get(key, 0) + 1
    return {"added": len(added), "refused": len(refused), **reasons}


def ingest_mutants(store: Path, folder: Path, seed: int, count: int, chunk: int) -> dict[str, int]:
    """``count`` mutants through ``sckg ingest`` (CliRunner), ``chunk`` files per run."""
    made = mutate.mutants(seed, count)
    totals: dict[str, int] = {}
    for start in range(0, len(made), chunk):
        part = made[start:start + chunk]
        sub = folder / f"batch-{start:05d}"
        sub.mkdir()
        paths = [m.write(sub) for m in part]
        before = quad_lines(store)
        result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--store", str(store)])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        counts = check_batch(paths, [m.kind for m in part], result.stdout, result.stderr,
                             result.exit_code, before, quad_lines(store))
        for key, n in counts.items():
            totals[key] = totals.get(key, 0) + n
        shutil.rmtree(sub)  # the huge mutants are 20 MB each
    return totals


def ingest_subprocess(store: Path, folder: Path, seed: int) -> None:
    """A sample through the real command line: the stderr is exactly our lines."""
    wanted = ["odd-name", "empty", "huge", "directory", "splice", "latin1-mojibake", "missing"]
    made = [m for m in mutate.mutants(seed, 60) if m.kind in wanted]
    sample = [next(m for m in made if m.kind == kind) for kind in wanted]
    paths = [m.write(folder) for m in sample]
    before = quad_lines(store)
    proc = subprocess.run([sys.executable, "-m", "sckg", "ingest", *map(str, paths), "--store", str(store)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    check_batch(paths, [m.kind for m in sample], proc.stdout, proc.stderr, proc.returncode,
                before, quad_lines(store))
    assert proc.returncode == 2


def test_mutated_articles_are_refused_in_one_line_and_change_nothing(store: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    counts = ingest_mutants(store, tmp_path, SEED, 40, chunk=40)
    ingest_subprocess(store, tmp_path, SEED + 1)
    assert counts["added"] > 0 and counts["refused"] > 0
    record("ingest: 40 mutated articles (quick)", _ingest_lines(counts, time.monotonic() - started), soak=False)


@pytest.mark.soak
def test_soak_1000_mutated_articles(store: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    counts = ingest_mutants(store, tmp_path, SEED + 1000, 1000, chunk=100)
    ingest_subprocess(store, tmp_path, SEED + 1001)
    assert counts["added"] + counts["refused"] == 1000
    record("ingest: 1,000 mutated articles (soak)", _ingest_lines(counts, time.monotonic() - started), soak=True)


def _ingest_lines(counts: dict[str, int], seconds: float) -> list[str]:
    lines = [f"{counts['added'] + counts['refused']} mutants (seed {SEED}), {counts['added']} added, "
             f"{counts['refused']} refused, no traceback, store unchanged by every refusal; "
             f"{seconds:.0f} s including the real-CLI sample.", "", "| refusal | files |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items()) if k not in ("added", "refused")]
    return lines
