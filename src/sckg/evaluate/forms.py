"""The names the scorer compares: a name normalised for comparison, and every form by
which a gold entity is matched."""

from __future__ import annotations

import re
import unicodedata


def norm(text: str) -> str:
    """A name for comparison: NFKC, lower case, without whitespace and punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] not in "PS")


# 某市某县人民政府 and 某县人民政府 name one body: a county's or district's government is
# written with its city or without, and both are its official name.
_CITY_AND_COUNTY_BODY = re.compile(
    r"[\u4e00-\u9fff]{2,6}?(?:市|自治州|州|地区|盟)([\u4e00-\u9fff]{1,6}(?:县|区|旗|市)(?:人民政府|政府))")


def without_city(forms: set[str]) -> set[str]:
    """The forms among ``forms`` of a county's or district's government, without their city."""
    return {m.group(1) for f in forms if (m := _CITY_AND_COUNTY_BODY.fullmatch(f))}


def forms(entity: dict) -> set[str]:
    """The names an entity is matched by: its name and aliases, and for a government
    both 某区人民政府 and 某区政府 (the official and the everyday form of one body), with
    its city before the district's name and without."""
    out = {norm(x) for x in [entity["name"], *entity.get("aliases", [])]} - {""}
    out |= {f.replace("人民政府", "政府") for f in out if f.endswith("人民政府")}
    out |= {f[:-2] + "人民政府" for f in out if f.endswith("政府") and not f.endswith("人民政府") and len(f) > 3}
    return out | without_city(out)
