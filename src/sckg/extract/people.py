"""People: names after a title (副局长林某某), before a verb of speech (周某某说),
before their post (林某调研员), with a middle dot (艾某·买某某), after 联系人; their
posts are read in :mod:`sckg.extract.posts`."""

from __future__ import annotations

import re
from collections.abc import Callable

from sckg.extract.lexicon import (MINORITY_NAME_PARTS, NAME_MIDDLE, NOT_NAME_CHARS, SPEECH, SURNAMES, TITLE_PATTERN,
                                  TITLES, TRANSLITERATION_CHARS)
from sckg.extract.words import tag, verb_and_particle, word_count
from sckg.model import Mention

_BOUNDARY_WORDS = ("说", "表示", "介绍", "指出", "强调", "认为", "到", "在", "于", "等", "和", "与",
                   "及", "是", "为", "也", "就", "所", "以", "对", "向", "带", "凭", "因", "正",
                   "激动", "出席", "参加", "主持", "率", "一行", "同志", "先生", "女士", "的",
                   "表态", "讲话", "致辞", "陪同", "汇报", "告诉", "称", "创立", "创办", "成立",
                   "打造", "创建", "带领", "牵头", "领衔", "做", "作", "从", "赴", "主持", "解释",
                   "分享", "发表", "宣布", "提出", "希望", "要求", "代表", "参观", "考察", "调研",
                   "视察", "看望", "慰问", "会见", "听取", "首先", "随后", "一行", "莅临", "接待",
                   "随同", "致词", "发言", "同行", "讲解", "应邀", "受邀", "皆", "均", "亦", "致欢迎", "致开幕", "致闭幕", "致贺", "致答谢", "当选", "担任", "出任",
                   "博士", "曾任", "曾经", "曾在", "曾是", "曾于", "曾获", "曾担任", "曾多次", "曾表示",
                   "参会", "到会", "出面", "现场", "亲自", "一同", "一起", "分别", "专程", "座谈", "交流")
PUNCT = set("，。、；：？！“”‘’《》（）()【】,.;:?!\"' \n—…")
_SPEECH_RE = re.compile(SPEECH)
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}")
# A verb of speech that ends its clause: 刘新说, is 刘新 speaking, not 刘新说.
_SPOKEN = re.compile(r"(说|称|表示|介绍|指出|强调|认为|坦言|透露)")
_CONTACT = re.compile(r"联系人\s*[:：]\s*(?:[\u4e00-\u9fff]{1,10}(?:处|科|室|中心|办|部)\s+)?"
                      r"([\u4e00-\u9fff]{2,3})(?=[\s,，、；;（(\d]|$)")
# A notice's contact line under 联系人: a unit, its people, their telephone (省科技厅某处 甲、乙；电话：…).
_CONTACT_LINE = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:处|科|室|中心|办|部|局|厅|院|所)\s+((?:[\u4e00-\u9fff]{2,3}、)*"
                           r"[\u4e00-\u9fff]{2,3})\s*[；;，,]?\s*(?:联系|办公)?电话", re.M)
# jieba's tags of common words that are never a name (verbs, adverbs, conjunctions,
# prepositions, pronouns, idioms), whatever surname they start with.
_NOT_NAME_TAGS = set("vdcprilz")
# Two-character verbs that follow a name: a three-character reading ending in their first
# character is the name and the verb's head (张某莅临, 李某出席).
_CLAUSE_VERBS = ("莅临", "出席", "参加", "陪同", "主持", "致辞", "讲话", "带队", "调研", "视察", "考察", "看望",
                 "会见", "介绍", "指出", "强调", "表示", "听取", "参观", "一行", "接待", "随同", "致词", "发言",
                 "同行", "讲解")
# Verbs a name written before its post may follow (陪同某某副区长, 会见某某局长, 在某某主任的陪同下).
_VERBS_BEFORE_NAME = ("陪同", "会见", "邀请", "看望", "欢迎", "听取", "带领", "率领", "跟随", "在", "落实", "贯彻", "学习", "践行",
                      "感谢", "拜访")
# Last characters of an organisation's name (市科技局, 高新处, 县科协, 某某公司).
_ORG_END = set("处厅局委会办院司部所站室组队心协社厂科")
_COMMON_NOUN = 1000  # how often jieba has seen a noun that is too common to be a given name
_TITLE_END = re.compile(f"(?:{'|'.join(map(re.escape, TITLES))})$")
# A short aside between a post and the name: 副书记(主持工作)某某, 副部长(兼)….
_ASIDE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]")
ORG_CATEGORIES = {"GovernmentAgency", "PublicInstitution", "Company", "Cooperative", "University",
                  "ResearchInstitute", "Association", "MediaOutlet", "InnovationCarrier", "Project"}


def _boundary(text: str, pos: int) -> bool:
    if pos >= len(text) or text[pos] in PUNCT or text[pos].isdigit():
        return True
    if any(text.startswith(w, pos) for w in _BOUNDARY_WORDS) or (
            text[pos] in SURNAMES and text[pos + 1:pos + 2] == "总" and text[pos + 2:pos + 3] in PUNCT | {""}):
        return True  # (某某王总，: the name, then how it is spoken to)
    # A common two-character word right after the name (某某结合…): jieba's dictionary.
    return word_count(text[pos:pos + 2]) > 5000


def _surname_ok(name: str) -> bool:
    return name[0] in SURNAMES or name[:2] in SURNAMES


def _spoken_at(text: str, pos: int) -> bool:
    """Whether a verb of speech that closes its clause starts at ``pos``."""
    m = _SPOKEN.match(text, pos)
    return bool(m) and (m.end() == len(text) or text[m.end()] in PUNCT)


def read_name(text: str, pos: int) -> int | None:
    """End of a personal name starting at ``pos`` (2–4 characters), or None. A title
    there (厅长党组书记某某: 党组 is no name) starts no name."""
    if TITLE_PATTERN.match(text, pos):
        return None
    if text[pos:pos + 1] == "任" and (TITLE_PATTERN.match(text, pos + 1) or tag(text[pos + 1:pos + 3]) == "v"
                                      and word_count(text[pos + 1:pos + 3]) > 1000):
        return None  # 教授任执行负责人: 任 is the verb (to serve as), no surname
    minority = _minority_name(text, pos)
    if minority is not None and minority - pos >= 4:
        return minority  # 那顺孟和出席: two parts of a Mongolian name, though 那 is a surname and 和 a conjunction
    for length in (3, 2, 4):
        name = text[pos:pos + length]
        if len(name) < length or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        if not _surname_ok(name) or any(c in NOT_NAME_CHARS for c in name[1:]) and not year_ending(name) and not (
                length == 3 and name[1] in NAME_MIDDLE and name[2] not in NOT_NAME_CHARS
                and (text[pos + 3:pos + 4] in PUNCT or text.startswith(("同志", "等"), pos + 3)
                     or _TITLE_END.search(text, max(0, pos - 8), pos))):
            continue
        if length == 3 and (_spoken_at(text, pos + 2) or any(
                text.startswith(w, pos + 2) for w in (*_CLAUSE_VERBS, "先生", "女士", "同志"))):
            continue  # 张某莅临, 张某先生: the name is 张某, 莅临 the verb
        if tag(name)[:1] in _NOT_NAME_TAGS and (_common_word(name) or length == 4):
            continue  # 副秘书长强调, 齐聚一堂: a common verb, adverb or idiom, not a name
        if length >= 3 and verb_and_particle(name[:3]):
            return None  # 总理满意地说, 主任商量过: a verb or adjective and its particle, no name
        if length == 4 and name[:2] not in SURNAMES:
            continue  # four characters: a double surname's name (欧阳某某), not 某总出席
        if length >= 3 and name[1:] in TITLES:
            continue  # 李主任表示: a surname and a title, how a head is spoken of, no name
        if length == 2 and name[1] in "总不也都就还已又":
            continue  # 副总经理方总: how a head is spoken to; 专家都不: an adverb, no given name
        if length == 2 and (tag(name) == "n" and word_count(name) > _COMMON_NOUN
                            or tag(name) not in ("nr", "nrt", "nrfg") and word_count(name) > 300):
            continue  # 评论, 文章: a common noun after a title or in a list; 书记关切地问: a verb; no name
        if name[0] in "和与及向" and (word_count(text[pos + 1:pos + 3]) > 50 or name[1] in "我你他她该本其"
                                     or TITLE_PATTERN.match(text, pos + 2)):
            continue  # 处长和参会人员, 向李院长: the conjunction or preposition, not a surname
        if _boundary(text, pos + length):
            return pos + length
    return _minority_name(text, pos)


def year_ending(name: str) -> bool:
    """A three-character name whose given name ends in 年 (某柏年, 某延年), though 年 ends
    no name otherwise: not a word of time (今年, 周年)."""
    return len(name) == 3 and name[2] == "年" and name[1] not in NOT_NAME_CHARS and word_count(name[1:]) < 50


def _minority_name(text: str, pos: int) -> int | None:
    """End of a Tibetan or Mongolian name at ``pos`` (one to three parts of
    ``MINORITY_NAME_PARTS``: 扎西次仁, 孟克巴雅尔), or None."""
    end, parts = pos, 0
    while parts < 3 and (part := next((n for n in (4, 3, 2) if text[end:end + n] in MINORITY_NAME_PARTS), None)):
        end, parts = end + part, parts + 1
    return end if parts and _boundary(text, end) else None


# The rest of a body's name up to its head's title, after what looked like a listed name.
_BODY_GOES_ON = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:办公室|局|中心|处|科|室|办|委员会|委|协会|院|所|站|部|公司)"
                           r"(?=" + TITLE_PATTERN.pattern + ")")


def _listed_no_name(text: str, start: int, end: int) -> bool:
    """Whether what follows a 、 after a name is no name: a place of jieba's dictionary
    (、武汉…), or a word a title follows (、项目部部长某某: a unit before its post)."""
    return TITLE_PATTERN.match(text, end) is not None or tag(text[start:end]) == "ns" or (
        text[end - 1] in _ORG_END and text[end:end + 1] in ("、", "，", ",", "")) or (  # 、楼宇办、: a body
        _BODY_GOES_ON.match(text, end) is not None)  # 、区科技产业推进办公室主任某某: a body's name


def _before_speech(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SPEECH_RE.finditer(text):
        for length in (3, 2):
            start = m.start() - length
            if start < 0:
                continue
            name = text[start:m.start()]
            if not all("\u4e00" <= c <= "\u9fff" for c in name) or not _surname_ok(name):
                continue
            if any(c in NOT_NAME_CHARS for c in name[1:]) or name[1:] in TITLES:
                continue  # (李主任表示: a surname and a title)
            if start == 0 or text[start - 1] in PUNCT or text[start - 1] in "的如" or any(
                    text.endswith(t, 0, start) for t in TITLES):
                spans.append((start, m.start()))
                break
    return spans


def title_ends_at(text: str, end: int) -> bool:
    """Whether a title of two or three characters ends at ``end`` (局长 in 局长孙某)."""
    return any(TITLE_PATTERN.fullmatch(text, end - k, end) for k in (2, 3) if end >= k)


def _before_title(text: str, org_ends: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Names written before their post: 林某调研员, 王某副局长 (after an organisation, a
    comma or a list mark, and followed by what ends a name's clause); ``org_ends`` are
    where named organisations (某某联盟侯某理事长) and places (汕尾市林某副市长) end."""
    spans = []
    for m in TITLE_PATTERN.finditer(text):
        if not _boundary(text, m.end()) and text[m.end():m.end() + 1] not in ("在", "、"):
            continue
        for length in (3, 2):
            start = m.start() - length
            name = text[max(start, 0):m.start()]
            if start < 0 or not all("\u4e00" <= c <= "\u9fff" for c in name) or not _surname_ok(name):
                continue
            if any(c in NOT_NAME_CHARS or c in _ORG_END for c in name[1:]) or _common_word(name) or (
                    len(name) == 3 and name[:2] in SURNAMES and title_ends_at(text, start + 1)):
                continue  # (局长孙某教授: the title's 长, then 孙某; no double surname 长孙)
            if start == 0 or text[start - 1] in PUNCT or text[start - 1] in _ORG_END or start in org_ends or any(
                    text.endswith(w, 0, start) for w in _VERBS_BEFORE_NAME):  # 陪同某某副区长
                spans.append((start, m.start()))
                break
    return spans


# A post given between commas after a name at a sentence's start: 某某，某公司总经理，….
_APPOSED = re.compile(rf"(?:^|(?<=[。！？\n]))\s*([\u4e00-\u9fff]{{2,3}})[,，](?=[^，,。；]{{2,30}}?(?:{TITLE_PATTERN.pattern})[,，、])")


def _before_apposition(text: str) -> list[tuple[int, int]]:
    """某某，某公司总经理，…: the name a sentence starts with, before its post."""
    return [m.span(1) for m in _APPOSED.finditer(text) if read_name(text, m.start(1)) == m.end(1)]


def _listed_after_title(text: str, start: int) -> bool:
    """甲总经理、乙经理: a name listed after another name's title, itself before a title."""
    return text[start - 1:start] == "、" and _TITLE_END.search(text, max(0, start - 9), start - 1) is not None


def _hosting(text: str, start: int, end: int) -> bool:
    """在某某主任的陪同下: a name between 在 and a title followed by 的."""
    title = TITLE_PATTERN.match(text, end)
    return text[start - 1:start] == "在" and title is not None and text[title.end():title.end() + 1] == "的"


def _common_word(word: str) -> bool:
    return word_count(word) > 1000


def _drop_descriptive_head(text: str, start: int, dot: int) -> int:
    """青年创业者热合曼·吐尔逊: common words before a transliterated name are no part of it."""
    import jieba

    jieba.dt.check_initialized()
    for word in jieba.lcut(text[start:dot], HMM=False):
        if dot - start - len(word) < 2 or jieba.dt.FREQ.get(word, 0) <= 100 or len(word) < 2:
            break
        start += len(word)
    return start


# How the names of places and brands end (某某·梦工场, 某某·创客汇), never a person's.
_BRAND_TAILS = ("工场", "工坊", "空间", "社区", "中心", "基地", "园", "谷", "港", "汇", "坊", "站", "馆", "荟",
                "部落", "家园", "小镇", "大厦", "广场", "公司", "集团", "孵化器", "众创", "创客", "咖啡", "书院")


def dotted_brand(name: str) -> bool:
    """Whether a name written with a middle dot is a brand's (某某·梦工场, 某某·创客汇 …, or a
    place before the dot: 西安·某某), not a transliterated person's."""
    before, _, after = name.partition("·")
    return after.endswith(_BRAND_TAILS) or any(len(t) > 1 and t in after for t in _BRAND_TAILS) \
        or after.startswith(_BRAND_TAILS) or tag(before) == "ns"


# What may stand right before a transliterated name and is no part of it: a post or
# an occupation (市长约翰·某某, 科学家某·某某, 运动员某·某某).
_DOT_HEAD = re.compile(f"(?:{TITLE_PATTERN.pattern}|[家员兵士手])")


def _dot_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DOT_NAME.finditer(text):
        start, end = m.span()
        cut = max(text.rfind(c, start, text.index("·", start)) for c in "的了是在和与")
        if cut >= start:
            start = cut + 1
        for w in ("带着", "带著", "凭着", "凭著", "激动", "说", "表示", "介绍", "正"):
            k = text.find(w, text.index("·", start), end)
            if k != -1:
                end = k
        dot = text.index("·", start)
        end = max((k for k in range(dot + 3, end) if text.startswith(_BOUNDARY_WORDS, k)), default=end)  # 某·某某出席
        start = _drop_descriptive_head(text, start, dot)
        start = max((t.end() for t in _DOT_HEAD.finditer(text, start, dot) if dot - t.end() >= 2), default=start)
        if (k := text.find("的", dot + 3, end)) != -1:
            end = k  # 某·某某的作品: the name ends at 的
        start, end = _transcribed(text, start, dot, end)
        if text[start:text.index("·", start)].endswith(("网", "报", "社", "台")) or "新闻" in text[start:end]:
            continue  # 某某网·某某新闻讯: an outlet and its channel, no person
        if dotted_brand(text[start:end]):
            continue  # 某某·梦工场, 西安·某某: a brand, no person
        if end - start >= 4 and not _common_words_after_dot(text[text.index("·", start) + 1:end]):
            spans.append((start, end))
    return spans


def _transcribed(text: str, start: int, dot: int, end: int) -> tuple[int, int]:
    """A Western name in transcription characters on both sides of its dot spans only
    them (副首相约翰·某某将…, 黑人詹姆斯·某某捆绑…); other names keep their span."""
    k, e = dot, dot + 1
    while k > start and text[k - 1] in TRANSLITERATION_CHARS:
        k -= 1
    while e < end and text[e] in TRANSLITERATION_CHARS:
        e += 1
    if dot - k >= 2 and e - dot - 1 >= 2 and (k == start or text[k - 1] not in TRANSLITERATION_CHARS):
        return k, e
    return start, end


def _common_words_after_dot(part: str) -> bool:
    """Whether what follows a middle dot holds a common word (某某·创新空间, 某某·荟创): a
    brand, not the transliterated name of a person."""
    import jieba

    return any(len(w) >= 2 and _common_word(w) for w in jieba.lcut(part, HMM=False))


def find_people(text: str, taken: list[Mention],
                confirm: Callable[[int, int], bool] | None = None, place_ends: set[int] = frozenset()) -> list[Mention]:
    """Personal names in ``text``, not overlapping the names already ``taken``.

    A name found only by what follows it (a title after it, a verb of speech) is kept
    when ``confirm(start, end)`` agrees (the learned recogniser sees a person there):
    those cues also follow common words (取得的成绩以…, 部门相关负责人)."""
    spans: set[tuple[int, int]] = set()
    org_ends = {t.end for t in taken if t.category in ORG_CATEGORIES}
    titled = set(_before_title(text, org_ends | place_ends))  # (after a place: confirmed, below)
    weak = titled | set(_before_speech(text))
    if confirm is not None:
        # Right after a named organisation and before a title (某某公司沙某总经理), or
        # between 在 and a title and 的 (在某某主任的陪同下), a name needs no confirming.
        weak = {(s, e) for s, e in weak if ((s, e) in titled and (s in org_ends or _hosting(text, s, e)
                                                                   or _listed_after_title(text, s) or any(
                    text.endswith(w, 0, s) for w in _VERBS_BEFORE_NAME if len(w) == 2)))  # 贯彻某某总书记…
                or confirm(s, e)}
    for m in TITLE_PATTERN.finditer(text):
        aside = _ASIDE.match(text, m.end())  # 副书记(主持工作)某某
        start = aside.end() if aside else m.end()
        if text[start:start + 1] in (" ", "\u3000") and text[start + 1:start + 2] not in (" ", "\u3000"):
            start += 1  # 某局党组成员 某某: one space between the post and the name
        end = read_name(text, start)
        while end:  # 副主任张某、李某某等: every name of the list after the title
            spans.add((start, end))
            if text[end:end + 1] != "、":
                break
            start, end = end + 1, read_name(text, end + 1)
            if end and _listed_no_name(text, start, end):
                break
    spans.update(weak)
    spans.update(_before_apposition(text))
    for m in _CONTACT.finditer(text):  # 联系人：高新处 张某 0571-…
        if _surname_ok(m.group(1)):
            spans.add(m.span(1))
    for m in _CONTACT_LINE.finditer(text):
        for name in re.finditer(r"[^、]+", m.group(1)):
            if _surname_ok(name.group(0)):
                spans.add((m.start(1) + name.start(), m.start(1) + name.end()))
    spans.update(_dot_names(text))
    out = []
    for start, end in sorted(spans):
        if any(t.start < end and start < t.end for t in taken):
            continue
        if any(s < end and start < e and (s, e) != (start, end) and e - s > end - start
               for s, e in spans):
            continue
        out.append(Mention(text[start:end], start, end, "Person", "Person"))
    return out


# What a list of names may follow: 市领导甲、乙, 陪同的有甲、乙.
_LIST_OPENERS = ("领导", "有", "嘉宾", *_VERBS_BEFORE_NAME)


def listed_before(text: str, persons: list[Mention], taken: list[Mention]) -> list[Mention]:
    """甲、乙: a name listed right before a person's, at the start of the list (after a
    punctuation mark, a title, 领导 or a verb that a list of names follows), whatever
    the recogniser saw there (文静 in 马文静 is also a word)."""
    out: list[Mention] = []
    for person in sorted(persons, key=lambda m: m.start):
        end = person.start - 1
        while text[end:end + 1] == "、":
            start = next((end - n for n in (3, 2) if end - n >= 0 and read_name(text, end - n) == end
                          and _list_opens(text, end - n) and (n == 3 or _unknown_or_name(text[end - 2:end]))),
                         None)
            if start is None or any(t.start < end and start < t.end for t in taken + out):
                break
            out.append(Mention(text[start:end], start, end, "Person", "Person"))
            end = start - 1
    return out


def _unknown_or_name(word: str) -> bool:
    return word_count(word) == 0 or tag(word) == "nr" and not _common_word(word)


def _list_opens(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in PUNCT or text.endswith(_LIST_OPENERS, 0, start) \
        or _TITLE_END.search(text, max(0, start - 8), start) is not None


def more_mentions(text: str, names: set[str], taken: list[Mention]) -> list[Mention]:
    """Every other occurrence of a name already known to be a person's."""
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name) if name else -1
        while start != -1:  # each occurrence, left to right, not overlapping
            end = start + len(name)
            if not any(t.start < end and start < t.end for t in taken) and not any(
                    t.start < end and start < t.end for t in out):
                out.append(Mention(name, start, end, "Person", "Person"))
            start = text.find(name, end)
    return out
