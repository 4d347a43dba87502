"""People and their posts: names after a title (副局长林某某), before a verb of
speech (周某某说), with a middle dot (艾某·买某某); posts read leftwards from
the name through titles and the organisations that precede them
(省商务厅党组成员、副厅长林某某 gives two posts at one agency)."""

from __future__ import annotations

import re
from collections.abc import Callable

from sckg.extract.lexicon import NOT_NAME_CHARS, SPEECH, SURNAMES, TITLES
from sckg.model import Mention, Relation

_BOUNDARY_WORDS = ("说", "表示", "介绍", "指出", "强调", "认为", "到", "在", "等", "和", "与",
                   "及", "是", "为", "也", "就", "所", "以", "对", "向", "带", "凭", "因", "正",
                   "激动", "出席", "参加", "主持", "率", "一行", "同志", "先生", "女士", "的",
                   "表态", "讲话", "致辞", "陪同", "汇报", "告诉", "称", "创立", "创办", "成立",
                   "打造", "创建", "带领", "牵头", "领衔", "做", "作", "从", "赴", "主持", "解释",
                   "分享", "发表", "宣布", "提出", "希望", "要求", "代表", "参观", "考察", "调研",
                   "视察", "看望", "慰问", "会见", "听取", "首先", "随后", "一行")
_PUNCT = set("，。、；：？！“”‘’《》（）()【】,.;:?!\"' \n—…")
_SPEECH_RE = re.compile(SPEECH)
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}")
_FOUNDING = re.compile(r"(创立|创办|成立|打造|创建)(了)?的?")
_TITLE_RE = re.compile("|".join(map(re.escape, TITLES)))
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
# A verb of speech that ends its clause: 刘新说, is 刘新 speaking, not 刘新说.
_SPOKEN = re.compile(r"(说|称|表示|介绍|指出|强调|认为|坦言|透露)")
# Last characters of an organisation's name (市科技局, 高新处, 县科协, 某某公司).
_BODY_TITLES = ("党工委", "党委", "党组")
_CONTACT = re.compile(r"联系人\s*[:：]\s*(?:[\u4e00-\u9fff]{1,10}(?:处|科|室|中心|办|部)\s+)?"
                      r"([\u4e00-\u9fff]{2,3})(?=[\s,，、；;（(\d]|$)")
_ORG_END = set("处厅局委会办院司部所站室组队心协社厂")
# Function words that are also common in given names (唐于某, 王为某, 李和某): in the middle
# of three characters set off by punctuation, they are a name's.
_NAME_MIDDLE = set("于为和以")
# A short aside between a post and the name: 副书记(主持工作)某某, 副部长(兼)….
_ASIDE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]")
_ASIDE_BEFORE = re.compile(r"[(（][\u4e00-\u9fff]{1,6}[)）]$")
ORG_CATEGORIES = {"GovernmentAgency", "PublicInstitution", "Company", "Cooperative", "University",
                  "ResearchInstitute", "Association", "MediaOutlet", "InnovationCarrier", "Project"}


def _boundary(text: str, pos: int) -> bool:
    if pos >= len(text) or text[pos] in _PUNCT or text[pos].isdigit():
        return True
    if any(text.startswith(w, pos) for w in _BOUNDARY_WORDS):
        return True
    # A common two-character word right after the name (某某结合…): jieba's dictionary.
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(text[pos:pos + 2], 0) > 5000


def _surname_ok(name: str) -> bool:
    return name[0] in SURNAMES or name[:2] in SURNAMES


def _spoken_at(text: str, pos: int) -> bool:
    """Whether a verb of speech that closes its clause starts at ``pos``."""
    m = _SPOKEN.match(text, pos)
    return bool(m) and (m.end() == len(text) or text[m.end()] in _PUNCT)


def read_name(text: str, pos: int) -> int | None:
    """End of a personal name starting at ``pos`` (2–4 characters), or None. A title
    there (厅长党组书记某某: 党组 is no name) starts no name."""
    if _TITLE_RE.match(text, pos):
        return None
    for length in (3, 2, 4):
        name = text[pos:pos + length]
        if len(name) < length or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        if not _surname_ok(name) or any(c in NOT_NAME_CHARS for c in name[1:]) and not (
                length == 3 and name[1] in _NAME_MIDDLE and name[2] not in NOT_NAME_CHARS
                and (text[pos + 3:pos + 4] in _PUNCT or text.startswith(("同志", "等"), pos + 3))):
            continue
        if length == 3 and _spoken_at(text, pos + 2):
            continue
        if _boundary(text, pos + length):
            return pos + length
    return None


def _listed_no_name(text: str, start: int, end: int) -> bool:
    """Whether what follows a 、 after a name is no name: a place of jieba's dictionary
    (、武汉…), or a word a title follows (、项目部部长某某: a unit before its post)."""
    return _TITLE_RE.match(text, end) is not None or _tag(text[start:end]) == "ns"


def _tag(word: str) -> str:
    import jieba.posseg

    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.posseg.dt.word_tag_tab.get(word, "")


def _before_speech(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _SPEECH_RE.finditer(text):
        for length in (3, 2):
            start = m.start() - length
            if start < 0:
                continue
            name = text[start:m.start()]
            if not all("\u4e00" <= c <= "\u9fff" for c in name) or not _surname_ok(name):
                continue
            if any(c in NOT_NAME_CHARS for c in name[1:]):
                continue
            if start == 0 or text[start - 1] in _PUNCT or text[start - 1] in "的如" or any(
                    text.endswith(t, 0, start) for t in TITLES):
                spans.append((start, m.start()))
                break
    return spans


def _before_title(text: str, org_ends: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Names written before their post: 林某调研员, 王某副局长 (after an organisation, a
    comma or a list mark, and followed by what ends a name's clause); ``org_ends`` are
    where named organisations end (某某联盟侯某理事长)."""
    spans = []
    for m in _TITLE_RE.finditer(text):
        if not _boundary(text, m.end()) and text[m.end():m.end() + 1] not in ("在", "、"):
            continue
        for length in (3, 2):
            start = m.start() - length
            name = text[max(start, 0):m.start()]
            if start < 0 or not all("\u4e00" <= c <= "\u9fff" for c in name) or not _surname_ok(name):
                continue
            if any(c in NOT_NAME_CHARS or c in _ORG_END for c in name[1:]) or _common_word(name):
                continue
            if start == 0 or text[start - 1] in _PUNCT or text[start - 1] in _ORG_END or start in org_ends:
                spans.append((start, m.start()))
                break
    return spans


def _common_word(word: str) -> bool:
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0) > 1000


def _drop_descriptive_head(text: str, start: int, dot: int) -> int:
    """青年创业者热合曼·吐尔逊: common words before a transliterated name are no part of it."""
    import jieba

    jieba.dt.check_initialized()
    for word in jieba.lcut(text[start:dot], HMM=False):
        if dot - start - len(word) < 2 or jieba.dt.FREQ.get(word, 0) <= 100 or len(word) < 2:
            break
        start += len(word)
    return start


def _dot_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DOT_NAME.finditer(text):
        start, end = m.span()
        cut = max(text.rfind(c, start, text.index("·", start)) for c in "的了是在和与")
        if cut >= start:
            start = cut + 1
        for w in ("带着", "带著", "凭着", "凭著", "激动", "说", "表示", "介绍", "正"):
            k = text.find(w, text.index("·", start), end)
            if k != -1:
                end = k
        start = _drop_descriptive_head(text, start, text.index("·", start))
        if end - start >= 4:
            spans.append((start, end))
    return spans


def find_people(text: str, taken: list[Mention],
                confirm: Callable[[int, int], bool] | None = None) -> list[Mention]:
    """Personal names in ``text``, not overlapping the names already ``taken``.

    A name found only by what follows it (a title after it, a verb of speech) is kept
    when ``confirm(start, end)`` agrees (the learned recogniser sees a person there):
    those cues also follow common words (取得的成绩以…, 部门相关负责人)."""
    spans: set[tuple[int, int]] = set()
    org_ends = {t.end for t in taken if t.category in ORG_CATEGORIES}
    weak = set(_before_title(text, org_ends)) | set(_before_speech(text))
    if confirm is not None:
        weak = {(s, e) for s, e in weak if confirm(s, e)}
    for m in _TITLE_RE.finditer(text):
        aside = _ASIDE.match(text, m.end())  # 副书记(主持工作)某某
        start = aside.end() if aside else m.end()
        end = read_name(text, start)
        while end:  # 副主任张某、李某某等: every name of the list after the title
            spans.add((start, end))
            if text[end:end + 1] != "、":
                break
            start, end = end + 1, read_name(text, end + 1)
            if end and _listed_no_name(text, start, end):
                break
    spans.update(weak)
    for m in _CONTACT.finditer(text):  # 联系人：高新处 张某 0571-…
        if _surname_ok(m.group(1)):
            spans.add(m.span(1))
    spans.update(_dot_names(text))
    out = []
    for start, end in sorted(spans):
        if any(t.start < end and start < t.end for t in taken):
            continue
        if any(s < end and start < e and (s, e) != (start, end) and e - s > end - start
               for s, e in spans):
            continue
        out.append(Mention(text[start:end], start, end, "Person", "Person"))
    return out


def more_mentions(text: str, names: set[str], taken: list[Mention]) -> list[Mention]:
    """Every other occurrence of a name already known to be a person's."""
    out: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name) if name else -1
        while start != -1:  # each occurrence, left to right, not overlapping
            end = start + len(name)
            if not any(t.start < end and start < t.end for t in taken) and not any(
                    t.start < end and start < t.end for t in out):
                out.append(Mention(name, start, end, "Person", "Person"))
            start = text.find(name, end)
    return out


def posts(text: str, mentions: list[Mention]) -> list[Relation]:
    """Posts read leftwards from each person through titles and organisations."""
    by_end = {m.end: i for i, m in enumerate(mentions)
              if m.category in ORG_CATEGORIES and not m.attr("implied") and not m.attr("head")}
    heads = {m.end: i for i, m in enumerate(mentions) if m.attr("head")}
    implied = {m.end: i for i, m in enumerate(mentions) if m.attr("implied") and not m.attr("head")}
    out: list[Relation] = []
    orphans: dict[int, list[str]] = {}
    for pi, person in enumerate(mentions):
        if person.category != "Person":
            continue
        pos = person.start
        if pos in implied:  # 周口市副市长张某: the title after the place, at its government
            gov = mentions[implied[pos]]
            out.append(Relation("post", pi, implied[pos], gov.surface[len(gov.attr("implied")):]))
            continue
        pending: list[str] = []
        aside = _ASIDE_BEFORE.search(text, max(0, pos - 10), pos)
        if aside:
            pos = aside.start()
        while pos > 0:
            if pos in heads:  # 市委副书记、市长某某: the title alone names its government
                head = heads[pos]
                out.append(Relation("post", pi, head, mentions[head].attr("head")))
                pos = mentions[head].start
                if text[pos - 1:pos] == "、":
                    pos -= 1
                    continue
                break
            title = next((t for t in TITLES if text.startswith(t, pos - len(t))), None)
            if not title:
                break
            pending.append(title)
            pos -= len(title)
            org = by_end.get(pos)
            body = next((b for b in _BODY_TITLES if title.startswith(b)), None)
            own = by_end.get(pos + len(body)) if body else None
            if own is not None and mentions[own].surface.endswith(body):
                org = own  # 某高新区党工委副书记: the 党工委 named with the zone holds the post
            if org is None and text[pos - 1:pos] == "的":
                org = _nearest_org(mentions, pos - 1, text)
                pos = mentions[org].start if org is not None else pos
            elif org is not None:
                pos = mentions[org].start
            if org is not None:
                out.extend(Relation("post", pi, org, role) for role in pending)
                pending = []
            if text[pos - 1:pos] == "、":
                pos -= 1
                continue
            held = _ASIDE_BEFORE.search(text, max(0, pos - 8), pos)
            if org is not None and held and "兼" in held.group(0):
                pos = held.start()  # 市委某部副部长(兼)市某局局长某某: the posts before (兼) too
                continue
            if org is None and pending and pos > 0 and text[pos - 1] not in _PUNCT:
                continue
            break
        if pending and "、" in (text[pos - 1:pos], text[pos:pos + 1]):
            orphans[pi] = pending  # 副处长某某、处长某某: at the organisation of the one before
    out += _orphan_posts(text, mentions, out, orphans)
    out += _posts_after_names(text, mentions, by_end, {r.subject for r in out})
    out += _appointed(text, mentions, {r.subject for r in out})
    return _shared_by_lists(text, mentions, out)


def _orphan_posts(text: str, mentions: list[Mention], relations: list[Relation],
                  orphans: dict[int, list[str]]) -> list[Relation]:
    """Titles listed after another person's post, with no organisation of their own,
    hold at that person's organisation."""
    out = []
    for pi, roles in orphans.items():
        before = [i for i, m in enumerate(mentions) if m.category == "Person" and m.end <= mentions[pi].start]
        if not before:
            continue
        prev = before[-1]
        between = text[mentions[prev].end:mentions[pi].start]
        orgs = {r.object for r in relations if r.subject == prev and r.kind == "post"}
        if len(orgs) == 1 and between.startswith("、") and len(between) <= 8:
            out += [Relation("post", pi, orgs.pop(), role) for role in roles]
    return out


def _posts_after_names(text: str, mentions: list[Mention], by_end: dict[int, int],
                       have: set[int]) -> list[Relation]:
    """Posts written after the name (高新处林某调研员): the titles right after it, at the
    organisation right before it."""
    out = []
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in have:
            continue
        org = by_end.get(person.start)
        if org is None:
            continue
        pos, roles = person.end, []
        while (title := next((t for t in TITLES if text.startswith(t, pos)), None)):
            roles.append(title)
            pos += len(title)
            if text[pos:pos + 1] != "、":
                break
            pos += 1
        out += [Relation("post", pi, org, role) for role in roles]
    return out


_APPOINTED = re.compile(r"[,，]?\s*(?:现任|现为|现系|担任|出任|任)")


def _appointed(text: str, mentions: list[Mention], have: set[int]) -> list[Relation]:
    """某某，现任某某厅某某处处长: the titles right after the organisation the person is
    said to serve."""
    by_start: dict[int, int] = {}
    for i, m in enumerate(mentions):  # the longest name starting at each place
        if m.category in ORG_CATEGORIES and (m.start not in by_start or m.end > mentions[by_start[m.start]].end):
            by_start[m.start] = i
    out = []
    for pi, person in enumerate(mentions):
        if person.category != "Person" or pi in have:
            continue
        m = _APPOINTED.match(text, person.end)
        org = by_start.get(m.end()) if m else None
        if org is None:
            continue
        pos = mentions[org].end
        while (title := next((t for t in TITLES if text.startswith(t, pos)), None)):
            out.append(Relation("post", pi, org, title))
            pos += len(title)
            if text[pos:pos + 1] != "、":
                break
            pos += 1
    return out


def _shared_by_lists(text: str, mentions: list[Mention], relations: list[Relation]) -> list[Relation]:
    """副主任张某、李某: a name listed after another with no post of its own holds the
    same posts."""
    held: dict[int, list[Relation]] = {}
    for r in relations:
        held.setdefault(r.subject, []).append(r)
    people = [i for i, m in enumerate(mentions) if m.category == "Person"]
    out = list(relations)
    for before, after in zip(people, people[1:]):
        first, second = mentions[before], mentions[after]
        if after in held or before not in held or text[first.end:second.start] != "、":
            continue
        held[after] = [Relation("post", after, r.object, r.value) for r in held[before]]
        out += held[after]
    return out


def _nearest_org(mentions: list[Mention], pos: int, text: str) -> int | None:
    clause_start = max(text.rfind(c, 0, pos) for c in "，。；,;") + 1
    best = None
    for i, m in enumerate(mentions):
        if m.category in ORG_CATEGORIES and clause_start <= m.start and m.end <= pos:
            if best is None or m.end > mentions[best].end:
                best = i
    return best


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
