"""Quality checks on the built graph itself (data/sckg.trig), not on samples:
the Data Cube integrity constraints and the ODK-style violation queries."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
QC = ROOT / "queries" / "qc"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """The committed dataset in an in-memory Oxigraph store."""
    db = ox.Store()
    db.bulk_load(path=str(ROOT / "data" / "sckg.trig"), format=ox.RdfFormat.TRIG)
    return db


def test_the_graph_holds_figures(store: ox.Store) -> None:
    ask = "ASK { ?o a <http://purl.org/linked-data/cube#Observation> }"
    assert store.query(ask, use_default_graph_as_union=True)


@pytest.mark.parametrize("query", sorted(QC.glob("qb-ic-*.rq")), ids=lambda p: p.stem)
def test_data_cube_integrity_constraint_holds_on_the_built_graph(store: ox.Store, query: Path) -> None:
    violated = store.query(query.read_text(encoding="utf-8"), use_default_graph_as_union=True)
    assert not bool(violated), f"{query.name} finds a violation in data/sckg.trig"


# unshaped-class-violation reads the shapes, which are not data: tests/test_qc.py runs it.
@pytest.mark.parametrize("query", sorted(q for q in QC.glob("*-violation.rq") if "unshaped" not in q.name),
                         ids=lambda p: p.stem)
def test_violation_query_finds_nothing_in_the_built_graph(store: ox.Store, query: Path) -> None:
    found = list(store.query(query.read_text(encoding="utf-8"), use_default_graph_as_union=True))
    assert not found, f"{query.name}: {[str(s) for s in found[:5]]}"
