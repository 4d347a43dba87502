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
def build(seeds: Path | None, out: Path | None, store: Path | None, no_store: bool,
          quiet: bool) -> None:
    """Build the knowledge graph: articles, ontology and gazetteer, validated.

    Writes one named graph per article plus graph:ontology and graph:gazetteer to
    the TriG file, loads it into the store, and prints a summary. Exits 1 when the
    graph violates the shapes (the files are still written, for inspection).

    Example:

        sckg build --seeds seeds --out data/sckg.trig --store data/store
    """
    from sckg import pipeline
    from sckg.validate import format_report

    try:
        summary = pipeline.build(seeds or pipeline.SEEDS, out or pipeline.TRIG,
                                 None if no_store else (store or pipeline.STORE),
                                 progress_bar=not quiet)
    except InputError as exc:
        click.echo(f"sckg build: {exc}", err=True)
        sys.exit(2)
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for line in summary.lines():
        click.echo(line)
    if summary.validation is not None and not summary.validation.conforms:
        click.echo(format_report(summary.validation), err=True)
        sys.exit(1)
