"""Posts: read leftwards from each person through titles and the organisations that
precede them (省商务厅党组成员、副厅长林某某 gives two posts at one agency), written
after the name (高新处林某调研员), said to be held (某某，现任…处长), shared along a list
(副主任张某、李某); 创始人 posts are :mod:`sckg.extract.founders`'s."""

from __future__ import annotations

import re

from sckg.extract.lexicon import (CONTRACTED_TITLES, FIRM_REGIONS, GOVERNMENT_HEADS, PARTY_BODIES, TITLES,
                                  ZONE_CLASSES, title_before)
from sckg.extract.people import ORG_CATEGORIES, PUNCT
from sckg.model import Mention, Relation

_ALIAS_BEFORE = re.compile(r"[(（][^()（）]{2,16}[)）]$")
_ASIDE_BEFORE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]$")
_REGION = re.compile(rf"(?:{FIRM_REGIONS})区?$")


def posts(text: str, mentions: list[Mention]) -> list[Relation]:
    """Posts read leftwards from each person through titles and organisations."""
    by_end = {m.end: i for i, m in enumerate(mentions)
              if m.category in ORG_CATEGORIES and not m.attr("implied") and not m.attr("head")}
    heads = {m.end: i for i, m in enumerate(mentions) if m.attr("head")}
    implied = {m.end: i for i, m in enumerate(mentions) if m.attr("implied") and not m.attr("head")}
    out: list[Relation] = []
    orphans: dict[int, list[str]] = {}
    people_ends = {m.end for m in mentions if m.category == "Person"}
    for pi, person in enumerate(mentions):
        if person.category != "Person":
            continue
        pos = person.start
        if pos in implied:  # 周口市副市长张某: the title after the place, at its government
            gov = mentions[implied[pos]]
            out.append(Relation("post", pi, implied[pos], gov.surface[len(gov.attr("implied")):]))
            continue
        pending: list[str] = []
        aside = _ASIDE_BEFORE.search(text, max(0, pos - 10), pos)
        if aside:
            pos = aside.start()
        elif text[pos - 1:pos] in (" ", "\u3000") and pos > 1 and text[pos - 2] not in PUNCT:
            pos -= 1  # 某局党组成员 某某
        while pos > 0:
            if pos in implied:  # 某市副市长、市委常委某某: the place's head first
                gov = mentions[implied[pos]]
                out.append(Relation("post", pi, implied[pos], gov.surface[len(gov.attr("implied")):]))
                pos = gov.start
                if text[pos - 1:pos] == "、":
                    pos -= 1
                    continue
                break
            if pos in heads:  # 市委副书记、市长某某: the title alone names its government
                head = heads[pos]
                out.append(Relation("post", pi, head, mentions[head].attr("head")))
                pos = mentions[head].start
                if text[pos - 1:pos] == "、":
                    pos -= 1
                    continue
                break
            title = title_before(text, pos)
            if not title:
                break
            if text.endswith("常务", 0, pos - len(title)) and not title.startswith("常务"):
                title = "常务" + title  # 常务副董事长: any post may be the standing one
            pending.append(title)
            pos -= len(title)
            if text[pos - 1:pos] == "原" and pos - 1 in by_end:
                pos -= 1  # 某大学原副校长某某: a post held before, at the body named
            org = by_end.get(pos)
            if org is None and text[pos - 2:pos] in ("相关", "有关") and by_end.get(pos - 2) is not None:
                pos -= 2  # 某中心相关负责人某某: the body before 相关
                org = by_end[pos]
            region = _REGION.search(text, max(0, pos - 4), pos) if org is None else None
            if region and by_end.get(region.start()) is not None:
                pos = region.start()  # 某公司华东区总经理: a firm's region is no body of its own
                org = by_end[pos]
            contracted = by_end.get(pos + 1) if org is None and title in CONTRACTED_TITLES else None
            if contracted is not None and mentions[contracted].start < pos \
                    and mentions[contracted].surface.endswith(title[0]):
                org = contracted  # 宣传部长, 市科技局长: the body's last character is the title's
            if org is None and text[pos - 1:pos] in ("》", "”"):
                org = by_end.get(pos - 1)  # 《某某》总编辑: the name inside the marks
            alias = _ALIAS_BEFORE.search(text, max(0, pos - 20), pos) if org is None else None
            if alias and by_end.get(alias.start()) is not None:
                org = by_end[alias.start()]  # 某某中心(某中心)副主任: the name before its short form
                pos = alias.start()
            body = next((b for b in PARTY_BODIES if title.startswith(b)), None)
            own = by_end.get(pos + len(body)) if body else None
            if own is not None and mentions[own].surface.endswith(body):
                org = own  # 某高新区党工委副书记: the 党工委 named with the zone holds the post
            if org is None and text[pos - 1:pos] == "的":
                org = _nearest_org(mentions, pos - 1, text)
                pos = mentions[org].start if org is not None else pos
            elif org is not None:
                pos = mentions[org].start
            held_here = pending if org is not None else []
            if org is not None:
                out.extend(Relation("post", pi, org, role) for role in pending)
                pending = []
            if org is not None and text.endswith("常委", 0, pos):
                continue  # 市委常委统战部长某某: the standing member's title right before
            if text[pos - 1:pos] in ("、", "兼"):  # 董事长兼总经理, 某室副主任兼某委秘书长
                pos -= 1
                shared = by_end.get(pos) if held_here and text[pos] == "、" else None
                if shared is not None:  # 甲公司、乙公司副总经理某某: the post at both
                    out.extend(Relation("post", pi, shared, role) for role in held_here)
                    pos = mentions[shared].start
                continue
            held = _ASIDE_BEFORE.search(text, max(0, pos - 8), pos)
            if org is not None and held and "兼" in held.group(0):
                pos = held.start()  # 市委某部副部长(兼)市某局局长某某: the posts before (兼) too
                continue
            if org is not None and text[pos - 1:pos] in ("，", ",") and title_before(text, pos - 1) \
                    and pos - 1 not in people_ends:
                pos -= 1  # 某厅党组成员、副厅长,某协会理事长某某: one person's posts, a comma between
                continue
            if org is None and pending and pos > 0 and text[pos - 1] not in PUNCT:
                chained = _chained_head(text, pos, implied)
                if chained is not None:
                    pending, pos = [], chained  # 某省副省长、某领导小组副组长某某: a body not read between
                continue
            break
        if pending and any(c in (text[pos - 1:pos], text[pos:pos + 1]) for c in "、,，"):
            orphans[pi] = pending  # 副处长某某、处长某某: at the organisation of the one before
    out += _orphan_posts(text, mentions, out, orphans)
    out += _bare_company_posts(text, mentions, {r.subject for r in out})
    out += _posts_after_names(text, mentions, by_end, {r.subject for r in out})
    out += _appointed(text, mentions, {r.subject for r in out})
    return _shared_by_lists(text, mentions, out)


# A rank's title and the ending of the only kind of body that has it (厅长: a 厅).
_RANKS = {"厅长": "厅", "副厅长": "厅", "局长": "局", "副局长": "局"}


def rank_posts(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """黄某厅长、钟某副厅长一行, with no body named beside them (``text``: the article's):
    the post of a rank only one kind of body has (厅长, 局长), at the one body of that kind
    the article names anywhere; none when it names none or several."""
    have = {r.subject for r in relations if r.kind == "post"}
    out = []
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in have:
            continue
        after = next((t for t in _RANKS if text.startswith(t, person.end)
                      and not text.startswith(t + "助理", person.end)), None)
        before = title_before(text, person.start)
        title = after or (before if before in _RANKS and text[person.start - len(before) - 1:
                                                           person.start - len(before)] in PUNCT else None)
        if title is None:
            continue
        kind = _RANKS[title]
        bodies = {m.surface: i for i, m in enumerate(mentions)
                  if m.category in ORG_CATEGORIES and not m.attr("implied") and not m.attr("head")
                  and m.surface.endswith(kind)}
        if len(bodies) == 1:
            out.append(Relation("post", pi, next(iter(bodies.values())), title))
    return out


def _chained_head(text: str, pos: int, implied: dict[int, int]) -> int | None:
    """The end of a place's head of government that a 、 joins to the unread body ending at
    ``pos`` (某省副省长、某领导小组副组长), or None."""
    join = text.rfind("、", max(0, pos - 40), pos)
    if join in implied and not any(c in PUNCT for c in text[join + 1:pos]):
        return join
    return None


def _orphan_posts(text: str, mentions: list[Mention], relations: list[Relation],
                  orphans: dict[int, list[str]]) -> list[Relation]:
    """Titles listed after another person's post, with no organisation of their own,
    hold at that person's organisation: all of them after a 、; after a comma, each at
    the one organisation whose ladder it is a rung of (某园总经理、某院院长甲,副总经理、副院长乙)."""
    out = []
    for pi, roles in orphans.items():
        before = [i for i, m in enumerate(mentions) if m.category == "Person" and m.end <= mentions[pi].start]
        if not before:
            continue
        prev = before[-1]
        between = text[mentions[prev].end:mentions[pi].start]
        while len(before) > 1 and text[mentions[before[-2]].end:mentions[before[-1]].start] == "、" \
                and not any(r.subject == before[-1] for r in relations):
            before.pop()  # 副主任甲、乙,秘书长丙: 乙 shares 甲's post only later; 甲's body is the one
        posts_of = before[-1]
        posts = [r for r in (*relations, *out) if r.subject == posts_of and r.kind == "post"]  # out: a chain
        orgs = {r.object for r in posts}
        if not orgs or len(between) > 12:
            continue
        if between.startswith("、") and len(orgs) == 1:
            org = next(iter(orgs))
            roles = [r for r in roles if not (GOVERNMENT_HEADS.fullmatch(r) and mentions[org].surface.endswith("委"))]
            # (某镇党委书记甲、镇长乙: the town's head is its government's, no post of its committee)
            if not (mentions[org].attr("head") or mentions[org].attr("implied")) or all(
                    _same_ladder(role, [r.value or ""], mentions[org].category) for role in roles for r in posts):
                out += [Relation("post", pi, org, role) for role in roles]
            continue  # (副市长甲、副局长乙: a 局长 is no rung of a government's heads)
        if between[:1] not in ",，、":
            continue
        for role in roles:
            fits = {r.object for r in posts if _same_ladder(role, [r.value or ""], mentions[r.object].category)}
            if len(fits) == 1:
                out.append(Relation("post", pi, fits.pop(), role))
    return out


# A company's posts: any is listed after any other (董事长某,监事长某,党委副书记、总经理某).
_COMPANY_POSTS = {"董事长", "副董事长", "总经理", "副总经理", "常务副总经理", "总裁", "副总裁", "执行总裁",
                  "监事长", "董事", "监事", "执行董事", "党委书记", "党委副书记", "纪委书记", "总监",
                  "财务总监", "总工程师", "总会计师", "执行总经理", "执行副总经理", "执行长", "经理", "副经理",
                  "行政总裁", "首席执行官", "首席运营官", "首席营运官", "首席技术官", "首席财务官", "首席创新总监",
                  "运营总监", "技术总监", "投资总监", "董事总经理", "合伙人", "创始合伙人", "CEO", "COO", "CTO", "CFO"}
# The heads and secretaries of an association, a federation or a government: one ladder.
_LEADERSHIP_POSTS = {"主席", "副主席", "常务副主席", "会长", "副会长", "常务副会长", "理事长", "副理事长",
                     "秘书长", "副秘书长", "常务副秘书长"}
# Posts every government body has beside its heads.
_AGENCY_POSTS = {"秘书长", "副秘书长", "党组书记", "党组副书记", "党组成员"}
_BARE_COMPANY_TITLE = re.compile("(?:" + "|".join(sorted(_COMPANY_POSTS | {"创始人", "联合创始人", "负责人"},
                                                          key=len, reverse=True)) + ")(?:、|兼)?")


def _bare_company_posts(text: str, mentions: list[Mention], have: set[int]) -> list[Relation]:
    """A company's titles opening a clause with no body before them (…考察了某科技园。
    董事长某某介绍…): posts at the company or carrier named last before, in the same
    paragraph and no more than two sentences back, when no other body stands between."""
    out = []
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in have:
            continue
        pos, roles = person.start, []
        while True:
            title = next((m for m in (_BARE_COMPANY_TITLE.fullmatch(text, k, pos) for k in range(max(0, pos - 8), pos))
                          if m), None)
            if title is None:
                break
            roles.insert(0, title.group(0).rstrip("、兼"))
            pos = title.start()
        if not roles or text[pos - 1:pos] not in ("。", "，", ",", "；", "、", "\n", "") or pos == 0:
            continue
        window = max(text.rfind("\n", 0, pos), pos - 120)
        if text.count("。", window, pos) > 2:
            continue
        before = [i for i, m in enumerate(mentions) if m.category in ORG_CATEGORIES and window < m.start and m.end <= pos]
        if before and mentions[before[-1]].category in ("Company", "InnovationCarrier"):
            out += [Relation("post", pi, before[-1], role) for role in roles]
    return out


def _same_ladder(role: str, held: list[str], category: str) -> bool:
    """Whether ``role``, listed after a comma, is a post of the organisation the one
    before holds ``held`` at: a rung of the same ladder (局长, 副局长; 书记, 副书记), a
    university's (副校长 after 校长), a company's, or the party committee's of a university,
    an institute, a company or a carrier (党委副书记 after 所长)."""
    if any(role[-2:] == h[-2:] for h in held):
        return True
    if category == "InnovationCarrier" and role in _COMPANY_POSTS:
        return any(h in _COMPANY_POSTS or h[-2:] == "主任" for h in held)  # a carrier is run as a company is
    if category == "Company":
        return role in _COMPANY_POSTS and any(h in _COMPANY_POSTS for h in held)
    if role in _LEADERSHIP_POSTS and any(h in _LEADERSHIP_POSTS for h in held):
        return True  # 某联副主席甲、副秘书长乙: the heads and the secretaries of one body
    if role.startswith(("党委", "纪委")) and category in ("University", "ResearchInstitute", "PublicInstitution",
                                                       "InnovationCarrier", "Company"):
        return True  # 所长甲,党委副书记乙: an institution's party committee is counted as the institution's
    if category == "GovernmentAgency" and role in _AGENCY_POSTS:
        return True  # 市人大常委会主任甲,副主任、党组书记乙,秘书长丙: a body's secretaries and party group
    return category == "University" and "校" in role


def _posts_after_names(text: str, mentions: list[Mention], by_end: dict[int, int],
                       have: set[int]) -> list[Relation]:
    """Posts written after the name (高新处林某调研员): the titles right after it, at the
    organisation right before it; a head of government's title (某某副区长), at the
    government it names."""
    heads_at = {m.start: i for i, m in enumerate(mentions) if m.attr("head")}
    out = []
    last: tuple[int, int, list[str]] | None = None  # where the last run of titles ended, its body and titles
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in have:
            continue
        head = heads_at.get(person.end)
        if head is not None:  # 某某副区长: the title alone names its government
            out.append(Relation("post", pi, head, mentions[head].attr("head")))
            continue
        org = by_end.get(person.start)
        if org is None and text[person.start - 1:person.start] == "的":
            org = by_end.get(person.start - 1)  # 某局的某某局长
        aside = _ALIAS_BEFORE.search(text, max(0, person.start - 20), person.start) if org is None else None
        if aside:  # 某大学国有资产管理处(某某办公室)林某处长: the body before its aside
            org = by_end.get(aside.start())
        listed = org is None and last is not None and text[last[0]:person.start] == "、"
        if org is None and not listed:
            continue
        pos, roles = person.end, []
        while (title := next((t for t in TITLES if text.startswith(t, pos)), None)):
            roles.append(title)
            pos += len(title)
            if text[pos:pos + 1] != "、":
                break
            pos += 1
        if listed:  # 某大学甲董事长、乙校长: the next name in the list, on the same body's ladder
            org = last[1]
            roles = [r for r in roles if _same_ladder(r, last[2], mentions[org].category)]
        out += [Relation("post", pi, org, role) for role in roles]
        last = (pos - (text[pos - 1:pos] == "、"), org, roles) if roles else None
    return out


_APPOINTED = re.compile(r"[,，]?\s*(?:现任|现为|现系|担任|出任|任|为|是|原任|曾任|曾担任|历任|(?P<elected>当选为|当选))"
                        r"|(?P<bare>[(（]原?|[,，]\s*原?)")  # (原, 曾任: a post held before, marked so)
# What closes a post given beside a name, in brackets or between commas: 某某(某局副局长).
_APPOSITION_END = set("，,。）)；;")


def _appointed(text: str, mentions: list[Mention], have: set[int]) -> list[Relation]:
    """某某，现任某某厅某某处处长, 某某当选为某某协会副理事长, 某某(某局副局长), 某某，某公司
    总经理，…: the titles right after the organisation the person is said to serve."""
    by_start: dict[int, int] = {}
    for i, m in enumerate(mentions):  # the longest name starting at each place
        if m.category in ORG_CATEGORIES and (m.start not in by_start or m.end > mentions[by_start[m.start]].end):
            by_start[m.start] = i
    out = []
    for pi, person in enumerate(mentions):
        if person.category != "Person":
            continue
        m = _APPOINTED.match(text, person.end)
        if m and pi in have and not m.group("elected"):
            continue  # 某某局长林某，任…: a post already read; 当选 adds one
        org = by_start.get(m.end()) if m else None
        if org is None:
            continue
        pos, found, closed = mentions[org].end, [], False
        pos += text[pos:pos + 1] == "的" and any(text.startswith(t, pos + 1) for t in TITLES)  # 是某公司的总经理
        while org is not None:  # 某某，甲合作社理事长、乙公司董事长、…: each organisation's titles
            while (title := next((t for t in TITLES if text.startswith(t, pos)), None)):
                found.append(Relation("post", pi, org, title))
                pos += len(title)
                closed = text[pos:pos + 1] in _APPOSITION_END or text[pos:pos + 1] == "、"
                if text[pos:pos + 1] != "、":
                    break
                pos += 1
            org = by_start.get(pos) if text[pos - 1:pos] == "、" else None
            pos = mentions[org].end if org is not None else pos
        if m.group("bare") and (pi in have or not closed):
            continue  # 某某，某公司总经理某某: the post is the next name's
        out += found
    return out


def _shared_by_lists(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """副主任张某、李某: a name listed after another with no post of its own holds the
    same posts."""
    held: dict[int, list[Relation]] = {}
    for r in relations:
        held.setdefault(r.subject, []).append(r)
    people = [i for i, m in enumerate(mentions) if m.category == "Person"]
    out = list(relations)
    for before, after in zip(people, people[1:]):
        first, second = mentions[before], mentions[after]
        if after in held or before not in held or text[first.end:second.start] != "、":
            continue
        held[after] = [Relation("post", after, r.object, r.value) for r in held[before]]
        out += held[after]
    return out


def _nearest_org(mentions: list[Mention], pos: int, text: str) -> int | None:
    clause_start = max(text.rfind(c, 0, pos) for c in "，。；,;") + 1
    best = None
    for i, m in enumerate(mentions):
        if m.category in ORG_CATEGORIES and clause_start <= m.start and m.end <= pos:
            if best is None or m.end > mentions[best].end:
                best = i
    return best


def zone_posts(mentions: list[Mention], relations: list[Relation]) -> tuple[list[Mention], list[Relation]]:
    """A zone's head named with the zone (某某经开区某某主任) holds the post at the zone's
    管理委员会, or its 党工委 for a party role (a party role named at the 管委会 stays there,
    as written). The bodies are added as mentions over the zone's name (``qualified``: the
    body's name); other relations pass unchanged."""
    out, made, mentions = [], {}, list(mentions)
    for r in relations:
        org = mentions[r.object] if r.kind == "post" else None
        party = r.kind == "post" and (r.value.startswith("党工委") or r.value in ("书记", "副书记"))
        if org is not None and org.category == "InnovationCarrier" and org.cls in ZONE_CLASSES and (
                party or r.value.endswith("主任")):
            base, body = org.surface, "党工委" if party else "管理委员会"
        else:
            out.append(r)
            continue
        if (r.object, body) not in made:
            mentions.append(Mention(org.surface, org.start, org.end, "GovernmentAgency", "GovernmentAgency",
                                    (("anaphor", "zone"), ("qualified", base + body))))
            made[r.object, body] = len(mentions) - 1
        out.append(Relation("post", r.subject, made[r.object, body], r.value))
    return mentions, out
