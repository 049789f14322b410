"""AccessSpec value semantics (docs/values.md), an independent Python implementation.

* formats: plain Python checks (calendar, check characters) — not the OpenAPI patterns;
* the pattern dialect: a parser that refuses what the dialect excludes (with the offset, in
  scalars, of the problem), a linear-time matcher (Thompson NFA simulation, no backtracking)
  and the portable canonical form the OpenAPI export writes;
* JSON value rules: integers, lengths in scalars, null.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# ============================================================================ formats

_DIGITS = "0123456789"
_ASCII_DIGIT = re.compile(r"[0-9]+")
PROVINCES = frozenset(
    [str(c) for c in range(11, 16)] + [str(c) for c in range(21, 24)]
    + [str(c) for c in range(31, 38)] + [str(c) for c in range(41, 47)]
    + [str(c) for c in range(50, 55)] + [str(c) for c in range(61, 66)] + ["71", "81", "82"])


def _digits(s: str, n: int | None = None) -> bool:
    return (n is None or len(s) == n) and len(s) > 0 and all(c in _DIGITS for c in s)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _ymd_ok(y: str, m: str, d: str) -> bool:
    if not (_digits(y, 4) and _digits(m, 2) and _digits(d, 2)):
        return False
    year, month, day = int(y), int(m), int(d)
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def is_date(v: str) -> bool:
    """YYYY-MM-DD, year 0000-9999, Gregorian calendar."""
    return (isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-"
            and _ymd_ok(v[0:4], v[5:7], v[8:10]))


def is_datetime(v: str) -> bool:
    """RFC 3339 §5.6 date-time; T/Z may be lower case; no leap second; no space separator."""
    if not isinstance(v, str) or len(v) < 20:
        return False
    if not is_date(v[:10]) or v[10] not in "Tt":
        return False
    t = v[11:]
    if len(t) < 9 or t[2] != ":" or t[5] != ":":
        return False
    hh, mm, ss = t[0:2], t[3:5], t[6:8]
    if not (_digits(hh, 2) and _digits(mm, 2) and _digits(ss, 2)):
        return False
    if int(hh) > 23 or int(mm) > 59 or int(ss) > 59:
        return False
    rest = t[8:]
    if rest.startswith("."):
        i = 1
        while i < len(rest) and rest[i] in _DIGITS:
            i += 1
        if i == 1:
            return False
        rest = rest[i:]
    if rest in ("Z", "z"):
        return True
    if len(rest) == 6 and rest[0] in "+-" and rest[3] == ":":
        oh, om = rest[1:3], rest[4:6]
        return _digits(oh, 2) and _digits(om, 2) and int(oh) <= 23 and int(om) <= 59
    return False


# -- the pattern-only formats (ASCII classes written out: Python's \d would be Unicode)
_P = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST = rf"(?:{_LABEL}(?:\.{_LABEL})*)"
_PORT = r"(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
URL_RE = re.compile(rf"[Hh][Tt][Tt][Pp][Ss]?://{_HOST}(?::{_PORT})?(?:/{_P}*)*"
                    rf"(?:\?(?:{_P}|[/?])*)?(?:#(?:{_P}|[/?])*)?")
EMAIL_RE = re.compile(_ATOM + r"(?:\." + _ATOM + r")*@" + _LABEL + r"(?:\." + _LABEL + r")+")
PHONE_RE = re.compile(r"(?:(?:\+86)?1[3-9][0-9]{9}|0[0-9]{9,11}|0[0-9]{2,3}-[0-9]{7,8})")
BASE64_RE = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")

# the same patterns in the AccessSpec dialect, as the spec writes them (checked against the
# Python ones by the tests, through this module's own matcher)
DIALECT_PATTERNS = {
    "url": "[Hh][Tt][Tt][Pp][Ss]?://(@HOST@)(:@PORT@)?(/@P@*)*(\\?(@P@|[/?])*)?(#(@P@|[/?])*)?"
           .replace("@HOST@", "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                              "[A-Za-z0-9])?)*")
           .replace("@PORT@", "([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])")
           .replace("@P@", "([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"),
    "email": "[A-Za-z0-9!#$%&'*+/=?^_`\\{|\\}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`\\{|\\}~-]+)*"
             "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+",
    "phone": "(\\+86)?1[3-9][0-9]{9}|0[0-9]{9,11}|0[0-9]{2,3}-[0-9]{7,8}",
    "base64": "([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?",
    "uscc": "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}",
    "resident-id": "@PROV@[0-9]{4}[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]"
                   .replace("@PROV@", "(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])"),
    "division-code": "(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])[0-9]{4}([0-9]{6})?|100000(000000)?",
    "date": "[0-9]{4}-[0-9]{2}-[0-9]{2}",
    "datetime": "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                "([Zz]|[+\\-][0-9]{2}:[0-9]{2})",
    "license-id": "1\\.2\\.156\\.3005\\.2\\.@U@[0-9]{3}\\.@U@\\.[0-9A-Z]+\\.[0-9]{3}\\.[0-9A-Z]"
                  .replace("@U@", "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}"),
    "item-code": "[0-9]{12}([0-9A-Z]{0,30})?",
}


def is_url(v: str) -> bool:
    return isinstance(v, str) and URL_RE.fullmatch(v) is not None


def is_email(v: str) -> bool:
    return isinstance(v, str) and EMAIL_RE.fullmatch(v) is not None


def is_phone(v: str) -> bool:
    return isinstance(v, str) and PHONE_RE.fullmatch(v) is not None


def is_base64(v: str) -> bool:
    return isinstance(v, str) and BASE64_RE.fullmatch(v) is not None


def is_division_code(v: str) -> bool:
    """行政区划代码 (GB/T 2260): 6 or 12 digits, province-level prefix, or the whole country."""
    if not isinstance(v, str) or not (_digits(v, 6) or _digits(v, 12)):
        return False
    return v in ("100000", "100000000000") or v[:2] in PROVINCES


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_uscc(v: str) -> bool:
    """统一社会信用代码 (GB 32100)."""
    if not isinstance(v, str) or len(v) != 18:
        return False
    if not all(c in USCC_ALPHABET for c in v[:2] + v[8:]) or not _digits(v[2:8], 6):
        return False
    return uscc_check_char(v[:17]) == v[17]


RID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RID_CHECK = "10X98765432"


def resident_id_check_char(first17: str) -> str:
    return RID_CHECK[sum(int(c) * w for c, w in zip(first17, RID_WEIGHTS)) % 11]


def is_resident_id(v: str) -> bool:
    """公民身份号码 (GB 11643)."""
    if not isinstance(v, str) or len(v) != 18 or not _digits(v[:17], 17):
        return False
    if v[17] not in _DIGITS + "X" or v[:2] not in PROVINCES:
        return False
    if not _ymd_ok(v[6:10], v[10:12], v[12:14]):
        return False
    return resident_id_check_char(v[:17]) == v[17]


_B36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def mod37_36_check_char(s: str) -> str:
    """ISO/IEC 7064 MOD 37,36 (hybrid system) check character over 0-9A-Z."""
    p = 36
    for c in s:
        t = (p + _B36.index(c)) % 36
        if t == 0:
            t = 36
        p = (2 * t) % 37
    return _B36[(1 - p) % 36]


LICENSE_ROOT = "1.2.156.3005.2."


def is_license_id(v: str) -> bool:
    """电子证照标识 (GB/T 36904)."""
    if not isinstance(v, str) or not v.startswith(LICENSE_ROOT):
        return False
    parts = v[len(LICENSE_ROOT):].split(".")
    if len(parts) != 5:
        return False
    typ, issuer, number, version, check = parts
    if len(typ) != 21 or not is_uscc(typ[:18]) or not _digits(typ[18:], 3):
        return False
    if not is_uscc(issuer):
        return False
    if not number or not all(c in _B36 for c in number):
        return False
    if not _digits(version, 3) or len(check) != 1 or check not in _B36:
        return False
    return mod37_36_check_char(typ + issuer + number + version) == check


DEFAULT_ITEM_CODE_PATTERN = "[0-9]{12}([0-9A-Z]{0,30})?"


def is_item_code(v: str, pattern: str = DEFAULT_ITEM_CODE_PATTERN) -> bool:
    """事项编码: the workspace's itemCodePattern (AccessSpec dialect)."""
    return isinstance(v, str) and compile_pattern(pattern).fullmatch(v)


def _ipv4(s: str) -> bool:
    parts = s.split(".")
    if len(parts) != 4:
        return False
    for p in parts:
        if not _digits(p) or len(p) > 3 or (len(p) > 1 and p[0] == "0") or int(p) > 255:
            return False
    return True


_HEX = "0123456789abcdefABCDEF"


def _ipv6(s: str) -> bool:
    def groups(text: str) -> list[str] | None:
        if text == "":
            return []
        gs = text.split(":")
        return gs if all(1 <= len(g) <= 4 and all(c in _HEX for c in g) for g in gs) else None

    # a trailing dotted IPv4 counts as two groups
    extra = 0
    if "." in s:
        head, _, v4 = s.rpartition(":")
        if not _ipv4(v4) or head == "":
            return False
        s = head + (":" if head.endswith(":") else "")
        if s.endswith(":") and not s.endswith("::"):
            s = s[:-1]
        extra = 2
    if s.count("::") > 1:
        return False
    if "::" in s:
        left, right = s.split("::")
        lg, rg = groups(left), groups(right)
        if lg is None or rg is None:
            return False
        return len(lg) + len(rg) + extra <= 7
    g = groups(s)
    return g is not None and len(g) + extra == 8


def is_cidr(v: str) -> bool:
    """security.ipAllowList entries: IPv4 a.b.c.d/0-32 or IPv6/0-128 (host bits may be set)."""
    if not isinstance(v, str) or v.count("/") != 1:
        return False
    addr, prefix = v.split("/")
    if not _digits(prefix) or (len(prefix) > 1 and prefix[0] == "0"):
        return False
    n = int(prefix)
    if ":" in addr:
        return n <= 128 and _ipv6(addr)
    return n <= 32 and _ipv4(addr)


FORMATS = {
    "date": is_date,
    "datetime": is_datetime,
    "date-time": is_datetime,
    "url": is_url,
    "email": is_email,
    "phone": is_phone,
    "base64": is_base64,
    "division-code": is_division_code,
    "uscc": is_uscc,
    "resident-id": is_resident_id,
    "license-id": is_license_id,
    "item-code": is_item_code,
}

# ============================================================================ JSON values

MAX_SAFE = 2 ** 53 - 1


def is_scalar_text(v) -> bool:
    """A str made of Unicode scalar values (no lone surrogates from \\uD800-style escapes)."""
    return isinstance(v, str) and not any(0xD800 <= ord(c) <= 0xDFFF for c in v)


def length(v: str) -> int:
    """minLength/maxLength count Unicode scalars (Python str length)."""
    return len(v)


def is_integer(v) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return -MAX_SAFE <= v <= MAX_SAFE
    if isinstance(v, float):
        return math.isfinite(v) and v.is_integer() and -MAX_SAFE <= v <= MAX_SAFE
    return False


def is_number(v) -> bool:
    if isinstance(v, bool):
        return False
    return isinstance(v, int) or (isinstance(v, float) and math.isfinite(v))


# ============================================================================ pattern dialect


class PatternError(ValueError):
    def __init__(self, offset: int, message: str):
        super().__init__(f"pattern offset {offset}: {message}")
        self.offset = offset          # 0-based, in Unicode scalars
        self.message = message


SYNTAX = set("\\^$.|?*+()[]{}/-")
MAX_REPEAT = 1000

# character sets: tuples of (lo, hi) inclusive ranges, sorted and merged
DIGIT = ((0x30, 0x39),)
WORD = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
SPACE = ((0x09, 0x0D), (0x20, 0x20))
DOT_EXCLUDED = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
ALL = ((0, 0x10FFFF),)


def _norm(ranges) -> tuple:
    out: list[list[int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((a, b) for a, b in out)


def _complement(ranges) -> tuple:
    out, prev = [], 0
    for lo, hi in _norm(ranges):
        if lo > prev:
            out.append((prev, lo - 1))
        prev = hi + 1
    if prev <= 0x10FFFF:
        out.append((prev, 0x10FFFF))
    # surrogates are not scalars; leaving them in is harmless for matching scalars
    return tuple(out)


# AST nodes: ("set", ranges, source) | ("cat", [nodes]) | ("alt", [nodes])
#            | ("rep", node, min, max|None) | ("group", node)   (capturing or not: same meaning)


class _Parser:
    def __init__(self, pattern: str):
        self.s = pattern
        self.i = 0
        self.lazy: set[int] = set()

    def error(self, msg: str, at: int | None = None):
        raise PatternError(self.i if at is None else at, msg)

    def peek(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.s[j] if j < len(self.s) else None

    def parse(self):
        s = self.s
        start, end = 0, len(s)
        if s.startswith("^"):
            start = 1
        if end > start and s.endswith("$") and not _escaped_at(s, end - 1):
            end -= 1
        self.end = end
        self.i = start
        node = self.alternation()
        if self.i != end:
            c = s[self.i]
            if c == ")":
                self.error("unmatched ')'")
            self.error(f"unexpected {c!r}")
        return node

    def alternation(self):
        branches = [self.sequence()]
        while self.i < self.end and self.s[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def sequence(self):
        items = []
        while self.i < self.end and self.s[self.i] not in "|)":
            atom = self.atom()
            items.append(self.quantified(atom))
        return ("cat", items)

    def quantified(self, atom):
        c = self.peek() if self.i < self.end else None
        if c is None:
            return atom
        q_at = self.i
        if c in "*+?":
            self.i += 1
            lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
        elif c == "{":
            m = re.compile(r"\{([0-9]+)(,([0-9]*))?\}").match(self.s, self.i)
            if not m or m.end() > self.end:
                self.error("'{' must be escaped unless it starts a quantifier {n}, {n,} or {n,m}")
            lo = int(m.group(1))
            hi = lo if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
            if lo > MAX_REPEAT or (hi is not None and hi > MAX_REPEAT):
                self.error(f"repetition counts must be at most {MAX_REPEAT}")
            if hi is not None and hi < lo:
                self.error("in {n,m}, m must not be less than n")
            self.i = m.end()
        else:
            return atom
        if atom is None:
            self.error("nothing to repeat", q_at)
        if self.i < self.end and self.s[self.i] == "?":
            self.lazy.add(self.i)            # lazy: accepted, meaningless for whole matches
            self.i += 1
        if self.i < self.end and self.s[self.i] == "+":
            self.error("possessive quantifiers are not part of the dialect")
        if self.i < self.end and (self.s[self.i] in "*+?" or self.s[self.i] == "{"
                                  and re.match(r"\{[0-9]", self.s[self.i:])):
            self.error("a quantifier cannot follow a quantifier")
        return ("rep", atom, lo, hi)

    def atom(self):
        c = self.s[self.i]
        at = self.i
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == ".":
            self.i += 1
            return ("set", _complement(DOT_EXCLUDED), ".")
        if c == "\\":
            return self.escape(in_class=False)
        if c in "*+?":
            self.error("nothing to repeat")
        if c == "{":
            if re.match(r"\{[0-9]+(,[0-9]*)?\}", self.s[self.i:]):
                self.error("nothing to repeat")
            self.error("'{' must be escaped")
        if c in "}]":
            self.error(f"{c!r} must be escaped")
        if c == "^":
            self.error("'^' is allowed only at the very start")
        if c == "$":
            self.error("'$' is allowed only at the very end")
        self.i += 1
        del at
        return ("set", ((ord(c), ord(c)),), c)

    def group(self):
        at = self.i
        self.i += 1
        if self.peek() == "?":
            nxt = self.peek(1)
            if nxt == ":":
                self.i += 2
            elif nxt in ("=", "!"):
                self.error("lookahead is not part of the dialect", at)
            elif nxt == "<" and self.peek(2) in ("=", "!"):
                self.error("lookbehind is not part of the dialect", at)
            elif nxt in ("<", "P", "'"):
                self.error("named groups are not part of the dialect", at)
            else:
                self.error("inline flags and other (?...) groups are not part of the dialect", at)
        inner = self.alternation()
        if self.i >= self.end or self.s[self.i] != ")":
            self.error("unclosed '('", at)
        self.i += 1
        return ("group", inner)

    def escape(self, in_class: bool):
        at = self.i
        c = self.peek(1)
        if c is None or self.i + 1 >= (len(self.s) if in_class else self.end + 1):
            self.error("a pattern cannot end with '\\'")
        self.i += 2
        simple = {"n": 0x0A, "r": 0x0D, "t": 0x09, "f": 0x0C, "v": 0x0B}
        if c in simple:
            return ("set", ((simple[c], simple[c]),), "\\" + c)
        if c in SYNTAX:
            return ("set", ((ord(c), ord(c)),), "\\" + c)
        if c == "u":
            h = self.s[self.i:self.i + 4]
            if len(h) != 4 or not all(x in "0123456789abcdefABCDEF" for x in h):
                self.error("\\u must be followed by exactly 4 hex digits", at)
            cp = int(h, 16)
            if 0xD800 <= cp <= 0xDFFF:
                self.error("\\u escapes of surrogates are not scalars; write the character", at)
            self.i += 4
            return ("set", ((cp, cp),), "\\u" + h)
        if c in "dws":
            return ("set", {"d": DIGIT, "w": WORD, "s": SPACE}[c], "\\" + c)
        if c in "DWS":
            if in_class:
                self.error(f"\\{c} is not allowed inside a class", at)
            return ("set", _complement({"D": DIGIT, "W": WORD, "S": SPACE}[c]), "\\" + c)
        if c in "123456789" or c == "k":
            self.error("backreferences are not part of the dialect", at)
        if c in "bBAzZG":
            self.error(f"\\{c} (an assertion) is not part of the dialect", at)
        if c in "pP":
            self.error(f"\\{c}{{..}} (Unicode properties) is not part of the dialect", at)
        self.error(f"unknown escape \\{c}", at)

    def char_class(self):
        at = self.i
        self.i += 1
        negated = False
        if self.peek() == "^":
            negated = True
            self.i += 1
        items: list[tuple] = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                self.error("unclosed '['", at)
            if c == "]":
                if first:
                    self.error("an empty class [] or [^] is not part of the dialect", self.i)
                self.i += 1
                break
            if c == "[":
                self.error("'[' inside a class must be escaped")
            if c in "&~|-" and self.peek(1) == c:
                self.error(f"{c}{c} inside a class must not be used (set operations elsewhere)")
            if c == "-" and not first and self.peek(1) != "]":
                self.error("'-' inside a class must be first, last, escaped or a range")
            lo_at = self.i
            lo = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", None):
                self.i += 1
                hi_at = self.i
                hi = self.class_atom()
                if lo[2] or hi[2]:
                    self.error("a class escape like \\d cannot be a range end", lo_at)
                a, b = lo[0][0][0], hi[0][0][0]
                if a > b:
                    self.error("range out of order", hi_at)
                items.append(((a, b),))
            else:
                items.append(lo[0])
            first = False
        ranges = _norm([r for it in items for r in it])
        if negated:
            ranges = _complement(ranges)
        return ("set", ranges, self.s[at:self.i])

    def class_atom(self):
        """-> (ranges, source, is_class_escape)"""
        c = self.s[self.i]
        if c == "\\":
            node = self.escape(in_class=True)
            return node[1], node[2], node[2] in ("\\d", "\\w", "\\s")
        self.i += 1
        return ((ord(c), ord(c)),), c, False


def _escaped_at(s: str, j: int) -> bool:
    n = 0
    k = j - 1
    while k >= 0 and s[k] == "\\":
        n += 1
        k -= 1
    return n % 2 == 1


def parse_pattern(pattern: str):
    """The AST, or PatternError with the offset of the first problem."""
    if not isinstance(pattern, str):
        raise PatternError(0, "a pattern is text")
    if not is_scalar_text(pattern):
        raise PatternError(0, "a pattern must be Unicode scalars")
    return _Parser(pattern).parse()


def check_pattern(pattern: str) -> PatternError | None:
    try:
        parse_pattern(pattern)
        return None
    except PatternError as e:
        return e


# ---------------------------------------------------------------- the linear-time matcher

class _Prog:
    """Thompson NFA: states are ('set', ranges, next) | ('split', a, b) | ('match',)."""

    def __init__(self):
        self.states: list = []

    def add(self, st) -> int:
        self.states.append(st)
        return len(self.states) - 1


def _compile(node, prog: _Prog, nxt: int) -> int:
    """Compile node so that it continues at state nxt; return its entry state."""
    kind = node[0]
    if kind == "set":
        return prog.add(["set", node[1], nxt])
    if kind == "cat":
        entry = nxt
        for child in reversed(node[1]):
            entry = _compile(child, prog, entry)
        return entry
    if kind == "group":
        return _compile(node[1], prog, nxt)
    if kind == "alt":
        entries = [_compile(b, prog, nxt) for b in node[1]]
        entry = entries[-1]
        for e in reversed(entries[:-1]):
            entry = prog.add(["split", e, entry])
        return entry
    if kind == "rep":
        _, child, lo, hi = node
        entry = nxt
        if hi is None:
            loop = prog.add(["split", None, nxt])
            body = _compile(child, prog, loop)
            prog.states[loop][1] = body
            entry = loop
        else:
            for _ in range(hi - lo):          # optional copies; skipping any ends the repeat
                body = _compile(child, prog, entry)
                entry = prog.add(["split", body, nxt])
        for _ in range(lo):
            entry = _compile(child, prog, entry)
        return entry
    raise AssertionError(kind)


def _in(ranges, cp: int) -> bool:
    lo, hi = 0, len(ranges)
    while lo < hi:
        mid = (lo + hi) // 2
        a, b = ranges[mid]
        if cp < a:
            hi = mid
        elif cp > b:
            lo = mid + 1
        else:
            return True
    return False


@dataclass
class CompiledPattern:
    source: str
    ast: tuple
    prog: _Prog
    start: int
    match_state: int

    def _closure(self, states, seeds):
        stack = list(seeds)
        st = self.prog.states
        while stack:
            s = stack.pop()
            if s in states:
                continue
            states.add(s)
            if st[s][0] == "split":
                stack.append(st[s][2])
                stack.append(st[s][1])
        return states

    def fullmatch(self, text: str) -> bool:
        """Whole-value match, in O(len(text) * states) time."""
        st = self.prog.states
        cur = self._closure(set(), [self.start])
        for ch in text:
            cp = ord(ch)
            nxt_seeds = [st[s][2] for s in cur if st[s][0] == "set" and _in(st[s][1], cp)]
            if not nxt_seeds:
                return False
            cur = self._closure(set(), nxt_seeds)
        return self.match_state in cur

    def portable(self) -> str:
        return portable_form(self.source)


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> CompiledPattern:
    ast = parse_pattern(pattern)
    prog = _Prog()
    m = prog.add(["match"])
    start = _compile(ast, prog, m)
    return CompiledPattern(pattern, ast, prog, start, m)


def matches(pattern: str, value: str) -> bool:
    return compile_pattern(pattern).fullmatch(value)


# ---------------------------------------------------------------- the portable canonical form

_EXPAND_OUT = {"\\d": "[0-9]", "\\w": "[A-Za-z0-9_]", "\\s": "[\\t\\n\\u000B\\f\\r ]",
               "\\D": "[^0-9]", "\\W": "[^A-Za-z0-9_]", "\\S": "[^\\t\\n\\u000B\\f\\r ]",
               ".": "[^\\n\\r\\u2028\\u2029]", "\\v": "\\u000B", "\\-": "-", "\\/": "/"}
_EXPAND_IN = {"\\d": "0-9", "\\w": "A-Za-z0-9_", "\\s": "\\t\\n\\u000B\\f\\r ", "\\v": "\\u000B",
              "\\/": "/"}


def portable_form(pattern: str) -> str:
    """^(?:BODY)(?![\\s\\S]) with \\d \\w \\s . (and \\v) written as explicit classes.

    This reference rendering walks the source text; the export may differ textually as long
    as the meaning is the same in ECMA-262 (u), Python re, Java and ICU.
    """
    if not is_scalar_text(pattern):
        raise PatternError(0, "a pattern must be Unicode scalars")
    p = _Parser(pattern)
    p.parse()                            # refuse what the dialect refuses
    s = pattern
    start, end = (1 if s.startswith("^") else 0), p.end
    out, i, in_class = [], start, False
    while i < end:
        c = s[i]
        if c == "\\":
            if s[i + 1] == "u":
                out.append(s[i:i + 6])
                i += 6
                continue
            tok = s[i:i + 2]
            out.append((_EXPAND_IN if in_class else _EXPAND_OUT).get(tok, tok))
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if s[i + 1] == "^":           # keep [^ together so ^ is not copied as a literal
                out.append("^")
                i += 1
        elif c == ".":
            out.append(_EXPAND_OUT["."])
        elif i in p.lazy:
            pass                          # drop the lazy marker
        else:
            out.append(c)
        i += 1
    return "^(?:" + "".join(out) + ")(?![\\s\\S])"
