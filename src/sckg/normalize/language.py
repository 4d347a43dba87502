"""A small model of Chinese text: how probable a stretch is, from jieba's word
frequencies. Used to choose between a damaged stretch and its repair, and between
two candidate encodings."""

from __future__ import annotations

import logging
import math
import re
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
# Division names that OpenCC's t2s damages, in either script, and the zh-Hans form each
# keeps: 乾 is a simplified character too (乾安县 would become 干安县), and 濬縣 and 澂江
# are the traditional forms of 浚县 and 澄江, which t2s leaves as they are. Derived from
# the gazetteer's divisions (full names and short forms, zh-Hans and zh-Hant); the test
# suite checks the table against it (tests/test_normalize.py).
PLACE_FORMS = {
    "乾安县": "乾安县", "乾安": "乾安", "乾县": "乾县",
    "濬縣": "浚县", "澂江縣": "澄江县", "澂江": "澄江",
}
# Variant characters (older print forms and compatibility forms seen in Hong Kong and
# Taiwan pages) that t2s leaves as they are, each with the standard character.
VARIANTS = str.maketrans({
    "陜": "陕", "衞": "卫", "硏": "研", "淸": "清", "靑": "青", "値": "值", "竝": "并",
    "緖": "绪", "敍": "叙", "鄕": "乡", "敎": "教", "眞": "真", "羣": "群", "裏": "里",
})
_PLACE_FORM = re.compile("|".join(sorted(map(re.escape, PLACE_FORMS), key=len, reverse=True)))
_MAX_WORD = 6
# Scores (natural log) for characters jieba's dictionary does not hold.
_PUNCTUATION = set("，。、；：？！“”‘’（）《》【】—…·,.;:?!()\"'-")
_LOG_PUNCT = -5.5
_LOG_ASCII = -10.0
_LOG_UNKNOWN = -18.0
_LOG_REPLACEMENT = -14.0


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], float]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ, math.log(jieba.dt.total)


@lru_cache(maxsize=65536)
def simplified(text: str) -> str:
    """``text`` in simplified characters, character for character where possible;
    the division names of :data:`PLACE_FORMS` come out as the gazetteer writes them."""
    return _to_simplified(text)


def _to_simplified(text: str) -> str:
    """:func:`simplified`, not cached."""
    out = _T2S.convert(text)
    if len(out) != len(text):
        out = "".join(_T2S.convert(c) if len(_T2S.convert(c)) == 1 else c for c in text)
    out = out.translate(VARIANTS)
    places = _PLACE_FORM.search(text)
    if places is None:
        return out
    chars = list(out)
    while places is not None:
        chars[places.start():places.end()] = PLACE_FORMS[places.group()]
        places = _PLACE_FORM.search(text, places.end())
    return "".join(chars)


@lru_cache(maxsize=65536)
def char_log_frequency(char: str) -> float:
    """Log-probability of one character standing as a word on its own."""
    freq, log_total = _dictionary()
    f = max(freq.get(char, 0), freq.get(simplified(char), 0))
    if f:
        return math.log(f) - log_total
    return _unknown_score(char)


def _unknown_score(char: str) -> float:
    if char in _PUNCTUATION:
        return _LOG_PUNCT
    if char == "\ufffd" or char == "?":
        return _LOG_REPLACEMENT
    if char.isascii():
        return _LOG_ASCII
    return _LOG_UNKNOWN


@lru_cache(maxsize=262144)
def log_probability(text: str) -> float:
    """Best segmentation log-probability of ``text`` under jieba's unigram word model."""
    return _segment(simplified(text), [0.0], 0)


def log_probabilities(texts: list[str]) -> list[float]:
    """:func:`log_probability` of each of ``texts``, the same values, computed faster
    for texts that share their beginnings (the readings of one damaged stretch): each
    distinct text (once simplified) is scored once, in sorted order, reusing the scores
    of the prefix it shares with the one before."""
    simple = {t: _to_simplified(t) for t in texts}  # not cached: most are seen once
    scores: dict[str, float] = {}
    best = [0.0]
    previous = ""
    for text in sorted(set(simple.values())):
        shared, limit = 0, min(len(text), len(previous))
        while shared < limit and text[shared] == previous[shared]:
            shared += 1
        scores[text] = _segment(text, best, shared)
        previous = text
    return [scores[simple[t]] for t in texts]


def _segment(text: str, best: list[float], known: int) -> float:
    """The segmentation DP over ``text`` (simplified), in place in ``best``, whose first
    ``known + 1`` entries already hold the final scores of ``text[:known]``.

    ``best[j]`` is the best score of ``text[:j]``; a word ``text[i:j]`` is pushed from
    ``i`` onto ``j``, so positions before ``known`` are revisited only for the words
    that reach past it.
    """
    freq, log_total = _dictionary()
    log = math.log
    n = len(text)
    del best[known + 1:]
    best.extend([-math.inf] * (n - known))
    for i in range(max(0, known - _MAX_WORD + 1), n):
        here = best[i]
        if here == -math.inf:
            continue
        char = text[i]
        f = freq.get(char)
        score = here + log(f) - log_total if f else here + _unknown_score(char)
        if score > best[i + 1]:
            best[i + 1] = score
        if f is None:
            continue  # jieba's dictionary holds every prefix of its words: none starts here
        for j in range(i + 2, min(n, i + _MAX_WORD) + 1):
            f = freq.get(text[i:j])
            if f is None:
                break  # no longer word either
            if f:
                score = here + log(f) - log_total
                if score > best[j]:
                    best[j] = score
    return best[n]


def per_char(text: str) -> float:
    """Mean log-probability per character: comparable across lengths."""
    return log_probability(text) / max(1, len(text))
