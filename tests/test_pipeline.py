"""Tests of the pipeline (src/sckg/pipeline) and ``sckg build``: the seeds build to
the committed TriG bytes, conform to the shapes, score well against the gold
annotations (seeds and unseen articles); bad input is refused naming the file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sckg import evaluate, pipeline
from sckg.cli import main
from sckg.model import InputError

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
UNSEEN = ROOT / "tests" / "articles" / "unseen"
ONTOLOGY = ROOT / "ontology"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory):
    """The seeds built once for this file: ``(summary, path of the TriG file)``."""
    out = tmp_path_factory.mktemp("build") / "x.trig"
    summary = pipeline.build(pipeline.SEEDS, out=out, store=None, progress_bar=False)
    return summary, out


@pytest.fixture(scope="session")
def unseen_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("unseen") / "unseen.trig"
    summary = pipeline.build(UNSEEN, out=out, store=None, progress_bar=False)
    return summary, out


def test_seeds_build_to_the_committed_bytes(seeds_build):
    summary, out = seeds_build
    committed = (ROOT / "data" / "sckg.trig").read_bytes()
    built = out.read_bytes()
    assert summary.articles == len(list(pipeline.SEEDS.glob("*.txt")))
    assert built == committed, (
        f"build differs from data/sckg.trig: {len(built)} vs {len(committed)} bytes; "
        f"first difference at byte {next((i for i, (a, b) in enumerate(zip(built, committed)) if a != b), min(len(built), len(committed)))}")


@pytest.mark.parametrize("executor", ["process", "dask"])
def test_parallel_executors_write_the_serial_bytes(seeds_build, tmp_path, executor):
    """A process pool and Dask's distributed scheduler (a LocalCluster) give the
    byte-identical TriG of the serial build."""
    _, serial = seeds_build
    out = tmp_path / f"{executor}.trig"
    summary = pipeline.build(pipeline.SEEDS, out=out, store=None, progress_bar=False,
                             executor=executor, workers=2)
    assert summary.articles == 5
    assert out.read_bytes() == serial.read_bytes()


def test_seeds_build_conforms_to_the_shapes(seeds_build):
    summary, _ = seeds_build
    assert summary.validation is not None
    errors = summary.validation.errors
    assert summary.validation.conforms, "\n".join(
        f"{v.focus} {v.path} {v.value}: {v.message_en}" for v in errors[:20])


def _table(result) -> str:
    return evaluate.format_table(result, details=True)


def test_seeds_score_against_the_gold(seeds_build):
    _, out = seeds_build
    result = evaluate.evaluate(GOLD, out, ontology=ONTOLOGY)
    table = _table(result)
    low = []
    for category, score in result.entity_scores().items():
        if score.tp + score.fn == 0 and score.fp == 0:
            continue
        if score.precision < 0.95 or score.recall < 0.95:
            low.append(f"{category}: P={score.precision:.3f} R={score.recall:.3f}")
    posts = result.posts_total()
    if posts.precision < 0.9 or posts.recall < 0.9:
        low.append(f"posts: P={posts.precision:.3f} R={posts.recall:.3f}")
    figures = result.figures_total()
    if figures.precision < 0.95 or figures.recall < 0.95:
        low.append(f"figures: P={figures.precision:.3f} R={figures.recall:.3f}")
    assert not low, "below the bar: " + "; ".join(low) + "\n\n" + table
    assert len(result.articles) == 5


def test_unseen_articles_entity_recall(unseen_build):
    summary, out = unseen_build
    assert summary.articles == 4
    result = evaluate.evaluate(GOLD / "unseen", out, ontology=ONTOLOGY)
    total = result.entities_total()
    assert total.recall >= 0.85, f"entity recall {total.recall:.3f} < 0.85\n\n{_table(result)}"


def test_unseen_build_conforms(unseen_build):
    summary, _ = unseen_build
    assert summary.validation.conforms, [v.message_en for v in summary.validation.errors[:10]]


def test_bad_file_raises_input_error_naming_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "903_8e2b74c19f06d3a5.txt", folder / "903_8e2b74c19f06d3a5.txt")
    bad = folder / "904_badbadbadbadbad0.txt"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe\x00binary\x00\x00" * 20)
    out = tmp_path / "x.trig"
    with pytest.raises(InputError) as info:
        pipeline.build(folder, out=out, store=None, progress_bar=False, strict=True)
    assert "904_badbadbadbadbad0.txt" in str(info.value)
    assert "\n" not in str(info.value)
    assert not out.exists()


def test_a_bad_file_is_skipped_and_the_others_are_built(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "903_8e2b74c19f06d3a5.txt", folder / "903_8e2b74c19f06d3a5.txt")
    (folder / "904_badbadbadbadbad0.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00binary\x00\x00" * 20)
    (folder / "905_empty.txt").write_bytes(b"")
    out = tmp_path / "x.trig"
    summary = pipeline.build(folder, out=out, store=None, progress_bar=False)
    assert summary.articles == 1 and not summary.complete
    assert [Path(s.path).name for s in summary.skipped] == ["904_badbadbadbadbad0.txt", "905_empty.txt"]
    assert all("\n" not in s.reason and s.path in s.reason for s in summary.skipped)
    assert "graph:903_8e2b74c19f06d3a5 {" in out.read_text(encoding="utf-8")
    readme = (tmp_path / "refused" / "README").read_text(encoding="utf-8")
    assert "904_badbadbadbadbad0.txt" in readme and "905_empty.txt" in readme


def test_empty_file_raises_input_error_naming_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "905_empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="905_empty.txt"):
        pipeline.build(folder, out=tmp_path / "x.trig", store=None, progress_bar=False)


def test_folder_without_articles_raises_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no article files"):
        pipeline.build(tmp_path / "empty", out=tmp_path / "x.trig", store=None, progress_bar=False)


def test_cli_build_prints_the_summary(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", folder)
    out = tmp_path / "out.trig"
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "--no-store",
                                       "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "validation: conforms" in result.output
    assert "articles: 1" in result.output
    assert f"wrote {out}" in result.output
    assert out.is_file() and out.stat().st_size > 0
    assert not (tmp_path / "store").exists()


def test_cli_build_bad_file_exits_2(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "906_empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "--no-store",
                                       "--out", str(tmp_path / "x.trig"), "--quiet"])
    assert result.exit_code == 2
    assert "906_empty.txt" in result.output
    assert "Traceback" not in result.output


def test_the_same_text_under_two_names_is_built_once(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", folder / "a.txt")
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", folder / "b.txt")
    once = tmp_path / "once"
    once.mkdir()
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", once / "a.txt")
    summary = pipeline.build(folder, out=tmp_path / "two.trig", store=None, progress_bar=False)
    single = pipeline.build(once, out=tmp_path / "one.trig", store=None, progress_bar=False)
    assert summary.articles == 1
    assert [w for w in summary.warnings if "b.txt" in w and "a.txt" in w and "same text" in w]
    assert (tmp_path / "two.trig").read_bytes() == (tmp_path / "one.trig").read_bytes()
    assert single.figures == summary.figures > 0


def test_a_file_named_like_a_reserved_graph_gets_its_own_graph(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", folder / "gazetteer.txt")
    out = tmp_path / "x.trig"
    pipeline.build(folder, out=out, store=None, progress_bar=False)
    text = out.read_text(encoding="utf-8")
    assert text.count("graph:gazetteer {") == 1
    assert "graph:gazetteer-" in text and "id:article-gazetteer-" in text


def test_an_html_page_builds_without_markup_in_its_labels(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "page.txt").write_text(
        "<html><head><title>某市科技局召开众创空间工作会议</title></head><body>\n"
        "<div><a href='/'>首页</a></div>\n<h1>某市科技局召开众创空间工作会议</h1>\n"
        "<p>3月5日，<b>兰州市科学技术局</b>召开全市众创空间工作会议，局长张明出席会议并讲话。</p>\n"
        "<p>截至2022年底，兰州市共有省级以上众创空间45家。</p>\n</body></html>\n", encoding="utf-8")
    out = tmp_path / "x.trig"
    summary = pipeline.build(folder, out=out, store=None, progress_bar=False)
    text = out.read_text(encoding="utf-8")
    start = text.index("graph:page {")
    article_graph = text[start:text.index("\n}\n", start)]
    assert "<p>" not in article_graph and "<b>" not in article_graph and "</" not in article_graph
    assert "兰州市科学技术局" in article_graph and summary.figures >= 1


def test_one_person_s_posts_in_two_articles_own_bodies_are_two_whole_posts(tmp_path):
    # 区科技局 with no district known is each article's own body; 林海涛 of two Jiangsu articles is one
    # person. His two posts are two memberships, each with one organisation: none is held back.
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, city in (("wuxi", "无锡"), ("changzhou", "常州")):
        (folder / f"{name}.txt").write_text(
            f"{city}召开科技工作会议\n本报讯 日前，{city}市召开科技工作会议。区科技局副局长林海涛介绍了情况。\n",
            encoding="utf-8")
    out = tmp_path / "x.trig"
    summary = pipeline.build(folder, out=out, store=None, progress_bar=False)
    assert summary.complete and not summary.held
    text = out.read_text(encoding="utf-8")
    posts = re.findall(r"(id:membership-lin-hai-tao-[a-z0-9-]+) a org:Membership", text)
    assert len(set(posts)) == 2 and all(p.startswith("id:membership-lin-hai-tao-320000-") for p in posts)


def test_a_saved_page_is_an_article_and_a_clash_of_ids_is_skipped_in_one_line(tmp_path):
    """--seeds reads *.txt and saved pages (*.html, *.htm, in any case); of two files
    with one article id (a.html, a.txt) the first by name is built, the other skipped
    with a line naming both, never merged into one graph."""
    folder = tmp_path / "articles"
    folder.mkdir()
    first, second = sorted(UNSEEN.glob("*.txt"))[:2]
    (folder / "a.html").write_text("<html><body><p>" + first.read_text("utf-8").replace("\n", "</p><p>")
                                   + "</p></body></html>", encoding="utf-8")
    shutil.copy(second, folder / "a.txt")
    shutil.copy(second, folder / "Page.HTM")
    result = CliRunner().invoke(main, ["build", "--seeds", str(folder), "--no-store", "--out", str(tmp_path / "o.trig"),
                                       "--quiet"])
    assert result.exit_code == 4, result.output
    assert "skipped: " in result.output and "a.txt: the same article id as a.html" in result.output
    dump = (tmp_path / "o.trig").read_text("utf-8")
    assert "graph:a {" in dump and "graph:Page {" in dump


def test_a_rebuild_keeps_the_dump_s_permissions(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(UNSEEN / "902_3f8d61b0e59a2c47.txt", folder)
    out = tmp_path / "out.trig"
    args = ["build", "--seeds", str(folder), "--no-store", "--out", str(out), "--quiet"]
    assert CliRunner().invoke(main, args).exit_code == 0
    out.chmod(0o600)
    assert CliRunner().invoke(main, args).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o600
