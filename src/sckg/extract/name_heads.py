"""Where a name starts after the words of its sentence: an event's after the last verb
before its event word (…要认真学习领会中央某某工作会议), an agency's after the last verb,
preposition, time word or pronoun (记者从市科技局获悉). Both read jieba's cut, which
keeps its dictionary words whole (开发区, 创新创业). :func:`qualifies_meeting` says which noun
may stand between what a meeting is about and its event word (体系建设工作推进会)."""

from __future__ import annotations

import re

from sckg.extract.lexicon import DOMAIN_WORDS, GENERIC_WORDS
from sckg.extract.words import NOUN_TAGS, noun_starts, tag, tagger

# Verbs that are part of what an event is about (创新创业大赛, 认定管理培训会).
_TOPIC_VERBS = frozenset(GENERIC_WORDS) | frozenset(DOMAIN_WORDS) | {"管理", "设计", "选拔", "交流", "对接", "制造"}
# Verbs that name a ceremony with the event word right after them (成立大会, 揭牌仪式).
CEREMONY_VERBS = frozenset({"成立", "揭牌", "授牌", "开园", "开业", "启动", "签约", "颁奖", "开幕", "启用", "推进",
                             "揭幕", "表彰", "总结"})
# What an agency's name starts with after the words of its sentence: a place, a level
# (市科技局), the party or the state.
_AGENCY_HEAD = re.compile(r"[省市县区州]|中共|中国|中华人民共和国|国家|国务院")
_CLAUSE_WORD_FLAGS = ("v", "p", "t", "r", "d", "c", "z", "i")  # (z, i: 认真落实, 贯彻落实)
_CLAUSE_WORDS = frozenset({"代表"})
JOINT_BODIES = re.compile(r"(?:[\u4e00-\u9fff]{0,8}?(?:省|市|区|县|州|党)委(?:省|市|区|县|州)?|党中央|中共中央)"
                          r"(?:和|及|、)?(?:政府|国务院)")


# Bodies whose names join two fields with 与 (成果转化与区域创新处), and the last
# characters of a name that is whole before 与 (科技局与…: two bodies).
FIELD_BODY_ENDS = ("处", "司", "联盟", "中心", "研究院", "研究所", "实验室", "委员会", "学院")
_WHOLE_NAME_ENDS = tuple("局厅委办院校所司处部会盟心园区府室站队组团社")


def joins_fields(text: str, i: int) -> bool:
    """Whether the 与 before ``i`` joins two fields inside a body's name: a noun (or verb)
    of two characters that ends no body's name comes before it, and a noun follows it.
    The caller checks that the name ends as such a body's does (``FIELD_BODY_ENDS``)."""
    if i < 3 or text[i - 2] in _WHOLE_NAME_ENDS or text.startswith(FIELD_BODY_ENDS, i):
        return False  # (方面与中心副主任: the body is 中心 itself, named before)
    return tag(text[i - 3:i - 1]) in (*NOUN_TAGS, "v") and noun_starts(text, i)


def agency_start(text: str, start: int, suffix_start: int, places: list[str]) -> int:
    """Where an agency's name starts after the last verb, preposition, time word or
    pronoun of its sentence before it (记者从市科技局获悉, 他代表某省科学技术厅,
    5月28日下午市政府): when what follows that word starts as an agency's name does.
    Names are cut by jieba, which keeps its dictionary words whole (开发区)."""
    pos, cut = start, None
    for w in tagger().cut(text[start:suffix_start]):
        if w.word == "与" and text.startswith(FIELD_BODY_ENDS, suffix_start) and suffix_start - pos >= 3 \
                and joins_fields(text, pos + 1):
            pass  # 技术创新与产业化联盟: 与 joins two fields of the name
        elif (w.flag.startswith(_CLAUSE_WORD_FLAGS) and not w.flag.startswith(("vn", "ns")) and w.word not in places
                or w.word in _CLAUSE_WORDS):
            cut = pos + len(w.word)
        pos += len(w.word)
    if cut is None:
        return start
    if cut == suffix_start or _AGENCY_HEAD.match(text, cut) or any(text.startswith(p, cut) for p in places):
        return cut
    return start


def after_last_verb(text: str, start: int, end: int) -> int:
    """Where an event's name starts after the last verb before its event word: a name
    holds no verb of the sentence (…要认真学习领会中央经济工作会议, 团队进入国家大赛), but
    the verbs of its topic (创新创业大赛), a ceremony's verb right before the event word
    (某联盟成立大会) and those inside quotation marks stay."""
    pos, cut, quoted = start, start, False
    for w in tagger().cut(text[start:end]):
        word = w.word
        if word in "“”\"":
            quoted = not quoted if word == '"' else word == "“"
        elif (not quoted and w.flag == "v" and word not in _TOPIC_VERBS
              and ((len(word) >= 2 and tag(word) == "v") or word == "要")
              and not (word in CEREMONY_VERBS and (pos + len(word) == end or text[pos + len(word)] == "暨"))):
            cut = pos + len(word)
        pos += len(word)
    return cut if end - cut >= 2 or cut == start else start


def qualifies_meeting(word: str) -> bool:
    """Whether ``word`` is one noun of jieba's dictionary (工作, 现场, 经验) that can stand
    between what a meeting is about and its event word."""
    return 2 <= len(word) <= 3 and tag(word) in ("n", "vn")
