"""What a rebuild keeps of the store it replaces: the graphs the build does not make.

``sckg build`` makes graph:ontology, graph:gazetteer and one graph per article of its
folder. A store also holds what was added to it since: a user's triples (``sckg add``:
graph:curated and the graphs under it) and articles ingested one by one (``sckg
ingest``), or built from a file that is now missing or unreadable. Those graphs are the
user's data: a rebuild carries them into the new store (and the new dump) unchanged,
validated together with the new build. What no longer conforms beside the new build (a
curated statement about an entity the articles stopped naming) is held back to
``refused/`` like an article's, never dropped; ``--fresh`` starts from the folder alone.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from sckg import load
from sckg.load.terms import to_rdflib
from sckg.model import HeldBack, InputError, ValidationResult
from sckg.rdf.iris import GAZETTEER_GRAPH, GRAPH, ONTOLOGY_GRAPH, SC
from sckg.rdf.trig import graph_block, turtle_text
from sckg.validate import format_report, validate
from sckg.validate.quarantine import quarantine


def graphs_to_keep(store: Path | None, built: set[str]) -> dict[str, Graph]:
    """The named graphs of the store at ``store`` that a build making the graphs
    ``built`` must carry over, by graph IRI; empty when there is no store there yet."""
    if store is None:
        return {}
    try:
        old = load.open_read_only(store)
    except InputError:
        return {}  # no store there yet: nothing to keep
    made = built | {str(ONTOLOGY_GRAPH), str(GAZETTEER_GRAPH)}
    names = sorted(g.value for g in old.named_graphs() if isinstance(g, ox.NamedNode))
    kept = {}
    for name in names:
        if name in made:
            continue
        graph = Graph(identifier=URIRef(name))
        for triple in to_rdflib(old.quads_for_pattern(None, None, None, ox.NamedNode(name))):
            graph.add(triple)
        if len(graph):
            kept[name] = graph
    return kept


def replaced_texts(store: Path | None, built: dict[str, str]) -> list[str]:
    """A warning for each graph the build makes (graph IRI → the text's digest) that the
    old store at ``store`` holds with another text (an article ingested, or its file
    edited since): the build's file replaces it, and says so."""
    if store is None or not built:
        return []
    try:
        old = load.open_read_only(store)
    except InputError:
        return []
    held: dict[str, set[str]] = {}
    query = f"SELECT ?g ?d WHERE {{ GRAPH ?g {{ ?a <{SC.contentDigest}> ?d }} }}"
    for row in old.query(query):
        held.setdefault(row["g"].value, set()).add(row["d"].value)
    return [f"<{name}>: the old store held another text under this article id; the article file's replaces it"
            for name, digest in sorted(built.items()) if name in held and digest not in held[name]]


def carried_blocks(kept: dict[str, Graph], dump: bytes, namespaces, where: Path
                   ) -> tuple[list[tuple[str, list[str], str]], list[HeldBack], int]:
    """The TriG blocks of the ``kept`` graphs, validated beside the new build's ``dump``,
    the statements held back (one :class:`HeldBack` a graph, file name from the graph's
    name), and the number of triples carried."""
    context = Dataset()
    context.parse(data=dump, format="trig")
    around = Graph()
    for graph in context.graphs():
        for triple in graph:
            around.add(triple)
    blocks, held, triples = [], [], 0
    together = _checker(None, around)(kept)
    if not together.conforms:
        # Each graph is then checked on its own, beside the new build and every other graph
        # carried with it (a curated graph naming an ingested article is no violation).
        for graph in kept.values():
            around += graph
    for name, graph in kept.items():
        if not together.conforms:
            around -= graph  # (its own statements are what is checked, never its context)
        check = _checker(URIRef(name), around)
        result = together if together.conforms else check(graph)
        if not result.conforms:
            split = quarantine(graph, result, check, set())
            report = format_report(ValidationResult(False, split.results, ""))
            held.append(HeldBack(file_stem(name), f"<{name}> of {where}",
                                 turtle_text(split.held, namespaces), len(split.held), split.whole, report))
            graph = Graph(identifier=URIRef(name))
            for triple in split.kept:
                graph.add(triple)
        if not together.conforms:
            around += graph  # what goes in of it, the context of the graphs after it
        if len(graph):
            blocks.append((name, *graph_block(graph, namespaces)))
            triples += len(graph)
    return blocks, held, triples


def _checker(name: URIRef | None, around: Graph):
    """A validation of one carried graph (or, with no ``name``, of a dict of them all
    at once) with the new build as its context."""
    def check(graph):
        graphs = graph if name is None else {name: graph}
        data = Dataset()
        focus = set()
        for gname, g in graphs.items():
            target = data.graph(URIRef(gname))
            for triple in g:
                target.add(triple)
                focus.update(t for t in triple if isinstance(t, URIRef))
        context = data.graph(SC["context"])
        for triple in around:
            context.add(triple)
        return validate(data, focus=focus)
    return check


def file_stem(graph: str) -> str:
    """A file stem for a kept graph: its name under graph:, with '/' as '.' (curated.mine):
    no article's id holds a '.' or a '%', so no article's held file takes its name."""
    local = graph[len(str(GRAPH)):] if graph.startswith(str(GRAPH)) else graph
    # One name for one graph: '/' is '.', and any other character but letters, digits, '-'
    # and '_' is written as its code (curated/a.b → curated.a%2Eb, never curated/a/b's).
    return "".join("." if c == "/" else c if c.isascii() and (c.isalnum() or c in "-_")
                   else "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in local)
