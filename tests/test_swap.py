"""A build replaces the store and the dump as one unit (src/sckg/load/swap.py): never
while another process holds the store open, never half (SIGKILL at every step of the
swap), cleaning what killed builds left; a served store is reloaded, and one store has
one server. Real ``sckg`` processes, real stores, real servers."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from sckg import load, serve

ROOT = Path(__file__).resolve().parents[1]
UNSEEN = ROOT / "tests" / "articles" / "unseen"
SCKG = [sys.executable, "-m", "sckg"]
BEFORE_JOURNAL = ["store-built", "before-journal"]
AFTER_JOURNAL = ["journal-written", "store-moved-aside", "store-swapped", "files-swapped"]


def folder_of(tmp_path: Path, name: str, *articles: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for article in articles:
        shutil.copy(UNSEEN / article, folder / article)
    return folder


def build(seeds: Path, out: Path, store: Path, **env: str) -> subprocess.CompletedProcess:
    """``sckg build --fresh``: the new pair holds the folder's articles alone (a rebuild
    without --fresh also carries the old store's other graphs: tests/test_carry.py)."""
    return subprocess.run(SCKG + ["build", "--seeds", str(seeds), "--out", str(out), "--store", str(store),
                                  "--quiet", "--fresh"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def graphs_in_dump(trig: Path) -> set[str]:
    return set(re.findall(r"^graph:(\S+) \{$", trig.read_text(encoding="utf-8"), flags=re.M))


def graphs_in_store(store: Path) -> set[str]:
    opened = load.open_read_only(store)
    return {g.value.removeprefix(load.GRAPH_NS) for g in opened.named_graphs()}


@pytest.fixture(scope="module")
def pair_a(tmp_path_factory):
    """A store and dump built from article 902 (the 'old' pair), kept as a pristine copy."""
    tmp = tmp_path_factory.mktemp("pair-a")
    seeds = folder_of(tmp, "a", "902_3f8d61b0e59a2c47.txt")
    done = build(seeds, tmp / "sckg.trig", tmp / "store")
    assert done.returncode == 0, done.stderr
    return tmp / "sckg.trig", tmp / "store"


def fresh_pair(pair_a, tmp_path: Path) -> tuple[Path, Path]:
    out, store = tmp_path / "data" / "sckg.trig", tmp_path / "data" / "store"
    out.parent.mkdir()
    shutil.copy(pair_a[0], out)
    shutil.copytree(pair_a[1], store)
    return out, store


@pytest.mark.parametrize("point", BEFORE_JOURNAL + AFTER_JOURNAL)
def test_a_build_killed_at_any_step_leaves_both_old_or_both_new(pair_a, tmp_path: Path, point: str) -> None:
    out, store = fresh_pair(pair_a, tmp_path)
    old = graphs_in_dump(out)
    seeds_b = folder_of(tmp_path, "b", "903_8e2b74c19f06d3a5.txt")
    killed = build(seeds_b, out, store, SCKG_KILL_AT=point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    load.check_store(store)  # what every command does first: completes a half-done swap
    in_store, in_dump = graphs_in_store(store), graphs_in_dump(out)
    assert in_store == in_dump
    expected = old if point in BEFORE_JOURNAL else (old - {"902_3f8d61b0e59a2c47"}) | {"903_8e2b74c19f06d3a5"}
    assert in_dump == expected
    # The next build cleans every leftover of the killed one.
    again = build(seeds_b, out, store)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["refused", "sckg.trig", "store"]


def test_build_refuses_a_store_another_process_holds_open(pair_a, tmp_path: Path) -> None:
    out, store = fresh_pair(pair_a, tmp_path)
    before_dump, before_store = out.read_bytes(), load.dump(store)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time, pyoxigraph as ox\n"
                               f"s = ox.Store({str(store)!r}); print('open', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        seeds_b = folder_of(tmp_path, "b", "903_8e2b74c19f06d3a5.txt")
        refused = build(seeds_b, out, store)
    finally:
        holder.kill()
        holder.wait()
    assert refused.returncode == 2, refused.stderr
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and str(store) in lines[0] and "another process" in lines[0]
    assert out.read_bytes() == before_dump
    assert load.dump(store) == before_store  # opens, and holds what it held
    assert sorted(p.name for p in out.parent.iterdir()) == ["sckg.trig", "store"]


def test_leftovers_of_killed_builds_are_removed(pair_a, tmp_path: Path) -> None:
    out, store = fresh_pair(pair_a, tmp_path)
    dead = 4_000_000  # above Linux's pid_max: never a live process
    (out.parent / f".store.building-{dead}").mkdir()
    (out.parent / f".store.old-{dead}").mkdir()
    (out.parent / f".sckg.trig.building-{dead}.trig").write_text("half", encoding="utf-8")
    done = build(folder_of(tmp_path, "b", "903_8e2b74c19f06d3a5.txt"), out, store)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["refused", "sckg.trig", "store"]


def _other_file_system(tmp_path: Path) -> Path:
    """A folder on another file system than ``tmp_path`` where the machine has one
    (/dev/shm), else beside it: the links are followed either way."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != tmp_path.stat().st_dev:
        folder = Path(tempfile.mkdtemp(dir=shm, prefix="sckg-test-"))
    else:
        folder = tmp_path / "shared"
        folder.mkdir()
    return folder


def test_a_store_and_dump_reached_by_links_are_rebuilt_where_they_live(pair_a, tmp_path: Path) -> None:
    """data/store and data/sckg.trig as symbolic links to a shared folder: the rebuild
    replaces what they point to, with its permissions, and the links stay links."""
    shared = _other_file_system(tmp_path)
    try:
        shutil.copy(pair_a[0], shared / "sckg.trig")
        shutil.copytree(pair_a[1], shared / "store")
        (shared / "store").chmod(0o700)
        (shared / "sckg.trig").chmod(0o600)
        data = tmp_path / "data"
        data.mkdir()
        (data / "store").symlink_to(shared / "store")
        (data / "sckg.trig").symlink_to(shared / "sckg.trig")
        done = build(folder_of(tmp_path, "b", "903_8e2b74c19f06d3a5.txt"), data / "sckg.trig", data / "store")
        assert done.returncode == 0, done.stderr
        assert (data / "store").is_symlink() and (data / "sckg.trig").is_symlink()
        assert "903_8e2b74c19f06d3a5" in graphs_in_store(shared / "store")
        assert graphs_in_dump(shared / "sckg.trig") == graphs_in_store(shared / "store")
        assert (shared / "store").stat().st_mode & 0o777 == 0o700
        assert (shared / "sckg.trig").stat().st_mode & 0o777 == 0o600
        assert sorted(p.name for p in shared.iterdir()) == ["sckg.trig", "store"]  # no leftovers
        assert sorted(p.name for p in data.iterdir()) == ["refused", "sckg.trig", "store"]
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def ask(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(f"{url}/query?query={urllib.parse.quote(query)}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def wait_for(predicate, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_a_served_store_is_rebuilt_and_reloaded_and_has_one_server(pair_a, tmp_path: Path) -> None:
    out, store = fresh_pair(pair_a, tmp_path)
    bind = f"127.0.0.1:{serve.free_port()}"
    first = subprocess.Popen(SCKG + ["serve", "--store", str(store), "--bind", bind],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = serve.bind_url(bind)
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    try:
        assert wait_for(lambda: ask(url, "SELECT * { } LIMIT 1") is not None)
        second = subprocess.run(SCKG + ["serve", "--store", str(store), "--bind", f"127.0.0.1:{serve.free_port()}"],
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 2 and "already served" in second.stderr, second.stderr
        assert serve.running_server(store) == (first.pid, url)  # the refused one took nothing away
        done = build(folder_of(tmp_path, "b", "903_8e2b74c19f06d3a5.txt"), out, store)
        assert done.returncode == 0, done.stderr
        assert f"reloaded the endpoint at {url}" in done.stdout
        new = load.GRAPH_NS + "903_8e2b74c19f06d3a5"
        assert wait_for(lambda: new in {row["g"]["value"] for row in ask(url, graphs)})
    finally:
        first.send_signal(signal.SIGINT)
        first.wait(30)
    assert serve.running_server(store) is None
