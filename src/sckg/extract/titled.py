"""Programmes and events set off by 《》 or quotation marks: 《…》 is a document's
title (a periodical's when a masthead post follows it: 《某某》总编辑); a quoted name is
a programme when its words or the word after it say so (“某某”工程, “某某计划”), or an
event when 活动 follows it."""

from __future__ import annotations

import re

from sckg.extract.lexicon import QUOTED_EVENT, QUOTED_PROGRAMME
from sckg.model import Mention

BOOK = re.compile(r"《([^《》\n]{2,60})》")
# Posts on a periodical's masthead, and its offices: what follows a title in 《》 that
# names a newspaper or magazine.
_MASTHEAD_POST = re.compile(r"(杂志社|报社|编辑部|副?总编辑|副?总编|副?主编|副?社长|记者|编辑)")
# A title in 《》 that names a newspaper or magazine (《某某青年报》), not a document.
_PERIODICAL = re.compile(r"(?:日报|晚报|早报|青年报|商报|时报|导报|周报|画报|科技报|经济报|杂志|周刊|月刊|旬刊)$")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,30})[”\"]")
_SENTENCE_PUNCT = re.compile(r"[，。！？,!?]")
_PROGRAMME_TAIL = re.compile(r"(创新工程|工程|行动|战略|计划)")
_ACTIVITY = re.compile(r"活动")
_QUOTED_COURSE = re.compile(r"(?:专题|能力|业务|技能|创业)培训$")


def titled_names(text: str) -> list[Mention]:
    """Programmes and events set off by 《》 or quotation marks."""
    found: list[Mention] = []
    for m in BOOK.finditer(text):
        if _MASTHEAD_POST.match(text, m.end()) or _PERIODICAL.search(m.group(1)):  # 《某某》总编辑, 《某某日报》
            found.append(Mention(m.group(1), m.start(1), m.end(1), "MediaOutlet", "MediaOutlet"))
            continue
        found.append(Mention(m.group(1), m.start(1), m.end(1), "Programme", "PolicyDocument"))
    for m in _QUOTED.finditer(text):
        inner = m.group(1)
        if _SENTENCE_PUNCT.search(inner):
            continue
        after = text[m.end():m.end() + 4]
        if QUOTED_PROGRAMME.search(inner):
            found.append(Mention(inner, m.start(1), m.end(1), "Programme", "ActionProgramme"))
        elif _PROGRAMME_TAIL.match(after):
            tail = _PROGRAMME_TAIL.match(after).group(0)
            found.append(Mention(text[m.start(0):m.end() + len(tail)], m.start(0),
                                 m.end() + len(tail), "Programme", "ActionProgramme"))
        elif _QUOTED_COURSE.search(inner) and len(inner) > 4:  # 举办“某某专题培训”: a course
            found.append(Mention(inner, m.start(1), m.end(1), "Event", "TrainingCourse"))
        elif QUOTED_EVENT.search(inner) and _ACTIVITY.match(after):
            found.append(Mention(inner, m.start(1), m.end(1), "Event", "ActivityWeek"))
    return found
