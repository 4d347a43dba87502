"""Institutes of the Chinese Academy of Sciences (sckg.extract.academies)."""

from __future__ import annotations

import pytest

from sckg.extract.academies import academy_institutes
from sckg.model import Mention


@pytest.mark.parametrize("text, name, qualified", [
    ("中国科学院西岭分院院长周文彬出席。", "中国科学院西岭分院", None),
    ("中国科学院青禾生物学卓越创新中心主任林海涛讲话。", "中国科学院青禾生物学卓越创新中心", None),
    ("中国科学院西岭化学物理研究所所长出席。", "中国科学院西岭化学物理研究所", None),
    ("中科院西岭化物所与园区签约。", "中科院西岭化物所", "中国科学院西岭化物所"),
    ("中国科学院西岭农业生态试验站专家参加。", "中国科学院西岭农业生态试验站", None),
])
def test_an_institute_named_after_the_academy(text, name, qualified):
    academy = Mention("中国科学院", 0, 5, "ResearchInstitute", "ResearchInstitute") if text.startswith("中国") else None
    found = academy_institutes(text, [academy] if academy else [])
    assert [(m.surface, m.category, m.attr("qualified")) for m in found] == [(name, "ResearchInstitute", qualified)]


def test_the_academy_alone_and_a_longer_name_over_an_institute_are_left_as_they_are():
    assert academy_institutes("中国科学院院士周文彬出席。", []) == []
    longer = Mention("中国科学院西岭分院创新创业中心", 0, 15, "PublicInstitution", "PublicInstitution")
    assert academy_institutes("中国科学院西岭分院创新创业中心成立。", [longer]) == [longer]
