"""Bytes to text: detect the encoding (UTF-8, GB18030/GBK, Big5, UTF-16/32; BOM or not),
undo UTF-8 that was read as Latin-1/cp1252 and saved again, and reject files that are
empty, too large, binary, undecodable or without Chinese text with a one-line error
naming the file.

Size limit: one article file may hold at most :data:`MAX_BYTES` (4 MiB). News items
and notices are 2–50 KB and the longest single government documents a few hundred KB,
so a larger file is a dump or many articles run together; reading it would take
minutes and gigabytes for one named graph that mixes sources. Split it into one file
per article.
"""

from __future__ import annotations

import codecs
import stat
from collections import Counter
from pathlib import Path

from sckg.model import InputError

MAX_BYTES = 4 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings tried when the bytes are not clean UTF-8, in order of preference when two
# decode equally well. UTF-8 comes first: a few damaged bytes (a file cut inside a
# character, a stray byte) must not send a UTF-8 file to a legacy decoder.
_LEGACY = ("utf-8", "gb18030", "big5hkscs")
# Tried when the bytes hold NULs: UTF-16/32 saved without a byte-order mark.
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# A few undecodable bytes in an otherwise clean file are tolerated (real web text has
# them); more than this share of replacement characters means the guess failed.
_MAX_REPLACED = 0.001
# Up to this share of replacement characters when the rest reads as common Chinese.
_MAX_DAMAGED = 0.01
# A guess (UTF-16/32 without a BOM, or a damaged file) must read as common Chinese at
# least this well (share of common characters) to be believed.
_MIN_SCORE = 0.9
# Control bytes that do not occur in text (tab, line feed, form feed, carriage return
# and escape do).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def read_text(path: str | Path, data: bytes | None = None) -> tuple[str, str]:
    """Decode the file at ``path`` (or ``data``); return ``(text, encoding)``.

    Raises InputError for an empty, too large, binary, unreadable or undecodable file
    and for one without any Chinese text.
    """
    name = str(path)
    if data is None:
        data = _read(Path(path), name)
    if len(data) > MAX_BYTES:
        raise InputError(_too_large(name, len(data)))
    if not data.strip():
        raise InputError(f"{name}: empty file")
    text, encoding = _decode(data, name)
    repaired = _undo_mojibake(text)
    if repaired is not None:
        try:
            text, inner = _decode(repaired, name)
            encoding = f"{inner} read as cp1252 and saved as utf-8"
        except InputError:
            pass
    if not any(c.isalnum() for c in text):
        raise InputError(f"{name}: no text: only whitespace, punctuation or control characters")
    if not _has_han(text):
        raise InputError(f"{name}: no Chinese text (not an article, or not in UTF-8, UTF-16, GB18030 or Big5)")
    return text, encoding


def _read(path: Path, name: str) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory, not an article file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_BYTES:
            raise InputError(_too_large(name, info.st_size))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _too_large(name: str, size: int) -> str:
    return (f"{name}: {size / 1e6:.1f} MB, over the {MAX_BYTES // (1024 * 1024)} MiB limit for one "
            f"article; split it into one file per article")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            label = encoding.replace("-sig", "").upper()
            found = _best(data, (encoding,), strict=False)
            # Bytes of another encoding read as UTF-16/32 give rare Chinese characters.
            garbled = found is not None and encoding != "utf-8-sig" and _has_han(found[1]) \
                and found[0] < _MIN_SCORE
            if found is None or garbled:
                raise InputError(f"{name}: starts with a {label} byte-order mark but does not read "
                                 f"as {label} text")
            return found[1], encoding.replace("-sig", "")
    if b"\x00" in data[:65536]:
        wide = _best(data, _WIDE, strict=True)
        if wide is not None and wide[0] >= _MIN_SCORE:
            return wide[1], wide[2]
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = _best(data, _LEGACY, strict=False)
    if best is None:
        raise InputError(f"{name}: undecodable: not UTF-8 (bad byte at offset {first_bad}), "
                         f"GB18030 or Big5 text")
    return best[1], best[2]


def _best(data: bytes, encodings: tuple[str, ...], strict: bool) -> tuple[float, str, str] | None:
    """The best-scoring decoding of ``data`` among ``encodings``: (score, text, encoding).

    A file cut short may end inside a character: a wide encoding drops the partial
    code unit, a narrow one gets one replacement character, which is tolerated.
    """
    best: tuple[float, str, str] | None = None
    for encoding in encodings:
        unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
        chunk = data[: len(data) - len(data) % unit]
        try:
            text = chunk.decode(encoding, errors="strict" if strict else "replace")
        except UnicodeDecodeError:
            continue
        replaced = text.count("\ufffd")
        if strict and _looks_binary(text.encode("utf-8")):
            continue
        common = _chinese_score(text)
        # More damage is believed only of text that reads as common Chinese.
        if replaced > max(2, len(text) * _MAX_REPLACED) and not (
                replaced <= len(text) * _MAX_DAMAGED and common >= _MIN_SCORE):
            continue
        score = common - replaced / max(1, len(text)) * 100
        if best is None or score > best[0]:
            best = (score, text, encoding)
    return best


def _undo_mojibake(text: str) -> bytes | None:
    """The bytes UTF-8 text was made of if it is text read as cp1252/Latin-1 and saved
    again (``æ\u0096°`` for 新); None if ``text`` does not look like that."""
    if _has_han(text[:20000]):
        return None
    out = bytearray()
    for c in text:
        code = ord(c)
        if code < 0x100:
            out.append(code)
            continue
        try:
            out += c.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out) if any(b >= 0x80 for b in out) else None


def _has_han(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def _looks_binary(data: bytes) -> bool:
    """More than 1 % control bytes (NUL included): a few stray ones are text damage."""
    head = data[:65536]
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > len(head) * 0.01


def _chinese_score(text: str) -> float:
    """Share of the text made of common Chinese characters (by jieba's frequencies).

    GB18030 read as Big5 (or the reverse) yields rare characters; the right reading
    yields common ones.
    """
    from sckg.normalize.language import char_log_frequency

    counts = [(c, k) for c, k in Counter(text[:20000]).items() if "\u4e00" <= c <= "\u9fff"]
    if not counts:
        return 0.0
    common = sum(k for c, k in counts if char_log_frequency(c) > -12.0)
    return common / sum(k for _, k in counts)
