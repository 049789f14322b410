#!/usr/bin/env bash
# How fast diagnostics render: `accessc check` of a workspace with N errors (10,000 by default),
# once as text (every diagnostic printed, with its excerpt and fix-it) and once as JSON, beside
# the same check printing only one error, which is the cost of compiling without rendering.
# The target: the text run takes at most 2x the JSON run. See README.md.
#
# Environment:
#   ERRORS=10000      diagnostics in the workspace
#   PER_FILE=10000    of them in each file (one file of 50,000 lines by default: the case where
#                     a renderer that rescans the file per excerpt is quadratic)
#   RUNS=3            timed runs of each; the best is reported
#   BENCH_OUT=DIR     scratch folder (default: <repo>/bench-out, gitignored)
#   ACCESSC=PATH      use this accessc binary instead of building one (release)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ERRORS="${ERRORS:-10000}"
PER_FILE="${PER_FILE:-10000}"
RUNS="${RUNS:-3}"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
say() { printf '%s\n' "$*" >&2; }

if [ -z "${ACCESSC:-}" ]; then
    say "building accessc (release)"
    (cd "$ROOT" && swift build -c release --product accessc >/dev/null)
    ACCESSC="$ROOT/.build/release/accessc"
fi

# A workspace of shared type files, each with 100 fields whose `type` key is misspelt `tpye`:
# one L001 error each, with an excerpt and a fix-it, on lines spread through the files.
WS="$OUT/diagnostics-ws-$ERRORS-$PER_FILE"
if [ ! -f "$WS/.made" ]; then
    rm -rf "$WS"
    python3 - "$WS" "$ERRORS" "$PER_FILE" <<'PY'
import pathlib, sys
root, errors, per_file = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
root.mkdir(parents=True)
for index in range((errors + per_file - 1) // per_file):
    count = min(per_file, errors - index * per_file)
    lines = ["accessSpec: 1", "types:"]
    for record in range(count):
        lines += [f"  Record{record}:", "    description: 一个用于衡量诊断输出速度的记录类型", "    fields:",
                  "      holderName: { type: string, maxLength: 50 }",
                  f"      field{record}: {{ tpye: string, description: 字段 {record} }}"]
    (root / f"types-{index:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
PY
    touch "$WS/.made"
fi

measure() {  # prints "wall cpu" of the best run (by wall time) of the command, output discarded
    python3 - "$RUNS" "$@" <<'PY'
import os, resource, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if best is None or wall < best[0]:
        best = (wall, cpu)
print(f"{best[0]:.3f} {best[1]:.3f}")
PY
}

count=$("$ACCESSC" check "$WS" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))' || true)
say "workspace: $WS ($count diagnostics)"
read -r floor_wall floor_cpu < <(measure "$ACCESSC" check "$WS" --max-errors 1)
read -r text_wall text_cpu < <(measure "$ACCESSC" check "$WS" --max-errors 0)
read -r json_wall json_cpu < <(measure "$ACCESSC" check "$WS" --format json)
python3 - "$count" "$floor_wall" "$floor_cpu" "$text_wall" "$text_cpu" "$json_wall" "$json_cpu" <<'PY'
import sys
count = int(sys.argv[1])
floor_wall, floor_cpu, text_wall, text_cpu, json_wall, json_cpu = map(float, sys.argv[2:])
print(f"| run | wall s | CPU s |\n|---|---:|---:|")
print(f"| check, one error printed (compile only) | {floor_wall:.3f} | {floor_cpu:.3f} |")
print(f"| check, {count} errors as text | {text_wall:.3f} | {text_cpu:.3f} |")
print(f"| check, {count} errors as JSON | {json_wall:.3f} | {json_cpu:.3f} |")
print()
print(f"text / JSON: {text_wall / json_wall:.2f}x wall, {text_cpu / json_cpu:.2f}x CPU (target: at most 2x)")
render_text, render_json = text_cpu - floor_cpu, json_cpu - floor_cpu
if render_json > 0.005:
    print(f"rendering alone (CPU above the compile-only run): text {render_text:.3f} s, JSON {render_json:.3f} s, {render_text / render_json:.2f}x")
PY
