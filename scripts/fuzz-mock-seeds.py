#!/usr/bin/env python3
"""Writes the mock harness's seed corpus: one raw HTTP/1.1 request per conformance vector of
generated/tests/*/vectors.json, in the input format of Tests/AccessMockTests/MockFuzzInput.swift
(a byte choosing the platform, a byte of flags, then the request).

Usage: fuzz-mock-seeds.py REPOSITORY OUT_DIR
"""
import hashlib
import json
import os
import sys
import urllib.parse

# Must match MockFuzzPlatforms.choices, .now and .nonce.
CHOICES = [("hefei", False), ("shandong", False), ("national", False), ("anhui", False), ("hefei", True), ("national", True)]
NOW = 1_767_225_600_000
NONCE = "fuzz-nonce-0001"
SIGN, STAMP_NOW, ADD_NONCE, SEND_TWICE = 1, 2, 4, 8


def query_string(fields):
    pairs = []
    for name, value in sorted(fields.items()):
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        pairs.append((name, str(value)))
    return urllib.parse.urlencode(pairs)


def request_bytes(choice, operation, vector, security, head_data):
    fields = dict(vector.get("request") or {}) if isinstance(vector.get("request"), dict) else {}
    path = operation["path"]
    for name in list(fields):
        token = "{" + name + "}"
        if token in path:
            path = path.replace(token, urllib.parse.quote(str(fields.pop(name)), safe=""))
    send = vector.get("send", {})
    method = operation["method"]
    body = b""
    target = path
    if method in ("GET", "DELETE"):
        if fields:
            target += "?" + query_string(fields)
    else:
        payload = fields
        if head_data:
            head = {"accessId": "fuzz-access-id"}
            if send.get("token", True):
                head["accessToken"] = "fuzz-access-token"
            payload = {"head": head, "data": fields}
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    headers = [("Host", "127.0.0.1"), ("Content-Type", "application/json")]
    if not head_data:
        headers.append((security.get("accessIdHeader", "X-Access-Id"), "fuzz-access-id"))
        if send.get("token", True):
            headers.append((security.get("tokenHeader", "X-Access-Token"), "fuzz-access-token"))
    offset = int(send.get("timestampOffsetSeconds", 0)) * 1000
    headers.append(("X-Timestamp", str(NOW + offset)))
    headers.append(("X-Nonce", NONCE))
    flags = 0
    signing = security.get("signing")
    signature = send.get("signature", "valid")
    if signing:
        if signature == "valid":
            flags |= SIGN
        elif signature == "wrong":
            headers.append((signing["header"], "0" * 64))
    if body:
        headers.append(("Content-Length", str(len(body))))
    head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers) + "\r\n"
    return bytes([choice, flags]) + head.encode() + body


def main():
    repository, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    written = 0
    for choice, (platform, head_data) in enumerate(CHOICES):
        path = os.path.join(repository, "generated", "tests", platform, "vectors.json")
        with open(path, encoding="utf-8") as handle:
            file = json.load(handle)
        for operation in file["operations"]:
            for vector in operation.get("vectors", []):
                data = request_bytes(choice, operation, vector, file["security"], head_data)
                variants = [data]
                if vector.get("check") == "valid-request":
                    variants.append(bytes([data[0], data[1] | SEND_TWICE]) + data[2:])
                for variant in variants:
                    name = hashlib.sha1(variant).hexdigest()
                    with open(os.path.join(out, name), "wb") as handle:
                        handle.write(variant)
                    written += 1
    print(f"fuzz-mock-seeds: wrote {written} requests to {out}")


if __name__ == "__main__":
    main()
