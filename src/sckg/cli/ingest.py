"""``sckg ingest`` and ``sckg figures``: new articles into the store; figures as a table."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

from sckg.cli import main
from sckg.model import InputError


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), default=None,
              help="Oxigraph store folder (default: data/store).")
@click.option("--server", default=None, help="URL of a read-write server holding the store.")
@click.option("--replace", is_flag=True,
              help="Let an article replace a different text already stored under its id.")
def ingest(articles: tuple[Path, ...], store: Path | None, server: str | None, replace: bool) -> None:
    """Add new ARTICLES to the graph, each in its own named graph.

    Each article goes through the whole pipeline, is resolved against the entities the
    graph holds (same canonical name, same IRI) and validated with the shapes; only then
    does its graph replace any earlier version, in one transaction. Ingesting the same
    article twice leaves one copy. A rejected article changes nothing, and the others
    still go in: each file gets one line, on stdout when added, on stderr when not.

    The article id is the file name's stem. A file whose id already names a graph
    holding a different text is refused unless --replace is given; the same text under
    another file name is recognised (by its SHA-256) and not added twice. Stems that
    name the project's own graphs (ontology, gazetteer, curated) get a longer id.

    An article file holds one article in UTF-8, UTF-16, GB18030 or Big5, at most
    4 MiB (split larger files); files that are empty, binary, undecodable, without
    Chinese text or without an article body are refused. Exit code 0 when every file
    went in, 1 when one violates the shapes, 2 on bad input, 3 on an internal error.

    Example:

        sckg ingest new/905_0123456789abcdef.txt --store data/store
    """
    from sckg import pipeline, serve
    from sckg.validate import format_report

    store = store or pipeline.STORE
    status = 0
    for path in articles:
        try:
            result = pipeline.ingest(path, store, server=server, replace=replace)
        except InputError as exc:
            click.echo(f"sckg ingest: {' '.join(str(exc).split())}", err=True)
            status = max(status, 2)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the other files
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            click.echo(f"sckg ingest: {path}: internal error, nothing written ({detail}); "
                       f"please report it with this file", err=True)
            status = 3
            continue
        if result.duplicate_of:
            click.echo(f"{path}: the same text is already in the store as <{result.duplicate_of}>; "
                       f"nothing written")
            continue
        if not result.validation.conforms:
            click.echo(f"sckg ingest: {path}: violates the shapes; nothing written", err=True)
            click.echo(format_report(result.validation), err=True)
            status = max(status, 1)
            continue
        click.echo(f"{path}: {result.triples} triples into {result.graph} ({result.route})")
    if status == 0:
        url = serve.reload_running(store)
        if url:
            click.echo(f"reloaded the endpoint at {url}")
    sys.exit(status)


@main.command()
@click.option("--store", type=click.Path(path_type=Path), default=None,
              help="Oxigraph store folder (default: data/store).")
@click.option("--csv", "as_csv", is_flag=True, default=True, help="Tidy CSV (the default).")
def figures(store: Path | None, as_csv: bool) -> None:
    """Every figure as a tidy CSV row: article, indicator, value (base units), unit,
    qualifier, area and its code, date, carrier type, level, subject, quote and offsets.

    Example:

        sckg figures --csv > figures.csv
    """
    from sckg import pipeline

    try:
        rows = pipeline.figure_rows(store or pipeline.STORE)
    except InputError as exc:
        click.echo(f"sckg figures: {exc}", err=True)
        sys.exit(2)
    writer = csv.DictWriter(sys.stdout, fieldnames=pipeline.FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
