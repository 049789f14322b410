"""Schemathesis 4.x hooks for AccessSpec platforms (mock or real).

    SCHEMATHESIS_HOOKS=schemathesis_hooks  PYTHONPATH=Tests/Python \\
    ACCESSSPEC_SIGNING_ALGORITHM=hmac-sm3 ACCESSSPEC_SIGNING_KEY=... \\
    ACCESSSPEC_ACCESS_ID=my-platform ACCESSSPEC_ACCESS_TOKEN=... ACCESSSPEC_ENVELOPE=plain \\
    schemathesis run generated/openapi/shandong.yaml --url http://127.0.0.1:8080

(a) Format strategies: `uscc`, `resident-id`, `division-code`, `license-id`, `date`,
    `date-time` generate VALID values (check characters computed), so positive-mode requests
    are accepted.

(b) Signing: a `before_call` hook installs a `requests` auth object (kwargs["auth"]).
    Schemathesis passes kwargs through to `requests.Session.request`, and requests calls an
    auth object with the fully prepared `PreparedRequest` (after the URL, headers and body are
    final: `PreparedRequest.prepare` runs `prepare_auth` after `prepare_body`). There the hook
    adds X-Timestamp (now, ms), a fresh X-Nonce, the access id and token (or, under head-data
    with a body, fills body.head and sends no id/token headers), then signs the exact target
    (`PreparedRequest.path_url`: path plus query as it goes on the request line) and the exact
    body bytes, per docs/signing.md.

Environment: ACCESSSPEC_SIGNING_ALGORITHM (hmac-sm3 | hmac-sha256 | sm2-sm3; unset: no
signature), ACCESSSPEC_SIGNING_KEY (secret, or SM2 private key PEM), ACCESSSPEC_SIGNATURE_HEADER
(default X-Signature), ACCESSSPEC_ACCESS_ID, ACCESSSPEC_ACCESS_TOKEN, ACCESSSPEC_ENVELOPE
(plain | head-data), ACCESSSPEC_ACCESS_ID_HEADER (X-Access-Id), ACCESSSPEC_TOKEN_HEADER
(X-Access-Token).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sys
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import accessspec_signing as S  # noqa: E402
import values as V  # noqa: E402

try:  # the hooks module is importable without schemathesis (unit tests of the signer)
    import schemathesis
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    schemathesis = None
    st = None

try:
    import requests
    _AuthBase = requests.auth.AuthBase
except ImportError:  # pragma: no cover
    requests = None
    _AuthBase = object


# ============================================================================ (a) strategies

if st is not None:
    _USCC_CH = st.sampled_from(V.USCC_ALPHABET)
    _DIGIT = st.sampled_from("0123456789")
    _B36 = st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    _PROVINCE = st.sampled_from(sorted(V.PROVINCES))

    def _text_of(ch, n: int):
        return st.lists(ch, min_size=n, max_size=n).map("".join)

    @st.composite
    def uscc_values(draw) -> str:
        s17 = (draw(_text_of(_USCC_CH, 2)) + draw(_PROVINCE) + draw(_text_of(_DIGIT, 4))
               + draw(_text_of(_USCC_CH, 9)))
        return s17 + V.uscc_check_char(s17)

    @st.composite
    def division_code_values(draw) -> str:
        kind = draw(st.integers(0, 9))
        if kind == 0:
            return draw(st.sampled_from(["100000", "100000000000"]))
        base = draw(_PROVINCE) + draw(_text_of(_DIGIT, 4))
        return base + (draw(_text_of(_DIGIT, 6)) if kind >= 6 else "")

    @st.composite
    def resident_id_values(draw) -> str:
        born = draw(st.dates(_dt.date(1900, 1, 1), _dt.date(2025, 12, 31)))
        s17 = (draw(_PROVINCE) + draw(_text_of(_DIGIT, 4)) + born.strftime("%Y%m%d")
               + draw(_text_of(_DIGIT, 3)))
        return s17 + V.resident_id_check_char(s17)

    @st.composite
    def license_id_values(draw) -> str:
        typ = draw(uscc_values()) + draw(_text_of(_DIGIT, 3))
        issuer = draw(uscc_values())
        number = draw(st.lists(_B36, min_size=1, max_size=24).map("".join))
        version = draw(_text_of(_DIGIT, 3))
        check = V.mod37_36_check_char(typ + issuer + number + version)
        return f"{V.LICENSE_ROOT}{typ}.{issuer}.{number}.{version}.{check}"

    def date_values():
        return st.dates(_dt.date(1, 1, 1), _dt.date(9999, 12, 31)).map(
            lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")

    @st.composite
    def datetime_values(draw) -> str:
        d = draw(date_values())
        hh, mm, ss = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
        frac = draw(st.one_of(st.just(""), _text_of(_DIGIT, 3).map(lambda f: "." + f)))
        off = draw(st.one_of(st.just("Z"), st.tuples(st.sampled_from("+-"), st.integers(0, 14),
                                                       st.sampled_from([0, 30, 45]))
                             .map(lambda t: f"{t[0]}{t[1]:02d}:{t[2]:02d}")))
        return f"{d}T{hh:02d}:{mm:02d}:{ss:02d}{frac}{off}"

    FORMAT_STRATEGIES = {
        "uscc": uscc_values(),
        "resident-id": resident_id_values(),
        "division-code": division_code_values(),
        "license-id": license_id_values(),
        "date": date_values(),
        "date-time": datetime_values(),
    }
else:  # pragma: no cover
    FORMAT_STRATEGIES = {}

if schemathesis is not None:
    for _name, _strategy in FORMAT_STRATEGIES.items():
        schemathesis.openapi.format(_name, _strategy)


# ============================================================================ (b) signing

@dataclass
class SigningConfig:
    algorithm: str | None = None
    key: str | None = None
    signature_header: str = "X-Signature"
    access_id: str | None = None
    token: str | None = None
    envelope: str = "plain"
    access_id_header: str = "X-Access-Id"
    token_header: str = "X-Access-Token"
    timestamp_header: str = "X-Timestamp"
    nonce_header: str = "X-Nonce"

    @classmethod
    def from_env(cls, env=None) -> "SigningConfig":
        e = os.environ if env is None else env
        cfg = cls(
            algorithm=e.get("ACCESSSPEC_SIGNING_ALGORITHM") or None,
            key=e.get("ACCESSSPEC_SIGNING_KEY") or None,
            signature_header=e.get("ACCESSSPEC_SIGNATURE_HEADER") or "X-Signature",
            access_id=e.get("ACCESSSPEC_ACCESS_ID") or None,
            token=e.get("ACCESSSPEC_ACCESS_TOKEN") or None,
            envelope=e.get("ACCESSSPEC_ENVELOPE") or "plain",
            access_id_header=e.get("ACCESSSPEC_ACCESS_ID_HEADER") or "X-Access-Id",
            token_header=e.get("ACCESSSPEC_TOKEN_HEADER") or "X-Access-Token",
        )
        if cfg.algorithm is not None and cfg.algorithm not in S.ALGORITHMS:
            raise ValueError(f"ACCESSSPEC_SIGNING_ALGORITHM={cfg.algorithm!r} is not one of "
                             f"{', '.join(S.ALGORITHMS)}")
        if cfg.envelope not in ("plain", "head-data"):
            raise ValueError(f"ACCESSSPEC_ENVELOPE={cfg.envelope!r} is not plain or head-data")
        return cfg


def _body_bytes(body) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, bytearray):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    raise S.SigningError("cannot sign a streamed request body")


def fill_head(body: bytes, cfg: SigningConfig, timestamp: str, nonce: str) -> bytes | None:
    """head-data: put accessId/accessToken/timestamp/nonce into body.head. None: not an object."""
    try:
        doc = json.loads(body)
    except ValueError:
        return None
    if not isinstance(doc, dict):
        return None
    old = doc.get("head") if isinstance(doc.get("head"), dict) else {}
    head = {}                                   # fixed order: accessId, accessToken, timestamp, nonce
    if cfg.access_id is not None:
        head["accessId"] = cfg.access_id
    if cfg.token is not None:
        head["accessToken"] = cfg.token
    head["timestamp"] = timestamp
    head["nonce"] = nonce
    for k, v in old.items():                    # other head members are kept, after those
        if k not in ("accessId", "accessToken", "timestamp", "nonce"):
            head[k] = v
    doc = {"head": head, **{k: v for k, v in doc.items() if k != "head"}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign_prepared(r, cfg: SigningConfig, timestamp: str | None = None,
                  nonce: str | None = None, respect_absent: bool = False):
    """Complete and sign a requests.PreparedRequest in place; returns it.

    With `respect_absent`, a credential header the request does not carry stays absent: the
    run passes every credential header with a placeholder value (`-H`), so a missing one was
    removed on purpose by a negative test (schemathesis' ignored_auth and missing-header
    checks), and the receiver must refuse the request.
    """
    ts = timestamp if timestamp is not None else str(int(time.time() * 1000))
    nn = nonce if nonce is not None else S.new_nonce(32)
    body = _body_bytes(r.body)
    wanted = {h: (not respect_absent) or (h in r.headers)
              for h in (cfg.access_id_header, cfg.token_header, cfg.signature_header, cfg.timestamp_header, cfg.nonce_header)}
    for h in (cfg.access_id_header, cfg.token_header, cfg.signature_header):
        if h in r.headers:
            del r.headers[h]
    in_head = False
    if cfg.envelope == "head-data" and body:
        filled = fill_head(body, cfg, ts, nn)
        if filled is not None:
            body, in_head = filled, True
    if not in_head and not (cfg.envelope == "head-data" and body):
        if cfg.access_id is not None and wanted[cfg.access_id_header]:
            r.headers[cfg.access_id_header] = cfg.access_id
        if cfg.token is not None and wanted[cfg.token_header]:
            r.headers[cfg.token_header] = cfg.token
    for header, value in ((cfg.timestamp_header, ts), (cfg.nonce_header, nn)):
        if wanted[header]:
            r.headers[header] = value
        elif header in r.headers:
            del r.headers[header]
    if r.body is not None or body:
        r.body = body
        r.prepare_content_length(body)
    if cfg.algorithm and cfg.key and wanted[cfg.signature_header]:
        target = r.path_url
        try:
            r.headers[cfg.signature_header] = S.sign(
                cfg.algorithm, cfg.key, method=r.method.upper(), target=target,
                access_id=r.headers.get(cfg.access_id_header), token=r.headers.get(cfg.token_header),
                timestamp=r.headers.get(cfg.timestamp_header, ""), nonce=r.headers.get(cfg.nonce_header, ""), body=body)
        except S.SigningError:
            pass  # a negative test took a signed value away: the request goes unsigned

    return r


class AccessSpecAuth(_AuthBase):
    """requests auth: runs on the final PreparedRequest (after body and URL preparation)."""

    def __init__(self, cfg: SigningConfig | None = None, inner=None):
        self.cfg = cfg or SigningConfig.from_env()
        self.inner = inner

    def __call__(self, r):
        if self.inner is not None and callable(self.inner):
            r = self.inner(r) or r
        return sign_prepared(r, self.cfg, respect_absent=os.environ.get("ACCESSSPEC_RESPECT_ABSENT") == "1")


if schemathesis is not None:
    @schemathesis.hook
    def before_call(context, case, kwargs):
        """Install the signer for this call; it runs on the prepared request."""
        inner = kwargs.get("auth") or getattr(case, "_auth", None)
        if isinstance(inner, tuple) and requests is not None:
            inner = requests.auth.HTTPBasicAuth(*inner)
        kwargs["auth"] = AccessSpecAuth(SigningConfig.from_env(), inner)
