"""Divisions changed since cpca's table (GB/T 2260 as of 2016), as data.

cpca 0.5.5 ships the 2016 division list. The rows below bring the divisions that the
project's regions (Tibet, Xinjiang) and a few well-known cases changed since then in
line with the current GB/T 2260 codes published by the Ministry of Civil Affairs.
Each row: ``(year, action, old code, old name, new code, new name)``.

- ``recode``: the division became ``new code``/``new name`` (县→区/市, 地区→市 …); its
  point stays the one cpca gives for the old division (the seat did not move).
- ``abolish``: the division no longer exists (merged into its neighbours).

The old name stays a short form of the new division, so older articles still resolve.
The table is deliberately small: add a row only with the date of the State Council
approval and the new code in hand.
"""

from __future__ import annotations

CORRECTIONS: tuple[tuple[str, str, str, str, str | None, str | None], ...] = (
    # Hebei: cpca files the two directly administered cities under a pseudo code 1390xx.
    ("2013", "recode", "139001", "定州市", "130682", "定州市"),
    ("2014", "recode", "139002", "辛集市", "130181", "辛集市"),
    ("2016", "abolish", "130421", "邯郸县", None, None),
    ("2014", "abolish", "410211", "金明区", None, None),
    ("2016", "abolish", "330204", "江东区", None, None),
    # Shandong: 莱芜 merged into 济南.
    ("2019", "abolish", "371200", "莱芜市", None, None),
    ("2019", "recode", "371202", "莱城区", "370116", "莱芜区"),
    ("2019", "recode", "371203", "钢城区", "370117", "钢城区"),
    # Tibet.
    ("2017", "recode", "540126", "达孜县", "540104", "达孜区"),
    ("2017", "recode", "542400", "那曲地区", "540600", "那曲市"),
    ("2017", "recode", "542421", "那曲县", "540602", "色尼区"),
    ("2017", "recode", "542422", "嘉黎县", "540621", "嘉黎县"),
    ("2017", "recode", "542423", "比如县", "540622", "比如县"),
    ("2017", "recode", "542424", "聂荣县", "540623", "聂荣县"),
    ("2017", "recode", "542425", "安多县", "540624", "安多县"),
    ("2017", "recode", "542426", "申扎县", "540625", "申扎县"),
    ("2017", "recode", "542427", "索县", "540626", "索县"),
    ("2017", "recode", "542428", "班戈县", "540627", "班戈县"),
    ("2017", "recode", "542429", "巴青县", "540628", "巴青县"),
    ("2017", "recode", "542430", "尼玛县", "540629", "尼玛县"),
    ("2017", "recode", "542431", "双湖县", "540630", "双湖县"),
    ("2023", "recode", "540422", "米林县", "540481", "米林市"),
    ("2023", "recode", "540530", "错那县", "540581", "错那市"),
    # Xinjiang.
    ("2019", "recode", "652923", "库车县", "652902", "库车市"),
    ("2021", "recode", "654223", "沙湾县", "654203", "沙湾市"),
)
