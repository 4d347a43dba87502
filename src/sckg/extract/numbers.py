"""Reading the numbers Chinese text writes: digits, Chinese numerals and both mixed.

``find_quantities`` finds every number followed by a measure word or unit in a
paragraph (``1.5亿元``, ``2.47万人``, ``十一期``, ``35万余平方米``, ``1128余家``,
``3至5家``, ``99%``, ``第8位``) and returns it with its value in base units; the
figure extractor decides what each quantity counts. Dates, years, ages, editions
(``第二期``) and names (``5G``) are not quantities because no unit of ours follows
them or an ordinal ``第`` precedes them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

# Full-width digits and signs map one to one, so offsets stay valid.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％～－", "0123456789.%~-")
_ANY_FULL_WIDTH = re.compile("[０１２３４５６７８９．％～－]")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "十万": 100_000,
              "百万": 1_000_000, "千万": 10_000_000, "亿": 100_000_000,
              "万亿": 1_000_000_000_000}

# Unit → (unit key, factor to the base unit, unit class). Longest first in the regex.
UNITS: dict[str, tuple[str, int, str]] = {
    "元": ("CNY", 1, "money"),
    "平方米": ("m2", 1, "area"),
    "平米": ("m2", 1, "area"),
    "平方公里": ("m2", 1_000_000, "area"),
    "人次": ("person-time", 1, "person-time"),
    "人": ("count", 1, "person"),
    "名": ("count", 1, "person"),
    "位": ("count", 1, "person"),
    "家": ("count", 1, "count"),
    "个": ("count", 1, "count"),
    "所": ("count", 1, "count"),
    "座": ("count", 1, "count"),
    "户": ("count", 1, "count"),
    "批": ("count", 1, "count"),
    "件": ("count", 1, "item"),
    "项": ("count", 1, "item"),
    "场次": ("count", 1, "event"),
    "场": ("count", 1, "event"),
    "期": ("count", 1, "event"),
    "届": ("count", 1, "event"),
    "次": ("count", 1, "event"),
    "%": ("percent", 1, "percent"),
    "个百分点": ("percentage-point", 1, "percent"),
}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|(?<!\d)\d{1,3}(?: \d{3})+(?!\d| \d)|\d+(?:\.\d+)?"  # (1 200: grouped by spaces)
_CN_NUM = r"[零〇一二两三四五六七八九十百千万亿廿卅卌]+"
_CN_TENS = str.maketrans({"廿": "二十", "卅": "三十", "卌": "四十"})
_MAG = r"万亿|千万|百万|十万|万|亿|千|百"
_APPROX = r"余|多"
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_ONE = rf"(?:(?:{_DIGITS})(?:{_MAG})?|{_CN_NUM})"

QUANTITY_RE = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十百千万亿廿卅卌])"  # what a number starts with, for a fast scan
    rf"(?P<num>{_ONE})(?P<gap>(?<=\d) )?"  # 对 212 家: a page's spacing around a number
    rf"(?:(?P<sep>至|到|~|-|—|－)(?P<num2>{_ONE}))?"
    rf"(?P<approx>{_APPROX})?"
    rf"(?P<mag>{_MAG})?"
    rf"(?P<unit>{_UNIT})"
)
PERCENT_WORDS_RE = re.compile(rf"百分之(?P<num>{_CN_NUM}|{_DIGITS})")
RANK_RE = re.compile(rf"第(?P<num>\d+|{_CN_NUM})(?:位|名)?")
# Measure words that make 个 a duration or an ordinal span rather than a count.
_NOT_A_COUNT_AFTER = re.compile(r"个?(?:月|小时|工作日|星期|季度|年头|半月)"
                                r"|(?:角度|方面|维度|层面|环节|板块|步骤|途径|渠道|要素|原则|特点|着力点|抓手|理念|转变|突破|区域|层级|层次|等级"
                                r"|组别|轮次|聚焦|同步|阶段|赛道|字(?!号))"
                                r"|一(?=[”\"’」]|工程|行动|的|战略)")  # “七个一”, 三个一工程: a slogan
_ENDS_IN_ONE = set("唯统单同之逐专划")  # words ending in 一 (唯一, 统一): no numeral starts in them
_ORDINAL_BEFORE = ("第", "首", "前", "后", "上", "下", "每", "这", "该", "本")
_EDITION_UNITS = {"期", "届", "批", "次"}
# What a phase (二期, 三期工程) follows: a building, a park, a project; and another phase.
_PHASED = set("器园区地心楼城港谷馆厂站院场轨线镇")
_PHASE_LIST = re.compile(r"[一二三四五六七八九十\d]期[、和及]$")
_PHASED_WORKS = re.compile(r"[\u4e00-\u9fff]{0,3}(?:项目|工程)")  # 三期项目, 三期技改项目, 二期扩建工程
_PHASE_OF = ("厂房", "建设", "建筑", "用地", "地块", "招商", "开工", "竣工", "投用", "面积")
_ORDINAL_LIST = re.compile(r"第[\d一二三四五六七八九十]+(?:[、，,]+[\d一二三四五六七八九十]+)*[、，,]+$")
_FIRST_PLACE = re.compile(r"(?:居|位居|位列|名列|排名|排在|稳居|保持)[^，,。；;\d]{0,8}?(首位|榜首|之首)")
_COMPARED = re.compile(r"比[^，,。；;！？]{1,20}?(?:多|少)(?:了)?$")
_CJK = re.compile("[\u4e00-\u9fff]")
_NUMBER = re.compile(rf"(?P<d>{_DIGITS})(?P<m>{_MAG})?")
_TIERS = ("方阵", "梯队", "阵营", "梯次", "档次", "方队")  # (稳居全国第一方阵: a tier of several, no rank)
_RANK_VERB = re.compile(r"(?:居|位居|位列|名列|排名|排在|排)[^，,。；;]{0,8}$")
_QUALIFIED = re.compile(r"(?:逾|近|超|上|约|达|数)$")
_LETTER = re.compile(r"[A-Za-z]")
_MAG_END = re.compile(rf"(?:{_MAG})$")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written: value in base units, positions in the text."""

    start: int
    end: int
    value: Decimal
    unit: str  # unit key: CNY, m2, count, person-time, percent, rank, percentage-point
    unit_class: str  # money, area, person, person-time, count, item, event, percent, rank
    measure: str  # the measure word or unit as written (家, 万元, 平方米 …)
    approx: str | None = None  # 余/多 written inside the quantity
    value_max: Decimal | None = None  # upper bound of a range (3至5家)


def fold_width(text: str) -> str:
    """``text`` with full-width digits and signs as ASCII (same length)."""
    return text.translate(_FULL_WIDTH) if _ANY_FULL_WIDTH.search(text) else text


def parse_chinese(text: str) -> Decimal:
    """Value of a Chinese numeral: 十一 → 11, 六十 → 60, 三千五百 → 3500, 两万 → 20000.

    A run of bare digits (二〇二〇) reads digit by digit. Raises ValueError on
    anything else.
    """
    text = text.translate(_CN_TENS)  # 廿, 卅, 卌: twenty, thirty, forty in one character
    if not text or any(c not in _CN_DIGITS and c not in _CN_SMALL and c not in _CN_LARGE
                       for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if all(c in _CN_DIGITS for c in text):
        return Decimal("".join(str(_CN_DIGITS[c]) for c in text))
    total, section, digit = 0, 0, None
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[c]
            digit = None
        else:  # 万 / 亿 close a section
            section += digit or 0
            digit = None
            if section == 0:
                section = 1
            total = (total + section) * _CN_LARGE[c] if c == "亿" else total + section * _CN_LARGE[c]
            section = 0
    return Decimal(total + section + (digit or 0))


def parse_number(text: str) -> Decimal:
    """Value of a written number: ``1,128`` ``1.5亿`` ``2.47万`` ``十一`` ``三千五百``."""
    text = fold_width(text).strip()
    m = _NUMBER.fullmatch(text)
    if m:
        value = Decimal(m["d"].replace(",", "").replace(" ", ""))
        return value * _MAGNITUDE[m["m"]] if m["m"] else value
    return parse_chinese(text)


def _is_bare_magnitude(num: str) -> bool:
    return all(c in "十百千万亿" for c in num)


def _plain(value: Decimal) -> Decimal:
    """Drop a trailing exponent or zeros so 1.5亿 prints as 150000000."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` (a paragraph), left to right, ordinals and names excluded."""
    text = fold_width(text)
    out: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text):
        q = _quantity(text, m)
        if q is not None:
            out.append(q)
    for m in PERCENT_WORDS_RE.finditer(text):
        value = parse_number(m["num"])
        out.append(Quantity(m.start(), m.end(), _plain(value), "percent", "percent", "百分之"))
    for m in RANK_RE.finditer(text):
        if m.group(0)[-1] in "位名" or _RANK_VERB.search(
                text[max(0, m.start() - 10):m.start()]):
            if text[m.end():m.end() + 1] and text[m.end()] in "期届批次轮个家的" or text.startswith(_TIERS, m.end()):
                continue  # (排名第二的广东省: the rank of another, named after it; 第一方阵: a tier)
            value = parse_number(m["num"])
            out.append(Quantity(m.start(), m.end(), _plain(value), "rank", "rank", "第"))
    for m in _FIRST_PLACE.finditer(text):  # 居全国首位: the first rank
        out.append(Quantity(m.start(1), m.end(1), "1", "rank", "rank", m.group(1)))
    out.sort(key=lambda q: q.start)
    return out


def _quantity(text: str, m: re.Match[str]) -> Quantity | None:
    num, unit = m["num"], m["unit"]
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end():m.end() + 3]
    if before in _ORDINAL_BEFORE and (before == "第" or unit in _EDITION_UNITS):
        return None
    if unit == "届" and (after[:1] in "一二三四五六七八九十" or after.startswith(("全国", "人大", "政协", "中央", "全会"))):
        return None  # 二十届二中全会, 十四届全国人大: an ordinal without 第
    if before.isdigit() or before == ".":
        return None  # the tail of a longer number the regex could not take (a code)
    if m["gap"] and not _CJK.match(text[max(0, m.start() - 2):m.start() - 1] if before == " " else before):
        return None  # 21 日照某空间: a table row's number, not a count spaced out in a sentence
    if unit in _EDITION_UNITS and _ORDINAL_LIST.search(text, max(0, m.start() - 16), m.start()):
        return None  # 第一、二、三、四批: the last of a list of ordinals
    if unit == "期" and (before in _PHASED or _PHASE_LIST.search(text, max(0, m.start() - 3), m.start())
                        or text.startswith(_PHASE_OF, m.end()) or _PHASED_WORKS.match(text, m.end())):
        return None  # 某孵化器二期, 一期、二期: a phase of a building, no count of sessions
    if _COMPARED.search(text, max(0, m.start() - 24), m.start()):
        return None  # 比排名第二的某省多11家: a difference, no count of anything
    if before in ("前", "后") and unit in ("位", "名"):
        return None  # 排前5位, 前三名: a span of ranks, not people
    if unit == "个" and _NOT_A_COUNT_AFTER.match(after):
        return None
    if unit in ("人", "名", "位", "家") and after[:1] in ("均",) or unit == "位" and after.startswith("一体"):
        return None  # (人均; 五位一体: an idiom, no five people)
    if num == "一" and not m["num2"] or num[0] == "一" and before in _ENDS_IN_ONE:
        return None  # 一批 一家 一次性: an article, not a count; 唯一一家: the only one, no 11
    # 十名 is ten; 几十名 and 前十名 are not counts.
    bare = _is_bare_magnitude(num) and (num != "十" or before == "几" or before in _ORDINAL_BEFORE)
    if bare and not _QUALIFIED.search(text, max(0, m.start() - 2), m.start()):
        return None  # 万众 千家万户: idiom, unless a qualifier makes it a number
    if _LETTER.match(after[:1]) or (m.start() and _LETTER.match(before)):
        return None
    try:
        value = parse_number(num)
        value_max = parse_number(m["num2"]) if m["num2"] else None
    except ValueError:
        return None
    key, factor, unit_class = UNITS[unit]
    mult = _MAGNITUDE[m["mag"]] if m["mag"] else 1
    if value_max is not None and not _MAG_END.search(m["num"]) and _MAG_END.search(m["num2"]):
        value *= _MAGNITUDE[_MAG_END.search(m["num2"]).group(0)]  # 3至5万 → 3万至5万
    value = _plain(value * mult * factor)
    if value_max is not None:
        value_max = _plain(value_max * mult * factor)
    if unit_class == "percent" and m["mag"]:
        return None
    measure = (m["mag"] or "") + unit
    return Quantity(m.start(), m.end(), value, key, unit_class, measure, m["approx"], value_max)


# A quarter or half year: the figure is as of its last day.
_QUARTER = r"前?第?[一二三四1-4]季度|上半年"
_QUARTER_END = {"一": "03-31", "1": "03-31", "二": "06-30", "2": "06-30", "上": "06-30",
                "三": "09-30", "3": "09-30", "四": "12-31", "4": "12-31"}
_PERIODS = re.compile(
    r"(?P<asof>截[至止])?(?:(?P<y>\d{4}) ?年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|(?P<q>" + _QUARTER + r"))?"
    r"(?P<end>年底|年末|底|末)?(?:度)?(?!\d)|(?P<rel>去年|今年|前年|上年|本年)(?P<rq>" + _QUARTER + r")?"
    r"(?P<rend>年底|年末|底|末)?|(?<![年\d])(?P<q2>" + _QUARTER + r")"
    r"|(?P<now>截[至止]到?目前为?止?|到目前为止|目前|至今|迄今|现有|现已|现在|当前|以来)"
    r"|(?<!\d)(?P<md>\d{1,2})月(?:(?P<mdd>\d{1,2})日|(?P<mend>底|末)))")


# Every time marker _PERIODS reads holds one of these.
_WEAK_NOW = re.compile(r"已有|已达|已建成|近日|日前")
_PERIOD_WORD = re.compile(r"年|月|目前|至今|迄今|现有|现已|现在|当前|以来|季度")


def parse_period(head: str, article_date: str | None = None) -> str | None:
    """The as-of date or year the rightmost time marker of ``head`` gives, ISO 8601.

    截至2016年年底 → 2016-12-31, 2020年度 → 2020, 截至目前 (截止到目前, 到目前为止)
    → the article date, 截至11月底 → that month's last day in the article's year,
    去年 → the article year − 1; None where the text gives no time or needs the
    article date and it is unknown.
    """
    best = None
    if _PERIOD_WORD.search(head):
        for m in _PERIODS.finditer(head):
            if best is None or m.end() >= best.end():
                best = m
    if best is None:  # 高新区已有4家孵化器, 近日…: as of the article, when nothing else dates it
        return article_date[:10] if article_date and _WEAK_NOW.search(head) else None
    year = int(article_date[:4]) if article_date and article_date[:4].isdigit() else None
    quarter = best["q"] or best["rq"] or best["q2"]
    if quarter:
        y = int(best["y"]) if best["y"] else None
        if best["rel"] and year is not None:
            y = year - {"去年": 1, "上年": 1, "前年": 2}.get(best["rel"], 0)
        y = y if y is not None else year
        return f"{y:04d}-{_QUARTER_END[quarter.lstrip('前第')[0]]}" if y is not None else None
    if best["y"]:
        y = int(best["y"])
        if best["d"]:
            return f"{y:04d}-{int(best['m']):02d}-{int(best['d']):02d}"
        if best["m"] and best["end"]:
            return _month_end(y, int(best["m"]))  # 2018年11月底
        if best["m"]:
            return f"{y:04d}-{int(best['m']):02d}"
        return f"{y:04d}-12-31" if best["end"] else f"{y:04d}"
    if best["rel"]:
        if year is None:
            return None
        y = year - {"去年": 1, "上年": 1, "前年": 2}.get(best["rel"], 0)
        return f"{y:04d}-12-31" if best["rend"] else f"{y:04d}"
    if best["now"]:
        return article_date[:10] if article_date else None
    if best["md"] and year is not None and 1 <= int(best["md"]) <= 12:
        if best["mend"]:
            return _month_end(year, int(best["md"]))  # 截至11月底, in the article's year
        return f"{year:04d}-{int(best['md']):02d}-{int(best['mdd']):02d}"
    return None


def _month_end(year: int, month: int) -> str:
    """The last day of a month, ISO 8601."""
    import calendar

    if not 1 <= month <= 12:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def ended_before(year: str, date: str | None) -> bool:
    """Whether ``year`` ended before the article's ``date`` (到2020年底 in 2021: reached)."""
    return bool(date) and int(year) < int(date[:4])


# Words of quantity before or after a number (约, 以上): how exact it is, no part of the counted noun.
QUAL_BEFORE = re.compile(r"(不超过|不高于|不少于|不低于|最高|最多|至多|最低|至少|将近|接近|大约|近|约|超过|超|逾|"
                          r"多达|高于|不到|不足|少于|低于|上)$")
QUAL_AFTER = re.compile(r"^(以上|之上|左右|上下|以内|之内|以下)")
_QUALIFIER = {w: q for q, words in (("at-least", "余 多 以上 之上 超过 超 逾 多达 高于 上 不少于 不低于 最低 至少"),
                                     ("approximately", "近 约 将近 接近 大约 左右 上下"),
                                     ("at-most", "不到 不足 少于 低于 以内 之内 以下 不超过 不高于 最高 最多 至多"))
              for w in words.split()}


def qualifier_of(text: str, q: Quantity) -> str:
    """How exact the quantity ``q`` of ``text`` is: exact, at-least (余, 以上), approximately (约),
    at-most (不到)."""
    if q.value_max is not None:
        return "at-least"
    if q.approx:
        return _QUALIFIER[q.approx]
    m = QUAL_AFTER.match(text[q.end:q.end + 2])  # its words are two characters long
    if m:
        return _QUALIFIER[m.group(1)]
    m = QUAL_BEFORE.search(text[max(0, q.start - 4):q.start])
    if m and not (m.group(1) == "上" and q.value % 10000):
        return _QUALIFIER[m.group(1)]
    return "exact"


_TITLE_SPAN = re.compile(r"《[^》]*》")


def span_between(stops: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """The stretch between the stop characters around ``[start, end)`` of a text of
    ``length`` whose stop characters stand at ``stops`` (ascending)."""
    k = bisect.bisect_left(stops, start)
    s = stops[k - 1] + 1 if k else 0
    k = bisect.bisect_left(stops, end, k)
    e = stops[k] if k < len(stops) else length
    return s, e


def strip_titles(text: str) -> str:
    """``text`` with 《…》 titles blanked (same length): years in titles are not periods."""
    if "《" not in text:
        return text
    return _TITLE_SPAN.sub(lambda m: "　" * len(m.group(0)), text)
