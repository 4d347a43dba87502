"""What makes an event's name the name of one event: an edition, a year, a scope, a
place or a quoted brand (2017年全国农业科技工作会议, 第三届“某某杯”大赛), not only a kind
(主题论坛, 本次大赛, 市政府常务会议)."""

from __future__ import annotations

import re
from dataclasses import replace

from sckg.extract.lexicon import DOMAIN_WORDS, EVENT_SUFFIXES, GENERIC_WORDS
from sckg.model import Mention

EDITION = re.compile(r"第[一二三四五六七八九十百\d]+[届期次]|首届|首期")
_GENERIC_EVENT_HEAD = re.compile(r"^(各类|各种|一系列|这类|此类|相关|系列|本次|本届|该|此次|这次|"
                                 r"[\d一二三四五六七八九十]+届|前[\d一二三四五六七八九十]+届)")
# A body's routine sittings (市政府常务会议) and kinds of contest (全国阶段比赛) are no named events.
_ROUTINE_EVENT = re.compile(r"(常务|党组|办公|专题|全体|常委)会议?$|^(全国|全省|全区|全市|国家|省|市|区|县)?"
                            r"(阶段|级|层面|范围|行业|主题|专项|系列)+[\u4e00-\u9fff]{2,3}$")


def names_one_event(name: str, places: list[str]) -> bool:
    """Whether ``name`` (found by its event word) names one event rather than a kind."""
    if (len(name) < 4 or _GENERIC_EVENT_HEAD.match(name)) and not EDITION.search(name):
        return False
    if name.startswith("暨") or (name.endswith(("仪式", "典礼", "庆典")) and "赛" in name):
        return False  # the second of two joined names alone; a contest's own ceremony is the contest's
    return not (_ROUTINE_EVENT.search(name) or (len(name) <= 6 and not _event_anchored(name, places)))


# Words that say which event a name is: a scope, a year, an edition or a quoted brand.
EVENT_ANCHOR = re.compile(r"中国|中[美欧日韩德法英俄非外]|全国|全省|全区|全市|全州|全县|国际|中央|国家|世界|[省市县州]|"
                           r"\d{4}年|第[一二三四五六七八九十百\d]+[届期次]|首届|首期|[“”\"]|[A-Z]{2,}")
def _event_anchored(name: str, places: list[str]) -> bool:
    """Whether an event's name says which event it is (a place, scope, year, edition
    or quoted brand), not only what kind (主题论坛, 行业比赛)."""
    return bool(EVENT_ANCHOR.search(name)) or any(p in name for p in places)


# What a name may hold and still say only a kind, an edition, a year and a level, which
# many places' events share (第五届创新创业大赛, 2023年全市科技工作会议); a national scope,
# a quotation or a brand in Latin letters says which one (中国创新创业大赛, “星河杯”大赛).
_NATIONWIDE = re.compile(r"中国|全国|国家|中央|世界|国际|[“”\"《》「」]|[A-Za-z]")
_KIND_WORDS = ("工作", "创客", "技能", "职业技能", "就业", "科普", "转化", "经验", "交流", "推进", "年度")
_SHARED_WORDS = re.compile("(?:" + "|".join(map(re.escape, sorted({*GENERIC_WORDS, *DOMAIN_WORDS, *_KIND_WORDS},
                                                                   key=len, reverse=True)))
                           + r"|\d{4}年度?|" + EDITION.pattern + ")*")
_KIND_ENDS = sorted({s for s, _ in EVENT_SUFFIXES}, key=len, reverse=True)


def local_event(name: str) -> bool:
    """Whether an event's name says only its kind, edition, year and level (第五届创新创业大赛,
    全市科技工作会议), so that it is one place's event, not one shared by every article."""
    kind = next((k for k in _KIND_ENDS if name.endswith(k)), None)
    rest = name[:-len(kind)] if kind else None
    return rest is not None and not _NATIONWIDE.search(rest) and bool(_SHARED_WORDS.fullmatch(rest))


def local_events(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each event named by :func:`local_event` marked ``scope=local``."""
    return [replace(m, attrs=tuple(sorted({**dict(m.attrs), "scope": "local"}.items())))
            if m.category == "Event" and local_event(m.surface) else m for m in mentions]
