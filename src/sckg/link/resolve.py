"""Resolving place names: a surface form in context → a division, a foreign place, or a warning.

``resolve_place`` never guesses. For a surface form it takes every division the name
index lists, then

1. keeps those inside the context prefecture, else inside the context province, when
   the context leaves any;
2. keeps those with the best rank (a full name before a province's short form before
   any other short form: 海南 is the province unless the context is Qinghai);
3. collapses a division and the divisions inside it to the outer one (阿克苏 is the
   prefecture 阿克苏地区, not its seat 阿克苏市);

and resolves only when one division is left; otherwise the result is "ambiguous" with
the candidates, and the caller logs ``PlaceResolution.message``.

``PlaceFinder`` finds every place name in a text by longest match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sckg.model import Gazetteer, PlaceMention, PlaceResolution

_WINDOW = 6  # characters of context either side handed to jieba
_COMMON_FREQ = 1000  # jieba dictionary frequency above which a word is "common"


def ancestors(gaz: Gazetteer, code: str) -> list[str]:
    """The codes of the divisions enclosing ``code``, innermost first, up to the province."""
    out = []
    parent = gaz.divisions[code].parent if code in gaz.divisions else None
    while parent:
        out.append(parent)
        parent = gaz.divisions[parent].parent
    return out


def _within(code: str, area: str) -> bool:
    if area.endswith("0000"):
        return code[:2] == area[:2]
    if area.endswith("00"):
        return code[:4] == area[:4]
    return code == area


def resolve_place(
    gaz: Gazetteer, surface: str, *, province: str | None = None, prefecture: str | None = None
) -> PlaceResolution:
    """Resolve ``surface`` (拉萨, 昌吉州, 城关区, 土耳其 …) given the article's province/prefecture codes."""
    name = surface.strip()
    entries = dict(gaz.names.get(name, ()))
    if not entries:
        place = gaz.foreign.get(name)
        if place is not None:
            return PlaceResolution(surface, "foreign", foreign=place)
        return PlaceResolution(surface, "unknown")
    cands = entries
    for area in (prefecture, province):
        if area:
            inside = {c: r for c, r in cands.items() if _within(c, area)}
            if inside:
                cands = inside
                break
    best = min(cands.values())
    codes = sorted(c for c, r in cands.items() if r == best)
    outer = [c for c in codes if all(c == o or c in ancestors(gaz, o) for o in codes)]
    if len(outer) == 1:
        return PlaceResolution(surface, "resolved", code=outer[0])
    return PlaceResolution(surface, "ambiguous", candidates=tuple(codes))


class PlaceFinder:
    """Finds place names in a text by longest match over every name and short form.

    A two-character short form (白银, 山南, 迁安 …) is also an ordinary word or part of
    one often enough (搬迁安置, 天山南坡) that it counts only where jieba's segmentation
    of the surrounding text starts a word with it (兰州 in 兰州新区 counts). A
    two-character county stem that jieba's dictionary holds as a frequent word other
    than a place name (合作, 资源, 通道) is not looked for at all. Full names count
    anywhere, but for a county's two-character name (南县, 和县), which is a word of its
    own only where it is not the tail of a longer name (某南县).
    """

    def __init__(self, gaz: Gazetteer, *, county_stems: bool = True) -> None:
        names: set[str] = set(gaz.foreign)
        weak: set[str] = set()
        tails: set[str] = set()
        for form, entries in gaz.names.items():
            if len(form) < 2:
                continue
            if all(r > 0 for _, r in entries):
                county = all(gaz.divisions[c].level == "county" for c, _ in entries)
                if county and (not county_stems or _common_word(form)):
                    continue
                if len(form) == 2:
                    weak.add(form)
            elif len(form) == 2 and all(gaz.divisions[c].level == "county" for c, _ in entries):
                tails.add(form)  # 南县, 和县: inside a longer name (某南县) as often as alone
            names.add(form)
        self._lengths: dict[str, tuple[int, ...]] = {}
        for n in names:
            self._lengths[n[0]] = tuple(sorted({*self._lengths.get(n[0], ()), len(n)}, reverse=True))
        self._names = frozenset(names)
        self._weak = frozenset(weak)
        self._tails = frozenset(tails)

    def find(self, text: str) -> list[PlaceMention]:
        """Non-overlapping place names in ``text``, left to right, the longest at each position."""
        out: list[PlaceMention] = []
        i, n = 0, len(text)
        while i < n:
            for length in self._lengths.get(text[i], ()):
                form = text[i : i + length]
                if i + length <= n and form in self._names:
                    if form in self._weak and not _is_word(text, i, i + length):
                        continue
                    if form in self._tails and i and "\u4e00" <= text[i - 1] <= "\u9fff" \
                            and not _is_word(text, i, i + length):
                        continue  # after a Han character it may be a longer name's tail
                    out.append(PlaceMention(form, i, i + length))
                    i += length
                    break
            else:
                i += 1
        return out


def _is_word(text: str, start: int, end: int) -> bool:
    """Whether jieba cuts ``text[start:end]`` out as one word in its surroundings."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary load must not chat on stderr

    lo = max(0, start - _WINDOW)
    window = text[lo : min(len(text), end + _WINDOW)]
    return any(a + lo == start and b + lo >= end for _, a, b in jieba.tokenize(window))


@lru_cache(maxsize=1)
def _jieba_common_words() -> frozenset[str]:
    text = resources.files("jieba").joinpath("dict.txt").read_text("utf-8")
    # Only the lines of two-character words are matched (a regex over the whole file: 0.08 s
    # against 0.16 s for splitting all its 350,000 lines, at every start of `sckg ingest`).
    return frozenset(m[1] for m in _TWO_CHARACTER_ENTRY.finditer(text)
                     if m[3] != "ns" and int(m[2]) >= _COMMON_FREQ)


_TWO_CHARACTER_ENTRY = re.compile(r"^(\S\S) (\d+) (\S+)$", re.MULTILINE)


# County stems that government and news text writes far more often as ordinary words
# (会同有关部门, 互助, 共同富裕, 同心协力) than as the county, below jieba's common-word
# frequency: found only with their 县/市 (会同县).
_ORDINARY_WORD_STEMS = frozenset("会同 互助 富裕 平定 大方 平和 无为 同心 民权 永新 清水 温泉".split())


def _common_word(form: str) -> bool:
    return len(form) == 2 and (form in _jieba_common_words() or form in _ORDINARY_WORD_STEMS)


def district_stems(gaz: Gazetteer, text: str, city: str) -> list[str]:
    """The codes of the districts of ``city`` that ``text`` names by their two-character
    stem (锡山 for 锡山区), once for each time. No name of the gazetteer is such a stem (朝阳,
    新建, 东湖 name districts of several cities, or are words); inside one city's article,
    written as a word of its own and no common word, it names that city's district."""
    out = []
    for code, div in gaz.divisions.items():
        if code[:4] != city[:4] or code == city or len(div.name) != 3 or not div.name.endswith("区"):
            continue
        stem = div.name[:2]
        if stem in gaz.names or _common_word(stem):
            continue
        start = text.find(stem)
        while start != -1:
            if text[start + 2:start + 3] != "区" and _is_word(text, start, start + 2):
                out.append(code)
            start = text.find(stem, start + 2)
    return out


def find_places(gaz: Gazetteer, text: str) -> list[PlaceMention]:
    """Place names in ``text`` (builds a ``PlaceFinder``; keep one for many texts)."""
    return PlaceFinder(gaz).find(text)
