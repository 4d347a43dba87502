"""Names of divisions: the short forms articles use, traditional script and pinyin.

Short forms come from general rules, not from a list of places:

- strip the administrative suffix (省, 市, 自治区, 特别行政区, 自治州, 地区, 盟, 县, 旗,
  自治县, 自治旗, 区) — a county-level 区 only when at least three characters remain
  (头屯河区 → 头屯河, but not 朝阳区 → 朝阳), anything else when at least two remain;
- then strip the names of the 56 nationalities (cpca ships the list) from the end of an
  autonomous division's stem: 新疆维吾尔自治区 → 新疆, 昌吉回族自治州 → 昌吉 (and 昌吉州);
- an autonomous prefecture whose stem is a transliteration of four or more characters
  is also called by its first character + 州 when no other prefecture shares that
  abbreviation: 博尔塔拉 → 博州, 巴音郭楞 → 巴州, 克孜勒苏 → 克州.

``CONVENTIONAL`` adds the few abbreviations no rule produces.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources

import opencc
from pypinyin import Style, lazy_pinyin

# Abbreviations in common use that no suffix rule yields: full name → short forms.
CONVENTIONAL: dict[str, tuple[str, ...]] = {
    "内蒙古自治区": ("内蒙",),
    "西双版纳傣族自治州": ("版纳",),
}

_PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
_PREFECTURE_SUFFIXES = ("自治州", "地区", "盟", "市")
_COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "县", "旗", "市", "区")


@lru_cache(maxsize=1)
def nationalities() -> tuple[str, ...]:
    """The nationality names from cpca's list, with and without 族, longest first."""
    text = resources.files("cpca.resources").joinpath("56_nations.csv").read_text("utf-8")
    names = {line.strip() for line in text.splitlines() if line.strip()}
    forms = names | {n.removesuffix("族") for n in names if len(n) > 2}
    return tuple(sorted(forms, key=lambda s: (-len(s), s)))


def _strip_nationalities(stem: str) -> str:
    changed = True
    while changed:
        changed = False
        for nat in nationalities():
            if stem.endswith(nat) and len(stem) - len(nat) >= 2:
                stem = stem[: -len(nat)]
                changed = True
                break
    return stem


def stem_of(name: str, level: str) -> tuple[str, str]:
    """``(stem, suffix)`` of a division name; the stem is ``name`` itself if no rule applies."""
    suffixes = {
        "province": _PROVINCE_SUFFIXES,
        "prefecture": _PREFECTURE_SUFFIXES,
        "county": _COUNTY_SUFFIXES,
    }[level]
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            minimum = 3 if (level == "county" and suffix == "区") else 2
            if len(stem) < minimum:
                return name, ""
            if suffix.startswith("自治") or level == "province":
                stem = _strip_nationalities(stem)
            return stem, suffix
    return name, ""


def short_forms(name: str, level: str) -> list[str]:
    """The short forms of one division by the suffix and nationality rules (no 博州 rule)."""
    stem, suffix = stem_of(name, level)
    forms: list[str] = []
    if stem != name:
        forms.append(stem)
        if suffix == "自治州":
            forms.append(stem + "州")
        elif suffix in ("自治县", "自治旗"):
            forms.append(stem + suffix[-1])
    forms.extend(CONVENTIONAL.get(name, ()))
    return [f for f in dict.fromkeys(forms) if f != name]


def prefecture_abbreviations(names: dict[str, str]) -> dict[str, str]:
    """``code → X州`` for autonomous prefectures whose stem has ≥ 4 characters, if unique.

    ``names`` maps the codes of prefecture-level divisions to their full names.
    """
    abbr: dict[str, str] = {}
    for code, name in names.items():
        stem, suffix = stem_of(name, "prefecture")
        if suffix == "自治州" and len(stem) >= 4:
            abbr[code] = stem[0] + "州"
    counts = Counter(abbr.values())
    return {code: a for code, a in abbr.items() if counts[a] == 1}


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(names: list[str]) -> list[str]:
    """zh-Hant forms of zh-Hans names (OpenCC s2t), converted in one call."""
    if not names:
        return []
    out = _s2t().convert("\n".join(names)).split("\n")
    if len(out) != len(names):  # a converter never merges lines; guard anyway
        out = [_s2t().convert(n) for n in names]
    return out


def pinyin(name: str) -> str:
    """Tone-marked pinyin, one syllable a word: ``乌鲁木齐市`` → ``wū lǔ mù qí shì``."""
    return " ".join(s for s in lazy_pinyin(name, style=Style.TONE) if s.strip())
