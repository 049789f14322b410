"""AccessSpec request signing (docs/signing.md), an independent Python implementation.

Canonical text (ACCESSSPEC-SIGN-1): eight lines joined by LF, no trailing LF:

    ACCESSSPEC-SIGN-1
    METHOD
    TARGET            (origin-form request target as sent: base path + path [+ "?" query])
    ACCESS-ID         (header value, or empty)
    TOKEN             (header value, or empty)
    TIMESTAMP
    NONCE
    hex(DIGEST(body)) (SM3 for hmac-sm3 and sm2-sm3, SHA-256 for hmac-sha256)

Signatures: hmac-sm3 / hmac-sha256 -> lower-case hex; sm2-sm3 -> base64(DER SEQUENCE{r, s}),
SM2 with SM3 and the default user id 1234567812345678.

Only the standard library, gmssl (SM2 point arithmetic) and pycryptodomex (ASN.1, a gmssl
dependency) are used.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import urllib.parse
from dataclasses import dataclass, field

VERSION_TAG = "ACCESSSPEC-SIGN-1"
ALGORITHMS = ("hmac-sm3", "hmac-sha256", "sm2-sm3")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
DEFAULT_USER_ID = b"1234567812345678"
MAX_SIGNATURE_BYTES = 1024

TIMESTAMP_RE = re.compile(r"[0-9]{1,15}")
NONCE_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class SigningError(ValueError):
    """A value that cannot take part in a canonical text."""


# --------------------------------------------------------------------------- digests

def _sm3_hashlib() -> "hashlib._Hash":
    return hashlib.new("sm3")


def sm3(data: bytes) -> bytes:
    h = _sm3_hashlib()
    h.update(data)
    return h.digest()


def sm3_gmssl(data: bytes) -> bytes:
    """SM3 through gmssl (pure Python), for cross-checks."""
    from gmssl import sm3 as gsm3
    return bytes.fromhex(gsm3.sm3_hash(list(data)))


def digest(algorithm: str, data: bytes) -> bytes:
    if algorithm in ("hmac-sm3", "sm2-sm3"):
        return sm3(data)
    if algorithm == "hmac-sha256":
        return hashlib.sha256(data).digest()
    raise SigningError(f"unknown signing algorithm {algorithm!r}")


def body_digest(algorithm: str, body: bytes) -> str:
    """Line 8: lower-case hex of DIGEST(body bytes as sent)."""
    return digest(algorithm, bytes(body or b"")).hex()


# --------------------------------------------------------------------------- canonical text

def _as_text(name: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as e:  # header bytes that are not UTF-8 cannot be signed
            raise SigningError(f"{name} is not UTF-8") from e
    if not isinstance(value, str):
        value = str(value)
    if _CONTROL_RE.search(value):
        raise SigningError(f"{name} contains a control character")
    return value


def request_target(base_url: str, path: str, query: str | None = None) -> str:
    """The origin-form request target a client sends for an operation path.

    base URL ``https://h/api`` + path ``/license/v1/x`` -> ``/api/license/v1/x``.
    ``query`` is the already encoded query string (without ``?``); empty or None -> no ``?``.
    """
    base_path = urllib.parse.urlsplit(base_url).path.rstrip("/")
    if not path.startswith("/"):
        path = "/" + path
    target = base_path + path
    if query:
        target += "?" + query
    return target


def canonical_text(algorithm: str, method: str, target: str, access_id: str | None,
                   token: str | None, timestamp: str, nonce: str, body: bytes | None) -> bytes:
    """The canonical signed text as UTF-8 bytes (8 lines, LF separated, no trailing LF)."""
    if algorithm not in ALGORITHMS:
        raise SigningError(f"unknown signing algorithm {algorithm!r}")
    method = _as_text("method", method)
    if method not in METHODS:
        raise SigningError(f"method {method!r} is not one of {', '.join(METHODS)}")
    target = _as_text("target", target)
    if not target.startswith("/"):
        raise SigningError("the target must be in origin form (start with '/')")
    lines = [
        VERSION_TAG,
        method,
        target,
        _as_text("access id", access_id),
        _as_text("token", token),
        _as_text("timestamp", timestamp),
        _as_text("nonce", nonce),
        body_digest(algorithm, body or b""),
    ]
    return "\n".join(lines).encode("utf-8")


# --------------------------------------------------------------------------- SM2

# GB/T 32918.5 recommended curve parameters
SM2_P = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF
SM2_A = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC
SM2_B = 0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93
SM2_N = 0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123
SM2_GX = 0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7
SM2_GY = 0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0

_OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
_OID_SM2 = "1.2.156.10197.1.301"


def _i32(x: int) -> bytes:
    return x.to_bytes(32, "big")


def _on_curve(x: int, y: int) -> bool:
    return 0 <= x < SM2_P and 0 <= y < SM2_P and (y * y - (x * x * x + SM2_A * x + SM2_B)) % SM2_P == 0


def _crypt(private_hex: str = "", public_hex: str = ""):
    from gmssl import sm2 as gsm2
    return gsm2.CryptSM2(private_key=private_hex, public_key=public_hex)


def _scalar_mult(k: int, point_hex: str) -> str:
    """k * P with gmssl's arithmetic; points are 128 hex chars x||y."""
    return _crypt()._kg(k, point_hex)


def _g_hex() -> str:
    return "%064x%064x" % (SM2_GX, SM2_GY)


@dataclass(frozen=True)
class SM2Key:
    public_x: int
    public_y: int
    private: int | None = None

    @property
    def public_hex(self) -> str:
        return "%064x%064x" % (self.public_x, self.public_y)


def _pem_body(pem: str) -> tuple[str, bytes]:
    m = re.search(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", pem, re.S)
    if not m:
        raise SigningError("not a PEM block")
    return m.group(1), base64.b64decode("".join(m.group(2).split()), validate=True)


def _parse_point(octets: bytes) -> tuple[int, int]:
    if len(octets) != 65 or octets[0] != 4:
        raise SigningError("only uncompressed SM2 public points (04||x||y) are supported")
    x, y = int.from_bytes(octets[1:33], "big"), int.from_bytes(octets[33:], "big")
    if not _on_curve(x, y):
        raise SigningError("public point is not on the SM2 curve")
    return x, y


def _check_alg(alg_der: bytes) -> None:
    from Cryptodome.Util.asn1 import DerObjectId, DerSequence
    alg = DerSequence().decode(alg_der)
    oid = DerObjectId().decode(alg[0]).value
    params = DerObjectId().decode(alg[1]).value if len(alg) > 1 else None
    if not (oid == _OID_SM2 or (oid == _OID_EC_PUBLIC_KEY and params == _OID_SM2)):
        raise SigningError(f"not an SM2 key (algorithm {oid}, parameters {params})")


def load_sm2_key(pem: str) -> SM2Key:
    """A PKCS#8 private key ('PRIVATE KEY', or SEC1 'EC PRIVATE KEY') or an SPKI public key."""
    from Cryptodome.Util.asn1 import DerBitString, DerOctetString, DerSequence, DerInteger
    kind, der = _pem_body(pem)
    if kind == "PUBLIC KEY":
        spki = DerSequence().decode(der)
        _check_alg(spki[0])
        bits = DerBitString().decode(spki[1]).value
        return SM2Key(*_parse_point(bits))
    if kind == "PRIVATE KEY":
        p8 = DerSequence().decode(der)
        _check_alg(p8[1])
        ec_der = DerOctetString().decode(p8[2]).payload
    elif kind == "EC PRIVATE KEY":
        ec_der = der
    else:
        raise SigningError(f"unsupported PEM block {kind!r}")
    ec = DerSequence().decode(ec_der)
    d = int.from_bytes(DerOctetString().decode(ec[1]).payload, "big")
    if not 1 <= d < SM2_N - 1:
        raise SigningError("SM2 private scalar out of range")
    pub = _scalar_mult(d, _g_hex())
    x, y = int(pub[:64], 16), int(pub[64:], 16)
    # when the key carries its public half ([1] BIT STRING), it must agree
    for item in list(ec)[2:]:
        if isinstance(item, bytes) and item[:1] == b"\xa1":
            inner = DerBitString().decode(item[2:] if item[1] < 0x80 else item[3:]).value
            if _parse_point(inner) != (x, y):
                raise SigningError("SM2 private key's public half does not match")
    return SM2Key(x, y, d)


def sm2_public_pem(key: SM2Key) -> str:
    from Cryptodome.Util.asn1 import DerBitString, DerObjectId, DerSequence
    point = b"\x04" + _i32(key.public_x) + _i32(key.public_y)
    der = DerSequence([DerSequence([DerObjectId(_OID_EC_PUBLIC_KEY), DerObjectId(_OID_SM2)]),
                       DerBitString(point)]).encode()
    return _pem("PUBLIC KEY", der)


def _pem(kind: str, der: bytes) -> str:
    b = base64.b64encode(der).decode()
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----\n"


def sm2_z(key: SM2Key, user_id: bytes = DEFAULT_USER_ID) -> bytes:
    """Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA) (GB/T 32918.2 §5.5)."""
    entl = (len(user_id) * 8).to_bytes(2, "big")
    return sm3(entl + user_id + _i32(SM2_A) + _i32(SM2_B) + _i32(SM2_GX) + _i32(SM2_GY)
               + _i32(key.public_x) + _i32(key.public_y))


def sm2_e(key: SM2Key, message: bytes, user_id: bytes = DEFAULT_USER_ID) -> bytes:
    """e = SM3(Z || M), the value the SM2 signature is computed over."""
    return sm3(sm2_z(key, user_id) + message)


def _der_sig(r: int, s: int) -> bytes:
    from Cryptodome.Util.asn1 import DerInteger, DerSequence
    return DerSequence([DerInteger(r), DerInteger(s)]).encode()


def sm2_sign_raw(key: SM2Key, message: bytes, k: int | None = None) -> tuple[int, int]:
    if key.private is None:
        raise SigningError("signing with sm2-sm3 needs the private key")
    e = int.from_bytes(sm2_e(key, message), "big")
    d = key.private
    while True:
        kk = k if k is not None else secrets.randbelow(SM2_N - 1) + 1
        p1 = _scalar_mult(kk, _g_hex())
        x1 = int(p1[:64], 16)
        r = (e + x1) % SM2_N
        if r != 0 and r + kk != SM2_N:
            s = (pow(1 + d, -1, SM2_N) * (kk - r * d)) % SM2_N
            if s != 0:
                return r, s
        if k is not None:
            raise SigningError("the fixed nonce k gives a degenerate signature")


def sm2_verify_raw(key: SM2Key, message: bytes, r: int, s: int) -> bool:
    if not (1 <= r < SM2_N and 1 <= s < SM2_N):
        return False
    e = int.from_bytes(sm2_e(key, message), "big")
    t = (r + s) % SM2_N
    if t == 0:
        return False
    c = _crypt(public_hex=key.public_hex)
    p1 = c._kg(s, _g_hex())
    p2 = c._kg(t, key.public_hex)
    if p1 == p2:
        p = c._convert_jacb_to_nor(c._double_point(p1 + "1"))
    else:
        p = c._convert_jacb_to_nor(c._add_point(p1 + "1", p2))
    if p is None:
        return False
    x1 = int(p[:64], 16)
    return (e + x1) % SM2_N == r


def decode_sm2_signature(signature: str) -> tuple[int, int] | None:
    """Strict: standard base64 with padding of a minimal DER SEQUENCE{INTEGER r, INTEGER s}."""
    from Cryptodome.Util.asn1 import DerSequence
    try:
        raw = base64.b64decode(signature.encode("ascii"), validate=True)
        if base64.b64encode(raw).decode("ascii") != signature:
            return None
        seq = DerSequence().decode(raw, strict=True)
        if len(seq) != 2 or not all(isinstance(v, int) for v in seq):
            return None
        r, s = int(seq[0]), int(seq[1])
        if _der_sig(r, s) != raw:
            return None
        return r, s
    except (ValueError, TypeError, UnicodeEncodeError, binascii.Error, IndexError):
        return None


# --------------------------------------------------------------------------- sign / verify

def _hmac(algorithm: str, key, text: bytes) -> str:
    k = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    return hmac.new(k, text, "sm3" if algorithm == "hmac-sm3" else "sha256").hexdigest()


def sign_text(algorithm: str, key, text: bytes, sm2_k: int | None = None) -> str:
    """Sign an already built canonical text. key: the secret (str/bytes) or an SM2 private PEM."""
    if algorithm in ("hmac-sm3", "hmac-sha256"):
        return _hmac(algorithm, key, text)
    if algorithm == "sm2-sm3":
        sk = key if isinstance(key, SM2Key) else load_sm2_key(key)
        r, s = sm2_sign_raw(sk, text, sm2_k)
        return base64.b64encode(_der_sig(r, s)).decode("ascii")
    raise SigningError(f"unknown signing algorithm {algorithm!r}")


def verify_text(algorithm: str, key, text: bytes, signature) -> bool:
    """key: the secret, or for sm2-sm3 the sender's public PEM (a private PEM is reduced)."""
    if signature is None:
        return False
    if isinstance(signature, bytes):
        try:
            signature = signature.decode("ascii")
        except UnicodeDecodeError:
            return False
    if len(signature.encode("utf-8")) > MAX_SIGNATURE_BYTES or signature == "":
        return False
    if algorithm in ("hmac-sm3", "hmac-sha256"):
        expected = _hmac(algorithm, key, text)
        return hmac.compare_digest(expected.encode(), signature.encode("utf-8"))
    if algorithm == "sm2-sm3":
        pk = key if isinstance(key, SM2Key) else load_sm2_key(key)
        rs = decode_sm2_signature(signature)
        return rs is not None and sm2_verify_raw(pk, text, *rs)
    raise SigningError(f"unknown signing algorithm {algorithm!r}")


def sign(algorithm: str, key, *, method: str, target: str, access_id: str | None,
         token: str | None, timestamp: str, nonce: str, body: bytes | None,
         sm2_k: int | None = None) -> str:
    text = canonical_text(algorithm, method, target, access_id, token, timestamp, nonce, body)
    return sign_text(algorithm, key, text, sm2_k)


def verify(algorithm: str, key, signature, *, method: str, target: str, access_id: str | None,
           token: str | None, timestamp: str, nonce: str, body: bytes | None) -> bool:
    try:
        text = canonical_text(algorithm, method, target, access_id, token, timestamp, nonce, body)
    except SigningError:
        return False
    return verify_text(algorithm, key, text, signature)


def new_nonce(length: int = 32) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
    return "".join(secrets.choice(alphabet) for _ in range(length))


# --------------------------------------------------------------------------- a reference receiver

@dataclass
class Verdict:
    ok: bool
    condition: str | None = None   # invalid-signature | expired-request | invalid-request | unavailable
    detail: str | None = None


@dataclass
class Receiver:
    """The receiver's order of checks (docs/signing.md, "Receivers"). Times in milliseconds.

    headers: a dict with lower-case names. Returns a Verdict; on success the nonce is recorded.
    """
    algorithm: str
    key: object
    signature_header: str = "x-signature"
    access_id_header: str = "x-access-id"
    token_header: str = "x-access-token"
    window_ms: int = 300_000
    skew_ms: int = 60_000
    nonce_memory_bytes: int = 1 << 20
    envelope: str = "plain"
    _nonces: dict = field(default_factory=dict)   # nonce -> timestamp
    _used: int = 0

    def _cost(self, nonce: str) -> int:
        return len(nonce) + 16

    def _expire(self, now_ms: int) -> None:
        for n, ts in list(self._nonces.items()):
            if ts < now_ms - self.window_ms:
                del self._nonces[n]
                self._used -= self._cost(n)

    def check(self, method: str, target: str, headers: dict, body: bytes, now_ms: int) -> Verdict:
        h = {k.lower(): v for k, v in headers.items()}
        sig = h.get(self.signature_header.lower())
        ts = h.get("x-timestamp")
        nonce = h.get("x-nonce")
        if sig is None or sig == "" or len(sig.encode("utf-8")) > MAX_SIGNATURE_BYTES:
            return Verdict(False, "invalid-signature", "the signature is missing or too long")
        if ts is None or not TIMESTAMP_RE.fullmatch(ts):
            return Verdict(False, "expired-request", "the timestamp is missing or not 1 to 15 digits")
        if nonce is None or not NONCE_RE.fullmatch(nonce):
            return Verdict(False, "expired-request", "the nonce is missing or malformed")
        aid = h.get(self.access_id_header.lower())
        tok = h.get(self.token_header.lower())
        for name, v in (("access id", aid or ""), ("token", tok or ""), ("target", target)):
            if _CONTROL_RE.search(v):
                return Verdict(False, "invalid-request", f"the {name} contains a control character")
        if not verify(self.algorithm, self.key, sig, method=method, target=target,
                      access_id=aid, token=tok, timestamp=ts, nonce=nonce, body=body):
            return Verdict(False, "invalid-signature", "the signature does not verify")
        t = int(ts)
        if t < now_ms - self.window_ms:
            return Verdict(False, "expired-request", "the timestamp is too old")
        if t > now_ms + self.skew_ms:
            return Verdict(False, "expired-request", "the timestamp is in the future")
        self._expire(now_ms)
        if nonce in self._nonces:
            return Verdict(False, "expired-request", "the nonce was already used")
        if self._used + self._cost(nonce) > self.nonce_memory_bytes:
            return Verdict(False, "unavailable", "nonce memory is full")
        self._nonces[nonce] = t          # recorded once signed and fresh, whatever follows
        self._used += self._cost(nonce)
        if self.envelope == "head-data" and body:
            import json
            try:
                head = json.loads(body).get("head")
            except (ValueError, AttributeError):
                return Verdict(False, "invalid-request", "the body is not a head-data object")
            if not isinstance(head, dict):
                return Verdict(False, "invalid-request", "the body has no head object")
            for k, v in (("timestamp", ts), ("nonce", nonce)):
                hv = head.get(k)
                if isinstance(hv, bool) or not (hv is None or isinstance(hv, (str, int))) \
                        or (hv is not None and str(hv) != v):
                    return Verdict(False, "invalid-request", f"head.{k} differs from the header")
        return Verdict(True)
