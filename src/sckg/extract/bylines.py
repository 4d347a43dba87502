"""Bylines in an article's body: reporters in brackets at a paragraph's head or end
(本报讯（记者 某某）, ……。(某某)), credits (采写：某某 编辑：某某), and the outlet a report
opens with (某某网讯, 人民网某地某日电)."""

from __future__ import annotations

import re

from sckg.extract.lexicon import SURNAMES
from sckg.extract.words import common_word, tag
from sckg.model import Article, Mention

# A reporter's byline in brackets at the head or the end of a paragraph: 本报讯（记者 张某
# 李某）, ……。(全媒体记者 王某).
_BODY_BYLINE = re.compile(r"[（(【]\s*(?:本报|本刊|本台|本网|本站|全媒体|融媒体|首席|特约|见习)?(?:记者|通讯员)\s*"
                          r"((?:[\u4e00-\u9fff]{2,4}[\s、，,]*){1,4})[）)】]")
_BYLINE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_ROLE = re.compile(r"(?:本报|全媒体|融媒体|见习|特约)?(?:记者|通讯员|实习生)")
# A paragraph that is only a line of reporters whose names lost their spaces: □本报记者甲乙.
_HEAD_REPORTERS = re.compile(r"\W{0,3}(?:本报|本刊|全媒体|融媒体|见习|特约)?记者\s*([\u4e00-\u9fff]{4,9})\s*")
# A name alone in brackets closing a paragraph: ……提供支持。(某某)
_CLOSING_NAME = re.compile(r"[。！？!?][（(]([\u4e00-\u9fff]{2,3})[）)]\s*$")
# A news agency's or paper's opening with its reporters in brackets: 某某日报讯（甲 乙）,
# 某某消息（记者甲）, 某某网某地4月18日电（甲）.
# (某某网讯（某县融媒记者 甲）: the outlet before 记者 is no name.)
_DATELINE_BYLINE = re.compile(r"(?:讯|消息|日电)\s*[（(]\s*(?:[\u4e00-\u9fff]{0,8}?(?:记者|通讯员))?\s*"
                              r"([\u4e00-\u9fff\s、，,]{2,16})[）)]")
# A report's opening that names its reporters: 本报某地5月15日电 记者某某报道：.
_REPORTED = re.compile(r"(?:记者|通讯员)\s*((?:[\u4e00-\u9fff]{2,3}[\s、]*?){1,3})\s*报道[：:]")
# Credits at a paragraph's end: （采写：甲 编校：乙）, 编辑/甲 制作/乙.
_CREDIT_WORDS = "采写|撰稿|撰文|记者|通讯员|编辑|责编|责任编辑|编校|审核|终审|初审|校对|制作|监制|摄影|图片|发稿"
_CREDIT = re.compile(rf"({_CREDIT_WORDS})\s*[:：/]\s*([\u4e00-\u9fff]{{2,3}}?)"
                     rf"(?=[^\u4e00-\u9fff]|$|(?:{_CREDIT_WORDS})\s*[:：/])")
_WRITERS = ("采写", "撰稿", "撰文", "记者", "通讯员")
# A photographer credited after the name under a photograph: ……活动现场。 某某 摄
_PHOTO = re.compile(r"(?:^|(?<=[\s。！？!?]))([\u4e00-\u9fff]{2,3})\s+摄(?=\s|$)")


def _split_names(chunk: str) -> list[tuple[int, int]]:
    """Names in a run of Han characters with or without separators: 甲 乙, 甲、乙, and
    two names written together (two or three characters each, each after a surname)."""
    out = []
    for m in _BYLINE_NAME.finditer(chunk) if re.search(r"[\s、，,]", chunk) else [re.match(r".*", chunk)]:
        run, base = m.group(0), m.start()
        if len(run) <= 4:
            out.append((base, base + len(run)))
            continue
        out += [(base + s, base + e) for s, e in _glued(run)]
    return out


def _glued(run: str) -> list[tuple[int, int]]:
    """Names written together (甲乙, 甲乙丙), each of two or three characters after a
    surname, three-character names tried first; none when the run splits no such way."""
    for k in (3, 2):
        rest = run[k:]
        if len(run) >= k and run[0] in SURNAMES and (not rest or len(rest) >= 2 and rest[0] in SURNAMES):
            tail = _glued(rest) if rest else []
            if tail or not rest:
                return [(0, k)] + [(s + k, e + k) for s, e in tail]
    return []


def body_bylines(article: Article) -> list[tuple[int, int]]:
    """Clean spans of the reporters named in bracketed bylines inside body paragraphs, and
    of a name alone in brackets after a paragraph's last sentence."""
    spans = []
    for b in article.body_blocks:
        for m in _BODY_BYLINE.finditer(b.text):
            if m.start() > 12 and m.end() < len(b.text) - 1:
                continue  # only at a paragraph's head (本报讯…) or its end
            for name in _BYLINE_NAME.finditer(_ROLE.sub(lambda r: " " * len(r.group(0)), m.group(1))):
                if name.group(0)[0] in SURNAMES or name.group(0)[:2] in SURNAMES:  # (记者甲 通讯员乙: both)
                    spans.append((b.start + m.start(1) + name.start(), b.start + m.start(1) + name.end()))
        closing = _CLOSING_NAME.search(b.text)
        name = closing.group(1) if closing else ""
        if name and (name[0] in SURNAMES or name[:2] in SURNAMES) and not common_word(name) and tag(name) != "ns":
            spans.append((b.start + closing.start(1), b.start + closing.end(1)))
        for m in _REPORTED.finditer(b.text, 0, 60):  # 本报某地某日电 记者某某报道：
            for name in _BYLINE_NAME.finditer(m.group(1)):
                if name.group(0)[0] in SURNAMES or name.group(0)[:2] in SURNAMES:
                    spans.append((b.start + m.start(1) + name.start(), b.start + m.start(1) + name.end()))
        glued = _HEAD_REPORTERS.fullmatch(b.text)  # □本报记者甲乙: a line of names that lost their spaces
        if glued:
            spans += [(b.start + glued.start(1) + s, b.start + glued.start(1) + e) for s, e in _glued(glued.group(1))]
        head = _DATELINE_BYLINE.search(b.text, 0, 40)
        if head:
            for s, e in _split_names(head.group(1).strip()):
                k = head.start(1) + len(head.group(1)) - len(head.group(1).lstrip())
                name = b.text[k + s:k + e]
                if name and (name[0] in SURNAMES or name[:2] in SURNAMES):
                    spans.append((b.start + k + s, b.start + k + e))
    return sorted(set(spans))


def body_credits(article: Article) -> list[tuple[int, int, str]]:
    """Writers and editors credited in body paragraphs (采写：某某, 编辑/某某, 某某 摄): clean spans
    and the relation to the article (``creator`` or ``editor``)."""
    out = []
    for b in article.body_blocks:
        for m in _CREDIT.finditer(b.text):
            name = m.group(2)
            if name[0] in SURNAMES or name[:2] in SURNAMES:
                role = "creator" if m.group(1) in _WRITERS else "editor"
                out.append((b.start + m.start(2), b.start + m.end(2), role))
        for m in _PHOTO.finditer(b.text):  # (a photographer is credited as 摄影 is: an editor)
            name = m.group(1)
            if (name[0] in SURNAMES or name[:2] in SURNAMES) and not common_word(name):
                out.append((b.start + m.start(1), b.start + m.end(1), "editor"))
    return out


# The outlet a report's opening names: 某某网讯, 人民网某地某日电, 据新华社某地某日电,
# 某某网·某某新闻讯, 某某日报社/某某新闻12月16日讯, 某某新闻客户端6月17日电, 央广网某地5月11日消息.
_DATELINE_OUTLET = re.compile(r"^[【\[(（]?\s*据?(?!本)([\u4e00-\u9fff]{1,8}?(?:日报社|报社|新闻网|网|社|报|台|新闻))"
                              r"(?=(?:[·/][\u4e00-\u9fff]{2,6})?(?:客户端)?[\u4e00-\u9fff]{0,6}?(?:\d{4}年)?"
                              r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯|消息))"
                              # …or its reporter opening the report: 某某网记者 某某 某地报道
                              r"|^([\u4e00-\u9fff]{2,8}?(?:日报社|报社|新闻网|网|社|报|台|新闻))(?=(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,3})"
                              # …or an outlet of any name by its app: 某某经纬客户端某月某日电
                              r"|^([\u4e00-\u9fff]{2,8}?)(?=客户端[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:电|讯))")


# A wire dateline after a photo's credit or a sentence in the same paragraph: …某某 摄 中新网成都5月11日电.
_INNER_DATELINE = re.compile(r"(?:(?<=[。！？\s])|(?<=摄))(?!本)([\u4e00-\u9fff]{1,8}?(?:新闻网|网|社))"
                             r"(?=[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日电)")


def dateline_outlets(article: Article) -> list[tuple[int, int]]:
    """Clean spans of the outlets named at the opening of body paragraphs (某某网讯), or in
    a wire dateline inside one (…某某 摄 中新网成都5月11日电)."""
    spans = []
    for b in article.body_blocks:
        m = _DATELINE_OUTLET.match(b.text)
        if m and not m.group(m.lastindex).endswith(("本报", "本刊", "本台", "本网")):  # 根据本报记者…: the paper itself
            spans.append((b.start + m.start(m.lastindex), b.start + m.end(m.lastindex)))
        elif m is None:
            spans += [(b.start + k.start(1), b.start + k.end(1)) for k in _INNER_DATELINE.finditer(b.text)]
    return spans


def dateline_sources(article: Article, mentions: list[Mention]) -> tuple[list[Mention], list[int]]:
    """The outlets :func:`dateline_outlets` finds, as mentions to add to ``mentions`` (those no
    other name covers; a place inside, 某市 of 某市新闻网, does not block one), and the index in
    ``mentions`` and those added of every such outlet, the article's sources (人民网某地某日电:
    the outlet may have been read by its name already)."""
    added: list[Mention] = []
    sources: list[int] = []
    for start, end in dateline_outlets(article):
        read = next((i for i, m in enumerate(mentions) if (m.start, m.end, m.category) == (start, end, "MediaOutlet")), None)
        if read is None and not any(m.start < end and start < m.end and m.category != "Place" for m in mentions + added):
            added.append(Mention(article.clean[start:end], start, end, "MediaOutlet", "MediaOutlet"))
            read = len(mentions) + len(added) - 1
        if read is not None:
            sources.append(read)
    return added, sources

