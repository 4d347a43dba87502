"""Carriers named in enumerations: the items of a 、-list are things of one kind, so in a
list that names carriers (吴某众创空间、李某孵化器) or that ends in a count of carriers
(…等5家孵化器, …2家孵化器) an item without a type word (东莞某某数码城, 上海某车间) is a
carrier too, and an item that only holds a carrier word keeps its whole name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sckg.extract.events import CARRIER_CLASS, COUNTED_AS, LEVELS, SORT
from sckg.extract.lexicon import DOMAIN_WORDS, TITLE_RE
from sckg.extract.names import SUFFIXES, listed_kind, name_start
from sckg.model import Mention

# A clause: up to a punctuation mark (an ASCII ! after a letter is part of a name: Yes!空间).
_CLAUSE = re.compile(r"(?:[^，。；：！？,;:!?\n]|(?<=[A-Za-z])!)+")
_LEVEL_RE = "|".join(sorted(LEVELS, key=len, reverse=True))
_TYPE_RE = "|".join(sorted(map(re.escape, CARRIER_CLASS), key=len, reverse=True))
# The count of carriers a list ends with: 等5家孵化器, 2家省级众创空间, 等众创空间.
_COUNTED_KIND = re.compile(rf"(?:等|等?[\d一二三四五六七八九十两]+[家个所])(?P<level>{_LEVEL_RE})?(?P<type>{_TYPE_RE})")
_ITEM_END = re.compile(r"等")
# A list that ends in a count of another kind: 等工业项目N个, 在内的N个重点项目 (but 等N家单位 may be carriers).
_OTHER_KIND = re.compile(r"(?:等|在内的)[\u4e00-\u9fff\d]{0,8}?(?:项目|企业|团队)")
# The kind of carrier a list is introduced as: 入围国家备案众创空间的有甲、乙等56家.
_LIST_LEAD = re.compile(rf"(?P<level>{_LEVEL_RE})?(?P<type>{_TYPE_RE})(?:名单)?(?:的有|为|包括|分别为|分别是)[:：]?$")
_PAREN_TAIL = re.compile(r"[(（][^()（）]{1,16}[)）]$")
# What an item that is a name cannot hold: sentence words and function characters.
_NOT_A_NAME = re.compile(r"[的了是在为被把将对和与及或等从到向]|\d+[家个名人]|以上|以下|方面|工作|情况|发展|各级|各类|、|企业$"
                         r"|^\d{4,}|\d\.\d")  # (39558一, 4110981.1孵化器: a contents page's numbers)
# A verb that ends the last item of a list: 甲高新区、乙新区建成众创空间 (the item is 乙新区).
_ITEM_VERB = re.compile(r"建成|建立|设立|成立|认定|获批|培育|打造")
_CARRIER = "InnovationCarrier"
_TITLE_END = re.compile(f"(?:{TITLE_RE})$")
_KIND_END = re.compile("(" + "|".join(sorted(map(re.escape, [sf for sf, _, _ in SUFFIXES]), key=len, reverse=True))
                       + r"|中心|局|厅|委|办|处|部|所|院|会|站|专家|人员)$")
_OTHER_NAMES = {"GovernmentAgency", "PublicInstitution", "Company", "Cooperative", "University",
                "ResearchInstitute", "Association", "MediaOutlet", "Person", "Event", "Programme"}


def listed_carriers(text: str, mentions: list[Mention], places: list[str]) -> tuple[list[Mention], set[int]]:
    """Carriers that an enumeration in ``text`` names, beyond ``mentions`` (found by their
    endings), and the indices of the mentions they replace (an item's carrier word alone,
    or an organisation the count after the list calls a carrier). ``places`` are the
    place names of ``text``."""
    found: list[Mention] = []
    replaced: set[int] = set()
    for clause in _CLAUSE.finditer(text):
        c0, c1 = clause.span()
        if "、" not in clause.group(0):
            continue
        items = _items(text, c0, c1, mentions, places)
        if len(items) < 2:
            continue
        kind = _COUNTED_KIND.match(text, items[-1][1]) or _LIST_LEAD.search(text, c0, items[0][0])
        inside = [[i for i, m in enumerate(mentions) if s <= m.start and m.end <= e] for s, e in items]
        carriers = [i for ids in inside for i in ids if mentions[i].category == _CARRIER
                    and (mentions[i].start, mentions[i].end) in items]
        others = [i for ids in inside for i in ids if mentions[i].category in _OTHER_NAMES]
        if kind is None and (not carriers or len(carriers) < len(others) or _OTHER_KIND.match(text, items[-1][1])):
            continue  # (…、某科技城等工业项目N个: a list of projects, whatever one item's name says)
        if kind is not None:
            cls = CARRIER_CLASS[kind.group("type")]
            attrs = (("level", LEVELS[kind.group("level")]),) if kind.group("level") else ()
        else:
            cls, attrs = Counter(mentions[i].cls for i in carriers).most_common(1)[0][0], ()
        for (s, e), ids in zip(items, inside):
            verb = _ITEM_VERB.search(text, s, e)
            if verb:
                e = verb.start()
                ids = [i for i in ids if mentions[i].end <= e]
            name = text[s:e]
            if any(mentions[i].category == "Place" and (mentions[i].start, mentions[i].end) == (s, e) for i in ids):
                continue  # a place in the list (宝鸡、咸阳) is no carrier
            named = [i for i in ids if mentions[i].category in _OTHER_NAMES]
            if named and (kind is None or any(mentions[i].category in ("Person", "Event", "Programme", "University")
                                              for i in named)):
                continue  # an organisation among carriers stays what its name says (某学院、某学院三家大学科技园)
            own = [i for i in ids if mentions[i].category == _CARRIER]
            if any((mentions[i].start, mentions[i].end) == (s, e) for i in own) and kind is None:
                continue  # already a carrier by its name
            if len(own) > 1 or any(mentions[i].end != e for i in own) and not (kind and name.endswith(_PLATFORM)):
                continue  # two names in one item, or words after the name (某孵化器一期; but 某产业园孵化平台)
            if not (4 if not own + named else 2) <= len(name) <= 24 or _NOT_A_NAME.search(name) or name in places \
                    or _TITLE_END.search(name):
                continue  # …县委副书记、…开发区党工委书记: a chain of posts, no list of carriers
            if not own + named and not _brand_like(name, places) and not (kind and _counted_centre(name)):
                continue
            replaced.update(own + named)
            found.append(Mention(name, s, e, _CARRIER, cls, attrs))
    found += _quoted_carriers(text, mentions + found)
    return found + _counted_carriers(text, mentions + found, places), replaced


# Names in quotation marks before the count of their kind: “某某”等12家众创空间,
# “甲”“乙” 等2家市级众创空间.
_QUOTED_COUNTED = re.compile(rf"(?P<names>(?:“[^“”，。；]{{2,30}}”[、 ]?)+)\s?等[\d一二三四五六七八九十两百]+[家个所]"
                             rf"(?P<level>{_LEVEL_RE})?“?(?P<type>{_TYPE_RE})")
_QUOTED = re.compile(r"“([^“”]+)”")


def _quoted_carriers(text: str, mentions: list[Mention]) -> list[Mention]:
    """Carriers named in quotation marks before the count of their kind (“某某”等6家“星创天地”),
    where no other name was read inside the marks."""
    found = []
    for m in _QUOTED_COUNTED.finditer(text):
        level = (("level", LEVELS[m.group("level")]),) if m.group("level") else ()
        for q in _QUOTED.finditer(text, *m.span("names")):
            s, e = q.span(1)
            if len(q.group(1)) < 2 or any(x.start < e and s < x.end and x.category != "Place" for x in mentions):
                continue
            found.append(Mention(q.group(1), s, e, _CARRIER, CARRIER_CLASS[m.group("type")], level))
    return found


# One name before the count of its kind, unquoted: 经审核,某某咖啡平台等10家众创空间.
_COUNTED_ONE = re.compile(rf"(?={COUNTED_AS}(?P<level>{_LEVEL_RE})?{SORT}(?P<type>{_TYPE_RE}))等")
_LATIN_TAIL = re.compile(r"[A-Za-z][A-Za-z .&'+-]*")
_CLAUSE_MARK = re.compile(r"[，。；：！？,;:!?\n“”]")


def _counted_carriers(text: str, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """A carrier named, without quotation marks or a type word, right before the count
    of its kind (经审核,某某创客咖啡平台等10家众创空间): the name from where its clause's
    name would start, when no other name was read there and it reads as a brand."""
    found = []
    for m in _COUNTED_ONE.finditer(text):
        end = m.start()
        if any(x.end == end and x.category != "Place" for x in mentions) or text[end - 1:end] in ("”", "、"):
            continue
        floor = max((c.end() for c in _CLAUSE_MARK.finditer(text, 0, end)), default=0)
        start = name_start(text, end, floor, places)
        while start > floor + 1 and _LATIN_TAIL.fullmatch(text, start, end) and text[start - 1] == " ":
            start = name_start(text, start - 1, floor, places)  # 某某空间 Some Space: one name in two scripts
        name = text[start:end]
        if not 3 <= len(name) <= 30 or name in places or _NOT_A_NAME.search(name) or "、" in text[floor:end] \
                or any(x.start < end and start < x.end and x.category != "Place" for x in mentions) \
                or not (_brand_like(name, places) or _counted_centre(name)):
            continue
        level = (("level", LEVELS[m.group("level")]),) if m.group("level") else ()
        found.append(Mention(name, start, end, _CARRIER, CARRIER_CLASS[m.group("type")], level))
    return found


_PLATFORM = ("孵化平台", "创业平台", "双创平台")


def _counted_centre(name: str) -> bool:
    """某某科技创新中心 counted as an incubator: a 中心 whose words before it are nouns or
    the field's own verbs (创新, 孵化), not a clause's."""
    return name.endswith("中心") and len(name) >= 5 and not any(
        flag in ("v", "a", "d") and len(word) > 1 and word not in DOMAIN_WORDS for word, flag in _words(name[:-2]))


def _brand_like(item: str, places: list[str]) -> bool:
    """Whether an item without a name ending can be a carrier's name: it does not end in
    a word that names a kind of body or carrier (…中心, …孵化器: had it been a name, its
    ending would have found it), and it holds no verb unless a place leads it
    (天津某某节能环保工业区, but not 创新资源聚集 or 国内知名专家)."""
    kind = listed_kind(item, places)
    if kind is not None:
        return not kind
    if _KIND_END.search(item):
        return False
    words = _words(item)
    if words and words[0][1] == "ns":
        return True
    return not any(flag in ("v", "a", "d") and (len(word) > 1 or word == item) for word, flag in words)


def _words(text: str) -> list[tuple[str, str]]:
    """jieba's part-of-speech cut of ``text`` as ``(word, flag)`` pairs."""
    import jieba.posseg as pseg

    return [(w.word, w.flag) for w in pseg.dt.cut(text)]


def _items(text: str, c0: int, c1: int, mentions: list[Mention], places: list[str]) -> list[tuple[int, int]]:
    """The spans of the 、-separated items of the clause ``text[c0:c1]``, without a
    bracketed note after a name (某空间(某区)); the first starts where a name would start,
    the last ends before 等 or where a mention that starts it ends."""
    parts, pos, depth = [], c0, 0
    for k in range(c0, c1):  # a 、 inside brackets (地(州、市)) parts no items
        depth += (text[k] in "(（") - (text[k] in ")）")
        if text[k] == "、" and depth <= 0:
            parts.append([pos, k])
            pos = k + 1
    parts.append([pos, c1])
    if len(parts) < 2:
        return []
    first, last = parts[0], parts[-1]
    starting = [m for m in mentions if m.end == first[1] and first[0] <= m.start]
    first[0] = min((m.start for m in starting), default=name_start(text, first[1], first[0], places))
    end = _ITEM_END.search(text, last[0], last[1])
    opening = [m for m in mentions if m.start == last[0] and m.end <= last[1]]
    kind = _COUNTED_KIND.search(text, last[0], last[1])
    if end:
        last[1] = end.start()
    elif opening:
        last[1] = max(m.end for m in opening)
    elif kind and kind.end() < last[1] and not _PAREN_TAIL.fullmatch(text, kind.end(), last[1]):
        last[1] = kind.start()  # …、某某2家孵化器被认定: the count ends the list
    elif not (kind or last[1] == c1 and text[c1:c1 + 1] in "，。；,;"):
        return []  # the list runs on into the sentence: where its last item ends is unknown
    spans = []
    for s, e in parts:
        paren = _PAREN_TAIL.search(text, s, e)
        if paren and paren.start() > s:
            e = paren.start()
        while s < e and text[s] == " ":
            s += 1
        if e - s > 2 and text[s] == "“" and text[e - 1] == "”" and "“" not in text[s + 1:e - 1]:
            s, e = s + 1, e - 1  # a quoted name: “某某智创”
        spans.append((s, e))
    return spans


_EDITION_PREFIX = re.compile(r"(\d{4}年度?|第[一二三四五六七八九十百\d]+[届期次]|首届|首期)+")
_DIVISION_END = re.compile(r"[省市县区州]$")


def short_forms(mentions: list[Mention], places: list[str]) -> list[Mention]:
    """``mentions`` with each carrier or event written in a short form somewhere in the
    article tied to its full form (``qualified``): a carrier's name without its leading
    place or owner (某某众创空间 for 某县某某众创空间, 某县某某 for 某县市某某), an event's
    without its year or edition (某省创新创业大赛 for 2019年某省创新创业大赛). Only a
    short form with one full form is tied; two editions of one event stay apart."""
    by_key: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.category in ("InnovationCarrier", "Event") and not m.attr("qualified"):
            by_key.setdefault((m.category, _plain(m.surface, places)), set()).add(m.surface)
    full: dict[tuple[str, str], str] = {}
    for (category, key), surfaces in by_key.items():
        longer = {(k, max(by_key[(category, k)], key=len)) for (c, k) in by_key
                  if c == category and k != key and k.endswith(key) and _tie(category, k[: len(k) - len(key)], places)}
        if len(longer) == 1 and len(key) >= 4:
            full[(category, key)] = next(iter(longer))[1]
        elif len(surfaces) > 1:
            full[(category, key)] = max(surfaces, key=len)  # 某县某某 and 某县市某某: one carrier
    out = []
    for m in mentions:
        target = full.get((m.category, _plain(m.surface, places))) if m.category in (
            "InnovationCarrier", "Event") and not m.attr("qualified") else None
        if target and target != m.surface:
            m = replace(m, attrs=tuple(sorted(m.attrs + (("qualified", target),))))
        out.append(m)
    return out


def _plain(surface: str, places: list[str]) -> str:
    """``surface`` without quotation marks and with a leading place in its short form
    (某县市 → 某县), so that two spellings of one name compare equal."""
    name = surface.replace("“", "").replace("”", "")
    lead = max((p for p in places if name.startswith(p) and len(p) > 2 and _DIVISION_END.search(p)),
               key=len, default=None)
    return lead[:-1] + name[len(lead):] if lead else name


def _tie(category: str, prefix: str, places: list[str]) -> bool:
    """Whether ``prefix`` before a short form makes the full form of the same thing: a
    year or edition before an event; a place or a short owner's name before a carrier."""
    if category == "Event":
        return bool(_EDITION_PREFIX.fullmatch(prefix))
    return len(prefix) <= 6 and not _NOT_A_NAME.search(prefix)


# A carrier named after the body that runs it, joined by a dash: 某某农业发展有限公司-某某星创天地.
_OPERATED = re.compile(r"^(?P<operator>.{4,40}?(?P<kind>有限责任公司|有限公司|股份公司|公司|集团|合作社))[-－—–](?P<carrier>.{4,})$")


def operated_carriers(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each carrier written after its operator and a dash split in two:
    the operator (a company or a cooperative) and the carrier's own name."""
    out = []
    for m in mentions:
        joined = _OPERATED.match(m.surface) if m.category == _CARRIER else None
        if joined is None:
            out.append(m)
            continue
        kind = "Cooperative" if joined.group("kind") == "合作社" else "Company"
        out.append(Mention(joined.group("operator"), m.start, m.start + joined.end("operator"), kind, kind))
        out.append(replace(m, surface=joined.group("carrier"), start=m.start + joined.start("carrier")))
    return out
