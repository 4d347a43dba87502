"""The page around an article: navigation and breadcrumbs, welcome banners, the source,
date and byline lines, editors, copyright notices, related and hot-news sidebars with
unrelated headlines, share and print links and site footers. Nothing here is planted:
the manifest records only what the body (and the byline) says."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from .article import Ctx
from .grammar import choose
from .world import Province

SECTIONS = ["新闻中心", "科技要闻", "经济", "要闻动态", "科技创新", "地方新闻", "工作动态", "创新创业"]
_HEADLINES = [
    "{city}启动[春季|夏季|秋季|冬季]消费季活动", "{short}[小麦|油菜|茶叶|蔬菜|水果]喜获丰收", "{city}新增{n}条公交线路",
    "{city}举办[篮球|足球|乒乓球|马拉松]邀请赛", "{short}{n}个重点项目集中开工", "{city}开展[燃气|消防|道路交通]安全专项检查",
    "{short}[草原|冰雪|乡村|红色]旅游季正式开启", "{short}发布[森林防火|暴雨|高温]预警", "{city}{n}所中小学完成校舍改造",
    "{city}举行[民俗|非遗|读书]文化活动", "{short}上半年外贸进出口稳中有升", "{city}一季度地区生产总值同比增长{p}%",
    "{short}出台促进消费若干措施", "{city}开通{n}条城乡客运线路", "{city}全力做好[春运|防汛|秋粮收购]工作",
    "{short}[医保|社保]服务实现“一网通办”", "{city}老旧小区改造惠及{n}户居民", "{short}多地迎来[降雪|降雨|大风]天气",
]
_SUMMARIES = ["记者从{city}有关部门获悉,相关工作正在有序推进。", "近日,{city}召开专题会议,对下一阶段工作作出部署。",
              "据介绍,活动将持续到本月底,市民可通过线上线下多种方式参与。", "目前各项准备工作已基本就绪。"]


def headline(rng: random.Random, prov: Province) -> str:
    """An unrelated headline of the province (for sidebars and previous/next links)."""
    city = rng.choice(prov.cities).place.short if prov.cities else prov.place.short
    return choose(rng, rng.choice(_HEADLINES)).format(city=city, short=prov.place.short, n=rng.randint(2, 30),
                                                      p=round(rng.uniform(3, 9), 1))


def _distinct(rng: random.Random, prov: Province, n: int) -> list[str]:
    out: list[str] = []
    for _ in range(3 * n):
        title = headline(rng, prov)
        if title not in out:
            out.append(title)
        if len(out) == n:
            break
    return out


def _stamp(rng: random.Random, day: datetime.date, style: int) -> str:
    time = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    return [day.isoformat(), f"{day.isoformat()} {time}", f"{day.isoformat()} {time}:{rng.randint(0, 59):02d}",
            f"{day.year}年{day.month:02d}月{day.day:02d}日 {time}", f"{day:%y-%m-%d} {time}",
            f"{day.year}/{day.month}/{day.day} {time}:{rng.randint(0, 59):02d}"][style]


@dataclass
class Header:
    """Lines before the body, byline lines opening it, and the outlets and people they name."""

    lines: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def header(ctx: Ctx, title: str, site: str, paper: str | None, reporter: str | None, editor: str | None,
           kind: str) -> Header:
    """The navigation, title, source/date line and byline of the page."""
    rng, prov, day = ctx.rng, ctx.prov, ctx.date
    out = Header()
    lines = out.lines
    nav = rng.randrange(4)
    if kind == "notice":
        lines.append(choose(rng, "[首页 > 政务公开 > 通知公告|首页 > 信息公开 > 通知公告|您现在的位置:首页 > 通知公告]"))
    elif nav == 0:
        lines.append(f"{site} > 新闻 > {prov.place.short}新闻")
    elif nav == 1:
        lines.append(f"您当前的位置 : {site} >> {prov.place.short}新闻 >> {rng.choice(SECTIONS)}")
    elif nav == 2:
        lines += [choose(rng, "[服务创新创业 传递科技声音|关注科技创新 服务地方发展|权威发布 服务民生]"),
                  "加入收藏 设为首页 联系我们", site, f" 首页 >>{rng.choice(SECTIONS)} >>{title}"]
    else:
        lines += [choose(rng, f"[您好,欢迎访问{site}!|欢迎光临{site}]"), rng.choice(SECTIONS)]
    lines += ["", title, ""]
    if kind == "feature" and rng.random() < 0.4:
        lines += [f"  原标题:{choose(rng, '[创新创业热潮涌动|双创沃土育新苗|小载体撬动大发展]')}", ""]
    source = paper or site
    style = rng.randrange(5) if kind != "notice" else 5
    stamp = _stamp(rng, day, rng.randrange(6))
    if style == 0:
        lines.append(f"{stamp}  来源:{source}" + (f"  作者:记者 {reporter}" if reporter else "")
                     + (f"  编辑:{editor}" if editor else ""))
        out.outlets.append(source)
        out.people += [n for n in (reporter, editor) if n]
    elif style == 1:
        lines.append(f"来源:{source}   时间:{day.isoformat()}")
        out.outlets.append(source)
        if reporter:
            out.byline.append(f"  记者 {reporter}")
            out.people.append(reporter)
    elif style == 2:
        lines.append(f"* 来源: {source} * 作者: admin * 发表时间: {stamp} * 浏览: {rng.randint(50, 9000)}")
        out.outlets.append(source)
    elif style == 3:
        lines.append(f"{stamp} 来源:{site}" + (f"-{source}" if source != site else "")
                     + (f" 编辑:{editor}" if editor else ""))
        out.outlets += [site, source] if source != site else [site]
        out.people += [editor] if editor else []
        if reporter:
            out.byline.append(f"  {source}记者 {reporter}")
            out.people.append(reporter)
    elif style == 4:
        lines.append(f"发布时间:{stamp}  来源:{source}")
        out.outlets.append(source)
        if reporter:
            out.byline.append(f"□本报记者 {reporter}")
            out.people.append(reporter)
    else:
        lines.append(f"发布日期:{day.isoformat()}  来源:{prov.agency.name}  浏览次数:{rng.randint(100, 9999)}")
    return out


def footer(ctx: Ctx, site: str, editor: str | None, kind: str, source_line: str | None) -> list[str]:
    """Lines after the body: source, editor, copyright, sidebars, footer."""
    rng, prov = ctx.rng, ctx.prov
    lines: list[str] = []
    if source_line:
        lines.append(f"  转自:{source_line}")
    if editor:
        lines.append(choose(rng, f"[  责任编辑:{editor}|【责任编辑:{editor}】|(编辑:{editor})]"))
    lines += ["", ""]
    icp = f"{prov.abbreviation}ICP备{rng.randint(10**7, 10**8 - 1)}号" + choose(rng, "[|-1|-2|-3]")
    if kind == "notice":
        lines += ["【打印本页】 【关闭窗口】", f"主办单位:{prov.agency.name}  网站标识码:{rng.randint(10**9, 10**10 - 1)}  {icp}"]
        return lines
    notice = rng.randrange(4)
    if notice == 0:
        lines.append(f"  版权声明:本网站刊载的所有内容,版权均属{site}所有,未经授权不得转载、复制或建立镜像。")
    elif notice == 1:
        lines.append("免责声明:本网转载作品仅为传递更多信息,不代表本网观点,如涉及版权问题请及时与我们联系。")
    elif notice == 2:
        lines.append(f"  本网所载文章、图片等内容,未经书面授权,任何单位和个人不得转载,违者追究法律责任。版权所有:{site}")
    lines += [""] + _sidebars(rng, prov, ctx.date)
    end = rng.randrange(3)
    if end == 0:
        lines += [f"{site}版权所有,未经书面授权禁止转载 {icp}"]
    elif end == 1:
        lines += ["网站首页 - 关于本站 - 联系我们 - 网站地图 - 广告服务",
                  f"Copyright (C) {ctx.year - rng.randint(3, 9)}-{ctx.year} All Rights Reserved {icp}"]
    else:
        lines += ["关注我们", "微信公众号", f"版权所有:{site} {icp}",
                  f"{prov.abbreviation}公网安备 {rng.randint(10**13, 10**14 - 1)}号"]
    return lines


def _sidebars(rng: random.Random, prov: Province, date: datetime.date) -> list[str]:
    lines: list[str] = []
    style = rng.randrange(4)
    if style in (0, 1):
        lines.append(rng.choice(["相关新闻", "延伸阅读", "相关阅读", "推荐阅读", "精彩推荐"]))
        for title in _distinct(rng, prov, rng.randint(2, 6)):
            lines.append(f"  • {title}")
            if style == 1:
                day = date - datetime.timedelta(days=rng.randint(1, 40))
                summary = choose(rng, rng.choice(_SUMMARIES)).format(city=rng.choice(prov.cities).place.short)
                lines += ["", f"    {summary}", f"    {day.isoformat()}"]
        lines.append("")
    if style in (1, 2):
        lines.append(rng.choice(["热点新闻", "即时播报", "热门文章", "今日推荐"]))
        for k, title in enumerate(_distinct(rng, prov, rng.randint(3, 11)), 1):
            lines.append(f"{k}   {title[:rng.randint(12, 18)]}")
        lines.append("")
    if style == 3:
        lines += [f"  • 上一篇:{headline(rng, prov)}", f"  • 下一篇:{headline(rng, prov)}", "分享到"]
    return lines
