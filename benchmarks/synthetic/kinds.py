"""Article kinds: a news report (an event, then figures, profiles and quotations), a
government notice with a list of recognised carriers, and a long feature with section
headings and now and then an interview. Each is written to a length budget (characters
of body text) and returns its body paragraphs and a headline."""

from __future__ import annotations

from .article import Ctx, programme_ent
from .events import LEADS
from .figures import chinese_number, some, wan_int
from .grammar import Paragraph, choose, say, weighted
from .stats import STATS, TYPE_WORDS
from .stories import STORIES, interview
from .things import make_carrier

HEADINGS = ["载体建设提质增效", "服务能力持续提升", "创业生态日益完善", "政策红利不断释放", "人才队伍逐步壮大",
            "农村双创方兴未艾", "典型示范带动明显", "投融资服务更加精准", "孵化链条加快形成", "创业热情竞相迸发"]


def _fill(ctx: Ctx, body: list[Paragraph], budget: int, pool: dict, used: dict[str, int]) -> None:
    """Add paragraphs from ``pool`` (name → (writer, weight, most uses)) until ``budget``
    characters or until every writer has been used up (``used`` counts the uses)."""
    while sum(len(p.text) for p in body) < budget:
        table = {k: w for k, (_, w, cap) in pool.items() if used.get(k, 0) < cap and k not in ctx.used_templates}
        if not table:
            break
        key = weighted(ctx.rng, table)
        used[key] = used.get(key, 0) + 1
        body.append(pool[key][0](ctx))


def news(ctx: Ctx, budget: int) -> tuple[list[Paragraph], str]:
    """A news report: a lead event, then figures and stories, often targets at the end."""
    lead, title = LEADS[weighted(ctx.rng, {k: w for k, (_, w) in LEADS.items()})][0](ctx)
    body = [lead]
    pool = {**STATS, **STORIES}
    used = {"targets": 1}
    _fill(ctx, body, budget - 150, pool, used)
    if ctx.rng.random() < 0.7:
        body.append(STATS["targets"][0](ctx))
    return body, title


def feature(ctx: Ctx, budget: int) -> tuple[list[Paragraph], str]:
    """A long feature: commentary, then sections under headings, now and then an interview."""
    rng, prov = ctx.rng, ctx.prov
    body: list[Paragraph] = [STORIES["commentary"][0](ctx)]
    headings = rng.sample(HEADINGS, 4)
    numbered = rng.random() < 0.4
    pool = {**STATS, **STORIES}
    used: dict[str, int] = {}
    section = 0
    while sum(len(p.text) for p in body) < budget and section < 8:
        heading = Paragraph()
        heading.add(chinese_number(section + 1) if numbered else headings[section % len(headings)])
        body.append(heading)
        if section == 1 and rng.random() < 0.35:
            body += interview(ctx)
        else:
            share = budget // 4 + sum(len(p.text) for p in body)
            _fill(ctx, body, min(budget, share), pool, used)
        section += 1
    title = choose(rng, f"[{prov.place.short}:双创载体成为创新发展“加速器”|{prov.place.short}创新创业生态持续向好|"
                        f"孵化“小苗”成长为“大树”——{prov.place.short}推进双创载体建设综述|"
                        f"{prov.place.short}:让创业者“敢闯敢试”]")
    return body, title


def notice(ctx: Ctx, budget: int) -> tuple[list[Paragraph], str]:
    """A department's notice recognising carriers, with the list as a table and a signature."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    cls = rng.choice(["MakerSpace", "TechnologyBusinessIncubator", "StarCreationSpace"])
    word = TYPE_WORDS[cls]
    year = ctx.year - (1 if ctx.date.month < 4 else 0)
    agency = prov.agency
    short = agency.forms[-1] if agency.forms else agency.name
    batch = rng.randint(1, 9)
    listing = f"{year}年度{prov.place.name}{prov.tier}{word}" if rng.random() < 0.6 else \
        f"第{chinese_number(batch)}批{prov.tier}{word}"
    title = f"{short}关于[认定|公布]{listing}[名单|]的通知"
    rows = max(6, min(90, (budget - 450) // 34))
    carriers = []
    for i in range(rows):
        city = rng.choice(prov.cities)
        c = make_carrier(rng, city.place, i == 0, cls)
        c.level, c.mode = "provincial", "Recognised"
        if c.name not in {x.name for x in carriers}:
            carriers.append(c)
    body = []
    p = Paragraph()
    say(rng, p, "各[市州|设区市]科技局,各有关单位:")
    body.append(p)
    doc = programme_ent(rng.choice([f"{prov.place.name}{word}认定管理办法", f"{prov.place.name}{word}管理办法(试行)"]),
                        "PolicyDocument", agency)
    p = Paragraph()
    say(rng, p, "为[贯彻落实|落实]《{doc}》({abbr}科规〔{y}〕{k}号),[经|通过]单位申报、[市州|设区市]推荐、专家评审和社会公示,"
        "[现决定认定|决定认定]{first}等{n}单位为" + listing + "。名单详见附件。", doc=doc, abbr=prov.abbreviation, y=str(year - rng.randint(1, 3)),
        k=str(rng.randint(3, 40)), first=carriers[0].ent(),
        n=f.make(some(rng, len(carriers), len(carriers)), "家", "carriers", carrier_type=cls, level="provincial",
                 period=str(year)))
    body.append(p)
    p = Paragraph()
    say(rng, p, "各[市州|设区市]科技[管理部门|局]要[切实做好|加强]{tier}{word}的[跟踪服务和业务指导|培育指导工作]。"
        "{agency}将[组织开展|定期开展]年度绩效考核,考核优秀的给予{x}的[奖励|补助],连续两年考核不合格的[撤销其认定资格|取消认定]。",
        tier=prov.tier, word=word, agency=agency.ent(short),
        x=f.make(wan_int(rng, 10, 100), "元", "subsidies", qualifier="at-most", word=rng.choice(["不超过", "最高"]),
                 status="target", area=None))
    body.append(p)
    heading = Paragraph()
    heading.add(f"附件:{listing}名单")
    body.append(heading)
    table = Paragraph()
    table.add(choose(rng, "[序号 单位名称 运营机构 所在市州|序号 载体名称 运营单位 所在地区|编号 名称 依托单位 地区]"))
    body.append(table)
    for i, c in enumerate(carriers, 1):
        row = Paragraph()
        city = next((ci for ci in prov.cities if ci.place.code == c.place.code[:4] + "00"), None)
        where = city.place if city else c.place
        say(rng, row, f"{i} " + "{c} {op} {where}", c=c.ent(), op=c.operator.ent(), where=where.ent(where.form))
        body.append(row)
    sign = Paragraph()
    sign.add(agency.name)
    body.append(sign)
    date = Paragraph()
    date.add(f"{ctx.date.year}年{ctx.date.month}月{max(1, ctx.date.day - rng.randint(0, 3))}日")
    body.append(date)
    return body, choose(rng, title)


KINDS = {"news": (news, 50), "notice": (notice, 15), "feature": (feature, 35)}
