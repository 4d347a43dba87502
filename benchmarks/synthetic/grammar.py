"""Template grammar: sentences with alternatives and slots, written into paragraphs
that remember what was planted where.

A template is a string with alternatives ``[a|b|c]`` (nested allowed, innermost first)
and slots ``{name}``. A slot's value is plain text, an :class:`Ent` (a named entity
mention, recorded for the manifest) or a :class:`Fig` (a figure, recorded with the
clause it stands in). Planted spans are *protected*: later damage never touches them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

_ALTERNATIVE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)\}")
# Where the extractor (and the gold format) cut a figure's quote: its clause.
CLAUSE_STOPS = "。！？!?\n，,；;：:"


@dataclass(frozen=True)
class Ent:
    """A mention of a named entity: ``surface`` as written, ``record`` for the manifest
    (gold format: type, class, name, aliases and attributes)."""

    surface: str
    record: dict


@dataclass(frozen=True)
class Fig:
    """A figure as written (``2800余家``) and its gold record without the quote."""

    surface: str
    record: dict


@dataclass(frozen=True)
class Group:
    """Several values written together (an organisation, titles and a name), with the
    posts (gold format: person, role, organization) they state."""

    items: tuple
    posts: tuple[dict, ...] = ()


@dataclass
class Paragraph:
    """Text pieces of one paragraph; each piece is ``(text, protected)``."""

    pieces: list[tuple[str, bool]] = field(default_factory=list)
    entities: list[Ent] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    _fig_spans: list[tuple[int, int, dict]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraph as written so far."""
        return "".join(t for t, _ in self.pieces)

    def add(self, value, protected: bool = False) -> None:
        """Append plain text, an Ent, a Fig or a Group."""
        if isinstance(value, Group):
            for item in value.items:
                self.add(item)
            self.posts.extend(value.posts)
        elif isinstance(value, Ent):
            self.entities.append(value)
            self.pieces.append((value.surface, True))
        elif isinstance(value, Fig):
            start = len(self.text)
            self.pieces.append((value.surface, True))
            self._fig_spans.append((start, start + len(value.surface), value.record))
        elif value:
            self.pieces.append((str(value), protected))

    def extend(self, other: Paragraph) -> None:
        """Append another paragraph (not yet closed) with what it planted."""
        shift = len(self.text)
        self.pieces += other.pieces
        self.entities += other.entities
        self.posts += other.posts
        self._fig_spans += [(s + shift, e + shift, r) for s, e, r in other._fig_spans]

    def close(self) -> Paragraph:
        """Compute each figure's quote (its clause) once the paragraph is complete."""
        text = self.text
        for start, end, record in self._fig_spans:
            s = start
            while s > 0 and text[s - 1] not in CLAUSE_STOPS:
                s -= 1
            e = end
            while e < len(text) and text[e] not in CLAUSE_STOPS:
                e += 1
            self.figures.append({**record, "quote": text[s:e].strip()})
        self._fig_spans = []
        return self


def choose(rng: random.Random, template: str) -> str:
    """Resolve every ``[a|b]`` alternative of ``template``, innermost first."""
    while True:
        m = _ALTERNATIVE.search(template)
        if not m:
            return template
        options = m.group(1).split("|")
        template = template[:m.start()] + rng.choice(options) + template[m.end():]


def say(rng: random.Random, para: Paragraph, template: str, **slots) -> None:
    """Write ``template`` into ``para`` with its alternatives chosen and slots filled.

    A slot the template uses but ``slots`` lacks raises KeyError (a template bug).
    """
    text = choose(rng, template)
    pos = 0
    for m in _SLOT.finditer(text):
        para.add(text[pos:m.start()])
        para.add(slots[m.group(1)])
        pos = m.end()
    para.add(text[pos:])


def weighted(rng: random.Random, table: dict):
    """A key of ``table`` drawn with the values as weights (iteration in sorted order)."""
    keys = sorted(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]
