"""benchmarks/RESULTS.md from results/bench.json: tables between markers, prose kept."""

from __future__ import annotations

from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _when(res: dict, part: str) -> list[str]:
    """The line saying at which commit and on which day a part was measured, if known."""
    at = res.get("measured", {}).get(part)
    return [f"Measured at commit {at['commit']} on {at['date']}.", ""] if at else []


def _throughput(res: dict) -> list[str]:
    rows = res.get("throughput", [])
    if not rows:
        return []
    out = ["### Pipeline throughput (`sckg build`, start-up included, no store)", "", *_when(res, "throughput"),
           "| N | MB | executor | workers | median s | runs | articles/s | MB/s | MB/s per core | s per 1,000 articles |",
           "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        mbs = r["mb"] / r["seconds"]
        out.append(f"| {r['n']:,} | {r['mb']:.1f} | {r['executor']} | {r['workers']} | {r['seconds']:.1f} | "
                   f"{len(r['runs'])} | {r['articles_per_s']:.1f} | {mbs:.3f} | {mbs / r['workers']:.3f} | "
                   f"{1000 * r['seconds'] / r['n']:.1f} |")
    out.append("")
    by = {(r["n"], r["executor"]): r for r in rows}
    sizes = sorted({r["n"] for r in rows})
    growth = []
    for executor in ("serial", "process"):
        per = [(n, by[(n, executor)]["seconds"] / n) for n in sizes if (n, executor) in by]
        if len(per) > 1:
            # Start-up (~1.5 s) weighs on the smallest N; each step up in N is compared.
            steps = ", ".join(f"{a:,} → {b:,}: {y / x:.2f}" for (a, x), (b, y) in zip(per, per[1:]))
            growth.append(f"- {executor}: seconds per article " + ", ".join(f"{s * 1000:.1f} ms at N={n:,}" for n, s in per)
                          + f"; growth of the per-article time {steps} (1.00 = linear)")
    for n in sizes:
        if (n, "serial") in by and (n, "process") in by:
            growth.append(f"- N={n:,}: process pool speed-up over serial "
                          f"{by[(n, 'serial')]['seconds'] / by[(n, 'process')]['seconds']:.2f}×; "
                          f"output byte-identical: {res.get('identical', {}).get(str(n), res.get('identical', {}).get(n))}")
    return out + growth + [""]


def _incremental(res: dict) -> list[str]:
    rows = res.get("incremental", [])
    out = []
    if rows:
        steps = sorted({k for r in rows for k in r["steps"]})
        out += ["### Adding one article to a graph of N articles", "", *_when(res, "incremental"),
                "| N | store quads | in-process median s | `sckg ingest` median s | "
                + " | ".join(f"{s} s" for s in steps) + " | conforms |",
                "|---:|---:|---:|---:|" + "---:|" * len(steps) + "---|"]
        for r in rows:
            out.append(f"| {r['n']:,} | {r['store_quads']:,} | {r['warm_seconds']:.3f} | {r['cli_seconds']:.2f} | "
                       + " | ".join(f"{r['steps'].get(s, 0):.3f}" for s in steps) + f" | {r['conforms']} |")
        out.append("")
        if any("cli_cold_cache_seconds" in r for r in rows):
            out += ["`sckg ingest` by the state of the start-up cache (`sckg.cache`), median s:", "",
                    "| N | filled | empty (built and written) | off (`SCKG_NO_CACHE=1`) |", "|---:|---:|---:|---:|"]
            out += [f"| {r['n']:,} | {r['cli_seconds']:.2f} | {r['cli_cold_cache_seconds']:.2f} | "
                    f"{r['cli_no_cache_seconds']:.2f} |" for r in rows if "cli_cold_cache_seconds" in r]
            out.append("")
    full = res.get("full_pyshacl", [])
    if full:
        out += ["### Validating everything instead (N articles + the new one)", "", *_when(res, "full_pyshacl"),
                "| N | triples | pyshacl s | compiled engine s | results (pyshacl / compiled) |",
                "|---:|---:|---:|---:|---|"]
        for r in full:
            out.append(f"| {r['n']:,} | {r['triples']:,} | {r['pyshacl_seconds']:.1f} | {r['compiled_seconds']:.2f} | "
                       f"{r['pyshacl_results']} / {r['compiled_results']} |")
        out.append("")
    return out


def _load(res: dict) -> list[str]:
    r = res.get("load")
    if not r:
        return []
    return ["### Store load (largest N)", "", *_when(res, "load"),
            "| quads | TriG MB | sckg build_store s | quads/s | pyoxigraph bulk_load alone s | quads/s | ratio |",
            "|---:|---:|---:|---:|---:|---:|---:|",
            f"| {r['quads']:,} | {r['bytes'] / 1e6:.0f} | {r['sckg_seconds']:.1f} | {r['sckg_quads_per_s']:,} | "
            f"{r['bulk_seconds']:.1f} | {r['bulk_quads_per_s']:,} | {r['ratio']:.3f} |", ""]


def _queries(res: dict) -> list[str]:
    r = res.get("queries")
    if not r:
        return []
    n = max(res.get("sizes", [0]))
    out = [f"### queries/ through the endpoint (N={n:,} store, {r['repeat']} runs each, one client)", "",
           *_when(res, "queries"),
           f"Overall p50 {r['overall']['p50'] * 1000:.0f} ms, p95 {r['overall']['p95'] * 1000:.0f} ms, "
           f"max {r['overall']['max'] * 1000:.0f} ms; errors: {r['errors']}.", "",
           "| query | rows | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
    for name, q in sorted(r["per_query"].items()):
        out.append(f"| {name} | {q['rows']} | {q['p50'] * 1000:.0f} | {q['p95'] * 1000:.0f} |")
    return out + [""]


def tables(res: dict) -> str:
    """The generated part of RESULTS.md."""
    m = res.get("machine", {})
    c = res.get("corpus", {})
    head = [f"Last run {m.get('date', '?')} at commit {m.get('commit', '?')} on {m.get('cpu', '?')}, "
            f"{m.get('cores', '?')} cores, {m.get('ram_gib', '?')} GiB RAM, {m.get('os', '?')}; Python "
            f"{m.get('python', '?')}, pyoxigraph {m.get('pyoxigraph', '?')}, pyshacl {m.get('pyshacl', '?')}.",
            "", f"Corpus: {c.get('articles', 0):,} synthetic articles, {c.get('megabytes', 0)} MB; article size "
            f"min {c.get('bytes_min', 0):,} / median {c.get('bytes_median', 0):,} / max {c.get('bytes_max', 0):,} bytes.", ""]
    return "\n".join(head + _throughput(res) + _incremental(res) + _load(res) + _queries(res))


def write(res: dict, path: Path) -> None:
    """Replace the generated block of ``path`` (or create the file)."""
    block = f"{START}\n{tables(res)}\n{END}"
    if path.exists() and START in path.read_text(encoding="utf-8"):
        text = path.read_text(encoding="utf-8")
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1] if END in rest else ""
        path.write_text(before + block + after, encoding="utf-8")
    else:
        path.write_text(f"# Benchmark results\n\n{block}\n", encoding="utf-8")
