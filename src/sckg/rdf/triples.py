"""Triples and literals made cheaply: what the rdf stage builds and the next stages read.

The rdf stage only adds triples and the next stages only read them, so nested
dictionaries (:class:`TripleSet`) do what an rdflib Graph would do here at a
fraction of the cost, and they hold the triples already grouped by subject and
predicate, as the Turtle writer and the validator's index want them.

An rdflib ``Literal`` takes microseconds to make (it parses its value); offsets,
labels and quotes repeat within an article and across articles. Literals are
immutable, so one object serves every graph (:func:`text`, :func:`integer`,
:func:`decimal`); the memory is bounded: it is cleared when full.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import XSD, Literal, URIRef


class TripleSet:
    """A named graph: ``subject → predicate → {objects}`` of rdflib terms."""

    __slots__ = ("identifier", "_spo", "_size")

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._spo: dict = {}
        self._size = 0

    def add(self, triple: tuple) -> None:
        """Add one ``(subject, predicate, object)`` (a triple already there is ignored)."""
        s, p, o = triple
        preds = self._spo.get(s)
        if preds is None:
            self._spo[s] = {p: {o}}
            self._size += 1
            return
        objects = preds.get(p)
        if objects is None:
            preds[p] = {o}
            self._size += 1
        else:
            before = len(objects)
            objects.add(o)
            self._size += len(objects) - before

    def set(self, triple: tuple) -> None:
        """Add ``(subject, predicate, object)`` in place of any other object of the subject's
        predicate (as ``rdflib.Graph.set``)."""
        s, p, o = triple
        objects = self._spo.get(s, {}).get(p)
        if objects:
            self._size -= len(objects)
            objects.clear()
        self.add(triple)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return o in self._spo.get(s, {}).get(p, ())

    def by_subject(self) -> dict:
        """The triples as ``{subject: {predicate: {object, …}}}`` (to read, not to change)."""
        return self._spo

    def __iter__(self) -> Iterator[tuple]:
        for s, preds in self._spo.items():
            for p, objects in preds.items():
                for o in objects:
                    yield s, p, o

    def __len__(self) -> int:
        return self._size


# --------------------------------------------------------------------------- literals

_LIMIT = 100_000
_TEXTS: dict[tuple, Literal] = {}
_INTEGERS: dict[int, Literal] = {}
_DECIMALS: dict[str, Literal] = {}


def _remember(table: dict, key, make) -> Literal:
    if len(table) >= _LIMIT:
        table.clear()
    found = table[key] = make()
    return found


def text(value: str, lang: str | None = None) -> Literal:
    """``Literal(value, lang=lang)``."""
    found = _TEXTS.get((value, lang))
    return found if found is not None else _remember(
        _TEXTS, (value, lang), lambda: Literal(value, lang=lang))


def integer(value: int) -> Literal:
    """``Literal(value, datatype=XSD.integer)``."""
    found = _INTEGERS.get(value)
    return found if found is not None else _remember(
        _INTEGERS, value, lambda: Literal(value, datatype=XSD.integer))


def decimal(value: str) -> Literal:
    """``Literal(Decimal(value), datatype=XSD.decimal)``, for a decimal written as a string."""
    found = _DECIMALS.get(value)
    return found if found is not None else _remember(
        _DECIMALS, value, lambda: Literal(Decimal(value), datatype=XSD.decimal))
