"""Institutes of the Chinese Academy of Sciences named after it: its branches (中国科学院
某某分院), institutes and centres (中国科学院某某研究所, 中科院某某所, 中国科学院某某卓越创新
中心) and stations (某某试验站), research institutes under the academy's full name."""

from __future__ import annotations

import re

from sckg.model import Mention

_ACADEMY = re.compile(r"(中国科学院|中科院)([\u4e00-\u9fff]{2,16}?(?:分院|研究所|研究院|创新中心|研究中心|试验站|实验站|植物园|"
                      r"(?<!所)所))(?!研究|分院|所(?!长)|院(?![长士]))")


def academy_institutes(text: str, names: list[Mention]) -> list[Mention]:
    """``names`` with the academy's institutes ``text`` names where no name holds them
    already, in place of the names inside them (中国科学院 of 中国科学院某分院); a short form
    (中科院某某所) is ``qualified`` by the academy's full name."""
    found = []
    for m in _ACADEMY.finditer(text):
        if not any(n.start <= m.start() and m.end() <= n.end for n in names):  # (found already, or inside a name)
            attrs = (("qualified", "中国科学院" + m.group(2)),) if m.group(1) == "中科院" else ()
            found.append(Mention(m.group(0), m.start(), m.end(), "ResearchInstitute", "ResearchInstitute", attrs))
    return [n for n in names if not any(f.start <= n.start and n.end <= f.end for f in found)] + found
