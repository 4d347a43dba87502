"""Named funds and programmes (sckg.extract.funds)."""

from __future__ import annotations

import pytest

from sckg.extract.funds import fund_names, named_programmes, programme_names


@pytest.mark.parametrize("text,places,name", [
    ("陕西省科技专项资金支持了50个项目。", [], "陕西省科技专项资金"),
    ("泾阳县创业投资引导基金首期规模达到1亿元。", ["泾阳县"], "泾阳县创业投资引导基金"),
])
def test_a_region_s_fund_is_named(text, places, name):
    funds = fund_names(text, places)
    assert [(f.surface, f.cls) for f in funds] == [(name, "Fund")]


@pytest.mark.parametrize("text", ["各地要用好专项资金。", "企业获得了创投基金的支持。"])
def test_a_kind_of_fund_is_no_named_fund(text):
    assert fund_names(text, []) == []


@pytest.mark.parametrize("text,places,name", [
    ("实施千万平米孵化器工程。", [], "千万平米孵化器工程"),
    ("入选百万大学生留汉创业计划。", [], "百万大学生留汉创业计划"),
    ("制定西岭省千户科技型企业三年行动计划。", ["西岭省"], "西岭省千户科技型企业三年行动计划"),
    ("列入西岭市科技计划项目。", ["西岭市"], "西岭市科技计划"),
    ("获得国家火炬计划项目支持。", [], "国家火炬计划"),
])
def test_a_plan_counted_in_its_name_a_region_s_plan_and_a_state_plan_are_named(text, places, name):
    assert [(p.surface, p.category) for p in programme_names(text, places)] == [(name, "Programme")]


@pytest.mark.parametrize("text,places", [
    ("制定了工作计划和三年行动计划。", []),
    ("西岭市重点工程建设加快。", ["西岭市"]),
    ("他毕业于西岭大学生物工程专业,现任总工程师。", []),
    ("西岭市政府全面支持上海工程大学在西岭建设基地。", ["西岭市", "上海"]),
    ("江西省科学技术厅计划到2025年新增省级众创空间50家。", ["江西省"]),
    ("西岭市计划在三年内建成孵化器10家。", ["西岭市"]),
])
def test_a_kind_of_plan_or_an_engineering_field_is_no_programme(text, places):
    assert programme_names(text, places) == []


@pytest.mark.parametrize("text,name,cls", [
    ("园区实施飞鸿计划,培育瞪羚企业。", "飞鸿计划", "ActionProgramme"),
    ("他入选西岭湖人才计划。", "西岭湖人才计划", "ActionProgramme"),
    ("青禾创投联合禾邦基金和岭商成长基金投资。", "岭商成长基金", "Fund"),
])
def test_a_plan_or_fund_named_by_a_brand_of_its_own(text, name, cls):
    found = {m.surface: m.cls for m in named_programmes(text, [])}
    assert found.get(name) == cls, found
    assert not any(n.endswith(name) and n != name for n in found), found  # (not swallowed by its neighbour)


@pytest.mark.parametrize("text", ["设立风险投资基金和双创基金。", "实施人才计划和创客计划。", "青禾基金会捐赠图书。",
                                  "他们共同创业计划书已完成。"])
def test_a_fund_or_plan_of_the_field_s_words_names_none(text):
    assert named_programmes(text, []) == []
