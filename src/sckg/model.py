"""Typed records shared by the pipeline stages.

Stages (normalize, extract, resolve, rdf, validate, load, serve) and the support
modules (link, cli) exchange only these dataclasses; they never import each other.
Offsets are character offsets: ``clean`` offsets index ``Article.clean``, ``orig``
offsets index ``Article.original`` (the decoded input file).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


class InputError(Exception):
    """Bad input: carries a one-line message that names the file and the problem."""


# --------------------------------------------------------------------------- text


@dataclass(frozen=True)
class Segment:
    """A stretch of clean text and the stretch of original text it came from.

    A *linear* segment has equal lengths and maps character for character
    (identity, or a one-to-one replacement such as traditional → simplified).
    Any other segment maps as a whole (a pinyin annotation dropped, a repaired
    mis-decoded stretch, collapsed whitespace).
    """

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int

    @property
    def linear(self) -> bool:
        return self.clean_end - self.clean_start == self.orig_end - self.orig_start


@dataclass(frozen=True)
class OffsetMap:
    """Maps ranges of the clean text back to ranges of the original text."""

    segments: tuple[Segment, ...]
    clean_length: int
    orig_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that was not changed."""
        return cls((Segment(0, length, 0, length),) if length else (), length, length)

    def _orig_at(self, pos: int, *, end: bool) -> int:
        if pos >= self.clean_length:
            return self.orig_length
        starts = [s.clean_start for s in self.segments]
        i = bisect.bisect_right(starts, pos) - 1
        # Skip segments that are empty in the clean text (deleted original text):
        # a start lands after the deletion, an end before it.
        seg = self.segments[i]
        if seg.linear:
            return seg.orig_start + (pos - seg.clean_start)
        if pos == seg.clean_start:
            return seg.orig_start
        return seg.orig_end if end else seg.orig_start

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range ``[o_start, o_end)`` the clean range ``[start, end)`` came from.

        A range boundary inside a non-linear segment widens to cover the whole segment.
        """
        if not 0 <= start <= end <= self.clean_length:
            raise ValueError(f"range {start}:{end} outside clean text of {self.clean_length}")
        o_start = self._orig_at(start, end=False)
        if end == start:
            return o_start, o_start
        o_end = self._orig_at(end - 1, end=True)
        seg = self._segment_at(end - 1)
        if seg.linear:
            o_end += 1
        else:
            o_end = seg.orig_end
        return o_start, o_end

    def _segment_at(self, pos: int) -> Segment:
        starts = [s.clean_start for s in self.segments]
        i = bisect.bisect_right(starts, pos) - 1
        while self.segments[i].clean_end <= pos:
            i += 1
        return self.segments[i]

    def boundaries(self) -> list[int]:
        """Clean positions where a range may start or end and map exactly."""
        out: set[int] = {0, self.clean_length}
        for s in self.segments:
            if s.linear:
                out.update(range(s.clean_start, s.clean_end + 1))
            else:
                out.update((s.clean_start, s.clean_end))
        return sorted(out)

    def then(self, later: OffsetMap) -> OffsetMap:
        """Compose: ``self`` maps text B → A, ``later`` maps text C → B; the result maps C → A."""
        segments: list[Segment] = []
        for seg in later.segments:
            if seg.clean_start == seg.clean_end:
                continue
            if seg.linear:
                # Split a linear segment of C at the boundaries of B's segments so
                # each piece stays linear or collapses as a whole.
                pos = seg.clean_start
                while pos < seg.clean_end:
                    b_pos = seg.orig_start + (pos - seg.clean_start)
                    inner = self._segment_at(b_pos)
                    if inner.linear:
                        stop = min(seg.clean_end, pos + (inner.clean_end - b_pos))
                        a0 = inner.orig_start + (b_pos - inner.clean_start)
                        segments.append(Segment(pos, stop, a0, a0 + (stop - pos)))
                        pos = stop
                    else:
                        stop = min(seg.clean_end, pos + (inner.clean_end - b_pos))
                        a0, a1 = self.to_original(b_pos, b_pos + (stop - pos))
                        segments.append(Segment(pos, stop, a0, a1))
                        pos = stop
            else:
                a0, a1 = self.to_original(seg.orig_start, seg.orig_end)
                segments.append(Segment(seg.clean_start, seg.clean_end, a0, a1))
        return OffsetMap(tuple(segments), later.clean_length, self.orig_length)


@dataclass(frozen=True)
class Block:
    """A line-aligned region of the clean text with its kind.

    ``kind`` is ``"body"`` for article content; everything else is boilerplate:
    ``title``, ``metadata``, ``byline``, ``navigation``, ``copyright``, ``related``,
    ``hot``, ``footer``, ``source``.
    """

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Damage:
    """A stretch of the original damaged by mis-decoding, and what became of it."""

    orig_start: int
    orig_end: int
    clean_start: int
    clean_end: int
    damaged: str
    repaired: str | None  # None: bytes were lost, the stretch is marked, not guessed

    @property
    def status(self) -> str:
        return "repaired" if self.repaired is not None else "marked"


@dataclass
class Article:
    """One input article after normalization."""

    id: str
    path: str
    encoding: str
    original: str
    clean: str
    offsets: OffsetMap
    blocks: list[Block]
    damaged: list[Damage]
    traditional: bool = False
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "body"]

    @property
    def body(self) -> str:
        """The clean body text, one paragraph a line."""
        return "\n".join(b.text for b in self.body_blocks)

    @property
    def boilerplate(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "body"]

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Original character range of the clean range ``[start, end)``."""
        return self.offsets.to_original(start, end)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Division:
    """A Chinese administrative division (GB/T 2260), as the gazetteer knows it."""

    code: str  # six digits, e.g. "540100"
    name: str  # full zh-Hans name, e.g. "拉萨市"
    level: str  # "province" | "prefecture" | "county"
    parent: str | None = None  # code of the enclosing division
    name_hant: str | None = None
    pinyin: str | None = None
    short_names: tuple[str, ...] = ()  # forms articles use: 拉萨, 博州, 新疆
    lat: float | None = None  # WGS84
    lon: float | None = None
    geonames_id: int | None = None
    wikidata_id: str | None = None  # "Q…"
    sources: tuple[str, ...] = ()  # where each fact came from, "package==version"


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    """One number an article states, with what it counts, as read from the text.

    Offsets are clean-text offsets; the rdf stage maps them to the original.
    Place, carrier and entity fields hold surface text for the resolve stage.
    """

    value: str  # decimal in base units, as a string to stay exact ("150000000")
    unit: str  # a unit key: "yuan", "m2", "person", "enterprise", "item", "percent", "rank" …
    indicator: str  # an indicator key from the controlled scheme
    qualifier: str = "exact"  # "exact" | "at-least" | "approximately" | "at-most"
    status: str = "achieved"  # "achieved" | "target"
    cumulative: bool = False
    quote: str = ""  # the sentence stretch the figure was read from (clean text)
    start: int = 0  # clean offsets of the quote
    end: int = 0
    value_start: int = 0  # clean offsets of the number and its unit
    value_end: int = 0
    area: str | None = None  # surface text: 全区, 全省, 昆明市 …
    period: str | None = None  # ISO 8601 as precise as given: "2016-12-31", "2020"
    carrier_type: str | None = None  # carrier class local name: "MakerSpace" …
    level: str | None = None  # "national" | "provincial" | "prefectural" | "county"
    subject: str | None = None  # surface text of the entity the figure is about
    whole: int | None = None  # index (in the article's figure list) of the total this is part of
