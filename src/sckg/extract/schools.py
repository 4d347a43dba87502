"""Universities in the extract stage: named by the press's short forms (中科大), by
anaphors (校党委, 该校就业创业中心), and by their units named after one of their people
(科研处副处长、技术转移中心副主任某某)."""

from __future__ import annotations

import re
from collections import Counter

from sckg.extract.agencies import sentence_start
from sckg.extract.lexicon import TITLE_PATTERN, TITLE_RE, UNIVERSITY_SHORT_FORMS
from sckg.extract.people import ORG_CATEGORIES
from sckg.model import Mention, Relation

_OWN_SCHOOL = re.compile(r"^(?:校|学校|本校|该校|我校)(?:党委|党委会)?$")
_OWN_COLLEGE = re.compile(r"^(?:学院|本院|该院|我院)(?:党委|党委会)?$")  # (学院党委书记某某, of a 学院 the article names)
_SCHOOL_UNITS = ("PublicInstitution", "GovernmentAgency", "ResearchInstitute", "InnovationCarrier")


# A visit to the writer's own university: the university named in that sentence is the
# visitor's (某大学某主任应邀来我校作报告), not the article's own.
_TO_OUR_SCHOOL = re.compile(r"(?:来|到|莅临|走进|访问|考察)(?:我校|本校)")


def _most_named_university(text: str, mentions: list[Mention]) -> str | None:
    """The university an article names most often, or None when it names none or several
    equally often; a university named only in sentences about a visit to 我校 is a
    visitor, not the article's own."""
    counts = Counter(m.surface for m in mentions if m.category == "University" and not m.attr("qualified")
                     and not _TO_OUR_SCHOOL.search(text, sentence_start(text, m.start), _sentence_end(text, m.end)))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in "。！？!?\n") if i != -1]
    return min(ends, default=len(text))


def own_school(text: str, mentions: list[Mention]) -> list[Mention]:
    """校党委, 该校党委 in an article about one university: that university (its party
    committee's posts are the university's, as the gold and most registers have it); a
    unit after 该校, 我校 or 本校 (该校就业创业中心) is that university's. An article that
    names several is about the one it names most often; left as they are when it names
    none, or several equally often."""
    school = _most_named_university(text, mentions)
    if school is None:
        return mentions
    out = []
    for m in mentions:
        if m.category == "GovernmentAgency" and (_OWN_SCHOOL.match(m.surface) or school.endswith("学院")
                                                 and _OWN_COLLEGE.match(m.surface)):
            m = Mention(m.surface, m.start, m.end, "University", "University",
                        (("qualified", school), ("anaphor", "1")))
        elif m.category in _SCHOOL_UNITS and m.surface.startswith("校") and len(m.surface) > 3 \
                and (text[m.start - 1:m.start] in ("该", "我", "本") or m.start == 0 or text[m.start - 1] in _CLAUSE_BREAK) \
                and not m.attr("qualified"):  # 该校就业创业中心, …，校学工处处长
            m = Mention(m.surface, m.start, m.end, m.category, m.cls,
                        (*m.attrs, ("qualified", school + m.surface[1:]), ("anaphor", "1")))
        out.append(m)
    return out


# A chain of a university's posts with no body named, one of them a president's (党委副书记、
# 校长某某, 我校副校长某某): posts at the article's own university.
_SCHOOL_ROLE = r"(?:校党委|党委|校)?(?:书记|副书记|常委|委员)|(?:常务|执行)?副?校长|校长助理|总会计师"
_SCHOOL_CHAIN = re.compile(rf"(?:我校|本校|该校|学校)?((?:{_SCHOOL_ROLE})(?:、(?:{_SCHOOL_ROLE}))*)$")
# A college's president is its 院长 (学院院长某某, 我院副院长某某); in a university a 院长 heads a school.
_COLLEGE_ROLE = _SCHOOL_ROLE.replace("校长助理", "院长助理|校长助理") + r"|(?:常务|执行)?副?院长"
_COLLEGE_CHAIN = re.compile(rf"(?:我校|本校|该校|学校|我院|本院|该院|学院)?((?:{_COLLEGE_ROLE})(?:、(?:{_COLLEGE_ROLE}))*)$")
_CLAUSE_BREAK = set("，。；：,;:（(“\n ") | {""}


def school_posts(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """Posts of people named right after a chain of a university's posts that names no
    body (副校长某某, 党委常委、副校长某某, 我校副校长某某), at the university the article
    names most (see :func:`own_school`); none when it names none or several equally often."""
    name = _most_named_university(text, mentions)
    if name is None:
        return []
    school = next(i for i, m in enumerate(mentions) if m.surface == name and m.category == "University")
    college = name.endswith("学院")
    posted = {r.subject for r in relations if r.kind == "post"}
    out: list[Relation] = []
    roles: list[str] = []
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in posted:
            continue
        if roles and text[person.start - 1:person.start] == "、" and out and mentions[out[-1].subject].end == person.start - 1:
            out += [Relation("post", pi, school, role) for role in roles]  # 副院长甲、乙、丙: one title, three people
            continue
        roles = []
        chain = (_COLLEGE_CHAIN if college else _SCHOOL_CHAIN).search(text, max(0, person.start - 24), person.start)
        if not chain or not ("校长" in chain.group(1) or college and "院长" in chain.group(1)
                             or chain.group(0) != chain.group(1)):
            continue
        if chain.group(0) == chain.group(1) and text[chain.start() - 1:chain.start()] not in _CLAUSE_BREAK:
            continue  # 某公司党委书记: a body is named before the chain
        roles = [role.removeprefix("校") if role.startswith("校党委") else role  # 校党委副书记: the university's
                 for role in chain.group(1).split("、")]
        out += [Relation("post", pi, school, role) for role in roles]
    return out


_UNIVERSITY_SHORT = re.compile("|".join(sorted(UNIVERSITY_SHORT_FORMS, key=len, reverse=True))
                               + "(?![\u4e00-\u9fff]{0,3}大学)")


def university_short_forms(text: str, names: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """中科大, 哈工大 …: universities by their press short forms (``qualified``: the full
    name); a name they start that only adds 党委 (某大党委) is the university's. The
    names kept and the short forms found."""
    found = []
    for m in _UNIVERSITY_SHORT.finditer(text):
        if any(n.start < m.end() and m.start() < n.end and not (
                n.start == m.start() and text[m.end():n.end] in ("党委", "党委会")) for n in names):
            continue
        found.append(Mention(m.group(0), m.start(), m.end(), "University", "University",
                             (("qualified", UNIVERSITY_SHORT_FORMS[m.group(0)]),)))
    return [n for n in names if not any(f.start == n.start and f.end < n.end for f in found)], found


_UNIT_OF_SCHOOL = re.compile(r"(?<=[,，、；;])\s*([\u4e00-\u9fff]{0,8}?(?:处|中心|学院|部|科技园|办公室|研究院|研究所))"
                             rf"(?=(?:{TITLE_RE}))")


def university_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """某大学党委书记甲,科研处副处长、技术转移中心副主任乙: units named without their
    university after one of its people, in the same sentence and with no other body
    between, are the university's (``qualified``); a shorter name read inside such a
    unit (创业学院 of 创新创业学院) gives way to it. The mentions, with the units."""
    orgs = [m for m in mentions if m.category in ORG_CATEGORIES]
    units: list[tuple[Mention, str]] = []  # each unit and its university
    for m in _UNIT_OF_SCHOOL.finditer(text):
        start, end = m.span(1)
        if end - start < 3:
            continue  # 处长, 中心主任: a title's head, no unit
        inside = [o for o in mentions if o.start < end and start < o.end]
        if any(not (start <= o.start and o.end <= end) or o.category not in _SCHOOL_UNITS + ("University",)
               for o in inside):
            continue
        first = sentence_start(text, start)
        before = sorted([(o.start, o.surface, o.category) for o in orgs
                         if first <= o.start and o.end <= start and o not in inside
                         and not any(u.start <= o.start and o.end <= u.end for u, _ in units)]
                        + [(u.start, school, "University") for u, school in units if u.start >= first])
        if not before or before[-1][2] != "University":
            continue
        school = before[-1][1]
        unit = m.group(1)
        if unit.endswith("学院") and not school.endswith("大学"):
            continue  # 某学院院长甲,某学院院长乙: a college has no colleges; two colleges
        title = TITLE_PATTERN.match(text, end)
        named = next((o for o in orgs if o.start == before[-1][0] and o.surface == school), None)
        if title and named and text.startswith(title.group(0), named.end):
            continue  # 某大学党委书记甲,某学院党委书记乙: the same post at another school, no unit of it
        category, cls = ("InnovationCarrier", "UniversitySciencePark") if unit.endswith("科技园") else (
            "University", "University")
        units.append((Mention(unit, start, end, category, cls, (("qualified", school + unit),)), school))
    found = [u for u, _ in units]
    return [m for m in mentions if not any(u.start <= m.start and m.end <= u.end for u in found)] + found
