#!/usr/bin/env python3
"""Writes a national-scale AccessSpec workspace: the national hub, the 31 provinces, the 333
prefecture-level cities, N counties, 42 State Council departments and 120 third parties.

    python3 Benchmarks/national.py --counties 2800 --out bench-out/national-2800
    python3 Benchmarks/national.py --counties 300 --out DIR --seed S --verify

Every platform connects to its parent the way `accessc init` writes it (a province or a
department to the hub, a city to its province, a county to its city or, in the four
municipalities and for the counties a province governs directly, to its province, a third party
through a province or city it names in `thirdParty.via`), imports the shared types and errors of
`common/types.yaml`, and is filled with operations, request and response records, errors and
examples by synthesize.py's `Contract`, so each identifier algorithm has one implementation.
Provinces and cities carry their real GB/T 2260 codes and names; county codes are synthetic
(unique, under their city's or province's prefix).

Output is a pure function of the arguments: each platform's content comes from a
`random.Random` seeded with the seed and the platform's id, and the plan (how many counties each
city gets, their names) from the seed alone. The folders this script writes (national.yaml,
accessspec.yaml, common/, departments/, regions/, third-parties/) are replaced; anything else in
the output folder is left alone.
"""

import argparse
import os
import random
import shutil
import sys
from dataclasses import dataclass, field

import synthesize
from synthesize import AREAS, DIRECTIONS, MIB, SHARED_TYPES, Contract, make_uscc, render

# --------------------------------------------------------------------------------------------
# Divisions
#
# The provinces and prefecture-level divisions of GB/T 2260 (《中华人民共和国行政区划代码》), as
# the National Bureau of Statistics' 2022 统计用区划代码 lists them: for each province its code
# (2 digits), name and the id used here; then each prefecture-level division as its two code
# digits, name, id and number of county-level divisions (not counting the statistical zones
# coded 71-79, the development zones). "NN - K" is a code prefix whose K county-level divisions
# sit directly under the province: the districts and counties of a municipality (北京, 天津,
# 上海, 重庆) and the county-level cities a province governs directly (省直辖县级行政区划).
# 东莞, 中山, 儋州 and 嘉峪关 have no county-level divisions. 333 divisions, 2,850 counties.
DIVISIONS = """
11 北京市 beijing
    01 - 16
12 天津市 tianjin
    01 - 16
13 河北省 hebei
    01 石家庄市 shijiazhuang 22, 02 唐山市 tangshan 14, 03 秦皇岛市 qinhuangdao 7, 04 邯郸市 handan 18,
    05 邢台市 xingtai 18, 06 保定市 baoding 24, 07 张家口市 zhangjiakou 16, 08 承德市 chengde 11,
    09 沧州市 cangzhou 16, 10 廊坊市 langfang 10, 11 衡水市 hengshui 11
14 山西省 shanxi
    01 太原市 taiyuan 10, 02 大同市 datong 10, 03 阳泉市 yangquan 5, 04 长治市 changzhi 12,
    05 晋城市 jincheng 6, 06 朔州市 shuozhou 6, 07 晋中市 jinzhong 11, 08 运城市 yuncheng 13,
    09 忻州市 xinzhou 14, 10 临汾市 linfen 17, 11 吕梁市 lvliang 13
15 内蒙古自治区 neimenggu
    01 呼和浩特市 huhehaote 9, 02 包头市 baotou 9, 03 乌海市 wuhai 3, 04 赤峰市 chifeng 12, 05 通辽市 tongliao 8,
    06 鄂尔多斯市 eerduosi 9, 07 呼伦贝尔市 hulunbeier 14, 08 巴彦淖尔市 bayannaoer 7, 09 乌兰察布市 wulanchabu 11,
    22 兴安盟 xingan 6, 25 锡林郭勒盟 xilinguole 12, 29 阿拉善盟 alashan 3
21 辽宁省 liaoning
    01 沈阳市 shenyang 13, 02 大连市 dalian 10, 03 鞍山市 anshan 7, 04 抚顺市 fushun 7, 05 本溪市 benxi 6,
    06 丹东市 dandong 6, 07 锦州市 jinzhou 7, 08 营口市 yingkou 6, 09 阜新市 fuxin 7, 10 辽阳市 liaoyang 7,
    11 盘锦市 panjin 4, 12 铁岭市 tieling 7, 13 朝阳市 chaoyang 7, 14 葫芦岛市 huludao 6
22 吉林省 jilin
    01 长春市 changchun 11, 02 吉林市 jilin 9, 03 四平市 siping 5, 04 辽源市 liaoyuan 4, 05 通化市 tonghua 7,
    06 白山市 baishan 6, 07 松原市 songyuan 5, 08 白城市 baicheng 5, 24 延边朝鲜族自治州 yanbian 8
23 黑龙江省 heilongjiang
    01 哈尔滨市 haerbin 18, 02 齐齐哈尔市 qiqihaer 16, 03 鸡西市 jixi 9, 04 鹤岗市 hegang 8,
    05 双鸭山市 shuangyashan 8, 06 大庆市 daqing 9, 07 伊春市 yichun 10, 08 佳木斯市 jiamusi 10,
    09 七台河市 qitaihe 4, 10 牡丹江市 mudanjiang 10, 11 黑河市 heihe 6, 12 绥化市 suihua 10,
    27 大兴安岭地区 daxinganling 7
31 上海市 shanghai
    01 - 16
32 江苏省 jiangsu
    01 南京市 nanjing 11, 02 无锡市 wuxi 7, 03 徐州市 xuzhou 10, 04 常州市 changzhou 6, 05 苏州市 suzhou 9,
    06 南通市 nantong 7, 07 连云港市 lianyungang 6, 08 淮安市 huaian 7, 09 盐城市 yancheng 9,
    10 扬州市 yangzhou 6, 11 镇江市 zhenjiang 6, 12 泰州市 taizhou 6, 13 宿迁市 suqian 5
33 浙江省 zhejiang
    01 杭州市 hangzhou 13, 02 宁波市 ningbo 10, 03 温州市 wenzhou 12, 04 嘉兴市 jiaxing 7, 05 湖州市 huzhou 5,
    06 绍兴市 shaoxing 6, 07 金华市 jinhua 9, 08 衢州市 quzhou 6, 09 舟山市 zhoushan 4, 10 台州市 taizhou 9,
    11 丽水市 lishui 9
34 安徽省 anhui
    01 合肥市 hefei 9, 02 芜湖市 wuhu 7, 03 蚌埠市 bengbu 7, 04 淮南市 huainan 7, 05 马鞍山市 maanshan 6,
    06 淮北市 huaibei 4, 07 铜陵市 tongling 4, 08 安庆市 anqing 10, 10 黄山市 huangshan 7, 11 滁州市 chuzhou 8,
    12 阜阳市 fuyang 8, 13 宿州市 suzhou 5, 15 六安市 luan 7, 16 亳州市 bozhou 4, 17 池州市 chizhou 4,
    18 宣城市 xuancheng 7
35 福建省 fujian
    01 福州市 fuzhou 13, 02 厦门市 xiamen 6, 03 莆田市 putian 5, 04 三明市 sanming 11, 05 泉州市 quanzhou 12,
    06 漳州市 zhangzhou 11, 07 南平市 nanping 10, 08 龙岩市 longyan 7, 09 宁德市 ningde 9
36 江西省 jiangxi
    01 南昌市 nanchang 9, 02 景德镇市 jingdezhen 4, 03 萍乡市 pingxiang 5, 04 九江市 jiujiang 13,
    05 新余市 xinyu 2, 06 鹰潭市 yingtan 3, 07 赣州市 ganzhou 18, 08 吉安市 jian 13, 09 宜春市 yichun 10,
    10 抚州市 fuzhou 11, 11 上饶市 shangrao 12
37 山东省 shandong
    01 济南市 jinan 12, 02 青岛市 qingdao 10, 03 淄博市 zibo 8, 04 枣庄市 zaozhuang 6, 05 东营市 dongying 5,
    06 烟台市 yantai 11, 07 潍坊市 weifang 12, 08 济宁市 jining 11, 09 泰安市 taian 6, 10 威海市 weihai 4,
    11 日照市 rizhao 4, 13 临沂市 linyi 12, 14 德州市 dezhou 11, 15 聊城市 liaocheng 8, 16 滨州市 binzhou 7,
    17 菏泽市 heze 9
41 河南省 henan
    01 郑州市 zhengzhou 12, 02 开封市 kaifeng 9, 03 洛阳市 luoyang 14, 04 平顶山市 pingdingshan 10,
    05 安阳市 anyang 9, 06 鹤壁市 hebi 5, 07 新乡市 xinxiang 12, 08 焦作市 jiaozuo 10, 09 濮阳市 puyang 6,
    10 许昌市 xuchang 6, 11 漯河市 luohe 5, 12 三门峡市 sanmenxia 6, 13 南阳市 nanyang 13, 14 商丘市 shangqiu 9,
    15 信阳市 xinyang 10, 16 周口市 zhoukou 10, 17 驻马店市 zhumadian 10, 90 - 1
42 湖北省 hubei
    01 武汉市 wuhan 13, 02 黄石市 huangshi 6, 03 十堰市 shiyan 8, 05 宜昌市 yichang 13, 06 襄阳市 xiangyang 9,
    07 鄂州市 ezhou 3, 08 荆门市 jingmen 5, 09 孝感市 xiaogan 7, 10 荆州市 jingzhou 8, 11 黄冈市 huanggang 10,
    12 咸宁市 xianning 6, 13 随州市 suizhou 3, 28 恩施土家族苗族自治州 enshi 8, 90 - 4
43 湖南省 hunan
    01 长沙市 changsha 9, 02 株洲市 zhuzhou 9, 03 湘潭市 xiangtan 5, 04 衡阳市 hengyang 12,
    05 邵阳市 shaoyang 12, 06 岳阳市 yueyang 9, 07 常德市 changde 9, 08 张家界市 zhangjiajie 4,
    09 益阳市 yiyang 6, 10 郴州市 chenzhou 11, 11 永州市 yongzhou 11, 12 怀化市 huaihua 12, 13 娄底市 loudi 5,
    31 湘西土家族苗族自治州 xiangxi 8
44 广东省 guangdong
    01 广州市 guangzhou 11, 02 韶关市 shaoguan 10, 03 深圳市 shenzhen 9, 04 珠海市 zhuhai 3,
    05 汕头市 shantou 7, 06 佛山市 foshan 5, 07 江门市 jiangmen 7, 08 湛江市 zhanjiang 9, 09 茂名市 maoming 5,
    12 肇庆市 zhaoqing 8, 13 惠州市 huizhou 5, 14 梅州市 meizhou 8, 15 汕尾市 shanwei 4, 16 河源市 heyuan 6,
    17 阳江市 yangjiang 4, 18 清远市 qingyuan 8, 19 东莞市 dongguan 0, 20 中山市 zhongshan 0,
    51 潮州市 chaozhou 3, 52 揭阳市 jieyang 5, 53 云浮市 yunfu 5
45 广西壮族自治区 guangxi
    01 南宁市 nanning 12, 02 柳州市 liuzhou 10, 03 桂林市 guilin 17, 04 梧州市 wuzhou 7, 05 北海市 beihai 4,
    06 防城港市 fangchenggang 4, 07 钦州市 qinzhou 4, 08 贵港市 guigang 5, 09 玉林市 yulin 7, 10 百色市 baise 12,
    11 贺州市 hezhou 5, 12 河池市 hechi 11, 13 来宾市 laibin 6, 14 崇左市 chongzuo 7
46 海南省 hainan
    01 海口市 haikou 4, 02 三亚市 sanya 4, 03 三沙市 sansha 3, 04 儋州市 danzhou 0, 90 - 15
50 重庆市 chongqing
    01 - 26, 02 - 12
51 四川省 sichuan
    01 成都市 chengdu 20, 03 自贡市 zigong 6, 04 攀枝花市 panzhihua 5, 05 泸州市 luzhou 7, 06 德阳市 deyang 6,
    07 绵阳市 mianyang 9, 08 广元市 guangyuan 7, 09 遂宁市 suining 5, 10 内江市 neijiang 5, 11 乐山市 leshan 11,
    13 南充市 nanchong 9, 14 眉山市 meishan 6, 15 宜宾市 yibin 10, 16 广安市 guangan 6, 17 达州市 dazhou 7,
    18 雅安市 yaan 8, 19 巴中市 bazhong 5, 20 资阳市 ziyang 3, 32 阿坝藏族羌族自治州 aba 13, 33 甘孜藏族自治州 ganzi 18,
    34 凉山彝族自治州 liangshan 17
52 贵州省 guizhou
    01 贵阳市 guiyang 10, 02 六盘水市 liupanshui 4, 03 遵义市 zunyi 14, 04 安顺市 anshun 6, 05 毕节市 bijie 8,
    06 铜仁市 tongren 10, 23 黔西南布依族苗族自治州 qianxinan 8, 26 黔东南苗族侗族自治州 qiandongnan 16,
    27 黔南布依族苗族自治州 qiannan 12
53 云南省 yunnan
    01 昆明市 kunming 14, 03 曲靖市 qujing 9, 04 玉溪市 yuxi 9, 05 保山市 baoshan 5, 06 昭通市 zhaotong 11,
    07 丽江市 lijiang 5, 08 普洱市 puer 10, 09 临沧市 lincang 8, 23 楚雄彝族自治州 chuxiong 10,
    25 红河哈尼族彝族自治州 honghe 13, 26 文山壮族苗族自治州 wenshan 8, 28 西双版纳傣族自治州 xishuangbanna 3,
    29 大理白族自治州 dali 12, 31 德宏傣族景颇族自治州 dehong 5, 33 怒江傈僳族自治州 nujiang 4, 34 迪庆藏族自治州 diqing 3
54 西藏自治区 xizang
    01 拉萨市 lasa 8, 02 日喀则市 rikaze 18, 03 昌都市 changdu 11, 04 林芝市 linzhi 7, 05 山南市 shannan 12,
    06 那曲市 naqu 11, 25 阿里地区 ali 7
61 陕西省 shaanxi
    01 西安市 xian 13, 02 铜川市 tongchuan 4, 03 宝鸡市 baoji 12, 04 咸阳市 xianyang 14, 05 渭南市 weinan 11,
    06 延安市 yanan 13, 07 汉中市 hanzhong 11, 08 榆林市 yulin 12, 09 安康市 ankang 10, 10 商洛市 shangluo 7
62 甘肃省 gansu
    01 兰州市 lanzhou 8, 02 嘉峪关市 jiayuguan 0, 03 金昌市 jinchang 2, 04 白银市 baiyin 5, 05 天水市 tianshui 7,
    06 武威市 wuwei 4, 07 张掖市 zhangye 6, 08 平凉市 pingliang 7, 09 酒泉市 jiuquan 7, 10 庆阳市 qingyang 8,
    11 定西市 dingxi 7, 12 陇南市 longnan 9, 29 临夏回族自治州 linxia 8, 30 甘南藏族自治州 gannan 8
63 青海省 qinghai
    01 西宁市 xining 7, 02 海东市 haidong 6, 22 海北藏族自治州 haibei 4, 23 黄南藏族自治州 huangnan 4,
    25 海南藏族自治州 hainan 5, 26 果洛藏族自治州 guoluo 6, 27 玉树藏族自治州 yushu 6, 28 海西蒙古族藏族自治州 haixi 7
64 宁夏回族自治区 ningxia
    01 银川市 yinchuan 6, 02 石嘴山市 shizuishan 3, 03 吴忠市 wuzhong 5, 04 固原市 guyuan 5,
    05 中卫市 zhongwei 3
65 新疆维吾尔自治区 xinjiang
    01 乌鲁木齐市 wulumuqi 8, 02 克拉玛依市 kelamayi 4, 04 吐鲁番市 tulufan 3, 05 哈密市 hami 3,
    23 昌吉回族自治州 changji 7, 27 博尔塔拉蒙古自治州 boertala 4, 28 巴音郭楞蒙古自治州 bayinguoleng 9, 29 阿克苏地区 akesu 9,
    30 克孜勒苏柯尔克孜自治州 kezilesu 4, 31 喀什地区 kashi 12, 32 和田地区 hetian 8, 40 伊犁哈萨克自治州 yili 11,
    42 塔城地区 tacheng 7, 43 阿勒泰地区 aletai 7, 90 - 12
"""


@dataclass
class Division:
    """A prefecture-level division (`name` set) or a province's own county prefix (`name` None)."""
    prefix: str          # 4 digits
    name: str | None
    id: str | None
    weight: int          # its real number of county-level divisions


@dataclass
class Province:
    code: str            # 2 digits
    name: str
    id: str
    divisions: list = field(default_factory=list)


def parse_divisions(text=DIVISIONS):
    provinces = []
    entries = ""
    for line in text.strip("\n").split("\n") + ["00 end end"]:
        if line.startswith(" "):
            entries += line
            continue
        if entries:
            for entry in entries.split(","):
                digits, name, *rest = entry.split()
                prefix = provinces[-1].code + digits
                if name == "-":
                    provinces[-1].divisions.append(Division(prefix, None, None, int(rest[0])))
                else:
                    provinces[-1].divisions.append(Division(prefix, name, rest[0], int(rest[1])))
            entries = ""
        code, name, pid = line.split()
        provinces.append(Province(code, name, pid))
    return provinces[:-1]


# --------------------------------------------------------------------------------------------
# The other platforms

# State Council ministries, commissions and administrations: (id, 中文名, English name).
DEPARTMENTS = [
    ("mfa", "外交部", "Ministry of Foreign Affairs"),
    ("ndrc", "国家发展和改革委员会", "National Development and Reform Commission"),
    ("moe", "教育部", "Ministry of Education"),
    ("most", "科学技术部", "Ministry of Science and Technology"),
    ("miit", "工业和信息化部", "Ministry of Industry and Information Technology"),
    ("neac", "国家民族事务委员会", "National Ethnic Affairs Commission"),
    ("mps", "公安部", "Ministry of Public Security"),
    ("mca", "民政部", "Ministry of Civil Affairs"),
    ("moj", "司法部", "Ministry of Justice"),
    ("mof", "财政部", "Ministry of Finance"),
    ("mohrss", "人力资源和社会保障部", "Ministry of Human Resources and Social Security"),
    ("mnr", "自然资源部", "Ministry of Natural Resources"),
    ("mee", "生态环境部", "Ministry of Ecology and Environment"),
    ("mohurd", "住房和城乡建设部", "Ministry of Housing and Urban-Rural Development"),
    ("mot", "交通运输部", "Ministry of Transport"),
    ("mwr", "水利部", "Ministry of Water Resources"),
    ("moa", "农业农村部", "Ministry of Agriculture and Rural Affairs"),
    ("mofcom", "商务部", "Ministry of Commerce"),
    ("mct", "文化和旅游部", "Ministry of Culture and Tourism"),
    ("nhc", "国家卫生健康委员会", "National Health Commission"),
    ("mva", "退役军人事务部", "Ministry of Veterans Affairs"),
    ("mem", "应急管理部", "Ministry of Emergency Management"),
    ("pbc", "中国人民银行", "People's Bank of China"),
    ("audit", "审计署", "National Audit Office"),
    ("sasac", "国务院国有资产监督管理委员会", "State-owned Assets Supervision and Administration Commission"),
    ("customs", "海关总署", "General Administration of Customs"),
    ("chinatax", "国家税务总局", "State Taxation Administration"),
    ("samr", "国家市场监督管理总局", "State Administration for Market Regulation"),
    ("nfra", "国家金融监督管理总局", "National Financial Regulatory Administration"),
    ("csrc", "中国证券监督管理委员会", "China Securities Regulatory Commission"),
    ("nrta", "国家广播电视总局", "National Radio and Television Administration"),
    ("sport", "国家体育总局", "General Administration of Sport"),
    ("stats", "国家统计局", "National Bureau of Statistics"),
    ("nhsa", "国家医疗保障局", "National Healthcare Security Administration"),
    ("nea", "国家能源局", "National Energy Administration"),
    ("forestry", "国家林业和草原局", "National Forestry and Grassland Administration"),
    ("cnipa", "国家知识产权局", "China National Intellectual Property Administration"),
    ("nia", "国家移民管理局", "National Immigration Administration"),
    ("nmpa", "国家药品监督管理局", "National Medical Products Administration"),
    ("caac", "中国民用航空局", "Civil Aviation Administration of China"),
    ("spb", "国家邮政局", "State Post Bureau"),
    ("ncha", "国家文物局", "National Cultural Heritage Administration"),
]

# Third parties (banks, carriers, apps, utilities, couriers, insurers): (id, 中文名, English, kind).
BRANDS = [
    ("icbc", "中国工商银行", "ICBC", "bank"), ("ccb", "中国建设银行", "China Construction Bank", "bank"),
    ("abc", "中国农业银行", "Agricultural Bank of China", "bank"), ("boc", "中国银行", "Bank of China", "bank"),
    ("bocom", "交通银行", "Bank of Communications", "bank"),
    ("psbc", "中国邮政储蓄银行", "Postal Savings Bank of China", "bank"),
    ("cmb", "招商银行", "China Merchants Bank", "bank"), ("citic", "中信银行", "China CITIC Bank", "bank"),
    ("spdb", "上海浦东发展银行", "Shanghai Pudong Development Bank", "bank"),
    ("cib", "兴业银行", "Industrial Bank", "bank"),
    ("cmcc", "中国移动", "China Mobile", "carrier"), ("unicom", "中国联通", "China Unicom", "carrier"),
    ("ctel", "中国电信", "China Telecom", "carrier"),
    ("alipay", "支付宝", "Alipay", "app"), ("wechat", "微信", "WeChat", "app"), ("baidu", "百度", "Baidu", "app"),
    ("jd", "京东", "JD", "app"), ("meituan", "美团", "Meituan", "app"), ("dingtalk", "钉钉", "DingTalk", "app"),
    ("sgcc", "国家电网", "State Grid", "utility"), ("sf", "顺丰速运", "SF Express", "courier"),
    ("ems", "中国邮政速递物流", "China Post EMS", "courier"),
    ("picc", "中国人民保险", "PICC", "insurer"), ("chinalife", "中国人寿", "China Life", "insurer"),
    ("pingan", "中国平安", "Ping An", "insurer"),
]
# kind -> (what the channel is called, its English name, purpose, data scope)
CHANNELS = {
    "bank": ("手机银行", "Mobile Banking", "在手机银行中为用户办理政务服务，并在用户授权后核验开户和贷款所需的电子证照",
             ["identity.userinfo", "license.verify"]),
    "carrier": ("营业厅", "Service Hall", "在营业厅办理入网实名核验，并在用户授权后调用电子证照",
                ["identity.realname", "license.verify"]),
    "app": ("政务服务专区", "Government Services", "在应用内提供政务服务入口、统一身份登录和亮证",
            ["identity.userinfo", "license.show", "portal.search"]),
    "utility": ("网上营业厅", "Online Service Hall", "办理用电报装时在用户授权后核验不动产权证书和营业执照",
                ["license.verify"]),
    "courier": ("政务寄递", "Government Delivery", "为政务服务办件提供证照和材料寄递",
                ["portal.application", "identity.userinfo"]),
    "insurer": ("理赔服务", "Claims Service", "理赔时在用户授权后核验身份和医疗、出生等电子证照",
                ["identity.userinfo", "license.verify"]),
}

# Two-character county names: a first and a second character with their pinyin.
COUNTY_FIRST = list(zip("安平宁兴和丰永清东西南北华泰康福昌德建吉",
                        "an ping ning xing he feng yong qing dong xi nan bei hua tai kang fu chang de jian ji".split()))
COUNTY_SECOND = list(zip("阳山河江湖城新庆瑞明文武高金林云石桥源溪",
                         "yang shan he jiang hu cheng xin qing rui ming wen wu gao jin lin yun shi qiao yuan xi".split()))
# county-level kinds: (suffix, English, first code digits)
DISTRICT, COUNTY, COUNTY_CITY = ("区", "District", 1), ("县", "County", 21), ("市", "City", 81)

# Bytes each level's contract aims at: the hub and provinces large, counties small.
TARGET_BYTES = {"national": 1024 << 10, "provincial": 160 << 10, "departmental": 64 << 10,
                "municipal": 16 << 10, "county": 7 << 10, "third-party": 8 << 10}
# Licence types in a catalogue, by level.
CATALOG_SIZE = {"national": 24, "provincial": 16, "departmental": 24, "municipal": 8, "county": 3,
                "third-party": 0}
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京, 天津, 上海, 重庆: no prefecture-level cities
COUNTY_AREAS = ["items", "portal", "identity", "license", "operations", "security"]
THIRD_PARTY_AREAS = ["identity", "license", "operations", "security", "thirdParty"]
THIRD_PARTY_COUNT = 120
SHARED_FILE = "common/types.yaml"
# Conditions of the shared catalogue's errors (docs/language.md, "condition").
CONDITIONS = {"INVALID_REQUEST": "invalid-request", "INVALID_TOKEN": "invalid-token",
              "INVALID_SIGNATURE": "invalid-signature", "RATE_LIMITED": "rate-limited",
              "UPSTREAM_UNAVAILABLE": "unavailable"}


@dataclass
class Platform:
    id: str
    level: str
    name: str
    name_en: str
    region: str
    operator: str
    path: str            # relative to the workspace
    host: str
    parent: str | None = None
    areas: list = field(default_factory=lambda: list(AREAS))
    brand: tuple | None = None   # third parties: an entry of BRANDS


def title(pinyin_id):
    return pinyin_id.replace("-", " ").title().replace(" ", "")


def share_out(total, weights):
    """`total` split in proportion to `weights` by largest remainder (ties: earlier first)."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    counts = [int(q) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in order[:total - sum(counts)]:
        counts[i] += 1
    return counts


def county_kinds(count, under_province):
    """The kinds of a prefix's `count` county-level divisions, in code order."""
    if under_province:
        return [DISTRICT] * count
    districts = round(count * 0.3)
    cities = round(count * 0.15)
    return [DISTRICT] * districts + [COUNTY] * (count - districts - cities) + [COUNTY_CITY] * cities


def counties_of(seed, division, count, city, province):
    """The county platforms under one prefix: synthetic codes and names, distinct in the prefix."""
    rng = random.Random(f"{seed}:counties:{division.prefix}")
    names = [(a + b, pa + pb) for a, pa in COUNTY_FIRST for b, pb in COUNTY_SECOND]
    rng.shuffle(names)
    parent = city or province
    if city is None and province.region[:2] in MUNICIPALITIES:
        kinds = [COUNTY if division.prefix == "5002" else DISTRICT] * count
    elif city is None:
        kinds = [COUNTY_CITY] * count  # county-level cities the province governs directly
    else:
        kinds = county_kinds(count, False)
    next_code = {}
    platforms = []
    for (zh, py), kind in zip(names, kinds):
        number = next_code.get(kind, kind[2] if city else 1)
        next_code[kind] = number + 1
        if number > 99:
            raise SystemExit(f"national.py: more than 99 counties under {division.prefix}; ask for fewer")
        code = f"{division.prefix}{number:02d}"
        suffix = code[4:] if city else code[2:]
        full = f"{division.name or province.name.removesuffix('政务服务平台')}{zh}{kind[0]}"
        pid = f"{parent.id}-c{suffix}"
        folder = os.path.dirname(parent.path)
        platforms.append(Platform(
            pid, "county", f"{full}政务服务平台",
            f"{py.capitalize()} {kind[1]} Government Service Platform ({title(parent.id.split('-')[-1])})",
            code, f"{full}行政审批局", f"{folder}/{pid}.yaml",
            f"{py}{suffix}.{parent.host}", parent.id, list(COUNTY_AREAS)))
    return sorted(platforms, key=lambda p: p.region)


def plan(counties, seed):
    """Every platform of the workspace, parents before children, third parties last."""
    hub = Platform("national", "national", "国家政务服务平台", "National Government Service Platform",
                   "100000", "国务院办公厅", "national.yaml", "zwfw.gov.cn")
    platforms = [hub]
    for pid, zh, en in DEPARTMENTS:
        platforms.append(Platform(pid, "departmental", f"{zh}政务服务平台", f"{en} Service Platform", "100000",
                                  zh, f"departments/{pid}.yaml", f"zwfw.{pid}.gov.cn", "national"))
    provinces = parse_divisions()
    groups = [(p, d) for p in provinces for d in p.divisions]
    shares = share_out(counties, [d.weight for _, d in groups])
    cities = []
    for province in provinces:
        prov = Platform(province.id, "provincial", f"{province.name}政务服务平台",
                        f"{title(province.id)} Provincial Government Service Platform", f"{province.code}0000",
                        f"{province.name}大数据管理局", f"regions/{province.id}/{province.id}.yaml",
                        f"zwfw.{province.id}.gov.cn", "national")
        platforms.append(prov)
        for (owner, division), share in zip(groups, shares):
            if owner is not province:
                continue
            city = None
            if division.name:
                cid = f"{province.id}-{division.id}"
                city = Platform(cid, "municipal", f"{division.name}政务服务平台",
                                f"{title(division.id)} Municipal Government Service Platform",
                                f"{division.prefix}00", f"{division.name}数据资源局",
                                f"regions/{province.id}/{division.id}/{cid}.yaml",
                                f"zwfw.{division.id}.{province.id}.gov.cn", province.id)
                platforms.append(city)
                cities.append(city)
            platforms.extend(counties_of(seed, division, share, city, prov))
    rng = random.Random(f"{seed}:third-parties")
    provinces_ = [p for p in platforms if p.level == "provincial"]
    taken = set()
    for n in range(THIRD_PARTY_COUNT):
        brand = BRANDS[n % len(BRANDS)]
        while True:
            via = rng.choice(provinces_ if brand[3] in ("bank", "carrier", "insurer") or rng.random() < 0.3
                             else cities)
            if (brand[0], via.id) not in taken:
                break
        taken.add((brand[0], via.id))
        place = via.name.removesuffix("政务服务平台")
        channel, channel_en = CHANNELS[brand[3]][:2]
        pid = f"{brand[0]}-{via.id}"
        platforms.append(Platform(pid, "third-party", f"{brand[1]}{place}{channel}",
                                  f"{brand[2]} {channel_en} ({title(via.id)})", via.region,
                                  f"{brand[1]}{place}分支机构", f"third-parties/{pid}.yaml",
                                  f"{via.id}.gov-api.{brand[0]}.com.cn", via.id, list(THIRD_PARTY_AREAS), brand))
    return platforms


# --------------------------------------------------------------------------------------------
# Contracts


class NetworkContract(Contract):
    """synthesize.py's contract, placed in the network: its own region, parent and areas, and the
    shared types and errors imported from common/types.yaml instead of written out."""

    def __init__(self, seed, platform, uses=()):
        super().__init__(seed, platform.id, platform.level, platform.name, platform.name_en,
                         platform.operator, TARGET_BYTES[platform.level])
        self.platform = platform
        self.areas = platform.areas
        self.ops.setdefault("thirdParty", [])
        self.uses = list(uses)
        authority = "9" if platform.level == "third-party" else "1"  # 9: enterprise, 1: government body
        self.uscc = make_uscc(self.rng, authority, "1", platform.region)
        self.rotation = self.rng.randrange(len(self.areas))
        self.shared_errors = set(self.errors)

    def own_types(self):
        return {name: d for name, d in self.types.items() if name not in SHARED_TYPES}

    def own_errors(self):
        return {name: e for name, e in self.errors.items() if name not in self.shared_errors}

    def unit_areas(self):
        # Interleaved (items, portal, ..., items, ...) and rotated per platform, so that the few
        # operations of a small contract fall into different areas.
        weights = {a: synthesize.AREA_WEIGHTS.get(a, 0) for a in self.areas}
        order = [a for r in range(max(weights.values())) for a in self.areas if weights[a] > r]
        return order[self.rotation % len(order):] + order[:self.rotation % len(order)]

    def head(self):
        p = self.platform
        doc = {"accessSpec": 1, "platform": {
            "id": p.id, "name": p.name, "nameEn": p.name_en, "level": p.level, "region": p.region,
            "operator": {"name": p.operator, "uscc": self.uscc},
            "environments": {"production": f"https://{p.host}/api", "test": f"https://test.{p.host}/api"},
            "network": "internet" if p.level == "third-party" else "egov-extranet",
            "description": f"{p.name}接入契约（全国规模基准测试合成数据）"}}
        if p.parent:
            areas = {a: DIRECTIONS[a] for a in p.areas if a in DIRECTIONS}
            doc["connections"] = [{"to": p.parent, "areas": areas, "description": "接入上级平台"}]
        doc["imports"] = [os.path.relpath(SHARED_FILE, os.path.dirname(p.path) or ".")]
        return f"# {p.name} ({p.name_en}): synthetic contract written by Benchmarks/national.py\n" + render(doc)

    def area_settings(self, area):
        p = self.platform
        if area == "thirdParty":
            purpose, scope = CHANNELS[p.brand[3]][2:]
            return {"via": p.parent, "purpose": purpose, "dataScope": scope,
                    "authorization": "user-consent", "uses": self.uses}
        settings = super().area_settings(area)
        if area == "items":
            settings["catalogs"] = {"national": ["base", "implementation"], "provincial": ["base", "implementation"],
                                    "departmental": ["base"]}.get(p.level, ["implementation"])
        elif area == "license":
            settings["catalog"] = settings["catalog"][:CATALOG_SIZE[p.level]]
        return settings

    def operation_ids(self):
        """area -> ids of the operations written so far (the first line of each)."""
        return {area: [text.split("\n", 1)[0].split("id: ", 1)[1] for text in texts]
                for area, texts in self.ops.items()}


def shared_file(seed):
    errors = Contract(seed, "common", "national", "", "", "", 0).errors
    for name, condition in CONDITIONS.items():
        errors[name]["condition"] = condition
    return ("# 公共类型与错误码 (shared types and error catalogue), imported by every contract;\n"
            "# written by Benchmarks/national.py.\n"
            + render({"accessSpec": 1}) + "types:\n" + render(SHARED_TYPES, 2)
            + "errors:\n" + render(errors, 2))


WORKSPACE_CONFIG = """\
# The national network benchmark workspace (written by Benchmarks/national.py).
accessSpecWorkspace: 1

settings:
  itemCodePattern: "^[0-9]{12}([0-9A-Z]{0,30})?$"
  minAvailability: 99.5
  minAuditRetentionDays: 180
"""


def third_party_uses(rng, via, ops):
    """Up to six of the via platform's identity and licence operations, and its health check."""
    candidates = [f"{via}.{area}.{op}" for area in ("identity", "license") for op in ops.get(area, [])]
    chosen = sorted(rng.sample(candidates, min(6, len(candidates))))
    return chosen + [f"{via}.operations.health"]


def write_workspace(counties, out, seed):
    for name in ("common", "departments", "regions", "third-parties"):
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
    os.makedirs(out, exist_ok=True)
    files = {"accessspec.yaml": WORKSPACE_CONFIG, SHARED_FILE: shared_file(seed)}
    ops = {}
    levels = {}
    total = sum(len(text.encode()) for text in files.values())
    for p in plan(counties, seed):
        uses = ()
        if p.level == "third-party":
            uses = third_party_uses(random.Random(f"{seed}:uses:{p.id}"), p.parent, ops[p.parent])
        contract = NetworkContract(seed, p, uses)
        files[p.path] = contract.build()
        if p.level in ("provincial", "municipal"):
            ops[p.id] = contract.operation_ids()
        size = len(files[p.path].encode())
        count, bytes_ = levels.get(p.level, (0, 0))
        levels[p.level] = (count + 1, bytes_ + size)
        total += size
        # Written as we go: the whole workspace is not kept in memory.
        write(out, p.path, files.pop(p.path))
    for path, text in files.items():
        write(out, path, text)
    summary = ", ".join(f"{level} {count} ({size / MIB:.1f} MiB)" for level, (count, size) in levels.items())
    print(f"national.py: wrote {out}: {sum(c for c, _ in levels.values())} contracts, {total} bytes "
          f"({total / MIB:.2f} MiB): {summary}", file=sys.stderr)


def write(out, path, text):
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counties", type=int, required=True, help="number of county platforms (real: 2,850)")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--seed", default="accessspec-national-1", help="PRNG seed (default: %(default)s)")
    parser.add_argument("--verify", action="store_true",
                        help="re-read the workspace with PyYAML and check it independently (synthesize.py --verify)")
    args = parser.parse_args()
    if args.counties < 0:
        parser.error("--counties must be 0 or more")
    synthesize.self_test()
    write_workspace(args.counties, args.out, args.seed)
    if args.verify:
        return 0 if synthesize.verify(args.out) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
