"""Lead paragraphs: the event a news report opens with (a training course, a meeting,
a competition final, an inspection visit, an activity week, a list of newly recognised
carriers, a roadshow), each returning the paragraph and a headline for the article."""

from __future__ import annotations

import datetime

from . import names
from .article import Ctx, event_ent, full_date, month_day, titled
from .figures import chinese_number, num as _num, some as _int, wan as _wan, wan_int as _money_wan
from .grammar import Ent, Paragraph, choose, say

TRAINING_TOPICS = ["科技企业孵化器从业人员能力提升", "众创空间运营管理", "创业导师", "双创载体管理人员",
                   "技术经纪人", "科技型中小企业创新能力", "星创天地建设运营", "孵化器投融资服务"]
MEETING_TOPICS = ["科技企业孵化器", "双创载体建设", "众创空间高质量发展", "科技成果转化", "星创天地建设",
                  "创新创业服务体系建设", "科技企业孵化"]
MEETING_KINDS = ["工作推进会", "现场推进会", "工作座谈会", "工作交流会", "工作会", "现场会"]
THEMES = ["创新赋能 创业圆梦", "科技引领 双创筑梦", "汇聚创新力量 激发创业活力", "创新驱动 协同发展",
          "数字赋能 创见未来", "青春逐梦 创新无限"]
VISIT_TOPICS = ["双创", "科技企业孵化", "科技创新", "成果转化", "创新创业"]


def _when(ctx: Ctx, day: datetime.date) -> str:
    return choose(ctx.rng, f"[{month_day(day)}|{month_day(day)}|近日|日前]")


def training(ctx: Ctx) -> tuple[Paragraph, str]:
    """A training course opens, officials attend, trainees come from the whole province."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    n = rng.randint(2, 12)
    edition = f"第{chinese_number(n)}期"
    topic = rng.choice(TRAINING_TOPICS)
    start = ctx.before(3, 9)
    end = start + datetime.timedelta(days=rng.randint(1, 3))
    name = f"{edition}{prov.place.name}{topic}培训班"
    ev = event_ent(ctx, name, "TrainingCourse", edition=n, edition_text=edition, day=start, end=end,
                   place=city.place)
    when = f"{month_day(start)}至{end.day}日" if end.month == start.month else f"{month_day(start)}至{month_day(end)}"
    p = Paragraph()
    say(rng, p, "{when},{ev}在{city}[举办|开班|举行]。", when=when, ev=ev, city=city.place.ent(city.form))
    say(rng, p, "{a},{b}[出席开班仪式|出席活动|出席开班式并讲话]。", a=titled(ctx, rng.choice(prov.deputies)),
        b=titled(ctx, prov.staff["centre"]))
    say(rng, p, "[本期|此次]培训共有{n}学员参加,学员[主要来自|多为]{scope}各地孵化载体的运营管理人员。",
        scope=prov.scope, n=ctx.figs.make(_int(rng, 60, 260), "名", "trainees", qualifier="random", subject=name))
    u1, u2 = rng.sample(prov.universities, 2)
    say(rng, p, "培训[采取|采用]专题讲座与现场教学相结合的方式,{u1}、{u2}的[教授|学者]和{z}的业务骨干[分别|先后]就"
        "[载体运营管理、科技金融|创业辅导、成果转化|绩效评价、品牌建设]等[作了讲解|进行授课]。", u1=u1.ent(), u2=u2.ent(),
        z=(city.zone.ent() if city.zone else prov.productivity.ent()))
    return p, choose(rng, f"[{prov.place.short}举办{name}|{name}在{city.place.short}开班]")


def meeting(ctx: Ctx) -> tuple[Paragraph, str]:
    """A provincial work meeting on carriers, called by the department, in a city."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    topic = rng.choice(MEETING_TOPICS)
    name = prov.scope + topic + rng.choice(MEETING_KINDS)
    day = ctx.before()
    ev = event_ent(ctx, name, "Meeting", day=day, place=city.place)
    p = Paragraph()
    say(rng, p, "{when},{agency}在{city}召开{ev}。{head}出席会议并讲话,{other}[等参加会议|主持会议]。",
        when=_when(ctx, day), agency=prov.agency.ent(prov.agency.surface(rng, 0.6)), city=city.place.ent(city.form),
        ev=ev, head=titled(ctx, rng.choice([prov.head] + prov.deputies)),
        other=titled(ctx, city.director))
    say(rng, p, "会议[总结|回顾]了近年来{scope}{topic}工作[取得的成效|的进展],[部署了|安排了]下一阶段重点任务。",
        scope=prov.scope, topic=topic)
    return p, choose(rng, f"[{prov.place.short}召开{topic}{name[-3:]}|{prov.place.short}部署{topic}重点工作]")


def competition_name(ctx: Ctx, city_level: bool = False) -> tuple[str, int, str]:
    """A competition of the province (or of the article's city): name, edition, edition text."""
    rng, prov = ctx.rng, ctx.prov
    n = max(1, ctx.year - prov.competition_start + 1)
    edition = "首届" if n == 1 else f"第{chinese_number(n)}届"
    if city_level:
        k = rng.randint(1, 8)
        edition = "首届" if k == 1 else f"第{chinese_number(k)}届"
        return f"{ctx.city.form}{edition}创业创新大赛", k, edition
    if rng.random() < 0.5:
        return f"{edition}“{prov.cup}杯”创新创业大赛", n, edition
    return f"{edition}{prov.place.name}科技创新创业大赛", n, edition


def competition(ctx: Ctx) -> tuple[Paragraph, str]:
    """The final of a competition: organisers, entries, finalists, winners, prize money."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    name, n, edition = competition_name(ctx, city_level=rng.random() < 0.25)
    day = ctx.before(1, 4)
    ev = event_ent(ctx, name, "Competition", edition=n, edition_text=edition, day=day, place=city.place)
    p = Paragraph()
    f = ctx.figs
    say(rng, p, "{when},{ev}决赛在{city}[落下帷幕|圆满落幕|举行]。", when=_when(ctx, day), ev=ev,
        city=city.place.ent(city.form))
    say(rng, p, "本届大赛由{a}、{b}主办,{c}承办,共吸引{n}企业和{m}团队报名参赛",
        a=prov.agency.ent(prov.agency.surface(rng, 0.7)), b=prov.agencies["finance"].ent(),
        c=city.agency.ent(city.agency.surface(rng, 0.5)),
        n=f.make(_int(rng, 200, 3000), "家", "applicant-enterprises", subject=name),
        m=f.make(_int(rng, 50, 900), "个", "applicant-teams", subject=name))
    if rng.random() < 0.5:
        say(rng, p, ",[报名总数位列全国|报名数量排在全国]{k}", k=f.rank(rng.randint(1, 25)))
    say(rng, p, "。[历经|经过]初赛、复赛多轮角逐,{k}项目[晋级|闯入]决赛。",
        k=f.make(_int(rng, 30, 150), "个", "projects", subject=name))
    (company, _), (_, founder) = rng.sample(city.companies, 2) if len(city.companies) > 1 else city.companies * 2
    project = rng.choice(names.PROJECT_WORDS)
    say(rng, p, "[在企业组比赛中|企业组中],{c}的“{project}”项目[摘得|夺得]一等奖;[团队组中|在团队组比赛中],{person}[领衔|带领]的团队获得二等奖。"
        "[优胜|获奖]项目可获得{money}的[扶持资金|奖励]。",
        c=company.ent(), project=project, person=titled(ctx, founder),
        money=f.make(_money_wan(rng, 20, 200), "元", "prize-money", qualifier="at-most", word="最高",
                     status="target", subject=name))
    return p, choose(rng, f"[{name}决赛在{city.place.short}落幕|{name}决出优胜项目]")


def visit(ctx: Ctx) -> tuple[Paragraph, str]:
    """An official inspects a carrier or zone (an unnamed InspectionVisit in the manifest)."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    official = rng.choice([prov.head, prov.head] + prov.deputies)
    target = city.zone if city.zone and rng.random() < 0.4 else ctx.carrier(city)
    if target is None:
        return meeting(ctx)
    day = ctx.before()
    topic = rng.choice(VISIT_TOPICS)
    p = Paragraph()
    label = f"{official.name}到{target.name}调研"
    visit_record = {"type": "Event", "class": "InspectionVisit", "name": label, "aliases": [],
                    "unnamed": True, "date": day.isoformat(), "visitor": official.name, "visited": target.name}
    p.add(Ent("", visit_record))
    say(rng, p, "{when},{official}到{target}调研“{topic}”工作。", when=full_date(day),
        official=titled(ctx, official), target=target.ent(), topic=topic)
    host = city.zone_head if target is city.zone and city.zone_head else target.manager
    if host is not None:
        say(rng, p, "{host}[介绍了|汇报了]{short}[发展情况|建设运营情况|孵化服务情况]。", host=titled(ctx, host),
            short=choose(rng, "[园区|平台|该平台]"))
    company, _ = rng.choice(city.companies)
    say(rng, p, "[随后|其间],{o}一行[来到|走进]{c},[详细了解|察看了]企业研发和生产情况。", o=official.ent(), c=company.ent())
    title = f"{prov.agency.forms[0] if prov.agency.forms else prov.agency.name}{official.posts[-1][0]}{official.name}" \
            f"到{target.name}调研{topic}工作"
    return p, title


def activity_week(ctx: Ctx) -> tuple[Paragraph, str]:
    """The province's 双创 activity week: dates, theme, main and sub-venues, events held."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    start = ctx.before(2, 8)
    end = start + datetime.timedelta(days=rng.randint(3, 6))
    name = f"{ctx.year}年{prov.place.name}大众创业万众创新活动周"
    ev = event_ent(ctx, name, "ActivityWeek", day=start, end=end, place=city.place)
    theme = rng.choice(THEMES)
    ev.record["theme"] = theme
    p = Paragraph()
    others = [c for c in prov.cities if c is not city][:6]
    subs = rng.sample(others, min(len(others), 2))
    when = f"{month_day(start)}至{end.day}日" if end.month == start.month else f"{month_day(start)}至{month_day(end)}"
    say(rng, p, "{ev}于{when}举办,活动周以“{theme}”为主题,主会场设在{city}", ev=ev, when=when, theme=theme,
        city=city.place.ent(city.form))
    if subs:
        say(rng, p, ",")
        for i, c in enumerate(subs):
            say(rng, p, "{sep}{c}", sep="、" if i else "", c=c.place.ent(c.form))
        say(rng, p, "设分会场")
    say(rng, p, "。活动周期间,{scope}共[举办|开展]各类双创活动{n},参与人数{m}。", scope=prov.scope,
        n=ctx.figs.make(_int(rng, 40, 400), "场", "events", qualifier="random", subject=name),
        m=ctx.figs.make(_wan(rng, 1, 30), "人次", "participants", qualifier="random", subject=name))
    return p, f"{ctx.year}年{prov.place.short}双创活动周在{city.place.short}启动"


def recognition(ctx: Ctx) -> tuple[Paragraph, str]:
    """The department publishes its list of newly recognised carriers; one of the city is named."""
    rng, prov, city = ctx.rng, ctx.prov, ctx.city
    cls, word = rng.choice([("MakerSpace", "众创空间"), ("TechnologyBusinessIncubator", "科技企业孵化器"),
                            ("StarCreationSpace", "星创天地")])
    first = ctx.carrier(city, cls)
    if first is None:
        return training(ctx)
    p = Paragraph()
    year = ctx.year - (1 if ctx.date.month < 4 else 0)
    n = rng.randint(8, 60)
    say(rng, p, "近日,{agency}[公布|印发]了{year}年度{tier}{word}[认定|备案]名单,{scope}共有{n}单位入选。",
        agency=prov.agency.ent(prov.agency.surface(rng, 0.3)), year=str(year), tier=prov.tier, word=word,
        scope=prov.scope, n=ctx.figs.make(_num(n), "家", "carriers", carrier_type=cls, level="provincial",
                                          period=str(year)))
    ent = first.ent()
    if not first.name.startswith(city.place.short) and rng.random() < 0.5:
        ent = first.ent(city.form + first.name)  # 宜昌市 + 夷陵区…众创空间: one name as written
    say(rng, p, "其中,{c}[榜上有名|成功入选],[这也是|成为]{city}第{k}家{tier}{word}。", city=city.place.ent(city.form),
        c=ent, k=str(rng.randint(2, 19)), tier=prov.tier, word=word)
    return p, f"{prov.place.short}新增{n}家{prov.tier}{word}"


def roadshow(ctx: Ctx) -> tuple[Paragraph, str]:
    """A roadshow or investment matching meeting hosted by a carrier."""
    rng, city = ctx.rng, ctx.city
    host = ctx.carrier(city)
    if host is None:
        return meeting(ctx)
    k = rng.randint(2, 30)
    industry = rng.choice(names.INDUSTRIES)
    if rng.random() < 0.5:
        name, edition = f"第{chinese_number(k)}期“{names.brand(rng)}”创业项目路演", f"第{chinese_number(k)}期"
    else:
        name, edition, k = f"{city.form}{industry}产业投融资对接会", "", None
    day = ctx.before()
    ev = event_ent(ctx, name, "Meeting", edition=k, edition_text=edition, day=day, place=city.place)
    p = Paragraph()
    f = ctx.figs
    say(rng, p, "{when},{ev}在{host}举行。来自[省内外|各地]的{n}投资机构、{m}创业项目参加活动,现场达成意向投资{x}。",
        when=_when(ctx, day), ev=ev, host=host.ent(),
        n=f.make(_int(rng, 8, 60), "家", "investors", qualifier="random", subject=name),
        m=f.make(_int(rng, 6, 40), "个", "projects", subject=name),
        x=f.make(_money_wan(rng, 300, 9000), "元", "investment-raised", qualifier="random", subject=name))
    return p, f"{city.place.short}举办{name}"


LEADS = {"training": (training, 3), "meeting": (meeting, 3), "competition": (competition, 3),
         "visit": (visit, 3), "activity_week": (activity_week, 1), "recognition": (recognition, 2),
         "roadshow": (roadshow, 2)}
