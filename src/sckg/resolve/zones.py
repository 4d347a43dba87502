"""A zone's own bodies named by the kind of zone alone: 高新区管委会, 开发区党工委,
园区管理委员会, 科技城管委会招商局. In an article about one zone of that kind they are that
zone's (某某国家高新技术产业开发区管理委员会); where the article names none, or several,
they are left as written and kept to the article, never merged with another article's."""

from __future__ import annotations

import re

from sckg.model import Gazetteer

# The kind of zone a generic word names, and the zones' name endings of that kind.
_KINDS = (
    ("高新技术产业开发区", ("高新技术产业开发区", "高新区")), ("高新区", ("高新技术产业开发区", "高新区")),
    ("经济技术开发区", ("开发区", "经开区")), ("经济开发区", ("开发区", "经开区")),
    ("经开区", ("开发区", "经开区")), ("开发区", ("开发区", "经开区", "高新区")),
    ("工业园区", ("园区",)), ("产业园区", ("园区",)), ("园区", ("园区", "开发区", "高新区")),
    ("科技城", ("科技城",)), ("新区", ("新区",)), ("", ("开发区", "高新区", "经开区", "园区", "科技城", "新区")),
)
_BODY = re.compile(r"^(?P<kind>" + "|".join(k for k, _ in _KINDS if k) +
                   r")?(?P<body>管委会|管理委员会|党工委|党委)(?P<rest>.*)$")
# A zone's article writes its bodies shorter still: 管委副主任, 区工委委员, 区管委会主任.
_SHORT_BODY = re.compile(r"^区?(?P<body>管委会|管委(?!员)|工委)(?P<rest>.*)$")
_SHORT = {"管委": "管委会", "管委会": "管委会", "工委": "党工委"}
_ENDS = dict(_KINDS)


def zone_body(name: str) -> tuple[str, str, str] | None:
    """``(kind, body, rest)`` when ``name`` is a zone's body named by its kind alone
    (高新区管委会 → 高新区, 管委会, ""), else None."""
    m = _BODY.match(name)
    if not m:
        short = _SHORT_BODY.match(name)
        return ("", _SHORT[short.group("body")], short.group("rest")) if short else None
    if m.group("body") == "党委" and not m.group("kind"):
        return None  # 党委 alone is any body's party committee
    return m.group("kind") or "", m.group("body"), m.group("rest")


def zone_of(kind: str, zones: list[str]) -> str | None:
    """The one zone of ``zones`` (full names, in the article's order) that ``kind``
    can name, else None."""
    ends = _ENDS[kind]
    fits = sorted({z for z in zones if z.endswith(ends) and z != kind})
    return fits[0] if len(fits) == 1 else None


def city_zone(kind: str, zones: list[str], gaz: Gazetteer, city: str | None) -> str | None:
    """高新区 in an article about the prefecture-level ``city`` (内江市) that names no such zone: that
    city's high-tech zone (内江高新技术产业开发区), which a city has one of (a municipality several)."""
    name = gaz.divisions[city].name if city in gaz.divisions else ""
    if kind not in ("高新区", "高新技术产业开发区") or any(z.endswith(("高新区", "高新技术产业开发区")) for z in zones) \
            or not name.endswith("市") or len(name) < 3 \
            or city[:2] in ("11", "12", "31", "50"):
        return None
    return name[:-1] + "高新技术产业开发区"
