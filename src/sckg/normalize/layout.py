"""Which lines of an article are its body and which are boilerplate.

Web pages wrap an article in navigation, bylines, metadata, copyright notices,
related-news and hot-topic lists and footers. Every clean line gets a kind; the body
is the run of lines after the title and its header that ends at the first notice or
sidebar heading. Boilerplate is kept and labelled, never dropped.
"""

from __future__ import annotations

import re

from sckg.model import Block
from sckg.normalize.notice import DOC_NUMBER, INDEX_TABLE, mark_notice

# _NAVIGATION and _FOOTER are tests (only whether they occur in a line counts), so
# they leave out what a match may but need not hold: 您当前所在位置 holds 位置, and
# "a - b - c" holds its runs' ends.
_NAVIGATION = re.compile(
    r"位置|>>|\S\s*>\s*\S+\s*>|^(首页|网站首页|新闻中心|新闻动态|"
    r"正文|返回|打印|关闭)$|加入收藏|设为首页|^您好.{0,3}欢迎|欢迎(进入|访问|光临|来到)|"
    r"上一篇|下一篇|^分享到|返回顶部|关闭窗口|打印本页|【字体|字号[:：]")
_COPYRIGHT = re.compile(
    r"版权(声明|所有|归)|版权及免责|免责声明|copyright|all rights reserved|icp备|公网安备|"
    r"未经(授权|许可).{0,6}(转载|使用|复制)|严禁转载|违者.{0,12}追究", re.IGNORECASE)
_RELATED = re.compile(
    r"^(相关(新闻|阅读|文章|报道|链接|推荐)|延伸阅读|精彩推荐|推荐阅读|猜你喜欢|更多(新闻|阅读|精彩)?|"
    r"阅读排行|图片新闻|最新(文章|新闻))$")
_HOT = re.compile(r"^(热点(视频|新闻|舆情|推荐|图片|专题)?|即时播报|热门(文章|新闻|推荐)?|"
                  r"排行榜?|今日(热点|推荐)|头条)$")
_FOOTER = re.compile(r"^(关注我们|微信公众号|官方微博|微博|微信|联系我们|关于(我们|本站)|网站地图|"
                     r"下载客户端)|\S\s+-\s+\S+\s+-\s+\S"
                     r"|^(已有|共有)?\d+(人|条)(发表了?|参与了?)?评论|^(发表|我要|网友|查看全部)评论")  # a comment box
HEADER_META = re.compile(
    r"(来源|时间|发布|发表|日期|浏览|点击|阅读(次数|量)?)\s*[:：]|^\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}")
ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]")
BYLINE = re.compile(r"(记者|通讯员|作者|责任编辑|编辑|摄影|撰稿|实习生)\s*[:：]?\s*[\u4e00-\u9fff]")
SOURCE = re.compile(r"^[（(]?(转自|转载自|转载于|稿件来源|文章来源|来源)\s*[:：]")
_SENTENCE_END = re.compile(r"[。！？!?；;]$|[。！？]”$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _is_short_label(line: str) -> bool:
    return len(line) <= 12 and not re.search(r"[，。,；]", line)


# A page's own line of date, time and labels (source, editor, author), wherever it stands.
_DATED_LABELS = re.compile(r"\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s+"
                           r"(?:来源|编辑|作者|责任编辑|发布人?)\s*[:：]")


def _kind_outside(line: str) -> str | None:
    """The kind of a line wherever it stands, or None if it reads as text."""
    if _COPYRIGHT.search(line):
        return "copyright"
    if len(line) <= 80 and _NAVIGATION.search(line):
        return "navigation"
    if _RELATED.match(line):
        return "related"
    if _HOT.match(line):
        return "hot"
    if len(line) <= 80 and _FOOTER.search(line):
        return "footer"
    return None


def _header_kind(line: str) -> str | None:
    if ORIGINAL_TITLE.match(line) or DOC_NUMBER.match(line) or INDEX_TABLE.match(line):
        return "metadata"
    if len(line) <= 100 and HEADER_META.search(line) and not _SENTENCE_END.search(line):
        return "metadata"
    byline = BYLINE.search(line)
    if len(line) <= 40 and byline and not _SENTENCE_END.search(line) \
            and not re.search("[。！？]", line[:byline.start()]):  # 某某主办。通讯员某某: a sentence first
        return "byline"
    return None


def _reads_as_text(line: str) -> bool:
    """True for a line of running text: a long line, or a sentence ending in a full
    stop (a site's slogan ends in ! and is short)."""
    return len(line) > 40 or (len(line) >= 15 and line.endswith(("。", "；", "。”", "？", "?")))


def _between_copyright(lines: list[str], j: int) -> bool:
    """Whether line ``j`` stands between two lines of a site's copyright notice."""
    return 0 < j < len(lines) - 1 and bool(_COPYRIGHT.search(lines[j - 1]) and _COPYRIGHT.search(lines[j + 1]))


def looks_like_title(line: str) -> bool:
    """A line that can be a title: not a sentence, not longer than a headline."""
    return (5 <= len(line) <= 72 and not _SENTENCE_END.search(line)
            and len(re.findall("[，,]", line)) <= 2 and not line.endswith(("：", ":")))


def _title_at(lines: list[str], j: int, question: bool = False) -> bool:
    """Whether line ``j`` can be the title: it looks like one (or is a question, where
    ``question`` allows: right above the page's metadata) and nothing before it reads
    as text (everything before a title is navigation and labels, and would be lost)."""
    line = lines[j]
    if not (looks_like_title(line) or question and line.endswith(("？", "?"))
            and looks_like_title(line.rstrip("？?"))):
        return False
    if _between_copyright(lines, j):
        return False  # 承办：某局 between a site's copyright lines: its footer
    return not any(_kind_outside(line) is None and _header_kind(line) is None and _reads_as_text(line)
                   for line in lines[:j])


def _find_title(lines: list[str]) -> int | None:
    """Index of the title line: the last item of a breadcrumb, else the line before
    the first metadata line, else the first line that is not navigation; in each case
    only a line that looks like a title with no running text before it. None when the
    article starts straight with its body."""
    for found, question in _title_candidates(lines):
        if _title_at(lines, found, question):
            return found
    return None


def _title_candidates(lines: list[str]):
    """The title's candidates, the likeliest first."""
    head = lines[:20]
    for line in head:
        if _NAVIGATION.search(line) and re.search(r">", line):
            last = re.split(r"\s*>+\s*", line)[-1].strip()
            for j, other in enumerate(head):
                # The breadcrumb's last item is the page's title, in full or cut short.
                if other != line and len(last) >= 6 and other.startswith(last.rstrip(".…")):
                    yield j, True
    for j, line in enumerate(head):
        if _header_kind(line) in ("metadata", "source") and not ORIGINAL_TITLE.match(line):
            for k in range(j - 1, -1, -1):
                if _kind_outside(head[k]) is None and _header_kind(head[k]) is None:
                    yield k, True  # (a headline may ask: 孵化器们，你们还好吗？)
                    break
            break
    for j, line in enumerate(head):
        if _kind_outside(line) is None and _header_kind(line) is None and len(line) >= 5:
            yield j, False
            break


def _text_follows(lines: list[str], start: int) -> bool:
    """Whether running text (a long paragraph of sentences) follows ``start`` before a
    copyright notice: then a sidebar heading or share bar there is not the body's end."""
    for line in lines[start:]:
        if _COPYRIGHT.search(line):
            return False
        if len(line) >= 60 and "。" in line and len(re.findall("[，,]", line)) >= 2:
            return True
    return False


def _no_body_fallback(lines: list[str], kinds: list[str]) -> None:
    """When nothing was read as body, every line that reads as text is body (a page
    about something else builds to the little it says); failing that, the title."""
    for i, line in enumerate(lines):
        if kinds[i] in ("navigation", "title") and _kind_outside(line) is None \
                and _header_kind(line) is None and len(_CJK.findall(line)) >= 6:
            kinds[i] = "body"


def classify(lines: list[str]) -> list[str]:
    """A kind for every line: ``title``, ``body`` or a boilerplate kind."""
    kinds = ["navigation"] * len(lines)
    title = _find_title(lines)
    if title is None:
        title = -1
    else:
        kinds[title] = "title"
    i = title + 1
    # Header: metadata, bylines, navigation and the original title before the body.
    while i < len(lines):
        line = lines[i]
        kind = _header_kind(line) or _kind_outside(line)
        if kind is None and i > 0 and ORIGINAL_TITLE.match(lines[i - 1]) and title >= 0 \
                and line in lines[title]:
            kind = "metadata"  # the original title running onto a second line
        if kind is None and _between_copyright(lines, i):
            kind = "copyright"  # 承办：某局 between a site's copyright lines: its footer
        if kind is None:
            break
        kinds[i] = kind
        i += 1
    # Body: up to the first notice or sidebar heading.
    section = None
    while i < len(lines):
        line = lines[i]
        outside = _kind_outside(line)
        if section is None:
            if outside in ("copyright", "related", "hot", "footer") or (
                    outside == "navigation" and re.search(r"上一篇|下一篇|分享到", line)):
                kinds[i] = outside
                if outside != "copyright" and _text_follows(lines, i + 1):
                    i += 1  # a share bar or a heading above the article itself: read on
                    continue
                section = outside
            elif SOURCE.match(line) and len(line) <= 40:
                kinds[i] = "source"
            elif _DATED_LABELS.match(line) and len(line) <= 100 and not _SENTENCE_END.search(line):
                kinds[i] = "metadata"  # 2023-01-06 21:17:19 来源:某报 编辑:某某, the page's line below the body
            elif BYLINE.match(line) and len(line) <= 30 and not _SENTENCE_END.search(line):
                kinds[i] = "byline"
            elif re.match(r"^[（(【\[](记者|编辑|责任编辑|通讯员)", line) and len(line) <= 30:
                kinds[i] = "byline"
            else:
                kinds[i] = "body"
        else:
            # Past the body: a heading opens a section; other lines belong to it.
            if outside in ("related", "hot", "footer", "copyright"):
                section = outside
                kinds[i] = outside
            elif outside == "navigation":
                kinds[i] = "navigation"
            else:
                kinds[i] = "related" if section in ("copyright", "navigation") else section
        i += 1
    mark_notice(lines, kinds)
    if "body" not in kinds:
        _no_body_fallback(lines, kinds)
    return kinds


def blocks(clean: str) -> list[Block]:
    """One Block per non-empty line of ``clean``, with its kind and clean offsets."""
    lines = clean.split("\n")
    kinds = classify(lines)
    out: list[Block] = []
    pos = 0
    for line, kind in zip(lines, kinds):
        if line:
            out.append(Block(kind, pos, pos + len(line), line))
        pos += len(line) + 1
    return out
