"""Named funds: a region or an agency and its 专项资金 or 基金 (某省科技专项资金,
某区创业投资引导基金), a programme of the graph's."""

from __future__ import annotations

import re

from sckg.extract.lexicon import FUND
from sckg.extract.names import left_edge
from sckg.model import Mention

_FUND_NAME = re.compile(r"([\u4e00-\u9fff]{4,20}?)(科技专项资金|专项资金|引导基金|创投基金)")
_FUND_REGION = re.compile(r"(新疆|西藏|内蒙古|广西|宁夏|.{2,4}(省|市|自治区))")


def fund_names(text: str, places: list[str] = ()) -> list[Mention]:
    """Named funds: a region or agency and 专项资金/基金 (…科技专项资金).

    ``places`` are the place names found in ``text``: a name that starts with one
    (万州区…引导基金) is a region's fund.
    """
    found = []
    for m in _FUND_NAME.finditer(text):
        start = left_edge(text, m.end(2) - len(m.group(2)), 0)
        name = text[start:m.end()]
        if FUND.search(name) and len(name) > len(m.group(2)) + 2 and (
                _FUND_REGION.match(name) or any(name.startswith(p) for p in places)):
            found.append(Mention(name, start, m.end(), "Programme", "Fund"))
    return found
