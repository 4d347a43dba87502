"""Names that many places' events and bodies share, since they say only a kind, an
edition, a year and a level (第五届创新创业大赛, 全市科技工作会议, 科技创业中心): the
extractor marks them ``scope=local``, and the resolver takes each for the article's city's
rather than one entity of every article that writes the name."""

from __future__ import annotations

import re
from dataclasses import replace

from sckg.extract.event_names import EDITION
from sckg.extract.lexicon import CARRIER_SUFFIXES, DOMAIN_WORDS, EVENT_SUFFIXES, GENERIC_WORDS, ORG_SUFFIXES
from sckg.model import Mention

# A national scope, a quotation or a brand in Latin letters says which one (中国创新创业大赛,
# “星河杯”大赛); a place's or a brand's own name is no word of _SHARED_WORDS (星河杯大赛).
_NATIONWIDE = re.compile(r"中国|全国|国家|中央|世界|国际|[“”\"《》「」]|[A-Za-z]")
_KIND_WORDS = ("工作", "创客", "技能", "职业技能", "就业", "科普", "转化", "经验", "交流", "推进")
_CARRIER_WORDS = {s for s, _ in CARRIER_SUFFIXES}  # (众创空间联盟, 孵化器协会: a kind of carriers' body)
_SHARED_WORDS = re.compile("(?:" + "|".join(map(re.escape, sorted({*GENERIC_WORDS, *DOMAIN_WORDS, *_KIND_WORDS, *_CARRIER_WORDS},
                                                                   key=len, reverse=True)))
                           + r"|\d{4}年度?|" + EDITION.pattern + ")*")
_KIND_ENDS = sorted({s for s, _ in EVENT_SUFFIXES + ORG_SUFFIXES + CARRIER_SUFFIXES}, key=len, reverse=True)
_LOCAL_CATEGORIES = ("Event", "PublicInstitution", "Association", "University", "ResearchInstitute",
                     "InnovationCarrier")


def shared_name(name: str) -> str | None:
    """Whose a name that says only its kind, edition, year and level is, since many places
    have one so named: ``province`` (全省科技创新大会), ``local`` (第五届创新创业大赛,
    全市科技工作会议, 科技创业中心: the city's), ``article`` (研究院: a kind word alone), or None
    for a name that says which one."""
    kind = next((k for k in _KIND_ENDS if name.endswith(k)), None)
    rest = name[:-len(kind)] if kind else None
    if rest is None or _NATIONWIDE.search(rest) or not _SHARED_WORDS.fullmatch(rest):
        return None
    if not rest:
        return "article"  # 研究院 alone, the article's one no reading could name: its own
    return "province" if "省" in rest or "自治区" in rest else "local"


def local_names(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each event or body named by a :func:`shared_name` marked with its
    ``scope`` (one read relative to its level, 市科技创业中心, is the level's already)."""
    return [replace(m, attrs=tuple(sorted({**dict(m.attrs), "scope": scope}.items())))
            if (scope := m.category in _LOCAL_CATEGORIES and not m.attr("relative") and shared_name(m.surface))
            else m for m in mentions]
