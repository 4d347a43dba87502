"""A body the article speaks as (我集团, 本公司, 该中心), or names by its kind alone before
one of its people (中心副主任某某, 科技园主任某某): the one of that kind the article names
most, when one is named most."""

from __future__ import annotations

import re
from collections import Counter

from sckg.extract.lexicon import TITLE_RE
from sckg.extract.people import ORG_CATEGORIES
from sckg.model import Mention

_OWN_BODY = re.compile(r"^(?:我|本|该)(集团|公司|院|中心|园区|园|基地|协会|促进会|商会|联盟|空间|孵化器)$")


# A kind of body alone, opening a clause (or after 与, 和, 由), then a title and a name.
_KINDS = {"中心": "PublicInstitution", "科技园": "InnovationCarrier", "产业园": "InnovationCarrier",
          "孵化器": "InnovationCarrier", "基地": "InnovationCarrier", "众创空间": "InnovationCarrier",
          "空间": "InnovationCarrier", "星创天地": "InnovationCarrier", "公司": "Company", "集团": "Company",
          "党工委": "GovernmentAgency", "工委": "GovernmentAgency", "管委会": "GovernmentAgency", "管委": "GovernmentAgency",
          "促进会": "Association", "协会": "Association", "商会": "Association", "联盟": "Association",
          "研究院": "ResearchInstitute"}
_KIND_HEAD = re.compile(r"(?:(?<=[，,。；;：:、\n（(])|(?<=^)|(?<=[与和及由]))(" + "|".join(_KINDS) +
                        rf")(?=(?:{TITLE_RE})(?:[\u4e00-\u9fff]{{2,3}}|、))")


def kind_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """The kinds of body named alone before a title and a name (中心副主任某某), beyond
    ``mentions``; :func:`own_bodies` reads each as the article's body of that kind."""
    return [Mention(m.group(1), m.start(1), m.end(1), _KINDS[m.group(1)], _KINDS[m.group(1)], (("anaphor", "kind"),))
            for m in _KIND_HEAD.finditer(text) if not any(x.start < m.end(1) and m.start(1) < x.end for x in mentions)]


def own_bodies(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each 我集团, 本公司, 该中心 … read as the body of its kind (its
    name's last word) the article names most often (``qualified``, ``anaphor``); left as
    it is when the article names none, or several equally often."""
    out = []
    for m in mentions:
        own = _OWN_BODY.match(m.surface) if m.category in ORG_CATEGORIES else None
        if own is None and m.attr("anaphor") != "kind":
            out.append(m)
            continue
        word = own.group(1) if own else m.surface
        counts = Counter(x.surface for x in mentions if x.category in ORG_CATEGORIES and x.surface != word
                         and x.surface.endswith(word) and not _OWN_BODY.match(x.surface)
                         and x.attr("anaphor") != "kind")  # (空间 after 众创空间负责人: no name of one)
        seen = dict(counts)  # 某中心 and 国家级孵化器-某中心 (a longer reading of it) are one
        for name in seen:
            counts[name] += sum(n for other, n in seen.items() if other != name and other.endswith(name))
        ranked = counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            out.append(m)  # (the relations read so far point at it by index: kept as it is)
            continue
        body = next(x for x in mentions if x.surface == ranked[0][0])
        out.append(Mention(m.surface, m.start, m.end, body.category, body.cls,
                           (("anaphor", "1"), ("qualified", body.surface))))
    return out
