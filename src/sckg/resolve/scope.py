"""How far a name reaches: a body named by its department's words alone (科技局, 学工处)
is one article's own, since many bodies share that name; a town's body, in an article
about one county, is the town of that county's."""

from __future__ import annotations

import re
from typing import Any

from sckg.model import Extraction, Mention, Relation
from sckg.resolve.heads import head_place
from sckg.resolve.official import NATIONAL, NATIONAL_NAME, OWN_SYSTEMS

Resolver = Any  # sckg.resolve._Resolver: the gazetteer, the article's county, the entity table

_NATIONAL_NAMES = frozenset(NATIONAL.values())
_LOCAL_COMMITTEE = re.compile(r"[省市县区州旗盟]委员会$")  # 中国人民政治协商会议某市委员会: a city's
_NATIONAL_BODIES = ("GovernmentAgency", "PublicInstitution", "ResearchInstitute", "Association")
# A town's or a village's name at the head of a body's (乐平镇党委, 星河村党支部), not a word in 乡, 镇 or
# 村 (城乡建设局, 城镇, 农村).
_TOWN_HEAD = re.compile(r"^[\u4e00-\u9fff]{2,3}?(?<![城下农乡])(?:镇|乡|村)(?![村镇])")


def ownerless(r: Resolver, m: Mention, name: str, province: str | None) -> bool:
    """Whether an agency is named by its department's words alone (科技局, 学工处, 办公室):
    no division, national body or parent body in its name (``name``, its full form), so
    one name for many bodies."""
    return m.category == "GovernmentAgency" and len(m.surface) <= 5 and not m.attr("relative") \
        and not m.attr("qualified") and not m.attr("parent") and province not in OWN_SYSTEMS \
        and name not in _NATIONAL_NAMES and not NATIONAL_NAME.match(name) \
        and head_place(r, name, province) is None


def in_county(r: Resolver, name: str) -> str:
    """乐平镇党委 → 佛山市三水区乐平镇党委: a town's body, in an article about one county
    (``r.county``), is named after the town in that county, as the town's place is."""
    town = _TOWN_HEAD.match(name) if r.county else None
    if town and r.resolve_place(r.gaz, town.group(0)).status != "resolved" \
            and not _division(r, town.group(0)[:-1]):  # (not a city: 萍乡; 汉中市镇巴县 is no town)
        return r._qualified_place(r.county) + name
    return name


def _division(r: Resolver, head: str) -> bool:
    """Whether ``head`` is a division's full name (汉中市), so what follows it is no town's."""
    found = r.resolve_place(r.gaz, head)
    return found.status == "resolved" and bool(found.code) and r.gaz.divisions[found.code].name == head


def person_scopes(r: Resolver, ex: Extraction, province: str | None) -> dict[int, str | None]:
    """Where each person the article names is one person: the article's province (two
    周文彬 in two provinces' articles are two people), the whole country for a holder of a
    national body's post (科学技术部副部长), this article alone where no province is known.

    The value is the scope (a division code or ``article:`` and the article's id), None for the country."""
    national = set()
    for rel in ex.relations:
        if rel.kind == "post" and rel.object is not None and rel.subject >= 0:
            org = ex.mentions[rel.object]
            if org.category in _NATIONAL_BODIES and not org.attr("relative") and not org.attr("implied"):
                name = r.canonical(org, province)
                if name in _NATIONAL_NAMES or NATIONAL_NAME.match(name) and not _LOCAL_COMMITTEE.search(name):
                    national.add(rel.subject)
    return {i: None if i in national else province or f"article:{ex.article.id}"
            for i, m in enumerate(ex.mentions) if m.category == "Person"}


def role_at(rel: Relation, ex: Extraction) -> str | None:
    """A relation's value; for a post read at a body whose name ends in 党委 from a title
    that starts with it (某自治区党委副书记), the title without it (副书记): the body's full
    name (中共某自治区委员会) no longer shows it."""
    body = ex.mentions[rel.object] if rel.kind == "post" and rel.object is not None else None
    if body is None or not (rel.value or "").startswith("党委") or len(rel.value) <= 2 \
            or not body.surface.endswith("党委") or not (body.attr("relative") or (body.attr("qualified") or "")[:2] == "中共"):
        return rel.value  # (某大学党委书记: the university's, as written)
    return rel.value[2:]
