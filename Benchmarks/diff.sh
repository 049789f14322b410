#!/usr/bin/env bash
# Benchmarks `accessc diff OLD NEW` against one `accessc check` of OLD, on a synthetic workspace
# (50 MiB by default) and a copy of it with a handful of changes. The target: the diff takes at
# most 2.5x the time of the check. See README.md.
#
# Environment:
#   SIZE=50           workspace size in MiB
#   RUNS=3            timed runs of each; the best wall time is reported
#   BENCH_OUT=DIR     scratch folder (default: <repo>/bench-out, gitignored)
#   ACCESSC=PATH      use this accessc binary instead of building one (release)
#   STRICT=1          exit 2 when the target is missed
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZE="${SIZE:-50}"
RUNS="${RUNS:-3}"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
STRICT="${STRICT:-0}"
SEED="accessspec-bench-1"
say() { printf '%s\n' "$*" >&2; }

if [ -z "${ACCESSC:-}" ]; then
    say "building accessc (release)"
    (cd "$ROOT" && swift build -c release --product accessc >/dev/null)
    ACCESSC="$ROOT/.build/release/accessc"
fi

mkdir -p "$OUT"
OLD="$OUT/diff-ws-${SIZE}mb"
NEW="$OUT/diff-ws-${SIZE}mb-new"
stamp="size=$SIZE seed=$SEED synthesize=$(sha256sum "$HERE/synthesize.py" | cut -d' ' -f1)"
if [ ! -f "$OLD/.synthesized" ] || [ "$(cat "$OLD/.synthesized")" != "$stamp" ]; then
    rm -rf "$OLD"
    python3 "$HERE/synthesize.py" --megabytes "$SIZE" --out "$OLD" --seed "$SEED" --no-verify >&2
    printf '%s' "$stamp" >"$OLD/.synthesized"
fi
# The new version: the old one with a few edits a release might make (a bound tightened, an
# operation's path moved, a summary reworded), so the diff has changes to classify and locate.
rm -rf "$NEW"
cp -r "$OLD" "$NEW"
python3 - "$NEW" <<'PY'
import pathlib, re, sys
files = sorted(pathlib.Path(sys.argv[1]).glob("*.yaml"))
contracts = [f for f in files if f.name != "accessspec.yaml"]
for index, path in enumerate(contracts[:3]):
    text = path.read_text(encoding="utf-8")
    text = text.replace("maxLength: 500", "maxLength: 400", 1)
    text = re.sub(r"(path: /[a-z]+/v1/)", r"\1next/", text, count=1)
    text = re.sub(r"(summary: )(\S+)", r"\1\2（修订）", text, count=1)
    path.write_text(text, encoding="utf-8")
PY

best() {  # best wall-clock seconds of RUNS runs of the command
    python3 - "$RUNS" "$@" <<'PY'
import subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{min(times):.2f}")
PY
}

"$ACCESSC" check "$OLD" >/dev/null 2>"$OUT/diff-check.log" || { say "accessc check reports errors on $OLD (see $OUT/diff-check.log)"; exit 1; }
"$ACCESSC" diff "$OLD" "$NEW" --format json >"$OUT/diff-report.json" 2>"$OUT/diff.log" || { say "accessc diff failed (see $OUT/diff.log)"; exit 1; }
changes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["changes"]))' "$OUT/diff-report.json")
check_s=$(best "$ACCESSC" check "$OLD")
diff_s=$(best "$ACCESSC" diff "$OLD" "$NEW")
ratio=$(python3 -c "print(f'{$diff_s / $check_s:.2f}')")
mb=$(du -sm --apparent-size "$OLD" | cut -f1)
{
    echo "| size MB | check s | diff s | ratio | changes |"
    echo "|---|---|---|---|---|"
    printf '| %s | %s | %s | %s | %s |\n' "$mb" "$check_s" "$diff_s" "$ratio" "$changes"
} | tee "$OUT/diff-results.md"
if python3 -c "import sys; sys.exit(0 if $ratio <= 2.5 else 1)"; then
    echo "target met: diff within 2.5x of one check"
else
    echo "target missed: diff takes ${ratio}x one check (target 2.5x)"
    [ "$STRICT" = 1 ] && exit 2
fi
