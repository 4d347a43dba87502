"""Named funds and programmes written without quotation marks: a region or an agency
and its 专项资金 or 基金 (某省科技专项资金, 某区创业投资引导基金); a region's plan or
project (某市科技计划, 某省千户科技型企业三年行动计划), one counted in its name (千万平米孵化器
工程, 百万大学生留汉创业计划) and the state's named plans (国家火炬计划)."""

from __future__ import annotations

import re

from sckg.extract.lexicon import DOMAIN_WORDS, FUND
from sckg.extract.names import left_edge, name_start
from sckg.extract.words import head_words, word_count
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


_PLAN = re.compile(r"(?:三年)?(?:行动计划|计划|(?<!生物|信息|电子|软件|机械|化学|环境|土木|材料|医学)(?<!总)工程(?![师学院技研大]))")
_COUNTED_HEAD = re.compile(r"(?:百万|千万|万名|千户|百户|百企|千企|万企|双千|双百|十百千|百千万)")
_KIND_OF_PLAN = re.compile(r"重点|建设|工作|年度|发展|实施|民生|各项|有关|相关")  # 某市重点工程: a kind
_BODY_END = re.compile(r"(?:厅|局|委|部|办|政府|中心|公司|集团|院|校|会)$")
_PLANS_TO = re.compile(r"[在于到从将用]|\d")
_STATE_PLANS = re.compile(r"(?:国家)?(?:火炬计划|星火计划|千人计划|万人计划)")


def programme_names(text: str, places: list[str] = ()) -> list[Mention]:
    """Plans and projects named without quotation marks (see the module's docstring);
    a kind of plan (工作计划, 三年行动计划, 重点工程) names none."""
    found = []
    for m in _PLAN.finditer(text):
        start = name_start(text, m.start(), 0, places)
        stem = text[start:m.start()]
        state = _STATE_PLANS.fullmatch(text, start, m.end())
        place = next((p for p in places if stem.startswith(p) and len(stem) > len(p)), None)
        if _BODY_END.search(stem) or _PLANS_TO.match(text, m.end()):
            continue  # 某省科学技术厅计划到2025年…: a body plans to, no plan of that name
        if state or (len(stem) >= 3 and (_COUNTED_HEAD.match(stem) or place and not stem.endswith("年")
                                         and not _KIND_OF_PLAN.fullmatch(stem, len(place or "")))) \
                or (2 <= len(stem) <= 10 and _branded(stem[len(place or ""):])):
            found.append(Mention(text[start:m.end()], start, m.end(), "Programme", "ActionProgramme"))
    return found


_BRANDED_FUND = re.compile(r"基金(?![会])")
_NOT_BRANDS = {"创客", "风险投资", "创业投资", "天使投资", "股权投资", "种子基金"}


def _branded(stem: str) -> bool:
    """Whether a plan's or fund's head holds a word of its own brand (某星计划, 某湖人才计划,
    某邦基金): a noun jieba's dictionary hardly knows, no word of the field (双创, 创业投资)."""
    return any(len(word) >= 2 and word_count(word) < 20 and flag not in ("v", "vn", "m", "eng", "x")
               and word not in DOMAIN_WORDS and word not in _NOT_BRANDS and not _FIELD_WORD.search(word)
               for word, flag in head_words(stem))


# Words of the field and of bodies that jieba's dictionary lacks but that name no brand
# (孵化器计划, 省科技厅创新基金).
_FIELD_WORD = re.compile(r"孵化|众创|创业|创新|科技|投资|[厅局委办]$")


def branded_funds(text: str, places: list[str] = ()) -> list[Mention]:
    """Funds named by a brand without quotation marks (某邦基金, 某商成长基金)."""
    found = []
    for m in _BRANDED_FUND.finditer(text):
        start = name_start(text, m.start(), 0, places)
        start = max([start] + [i + 1 for i in range(start, m.start()) if text[i] in "和与及、"])  # 甲基金和乙基金
        stem = text[start:m.start()]
        place = next((p for p in places if stem.startswith(p)), "")
        if 2 <= len(stem) <= 10 and not _BODY_END.search(stem) and _branded(stem[len(place):]):
            found.append(Mention(text[start:m.end()], start, m.end(), "Programme", "Fund"))
    return found


def named_programmes(text: str, places: list[str] = ()) -> list[Mention]:
    """The funds and the plans and projects ``text`` names without quotation marks."""
    funds = fund_names(text, places)
    return funds + [f for f in branded_funds(text, places) if not any(g.start < f.end and f.start < g.end for g in funds)] \
        + programme_names(text, places)
