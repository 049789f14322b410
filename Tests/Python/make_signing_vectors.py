#!/usr/bin/env python3
"""Write docs/signing-vectors.json (deterministic: same script, same bytes).

    python3 Tests/Python/make_signing_vectors.py            # writes docs/signing-vectors.json
    python3 Tests/Python/make_signing_vectors.py --check    # exit 1 when the file is stale

The keys below are TEST KEYS, published on purpose; never use them anywhere else.
SM2 signatures are randomised in general; here the per-signature k is derived from the key and
the message (HMAC-SM3) only so that this file is reproducible. Implementations must treat the
SM2 vectors as verify-only.
"""
from __future__ import annotations

import hmac
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import accessspec_signing as S  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "docs", "signing-vectors.json")

HMAC_SECRET = "accessspec-test-secret-0123456789abcdef"

SM2_PRIVATE_PEM = """-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgX1yPKhXH39JY6Zrb
n7uIILWeu/5VxqwMIJpiblDO9UehRANCAARp7AuJZHFXRxqc7jF49WL0SACSXRga
FMKMmI+0rl/jMQ3BKEqUySUuh7CekBhlfqklmZ/n8sBGc4mG0N1Z8bZy
-----END PRIVATE KEY-----
"""
SM2_PUBLIC_PEM = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAEaewLiWRxV0canO4xePVi9EgAkl0Y
GhTCjJiPtK5f4zENwShKlMklLoewnpAYZX6pJZmf5/LARnOJhtDdWfG2cg==
-----END PUBLIC KEY-----
"""

TS = "1764590400000"          # 2025-12-01T12:00:00.000Z
LICENSE_ID = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"


def _compact(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# Each request: what a client sends. "headers" lists the signing-relevant headers as sent
# (absent headers are left out); "body" is the body text (UTF-8) exactly as sent.
REQUESTS = [
    {
        "name": "post-json-plain",
        "description": "plain envelope, POST with a JSON body, access id and token headers",
        "envelope": "plain",
        "method": "POST",
        "baseUrl": "https://gov.example.cn",
        "path": "/license/v1/verify",
        "query": None,
        "accessId": "sd-platform-001",
        "token": "tok_8f14e45fceea167a5a36dedd4bea2543",
        "nonce": "n0nce-post-json-plain-0001",
        "body": _compact({"certNo": LICENSE_ID, "holderCode": "11010519491231002X",
                          "useCause": "business"}),
    },
    {
        "name": "get-query-basepath-no-token",
        "description": "GET with a base path and a percent-encoded query, access id, no token",
        "envelope": "plain",
        "method": "GET",
        "baseUrl": "https://gov.example.cn/gateway/v2/",
        "path": "/items/v1/items",
        "query": "areaCode=370000&name=%E5%BC%80%E5%8A%9E&tag=a&tag=b&page=2",
        "accessId": "sd-platform-001",
        "token": None,
        "nonce": "Zx9_Qm-3kLpA7vTt",
        "body": b"",
    },
    {
        "name": "head-data-post",
        "description": "head-data envelope, POST: credentials, timestamp and nonce in body.head, "
                       "no access-id or token header",
        "envelope": "head-data",
        "method": "POST",
        "baseUrl": "https://zwfw.example.gov.cn/api",
        "path": "/license/v1/download-address",
        "query": None,
        "accessId": None,
        "token": None,
        "nonce": "hd0123456789abcdefABCDEF_-xyz",
        "body": _compact({"head": {"accessId": "hf-license-007",
                                   "accessToken": "AT-2f1e0d9c8b7a6954",
                                   "timestamp": TS,
                                   "nonce": "hd0123456789abcdefABCDEF_-xyz"},
                          "data": {"certIdentifier": LICENSE_ID, "useCause": "企业开办",
                                   "expiry": 3600}}),
    },
    {
        "name": "delete-with-query",
        "description": "DELETE with a query, access id and token, empty body",
        "envelope": "plain",
        "method": "DELETE",
        "baseUrl": "https://gov.example.cn/api",
        "path": "/items/v1/items/370100000000ABC",
        "query": "reason=obsolete",
        "accessId": "sd-platform-001",
        "token": "tok_8f14e45fceea167a5a36dedd4bea2543",
        "nonce": "0000000000000000",
        "body": b"",
    },
    {
        "name": "put-non-ascii-body",
        "description": "PUT with a JSON body holding Chinese text and a combining mark, "
                       "sent as UTF-8 (not \\u-escaped)",
        "envelope": "plain",
        "method": "PUT",
        "baseUrl": "https://gov.example.cn/api",
        "path": "/portal/v1/complaints/42",
        "query": None,
        "accessId": "sd-platform-001",
        "token": "tok_8f14e45fceea167a5a36dedd4bea2543",
        "nonce": "complaint-42-update-nonce-0000000000000000000000000000000000000000"[:64],
        "body": _compact({"title": "办事指南与实际不符", "content": "窗口要求额外材料；cafe\u0301",
                          "contact": "13800138000"}),
    },
]

TAMPERS = [
    ("accessId", "the access id header is changed after signing"),
    ("target", "the request target is changed after signing (path segment)"),
    ("body", "one byte of the body is changed after signing"),
]


def _deterministic_k(key: S.SM2Key, text: bytes) -> int:
    mac = hmac.new(key.private.to_bytes(32, "big"), S.sm2_e(key, text), "sm3").digest()
    return int.from_bytes(mac, "big") % (S.SM2_N - 1) + 1


def _inputs(req) -> dict:
    body = req["body"] if isinstance(req["body"], bytes) else req["body"]
    target = S.request_target(req["baseUrl"], req["path"], req["query"])
    headers = {"X-Timestamp": TS, "X-Nonce": req["nonce"]}
    if req["accessId"] is not None:
        headers["X-Access-Id"] = req["accessId"]
    if req["token"] is not None:
        headers["X-Access-Token"] = req["token"]
    return {
        "envelope": req["envelope"],
        "method": req["method"],
        "baseUrl": req["baseUrl"],
        "path": req["path"],
        "query": req["query"],
        "target": target,
        "headers": headers,
        "accessId": req["accessId"] or "",
        "token": req["token"] or "",
        "timestamp": TS,
        "nonce": req["nonce"],
        "body": body.decode("utf-8"),
        "bodyHex": body.hex(),
    }


def _text(alg: str, inp: dict) -> bytes:
    return S.canonical_text(alg, inp["method"], inp["target"], inp["accessId"], inp["token"],
                            inp["timestamp"], inp["nonce"], bytes.fromhex(inp["bodyHex"]))


def _tampered(inp: dict, what: str) -> dict:
    t = json.loads(json.dumps(inp))
    if what == "accessId":
        t["accessId"] = (t["accessId"] or "") + "x"
        t["headers"]["X-Access-Id"] = t["accessId"]
    elif what == "target":
        t["target"] = t["target"].replace("/v1/", "/v2/", 1)
        t["path"] = t["path"].replace("/v1/", "/v2/", 1)
    elif what == "body":
        b = bytearray(bytes.fromhex(t["bodyHex"]) or b" ")
        b[len(b) // 2] ^= 0x01
        t["bodyHex"] = bytes(b).hex()
        t["body"] = bytes(b).decode("utf-8", errors="replace")
    return t


def build() -> dict:
    sm2 = S.load_sm2_key(SM2_PRIVATE_PEM)
    assert S.sm2_public_pem(sm2) == SM2_PUBLIC_PEM
    keys = {"hmac-sm3": HMAC_SECRET, "hmac-sha256": HMAC_SECRET, "sm2-sm3": SM2_PRIVATE_PEM}
    vectors, negatives = [], []
    for req in REQUESTS:
        inp = _inputs(req)
        for alg in S.ALGORITHMS:
            text = _text(alg, inp)
            k = _deterministic_k(sm2, text) if alg == "sm2-sm3" else None
            sig = S.sign_text(alg, keys[alg], text, sm2_k=k)
            v = {
                "name": f"{req['name']}/{alg}",
                "description": req["description"],
                "algorithm": alg,
                "input": inp,
                "bodyDigest": S.body_digest(alg, bytes.fromhex(inp["bodyHex"])),
                "canonicalText": text.decode("utf-8"),
                "canonicalTextHex": text.hex(),
                "signature": sig,
                "signatureHeader": "X-Signature",
            }
            if alg == "sm2-sm3":
                v["sm3Digest"] = S.sm2_e(sm2, text).hex()
                v["verifyOnly"] = True
                assert S.verify_text(alg, SM2_PUBLIC_PEM, text, sig)
            vectors.append(v)
            for what, why in TAMPERS:
                t = _tampered(inp, what)
                ttext = _text(alg, t)
                assert ttext != text
                assert not S.verify_text(alg, SM2_PUBLIC_PEM if alg == "sm2-sm3" else keys[alg],
                                         ttext, sig)
                negatives.append({
                    "name": f"{req['name']}/{alg}/tampered-{what}",
                    "description": why,
                    "algorithm": alg,
                    "input": t,
                    "canonicalText": ttext.decode("utf-8"),
                    "canonicalTextHex": ttext.hex(),
                    "signature": sig,
                    "signatureHeader": "X-Signature",
                    "expect": "does-not-verify",
                })
    return {
        "format": "accessspec-signing-vectors",
        "formatVersion": 1,
        "canonicalTextVersion": S.VERSION_TAG,
        "note": "Test keys, published on purpose. SM2 vectors are verify-only: SM2 signing is "
                "randomised; these signatures used a k derived from the key and message only to "
                "keep the file reproducible. sm3Digest is e = SM3(Z || canonical text).",
        "keys": {
            "hmacSecret": HMAC_SECRET,
            "sm2PrivateKeyPem": SM2_PRIVATE_PEM,
            "sm2PublicKeyPem": SM2_PUBLIC_PEM,
            "sm2PublicKeyHex": "04" + sm2.public_hex,
            "sm2UserId": S.DEFAULT_USER_ID.decode(),
            "sm2Z": S.sm2_z(sm2).hex(),
        },
        "primitives": {
            "sm3('abc')": S.sm3(b"abc").hex(),
            "sm3('')": S.sm3(b"").hex(),
            "sha256('')": S.digest("hmac-sha256", b"").hex(),
        },
        "vectors": vectors,
        "negativeVectors": negatives,
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        try:
            cur = open(OUT, encoding="utf-8").read()
        except FileNotFoundError:
            cur = None
        if cur != text:
            print(f"{OUT} is stale; run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
