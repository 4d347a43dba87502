"""What a build reads: the article files of a folder, each id and each text once."""

from __future__ import annotations

from pathlib import Path

from sckg.model import Extraction, InputError, Skipped
from sckg.normalize import article_id


ARTICLE_SUFFIXES = (".txt", ".html", ".htm")  # in any case: a saved page is an article too


def article_files(seeds: Path) -> tuple[list[Path], list[Skipped]]:
    """The article files of a folder, sorted by name, and those left out because an
    earlier one has the same article id (青禾.txt and 青禾.html)."""
    if not seeds.is_dir():
        raise InputError(f"{seeds}: not a folder of articles")
    files = sorted(p for p in seeds.iterdir()
                   if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith("."))
    if not files:
        raise InputError(f"{seeds}: no article files (*.txt, *.html)")
    first: dict[str, Path] = {}
    kept, clashes = [], []
    for path in files:
        seen = first.setdefault(article_id(path), path)
        if seen is path:
            kept.append(path)
        else:
            clashes.append(Skipped(str(path), f"{path}: the same article id as {seen.name}; rename one of them"))
    return kept, clashes


def distinct_texts(extractions: list[Extraction]) -> tuple[list[Extraction], list[str]]:
    """The extractions with each text once (the first file, by name, keeps it), and a
    warning for every file left out because an earlier one holds the same text."""
    first: dict[str, Extraction] = {}
    kept, repeated = [], []
    for extraction in extractions:
        article = extraction.article
        seen = first.setdefault(article.digest, extraction)
        if seen is extraction:
            kept.append(extraction)
        else:
            repeated.append(f"{article.path}: the same text as {seen.article.path}; left out")
    return kept, repeated
