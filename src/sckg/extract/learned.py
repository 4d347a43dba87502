"""What the learned recogniser (:mod:`sckg.extract.ner`) adds to the rules: the people
it finds that no title, verb of speech or middle dot announces (获奖者蒋某某、金某某,
an award list, a name in a caption).

The recogniser proposes; the rules decide. A proposed person is kept only when it
reads as a personal name: two to four Han characters after a known surname (or a
transliterated name with a middle dot), no character that never ends or continues a
name, not a common word of the dictionary, not inside a document number (国科发〔…〕)
and not over a name the rules already hold. Names written with a space between their
characters (王 某, a table's padding) are read without it; a span that holds several
names separated by spaces is split into them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from sckg.extract.lexicon import (FIRM_REGIONS, NAME_MIDDLE, NOT_NAME_CHARS, PARTY_BODIES, SHORT_BODY_ENDINGS,
                                  SURNAMES, TITLES, TRANSLITERATION_CHARS)
from sckg.extract.people import dotted_brand, title_ends_at, year_ending
from sckg.extract.words import tag, verb_and_particle, word_count
from sckg.model import Mention

# 国科发火〔2019〕12号, 苏科高发〔2021〕3号, 鲁科字〔…〕: an issuer's abbreviation, not a name.
# The closing bracket is often lost (国科火字〔2021164号), so the year after an opening
# bracket is enough.
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{2,10}\s*[〔［\[【(（]\s*(?:19|20)\d\d")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8})+")
_COMMON = 1000
_NAME_LIKE = ("ns", "nz", "nr", "nrt", "nrfg", "new")
_DIVISION_ENDS = ("区", "县", "市", "州", "旗", "省")  # 某某 for 某某区  # a word jieba has seen this often is a word, not a name


class Reading:
    """The recogniser's reading of one paragraph, a sentence at a time and only where it
    is needed: a sentence is tagged when jieba's cut of it holds a word that may be a
    name (one it tags as a person's, or one its dictionary lacks that starts with a
    surname, or a surname alone before a two-character word it takes for a place or
    name: 马 建昌), or when a rule asks about a name in it (:meth:`sees_person`).
    Tagging is the costly part of reading an article; about half its sentences pass."""

    def __init__(self, text: str, labeller=None):
        from sckg.extract.ner import Labeller, sentences

        self.text = text
        self._labeller = labeller or Labeller.load()
        self._sentences = [c for s, e in sentences(text) for c in _clauses(text, s, e)]
        self._tagged: dict[int, list[tuple[int, int, str]]] = {}
        self._cuts: dict[int, list[tuple[str, str]]] = {}
        self._spans: list[tuple[int, int, str]] | None = None

    def spans(self) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, type)`` in the sentences that may hold a name."""
        if self._spans is None:
            out = []
            for k in range(len(self._sentences)):
                if k in self._tagged or _may_name(self._cut(k)):
                    out += self._tag(k)
            self._spans = out
        return list(self._spans)

    def sees_person(self, start: int, end: int) -> bool:
        """Whether the recogniser sees a person over (part of) ``start:end``, or a name
        of another kind that ends with it (某厅某处林某调研员 read as one agency)."""
        for k, (s0, s1) in enumerate(self._sentences):
            if s0 < end and start < s1:
                for s, e, kind in self._tag(k):
                    if (kind == "PER" and s < end and start < e) or (kind != "PER" and e == end and s < start):
                        return True
        return False

    def body_at(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of a company or organisation the recogniser sees ending at ``end``
        in the clause that holds ``start:end``, or None."""
        for k, (s0, s1) in enumerate(self._sentences):
            if s0 <= start < s1:
                return next(((s, e) for s, e, kind in self._tag(k) if e == end and kind in ("COMP", "ORG", "GOV")), None)
        return None

    def _cut(self, k: int) -> list[tuple[str, str]]:
        if k not in self._cuts:
            from sckg.extract.ner_features import cut, fold

            start, end = self._sentences[k]
            self._cuts[k] = cut(fold(self.text[start:end]))
        return self._cuts[k]

    def _tag(self, k: int) -> list[tuple[int, int, str]]:
        if k not in self._tagged:
            from sckg.extract.ner import ARTICLE_TYPES, bio_spans, trim

            start, end = self._sentences[k]
            tags = self._labeller.tags(self.text[start:end], "news", self._cut(k))
            spans = []
            for s, e, kind in bio_spans(tags):
                if kind in ARTICLE_TYPES:
                    s, e = trim(self.text, start + s, start + e)
                    if s < e:
                        spans.append((s, e, kind))
            self._tagged[k] = spans
        return self._tagged[k]


_CLAUSE_END = re.compile(r"[，,；;：:]")
_SHORTEST_CLAUSE = 10


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of the sentence ``start:end``, each ending with its comma, semicolon
    or colon; a clause shorter than ``_SHORTEST_CLAUSE`` joins the one after it. Names
    do not cross a comma, so a clause is the context a name is tagged in: only the
    clauses that may hold one are tagged, not their whole sentence."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.end() - s >= _SHORTEST_CLAUSE and end - m.end() >= _SHORTEST_CLAUSE:
            out.append((s, m.end()))
            s = m.end()
    out.append((s, end))
    return out


def _may_name(words: list[tuple[str, str]]) -> bool:
    for i, (word, flag) in enumerate(words):
        if flag.startswith("nr") or (flag == "new" and 2 <= len(word) <= 4 and word[0] in SURNAMES) or (
                flag == "new" and 3 <= len(word) <= 6 and all(c in TRANSLITERATION_CHARS for c in word)):
            return True
        if len(word) == 1 and word in SURNAMES and i + 1 < len(words) and len(words[i + 1][0]) == 2 \
                and words[i + 1][1] in _NAME_LIKE:
            return True
        if word in _TITLE_WORDS and i + 1 < len(words) and 3 <= len(words[i + 1][0]) <= 6 \
                and not _common_word(words[i + 1][0]) and words[i + 1][1] in ("ns", "nz", "nt", "x", "new"):
            return True  # 当选总统奥巴马 (jieba: a place): a rare word right after a title
    return False


_TITLE_WORDS = frozenset(TITLES)
_NOT_A_PERSON = re.compile(r"[左右前后][一二三四五六七八九十]+")  # a caption's place: (左五)


def _plain_word(name: str) -> bool:
    return word_count(name) > 1000 and not tag(name).startswith("nr")


_NAME_LIKE_NOUNS = frozenset("马拉松 高尔夫 黄金周 胡萝卜 白皮书 马铃薯 龙虾 马达 程序员 金牌 银牌 铜牌 金奖 银奖 铜奖".split())


def learned_people(text: str, spans: list[tuple[int, int, str]], taken: list[Mention]) -> list[Mention]:
    """Personal names among the recogniser's ``spans`` of ``text`` that overlap none of the
    mentions ``taken`` (the rules' names, places and people)."""
    blocked = [m.span() for m in _DOCUMENT_NUMBER.finditer(text)]
    out: list[Mention] = []
    for start, end, kind in spans:
        if kind != "PER":
            continue
        for s, e in _names_in(text, start, end):
            if text[e - 1] == "摄" and e - s >= 3 and text[e:e + 1] in (")", "）", " ", "\n", ""):
                e -= 1  # (王某摄): a photograph's credit, the name without 摄
            if any(bs < e and s < be for bs, be in blocked):
                continue
            if any(t.start < e and s < t.end for t in taken) or any(o.start < e and s < o.end for o in out):
                continue
            if any(t.start == e and t.category not in ("Person", "Place") for t in taken):
                continue  # the head of a name that follows it (某某国家自主创新示范区)
            if text[e - 1] in "局厅委处署" or text[s:e] in _NAME_LIKE_NOUNS or _NOT_A_PERSON.fullmatch(text, s, e) \
                    or text[s + 1:e] in TITLES or _plain_word(text[s:e]):
                continue  # 林草局, 马拉松, (左五), 陈主席 (how a head is spoken of), 简要: no person's name
            if text.startswith("长孙", s) and e - s == 3 and title_ends_at(text, s + 1):
                s += 1  # 局长孙某: the title's 长, then the surname 孙 (not the double surname 长孙)
            out.append(Mention(text[s:e], s, e, "Person", "Person"))
    return out


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The personal names a proposed span holds: itself, or each name of a span that
    several names separated by spaces make up, or none."""
    surface = text[start:end]
    if _DOT_NAME.fullmatch(surface):
        return [] if dotted_brand(surface) else [(start, end)]
    parts = [(start + m.start(), start + m.end()) for m in _HAN.finditer(surface)]
    if "".join(text[s:e] for s, e in parts) != re.sub(r"\s+", "", surface):
        return []  # letters, digits or punctuation inside: not a name
    if len(parts) > 1 and all(e - s == 1 for s, e in parts) and len(parts) <= 3:
        # 王 某: one name padded with spaces, read as written.
        return [(start, end)] if is_personal_name("".join(text[s:e] for s, e in parts)) else []
    return [(s, e) for s, e in parts if is_personal_name(text[s:e]) or is_foreign_name(text[s:e])
            or _listed_name(text[s:e])]


def _listed_name(name: str) -> bool:
    """A name of three or four characters that jieba's dictionary lists as a person's
    (冈田武史, 乔布斯): the recogniser and the dictionary agree, whatever its first character."""
    return 3 <= len(name) <= 4 and tag(name) in ("nr", "nrt", "nrfg") and not _common_word(name) \
        and name not in _place_names() and not _read_as_words(name)


def _read_as_words(name: str) -> bool:
    """关切, 日期: a word jieba counts often; 施展才华: words from the surname's character on."""
    return len(name) == 2 and word_count(name) > 50 and tag(name) not in ("nr", "nrt", "nrfg") \
        or len(name) == 4 and name[:2] not in SURNAMES and word_count(name[:2]) > 500


def is_personal_name(name: str) -> bool:
    """Whether ``name`` (Han characters only) can be a Chinese personal name."""
    if not 2 <= len(name) <= 4 or not (name[0] in SURNAMES or name[:2] in SURNAMES):
        return False
    given = name[2:] if name[:2] in SURNAMES else name[1:]
    if any(c in NOT_NAME_CHARS and not (len(given) == 2 and c in NAME_MIDDLE) for c in given) \
            and not year_ending(name):
        return False  # 王某在 is no name, 唐家某 is
    if len(name) == 3 and verb_and_particle(name):
        return False  # 商量过, 满意地: a verb or adjective and its particle
    places = _place_names()
    if _common_word(name) and not (len(name) == 3 and tag(name) == "nr"):
        return False  # a word, unless a famous three-character name (邓小平)
    if _read_as_words(name):
        return False
    return not any(name + end in places for end in ("", *_DIVISION_ENDS))


def is_foreign_name(name: str) -> bool:
    """Whether ``name`` (Han characters only) reads as a foreign name transcribed without a
    middle dot: three to six characters of the transcription tables, no word or place."""
    return 3 <= len(name) <= 6 and all(c in TRANSLITERATION_CHARS for c in name) and not _common_word(name) \
        and name not in _place_names() and tag(name) not in ("nt", "nz")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """China's divisions and their short forms, and the countries (the names the
    recogniser's features look up)."""
    from sckg.extract.ner_features import dictionaries

    return frozenset(dictionaries()["place"])


@lru_cache(maxsize=65536)
def _common_word(word: str) -> bool:
    return word_count(word) > _COMMON


# The recogniser's types for a body no ending types: an agency or a company.
_NAMED_AS = {"GOV": "GovernmentAgency", "COMP": "Company"}
_BODY_TYPES = ("GOV", "COMP", "ORG")
# An agency the recogniser sees anywhere, when it ends as an agency's name does.
_AGENCY_ENDS = ("局", "厅", "委", "部", "办", "政府", "委员会", "办公室", "管委会")
# …but not a kind of agency: 各级科技部门, 县级科技局, 有关部门.
_GENERIC_HEADS = ("各", "有关", "相关", "上级", "地方", "本级", "同级", "国家级", "省级", "市级", "县级",
                  "区级", "乡级", "镇级", "该", "此", "本")


@lru_cache(maxsize=1)
def _suffix_words() -> frozenset[str]:
    """The endings of names (众创空间, 孵化器, 中心), which alone name a kind of body."""
    from sckg.extract.names import SUFFIXES
    return frozenset(s for s, _, _ in SUFFIXES)


def learned_organisations(text: str, spans: list[tuple[int, int, str]], mentions: list[Mention]) -> list[Mention]:
    """Organisations the recogniser sees where a post is written (某某公司总经理王某, 某某局
    王某局长), and agencies it sees anywhere whose name ends as an agency's does (某县
    组织部, 某市委政研室), where the rules found no name: typed by their ending (lexicon's
    organisation and carrier endings), else as the recogniser types them (an agency, a
    company); a body of another kind with no known ending is left out."""
    from sckg.extract.lexicon import NOT_A_BUREAU
    from sckg.extract.name_heads import JOINT_BODIES, names_every_body
    from sckg.extract.names import GOVERNED, NOT_AFTER, SUFFIXES

    people = {m.start for m in mentions if m.category == "Person"}
    out: list[Mention] = []
    for start, end, kind in spans:
        if kind not in _BODY_TYPES or end - start < 2 or end - start > 30:
            continue
        start, end = _trimmed(text, start, end, TITLES)
        if not (end in people or any(text.startswith(t, end) for t in TITLES)) and not (
                kind == "GOV" and text.endswith(_AGENCY_ENDS, start, end)
                and not text.startswith(_GENERIC_HEADS, start)):
            continue
        if any(m.start < end and start < m.end and m.category != "Place" for m in mentions):
            continue
        if kind == "GOV" and (names_every_body(text, start) or text[end - 2:end] in NOT_A_BUREAU
                              or not re.match(NOT_AFTER.get(text[end - 1], ""), text[end:end + 1])):
            continue  # (统筹布局, 空间格局, 文化局面: a word in 局, no bureau)
        surface = text[start:end]
        if surface in TITLES or surface in _BARE_BODY_WORDS or surface in _suffix_words() or JOINT_BODIES.fullmatch(surface):
            continue  # 联合创始人兼CTO某某: a title; 众创空间负责人某某: a kind of body; 市委市政府: two bodies
        if surface.endswith("部门") or surface.endswith("政府") and not GOVERNED.search(surface.removesuffix("政府").removesuffix("人民")):
            continue  # 财政部门负责人, 地方政府: a kind of body, no one body
        ending = next(((cat, cls) for s, cat, cls in SUFFIXES if surface.endswith(s) and len(surface) > len(s)),
                      None)
        if ending is not None and ending[0] == "Event":
            continue
        short = next((kind_of for form, kind_of in SHORT_BODY_ENDINGS if form.search(surface)), None)
        ending = ending or ((short, short) if short else None)
        if ending is None and surface.endswith(PARTY_BODIES):
            ending = ("GovernmentAgency", "GovernmentAgency")  # 某市科技工作党委: a party committee, whatever the tag
        category, cls = ending or (_NAMED_AS.get(kind), _NAMED_AS.get(kind))
        if category is None or surface in _place_names():
            continue
        out.append(Mention(surface, start, end, category, cls))
    return out


# Words for a kind of body that name no body when written alone.
_BARE_BODY_WORDS = {"政府", "人民政府", "办公室", "办公厅", "党委", "党组", "党工委", "委员会", "管委会", "公司", "集团",
                    "人大", "政协", "中心", "协会", "学院", "大学", "单位", "部门"}


# Endings that make a span a body of its own, whose party committee's posts are its posts.
_NAMED_BODY_ENDS = ("大学", "学院", "公司", "集团", "局", "厅", "委", "院", "所", "中心", "协会", "医院", "部", "办", "政协",
                    "人大", "政府")
_LEAD_WORDS = set("率由在与和及对向从为到赴请受经据")


_FIRM_REGION = re.compile(rf"(?:{FIRM_REGIONS})区$")


def _trimmed(text: str, start: int, end: int, titles: list[str]) -> tuple[int, int]:
    """A body's span without the verb or preposition before it (率省某中心) and the post
    after it (某市委常委: the 市委, and 常委 the post), with the party committee a post
    after it starts with when the span names no body by its ending (某某工作党委书记:
    the body is 某某工作党委; 某某大学党委书记 is a post at the university)."""
    if text[start] in _LEAD_WORDS and end - start > 3 and not _word_head(text[start:start + 2]):
        start += 1
    gap = max(text.rfind(" ", start, end), text.rfind("\u3000", start, end))
    start = gap + 1 if gap >= start and end - gap > 3 else start  # 吕某 财政局局长: a row's name, then the body
    region = _FIRM_REGION.search(text, start, end)
    if region and region.start() - start >= 2:
        end = region.start()  # 某科技中国区: the firm, and its region no part of its name
    title = next((t for t in titles if text.endswith(t, start, end) and end - len(t) - start >= 2), None)
    if title and text.endswith(_AGENCY_ENDS, start, end - len(title)):
        end -= len(title)
    held = next((b for b in PARTY_BODIES if text.endswith(b, start, end)), None)
    if held and (text.endswith(_NAMED_BODY_ENDS, start, end - len(held))
                 or any(f.search(text, start, end - len(held)) for f, _ in SHORT_BODY_ENDINGS)):
        end -= len(held)  # 某某师院党委书记: a post at the college
    # (a 党组 is the leading group of the body named before it: its posts are that body's)
    party = next((b for b in PARTY_BODIES if text.startswith(b, end) and b != "党组"), None)
    if party and any(text.startswith(t, end) for t in titles if len(t) > len(party)) and not text.endswith(
            _NAMED_BODY_ENDS, start, end):
        end += len(party)  # 某某工作党委书记: the 党委 ends the body's name, 书记 is the post
    return start, end


def _word_head(pair: str) -> bool:
    """Whether a lead character starts a noun with the next one (经 of 经济部, 和 of 和平区)."""
    from sckg.extract.words import NOUN_TAGS, common_word, tag

    return common_word(pair) and tag(pair) in (*NOUN_TAGS, "ns", "nt")


def load_recogniser() -> None:
    """Load the recogniser and every table its features and filters read, now. A build
    calls this before its workers fork: they then share these tables, and since the
    build freezes what exists at that point out of garbage collection, no worker's
    collector walks them again and again."""
    from sckg.extract.ner import Labeller

    reading = Reading("市科技局局长王某某到某某众创空间调研。", Labeller.load())
    reading.spans()
    is_personal_name("王某某")
    _place_names()


def body_starts(reading: Reading, text: str, mentions: list[Mention], places: list[str]) -> list[Mention]:
    """Companies, associations and universities (``_TRIMMED``) whose start the rules set
    where the recogniser starts them, when what lies between is words of the sentence
    (销售某某股份有限公司, 现有某某公司, 载体内企业某某公司, 集聚某某大学):
    two Han characters or more, not starting with a place, holding a word of two
    characters that is a verb, pronoun, adverb or distinguishing word, or a noun of a
    kind (企业), and ending in no word that may be a name's."""
    from sckg.extract.name_heads import KIND_NOUNS, tagger

    out = []
    for m in mentions:
        seen = reading.body_at(m.start, m.end) if m.category in _TRIMMED and m.end - m.start > 5 else None
        if seen and m.start + 2 <= seen[0] <= m.end - 4 and not any(text.startswith(p, m.start) for p in places):
            words = list(tagger().cut(text[m.start:seen[0]]))
            if words[-1].flag not in _NAME_LIKE + ("nt", "j", "eng") and any(
                    (w.flag in _SENTENCE_FLAGS and len(w.word) >= 2) or w.word in KIND_NOUNS for w in words) \
                    and _HAN.fullmatch(text, m.start, seen[0]):
                m = replace(m, surface=text[seen[0]:m.end], start=seen[0])
        out.append(m)
    return out


_SENTENCE_FLAGS = ("v", "vn", "b", "r", "d", "p", "c", "u", "f")
_TRIMMED = ("Company", "Association", "University")
