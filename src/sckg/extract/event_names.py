"""What makes an event's name the name of one event: an edition, a year, a scope, a
place or a quoted brand (2017年全国农业科技工作会议, 第三届“某某杯”大赛), not only a kind
(主题论坛, 本次大赛, 市政府常务会议)."""

from __future__ import annotations

import re

from sckg.extract.lexicon import EVENT_SUFFIXES
from sckg.extract.words import head_words, word_count

_THIS_EVENT = re.compile(r"(本次|本届|此次|这次|这届|该次)[\u4e00-\u9fff]{0,4}$")  # 很高兴本次大会: this one, unnamed
# 天津赛区比赛 alone: a region's round of a contest named elsewhere, not the contest's name.
_ROUND_ALONE = re.compile(r"[\u4e00-\u9fff]{2,7}?分?赛区(?:比赛|决赛|总决赛|复赛|初赛|半决赛)")
_HEADCOUNT = re.compile(r"\d+(?:余|多)?[人名位]")
EDITION = re.compile(r"第[一二三四五六七八九十百\d]+[届期次]|首届|首期")
_GENERIC_EVENT_HEAD = re.compile(r"^(各类|各种|一系列|这类|此类|相关|系列|本次|本届|该|此次|这次|"
                                 r"[\d一二三四五六七八九十]+届|前[\d一二三四五六七八九十]+届)")
# A body's routine sittings (市政府常务会议) and kinds of contest (全国阶段比赛) are no named events.
_ROUTINE_EVENT = re.compile(r"(常务|党组|办公|专题|全体|常委)会议?$|^(全国|全省|全区|全市|国家|省|市|区|县)?"
                            r"(阶段|级|层面|范围|行业|主题|专项|系列)+[\u4e00-\u9fff]{2,3}$")


def names_one_event(name: str, places: list[str], quoted: bool = False) -> bool:
    """Whether ``name`` (found by its event word) names one event rather than a kind;
    ``quoted``: the text sets it in quotation marks (“某商大会”), a brand of its own."""
    if (len(name) < 4 or _GENERIC_EVENT_HEAD.match(name) or _THIS_EVENT.search(name)) and not EDITION.search(name):
        return False
    if name.startswith("暨") or (name.endswith(("仪式", "典礼", "庆典")) and "赛" in name):
        return False  # the second of two joined names alone; a contest's own ceremony is the contest's
    if _HEADCOUNT.search(name) or _ROUND_ALONE.fullmatch(name):
        return False  # 代表320余人观摩比赛: a clause about who came, no event's name
    return not (_ROUTINE_EVENT.search(name) or (len(name) <= 6 and not quoted and not _event_anchored(name, places)))


# Words that say which event a name is: a scope, a year, an edition or a quoted brand.
EVENT_ANCHOR = re.compile(r"中国|中[美欧日韩德法英俄非外]|全国|全省|全区|全市|全州|全县|国际|中央|国家|世界|[省市县州]|"
                           r"\d{4}年|第[一二三四五六七八九十百\d]+[届期次]|首届|首期|[“”\"]|[A-Z]{2,}")
def _event_anchored(name: str, places: list[str]) -> bool:
    """Whether an event's name says which event it is (a place, scope, year, edition,
    quoted brand or proper name: 达沃斯论坛), not only what kind (主题论坛, 行业比赛)."""
    return bool(EVENT_ANCHOR.search(name)) or any(p in name for p in places) or _proper_head(name)


_EVENT_WORDS = tuple(sorted((s for s, _ in EVENT_SUFFIXES), key=len, reverse=True))


def _proper_head(name: str) -> bool:
    """Whether the words before an event's kind hold a proper name that jieba knows as
    a place's or person's and seldom meets (达沃斯, 博鳌, 乌镇), not a common word."""
    head = next((name[:-len(w)] for w in _EVENT_WORDS if name.endswith(w)), name)
    return any(flag in ("ns", "nr", "nrt") and len(word) >= 2 and word_count(word) < 200
               for word, flag in head_words(head))


OPENING, CLOSING = ("“", '"', "「", "『"), ("”", '"', "」", "』")


def quoted_from(text: str, start: int, suffix_start: int, end: int) -> int | None:
    """Where a name the text sets in quotation marks starts (after its opening mark),
    when the left scan stopped inside it (“零到壹众创空间”: 到 ends no name there); None
    when the name is not quoted whole."""
    if text[end:end + 1] not in CLOSING or text[start - 1:start] in OPENING:
        return None
    for i in range(start - 1, max(-1, suffix_start - 16), -1):
        if text[i] in OPENING:
            return i + 1
        if text[i] in CLOSING or text[i] in "，。；：,;:、\n":
            return None
    return None
