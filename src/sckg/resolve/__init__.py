"""The resolve stage: mentions become entities, one per real thing across articles.

Abbreviations and partial names are read in the article's context: 自治区科技厅 in an
article about Tibet is 西藏自治区科学技术厅; 省科技厅 in a Yunnan article is
云南省科学技术厅; 昆明高新区 and 昆明国家高新技术产业开发区 are one zone. Places go
through the gazetteer's resolver, which the pipeline passes in; a name it cannot
resolve unambiguously is reported, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from sckg.model import (EVENT_OUTCOMES, Entity, Extraction, Gazetteer, Link, Mention, PlaceResolution,
                        Resolution, ResolvedFigure)
from sckg.resolve.areas import AUTONOMOUS_REGIONS, ENTRIES, contest_of, figure_area, figure_subject
from sckg.resolve.heads import AMBIGUOUS_CITY_SHORT_FORMS, head_place
from sckg.resolve.context import (StemFinder, about_one, article_city, article_county, article_province, county_city,
                                  remembered, speaks_as)
from sckg.resolve.official import (EXPANSIONS, NATIONAL, NATIONAL_PREFIXES, OWN_SYSTEMS, TAIWAN, official_form,
                                   plain_name, unquoted)
from sckg.resolve.scope import in_county, ownerless, person_scopes, role_at
from sckg.resolve.zones import city_zone, zone_body, zone_of

PlaceResolver = Callable[..., PlaceResolution]

# The Xinjiang Production and Construction Corps, which articles call 兵团.
_CORPS, _CORPS_SHORT = "新疆生产建设兵团", "兵团"
_REGION_REF = re.compile(r"^(自治区|全省|我省|省|全区|我区|区)(?!级)")
_ORGS = {"GovernmentAgency", "PublicInstitution", "Company", "Cooperative", "University",
         "ResearchInstitute", "Association", "MediaOutlet", "InnovationCarrier", "Project"}
# Bodies whose official names spell out the region and the agency in full.
_OFFICIAL = {"GovernmentAgency", "PublicInstitution", "InnovationCarrier"}
_ZONE_WORD = re.compile(r"开发区|高新区|园区|新区|试验区|示范区|自贸区|保税区|科技城|港区")
_ZONES = ("HighTechZone", "EconomicDevelopmentZone")
_AGENCY_END = re.compile(r"(厅|局|委|委员会|政府|办公室|部)$")


class _Resolver:
    """Builds the entity table while reading one article after another."""

    def __init__(self, gaz: Gazetteer, resolve_place: PlaceResolver) -> None:
        self.gaz = gaz
        self.resolve_place = resolve_place
        self.entities: dict[str, Entity] = {}
        self.warnings: list[str] = []
        self._by_plain: dict[tuple[str, str], str] = {}  # (group, name without 国家) → first key: _match
        # Names read before: the same names come back in article after article.
        self._canonical: dict[tuple, str] = {}
        self._prefixed: dict[str, str] = {}
        self.heads: dict[tuple[str, str | None], str | None] = {}  # head_place's answers
        self.city: str | None = None  # the city of the article being resolved
        self.county: str | None = None  # and its county or district, when it names one
        self.own_city: str | None = None  # that county, when a county-level city the article is about
        self.article: str | None = None  # "article:" and the id of the article being resolved
        self.zones: list[str] = []  # the full names of the zones the article names

    # ---------------------------------------------------------------- names
    def province_name(self, province: str | None) -> str | None:
        d = self.gaz.divisions.get(province) if province else None
        return d.name if d else None

    def canonical(self, m: Mention, province: str | None) -> str:
        """The full name a mention stands for, in the article's context."""
        # (an agency's full name depends on the article's city: 鼓楼区科技局 in 南京 or in 徐州)
        contextual = m.attr("relative") or m.attr("implied") or m.category == "GovernmentAgency"
        key = (m.surface, m.attrs, m.category, m.cls, province, (self.city, self.county) if contextual else None)
        found = self._canonical.get(key)
        if found is None:
            found = self._canonical[key] = self._canonical_name(m, province)
        return found

    def _relative_name(self, m: Mention, province: str | None) -> str | None:
        """市工信局 in an article about Lanzhou: 兰州市工业和信息化局; 市委: 中共兰州市委."""
        implied = m.attr("implied")
        if implied:
            r = self.resolve_place(self.gaz, implied, province=province, prefecture=self.city)
            place = self._qualified_place(r.code) if r.status == "resolved" and r.code else in_county(self, implied)
            return place + ("行政公署" if place.endswith("盟") else "人民政府")  # a league's: 某盟行政公署
        level = m.attr("relative")
        code = self._relative_code(m, province)
        if not code:
            # 市长 with no city known: the body written, 市人民政府, not the title.
            return level + m.attr("body") if m.attr("body") else None
        place = self._qualified_place(code)
        body = m.attr("body") or re.sub(r"^团?(我|全|本)?(?:地区|自治区|[省市县州区盟旗地])", "", m.surface)
        if m.surface.startswith("团"):
            return "共青团" + place + body  # 团市委: the Youth League's committee
        if body.startswith("委"):  # 地委: 中共某地委, the prefecture's name without its 区
            return "中共" + (place[:-1] if level == "地" and place.endswith("地区") else place) + body
        return place + body

    def _with_city(self, name: str, province: str) -> str:
        """奉贤区人民政府 → 上海市奉贤区人民政府: a body named after a district or county of
        the article's province, by that division's full name, takes its city before it."""
        party = "中共" if name.startswith("中共") else ""  # 中共某区委 → 中共某市某区委
        found = self.division_at(name[len(party):], province, ("区", "县", "旗"), short=True)  # (沿河县委: 沿河土家族自治县)
        if found and self.gaz.divisions[found[0]].level == "county":
            return party + self._qualified_place(found[0]) + name[len(party) + found[1]:]
        return name

    def division_at(self, text: str, province: str, ends: tuple[str, ...],
                    inside: str | None = None, short: bool = False) -> tuple[str, int] | None:
        """The division whose full name (``short``: or short name) ending in one of ``ends`` ``text``
        starts with, in ``province`` and, if given, inside ``inside``: its code and length."""
        for length in (k for k in (6, 5, 4, 3) if len(text) > k and text[:k].endswith(ends)):
            head = text[:length]
            r = self.resolve_place(self.gaz, head, province=province, prefecture=self.city)
            div = self.gaz.divisions.get(r.code or "") if r.status == "resolved" else None
            if div and (div.name == head or short and head in div.short_names) and (
                    inside is None or (r.code != inside and r.code.startswith(inside.rstrip("0")))):
                return r.code, length
        return None

    def _qualified_place(self, code: str) -> str:
        """A division's name as an official body's name starts: a district or county with
        its city before it (上海市奉贤区, 咸宁市咸安区), since many share a name (鼓楼区); a
        county-level city alone."""
        div = self.gaz.divisions[code]
        if div.level != "county" or div.name.endswith("市"):
            return div.name  # a county-level city's bodies are its own: 项城市人民政府
        parent = self.gaz.divisions.get(div.parent) if div.parent else None
        while parent is not None and parent.level != "province" and not parent.name.endswith(("市", "州", "盟", "地区")):
            parent = self.gaz.divisions.get(parent.parent) if parent.parent else None  # 市辖区
        return parent.name + div.name if parent is not None else div.name

    def _relative_code(self, m: Mention, province: str | None) -> str | None:
        """The division whose body a mention named by level alone (市委, 区科技局) is."""
        level = m.attr("relative")
        code = province if level == "省" else (self.own_city if level == "市" else None) or self.city \
            if level in ("市", "州", "盟", "地") else None
        if level in ("区", "县", "旗"):  # 区科技厅 in an autonomous region is the region's
            own = province in AUTONOMOUS_REGIONS and m.surface.endswith("厅")
            code = province if own else self.county if self.county and self.gaz.divisions[
                self.county].name.endswith(level) else None
        return code if code in self.gaz.divisions else None

    def _canonical_name(self, m: Mention, province: str | None) -> str:
        name = m.attr("qualified") or m.surface
        if m.attr("relative") or m.attr("implied"):
            name = self._relative_name(m, province) or name
            if m.attr("implied"):
                return name
        name = unquoted(name)
        if name in NATIONAL and province != TAIWAN:
            return NATIONAL[name]
        if m.category == "Person":
            return re.sub(r"\s+", "", name)  # 王 某, padded in a table, is 王某
        if m.category in ("Event", "Programme", "Project"):
            return name.replace("“", "").replace("”", "") if m.category == "Programme" and \
                m.cls == "ActionProgramme" else name
        parent = m.attr("parent")
        if parent and not name.startswith(parent) and not m.attr("relative"):
            name = parent + name
        if m.category not in _OFFICIAL or province == TAIWAN:
            return name  # a company or a paper keeps its own name (某省日报 keeps its own name)
        national = next((k for k in NATIONAL_PREFIXES if name.startswith(k) and len(name) > len(k)), None)
        if national and (m.category == "GovernmentAgency" or national.endswith("中心")):  # 某部某中心某处
            return NATIONAL[national] + name[len(national):]  # 科技部火炬中心孵化器管理处
        if province in OWN_SYSTEMS:
            return name
        name = official_form(name)  # 某市政府 → 某市人民政府, 某市政协 → 中国人民政治协商会议某市委员会
        corps = m.category == "GovernmentAgency" and name.startswith((_CORPS, _CORPS_SHORT))
        if corps:  # 兵团科技局: the Corps' own, named after no division
            name = _CORPS + name.removeprefix(_CORPS).removeprefix(_CORPS_SHORT)
        for short, full in EXPANSIONS:
            if name.endswith(short) or (short + "管" in name) or short in name:
                name = name.replace(short, full, 1)
                break
        if corps or m.category == "InnovationCarrier" and m.cls not in _ZONES:
            return name  # 陕西印创众创空间, 北京星衡…众创空间: a carrier's name is its own, as written
        if m.category == "GovernmentAgency" and province:
            name = in_county(self, self._with_city(self._with_prefecture(name, province), province))
        region = _REGION_REF.match(name)
        if region and region.group(1).endswith("区") and region.group(1) != "自治区" \
                and province not in AUTONOMOUS_REGIONS:
            region = None  # 区委, 区科技局: a district's, unless the province is a region
        province_name = self.province_name(province)
        if region and province_name:
            name = province_name + name[region.end():]
        else:
            name = self._full_place_prefix(name)
        return name

    def _with_prefecture(self, name: str, province: str) -> str:
        """云南省昆明科技局, 黔西南州科技局 → 昆明市…, 黔西南布依族苗族自治州…: a city's or a
        prefecture's body is named after its division's full name, without the province's."""
        if _ZONE_WORD.search(name) or "大学" in name or "学院" in name:
            return name  # 福州高新区管委会, 南京工业大学…办公室: named after the zone or the school, not its city
        province_name = self.province_name(province) or ""
        rest = name[len(province_name):] if province_name and name.startswith(province_name) else name
        for length in (k for k in (7, 6, 5, 4, 3, 2) if len(rest) > k + 1):
            r = self.resolve_place(self.gaz, rest[:length], province=province)
            if r.status == "resolved" and r.code and self.gaz.divisions[r.code].level == "prefecture":
                if rest.startswith(("街道", "镇", "乡"), length) or rest[:length] in AMBIGUOUS_CITY_SHORT_FORMS \
                        and r.code[:2] != province[:2]:  # 某街道党工委 named like a far city: a subdistrict's
                    return name
                full = self.gaz.divisions[r.code].name
                return rest if rest.startswith(full) else full + rest[length:]
        return name

    def _full_place_prefix(self, name: str) -> str:
        """云南科技厅 → 云南省科学技术厅: a province's short name at the head becomes full."""
        found = self._prefixed.get(name)
        if found is None:
            found = self._prefixed[name] = self._with_full_prefix(name)
        return found

    def _with_full_prefix(self, name: str) -> str:
        if "大学" in name or "学院" in name:
            return name  # 某某大学科技园, 某某工程技术大学…: a university's name is its own
        for length in (8, 7, 6, 5, 4, 3, 2):
            head = name[:length]
            r = self.resolve_place(self.gaz, head)
            if r.status == "resolved" and r.code and r.code.endswith("0000"):
                full = self.gaz.divisions[r.code].name
                return full + name[length:] if head != full else name
        return name

    # ---------------------------------------------------------------- entities
    def _entity(self, key: str, m: Mention, name: str, **extra) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key=key, category=m.category, cls=m.cls, name=name, **extra)
            if not ent.scope:  # (a name of one scope is no other's)
                self._by_plain.setdefault((key.split(":", 1)[0], plain_name(name)), key)
        elif ent.cls != m.cls and m.category == ent.category and m.cls not in ("Place",):
            # A more specific class learnt from the text wins over one read off a name.
            if m.attr("level") or ent.cls in ("EntrepreneurshipPark", "TechnologyBusinessIncubator"):
                ent.cls = m.cls
        for k, v in m.attrs:
            if k not in ("parent", "qualified", "relative", "implied", "body", "head", "anaphor"):
                ent.attrs.setdefault(k, v)
        return ent

    def place(self, m: Mention, province: str | None) -> str | None:
        if m.attr("town"):
            return self._town(m, province)
        r = self.resolve_place(self.gaz, m.surface, province=province)
        if r.status == "resolved" and r.code:
            div = self.gaz.divisions[r.code]
            full, outside = m.surface == div.name, province and not r.code.startswith(province[:2])
            if outside and div.level != "province" and len(m.surface) <= 2 and (not full or div.level == "county") \
                    and not (div.level == "prefecture" and m.surface not in AMBIGUOUS_CITY_SHORT_FORMS):
                self.warnings.append(f"dropped place {m.surface!r}: short form outside the article's province")
                return None
            key = f"place:{r.code}"
            self._entity(key, m, div.name, code=r.code)
            return key
        if r.status == "foreign" and r.foreign:
            key = f"place:{r.foreign.key}"
            self._entity(key, m, r.foreign.name, foreign=r.foreign.key)
            return key
        self.warnings.append(r.message)
        return None

    def _town(self, m: Mention, province: str | None) -> str:
        """A town below the gazetteer's counties: one place per town name within the
        article's county (or city, or province), else within the article."""
        within = self.county or self.city or province
        key = f"place:{within}/{m.surface}" if within else f"place:{m.surface}@{self.article}"
        self._entity(key, m, m.surface, scope=within or self.article)
        return key

    def resolve(self, m: Mention, province: str | None, scope: str | None = None) -> str | None:
        """The key of the entity ``m`` names (a person's within ``scope``: ``person_scopes``)."""
        if m.attr("anaphor") == "kind" and not zone_body(m.surface):
            return None  # 中心副主任某某, no one 中心 named: no body known (管委会副主任某某: a zone's, below)
        if m.category == "Place":
            return self.place(m, province)
        # (来源:某局 and 来源:科技部 are the bodies; 中新网, a national name too, stays an outlet)
        if m.category == "MediaOutlet" and (_AGENCY_END.search(m.surface) or NATIONAL.get(m.surface, "网")[-1] not in "网社"):
            kind = "PublicInstitution" if NATIONAL.get(m.surface, "").endswith("中心") else "GovernmentAgency"
            m = Mention(m.surface, m.start, m.end, kind, kind, m.attrs)
        name = self.canonical(m, province)
        if m.category == "Person":
            return self._entity(f"Person:{name}@{scope}" if scope else f"Person:{name}", m, name, scope=scope).key
        group = "Organization" if m.category in _ORGS - {"InnovationCarrier", "Project"} else m.category
        body = zone_body(m.surface) if m.category == "GovernmentAgency" else None
        zone = (zone_of(body[0], self.zones) or city_zone(body[0], self.zones, self.gaz, self.city)) if body else None
        if zone:  # 高新区管委会: the article's one zone's, else (below) this article's own
            name = self.canonical(replace(m, attrs=(("qualified", zone + body[1] + body[2]),)), province)
        shared = m.attr("scope") if name == unquoted(m.surface) else None  # 第五届创新创业大赛: a city's
        if shared or (body and not zone) or not zone and m.attr("relative") and self._relative_code(m, province) is None \
                or not body and ownerless(self, m, name, province):
            # 区委 with no district known, 科技局 named bare: the article's, not every article's
            within = ({"province": province, "local": self.city}.get(shared) if shared else None) or self.article
            return self._entity(f"{group}:{name}@{within}", m, name, scope=within).key
        return self._entity(self._match(group, name), m, name).key

    def _match(self, group: str, name: str) -> str:
        """The key of an existing entity with the same name, 国家 aside (昆明高新技术产业开发区
        is 昆明国家高新技术产业开发区, 某大学科技园 is 某大学国家大学科技园), or a new key."""
        key = f"{group}:{name}"
        if key in self.entities:
            return key
        if (other_key := self._by_plain.get((group, plain_name(name)))) is not None:
            other = self.entities[other_key]
            if len(name) > len(other.name):  # the official form wins as the label
                other.aliases.add(other.name)
                other.name = name
            return other_key
        return key


def resolve(extractions: list[Extraction], gaz: Gazetteer, resolve_place: PlaceResolver,
            district_stems: StemFinder | None = None) -> Resolution:
    """Resolve every article's mentions, relations and figures into one entity table;
    ``district_stems`` finds the districts a text names by their stem (锡山)."""
    resolve_place = remembered(resolve_place)
    r = _Resolver(gaz, resolve_place)
    links: list[Link] = []
    figures: list[ResolvedFigure] = []
    provinces: dict[str, str] = {}
    # The region of each article first: abbreviations are read in its context.
    for ex in extractions:
        province = article_province(ex, gaz, resolve_place)
        if province:
            provinces[ex.article.id] = province
    for ex in extractions:
        aid = ex.article.id
        province = provinces.get(aid)
        r.city = article_city(ex, gaz, resolve_place, province)
        r.county = article_county(ex, gaz, resolve_place, r.city, district_stems)
        r.own_city = r.county if county_city(ex, gaz, resolve_place, province, r.county) else None
        r.article = f"article:{aid}"  # (a scope, told from a division's code)
        order = sorted(range(len(ex.mentions)), key=lambda i: -len(ex.mentions[i].surface))
        r.zones = [r.canonical(m, province) for m in ex.mentions if m.category == "InnovationCarrier"
                   and m.cls in ("HighTechZone", "EconomicDevelopmentZone", "EntrepreneurshipPark")]
        keys: dict[int, str | None] = {}
        people = person_scopes(r, ex, province)
        for i in order:
            m = ex.mentions[i]
            keys[i] = r.resolve(m, province, people.get(i))
            if keys[i]:
                ent = r.entities[keys[i]]
                surface = unquoted(m.surface)
                # 周口市副市長, 市长: a post's words over the body it implies are no name of it.
                named = not (m.attr("implied") or m.attr("head") or m.attr("anaphor"))
                if surface != ent.name and named:
                    ent.aliases.add(surface)
                if m.attr("qualified") and m.attr("qualified") != ent.name:
                    ent.aliases.add(m.attr("qualified"))
                script = ex.article.script_text[m.start:m.end]
                if script != m.surface and named:
                    ent.hant.add(unquoted(script))
                ent.mentions.append((aid, m.start, m.end, m.surface))
        for rel in ex.relations:
            subject = "article" if rel.subject < 0 else keys.get(rel.subject)
            obj = None if rel.object is None else keys.get(rel.object)
            if subject and (rel.object is None or obj):
                links.append(Link(aid, rel.kind, subject, obj, role_at(rel, ex)))
        for m, key in ((ex.mentions[i], keys[i]) for i in range(len(ex.mentions))):
            if key and m.category in ("InnovationCarrier", "GovernmentAgency", "PublicInstitution",
                                      "Company", "University", "ResearchInstitute", "Event"):
                place = head_place(r, r.entities[key].name, province)
                if place and place != key:
                    kind = {"GovernmentAgency": "jurisdiction", "Event": "location"}.get(
                        m.category, "locatedIn")
                    links.append(Link(aid, kind, key, place))
        subjects: dict[str | None, str | None] = {}
        events = [r.entities[k].name for i, k in keys.items() if k and ex.mentions[i].category == "Event"]
        # A city's article (我市, 全市, 市科技局 …) states its figures of the city, not of the province.
        unstated = "全市" if r.city and r.city != province and (
            speaks_as(ex, "市") or about_one(ex, gaz, resolve_place, province, r.city)) else "全省"
        level = r.gaz.divisions[r.county].name[-1] if r.county else None
        if level in ("县", "区") and not (level == "区" and province in AUTONOMOUS_REGIONS) \
                and (speaks_as(ex, level) or about_one(ex, gaz, resolve_place, province, r.county)):
            unstated = "全" + level  # a county's article (我县, 县科技局): its figures are the county's
        provincial = unstated if unstated == "全省" or speaks_as(ex, unstated[1]) else "全省"  # 省级 carriers
        for index, fig in enumerate(ex.figures):
            if fig.subject not in subjects:
                subjects[fig.subject] = figure_subject(ex, keys, fig.subject)
            subject = subjects[fig.subject]
            area = figure_area(r, fig.area, province)
            about = r.entities[subject].category if subject else None
            scope = provincial if fig.level == "provincial" else unstated
            if area is None and fig.area is None and about in (None, "Programme", "Event") and province and (
                    fig.indicator not in EVENT_OUTCOMES or fig.cumulative or about == "Programme"
                    or (fig.indicator in ENTRIES and contest_of(r, scope, province, events))):
                area = figure_area(r, scope, province)  # unstated: the article's region
            figures.append(ResolvedFigure(aid, index, fig, area, subject))
    return Resolution(articles=[ex.article for ex in extractions], entities=r.entities,
                      links=sorted(set(links), key=lambda l: (l.article, l.kind, l.subject, l.object or "", l.value or "")),
                      figures=figures, provinces=provinces, warnings=r.warnings)
