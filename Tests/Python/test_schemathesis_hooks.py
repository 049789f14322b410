"""pytest: the schemathesis hooks — format strategies and request signing.

The signer is checked against docs/signing-vectors.json, then end to end: schemathesis sends
requests (through its own before_call dispatch and `requests`) to a small local server that
checks them with accessspec_signing.Receiver and values.py.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from hypothesis import HealthCheck, given, settings, strategies as st

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import accessspec_signing as S  # noqa: E402
import values as V  # noqa: E402
import schemathesis_hooks as H  # noqa: E402

with open(os.path.join(os.path.dirname(os.path.dirname(HERE)), "docs", "signing-vectors.json"),
          encoding="utf-8") as _f:
    DOC = json.load(_f)
KEYS = DOC["keys"]


def _cfg(v, envelope=None, access_id=None, token=None) -> H.SigningConfig:
    alg = v["algorithm"]
    return H.SigningConfig(algorithm=alg,
                           key=KEYS["sm2PrivateKeyPem"] if alg == "sm2-sm3" else KEYS["hmacSecret"],
                           access_id=access_id, token=token,
                           envelope=envelope or v["input"]["envelope"])


def _prepared(i, body: bytes):
    url = i["baseUrl"].rstrip("/") + i["path"] + ("?" + i["query"] if i["query"] else "")
    return requests.Request(i["method"], url, data=body or None,
                            headers={"Content-Type": "application/json"} if body else {}).prepare()


@pytest.mark.parametrize("v", DOC["vectors"], ids=lambda v: v["name"])
def test_hook_signer_reproduces_vectors(v):
    i = v["input"]
    body = bytes.fromhex(i["bodyHex"])
    if i["envelope"] == "head-data":
        doc = json.loads(body)
        head = doc["head"]
        doc["head"] = {"accessId": "placeholder", "nonce": "old"}   # the hook overwrites head
        r = _prepared(i, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
        cfg = _cfg(v, access_id=head["accessId"], token=head["accessToken"])
    else:
        r = _prepared(i, body)
        cfg = _cfg(v, access_id=i["accessId"] or None, token=i["token"] or None)
    H.sign_prepared(r, cfg, timestamp=i["timestamp"], nonce=i["nonce"])
    assert r.path_url == i["target"]
    assert (r.body or b"") == body
    for name in ("X-Timestamp", "X-Nonce", "X-Access-Id", "X-Access-Token"):
        assert r.headers.get(name) == i["headers"].get(name), name
    if int(r.headers.get("Content-Length", "0")) or body:
        assert r.headers["Content-Length"] == str(len(body))
    sig = r.headers["X-Signature"]
    text = bytes.fromhex(v["canonicalTextHex"])
    if v["algorithm"] == "sm2-sm3":
        assert S.verify_text("sm2-sm3", KEYS["sm2PublicKeyPem"], text, sig)
    else:
        assert sig == v["signature"]


def test_signer_replaces_stale_headers_and_encodes_text_bodies():
    r = requests.Request("POST", "https://h/api/x?a=%20b", data="中文".encode(),
                         headers={"X-Signature": "old", "X-Access-Id": "old"}).prepare()
    r.body = "中文"          # a str body must be sent (and signed) as UTF-8
    cfg = H.SigningConfig(algorithm="hmac-sha256", key="k", access_id="me")
    H.sign_prepared(r, cfg, timestamp="1", nonce="n" * 16)
    assert r.body == "中文".encode() and r.headers["Content-Length"] == "6"
    assert r.headers["X-Access-Id"] == "me" and "X-Access-Token" not in r.headers
    assert S.verify("hmac-sha256", "k", r.headers["X-Signature"], method="POST",
                    target="/api/x?a=%20b", access_id="me", token=None, timestamp="1",
                    nonce="n" * 16, body="中文".encode())


def test_head_data_get_uses_headers():
    r = requests.Request("GET", "https://h/api/x?q=1").prepare()
    cfg = H.SigningConfig(algorithm="hmac-sm3", key="k", access_id="me", token="t",
                          envelope="head-data")
    H.sign_prepared(r, cfg, timestamp="5", nonce="m" * 16)
    assert r.headers["X-Access-Id"] == "me" and r.headers["X-Access-Token"] == "t"
    assert r.body is None


def test_config_from_env_rejects_unknown_values():
    with pytest.raises(ValueError):
        H.SigningConfig.from_env({"ACCESSSPEC_SIGNING_ALGORITHM": "md5"})
    with pytest.raises(ValueError):
        H.SigningConfig.from_env({"ACCESSSPEC_ENVELOPE": "soap"})
    c = H.SigningConfig.from_env({"ACCESSSPEC_SIGNATURE_HEADER": "X-Sign"})
    assert c.signature_header == "X-Sign" and c.algorithm is None


# --------------------------------------------------------------------------- strategies

CHECKS = {"uscc": V.is_uscc, "resident-id": V.is_resident_id,
          "division-code": V.is_division_code, "license-id": V.is_license_id,
          "date": V.is_date, "date-time": V.is_datetime}


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_format_strategies_generate_valid_values(fmt):
    @given(H.FORMAT_STRATEGIES[fmt])
    @settings(max_examples=300, deadline=None)
    def run(value):
        assert CHECKS[fmt](value), value
    run()


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_formats_are_registered_with_schemathesis(fmt):
    from schemathesis.specs.openapi.formats import STRING_FORMATS

    @given(STRING_FORMATS[fmt])
    @settings(max_examples=50, deadline=None)
    def run(value):
        assert CHECKS[fmt](str(value)), value
    run()


# --------------------------------------------------------------------------- end to end

SECRET = "e2e-secret"


class _Handler(BaseHTTPRequestHandler):
    receiver: S.Receiver = None
    envelope = "plain"
    log: list = []

    def log_message(self, *a):
        pass

    def _serve(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        headers = {k: v for k, v in self.headers.items()}
        verdict = self.receiver.check(self.command, self.path, headers, body,
                                      int(time.time() * 1000))
        status, payload = 200, {"ok": True}
        if verdict.ok and body:
            data = json.loads(body)
            if self.envelope == "head-data":
                head, data = data["head"], data["data"]
                if head.get("accessId") != "e2e-id" or "X-Access-Id" in self.headers:
                    verdict = S.Verdict(False, "invalid-token", "credentials not in head")
            elif self.headers.get("X-Access-Id") != "e2e-id":
                verdict = S.Verdict(False, "invalid-token", "no access id")
            if verdict.ok:
                for k, check in (("uscc", V.is_uscc), ("rid", V.is_resident_id),
                                 ("lic", V.is_license_id), ("div", V.is_division_code),
                                 ("day", V.is_date), ("at", V.is_datetime)):
                    if not check(data.get(k)):
                        verdict = S.Verdict(False, "invalid-request", f"bad {k}")
        if not verdict.ok:
            status = {"invalid-signature": 401, "expired-request": 401, "invalid-token": 401,
                      "unavailable": 503}.get(verdict.condition, 400)
            payload = {"code": status, "message": verdict.condition, "detail": verdict.detail}
        self.log.append((self.command, self.path, status, payload))
        out = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    do_GET = do_POST = do_DELETE = _serve


def _openapi(envelope):
    fields = {"uscc": {"type": "string", "format": "uscc"},
              "rid": {"type": "string", "format": "resident-id"},
              "lic": {"type": "string", "format": "license-id"},
              "div": {"type": "string", "format": "division-code"},
              "day": {"type": "string", "format": "date"},
              "at": {"type": "string", "format": "date-time"}}
    data = {"type": "object", "additionalProperties": False, "required": sorted(fields),
            "properties": fields}
    body = data if envelope == "plain" else {
        "type": "object", "required": ["head", "data"], "additionalProperties": False,
        "properties": {"head": {"type": "object"}, "data": data}}
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}
    return {
        "openapi": "3.1.0", "info": {"title": "e2e", "version": "1"},
        "paths": {
            "/v1/things": {
                "post": {"operationId": "make", "responses": ok, "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": body}}}},
                "get": {"operationId": "list", "responses": ok, "parameters": [
                    {"name": "q", "in": "query", "required": True,
                     "schema": {"type": "string", "format": "uscc"}}]},
            }},
    }


@pytest.fixture(params=["plain-hmac-sm3", "head-data-sm2-sm3", "plain-hmac-sha256"])
def server(request, monkeypatch):
    envelope, _, alg = request.param.partition("-hmac-") if "hmac" in request.param else \
        request.param.partition("-sm2-")
    alg = "hmac-" + alg if "hmac" in request.param else "sm2-" + alg
    key = KEYS["sm2PrivateKeyPem"] if alg == "sm2-sm3" else SECRET
    verify_key = KEYS["sm2PublicKeyPem"] if alg == "sm2-sm3" else SECRET
    handler = type("H", (_Handler,), {"receiver": S.Receiver(alg, verify_key, envelope=envelope),
                                      "envelope": envelope, "log": []})
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    for k, val in {"ACCESSSPEC_SIGNING_ALGORITHM": alg, "ACCESSSPEC_SIGNING_KEY": key,
                   "ACCESSSPEC_ACCESS_ID": "e2e-id", "ACCESSSPEC_ACCESS_TOKEN": "e2e-token",
                   "ACCESSSPEC_ENVELOPE": envelope}.items():
        monkeypatch.setenv(k, val)
    yield f"http://127.0.0.1:{srv.server_address[1]}/base", handler, envelope
    srv.shutdown()
    srv.server_close()


def test_schemathesis_end_to_end(server):
    import schemathesis
    base_url, handler, envelope = server
    schema = schemathesis.openapi.from_dict(_openapi(envelope))
    post = schema["/v1/things"]["POST"]
    get = schema["/v1/things"]["GET"]

    @given(case=post.as_strategy())
    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    def run_post(case):
        response = case.call(base_url=base_url)
        assert response.status_code == 200, (response.text, case.body)

    @given(case=get.as_strategy())
    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    def run_get(case):
        response = case.call(base_url=base_url)
        assert response.status_code == 200, response.text

    run_post()
    run_get()
    assert handler.log and all(status == 200 for *_, status, _ in handler.log)
    # the query string reached the server as signed (base path included)
    assert any(path.startswith("/base/v1/things?q=") for _, path, *_ in handler.log)
    # an unsigned request is refused by the same server
    r = requests.post(base_url + "/v1/things", json={"x": 1}, timeout=10)
    assert r.status_code == 401 and r.json()["message"] == "invalid-signature"
