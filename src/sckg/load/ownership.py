"""What a user's addition may write: which graphs, and which statements.

The store's graphs have owners. ``graph:{article-id}`` belongs to the pipeline (``sckg
build`` and ``sckg ingest``), ``graph:ontology`` and ``graph:gazetteer`` to the build;
a user's own triples (``sckg add``) go into ``graph:curated`` or a graph of its own
under ``graph:curated/…``, and nowhere else.

Because the default graph is the union of all graphs, a curated triple such as
``sc:Person rdfs:subClassOf sc:Place`` would change the meaning of every query over the
vocabulary. Statements about the vocabulary are therefore refused unless the user asks
for an ontology extension explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from sckg.model import InputError

GRAPH_NS = "https://w3id.org/sckg/graph/"
CURATED_GRAPH = GRAPH_NS + "curated"
USER_GRAPH_NS = CURATED_GRAPH + "/"

_SC = "https://w3id.org/sckg/ontology#"
_SHAPES = "https://w3id.org/sckg/shapes#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_SH = "http://www.w3.org/ns/shacl#"
#: Namespaces whose terms are the vocabulary: no addition may describe them.
VOCABULARY_NAMESPACES = (_SC, _SHAPES, _RDF, _RDFS, _OWL, _SH)
#: Predicates that state structure (class and property axioms, shapes).
_STRUCTURE_PREDICATES = {_RDFS + p for p in ("subClassOf", "subPropertyOf", "domain", "range")}
#: Classes whose instances are vocabulary terms (``ex:X a owl:Class`` defines a term).
_VOCABULARY_CLASSES = {_OWL + c for c in ("Class", "ObjectProperty", "DatatypeProperty",
                                          "AnnotationProperty", "Ontology", "Restriction",
                                          "TransitiveProperty", "FunctionalProperty",
                                          "InverseFunctionalProperty", "SymmetricProperty")}
_VOCABULARY_CLASSES |= {_RDFS + "Class", _RDF + "Property"}
#: Data statements that reuse an OWL term but say nothing about the vocabulary.
_DATA_PREDICATES = {_OWL + "sameAs", _OWL + "differentFrom"}


# What may follow graph:curated/: path segments of unreserved characters, none of them
# "." or ".." (curated/../ontology would read as graph:ontology to a tool that normalises IRIs).
_USER_PATH = re.compile(r"[A-Za-z0-9_~.-]+(?:/[A-Za-z0-9_~.-]+)*")


def is_user_graph(graph: str) -> bool:
    """True for ``graph:curated`` and the graphs under ``graph:curated/``."""
    if graph == CURATED_GRAPH:
        return True
    rest = graph[len(USER_GRAPH_NS):] if graph.startswith(USER_GRAPH_NS) else ""
    return bool(_USER_PATH.fullmatch(rest)) and not any(part in (".", "..") for part in rest.split("/"))


def check_user_graph(graph: str, where: str = "--graph") -> str:
    """``graph`` if a user may write into it, else a one-line :class:`InputError`."""
    if not graph.startswith(("http://", "https://", "urn:")):
        raise InputError(f"{where} {graph}: expected an absolute IRI")
    if not is_user_graph(graph):
        raise InputError(f"{where} <{graph}>: additions go into <{CURATED_GRAPH}> or a graph under "
                         f"<{USER_GRAPH_NS}>; the other graphs belong to the build and to ingest")
    return graph


def placed(quads: Iterable[ox.Quad], graph: str, source: str = "") -> list[ox.Quad]:
    """Each quad in the graph it goes to: the file's default graph into ``graph``, a
    named graph of the file kept when a user may write there; :class:`InputError` naming
    ``source`` and the graph otherwise."""
    out = []
    for q in quads:
        if isinstance(q.graph_name, ox.DefaultGraph):
            out.append(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)))
            continue
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else str(q.graph_name)
        check_user_graph(name, f"{source}: named graph" if source else "named graph")
        out.append(q)
    _check_blank_nodes_stay_in_one_graph(out, source)
    return out


def _check_blank_nodes_stay_in_one_graph(quads: list[ox.Quad], source: str) -> None:
    """A blank node here belongs to one graph: the dump writes each graph on its own,
    so one node in two graphs would come back from the next build as two."""
    home: dict[ox.BlankNode, ox.NamedNode] = {}
    for q in quads:
        for term in (q.subject, q.object):
            if isinstance(term, ox.BlankNode) and home.setdefault(term, q.graph_name) != q.graph_name:
                raise InputError(f"{source or 'the addition'}: a blank node is used in two graphs "
                                 f"(<{home[term].value}> and <{q.graph_name.value}>); a blank node "
                                 f"belongs to one graph: name it with an IRI, or keep it in one graph")


def _is_vocabulary(term: object) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(VOCABULARY_NAMESPACES)


def vocabulary_statement(q: ox.Quad | ox.Triple) -> str | None:
    """Why ``q`` is a statement about the vocabulary, or None when it is data."""
    p = q.predicate.value
    if p in _DATA_PREDICATES:
        return None
    if _is_vocabulary(q.subject):
        return f"its subject {q.subject} is a term of the vocabulary"
    if p in _STRUCTURE_PREDICATES or p.startswith((_OWL, _SH)):
        return f"{q.predicate} states the structure of the vocabulary"
    if p == _RDF + "type" and isinstance(q.object, ox.NamedNode) and (
            q.object.value in _VOCABULARY_CLASSES or q.object.value.startswith(_SH)):
        return f"it defines {q.subject} as {q.object}"
    return None


def check_no_vocabulary(quads: Iterable[ox.Quad | ox.Triple], source: str) -> None:
    """:class:`InputError` naming the first statement about the vocabulary in ``quads``."""
    for q in quads:
        why = vocabulary_statement(q)
        if why:
            raise InputError(f"{source}: refused: {q.subject} {q.predicate} {q.object} is a statement "
                             f"about the vocabulary ({why}); pass --extend-ontology to add an "
                             f"ontology extension")


def curated_orphans(store: ox.Store, graph: str, kept: set[str]) -> dict[str, int]:
    """The entities that only ``graph`` gives and that a replacement keeping ``kept``
    (IRIs) would drop, each with the number of user statements that name it.

    Such statements stay in the store, but no longer describe anything the articles
    give; the next build holds them back in ``refused/``. A caller warns before that.
    """
    name = ox.NamedNode(graph)
    given = {q.subject.value for q in store.quads_for_pattern(None, None, None, name)
             if isinstance(q.subject, ox.NamedNode)}
    found: dict[str, int] = {}
    for iri in sorted(given - kept):
        node = ox.NamedNode(iri)
        owners = {q.graph_name.value for q in store.quads_for_pattern(node, None, None, None)
                  if isinstance(q.graph_name, ox.NamedNode)}
        if any(owner != graph and not is_user_graph(owner) for owner in owners):
            continue  # another article or the gazetteer still gives it
        naming = [q for q in (*store.quads_for_pattern(node, None, None, None),
                              *store.quads_for_pattern(None, None, node, None))
                  if isinstance(q.graph_name, ox.NamedNode) and is_user_graph(q.graph_name.value)]
        if naming:
            found[iri] = len(naming)
    return found
