"""rdflib's algebra of the shapes' SPARQL constraints, parsed once and kept on disk.

The compiled engine reads the triple patterns and filters of each sh:select from
rdflib's algebra. rdflib parses with pyparsing, about 50 ms a query, which is a
fifth of the start-up of ``sckg ingest``. rdflib's algebra nodes (``CompValue``,
``Expr``) do not pickle, so a parsed query is kept in :mod:`sckg.cache` as plain
:class:`Frozen` nodes and rebuilt from them; a query whose algebra holds anything
else is parsed every time.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from sckg.cache import cached

_SOURCES = {"modules": ["sckg.validate.algebra"], "packages": ["rdflib", "pyparsing"]}
_PLAIN = (list, tuple)


class Frozen:
    """One ``CompValue`` (``expr=False``) or ``Expr`` node as plain, picklable data: its
    items, and the attributes rdflib's translation sets on it (the ``graph`` of an
    EXISTS, ``translated`` on a Filter)."""

    __slots__ = ("expr", "name", "evalfn", "items", "attributes")

    def __init__(self, expr: bool, name: str, evalfn, items: list, attributes: list) -> None:
        self.expr, self.name, self.evalfn, self.items, self.attributes = expr, name, evalfn, items, attributes

    def __getstate__(self):
        return self.expr, self.name, self.evalfn, self.items, self.attributes

    def __setstate__(self, state) -> None:
        self.expr, self.name, self.evalfn, self.items, self.attributes = state


def freeze(node):
    """``node`` with its algebra nodes as :class:`Frozen`; TypeError on a value that might
    not come back as it was (anything but algebra nodes, lists, tuples, sets of atoms and
    atoms: rdflib terms and paths, strings, numbers, None)."""
    from rdflib.plugins.sparql.parserutils import CompValue, Expr

    if isinstance(node, CompValue):
        if type(node) not in (CompValue, Expr):
            raise TypeError(f"algebra node of type {type(node).__name__}")
        fn = node._evalfn.__func__ if type(node) is Expr and node._evalfn is not None else None
        attributes = [(k, freeze(v)) for k, v in sorted(vars(node).items()) if k not in ("name", "_evalfn")]
        return Frozen(type(node) is Expr, node.name, fn,
                      [(k, freeze(v)) for k, v in dict.items(node)], attributes)
    if type(node) in _PLAIN:
        return type(node)(freeze(x) for x in node)
    if type(node) in (set, frozenset) and all(_atom(x) for x in node):
        return node  # the variables of a node (``_vars``)
    if not _atom(node):
        raise TypeError(f"algebra value of type {type(node).__name__}")
    return node


def _atom(value) -> bool:
    from rdflib.paths import Path as PropertyPath
    from rdflib.term import Identifier

    return value is None or type(value) in (str, int, float, bool, Decimal) or isinstance(
        value, (Identifier, PropertyPath))


def thaw(node):
    """The algebra :func:`freeze` was given, rebuilt."""
    from rdflib.plugins.sparql.parserutils import CompValue, Expr

    if isinstance(node, Frozen):
        out = Expr(node.name, node.evalfn) if node.expr else CompValue(node.name)
        for key, value in node.items:
            out[key] = thaw(value)
        for key, value in node.attributes:
            setattr(out, key, thaw(value))
        return out
    if type(node) in _PLAIN:
        return type(node)(thaw(x) for x in node)
    return node


def parse_algebra(query: str):
    """rdflib's algebra of ``query`` (``prepareQuery(query).algebra``), parsed now."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query).algebra


@lru_cache(maxsize=None)
def query_algebra(query: str):
    """rdflib's algebra of a query: from the disk cache when it holds the query, else
    parsed (and stored). Read only: the same object is returned to every caller."""
    try:
        return thaw(cached("sparql-algebra", lambda: freeze(parse_algebra(query)), key=query, **_SOURCES))
    except TypeError:
        return parse_algebra(query)
