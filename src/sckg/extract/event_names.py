"""What makes an event's name the name of one event: an edition, a year, a scope, a
place or a quoted brand (2017年全国农业科技工作会议, 第三届“某某杯”大赛), not only a kind
(主题论坛, 本次大赛, 市政府常务会议); and where an event's name starts after the verbs
of its sentence."""

from __future__ import annotations

import re

from sckg.extract.lexicon import DOMAIN_WORDS, GENERIC_WORDS
from sckg.extract.words import tag, tagger

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
    return not (_ROUTINE_EVENT.search(name) or (len(name) <= 6 and not _event_anchored(name, places)))


# Words that say which event a name is: a scope, a year, an edition or a quoted brand.
EVENT_ANCHOR = re.compile(r"中国|中[美欧日韩德法英俄非外]|全国|全省|全区|全市|全州|全县|国际|中央|国家|世界|[省市县州]|"
                           r"\d{4}年|第[一二三四五六七八九十百\d]+[届期次]|首届|首期|[“”\"]|[A-Z]{2,}")
# Verbs that are part of what an event is about (创新创业大赛, 认定管理培训会).
_TOPIC_VERBS = frozenset(GENERIC_WORDS) | frozenset(DOMAIN_WORDS) | {"管理", "设计", "选拔", "交流", "对接"}


def _event_anchored(name: str, places: list[str]) -> bool:
    """Whether an event's name says which event it is (a place, scope, year, edition
    or quoted brand), not only what kind (主题论坛, 行业比赛)."""
    return bool(EVENT_ANCHOR.search(name)) or any(p in name for p in places)


def after_last_verb(text: str, start: int, end: int) -> int:
    """Where an event's name starts after the last verb before its event word: a name
    holds no verb of the sentence (…要认真学习领会中央经济工作会议, 团队进入国家大赛), but
    the verbs of its topic (创新创业大赛) and those inside quotation marks stay."""
    pos, cut, quoted = start, start, False
    for w in tagger().cut(text[start:end]):
        word = w.word
        if word in "“”\"":
            quoted = not quoted if word == '"' else word == "“"
        elif (not quoted and w.flag == "v" and word not in _TOPIC_VERBS
              and ((len(word) >= 2 and tag(word) == "v") or word == "要")):
            cut = pos + len(word)
        pos += len(word)
    return cut if end - cut >= 2 or cut == start else start


def qualifies_meeting(word: str) -> bool:
    """Whether ``word`` is one noun of jieba's dictionary (工作, 现场, 经验) that can stand
    between what a meeting is about and its event word."""
    return 2 <= len(word) <= 3 and tag(word) in ("n", "vn")
