"""What the text says about events and carriers: dates, places and venues, themes,
prizes and their winners, and what kind of carrier a named place
is (创业园是某市首批省级众创空间)."""

from __future__ import annotations

import re
from dataclasses import replace

from sckg.extract.agencies import sentence_start
from sckg.extract.lexicon import CARRIER_TYPE_WORDS, ZONE_CLASSES
from sckg.extract.names import SUFFIXES, suffix_names
from sckg.extract.words import has_known_verb
from sckg.model import Article, Mention, Relation

DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:至(?:(\d{1,2})月)?(\d{1,2})日)?")
LEVELS = {"国家级": "national", "国家": "national", "省级": "provincial", "自治区级": "provincial", "自治区": "provincial",
           "市级": "prefectural", "州级": "prefectural", "地级": "prefectural", "县级": "county"}
_LEVEL_RE = "|".join(sorted(LEVELS, key=len, reverse=True))
_TYPE_RE = "|".join(re.escape(w) for w, _ in CARRIER_TYPE_WORDS)
CARRIER_CLASS = dict(CARRIER_TYPE_WORDS)
_APPOSITION = re.compile(
    rf"(?P<head>[\u4e00-\u9fff]{{2,4}})是(?P<mid>[^，。；]{{0,16}}?)(?P<level>{_LEVEL_RE})?"
    rf"(?P<type>{_TYPE_RE})")
# What names a carrier's kind after its name, before a level and a type word: X等N家众创空间,
# X等N家载体认定为市级孵化器, X被省科技厅确定为2019年度省级星创天地.
COUNTED_AS = (r"(?:等[\d一二三四五六七八九十两百]+[家个所](?:单位|机构|载体)?(?:转型)?(?:认定|备案|确定|确认|被?纳入)?为?"
              r"|被(?:[^，。；、]{2,8}?)?(?:认定|评|命名|确定|备案)为|获批为?|入选为?)(?:\d{4}年度?)?")
# The sort of carrier a kind's word may be led by: 市级专业型孵化器, 市级创业孵化基地.
SORT = "(?:专业型|综合型|创业|科技(?=孵化器))?"
_AMONG = re.compile(rf"{COUNTED_AS}(?P<level>{_LEVEL_RE})?{SORT}(?P<type>{_TYPE_RE})")
_PRIZES = "特等奖|一等奖|二等奖|三等奖|优胜奖|优秀奖|金奖|银奖|铜奖|头筹|冠军|亚军|季军"
_NOT_WON = "(?![争赛杯])"  # 冠军争夺赛, 冠军杯: a contest's name, no prize won
_PRIZE = re.compile(f"({_PRIZES}){_NOT_WON}")
# A prize with the group it was won in (企业组一等奖): one award of a contest that has several.
_GROUP_PRIZE = re.compile(r"(?:(?:初创企业|成长企业|企业|团队|创客|初创|成长|青年|大学生|高校|社会|行业|创意|创新|创业|毕业生?|在校生)组)?"
                          f"(?:{_PRIZES}){_NOT_WON}")
_WINNING_BODIES = {"Company", "University", "InnovationCarrier", "ResearchInstitute", "Cooperative"}
_THEME = re.compile(r"以[“\"]([^”\"]{2,40})[”\"]为主题")
_MAIN_VENUE = re.compile(r"主会场设在")
_SUB_VENUE = re.compile(r"([\u4e00-\u9fff]{2,6})分会场")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
_BACK_REFERENCE = re.compile(r"(本届|本次|该|此次)[\u4e00-\u9fff]{0,4}(活动周|大赛|培训班|活动|会议)")
_HELD_BY = re.compile(r"([\u4e00-\u9fff]{2,6})(举办|举行|主办)(了)?$")
_HELD_IN = re.compile(r"在([\u4e00-\u9fff]{2,8})(举办|举行|召开|开班|开幕)")


def iso(year: str | None, month: str, day: str, default_year: str | None) -> str | None:
    """``YYYY-MM-DD`` from parts, the year defaulting to the article's."""
    year = year or default_year
    if not year or not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def sentences(text: str):
    return _SENTENCE.finditer(text)


def _in(m: Mention, s0: int, s1: int) -> bool:
    return s0 <= m.start and m.end <= s1


def event_details(text: str, mentions: list[Mention], year: str | None) -> tuple[list[Mention], list[Relation]]:
    """Dates, venues and themes of the events in ``text``; returns updated mentions."""
    mentions = list(mentions)
    relations: list[Relation] = []
    last_event: int | None = None
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        events = [i for i, m in enumerate(mentions) if m.category == "Event" and _in(m, s0, s1)]
        if not events and last_event is not None and _BACK_REFERENCE.search(text[s0:s1]):
            events = [last_event]  # 本届活动周… refers back to the event just named
        if not events:
            continue
        last_event = events[-1]
        places = [i for i, m in enumerate(mentions) if m.category == "Place" and _in(m, s0, s1)]
        date = DATE.search(text, s0, s1)
        for i in events:
            attrs = dict(mentions[i].attrs)
            if date and "date" not in attrs and _in(mentions[i], s0, s1):
                y, mo, d, mo2, d2 = date.groups()
                start = iso(y, mo, d, year)
                if start:
                    attrs["date"] = start
                    if d2:
                        end = iso(y, mo2 or mo, d2, year)
                        if end:
                            attrs["end_date"] = end
            held_by = _HELD_BY.search(text[s0:mentions[i].start])
            if held_by and not mentions[i].attr("qualified"):
                for p in places:
                    if mentions[p].end == s0 + held_by.end(1) and mentions[p].surface == held_by.group(1)[-len(mentions[p].surface):]:
                        attrs["qualified"] = mentions[p].surface + mentions[i].surface
                        relations.append(Relation("location", i, p))
            theme = _THEME.search(text, s0, s1)
            if theme:
                attrs["theme"] = theme.group(1)
            mentions[i] = replace(mentions[i], attrs=tuple(sorted(attrs.items())))
            held = _HELD_IN.search(text[s0:s1])
            for p in places:
                pm = mentions[p]
                if held and pm.surface in held.group(1):
                    relations.append(Relation("location", i, p))
            main = _MAIN_VENUE.search(text, s0, s1)
            if main:
                chain, pos = [], main.end()
                for p in sorted(places, key=lambda p: mentions[p].start):
                    if mentions[p].start == pos:  # 河南省郑州市: the last of adjacent places
                        chain.append(p)
                        pos = mentions[p].end
                if chain:
                    relations.append(Relation("mainVenue", i, chain[-1]))
            for sub in _SUB_VENUE.finditer(text, s0, s1):
                # Every place listed in the clause before 分会场 (宝鸡、咸阳设分会场).
                clause = max(text.rfind(c, s0, sub.end(1)) for c in "，,；;。") + 1
                for p in places:
                    if mentions[p].start >= max(clause, s0) and mentions[p].end <= sub.end(1):
                        relations.append(Relation("subVenue", i, p))
    return mentions, relations



def title_events(article: Article, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """The events the article's title line names (第八届某某大赛决赛结果揭晓) when the body
    names no event of their kind (only 大赛, 本届大赛): the title's reading of them."""
    heading = next((b for b in article.blocks if b.kind == "title"), None)
    if heading is None:
        return []
    title = article.clean[heading.start:heading.end]
    kinds = {m.cls for m in mentions if m.category == "Event"}  # (a variant of the title's name is one)
    return [replace(m, start=m.start + heading.start, end=m.end + heading.start)
            for m in suffix_names(title, places) if m.category == "Event" and m.cls not in kinds]


_TITLE_BODIES = {"InnovationCarrier", "Company", "University", "ResearchInstitute", "PublicInstitution", "Association",
                 "Cooperative"}


def title_bodies(article: Article, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """The carriers, firms and institutions the title line names (某某众创空间获批国家级) that
    the body names in no form of its own (neither the same name, a longer nor a shorter one)."""
    heading = next((b for b in article.blocks if b.kind == "title"), None)
    if heading is None:
        return []
    title = article.clean[heading.start:heading.end]
    known = [m.surface for m in mentions if m.category in _TITLE_BODIES]
    return [replace(m, start=m.start + heading.start, end=m.end + heading.start)
            for m in suffix_names(title, places) if m.category in _TITLE_BODIES
            and not any(m.surface in k or k in m.surface for k in known)
            and not has_known_verb(m.surface)  # (a headline's verb: 某省部署众创空间建设)
            and (m.cls in ZONE_CLASSES or _own_words(m.surface, places))]


def _own_words(name: str, places: list[str]) -> str:
    """What ``name`` says beyond its place and its kind (湖南省大学科技园: nothing, a kind of
    the province's; 成都高新区锦城众创空间: 高新区锦城)."""
    rest = next((name[len(p):] for p in sorted(places, key=len, reverse=True) if name.startswith(p)), name)
    rest = re.sub(r"^(?:省|市|自治区|县|区)", "", rest)
    suffix = next((w for w, _, _ in SUFFIXES if rest.endswith(w)), "")
    return rest[:len(rest) - len(suffix)]



def awards(text: str, mentions: list[Mention]) -> list[Relation]:
    """Prizes: a person in a sentence with a competition and a prize won; else each prize
    of a sentence, won by the person or else the body its clause names before it, in the
    competition the sentence names (某公司的某项目获得企业组一等奖). A sentence that names
    none is :func:`later_awards`'s."""
    out = []
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        prize = _PRIZE.search(text, s0, s1)
        if not prize:
            continue
        comps = [i for i, m in enumerate(mentions) if m.cls == "Competition" and _in(m, s0, s1)]
        people = [i for i, m in enumerate(mentions) if m.category == "Person" and _in(m, s0, s1)]
        projects = [i for i, m in enumerate(mentions) if m.category == "Project" and _in(m, s0, s1)]
        if comps and people:
            out.append(Relation("winner", people[-1] if len(people) > 1 and prize.start() > mentions[people[-1]].start else people[0],
                                comps[-1], prize.group(0)))
            if projects:
                out.append(Relation("forProject", comps[-1], projects[0], prize.group(0)))
            continue
        if comps:
            out += _clause_awards(text, mentions, comps[-1], s0, s1)
    return out


def later_awards(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """Prizes of a sentence that names no competition (最终某公司取得了企业组一等奖), in the
    competition the article named last before it (in its title, an earlier paragraph or
    sentence); ``text`` is the article's clean text, ``relations`` those read so far."""
    won = {r.subject for r in relations if r.kind == "winner"}
    competitions = [i for i, m in enumerate(mentions) if m.cls == "Competition"]
    out = []
    for sentence in _LINE_SENTENCE.finditer(text):
        s0, s1 = sentence.span()
        if not _PRIZE.search(text, s0, s1) or any(_in(mentions[i], s0, s1) for i in competitions) \
                or any(_in(mentions[i], s0, s1) for i in won):
            continue
        earlier = [i for i in competitions if mentions[i].end <= s0]
        if earlier:
            out += _clause_awards(text, mentions, max(earlier, key=lambda i: mentions[i].end), s0, s1)
    return out


_LINE_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")  # (a title line is no part of the body's first sentence)


def _clause_awards(text: str, mentions: list[Mention], comp: int, s0: int, s1: int) -> list[Relation]:
    """Each prize of the sentence ``s0:s1`` with the winner and project its own clause names."""
    out = []
    for prize in _GROUP_PRIZE.finditer(text, s0, s1):
        c0 = max(s0, *(text.rfind(c, s0, prize.start()) + 1 for c in "，；,;"))
        inside = [i for i, m in enumerate(mentions) if c0 <= m.start and m.end <= prize.start()]
        people = [i for i in inside if mentions[i].category == "Person"]
        bodies = [i for i in inside if mentions[i].category in _WINNING_BODIES]
        winner = people[-1] if people else bodies[0] if bodies else None
        if winner is None:
            continue
        out.append(Relation("winner", winner, comp, prize.group(0)))
        project = next((i for i in inside if mentions[i].category == "Project"), None)
        if project is not None:
            out.append(Relation("forProject", comp, project, prize.group(0)))
    return out


def carrier_kinds(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Relation]]:
    """Type, level and place of carriers the text describes: X是…级众创空间; X等N家众创空间."""
    mentions = list(mentions)
    relations: list[Relation] = []
    carriers = [i for i, m in enumerate(mentions) if m.category == "InnovationCarrier"]
    for m in _APPOSITION.finditer(text):
        head = m.group("head")
        match = [i for i in carriers if mentions[i].surface.endswith(head[-3:]) and mentions[i].start < m.start()]
        if not match:
            continue
        i = match[-1]
        attrs = dict(mentions[i].attrs)
        if m.group("level"):
            attrs["level"] = LEVELS[m.group("level")]
        mentions[i] = replace(mentions[i], cls=CARRIER_CLASS[m.group("type")], attrs=tuple(sorted(attrs.items())))
        for p, pm in enumerate(mentions):
            if pm.category == "Place" and m.start("mid") <= pm.start and pm.end <= m.end("mid"):
                relations.append(Relation("locatedIn", i, p))
    for m in _AMONG.finditer(text):  # 甲、乙等21家载体被纳入省级众创空间: the whole list
        _recognised(_listed_before(text, mentions, carriers, m.start()), mentions, m)
    for m in _LISTED_AS.finditer(text):
        listed = _listed_before(text, mentions, carriers, m.start())  # 认定甲、乙、丙为市级创业孵化基地
        if listed and _RECOGNISING.search(text, sentence_start(text, mentions[listed[-1]].start), mentions[listed[-1]].start):
            _recognised(listed, mentions, m)
    return mentions, relations


def _listed_before(text: str, mentions: list[Mention], carriers: list[int], end: int) -> list[int]:
    """The carriers of the 、-list that ends at ``end``, item by item from the last."""
    listed = []
    while True:
        item = next((i for i in carriers if mentions[i].end == end), None)
        if item is None:
            return listed
        listed.append(item)
        joined = _ITEM_JOIN.search(text, max(0, mentions[item].start - 16), mentions[item].start)
        if joined is None:
            return listed
        end = joined.start()  # (甲(郫都区)、乙: an item's note in brackets before the mark)


_ITEM_JOIN = re.compile(r"(?:[(（][^()（）、，。]{1,12}[)）])?、$")


# 认定甲、乙为市级创业孵化基地: a list recognised as a level and kind (a level, so that 为 is
# no preposition: 某基地为众创空间提供服务).
_LISTED_AS = re.compile(rf"为(?:\d{{4}}年度?)?(?P<level>{_LEVEL_RE}){SORT}(?P<type>{_TYPE_RE})")
_RECOGNISING = re.compile(r"认定|确定|命名|备案|批准|同意|授予|评为|列为|公布")


def _recognised(items: list[int], mentions: list[Mention], m: re.Match) -> None:
    """The carriers ``items`` take the kind and level ``m`` (a match with ``type`` and
    ``level`` groups) recognises them as."""
    for i in items:
        attrs = dict(mentions[i].attrs)
        if m.group("level"):
            attrs["level"] = LEVELS[m.group("level")]
        mentions[i] = replace(mentions[i], cls=CARRIER_CLASS[m.group("type")], attrs=tuple(sorted(attrs.items())))
