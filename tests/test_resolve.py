"""Tests of the resolve stage (src/sckg/resolve): abbreviations read in the
article's province, one entity per real thing across articles, aliases, dropped
far-away short place names, figure areas. Articles are written for the tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.link import district_stems, resolve_place
from sckg.model import Extraction, Resolution
from sckg.normalize import normalize_text
from sckg.resolve import resolve


def _article(place_finder, aid: str, title: str, body: list[str]) -> Extraction:
    text = "\n\n".join([title, "2022-05-10 09:30  来源:新华网"] + ["  " + b for b in body]) + "\n"
    return extract_article(normalize_text(text, article_id=aid), place_finder.find)


TIBET = ("960_tibet", "西藏拉萨召开众创空间工作会议",
         ["5月9日,自治区科技厅在拉萨市召开众创空间工作会议。",
          "日喀则市、林芝市的双创载体负责人参加会议。全区共有众创空间50家。"])
XINJIANG = ("961_xinjiang", "新疆乌鲁木齐召开孵化器工作会",
            ["自治区科技厅副厅长王建国在乌鲁木齐市出席会议并讲话。",
             "昌吉州、伊犁州的孵化器代表作交流发言。"])
YUNNAN = ("962_yunnan", "云南昆明高新区新增孵化载体",
          ["省科技厅支持昆明高新区建设专业化众创空间,实施“彩云创客行动”。",
           "大理市、曲靖市的代表参加。全省共有众创空间220家。秭归的企业和杭州的创客也来参会。"])
YUNNAN_FULL = ("963_yunnan", "昆明国家高新技术产业开发区发布年度报告",
               ["昆明国家高新技术产业开发区发布年度报告,“彩云创客行动”成效明显。",
                "玉溪市的代表参加了发布会。"])


@pytest.fixture(scope="module")
def resolution(place_finder, gazetteer) -> Resolution:
    """The four articles, the abbreviated zone's article before the full name's."""
    exs = [_article(place_finder, *a) for a in (TIBET, XINJIANG, YUNNAN, YUNNAN_FULL)]
    return resolve(exs, gazetteer, resolve_place)


def _by_name(res: Resolution, name: str):
    found = [e for e in res.entities.values() if e.name == name]
    assert len(found) == 1, f"{name}: {len(found)} entities; names: {sorted(e.name for e in res.entities.values())}"
    return found[0]


def _area_names(res, by_article: bool = False) -> dict:
    """Each figure's value (with its article's id, ``by_article``) → the name of its area, or None."""
    return {((f.article, f.figure.value) if by_article else f.figure.value): res.entities[f.area].name if f.area else None
            for f in res.figures}


def _articles_of(ent) -> set[str]:
    return {m[0] for m in ent.mentions}


def test_article_provinces(resolution):
    assert resolution.provinces == {"960_tibet": "540000", "961_xinjiang": "650000",
                                    "962_yunnan": "530000", "963_yunnan": "530000"}


def test_autonomous_region_agency_in_tibet_and_xinjiang(resolution):
    tibet = _by_name(resolution, "西藏自治区科学技术厅")
    xinjiang = _by_name(resolution, "新疆维吾尔自治区科学技术厅")
    assert tibet.key != xinjiang.key
    assert tibet.category == xinjiang.category == "GovernmentAgency"
    assert _articles_of(tibet) == {"960_tibet"}
    assert _articles_of(xinjiang) == {"961_xinjiang"}
    assert "自治区科技厅" in tibet.aliases and "自治区科技厅" in xinjiang.aliases


def test_province_agency_in_yunnan(resolution):
    agency = _by_name(resolution, "云南省科学技术厅")
    assert "省科技厅" in agency.aliases
    assert _articles_of(agency) == {"962_yunnan"}


def test_abbreviated_zone_merges_with_full_name(resolution):
    zones = [e for e in resolution.entities.values() if e.cls == "HighTechZone"
             and e.name.startswith("昆明")]
    assert len(zones) == 1, [(z.key, z.name) for z in zones]
    zone = zones[0]
    assert _articles_of(zone) == {"962_yunnan", "963_yunnan"}
    forms = zone.aliases | {zone.name}
    assert {"昆明高新区", "昆明国家高新技术产业开发区"} <= forms


def test_zone_is_named_by_its_full_official_name(resolution):
    """The canonical name is the full official name seen in any article, whichever
    article comes first (CONTRACT: 昆明高新区 → 昆明国家高新技术产业开发区)."""
    zone = next(e for e in resolution.entities.values() if e.cls == "HighTechZone"
                and e.name.startswith("昆明"))
    assert zone.name == "昆明国家高新技术产业开发区", zone.name
    assert "昆明高新区" in zone.aliases


def test_abbreviated_commission_is_named_in_full(place_finder, gazetteer):
    ex = _article(place_finder, "964_tianjin", "天津市召开孵化器工作会",
                  ["天津市科委副主任周立新出席会议,天津市科学技术委员会将继续支持孵化器建设。",
                   "天津市教委副主任马文静介绍了高校创业教育情况。"])
    res = resolve([ex], gazetteer, resolve_place)
    commission = _by_name(res, "天津市科学技术委员会")
    assert "天津市科委" in commission.aliases
    assert "天津市教委" in _by_name(res, "天津市教育委员会").aliases


def test_the_corps_bodies_are_named_after_the_corps_not_a_division(place_finder, gazetteer):
    ex = _article(place_finder, "964_corps", "兵团召开众创空间工作会",
                  ["兵团科技局副局长周文彬出席会议,新疆生产建设兵团科技局将继续支持全兵团众创空间建设。"])
    res = resolve([ex], gazetteer, resolve_place)
    bureau = _by_name(res, "新疆生产建设兵团科学技术局")
    assert {"兵团科技局", "新疆生产建设兵团科技局"} <= bureau.aliases | {bureau.name}, bureau.aliases
    assert not any(e.category == "InnovationCarrier" for e in res.entities.values()), res.entities


@pytest.mark.parametrize("title, body, names, areas", [
    pytest.param("阿拉善左旗召开双创工作会",
                 "旗科技局局长周文彬、盟科技局副局长林海涛出席,旗委副书记马文静讲话。全旗共有众创空间7家,我盟共有孵化器4家。",
                 {"阿拉善盟阿拉善左旗科学技术局", "阿拉善盟科学技术局", "中共阿拉善盟阿拉善左旗委"},
                 ["place:152900", "place:152921"], id="banner-and-league"),
    pytest.param("塔城地区召开双创工作会", "地区科技局局长周文彬出席,地委副书记林海涛讲话。全地区共有众创空间6家。",
                 {"塔城地区科学技术局", "中共塔城地委"}, ["place:654200"], id="prefecture"),
])
def test_bodies_and_figures_of_banners_leagues_and_prefectures_named_by_level(place_finder, gazetteer, title, body,
                                                                              names, areas):
    res = resolve([_article(place_finder, "964_level", title, [body])], gazetteer, resolve_place)
    assert names <= {e.name for e in res.entities.values()}, res.entities
    assert sorted(f.area for f in res.figures) == areas


def test_zone_full_name_first(place_finder, gazetteer):
    exs = [_article(place_finder, *a) for a in (YUNNAN_FULL, YUNNAN)]
    res = resolve(exs, gazetteer, resolve_place)
    zones = [e for e in res.entities.values() if e.cls == "HighTechZone" and e.name.startswith("昆明")]
    assert len(zones) == 1
    assert zones[0].name == "昆明国家高新技术产业开发区"
    assert "昆明高新区" in zones[0].aliases


def test_programme_in_two_articles_is_one_entity(resolution):
    programme = _by_name(resolution, "彩云创客行动")
    assert programme.cls == "ActionProgramme"
    assert _articles_of(programme) == {"962_yunnan", "963_yunnan"}


def test_every_surface_form_is_kept_as_an_alias(resolution):
    for ent in resolution.entities.values():
        for _aid, _start, _end, surface in ent.mentions:
            form = surface.strip("“”\"")
            assert form == ent.name or form in ent.aliases, (ent.key, form, ent.aliases)


def test_mentions_point_into_the_clean_text(resolution):
    texts = {a.id: a.clean for a in resolution.articles}
    for ent in resolution.entities.values():
        for aid, start, end, surface in ent.mentions:
            assert texts[aid][start:end] == surface


def test_place_names_resolve_to_divisions(resolution):
    prefecture = _by_name(resolution, "昌吉回族自治州")
    assert prefecture.code == "652300"
    assert "昌吉州" in prefecture.aliases
    assert _by_name(resolution, "拉萨市").code == "540100"


def test_far_short_place_name_is_dropped_with_a_warning(resolution):
    # 秭归 (a county of Hubei) in a Yunnan article: a two-character short form far from home.
    assert not any(e.code and e.code.startswith("420527") for e in resolution.entities.values())
    assert any("秭归" in w and "dropped" in w for w in resolution.warnings), resolution.warnings


def test_a_city_s_short_form_far_from_home_is_the_city(resolution):
    # 杭州 in a Yunnan article: a prefecture-level city's short form is no common word.
    assert any(e.code == "330100" for e in resolution.entities.values())


def test_figure_area_defaults_to_the_article_province(resolution):
    by_article = {(f.article, f.figure.area): f for f in resolution.figures}
    yunnan = by_article[("962_yunnan", "全省")]
    assert yunnan.area == "place:530000"
    tibet = by_article[("960_tibet", "全区")]
    assert tibet.area == "place:540000"


def test_links_use_entity_keys(resolution):
    assert resolution.links
    for link in resolution.links:
        assert link.subject == "article" or link.subject in resolution.entities
        assert link.object is None or link.object in resolution.entities


def test_resolution_is_deterministic(place_finder, gazetteer, resolution):
    again = resolve([_article(place_finder, *a) for a in (TIBET, XINJIANG, YUNNAN, YUNNAN_FULL)],
                    gazetteer, resolve_place)
    assert sorted(again.entities) == sorted(resolution.entities)
    assert again.links == resolution.links


def test_bodies_named_by_level_take_the_article_city_and_heads_imply_their_government(tmp_path):
    from sckg import pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "绵阳市召开众创空间发展推进会\n\n"
        "  6月8日，绵阳市众创空间发展推进会在涪城区召开。绵阳市副市长郑江西出席会议并讲话，"
        "市科技局局长杜明远主持会议，市委组织部、县科协有关负责人参加。\n", encoding="utf-8")
    out = tmp_path / "x.trig"
    pipeline.build(folder, out=out, store=None, progress_bar=False)
    text = out.read_text(encoding="utf-8")
    for name in ("绵阳市人民政府", "绵阳市科学技术局", "中共绵阳市委组织部"):
        assert f'"{name}"@zh-Hans' in text, name
    assert '"绵阳市副市长"@zh-Hans' not in text  # the implied government takes no alias from the title


def test_whole_district_and_whole_city_figures_take_the_article_places(tmp_path):
    from sckg import pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "d.txt").write_text(
        "西湖区众创空间发展势头良好\n\n"
        "  近年来，杭州市西湖区大力推进众创空间建设，西湖区科技局牵头出台扶持政策。"
        "截至2022年底，全区共有众创空间36家，其中国家级备案众创空间9家。"
        "全市共有众创空间320家。\n", encoding="utf-8")
    out = tmp_path / "x.trig"
    pipeline.build(folder, out=out, store=tmp_path / "store", progress_bar=False)
    rows = {r["quote"]: r["area"] for r in pipeline.figure_rows(tmp_path / "store")}
    district = [a for q, a in rows.items() if "全区共有众创空间36家" in q]
    city = [a for q, a in rows.items() if "全市共有众创空间320家" in q]
    assert district == ["西湖区"] and city == ["杭州市"], rows


def test_a_district_written_by_its_stem_is_the_article_s_district(place_finder, gazetteer):
    """无锡's district 锡山区 written 锡山 (no gazetteer holds two-character district
    stems): inside an article about 无锡, the district its 全区 means."""
    ex = _article(place_finder, "973_stem", "无锡孵化器获评优秀",
                  ["省科技厅公布了孵化器绩效评价结果,我市共有13家,锡山占6家。",
                   "锡山青禾科技产业园孵化器获评优秀。截至目前,全区共有43家孵化器。"])
    areas = _area_names(resolve([ex], gazetteer, resolve_place, district_stems))
    assert areas["43"] == "锡山区" and areas["13"] == "无锡市", areas
    assert _area_names(resolve([ex], gazetteer, resolve_place))["43"] is None  # no stems looked for: left open


def test_a_zone_s_whole_is_its_city_s_never_the_province_s(place_finder, gazetteer):
    ex = _article(place_finder, "972_zone", "济南高新区发展纪实",
                  ["济南高新区成立于1991年,当时全区只有58家企业,现在已集聚8.9万余家企业。"])
    res = resolve([ex], gazetteer, resolve_place)
    areas = _area_names(res)
    assert areas["58"] == areas["89000"] == "济南市", areas  # not 山东省: the zone's city (tests/gold/README.md)


def test_what_an_event_produced_takes_no_region_by_default(place_finder, gazetteer):
    ex = _article(place_finder, "964_contest", "贵州举办科技创业大赛决赛",
                  ["5月8日,省科技厅在贵阳市举办科技创业大赛决赛。",
                   "经过激烈角逐,大赛评出一等奖2名、二等奖4名。",
                   "目前全省共有众创空间90家。"])
    res = resolve([ex], gazetteer, resolve_place)
    areas = {f.figure.value: (f.figure.indicator, f.area) for f in res.figures}
    assert areas["2"] == ("award-winning-enterprises", None)
    assert areas["90"] == ("carriers", "place:520000")


def test_bodies_named_by_district_level_take_the_article_district_or_stay_the_article_s_own(tmp_path):
    from sckg import pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "成都市武侯区举办创新创业大赛\n\n"
        "  6月8日，成都市武侯区创新创业大赛在武侯区开幕。区委书记陈立新致辞，区长郑晓东主持。\n",
        encoding="utf-8")
    for name, who in (("b", "周文彬"), ("c", "林海涛")):  # two articles whose district nobody names
        (folder / f"{name}.txt").write_text(
            f"创业大赛开幕\n\n  区委书记{who}致辞，区科技局局长何志刚主持。\n", encoding="utf-8")
    out = tmp_path / "x.trig"
    pipeline.build(folder, out=out, store=None, progress_bar=False)
    text = out.read_text(encoding="utf-8")
    assert '"中共成都市武侯区委"@zh-Hans' in text or '"中共武侯区委"@zh-Hans' in text, text[:3000]
    assert "成都市武侯区人民政府" in text  # a district's body with its city: many districts share a name
    # 区委 of two unplaced articles: one body per article, not one for both
    import re
    committees = set(re.findall(r"(id:org-[\w-]+) a sc:GovernmentAgency ;\s+rdfs:label \"qū wěi\"", text))
    assert len(committees) == 2, committees


def test_a_city_s_article_states_its_unplaced_figures_of_the_city(tmp_path):
    from sckg import pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "绵阳市众创空间发展迅速\n\n  近年来，绵阳市涪城区大力推进双创。市科技局介绍，"
        "截至2022年底，共有众创空间36家，其中国家级备案众创空间9家。\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "全疆科技企业孵化器发展迅速\n\n  截至2022年底，全疆共有科技企业孵化器52家，在孵企业1800余家。\n",
        encoding="utf-8")
    out = tmp_path / "x.trig"
    pipeline.build(folder, out=out, store=tmp_path / "store", progress_bar=False)
    rows = {r["quote"]: r["area"] for r in pipeline.figure_rows(tmp_path / "store")}
    assert [a for q, a in rows.items() if "众创空间36家" in q] == ["绵阳市"], rows
    assert [a for q, a in rows.items() if "孵化器52家" in q] == ["新疆维吾尔自治区"], rows


def test_a_district_s_bodies_are_never_the_province_s_outside_an_autonomous_region(place_finder, gazetteer):
    # The article is placed in a municipality and names no district: 区委 and 区长 stay the
    # article's own district's, unknown, not the municipality's (上海市委, 上海市人民政府).
    ex = _article(place_finder, "965_district", "某高新区双创活动启动",
                  ["上海市的专家出席了活动。区委副书记、区长周文彬致辞。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    assert "上海市人民政府" not in names and "中共上海市委" not in names, names
    assert any(n.startswith("区") and n.endswith("人民政府") for n in names), names


def test_a_place_inside_a_person_s_name_is_no_evidence_of_the_article_s_province(place_finder, gazetteer):
    # 云龙 (a county of Yunnan) inside the name 叶云龙, twice, once where no post announces it
    ex = _article(place_finder, "966_name", "青年创业基地开幕",
                  ["基地今日开幕,副市长林海涛出席。中小企业处处长叶云龙致辞。",
                   "叶云龙感谢各界的支持。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    assert "大理白族自治州人民政府" not in names and "云龙县" not in names, names


def test_a_district_s_bodies_take_their_city_and_a_county_level_city_s_do_not(place_finder, gazetteer):
    ex = _article(place_finder, "967_county", "咸宁市咸安区举办创业大赛",
                  ["咸宁市咸安区创业大赛开幕。咸安区副区长林海涛、项城市副市长周文彬出席。",
                   "合肥市归国华侨联合会协办。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    assert "咸宁市咸安区人民政府" in names, names
    assert "项城市人民政府" in names and "周口市项城市人民政府" not in names, names
    assert "合肥市归国华侨联合会" in names, names
    district = next(e for e in res.entities.values() if e.name == "咸宁市咸安区人民政府")
    places = {res.entities[link.object].name for link in res.links
              if link.kind == "jurisdiction" and link.subject == district.key}
    assert places == {"咸安区"}, places  # its own district, not the city its name starts with


def test_national_leaders_and_a_committee_s_departments_by_their_full_names(place_finder, gazetteer):
    ex = _article(place_finder, "968_committee", "德阳市众创空间揭牌",
                  ["为落实李克强总理的指示,德阳市众创空间今日揭牌。",
                   "德阳市委常委、统战部长林海涛,市委常委、政法委书记周文彬出席。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    for name in ("国务院", "中共德阳市委统一战线工作部", "中共德阳市委政法委员会"):
        assert name in names, (name, names)
    premier = next(e for e in res.entities.values() if e.name == "国务院")
    assert "总理" not in premier.aliases, premier.aliases  # a title is no name of the body


def test_the_party_s_central_committee_by_its_full_name(place_finder, gazetteer):
    ex = _article(place_finder, "968_central", "德阳市众创空间揭牌", ["中共中央、国务院印发了意见,德阳市众创空间今日揭牌。"])
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert "中国共产党中央委员会" in names and "中共中央" not in names, names


def test_a_government_by_its_own_name_and_a_national_body_s_units_by_its_full_name(place_finder, gazetteer):
    ex = _article(place_finder, "970_government", "德阳市众创空间工作会",
                  ["德阳市政府、德阳市政府办公室出席,科技部火炬中心孵化器管理处处长林海涛讲话,长春市委市政府高度重视。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    for name in ("德阳市人民政府", "德阳市人民政府办公室", "科学技术部火炬高技术产业开发中心孵化器管理处"):
        assert name in names, (name, names)
    assert not any("市委市政府" in n for n in names), names  # two bodies together, no one body


def test_a_university_s_science_park_by_its_own_name_and_with_or_without_国家(place_finder, gazetteer):
    ex = _article(place_finder, "971_park", "湖南省大学科技园工作会",
                  ["西北工程大学国家大学科技园揭牌。西北工程大学科技园、上海星河技术大学科技园入驻企业50家。"])
    res = resolve([ex], gazetteer, resolve_place)
    parks = {e.name for e in res.entities.values() if e.cls == "UniversitySciencePark"}
    assert parks == {"西北工程大学国家大学科技园", "上海星河技术大学科技园"}, parks  # no 上海市星河技术大学…


@pytest.mark.parametrize("title,body,names", [
    # a district's party committee and its office take their city
    ("沈阳市浑南区众创空间调研", "沈阳市的专家到浑南区调研。浑南区委常委、办公室主任林海涛陪同。",
     ("中共沈阳市浑南区委", "中共沈阳市浑南区委办公室")),
    # 鼓楼区 is a district of both 南京市 and 徐州市: the article city's
    ("南京市鼓楼区众创空间调研", "南京市的专家到鼓楼区调研。鼓楼区委常委、办公室主任林海涛,鼓楼区政府副区长周文彬陪同。",
     ("中共南京市鼓楼区委办公室", "南京市鼓楼区人民政府")),
    # a district's head after its party committee named with the district's city
    ("青禾湖双创投资说明会举行", "在上海召开的推介会上,无锡市锡山区委副书记、代区长林海涛致辞,青浦区和嘉定区的企业家出席。", ("无锡市锡山区人民政府",)),
    # a province's short name before its governor's title
    ("海南副省长调研大学科技园", "海南副省长林海涛到大学科技园调研,新疆副主席周文彬出席。",
     ("海南省人民政府", "新疆维吾尔自治区人民政府")),
])
def test_bodies_by_their_full_names_in_the_article_s_places(place_finder, gazetteer, title, body, names):
    res = resolve([_article(place_finder, "969_bodies", title, [body])], gazetteer, resolve_place)
    found = {e.name for e in res.entities.values()}
    assert set(names) <= found, (names, found)


def test_a_subdistrict_named_like_a_far_city_is_no_city_s(place_finder, gazetteer):
    ex = _article(place_finder, "965_subdistrict", "上海市闵行区科技园开园",
                  ["闵行区委书记周文彬,朝阳街道党工委书记林海涛,朝阳街道办事处主任马文静出席开园仪式。"])
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert not any(n.startswith("朝阳市") for n in names), names


def test_a_town_is_a_place_of_its_own_and_its_government_no_city_s(place_finder, gazetteer):
    ex = _article(place_finder, "965_town", "佛山市三水区召开创业工作会",
                  ["三水区乐平镇镇长周文彬到创业中心调研。", "周文彬表示,乐平镇政府将继续支持创业中心。"])
    res = resolve([ex], gazetteer, resolve_place)
    town = _by_name(res, "乐平镇")
    assert town.category == "Place" and town.code is None
    government = _by_name(res, "佛山市三水区乐平镇人民政府")  # the town of the article's county
    assert "乐平镇政府" in government.aliases
    assert not any(e.code == "360281" for e in res.entities.values())  # 乐平市, in Jiangxi


def test_a_county_s_article_states_its_figures_of_the_county(place_finder, gazetteer):
    ex = _article(place_finder, "967_county", "长兴县召开科技创新大会",
                  ["湖州市长兴县召开科技创新大会,县科技局局长周文彬作报告。",
                   "去年新增高新技术企业27家,带动就业1200人。"])
    res = resolve([ex], gazetteer, resolve_place)
    areas = {f.figure.value: f.area for f in res.figures}
    county = next(k for k, e in res.entities.items() if e.name == "长兴县")
    assert areas["27"] == county and areas["1200"] == county, areas


def test_our_country_s_figures_in_a_city_s_article_are_the_country_s(place_finder, gazetteer):
    ex = _article(place_finder, "967_country", "杭州市召开双创大会",
                  ["杭州市召开双创大会,市科技局局长周文彬作报告。", "我国近万家孵化机构带动300万人创业就业。",
                   "全国共有孵化器5000家。"])
    res = resolve([ex], gazetteer, resolve_place)
    areas = {f.figure.value: f.area for f in res.figures}
    city = next(k for k, e in res.entities.items() if e.name == "杭州市")
    assert areas["3000000"] == areas["5000"] != city, areas  # the country's, as 全国's, never the city's


def test_a_head_after_the_party_committee_s_full_name_is_at_the_county_s_government(place_finder, gazetteer):
    ex = _article(place_finder, "968_party", "镇雄县返乡创业推介会召开",
                  ["中共镇雄县委副书记、县长周文彬介绍了返乡创业情况。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values() if e.category == "GovernmentAgency"}
    assert any(n.endswith("镇雄县人民政府") for n in names) and not any(n.startswith("中共") and
                                                                 n.endswith("人民政府") for n in names), names


def test_an_article_about_one_city_or_county_alone_states_its_figures_of_it(place_finder, gazetteer):
    city = _article(place_finder, "969_city", "星河创业园发展迅速",
                    ["绵阳市涪城区、游仙区大力推进双创。", "截至2022年底,共有众创空间62家,带动就业1200人。"])
    county = _article(place_finder, "969_county", "青禾孵化园发展迅速",
                      ["黔东南州三穗县大力推进返乡创业。", "截至2022年底,共有创业孵化基地15家,带动就业730人。"])
    province = _article(place_finder, "969_province", "四川众创空间发展迅速",
                        ["绵阳市涪城区大力推进双创。", "截至2022年底,共有省级众创空间410家。"])
    res = resolve([city, county, province], gazetteer, resolve_place)
    areas = _area_names(res, by_article=True)
    assert areas[("969_city", "62")] == "绵阳市" and areas[("969_city", "1200")] == "绵阳市", areas
    assert areas[("969_county", "15")] == "三穗县", areas
    assert areas[("969_province", "410")] == "四川省", areas


def test_a_zone_s_bodies_named_by_its_kind_are_the_one_zone_s_the_article_names(place_finder, gazetteer):
    one = _article(place_finder, "964_zone", "西岭国家高新区双创活动周启动",
                   ["西岭国家高新区双创活动周启动仪式在科技广场举行。高新区管委会主任周文彬致辞,"
                    "园区管理委员会副主任林海涛主持。"])
    none = _article(place_finder, "965_zone", "双创活动周启动",
                    ["高新区管委会主任马文静出席启动仪式。"])
    res = resolve([one, none], gazetteer, resolve_place)
    posts = {(res.entities[l.subject].name, l.value, res.entities[l.object].name)
             for l in res.links if l.kind == "post"}
    zone_body = "西岭国家高新技术产业开发区管理委员会"
    assert ("周文彬", "主任", zone_body) in posts and ("林海涛", "副主任", zone_body) in posts, posts
    bare = [e for e in res.entities.values() if e.name == "高新技术产业开发区管理委员会"]
    assert len(bare) == 1 and _articles_of(bare[0]) == {"965_zone"}, bare  # kept to its article
    assert bare[0].key.endswith("@article:965_zone"), bare[0].key


def test_a_city_s_article_that_names_provincial_carriers_still_states_its_figures_of_the_city(place_finder, gazetteer):
    city = _article(place_finder, "970_city", "深圳孵化载体发展迅速",
                    ["深圳市南山区、福田区的多家孵化器获评省级孵化器。深圳市大力推进双创,深圳的创业氛围浓厚。",
                     "截至2022年底,孵化场地面积488万平方米,在孵企业7900多家,共有省级众创空间41家。"])
    res = resolve([city], gazetteer, resolve_place)
    areas = _area_names(res)
    assert areas["4880000"] == "深圳市" and areas["7900"] == "深圳市", areas
    assert areas["41"] == "广东省", areas  # 省级 carriers with no place stated: the province's


def test_a_city_s_article_by_its_title_states_its_figures_of_the_city_beside_the_province_s(place_finder, gazetteer):
    city = _article(place_finder, "973_city", "德阳12家孵化器获评A级",
                    ["日前，四川省科学技术厅公布了孵化器运营评价结果，全省评为优秀的孵化器共60家。",
                     "其中，德阳市被评为优秀的孵化器有12家。截至2022年，被认定的国家级孵化器达8家。"])
    res = resolve([city], gazetteer, resolve_place)
    areas = _area_names(res)
    assert areas == {"60": "四川省", "12": "德阳市", "8": "德阳市"}, areas


def test_a_park_taken_up_again_is_the_subject_of_its_figures_which_have_no_place(place_finder, gazetteer):
    park = _article(place_finder, "974_park", "绵阳青禾产业园开园",
                    ["4月10日，绵阳市青禾产业园正式开园。该产业园总面积12万平方米，目前园区已入驻企业35家。全市共有孵化器20家。"])
    res = resolve([park], gazetteer, resolve_place)
    about = {f.figure.value: (res.entities[f.subject].name if f.subject else None,
                              res.entities[f.area].name if f.area else None) for f in res.figures}
    assert about == {"120000": ("绵阳市青禾产业园", None), "35": ("绵阳市青禾产业园", None), "20": (None, "绵阳市")}, about


def test_a_province_named_as_often_as_another_is_the_article_s_when_a_place_below_it_is_named_in_full(
        place_finder, gazetteer):
    visit = _article(place_finder, "975_visit", "周文彬到青禾公司调研",
                     ["11月4日，市长周文彬到金安区青禾公司调研。市委常委、副市长林海涛参加调研。",
                      "一行来到上海禾润塑料制品、青禾线缆等企业。"])
    res = resolve([visit], gazetteer, resolve_place)
    assert res.provinces == {"975_visit": "340000"}, res.provinces
    posts = {(res.entities[l.subject].name, l.value, res.entities[l.object].name)
             for l in res.links if l.kind == "post"}
    assert ("周文彬", "市长", "六安市人民政府") in posts and ("林海涛", "副市长", "六安市人民政府") in posts, posts


def test_an_autonomous_region_s_party_committee_and_political_consultative_conference(place_finder, gazetteer):
    region = _article(place_finder, "976_region", "内蒙古科技成果展示会开幕",
                      ["5月10日，内蒙古自治区科技成果展示会在呼和浩特市开幕。自治区政协副主席、科技厅厅长周文彬，"
                       "自治区党委常委林海涛出席。宁夏回族自治区党委副书记马文静致辞。"])
    res = resolve([region], gazetteer, resolve_place)
    posts = {(res.entities[l.subject].name, l.value, res.entities[l.object].name)
             for l in res.links if l.kind == "post"}
    assert {("周文彬", "副主席", "中国人民政治协商会议内蒙古自治区委员会"), ("周文彬", "厅长", "内蒙古自治区科学技术厅"),
            ("林海涛", "常委", "中共内蒙古自治区委员会"), ("马文静", "副书记", "中共宁夏回族自治区委员会")} <= posts, posts


def test_the_entries_of_a_province_s_contest_are_the_province_s_and_of_others_no_place_s(place_finder, gazetteer):
    province = _article(place_finder, "971_contest", "第三届四川省星河创新创业大赛落幕",
                        ["第三届四川省星河创新创业大赛共计成功报名企业759家,报名团队232个。"])
    city = _article(place_finder, "972_contest", "第三届绵阳市星河创业大赛落幕",
                    ["绵阳市涪城区、游仙区大力推进双创。第三届绵阳市星河创业大赛共吸引300个创业团队参赛。"])
    res = resolve([province, city], gazetteer, resolve_place)
    areas = _area_names(res, by_article=True)
    assert areas[("971_contest", "759")] == "四川省" and areas[("971_contest", "232")] == "四川省", areas
    assert areas[("972_contest", "300")] is None, areas


def test_taiwan_s_bodies_keep_their_own_names(place_finder, gazetteer):
    taiwan = _article(place_finder, "973_taiwan", "台湾台中青年创业基地开幕",
                      ["行政院院长周文彬在台湾台北听取报告。经济部配合行政院推动方案,科技部与台中市政府共同支持青年创业。"])
    res = resolve([taiwan], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values() if e.category == "GovernmentAgency"}
    assert {"行政院", "经济部", "科技部", "台中市政府"} <= names, names
    assert not names & {"中华人民共和国科学技术部", "台中市人民政府"}, names


def _resolved(place_finder, gazetteer, *articles: tuple[str, str, list[str]]):
    """The articles ``(id, title, body)`` extracted and resolved together."""
    return resolve([_article(place_finder, *a) for a in articles], gazetteer, resolve_place)


def _post_names(res) -> dict[tuple[str, str], str]:
    """``(person, role) → organisation`` by the canonical names of a resolution's posts."""
    return {(res.entities[l.subject].name, l.value): res.entities[l.object].name for l in res.links if l.kind == "post"}


def test_a_body_named_by_its_department_s_words_alone_is_each_article_s_own(place_finder, gazetteer):
    # Two articles that name no place: their 科技局 and 学工处 are two bureaus and two offices,
    # not one body with the heads of both; a ministry named bare is the one ministry.
    res = _resolved(place_finder, gazetteer,
                    ("967_school", "学校举行创业大赛", ["科技局局长林海涛、学工处处长马文静出席,民政部派员参加。"]),
                    ("968_college", "学院举办创业论坛", ["科技局副局长陈立新、学工处处长刘芳芳出席,民政部派员参加。"]))
    heads: dict[str, set[str]] = {}
    for link in res.links:
        if link.kind == "post":
            heads.setdefault(link.object, set()).add(link.subject)
    assert all(len(people) == 1 for people in heads.values()), heads
    assert len([k for k in heads if res.entities[k].name == "科学技术局"]) == 2, heads
    ministries = [e for e in res.entities.values() if e.name == "中华人民共和国民政部"]
    assert len(ministries) == 1 and len({m[0] for m in ministries[0].mentions}) == 2, ministries


def test_a_zone_s_committees_named_alone_before_their_people_are_the_article_s_zone_s(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("969_zone", "星河高新区举办创业论坛",
                                               ["论坛在星河高新区举行。管委会副主任孙海波致辞,党工委书记郑晓东讲话。"]))
    posts = _post_names(res)
    assert posts.get(("孙海波", "副主任")) == "星河高新技术产业开发区管理委员会", posts
    assert posts.get(("郑晓东", "党工委书记")) == "星河高新技术产业开发区党工委", posts
    # the zone's bodies are the zone's, one across articles, though no division names them
    assert not any("@" in l.object for l in res.links if l.kind == "post"), res.links


def test_a_town_s_name_is_no_evidence_of_a_city_so_named_and_its_bodies_are_its_county_s(place_finder, gazetteer):
    # 乐平镇, a town of Foshan's 三水区, named thrice: no vote for 乐平市 (Jiangxi)
    res = _resolved(place_finder, gazetteer, ("970_town", "乐平镇领导到创业中心调研",
                                               ["三水区乐平镇镇长周文彬、乐平镇党委委员林海涛到三水创业中心调研。",
                                                "目前有在孵企业105家。萍乡高新区管委会主任孙海波出席。"]))
    assert res.provinces["970_town"] == "440000", res.provinces
    posts = _post_names(res)
    assert posts[("林海涛", "党委委员")] == "佛山市三水区乐平镇党委", posts
    assert not any(name.endswith("萍乡高新技术产业开发区管理委员会") and name.startswith("佛山")
                   for name in posts.values()), posts  # 萍乡 is a city, no town


def test_the_youth_league_s_centre_named_short_is_one_national_body(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("971_league", "青年创新创业大赛总决赛落幕",
                                               ["团中央书记处书记林海涛出席闭幕会。团中央、省政府共同主办大赛。"]))
    names = {e.name for e in res.entities.values()}
    assert "共青团中央" in names and "共青团中央书记处" not in names, names  # 书记处书记: a post of the centre's
    assert _post_names(res)[("林海涛", "书记处书记")] == "共青团中央"
    assert not any("@" in k for k in res.entities if "共青团" in res.entities[k].name), res.entities


def test_a_prefecture_s_bodies_are_named_after_its_full_name_without_the_province_s(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("973_prefecture", "省科技厅农村处赴黔西南州开展调研",
                                               ["省科技厅农村处处长周文彬一行在黔西南州科技局局长林海涛、州科技局党组成员、"
                                                "州防震减灾局局长马文静的陪同下开展调研。贵州省黔西南州科技局、黔西南高新区管委会参加。"]))
    posts = _post_names(res)
    bureau = "黔西南布依族苗族自治州科学技术局"
    assert posts[("林海涛", "局长")] == posts[("马文静", "党组成员")] == bureau, posts  # one bureau, however named
    assert posts[("马文静", "局长")] == "黔西南布依族苗族自治州防震减灾局", posts  # a department the lexicon lacks
    names = {e.name for e in res.entities.values()}
    assert not any(n.startswith("贵州省黔西南") for n in names), names
    assert not any(n.startswith("黔西南布依族苗族自治州高新") for n in names), names  # a zone's body keeps the zone's name


def test_a_county_s_committee_named_by_its_short_name_is_the_one_named_in_full(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("974_county", "铜仁市沿河土家族自治县科特派工作启动",
                                               ["铜仁市沿河土家族自治县科技特派团工作启动,沿河县委办、县委组织部负责同志参加会议。",
                                                "县委副书记周文彬出席会议。"]))
    committees = sorted(e.name for e in res.entities.values() if e.name.endswith("县委"))
    assert committees == ["中共铜仁市沿河土家族自治县委"], committees


@pytest.mark.parametrize("first, second, posts", [
    pytest.param(("975_town", "佛山市三水区召开创业工作会", ["佛山市三水区星河镇党委书记周文彬出席会议。"]),
                 ("976_town", "佛山市南海区召开创业工作会", ["佛山市南海区星河镇党委书记林海涛出席会议。"]),
                 {"周文彬": "佛山市三水区星河镇党委", "林海涛": "佛山市南海区星河镇党委"}, id="a-town-in-two-counties"),
    # 鼓楼区 is a district of 南京 and of 徐州: the name read for one article is not the other's
    pytest.param(("977_nanjing", "南京市召开创业工作会", ["鼓楼区科技局局长周文彬出席会议。南京市的专家参加。"]),
                 ("978_xuzhou", "徐州市召开创业工作会", ["鼓楼区科技局局长林海涛出席会议。徐州市的专家参加。"]),
                 {"周文彬": "南京市鼓楼区科学技术局", "林海涛": "徐州市鼓楼区科学技术局"}, id="a-district-in-two-cities"),
])
def test_a_body_named_alike_in_two_places_articles_is_each_place_s(place_finder, gazetteer, first, second, posts):
    res = _resolved(place_finder, gazetteer, first, second)
    assert {person: org for (person, _), org in _post_names(res).items()} == posts


@pytest.mark.parametrize("county, government", [
    ("镇巴县", "汉中市镇巴县人民政府"),
    ("乡宁县", "临汾市乡宁县人民政府"),
])
def test_a_county_whose_name_starts_as_a_town_s_word_is_named_once(place_finder, gazetteer, county, government):
    # 汉中市镇巴县…: the city's name and 镇 are no town's name, so the county is not put before it again
    res = _resolved(place_finder, gazetteer, ("979_county", f"{county}召开创业工作会",
                                               [f"副县长周文彬代表{county}人民政府汇报工作,在县政府三会议室召开座谈会。"]))
    names = sorted(e.name for e in res.entities.values() if e.category == "GovernmentAgency")
    assert names == [government], names  # (and a meeting room is no office of the government)


def test_a_centre_named_by_its_level_alone_is_the_article_s_city_s(place_finder, gazetteer):
    # 市生产力促进中心 in a Xuzhou and in a Wuxi article: two centres, one per city
    res = _resolved(place_finder, gazetteer,
                    ("980_xuzhou", "徐州市召开创业工作会", ["市生产力促进中心主任周文彬、市孵化器协会会长马文静出席会议。"]),
                    ("981_wuxi", "无锡市召开创业工作会", ["市生产力促进中心主任林海涛出席会议。"]),
                    ("982_none", "创业工作会召开", ["市生产力促进中心主任陈立新出席会议。"]))
    posts = {person: org for (person, _), org in _post_names(res).items()}
    assert posts["周文彬"] == "徐州市生产力促进中心" and posts["林海涛"] == "无锡市生产力促进中心", posts
    assert posts["马文静"] == "徐州市孵化器协会", posts
    centre = next(l.object for l in res.links if l.kind == "post" and res.entities[l.subject].name == "陈立新")
    assert centre.endswith("@article:982_none"), centre  # no city known: that article's own centre


def test_a_park_and_a_company_named_by_their_level_alone_are_the_article_s_city_s(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer,
                    ("983_xuzhou", "徐州市召开创业工作会", ["市大学生创业园、市国投集团负责人出席会议。"]),
                    ("984_wuxi", "无锡市召开创业工作会", ["市大学生创业园、市国投集团负责人出席会议。"]))
    names = {e.name for e in res.entities.values() if e.category in ("InnovationCarrier", "Company")}
    assert names == {"徐州市大学生创业园", "无锡市大学生创业园", "徐州市国投集团", "无锡市国投集团"}, names


def test_a_district_whose_name_starts_with_a_level_word_is_no_bare_level(place_finder, gazetteer):
    # 市中区 is a district of 济南: its bureau is no 济南市 bureau
    res = _resolved(place_finder, gazetteer, ("985_jinan", "济南市市中区召开创业工作会",
                                               ["市中区科技局局长周文彬出席会议。"]))
    assert _post_names(res)[("周文彬", "局长")] == "济南市市中区科学技术局", _post_names(res)


def test_a_contest_named_by_its_kind_and_edition_alone_is_one_city_s(place_finder, gazetteer):
    # 第五届创新创业大赛 says no whose: Xuzhou's and Wuxi's are two contests, an article with no
    # city known has its own; one city's articles share theirs; a national contest stays one
    res = _resolved(place_finder, gazetteer,
                    ("986_xuzhou", "徐州举办创业大赛", ["第五届创新创业大赛决赛在徐州举行。中国创新创业大赛同期举办。"]),
                    ("987_wuxi", "无锡举办创业大赛", ["第五届创新创业大赛决赛在无锡举行。中国创新创业大赛同期举办。"]),
                    ("988_xuzhou", "徐州市科技局召开会议", ["会议部署第五届创新创业大赛工作。"]),
                    ("989_none", "创业论坛召开", ["论坛为第五届创新创业大赛预热。"]))
    events: dict[str, set[frozenset]] = {}
    for e in res.entities.values():
        if e.category == "Event":
            events.setdefault(e.name, set()).add(frozenset(m[0] for m in e.mentions))
    assert events["第五届创新创业大赛"] == {frozenset({"986_xuzhou", "988_xuzhou"}), frozenset({"987_wuxi"}),
                                           frozenset({"989_none"})}, events
    assert events["中国创新创业大赛"] == {frozenset({"986_xuzhou", "987_wuxi"})}, events


def test_a_name_s_quotation_marks_are_dropped_in_pairs_only(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("990_cup", "杭州举办创业大赛",
                                               ["第十届“青禾杯”创新创业大赛在杭州举行。“青禾杯”创新创业大赛已办十届。"]))
    labels = {a for e in res.entities.values() if e.category == "Event" for a in {e.name, *e.aliases}}
    assert "第十届“青禾杯”创新创业大赛" in labels, labels
    assert all(a.count("“") == a.count("”") for a in labels), labels  # no 青禾杯”创新创业大赛


def test_a_centre_and_a_province_s_meeting_named_by_their_kind_alone_are_their_place_s(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer,
                    ("991_xuzhou", "徐州召开全省科技创新大会", ["全省科技创新大会在徐州召开,科技创业中心主任周文彬发言。"]),
                    ("992_wuxi", "无锡举办创业沙龙", ["科技创业中心主任林海涛介绍了全省科技创新大会精神。"]),
                    ("993_hefei", "合肥召开全省科技创新大会", ["全省科技创新大会在合肥召开。"]))
    by_name: dict[str, list[set[str]]] = {}
    for e in res.entities.values():
        by_name.setdefault(e.name, []).append({m[0] for m in e.mentions})
    assert sorted(map(sorted, by_name["全省科技创新大会"])) == [["991_xuzhou", "992_wuxi"], ["993_hefei"]], by_name
    centres = {res.entities[l.subject].name: l.object for l in res.links if l.kind == "post"}
    assert centres["周文彬"] != centres["林海涛"], centres  # two cities' centres, both named 科技创业中心


def test_a_zone_s_bodies_written_shorter_still_are_the_article_s_zone_s(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("994_zone", "烟台高新区签约共建产业园",
                                               ["区工委委员、管委副主任周文彬出席会议。区管委会主任林海涛致辞。"]))
    posts = _post_names(res)
    assert posts[("周文彬", "副主任")] == posts[("林海涛", "主任")] == "烟台高新技术产业开发区管理委员会", posts
    assert posts[("周文彬", "工委委员")] == "烟台高新技术产业开发区党工委", posts
    assert not any("@" in l.object for l in res.links if l.kind == "post"), res.links


def test_a_visit_from_a_municipality_is_read_in_the_host_province(place_finder, gazetteer):
    # 省科技厅 is no body of Beijing, which has no 省: the article is about Fuzhou
    res = _resolved(place_finder, gazetteer, ("995_visit", "北京市人大常委会调研组来榕调研",
                                               ["北京市人大常委会副主任周文彬一行调研福州高新区孵化器建设情况。"
                                                "省科技厅副厅长陈立新、市科技局副局长王建华陪同。"]))
    assert res.provinces["995_visit"] == "350000", res.provinces
    posts = _post_names(res)
    assert posts[("陈立新", "副厅长")] == "福建省科学技术厅" and posts[("王建华", "副局长")] == "福州市科学技术局", posts


def test_a_district_several_cities_have_is_the_article_s_city_s_for_its_bodies_named_by_level(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("996_gulou", "鼓楼区领导调研大学科技园",
                                               ["徐州市鼓楼区人民政府区长周文彬在区科技局局长林海涛陪同下调研。"]))
    assert _post_names(res)[("林海涛", "局长")] == "徐州市鼓楼区科学技术局", _post_names(res)


def test_posts_in_a_chain_of_three_and_a_long_department_and_the_torch_centre_named_in_full(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("997_chain", "连云港高新区召开座谈会",
                                               ["海州区委副书记、区长、连云港高新区管委会主任林海涛主持座谈会。",
                                                "市科技局高新技术与新兴产业发展处处长马文静介绍情况。",
                                                "科技部火炬高技术产业开发中心副主任陈立新、科技部火炬中心孵化器管理处处长刘芳芳出席。"]))
    posts = _post_names(res)
    assert posts[("林海涛", "区长")] == "连云港市海州区人民政府", posts
    assert posts[("马文静", "处长")] == "连云港市科学技术局高新技术与新兴产业发展处", posts
    torch = [e for e in res.entities.values() if e.name == "科学技术部火炬高技术产业开发中心"]
    assert len(torch) == 1 and posts[("陈立新", "副主任")] == torch[0].name, posts
    assert not any(e.name == "科技部火炬高技术产业开发中心" for e in res.entities.values())


def test_a_carrier_named_by_its_kind_before_its_head_and_a_bureau_s_section_listed_after_its_head(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("998_visit", "邢台市科技局调研众创空间",
                                               ["邢台市科技局副局长周文彬、高新科科长林海涛到星火众创空间调研。",
                                                "众创空间负责人马文静汇报了运营情况。空间负责人陈立新介绍了入驻企业。"]),
                    ("999_gulou", "徐州市鼓楼区调研大学科技园", ["徐州市鼓楼区区长王建华出席。"]))
    posts = _post_names(res)
    assert posts[("林海涛", "科长")] == "邢台市科学技术局高新科", posts
    assert posts[("马文静", "负责人")] == posts[("陈立新", "负责人")] == "星火众创空间", posts
    assert posts[("王建华", "区长")] == "徐州市鼓楼区人民政府", posts
    assert not any(e.category == "Company" for e in res.entities.values()), res.entities


@pytest.mark.parametrize("city, code", [("昆山市", "320583"), ("天门市", "429006")])
def test_a_county_level_city_s_article_states_its_own_figures_and_bodies(place_finder, gazetteer, city, code):
    # 昆山市 is in 苏州市; 天门市 is under its province alone: 全市 and 市科技局 are the county-level city's
    res = _resolved(place_finder, gazetteer, ("990_county_city", f"{city}孵化载体建设稳步推进",
                                               ["截至2023年底，全市共有科技企业孵化器40家。市科技局局长周文彬介绍了情况。"]))
    areas = {f.figure.value: f.area for f in res.figures}
    assert areas["40"] == f"place:{code}", areas
    assert _post_names(res)[("周文彬", "局长")] == f"{city}科学技术局", _post_names(res)


def test_a_joint_name_of_the_committee_and_the_government_is_no_body(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("989_joint", "长春市调研组考察众创空间",
                                               ["长春市委市政府政研室副主任周文彬一行考察众创空间。"]))
    names = {e.name for e in res.entities.values()}
    assert not any("市委市人民政府" in n or n.endswith("市委市政府") for n in names), names


def test_another_school_s_same_post_after_a_university_s_is_at_that_school(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("988_schools", "成都理工大学举行奠基仪式",
                                               ["成都理工大学党委书记李红梅、校长赵志刚,西昌学院党委书记孙海波、校长郑晓东出席。"]))
    posts = _post_names(res)
    assert posts[("郑晓东", "校长")] == posts[("孙海波", "党委书记")] == "西昌学院", posts
    assert posts[("赵志刚", "校长")] == "成都理工大学", posts


def test_a_kind_word_alone_is_no_body_of_another_article(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer,
                    ("987_a", "黔西南州调研", ["省科技厅副处长周文彬调研,并与研究院院长刘芳芳座谈。"]),
                    ("986_b", "黔西南州座谈", ["省科技厅处长林海涛调研,并与研究院院长陈立新座谈。"]))
    bodies = {res.entities[l.subject].name: l.object for l in res.links if l.kind == "post" and l.value == "院长"}
    assert bodies["刘芳芳"] != bodies["陈立新"], bodies


def test_a_person_is_one_person_within_a_province_or_a_national_post(place_finder, gazetteer):
    # One name in two provinces' articles is two people; in two articles of one province, one; the holder
    # of a national ministry's post is one person wherever named; with no province known, the article's own.
    texts = [("970_a", "无锡召开科技工作会议", ["无锡市副市长周文彬出席。科学技术部副部长陈立新讲话。"]),
             ("970_b", "常州召开科技工作会议", ["常州市科技局局长周文彬出席。"]),
             ("970_c", "成都召开科技工作会议", ["成都市副市长周文彬出席。科学技术部副部长陈立新讲话。"]),
             ("970_d", "一场交流会举行", ["交流会上，周文彬作了发言。"]),
             ("970_e", "一次座谈会召开", ["座谈会上，周文彬作了发言。"])]
    res = resolve([_article(place_finder, *t) for t in texts], gazetteer, resolve_place)
    people = sorted((e.scope or "", sorted(_articles_of(e))) for e in res.entities.values() if e.name == "周文彬")
    assert people == [("320000", ["970_a", "970_b"]), ("510000", ["970_c"]),
                      ("article:970_d", ["970_d"]), ("article:970_e", ["970_e"])]
    national = [e for e in res.entities.values() if e.name == "陈立新"]
    assert [(e.scope, sorted(_articles_of(e))) for e in national] == [(None, ["970_a", "970_c"])]


def test_a_national_list_is_no_one_province_s_and_a_tie_goes_to_the_title(place_finder, gazetteer):
    # Three provinces named about as often (in universities' names): a national list, no province, so
    # its totals are no province's. Two named equally often: the one the title names.
    res = _resolved(place_finder, gazetteer,
                    ("980_list", "科技部教育部认定一批国家大学科技园",
                     ["科技部、教育部公布新一批国家大学科技园名单，湖南大学科技园、厦门大学国家大学科技园、"
                      "四川大学国家大学科技园等12家大学科技园入选。截至目前，国家大学科技园总数达到139家。"]),
                    ("981_tie", "湖州举办创业大赛", ["湖州市与成都市的创业团队同台比拼。"]))
    assert res.provinces == {"981_tie": "330000"}, res.provinces
    assert {f.figure.value: f.area for f in res.figures if f.article == "980_list"} == {"12": None, "139": None}


def test_a_carrier_s_name_keeps_its_place_as_written_a_zone_s_is_expanded(place_finder, gazetteer):
    # 陕西印创众创空间 is no 陕西省印创众创空间; 北京星衡…众创空间 no 北京市星衡…: a carrier's name is its own.
    res = _resolved(place_finder, gazetteer, ("982_filed", "山东省科技厅公布2017年度备案名单",
                    ["近日，陕西印创众创空间、北京星衡科技众创空间通过备案。昆明高新区新增孵化器2家。"]))
    names = {e.name for e in res.entities.values() if e.category == "InnovationCarrier"}
    assert {"陕西印创众创空间", "北京星衡科技众创空间"} <= names, names
    assert any(n.startswith("昆明") and n.endswith("高新技术产业开发区") for n in names), names


@pytest.mark.parametrize("sentence, expected, absent", [
    pytest.param("厅成果转化促进处、省生产力促进中心及部分孵化器负责人参加。", "湖南省生产力促进中心", None,
                 id="a-province-s-centre-by-level"),
    pytest.param("该星创天地由星河农林与湖南农业大学创新创业指导中心共同建设。", "湖南农业大学创新创业指导中心", None,
                 id="a-school-s-guidance-centre"),
    pytest.param("来自各县(市)区科技局、市孵化器协会的100余人参加会议。", "长沙市孵化器协会", "科学技术局",
                 id="each-county-s-bureau-is-no-one-bureau"),
    pytest.param("各市、县科技局要加强指导。", None, "科学技术局", id="each-city-s-and-county-s"),
])
def test_bodies_by_level_and_bodies_of_every_division(place_finder, gazetteer, sentence, expected, absent):
    res = _resolved(place_finder, gazetteer, ("983_level", "长沙市召开孵化器座谈会", [sentence]))
    names = {e.name for e in res.entities.values() if e.category not in ("Person", "Place")}
    assert expected is None or expected in names, names
    assert absent is None or not any(n.endswith(absent) for n in names), names


def test_a_national_centre_named_only_as_the_source_is_that_centre(place_finder, gazetteer):
    ex = extract_article(normalize_text("科技部公布2021年度国家备案众创空间\n\n  科技部确定青禾创客空间等350家机构为国家备案众创空间。"
                                        "\n\n来源:科技部火炬中心\n", article_id="984_source"), place_finder.find)
    res = resolve([ex], gazetteer, resolve_place)
    torch = _by_name(res, "科学技术部火炬高技术产业开发中心")
    assert (torch.category, torch.cls) == ("PublicInstitution", "PublicInstitution")
    assert any(l.kind == "source" and l.object == torch.key for l in res.links), res.links


@pytest.mark.parametrize("sentence, post", [
    pytest.param("郑州市人大副主任林海涛出席。", ("林海涛", "副主任", "郑州市人民代表大会常务委员会"), id="人大"),
    pytest.param("市人大常委会副主任林海涛出席。", ("林海涛", "副主任", "郑州市人民代表大会常务委员会"), id="市人大常委会"),
    pytest.param("市政协副主席周文彬出席。", ("周文彬", "副主席", "中国人民政治协商会议郑州市委员会"), id="市政协"),
    pytest.param("徐州青禾学院两园建设与管理办公室主任张国强接待了调研组。",
                 ("张国强", "主任", "徐州青禾学院两园建设与管理办公室"), id="an-office-of-two-fields"),
])
def test_congress_cppcc_and_office_names_in_full(place_finder, gazetteer, sentence, post):
    res = _resolved(place_finder, gazetteer, ("985_full", "郑州市召开会议", [sentence]))
    posts = {(res.entities[l.subject].name, l.value, res.entities[l.object].name) for l in res.links if l.kind == "post"}
    assert posts == {post}, posts
    person = next(e for e in res.entities.values() if e.name == post[0])
    assert person.scope == "410000"  # a city's congress is no national body


@pytest.mark.parametrize("title, body, org", [
    pytest.param("内江市副市长视察孵化器", "内江市副市长周文彬调研高新区。高新区管委会主任林海涛陪同。",
                 "内江高新技术产业开发区管理委员会", id="a-city-s-one-zone"),
    pytest.param("内江市副市长视察孵化器", "周文彬视察星河重工西南产业园后调研高新区。高新区管委会主任林海涛陪同。",
                 "内江高新技术产业开发区管理委员会", id="a-park-is-no-high-tech-zone"),
    pytest.param("北京市领导调研孵化器", "北京市海淀区调研组调研高新区。高新区管委会主任林海涛陪同。",
                 "高新技术产业开发区管理委员会", id="a-municipality-has-several"),
])
def test_a_zone_body_named_bare_in_a_city_s_article_is_that_city_s_zone_s(place_finder, gazetteer, title, body, org):
    res = _resolved(place_finder, gazetteer, ("986_zone", title, [body]))
    posts = _post_names(res)
    assert posts[("林海涛", "主任")] == org, posts


@pytest.mark.parametrize("source, name, category", [
    pytest.param("中新网", "中国新闻网", "MediaOutlet", id="a-national-outlet-named-short"),
    pytest.param("科技部", "中华人民共和国科学技术部", "GovernmentAgency", id="a-ministry-as-source"),
])
def test_a_source_line_s_national_name_keeps_its_kind(place_finder, gazetteer, source, name, category):
    text = f"西岭市众创空间发展迅速\n\n2022-05-10 09:30  来源:{source}\n\n  西岭市共有众创空间12家。\n"
    res = resolve([extract_article(normalize_text(text, article_id="969_source"), place_finder.find)], gazetteer,
                  resolve_place)
    assert _by_name(res, name).category == category


def test_the_torch_centre_under_the_ministry_of_industry_is_named_in_full(place_finder, gazetteer):
    res = _resolved(place_finder, gazetteer, ("970_torch", "工信部火炬中心到园区调研",
                                              ["工业和信息化部火炬中心副主任周文彬一行到园区调研,工信部火炬中心孵化器处处长林海涛参加。"]))
    names = {e.name for e in res.entities.values() if e.category == "PublicInstitution"}
    assert {"工业和信息化部火炬高技术产业开发中心", "工业和信息化部火炬高技术产业开发中心孵化器处"} <= names, names


def test_a_province_s_departments_listed_short_and_the_state_council_named_with_the_party(place_finder, gazetteer):
    # 省住建厅, 省文旅厅, 省编办 in a list of a province's departments are named in full; 党中央国务院
    # names the State Council, though the two are written as one.
    res = _resolved(place_finder, gazetteer, ("969_departments", "甘肃召开双创工作会议", [
        "省科技厅、省编办、省住建厅、省文旅厅分管负责同志参加会议。会议要求贯彻落实党中央国务院出台的政策。"]))
    names = {e.name for e in res.entities.values() if e.category == "GovernmentAgency"}
    assert {"甘肃省机构编制委员会办公室", "甘肃省住房和城乡建设厅", "甘肃省文化和旅游厅", "国务院"} <= names, names
