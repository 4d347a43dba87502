"""A name's left edge that fell inside its brand: 某县向岚电子科技有限公司 read from 岚,
某市以禾药业股份有限公司 from 禾, 某地广和电子科技有限公司 from 电子. The scan for a
name's start stops at a preposition or conjunction (向, 以, 和, 共, 同); when what is left
before the name's type word starts with a character that is no word of its own, or is
a trade alone with no brand (电子科技有限公司), the stop was the brand's own character."""

from __future__ import annotations

from sckg.extract.words import common_word, tagger, word_count

_BRANDED = ("Company", "PublicInstitution", "InnovationCarrier")
# The stops that are also characters of brands (向岚, 以禾, 广和, 共兴, 同仁, 三和谷, 兴为).
_BRAND_STOPS = frozenset("向以和共同为但")
# First characters that start a name on their own: a division or level (和省科技厅), a scope.
_OWN_START = frozenset("省市县区州乡镇村国中全各该本我其")
# What ends a name of its own before the stop.
_NAME_ENDS = ("园区", "园", "公司", "集团", "中心", "空间", "基地", "学院", "大学", "孵化器", "平台", "室")
_LONGEST_GAIN = 8
# A character jieba counts this often alone is a word of the sentence (类, 新, 大), no brand's.
_RARE_ALONE = 8000
_FUNCTION_FLAGS = frozenset("q a d m r p c u f".split())


def brand_start(text: str, start: int | None, suffix_start: int, name_start, category: str) -> int | None:
    """Where a name found from ``start`` (its type word at ``suffix_start``) starts when
    ``start`` cut its brand after a stop that is one of the brand's characters;
    ``name_start(text, end)`` scans left for the start of a name ending at ``end``. Only
    companies, public institutions and carriers are read so; a company's name may also
    have been cut to its trade alone."""
    if category not in _BRANDED or start is None or start < 2 or text[start - 1] not in _BRAND_STOPS \
            or not "\u4e00" <= text[start - 2] <= "\u9fff" \
            or text.endswith((*_NAME_ENDS, text[suffix_start:suffix_start + 2]), 0, start - 1):
        return start  # (某产业园区和某众创空间, 某工作室和某工作室: two names joined)
    words = list(tagger().cut(text[start:suffix_start]))
    lone = bool(words) and len(words[0].word) == 1 and words[0].word not in _OWN_START \
        and "\u4e00" <= words[0].word <= "\u9fff" and word_count(words[0].word) < _RARE_ALONE \
        and words[0].flag not in _FUNCTION_FLAGS
    bare = category == "Company" and 1 <= len(words) <= 2 and suffix_start - start <= 4 \
        and all(w.flag in ("n", "vn") and len(w.word) >= 2 for w in words) and not common_word(text[start - 3:start - 1])  # (高校和科技公司: two nouns)
    if not (lone or bare):
        return start
    new = name_start(text, start - 1)
    if new >= start - 1:
        return start - 1 if lone else start  # 某区和共享青禾股份有限公司: the stop alone is the brand's
    return start if start - 1 - new > _LONGEST_GAIN else new
