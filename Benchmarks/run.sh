#!/usr/bin/env bash
# Benchmarks `accessc check` against a bare libyaml event pass over the same synthetic
# workspaces (1, 10 and 50 MiB by default) and prints a Markdown table. See README.md.
#
# Environment:
#   SIZES="1 10 50"   workspace sizes in MiB
#   RUNS=3            timed runs per measurement; the best wall time is reported
#   BENCH_OUT=DIR     scratch folder for workspaces and logs (default: <repo>/bench-out, gitignored)
#   ACCESSC=PATH      use this accessc binary instead of building one
#   VERIFY=smallest   re-check workspaces with synthesize.py --verify (PyYAML):
#                     smallest (default) | all | none
#   STRICT=1          also exit 2 when a target is missed
#
# Exit status: 0 done; 1 accessc reported errors on a workspace (or the baseline failed);
# 2 a target was missed under STRICT=1; other codes for build or setup failures.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZES="${SIZES:-1 10 50}"
RUNS="${RUNS:-3}"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
VERIFY="${VERIFY:-smallest}"
STRICT="${STRICT:-0}"
SEED="accessspec-bench-1"

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit "${2:-3}"; }

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/accessspec-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# --- tools -------------------------------------------------------------------------------------

command -v python3 >/dev/null || die "python3 is required"
# shellcheck source=bench-lib.sh
. "$HERE/bench-lib.sh"
bench_time_setup

# best_of_pair N WORKSPACE: times the baseline and `accessc check` N times each, alternating
# so that a burst of load elsewhere on the machine hits both alike. Prints
# "baseline_best_s baseline_peak_kib check_best_s check_peak_kib" (best wall time, largest
# peak RSS); fails if any run exits non-zero.
best_of_pair() {
    local n="$1" ws="$2"
    local bb="" bp=0 cb="" cp=0 wall kib rc
    for _ in $(seq "$n"); do
        read -r wall kib rc _ < <(measure "$BASELINE" "$ws")
        [ "$rc" = 0 ] || { say "run.sh: the baseline exited with status $rc on $ws"; return 1; }
        bb=$(awk -v a="$wall" -v b="$bb" 'BEGIN { print (b == "" || a < b) ? a : b }')
        [ "$kib" -gt "$bp" ] && bp="$kib"
        read -r wall kib rc _ < <(measure "$ACCESSC" check "$ws")
        [ "$rc" = 0 ] || { say "run.sh: accessc check exited with status $rc on $ws during the timed runs"; return 1; }
        cb=$(awk -v a="$wall" -v b="$cb" 'BEGIN { print (b == "" || a < b) ? a : b }')
        [ "$kib" -gt "$cp" ] && cp="$kib"
    done
    printf '%s %s %s %s\n' "$bb" "$bp" "$cb" "$cp"
}

# --- build ---------------------------------------------------------------------------------------

bench_baseline   # first: it fails fast when libyaml's headers are missing
bench_accessc

# --- workspaces ----------------------------------------------------------------------------------

SYNTH_HASH="$(sha256sum "$HERE/synthesize.py" | cut -d' ' -f1)"
smallest="$(printf '%s\n' $SIZES | sort -g | head -n 1)"
for size in $SIZES; do
    ws="$OUT/ws-${size}mb"
    stamp="size=$size seed=$SEED synthesize=$SYNTH_HASH"
    if [ -f "$ws/.synthesized" ] && [ "$(cat "$ws/.synthesized")" = "$stamp" ]; then
        say "reusing $ws"
    else
        rm -f "$ws/.synthesized"
        python3 "$HERE/synthesize.py" --megabytes "$size" --out "$ws" --seed "$SEED" --no-verify ||
            die "synthesize.py failed for $size MiB" 5
        printf '%s' "$stamp" >"$ws/.synthesized"
    fi
    if [ "$VERIFY" = all ] || { [ "$VERIFY" = smallest ] && [ "$size" = "$smallest" ]; }; then
        python3 "$HERE/synthesize.py" --verify "$ws" || die "synthetic workspace $ws fails its own verification" 5
    fi
done

# --- measurements --------------------------------------------------------------------------------

status=0
rows=()
per_mb=()
for size in $SIZES; do
    ws="$OUT/ws-${size}mb"
    files=$(find "$ws" -name '*.yaml' -not -path '*/.*' | wc -l)
    bytes=$(find "$ws" -name '*.yaml' -not -path '*/.*' -printf '%s\n' | awk '{ s += $1 } END { print s }')

    # Untimed first runs: warm the page cache and check both programs accept the workspace.
    "$BASELINE" "$ws" >"$OUT/baseline-${size}mb.log" 2>&1 || {
        say "run.sh: the libyaml baseline failed on $ws:"; tail -n 20 "$OUT/baseline-${size}mb.log" >&2; exit 1; }
    rc=0
    "$ACCESSC" check "$ws" >"$OUT/check-${size}mb.log" 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then
        say "run.sh: accessc check reported errors (exit $rc) on the synthetic $size MiB workspace $ws;"
        say "the first diagnostics ($OUT/check-${size}mb.log):"
        head -n 40 "$OUT/check-${size}mb.log" >&2
        exit 1
    fi
    warnings=$(grep -cE ': warning(\[|:)' "$OUT/check-${size}mb.log" || true)
    [ "$warnings" = 0 ] || say "note: accessc check reported $warnings warning(s) on $ws (see $OUT/check-${size}mb.log)"

    read -r base_s base_kib check_s check_kib < <(best_of_pair "$RUNS" "$ws") || exit 1

    row=$(awk -v mb_bytes="$bytes" -v files="$files" -v bs="$base_s" -v cs="$check_s" \
              -v bk="$base_kib" -v ck="$check_kib" 'BEGIN {
        mb = mb_bytes / 1048576
        printf "| %.1f | %d | %.3f | %.3f | %.2f | %.1f | %.1f | %.2f |", \
            mb, files, bs, cs, (bs > 0 ? cs / bs : 0), bk / 1024, ck / 1024, (ck / 1024) / mb }')
    rows+=("$row")
    per_mb+=("$(awk -v b="$bytes" -v bs="$base_s" -v cs="$check_s" 'BEGIN {
        mb = b / 1048576; printf "%.1f %.4f %.4f %.2f", mb, bs / mb, cs / mb, cs / bs }')")
    say "measured $size MiB"
done

{
    echo "## accessc check vs. libyaml event pass"
    echo
    echo "Best of $RUNS runs (baseline and accessc alternating); peak RSS is the largest of the runs. MB = MiB (2^20 bytes)."
    echo "$(uname -sm), $(nproc) CPUs, libyaml $(pkg-config --modversion yaml-0.1), $(date -u +%Y-%m-%d)."
    echo
    echo "| size MB | files | baseline s | accessc s | ratio | baseline peak MB | accessc peak MB | peak/input |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    printf '%s\n' "${per_mb[@]}" | awk -v rows="${rows[*]}" '
        { mb[NR] = $1; b[NR] = $2; c[NR] = $3; r[NR] = $4 }
        END {
            line = "Linearity (seconds per MB):"
            for (i = 1; i <= NR; i++)
                line = line sprintf(" %s MB: accessc %.4f, baseline %.4f;", mb[i], c[i], b[i])
            # Spread over sizes of 10 MB and up, where start-up cost no longer dominates. The
            # baseline is linear by construction, so its spread is the noise floor.
            lo = hi = blo = bhi = ""; n = 0
            for (i = 1; i <= NR; i++) if (mb[i] >= 9.5) {
                n++; if (lo == "" || c[i] < lo) lo = c[i]; if (hi == "" || c[i] > hi) hi = c[i]
                if (blo == "" || b[i] < blo) blo = b[i]; if (bhi == "" || b[i] > bhi) bhi = b[i] }
            if (n >= 2) line = line sprintf(" max/min over sizes >= 10 MB: accessc %.2f, baseline %.2f (noise floor)", hi / lo, bhi / blo)
            print line
        }'
} | tee "$OUT/results.md"

# --- targets ---------------------------------------------------------------------------------------

missed=0
echo
while read -r mb bpm cpm ratio; do
    if awk -v r="$ratio" 'BEGIN { exit !(r <= 2) }'; then verdict=met; else verdict=MISSED; missed=1; fi
    echo "- check <= 2x baseline at $mb MB: $verdict (${ratio}x)"
done < <(printf '%s\n' "${per_mb[@]}")
for row in "${rows[@]}"; do
    mb=$(awk -F'|' '{ gsub(/ /, "", $2); print $2 }' <<<"$row")
    ratio=$(awk -F'|' '{ gsub(/ /, "", $9); print $9 }' <<<"$row")
    # Below 10 MB the process's fixed start-up footprint (Swift runtime, Foundation) dominates,
    # so the figure is shown but not judged.
    if awk -v m="$mb" 'BEGIN { exit !(m < 9.5) }'; then
        echo "- peak memory at $mb MB: ${ratio}x input (start-up footprint dominates; not judged)"
        continue
    fi
    if awk -v r="$ratio" 'BEGIN { exit !(r <= 10) }'; then verdict=met; else verdict=MISSED; missed=1; fi
    echo "- peak memory <= 10x input at $mb MB: $verdict (${ratio}x)"
done
linear=$(printf '%s\n' "${per_mb[@]}" | awk '$1 >= 9.5 { n++; if (lo == "" || $3 < lo) lo = $3; if ($3 > hi) hi = $3 }
    END { if (n < 2) print "n/a"; else printf "%.2f\n", hi / lo }')
if [ "$linear" = n/a ]; then
    echo "- linear in size: n/a (needs two sizes >= 10 MB)"
elif awk -v s="$linear" 'BEGIN { exit !(s <= 1.25) }'; then
    echo "- linear in size: met (seconds per MB vary by ${linear}x across sizes >= 10 MB; limit 1.25x)"
else
    echo "- linear in size: MISSED (seconds per MB vary by ${linear}x across sizes >= 10 MB; limit 1.25x)"
    missed=1
fi
[ "$missed" = 1 ] && [ "$STRICT" = 1 ] && status=2
exit "$status"
