"""Pinyin readings of names, as pypinyin gives them, remembered word by word.

pypinyin cuts a text into words (its phrase dictionary decides how) and reads each
word; reading a word is most of the cost and the words of names repeat endlessly
(科技, 有限公司, 云南). The converter here is the one pypinyin's functions use, with
each word's reading remembered, so the readings are exactly pypinyin's.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin

_WORDS_LIMIT = 200_000  # remembered word readings before the memory is cleared


class _RememberingConverter(UltimateConverter):
    """The converter of pypinyin's ``pinyin`` and ``lazy_pinyin`` (no options set),
    remembering the reading of each word it has read."""

    def __init__(self) -> None:
        super().__init__()
        self._memo: dict[tuple, tuple] = {}

    def convert(self, words, style, heteronym, errors, strict, **kwargs):
        key = (words, style, heteronym, errors, strict)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= _WORDS_LIMIT:
                self._memo.clear()
            found = tuple(tuple(item) for item in
                          super().convert(words, style, heteronym, errors, strict, **kwargs))
            self._memo[key] = found
        return list(found)


_PINYIN = Pinyin(_RememberingConverter())


def _keep(chars: str) -> list[str]:
    """Characters without a reading stay as they are (a whole non-Chinese run is one word)."""
    return [chars]


def plain_syllables(text: str) -> list[str]:
    """``lazy_pinyin(text, style=Style.NORMAL, errors=lambda s: [s])``: toneless syllables,
    other runs of characters kept whole."""
    return _PINYIN.lazy_pinyin(text, style=Style.NORMAL, errors=_keep)


@lru_cache(maxsize=65536)
def tone_syllables(text: str) -> tuple[str, ...]:
    """The first reading of each character with tone marks, characters without one left out:
    ``[s[0] for s in pinyin(text, style=Style.TONE, errors="ignore")]``."""
    return tuple(s[0] for s in _PINYIN.pinyin(text, style=Style.TONE, errors="ignore"))
