"""pytest: docs/signing-vectors.json against the Python implementation and the openssl CLI."""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import accessspec_signing as S  # noqa: E402
import make_signing_vectors as M  # noqa: E402

VECTORS_PATH = os.path.join(os.path.dirname(os.path.dirname(HERE)), "docs", "signing-vectors.json")
with open(VECTORS_PATH, encoding="utf-8") as _f:
    DOC = json.load(_f)
KEYS = DOC["keys"]
POSITIVE = DOC["vectors"]
NEGATIVE = DOC["negativeVectors"]
HMAC_VECTORS = [v for v in POSITIVE if v["algorithm"] != "sm2-sm3"]
SM2_VECTORS = [v for v in POSITIVE if v["algorithm"] == "sm2-sm3"]
OPENSSL = shutil.which("openssl")


def _key(alg: str, public: bool = True) -> str:
    if alg == "sm2-sm3":
        return KEYS["sm2PublicKeyPem"] if public else KEYS["sm2PrivateKeyPem"]
    return KEYS["hmacSecret"]


def _text(v) -> bytes:
    i = v["input"]
    return S.canonical_text(v["algorithm"], i["method"], i["target"], i["accessId"], i["token"],
                            i["timestamp"], i["nonce"], bytes.fromhex(i["bodyHex"]))


def _hmac_gmssl(key: bytes, msg: bytes) -> str:
    """HMAC (RFC 2104) over gmssl's pure-Python SM3: an independent cross-check of hashlib."""
    block = 64
    if len(key) > block:
        key = S.sm3_gmssl(key)
    key = key.ljust(block, b"\0")
    inner = S.sm3_gmssl(bytes(b ^ 0x36 for b in key) + msg)
    return S.sm3_gmssl(bytes(b ^ 0x5C for b in key) + inner).hex()


def test_file_is_up_to_date():
    assert M.render() == open(VECTORS_PATH, encoding="utf-8").read()


def test_primitives():
    assert S.sm3(b"abc").hex() == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
    assert S.sm3(b"abcd" * 16).hex() == \
        "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
    assert S.sm3_gmssl(b"abc") == S.sm3(b"abc")
    assert DOC["primitives"]["sm3('abc')"] == S.sm3(b"abc").hex()


@pytest.mark.parametrize("v", POSITIVE, ids=lambda v: v["name"])
def test_canonical_text(v):
    text = _text(v)
    assert text.hex() == v["canonicalTextHex"]
    assert text.decode("utf-8") == v["canonicalText"]
    lines = text.split(b"\n")
    assert len(lines) == 8 and lines[0] == b"ACCESSSPEC-SIGN-1" and not text.endswith(b"\n")
    assert lines[7].decode() == v["bodyDigest"]
    body = bytes.fromhex(v["input"]["bodyHex"])
    assert v["input"]["body"].encode("utf-8") == body
    ref = hashlib.sha256(body) if v["algorithm"] == "hmac-sha256" else hashlib.new("sm3", body)
    assert v["bodyDigest"] == ref.hexdigest()
    i = v["input"]
    assert i["target"] == S.request_target(i["baseUrl"], i["path"], i["query"])
    assert i["headers"].get("X-Access-Id", "") == i["accessId"]
    assert i["headers"].get("X-Access-Token", "") == i["token"]


@pytest.mark.parametrize("v", HMAC_VECTORS, ids=lambda v: v["name"])
def test_hmac_vectors_byte_exact(v):
    text = _text(v)
    i = v["input"]
    sig = S.sign(v["algorithm"], KEYS["hmacSecret"], method=i["method"], target=i["target"],
                 access_id=i["accessId"], token=i["token"], timestamp=i["timestamp"],
                 nonce=i["nonce"], body=bytes.fromhex(i["bodyHex"]))
    assert sig == v["signature"]
    assert S.verify_text(v["algorithm"], KEYS["hmacSecret"], text, v["signature"])
    if v["algorithm"] == "hmac-sm3":
        assert _hmac_gmssl(KEYS["hmacSecret"].encode(), text) == v["signature"]


@pytest.mark.skipif(OPENSSL is None, reason="no openssl CLI")
@pytest.mark.parametrize("v", HMAC_VECTORS, ids=lambda v: v["name"])
def test_hmac_vectors_with_openssl(v):
    md = "-sm3" if v["algorithm"] == "hmac-sm3" else "-sha256"
    out = subprocess.run([OPENSSL, "dgst", md, "-hmac", KEYS["hmacSecret"], "-r"],
                         input=_text(v), capture_output=True, check=True).stdout.decode()
    assert out.split()[0] == v["signature"]


@pytest.mark.parametrize("v", SM2_VECTORS, ids=lambda v: v["name"])
def test_sm2_vectors_verify(v):
    text = _text(v)
    pub = S.load_sm2_key(KEYS["sm2PublicKeyPem"])
    assert S.sm2_z(pub).hex() == KEYS["sm2Z"]
    assert S.sm2_e(pub, text).hex() == v["sm3Digest"]
    # gmssl's own Z || M digest agrees with ours
    from gmssl import sm2 as gsm2
    c = gsm2.CryptSM2(private_key="", public_key=pub.public_hex)
    assert c._sm3_z(text) == v["sm3Digest"]
    assert S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, v["signature"])
    # a private PEM is reduced to its public half
    assert S.verify_text("sm2-sm3", KEYS["sm2PrivateKeyPem"], text, v["signature"])
    # gmssl's verifier (raw r||s hex) agrees
    r, s = S.decode_sm2_signature(v["signature"])
    assert c.verify("%064x%064x" % (r, s), bytes.fromhex(v["sm3Digest"]))


@pytest.mark.parametrize("v", NEGATIVE, ids=lambda v: v["name"])
def test_negative_vectors_do_not_verify(v):
    text = _text(v)
    assert text.hex() == v["canonicalTextHex"]
    assert not S.verify_text(v["algorithm"], _key(v["algorithm"]), text, v["signature"])


def test_sm2_signature_encoding_is_strict():
    v = SM2_VECTORS[0]
    text = _text(v)
    raw = base64.b64decode(v["signature"])
    assert S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, v["signature"])
    assert not S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, v["signature"].rstrip("="))
    assert not S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text,
                             base64.urlsafe_b64encode(raw).decode() + " ")
    r, s = S.decode_sm2_signature(v["signature"])
    raw_rs = base64.b64encode(r.to_bytes(32, "big") + s.to_bytes(32, "big")).decode()
    assert not S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, raw_rs)  # r||s is not DER
    n_minus_s = base64.b64encode(S._der_sig(r, S.SM2_N - s)).decode()
    assert not S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, n_minus_s)


def _openssl(args, **kw):
    return subprocess.run([OPENSSL, *args], capture_output=True, **kw)


@pytest.mark.skipif(OPENSSL is None, reason="no openssl CLI")
@pytest.mark.parametrize("v", SM2_VECTORS, ids=lambda v: v["name"])
def test_sm2_vectors_with_openssl(v, tmp_path):
    (tmp_path / "pub.pem").write_text(KEYS["sm2PublicKeyPem"])
    (tmp_path / "priv.pem").write_text(KEYS["sm2PrivateKeyPem"])
    (tmp_path / "msg").write_bytes(_text(v))
    (tmp_path / "sig").write_bytes(base64.b64decode(v["signature"]))
    base = ["pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin",
            "-inkey", str(tmp_path / "pub.pem"), "-in", str(tmp_path / "msg"),
            "-sigfile", str(tmp_path / "sig")]
    ok = _openssl(base + ["-pkeyopt", "distid:1234567812345678"])
    assert ok.returncode == 0, ok.stderr
    # OpenSSL 3.0 without distid uses an EMPTY user id, so the same signature must fail there
    assert _openssl(base).returncode != 0
    # openssl signs, we verify
    out = tmp_path / "osig"
    r = _openssl(["pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey",
                  str(tmp_path / "priv.pem"), "-in", str(tmp_path / "msg"), "-out", str(out),
                  "-pkeyopt", "distid:1234567812345678"])
    assert r.returncode == 0, r.stderr
    osig = base64.b64encode(out.read_bytes()).decode()
    assert S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], _text(v), osig)
    # we sign (random k), openssl verifies
    mine = S.sign_text("sm2-sm3", KEYS["sm2PrivateKeyPem"], _text(v))
    (tmp_path / "sig").write_bytes(base64.b64decode(mine))
    assert _openssl(base + ["-pkeyopt", "distid:1234567812345678"]).returncode == 0
    # the openssl dgst front end takes the id as -sigopt
    (tmp_path / "sig").write_bytes(base64.b64decode(v["signature"]))
    d = _openssl(["dgst", "-sm3", "-verify", str(tmp_path / "pub.pem"), "-sigopt",
                  "distid:1234567812345678", "-signature", str(tmp_path / "sig"),
                  str(tmp_path / "msg")])
    assert d.returncode == 0, d.stderr


@pytest.mark.skipif(OPENSSL is None, reason="no openssl CLI")
def test_openssl_derives_the_same_public_key(tmp_path):
    (tmp_path / "priv.pem").write_text(KEYS["sm2PrivateKeyPem"])
    r = _openssl(["pkey", "-in", str(tmp_path / "priv.pem"), "-pubout"], text=True)
    assert r.stdout == KEYS["sm2PublicKeyPem"]
    assert S.sm2_public_pem(S.load_sm2_key(KEYS["sm2PrivateKeyPem"])) == KEYS["sm2PublicKeyPem"]


# ------------------------------------------------------------------ canonical text rules

@pytest.mark.parametrize("field", ["target", "access_id", "token", "timestamp", "nonce"])
@pytest.mark.parametrize("bad", ["\n", "\r", "\x00", "\x1f", "\x7f", "\t"])
def test_control_characters_are_refused(field, bad):
    args = dict(method="POST", target="/a", access_id="id", token="t",
                timestamp="1", nonce="0123456789abcdef", body=b"{}")
    args[field] = args[field] + bad
    with pytest.raises(S.SigningError):
        S.canonical_text("hmac-sm3", args["method"], args["target"], args["access_id"],
                         args["token"], args["timestamp"], args["nonce"], args["body"])
    assert not S.verify("hmac-sm3", "k", "00", **args)


def test_method_and_target_rules():
    with pytest.raises(S.SigningError):
        S.canonical_text("hmac-sm3", "post", "/a", "", "", "1", "n" * 16, b"")
    with pytest.raises(S.SigningError):
        S.canonical_text("hmac-sm3", "POST", "https://h/a", "", "", "1", "n" * 16, b"")
    assert S.request_target("https://h/api", "/license/v1/x") == "/api/license/v1/x"
    assert S.request_target("https://h/api/", "/license/v1/x", "a=1") == "/api/license/v1/x?a=1"
    assert S.request_target("https://h", "/x") == "/x"
    t = S.canonical_text("hmac-sha256", "GET", "/x", None, None, "1", "n" * 16, b"")
    assert t == ("ACCESSSPEC-SIGN-1\nGET\n/x\n\n\n1\n" + "n" * 16 + "\n"
                 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").encode()


# ------------------------------------------------------------------ the reference receiver

def _signed(alg, key, ts, nonce, body=b'{"a":1}', target="/api/x"):
    headers = {"X-Timestamp": ts, "X-Nonce": nonce, "X-Access-Id": "id", "X-Access-Token": "tk"}
    headers["X-Signature"] = S.sign(alg, key, method="POST", target=target, access_id="id",
                                    token="tk", timestamp=ts, nonce=nonce, body=body)
    return headers


def test_receiver_order_and_conditions():
    now = 1_764_590_400_000
    rx = S.Receiver("hmac-sm3", "k")
    h = _signed("hmac-sm3", "k", str(now), "a" * 16)
    assert rx.check("POST", "/api/x", h, b'{"a":1}', now).ok
    assert rx.check("POST", "/api/x", h, b'{"a":1}', now).condition == "expired-request"  # replay
    assert rx.check("POST", "/api/x", h, b'{"a":2}', now).condition == "invalid-signature"
    h2 = dict(h, **{"X-Nonce": "b" * 16})
    assert rx.check("POST", "/api/x", h2, b'{"a":1}', now).condition == "invalid-signature"
    no_sig = {k: v for k, v in _signed("hmac-sm3", "k", str(now), "c" * 16).items()
              if k != "X-Signature"}
    assert rx.check("POST", "/api/x", no_sig, b'{"a":1}', now).condition == "invalid-signature"
    stale = _signed("hmac-sm3", "k", str(now - 300_001), "d" * 16)
    assert rx.check("POST", "/api/x", stale, b'{"a":1}', now).condition == "expired-request"
    edge = _signed("hmac-sm3", "k", str(now - 300_000), "e" * 16)
    assert rx.check("POST", "/api/x", edge, b'{"a":1}', now).ok
    future = _signed("hmac-sm3", "k", str(now + 60_001), "f" * 16)
    assert rx.check("POST", "/api/x", future, b'{"a":1}', now).condition == "expired-request"
    fedge = _signed("hmac-sm3", "k", str(now + 60_000), "g" * 16)
    assert rx.check("POST", "/api/x", fedge, b'{"a":1}', now).ok
    short = _signed("hmac-sm3", "k", str(now), "h" * 15)
    assert rx.check("POST", "/api/x", short, b'{"a":1}', now).condition == "expired-request"
    sign = _signed("hmac-sm3", "k", "+" + str(now), "i" * 16)
    assert rx.check("POST", "/api/x", sign, b'{"a":1}', now).condition == "expired-request"
    long_sig = dict(_signed("hmac-sm3", "k", str(now), "j" * 16), **{"X-Signature": "a" * 1025})
    assert rx.check("POST", "/api/x", long_sig, b'{"a":1}', now).condition == "invalid-signature"


def test_receiver_fails_closed_when_nonce_memory_is_full():
    now = 1_764_590_400_000
    rx = S.Receiver("hmac-sha256", "k", nonce_memory_bytes=2 * (16 + 16))
    for i, expect in enumerate([None, None, "unavailable"]):
        h = _signed("hmac-sha256", "k", str(now), f"{i:016d}")
        assert rx.check("POST", "/api/x", h, b'{"a":1}', now).condition == expect
    # once the first nonces leave the window, memory is free again
    later = now + 300_001
    h = _signed("hmac-sha256", "k", str(later), "z" * 16)
    assert rx.check("POST", "/api/x", h, b'{"a":1}', later).ok


def test_receiver_head_data_must_match_headers():
    now = 1_764_590_400_000
    rx = S.Receiver("hmac-sm3", "k", envelope="head-data")
    body = json.dumps({"head": {"accessId": "id", "timestamp": str(now), "nonce": "x" * 16},
                       "data": {}}).encode()
    h = _signed("hmac-sm3", "k", str(now), "x" * 16, body=body)
    assert rx.check("POST", "/api/x", h, body, now).ok
    body2 = json.dumps({"head": {"timestamp": str(now - 1), "nonce": "y" * 16}}).encode()
    h2 = _signed("hmac-sm3", "k", str(now), "y" * 16, body=body2)
    assert rx.check("POST", "/api/x", h2, body2, now).condition == "invalid-request"
