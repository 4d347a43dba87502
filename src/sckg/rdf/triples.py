"""A named graph as plain Python containers: what the rdf stage builds and the next
stages read.

The rdf stage only adds triples and the next stages only read them, so nested
dictionaries do what an rdflib Graph would do here at a fraction of the cost, and
they hold the triples already grouped by subject and predicate, as the Turtle
writer and the validator's index want them.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import URIRef


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
