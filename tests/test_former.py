"""Posts held before (src/sckg/extract/former.py): read as posts, and marked as held
before. The articles are written for the tests."""

from __future__ import annotations

import pytest

from sckg.extract import extract_article
from sckg.link import resolve_place
from sckg.normalize import normalize_text
from sckg.resolve import resolve


def _resolved_posts(place_finder, gazetteer, sentence: str) -> tuple[set, set]:
    """(person, role, organisation) of every post the sentence gives, and of those marked former."""
    text = "无锡召开科技工作会议\n\n2023-03-02 09:00  来源:无锡日报\n\n  " + sentence + "\n"
    ex = extract_article(normalize_text(text, article_id="990_former"), place_finder.find)
    res = resolve([ex], gazetteer, resolve_place)

    def named(kind: str) -> set:
        return {(res.entities[l.subject].name, l.value, res.entities[l.object].name) for l in res.links if l.kind == kind}
    return named("post"), named("formerPost")


@pytest.mark.parametrize("sentence, post", [
    pytest.param("会上，原市科技局局长周文彬作了发言。", ("周文彬", "局长", "无锡市科学技术局"), id="原-before-the-body"),
    pytest.param("会上，市科技局原局长周文彬作了发言。", ("周文彬", "局长", "无锡市科学技术局"), id="原-before-the-title"),
    pytest.param("会上，周文彬（原无锡市科技局副局长）作了发言。", ("周文彬", "副局长", "无锡市科学技术局"),
                 id="原-in-an-aside"),
    pytest.param("周文彬曾任市科技局副局长。", ("周文彬", "副局长", "无锡市科学技术局"), id="曾任-after-the-name"),
    pytest.param("会上，周文彬，原市科技局局长，作了发言。", ("周文彬", "局长", "无锡市科学技术局"), id="原-between-commas"),
])
def test_a_post_held_before_is_read_and_marked_so(place_finder, gazetteer, sentence, post):
    posts, former = _resolved_posts(place_finder, gazetteer, sentence)
    assert post in posts and post in former, (posts, former)


@pytest.mark.parametrize("sentence, post", [
    pytest.param("会议决定，任命林海涛任市科技局副局长。", ("林海涛", "副局长", "无锡市科学技术局"),
                 id="任-before-the-body"),
    pytest.param("原市科技局局长周文彬、市科技局局长林海涛出席会议。", ("林海涛", "局长", "无锡市科学技术局"),
                 id="a-current-head-beside-a-former-one"),
    pytest.param("太原市科技局局长林海涛出席会议。", ("林海涛", "局长", "太原市科学技术局"), id="原-inside-a-city-s-name"),
    pytest.param("林海涛（无锡市科技局副局长）作了发言。", ("林海涛", "副局长", "无锡市科学技术局"), id="an-aside-of-now"),
])
def test_a_post_held_now_is_not_marked_and_its_body_is_named_by_level(place_finder, gazetteer, sentence, post):
    posts, former = _resolved_posts(place_finder, gazetteer, sentence)
    assert post in posts and post not in former, (posts, former)
    assert not any(org.startswith("原") or "任命" in org for _, _, org in posts), posts
