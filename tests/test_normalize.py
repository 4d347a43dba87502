"""The normalize stage on the seed articles and on hand-made bad and odd input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sckg.cli import main
from sckg.model import InputError, MapBuilder, OffsetMap
from sckg.normalize import clean_text, normalize_file, normalize_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PINYIN_ANNOTATION = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}\)")


def seed(prefix: str):
    return normalize_file(next(SEEDS.glob(f"{prefix}_*.txt")))


EXPECTED = {
    "000": dict(title="西藏自治区各类双创载体累计孵化企业2800余家", date=None,
                publisher="中国西藏网", source=None, authors=[], editors=[],
                first="近日,第二期西藏自治区创业孵化从业人员培训班在拉萨举办。",
                last="鼓励和引导更多人在西藏创业,促进自治区就业和经济高质量发展。"),
    "001": dict(title="新疆创业创新热潮涌动", date=None, publisher="新疆民生网", source=None,
                authors=["张瑞麟"], editors=[],
                first="如今在天山南北,大众创业、万众创新的热潮正不断翻涌。",
                last="联合其他社会创业服务机构打造专业化、组织化创业公共服务网络。"),
    "002": dict(title="【大众创业 万众创新】科技“双创”激发高质量发展新动能",
                date="2021-10-19T10:21", publisher="中国甘肃网", source="甘肃日报",
                authors=["苏家英"], editors=["张玉芳"],
                first="近年来,我省以高质量发展众创空间、科技企业孵化器等新型创业孵化服务平台为着力点,",
                last="与中美企业峰会、硅谷创业节、硅谷丁丁电视等机构达成战略合作。"),
    "003": dict(title="新疆:\"天山众创行动\"激活创新基因", date="2017-12-27",
                publisher="中国产业经济信息网", source="中国高新技术产业导报",
                authors=[], editors=[],
                first="1993年,新疆第一家孵化器——乌鲁木齐高新区高新技术创业服务中心成立,",
                last="被纳入国家级科技企业孵化器管理服务体系。"),
    "004": dict(title="云南省科技厅厅长王学勤到云南省高层次人才创新创业园调研“双创”工作",
                date="2021-10-26T16:15:51", publisher="云南煤化工应用技术研究院有限公司",
                source="云南科技厅", authors=[], editors=[],
                first="2021年10月23日,云南省科技厅党组书记、厅长王学勤到云南省高层次人才创新创业园调研“双创”工作。",
                last="昆明国家高新技术产业开发区管委会有关部门负责人参加调研。"),
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_metadata_and_body_edges(prefix):
    article = seed(prefix)
    want = EXPECTED[prefix]
    for key in ("title", "date", "publisher", "source", "authors", "editors"):
        assert getattr(article, key) == want[key], key
    assert article.body.startswith(want["first"])
    assert article.body.endswith(want["last"])


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_no_pinyin_annotation_survives(prefix):
    article = seed(prefix)
    assert not PINYIN_ANNOTATION.search(article.clean)


def test_damaged_stretches_in_000_are_repaired():
    article = seed("000")
    assert "。”包汉文说" in article.body
    assert "提升。科技企业孵化器和众创空间" in article.body
    assert [d.status for d in article.damaged] == ["repaired", "repaired"]
    for d in article.damaged:
        assert article.original[d.orig_start:d.orig_end] == d.damaged
        assert article.clean[d.clean_start:d.clean_end] == d.repaired


def test_damaged_stretches_in_003_are_repaired_or_marked():
    article = seed("003")
    assert "统筹当地科技专项资金" in article.body
    statuses = {d.repaired or d.status for d in article.damaged}
    assert "地科技专项" in statuses
    # The hot-topic teaser lost a character for good: marked, not guessed.
    marked = [d for d in article.damaged if d.status == "marked"]
    assert marked and all(article.clean[d.clean_start:d.clean_end] == "\ufffd" for d in marked)


@pytest.mark.parametrize("prefix,teaser", [
    ("000", "西藏藏医药生产企业产值十年翻一番"),
    ("000", "人行拉萨中支"),
    ("001", "吉木乃县"),
    ("002", "甘肃省残联"),
    ("002", "核酸检测"),
    ("003", "国际道路运输线路"),
    ("003", "朴槿惠"),
    ("003", "版权及免责声明"),
    ("004", "欢迎进入"),
])
def test_sidebar_and_notices_stay_out_of_the_body(prefix, teaser):
    article = seed(prefix)
    assert teaser not in article.body
    assert any(teaser in b.text for b in article.boilerplate)


def test_boilerplate_is_labelled_by_kind():
    kinds = {b.kind for b in seed("002").boilerplate}
    assert {"navigation", "title", "metadata", "byline", "copyright", "related", "hot",
            "footer"} <= kinds


def test_traditional_source_keeps_its_script_alongside():
    article = seed("000")
    assert article.traditional
    i = article.clean.index("包汉文")
    assert article.script_text[i:i + 3] == "包漢文"
    assert len(article.script_text) == len(article.clean)
    assert not seed("001").traditional


@pytest.mark.parametrize("source, clean", [
    ("吉林省乾安县新建众创空间3家,乾安的创客越来越多。", "吉林省乾安县新建众创空间3家,乾安的创客越来越多。"),
    ("吉林省乾安縣新建眾創空間3家,天氣乾燥。", "吉林省乾安县新建众创空间3家,天气干燥。"),
    ("河南省濬縣舉辦創業大賽。", "河南省浚县举办创业大赛。"),
])
def test_division_names_survive_simplification(source, clean):
    article = normalize_text(source + "\n")
    assert article.clean == clean
    assert article.traditional == (source != clean)


def test_variant_characters_t2s_leaves_become_standard():
    article = normalize_text("陜西省科技廳組織硏究人員走訪靑年創業園。\n")
    assert article.clean == "陕西省科技厅组织研究人员走访青年创业园。"
    assert article.script_text.startswith("陜西省")


def test_protected_division_names_match_the_gazetteer():
    """PLACE_FORMS holds every division name (and short form, in either script) that
    t2s would change into something other than the gazetteer's zh-Hans form."""
    from sckg.link import names
    from sckg.link.divisions import base_divisions
    from sckg.normalize.language import _T2S, PLACE_FORMS

    def t2s(text: str) -> str:
        out = _T2S.convert(text)
        return out if len(out) == len(text) else "".join(
            _T2S.convert(c) if len(_T2S.convert(c)) == 1 else c for c in text)

    divisions, _ = base_divisions()
    damaged = {}
    for d in divisions.values():
        pairs = [(d.name, d.name), *((s, s) for s in d.short_names)]
        if d.name_hant:
            pairs += [(d.name_hant, d.name), *zip(names.traditional(list(d.short_names)), d.short_names)]
        damaged.update((form, zh) for form, zh in pairs if len(form) == len(zh) and t2s(form) != zh)
    assert PLACE_FORMS == damaged


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_body_paragraphs_map_to_original_text(prefix):
    article = seed(prefix)
    for block in article.body_blocks:
        o_start, o_end = article.original_range(block.start, block.end)
        again, *_ = clean_text(article.original[o_start:o_end])
        assert again == block.text


@st.composite
def clean_ranges(draw, prefix):
    article = seed(prefix)
    bounds = article.offsets.boundaries()
    a = draw(st.sampled_from(bounds))
    b = draw(st.sampled_from([x for x in bounds if a <= x <= a + 200] or [a]))
    return article, a, b


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_offset_map_round_trips_random_ranges(prefix):
    @settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(clean_ranges(prefix))
    def check(case):
        article, a, b = case
        o_start, o_end = article.original_range(a, b)
        again, *_ = clean_text(article.original[o_start:o_end])
        assert again.strip() == article.clean[a:b].strip()

    check()


def test_annotation_with_space_before_paren_is_removed():
    assert clean_text("創(chuàng )業(yè)孵化")[0] == "创业孵化"


def test_question_mark_in_text_is_not_damage():
    article = normalize_text("标题在这里\n你知道吗?我们来看看这个问题吧。\n")
    assert article.damaged == []
    assert "你知道吗?我们来看看" in article.clean


@pytest.mark.parametrize("line", ["【责任编辑:韩立群】", "(编辑:韩立群)", "（责任编辑：韩立群）"])
def test_bracketed_editor_line_after_the_body(line):
    text = ("湖北省众创空间建设提速\n2022-05-06 09:30  来源:湖北日报\n"
            "  今年以来,全省新增省级众创空间12家。\n  下一步将继续加大支持力度。\n" + line + "\n")
    article = normalize_text(text)
    assert article.editors == ["韩立群"]
    assert "韩立群" not in article.body
    assert article.body.endswith("下一步将继续加大支持力度。")


def test_damage_made_by_dropping_one_gbk_byte_is_repaired():
    # Make real damage: GBK bytes with one lead byte lost, read as GBK again.
    sentence = "今年全省新增众创空间。科技企业孵化器数量稳步增长"
    data = sentence.encode("gbk")
    cut = data.index("。".encode("gbk"))
    damaged = data[:cut] + data[cut + 1:]
    text = damaged.decode("gbk", errors="replace").replace("\ufffd", "?")
    assert text != sentence
    repaired, *_ = clean_text(text)
    assert repaired == sentence


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-8-sig", "utf-16"])
def test_encodings_are_detected(tmp_path, encoding):
    text = "甘肃省科技厅认定省级孵化器十家\n截至目前，全省共有省级科技企业孵化器四十四家。\n"
    if encoding == "big5":  # Big5 holds traditional characters only
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    path = tmp_path / "900_0000000000000001.txt"
    path.write_bytes(text.encode(encoding))
    article = normalize_file(path)
    assert "全省共有省级科技企业孵化器四十四家" in article.clean
    assert article.id == "900_0000000000000001"


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary\x00" * 20, "binary file"),
    (bytes(range(0x80, 0x100)) * 40, "undecodable"),
])
def test_bad_input_raises_one_line_error(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        normalize_file(path)
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_cli_bad_input_exits_2_with_one_line(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = CliRunner().invoke(main, ["normalize", str(path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "empty.txt: empty file" in lines[0] and "missing.txt" in lines[1]
    assert "Traceback" not in result.output


def test_cli_json_has_the_documented_keys():
    import json

    path = next(SEEDS.glob("002_*.txt"))
    result = CliRunner().invoke(main, ["normalize", "--json", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("id", "title", "date", "publisher", "source", "authors", "editors", "body",
                "boilerplate", "damaged"):
        assert key in data
    assert all({"kind", "text"} <= set(b) for b in data["boilerplate"])


def test_cli_json_of_several_files_is_one_json_list(tmp_path):
    import json

    paths = sorted(SEEDS.glob("00[12]_*.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["normalize", "--json", *map(str, paths), str(empty)])
    assert result.exit_code == 2  # the empty file is named on stderr, the others printed
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == [p.stem for p in paths]
    assert "empty.txt" in result.stderr


def test_normalizing_twice_gives_the_same_article():
    a, b = seed("003"), seed("003")
    assert (a.clean, a.offsets, a.blocks, a.damaged) == (b.clean, b.offsets, b.blocks, b.damaged)


# --------------------------------------------------------------------------- fast paths


def _builder_map(pieces: list[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """A map made the way the normalize steps make theirs: each piece of the input kept
    (0), replaced by fewer or more characters (1), deleted (2) or preceded by an
    insertion (3)."""
    out, pos = MapBuilder(), 0
    for length, kind in pieces:
        if kind == 0:
            out.emit(pos, pos + length, "x" * length)
        elif kind == 1:
            out.emit(pos, pos + length, "y" * (length % 3 + 1))
        elif kind == 3:
            out.emit(pos, pos, "z")
            out.emit(pos, pos + length, "x" * length)
        pos += length
    return out.build(pos)


_PIECES = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 3)), max_size=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(_PIECES, st.data())
def test_map_composition_is_offset_maps_own(first_pieces, data):
    """clean_text composes the steps' maps in one walk; it must give OffsetMap.then's map."""
    from sckg.normalize import _then

    text, first = _builder_map(first_pieces)
    lengths = data.draw(st.lists(st.tuples(st.integers(1, 5), st.integers(0, 3)), max_size=12))
    pieces, left = [], len(text)
    for length, kind in lengths:  # pieces that cover the first map's output exactly
        if left <= 0:
            break
        pieces.append((min(length, left), kind))
        left -= min(length, left)
    if left:
        pieces.append((left, 0))
    _, later = _builder_map(pieces)
    assert _then(first, later) == first.then(later)


def test_article_ids_never_name_a_reserved_graph():
    from sckg.normalize import article_id

    assert article_id("seeds/000_b7111e544d2b0a3f.txt") == "000_b7111e544d2b0a3f"
    for stem in ("ontology", "gazetteer", "curated", "Gazetteer"):
        made = article_id(f"x/{stem}.txt")
        assert made.startswith(stem + "-") and len(made) == len(stem) + 9
    assert article_id("x/ontology.txt") != article_id("x/Ontology.txt")


# --------------------------------------------------------------------------- markup and layout

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某省新增一批省级众创空间</title>
<style>p { color: red }</style><script>var s = "<p>某某局</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a></div>
<h1>某省新增一批省级众创空间</h1>
<p>近日，甘肃省<b>科学技术厅</b>认定兰州市&nbsp;创客工场等5家众创空间为省级众创空间。</p>
<p>截至目前，全省共有众创空间60家。</p><!-- 统计 -->
<p>来源：某某日报</p>
</body></html>
"""


def test_html_is_read_as_the_text_a_browser_shows_with_exact_offsets():
    article = normalize_text(PAGE)
    assert "<" not in article.clean and "var s" not in article.clean and "统计" not in article.clean
    assert "甘肃省科学技术厅认定兰州市 创客工场" in article.clean
    assert article.title == "某省新增一批省级众创空间"
    start = article.clean.index("科学技术厅")
    o_start, o_end = article.original_range(start, start + 5)
    assert article.original[o_start:o_end] == "科学技术厅"
    body = article.body
    assert "全省共有众创空间60家" in body and "创客工场" in body


def test_plain_text_with_angle_brackets_is_not_markup():
    from sckg.normalize.markup import strip_markup

    text = "据统计，增速<5%的地区有3个，a<b 与 b>c 均成立。\n"
    shown, offsets = strip_markup(text)
    assert shown == text and offsets.to_original(0, 5) == (0, 5)


def test_an_article_that_starts_with_its_body_has_no_title_and_loses_nothing():
    text = ("近日，江苏省科学技术厅公布了2023年度省级科技企业孵化器名单，全省新增孵化器35家。\n"
            "据介绍，这些孵化器分布在南京、苏州等8个设区市。\n")
    article = normalize_text(text)
    assert article.title is None
    assert article.body == text.strip()


def test_a_sentence_that_closes_with_a_byline_is_body_not_a_byline():
    text = "星河创客中心日前举办路演活动。通讯员刘芳芳、钱国华\n"
    article = normalize_text(text)
    assert article.body == text.strip()


def test_a_page_with_no_body_paragraph_builds_to_what_it_says():
    text = "首页 > 科技动态\n某市举办众创空间负责人培训班\n【字体：大 中 小】\n打印本页 关闭窗口\n"
    article = normalize_text(text)
    assert "某市举办众创空间负责人培训班" in article.body


def test_readings_printed_twice_or_without_tone_marks_are_removed():
    from sckg.normalize.annotations import strip_annotations

    text = "全省共有12家(jia)(jia)高新(xin)区，目(mu)(mu)前发(fā)展良好。"
    stripped = strip_annotations(text)
    assert stripped.text == "全省共有12家高新区，目前发展良好。"
    start = stripped.text.index("高新区")
    assert text[slice(*stripped.offsets.to_original(start, start + 3))] == "高新(xin)区"


NOTICE = """陇科高发〔2022〕17号
各市（州）科技局，兰州新区科技发展局：
为推动全省科技企业孵化器高质量发展，经研究，决定认定兰州某某科技企业孵化器等12家单位为省级科技企业孵化器。
请各市（州）科技局加强指导和服务。
附件：1.2022年度省级科技企业孵化器名单
2.省级科技企业孵化器管理办法
甘肃省科学技术厅
2022年8月16日
（此件公开发布）
"""


def test_a_notice_is_read_as_a_notice():
    article = normalize_text(NOTICE)
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["陇科高发〔2022〕17号"] == "metadata"
    assert kinds["各市（州）科技局，兰州新区科技发展局："] == "addressee"
    assert kinds["附件：1.2022年度省级科技企业孵化器名单"] == "attachment"
    assert kinds["2.省级科技企业孵化器管理办法"] == "attachment"
    assert kinds["甘肃省科学技术厅"] == kinds["2022年8月16日"] == "signature"
    assert kinds["（此件公开发布）"] == "metadata"
    assert article.title is None and article.date == "2022-08-16" and article.publisher == "甘肃省科学技术厅"
    assert "决定认定兰州某某科技企业孵化器等12家单位" in article.body


def test_a_notice_without_a_number_or_an_addressee_is_read_by_its_signature():
    article = normalize_text("2020年星河杯中小企业创新创业大赛获奖项目公布\n\n"
                             "  6月3日，经路演和评审，决出大赛金奖和银奖。\n\n"
                             "  附件：\n\n  1.获奖名单.doc\n\n  西岭省中小企业局\n\n  2021年6月8日\n")
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["西岭省中小企业局"] == kinds["2021年6月8日"] == "signature", kinds
    assert kinds["1.获奖名单.doc"] == "attachment", kinds
    assert article.date == "2021-06-08" and article.publisher == "西岭省中小企业局"
    assert "决出大赛金奖和银奖" in article.body


@pytest.mark.parametrize("text,issuer,date_line,iso,publisher,said", [
    pytest.param("各有關單位:\n????現將擬確定為省級眾創空間的12家機構予以公示(名單見附件)。你有異議嗎?\n?\n"
                 "????附件:2021年度擬確定為省級眾創空間名單\n??????? ?\n"
                 "???????????? 西嶺省科學技術廳\n????????????? 2021年12月29日??\n",
                 "西岭省科学技术厅", "2021年12月29日", "2021-12-29", "西岭省科学技术厅", "你有异议吗?",
                 id="spaces-decoded-as-question-marks"),
    pytest.param("各市人力资源社会保障局、财政局:\n\n为加强创业培训管理，制定了办法，现印发给你们。\n\n"
                 "?\n\n??????????西岭省人力资源和社会保障厅???????西岭省财政厅\n\n?????? 20231228\n\n"
                 "第一条??为完善创业培训制度，制定本办法。\n",
                 "西岭省人力资源和社会保障厅 西岭省财政厅", "20231228", "2023-12-28", "西岭省人力资源和社会保障厅",
                 "第一条 为完善创业培训制度", id="two-issuers-and-a-date-in-digits"),
])
def test_a_notice_whose_signature_a_wrong_decoding_padded(text, issuer, date_line, iso, publisher, said):
    article = normalize_text(text)
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds[issuer] == kinds[date_line] == "signature", kinds
    assert article.date == iso and article.publisher == publisher
    assert said in article.body and "??" not in article.body, article.body


def test_a_signature_date_in_chinese_numerals():
    from sckg.normalize.notice import signature_date

    assert signature_date("二○一一年二月十六日") == "2011-02-16"
    assert signature_date("二〇二二年十二月三十日") == "2022-12-30"
    assert signature_date("2023年7月26日") == "2023-07-26"
    assert signature_date("2023726") is None
    assert signature_date("2022年0915") == "2022-09-15"  # a page that lost 月 and 日
    assert signature_date("2023年1399") is None and signature_date("2023年114") is None


def test_dates_written_day_first():
    """27.10.2014 13:11 is the 27th of October (some sites write the day first); a date
    whose second number cannot be a month is read month first."""
    from sckg.normalize.metadata import _iso_date

    assert _iso_date("发布时间：27.10.2014 13:11") == "2014-10-27T13:11"
    assert _iso_date("12.09.2019  20:30") == "2019-09-12T20:30"
    assert _iso_date("10/27/2014") == "2014-10-27"
    assert _iso_date("2023-01-06 21:17:19") == "2023-01-06T21:17:19"


@pytest.mark.parametrize("body,date", [
    ("某某网成都10月12日电 (记者 某某)12日上午,为期一周的2016年某某创业活动周正式启动。", "2016-10-12"),
    ("新华社北京2019年3月5日电 政府工作报告提出,", "2019-03-05"),
    ("10月12日电 某某市众创空间发展迅速。", None),  # no year anywhere near it
    ("近日,2016年某某大赛在成都举行,10月12日电视台作了报道。", None),  # no dateline
])
def test_a_dateline_that_opens_the_body_dates_the_article(body, date):
    article = normalize_text("某某市众创空间发展迅速\n\n  " + body + "\n\n  全市共有众创空间12家。\n",
                             article_id="990_dateline")
    assert article.date == date


def test_byline_names_end_before_the_page_s_counters():
    article = normalize_text("某市召开创业大会\n西岭日报 作者:周文彬 林海涛 评论:0 收藏0\n"
                             "作者:佚名  文章来源:本站原创  点击数510\n\n  某市召开创业大会,会议由市科技局主持。\n")
    assert article.authors == ["周文彬", "林海涛"], article.authors


def test_a_department_signing_as_author_is_no_person():
    article = normalize_text("某市召开创业大会\n作者:运营部发布时间:2019-06-12\n\n  某市召开创业大会,会议由市科技局主持。\n")
    assert article.authors == [], article.authors


def test_every_writer_of_a_byline_with_several_roles():
    article = normalize_text("某市公布星创天地名单\n2021-03-09 08:15 |西岭日报 记者 周文彬 林海涛 通讯员 马文静 编辑 陈立新\n\n"
                             "  近日，省科技厅公布了星创天地名单。\n")
    assert article.authors == ["周文彬", "林海涛", "马文静"], article.authors
    assert article.editors == ["陈立新"], article.editors


@pytest.mark.parametrize("byline, names", [
    pytest.param("□本报记者周文彬林海涛", ["周文彬", "林海涛"], id="two"),
    pytest.param("记者 周文彬林海涛马文静", ["周文彬", "林海涛", "马文静"], id="three"),
    pytest.param("记者 周文彬 林海涛", ["周文彬", "林海涛"], id="spaced"),
])
def test_reporters_whose_names_lost_their_spaces(byline, names):
    article = normalize_text(f"某市召开创业大会\n{byline}\n\n  某市召开创业大会,会议由市科技局主持。\n")
    assert article.authors == names, article.authors


def test_qian_stays_in_simplified_text_and_becomes_gan_in_traditional():
    simple = normalize_text("西岭科技园举行座谈会\n\n  副总经理任乾乾、乾隆书院院长周文彬出席座谈会。\n", article_id="q1")
    assert "任乾乾" in simple.clean and "乾隆书院" in simple.clean
    traditional = normalize_text("西嶺科技園舉行座談會\n\n  園區將提供乾燥設備與實驗室給創業團隊使用。\n", article_id="q2")
    assert "干燥设备" in traditional.clean


def test_a_headline_that_asks_above_a_source_line_that_names_its_author_too():
    article = normalize_text("西嶺孵化器們 你們還好嗎?\n來源: 西岭都市報作者: 周文彬\n\n"
                             "  春節前後，星河孵化器轉讓的消息傳出。\n", article_id="q3")
    assert article.title == "西岭孵化器们 你们还好吗?", article.title
    assert article.authors == ["周文彬"], article.authors
    assert "作者" not in (article.publisher or "") + (article.source or ""), (article.publisher, article.source)


def test_capitals_spelt_out_with_spaces_are_one_word():
    article = normalize_text("星河众创空间开业\n\n  星河众创空间创始人兼C E O周文彬、青禾T G N孵化器负责人林海涛出席。Plan A 不变。\n",
                             article_id="q4")
    assert "创始人兼CEO周文彬" in article.clean and "青禾TGN孵化器" in article.clean, article.clean
    assert "Plan A 不变" in article.clean, article.clean


def test_a_site_s_footer_at_the_top_of_a_notice_is_no_title_and_names_the_body_that_runs_it():
    article = normalize_text("主办：西岭市人民政府 © 版权所有 2018\n承办：西岭市科学技术局\n晋ICP备05001234号 网站标识码：1410000000\n"
                             "各县（市、区）科技局，各有关单位：\n"
                             "为加强全市众创空间建设，现决定组织开展2021年度众创空间绩效评价工作。有关事宜通知如下：\n"
                             "一、评价范围\n2021年度认定的市级众创空间。\n", article_id="q5")
    assert article.title is None, article.title
    assert [b.kind for b in article.blocks][:3] == ["copyright"] * 3, [(b.kind, b.text) for b in article.blocks]
    assert any(b.kind == "body" and "绩效评价" in b.text for b in article.blocks)
    assert article.publisher == "西岭市科学技术局", article.publisher


def test_a_date_glued_to_the_source_is_no_part_of_it_and_a_photographer_is_credited():
    article = normalize_text("7件作品获“挑战杯”特等奖(图)\n2015年11月21日     来源:星河体育2015-11-21         次浏览\n\n"
                             "  11月20日，第十四届“挑战杯”终审决赛闭幕。\n\n摄影:周文彬\n\n作者:林海涛 通讯员/马文静\n\n编辑:王建华\n",
                             article_id="q5")
    assert article.publisher == "星河体育" and article.source is None, (article.publisher, article.source)
    assert article.date == "2015-11-21", article.date
    assert article.editors == ["周文彬", "王建华"] and article.authors == ["林海涛", "马文静"], (article.editors,
                                                                                           article.authors)


def test_a_notice_copied_from_a_legal_database_signed_by_two_ministries():
    text = ("关于认定星河大学科技园等3家大学科技园为国家大学科技园的通知\n"
            "国科发高〔2010〕629号  2010-10-21  全文有效\n\n"
            "有关省、直辖市、计划单列市科技厅(委、局)、教育厅(委、局):\n"
            "        经科学技术部和教育部研究,决定认定星河大学科技园等3家大学科技园为国家大学科技园。\n"
            "         附件:认定的国家大学科技园名单\n\n"
            "                                              科学技术部  教育部\n"
            "                                            二○一○年十月二十一日\n"
            "序号 |\n所在地 |\n国家大学科技园名称 |\n1 |\n北京 |\n北京星河大学国家大学科技园 |\n")
    article = normalize_text(text, article_id="q6")
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["国科发高〔2010〕629号 2010-10-21 全文有效"] == "metadata", kinds
    assert kinds["有关省、直辖市、计划单列市科技厅(委、局)、教育厅(委、局):"] == "addressee", kinds
    assert article.date == "2010-10-21" and article.publisher == "科学技术部", (article.date, article.publisher)


def test_chinese_characters_spelt_out_with_spaces_are_one_word():
    article = normalize_text("湘 潭 市 科 学 技 术 局\n关于印发创业导师管理办法的通知\n\n  张三 男 汉族,序号 名称 地区。\n",
                             article_id="q7")
    assert "湘潭市科学技术局" in article.clean, article.clean
    assert "张三 男 汉族" in article.clean and "序号 名称 地区" in article.clean, article.clean


def test_a_notice_whose_lines_a_page_ran_together_is_dated_by_its_closing_signature():
    article = normalize_text("关于开展孵化器绩效评价工作的通知\n\n各县(市、区)科技局，各有关单位：\n\n"
                             "  现就评价工作通知如下：请于3月5日前报送市科技局，联系人:周文彬附件:1、评价材料"
                             "2、审查推荐表西岭市科学技术局2024年2月5日附件.docx。\n")
    assert article.date == "2024-02-05", article.date
    assert normalize_text("星河众创空间开业\n\n  开业仪式由星河公司和西岭市科学技术局2024年2月5日共同举办。\n").date is None


def test_a_notice_s_index_table_spaced_out_or_two_fields_in_a_cell_is_no_title():
    article = normalize_text("索 引 号: XL00105-0801-2021-00109 发布机构: 西岭省科技厅\n"
                             "备注/文号:西科新〔2021〕4号 生成日期:2021-08-04\n\n"
                             "西岭省科学技术厅关于公布2021年度省级科技企业孵化器备案名单的通知\n\n"
                             "各设区市科技局：\n经审查，现对“青禾智创”等16家单位予以省级科技企业孵化器备案。\n", article_id="q6")
    assert article.title == "西岭省科学技术厅关于公布2021年度省级科技企业孵化器备案名单的通知", article.title


def test_a_date_labelled_in_a_first_line_that_ran_title_metadata_and_body_together():
    article = normalize_text("|\n市政府副秘书长周文彬一行莅临青禾大厦调研指导时间:2020-04-24 4月22日上午,"
                             "市政府副秘书长周文彬一行莅临青禾大厦调研，并召开座谈会。\n", article_id="q7")
    assert article.date == "2020-04-24", article.date


def test_the_page_s_dated_line_below_the_body_dates_the_article_and_names_its_source():
    article = normalize_text("某市新认定孵化器13家\n\n  1月5日,记者从市科技局获悉,新认定孵化器13家。\n\n"
                             "  截至目前,全市孵化器聚集在孵企业669家。\n2023-01-06 21:17:19  来源:西岭日报  编辑:bj001\n"
                             "分享到:\n", article_id="991_dated_line")
    assert article.date.startswith("2023-01-06"), article.date
    assert article.publisher == "西岭日报", article.publisher
    assert all("21:17" not in b.text for b in article.body_blocks)


_PARAGRAPHS = [
    "3月12日上午，西岭市科学技术局党组书记、局长周文彬带队到青禾高新区创新创业服务中心调研众创空间建设情况，"
    "并与入驻企业代表座谈。周文彬指出，要持续优化孵化服务，推动更多科技型中小企业在西岭落地生根、发展壮大。",
    "青禾高新区管委会副主任林晓峰介绍，园区现有国家级科技企业孵化器3家、省级众创空间12家，"
    "2023年新增入驻企业156家，带动就业2300余人，累计孵化毕业企业89家，其中AI Lab团队已完成A轮融资。",
]


def _wrapped(width: int) -> str:
    """The two paragraphs above cut into lines of ``width`` characters, as a PDF or a mail would."""
    lines = ["西岭市科技局调研青禾高新区众创空间"]
    for paragraph in _PARAGRAPHS:
        lines += [paragraph[k:k + width] for k in range(0, len(paragraph), width)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("width", [24, 30, 38])
def test_a_hard_wrapped_paragraph_is_one_line_again(width):
    """Lines cut at one width join again (nothing between them, but a space where a
    space was cut: AI Lab), and every clean position still maps onto its source."""
    source = _wrapped(width)
    clean, _script, offsets, _damages, _trad = clean_text(source)
    assert clean.split("\n")[1:] == _PARAGRAPHS, clean
    start = clean.index("周文彬")
    o_start, o_end = offsets.to_original(start, start + 3)
    assert source[o_start:o_end].replace("\n", "") == "周文彬"


@pytest.mark.parametrize("text", [
    pytest.param("\n".join(_PARAGRAPHS) + "\n", id="paragraphs-of-every-length"),
    pytest.param("各有关单位：\n" + "\n".join(f"{i}. 西岭市青禾科技企业孵化器有限公司第{i:02d}分公司" for i in range(1, 9)) + "\n",
                 id="a-numbered-list"),
    pytest.param("名单如下\n" + "\n".join(f"西岭{x}科技园区青禾创新创业服务中心众创空间" for x in "东南西北中上下左") + "\n",
                 id="a-list-of-names-of-one-length"),
])
def test_lines_that_are_no_wrapped_paragraph_stay(text):
    clean = clean_text(text)[0]
    assert clean.count("\n") == text.strip("\n").count("\n"), clean


def test_a_date_line_that_ends_with_the_outlet_names_the_publisher():
    article = normalize_text("青禾高新区:创新发展新篇章\n2023-06-12 09:20 星河网\n\n  全区现有企业300家。\n",
                             article_id="q7")
    assert (article.publisher, article.date) == ("星河网", "2023-06-12T09:20"), (article.publisher, article.date)


def test_a_comment_box_below_the_article_is_no_part_of_its_body():
    article = normalize_text("西岭青年创业园揭牌\n5月28日上午，西岭青年创业园揭牌，首批入驻团队12个。\n"
                             "记者 林海涛\n已有0人发表了评论\n")
    assert "评论" not in article.body and "首批入驻团队12个" in article.body
    assert any("评论" in b.text and b.kind == "footer" for b in article.boilerplate)
