"""Paragraphs about people and places: a carrier's profile, an entrepreneur's story, a
quotation, a city's carriers, questions and answers, and sentences of commentary."""

from __future__ import annotations

from . import names
from .article import Ctx, event_ent, titled
from .events import competition_name
from .figures import money, scaled, some
from .grammar import Paragraph, say
from .things import Carrier

LEVEL_WORDS = {"national": ["国家级", "国家备案"], "prefectural": ["市级"]}
CLASS_WORDS = {"MakerSpace": "众创空间", "SpecialisedMakerSpace": "专业化众创空间",
               "TechnologyBusinessIncubator": "科技企业孵化器", "StarCreationSpace": "星创天地",
               "UniversitySciencePark": "大学科技园", "Accelerator": "加速器", "IncubationBase": "孵化基地",
               "EntrepreneurshipPark": "创业园区", "DemonstrationBase": "双创示范基地"}
QUOTES = [
    "孵化器不仅要提供场地,更要提供专业化的服务,帮助初创企业跨过成长的门槛",
    "我们希望把更多科技成果留在本地转化,让创业者在家门口就能找到合适的平台",
    "创业之路没有捷径,但一个好的平台能让年轻人少走很多弯路",
    "下一步我们将围绕主导产业,打造从苗圃到孵化器再到加速器的全链条服务体系",
    "农村同样是创业的广阔天地,星创天地要把技术和服务送到田间地头",
    "资金、人才和市场是初创企业最缺的三样东西,我们的工作就是帮他们补齐短板",
    "过去是企业来找我们,现在是我们主动上门,服务方式变了,效率也提高了",
    "孵化载体是科技型小微企业成长的摇篮,也是青年人施展才华的舞台",
    "只有让企业真正留得住、长得大,孵化工作才算做到了位",
    "从一间办公室起步,到拥有自己的厂房,平台的支持让我们心里更有底",
]
COMMENTARY = [
    "近年来,{short}坚持把创新创业摆在[突出位置|重要位置],持续优化创新创业生态,推动双创载体由数量增长向质量提升转变。",
    "[据了解|据介绍],{short}各地围绕主导产业布局专业化孵化载体,逐步形成了“众创空间—孵化器—加速器—产业园区”的梯次孵化链条。",
    "创新创业离不开良好的生态。[一方面,{short}加大政策扶持力度,另一方面|{short}一边加大政策扶持力度,一边]引导社会资本参与载体建设运营,双创活力持续释放。",
    "[与此同时|此外],各类载体积极开展创业辅导、投融资对接、技术转移等服务,帮助初创企业[解决|破解]融资难、招人难等问题。",
    "业内人士认为,孵化载体的竞争正从拼场地、拼政策转向拼服务、拼专业,运营团队的能力越来越重要。",
    "[为营造|为了营造]浓厚的创新创业氛围,各地还通过创业大赛、项目路演、创业沙龙等形式,为创业者搭建展示和交流的平台。",
    "如今,越来越多的高校毕业生、返乡青年和科技人员投身创业,成为推动地方经济发展的一支新生力量。",
]
# Questions and the writer of the answer.
QUESTIONS = {"请您介绍一下近年来双创载体建设的总体情况?": "carrier_counts", "孵化载体的孵化成效如何?": "outcomes",
             "在支持载体发展方面,财政资金发挥了什么作用?": "funding",
             "下一步在推动双创高质量发展方面有什么打算?": "targets",
             "星创天地在乡村振兴中发挥了怎样的作用?": "rural", "高新区在孵化链条中扮演什么角色?": "zone"}


def _level_word(ctx: Ctx, carrier: Carrier) -> str:
    if carrier.level == "provincial":
        return ctx.prov.tier
    return ctx.rng.choice(LEVEL_WORDS.get(carrier.level, [""]))


def carrier_profile(ctx: Ctx) -> Paragraph:
    """A carrier: where, since when, operator, level; residents, mentors, area; its manager speaks."""
    rng, f = ctx.rng, ctx.figs
    city = ctx.city if rng.random() < 0.6 else ctx.other_city()
    carrier = ctx.carrier(city)
    p = Paragraph()
    if carrier is None:
        return commentary(ctx)
    say(rng, p, "{c}位于{place},[成立于{y}年|于{y}年投入运营],由{op}运营", c=carrier.ent(),
        place=carrier.place.ent(carrier.place.form), y=str(carrier.founded), op=carrier.operator.ent())
    if carrier.level:
        say(rng, p, ",是{city}[首批|第一批|较早获批的]{level}{word}之一", city=city.place.ent(city.form),
            level=_level_word(ctx, carrier), word=CLASS_WORDS.get(carrier.cls, "众创空间"))
    say(rng, p, "。目前,[平台|这里]已入驻企业和团队{n},[聘请|拥有]创业导师{m},场地面积{a}。",
        n=f.make(some(rng, 15, 180), "家", "resident-enterprises", qualifier="random", area=None,
                 subject=carrier.name),
        m=f.make(some(rng, 6, 60), "名", "mentors", area=None, subject=carrier.name),
        a=f.make(some(rng, 1500, 30000), "平方米", "floor-area", qualifier="random", area=None,
                 subject=carrier.name))
    if carrier.manager is not None:
        say(rng, p, "{m}介绍,平台为入驻企业提供[工商注册、财税代理、投融资对接|创业辅导、技术转移、市场推广]等一站式服务,"
            "[今年以来|去年]已帮助{k}企业获得融资{x}。", m=titled(ctx, carrier.manager),
            k=f.make(some(rng, 3, 30), "家", "funded-enterprises", area=None, subject=carrier.name),
            x=f.make(money(rng, 2e6, 2e8), "元", "investment-raised", qualifier="random", area=None,
                     subject=carrier.name))
    return p


def entrepreneur(ctx: Ctx) -> Paragraph:
    """A founder, a project, the carrier it grew in, the company, perhaps a prize; a quotation."""
    rng, f = ctx.rng, ctx.figs
    city = ctx.city if rng.random() < 0.5 else ctx.other_city()
    company, founder = rng.choice(city.companies)
    carrier = ctx.carrier(city)
    project = rng.choice(names.PROJECT_WORDS)
    p = Paragraph()
    year = ctx.year - rng.randint(1, 6)
    origin = rng.randrange(3)
    if origin == 0:
        say(rng, p, "{y}年,从{u}毕业的", y=str(year), u=rng.choice(ctx.prov.universities).ent())
    else:
        say(rng, p, "{y}年,[返乡创业的|在外打拼多年的]", y=str(year))
    say(rng, p, "{who}带着“{project}”项目", who=founder.ent(),
        project=project)
    if carrier is not None:
        say(rng, p, "入驻{c},", c=carrier.ent())
    else:
        say(rng, p, ",")
    say(rng, p, "创办了{company}。如今,公司已申请专利{k},年营业收入{x},带动{j}就业。", company=company.ent(),
        k=f.make(some(rng, 3, 60), "件", "patent-applications", area=None, subject=company.name),
        x=f.make(money(rng, 1e6, 1e8), "元", "revenue", qualifier="random", area=None, subject=company.name),
        j=f.make(some(rng, 8, 300), "人", "jobs", qualifier="random", area=None, subject=company.name))
    if rng.random() < 0.6:
        name, n, edition = competition_name(ctx)
        ev = event_ent(ctx, name, "Competition", edition=n, edition_text=edition)
        say(rng, p, "[去年|此前],该项目在{ev}中获得{prize}。", ev=ev, prize=rng.choice(["一等奖", "二等奖", "三等奖", "优秀奖"]))
    ctx.introduced.add(founder.name)
    say(rng, p, "“{q}。”{c}{role}{who}说。", q=_fresh(ctx, QUOTES), c=company.ent(), role="创始人", who=founder.ent())
    p.posts.append({"person": founder.name, "role": "创始人", "organization": company.name})
    return p


def quotation(ctx: Ctx) -> Paragraph:
    """An official quoted, or paraphrased, on carriers."""
    rng = ctx.rng
    speaker = rng.choice(ctx.prov.deputies + [ctx.city.director, ctx.prov.staff["centre"]])
    p = Paragraph()
    if rng.random() < 0.5:
        say(rng, p, "“{q}。”{s}[说|表示],[下一步|今后],[将|还将][继续|进一步]加强[创业孵化人才队伍建设|孵化服务能力建设],"
            "[助力|推动]孵化载体[提档升级|提质扩容]。", q=_fresh(ctx, QUOTES), s=titled(ctx, speaker))
    else:
        say(rng, p, "{s}[表示|指出|强调],{q},[要|必须]进一步[完善扶持政策|强化服务意识],[让|使]更多创业者[受益|找到发展的舞台]。",
            s=titled(ctx, speaker), q=_fresh(ctx, QUOTES))
    return p


def city_carriers(ctx: Ctx) -> Paragraph:
    """Several carriers of one city together, and the city's zone."""
    rng, f = ctx.rng, ctx.figs
    city = ctx.other_city() if rng.random() < 0.5 else ctx.city
    chosen = [c for c in (ctx.carrier(city) for _ in range(rng.randint(2, 3))) if c is not None]
    if not chosen:
        return commentary(ctx)
    p = Paragraph()
    say(rng, p, "在{city}", city=city.place.ent(city.form))
    for i, c in enumerate(chosen):
        say(rng, p, "{sep}{c}", sep="、" if i else ",", c=c.ent())
    say(rng, p, "等载体[各具特色|各有所长],[累计服务创业团队|共服务创业团队]{n},[举办|开展]创业活动{m}。",
        n=f.make(some(rng, 60, 900), "个", "incubated-teams", qualifier="random", area=city.place.name),
        m=f.make(some(rng, 20, 400), "场", "events", qualifier="random", area=city.place.name))
    if city.zone is not None and rng.random() < 0.6:
        say(rng, p, "{zone}[现有|已聚集]科技型企业{n},[去年|上年]新增高新技术企业{k}。", zone=city.zone.ent(),
            n=f.make(some(rng, 200, 3000), "家", "enterprises", qualifier="random", area=None,
                     subject=city.zone.name),
            k=f.make(some(rng, 10, 200), "家", "high-tech-enterprises", area=None, subject=city.zone.name))
    return p


def _fresh(ctx: Ctx, options: list[str]) -> str:
    """One of ``options`` this article has not used yet (if any is left)."""
    left = [o for o in options if o not in ctx.used_templates] or options
    chosen = ctx.rng.choice(left)
    ctx.used_templates.add(chosen)
    return chosen


def commentary(ctx: Ctx) -> Paragraph:
    """A sentence of commentary without figures."""
    p = Paragraph()
    say(ctx.rng, p, _fresh(ctx, COMMENTARY), short=ctx.prov.place.short)
    return p


def interview(ctx: Ctx) -> list[Paragraph]:
    """A few questions and answers with an official (the answers carry figures)."""
    from .stats import STATS
    rng = ctx.rng
    official = rng.choice([ctx.prov.head] + ctx.prov.deputies)
    intro = Paragraph()
    say(rng, intro, "[日前|近日],记者就{short}双创载体建设情况采访了{o}。", short=ctx.prov.place.short,
        o=titled(ctx, official))
    out = [intro]
    writers = {**STATS, **STORIES}
    for q in rng.sample(sorted(QUESTIONS), rng.randint(2, 3)):
        key = QUESTIONS[q]
        if key in ctx.used_templates:
            continue
        ctx.used_templates.add(key)
        question = Paragraph()
        say(rng, question, "记者:" + q)
        out.append(question)
        answer = Paragraph()
        say(rng, answer, "{o}:", o=official.ent())
        answer.extend(writers[key][0](ctx))
        out.append(answer)
    return out


def rural(ctx: Ctx) -> Paragraph:
    """A 星创天地 in the countryside and the farmers it trains."""
    rng, f = ctx.rng, ctx.figs
    city = ctx.city if rng.random() < 0.5 else ctx.other_city()
    carrier = ctx.carrier(city, "StarCreationSpace") or ctx.carrier(None, "StarCreationSpace")
    if carrier is None:
        return commentary(ctx)
    p = Paragraph()
    say(rng, p, "在农村地区,星创天地正成为科技特派员创业和农民增收的重要平台。{c}[依托|围绕]当地特色产业,"
        "[累计|先后]开展实用技术培训{n},培训农民{m},带动周边{k}就业。", c=carrier.ent(),
        n=f.make(some(rng, 10, 120), "场", "training-sessions", area=None, subject=carrier.name),
        m=f.make(some(rng, 300, 6000), "人次", "trainees", qualifier="random", area=None, subject=carrier.name),
        k=f.make(some(rng, 50, 900), "人", "jobs", qualifier="random", area=None, subject=carrier.name))
    return p


def zone(ctx: Ctx) -> Paragraph:
    """A high-tech zone, its committee's head and its carriers."""
    rng, f = ctx.rng, ctx.figs
    cities = [c for c in ctx.prov.cities if c.zone is not None]
    if not cities:
        return commentary(ctx)
    city = ctx.city if ctx.city.zone is not None and rng.random() < 0.6 else rng.choice(cities)
    p = Paragraph()
    total = some(rng, 5, 40)
    say(rng, p, "{z}[聚焦|围绕]{a}、{b}等主导产业,建成各类孵化载体{n},其中国家级{m},孵化面积{s}。",
        z=city.zone.ent(city.zone.forms[0] if rng.random() < 0.5 else city.zone.name),
        a=rng.choice(names.INDUSTRIES), b=rng.choice(names.INDUSTRIES[::-1]),
        n=f.make(total, "家", "carriers", carrier_type="InnovationCarrier", area=None,
                 subject=city.zone.name),
        m=f.make(some(rng, 1, max(2, int(total.text) // 3)), "家", "carriers", carrier_type="InnovationCarrier",
                 level="national", area=None, subject=city.zone.name),
        s=f.make(scaled(rng, 5, 80, "万"), "平方米", "floor-area", qualifier="random", area=None,
                 subject=city.zone.name))
    if city.zone_head is not None:
        say(rng, p, "{h}表示,[园区|高新区]将[持续|进一步]完善“众创空间—孵化器—加速器”孵化链条,为企业成长提供全周期服务。",
            h=titled(ctx, city.zone_head))
    return p


# Writer, weight, and how often one article may use it.
STORIES = {"carrier_profile": (carrier_profile, 4, 5), "entrepreneur": (entrepreneur, 2, 3),
           "quotation": (quotation, 2, 2), "city_carriers": (city_carriers, 2, 3), "commentary": (commentary, 2, 3),
           "rural": (rural, 1, 1), "zone": (zone, 1, 1)}
