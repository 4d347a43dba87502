"""Seeded mutants of real articles, for the reliability tests (tests/test_reliability.py).

Every mutant is made from the seeds (seeds/*.txt) and the unseen test articles
(tests/articles/unseen/*.txt) by one kind of damage a researcher's files really show:
truncation (also inside a multi-byte character), random bytes, bytes spliced in, halves
in different encodings, wrong encodings (UTF-16/32, Latin-1 mojibake), NUL bytes,
whitespace or boilerplate only, empty, huge, odd file names, and paths that are not
readable article files (a folder, a missing file, a broken or looping symlink).

The same seed gives the same mutants, byte for byte. Write a set to a folder with

    .venv/bin/python tests/articles/mutate.py --seed 1 --count 1000 /tmp/mutants
"""

from __future__ import annotations

import argparse
import codecs
import sys
import os
import random
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles" / "unseen").glob("*.txt"))

#: Files above this size are refused by ``sckg ingest`` (see sckg.normalize.decode).
HUGE_BYTES = 20_000_000

# Web-page furniture without any article body (generic lines, not from any one seed).
BOILERPLATE = [
    "首页 > 新闻中心 > 工作动态", "您当前的位置：首页 > 科技要闻", "网站首页", "打印本页 关闭窗口",
    "【字体：大 中 小】", "上一篇：", "下一篇：", "分享到：", "返回顶部", "相关新闻", "延伸阅读",
    "热点新闻", "关注我们", "微信公众号", "联系我们 | 网站地图 | 关于我们",
    "版权所有：某省科学技术厅  地址：某市某路1号  邮编：100000", "ICP备12345678号-1",
    "公网安备 11010502000000号", "Copyright © 2001-2024 All Rights Reserved",
    "未经授权禁止转载，违者依法追究法律责任", "免责声明", "来源：  发布时间：  浏览次数：",
]
WHITESPACE = [" ", "\t", "\n", "\r\n", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2028"]

KINDS = (
    "truncate", "truncate-mid-char", "random-bytes", "splice", "mixed-encodings", "utf16",
    "utf32", "latin1-mojibake", "cp1252-read-as-gbk", "nul-bytes", "empty", "whitespace",
    "boilerplate", "long-line", "crlf", "odd-name", "directory", "missing", "broken-symlink",
    "symlink-loop", "not-a-folder", "fifo", "bom-then-wrong", "control-chars", "huge",
)


@dataclass(frozen=True)
class Mutant:
    """One damaged input: ``data`` to write under ``name``, or a ``special`` path kind."""

    name: str
    kind: str
    source: str
    data: bytes = b""
    special: str = ""

    def write(self, folder: Path) -> Path:
        """Create the mutant in ``folder``; the path to give ``sckg ingest``."""
        path = folder / self.name
        if self.special == "directory":
            path.mkdir()
        elif self.special == "missing":
            pass
        elif self.special == "broken-symlink":
            path.symlink_to(folder / f"absent-{self.name}")
        elif self.special == "symlink-loop":
            path.symlink_to(path)
        elif self.special == "fifo":
            os.mkfifo(path)
        elif self.special == "not-a-folder":
            (folder / f"{self.name}.d").write_bytes(b"x")
            return folder / f"{self.name}.d" / "article.txt"
        else:
            path.write_bytes(self.data)
        return path


def _texts() -> list[tuple[str, bytes, str]]:
    """(name, raw bytes, decoded text) of every source article."""
    from sckg.normalize.decode import read_text

    return [(p.name, p.read_bytes(), read_text(p)[0]) for p in SOURCES]


def _mid_char_cut(text: str, rng: random.Random) -> bytes:
    raw = text.encode("utf-8")
    starts = [i for i, b in enumerate(raw) if b >= 0xC0]
    if not starts:
        return raw[: rng.randrange(len(raw) + 1)]
    i = rng.choice(starts)
    return raw[: i + rng.randint(1, 2)]  # inside the character's continuation bytes


def _encode_half(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def _mutate(kind: str, raw: bytes, text: str, rng: random.Random) -> tuple[bytes, str]:
    """The damaged bytes for ``kind`` (and a special path kind, else "")."""
    if kind == "truncate":
        return raw[: rng.randrange(len(raw) + 1)], ""
    if kind == "truncate-mid-char":
        return _mid_char_cut(text, rng), ""
    if kind == "random-bytes":
        return rng.randbytes(rng.choice([1, 7, 100, 4096, 65536])), ""
    if kind == "splice":
        out = bytearray(raw)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(out) + 1)
            out[at:at] = rng.randbytes(rng.randint(1, 48))
        return bytes(out), ""
    if kind == "mixed-encodings":
        cut = rng.randrange(len(text) + 1)
        first, second = rng.sample(["utf-8", "gb18030", "big5"], 2)
        return _encode_half(text[:cut], first) + _encode_half(text[cut:], second), ""
    if kind == "utf16":
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be"])
        data = text.encode(encoding)
        return (data[:-1] if rng.random() < 0.3 else data), ""  # odd length: cut mid unit
    if kind == "utf32":
        return text.encode(rng.choice(["utf-32", "utf-32-le"])), ""
    if kind == "latin1-mojibake":
        # UTF-8 bytes read as Latin-1 and saved again as UTF-8 (a classic web pipeline bug).
        return text.encode("utf-8").decode("latin-1").encode("utf-8"), ""
    if kind == "cp1252-read-as-gbk":
        return text.encode("gb18030", errors="replace").decode("cp1252", errors="replace").encode("utf-8"), ""
    if kind == "nul-bytes":
        out = bytearray(raw)
        for _ in range(rng.randint(1, 5)):
            out.insert(rng.randrange(len(out) + 1), 0)
        return bytes(out), ""
    if kind == "empty":
        return b"", ""
    if kind == "whitespace":
        return "".join(rng.choice(WHITESPACE) for _ in range(rng.randint(1, 400))).encode("utf-8"), ""
    if kind == "boilerplate":
        lines = rng.sample(BOILERPLATE, rng.randint(1, len(BOILERPLATE)))
        return "\n".join(lines).encode(rng.choice(["utf-8", "gb18030"])), ""
    if kind == "long-line":
        return text.replace("\n", "").replace("\r", "").encode("utf-8") * rng.randint(1, 20), ""
    if kind == "crlf":
        return text.replace("\n", rng.choice(["\r\n", "\r", "\u2029"])).encode("utf-8"), ""
    if kind == "bom-then-wrong":
        bom, body = rng.choice([(codecs.BOM_UTF8, text.encode("gb18030", errors="replace")),
                                (codecs.BOM_UTF16_LE, text.encode("utf-8")),
                                (codecs.BOM_UTF8, b"")])
        return bom + body, ""
    if kind == "control-chars":
        chars = [c for c in text]
        for _ in range(rng.randint(1, 30)):
            chars.insert(rng.randrange(len(chars) + 1), chr(rng.choice([1, 7, 8, 0x1B, 0x7F, 0x85, 0x202E, 0xFFFF])))
        return "".join(chars).encode("utf-8", errors="surrogatepass"), ""
    if kind == "huge":
        return (raw * (HUGE_BYTES // max(1, len(raw)) + 1))[:HUGE_BYTES], ""
    if kind == "odd-name":
        return raw, ""
    if kind in ("directory", "missing", "broken-symlink", "symlink-loop", "not-a-folder", "fifo"):
        return b"", kind
    raise ValueError(kind)


_ODD_NAMES = ["新闻 稿{n}.txt", "a b#c{n}.txt", "100%{n}.txt", "q?{n}.txt", "UPPER{n}.TXT", "noext{n}",
              "dots.in.name{n}.txt", "tab\t{n}.txt", "émoji🚀{n}.txt", "<{n}>.txt", "{n}\"quote\".txt"]


def mutants(seed: int, count: int, *, kinds: tuple[str, ...] = KINDS) -> list[Mutant]:
    """``count`` mutants from ``seed``: every kind in turn, then random kinds."""
    rng = random.Random(seed)
    texts = _texts()
    out = []
    for i in range(count):
        kind = kinds[i] if i < len(kinds) else rng.choice(kinds)
        source, raw, text = texts[rng.randrange(len(texts))]
        data, special = _mutate(kind, raw, text, rng)
        if kind == "odd-name":
            name = rng.choice(_ODD_NAMES).format(n=i)
        else:
            name = f"m{seed:03d}-{i:04d}-{kind}.txt"
        out.append(Mutant(name, kind, source, data, special))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=len(KINDS))
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    for mutant in mutants(args.seed, args.count):
        print(mutant.write(args.folder))


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
