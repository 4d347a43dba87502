"""Official names: the short forms of agency and zone words and their full forms, the
national bodies articles name short, a government named short after its division, and
the plain form under which a name and its 国家 form are one entity."""

from __future__ import annotations

import re

# Short forms of agency and zone words, expanded to the official form.
EXPANSIONS = [
    ("高新区管委会", "高新技术产业开发区管理委员会"), ("经开区管委会", "经济技术开发区管理委员会"),
    ("科技厅", "科学技术厅"), ("科技局", "科学技术局"), ("发改委", "发展和改革委员会"), ("发改局", "发展和改革局"),
    ("管委会", "管理委员会"), ("人社厅", "人力资源和社会保障厅"), ("工信厅", "工业和信息化厅"),
    ("高新区", "高新技术产业开发区"), ("经开区", "经济技术开发区"),
    ("科委", "科学技术委员会"), ("教委", "教育委员会"), ("工信局", "工业和信息化局"),
    ("人社局", "人力资源和社会保障局"), ("经信局", "经济和信息化局"), ("经信委", "经济和信息化委员会"), ("工信委", "工业和信息化委员会"), ("经信厅", "经济和信息化厅"), ("科协", "科学技术协会"),
    ("区工委", "区党工委"), ("区管委", "区管理委员会"),  # (a zone's, written short: 某开发区工委, 某开发区管委)
    ("住建厅", "住房和城乡建设厅"), ("住建局", "住房和城乡建设局"), ("文旅厅", "文化和旅游厅"), ("文旅局", "文化和旅游局"),
    ("编办", "机构编制委员会办公室"), ("卫健委", "卫生健康委员会"),
    ("统战部", "统一战线工作部"), ("行署", "行政公署"), ("科信局", "科学技术和信息化局"), ("林草局", "林业和草原局"), ("政法委", "政法委员会"), ("教育工委", "教育工作委员会"), ("政研室", "政策研究室"),
]
# National bodies, named by their short forms in articles.
NATIONAL = {
    "科技部": "中华人民共和国科学技术部", "科学技术部": "中华人民共和国科学技术部",
    "教育部": "中华人民共和国教育部", "财政部": "中华人民共和国财政部",
    "工信部": "中华人民共和国工业和信息化部", "工业和信息化部": "中华人民共和国工业和信息化部",
    "人社部": "中华人民共和国人力资源和社会保障部", "人力资源和社会保障部": "中华人民共和国人力资源和社会保障部",
    "农业农村部": "中华人民共和国农业农村部", "商务部": "中华人民共和国商务部",
    "国家火炬中心": "科学技术部火炬高技术产业开发中心",
    "科技部火炬中心": "科学技术部火炬高技术产业开发中心",
    "火炬中心": "科学技术部火炬高技术产业开发中心", "科技部火炬高技术产业开发中心": "科学技术部火炬高技术产业开发中心",
    # (the Torch Centre, under the Ministry of Industry and Information Technology since 2023)
    **dict.fromkeys(("工信部火炬中心", "工业和信息化部火炬中心", "工信部火炬高技术产业开发中心"),
                    "工业和信息化部火炬高技术产业开发中心"),
    "国家发改委": "中华人民共和国国家发展和改革委员会",
    "中新网": "中国新闻网", "中新社": "中国新闻社",
    "央行": "中国人民银行", "银监会": "中国银行业监督管理委员会", "证监会": "中国证券监督管理委员会",
    "保监会": "中国保险监督管理委员会", "银保监会": "中国银行保险监督管理委员会",
}
# The State Council's ministries no province has a body of the same name of (a province's
# are 厅): the ministry wherever they are named bare.
NATIONAL.update({name: "中华人民共和国" + name for name in (
    "外交部", "国防部", "公安部", "民政部", "司法部", "自然资源部", "生态环境部", "住房和城乡建设部",
    "交通运输部", "水利部", "文化和旅游部", "退役军人事务部", "应急管理部")})
NATIONAL["住建部"] = NATIONAL["住房和城乡建设部"]
NATIONAL.update({"团中央": "共青团中央", "中组部": "中共中央组织部", "中宣部": "中共中央宣传部",
                 "中共中央": "中国共产党中央委员会", "党中央": "中国共产党中央委员会"})
# Taiwan, Hong Kong and Macau: their bodies keep the names written (台中市政府 is no 人民政府);
# in Taiwan 科技部 and 经济部 are its own, not the State Council's ministries.
TAIWAN = "710000"
OWN_SYSTEMS = frozenset({TAIWAN, "810000", "820000"})
# The start of a national body's own name: it names no division and is one body.
NATIONAL_NAME = re.compile(r"^(?:中华人民共和国|国务院|中共中央|中央|全国|国家|中国)")

NATIONAL_PREFIXES = sorted((k for k in NATIONAL if k.endswith(("部", "中心", "中央"))), key=len, reverse=True)
# A government named short after its division: 某市政府 (its own name is 某市人民政府).
PEOPLES_GOVERNMENT = re.compile(r"^([\u4e00-\u9fff]{2,12}[省市县区州旗盟镇乡])政府((?:办公室|办公厅)?)$")
_CONGRESS = re.compile(r"^([\u4e00-\u9fff]{2,12}[省市县区州旗盟])人大(?:常委会)?$")
_CPPCC = re.compile(r"^([\u4e00-\u9fff]{2,12}[省市县区州旗盟])政协$")
_REGION_PARTY = re.compile(r"^([\u4e00-\u9fff]{2,8}自治区)党委$")  # 自治区党委: the region's party committee


def official_form(name: str) -> str:
    """A division's government, congress and political consultative conference named short,
    by their official names: 某市政府 → 某市人民政府, 某市人大(常委会) → 某市人民代表大会常务委员会
    (whose officers articles name), 某市政协 → 中国人民政治协商会议某市委员会, 某自治区党委 → 中共某自治区委员会."""
    name = _REGION_PARTY.sub(r"中共\1委员会", PEOPLES_GOVERNMENT.sub(r"\1人民政府\2", name))
    name = _CONGRESS.sub(r"\1人民代表大会常务委员会", name)
    return _CPPCC.sub(r"中国人民政治协商会议\1委员会", name)


def plain_name(name: str) -> str:
    """A name without 国家 (and the 大学 it leaves doubled: 某大学国家大学科技园 → 某大学科技园)."""
    return name.replace("国家", "").replace("大学大学科技园", "大学科技园")


def unquoted(name: str) -> str:
    """A name without the quotation marks around it or its head (“星河空间” → 星河空间,
    “星河杯”大赛 → 星河杯大赛); those inside it (第十届“星河杯”大赛) stay, and one unmatched at an
    end (星河空间”) goes."""
    name = re.sub(r"^“([^“”]+)”", r"\1", name.strip('"'))
    return name.strip("“”") if name.count("“") != name.count("”") else name
