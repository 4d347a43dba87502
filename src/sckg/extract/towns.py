"""Towns, townships and sub-districts (某某镇, 某某乡, 某某街道): places below the counties
that the gazetteer holds, named in articles about a county's carriers and visits.

A town is read only where the text marks it as one place: after its county or district
(某某区乐平镇), after a verb of going or a preposition (赴某某镇, 在某某镇), at the start
of a clause, or in a list after another town; and before its own body or head
(某某镇政府, 某某镇镇长), a punctuation mark or a verb. The part before 镇 is two or
three characters and not a common word (重点镇, 特色小镇, 中心镇 are kinds of town); a
three-character one needs its county before it or its head or body after it.
"""

from __future__ import annotations

import re

from sckg.extract.lexicon import NOT_NAME_CHARS
from sckg.extract.words import tag, word_count
from sckg.model import Mention

_TOWN_WORD = re.compile(r"镇|乡|街道")
# What may come right before a town's name.
_BEFORE = set("，。、；：,;:（(“ \n在到赴于与和及从至往对")
_BEFORE_WORDS = ("深入", "走进", "来到", "前往", "位于", "地处", "其中", "包括")
# What marks the name as a town's when the name is three characters long.
_OWN_BODY = re.compile(r"(?:镇|乡|街道)(?:党委|政府|人民政府|办事处|镇长|副镇长|乡长|副乡长|党工委)")
_COMMON = 300
_NOT_AFTER = set("长区级域内外里上村")  # 镇区, 乡级, 乡村: words that go on
_KINDS = {"全国重点", "特色小", "宜居", "淘宝", "历史文化", "中心", "城关"}


def towns(text: str, places: list[Mention], known: set[str] = frozenset()) -> list[Mention]:
    """The towns, townships and sub-districts named in ``text`` (see the module
    docstring), as Place mentions marked ``town``; none overlaps a place in ``places``
    but one that is the town's name without 镇 (乐平 of 乐平镇), which the town replaces.
    A town in ``known`` (read earlier in the article) needs no mark around it."""
    county_ends = {p.end for p in places if p.surface.endswith(("县", "区", "市", "旗"))}
    found: list[Mention] = []
    candidates = sorted({(w.start() - k, w.end(), k) for w in _TOWN_WORD.finditer(text) for k in (2, 3)
                         if w.start() - k >= 0})
    for start, end, word in candidates:
        stem = text[start:start + word]
        if not all("\u4e00" <= c <= "\u9fff" for c in stem):
            continue
        if any(f.start < end and start < f.end for f in found) or any(
                p.start < end and start < p.end and (p.start, p.end) != (start, start + word) for p in places):
            continue  # a place the gazetteer holds (but not a short form that is the town's name: 乐平镇)
        if stem in _KINDS or word_count(stem) > _COMMON or any(c in NOT_NAME_CHARS for c in stem) \
                or tag(stem).startswith("v"):
            continue  # 重点镇, 助力乡村: a kind of town, or a verb before a word in 乡
        own_body = _OWN_BODY.match(text, start + word)
        if text[end:end + 1] in _NOT_AFTER and not own_body:
            continue
        if text[start:end] in known:
            found.append(Mention(text[start:end], start, end, "Place", "Place", (("town", "1"),)))
            continue
        after_county = start in county_ends
        listed = text[start - 1:start] == "、" and any(f.end == start - 1 for f in found)
        before = start == 0 or text[start - 1] in _BEFORE or text.endswith(_BEFORE_WORDS, 0, start)
        if not (after_county or listed or before):
            continue
        if word == 3 and not (after_county or listed or own_body):
            continue
        found.append(Mention(text[start:end], start, end, "Place", "Place", (("town", "1"),)))
    return found


# A village's bodies named bare (村委会, 村党支部), and a village's name at a body's head.
_BARE_VILLAGE_BODY = re.compile(r"^村(?:委会|民委员会|党支部|党总支|两委)$")
_VILLAGE_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,5}?(?<![农乡])村")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def village_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """星河村党支部书记、村委会主任某某: a village's body named bare (村委会) after a body of
    a village earlier in the sentence is that village's (``qualified``: 星河村村委会)."""
    out = []
    for m in mentions:
        if m.category == "GovernmentAgency" and _BARE_VILLAGE_BODY.match(m.surface) and not m.attr("qualified"):
            before = [v for v in mentions if v.end <= m.start and v.category in ("GovernmentAgency", "Place")
                      and _VILLAGE_HEAD.match(v.surface) and not _SENTENCE_END.search(text, v.end, m.start)]
            village = _VILLAGE_HEAD.match(before[-1].surface) if before else None
            if village:
                qualified = village.group(0) + m.surface[1:]
                m = Mention(m.surface, m.start, m.end, m.category, m.cls, (*m.attrs, ("qualified", qualified)))
        out.append(m)
    return out
