"""One article from its index and the seed, and a corpus of N of them with a manifest.

Article ``i`` draws everything from ``random.Random(f"{seed}:article:{i}")`` and the
world (which depends on the seed alone), so it is the same whatever N is: the corpus of
100 is the first 100 files of the corpus of 10,000. Files are named like the seeds,
``{index:06d}_{first 16 hex digits of the SHA-256 of the bytes}.txt``.

Next to the articles: ``manifest.json`` (per file: kind, province, date, encoding,
script, damage, size, and what was planted) and ``gold/{article-id}.json``, the full
answer key in the format of tests/gold (``sckg eval OUTDIR/gold data.trig`` reads it).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from . import boilerplate, names
from .article import Ctx
from .figures import FigureMaker
from .grammar import Paragraph, weighted
from .kinds import KINDS
from .surface import Surface, render
from .world import World

FILE_NAME = re.compile(r"^\d{6}_[0-9a-f]{16}\.txt$")
GOLD_NAME = re.compile(r"^\d{6}_[0-9a-f]{16}\.json$")
# Encodings in the seeds' proportions plus the test articles' variety.
ENCODINGS = {"utf-8": 70, "utf-8-sig": 3, "gb18030": 14, "big5": 13}
# File sizes: log-normal around a median of 6.9 KB, kept within 2–15 KB.
MEDIAN_BYTES, SIGMA, MIN_BYTES, MAX_BYTES = 6900, 0.42, 2000, 15000


@dataclass
class Generated:
    """One generated article: its file name, bytes, manifest entry and gold record."""

    name: str
    data: bytes
    entry: dict
    gold: dict


def _surface(rng: random.Random) -> Surface:
    encoding = weighted(rng, ENCODINGS)
    s = Surface(encoding, full_width=rng.random() < 0.3, crlf=rng.random() < 0.04)
    if encoding == "big5":
        s.traditional = True
    elif encoding == "gb18030":
        s.traditional = rng.random() < 0.15
        s.damages = 1 if rng.random() < 0.1 else 0
    else:
        s.traditional = rng.random() < 0.45
        s.opencc_config = "s2tw" if rng.random() < 0.8 else "s2t"
        s.annotate = rng.uniform(0.3, 0.9) if s.traditional and rng.random() < 0.75 else 0.0
        s.damages = rng.randint(1, 3) if rng.random() < 0.3 else 0
    return s


def _date(rng: random.Random) -> datetime.date:
    year = weighted(rng, {y: 1 + (y - 2015) // 2 for y in range(2015, 2025)})
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(20, 350))


def generate_article(world: World, index: int) -> Generated:
    """Article ``index`` of the world's seed."""
    rng = random.Random(f"{world.seed}:article:{index}")
    prov = world.pick_province(rng)
    city = prov.cities[0] if rng.random() < 0.4 or len(prov.cities) < 2 else rng.choice(prov.cities[1:])
    date = _date(rng)
    surface = _surface(rng)
    target = min(MAX_BYTES, max(MIN_BYTES, round(math.exp(rng.gauss(math.log(MEDIAN_BYTES), SIGMA)))))
    # Bytes per character of text (CJK with ASCII punctuation and digits, pinyin added).
    per_char = 1.85 if surface.encoding in ("gb18030", "big5") else 2.65 * (1.25 if surface.annotate else 1.0)
    kind = weighted(rng, {k: w for k, (_, w) in KINDS.items()})
    ctx = Ctx(rng, world, prov, city, date, FigureMaker(rng, prov.place.name))
    boiler = 450 if kind != "notice" else 250
    body, title = KINDS[kind][0](ctx, max(300, int(target / per_char) - boiler))
    site, paper = rng.choice(prov.sites), rng.choice(prov.papers + [None])
    reporter = names.han_name(rng) if kind != "notice" and rng.random() < 0.7 else None
    editor = names.han_name(rng) if kind != "notice" and rng.random() < 0.6 else None
    head = boilerplate.header(ctx, title, site, paper, reporter, editor, kind)
    source = rng.choice(prov.papers) if kind == "feature" and rng.random() < 0.3 else None
    foot = boilerplate.footer(ctx, site, editor if editor not in head.people else None, kind, source)
    segments, paragraphs = _segments(rng, head.lines + head.byline, body, foot)
    rendered = render(rng, segments, surface)
    name = f"{index:06d}_{hashlib.sha256(rendered.data).hexdigest()[:16]}.txt"
    people = head.people + ([editor] if editor and editor not in head.people else [])
    outlets = head.outlets + ([source] if source else [])
    gold = _gold(name[:-4], surface, date, title, paragraphs, people, outlets)
    kinds = (["pinyin-annotation"] if surface.annotate else []) + \
        (["gbk-shift"] if rendered.damages else []) + (["big5-unencodable"] if rendered.unencodable else [])
    entry = {
        "file": name, "index": index, "kind": kind, "province": prov.place.code, "date": date.isoformat(),
        "encoding": surface.encoding, "script": gold["script"], "annotated": bool(surface.annotate),
        "full_width": surface.full_width, "line_endings": "crlf" if surface.crlf else "lf",
        "damage_kinds": kinds, "damage": rendered.damages, "unencodable": rendered.unencodable,
        "bytes": len(rendered.data), "chars": len(rendered.text), "planted": _planted(gold),
    }
    return Generated(name, rendered.data, entry, gold)


def _segments(rng: random.Random, head: list[str], body: list[Paragraph],
              foot: list[str]) -> tuple[list[tuple[str, str]], list[Paragraph]]:
    indent = rng.choice(["", "  ", "　　", "  "])
    gap = rng.choice(["\n", "\n\n", "\n \n"])
    segments: list[tuple[str, str]] = [("\n".join(head) + "\n", "boiler")]
    closed = []
    for p in body:
        p.close()
        closed.append(p)
        segments.append((indent, "boiler"))
        segments += [(t, "protected" if protected else "body") for t, protected in p.pieces]
        segments.append((gap, "boiler"))
    segments.append(("\n".join(foot) + "\n", "boiler"))
    return segments, closed


def _gold(article: str, surface: Surface, date: datetime.date, title: str, paragraphs: list[Paragraph],
          people: list[str], outlets: list[str]) -> dict:
    """The manifest's answer key, in the format of tests/gold (sckg.evaluate reads it)."""
    entities: dict[tuple[str, str], dict] = {}
    for p in paragraphs:
        for ent in p.entities:
            key = (ent.record["type"], ent.record["name"])
            if key not in entities:
                entities[key] = {**ent.record, "aliases": list(ent.record.get("aliases", []))}
            else:
                merged = set(entities[key]["aliases"]) | set(ent.record.get("aliases", []))
                entities[key]["aliases"] = sorted(merged - {ent.record["name"]})
    for person in people:
        entities.setdefault(("Person", person), {"type": "Person", "name": person, "aliases": [],
                                                 "note": "byline"})
    for outlet in outlets:
        entities.setdefault(("MediaOutlet", outlet), {"type": "MediaOutlet", "name": outlet, "aliases": []})
    posts = []
    for p in paragraphs:
        for post in p.posts:
            if post not in posts:
                posts.append(post)
    figures = [f for p in paragraphs for f in p.figures]
    return {"article": article, "encoding": surface.encoding.replace("utf-8-sig", "utf-8"),
            "script": "zh-Hant" if surface.traditional else "zh-Hans", "date": date.isoformat(),
            "title": title, "entities": list(entities.values()), "posts": posts, "figures": figures}


def _planted(gold: dict) -> dict:
    by_type: dict[str, list] = {}
    for e in gold["entities"]:
        by_type.setdefault(e["type"], []).append(e)
    return {
        "places": sorted(e["name"] for e in by_type.get("Place", [])),
        "carriers": [{"name": e["name"], "class": e.get("class"), "level": e.get("level")}
                     for e in by_type.get("InnovationCarrier", [])],
        "people": sorted(e["name"] for e in by_type.get("Person", [])),
        "events": [{"name": e["name"], "class": e.get("class"), "edition": e.get("edition"), "date": e.get("date")}
                   for e in by_type.get("Event", [])],
        "programmes": sorted(e["name"] for e in by_type.get("Programme", [])),
        "organisations": sorted(e["name"] for t, es in sorted(by_type.items()) for e in es
                                if t not in ("Place", "InnovationCarrier", "Person", "Event", "Programme")),
        "figures": [[f["value"], f["unit"], f["indicator"]] for f in gold["figures"]],
    }


def read_gold(outdir: Path, entry: dict) -> dict:
    """The gold record of a manifest entry, from ``outdir/gold``."""
    return json.loads((outdir / "gold" / (entry["file"][:-4] + ".json")).read_text(encoding="utf-8"))


def write_corpus(n: int, outdir: Path, seed: int = 0, world: World | None = None) -> list[dict]:
    """Write articles ``0 … n-1``, ``manifest.json`` and ``gold/*.json`` into ``outdir``;
    returns the manifest entries.

    Files of an earlier run (our file-name patterns, and the manifest) are removed first.
    """
    if world is None:
        from sckg.link import build_gazetteer
        world = World(build_gazetteer(), seed)
    golds = outdir / "gold"
    golds.mkdir(parents=True, exist_ok=True)
    for folder, pattern in ((outdir, FILE_NAME), (golds, GOLD_NAME)):
        for old in folder.iterdir():
            if old.is_file() and (pattern.match(old.name) or old.name == "manifest.json"):
                old.unlink()
    entries = []
    for i in range(n):
        art = generate_article(world, i)
        (outdir / art.name).write_bytes(art.data)
        (golds / (art.name[:-4] + ".json")).write_text(
            json.dumps(art.gold, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        entries.append(art.entry)
    manifest = {"generator": "benchmarks/synthetic", "seed": seed, "count": n, "articles": entries}
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for e in entries)
    head = json.dumps({k: v for k, v in manifest.items() if k != "articles"}, ensure_ascii=False, sort_keys=True)
    (outdir / "manifest.json").write_text(head[:-1] + ', "articles": [\n' + lines + "\n]}\n", encoding="utf-8")
    return entries
