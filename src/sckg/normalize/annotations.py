"""Pinyin annotations: some sites print a reading after characters, ``創(chuàng)業(yè)``.

An annotation is removed when it is a pinyin syllable in parentheses right after a
Chinese character (and so is the same syllable printed again right after it) (``創(chuàng)`` and ``創(chuàng )``), or after a ``?`` that stands for a
character lost to mis-decoding. A broken one whose ``(`` was swallowed by the damage
(``?shù)``) is removed too. Each annotated character maps back to the character and
its annotation together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, pinyin

from sckg.model import MapBuilder, OffsetMap

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_LETTERS = "a-zü" + _TONED + "ê"
# A syllable: letters with at most one tone mark, 1–6 letters long.
_SYLLABLE = f"[{_LETTERS}]{{1,6}}"
_ANNOTATION = re.compile(rf"\(({_SYLLABLE}) ?\)")
_BROKEN = re.compile(rf"\?({_SYLLABLE})\)")
_TONE_MARK = re.compile(f"[{_TONED}]")
_MAY_START = re.compile(r"[(?]")


@dataclass(frozen=True)
class Annotated:
    """Text with annotations removed, and where a ``?`` carried one (a lost character)."""

    text: str
    offsets: OffsetMap
    lost: tuple[int, ...]  # positions in ``text`` of ``?`` that carried an annotation


class JoinedBuilder(MapBuilder):
    """A MapBuilder that joins a stretch of one-to-one pieces, each starting where the
    last ended, before it builds their segment (MapBuilder would join their segments
    too, one piece at a time); the text and map it builds are the same."""

    def __init__(self) -> None:
        super().__init__()
        self._run: list[str] = []
        self._run_start = self._run_end = -1

    def emit(self, orig_start: int, orig_end: int, text: str) -> None:
        """As MapBuilder.emit."""
        if not text:
            return
        if len(text) == orig_end - orig_start:
            if orig_start != self._run_end:
                self._flush()
                self._run_start = orig_start
            self._run.append(text)
            self._run_end = orig_end
            return
        self._flush()
        super().emit(orig_start, orig_end, text)

    def build(self, orig_length: int) -> tuple[str, OffsetMap]:
        """As MapBuilder.build."""
        self._flush()
        return super().build(orig_length)

    def _flush(self) -> None:
        if self._run:
            super().emit(self._run_start, self._run_end, "".join(self._run))
            self._run = []
        self._run_end = -1


def is_cjk(char: str) -> bool:
    """A CJK unified ideograph (basic block or extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@lru_cache(maxsize=65536)
def _readings(char: str) -> frozenset[str]:
    """The character's readings, with tone marks and without (pages print either)."""
    if not is_cjk(char):
        return frozenset()
    return frozenset(pinyin(char, style=Style.TONE, heteronym=True, errors="ignore")[0]
                     + pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")[0])


def _is_reading(char: str, syllable: str) -> bool:
    """Whether ``syllable`` can annotate ``char``.

    A reading pypinyin knows for the character always qualifies; so does any
    tone-marked syllable, because mis-decoded characters keep the reading of the
    character they once were.
    """
    return syllable in _readings(char) or bool(_TONE_MARK.search(syllable))


def _may_carry(text: str, pos: int) -> bool:
    """Whether the character at ``pos`` may carry an annotation: a Chinese character,
    a ``?`` for a lost one, or an ASCII letter that mis-decoding left after one."""
    char = text[pos]
    if is_cjk(char) or char == "?":
        return True
    return char.isascii() and char.isalpha() and pos > 0 and (
        is_cjk(text[pos - 1]) or text[pos - 1] == "?")


def strip_annotations(text: str) -> Annotated:
    """Remove pinyin annotations from ``text``; see the module docstring."""
    out = JoinedBuilder()
    lost: list[int] = []
    length = 0
    pos = 0
    n = len(text)
    while pos < n:
        char = text[pos]
        if char == "?" and pos + 1 < n:
            broken = _BROKEN.match(text, pos)
            if broken and _TONE_MARK.search(broken.group(1)):
                out.emit(pos, broken.end(), "?")
                lost.append(length)
                length += 1
                pos = broken.end()
                continue
        if pos + 1 < n and text[pos + 1] == "(" and _may_carry(text, pos):
            match = _ANNOTATION.match(text, pos + 1)
            if match and (_is_reading(char, match.group(1)) if is_cjk(char)
                          else _TONE_MARK.search(match.group(1))):
                end = match.end()
                # Some pages print the reading twice: 家(jia)(jia).
                while (again := _ANNOTATION.match(text, end)) and again.group(1) == match.group(1):
                    end = again.end()
                match_end = end
                out.emit(pos, match_end, char)
                if char == "?":
                    lost.append(length)
                length += 1
                pos = match_end
                continue
        # Copy the run up to the next character that could start an annotation.
        found = _MAY_START.search(text, pos + 1)
        stop = found.start() if found else n
        if stop < n and text[stop] == "(" and stop > pos + 1:
            stop -= 1  # leave the annotated character to the next round
        out.emit(pos, stop, text[pos:stop])
        length += stop - pos
        pos = stop
    clean, offsets = out.build(n)
    return Annotated(clean, offsets, tuple(lost))
