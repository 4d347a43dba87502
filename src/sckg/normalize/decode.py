"""Bytes to text: detect the encoding (UTF-8, GB18030/GBK, Big5; BOM or not), reject
files that are empty, binary or undecodable with a one-line error naming the file."""

from __future__ import annotations

import codecs
from pathlib import Path

from sckg.model import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy Chinese encodings tried when the bytes are not UTF-8, in order of preference
# when both decode equally well.
_LEGACY = ("gb18030", "big5hkscs")
# A few undecodable bytes in an otherwise clean legacy file are tolerated (real web
# text has them); more than this share of replacement characters means the guess failed.
_MAX_REPLACED = 0.001


def read_text(path: str | Path, data: bytes | None = None) -> tuple[str, str]:
    """Decode the file at ``path`` (or ``data``); return ``(text, encoding)``.

    Raises InputError for an empty, binary, unreadable or undecodable file.
    """
    name = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError(f"{name}: is a directory, not an article file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is "
                                 f"not {encoding} (byte {exc.start})") from None
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY:
        text = data.decode(encoding, errors="replace")
        replaced = text.count("\ufffd") / max(1, len(text))
        if replaced > _MAX_REPLACED:
            continue
        score = _chinese_score(text) - replaced * 100
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None:
        raise InputError(f"{name}: undecodable: not UTF-8, GB18030 or Big5 text")
    return best[1], best[2]


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.01


def _chinese_score(text: str) -> float:
    """Share of the text made of common Chinese characters (by jieba's frequencies).

    GB18030 read as Big5 (or the reverse) yields rare characters; the right reading
    yields common ones.
    """
    from sckg.normalize.language import char_log_frequency

    sample = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if not sample:
        return 0.0
    common = sum(1 for c in sample if char_log_frequency(c) > -12.0)
    return common / len(sample)
