"""Resolved entities, relations and figures as RDF: one named graph per article.

Every entity an article mentions is described in that article's graph (class,
labels, ``sc:mentionedIn``), with a Web Annotation per mention holding the character
offsets of the original file. The union of the graphs is the whole knowledge graph.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache

import opencc
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef

from sckg import __version__
from sckg.model import Article, ArticleSlice, Entity, Link, Resolution, ResolvedFigure
from sckg.rdf.figures import add_figures
from sckg.rdf.iris import (GRAPH, ID, OA, ORG, QB, SC, article_graph, article_iri,
                           entity_iri, place_iri, slug, tone_syllables)
from sckg.rdf.triples import TripleSet, integer, text

DCTERMS = Namespace("http://purl.org/dc/terms/")
PROV = Namespace("http://www.w3.org/ns/prov#")
_S2T = opencc.OpenCC("s2t")
_KIND = {"Person": "person", "Event": "event", "Programme": "programme", "Project": "project",
         "InnovationCarrier": "carrier", "Place": "place"}
_LEVEL = {"national": SC.NationalLevel, "provincial": SC.ProvincialLevel,
          "prefectural": SC.PrefecturalLevel, "county": SC.CountyLevel}
_PROPERTY = {"locatedIn": SC.locatedIn, "jurisdiction": SC.jurisdiction, "location": SC.location,
             "mainVenue": SC.mainVenue, "subVenue": SC.subVenue, "visitor": SC.visitor,
             "visited": SC.visited, "organizer": SC.organizer, "participant": SC.participant,
             "subOrganizationOf": ORG.subOrganizationOf, "issuedBy": SC.issuedBy}
_ARTICLE_PROPERTY = {"creator": DCTERMS.creator, "editor": SC.editor,
                     "publisher": DCTERMS.publisher, "source": DCTERMS.source}
_NUMERALS = {"首": 1, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10}
SOFTWARE = ID[f"software-sckg-{__version__.replace('.', '-')}"]
_ID = str(ID)
# Terms made once (a namespace attribute makes a new URIRef each time it is read).
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_MENTIONED_IN, _PERSON = SC.mentionedIn, SC.Person
_ANNOTATION, _HAS_BODY, _HAS_TARGET = OA.Annotation, OA.hasBody, OA.hasTarget
_SPECIFIC_RESOURCE, _HAS_SOURCE, _HAS_SELECTOR = OA.SpecificResource, OA.hasSource, OA.hasSelector
_POSITION_SELECTOR, _START, _END = OA.TextPositionSelector, OA.start, OA.end
_QUOTE_SELECTOR, _EXACT = OA.TextQuoteSelector, OA.exact


def new_dataset() -> Dataset:
    """An empty dataset with the project's prefixes bound."""
    ds = Dataset()
    for prefix, ns in (("sc", SC), ("id", ID), ("graph", GRAPH), ("org", ORG), ("qb", QB),
                       ("oa", OA), ("prov", PROV), ("dcterms", DCTERMS), ("skos", SKOS),
                       ("unit", Namespace("http://qudt.org/vocab/unit/")),
                       ("cur", Namespace("http://qudt.org/vocab/currency/"))):
        ds.bind(prefix, ns)
    return ds


def entity_iris(entities: dict[str, Entity], foreign_iri, known_label=None) -> dict[str, URIRef]:
    """An IRI for every entity; names whose slugs collide get a digest of their key.

    A name that is one thing only within a scope (``Entity.scope``) carries the scope:
    ``id:person-zhou-wen-bin-330000`` is 周文彬 of Zhejiang's articles; one article's
    own body (区科学技术局) carries a digest of the article's id. So ``sckg ingest`` of
    another article never takes such a node for its own.

    ``known_label(iri)`` gives the zh-Hans label an existing graph already has for an
    IRI (or None): a slug another entity holds there (山西省… and 陕西省… both read
    shan-xi-sheng…) collides too.
    """
    iris: dict[str, URIRef] = {}
    taken: dict[URIRef, str] = {}
    for key in sorted(entities):
        ent = entities[key]
        if ent.code:
            iri = place_iri(ent.code)
        elif ent.foreign:
            iri = foreign_iri(ent.foreign)
        else:
            iri = entity_iri(_KIND.get(ent.category, "org"), ent.name)
            if ent.scope:  # a name that is this thing only within a division or an article
                iri = URIRef(f"{iri}-{ent.scope if ent.scope.isdigit() else _digest(ent.scope)}")
            held = known_label(iri) if known_label else None
            if iri in taken or (held is not None and held != ent.name):
                iri = URIRef(f"{iri}-{_digest(key)}")
        taken[iri] = key
        iris[key] = iri
    return iris


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def edition_number(text: str) -> int | None:
    """第五届 → 5, 首届 → 1, 第十一期 → 11."""
    m = re.search(r"第?([\d一二两三四五六七八九十首]+)[届期次]", text)
    if not m:
        return None
    word = m.group(1)
    if word.isdigit():
        return int(word)
    if word == "首":
        return 1
    if "十" in word:
        tens, _, ones = word.partition("十")
        return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)
    return _NUMERALS.get(word)


def date_literal(value: str) -> Literal:
    """A literal typed as precisely as the text gives the date."""
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if "T" in value:
        return Literal(value if value.count(":") == 2 else value + ":00", datatype=XSD.dateTime)
    return Literal(value, datatype=XSD.date)


@lru_cache(maxsize=65536)
def _traditional(name: str) -> str:
    return _S2T.convert(name)


@lru_cache(maxsize=65536)
def _pinyin_label(name: str) -> Literal | None:
    syllables = tone_syllables(name)
    return Literal(" ".join(syllables), lang="zh-Latn-pinyin") if syllables else None


@lru_cache(maxsize=1024)
def _class(name: str) -> URIRef:
    return SC[name]


def _labels(g: Graph, iri: URIRef, ent: Entity, traditional: bool) -> None:
    g.add((iri, _LABEL, text(ent.name, "zh-Hans")))
    if ent.cls != "Place" or not ent.code:
        if traditional:
            seen = [h for h in sorted(ent.hant) if len(h) == len(ent.name)]
            g.add((iri, _LABEL, text(seen[0] if seen else _traditional(ent.name), "zh-Hant")))
        label = _pinyin_label(ent.name)
        if label is not None:
            g.add((iri, _LABEL, label))
    for alias in sorted(ent.aliases):
        if alias != ent.name:
            g.add((iri, _ALT_LABEL, text(alias, "zh-Hans")))


def _describe(g: Graph, iri: URIRef, ent: Entity, article: Article, art: URIRef) -> None:
    g.add((iri, _TYPE, _class(ent.cls) if ent.category != "Person" else _PERSON))
    _labels(g, iri, ent, article.traditional)
    g.add((iri, _MENTIONED_IN, art))
    attrs = ent.attrs
    if ent.category == "Event":
        edition = edition_number(attrs.get("edition", ""))
        if edition:
            g.add((iri, SC.edition, integer(edition)))
        for key, prop in (("date", SC.startDate), ("end_date", SC.endDate)):
            if attrs.get(key):
                g.add((iri, prop, date_literal(attrs[key])))
        if attrs.get("theme"):
            g.add((iri, SC.theme, Literal(attrs["theme"], lang="zh-Hans")))
    if ent.category == "InnovationCarrier" and attrs.get("level") in _LEVEL:
        g.add((iri, SC.accreditationLevel, _LEVEL[attrs["level"]]))


def _mentions(g: Graph, iri: URIRef, ent: Entity, article: Article, taken: dict[str, URIRef]) -> None:
    """The annotations of ``ent``'s mentions; ``taken``: each annotation IRI minted so far in
    the article, and its body."""
    add, sources = g.add, {}
    for aid, start, end, _surface in ent.mentions:  # this article's only (its slice)
        o0, o1 = article.original_range(start, end)
        base = f"{_ID}mention-{aid}-{o0}-{o1}"
        if taken.setdefault(base, iri) != iri:
            base += "-" + _bare(iri)  # one span, two bodies (某经开区: the zone and its 管委会): one each
        node, target = URIRef(base), URIRef(base + "-target")
        pos, quote = URIRef(base + "-pos"), URIRef(base + "-quote")
        source = sources.get(aid)
        if source is None:
            source = sources[aid] = article_iri(aid)
        add((node, _TYPE, _ANNOTATION))
        add((node, _HAS_BODY, iri))
        add((node, _HAS_TARGET, target))
        add((target, _TYPE, _SPECIFIC_RESOURCE))
        add((target, _HAS_SOURCE, source))
        add((target, _HAS_SELECTOR, pos))
        add((target, _HAS_SELECTOR, quote))
        add((pos, _TYPE, _POSITION_SELECTOR))
        add((pos, _START, integer(o0)))
        add((pos, _END, integer(o1)))
        add((quote, _TYPE, _QUOTE_SELECTOR))
        add((quote, _EXACT, text(article.original[o0:o1])))


def _bare(iri: URIRef) -> str:
    """id:person-zhou-wen-bin-330000 → zhou-wen-bin-330000: an entity's IRI, as part of the
    IRI of a post or an award it takes part in, so two people of one name hold two posts."""
    return str(iri)[len(str(ID)):].split("-", 1)[-1]


def _membership(person: URIRef, organisation: URIRef, role: str | None) -> URIRef:
    return ID[f"membership-{_bare(person)}-{_bare(organisation)}-{slug(role or '')}"]


def _links(g: Graph, links: list[Link], iris: dict[str, URIRef], entities: dict[str, Entity],
           art: URIRef) -> None:
    prizes: dict[str, URIRef] = {}
    held = {(l.subject, l.object, l.value) for l in links if l.kind == "post"}
    # Awards first: a project is attached to the award its prize names.
    for link in sorted(links, key=lambda l: l.kind != "winner"):
        s = art if link.subject == "article" else iris.get(link.subject)
        o = iris.get(link.object) if link.object else None
        if s is None or (link.object and o is None):
            continue
        if link.kind == "post" and entities[link.object].category == "Project":
            g.add((o, DCTERMS.creator, s))  # a project's founder: no organisation to hold a post in
        elif link.kind == "formerPost" and (link.subject, link.object, link.value) in held \
                and entities[link.object].category != "Project":
            g.add((_membership(s, o, link.value), SC.formerPost, Literal(True)))
        elif link.kind == "post":
            role = ID[f"role-{slug(link.value or 'role')}"]
            member = _membership(s, o, link.value)
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, text(link.value, "zh-Hans")))
            g.add((member, RDF.type, ORG.Membership))
            g.add((member, ORG.member, s))
            g.add((member, ORG.organization, o))
            g.add((member, ORG.role, role))
            g.add((member, SC.mentionedIn, art))
        elif link.kind == "winner":
            award = ID[f"award-{_bare(o)}-{_bare(s)}"]
            g.add((award, RDF.type, SC.Award))
            g.add((award, RDFS.label, text(f"{entities[link.object].name}{link.value}", "zh-Hans")))
            g.add((award, SC.awardedIn, o))
            g.add((award, SC.winner, s))
            g.add((award, SC.prize, text(link.value, "zh-Hans")))
            g.add((award, SC.mentionedIn, art))
            prizes[f"{link.object}|{link.value}"] = award
        elif link.kind == "forProject":
            award = prizes.get(f"{link.subject}|{link.value}")
            if award is not None:
                g.add((award, SC.forProject, o))
        elif link.kind in _ARTICLE_PROPERTY:
            g.add((art, _ARTICLE_PROPERTY[link.kind], o))
        elif link.kind in _PROPERTY:
            g.add((s, _PROPERTY[link.kind], o))


def _article(g: Graph, article: Article, art: URIRef) -> None:
    activity = ID[f"extraction-{article.id}"]
    g.add((art, RDF.type, SC.Article))
    g.add((art, DCTERMS.identifier, text(article.id)))
    g.add((art, SC.contentDigest, text(article.digest)))
    g.add((art, DCTERMS.title, text(article.title or article.id, "zh-Hans")))
    if article.date:
        g.add((art, DCTERMS.date, date_literal(article.date)))
    g.add((art, PROV.wasGeneratedBy, activity))
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, PROV.used, art))
    g.add((activity, PROV.wasAssociatedWith, SOFTWARE))
    g.add((SOFTWARE, RDF.type, PROV.SoftwareAgent))
    g.add((SOFTWARE, RDFS.label, text(f"sckg {__version__}")))
    g.add((SOFTWARE, SC.softwareVersion, text(__version__)))


def _with_mentions(ent: Entity, mentions: list) -> Entity:
    """A shallow copy of ``ent`` holding ``mentions`` (what ``dataclasses.replace`` does,
    without its per-call field inspection)."""
    copy = object.__new__(Entity)
    copy.__dict__.update(ent.__dict__)
    copy.mentions = list(mentions)
    return copy


def article_slices(res: Resolution, foreign_iri, known_label=None) -> list[ArticleSlice]:
    """Cut ``res`` into one independent :class:`ArticleSlice` per article.

    IRIs are minted here, over the whole resolution, so that a name collision between
    articles is seen; everything else an article's graph needs is copied into its
    slice. Linear in the size of the resolution.
    """
    iris = entity_iris(res.entities, foreign_iri, known_label)
    mentions: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for key, ent in res.entities.items():
        for mention in ent.mentions:
            mentions[mention[0]][key].append(mention)
    links: dict[str, list[Link]] = defaultdict(list)
    for link in res.links:
        links[link.article].append(link)
    figures: dict[str, list[ResolvedFigure]] = defaultdict(list)
    for fig in res.figures:
        figures[fig.article].append(fig)
    out = []
    for article in res.articles:
        aid = article.id
        described = set(mentions[aid])
        referred = set(described)
        for link in links[aid]:
            for key in (link.subject, link.object):
                if key and key in res.entities:
                    referred.add(key)
                    if res.entities[key].category == "Place":
                        described.add(key)
        for fig in figures[aid]:
            referred.update(k for k in (fig.area, fig.subject) if k and k in res.entities)
            if fig.area in res.entities:  # the region a figure is about, named or not
                described.add(fig.area)
        entities = {key: _with_mentions(res.entities[key], mentions[aid].get(key, []))
                    for key in sorted(referred)}
        out.append(ArticleSlice(article, sorted(described), entities,
                                {key: str(iris[key]) for key in entities}, links[aid], figures[aid]))
    return out


def slice_graph(part: ArticleSlice, indicators: dict[str, URIRef]) -> TripleSet:
    """The named graph of one article, from its slice alone."""
    article = part.article
    g = TripleSet(article_graph(article.id))
    iris = {key: URIRef(iri) for key, iri in part.iris.items()}
    art = article_iri(article.id)
    _article(g, article, art)
    taken: dict[str, URIRef] = {}
    for key in part.described:
        ent = part.entities[key]
        _describe(g, iris[key], ent, article, art)
        _mentions(g, iris[key], ent, article, taken)
    _links(g, part.links, iris, part.entities, art)
    add_figures(g, article, part.figures, iris, indicators)
    return g


def article_graphs(res: Resolution, indicators: dict[str, URIRef], foreign_iri) -> Dataset:
    """A dataset with one named graph per article of ``res``."""
    ds = new_dataset()
    for part in article_slices(res, foreign_iri):
        target = ds.graph(article_graph(part.article.id))
        for triple in slice_graph(part, indicators):
            target.add(triple)
    return ds
