"""sckg commands on one store take turns (src/sckg/load/lock.py): writers one at a time,
readers after the writer; a command that waits too long refuses in one line. Real
processes, real stores."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sckg import load

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "articles" / "unseen"
SCKG = [sys.executable, "-m", "sckg"]
HOLD = ("import sys, time\nfrom sckg.load.lock import command_lock\n"
        "with command_lock(sys.argv[1], exclusive=sys.argv[2] == 'w'):\n"
        "    print('held', flush=True)\n    time.sleep(float(sys.argv[3]))\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("built") / "store"
    load.build_store(ROOT / "data" / "sckg.trig", path)
    return path


@pytest.fixture()
def store(built: Path, tmp_path: Path) -> Path:
    path = tmp_path / "store"
    shutil.copytree(built, path)
    return path


def holder(store: Path, mode: str, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(store), mode, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def run(*args: str, wait: str = "120") -> subprocess.CompletedProcess:
    return subprocess.run(SCKG + list(args), capture_output=True, text=True, timeout=300,
                          env={**os.environ, "SCKG_LOCK_WAIT": wait, "SCKG_SERVER": "http://127.0.0.1:9"})


def test_a_reader_waits_for_a_writer_and_refuses_after_its_limit(store: Path, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    writer = holder(store, "w", 30)
    try:
        refused = run("query", str(query), "--store", str(store), "--format", "csv", wait="1")
    finally:
        writer.kill()
        writer.wait()
    assert refused.returncode == 2 and refused.stdout == ""
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "another sckg command" in lines[0] and str(store) in lines[0]
    writer = holder(store, "w", 2)
    answered = run("query", str(query), "--store", str(store), "--format", "csv")
    writer.wait()
    assert answered.returncode == 0 and answered.stdout.startswith("n\n"), answered.stderr


def test_readers_share_the_store(store: Path, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    reader = holder(store, "r", 30)
    try:
        answered = run("query", str(query), "--store", str(store), "--format", "json", wait="5")
    finally:
        reader.kill()
        reader.wait()
    assert answered.returncode == 0 and "true" in answered.stdout, answered.stderr


def test_writers_at_once_take_turns_and_none_fails(store: Path, tmp_path: Path) -> None:
    procs = []
    for k in range(3):
        triples = tmp_path / f"n{k}.ttl"
        triples.write_text(f'<https://w3id.org/sckg/id/place-650500> <http://www.w3.org/2004/02/skos/core#note> '
                           f'"note {k}"@en .\n', encoding="utf-8")
        procs.append(subprocess.Popen(SCKG + ["add", str(triples), "--store", str(store)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      env={**os.environ, "SCKG_SERVER": "http://127.0.0.1:9"}))
    for k, name in enumerate(("900_5a1c3e9b7d2f4068.txt", "901_c47e2a90b13d5f86.txt")):
        article = tmp_path / f"art{k}.txt"
        article.write_bytes((UNSEEN / name).read_bytes())
        procs.append(subprocess.Popen(SCKG + ["ingest", str(article), "--store", str(store)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      env={**os.environ, "SCKG_SERVER": "http://127.0.0.1:9"}))
    results = [(p.wait(300), *p.communicate()) for p in procs]
    for code, out, err in results:
        assert code in (0, 4) and "Traceback" not in err and "internal error" not in err, err
    graphs = {g.value for g in load.open_read_only(store).named_graphs()}
    assert {load.GRAPH_NS + "art0", load.GRAPH_NS + "art1"} <= graphs
