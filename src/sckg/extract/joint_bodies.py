"""某省委省政府, 某市委市政府, 党中央国务院: a party committee and its government named
together. Written with the place, they are its two bodies; written bare (省委省政府),
they are left unnamed, since the article may be about more than one province."""

from __future__ import annotations

import re

from sckg.model import Mention

_JOINT = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,8}?(?P<level>[省市县区州]))委(?P=level)?(?:和|及|、)?政府")
# A body the two run together (某市委市政府政研室, 省委省政府办公厅): one body, not the two.
_JOINT_UNIT = re.compile(r"(?!的|部署)[\u4e00-\u9fff]{0,3}?(?:室|办|部|局|委|厅|处|中心)")
_STATE = re.compile(r"(?P<party>党中央|中共中央)(?:和|及|、)?(?P<council>国务院)")


def joint_bodies(text: str, start: int, end: int, places: list[str]) -> list[Mention]:
    """The committee and the government named together in ``text[start:end]`` (某省委省政府),
    when the name starts with one of the text's ``places``; else none. The government's full
    name is ``qualified``; the committee's is given as any committee found whole is
    (:func:`sckg.extract.agencies.party_committees`)."""
    state = _STATE.fullmatch(text, start, end)
    if state:  # 党中央、国务院: the State Council (and the Central Committee when written 中共中央)
        return [Mention(text[k:e], k, e, "GovernmentAgency", "GovernmentAgency")
                for k, e in (state.span("party"), state.span("council")) if text[k:e] != "党中央"]
    m = _JOINT.fullmatch(text, start, end)
    if m is None or _JOINT_UNIT.match(text, end):
        return []
    place = m.group("place")
    if not any(p in (place, place[:-1]) for p in places):
        return []
    committee_end = m.end("level") + 1  # 某省委
    government_start = end - 3 if text[end - 3:end - 2] == m.group("level") else end - 2  # (省)政府
    return [Mention(text[start:committee_end], start, committee_end, "GovernmentAgency", "GovernmentAgency"),
            Mention(text[government_start:end], government_start, end, "GovernmentAgency", "GovernmentAgency",
                    (("qualified", place + "人民政府"),))]
