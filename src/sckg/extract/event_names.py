"""What makes an event's name the name of one event: an edition, a year, a scope, a
place or a quoted brand (2017年全国农业科技工作会议, 第三届“某某杯”大赛), not only a kind
(主题论坛, 本次大赛, 市政府常务会议)."""

from __future__ import annotations

import re

from sckg.extract.lexicon import EVENT_SUFFIXES, SURNAMES
from sckg.extract.words import common_word, head_words, tag, word_count
from sckg.model import Mention

_THIS_EVENT = re.compile(r"(本次|本届|此次|这次|这届|该次)[\u4e00-\u9fff]{0,4}$")  # 很高兴本次大会: this one, unnamed
# 天津赛区比赛 alone: a region's round of a contest named elsewhere, not the contest's name.
_ROUND_ALONE = re.compile(r"[\u4e00-\u9fff]{2,7}?分?赛区(?:比赛|决赛|总决赛|复赛|初赛|半决赛)")
_HEADCOUNT = re.compile(r"\d+(?:余|多)?[人名位]")
EVENT_PAREN, EVENT_REGION = re.compile(r"[(（](?!以下|下称|简称)[^()（）]{1,10}[)）]"), re.compile(
    r"(?<=[赛周])([\u4e00-\u9fff]{2,7}?)(?:分?赛区|分会场(?:活动)?|活动(?![周中]))")  # (a region's round of an event)
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
    if name.startswith(("暨", *_JOINED_RITES)) or (name.endswith(("仪式", "典礼", "庆典")) and "赛" in name):
        return False  # the second of two joined names alone (or after a rite's word); a contest's own ceremony
    if _HEADCOUNT.search(name) or _ROUND_ALONE.fullmatch(name):
        return False  # 代表320余人观摩比赛: a clause about who came, no event's name
    if (core := _KIND_ONLY.sub("", name)) in _EVENT_WORDS and len(core) <= 3:
        return False  # 第八次会议, 首届比赛, 全国性创业比赛: an edition or a scope of a bare kind
    return not (_ROUTINE_EVENT.search(name) or (len(name) <= 6 and not quoted and not _event_anchored(name, places)))


# Words that say which event a name is: a scope, a year, an edition or a quoted brand.
EVENT_ANCHOR = re.compile(r"中国|中[美欧日韩德法英俄非外]|全国|全省|全区|全市|全州|全县|国际|中央|国家|世界|[省市县州]|"
                           r"\d{4}年|第[一二三四五六七八九十百\d]+[届期次]|首届|首期|[“”\"]|[A-Z]{2,}")
def _event_anchored(name: str, places: list[str]) -> bool:
    """Whether an event's name says which event it is (a place, scope, year, edition,
    quoted brand or proper name: 达沃斯论坛), not only what kind (主题论坛, 行业比赛)."""
    return bool(EVENT_ANCHOR.search(name)) or any(p in name for p in places) or _proper_head(name)


_EVENT_WORDS = tuple(sorted((s for s, _ in EVENT_SUFFIXES), key=len, reverse=True))
_KIND_ONLY = re.compile(r"\d{4}年|第?[一二三四五六七八九十百\d]+[届期次]|首届|首期|(?:全国|全省|全市|全区)性")


def _proper_head(name: str) -> bool:
    """Whether the words before an event's kind hold a proper name that jieba knows as
    a place's or person's and seldom meets (达沃斯, 博鳌, 乌镇), not a common word."""
    head = next((name[:-len(w)] for w in _EVENT_WORDS if name.endswith(w)), name)
    return any(flag in ("ns", "nr", "nrt") and len(word) >= 2 and word_count(word) < 200
               for word, flag in head_words(head))


OPENING, CLOSING = ("“", '"', "「", "『"), ("”", '"', "」", "』")


def quoted_from(text: str, start: int, suffix_start: int, end: int) -> int | None:
    """Where a name the text sets in quotation marks starts (after its opening mark),
    when the left scan stopped inside it (“某到某众创空间”: 到 ends no name there); None
    when the name is not quoted whole."""
    if text[end:end + 1] not in CLOSING or text[start - 1:start] in OPENING:
        return None
    for i in range(start - 1, max(-1, suffix_start - 16), -1):
        if text[i] in OPENING:
            return i + 1
        if text[i] in CLOSING or text[i] in "，。；：,;:、\n":
            return None
    return None


_DURATION = re.compile(r"[+＋]?\s*[\d一二三四五六七八九十]+\s*(?:分钟|秒钟?|小时)")  # 5分钟项目路演: a pitch's format
_DAY = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*")


def event_start(text: str, start: int, end: int) -> int | None:
    """Where an event's name starts, past a day it is held on (5月19日科技活动周: 科技活动周);
    None when what was read is no name: a format (5分钟项目路演), or a stretch that starts
    inside a word of the sentence (常委会第十二次会议 read from 会)."""
    if _DURATION.match(text, start) and text.endswith("路演", start, end):
        return None  # (48小时某某挑战赛 is a contest's name)
    spoke = _person_and_speech(text, start, end)
    if spoke:  # 某某致大赛开幕辞, 某某分别做大会报告: a person and a verb before the kind of event
        start += spoke
        if end - start < 6 or not names_one_event(text[start:end], []):
            return None
    day = _DAY.match(text, start)
    if day and end - day.end() >= 4:
        start = day.end()
    if start and "\u4e00" <= text[start - 1] <= "\u9fff" and "\u4e00" <= text[start] <= "\u9fff":
        window = max(0, start - 4)
        if any(a + window < start < b + window for _, a, b in _tokens(text[window:start + 4])):
            return None
    return start


def _tokens(stretch: str) -> list[tuple[str, int, int]]:
    import jieba

    return list(jieba.tokenize(stretch))


_SPEECH_VERBS = ("分别做", "分别作", "分别致", "主持", "代表", "致", "做", "作")  # (某某代表大会致辞: on its behalf)


def _person_and_speech(text: str, start: int, end: int) -> int:
    """The length of a personal name and a verb of speaking at ``start`` (谢某某致), or 0."""
    if text[start] not in SURNAMES:
        return 0
    for k in (3, 2):
        name = text[start:start + k]
        verb = next((v for v in _SPEECH_VERBS if text.startswith(v, start + k)), None)
        if verb and tag(name) in ("nr", "") and not common_word(name) and start + k + len(verb) < end:
            return k + len(verb)
    return 0


_CEREMONIES = ("启动仪式", "开幕仪式", "开幕式", "闭幕式", "启动会", "颁奖典礼", "颁奖仪式", "开班仪式", "开营仪式")
_OWN_KINDS = tuple(w for w in _EVENT_WORDS if w not in ("仪式", "典礼", "庆典", "会", "会议", "大会"))


def ceremony_events(mentions: list[Mention]) -> list[Mention]:
    """The event a ceremony is held for (某活动周启动仪式, 某大赛颁奖典礼: the week, the
    contest), named inside the ceremony's name, where no mention holds it already."""
    spans = {(m.start, m.end) for m in mentions}
    out = []
    for m in mentions:
        ceremony = next((c for c in _CEREMONIES if m.category == "Event" and m.surface.endswith(c)), None)
        inner = m.surface[:len(m.surface) - len(ceremony)] if ceremony else ""
        kind = next((w for w in _OWN_KINDS if inner.endswith(w)), None)
        if kind and len(inner) > len(kind) + 1 and (m.start, m.start + len(inner)) not in spans:
            cls = next(c for w, c in EVENT_SUFFIXES if w == kind)
            edition = EDITION.search(inner)
            out.append(Mention(inner, m.start, m.start + len(inner), "Event", cls,
                               (("edition", edition.group(0)),) if edition else ()))
    return out


_JOINED_RITES = ("仪式暨", "典礼暨", "大会暨")
_CONTEST_END = re.compile(r"赛(?:区|[(（][^()（）]{1,8}[)）])?$")


def joined_rite(text: str, verb_start: int, verb_end: int) -> bool:
    """Whether the ceremony verb at ``verb_start:verb_end`` is a rite's joined to another event
    (某项目签约仪式暨某推介会) and belongs to that name; a contest's own ceremony (某大赛启动仪式暨…)
    is the contest's, no event's name."""
    return text.startswith(_JOINED_RITES, verb_end) and not _CONTEST_END.search(text, max(0, verb_start - 12), verb_start)
