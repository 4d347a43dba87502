"""Tests of sckg.extract.tables: carriers listed in a notice's table rows. Every row is
written for these tests."""

from __future__ import annotations

from sckg.extract import extract_article
from sckg.normalize import normalize_text


def _carriers(place_finder, title: str, *lines: str) -> dict[str, tuple[str, str | None]]:
    text = "\n\n".join([title, "2023-11-02 09:00  来源:某某市科学技术局", *lines]) + "\n"
    ex = extract_article(normalize_text(text, article_id="963_tables"), place_finder.find)
    located = {ex.mentions[r.subject].surface for r in ex.relations if r.kind == "locatedIn"}
    assert all(m.surface in located for m in ex.mentions if m.category == "InnovationCarrier"), located
    return {m.surface: (m.cls, m.attr("level")) for m in ex.mentions if m.category == "InnovationCarrier"}


def test_rows_under_a_title_that_names_the_list(place_finder):
    carriers = _carriers(place_finder, "2023年度市级众创空间拟认定名单公示",
                         "序号\t众创空间名称\t运营主体\t所在区县",
                         "1\t星河创客空间\t西安星河科技有限公司\t雁塔区",
                         "2\t西岭·梦工场\t西岭孵化器运营有限公司\t长安区")
    assert carriers == {"星河创客空间": ("MakerSpace", "prefectural"),
                        "西岭·梦工场": ("MakerSpace", "prefectural")}, carriers


def test_rows_under_a_header_row_that_names_the_kind(place_finder):
    carriers = _carriers(place_finder, "关于公布认定结果的通知",
                         "序号  孵化器名称  运营单位  所在地",
                         "1  青禾科创港  青禾科技发展有限公司  未央区")
    assert carriers == {"青禾科创港": ("TechnologyBusinessIncubator", None)}, carriers
