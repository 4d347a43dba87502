"""The places an article is about: its province, its city and its county or district,
by the places it names (the context in which short names such as 省科技厅, 市委 and
全区 are read)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from sckg.model import Extraction, Gazetteer, PlaceResolution

PlaceResolver = Callable[..., PlaceResolution]
StemFinder = Callable[[Gazetteer, str, str], list[str]]  # (gaz, text, city) → district codes, once a mention
MUNICIPALITIES = {"110000", "120000", "310000", "500000"}


def _province_of(gaz: Gazetteer, code: str) -> str:
    return code[:2] + "0000"


def article_city(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver,
                 province: str | None) -> str | None:
    """The city (prefecture-level division) an article is about: the one of its
    province its places fall in most often; a municipality is its own city."""
    if province is None:
        return None
    if province in MUNICIPALITIES:
        return province
    votes: Counter[str] = Counter()
    counties: Counter[str] = Counter()  # (天门市, a county-level city under its province alone)
    for surface, code in _below(extraction, gaz, resolve_place, province):
        votes[code[:4] + "00"] += 2 if surface == gaz.divisions[code].name else 1
        counties[code] += gaz.divisions[code].parent == province
    city = votes.most_common(1)[0][0] if votes else None
    if city is not None and city not in gaz.divisions:
        city = next((c for c, n in counties.most_common() if n and c[:4] == city[:4]), None)
    return city if city in gaz.divisions else None


def county_city(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver,
                province: str | None, county: str | None) -> bool:
    """Whether an article is about the county-level city ``county`` (昆山市, in 苏州市), so that
    its 全市 and 市科技局 are that city's: it names no place below its province more often."""
    if province is None or county is None or not gaz.divisions[county].name.endswith("市"):
        return False
    within = Counter(code for _, code in _below(extraction, gaz, resolve_place, province, county[:4] + "00"))
    return within[county] > 0 and within[county] >= max(within.values())


def _below(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver,
           province: str, city: str | None = None) -> list[tuple[str, str]]:
    """``(surface, code)`` of each place name of the article that is a division of
    ``province`` below the province itself (a name several cities' districts share,
    鼓楼区, read as ``city``'s where given)."""
    out = []
    for surface in extraction.place_names:
        r = resolve_place(gaz, surface, province=province, **({"prefecture": city} if city else {}))
        if r.status == "resolved" and r.code and r.code[:2] == province[:2] and not r.code.endswith("0000"):
            out.append((surface, r.code))
    return out


def article_province(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver) -> str | None:
    """The province an article is about: the one its places fall in most often, and clearly
    so (None when the evidence is split)."""
    votes: Counter[str] = Counter()
    titled_provinces, below = set(), set()
    for surface in extraction.place_names:
        if len(surface) == 2 and surface.endswith("区"):
            continue  # 西区, 城区, 矿区: a part of many a city, no evidence of which
        r = resolve_place(gaz, surface)
        if r.status == "resolved" and r.code:
            if surface in (extraction.article.title or ""):
                titled_provinces.add(_province_of(gaz, r.code))
            # A two-character short form is weak evidence (会同 is also a verb).
            full = surface == gaz.divisions[r.code].name or r.code.endswith("0000")
            votes[_province_of(gaz, r.code)] += 2 if full else 1
            if full and not r.code.endswith("0000"):
                below.add(_province_of(gaz, r.code))
    if not votes:  # no place named: a region's own short word for itself (全疆, 全藏)
        for word, code in _OWN_WORDS.items():
            if word in extraction.article.clean and code in gaz.divisions:
                votes[code] += 1
    other = max((n for code, n in votes.items() if code not in MUNICIPALITIES), default=0)
    if any(m.attr("relative") == "省" for m in extraction.mentions):
        for code in MUNICIPALITIES & {c for c, n in votes.items() if n <= 4 * other}:
            del votes[code]  # 省科技厅 in an article about Fuzhou visited from Beijing: no municipality has a 省
    ranked = votes.most_common(3)
    if len(ranked) >= 2 and ranked[0][1] == ranked[1][1]:  # a tie: the one the title names, if one,
        tied = {c for c, n in ranked if n == ranked[0][1]}
        titled = tied & titled_provinces  # else the one a place below it is named of in full (金安区, not 上海)
        if len(titled) == 1:
            return titled.pop()
        return (tied & below).pop() if not titled and len(tied & below) == 1 else None
    if len(ranked) == 3 and ranked[0][1] < 2 * ranked[1][1]:
        return None  # three provinces or more, none named twice as often as the next: a national
        # list (湖南大学科技园、厦门大学…等12家) is no one province's, so nothing is read as one's
    return ranked[0][0] if ranked else None


# Words only one region uses of itself.
_OWN_WORDS = {"全疆": "650000", "我疆": "650000", "全藏": "540000", "全桂": "450000"}


def article_county(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver,
                   city: str | None, district_stems: StemFinder | None = None) -> str | None:
    """The county-level division (a district, a county) of ``city`` an article is about:
    the one its places fall in most often, the districts ``district_stems`` finds written
    by their stem among them."""
    if city is None:
        return None
    votes = Counter(code for _, code in _below(extraction, gaz, resolve_place, city[:2] + "0000", city)
                    if code[:4] == city[:4] and not code.endswith("00"))
    if district_stems is not None:  # (锡山 for 锡山区: a stem no gazetteer name holds)
        votes.update(district_stems(gaz, extraction.article.clean, city))
    return votes.most_common(1)[0][0] if votes else None


# What an article says when it speaks as its city's, county's or district's own.
_OWN_LEVEL_WORDS = {"市": re.compile(r"我市|全市|本市"), "县": re.compile(r"我县|全县|本县"),
                    "区": re.compile(r"我区|全区|本区")}


def speaks_as(extraction: Extraction, level: str) -> bool:
    """Whether an article speaks as its city's (``level`` 市), county's (县) or district's
    (区): it says 我市, 全市 or 本市 (我县 …), or names a body by that level alone (市科技局)."""
    return bool(_OWN_LEVEL_WORDS[level].search(extraction.article.clean)) or any(
        m.attr("relative") == level for m in extraction.mentions)


SHARE = 0.75  # of the places named below the province that must be in that city or county
_PROVINCE_WORDS = re.compile(r"我省|全省|本省|省内|全疆|全藏|全自治区|我区各|全区各")


def about_one(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver,
              province: str | None, code: str | None) -> bool:
    """Whether an article is about the city or county ``code`` alone: at least
    :data:`SHARE` of the places below its province that it names are that city or in it
    (a county: that county or in it, and named at least as often as its city), and it
    never speaks as the province's (全省, 我省); a county's article never speaks as its
    city's (全市, 市科技局) either; unless its title names that city or county and not the province
    (某市16家孵化器获评A级, where 全省 gives the province's figures beside the city's)."""
    if code is None or province is None or code == province or (
            _PROVINCE_WORDS.search(extraction.article.clean) and not _titled(extraction, gaz, resolve_place, province, code)):
        return False
    county = not code.endswith("00")
    if county and speaks_as(extraction, "市"):
        return False
    within = Counter(c if county and not c.endswith("00") else c[:4] + "00"
                     for _, c in _below(extraction, gaz, resolve_place, province))
    city = within.pop(code[:4] + "00", 0) if county else 0  # a county's article may name its city, less often
    return within[code] >= max(city, SHARE * sum(within.values()))


def _titled(extraction: Extraction, gaz: Gazetteer, resolve_place: PlaceResolver, province: str, code: str) -> bool:
    """Whether the article's title names the division ``code`` (or places in it) and no other
    place of the province, nor the province itself."""
    title = extraction.article.title or ""
    prefix = code[:4] if code.endswith("00") else code
    named = set()
    for surface in extraction.place_names:
        if surface in title:
            r = resolve_place(gaz, surface, province=province)
            if r.status == "resolved" and r.code:
                named.add(r.code)
    return bool(named) and all(c.startswith(prefix) and c != province for c in named)


def remembered(resolve_place: PlaceResolver) -> PlaceResolver:
    """``resolve_place`` with its answers remembered by (surface, province, prefecture):
    one resolve run asks about the same few thousand names again and again (every head
    of every organisation name); the gazetteer does not change during a run."""
    memo: dict[tuple[str, str | None, str | None], PlaceResolution] = {}

    def cached(gaz: Gazetteer, surface: str, *, province: str | None = None,
               prefecture: str | None = None) -> PlaceResolution:
        key = (surface, province, prefecture)
        found = memo.get(key)
        if found is None:
            found = resolve_place(gaz, surface) if province is None and prefecture is None else \
                resolve_place(gaz, surface, province=province, prefecture=prefecture)
            memo[key] = found
        return found
    return cached
