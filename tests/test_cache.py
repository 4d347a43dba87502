"""sckg.cache: the disk cache of start-up state, and that a cached start-up changes
nothing but the time it takes."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from sckg import cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("SCKG_CACHE_DIR", str(path))
    monkeypatch.delenv("SCKG_NO_CACHE", raising=False)
    return path


class Builds:
    """A build function that counts its calls."""

    def __init__(self, value) -> None:
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_value_is_built_once_then_read_back(folder: Path) -> None:
    build = Builds({"a": [1, 2], "b": ("x",)})
    assert cache.cached("thing", build, key="k") == build.value
    again = cache.cached("thing", build, key="k")
    assert again == build.value and again is not build.value  # read from the file
    assert build.calls == 1
    assert [p.name for p in folder.iterdir()] == [cache.entry_path("thing", "k").name]


def test_keys_are_separate_entries(folder: Path) -> None:
    one, two = Builds(1), Builds(2)
    assert cache.cached("thing", one, key="one") == 1
    assert cache.cached("thing", two, key="two") == 2
    assert cache.cached("thing", one, key="one") == 1 and cache.cached("thing", two, key="two") == 2
    assert (one.calls, two.calls) == (1, 1)


def test_a_changed_source_file_rebuilds_and_replaces_the_entry(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.ttl"
    source.write_text("one")
    build = Builds("value")
    cache.cached("parsed", build, files=[source])
    cache.cached("parsed", build, files=[source])
    assert build.calls == 1
    source.write_text("two")
    cache.cached("parsed", build, files=[source])
    assert build.calls == 2
    assert len(list(folder.iterdir())) == 1  # the stale entry was replaced, not kept beside


def test_the_fingerprint_follows_package_versions_and_module_sources(tmp_path: Path) -> None:
    base = cache.fingerprint(modules=["sckg.cache"], packages=["rdflib"])
    assert base == cache.fingerprint(modules=["sckg.cache"], packages=["rdflib"])
    assert base != cache.fingerprint(modules=["sckg.cache"], packages=["rdflib", "pyoxigraph"])
    assert base != cache.fingerprint(modules=["sckg.model"], packages=["rdflib"])
    # A package's digest covers every module in it.
    assert cache.fingerprint(modules=["sckg.link"]) != cache.fingerprint(modules=["sckg.link.names"])


@pytest.mark.parametrize("damage", [b"", b"\x80\x05 not a pickle", None])
def test_a_damaged_or_foreign_entry_is_rebuilt(folder: Path, damage: bytes | None) -> None:
    build = Builds([1, 2, 3])
    path = cache.entry_path("thing", "")
    folder.mkdir()
    if damage is None:  # a valid pickle written by another fingerprint
        damage = pickle.dumps(("another fingerprint", "", "stale value"))
    path.write_bytes(damage)
    assert cache.cached("thing", build) == [1, 2, 3]
    assert build.calls == 1
    assert cache.cached("thing", build) == [1, 2, 3] and build.calls == 1  # rewritten whole


def test_a_truncated_entry_is_rebuilt(folder: Path) -> None:
    build = Builds(list(range(1000)))
    cache.cached("thing", build)
    path = cache.entry_path("thing", "")
    path.write_bytes(path.read_bytes()[:-50])
    assert cache.cached("thing", build) == build.value and build.calls == 2


def test_turned_off_nothing_is_written(folder: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCKG_NO_CACHE", "1")
    build = Builds("v")
    cache.cached("thing", build)
    cache.cached("thing", build)
    assert build.calls == 2 and not folder.exists()


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("SCKG_CACHE_DIR", str(blocker / "cache"))
    build = Builds("v")
    assert cache.cached("thing", build) == "v" and cache.cached("thing", build) == "v"
    assert build.calls == 2


def test_a_failing_build_writes_nothing(folder: Path) -> None:
    def fail():
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        cache.cached("thing", fail)
    assert not folder.exists() or not list(folder.iterdir())


def test_a_source_file_that_cannot_be_read_is_left_to_the_build(folder: Path, tmp_path: Path) -> None:
    def build():
        raise FileNotFoundError("the build says which file")

    with pytest.raises(FileNotFoundError, match="the build says"):
        cache.cached("thing", build, files=[tmp_path / "missing.ttl"])


def test_cached_start_up_state_equals_the_built_one(folder: Path) -> None:
    """The gazetteer and jieba's tables as they come back from the disk cache are what
    building them gives."""
    from sckg.extract import word_model_tables
    from sckg.link import build_gazetteer

    built = build_gazetteer()
    cache.cached("gazetteer", build_gazetteer)
    assert cache.cached("gazetteer", lambda: pytest.fail("rebuilt")) == built
    tables = word_model_tables()
    cache.cached("jieba-tables", word_model_tables)
    freq, total, tags = cache.cached("jieba-tables", lambda: pytest.fail("rebuilt"))
    assert (freq, total, tags) == tables


_TAGGING = """
import json, sys
from sckg import pipeline
from sckg.extract.words import tagger as _tagger
pipeline._finder()
text = sys.stdin.read()
print(json.dumps([list(pair) for pair in _tagger().lcut(text)], ensure_ascii=False))
"""


def test_jieba_installed_from_the_cache_tags_as_jieba_loaded_from_its_files(folder: Path) -> None:
    """Installing the cached tables (``load_word_models(tables)``) bypasses jieba's own
    loading; in a fresh process the tagger must give the same words and tags."""
    text = (ROOT / "seeds").glob("*.txt").__next__().read_text("utf-8", "replace")[:4000]
    env = {**os.environ, "SCKG_CACHE_DIR": str(folder)}
    runs = []
    for _ in range(2):  # the first run builds the cache, the second installs from it
        done = subprocess.run([sys.executable, "-c", _TAGGING], input=text, capture_output=True,
                              text=True, env=env, cwd=ROOT, check=True)
        runs.append(done.stdout)
    plain = subprocess.run([sys.executable, "-c", _TAGGING], input=text, capture_output=True, text=True,
                           env={**env, "SCKG_NO_CACHE": "1"}, cwd=ROOT, check=True).stdout
    assert any(p.name.startswith("jieba-tables-") for p in folder.iterdir())
    assert runs[0] == runs[1] == plain
    assert len(plain) > 1000


def test_sckg_ingest_writes_the_same_store_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    from sckg import load

    article = sorted((ROOT / "seeds").glob("*.txt"))[1]
    dumps = {}
    folder = tmp_path / "cache"
    for run, extra in [("cold", {}), ("warm", {}), ("off", {"SCKG_NO_CACHE": "1"})]:
        store = tmp_path / f"store-{run}"
        load.build_store(ROOT / "tests" / "fixtures" / "store" / "base.trig", store)
        env = {**os.environ, "SCKG_CACHE_DIR": str(folder), **extra}
        done = subprocess.run([sys.executable, "-m", "sckg", "ingest", str(article), "--store", str(store)],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        dumps[run] = (done.stdout.replace(str(store), "STORE"), sorted(load.open_read_only(store).dump(format=_nquads())
                                         .decode().splitlines()))
    assert {p.name.split("-")[0] for p in folder.iterdir()} >= {"gazetteer", "jieba", "place", "sparql", "turtle"}
    assert dumps["cold"] == dumps["warm"] == dumps["off"]


def _nquads():
    import pyoxigraph as ox

    return ox.RdfFormat.N_QUADS


def test_a_value_that_does_not_pickle_is_returned_and_not_kept(folder: Path) -> None:
    build = Builds(lambda: "a local function does not pickle")
    assert cache.cached("thing", build) is build.value
    assert cache.cached("thing", build) is build.value
    assert build.calls == 2 and not (folder.exists() and list(folder.iterdir()))


def test_without_a_home_folder_there_is_no_cache(monkeypatch) -> None:
    monkeypatch.delenv("SCKG_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("SCKG_NO_CACHE", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert cache.cache_dir() is None
    build = Builds("v")
    assert cache.cached("thing", build) == "v" and cache.cached("thing", build) == "v"
    assert build.calls == 2


def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SCKG_CACHE_DIR", raising=False)
    monkeypatch.delenv("SCKG_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "sckg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "sckg"
