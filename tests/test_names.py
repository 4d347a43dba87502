"""Tests of sckg.extract.names: where a carrier's or an event's name starts and ends,
and when a carrier word names a kind rather than one carrier. Every sentence is written
for these tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.extract.shared_names import shared_name
from sckg.normalize import normalize_text


def _names(place_finder, sentence: str, category: str) -> dict[str, str]:
    """surface → class of the mentions of one category in a one-paragraph article."""
    text = "\n\n".join(["双创简讯", "2023-05-10 09:00  来源:某某日报", "  " + sentence]) + "\n"
    ex = extract_article(normalize_text(text, article_id="960_names"), place_finder.find)
    return {m.surface: m.cls for m in ex.mentions if m.category == category}


@pytest.mark.parametrize("sentence, name", [
    pytest.param("现确定杭州青禾众创空间等120家机构为国家备案众创空间。", "杭州青禾众创空间", id="lead-verb"),
    pytest.param("四川大学国家大学科技园和绵阳国家大学科技园入选。", "绵阳国家大学科技园", id="place-science-park"),
    pytest.param("比赛在会理县石榴林下经济创业园举行。", "会理县石榴林下经济创业园", id="stop-inside-a-noun"),
    pytest.param("嘉兴蓝海公共孵化器二期已封顶。", "嘉兴蓝海公共孵化器", id="adjective-ending-in-a-stop"),
    pytest.param("授牌仪式在平凉唐都陶艺创意园众创空间举行。", "平凉唐都陶艺创意园众创空间", id="adverb-before-a-noun"),
    pytest.param("我市拟认定青柠大学生创新创业基地为市级基地。", "青柠大学生创新创业基地", id="innovation-base"),
    pytest.param("南通濠河创客汇入驻团队30个。", "南通濠河创客汇", id="maker-gathering"),
])
def test_carrier_name_edges(place_finder, sentence, name):
    assert name in _names(place_finder, sentence, "InnovationCarrier")


@pytest.mark.parametrize("sentence, kind", [
    pytest.param("目前全州有6家众创空间获批。", "有6家众创空间", id="count-before-type"),
    pytest.param("这是绵阳市第二家省级大学科技园。", "第二家省级大学科技园", id="ordinal"),
    pytest.param("为四川省内大学科技园提供服务。", "四川省内大学科技园", id="scope-inside"),
    pytest.param("会议认定了成都市市级高新技术产业开发区。", "成都市市级高新技术产业开发区", id="level-after-place"),
    pytest.param("推动老旧厂区向科创产业园转型。", "科创产业园", id="domain-words"),
    pytest.param("构建众创空间+孵化器+加速器的链条。", "众创空间+孵化器+加速器", id="chain-of-kinds"),
    pytest.param("全市百万平米孵化器工程进展顺利。", "百万平米孵化器", id="programme-after-carrier"),
    pytest.param("新增2家港澳科技企业孵化器。", "港澳科技企业孵化器", id="region-word"),
    pytest.param("对省级专业类孵化器给予奖励。", "专业类孵化器", id="a-sort-in-类"),
    pytest.param("被评为示范性孵化器的给予奖励。", "示范性孵化器", id="an-adjective-in-性"),
    pytest.param("他创办了西岭最大创客空间。", "最大创客空间", id="a-superlative"),
    pytest.param("全县建成3处青年加速器。", "3处青年加速器", id="a-count-in-处"),
    pytest.param("星河集团深耕产业园区运营多年。", "深耕产业园区", id="a-verb-深耕"),
    pytest.param("基地主任周立新携孵化器副主任陈晓东出席。", "携孵化器", id="a-person-and-携"),
    pytest.param("市政府携手青禾创新加速器共建基地。", "手青禾创新加速器", id="携手"),
    pytest.param("考察团走访了多个孵化中心。", "多个孵化中心", id="many"),
    pytest.param("次日在市长陪同下来开发区调研。", "陪同下来开发区", id="陪同下"),
    pytest.param("此次开发区与星河集团签约。", "次开发区", id="此次"),
    pytest.param("五年来培育了超过90间孵化器。", "90间孵化器", id="a-count-in-间"),
    pytest.param("园区腾出两层楼用作众创空间。", "用作众创空间", id="用作"),
    pytest.param("鼓励企业兴建众创空间。", "兴建众创空间", id="兴建"),
    pytest.param("表2 2012-2018年国家大学科技园数量", "2012-2018年国家大学科技园", id="a-range-of-years"),
    pytest.param("秉承产业园区、产业基金、产业服务三位一体的模式。", "产业基金", id="a-verb-before-a-list-of-kinds"),
])
def test_kinds_and_parts_are_not_carriers(place_finder, sentence, kind):
    assert not any(kind in n for n in _names(place_finder, sentence, "InnovationCarrier"))


def test_carrier_inside_a_document_title_is_not_a_carrier(place_finder):
    names = _names(place_finder, "会上发布了《西部地区青年众创空间发展报告》。", "InnovationCarrier")
    assert names == {}


@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("各地要认真学习领会全国科技工作会议精神。", "全国科技工作会议", "Meeting", id="verbs-before-meeting"),
    pytest.param("这是贯彻2019年全国农村科技工作会议的需要。", "2019年全国农村科技工作会议", "Meeting",
                 id="year-and-scope"),
    pytest.param("8月3日,第四届“金种子”创业大赛湘西赛区吉首市选拔赛在吉首市举办。",
                 "第四届“金种子”创业大赛湘西赛区吉首市选拔赛", "Competition", id="qualifier"),
    pytest.param("启动了百城就业工程“青春杯”大学生创业大赛。", "“青春杯”大学生创业大赛", "Competition",
                 id="programme-before-quote"),
    pytest.param("协会在西宁召开“县域孵化器运营与品牌建设”研讨会。", "“县域孵化器运营与品牌建设”研讨会", "Meeting",
                 id="long-quoted-topic"),
    pytest.param("在第五届中国西部孵化器投资与运营年会上发布。", "第五届中国西部孵化器投资与运营年会", "Meeting",
                 id="two-nouns-joined"),
    pytest.param("名单:1.2022年“云岭创客”青年创业大赛", "2022年“云岭创客”青年创业大赛", "Competition", id="list-mark"),
    pytest.param("(记者 王某)2024年青海省第一期众创空间从业人员培训班开班。",
                 "2024年青海省第一期众创空间从业人员培训班", "TrainingCourse", id="bracket-before"),
    pytest.param("3月5日,某新区高质量孵化器建设推进大会在新区召开。", "某新区高质量孵化器建设推进大会", "Meeting",
                 id="promotion-assembly"),
    pytest.param("随后召开了西岭市创新创业大赛筹备协调会。", "西岭市创新创业大赛筹备协调会", "Meeting",
                 id="coordination-meeting-after-a-competition"),
    pytest.param("当天,首届青年创客人才沙龙在园区举行。", "首届青年创客人才沙龙", "Meeting", id="salon"),
    pytest.param("第九届西岭创新创业大赛生物医药成果展示会在青禾园开幕。", "第九届西岭创新创业大赛生物医药成果展示会", "Meeting",
                 id="showcase"),
    pytest.param("会议传达了市委五届三次全会精神。", "市委五届三次全会", "Meeting", id="plenary"),
    pytest.param("青禾湾联组学习会在园区举行。", "青禾湾联组学习会", "Meeting", id="study-meeting"),
    pytest.param("为2022 年西岭市大众创业万众创新活动周预热。", "2022 年西岭市大众创业万众创新活动周", "ActivityWeek",
                 id="a-space-before-年"),
    pytest.param("昨天下午,2023年“青禾筑梦 创新引领 创业带动就业”西岭市大众创业万众创新活动周开幕。",
                 "2023年“青禾筑梦 创新引领 创业带动就业”西岭市大众创业万众创新活动周", "ActivityWeek",
                 id="a-long-name-keeps-its-year"),
    pytest.param("他带领团队获西岭市创新创业大赛一等奖。", "西岭市创新创业大赛", "Competition", id="after-获"),
    pytest.param("第六届中国创新创业大赛青海赛区在西宁启动。", "第六届中国创新创业大赛青海赛区", "Competition",
                 id="a-region-s-round"),
    pytest.param("第十届中国创新创业大赛(西岭赛区)开幕。", "第十届中国创新创业大赛(西岭赛区)", "Competition",
                 id="a-round-in-brackets"),
    pytest.param("2017年全国大众创业万众创新活动周青海省分会场活动在西宁举行。",
                 "2017年全国大众创业万众创新活动周青海省分会场活动", "ActivityWeek", id="a-province-s-venue"),
    pytest.param("西岭市人才项目签约仪式暨青禾湾产业推介会在园区举行。", "西岭市人才项目签约仪式暨青禾湾产业推介会", "Meeting",
                 id="a-signing-rite-joined-to-a-meeting"),
    pytest.param("青禾装备全国招商会在园区举行。", "青禾装备全国招商会", "Meeting", id="an-investment-fair"),
    pytest.param("西岭省第十三次人民代表大会在省会召开。", "西岭省第十三次人民代表大会", "Meeting", id="a-congress"),
])
def test_event_names(place_finder, sentence, name, cls):
    assert _names(place_finder, sentence, "Event").get(name) == cls


def test_two_contests_joined_are_two_names_and_other_joint_events_one(place_finder):
    names = _names(place_finder, "第九届中国创新创业大赛青海赛区暨青海省创新创业大赛在西宁开幕。", "Event")
    assert {"第九届中国创新创业大赛青海赛区", "青海省创新创业大赛"} <= set(names), names
    names = _names(place_finder, "西北地区孵化器培训会暨青海省创业服务人员培训会在西宁召开。", "Event")
    assert set(names) == {"西北地区孵化器培训会暨青海省创业服务人员培训会"}, names
    names = _names(place_finder, "西岭市创新创业论坛暨创业孵化基地授牌仪式在会展中心举行。", "Event")
    assert set(names) == {"西岭市创新创业论坛暨创业孵化基地授牌仪式"}, names


@pytest.mark.parametrize("sentence, word", [
    pytest.param("入围全国阶段比赛的团队获得奖励。", "比赛", id="stage"),
    pytest.param("县政府常务会议研究了扶持办法。", "会议", id="routine-sitting"),
    pytest.param("创业者们进行PPT路演。", "路演", id="kind-of-event"),
    pytest.param("创造性提出一个大赛。", "大赛", id="counted"),
    pytest.param("30个优秀创业项目分获大赛各奖项。", "大赛", id="after-a-verb-of-winning"),
    pytest.param("各县团委负责人及高校学生代表320余人观摩比赛。", "比赛", id="who-came"),
    pytest.param("我们很高兴本次大会在西岭举办。", "大会", id="this-one"),
    pytest.param("西岭赛区比赛由团市委等7家单位主办。", "比赛", id="a-round-alone"),
    pytest.param("第五届西岭青年创业大赛(青禾赛区)启动仪式暨选手培训会在会展中心举行。", "培训会",
                 id="after-a-contest-s-rite"),
    pytest.param("闭幕式上,副县长周文彬代表大会致辞。", "大会", id="on-behalf-of-the-meeting"),
])
def test_kinds_of_events_are_not_events(place_finder, sentence, word):
    assert not any(n.endswith(word) for n in _names(place_finder, sentence, "Event"))


def test_editions_counted_are_no_part_of_a_contest_s_name_but_its_ordinal_is(place_finder):
    names = _names(place_finder, "学院已连续举办三届西岭学院校友创业大赛,第十二届青禾创业大赛也已开幕。", "Event")
    assert {"西岭学院校友创业大赛", "第十二届青禾创业大赛"} <= set(names), names
    assert "西岭学院" in _names(place_finder, "学院已连续举办三届西岭学院校友创业大赛。", "University")



@pytest.mark.parametrize("sentence, name", [
    pytest.param("中国建设银行湖南省分行与园区签约。", "中国建设银行湖南省分行", id="branch-after-a-province"),
    pytest.param("星河银行科技支行为在孵企业提供贷款。", "星河银行科技支行", id="sub-branch"),
])
def test_bank_branches_are_companies(place_finder, sentence, name):
    assert _names(place_finder, sentence, "Company").get(name) == "Company"


@pytest.mark.parametrize("sentence", [
    pytest.param("园区与多家商业银行合作。", id="kind-of-bank"),
    pytest.param("当地银行提供贷款,其子公司也入驻。", id="one-character-stem"),
])
def test_kinds_of_bank_and_company_are_not_companies(place_finder, sentence):
    assert _names(place_finder, sentence, "Company") == {}


@pytest.mark.parametrize("sentence, name", [
    pytest.param("园区运营公司星河孵化器管理有限公司负责日常运营。", "星河孵化器管理有限公司", id="description-before"),
    pytest.param("西岭通信集团公司北京分公司入驻园区。", "西岭通信集团公司北京分公司", id="branch-keeps-its-parent"),
    # A brand before a kind of company (投资, 管理, 孵化器) names one; common words (园区运营公司) do not.
    pytest.param("由青禾智业投资集团承办。", "青禾智业投资集团", id="a-brand-s-investment-group"),
    pytest.param("由青禾投资集团有限公司主办。", "青禾投资集团有限公司", id="a-brand-s-investment-group-limited"),
    pytest.param("青禾物联网科技 (辽宁)有限公司获得一等奖。", "青禾物联网科技 (辽宁)有限公司", id="a-space-before-the-region"),
])
def test_a_company_word_inside_a_name(place_finder, sentence, name):
    assert set(_names(place_finder, sentence, "Company")) == {name}


@pytest.mark.parametrize("sentence, category, name", [
    pytest.param("林海涛感谢自治区科学技术厅的支持。", "GovernmentAgency", "自治区科学技术厅", id="person-and-verb-before"),
    pytest.param("会上,周文彬代表西北工程大学致辞。", "University", "西北工程大学", id="person-and-代表-before"),
    pytest.param("双方共建西北工程大学科技园。", "InnovationCarrier", "西北工程大学科技园", id="inside-共建"),
    pytest.param("目前有星河大学科技创新研究院入驻。", "ResearchInstitute", "星河大学科技创新研究院", id="after-有"),
    # An investment company named after its place is a company, no kind of company.
    pytest.param("兰州产业投资集团建设的孵化园开园。", "Company", "兰州产业投资集团", id="a-city-s-investment-group"),
    pytest.param("深圳创新投资集团副总监张有新出席。", "Company", "深圳创新投资集团", id="an-investment-group-before-a-post"),
    pytest.param("共青团西岭州委员会主办。", "GovernmentAgency", "共青团西岭州委员会", id="the-youth-league-s-共"),
    pytest.param("西岭对外经贸大学与青禾大学合作。", "University", "西岭对外经贸大学", id="对外-in-a-university-s-name"),
    # A firm's registered name opens with its province: never after a city's zone.
    pytest.param("入围项目中,西岭高新区有江西星河光电科技有限公司。", "Company", "江西星河光电科技有限公司",
                 id="a-province-after-a-zone-and-有"),
    pytest.param("青禾经济开发区安徽星河集团入驻。", "Company", "安徽星河集团", id="a-province-after-a-zone"),
    pytest.param("西岭兴为电机有限公司获评优秀企业。", "Company", "西岭兴为电机有限公司", id="为-inside-a-brand"),
    pytest.param("会上,对外合作处处长周文彬发言。", "GovernmentAgency", "对外合作处", id="对外-starts-a-unit"),
    pytest.param("西岭大学机械工程系系主任周文彬出席。", "University", "西岭大学机械工程系", id="a-department-s-系主任"),
    pytest.param("推进众创空间建设,青禾城市建设投资有限公司参与。", "Company", "青禾城市建设投资有限公司", id="a-builder-s-建设"),
    pytest.param("政府拨款5亿元予星河创投有限公司。", "Company", "星河创投有限公司", id="予-before-a-name"),
])
def test_a_name_starts_after_the_words_of_its_sentence(place_finder, sentence, category, name):
    assert name in _names(place_finder, sentence, category)


@pytest.mark.parametrize("sentence", [
    pytest.param("推动全市孵化器众创空间提质增效。", id="two-kinds"),
    pytest.param("构建众创空间-孵化器-加速器-产业园的全链条孵化体系。", id="a-chain-of-kinds"),
    pytest.param("形成市级-省级-国家级孵化器众创空间梯队。", id="levels-and-kinds"),
    pytest.param("该公司负责运营众创空间。", id="a-verb-and-a-kind"),
    pytest.param("区科技局将指导星创天地建设。", id="a-verb-jieba-calls-a-noun"),
    pytest.param("公司管理国家级科技企业孵化器3家。", id="a-verb-a-level-and-a-kind"),
])
def test_kinds_of_carrier_chained_or_after_a_verb_are_no_names(place_finder, sentence):
    assert _names(place_finder, sentence, "InnovationCarrier") == {}


@pytest.mark.parametrize("sentence, name", [
    pytest.param("西岭现代农业产业园区获批省级创业园。", "西岭现代农业产业园区", id="产业园区"),
    pytest.param("青禾农业科技园区入驻企业30家。", "青禾农业科技园区", id="科技园区"),
    pytest.param("西北工程大学国家大学科技园青禾湾分园揭牌。", "西北工程大学国家大学科技园青禾湾分园", id="a-branch-park"),
    pytest.param("青禾立体联动孵化器总基地开园。", "青禾立体联动孵化器总基地", id="a-head-site"),
    pytest.param("西北工程大学国家大学科技园滁州园区签约。", "西北工程大学国家大学科技园滁州园区", id="a-site-in-another-city"),
    pytest.param("高新区-N·次元众创空间举办活动。", "N·次元众创空间", id="a-latin-letter-and-a-middle-dot"),
    pytest.param("西岭大学科技园和青禾基地开展合作。", "西岭大学科技园", id="no-site-across-和"),
    pytest.param("调研组到青禾创客孵化园调研园区服务工作。", "青禾创客孵化园", id="no-site-across-a-visit-s-verb"),
])
def test_a_carrier_s_name_whole_with_its_区_its_site_and_its_brand(place_finder, sentence, name):
    names = _names(place_finder, sentence, "InnovationCarrier")
    assert name in names and not any(name in n and n != name for n in names), names


def test_a_brand_ending_in_a_verb_and_a_park_s_maker_space_are_names(place_finder):
    names = _names(place_finder, "米库创服众创空间、星河创新孵化器和西岭大学科技园众创空间签约。", "InnovationCarrier")
    assert {"米库创服众创空间", "星河创新孵化器", "西岭大学科技园众创空间"} <= set(names), names


@pytest.mark.parametrize("sentence, name", [
    pytest.param("期待以青禾交大星河创客汇的启动为起点。", "青禾交大星河创客汇", id="verb-then-preposition"),
    pytest.param("随后来到总基地14号楼安康市星河孵化器建设场地。", "安康市星河孵化器", id="inside-a-word-before-a-place"),
    pytest.param("他表示,当前东湖高新区正在着力建设。", "东湖高新区", id="inside-a-common-word"),
    pytest.param("“融通创新·赋能未来”2021年盐城国家高新区双创活动启动。", "盐城国家高新区", id="slogan-before-a-year"),
    pytest.param("「星河创新育成中心」揭牌。", "星河创新育成中心", id="corner-brackets"),
])
def test_a_carrier_s_name_starts_at_a_word_of_its_own(place_finder, sentence, name):
    names = _names(place_finder, sentence, "InnovationCarrier")
    assert name in names and not any(n != name and n.endswith(name) for n in names), names


@pytest.mark.parametrize("sentence, name", [
    pytest.param("西岭高科集团、青禾实验室、东湖高新区科创局签署了协议。", "东湖高新区科创局", id="a-zone-s-bureau"),
    pytest.param("河南省科学技术厅、河南省农业厅与团省委联合主办。", "河南省农业厅", id="a-department"),
    pytest.param("海南省民政厅、海南省市场监督管理局负责人参加。", "海南省市场监督管理局", id="market-regulation"),
    pytest.param("被武汉市人力资源和社会保障局授牌西岭大学生创业学院。", "武汉市人力资源和社会保障局", id="before-a-verb-of-awarding"),
])
def test_departments_of_a_government_are_agencies(place_finder, sentence, name):
    assert name in _names(place_finder, sentence, "GovernmentAgency"), _names(place_finder, sentence)


@pytest.mark.parametrize("sentence", [
    pytest.param("要加快南疆布局建设国家级高新区。", id="a-region-and-布局"),
    pytest.param("河南省科学技术厅坚持统筹布局,推动孵化器发展。", id="after-an-agency"),
])
def test_a_word_in_局_is_no_bureau(place_finder, sentence):
    assert not [n for n in _names(place_finder, sentence, "GovernmentAgency") if n.endswith("布局")]


def test_a_quotation_before_a_name_is_no_quoted_part_of_it(place_finder):
    agencies = _names(place_finder, "“青禾是创业者的热土。”西岭市科技局局长周文彬在现场表示。", "GovernmentAgency")
    assert "西岭市科技局" in agencies and not any("“" in name or "”" in name for name in agencies), agencies
    events = _names(place_finder, "第三届“星河杯”创新创业大赛落幕。", "Event")
    assert any("“星河杯”" in name for name in events), events


@pytest.mark.parametrize("name, scope", [
    ("第五届创新创业大赛", "local"), ("2023年全市科技工作会议", "local"), ("全省科技创新大会", "province"),
    ("中国创新创业大赛", None), ("第五届星河杯创新创业大赛", None), ("第三届“青禾杯”创业大赛", None),
    ("徐州市第五届创新创业大赛", None), ("全国双创活动周", None),
    ("科技创业中心", "local"), ("大学生创业孵化基地", "local"), ("星河创业服务中心", None), ("中国科学院", None),
    ("众创空间联盟", "local"), ("孵化器协会", "local"), ("省众创空间联盟", "province"), ("星河孵化器协会", None),
])
def test_a_name_of_a_kind_edition_and_level_alone_is_shared_by_many_places(name, scope):
    assert shared_name(name) == scope


def test_a_floor_is_no_part_of_a_name(place_finder):
    names = _names(place_finder, "考察组来到3层星河众创空间，随后来到9楼科技大市场。", "InnovationCarrier")
    assert names == {"星河众创空间": "MakerSpace"}, names


def test_a_direction_starts_a_name_and_a_preposition_ends_one(place_finder):
    assert "南方医科大学国家大学科技园" in _names(place_finder, "三、南方医科大学国家大学科技园获批。", "InnovationCarrier")
    assert not _names(place_finder, "该平台以农业科技园区为依托，完成投资2.5亿元。", "InnovationCarrier")


def test_a_brand_that_ends_in_a_verb_names_a_carrier(place_finder):
    assert "星河萌芽众创空间" in _names(place_finder, "星河萌芽众创空间位于襄城县。", "InnovationCarrier")
    assert not _names(place_finder, "该公司建设孵化器。", "InnovationCarrier")


def test_a_school_speaking_of_itself_names_no_carrier(place_finder):
    assert not _names(place_finder, "专家组参观了我院大学科技园。", "InnovationCarrier")


def test_a_consultation_is_no_chamber_of_commerce(place_finder):
    assert not _names(place_finder, "市政协副主席在创新中心主持召开专题协商会。", "Association")


def test_an_adverb_that_starts_a_noun_is_part_of_a_name(place_finder):
    names = _names(place_finder, "中国农业科学院都市农业研究所党委书记钱国华出席。", "ResearchInstitute")
    assert "中国农业科学院都市农业研究所" in names, names


def test_a_verb_of_running_carriers_ends_no_brand(place_finder):
    assert not _names(place_finder, "星河公司运营众创空间多年。", "InnovationCarrier")
    assert "米库创服众创空间" in _names(place_finder, "米库创服众创空间开业。", "InnovationCarrier")


@pytest.mark.parametrize("sentence, category, name", [
    pytest.param("市科技局组织有关部门到国家级星创天地组成单位株洲市金禾农业科技股份有限公司参观学习。", "Company",
                 "株洲市金禾农业科技股份有限公司", id="a-member-unit-before-a-company"),
    pytest.param("会上，周文彬就众创空间联盟的发展方向作了发言。", "Association", "众创空间联盟",
                 id="就-about-before-a-name"),
    pytest.param("新认定的都市农业研究所挂牌。", "ResearchInstitute", "都市农业研究所", id="都市-still-starts-a-name"),
    pytest.param("专家组对我州实地核查评定四川青禾科技发展有限公司进行了考察。", "Company", "四川青禾科技发展有限公司",
                 id="verbs-of-the-sentence-before-a-place"),
    pytest.param("该厂主要销售德润禾技术股份有限公司的产品。", "Company", "德润禾技术股份有限公司", id="a-pronoun-and-a-verb"),
    pytest.param("开封禾润创业服务股份有限公司参加了活动。", "Company", "开封禾润创业服务股份有限公司",
                 id="a-place-that-is-a-verb-too"),
    pytest.param("担任联络专家内蒙古青禾制药有限公司总经理周文彬。", "Company", "内蒙古青禾制药有限公司", id="a-role-before-it"),
    # The learned recogniser says where these start: words the rules' cut leaves no clue in.
    pytest.param("青禾孵化器现有常州禾润电器有限公司等企业入驻。", "Company", "常州禾润电器有限公司", id="现有-before-a-place"),
    pytest.param("园区孵化的企业岸禾科技公司研发了新产品。", "Company", "岸禾科技公司", id="a-kind-before-a-brand"),
    pytest.param("载体内企业陕西禾丰激光科技有限公司获得奖励。", "Company", "陕西禾丰激光科技有限公司", id="a-noun-phrase-before"),
])
def test_a_name_starts_after_the_words_of_the_sentence_before_it(place_finder, sentence, category, name):
    found = _names(place_finder, sentence, category)
    assert name in found and not any(n.endswith(name) and n != name for n in found), found


@pytest.mark.parametrize("sentence, category, name", [
    pytest.param("近日，青禾联创众创空间通过省级备案。", "InnovationCarrier", "青禾联创众创空间", id="a-brand-in-a-rare-verb"),
    pytest.param("其运营方联信科技有限公司同时入驻。", "Company", "联信科技有限公司", id="a-company-led-by-a-rare-verb"),
])
def test_a_rare_verb_at_a_name_s_head_is_its_brand_s_word(place_finder, sentence, category, name):
    assert name in _names(place_finder, sentence, category), _names(place_finder, sentence, category)


def test_the_field_s_verbs_at_a_name_s_head_are_the_name_s(place_finder):
    # 创新创业…孵化中心 keeps 创新; 共同建立创新研究院 names no institute (a kind).
    text = "要紧紧依托创新创业智造产业孵化中心，共同建立创新研究院。"
    carriers, institutes = _names(place_finder, text, "InnovationCarrier"), _names(place_finder, text, "ResearchInstitute")
    assert "创新创业智造产业孵化中心" in carriers and not institutes, (carriers, institutes)


@pytest.mark.parametrize("sentence, name", [
    pytest.param("9日，2019年全市科技创新与人才工作会议在我市召开。", "2019年全市科技创新与人才工作会议", id="与-after-创新-and-a-year"),
    pytest.param("12日，南通市孵化器总结表彰大会召开。", "南通市孵化器总结表彰大会", id="总结表彰大会"),
    pytest.param("7日，南通市科技企业孵化器工作总结会召开。", "南通市科技企业孵化器工作总结会", id="总结会"),
])
def test_meetings_of_review_and_of_two_fields(place_finder, sentence, name):
    assert name in _names(place_finder, sentence, "Event"), _names(place_finder, sentence, "Event")


@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("视察组参观了鸿泰大成创新空间。", "鸿泰大成创新空间", "MakerSpace", id="创新空间"),
    pytest.param("视察组参观了颐达莲湖科创基地。", "颐达莲湖科创基地", "IncubationBase", id="科创基地"),
    pytest.param("要拓展创新空间，加快建设科创基地。", None, None, id="kinds-after-verbs"),
])
def test_carriers_by_other_endings(place_finder, sentence, name, cls):
    found = _names(place_finder, sentence, "InnovationCarrier")
    assert found == ({name: cls} if name else {}), found


@pytest.mark.parametrize("sentence", [
    pytest.param("华东六省一市孵化器代表约300人出席会议。", id="several-regions-carriers"),
    pytest.param("人大代表对区政府众创空间转型升级工作进行了视察。", id="a-government-s-carriers"),
])
def test_carriers_of_regions_or_of_a_government_are_a_kind(place_finder, sentence):
    assert not _names(place_finder, sentence, "InnovationCarrier"), _names(place_finder, sentence, "InnovationCarrier")


def test_a_valley_of_creation_is_a_carrier(place_finder):
    assert _names(place_finder, "珠西创谷行政总裁王建华出席。", "InnovationCarrier") == {"珠西创谷": "IncubationBase"}


@pytest.mark.parametrize("sentence, name", [
    pytest.param("杭州累计建设市级标准化众创空间135家。", None, id="a-level-and-a-standard-is-a-kind"),
    pytest.param("青禾标准化众创空间挂牌。", "青禾标准化众创空间", id="a-brand-s-standard-space-is-named"),
])
def test_a_standardised_carrier_of_a_level_is_a_kind(place_finder, sentence, name):
    found = _names(place_finder, sentence, "InnovationCarrier")
    assert found == ({name: "MakerSpace"} if name else {}), found


def test_a_company_word_after_words_of_a_sentence_alone_names_no_company(place_finder):
    assert _names(place_finder, "这次比赛我们公司获得了一等奖。", "Company") == {}


def test_news_outlets_by_the_names_articles_write_them_with(place_finder):
    found = _names(place_finder, "来自人民网、新华网等11家中央媒体的记者参加。会场设在中国网络安全产业园。", "MediaOutlet")
    assert set(found) - {"某某日报"} == {"人民网", "新华网"}, found  # (某某日报: the publisher its metadata line names)


def test_a_carrier_s_name_starts_at_its_place_after_a_verb_of_the_sentence(place_finder):
    found = _names(place_finder, "争取年底启动德阳地区国家大学科技园（北园）建设项目。硚口区宜都科创科技企业孵化器主任周文彬出席。",
                   "InnovationCarrier")
    assert "德阳地区国家大学科技园" in found and "启动德阳地区国家大学科技园" not in found, found
    assert "硚口区宜都科创科技企业孵化器" in found, found  # (a place the tagger takes for a verb stays)


@pytest.mark.parametrize("sentence, kept", [
    pytest.param("要充分调动地方政府和区域政府的积极性。", set(), id="no-division-before-government"),
    pytest.param("本次活动得到众创空间政府的支持。", set(), id="a-carrier-before-government"),
    pytest.param("青田县人民政府与香港特区政府、美国政府代表签约。", {"青田县人民政府", "香港特区政府", "美国政府"},
                 id="governments-of-divisions-and-states"),
])
def test_a_government_is_a_division_s(place_finder, sentence, kept):
    """政府 names a body only after a division (县, 市, 特区) or a state: 地方政府, 区域政府 are kinds."""
    found = {n for n in _names(place_finder, sentence, "GovernmentAgency") if n.endswith("政府")}
    assert found == kept, found


@pytest.mark.parametrize("sentence, name", [
    pytest.param("经商省财政厅同意，大赛设一等奖3名。", "省财政厅", id="经商-consulted"),
    pytest.param("非常感谢西岭市科协的支持。", "西岭市科协", id="感谢-thanked"),
])
def test_a_body_starts_after_the_verb_of_a_notice(place_finder, sentence, name):
    found = {**_names(place_finder, sentence, "GovernmentAgency"), **_names(place_finder, sentence, "Association")}
    assert name in found and not any(n.endswith(name) and n != name for n in found), found


@pytest.mark.parametrize("sentence, category", [
    pytest.param("鼓励国内外上市公司、初创公司和创投公司入驻。", "Company", id="companies-of-a-kind"),
    pytest.param("办公区增加了14间独立工作室和创客工作室。", "Company", id="workshops-of-a-kind"),
    pytest.param("助力企业成长为国际上市公司。", "Company", id="international-listed-companies"),
    pytest.param("打造五大科技园和智能制造三大孵化基地，培育一大批众创空间。", "InnovationCarrier", id="counted-carriers"),
])
def test_bodies_named_by_their_kind_alone_are_no_names(place_finder, sentence, category):
    assert _names(place_finder, sentence, category) == {}, _names(place_finder, sentence, category)


def test_a_brand_before_a_kind_of_company_names_one(place_finder):
    found = _names(place_finder, "青禾创投公司与西岭建筑公司签约。", "Company")
    assert {"青禾创投公司", "西岭建筑公司"} <= set(found), found


@pytest.mark.parametrize("sentence, name, cls", [
    pytest.param("代表团参观了西岭创业大街,与入驻团队座谈。", "西岭创业大街", "EntrepreneurshipPark", id="street"),
    pytest.param("青禾三创园已入驻企业40家。", "青禾三创园", "EntrepreneurshipPark", id="three-creation-park"),
    pytest.param("西岭留创园为归国人员提供办公场地。", "西岭留创园", "EntrepreneurshipPark", id="returnee-park"),
    pytest.param("青禾创业社区举办了项目路演。", "青禾创业社区", "MakerSpace", id="community"),
    pytest.param("西岭双创公社共孵化团队30个。", "西岭双创公社", "MakerSpace", id="commune"),
    pytest.param("青禾人工智能加速中心正式揭牌。", "青禾人工智能加速中心", "Accelerator", id="acceleration-centre"),
])
def test_carriers_named_by_the_field_s_other_endings(place_finder, sentence, name, cls):
    assert _names(place_finder, sentence, "InnovationCarrier").get(name) == cls, \
        _names(place_finder, sentence, "InnovationCarrier")


def test_a_place_s_committee_and_government_named_together_are_its_two_bodies(place_finder):
    # 四川省委省政府: the province's party committee and its government; 省委省政府 bare is left unnamed.
    text = "\n\n".join(["双创简讯", "2023-05-10 09:00  来源:某某日报",
                        "  近年来,四川省委省政府高度重视创新创业工作。各地要认真落实省委省政府的部署。"
                        "成都市委市政府政研室副主任李明参加了会议。"]) + "\n"
    ex = extract_article(normalize_text(text, article_id="960_names"), place_finder.find)
    bodies = {(m.surface, m.attr("qualified")) for m in ex.mentions if m.category == "GovernmentAgency"}
    assert {("四川省委", "中共四川省委"), ("省政府", "四川省人民政府")} <= bodies, bodies
    assert ("成都市委市政府政研室", None) in bodies and ("市政府", "成都市人民政府") not in bodies, bodies


@pytest.mark.parametrize("sentence", [
    pytest.param("园区采用“产业+平台+专业运营公司”的模式。", id="company"),
    pytest.param("构建管委会(地方政府+高校)+办公室+运营公司的管理架构。", id="agency"),
])
def test_a_model_s_parts_joined_by_plus_name_no_body(place_finder, sentence):
    names = {**_names(place_finder, sentence, "Company"), **_names(place_finder, sentence, "GovernmentAgency")}
    assert not [n for n in names if "+" in n], names


@pytest.mark.parametrize("sentence, category, name", [
    ("本次签约企业为宜宾市向岚电子科技有限公司。", "Company", "宜宾市向岚电子科技有限公司"),
    ("大理以禾药业股份有限公司总经理出席。", "Company", "大理以禾药业股份有限公司"),
    ("襄阳广和智能科技有限公司等企业参加。", "Company", "襄阳广和智能科技有限公司"),
    ("项目依托酒泉共兴生产力促进中心建设。", "PublicInstitution", "酒泉共兴生产力促进中心"),
    ("入驻天水三和谷科技孵化器的企业有20家。", "InnovationCarrier", "天水三和谷科技孵化器"),
])
def test_a_brand_holding_a_stop_character_is_read_whole(place_finder, sentence, category, name):
    """向, 以, 和, 共 stop a name's scan, yet are brands' characters too: when what is left
    starts with a character that is no word alone, or is a trade with no brand, the
    stop was the brand's."""
    assert name in _names(place_finder, sentence, category)


@pytest.mark.parametrize("sentence, category, absent", [
    ("高校和科技公司开展合作。", "Company", "高校和科技公司"),
    ("园区推动老厂区向青禾孵化园转型。", "InnovationCarrier", "老厂区向青禾孵化园"),
    ("全县建成青禾产业园和西岭创业园。", "InnovationCarrier", "青禾产业园和西岭创业园"),
    ("代表视察西岭软件园区和云大星河众创空间。", "InnovationCarrier", "西岭软件园区和云大星河众创空间"),
])
def test_a_conjunction_between_two_names_still_ends_the_second(place_finder, sentence, category, absent):
    assert absent not in _names(place_finder, sentence, category)


@pytest.mark.parametrize("sentence, name", [
    ("图示(左起)青禾科技园管理有限公司行政总裁林海涛与议员会面。", "青禾科技园管理有限公司"),
    ("合影(前排左三)西岭众创空间负责人林海涛。", "西岭众创空间"),
])
def test_a_caption_s_aside_is_no_part_of_the_name_after_it(place_finder, sentence, name):
    names = {**_names(place_finder, sentence, "Company"), **_names(place_finder, sentence, "InnovationCarrier")}
    assert name in names, names


@pytest.mark.parametrize("sentence, category, fragment", [
    ("学校着力建强用好西岭大学科技园。", "InnovationCarrier", "用好"),
    ("基地设有80余平方米多媒体路演平台。", "Event", "平方米"),
    ("展览全面展示活动周以来的成果。", "Event", "展示"),
    ("文章谈新时代下西部地区科技企业孵化器的转型。", "InnovationCarrier", "时代下"),
    ("园区积极探索青禾特色众创空间发展模式。", "InnovationCarrier", "探索"),
])
def test_a_verb_a_measure_or_a_platform_is_no_part_of_a_name(place_finder, sentence, category, fragment):
    """用好, 积极探索 (verbs), 80余平方米 (a measure), 新时代下 (a phrase of time) start no name;
    a 路演平台 is a platform, no roadshow."""
    names = _names(place_finder, sentence, category)
    assert not any(fragment in name for name in names), names


@pytest.mark.parametrize("sentence, absent", [
    ("仪式在青禾经济开发区国际会议中心举行。", "青禾经济开发区国际会议"),
    ("青禾留学网 m.example.com)揭牌仪式在西岭举行。", "example.com"),
])
def test_a_venue_or_a_page_s_credit_names_no_event(place_finder, sentence, absent):
    assert not any(absent in name for name in _names(place_finder, sentence, "Event"))


@pytest.mark.parametrize("sentence, category", [
    ("近几年我国孵化器数量增长很快。", "InnovationCarrier"),
    ("大多数众创空间都面临盈利难题。", "InnovationCarrier"),
    ("各县要做好创建创业孵化基地的准备，本市启动创业孵化基地建设。", "InnovationCarrier"),
    ("会议推动城市孵化器和高端化青年创业孵化基地建设。", "InnovationCarrier"),
    ("专家谈双创时代众创空间的定位。", "InnovationCarrier"),
    ("园区构建苗圃-孵化器-加速器-产业园全链条，引进本土孵化器。", "InnovationCarrier"),
])
def test_a_quantifier_a_time_or_a_verb_before_a_kind_names_no_carrier(place_finder, sentence, category):
    """大多数, 近几年我国, 城市, 高端化, 双创时代 (quantities, times, kinds) and 做好创建 (verbs)
    before a carrier word leave a kind of carrier, no named one."""
    assert _names(place_finder, sentence, category) == {}


def test_every_pilot_county_s_bureau_and_a_trade_s_associations_name_no_body(place_finder):
    text = "各市州和省直管试点县科技局：请各类众创空间、行业协会做好推荐。西岭软件行业协会参加。"
    names = {**_names(place_finder, text, "GovernmentAgency"), **_names(place_finder, text, "Association")}
    assert "省直管试点县科技局" not in names and "行业协会" not in names
    assert "西岭软件行业协会" in names


def test_a_date_before_a_place_is_no_part_of_the_company_after_it(place_finder):
    names = _names(place_finder, "8月3日西宁市青禾蜂业有限责任公司总经理林海涛出席。", "Company")
    assert "西宁市青禾蜂业有限责任公司" in names, names


def test_a_brand_that_starts_with_a_stop_after_a_conjunction_keeps_it():
    """(The whole extractor may still trim 共享, a verb, where the recogniser starts the firm later.)"""
    from sckg.extract.names import suffix_names

    found = suffix_names("其中西岭经开区和共享青禾股份有限公司为国家级示范基地。", ["西岭"])
    assert "共享青禾股份有限公司" in {m.surface for m in found}, found


@pytest.mark.parametrize("sentence, category, fragment", [
    ("联盟为“牵线”众创空间与投资机构搭台。", "InnovationCarrier", "牵线"),
    ("区里盘活西岭科创园闲置楼宇。", "InnovationCarrier", "盘活"),
    ("他们至今没有公司。", "Company", "没有"),
])
def test_a_quoted_verb_or_a_verb_before_a_kind_is_no_part_of_a_name(place_finder, sentence, category, fragment):
    names = _names(place_finder, sentence, category)
    assert not any(fragment in name for name in names), names


def test_a_road_named_after_a_university_area_is_no_university(place_finder):
    assert _names(place_finder, "签约仪式在青禾市大学园路18号举行。", "University") == {}
    assert "青禾大学" in _names(place_finder, "青禾大学路演中心启用。", "University")


def test_a_conjunction_before_a_university_s_canteen_names_no_university(place_finder):
    assert _names(place_finder, "周末他回到母校,但大学图书馆已经翻新。", "University") == {}


def test_a_verb_before_an_office_is_no_part_of_its_name(place_finder):
    assert not any("明确" in n for n in _names(place_finder, "会议明确办公室人员职责。", "GovernmentAgency"))
