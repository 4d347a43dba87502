"""Words as jieba reads them, for the rules that find where a name starts: its
part-of-speech tagger with the HMM's reading of unknown stretches cached, the tag and
frequency of a dictionary word, whether a stretch holds a verb, and which of a list of
words ends at a position."""

from __future__ import annotations

import itertools
from functools import lru_cache

from sckg.extract.lexicon import DOMAIN_WORDS

DOMAIN_VERBS = frozenset(DOMAIN_WORDS)  # 创意, 创新: verbs a carrier's name may hold


@lru_cache(maxsize=1)
def tagger():
    """jieba's part-of-speech tagger (its dictionary and tags shared with ``jieba.posseg.dt``)
    with the HMM it runs over stretches of characters its dictionary does not hold cached
    per stretch: the HMM is the slow part and the same stretches recur in many names."""
    import jieba.posseg as pseg

    class Tagger(pseg.POSTokenizer):
        def _POSTokenizer__cut(self, sentence):  # the HMM step (POSTokenizer.__cut)
            return iter(hmm_words(sentence))

    tagger = Tagger.__new__(Tagger)
    tagger.tokenizer, tagger.word_tag_tab = pseg.dt.tokenizer, pseg.dt.word_tag_tab
    tagger.word_tag_tab.update(_TAG_CORRECTIONS)
    return tagger


# Nouns jieba's dictionary tags as something else (首都 as an adverb), which would cut
# them off the names they start (首都某某研究院).
_TAG_CORRECTIONS = {"首都": "n"}


@lru_cache(maxsize=65536)
def hmm_words(stretch: str) -> tuple:
    import jieba.posseg as pseg

    return tuple(pseg.POSTokenizer._POSTokenizer__cut(tagger(), stretch))


@lru_cache(maxsize=65536)
def head_words(text: str) -> tuple[tuple[str, str], ...]:
    """The first two words of jieba's part-of-speech cut of ``text`` as ``(word, flag)``
    pairs. The tagger yields word by word, so the rest of ``text`` is never tagged;
    cached, as names are cut many times over."""
    return tuple((w.word, w.flag) for w in itertools.islice(tagger().cut(text), 2))


def tag(word: str) -> str:
    """jieba's dictionary tag of ``word`` ("" for a word its dictionary does not hold)."""
    return tagger().word_tag_tab.get(word, "")


@lru_cache(maxsize=65536)
def has_known_verb(text: str) -> bool:
    """Whether a word of ``text`` is a verb by jieba's dictionary (not by its HMM's guess, nor
    a rare one); a one-character verb counts only on its own (破 in 破茧 is part of a word)."""
    return any(w.flag == "v" and tag(w.word) == "v" and (len(w.word) > 1 or w.word == text)
               and w.word not in DOMAIN_VERBS and not rare_word(w.word) for w in tagger().cut(text))


def rare_word(word: str) -> bool:
    """Whether jieba's dictionary holds ``word`` but counts it fewer than 200 times: a verb
    so rare (联创, 联信, 腾飞, 启迪) is a brand's word at the head of a name, no verb before it."""
    return word_count(word) < 200 and tag(word) != ""


# Verbs of running or building carriers that jieba tags as nouns (指导, 营运) or as verbal nouns.
_RUNNING_VERBS = frozenset("运营 营运 管理 指导 服务 运用 助推 改扩建 扶持 培育 打造 建设 认定 引进 依托 标志著".split())


def brand_verb(text: str) -> bool:
    """Whether the first verb of ``text`` comes after nouns and is no verb of running carriers
    (星河萌芽, 襄城萌芽电商 of a maker space's name; not 公司管理, 他们申报): a brand's word."""
    words = [(w.word, tag(w.word)) for w in tagger().cut(text)]
    first = next((i for i, (w, t) in enumerate(words) if t in ("v", "vn") or w in _RUNNING_VERBS), None)
    return bool(first) and words[first][0] not in _RUNNING_VERBS and all(
        t.startswith("n") and t != "nr" for _, t in words[:first])


def after_verbs(text: str) -> str | None:
    """What follows the last verb of ``text`` (jieba's v or vn by its dictionary, but for
    the verbs of the field, 创新 and 创业; or a verb of running carriers); None when
    ``text`` holds none, or ends in one after other words (a brand: 米库创服)."""
    words = [w.word for w in tagger().cut(text)]
    verbs = [i for i, word in enumerate(words) if word in _RUNNING_VERBS or (
        tag(word) in ("v", "vn") and word not in DOMAIN_VERBS)]
    if not verbs or (verbs[-1] == len(words) - 1 and len(verbs) < len(words) and words[-1] not in _RUNNING_VERBS):
        return None  # (公司运营: a verb of running carriers ends no brand)
    return "".join(words[verbs[-1] + 1:])


class EndMatcher:
    """Which of a list of words ends at a position of a text: the first in list order.

    Only the words that end in the character before the position are tried, in list
    order, instead of a scan of the whole list.
    """

    def __init__(self, words) -> None:
        self.by_last: dict[str, tuple[str, ...]] = {}
        for w in dict.fromkeys(words):
            self.by_last[w[-1]] = self.by_last.get(w[-1], ()) + (w,)

    def __call__(self, text: str, i: int) -> str | None:
        for w in self.by_last.get(text[i - 1], ()) if i > 0 else ():
            if len(w) <= i and text.startswith(w, i - len(w)):
                return w
        return None


def noun_ends(text: str, i: int) -> bool:
    """Whether a noun of jieba's dictionary (two or three characters), or a word of the field
    (创新, 创业: 科技创新与人才工作会议), ends at ``i``."""
    return any(tag(text[i - k:i]) in NOUN_TAGS or text[i - k:i] in DOMAIN_VERBS for k in (2, 3) if i - k >= 0)


def noun_starts(text: str, i: int) -> bool:
    """Whether a noun (of two characters or more, by jieba's tagger) starts at ``i``."""
    words = head_words(text[i:i + 8])
    return bool(words) and len(words[0][0]) >= 2 and words[0][1] in NOUN_TAGS


NOUN_TAGS = ("n", "vn", "nz")


def word_count(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for a word it lacks)."""
    import jieba

    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(word, 0)


def common_word(word: str) -> bool:
    """Whether jieba's dictionary knows ``word`` as a common word."""
    return word_count(word) > 2000


def verb_and_particle(word: str) -> bool:
    """Whether a three-character ``word`` is a common word and the particle after it
    (商量过, 满意地, 讨论了), read where a name is sought: no name ends so."""
    head = word[:2]
    return word_count(head) > 1000 and (word[2] in "过了着" or word[2] in "地得" and tag(head)[:1] in "vad") or (
        word[2] == "地" and tag(head)[:1] in "ad" and word_count(head) > 100)  # 欣然地: an adverb's 地, rarer words too
