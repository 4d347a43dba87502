"""Answers of two SPARQL engines as comparable RDF terms, and their comparison.

Both engines' answers become rows of :class:`Cell` s. A cell has a ``key`` (what is
compared) and a ``raw`` form (the exact term as the engine returned it). The key
normalises only what RDF 1.1 and SPARQL 1.1 themselves treat as the same value:

* numbers of the XSD decimal family (``xsd:decimal`` and every integer type derived
  from it: ``integer``, ``int``, ``long``, ``nonNegativeInteger`` …) compare by value,
  because the derived types share the decimal value space, SPARQL's ``=`` compares them
  by value, and which derived type a store hands back (and whether ``"1.50"`` comes back
  as ``"1.5"``) is a storage choice, not an answer; ``xsd:float``/``xsd:double`` compare
  by value among themselves but never equal a decimal;
* ``xsd:boolean`` by value (``"1"`` and ``"true"`` are the same boolean);
* ``"x"`` and ``"x"^^xsd:string`` are the same literal in RDF 1.1;
* language tags compare case-insensitively (RDF 1.1: the tag's value space is lower
  case; Oxigraph lower-cases on input, Virtuoso keeps the spelling);
* blank nodes compare as "some blank node" (labels are local to a result).

Everything else (lexical forms of dates, IRIs, strings, other datatypes) must match
exactly. Cells whose keys agree but whose raw forms differ are counted and reported,
so nothing is hidden by the normalisation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
DECIMAL_FAMILY = {
    XSD + name
    for name in (
        "decimal integer nonPositiveInteger negativeInteger long int short byte "
        "nonNegativeInteger unsignedLong unsignedInt unsignedShort unsignedByte positiveInteger"
    ).split()
}
FLOAT_FAMILY = {XSD + "float", XSD + "double"}


@dataclass(frozen=True)
class Cell:
    """One value of a result row: ``key`` is compared, ``raw`` is shown."""

    key: tuple
    raw: tuple = field(compare=False)

    def show(self) -> str:
        """The raw term in a short Turtle-like spelling."""
        kind = self.raw[0]
        if kind == "unbound":
            return "-"
        if kind == "iri":
            return f"<{self.raw[1]}>"
        if kind == "bnode":
            return "_:b"
        _, lex, lang, dtype = self.raw
        if lang:
            return f'"{lex}"@{lang}'
        if dtype and dtype != XSD + "string":
            return f'"{lex}"^^{dtype.replace(XSD, "xsd:")}'
        return f'"{lex}"'


Row = tuple[Cell, ...]
UNBOUND = Cell(("unbound",), ("unbound",))


def literal(lex: str, lang: str | None = None, datatype: str | None = None) -> Cell:
    """The cell of a literal with lexical form ``lex`` and a language tag or datatype."""
    raw = ("literal", lex, lang, datatype)
    if lang:
        return Cell(("lang", lex, lang.lower()), raw)
    dtype = datatype or XSD + "string"
    try:
        if dtype in DECIMAL_FAMILY:
            return Cell(("decimal", Decimal(lex.strip()).normalize()), raw)
        if dtype in FLOAT_FAMILY:
            return Cell(("double", float(lex.strip())), raw)
    except (InvalidOperation, ValueError):
        pass  # an ill-typed literal compares by its lexical form
    if dtype == XSD + "boolean" and lex.strip() in ("true", "false", "1", "0"):
        return Cell(("boolean", lex.strip() in ("true", "1")), raw)
    return Cell(("literal", lex, dtype), raw)


def iri(value: str) -> Cell:
    """The cell of an IRI."""
    return Cell(("iri", value), ("iri", value))


BNODE = Cell(("bnode",), ("bnode",))


def from_oxigraph(term) -> Cell:
    """The cell of a pyoxigraph term (``None`` is unbound)."""
    import pyoxigraph as ox

    if term is None:
        return UNBOUND
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNODE
    if term.language:
        return literal(term.value, term.language)
    dtype = term.datatype.value
    # spelled as SPARQL JSON results spell a simple literal: no datatype
    return literal(term.value, datatype=None if dtype == XSD + "string" else dtype)


def from_json(binding: dict | None) -> Cell:
    """The cell of one SPARQL 1.1 JSON results binding (``None`` is unbound).

    Accepts the old ``typed-literal`` type that Virtuoso still writes.
    """
    if binding is None:
        return UNBOUND
    kind = binding["type"]
    if kind == "uri":
        return iri(binding["value"])
    if kind == "bnode":
        return BNODE
    if kind in ("literal", "typed-literal"):
        return literal(binding["value"], binding.get("xml:lang"), binding.get("datatype"))
    raise ValueError(f"unknown term type in SPARQL JSON results: {kind!r}")


# --------------------------------------------------------------------------- ordering

_ORDER = re.compile(r"\bORDER\s+BY\b(?P<keys>[^{}]*?)(?:\bLIMIT\b|\bOFFSET\b|$)", re.IGNORECASE | re.DOTALL)
_KEY = re.compile(r"(?:(ASC|DESC)\s*\(\s*\?(\w+)\s*\)|\?(\w+))", re.IGNORECASE)


_IRI_OR_STRING = re.compile(r'<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'")
_COMMENT = re.compile(r"#[^\n]*")


def strip_comments(query: str) -> str:
    """The query without comments, IRIs and string literals (all may hold ``#`` or ``ORDER BY``)."""
    return _COMMENT.sub("", _IRI_OR_STRING.sub(" ", query))


def order_keys(query: str) -> list[tuple[str, bool]] | None:
    """The outermost ORDER BY as ``[(variable, descending)]``; ``[]`` if unordered.

    ``None`` if the ORDER BY holds anything other than plain (ASC/DESC) variables, in
    which case results must match row for row.
    """
    match = _ORDER.search(strip_comments(query))
    if match is None:
        return []
    text = match.group("keys").strip()
    keys = [(m.group(2) or m.group(3), (m.group(1) or "").upper() == "DESC") for m in _KEY.finditer(text)]
    return keys if _KEY.sub("", text).strip() == "" and keys else None


# --------------------------------------------------------------------------- comparison


@dataclass
class Comparison:
    """How two answers to one query relate."""

    agree: bool
    ordered: bool
    ties: int  # rows of the reference answer whose order the ORDER BY leaves open
    raw_only: int  # cells equal by key but spelled differently
    diff: list[str]
    respellings: list[str] = field(default_factory=list)  # examples of those cells

    def summary(self) -> str:
        """A short phrase for the per-query line."""
        notes = []
        if self.ties:
            notes.append(f"{self.ties} rows in ORDER BY ties")
        if self.raw_only:
            notes.append(f"{self.raw_only} cells differ only in spelling/datatype")
        word = "agree" if self.agree else "DIFFER"
        return word + (f" ({'; '.join(notes)})" if notes else "")


def _groups(rows: list[Row], positions: list[int]) -> list[tuple[tuple, Counter]]:
    """Consecutive rows with equal sort keys, each group as a multiset of row keys."""
    groups: list[tuple[tuple, Counter]] = []
    for row in rows:
        key = tuple(row[i].key for i in positions)
        if not groups or groups[-1][0] != key:
            groups.append((key, Counter()))
        groups[-1][1][tuple(c.key for c in row)] += 1
    return groups


def _show(row: Row) -> str:
    return " | ".join(c.show() for c in row)


def compare(variables: list[str], reference: list[Row], other: list[Row], query: str,
            names: tuple[str, str] = ("oxigraph", "virtuoso"), limit: int = 3) -> Comparison:
    """Compare ``other`` with ``reference``: as multisets, and in order if the query has ORDER BY.

    With ORDER BY on plain variables, rows with equal sort keys may come in any order
    (SPARQL leaves ties open), so the sequences are compared as runs of equal keys.
    """
    keys = order_keys(query)
    ordered = keys != []
    ref_bag = Counter(tuple(c.key for c in r) for r in reference)
    oth_bag = Counter(tuple(c.key for c in r) for r in other)
    diff: list[str] = []
    if len(reference) != len(other):
        diff.append(f"{names[0]} {len(reference)} rows, {names[1]} {len(other)} rows")
    if ref_bag != oth_bag:
        sample = {tuple(c.key for c in r): r for r in reference + other}
        for label, bag in ((names[0], ref_bag - oth_bag), (names[1], oth_bag - ref_bag)):
            for key in sorted(bag, key=repr)[:limit]:
                diff.append(f"only {label}: {_show(sample[key])}")
            if len(bag) > limit:
                diff.append(f"only {label}: … {sum(bag.values()) - limit} more")
    ties = 0
    positions = None
    if ordered and keys is not None and all(v in variables for v, _ in keys):
        positions = [variables.index(v) for v, _ in keys]
        ref_groups = _groups(reference, positions)
        ties = sum(sum(c.values()) for _, c in ref_groups if len(c) > 1)
        if not diff and ref_groups != _groups(other, positions):
            diff.append("same rows, different order: " + _first_order_difference(reference, other, positions))
    elif ordered and not diff:
        ref_keys = [tuple(c.key for c in r) for r in reference]
        if ref_keys != [tuple(c.key for c in r) for r in other]:
            diff.append("same rows, different order: " + _first_order_difference(reference, other, None))
    raw_only, respellings = (0, []) if diff else _respelled(reference, other)
    return Comparison(not diff, ordered, ties, raw_only, diff, respellings)


def _respelled(reference: list[Row], other: list[Row]) -> tuple[int, list[str]]:
    """Cells of ``other`` equal to their ``reference`` twin by key but not by spelling.

    The count, and each distinct pair of spellings (reference → other) once.
    """
    spellings: dict[tuple, list[Row]] = {}
    for row in reference:
        spellings.setdefault(tuple(c.key for c in row), []).append(row)
    count, pairs = 0, []
    for row in other:
        twin = spellings[tuple(c.key for c in row)].pop()
        for mine, theirs in zip(twin, row):
            if mine.raw != theirs.raw:
                count += 1
                pair = f"{mine.show()} → {theirs.show()}"
                if pair not in pairs:
                    pairs.append(pair)
    return count, pairs


def _first_order_difference(reference: list[Row], other: list[Row], positions: list[int] | None) -> str:
    for index, (a, b) in enumerate(zip(reference, other)):
        ka = [a[i].key for i in positions] if positions else [c.key for c in a]
        kb = [b[i].key for i in positions] if positions else [c.key for c in b]
        if ka != kb:
            return f"row {index + 1}: {_show(a)}  vs  {_show(b)}"
    return "(none found)"
