"""Named funds (sckg.extract.funds)."""

from __future__ import annotations

import pytest

from sckg.extract.funds import fund_names


@pytest.mark.parametrize("text,places,name", [
    ("陕西省科技专项资金支持了50个项目。", [], "陕西省科技专项资金"),
    ("泾阳县创业投资引导基金首期规模达到1亿元。", ["泾阳县"], "泾阳县创业投资引导基金"),
])
def test_a_region_s_fund_is_named(text, places, name):
    funds = fund_names(text, places)
    assert [(f.surface, f.cls) for f in funds] == [(name, "Fund")]


@pytest.mark.parametrize("text", ["各地要用好专项资金。", "企业获得了创投基金的支持。"])
def test_a_kind_of_fund_is_no_named_fund(text):
    assert fund_names(text, []) == []
