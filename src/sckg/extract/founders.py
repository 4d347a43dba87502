"""Founders and what they found: 创始人 posts (a person who 创立/创办/打造 an organisation,
or who says 我成立了 it in a quotation attributed to them), the company a quoted name
founded is (某某创办的“某某”), and quoted projects (项目“某某”, “某某”APP)."""

from __future__ import annotations

import re

from sckg.extract.people import ORG_CATEGORIES
from sckg.model import Mention, Relation

_FOUNDING = re.compile(r"(创立|创办|成立|打造|创建)(了)?的?")
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
_PROJECT = re.compile(r"项目[“\"]([^”\"]{2,20})[”\"]|[“\"]([^”\"]{2,20})[”\"](?:软件|APP|项目)")
_FOUNDED = re.compile(r"(?:创立|创办|打造|开办)的[“\"]([^”\"，。]{2,20})[”\"]")


def quoted_projects(text: str) -> list[Mention]:
    """Projects named in quotation marks after 项目 or before 软件, APP, 项目."""
    out = []
    for m in _PROJECT.finditer(text):
        g = 1 if m.group(1) else 2
        out.append(Mention(m.group(g), m.start(g), m.end(g), "Project", "Project"))
    return out


def founded_companies(text: str, names: list[Mention]) -> list[Mention]:
    """A quoted name someone founded (某某创办的“某某”), a company, where ``names`` hold none."""
    return [Mention(m.group(1), m.start(1), m.end(1), "Company", "Company") for m in _FOUNDED.finditer(text)
            if not any(n.start <= m.start(1) < n.end for n in names)]


def founders(text: str, mentions: list[Mention]) -> list[Relation]:
    """创始人 posts: a person who 创立/创办/打造 an organisation, or who says 我成立了 it."""
    out = []
    for sentence in _SENTENCE.finditer(text):
        s0, s1 = sentence.span()
        people = [i for i, m in enumerate(mentions) if m.category == "Person" and s0 <= m.start < s1]
        for m in _FOUNDING.finditer(text, s0, s1):
            orgs = [i for i, o in enumerate(mentions) if o.category in ORG_CATEGORIES
                    and m.end() <= o.start <= m.end() + 2 and o.end <= s1]
            if not orgs:
                continue
            if text[max(s0, m.start() - 1):m.start()] == "我" or "我" in text[s0:m.start()][-3:]:
                speaker = _speaker(text, mentions, s1)
                if speaker is not None:
                    out.append(Relation("post", speaker, orgs[0], "创始人"))
                continue
            before = [i for i in people if mentions[i].end <= m.start()]
            if before and text[m.end() - 1] == "的":
                out.append(Relation("post", before[-1], orgs[0], "创始人"))
    return out


def _speaker(text: str, mentions: list[Mention], after: int) -> int | None:
    """The person a quotation is attributed to: the first name after its close."""
    close = text.find("”", after - 1)
    if close == -1:
        return None
    for i, m in enumerate(mentions):
        if m.category == "Person" and close < m.start <= close + 3:
            return i
    return None
