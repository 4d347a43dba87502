"""Frames: what a figure counts, read from the shape of its clause.

The figure extractor (:mod:`sckg.extract.figures`) writes a clause with the figure's
own number as ``#`` and every other number as ``%`` and tries these patterns, in
order, before it looks at the nouns around the number: ``一等奖#`` is a count of
prize winners whatever noun follows, ``#…报名`` a count of entries, ``#…入驻`` of
resident enterprises. Each frame is (pattern, unit classes it applies to, indicator
key); the unit classes are those of :data:`sckg.extract.numbers.UNITS`.
"""

from __future__ import annotations

import re

_PRIZE = r"(?:[一二三四五六]等奖|特等奖|[金银铜](?:、[金银铜])*奖|优胜奖|优秀奖|优秀[^%#，,；;]{0,6}奖)"
_ROUND = r"(?:总决赛|决赛|复赛|半决赛|选拔赛)"

FRAMES = [(re.compile(p), classes, key) for p, classes, key in [
    # Competitions: winners, finalists, entries, investors.
    (rf"{_PRIZE}[^%#，,；;]{{0,3}}#|#[^%]{{0,4}}{_PRIZE}|#[^%]{{0,2}}优胜(?:企业|团队|者)"
     rf"|#[^%]*获[得评]?[^%]*{_ROUND}?[^%]*(?:奖|名)的?(?:好成绩|殊荣)", ("count", "person"),
     "award-winning-enterprises"),
    (r"#[^%]{0,4}(?:项目|团队|企业)获(?:奖|得[^%#，,；;]{0,8}奖)", ("count", "item"), "award-winning-enterprises"),
    (rf"#[^%]*(?:晋级|进入|入围|闯入|参加|角逐|登上)[^%]{{0,8}}{_ROUND}|#[^%]{{0,12}}{_ROUND}舞台|#[^%]{{0,8}}获得?晋级"
     rf"|(?:晋级|进入|入围|闯入)了?{_ROUND}的#"  # 入围决赛的16个项目
     r"|#[^%]{0,4}(?:项目|团队|企业)[^%#，,；;]{0,8}(?:脱颖而出|比拼|角逐)", ("count", "item"), "finalists"),
    # Entries: 共256个项目报名, 共有573个企业和团队确认参赛, 企业组报名363个, 吸引10个创业团队参赛.
    (r"#[^%]{0,4}(?:企业和团队|团队和企业|企业及团队|个?项目)[^%]{0,4}(?:报名|参赛)", ("count", "item"), "applicants"),
    (r"#[^%]{0,2}(?:企业|公司)[^#]*报名|(?:企业|公司)组?报名[^%#，,；;]{0,3}#|#[^%]{0,4}(?:企业|公司)[^%#，,；;]{0,4}参赛",
     ("count", "item"), "applicant-enterprises"),
    (r"#[^%]{0,2}团队[^#]*报名|团队组?报名[^%#，,；;]{0,3}#|#[^%]{0,6}团队[^%#，,；;]{0,4}参赛", ("count", "item"),
     "applicant-teams"),
    (r"#[^%]{0,3}(?:投资机构|投资人|投资者)", ("count", "person"), "investors"),
    (r"#[^%]{0,4}的?(?:奖励资金|奖金)|获奖[^%]*#", ("money",), "prize-money"),
    # Visits: 考察组一行6人, 企业负责人11人来园.
    (r"一行(?:共)?#|#[^%]{0,2}来(?:园|访|校|区|我)", ("person",), "participants"),
    # Attendance: 200余人参加大会, 近千人出席开幕式.
    (r"#[^%]{0,2}(?:参加|出席|参与)了?(?:本次|此次)?(?:大会|活动|会议|开幕式|闭幕式|仪式|启动仪式|论坛|典礼|颁奖典礼|"
     r"峰会|年会|发布会|路演|沙龙)", ("person", "person-time"), "participants"),
    (r"(?:获评|评为|评估为|考核为?)(?:优秀|A类|A级)[^%]{0,8}#|#[^%]{0,8}(?:获评|评为|被评为)(?:优秀|A类|A级)|"
     r"优秀(?:众创空间|孵化器|星创天地|孵化载体|载体)[^%]{0,2}#", ("count",), "awarded-carriers"),
    (r"(?:入驻|进驻|聚集|集聚|引进)(?![^%#，,；;]{0,4}(?:在孵|入孵|孵化))[^%#，,；;]{0,6}(?:企业和团队|企业|团队和企业)"
     r"[^%]{0,3}#|(?:聚集|集聚|汇聚)了?#[^%#，,；;]{0,4}?(?:企业|公司)(?!从业)", ("count",),
     "resident-enterprises"),
    (r"吸纳[^%#，,；;]{0,6}(?:大学生|毕业生)[^%]{0,2}#", ("person",), "graduates-employed"),
    (r"#[^%#，,；;、]{0,10}(?:顺利|成功)?毕业(?!生)", ("count",), "graduated-enterprises"),  # 5万家企业从孵化器毕业
    (r"(?:^|累计|引导和|并)(?:服务|帮助)[^#%]{0,14}#|为#.*提供.*(?:服务|帮助)", ("count",), "served-clients"),
    (r"为.*#.*提供.*(?:服务|帮助)", ("person",), "served-entrepreneurs"),
    (r"#[^%]*发放创新券", ("count",), "voucher-recipients"),
    (r"#[^%]*(?:青睐|客户)", ("count",), "customers"),
    (r"(?:入驻|进驻)[^%#，,；;]{0,8}团队[^%]{0,2}#|#[^%]{0,4}团队[^%]{0,6}(?:入驻|进驻)", ("count",),
     "incubated-teams"),
    (r"#[^%]*(?:集聚|入驻|进驻)|(?:入驻|进驻)[^%#，,；;]{0,10}#", ("count",), "resident-enterprises"),
    (r"#[^%]{0,8}(?:参加|参与|接受)了?[^%]{0,8}培训", ("person", "person-time"), "trainees"),
    (r"#[^%]{0,4}奖金|奖金[^%]{0,6}#|奖励资金[^%]{0,6}#", ("money",), "prize-money"),
    # A list of named carriers: 认定某某等12家单位为省级科技企业孵化器.
    (r"等#[^%]{0,6}(?:单位|机构|企业|平台)?[^%]{0,12}(?:为|获评|获批|予以|认定为?|确定为?|列入|入选|名列)"
     r"[^%]{0,24}(?:众创空间|孵化器|星创天地|大学科技园|孵化基地|加速器|载体)", ("count",), "carriers"),
    (r"#[^%]*获得[^%]*证书", ("person",), "certified-staff"),
    # What carriers incubated (累计孵化180家企业, 孵化了738家), not the carriers (孵化器12家).
    (r"孵化(?![器基载平机面场空中园服率示])(?:了|出)?[^%#，,；;、项团基园器台心站]{0,8}#(?![^%#，,；;]{0,3}(?:项目|团队))", ("count",),
     "incubated-enterprises"),
    # Investment raised: 获得投融资金额29.35亿元, 获得了5亿元的投资, 撬动社会投资逾200亿元.
    (r"(?:获得|撬动|吸引|带动)[^%#，,；;]{0,10}(?:投资|投融资|融资)[^%#，,；;]{0,6}#|(?:获得|撬动|吸引)了?#[^%]{0,3}的?(?:投资|融资)",
     ("money",), "investment-raised"),
    # Carriers rated good or passing in an evaluation (617家被评为良好): counted as carriers.
    (r"(?:获评|评为|评估为|考核为?)(?:良好|合格)[^%]{0,8}#|#[^%]{0,8}(?:获评|评为|被评为)(?:良好|合格)", ("count",), "carriers"),
    (r"#[^%]*成果[^%]*转移转化", ("count", "item"), "transferred-achievements"),
    (r"#用于[^%]*(?:补助|补贴)", ("money",), "subsidies"),
    (r"优秀组织单位", ("count",), "award-winning-organisers"),
]]


# A list a sentence names before its count: 公布2022年度国家级科技企业孵化器名单，…等8家机构获批.
_NAMED_LIST = re.compile(r"([^，。；：,;:、]{2,30}?)名单")


def named_list(text: str, start: int, end: int) -> str | None:
    """What the last list named in ``text[start:end]`` is a list of (2022年度新认定的国家级科技
    企业孵化器), when a count after it (等8家机构获批, 全省共计63家单位获此殊荣) counts its members."""
    found = list(_NAMED_LIST.finditer(text, start, end))
    return found[-1].group(1) if found else None
