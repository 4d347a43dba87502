"""The things articles name: places, organisations, people and carriers, each able to
give its manifest record (the gold annotation format of tests/gold/README.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import names
from .grammar import Ent, weighted


@dataclass(frozen=True)
class Place:
    """A division of the gazetteer: full name, a short form, and the form with its kind."""

    code: str
    name: str
    short: str
    level: str

    @classmethod
    def of(cls, division) -> Place:
        """The place of a gazetteer division."""
        return cls(division.code, division.name, (division.short_names or (division.name,))[0],
                   division.level)

    @property
    def form(self) -> str:
        """The name as articles write it with its kind: 宜昌市, 恩施州, 喀什地区, 兴安盟."""
        if self.name.endswith("自治州") and self.short != self.name:
            return self.short + "州"
        return self.name

    def ent(self, surface: str | None = None) -> Ent:
        """A mention of this, written as ``surface`` (default: the full name)."""
        surface = surface or self.name
        return Ent(surface, {"type": "Place", "name": self.name,
                             "aliases": sorted({surface, self.short, self.form} - {self.name})})


@dataclass(frozen=True)
class Org:
    """An organisation: canonical (full) name, the forms articles use, gold type and class."""

    name: str
    forms: tuple[str, ...]
    type: str
    cls: str | None
    place: str | None

    def ent(self, surface: str | None = None) -> Ent:
        """A mention of this, written as ``surface`` (default: the full name)."""
        surface = surface or self.name
        record = {"type": self.type, "name": self.name, "aliases": sorted({surface, *self.forms} - {self.name})}
        if self.cls:
            record["class"] = self.cls
        if self.place:
            record["place"] = self.place
        return Ent(surface, record)

    def surface(self, rng: random.Random, full: float = 0.5) -> str:
        """The full name or, with probability ``1 - full``, one of the short forms."""
        if not self.forms or rng.random() < full:
            return self.name
        return rng.choice(self.forms)


@dataclass(frozen=True)
class Person:
    """A person and the posts (role, organisation) the world gives them."""

    name: str
    posts: tuple[tuple[str, Org], ...]

    def ent(self) -> Ent:
        """A mention of this, written as ``surface`` (default: the full name)."""
        return Ent(self.name, {"type": "Person", "name": self.name, "aliases": []})


# Carrier classes: weight in a city's pool, the name endings used, manager's title.
CARRIER_TYPES = {
    "MakerSpace": (34, ["众创空间", "众创空间", "众创空间", "创客空间", "创客中心"], "总经理"),
    "TechnologyBusinessIncubator": (24, ["科技企业孵化器", "科技企业孵化器", "孵化器"], "主任"),
    "StarCreationSpace": (12, ["星创天地"], "负责人"),
    "SpecialisedMakerSpace": (5, ["专业化众创空间"], "总经理"),
    "IncubationBase": (6, ["创业孵化基地", "孵化基地", "创业孵化示范基地"], "主任"),
    "EntrepreneurshipPark": (7, ["创业园", "创新创业园", "双创产业园"], "总经理"),
    "UniversitySciencePark": (3, ["大学科技园"], "主任"),
    "Accelerator": (3, ["加速器"], "总经理"),
    "DemonstrationBase": (2, ["双创示范基地"], "负责人"),
    "unusual": (4, ["创客工场", "梦工场", "创业咖啡", "创新工坊"], "总经理"),
}
# Levels per class: (national, provincial, prefectural) weights, and whether a national
# one is filed (备案) rather than recognised (认定).
_LEVELS = {
    "MakerSpace": ((25, 50, 25), True), "TechnologyBusinessIncubator": ((30, 50, 20), False),
    "StarCreationSpace": ((40, 60, 0), True), "SpecialisedMakerSpace": ((60, 40, 0), True),
    "UniversitySciencePark": ((50, 50, 0), False), "unusual": ((0, 50, 50), True),
}


@dataclass
class Carrier:
    """A carrier: its name, class, level, place, operator company and manager."""

    name: str
    forms: tuple[str, ...]
    cls: str
    level: str | None  # national | provincial | prefectural | None
    mode: str | None  # Filed | Recognised | None
    place: Place
    operator: Org | None
    manager: Person | None
    founded: int
    manager_title: str = "负责人"
    unusual: bool = False  # named without any of the usual type words

    def org(self) -> Org:
        """The carrier as an organisation (people hold posts at it)."""
        return Org(self.name, self.forms, "InnovationCarrier", self.cls if not self.unusual else "MakerSpace",
                   self.place.name)

    def ent(self, surface: str | None = None) -> Ent:
        """A mention of this, written as ``surface`` (default: the full name)."""
        ent = self.org().ent(surface)
        if self.level:
            ent.record["level"] = self.level
        return ent


def make_zone(place: Place, national: bool, cls: str) -> tuple[Carrier, Org]:
    """A high-tech zone of ``place`` and its administrative committee."""
    short = place.short
    name = short + ("国家高新技术产业开发区" if national else "高新技术产业开发区")
    zone = Carrier(name, (short + "高新区",), cls, "national" if national else "provincial", "Recognised",
                   place, None, None, 0)
    committee = Org(name + "管理委员会", (short + "高新区管委会",), "GovernmentAgency", None, place.name)
    return zone, committee


def make_carrier(rng: random.Random, place: Place, capital: bool, cls: str | None = None) -> Carrier:
    """A carrier in ``place`` (of class ``cls``, else of a weighted one), named from the
    place and brand words."""
    table = {k: v[0] for k, v in CARRIER_TYPES.items()}
    if not capital:
        table["UniversitySciencePark"] = 0
    cls = cls or weighted(rng, table)
    _, endings, title = CARRIER_TYPES[cls]
    ending = rng.choice(endings)
    short = place.short
    if cls == "SpecialisedMakerSpace":
        stem = short + rng.choice(names.INDUSTRIES)
    elif cls == "StarCreationSpace":
        stem = short + rng.choice(names.AGRI_WORDS)
    elif cls == "UniversitySciencePark":
        stem = short + rng.choice(["理工", "科技", "工业", "师范"])
        ending = "大学科技园"
    elif cls == "EntrepreneurshipPark" and rng.random() < 0.3:
        stem = short + rng.choice(["返乡", "青年", "大学生", "退役军人"])
    else:
        stem = short + names.brand(rng) + rng.choice(["", "", "", "创客", "科创", "智造", "数字", "电商"])
    name = stem + ending
    weights, filed = _LEVELS.get(cls, ((0, 50, 50), False))
    level = weighted(rng, {"national": weights[0], "provincial": weights[1], "prefectural": weights[2]}) \
        if sum(weights) else None
    if cls in ("IncubationBase", "EntrepreneurshipPark", "Accelerator", "DemonstrationBase") and rng.random() < 0.5:
        level = None
    mode = None if level is None else ("Filed" if filed and level == "national" else "Recognised")
    operator = Org(names.company_name(rng, short, rng.choice(names.COMPANY_TRADES[:5])), (), "Company", None,
                   place.name)
    carrier_cls = "MakerSpace" if cls == "unusual" else cls
    # Founded before the first article year (2015), so no article predates its carrier.
    return Carrier(name, (), carrier_cls, level, mode, place, operator, None, rng.randint(2006, 2014),
                   title, unusual=cls == "unusual")
