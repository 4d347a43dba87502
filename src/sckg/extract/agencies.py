"""Agencies named relative to the article's place, and governments a post implies.

Articles name the bodies of their own province, city or district by level alone:
省科技厅, 市工信局, 市委, 市政协, 我市科技局, 县科协, 区委, 团市委. Such a name stands for the body of the
province or city the article is about; the resolve stage completes it (the mention
carries ``relative``: 省, 市, 县 or 区). A post of a government's head, written after a place
(周口市副市长, 广东省副省长), names no body: the place's people's government is implied,
and a mention over the place and the title stands for it (``implied``: the full name
comes from the place in the resolve stage).
"""

from __future__ import annotations

import re
from dataclasses import replace

from sckg.extract.lexicon import DEPARTMENTS, GOVERNMENT_HEADS, PROVINCE_SHORT_NAMES, TITLE_RE
from sckg.extract.name_heads import LEVEL_OWNED, led_by_level
from sckg.model import Mention

# Bodies a province or city has, by the words that name them after 省/市/县/州.
_BODIES: list[tuple[str, str]] = [
    ("人民政府", "GovernmentAgency"), ("政府办公室", "GovernmentAgency"), ("政府", "GovernmentAgency"),
    ("委组织部", "GovernmentAgency"), ("委宣传部", "GovernmentAgency"), ("委统战部", "GovernmentAgency"),
    ("委政研室", "GovernmentAgency"), ("委办", "GovernmentAgency"), ("委教育工委", "GovernmentAgency"), ("委政法委", "GovernmentAgency"), ("委办公室", "GovernmentAgency"), ("委", "GovernmentAgency"),
    ("人大常委会", "GovernmentAgency"), ("人大", "GovernmentAgency"), ("政协", "GovernmentAgency"),
    ("科学技术局", "GovernmentAgency"), ("科技局", "GovernmentAgency"), ("科学技术厅", "GovernmentAgency"),
    ("科技厅", "GovernmentAgency"), ("政府办", "GovernmentAgency"), ("科委", "GovernmentAgency"), ("工业和信息化局", "GovernmentAgency"), ("工信局", "GovernmentAgency"),
    ("工业和信息化厅", "GovernmentAgency"), ("工信厅", "GovernmentAgency"), ("经信厅", "GovernmentAgency"),
    ("科学技术和信息化局", "GovernmentAgency"), ("科信局", "GovernmentAgency"),
    ("经信局", "GovernmentAgency"), ("经信委", "GovernmentAgency"), ("工信委", "GovernmentAgency"), ("发改委", "GovernmentAgency"), ("发改局", "GovernmentAgency"),
    ("发展和改革局", "GovernmentAgency"),
    ("发展和改革委员会", "GovernmentAgency"), ("财政局", "GovernmentAgency"), ("财政厅", "GovernmentAgency"),
    ("人社局", "GovernmentAgency"), ("人力资源和社会保障局", "GovernmentAgency"), ("人社厅", "GovernmentAgency"),
    ("商务局", "GovernmentAgency"), ("商务厅", "GovernmentAgency"), ("教育局", "GovernmentAgency"),
    ("教育厅", "GovernmentAgency"), ("农业农村局", "GovernmentAgency"), ("农业农村厅", "GovernmentAgency"),
    ("市场监督管理局", "GovernmentAgency"), ("市场监管局", "GovernmentAgency"), ("统计局", "GovernmentAgency"),
    ("科协", "Association"), ("科学技术协会", "Association"), ("工商联", "Association"),
    ("妇联", "Association"), ("总工会", "Association"), ("团委", "GovernmentAgency"),
    ("社科联", "Association"), ("社会科学界联合会", "Association"), ("文联", "Association"), ("侨联", "Association"),
    ("教委", "GovernmentAgency"), ("党委", "GovernmentAgency"), ("人民检察院", "GovernmentAgency"), ("检察院", "GovernmentAgency"),
    ("中级人民法院", "GovernmentAgency"), ("人民法院", "GovernmentAgency"), ("法院", "GovernmentAgency"),
]
# …and every local department of the lexicon (市建设局, 县卫健委, 区信访局).
_BODIES += [(w, "GovernmentAgency") for w in DEPARTMENTS
            if w.endswith(("局", "厅", "委", "办")) and w not in dict(_BODIES) and w not in ("总局", "管理局")]
_LEVEL = r"(?P<level>我省|全省|本省|省|我市|全市|本市|市|我县|本县|县|州|地区|地(?=委)|我区|本区|自治区|区|我盟|本盟|盟|我旗|本旗|旗)"
_BODY = "|".join(re.escape(b) for b, _ in sorted(_BODIES, key=lambda b: -len(b[0])))
# After the start of a clause or a word that ends one: 由市科技局…, 、县科协…, 日市委…, 听取了市科技局….
_CLAUSE_OPEN = r"(?:^|(?<=[，。、；：（）“”《》,;:()\s由经在与和及对向从为据到日赴请受有了于至同将是领率取访察送报交任的])|(?<=\d[.．])" \
    r"|(?<=[，。、；：（“,;:(\s]原)|(?<=^原))"  # (原市科技局局长某某: the body is 市科技局; 太原市 is a city)
_RELATIVE = re.compile(_CLAUSE_OPEN + rf"(?P<youth>团)?{_LEVEL}(?P<body>{_BODY})(?!级)")
_CATEGORY = dict(_BODIES)
_OPENS = re.compile(_CLAUSE_OPEN)
_EACH_BEFORE = re.compile(r"各(?:[省市县区州盟旗]|[(（][^()（）]{1,6}[)）]|、)+$")
_BARE_DEPARTMENT = re.compile(_CLAUSE_OPEN + "(?:"
                              + "|".join(b for b, _ in sorted(_BODIES, key=lambda b: -len(b[0])) if b.endswith("厅"))
                              + ")")
_SAME_LEVEL_BODY = re.compile(rf"[、和及与]({_BODY})(?=[、，。；,;和及与等的]|负责|相关|有关|工作|领导|组织|联合|共同|牵头|主办|承办|召开|举办|发布|印发|出台|制定|研究|审核|{TITLE_RE})")
# A congress, a conference or a government named bare in a list of a region's leaders,
# before a post: 市委常委甲、人大副主任乙、政府副市长丙.
_BARE_BODY = re.compile(rf"(?:(?<=[、，,])|(?<=常委))(?P<body>人大常委会|人大|政协|政府|总工会|妇联|科协|工商联|团委)"
                        rf"(?=(?:{TITLE_RE}))")
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")
_PROVINCE_SHORT = re.compile(PROVINCE_SHORT_NAMES)
_REGION_SHORT = {"内蒙古", "广西", "西藏", "宁夏", "新疆"}
_PLACE_LEVEL_END = ("省", "市", "县", "区", "州", "旗", "镇", "乡", "自治区")
# A head of the article's own province, city, district or league named by the title alone (市委副书记、市长某某): its level.
_OWN_HEADS = re.compile(r"(?:常务|代)?副?(省长|市长|区长|县长|州长|盟长|镇长|乡长)|自治区((?:常务)?副?主席)")  # 自治区副主席: 省
_PLACE_HEAD = {"省": re.compile(r"[\u4e00-\u9fff]{2,3}省"), "市": re.compile(r"[\u4e00-\u9fff]{2,4}?市"),
               "州": re.compile(r"[\u4e00-\u9fff]{2,10}?州"), "盟": re.compile(r"[\u4e00-\u9fff]{2,4}?盟"),
               "区": re.compile(r"(?:[\u4e00-\u9fff]{2,4}?市)?[\u4e00-\u9fff]{1,4}?区"),  # (某市某区委: its city first)
               "县": re.compile(r"(?:[\u4e00-\u9fff]{2,4}?市)?[\u4e00-\u9fff]{1,4}?县")}
_GOVERNMENT = {"盟": "行政公署"} | {level: "人民政府" for level in "省市区县州镇乡"}  # a league's is its 行政公署
_AFTER_HEAD = ("一行", "等", "同志", "出席", "参加", "陪同", "到", "在", "率", "座谈", "交流", "讲话", "致辞", "主持", "表示")
_HEAD_BEFORE = set("，。、；：（）“”《》,;:() \n") | {"", "和", "与", "及", "在"}
_HEAD_AFTER_WORD = set("由请经对向为了是")  # 由副县长某某主持: a word that may end just before the title


def relative_agencies(text: str, taken: list[Mention]) -> list[Mention]:
    """省科技厅, 市工信局, 市委 …: bodies named by level alone, not inside a longer name."""
    found = []
    for m in _RELATIVE.finditer(text):
        start, end = m.span()
        if text.startswith("市场", start) and not m.group("body").startswith("场"):
            continue
        if any(t.start < end and start < t.end and (t.start, t.end) != (start, end) for t in taken):
            continue  # (the same span found by its ending, 县委办公室, is respelled here)
        if _EACH_BEFORE.search(text, max(0, start - 12), start):
            continue  # 各县(市)区科技局, 各市、县科技局: the bodies of every county, no one body
        if m.group("youth") and m.group("body") != "委":
            continue  # 团市委 (the Youth League's city committee) is the one body 团 leads
        level = "地" if m.group("level").startswith("地") else "省" if m.group("level") == "自治区" \
            else m.group("level")[-1]  # 地区科技局, 地委: a prefecture's; 自治区政协: the region's, a province's
        category = _CATEGORY[m.group("body")]
        body = (("body", "委办公室"),) if m.group("body") == "委办" else ()  # 区委办
        found.append(Mention(text[start:end], start, end, category, category, (("relative", level), *body)))
        while (more := _SAME_LEVEL_BODY.match(text, end)) and not any(
                t.start < more.end() and more.start(1) < t.end and (t.start, t.end) != more.span(1) for t in taken):
            start, end = more.span(1)  # 县发改局、科技局: a body listed after one of the same level
            found.append(Mention(text[start:end], start, end, _CATEGORY[more.group(1)], _CATEGORY[more.group(1)],
                                 (("relative", level),)))
    for m in _BARE_BODY.finditer(text):  # 市委常委甲、人大副主任乙: the level of the body listed before
        start, end = m.span("body")
        before = [f for f in found if f.end <= start and not _SENTENCE_BREAK.search(text, f.end, start)]
        if before and start - before[-1].end <= 40 and not any(t.start < end and start < t.end for t in taken + found):
            category = _CATEGORY[m.group("body")]
            found.append(Mention(text[start:end], start, end, category, category,
                                 (("relative", before[-1].attr("relative")),)))
    for m in _BARE_DEPARTMENT.finditer(text):  # 科技厅厅长某某: only a province has a 厅
        if not any(t.start < m.end() and m.start() < t.end and (t.start, t.end) != m.span() for t in taken + found):
            found.append(Mention(m.group(), m.start(), m.end(), "GovernmentAgency", "GovernmentAgency",
                                 (("relative", "省"),)))
    return found


def levels_alone(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each agency named by a level alone and a department the lexicon
    lacks (州防震减灾局, where a clause opens before it) read as that level's (``relative``),
    as :func:`sckg.extract.names.suffix_names` reads the agencies it finds."""
    return [replace(m, attrs=(("relative", m.surface[0]),)) if m.category in LEVEL_OWNED and not m.attrs
            and led_by_level(m.surface) and _OPENS.match(text, m.start) else m for m in mentions]


def implied_governments(text: str, mentions: list[Mention]) -> list[Mention]:
    """周口市副市长: a mention over the place and the title for the place's government,
    when a person's name follows the title."""
    people = {m.start for m in mentions if m.category == "Person"}
    found = []
    for place in mentions:
        short = place.category == "Place" and _PROVINCE_SHORT.fullmatch(place.surface)
        if place.category != "Place" or not (place.surface.endswith(_PLACE_LEVEL_END) or short):
            continue
        head = GOVERNMENT_HEADS.match(text, place.end)  # a head whose body the place implies
        if not head and text.startswith("长", place.end) and place.surface[-1] in "省市县区州旗" \
                and len(place.surface) >= 3 and (place.end + 1 in people or _chain_to_name(text, place.end + 1, people)):
            # 宝鸡市长某某: the head's title shares the place's last character
            found.append(Mention(text[place.start:place.end + 1], place.start, place.end + 1, "GovernmentAgency",
                                 "GovernmentAgency", (("implied", place.surface[:-1]),)))
            continue
        if not head or not (head.end() in people or _chain_to_name(text, head.end(), people)):
            continue
        title = head.group(0)
        if short and not title.endswith(("省长", "主席")):
            continue  # a province named short (某省副省长) is named so before its governor only
        if title.endswith("主席") and not (place.surface.endswith("自治区") or place.surface in _REGION_SHORT):
            continue  # 主席 heads the government of an autonomous region only
        found.append(Mention(text[place.start:head.end()], place.start, head.end(), "GovernmentAgency",
                             "GovernmentAgency", (("implied", place.surface),)))
    return found


# Another post after a 、 and before the name (某省副省长、某领导小组副组长某某).
_CHAINED_POST = re.compile(rf"、[^，。；：,;:、\n]{{0,40}}?(?:{TITLE_RE})")


def _chain_to_name(text: str, pos: int, people: set[int]) -> bool:
    """Whether a chain of posts from ``pos`` (、 and another post) ends at a person's name."""
    chain = _CHAINED_POST.match(text, pos)
    while chain:
        if chain.end() in people:
            return True
        chain = _CHAINED_POST.match(text, chain.end())
    return False


def own_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """副省长某某, 市长某某 (or 某某副区长) with no place right before the title: the
    government of the province or city named last in the sentence (``implied``), else of the article's own
    (``relative`` and ``body`` 人民政府; the resolve stage completes it), a mention over
    the title carrying ``head`` (the post)."""
    people = {m.start for m in mentions if m.category == "Person"}
    people_ends = {m.end for m in mentions if m.category == "Person"}
    ends = {m.end for m in mentions if m.category != "Person"}
    found = []
    for m in _OWN_HEADS.finditer(text):
        chained = text[m.end():m.end() + 1] == "、" and any(  # 区委副书记、区长、某管委会主任某某
            m.end() < p <= m.end() + 30 and not re.search(r"[，,。；;：:]", text[m.end():p]) for p in people)
        before = (m.end() in people or chained) and m.start() not in ends and \
            text[m.start() - 1:m.start()] in _HEAD_BEFORE | _HEAD_AFTER_WORD
        after = m.start() in people_ends and (text[m.end():m.end() + 1] in _HEAD_BEFORE
                                              or text.startswith(_AFTER_HEAD, m.end()))  # 某某副区长一行
        if not (before or after):
            continue
        level, head = (m.group(1)[0], m.group(0)) if m.group(1) else ("省", m.group(2))
        place = _named_before(text, mentions, m.start(), level)
        context = (("implied", place.surface),) if place else (("relative", level), ("body", _GOVERNMENT[level]))
        found.append(Mention(m.group(0), m.start(), m.end(), "GovernmentAgency", "GovernmentAgency",
                             (*context, ("head", head))))
    return found


# Titles that name one national body (李克强总理, 习近平总书记): the title alone is its post.
_NATIONAL_HEADS = {"总书记": "中共中央", "总理": "国务院", "副总理": "国务院", "国务委员": "国务院"}
_NATIONAL_HEAD_RE = re.compile(r"副总理|总理(?!事)|总书记|国务委员")


def national_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """李克强总理, 国务委员某某: a national leader's title next to a name and after no
    body of its own stands for the body it heads (``qualified``), carrying ``head``."""
    people = {m.start for m in mentions if m.category == "Person"}
    people_ends = {m.end for m in mentions if m.category == "Person"}
    ends = {m.end for m in mentions if m.category != "Person"}
    found = []
    for m in _NATIONAL_HEAD_RE.finditer(text):
        if m.start() in ends or not (m.end() in people or m.start() in people_ends):
            continue
        body = _NATIONAL_HEADS[m.group(0)]
        found.append(Mention(m.group(0), m.start(), m.end(), "GovernmentAgency", "GovernmentAgency",
                             (("qualified", body), ("head", m.group(0)))))
    return found


# A party committee's departments listed after its standing member (区委常委、宣传部长某某).
_DEPARTMENTS = "政法委|统战部|宣传部|组织部|政研室|办公室"
_COMMITTEE_DEPARTMENT = re.compile(rf"常委[、，,]?\s*({_DEPARTMENTS})")
_OWN_DEPARTMENT = re.compile(rf"({_DEPARTMENTS})(?![员会级])")


def committee_departments(text: str, mentions: list[Mention]) -> list[Mention]:
    """区委常委、政法委书记某某, 市委常委、统战部长某某: the department after a committee's
    standing member is that committee's (中共某区委政法委), named relative to it; a
    department right after the committee's name (某省委政研室) is named with it."""
    found = []
    for c in mentions:
        if c.category != "GovernmentAgency" or not c.surface.endswith("委"):
            continue
        m = _COMMITTEE_DEPARTMENT.match(text, c.end)
        own = None if m or c.attr("relative") else _OWN_DEPARTMENT.match(text, c.end)
        if not (m or own):
            continue
        department = m.group(1) if m else own.group(0)
        if c.attr("relative"):
            attrs = (("relative", c.attr("relative")), ("body", "委" + department))
        else:
            committee = c.attr("qualified") or c.surface
            attrs = (("qualified", ("" if committee.startswith("中共") else "中共") + committee + department),)
        if m:
            found.append(Mention(department, m.start(1), m.end(1), "GovernmentAgency", "GovernmentAgency", attrs))
        else:  # 某省委政研室: the committee's department named whole
            found.append(Mention(c.surface + department, c.start, own.end(), "GovernmentAgency", "GovernmentAgency",
                                 attrs))
    return found


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts."""
    return max(text.rfind(c, 0, pos) for c in "。！？!?\n") + 1


def _named_before(text: str, mentions: list[Mention], pos: int, level: str) -> Mention | None:
    """The last place of the title's level (a 市 for 市长) named earlier in the sentence:
    周口市副市长某,项城市市委副书记、市长某 is the mayor of 项城市."""
    first = sentence_start(text, pos)
    places = []
    for m in mentions:
        if not (first <= m.start and m.end <= pos) or m.attr("implied"):
            continue
        if m.category == "Place" and m.surface.endswith(level):
            places.append(m)
        elif m.category == "GovernmentAgency" and (
                head := _PLACE_HEAD[level].match(m.surface, 2 if m.surface.startswith("中共") else 0)):
            # 项城市市委, 中共某县委: the city or county that names the body
            places.append(Mention(head.group(0), m.start + head.start(), m.start + head.end(), "Place", "Place"))
    return max(places, key=lambda m: m.start) if places else None


_ZONE_END = ("高新区", "经开区", "开发区", "新区", "新城", "园区", "试验区", "示范区")
_ZONE_BODY = re.compile("党工委|管委会|管理委员会|工委|管委")  # 工委, 管委: the short forms
_NAMED_ZONE = re.compile(r"([\u4e00-\u9fff]{0,3}?(?:" + "|".join(_ZONE_END) + rf"))(?={_ZONE_BODY.pattern})")
# Bodies named right after a place (某区委, 某县政协, 某市委组织部): the party committee
# and its departments, the political consultative conference, the people's congress.
_PLACE_BODY = re.compile(r"(委(?:组织部|宣传部|统战部|政研室|办公室)?|政协|人大常委会|人大|政府办)(?![员会级])")
_DIVISION_END = ("省", "市", "县", "区", "州", "旗", "盟")
_TOWN_BODY = re.compile(r"(党委|党工委|人民政府|政府|办事处)(?![员会级])")  # 某镇党委, 某街道办事处


# The fields a local government's departments are named by, alone or joined (工信和科技局,
# 教育科技局, 发展和改革局): a department named after its place is an agency.
_FIELDS = ("科学技术", "科技", "教育", "工业和信息化", "工业", "信息化", "工信", "经济和信息化", "经信", "经济",
           "发展", "改革", "发改", "商务", "财政", "人力资源", "社会保障", "人社", "农业农村", "农业", "农村", "农牧",
           "畜牧", "林业", "水利", "市场监督管理", "市场监管", "文化", "旅游", "广电", "体育", "卫生", "健康",
           "交通运输", "交通", "自然资源", "规划", "住房", "城乡建设", "住建", "生态环境", "环保", "应急管理",
           "统计", "审计", "民政", "司法", "外事", "知识产权", "工商", "金融", "投资促进", "招商", "大数据", "数据",
           "行政审批", "政务服务", "乡村振兴", "退役军人事务", "医疗保障", "能源", "国资", "科协", "台湾事务", "台", "港澳事务", "侨务", "外事侨务")
_FIELD = "|".join(sorted(_FIELDS, key=len, reverse=True))
_DEPARTMENT = re.compile(rf"(?:{_FIELD})(?:[和与、]?(?:{_FIELD}))*(?:局|委员会|委|办公室|办)(?![长员级])")


# National bodies written by their short names, which no ending announces.
_NATIONAL_BODIES = re.compile(r"全国人大常委会|全国人大|全国政协|中共中央|团中央|全国总工会|全国妇联|"
                              r"(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)中央")


# A democratic party's or the Youth League's local committee (九三学社某市委会, 民进某区工委, 民进市委, 共青团某省委).
_PARTY_OF_STATE = re.compile(r"(?:(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)[\u4e00-\u9fff]{0,8}?|共青团[\u4e00-\u9fff]{2,8}?)"
                             r"[省市区县](?:工作委员会|委员会|委会|工委|委)(?![员会])")  # (民进市委: the city's, named by level)


def party_committees_of_state(text: str, mentions: list[Mention]) -> list[Mention]:
    """九三学社某市委会, 民盟某省委: a democratic party's local committee, an association,
    over the shorter names read inside it (某市委). The mentions, with the committees."""
    found = [Mention(m.group(0), m.start(), m.end(), "Association", "Association")
             for m in _PARTY_OF_STATE.finditer(text)
             if not any(o.start < m.end() and m.start() < o.end and (o.start < m.start() or o.end > m.end())
                        and o.category != "Place" for o in mentions)]
    return [o for o in mentions if not any(f.start <= o.start and o.end <= f.end for f in found)] + found


def national_bodies(text: str, taken: list[Mention]) -> list[Mention]:
    """全国政协, 民盟中央 …: national bodies by their short names, not inside a longer name."""
    found = []
    for m in _NATIONAL_BODIES.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in taken):
            continue
        kind = "Association" if m.group(0).endswith("中央") and m.group(0) not in ("中共中央", "团中央") \
            else "GovernmentAgency"
        found.append(Mention(m.group(0), m.start(), m.end(), kind, kind))
    return found


_PARTY_COMMITTEE = re.compile(r"^(?!中共)[\u4e00-\u9fff]{2,8}[省市县区州旗盟]委$")
_YOUTH_COMMITTEE = re.compile(r"团[省市县区州旗盟]委$")


def party_committees(mentions: list[Mention]) -> list[Mention]:
    """某区委 found whole (not after a place mention): a party committee, whose full name
    is 中共 and its own (``qualified``)."""
    return [Mention(m.surface, m.start, m.end, m.category, m.cls, (("qualified", _committee_name(m.surface)),))
            if m.category == "GovernmentAgency" and not m.attrs and _PARTY_COMMITTEE.match(m.surface) else m
            for m in mentions]


def _committee_name(name: str) -> str:
    """某区委 → 中共某区委; 某地团市委, the Youth League's → 共青团某地市委; 项城市市委 → 中共项城市委
    (but 房县县委, whose place has one character before its level)."""
    name = re.sub(r"^([\u4e00-\u9fff]{2,}([市区县]))\2委", r"\1委", name)
    youth = _YOUTH_COMMITTEE.search(name)
    return "共青团" + name[:youth.start()] + name[youth.start() + 1:] if youth else "中共" + name


def place_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """某区委 (某区区委), 某县政协, 某市工信和科技局: a body named after a place, where no
    other name covers it; a party committee's full name is 中共 and the place's (``qualified``)."""
    found = []
    for place in mentions:
        town = place.attr("town")
        if place.category != "Place" or not (town or place.surface.endswith(_DIVISION_END)):
            continue
        again = text[place.end:place.end + 1] == place.surface[-1] and _PLACE_BODY.match(text, place.end + 1)
        m = again or _PLACE_BODY.match(text, place.end) or _DEPARTMENT.match(text, place.end) or (
            _TOWN_BODY.match(text, place.end) if town or place.surface.endswith("自治区") else None)  # (自治区党委)
        if not m or any(o.start < m.end() and place.end < o.end and not (place.start <= o.start and o.end <= m.end())
                        for o in mentions if o is not place):
            continue  # inside a longer name; a shorter one inside it (某省委 of 某省委政研室) gives way
        start = place.start - 1 if text[place.start - 1:place.start] == "团" and m.group(0) == "委" else place.start
        party = "共青团" if start < place.start else "中共"  # 团嘉兴市委: the Youth League's committee
        attrs = (("qualified", party + place.surface + m.group(0)),) if m.group(0).startswith("委") else (
            (("qualified", "中共" + place.surface + "委员会"),) if m.group(0) == "党委" and not town else ())
        found.append(Mention(text[start:m.end()], start, m.end(), "GovernmentAgency", "GovernmentAgency", attrs))
    return found
_LISTED_BODY = re.compile(rf"、({_ZONE_BODY.pattern})")


def zone_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A zone's party working committee and administrative committee named after it
    (西安高新区党工委, 某湾新区管委会 after a place), and again alone later in the same list
    (…副书记、管委会副主任)."""
    found = []
    for body in mentions:  # 高新区党工委 found whole: its zone is the part before 党工委
        m = _ZONE_BODY.search(body.surface)
        if body.category == "GovernmentAgency" and m and m.end() == len(body.surface) \
                and body.surface[:m.start()].endswith(_ZONE_END):
            found += _listed_bodies(text, body.surface[:m.start()], m.group(0), body.end)
    for zone in mentions:
        if zone.category == "Place" and not zone.surface.endswith(_ZONE_END):
            named = _NAMED_ZONE.match(text, zone.end)  # 温州 + 湾新区党工委
            if named:
                zone = Mention(text[zone.start:named.end(1)], zone.start, named.end(1), "Place", "Place")
        if not zone.surface.endswith(_ZONE_END) or zone.category not in ("InnovationCarrier", "Place"):
            continue
        m = _ZONE_BODY.match(text, zone.end)
        if not m:
            if text.startswith("党委", zone.end):  # 某高新区党委副书记、管委会主任: the zone's 党委 and 管委会
                found.append(Mention(zone.surface + "党委", zone.start, zone.end + 2, "GovernmentAgency", "GovernmentAgency"))
                found += _listed_bodies(text, zone.surface, "党委", zone.end + 2)
            continue
        body = zone.surface + m.group(0)
        found.append(Mention(body, zone.start, m.end(), "GovernmentAgency", "GovernmentAgency"))
        found += _listed_bodies(text, zone.surface, m.group(0), m.end())
    return list({(f.start, f.end): f for f in found}.values())


def _listed_bodies(text: str, zone: str, first: str, pos: int) -> list[Mention]:
    """The zone's other body listed after its ``first`` in the same clause (…党工委副书记、
    管委会副主任), named with the zone."""
    clause_end = min((text.find(c, pos) for c in "，。；" if text.find(c, pos) != -1), default=len(text))
    return [Mention(listed.group(1), listed.start(1), listed.end(1), "GovernmentAgency", "GovernmentAgency",
                    (("qualified", zone + listed.group(1)),))
            for listed in _LISTED_BODY.finditer(text, pos, clause_end) if listed.group(1) != first]
