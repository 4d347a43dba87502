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
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from sckg import load, serve
from sckg.cli import main

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "soak.md"
SEED = int(os.environ.get("SCKG_MUTANT_SEED", "8"))
KILL_GRAPH = "https://w3id.org/sckg/graph/curated/kill-test"  # a user graph: `sckg add` writes only those
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
    busy = " ".join(f"{x:.1f}" for x in os.getloadavg())
    sections[section] = (f"Measured {stamp}, load average {busy} (a shared machine).\n\n"
                         + "\n".join(lines) + "\n\n")
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
        assert name is not None and (" triples into " in line or " already in the store as " in line), line
        if " triples into " in line:
            added[name] = line[len(name) + 2:].split(" triples into ", 1)[1].split(" ", 1)[0]
        else:  # the same text under another name: recognised by its digest, nothing written
            added[name] = line.split(" already in the store as <", 1)[1].split(">", 1)[0]
    refused: dict[str, str] = {}
    held: set[str] = set()
    in_report = False
    for line in err.splitlines():
        if not line.startswith("sckg ingest: "):
            assert in_report, f"a stray stderr line: {line!r}"
            continue
        rest = line.removeprefix("sckg ingest: ")
        name = max((n for n in names if rest.startswith(f"{n}: ")), key=len, default=None)
        assert name is not None and name not in refused, line
        if rest.endswith(".trig") and "were held back" in rest:
            held.add(name)  # it went in, less what broke the shapes
            in_report = False
            continue
        refused[name] = rest[len(name) + 2:]
        in_report = refused[name].startswith("violates the shapes")
    assert set(added) | set(refused) == set(names) and not set(added) & set(refused)
    assert held <= set(added)
    # 0: all in whole; 4: in, with statements held back; 1/2: a file refused.
    assert code == (4 if held else 0) if not refused else code in (1, 2), (code, refused, held)
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
    for name, kind in zip(names, kinds):
        if name in refused:
            key = re.sub(r"\d[\d.]*", "N", re.split(r",| \(|;", refused[name], maxsplit=1)[0])
            if key.startswith("violates the shapes"):
                key += f" (a {kind} mutant)"
            reasons[key] = reasons.get(key, 0) + 1
    return {"added": len(added), "refused": len(refused), **reasons}


ingest_seconds: list[float] = []  # of each `sckg ingest` run of the last ingest_mutants


def ingest_mutants(store: Path, folder: Path, seed: int, count: int, chunk: int) -> dict[str, int]:
    """``count`` mutants through ``sckg ingest`` (CliRunner), ``chunk`` files per run."""
    made = mutate.mutants(seed, count)
    totals: dict[str, int] = {}
    ingest_seconds.clear()
    for start in range(0, len(made), chunk):
        part = made[start:start + chunk]
        sub = folder / f"batch-{start:05d}"
        sub.mkdir()
        paths = [m.write(sub) for m in part]
        before = quad_lines(store)
        began = time.monotonic()
        result = CliRunner().invoke(main, ["ingest", *map(str, paths), "--store", str(store)])
        ingest_seconds.append(time.monotonic() - began)
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
    record("ingest: 40 mutated articles (quick)", _ingest_lines(counts, SEED, time.monotonic() - started),
           soak=False)


@pytest.mark.soak
def test_soak_1000_mutated_articles(store: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    counts = ingest_mutants(store, tmp_path, SEED + 1000, 1000, chunk=100)
    ingest_subprocess(store, tmp_path, SEED + 1001)
    assert counts["added"] + counts["refused"] == 1000
    record("ingest: 1,000 mutated articles (soak)",
           _ingest_lines(counts, SEED + 1000, time.monotonic() - started), soak=True)


def _ingest_lines(counts: dict[str, int], seed: int, seconds: float) -> list[str]:
    lines = [f"{counts['added'] + counts['refused']} mutants (seed {seed}), {counts['added']} added, "
             f"{counts['refused']} refused, no traceback, store unchanged by every refusal; "
             f"{seconds:.0f} s including the real-CLI sample.", "", "| refusal | files |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in sorted(counts.items()) if k not in ("added", "refused")]
    if len(ingest_seconds) > 1:
        lines += ["", "Seconds per `sckg ingest` run of the files in turn (the store grows by the added "
                  "articles): " + ", ".join(f"{x:.0f}" for x in ingest_seconds) + "."]
    return lines


# --------------------------------------------------------------------------- b. sckg add killed


def big_ntriples(path: Path, triples: int) -> Path:
    """``triples`` untyped N-Triples (two per node), which the shapes accept."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(triples // 2):
            node = f"<https://w3id.org/sckg/id/kill-test-{i:07d}>"
            out.write(f'{node} <http://www.w3.org/2000/01/rdf-schema#label> "批量测试 {i}"@zh-Hans .\n')
            out.write(f'{node} <http://www.w3.org/2004/02/skos/core#note> "note {i}" .\n')
    return path


def folder_bytes(folder: Path) -> int:
    """Bytes of the files in ``folder``, read while a running ``sckg add`` may be
    renaming or deleting them (RocksDB rotates LOG and drops obsolete files)."""
    total = 0
    for path in folder.iterdir():
        try:
            if path.is_file():
                total += path.stat().st_size
        except FileNotFoundError:
            continue  # removed between the listing and the stat
    return total


@dataclass
class Run:
    """What one ``sckg add`` run did: killed or not, when, and where it was then."""

    killed: bool
    seconds: float
    writing_from: float | None  # seconds in when the store folder started to grow
    state: str  # what the process had done when it was killed


def add_killed(store: Path, data: Path, *, after_s: float | None = None, grown: int | None = None) -> Run:
    """Run ``sckg add`` and SIGKILL it ``after_s`` seconds in, or once the store folder
    has grown by ``grown`` bytes (mid-write); without either, let it finish."""
    base = folder_bytes(store)
    proc = subprocess.Popen([sys.executable, "-m", "sckg", "add", str(data), "--store", str(store),
                             "--graph", KILL_GRAPH], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    started, writing_from, state = time.monotonic(), None, "finished"
    while proc.poll() is None:
        elapsed, growth = time.monotonic() - started, folder_bytes(store) - base
        if growth > 0 and writing_from is None:
            writing_from = elapsed
        if (after_s is not None and elapsed >= after_s) or (grown is not None and growth >= grown):
            state = _state(proc.pid, data, growth)
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    err = proc.communicate()[1].decode("utf-8", "replace")
    assert proc.returncode in (0, -signal.SIGKILL), err
    return Run(proc.returncode == -signal.SIGKILL, time.monotonic() - started, writing_from, state)


def _state(pid: int, data: Path, growth: int) -> str:
    if growth > 0:
        return f"writing, {growth / 1e6:.0f} MB into the store folder"
    try:
        io = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    except OSError:
        return "store untouched"
    read = int(io["rchar"]) >= data.stat().st_size
    return "file read, parsing or validating; store untouched" if read else "starting; store untouched"


def counts(store: Path) -> tuple[int, int, int]:
    """(triples of the kill-test graph, quads of all named graphs, of the default graph),
    the store opened read-write as the next `sckg add` would (which replays its log)."""
    opened = ox.Store(str(store))
    held = sum(1 for _ in opened.quads_for_pattern(None, None, None, ox.NamedNode(KILL_GRAPH)))
    default = sum(1 for _ in opened.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    named = len(opened) - default
    del opened
    return held, named, default


def all_or_nothing(store: Path, triples: int, base: tuple[int, int, int]) -> int:
    """After a kill the store opens and holds all of the file or none of it, in its graph
    and (when the store keeps one) in the union default graph."""
    held, named, default = counts(store)
    assert (held, named) in ((0, base[1]), (triples, base[1] + triples)), (held, named, base)
    assert default == base[2] or (held and default == base[2] + triples), (held, default, base)
    return held


def test_add_killed_mid_write_leaves_all_or_nothing(store: Path, tmp_path: Path) -> None:
    data = big_ntriples(tmp_path / "big.nt", 20_000)
    base = counts(store)
    run = add_killed(store, data, grown=1_000_000)
    assert run.killed, "sckg add finished before it was seen writing"
    held = all_or_nothing(store, 20_000, base)
    # The store still takes the same file afterwards.
    assert not add_killed(store, data).killed
    assert all_or_nothing(store, 20_000, base) == 20_000
    record("sckg add killed mid-write (quick)", [
        f"20,000 triples, SIGKILL after {run.seconds:.1f} s ({run.state}): the graph held {held:,} of 20,000 "
        "afterwards (all or nothing); a second `sckg add` then completed."], soak=False)


@pytest.mark.soak
def test_soak_add_killed_at_many_points(store: Path, tmp_path: Path) -> None:
    triples = 500_000
    data = big_ntriples(tmp_path / "big.nt", triples)
    base = counts(store)
    pristine = tmp_path / "pristine"
    shutil.copytree(store, pristine)
    # Calibration: an uninterrupted run, to place the kill points.
    before = folder_bytes(store)
    calibration = add_killed(store, data)
    growth = folder_bytes(store) - before
    assert not calibration.killed and calibration.writing_from
    assert all_or_nothing(store, triples, base) == triples
    write_at = calibration.writing_from
    points = [{"after_s": 0.05}, {"after_s": 1.5}]
    points += [{"after_s": write_at * share} for share in (0.3, 0.6, 0.9)]
    points += [{"grown": 1_000_000}] + [{"grown": int(growth * share)} for share in (0.25, 0.5, 0.75, 0.95)]
    rows = []
    for how in points:
        shutil.rmtree(store)
        shutil.copytree(pristine, store)
        run = add_killed(store, data, **how)
        held = all_or_nothing(store, triples, base)
        trigger = f"{how['after_s']:.1f} s in" if "after_s" in how else f"store grown {how['grown'] / 1e6:.0f} MB"
        rows.append(f"| {trigger} | {run.seconds:.1f} | {run.state if run.killed else 'finished first'} "
                    f"| {held:,} |")
    record("sckg add killed at many points (soak)", [
        f"{triples:,} triples ({data.stat().st_size / 1e6:.0f} MB N-Triples) into a store of {base[1]} quads; an "
        f"uninterrupted `sckg add` took {calibration.seconds:.0f} s, began writing after "
        f"{write_at:.0f} s and grew the store folder by {growth / 1e6:.0f} MB.", "",
        "| kill when | killed after s | state at the kill | triples of the graph afterwards |",
        "|---|---|---|---|", *rows], soak=True)


# --------------------------------------------------------------------------- c/d. the endpoint


@pytest.fixture(scope="module")
def data_store(tmp_path_factory) -> Path:
    """A store of the committed dataset (data/sckg.trig, some 60,000 quads)."""
    path = tmp_path_factory.mktemp("endpoint") / "store"
    load.build_store(ROOT / "data" / "sckg.trig", path)
    return path


def post(url: str, query: str, timeout: float = 120) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(), headers={
        "Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


class Load:
    """``clients`` threads running the queries/ suite round robin until ``stop()``."""

    def __init__(self, url: str, clients: int) -> None:
        self.url, self.latencies, self.errors = url, [], []
        self.running = True
        self.texts = [(p.name, p.read_text("utf-8")) for p in QUERIES]
        self.threads = [threading.Thread(target=self.client, args=(i,), daemon=True) for i in range(clients)]
        self.started = time.monotonic()
        for thread in self.threads:
            thread.start()

    def client(self, k: int) -> None:
        while self.running:
            name, text = self.texts[k % len(self.texts)]
            k += 1
            began = time.perf_counter()
            status, body = 0, b""
            try:
                status, body = post(self.url, text)
                assert status == 200
                json.loads(body)["results"]["bindings"]
                self.latencies.append(time.perf_counter() - began)
            except Exception as exc:  # noqa: BLE001 - every failure is recorded and asserted on
                self.errors.append(f"{name}: {status} {body[:200]!r} {exc!r}"[:400])

    def stop(self) -> list[str]:
        self.running = False
        for thread in self.threads:
            thread.join(180)
        self.seconds = time.monotonic() - self.started
        ms = [x * 1000 for x in self.latencies]
        return [f"{len(ms)} requests in {self.seconds:.0f} s = {len(ms) / self.seconds:.0f} requests/s, "
                f"{len(self.errors)} errors; latency ms p50 {percentile(ms, 0.5):.0f}, p95 "
                f"{percentile(ms, 0.95):.0f}, max {max(ms, default=0):.0f}, mean {statistics.fmean(ms or [0]):.0f}"]


def endpoint_load(data_store: Path, seconds: float, soak: bool) -> None:
    with serve.start(data_store) as server:
        load_run = Load(server.query_url, 32)
        time.sleep(seconds)
        lines = load_run.stop()
    assert not load_run.errors, load_run.errors[:5]
    assert load_run.latencies
    record(f"endpoint: 32 clients for {seconds:.0f} s ({'soak' if soak else 'quick'})", [
        f"The {len(QUERIES)} queries of queries/ (not the federated one) round robin, POST, JSON results "
        f"parsed; server: `sckg serve` (query guard, {serve.DEFAULT_BACKENDS} oxigraph backends, "
        f"{serve.DEFAULT_TIMEOUT_S} s limit) on data/sckg.trig.", "", *lines], soak=soak)


def test_endpoint_under_32_clients(data_store: Path) -> None:
    endpoint_load(data_store, 5, soak=False)


@pytest.mark.soak
def test_soak_endpoint_under_32_clients_for_60_s(data_store: Path) -> None:
    endpoint_load(data_store, 60, soak=True)


def runaway(url: str, name: str, out: list) -> None:
    began = time.monotonic()
    status, body = post(url, RUNAWAY[name])
    out.append((name, status, body.decode("utf-8", "replace").strip(), time.monotonic() - began))


def test_runaway_query_is_stopped_while_others_are_answered(data_store: Path) -> None:
    limit = 4
    with serve.start(data_store, timeout_s=limit) as server:
        others = Load(server.query_url, 4)
        time.sleep(0.5)
        done: list = []
        threads = [threading.Thread(target=runaway, args=(server.query_url, name, done)) for name in RUNAWAY]
        for thread in threads:
            thread.start()
        answered_before = len(others.latencies)
        for thread in threads:
            thread.join(60)
        answered_during = len(others.latencies) - answered_before
        time.sleep(1)
        others.stop()
        status, body = post(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert not others.errors, others.errors[:5]
    assert answered_during > 0 and status == 200 and json.loads(body)["results"]["bindings"]
    assert len(done) == len(RUNAWAY)
    for name, code, message, seconds in done:
        assert code == 503 and "time limit" in message and "\n" not in message, (name, code, message)
        assert seconds < limit + 6, (name, seconds)
    record("runaway queries (quick)", [
        f"Query guard with a {limit} s limit, 4 clients running the queries/ suite meanwhile: "
        f"{answered_during} of their queries answered while the runaways ran, 0 errors.", "",
        "| runaway query | status | answered after s |", "|---|---|---|",
        *[f"| {name} | {code} | {seconds:.1f} |" for name, code, _m, seconds in sorted(done)]], soak=False)


@pytest.mark.soak
def test_soak_runaway_queries_under_load(data_store: Path) -> None:
    limit, seconds, every = 10, 60, 15
    with serve.start(data_store, timeout_s=limit) as server:
        others = Load(server.query_url, 32)
        done: list = []
        names = list(RUNAWAY)
        for i in range(seconds // every):
            began = time.monotonic()
            runaway(server.query_url, names[i % len(names)], done)
            time.sleep(max(0.0, every - (time.monotonic() - began)))
        lines = others.stop()
    assert not others.errors, others.errors[:5]
    for name, code, message, took in done:
        assert code == 503 and "time limit" in message, (name, code, message)
        assert took < limit + 6, (name, took)
    record("runaway queries under load (soak)", [
        f"32 clients on the queries/ suite for {seconds} s with a runaway query every {every} s, {limit} s limit: "
        "every client query answered (interrupted ones re-sent by the guard to another backend).", "",
        *lines, "", "| runaway query | status | answered after s |", "|---|---|---|",
        *[f"| {name} | {code} | {took:.1f} |" for name, code, _m, took in done]], soak=True)


def test_updates_are_refused_and_change_nothing(data_store: Path) -> None:
    before = load.dump(data_store)
    insert = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    attempts = [
        ("POST /update sparql-update", "/update", "POST", insert.encode(), "application/sparql-update"),
        ("POST /update form", "/update", "POST", urllib.parse.urlencode({"update": insert}).encode(),
         "application/x-www-form-urlencoded"),
        ("GET /update", f"/update?update={urllib.parse.quote(insert)}", "GET", None, None),
        ("POST /query sparql-update body", "/query", "POST", insert.encode(), "application/sparql-update"),
        ("POST /query form update=", "/query", "POST", urllib.parse.urlencode({"update": insert}).encode(),
         "application/x-www-form-urlencoded"),
        ("POST /query form query=INSERT", "/query", "POST", urllib.parse.urlencode({"query": insert}).encode(),
         "application/x-www-form-urlencoded"),
        ("PUT /store", "/store?default", "PUT", b"<https://a> <https://b> <https://c> .", "application/n-triples"),
        ("POST /store", "/store?default", "POST", b"<https://a> <https://b> <https://c> .", "application/n-triples"),
        ("DELETE /store", "/store?default", "DELETE", None, None),
    ]
    codes = {}
    with serve.start(data_store) as server:
        for name, path, method, body, kind in attempts:
            request = urllib.request.Request(server.url + path, data=body, method=method,
                                             headers={"Content-Type": kind} if kind else {})
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=30)
            codes[name] = refused.value.code
        status, answer = post(server.query_url, "ASK { <https://example.org/a> ?p ?o }")
    assert all(400 <= code < 500 for code in codes.values()), codes
    assert status == 200 and json.loads(answer)["boolean"] is False
    assert load.dump(data_store) == before


@pytest.mark.soak
def test_soak_large_answers_come_whole_or_as_a_clean_error(data_store: Path) -> None:
    """Past 16 MB the guard spools an answer to disk before it sends any of it: a large
    answer comes whole with its Content-Length, and one the limit cuts is a 503 with the
    one-line message, never a 200 with part of the rows."""
    limit = 4
    with serve.start(data_store, timeout_s=limit) as server:
        url = server.query_url + "?query="
        with urllib.request.urlopen(url + urllib.parse.quote(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 60000"), timeout=60) as response:
            body = response.read()
            assert response.headers.get("Transfer-Encoding") is None
            assert int(response.headers["Content-Length"]) == len(body) > 16 * 1024 * 1024
        assert len(json.loads(body)["results"]["bindings"]) == 60000
        began = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as stopped:
            urllib.request.urlopen(url + urllib.parse.quote(
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), timeout=60)
        message = stopped.value.read().decode("utf-8")
        assert time.monotonic() - began < limit + 6
    assert stopped.value.code == 503, message[:300]
    assert message.startswith("query stopped:") and message.count("\n") == 1
