"""Government notices read as notices.

A notice (通知, 公告, 公示, 决定) is laid out as: an index table on the site (索引号,
发布机构, 成文日期 …), a document number (苏科高发〔2020〕229号), the title, an addressee
line (各设区市科技局：), the body, a list of attachments (附件：1. …), a signature block
(the issuing agency on one line, the date on the next) and a publicity note
((此件公开发布)). The document number, the addressee and the publicity note are
metadata; attachments and the signature are their own kinds, so the body is the text
between them, the issuer is the article's publisher and the signature date its date.
"""

from __future__ import annotations

import re

# (国科发高〔2010〕629号  2010-10-21  全文有效: a legal database's line, the date and validity after)
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号"
                        r"(?:\s+\d{4}-\d{1,2}-\d{1,2}(?:\s+(?:全文)?(?:有效|失效|废止|已修订))?)?$")
# (…科技厅(委、局)、教育厅(委、局)：: the bodies' other names in brackets after the last)
ADDRESSEE = re.compile(r"^各[^。！？]{1,80}[：:]$|^[\u4e00-\u9fff、，,（）()]{2,80}(局|厅|委|委员会|政府|单位|部门|公司)"
                       r"(?:[（(][\u4e00-\u9fff、，,]{1,10}[)）])?[：:]$")
PUBLICITY = re.compile(r"^[（(]\s*(此件|本件)?[^（()）]{0,8}(公开|发布|不另行文)[^（()）]{0,6}[)）]$")
ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?")
ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.、．]\s*\S")
_INDEX_FIELDS = ("索引号", "发布机构", "发文机关", "成文日期", "发布日期", "生成日期", "主题分类", "体裁分类", "发文字号",
                 "文号", "有效性", "所属主题", "公开方式", "公开范围", "备注")
# (索 引 号: spaced out as a page's table lays it; 备注/文号: two fields in one cell)
INDEX_TABLE = re.compile("^(?:" + "|".join(r"\s*".join(field) for field in _INDEX_FIELDS) + ")")
_DIGIT = "〇○零一二三四五六七八九"
_CN_DATE = re.compile(rf"^([{_DIGIT}]{{4}})年([十{_DIGIT}]{{1,2}})月([十{_DIGIT}]{{1,3}})日$")
# (2023年1114: a date whose 月 and 日 a page lost, the month and day in four digits)
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$|^(\d{4})-(\d{1,2})-(\d{1,2})$"
                   r"|^(\d{4})\s*年?\s*(\d{2})(\d{2})$")  # (20231228, 2023年1228: digits run together)
ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}(厅|局|委|委员会|政府|办公室|办公厅|部|中心|院|会|处|站|办|署)$")  # (教育部)


_VALUE = {c: max(i - 2, 0) for i, c in enumerate(_DIGIT)}  # 〇 ○ 零 → 0, 一 → 1 … 九 → 9


def _cn_number(text: str) -> int:
    """A date part written in Chinese numerals: 二○一一 → 2011, 十六 → 16, 二十 → 20."""
    if len(text) == 4:
        return int("".join(str(_VALUE[c]) for c in text))
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_VALUE[tens] if tens else 1) * 10 + (_VALUE[units] if units else 0)
    return _VALUE[text]


def signature_date(line: str) -> str | None:
    """The ISO date of a signature's date line (2020年9月7日, 二○一一年二月十六日)."""
    m = _DATE.match(line.strip())
    if m:
        year, month, day = (int(g) for g in next(m.groups()[k:k + 3] for k in (0, 3, 6) if m.group(k + 1)))
    else:
        m = _CN_DATE.match(line.strip())
        if not m:
            return None
        year, month, day = (_cn_number(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def mark_notice(lines: list[str], kinds: list[str]) -> None:
    """Relabel the parts of a notice in ``kinds`` (left alone for other articles)."""
    if not any(DOC_NUMBER.match(line) or ADDRESSEE.match(line) or INDEX_TABLE.match(line) for line in lines) \
            and not _signed(lines):
        return
    for i, line in enumerate(lines):
        if kinds[i] not in ("body", "title", "navigation", "related"):
            continue
        if DOC_NUMBER.match(line) or INDEX_TABLE.match(line) or PUBLICITY.match(line):
            kinds[i] = "metadata"
        elif ADDRESSEE.match(line) and kinds[i] != "title":
            kinds[i] = "addressee"
    _mark_signature(lines, kinds)


def _signed(lines: list[str]) -> bool:
    """Whether an agency's line, then a date line, are among the last lines (a notice
    without a document number or addressee: 某局 / 2020年10月20日)."""
    filled = [line.strip().replace(" ", "") for line in lines if line.strip()][-4:]
    return any(ISSUER.match(a) and signature_date(b) for a, b in zip(filled, filled[1:]))


def _mark_signature(lines: list[str], kinds: list[str]) -> None:
    """The issuer and date lines of the signature, and the attachments before them."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for k, i in enumerate(filled):
        if not signature_date(lines[i]) or kinds[i] not in ("body", "related", "navigation"):
            continue
        j = filled[k - 1] if k else None
        if j is not None and ISSUER.match(lines[j].replace(" ", "")) and \
                kinds[j] in ("body", "related", "navigation"):
            kinds[j] = kinds[i] = "signature"
            _mark_attachments(lines, kinds, j)
            return
        if k >= len(filled) - 3:  # a date alone among the last lines signs the notice
            kinds[i] = "signature"
            _mark_attachments(lines, kinds, i)
            return


def _mark_attachments(lines: list[str], kinds: list[str], end: int) -> None:
    """附件 lines (and the numbered items after them) before the signature at ``end``."""
    inside = False
    for i in range(end):
        line = lines[i].strip()
        if ATTACHMENT.match(line) and len(line) <= 80:
            inside = True
        elif inside and not ATTACHMENT_ITEM.match(line):
            inside = False
        if inside and kinds[i] == "body":
            kinds[i] = "attachment"
