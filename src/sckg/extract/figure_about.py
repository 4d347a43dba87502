"""Where and whom a figure is about, read from the text before it.

:func:`area` finds the region a stretch of text names last (全区, 我省, 云南, 乌鲁木齐市,
某某区有3个), leaving out the field a ranking is made in (居全省第4位); :func:`broad` keeps it when it
is a whole region that later sentences share; :func:`subject` finds the one named
entity (a carrier, company, event or action) a figure is about. :data:`NOUN_PLACE`
reads a place written right before a carrier word (13家重庆市科技企业孵化器). Used by
:mod:`sckg.extract.figures`; everything returned is surface text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sckg.extract.lexicon import COUNTED_KINDS, LEVEL_WORDS, PROVINCE_SHORT_NAMES

_PROVINCES = PROVINCE_SHORT_NAMES
# A ministry recognising carriers (科技部确定639家…): a count of the country's.
NATIONAL_ACT = re.compile(r"(?:科学技术部|科技部|火炬中心|工业和信息化部|工信部|教育部|人力资源和社会保障部|人社部|"
                          r"财政部|国家发展改革委|国家发改委|国务院)(?:火炬中心|办公厅)?(?:正式|先后|共|再次)?"
                          r"(?:确定|认定|公布|发布|备案|批复|批准|遴选|评选|命名|授予)")
# A sentence adding to the one before (此外，还有…): of the same place.
ALSO = re.compile(r"(?:此外|另外|同时|另有|还有)[，,]?(?:还|也|另)?有")
_AREA = re.compile(
    r"(?P<broad>全地区|全区|全省|全疆|全国|我国|全市|全州|全县|全藏|全盟|全旗|我省|我区|我市|我州|我盟|我旗|本省|本市"
    rf"|(?:{_PROVINCES})(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)?)"
    r"|(?P<place>[\u4e00-\u9fff]{1,5}?(?:州市|市|州|县|盟|地区)(?![场级长委]))"
    r"|(?P<zone>高新区|开发区|经开区)(?=(?:共|已|现|还|累计)?有|拥有|达到?|内有|[\u4e00-\u9fff]{0,4}(?:在孵|孵化))"
    r"|(?P<district>[\u4e00-\u9fff]{2,3}区)(?=(?:共|已|现|还|累计|先后|新)?(?:有|拥有|达到?|内有|成立|建成|培育|引进|"
    r"认定|新增|获批|带动))")
_HAS = r"(?:共|已|现|还|累计|目前|现已)?(?:有|拥有)|占(?!全|到?[\d一二三四五六七八九十百])"
# Words ending in 区 that name no district (园区, 高新区, 社区 …): never a figure's area.
_NOT_DISTRICT = ("园区", "新区", "高新区", "开发区", "社区", "城区", "景区", "校区", "片区", "小区", "市区",
                 "辖区", "全区", "我区", "本区", "该区", "地区", "功能区", "示范区", "试验区", "实验区", "集聚区",
                 "核心区", "保税区", "自贸区", "特区", "产业区", "老区", "山区", "牧区", "矿区", "湾区", "街区",
                 "片区", "各区", "城区", "县区", "市区", "服务区", "综合区", "起步区", "先行区", "合作区")
# Characters that never occur in the place names articles use: where one occurs the
# name starts after it (来自奇台县 → 奇台县, 仅昌吉市 → 昌吉市).
_NOT_IN_PLACE = set("来自是仅在于对向为和与及的了便就级个各等全我本省区这该走进强才到达将共其从由把被让使经据"
                    "如位有型业务场年度")
_DESIGNATION = re.compile(rf"(?:国家级?|{LEVEL_WORDS})?(?:科技企业)?(?:{COUNTED_KINDS})(?P<pilot>(?:试点|培育|示范)(?:单位|基地)?)?")
_BROAD = re.compile(rf"^(?:全|我|本|(?:{_PROVINCES}))")
NOUN_PLACE = re.compile(rf"((?:{_PROVINCES})(?:维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)|[\u4e00-\u9fff]{{2,4}}[市州县])"
                         rf"(?=(?:省级|市级|州级|县级)?(?:科技企业|科技)?(?:{COUNTED_KINDS}))")
_RANK_FRAME = re.compile(r"(?:同类|同行|各[市州县区])?(?:第[\d一二三四五六七八九十]|前[\d一二三四五六七八九十]|前列|首位|之首|"
                         r"排名|排位|领先|最多|最高|最大|最强|最早|最具|唯一)")
# Verbs a body named by its level follows (会同市科技局, 联合县人社局): no part of a place.
_VERBS_BEFORE_AGENCY = ("会同", "联合", "协同", "配合", "组织", "牵头", "指导", "委托", "督促")
# Words of time and sequence a place follows (目前某市拥有, 如今该县): no part of the place.
_LEADS_BEFORE_PLACE = ("目前", "当前", "如今", "现在", "至今", "日前", "近日", "近年", "年来", "此外", "另外", "同时",
                       "截至", "截止", "而")
# Words ending in 市 that name a market, not a city (毕业后上市的企业, 农贸集市).
_MARKET_WORDS = ("上市", "退市", "超市", "股市", "集市", "夜市", "早市", "开市", "楼市")  # (not 门市: 江门市)
_NOT_AREA = re.compile(r"^(?:城市|州市|县市|地区|省市|各地区|[东西南北中]部地区|[州市县盟])$")


@lru_cache(maxsize=256)
def _area_pattern(shorts: tuple[str, ...]) -> re.Pattern:
    if not shorts:
        return _AREA
    names = "|".join(map(re.escape, shorts))
    return re.compile(f"{_AREA.pattern}|(?P<short>(?<![\u4e00-\u9fff])(?:{names}))(?={_HAS})")


def area(head: str, rank: bool = False, shorts: tuple[str, ...] = ()) -> str | None:
    """The rightmost region ``head`` names: 全区, 我省, 云南, 乌鲁木齐市 (surface text);
    ``rank``: ``head`` ends right before a rank (居全省|第3位); ``shorts``: places named in two
    characters (德阳), an area where they have something (德阳有…)."""
    found, frame = None, None
    clause = max(head.rfind("；"), head.rfind(";")) + 1  # a rank of an earlier clause frames none of this one's
    for m in _area_pattern(shorts).finditer(head):
        text = m.group(0)
        if m.lastgroup == "short":
            found = text
            continue
        if m["zone"]:
            found = "全市"  # 高新区已有4家孵化器: a zone's figures are its city's (the zone their subject)
            continue
        if m["district"]:
            cut = max((i + 1 for i, c in enumerate(text[:-1]) if c in _NOT_IN_PLACE), default=0)
            cut += head[m.start() + cut - 1:m.start() + cut + 1] == "其中"  # 其中某某区有
            text = text[cut:]
            if len(text) < 3 or text.endswith(_NOT_DISTRICT):
                continue
        elif m["place"]:
            cut = max((i + 1 for i, c in enumerate(text[:-1]) if c in _NOT_IN_PLACE), default=0)
            cut += text.startswith("中", cut) and text[cut - 1:cut] == "其"  # 其中郑州市, but 晋中市
            local = cut and text[cut - 1] in "全我本" and text[cut:] in ("市", "州", "县", "盟")
            text = text[cut - 1:] if local else text[cut:]  # 今年我市: the match began before 我市
            verb = max((text.rfind(v) + len(v) for v in _VERBS_BEFORE_AGENCY + _LEADS_BEFORE_PLACE if v in text),
                       default=0)
            if verb and not local:
                text = text[verb:]  # 办公室会同市科技局: the verb before a city's own body
            if local:
                pass
            elif _NOT_AREA.match(text) or text.endswith(_MARKET_WORDS) or (text.endswith("地区") and len(text) < 4) \
                    or (len(text) == 2 and text[-1] != "州"):
                continue
        elif m["broad"] and (title := _DESIGNATION.match(head, m.end())) and (
                title["pilot"] or (found and not _BROAD.match(found))):
            continue  # 某市有…，广东省众创空间试点单位31家: the province's title of the carriers, not their place
        elif head.endswith(("占", "占到"), 0, m.start()):
            continue  # 占全国优秀总数的18%: the whole a share is of, not the place counted
        elif _RANK_FRAME.match(head, m.end()) or (rank and m.end() == len(head)):
            if m.start() >= clause:
                frame = text  # 居全省第4位, 全国前列: the field ranked in, not the place counted …
            continue
        found = text
    if frame and found and not found.startswith(("全", "我", "本")):
        return frame  # … unless nothing but a name (云南省…大赛) is left to rank
    return found


def broad(area: str | None) -> str | None:
    """``area`` if it names a whole region (全区, 我省, 云南), which later sentences share."""
    return area if area and _BROAD.match(area) else None


_NAME_SUFFIX = (r"产业园|创业园|科技园|园区|孵化基地|基地|家园|大厦|大市场|众创空间|孵化器|星创天地|加速器|"
                r"公司|中心|研究院|合作社|大赛|挑战赛|培训班|创业谷|开发区|高新区|空间")
_NAME_BOUNDARY = re.compile(r".*(?:是|的|了|为|由|与|和|及|仅|就|向|对|于|将|把|被|据|如|让|使|以|在(?!孵)|有(?!限)|"
                            r"位于|来自|介绍|表示|指出|说|、|加强|推动|认定|培育|建立|建成|建设|完成|举办|"
                            r"开展|组织|实施|启动|设立|引导|支持|发布|共同|其中|本次|共|已|获|现有|拥有|建有|新建|新增|上榜|入选|入围|"
                            r"此外|同时|目前|近年来|通过|依托|提供|负责|打造|包括|包含|遴选|评选|筛选|择优|推荐|分别|给予)")
_GENERIC = re.compile(r"^[省市县区州](?!级)|第[一二三四五六七八九十\d]+[届期批]|首届|首批|第一批|一批|一大批|一些|多家|优秀|示范|"
                      r"重点|特色|大学生|大学|农业|工业|小微企业|中小微企业|中小企业|青年|返乡|留学人员|巾帼|退役军人|"
                      r"标杆|品牌|骨干|龙头|各类|各级|国家级|省级|自治区级|"
                      r"市级|州级|县级|国家|自治区|在孵企业|入孵企业|新型|专业化|专业型|综合型|科技企业|创新创业|创业创新|"
                      r"双创|科技|创业|创新|孵化|农村|高新技术|经备案|备案|省内|区内|全区|全省|全国|全市|全州|全县|全盟|全旗|我市|我省|我区|我州|我盟|我旗|本市|本省|"
                      rf"(?:{_PROVINCES})(?:维吾尔自治区|自治区|省|市)?|[\u4e00-\u9fff]{{2,4}}[市州县]")
# A carrier the article spoke of, taken up again: 该产业园, 这个不大的空间里, 园区共投资…
_ANAPHOR_KINDS = "产业园|科技园|创业园|孵化园|孵化基地|众创空间|孵化器|星创天地|加速器|基地|空间|园区"
_ANAPHOR = re.compile(rf"(?:^|(?<=[，,；;。：:]))(?:目前|同时|此外|截至目前|现在)?[，,]?(?:在)?"
                      rf"(?:(?:该|这个|这家|此|本)(?:[^，,；;。、]{{1,4}}的)?(?P<kind>{_ANAPHOR_KINDS})"
                      rf"|(?P<park>园区)(?=共|总|占地|建筑|已?入驻|在孵|内|累计|现有|已有|目前|先后))")
_NAME_RE = re.compile(rf"[^，,；;。！？!?：:“”\"（）()]*(?:{_NAME_SUFFIX})")
_NAME_SUFFIX_RE = re.compile(_NAME_SUFFIX)
_ACTION = re.compile(r"“([^”]{2,12}(?:行动|工程|计划|战略))”[^，,；;。]{0,3}(?:共|累计|已)")
_CLAUSE_SPLIT = re.compile(r"[，,；;。！？!?：:]")
_NAME_LEAD = re.compile(r"^(?:在孵企业|入孵企业|新一代|现有|已有)")
_COUNTED = re.compile(r"\d|[一二三四五六七八九十]+[家个]")
_SUFFIX_END = re.compile(rf"(?:{_NAME_SUFFIX})$")
_LISTED = re.compile(r"[A-Za-z .&'+”\"-]*等")  # 某某空间 Some Space等13家, “甲”“乙” 等2家: a list's items
_EDITION = re.compile(r"第[一二三四五六七八九十\d]+届")
# 某中心发布的《报告》显示: the body that states the figures, not what they are about.
_SOURCE = re.compile(r"(?:发布|公布|编制|编写|披露)的|的?(?:统计|数据|报告|调查|监测)(?:显示|表明)|显示|表明")


def subject(head: str) -> str | None:
    """The single named entity (carrier, company, event, action) ``head`` is about, if any."""
    action = _ACTION.search(head)
    if action:
        return action.group(1)
    best = None
    for clause in _CLAUSE_SPLIT.split(head):
        name = _clause_subject(clause)
        if name is not None:
            best = name
    if best is None:
        for m in _ANAPHOR.finditer(head):
            best = m["kind"] or m["park"]  # 该产业园总面积…: the one the article names (resolved to its first mention so ending)
    return best


@lru_cache(maxsize=4096)
def _clause_subject(clause: str) -> str | None:
    """The last named entity of one clause (the figures of a sentence share its clauses)."""
    if not _NAME_SUFFIX_RE.search(clause):
        return None
    best = None
    spans = []
    for m in _NAME_RE.finditer(clause):  # and a name before 是 inside one: 某孵化器是国家级孵化器
        spans += [(m.start(), k.end()) for k in _NAME_SUFFIX_RE.finditer(clause, m.start(), m.end())
                  if clause.startswith("是", k.end())] + [(m.start(), m.end())]
    for start, end in spans:
        name = _NAME_LEAD.sub("", _NAME_BOUNDARY.sub("", clause[start:end]))
        rest = clause[end:]
        if _LISTED.match(rest) or _SOURCE.match(rest) or len(name) < 3 or _COUNTED.search(name) \
                or clause[:end - len(name)].endswith("被"):
            continue
        proper = _GENERIC.sub("", _SUFFIX_END.sub("", name))
        edition = _EDITION.search(name)
        if len(proper) >= 2 or (edition and area(name)):
            best = name
    return best


_LIST_VERB = re.compile(r"确定|认定|命名|授予|公布|推荐|评选出?|遴选出?|批准|同意|将|把|对|新认定|(?:申报|推荐|建设|运营)的")


def unlisted(head: str, clause_start: int) -> str:
    """``head`` with the names a 等N家 list ends on blanked (same length): 认定北京某某孵化器等12家
    names no area in 北京."""
    if not head.endswith("等"):
        return head
    verb = None
    for verb in _LIST_VERB.finditer(head, clause_start):
        pass
    start = verb.end() if verb else clause_start
    if re.match(r"[我本全][省市区州县盟旗]", head[start:start + 2]):
        start += 2  # 我省某某孵化器等9家: the article's own region before the list is the area
    return head[:start] + "　" * (len(head) - start)
