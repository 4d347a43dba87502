"""Dictionaries of general terms the extractor reads with: posts and titles,
organisation and carrier suffixes, event and programme words, surnames, the words
that end a name on its left and the nouns figures count. Nothing here names a
particular entity."""

from __future__ import annotations

import re

# Posts, longest first so that 党组书记 wins over 书记.
TITLES = sorted("""
党组书记 党组副书记 党组成员 党委书记 党委副书记 党工委书记 党工委副书记 纪检组长 二级巡视员
一级巡视员 巡视员 副巡视员 二级调研员 一级调研员 调研员 厅长 副厅长 局长 副局长 主任 副主任
常务副主任 处长 副处长 科长 部长 副部长 司长 副司长 省长 副省长 主席 副主席 市长 副市长
州长 副州长 县长 副县长 区长 副区长 书记 副书记 秘书长 副秘书长 理事长 副理事长 会长 副会长
董事长 副董事长 总经理 副总经理 执行董事 总裁 副总裁 首席执行官 CEO 创始人 联合创始人 院长
副院长 院长助理 所长助理 总经理助理 主任助理 助理 所长 副所长 校长 副校长 系主任 系副主任 负责人 主管 经理 总监 站长 社长 副社长 总编辑 主编 研究员
教授 副教授 专家 导师 创业导师 组长 副组长 团长 队长 社员 理事 委员 主任委员 常务委员
党工委委员 党委委员 党支部书记 常务副省长 常务副市长 常务副县长 常务副区长 法定代表人 法人代表 法人
总工程师 总编 副主编 副总编辑 运营总监 运营经理 监事长 党委常委 党工委副主任
副调研员 三级调研员 四级调研员 党总支书记 党总支副书记 院士 常委 干事 经济师 工程师 高级工程师
常务副主席 常务副会长 常务副理事长 常务副总经理 常务副院长 常务副校长 常务副秘书长 常务副局长
代市长 代区长 代县长 代省长
常务副厅长 常务副部长 常务副书记 常务副州长 常务副主任委员
高级副总裁 高级副总经理 执行总裁 行政总裁 首席运营官 首席营运官 首席技术官 首席财务官 首席信息官 首席投资官 首席科学家 首席创新总监 首席运营总监
专职副书记 专职副主任 专职副主委 专职副主席 专职副会长 专委 校长助理 主委 副主委 总理 副总理 总书记 国务委员
新闻发言人 省长助理 市长助理 县长助理 区长助理 部长助理 董事长助理 总裁助理 纪委书记 纪委副书记 监察专员
总会计师 总经济师 总农艺师 总畜牧师 常务理事 名誉会长 名誉院长 名誉主任 名誉理事长 项目经理 副研究员 助理研究员
镇长 副镇长 常务副镇长 乡长 副乡长 村支书 村主任 台长 副台长 行长 副行长 监事 监事会主席 董事 独立董事
合伙人 创始合伙人 厂长 副厂长 副团长 政委 CTO COO CFO CIO CMO 投资总监 投资经理 董事总经理 管理合伙人 执行合伙人
常务副所长 常务副总裁 常务副司长 副科长 专员 副专员 执行总经理 执行副总经理 执行长 执行主任 执行院长 执行会长 执行副总裁 执行副主任 工委委员 纪工委书记
副经理 高级经理 部门经理 销售经理 市场经理 产品经理 营销总监 市场总监 技术总监 销售总监 财务总监 产品总监
品牌总监 分析师 首席分析师 首席经济学家 律师 主任律师 合伙人律师 副主任委员 博士生导师 硕士生导师
股长 副股长 正科职级 副科职级 正处职级 副处职级 正科级 副科级 正处级 副处级 一级主任科员 二级主任科员 三级主任科员 四级主任科员
主任科员 副主任科员 科员 督查专员 常驻创业导师 常驻导师 驻场导师 特聘导师 特聘专家 首席导师 首席创业导师 创业辅导师 辅导员
荣誉主席 荣誉副主席 荣誉会长 荣誉院长 荣誉理事长 荣誉主任 名誉主席 名誉副主席 名誉校长 挂职副主席 挂职副市长 挂职副县长 挂职副区长
挂职副局长 挂职副主任 挂职副镇长 馆长 副馆长 书记处书记 书记处第一书记 书记处常务书记
总统 副总统 首相 副首相 国务卿 外长 大使 主教练 教练 检察长 副检察长 一级职员 二级职员 三级职员 四级职员 参事 盟长 副盟长 师长 副师长 议长 副议长 议员 立法委员 立委 讲席教授
""".split(), key=len, reverse=True)
TITLE_RE = "|".join(map(re.escape, TITLES))
TITLE_PATTERN = re.compile(TITLE_RE)  # any title, the longest where several start at one place


def title_before(text: str, pos: int) -> str | None:
    """The longest title that ends at ``pos`` in ``text`` (where a post's name is read
    leftwards from a person's name), or None."""
    return next((t for t in TITLES if text.startswith(t, pos - len(t))), None)

# The carriers that are zones: their place and kind make their name (成都高新区).
ZONE_CLASSES = ("HighTechZone", "EconomicDevelopmentZone")
# Heads of a government by their titles (副省长, 常务副市长, 自治区主席, 市长助理).
GOVERNMENT_HEADS = re.compile(r"(?:常务)?副?(?:省长|市长|县长|区长|州长|旗长|镇长|乡长|主席)(?:助理)?")
# A firm's regions, written between its name and a post (某公司华东区总经理).
FIRM_REGIONS = "华东|华北|华南|华中|西南|西北|东北|大中华|亚太|中国|全球|海外"
# The kinds of carrier a count is written before (…众创空间12家, 13家某市孵化器), and the
# accreditation levels a count names (国家级45家).
COUNTED_KINDS = "众创空间|孵化器|星创天地|孵化载体|大学科技园"
LEVEL_WORDS = "国家级|省级|自治区级|市级|州级|县级|区级"
# Titles whose first character may close the name of their body (宣传部长, 市科技局长, 劳工局长).
CONTRACTED_TITLES = ("部长", "局长", "处长", "厅长", "科长", "所长", "站长", "社长")
# Party bodies a post may start with: 某高新区党工委副书记 holds it at the 党工委.
PARTY_BODIES = ("党工委", "党委", "党组", "党总支", "党支部", "工委")

# The press's short endings of a university's or an academy institute's name (某某师院,
# 中科院某某所), which no ending of ORG_SUFFIXES types, and the class each implies.
SHORT_BODY_ENDINGS = ((re.compile(r"..(?:师院|师大|职院|工院|工大|农大|医大|理工)$"), "University"),
                      (re.compile(r"(?:中科院|科学院|农科院|社科院|工程院|研究).{0,8}[所院]$"), "ResearchInstitute"))

# Government departments and other state bodies by their full and common short names:
# central (部, 署, 总局) and local (厅, 局, 委, 办), current and former (国土资源局 and
# 环保局 still name bodies in older articles).
DEPARTMENTS = tuple("""
农业厅 民政厅 住房和城乡建设厅 自然资源厅 生态环境厅 交通运输厅 水利厅 文化和旅游厅 司法厅 审计厅
公安厅 市场监督管理局 市场监管局 知识产权局 工商行政管理局 工商局 民政局 农业农村局 农业局 自然资源局
生态环境局 住房和城乡建设局 住建局 交通运输局 水利局 文化和旅游局 文旅局 卫生健康局 卫健局 审计局
税务局 公安局 教育局 体育局 林业局 就业局 人力资源和社会保障局 经济和信息化局 经信局 发展和改革局
发改局 科技和工业信息化局 科创局 科技创新局 科技经济局 科经局 经贸局 投资促进局 行政审批局 大数据局
乡村振兴局 应急管理局 金融工作局 金融办 火炬办 人力资源和社会保障部 农业农村部 投资推广署 行政院
立法院 经济部 中小企业局 中小企业发展促进局 科学技术和信息化局 科技和信息化局 科信局 工业和信息化局
工信局 林业和草原局 林草局 农牧局 商务和投资促进局 数据资源局 地方金融监督管理局 统计局 人才工作局
退役军人事务局 医疗保障局 科学技术委员会 科技创新委员会 民政部 司法部 外交部 国防部 公安部 国家安全部
自然资源部 生态环境部 住房和城乡建设部 住建部 交通运输部 水利部 文化和旅游部 退役军人事务部 应急管理部
国土资源部 环境保护部 环保部 卫生部 农业部 铁道部 审计署 海关总署 住建厅 文旅厅 编办
税务总局 市场监管总局 体育总局 广电总局 工商总局 质检总局 管理局 总局 国家民委 卫健委 卫计委 国资委
银监会 证监会 保监会 银保监会 人民银行 中组部 中宣部 网信办 港澳办 国台办 扶贫办 侨办 人民法院
人民检察院 检察院 中级人民法院 法院 央行 街道办事处 外事办 人防办 人才办 口岸办 住房保障办 教工委 纪委 监委 农委 商务委 经贸委
经委 建设局 规划局 城乡规划局 国土资源局 国土局 环保局 环境保护局 卫生局 文化局 旅游局 文广局
文广新局 广电局 新闻出版局 房管局 住房保障局 城管局 城市管理局 物价局 质监局 药监局 食药监局 安监局
民宗局 民族宗教事务局 司法局 交通局 水务局 气象局 地震局 档案局 粮食局 信访局 国资局 国税局 地税局
畜牧局 农机局 园林局 医保局 规划和自然资源局 自然资源和规划局 政务服务管理局 机关事务管理局 建设厅
国土资源厅 环境保护厅 卫生厅 文化厅 旅游厅 卫生健康委员会 人力资源保障局 人力资源社会保障局
人力资源社会保障厅 台湾事务办公室 台办 港澳事务办公室 侨务办公室 外事办公室 外事侨务办公室""".split())
# …of which the central ones name one body without a place before them (民政部, 审计署).
CENTRAL_DEPARTMENTS = frozenset(w for w in DEPARTMENTS if w.endswith(("部", "署", "总局")) and w != "总局") | {
    "银监会", "证监会", "保监会", "银保监会", "人民银行", "国家民委", "国台办", "央行"}

# Organisation name endings and the class each implies.
# News outlets by the names articles write them with (人民网、新华网等中央媒体): the central
# media and wire services, and each province's key news website.
NEWS_OUTLETS = (
    "人民网", "新华网", "新华社", "中新网", "中国新闻网", "中新社", "中国新闻社", "央视网", "央广网", "国际在线", "光明网",
    "中青网", "中国青年网", "中国经济网", "中国日报网", "澎湃新闻", "中央电视台", "中央人民广播电台", "中央广播电视总台",
    "美通社", "大公报", "文汇报", "中评社", "中国评论通讯社", "中央通讯社", "中央社",
    "千龙网", "北方网", "长城网", "黄河新闻网", "正北方网", "北国网", "中国吉林网", "东北网", "东方网", "中国江苏网",
    "浙江在线", "中安在线", "东南网", "中国江西网", "大众网", "大河网", "荆楚网", "南方网", "广西新闻网", "南海网",
    "华龙网", "四川在线", "多彩贵州网", "云南网", "中国西藏网", "西部网", "中国甘肃网", "青海新闻网", "宁夏新闻网", "天山网")
# A merged bureau is named by its departments' short forms (发改工信局, 科技经信局, 经发局).
_DEPARTMENT_STEMS = "发改 工信 经信 科技 科创 人社 财政 商务 住建 文旅 卫健 农业 农村 经发 投促 招商 统计 审批 市场 金融 经贸 信息 工业 经济 民政 教育".split()
MERGED_DEPARTMENTS = tuple(sorted({a + b + "局" for a in _DEPARTMENT_STEMS for b in _DEPARTMENT_STEMS if a != b}
                                  - set(DEPARTMENTS))) + ("科创委", "经发局", "科工局", "科工信局", "工科局")
ORG_SUFFIXES: list[tuple[str, str]] = [
    ("有限责任公司", "Company"), ("股份有限公司", "Company"), ("有限公司", "Company"),
    ("集团", "Company"), ("公司", "Company"), ("工作室", "Company"),
    ("律师事务所", "Company"), ("会计师事务所", "Company"), ("事务所", "Company"),
    ("领导小组", "GovernmentAgency"), ("行政公署", "GovernmentAgency"), ("行署", "GovernmentAgency"),
    ("银行", "Company"), ("分行", "Company"), ("支行", "Company"),
    ("专业合作社", "Cooperative"), ("合作社", "Cooperative"),
    ("大学", "University"), ("学院", "University"), ("职业技术学校", "University"),
    ("研究院", "ResearchInstitute"), ("研究所", "ResearchInstitute"),
    ("科学院", "ResearchInstitute"), ("工程院", "ResearchInstitute"), ("实验室", "ResearchInstitute"),
    ("联合会", "Association"), ("联盟", "Association"), ("协会", "Association"),
    ("商会", "Association"), ("学会", "Association"), ("促进会", "Association"), ("研究会", "Association"),
    ("医院", "PublicInstitution"), ("生产力促进中心", "PublicInstitution"), ("研究中心", "PublicInstitution"), ("服务中心", "PublicInstitution"),
    ("创业中心", "PublicInstitution"), ("开发中心", "PublicInstitution"), ("发展中心", "PublicInstitution"),
    ("火炬中心", "PublicInstitution"), ("促进中心", "PublicInstitution"), ("指导中心", "PublicInstitution"),
    ("管理委员会", "GovernmentAgency"), ("管委会", "GovernmentAgency"),
    ("委员会", "GovernmentAgency"), ("议会", "GovernmentAgency"), ("人民政府", "GovernmentAgency"), ("政府", "GovernmentAgency"),
    ("国务院", "GovernmentAgency"), ("办公厅", "GovernmentAgency"), ("办公室", "GovernmentAgency"),
    ("科学技术厅", "GovernmentAgency"), ("科技厅", "GovernmentAgency"), ("教育厅", "GovernmentAgency"),
    ("财政厅", "GovernmentAgency"), ("商务厅", "GovernmentAgency"),
    ("人力资源和社会保障厅", "GovernmentAgency"), ("人社厅", "GovernmentAgency"),
    ("农业农村厅", "GovernmentAgency"), ("工业和信息化厅", "GovernmentAgency"), ("工信厅", "GovernmentAgency"),
    ("发展和改革委员会", "GovernmentAgency"), ("发改委", "GovernmentAgency"), ("经信委", "GovernmentAgency"),
    ("工信委", "GovernmentAgency"), ("科委", "GovernmentAgency"), ("教委", "GovernmentAgency"),
    ("科学技术局", "GovernmentAgency"), ("科技局", "GovernmentAgency"), ("统计局", "GovernmentAgency"),
    ("商务局", "GovernmentAgency"), ("财政局", "GovernmentAgency"), ("人社局", "GovernmentAgency"),
    ("科学技术部", "GovernmentAgency"), ("科技部", "GovernmentAgency"), ("教育部", "GovernmentAgency"),
    ("工业和信息化部", "GovernmentAgency"), ("财政部", "GovernmentAgency"), ("商务部", "GovernmentAgency"),
    ("残联", "GovernmentAgency"),
    *((word, "GovernmentAgency") for word in DEPARTMENTS + MERGED_DEPARTMENTS),
    ("侨联", "Association"), ("科协", "Association"), ("工商联", "Association"), ("妇联", "Association"),
    ("文联", "Association"),
    ("日报", "MediaOutlet"), ("晚报", "MediaOutlet"), ("导报", "MediaOutlet"), ("电视台", "MediaOutlet"),
    ("电视", "MediaOutlet"),
    *((name, "MediaOutlet") for name in NEWS_OUTLETS),
]
# A 处/科 of an agency: 省科技厅高新处.
SUB_UNIT = re.compile(r"[\u4e00-\u9fff]{1,4}(处|科|司|办|室|局|组)$|[\u4e00-\u9fff]{1,8}股$")

# Carrier name endings and their classes (the 双创载体 taxonomy).
CARRIER_SUFFIXES: list[tuple[str, str]] = [
    ("专业化众创空间", "SpecialisedMakerSpace"), ("众创空间", "MakerSpace"), ("科技企业孵化器", "TechnologyBusinessIncubator"),
    ("企业孵化器", "TechnologyBusinessIncubator"), ("孵化器", "TechnologyBusinessIncubator"), ("星创天地", "StarCreationSpace"),
    ("大学科技园", "UniversitySciencePark"), ("加速器", "Accelerator"), ("国家高新技术产业开发区", "HighTechZone"),
    ("高新技术产业开发区", "HighTechZone"), ("高新技术产业园区", "HighTechZone"), ("高新区", "HighTechZone"),
    ("经济技术开发区", "EconomicDevelopmentZone"), ("经济开发区", "EconomicDevelopmentZone"), ("经开区", "EconomicDevelopmentZone"),
    ("开发区", "EconomicDevelopmentZone"), ("创业孵化示范基地", "IncubationBase"), ("创业孵化基地", "IncubationBase"),
    ("孵化基地", "IncubationBase"), ("双创示范基地", "DemonstrationBase"), ("创新创业园", "EntrepreneurshipPark"),
    ("双创产业园", "EntrepreneurshipPark"), ("创业园区", "EntrepreneurshipPark"), ("产业园区", "EntrepreneurshipPark"),
    ("创业园", "EntrepreneurshipPark"), ("产业园", "EntrepreneurshipPark"), ("科技大市场", "TechnologyMarket"),
    ("创客家园", "MakerSpace"), ("创客中心", "MakerSpace"), ("创客空间", "MakerSpace"), ("创业谷", "IncubationBase"),
    ("创客工场", "MakerSpace"), ("梦工场", "MakerSpace"), ("创新工坊", "MakerSpace"), ("创业咖啡", "MakerSpace"),
    ("创新工场", "MakerSpace"), ("创新创业基地", "IncubationBase"), ("创业基地", "IncubationBase"), ("孵化园", "IncubationBase"),
    ("孵化中心", "TechnologyBusinessIncubator"), ("双创中心", "TechnologyBusinessIncubator"),
    ("育成中心", "TechnologyBusinessIncubator"), ("科技园区", "EntrepreneurshipPark"), ("科技园", "EntrepreneurshipPark"),
    ("科学园", "EntrepreneurshipPark"), ("软件园", "EntrepreneurshipPark"), ("科技城", "EntrepreneurshipPark"),
    ("创业城", "EntrepreneurshipPark"), ("创新谷", "EntrepreneurshipPark"), ("创客坊", "MakerSpace"), ("创客汇", "MakerSpace"),
    ("创新空间", "MakerSpace"), ("创业空间", "MakerSpace"), ("科创空间", "MakerSpace"), ("创业社区", "MakerSpace"),
    ("创客城", "MakerSpace"), ("双创公社", "MakerSpace"), ("创业公社", "MakerSpace"), ("加速中心", "Accelerator"),
    ("创业大街", "EntrepreneurshipPark"), ("创业广场", "EntrepreneurshipPark"), ("三创园", "EntrepreneurshipPark"),
    ("科创园", "EntrepreneurshipPark"), ("留创园", "EntrepreneurshipPark"), ("青创园", "EntrepreneurshipPark"),
    ("创新园", "EntrepreneurshipPark"), ("梦工厂", "MakerSpace"), ("科创基地", "IncubationBase"), ("创谷", "IncubationBase"),
]
# Generic carrier words: in a sentence they name a type, not an entity.
CARRIER_TYPE_WORDS: list[tuple[str, str]] = [
    ("专业化众创空间", "SpecialisedMakerSpace"), ("众创空间", "MakerSpace"),
    ("科技企业孵化器", "TechnologyBusinessIncubator"), ("孵化器", "TechnologyBusinessIncubator"),
    ("星创天地", "StarCreationSpace"), ("大学科技园", "UniversitySciencePark"),
    ("加速器", "Accelerator"), ("高新区", "HighTechZone"), ("创业孵化示范基地", "IncubationBase"),
    ("孵化基地", "IncubationBase"), ("创业园区", "EntrepreneurshipPark"), ("双创示范基地", "DemonstrationBase"),
]

EVENT_SUFFIXES: list[tuple[str, str]] = [
    ("创新创业大赛", "Competition"), ("创业创新大赛", "Competition"), ("创意大赛", "Competition"),
    ("大赛", "Competition"), ("挑战赛", "Competition"), ("现场赛", "Competition"),
    ("比赛", "Competition"), ("竞赛", "Competition"),
    ("培训班", "TrainingCourse"), ("培训会", "TrainingCourse"), ("研修班", "TrainingCourse"),
    ("训练营", "TrainingCourse"), ("活动周", "ActivityWeek"), ("宣传周", "ActivityWeek"),
    ("创业节", "ActivityWeek"), ("峰会", "Meeting"), ("论坛", "Meeting"), ("博览会", "Meeting"),
    ("交易会", "Meeting"), ("推介会", "Meeting"), ("对接会", "Meeting"), ("座谈会", "Meeting"), ("招商会", "Meeting"),
    ("发布会", "Meeting"), ("年会", "Meeting"), ("大会", "Meeting"), ("路演", "Meeting"),
    ("推进会", "Meeting"), ("工作会", "Meeting"), ("现场会", "Meeting"), ("观摩会", "Meeting"),
    ("交流会", "Meeting"), ("研讨会", "Meeting"), ("报告会", "Meeting"), ("会议", "Meeting"),
    ("选拔赛", "Competition"), ("邀请赛", "Competition"),
    ("推进大会", "Meeting"), ("协调会", "Meeting"), ("部署会", "Meeting"), ("动员会", "Meeting"),
    ("启动会", "Meeting"), ("分享会", "Meeting"), ("说明会", "Meeting"), ("宣讲会", "Meeting"),
    ("洽谈会", "Meeting"), ("沙龙", "Meeting"), ("协商会", "Meeting"), ("总结会", "Meeting"), ("表彰会", "Meeting"),
    ("总结大会", "Meeting"), ("表彰大会", "Meeting"), ("总结表彰大会", "Meeting"), ("总结工作会", "Meeting"),
    ("仪式", "Meeting"), ("典礼", "Meeting"), ("庆典", "Meeting"),  # 某基地揭牌仪式, 某园开园仪式
    ("展示会", "Meeting"), ("展览会", "Meeting"), ("学习会", "Meeting"), ("见面会", "Meeting"), ("恳谈会", "Meeting"),
    ("全会", "Meeting"),  # 十八届六中全会, 市委四届九次全会
]
QUOTED_PROGRAMME = re.compile(r"(行动|工程|战略|计划|专项|项目|方案|行动计划)$")
QUOTED_EVENT = re.compile(r"(行|活动|大赛|赛)$")
FUND = re.compile(r"(专项资金|引导基金|种子基金|创投基金|基金)$")

# Characters and words that end a name on its left (a name never spans them).
LEFT_STOPS = set("，。、；：？！“”‘’「」『』《》（）()【】—…·,;:?!\"' \n／/的了是在与及或并对向把被让由于等为他她它请仍以"
                 "▲△●○■□★☆◆◇→※|")
LEFT_STOP_WORDS = sorted("""
来自 位于 通过 依托 结合 联合 会同 组织 召开 举办 举行 成立 创立 创办 设立 获批 获得 荣获 参加 授牌 授予 颁发 命名
围绕 听取 抓好 发挥 促进 提升 开办 了解 建立 开展 组建 引进 吸纳 纳入 面向 包括 拥有 共有 和
在孵企业 入孵企业 孵化企业 企业和 以及 调研组 实地调研 到 入驻 进驻 落户 入选 入围 获评 评为
出席 发布 实施 颁布 印发 出台 支持 推进 推动 加强 加快 打造 建设 建成 培育 引导 鼓励 促成
调研 考察 走访 视察 介绍 表示 指出 强调 说 据 经 今年 去年 近年来 目前 日前 近日 同时 此外
其中 还 也 都 已 均 共 仅 首批 一批 多家 各级 各类 全省 全区 全疆 全市 全兵团 我省 我区 我市 本届
就 即 又 再 更 曾 正 当 该 其 这 那 此 各 每 首家 一家 第一家 以及 及其 带着 凭着 带著 凭著 因 而
赴 带队 前往 来到 走进 深入 主持 做了 作了 现任 现为 担任 出任 兼任 率
运营方 主办方 承办方 协办方 投资方 建设方 合作方 特邀 邀请 受邀 特聘 现认定 落实
帮助 接手 获悉 大力 谋划 突破 制约 记者从 标志着 亮相 主办 承办 协办 联合主办 专家有 嘉宾有 代表有 领导有 从事 重视 结合了 报送至 送至 寄至 发送至 提交至
本报讯 本刊讯 本网讯 本台讯 本站讯 所属 下属 欢迎 落地 根据 使用 接受 建议 选择 委托 一位 推荐 按时 我厅 我局 我委 我办 办法 通知 细则
到访 来访 拜访 以下简称 简称 利用 旗下 布局 总结 会上 共同 优化 助力 听闻 商议 开启 首个 新认定 新增 莅临 参观 所在地 所在 联系 现将 将 拟认定 拟推荐 确定 公布 宣布 晋级 负责 提出 产生 进入 进行 申报 学习 领会 要 比如 例如 正如 分别是 先后 列席 旁听 成长型 高成长型 当地 许多 提交 常委 部署 扶持 聚焦 探访 走进
经商 感谢 调动 理顺 反馈 研究 单位 我院 我校 本院 本校 分获 斩获 夺得 摘得 喜获 勇夺 捧得 报送 上报 呈报 报请 推荐表 申报表 申请表 汇总表 登记表 评价表 核查表 推荐函 申报书 承诺书 报告书 用好 建强 积极探索 全面展示 充分展示 时代下 创建 做好 规范 启动 反映 专访 没有 盘活 构建 携 携手 深耕 诚邀 签约 新签约 陪同 陪同下 秉承 此次 这次 融入 予 明确 用作 兴建 但
""".split(), key=len, reverse=True)

SURNAMES = set("""
王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾
肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾
夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃
武 戴 莫 孔 向 汤 常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹
申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 霍 涂 成 苗 谷
盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司
卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟
应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查
麻 苑 迟 邝 官 封 谈 匡 鞠 惠 荆 乐 冀 郁 胥 南 班 储 原 栗 燕 楚 鄢 劳 谌 奚 皮 粟 冼 蔺 楼
盘 满 闻 位 厉 伊 仝 区 郜 海 阚 花 权 强 帅 屠 豆 朴 盖 练 廉 禹 井 祖 漆 巴 丰 支 卿 国 狄
平 计 索 宣 晋 相 初 门 云 容 敬 来 扈 晁 芮 都 普 阙 浦 戈 伏 鹿 薄 邸 雍 辜 羊 阿 乌 母 裘
亓 修 邰 赫 杭 况 那 宿 鲜 印 逯 隆 茹 诸 战 慕 危 玉 银 亢 嵇 公 哈 湛 宾 戎 勾 茅 利 於 呼
居 揭 干 但 尉 冶 斯 元 束 檀 衣 信 展 阴 昝 智 幸 奉 植 衡 富 尧 闭 由 旷 竺 虎 蹇 禤 桓 汝
钮 眭 邴 濮 郦 苍 咸 暴 蔚 傅 阎 萧 洪 凤 寿 逄 郇 巨 习 操 雒 万俟 欧阳 司马 上官
诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯
缑 郗 訾 隗 琚 宓 贲 蒯 禚 仉 笪 厍 庹 滑 冮 靖 续 郏 璩 桑 生 种 粘 荀 蓟 弓 乜
""".split())
# The parts of Tibetan and Mongolian personal names, which have no surname (扎西次仁,
# 格桑德吉, 孟克巴雅尔): a name after a title may be one to three of them.
MINORITY_NAME_PARTS = frozenset("""
扎西 次仁 格桑 德吉 多吉 央金 卓玛 平措 旺堆 尼玛 达瓦 拉巴 普布 索朗 顿珠 群培 白玛 强巴 洛桑 丹增 旦增
次旦 边巴 嘎玛 仁增 曲珍 拉姆 央宗 措姆 旺姆 巴桑 米玛 巴珠 罗布 益西 土登 贡布 朗杰 多布杰 仁青 才让 才旦
扎巴 桑珠 晋美 江村 加措 嘉措 坚参 坚赞 琼达 次珍 德庆 阿旺 贡嘎 索南 吉吉 旺杰 次央 卓嘎 巴央 泽仁 泽旺
巴特尔 孟克 巴雅尔 额尔敦 宝音 图雅 乌力吉 那仁 其其格 斯琴 高娃 朝鲁 阿拉坦 苏和 巴图 布和 乌日娜 萨仁
敖登 吉日嘎拉 额尔德尼 毕力格 特木尔 满都拉 格日勒 赛音 德力格尔 阿木尔 娜仁 巴根 朝克 宝力道 其木格
那顺 孟和 乌兰 图门 吉雅 达来 阿拉腾 哈斯 巴音 青格勒 朝格图 道尔吉 乌云 完德 尖措 多杰 南加 华旦 更登 东智 拉毛
""".split())
# Words that follow a person's name as its subject.
# 带著/凭著: OpenCC's t2s leaves 著 as it is (著 is also simplified).
SPEECH = r"(说|表示|介绍|指出|强调|认为|坦言|告诉|透露|讲到|谈到|所说|称|带着|凭着|带著|凭著|因|以|正|激动地说)"
NOT_NAME_CHARS = set("的了是在和与及或并对向从把被让将由为以于到等个家名位年月日省市县区州镇乡村就")
# …of which given names also use these (唐于某, 王为某, 李和某, 靳家某, 刘名某): in the middle
# of three characters set off by punctuation or after a title, or in a name the learned
# recogniser proposes, they are a name's.
NAME_MIDDLE = set("于为和以向家月名")

# The characters of Xinhua's tables for transcribing foreign names (基里延科, 扎加洛): a
# name the recogniser proposes that is written with these alone is a foreign person's.
TRANSLITERATION_CHARS = set("".join("""
阿埃艾爱安昂奥巴白拜班邦保贝本比彼毕宾波伯博布查彻达戴丹道德登迪蒂丁东杜多厄恩尔法凡菲费芬丰佛弗福盖甘冈
戈格根古瓜哈海汉豪赫亨洪胡华怀惠霍基吉加贾杰金居卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里莉利连列林
琳隆卢鲁路伦罗洛吕马迈麦曼梅门蒙米明莫默姆穆纳奈南内尼妮涅宁纽努诺欧帕潘佩彭皮珀普奇契乔切琼丘萨塞森沙莎
尚舍什施史舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌西希锡夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹茨佐娃娜
丝翰逊顿夫延胥""".split()))

# Words that, alone or together, make the part of a name before its type word generic:
# 国家级备案专业化众创空间 is a kind of carrier, 某某创客产业园 a named one. Only
# levels, quantities and determiners: domain words (科技, 创业, 人才) can be a name.
GENERIC_WORDS = sorted("""
国家级 省级 自治区级 市级 州级 地级 县级 区级 乡镇级 镇级 乡级 村级 街道级 国家 备案 认定 专业化 新型 优秀 示范 重点 高质量
发展 建设 各级 各类 这类 此类 该类 一批 首批 多家 全省 全区 全国 全疆 全市 我省 我区 我市 省内 区内
国内 本地 当地 相关 有关 其他 其它 现有 新建 已有 所有 各个 一些 这些 首家 省 市 州 县 区 级 的
和 及 与 、 本 自治区 经 经过 获批 已 年度 设区市 单位 以上
专业 专业性 标准化 规范化 品牌化 民营 国有 公办 民办 社会化 市场化 创新型 综合性 传统 新形势下 先进 国外 国内外 海外
辖区内 辖区 部分 示范性 开放式 自 些 一个 某些 众多 大批 该 此 其 每个 每家 各地 全国性 区域性 省内外
专业型 综合型 试点 典型 标杆 优质 良好 合格 A类 B类 C类 A级 B级 C级 等级 星级 一流 品牌 龙头 骨干 地方
公益性 非营利 营利性 华东 华南 华北 华中 地区 区域 园区 飞地 高校 科研院所 新时代 拟 拟认定 拟备案
兵团 全兵团 师市 旗 盟 全旗 全盟 我旗 我盟 大多数 多数 少数 我国 近几年 近年 近年来 城市 升级版 高端化 双创时代 时代 行业 本土
""".split(), key=len, reverse=True)
# Domain words: a stem made only of these and generic words, with no place, names a
# kind (农业科技创新创业孵化基地), not one carrier.
DOMAIN_WORDS = sorted("""
科技 创业 创新 孵化 双创 高新技术 高新 农业 农村 产业 企业 科技型 创业型 综合 服务 网络 线上 线下
项目 成果 技术 人才 高层次 青年 大学生 返乡 众创 国际 中小 小微 中小企业 文化 创意 电子商务 互联网
科创 留学生 留学人员 海外留学人员 微型 小型 粤港澳 港澳 两岸 海峡两岸 公共
""".split(), key=len, reverse=True)

# The nouns figures count, per unit class of the number (sckg.extract.figures):
# (pattern, indicator key, carrier class). Where two patterns match, the one nearest
# the number wins, then the longest, then the first. FIGURE_FALLBACK is the key of a
# figure whose noun is none of these.
FIGURE_CARRIERS = [
    (r"专业化众创空间", "carriers", "SpecialisedMakerSpace"), (r"众创空间", "carriers", "MakerSpace"),
    (r"(?:科技)?(?:企业)?孵化器|(?:创新)?育成中心", "carriers", "TechnologyBusinessIncubator"),
    (r"星创天地", "carriers", "StarCreationSpace"), (r"大学科技园", "carriers", "UniversitySciencePark"),
    (r"(?:科技)?(?:企业)?加速器", "carriers", "Accelerator"),
    (r"高新区|高新技术产业开发区|高新技术开发区|高新技术产业园区?", "carriers", "HighTechZone"),
    (r"经济技术开发区|经开区|(?<!产业)(?<!技术)开发区", "carriers", "EconomicDevelopmentZone"),
    (r"创业孵化(?:示范)?基地|孵化基地|(?<!示范)创业基地", "carriers", "IncubationBase"),
    (r"(?:创新创业|双创)[\u4e00-\u9fff]{0,4}?示范基地", "carriers", "DemonstrationBase"),  # (创新创业联合培优示范基地)
    (r"创新创业园|创业园区?", "carriers", "EntrepreneurshipPark"),
    (r"科技大市场", "carriers", "TechnologyMarket"),
    (r"(?:双创|创新创业|孵化|创业孵化)(?:载体|平台)|载体|孵化机构|(?:创新创业|双创|创业)服务(?:组织|机构)",
     "carriers", "InnovationCarrier"),
]
_E = r"(?:企业|公司)"
_COUNT = FIGURE_CARRIERS + [
    (r"在孵(?:科技|初创|中小|小微)?(?:型)?企业|入孵(?:科技型?|初创|中小|小微)?企业", "incubatees", None), (r"孵化企业", "incubated-enterprises", None),
    (r"入驻企业", "resident-enterprises", None), (r"毕业企业?", "graduated-enterprises", None),
    (r"孵化(?:创业)?团队|在孵项目|入孵项目", "incubated-teams", None),
    (r"(?:报名|参赛)企业|企业报名", "applicant-enterprises", None),
    (r"(?:报名|参赛)团队|团队报名", "applicant-teams", None),
    (r"获奖企业", "award-winning-enterprises", None), (r"优秀组织单位", "award-winning-organisers", None),
    (r"支持(?:获奖)?项目|获奖项目", "supported-projects", None),
    (r"投融资的?(?:创业)?团队", "funded-teams", None), (r"投融资的?(?:初创)?" + _E, "funded-enterprises", None),
    (r"高新技术企业|高企", "high-tech-enterprises", None),
    (r"(?:培养|培育)(?!高新)[^，,；;。]{0,8}" + _E, "enterprises-cultivated", None),
    (r"(?:新增|新成立|新创办?|新注册|新设立)(?:科技型|市场主体)?" + _E, "enterprises-cultivated", None),
    (r"(?:(?:项目|团队|企业)[^，,；;。]{0,8}?)?(?:入围(?:总)?决赛|进入(?:总)?决赛|晋级(?:总)?决赛|脱颖而出)",
     "finalists", None),
    (r"(?:报名|参赛)(?:企业|项目)?(?:和|及|与)(?:团队|个人)|(?:报名|参赛)项目|项目报名", "applicants", None),
    (r"(?:成长|初创)组(?:企业|项目|团队)?|(?:企业|团队)组(?:的)?项目", "finalists", None),  # a contest's groups
    # Enterprises of a kind a region grows (科技型企业, 瞪羚企业, 上市公司): what it cultivates.
    (r"(?:科技型|高成长性?|瞪羚|独角兽|专精特新|小巨人”?|规上|规模以上|上市|挂牌|科技型种子|领军|龙头|雏鹰)" + _E,
     "enterprises-cultivated", None),
    (r"中小微企业|小微企业|中小企业", "smes", None), (r"企业|公司|合作社", "enterprises", None),
    (r"团队", "teams", None), (r"项目", "projects", None), (r"单位|机构|部门", "organisations", None),
    (r"工位", "workstations", None), (r"创业型县|创业型城市", "entrepreneurial-counties", None),
    (r"(?<![\u4e00-\u9fff])(?:州市|地州|市州|盟市)|(?<=[个各全])(?:州市|地州|市州|盟市)", "prefectures-covered", None),
    (r"服务(?:（指导）|\(指导\))?中心", "service-centres", None), (r"服务站", "service-stations", None),
    (r"服务窗口|窗口", "service-windows", None), (r"(?:就业)?岗位", "jobs", None),
    # Things a count of 个 or 户 may count that no indicator names: its own noun, not the sentence's carriers.
    (r"平台|产品|新技术|品种|国家和地区|(?<!级)地区|城市|省份|课程|农户|贫困户", "count", None)]
_PERSON = [
    (r"导师", "mentors", None), (r"在孵企业从业人员", "incubatee-employees", None),
    (r"从业人员|管理服务人员|管理人员|服务人员|工作人员|员工", "staff", None),
    (r"学员|培训|受训", "trainees", None), (r"资格证书|证书", "certified-staff", None),
    (r"就业(?:人数|人口|岗位)?", "jobs", None), (r"毕业生", "graduates-employed", None),
    (r"选手|参赛|带头人", "contestants", None), (r"专家|智库|评委", "experts", None),
    (r"(?:参加|参与)(?:活动)?(?:人数)?|观众", "participants", None),
    (r"创业者|创业人士|创客|创业人才", "served-entrepreneurs", None), (r"创始人", "entrepreneurs", None),
    (r"人才", "talents", None),
    (r"(?:带动|扶持|服务|帮扶)(?:[\u4e00-\u9fff]{0,4}?)创业|创业人数|创业人员", "served-entrepreneurs", None)]
_EVENT = [
    (r"培训|辅导|培训班|讲座", "training-sessions", None), (r"大赛|比赛|竞赛|挑战赛|赛事|赛", "competition-editions", None),
    (r"活动|推介会|对接会|发布会|展示会|会议|路演", "events", None)]
_ITEM = [
    (r"发明专利", "invention-patents", None), (r"申请专利|专利申请", "patent-applications", None),
    (r"专利|知识产权", "intellectual-property", None), (r"项目|课题", "projects", None),
    (r"发布[^，,；;。]{0,6}成果", "published-achievements", None), (r"科技成果|成果", "achievements", None)]
_MONEY = [
    (r"(?:补贴|补助|奖补|奖励|资助)(?:资金|金额)?|扶持资金", "subsidies", None),
    (r"[一二三]等奖|特等奖|优秀奖|奖金", "prize-money", None),
    (r"投融资|融资|风险投资|股权投资|创业投资|获得?[^，,；;。]{0,8}投资", "investment-raised", None),
    (r"减免税|减税|免税|税收", "tax-relief", None), (r"租金|房租", "rent-relief", None),
    (r"创新券", "innovation-vouchers", None), (r"种子(?:基金|资金)|孵化(?:资金|基金)", "seed-funds", None),
    (r"资金|经费|基金|投入|总投资|投资总额|投资额|计划投资", "funding", None), (r"总产值|产值", "output-value", None),
    (r"营业收入|营收|收入|创收", "revenue", None), (r"增加值", "value-added", None),
    (r"仪器设备|设备", "equipment-value-threshold", None)]
# What a figure's indicator may be a part of, after 其中 (知识产权5600项，其中发明专利820项).
INDICATOR_PARTS = {
    "invention-patents": ("intellectual-property", "patents", "patent-applications"),
    "patents": ("intellectual-property",),
    "graduates-employed": ("persons", "jobs", "staff", "talents"),
    "high-tech-enterprises": ("enterprises", "incubatees", "incubated-enterprises", "resident-enterprises"),
    "graduated-enterprises": ("incubated-enterprises",),
    # 入驻企业62家，其中科技型企业40家: enterprises of the whole's kind
    "enterprises": ("resident-enterprises", "incubatees", "incubated-enterprises", "graduated-enterprises",
                    "enterprises-cultivated", "high-tech-enterprises"),
}
FIGURE_NOUNS = {"count": _COUNT, "person": _PERSON, "person-time": _PERSON, "event": _EVENT, "item": _ITEM,
                "money": _MONEY, "area": [(r"在孵企业[^，,；;。]{0,4}(?:场地|面积)", "incubatee-floor-area", None)],
                "percent": [(r"杀菌率", "sterilisation-rate", None), (r"增长率|增速|增幅|增长", "growth-rate", None)],
                "rank": [(r"报名", "applicant-rank", None)]}
FIGURE_FALLBACK = {"count": "count", "person": "persons", "person-time": "participants", "event": "events",
                   "item": "items", "money": "funding", "area": "floor-area", "percent": "rate", "rank": "rank"}

# Universities by the short forms the press uses, where the short form names one
# university only (two-character forms such as 北大 or 人大 are also other words).
UNIVERSITY_SHORT_FORMS = {
    "中科大": "中国科学技术大学", "中国科大": "中国科学技术大学", "哈工大": "哈尔滨工业大学",
    "西交大": "西安交通大学", "上交大": "上海交通大学", "西工大": "西北工业大学", "北理工": "北京理工大学",
    "北航": "北京航空航天大学", "华中科大": "华中科技大学", "电子科大": "电子科技大学",
    "国防科大": "国防科技大学", "哈工程": "哈尔滨工程大学",
    "北邮": "北京邮电大学", "华南理工": "华南理工大学",
}

# The provinces' short names, as a regular expression's alternatives.
PROVINCE_SHORT_NAMES = ("北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|"
                        "湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|香港|澳门|台湾")

# Words in 局 or 室 that name no bureau or office (布局, 会议室).
NOT_A_BUREAU = {"布局", "格局", "大局", "全局", "结局", "开局", "变局", "新局", "僵局", "时局", "当局", "议室",
                "待室", "览室", "动室", "播室", "息室"}  # (and rooms: 会议室, 接待室, 阅览室, 活动室, 直播室)
