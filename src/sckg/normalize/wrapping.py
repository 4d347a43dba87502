"""Hard-wrapped text: paragraphs cut into lines of one width (text copied from a PDF, a
mail or a fixed-width page), whose line breaks fall inside names and sentences.

A text is hard-wrapped when most of its long lines have the same width, counted in
characters or in display columns (a Chinese character takes two), and almost none is
wider: a wrapped paragraph fills every line but its last. The break after a line of
that width is then no paragraph break, and the line goes on in the next; the break is
kept where the line ends a sentence or the next line opens an item or a paragraph
(a list mark, an indent). Text with paragraphs of every length is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_LONG = 16  # a line this long or longer may be a wrapped one
_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:]$|[。！？!?][”’」』)）]$")
_OPENS_ITEM = re.compile(r"^(?:[\u3000 \t]{2}|[\d一二三四五六七八九十]{1,3}[.、．)）]|[(（][\d一二三四五六七八九十]{1,3}[)）]"
                         r"|第[一二三四五六七八九十\d]+[条章节]|[●■◆▲•·\-*])")
_BLANKS = " \t\u00a0\u3000"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _wrap_width(widths: list[int], narrowest: int) -> int | None:
    """The width the lines were cut at, if a quarter of the long ones or more share it,
    two of them follow each other, it is ``narrowest`` or more (a list's items or a
    table's rows are narrower) and almost no line is wider; else None."""
    long = [w for w in widths if w >= _LONG]
    if len(long) < 4:
        return None
    width, count = max(Counter(long).items(), key=lambda item: (item[1], item[0]))
    wider = sum(w > width + 1 for w in long)
    if width < narrowest or count < 3 or count < 0.25 * len(long) or wider > 0.1 * len(long):
        return None
    if not any(abs(a - width) <= 1 and abs(b - width) <= 1 for a, b in zip(widths, widths[1:])):
        return None  # a paragraph cut at the width fills two lines or more
    return width


def wrapped_breaks(text: str) -> dict[int, str]:
    """The line breaks of ``text`` that cut a wrapped line, by position, each with what
    takes its place: nothing, or a space where the break stood for one between two
    Latin words or numbers. Empty when the text is not hard-wrapped."""
    lines, starts, pos = text.split("\n"), [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    stripped = [line.strip(_BLANKS) for line in lines]
    for measure, narrowest in ((len, 24), (_columns, 48)):
        widths = [measure(line) for line in stripped]
        width = _wrap_width(widths, narrowest)
        if width is not None:
            break
    else:
        return {}
    joins = {}
    for i in range(len(lines) - 1):
        line, after = stripped[i], lines[i + 1]
        if widths[i] < width - 1 or widths[i] > width + 1 or not stripped[i + 1]:
            continue
        if _ENDS_SENTENCE.search(line) or _OPENS_ITEM.match(after):
            continue
        spaced = lines[i][-1:] in _BLANKS or after[:1] in _BLANKS  # (a mail wraps at a space; a PDF anywhere)
        gap = " " if spaced and _ASCII_WORD.match(line[-1]) and _ASCII_WORD.match(stripped[i + 1][0]) else ""
        joins[starts[i] + len(lines[i])] = gap
    return joins
