"""What a build or an ingest held back, written where a user finds it: ``refused/``.

Beside the dump (``data/refused/`` for ``data/sckg.trig``), one TriG file an article,
``{article-id}.trig``, holding the statements the shapes refused (in its default graph,
so that after a fix ``sckg add`` takes it into the curated graph) under a comment with
the SHACL results in English and Chinese; and a ``README`` listing every article with
statements held back and every file that could not be read, with the reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sckg.model import HeldBack, Skipped

README = "README"


def _commented(text: str) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())


def held_file_text(held: HeldBack) -> str:
    """The TriG file of one article's held-back statements, with its report."""
    what = "the whole article graph" if held.whole else f"{held.triples} statements"
    head = (f"Held back from article {held.article} ({held.path}): {what} broke the shapes.\n"
            f"文章 {held.article}（{held.path}）中违反约束而暂扣的内容：{held.triples} 条陈述。\n"
            "Fix them and add them with `sckg add`, or fix the article and ingest it again.\n"
            "修正后可用 `sckg add` 加入，或修正文章后重新 `sckg ingest`。\n\n" + held.report)
    return _commented(head) + "\n" + held.text


def readme_text(held: list[HeldBack], skipped: list[Skipped]) -> str:
    """The listing of ``refused/``: one line an article held back or file skipped."""
    lines = ["# What the last build held back or skipped", "",
             f"articles with statements held back: {len(held)}",
             f"files skipped (could not be read as an article): {len(skipped)}", ""]
    for item in sorted(held, key=lambda h: h.article):
        what = "whole graph" if item.whole else f"{item.triples} statements"
        lines.append(f"held back  {item.article}.trig  {item.path}  ({what})")
    for item in sorted(skipped, key=lambda s: s.path):
        lines.append(f"skipped    {item.path}  {item.reason}")
    return "\n".join(lines) + "\n"


def write_refused(folder: Path, held: list[HeldBack], skipped: list[Skipped],
                  dropped: list[tuple[str, str, str, int]] = ()) -> Path:
    """Write ``folder`` (new, must not exist) with one file per held article, one per
    graph a ``--fresh`` build did not carry (``dropped``: file stem, graph, Turtle,
    triples) and the README; the folder."""
    folder.mkdir(parents=True)
    for item in held:
        (folder / f"{item.article}.trig").write_text(held_file_text(item), encoding="utf-8")
    lines = []
    for stem, graph, text, triples in dropped:
        head = (f"Not carried into the new store by `sckg build --fresh`: graph <{graph}>, {triples} statements.\n"
                f"`sckg build --fresh` 未带入新库的图 <{graph}>：{triples} 条陈述。\n"
                f"Add them again with `sckg add {stem}.trig --graph {graph}` (graph:curated and under it),\n"
                "or ingest their article again.\n")
        (folder / f"{stem}.trig").write_text(_commented(head) + "\n" + text, encoding="utf-8")
        lines.append(f"not carried  {stem}.trig  <{graph}>  ({triples} statements, --fresh)")
    readme = readme_text(held, skipped) + "".join(line + "\n" for line in lines)
    (folder / README).write_text(readme, encoding="utf-8")
    return folder


def keep_earlier(old: Path, new: Path, rebuilt: set[str], present: set | frozenset = frozenset()) -> list[str]:
    """Carry into ``new`` (the folder a build just wrote) what ``old`` holds that the
    build does not make again, so that a rebuild never loses it: the held-back files of
    graphs it did not build from an article (curated statements, articles ingested one
    by one; each appended to a file of the same name the build wrote) and any file a
    user put there. ``rebuilt`` are the ids of the articles built. A held-back file
    whose statements are all ``present`` (in the graphs the build carried: added again)
    or in the new file of its name (held again) is not kept twice. The names kept."""
    if not old.is_dir():
        return []
    kept = []
    for item in sorted(old.iterdir()):
        if item.name == README or item.suffix == ".trig" and item.stem in rebuilt:
            continue  # remade by this build from its article, or listed anew
        target = new / item.name
        if item.suffix == ".trig" and item.is_file():
            statements = _statements(item)
            again = (_statements(target) or set()) if target.exists() else set()
            if statements is not None and statements <= present | again:
                continue  # back in the store, or held again: nothing of it would be lost
        if item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        elif target.exists():
            earlier = ("\n# Held back by an earlier build, still to fix:\n"
                       "# 以前的构建暂扣、尚未修正的内容：\n").encode("utf-8")
            target.write_bytes(target.read_bytes() + earlier + item.read_bytes())
        else:
            shutil.copy2(item, target)
        kept.append(item.name)
    if kept:
        readme = new / README
        lines = [f"kept       {name}  (from an earlier build: not made again by this one)" for name in kept]
        readme.write_text(readme.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")
    return kept


def _statements(path: Path) -> set | None:
    """The statements of a TriG file, whatever graph holds them; None when it cannot be
    read as TriG (a user's file) or holds blank nodes (no two files' can be compared):
    such a file is kept as it is."""
    from rdflib import BNode, Dataset

    data = Dataset()
    try:
        data.parse(path, format="trig")
    except Exception:  # rdflib raises parser-specific errors
        return None
    statements = {(s, p, o) for s, p, o, _g in data.quads()}
    return None if any(isinstance(n, BNode) for t in statements for n in t) else statements


def add_held(folder: Path, held: HeldBack) -> Path:
    """Add (or replace) one article's held-back file in ``folder`` and list it in the
    README (``sckg ingest``); the file written."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{held.article}.trig"
    path.write_text(held_file_text(held), encoding="utf-8")
    readme = folder / README
    lines = readme.read_text(encoding="utf-8").splitlines() if readme.exists() else [
        "# What was held back", ""]
    what = "whole graph" if held.whole else f"{held.triples} statements"
    entry = f"held back  {held.article}.trig  {held.path}  ({what})"
    lines = [line for line in lines if not line.startswith(f"held back  {held.article}.trig ")] + [entry]
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
