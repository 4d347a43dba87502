"""Tests of sckg.extract.events: inspection visits told in the several ways Chinese news
writes them. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.normalize import normalize_text


def _extract(place_finder, sentence: str):
    text = "\n\n".join(["双创简讯", "2023-05-10 09:00  来源:某某日报", "  " + sentence]) + "\n"
    return extract_article(normalize_text(text, article_id="961_events"), place_finder.find)


@pytest.mark.parametrize("sentence, visitor, date", [
    pytest.param("2023年9月12日,省科技厅副厅长王建平率团赴绵阳考察调研高新区和孵化器。", "王建平", "2023-09-12", id="leads-a-group"),
    pytest.param("2023年6月5日下午,市政协副主席李文华带队来县调研众创空间发展情况。", "李文华", "2023-06-05", id="leads-and-comes"),
    pytest.param("2023年3月8日,省科技厅副巡视员张明远率高新处调研宜宾市孵化载体建设工作。", "张明远", "2023-03-08",
                 id="verb-at-once"),
    pytest.param("2023年4月2日,四川省科学技术厅副厅长赵文军到成都市锦江区调研。", "赵文军", "2023-04-02", id="goes-to"),
    pytest.param("2023年9月3日,德阳市经信局副局长周文彬一行莅临青禾孵化器调研孵化器集群建设情况。", "周文彬", "2023-09-03",
                 id="honours-with-a-visit"),
])
def test_inspection_visits(place_finder, sentence, visitor, date):
    ex = _extract(place_finder, sentence)
    found = [m for m in ex.mentions if m.cls == "InspectionVisit"]
    assert len(found) == 1, found
    assert found[0].surface.startswith(visitor)
    assert found[0].attr("date") == date
    visitors = {ex.mentions[r.object].surface for r in ex.relations if r.kind == "visitor"}
    assert visitors == {visitor}


def test_a_visit_goes_to_an_organisation_and_takes_place_at_a_place(place_finder):
    ex = _extract(place_finder, "2023年7月1日,副市长刘建华到成都市锦江区调研。")
    visited = {r.kind for r in ex.relations if ex.mentions[r.subject].cls == "InspectionVisit"}
    assert "location" in visited and "visited" not in visited


@pytest.mark.parametrize("sentence", [
    pytest.param("近日,副市长刘建华带队赴德阳调研。", id="no-day"),
    pytest.param("5月4日,李明表示将尽快到企业开展调研。", id="speech-before"),
    pytest.param("5月4日,副县长陈建国等陪同调研。", id="accompanies"),
])
def test_no_visit(place_finder, sentence):
    ex = _extract(place_finder, sentence)
    assert not [m for m in ex.mentions if m.cls == "InspectionVisit"]


@pytest.mark.parametrize("sentence, visitor", [
    pytest.param("2019年1月8日下午,西岭镇镇长周文彬、西岭镇党委委员马文静等一行四人到青禾创业中心调研。", "马文静", id="a-party-of-four"),
    pytest.param("2022年4月26日,市科技局局长林海涛带队赴青禾创业服务中心、星河科技创业园就孵化服务机构建设情况进行调研。",
                 "林海涛", id="on-a-topic-then-进行调研"),
    pytest.param("2015年4月17日,科技部部长赵明远一行在合肥考察科技创新工作。", "赵明远", id="一行-在"),
])
def test_visits_of_a_party_on_a_topic(place_finder, sentence, visitor):
    ex = _extract(place_finder, sentence)
    visits = [i for i, m in enumerate(ex.mentions) if m.cls == "InspectionVisit"]
    assert len(visits) == 1, [m.surface for m in ex.mentions]
    assert any(r.kind == "visitor" and r.subject == visits[0] and ex.mentions[r.object].surface == visitor
               for r in ex.relations)


def test_ceremonies_are_events_and_a_contest_s_own_is_the_contest_s(place_finder):
    names = {m.surface for m in _extract(place_finder, "星河孵化器开园仪式在西岭市举行。").mentions if m.category == "Event"}
    assert names == {"星河孵化器开园仪式"}, names
    contest = {m.surface for m in _extract(place_finder, "2020中国·绵阳创新创业大赛颁奖典礼在绵阳市举行。").mentions
               if m.category == "Event"}
    assert len(contest) == 1 and contest.pop().endswith("绵阳创新创业大赛")  # the contest, not its ceremony
    assert not [m for m in _extract(place_finder, "启动仪式在科技广场举行。").mentions if m.category == "Event"]


def test_an_event_named_only_in_the_title_line(place_finder):
    def events(title: str, body: str) -> list[str]:
        text = "\n\n".join([title, "2023-05-10 09:00  来源:某某日报", "  " + body]) + "\n"
        ex = extract_article(normalize_text(text, article_id="961_title"), place_finder.find)
        return [m.surface for m in ex.mentions if m.category == "Event"]

    assert events("第八届青禾创新创业大赛决赛结果揭晓", "大赛由西岭市科技局主办,星河科技有限公司获得一等奖。") \
        == ["第八届青禾创新创业大赛"]
    # named in the body too: the body's reading only
    assert events("第八届青禾创新创业大赛决赛落幕", "第八届青禾创新创业大赛决赛在西岭举行。") == ["第八届青禾创新创业大赛"]


@pytest.mark.parametrize("sentence, name, cls, level", [
    pytest.param("现认定星河数字经济产业园等4家单位为自治区科技企业孵化器。", "星河数字经济产业园",
                 "TechnologyBusinessIncubator", "provincial", id="units-counted-as"),
    pytest.param("青禾创业园被认定为国家级科技企业孵化器。", "青禾创业园", "TechnologyBusinessIncubator", "national",
                 id="recognised-as"),
    pytest.param("西岭产业园获批省级众创空间。", "西岭产业园", "MakerSpace", "provincial", id="approved-as"),
    pytest.param("现将星河生物创新孵化器等24家载体认定为市级科技企业孵化器。", "星河生物创新孵化器",
                 "TechnologyBusinessIncubator", "prefectural", id="carriers-recognised-as"),
    pytest.param("青禾合伙人大厦产业园等2家载体转型认定为市级专业型孵化器。", "青禾合伙人大厦产业园",
                 "TechnologyBusinessIncubator", "prefectural", id="converted-to-a-sort"),
    pytest.param("西岭创业园被市科技局确定为2023年度市级众创空间。", "西岭创业园", "MakerSpace", "prefectural",
                 id="named-as-by-an-agency-for-a-year"),
    pytest.param("我市拟认定星河大学生创新创业基地、青禾创业孵化基地、西岭企业精英孵化园为市级创业孵化基地。",
                 "西岭企业精英孵化园", "IncubationBase", "prefectural", id="a-list-recognised-as"),
    pytest.param("我市拟认定星河大学生创新创业基地、青禾创业孵化基地、西岭企业精英孵化园为市级创业孵化基地。",
                 "星河大学生创新创业基地", "IncubationBase", "prefectural", id="a-list-recognised-as-first"),
])
def test_a_carrier_takes_the_kind_and_level_it_is_recognised_as(place_finder, sentence, name, cls, level):
    ex = _extract(place_finder, sentence)
    found = [m for m in ex.mentions if m.surface == name]
    assert found and found[0].cls == cls and found[0].attr("level") == level, ex.mentions


def test_prizes_won_by_companies_and_teams_in_the_competition_named_before():
    from sckg.extract.events import awards, later_awards
    from sckg.model import Mention

    text = ("第八届“青禾杯”创新创业大赛决赛落幕。在企业组比赛中，星河科技有限公司的“智能农机”项目获得企业组一等奖；"
            "西岭大学周文彬团队的“高原光伏”项目获得团队组一等奖。决赛评出一等奖2名。")

    def at(surface: str, category: str, cls: str) -> Mention:
        start = text.index(surface)
        return Mention(surface, start, start + len(surface), category, cls)

    mentions = [at("第八届“青禾杯”创新创业大赛", "Event", "Competition"), at("星河科技有限公司", "Company", "Company"),
                at("智能农机", "Project", "Project"), at("西岭大学", "University", "University"),
                at("周文彬", "Person", "Person"), at("高原光伏", "Project", "Project")]
    read = awards(text, mentions)  # the sentences that name the competition, then those after it
    found = {(r.kind, mentions[r.subject].surface, mentions[r.object].surface, r.value)
             for r in read + later_awards(text, mentions, read)}
    assert found == {("winner", "星河科技有限公司", "第八届“青禾杯”创新创业大赛", "企业组一等奖"),
                     ("forProject", "第八届“青禾杯”创新创业大赛", "智能农机", "企业组一等奖"),
                     ("winner", "周文彬", "第八届“青禾杯”创新创业大赛", "团队组一等奖"),
                     ("forProject", "第八届“青禾杯”创新创业大赛", "高原光伏", "团队组一等奖")}, found


@pytest.mark.parametrize("title, named", [
    pytest.param("星河众创空间入选国家备案众创空间 青禾科技企业孵化器获评优秀", {"星河众创空间", "青禾科技企业孵化器"}, id="named"),
    pytest.param("走进西岭科技企业孵化器", {"西岭科技企业孵化器"}, id="after-a-verb"),
    pytest.param("云南省部署众创空间建设工作", set(), id="a-headline-s-verb"),
    pytest.param("我省9家众创空间获批国家级", set(), id="counted"),
])
def test_carriers_the_title_alone_names(place_finder, title, named):
    text = "\n\n".join([title, "2023-05-10 09:00  来源:西岭日报", "  近日，科技部公布了名单，我市一家单位入选。"]) + "\n"
    ex = extract_article(normalize_text(text, article_id="962_title"), place_finder.find)
    assert {m.surface for m in ex.mentions if m.category == "InnovationCarrier"} == named


def test_a_carrier_that_serves_a_kind_is_not_recognised_as_it(place_finder):
    ex = _extract(place_finder, "星河孵化基地为众创空间提供服务，青禾创业园为省级众创空间提供场地。")
    base = next(m for m in ex.mentions if m.surface == "星河孵化基地")
    assert base.cls == "IncubationBase" and base.attr("level") is None, base
    park = next(m for m in ex.mentions if m.surface == "青禾创业园")
    assert park.attr("level") is None, park  # no verb of recognition before it


def test_everyone_listed_before_a_visitor_in_the_clause_visits_too(place_finder):
    ex = _extract(place_finder, "2019年1月8日下午,三水区乐平镇镇长周文彬、乐平镇党委委员林海涛、三水工业园区科创中心"
                                "副主任马文静等一行四人到三水创业中心进行实地考察,三水创业中心总经理陈立新陪同调研。")
    visitors = {ex.mentions[r.object].surface for r in ex.relations if r.kind == "visitor"}
    assert visitors == {"周文彬", "林海涛", "马文静"}, visitors  # not 陈立新, who accompanies


def test_prizes_of_a_paragraph_that_names_no_competition_are_the_article_s_last_named():
    text = ("双创简讯\n\n2023-08-11 09:00  来源:某某日报\n\n"
            "  8月10日，第十二届星河青年创业创新大赛在西岭落幕。\n\n"
            "  经过一天激烈的角逐，最终青禾生物科技有限公司周文彬取得了创新组一等奖，"
            "星河智能科技有限公司管道检测项目取得了创业组一等奖。\n\n"
            "  团中央书记处书记林海涛观摩冠军争夺赛。\n")
    from sckg.extract import extract_article
    from sckg.normalize import normalize_text
    ex = extract_article(normalize_text(text, article_id="962_awards"), lambda line: [])
    won = {(ex.mentions[r.subject].surface, ex.mentions[r.object].surface, r.value)
           for r in ex.relations if r.kind == "winner"}
    assert won == {("周文彬", "第十二届星河青年创业创新大赛", "创新组一等奖"),
                   ("星河智能科技有限公司", "第十二届星河青年创业创新大赛", "创业组一等奖")}, won  # 冠军争夺赛: none


def test_a_whole_list_taken_into_a_kind_with_a_note_in_brackets(place_finder):
    ex = _extract(place_finder, "成都市星河云创新空间(郫都区)、NodeSpace加速器、电子科大科园创工坊等21家载体被纳入省级众创空间备案。")
    carriers = {m.surface: (m.cls, m.attr("level")) for m in ex.mentions if m.category == "InnovationCarrier"}
    for name in ("成都市星河云创新空间", "NodeSpace加速器", "电子科大科园创工坊"):
        assert carriers.get(name) == ("MakerSpace", "provincial"), carriers


def test_prizes_in_the_competition_only_the_title_line_names():
    text = "第十二届星河青年创业创新大赛落幕\n\n2023-08-11 09:00  来源:某某日报\n\n  最终青禾生物科技有限公司周文彬取得了创新组一等奖。\n"
    from sckg.extract import extract_article
    from sckg.normalize import normalize_text
    ex = extract_article(normalize_text(text, article_id="963_awards"), lambda line: [])
    won = {(ex.mentions[r.subject].surface, ex.mentions[r.object].surface, r.value)
           for r in ex.relations if r.kind == "winner"}
    assert won == {("周文彬", "第十二届星河青年创业创新大赛", "创新组一等奖")}, won


def _event_names(place_finder, sentence: str) -> dict[str, str]:
    return {m.surface: m.cls for m in _extract(place_finder, sentence).mentions if m.category == "Event"}


@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("西岭县积极打造“岭商大会”等返乡创业品牌活动。", "岭商大会", "Meeting", id="a-quoted-brand"),
    pytest.param("2018年总理在博鳌论坛发出号召。", "博鳌论坛", "Meeting", id="a-proper-name-before-its-kind"),
    pytest.param("培训班与青禾孵化网络创新能力培训和西岭企业孵化器网络年会同期举行。", "西岭企业孵化器网络年会", "Meeting",
                 id="two-events-joined-by-和"),
    pytest.param("青禾园举办48小时青禾创业挑战赛。", "48小时青禾创业挑战赛", "Competition", id="a-duration-in-a-contest-s-name"),
])
def test_events_named_by_a_brand_or_a_proper_name(place_finder, sentence, name, cls):
    names = _event_names(place_finder, sentence)
    assert names.get(name) == cls, names
    assert not any(n.endswith(name) and n != name for n in names), names  # (not swallowed by its neighbour)


@pytest.mark.parametrize("sentence, word", [
    pytest.param("园区每月举办创业沙龙和主题论坛。", "论坛", id="kinds-after-common-words"),
    pytest.param("活动包括项目路演和圆桌论坛。", "论坛", id="a-round-table"),
])
def test_kinds_of_event_after_common_words_stay_unnamed(place_finder, sentence, word):
    assert not any(n.endswith(word) for n in _event_names(place_finder, sentence))


@pytest.mark.parametrize("sentence, name", [
    pytest.param("青禾集团有限公司启动首届西岭职工创新创业创造大赛。", "首届西岭职工创新创业创造大赛", id="a-verb-before-the-edition"),
    pytest.param("甘肃赛区组委会按照第八届中国创新创业大赛甘肃赛区的要求开展工作。", "第八届中国创新创业大赛甘肃赛区",
                 id="a-preposition-before-the-edition"),
])
def test_an_edition_starts_a_name_after_the_verb_of_its_sentence(place_finder, sentence, name):
    names = _event_names(place_finder, sentence)
    assert name in names and not any(n.endswith(name) and n != name for n in names), names


@pytest.mark.parametrize("sentence, word", [
    pytest.param("会上,林海涛致大赛开幕辞。", "大赛", id="a-person-and-a-verb-of-speaking"),
    pytest.param("马文静分别做大会主题报告。", "大会", id="a-person-and-分别做"),
    pytest.param("路演环节采用5分钟项目路演。", "路演", id="a-duration"),
    pytest.param("区人大常委会第十二次会议召开。", "会议", id="read-from-inside-a-word"),
])
def test_what_was_read_before_a_kind_of_event_names_none(place_finder, sentence, word):
    assert not any(n.endswith(word) for n in _event_names(place_finder, sentence)), _event_names(place_finder, sentence)


def test_the_contest_a_notice_of_its_holding_names_is_an_event(place_finder):
    """《关于举办某大赛的通知》 names the contest it announces; another document's title (某报告)
    names no carrier or event inside it."""
    names = _event_names(place_finder, "根据《关于举办第十届中国创新创业大赛甘肃赛区暨第九届甘肃省创新创业大赛的通知》要求开展工作。")
    assert {"第十届中国创新创业大赛甘肃赛区", "第九届甘肃省创新创业大赛"} <= set(names), names
    assert _event_names(place_finder, "印发《西岭市创新创业大赛工作总结报告》。") == {}


def test_the_event_a_ceremony_is_held_for_is_an_event_too(place_finder):
    names = _event_names(place_finder, "市长赴新区参加全国大众创业万众创新活动周启动仪式并调研。")
    assert names.get("全国大众创业万众创新活动周") == "ActivityWeek", names
    assert "全国大众创业万众创新活动周启动仪式" in names, names


def test_a_city_s_round_and_the_city_s_own_contest_joined(place_finder):
    # 河北保定分赛区: a province and a city written together name the round; 保定, which jieba
    # tags as a verb, is a place and no verb that would cut the second contest's name; the
    # brackets that give the short form (以下简称大赛) are no part of either name.
    ex = _extract(place_finder, "市科技局决定举办第九届中国创新创业大赛河北保定分赛区暨第三届保定创新创业大赛"
                                "(以下简称大赛),欢迎企业报名。")
    events = {m.surface: m.attr("edition") for m in ex.mentions if m.category == "Event"}
    assert events == {"第九届中国创新创业大赛河北保定分赛区": "第九届", "第三届保定创新创业大赛": "第三届"}, events


@pytest.mark.parametrize("sentence", [
    pytest.param("市政协召开十二届第八次会议,审议有关报告。", id="sitting"),
    pytest.param("青禾公司在首届比赛中获得二等奖。", id="first-contest"),
    pytest.param("2025年第二十次会议研究了孵化器建设。", id="year-and-sitting"),
])
def test_an_edition_of_a_bare_kind_names_no_event(place_finder, sentence):
    ex = _extract(place_finder, sentence)
    assert not [m.surface for m in ex.mentions if m.category == "Event"], [m.surface for m in ex.mentions]


def test_a_signing_ceremony_is_named_by_both_parties_and_keeps_them(place_finder):
    ex = _extract(place_finder, "5月9日上午,西岭市科协与青禾星河众创空间有限公司全面战略合作协议签字仪式在青禾大楼举行。")
    names = {m.surface: m.category for m in ex.mentions}
    assert names.get("西岭市科协与青禾星河众创空间有限公司全面战略合作协议签字仪式") == "Event", names
    assert names.get("青禾星河众创空间有限公司") == "Company", names


def test_a_quoted_course_is_an_event(place_finder):
    ex = _extract(place_finder, "市人社局在青禾会展中心举办“农村电商专题培训”,对60名学员进行培训。")
    assert {(m.surface, m.cls) for m in ex.mentions if m.category == "Event"} == {("农村电商专题培训", "TrainingCourse")}
