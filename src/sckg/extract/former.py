"""Posts held before: 原市科技局局长某某, 市科技局原局长某某, 前任区长某某, 某某（原市科技局局长）,
某某曾任市科技局局长. The post is read, as any other, and marked (``formerPost``), since the
article does not say its holder holds it at the article's date.
"""

from __future__ import annotations

import re

from sckg.model import Mention, Relation

# Before the body, or between the body and the role: 原 (former), 前任 (predecessor).
_FORMER_BEFORE = ("原", "前任")
# Between the person and the body: a verb of a post held before.
_FORMER_VERB = re.compile(r"原任|曾任|曾担任|曾经担任|历任|先后任|先后担任|此前担任|退休前")
_NOW = re.compile(r"现任|现为|现担任")
_ASIDE = "，,、：:（( \u3000"


def former(text: str, person: Mention, body: Mention, role: str | None) -> bool:
    """Whether the text says ``person`` held the post (``role`` in ``body``) before."""
    if role and role.startswith(_FORMER_BEFORE):
        return True
    if body.start < person.start:
        between = text[body.end:person.start]
        return text[max(0, body.start - 2):body.start].endswith(_FORMER_BEFORE) or between.startswith(_FORMER_BEFORE)
    between = _NOW.split(text[person.end:body.start])[-1]  # (曾任甲，现任乙: 乙 is held now)
    return between.strip(_ASIDE) in _FORMER_BEFORE or bool(_FORMER_VERB.search(between))


def former_posts(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """A ``formerPost`` relation (person, organisation, role) beside each post of ``relations``
    the text says was held before (``former``)."""
    return [Relation("formerPost", r.subject, r.object, r.value) for r in relations if r.kind == "post"
            and r.object is not None and former(text, mentions[r.subject], mentions[r.object], r.value)]
