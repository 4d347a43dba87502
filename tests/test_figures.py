"""Figures: numbers, qualifiers, indicators, areas, periods, carriers, parts and wholes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Namespace

from sckg.extract.figures import FigureContext, extract_figures
from sckg.extract.numbers import find_quantities, parse_chinese, parse_number, parse_period

ROOT = Path(__file__).resolve().parent.parent
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def one(text: str, **ctx) -> object:
    figures = extract_figures(text, 0, FigureContext(**ctx))
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize("text,value", [
    ("十一", 11), ("六十", 60), ("两", 2), ("三千五百", 3500), ("一万二千", 12000),
    ("二十三万", 230000), ("两亿三千万", 230000000), ("十", 10), ("廿", 20), ("卅六", 36), ("卌二", 42),
])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text, value", [("由2015年不足30家到2021年6 214家。", "6214"), ("共有 1 200 家单位参加。", "1200")])
def test_digits_grouped_by_spaces_are_one_number(text, value):
    assert extract_figures(text, 0)[-1].value == value


def test_a_tens_character_starts_a_figure():
    assert one("全省就有卅二亿元资金投入创业。").value == "3200000000"


@pytest.mark.parametrize("text,value", [
    ("1,128", "1128"), ("1.5亿", "150000000"), ("2.47万", "24700"), ("３５", "35"), ("十一", "11"),
])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text,value,unit,qualifier", [
    ("全市共有众创空间35万余平方米。", "350000", "m2", "at-least"),
    ("设立基金1600余万元。", "16000000", "CNY", "at-least"),
    ("投入资金约2.5亿元。", "250000000", "CNY", "approximately"),
    ("培训学员5.3万余人次。", "53000", "person-time", "at-least"),
    ("参加活动人数逾万人。", "10000", "count", "at-least"),
    ("举办了六十期培训班。", "60", "count", "exact"),
    ("入驻企业1,280家。", "1280", "count", "exact"),
    ("孵化企业１２０家。", "120", "count", "exact"),
    ("新增企业不足50家。", "50", "count", "at-most"),
    ("吸纳就业300人以上。", "300", "count", "at-least"),
    ("导师近百名。", "100", "count", "approximately"),
    ("毛利率达到35%。", "35", "percent", "exact"),
    ("在全国排名第3位。", "3", "rank", "exact"),
    ("培育企业将近200个。", "200", "count", "approximately"),
    ("给予不超过50万元的奖励。", "500000", "CNY", "at-most"),
    ("获得最高100万元的奖励资金。", "1000000", "CNY", "at-most"),
    ("每年培训不少于20期。", "20", "count", "at-least"),
    ("拥有创业导师十名。", "10", "count", "exact"),
    ("科技厅对 212 家众创空间开展了评价。", "212", "count", "exact"),  # a page's spacing around a number
    ("投入资金 3.5 亿元。", "350000000", "CNY", "exact"),
])
def test_value_unit_qualifier(text, value, unit, qualifier):
    f = one(text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize("text", [
    "2019年10月8日，第三届大赛在成都举行。",
    "第二期培训班开班，一是加强领导，二是完善机制。",
    "推进5G应用，打造“二核五轴五区”，落实“十三五”规划。",
    "历经3个月的选拔，他今年28岁。",
    "咨询电话：0991-2345678，文号新科发〔2020〕12号。",
    "大众创业、万众创新，一批优秀企业涌现，一次性补贴到位。",
    "几十家企业参赛，进入前十名的团队晋级。",
    "序号 名称 地区\n21 日照星河众创空间 日照市\n3 个旧青禾孵化器 个旧市",  # a table's row numbers
    "市科技局对第一、二、三、四批认定的众创空间进行考评。",  # the last of a list of ordinals
    "青禾创业中心是全市唯一一家获评A类的孵化器。",  # 唯一一家: the only one, no 11
])
def test_not_figures(text):
    assert extract_figures(text) == []


def test_range_keeps_both_bounds():
    f = one("每个孵化器配备3至5名创业导师。")
    assert (f.value, f.value_max, f.qualifier, f.indicator) == ("3", "5", "at-least", "mentors")


def test_part_and_whole_inherit_from_the_total():
    figures = extract_figures("截至2019年底，全省拥有96家双创载体，其中国家级12家，省级30家。", 100)
    assert [f.value for f in figures] == ["96", "12", "30"]
    total, national, provincial = figures
    assert (total.indicator, total.carrier_type, total.area, total.period) == (
        "carriers", "InnovationCarrier", "全省", "2019-12-31")
    assert (national.whole, national.level, national.indicator, national.area) == (0, "national", "carriers", "全省")
    assert (provincial.whole, provincial.level, provincial.period) == (0, "provincial", "2019-12-31")
    assert national.value_start == 100 + figures[1].quote.index("12") + figures[1].start - 100


def test_a_part_names_its_own_city_and_上榜_ends_no_name():
    figures = extract_figures("科技部公布了国家备案众创空间,我省上榜众创空间为24个,其中南阳市达到了9个。"
                              "南阳市上榜众创空间有9个。")
    whole, part, again = figures
    assert (whole.area, whole.subject) == ("我省", None)
    assert (part.whole, part.area, part.subject) == (0, "南阳市", None)
    assert (again.area, again.subject) == ("南阳市", None)


def test_a_year_before_a_city_is_no_part_of_its_name():
    first = extract_figures("报告表明,2022年成都市双创载体保持增长,新增国家级孵化器1家。")[0]
    assert (first.area, first.period, first.level) == ("成都市", "2022", "national")


def test_an_event_s_outcomes_count_its_field_unless_a_place_s_own():
    field = extract_figures("2019年四川省创新创业大赛决出一等奖1个、二等奖2个。", context=FigureContext(region="四川省"))
    assert [f.area for f in field] == [None, None]
    own = extract_figures("我市51个项目获得晋级决赛。")
    assert own[0].area == "我市" and own[0].indicator == "finalists"


@pytest.mark.parametrize("text, indicator, area", [
    ("共有573个企业和团队确认参赛。", "applicants", None),
    ("共109个企业参赛。", "applicant-enterprises", None),
    ("大赛共吸引1560多个创业团队参赛。", "applicant-teams", None),
    ("其中企业组报名363个。", "applicant-enterprises", None),
    ("湖北省有1402个项目报名参赛。", "applicants", "湖北省"),
])
def test_the_entries_of_a_contest_count_its_field_unless_a_place_s_own(text, indicator, area):
    f = extract_figures(text, context=FigureContext(region="四川省"))[0]
    assert (f.indicator, f.area) == (indicator, area)


def test_what_was_reached_by_a_year_is_achieved():
    reached = extract_figures("到2016年,我区的孵化器已达到60家,在孵企业2000多家。")
    assert [f.status for f in reached] == ["achieved", "achieved"]
    assert extract_figures("到2025年,全省孵化器达到100家。")[0].status == "target"


@pytest.mark.parametrize("text,indicator,carrier_type", [
    ("确定星河科技等13家单位为2023年南阳市星创天地建设试点单位。", "carriers", "StarCreationSpace"),
    ("上海市共有55家单位纳入国家级孵化器管理。", "carriers", "TechnologyBusinessIncubator"),
    ("并会同省发改委、省教育厅等8家单位,认定孵化器10家。", "organisations", None),  # co-organisers
    ("现将西岭生物创新孵化器等17家载体认定为市级科技企业孵化器。", "carriers", "TechnologyBusinessIncubator"),
    ("青禾空间等9家载体备案为市级众创空间。", "carriers", "MakerSpace"),
    ("星河产业园等3家载体转型认定为市级专业型孵化器。", "carriers", "TechnologyBusinessIncubator"),
])
def test_units_the_sentence_makes_carriers(text, indicator, carrier_type):
    first = extract_figures(text)[0]
    assert (first.indicator, first.carrier_type) == (indicator, carrier_type)


def test_units_listed_under_a_count_of_carriers_are_of_its_kind():
    whole, part = extract_figures("全省共有众创空间60家,其中24家单位位于南阳市。")
    assert (part.whole, part.indicator, part.carrier_type, part.area) == (0, "carriers", "MakerSpace", "南阳市")


def test_whole_is_the_total_of_the_same_kind():
    figures = extract_figures("建成52个创业孵化基地、18个创业园区，其中国家级创业孵化基地4个。")
    assert figures[2].whole == 0 and figures[2].carrier_type == "IncubationBase"
    assert figures[1].carrier_type == "EntrepreneurshipPark"


@pytest.mark.parametrize("text,indicator,carrier_type,level", [
    ("哈尔滨拥有3个国家级开发区。", "carriers", "EconomicDevelopmentZone", "national"),
    ("园区累计带动创业22000余人。", "served-entrepreneurs", None, None),
    ("拥有创新创业人数8675人。", "served-entrepreneurs", None, None),
    ("自有孵化基金15.7亿元。", "seed-funds", None, None),
    ("园区企业获得专利200余项。", "intellectual-property", None, None),
    ("园区已集聚8.9万余家企业。", "resident-enterprises", None, None),
    ("最终54个项目获奖。", "award-winning-enterprises", None, None),
    ("50个项目在初赛中脱颖而出。", "finalists", None, None),
    ("在孵项目(团队)573个。", "incubated-teams", None, None),
    ("其中发明专利60项。", "invention-patents", None, None),
    ("全省共认定省级众创空间80家。", "carriers", "MakerSpace", "provincial"),
    ("国家级科技企业孵化器达到9家。", "carriers", "TechnologyBusinessIncubator", "national"),
    ("全市备案星创天地21家。", "carriers", "StarCreationSpace", None),
    ("认定市级众创空间、孵化器和星创天地共40家。", "carriers", "InnovationCarrier", "prefectural"),
    ("县级众创空间15家。", "carriers", "MakerSpace", "county"),
    ("全区累计孵化企业900多家。", "incubated-enterprises", None, None),
    ("园区在孵企业230家。", "incubatees", None, None),
    ("累计毕业企业88个。", "graduated-enterprises", None, None),
    ("带动就业1.2万人。", "jobs", None, None),
    ("聘请创业导师45名。", "mentors", None, None),
    ("发放运营补贴600万元。", "subsidies", None, None),
    ("累计获得投融资2.1亿元。", "investment-raised", None, None),
    ("提供工位1500个。", "workstations", None, None),
    ("拥有有效知识产权320件。", "intellectual-property", None, None),
    ("举办路演活动36场。", "events", None, None),
    ("共有400名选手参加决赛。", "contestants", None, None),
    ("为120家企业提供融资服务。", "served-clients", None, None),
    ("来自各地的200余人参加大会。", "participants", None, None),
    ("考察组一行共23人到园区考察。", "participants", None, None),
    ("180名管理人员参加培训。", "trainees", None, None),
    ("全市共有创新创业服务组织450余家。", "carriers", "InnovationCarrier", None),
    ("其中成长组企业27家。", "finalists", None, None),
    ("累计聚集创业者超过13500人。", "served-entrepreneurs", None, None),
    ("全国总决赛一等奖1000万元。", "prize-money", None, None),
    ("年度获得各级财政资助3415万元。", "subsidies", None, None),
    ("发放补助资金1.32亿元。", "subsidies", None, None),
    ("参赛企业已累计获得创业投资近40亿元。", "investment-raised", None, None),
    ("孵化器共孵化了738家。", "incubated-enterprises", "TechnologyBusinessIncubator", None),
    ("成功孵化农业企业2家。", "incubated-enterprises", None, None),
    ("园区已累计孵化180家企业。", "incubated-enterprises", None, None),
    ("获得投融资金额29.35亿元。", "investment-raised", None, None),
    ("撬动社会投资逾200亿元。", "investment-raised", None, None),
    ("617家被评为良好。", "carriers", "InnovationCarrier", None),
])
def test_indicator_carrier_and_level(text, indicator, carrier_type, level):
    f = one(text)
    assert (f.indicator, f.carrier_type, f.level) == (indicator, carrier_type, level)


def test_group_statistics_carry_the_carrier_population():
    figures = extract_figures("省级科技企业孵化器共有创业导师510人，可使用面积42万平方米。")
    assert [(f.indicator, f.carrier_type, f.level) for f in figures] == [
        ("mentors", "TechnologyBusinessIncubator", "provincial"),
        ("floor-area", "TechnologyBusinessIncubator", "provincial")]
    assert figures[1].value == "420000"


@pytest.mark.parametrize("text,date,period", [
    ("截至2018年年底，全省众创空间达50家。", None, "2018-12-31"),
    ("截至2020年底，全区孵化器达20家。", None, "2020-12-31"),
    ("截至2020年，全省众创空间达50家。", None, "2020"),
    ("对2019年度认定的高新技术企业120家给予奖励。", None, "2019"),
    ("截至目前，我省拥有孵化器30家。", "2022-05-06", "2022-05-06"),
    ("截至目前，我省拥有孵化器30家。", None, None),
    ("现在全市已集聚企业8万余家。", "2024-09-30", "2024-09-30"),
    ("这样,高新区已有国家级孵化器4家。", "2014-10-27", "2014-10-27"),  # 已有: as of the article
    ("截至2016年底,全省已有孵化器50家。", "2014-10-27", "2016-12-31"),  # unless a date is given
    ("全省有孵化器50家。", "2014-10-27", None),
    ("去年，全市新增众创空间8家。", "2021-03-01", "2020"),
    ("今年，全市新增众创空间8家。", "2021-03-01", "2021"),
    ("截至去年年底，全市共有众创空间8家。", "2021-03-01", "2020-12-31"),
])
def test_period(text, date, period):
    assert one(text, date=date).period == period


def test_parse_period_prefers_the_latest_marker():
    assert parse_period("自2015年开展认定以来", "2021-10-26T08:00:00") == "2021-10-26"


@pytest.mark.parametrize("text,area", [
    ("截至2020年，云南共认定众创空间167家。", "云南"),
    ("全疆已建成创业园区77个。", "全疆"),
    ("我省认定省级众创空间共145家。", "我省"),
    ("来自奇台县的选手共160名。", "奇台县"),
    ("仅昌吉市便培育中小微企业100家。", "昌吉市"),
    ("河南省郑州市共有孵化器120家。", "郑州市"),
    ("截至目前，高新区已有国家级孵化器4家。", "全市"),  # a zone's count: its city's
    ("高新区在孵企业660家。", "全市"),
    ("廊坊市申报的某某等6家星创天地获批。", "廊坊市"),  # who filed the listed carriers
    ("办公室会同市科技局对推荐的13家众创空间进行评审。", None),  # a verb before a city's body
    ("目前绵阳市拥有各类众创空间45家。", "绵阳市"),  # 目前 is no part of the place
    ("去年增长较快，而德阳市有孵化器8家。", "德阳市"),
    ("清溪新区是湖南省最大的创新集聚区，拥有2个国家级开发区。", None),  # the field compared in, no place
])
def test_area(text, area):
    assert one(text).area == area


def test_area_falls_back_to_the_article_region():
    assert one("共有孵化器12家。", region="宁夏回族自治区").area == "宁夏回族自治区"


def test_target_and_cumulative():
    figures = extract_figures("计划到2025年，培育众创空间100家、星创天地60家，累计带动就业5万人。")
    assert {f.status for f in figures} == {"target"}
    assert [f.period for f in figures] == ["2025"] * 3
    assert [f.cumulative for f in figures] == [False, False, True]
    f = one("2022年将达到孵化器50家以上。")
    assert (f.status, f.qualifier) == ("target", "at-least")
    f = one("选手过关斩将，共有80名选手进入决赛。")
    assert f.status == "achieved"


def test_subject_is_the_named_carrier():
    f = one("绿洲创客空间现有创业导师25人。")
    assert (f.subject, f.indicator, f.area) == ("绿洲创客空间", "mentors", None)
    f = one("目前，仅成都技术大市场就已累计发布科技成果900项。")
    assert f.subject == "成都技术大市场" and f.cumulative
    assert one("全省共有众创空间40家。").subject is None
    assert one("天府创客中心等12家众创空间通过备案。").subject is None


def test_offsets_point_at_the_number():
    text = "截至目前，全区拥有138家双创载体。"
    f = extract_figures(text, 50)[0]
    assert text[f.value_start - 50:f.value_end - 50] == "138家"
    assert text[f.start - 50:f.end - 50] == f.quote == "全区拥有138家双创载体"


def test_quantities_find_ascii_and_full_width_separators():
    values = [q.value for q in find_quantities("其中国家级18家,自治区级40家，合计５８家")]
    assert values == [18, 40, 58]


def test_every_indicator_is_a_concept_with_labels():
    import sckg.extract.figures as figures
    import sckg.extract.lexicon as lexicon

    g = Graph().parse(ROOT / "ontology" / "indicators.ttl")
    notations = {str(o) for o in g.objects(None, SKOS.notation)}
    used = {key for table in lexicon.FIGURE_NOUNS.values() for _, key, _ in table}
    used |= set(lexicon.FIGURE_FALLBACK.values()) | {key for _, _, key in figures._FRAMES}
    assert used <= notations, used - notations
    for concept in g.subjects(SKOS.notation, None):
        langs = {o.language for o in g.objects(concept, SKOS.prefLabel)}
        assert langs == {"zh-Hans", "en"}, concept
        assert (concept, SKOS.inScheme, None) in g and (concept, SKOS.definition, None) in g


# --------------------------------------------------------------------------- seeds

GOLD = ROOT / "tests" / "gold"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _article_figures(path: Path):
    from sckg.normalize import normalize_file

    article = normalize_file(path)
    out = []
    for block in article.body_blocks:
        base = len(out)
        for f in extract_figures(block.text, block.start, FigureContext(article.date)):
            out.append(replace(f, whole=f.whole + base) if f.whole is not None else f)
    return article, out


def test_seed_figures_match_the_gold():
    """Recall and precision of (value, unit, qualifier) over the five seeds' gold figures."""
    tp = fp = fn = 0
    misses: list[str] = []
    for path in SEEDS:
        gold_path = GOLD / f"{path.stem}.json"
        assert gold_path.exists(), gold_path
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article, predicted = _article_figures(path)
        used: set[int] = set()
        for g in gold["figures"]:
            k = article.clean.find(g["quote"])
            hits = [i for i, p in enumerate(predicted) if i not in used and p.value == g["value"]
                    and p.value_start < k + len(g["quote"]) and p.value_end > k]
            if not hits:
                if not g.get("optional"):
                    fn += 1
                    misses.append(f"missed {path.stem} {g['quote']}")
                continue
            used.add(hits[0])
            if g.get("optional"):
                continue
            p = predicted[hits[0]]
            if (p.unit, p.qualifier) == (g["unit"], g["qualifier"]):
                tp += 1
            else:
                fn += 1
                fp += 1
                misses.append(f"wrong {path.stem} {g['quote']}: {p.unit} {p.qualifier}")
        for i, p in enumerate(predicted):
            if i not in used:
                fp += 1
                misses.append(f"spurious {path.stem} {p.quote}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    message = f"precision {precision:.3f} recall {recall:.3f}; " + "; ".join(misses)
    assert precision >= 0.95 and recall >= 0.95, message


def test_seed_carrier_counts_carry_type_level_and_period():
    agree = total = 0
    for path in SEEDS:
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        article, predicted = _article_figures(path)
        for g in gold["figures"]:
            if g["indicator"] != "carriers" or g.get("optional"):
                continue
            k = article.clean.find(g["quote"])
            p = next(p for p in predicted if p.value == g["value"] and k <= p.value_start < k + len(g["quote"]))
            total += 1
            agree += (p.carrier_type, p.level, p.period) == (g["carrier_type"], g["level"], g["period"])
    assert total and agree / total >= 0.9, f"{agree}/{total}"


def test_seed_figures_are_deterministic():
    first = [_article_figures(p)[1] for p in SEEDS[:2]]
    assert first == [_article_figures(p)[1] for p in SEEDS[:2]]
    assert all(re.fullmatch(r"\d+(?:\.\d+)?", f.value) for figs in first for f in figs)


@pytest.mark.parametrize("text,indicator,carrier_type", [
    ("省科技厅认定某某科技有限公司等12家单位为省级科技企业孵化器。", "carriers", "TechnologyBusinessIncubator"),
    ("经评审，确定某某创客空间等26家机构为国家备案众创空间。", "carriers", "MakerSpace"),
    ("来自各市州的120余人参加了本次培训。", "trainees", None),
    ("目前已有45个创业团队入驻。", "incubated-teams", None),
    ("园区已入驻科技型企业86家。", "resident-enterprises", None),
    ("获奖项目共分享50万元奖金。", "prize-money", None),
])
def test_indicators_read_from_the_frame_of_the_sentence(text, indicator, carrier_type):
    figure = one(text)
    assert (figure.indicator, figure.carrier_type) == (indicator, carrier_type)


# --------------------------------------------------------------- general reporting patterns


@pytest.mark.parametrize("head,date,period", [
    ("一季度，全县", "2023-04-10", "2023-03-31"), ("2022年二季度，", None, "2022-06-30"),
    ("今年前三季度，", "2024-11-02", "2024-09-30"), ("去年上半年，", "2024-08-01", "2023-06-30"),
    ("一季度，", None, None),
])
def test_quarters_and_half_years_end_on_their_last_day(head, date, period):
    assert parse_period(head, date) == period


def test_a_year_end_carries_to_the_next_sentences_of_the_paragraph():
    figs = extract_figures("2019年底，该市建成孵化器12家。全市在孵企业达到480家，毕业企业95家。",
                           0, FigureContext())
    assert [f.period for f in figs] == ["2019-12-31"] * 3


def test_the_field_of_a_ranking_is_not_the_area_counted():
    figs = extract_figures("目前，全市共有孵化器30家，居全省第3位。其中，国家级孵化器6家。", 0,
                           FigureContext(date="2022-06-01"))
    assert [f.area for f in figs] == ["全市", "全市", "全市"]


def test_my_city_after_a_time_phrase_is_the_area():
    fig = one("今年前三季度我市新增众创空间9家。")
    assert fig.area == "我市"


@pytest.mark.parametrize("text,level", [
    ("全市拥有国家众创空间7家。", "national"), ("新增国家专业化众创空间2家。", "national"),
    ("认定了11家天津市科技企业孵化器。", "provincial"), ("其中县区级星创天地4家。", "county"),
])
def test_level_words_without_ji(text, level):
    assert one(text).level == level


def test_a_list_of_numbers_first_items_shares_the_level_of_its_head():
    figs = extract_figures("经评审，确定为湖北省科技企业孵化载体的20家众创空间、6家科技企业孵化器和1家科技企业加速器名单公布。",
                           0, FigureContext())
    assert [(f.carrier_type, f.level) for f in figs] == [
        ("MakerSpace", "provincial"), ("TechnologyBusinessIncubator", "provincial"), ("Accelerator", "provincial")]


def test_each_item_of_a_list_keeps_its_own_level():
    figs = extract_figures("园区已有3家国家级众创空间、6家省级众创空间、8家区级众创空间。", 0, FigureContext())
    assert [f.level for f in figs] == ["national", "provincial", None]


def test_a_population_of_several_levels_has_no_level():
    figs = extract_figures("全区有国家级孵化器4家、自治区级孵化器11家，在孵企业900家。", 0, FigureContext())
    assert figs[-1].carrier_type == "TechnologyBusinessIncubator" and figs[-1].level is None


@pytest.mark.parametrize("text,indicator", [
    ("大赛共评出一等奖2名。", "award-winning-enterprises"), ("我区企业获得3个二等奖。", "award-winning-enterprises"),
    ("评选出12家优胜企业。", "award-winning-enterprises"), ("最终有40个项目进入总决赛。", "finalists"),
    ("共吸引900家企业和团队报名参赛。", "applicants"), ("共有25家投资机构到场。", "investors"),
    ("获奖项目将获得最高30万元的奖励资金。", "prize-money"), ("调研组一行7人到基地考察。", "participants"),
    ("全市有9家孵化器获评优秀。", "awarded-carriers"), ("累计入驻企业和团队460个。", "resident-enterprises"),
    ("基地吸纳高校毕业生85人。", "graduates-employed"),
])
def test_frames_of_competitions_visits_and_evaluations(text, indicator):
    assert one(text).indicator == indicator


def test_an_event_outcome_takes_no_region_of_earlier_sentences():
    figs = extract_figures("全省共有众创空间80家。决赛评出一等奖1名。", 0, FigureContext())
    assert [f.area for f in figs] == ["全省", None]


def test_a_place_before_the_carrier_word_is_the_area():
    fig = one("新认定星光孵化器等9家天津市科技企业孵化器。")
    assert (fig.area, fig.level) == ("天津市", "provincial")


def test_a_rank_counts_what_the_figure_before_it_counts():
    figs = extract_figures("截至目前，全市拥有省级众创空间26家，位列全省第5位、全国第40位。", 0,
                           FigureContext(date="2023-03-01"))
    assert [(f.indicator, f.level, f.area) for f in figs] == [("carriers", "provincial", "全市")] * 3


def test_zhong_inside_a_place_name():
    assert one("晋中市有6家众创空间入选。").area == "晋中市"


def test_an_aside_names_no_second_kind_and_no_second_level():
    assert (one("全县已建有县级众创空间(星创天地)15家。").carrier_type, one("全县已建有县级众创空间(星创天地)15家。").level) \
        == ("MakerSpace", "county")
    figs = extract_figures("其中国家级孵化器8家、省级孵化器(国家级孵化器培育单位)19家。", 0, FigureContext())
    assert [f.level for f in figs] == ["national", "provincial"]


@pytest.mark.parametrize("text,indicator,ctype", [
    ("全省已建有孵化器120家，孵化器在孵科技企业达到5000多家。", "incubatees", "TechnologyBusinessIncubator"),
    ("全市省级中小企业创业基地达到27个。", "carriers", "IncubationBase"),
    ("全区各类孵化机构300余家。", "carriers", "InnovationCarrier"),
    ("双创活动已覆盖9个盟市。", "prefectures-covered", None),
])
def test_kinds_of_counted_things(text, indicator, ctype):
    fig = extract_figures(text, 0, FigureContext())[-1]
    assert (fig.indicator, fig.carrier_type) == (indicator, ctype)


def test_a_place_ending_in_zhou_shi_is_not_a_count_of_prefectures():
    assert one("其中开封市达到了7个。").indicator != "prefectures-covered"


def test_a_whole_year_flow_holds_for_its_own_clause_only():
    figs = extract_figures("2018年全年共认定高新技术企业500家，全市高企总数超过1200家。", 0, FigureContext())
    assert [f.period for f in figs] == ["2018", None]


def test_named_entities_respectively_have_their_own_figures_not_parts():
    figs = extract_figures("一季度，全市省级以上孵化载体孵化科技型中小企业120家，其中，数量排前3位的是星河创业服务中心、"
                           "青禾孵化器有限公司、蓝湾科技园有限公司，分别是30家、25家、18家。", 0, FigureContext())
    assert [f.value for f in figs] == ["120", "30", "25", "18"]
    assert all(f.whole is None and f.carrier_type is None and f.indicator == figs[0].indicator for f in figs[1:])
    assert figs[1].period == "2021-03-31" or figs[1].period is None


def test_a_part_without_a_level_takes_the_level_of_its_whole():
    figs = extract_figures("全省有省级孵化载体60家，其中今年新认定12家。", 0, FigureContext())
    assert (figs[1].whole, figs[1].level) == (0, "provincial")


def test_a_span_of_ranks_is_no_count():
    assert find_quantities("排前5位的企业") == [] and find_quantities("获得前三名") == []


def test_generic_whole_city_carriers_are_no_named_subject():
    figs = extract_figures("全市科技企业孵化器聚集在孵企业900家。", 0, FigureContext())
    assert (figs[0].subject, figs[0].indicator, figs[0].carrier_type) == (None, "incubatees", "TechnologyBusinessIncubator")


def test_a_place_inside_the_names_of_a_list_is_no_area():
    fig = one("经专家评审，现确定杭州云谷创新孵化器等25家单位为国家级科技企业孵化器。")
    assert fig.area is None and fig.indicator == "carriers"


@pytest.mark.parametrize("head,date,period", [
    ("截止到目前，全市", "2016-10-12", "2016-10-12"), ("到目前为止，", "2020-05-01", "2020-05-01"),
    ("截至11月底，某市", "2018-12-05", "2018-11-30"), ("截至2020年2月底，", None, "2020-02-29"),
    ("截至11月底，", None, None),
])
def test_as_of_now_and_as_of_a_month_s_end(head, date, period):
    assert parse_period(head, date) == period


def test_the_place_of_what_counted_carriers_are_recognised_as():
    figs = extract_figures("经评审,确定某某农业公司等9家单位为2022年漳州市星创天地。")
    assert [(f.value, f.area, f.carrier_type) for f in figs] == [("9", "漳州市", "StarCreationSpace")]


def test_a_district_that_has_what_is_counted_is_the_area():
    figs = extract_figures("全市国家级众创空间达到21个,其中武侯区有6个,高新区有5个,产业园区共有孵化器8家。")
    areas = {f.value: f.area for f in figs}
    assert areas["6"] == "武侯区", areas
    assert areas["5"] != "高新区" and areas["8"] != "产业园区", areas


def test_where_the_counted_things_are_written_after_the_count():
    figs = extract_figures("全省共有众创空间120家,其中35家位于成都市,8家科技企业孵化器落户绵阳市。")
    assert [(f.value, f.area) for f in figs] == [("120", "全省"), ("35", "成都市"), ("8", "绵阳市")]


@pytest.mark.parametrize("text,indicator,carrier_type", [
    ("今年新增科技型企业120家。", "enterprises-cultivated", None),
    ("大赛共征集参赛项目86个。", "applicants", None),
    ("最终42个项目脱颖而出。", "finalists", None),
    ("全县共有创新育成中心12所。", "carriers", "TechnologyBusinessIncubator"),
])
def test_new_enterprises_entries_finalists_and_incubators_by_their_regional_name(text, indicator, carrier_type):
    figure = one(text)
    assert (figure.indicator, figure.carrier_type) == (indicator, carrier_type)


def test_two_kinds_counted_one_after_the_other():
    figs = extract_figures("全市共有孵化器20家和众创空间35家,总面积达50万平方米,在孵企业1200家。")
    assert [(f.value, f.carrier_type) for f in figs] == [
        ("20", "TechnologyBusinessIncubator"), ("35", "MakerSpace"),
        ("500000", "InnovationCarrier"), ("1200", "InnovationCarrier")]


def test_the_entrants_and_winners_of_the_event_a_title_names_are_of_its_year():
    context = FigureContext(event_year="2020")
    figures = extract_figures("经过激烈角逐,大赛评出一等奖2名、二等奖4名。全省有孵化器50家。", context=context)
    periods = {f.value: f.period for f in figures}
    assert periods["2"] == "2020" and periods["4"] == "2020" and periods["50"] is None, periods


def test_a_district_that_a_sentence_is_about_before_its_verbs():
    figs = extract_figures("自2023年以来,渌口区累计成立返乡创业主体4319家,带动就业近2万人。", 0, FigureContext())
    assert [f.area for f in figs] == ["渌口区", "渌口区"], figs


@pytest.mark.parametrize("text", ["全市共有科技型企业929家。", "全区有省级瞪羚企业276家。", "培育国内外上市公司41家。"])
def test_enterprises_of_a_kind_a_region_grows_are_cultivated_and_take_no_level(text):
    figure = one(text)
    assert figure.indicator == "enterprises-cultivated" and figure.level is None, figure


def test_people_gathered_at_a_meeting_are_no_group_of_carriers():
    for text in ("全省国家级高新区建设推进会议在西岭召开，150多人参加了会议。", "全省众创空间负责人约260人出席会议。"):
        figures = extract_figures(text)
        assert [(f.indicator, f.carrier_type, f.level) for f in figures] == [("participants", None, None)], text
    held = extract_figures("全区省级众创空间开展创业辅导培训100余场次，参加活动人数累计逾万人。")[-1]
    assert (held.indicator, held.carrier_type, held.level) == ("participants", "MakerSpace", "provincial")


def test_a_year_reached_before_the_article_is_no_target():
    assert one("截止到2019年底,全省共有孵化器71家。", date="2021-03-02").status == "achieved"
    assert one("到2019年底,全省共有孵化器71家。", date="2021-03-02").status == "achieved"
    assert one("到2030年,全省孵化器将达到90家。", date="2021-03-02").status == "target"


def test_a_rank_in_an_earlier_clause_frames_no_later_figure():
    figures = extract_figures("湖南的孵化器数量达613家,位居全国第三;湖北紧随其后,孵化器数量达572家。")
    assert {f.value: f.area for f in figures if f.unit == "count"} == {"613": "湖南", "572": "湖北"}


def test_the_totals_after_a_list_of_kinds_counted_in_a_whole_are_the_whole_s():
    figures = extract_figures("目前我省共有各类孵化机构600余家，其中，国家级科技企业孵化器47家，国家级众创空间61家，"
                              "国家级专业化众创空间5家；在孵企业18000余家，孵化服务面积1600万平方米。"
                              "2018年，我省新增科技创业企业5638家。")
    by_value = {f.value: f for f in figures}
    assert [by_value[v].whole for v in ("47", "61", "5")] == [0, 0, 0], figures
    for value in ("18000", "16000000"):
        assert (by_value[value].carrier_type, by_value[value].level) == ("InnovationCarrier", None), by_value[value]
    assert by_value["5638"].carrier_type is None and by_value["5638"].level is None, by_value["5638"]


def test_a_group_of_carriers_is_no_named_subject_of_the_figures_after_it():
    figures = extract_figures("我区积极培育了一批众创空间，已建有国家级备案众创空间7家，省级优秀众创空间5家，"
                              "全区众创空间运营总面积超15万平方米，拥有创业工位7408个。")
    assert all(f.subject is None for f in figures), [(f.value, f.subject) for f in figures]
    area = next(f for f in figures if f.indicator == "floor-area")
    assert (area.area, area.carrier_type) == ("全区", "MakerSpace"), area


def test_units_counted_after_a_named_carrier_are_carriers_of_its_kind_in_the_region_before_it():
    figures = extract_figures("近日，科技部公布新认定的国家级科技企业孵化器名单，我省星河科技企业孵化器等9家机构获批。"
                              "截至目前，我市累计建成省级大学科技园1家。")
    listed = next(f for f in figures if f.value == "9")
    assert (listed.indicator, listed.carrier_type, listed.area) == ("carriers", "TechnologyBusinessIncubator", "我省"), listed
    park = next(f for f in figures if f.value == "1")
    assert park.subject is None and park.area == "我市", park


def test_a_place_in_a_company_s_name_is_no_region_later_sentences_share_and_a_county_s_body_no_subject():
    figures = extract_figures("经县科技局组织，县农业科技园区管委会推荐，全县共有3个星创天地被批准进入培育建设阶段，"
                              "即：云南星河农业科技有限公司-星河玫瑰星创天地。建设期为1年，分别给以补助资金10万元。")
    counted = next(f for f in figures if f.value == "3")
    assert counted.subject is None and counted.area == "全县", counted
    grant = next(f for f in figures if f.value == "100000")
    assert grant.area == "全县", grant


def test_an_aside_s_parts_end_with_it_and_a_count_of_people_is_no_part_of_a_count_of_carriers():
    figures = extract_figures("截至2012年末，全国纳入统计的科技企业孵化器达到1239家（其中国家级435家），服务和管理人员"
                              "总数达到2.2万余人，在孵企业超过7万家，创业团队超过143万人。已有近5万家创业企业从孵化器毕业，"
                              "毕业后上市的企业超过180家。")
    by_value = {f.value: f for f in figures}
    total, national = by_value["1239"], by_value["435"]
    assert total.level is None and national.level == "national", (total, national)  # the aside's level is its own
    assert national.whole == figures.index(total), national
    teams = by_value["1430000"]
    assert teams.whole is None and teams.indicator not in ("carriers", "staff"), teams
    assert by_value["50000"].indicator == "graduated-enterprises", by_value["50000"]
    assert by_value["180"].area in (None, "全国"), by_value["180"]  # 毕业后上市: a listing, no city


def test_counts_rated_in_an_evaluation_are_parts_of_the_population_evaluated():
    figures = extract_figures("省科学技术厅对 212 家省级及以上众创空间开展了年度绩效考核评价工作。通过专家评审等程序，"
                              "21家众创空间被评为优秀(A类)，28家众创空间被评为良好(B类)，113家众创空间被评为合格(C类)，"
                              "50家众创空间被评为不合格(D类)。", context=FigureContext(region="辽宁省"))
    by_value = {f.value: f for f in figures}
    total = by_value["212"]
    assert total.indicator == "carriers" and total.whole is None, total
    for value in ("21", "28", "113", "50"):
        rated = by_value[value]
        assert rated.whole == figures.index(total), rated
        assert (rated.carrier_type, rated.level) == ("MakerSpace", total.level), rated


def test_a_growth_a_share_a_first_place_and_no_difference_or_another_s_rank():
    figures = extract_figures("江苏有53家获评优秀，较上年增长141%，占全国获批优秀总数的23%，居全国首位，"
                              "比排名第二的广东省多11家。")
    by_value = {f.value: f for f in figures}
    assert by_value["141"].indicator == "growth-rate", by_value["141"]
    assert by_value["23"].indicator != "growth-rate", by_value["23"]  # a share, no growth
    assert by_value["1"].unit == "rank", by_value["1"]  # 首位
    assert "2" not in by_value and "11" not in by_value, by_value  # another's rank; a difference


def test_a_count_of_a_list_of_carriers_is_no_named_body_s():
    figures = extract_figures("根据科技部火炬中心的要求，经专家评审，拟向科技部火炬中心推荐“星河创业工坊”等12家众创空间"
                              "申报国家众创空间备案。")
    counted = next(f for f in figures if f.value == "12")
    assert counted.indicator == "carriers" and counted.subject is None, counted


def test_carriers_a_zone_or_a_district_has_are_of_their_kind_and_no_one_s():
    figures = extract_figures("截至2022年底，我市共有各类孵化载体86家，其中，高新区有孵化器12家、众创空间20家，"
                              "西岭区有众创空间8家。")
    by_value = {f.value: f for f in figures}
    assert by_value["12"].carrier_type == "TechnologyBusinessIncubator", by_value["12"]  # 高新区 is where they are
    assert all(f.subject is None for f in figures), [(f.value, f.subject) for f in figures]  # 西岭区有众创空间: no name
    assert by_value["8"].area == "西岭区", by_value["8"]


def test_a_count_of_a_level_in_brackets_after_a_total_is_its_part():
    figures = extract_figures("全市有孵化器12家(在孵企业300家)，众创空间143家（国家级45家）。")
    by_value = {f.value: f for f in figures}
    assert by_value["45"].whole == figures.index(by_value["143"]), by_value["45"]
    assert by_value["45"].level == "national" and by_value["45"].carrier_type == "MakerSpace", by_value["45"]
    assert by_value["300"].whole is None and by_value["300"].indicator != "carriers", by_value["300"]  # no level


def test_a_tier_is_no_rank():
    figures = extract_figures("我省国家众创空间达到72家，稳居全国第一方阵，备案数量居全国第5位，进入全国第一梯队。")
    ranks = sorted(f.value for f in figures if f.unit == "rank")
    assert ranks == ["5"], ranks


def test_a_count_of_its_own_noun_is_no_count_of_the_sentence_s_carriers():
    figures = extract_figures("全市科技企业孵化器达到42家，创造就业岗位1.2万个，建有公共服务平台35个，"
                              "在孵企业980家、毕业企业210家，入孵小微企业1500多户，带动农户3.2万户。")
    by_value = {f.value: f.indicator for f in figures}
    assert by_value["42"] == "carriers" and by_value["12000"] == "jobs", by_value
    assert by_value["35"] != "carriers" and by_value["32000"] != "carriers", by_value
    assert by_value["980"] == "incubatees" and by_value["210"] == "graduated-enterprises", by_value
    assert by_value["1500"] == "incubatees", by_value


@pytest.mark.parametrize("sentence", [
    "科技部火炬中心发布的《2023年中国创业孵化发展报告》显示，截至2022年底，全国创业孵化载体达15000家。",
    "2022年，全国创业孵化机构从业人员达到18万人，包括孵化器从业人员8万人，众创空间从业人员10万人。",
    "2022年，该省择优遴选新备案省级星创天地30家，全省各级星创天地达400家。",
])
def test_a_report_s_publisher_and_a_clause_s_verb_are_no_figure_s_subject(sentence):
    figures = extract_figures(sentence)
    assert figures and all(f.subject is None for f in figures), [(f.value, f.subject) for f in figures]


def test_a_kind_of_what_was_counted_is_a_part_after_其中():
    figures = extract_figures("全市在孵企业拥有有效知识产权5600项，其中发明专利820项；从业人数达到2.4万人，"
                              "其中吸纳应届大学生1400人。全市拥有专利500项，其中发明专利820项。")
    whole = {f.value: (figures[f.whole].value if f.whole is not None else None) for f in figures}
    assert whole["1400"] == "24000", whole
    assert [f.whole for f in figures if f.value == "820"][0] == 0, whole  # of 5600, not of the smaller 500
    assert figures[-1].whole is None, whole  # a part larger than its whole is no part


def test_a_level_of_one_population_is_not_the_city_s_whole_population_s():
    figures = extract_figures("2023年，全市新增省级众创空间12家，全市众创空间孵化总面积达25万平方米，提供工位数3000个。"
                              "目前全省省级众创空间达到45家。")
    levels = {f.value: f.level for f in figures}
    assert levels["12"] == "provincial" and levels["45"] == "provincial", levels
    assert levels["250000"] is None and levels["3000"] is None, levels


def test_a_sentence_that_opens_with_其中_is_of_the_last_sentence_s_totals():
    figures = extract_figures("到2025年，全市中小微企业数量达到6万家。其中，西岭区中小微企业将达到5万家以上。")
    part = next(f for f in figures if f.value == "50000")
    assert part.whole is not None and figures[part.whole].value == "60000", figures


def test_a_share_of_the_country_s_total_is_the_province_s():
    figures = extract_figures("2022年，江苏省有53家获评优秀，占全国优秀总数的23%，居全国首位。")
    share = next(f for f in figures if f.value == "23")
    assert share.area == "江苏省", share


def test_levels_listed_before_or_among_sums_paid_respectively():
    figures = extract_figures("西岭市对新备案认定的国家级、省级、市级众创空间分别给予50万元、20万元、5万元的一次性奖励。"
                              "星河市分别给予新备案国家级孵化器40万元和省级孵化器20万元奖励性补贴。")
    levels = [(f.value, f.level) for f in figures]
    assert levels == [("500000", "national"), ("200000", "provincial"), ("50000", "prefectural"),
                      ("400000", "national"), ("200000", "provincial")], levels
    assert all(f.subject is None for f in figures), [f.subject for f in figures]


def test_a_grade_s_count_with_no_noun_is_of_the_kind_evaluated():
    figures = extract_figures("省科技厅对200家省级众创空间开展了2022年度评价，20家众创空间被评为优秀（A类），"
                              "30家被评为良好（B类），100家被评为合格（C类）。")
    kinds = {f.value: (f.carrier_type, f.whole) for f in figures}
    assert kinds["30"] == ("MakerSpace", 0) and kinds["100"] == ("MakerSpace", 0), kinds


@pytest.mark.parametrize("text, value, ctype, level", [
    pytest.param("近日，科技部公布2022年度新认定的国家级科技企业孵化器名单，我省星河科技企业孵化器等8家机构获批。", "8",
                 "TechnologyBusinessIncubator", "national", id="等8家机构-of-a-national-list"),
    pytest.param("省科学技术厅公布2019年度省级星创天地名单，全省共计63家单位获此殊荣。", "63",
                 "StarCreationSpace", "provincial", id="单位-of-a-provincial-list"),
])
def test_a_count_of_a_named_list_s_members_is_of_the_list_s_kind_and_level(text, value, ctype, level):
    figs = [f for f in extract_figures(text, 0, FigureContext()) if f.value == value]
    assert [(f.indicator, f.carrier_type, f.level) for f in figs] == [("carriers", ctype, level)], figs


def test_a_figure_of_the_same_carriers_as_the_last_sentence_s_is_of_its_place():
    figs = extract_figures("上半年，湖州省级以上科技企业孵化器在孵企业910家。在孵企业实现工业总产值11.8亿元。", 0,
                           FigureContext())
    assert [(f.value, f.area) for f in figs] == [("910", "湖州"), ("1180000000", "湖州")], figs


@pytest.mark.parametrize("text, expected", [
    pytest.param("珠海市新认定的市级众创空间、省级众创空间、国家备案众创空间，分别给予25万元、45万元、60万元的奖励。",
                 [("250000", "MakerSpace", "prefectural"), ("450000", "MakerSpace", "provincial"),
                  ("600000", "MakerSpace", "national")], id="levels-each-with-its-kind"),
    pytest.param("浙江全省已累计认定科技企业孵化器165家，其中国家级孵化器和大学科技园分别达46家和7家。",
                 [("165", "TechnologyBusinessIncubator", None), ("46", "TechnologyBusinessIncubator", "national"),
                  ("7", "UniversitySciencePark", "national")], id="kinds-respectively"),
])
def test_levels_and_kinds_listed_before_分别_go_to_each_figure(text, expected):
    figs = extract_figures(text, 0, FigureContext())
    assert [(f.value, f.carrier_type, f.level) for f in figs] == expected, figs


def test_counts_listed_after_a_zone_s_count_are_the_zone_s():
    figs = extract_figures("石家庄高新区已有5家国家级孵化器、6家省级孵化器、4家区级孵化器。", 0, FigureContext())
    assert [(f.value, f.subject, f.level) for f in figs] == [
        ("5", "石家庄高新区", "national"), ("6", "石家庄高新区", "provincial"), ("4", "石家庄高新区", None)], figs


def test_counts_by_kind_in_brackets_are_parts_of_the_total_and_of_its_level():
    figs = extract_figures("截止到2020年底，吉林省共认定省级以上的孵化器和众创空间128家（孵化器69家，众创空间59家）。", 0,
                           FigureContext())
    assert [(f.value, f.carrier_type, f.level, f.whole) for f in figs] == [
        ("128", "InnovationCarrier", "provincial", None), ("69", "TechnologyBusinessIncubator", "provincial", 0),
        ("59", "MakerSpace", "provincial", 0)], figs


def test_a_stock_counted_in_the_statistics_of_a_year_gives_later_sentences_that_year():
    figs = extract_figures("2023年我省在统的各类众创空间347家。在统的各类科技企业孵化器311家，孵化器场地总面积达517.6万平方米。",
                           0, FigureContext(year="2024"))
    assert [(f.value, f.period) for f in figs] == [("347", "2023"), ("311", "2023"), ("5176000", "2023")], figs


def test_a_sentence_adding_to_the_one_before_shares_its_place():
    figs = extract_figures("目前绵阳市拥有各类众创空间45家，入孵团队900多个。此外，还有科技企业孵化器17家，"
                           "空间总面积80万平方米，小微企业创业基地6家。全省共有孵化器300家。", 0, FigureContext())
    assert [(f.value, f.area) for f in figs] == [
        ("45", "绵阳市"), ("900", "绵阳市"), ("17", "绵阳市"), ("800000", "绵阳市"), ("6", "绵阳市"), ("300", "全省")], figs


def test_a_place_named_short_that_has_carriers_is_their_place_and_a_province_s_title_is_none():
    figs = extract_figures("截至2022年，德阳有国家级科技企业孵化器培育单位12家，四川省众创空间试点单位9家，"
                           "四川省国家大学科技园培育单位1家。", 0, FigureContext(), shorts=("德阳",))
    assert [(f.value, f.area, f.level) for f in figs] == [
        ("12", "德阳", "national"), ("9", "德阳", "provincial"), ("1", "德阳", "national")], figs
    figs = extract_figures("截至2022年，四川省众创空间达到900家。", 0, FigureContext(), shorts=("德阳",))
    assert [(f.value, f.area) for f in figs] == [("900", "四川省")], figs


def test_a_carrier_taken_up_again_or_named_before_its_kind_is_the_figure_s_subject():
    figs = extract_figures("青禾科技园孵化器是国家级孵化器，现有甲公司、乙公司等在孵企业40家。该产业园总面积12万平方米。"
                           "目前园区在孵企业54家。在这个不大的空间里，已有12个团队入驻。全市众创空间共有团队800个。",
                           0, FigureContext(region="全市"))
    assert [(f.value, f.subject, f.area) for f in figs] == [
        ("40", "青禾科技园孵化器", None), ("120000", "产业园", None), ("54", "园区", None), ("12", "空间", None),
        ("800", None, "全市")], figs


def test_what_a_ministry_recognises_is_counted_for_the_country():
    figs = extract_figures("科技部确定639家众创空间为国家备案众创空间。我市有12家入选。", 0, FigureContext(region="全市"))
    assert [(f.value, f.area) for f in figs] == [("639", "全国"), ("12", "我市")], figs


def test_carriers_counted_by_their_title_and_a_city_s_own_title_after_other_levels():
    figs = extract_figures("截至2022年，德阳有国家级科技企业孵化器培育单位12家，四川省众创空间试点单位9家；"
                           "德阳市科技企业孵化器计40家，德阳市众创空间25家，德阳市科技创新创业联合培优示范基地4家。"
                           "绵阳市众创空间60家。", 0, FigureContext(), shorts=("德阳",))
    assert [(f.value, f.indicator, f.carrier_type, f.level, f.subject) for f in figs] == [
        ("12", "carriers", "TechnologyBusinessIncubator", "national", None),
        ("9", "carriers", "MakerSpace", "provincial", None),
        ("40", "carriers", "TechnologyBusinessIncubator", "prefectural", None),
        ("25", "carriers", "MakerSpace", "prefectural", None),
        ("4", "carriers", "DemonstrationBase", "prefectural", None),  # a title of carriers, no carrier's name
        ("60", "carriers", "MakerSpace", None, None)], figs


def test_enterprises_among_resident_enterprises_are_resident_enterprises():
    figs = extract_figures("青禾基地已汇聚32家创新企业，其中16家电力科技企业、3家新材料企业。", 0, FigureContext())
    assert [(f.value, f.indicator, f.carrier_type, f.whole) for f in figs] == [
        ("32", "resident-enterprises", None, None), ("16", "resident-enterprises", None, 0),
        ("3", "resident-enterprises", None, 0)], figs


def test_carriers_counted_after_a_year_s_round_of_recognition_are_of_that_year():
    figs = extract_figures("省科技厅开展了2022年度省级星创天地备案工作。经专家评审，确定“青禾星创天地”等72家星创天地通过省级备案。"
                           "2015年度全省孵化器绩效评价结果良好。全省共有孵化器80家。", 0, FigureContext())
    assert [(f.value, f.period) for f in figs] == [("72", "2022"), ("80", None)], figs  # (a stock, not the round's)


def test_carriers_named_in_a_title_are_not_what_a_count_of_documents_counts():
    # 《关于支持众创空间建设的若干措施》等2个文件 counts documents; the carriers of the next sentence are carriers.
    figs = extract_figures("市政府先后印发《关于支持众创空间建设的若干措施》和《关于促进孵化器发展的办法》2个文件。"
                           "全省共有众创空间120家,其中国家备案众创空间45家。")
    kinds = {f.quote: (f.indicator, f.carrier_type) for f in figs}
    assert [k for q, k in kinds.items() if q.endswith("2个文件")] == [("count", None)], kinds
    assert kinds["全省共有众创空间120家"] == ("carriers", "MakerSpace"), kinds


def test_a_level_alone_after_the_unit_shares_the_noun_of_the_list_s_last_item():
    figs = extract_figures("今年全省新增2个国家级、5个省级众创空间。")
    assert [(f.indicator, f.carrier_type, f.level) for f in figs] == [
        ("carriers", "MakerSpace", "national"), ("carriers", "MakerSpace", "provincial")]


def test_a_figure_larger_than_the_total_before_其中_is_none_of_its_parts():
    """目前某市已确定建立2家，其中…，至此某区…将达18家: 18 is no part of 2 (the shapes would hold
    the pair back), and keeps its own place rather than the total's."""
    figures = extract_figures("目前青禾市已经确定建立2家创业园，其中已明确今年在西岭园区建立一家，"
                              "至此，锡山区创业园数量将达18家。", 0)
    total, *_, later = figures
    assert (total.value, later.value) == ("2", "18")
    assert later.whole is None
    assert later.area != total.area or total.area is None


@pytest.mark.parametrize("text", ["青禾孵化器一期、二期等15个项目实现主体封顶", "西岭科技园二期建成投用", "创业园一期和二期共计",
                                  "西岭创客工场二期效果图", "青禾创客港三期项目开工", "园区东侧为二期建筑",
                                  "建立“双驱动、五位一体”创新创业体系", "形成三位一体的服务功能",
                                  "青禾园二期招商已经完成", "青禾化工三期技改项目完成设备安装", "西岭水厂二期扩建工程开工",
                                  "青禾城轨三期与西岭新市镇三期等工程持续推进"])
def test_a_phase_of_a_building_or_an_idiom_is_no_count(text):
    assert [q.measure for q in find_quantities(text) if q.measure in ("期", "位")] == []


def test_sessions_of_a_course_are_still_counted():
    assert [q.value for q in find_quantities("全年举办创业培训班三期")] == [Decimal("3")]


def test_counts_shared_out_of_a_population_are_of_its_kind():
    """在某市9个众创空间中，高新区有4个: four of the maker spaces are in the zone, not four
    zones; a zone counted with its own noun is still a count of zones."""
    figures = extract_figures("在青禾市9个众创空间中，高新区有4个，锡山区有2个。全省国家级高新区有8个。", 0)
    assert [(f.value, f.carrier_type) for f in figures] == [
        ("9", "MakerSpace"), ("4", "MakerSpace"), ("2", "MakerSpace"), ("8", "HighTechZone")]


def test_a_rated_count_larger_than_the_population_next_to_it_is_no_part_of_it():
    """在全省300家孵化器和12家大学科技园中，有45家被评为优秀: 45 is no part of the 12 (the shapes
    would hold both back); it may be of the 300."""
    figures = extract_figures("在全省300家省级科技企业孵化器和12家自愿参评的大学科技园中，有45家被评为优秀。", 0)
    rated = next(f for f in figures if f.value == "45")
    assert rated.whole is None or figures[rated.whole].value == "300"


@pytest.mark.parametrize("text", ["本次获评A类的4家孵化器是青禾孵化器、西岭孵化器等。", "全市有4家孵化器被评为A类。"])
def test_carriers_rated_a_are_awarded_carriers_not_all_carriers(text):
    assert one(text).indicator == "awarded-carriers"


@pytest.mark.parametrize("text", ["报告从规模、效益、潜力三个角度分析全市孵化器。",
                                  "从两个方面对全省孵化器进行评价。", "众创空间分为甲、乙、丙三个等级。",
                                  "比赛分设学生组和社会组两个组别。", "签约分为三个轮次进行。", "会议强调了三个聚焦。",
                                  "这一理念用两个字概括。", "报告分两个阶段回顾了行业历程。", "大赛共设两个赛道。"])
def test_angles_and_aspects_are_counted_no_carriers(text):
    """三个角度, 两个方面: ways of looking, not things counted."""
    assert [f.value for f in extract_figures(text, 0) if f.value in ("2", "3")] == []


@pytest.mark.parametrize("text", ["认真学习党的二十届三中全会精神。", "西岭双创中心分二期建设。",
                                  "大楼设办公、会议、路演三个区域。"])
def test_an_ordinal_session_a_building_s_phases_and_its_parts_count_nothing(text):
    """二十届二中全会 is the twentieth committee's plenum (an ordinal without 第); 二期建设 a phase."""
    assert extract_figures(text, 0) == []


def test_a_project_s_total_investment_is_funding_whatever_comes_after():
    figures = extract_figures("园区签约了总投资3亿元的青禾板材加工、总投资7亿元的西岭智能设备项目。", 0)
    assert [(f.value, f.indicator) for f in figures] == [("300000000", "funding"), ("700000000", "funding")]


def test_judges_are_experts_not_contestants():
    assert one("每位选手由7名评委打分。").indicator == "experts"


def test_the_entries_that_reached_a_final_are_finalists():
    assert one("入围决赛的16个参赛项目来自多个行业。").indicator == "finalists"


def test_a_slogan_counts_nothing_and_first_rate_carriers_are_still_counted():
    assert extract_figures("落实支持大学生创业“七个一”的工作要求，实施三个一工程。", 0) == []
    assert one("全市建成3个一流孵化器。").value == "3"
