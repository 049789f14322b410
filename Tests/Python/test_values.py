"""pytest: value semantics (docs/values.md) — formats, the pattern dialect, jsonschema verdicts."""
from __future__ import annotations

import ipaddress
import json
import os
import re
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings, strategies as st

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import values as V  # noqa: E402
import jsonschema_verdicts as J  # noqa: E402

# --------------------------------------------------------------------------- DOMAIN.md vectors

DOMAIN = {
    "uscc": (["91110000600037341L", "91350100M000100Y43", "11100000000013338W"],
             ["11370000MB28449441"]),
    "resident-id": (["11010519491231002X", "440524188001010014"], ["110105194912310021"]),
    "license-id": (
        ["1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S",
         "1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3"],
        []),
    "division-code": (["511602000000"], []),
}


@pytest.mark.parametrize("fmt,value,ok", [(f, v, True) for f, (good, _) in DOMAIN.items()
                                          for v in good]
                         + [(f, v, False) for f, (_, bad) in DOMAIN.items() for v in bad])
def test_domain_vectors(fmt, value, ok):
    assert V.FORMATS[fmt](value) is ok


# --------------------------------------------------------------------------- formats

@pytest.mark.parametrize("v,ok", [
    ("2024-02-29", True), ("2000-02-29", True), ("1900-02-29", False), ("2023-02-29", False),
    ("2023-02-28", True), ("2100-02-29", False), ("2400-02-29", True), ("0000-01-01", True),
    ("9999-12-31", True), ("2024-04-31", False), ("2024-13-01", False), ("2024-00-10", False),
    ("2024-01-00", False), ("2024-1-01", False), ("20240101", False), ("2024-01-01\n", False),
    (" 2024-01-01", False), ("２０２４-01-01", False), ("2024-01-0١", False),
    ("0000-02-29", True),  # year 0 is divisible by 400
])
def test_date(v, ok):
    assert V.is_date(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("2024-02-29T23:59:59Z", True), ("2024-02-29t23:59:59z", True),
    ("2024-01-01T00:00:00.1+08:00", True), ("2024-01-01T00:00:00.123456789-23:59", True),
    ("2024-01-01T24:00:00Z", False), ("2024-01-01T23:60:00Z", False),
    ("2024-01-01T23:59:60Z", False), ("2024-01-01 10:00:00Z", False),
    ("2024-01-01T10:00:00", False), ("2024-01-01T10:00:00.Z", False),
    ("2024-01-01T10:00:00+24:00", False), ("2024-01-01T10:00:00+08:60", False),
    ("2024-01-01T10:00:00+0800", False), ("2023-02-29T10:00:00Z", False),
    ("2024-01-01T10:00Z", False), ("2024-01-01T10:00:00Z\n", False),
    ("2024-01-01T10:00:00-00:00", True),
])
def test_datetime(v, ok):
    assert V.is_datetime(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("https://zwfw.example.gov.cn/api/v1?x=1&y=%E4%B8%AD#top", True),
    ("HTTP://a", True), ("http://a:8080", True), ("http://[2001:db8::1]:443/x", False), ("http://a:65535", True), ("http://a:65536", False),
    ("http://a-b.c/", True), ("http://a/b//c", True), ("https://a/%zz", False),
    ("ftp://a", False), ("https://-a.cn", False), ("https://a-.cn", False),
    ("https://中国.cn", False), ("https://a/路径", False), ("https://a b", False),
    ("https://a:123456", False), ("https://", False), ("https://a\n", False),
])
def test_url(v, ok):
    assert V.is_url(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("a.b+tag@example.gov.cn", True), ("x@a.b", True), ("x@localhost", False),
    ("x@-a.cn", False), ("@a.cn", False), ("张@a.cn", False), ("a@b.cn\n", False),
    ("a b@c.cn", False),
])
def test_email(v, ok):
    assert V.is_email(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("13800138000", True), ("+8613800138000", True), ("12800138000", False),
    ("0531-88888888", True), ("010-1234567", True), ("05318888888", True),
    ("0531-888888", False), ("+86 13800138000", False), ("138001380001", False),
])
def test_phone(v, ok):
    assert V.is_phone(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("", True), ("QUJD", True), ("QUI=", True), ("QQ==", True), ("QQ=", False),
    ("QUJ", False), ("Q===", False), ("QUJD\n", False), ("QU JD", False), ("QUJD-_", False),
])
def test_base64(v, ok):
    assert V.is_base64(v) is ok


@pytest.mark.parametrize("v,ok", [
    ("110000", True), ("370102", True), ("820000", True), ("710000", True),
    ("650000", True), ("100000", True), ("100000000000", True), ("370102001001", True),
    ("101000", False), ("000000", False), ("160000", False), ("720000", False),
    ("1100000", False), ("11000", False), ("11000a", False), ("１１0000", False),
])
def test_division_code(v, ok):
    assert V.is_division_code(v) is ok


def test_uscc_edges():
    assert V.uscc_check_char("91110000600037341") == "L"
    assert not V.is_uscc("91110000600037341l")            # lower case
    assert not V.is_uscc("9111000060003734IL")            # I is not in the alphabet
    assert not V.is_uscc("91A10000600037341L")            # positions 3-8 are digits
    assert not V.is_uscc("91110000600037341L ")
    # a code whose check value is 0 (sum mod 31 == 0 -> '0')
    base = "9111000060003734"
    for c in V.USCC_ALPHABET:
        s17 = base + c
        if V.uscc_check_char(s17) == "0":
            assert V.is_uscc(s17 + "0")
            break


def test_resident_id_edges():
    assert V.resident_id_check_char("11010519491231002") == "X"
    assert not V.is_resident_id("11010519491231002x")     # lower-case x
    assert not V.is_resident_id("10010519491231002X".replace("10", "10", 1))
    # a valid check but a bad birth date, and province 10 (the national code is not a province)
    for prefix, date in (("110105", "20230229"), ("110105", "19491301"), ("100105", "19491231")):
        s17 = prefix + date + "002"
        assert not V.is_resident_id(s17 + V.resident_id_check_char(s17))
    s17 = "110105" + "20000229" + "002"
    assert V.is_resident_id(s17 + V.resident_id_check_char(s17))


def test_license_id_edges():
    good = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"
    assert not V.is_license_id(good[:-1] + "T")
    assert not V.is_license_id(good.replace("1.2.156.3005.2.", "1.2.156.3005.3."))
    assert not V.is_license_id(good.replace(".002.", ".02."))
    assert not V.is_license_id(good.replace("20230000403", "2023000040a"))
    assert not V.is_license_id(good + ".")
    # the TYPE's USCC must pass its check
    bad_type = good.replace("11100000000013338W011", "11100000000013338X011")
    body = bad_type[len(V.LICENSE_ROOT):-2].replace(".", "")
    assert not V.is_license_id(bad_type[:-1] + V.mod37_36_check_char(body))


def test_item_code():
    assert V.is_item_code("000106003000")
    assert V.is_item_code("00010600300037010000002")
    assert not V.is_item_code("00010600300")
    assert not V.is_item_code("000106003000" + "A" * 31)
    assert not V.is_item_code("000106003000\n")
    assert V.is_item_code("11370000MB28", "^[0-9]{2}[0-9A-Z]{10}$")


@given(st.text(alphabet="0123456789abcdefABCDEF:.", max_size=45))
@settings(max_examples=3000, deadline=None)
def test_ipv6_agrees_with_ipaddress(s):
    try:
        ipaddress.IPv6Address(s)
        expected = True
    except ValueError:
        expected = False
    # ipaddress refuses leading zeros in an embedded IPv4 as we do; it accepts the same forms
    assert V.is_cidr(s + "/64") is expected, s


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
       st.integers(0, 40))
def test_ipv4_cidr(a, b, c, d, n):
    assert V.is_cidr(f"{a}.{b}.{c}.{d}/{n}") is (n <= 32)


@pytest.mark.parametrize("v,ok", [
    ("10.1.0.0/16", True), ("0.0.0.0/0", True), ("255.255.255.255/32", True),
    ("10.1.0.0/33", False), ("010.1.0.0/16", False), ("10.1.0/16", False), ("10.1.0.0", False),
    ("10.1.0.0/016", False), ("::/0", True), ("::/128", True), ("::/129", False),
    ("2001:db8::/32", True), ("::ffff:10.0.0.1/128", True), ("2001:db8::1::/64", False),
    ("fe80::1%eth0/64", False), ("2001:DB8::/32", True), ("12345::/16", False),
    (" 10.0.0.0/8", False), ("10.0.0.0/8\n", False),
])
def test_cidr(v, ok):
    assert V.is_cidr(v) is ok


# --------------------------------------------------------------------------- JSON values

def test_lengths_count_scalars():
    assert V.length("e\u0301") == 2          # e + combining acute: 2 scalars
    assert V.length("\u00e9") == 1           # precomposed é
    assert V.length("😀") == 1               # one scalar (two UTF-16 units)
    assert V.length("中国") == 2
    assert "\u00e9" != "e\u0301"             # compared scalar by scalar, no normalisation


def test_integers():
    assert V.is_integer(1) and V.is_integer(json.loads("1.0")) and V.is_integer(json.loads("1e2"))
    assert V.is_integer(2 ** 53 - 1) and V.is_integer(-(2 ** 53 - 1))
    assert not V.is_integer(2 ** 53) and not V.is_integer(float(2 ** 53))
    assert not V.is_integer(1.5) and not V.is_integer(True) and not V.is_integer("1")
    assert not V.is_integer(float("inf")) and not V.is_number(float("nan"))
    assert V.is_number(1.5) and not V.is_number(False)
    assert not V.is_scalar_text(json.loads('"\\ud800"')) and V.is_scalar_text("😀")


# --------------------------------------------------------------------------- pattern dialect

REFUSED = [
    ("(a)\\1", 3, "backreference"), ("\\k<n>", 0, "backreference"),
    ("a(?=b)", 1, "lookahead"), ("a(?!b)", 1, "lookahead"), ("(?<=a)b", 0, "lookbehind"),
    ("(?<!a)b", 0, "lookbehind"), ("(?<n>a)", 0, "named"), ("(?P<n>a)", 0, "named"),
    ("(?i)abc", 0, "inline"), ("a\\bc", 1, "assertion"), ("\\Babc", 0, "assertion"),
    ("\\Aabc", 0, "assertion"), ("abc\\z", 3, "assertion"), ("abc\\Z", 3, "assertion"),
    ("\\p{L}+", 0, "Unicode"), ("a++", 2, "possessive"), ("a{2}+", 4, "possessive"),
    ("a^b", 1, "start"), ("a$b", 1, "end"), ("(^a)", 1, "start"), ("[]", 1, "empty"),
    ("[^]", 2, "empty"), ("*a", 0, "repeat"), ("a|*", 2, "repeat"), ("a{1001}", 1, "1000"),
    ("a{3,2}", 1, "less"), ("a{,3}", 1, "escaped"), ("a}", 1, "escaped"), ("a]", 1, "escaped"),
    ("(a", 0, "unclosed"), ("a)", 1, "unmatched"), ("[a", 0, "unclosed"), ("\\", 0, "end"),
    ("\\x41", 0, "unknown"), ("\\0", 0, "unknown"), ("\\e", 0, "unknown"), ("[\\D]", 1, "inside"),
    ("[\\d-z]", 1, "range"), ("[z-a]", 3, "order"), ("[a&&b]", 2, "&&"), ("[[a]]", 1, "'['"),
    ("\\u12", 0, "hex"), ("\\uD800", 0, "surrogate"), ("a**", 2, "quantifier"),
]


@pytest.mark.parametrize("pattern,offset,word", REFUSED)
def test_refused_patterns_are_located(pattern, offset, word):
    e = V.check_pattern(pattern)
    assert e is not None, pattern
    assert e.offset == offset, (pattern, e)
    assert word.lower() in e.message.lower(), (pattern, e.message)


ACCEPTED = [
    ("abc", ["abc"], ["abc\n", "ab", "abcd", "\nabc"]),
    ("^abc$", ["abc"], ["abc\n"]),
    ("a.c", ["abc", "a中c", "a😀c"], ["a\nc", "a\rc", "a\u2028c", "a\u2029c", "ac"]),
    ("\\d+", ["0123456789"], ["١٢", "１", ""]),
    ("\\w+", ["aZ_9"], ["é", "中", "a-b"]),
    ("\\s", [" ", "\t", "\n", "\r", "\f", "\v"], ["\u00a0", "\u3000", "\u2028", "x"]),
    ("\\D\\W\\S", ["a-x", "中 中"[0] + "!" + "中"], ["1-x", "a_x", "a- "]),
    ("[\\d\\-a-c]+", ["1-a", "c"], ["d", "+"]),
    ("[^a-c]", ["d", "中", "\n"], ["a", ""]),
    ("a{2}", ["aa"], ["a", "aaa"]), ("a{2,}", ["aa", "aaaa"], ["a"]),
    ("a{0,2}", ["", "a", "aa"], ["aaa"]), ("a*?b+?c??", ["ab", "aabbc"], ["ac"]),
    ("(a|ab)(c|bcd)", ["abcd", "ac", "abc"], ["abcdx"]),
    ("(?:x|y)z", ["xz", "yz"], ["z"]), ("", [""], ["a"]), ("()", [""], ["a"]),
    ("\\u4E2D\\u56fd", ["中国"], ["中"]), ("\\.\\^\\$\\|\\?\\*\\+\\(\\)\\[\\]\\{\\}\\/\\-\\\\",
                                          [".^$|?*+()[]{}/-\\"], []),
    ("a|", ["a", ""], ["b"]), ("[.$*(){}|/^]+", [".$*(){}|/^"], ["]"]),
    ("[-a]", ["-", "a"], ["b"]), ("[a-]", ["-"], ["b"]), ("[\\]]", ["]"], ["["]),
    ("\\n\\r\\t\\f\\v", ["\n\r\t\f\v"], []),
    ("[😀-😎]", ["😀", "😎"], ["😏"]),
]


@pytest.mark.parametrize("pattern,good,bad", ACCEPTED)
def test_accepted_patterns(pattern, good, bad):
    assert V.check_pattern(pattern) is None, V.check_pattern(pattern)
    portable = re.compile(V.portable_form(pattern))
    for v in good:
        assert V.matches(pattern, v), (pattern, v)
        assert portable.search(v), (pattern, v, portable.pattern)
    for v in bad:
        assert not V.matches(pattern, v), (pattern, v)
        assert not portable.search(v), (pattern, v, portable.pattern)


def test_portable_form_shape():
    assert V.portable_form("^\\d{3}.\\w?$") == \
        "^(?:[0-9]{3}[^\\n\\r\\u2028\\u2029][A-Za-z0-9_]?)(?![\\s\\S])"
    assert V.portable_form("[\\s\\d]") == "^(?:[\\t\\n\\u000B\\f\\r 0-9])(?![\\s\\S])"
    assert V.portable_form("a+?") == "^(?:a+)(?![\\s\\S])"
    assert V.portable_form("a\\-b") == "^(?:a-b)(?![\\s\\S])"


def test_matching_is_linear():
    t = time.perf_counter()
    assert not V.matches("(a*)*b", "a" * 20000)
    assert not V.matches("(a|aa)+c", "a" * 20000)
    assert not V.matches("(x+x+)+y", "x" * 5000)
    assert time.perf_counter() - t < 10


# random dialect patterns: the matcher and Python re on the portable form must agree
_atoms = st.sampled_from(["a", "b", "\\d", "\\w", "\\s", ".", "[ab]", "[^a]", "\\D", "\\n",
                          "[a-c\\d]", "\\-", "x", "\\u00e9"])


@st.composite
def _patterns(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 2 and draw(st.booleans()) and draw(st.booleans()):
            inner = draw(_patterns(depth + 1))
            alt = draw(_patterns(depth + 1))
            atom = f"({inner}|{alt})" if draw(st.booleans()) else f"(?:{inner})"
        else:
            atom = draw(_atoms)
        q = draw(st.sampled_from(["", "", "*", "+", "?", "{2}", "{1,3}", "{0,}", "*?"]))
        parts.append(atom + q)
    return "".join(parts)


@given(_patterns(), st.lists(st.text(alphabet="ab1 x\n-é中c", max_size=8), min_size=1,
                             max_size=6))
@settings(max_examples=600, deadline=None)
def test_matcher_agrees_with_python_re_on_portable_form(pattern, texts):
    compiled = re.compile(V.portable_form(pattern))
    for t in texts:
        assert V.matches(pattern, t) == bool(compiled.search(t)), (pattern, t)


_P_TEXT = st.text(alphabet="aZ09.-_~:/?#[]@!$&'()*+,;=%Ffhtps@x中 \n", max_size=30)


@given(st.one_of(_P_TEXT, st.sampled_from(["https://a.b/c?d#e", "http://a1:80/",
                                           "a@b.cn", "+8613800138000", "QUI=",
                                           "0531-88888888"])).map(lambda s: s))
@settings(max_examples=1500, deadline=None)
def test_format_patterns_in_dialect_agree_with_python(s):
    for name, fn in (("url", V.is_url), ("email", V.is_email), ("phone", V.is_phone),
                     ("base64", V.is_base64)):
        assert V.matches(V.DIALECT_PATTERNS[name], s) == fn(s), (name, s)
        for pfx in ("https://", "http://a", "x@", "+86138", "QUJD"):
            s2 = pfx + s
            assert V.matches(V.DIALECT_PATTERNS[name], s2) == fn(s2), (name, s2)


# --------------------------------------------------------------------------- jsonschema_verdicts

OPENAPI = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Code:
      type: string
      format: uscc
      pattern: "^(?:[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![\\\\s\\\\S])"
    Short:
      type: string
      minLength: 2
      maxLength: 3
      pattern: "^(?:[a-z\\u00e9\\u0301]+)(?![\\\\s\\\\S])"
    Holder:
      type: object
      additionalProperties: false
      required: [name, code, born]
      properties:
        name: {$ref: "#/components/schemas/Short"}
        code: {$ref: "#/components/schemas/Code"}
        born: {type: string, format: date}
        at: {type: [string, "null"], format: date-time}
        rid: {type: string, format: resident-id}
        lic: {type: string, format: license-id}
        div: {type: string, format: division-code}
        count: {type: integer, minimum: -9007199254740991, maximum: 9007199254740991}
        ratio: {type: number, maximum: 1e2}
        item: {type: string, format: item-code}
        mail: {type: string, format: email}
        grade: {enum: [yes, no, "2024-01-01"]}
"""

CASES = [
    ("Code", "91110000600037341L", True), ("Code", "11370000MB28449441", False),
    ("Code", "91110000600037341L\n", False), ("Code", 5, False),
    ("Short", "e\u0301", True), ("Short", "\u00e9", False), ("Short", "abcd", False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29"}, True),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2023-02-29"}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "extra": 1}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "at": None, "count": 1.0, "ratio": 100, "item": "anything",
                "mail": "not an email", "grade": "yes"}, True),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "count": 9007199254740992}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "ratio": 100.5}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "grade": True}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "grade": "2024-01-01"}, True),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "at": "2024-01-01T24:00:00Z"}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "rid": "11010519491231002X", "div": "100000",
                "lic": "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"},
     True),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "rid": "110105194912310021"}, False),
    ("Holder", {"name": "ab", "code": "91110000600037341L", "born": "2024-02-29",
                "div": "101000"}, False),
    ("Holder", {"name": None, "code": "91110000600037341L", "born": "2024-02-29"}, False),
    ("Missing", {}, False),
]


@pytest.fixture(scope="module")
def openapi_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("oa") / "t.yaml"
    p.write_text(OPENAPI, encoding="utf-8")
    return p


def test_verdicts_cli(openapi_file, tmp_path):
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([{"schema": s, "instance": i} for s, i, _ in CASES]))
    out = subprocess.run([sys.executable, os.path.join(HERE, "jsonschema_verdicts.py"),
                          str(openapi_file), str(cases)], capture_output=True, check=True)
    verdicts = json.loads(out.stdout)
    assert len(verdicts) == len(CASES)
    for (s, i, ok), v in zip(CASES, verdicts):
        assert v["valid"] is ok, (s, i, v)
        assert (v["error"] is None) is ok


def test_verdicts_keep_floats(openapi_file, tmp_path):
    cases = tmp_path / "c.json"
    cases.write_text('[{"schema": "Holder", "instance": {"name": "ab", "code": '
                     '"91110000600037341L", "born": "2024-02-29", "count": 1.0, "ratio": 1e2}}]')
    out = subprocess.run([sys.executable, os.path.join(HERE, "jsonschema_verdicts.py"),
                          str(openapi_file), str(cases)], capture_output=True, check=True)
    assert json.loads(out.stdout) == [{"valid": True, "error": None}]


def test_verdicts_20000_cases_fast(openapi_file, tmp_path):
    many = [{"schema": s, "instance": i} for s, i, _ in CASES] * (20000 // len(CASES) + 1)
    many = many[:20000]
    cases = tmp_path / "many.json"
    cases.write_text(json.dumps(many))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, os.path.join(HERE, "jsonschema_verdicts.py"),
                          str(openapi_file), str(cases)], capture_output=True, check=True)
    assert len(json.loads(out.stdout)) == 20000
    assert time.perf_counter() - t < 30


def test_verdicts_usage_errors(tmp_path):
    r = subprocess.run([sys.executable, os.path.join(HERE, "jsonschema_verdicts.py")],
                       capture_output=True)
    assert r.returncode == 2


def test_yaml_12_scalars():
    import yaml
    d = yaml.load("a: yes\nb: 2024-01-01\nc: 1e2\nd: 012\ne: true\nf: ~\ng: 0x1F\n",
                  Loader=J.Yaml12Loader)
    assert d == {"a": "yes", "b": "2024-01-01", "c": 100.0, "d": 12, "e": True, "f": None,
                 "g": 31}


# --------------------------------------------------------------------------- the real exports

_EXPORTS = sorted(__import__("glob").glob(os.path.join(os.path.dirname(os.path.dirname(HERE)),
                                                       "generated", "openapi", "*.yaml")))


@pytest.mark.skipif(not _EXPORTS, reason="no generated/openapi")
@pytest.mark.parametrize("path", _EXPORTS, ids=os.path.basename)
def test_generated_exports_compile_and_their_examples_validate(path):
    v = J.Verdicts(J.load_openapi(path))
    for name, schema in v.schemas.items():
        list(v.validator(name).iter_errors(None))     # every $ref resolves
        examples = list(schema.get("examples") or [])
        if "example" in schema:
            examples.append(schema["example"])
        for ex in examples:
            assert v.verdict(name, ex)["valid"], (name, ex, v.verdict(name, ex))
    # media-type examples of operations: {schema: {$ref: ...}, examples: {name: {value: ...}}}
    checked = 0
    stack = [J.load_openapi(path).get("paths") or {}]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = (node.get("schema") or {}).get("$ref", "") if isinstance(node.get("schema"),
                                                                           dict) else ""
            if ref.startswith("#/components/schemas/") and isinstance(node.get("examples"), dict):
                name = ref.rsplit("/", 1)[1]
                for ex_name, ex in node["examples"].items():
                    if isinstance(ex, dict) and "value" in ex:
                        r = v.verdict(name, ex["value"])
                        assert r["valid"], (name, ex_name, r)
                        checked += 1
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


_EXPORT_FORMATS = {"division-code": "division-code", "date-time": "datetime", "date": "date",
                   "item-code": "item-code", "license-id": "license-id",
                   "resident-id": "resident-id", "uscc": "uscc", "uri": "url"}


def _export_patterns():
    found = {}
    for path in _EXPORTS:
        stack = [J.load_openapi(path)]
        while stack:
            n = stack.pop()
            if isinstance(n, dict):
                if isinstance(n.get("pattern"), str) and n.get("format") in _EXPORT_FORMATS:
                    found.setdefault((n["format"], n["pattern"]), os.path.basename(path))
                stack.extend(n.values())
            elif isinstance(n, list):
                stack.extend(n)
    return sorted(found)


def _corpus(fmt: str) -> list[str]:
    import random
    import schemathesis_hooks as SH
    rnd = random.Random(7)
    base = {"url": ["https://a.b/c?d=%E4#e", "http://a1:80/x", "HTTPS://x-y.z"],
            "item-code": ["000106003000", "00010600300037010000002"]}.get(fmt, [])
    strategy = SH.FORMAT_STRATEGIES.get({"datetime": "date-time"}.get(fmt, fmt))
    if strategy is not None:
        from hypothesis import find
        seen = []
        try:
            find(strategy, lambda x: seen.append(x) and False, settings=settings(
                max_examples=150, database=None))
        except Exception:
            pass
        base += seen
    out = []
    alphabet = "0123456789AZXaz.-:+T Z\n/%[]"
    for v in base:
        out.append(v)
        out.append(v + "\n")
        for _ in range(4):
            i = rnd.randrange(len(v))
            out.append(v[:i] + rnd.choice(alphabet) + v[i + 1:])
            out.append(v[:i] + v[i + 1:])
    return out


@pytest.mark.skipif(not _EXPORTS, reason="no generated/openapi")
@pytest.mark.parametrize("fmt,pattern", _export_patterns())
def test_exported_format_patterns_mean_the_dialect_patterns(fmt, pattern):
    """The export's portable pattern, under Python re.search, equals the spec's pattern."""
    ours = _EXPORT_FORMATS[fmt]
    dialect = V.DIALECT_PATTERNS[ours]
    if ours == "item-code":     # the workspace's itemCodePattern, when it sets one
        import yaml
        ws = os.path.join(os.path.dirname(os.path.dirname(HERE)), "specs", "accessspec.yaml")
        if os.path.exists(ws):
            with open(ws, encoding="utf-8") as f:
                dialect = ((yaml.safe_load(f) or {}).get("settings") or {}).get(
                    "itemCodePattern", dialect)
    assert pattern.startswith("^(?:") and pattern.endswith(")(?![\\s\\S])"), pattern
    compiled = re.compile(pattern)
    for v in _corpus(ours):
        assert bool(compiled.search(v)) == V.matches(dialect, v), (fmt, v, pattern)
