"""The features the learned entity recogniser (:mod:`sckg.extract.ner`) sees for each
character of a sentence.

For every character:

- the characters in a ±2 window, the bigrams and trigrams around it (full-width forms
  folded to ASCII, digits to ``0``, Latin letters lower-cased) and the character
  classes around it (digit, Chinese numeral, Latin, Han, space, punctuation);
- jieba's cut: the character's position in its word, the word's part of speech in
  jieba's dictionary (``new`` for a word the dictionary lacks), the word itself, the
  words before and after it and their tags;
- every word of jieba's dictionary (two to eight characters) that covers it, as its
  position in the word and its tag group (person, place, organisation, other name,
  noun, verb, adjective, other), whether or not the cut chose that word;
- the project's dictionaries: surnames, posts (``lexicon.TITLES``: inside one, one just
  before or just after), organisation and carrier endings (``lexicon.ORG_SUFFIXES``,
  ``lexicon.CARRIER_SUFFIXES``: one ending here or at the next character), the names
  of China's divisions (cpca's table with the short forms of ``sckg.link.names``) and
  of countries (``sckg.link.foreign``);
- the domain (the corpus whose conventions to follow), as an attribute of its own and
  as a second copy of the strongest features (feature augmentation, Daumé 2007), so
  that a convention can differ between corpora and still share what they agree on.

Changing what a feature means changes what the model reads: bump ``FEATURE_VERSION``
and retrain (``make model``); :class:`sckg.extract.ner.Labeller` refuses a model
trained with another version.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

FEATURE_VERSION = "1"
# news: CLUENER2020's conventions (posts, agencies, companies told apart; fine
# addresses); paper: People's Daily's (PER/LOC/ORG only); resume and weibo: their own.
DOMAINS = ("news", "paper", "resume", "weibo")

# Full-width ASCII (！ … ～) and the ideographic space fold to their ASCII forms, one
# character for one, so offsets are unchanged.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
# The features that also get a copy per domain.
_DOMAIN_COPIED = ("c-1=", "c0=", "c1=", "b-1=", "b0=", "wpf=", "w=", "ti=", "pl=", "sf=")
_CHINESE_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")
_ORG_CLASS = {"Company": "co", "Cooperative": "cp", "University": "un", "ResearchInstitute": "ri",
              "Association": "as", "PublicInstitution": "pi", "GovernmentAgency": "go",
              "MediaOutlet": "me"}


def fold(text: str) -> str:
    """``text`` with full-width ASCII forms folded to ASCII (same length, same offsets)."""
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def char_class(ch: str) -> str:
    """One letter for a character's kind: D digit, N Chinese numeral, L Latin letter,
    H other Han character, S space, P punctuation, O anything else."""
    if "0" <= ch <= "9":
        return "D"
    if ch in _CHINESE_NUMERALS:
        return "N"
    if ("a" <= ch <= "z") or ("A" <= ch <= "Z"):
        return "L"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isspace():
        return "S"
    if unicodedata.category(ch).startswith(("P", "S")):
        return "P"
    return "O"


def _shape(ch: str) -> str:
    """The character as a feature value: digits as 0, Latin letters lower-cased."""
    if "0" <= ch <= "9":
        return "0"
    return ch.lower() if ch.isascii() else ch


LEXICON_FILE = "ner_lexicon.json"
_tables: dict[str, dict[str, str]] | None = None


def dictionaries() -> dict[str, dict[str, str]]:
    """The dictionaries the features look words up in: name → {word: kind}.

    They are the ones the packaged model was trained with (``sckg/data/ner_lexicon.json``,
    written by ``make model``), so that a word added to the project's lexicon later
    changes nothing the model reads until it is retrained; :func:`build_dictionaries`
    when no such file is packaged."""
    global _tables
    if _tables is None:
        import json
        from importlib import resources

        path = resources.files("sckg").joinpath("data", LEXICON_FILE)
        try:
            _tables = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            _tables = build_dictionaries()
    return _tables


def use_dictionaries(tables: dict[str, dict[str, str]]) -> None:
    """Make the features read ``tables`` from now on (training reads the lexicon as it
    is, then packages it beside the model)."""
    global _tables
    _tables = tables
    _prefixes.cache_clear()
    _reversed_suffixes.cache_clear()


def build_dictionaries() -> dict[str, dict[str, str]]:
    """The dictionaries built from the project's lexicon and gazetteer tables."""
    from sckg.extract import lexicon
    from sckg.link.divisions import read_cpca
    from sckg.link.foreign import COUNTRIES
    from sckg.link.names import short_forms

    places: dict[str, str] = {}
    for code, name, _lat, _lon in read_cpca():
        level = "p" if code.endswith("0000") else ("f" if code.endswith("00") else "c")
        places.setdefault(name, level)
        for short in short_forms(name, {"p": "province", "f": "prefecture", "c": "county"}[level]):
            if len(short) >= 2:
                places.setdefault(short, level + "s")
    for _iso, (name, others) in sorted(COUNTRIES.items()):
        for form in (name, *others):
            places.setdefault(form, "n")
    suffixes = {word: _ORG_CLASS[cls] for word, cls in reversed(lexicon.ORG_SUFFIXES)}
    suffixes.update({word: "ca" for word, _cls in lexicon.CARRIER_SUFFIXES})
    return {
        "title": {word: "t" for word in lexicon.TITLES},
        "place": places,
        "suffix": suffixes,
        "surname": {word: "s" for word in lexicon.SURNAMES},
    }


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, frozenset[str]]:
    """Per dictionary, every non-empty prefix of its words (to stop a scan early)."""
    return {name: frozenset(w[:k] for w in words for k in range(1, len(w) + 1))
            for name, words in dictionaries().items()}


@lru_cache(maxsize=1)
def _reversed_suffixes() -> frozenset[str]:
    """Every non-empty ending of the organisation and carrier endings, reversed."""
    return frozenset(w[::-1][:k] for w in dictionaries()["suffix"] for k in range(1, len(w) + 1))


def _longest_matches(text: str, name: str) -> list[str]:
    """Per character, ``B-kind``/``I-kind``/``E-kind``/``S-kind`` of the longest
    dictionary words, taken left to right without overlap, else ``""``."""
    words, prefixes = dictionaries()[name], _prefixes()[name]
    marks = [""] * len(text)
    i, n = 0, len(text)
    while i < n:
        best, end = None, i + 1
        while end <= n and text[i:end] in prefixes:
            kind = words.get(text[i:end])
            if kind is not None:
                best = (end - i, kind)
            end += 1
        if best is None:
            i += 1
            continue
        length, kind = best
        if length == 1:
            marks[i] = "S-" + kind
        else:
            marks[i] = "B-" + kind
            for j in range(i + 1, i + length - 1):
                marks[j] = "I-" + kind
            marks[i + length - 1] = "E-" + kind
        i += length
    return marks


def _suffix_ends(text: str) -> list[str]:
    """Per character, the class of the longest organisation or carrier ending (two
    characters or more) that ends there (``""`` when none does)."""
    words, endings = dictionaries()["suffix"], _reversed_suffixes()
    ends = [""] * len(text)
    for i in range(len(text)):
        start, found = i, ""
        while start >= 0 and text[start:i + 1][::-1] in endings:
            if i - start >= 1:
                kind = words.get(text[start:i + 1])
                if kind is not None:
                    found = kind
            start -= 1
        ends[i] = found
    return ends


# Blocks (of jieba.re_han_default's split) that rjieba cuts as jieba does.
_PLAIN_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9]+")


def cut(text: str) -> list[tuple[str, str]]:
    """jieba's cut of ``text`` as ``(word, flag)``: the flag is the word's part of speech
    in jieba's dictionary, ``eng``/``m`` for a run of Latin letters/digits, ``new`` for a
    word the dictionary lacks (jieba's HMM joined it: often a name). jieba's own
    part-of-speech tagger guesses tags for such words too, but it is several times
    slower and did no better as a feature. Characters jieba would drop (it never should)
    come back as words tagged ``x`` so that lengths always add up."""
    import jieba.posseg as pseg

    tags = pseg.dt.word_tag_tab
    words = []
    for word in _words(text):
        flag = tags.get(word)
        if flag is None:
            flag = "eng" if word.isascii() and word.isalpha() else ("m" if word.isdigit() else "new")
        words.append((word, flag))
    if sum(len(w) for w, _ in words) != len(text):
        return [(ch, "x") for ch in text]
    return words


def _words(text: str) -> list[str]:
    """The words of jieba's default cut (dictionary and HMM) of ``text``. Blocks of Han
    characters, letters and digits are cut by rjieba (jieba-rs: the same dictionary and
    HMM, several times faster; on the 88,000 sentences of the NER corpora and articles
    they differed once, a tie between two routes); blocks with signs, where the two split
    differently (2020-03-19), go to jieba itself."""
    import jieba
    import rjieba

    words: list[str] = []
    for block in jieba.re_han_default.split(text):
        if _PLAIN_BLOCK.fullmatch(block):
            words += rjieba.cut(block, True)
        elif block:
            words += jieba.dt.cut(block)
    return words


def _tag_group(flag: str) -> str:
    if flag.startswith("nr"):
        return "nr"
    if flag in ("ns", "nt", "nz"):
        return flag
    return flag[:1] if flag[:1] in ("n", "v", "a") else "o"


def _lexicon_marks(text: str) -> list[set[str]]:
    """Per character, ``position.group`` of every word of jieba's dictionary (two to
    eight characters) that covers it, whether or not the cut chose it."""
    import jieba
    import jieba.posseg as pseg

    freq, tags = jieba.dt.FREQ, pseg.dt.word_tag_tab
    marks: list[set[str]] = [set() for _ in text]
    n = len(text)
    for i in range(n):
        for end in range(i + 2, min(i + 8, n) + 1):
            count = freq.get(text[i:end])
            if count is None:  # the dictionary holds every prefix of its words
                break
            if count:
                group = _tag_group(tags.get(text[i:end], "x"))
                marks[i].add("B." + group)
                for j in range(i + 1, end - 1):
                    marks[j].add("M." + group)
                marks[end - 1].add("E." + group)
    return marks


def sentence_features(text: str, domain: str,
                      words: list[tuple[str, str]] | None = None) -> list[list[str]]:
    """The attributes of each character of ``text`` (one list per character) in
    ``domain`` (one of ``DOMAINS``); ``words`` is :func:`cut` of ``text`` when the
    caller has it already."""
    if domain not in DOMAINS:
        raise ValueError(f"unknown domain {domain!r}: one of {', '.join(DOMAINS)}")
    text = fold(text)
    n = len(text)
    shapes = ["^", "^"] + [_shape(ch) for ch in text] + ["$", "$"]
    classes = ["^", "^"] + [char_class(ch) for ch in text] + ["$", "$"]
    word_of: list[tuple[int, int]] = []  # per character: index of its word, position in it
    words = cut(text) if words is None else words
    for k, (word, _flag) in enumerate(words):
        word_of.extend((k, j) for j in range(len(word)))
    titles = _longest_matches(text, "title")
    places = _longest_matches(text, "place")
    suffix_end = _suffix_ends(text)
    title_starts = {i for i, m in enumerate(titles) if m[:1] in ("B", "S")}
    title_ends = {i for i, m in enumerate(titles) if m[:1] in ("E", "S")}
    surnames = dictionaries()["surname"]
    lexicon = _lexicon_marks(text)
    out: list[list[str]] = []
    for i in range(n):
        p = i + 2
        c = shapes
        k, j = word_of[i]
        word, flag = words[k]
        pos = "S" if len(word) == 1 else ("B" if j == 0 else ("E" if j == len(word) - 1 else "M"))
        prev_word, prev_flag = words[k - 1] if k else ("^", "^")
        next_word, next_flag = words[k + 1] if k + 1 < len(words) else ("$", "$")
        feats = [
            "bias", "d=" + domain,
            "c-2=" + c[p - 2], "c-1=" + c[p - 1], "c0=" + c[p], "c1=" + c[p + 1], "c2=" + c[p + 2],
            "b-2=" + c[p - 2] + c[p - 1], "b-1=" + c[p - 1] + c[p], "b0=" + c[p] + c[p + 1],
            "b1=" + c[p + 1] + c[p + 2], "t-1=" + c[p - 1] + c[p] + c[p + 1],
            "t-2=" + c[p - 2] + c[p - 1] + c[p], "t0=" + c[p] + c[p + 1] + c[p + 2],
            "k0=" + classes[p], "k=" + "".join(classes[p - 2:p + 3]),
            "wp=" + pos, "wf=" + flag, "wpf=" + pos + flag,
            "pf=" + prev_flag, "nf=" + next_flag, "pw=" + prev_word, "nw=" + next_word,
        ]
        if len(word) > 1:
            feats.append("w=" + word)
        ti = "ti=" + titles[i][0] if titles[i] else ""
        if ti:
            feats.append(ti)
        if i + 1 in title_starts:
            feats.append("ti>")
        if i - 1 in title_ends:
            feats.append("ti<")
        pl = "pl=" + places[i] if places[i] else ""
        if pl:
            feats.append(pl)
        sf = "sf=" + suffix_end[i] if suffix_end[i] else ""
        if sf:
            feats.append(sf)
        if i + 1 < n and suffix_end[i + 1]:
            feats.append("sf>=" + suffix_end[i + 1])
        feats.extend("lx=" + mark for mark in sorted(lexicon[i]))
        if text[i] in surnames:
            feats.append("sn")
        if text[i:i + 2] in surnames:
            feats.append("sn2")
        if i and text[i - 1] in surnames:
            feats.append("sn-1")
        # Domain copies of the strongest features, so each corpus's conventions can
        # differ (Daumé's feature augmentation): those starting with _DOMAIN_COPIED, in
        # the order they were added.
        copied = [feats[3], feats[4], feats[5], feats[8], feats[9], feats[18]]
        if len(word) > 1:
            copied.append(feats[23])
        copied.extend(f for f in (ti, pl, sf) if f)
        feats.extend([domain + "|" + f for f in copied])
        out.append(feats)
    return out
