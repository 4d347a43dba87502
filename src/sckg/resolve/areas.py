"""What a figure is about: its place, its written area (全市, 我县, 全区, 云南) read in the
article's context, and the entity it names."""

from __future__ import annotations

import re
from typing import Any

from sckg.model import Entity, Extraction
from sckg.resolve.heads import head_place

Resolver = Any  # sckg.resolve._Resolver: the gazetteer, the article's city and county, the entities

_AREA_REF = re.compile(r"^(全区|全省|全疆|我省|我区|全自治区|自治区|本省|全藏)$")
AUTONOMOUS_REGIONS = {"150000", "450000", "540000", "640000", "650000"}
_LOCAL_REF = re.compile(r"^(全|我|本)(市|州|盟|地区|区|县|旗)$")


def local_area(r: Resolver, area: str, province: str | None) -> str | None:
    """全市, 我县, 全区 … in the article's context: its city, its county or district (全区
    is the whole autonomous region in one, a district elsewhere)."""
    m = _LOCAL_REF.match(area)
    if not m:
        return None
    if m.group(2) in ("市", "州", "盟", "地区"):
        return r.own_city if m.group(2) == "市" and r.own_city else r.city  # (全市 in an article about 昆山市)
    if m.group(2) == "区" and province in AUTONOMOUS_REGIONS:
        return province
    return r.county if r.county and r.gaz.divisions[r.county].name.endswith(m.group(2)) else None


def figure_area(r: Resolver, area: str | None, province: str | None) -> str | None:
    """The key of the place entity a figure's written area (全市, 我区, 云南, 某市) stands for, in the
    article's context (``r``: the resolver, with the article's city and county), or None."""
    if not area:
        return None
    area = "全国" if area == "我国" else area  # (我国某某家孵化机构: the country's)
    local = local_area(r, area, province) if _LOCAL_REF.match(area) else None
    if local:
        code = local
    elif area in ("全区", "我区") and province not in AUTONOMOUS_REGIONS:
        code = _zone_city(r, province)  # a zone's whole is its city's figure (某市高新区: 某市)
        if code is None:
            return None  # a district's or a zone's whole, never a province's: left open when unknown
    elif _AREA_REF.match(area) and province:
        code = province
    else:
        res = r.resolve_place(r.gaz, area, province=province)
        if res.status != "resolved" or not res.code:
            return None
        code = res.code
    key = f"place:{code}"
    if key not in r.entities:
        r.entities[key] = Entity(key=key, category="Place", cls="Place",
                                 name=r.gaz.divisions[code].name, code=code)
    return key


def _zone_city(r: Resolver, province: str | None) -> str | None:
    """The code of the one city the article's zones (r.zones, full names) lie in, or None."""
    cities = {key.removeprefix("place:")[:4] + "00" for key in (head_place(r, z, province) for z in r.zones) if key}
    city = cities.pop() if len(cities) == 1 else None
    return city if city in r.gaz.divisions and city != province else None


# The entries of a contest: the province's own when the contest is the province's.
ENTRIES = frozenset({"applicants", "applicant-enterprises", "applicant-teams"})


def contest_of(r: Resolver, scope: str, province: str, events: list[str]) -> bool:
    """Whether the article's region is its province (``scope`` 全省) and one of its ``events``
    is named after it (第七届某某省创新创业大赛): a province's contest selects its entries."""
    name = r.gaz.divisions[province].name if scope == "全省" and province in r.gaz.divisions else None
    return bool(name) and any(name in event for event in events)


def figure_subject(ex: Extraction, keys: dict[int, str | None], subject: str | None) -> str | None:
    """The key of the entity a figure's ``subject`` (surface text) names: that of the first
    mention of the article written so, or of which one name ends the other; else None."""
    if not subject:
        return None
    for i, m in enumerate(ex.mentions):
        key = keys.get(i)
        if key and (m.surface == subject or m.surface.endswith(subject) or subject.endswith(m.surface)):
            return key
    if subject == "园区":  # (园区共投资…: the park the article named, whatever its name ends with)
        for i, m in enumerate(ex.mentions):
            if keys.get(i) and m.category == "InnovationCarrier" and m.surface.endswith(("园", "基地")):
                return keys[i]
    return None
