"""Tests of sckg.extract.carrier_lists: carriers named in enumerations, and short forms
tied to their full names. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.normalize import normalize_text


def _extract(place_finder, *paragraphs: str):
    text = "\n\n".join(["双创简讯", "2023-05-10 09:00  来源:某某日报"] + ["  " + p for p in paragraphs]) + "\n"
    return extract_article(normalize_text(text, article_id="962_lists"), place_finder.find)


def _carriers(ex) -> dict[str, str]:
    return {m.surface: m.cls for m in ex.mentions if m.category == "InnovationCarrier"}


def test_items_beside_named_carriers_are_carriers(place_finder):
    ex = _extract(place_finder, "他先后考察了绵阳长虹科技园、绵阳九洲数码城、德阳东汽科学园,了解孵化服务。")
    assert {"绵阳长虹科技园", "绵阳九洲数码城", "德阳东汽科学园"} <= set(_carriers(ex))


def test_a_list_after_for_example(place_finder):
    ex = _extract(place_finder, "各地涌现出一批众创空间,比如成都小麦车间、重庆火锅创客空间、贵阳苗绣胶囊、昆明创客空间等。")
    assert {"成都小麦车间", "重庆火锅创客空间", "贵阳苗绣胶囊", "昆明创客空间"} <= set(_carriers(ex))


def test_bracketed_notes_and_latin_names_in_a_list(place_finder):
    ex = _extract(place_finder, "上榜名单为锦绣创酷空间(高新区)、巴蜀众创空间(武侯区)、Hello!众创空间(金牛区)。")
    assert {"锦绣创酷空间", "巴蜀众创空间", "Hello!众创空间"} <= set(_carriers(ex))


def test_a_count_of_carriers_after_the_list(place_finder):
    ex = _extract(place_finder, "绵阳科技城运营服务中心、绵阳星火孵化器有限公司2家孵化器被认定为省级科技企业孵化器。")
    carriers = _carriers(ex)
    assert carriers.get("绵阳科技城运营服务中心") == "TechnologyBusinessIncubator"
    assert carriers.get("绵阳星火孵化器有限公司") == "TechnologyBusinessIncubator"


def test_a_centre_counted_as_an_incubator_is_one(place_finder):
    ex = _extract(place_finder, "省科技厅公示了名单，我市星河科技创新中心等3家科技企业孵化器位列其中。")
    assert _carriers(ex).get("星河科技创新中心") == "TechnologyBusinessIncubator", _carriers(ex)
    ex = _extract(place_finder, "西岭科技创新中心、星河产业园孵化平台、青禾孵化器等3家科技企业孵化器被认定。")
    carriers = _carriers(ex)
    assert carriers.get("西岭科技创新中心") == carriers.get("星河产业园孵化平台") == "TechnologyBusinessIncubator", carriers
    assert "星河产业园" not in carriers


@pytest.mark.parametrize("sentence", [
    pytest.param("完善众创空间、孵化器、加速器全链条孵化体系。", id="kinds"),
    pytest.param("支持创新型孵化器、众创空间、星创天地发展。", id="kinds-with-a-generic-word"),
    pytest.param("构建省、市(州、县)各级众创空间、星创天地、孵化器基地。", id="bracketed-list-mark"),
    pytest.param("依托成都小麦众创空间、股权投资加创新孵化、国内知名专家开展服务。", id="phrases"),
])
def test_kinds_and_phrases_in_lists_are_not_carriers(place_finder, sentence):
    carriers = _carriers(_extract(place_finder, sentence))
    assert set(carriers) <= {"成都小麦众创空间"}, carriers


def test_a_short_form_is_tied_to_its_full_name(place_finder):
    ex = _extract(place_finder, "近日,省科技厅调研德阳旌湖众创空间。", "旌湖众创空间入驻团队20个。")
    short = [m for m in ex.mentions if m.surface == "旌湖众创空间"]
    assert short and short[0].attr("qualified") == "德阳旌湖众创空间"


def test_two_editions_keep_their_names(place_finder):
    ex = _extract(place_finder, "第二届四川省青年创业大赛和第三届四川省青年创业大赛都在成都举办。",
                  "四川省青年创业大赛吸引了众多团队。")
    plain = [m for m in ex.mentions if m.surface == "四川省青年创业大赛"]
    assert plain and plain[0].attr("qualified") is None



@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("拟推荐“星河创业工坊@青禾800”等12家众创空间申报备案。", "星河创业工坊@青禾800", "MakerSpace", id="a-maker-space"),
    pytest.param("西岭市申报的“西岭市青禾县星河星创中心”等6家“星创天地”获批。", "西岭市青禾县星河星创中心",
                 "StarCreationSpace", id="a-quoted-kind"),
])
def test_a_quoted_name_before_the_count_of_its_kind_is_a_carrier(place_finder, sentence, name, cls):
    ex = _extract(place_finder, sentence)
    found = {m.surface: m.cls for m in ex.mentions if m.category == "InnovationCarrier"}
    assert found.get(name) == cls, found


def test_a_carrier_written_after_its_operator_and_a_dash_is_two_things(place_finder):
    ex = _extract(place_finder, "即：西岭青禾现代农业发展有限公司-星河百果园星创天地；西岭锦秋果蔬专业合作社-锦秋核桃星创天地。")
    assert _carriers(ex) == {"星河百果园星创天地": "StarCreationSpace", "锦秋核桃星创天地": "StarCreationSpace"}
    others = {m.surface: m.category for m in ex.mentions if m.category != "InnovationCarrier"}
    assert others["西岭青禾现代农业发展有限公司"] == "Company" and others["西岭锦秋果蔬专业合作社"] == "Cooperative"
    text = ex.article.clean
    assert all(text[m.start:m.end] == m.surface for m in ex.mentions)


def test_universities_listed_before_a_count_of_their_science_parks_stay_universities(place_finder):
    ex = _extract(place_finder, "全市首批备案的大学科技园中，西岭体育学院、星河城市学院、青禾医药职业学院三家大学科技园成功备案。")
    assert not _carriers(ex), _carriers(ex)
    universities = {m.surface for m in ex.mentions if m.category == "University"}
    assert {"西岭体育学院", "星河城市学院", "青禾医药职业学院"} <= universities, universities


def test_a_name_stops_at_an_adverb_or_a_verb_of_combining(place_finder):
    ex = _extract(place_finder, "西岭市的孵化载体仍以众创空间为主。禄丰县科技局结合禄丰县省级农业科技园区规划开展服务。")
    carriers = set(_carriers(ex))
    assert carriers and all(c.startswith("禄丰县") for c in carriers), carriers


def test_the_last_item_of_a_list_ends_before_its_verb(place_finder):
    ex = _extract(place_finder, "依托石河子高新区、青禾工业新区建成众创空间和企业孵化器。")
    carriers = _carriers(ex)
    assert carriers.get("青禾工业新区") == "HighTechZone", carriers
    assert not any("建成" in name for name in carriers), carriers


def test_one_unquoted_name_before_the_count_of_its_kind(place_finder):
    ex = _extract(place_finder, "经审核,星河2046创客咖啡平台等12家众创空间被认定为市级众创空间。",
                  "今年以来,新增青禾智汇谷等3家省级众创空间,全市共有各类平台等10家孵化器。")
    carriers = {m.surface: m for m in ex.mentions if m.category == "InnovationCarrier"}
    assert carriers["星河2046创客咖啡平台"].cls == "MakerSpace", carriers
    assert carriers["青禾智汇谷"].attr("level") == "provincial", carriers
    assert not any("平台等" in name or name.endswith("各类平台") for name in carriers), carriers


def test_a_list_introduced_as_a_kind_of_carrier(place_finder):
    ex = _extract(place_finder, "此次入围国家备案众创空间的有星河国际人才港(无锡星河孵化器有限公司)、"
                                "青禾创业谷(苏州青禾创客空间有限公司)等12家。")
    carriers = _carriers(ex)
    assert carriers.get("星河国际人才港") == "MakerSpace" and carriers.get("青禾创业谷") == "MakerSpace", carriers
    assert {m.surface for m in ex.mentions if m.category == "Company"} >= {"无锡星河孵化器有限公司", "苏州青禾创客空间有限公司"}


def test_a_name_in_two_scripts_before_a_count_recognised_as_its_kind(place_finder):
    ex = _extract(place_finder, "现将西岭空间 West Space等13家载体备案为市级众创空间(名单见附件)。")
    carriers = {m.surface: m for m in ex.mentions if m.category == "InnovationCarrier"}
    assert carriers["西岭空间 West Space"].cls == "MakerSpace", carriers
    assert carriers["西岭空间 West Space"].attr("level") == "prefectural", carriers
    assert not [f.subject for f in ex.figures if f.subject], ex.figures  # the count is of all 13, no one's


def test_the_noun_a_count_counts_is_no_part_of_the_name_after_it(place_finder):
    ex = _extract(place_finder, "来自十堰的8家单位星河蜂语生物产业有限公司、青禾食用菌科技开发有限公司等被省科技厅"
                                "确定为省级星创天地单位。")
    companies = {m.surface for m in ex.mentions if m.category == "Company"}
    assert companies == {"星河蜂语生物产业有限公司", "青禾食用菌科技开发有限公司"}, companies


def test_names_in_quotation_marks_one_after_another_before_their_count(place_finder):
    ex = _extract(place_finder, "位于我区的“星河国际设计”“青禾创意工坊” 等2家市级众创空间确定为考核合格。")
    carriers = {m.surface: m for m in ex.mentions if m.category == "InnovationCarrier"}
    for name in ("星河国际设计", "青禾创意工坊"):
        assert carriers[name].cls == "MakerSpace" and carriers[name].attr("level") == "prefectural", carriers
    assert not [f.subject for f in ex.figures if f.subject], ex.figures  # the count is of both


def test_a_contents_page_names_no_carrier(place_finder):
    ex = _extract(place_finder, "2026年中国孵化器行业发展监测报告目录4645摘要 39558一、中国孵化器行业发展的理论基础 "
                                "4110981.1孵化器行业的核心概念 415901.2全球孵化器模式")
    assert not _carriers(ex), _carriers(ex)


def test_a_list_counted_as_projects_names_no_carriers(place_finder):
    carriers = _carriers(_extract(place_finder, "全区新签约青禾科技城、星河风电场、西岭装备等制造项目12个。"))
    assert not {"星河风电场", "西岭装备"} & set(carriers), carriers


def test_a_kind_of_firm_in_a_list_of_kinds_is_no_carrier(place_finder):
    carriers = _carriers(_extract(place_finder, "以青禾农业园区、西岭创业基地、科技型企业、家庭农场等为载体。"))
    assert "科技型企业" not in carriers, carriers
