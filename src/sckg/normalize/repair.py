"""Repair text mis-decoded one byte off: GBK bytes read with a byte lost.

When one byte of GBK text is lost, the decoder pairs each trail byte with the next
lead byte and yields rare characters until an ASCII byte puts it back in step:
``?!卑鼭h`` holds the bytes of ``。”包漢`` shifted by one. Re-encoding the damaged
stretch as GBK and reading it again one byte over recovers the text. The lost byte
itself is guessed only where one character is far more probable than any other,
otherwise the stretch is marked as damaged.

A repair is chosen only when the repaired text is clearly more probable Chinese than
the damaged text (``sckg.normalize.language``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from sckg.model import MapBuilder, OffsetMap
from sckg.normalize.annotations import is_cjk
from sckg.normalize.language import char_log_frequency, log_probabilities, log_probability, per_char, simplified

_MAX_STRETCH = 16  # characters; damage realigns at the first ASCII byte
_MAX_COMBINATIONS = 256
_CONTEXT = 4
# Mean log-probability per character the repair must gain over the damaged text.
_MIN_GAIN = 1.0
# Mis-decoding one byte off yields a run of (rare) characters; a stretch with fewer
# is a question mark, not damage.
_MIN_CJK = 2
_LOST = "\ufffd"
_ANCHOR_CHARS = "?？" + _LOST
_ANCHOR_CHAR = re.compile("[?？\ufffd]")

Token = int | None  # a byte, or None for a byte that was lost


@dataclass(frozen=True)
class Repaired:
    """Text after repair; ``damages`` are ``(start, end, damaged, repaired | None)``
    in the input text."""

    text: str
    offsets: OffsetMap
    damages: tuple[tuple[int, int, str, str | None], ...]


@lru_cache(maxsize=1)
def _byte_table() -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """For each trail byte the likeliest characters with any lead, and the reverse."""
    by_trail: dict[int, list[tuple[float, str]]] = {}
    by_lead: dict[int, list[tuple[float, str]]] = {}
    for lead in range(0x81, 0xFF):
        for trail in itertools.chain(range(0x40, 0x7F), range(0x80, 0xFF)):
            try:
                char = bytes((lead, trail)).decode("gbk")
            except UnicodeDecodeError:
                continue
            score = char_log_frequency(char)
            by_trail.setdefault(trail, []).append((score, char))
            by_lead.setdefault(lead, []).append((score, char))

    def top(table: dict[int, list[tuple[float, str]]]) -> dict[int, tuple[str, ...]]:
        return {k: tuple(c for _, c in sorted(v, key=lambda x: (-x[0], x[1]))[:24])
                for k, v in table.items()}

    return top(by_trail), top(by_lead)


def _unit_bytes(char: str) -> list[list[Token]] | None:
    """The byte sequences ``char`` may stand for in the damaged reading."""
    if char in "?？" + _LOST:
        return [[None], [0xA3, 0xBF]]  # a lost byte, or a full-width ？ made ASCII
    if "!" <= char <= "~":
        return [[ord(char)], [0xA3, ord(char) + 0x80]]  # ASCII, or its full-width form
    options: list[list[Token]] = []
    for form in dict.fromkeys((char, simplified(char))):
        try:
            options.append(list(form.encode("gbk")))
        except UnicodeEncodeError:
            continue
    return options or None


@lru_cache(maxsize=1)
def _pair_table() -> list[tuple[str, ...] | None]:
    """Every two-byte sequence with a lead byte of 0x80 or more, read as GBK: the
    one-reading tuple, or None where it is no GBK character; indexed ``lead << 8 | trail``."""
    table: list[tuple[str, ...] | None] = [None] * 0x10000
    for lead in range(0x80, 0x100):
        for trail in range(0x100):
            try:
                table[lead << 8 | trail] = (bytes((lead, trail)).decode("gbk"),)
            except UnicodeDecodeError:
                pass
    return table


_LOST_ONLY = (_LOST,)
_ASCII = [(chr(b),) for b in range(0x80)]


def _decode(tokens: list[Token]) -> list[tuple[str, ...]] | None:
    """Read tokens as GBK; each position lists its candidate characters."""
    by_trail, by_lead = _byte_table()
    pairs = _pair_table()
    out: list[tuple[str, ...]] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t is not None and t < 0x80:
            out.append(_ASCII[t])
            i += 1
        elif i + 1 == n:
            out.append(_LOST_ONLY)
            i += 1
        else:
            u = tokens[i + 1]
            if t is None:
                out.append(_LOST_ONLY if u is None else by_trail.get(u, _LOST_ONLY))
            elif u is None:
                out.append(by_lead.get(t, _LOST_ONLY))
            else:
                pair = pairs[t << 8 | u]
                if pair is None:
                    return None
                out.append(pair)
            i += 2
    return out


def _in_context(decoded: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Narrow each guessed character to the two likeliest between its neighbours."""
    out = []
    last = len(decoded) - 1
    for k, options in enumerate(decoded):
        if len(options) > 2:
            before = decoded[k - 1][0] if k > 0 else ""
            after = decoded[k + 1][0] if k < last else ""
            options = _narrow(before, options, after)
        out.append(options)
    return out


@lru_cache(maxsize=65536)
def _narrow(before: str, options: tuple[str, ...], after: str) -> tuple[str, ...]:
    """The two likeliest of ``options`` between ``before`` and ``after``."""
    return tuple(sorted(options, key=lambda c: -log_probability(before + c + after))[:2])


def candidates(stretch: str) -> list[str]:
    """Possible readings of a damaged stretch, one byte over."""
    units = [_unit_bytes(c) for c in stretch]
    if any(u is None for u in units):
        return []
    found: dict[str, None] = {}
    for n, combo in enumerate(itertools.product(*units)):
        if n >= _MAX_COMBINATIONS:
            break
        tokens = [b for unit in combo for b in unit]
        # The byte lost may be the stretch's own first one, or one just before it.
        for lead in ([], [None]):
            decoded = _decode(lead + tokens)
            if not decoded:
                continue
            decoded = _in_context(decoded)
            for choice in itertools.islice(itertools.product(*decoded), 27):
                found.setdefault("".join(choice), None)
    return list(found)


def _best_repair(text: str, start: int, ends: list[int], right_end: int) -> tuple[float, int, str] | None:
    """The best reading of a stretch ``text[start:end]`` over the possible ``ends``:
    ``(gain, end, reading)``. Each stretch is scored over a window that reaches
    ``right_end`` whatever its end is, so that stretches of different length compete
    on the same text; all readings of all stretches are scored in one batch (many
    read the same once simplified)."""
    left = text[max(0, start - _CONTEXT):start]
    base = per_char(left + text[start:right_end])
    tried: list[tuple[int, list[str], list[str]]] = []
    for end in ends:
        if sum(1 for c in text[start:end] if is_cjk(c)) < _MIN_CJK:
            continue
        right = text[end:right_end]
        readings = [c for c in candidates(text[start:end]) if c.count(_LOST) <= 1 and not any(map(_rare, c))]
        tried.append((end, readings, [left + cand + right for cand in readings]))
    scores = iter(log_probabilities([window for _, _, windows in tried for window in windows]))
    best: tuple[float, int, str] | None = None
    for end, readings, windows in tried:
        found: tuple[float, str] | None = None
        for cand, window in zip(readings, windows):
            gain = next(scores) / max(1, len(window)) - base
            if found is None or gain > found[0]:
                found = (gain, cand)
        if found and (best is None or found[0] > best[0]):
            best = (found[0], end, found[1])
    return best


@lru_cache(maxsize=65536)
def _rare(char: str) -> bool:
    """A Chinese character too rare to be part of a repair."""
    return is_cjk(char) and char_log_frequency(char) < -16


def _stretch_ends(text: str, start: int) -> list[int]:
    """Ends of possible damaged stretches starting at ``start``: before an ASCII byte."""
    ends = []
    for end in range(start + 1, min(len(text), start + _MAX_STRETCH) + 1):
        c = text[end - 1]
        if c.isspace():
            break
        if c.isascii() or c == _LOST:
            ends.append(end)
    return ends


def _is_anchor(text: str, i: int, lost: set[int]) -> bool:
    if i in lost or text[i] == _LOST:
        return True
    if text[i] not in "?？":
        return False
    near = text[max(0, i - 1):i] + text[i + 1:i + 2]
    return any(is_cjk(c) or c == "?" for c in near)


def repair(text: str, lost: tuple[int, ...] = ()) -> Repaired:
    """Find and repair (or mark) mis-decoded stretches in ``text``.

    ``lost`` are positions of ``?`` known to stand for a lost character.
    """
    lost_set = set(lost)
    out = MapBuilder()
    damages: list[tuple[int, int, str, str | None]] = []
    pos = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] not in _ANCHOR_CHARS:
            found = _ANCHOR_CHAR.search(text, i)
            if found is None:
                break
            i = found.start()
        if not _is_anchor(text, i, lost_set):
            i += 1
            continue
        ends = _stretch_ends(text, i)
        right_end = min(n, (ends[-1] if ends else i + 1) + _CONTEXT)
        best = _best_repair(text, i, ends, right_end)
        if best and best[0] >= _MIN_GAIN:
            end, fixed = best[1], best[2]
        elif i in lost_set or text[i] == _LOST:
            end, fixed = i + 1, None
            while end < n and (end in lost_set or text[end] in "?" + _LOST):
                end += 1
        else:
            i += 1
            continue
        out.emit(pos, i, text[pos:i])
        out.emit(i, end, fixed if fixed is not None else _LOST)
        damages.append((i, end, text[i:end], fixed))
        pos = i = end
    out.emit(pos, n, text[pos:n])
    clean, offsets = out.build(n)
    return Repaired(clean, offsets, tuple(damages))
