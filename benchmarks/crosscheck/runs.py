"""Running one query on each engine: answers as rows of cells, and timings.

Three ways to run a query are measured. The answers compared come from pyoxigraph
(in-process, the union of all graphs as the default graph) and from Virtuoso's SPARQL
endpoint (whose default graph, when a request names none, is the union of all graphs). The timings add Oxigraph's own HTTP
server on a store built from the same dump, so the two HTTP columns compare like with
like (each includes HTTP, JSON serialisation and the client reading the response).
"""

from __future__ import annotations

import statistics
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .terms import Row, from_json, from_oxigraph, literal
from .virtuoso import Instance

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


@dataclass
class Answer:
    """The variables and rows of one SELECT (or ASK, as one ``?ask`` row) answer."""

    variables: list[str]
    rows: list[Row] = field(default_factory=list)


def oxigraph_store(dump: Path) -> ox.Store:
    """An in-memory pyoxigraph store holding the dump."""
    store = ox.Store()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.TRIG)
    return store


def graph_names(store: ox.Store) -> list[str]:
    """The IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def oxigraph_answer(store: ox.Store, query: str) -> Answer:
    """Run ``query`` in pyoxigraph with the union of all graphs as the default graph."""
    result = store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return Answer(["ask"], [(literal("true" if bool(result) else "false", datatype=XSD_BOOLEAN),)])
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("only SELECT and ASK queries can be compared")
    variables = [v.value for v in result.variables]
    rows = [tuple(from_oxigraph(solution[i]) for i in range(len(variables))) for solution in result]
    return Answer(variables, rows)


def json_answer(results: dict) -> Answer:
    """An answer from SPARQL 1.1 JSON results."""
    if "boolean" in results:
        return Answer(["ask"], [(literal("true" if results["boolean"] else "false", datatype=XSD_BOOLEAN),)])
    variables = list(results["head"]["vars"])
    rows = [tuple(from_json(b.get(v)) for v in variables) for b in results["results"]["bindings"]]
    return Answer(variables, rows)


class VirtuosoRunner:
    """Queries on a Virtuoso instance, with Virtuoso's own default dataset or a given one.

    Without a dataset (the default), a query's default graph is the union of every graph
    in the store: the same union Oxigraph serves (both engines match a triple once per
    graph holding it), plus Virtuoso's few system graphs (``virtrdf:`` …), which the
    answers would show if a query matched them. ``dataset`` names graphs for both
    ``default-graph-uri`` and ``named-graph-uri`` (SPARQL 1.1 Protocol) instead.
    """

    def __init__(self, instance: Instance, dataset: list[str] | None = None):
        self.instance = instance
        self.dataset = dataset or []

    def answer(self, query: str) -> Answer:
        """The answer to ``query``."""
        return json_answer(self.instance.sparql(query, self.dataset, self.dataset))


def time_median(run, runs: int) -> float:
    """The median wall time of ``runs`` calls of ``run()``, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def time_oxigraph(store: ox.Store, query: str, runs: int) -> float:
    """Median ms of running ``query`` in pyoxigraph and reading every solution."""
    def run() -> None:
        result = store.query(query, use_default_graph_as_union=True)
        if isinstance(result, ox.QuerySolutions):
            for solution in result:
                for term in solution:
                    pass

    return time_median(run, runs)


def post_query(url: str, query: str) -> bytes:
    """POST ``query`` to a SPARQL endpoint asking for JSON; the response body."""
    body = urllib.parse.urlencode([("query", query)]).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={
        "Accept": "application/sparql-results+json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


def time_http(url: str, query: str, runs: int) -> float:
    """Median ms of a SPARQL HTTP request for ``query``, response read in full."""
    return time_median(lambda: post_query(url, query), runs)
