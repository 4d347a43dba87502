"""Tests of the extract stage (src/sckg/extract): names by ending and setting-off,
people and posts, founders, visits, event dates and venues, carrier kinds and notice
tables. Every article here is written for the tests (other provinces, other names
than the seeds), so the rules must generalise."""

from __future__ import annotations

from pathlib import Path

import pytest

from sckg.extract import extract_article
from sckg.model import Extraction
from sckg.normalize import normalize_text


def _extract(place_finder, body: list[str], title: str = "四川省双创工作简讯",
             meta: str = "2022-06-15 10:00  来源:四川日报", aid: str = "950_extract") -> Extraction:
    """An article (title line, metadata line, body paragraphs) through normalize and extract."""
    text = "\n\n".join([title, meta] + ["  " + line for line in body]) + "\n"
    article = normalize_text(text, article_id=aid)
    return extract_article(article, place_finder.find)


def _names(ex: Extraction, category: str | None = None) -> dict[str, str]:
    """surface → class of the mentions (of one category)."""
    return {m.surface: m.cls for m in ex.mentions if category is None or m.category == category}


def _mention(ex: Extraction, surface: str):
    found = [m for m in ex.mentions if m.surface == surface]
    assert found, f"{surface!r} not extracted; got {sorted(_names(ex))}"
    return found[0]


def _rels(ex: Extraction, kind: str) -> set[tuple[str, str | None, str | None]]:
    out = set()
    for r in ex.relations:
        if r.kind != kind:
            continue
        subject = "article" if r.subject < 0 else ex.mentions[r.subject].surface
        obj = None if r.object is None else ex.mentions[r.object].surface
        out.add((subject, obj, r.value))
    return out


def _posts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(s, v, o) for s, o, v in _rels(ex, "post")}


def _resolved_posts(res) -> set[tuple[str, str, str]]:
    """``(person, role, organisation)`` of a resolution's posts, by canonical names."""
    return {(res.entities[l.subject].name, l.value, res.entities[l.object].name) for l in res.links if l.kind == "post"}


# --------------------------------------------------------------------------- offsets


def test_mentions_index_the_clean_text(place_finder):
    ex = _extract(place_finder, ["四川省科学技术厅副厅长赵文军到成都市锦江区调研。",
                                 "西南交通大学教授李明远说,学校将继续支持学生创业。"])
    assert ex.mentions
    for m in ex.mentions:
        assert ex.article.clean[m.start:m.end] == m.surface, m


# --------------------------------------------------------------------------- names by ending


@pytest.mark.parametrize("sentence, name, cls", ids=[
    "company-with-city", "cooperative", "university", "association", "maker-space", "committee"], argvalues=[
    ("调研组考察了成都天府星河科技有限公司的研发中心。", "成都天府星河科技有限公司", "Company"),
    ("彭州市金穗蔬菜专业合作社带动周边农户增收。", "彭州市金穗蔬菜专业合作社", "Cooperative"),
    ("西南交通大学的师生团队参加了路演。", "西南交通大学", "University"),
    ("四川省创新创业促进会组织会员单位开展交流。", "四川省创新创业促进会", "Association"),
    ("锦城青年众创空间入驻团队已有40个。", "锦城青年众创空间", "MakerSpace"),
    ("绵阳高新区管委会召开专题会议。", "绵阳高新区管委会", "GovernmentAgency"),
])
def test_names_by_ending(place_finder, sentence, name, cls):
    ex = _extract(place_finder, [sentence])
    names = _names(ex)
    assert names.get(name) == cls, f"want {name} as {cls}; got {names}"


@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("2021年,从安徽科技大学毕业的赵博创办了公司。", "安徽科技大学", "University",
                 id="university-before-graduating"),
    pytest.param("南平雄鹰数据科技有限公司成立于2019年。", "南平雄鹰数据科技有限公司", "Company",
                 id="noun-holding-a-stop-word"),
    pytest.param("赵博带着“高效节水灌溉”项目入驻保定星火科创双创产业园。", "保定星火科创双创产业园",
                 "EntrepreneurshipPark", id="carrier-after-a-quoted-project"),
    pytest.param("漳州长风电商加速器位于漳州市。", "漳州长风电商加速器", "Accelerator", id="title-across-a-place"),
    pytest.param("5月3日至5日,第九期江西省创业导师培训班在南昌市举办。", "第九期江西省创业导师培训班",
                 "TrainingCourse", id="title-inside-an-event"),
    pytest.param("近日,四川省科技厅在宜宾市召开全省创新创业服务体系建设工作会。",
                 "全省创新创业服务体系建设工作会", "Meeting", id="nominal-verb-before-meeting"),
    pytest.param("近日,江西省科技厅在九江市召开全省孵化载体建设工作推进会。",
                 "全省孵化载体建设工作推进会", "Meeting", id="nominal-verb-and-noun-before-meeting"),
    pytest.param("宾阳聚能科技企业孵化器位于宾阳县。", "宾阳聚能科技企业孵化器", "TechnologyBusinessIncubator",
                 id="brand-unknown-to-jieba"),
    pytest.param("金东区融创智造科技企业孵化器位于金东区。", "金东区融创智造科技企业孵化器",
                 "TechnologyBusinessIncubator", id="brand-with-a-one-character-verb"),
    pytest.param("万州区天使投资引导基金首期规模达到2亿元。", "万州区天使投资引导基金", "Fund", id="district-fund"),
    pytest.param("安阳灯塔众创空间入驻团队已有12个。", "安阳灯塔众创空间", "MakerSpace",
                 id="short-place-name-inside-a-brand"),
])
def test_names_with_hard_left_edges(place_finder, sentence, name, cls):
    ex = _extract(place_finder, [sentence])
    names = _names(ex)
    assert names.get(name) == cls, f"want {name} as {cls}; got {names}"


def test_agencies_with_region_prefix(place_finder):
    ex = _extract(place_finder, ["自治区科技厅与省科技厅签署合作协议,宁夏回族自治区教育厅派员参加。"])
    agencies = _names(ex, "GovernmentAgency")
    assert agencies.get("自治区科技厅") == "GovernmentAgency"
    assert agencies.get("省科技厅") == "GovernmentAgency"
    assert agencies.get("宁夏回族自治区教育厅") == "GovernmentAgency"


def test_zone_and_its_committee_are_both_names(place_finder):
    ex = _extract(place_finder, ["株洲高新区管委会组织区内企业参加对接活动。"])
    names = _names(ex)
    assert names.get("株洲高新区管委会") == "GovernmentAgency"
    assert names.get("株洲高新区") == "HighTechZone"
    zone = _mention(ex, "株洲高新区")
    assert zone.category == "InnovationCarrier"


def test_event_with_edition_and_quoted_part(place_finder):
    ex = _extract(place_finder, ["第三届“芙蓉杯”创新创业大赛决赛在长沙市举行,共有60个项目进入决赛。"],
                  meta="2021-09-10  来源:湖南日报")
    event = _mention(ex, "第三届“芙蓉杯”创新创业大赛")
    assert (event.category, event.cls) == ("Event", "Competition")
    assert event.attr("edition") == "第三届"


def test_policy_in_book_title_marks(place_finder):
    ex = _extract(place_finder, ["省科技厅印发《湖南省众创空间高质量发展实施方案》,明确了今后三年的任务。"])
    m = _mention(ex, "湖南省众创空间高质量发展实施方案")
    assert (m.category, m.cls) == ("Programme", "PolicyDocument")


def test_quoted_action_programme(place_finder):
    ex = _extract(place_finder, ["全省启动“潇湘创客行动”,支持青年返乡创业。"])
    m = _mention(ex, "潇湘创客行动")
    assert (m.category, m.cls) == ("Programme", "ActionProgramme")


@pytest.mark.parametrize("sentence, kind", ids=[
    "national-incubators", "provincial-maker-spaces", "all-competitions", "16-maker-spaces", "schooling",
    "place-and-verb", "province-and-city", "level-and-above", "level-and-above-after-place", "one-office"],
    argvalues=[
    ("目前全省共有国家级科技企业孵化器20家。", "孵化器"),
    ("今年新认定省级众创空间18家。", "众创空间"),
    ("各类创新创业大赛吸引了大批青年团队参赛。", "大赛"),
    ("全市16家众创空间获得运营补助。", "众创空间"),
    ("他大学毕业后回到家乡创业。", "大学"),
    ("四川新增科技企业孵化器15家。", "孵化器"),
    ("湖北省武汉市科技企业孵化器数量快速增长。", "孵化器"),
    ("目前,省级以上众创空间已覆盖全部县区。", "众创空间"),
    ("全省国家级及以上科技企业孵化器达到30家。", "孵化器"),
    ("从一间办公室起步,到拥有自己的厂房。", "办公室"),
])
def test_generic_kind_words_are_not_names(place_finder, sentence, kind):
    ex = _extract(place_finder, [sentence])
    named = [m.surface for m in ex.mentions if m.surface.endswith(kind)]
    assert named == [], f"a kind word extracted as a name: {named}"


# --------------------------------------------------------------------------- people


def test_people_after_titles(place_finder):
    ex = _extract(place_finder, ["陕西省科学技术厅副厅长孙志刚、西安高新区管委会副主任黄丽华出席开幕式。"])
    people = _names(ex, "Person")
    assert {"孙志刚", "黄丽华"} <= set(people)


def test_people_before_speech_verbs(place_finder):
    ex = _extract(place_finder, ["“园区的服务越来越贴心了。”郑雅琴说。",
                                 "对此,林国栋表示,公司明年将扩大生产。"])
    people = _names(ex, "Person")
    assert {"郑雅琴", "林国栋"} <= set(people), people


@pytest.mark.parametrize("sentence, person", [
    pytest.param("省科技厅副厅长刘新说,今后将继续加强。", "刘新", id="two-characters-before-said"),
    pytest.param("董事长杨鹏刚领衔的团队获得二等奖。", "杨鹏刚", id="before-leading"),
    pytest.param("在外打拼多年的王建国带著项目回到家乡创业。", "王建国", id="traditional-with"),
])
def test_people_at_a_name_boundary(place_finder, sentence, person):
    people = _names(_extract(place_finder, [sentence]), "Person")
    assert list(people) == [person], people


def test_common_nouns_that_read_as_names_are_no_people(place_finder):
    people = _names(_extract(place_finder, ["园区举办了主题展示、青年创客马拉松、创客工坊等活动。"]), "Person")
    assert people == {}, people


def test_a_title_s_长_before_a_surname_孙_is_no_double_surname(place_finder):
    people = _names(_extract(place_finder, ["西岭市工业局局长孙凯教授在会上致辞。"]), "Person")
    assert "孙凯" in people and "长孙凯" not in people, people


def test_a_person_in_a_table_s_row_is_no_part_of_the_body_after_it(place_finder):
    ex = _extract(place_finder, ["领导小组成员:\n周立 财政局局长\n马国新 经济发展局局长"])
    assert not any(" " in n for n in _names(ex)), _names(ex)


def test_a_name_after_a_verb_of_following_and_before_a_title(place_finder):
    people = _names(_extract(place_finder, ["全县上下认真贯彻周立新书记讲话精神。"]), "Person")
    assert "周立新" in people, people


def test_an_adverb_and_its_地_after_a_title_is_no_name(place_finder):
    people = _names(_extract(place_finder, ["“孵化基地为我们带来了新动能。”西岭州就业服务局负责人由衷地说。"]), "Person")
    assert people == {}, people


def test_people_with_middle_dot(place_finder):
    ex = _extract(place_finder, ["热合曼·吐尔逊说,合作社今年的收入翻了一番。"])
    assert "热合曼·吐尔逊" in _names(ex, "Person")


def test_two_posts_at_one_organisation(place_finder):
    ex = _extract(place_finder, ["陕西省科学技术厅党组成员、副厅长孙志刚出席会议并讲话。"])
    posts = _posts(ex)
    assert ("孙志刚", "党组成员", "陕西省科学技术厅") in posts
    assert ("孙志刚", "副厅长", "陕西省科学技术厅") in posts


def test_posts_at_an_abbreviated_commission(place_finder):
    ex = _extract(place_finder, ["天津市科委党组成员、副主任周立新出席会议,天津市教委副主任马文静讲话。"])
    posts = _posts(ex)
    assert ("周立新", "党组成员", "天津市科委") in posts
    assert ("周立新", "副主任", "天津市科委") in posts
    assert ("马文静", "副主任", "天津市教委") in posts


def test_posts_at_two_organisations_in_one_chain(place_finder):
    ex = _extract(place_finder, ["宝鸡高新区管委会二级巡视员、宝鸡高新区创业园负责人刘德胜介绍了园区的经验。"])
    posts = _posts(ex)
    assert ("刘德胜", "二级巡视员", "宝鸡高新区管委会") in posts
    assert ("刘德胜", "负责人", "宝鸡高新区创业园") in posts
    assert not any(p[0] == "刘德胜" and p[1] == "负责人" and p[2] == "宝鸡高新区管委会" for p in posts)


def test_post_at_a_university(place_finder):
    ex = _extract(place_finder, ["西安电子科技大学教授李明远说,高校将继续支持学生创业。"])
    assert ("李明远", "教授", "西安电子科技大学") in _posts(ex)


def test_posts_listed_after_a_comma_at_the_organisation_before(place_finder):
    ex = _extract(place_finder, ["省科技厅厅长林海涛、常务副厅长周文彬,西北工程大学党委书记何志刚,"
                                 "党委常委、副校长陈立新,星河科技有限公司董事长郑晓东,副主任马文静等出席。"])
    posts = _posts(ex)
    assert ("周文彬", "常务副厅长", "省科技厅") in posts
    assert ("陈立新", "副校长", "西北工程大学") in posts
    assert ("陈立新", "党委常委", "西北工程大学") in posts
    # a title of another ladder after a company's chairman: not the company's
    assert not any(p[0] == "马文静" for p in posts), posts


def test_the_school_s_party_committee_is_the_university_s(place_finder):
    ex = _extract(place_finder, ["西北工程大学举行创客空间揭牌仪式,校党委书记何志刚,该校党委副书记陈立新出席。"])
    posts = _posts(ex)
    assert ("何志刚", "党委书记", "校党委") in posts
    assert _mention(ex, "校党委").category == "University"
    assert _mention(ex, "校党委").attr("qualified") == "西北工程大学"
    # an article naming several universities is about the one it names most often
    ex = _extract(place_finder, ["西北工程大学举行科技园论证会,校党委常委、副校长何志刚,东南工程大学教授陈立新出席。",
                                 "西北工程大学将加快建设。"])
    assert _mention(ex, "校党委").attr("qualified") == "西北工程大学"
    ex = _extract(place_finder, ["西北工程大学与东南工程大学签约,校党委副书记何志刚出席。"])
    assert _mention(ex, "校党委").category == "GovernmentAgency"  # two named equally often: left as it is


def test_a_body_s_party_group_is_no_body_of_its_own(place_finder):
    ex = _extract(place_finder, ["城关区政协党组副书记林海涛出席。"])
    assert ("林海涛", "党组副书记", "城关区政协") in _posts(ex)


def test_department_names_holding_a_conjunction_or_a_lead_character(place_finder):
    ex = _extract(place_finder, ["会议由省工业和信息化委员会中小企业局副局长林海涛主持。",
                                 "经济部中小企业处处长周文彬出席。", "新疆生产建设兵团科技局印发通知。"])
    posts = _posts(ex)
    assert ("林海涛", "副局长", "省工业和信息化委员会中小企业局") in posts
    assert ("周文彬", "处长", "经济部中小企业处") in posts
    assert "新疆生产建设兵团科技局" in _names(ex, "GovernmentAgency")  # 建设 inside a fixed name


def test_two_fields_joined_in_a_body_s_name_and_two_bodies_joined(place_finder):
    ex = _extract(place_finder, ["省科技厅成果转化与区域创新处处长林海涛出席。",
                                 "星河新材料技术创新与产业化联盟理事长周文彬致辞。",
                                 "市科技局与孵化器联盟签约。"])
    posts = _posts(ex)
    assert ("林海涛", "处长", "省科技厅成果转化与区域创新处") in posts
    assert ("周文彬", "理事长", "星河新材料技术创新与产业化联盟") in posts
    assert "市科技局" in _names(ex) and "孵化器联盟" in _names(ex)


def test_people_s_organisations_by_their_short_names(place_finder):
    ex = _extract(place_finder, ["安徽省侨联主席林海涛、省科协副主席周文彬出席。"])
    assert _mention(ex, "安徽省侨联").category == "Association"
    assert ("林海涛", "主席", "安徽省侨联") in _posts(ex)


def test_founder_of_a_company(place_finder):
    ex = _extract(place_finder, ["热合曼·吐尔逊说,他在家乡创立的“沙漠绿洲”公司已带动200人就业。"])
    founders = {(p, o) for p, role, o in _posts(ex) if role == "创始人"}
    assert any(p == "热合曼·吐尔逊" and "沙漠绿洲" in o for p, o in founders), _posts(ex)


def test_dotted_name_after_a_descriptive_noun(place_finder):
    # 青年创业者 describes the man; it is not part of his name.
    ex = _extract(place_finder, ["青年创业者热合曼·吐尔逊说,他创立的“沙漠绿洲”公司已带动200人就业。"])
    assert "热合曼·吐尔逊" in _names(ex, "Person"), _names(ex, "Person")
    founders = {(p, o) for p, role, o in _posts(ex) if role == "创始人"}
    assert any(p == "热合曼·吐尔逊" and "沙漠绿洲" in o for p, o in founders), _posts(ex)


def test_founder_after_speech(place_finder):
    ex = _extract(place_finder, ["郑雅琴说,她创立的遵义山水茶业有限公司已吸纳就业80人。"])
    assert ("郑雅琴", "创始人", "遵义山水茶业有限公司") in _posts(ex), _posts(ex)


def test_founder_with_company_suffix(place_finder):
    ex = _extract(place_finder, ["总经理何春燕创立的遵义山水茶业有限公司已吸纳就业80人。"])
    assert ("何春燕", "创始人", "遵义山水茶业有限公司") in _posts(ex), _posts(ex)


# --------------------------------------------------------------------------- visits


def test_inspection_visit(place_finder):
    ex = _extract(place_finder, ["6月14日,陕西省教育厅厅长马俊峰到西北工业大学调研。"],
                  meta="2022-06-15  来源:陕西日报")
    visits = [m for m in ex.mentions if m.cls == "InspectionVisit"]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.category == "Event"
    assert visit.attr("date") == "2022-06-14"
    assert (visit.surface, "马俊峰", None) in _rels(ex, "visitor")
    assert (visit.surface, "西北工业大学", None) in _rels(ex, "visited")


# --------------------------------------------------------------------------- event details


def test_event_dates_and_location(place_finder):
    ex = _extract(place_finder, ["9月8日至9日,第三届“芙蓉杯”创新创业大赛决赛在长沙市举行。"],
                  meta="2021-09-10  来源:湖南日报")
    event = _mention(ex, "第三届“芙蓉杯”创新创业大赛")
    assert event.attr("date") == "2021-09-08"
    assert event.attr("end_date") == "2021-09-09"
    assert ("第三届“芙蓉杯”创新创业大赛", "长沙市", None) in _rels(ex, "location")


def test_activity_week_main_and_sub_venue(place_finder):
    ex = _extract(place_finder, ["9月15日,2022年陕西省大众创业万众创新活动周开幕,主会场设在西安市,同时设立咸阳分会场。"],
                  meta="2022-09-16  来源:陕西日报")
    weeks = [m for m in ex.mentions if m.cls == "ActivityWeek"]
    assert len(weeks) == 1
    week = weeks[0].surface
    assert weeks[0].attr("date") == "2022-09-15"
    assert (week, "西安市", None) in _rels(ex, "mainVenue")
    assert (week, "咸阳", None) in _rels(ex, "subVenue")


def test_activity_week_lists_two_sub_venues(place_finder):
    ex = _extract(place_finder, ["9月15日,2022年陕西省大众创业万众创新活动周开幕,主会场设在西安市,宝鸡、咸阳设分会场。"],
                  meta="2022-09-16  来源:陕西日报")
    week = next(m.surface for m in ex.mentions if m.cls == "ActivityWeek")
    subs = {o for s, o, _ in _rels(ex, "subVenue") if s == week}
    assert subs == {"宝鸡", "咸阳"}, subs


# --------------------------------------------------------------------------- carriers


def test_carrier_type_and_level_by_apposition(place_finder):
    ex = _extract(place_finder, ["湘江智谷创业园是长沙市首批省级众创空间,现有入驻团队52个。"])
    carrier = _mention(ex, "湘江智谷创业园")
    assert carrier.category == "InnovationCarrier"
    assert carrier.cls == "MakerSpace"
    assert carrier.attr("level") == "provincial"
    assert ("湘江智谷创业园", "长沙市", None) in _rels(ex, "locatedIn")


@pytest.mark.parametrize("name", ["洛江区曙光创客工场", "历下区数智科创梦工场", "长沙麓谷创新工坊", "杭州西溪创业咖啡"])
def test_maker_space_name_endings(place_finder, name):
    # 创客工场, 梦工场, 创新工坊 and 创业咖啡 end the names of maker spaces as 创客空间 does.
    ex = _extract(place_finder, [f"{name}是今年新认定的省级众创空间,已有入驻团队20个。"])
    carrier = _mention(ex, name)
    assert (carrier.category, carrier.cls) == ("InnovationCarrier", "MakerSpace")


def test_notice_table_of_recognised_carriers(place_finder):
    ex = _extract(place_finder, [
        "经专家评审和实地核查,认定以下单位为2023年度省级众创空间。",
        "2023年度省级众创空间名单",
        "序号 名称 运营主体 所在地",
        "1 闽江源创客工场 福州闽源科技有限公司 福州市",
        "2 鹭岛青年创业港 厦门鹭岛孵化服务有限公司 厦门市",
        "3 刺桐智造众创空间 泉州刺桐智能制造有限公司 泉州市",
    ], title="关于认定2023年度省级众创空间的通知", meta="2023-11-20  来源:福建省科学技术厅")
    listed = {"闽江源创客工场": "福州市", "鹭岛青年创业港": "厦门市", "刺桐智造众创空间": "泉州市"}
    for name, city in listed.items():
        ms = [m for m in ex.mentions if m.surface == name and m.category == "InnovationCarrier"]
        assert ms, f"{name} not extracted"
        assert all(m.cls == "MakerSpace" for m in ms)
        assert any(m.attr("level") == "provincial" for m in ms)
        assert (name, city, None) in _rels(ex, "locatedIn")
    companies = _names(ex, "Company")
    assert {"福州闽源科技有限公司", "厦门鹭岛孵化服务有限公司", "泉州刺桐智能制造有限公司"} <= set(companies)
    # The heading names a kind, not a carrier.
    assert not any("名单" in m.surface for m in ex.mentions)
    assert not any(m.surface.endswith("省级众创空间") for m in ex.mentions)


def test_the_title_s_carriers_are_read_where_the_body_names_them_in_no_form(place_finder):
    ex = _extract(place_finder, ["锦城青年众创空间新入驻团队12个。成都高新区还将举办论坛。"],
                  title="成都高新区举办创业论坛 锦城青年众创空间迎新")
    title_end = ex.article.clean.index("\n")
    zones = [m for m in ex.mentions if m.surface == "成都高新区"]
    assert zones and all(m.start > title_end for m in zones), zones  # named in the body: read there only
    assert "锦城青年众创空间" in _names(ex)
    assert [m.start > title_end for m in ex.mentions if m.surface == "锦城青年众创空间"] == [True]
    ex = _extract(place_finder, ["新入驻团队12个。"], title="成都高新区锦城众创空间迎新")
    titled = [m for m in ex.mentions if m.category == "InnovationCarrier"]
    assert {m.surface for m in titled} == {"成都高新区锦城众创空间", "成都高新区"}, titled
    assert all(m.end <= ex.article.clean.index("\n") for m in titled), titled


# --------------------------------------------------------------------------- places


def test_place_finder_reads_each_line_on_its_own(place_finder):
    """extract_article searches each line once, for its paragraph and for the article's
    place names; that gives what a search of the whole text gives only while the
    finder reads lines on their own (no place across a line break, no context from
    the lines around)."""
    golden = Path(__file__).parent / "golden"
    texts = [normalize_text(p.read_text("utf-8")).clean for p in sorted(golden.glob("*/input.txt"))]
    texts.append("在成都\n市锦江区和德阳\n举办。阿坝州、甘孜州\n凉山州")
    for text in texts:
        whole = [(p.surface, p.start, p.end) for p in place_finder.find(text)]
        by_line, pos = [], 0
        for line in text.split("\n"):
            by_line += [(p.surface, p.start + pos, p.end + pos) for p in place_finder.find(line)]
            pos += len(line) + 1
        assert whole == by_line
        assert whole


def test_cached_tagger_cuts_as_jieba_does():
    """The names module tags with jieba's part-of-speech tagger, its HMM cached per
    stretch of unknown characters: the words and tags must be jieba's own."""
    import jieba.posseg as pseg

    from sckg.extract.words import tagger as _tagger

    golden = Path(__file__).parent / "golden"
    lines = [line for p in sorted(golden.glob("*/input.txt")) for line in p.read_text("utf-8").splitlines()]
    lines += ["阿克苏地区柯坪县巴格托格拉克创客空间", "热合曼·吐尔逊创办的公司", "2019年度ABC科技孵化器"]
    for line in lines:
        for text in (line, line[3:], line[:12]):
            assert [(w.word, w.flag) for w in _tagger().cut(text)] == \
                [(w.word, w.flag) for w in pseg.cut(text)]


def test_names_listed_after_one_title_share_its_posts(place_finder):
    ex = _extract(place_finder, ["绵阳市科技局副局长杜明远、何静怡等陪同调研。"])
    posts = _posts(ex)
    assert ("杜明远", "副局长", "绵阳市科技局") in posts
    assert ("何静怡", "副局长", "绵阳市科技局") in posts


def test_a_name_written_before_its_post(place_finder):
    ex = _extract(place_finder, ["座谈会上，市工信局钱志伟副局长、县科协孟晓兰主席先后发言。"])
    posts = _posts(ex)
    assert ("钱志伟", "副局长", "市工信局") in posts
    assert ("孟晓兰", "主席", "县科协") in posts


def test_a_name_after_a_title_wins_over_a_place_inside_it(place_finder):
    ex = _extract(place_finder, ["德阳市副市长郑江西一行来到孵化器视察。"])
    assert "郑江西" in _names(ex, "Person")
    assert "江西" not in _names(ex, "Place")
    gov = _mention(ex, "德阳市副市长")
    assert gov.category == "GovernmentAgency" and gov.attr("implied") == "德阳市"
    assert ("郑江西", "副市长", "德阳市副市长") in _posts(ex)


def test_bodies_named_by_level_alone_are_agencies(place_finder):
    ex = _extract(place_finder, ["由市委组织部、市发改委和我市科技局联合主办，市场监管局协办。"])
    agencies = {m.surface: m.attr("relative") for m in ex.mentions if m.attr("relative")}
    assert agencies == {"市委组织部": "市", "市发改委": "市", "我市科技局": "市"}


def test_bodies_named_by_level_after_a_particle_or_preposition(place_finder):
    ex = _extract(place_finder, ["会上听取了市科技局副局长林海涛的汇报，材料报送至县科协，并于区政府备案。"])
    agencies = {m.surface: m.attr("relative") for m in ex.mentions if m.attr("relative")}
    assert agencies == {"市科技局": "市", "县科协": "县", "区政府": "区"}
    assert ("林海涛", "副局长", "市科技局") in _posts(ex)


def test_bracketed_bylines_in_the_body_name_the_reporters(place_finder):
    ex = _extract(place_finder, ["本报讯（记者 邓雅文 刘建）近日，某市举办创新创业大赛，活动取得实效。",
                                 "大赛共吸引120个项目参赛。(全媒体记者 孙浩)"])
    creators = {ex.mentions[r.object].surface for r in ex.relations if r.kind == "creator"}
    assert {"邓雅文", "刘建", "孙浩"} <= creators


def test_a_line_of_reporters_whose_names_lost_their_spaces(place_finder):
    ex = _extract(place_finder, ["近日，某市举办创新创业大赛，活动取得实效。", "□本报记者周文彬林海涛", "大赛共吸引120个项目参赛。"])
    creators = {ex.mentions[r.object].surface for r in ex.relations if r.kind == "creator"}
    assert creators == {"周文彬", "林海涛"}, creators


def test_a_correspondent_written_close_to_their_name_in_a_bracketed_byline(place_finder):
    ex = _extract(place_finder, ["近日，省科技厅公布名单，星河科技孵化器获批为省级科技孵化器。(记者周文彬 通讯员林海涛 马文静)"])
    creators = {ex.mentions[r.object].surface for r in ex.relations if r.kind == "creator"}
    assert creators == {"周文彬", "林海涛", "马文静"}, creators
    incubator = next(m for m in ex.mentions if m.surface == "星河科技孵化器")
    assert incubator.attr("level") == "provincial", incubator


@pytest.mark.parametrize("opening", ["本报讯（记者 周文彬 通讯员 马文静）", "西岭网西安5月30日电（记者周文彬）",
                                     "本报讯（周文彬 马文静）"])
def test_a_byline_in_brackets_is_no_part_of_the_name_after_it(place_finder, opening):
    ex = _extract(place_finder, [opening + "星河众创空间日前开园，西岭科技有限公司首批入驻。"])
    assert "星河众创空间" in _names(ex, "InnovationCarrier"), _names(ex)
    assert "西岭科技有限公司" in _names(ex, "Company"), _names(ex)
    assert "周文彬" in _names(ex, "Person")


@pytest.mark.parametrize("sentence,name", [
    ("星河市市长约翰·摩根出席开幕式。", "约翰·摩根"),
    ("芬兰科学家安娜·维塔宁介绍了经验。", "安娜·维塔宁"),
    ("展出了艺术家达米安·赫尔斯的作品。", "达米安·赫尔斯"),
    ("青年运动员阿依古丽·买买提发言。", "阿依古丽·买买提"),
    ("来自芬兰的创业导师维塔宁分享了经验。", "维塔宁"),  # transcribed without a dot
    ("星河众创空间外籍导师拉莫尼说，项目很有潜力。", "拉莫尼"),
    ("会上，以色列企业家萨巴蒂尼介绍了孵化经验。", "萨巴蒂尼"),
])
def test_a_transliterated_name_starts_after_its_post_and_ends_before_de(place_finder, sentence, name):
    ex = _extract(place_finder, [sentence])
    assert name in _names(ex, "Person"), _names(ex)


@pytest.mark.parametrize("sentence,name", [
    ("省科技厅副厅长周名扬参加了今天的会见。", "周名扬"),
    ("星河科技董事长唐家骏在会上指出，企业要加大研发投入。", "唐家骏"),
    ("西岭大学经济系教授钱文华曾表示，孵化器要重服务。", "钱文华"),
    ("西岭大学副教授孙海波博士说，企业要重视研发。", "孙海波"),
    ("会议要求深入学习邓小平理论。", "邓小平"),
    ("副市长周文华总结了经验。", "周文华"),
])
def test_names_with_a_character_of_a_function_word_or_before_a_degree(place_finder, sentence, name):
    people = _names(_extract(place_finder, [sentence]), "Person")
    assert name in people and len(people) == 1, people


@pytest.mark.parametrize("sentence,name", [
    ("本报讯星河银行今日公告称，该行支持小微企业。", "星河银行"),
    ("一位西岭集团内部人士透露，项目进展顺利。", "西岭集团"),
    ("让我们以热烈的掌声欢迎西岭科技有限公司总经理周文彬。", "西岭科技有限公司"),
    ("园区建议使用星河云服务有限公司的平台。", "星河云服务有限公司"),
    ("西岭网西安5月7日电星河科技有限公司今天发布新品。", "星河科技有限公司"),
    ("西岭红日电子科技有限公司今天发布新品。", "西岭红日电子科技有限公司"),
    ("星河集团所属西岭旅游有限公司是园区最大的企业。", "西岭旅游有限公司"),
])
def test_a_dateline_or_a_verb_before_a_company_is_no_part_of_its_name(place_finder, sentence, name):
    assert name in _names(_extract(place_finder, [sentence]), "Company")


def test_the_paper_itself_is_no_outlet_and_gen_ju_no_part_of_a_name(place_finder):
    ex = _extract(place_finder, ["根据本报记者的采访，根据星河集团的安排，活动如期举行。"])
    assert "星河集团" in _names(ex, "Company")
    assert not any(n.startswith("根据") for n in _names(ex)), _names(ex)


def test_a_body_counted_by_a_demonstrative_is_no_named_body(place_finder):
    ex = _extract(place_finder, ["这个研究院还与每家孵化器签订了协议。"])
    assert not any(n.startswith(("个", "家")) for n in _names(ex)), _names(ex)


@pytest.mark.parametrize("sentence,post", [
    ("星河地产市场部副经理李红梅介绍了项目。", ("李红梅", "副经理", "星河地产市场部")),
    ("星河银行西安分行银行卡部副总经理孙海波认为，芯片卡要全面推广。",
     ("孙海波", "副总经理", "星河银行西安分行银行卡部")),
    ("西岭社会科学院金融研究所银行研究室主任何小平表示，要放开管制。",
     ("何小平", "主任", "西岭社会科学院金融研究所银行研究室")),
    ("西岭天正律师事务所律师刘芳芳表示，合同有效。", ("刘芳芳", "律师", "西岭天正律师事务所")),
    ("西岭资本首席经济学家赵志刚说，市场向好。", ("赵志刚", "首席经济学家", "西岭资本")),
    ("星河银行信用卡中心相关负责人张国强对记者表示，积分是一种回馈。", ("张国强", "负责人", "星河银行信用卡中心")),
    ("西岭发展研究中心社会发展研究部副部长林海涛在会上发言。", ("林海涛", "副部长", "西岭发展研究中心社会发展研究部")),
    ("西岭大学经济学院金融系教授王燕飞曾表示，要放开管制。", ("王燕飞", "教授", "西岭大学经济学院金融系")),
    ("西岭房地产研究会人居环境委员会副主任委员兼秘书长马文静女士致辞。",
     ("马文静", "副主任委员", "西岭房地产研究会人居环境委员会")),
    ("“家门口就业,心里踏实。”西岭县人社局就业促进股股长林海涛说。",
     ("林海涛", "股长", "西岭县人社局就业促进股")),
])
def test_posts_in_a_department_of_a_firm_or_an_institute(place_finder, sentence, post):
    ex = _extract(place_finder, [sentence])
    assert post in _posts(ex), _posts(ex)
    unit = next(m for m in ex.mentions if m.surface == post[2])
    if unit.attr("parent"):
        assert (post[2], unit.attr("parent"), None) in _rels(ex, "subOrganizationOf")


@pytest.mark.parametrize("sentence,post", [
    ("图为西岭市创业协会副秘书长陈志先生", ("陈志", "副秘书长", "西岭市创业协会")),
    ("下面请出承办方星河集团董事长王建华王总，有请！", ("王建华", "董事长", "星河集团")),
])
def test_a_name_ends_before_how_it_is_addressed(place_finder, sentence, post):
    ex = _extract(place_finder, [sentence])
    assert post in _posts(ex), _posts(ex)


def test_officials_of_a_city_s_departments_and_its_youth_league_committee(place_finder):
    ex = _extract(place_finder, ["市人力资源保障局党组书记、局长周文彬、巡视员林海涛，市教育局副局长马文静、"
                                 "团市委组宣部部长陈立新出席颁奖典礼。"])
    assert {("周文彬", "局长", "市人力资源保障局"), ("林海涛", "巡视员", "市人力资源保障局"),
            ("马文静", "副局长", "市教育局"), ("陈立新", "部长", "团市委组宣部")} <= _posts(ex), _posts(ex)
    assert next(m for m in ex.mentions if m.surface == "市人力资源保障局").attr("relative") == "市"


def test_a_name_then_its_posts_at_several_organisations(place_finder):
    ex = _extract(place_finder, ["周文彬，泾阳县青禾草莓专业合作社理事长、泾阳县青禾农业科技公司董事长、市人大代表。"
                                 "林海涛，星河集团总经理陈立新的助手。"])
    posts = _posts(ex)
    assert {("周文彬", "理事长", "泾阳县青禾草莓专业合作社"), ("周文彬", "董事长", "泾阳县青禾农业科技公司")} <= posts, posts
    assert not any(p == "林海涛" for p, _, _ in posts), posts


def test_a_professor_founds_a_company_that_settles_in_a_zone(place_finder):
    ex = _extract(place_finder, ["西岭大学光电与信息工程学院教授、博士生导师谭志远创立的星河信息光学有限公司落地高新区。"])
    assert {("谭志远", "教授", "西岭大学光电与信息工程学院"), ("谭志远", "博士生导师", "西岭大学光电与信息工程学院"),
            ("谭志远", "创始人", "星河信息光学有限公司")} <= _posts(ex), _posts(ex)
    assert not any("公司" in n for n in _names(ex, "InnovationCarrier")), _names(ex)


def test_the_relevant_offices_of_a_body_are_no_unit_of_it(place_finder):
    ex = _extract(place_finder, ["市、区政协相关委室负责人，星河集团相关部室负责人参加。"])
    assert not any("相关" in n for n in _names(ex)), _names(ex)


def test_a_committee_of_a_society_is_the_society_s_not_an_agency(place_finder):
    ex = _extract(place_finder, ["西岭房地产研究会人居环境委员会日前成立。"])
    assert _names(ex).get("西岭房地产研究会人居环境委员会") == "Association", _names(ex)


def test_departments_beyond_science_and_technology_central_and_local(place_finder):
    ex = _extract(place_finder, ["会议由民政部、国家民委、审计署和人民银行联合主办，泾阳县建设局、县卫健委、市教委承办，"
                                 "住房和城乡建设部派员参加。"])
    agencies = _names(ex, "GovernmentAgency")
    assert {"民政部", "国家民委", "审计署", "人民银行", "泾阳县建设局", "县卫健委", "市教委",
            "住房和城乡建设部"} <= set(agencies), agencies
    assert "人民银行" not in _names(ex, "Company")


@pytest.mark.parametrize("sentence,wrong", [
    ("教育部门要加强指导，全市文化局面焕然一新。", {"教育部", "文化局"}),
    ("星河集团项目建设部、西岭公司企业文化部负责人参加。", {"星河集团项目建设部", "西岭公司企业文化部"}),
    ("市商务委员会和县卫健委参加。", {"市商务委员会和县卫健委"}),
])
def test_a_department_word_inside_another_word_or_a_list_is_no_agency(place_finder, sentence, wrong):
    names = _names(_extract(place_finder, [sentence]), "GovernmentAgency")
    assert not wrong & set(names), names


def test_a_place_that_starts_with_he_is_passed_whole(place_finder):
    ex = _extract(place_finder, ["会上，和田星河数字孵化器和县科技局共同举办路演。"])
    assert "和田星河数字孵化器" in _names(ex, "InnovationCarrier"), _names(ex)


@pytest.mark.parametrize("sentence,kind", [
    ("文件要求各地支持民营孵化器和专业孵化器发展。", "民营孵化器"),
    ("2017年度国家备案众创空间名单已经公布。", "2017年度国家备案众创空间"),
    ("附件列出1.孵化器 2.众创空间的申报要求。", "1.孵化器"),
    ("辖区内国家级科技企业孵化器达到12家。", "辖区内国家级科技企业孵化器"),
    ("星河谷是全县首家乡镇级众创空间。", "乡镇级众创空间"),
])
def test_kinds_of_carriers_are_not_named_carriers(place_finder, sentence, kind):
    ex = _extract(place_finder, [sentence])
    assert kind not in _names(ex, "InnovationCarrier")


def test_a_meeting_name_keeps_the_word_its_first_character_starts(place_finder):
    ex = _extract(place_finder, ["12月15日，全省经济工作会在兰州召开。"])
    assert not any(name.startswith("济") for name in _names(ex, "Event")), _names(ex, "Event")


def test_posts_at_departments_named_after_their_agency(place_finder):
    ex = _extract(place_finder, ["四川省科技厅成果转化与区域合作处处长袁志强表示，将加快发展。",
                                 "科技部火炬中心孵化器管理处副处长邱文静、处长秦立新出席。",
                                 "陕西省科技厅高新处毛海燕调研员致辞。"])
    posts = _posts(ex)
    assert ("袁志强", "处长", "四川省科技厅成果转化与区域合作处") in posts
    assert ("邱文静", "副处长", "科技部火炬中心孵化器管理处") in posts
    assert ("秦立新", "处长", "科技部火炬中心孵化器管理处") in posts
    assert ("毛海燕", "调研员", "陕西省科技厅高新处") in posts
    assert "科技部火炬中心孵化器" not in _names(ex, "InnovationCarrier")


@pytest.mark.parametrize("zone", ["成都高新区", "高新区"])  # after a place, or found whole with its 党工委
def test_a_zone_s_committees_and_their_posts(place_finder, zone):
    ex = _extract(place_finder, [f"{zone}党工委副书记、管委会副主任范晓东出席活动。"])
    posts = _posts(ex)
    assert ("范晓东", "党工委副书记", f"{zone}党工委") in posts
    assert ("范晓东", "副主任", "管委会") in posts
    assert _mention(ex, "管委会").attr("qualified") == f"{zone}管委会"


def test_names_before_the_verb_that_follows_them(place_finder):
    ex = _extract(place_finder, ["近日，经开区管委会副主任孔令杰带队赴南京某某产业园调研。",
                                 "贵州省某某创新工场副总经理韦晓丹做了经验分享。",
                                 "山西省政府副秘书长郝建军主持座谈会。"])
    people = _names(ex, "Person")
    assert {"孔令杰", "韦晓丹", "郝建军"} <= set(people)
    assert not any("孔令杰" in n for n in _names(ex, "InnovationCarrier"))
    assert not any("郝建军" in n for n in _names(ex, "Event"))


def test_the_contact_person_of_a_notice(place_finder):
    ex = _extract(place_finder, ["请各单位于10月30日前报送材料。", "联系人：高新处 喻文涛，电话：0851-12345678。"])
    assert "喻文涛" in _names(ex, "Person")


def test_people_no_cue_announces_come_from_the_recogniser(place_finder):
    """An award list or a caption names people with no title, verb of speech or middle
    dot before or after them: the learned recogniser finds them."""
    ex = _extract(place_finder, ["本届大赛一等奖获得者为赵明远、钱晓琳和孙立峰，三人均来自省内高校。",
                                 "图为创业导师周雅婷在路演现场。"])
    people = {name for name, category in _names(ex).items() if category == "Person"}
    assert {"赵明远", "钱晓琳", "孙立峰"} <= people


def test_a_secretary_of_a_secretariat_holds_the_post_at_its_body(place_finder):
    ex = _extract(place_finder, ["团中央书记处书记林海涛出席并讲话。"])
    assert ("林海涛", "书记处书记", "团中央") in _posts(ex), _posts(ex)
    assert not any(m.surface.endswith("书记处") for m in ex.mentions), ex.mentions  # (no unit of its own)


def test_words_after_a_title_or_the_recogniser_s_spans_are_no_people(place_finder):
    """书记关切地问: a verb after a title; 施展才华: an idiom from a surname's character on."""
    ex = _extract(place_finder, ["为青年人才施展才华提供舞台。在现场,周立群书记关切的问道。副市长王建华出席。"])
    people = {name for name, category in _names(ex).items() if category == "Person"}
    assert {"周立群", "王建华"} <= people and not people & {"关切", "施展才华"}, people


def test_a_post_said_with_是_and_的(place_finder):
    ex = _extract(place_finder, ["据介绍,王建平是青禾创客空间的负责人。"])
    assert ("王建平", "负责人", "青禾创客空间") in _posts(ex), _posts(ex)


def test_a_photograph_s_credit_names_its_photographer_without_摄(place_finder):
    ex = _extract(place_finder, ["图为创新创业大赛比赛现场（陈晓琳摄）。"])
    people = {name for name, category in _names(ex).items() if category == "Person"}
    assert "陈晓琳" in people and "陈晓琳摄" not in people, people


def test_names_padded_with_spaces_and_lists_split_by_spaces(place_finder):
    ex = _extract(place_finder, ["评审专家：王 涛（组长） 李春梅 郑国华",
                                 "本次评审工作由省科技厅组织。"])
    people = {ex.mentions[i].surface.replace(" ", "") for i, m in enumerate(ex.mentions)
              if m.category == "Person"}
    assert {"王涛", "李春梅", "郑国华"} <= people


def test_the_recogniser_does_not_make_people_of_words_documents_or_places(place_finder):
    """Abbreviations in document numbers (某科发〔2019〕…), common words a weak cue
    follows (取得的成绩以及…, 部门相关负责人) and place names are no people."""
    ex = _extract(place_finder, ["根据《众创空间备案管理办法》（国科火字〔2017〕120号）的要求，各单位认真组织申报。",
                                 "园区汇报了大赛取得的成绩以及成果转化情况，区级部门相关负责人参加。",
                                 "吴兴作为主城区，经济发展较快。"])
    people = {m.surface for m in ex.mentions if m.category == "Person"}
    assert not people & {"国科", "国科火", "成绩", "门相关", "吴兴"}, people


def test_rules_alone_when_no_recogniser_is_given(place_finder):
    article = normalize_text("四川省双创工作简讯\n本届大赛一等奖获得者为赵明远、钱晓琳和孙立峰。\n")
    rules = extract_article(article, place_finder.find, read=None)
    learned = extract_article(article, place_finder.find)
    count = lambda ex: sum(m.category == "Person" for m in ex.mentions)  # noqa: E731
    assert count(rules) < count(learned)


def test_bodies_the_recogniser_sees_where_a_post_is_written(place_finder):
    """A company or agency named before a post with no ending the rules know
    (某某智谷总裁, 某县组织部…部长) still holds the post."""
    ex = _extract(place_finder, ["活动邀请了临江县组织部陈晓红部长作主题分享。",
                                 "会上，云帆控股总裁周文涛介绍了经验。"])
    posts = _posts(ex)
    assert ("周文涛", "总裁", "云帆控股") in posts, posts
    assert ("陈晓红", "部长", "临江县组织部") in posts, posts


def test_a_head_of_government_named_by_the_title_alone(place_finder):
    """市委副书记、市长某某: 副书记 at the city's party committee, 市长 at the city's
    government, both of the article's own city (here, from the title line)."""
    ex = _extract(place_finder, ["市委副书记、市长林志远，市委副书记,常务副市长高德明到孵化器调研。"],
                  title="临沂市领导调研科技企业孵化器")
    posts = _posts(ex)
    assert ("林志远", "副书记", "市委") in posts, posts
    assert ("林志远", "市长", "市长") in posts, posts
    heads = [m for m in ex.mentions if m.attr("head")]
    assert {m.attr("head") for m in heads} == {"市长", "常务副市长"}
    assert all(m.attr("body") == "人民政府" and m.attr("relative") == "市" for m in heads)


def test_agencies_the_recogniser_sees_that_end_as_agencies_do(place_finder):
    """An agency the rules do not know by its ending (某县委组织部) is taken from the
    recogniser; a kind of agency (县级科技局, 各级科技部门, 财政部门) is not."""
    ex = _extract(place_finder, ["会议由临江县委组织部主办，各级科技部门和县级科技局参加，"
                                 "副区长陈俊峰在区政府办、楼宇办、科技、工信、财政部门负责人陪同下深入企业。"])
    agencies = {m.surface for m in ex.mentions if m.category == "GovernmentAgency"}
    assert "临江县委组织部" in agencies, agencies
    assert not agencies & {"县级科技局", "各级科技部门", "科技部门", "财政部门"}, agencies


def test_a_head_of_government_of_the_city_named_last_in_the_sentence(place_finder):
    ex = _extract(place_finder, ["安阳市副市长赵立群，林州市市委副书记、市长韩志军，副市长孙丽一行到众创空间调研。"])
    heads = {m.attr("head"): m.attr("implied") for m in ex.mentions if m.attr("head")}
    assert heads == {"市长": "林州市", "副市长": "林州市"}, heads
    posts = _posts(ex)
    assert ("赵立群", "副市长", "安阳市副市长") in posts, posts


def test_a_post_the_person_is_said_to_hold(place_finder):
    ex = _extract(place_finder, ["周明轩，现任四川省科学技术厅成果转化处处长、党支部书记，长期从事孵化器管理工作。"])
    posts = _posts(ex)
    assert ("周明轩", "处长", "四川省科学技术厅成果转化处") in posts, posts
    assert ("周明轩", "党支部书记", "四川省科学技术厅成果转化处") in posts, posts


def test_district_bodies_and_heads_named_by_level(place_finder):
    ex = _extract(place_finder, ["区委书记陈立新致辞,区长郑晓东主持开幕式,区委副书记唐于斌,"
                                 "区政协副主席何美玲,团市委副书记雷佳出席。"])
    posts = _posts(ex)
    for post in (("陈立新", "书记", "区委"), ("郑晓东", "区长", "区长"), ("唐于斌", "副书记", "区委"),
                 ("何美玲", "副主席", "区政协"), ("雷佳", "副书记", "团市委")):
        assert post in posts, (post, posts)
    assert not {p for p in _names(ex, "Person") if "区政协" in p}


def test_a_party_committee_named_after_its_place_and_a_post_before_the_list(place_finder):
    ex = _extract(place_finder, ["绵竹市委常委、德阳高新区党工委书记黄志远,涪城区委书记邓宏亮出席活动。"])
    posts = _posts(ex)
    assert ("黄志远", "常委", "绵竹市委") in posts, posts
    assert ("邓宏亮", "书记", "涪城区委") in posts, posts
    committee = _mention(ex, "涪城区委")
    assert committee.category == "GovernmentAgency" and committee.attr("qualified") == "中共涪城区委"


def test_an_aside_between_posts_or_before_the_name(place_finder):
    ex = _extract(place_finder, ["市委组织部副部长(兼)市人社局党组书记、局长王建华致辞,"
                                 "园区党总支副书记(主持工作)张国庆陪同。"])
    posts = _posts(ex)
    for post in (("王建华", "局长", "市人社局"), ("王建华", "党组书记", "市人社局"),
                 ("王建华", "副部长", "市委组织部")):
        assert post in posts, (post, posts)
    assert "张国庆" in _names(ex, "Person")
    assert not any("(兼)" in m.surface for m in ex.mentions)


def test_a_name_between_its_organisation_and_its_post(place_finder):
    ex = _extract(place_finder, ["德阳市众创空间创新联盟刘子昂理事长致辞。"])
    assert ("刘子昂", "理事长", "德阳市众创空间创新联盟") in _posts(ex)


def test_what_follows_a_listed_name_must_itself_be_a_name(place_finder):
    ex = _extract(place_finder, ["团市委副书记雷佳、成都青年创业中心主任李国平、项目部部长肖红一行来孵化器调研。",
                                 "四川省科技厅厅长党组书记周明远出席。"])
    people = _names(ex, "Person")
    assert {"雷佳", "李国平", "肖红", "周明远"} <= set(people), people
    assert not {"成都", "项目部", "党组"} & set(people), people


def test_the_recogniser_reads_clauses_that_cover_each_sentence():
    from sckg.extract.learned import _clauses

    text = "近日，某某市科技局局长王某某带队到某某众创空间调研，听取了运营情况汇报；他指出要做好服务。"
    pieces = _clauses(text, 0, len(text))
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s >= 10 for s, e in pieces[:-1])  # 近日， joins the clause after it
    assert text[pieces[0][0]:pieces[0][1]].startswith("近日，某某市")
    # 他指出要做好服务。 is short too: it stays with the clause before it
    assert [text[e - 1] for s, e in pieces] == ["，", "。"], pieces


def test_masthead_posts_at_a_periodical_named_in_book_marks(place_finder):
    ex = _extract(place_finder, ["8月3日,《创业家》总编辑、社长王立军来到绵阳,中国《孵化器研究》主编何文斌陪同。"])
    assert _mention(ex, "创业家").category == "MediaOutlet"
    posts = _posts(ex)
    for post in (("王立军", "总编辑", "创业家"), ("王立军", "社长", "创业家"), ("何文斌", "主编", "孵化器研究")):
        assert post in posts, (post, posts)


def test_a_party_s_role_word_and_an_invitation_are_no_part_of_the_name(place_finder):
    ex = _extract(place_finder, ["项目运营方四川天府创新发展有限公司总经理刘海峰介绍了情况。",
                                 "特邀中国工程院院士、西南交通大学校长周国强作报告。"])
    names = _names(ex)
    assert "四川天府创新发展有限公司" in names and "中国工程院" in names, names
    assert ("周国强", "院士", "中国工程院") in _posts(ex)


def test_a_head_of_government_named_before_the_title(place_finder):
    ex = _extract(place_finder, ["区科技局负责人陪同李建国副区长一行到众创空间调研。"])
    assert ("李建国", "副区长", "副区长") in _posts(ex), _posts(ex)


def test_an_agency_s_name_starts_after_the_words_of_its_sentence(place_finder):
    ex = _extract(place_finder, ["记者从市科技局获悉,今年新增孵化器3家。",
                                 "笔者从贵州省科学技术厅了解到,他首先代表云南省科学技术厅致辞。",
                                 "各地要认真落实省委省政府的部署,贯彻落实国务院的意见,企业最希望政府提供融资服务。"])
    agencies = set(_names(ex, "GovernmentAgency"))
    assert {"市科技局", "贵州省科学技术厅", "云南省科学技术厅", "国务院"} <= agencies, agencies
    assert not any(a.startswith(("记者", "笔者", "他", "认真", "贯彻", "企业")) for a in agencies), agencies
    assert not any("省委省政府" in a for a in agencies), agencies


def test_one_character_before_a_carrier_word_names_no_carrier(place_finder):
    ex = _extract(place_finder, ["我孵化器今年新引进企业12家,打造大孵化器集群。"])
    assert not _names(ex, "InnovationCarrier"), _names(ex)


def test_a_body_no_ending_announces_named_before_a_post(place_finder):
    ex = _extract(place_finder, ["听取了天府试验区农林局副局长吴海涛、某某药业公司总经理罗明华的汇报。"])
    assert _mention(ex, "天府试验区农林局").category == "GovernmentAgency"
    assert ("吴海涛", "副局长", "天府试验区农林局") in _posts(ex)


def test_a_recognition_in_a_notice_is_of_the_year_its_title_names(place_finder):
    ex = _extract(place_finder, ["现认定成都某某众创空间等12家单位为省级众创空间。",
                                 "截至2022年6月,全省共有众创空间356家。"],
                  title="关于认定2022年度四川省省级众创空间的通知", meta="2023-01-09")
    periods = {f.value: f.period for f in ex.figures}
    assert periods.get("12") == "2022", periods
    assert periods.get("356") == "2022-06", periods  # a period the text gives wins


def test_departments_named_by_their_fields_after_a_place(place_finder):
    ex = _extract(place_finder, ["扎兰屯市工信和科技局、阿尔山市教育科技局和深圳市科委负责人参加会议,"
                                 "现认定银川某某数字产业园为自治区科技企业孵化器。"])
    agencies = set(_names(ex, "GovernmentAgency"))
    assert {"扎兰屯市工信和科技局", "阿尔山市教育科技局", "深圳市科委"} <= agencies, agencies
    assert not any(n.startswith("现认定") for n in _names(ex)), _names(ex)


def test_national_bodies_by_short_name_and_executive_vice_posts(place_finder):
    ex = _extract(place_finder, ["全国人大常委会副委员长、九三学社中央常务副主席王立新率调研组到园区调研。"])
    names = _names(ex)
    assert names.get("九三学社中央") == "Association" and names.get("全国人大常委会") == "GovernmentAgency", names
    assert ("王立新", "常务副主席", "九三学社中央") in _posts(ex)


def test_an_event_s_name_across_a_middle_dot_between_places_and_not_across_its_topic(place_finder):
    ex = _extract(place_finder, ["2019年四川·绵阳大众创业万众创新活动周正式启动。",
                                 "要贯彻落实实施方案和全国科技工作会议精神。"])
    events = set(_names(ex, "Event"))
    assert {"2019年四川·绵阳大众创业万众创新活动周", "全国科技工作会议"} <= events, events


def test_common_surnames_and_hospitals(place_finder):
    ex = _extract(place_finder, ["四川大学华西医院党委书记洪明华、绵阳市科技局局长傅思远、副局长萧立群出席。"])
    posts = _posts(ex)
    for post in (("洪明华", "党委书记", "四川大学华西医院"), ("傅思远", "局长", "绵阳市科技局"),
                 ("萧立群", "副局长", "绵阳市科技局")):
        assert post in posts, (post, posts)


def test_grades_statuses_and_chains_of_kinds_name_no_carrier(place_finder):
    ex = _extract(place_finder, ["评出A类孵化器5家、市级专业型众创空间3家、省级试点孵化器2家,"
                                 "形成创业苗圃+孵化器+加速器的链条,成都某某众创空间获评优秀。"])
    carriers = set(_names(ex, "InnovationCarrier"))
    assert carriers == {"成都某某众创空间"}, carriers


def test_bylines_and_credits_in_the_body_and_words_that_are_no_names(place_finder):
    ex = _extract(place_finder, ["某某日报讯(周海燕何立军)7月29日,某市科技局召开会议。马道远副秘书长强调,各部门要"
                                 "支持众创空间发展,王立处长和参会人员进行了交流,调查人员由专家和我厅工作人员组成。",
                                 "(采写:贺文静 编校:蒋立新)"])
    people = set(_names(ex, "Person"))
    assert {"周海燕", "何立军", "贺文静", "蒋立新", "马道远", "王立"} <= people, people
    assert not {"强调", "和参会", "和我厅"} & people, people
    roles = {(r.kind, ex.mentions[r.object].surface) for r in ex.relations if r.subject == -1 and r.object is not None}
    assert {("creator", "周海燕"), ("creator", "贺文静"), ("editor", "蒋立新")} <= roles, roles


def test_a_surname_and_a_title_is_how_a_head_is_spoken_of_no_name(place_finder):
    ex = _extract(place_finder, ["周镇长一行考察了园区环境。李主任表示欢迎,王建华同志强调要做好服务。"])
    people = set(_names(ex, "Person"))
    assert people == {"王建华"}, people


def test_a_photographer_credited_under_a_photograph(place_finder):
    ex = _extract(place_finder, ["青禾众创空间举行路演活动，12个创业团队参赛。", "活动现场。 马文静 摄",
                                 "路演大赛吸引了10个团队。 林海涛 摄 据了解，活动还将继续。"])
    roles = {(r.kind, ex.mentions[r.object].surface) for r in ex.relations if r.subject == -1 and r.object is not None}
    assert {("editor", "马文静"), ("editor", "林海涛")} <= roles, roles


def test_people_s_congresses_sub_offices_acting_heads_and_a_space_before_the_name(place_finder):
    ex = _extract(place_finder, ["德阳市科技局党组成员 王立新出席会议,德阳市人大副主任张建国、代市长李明华、"
                                 "省科技厅协调办主任赵文静参加。"])
    posts = _posts(ex)
    for post in (("王立新", "党组成员", "德阳市科技局"), ("张建国", "副主任", "德阳市人大"),
                 ("李明华", "代市长", "代市长"), ("赵文静", "主任", "省科技厅协调办")):
        assert post in posts, (post, posts)


def test_a_verb_after_a_two_character_name_is_no_part_of_it(place_finder):
    ex = _extract(place_finder, ["省科技厅副厅长张明莅临指导,市科技局局长王立新出席。"])
    people = set(_names(ex, "Person"))
    assert {"张明", "王立新"} <= people and "张明莅" not in people, people


def test_a_post_after_a_body_and_its_short_form_in_brackets(place_finder):
    ex = _extract(place_finder, ["四川省科技成果转化服务中心(省转化中心)副主任李海波出席。"])
    assert ("李海波", "副主任", "四川省科技成果转化服务中心") in _posts(ex)


def test_a_verb_in_办_after_an_agency_is_no_office_of_it(place_finder):
    ex = _extract(place_finder, ["大赛由四川省科学技术厅主办,成都市科技局承办,省科技厅协调办协办。"])
    agencies = set(_names(ex, "GovernmentAgency"))
    assert "四川省科学技术厅" in agencies and "成都市科技局" in agencies, agencies
    assert not any(a.endswith(("主办", "承办")) for a in agencies), agencies


def test_a_national_leader_s_title_names_the_body_it_heads(place_finder):
    ex = _extract(place_finder, ["为落实李克强总理在我省考察时的指示,去年一年,习近平总书记五次召开专题会。"])
    posts = _posts(ex)
    assert ("李克强", "总理", "总理") in posts and ("习近平", "总书记", "总书记") in posts, posts
    assert _mention(ex, "总理").attr("qualified") == "国务院"
    assert _mention(ex, "总书记").attr("qualified") == "中共中央"
    # 总理事 is no premier's title
    assert "总理" not in _names(_extract(place_finder, ["林海涛总理事会上发言。"]), "GovernmentAgency")


def test_a_committee_s_departments_after_its_standing_member(place_finder):
    ex = _extract(place_finder, ["德阳市委常委、统战部长林海涛,区委常委、政法委书记周文彬,"
                                 "省委教育工委专职副书记王小明出席。"])
    posts = _posts(ex)
    for post in (("林海涛", "常委", "德阳市委"), ("林海涛", "部长", "统战部"),
                 ("周文彬", "书记", "政法委"), ("王小明", "专职副书记", "省委教育工委")):
        assert post in posts, (post, posts)
    assert _mention(ex, "统战部").attr("qualified") == "中共德阳市委统战部"
    assert _mention(ex, "政法委").attrs == (("relative", "区"), ("body", "委政法委"))


def test_elected_posts_names_after_在_and_向_inside_a_name(place_finder):
    ex = _extract(place_finder, ["星河科技园管委会主任林海涛当选为浙江省科技企业孵化器协会副理事长。",
                                 "在周文彬主任的陪同下,考察组参观了孵化器。",
                                 "省侨联主席吴向明出席,局长郑晓东向大会报告。"])
    posts = _posts(ex)
    assert ("林海涛", "主任", "星河科技园管委会") in posts
    assert ("林海涛", "副理事长", "浙江省科技企业孵化器协会") in posts
    people = set(_names(ex, "Person"))
    assert {"周文彬", "吴向明", "郑晓东"} <= people and "郑晓东向" not in people, people
    ex = _extract(place_finder, ["副市长林海正于致词时感谢各方。"])  # 于 ends a name; 正 ends none here
    assert "林海正" in _names(ex, "Person"), _names(ex)


def test_a_unit_of_the_university_the_article_is_about(place_finder):
    ex = _extract(place_finder, ["西北工程大学党委副书记周文彬,校长助理林海涛出席,仪式由该校就业创业中心主任王小明主持。"])
    posts = _posts(ex)
    assert ("林海涛", "校长助理", "西北工程大学") in posts
    assert ("王小明", "主任", "校就业创业中心") in posts, posts
    assert _mention(ex, "校就业创业中心").attr("qualified") == "西北工程大学就业创业中心"


def test_posts_joined_by_兼_shared_by_two_bodies_and_a_body_s_last_character_in_the_title(place_finder):
    ex = _extract(place_finder, ["北京星河资产经营有限公司总经理、北京星河科技园有限公司董事长兼总经理王小明,"
                                 "北京星河资产经营有限公司、北京星河科技园有限公司副总经理郑晓东出席。",
                                 "甘肃省委政研室副主任兼省决策咨询委秘书长林海涛、市科技局长周文彬一行调研。"])
    posts = _posts(ex)
    for post in (("王小明", "董事长", "北京星河科技园有限公司"), ("王小明", "总经理", "北京星河科技园有限公司"),
                 ("王小明", "总经理", "北京星河资产经营有限公司"),
                 ("郑晓东", "副总经理", "北京星河资产经营有限公司"), ("郑晓东", "副总经理", "北京星河科技园有限公司"),
                 ("林海涛", "副主任", "甘肃省委政研室"), ("林海涛", "秘书长", "省决策咨询委"),
                 ("周文彬", "局长", "市科技局")):
        assert post in posts, (post, posts)


def test_titles_after_a_comma_each_at_the_body_whose_ladder_they_climb(place_finder):
    ex = _extract(place_finder, ["星河大学科技园总经理、北京星河创新研修学院院长林海涛,副总经理、副院长周文彬来园座谈。",
                                 "上海星河集团党委书记、董事长王小明,监事长郑晓东,党委副书记、总经理马文静,"
                                 "副主任赵文静出席。",
                                 "城关区委常委、办公室主任陈立新,区委常委、区委办主任何志刚陪同,总经理张明接待。"])
    posts = _posts(ex)
    for post in (("周文彬", "副院长", "北京星河创新研修学院"), ("周文彬", "副总经理", "星河大学科技园"),
                 ("郑晓东", "监事长", "上海星河集团"), ("马文静", "党委副书记", "上海星河集团"),
                 ("马文静", "总经理", "上海星河集团"),
                 ("陈立新", "常委", "城关区委"), ("陈立新", "主任", "办公室"), ("何志刚", "主任", "区委办")):
        assert post in posts, (post, posts)
    assert not any(p[0] == "赵文静" for p in posts), posts  # 副主任 is no company's post
    assert _mention(ex, "区委办").attrs == (("relative", "区"), ("body", "委办公室"))
    assert "张明" in _names(ex, "Person") and "张明接待" not in _names(ex, "Person")


def test_a_university_town_is_no_university(place_finder):
    ex = _extract(place_finder, ["在桂林洋大学城分园产学研大楼前,林海涛了解了情况。"])
    assert not _names(ex, "University"), _names(ex)


def test_a_poster_a_closing_name_in_brackets_and_a_site_s_reporter(place_finder):
    text = ("星河科技园迎来考察团\n\n发布时间:2015-03-26 发布者:林海涛 浏览量:4597\n\n"
            "  3月26日上午,考察团到星河科技园调研。园区负责人表示将继续为创业企业提供支持。(周文彬)\n\n"
            "  某某新闻网讯 (本网记者 王小明 摄影报道) 10月9日,活动周启动。(试行)\n")
    ex = extract_article(normalize_text(text, article_id="951_byline"), place_finder.find)
    roles = {(r.kind, ex.mentions[r.object].surface) for r in ex.relations if r.subject == -1 and r.object is not None}
    assert {("creator", "林海涛"), ("creator", "周文彬"), ("creator", "王小明")} <= roles, roles
    assert "试行" not in _names(ex, "Person")


def test_words_before_a_name_and_words_in_局_are_no_part_of_a_body(place_finder):
    ex = _extract(place_finder, ["她希望西北工程大学继续支持,重点推进空间布局。",
                                 "考察团到访星河大学科技园。会上市科委主任林海涛作了报告。",
                                 "中国星河协会上海代表处主任周文彬出席。"])
    names = _names(ex)
    assert "西北工程大学" in names and "星河大学科技园" in names and "市科委" in names, names
    assert not any(n.endswith("布局") or n.startswith(("她", "访", "会上")) for n in names), names
    assert "中国星河协会" in names, names


def test_universities_by_their_press_short_forms_and_a_standing_member_s_department_unseparated(place_finder):
    ex = _extract(place_finder, ["中科大党委副书记周文彬、德阳市委常委统战部长林海涛出席,"
                                 "并线上与星河集团高级副总裁王小明就打造孵化器进行了座谈。"])
    posts = _posts(ex)
    for post in (("周文彬", "党委副书记", "中科大"), ("林海涛", "常委", "德阳市委"), ("林海涛", "部长", "统战部"),
                 ("王小明", "高级副总裁", "星河集团")):
        assert post in posts, (post, posts)
    assert _mention(ex, "中科大").attr("qualified") == "中国科学技术大学"


@pytest.mark.parametrize("opening,outlet", [
    ("人民网成都10月12日电 (林海涛)12日上午,会议召开。", "人民网"),
    ("据新华社北京6月14日电 14日,会议召开。", "新华社"),
    ("德阳新闻网讯 9月11日,记者从市人社局获悉。", "德阳新闻网"),
    ("德阳网·旌城新闻讯记者12月30日获悉。", "德阳网"),
    ("星河新闻客户端6月17日电 会议召开。", "星河新闻"),
    ("青禾网记者 周文彬 济南报道 5月22日,会议召开。", "青禾网"),
    ("青禾新闻网讯 9月11日,会议召开。", "青禾新闻网"),
    ("青禾集团总裁周文彬致辞。 林海涛 摄 青禾网成都5月11日电 (记者 马文静)会议召开。", "青禾网"),  # after a photo's credit
])
def test_the_outlet_a_report_opens_with(place_finder, opening, outlet):
    ex = _extract(place_finder, [opening])
    assert set(_names(ex, "MediaOutlet")) == {outlet, "四川日报"}, _names(ex)  # and the metadata's source
    roles = {(r.kind, ex.mentions[r.object].surface) for r in ex.relations if r.subject == -1 and r.object is not None}
    assert ("source", outlet) in roles


def test_本报讯_names_no_outlet(place_finder):
    assert set(_names(_extract(place_finder, ["本报讯 日前,科技部公布了名单。"]), "MediaOutlet")) == {"四川日报"}


def test_a_one_character_stem_is_no_name_and_a_name_starts_at_its_province(place_finder):
    ex = _extract(place_finder, ["德阳俄品多经贸有限公司、宁波均盛集团入驻,入驻单位湖北星河生物产业有限公司,"
                                 "十堰湖北星辰科技有限公司和云南湖南商会参加,全省各市均有公司。"])
    companies = set(_names(ex, "Company")) | set(_names(ex, "Association"))
    for name in ("德阳俄品多经贸有限公司", "宁波均盛集团", "湖北星河生物产业有限公司", "湖北星辰科技有限公司", "云南湖南商会"):
        assert name in companies, (name, companies)
    assert not any(n.endswith("均有公司") for n in companies), companies


def test_a_ceremony_s_verb_before_its_event_word_and_what_the_event_is_named_after(place_finder):
    ex = _extract(place_finder, ["德阳市科技企业孵化器创新联盟成立大会召开。",
                                 "近日,四川省众创空间授牌暨双创工作推进会在德阳召开。",
                                 "第十届中国创新创业大赛四川赛区暨四川创新创业大赛开幕。我市启动大会召开。"])
    events, names = set(_names(ex, "Event")), _names(ex)
    for name in ("德阳市科技企业孵化器创新联盟成立大会", "四川省众创空间授牌暨双创工作推进会",
                 "第十届中国创新创业大赛四川赛区", "四川创新创业大赛"):
        assert name in events, (name, events)
    assert names.get("德阳市科技企业孵化器创新联盟") == "Association", names
    assert not any(e.startswith(("暨", "我市")) for e in events), events


def test_the_bodies_of_every_city_are_no_one_body(place_finder):
    ex = _extract(place_finder, ["各市(州)科技局、各设区市科技局、计划单列市科技厅和驻市科技局参加,德阳市科技局局长林海涛讲话。"])
    assert set(_names(ex, "GovernmentAgency")) == {"德阳市科技局"}, _names(ex)


@pytest.mark.parametrize("sentence", ["要优化众创空间布局。", "听闻高新区发展迅速。", "大家共同商议高新区孵化器建设。",
                                      "全省首个创客汇成立。"])
def test_verbs_and_counts_before_a_kind_of_carrier_name_none(place_finder, sentence):
    assert not _names(_extract(place_finder, [sentence]), "InnovationCarrier")


def test_units_named_without_their_university_after_one_of_its_people(place_finder):
    # a university whose name sorts before its units' names (上 < 科) and one after (西 > 科)
    for school in ("上海星河大学", "西北工程大学"):
        ex = _extract(place_finder, [f"7月24日,{school}党委书记林海涛,科研处副处长、技术转移中心副主任、科技园董事长周文彬,"
                                     "党委学工部副部长、创新创业学院副院长王小明一行到访。市科技局局长郑晓东,办公室主任马文静陪同。"])
        posts = _posts(ex)
        for post in (("周文彬", "副处长", "科研处"), ("周文彬", "副主任", "技术转移中心"), ("周文彬", "董事长", "科技园"),
                     ("王小明", "副部长", "党委学工部"), ("王小明", "副院长", "创新创业学院")):
            assert post in posts, (school, post, posts)
        assert _mention(ex, "技术转移中心").attr("qualified") == school + "技术转移中心"
        assert not any(p[0] == "马文静" for p in posts), posts  # after an agency's head: no university's unit


def test_a_democratic_party_s_local_committee_and_its_posts(place_finder):
    ex = _extract(place_finder, ["德阳市政协副主席、九三学社德阳市委会主委林海涛,九三学社德阳市委会专职副主委周文彬,"
                                 "民盟四川省委副主委王小明率队调研。"])
    posts = _posts(ex)
    for post in (("林海涛", "主委", "九三学社德阳市委会"), ("林海涛", "副主席", "德阳市政协"),
                 ("周文彬", "专职副主委", "九三学社德阳市委会"), ("王小明", "副主委", "民盟四川省委")):
        assert post in posts, (post, posts)
    assert _names(ex)["九三学社德阳市委会"] == "Association" and "德阳市委" not in _names(ex)


def _addressed(place_finder, addressee: str, body: str, aid: str) -> Extraction:
    """A notice with an addressee line, through normalize and extract."""
    text = f"关于开展2022年度众创空间备案工作的通知\n\n{addressee}\n\n  {body}\n\n四川省科学技术厅\n\n2022年5月6日\n"
    return extract_article(normalize_text(text, article_id=aid), place_finder.find)


def test_the_bodies_a_notice_is_addressed_to(place_finder):
    ex = _addressed(place_finder, "各市(州)科技局,新疆生产建设兵团科技局,各有关单位:",
                    "为贯彻落实有关要求,现将备案工作有关事项通知如下。共备案众创空间30家。", "952_addressee")
    agencies = set(_names(ex, "GovernmentAgency"))
    assert "新疆生产建设兵团科技局" in agencies and not any("市(州)" in a for a in agencies), agencies
    assert [f.value for f in ex.figures] == ["30"]  # the addressee line states no figure


def test_bodies_of_a_kind_a_notice_is_addressed_to_are_no_one_body(place_finder):
    ex = _addressed(place_finder, "有关省、直辖市、计划单列市科技厅(委、局)、教育厅(委、局):",
                    "经科学技术部和教育部研究,决定认定星河大学科技园为国家大学科技园。北京市的专家参加评审。",
                    "953_addressee")
    agencies = set(_names(ex, "GovernmentAgency"))
    assert "教育厅" not in agencies and "科技厅" not in agencies, agencies  # every province's, no one's


def test_names_before_their_titles_listed_after_a_body(place_finder):
    ex = _extract(place_finder, ["西北工程大学林海涛董事长、周文彬校长、星河科技有限公司王小明总经理、郑晓东总经理、马文静教授出席。"])
    posts = _posts(ex)
    for post in (("周文彬", "校长", "西北工程大学"), ("郑晓东", "总经理", "星河科技有限公司")):
        assert post in posts, (post, posts)
    assert not any(p[0] == "马文静" for p in posts), posts  # 教授 is no rung of a company's ladder


@pytest.mark.parametrize("sentence", ["星河市议会议长林海涛出席。", "在三楼会议室召开座谈。"])
def test_a_speaker_and_a_meeting_room_are_no_meetings(place_finder, sentence):
    assert not _names(_extract(place_finder, [sentence]), "Event")


def test_a_request_and_damaged_marks_before_a_body_are_no_part_of_it(place_finder):
    ex = _extract(place_finder, ["恳请星河产业新区管理委员会支持。", "l▲高新区管委会主任林海涛作专题推介。"])
    agencies = set(_names(ex, "GovernmentAgency"))
    assert {"星河产业新区管理委员会", "高新区管委会"} <= agencies, agencies


@pytest.mark.parametrize("sentence,expected,unit,category,parent", [
    pytest.param("西北工程大学国有资产管理处(国家大学科技园管委会办公室)林海涛处长热情接待了客人,"
                 "西北工程大学科研处处长周文彬出席。",
                 {("林海涛", "处长", "西北工程大学国有资产管理处"), ("周文彬", "处长", "西北工程大学科研处")},
                 "西北工程大学科研处", "University", "西北工程大学", id="a-university-s-department-after-an-aside"),
    pytest.param("省人大教科文卫工委主任马文静、市政协经济委员会副主任林海涛陪同调研,"
                 "市政协常委陈立新、政协委员王建华先后发言。",
                 {("马文静", "主任", "省人大教科文卫工委"), ("林海涛", "副主任", "市政协经济委员会")},
                 "省人大教科文卫工委", "GovernmentAgency", "省人大", id="a-committee-of-a-congress-or-a-conference"),
])
def test_posts_in_a_unit_named_after_its_body(place_finder, sentence, expected, unit, category, parent):
    ex = _extract(place_finder, [sentence])
    assert expected <= _posts(ex), _posts(ex)
    assert (_mention(ex, unit).category, _mention(ex, unit).attr("parent")) == (category, parent)
    assert not any(m.surface.startswith("市政协常委") or "委员王" in m.surface for m in ex.mentions)


def test_spokesman_posts_and_a_bank_s_president(place_finder):
    ex = _extract(place_finder, ["省科技厅新闻发言人、副厅长周文彬介绍情况,星河银行科技支行行长林海涛表示支持。"])
    posts = _posts(ex)
    for post in (("周文彬", "新闻发言人", "省科技厅"), ("周文彬", "副厅长", "省科技厅"),
                 ("林海涛", "行长", "星河银行科技支行")):
        assert post in posts, (post, posts)


def test_a_verb_after_a_two_character_name_and_a_common_middle_character(place_finder):
    ex = _extract(place_finder, ["省市场监管局副局长周斌随同调研,市政协秘书长郑家明致词。"])
    posts = _posts(ex)
    assert ("周斌", "副局长", "省市场监管局") in posts, posts
    assert ("郑家明", "秘书长", "市政协") in posts, posts


def test_a_head_of_government_first_in_a_chain_of_posts(place_finder):
    ex = _extract(place_finder, ["甘肃省副省长、星河示范区建设领导小组副组长周文彬率调研组调研,"
                                 "湖州市副市长、市委常委林海涛陪同。"])
    posts = _posts(ex)
    assert ("周文彬", "副省长", "甘肃省副省长") in posts, posts
    assert ("林海涛", "副市长", "湖州市副市长") in posts, posts
    assert ("林海涛", "常委", "市委") in posts, posts


def test_sections_of_bodies_named_by_level_and_a_prefecture_s_commissioner(place_finder):
    ex = _extract(place_finder, ["陪同调研的还有市科技局高新科科长林海涛、市财政局经济建设科副科长王小明,"
                                 "哈密地区行署副专员周文彬,星河孵化器管理有限公司执行总经理赵立群。"])
    posts = _posts(ex)
    for post in (("林海涛", "科长", "市科技局高新科"), ("王小明", "副科长", "市财政局经济建设科"),
                 ("周文彬", "副专员", "哈密地区行署"), ("赵立群", "执行总经理", "星河孵化器管理有限公司")):
        assert post in posts, (post, posts)
    assert _mention(ex, "市科技局高新科").attr("parent") == "市科技局"


def test_a_university_s_posts_with_no_body_named_are_at_the_article_s_university(place_finder):
    ex = _extract(place_finder, ["西北工程大学与星河技工学校签约共建实训基地。",
                                 "党委副书记、校长周文彬出席,我校副校长林海涛主持。星河集团党委书记王小明致辞。"])
    posts = _posts(ex)
    for post in (("周文彬", "党委副书记", "西北工程大学"), ("周文彬", "校长", "西北工程大学"),
                 ("林海涛", "副校长", "西北工程大学")):
        assert post in posts, (post, posts)
    assert not any(p[0] == "王小明" and p[2] == "西北工程大学" for p in posts), posts


def test_a_college_s_president_is_its_院长_and_one_title_holds_a_list(place_finder):
    ex = _extract(place_finder, ["西岭学院大学生创业园近日开工。",
                                 "院长周晓磊,副院长李文涛、王瑞芬出席。西岭学院将为学生提供服务。"])
    posts = _posts(ex)
    for post in (("周晓磊", "院长", "西岭学院"), ("李文涛", "副院长", "西岭学院"), ("王瑞芬", "副院长", "西岭学院")):
        assert post in posts, (post, posts)


def test_a_university_s_院长_heads_a_school_not_the_university(place_finder):
    ex = _extract(place_finder, ["西北工程大学与星河集团签约。", "院长周晓磊出席。西北工程大学将提供场地。"])
    assert not any(p[0] == "周晓磊" and p[2] == "西北工程大学" for p in _posts(ex)), _posts(ex)


def test_a_party_committee_the_recogniser_tags_as_a_company_is_an_agency(place_finder):
    ex = _extract(place_finder, ["西岭市科技工作党委书记周文涛出席会议并致辞。"])
    assert {m.surface: m.category for m in ex.mentions}.get("西岭市科技工作党委") == "GovernmentAgency", ex.mentions


def test_a_university_named_only_as_a_visitor_to_our_school_is_not_the_article_s(place_finder):
    ex = _extract(place_finder, ["西北工程大学国家级大学科技园管委会办公室周文彬主任应邀来我校作报告,"
                                 "林海涛副校长主持了报告会。党委副书记、校长马文静出席。"])
    posts = _posts(ex)
    assert ("周文彬", "主任", "西北工程大学国家级大学科技园管委会办公室") in posts, posts
    assert not any(p[0] in ("林海涛", "马文静") and p[2] == "西北工程大学" for p in posts), posts


def test_a_town_s_head_and_party_committee(place_finder):
    ex = _extract(place_finder, ["三水区青禾镇镇长周文彬、青禾镇党委委员林海涛到创业中心调研。"])
    posts = _posts(ex)
    assert ("周文彬", "镇长", "青禾镇镇长") in posts, posts
    assert ("林海涛", "党委委员", "青禾镇党委") in posts, posts
    assert _mention(ex, "青禾镇镇长").attr("implied") == "青禾镇"


def test_a_unit_of_a_party_department_and_secretaries_listed_after_a_federation_s_head(place_finder):
    ex = _extract(place_finder, ["中共浙江省委组织部人才工作处副处长周文彬出席,省社科联郑志明副主席、王小明副秘书长致辞。"])
    posts = _posts(ex)
    assert ("周文彬", "副处长", "中共浙江省委组织部人才工作处") in posts, posts
    assert ("王小明", "副秘书长", "省社科联") in posts, posts
    assert "中共浙江省委组织部" in _names(ex, "GovernmentAgency")


def test_heads_named_after_the_name_or_after_在_an_institute_s_short_name_and_a_mayor_s_assistant(place_finder):
    ex = _extract(place_finder, ["万柏林区区长周文彬在副区长林海涛陪同下调研,黔东南州召开会议,王小明常务副州长在会上讲话。",
                                 "烟台海岸带所所长赵立群,常务副所长郑志明出席。长春市市长助理、高新区管委会主任孙立新致辞。"])
    posts = _posts(ex)
    for post in (("林海涛", "副区长", "副区长"), ("王小明", "常务副州长", "常务副州长"),
                 ("赵立群", "所长", "烟台海岸带所"), ("郑志明", "常务副所长", "烟台海岸带所"),
                 ("孙立新", "市长助理", "长春市市长助理")):
        assert post in posts, (post, posts)


def test_a_chain_of_posts_is_no_list_of_carriers(place_finder):
    ex = _extract(place_finder, ["利津县委副书记、利津经济开发区党工委书记周文彬出席。"])
    assert not any("副书记" in n for n in _names(ex, "InnovationCarrier"))
    assert ("周文彬", "副书记", "利津县委") in _posts(ex)


def test_bodies_listed_after_a_title_and_common_nouns_are_no_names(place_finder):
    ex = _extract(place_finder, ["区长周文彬在副区长林海涛、区政府办、楼宇办负责人陪同下调研。"])
    people = _names(ex, "Person")
    assert "林海涛" in people and "楼宇办" not in people, people


def test_a_zone_s_bodies_by_their_short_forms(place_finder):
    ex = _extract(place_finder, ["星河开发区工委书记、管委主任周文彬出席。"])
    posts = _posts(ex)
    assert ("周文彬", "书记", "星河开发区工委") in posts, posts
    assert any(p[0] == "周文彬" and p[1] == "主任" and p[2].endswith("管委") for p in posts), posts


def test_a_name_ends_before_the_greeting_it_gives(place_finder):
    ex = _extract(place_finder, ["会上,青川市人民政府副市长周文彬致欢迎辞,西岭县副县长林海涛致开幕词。"])
    assert {"周文彬", "林海涛"} <= set(_names(ex, "Person")), _names(ex, "Person")
    assert ("周文彬", "副市长", "青川市人民政府") in _posts(ex)


def test_a_name_between_an_organisation_and_its_title(place_finder):
    ex = _extract(place_finder, ["星河大学资产公司沙柯总经理、马文静副总经理介绍了情况。"])
    posts = _posts(ex)
    assert ("沙柯", "总经理", "星河大学资产公司") in posts
    assert ("马文静", "副总经理", "星河大学资产公司") in posts


def test_a_body_after_the_verb_of_receiving(place_finder):
    ex = _extract(place_finder, ["会上获西岭市科技创业服务中心副主任周文彬授牌。"])
    assert "西岭市科技创业服务中心" in _names(ex), _names(ex)


def test_a_name_starting_with_the_capital(place_finder):
    ex = _extract(place_finder, ["首都青禾发展战略研究院执行院长周文彬出席活动。"])
    assert ("周文彬", "执行院长", "首都青禾发展战略研究院") in _posts(ex)


def test_a_company_s_titles_opening_a_clause_are_posts_at_the_company_named_before(place_finder):
    ex = _extract(place_finder, ["调研组考察了星河创客科技园。董事长郑晓东介绍了园区的情况。",
                                 "调研组随后走进青禾科技有限公司,总经理周文彬、副总经理马文静介绍了产品。"])
    posts = _posts(ex)
    assert ("郑晓东", "董事长", "星河创客科技园") in posts
    assert ("周文彬", "总经理", "青禾科技有限公司") in posts
    assert ("马文静", "副总经理", "青禾科技有限公司") in posts


def test_the_youth_league_s_and_a_democratic_party_s_local_committees_are_associations(place_finder):
    ex = _extract(place_finder, ["活动由共青团西岭市委、西岭市科技局主办,民进青川区工委组织会员参加。"])
    names = _names(ex)
    assert names.get("共青团西岭市委") == "Association", names
    assert names.get("民进青川区工委") == "Association", names
    assert "西岭市委" not in names


@pytest.mark.parametrize("sentence, kind", [
    pytest.param("当地将建设公益性创新创业孵化器。", "公益性创新创业孵化器", id="public-interest"),
    pytest.param("论坛探讨了华东科技企业孵化器的发展路径。", "华东科技企业孵化器", id="region"),
    pytest.param("全市已建成50余家众创空间。", "50余家众创空间", id="approximate-count"),
    pytest.param("推动科研院所双创示范基地建设。", "科研院所双创示范基地", id="research-institutes"),
])
def test_kinds_of_carrier_with_a_region_or_a_count_are_no_names(place_finder, sentence, kind):
    assert kind not in _names(_extract(place_finder, [sentence]))


def test_a_name_starts_after_the_preposition_from(place_finder):
    ex = _extract(place_finder, ["会后,周文彬从星河科技产业园的选址提出建议。",
                                 "记者从青川市科技局获悉,第二期青川市孵化器从业人员培训班开班。"])
    names = _names(ex)
    assert "周文彬" in names and not any(n.startswith("周文彬从") for n in names), names
    assert "青川市科技局" in names and not any(n.startswith("记者") for n in names), names
    assert any(n.endswith("从业人员培训班") for n in names), names


def test_a_brand_with_a_middle_dot_is_no_person(place_finder):
    ex = _extract(place_finder, ["我们走进了星河·创新空间,创始人周文彬介绍了情况。热合曼·吐尔逊说,收入翻了一番。"])
    people = _names(ex, "Person")
    assert "星河·创新空间" not in people and "热合曼·吐尔逊" in people, people


def test_a_visit_the_title_tells_is_an_event_with_its_visitor(place_finder):
    ex = _extract(place_finder, ["3月5日,周文彬副市长一行来到青禾科技园,听取了园区负责人的汇报。"],
                  title="周文彬副市长一行调研青禾科技园")
    visits = [m for m in ex.mentions if m.cls == "InspectionVisit"]
    assert [v.surface for v in visits] == ["周文彬副市长一行调研青禾科技园"], visits
    assert visits[0].attr("date") == "2022-03-05"
    assert ("周文彬副市长一行调研青禾科技园", "周文彬", None) in _rels(ex, "visitor")
    meeting = _extract(place_finder, ["3月5日,周文彬副市长出席座谈会。"], title="周文彬副市长调研后召开座谈会")
    assert not [m for m in meeting.mentions if m.cls == "InspectionVisit"]


@pytest.mark.parametrize("title, label", [
    pytest.param("西岭市发改委调研青禾创孵化器", "西岭市发改委调研青禾创孵化器", id="an-agency-s-visit"),
    pytest.param("【园区要闻】西岭市发改委调研青禾创孵化器", "西岭市发改委调研青禾创孵化器", id="a-column-before"),
    pytest.param("聚焦创新 协同发展——西岭市发改委调研青禾创孵化器", "西岭市发改委调研青禾创孵化器", id="a-slogan-before"),
])
def test_a_visit_the_title_tells_of_a_body_is_led_by_the_first_person_the_body_names(place_finder, title, label):
    ex = _extract(place_finder, ["4月2日,西岭市发展改革委副主任周文彬、科长谭虹等组成的调研组到青禾创孵化器。",
                                 "孵化器总经理林海涛介绍了情况。"], title=title)
    assert [m.surface for m in ex.mentions if m.cls == "InspectionVisit"] == [label], ex.mentions
    assert (label, "周文彬", None) in _rels(ex, "visitor")
    hosted = _extract(place_finder, ["4月2日,在孵化器总经理林海涛陪同下,调研组到青禾创孵化器调研。"], title=title)
    assert not [m for m in hosted.mentions if m.cls == "InspectionVisit"]  # a host leads no visit


@pytest.mark.parametrize("sentence, label", [
    pytest.param("2023年3月5日,周文彬副市长一行调研青禾科技园。", "周文彬副市长一行调研青禾科技园", id="title-after-name"),
    pytest.param("2023年3月5日,周文彬在西岭市考察科技创新工作。", "周文彬在西岭市考察科技创新工作", id="in-a-place"),
    pytest.param("周文彬率调研组赴青禾科技园考察调研 西岭区工委 马文静 2023年3月5日10:09", "周文彬率调研组赴青禾科技园考察调研",
                 id="a-line-running-on-into-its-byline"),
])
def test_visits_with_the_visitor_s_title_after_the_name_or_in_a_place(place_finder, sentence, label):
    ex = _extract(place_finder, [sentence])
    assert [m.surface for m in ex.mentions if m.cls == "InspectionVisit"] == [label]


def test_an_association_joining_two_fields(place_finder):
    ex = _extract(place_finder, ["西岭省科技创业与孵化促进会副理事长周文彬、政策调研与统计处处长马文静出席。"])
    assert ("周文彬", "副理事长", "西岭省科技创业与孵化促进会") in _posts(ex), _posts(ex)
    assert not any(n.startswith("与") for n in _names(ex)), _names(ex)


def test_a_body_the_article_speaks_as_is_the_one_of_its_kind_it_names_most(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["省科技厅与星河创投集团座谈。星河创投集团是国有企业。",
                                 "我集团党委书记、董事长周文彬,总经理马文静出席会议。"])
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    assert "星河创投集团" in names and "我集团" not in names, names
    posts = _resolved_posts(res)
    assert ("周文彬", "董事长", "星河创投集团") in posts and ("马文静", "总经理", "星河创投集团") in posts, posts


@pytest.mark.parametrize("sentence, event", [
    pytest.param("2021年星河科技企业孵化器从业人员培训班在青川开班。", "2021年星河科技企业孵化器从业人员培训班", id="year-kept"),
    pytest.param("这标志着2021年大众创业万众创新活动周正式启动。", "2021年大众创业万众创新活动周", id="marks"),
    pytest.param("省人社厅联合相关部门主办“星河杯”创业创新大赛。", "“星河杯”创业创新大赛", id="organised-by"),
])
def test_event_names_start_at_their_year_and_after_the_verb_before_them(place_finder, sentence, event):
    names = _names(_extract(place_finder, [sentence]), "Event")
    assert event in names, names


def test_a_report_is_no_newspaper(place_finder):
    ex = _extract(place_finder, ["“星河之星”授牌仪式暨创业指导报告会议在青川县举行。"])
    assert not any(n.endswith("指导报") for n in _names(ex)), _names(ex)


def test_the_autonomous_region_s_vice_chairman_and_a_committee_named_with_its_level_twice(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["自治区副主席周文彬、副市长林海涛陪同考察团考察桂林。",
                                 "玉林市市委常委、副市长马文静致开幕词。"], title="考察团考察桂林")
    res = resolve([ex], gazetteer, resolve_place)
    posts = _resolved_posts(res)
    assert ("周文彬", "副主席", "广西壮族自治区人民政府") in posts, posts
    assert ("马文静", "常委", "中共玉林市委") in posts, posts


def test_a_brand_before_its_head_s_title_starts_after_the_verb_of_listing(place_finder):
    ex = _extract(place_finder, ["出席本次会议的专家有星河战略咨询董事长周文彬、常务副总经理马文静。"])
    assert ("周文彬", "董事长", "星河战略咨询") in _posts(ex), _posts(ex)
    assert ("马文静", "常务副总经理", "星河战略咨询") in _posts(ex), _posts(ex)


@pytest.mark.parametrize("sentence, carrier", [
    pytest.param("省科技厅公布了名单,眉县的聚青禾众创空间名列其中。", "聚青禾众创空间", id="verb-like-brand"),
    pytest.param("调研组一行到NOVA+众创空间视察指导。", "NOVA+众创空间", id="latin-brand-with-plus"),
])
def test_brands_of_carriers_with_a_verb_character_or_a_latin_name(place_finder, sentence, carrier):
    assert carrier in _names(_extract(place_finder, [sentence]), "InnovationCarrier")


def test_a_carrier_planned_for_recognition_is_a_kind(place_finder):
    ex = _extract(place_finder, ["现将拟备案省级科技企业孵化器名单予以公示。"])
    assert not _names(ex, "InnovationCarrier"), _names(ex)


def test_a_reporter_after_the_dateline_even_with_a_place_in_the_name(place_finder):
    ex = _extract(place_finder, ["星河网西岭4月18日电(林海涛)记者从西岭市获悉,当地返乡创业成效明显。",
                                 "青禾发布网讯(王昌吉)近日,省里新认定省级众创空间56家。"])
    people = _names(ex, "Person")
    assert {"林海涛", "王昌吉"} <= set(people), people
    assert "昌吉回族自治州" not in _names(ex) and "昌吉" not in _names(ex), _names(ex)


def test_a_host_named_between_in_and_a_title(place_finder):
    ex = _extract(place_finder, ["在沙柯主任的热情接待下,观摩团一行参观了孵化平台。",
                                 "(星河社记者周文彬西岭21日电)青禾创新创业中心在西岭成立。"])
    assert "沙柯" in _names(ex, "Person"), _names(ex)
    assert "青禾创新创业中心" in _names(ex), _names(ex)


@pytest.mark.parametrize("sentence", [
    pytest.param("西岭省高度重视科技企业孵化器建设工作。", id="idiom"),
    pytest.param("青川有国家级科技企业孵化器30家。", id="has"),
    pytest.param("新区主要从事大学科技园建设。", id="engaged-in"),
])
def test_a_carrier_kind_after_the_verb_of_its_sentence_is_no_name(place_finder, sentence):
    assert not _names(_extract(place_finder, [sentence]), "InnovationCarrier")


def test_a_name_before_a_bracket_keeps_its_verb(place_finder):
    ex = _extract(place_finder, ["星河联合(青禾)创客邦创新创业孵化基地运营良好。"])
    assert "星河联合(青禾)创客邦创新创业孵化基地" in _names(ex, "InnovationCarrier"), _names(ex)


def test_a_unit_of_an_institution_is_an_institution_and_an_address_ends_before_a_name(place_finder):
    ex = _extract(place_finder, ["星河生产力促进中心孵化器管理处处长周文彬出席。",
                                 "材料报送至青川市生产力促进中心。地址:青川市人民大道200号青川市科技创业中心。"])
    names = _names(ex)
    assert names.get("星河生产力促进中心孵化器管理处") == "PublicInstitution", names
    assert "青川市生产力促进中心" in names and "青川市科技创业中心" in names, names
    assert not any(n.startswith(("至", "报送")) or "200号" in n for n in names), names


def test_a_title_of_another_ladder_after_a_head_of_government_is_not_the_government_s(place_finder):
    ex = _extract(place_finder, ["副市长周文彬、副局长马文静赴青禾科技园考察调研。"])
    assert not any(p[0] == "马文静" for p in _posts(ex)), _posts(ex)


def test_a_post_held_before_and_a_body_named_with_its_second_name(place_finder):
    ex = _extract(place_finder, ["青禾创新学院院长、西岭大学原副校长周文彬,西岭市投资促进服务中心(西岭市企业上市促进中心)"
                                 "副主任林海涛分别致辞。"], title="西岭双创活动启动")
    posts = _posts(ex)
    assert ("周文彬", "院长", "青禾创新学院") in posts and ("周文彬", "副校长", "西岭大学") in posts, posts
    assert ("林海涛", "副主任", "西岭市投资促进服务中心") in posts, posts


def test_a_kind_of_body_named_alone_before_a_title_is_the_article_s_one_body_of_that_kind(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["观摩团来到国家级孵化器-西岭高新技术创业服务中心。西岭高新技术创业服务中心成立于2001年。",
                                 "大家与中心副主任马文静展开交流。会议由科技园主任、星河科技园发展有限公司董事长周文彬主持,"
                                 "西岭大学国家大学科技园的团队参加。"])
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("马文静", "副主任", "西岭高新技术创业服务中心") in posts, posts
    assert ("周文彬", "主任", "西岭大学国家大学科技园") in posts, posts
    assert ("周文彬", "董事长", "星河科技园发展有限公司") in posts, posts
    none = _extract(place_finder, ["会上,中心副主任林海涛介绍了情况。"])
    res = resolve([none], gazetteer, resolve_place)
    assert not _resolved_posts(res) and "中心" not in {e.name for e in res.entities.values()}


def test_ranks_councils_and_a_league_s_head(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["科技部火炬中心四级职员周文彬、孵化器管理处有关负责同志一行深入青禾科技、星河量子等企业调研。",
                                 "阿拉善盟委副书记、盟长马文静出席开幕式,西岭市议会议长林海涛、中国工程院院士、"
                                 "星河大学讲席教授赵明远致辞。"], title="阿拉善盟举办沙产业展示会")
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("周文彬", "四级职员", "科学技术部火炬高技术产业开发中心") in posts, posts
    assert ("马文静", "盟长", "阿拉善盟行政公署") in posts, posts
    assert ("林海涛", "议长", "西岭市议会") in posts, posts
    assert ("赵明远", "讲席教授", "星河大学") in posts and ("赵明远", "院士", "中国工程院") in posts, posts
    assert "周文彬" not in _names(ex, "Company")


def test_a_zone_s_committees_named_short_before_their_titles(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["西岭开发区工委书记、管委主任周文彬,工委副书记、管委副主任马文静参加了会议。"])
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    # the short forms named with the zone and alone are one committee each, by its full name
    assert {("周文彬", "书记", "西岭开发区党工委"), ("马文静", "副书记", "西岭开发区党工委"),
            ("周文彬", "主任", "西岭开发区管理委员会"), ("马文静", "副主任", "西岭开发区管理委员会")} <= posts, posts


def test_a_zone_s_head_named_with_the_zone_is_at_its_committee(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["西岭经开区周文彬主任详细介绍了园区区位条件。",
                                 "青禾高新区马文静书记介绍了情况。"])
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("周文彬", "主任", "西岭经济技术开发区管理委员会") in posts, posts
    assert ("马文静", "书记", "青禾高新技术产业开发区党工委") in posts, posts
    assert not any(org.endswith(("经开区", "高新区")) for _p, _r, org in posts), posts


def test_rare_surnames_and_an_institute_s_party_secretary_listed_after_its_heads(place_finder):
    ex = _extract(place_finder, ["省政府副秘书长种润之、西岭海岸带研究所所长王凡,常务副所长杨红生,党委副书记卫京参加会议。"])
    posts = _posts(ex)
    assert ("种润之", "副秘书长", "省政府") in posts, posts
    assert ("卫京", "党委副书记", "西岭海岸带研究所") in posts, posts
    bureau = _extract(place_finder, ["西岭市科技局局长王凡,党委副书记杨红生参加会议。"])
    assert not [p for p in _posts(bureau) if p[0] == "杨红生"], _posts(bureau)  # a bureau's is the ladder's only


def test_a_name_before_当选_is_a_name_and_the_post_elected_to_is_one_more(place_finder):
    ex = _extract(place_finder, ["会上,西岭大学科技园管委会主任葛朝阳当选为西岭市科技企业孵化器协会副理事长。"])
    posts = _posts(ex)
    assert ("葛朝阳", "主任", "西岭大学科技园管委会") in posts, posts
    assert ("葛朝阳", "副理事长", "西岭市科技企业孵化器协会") in posts, posts


def test_an_opening_ceremony_of_a_county(place_finder, gazetteer):
    # A contest joined to a carrier's opening (…大赛暨某中心开园仪式), an academy institute
    # and a college by the press's short names, a vice head of the county after 由.
    ex = _extract(place_finder, [
        "7月27日，大英县举行首届“创业在大英”大赛暨青禾孵化中心开园仪式。中科院光电所副所长周文彬出席。",
        "西岭师院党委书记马文静致辞，开园仪式由副县长王建华主持。"], title="大英县青禾孵化中心开园")
    names = _names(ex)
    assert names["青禾孵化中心"] == "TechnologyBusinessIncubator" and names["首届“创业在大英”大赛"] == "Competition"
    assert names["中科院光电所"] == "ResearchInstitute" and names["西岭师院"] == "University"
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("王建华", "副县长", "遂宁市大英县人民政府") in posts, posts
    assert ("周文彬", "副所长", "中国科学院光电所") in posts


def test_a_carrier_s_managers_listed_with_their_posts_after_their_names(place_finder):
    ex = _extract(place_finder, ["星河大学科技园周文彬总经理、林海涛副总经理、马文静经理一行来访。",
                                 "青禾科技园陈立新主任、王建华经理出席。"])
    posts = _posts(ex)
    assert {("周文彬", "总经理", "星河大学科技园"), ("林海涛", "副总经理", "星河大学科技园"),
            ("马文静", "经理", "星河大学科技园"), ("陈立新", "主任", "青禾科技园"),
            ("王建华", "经理", "青禾科技园")} <= posts, posts


def test_bodies_listed_after_one_named_by_level_share_its_level(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, [
        "自治区人民政府副主席周文彬率区工信厅、科技厅负责人到武鸣考察，武鸣区委常委林海涛、"
        "开发区管委会副主任马文静和区发改局、科技局负责人陪同。"], title="广西自治区领导到武鸣区考察孵化器")
    assert not any("马文静" in m.surface for m in ex.mentions if m.category != "Person")
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert {"广西壮族自治区工业和信息化厅", "广西壮族自治区科学技术厅", "南宁市武鸣区发展和改革局",
            "南宁市武鸣区科学技术局"} <= names, names
    assert ("马文静", "副主任", "开发区管委会") in _posts(ex)


def test_departments_listed_after_a_place_s_one_and_a_bare_department_of_a_province(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["博览会由锡林郭勒盟行署主办，锡林郭勒盟科技局、农牧局和林草局协办。",
                                 "自治区人大副主任、科技厅厅长周文彬致辞。"], title="锡林郭勒盟举办创业博览会")
    res = resolve([ex], gazetteer, resolve_place)
    names = {e.name for e in res.entities.values()}
    assert {"锡林郭勒盟科学技术局", "锡林郭勒盟农牧局", "锡林郭勒盟林业和草原局", "锡林郭勒盟行政公署"} <= names, names
    assert ("周文彬", "厅长", "内蒙古自治区科学技术厅") in _resolved_posts(res)


def test_a_district_s_bodies_after_a_list_number_and_by_their_short_names(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["温江区政协组织委员走访青禾众创空间，听取区科信局情况介绍。",
                                 "委员们提出：1.完善孵化服务；2.区政府要出台扶持措施。"], title="温江区政协委员走访众创空间",
                  meta="2019-04-02 09:30  来源:成都日报")
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert {"成都市温江区人民政府", "成都市温江区科学技术和信息化局"} <= names, names


def test_a_department_before_its_staff(place_finder):
    ex = _extract(place_finder, ["省科技厅创新创业处相关人员和各地孵化器负责人出席，市科技局高新科工作人员陪同。"])
    units = {m.surface: m.attr("parent") for m in ex.mentions if m.attr("parent")}
    assert units.get("省科技厅创新创业处") == "省科技厅", units


def test_heads_of_two_colleges_in_one_sentence(place_finder):
    ex = _extract(place_finder, ["西岭城市学院校长周文彬，星河体育学院院长林海涛出席。西岭大学校长马文静，创新创业学院院长陈立新出席大会。"])
    posts = _posts(ex)
    assert ("林海涛", "院长", "星河体育学院") in posts, posts
    unit = _mention(ex, "创新创业学院")
    assert unit.attr("qualified") == "西岭大学创新创业学院"
    assert not _mention(ex, "星河体育学院").attr("qualified")


def test_departments_of_governments_and_ministries_by_their_names(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["论坛由工信部中小企业局指导，甘肃省中小企业局主办，商务部支持。"])
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert {"中华人民共和国工业和信息化部中小企业局", "甘肃省中小企业局", "中华人民共和国商务部"} <= names, names


def test_an_association_named_by_its_kind_before_one_of_its_people(place_finder):
    ex = _extract(place_finder, ["西岭省创新创业科技服务促进会副会长王建华，促进会秘书长刘芳芳分别作了讲座。"])
    anaphor = _mention(ex, "促进会")
    assert anaphor.attr("qualified") == "西岭省创新创业科技服务促进会"
    assert ("刘芳芳", "秘书长", "促进会") in _posts(ex)


def test_a_name_listed_before_a_person_s_is_a_person_s_even_where_it_is_also_a_word(place_finder):
    ex = _extract(place_finder, ["市领导马文静、陈立新陪同调研。",
                                 "座谈会邀请了周边、白领、林海涛等参加。"])
    people = set(_names(ex, "Person"))
    assert {"马文静", "陈立新", "林海涛"} <= people, people
    assert "白领" not in people and "周边" not in people, people


def test_a_short_name_given_in_brackets_and_departments_listed_after_a_city_s(place_finder):
    ex = _extract(place_finder, ["市双创联席会议办公室(以下简称联席办)会同市科技局、工信委组织专家评审。"])
    agencies = _names(ex, "GovernmentAgency")
    assert "工信委" in agencies and _mention(ex, "工信委").attr("relative") == "市", agencies
    assert not any(name.startswith(("简称", "以下简称")) or name == "联席办" for name in agencies), agencies


def test_a_zone_s_committee_listed_after_its_party_committee_and_a_unit_named_after_a_title(place_finder):
    ex = _extract(place_finder, ["座谈会上,绵阳高新区党委副书记、管委会主任周文彬介绍了基本情况。",
                                 "市政府参事室党组书记、主任林海涛会见调研组一行。"])
    posts = _posts(ex)
    assert ("周文彬", "主任", "管委会") in posts and _mention(ex, "管委会").attr("qualified") == "绵阳高新区管委会", posts
    assert ("林海涛", "主任", "市政府参事室") in posts, posts


def test_heads_titles_run_into_their_body_s_name(place_finder):
    ex = _extract(place_finder, ["宝鸡市长周文彬、劳动就业局长林海涛皆出席活动。"])
    posts = _posts(ex)
    assert ("周文彬", "市长", "宝鸡市长") in posts and _mention(ex, "宝鸡市长").attr("implied") == "宝鸡", posts
    assert ("林海涛", "局长", "劳动就业局") in posts, posts
    assert "林海涛" in _names(ex, "Person")


def test_a_name_with_a_middle_dot_is_a_person_s_unless_a_brand_s(place_finder):
    ex = _extract(place_finder, ["艾力·买买提出席活动,热合曼·吐尔逊表示要做好服务。西岭·梦工场和青禾·创客汇同日开业。"])
    people = set(_names(ex, "Person"))
    assert {"艾力·买买提", "热合曼·吐尔逊"} <= people, people
    assert not any("梦工场" in p or "创客汇" in p for p in people), people


def test_posts_given_beside_the_name_in_brackets_between_commas_or_after_的(place_finder):
    ex = _extract(place_finder, ["活动由宝鸡市科技局的周文彬局长主持。林海涛(宝鸡市科技局副局长)介绍了情况。",
                                 "马文静,星河科技有限公司总经理,在会上发言。陈立新,青禾科技有限公司总经理王建华也出席。"])
    posts = _posts(ex)
    for post in (("周文彬", "局长", "宝鸡市科技局"), ("林海涛", "副局长", "宝鸡市科技局"),
                 ("马文静", "总经理", "星河科技有限公司"), ("王建华", "总经理", "青禾科技有限公司")):
        assert post in posts, (post, posts)
    assert not any(p[0] == "陈立新" for p in posts), posts


def test_tibetan_and_mongolian_names_after_a_title(place_finder):
    ex = _extract(place_finder, ["拉萨市副市长格桑德吉、市科技局局长旦增平措陪同调研,盟科技局局长孟克巴雅尔介绍情况。"],
                  title="西藏双创工作简讯")
    posts = _posts(ex)
    for post in (("格桑德吉", "副市长", "拉萨市副市长"), ("旦增平措", "局长", "市科技局"), ("孟克巴雅尔", "局长", "盟科技局")):
        assert post in posts, (post, posts)


@pytest.mark.parametrize("sentence, name", [
    pytest.param("自治区党委常委那顺孟和出席会议。", "那顺孟和", id="a-surname-first-and-和-last"),
    pytest.param("副州长多杰才让讲话。", "多杰才让", id="tibetan"),
])
def test_a_minority_name_of_two_parts_is_read_whole(place_finder, sentence, name):
    assert name in _names(_extract(place_finder, [sentence]), "Person")


def test_a_democratic_party_s_committee_named_by_level_is_no_communist_party_committee(place_finder):
    ex = _extract(place_finder, ["民进市委专职副主委周文彬、林海涛和民进市委秘书长马文静参加调研。"])
    committee = _mention(ex, "民进市委")
    assert committee.category == "Association" and not committee.attr("qualified"), committee
    assert ("马文静", "秘书长", "民进市委") in _posts(ex)


def test_a_university_s_own_party_posts_and_units_written_with_校_and_a_youth_league_committee(place_finder):
    ex = _extract(place_finder, ["星河大学创新创业基地授牌仪式举行。校党委副书记、副校长周文彬,绍兴团市委书记林海涛出席。",
                                 "星河大学科技园建设加快,校学工处处长马文静陪同调研。"])
    posts = _posts(ex)
    assert ("周文彬", "党委副书记", "星河大学") in posts and ("周文彬", "副校长", "星河大学") in posts, posts
    assert _mention(ex, "校学工处").attr("qualified") == "星河大学学工处"
    assert _mention(ex, "绍兴团市委").attr("qualified") == "共青团绍兴市委"


def test_a_congress_s_leaders_listed_by_post_and_a_procurator_attending(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["市人大常委会举行第三十次会议。市人大常委会主任周文彬,副主任、党组书记林海涛,"
                                 "副主任马文静、陈立新,秘书长王建华参加会议,副市长刘芳芳,市检察院检察长张国强列席会议。"],
                  title="湖州市人大常委会举行会议")
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    for post in (("周文彬", "主任", "湖州市人民代表大会常务委员会"), ("林海涛", "党组书记", "湖州市人民代表大会常务委员会"),
                 ("陈立新", "副主任", "湖州市人民代表大会常务委员会"), ("王建华", "秘书长", "湖州市人民代表大会常务委员会"),
                 ("张国强", "检察长", "湖州市检察院")):
        assert post in posts, (post, posts)
    assert not any("检察" in e for e in _names(ex, "Event")), _names(ex, "Event")  # (…检察长某某列席会议: no meeting)


def test_a_county_committee_s_office_by_level_and_a_bare_government_named_by_no_place(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["平原新闻网讯（平原融媒记者 周文彬）县人大常委会副主任、县委办公室主任林海涛陪同调研。",
                                 "在副市长马文静,政府秘书长陈立新陪同下考察。"], title="平原县调研现代农业产业园")
    res = resolve([ex], gazetteer, resolve_place)
    assert ("林海涛", "主任", "中共德州市平原县委办公室") in _resolved_posts(res), _resolved_posts(res)
    names = {e.name for e in res.entities.values()}
    assert "政府" not in names and "平原融媒" not in names, names
    assert "周文彬" in names, names


def test_a_post_spelt_out_in_capitals_at_a_carrier_named_after_正如(place_finder):
    ex = _extract(place_finder, ["正如青禾众创空间创始人兼C E O周文彬所言，这个行业有进有出。"])
    assert ("周文彬", "CEO", "青禾众创空间") in _posts(ex), _posts(ex)


def test_a_company_s_name_starts_after_the_kind_of_company_it_is_called(place_finder):
    names = _names(_extract(place_finder, ["园区高成长型星河科技股份有限公司发展潜力很高。"]), "Company")
    assert "星河科技股份有限公司" in names, names


def test_western_names_span_their_transcription_characters_and_a_verb_with_its_particle_is_no_name(place_finder):
    ex = _extract(place_finder, ["联合王国副首相约翰·普雷斯科特将于7月1日来访。三名暴徒将黑人詹姆斯·伯德捆绑。",
                                 "青禾村委会主任商量过，决定承包土地。星河公司总经理满意地说，订单很多。"])
    people = set(_names(ex, "Person"))
    assert {"约翰·普雷斯科特", "詹姆斯·伯德"} <= people, people
    assert not people & {"商量过", "满意地"}, people


def test_a_report_s_opening_names_its_reporters_before_报道(place_finder):
    ex = _extract(place_finder, ["本报青川五月十五日电记者周文彬、林海涛报道：星河众创空间今天开业。"])
    assert {("article", "周文彬", None), ("article", "林海涛", None)} <= _rels(ex, "creator"), _rels(ex, "creator")


def test_a_name_the_recogniser_and_the_dictionary_both_read_as_a_person_s(place_finder):
    people = set(_names(_extract(place_finder, ["日本队教练冈田武史说，很遗憾没进球。"]), "Person"))
    assert "冈田武史" in people, people


def test_financial_regulators_named_short_are_the_national_bodies_and_大学习_is_no_university(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["保监会扩大学习范围。央行联合银监会发文支持星河众创空间。许多法院对此作出判决。"])
    names = {e.name: e.cls for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    for name in ("中国人民银行", "中国银行业监督管理委员会", "中国保险监督管理委员会"):
        assert names.get(name) == "GovernmentAgency", names
    assert not any(n.endswith(("大学", "法院")) for n in names), names


def test_bodies_named_bare_in_a_list_of_a_city_s_leaders_are_the_city_s(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["活动在聊城市东昌宾馆举行。市委常委、总工会主席周文彬，人大副主任林海涛、政府副市长马文静出席。",
                                 "市委常委妇联主席陈立新致辞。"], title="聊城市创业活动举行")
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    for post in (("周文彬", "主席", "聊城市总工会"), ("马文静", "副市长", "聊城市人民政府"), ("陈立新", "主席", "聊城市妇联")):
        assert post in posts, (post, posts)
    assert ("林海涛", "副主任", "聊城市人民代表大会常务委员会") in posts, posts


@pytest.mark.parametrize("sentence, person, absent", [
    pytest.param("星河集团常务副董事长兼总经理寿柏年为首的团队出席。", "寿柏年", (), id="given-name-ending-in-年"),
    pytest.param("青禾大学樊富珉教授任执行负责人。", "樊富珉", ("任执行",), id="任-the-verb"),
    pytest.param("星河区副区长任建国出席。", "任建国", (), id="任-the-surname"),
    pytest.param("星河集团副总经理方总出席,任何一位专家都不可能知道。", None, ("方总", "方总出席", "都不", "都不可能"),
                 id="an-address-and-an-adverb"),
    pytest.param("美国当选总统奥巴马既肩负重担。", "奥巴马", (), id="a-rare-word-after-a-title"),
])
def test_names_read_after_a_title(place_finder, sentence, person, absent):
    people = set(_names(_extract(place_finder, [sentence]), "Person"))
    assert person is None or person in people, people
    assert not people & set(absent), people


def test_a_standing_post_of_any_kind(place_finder):
    ex = _extract(place_finder, ["星河集团常务副董事长兼总经理周文彬出席。"])
    assert {("周文彬", "常务副董事长", "星河集团"), ("周文彬", "总经理", "星河集团")} <= _posts(ex), _posts(ex)


def test_a_zone_s_committee_named_by_its_county_s_level_is_the_county_s(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["经县科技局组织，县工业园区管理委员会推荐申报，区块链产业协会参加评审。"],
                  title="姚安县启动星创天地建设")
    names = {e.name for e in resolve([ex], gazetteer, resolve_place).entities.values()}
    assert any(n.endswith("姚安县工业园区管理委员会") for n in names), names
    assert not any(n.endswith("县区块链产业协会") for n in names), names


def test_a_town_s_head_listed_after_its_party_secretary_holds_no_post_at_the_committee(place_finder):
    posts = _posts(_extract(place_finder, ["青禾镇党委书记李红梅、镇长赵志刚介绍了情况。"]))
    assert ("李红梅", "党委书记", "青禾镇党委") in posts, posts
    assert not any(p[0] == "赵志刚" and p[2].endswith("党委") for p in posts), posts


def test_a_firm_s_region_between_its_name_and_a_post(place_finder):
    posts = _posts(_extract(place_finder, ["星河地产华北区董事总经理周文彬、青禾科技中国区总裁林海涛出席。"]))
    assert {("周文彬", "董事总经理", "星河地产"), ("林海涛", "总裁", "青禾科技")} <= posts, posts


def test_a_group_of_an_agency_named_before_its_leader_s_title(place_finder):
    ex = _extract(place_finder, ["省科技厅专家组副组长周文彬、省科技厅调研组一行到访星河众创空间。"])
    assert ("周文彬", "副组长", "省科技厅专家组") in _posts(ex), _posts(ex)
    assert ("省科技厅专家组", "省科技厅", None) in _rels(ex, "subOrganizationOf"), _rels(ex, "subOrganizationOf")
    assert "省科技厅调研组" not in _names(ex), _names(ex)


def test_a_unit_listed_after_a_sibling_unit_s_head_is_a_unit_of_the_same_body(place_finder, gazetteer):
    ex = _extract(place_finder, ["科技部火炬中心孵化器管理处处长刘芳芳、政策调研与统计处处长张国强出席会议。"
                                 "统计处处长孙海波主持。"])
    posts = _posts(ex)
    assert ("张国强", "处长", "政策调研与统计处") in posts, posts  # the whole name, 调研 and 统计 though verbs
    assert ("孙海波", "处长", "统计处") in posts, posts
    from sckg.link import resolve_place
    from sckg.resolve import resolve
    res = resolve([ex], gazetteer, resolve_place)
    assert ("张国强", "处长", "科学技术部火炬高技术产业开发中心政策调研与统计处") in _resolved_posts(res)


def test_a_unit_named_before_its_head_s_name_and_title(place_finder):
    ex = _extract(place_finder, ["市科技局周文彬副局长一行到星河众创空间调研。高新科林海涛科长陪同。"])
    posts = _posts(ex)
    assert ("林海涛", "科长", "高新科") in posts, posts  # not 海涛 after a unit 高新科林
    assert ("周文彬", "副局长", "市科技局") in posts, posts


def test_a_kind_of_company_and_a_verb_before_a_park_name_no_body(place_finder):
    ex = _extract(place_finder, ["星河科技孵化器有限公司是西岭首家孵化器公司,将为科技孵化器项目提供园区顾问1名、主任1名。"])
    companies = {m.surface for m in ex.mentions if m.category == "Company"}
    assert companies == {"星河科技孵化器有限公司"}, companies  # 孵化器公司: a kind of company
    assert not any(f.subject and "提供" in f.subject for f in ex.figures), ex.figures


def test_a_head_named_before_a_verb_of_attending_and_a_city_s_office_named_by_level(place_finder):
    ex = _extract(place_finder, ["会议由市政府副秘书长林海涛主持,副市长马文静参会并作重要讲话。",
                                 "启动仪式上,市创业办主任、市经委主任王建华宣读了决定。"])
    posts = _posts(ex)
    assert ("马文静", "副市长", "副市长") in posts, posts  # (the city's government, implied by the title)
    office = next(m for m in ex.mentions if m.surface == "市创业办")
    assert office.attr("relative") == "市", office


@pytest.mark.parametrize("sentence, rank, body", [
    ("会议由平乡县发改局正科职级周文彬主持。", "正科职级", "平乡县发改局"),
    ("市科技局四级主任科员林海涛介绍了申报要求。", "四级主任科员", "市科技局"),
])
def test_a_civil_servant_s_rank_after_the_body_is_read_as_a_post(place_finder, sentence, rank, body):
    posts = _posts(_extract(place_finder, [sentence]))
    assert any(p[1] == rank and p[2] == body for p in posts), posts


def test_a_body_after_a_form_s_name_or_a_verb_of_sending_starts_at_its_own_name(place_finder):
    ex = _extract(place_finder, ["材料报送市科技局审核，附件:2、审查推荐表西岭市科学技术局。"])
    names = _names(ex, "GovernmentAgency")
    assert "市科技局" in names and "西岭市科学技术局" in names, names
    assert not any(n.startswith(("材料", "审查")) for n in names), names


def test_the_people_of_a_notice_s_contact_lines_under_their_units(place_finder):
    ex = _extract(place_finder, ["联系人：", "省科技厅成区处 周文彬、林海涛；电话：027-87135795；",
                                 "省信息院评估中心 马文静；电话：027-87302938；"])
    assert {"周文彬", "林海涛", "马文静"} <= set(_names(ex, "Person")), _names(ex)


def test_a_company_speaking_of_itself_names_no_company(place_finder):
    ex = _extract(place_finder, ["副市长周文彬来我公司调研，本公司负责人林海涛陪同。"],
                  title="副市长来我公司调研众创空间开展情况")
    assert not _names(ex, "Company"), _names(ex, "Company")


def test_a_city_s_committee_written_after_the_city_s_full_name_and_a_mentor_s_post(place_finder):
    ex = _extract(place_finder, ["项城市市委副书记、市长周文彬来到星河众创空间，空间常驻创业导师林海涛陪同。",
                                 "星河众创空间常驻创业导师马文静介绍了情况。"])
    committee = _mention(ex, "项城市市委")
    assert committee.attr("qualified") == "中共项城市委", committee
    assert ("马文静", "常驻创业导师", "星河众创空间") in _posts(ex), _posts(ex)


def test_a_youth_league_s_city_committee_holds_its_secretary_s_post(place_finder):
    posts = _posts(_extract(place_finder, ["团嘉兴市委书记王建华出席并颁奖。"]))
    assert ("王建华", "书记", "团嘉兴市委") in posts, posts


def test_a_post_and_its_holder_are_no_body_and_a_body_s_name_is_no_listed_person(place_finder):
    ex = _extract(place_finder, ["姚安县副县长周文彬带领县科技局局长林海涛调研。",
                                 "在区科技局局长林海涛、区科技产业推进办公室主任马文静等陪同下调研。"])
    assert not any("周文彬" in n for n in _names(ex) if n != "周文彬"), _names(ex)
    assert set(_names(ex, "Person")) == {"周文彬", "林海涛", "马文静"}, _names(ex, "Person")


def test_one_person_s_post_groups_with_a_comma_between(place_finder):
    posts = _posts(_extract(place_finder, ["河北省科技厅党组成员、副厅长,省科技企业孵化器协会理事长林海涛出席。",
                                           "市科技局局长周文彬,市孵化器协会理事长马文静出席。"]))
    assert {("林海涛", "副厅长", "河北省科技厅"), ("林海涛", "理事长", "省科技企业孵化器协会")} <= posts, posts
    assert not any(p[0] == "马文静" and p[1] == "局长" for p in posts), posts  # another's post, its holder named


def test_a_zone_s_party_committee_written_right_after_the_zone(place_finder):
    posts = _posts(_extract(place_finder, ["汕头高新区党委副书记、管委会主任林海涛介绍了高新区的基本情况。"]))
    assert ("林海涛", "党委副书记", "汕头高新区党委") in posts, posts


@pytest.mark.parametrize("sentence, post", [
    pytest.param("会议宣布王建华为州科学技术局局长。", ("王建华", "局长", "甘孜藏族自治州科学技术局"), id="宣布某某为"),
    pytest.param("南京工业大学副校长周文彬来扬州大学作报告。", ("周文彬", "副校长", "南京工业大学"), id="来-before-a-school"),
    pytest.param("南京工业大学国家大学科技园管委会办公室周文彬主任作报告。",
                 ("周文彬", "主任", "南京工业大学国家大学科技园管理委员会办公室"), id="a-school-s-office-keeps-its-name"),
])
def test_appointed_visiting_and_school_office_posts(place_finder, gazetteer, sentence, post):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, [sentence], title="甘孜州与南京工业大学开展交流", meta="2023-07-15 10:00  来源:甘孜日报")
    res = resolve([ex], gazetteer, resolve_place)
    assert post in _resolved_posts(res), _resolved_posts(res)
    assert not any("来" in e.name or e.name.startswith("研究") or e.name.startswith("南京市")
                   for e in res.entities.values() if e.category not in ("Person", "Place")), sorted(e.name for e in res.entities.values())


def test_a_verb_before_a_zone_in_a_title_is_no_part_of_its_name(place_finder):
    ex = _extract(place_finder, ["7月15日，内江市副市长周文彬调研高新区。"], title="内江市副市长周文彬视察孵化器并研究高新区工作")
    assert not any(m.surface.startswith("研究") for m in ex.mentions if m.category == "InnovationCarrier"), _names(ex)


@pytest.mark.parametrize("body, title, post", [
    pytest.param("广东省科技厅周文彬副厅长一行与汕尾市林海涛副市长座谈交流。", "周文彬副厅长带队到汕尾调研",
                 ("林海涛", "副市长", "汕尾市人民政府"), id="a-city-a-name-and-its-head-s-title"),
    pytest.param("徐州市科技局专家组来到徐州青禾学院考察。学院党委书记王建华、副院长刘芳芳陪同考察。", "专家来青禾学院考察",
                 ("刘芳芳", "副院长", "徐州青禾学院"), id="学院党委-of-the-college-named"),
])
def test_posts_after_a_place_and_at_a_college(place_finder, gazetteer, body, title, post):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, [body], title=title, meta="2023-07-15 10:00  来源:新华网")
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert post in posts, posts



def test_a_notice_s_carriers_are_of_the_year_its_attached_list_names(place_finder):
    article = normalize_text("各省、自治区、直辖市科技厅（委、局），各有关单位：\n"
                             "经各地方科技主管部门组织推荐，现确定青禾众创空间等350家机构为国家备案众创空间。\n"
                             "附件：2021年度国家备案众创空间名单\n科技部\n2022年6月28日\n", article_id="951_extract")
    ex = extract_article(article, place_finder.find)
    assert [(f.value, f.period) for f in ex.figures] == [("350", "2021")], ex.figures


def test_a_post_held_on_secondment_and_a_museum_s_curator(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["四川省妇女联合会挂职副主席周文彬陪同调研。星河大学副馆长林海涛介绍了校史。"])
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("周文彬", "挂职副主席", "四川省妇女联合会") in posts and ("林海涛", "副馆长", "星河大学") in posts, posts


def test_a_city_s_taiwan_affairs_office_is_one_of_its_departments(place_finder, gazetteer):
    from sckg.link import resolve_place
    from sckg.resolve import resolve

    ex = _extract(place_finder, ["5月10日，德阳市台湾事务办公室主任周文彬、绵阳市台办副主任林海涛出席。"])
    posts = _resolved_posts(resolve([ex], gazetteer, resolve_place))
    assert ("周文彬", "主任", "德阳市台湾事务办公室") in posts and ("林海涛", "副主任", "绵阳市台办") in posts, posts


def test_a_rank_written_after_the_name_holds_at_the_one_body_of_its_kind(place_finder):
    # 王某厅长、钟某副厅长一行 with no body beside them: a 厅长 is the head of a 厅, and the
    # article names one 厅, in another paragraph. Two 局 named: a 局长 alone is left unplaced.
    ex = _extract(place_finder, ["3月15日上午,王立新厅长、钟海平副厅长一行到青禾区调研。",
                                 "区委书记陈志远希望省科技厅大力支持孵化器建设。会上,副厅长吴立平介绍了情况。"])
    assert {("王立新", "厅长", "省科技厅"), ("钟海平", "副厅长", "省科技厅"), ("吴立平", "副厅长", "省科技厅")} \
        <= _posts(ex), _posts(ex)
    ex = _extract(place_finder, ["周文彬局长一行到青禾区调研。", "市科技局和市财政局有关负责人参加。"])
    assert not {p for p in _posts(ex) if p[0] == "周文彬"}, _posts(ex)


def test_a_notice_s_verbs_and_its_attachment_list_bound_the_bodies_it_names(place_finder):
    # 以便我厅按时推荐科技部火炬中心: 推荐 and 我厅 are no part of the centre's name; the
    # signature after an attachment's title (…管理办法四川省科学技术厅) starts at the province.
    ex = _extract(place_finder, ["请于6月30日前将申报材料报送我厅高新处,以便我厅按时推荐科技部火炬中心,附件:"
                                 "1.申报指南2.科技企业孵化器管理办法四川省科学技术厅2023年5月10日"])
    names = _names(ex)
    assert "科技部火炬中心" in names and "四川省科学技术厅" in names, names
    assert not [n for n in names if "推荐" in n or "办法" in n], names


def test_a_merged_bureau_named_by_its_departments_short_forms_holds_its_head_s_post(place_finder):
    # 发改工信局, 科创委: a zone's bureaus named by the short forms of the departments merged in them.
    ex = _extract(place_finder, ["会上,青禾开发区科创委副主任吴立平汇报了科技创新工作;"
                                 "青禾开发区发改工信局局长孙晓东汇报了经济指标完成情况。"])
    assert {("吴立平", "副主任", "青禾开发区科创委"), ("孙晓东", "局长", "青禾开发区发改工信局")} <= _posts(ex), _posts(ex)


def test_a_firm_s_executive_titles_opening_a_clause_hold_at_the_firm_named_before(place_finder):
    ex = _extract(place_finder, ["西岭创谷作为本次活动的主办单位之一,行政总裁赵海林先生、首席营运官孙明远也出席了大会。"])
    assert {("赵海林", "行政总裁", "西岭创谷"), ("孙明远", "首席营运官", "西岭创谷")} <= _posts(ex), _posts(ex)


def test_a_periodical_in_a_title_and_an_outlet_s_app_dateline_are_outlets(place_finder):
    # 《星河青年报》 names a newspaper, not a document; 星河经纬客户端9月3日电 names the outlet
    # that filed the report, though its name ends with no outlet's word.
    ex = _extract(place_finder, ["星河经纬客户端9月3日电(林海涛)青禾孵化器的创业团队受到《星河青年报》等媒体关注。"])
    assert {"星河青年报", "星河经纬"} <= set(_names(ex, "MediaOutlet")), _names(ex)
    assert "星河青年报" not in _names(ex, "Programme")
