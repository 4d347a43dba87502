"""The queries/ suite on a second, independent SPARQL engine: Virtuoso from Debian.

``make second-engine`` runs this script. It installs Virtuoso with apt-get (once),
starts a private instance in a temp directory, bulk-loads ``data/sckg.trig``, checks
that every quad arrived intact, then runs every ``queries/*.rq`` on Virtuoso and on
Oxigraph and compares the answers as multisets of RDF terms (in order, up to ties,
when the query has ORDER BY). Virtuoso answers each query twice: with its own default
graph (the union of all its graphs) and with the dump's graphs named as the protocol
dataset; both must agree with Oxigraph. It also re-runs the minimal queries of the
Virtuoso deviations found so far (``crosscheck.deviations``).

It prints one line per query and a summary, writes ``benchmarks/results/second-engine.md``,
stops Virtuoso (also on error, Ctrl-C or SIGTERM) and exits 1 if any query's answers differ,
2 if the check could not run.

Usage: ``.venv/bin/python benchmarks/second_engine.py [--runs 3] [--out FILE]``
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crosscheck import deviations, report, runs, virtuoso  # noqa: E402
from crosscheck.terms import Comparison, compare, iri  # noqa: E402
from sckg import load, serve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Needs the Wikidata Query Service (no internet here); tests/test_queries.py skips it too.
SKIP = {"federated-wikidata.rq"}
QUAD_QUERY = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def check(dump: Path, queries: list[Path], timing_runs: int, out: Path) -> int:
    """Run the whole check; the exit code (0 all agree, 1 some differ)."""
    version = virtuoso.install()
    facts = report.Facts(package_version=version, server_banner=virtuoso.server_banner(),
                         oxigraph_version=runs.ox.__version__, runs=timing_runs)
    start = time.perf_counter()
    store = runs.oxigraph_store(dump)
    facts.oxigraph_load_s = time.perf_counter() - start
    facts.oxigraph_quads = len(store)
    graphs = runs.graph_names(store)
    facts.graphs = len(graphs)

    with tempfile.TemporaryDirectory(prefix="sckg-virtuoso-") as tmp:
        with virtuoso.Instance(Path(tmp) / "db", serve.free_port(), serve.free_port()) as instance:
            start = time.perf_counter()
            instance.load(dump)
            facts.virtuoso_load_s = time.perf_counter() - start
            union = runs.VirtuosoRunner(instance)
            named = runs.VirtuosoRunner(instance, graphs)
            check_quads(store, union, graphs, facts)
            results = [answer_one(rq, store, union, named) for rq in queries]
            findings = deviations.check_all(store, union, graphs)
            for finding in findings:
                state = "still deviates" if finding.reproduces else "no longer deviates"
                print(f"{finding.deviation.key}: {state}: {finding.deviation.title}")
            print(f"timing ({timing_runs} runs per query and engine) …", flush=True)
            time_all(results, store, instance, dump, Path(tmp), timing_runs)

    differ = [r for r in results if not r.agree]
    print(f"\n{len(results) - len(differ)}/{len(results)} queries agree"
          + (f"; differ: {', '.join(r.name for r in differ)}" if differ else "")
          + ("" if facts.quads_identical else "; the loaded quads differ"))
    report.write(out, facts, results, findings)
    print(f"results: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 1 if differ or not facts.quads_identical else 0


def check_quads(store, engine: runs.VirtuosoRunner, graphs: list[str], facts: report.Facts) -> None:
    """Compare every quad of the dump's graphs in both engines; count Virtuoso's own graphs."""
    theirs = engine.answer(QUAD_QUERY).rows
    ours = {iri(g) for g in graphs}
    mine = [row for row in theirs if row[0] in ours]
    facts.system_quads = len(theirs) - len(mine)
    facts.system_graphs = len({row[0] for row in theirs} - ours)
    facts.virtuoso_quads = len(mine)
    quads = compare(["g", "s", "p", "o"], runs.oxigraph_answer(store, QUAD_QUERY).rows, mine, QUAD_QUERY)
    facts.quads_identical = quads.agree
    facts.quad_diff = quads.diff
    print(f"load: oxigraph {facts.oxigraph_quads} quads in {facts.oxigraph_load_s:.2f} s, "
          f"virtuoso {facts.virtuoso_quads} quads in {facts.virtuoso_load_s:.2f} s "
          f"(+{facts.system_quads} in {facts.system_graphs} system graphs): "
          f"{'identical' if quads.agree else 'DIFFERENT'}", flush=True)
    for line in quads.diff:
        print(f"    {line}")


def _compare(ours: runs.Answer, engine: runs.VirtuosoRunner, query: str) -> tuple[Comparison, int | None]:
    """Virtuoso's answer compared with Oxigraph's; an error counts as a difference."""
    try:
        theirs = engine.answer(query)
    except virtuoso.VirtuosoError as exc:
        return Comparison(False, False, 0, 0, [f"virtuoso error: {exc}"]), None
    comparison = compare(ours.variables, ours.rows, theirs.rows, query)
    if ours.variables != theirs.variables:
        comparison.agree = False
        comparison.diff.insert(0, f"variables {ours.variables} vs {theirs.variables}")
    return comparison, len(theirs.rows)


def answer_one(rq: Path, store, union: runs.VirtuosoRunner, named: runs.VirtuosoRunner) -> report.QueryResult:
    """Both engines' answers to one query file, compared and printed."""
    query = rq.read_text(encoding="utf-8")
    ours = runs.oxigraph_answer(store, query)
    comparison, count = _compare(ours, union, query)
    with_dataset, _ = _compare(ours, named, query)
    result = report.QueryResult(rq.stem, query, (len(ours.rows), count), comparison, with_dataset)
    print(f"{rq.stem:<40} {result.summary()}", flush=True)
    for label, c in (("", comparison), ("with dataset: ", with_dataset)):
        for line in c.diff:
            print(f"    {label}{line}")
    for line in comparison.respellings:
        print(f"    spelled differently: {line}")
    return result


def time_all(results: list[report.QueryResult], store, instance: virtuoso.Instance, dump: Path,
             tmp: Path, timing_runs: int) -> None:
    """Median timings of every query: pyoxigraph, Oxigraph's server, Virtuoso's endpoint."""
    location = tmp / "oxigraph-store"
    load.build_store(dump, location)
    with serve.start(location) as server:
        for result in results:
            result.ms_pyoxigraph = runs.time_oxigraph(store, result.query, timing_runs)
            result.ms_oxigraph_http = runs.time_http(server.query_url, result.query, timing_runs)
            if result.counts[1] is not None:
                result.ms_virtuoso_http = runs.time_http(instance.endpoint, result.query, timing_runs)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, default=ROOT / "data" / "sckg.trig")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query and engine (median)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "second-engine.md")
    args = parser.parse_args(argv)
    queries = sorted(p for p in args.queries.glob("*.rq") if p.name not in SKIP)
    if not args.dump.is_file() or not queries:
        print(f"second engine: {args.dump} missing, or no queries in {args.queries}", file=sys.stderr)
        return 2
    # SIGTERM unwinds like Ctrl-C, so Virtuoso is stopped and its temp directory removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return check(args.dump, queries, max(1, args.runs), args.out.resolve())
    except (virtuoso.VirtuosoError, OSError) as exc:
        print(f"second engine: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("second engine: interrupted (Virtuoso stopped)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
