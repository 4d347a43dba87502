"""``sckg normalize``: show what the normalizer makes of an article file."""

from __future__ import annotations

import json
import sys

import click

from sckg.cli import main
from sckg.model import Article, InputError


def article_json(article: Article) -> dict:
    """The Article as a JSON-ready dict (what ``normalize --json`` prints)."""
    return {
        "id": article.id,
        "path": article.path,
        "encoding": article.encoding,
        "traditional": article.traditional,
        "title": article.title,
        "date": article.date,
        "publisher": article.publisher,
        "source": article.source,
        "authors": article.authors,
        "editors": article.editors,
        "body": article.body,
        "boilerplate": [{"kind": b.kind, "text": b.text} for b in article.boilerplate],
        "damaged": [
            {"original": d.damaged, "original_start": d.orig_start, "original_end": d.orig_end,
             "clean_start": d.clean_start, "clean_end": d.clean_end,
             "status": d.status, "repaired": d.repaired}
            for d in article.damaged
        ],
        "paragraphs": [
            {"start": b.start, "end": b.end,
             "original": list(article.original_range(b.start, b.end))}
            for b in article.body_blocks
        ],
    }


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the whole Article as JSON.")
def normalize(files: tuple[str, ...], as_json: bool) -> None:
    """Normalize article FILES: simplified clean body text, or the Article as JSON
    (a JSON list of them when several FILES are given).

    Encoding (UTF-8, GB18030, Big5) is detected; pinyin annotations are removed;
    mis-decoded stretches are repaired or marked; boilerplate is separated.

    Example:

        sckg normalize --json seeds/000_b7111e544d2b0a3f.txt
    """
    from sckg.normalize import normalize_file

    failed = False
    documents = []
    for path in files:
        try:
            article = normalize_file(path)
        except InputError as exc:
            click.echo(f"sckg normalize: {exc}", err=True)
            failed = True
            continue
        if as_json:
            documents.append(article_json(article))
        else:
            click.echo(article.body)
    if as_json and documents:  # one file: its object; several: one JSON list of them
        whole = documents[0] if len(files) == 1 else documents
        click.echo(json.dumps(whole, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(2)
