"""The normalize stage: a raw article file becomes an Article with clean simplified
text, an offset map back to the original, labelled boilerplate and metadata.

Steps, each with its own offset map, composed into one:
decode (encoding detection) → strip pinyin annotations → repair mis-decoded GBK →
simplified script, half-width letters and digits, whitespace → line layout and metadata.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from pypinyin import lazy_pinyin

from sckg.model import RESERVED_ARTICLE_IDS, Article, Damage, InputError, OffsetMap, Segment
from sckg.normalize.annotations import strip_annotations
from sckg.normalize.decode import read_text
from sckg.normalize.layout import blocks
from sckg.normalize.markup import strip_markup
from sckg.normalize.metadata import read_metadata
from sckg.normalize.repair import repair
from sckg.normalize.text import normalize_characters

__all__ = ["normalize_file", "normalize_text", "clean_text", "article_id"]

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def clean_text(original: str) -> tuple[str, str, OffsetMap, list[Damage], bool]:
    """Normalize a text: ``(clean, script_text, offsets, damages, traditional)``.

    ``script_text`` is the clean text in the script the source used (traditional where
    it wrote traditional); it has the same length as ``clean``.
    """
    shown, markup = strip_markup(original)
    annotated = strip_annotations(shown)
    repaired = repair(annotated.text, annotated.lost)
    chars = normalize_characters(repaired.text)
    offsets = _then(_then(_then(markup, annotated.offsets), repaired.offsets), chars.offsets)
    to_clean = _inverse(chars.offsets)
    damages = []
    for start, end, damaged, fixed in repaired.damages:
        # Map the damaged stretch: input of repair → original, output → clean.
        o_start, o_end = markup.to_original(*annotated.offsets.to_original(start, end))
        r_start = _repaired_start(repaired.offsets, start)
        r_end = r_start + (len(fixed) if fixed is not None else 1)
        c_start, c_end = to_clean(r_start), to_clean(r_end)
        damages.append(Damage(o_start, o_end, c_start, c_end, original[o_start:o_end],
                              None if fixed is None else chars.text[c_start:c_end]))
    return chars.text, chars.script_text, offsets, damages, chars.traditional


def _then(first: OffsetMap, later: OffsetMap) -> OffsetMap:
    """``first.then(later)``, the same map, built in one walk over both.

    A step that changed nothing (most texts have no pinyin and no damage) maps as the
    identity, so the composition is the other map itself. Otherwise each linear
    segment of ``later`` is cut where the segments of ``first`` it spans meet, and
    neighbours that continue each other are joined, as OffsetMap.then does, without
    looking each piece up anew.
    """
    if first == OffsetMap.identity(first.orig_length):
        return later
    if later == OffsetMap.identity(later.orig_length):
        return first
    inner = first.segments
    starts = [s.clean_start for s in inner]
    out: list[list[int]] = []  # [clean_start, clean_end, orig_start, orig_end]

    def add(c0: int, c1: int, o0: int, o1: int) -> None:
        if out:
            p = out[-1]
            if p[1] == c0 and p[3] == o0 and p[1] - p[0] == p[3] - p[2] and c1 - c0 == o1 - o0:
                p[1], p[3] = c1, o1  # two linear pieces that continue each other
                return
        out.append([c0, c1, o0, o1])

    for seg in later.segments:
        if not seg.linear:
            add(seg.clean_start, seg.clean_end, *first.to_original(seg.orig_start, seg.orig_end))
            continue
        pos, b = seg.clean_start, seg.orig_start
        k = bisect.bisect_right(starts, b) - 1
        while pos < seg.clean_end:
            s = inner[k]
            stop = min(seg.clean_end, pos + (s.clean_end - b))
            b_end = b + (stop - pos)
            if s.linear:
                add(pos, stop, s.orig_start + (b - s.clean_start), s.orig_start + (b_end - s.clean_start))
            else:
                add(pos, stop, s.orig_start, s.orig_end)
            pos, b, k = stop, b_end, k + 1
    return OffsetMap(tuple(Segment(*s) for s in out), later.clean_length, first.orig_length)


def _repaired_start(offsets: OffsetMap, input_pos: int) -> int:
    """Output position of the first segment that starts at or after ``input_pos``."""
    starts = [seg.orig_start for seg in offsets.segments]
    i = bisect.bisect_left(starts, input_pos)
    return offsets.segments[i].clean_start if i < len(starts) else offsets.clean_length


def _inverse(offsets: OffsetMap):
    """A function from a position of the mapped-from text to the clean position."""
    ends = [seg.orig_end for seg in offsets.segments]

    def at(pos: int) -> int:
        i = bisect.bisect_right(ends, pos)
        if i >= len(ends):
            return offsets.clean_length
        seg = offsets.segments[i]
        if seg.linear and pos >= seg.orig_start:
            return seg.clean_start + (pos - seg.orig_start)
        return seg.clean_start if pos <= seg.orig_start else seg.clean_end
    return at


def normalize_text(original: str, article_id: str = "text", path: str = "",
                   encoding: str = "utf-8") -> Article:
    """Normalize already-decoded text into an Article."""
    clean, script_text, offsets, damages, traditional = clean_text(original)
    layout = blocks(clean)
    meta = read_metadata(layout)
    return Article(
        id=article_id, path=path, encoding=encoding, original=original, clean=clean,
        script_text=script_text, offsets=offsets, blocks=layout, damaged=damages,
        traditional=traditional, title=meta.title, date=meta.date,
        publisher=meta.publisher, source=meta.source, authors=meta.authors,
        editors=meta.editors)


def article_id(path: str | Path) -> str:
    """The article id of a file: its name without the extension when that is made of
    ASCII letters, digits, ``_`` and ``-`` (so IRIs and prefixed names can hold it);
    else a readable ASCII form of it (pinyin for Chinese) and a digest of the whole
    name: ``新闻 稿.txt`` → ``xin-wen-gao-1f0c…``. A stem that names a graph the project
    owns (``ontology.txt``) gets the digest too, so an article can never take the place of
    ``graph:ontology``, ``graph:gazetteer`` or ``graph:curated``: ``ontology.txt`` →
    ``ontology-5b5d…``. A file named like that digest form on purpose gets the same id;
    ``sckg ingest`` then refuses the second text unless ``--replace``.
    """
    stem = Path(path).stem
    if _SAFE_ID.fullmatch(stem) and stem.lower() not in RESERVED_ARTICLE_IDS:
        return stem
    words = lazy_pinyin(stem, errors=lambda s: [s])
    ascii_words = (unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in words)
    readable = "-".join(p for p in (_UNSAFE.sub("-", w).strip("-") for w in ascii_words) if p)
    digest = hashlib.sha1(os.fsencode(stem)).hexdigest()[:8]
    return f"{readable[:60]}-{digest}" if readable else digest


def normalize_file(path: str | Path) -> Article:
    """Read, decode and normalize one article file; the id is :func:`article_id`.

    Raises sckg.model.InputError with a one-line message for bad input, also for a
    file that holds only boilerplate (navigation, bylines, copyright) and no body.
    """
    path = Path(path)
    original, encoding = read_text(path)
    article = normalize_text(original, article_id=article_id(path), path=str(path), encoding=encoding)
    if not any(block.kind == "body" for block in article.blocks):
        kinds = sorted({block.kind for block in article.blocks})
        raise InputError(f"{path}: no article body, only {', '.join(kinds)} lines")
    return article
