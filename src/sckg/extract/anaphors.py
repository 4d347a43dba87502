"""A body the article speaks as (我集团, 本公司, 该中心): the one of that kind the article
names most, when one is named most."""

from __future__ import annotations

import re
from collections import Counter

from sckg.extract.people import ORG_CATEGORIES
from sckg.model import Mention

_OWN_BODY = re.compile(r"^(?:我|本|该)(集团|公司|院|中心|园区|园|基地|协会|联盟|空间|孵化器)$")


def own_bodies(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each 我集团, 本公司, 该中心 … read as the body of its kind (its
    name's last word) the article names most often (``qualified``, ``anaphor``); left as
    it is when the article names none, or several equally often."""
    out = []
    for m in mentions:
        own = _OWN_BODY.match(m.surface) if m.category in ORG_CATEGORIES else None
        if own is None:
            out.append(m)
            continue
        word = own.group(1)
        counts = Counter(x.surface for x in mentions if x.category in ORG_CATEGORIES
                         and x.surface.endswith(word) and not _OWN_BODY.match(x.surface))
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            out.append(m)  # (the relations read so far point at it by index: kept as it is)
            continue
        body = next(x for x in mentions if x.surface == ranked[0][0])
        out.append(Mention(m.surface, m.start, m.end, body.category, body.cls,
                           (("anaphor", "1"), ("qualified", body.surface))))
    return out
