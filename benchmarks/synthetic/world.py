"""The invented world the articles report on, built from the gazetteer and the seed.

Each province gets its science and technology department and other agencies, their
officials, service centres and associations, universities, a provincial competition,
news sites, and per prefecture (a district in the four municipalities) a science and
technology bureau, high-tech and development zones and a pool of carriers with their
operators and managers. A province is built from its own random stream
(``seed:code``), so it is the same whichever articles are generated and in what order;
articles about one province share its people and carriers, as real news does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import names
from .grammar import weighted
from .things import Carrier, Org, Person, Place, make_carrier, make_zone

# Rough weight of each province in the news (by its two-digit code).
PROVINCE_WEIGHTS = {
    "11": 6, "12": 3, "13": 5, "14": 3, "15": 3, "21": 4, "22": 3, "23": 3, "31": 6, "32": 9, "33": 9,
    "34": 5, "35": 5, "36": 4, "37": 8, "41": 6, "42": 6, "43": 5, "44": 10, "45": 4, "46": 2, "50": 4,
    "51": 6, "52": 3, "53": 4, "54": 2, "61": 4, "62": 3, "63": 2, "64": 2, "65": 3,
}
# One-character abbreviations (document numbers, ICP numbers).
ABBREVIATIONS = dict(zip(sorted(PROVINCE_WEIGHTS), "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新"))
_SKIP_NAMES = ("直辖", "市辖区")


@dataclass
class City:
    """A prefecture (or a municipality's district) and what the world puts in it."""

    place: Place
    agency: Org
    director: Person
    deputy: Person
    zone: Carrier | None = None
    zone_committee: Org | None = None
    zone_head: Person | None = None
    carriers: list[Carrier] = field(default_factory=list)
    counties: list[Place] = field(default_factory=list)
    companies: list[tuple[Org, Person]] = field(default_factory=list)  # start-ups and founders
    market: Carrier | None = None

    @property
    def form(self) -> str:
        """How articles name the city with its kind: 宜昌市, 恩施州, 喀什地区."""
        return self.place.form


@dataclass
class Province:
    """A province, autonomous region or municipality and its cast."""

    place: Place
    kind: str  # province | region | municipality
    agency: Org
    agencies: dict[str, Org]
    centre: Org
    productivity: Org
    association: Org
    head: Person
    deputies: list[Person]
    inspector: Person
    cities: list[City]
    universities: list[Org]
    cup: str  # brand of the provincial competition: “{cup}杯”
    competition_start: int
    sites: list[str]
    papers: list[str]
    growth: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)
    staff: dict[str, Person] = field(default_factory=dict)  # heads of the centres and the association

    @property
    def abbreviation(self) -> str:
        """The one-character abbreviation: 苏, 滇 …"""
        return ABBREVIATIONS[self.place.code[:2]]

    @property
    def scope(self) -> str:
        """The whole province as articles say it: 全省, 全区, 全市."""
        return {"province": "全省", "region": "全区", "municipality": "全市"}[self.kind]

    @property
    def we(self) -> str:
        """我省, 我区, 我市."""
        return {"province": "我省", "region": "我区", "municipality": "我市"}[self.kind]

    @property
    def tier(self) -> str:
        """The provincial accreditation word: 省级, 自治区级, 市级."""
        return {"province": "省级", "region": "自治区级", "municipality": "市级"}[self.kind]

    @property
    def prefix(self) -> str:
        """How an agency of this province abbreviates its province: 省, 自治区, 市."""
        return {"province": "省", "region": "自治区", "municipality": "市"}[self.kind]

    def count(self, cls: str, level: str, year: int) -> int:
        """Carriers of class ``cls`` at ``level`` the province had at the end of ``year``
        (the same in every article, growing year by year)."""
        base, rate = self.growth[(cls, level)]
        return max(1, round(base * rate ** (year - 2015)))


class World:
    """Provinces built on demand from the gazetteer and the seed."""

    def __init__(self, gazetteer, seed: int = 0):
        self.seed = seed
        self.divisions = gazetteer.divisions
        children: dict[str, list] = {}
        for d in sorted(self.divisions.values(), key=lambda d: d.code):
            if d.parent and not any(s in d.name for s in _SKIP_NAMES):
                children.setdefault(d.parent, []).append(d)
        self.children = children
        self.province_codes = sorted(c for c in (f"{k}0000" for k in PROVINCE_WEIGHTS) if c in self.divisions)
        self._cache: dict[str, Province] = {}

    def pick_province(self, rng: random.Random) -> Province:
        """A province drawn by its weight in the news."""
        code = weighted(rng, {c: PROVINCE_WEIGHTS[c[:2]] for c in self.province_codes})
        return self.province(code)

    def province(self, code: str) -> Province:
        """The province of ``code``, built on first use."""
        if code not in self._cache:
            self._cache[code] = _build_province(self, code)
        return self._cache[code]

    def place(self, code: str) -> Place:
        """The place of division ``code``."""
        return Place.of(self.divisions[code])


def _kind(division) -> str:
    if division.code[:2] in ("11", "12", "31", "50"):
        return "municipality"
    return "region" if division.name.endswith("自治区") else "province"


def _build_province(world: World, code: str) -> Province:
    rng = random.Random(f"{world.seed}:province:{code}")
    place = world.place(code)
    kind = _kind(world.divisions[code])
    used: set[str] = set()

    def person(*posts: tuple[str, Org]) -> Person:
        """A new person of the province with the given posts."""
        while True:
            name, _ = names.person_name(rng, code)
            if name not in used:
                used.add(name)
                return Person(name, tuple(posts))

    pre = {"province": "省", "region": "自治区", "municipality": "市"}[kind]
    p = place.name
    if kind == "municipality":
        agency_name = p + ("科学技术委员会" if code[:2] in ("11", "31") else "科学技术局")
        forms = (p + "科委", "市科委") if code[:2] in ("11", "31") else (p + "科技局", "市科技局")
    else:
        agency_name, forms = p + "科学技术厅", (p + "科技厅", pre + "科技厅")
    agency = Org(agency_name, forms, "GovernmentAgency", None, p)
    unit = "局" if kind == "municipality" else "厅"
    agencies = {
        "finance": Org(p + "财政" + unit, (pre + "财政" + unit,), "GovernmentAgency", None, p),
        "hrss": Org(p + "人力资源和社会保障" + unit, (pre + "人社" + unit,), "GovernmentAgency", None, p),
        "edu": Org(p + ("教育委员会" if kind == "municipality" else "教育厅"),
                   (pre + ("教委" if kind == "municipality" else "教育厅"),), "GovernmentAgency", None, p),
        "drc": Org(p + "发展和改革委员会", (pre + "发改委",), "GovernmentAgency", None, p),
        "agri": Org(p + "农业农村" + unit, (pre + "农业农村" + unit,), "GovernmentAgency", None, p),
    }
    centre = Org(p + "科技成果转化服务中心", (pre + "科技成果转化服务中心",), "PublicInstitution", None, p)
    productivity = Org(p + "生产力促进中心", (pre + "生产力促进中心",), "PublicInstitution", None, p)
    association = Org(p + "科技企业孵化器协会", (pre + "科技企业孵化器协会",), "Association", None, p)
    head_title = "主任" if agency_name.endswith(("委员会", "局")) and kind == "municipality" else "厅长"
    if agency_name.endswith("局"):
        head_title = "局长"
    deputy_title = "副" + head_title
    head = person(("党组书记", agency), (head_title, agency))
    deputies = [person(("党组成员", agency), (deputy_title, agency)) for _ in range(3)]
    inspector = person(("一级巡视员", agency),)
    staff = {"centre": person(("主任", centre),), "productivity": person(("主任", productivity),),
             "association": person(("会长", association),)}
    universities = _universities(rng, place, world, code)
    cities = [_build_city(rng, world, d, person, i == 0, place, kind)
              for i, d in enumerate(world.children.get(code, [])) if d.level in ("prefecture", "county")
              and (kind == "municipality" or d.level == "prefecture")]
    growth = {}
    size = PROVINCE_WEIGHTS[code[:2]]
    for cls, levels in (("MakerSpace", ("national", "provincial")),
                        ("TechnologyBusinessIncubator", ("national", "provincial")),
                        ("StarCreationSpace", ("national", "provincial")),
                        ("UniversitySciencePark", ("national", "provincial"))):
        scale = {"MakerSpace": 14, "TechnologyBusinessIncubator": 8, "StarCreationSpace": 9,
                 "UniversitySciencePark": 0.8}[cls]
        provincial = size * scale * rng.uniform(0.6, 1.5)
        national = provincial * rng.uniform(0.15, 0.4)
        growth[(cls, "provincial")] = (provincial, rng.uniform(1.06, 1.18))
        growth[(cls, "national")] = (national, rng.uniform(1.04, 1.14))
    sites = [place.short + w for w in ("新闻网", "在线", "科技网", "经济网", "发布")]
    capital = cities[0].place.short if cities else place.short
    papers = [place.short + "科技报", place.short + "经济报", capital + "日报", capital + "晚报"]
    return Province(place, kind, agency, agencies, centre, productivity, association, head, deputies,
                    inspector, cities, universities, names.brand(rng), rng.randint(2008, 2014),
                    sites, papers, growth, staff)


def _universities(rng, place: Place, world: World, code: str) -> list[Org]:
    short = place.short
    kids = world.children.get(code, [])
    capital = Place.of(kids[0]).short if kids else short
    options = [short + "大学", short + "科技大学", short + "理工大学", short + "农业大学", short + "师范大学",
               capital + "学院", capital + "职业技术学院", short + "工业大学"]
    chosen = rng.sample(options, 4)
    return [Org(n, (n,), "University", None, place.name) for n in chosen]


def _build_city(rng, world: World, division, person, capital: bool, province: Place, kind: str) -> City:
    place = Place.of(division)
    form = place.form
    agency = Org(place.name + "科学技术局", (form + "科技局",), "GovernmentAgency", None, place.name)
    city = City(place, agency, person(("局长", agency),), person(("副局长", agency),))
    city.counties = [Place.of(d) for d in world.children.get(division.code, []) if d.level == "county"]
    if capital or rng.random() < 0.6:
        national = capital or rng.random() < 0.5
        zone, committee = make_zone(place, national, "HighTechZone")
        city.zone, city.zone_committee = zone, committee
        city.zone_head = person(("党工委书记", committee), ("主任", committee))
        person(("副主任", committee),)
    if capital:
        city.market = Carrier(place.short + "科技大市场", (place.short + "科技大市场",), "TechnologyMarket",
                              None, None, place, None, None, rng.randint(2008, 2014))
    n = rng.randint(9, 15) if capital else rng.randint(3, 8)
    taken: set[str] = set()
    for _ in range(n):
        host = place if not city.counties or rng.random() < 0.6 else rng.choice(city.counties)
        carrier = make_carrier(rng, host, capital)
        if carrier.name in taken:
            continue
        taken.add(carrier.name)
        carrier.manager = person((carrier.manager_title, carrier.org()),)
        city.carriers.append(carrier)
    for _ in range(rng.randint(2, 5)):
        company = Org(names.company_name(rng, place.short, rng.choice(names.STARTUP_TRADES)), (), "Company",
                      None, place.name)
        founder = person(("创始人", company), (rng.choice(["董事长", "总经理"]), company))
        city.companies.append((company, founder))
    return city
