"""Write the unseen test articles in tests/articles/unseen/ (see tests/articles/README.md).

The texts are hand-written here in simplified Chinese; this script only does the
mechanical part: traditional conversion (OpenCC s2t), pinyin annotations after some
characters, one mis-decoded stretch made by really breaking GBK bytes, and the file
encodings (UTF-8, Big5, GB18030). Run: .venv/bin/python tests/articles/make_unseen.py
"""

from __future__ import annotations

from pathlib import Path

import opencc
from pypinyin import Style, lazy_pinyin

OUT = Path(__file__).parent / "unseen"
_S2T = opencc.OpenCC("s2t")
_S2TW = opencc.OpenCC("s2tw")  # Taiwan forms (為 not 爲): what Big5 can encode

# Traditional characters that get a pinyin annotation, as in seeds 000 and 003.
ANNOTATED = set("區創業國級務動場產導術雙")


def traditional(text: str, taiwan: bool = False) -> str:
    return (_S2TW if taiwan else _S2T).convert(text)


def annotate(text: str) -> str:
    """Add ``(pīnyīn)`` after every character in ANNOTATED: 創業 → 創(chuàng)業(yè)."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in ANNOTATED:
            out.append("(" + lazy_pinyin(_T2S.convert(ch), style=Style.TONE)[0] + ")")
    return "".join(out)


_T2S = opencc.OpenCC("t2s")


def damage(stretch: str) -> str:
    """Mis-decode ``stretch`` for real: GBK bytes, one lead byte lost, decoded again."""
    raw = stretch.encode("gbk")
    broken = raw[1:]  # the stretch starts with a double-byte character: drop its lead byte
    return broken.decode("gbk", errors="replace").replace("\ufffd", "?")


# --------------------------------------------------------------------------- 900 Guizhou
A900_HEAD = """贵州:双创载体建设跑出“加速度”


来源:多彩贵州网   时间:2022-06-15

"""
A900_BODY = """  记者 陈思远

  近日,贵州省科学技术厅在贵阳召开全省科技企业孵化器和众创空间工作推进会。省科技厅党组成员、副厅长罗启明出席会议并讲话,贵阳国家高新技术产业开发区管委会副主任杨晓峰,贵州科学院院长助理田雨农等参加会议。

  罗启明介绍,截至2021年底,全省共认定省级科技企业孵化器58家,其中国家级科技企业孵化器14家;省级众创空间126家,其中国家备案众创空间33家;星创天地87家。各类双创载体在孵企业超过4200家,累计毕业企业960余家,带动就业3.6万人。

  2021年,省科技厅安排专项资金2800万元,对考核优秀的42家孵化载体给予奖励。位于贵阳高新区的数博大道众创空间现有入驻团队76个,创业导师35名,场地面积1.2万平方米,是贵州首批国家备案众创空间之一。

  会议还部署了第三届“黔创杯”创新创业大赛筹备工作。本届大赛计划吸引1000个以上项目参赛,设立总额500万元的奖励资金,为贵州经济高质量发展注入新动能。

  责任编辑:吴敏
"""
A900_TAIL = """


  版权及免责声明:凡本网所属版权作品,转载时须获得授权并注明来源“多彩贵州网”,违者本网将保留追究其相关法律责任的权力。

延伸阅读

  • 贵州茶产业综合产值突破800亿元

    记者从省农业农村厅获悉,今年一季度全省茶园投产面积达600万亩。
    2022-06-10
  • 遵义市启动夏季消费季活动

    遵义市商务局联合多家商超推出促销活动。
    2022-06-12

版权所有:多彩贵州网 黔ICP备10000000号-1
"""

# --------------------------------------------------------------------------- 901 Guangdong
A901 = """首页 >> 广东新闻 >> 科技创新

第十届中国创新创业大赛(广东赛区)决赛在深圳落幕

2022-09-20 08:30  来源:南方网  作者:记者 林嘉欣

  9月18日,第十届中国创新创业大赛(广东赛区)决赛在深圳市南山区落下帷幕。本届大赛由广东省科学技术厅、广东省财政厅主办,深圳市科技创新委员会承办,共吸引3865家企业和团队报名参赛,报名数居全国第1位。

  经过初赛、复赛和半决赛的层层选拔,共有120个项目进入决赛。最终,深圳智芯微电子有限公司的“高精度车规级传感芯片”项目获得成长企业组一等奖,华南理工大学博士团队的“柔性储能材料”项目获得初创团队组一等奖。

  广东省科技厅副厅长郑海涛在颁奖仪式上表示,大赛已成为发现和培育科技型企业的重要平台。近五年来,大赛累计带动参赛企业获得股权融资超过85亿元,约600家参赛企业成长为高新技术企业。

  大赛期间还举办了粤港澳大湾区创新创业投资对接会,40余家投资机构、200多名投资人参加。获奖企业将获得最高100万元的奖励资金。

相关新闻

  • 广州地铁新线路今日开通运营
  • 佛山发布夏季高温预警

南方网版权所有,未经授权禁止转载。 粤ICP备05070829号
"""

# --------------------------------------------------------------------------- 902 Jiangsu
A902 = """首页 > 政务公开 > 通知公告

省科技厅关于认定2023年度江苏省省级众创空间的通知

发布日期:2023-12-08  来源:江苏省科学技术厅  浏览次数:2315

各设区市科技局,各有关单位:

  根据《江苏省众创空间管理办法》(苏科高发〔2021〕15号)有关规定,经各地推荐、专家评审、网上公示等程序,认定南京创想汇众创空间等8家单位为2023年度江苏省省级众创空间(名单见附件)。

  请各设区市科技局加强对省级众创空间的指导和服务。省科技厅将对省级众创空间实行动态管理,每年开展绩效评价,对评价结果为优秀的给予不超过50万元的奖励。

  附件:2023年度江苏省省级众创空间名单

  序号 名称 运营主体 所在地
  1 南京创想汇众创空间 南京创想汇科技服务有限公司 南京市
  2 苏州工业园区星海创客坊 苏州星海创业服务有限公司 苏州市
  3 无锡蠡湖众创空间 无锡蠡湖科技园发展有限公司 无锡市
  4 常州龙城创客工场 常州龙城创新投资有限公司 常州市
  5 南通濠河众创空间 南通濠河科技企业孵化器有限公司 南通市
  6 扬州运河创客汇 扬州运河文化科技有限公司 扬州市
  7 徐州彭城众创空间 徐州彭城高新技术创业服务中心 徐州市
  8 盐城黄海众创空间 盐城黄海创业园管理有限公司 盐城市

江苏省科学技术厅
2023年12月6日

【打印本页】 【关闭窗口】
主办单位:江苏省科学技术厅  网站标识码:3200000016  苏ICP备05001000号
"""

# --------------------------------------------------------------------------- 903 Inner Mongolia
A903_QUOTE = "。”巴特尔说"
A903 = """正北方网 > 新闻 > 内蒙古新闻

内蒙古举办第三期科技企业孵化器从业人员培训班

2023-05-12 09:15:02  来源:内蒙古日报  作者:记者 其其格  编辑:王志刚

  5月9日至11日,第三期内蒙古自治区科技企业孵化器从业人员培训班在呼和浩特市举办。内蒙古自治区科学技术厅党组成员、副厅长巴特尔,内蒙古自治区科技创新服务中心主任刘振华出席开班仪式。来自全区12个盟市的孵化器、众创空间、星创天地负责人及业务骨干共150余人参加培训。

  “孵化器是科技型中小企业成长的摇篮,从业人员的专业能力直接决定孵化服务的质量{DAMAGED},下一步,自治区科技厅将持续完善双创载体培育体系,推动孵化服务向专业化、市场化方向发展。截至2022年底,全区共有科技企业孵化器72家,其中国家级15家,自治区级57家;众创空间168家,其中国家备案众创空间41家;星创天地96家。双创载体总面积达280万平方米,在孵企业3100余家,累计毕业企业1200余家,吸纳就业约4.5万人。

  本期培训班邀请了内蒙古大学、内蒙古工业大学的专家和包头稀土高新技术产业开发区的孵化管理人员授课,内容涵盖孵化器政策解读、投融资服务、知识产权管理等。鄂尔多斯市康巴什区创业园总经理高敏结合园区运营实践作了交流发言。

  据了解,自治区科技厅计划到2025年,全区科技企业孵化器达到100家,众创空间达到200家,为内蒙古高质量发展提供有力支撑。

【责任编辑:王志刚】

相关阅读:
  呼伦贝尔草原旅游季正式开启
  赤峰市新增3条城市公交线路

正北方网版权所有 未经书面授权不得转载 蒙ICP备05003000号
"""


ARTICLES = {
    "900_5a1c3e9b7d2f4068": ("utf-8", lambda: annotate(traditional(A900_HEAD + A900_BODY + A900_TAIL, taiwan=True))),
    "901_c47e2a90b13d5f86": ("big5", lambda: traditional(A901, taiwan=True)),
    "902_3f8d61b0e59a2c47": ("gb18030", lambda: A902),
    "903_8e2b74c19f06d3a5": ("utf-8", lambda: A903.replace("{DAMAGED}", damage(A903_QUOTE))),
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for stem, (encoding, make) in sorted(ARTICLES.items()):
        (OUT / f"{stem}.txt").write_bytes(make().encode(encoding))


if __name__ == "__main__":
    main()
