"""What happens to an article on its way to the file: punctuation style, traditional
script (OpenCC), pinyin annotations after some traditional characters, stretches
mis-decoded one byte off, line endings and the file encoding.

The damage is made the way it arises: a stretch of the text is encoded as GBK, the
reader loses step on its first byte (which comes out as ``?``) and pairs every trail
byte with the next lead byte, until an ASCII byte puts it back in step; full-width
``！？`` that the shifted reading produces are then folded to ASCII like the rest of the
page's punctuation. ``sckg.normalize.repair`` is written to undo exactly this.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
from pypinyin import Style, lazy_pinyin

_FULL_WIDTH = str.maketrans({",": "，", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"})
_HALF_WIDTH = str.maketrans({"！": "!", "？": "?", "，": ",", "：": ":", "；": ";"})
_MAX_DAMAGE = 16  # characters; the repair looks no further


@lru_cache(maxsize=4)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=8192)
def _reading(char: str) -> str:
    return lazy_pinyin(_converter("t2s").convert(char), style=Style.TONE)[0]


@dataclass
class Surface:
    """How one article is rendered into bytes."""

    encoding: str  # utf-8 | utf-8-sig | gb18030 | big5
    traditional: bool = False
    opencc_config: str = "s2tw"
    annotate: float = 0.0  # share of the traditional characters that carry pinyin
    damages: int = 0  # mis-decoded stretches wanted
    full_width: bool = False  # body punctuation full-width (，；) rather than ASCII
    crlf: bool = False


@dataclass
class Rendered:
    """The file's bytes and what happened on the way."""

    data: bytes
    text: str  # the decoded file text (what a reader of the file gets)
    damages: list[dict] = field(default_factory=list)
    unencodable: int = 0


def render(rng: random.Random, segments: list[tuple[str, str]], surface: Surface) -> Rendered:
    """Render ``segments`` — ``(text, kind)`` with kind ``boiler``, ``body`` or
    ``protected`` (planted names and figures, never damaged) — into file bytes."""
    pieces = []
    for text, kind in segments:
        if surface.full_width and kind == "body":
            text = _full_width(text)
        if surface.traditional:
            text = _converter(surface.opencc_config).convert(text)
        pieces.append([text, kind])
    if surface.annotate:
        chosen: dict[str, bool] = {}
        for piece in pieces:
            piece[0] = _annotate(rng, piece[0], surface.annotate, chosen)
    damages: list[dict] = []
    if surface.damages:
        damages = _damage(rng, pieces, surface.damages, not surface.full_width)
    text = "".join(p[0] for p in pieces)
    starts = [0]
    for p in pieces:
        starts.append(starts[-1] + len(p[0]))
    for d in damages:
        at = starts[d.pop("piece")] + d.pop("at")
        d["start"] = at + (text.count("\n", 0, at) if surface.crlf else 0)
    if surface.crlf:
        text = text.replace("\n", "\r\n")
    codec = {"big5": "big5", "gb18030": "gb18030"}.get(surface.encoding, surface.encoding)
    data = text.encode(codec, errors="replace")
    unencodable = 0
    if codec == "big5":
        unencodable = data.count(b"?") - text.count("?")
    decoded = data.decode("utf-8-sig" if codec == "utf-8-sig" else codec)
    return Rendered(data, decoded, damages, unencodable)


def _full_width(text: str) -> str:
    out = []
    for i, c in enumerate(text):
        if c == ":" and not (i and text[i - 1].isdigit()):
            out.append("：")
        elif c in ",;()?!" and not (i and text[i - 1].isascii() and text[i - 1].isalnum() and c in ",()"):
            out.append(c.translate(_FULL_WIDTH))
        else:
            out.append(c)
    return "".join(out)


def _annotate(rng: random.Random, text: str, share: float, chosen: dict[str, bool]) -> str:
    """``創(chuàng)業(yè)``: a reading after the traditional characters this page annotates
    (chosen once per character, in order of appearance)."""
    t2s = _converter("t2s")
    out = []
    for c in text:
        out.append(c)
        if "\u4e00" <= c <= "\u9fff" and t2s.convert(c) != c:
            if c not in chosen:
                chosen[c] = rng.random() < share
            if chosen[c]:
                out.append(f"({_reading(c)}{' ' if rng.random() < 0.03 else ''})")
    return "".join(out)


def _shifted(stretch: str, fold: bool) -> str | None:
    """``stretch`` (a GBK-encodable run) read one byte off: ``?`` for the lost step, then
    trail and lead bytes paired until an ASCII byte realigns the reading."""
    try:
        raw = stretch.encode("gbk")
    except UnicodeEncodeError:
        return None
    if not raw or raw[0] < 0x81:
        return None
    out = "?" + raw[1:].decode("gbk", errors="replace").replace("\ufffd", "?")
    return out.translate(_HALF_WIDTH) if fold else out


def _damage(rng: random.Random, pieces: list[list], wanted: int, fold: bool) -> list[dict]:
    """Damage up to ``wanted`` stretches inside unprotected body pieces (in place)."""
    done: list[dict] = []
    body = [i for i, (text, kind) in enumerate(pieces) if kind == "body" and len(text) >= 8]
    rng.shuffle(body)
    for index in body:
        if len(done) >= wanted:
            break
        text = pieces[index][0]
        starts = [k for k, c in enumerate(text) if ord(c) > 0x7F][:-1]
        rng.shuffle(starts)
        for start in starts[:12]:
            tail = text[start:start + 40]
            damaged = _shifted(tail, fold)
            if damaged is None:
                continue
            same = 0  # the reading is back in step where the two texts end alike
            while same < min(len(tail), len(damaged)) and tail[-1 - same] == damaged[-1 - same]:
                same += 1
            original, broken = tail[:len(tail) - same], damaged[:len(damaged) - same]
            cjk = sum(1 for c in broken if "\u4e00" <= c <= "\u9fff")
            if same == 0 or not 3 <= len(broken) <= _MAX_DAMAGE or cjk < 2:
                continue
            pieces[index][0] = text[:start] + broken + text[start + len(original):]
            done.append({"kind": "gbk-shift", "piece": index, "at": start, "original": original,
                         "damaged": broken})
            break
    return done
