"""Paragraphs of figures and policy: carrier counts by class and level as of a date,
incubation outcomes, money allocated, resources, growth, policies in 《》 with their
awards, action programmes, funds, and targets for a later year."""

from __future__ import annotations

from .article import Ctx, programme_ent
from .figures import money, num, scaled, some, span, wan, wan_int
from .grammar import Paragraph, choose, say

TYPE_WORDS = {"MakerSpace": "众创空间", "TechnologyBusinessIncubator": "科技企业孵化器",
              "StarCreationSpace": "星创天地", "UniversitySciencePark": "大学科技园"}
NATIONAL_WORDS = {"MakerSpace": ["国家备案众创空间", "国家级众创空间"],
                  "TechnologyBusinessIncubator": ["国家级科技企业孵化器", "国家级孵化器"],
                  "StarCreationSpace": ["国家级星创天地", "国家备案星创天地"],
                  "UniversitySciencePark": ["国家大学科技园"]}


def _as_of(ctx: Ctx) -> tuple[str, str]:
    """``截至2021年底`` and its period, or ``截至目前`` and the article date."""
    rng = ctx.rng
    if rng.random() < 0.25:
        return choose(rng, "[截至目前|目前]"), ctx.date.isoformat()
    year = ctx.year - 1
    text = choose(rng, f"[截至{year}年底|截至{year}年年底|截至{year}年末]")
    return text, f"{year}-12-31"


def carrier_counts(ctx: Ctx) -> Paragraph:
    """截至…, the province had N provincial carriers of a class, of which M national; …"""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    when, period = _as_of(ctx)
    year = int(period[:4])
    classes = rng.sample(["MakerSpace", "TechnologyBusinessIncubator", "StarCreationSpace"], rng.randint(1, 3))
    if rng.random() < 0.15:
        classes.append("UniversitySciencePark")
    p = Paragraph()
    say(rng, p, "{when},{scope}[共有|已建有|拥有|已认定]", when=when, scope=prov.scope)
    for i, cls in enumerate(classes):
        total = prov.count(cls, "provincial", year) + prov.count(cls, "national", year)
        national = prov.count(cls, "national", year)
        word = TYPE_WORDS[cls]
        sep = "" if i == 0 else choose(rng, "[;|,]")
        say(rng, p, "{sep}{tier}{word}{n}", sep=sep, tier=prov.tier, word=word,
            n=f.make(num(total), "家", "carriers", carrier_type=cls, level="provincial", period=period))
        if rng.random() < 0.7:
            say(rng, p, ",其中{nat}{n}", nat=rng.choice(NATIONAL_WORDS[cls]),
                n=f.make(num(national), "家", "carriers", carrier_type=cls, level="national", period=period))
    say(rng, p, "。")
    if rng.random() < 0.5:
        say(rng, p, "[目前|如今],{tier}以上孵化载体已覆盖{scope}{k}。", tier=prov.tier, scope=prov.scope,
            k=f.make(num(len(prov.cities)), "个市州", "prefectures-covered", period=period))
    return p


def outcomes(ctx: Ctx) -> Paragraph:
    """Incubation outcomes of all carriers: incubatees, incubated, graduated, jobs."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    p = Paragraph()
    when, period = _as_of(ctx)
    say(rng, p, "{when},{scope}各类双创载体在孵企业{a},累计孵化企业{b},累计毕业企业{c},带动就业{d}",
        when=when, scope=prov.scope,
        a=f.make(some(rng, 800, 9000), "家", "incubatees", qualifier="random", period=period,
                 carrier_type="InnovationCarrier"),
        b=f.make(some(rng, 1500, 20000), "家", "incubated-enterprises", qualifier="random", cumulative=True,
                 period=period, carrier_type="InnovationCarrier"),
        c=f.make(some(rng, 300, 5000), "家", "graduated-enterprises", qualifier="random", cumulative=True,
                 period=period, carrier_type="InnovationCarrier"),
        d=f.make(wan(rng, 0.8, 25), "人", "jobs", qualifier="random", period=period))
    if rng.random() < 0.5:
        say(rng, p, ",吸纳高校毕业生{e}", e=f.make(some(rng, 500, 9000), "人", "graduates-employed",
                                                  qualifier="random", period=period))
    say(rng, p, "。")
    return p


def funding(ctx: Ctx) -> Paragraph:
    """Money the department allocated to carriers this or last year, and since some year."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    p = Paragraph()
    year = ctx.year - (1 if ctx.date.month < 7 else rng.randint(0, 1))
    say(rng, p, "{year}年,{agency}[安排|下达]科技专项资金{x},对[考核优秀|绩效评价优秀|运行良好]的{n}孵化载体给予[奖励|补助]。",
        year=str(year), agency=prov.agency.ent(prov.agency.surface(rng, 0.4)),
        x=f.make(wan_int(rng, 300, 6000), "元", "funding", period=str(year)),
        n=f.make(some(rng, 12, 90), "家", "awarded-carriers", period=str(year)))
    if rng.random() < 0.6:
        say(rng, p, "[自|从]{y0}年以来,[累计|共]为{tier}孵化载体落实建设和运营奖补资金{x}。",
            y0=str(ctx.year - rng.randint(3, 7)), tier=prov.tier,
            x=f.make(money(rng, 3e7, 6e8), "元", "subsidies", cumulative=True))
    return p


def resources(ctx: Ctx) -> Paragraph:
    """Staff, mentors, floor area and workstations of a class of carriers; investment and patents."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    cls = rng.choice(["MakerSpace", "TechnologyBusinessIncubator"])
    word = TYPE_WORDS[cls]
    kw = {"carrier_type": cls, "level": "provincial"}
    p = Paragraph()
    say(rng, p, "[从队伍和场地看|从服务能力看],{tier}{word}现有专职运营人员{a},签约创业导师{b},孵化场地总面积{c},可提供工位{d}。",
        tier=prov.tier, word=word,
        a=f.make(some(rng, 300, 3000), "人", "staff", **kw),
        b=f.make(some(rng, 400, 4000), "人", "mentors", **kw),
        c=f.make(scaled(rng, 20, 250, "万"), "平方米", "floor-area", **kw),
        d=f.make(some(rng, 2000, 25000), "个", "workstations", **kw))
    say(rng, p, "入孵企业[累计|共]融资{x},申请知识产权{k},其中发明专利{j}。",
        x=f.make(money(rng, 5e7, 2e9), "元", "investment-raised", cumulative=True),
        k=f.make(some(rng, 800, 6000), "件", "intellectual-property"),
        j=f.make(some(rng, 100, 700), "件", "invention-patents"))
    return p


def growth(ctx: Ctx) -> Paragraph:
    """High-tech enterprises and incubatee revenue with growth rates."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    year = ctx.year - 1
    p = Paragraph()
    say(rng, p, "{year}年,{scope}高新技术企业[达到|突破]{n},同比增长{g};在孵企业实现营业收入{x},增长{h}。",
        year=str(year), scope=prov.scope,
        n=f.make(some(rng, 400, 40000), "家", "high-tech-enterprises", period=str(year)),
        g=f.percent(3, 35, period=str(year)),
        x=f.make(money(rng, 5e8, 9e10), "元", "revenue", period=str(year)),
        h=f.percent(2, 25, period=str(year)))
    return p


POLICY_TITLES = ["{p}科技企业孵化器认定管理办法", "{p}众创空间备案管理办法", "{p}星创天地建设实施方案",
                 "关于进一步支持双创载体高质量发展的若干政策", "{p}科技企业孵化器绩效评价办法(试行)",
                 "{p}促进科技成果转化条例", "{p}“十四五”科技创新规划"]


def policy(ctx: Ctx) -> Paragraph:
    """A policy document in 《》 and the awards it sets for newly recognised carriers."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    title = rng.choice(POLICY_TITLES).format(p=prov.place.name)
    doc = programme_ent(title, "PolicyDocument", prov.agency)
    number = f"({prov.abbreviation}科[高|规]发〔{ctx.year - rng.randint(1, 4)}〕{rng.randint(3, 60)}号)"
    p = Paragraph()
    say(rng, p, "[根据|按照]《{doc}》" + (number if rng.random() < 0.4 else ""), doc=doc)
    say(rng, p, ",{agency}对新认定的国家级科技企业孵化器、国家备案众创空间分别给予{x}[一次性奖励|奖励],"
        "对新认定的{tier}科技企业孵化器给予{y}的[补助|一次性补助]。",
        agency=prov.agency.ent(prov.agency.surface(rng, 0.2)),
        x=f.make(wan_int(rng, 50, 200), "元", "subsidies", status="target", area=None),
        tier=prov.tier, y=f.make(wan_int(rng, 10, 100), "元", "subsidies", qualifier="at-most",
                                 word=rng.choice(["不超过", "最高"]), status="target", area=None))
    if rng.random() < 0.5:
        low, high = span(rng, 5, 30, "万")
        say(rng, p, "对新备案的{tier}星创天地,[视绩效评价结果|根据考核情况]给予{r}的运营补助。", tier=prov.tier,
            r=f.make(low, "元", "subsidies", value_max=high, status="target", area=None))
    return p


def action(ctx: Ctx) -> Paragraph:
    """A named action programme in quotation marks and what it achieved."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    name = f"{prov.cup}{choose(rng, '[双创|众创|孵化|创客]')}行动"
    ent = programme_ent(name, "ActionProgramme", prov.agency)
    start = ctx.year - rng.randint(2, 5)
    p = Paragraph()
    say(rng, p, "{y}年以来,{scope}[组织实施|深入实施]“{a}”,新增{tier}以上孵化载体{n};[举办|开展]路演、培训、沙龙等双创活动{m},"
        "吸引{k}参与;为{s}创业企业和团队提供服务。",
        y=str(start), scope=prov.scope, a=ent, tier=prov.tier,
        n=f.make(some(rng, 20, 200), "家", "carriers", carrier_type="InnovationCarrier", level="provincial"),
        m=f.make(some(rng, 300, 5000), "场", "events", qualifier="random"),
        k=f.make(wan(rng, 1, 20), "人次", "participants", qualifier="random"),
        s=f.make(some(rng, 800, 6000), "家", "served-clients", qualifier="random"))
    return p


def fund(ctx: Ctx) -> Paragraph:
    """A named guidance fund, its size and its investments."""
    rng, prov, city, f = ctx.rng, ctx.prov, ctx.city, ctx.figs
    if rng.random() < 0.5:
        name = f"{prov.place.name}科技成果转化引导基金"
    else:
        name = f"{city.place.name}天使投资引导基金"
    ent = programme_ent(name, "Fund")
    p = Paragraph()
    say(rng, p, "[此外|同时],{name}[首期规模|总规模]{x},重点投向[种子期、初创期科技型企业|孵化载体内的初创企业],"
        "[已|目前已]完成投资项目{n}。", name=ent,
        x=f.make(money(rng, 1e8, 2e9), "元", "funding", area=None, subject=name),
        n=f.make(some(rng, 5, 60), "个", "projects", area=None, subject=name))
    return p


def targets(ctx: Ctx) -> Paragraph:
    """What the department plans for a later year (figures with status target)."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    year = ctx.year + rng.randint(2, 5)
    p = Paragraph()
    kw = {"status": "target", "period": str(year)}
    say(rng, p, "[下一步|今后],{agency}[将|还将]在健全孵化载体梯次培育体系上下功夫,[引导|鼓励]载体走专业化、品牌化路子。"
        "[计划|力争]到{year}年,{scope}{tier}以上众创空间达到{a},科技企业孵化器达到{b},在孵企业{c}。",
        agency=prov.agency.ent(prov.agency.surface(rng, 0.2)), year=str(year), scope=prov.scope, tier=prov.tier,
        a=f.make(some(rng, 60, 600), "家", "carriers", carrier_type="MakerSpace", **kw),
        b=f.make(some(rng, 30, 300), "家", "carriers", carrier_type="TechnologyBusinessIncubator", **kw),
        c=f.make(some(rng, 2000, 20000), "家", "incubatees", qualifier="at-least", **kw))
    if rng.random() < 0.5:
        low, high = span(rng, 5, 40)
        say(rng, p, "[其间|今后],{scope}每年[新增|新培育]{tier}以上孵化载体{r}。", scope=prov.scope, tier=prov.tier,
            r=f.make(low, "家", "carriers", carrier_type="InnovationCarrier", level="provincial", value_max=high,
                     status="target"))
    return p


# Writer, weight, and how often one article may use it.
STATS = {"carrier_counts": (carrier_counts, 4, 1), "outcomes": (outcomes, 3, 1), "funding": (funding, 2, 1),
         "resources": (resources, 2, 1), "growth": (growth, 1, 1), "policy": (policy, 2, 1), "action": (action, 1, 1),
         "fund": (fund, 1, 1), "targets": (targets, 2, 1)}


def training_review(ctx: Ctx) -> Paragraph:
    """Training courses for incubator staff held last year, trainees, certificates."""
    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    year = ctx.year - 1
    p = Paragraph()
    say(rng, p, "{year}年,{who}[共举办|组织开展]孵化器从业人员培训{n},培训学员{m},{k}获得从业资格证书。",
        year=str(year), who=prov.staff["centre"].posts[0][1].ent(),
        n=f.make(some(rng, 3, 20), "期", "training-sessions", period=str(year)),
        m=f.make(some(rng, 200, 2500), "人", "trainees", qualifier="random", period=str(year)),
        k=f.make(some(rng, 100, 1800), "人", "certified-staff", period=str(year)))
    return p


def competition_history(ctx: Ctx) -> Paragraph:
    """The provincial competition's editions, entries and money so far."""
    from .events import competition_name

    rng, prov, f = ctx.rng, ctx.prov, ctx.figs
    name, n, edition = competition_name(ctx)
    series = name.replace(edition, "")
    p = Paragraph()
    say(rng, p, "{series}[创办于|始于]{y}年,至今已连续举办{n},累计吸引{m}企业和团队参赛,[省级财政|省科技厅]投入项目资金{x},{k}获奖项目得到资助。",
        y=str(prov.competition_start), series=series,
        n=f.make(num(max(1, ctx.year - prov.competition_start)), "届", "competition-editions"),
        m=f.make(some(rng, 2000, 30000), "家", "applicants", qualifier="random", cumulative=True),
        x=f.make(money(rng, 2e7, 5e8), "元", "funding", cumulative=True),
        k=f.make(some(rng, 100, 1500), "个", "supported-projects"))
    return p


STATS["training_review"] = (training_review, 1, 1)
STATS["competition_history"] = (competition_history, 1, 1)
