"""``sckg build``: the seeds through the whole pipeline into data/sckg.trig and a store."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from sckg import load
from sckg.cli import DEFAULT_SEEDS, DEFAULT_STORE, DEFAULT_TRIG, main
from sckg.model import InputError

#: Exit code of a build or ingest that went in with files skipped or statements held back.
INCOMPLETE = 4


@main.command()
@click.option("--seeds", type=click.Path(path_type=Path), default=None,
              help="Folder of article files: *.txt, *.html, *.htm (default: seeds/).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="TriG file to write (default: data/sckg.trig).")
@click.option("--store", type=click.Path(path_type=Path), default=None,
              help="Oxigraph store folder (default: data/store).")
@click.option("--no-store", is_flag=True, help="Write the TriG file only.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--executor", type=click.Choice(["serial", "process", "dask"]), default="serial",
              show_default=True, help="Where the per-article work runs.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes for --executor process/dask (default: the CPU cores).")
@click.option("--scheduler", default=None,
              help="Address of a running Dask scheduler (tcp://host:8786) instead of a local cluster.")
@click.option("--strict", is_flag=True,
              help="Stop at the first unreadable file or shape violation; replace nothing.")
@click.option("--fresh", is_flag=True,
              help="Build the store from the articles folder alone: drop the curated graphs "
                   "and the ingested articles the old store holds.")
def build(seeds: Path | None, out: Path | None, store: Path | None, no_store: bool,
          quiet: bool, executor: str, workers: int | None, scheduler: str | None,
          strict: bool, fresh: bool) -> None:
    """Build the knowledge graph: articles, ontology and gazetteer, validated.

    Writes one named graph per article plus graph:ontology and graph:gazetteer to
    the TriG file, loads it into the store, and prints a summary. Every executor
    writes the same bytes. The old dump and store stay until the new ones are
    complete, and are then replaced together.

    One bad article never costs the others: a file that cannot be read as an article,
    or whose text meets a defect of the extractor, is reported on one line and skipped; statements that break the shapes (a misread
    figure and its quote, an entity and its mentions) are held back and the rest of
    the article goes in. What was held back is written, with the SHACL results in
    English and Chinese, to refused/{article-id}.trig beside the TriG file, and
    refused/README lists it with the skipped files. The graph that is loaded always
    conforms to the shapes.

    A rebuild keeps what was added to the store since: the curated graphs (sckg add)
    and the articles ingested (sckg ingest) or no longer in the folder are carried
    into the new store and dump, checked beside the new build; what no longer
    conforms is held back to refused/. --fresh drops them.

    Exit codes: 0 when every file went in whole; 4 when files were skipped or
    statements held back (the rest was built); 1 with --strict when the graph breaks
    the shapes (nothing replaced); 2 on bad input (with --strict, the first
    unreadable file); 3 on an internal error.

    Example:

        sckg build --seeds seeds --out data/sckg.trig --store data/store --executor process
    """
    from sckg import pipeline, serve
    from sckg.validate import format_report

    target = None if no_store else (store or DEFAULT_STORE)
    try:
        with load.command_lock(target) if target else contextlib.nullcontext():
            summary = pipeline.build(seeds or DEFAULT_SEEDS, out or DEFAULT_TRIG, target,
                                     progress_bar=not quiet, executor=executor, workers=workers,
                                     scheduler=scheduler if executor == "dask" else None, strict=strict,
                                     fresh=fresh)
    except InputError as exc:
        click.echo(f"sckg build: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)
    for item in summary.skipped:
        click.echo(f"skipped: {item.reason}", err=True)
    for item in summary.held:
        what = "the whole article" if item.whole else f"{item.triples} statements"
        click.echo(f"held back: {item.path}: {what} broke the shapes; see {summary.refused}/{item.article}.trig",
                   err=True)
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for line in summary.lines():
        click.echo(line)
    if summary.validation is not None and not summary.validation.conforms:
        click.echo(format_report(summary.validation), err=True)
        click.echo("sckg build: the graph breaks the shapes; nothing was replaced (--strict)", err=True)
        sys.exit(1)
    if summary.store is not None:
        url = serve.reload_running(summary.store)
        if url:
            click.echo(f"reloaded the endpoint at {url}")
    sys.exit(0 if summary.complete else INCOMPLETE)
