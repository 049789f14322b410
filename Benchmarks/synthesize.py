#!/usr/bin/env python3
"""Writes a synthetic, valid AccessSpec workspace of about N MiB for the benchmark.

    python3 synthesize.py --megabytes 10 --out bench-out/ws-10
    python3 synthesize.py --verify bench-out/ws-10      # re-check a workspace (needs PyYAML)

The workspace is one hub, `national.yaml` (level national, region "100000"), and
`dept-0001.yaml`, `dept-0002.yaml`, ... (level departmental, region "100000"), each connecting
to `national` over the seven areas items, portal, identity, seal, license, operations and
security, all declared by the hub too. Files are roughly equal in size (0.5-1 MiB each for
workspaces of 1 MiB and up) and hold many record, enum and constrained scalar types, an error
catalogue and many operations with examples that match their types. Every unified social
credit code, resident identity number and e-licence identifier carries a valid check
character (GB 32100, GB 11643, ISO/IEC 7064; checked against known vectors at start-up).

Output is a pure function of the arguments: the only randomness is `random.Random` seeded
from `--seed` and the file's id. Files this script did not write are left alone; earlier
`national.yaml` and `dept-*.yaml` files in the output folder are replaced.

`--verify` (also run after generation unless `--no-verify`) re-reads the files with PyYAML and
checks them against the language and rules in docs/language.md independently of the
generator: shapes and unknown keys, references, uniqueness, examples against their types,
check characters, and the access rules the compiler enforces.
"""

import argparse
import calendar
import glob
import json
import os
import random
import re
import sys

MIB = 1 << 20

# --------------------------------------------------------------------------------------------
# Identifiers (GB 32100, GB 11643, GB/T 36904)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]  # GB 11714 organisation code, inside the USCC
RID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
RID_CHECK = "10X98765432"
LICENSE_ROOT = "1.2.156.3005.2."


def uscc_check_char(body17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    check = 31 - total % 31
    return USCC_ALPHABET[0 if check == 31 else check]


def is_valid_uscc(code):
    return (isinstance(code, str) and len(code) == 18
            and all(c in USCC_ALPHABET for c in code)
            and uscc_check_char(code[:17]) == code[17])


def make_uscc(rng, authority="1", kind="1", division="100000"):
    """A USCC whose organisation code also carries a valid GB 11714 check, like real ones."""
    while True:
        digits = "".join(rng.choice("0123456789") for _ in range(8))
        check = 11 - sum(int(d) * w for d, w in zip(digits, ORG_WEIGHTS)) % 11
        if check == 10:
            continue  # would be 'X'; legal, but keep the codes plain
        body = authority + kind + division + digits + ("0" if check == 11 else str(check))
        return body + uscc_check_char(body)


def is_valid_resident_id(code):
    if not (isinstance(code, str) and len(code) == 18 and code[:17].isdigit()):
        return False
    year, month, day = int(code[6:10]), int(code[10:12]), int(code[12:14])
    if not (1800 <= year <= 2100 and 1 <= month <= 12):
        return False
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return False
    return RID_CHECK[sum(int(c) * w for c, w in zip(code, RID_WEIGHTS)) % 11] == code[17]


def make_resident_id(rng):
    address = rng.choice(COUNTY_CODES)
    year = rng.randint(1950, 2005)
    month = rng.randint(1, 12)
    day = rng.randint(1, calendar.monthrange(year, month)[1])
    body = f"{address}{year:04d}{month:02d}{day:02d}{rng.randint(1, 999):03d}"
    return body + RID_CHECK[sum(int(c) * w for c, w in zip(body, RID_WEIGHTS)) % 11]


def _mod_37_36_value(ch):
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def mod_37_36_check_char(text):
    p = 36
    for ch in text:
        s = (p + _mod_37_36_value(ch)) % 36
        p = (2 * (s or 36)) % 37
    x = (1 - p) % 36
    return str(x) if x < 10 else chr(ord("A") + x - 10)


def is_valid_license_type_code(code):
    return (isinstance(code, str) and len(code) == 21 and is_valid_uscc(code[:18])
            and code[18:].isdigit())


def is_valid_license_id(code):
    if not (isinstance(code, str) and code.startswith(LICENSE_ROOT)):
        return False
    parts = code[len(LICENSE_ROOT):].split(".")
    if len(parts) != 5:
        return False
    type_code, issuer, number, version, check = parts
    if not (is_valid_license_type_code(type_code) and is_valid_uscc(issuer)):
        return False
    if not (number and re.fullmatch(r"[0-9A-Z]+", number)):
        return False
    if not (len(version) == 3 and version.isdigit() and len(check) == 1):
        return False
    return mod_37_36_check_char(type_code + issuer + number + version) == check


def make_license_id(type_code, issuer, number, version="001"):
    return (f"{LICENSE_ROOT}{type_code}.{issuer}.{number}.{version}."
            + mod_37_36_check_char(type_code + issuer + number + version))


def self_test():
    for good in ["91110000600037341L", "91350100M000100Y43", "11100000000013338W"]:
        assert is_valid_uscc(good), good
    assert not is_valid_uscc("11370000MB28449441")
    for good in ["11010519491231002X", "440524188001010014"]:
        assert is_valid_resident_id(good), good
    assert not is_valid_resident_id("110105194912310021")
    for good in ["1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S",
                 "1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3"]:
        assert is_valid_license_id(good), good
        assert make_license_id(*good[len(LICENSE_ROOT):].split(".")[:4]) == good
    assert not is_valid_license_id(
        "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T")
    rng = random.Random(0)
    for _ in range(2000):
        assert is_valid_uscc(make_uscc(rng))
        assert is_valid_resident_id(make_resident_id(rng))


# --------------------------------------------------------------------------------------------
# Vocabulary

COUNTY_CODES = ["110101", "110105", "110108", "120101", "310104", "310115", "320102", "330106",
                "340104", "350102", "370102", "370203", "410105", "420106", "430104", "440305",
                "440524", "500103", "510104", "511602", "610113", "650102"]
PROVINCE_CODES = ["110000", "120000", "310000", "320000", "330000", "370000", "440000", "510000"]
LONG_DIVISION_CODES = ["511602000000", "370102001000", "440305007000", "110105012000"]

MINISTRIES = [
    ("公安部", "Ministry of Public Security"),
    ("民政部", "Ministry of Civil Affairs"),
    ("司法部", "Ministry of Justice"),
    ("人力资源和社会保障部", "Ministry of Human Resources and Social Security"),
    ("自然资源部", "Ministry of Natural Resources"),
    ("生态环境部", "Ministry of Ecology and Environment"),
    ("住房和城乡建设部", "Ministry of Housing and Urban-Rural Development"),
    ("交通运输部", "Ministry of Transport"),
    ("水利部", "Ministry of Water Resources"),
    ("农业农村部", "Ministry of Agriculture and Rural Affairs"),
    ("商务部", "Ministry of Commerce"),
    ("文化和旅游部", "Ministry of Culture and Tourism"),
    ("国家卫生健康委员会", "National Health Commission"),
    ("教育部", "Ministry of Education"),
    ("工业和信息化部", "Ministry of Industry and Information Technology"),
    ("国家市场监督管理总局", "State Administration for Market Regulation"),
    ("国家税务总局", "State Taxation Administration"),
    ("海关总署", "General Administration of Customs"),
    ("国家医疗保障局", "National Healthcare Security Administration"),
    ("应急管理部", "Ministry of Emergency Management"),
    ("退役军人事务部", "Ministry of Veterans Affairs"),
    ("国家知识产权局", "China National Intellectual Property Administration"),
    ("国家药品监督管理局", "National Medical Products Administration"),
    ("国家林业和草原局", "National Forestry and Grassland Administration"),
]

LICENSE_NAMES = ["营业执照", "居民身份证", "结婚证", "不动产权证书", "道路运输经营许可证", "食品经营许可证",
                 "建筑业企业资质证书", "执业医师资格证", "教师资格证", "机动车驾驶证", "出生医学证明",
                 "残疾人证", "药品经营许可证", "排污许可证", "取水许可证", "律师执业证"]

# Seven areas a department connects with, and the direction it uses for each.
AREAS = ["items", "portal", "identity", "seal", "license", "operations", "security"]
DIRECTIONS = {"items": "up", "portal": "up", "identity": "both", "seal": "both",
              "license": "both", "operations": "up", "security": "up"}
AREA_WEIGHTS = {"items": 3, "portal": 2, "identity": 2, "seal": 2, "license": 4,
                "operations": 1, "security": 1}

# area -> (verb, Noun, Chinese summary, method)
ACTIONS = {
    "items": [("sync", "ItemCatalog", "同步事项目录", "POST"), ("query", "Item", "查询事项信息", "GET"),
              ("push", "Implementation", "推送实施清单", "POST"), ("update", "ItemStatus", "更新事项状态", "PUT"),
              ("revoke", "Item", "撤销事项", "DELETE"), ("list", "ItemChanges", "查询事项变更", "GET")],
    "portal": [("submit", "Rating", "提交好差评", "POST"), ("submit", "Complaint", "提交投诉建议", "POST"),
               ("search", "Services", "统一搜索服务", "GET"), ("query", "Application", "查询办件进度", "GET"),
               ("register", "Channel", "登记服务渠道", "POST"), ("update", "Notice", "更新通知公告", "PATCH")],
    "identity": [("exchange", "Ticket", "通过票据获取令牌", "POST"), ("get", "UserInfo", "获取用户信息", "GET"),
                 ("logout", "Session", "注销登录", "POST"), ("switch", "LegalAccount", "切换法人账号", "POST"),
                 ("verify", "RealName", "实名核验", "POST"), ("refresh", "Token", "刷新令牌", "POST")],
    "seal": [("sign", "Document", "电子签章", "POST"), ("verify", "Signature", "验证签章", "POST"),
             ("query", "Seal", "查询印章信息", "GET"), ("apply", "Timestamp", "申请可信时间戳", "POST"),
             ("revoke", "Seal", "注销印章", "DELETE")],
    "license": [("query", "License", "查询电子证照", "POST"), ("verify", "LicenseData", "核验电子证照数据", "POST"),
                ("verify", "LicenseFile", "核验证照文件", "POST"), ("get", "DownloadAddress", "获取证照下载地址", "POST"),
                ("download", "LicenseFile", "下载证照文件", "GET"), ("list", "Catalog", "查询证照目录", "GET")],
    "operations": [("report", "Status", "上报运行状态", "POST"), ("report", "Incident", "上报故障事件", "POST"),
                   ("query", "Metrics", "查询监控指标", "GET"), ("report", "Availability", "上报可用性", "POST")],
    "security": [("report", "AuditLog", "上报审计日志", "POST"), ("rotate", "Key", "轮换签名密钥", "POST"),
                 ("query", "AllowList", "查询访问白名单", "GET"), ("report", "SecurityEvent", "上报安全事件", "POST")],
}

# A field in a pool: (name, Chinese description, type expression, constraints).
COMMON_FIELDS = [
    ("regionCode", "行政区划代码", "division-code", {}),
    ("applicantName", "申请人姓名", "string", {"maxLength": 50}),
    ("applicantId", "申请人身份证号", "resident-id", {}),
    ("orgCode", "统一社会信用代码", "uscc", {}),
    ("remark", "备注", "string?", {"maxLength": 500}),
    ("pageNo", "页码", "integer", {"minimum": 1, "maximum": 10000}),
    ("pageSize", "每页条数", "integer", {"minimum": 1, "maximum": 100}),
    ("tags", "标签", "list<string>", {"maxItems": 10}),
    ("submittedAt", "提交时间", "datetime", {}),
    ("effectiveDate", "生效日期", "date", {}),
    ("enabled", "是否启用", "boolean", {}),
    ("callbackUrl", "回调地址", "url?", {}),
    ("address", "地址", "Address?", {}),
    ("attachments", "附件", "list<Attachment>?", {"maxItems": 5}),
    ("extra", "扩展信息", "map<string>?", {}),
    ("amount", "金额（分）", "Amount", {}),
]
AREA_FIELDS = {
    "items": [("itemCode", "事项编码", "item-code", {}), ("itemName", "事项名称", "string", {"maxLength": 200}),
              ("catalogType", "目录类型", "CatalogType", {}), ("deptCode", "实施机构代码", "uscc", {}),
              ("itemVersion", "版本号", "integer", {"minimum": 1, "maximum": 999}),
              ("handlingLimitDays", "承诺办结时限", "integer?", {"minimum": 0, "maximum": 365})],
    "portal": [("rating", "评价等级", "RatingLevel", {}), ("content", "内容", "string", {"maxLength": 1000}),
               ("channel", "渠道", "Channel", {}), ("keyword", "关键词", "string", {"maxLength": 100}),
               ("applicationNo", "办件编号", "ApplicationNo", {}), ("holder", "申请人", "Holder", {})],
    "identity": [("ticket", "票据", "string", {"maxLength": 128}),
                 ("accessToken", "访问令牌", "string", {"minLength": 16, "maxLength": 256}),
                 ("subjectType", "用户类型", "SubjectType", {}), ("realNameLevel", "实名等级", "RealNameLevel", {}),
                 ("userId", "用户标识", "string", {"maxLength": 64}), ("idNumber", "证件号码", "resident-id", {})],
    "seal": [("sealCode", "印章编码", "string", {"maxLength": 64}),
             ("documentDigest", "文档摘要", "string", {"maxLength": 128}),
             ("signAlgorithm", "签名算法", "SignAlgorithm", {}), ("signerUscc", "签章单位代码", "uscc", {}),
             ("signedAt", "签章时间", "datetime", {}), ("document", "待签文档", "base64?", {})],
    "license": [("certNo", "证照编号", "CertNo", {}), ("certTypeCode", "证照类型代码", "LicenseTypeCode", {}),
                ("holderName", "持证主体", "string", {"maxLength": 100}), ("holderCode", "持证主体代码", "resident-id", {}),
                ("licenseId", "电子证照标识", "license-id", {}), ("grade", "证照等级", "LicenseGrade", {}),
                ("issuerCode", "发证机构代码", "uscc", {})],
    "operations": [("status", "运行状态", "ServiceStatus", {}),
                   ("latencyMs", "响应时间（毫秒）", "integer", {"minimum": 0, "maximum": 600000}),
                   ("incidentLevel", "事件等级", "IncidentLevel", {}), ("occurredAt", "发生时间", "datetime", {}),
                   ("note", "说明", "string?", {"maxLength": 2000})],
    "security": [("eventType", "事件类型", "SecurityEventType", {}), ("sourceIp", "来源地址", "string", {"maxLength": 64}),
                 ("keyId", "密钥标识", "string", {"maxLength": 64}),
                 ("auditCount", "审计条数", "integer", {"minimum": 0, "maximum": 100000000}),
                 ("auditedAt", "审计时间", "datetime", {})],
}
# Path parameters: area -> candidate request fields (required scalars).
PATH_PARAMS = {"items": ["itemCode"], "portal": ["applicationNo"], "identity": ["userId"],
               "seal": ["sealCode"], "license": ["certNo", "licenseId"], "operations": ["incidentLevel"],
               "security": ["keyId"]}

# Types every file declares (records, enums, constrained scalars); generated ones come after.
SHARED_TYPES = {
    "CatalogType": {"values": ["base", "implementation"]},
    "RatingLevel": {"values": {"very-good": "非常满意", "good": "满意", "fair": "基本满意",
                               "poor": "不满意", "very-poor": "非常不满意"}},
    "Channel": {"values": ["web", "mobile", "app", "mini-program", "counter"]},
    "SubjectType": {"values": {"natural-person": "自然人", "legal-person": "法人"}},
    "RealNameLevel": {"values": ["L1", "L2", "L3", "L4", "L5"]},
    "SignAlgorithm": {"values": ["sm2-sm3", "rsa-sha256"]},
    "LicenseGrade": {"values": {"A": "一级", "B": "二级", "C": "三级", "D": "四级"}},
    "ServiceStatus": {"values": ["up", "degraded", "down"]},
    "IncidentLevel": {"values": ["minor", "major", "critical"]},
    "SecurityEventType": {"values": ["intrusion", "leak", "abuse", "malware"]},
    "CertNo": {"type": "string", "pattern": "^[0-9A-Z]{10,40}$"},
    "ApplicationNo": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{12}$"},
    "LicenseTypeCode": {"type": "string", "pattern": "^[0-9A-Z]{18}[0-9]{3}$"},
    "Amount": {"type": "integer", "minimum": 0, "maximum": 100000000},
    "RequestHead": {"description": "请求头", "fields": {
        "accessId": {"type": "string", "maxLength": 64, "description": "接入标识"},
        "accessToken": {"type": "string", "maxLength": 256, "description": "访问令牌"}}},
    "Holder": {"description": "持证主体", "fields": {
        "name": {"type": "string", "maxLength": 100, "description": "姓名或名称"},
        "code": {"type": "resident-id", "description": "身份证号"},
        "subjectType": "SubjectType"}},
    "Address": {"description": "地址", "fields": {
        "regionCode": "division-code",
        "detail": {"type": "string", "maxLength": 200, "description": "详细地址"},
        "postcode": {"type": "string", "pattern": "^[0-9]{6}$", "required": False}}},
    "Attachment": {"description": "附件", "fields": {
        "fileName": {"type": "string", "maxLength": 200},
        "size": {"type": "integer", "minimum": 0},
        "url": "url",
        "digest": "string?"}},
    "PageInfo": {"description": "分页信息", "fields": {
        "pageNo": {"type": "integer", "minimum": 1},
        "pageSize": {"type": "integer", "minimum": 1, "maximum": 100},
        "total": {"type": "integer", "minimum": 0}}},
    "Holders": {"type": "list<Holder>", "minItems": 1, "maxItems": 20},
}

PHRASES = ["企业开办", "办理营业执照变更", "不动产登记", "社会保障卡申领", "医疗费用报销", "户籍迁移",
           "公积金提取", "道路运输许可", "出入境证件办理", "行政审批", "政务服务", "一网通办",
           "跨省通办", "证照核验", "信息查询", "材料补正", "窗口受理", "网上申报"]
CJK = re.compile(r"[\u4e00-\u9fff]")

# --------------------------------------------------------------------------------------------
# YAML output: block style, small collections in flow style, strings quoted only when needed
# under both YAML 1.2 core and YAML 1.1 (so PyYAML reads the same values).

PLAIN = re.compile(r"^[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff\u3000-\u303f\uff00-\uffef_./\-]*$")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if PLAIN.match(value) and value.lower() not in RESERVED:
        return value
    return json.dumps(value, ensure_ascii=False)


def flow(value):
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def is_collection(value):
    return isinstance(value, (dict, list))


def flow_fits(value, width=90):
    if not value:
        return True
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return False
    return len(flow(value)) <= width


def block(value, indent):
    """Lines of `value` (a dict or list) in block style at `indent` spaces."""
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if not is_collection(item):
                lines.append(f"{pad}{key}: {scalar(item)}")
            elif flow_fits(item):
                lines.append(f"{pad}{key}: {flow(item)}")
            else:
                lines.append(f"{pad}{key}:")
                lines.extend(block(item, indent + 2 if isinstance(item, dict) else indent))
    else:
        for item in value:
            if isinstance(item, dict) and item and not flow_fits(item, 60):
                inner = block(item, indent + 2)
                inner[0] = pad + "- " + inner[0][indent + 2:]
                lines.extend(inner)
            else:
                lines.append(f"{pad}- {flow(item)}")
    return lines


def render(value, indent=0):
    return "\n".join(block(value, indent)) + "\n"


# --------------------------------------------------------------------------------------------
# Values for examples, driven by the same type definitions the file declares


def parse_texpr(texpr):
    optional = texpr.endswith("?")
    base = texpr[:-1] if optional else texpr
    return base, optional


def cn_text(rng, max_len, min_len=1):
    text = ""
    while len(text) < max(min_len, 2):
        text += rng.choice(PHRASES)
    return text[:max(min_len, min(max_len, rng.randint(4, 24)))] if max_len else text


class ValueMaker:
    def __init__(self, rng, types, platform):
        self.rng = rng
        self.types = types
        self.platform = platform

    def field(self, name, spec):
        texpr, cons = field_type(spec)
        return self.value(texpr, cons, name)

    def value(self, texpr, cons=None, name=""):
        rng = self.rng
        cons = cons or {}
        base, _ = parse_texpr(texpr)
        if base.startswith("list<"):
            lo = cons.get("minItems", 1)
            hi = min(cons.get("maxItems", 3), lo + 2)
            return [self.value(base[5:-1]) for _ in range(rng.randint(max(lo, 1), max(hi, lo, 1)))]
        if base.startswith("map<"):
            return {f"key{i}": self.value(base[4:-1]) for i in range(1, rng.randint(1, 3) + 1)}
        if base == "string":
            if "pattern" in cons:
                return pattern_value(rng, cons["pattern"])
            if name in ("accessToken", "ticket", "documentDigest", "keyId", "accessId"):
                hi = cons.get("maxLength", 64)
                return "".join(rng.choice("0123456789abcdef") for _ in range(min(hi, 32)))
            if name == "sourceIp":
                return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            return cn_text(rng, cons.get("maxLength", 40), cons.get("minLength", 1))
        if base == "integer":
            lo = cons.get("minimum", 0)
            hi = cons.get("maximum", lo + 100000)
            return rng.randint(lo, hi)
        if base == "boolean":
            return rng.random() < 0.5
        if base == "date":
            return f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if base == "datetime":
            return (f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                    f"T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}+08:00")
        if base == "url":
            return f"https://{self.platform}.gov.cn/files/{rng.randint(1, 99999)}"
        if base == "base64":
            return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                           for _ in range(24))
        if base == "uscc":
            return make_uscc(rng, rng.choice("159"), rng.choice("123"), rng.choice(COUNTY_CODES))
        if base == "resident-id":
            return make_resident_id(rng)
        if base == "division-code":
            return rng.choice(COUNTY_CODES + PROVINCE_CODES + LONG_DIVISION_CODES)
        if base == "license-id":
            type_code = make_uscc(rng) + f"{rng.randint(1, 999):03d}"
            issuer = make_uscc(rng, "1", "1", rng.choice(COUNTY_CODES))
            number = f"{rng.randint(2015, 2025)}{rng.randint(0, 99999999):08d}"
            return make_license_id(type_code, issuer, number, f"{rng.randint(1, 9):03d}")
        if base == "item-code":
            code = "".join(rng.choice("0123456789") for _ in range(12))
            return code + ("".join(rng.choice("0123456789ABCDEFGH") for _ in range(rng.randint(0, 8)))
                           if rng.random() < 0.5 else "")
        definition = self.types[base]
        if "values" in definition:
            return rng.choice(list(definition["values"]))
        if "fields" in definition:
            return self.record(base)
        merged = {k: v for k, v in definition.items() if k != "type"}
        return self.value(definition["type"], merged, name)

    def record(self, type_name, include_optional=None):
        out = {}
        for fname, spec in self.types[type_name]["fields"].items():
            if not field_required(spec):
                keep = include_optional if include_optional is not None else self.rng.random() < 0.5
                if not keep:
                    continue
            out[fname] = self.field(fname, spec)
        return out


def pattern_value(rng, pattern):
    if pattern == "^[0-9A-Z]{10,40}$":
        return "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(rng.randint(12, 24)))
    if pattern == "^[A-Z]{2}[0-9]{12}$":
        return rng.choice(["SD", "BJ", "GD", "ZJ"]) + "".join(rng.choice("0123456789") for _ in range(12))
    if pattern == "^[0-9A-Z]{18}[0-9]{3}$":
        return make_uscc(rng) + f"{rng.randint(1, 999):03d}"
    if pattern == "^[0-9]{6}$":
        return f"{rng.randint(100000, 999999)}"
    raise ValueError(f"no value maker for pattern {pattern}")


def field_type(spec):
    if isinstance(spec, str):
        return spec, {}
    return spec["type"], {k: v for k, v in spec.items() if k in CONSTRAINTS}


def field_required(spec):
    texpr, _ = field_type(spec)
    if isinstance(spec, dict) and "required" in spec:
        return spec["required"]
    return not texpr.endswith("?")


CONSTRAINTS = ("minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems")

# --------------------------------------------------------------------------------------------
# One contract


class Contract:
    def __init__(self, seed, platform_id, level, name, name_en, operator, target_bytes, operations=None):
        self.operations = operations
        self.rng = random.Random(f"{seed}:{platform_id}")
        self.id = platform_id
        self.level = level
        self.name = name
        self.name_en = name_en
        self.operator = operator
        self.target = target_bytes
        self.uscc = make_uscc(self.rng)
        self.types = json.loads(json.dumps(SHARED_TYPES))  # deep copy, order kept
        self.errors = {}
        self.areas = list(AREAS)  # the areas this contract declares, in file order
        self.ops = {area: [] for area in AREAS}
        self.values = ValueMaker(self.rng, self.types, platform_id)
        self.env_key = platform_id.upper().replace("-", "_") + "_APP_SECRET"
        self._add_common_errors()

    # -- errors

    def _add_error(self, name, http, message, message_en):
        self.errors[name] = {"code": 10001 + len(self.errors), "http": http,
                             "message": message, "messageEn": message_en}

    def _add_common_errors(self):
        for name, http, message, message_en in [
                ("INVALID_REQUEST", 400, "请求参数无效", "Invalid request"),
                ("INVALID_TOKEN", 401, "令牌无效", "Invalid token"),
                ("EXPIRED_TOKEN", 401, "令牌已过期", "Token expired"),
                ("INVALID_SIGNATURE", 401, "签名无效", "Invalid signature"),
                ("FORBIDDEN", 403, "无权访问", "Forbidden"),
                ("NOT_FOUND", 404, "资源不存在", "Not found"),
                ("CONFLICT", 409, "资源冲突", "Conflict"),
                ("RATE_LIMITED", 429, "请求过于频繁", "Too many requests"),
                ("INTERNAL_ERROR", 500, "系统内部错误", "Internal error"),
                ("UPSTREAM_UNAVAILABLE", 503, "上游服务不可用", "Upstream unavailable")]:
            self._add_error(name, http, message, message_en)

    # -- fixed sections

    def head(self):
        doc = {"accessSpec": 1, "platform": {
            "id": self.id, "name": self.name, "nameEn": self.name_en, "level": self.level,
            "region": "100000", "operator": {"name": self.operator, "uscc": self.uscc},
            "environments": {"production": f"https://{self.id}.zwfw.gov.cn/api",
                             "test": f"https://test.{self.id}.zwfw.gov.cn/api"},
            "network": "egov-extranet",
            "description": f"{self.name}接入契约（基准测试合成数据）"}}
        if self.level != "national":
            doc["connections"] = [{"to": "national", "areas": dict(DIRECTIONS),
                                   "description": "接入国家政务服务平台"}]
        return render(doc)

    def area_settings(self, area):
        rng = self.rng
        if area == "items":
            settings = {"catalogs": ["base", "implementation"]}
            if self.level != "national":
                settings["sync"] = {"mode": "push", "frequency": rng.choice(["realtime", "hourly", "daily"])}
            return settings
        if area == "portal":
            return {"channels": {"web": f"https://{self.id}.zwfw.gov.cn",
                                 "mobile": f"https://m.{self.id}.zwfw.gov.cn"},
                    "sso": True, "features": ["rating", "complaint", "search", "unified-service"]}
        if area == "identity":
            return {"protocol": "ticket", "subjects": ["natural-person", "legal-person"],
                    "levels": ["L2", "L3", "L4"], "loginUrl": f"https://login.{self.id}.zwfw.gov.cn/login",
                    "tokenTtlSeconds": 7200}
        if area == "seal":
            return {"algorithm": "sm2-sm3", "format": "gb-t-38540", "timestamp": True}
        if area == "license":
            catalog = []
            for i in range(1, 25):
                catalog.append({"code": f"{self.uscc}{i:03d}",
                                "name": LICENSE_NAMES[(i - 1) % len(LICENSE_NAMES)] + ("" if i <= len(LICENSE_NAMES) else "（副本）"),
                                "grade": "ABCD"[i % 4]})
            return {"catalog": catalog, "useCause": {"field": "useCause", "maxLength": 200}}
        if area == "operations":
            return {"availability": "99.9%", "p95LatencyMs": 800, "health": "/health",
                    "monitoring": {"reportIntervalMinutes": 5}, "incidentReportMinutes": 30}
        if area == "security":
            return {"transport": {"minTls": "1.2", "gm": True}, "algorithms": ["sm2", "sm3", "sm4"],
                    "signing": {"algorithm": "hmac-sm3", "header": "X-Signature",
                                "key": "${env:" + self.env_key + "}"},
                    "auth": {"accessIdHeader": "X-Access-Id", "tokenHeader": "X-Access-Token"},
                    "ipAllowList": ["10.1.0.0/16", "172.16.8.0/24"],
                    "protectionLevel": 3, "auditRetentionDays": 180}
        raise KeyError(area)

    # -- generated operations

    def add_health(self):
        self.types["HealthRequest"] = {"description": "健康检查请求", "fields": {"probe": "string?"}}
        self.types["HealthResponse"] = {"description": "健康检查结果", "fields": {
            "status": "ServiceStatus", "checkedAt": "datetime"}}
        op = {"id": "health", "summary": "健康检查", "summaryEn": "Health check", "method": "GET",
              "path": "/health", "request": "HealthRequest", "response": "HealthResponse",
              "errors": ["UPSTREAM_UNAVAILABLE"],
              "examples": [{"name": "服务正常", "request": {}, "response": {
                  "status": "up", "checkedAt": "2024-05-01T08:00:00+08:00"}}]}
        text = render([op], 4)
        self.ops["operations"].append(text)
        return len(text.encode()) + 200

    def _pick_fields(self, pool, count, must=()):
        chosen = list(must)
        for entry in self.rng.sample(pool, min(count, len(pool))):
            if entry[0] not in [c[0] for c in chosen]:
                chosen.append(entry)
        fields = {}
        for name, description, texpr, cons in chosen:
            if not cons and self.rng.random() < 0.5 and description:
                fields[name] = texpr  # short form
            else:
                spec = {"type": texpr}
                spec.update(cons)
                spec["description"] = description
                fields[name] = spec
        return fields

    def add_unit(self, n, area):
        """One operation with its own request and response types; returns the bytes added."""
        rng = self.rng
        verb, noun, summary, method = rng.choice(ACTIONS[area])
        op_id = f"{verb}{noun}{n}"
        stem = verb[0].upper() + verb[1:] + noun
        req_name, resp_name = f"{stem}Request{n}", f"{stem}Response{n}"
        pool = AREA_FIELDS[area] + COMMON_FIELDS
        if method in ("GET", "DELETE"):  # a query string carries no list of records and no map (S018)
            pool = [e for e in pool if not e[2].startswith(("list<Attachment>", "map<"))]
        param = rng.choice(PATH_PARAMS[area]) if rng.random() < 0.6 else None
        must = [("head", "请求头", "RequestHead", {})] if area in ("license", "identity") else []
        if param:
            must += [e for e in AREA_FIELDS[area] if e[0] == param]
        req_fields = self._pick_fields(pool, rng.randint(3, 9), must)
        if param:  # a path parameter is a required scalar field written out in full
            spec = req_fields[param]
            if isinstance(spec, str):
                req_fields[param] = {"type": spec, "description": "路径参数"}
        if area == "license":
            req_fields["useCause"] = {"type": "string", "maxLength": 200, "description": "用证事由"}
        resp_fields = self._pick_fields(pool, rng.randint(4, 10))
        if rng.random() < 0.3:
            resp_fields["page"] = "PageInfo"
        if rng.random() < 0.25:
            resp_fields["holders"] = {"type": "Holders", "required": False}
        resp_fields["resultCode"] = {"type": "integer", "minimum": 0, "maximum": 99999}
        new_types = {
            req_name: {"description": f"{summary}请求", "fields": req_fields},
            resp_name: {"description": f"{summary}结果", "fields": resp_fields},
        }
        if rng.random() < 0.15:
            enum_name = f"{stem}Kind{n}"
            new_types[enum_name] = {"values": {f"kind-{i}": f"类别{i}" for i in range(1, rng.randint(3, 7))}}
            resp_fields["kind"] = enum_name
        self.types.update(new_types)

        if rng.random() < 0.4:
            err = f"{noun.upper()}_REJECTED_{n}"
            self._add_error(err, rng.choice([400, 403, 409, 422]), f"{summary}被拒绝", f"{noun} rejected")
        errors = rng.sample(list(self.errors), rng.randint(1, 4))

        resource = re.sub(r"(?<!^)(?=[A-Z])", "-", noun).lower()
        path = f"/{area}/v1/{resource}-{n}"
        if param:
            path += "/{" + param + "}"
        if method == "POST" and rng.random() < 0.5:
            path += "/" + verb
        op = {"id": op_id, "summary": f"{summary}（{n}）", "summaryEn": f"{stem} {n}",
              "method": method, "path": path, "request": req_name, "response": resp_name,
              "errors": errors}
        if method == "POST" and rng.random() < 0.3:
            op["idempotent"] = True
        if rng.random() < 0.5:
            op["rateLimit"] = {"requests": rng.choice([10, 50, 100, 500]),
                               "per": rng.choice(["second", "minute", "hour", "day"])}
        if rng.random() < 0.05:
            op["deprecated"] = True
        op["examples"] = [{"name": f"示例{k}",
                           "request": self.values.record(req_name, include_optional=(k == 1)),
                           "response": self.values.record(resp_name, include_optional=(k == 1))}
                          for k in range(1, rng.randint(1, 2) + 1)]
        op_text = render([op], 4)
        self.ops[area].append(op_text)
        types_text = render(new_types, 2)
        return len(op_text.encode()) + len(types_text.encode()) + 80  # + its error, roughly

    # -- what a file writes; national.py's contracts import the shared types and errors

    def own_types(self):
        return self.types

    def own_errors(self):
        return self.errors

    def unit_areas(self):
        """The areas operations are added to, cycled in this order."""
        return [a for a in self.areas for _ in range(AREA_WEIGHTS.get(a, 0))]

    def build(self):
        head = self.head()
        settings = {area: self.area_settings(area) for area in self.areas}
        fixed = len(head.encode()) + len(render(settings).encode()) + len(render(self.own_types(), 2).encode())
        fixed += len(render(self.own_errors(), 2).encode()) + self.add_health()
        size, n = fixed, 0
        areas = self.unit_areas()
        while (n + 1 < self.operations) if self.operations else (size < self.target):
            n += 1
            size += self.add_unit(n, areas[(n - 1) % len(areas)])
        parts = [head]
        for area in self.areas:
            parts.append(f"{area}:\n")
            parts.append(render(settings[area], 2))
            if self.ops.get(area):
                parts.append("  operations:\n")
                parts.extend(self.ops[area])
        for section, entries in (("types", self.own_types()), ("errors", self.own_errors())):
            if entries:
                parts.append(f"{section}:\n")
                parts.append(render(entries, 2))
        self.operation_count = n + 1
        return "".join(parts)


# --------------------------------------------------------------------------------------------
# Workspace


def plan(megabytes):
    total = int(megabytes * MIB)
    files = max(2, round(megabytes / 0.75))
    return files, total // files


def synthesize(megabytes, out, seed, operations=None):
    # With `operations`, one department of exactly that many operations beside the hub.
    files, per_file = (2, 64 * 1024) if operations else plan(megabytes)
    os.makedirs(out, exist_ok=True)
    for old in glob.glob(os.path.join(out, "dept-*.yaml")) + glob.glob(os.path.join(out, "national.yaml")):
        os.remove(old)
    contracts = [Contract(seed, "national", "national", "国家政务服务平台",
                          "National Government Service Platform", "国务院办公厅", per_file)]
    for i in range(1, files):
        zh, en = MINISTRIES[(i - 1) % len(MINISTRIES)]
        round_no = (i - 1) // len(MINISTRIES)
        suffix_zh = f"（{round_no + 1}号）" if round_no else ""
        suffix_en = f" #{round_no + 1}" if round_no else ""
        contracts.append(Contract(seed, f"dept-{i:04d}", "departmental", f"{zh}政务服务平台{suffix_zh}",
                                  f"{en} Service Platform{suffix_en}", zh, per_file, operations))
    total_bytes = total_ops = 0
    for contract in contracts:
        text = contract.build()
        name = "national.yaml" if contract.level == "national" else f"{contract.id}.yaml"
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total_bytes += len(text.encode())
        total_ops += contract.operation_count
    print(f"synthesized {out}: {len(contracts)} files, {total_bytes} bytes "
          f"({total_bytes / MIB:.2f} MiB), {total_ops} operations", file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Independent verification of a workspace (PyYAML)

TOP_KEYS = {"accessSpec", "platform", "connections", "imports", "types", "errors", *AREAS, "thirdParty"}
SHARED_KEYS = {"accessSpec", "types", "errors"}
PLATFORM_KEYS = {"id", "name", "nameEn", "level", "region", "operator", "environments", "network", "description"}
OP_KEYS = {"id", "summary", "summaryEn", "method", "path", "request", "response", "errors", "idempotent",
           "rateLimit", "deprecated", "examples"}
FIELD_KEYS = {"type", "required", "description", *CONSTRAINTS}
AREA_KEYS = {
    "items": {"catalogs", "sync"}, "portal": {"channels", "sso", "features"},
    "identity": {"protocol", "subjects", "levels", "loginUrl", "tokenTtlSeconds"},
    "seal": {"algorithm", "format", "timestamp"}, "license": {"catalog", "useCause"},
    "operations": {"availability", "p95LatencyMs", "health", "monitoring", "incidentReportMinutes"},
    "security": {"transport", "algorithms", "signing", "auth", "ipAllowList", "protectionLevel",
                 "auditRetentionDays"}}
ID = re.compile(r"^[a-z][a-zA-Z0-9-]*$")
TYPE_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
ERROR_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
BUILTINS = {"string", "integer", "number", "boolean", "date", "datetime", "url", "email", "phone", "base64",
            "uscc", "resident-id", "division-code", "license-id", "item-code"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ITEM_CODE = re.compile(r"^[0-9]{12}([0-9A-Z]{0,30})?$")
PARAM = re.compile(r"\{([^}]*)\}")


class Verifier:
    def __init__(self):
        self.problems = []
        self.counts = {"files": 0, "operations": 0, "types": 0, "errors": 0, "examples": 0,
                       "uscc": 0, "resident-id": 0, "license-id": 0, "division-code": 0}

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def keys(self, where, mapping, allowed):
        if not isinstance(mapping, dict):
            self.fail(where, "expected a mapping")
            return
        for key in mapping:
            if key not in allowed:
                self.fail(where, f"unknown key {key!r}")

    def https(self, where, url):
        if not (isinstance(url, str) and url.startswith("https://")):
            self.fail(where, f"expected an https URL, got {url!r}")

    def verify(self, folder):
        import yaml
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        docs = {}
        for path in sorted(glob.glob(os.path.join(folder, "**", "*.y*ml"), recursive=True)):
            name = os.path.relpath(path, folder)
            if name == "accessspec.yaml":
                continue  # the workspace config, not a contract
            with open(path, encoding="utf-8") as f:
                docs[name] = yaml.load(f, Loader=loader)
            self.counts["files"] += 1
        platforms = {}
        self.shared = {}
        for name, doc in docs.items():
            if "platform" not in doc:  # a shared file of types and errors
                self.keys(name, doc, SHARED_KEYS)
                self.shared[name] = doc
                self.type_defs(name, doc.get("types", {}))
                self.error_catalogue(name, doc.get("errors", {}))
                continue
            self.keys(name, doc, TOP_KEYS)
            pid = doc["platform"].get("id")
            if pid in platforms:
                self.fail(name, f"platform id {pid!r} declared twice")
            platforms[pid] = doc
        for name, doc in docs.items():
            if "platform" in doc:
                self.contract(name, doc, platforms)
        return self.problems

    def visible(self, where, doc, section):
        """A contract's own `section` (types or errors) merged with its imports' (one level)."""
        merged = {}
        for path in doc.get("imports", []):
            shared = self.shared.get(os.path.normpath(os.path.join(os.path.dirname(where), path)))
            if shared is None:
                self.fail(where, f"import {path!r} names no shared file")
                continue
            merged.update(shared.get(section, {}))
        for name in doc.get(section, {}):
            if name in merged:
                self.fail(where, f"{section[:-1]} {name} declared here and in an import")
        merged.update(doc.get(section, {}))
        return merged

    def contract(self, where, doc, platforms):
        if doc.get("accessSpec") != 1:
            self.fail(where, "accessSpec must be 1")
        p = doc["platform"]
        self.keys(f"{where}: platform", p, PLATFORM_KEYS)
        if not ID.match(p["id"]):
            self.fail(where, f"bad platform id {p['id']!r}")
        if not CJK.search(p["name"]) or not p["nameEn"].isascii():
            self.fail(where, "name must be Chinese and nameEn English")
        if p["level"] in ("national", "departmental") and p["region"] != "100000":
            self.fail(where, "national and departmental platforms have region 100000")
        self.keys(f"{where}: operator", p["operator"], {"name", "uscc"})
        self.domain(f"{where}: operator.uscc", "uscc", p["operator"]["uscc"])
        for env, url in p["environments"].items():
            if env == "production":
                self.https(f"{where}: environments.production", url)
        types = self.visible(where, doc, "types")
        errors = self.visible(where, doc, "errors")
        self.counts["types"] += len(doc.get("types", {}))
        self.counts["errors"] += len(doc.get("errors", {}))
        self.type_defs(where, doc.get("types", {}), types)
        self.error_catalogue(where, errors)
        conns = doc.get("connections", [])
        if p["level"] in ("provincial", "departmental") and not any(c["to"] == "national" for c in conns):
            self.fail(where, "provincial and departmental platforms connect to national")
        if p["level"] == "national" and conns:
            self.fail(where, "the hub connects to no one")
        for c in conns:
            self.keys(f"{where}: connection", c, {"to", "areas", "description"})
            target = platforms.get(c["to"])
            if target is None:
                self.fail(where, f"connection to unknown platform {c['to']!r}")
                continue
            for area, direction in c["areas"].items():
                if area not in doc or area not in target:
                    self.fail(where, f"area {area} not declared at both ends of the connection")
                allowed = {"items": {"up", "both"}, "license": {"up", "both"}, "operations": {"up"},
                           "security": {"up"}}.get(area, {"up", "down", "both"})
                if direction not in allowed:
                    self.fail(where, f"area {area} direction {direction}")
            if c["areas"].get("items") in ("up", "both"):
                sync = doc.get("items", {}).get("sync")
                if not (isinstance(sync, dict) and sync.get("mode") in ("push", "pull")
                        and sync.get("frequency") in ("realtime", "hourly", "daily", "weekly")):
                    self.fail(where, "items connected upward needs sync {mode, frequency}")
        self.topology(where, p, conns, platforms)
        if "thirdParty" in doc:
            self.third_party(where, doc["thirdParty"], conns, platforms)
        seen_ids, seen_routes = set(), set()
        for area in AREAS:
            if area not in doc:
                continue
            section = doc[area]
            self.keys(f"{where}: {area}", section, AREA_KEYS[area] | {"operations"})
            self.area_rules(where, area, section, doc)
            for op in section.get("operations", []):
                self.operation(f"{where}: {area}.{op.get('id')}", area, op, types, errors, seen_ids, seen_routes)

    def topology(self, where, p, conns, platforms):
        """The region code fits the level, and a city or county connects to its own parent."""
        region, level = p["region"], p["level"]
        shapes = {"provincial": region[2:] == "0000", "municipal": region[2:4] != "00" and region[4:] == "00",
                  "county": region[4:] != "00"}
        if not shapes.get(level, True):
            self.fail(where, f"region {region} does not fit level {level}")
        parents = [platforms[c["to"]]["platform"] for c in conns if c["to"] in platforms]
        if level == "municipal" and not any(t["level"] == "provincial" and t["region"][:2] == region[:2]
                                            for t in parents):
            self.fail(where, "a municipal platform connects to its province")
        if level == "county" and not any((t["level"] == "municipal" and t["region"][:4] == region[:4])
                                         or (t["level"] == "provincial" and t["region"][:2] == region[:2])
                                         for t in parents):
            self.fail(where, "a county platform connects to its city or province")
        if level == "third-party" and not any(t["level"] != "third-party" for t in parents):
            self.fail(where, "a third party connects through a government platform")

    def third_party(self, where, tp, conns, platforms):
        self.keys(f"{where}: thirdParty", tp, {"via", "purpose", "dataScope", "authorization", "uses", "operations"})
        targets = {c["to"] for c in conns}
        if tp.get("via") not in targets:
            self.fail(where, f"thirdParty.via {tp.get('via')!r} is not a platform it connects to")
        for use in tp.get("uses", []):
            pid, _, rest = use.partition(".")
            area, _, op_id = rest.partition(".")
            ops = platforms.get(pid, {}).get(area, {}).get("operations", []) if pid in targets else []
            if not any(op.get("id") == op_id for op in ops):
                self.fail(where, f"thirdParty.uses {use!r} names no operation of a platform it connects to")

    def area_rules(self, where, area, s, doc):
        w = f"{where}: {area}"
        if area == "portal":
            for url in s["channels"].values():
                self.https(w, url)
            if s.get("sso") and "identity" not in doc:
                self.fail(w, "sso needs an identity area")
        elif area == "identity":
            if set(s["subjects"]) != {"natural-person", "legal-person"} or not s.get("levels"):
                self.fail(w, "subjects/levels")
            self.https(w, s.get("loginUrl"))
            if not s.get("tokenTtlSeconds", 0) <= 7200:
                self.fail(w, "tokenTtlSeconds > 7200")
        elif area == "seal":
            if (s.get("algorithm"), s.get("timestamp"), s.get("format")) != ("sm2-sm3", True, "gb-t-38540"):
                self.fail(w, "seal settings")
        elif area == "license":
            for entry in s.get("catalog", []):
                self.keys(w, entry, {"code", "name", "grade"})
                if not is_valid_license_type_code(entry["code"]):
                    self.fail(w, f"bad licence type code {entry['code']!r}")
        elif area == "operations":
            if not (s.get("health") and s.get("availability") == "99.9%" and "p95LatencyMs" in s
                    and "incidentReportMinutes" in s):
                self.fail(w, "operations settings")
        elif area == "security":
            t, sig = s.get("transport", {}), s.get("signing", {})
            if t.get("minTls") != "1.2" or t.get("gm") is not True:
                self.fail(w, "transport")
            if sig.get("algorithm") != "hmac-sm3" or not re.fullmatch(r"\$\{env:[A-Z_][A-Z0-9_]*\}", sig.get("key", "")):
                self.fail(w, "signing")
            if s.get("protectionLevel") != 3 or s.get("auditRetentionDays") != 180:
                self.fail(w, "protection level / audit retention")

    def type_defs(self, where, defined, types=None):
        types = defined if types is None else types  # the names the definitions may use
        for name, d in defined.items():
            w = f"{where}: type {name}"
            if not TYPE_NAME.match(name):
                self.fail(w, "bad type name")
            if "fields" in d:
                self.keys(w, d, {"description", "fields"})
                for fname, spec in d["fields"].items():
                    if not ID.match(fname):
                        self.fail(w, f"bad field name {fname!r}")
                    if isinstance(spec, dict):
                        self.keys(f"{w}.{fname}", spec, FIELD_KEYS)
                    self.texpr(f"{w}.{fname}", field_type(spec)[0], types)
            elif "values" in d:
                self.keys(w, d, {"values"})
            else:
                self.keys(w, d, {"type", *CONSTRAINTS})
                self.texpr(w, d["type"], types)

    def texpr(self, where, texpr, types):
        base, _ = parse_texpr(texpr)
        while base.startswith(("list<", "map<")):
            base = base[base.index("<") + 1:-1]
        if base not in BUILTINS and base not in types:
            self.fail(where, f"unknown type {base!r}")

    def error_catalogue(self, where, errors):
        codes = set()
        for name, e in errors.items():
            self.keys(f"{where}: error {name}", e, {"code", "http", "message", "messageEn", "condition"})
            if not ERROR_NAME.match(name) or not 400 <= e["http"] <= 599 or not CJK.search(e["message"]):
                self.fail(where, f"bad error {name}")
            if e["code"] in codes:
                self.fail(where, f"error code {e['code']} used twice")
            codes.add(e["code"])

    def operation(self, w, area, op, types, errors, seen_ids, seen_routes):
        self.counts["operations"] += 1
        self.keys(w, op, OP_KEYS)
        if not ID.match(op["id"]) or op["id"] in seen_ids:
            self.fail(w, "operation id bad or repeated")
        seen_ids.add(op["id"])
        route = (op["method"], PARAM.sub("{}", op["path"]))
        if route in seen_routes:
            self.fail(w, f"method and path repeated: {route}")
        seen_routes.add(route)
        if op["method"] not in ("GET", "POST", "PUT", "PATCH", "DELETE") or not CJK.search(op["summary"]):
            self.fail(w, "method or summary")
        request = types.get(op.get("request")) if "request" in op else None
        for ref in ("request", "response"):
            if ref in op and "fields" not in types.get(op[ref], {}):
                self.fail(w, f"{ref} {op[ref]!r} is not a record")
        for param in PARAM.findall(op["path"]):
            if not request or param not in request["fields"] or not field_required(request["fields"][param]):
                self.fail(w, f"path parameter {param!r} is not a required request field")
        for e in op.get("errors", []):
            if e not in errors:
                self.fail(w, f"unknown error {e}")
        if area == "license" and request:
            flat = [field_type(s)[0].rstrip("?") for s in request["fields"].values()]
            if any(t in ("uscc", "resident-id", "license-id") for t in flat):
                cause = request["fields"].get("useCause")
                if not (isinstance(cause, dict) and cause.get("type") == "string" and cause.get("maxLength") == 200):
                    self.fail(w, "licence operation needs useCause {type: string, maxLength: 200}")
        for ex in op.get("examples", []):
            self.counts["examples"] += 1
            self.keys(w, ex, {"name", "request", "response"})
            for ref in ("request", "response"):
                if ref in ex:
                    self.value(f"{w} example {ex.get('name')} {ref}", op[ref], {}, ex[ref], types)

    def value(self, w, texpr, cons, v, types):
        base, optional = parse_texpr(texpr)
        if v is None:
            if not optional:
                self.fail(w, "null for a non-optional type")
            return
        if base.startswith("list<"):
            if not isinstance(v, list):
                return self.fail(w, "expected a list")
            if len(v) < cons.get("minItems", 0) or len(v) > cons.get("maxItems", 1 << 30):
                self.fail(w, "list length out of bounds")
            for i, item in enumerate(v):
                self.value(f"{w}[{i}]", base[5:-1], {}, item, types)
            return
        if base.startswith("map<"):
            if not isinstance(v, dict):
                return self.fail(w, "expected a map")
            for k, item in v.items():
                self.value(f"{w}.{k}", base[4:-1], {}, item, types)
            return
        if base in ("uscc", "resident-id", "license-id", "division-code", "item-code"):
            return self.domain(w, base, v)
        if base in ("string", "url", "date", "datetime", "base64", "email", "phone"):
            if not isinstance(v, str):
                return self.fail(w, f"expected a string, got {v!r}")
            if not cons.get("minLength", 0) <= len(v) <= cons.get("maxLength", 1 << 30):
                self.fail(w, f"length of {v!r} out of bounds")
            if "pattern" in cons and not re.search(cons["pattern"], v):
                self.fail(w, f"{v!r} does not match {cons['pattern']}")
            checks = {"url": r"^https?://\S+$", "date": DATE.pattern, "datetime": DATETIME.pattern,
                      "base64": r"^[A-Za-z0-9+/]*={0,2}$"}
            if base in checks and not re.match(checks[base], v):
                self.fail(w, f"{v!r} is not a {base}")
            return
        if base == "integer":
            if not isinstance(v, int) or isinstance(v, bool):
                return self.fail(w, f"expected an integer, got {v!r}")
            if not cons.get("minimum", -(1 << 62)) <= v <= cons.get("maximum", 1 << 62):
                self.fail(w, f"{v} out of bounds")
            return
        if base == "boolean":
            if not isinstance(v, bool):
                self.fail(w, f"expected a boolean, got {v!r}")
            return
        d = types.get(base)
        if d is None:
            return self.fail(w, f"unknown type {base}")
        if "values" in d:
            if v not in list(d["values"]):
                self.fail(w, f"{v!r} is not a value of {base}")
        elif "fields" in d:
            if not isinstance(v, dict):
                return self.fail(w, "expected a record")
            for k in v:
                if k not in d["fields"]:
                    self.fail(w, f"unknown field {k!r} of {base}")
            for fname, spec in d["fields"].items():
                ftexpr, fcons = field_type(spec)
                if fname in v:
                    self.value(f"{w}.{fname}", ftexpr, fcons, v[fname], types)
                elif field_required(spec):
                    self.fail(w, f"missing required field {fname!r} of {base}")
        else:
            merged = {k: x for k, x in d.items() if k in CONSTRAINTS}
            merged.update(cons)
            self.value(w, d["type"], merged, v, types)

    def domain(self, w, kind, v):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        ok = {"uscc": is_valid_uscc, "resident-id": is_valid_resident_id, "license-id": is_valid_license_id,
              "division-code": lambda s: (isinstance(s, str) and re.fullmatch(r"\d{6}|\d{12}", s) is not None
                                          and 10 <= int(s[:2]) <= 82),
              "item-code": lambda s: isinstance(s, str) and ITEM_CODE.match(s) is not None}[kind](v)
        if not ok:
            self.fail(w, f"invalid {kind} {v!r}")


def verify(folder):
    verifier = Verifier()
    problems = verifier.verify(folder)
    for problem in problems[:50]:
        print(problem, file=sys.stderr)
    summary = ", ".join(f"{k} {v}" for k, v in verifier.counts.items())
    print(f"verified {folder}: {summary}; {len(problems)} problems", file=sys.stderr)
    return not problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, help="approximate workspace size in MiB")
    parser.add_argument("--out", help="output folder")
    parser.add_argument("--operations", type=int, help="instead of a size: one department with this many operations")
    parser.add_argument("--seed", default="accessspec-bench-1", help="PRNG seed (default: %(default)s)")
    parser.add_argument("--verify", metavar="DIR", help="only verify an existing workspace")
    parser.add_argument("--no-verify", action="store_true", help="skip verification after writing")
    args = parser.parse_args()
    self_test()
    if args.verify:
        return 0 if verify(args.verify) else 1
    if (args.megabytes is None and args.operations is None) or not args.out:
        parser.error("--megabytes (or --operations) and --out are required (or --verify DIR)")
    synthesize(args.megabytes or 0, args.out, args.seed, args.operations)
    if not args.no_verify:
        try:
            import yaml  # noqa: F401
        except ImportError:
            print("PyYAML not installed; skipping verification", file=sys.stderr)
            return 0
        return 0 if verify(args.out) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
