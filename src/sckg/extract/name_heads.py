"""Where a name starts after the words of its sentence: an event's after the last verb
before its event word (…要认真学习领会中央某某工作会议), an agency's after the last verb,
preposition, time word or pronoun (记者从市科技局获悉). Both read jieba's cut, which
keeps its dictionary words whole (开发区, 创新创业). :func:`qualifies_meeting` says which noun
may stand between what a meeting is about and its event word (体系建设工作推进会).
:func:`strip_lead` and :func:`trim_title_prefix` take off what no name starts with;
:func:`after_apposed_company` what describes a company before its name."""

from __future__ import annotations

import re

from sckg.extract.event_names import EDITION, joined_rite
from sckg.extract.lexicon import (CARRIER_SUFFIXES, DOMAIN_WORDS, EVENT_SUFFIXES, GENERIC_WORDS, ORG_SUFFIXES,
                                  PROVINCE_SHORT_NAMES, SURNAMES, TITLE_PATTERN, TITLES)
from sckg.extract.words import (DOMAIN_VERBS, NOUN_TAGS, common_word, head_words, noun_starts, rare_word, tag,
                                tagger, word_count)

# Verbs that are part of what an event is about (创新创业大赛, 认定管理培训会).
_TOPIC_VERBS = frozenset(GENERIC_WORDS) | frozenset(DOMAIN_WORDS) | {"管理", "设计", "选拔", "交流", "对接", "制造"}
# Verbs that name a ceremony with the event word right after them (成立大会, 揭牌仪式).
CEREMONY_VERBS = frozenset({"成立", "揭牌", "授牌", "开园", "开业", "启动", "签约", "颁奖", "开幕", "启用", "推进",
                             "揭幕", "表彰", "总结"})
# What an agency's name starts with after the words of its sentence: a place, a level
# (市科技局), the party or the state.
_AGENCY_HEAD = re.compile(r"[省市县区州]|中共|中国|中华人民共和国|国家|国务院")
_CLAUSE_WORD_FLAGS = ("v", "p", "t", "r", "d", "c", "z", "i")  # (z, i: 认真落实, 贯彻落实)
_CLAUSE_WORDS = frozenset({"代表"})
JOINT_BODIES = re.compile(r"(?:[\u4e00-\u9fff]{0,8}?(?:省|市|区|县|州|党)委(?:省|市|区|县|州)?|党中央|中共中央)"
                          r"(?:和|及|、)?(?:政府|国务院)")


# Bodies whose names join two fields with 与 (成果转化与区域创新处), and the last
# characters of a name that is whole before 与 (科技局与…: two bodies).
FIELD_BODY_ENDS = ("处", "司", "联盟", "中心", "办公室", "研究院", "研究所", "实验室", "委员会", "学院", "促进会", "协会", "学会",
                   "研究会")
_WHOLE_NAME_ENDS = tuple("局厅委办院校所司处部会盟心园区府室站队组团社")


def joins_fields(text: str, i: int) -> bool:
    """Whether the 与 before ``i`` joins two fields inside a body's name: a noun (or verb)
    of two characters that ends no body's name comes before it, and a noun follows it.
    The caller checks that the name ends as such a body's does (``FIELD_BODY_ENDS``)."""
    if i < 3 or text[i - 2] in _WHOLE_NAME_ENDS or text.startswith(FIELD_BODY_ENDS, i):
        return False  # (方面与中心副主任: the body is 中心 itself, named before)
    return tag(text[i - 3:i - 1]) in (*NOUN_TAGS, "v", "j") and (noun_starts(text, i) or tag(text[i:i + 2]) in ("v", "vn"))


def joins_before_level(text: str, k: int) -> bool:
    """Whether the 和 or 及 at ``k`` joins two bodies before a level (某委员会和县科技局),
    though 和县 is a county's name (安徽省和县: after a province or city it is one)."""
    return text[k:k + 1] in ("和", "及") and text[k + 1:k + 2] in ("省", "市", "县", "区", "州") \
        and text[k - 1:k] not in "省市"


_LEVEL_LED = re.compile(r"[省市县区州盟旗](?![级委长]|[中南北]区)")  # (市中区, 市南区: districts)


# The bodies whose name, led by a bare level (市生产力促进中心), is that division's of the article.
LEVEL_OWNED = ("GovernmentAgency", "PublicInstitution", "Association", "InnovationCarrier", "Company")


def led_by_level(name: str) -> bool:
    """Whether a body's name starts with a bare level (县工业园区管委会: the county's own),
    not with a word that starts so (市场监管局, 区块链)."""
    return bool(_LEVEL_LED.match(name)) and not common_word(name[:2])


def agency_start(text: str, start: int, suffix_start: int, places: list[str]) -> int:
    """Where an agency's name starts after the last verb, preposition, time word or
    pronoun of its sentence before it (记者从市科技局获悉, 他代表某省科学技术厅,
    5月28日下午市政府): when what follows that word starts as an agency's name does.
    Names are cut by jieba, which keeps its dictionary words whole (开发区)."""
    start = max(start, text.rfind("+", start, suffix_start) + 1, text.rfind("＋", start, suffix_start) + 1)  # (a+b+办公室)
    pos, cut = start, None
    for w in tagger().cut(text[start:suffix_start]):
        if w.word == "与" and text.startswith(FIELD_BODY_ENDS, suffix_start) and suffix_start - pos >= 3 \
                and joins_fields(text, pos + 1):
            pass  # 技术创新与产业化联盟: 与 joins two fields of the name
        elif (w.flag.startswith(_CLAUSE_WORD_FLAGS) and not w.flag.startswith(("vn", "ns")) and w.word not in places
                or w.word in _CLAUSE_WORDS):
            cut = pos + len(w.word)
        pos += len(w.word)
    if cut is None:
        return start
    if cut == suffix_start or _AGENCY_HEAD.match(text, cut) or any(text.startswith(p, cut) for p in places):
        return cut
    return start


def after_last_verb(text: str, start: int, end: int, name_end: int = 0, places: list[str] = ()) -> int:
    """Where an event's name starts after the last verb before its event word: a name
    holds no verb of the sentence (…要认真学习领会中央经济工作会议, 团队进入国家大赛), but
    the verbs of its topic (创新创业大赛), a ceremony's verb right before the event word
    (某联盟成立大会) and those inside quotation marks stay. Two characters at least are
    left before the event word ``end``, or six before the name's end ``name_end``. A place of
    the text's ``places`` is no verb (开封, 保定: jieba tags them so)."""
    pos, cut, quoted, edition = start, start, False, start
    for w in tagger().cut(text[start:end]):
        word = w.word
        if word in "“”\"":
            quoted = not quoted if word == '"' else word == "“"
        elif (not quoted and w.flag == "v" and word not in _TOPIC_VERBS and word not in places
              and ((len(word) >= 2 and tag(word) == "v") or word in _EVENT_ONE_VERBS)
              and not (word in CEREMONY_VERBS and (pos + len(word) == end or text[pos + len(word)] == "暨" or joined_rite(text, pos, pos + len(word))))):
            cut = pos + len(word)
        elif not quoted and w.flag in ("v", "vn", "p") and len(word) >= 2 and EDITION.match(text, pos + len(word)):
            cut = edition = pos + len(word)  # 某公司启动首届某大赛, 组委会按照第九届某大赛: the edition starts the name
        pos += len(word)
    return cut if end - cut >= 2 or cut == start or name_end - cut >= 6 else edition


def of_places(words: str, places: list[str]) -> bool:
    """Whether ``words`` is place names written one after another (河南开封: a city's round)."""
    while words:
        place = next((p for p in places if len(p) >= 2 and words.startswith(p)), None)
        if place is None:
            return False
        words = words[len(place):]
    return True


def year_start(text: str, start: int) -> int:
    """Where an event's name starts when the left edge stopped inside or right after its
    year (2019 年全国…活动周, a long name cut at 21年): at the year."""
    year = _CUT_YEAR.search(text, max(0, start - 6), start + 6)
    return year.start(1) if year and year.start(1) < start <= year.end() else start


_CUT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d) ?年")
_CLAUSE_VERBS = frozenset("有是为使让以来到去")  # one-character verbs that stand as words of a clause
# Verbs of one character that end a sentence's words before an event (团队获省创新创业大赛,
# 某某分别做大会致辞, 要认真学习…会议).
_EVENT_ONE_VERBS = frozenset("要获做")


def after_clause_verb(text: str, start: int, end: int) -> int:
    """Where a carrier's name starts after the last verb of the sentence before its type
    word (某省高度重视科技企业孵化器, 东莞有某某孵化器): a verb of one character standing
    as a word of the sentence (有, 是, 使) or an idiom; the name holds none, but for a word
    before a bracket (联合(某镇)创客邦)."""
    pos, cut = start, start
    for w in tagger().cut(text[start:end]):
        word = w.word
        verb = (w.flag == "v" and word in _CLAUSE_VERBS) or (
            w.flag in ("l", "i") and len(word) >= 4 and tag(word[-2:]) == "v")  # 高度重视, not 生命科学
        if verb and text[pos + len(word):pos + len(word) + 1] not in ("(", "（"):  # 联合(某镇)创客邦: a name's
            cut = pos + len(word)
        pos += len(word)
    return cut


def qualifies_meeting(word: str) -> bool:
    """Whether ``word`` is one noun of jieba's dictionary (工作, 现场, 经验) that can stand
    between what a meeting is about and its event word."""
    return 2 <= len(word) <= 3 and tag(word) in ("n", "vn")


# What a name never starts with: a list mark, a bracketed byline, a date, a verb, a word
# before its province, a title run (…主任王某某的公司).
_LIST_MARK = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]\s*|\d+(?:\.\d+)+\s*"  # (…4110981.1: a contents page's)
                        r"|\d{1,3}(?:号楼|楼|层)")  # (a floor: 3层某某众创空间)
_LEAD_PAREN = re.compile(r"[(（][^()（）]{1,24}[)）]")
_LEADING_DATE = re.compile(r"(自|从|于)?(\d{4}年度?)(\d{1,2}月)?(\d{1,2}日)?(以来)?")
_VERB_FLAGS = ("v", "d", "r", "p", "c", "u", "t", "f", "q", "y", "e", "o")
_NOT_VERB_FLAGS = ("vn", "nr", "ns", "nt", "nz")
# Directions jieba tags as locality words that start names (南方医科大学, 西北民族大学).
_DIRECTIONS = frozenset("东方 南方 西方 北方 东南 西南 东北 西北 华东 华南 华北 华中 西部 东部 中部".split())
_BROAD_PLACE = re.compile(rf"中国|全国|(?:{PROVINCE_SHORT_NAMES})(?:省|市|自治区)?")  # 云南湖南商会 is one name
_COUNTED_NOUN = re.compile(r"(?<=[家个所])(?:单位|企业|机构|载体)")
_LEAD_BEFORE_PROVINCE = re.compile(rf"([\u4e00-\u9fff]{{2,4}}?)(?={PROVINCE_SHORT_NAMES})")
_LATER_PROVINCE = re.compile(rf"(?:{PROVINCE_SHORT_NAMES})(?:省|市|自治区)?")


def strip_lead(text: str, start: int, end: int, keep_date: bool, places: list[str] = ()) -> int:
    """Move ``start`` past a leading date and leading verbs, adverbs and pronouns."""
    if _lead_char(text, start, end):
        start += 1
    elif start > 0 and end - start >= 4 and text[start] == "建" and tag(text[start - 1:start + 1]) == "v":
        start += 1  # 共建某大学科技园: the scan stopped inside a verb (共 ends names, 建 does not)
    mark = _LIST_MARK.match(text, start, end) or _LEAD_PAREN.match(text, start, end)
    if mark and end - mark.end() >= 2:
        start = mark.end()  # a list mark (1.) or a bracketed byline before the name
    m = _LEADING_DATE.match(text, start, end)
    if m and m.end() > start and not (keep_date and m.group(2) and not m.group(1)):
        start = m.end()
    counted = _COUNTED_NOUN.match(text, start, end)
    if counted and end - counted.end() >= 4:
        start = counted.end()  # 8家单位某某有限公司: the noun a count counts is no part of a name
    lead = _LEAD_BEFORE_PROVINCE.match(text, start, end)
    if lead and not _BROAD_PLACE.fullmatch(lead.group(1)) and (lead.group(1) in places or common_word(lead.group(1))):
        start = lead.end(1)  # 单位湖北某某有限公司, 某市湖北某某有限公司: the name starts at its province
    while start < end:
        if any(text.startswith(p, start) for p in places):
            break  # a place name (包头) is no verb, whatever the tagger says
        words = head_words(text[start:end])
        if len(words) < 2:
            break
        word, flag = words[0]
        if len(word) >= 2 and flag.startswith(_VERB_FLAGS) and not flag.startswith(_NOT_VERB_FLAGS) \
                and word not in _DIRECTIONS and not rare_word(word) and not (
                    word in DOMAIN_VERBS and words[1][0] in DOMAIN_VERBS):
            # (联信科技有限公司: a rare verb is a brand's word; 创新创业…孵化中心: the field's verbs are the name's)
            start += len(word)
            continue
        person = _person_and_verb(text, start, end)
        if person:
            start += person  # 某某感谢某厅, 某某代表某大学: a person and a verb
            continue
        break
    if _lead_char(text, start, end):
        start += 1  # 期待以某某为平台: the verbs passed, a preposition
    if 0 < start and end - start >= 5 and not common_word(text[start:start + 2]) and (
            common_word(text[start - 1:start + 1]) or any(text.startswith(p, start + 1) for p in places)) \
            and not any(text.startswith(p, start) for p in places):  # (黑龙江省: a place of its own)
        start += 1  # 当前东湖高新区, 14号楼安康市某孵化器: the scan stopped inside a word
    return start


def _lead_char(text: str, start: int, end: int) -> bool:
    """Whether the name starts after a one-character preposition or verb (为, 从, 有 …)."""
    if text[start] == "获" and end - start >= 5 and tag(text[start:start + 2]) != "ns":
        return True  # 获某中心授牌 (not 获嘉县)
    return text[start] in "为以将从对向把被让给有就" and end - start >= 5 and not text.startswith(
        ("有关", "就近", "对外", "有机"), start) and not text[start + 1].isdigit() and text[start + 1] not in "近约超余多几"


def _person_and_verb(text: str, start: int, end: int) -> int:
    """The length of a personal name and the verb after it at ``start`` (0 if none)."""
    if text[start] not in SURNAMES:
        return 0
    for k in (3, 2):
        name = text[start:start + k]
        if common_word(name) or tag(name) not in ("nr", ""):
            continue
        words = head_words(text[start + k:end])
        if not words or end - start <= k + len(words[0][0]) + 2:
            continue
        verb, flag = words[0]
        if verb in _PERSON_VERBS or (tag(name) == "nr" and len(verb) >= 2 and flag == "v"):
            return k + len(verb)
    return 0


# Verbs a person's name comes before in a sentence about bodies (某某感谢某厅, 某某代表某校).
_PERSON_VERBS = {"感谢", "代表", "带领", "率领", "陪同", "考察", "调研", "视察", "走访", "参观", "看望", "会见", "主持"}


def trim_title_prefix(text: str, start: int, end: int, places: list[str] = ()) -> int:
    """A name never starts inside a title run (…主任王某某的公司): cut after the last title.

    Only a title that a surname follows and that does not begin inside a place name
    counts: 创业导师培训班 and 漳州长风 (州长) hold no post.
    """
    head = text[start:end]
    if not TITLE_PATTERN.search(head):
        return start  # no title anywhere in it
    for t in TITLES:
        k = head.rfind(t)
        if k > 0 and k + len(t) < len(head) - 1 and len(t) >= 2 and _post_at(head, k, t, places):
            aside = _LEAD_PAREN.match(head, k + len(t))
            return start + (aside.end() if aside else k + len(t))
    return start


def _post_at(head: str, k: int, title: str, places: list[str]) -> bool:
    """Whether ``title`` at ``k`` in ``head`` can be a post before a person's name."""
    after = head[k + len(title):]
    if _LEAD_PAREN.match(after):
        return True  # 副部长(兼)某局: a post, then the other body its holder heads
    if after[:1] not in SURNAMES and after[:2] not in SURNAMES:
        return False
    for place in places:
        j = head.find(place)
        while j != -1:
            if j < k < j + len(place):
                return False
            j = head.find(place, j + 1)
    return True


# A company's branches hold their parent's name (某公司某分公司); any other company word
# inside a name ends a description set before it (园区运营公司某某管理有限公司).
_BRANCH = re.compile(r"[分子]公司|分行|支行|办事处")


def after_apposed_company(text: str, start: int, suffix_start: int) -> int:
    """Where a company's name starts when a company word (公司, 集团) inside it ends what
    describes it (运营公司, 母公司) rather than a parent whose branch it is."""
    inner = max(text.rfind("公司", start, suffix_start), text.rfind("集团", start, suffix_start))
    if inner < 0 or _BRANCH.match(text, suffix_start - 1) or _BRANCH.match(text, suffix_start):
        return start
    head = text[start:inner + 2]
    return inner + 2 if is_generic_company(head) else start


def is_generic_company(name: str) -> bool:
    """运营公司, 平台公司, 园区运营公司, 孵化器公司: a kind of company, not one; 我公司, 本公司: a
    company speaking of itself, not a name."""
    kind = re.fullmatch(r"([\u4e00-\u9fff]{0,4}?)(?:运营|平台|管理|投资|国有|母|合资|独资|运营管理|孵化器|孵化|众创空间)"
                        r"(?:公司|集团)", name)
    return bool(kind and _generic_words(kind.group(1)) or _KIND_OF_COMPANY.fullmatch(name)
                or re.search(r"(?:^|[来到在为与和及由对向])(?:我|本|贵|该|其|此)(?:公司|集团)$", name))


def _generic_words(text: str) -> bool:
    """Whether ``text`` is made of common words (园区, 省属国有), not of a brand (青禾投资集团)."""
    return all(word_count(w) >= 20 and flag not in ("nr", "nrt", "nz", "j", "eng") for w, flag in head_words(text))


# A company named by its kind alone: 上市公司, 国内外上市公司, 初创公司, 创投公司, 14间独立工作室.
_KIND_OF_COMPANY = re.compile(r"(?:[\d一二三四五六七八九十两几]+[间个家])?(?:国内外|海内外|境内外|国内|国外|国际|各类?|大型?|小型?|中小|知名|新)?"
                              r"(?:上市|初创|新创|创投|风投|建筑|资产|物业|外资|民营|科技型|互联网|中介|咨询|担保|独立|创客|个人)"
                              r"(?:公司|集团|工作室)")


# Words of a sentence that never start a company's name: pronouns, adverbs, prepositions,
# verbs of the sentence, and nouns of a kind (企业, 主体).
_NOT_NAME_FLAGS = ("r", "d", "p", "c", "u", "b", "v", "vn", "f", "t")
KIND_NOUNS = frozenset({"企业", "主体", "主体企业", "公司", "单位", "厂家", "实地", "比赛", "活动", "专家", "代表", "联络员", "负责人"})
_NAME_START_FLAGS = ("ns", "nr", "nz", "nrt", "nt", "eng", "n", "j")


def company_start(text: str, start: int, suffix_start: int, places: list[str] = ()) -> int | None:
    """Where a company's name starts when the left edge took in words of the sentence
    before it (该厂主要销售某某技术股份有限公司, 我州实地核查评定某某科技发展有限公司, 企业某某科技公司):
    after the last of them that a noun or a place follows, leaving two characters or more; a
    name starting with one of ``places`` (开封, though a verb too) is left as it is.
    None when the words before the company word are all of the sentence and one is a pronoun
    (比赛我们公司): no name."""
    later = _LATER_PROVINCE.search(text, start + 2, suffix_start - 2)
    if later and text[later.start() - 1] in "区市县州有":
        start = later.start()  # 某市高新区湖南某某科技有限公司: a firm's name opens with its province, never after a city
    if any(text.startswith(p, start) for p in places):
        return start
    chained = re.split(r"[+＋]", text[start:suffix_start])
    if len(chained) > 1 and all(word_count(w.word) > 300 for w in tagger().cut(chained[-1])):
        return None  # 产业+平台+专业运营公司: a model's parts, no company
    words = list(tagger().cut(text[start:suffix_start]))
    if words and all(w.flag in _NOT_NAME_FLAGS or w.word in KIND_NOUNS for w in words) \
            and any(w.flag == "r" for w in words):
        return None
    pos, cut, told = start, start, False
    for k, w in enumerate(words[:-1]):
        pos += len(w.word)
        if not (w.flag in _NOT_NAME_FLAGS or w.word in KIND_NOUNS
                or len(w.word) == 1 and (k == 0 or k == 1 and words[0].word in "我本该其")
                or words[k + 1].word in KIND_NOUNS and w.flag not in ("nz", "nr", "nrt", "ns", "nt", "eng", "j")):
            break  # (a character alone first, or after 我: the rest of a word the left edge cut through, 我州;
            # a word before a kind: 联络专家)
        # (one verb alone may be the brand's own word: 联信科技有限公司)
        told = told or w.word in KIND_NOUNS or w.flag == "r" or k >= 1 and len(w.word) >= 2 and w.flag in ("v", "vn")
        nxt = words[k + 1]
        if told and nxt.flag in _NAME_START_FLAGS and len(nxt.word) >= 2 and nxt.word not in KIND_NOUNS \
                and suffix_start - pos >= 2:
            cut = pos
    return cut


def carrier_start(text: str, start: int, suffix_start: int, places: list[str]) -> int:
    """Where a carrier's name starts when the left edge took in a verb of the sentence before
    the place it is named after (争取年底启动某地区国家大学科技园): at that place."""
    stem = text[start:suffix_start]
    for j in sorted({start + m.start() for p in places if len(p) >= 2 for m in re.finditer(re.escape(p), stem) if m.start()}):
        if any(p in text[start:j] for p in places) or text[j - 1] in "省市县区州旗盟":
            continue  # (硚口区某某…: a place the tagger takes for a verb, before another place's name)
        words = list(tagger().cut(text[start:j]))
        if all(w.flag in _NOT_NAME_FLAGS for w in words) and any(len(w.word) >= 2 and w.flag in ("v", "vn") for w in words):
            return j
    return start


_SITE_CREDIT = re.compile(r"(?:技术支持|主办|承办|协办|版权所有|运营|维护|制作)(?:单位)?\s*[:：/]?\s*$")


def site_credit(text: str, start: int) -> bool:
    """Whether a name at ``start`` is credited as a site's maker (技术支持:某新闻网, 主办:某报社):
    the page's operator, not a source of the article."""
    return bool(_SITE_CREDIT.search(text, max(0, start - 8), start))


_LEVEL_ASIDE = r"[省市县区州][(（][^()（）]{1,6}[)）]"  # 市(州), 区(开发区)
_KIND_OF_BODY = re.compile(rf"设区市|计划单列市|驻市|(?:省直管)?试点县|省直管县|{_LEVEL_ASIDE}")
_KIND_BEFORE = re.compile(rf"{_LEVEL_ASIDE}$")


def names_every_body(text: str, start: int) -> bool:
    """Whether the agency named from ``start`` is a kind of body every city has (各市(州)科技局,
    设区市科技局, 计划单列市科技厅, 驻市科技局), not one body."""
    return bool(_KIND_OF_BODY.match(text, start)) or text[start - 1:start] == "各" or bool(
        _KIND_BEFORE.search(text, max(0, start - 10), start))


def suffix_table() -> list[tuple[str, str, str]]:
    """``(ending, category, class)`` of every name ending (carriers, events, bodies), longest first."""
    table = [(s, "InnovationCarrier", c) for s, c in CARRIER_SUFFIXES]
    table += [(s, "Event", c) for s, c in EVENT_SUFFIXES]
    table += [(s, c, c) for s, c in ORG_SUFFIXES]
    return sorted(table, key=lambda x: -len(x[0]))
