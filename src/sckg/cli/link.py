"""Gazetteer commands: ``sckg link`` (GeoNames/Wikidata links) and ``sckg export lpf``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click
from rdflib import Dataset, Graph

from sckg.cli import main, one_line_errors
from sckg.model import InputError, PlaceLink

LINK_COLUMNS = ("code", "scheme", "identifier", "kind", "score", "reason", "source")


_one_line_errors = one_line_errors


def link_table(links: list[PlaceLink]) -> str:
    """Links as tab-separated text with a header line."""
    lines = ["\t".join(LINK_COLUMNS)]
    for l in links:
        lines.append("\t".join((l.code, l.scheme, l.identifier, l.kind, f"{l.score:.3f}", l.reason, l.source)))
    return "\n".join(lines) + "\n"


def _write(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` atomically (a crash leaves the old file), creating its
    folder, with the old file's permissions (a new file's follow the umask). A symbolic
    link stays one: the file it points to is written."""
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def _read_graph(path: Path) -> tuple[Graph, Dataset | None]:
    """The gazetteer graph of a Turtle or TriG file (and the dataset when TriG)."""
    from sckg.rdf.iris import GAZETTEER_GRAPH

    try:
        if path.suffix in (".trig", ".nq"):
            ds = Dataset()
            ds.parse(path, format="trig" if path.suffix == ".trig" else "nquads")
            return ds.graph(GAZETTEER_GRAPH), ds
        g = Graph()
        g.parse(path, format="turtle" if path.suffix == ".ttl" else None)
        return g, None
    except (OSError, ValueError, SyntaxError) as exc:
        raise InputError(f"{path}: cannot read RDF: {' '.join(str(exc).split())[:200]}") from None
    except Exception as exc:  # rdflib raises parser-specific errors
        raise InputError(f"{path}: not valid RDF: {' '.join(str(exc).split())[:200]}") from None


def _check_out(out: Path, graph_file: Path | None, dataset: Dataset | None) -> None:
    """Refuse an --out that would lose what it holds: an existing file that is not the
    --graph refreshed (a whole dump, a user's own graph), or an extension of no format."""
    if out.suffix not in (".ttl", ".trig", ".nq"):
        raise InputError(f"{out}: write the linked graph as .ttl (the gazetteer graph) or .trig/.nq (every graph)")
    if out.exists() and (graph_file is None or out.resolve() != graph_file.resolve()):
        raise InputError(f"{out}: exists and is not the --graph refreshed; refresh it with "
                         f"--graph {out} --out {out}, or write a new file")


def _check_suffix(path: Path | None, suffixes: tuple[str, ...], what: str) -> None:
    """Refuse to write ``what`` to a file whose extension says it is something else (an
    article, a dump): one mistyped option must not overwrite it."""
    if path is not None and str(path) != "-" and path.suffix.lower() not in suffixes:
        raise InputError(f"{path}: {what} is written to a {' or '.join(suffixes)} file")


def _dataset_text(ds: Dataset, suffix: str) -> str:
    """The dataset as TriG (graphs and statements in a fixed order) or as N-Quads (lines
    sorted): the same bytes for the same graphs on every run."""
    if suffix == ".trig":
        from sckg.pipeline import NAMESPACES
        from sckg.rdf.trig import trig_bytes

        return trig_bytes(ds, NAMESPACES).decode("utf-8")  # (the project's prefixes, not rdflib's geo1)
    lines = ds.serialize(format="nquads").splitlines()
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


@main.command("link")
@click.option("--geonames", "geonames_files", multiple=True, type=click.Path(path_type=Path),
              help="GeoNames dump (19 tab-separated columns, e.g. CN.txt); repeatable.")
@click.option("--wikidata", "wikidata_files", multiple=True, type=click.Path(path_type=Path),
              help="Wikidata Query Service result (JSON or CSV) with ?item and ?P442/?P1566; repeatable.")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path),
              help="Gazetteer graph to refresh (Turtle, or TriG holding graph:gazetteer); "
                   "default: build it from the packages.")
@click.option("--out", "out_file", type=click.Path(path_type=Path),
              help="Write the linked graph here: .ttl (the gazetteer graph) or .trig/.nq (with every "
                   "graph of --graph); a new file, or the --graph file itself.")
@click.option("--table", "table_file", type=click.Path(path_type=Path),
              help="Write the link table (a .tsv file) here; default: stdout when --out is not given.")
@_one_line_errors
def link_command(geonames_files, wikidata_files, graph_file, out_file, table_file) -> None:
    """Add or refresh the GeoNames and Wikidata links of the gazetteer's places.

    A GeoNames entry links by name and distance (exactMatch within 25 km, closeMatch
    within 75 km; 150/400 km for administrative areas); a Wikidata item links through
    P442 (division code) or P1566 (GeoNames id). A malformed file stops the command
    before anything is written.

    Example:

        sckg link --geonames CN.txt --wikidata wdqs.json --out gazetteer.ttl
    """
    from sckg.link import build_gazetteer
    from sckg.link.links import links_from_files
    from sckg.rdf.gazetteer import apply_links, gazetteer_graph, links_applicable
    from sckg.rdf.iris import GAZETTEER_GRAPH

    gaz = build_gazetteer()
    links = links_from_files(gaz, geonames_files, wikidata_files)
    if graph_file is not None:
        graph, dataset = _read_graph(graph_file)
    else:
        graph, dataset = gazetteer_graph(gaz), None
    if out_file is not None:
        _check_out(out_file, graph_file, dataset)
    _check_suffix(table_file, (".tsv",), "the link table")
    applied = links_applicable(graph, links)
    if out_file is not None:
        linked = apply_links(graph, applied)
        if out_file.suffix in (".trig", ".nq"):
            ds = dataset if dataset is not None else Dataset()
            ds.remove_graph(ds.graph(GAZETTEER_GRAPH))
            target = ds.graph(GAZETTEER_GRAPH)
            for prefix, ns in linked.namespaces():
                ds.bind(prefix, ns)
            for triple in linked:
                target.add(triple)
            _write(out_file, _dataset_text(ds, out_file.suffix))
        else:
            from sckg.pipeline import NAMESPACES
            from sckg.rdf.trig import turtle_text

            _write(out_file, turtle_text(linked, NAMESPACES))
    table = link_table(applied)
    if table_file is not None and str(table_file) != "-":
        _write(table_file, table)
    elif out_file is None or str(table_file) == "-":
        click.echo(table, nl=False)
    click.echo(f"{len(applied)} links applied ({len(links) - len(applied)} to places not in the graph)",
               err=True)


@main.group("export", invoke_without_command=False)
def export_group() -> None:
    """Export the graph in formats other tools read.

    Example:

        sckg export lpf --out places.lpf.json
    """


@export_group.command("lpf")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path),
              help="Graph to export (TriG, N-Quads or Turtle); default: the gazetteer built from the packages.")
@click.option("--out", "out_file", type=click.Path(path_type=Path), help="Output file; default stdout.")
@_one_line_errors
def export_lpf(graph_file, out_file) -> None:
    """Write every place, and every carrier with coordinates, as Linked Places Format (GeoJSON-LD).

    Example:

        sckg export lpf --graph build/graph.trig --out places.lpf.json
    """
    from sckg.link.lpf import dumps, lpf_collection, records_from_graph

    _check_suffix(out_file, (".json", ".jsonld", ".geojson"), "Linked Places JSON")
    if graph_file is not None:
        graph, dataset = _read_graph(graph_file)
        source = dataset if dataset is not None else graph
    else:
        from sckg.link import build_gazetteer
        from sckg.rdf.gazetteer import gazetteer_graph

        source = gazetteer_graph(build_gazetteer())
    text = dumps(lpf_collection(records_from_graph(source)))
    if out_file is None:
        click.echo(text, nl=False)
    else:
        _write(out_file, text)
