"""Shared pytest options and fixtures for the test suite."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# sckg.cache keeps start-up state on disk. A test run uses a folder of its own, not the
# user's ~/.cache/sckg: it starts cold once, then reads the entries back (subprocesses
# inherit the variable). A folder given in SCKG_CACHE_DIR is used as it is.
_OWN_CACHE = None if os.environ.get("SCKG_CACHE_DIR") else tempfile.mkdtemp(prefix="sckg-test-cache-")
if _OWN_CACHE:
    os.environ["SCKG_CACHE_DIR"] = _OWN_CACHE


def pytest_unconfigure(config):
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite tests/golden/*/expected.ttl from the pipeline instead of comparing.")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """Whether golden files are to be rewritten (pytest --update-golden)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer, built once per test session (it takes a few seconds)."""
    from sckg.link import build_gazetteer

    return build_gazetteer()


@pytest.fixture(scope="session")
def place_finder(gazetteer):
    """The gazetteer's place finder, once per session."""
    from sckg.link import PlaceFinder

    return PlaceFinder(gazetteer)


@pytest.fixture(scope="session")
def shapes():
    """The repository's SHACL shapes graph, parsed once (tests only read it)."""
    from sckg.validate import load_shapes

    return load_shapes()


@pytest.fixture(scope="session")
def ontology():
    """The repository's ontology graph, parsed once (tests only read it)."""
    from sckg.validate import load_ontology

    return load_ontology()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A fresh Oxigraph store holding tests/fixtures/store/base.trig."""
    from sckg import load

    path = tmp_path / "store"
    load.build_store(Path(__file__).parent / "fixtures" / "store" / "base.trig", path)
    return path
