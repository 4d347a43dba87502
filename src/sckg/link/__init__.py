"""Gazetteers: China's divisions with codes, names, WGS84 points and links to GeoNames
and Wikidata; place resolution for the extractor; link files; Linked Places export.

Typical use::

    from sckg.link import build_gazetteer, resolve_place, PlaceFinder
    gaz = build_gazetteer()
    resolve_place(gaz, "拉萨").code            # "540100"
    resolve_place(gaz, "城关区", province="540000").code   # "540102"
"""

from sckg.link.divisions import build_gazetteer
from sckg.link.resolve import PlaceFinder, ancestors, district_stems, find_places, resolve_place

__all__ = ["PlaceFinder", "ancestors", "build_gazetteer", "district_stems", "find_places", "resolve_place"]
