"""Tests of sckg.extract.brands: companies named by their brands, in a list that ends in
a count of companies, beside a company or with their trades, or before the title of one of
their heads. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.normalize import normalize_text


def _extract(place_finder, *paragraphs: str):
    text = "\n\n".join(["双创简讯", "2023-05-10 09:00  来源:某某日报"] + ["  " + p for p in paragraphs]) + "\n"
    return extract_article(normalize_text(text, article_id="963_brands"), place_finder.find)


def _companies(ex) -> set[str]:
    return {m.surface for m in ex.mentions if m.category == "Company"}


def test_brands_listed_before_a_count_of_companies_are_companies(place_finder):
    ex = _extract(place_finder, "调研组深入星河量子、青禾生物、岭南智造等企业开展调研。",
                  "省里鼓励像禾川电子、西岭传媒等龙头企业开放资源。")
    assert {"星河量子", "青禾生物", "岭南智造", "禾川电子", "西岭传媒"} <= _companies(ex), _companies(ex)


def test_brands_listed_after_the_firms_they_are_are_companies_whole(place_finder):
    ex = _extract(place_finder, "本届获奖企业有星河科技、青禾生物、岭南装备。")
    assert _companies(ex) == {"星河科技", "青禾生物", "岭南装备"}, _companies(ex)


def test_fields_listed_before_a_kind_of_park_are_no_companies(place_finder):
    ex = _extract(place_finder, "打造以高端装备、新型电子、电子信息、绿色食品、智慧物流等园区协同发展的态势。")
    assert _companies(ex) == set(), _companies(ex)


def test_fields_listed_before_a_count_of_companies_are_no_companies(place_finder):
    ex = _extract(place_finder, "主要引进电子信息、检验检测、生物医药、能源环保等高新技术企业。",
                  "使200余家软件信息、物联网、移动互联网、智慧城市等企业集聚于此。")
    assert not _companies(ex), _companies(ex)


def test_a_brand_starting_like_a_far_city_is_no_company_of_that_city(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, "海口复兴城楼宇上安装着爱奇艺、阿里巴巴、普华永道等知名企业的招牌。")
    res = resolve([ex], gazetteer, resolve_place)
    assert "阿里巴巴" in {e.name for e in res.entities.values() if e.category == "Company"}
    assert "阿里地区" not in {e.name for e in res.entities.values()}



def test_a_brand_before_the_title_of_its_head_is_a_company(place_finder):
    ex = _extract(place_finder, "“投资加服务。”星河科技投资董事长周文彬结合经验作了分享。")
    assert "星河科技投资" in _companies(ex), _companies(ex)
    posts = {(ex.mentions[r.subject].surface, r.value, ex.mentions[r.object].surface)
             for r in ex.relations if r.kind == "post"}
    assert ("周文彬", "董事长", "星河科技投资") in posts, posts


@pytest.mark.parametrize("sentence, brands", [
    pytest.param("园区形成了以青禾云、星河跳动等互联网龙头企业带动的产业集群。", {"青禾云", "星河跳动"}, id="qualified-count"),
    pytest.param("包括西岭传媒、参宿文化等公司开发的数字文创产品。", {"西岭传媒", "参宿文化"}, id="a-verb-by-the-tagger"),
    pytest.param("参观了星河电子科技有限公司、青禾制衣、金蓝焰线缆的生产车间。", {"青禾制衣", "金蓝焰线缆"}, id="beside-a-company"),
    pytest.param("一行先后来到位于西岭工业园的吾媚儿制衣、金蓝焰线缆、青禾塑料制品和研发楼。",
                 {"吾媚儿制衣", "金蓝焰线缆"}, id="brands-with-their-trades"),
])
def test_brands_with_their_trade_listed_beside_companies_are_companies(place_finder, sentence, brands):
    assert brands <= set(_companies(_extract(place_finder, sentence))), _companies(_extract(place_finder, sentence))


def test_a_list_of_fields_names_no_company(place_finder):
    assert not _companies(_extract(place_finder, "重点发展电子信息、生物医药、新能源、智能装备等产业。"))


def test_a_brand_at_a_paragraph_s_start_before_several_titles_of_its_head(place_finder):
    ex = _extract(place_finder, "星河科技联合创始人兼CTO周文彬介绍,公司已获融资。青禾资本合伙人林海涛、西岭创投投资总监马文静担任评委。")
    assert _companies(ex) == {"星河科技", "青禾资本", "西岭创投"}, _companies(ex)


def test_a_list_of_industries_names_no_brand():
    from sckg.extract.brands import brand_companies

    text = "无锡高新区围绕先进装备、节能环保等主导产业建成孵化载体。星河科技、青禾制衣等企业入驻。"
    assert {m.surface for m in brand_companies(text, [], [])} == {"星河科技", "青禾制衣"}


def test_a_carrier_quoted_whole_is_named_whatever_words_its_brand_holds(place_finder):
    """A brand the text quotes is a name, though jieba reads a verb in it (到, 乐意, 雷电)
    or the left scan would stop inside it; a quoted kind (“众创空间”) stays a kind."""
    ex = _extract(place_finder, "西岭创意园3家企业获此殊荣,分别为“一到九众创空间”、“青禾聚和孵化众创空间”和“乐意创众创空间”。",
                  "“雷电孵化器”作了交流发言。各地要推进“众创空间”和“专业化众创空间”建设。")
    carriers = {m.surface for m in ex.mentions if m.category == "InnovationCarrier"}
    assert carriers == {"一到九众创空间", "青禾聚和孵化众创空间", "乐意创众创空间", "雷电孵化器"}, carriers


def test_brands_listed_before_a_count_of_investment_companies_whatever_characters_they_hold(place_finder):
    """万向 holds 向, a preposition alone but a brand's character inside its word; 创投公司
    counts companies as 企业 does; a brand led by a city's name is a brand."""
    ex = _extract(place_finder, "邀请上海青禾、杭州禾川、万向通达、西岭红土创投等4家创投公司的专家担任评委。")
    assert {"上海青禾", "杭州禾川", "万向通达", "西岭红土创投"} <= _companies(ex), _companies(ex)
    ex = _extract(place_finder, "电子信息、生物医药和新材料等企业入驻园区。")
    assert _companies(ex) == set(), _companies(ex)
