"""``sckg build``: the seeds through the whole pipeline into data/sckg.trig and a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sckg.cli import main
from sckg.model import InputError


@main.command()
@click.option("--seeds", type=click.Path(path_type=Path), default=None,
              help="Folder of article files (default: seeds/).")
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
def build(seeds: Path | None, out: Path | None, store: Path | None, no_store: bool,
          quiet: bool, executor: str, workers: int | None, scheduler: str | None) -> None:
    """Build the knowledge graph: articles, ontology and gazetteer, validated.

    Writes one named graph per article plus graph:ontology and graph:gazetteer to
    the TriG file, loads it into the store, and prints a summary. Exits 1 when the
    graph violates the shapes (the files are still written, for inspection).
    Every executor writes the same bytes.

    Example:

        sckg build --seeds seeds --out data/sckg.trig --store data/store --executor process
    """
    from sckg import pipeline, serve
    from sckg.validate import format_report

    try:
        summary = pipeline.build(seeds or pipeline.SEEDS, out or pipeline.TRIG,
                                 None if no_store else (store or pipeline.STORE),
                                 progress_bar=not quiet, executor=executor, workers=workers,
                                 scheduler=scheduler if executor == "dask" else None)
    except InputError as exc:
        click.echo(f"sckg build: {exc}", err=True)
        sys.exit(2)
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for line in summary.lines():
        click.echo(line)
    if summary.store is not None:
        url = serve.reload_running(summary.store)
        if url:
            click.echo(f"reloaded the endpoint at {url}")
    if summary.validation is not None and not summary.validation.conforms:
        click.echo(format_report(summary.validation), err=True)
        sys.exit(1)
