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
