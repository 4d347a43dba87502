"""Towns, townships and sub-districts below the gazetteer's counties (sckg.extract.towns)."""

import pytest

from sckg.extract.towns import towns
from sckg.model import Mention


def _towns(text: str, places: list[Mention] = ()) -> list[str]:
    return [t.surface for t in towns(text, list(places))]


def test_a_town_after_its_district_with_its_head_and_party_committee():
    text = "三水区青禾镇镇长周文彬、青禾镇党委委员林海涛到园区调研。"
    assert _towns(text, [Mention("三水区", 0, 3, "Place", "Place")]) == ["青禾镇", "青禾镇"]


@pytest.mark.parametrize("text, found", [
    pytest.param("县委宣传部一行赴青禾镇调研,在青禾镇创业园座谈。", ["青禾镇", "青禾镇"], id="after-a-verb-of-going"),
    pytest.param("其中,青禾镇入选省级星创天地。", ["青禾镇"], id="clause-start"),
    pytest.param("在青禾镇、白溪镇、桂花湾镇建设孵化中心。", ["青禾镇", "白溪镇", "桂花湾镇"], id="a-list"),
    pytest.param("推进全国重点镇和特色小镇建设,加快城镇化。", [], id="kinds-of-town"),
    pytest.param("实施科技特派员助力乡村振兴行动。", [], id="a-verb-before-乡村"),
    pytest.param("镇区面积扩大,乡级财政增收。", [], id="words-that-go-on"),
    pytest.param("由桂花湾镇承办。", [], id="three-characters-need-more"),
])
def test_towns_the_text_marks_as_places(text, found):
    assert _towns(text) == found


def test_a_town_replaces_a_short_form_of_a_city_that_is_its_name():
    text = "在乐平镇召开现场会。"
    short = Mention("乐平", 1, 3, "Place", "Place")  # 乐平 is also 乐平市's short form
    found = towns(text, [short])
    assert [(t.surface, t.attr("town")) for t in found] == [("乐平镇", "1")]


def test_a_town_s_head_after_its_committee_s_secretary_and_a_village_s_bodies(place_finder, gazetteer):
    from sckg.extract import extract_article
    from sckg.link import resolve_place
    from sckg.normalize import normalize_text
    from sckg.resolve import resolve

    text = ("星河村星创天地带动农民增收\n\n2023-06-06 09:00  来源:某某日报\n\n"
            "  6月5日,县委副书记周文彬到三水区西岭镇星河村调研星创天地建设。星河村党支部书记、村委会主任林海涛介绍,"
            "入驻农业企业12家。西岭镇党委书记马文静、镇长陈立新陪同调研。村民王建华说,去年在星创天地学会了种植技术。\n")
    ex = extract_article(normalize_text(text, article_id="972_village"), place_finder.find)
    assert not any(m.surface.endswith("学会") for m in ex.mentions), ex.mentions  # 学会了: learned
    res = resolve([ex], gazetteer, resolve_place)
    posts = {(res.entities[l.subject].name, l.value, res.entities[l.object].name) for l in res.links if l.kind == "post"}
    assert ("陈立新", "镇长", "佛山市三水区西岭镇人民政府") in posts, posts
    assert ("马文静", "党委书记", "佛山市三水区西岭镇党委") in posts, posts
    assert ("林海涛", "党支部书记", "佛山市三水区星河村党支部") in posts, posts
    assert ("林海涛", "主任", "佛山市三水区星河村委会") in posts, posts
