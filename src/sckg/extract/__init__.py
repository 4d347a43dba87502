"""The extract stage: people, posts, organisations, carriers, events, programmes,
places and figures read from an article's body (never its boilerplate), plus the
reporters, editors, publisher and source its byline and metadata name.

Places are found by a function the pipeline passes in (the gazetteer's finder), so
this stage does not depend on the gazetteer module. That function must read each line
on its own and give the same for the same line: a place never spans a line break (jieba,
which the finder cuts words with, cuts at line breaks). Each line is searched once, for
its paragraph and for the article's list of place names; a recurring line is not searched again.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Hashable
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from sckg.extract.academies import academy_institutes
from sckg.extract.agencies import (committee_departments, implied_governments, levels_alone, national_bodies,
                                   national_heads, own_heads, party_committees, party_committees_of_state,
                                   place_bodies, relative_agencies, zone_bodies)
from sckg.extract.anaphors import kind_heads, own_bodies
from sckg.extract.brands import brand_companies
from sckg.extract.bylines import body_bylines, body_credits, dateline_sources
from sckg.extract.carrier_lists import listed_carriers, operated_carriers, short_forms
from sckg.extract.event_names import ceremony_events
from sckg.extract.events import awards, carrier_kinds, event_details, later_awards, title_bodies, title_events
from sckg.extract.figures import FigureContext, extract_figures
from sckg.extract.former import former_posts
from sckg.extract.founders import founded_companies, founders, quoted_projects
from sckg.extract.funds import named_programmes
from sckg.extract.learned import Reading, body_starts, learned_organisations, learned_people, load_recogniser
from sckg.extract.names import suffix_names
from sckg.extract.people import find_people, listed_before, more_mentions
from sckg.extract.posts import posts, rank_posts, zone_posts
from sckg.extract.schools import own_school, school_posts, university_short_forms, university_units
from sckg.extract.shared_names import local_names
from sckg.extract.tables import list_rows
from sckg.extract.titled import titled_names
from sckg.extract.towns import towns, village_bodies
from sckg.extract.units import bodies_before_posts, listed_departments, sub_units
from sckg.extract.visits import title_visit, visits
from sckg.model import Article, Extraction, Figure, Mention, PlaceMention, Relation

PlaceFinder = Callable[[str], list[PlaceMention]]
Reader = Callable[[str], Reading]  # the learned recogniser's reading of a paragraph
_MEDIA_NAME = re.compile(r"(网|网站|报|台|社|杂志|在线|新闻|头条)$")
_ISSUER = re.compile(r"(厅|局|委|委员会|政府|办公室|办公厅|部)$")
_OUTLET = re.compile(r"([\u4e00-\u9fff]{2,8}(?:网|报|台|社))记者")

__all__ = ["extract_article", "PlaceFinder", "Reader", "load_recogniser", "load_word_models", "word_model_tables", "WordTables"]


def load_word_models(tables: WordTables | None = None) -> None:
    """Load jieba's dictionary and tagger now, quietly: once per process, before the
    first article (and before worker processes fork, so they share it).

    ``tables`` (from :func:`word_model_tables`, e.g. kept in a disk cache) installs the
    dictionary and tag table as they are instead of reading jieba's files: what jieba
    builds from them is the same, only slower to build (about a second).
    """
    import logging
    import sys

    import jieba

    jieba.setLogLevel(logging.WARNING)
    if tables is not None and not jieba.dt.initialized:
        freq, total, tags = tables
        jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, total, True
        if "jieba.posseg" not in sys.modules:
            # Importing jieba.posseg reads the tag table from the dictionary file (half a
            # second); hand it an empty file and install the table given instead.
            jieba.dt.get_dict_file = lambda: io.BytesIO()
            try:
                import jieba.posseg
            finally:
                del jieba.dt.get_dict_file
            jieba.posseg.dt.word_tag_tab = tags
    import jieba.posseg

    jieba.dt.check_initialized()
    jieba.posseg.dt.tokenizer.check_initialized()


class WordTables(NamedTuple):
    """jieba's prefix dictionary (word → frequency), its total and its tag table (word →
    part of speech): what :func:`load_word_models` can install."""

    freq: dict[str, int]
    total: int
    tags: dict[str, str]

    def __reduce__(self):
        # Pickled with the tag table keyed by the dictionary's own string objects, so each
        # word is stored once (the entry loads a quarter faster); done only when pickling.
        words = {word: word for word in self.freq}
        return (WordTables, (self.freq, self.total, {words.get(w, w): t for w, t in self.tags.items()}))


def word_model_tables() -> WordTables:
    """jieba's tables, loaded (from jieba's files) if need be."""
    import jieba
    import jieba.posseg

    load_word_models()
    return WordTables(jieba.dt.FREQ, jieba.dt.total, jieba.posseg.dt.word_tag_tab)


@lru_cache(maxsize=8192)
def _places_in_line(find_places: PlaceFinder, line: str) -> tuple[PlaceMention, ...]:
    """The places in one line, remembered across articles: some sentences recur."""
    return tuple(find_places(line))


# The year a notice names in its title: 关于认定2021年度自治区众创空间的通知.
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年度")
# The year of an event a title names: 2020中国·某某创新创业大赛, 2019年某某活动周.
_EVENT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:年度?)?[^\d，。,]{2,24}?(?:大赛|比赛|竞赛|挑战赛|活动周|创业节|选拔赛)")


# (以下简称某某): the short name an article gives a body it named just before.
_SHORT_NAME_BEFORE = re.compile(r"简称[“\"]?$")


def _overlaps(m: Mention, others: list[Mention]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


def _paragraph(text: str, offset: int, find_places: PlaceFinder, people: set[str], known_towns: set[str],
               year: str | None, read: Reader | None) -> tuple[list[Mention], list[Relation]]:
    """Mentions (paragraph offsets) and relations of one paragraph; ``people`` and
    ``known_towns``, the names read in the paragraphs before, grow with its own."""
    places = [Mention(p.surface, p.start, p.end, "Place", "Place") for p in find_places(text)]
    found_towns = towns(text, places, known_towns)
    known_towns.update(t.surface for t in found_towns)
    places = [p for p in places if not _overlaps(p, found_towns)] + found_towns
    place_names = [p.surface for p in places]
    names = suffix_names(text, place_names) + titled_names(text) + named_programmes(text, place_names)
    listed, replaced = listed_carriers(text, names, place_names)
    names = operated_carriers([m for i, m in enumerate(names) if i not in replaced] + listed)
    names += brand_companies(text, names, place_names)
    names += sub_units(text, names)
    names = [m for m in _dedupe(names) if not _SHORT_NAME_BEFORE.search(text, max(0, m.start - 4), m.start)]
    relative = relative_agencies(text, names)  # (县发改局、科技局: the 科技局 found by its ending is the county's)
    respelled = {(r.start, r.end) for r in relative}
    names = [m for m in names if (m.start, m.end) not in respelled] + relative
    names += national_bodies(text, names)
    names, short = university_short_forms(text, names)
    names += short
    names = academy_institutes(text, names)
    names += founded_companies(text, names)
    projects = quoted_projects(text)
    mentions = [m for m in names if not _overlaps(m, projects)] + projects
    # A place inside a longer name is part of that name (兰州 in 兰州大学).
    mentions += [p for p in places if not _overlaps(p, mentions)]
    # A name after a title wins over a place inside it (副市长张广东 is not 广东).
    reading = read(text) if read is not None else None
    persons = find_people(text, [m for m in mentions if m.category != "Place"],
                          None if reading is None else reading.sees_person, {p.end for p in places})
    persons = [p for p in persons if not _overlaps(p, [m for m in mentions if m.category != "Place"])]
    mentions = [m for m in mentions if m.category != "Place" or not _overlaps(m, persons)]
    mentions += persons
    if reading is not None:  # the people no cue announces, where the recogniser sees them
        learned = learned_people(text, reading.spans(), mentions)
        mentions += learned
        persons += learned
    listed = listed_before(text, persons, mentions)  # 甲、乙 where only 乙 was seen
    mentions += listed
    persons += listed
    people.update(p.surface for p in persons)
    mentions += more_mentions(text, people, mentions)
    if reading is not None:  # a body named where a post is, that no ending announces
        bodies = learned_organisations(text, reading.spans(), mentions)
        mentions = [m for m in mentions if m.category != "Place" or not _overlaps(m, bodies)] + bodies
    mentions += implied_governments(text, mentions)
    mentions += own_heads(text, mentions)
    mentions += national_heads(text, mentions)
    bodies = zone_bodies(text, mentions) + place_bodies(text, mentions)
    mentions = [m for m in mentions if not _overlaps(m, bodies) or m.category in ("Place", "InnovationCarrier")]
    mentions += bodies
    mentions = party_committees_of_state(text, party_committees(mentions))
    mentions = university_units(text, mentions)
    bodies = committee_departments(text, mentions)
    mentions = [m for m in mentions if not _overlaps(m, bodies)] + bodies
    spans = {(m.start, m.end) for m in mentions}  # 市科技局高新科, 中共某省委组织部某处: units of bodies found late
    mentions += [u for u in sub_units(text, [m for m in mentions if m.category == "GovernmentAgency"])
                 if (u.start, u.end) not in spans]
    bodies = bodies_before_posts(text, mentions, place_names)  # a body no ending announces
    mentions = [m for m in mentions if m.category != "Place" or not _overlaps(m, bodies)] + bodies
    mentions += kind_heads(text, mentions)  # 中心副主任某某: the article's one 中心
    mentions = levels_alone(text, village_bodies(text, listed_departments(mentions, text, place_names)))
    mentions = body_starts(reading, text, mentions, place_names) if reading is not None else mentions
    mentions += ceremony_events(mentions)  # 某活动周启动仪式: the week too
    mentions.sort(key=lambda m: (m.start, -m.end))
    mentions, rel_kinds = carrier_kinds(text, mentions)
    mentions, rel_events = event_details(text, mentions, year)
    mentions, rel_visits = visits(text, mentions, year)
    mentions, relations = zone_posts(mentions, posts(text, mentions) + founders(text, mentions) + awards(text, mentions))
    relations += former_posts(text, mentions, relations) + rel_kinds + rel_events + rel_visits  # (former: 原副校长)
    for m in list(mentions):
        if m.attr("parent"):
            parents = [i for i, p in enumerate(mentions) if p.surface == m.attr("parent")
                       and p.category == m.category and p.end <= m.start + len(p.surface)]
            child = mentions.index(m)
            for i in parents[:1]:
                relations.append(Relation("subOrganizationOf", child, i))
    shifted = [replace(m, start=m.start + offset, end=m.end + offset) for m in mentions]
    return shifted, relations


def _shifted(relations: list[Relation], base: int) -> list[Relation]:
    """``relations`` with their mention indices moved up by ``base``."""
    if not base:
        return relations
    return [replace(r, subject=r.subject + base, object=None if r.object is None else r.object + base)
            for r in relations]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int]] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if (m.start, m.end) in seen:
            continue
        seen.add((m.start, m.end))
        out.append(m)
    return out


def _byline(article: Article, mentions: list[Mention], relations: list[Relation]) -> None:
    """Reporters, editors, publisher and source, located in the boilerplate lines."""
    def locate(name: str, kinds: tuple[str, ...]) -> tuple[int, int] | None:
        for b in article.blocks:
            if b.kind in kinds:
                k = b.text.find(name)
                if k != -1:
                    return b.start + k, b.start + k + len(name)
        return None

    article_node = -1  # relations to the article itself use subject -1
    for role, names in (("creator", article.authors), ("editor", article.editors)):
        for name in names:
            span = locate(name, ("byline", "metadata"))
            if span:
                mentions.append(Mention(name, span[0], span[1], "Person", "Person"))
                relations.append(Relation(role, article_node, len(mentions) - 1))
    people = {(m.start, m.end): i for i, m in enumerate(mentions) if m.category == "Person"}
    for start, end in body_bylines(article):
        if (start, end) in people:  # the paragraph's reading already holds the reporter
            relations.append(Relation("creator", article_node, people[start, end]))
        elif not any(m.start < end and start < m.end for m in mentions  # (a place read inside the name gives way)
                     if not (m.category == "Place" and start <= m.start and m.end <= end)):
            mentions.append(Mention(article.clean[start:end], start, end, "Person", "Person"))
            relations.append(Relation("creator", article_node, len(mentions) - 1))
    people = {(m.start, m.end): i for i, m in enumerate(mentions) if m.category == "Person"}
    for start, end, role in body_credits(article):
        if (start, end) in people:
            relations.append(Relation(role, article_node, people[start, end]))
        elif not any(m.start < end and start < m.end for m in mentions):
            mentions.append(Mention(article.clean[start:end], start, end, "Person", "Person"))
            relations.append(Relation(role, article_node, len(mentions) - 1))
    outlets = []
    for role, name in (("publisher", article.publisher), ("source", article.source)):
        # A site operator named in a welcome banner is not a media outlet.
        if name and (role == "source" or _MEDIA_NAME.search(name)):
            outlets.append((role, name))
        elif name and role == "publisher" and _ISSUER.search(name):
            span = locate(name, ("signature", "metadata"))  # a notice's issuer publishes it
            if span:
                mentions.append(Mention(name, span[0], span[1], "GovernmentAgency", "GovernmentAgency"))
                relations.append(Relation("publisher", article_node, len(mentions) - 1))
    for b in article.blocks:
        if b.kind == "byline":
            for m in _OUTLET.finditer(b.text):
                outlets.append(("source", m.group(1).split("·")[-1]))
    for role, name in outlets:
        # A site named only in the navigation or the copyright notice is not one the
        # article names.
        span = locate(name, ("metadata", "byline", "source"))
        if span:
            mentions.append(Mention(name, span[0], span[1], "MediaOutlet", "MediaOutlet"))
            relations.append(Relation(role, article_node, len(mentions) - 1))
    added, sources = dateline_sources(article, mentions)
    mentions += added
    relations += [Relation("source", article_node, i) for i in sources]


def extract_article(article: Article, find_places: PlaceFinder, read: Reader | None = Reading) -> Extraction:
    """Everything the article's body (and byline) says, as mentions, relations and figures.

    ``read`` gives the learned recogniser's reading of a paragraph (the packaged model
    by default); ``None`` reads with the rules alone."""
    year = article.date[:4] if article.date else None
    mentions: list[Mention] = []
    relations: list[Relation] = []
    figures: list[Figure] = []
    people: set[str] = set()
    known_towns: set[str] = set()
    title_year = _TITLE_YEAR.search(article.title or "") or _TITLE_YEAR.search(  # (附件：2021年度…名单)
        "".join(b.text for b in article.blocks if b.kind == "attachment"))
    event_year = _EVENT_YEAR.search(article.title or "")
    context = FigureContext(date=article.date, year=title_year and title_year.group(1),
                            event_year=event_year and event_year.group(1))
    in_line: dict[str, tuple[PlaceMention, ...]] = {}

    def find_in_line(line: str) -> tuple[PlaceMention, ...]:
        if line not in in_line:
            in_line[line] = (_places_in_line(find_places, line) if isinstance(find_places, Hashable)
                             else tuple(find_places(line)))
        return in_line[line]

    for block in article.blocks:
        if block.kind not in ("body", "addressee"):
            continue
        found, rels = _paragraph(block.text, block.start, find_in_line, people, known_towns, year, read)
        if block.kind == "addressee":  # 各市科技局, 有关省…教育厅: bodies of a kind, no one body
            found, rels = _without(found, rels, [i for i, m in enumerate(found) if m.attr("relative")
                                                 and _plural(block.text, m.start - block.start)])
        base = len(mentions)
        mentions += found
        relations += _shifted(rels, base)
        if block.kind == "addressee":
            continue  # the bodies a notice is sent to are named there; it states no figure
        paragraph_figures = extract_figures(block.text, block.start, context, shorts=tuple(sorted(
            {m.surface for m in found if m.category == "Place" and len(m.surface) == 2})))  # (德阳有…)
        first = len(figures)
        figures += [f if f.whole is None else replace(f, whole=f.whole + first)
                    for f in paragraph_figures]
    title_places = [p.surface for p in find_in_line(article.title or "")]
    mentions += title_events(article, mentions, title_places) + title_bodies(article, mentions, title_places)
    relations += later_awards(article.clean, mentions, relations)
    if told := title_visit(article, mentions, year):
        mentions.append(told[0])
        relations.append(Relation("visitor", len(mentions) - 1, told[1]))
    listed, rels = list_rows(article, find_places, mentions)
    mentions, relations = mentions + listed, relations + rels
    _byline(article, mentions, relations)
    people = _name_spans(article.clean, mentions)
    mentions = own_bodies(own_school(article.clean, mentions))
    relations += school_posts(article.clean, mentions, relations)
    relations += rank_posts(article.clean, mentions, relations)
    mentions, relations = _outside_names(people, mentions, relations)
    place_names = _place_names(article.clean, find_in_line, people)
    mentions = local_names(short_forms(mentions, place_names))
    return Extraction(article=article, mentions=mentions, relations=relations, figures=figures,
                      place_names=place_names)


def _without(mentions: list[Mention], relations: list[Relation], dropped: list[int]) -> tuple[list[Mention], list[Relation]]:
    """``mentions`` without those at the indices ``dropped``, and ``relations`` re-indexed
    to them (a relation of a mention dropped goes with it)."""
    if not dropped:
        return mentions, relations
    new = {old: k for k, old in enumerate(i for i in range(len(mentions)) if i not in dropped)}
    return [m for i, m in enumerate(mentions) if i in new], [
        replace(r, subject=new.get(r.subject, r.subject), object=None if r.object is None else new[r.object])
        for r in relations if (r.subject < 0 or r.subject in new) and (r.object is None or r.object in new)]


def _plural(text: str, pos: int) -> bool:
    """Whether the clause ``pos`` is in opens with 各, 有关 or 相关 (各县科技局、教育局)."""
    return text.startswith(("各", "有关", "相关"), max(text.rfind(c, 0, pos) for c in "，,；;") + 1)


def _name_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Every occurrence in ``text`` of the names of the people found, with or without a
    post that announces them there."""
    names = {m.surface for m in mentions if m.category == "Person" and len(m.surface) > 1}
    return [(k.start(), k.end()) for name in sorted(names) for k in re.finditer(re.escape(name), text)]


def _outside_names(people: list[tuple[int, int]], mentions: list[Mention],
                   relations: list[Relation]) -> tuple[list[Mention], list[Relation]]:
    """The mentions without the places inside a person's name (云龙 in 叶云龙; ``people``:
    :func:`_name_spans`), and the relations re-indexed to them (those of a place dropped
    go with it)."""
    return _without(mentions, relations, [i for i, m in enumerate(mentions) if m.category == "Place"
                                          and any(s <= m.start and m.end <= e for s, e in people)])


def _place_names(text: str, find_in_line, people: list[tuple[int, int]]) -> list[str]:
    """The place names of ``text``, the evidence of where an article is: all of them, in
    the names of bodies too (兰州 in 兰州大学), but not inside a person's name (云龙 in
    叶云龙; ``people``: :func:`_name_spans`), nor a town's name (乐平镇 is no 乐平市)."""
    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        for p in find_in_line(line):
            if line[p.end:p.end + 1] in ("镇", "乡") or line.startswith("街道", p.end):
                continue
            if not any(s < offset + p.end and offset + p.start < e for s, e in people):
                out.append(p.surface)
        offset += len(line) + 1
    return out
