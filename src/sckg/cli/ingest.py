"""``sckg ingest`` and ``sckg figures``: new articles into the store; figures as a table."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import click

from sckg import load
from sckg.cli import DEFAULT_STORE, main
from sckg.cli.build import INCOMPLETE
from sckg.model import InputError


@main.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), default=None,
              help="Oxigraph store folder (default: data/store).")
@click.option("--server", default=None, help="URL of a read-write server holding the store.")
@click.option("--replace", is_flag=True,
              help="Let an article replace a different text already stored under its id.")
@click.option("--all-or-nothing", is_flag=True,
              help="Refuse an article whose graph breaks the shapes instead of holding back statements.")
def ingest(articles: tuple[Path, ...], store: Path | None, server: str | None, replace: bool,
           all_or_nothing: bool) -> None:
    """Add new ARTICLES to the graph, each in its own named graph.

    Each article goes through the whole pipeline, is resolved against the entities the
    graph holds (same canonical name, same IRI; a person within one province, a body named
    bare within one article) and validated with the shapes; only then does its graph
    replace any earlier version, in one transaction. Ingesting the same
    article twice leaves one copy. A rejected article changes nothing, and the others
    still go in: each file gets one line, on stdout when added, on stderr when not.

    The article id is the file name's stem. A file whose id already names a graph
    holding a different text is refused unless --replace is given; the same text under
    another file name is recognised (by its SHA-256) and not added twice. Stems that
    name the project's own graphs (ontology, gazetteer, curated) get a longer id.
    When a replacement drops an entity that curated statements (sckg add) name, a
    warning on stderr names it; the statements stay, and the next build holds them
    back in refused/.

    Statements that break the shapes (a misread figure and its quote, an entity and
    its mentions) are held back and the rest of the article goes in; what was held
    back is written with the SHACL results to refused/{article-id}.trig beside the
    store. --all-or-nothing refuses such an article whole instead.

    An article file holds one article in UTF-8, UTF-16, GB18030 or Big5 (or an HTML
    page), at most 4 MiB (split larger files); files that are empty, binary,
    undecodable or without Chinese text are refused. Exit code 0 when every file went
    in whole, 4 when statements were held back, 1 when an article was refused for the
    shapes, 2 on bad input, 3 on an internal error.

    Example:

        sckg ingest new/905_0123456789abcdef.txt --store data/store
    """
    from sckg import pipeline, serve
    from sckg.validate import format_report

    store = store or DEFAULT_STORE
    status, held_any, wrote_any = 0, False, False
    try:
        lock = load.command_lock(store)  # one writer at a time; readers wait for it
        lock.__enter__()
    except InputError as exc:
        click.echo(f"sckg ingest: {' '.join(str(exc).split())}", err=True)
        sys.exit(2)
    for path in articles:
        try:
            result = pipeline.ingest(path, store, server=server, replace=replace,
                                     all_or_nothing=all_or_nothing)
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
        if result.orphans:
            named = ", ".join(f"<{iri}>" for iri in list(result.orphans)[:3])
            more = f" and {len(result.orphans) - 3} more" if len(result.orphans) > 3 else ""
            click.echo(f"sckg ingest: {path}: warning: {sum(result.orphans.values())} curated statements "
                       f"name entities this version no longer gives ({named}{more}); they stay in the "
                       f"store, and the next build holds them back in refused/", err=True)
        wrote_any = True
        if result.held:
            click.echo(f"sckg ingest: {path}: {result.held.triples} statements broke the shapes and were held "
                       f"back; see {Path(store).parent / 'refused' / (result.held.article + '.trig')}", err=True)
            held_any = True
    lock.__exit__(None, None, None)
    if wrote_any:  # the others went in: the endpoint must show them
        url = serve.reload_running(store)
        if url:
            click.echo(f"reloaded the endpoint at {url}")
    sys.exit(status or (INCOMPLETE if held_any else 0))


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
        with load.command_lock(store or DEFAULT_STORE, exclusive=False):
            rows = pipeline.figure_rows(store or DEFAULT_STORE)
    except InputError as exc:
        click.echo(f"sckg figures: {exc}", err=True)
        sys.exit(2)
    writer = csv.DictWriter(sys.stdout, fieldnames=pipeline.FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
