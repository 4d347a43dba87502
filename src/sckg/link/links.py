"""Links from gazetteer files: GeoNames dumps and Wikidata Query Service results together."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence

from sckg.link.geonames import links_from_dump
from sckg.link.wikidata import links_from_results
from sckg.model import Gazetteer, PlaceLink


def merge_links(links: Iterable[PlaceLink]) -> list[PlaceLink]:
    """One link per (place, scheme, identifier): the best scored, the first given on a tie; sorted."""
    best: dict[tuple[str, str, str], PlaceLink] = {}
    for link in links:
        key = (link.code, link.scheme, link.identifier)
        if key not in best or link.score > best[key].score:
            best[key] = link
    return [best[k] for k in sorted(best)]


def links_from_files(
    gaz: Gazetteer,
    geonames_files: Sequence[str | os.PathLike] = (),
    wikidata_files: Sequence[str | os.PathLike] = (),
) -> list[PlaceLink]:
    """The links the files give the gazetteer's divisions; every file is parsed before any is used.

    A Wikidata row with only P1566 finds its place through the GeoNames links the
    gazetteer already has or the dumps give. Raises InputError on the first malformed file.
    """
    links: list[PlaceLink] = []
    for path in geonames_files:
        links += links_from_dump(path, gaz.divisions)
    by_geonames = {l.identifier: l.code for l in (*gaz.links, *links) if l.scheme == "geonames"}
    for path in wikidata_files:
        links += links_from_results(path, gaz.divisions, by_geonames)
    return merge_links(links)
