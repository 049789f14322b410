#!/usr/bin/env python3
"""How long `accessc lsp` takes from an edit to the diagnostics of a 1 MB contract.

    Benchmarks/lsp.py                       # build accessc (release), 40 edits
    EDITS=100 ACCESSC=.build/release/accessc Benchmarks/lsp.py
    LSP_WORKSPACE=bench-out/national-300 LSP_FILE=regions/anhui/hefei/anhui-hefei-c1.yaml Benchmarks/lsp.py

It writes a synthetic workspace with synthesize.py (one department of about 1 MiB beside the
hub, in bench-out/lsp-ws; kept while synthesize.py is unchanged), starts `accessc lsp`,
initializes it with the workspace as root, opens the department's contract, then sends
`textDocument/didChange` edits one at a time, each an incremental change that alternately
breaks an operation's method (`POST` -> `POSTX`, an error) and mends it, and measures the wall
time from writing the edit to reading the `textDocument/publishDiagnostics` for that version.
Each edit waits for its diagnostics, so no two edits are coalesced into one compile (the server
has no timed debounce: edits that arrive during a compile are taken together by the next one).
With LSP_WORKSPACE and LSP_FILE it edits that file of that workspace instead (a county of the
national benchmark's workspace, Benchmarks/national.py, measures an edit among thousands of files).
Prints the time to first diagnostics after didOpen and the median and p90 per edit; exit
status 1 when a diagnostic is missing or wrong.
"""

import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OPERATIONS = 420  # about 1.05 MiB of contract


def build():
    accessc = os.environ.get("ACCESSC")
    if accessc:
        return accessc
    subprocess.run(["swift", "build", "-c", "release", "--product", "accessc"], cwd=ROOT, check=True, stdout=sys.stderr)
    return os.path.join(ROOT, ".build", "release", "accessc")


def workspace():
    out = os.path.join(os.environ.get("BENCH_OUT", os.path.join(ROOT, "bench-out")), "lsp-ws")
    stamp = os.path.join(out, ".synthesized")
    key = f"{OPERATIONS} {os.path.getmtime(os.path.join(HERE, 'synthesize.py'))}"
    if not (os.path.exists(stamp) and open(stamp).read() == key):
        subprocess.run([sys.executable, os.path.join(HERE, "synthesize.py"), "--operations", str(OPERATIONS), "--out", out, "--no-verify"],
                       check=True, stdout=sys.stderr)
        with open(stamp, "w") as handle:
            handle.write(key)
    return out


class Client:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method, params, request=False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("lsp.py: the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def wait_for_diagnostics(self, uri, version):
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params["uri"] == uri and params.get("version") == version:
                return params["diagnostics"]


def main():
    accessc = build()
    root = os.environ.get("LSP_WORKSPACE") or workspace()
    path = os.path.join(root, os.environ.get("LSP_FILE", "dept-0001.yaml"))
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    line = next(index for index, content in enumerate(lines) if content.strip().startswith("method: "))
    column = len(lines[line].rstrip())
    uri = "file://" + os.path.abspath(path)

    client = Client([accessc, "lsp"])
    client.send("initialize", {"processId": os.getpid(), "rootUri": "file://" + os.path.abspath(root), "capabilities": {}}, request=True)
    client.receive()
    client.send("initialized", {})
    started = time.perf_counter()
    client.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    if client.wait_for_diagnostics(uri, 1):
        raise SystemExit("lsp.py: the synthetic contract has diagnostics")
    opened = time.perf_counter() - started

    timings = []
    edits = int(os.environ.get("EDITS", "40"))
    for version in range(2, edits + 2):
        breaking = version % 2 == 0
        start, end = ({"line": line, "character": column}, {"line": line, "character": column + (0 if breaking else 1)})
        change = {"range": {"start": start, "end": end}, "text": "X" if breaking else ""}
        started = time.perf_counter()
        client.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        diagnostics = client.wait_for_diagnostics(uri, version)
        timings.append(time.perf_counter() - started)
        if breaking != bool(diagnostics) or (breaking and diagnostics[0]["range"]["start"]["line"] != line):
            raise SystemExit(f"lsp.py: edit {version} gave {diagnostics}")

    client.send("shutdown", None, request=True)
    client.receive()
    client.send("exit", None)
    client.process.wait(timeout=10)

    timings.sort()
    p90 = timings[min(len(timings) - 1, int(round(0.9 * len(timings))) - 1)]
    size = os.path.getsize(path) / (1 << 20)
    files = sum(name.endswith(".yaml") for _, _, names in os.walk(root) for name in names)
    print(f"contract: {size:.2f} MiB in a workspace of {files} files; server: {accessc}")
    print(f"didOpen to diagnostics: {opened * 1000:.0f} ms")
    print(f"didChange to diagnostics over {len(timings)} edits: median {statistics.median(timings) * 1000:.0f} ms, "
          f"p90 {p90 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
