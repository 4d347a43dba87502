"""Figures as articles write them: a number (digits, with 万/亿 and decimals), a measure
word or unit, and the words that qualify it (余, 多, 约, 近, 超过, 以上, 不超过, 最高 …),
each with its gold record (value in base units, unit, qualifier, indicator …).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from .grammar import Fig

# Units as the gold format names them.
_UNIT = {"元": "CNY", "平方米": "m2", "%": "percent", "人次": "person-time"}
# Qualifier words: where they stand and what they mean.
_BEFORE = {"近": "approximately", "约": "approximately", "将近": "approximately", "超过": "at-least",
           "逾": "at-least", "不到": "at-most", "不超过": "at-most", "最高": "at-most"}
_INSIDE = {"余": "at-least", "多": "at-least"}
_AFTER = {"以上": "at-least", "左右": "approximately"}


_DIGITS = "零一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese_number(n: int) -> str:
    """1 → 一, 11 → 十一, 23 → 二十三 (up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _written(rng: random.Random, text: str) -> str:
    """Digits as pages write them now and then: 十一, 1,128, full-width １２８."""
    n, r = int(text), rng.random()
    if 1 < n < 100 and r < 0.08:
        return chinese_number(n)
    if n >= 1000 and r < 0.05:
        return f"{n:,}"
    if r < 0.03:
        return text.translate(_FULL_WIDTH)
    return text


@dataclass(frozen=True)
class Num:
    """A number as written (``2.47万``) and its value (``24700``)."""

    text: str
    value: Decimal


def plain(value: Decimal) -> str:
    """The decimal without exponent or trailing zeros: 1.5E+8 → ``150000000``."""
    value = value.normalize()
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value, "f")


def integer(rng: random.Random, low: int, high: int, round_to: int = 1) -> Num:
    """A whole number, rounded to ``round_to`` (2800 rather than 2813 for a round figure)."""
    n = max(round_to, rng.randint(low, high) // round_to * round_to)
    return Num(str(n), Decimal(n))


def scaled(rng: random.Random, low: float, high: float, magnitude: str, decimals: int = 2) -> Num:
    """A decimal number of 万 or 亿: ``2.47万`` is 24700."""
    factor = {"万": 10_000, "亿": 100_000_000}[magnitude]
    value = round(rng.uniform(low, high), rng.randint(0, decimals))
    text = plain(Decimal(str(max(value, 0.5))))
    return Num(text + magnitude, Decimal(text) * factor)


def num(n: int) -> Num:
    """``n`` written in digits."""
    return Num(str(n), Decimal(n))


def some(rng: random.Random, low: int, high: int) -> Num:
    """A count between ``low`` and ``high``, now and then a round one."""
    return integer(rng, low, high, rng.choice([1, 1, 10]))


def wan(rng: random.Random, low: float, high: float) -> Num:
    """``2.47万``: between ``low`` and ``high`` ten-thousands."""
    return scaled(rng, low, high, "万")


def wan_int(rng: random.Random, low: int, high: int) -> Num:
    """A whole number of ten-thousands (``350万``), round above a hundred."""
    n = rng.randint(low, high)
    n = n // 10 * 10 if n > 100 else n
    return Num(f"{n}万", Decimal(n) * 10_000)


def span(rng: random.Random, low: int, high: int, magnitude: str = "") -> tuple[Num, Num]:
    """A range as written, ``10至20`` or ``20至50万``: the lower end (its value scaled
    by the magnitude written after the upper end) and the upper end."""
    factor = {"": 1, "万": 10_000}[magnitude]
    a = rng.randint(low, high)
    b = rng.randint(a + 1, a * 2 + 1)
    if a >= 10:
        a, b = a // 5 * 5 or 5, (b + 4) // 5 * 5
    return Num(str(a), Decimal(a) * factor), Num(f"{b}{magnitude}", Decimal(b) * factor)


def money(rng: random.Random, low_yuan: float, high_yuan: float) -> Num:
    """An amount of money as written with 万 or 亿 (the unit 元 follows)."""
    value = rng.uniform(low_yuan, high_yuan)
    if value >= 100_000_000 and rng.random() < 0.85:
        return scaled(rng, value / 1e8 * 0.9, value / 1e8 * 1.1, "亿")
    if value >= 10_000:
        wan = value / 10_000
        if wan >= 100 and rng.random() < 0.7:
            n = max(1, int(rng.uniform(wan * 0.9, wan * 1.1)))
            n = n // 10 * 10 if n > 1000 else n
            return Num(f"{n}万", Decimal(n) * 10_000)
        return scaled(rng, wan * 0.9, wan * 1.1, "万", 1)
    n = int(value) // 100 * 100 or 500
    return Num(str(n), Decimal(n))


def _round(num: Num, rng: random.Random) -> Num:
    """A round number near ``num`` (近2000家, not 近2003家)."""
    n = int(num.text)
    step = 10 ** max(1, len(num.text) - rng.choice([1, 2, 2]))
    n = max(step, n // step * step)
    return Num(str(n), Decimal(n))


class FigureMaker:
    """Makes figures for one article: its default area (a province's canonical name)
    and the period figures of a statistics sentence share."""

    def __init__(self, rng: random.Random, area: str | None):
        self.rng = rng
        self.area = area

    def make(self, num: Num, unit: str, indicator: str, *, qualifier: str | None = None,
             status: str = "achieved", cumulative: bool = False, carrier_type: str | None = None,
             level: str | None = None, period: str | None = None, area: str | None = "",
             subject: str | None = None, value_max: Num | None = None, word: str | None = None) -> Fig:
        """A figure: ``num`` and ``unit`` (家, 人, 万元 is ``num`` 万 and unit 元 …) with a
        qualifier word drawn for ``qualifier`` (None: exact; "random": any), or ``word``."""
        rng = self.rng
        where = None
        if qualifier == "random":
            qualifier = rng.choice(["exact"] * 5 + ["at-least"] * 3 + ["approximately"])
        if qualifier and qualifier != "exact":
            options = [(w, "before") for w, q in _BEFORE.items() if q == qualifier]
            options += [(w, "after") for w, q in _AFTER.items() if q == qualifier]
            if "万" not in num.text and "亿" not in num.text and "." not in num.text:
                options += [(w, "inside") for w, q in _INSIDE.items() if q == qualifier] * 2
            if qualifier == "at-most" and status == "achieved":
                options = [o for o in options if o[0] not in ("最高", "不超过")] or options
            word, where = (word, "before") if word else rng.choice(options)
        word = word or ""
        if qualifier in ("approximately", "at-least") and num.text.isdigit() and int(num.text) >= 100:
            num = _round(num, rng)
        number = _written(rng, num.text) if num.text.isdigit() and where != "inside" else num.text
        if value_max is not None:
            number = f"{num.text}至{value_max.text}"
            qualifier = "at-least"
        text = {"before": word + number + unit, "inside": number + word + unit,
                "after": number + unit + word}.get(where, number + unit)
        base = next((u for u in ("平方米", "人次") if unit.endswith(u)), unit[-1:])
        record = {
            "value": plain(num.value), "unit": _UNIT.get(base, "count"),
            "qualifier": qualifier if qualifier and qualifier != "random" else "exact",
            "status": status, "cumulative": cumulative, "indicator": indicator,
            "area": self.area if area == "" else area, "period": period,
            "carrier_type": carrier_type, "level": level, "subject": subject,
        }
        if value_max is not None:
            record["value_max"] = plain(value_max.value)
        return Fig(text, record)

    def rank(self, k: int, indicator: str = "applicant-rank", area: str | None = None) -> Fig:
        """``第8位`` (a rank; the text says among what)."""
        return Fig(f"第{k}位", {"value": str(k), "unit": "rank", "qualifier": "exact", "status": "achieved",
                               "cumulative": False, "indicator": indicator, "area": area, "period": None,
                               "carrier_type": None, "level": None, "subject": None})

    def percent(self, low: float, high: float, indicator: str = "growth-rate", **kw) -> Fig:
        """A percentage between ``low`` and ``high`` (``12.5%``)."""
        value = round(self.rng.uniform(low, high), self.rng.choice([0, 1, 1]))
        return self.make(Num(plain(Decimal(str(value))), Decimal(str(value))), "%", indicator, **kw)
