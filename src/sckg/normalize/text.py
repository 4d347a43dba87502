"""Characters and whitespace: simplified script, half-width letters and digits,
one space for a run of spaces (none between capitals or Chinese characters spelt out,
C E O, 湘 潭 市), no empty lines, no doubled commas, and a hard-wrapped paragraph's
lines joined (:mod:`sckg.normalize.wrapping`).

The pass works on the text in simplified characters and, in step, on the same text
in the script the source used, so both come out the same length and every clean
position has its source-script character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sckg.model import MapBuilder, OffsetMap
from sckg.normalize.annotations import JoinedBuilder
from sckg.normalize.language import simplified
from sckg.normalize.wrapping import wrapped_breaks

# Deleted outright: zero-width characters, direction marks, stray control characters
# (C0, DEL, C1) and the noncharacters U+FFFE/U+FFFF.
_INVISIBLE = (set("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\ufffe\uffff")
              | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
              | {chr(c) for c in [*range(32), *range(0x7F, 0xA0)] if chr(c) not in "\t\n"})
# Line breaks other than "\n" become "\n" (one for one, so offsets are kept): a lone
# "\r" (old Mac files), NEL, vertical tab, form feed and the Unicode line and paragraph
# separators. The "\r" of "\r\n" stays and is deleted as a control character.
_LINE_BREAKS = re.compile("\r(?!\n)|[\x85\x0b\x0c\u2028\u2029]")
# Horizontal space of every kind, including the ideographic space used for indenting.
_SPACE = set(" \t\u00a0\u2002\u2003\u2009\u3000\u202f\u205f")
_BLANK = _SPACE | _INVISIBLE
_SPACE_CLASS = "".join(sorted(_SPACE))
_INVISIBLE_CLASS = "".join(sorted(_INVISIBLE))
# What is not plain text in a line: the characters between two matches map one to one.
# A space between capitals written one by one (C E O, T G N) is letter-spacing, not a
# word break: deleted, so the word is read.
_SPECIAL = re.compile(
    r"(?P<letterspace>(?<![A-Za-z][A-Z])(?<=[A-Z]) (?=[A-Z](?![A-Za-z]))"
    r"|(?<=(?<!\S)[\u4e00-\u9fff]) (?=[\u4e00-\u9fff](?!\S)))|"  # (湘 潭 市 科 学 技 术 局: a heading spaced out)
    f"(?P<space>[{_SPACE_CLASS}][{_SPACE_CLASS}{_INVISIBLE_CLASS}]*)"
    f"|(?P<doubled>,{{2,}}|，{{2,}}|、{{2,}})"
    f"|(?P<invisible>[{_INVISIBLE_CLASS}]+)")


# A page's spaces that a wrong decoding turned into question marks (????为推动…, 第一条??为,
# 2021年12月29日??): a run of them opening a line, a run of two or more (but after a
# question's particle: 真的吗??), or one between spaces.
_LOST_SPACES = re.compile(r"\?+")


def _lost_space(text: str, m: re.Match) -> bool:
    before = text[m.start() - 1:m.start()]
    after = text[m.end():m.end() + 1]
    blank_before, blank_after = before in ("", "\n") or before in _SPACE, after in ("", "\n") or after in _SPACE
    return before in ("", "\n") or (blank_before and blank_after) or (
        len(m.group(0)) >= 2 and before not in "吗呢么吧啊")


@dataclass(frozen=True)
class Normalized:
    """Clean text, the same text in the source's script, and the map onto the input."""

    text: str
    script_text: str
    offsets: OffsetMap
    traditional: bool


# Full-width letters and digits to ASCII; Chinese punctuation stays full-width.
_FOLD = {code: code - 0xFEE0 for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
         for code in range(start, end + 1)}
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def normalize_characters(text: str) -> Normalized:
    """Apply the character and whitespace rules to ``text`` (see module docstring)."""
    text = _LOST_SPACES.sub(lambda m: " " * len(m.group(0)) if _lost_space(text, m) else m.group(0),
                            _LINE_BREAKS.sub("\n", text))
    simple = simplified(text)
    # 乾 is a simplified character too (任乾乾, 乾隆), which t2s makes 干: it counts for
    # neither script and stays as written in simplified text.
    changed = 0 if simple == text else sum(t != c and t != "乾" for t, c in zip(text, simple))
    cjk = sum(map(len, _CJK.findall(text))) or 1
    traditional = changed / cjk > 0.02
    if not traditional and "乾" in text:
        simple = "".join(t if t == "乾" else c for t, c in zip(text, simple))
    out = JoinedBuilder()
    script_parts: list[str] = []
    n = len(text)
    # Folding maps one character to one, so the whole text is folded once.
    folded_simple, folded_text = _fold(simple), _fold(text)
    joins = wrapped_breaks(text)  # (a hard-wrapped paragraph is one line again)
    line_start = 0
    while line_start <= n:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = n
        _line(text, folded_text, folded_simple, line_start, line_end, out, script_parts, joins.get(line_end, "\n"))
        line_start = line_end + 1
    clean, offsets = out.build(n)
    # Drop the trailing newline the last line left behind.
    if clean.endswith("\n"):
        clean, offsets = _trim_last(clean, offsets)
        script_parts[-1] = script_parts[-1][:-1]
    return Normalized(clean, "".join(script_parts), offsets, traditional)


def _fold(text: str) -> str:
    return text.translate(_FOLD) if _FULL_WIDTH.search(text) else text


def _line(text: str, folded_text: str, folded_simple: str, start: int, end: int, out: MapBuilder,
          script_parts: list[str], line_break: str = "\n") -> None:
    """Emit one line: stripped, spaces collapsed, commas undoubled; nothing if empty.
    ``folded_text`` and ``folded_simple`` are ``text`` folded and ``text`` simplified
    and folded; ``line_break`` is what the line's break becomes (nothing or a space
    where it cut a wrapped line)."""
    pos = start
    while pos < end and text[pos] in _BLANK:
        pos += 1
    stop = end
    while stop > pos and text[stop - 1] in _BLANK:
        stop -= 1
    if pos >= stop:
        return
    done = pos
    for m in _SPECIAL.finditer(text, pos, stop):
        i, j = m.span()
        if done < i:  # ordinary characters map one to one
            out.emit(done, i, folded_simple[done:i])
            script_parts.append(folded_text[done:i])
        done = j
        kind = m.lastgroup
        if kind == "space":
            out.emit(i, j, " ")
            script_parts.append(" ")
        elif kind == "doubled":
            out.emit(i, j, text[i])
            script_parts.append(text[i])
    if done < stop:
        out.emit(done, stop, folded_simple[done:stop])
        script_parts.append(folded_text[done:stop])
    if end < len(text):
        out.emit(end, end + 1, line_break)
        script_parts.append(line_break)


def _trim_last(clean: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    segments = list(offsets.segments)
    last = segments[-1]
    if last.clean_end - last.clean_start == 1:
        segments.pop()
    else:
        segments[-1] = type(last)(last.clean_start, last.clean_end - 1,
                                  last.orig_start, last.orig_end - 1)
    return clean[:-1], OffsetMap(tuple(segments), len(clean) - 1, offsets.orig_length)
