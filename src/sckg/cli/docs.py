"""``sckg docs``: generate the ontology's HTML documentation, offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sckg.cli import main
from sckg.model import InputError


@main.command()
@click.option(
    "--out", "out", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
    show_default=True, help="directory to write index.html and sckg.ttl into",
)
@click.option(
    "--ontology", "ontology", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
    help="directory of the ontology Turtle files  [default: the repository's ontology/]",
)
def docs(out: Path, ontology: Path | None) -> None:
    """Generate HTML documentation of the ontology with pyLODE: classes and properties
    with English and Chinese labels, the class tree, and example queries.

    Example:

        sckg docs --out docs
    """
    from sckg.docs import build_docs  # imported late: pyLODE and rdflib are slow to import

    try:
        written = build_docs(out, ontology)
    except InputError as exc:
        click.echo(f"sckg docs: {exc}", err=True)
        sys.exit(2)
    for path in written:
        click.echo(str(path))
