"""Carriers listed in a notice's table: ``序号 名称 运营主体 所在地`` rows, each a
number, the carrier's name, its operator and where it is, under a heading (…众创空间名单),
a title that names such a list, or a header row (众创空间名称) that gives the kind."""

from __future__ import annotations

import re
from collections.abc import Callable

from sckg.extract.events import CARRIER_CLASS, LEVELS
from sckg.model import Article, Mention, PlaceMention, Relation

_ROW = re.compile(r"^\d{1,3}[.、\s]\s*(\S{4,30})\s+(\S{4,40})(?:\s+(\S{2,12}))?$")
_LIST_HEADING = re.compile(r"([\u4e00-\u9fff]{2,16}?)名单")
_LEVEL = re.compile("|".join(sorted(LEVELS, key=len, reverse=True)))
# A header row naming the kind of its name column: 序号 众创空间名称 运营主体 所在区县.
_HEADER = re.compile(r"序号\s+([\u4e00-\u9fff]{2,10})名称")


def _kind(words: str) -> str | None:
    """The class of the longest carrier word in ``words`` (拟认定的市级众创空间 → MakerSpace)."""
    found = [w for w in CARRIER_CLASS if w in words]
    return CARRIER_CLASS[max(found, key=len)] if found else None


def _heading(text: str) -> tuple[str | None, str | None] | None:
    """The kind and level of carrier a list heading names, or None when ``text`` is none."""
    heading = _LIST_HEADING.search(text) if "名单" in text else None
    if heading is None:
        return None
    level = _LEVEL.search(text, 0, heading.end())
    return _kind(heading.group(1)), LEVELS[level.group(0)] if level else None


def list_rows(article: Article, find_places: Callable[[str], list[PlaceMention]],
              mentions: list[Mention]) -> tuple[list[Mention], list[Relation]]:
    """The carriers of the table rows of ``article`` (each a carrier of the kind and
    level its heading, the article's title or the table's header row gives) and the
    places they are in, beyond ``mentions`` (what the paragraphs read: a row's name read
    there as something else gives way to the carrier, which the caller sees as a mention
    ``replaced`` in place). Relation indices count from the start of ``mentions``."""
    at = {(m.start, m.end): i for i, m in enumerate(mentions)}
    added: list[Mention] = []
    relations: list[Relation] = []

    def index(m: Mention) -> int:
        if (m.start, m.end) in at:
            mentions[at[m.start, m.end]] = m
            return at[m.start, m.end]
        added.append(m)
        return len(mentions) + len(added) - 1

    kind, level = _heading(article.title or "") or (None, None)
    for block in article.body_blocks:
        heading = _heading(block.text)
        header = _HEADER.match(block.text)
        if heading or header:
            kind, level = heading or (_kind(header.group(1)) or kind, level)
            continue
        row = _ROW.match(block.text)
        if not (kind and row):
            continue
        attrs = (("level", level),) if level else ()
        start = block.start + row.start(1)
        carrier = index(Mention(row.group(1), start, start + len(row.group(1)), "InnovationCarrier", kind, attrs))
        if row.group(3):
            s3 = block.start + row.start(3)
            for p in find_places(row.group(3)):
                place = index(Mention(p.surface, s3 + p.start, s3 + p.end, "Place", "Place"))
                relations.append(Relation("locatedIn", carrier, place))
    return added, relations
