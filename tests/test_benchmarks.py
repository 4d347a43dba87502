"""The synthetic article generator (benchmarks/synthetic, benchmarks/generate.py):
deterministic bytes, the prefix property, the seeds' encodings and damage, no seed
text, and the real pipeline reading what it writes (recall against the manifest)."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import FILE_NAME, World, generate_article, write_corpus  # noqa: E402

SAMPLE = 50


@pytest.fixture(scope="module")
def world(gazetteer) -> World:
    return World(gazetteer, seed=0)


@pytest.fixture(scope="module")
def sample(world):
    return [generate_article(world, i) for i in range(SAMPLE)]


def test_same_seed_same_bytes(gazetteer, tmp_path):
    first = write_corpus(12, tmp_path / "a", seed=3, world=World(gazetteer, seed=3))
    second = write_corpus(12, tmp_path / "b", seed=3, world=World(gazetteer, seed=3))
    assert first == second
    names = sorted(str(p.relative_to(tmp_path / "a")) for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(tmp_path / "b")) for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert len(names) == 12 + 12 + 1  # articles, gold records, manifest
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    other = World(gazetteer, seed=4)
    assert generate_article(other, 0).data != (tmp_path / "a" / first[0]["file"]).read_bytes()


def test_small_corpus_is_a_prefix_of_a_larger_one(gazetteer, tmp_path):
    small = write_corpus(4, tmp_path / "small", seed=0, world=World(gazetteer, seed=0))
    large = write_corpus(9, tmp_path / "large", seed=0, world=World(gazetteer, seed=0))
    assert large[:4] == small
    for entry in small:
        assert (tmp_path / "small" / entry["file"]).read_bytes() == (tmp_path / "large" / entry["file"]).read_bytes()
    manifest = json.loads((tmp_path / "large" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 9 and [e["file"] for e in manifest["articles"]] == [e["file"] for e in large]
    for entry in small:
        gold = entry["file"][:-4] + ".json"
        assert (tmp_path / "small" / "gold" / gold).read_bytes() == (tmp_path / "large" / "gold" / gold).read_bytes()


def test_command_line_writes_files_and_manifest(gazetteer, tmp_path):
    """The command, in another process (another hash seed), writes the same bytes."""
    out = tmp_path / "corpus"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "3", str(out), "--seed", "1"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    files = sorted(p.name for p in out.iterdir() if p.suffix == ".txt")
    assert len(files) == 3 and all(FILE_NAME.match(f) for f in files)
    assert [f[:6] for f in files] == ["000000", "000001", "000002"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 1 and [e["file"] for e in manifest["articles"]] == files
    from sckg.evaluate import load_gold

    assert [g["article"] for g in load_gold(out / "gold")] == [f[:-4] for f in files]
    here = World(gazetteer, seed=1)
    for i, name in enumerate(files):
        assert generate_article(here, i).data == (out / name).read_bytes(), name
    bad = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "-1", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "N must be" in bad.stderr
    (tmp_path / "file").write_text("x")
    bad = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "1", str(tmp_path / "file")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "not a folder" in bad.stderr and "Traceback" not in bad.stderr


def test_sample_has_the_seeds_encodings_scripts_and_damage(sample):
    from sckg.normalize.decode import read_text

    entries = [g.entry for g in sample]
    assert {"utf-8", "gb18030", "big5"} <= {e["encoding"] for e in entries}
    assert {"zh-Hans", "zh-Hant"} == {e["script"] for e in entries}
    kinds = {k for e in entries for k in e["damage_kinds"]}
    assert {"pinyin-annotation", "gbk-shift"} <= kinds
    assert {"news", "notice", "feature"} == {e["kind"] for e in entries}
    assert len({e["province"] for e in entries}) >= 15
    for g in sample:
        e = g.entry
        assert FILE_NAME.match(g.name) and e["bytes"] == len(g.data)
        text, detected = read_text(g.name, g.data)
        assert detected == {"utf-8-sig": "utf-8", "big5": "big5hkscs"}.get(e["encoding"], e["encoding"]), g.name
        for d in e["damage"]:
            assert text[d["start"]:d["start"] + len(d["damaged"])] == d["damaged"], g.name
            assert d["damaged"].startswith("?") and d["damaged"] != d["original"]
        if e["annotated"]:
            assert re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+ ?\)", text), g.name
        assert len(e["planted"]["figures"]) == len(g.gold["figures"]) > 0
    sizes = [e["bytes"] for e in entries]
    assert 1000 <= min(sizes) and max(sizes) <= 20000 and 4000 <= statistics.median(sizes) <= 9000


def test_no_seed_text_or_name_appears(sample):
    """Realism comes from templates and dictionaries: no run of 16 characters (without
    digits: a statistic may coincide by chance) of a seed,
    and no name of a person, organisation, carrier, event or programme the seeds' gold
    files list, occurs in generated articles."""
    from sckg.normalize import normalize_file, normalize_text

    runs = set()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        clean = normalize_file(seed).clean
        runs |= {clean[i:i + 16] for i in range(len(clean) - 15) if not re.search(r"[\s\d]", clean[i:i + 16])}
    seed_names = set()
    for gold in sorted((ROOT / "tests" / "gold").glob("*.json")):
        for ent in json.loads(gold.read_text(encoding="utf-8"))["entities"]:
            # Places, agencies and zones named after places are gazetteer data, shared by design.
            if ent["type"] in ("Place", "GovernmentAgency") or ent.get("class") in _PLACE_NAMED:
                continue
            seed_names |= {n for n in [ent["name"], *ent.get("aliases", [])] if len(n) >= 3}
    for g in sample[:25]:
        clean = normalize_text(g.data.decode(_codec(g.entry["encoding"]))).clean
        shared = {clean[i:i + 16] for i in range(len(clean) - 15)} & runs
        assert not shared, (g.name, sorted(shared)[:3])
        assert not [n for n in seed_names if n in clean], g.name


_PLACE_NAMED = ("HighTechZone", "EconomicDevelopmentZone", "TechnologyMarket")


def _codec(encoding: str) -> str:
    return {"utf-8-sig": "utf-8-sig", "big5": "big5"}.get(encoding, encoding)


def test_pipeline_reads_generated_articles(sample, tmp_path):
    from benchmarks.synthetic.recall import pipeline, score

    chosen = sample[:20]
    for g in chosen:
        (tmp_path / g.name).write_bytes(g.data)
    articles, ds, summary = pipeline([tmp_path / g.name for g in chosen])
    assert summary.articles == 20 and summary.figures > 100
    assert {"Person", "MakerSpace", "GovernmentAgency", "Place"} <= set(summary.entities)
    result = score([g.entry for g in chosen], [g.gold for g in chosen], articles, ds)
    print("\n" + "\n".join(result.lines()))
    assert result.carriers >= 0.5, result.lines()
    assert result.figure_recall >= 0.5, result.lines()
    assert result.ratio(result.entities["Person"]) >= 0.5
    assert result.damage[0] > 0 and result.damage[1] > 0


def test_a_partial_bench_run_keeps_each_parts_commit(tmp_path, monkeypatch):
    """`run.py --only incremental` replaces that part only; the report says for each
    section at which commit it was measured, not the latest run's commit for all."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import run as bench_run

    monkeypatch.setattr(bench_run, "HERE", tmp_path)
    machine = {"commit": "aaaaaaa", "date": "2026-01-01"}
    throughput = [{"n": 10, "mb": 0.1, "executor": "serial", "workers": 1, "seconds": 2.0, "runs": [2.0],
                   "articles_per_s": 5.0}]
    bench_run.save({"machine": machine, "throughput": throughput})
    bench_run.save({"machine": {"commit": "bbbbbbb", "date": "2026-01-02"},
                    "incremental": [{"n": 10, "store_quads": 5, "warm_seconds": 0.2, "cli_seconds": 1.5,
                                     "steps": {"context": 0.1}, "conforms": True}]})
    saved = json.loads((tmp_path / "results" / "bench.json").read_text())
    assert saved["measured"] == {"throughput": {"commit": "aaaaaaa", "date": "2026-01-01"},
                                 "incremental": {"commit": "bbbbbbb", "date": "2026-01-02"}}
    text = (tmp_path / "RESULTS.md").read_text()
    head, rest = text.split("### Pipeline throughput")
    throughput_part, incremental_part = rest.split("### Adding one article")
    assert "Last run 2026-01-02 at commit bbbbbbb" in head
    assert "Measured at commit aaaaaaa on 2026-01-01" in throughput_part and "bbbbbbb" not in throughput_part
    assert "Measured at commit bbbbbbb on 2026-01-02" in incremental_part
