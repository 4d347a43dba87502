"""Parts and wholes: a figure written after 其中 is part of the total stated before it
in its sentence (各类孵化机构600家，其中国家级孵化器47家), and takes from that total what it
does not state itself (its kind, level, place and period). And lists spread over figures:
对国家级、省级众创空间分别给予50万元、20万元 gives each sum its level."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from sckg.extract.events import LEVELS
from sckg.extract.lexicon import CARRIER_TYPE_WORDS, INDICATOR_PARTS, LEVEL_WORDS
from sckg.extract.numbers import Quantity
from sckg.model import Figure

_PART_END = re.compile(r"[；;。！？!?\n]")
_ASIDE_END = re.compile(r"[)）]")


def link_parts(text: str, quantities: list[Quantity], figures: list[Figure],
               found: list[bool]) -> list[Figure]:
    """Point each figure after 其中 at its whole; a part takes what it does not state from it."""
    out = list(figures)
    for i, q in enumerate(quantities):
        k = text.rfind("其中", 0, q.start)
        if k < 0 or _PART_END.search(text, k, q.start) or (
                text[k - 1:k] in ("(", "（") and _ASIDE_END.search(text, k, q.start)):
            continue  # 1239家(其中国家级435家),在孵企业7万家: the aside's parts end with it
        part = out[i]
        # 其中…A、B、C分别是56家、32家…: each named entity's own figure, of the same kind
        separate = bool(part.subject) and "分别" in text[k:q.start]
        start = _sentence_start(text, k)
        if not text[start:k].strip(" ，,"):  # 其中 opening a sentence: of the last sentence's totals
            start = _sentence_start(text, start - 1)
        for j in range(i - 1, -1, -1):
            whole = out[j]
            if quantities[j].start < start:
                break  # the total is stated in the part's sentence (or the last, 其中 opening this one)
            if quantities[j].end > k or whole.whole is not None or whole.unit != part.unit \
                    or quantities[j].unit_class != q.unit_class:  # (其中…,创业团队143万人: no part of 家)
                continue
            if Decimal(part.value) > Decimal(whole.value):
                continue  # 已确定2家，其中…，至此某区将达18家: more than the total is none of its parts
            kind_of = whole.indicator in INDICATOR_PARTS.get(part.indicator, ())  # 知识产权5600项，其中发明专利820项
            if found[i] and part.indicator != "organisations" and not kind_of and (whole.indicator != part.indicator or (
                    part.carrier_type and whole.carrier_type and part.carrier_type != whole.carrier_type
                    and whole.carrier_type != "InnovationCarrier")):  # (各类载体600家，其中孵化器47家: a kind of all)
                continue
            own = found[i] and part.indicator not in ("organisations", "enterprises")  # 其中24家单位: of the whole's kind
            if separate:
                out[i] = replace(part, indicator=part.indicator if own else whole.indicator,
                                 period=part.period or whole.period, carrier_type=None, level=None)
                break
            out[i] = replace(
                part, whole=j, indicator=part.indicator if own else whole.indicator,
                level=part.level or (whole.level if not own or whole.indicator == part.indicator else None),
                carrier_type=part.carrier_type if own and part.carrier_type or part.indicator == "enterprises"
                else whole.carrier_type,
                area=part.area or whole.area, period=part.period or whole.period,
                status=whole.status if part.status == "achieved" else part.status)
            break
    out = _listed_subjects(text, quantities, _respective_levels(
        text, quantities, _link_ratings(text, quantities, _aside_parts(text, quantities, out))))
    # A part larger than its whole was misread as a part (40家被评为优秀 of a total of 6): no link.
    return [replace(f, whole=None) if f.whole is not None and Decimal(f.value) > Decimal(out[f.whole].value) else f
            for f in out]


_LISTED_AFTER = re.compile(r"[^，,；;。！？!?\d%#]{0,12}、$")


def _listed_subjects(text: str, quantities: list[Quantity], figures: list[Figure]) -> list[Figure]:
    """某高新区已有5家国家级孵化器、6家省级孵化器: a count listed after another (、) with no subject
    or place of its own is of the same subject."""
    out = list(figures)
    for i in range(1, len(out)):
        first, this = out[i - 1], out[i]
        if first.subject and not this.subject and not this.area and this.unit == first.unit \
                and _LISTED_AFTER.match(text, quantities[i - 1].end, quantities[i].start):
            out[i] = replace(this, subject=first.subject)
    return out


_KIND_CLASS = dict(CARRIER_TYPE_WORDS)
_KINDS = "|".join(sorted(_KIND_CLASS, key=len, reverse=True))
_KIND_ITEM = rf"[^、，,；;。%#\d和及与分]{{0,6}}?(?:{_KINDS})"
_RESPECTIVE_KINDS = re.compile(rf"({_KIND_ITEM}(?:[、和及与]{_KIND_ITEM})+)[^，,；;。%#\d]{{0,12}}?[，,]?分别")
_LEVEL_OR_FILED = LEVEL_WORDS + "|国家"  # (国家备案众创空间)
_ITEM = rf"(?:{_LEVEL_OR_FILED})[^、，,；;。%#\d和及与分]{{0,8}}"  # 省级, 省级众创空间
_RESPECTIVE = re.compile(rf"({_ITEM}(?:[、和及与]{_ITEM})+)[^，,；;。%#\d]{{0,12}}?[，,]?分别")


def _respective_levels(text: str, quantities: list[Quantity], figures: list[Figure]) -> list[Figure]:
    """国家级、省级、市级众创空间分别给予50万元、20万元、5万元 (市级众创空间、省级众创空间，分别…): the
    n levels listed before 分别, to the n figures of one unit after it in the clause, in order; and
    the n kinds so listed (孵化器和大学科技园分别达46家和7家), to n counts of carriers."""
    out = list(figures)
    for m in _RESPECTIVE.finditer(text):
        levels = [LEVELS.get(w) for w in re.findall(_LEVEL_OR_FILED, m.group(1))]
        end = _PART_END.search(text, m.end())
        after = [i for i, q in enumerate(quantities) if m.end() <= q.start and (end is None or q.end <= end.start())]
        if len(after) == len(levels) and None not in levels and len({out[i].unit for i in after}) == 1:
            for i, level in zip(after, levels):
                out[i] = replace(out[i], level=level)
    for m in _RESPECTIVE_KINDS.finditer(text):
        kinds = [_KIND_CLASS[w] for w in re.findall(_KINDS, m.group(1))]
        end = _PART_END.search(text, m.end())
        after = [i for i, q in enumerate(quantities) if m.end() <= q.start and (end is None or q.end <= end.start())]
        if len(after) == len(kinds) and all(out[i].indicator == "carriers" for i in after):
            for i, kind in zip(after, kinds):
                out[i] = replace(out[i], carrier_type=kind)
    for m in re.finditer("分别", text):  # 分别给予国家级孵化器40万元和省级孵化器20万元: each sum after its own level
        end = _PART_END.search(text, m.end())
        pos = m.end()
        for i, q in enumerate(quantities):
            if q.start < pos or (end is not None and q.end > end.start()):
                continue
            named = re.findall(LEVEL_WORDS, text[pos:q.start])
            if len(named) == 1 and named[0] in LEVELS:
                out[i] = replace(out[i], level=LEVELS[named[0]])
            pos = q.end
    return out


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, max(pos, 0)) for c in "；;。！？!?\n") + 1


# A part in brackets right after its total, of a level: 众创空间143家(国家级45家).
_ASIDE_PART = re.compile(rf"[(（](?:其中)?(?:(?:{LEVEL_WORDS})(?:备案)?|(?P<kind>{_KINDS}))")
_NEXT_IN_ASIDE = re.compile(rf"[家个所]?[，,、；;](?:(?:{LEVEL_WORDS})(?:备案)?|{_KINDS})")


def _aside_parts(text: str, quantities: list[Quantity], figures: list[Figure]) -> list[Figure]:
    """Counts of a level or a kind in brackets right after a count of the same things are its
    parts (128家（孵化器69家，众创空间59家）); a kind's part is of the total's level."""
    out = list(figures)
    aside: tuple[int, int, bool] | None = None  # the whole of the bracket open, where it closes, by kind
    for i in range(1, len(quantities)):
        q, total = quantities[i], quantities[i - 1]
        first = _ASIDE_PART.fullmatch(text, total.end, q.start)
        if first and out[i - 1].whole is None:
            close = _ASIDE_END.search(text, q.end)
            aside = (i - 1, close.start() if close else len(text), bool(first["kind"]))
        elif not (aside and q.end <= aside[1] and _NEXT_IN_ASIDE.fullmatch(text, total.end, q.start)):
            aside = None if aside and q.start > aside[1] else aside
            continue
        if out[i].whole is None and q.unit_class == quantities[aside[0]].unit_class:
            whole, part = out[aside[0]], out[i]
            out[i] = replace(part, whole=aside[0], indicator=whole.indicator, carrier_type=part.carrier_type
                             or whole.carrier_type, area=part.area or whole.area, period=part.period or whole.period,
                             level=part.level or (whole.level if aside[2] else None))
    return out


# A count rated in an evaluation: 28家众创空间被评为良好(B类), 获评优秀6家.
_RATED = re.compile(r"[^，,；;。]{0,8}?(?:被评为|评为|获评|评定为|考核为|确定为|考核)[“\"]?"
                    r"(?:优秀|良好|基本合格|不合格|合格|[ABCD]类|[ABCD]级)")
_RATED_BEFORE = re.compile(r"(?:获评|评为|评定为)(?:优秀|良好|基本合格|不合格|合格)[^，,；;。\d]{0,6}$")


def _link_ratings(text: str, quantities: list[Quantity], figures: list[Figure]) -> list[Figure]:
    """Counts rated in an evaluation (21家被评为优秀, 28家被评为良好 …) are parts of the
    population the paragraph said was evaluated before them (对212家省级众创空间开展评价),
    and take its kind, level, place and period where they state none."""
    out = list(figures)
    rated = [bool(_RATED.match(text, q.end) or _RATED_BEFORE.search(text, 0, q.start)) for q in quantities]
    for i, q in enumerate(quantities):
        if not rated[i] or out[i].whole is not None:
            continue
        whole = next((j for j in range(i - 1, -1, -1) if not rated[j] and out[j].whole is None
                      and out[j].indicator == "carriers" and quantities[j].unit_class == q.unit_class), None)
        if whole is None:
            continue
        w, part = out[whole], out[i]
        kind = w.carrier_type if part.carrier_type in (None, "InnovationCarrier") else part.carrier_type  # (30家被评为良好)
        out[i] = replace(part, whole=whole, level=part.level or w.level, carrier_type=kind or part.carrier_type,
                         area=part.area or w.area, period=part.period or w.period)
    return out
