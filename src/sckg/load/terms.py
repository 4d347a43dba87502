"""pyoxigraph terms as rdflib terms: what the validator reads, from what the store holds."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
import rdflib

from sckg.model import InputError


def to_rdflib(quads: Iterable[ox.Quad | ox.Triple]) -> rdflib.Graph:
    """The triples of ``quads`` as one rdflib Graph (graph names dropped: their union).

    Terms are converted one by one, as rdflib's N-Triples parser would read them (a plain
    string literal without a datatype, each blank node label a fresh blank node), and
    each distinct term once.
    """
    graph = rdflib.Graph()
    made: dict = {}

    def term(t):
        found = made.get(t)
        if found is None:
            found = made[t] = _rdflib_term(t)
        return found

    add = graph.add
    for q in quads:
        add((term(q.subject), term(q.predicate), term(q.object)))
    return graph


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _rdflib_term(t):
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode()
    if isinstance(t, ox.Literal):
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        return rdflib.Literal(t.value, datatype=None if datatype in (_XSD_STRING, _LANG_STRING) else datatype)
    raise InputError(f"cannot read {t} into rdflib (RDF-star triple terms are not supported)")


def triples_of(quads: Iterable[ox.Quad | ox.Triple]) -> list[ox.Triple]:
    """The triples of quads (graph names dropped), triples as they are."""
    return [q.triple if isinstance(q, ox.Quad) else q for q in quads]
