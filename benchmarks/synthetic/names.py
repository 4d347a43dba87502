"""Invented names: people (Han surnames by frequency, given-name characters, and
Uyghur, Tibetan and Mongolian name parts), brand words for carriers and companies,
industries, and the kinds of words companies and sites are named with.

Every list is general vocabulary; no name here is anyone's or anything's in particular.
"""

from __future__ import annotations

import random

# Common surnames with rough shares (per cent of the population).
SURNAMES = {
    "王": 7.1, "李": 7.0, "张": 6.8, "刘": 5.4, "陈": 4.5, "杨": 3.1, "黄": 2.2, "赵": 2.0, "吴": 2.0,
    "周": 1.9, "徐": 1.4, "孙": 1.4, "马": 1.2, "朱": 1.2, "胡": 1.1, "郭": 1.1, "何": 1.0, "高": 1.0,
    "林": 1.0, "罗": 0.9, "郑": 0.8, "梁": 0.8, "谢": 0.7, "宋": 0.6, "唐": 0.6, "许": 0.6, "韩": 0.6,
    "冯": 0.5, "邓": 0.5, "曹": 0.5, "彭": 0.5, "曾": 0.5, "肖": 0.5, "田": 0.5, "董": 0.4, "袁": 0.4,
    "潘": 0.4, "于": 0.4, "蒋": 0.4, "蔡": 0.4, "余": 0.4, "杜": 0.4, "叶": 0.4, "程": 0.4, "苏": 0.3,
    "魏": 0.3, "吕": 0.3, "丁": 0.3, "任": 0.3, "沈": 0.3, "姚": 0.3, "卢": 0.3, "姜": 0.3, "崔": 0.3,
    "钟": 0.3, "谭": 0.3, "陆": 0.3, "汪": 0.2, "范": 0.2, "金": 0.2, "石": 0.2, "廖": 0.2, "贾": 0.2,
    "夏": 0.2, "韦": 0.2, "付": 0.2, "方": 0.2, "白": 0.2, "邹": 0.2, "孟": 0.2, "熊": 0.2, "秦": 0.2,
    "邱": 0.2, "江": 0.2, "尹": 0.2, "薛": 0.2, "闫": 0.2, "段": 0.2, "雷": 0.2, "侯": 0.2, "龙": 0.2,
    "史": 0.2, "陶": 0.1, "黎": 0.1, "贺": 0.1, "顾": 0.1, "毛": 0.1, "郝": 0.1, "龚": 0.1, "邵": 0.1,
    "钱": 0.1, "严": 0.1, "覃": 0.1, "武": 0.1, "戴": 0.1, "莫": 0.1, "孔": 0.1, "汤": 0.1,
    "欧阳": 0.05, "司马": 0.01,
}
# Given-name characters; none of them ends a name for a reader (的, 在, 家 …).
GIVEN_MALE = list("伟强磊军洋勇杰涛明超刚平辉鹏飞宇浩凯健俊帆旭峰斌波志建海林春晓博文斌毅"
                  "德福荣兴永庆祥益卫东新光成立民振生金龙云松清亮炳耀韬铭钧彦诚朗锋坤瑞琦")
GIVEN_FEMALE = list("芳娜敏静丽艳娟秀霞桂英华玉萍红琳婷雪晶颖慧琪鑫梦思雨欣佳涵诗若晨怡"
                    "蓉燕莉倩婧媛瑶璐岚薇洁琴丹蕾")
# Minority names written in Chinese characters (no Han surname).
UYGHUR = ["艾力", "买买提", "阿不都", "热合曼", "吐尔逊", "艾合买提", "帕尔哈提", "玉素甫", "依明",
          "肉孜", "阿布拉", "库尔班", "麦麦提", "艾尔肯", "伊力哈木", "努尔兰", "阿依古丽", "古丽娜",
          "迪丽拜尔", "再努尔"]
TIBETAN = ["扎西", "次仁", "多吉", "平措", "旺堆", "达瓦", "格桑", "卓玛", "央金", "拉姆", "尼玛",
           "索朗", "顿珠", "边巴", "普布", "德吉", "白玛", "洛桑", "强巴", "益西"]
MONGOLIAN = ["额尔敦", "乌力吉", "苏和", "满都拉", "其木格", "斯琴", "敖其尔", "朝鲁", "图雅",
             "萨仁", "阿拉坦", "那顺", "宝音", "孟和", "乌云", "吉日嘎拉"]
MINORITY_SHARE = {"650000": ("uyghur", 0.35), "540000": ("tibetan", 0.35), "630000": ("tibetan", 0.1),
                  "150000": ("mongolian", 0.2)}

# Two-character brand words that carriers and companies are named with.
BRANDS = ("启航 星火 云创 智谷 青藤 汇智 聚能 创梦 远航 优才 慧谷 博创 睿思 天行 鼎新 绿洲 蓝海 恒信 "
          "腾飞 嘉禾 华创 卓越 领航 翔宇 麒麟 凤鸣 龙腾 锦程 悦享 瑞丰 泓源 峻峰 谷雨 追梦 筑梦 "
          "逐梦 新芽 萌芽 破茧 众智 同创 合创 乐创 易创 极客 青创 梦想 未来 前沿 云端 数智 芯谷 "
          "智汇 星辰 银河 北斗 长风 东方 朝阳 晨曦 曙光 旭日 彩虹 明珠 金桥 银杏 红枫 松柏 百川 "
          "千帆 万象 九州 三江 五岳 四海 天骄 雄鹰 飞鸿 鲲鹏 骏马 蓝鲸 火炬 灯塔 方舟 基石 磐石 "
          "源点 原点 支点 起点 聚点 融创 融智 汇创 创联 智联 科联 众联 博远 弘毅 致远 思源").split()
INDUSTRIES = ("生物医药 智能制造 新材料 数字经济 电子信息 节能环保 新能源 大数据 人工智能 文化创意 "
              "现代农业 医疗器械 软件信息 电子商务 工业设计 物联网 航空航天 先进装备 现代物流 "
              "光电信息 集成电路 食品加工").split()
AGRI_WORDS = ("果蔬 茶业 食用菌 生态农业 田园 牧业 蔬菜 林果 中药材 柑橘 苹果 葡萄 花卉 稻渔 "
              "蜂业 香菇 核桃 油茶 草莓 甜瓜").split()
COMPANY_TRADES = ("科技服务 创业服务 企业管理 孵化器管理 科技发展 投资管理 信息技术 生物科技 "
                  "智能科技 电子科技 农业科技 网络科技 新材料科技 数据科技 医疗科技 文化传播").split()
STARTUP_TRADES = COMPANY_TRADES[6:]
COMPANY_ENDS = ["有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"]
PROJECT_WORDS = ("智能巡检机器人 高原特色果蔬冷链 工业视觉检测系统 柔性电子皮肤 中药材溯源平台 "
                 "智慧养殖管理系统 新型环保建材 无人机植保服务 便携式水质检测仪 农村电商直播基地 "
                 "手工刺绣文创 民族服饰设计 高效节水灌溉 锂电池回收利用 智能康复辅具 "
                 "微生物有机肥 特色小吃连锁 短视频乡村文旅 可降解包装材料 远程医疗终端").split()


def surname(rng: random.Random) -> str:
    """A surname drawn by frequency."""
    keys = sorted(SURNAMES)
    return rng.choices(keys, weights=[SURNAMES[k] for k in keys])[0]


def han_name(rng: random.Random) -> str:
    """A Han name: surname and one or two given-name characters."""
    pool = GIVEN_MALE if rng.random() < 0.6 else GIVEN_FEMALE
    given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.7 else "")
    return surname(rng) + given


def person_name(rng: random.Random, province_code: str) -> tuple[str, str]:
    """A personal name likely in the province, and its kind (han, uyghur, tibetan, mongolian)."""
    kind, share = MINORITY_SHARE.get(province_code, ("han", 0.0))
    if rng.random() >= share:
        return han_name(rng), "han"
    if kind == "uyghur":
        first, father = rng.sample(UYGHUR, 2)
        return f"{first}·{father}", kind
    if kind == "tibetan":
        return "".join(rng.sample(TIBETAN, 2)), kind
    return rng.choice(MONGOLIAN), kind


def brand(rng: random.Random) -> str:
    """A two-character brand word."""
    return rng.choice(BRANDS)


def company_name(rng: random.Random, place_short: str, trade: str | None = None) -> str:
    """``{place}{brand}{trade}{有限公司}``: 宜昌启航科技服务有限公司."""
    return place_short + brand(rng) + (trade or rng.choice(COMPANY_TRADES)) + rng.choice(COMPANY_ENDS)
