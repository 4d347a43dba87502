"""Score a built dataset against hand-made gold annotations (tests/gold/README.md).

The scorer reads only the graph, so it can score any extractor: entities are the
resources with ``sc:mentionedIn id:article-{id}``, posts are ``org:Membership``s and
figures are ``qb:Observation``s of the article. Matching is one-to-one within an article.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from sckg.evaluate.forms import forms as _forms, norm, without_city as _without_city  # noqa: F401
from sckg.evaluate.report import format_table, result_json  # noqa: F401 -- the scorer's reports
from sckg.model import (ArticleEvaluation, EvaluationItem, EvaluationResult, InputError,
                        Score)

SC = "https://w3id.org/sckg/ontology#"
ID = "https://w3id.org/sckg/id/"
GRAPH = "https://w3id.org/sckg/graph/"
ORG = "http://www.w3.org/ns/org#"
QB = "http://purl.org/linked-data/cube#"
PROV = "http://www.w3.org/ns/prov#"

CATEGORIES = ("Person", "GovernmentAgency", "PublicInstitution", "Company", "Cooperative",
              "University", "ResearchInstitute", "Association", "MediaOutlet",
              "InnovationCarrier", "Event", "Programme", "Place")
# Checked in this order, so a carrier (⊑ sc:Organization) is never taken for anything else.
_PRIORITY = ("Person", "InnovationCarrier", "GovernmentAgency", "PublicInstitution", "Company",
             "Cooperative", "University", "ResearchInstitute", "Association", "MediaOutlet",
             "Event", "Programme", "Place")
# Used when no ontology is at hand: the classes CONTRIBUTING.md lists.
BUILTIN_CATEGORY = {c: c for c in CATEGORIES} | {
    "AdministrativeCommittee": "GovernmentAgency",
    **{c: "InnovationCarrier" for c in (
        "MakerSpace", "SpecialisedMakerSpace", "TechnologyBusinessIncubator", "StarCreationSpace",
        "UniversitySciencePark", "Accelerator", "HighTechZone", "EconomicDevelopmentZone",
        "DevelopmentZone", "IncubationBase", "EntrepreneurshipPark", "DemonstrationBase",
        "TechnologyMarket")},
    **{c: "Event" for c in ("Competition", "TrainingCourse", "ActivityWeek", "InspectionVisit",
                            "Meeting")},
    **{c: "Programme" for c in ("PolicyDocument", "ActionProgramme", "Plan", "Fund")},
}
UNITS = {"http://qudt.org/vocab/currency/CNY": "CNY", "http://qudt.org/vocab/unit/M2": "m2",
         "http://qudt.org/vocab/unit/PERCENT": "percent", "http://qudt.org/vocab/unit/NUM": "count",
         SC + "PersonTime": "person-time", SC + "Rank": "rank"}
QUALIFIERS = {"Exact": "exact", "AtLeast": "at-least", "Approximately": "approximately",
              "AtMost": "at-most"}
LEVELS = {"NationalLevel": "national", "ProvincialLevel": "provincial",
          "PrefecturalLevel": "prefectural", "CountyLevel": "county"}
ATTRIBUTES = ("area", "period", "carrier_type", "level", "status", "cumulative", "indicator")
_LABELS = (RDFS.label, SKOS.altLabel, SKOS.prefLabel)


# --------------------------------------------------------------------------- loading


#: A gold folder's list of sources (file, url, query) of its articles.
SOURCES = "sources.json"


def load_gold(path: str | Path) -> list[dict]:
    """The gold articles of a JSON file or of the ``*.json`` files in a folder, by id
    (a folder's ``sources.json``, the list of where its articles came from, is not one)."""
    path = Path(path)
    files = sorted(p for p in path.glob("*.json") if p.name != SOURCES) if path.is_dir() else [path]
    if not files:
        raise InputError(f"{path}: no gold JSON files")
    gold = []
    for file in files:
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
            for key in ("article", "entities", "posts", "figures"):
                doc[key]  # noqa: B018 -- presence check
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{file}: not a gold annotation ({exc.__class__.__name__}: {exc})") from None
        gold.append(doc)
    return sorted(gold, key=lambda d: d["article"])


def load_dataset(path: str | Path, ontology: str | Path | None = "ontology") -> tuple[Dataset, Graph]:
    """The dataset of a TriG (or N-Quads) file and a graph of subclass axioms.

    The axioms come from every graph of the dataset and from ``ontology/*.ttl`` when
    that folder exists.
    """
    path = Path(path)
    ds = Dataset(default_union=True)  # queries see every named graph
    try:
        ds.parse(str(path), format="nquads" if path.suffix == ".nq" else "trig")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise InputError(f"{path}: cannot read dataset ({exc.__class__.__name__}: {exc})") from None
    axioms = Graph()
    for s, o in ds.subject_objects(RDFS.subClassOf):
        axioms.add((s, RDFS.subClassOf, o))
    if ontology and Path(ontology).is_dir():
        for ttl in sorted(Path(ontology).glob("*.ttl")):
            onto = Graph().parse(ttl, format="turtle")
            for s, o in onto.subject_objects(RDFS.subClassOf):
                axioms.add((s, RDFS.subClassOf, o))
    return ds, axioms


def category_of(cls: URIRef, axioms: Graph) -> str | None:
    """The gold category of an RDF class: itself or its nearest listed superclass."""
    seen: set[URIRef] = set()
    todo = [cls]
    while todo:
        c = todo.pop()
        if c in seen:
            continue
        seen.add(c)
        todo.extend(o for o in axioms.objects(c, RDFS.subClassOf) if isinstance(o, URIRef))
    for cat in _PRIORITY:
        if URIRef(SC + cat) in seen:
            return cat
    return BUILTIN_CATEGORY.get(str(cls).removeprefix(SC)) if str(cls).startswith(SC) else None


# --------------------------------------------------------------------------- the graph side


def _labels(ds: Dataset, node) -> set[str]:
    out = set()
    for p in _LABELS:
        for lit in ds.objects(node, p):
            if getattr(lit, "language", None) in (None, "zh-Hans", "zh", "zh-CN"):
                out.add(norm(str(lit)))
    return out | _without_city(out)


def _local(node) -> str:
    s = str(node)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _article_nodes(ds: Dataset, article_id: str, cls: URIRef, link: list[URIRef]) -> set:
    """Resources of class ``cls`` linked to the article, or typed in the article's graph."""
    article = URIRef(f"{ID}article-{article_id}")
    found = {s for p in link for s in ds.subjects(p, article) if (s, RDF.type, cls) in ds}
    found |= set(ds.graph(URIRef(GRAPH + article_id)).subjects(RDF.type, cls))
    return found


def predicted_entities(ds: Dataset, article_id: str, axioms: Graph) -> list[dict]:
    """Entities the graph says the article mentions, with category, class and labels."""
    article = URIRef(f"{ID}article-{article_id}")
    out = []
    for node in sorted(set(ds.subjects(URIRef(SC + "mentionedIn"), article))):
        classes = sorted(set(ds.objects(node, RDF.type)))
        cats = {c: category_of(c, axioms) for c in classes}
        cat = next((c for c in _PRIORITY if c in cats.values()), None)
        if cat is None:
            continue
        cls = next((_local(c) for c in classes if cats[c] == cat), None)
        dates = {str(d) for d in ds.objects(node, URIRef(SC + "startDate"))}
        labels = _labels(ds, node)
        name = next((str(lit) for lit in ds.objects(node, RDFS.label)
                     if getattr(lit, "language", None) == "zh-Hans"), _local(node))
        out.append({"iri": str(node), "category": cat, "class": cls, "labels": labels,
                    "name": name, "dates": dates})
    return out


def predicted_posts(ds: Dataset, article_id: str) -> list[dict]:
    """Memberships of the article: person, role and organization label sets."""
    out = []
    links = [URIRef(SC + "mentionedIn"), URIRef(PROV + "wasDerivedFrom")]
    for m in sorted(_article_nodes(ds, article_id, URIRef(ORG + "Membership"), links)):
        person = set().union(*[_labels(ds, p) for p in ds.objects(m, URIRef(ORG + "member"))] or [set()])
        org = set().union(*[_labels(ds, o) for o in ds.objects(m, URIRef(ORG + "organization"))] or [set()])
        role = set().union(*[_labels(ds, r) for r in ds.objects(m, URIRef(ORG + "role"))] or [set()])
        show = "/".join(sorted(person)[:1] + sorted(role)[:1] + sorted(org)[:1])
        out.append({"iri": str(m), "person": person, "role": role, "org": org, "name": show})
    return out


def predicted_figures(ds: Dataset, article_id: str) -> list[dict]:
    """Observations of the article with value, unit, qualifier and attributes."""
    links = [URIRef(SC + "sourceArticle"), URIRef(PROV + "wasDerivedFrom")]
    out = []
    for obs in sorted(_article_nodes(ds, article_id, URIRef(QB + "Observation"), links)):
        def one(prop: str):
            return next(iter(sorted(ds.objects(obs, URIRef(SC + prop)))), None)
        try:
            value = Decimal(str(one("value")))
        except (InvalidOperation, TypeError):
            value = None
        unit, qual, area = one("unit"), one("valueQualifier"), one("refArea")
        indicator = one("indicator")
        keys = {_local(indicator)} if indicator is not None else set()
        if indicator is not None:
            keys |= {norm(str(x)) for x in ds.objects(indicator, SKOS.notation)}
            keys |= {norm(str(x)) for x in ds.objects(indicator, SKOS.prefLabel)}
        out.append({
            "iri": str(obs), "value": value,
            "unit": UNITS.get(str(unit), _local(unit).lower()) if unit is not None else None,
            "qualifier": QUALIFIERS.get(_local(qual), _local(qual)) if qual is not None else "exact",
            "quote": norm(str(one("quote") or "")),
            "area": _labels(ds, area) if area is not None else None,
            "period": str(one("refPeriod")) if one("refPeriod") is not None else None,
            "carrier_type": _local(one("carrierType")) if one("carrierType") is not None else None,
            "level": LEVELS.get(_local(one("accreditationLevel"))) if one("accreditationLevel") is not None else None,
            "status": "target" if one("figureStatus") is not None and _local(one("figureStatus")) == "Target" else "achieved",
            "cumulative": str(one("cumulative")).lower() == "true",
            "indicator": {k.lower() for k in keys},
            "name": f"{one('value')} {_local(unit) if unit is not None else ''} «{one('quote') or ''}»",
        })
    return out


# --------------------------------------------------------------------------- matching


def _match(n_gold: int, n_pred: int, edges: dict[int, list[int]],
           taken: dict[int, int] | None = None) -> dict[int, int]:
    """A maximum one-to-one matching gold → pred (augmenting paths); edges in preference order."""
    owner: dict[int, int] = dict(taken or {})  # pred -> gold
    fixed = set(owner)

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, []):
            if p in seen or p in fixed:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(n_gold):
        if g in edges:
            augment(g, set())
    return {g: p for p, g in owner.items() if p not in fixed}


def _post_matches(gold: dict, pred: dict, people: set[str], orgs: set[str]) -> bool:
    """Whether a predicted post is the gold post: one of the person's names, one of the
    organisation's, and the role, where a role written with its body's short name
    (区委书记 at 区委, 党委书记 at 某某党委, 组织部长 at 某组织部) is the bare role at that
    body (书记, 部长)."""
    if not (people & pred["person"] and orgs & pred["org"]):
        return False
    role = norm(gold["role"])
    named = orgs & pred["org"]
    return role in pred["role"] or any(_short_named(role, r, named) or _short_named(r, role, named)
                                       for r in pred["role"])


def _short_named(long: str, bare: str, orgs: set[str]) -> bool:
    """Whether ``long`` is the role ``bare`` written with the short name of one of ``orgs``
    before it, whole (区委书记) or sharing its last character (组织部长 at 组织部)."""
    if len(long) <= len(bare) or not long.endswith(bare):
        return False
    head = long[:-len(bare)]
    return any(o.endswith(head) or o.endswith(head + bare[0]) for o in orgs)


def _entity_edges(gold: list[dict], preds: list[dict], optional: bool) -> dict[int, list[int]]:
    edges = {}
    for i, g in enumerate(gold):
        if bool(g.get("optional")) != optional:
            continue
        cats = {g["type"], *g.get("also", [])}
        forms = _forms(g)
        edges[i] = [j for j, p in enumerate(preds) if p["category"] in cats and (
            p["labels"] & forms
            or (g.get("unnamed") and p["class"] == g.get("class") and g.get("date") in p["dates"]))]
    return edges


def _figure_edges(gold: list[dict], preds: list[dict], optional: bool) -> dict[int, list[int]]:
    edges = {}
    for i, g in enumerate(gold):
        if bool(g.get("optional")) != optional:
            continue
        quote = norm(g["quote"])
        cands = [j for j, p in enumerate(preds)
                 if p["value"] == Decimal(g["value"]) and p["unit"] == g["unit"]
                 and p["qualifier"] == g["qualifier"]]
        # Candidates whose quote overlaps the gold quote come first.
        edges[i] = sorted(cands, key=lambda j: not (preds[j]["quote"] and (
            preds[j]["quote"] in quote or quote in preds[j]["quote"])))
    return edges


def _attribute_checks(g: dict, p: dict, places: dict[str, set[str]]) -> dict[str, bool]:
    area = (p["area"] is None if g["area"] is None
            else bool(p["area"] and p["area"] & places.get(g["area"], {norm(g["area"])})))
    return {
        "area": area,
        "period": (g["period"] or None) == p["period"],
        "carrier_type": g["carrier_type"] == p["carrier_type"],
        "level": g["level"] == p["level"],
        "status": g["status"] == p["status"],
        "cumulative": bool(g["cumulative"]) == p["cumulative"],
        "indicator": g["indicator"].lower() in p["indicator"] or norm(g["indicator"]) in p["indicator"],
    }


def _found(p: dict, name: str) -> object:
    """A predicted figure's value of one attribute, as a wrong item shows it."""
    value = p[name]
    return (min(value) if value else None) if isinstance(value, (set, frozenset)) else value


def evaluate_article(gold: dict, ds: Dataset, axioms: Graph) -> ArticleEvaluation:
    """Score one article's predictions against its gold annotation."""
    aid = gold["article"]
    res = ArticleEvaluation(article=aid)
    item = lambda kind, cat, text: EvaluationItem(aid, kind, cat, text)  # noqa: E731

    ents, preds = gold["entities"], predicted_entities(ds, aid, axioms)
    m = _match(len(ents), len(preds), _entity_edges(ents, preds, optional=False))
    taken = {p: g for g, p in m.items()}
    opt = _match(len(ents), len(preds), _entity_edges(ents, preds, optional=True), taken)
    for i, g in enumerate(ents):
        if g.get("optional"):
            continue
        res.score(g["type"]).tp += i in m
        if i not in m:
            res.score(g["type"]).fn += 1
            res.missing.append(item("entity", g["type"], g["name"]))
    used = set(m.values()) | set(opt.values())
    for j, p in enumerate(preds):
        if j not in used:
            res.score(p["category"]).fp += 1
            res.spurious.append(item("entity", p["category"], p["name"]))

    forms = {e["name"]: _forms(e) for e in ents}
    posts, ppreds = gold["posts"], predicted_posts(ds, aid)
    edges = {i: [j for j, p in enumerate(ppreds)
                 if _post_matches(g, p, forms.get(g["person"], {norm(g["person"])}),
                                  forms.get(g["organization"], {norm(g["organization"])}))]
             for i, g in enumerate(posts)}
    m = _match(len(posts), len(ppreds), edges)
    res.posts = Score(tp=len(m), fp=len(ppreds) - len(m), fn=len(posts) - len(m))
    res.missing += [item("post", "post", f"{g['person']}/{g['role']}/{g['organization']}")
                    for i, g in enumerate(posts) if i not in m]
    res.spurious += [item("post", "post", p["name"]) for j, p in enumerate(ppreds)
                     if j not in m.values()]

    figs, fpreds = gold["figures"], predicted_figures(ds, aid)
    m = _match(len(figs), len(fpreds), _figure_edges(figs, fpreds, optional=False))
    taken = {p: g for g, p in m.items()}
    opt = _match(len(figs), len(fpreds), _figure_edges(figs, fpreds, optional=True), taken)
    required = [i for i, g in enumerate(figs) if not g.get("optional")]
    used = set(m.values()) | set(opt.values())
    res.figures = Score(tp=len(m), fp=len(fpreds) - len(used), fn=len(required) - len(m))
    for i in required:
        g = figs[i]
        if i not in m:
            res.missing.append(item("figure", g["unit"], f"{g['value']} {g['qualifier']} «{g['quote']}»"))
            continue
        checks = _attribute_checks(g, fpreds[m[i]], forms)
        for name, ok in checks.items():
            res.attributes.setdefault(name, [0, 0])
            res.attributes[name][0] += ok
            res.attributes[name][1] += 1
            if not ok:
                res.wrong.append(item("figure", name, f"«{g['quote']}» want {g.get(name)!r}, "
                                                      f"found {_found(fpreds[m[i]], name)!r}"))
        if g["indicator"] == "carriers":
            res.carrier_counts[1] += 1
            res.carrier_counts[0] += all(checks[k] for k in ("area", "period", "carrier_type", "level"))
    res.spurious += [item("figure", p["unit"] or "", p["name"]) for j, p in enumerate(fpreds)
                     if j not in used]
    return res


def evaluate(gold_path: str | Path, data_path: str | Path,
             ontology: str | Path | None = "ontology", articles: str | Path | None = None) -> EvaluationResult:
    """Score the dataset at ``data_path`` against the gold files at ``gold_path``; with
    ``articles`` (a folder of article files), only the gold articles whose file
    ``<id>.txt`` is there (a corpus pulled in part)."""
    gold = load_gold(gold_path)
    if articles is not None:
        gold = [g for g in gold if (Path(articles) / f"{g['article']}.txt").is_file()]
        if not gold:
            raise InputError(f"{articles}: holds none of the articles of {gold_path}")
    if not Path(data_path).is_file():
        raise InputError(f"{data_path}: no such dataset file")
    ds, axioms = load_dataset(data_path, ontology)
    return EvaluationResult(gold=str(gold_path), data=str(data_path),
                            articles=[evaluate_article(g, ds, axioms) for g in gold])
