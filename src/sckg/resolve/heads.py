"""The division a body's name starts with (云南省高层次… is in 云南省; 咸宁市咸安区政府 in
咸安区): where the resolve stage places agencies, carriers and events it names."""

from __future__ import annotations

from sckg.model import Entity

# Short forms of prefecture-level cities that are also common words or names (中山, 阿里,
# 白银): outside the article's province they are dropped like a county's; any other
# city's short form (杭州, 合肥) names the city wherever the article is from.
AMBIGUOUS_CITY_SHORT_FORMS = frozenset("中山 朝阳 阿里 白银 北海 大同 吉林 黄山 白山 三江 东区 长安 东方 山南".split())  # 天山南坡


def head_place(r, name: str, province: str | None) -> str | None:
    """The key of the division a name starts with (云南省高层次… is in 云南省), ``r`` the
    resolver (its gazetteer, place resolver and entity table)."""
    code = r.heads.get((name, province), "")
    if code == "":
        code = r.heads[(name, province)] = _head_code(r, name, province)
    if code is None:
        return None
    key = f"place:{code}"
    if key not in r.entities:
        div = r.gaz.divisions[code]
        r.entities[key] = Entity(key=key, category="Place", cls="Place", name=div.name, code=code)
    return key


def _head_code(r, name: str, province: str | None) -> str | None:
    for length in (9, 8, 7, 6, 5, 4, 3, 2):
        res = r.resolve_place(r.gaz, name[:length], province=province)
        if res.status == "resolved" and res.code:
            if name[length:length + 1] in ("镇", "乡") or name.startswith("街道", length) or (
                    name[:length] in AMBIGUOUS_CITY_SHORT_FORMS and res.code[:2] != (province or "")[:2]):
                return None  # 乐平镇人民政府: a town's, named like a city (乐平市) without its 市; 阿里巴巴
            # 咸宁市咸安区政府: the division named next inside it (咸安区), if any
            inner = r.division_at(name[length:], res.code[:2] + "0000", ("区", "县", "旗", "市"), inside=res.code)
            return inner[0] if inner else res.code
    return None
