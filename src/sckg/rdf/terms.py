"""rdflib literals made once: the rdf stage asks for the same ones over and over.

An rdflib ``Literal`` takes microseconds to make (it parses its value); offsets,
labels and quotes repeat within an article and across articles. Literals are
immutable, so one object serves every graph. The memory is bounded: it is cleared
when full.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import XSD, Literal

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
