"""Article metadata read from the boilerplate lines: title, publication date,
publisher (the site), source (where it was reproduced from), authors and editors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sckg.model import Block
from sckg.normalize.notice import ISSUER, signature_date

_DATE = re.compile(
    r"(?<!\d)(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
# A byline may be bracketed: (编辑:某某), 【责任编辑:某某】.
_REPORTER = re.compile(r"(?:记者|通讯员|作者|撰稿|实习生|发布者|发布人)\s*[:：]?\s*"
                       r"((?:(?!记者|通讯员|实习生|编辑|摄影)[^:：*|)）】\]])+)")  # (记者 甲 乙 通讯员 丙: both)
_EDITOR = re.compile(r"(?:责任编辑|编辑|摄影)\s*[:：]?\s*([^:：*|)）】\]]+)")
_PERSON = re.compile(rf"^{_NAME}$")
_GLUED = re.compile(r"[\u4e00-\u9fff]{6}|[\u4e00-\u9fff]{9}")  # 记者甲乙丙: names that lost their spaces
_BODY_END = re.compile(r"[网报台社局厅委办市省县区部所院]|中心|公司")  # (记者站, 某市科技局: no names)
_SITE_END = re.compile(r"(网|网站|报|日报|晚报|新闻|电视台|广播电台|通讯社|杂志|在线|头条)$")
_NOT_A_NAME = {"admin", "管理员", "本网", "小编", "佚名"}
_DEPARTMENT = re.compile(r"[部处室办组]$|中心$")  # 作者:某某部 — a department signs, no person
# (来源: 某某报作者: 某某: the source ends where the next field's name starts.)
_SOURCE_LINE = re.compile(r"(?:转自|转载自|转载于|稿件来源|文章来源|来源)\s*[:：]\s*(?:转载)?\s*"
                          r"((?:(?!(?:作者|记者|通讯员|责任编辑|编辑|发布|时间|日期)\s*[:：])[^\s*|])+)")
_WELCOME = re.compile(r"欢迎(?:进入|访问|光临|来到)\s*([^\s,，!！。]+?)(?:官方网站|官网|网站)?[!！。]?$")
_OWNER = re.compile(r"版权所有\s*[:：]?\s*([\u4e00-\u9fff]+?(?:网|报|社|台))")
_PUBLISHING_BODY = re.compile(r"^(?:发布机构|发文机关)\s*[:：]?\s*([\u4e00-\u9fff（）()]{3,40})$")
# A government site's footer: the body that runs it (承办) or owns it (主办).
_SITE_BODY = re.compile(r"(主办|承办)(?:单位)?\s*[:：]\s*([\u4e00-\u9fff]{4,30})")
_TRAILING_DATE = re.compile(r"\d{4}(?:[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?)?(?:\d{1,2}:\d{2}(?::\d{2})?)?$")
# 2024-09-30 15:53 某某网: a page's date line ending with the outlet that published it.
_DATED_SITE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+"
                         r"([\u4e00-\u9fff]{2,12})$")
_NOTICE_SITE = re.compile(r"来源\s*[:：为]?\s*[“\"]?([\u4e00-\u9fff]+网)")


@dataclass
class Metadata:
    """What the boilerplate says about the article."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


# Day first, then month and a four-digit year (27.10.2014 13:11), as some sites write it.
_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)"
                        r"(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?")


def _iso_date(text: str) -> str | None:
    m = _DATE.search(text)
    day_first = _DAY_FIRST.search(text)
    if day_first and (not m or day_first.start() <= m.start()):
        day, _sep, month, year, hour, minute, second = day_first.groups()
        if int(month) > 12:  # 10/27/2014: month first
            day, month = month, day
    elif m:
        year, month, day, hour, minute, second = m.groups()
    else:
        return None
    if len(year) == 2:
        year = "20" + year
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    out = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        out += f"T{int(hour):02d}:{minute}"
        if second is not None:
            out += f":{second}"
    return out


# A news agency's or paper's dateline opening the body (year written or not):
# 某某网某市某月某日电 (记者…), 新华社北京2019年3月5日电.
_DATELINE = re.compile(r"^.{0,24}?(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电|讯)(?![视台话脑子力影商网信器站源动池缆线息号])")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)年")


def _dateline_date(blocks: list[Block]) -> str | None:
    """The date of a dateline that opens the body; with no year in it, the latest year
    the title and the first paragraph name (an article of 10月12日 about 2016年活动周)."""
    body = [b.text for b in blocks if b.kind == "body"]
    m = _DATELINE.match(body[0].strip()) if body else None
    if not m:
        return None
    year = m.group(1)
    if year is None:
        near = " ".join([b.text for b in blocks if b.kind == "title"][:1] + body[:1])
        years = [int(y) for y in _YEAR.findall(near)]
        if not years:
            return None
        year = str(max(years))
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(year):04d}-{month:02d}-{day:02d}"


# (…请报送市科技局。附件：1.评价材料盐城市科学技术局2024年2月5日附件.docx。: a page that ran
# a notice's lines together, its signature last)
_CLOSING_SIGNATURE = re.compile(r"(?:厅|局|委|委员会|政府|办公室|中心|院|会)\s*(\d{4})\s*年\s*(\d{1,2})\s*月"
                                r"\s*(\d{1,2})\s*日(?:\s*附件[^。\n]{0,60})?[。.]?\s*$")


def _closing_date(blocks: list[Block]) -> str | None:
    """The date of a notice's signature run into the end of its last paragraph."""
    body = [b.text for b in blocks if b.kind == "body"]
    m = _CLOSING_SIGNATURE.search(body[-1]) if body and any(b.kind == "addressee" for b in blocks) else None
    month, day = (int(m.group(2)), int(m.group(3))) if m else (0, 0)
    return f"{m.group(1)}-{month:02d}-{day:02d}" if m and 1 <= month <= 12 and 1 <= day <= 31 else None


# A page that ran its title, metadata and body into one line: 某某调研时间:2020-04-24 4月22日上午,…
_GLUED_DATE = re.compile(r"(?:发布|更新)?(?:时间|日期)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2})")


def _glued_date(blocks: list[Block]) -> str | None:
    """The date a metadata label gives inside the first paragraph's opening words."""
    body = [b.text for b in blocks if b.kind == "body" and len(b.text) > 8]  # (past a stray line: |)
    m = _GLUED_DATE.search(body[0][:160]) if body else None
    return _iso_date(m.group(1)) if m else None


def _names(group: str, glued: bool = False) -> list[str]:
    """Personal names in a byline's tail: 2–4 Chinese characters each, up to the
    next keyword (记者 张三 李四 编辑：王五 gives 张三, 李四); after 记者 (``glued``), a run
    of six or nine characters is names of three whose spaces the page lost."""
    group = re.sub(r"^\s*(记者|通讯员|实习生|特约记者)\s*", "", group)
    tail = re.split(r"记者|通讯员|作者|编辑|摄影|来源|发布|时间|浏览|点击|阅读|评论|文章|字数|收藏|分享|录入|责任",
                    group)[0]
    runs = re.split(r"[\s、，,/]+", tail.strip())
    runs = [p for r in runs for p in ([r[k:k + 3] for k in range(0, len(r), 3)] if glued and _GLUED.fullmatch(r)
                                      and not _BODY_END.search(r) else [r])]
    return [n for n in runs if _PERSON.match(n) and n not in _NOT_A_NAME and not _DEPARTMENT.search(n)]


def _add(target: list[str], names: list[str]) -> None:
    for name in names:
        if name not in target and not _SITE_END.search(name):
            target.append(name)


def read_metadata(blocks: list[Block]) -> Metadata:
    """Title, date, publisher, source, authors and editors from labelled lines."""
    meta = Metadata()
    publishers: list[str] = []
    cited: list[str] = []
    header = [b for b in blocks if b.kind in ("metadata", "byline", "navigation", "source")]
    for b in blocks:
        if b.kind == "title" and meta.title is None:
            meta.title = b.text
    for b in header:
        text = b.text
        if meta.date is None and b.kind == "metadata":
            meta.date = _iso_date(text)
        if b.kind in ("metadata", "source"):
            m = _SOURCE_LINE.search(text)
            value = _TRAILING_DATE.sub("", m.group(1)) if m else ""  # 来源:某某网2015-11-21: the date is the line's
            if value:
                if "-" in value:  # "site-paper": the site publishes what the paper wrote
                    site, paper = value.split("-", 1)
                    publishers.append(site)
                    meta.source = meta.source or paper
                elif b.kind == "source" or re.search(r"转载|转自", text):
                    meta.source = value
                else:
                    cited.append(value)
        if b.kind in ("byline", "metadata"):
            for m in _REPORTER.finditer(text):
                _add(meta.authors, _names(m.group(1), glued=m.group(0).startswith(("记者", "通讯员", "实习生"))))
            for m in _EDITOR.finditer(text):
                _add(meta.editors, _names(m.group(1)))
            dated = _DATED_SITE.match(text) if b.kind == "metadata" else None
            if dated and _SITE_END.search(dated.group(1)) and not _SOURCE_LINE.search(text):
                cited.append(dated.group(1))
            for m in re.finditer(r"作者\s*[:：]\s*(\S+)", text):
                if _SITE_END.search(m.group(1)):
                    publishers.append(m.group(1))
        if b.kind == "navigation":
            m = _WELCOME.search(text)
            if m:
                publishers.insert(0, m.group(1))
            parts = re.split(r"\s*>+\s*", re.sub(r"^.*位置\s*[:：]?\s*", "", text))
            if len(parts) > 1 and _SITE_END.search(parts[0]):
                publishers.insert(0, parts[0])
            elif _SITE_END.search(text) and len(text) <= 12:
                publishers.append(text)
    # Several issuers may sign on one line, apart (某省人社厅    某省财政厅): each is one.
    issuers = [part for b in blocks if b.kind == "signature" and not signature_date(b.text)
               for part in (b.text.split() if all(ISSUER.match(p) for p in b.text.split()) else [b.text])]
    signed = [signature_date(b.text) for b in blocks if b.kind == "signature" and signature_date(b.text)]
    if signed and meta.date is None:
        meta.date = signed[0]
    if meta.date is None:
        meta.date = _dateline_date(blocks) or _closing_date(blocks) or _glued_date(blocks)
    for b in blocks:
        m = _PUBLISHING_BODY.match(b.text) if b.kind == "metadata" else None
        if m and not issuers:
            issuers.append(m.group(1))
    for b in blocks:
        if b.kind == "copyright":
            for pattern in (_OWNER, _NOTICE_SITE):
                m = pattern.search(b.text)
                if m:
                    publishers.append(m.group(1))
    run = sorted((m.group(1) != "承办", m.group(2)) for b in blocks if b.kind == "copyright"
                 for m in _SITE_BODY.finditer(b.text) if ISSUER.match(m.group(2)))  # (a body that issues)
    publishers += [body for _, body in run[:1]]  # the body that runs the site, else the one that owns it
    # 来源 names the publisher unless the page names its own site otherwise, in which
    # case it is where the article came from.
    if publishers and cited and cited[0] not in publishers:
        meta.source = meta.source or cited[0]
    publishers += cited
    # A notice's issuer, who signs it, is its publisher, before the site that shows it.
    publishers = [i.replace(" ", "") for i in issuers] + publishers
    meta.publisher = publishers[0] if publishers else None
    if meta.source == meta.publisher:
        meta.source = None
    return meta
