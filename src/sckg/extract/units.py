"""Units and bodies named around posts: a department named after its agency (省科技厅高新处,
a 处 of the 厅; 某大学科研处), a department listed after a place's one (某盟科技局、农牧局: the
league's), and a body no ending announces, named right before a post and a name
(某试验区工科局副局长某某)."""

from __future__ import annotations

import re
from dataclasses import replace

from sckg.extract.lexicon import (CONTRACTED_TITLES, NOT_A_BUREAU, ORG_SUFFIXES, PARTY_BODIES, SHORT_BODY_ENDINGS, SUB_UNIT,
                                  TITLE_PATTERN, TITLE_RE, title_before)
from sckg.extract.names import left_edge, name_start
from sckg.model import Mention

# A department right after its agency, before a list mark or a post: 高新处、, 孵化器管理处副处长.
# A 科 (section) or a 组 (group) only before its own head's title: 某局高新科科长, 某局专家组组长.
_UNIT_AFTER = re.compile(r"[\u4e00-\u9fff]{1,14}?(处|司|办(?!公)|室|局)(?=[、，,和与等负(（]|相关|有关|工作人员|(?:[\u4e00-\u9fff]{2,3})?(?:"
                         + TITLE_RE + "))|[\u4e00-\u9fff]{1,8}?科(?=副?科长)|[\u4e00-\u9fff]{1,6}?组(?=副?组长)|[\u4e00-\u9fff]{1,8}?股(?=副?股长)")
# A department of a company, an institute or a university, named only before its head's
# title (某公司市场部经理, 某中心某研究部副部长, 某学院金融系教授).
_FIRM_UNIT = re.compile(r"(?!相关|有关|各)[\u4e00-\u9fff]{2,6}?(?:部|室|中心|系)(?=(?:相关|有关)?(?:" + TITLE_RE + "))")
# Verbs ending in 办 that follow an agency (某厅主办, 某局承办): no office of it.
_VERBS_IN_办 = ("主办", "承办", "协办", "举办", "创办", "开办", "督办", "交办", "合办", "联办", "兴办", "领办", "代办", "经办")
_MORE_UNIT = re.compile(r"、([\u4e00-\u9fff]{1,4}?(处|司|办|室))")
# A committee of a people's congress or a political consultative conference, right after
# it and before a post or a list mark: 省人大教科文卫工委主任, 市政协经济委副主任.
_COMMITTEE_OF = ("人大", "人大常委会", "政协", "常委会")
_COMMITTEE_AFTER = re.compile(r"[\u4e00-\u9fff]{2,10}?委(?=[、，,和与等]|" + TITLE_RE + ")")


def _committee(text: str, body: Mention) -> re.Match | None:
    """The committee named right after a congress or a conference (教科文卫工委), or None."""
    m = _COMMITTEE_AFTER.match(text, body.end) if body.surface.endswith(_COMMITTEE_OF) else None
    return m if m and not TITLE_PATTERN.search(m.group(0)) else None


def _unit(text: str, pos: int) -> re.Match | None:
    """The department named right after a body at ``pos`` (高新处, 书记处, 参事室), or None:
    not a verb in 办 (主办), a word in 局 (布局), or a post and a name before another body
    (某管委会副主任某某及县某局: a title inside, unless the unit is named after it)."""
    m = _UNIT_AFTER.match(text, pos)
    if not m or not SUB_UNIT.search(m.group(0)) or m.group(0).endswith(_VERBS_IN_办) \
            or m.group(0)[-2:] in NOT_A_BUREAU or m.group(0).startswith(("相关", "有关", "各")) \
            or m.group(0) == "书记处" and TITLE_PATTERN.match(text, pos):  # 相关委室: which, not one
        return None  # (书记处书记: the body's post, no unit of it)
    return m if all(t.end() == len(m.group(0)) - 1 for t in TITLE_PATTERN.finditer(m.group(0)[:-1])) else None


def sub_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Departments named after an agency (省科技厅高新处: a 处 of the 厅) or a university
    (某大学科研处: one of the university's)."""
    found = []
    for mention in mentions:
        if mention.category in ("Company", "ResearchInstitute"):
            m = _FIRM_UNIT.match(text, mention.end)  # 某地产市场部副经理, 某研究所银行研究室主任
        elif mention.attr("implied") or mention.attr("head"):
            continue  # 姚安县副县长某某带领县科技局: a post and its holder, no body a unit is of
        elif mention.category in ("GovernmentAgency", "PublicInstitution", "University"):
            m = _committee(text, mention) or _unit(text, mention.end) or (
                _FIRM_UNIT.match(text, mention.end)  # 团市委组宣部部长: a committee's 部 too
                if mention.category != "GovernmentAgency" or mention.surface.endswith("委") else None)
        else:
            continue
        if m:
            end = m.end()
            kind = mention.category  # 某中心某处: of the centre's kind
            level = mention.attr("relative")  # 市科技局高新科: the city's, as its 局 is
            found.append(Mention(text[mention.start:end], mention.start, end, kind, kind,
                                 (("parent", mention.surface), *((("relative", level),) if level else ()))))
            # Further units listed after it share the parent: 区域处、高新处.
            more = _MORE_UNIT.match(text, end)
            if more:
                s = more.start(1)
                found.append(Mention(more.group(1), s, s + len(more.group(1)), kind, kind,
                                     (("parent", mention.surface),)))
    return found


# How the name of a body ends when a post follows it: its kind.
_POSTED_BODY_ENDS = (("局", "GovernmentAgency"), ("厅", "GovernmentAgency"), ("委", "GovernmentAgency"),
                     ("办", "GovernmentAgency"), ("处", "GovernmentAgency"), ("科", "GovernmentAgency"), ("股", "GovernmentAgency"),
                     ("署", "GovernmentAgency"), ("中心", "PublicInstitution"), ("所", "ResearchInstitute"))
# The title a unit's head is given after the name (高新科林某科长): by how the unit ends.
_HEAD_OF = {"科": "科长", "处": "处长", "局": "局长", "室": "主任", "办": "主任", "股": "股长"}
_POSTED_GENERIC = re.compile(r"^(各|有关|相关|上级|地方|本级|同级|该|此|本|其|我)")
_CLAUSE_START = re.compile(r"[，。、；：！？,;:!?“”《》()（）\s]")


def bodies_before_posts(text: str, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """某试验区工科局副局长某某: a body no ending of the lexicon announces, named right
    before a post that a person's name follows, typed by how it ends (局, 厅, 委, 办, 处,
    科 an agency; 中心 an institution); its start is where a name's left edge scan stops."""
    ends = {m.end for m in mentions if m.category != "Person"}
    taken = [m for m in mentions if m.category != "Place"]
    found = []
    for person in mentions:
        if person.category != "Person":
            continue
        title = title_before(text, person.start)
        if title is None:
            unit = text[person.start - 1:person.start]
            after = TITLE_PATTERN.match(text, person.end) if unit in _HEAD_OF else None
            if not (after and after.group(0).endswith(_HEAD_OF[unit])):
                continue
            title = ""  # 高新科林某某科长: the unit before the name, its head's title after it
        end = person.start - len(title)
        body = next((b for b in PARTY_BODIES if title.startswith(b) and len(title) > len(b)), "")
        if end in ends or end + len(body) in ends:
            continue  # the body is named already
        short = next((k for form, k in SHORT_BODY_ENDINGS if form.search(text, max(0, end - 12), end)), None)
        if not short:
            end += len(body)  # 某某工作党委书记: the 党委 is the body's name's end (not 某某师院党委书记's)
        if not short and not body and title in CONTRACTED_TITLES and text[end - 1:end] != title[0]:
            end += 1  # 劳工局长某某: the body's 局 is the title's first character
        kind = short or ("GovernmentAgency" if body else next((k for e, k in _POSTED_BODY_ENDS
                                                               if text.endswith(e, 0, end)), None))
        if kind is None:
            continue
        floor = max((m.end() for m in _CLAUSE_START.finditer(text, 0, end)), default=0)
        start = name_start(text, end, floor, places)
        if end - start < 3:
            start = left_edge(text, end, floor, places=places)  # 统计处处长: a verb leads a unit's name
        if not 3 <= end - start <= 15 or _POSTED_GENERIC.match(text, start):
            continue
        if any(m.start < end and start < m.end for m in taken + found):
            continue
        sibling = _listed_sibling(text, start, end, mentions)
        found.append(Mention(text[start:end], start, end, kind, kind) if sibling is None else Mention(
            text[start:end], start, end, sibling.category, sibling.cls, (("parent", sibling.attr("parent")),)))
    return found


def _listed_sibling(text: str, start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """某中心甲处处长某某、乙处处长某某: the unit of a body (甲处) whose head is listed right
    before the unit ending at ``end``, when both are units of one kind (处, 司, 室, 科); or the
    bureau itself, when the head listed before is the bureau's (某局副局长某某、某科科长某某)."""
    person = next((m for m in mentions if m.category == "Person" and m.end == start - 1), None)
    if person is None or text[start - 1] != "、" or not text.endswith(_UNIT_KINDS, 0, end):
        return None
    title = title_before(text, person.start) or ""
    held = next((m for m in mentions if m.end == person.start - len(title) and m.category != "Person"), None)
    if not title or held is None:
        return None
    if held.attr("parent"):
        return held if held.surface[-1] == text[end - 1] else None
    # 某市科技局副局长甲、高新科科长乙: a unit listed after the head of a bureau is the bureau's
    return replace(held, attrs=(("parent", held.surface),)) if held.category == "GovernmentAgency" \
        and held.surface.endswith(("局", "厅", "委", "委员会")) else None


_UNIT_KINDS = ("处", "司", "室", "科")


# A department of a government by its ending, listed bare after one named with its place;
# the departments of the lexicon, which a bare name is found as only in such a list.
_DEPARTMENT_END = re.compile(r"(局|厅|委员会|委|办公室|办)$")
_LISTED_DEPARTMENT = re.compile("[、和及与](" + "|".join(sorted(
    (re.escape(w) for w, c in ORG_SUFFIXES if c == "GovernmentAgency" and _DEPARTMENT_END.search(w)),
    key=len, reverse=True)) + ")")


def listed_departments(mentions: list[Mention], text: str, places: list[str]) -> list[Mention]:
    """某盟科技局、农牧局和林草局: agencies listed bare after one named with its place are
    that place's (``qualified``: the place and the bare name); a bare department of the
    lexicon no other reading found is added."""
    agencies = sorted((m for m in mentions if m.category == "GovernmentAgency"), key=lambda m: m.start)
    by_start = {m.start: m for m in agencies}
    qualified: dict[int, str] = {}
    added: list[Mention] = []

    def listed_after(m: Mention) -> Mention | None:
        if text[m.end:m.end + 1] not in ("、", "和", "及", "与"):
            return None
        if m.end + 1 in by_start:
            return by_start[m.end + 1]
        bare = _LISTED_DEPARTMENT.match(text, m.end)
        if bare is None or any(o.start < bare.end() and bare.start(1) < o.end for o in mentions):
            return None
        added.append(Mention(bare.group(1), bare.start(1), bare.end(), "GovernmentAgency", "GovernmentAgency"))
        return added[-1]

    for first in agencies:
        place = max((p for p in places if first.surface.startswith(p) and len(first.surface) > len(p) + 1),
                    key=len, default=None)
        if place is None or not _DEPARTMENT_END.search(first.surface):
            continue
        nxt = listed_after(first)
        while nxt is not None and _DEPARTMENT_END.search(nxt.surface) and not nxt.attrs \
                and not any(nxt.surface.startswith(p) for p in places):
            qualified[nxt.start] = place + nxt.surface
            nxt = listed_after(nxt)
    return [Mention(m.surface, m.start, m.end, m.category, m.cls, (("qualified", qualified[m.start]),))
            if m.category == "GovernmentAgency" and m.start in qualified else m for m in mentions + added]
