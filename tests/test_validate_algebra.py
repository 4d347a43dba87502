"""sckg.validate.algebra: rdflib's algebra of the shapes' SPARQL constraints, kept on disk
as plain data and rebuilt exactly."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql.parserutils import CompValue, Expr

from sckg.validate import algebra, context, sparql
from sckg.validate.compiled import Engine
from sckg.validate.context import spec_of

ROOT = Path(__file__).resolve().parents[1]


def difference(a, b, path: str = "") -> str | None:
    """Where two algebra trees differ (class, name, items in order, the attributes rdflib
    sets, evaluation functions), or None."""
    if isinstance(a, CompValue):
        if type(a) is not type(b) or a.name != b.name or list(dict.keys(a)) != list(dict.keys(b)):
            return f"{path}: {type(a).__name__} {a.name} vs {type(b).__name__} {getattr(b, 'name', b)}"
        if type(a) is Expr and (a._evalfn and a._evalfn.__func__) != (b._evalfn and b._evalfn.__func__):
            return f"{path}: evaluation function"
        if set(vars(a)) != set(vars(b)):
            return f"{path}: attributes {sorted(vars(a))} vs {sorted(vars(b))}"
        pairs = [(f"{path}/{a.name}.{k}", dict.__getitem__(a, k), dict.__getitem__(b, k)) for k in dict.keys(a)]
        pairs += [(f"{path}/{a.name}@{k}", v, vars(b)[k]) for k, v in vars(a).items()
                  if k not in ("name", "_evalfn")]
        return next((d for p, x, y in pairs if (d := difference(x, y, p))), None)
    if isinstance(a, (list, tuple)):
        if type(a) is not type(b) or len(a) != len(b):
            return f"{path}: {a!r} vs {b!r}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := difference(x, y, f"{path}[{i}]"))), None)
    return None if type(a) is type(b) and a == b else f"{path}: {a!r} vs {b!r}"


@pytest.fixture(scope="module")
def queries(shapes) -> list[str]:
    """The query text of every SPARQL constraint the compiled engine runs."""
    found = sorted({k.query for s in Engine(shapes).shapes.values() for k in s.sparql})
    assert len(found) >= 5
    return found


def test_every_constraint_comes_back_as_parsed(queries: list[str]) -> None:
    for query in queries:
        parsed = algebra.parse_algebra(query)
        assert difference(parsed, algebra.thaw(algebra.freeze(parsed))) is None, query


def test_the_attributes_rdflib_sets_are_kept(queries: list[str]) -> None:
    """rdflib hangs an EXISTS's translated pattern on the node as an attribute, not an
    item; a copy that lost it made the peer search load a million triples."""
    exists = [q for q in queries if "EXISTS" in q]
    assert exists
    seen = []

    def walk(node):
        if isinstance(node, CompValue):
            if node.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
                seen.append(node)
            for value in dict.values(node):
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    for query in exists:
        walk(algebra.thaw(algebra.freeze(algebra.parse_algebra(query))))
    assert seen and all(isinstance(vars(node).get("graph"), CompValue) for node in seen)


def _peer_texts(shapes, make_algebra, nodes: dict[str, dict[str, list[str]]]) -> list[str]:
    import unittest.mock as patching  # the module attributes, not the store or validator

    with patching.patch.object(sparql, "query_algebra", make_algebra), \
            patching.patch.object(context, "query_algebra", make_algebra):
        spec = spec_of(Engine(shapes))
    return [text for query in spec.peer_queries for node, values in sorted(nodes.items())
            for text in query.queries(values, node)]


def test_peer_searches_are_written_the_same_from_the_rebuilt_algebra(shapes) -> None:
    store = ox.Store()
    store.load(path=str(ROOT / "data" / "sckg.trig"), format=ox.RdfFormat.TRIG)
    observation = ox.NamedNode("http://purl.org/linked-data/cube#Observation")
    subjects = sorted({q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), observation)})[:40]
    assert len(subjects) == 40
    nodes = {}
    for iri in subjects:
        values: dict[str, list[str]] = {}
        for quad in store.quads_for_pattern(ox.NamedNode(iri), None, None):
            values.setdefault(quad.predicate.value, []).append(str(quad.object))
        nodes[f"<{iri}>"] = values
    parsed = _peer_texts(shapes, algebra.parse_algebra, nodes)
    rebuilt = _peer_texts(shapes, lambda q: algebra.thaw(algebra.freeze(algebra.parse_algebra(q))), nodes)
    assert len(parsed) >= 40
    assert rebuilt == parsed


def test_query_algebra_reads_the_disk_cache(queries, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCKG_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("SCKG_NO_CACHE", raising=False)
    first = algebra.query_algebra.__wrapped__(queries[0])
    monkeypatch.setattr(algebra, "parse_algebra", lambda q: pytest.fail("parsed again"))
    assert difference(first, algebra.query_algebra.__wrapped__(queries[0])) is None
    assert [p.name.startswith("sparql-algebra-") for p in tmp_path.iterdir()] == [True]


def test_an_algebra_that_does_not_freeze_is_parsed_every_time(queries, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SCKG_CACHE_DIR", str(tmp_path))

    def refuse(node):
        raise TypeError("algebra value of type ParseResults")

    monkeypatch.setattr(algebra, "freeze", refuse)
    got = algebra.query_algebra.__wrapped__(queries[0])
    assert difference(algebra.parse_algebra(queries[0]), got) is None
    assert not list(tmp_path.iterdir())


def test_freeze_refuses_containers_it_cannot_rebuild() -> None:
    from pyparsing import ParseResults

    with pytest.raises(TypeError):
        algebra.freeze(CompValue("Filter", expr=ParseResults(["x"])))
    with pytest.raises(TypeError):
        algebra.freeze(CompValue("Filter", p={"a": 1}))
