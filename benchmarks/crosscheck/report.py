"""The results page of the second-engine check: machine, load, agreement, deviations, timings."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from pathlib import Path

from .deviations import Finding, show
from .terms import Comparison


@dataclass
class Facts:
    """What the run found out besides the per-query results."""

    package_version: str
    server_banner: str
    oxigraph_version: str
    runs: int
    graphs: int = 0
    oxigraph_quads: int = 0
    oxigraph_load_s: float = 0.0
    virtuoso_quads: int = 0
    virtuoso_load_s: float = 0.0
    system_quads: int = 0
    system_graphs: int = 0
    quads_identical: bool = False
    quad_diff: list[str] = field(default_factory=list)


@dataclass
class QueryResult:
    """One query: row counts (Oxigraph, Virtuoso or ``None``), both comparisons, timings."""

    name: str
    query: str
    counts: tuple[int, int | None]
    comparison: Comparison  # Virtuoso's own default graph (the union of its graphs)
    with_dataset: Comparison  # the dump's graphs as default-graph-uri/named-graph-uri
    ms_pyoxigraph: float | None = None
    ms_oxigraph_http: float | None = None
    ms_virtuoso_http: float | None = None

    @property
    def agree(self) -> bool:
        """True if Virtuoso agrees with Oxigraph both ways."""
        return self.comparison.agree and self.with_dataset.agree

    def summary(self) -> str:
        """The per-query verdict, e.g. ``agree`` or ``DIFFER; with dataset: agree``."""
        first = self.comparison.summary()
        if self.with_dataset.agree == self.comparison.agree:
            return first
        return f"{first}; with dataset: {self.with_dataset.summary()}"


def machine() -> dict[str, str]:
    """CPU count, CPU model, RAM and OS of this machine."""
    model, ram, os_name = "unknown", "unknown", "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
        os_name = platform.freedesktop_os_release().get("PRETTY_NAME", os_name)
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "cpu": model, "ram": ram,
            "os": f"{os_name}, Linux {platform.release()}", "python": platform.python_version()}


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


METHOD = """\
## How answers are compared

- **Dataset.** Oxigraph runs each query with the union of all graphs as the default graph
  (`use_default_graph_as_union`, as `sckg serve` does). Virtuoso answers each query twice:
  with no dataset in the request (its default graph is then the union of all graphs in the
  store, which besides the dump holds {system_quads} quads in {system_graphs} graphs of its
  own: `virtrdf:` and two small ones; a query matching them would show up as a difference),
  and with every graph of the dump given as `default-graph-uri` and `named-graph-uri`
  (SPARQL 1.1 Protocol). Both engines match a triple once per graph that holds it.
- **Terms.** Answers are read as typed RDF terms (pyoxigraph objects; SPARQL 1.1 JSON results
  from Virtuoso) and compared as multisets of rows. Normalised, because RDF 1.1 or SPARQL 1.1
  make them the same value: numbers of the `xsd:decimal` family (`decimal`, `integer` and every
  type derived from it) by value, since they share one value space, SPARQL `=` compares them
  so, and which derived type or lexical form (`"1.50"`/`"1.5"`) a store hands back is a storage
  choice; `xsd:float`/`xsd:double` by value among themselves, never equal to a decimal;
  `xsd:boolean` by value (`"1"` = `"true"`); `"x"` = `"x"^^xsd:string`; language tags case-
  insensitively; blank nodes as "a blank node". Everything else must match exactly (dates,
  strings, IRIs, other datatypes). Cells equal only after normalisation are counted in the
  table ("cells differ only in spelling") so nothing is hidden.
- **Order.** With ORDER BY on plain variables, rows must come in the same order except
  among rows with equal sort keys, whose order SPARQL leaves open (reported as "rows in
  ORDER BY ties"; {ties}). Without ORDER BY the order is ignored.
- **Install.** Only `virtuoso-opensource-7-bin` is installed (`apt-get install
  --no-install-recommends`, `DEBIAN_FRONTEND=noninteractive`): `virtuoso-t` and `isql-vt`.
  The `virtuoso-opensource` metapackage would add a system service with its own database
  and a debconf prompt for its DBA password; the check needs neither. Its private instance
  lives in a temp directory with its own `virtuoso.ini`, listens on free ports of 127.0.0.1,
  gets a random DBA password, and is stopped and deleted at the end, also on error.
- **Load.** The TriG dump is loaded as is (`ld_dir` + `rdf_loader_run` + `checkpoint`; no
  conversion was needed), then every quad of the dump's graphs is read back and compared
  with Oxigraph's as above.
"""


def write(path: Path, facts: Facts, results: list[QueryResult], findings: list[Finding]) -> None:
    """Write the Markdown results page to ``path``."""
    m = machine()
    agree = sum(r.agree for r in results)
    lines = [
        "# The queries/ suite on a second SPARQL engine (Virtuoso)",
        "",
        "Written by `make second-engine` (`benchmarks/second_engine.py`); do not edit by hand.",
        "",
        "## Machine and engines",
        "",
        f"- nproc {m['nproc']}; CPU {m['cpu']}; RAM {m['ram']}",
        f"- {m['os']}; Python {m['python']}",
        f"- Virtuoso: Debian package `virtuoso-opensource-7-bin` {facts.package_version} "
        f"(`virtuoso-t`: {facts.server_banner})",
        f"- Oxigraph: pyoxigraph {facts.oxigraph_version} and the `oxigraph` server of the same version",
        "",
        "## Load",
        "",
        "| engine | quads | graphs | load time |",
        "|---|---:|---:|---:|",
        f"| Oxigraph (pyoxigraph `bulk_load`, in memory) | {facts.oxigraph_quads} | {facts.graphs} "
        f"| {facts.oxigraph_load_s:.2f} s |",
        f"| Virtuoso (`ld_dir` + `rdf_loader_run` + `checkpoint`) | {facts.virtuoso_quads} "
        f"| {facts.graphs} | {facts.virtuoso_load_s:.2f} s |",
        "",
        ("Every quad of the dump reads back from Virtuoso identical (compared as RDF terms, see below)."
         if facts.quads_identical else
         "The quads read back from Virtuoso differ from the dump: " + "; ".join(facts.quad_diff)),
        "",
        "## Agreement",
        "",
        f"**{agree}/{len(results)} queries agree**, with Virtuoso's own union default graph and with "
        "the dump's graphs as the dataset. Timings: median of "
        f"{facts.runs} runs in ms, after the untimed run whose answers were compared; *pyoxigraph* "
        "is in-process on an in-memory store; the HTTP columns include the request, JSON results "
        "and reading them (`oxigraph serve-read-only` on an on-disk store built from the same dump; "
        "Virtuoso with its own union default graph). With 62 k quads most queries take a few ms, "
        "so these numbers show overheads and plan choices more than scaling.",
        "",
        "| query | rows Oxigraph / Virtuoso | ordered | result | pyoxigraph | Oxigraph HTTP | Virtuoso HTTP |",
        "|---|---:|:-:|---|---:|---:|---:|",
    ]
    for r in results:
        rows = f"{r.counts[0]} / {'–' if r.counts[1] is None else r.counts[1]}"
        lines.append(f"| {r.name} | {rows} | {'yes' if r.comparison.ordered else 'no'} | "
                     f"{_cell(r.summary())} | {_ms(r.ms_pyoxigraph)} | {_ms(r.ms_oxigraph_http)} | "
                     f"{_ms(r.ms_virtuoso_http)} |")
    total = [sum(getattr(r, a) or 0 for r in results) for a in ("ms_pyoxigraph", "ms_oxigraph_http", "ms_virtuoso_http")]
    lines.append(f"| **sum** | | | | {total[0]:.1f} | {total[1]:.1f} | {total[2]:.1f} |")
    differ = [r for r in results if not r.agree]
    if differ:
        lines += ["", "### Differences", ""]
        for r in differ:
            lines.append(f"- **{r.name}**:")
            lines += [f"  - `{d}`" for d in r.comparison.diff]
            lines += [f"  - with dataset: `{d}`" for d in r.with_dataset.diff]
    spelled = [r for r in results if r.comparison.respellings]
    if spelled:
        lines += ["", "Spellings that differ (Oxigraph → Virtuoso), equal as values:", ""]
        for r in spelled:
            lines.append(f"- {r.name}: " + "; ".join(f"`{s}`" for s in r.comparison.respellings[:4])
                         + (" …" if len(r.comparison.respellings) > 4 else ""))
    tied = [r.name for r in results if r.comparison.ties]
    ties = ("in this run in " + ", ".join(tied)) if tied else "none in this run: every order in the suite is total"
    lines += ["", METHOD.format(system_quads=facts.system_quads, system_graphs=facts.system_graphs, ties=ties)]
    lines += _deviations(findings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def _deviations(findings: list[Finding]) -> list[str]:
    lines = [
        "## Where Virtuoso departs from SPARQL 1.1",
        "",
        "Each was isolated to a minimal query on the dump, re-run by every check (so this list "
        "stays true after a Virtuoso upgrade). The research queries avoid them with standard "
        "SPARQL that gives Oxigraph the same answers (the expected CSVs are unchanged). The "
        "queries below leave out their `PREFIX sc:`/`rdfs:` lines.",
        "",
    ]
    for f in findings:
        d = f.deviation
        state = "still deviates in this run" if f.reproduces else "**no longer deviates** in this run"
        lines += [
            f"### {d.key}. {d.title}",
            "",
            f"{d.explanation} ({state}.)",
            "",
            "```sparql",
            d.query.replace("{from}", "FROM <graph 1> … FROM <graph 7> "),
            "```",
            "",
            f"- Oxigraph: {_cell(show(f.oxigraph))}",
            f"- Virtuoso: {_cell(show(f.virtuoso)) if f.virtuoso else 'error'}",
            *(f"- Difference: `{line}`" for line in f.comparison.diff if len(f.oxigraph.rows) > 3),
            f"- Queries affected: {d.affects}",
            "",
        ]
    return lines
