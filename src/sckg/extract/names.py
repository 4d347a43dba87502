"""Named organisations, carriers, events and programmes: found by what their names
end with (有限公司, 众创空间, 大赛 …) or how they are set off (《…》, “…”), with the
start of the name found by scanning left to a word that cannot be part of it."""

from __future__ import annotations

import re

from sckg.extract.brand_edges import brand_start
from sckg.extract.lexicon import (CARRIER_SUFFIXES, CARRIER_TYPE_WORDS, CENTRAL_DEPARTMENTS, DOMAIN_WORDS, EVENT_SUFFIXES,
                                  GENERIC_WORDS, LEFT_STOP_WORDS, LEFT_STOPS, NEWS_OUTLETS, NOT_A_BUREAU)
from sckg.extract.event_names import (CLOSING, EDITION, EVENT_ANCHOR, EVENT_PAREN, EVENT_REGION, OPENING, event_start,
                                     joined_rite, names_one_event, quoted_from)
from sckg.extract.joint_bodies import joint_bodies
from sckg.extract.name_heads import (
    CEREMONY_VERBS, FIELD_BODY_ENDS, JOINT_BODIES, LEVEL_OWNED, after_apposed_company, after_clause_verb, after_last_verb,
    agency_start, carrier_start, company_start, is_generic_company, joins_before_level, joins_fields, led_by_level,
    names_every_body, of_places, qualifies_meeting, site_credit, strip_lead, suffix_table, trim_title_prefix, year_start)
from sckg.extract.titled import BOOK
from sckg.extract.words import NOUN_TAGS, EndMatcher, after_verbs, brand_verb, common_word, has_known_verb, noun_ends, noun_starts, tag
from sckg.model import Mention

_MAX_NAME = 28


SUFFIXES = suffix_table()
# Short forms start no longer word: 侨联 联合会, 商务委 委员会, 建设局 局面, 教育部 部门, 银行 银行卡, 大学 大学习.
NOT_AFTER = {"演": "(?!平台|中心|大厅|厅|室)", "网": "(?![络点站格红民友页])", "联": "(?!合)", "委": "(?!员)", "局": "(?![面部限势])", "部": "(?![门署])", "行": "(?![卡业]|研究)", "学": "(?!习)", "会": "(?![了过得])"}
_SUFFIX_RE = re.compile("|".join(re.escape(s) + NOT_AFTER.get(s[-1], "") for s, _, _ in SUFFIXES))
_SUFFIX_INFO = {s: (cat, cls) for s, cat, cls in SUFFIXES}
# Counts (3家, 150名), years (2017年度), list marks (1., 2、), floors (9楼) are no part of a name either.
_COUNTS = r"|[\d一二三四五六七八九十两]+(?:余|多)?[家个所批名]|(?:\d{4}[-—~至])?\d{4}年度?|\d{1,2}\s*[.、．]|\d{1,3}(?:号楼|楼|层)"
_GENERIC_RE = re.compile("(?:" + "|".join(map(re.escape, GENERIC_WORDS)) + _COUNTS + ")*")
_DOMAIN_RE = re.compile("(?:" + "|".join(map(re.escape, GENERIC_WORDS + DOMAIN_WORDS)) + _COUNTS + ")*")
_REGION_PREFIX = re.compile(r"^(省|自治区|市|州|县)(?!级)")
# Fixed phrases a name holds whole, though they hold a stop (和, 与, 、, 进): 工业和信息化委员会, 投资促进局.
_PHRASES = ("大众创业、万众创新", "工业和信息化", "经济和信息化", "人力资源和社会保障", "住房和城乡建设",
            "发展和改革", "文化和旅游", "自然资源和规划", "教育和体育", "农业和农村", "卫生和计划生育", "科学技术和工业信息化",
            "工业和科技", "商务和投资促进", "交通运输和物流", "科技和工业信息化", "工信和科技", "新闻出版和广电", "就业",
            "新疆生产建设兵团", "建设银行", "促进", "共青团", "对外经贸", "对外经济贸易",
            "建设发展", "建设投资", "建设集团", "建设工程", "建设开发")  # (某市城市建设投资公司: a builder's name)
_PHRASE_ENDS = {p[-1] for p in _PHRASES}
# Name types whose bare place + type word is still a proper name (兰州大学, 昆明高新区).
_PLACE_NAMED = {"HighTechZone", "EconomicDevelopmentZone", "University", "TechnologyMarket",
                "GovernmentAgency", "MediaOutlet", "ResearchInstitute", "PublicInstitution",
                "UniversitySciencePark"}
# What ends the part of a name before its type word when the whole is a kind: a level
# (天津市市级高新区), a scope (省内, 区外) or an ordinal count (第三家).
_KIND_TAIL = re.compile(r"(级|[省市区县州]?[内外]|第?[\d一二三四五六七八九十两几]+[家个所批处]|[\d一二三四五六七八九十两几]+[省市]|政府"
                        r"|[\d一二三四五六七八九十两几]+大批?|类|性|最[大早小新强好美多佳]|(?:多|数|若干)[家个所处])$")  # (五大科技园, 专业类孵化器, 示范性基地)
_COUNTERS = "家个所批名户处间届"  # a count in these before a type word ends a name on its left (…公司2家孵化器)
_COUNT_BEFORE = re.compile(rf"(第|这|那|每|[\d一二三四五六七八九十两几]+)[{_COUNTERS}]$|\d+号$"  # (…200号: an address)
                           r"|\d+(?:余|多)?(?:平方米|平米|万元|亿元|元|亩)$|月\d{1,2}日$")  # 80余平方米…, 8月3日…
_QUOTED_SENTENCE, _QUOTED_WORD = re.compile(r"[。！？!?；;，,]"), re.compile(r"牵线|搭桥|引路|领跑|加速|助推|孵化")  # “某某是热点城市。”某局: a quotation, no part of a name
_BYLINE_ASIDE = re.compile(r"(?:讯|消息|电)\s*[(（][^()（）]*[)）]$|[(（][^()（）]*(?:记者|通讯员)[^()（）]*[)）]$"
                           r"|[(（](?:从|自)?[左右前后中](?:起|至|到|一|二|三|四|五|排|[\d])[^()（）]{0,5}[)）]$"
                           r"|\.(?:com|cn|net|org)\s*[)）]$")  # (某某网 m.example.com): a page's credit
_ASSOCIATION_IN = re.compile("协会|学会|研究会|商会|联合会|联盟|促进会")
_DATE_DIGIT, _SIGNING = re.compile(r"[\d〇一二三四五六七八九十]"), ("签约", "签字", "签署")
_YEAR_AT = re.compile(r"\d{4}年")  # “某某”2021年某高新区: the slogan before a year is no part of the name
_PROGRAMME_BEFORE = re.compile(r"(工程|计划|行动|战略|项目)$")
_EVENT_NOTICE = re.compile(r"《关于(?:举办|开展|组织|召开|参加)")  # 《关于举办某大赛的通知》 names the contest
# Names that are a whole suffix on their own (国务院, 科技部).
_STANDALONE_NAMES = set(NEWS_OUTLETS) | {"国务院", "科技部", "科学技术部", "教育部", "财政部", "商务部", "工业和信息化部",
                     "国家火炬中心", "科技部火炬中心", "行政院", "立法院", "经济部"} | CENTRAL_DEPARTMENTS
_CARRIER_CLASSES, _EVENT_CLASSES = {c for _, c in CARRIER_SUFFIXES}, {c for _, c in EVENT_SUFFIXES}
_CARRIER_TAIL = re.compile(r"(建设)?(项目|工程|计划|行动)")  # after a carrier word: a project, no carrier
_EVENT_ENDS = tuple(s for s, _ in EVENT_SUFFIXES)
_TYPE_WORDS = {w for w, _ in CARRIER_TYPE_WORDS} | {"科技企业孵化器", "企业孵化器", "创客空间", "创业苗圃", "苗圃"}
_TYPE_JOINED = re.compile("|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + r"|[-－—+＋、/“”]")
_TYPE_CHAIN = re.compile("(" + "|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + ")[+＋]")
_GRADUATE = re.compile(r"生|毕业(生)?|城|园?路(?!演|径|线)|街")  # (大学园路: a road)
_SUB_SITE = re.compile(r"(?:(?:(?!调研|考察|参观|视察|走访|入驻|进驻|[和与及等的在为到])[\u4e00-\u9fff]){2,5}?(?:分园|园区|基地)"
                       r"|总基地|分基地)(?![\u4e00-\u9fff]{0,3}(?:建设|项目|工程))")
_DIVISION_WORDS = ("省", "市", "县", "区", "州", "旗", "盟")  # what a division's full name ends with
_GENERIC_AGENCY = re.compile(r"各?(有关|相关|上级|地方|设区市|市|县|区|地|州|盟市|盟|旗|地区)?")
_BANK_KIND = re.compile(r"各?(商业|合作|村镇|政策性|民营|外资|国有|股份制|地方|合作金融机构和)")
_COUNTED = re.compile(r"[\d一二三四五六七八九十两几]+[个间家所]")  # 一间办公室: a room, not an office
GOVERNED = re.compile(r"(?:[省市县区州旗盟镇乡村]|(?<![我本外各两])国|中央|特区)$")  # whose 政府 it can be

_LONG_SUFFIX_AT = EndMatcher(sf for sf, _, _ in SUFFIXES if len(sf) >= 3)
_LONG_STOP_AT = EndMatcher(w for w in LEFT_STOP_WORDS if len(w) > 1)
_STOP_AT = EndMatcher(LEFT_STOP_WORDS)
_MANAGING_UNIT = re.compile(r"管理(处|科|办公室|办|中心)|处")
# The last characters of what the left-edge scan stops at or passes whole.
_COUNT_ENDS = set(_COUNTERS + "号米元亩日")
_MAY_STOP = (_COUNT_ENDS | set(LEFT_STOPS) | _PHRASE_ENDS | set(_LONG_SUFFIX_AT.by_last) | set(_LONG_STOP_AT.by_last)
             | set(_STOP_AT.by_last))


def left_edge(text: str, end: int, floor: int, event: bool = False,
              places: list[str] = ()) -> int:
    """Where a name that ends at ``end`` starts: scan left to a stop.

    Parentheses and fixed phrases are skipped whole; a name ending inside the scan
    (高新区 in 高新区管委会) is part of the compound, so its stop words do not count.
    """
    i, depth, longest = end, 0, _MAX_NAME
    place_ends = {p[-1] for p in places if len(p) >= 2}
    while i > floor and end - i < longest:
        c = text[i - 1]
        if event and c == "暨":
            longest += _MAX_NAME  # a joint event (…培训会暨…培训会) holds two names
        if c == "暨" and not event and text.endswith(_EVENT_ENDS, floor, i - 1):
            break  # …大赛暨某中心开园仪式: a carrier's name starts after the event joined to it
        if c == "”" and (q := text.rfind("“", max(floor, i - 24), i - 1)) >= 0 and not _YEAR_AT.match(text, i) \
                and not _QUOTED_WORD.fullmatch(text, q + 1, i - 1) and not _QUOTED_SENTENCE.search(text, q, i - 1):
            i = q  # a quoted part of the name: 第三届“黔创杯”大赛 (but “牵线”孵化器: a word of the sentence)
            if _PROGRAMME_BEFORE.search(text[max(floor, i - 4):i]):
                break  # a programme's own name before it (…工程“某某杯”大赛) is not the event's
            continue
        if c in ")）" and not depth and _BYLINE_ASIDE.search(text, max(floor, i - 24), i):
            break  # 本报讯（记者 某某）某某众创空间, 图为(左起)某某公司: a byline or a caption, no part of the name
        if c in ")）":
            depth += 1
            i -= 1
            continue
        if c in "(（" and depth or c == " " and text[i:i + 1] in ("(", "（") and i - 1 > floor and text[i - 2] != " ":
            depth -= c != " "  # (某物联网科技 (辽宁)有限公司: a space before the region's bracket)
            i -= 1
            continue
        if not depth and i < end and (c == "任" and text[i] in "省市县区州" or c == "原" and (i - 1 <= floor or text[
                i - 2] in LEFT_STOPS) and (text[i] in "省市县区州" or any(text.startswith(p, i) for p in places if len(p) >= 2))
                or c == "来" and i - 2 >= floor and not common_word(text[i - 2:i])):
            break  # 原市科技局局长某某 (a post held before), 任市科技局局长 (太原市: a city), 某某来扬州大学 (未来: a word)
        if depth or (c not in _MAY_STOP and c not in place_ends):
            i -= 1  # inside parentheses, or a character that ends no stop, suffix or place
            continue
        if c in "电讯" and i >= 3 and text[i - 2] == "日" and _DATE_DIGIT.match(text, i - 3):
            break  # 某地5月7日电某某公司: a dateline, though 旭日电商 is a name's
        if i < end and joins_before_level(text, i - 1):
            break  # 某委员会和县科技局: two bodies
        if c in _COUNT_ENDS and _COUNT_BEFORE.search(text[max(floor, i - 4):i]) and not (
                event and c == "届" and not _HELD_EDITIONS.search(text, max(floor, i - 8), i)):  # (第十四届某大赛)
            break  # a count (2家, 第三家, 举办四届) is no part of the name it counts
        phrase = c in _PHRASE_ENDS and next((p for p in _PHRASES if text.startswith(p, i - len(p))), None)
        if phrase:
            i -= len(phrase)
            continue
        suffix = _LONG_SUFFIX_AT(text, i)
        if suffix:
            i -= len(suffix)
            continue
        stop = _LONG_STOP_AT(text, i)
        place = c in place_ends and next(
            (p for p in places if len(p) >= 2 and text.startswith(p, i - len(p))), None)
        if place and not stop and not joins_before_level(text, i - len(place)):
            i -= len(place)  # a place name is passed whole (成都 holds the stop word 都)
            continue
        if event and c in "与和及" and text.endswith((*_EVENT_ENDS, "培训", "活动"), floor, i - 1):
            break  # 某培训和某年会同期举行: two events, the name is the second's
        if event and c in "与和" and text.startswith("仪式", end) and text.endswith(_SIGNING, floor, end):
            i -= 1  # 某科协与某公司战略合作协议签字仪式: the two parties that sign name the ceremony
            continue
        if event and c in "与和及" and noun_ends(text, i - 1) and noun_starts(text, i) \
                and not _SCOPE_START.match(text, i):
            i -= 1  # two nouns joined in the topic of an event: 投资与建设年会, 孵化器和众创空间工作推进会
            continue
        if c == "·" and i < end and any(text.startswith(p, i - 1 - len(p)) for p in places if len(p) >= 2):
            i -= 1  # places joined by a middle dot: 某省·某市创业活动周
            continue
        if c == "与" and (text.endswith(FIELD_BODY_ENDS, 0, end) or text.startswith(FIELD_BODY_ENDS, end)) \
                and end - i >= 2 and joins_fields(text, i):
            i -= 1  # 技术创新与产业化联盟, 政策调研与统计处: two fields in one body's name
            continue
        if c in LEFT_STOPS and text[i - 1:i + 1] != "对外" or (c == "从" and text[i:i + 1] not in ("业", "事")):
            break  # (从 is a preposition, but not in 从业人员, 从事; nor 对 in 对外合作处)
        stop = stop or _STOP_AT(text, i)
        if stop and i < end and (text[i] in "(（" or text[i] == "与" and len(stop) == 2 and tag(stop) == "vn"):
            i -= len(stop)  # a word before a parenthesis (联合(某镇)创客邦) or a field joined (政策调研与统计处)
            continue
        if stop and len(stop) == 1 and i - 2 >= floor and (tag(text[i - 2:i]) in ("n", "nz") or (
                tag(text[i - 2:i]) in ("b", "a", "ns") and common_word(text[i - 2:i]))):
            i -= 2  # the stop word ends a noun (据 in 数据, 共 in 公共): the noun is passed whole
            continue
        if stop and stop in _ADVERB_STOPS and i < end and (stop == "都" and noun_starts(text, i) or tag(
                text[i - 1:i + 1]) in ("n", "ns", "vn")):  # (but 某某就众创空间联盟的发展作了发言: 就 is "about")
            i -= 1  # an adverb never comes before a noun: 都 in 唐都漆器, 都市农业研究所 is part of a name
            continue
        if stop and stop in _INNER_STOPS and end - i == 1 and i - 1 > floor and (
                tag(text[i - 1:end]) == "n" or any(text.startswith(p, i - 1 - len(p)) for p in places)):
            i -= 1  # one character is no name: 经 of 某某经贸有限公司, 均 of 某市均某集团 (after a place)
            continue
        if stop and event and tag(stop) == "vn" and (i == end or qualifies_meeting(text[i:end])):
            # A nominal verb right before the event word (体系建设工作会), or before one noun qualifying it (…现场推进会).
            i -= len(stop)
            continue
        if stop and event and stop in CEREMONY_VERBS and (i == end or text[i] == "暨" or joined_rite(text, i - len(stop), i)):
            i -= len(stop)  # 某联盟成立大会, 某基地揭牌仪式, 某项目签约仪式暨某推介会: the verb is its event word's
            continue
        if stop:
            if stop in ("全省", "全区", "全国", "全市") and event:
                i -= len(stop) + 5 * bool(_YEAR_BEFORE.search(text, max(floor, i - len(stop) - 5), i - len(stop)))
                # 全省…培训会, 2019年全市…会议: the event's own scope word, and its year
            elif len(stop) == 1 and i < end and common_word(text[i - 1:i + 1]) and (
                    event or tag(text[i - 1:i + 1]) in NOUN_TAGS):
                i -= 1  # the stop is the head of a word (经 of 经济, 本 of 本次): no stop
                continue
            break
        i -= 1
    if event and text[i:i + 1] == "年" and _YEAR_BEFORE.search(text, max(floor, i - 4), i + 1):
        return i - 4  # 2021年某某培训班: the year the scan stopped inside is the event's
    return i + (text[i:i + 1] == "与" and i < end)  # (调研与统计处: the stop is before 与)


_YEAR_BEFORE = re.compile(r"(?<!\d)\d{4}年$")
_SCOPE_START = re.compile(r"全国|全省|全市|全区|首届|第[一二三四五六七八九十\d]+届|\d{4}年")  # an event's own name's start
_ADVERB_STOPS = set("都也还已均就又再更曾正仅")
_INNER_STOPS = _ADVERB_STOPS | {"经"}
_HELD_EDITIONS = re.compile(r"(?:举办|举行|连续|已经|累计)[了过]?[\d一二三四五六七八九十]+届$")
_EVENT_LEAD = re.compile(r"第[一二三四五六七八九十\d]+[届期次批]|首届|首期|\d{4}年?")  # an event's, no body's name starts so


def _without_places(stem: str, places: list[str]) -> str:
    """``stem`` with its place names taken out. After a place that leads the stem, a place
    written in its short form, without its division word (灯塔 in 平顶山灯塔孵化器: 灯塔市), is a
    brand word and stays; a place with its division word (成都市锦江区) is still a place."""
    by_length = sorted(places, key=len, reverse=True)
    lead = next((p for p in by_length if stem.startswith(p)), None)
    if lead is None:
        for place in by_length:
            stem = stem.replace(place, "")
        return stem
    rest = stem[len(lead):]
    for place in by_length:
        if place.endswith(_DIVISION_WORDS):
            rest = rest.replace(place, "")
    return rest


def _is_generic(name: str, suffix: str, cls: str, places: list[str], quoted: bool = False) -> bool:
    """Whether ``name`` names a kind (国家级众创空间) rather than one thing; ``quoted``: the
    text quotes it whole, a brand whatever verbs jieba reads in it (“某电孵化器”)."""
    stem = name[: len(name) - len(suffix)]
    if cls == "GovernmentAgency":
        return stem == "" or stem.endswith("级") or bool(_GENERIC_AGENCY.fullmatch(stem) or _COUNTED.fullmatch(stem)) or (
            suffix.startswith(("政府", "人民政府")) and not GOVERNED.search(stem))  # 地方政府, 区域政府: no one body
    if stem in ("省", "市", "县", "区", "州") and cls in ("PublicInstitution", "Association") and len(suffix) >= 4:
        return False  # 省生产力促进中心, 市创业中心: the article's province's or city's (``relative``)
    if cls in _PLACE_NAMED:
        return stem == "" or bool(_GENERIC_RE.fullmatch(stem)) or (
            cls in _CARRIER_CLASSES and bool(_KIND_TAIL.search(stem)))
    if cls == "Company" and (len(stem) <= 1 or (suffix.endswith("行") and _BANK_KIND.fullmatch(stem))
                             or is_generic_company(name) and not any(name.startswith(p) for p in places)):
        return True  # 子公司, 地银行 (of 当地银行), 商业银行, 运营公司: a kind of company or bank
    if cls in _CARRIER_CLASSES and _KIND_TAIL.search(stem):
        return True  # 国家级众创空间, 3家孵化器, 华东六省一市孵化器, 区政府众创空间: a kind
    bare = _without_places(stem, places)
    if cls in _CARRIER_CLASSES and ((len(stem) == 1 and "\u4e00" <= stem <= "\u9fff") or not _TYPE_JOINED.sub("", stem)):
        return True  # 我孵化器, 大孵化器: one character before a carrier word names none; 众创空间-孵化器-产业园
    if cls in _CARRIER_CLASSES and stem in ("中国", "我国", "全球", "世界", "国际", "海外", "国内外"):
        return True  # 中国孵化器行业: the carriers of a country or of the world
    if suffix in _TYPE_WORDS:
        # A place and a type word (新疆科技企业孵化器), a verb of jieba's dictionary before it
        # (运营众创空间, 某公司管理国家级孵化器) or a chain of kinds (孵化器众创空间) names none;
        # a word the tagger only guesses is a verb (创服 of 米库创服) may be a brand's.
        kinds = (bare, _TYPE_JOINED.sub("", bare), None if quoted else after_verbs(bare))
        return any(b is not None and bool(_DOMAIN_RE.fullmatch(b)) for b in kinds) or (
            has_known_verb(bare) and not brand_verb(bare) and not quoted)  # (星河萌芽众创空间: a verb that ends a brand)
    if _GENERIC_RE.fullmatch(stem):
        return True
    if cls in _EVENT_CLASSES and EVENT_ANCHOR.search(stem):
        return False  # 2017年全国农业科技工作会议: a year or scope makes it one event
    has_place = bare != stem or bool(_REGION_PREFIX.match(stem))
    return not has_place and bool(_DOMAIN_RE.fullmatch(stem))


def suffix_names(text: str, places: list[str]) -> list[Mention]:
    """Names in ``text`` found by their endings, kind words left out; ``places`` are the
    place names in ``text`` (a place and a type word is a kind of most carriers: 新疆孵化器建设)."""
    found: list[Mention] = []
    books = [b.span() for b in BOOK.finditer(text)] if "《" in text else []
    for m in _SUFFIX_RE.finditer(text):
        suffix = m.group(0)
        category, cls = _SUFFIX_INFO[suffix]
        end = m.end()
        graduate = _GRADUATE.match(text, end) if cls == "University" else None
        if graduate and graduate.group(0) != "毕业":
            continue  # 大学生, 大学毕业生: people; 大学城: a district; not a university
        if suffix == "局" and text[end - 2:end] in NOT_A_BUREAU:
            continue  # 空间布局, 发展格局: a word in 局, no bureau
        if suffix.endswith("报") and text[end:end + 1] and text[end] in "告道名送表批备到":
            continue  # 创业指导报告: 报告, no newspaper (导报)
        if category == "Event":
            end += suffix.endswith("会") and text[end:end + 1] == "议"  # 工作会议: the event word is 会议
            if suffix.endswith("议") and (text[end:end + 1] in ("长", "室", "员") or text.startswith(("中心", "厅"), end)):
                continue  # 某市议会议长, 会议室, 国际会议中心: a speaker, a room, a venue; no meeting
            paren = EVENT_PAREN.match(text, end) or EVENT_REGION.match(text, end)
            if paren and (paren.lastindex is None or of_places(paren.group(1), places) or paren.group(1)[-1] in "省市县区州"):
                end = paren.end()  # …大赛(浙江赛区), …大赛四川赛区, …活动周福建省分会场活动: the region's round
        site = _SUB_SITE.match(text, end) if category == "InnovationCarrier" else None
        if site and (site.group(0).endswith(("分园", "总基地", "分基地")) or any(text.startswith(p, end) for p in places)):
            end = site.end()  # 某科技园某某分园, 某孵化器总基地, 某科技园滁州园区: a site of the carrier, named with it
        start = left_edge(text, m.start(), 0, event=category == "Event", places=places)
        start = trim_title_prefix(text, start, m.end(), places)
        start = strip_lead(text, start, m.end(), keep_date=category == "Event", places=places)
        start = year_start(text, start) if category == "Event" else start
        while category == "InnovationCarrier" and start and (text[start - 1:start].isascii() and (
                text[start - 1].isalpha() or text[start - 1] == "+") or text[start - 2:start - 1].isalpha()
                and text[start - 2].isascii() and text[start - 1] in "·•・"):
            start -= 1  # NOVO+众创空间, N·次元众创空间: a Latin brand before its type word is the name's
        if category == "Event":
            start = after_last_verb(text, start, m.start(), end, places)
        elif category == "InnovationCarrier":
            start = carrier_start(text, after_clause_verb(text, start, m.start()), m.start(), places)
        elif category == "GovernmentAgency":
            start = agency_start(text, start, m.start(), places)
            if JOINT_BODIES.fullmatch(text[start:end]):  # 市委市政府: no one body; 某省委省政府: the place's two
                found += joint_bodies(text, start, end, places)
                continue
            if names_every_body(text, start):
                continue  # 各市(州)科技局, 设区市科技局: the bodies of every city, no one body
        elif category == "Company":
            start = company_start(text, after_apposed_company(text, start, m.start()), m.start(), places)
        start = brand_start(text, start, m.start(), lambda t, e: name_start(t, e, 0, places), category)
        if start is None or any(b0 < m.start() < b1 and not (category == "Event" and _EVENT_NOTICE.match(text, b0))
                                for b0, b1 in books) or category == "MediaOutlet" and site_credit(
                text, start):  # (比赛我们公司: no name) inside a 《…》; 技术支持:某新闻网, a site's operator
            continue  # 《…众创空间建设报告》: part of a document's title
        start += text[start - 1:start + 1] in ("以上", "以下") or text[start:start + 1] == "暨"  # (及以上孵化器; …暨某办公室)
        if graduate and text[start - 1:start] != "从" and not any(p in text[start:m.start()] for p in places):
            continue  # 他大学毕业后: schooling, unless 从 or a place makes it one university
        start = (quoted_from(text, start, m.start(), end) if category in ("InnovationCarrier", "Event") else None) or start
        if category == "Event" and (start := event_start(text, start, end)) is None:
            continue  # (5分钟项目路演, 常委会第十二次会议 read from 会: no name)
        name = text[start:end]
        if suffix == "委员会" and _ASSOCIATION_IN.search(name, 0, len(name) - 3):
            category = cls = "Association"  # 某学会某专业委员会: a committee of the society, no agency
        if category == "InnovationCarrier" and _MANAGING_UNIT.match(text, end):
            continue  # 孵化器管理处: the department that manages carriers, no carrier
        if category == "InnovationCarrier" and (_CARRIER_TAIL.match(text, end) or _TYPE_CHAIN.search(name)
                                                or text[end:end + 1] in ("+", "＋") or (text[m.start() - 1:m.start()] in ("+", "＋")
                                                                 and not text[m.start() - 2:m.start() - 1].isascii())):
            continue  # …产业园项目, …孵化器工程: a project or programme; 众创空间+孵化器: a chain of kinds
        if name in _STANDALONE_NAMES:
            found.append(Mention(name, start, end, category, cls))
            continue
        quoted = text[start - 1:start] in OPENING and text[end:end + 1] in CLOSING
        if len(text[start:m.end()]) <= len(suffix) or _is_generic(text[start:m.end()], suffix, cls, places, quoted):
            continue
        if category == "Event" and not names_one_event(name, places, quoted):
            continue  # 主题论坛, PPT路演, 本次大赛: what kind of event, not which
        attrs: list[tuple[str, str]] = []
        if category in LEVEL_OWNED and led_by_level(name):  # 县工业园区管委会, 市生产力促进中心:
            attrs.append(("relative", name[0]))  # the county's or the city's, as 县科技局 is
        edition = EDITION.search(name)
        if edition:
            attrs.append(("edition", edition.group(0)))
        joined = name.rfind("暨")
        if category == "Event" and len(name) - joined > 5 and joined > 3 and "赛" in name[:joined] and "赛" in name[joined:]:
            # Two contests joined (…大赛广西赛区暨广西创新创业大赛) are two names of one or two
            # contests; other joint events (某交流会暨某推介会, 某论坛暨某授牌仪式) one under the whole.
            found.append(Mention(name[:joined], start, start + joined, category, cls, tuple(attrs)))
            second = (("edition", e.group(0)),) if (e := EDITION.search(name, joined + 1)) else ()
            found.append(Mention(name[joined + 1:], start + joined + 1, end, category, cls, second))
            continue
        found.append(Mention(name, start, end, category, cls, tuple(attrs)))
    return _widest(found, text)


def name_start(text: str, end: int, floor: int, places: list[str] = ()) -> int:
    """Where a name that ends at ``end`` starts, not before ``floor``: the left edge of
    :func:`suffix_names` (a stop word, a verb, a title before a person, a leading date)."""
    start = left_edge(text, end, floor, places=places)
    start = trim_title_prefix(text, start, end, places)
    return strip_lead(text, start, end, keep_date=False, places=places) if start < end else start


def listed_kind(name: str, places: list[str]) -> bool | None:
    """For an item of a list of carriers that ends in a carrier word: whether it names a
    kind (省级众创空间, 创新型孵化器) rather than one carrier; beside named carriers a place
    and a type word (某市创客空间) is a name. None when ``name`` ends in no carrier word."""
    suffix = next((sf for sf, cat, _ in SUFFIXES if cat == "InnovationCarrier" and name.endswith(sf)), None)
    if suffix is None:
        return None
    stem = name[: len(name) - len(suffix)]
    has_place = _without_places(stem, places) != stem or any(stem.startswith(p) for p in places)
    return stem == "" or bool(_GENERIC_RE.fullmatch(stem)) or (not has_place and bool(_DOMAIN_RE.fullmatch(stem)))


_STANDALONE = {"HighTechZone", "EconomicDevelopmentZone", "University"}


def _widest(mentions: list[Mention], text: str) -> list[Mention]:
    """Keep the longest of overlapping names; a zone or university at the head of a
    longer name (兰州大学 in 兰州大学…研究院), and what an event is named after, are kept
    as well."""
    mentions = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in mentions:
        outer = [o for o in out if o.start <= m.start and m.end <= o.end]
        joint = m.category == "Event" and text[m.start - 1:m.start] == "暨"  # kept beside the joint name
        # 某联盟成立大会, 某众创空间揭牌仪式: the body or carrier the event is named after is kept
        head_of_event = m.category != "Event" and not _EVENT_LEAD.match(m.surface) and all(
            o.category == "Event" and (o.start == m.start or text[m.start - 1:m.start] in ("与", "和")) for o in outer)
        if outer and not joint and not head_of_event and not (m.cls in _STANDALONE and all(
                o.cls not in _STANDALONE or o.category != m.category for o in outer)):
            continue
        out.append(m)
    return out
