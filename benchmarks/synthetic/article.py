"""What one article is about while it is written: its province and city, its date,
the people already introduced, the carriers and events it named; and the helpers the
paragraph writers share (titled names, dates, editions, event and carrier mentions)."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from .figures import FigureMaker
from .grammar import Ent, Group, Paragraph
from .things import Carrier, Org, Person
from .world import City, Province, World

@dataclass
class Ctx:
    """The state of one article being written."""

    rng: random.Random
    world: World
    prov: Province
    city: City
    date: datetime.date
    figs: FigureMaker
    introduced: set[str] = field(default_factory=set)
    carriers: list[Carrier] = field(default_factory=list)  # named so far, in order
    events: list[Ent] = field(default_factory=list)
    used_templates: set[str] = field(default_factory=set)

    @property
    def year(self) -> int:
        """The article's year."""
        return self.date.year

    def other_city(self) -> City:
        """A city of the province other than the article's own where there is one."""
        others = [c for c in self.prov.cities if c is not self.city]
        return self.rng.choice(others) if others else self.city

    def carrier(self, city: City | None = None, cls: str | None = None, fresh: bool = True) -> Carrier | None:
        """A carrier of ``city`` (any city if None), of class ``cls`` if given; one not named
        yet in this article when ``fresh``."""
        pool = [c for c in (city.carriers if city else [c for ci in self.prov.cities for c in ci.carriers])
                if (cls is None or c.cls == cls) and not (fresh and c in self.carriers)]
        if not pool:
            return None
        chosen = self.rng.choice(pool)
        self.carriers.append(chosen)
        return chosen

    def iso(self, day: datetime.date) -> str:
        """``YYYY-MM-DD``."""
        return day.isoformat()

    def before(self, low: int = 1, high: int = 6) -> datetime.date:
        """A day shortly before the article's date (when the event it reports took place)."""
        return self.date - datetime.timedelta(days=self.rng.randint(low, high))


def month_day(day: datetime.date) -> str:
    """``5月3日``."""
    return f"{day.month}月{day.day}日"


def full_date(day: datetime.date) -> str:
    """``2021年5月3日``."""
    return f"{day.year}年{day.month}月{day.day}日"


def titled(ctx: Ctx, person: Person, *, org_surface: str | None = None, short: float = 0.6) -> Group | Ent:
    """``省科技厅党组成员、副厅长王某某`` the first time, the bare name afterwards; the posts
    are recorded when the titles are written."""
    if person.name in ctx.introduced or not person.posts:
        return person.ent()
    ctx.introduced.add(person.name)
    org = person.posts[0][1]
    roles = [r for r, o in person.posts if o is org or o.name == org.name]
    if len(roles) > 1 and ctx.rng.random() < 0.35:
        roles = roles[-1:]  # the main post alone: 副厅长王某某
    surface = org_surface or org.surface(ctx.rng, full=1 - short)
    org_ent = _org_ent(ctx, org, surface)
    posts = tuple({"person": person.name, "role": r, "organization": org.name} for r in roles)
    return Group((org_ent, "、".join(roles), person.ent()), posts)


def _org_ent(ctx: Ctx, org: Org, surface: str) -> Ent:
    if org.type == "InnovationCarrier":
        for carrier in [c for ci in ctx.prov.cities for c in ci.carriers] + \
                [ci.zone for ci in ctx.prov.cities if ci.zone]:
            if carrier.name == org.name:
                return carrier.ent(surface)
    return org.ent(surface)


def event_ent(ctx: Ctx, name: str, cls: str, *, edition: int | None = None, edition_text: str = "",
              day: datetime.date | None = None, end: datetime.date | None = None, place=None) -> Ent:
    """An event mention; the alias drops the edition, as the gold format does."""
    record = {"type": "Event", "class": cls, "name": name,
              "aliases": [name.replace(edition_text, "")] if edition_text and edition_text in name else []}
    if edition:
        record["edition"] = edition
    if day:
        record["date"] = day.isoformat()
    if end:
        record["end_date"] = end.isoformat()
    if place is not None:
        record["place"] = place.name
    ent = Ent(name, record)
    ctx.events.append(ent)
    return ent


def programme_ent(name: str, cls: str, issuer: Org | None = None) -> Ent:
    """A programme mention (policy document, action, fund) and its issuer."""
    record = {"type": "Programme", "class": cls, "name": name, "aliases": []}
    if issuer is not None:
        record["issued_by"] = issuer.name
    return Ent(name, record)


def new_paragraph() -> Paragraph:
    """An empty paragraph."""
    return Paragraph()
