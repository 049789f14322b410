#!/usr/bin/env bash
# Figures for the generated Swift clients: generation time and lines of code for the bundled
# specs and for a synthetic 500-operation contract, and how long swiftc takes to compile that
# generated client (type-check, and a whole-module -Onone and -O compile).
#
#   Benchmarks/swift-client.sh            # OPERATIONS=500 RUNS=3 by default
#   COMPILE=typecheck Benchmarks/swift-client.sh   # skip the (slow) whole-module compiles
set -euo pipefail
cd "$(dirname "$0")/.."
OPERATIONS=${OPERATIONS:-500}
RUNS=${RUNS:-3}
COMPILE=${COMPILE:-all}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building accessc and the runtime (release)..." >&2
swift build -c release --product accessc >&2
accessc=$(swift build -c release --show-bin-path)/accessc

best_of() {  # best wall time in seconds of RUNS runs of a command
    local best=""
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
        best=$(python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1]); b=sys.argv[3]; print(min(t, float(b)) if b else t)" "$start" "$end" "$best")
    done
    printf '%.3f' "$best"
}

lines() { cat "$@" | wc -l | tr -d ' '; }

python3 Benchmarks/synthesize.py --operations "$OPERATIONS" --out "$work/synthetic" --no-verify 2>/dev/null

bundled_time=$(best_of "$accessc" build specs --out "$work/bundled")
synthetic_time=$(best_of "$accessc" build "$work/synthetic" --out "$work/synth-out")
bundled_lines=$(lines "$work"/bundled/swift/*/*.swift)
bundled_files=$(ls "$work"/bundled/swift/*/*.swift | wc -l | tr -d ' ')
client=("$work"/synth-out/swift/Dept0001/*.swift)
synthetic_lines=$(lines "${client[@]}")

# The compiler flags SwiftPM uses for a target that imports AccessRuntime, taken from a verbose
# build of AccessClients, so the synthetic client compiles exactly as a package target would.
touch generated/swift/*/*.swift
swift build -c release --target AccessClients -v > "$work/build.log" 2>&1
grep -m1 -- '-module-name AccessClients' "$work/build.log" > "$work/command"
python3 - "$work/command" > "$work/flags" <<'PY'
import shlex, sys
args = shlex.split(open(sys.argv[1]).read())
keep, i = [], 0
takes_value = {"-I", "-Xcc", "-target", "-sdk", "-swift-version", "-module-cache-path", "-F", "-resource-dir"}
while i < len(args):
    a = args[i]
    if a in takes_value and i + 1 < len(args):
        keep += [a, args[i + 1]]; i += 2; continue
    if a.startswith("-D") or a.startswith("-I") or a.startswith("-F"):
        keep.append(a)
    i += 1
print("\n".join(keep))
PY
mapfile -t flags < "$work/flags"
swiftc=$(command -v swiftc)
typecheck=$(best_of "$swiftc" -typecheck -parse-as-library -module-name Synthetic "${flags[@]}" "${client[@]}")
onone=skipped optimised=skipped
[[ $COMPILE == typecheck ]] || onone=$(best_of "$swiftc" -c -wmo -Onone -parse-as-library -module-name Synthetic "${flags[@]}" "${client[@]}" -o "$work/synthetic-onone.o")
[[ $COMPILE == typecheck ]] || optimised=$(best_of "$swiftc" -c -wmo -O -parse-as-library -module-name Synthetic "${flags[@]}" "${client[@]}" -o "$work/synthetic-o.o")

cat <<TABLE
## Generated Swift clients

Best of $RUNS runs; \`accessc build\` runs every generator (IR, docs, OpenAPI, Swift).

| workspace | operations | accessc build s | Swift files | Swift lines |
|---|---:|---:|---:|---:|
| specs/ (bundled) | $(grep -c '^    - id:' specs/*.yaml | awk -F: '{s+=$2} END {print s}') | $bundled_time | $bundled_files | $bundled_lines |
| synthetic department | $OPERATIONS | $synthetic_time | ${#client[@]} | $synthetic_lines |

swiftc on the synthetic client (${#client[@]} files, $synthetic_lines lines): type-check ${typecheck} s, whole-module -Onone ${onone} s, whole-module -O ${optimised} s.
TABLE
