"""``sckg eval``: precision and recall of a built dataset against gold annotations."""

from __future__ import annotations

import json
import sys

import click

from sckg.cli import main
from sckg.model import InputError


@main.command("eval")
@click.argument("gold", type=click.Path())
@click.option("--data", default="data/sckg.trig", show_default=True, type=click.Path(),
              help="The built dataset (TriG).")
@click.option("--ontology", default="ontology", show_default=True, type=click.Path(),
              help="Folder of ontology *.ttl files for the subclass closure (used if present).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--brief", is_flag=True, help="Only the tables, without missing and spurious items.")
@click.option("--articles", type=click.Path(file_okay=False),
              help="Score only the gold articles whose file (<id>.txt) is in this folder.")
def evaluate_command(gold: str, data: str, ontology: str, as_json: bool, brief: bool, articles: str | None) -> None:
    """Score the dataset against GOLD (a gold JSON file or a folder of them).

    Prints precision, recall and F1 per entity type, for posts and for figures, the
    correctness of figure attributes (area, period, carrier type, level, …) among
    matched figures, per-article scores, and lists what is missing (in the gold, not
    found) and what is spurious (found, not in the gold). Exits 0 whatever the scores.

    Example:

        sckg eval tests/gold --data data/sckg.trig

        sckg eval tests/gold/real --data build/real/sckg.trig --articles corpus/real
    """
    from sckg.evaluate import evaluate, format_table, result_json

    try:
        result = evaluate(gold, data, ontology, articles)
    except InputError as exc:
        click.echo(f"sckg eval: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(result_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, details=not brief), nl=False)
