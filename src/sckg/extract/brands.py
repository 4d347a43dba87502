"""Companies named by their brands, without 有限公司 or 公司: the items of a list that
ends in a count of companies (甲量子、乙生物等企业), and a brand ending in a word of trade
(某某科技投资, 某某传媒) right before the title of one of its heads and a name
(某某科技投资董事长某某): the count or the title says they are companies."""

from __future__ import annotations

import re

from sckg.extract.carrier_lists import _CLAUSE, _NOT_A_NAME, _TITLE_END, _brand_like, _items, _words
from sckg.extract.lexicon import FIRM_REGIONS
from sckg.extract.names import listed_kind, name_start
from sckg.extract.words import word_count
from sckg.model import Mention

_TRADE = ("科技投资|科技|投资|资本|集团|控股|传媒|网络|文化|咨询|创投|基金|实业|电子|生物|智能|软件|信息|数据|"
          "医药|教育|物流|能源|环保|智造|装备|股份|资产|地产|置业|证券|保险|物业|汽车|通讯|电商|半导体|新材料|"
          "新能源|光电|药业|健康|农业|食品")
_HEAD = ("董事长|副董事长|总经理|副总经理|总裁|副总裁|首席执行官|CEO|CTO|COO|CFO|创始人|联合创始人|合伙人|创始合伙人|"
         "管理合伙人|执行合伙人|执行董事|董事总经理|投资总监|首席经济学家|首席科学家|首席分析师|分析师|"
         "首席技术官|首席运营官|首席财务官|副经理|经理|总监|营销总监|市场总监|技术总监|销售总监|总工程师")
# At a paragraph's start or after a clause mark, a list mark, 的 or a connective; two to
# eight characters of the brand; its head's titles, one or several (联合创始人兼CTO).
_BRAND = re.compile(rf"(?:^|(?<=[，。；、：,;:\n”\"的与和及]))(?P<name>[\u4e00-\u9fff]{{2,8}}?(?:{_TRADE}))"
                    rf"(?=(?:[\u4e00-\u9fff]{{2,4}}部|(?:{FIRM_REGIONS})区)?(?:{_HEAD})(?:[兼、](?:{_HEAD}))*[\u4e00-\u9fff]{{2,3}})")
# What a brand never starts with: a verb of the sentence, a pronoun, a level or a place word.
_NOT_A_BRAND = re.compile(r"^(?:我|该|本|其|各|全|省|市|县|区|由|在|对|向|从|为|是|有|将|经|国家|中国)")


def brand_companies(text: str, taken: list[Mention], places: list[str]) -> list[Mention]:
    """Companies named by their brands in ``text``, beyond the names ``taken``; ``places``
    are the place names of ``text``."""
    listed = listed_companies(text, taken, places)
    return listed + brands_before_heads(text, taken + listed)


def brands_before_heads(text: str, taken: list[Mention]) -> list[Mention]:
    """Companies named by a brand right before the title of one of their heads and a
    name (某某科技投资董事长某某), where no other name was read."""
    found = []
    for m in _BRAND.finditer(text):
        start, end = m.span("name")
        start = max(start, name_start(text, end, start))  # 专家有某某咨询: after the stop word
        if end - start < 4 or _NOT_A_BRAND.match(text[start:end]) or any(t.start < end and start < t.end for t in taken):
            continue
        found.append(Mention(text[start:end], start, end, "Company", "Company"))
    return found


# The count of companies a list ends with: 等企业, 等5家科技型企业, 等互联网龙头企业.
_COUNTED_COMPANIES = re.compile(r"(?:等|等?[\d一二三四五六七八九十两]+[家个])(?:一批|多家|\d+家)?"
                                r"(?:知名|龙头|头部|优质|优秀|重点|骨干|上市|在孵|入驻|入孵|领军|独角兽|瞪羚|"
                                r"高新技术|高科技|科技型|科技|创新型|互联网|初创|中小|创投|投资|风投)*(?:企业|公司)")
_LIST_LEAD = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:企业|单位|项目|团队|公司)(?:分别是|分别为|包括|有|为|是)")
_INDUSTRIES = re.compile(r"等?(?:[\d一二三四五六七八九十]+[个大项])?(?:主导|重点|新兴|特色|优势|支柱|战略性新兴|未来|传统)?"
                         r"(?:产业|行业|领域)")
# A brand and its trade (某某制衣, 某某塑料制品): a company among the items of a list with one.
_TRADE_END = re.compile(rf"[\u4e00-\u9fff]{{2,}}(?:{_TRADE}|制衣|服饰|线缆|制品|食品|粮油|农业|电器|机械|材料|"
                        r"光电|药业|化工|纺织|商贸|建材|通信)$")


def listed_companies(text: str, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """Companies an enumeration names by their brands: the items of a 、-list that ends in
    a count of companies (甲科技、乙量子、丙生物等企业), not already a name, a place or a kind
    of thing; and, in a list that names a company or two brands with their trade, the
    items that end in a trade (甲有限公司、乙制衣、丙线缆)."""
    found: list[Mention] = []
    for clause in _CLAUSE.finditer(text):
        c0, c1 = clause.span()
        if "、" not in clause.group(0):
            continue
        items = _items(text, c0, c1, mentions, places)
        if items and "的" in text[items[-1][0]:items[-1][1]]:  # …、丙线缆的生产车间: the last item ends at 的
            items[-1] = (items[-1][0], text.index("的", items[-1][0]))
        if items and _INDUSTRIES.match(text, items[-1][1]):
            continue  # 先进装备、节能环保等主导产业: a list of industries, no brand in it
        counted = len(items) >= 2 and _COUNTED_COMPANIES.match(text, items[-1][1])
        among = len(items) >= 2 and any(m.category == "Company" and s <= m.start and m.end <= e
                                        for s, e in items for m in mentions)
        if not counted and not among and (sum(_traded(text[s:e]) for s, e in items) < 2
                                          or sum(_field(text[s:e]) for s, e in items) >= 2):
            continue  # (高端装备、电子信息…等园区: fields, whatever trade words they hold)
        brands = []
        for s, e in items:
            if s >= e:
                continue
            s += text[s] in "像如以" and e - s > 2  # 像某某、某某等企业, 以某某、某某等: the name after 像
            lead = _LIST_LEAD.match(text, s, e) if (s, e) == items[0] else None
            s = lead.end() if lead and e - lead.end() >= 2 else s  # 获奖企业有甲科技、乙生物: the list after 有
            name = text[s:e]
            if any(m.start < e and s < m.end for m in mentions) or _TITLE_END.search(text[max(0, s - 8):s]):
                continue  # (四级职员某某、…等企业: a person after a title)
            if counted and (_field(name) or _clause_word(name) or re.search(r"\d", name)):
                brands = []
                break  # 软件信息、物联网…等企业: a list of fields, so no item is a brand
            if 2 <= len(name) <= 16 and not (len(name) == 2 and word_count(name) > 500) and name not in places \
                    and not _TITLE_END.search(name) and listed_kind(name, places) is None and (
                        _traded(name) or (counted and _brand_like(name, places))):
                brands.append(Mention(name, s, e, "Company", "Company"))
        found += brands
    return found


def _traded(item: str) -> bool:
    """Whether a list item is a brand and its trade (某某制衣, 某某塑料制品), not a field."""
    return bool(_TRADE_END.search(item)) and not _clause_word(item) and not _field(item)


def _clause_word(item: str) -> bool:
    """Whether a list item holds a word of a clause (的, 和, 方面, a count): no brand; a
    function character inside one of the brand's words (某向通联) is the brand's."""
    m = _NOT_A_NAME.search(item)
    return bool(m) and (len(m.group(0)) > 1 or any(w == m.group(0) for w, _ in _words(item)))


def _field(item: str) -> bool:
    """Whether a list item is a field of industry (电子信息, 能源环保 …等高新技术企业), not a
    brand: a common noun of jieba's dictionary, or common nouns and verbs only."""
    words = _words(item)
    if len(words) == 1:
        return words[0][1] in ("n", "vn")
    return all(len(w) >= 2 and flag in ("n", "vn", "v", "an", "j") and word_count(w) > 300 for w, flag in words)
