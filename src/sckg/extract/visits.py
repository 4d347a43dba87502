"""Inspection visits: a person who goes somewhere to inspect (某某率队赴某地调研), told with
its day in the body, or told by the title line and led by the first person the body
names; each visit an event with its date, its visitors and what or where it visited."""

from __future__ import annotations

import re

from sckg.extract.events import DATE, iso, sentences
from sckg.extract.lexicon import TITLES
from sckg.model import Article, Mention, Relation

# What follows a visitor's name: whom they lead (率团, 带领…), where they go (赴, 来, 前往) and
# the visit verb; or the visit verb at once (调研某地某工作).
_LEAD = r"(?:率团|率队|带队|等?一行(?:[\d一二三四五六七八九十]+人)?|(?:带领|率领|率)[^，。；,]{1,40}?)"
_VISIT_AFTER = re.compile(
    rf"{_LEAD}?(?:(?:赴|到|来到|来|在|前往|深入|莅临|走进)(?P<target>[^，。；,]{{1,50}}?)|)(?:就[^，。；,]{{2,24}}?)?(?:(?:进行|开展)[^，。；,]{{0,8}}?)?"
    r"(?:考察调研|调研|考察|视察|走访|督导|参观)(?!组|员|报告)")


def visits(text: str, mentions: list[Mention], year: str | None) -> tuple[list[Mention], list[Relation]]:
    """Inspection visits: a person, then whom they lead, where they go and the visit verb
    (某某到某地调研, 某某率团赴某地考察调研, 某某带队来某地调研, 某某调研某地某工作) in a
    sentence that gives the day; one visit a sentence, each an event with that date."""
    mentions = list(mentions)
    relations: list[Relation] = []
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        visit = _first_visit(text, mentions, s0, s1)
        if visit is None:
            continue
        person, (t0, t1), verb_end = visit
        clause_end = min([k for k in (text.find(c, verb_end, s1) for c in "，。；,") if k != -1] or [s1])
        date = DATE.search(text, s0, s1)
        day = date and iso(date.group(1), date.group(2), date.group(3), year)
        if not day:
            continue  # a visit is told with its day (8月20日,…); without one it is background
        attrs = {"date": day}
        targets = [i for i, t in enumerate(mentions) if t.category != "Person" and t0 <= t.start and t.end <= t1]
        start = mentions[person].start
        label = re.search(r"(?:发布)?(?:时间|日期)[:：]", text[start:clause_end])  # (a page's metadata run into it)
        clause_end = start + label.start() if label else clause_end
        meta = _TITLE_META.search(text, start, clause_end)  # (a line that runs on into its byline and date)
        clause_end = meta.start() if meta else clause_end
        mentions.append(Mention(text[start:clause_end], start, clause_end, "Event", "InspectionVisit",
                                tuple(sorted(attrs.items()))))
        event = len(mentions) - 1
        relations += [Relation("visitor", event, p) for p in _fellow_visitors(text, mentions, person)]
        for t in targets:  # a place is where the visit was; what it went to is an organisation
            relations.append(Relation("location" if mentions[t].category == "Place" else "visited", event, t))
    return mentions, relations


def _fellow_visitors(text: str, mentions: list[Mention], person: int) -> list[int]:
    """The visitor and those listed before them in one clause (某镇镇长甲、某中心副主任乙
    等一行四人到某地考察: both visit), nearest first."""
    found, current = [person], mentions[person]
    while True:
        before = [i for i, m in enumerate(mentions) if m.category == "Person" and m.end < current.start]
        nearest = max(before, key=lambda i: mentions[i].end, default=None)
        if nearest is None or text[mentions[nearest].end:mentions[nearest].end + 1] != "、" \
                or _CLAUSE_BREAK.search(text, mentions[nearest].end, current.start):
            return found  # (甲、乙陪同丙到某地调研: 乙 accompanies, the list ends)
        found.append(nearest)
        current = mentions[nearest]


_CLAUSE_BREAK = re.compile(r"[，。；,;]")
# A title telling a visit (某某一行调研某园, 某局赴某地考察), not a meeting, contest or notice.
_TITLE_VISIT = re.compile(r"调研|考察|视察|走访|参访|观摩|到访|来访|莅临")
_NOT_A_VISIT = re.compile(r"大赛|比赛|会议|大会|座谈|论坛|培训|活动周|通知|公示|名单|办法|方案|意见|签约|揭牌|开幕|举办|召开")


def title_visit(article: Article, mentions: list[Mention], year: str | None) -> tuple[Mention, int] | None:
    """The visit an article's title line tells when the body names none with its day: an
    inspection visit over the title, dated by the first day the body gives (with the
    article's year), and its visitor, the first person of the body the title names; None
    for a title that tells no visit or names no such person, or a meeting, a contest or
    a notice."""
    heading = next((b for b in article.blocks if b.kind == "title"), None)
    title = article.clean[heading.start:heading.end] if heading else None
    if not title or len(title) > 48 or any(m.cls == "InspectionVisit" for m in mentions):
        return None
    if not _TITLE_VISIT.search(title) or _NOT_A_VISIT.search(title):
        return None
    visitor = next((i for i, m in enumerate(mentions) if m.category == "Person" and m.surface in title), None)
    if visitor is None:  # 某市发改委调研某孵化器: the body's first sentence of the visit names who led it
        visitor = _lead_visitor(article.clean, mentions, heading.end)
    if visitor is None:
        return None
    date = DATE.search(article.body)
    day = date and iso(date.group(1), date.group(2), date.group(3), year)
    lead = _TITLE_LEAD.match(title)  # 【某某要闻】, 某区:, a slogan——: the page's or the headline's, not the visit's
    start = heading.start + (lead.end() if lead and _TITLE_VISIT.search(title, lead.end()) else 0)
    meta = _TITLE_META.search(article.clean, start, heading.end)  # …调研 某某工委 某某 2023年11月30日11:09
    end = meta.start() if meta else heading.end
    return Mention(article.clean[start:end], start, end, "Event", "InspectionVisit",
                   (("date", day),) if day else ()), visitor


_TITLE_META = re.compile(r"\s+(?:\S+\s+){0,3}(?:\d{4}年\d{1,2}月|\d{4}-\d{1,2}-\d{1,2}|来源|发布|作者)")


_TITLE_LEAD = re.compile(r"(?:【[^】]{1,12}】|[\u4e00-\u9fff]{2,6}[:：]|[^——]{4,30}——)\s*")


def _lead_visitor(text: str, mentions: list[Mention], after: int) -> int | None:
    """The first person of the first sentence after ``after`` (within 300 characters) that
    tells a visit, named before its visit word and not as a host (陪同, 接待)."""
    for sentence in sentences(text):
        s0, s1 = sentence.span()
        s0 = max(s0, after)
        verb = _TITLE_VISIT.search(text, s0, s1) if s1 > after else None
        if s0 > after + 300 or verb is None:
            continue
        people = [i for i, m in enumerate(mentions) if m.category == "Person" and s0 <= m.start < verb.start()]
        first = min(people, key=lambda i: mentions[i].start, default=None)
        if first is None or _HOST.search(text, s0, mentions[first].end + 3):  # (在某某陪同下: a host)
            return None
        return first
    return None


_HOST = re.compile(r"陪同|接待|迎接|欢迎")


def _first_visit(text: str, mentions: list[Mention], s0: int, s1: int):
    """The first person of a sentence whom a visit verb follows, as ``(person index,
    target span, end of the verb)``, or None; with no place word (赴, 到 …) the target is
    what the verb governs up to the end of its clause."""
    people = sorted((p.start, i) for i, p in enumerate(mentions)
                    if p.category == "Person" and s0 <= p.start and p.end <= s1)
    starts = {mentions[i].start: i for _, i in people}
    for _, i in people:
        pos = mentions[i].end
        while True:  # 某某副市长一行调研, 甲、乙赴某地考察: past the titles and the names listed after
            title = next((t for t in TITLES if text.startswith(t, pos)), None)
            if title:
                pos += len(title)
            elif text[pos:pos + 1] == "、" and pos + 1 in starts:
                pos = mentions[starts[pos + 1]].end
            else:
                break
        m = _VISIT_AFTER.match(text, pos, s1)
        if not m:
            continue
        if m.group("target"):
            return i, m.span("target"), m.end()
        clause = min([k for k in (text.find(c, m.end(), s1) for c in "，。；,") if k != -1] or [s1])
        return i, (m.end(), clause), m.end()
    return None
