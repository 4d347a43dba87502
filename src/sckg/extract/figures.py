"""Figures: every quantity an article body states, with what it counts.

``extract_figures`` reads one clean simplified-Chinese paragraph. Each quantity
found by :mod:`sckg.extract.numbers` becomes a :class:`~sckg.model.Figure` whose
indicator comes from the counted noun (after the measure word: ``138家双创载体``;
else before the number: ``创业导师18人``), restricted to what that kind of unit can
count; qualifier, status (target), cumulative, area, period, carrier type, level,
subject and part/whole come from markers in the clause and sentence around it.

Indicator keys are the ``skos:notation`` of the concepts in ontology/indicators.ttl
(key ``carriers`` is ``sc:CarrierCount`` …); that file is the key → IRI table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sckg.extract.lexicon import COUNTED_KINDS, LEVEL_WORDS as _LEVEL_WORDS
from sckg.extract.lexicon import FIGURE_CARRIERS as _CARRIERS, FIGURE_FALLBACK as _FALLBACK, FIGURE_NOUNS as _TABLES
from sckg.extract.figure_about import (ALSO as _ALSO, NATIONAL_ACT as _NATIONAL_ACT, NOUN_PLACE as _NOUN_PLACE,
                                      area as _area, broad as _broad, subject as _subject, unlisted as _unlisted_head)
from sckg.extract.figure_frames import FRAMES as _FRAMES, named_list
from sckg.extract.figure_parts import link_parts
from sckg.extract.numbers import QUAL_AFTER as _QUAL_AFTER_RE, QUAL_BEFORE as _QUAL_BEFORE_RE
from sckg.extract.numbers import (Quantity, ended_before, find_quantities, fold_width, parse_period, qualifier_of,
                                  span_between, strip_titles)
from sckg.model import EVENT_OUTCOMES as _EVENT_OUTCOMES, Figure


@dataclass(frozen=True)
class FigureContext:
    """What the article tells about all its figures: its date and its main region."""

    date: str | None = None  # ISO 8601 date or date-time of the article
    region: str | None = None  # surface name of the article's main region, e.g. 云南省
    year: str | None = None  # the year of a notice's title (关于认定2021年度…的通知)
    event_year: str | None = None  # the year of the event a title names (2020中国·某某创新创业大赛…)


_COMPILED = {k: [(re.compile(p), key, ct) for p, key, ct in v] for k, v in _TABLES.items()}
# Whether any noun of a table occurs at all: most chunks hold none.
_ANY_NOUN = {k: re.compile("|".join(f"(?:{p})" for p, _, _ in v)) for k, v in _TABLES.items()}
_ANY_CARRIER = re.compile("|".join(f"(?:{p})" for p, _, _ in _CARRIERS))

# Carrier words a level word can stand right before without 级 (国家众创空间, 重庆市科技企业孵化器).
_KIND_AHEAD = rf"(?=(?:专业化|科技企业|科技)?(?:{COUNTED_KINDS}|高新区|高新技术产业开发区))"
_LEVELS = [(re.compile(p), level) for p, level in [
    (rf"国家级|国家备案|国家级备案|国家火炬中心备案|国家{_KIND_AHEAD}", "national"),
    (rf"省级|自治区级|省区级|(?<![全我本该])(?:自治区|省){_KIND_AHEAD}|(?:北京|天津|上海|重庆)市{_KIND_AHEAD}",
     "provincial"), (r"市级|州级|地级|地市级", "prefectural"), (r"县级|区县级|县区级", "county")]]
_ANY_LEVEL = re.compile(r"[\u4e00-\u9fff]级|国家")
_FLOW_YEAR = re.compile(r"\d{4}年全年")
# People gathered at an event (200多人参加了会议): no group of carriers, whatever the sentence names
# (but 参加活动人数累计逾万人 counts all who came to a group's events).
_GATHERED = frozenset({"participants", "trainees", "experts", "investors", "contestants"})
_MADE_CARRIERS = re.compile(r"(?:单位|机构|载体)(?:被|成功)?(?:转型)?(?:为|成为|纳入|列入|认定为|确定为|备案为|获批|入选)")
_ASIDE = re.compile(r"[（(][^）)]*[）)]")
_ALL_KINDS = re.compile(r"各类|各级|全部|所有|[全我本](?:国|省|市|区|县|州)")  # (全市众创空间: all of the city's)
# What a count of recognised carriers is recognised as: 13家单位为[2023年]某市星创天地.
_RECOGNISED_AS = re.compile(r"(?:单位|机构|企业|载体)?(?:被)?(?:认定|确定|命名|备案|列)?为(?:\d{4}年度?)?")
# Where the counted things are, written after the count: 其中5家位于某市, 8家落户某区.
_LOCATED = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:位于|落户|分布在|落地)([\u4e00-\u9fff]{2,8})")
# Carriers by their title: 孵化器培育单位36家; a city's own (…省级…；某市众创空间30家).
_PILOT_UNIT = re.compile(rf"(?:{COUNTED_KINDS})(?:试点|培育|示范|备案)单位$")
_CITY_TITLE = re.compile(rf"(?<![全我本该各省城])(?<!北京|天津|上海|重庆)[市州盟](?:(?!有|拥|共|已|达|建|认|现|累|新增|各)[\u4e00-\u9fff])"
                         rf"{{0,16}}?(?:{COUNTED_KINDS}|示范基地|孵化基地)[计共有]?$")
_ROUND_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年度(?:[^，,；;。]{0,12})(?:认定|备案|评审|评估|申报|遴选)")
_ROUND_VERB = re.compile(r"认定|备案|确定|入选|获批|公布|通过|命名")
_AS_OF = re.compile(r"截[至止]|目前|现有|在统|统计显示|\d{4}年年?[底末]|季度")  # a stock as of then: later sentences share it
_QUOTE_SPAN = re.compile(r"“[^”]*”")
_JOINERS = {"、", "和", "及", "与"}
# A company's or a school's name (云南某某科技有限公司, 四川大学): its place is no region later sentences share.
_COMPANY = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:有限责任公司|股份有限公司|有限公司|集团)|[\u4e00-\u9fff]{1,4}?(?:大学|学院)(?!生)")
_AMONG_END = re.compile(rf"其中[，,：:]?(?:{_LEVEL_WORDS})?$")
# Two kinds counted one after the other (孵化器20家和众创空间35家): one group of both.
_COUNTED_JOIN = re.compile(rf"[\d.]+万?[余多]?[家个所](?:、|和|及|与|以及|，|,)(?:{_LEVEL_WORDS})?(?:备案)?")  # (…47家，国家级…)
_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,；;：:"
_SENTENCE_STOP = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_CLAUSE_STOP = re.compile(f"[{re.escape(_CLAUSE_END)}]")
_NOUN_STOP = re.compile(r"[，,；;。！？!?、：:（(]|获得|获|被|通过|实现|走上|提供|集聚|参加|参与|"
                        r"在|中(?!心)|等|之|的青睐|得到|受到|已|均|分别|共|累计")
_TARGET = re.compile(r"每年(?=[设安投拨])|计划|力争|目标|预计|争取|拟(?=[达建新培设投引])|将(?=[达超突建新培形实完带有打启组累增扩提])"
                     r"|(?<![截至止])到(\d{4})年")


def extract_figures(text: str, offset: int = 0, context: FigureContext | None = None,
                    shorts: tuple[str, ...] = ()) -> list[Figure]:
    """Every figure the paragraph ``text`` states, in text order.

    ``offset`` (the paragraph's start in the article's clean text) is added to all
    offsets; ``context`` gives the article date for 截至目前/今年/去年 and the main
    region used as area when a figure names none; ``shorts``, the places the paragraph names
    in two characters (德阳), an area where one has something (德阳有…). ``Figure.whole`` indexes this
    list; the caller shifts it when concatenating paragraphs.
    """
    context = context or FigureContext()
    folded = fold_width(text)
    quantities = find_quantities(folded)
    figures: list[Figure] = []
    carried_period: str | None = None
    broad_areas: dict[int, str | None] = {}
    also_areas: dict[int, str | None] = {}  # sentence start → the place a sentence adding to the one before shares
    sentence_stops = [m.start() for m in _SENTENCE_STOP.finditer(folded)] if quantities else []
    clause_stops = [m.start() for m in _CLAUSE_STOP.finditer(folded)] if quantities else []
    found: list[bool] = []
    list_heads: dict[int, str] = {}  # quantity index → level of the list it continues
    among: dict[int, Figure] = {}  # sentence start → the count its later counts are shares of (N个众创空间中)
    afters: list[str] = []  # the noun after each quantity (5家省级孵化器), if any
    for i, q in enumerate(quantities):
        s_start, s_end = span_between(sentence_stops, q.start, q.end, len(folded))
        c_start, c_end = span_between(clause_stops, q.start, q.end, len(folded))
        prev_end = quantities[i - 1].end if i and quantities[i - 1].end > c_start else c_start
        before = strip_titles(folded[prev_end:q.start])  # (《关于发展众创空间的意见》等2个文件: no carriers)
        next_start = quantities[i + 1].start if i + 1 < len(quantities) else len(folded)
        after = folded[q.end:c_end]
        head = folded[s_start:q.start]
        clause_head = folded[c_start:q.start]
        marked = _marked(folded, quantities, q, c_start, c_end)
        marked = untitled if "#" in (untitled := strip_titles(marked)) else marked
        outside = _ASIDE.sub(lambda m: "　" * len(m.group(0)), before) if "(" in before or "（" in before else before
        indicator, ctype, noun, noun_after = None, None, "", ""
        if outside is not before:  # 市级众创空间(星创天地)48家: the kind outside the aside
            indicator, ctype, noun, noun_after = _indicator(q, outside, after, clause_head, marked,
                                                            next_start - q.end)
        if indicator is None:
            indicator, ctype, noun, noun_after = _indicator(q, before, after, clause_head, marked,
                                                            next_start - q.end)
        made = _MADE_CARRIERS.match(folded, q.end, c_end) if indicator == "organisations" or (
            indicator == "carriers" and ctype == "InnovationCarrier") else None  # (N家载体认定为某级孵化器)
        kind = made and _best(_COMPILED["count"][:len(_CARRIERS)], folded[made.end():c_end], nearest_end=False)
        if kind:  # 13家单位为某市星创天地试点单位, 55家单位纳入国家级孵化器管理: units made carriers
            indicator, ctype = "carriers", _one_carrier_type(folded[made.end():c_end], kind[2])
        if indicator == "organisations" and not kind and _PILOT_UNIT.search(before):
            # 科技企业孵化器培育单位36家, 众创空间试点单位: carriers of that kind, by their title
            named = _best(_COMPILED["count"][:len(_CARRIERS)], before, nearest_end=True)
            indicator, ctype = "carriers", named[2] if named else "InnovationCarrier"
        elif indicator == "organisations" and not kind and before.endswith("等"):
            named = _best(_COMPILED["count"][:len(_CARRIERS)], before[:-1], nearest_end=True)
            if named and named[0].end() == len(before) - 1:  # 某某孵化器等9家机构: carriers of its kind
                indicator, ctype = "carriers", named[2]
        found.append(indicator is not None)
        inherited = None
        if indicator is None and figures and quantities[i - 1].start >= s_start \
                and quantities[i - 1].unit_class == q.unit_class and not _noun("count", before, True) \
                and not _SHARE.search(before):
            # (创业团队超过143万人 after a count of staff: its own noun, though not one of persons;
            # 占全国总数的23% after a growth: a share)
            indicator, ctype = figures[-1].indicator, figures[-1].carrier_type  # 华东地区第3位
            inherited = figures[-1] if q.unit_class == "rank" else None  # 全国第五、西北第一: one count ranked
        elif indicator is None and figures and q.unit_class == "rank" and quantities[i - 1].start >= s_start:
            inherited = figures[-1]  # 孵化器47家，位列全省第4位: the rank of that count
            indicator, ctype = inherited.indicator, inherited.carrier_type
        held = among.get(s_start)
        if held and q.unit_class == "count" and not noun_after and _WHERE_HAS.search(before):
            indicator, ctype = held.indicator, held.carrier_type  # 9个众创空间中，高新区有4个: 4 of them
        indicator = indicator or _FALLBACK[q.unit_class]
        bare_head = strip_titles(head)
        period = parse_period(bare_head, context.date)
        flow = _FLOW_YEAR.search(bare_head)
        if flow and flow.end() <= c_start - s_start:  # 2015年全年认定…，全省高企总数…: that year's flow only
            period = parse_period(strip_titles(clause_head), context.date)
        if period and _AS_OF.search(head):
            carried_period = period
        period = period or carried_period
        rounds = _ROUND_YEAR.findall(strip_titles(folded[:s_start])) if period is None and indicator == "carriers" \
            and _ROUND_VERB.search(folded, s_start, c_end) else ()
        if rounds:
            period = rounds[-1]  # 开展了2022年度…备案工作。…确定某某等72家通过备案: the carriers of that year's round
        elif period is None and indicator == "carriers" and context.year:
            period = context.year  # 现认定某某等4家单位为…: the carriers of the notice's year
        elif period is None and indicator in _EVENT_OUTCOMES and context.event_year:
            period = context.event_year  # the entrants and winners of the event the title names
        subject = _subject(bare_head) if q.unit_class != "rank" and not (
            indicator in _LISTED_UNITS and bare_head.endswith("等")) else None  # 推荐“甲”等12家: a list's count
        subject = None if indicator == "carriers" and subject and bare_head.endswith(subject) else subject  # (某市…基地6家)
        area = _area(_unlisted_head(bare_head, c_start - s_start), rank=q.unit_class == "rank", shorts=shorts)
        if area is None and _NATIONAL_ACT.search(clause_head):
            area = "全国"  # 科技部确定639家众创空间为…: the country's, whatever the article's region
        named = _NOUN_PLACE.match(noun_after)
        recognised = _RECOGNISED_AS.match(after)
        if not named and recognised:
            named = _NOUN_PLACE.match(after, recognised.end())  # 9家单位为某年某市星创天地
        located = _LOCATED.match(after)
        if not named and located and _area(located.group(1)):
            area = _area(located.group(1))  # 其中5家位于某市
        if named:
            area = named.group(1)  # 13家重庆市科技企业孵化器
        elif indicator in _EVENT_OUTCOMES and "累计" not in folded[c_start:c_end]:
            pass  # what its own sentence names, not the region of earlier ones (累计: a region's total)
        elif not area:  # else a broad region of earlier sentences, the same for the whole sentence
            if s_start not in broad_areas:
                broad_areas[s_start] = _broad(_area(_COMPANY.sub(_blanked, strip_titles(folded[:s_start]))))
            area = broad_areas[s_start]
        if subject and area and not area.startswith(("全", "我", "本")):
            area = None  # a named entity's figure is about the entity, not its place
        elif indicator in _EVENT_OUTCOMES and "累计" not in folded[c_start:c_end]:
            # an event's outcomes count its field, no place, unless a place's own
            # (我市51个项目获得晋级, 来自某县的选手160名)
            area = area if area and (area.startswith(("全", "我", "本")) or "来自" + area in bare_head
                                     or bare_head.endswith((area, area + "有", area + "共有"))) else None  # 某省有#个项目
        elif not subject:
            area = area or context.region
        qualifier = qualifier_of(folded, q)
        if i and prev_end > c_start and afters[-1] and before.startswith(afters[-1]):
            before = before[len(afters[-1]):]  # 4家国家级孵化器、5家…: 国家级 is the last item's
        afters.append(noun_after)
        level = _level(noun) or _level(_ASIDE.sub("", before)) or _level(before) \
            or _level(_PARTS_AFTER.split(folded[q.end:min(c_end, next_start)], 1)[0])
        if level is None and _CITY_TITLE.search(before) and figures and figures[-1].level \
                and figures[-1].end - offset > s_start:  # …省级…31家；某市众创空间30家: the city's own title
            level = "prefectural"
        if inherited:
            level, area = level or inherited.level, inherited.area
        if level is None and noun_after and i in list_heads and not _ANY_LEVEL.search(noun_after):
            level = list_heads[i]  # 认定为省级载体的34家众创空间、1家…: the list shares its head's level
        if level and noun_after and (_level(before) or i in list_heads) and i + 1 < len(quantities) \
                and not _CLAUSE_STOP.search(folded, q.end, quantities[i + 1].start):
            list_heads[i + 1] = level
        listed = named_list(folded, s_start, q.start) if level is None and indicator in ("carriers", "organisations") else None
        if listed and _level(listed):  # …国家级孵化器名单，…等8家机构获批: the list's members, of its kind and level
            kinds, level, indicator = _best(_COMPILED["count"][:len(_CARRIERS)], listed, nearest_end=True), _level(listed), "carriers"
            ctype = kinds[2] if kinds and ctype in (None, "InnovationCarrier") else ctype
        if indicator == "carriers" or (indicator == "awarded-carriers" and ctype):
            ctype = ctype or "InnovationCarrier"
        elif not subject and (indicator not in _GATHERED or "累计" in folded[c_start:c_end]) \
                and not (noun_after and q.unit_class in ("count", "person")):
            # A figure about a typed group of carriers (省级众创空间共有创业导师1200人).
            ctype, group_level = _population(_blank(folded[s_start:q.start]))
            if ctype is None and figures and figures[-1].carrier_type and not (
                    s_start > 0 and _area(bare_head)):
                # (the carriers of earlier sentences, unless this one names its own place: 2018年，我省新增…)
                ctype, group_level = _population(_blank(folded[:q.start]))
            level = level or group_level
        if indicator == "enterprises-cultivated" and not ctype:
            level = None  # 省级瞪羚企业, 国家专精特新企业: an enterprise's title, no carrier's accreditation
        last = figures[-1] if figures and figures[-1].end - offset <= s_start and indicator not in _EVENT_OUTCOMES else None
        if area is None and ctype and last and last.area and not _broad(last.area) and not subject \
                and (last.carrier_type, last.level) == (ctype, level):
            area = last.area  # 湖州…孵化器在孵企业910家。在孵企业实现产值…: the same carriers, the same place
        elif area is None and not subject and _ALSO.match(folded, s_start):
            if s_start not in also_areas:  # 目前某市拥有众创空间91家…。此外，还有孵化器47家…: the same place
                also_areas[s_start] = last.area if last and last.area and not _broad(last.area) else None
            area = also_areas[s_start]
        target = _TARGET.search(bare_head)  # but 到某年，全区孵化器已达到N家: reached by then
        status = "target" if target and not (target[0][0] == "到" and (
            "已" in bare_head[target.end():] or ended_before(target[1], context.date))) else "achieved"
        figures.append(Figure(
            value=str(q.value), unit=q.unit, indicator=indicator, qualifier=qualifier, status=status,
            cumulative="累计" in folded[c_start:q.start], quote=text[c_start:c_end], start=offset + c_start,
            end=offset + c_end, value_start=offset + q.start, value_end=offset + q.end, area=area, period=period,
            carrier_type=ctype, level=level, subject=subject,
            value_max=str(q.value_max) if q.value_max is not None else None))
        if ctype and _AMONG.match(after):
            among[s_start] = figures[-1]
    return link_parts(folded, quantities, figures, found)


@lru_cache(maxsize=16384)
def _noun(unit_class: str, text: str, nearest_end: bool) -> tuple[str, str | None] | None:
    """Indicator key and carrier class of the noun ``text`` names for a unit class:
    the match nearest the number, then the longest, then the first in the table. The
    same short chunks (家众创空间) recur in figure after figure, so this is cached."""
    if not _ANY_NOUN[unit_class].search(text):
        return None
    found = _best(_COMPILED[unit_class], text, nearest_end=nearest_end)
    if not found:
        return None
    _, key, ctype = found
    if key == "carriers":
        ctype = _one_carrier_type(text, ctype)
    return key, ctype


def _best(patterns, text: str, *, nearest_end: bool) -> tuple[re.Match[str], str, str | None] | None:
    best = None
    for rx, key, ctype in patterns:
        for m in rx.finditer(text):
            rank = (m.end(), len(m.group(0))) if nearest_end else (-m.start(), len(m.group(0)))
            if best is None or rank > best[0]:
                best = (rank, m, key, ctype)
    return best[1:] if best else None


def _marked(text: str, quantities: list[Quantity], q: Quantity, start: int, end: int) -> str:
    """The clause ``text[start:end]`` with ``q`` as # and the other quantities as %."""
    out, pos = [], start
    for o in quantities:
        if start <= o.start and o.end <= end:
            out += [text[pos:o.start], "#" if o is q else "%"]
            pos = o.end
    return "".join(out) + text[pos:end]


def _blanked(m: re.Match) -> str:
    return "　" * len(m.group(0))


def _blank(text: str) -> str:
    """``text`` with 《titles》 and “quoted names” blanked (same length)."""
    text = strip_titles(text)
    return _QUOTE_SPAN.sub(lambda m: "　" * len(m.group(0)), text) if "“" in text else text


def _population(prefix: str) -> tuple[str | None, str | None]:
    """Carrier class and level of the carriers last named in ``prefix`` (a list of kinds → InnovationCarrier)."""
    if not _ANY_CARRIER.search(prefix):
        return None, None
    hits = sorted((m.start(), m.end(), ct) for rx, _, ct in _COMPILED["count"][:len(_CARRIERS)]
                  for m in rx.finditer(prefix))
    if not hits:
        return None, None
    last = max(hits, key=lambda h: (h[1], h[1] - h[0]))
    group, start = {last[2]}, last[0]
    for h in reversed([h for h in hits if h[1] <= last[0]]):
        if prefix[h[1]:start] in _JOINERS or _COUNTED_JOIN.fullmatch(prefix[h[1]:start]):
            group.add(h[2])
            start = h[0]
    ctype = group.pop() if len(group) == 1 else "InnovationCarrier"
    among = _AMONG_END.search(prefix, 0, start)
    if among and len(group) > 1:  # 各类孵化机构600家，其中国家级孵化器47家、…: the whole's population
        whole = _population(prefix[:among.start()])
        if whole[0]:
            return whole
    if _ALL_KINDS.search(prefix, max(0, last[0] - 4), last[0]) and not _level(prefix[max(0, last[0] - 6):last[1]]):
        return ctype, None  # 各类孵化器: every level
    # 首批20家省级科技企业孵化器 … 孵化器自有; several levels listed (4家国家级孵化器、5家省级孵化器) are all of them
    levels = [_level(prefix[max(0, h[0] - 6):h[1]]) for h in [last] + [h for h in reversed(hits) if h[2] == ctype]]
    levels = [level for level in levels if level]
    return ctype, levels[0] if levels and len(set(levels)) == 1 else None


def _indicator(q: Quantity, before: str, after: str, clause_head: str,
               marked: str, gap: int) -> tuple[str | None, str | None, str, str]:
    """Indicator key, carrier class, the noun text it was read from, the noun after the unit
    (read up to the next quantity, ``gap`` characters on: 6家孵化器和1家加速器)."""
    for rx, classes, key in _FRAMES:
        if q.unit_class in classes and rx.search(marked):
            if key == "carriers":  # the kind is the carrier word the list is put under
                tail = marked[marked.index("#") + 1:]
                found = _best(_COMPILED["count"][:len(_CARRIERS)], tail, nearest_end=False)
                return key, _one_carrier_type(tail, found[2]) if found else None, tail, ""
            if key == "awarded-carriers":  # 优秀众创空间5家: the kind rewarded
                found = _best(_COMPILED["count"][:len(_CARRIERS)], marked, nearest_end=False)
                return key, found[2] if found else None, "", ""
            return key, None, "", ""
    table = _COMPILED[q.unit_class]
    if not table:
        return None, None, "", ""
    length = len(after)
    after = _QUAL_AFTER_RE.sub("", after)
    near = after[:max(0, gap - (length - len(after)))]
    stop = _NOUN_STOP.search(near)
    noun_after = near[: stop.start()] if stop else near
    if noun_after.startswith(("和", "及", "与", "以及", "、")):
        noun_after = ""  # 孵化器20家和众创空间35家, 在孵企业980家、毕业企业210家: the next item's
    before = _QUAL_BEFORE_RE.sub("", before)
    if q.unit_class in ("money", "percent", "rank", "area"):
        order = [(before, True), (noun_after, False), (after, False)]
    else:
        order = [(noun_after, False), (before, True), (after, False)]
    if q.unit_class != "person-time":
        order.append((strip_titles(clause_head), True))
    for chunk, nearest_end in order:
        found = _noun(q.unit_class, chunk, nearest_end)
        if found:
            key, ctype = found
            return key, ctype, chunk, noun_after if chunk is noun_after else ""
    return None, None, "", ""


def _one_carrier_type(chunk: str, ctype: str | None) -> str | None:
    """None when the chunk names several carrier kinds (众创空间、孵化器及星创天地30家)."""
    kinds, rest = set(), _ZONE_HOLDING.sub("", _ASIDE.sub("", chunk))  # 众创空间(星创天地): an aside names no second kind
    for rx, _, kind in _COMPILED["count"][:len(_CARRIERS)]:
        if kind != "InnovationCarrier" and rx.search(rest):
            kinds.add(kind)
            rest = rx.sub("", rest)
    return ctype if len(kinds) <= 1 else "InnovationCarrier"


_ZONE_HOLDING = re.compile(rf"(?:高新区|高新技术产业开发区|开发区|经开区)(?=[有内的已现共]{{0,2}}(?:科技企业|科技)?"
                           rf"(?:{COUNTED_KINDS}))")  # 高新区有孵化器12家: a place
_LISTED_UNITS = ("carriers", "awarded-carriers", "organisations")
_SHARE = re.compile(r"占[^，,；;。]{0,24}$")
# A count whose clause ends in 中 (在某市9个众创空间中，…) is the population later counts share
# out; a place or zone that "has" a count with no noun after it (高新区有4个) holds a share.
_AMONG = re.compile(r"[^，,；;。]{0,12}(?:之)?中[，,]?$")
_WHERE_HAS = re.compile(r"(?:高新区|开发区|园区|新区|[区县市州旗])(?:有|拥有|共有|占)$")
_PARTS_AFTER = re.compile(r"[(（]|其中|含")  # 1239家(其中国家级435家): the parts' level is theirs


@lru_cache(maxsize=8192)
def _level(text: str) -> str | None:
    """The one accreditation level ``text`` names; None for none or several (国家级及省级)."""
    levels = {level for pattern, level in _LEVELS if pattern.search(text)}
    return levels.pop() if len(levels) == 1 else None
