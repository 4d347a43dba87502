"""``sckg ingest``: one new article through the pipeline into its own graph of a store."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from sckg import load
from sckg.extract import extract_article
from sckg.link import PlaceFinder, district_stems, resolve_place
from sckg.load.ownership import curated_orphans
from sckg.load.refused import add_held
from sckg.model import Article, Gazetteer, HeldBack, InputError, ValidationResult
from sckg.normalize import normalize_file
from sckg.pipeline import STORE, _finder, _gazetteer, _indicators, _quarantined
from sckg.rdf.articles import article_slices, new_dataset, slice_graph
from sckg.rdf.gazetteer import foreign_iri
from sckg.rdf.iris import SC, article_graph
from sckg.resolve import resolve
from sckg.validate import context_spec, validate


@dataclass
class IngestResult:
    """What ingesting one article did."""

    article: str
    graph: str
    triples: int
    route: str
    validation: ValidationResult
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each step
    duplicate_of: str | None = None  # the graph that already holds the same text
    held: HeldBack | None = None  # statements held back (quarantine)
    # Entities only the replaced version gave, with the user statements naming each.
    orphans: dict[str, int] = field(default_factory=dict)


def _check_article_id(article: Article, store: Path, name: URIRef, replace: bool) -> str | None:
    """The graph already holding ``article``'s text under another id, if one does;
    :class:`InputError` when ``name`` already holds a different text and ``replace`` is off."""
    digest = str(SC.contentDigest)
    same = [g for g in load.graphs_with_value(store, digest, article.digest) if g != str(name)]
    if same:
        return same[0]
    held = load.graph_values(store, str(name), digest)
    if held is not None and article.digest not in held and not replace:
        raise InputError(f"{article.path}: article id {article.id} is taken: <{name}> holds a different "
                         f"text; rename the file, or pass --replace to replace that article")
    return None


def ingest(path: Path, store: Path = STORE, gaz: Gazetteer | None = None,
           server: str | None = None, replace: bool = False,
           all_or_nothing: bool = False) -> IngestResult:
    """One new article through the pipeline into its own graph of ``store``.

    Entities get the IRIs their canonical names give, so an entity the graph already
    holds is the same node. The article's graph replaces any earlier version in one
    transaction; nothing is written unless it passes the shapes together with what
    the store says about the nodes it touches.

    Statements that break the shapes are held back (written to ``refused/`` beside the
    store, the result's ``held``) and the rest goes in; with ``all_or_nothing``, or when
    the whole graph would be held back, nothing is written.

    The article's id (its file name) may not take another text's graph unless
    ``replace``; a text the store already holds under another id is not added twice
    (the result's ``duplicate_of`` names the graph holding it).
    """
    clock = _Clock()
    load.check_store(store)
    article = normalize_file(path)
    name = article_graph(article.id)
    duplicate = _check_article_id(article, store, name, replace)
    if duplicate is not None:
        return IngestResult(article.id, duplicate, 0, "none", ValidationResult(True, [], ""),
                            clock.laps, duplicate_of=duplicate)
    if gaz is None or gaz is _gazetteer():
        gaz, finder = _gazetteer(), _finder()
    else:
        finder = PlaceFinder(gaz)
    resolution = resolve([extract_article(article, finder.find)], gaz, resolve_place, district_stems)
    foreign = {place.key: place for place in gaz.foreign.values()}
    # An IRI the store gives another entity is not reused (slug collisions).
    part = article_slices(resolution, lambda key: foreign_iri(foreign[key]),
                          load.zh_label(store))[0]
    graph = slice_graph(part, _indicators())
    clock.lap("extract")
    nodes = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    data = new_dataset()
    target = data.graph(name)
    for triple in graph:
        target.add(triple)
    # As far out as the shapes read: other articles' figures, duplicates, 2-hop parts.
    context = load.neighbourhood(store, nodes, exclude_graph=str(name), data=target,
                                 **context_spec().kwargs())
    around = data.graph(SC["context"])
    for triple in context:
        around.add(triple)
    clock.lap("context")
    # Incremental: only the new graph's nodes are focus nodes; the rest is context.
    result = validate(data, focus=nodes)
    clock.lap("validate")
    held = None
    if not result.conforms and not all_or_nothing:
        check = _with_context(name, context)
        target, held = _quarantined(target, result, article, check)
        add_held(Path(store).parent / "refused", held)
        if not held.whole:  # else the first result says why nothing goes in
            result = check(target)
    if not result.conforms:
        return IngestResult(article.id, str(name), len(graph), "none", result, clock.laps, held=held)
    kept = {str(t) for triple in target for t in triple if isinstance(t, URIRef)}
    orphans = curated_orphans(load.open_read_only(store), str(name), kept)
    written = load.replace_graph(store, str(name), target, server=server)
    clock.lap("write")
    return IngestResult(article.id, str(name), len(target), written.describe(), result, clock.laps,
                        held=held, orphans=orphans)


def _with_context(name: URIRef, context):
    """A check of a reduced article graph, together with its context from the store."""
    def check(graph) -> ValidationResult:
        data = new_dataset()
        target = data.graph(name)
        for triple in graph:
            target.add(triple)
        around = data.graph(SC["context"])
        for triple in context:
            around.add(triple)
        return validate(data, focus={t for triple in graph for t in triple if isinstance(t, URIRef)})
    return check


class _Clock:
    """Wall time between laps, for the benchmarks (never written to the graph)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now


