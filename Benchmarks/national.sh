#!/usr/bin/env bash
# The national network benchmark: for workspaces of the real network's shape (national.py:
# hub, 31 provinces, 333 cities, N counties, departments, third parties) it measures
# `accessc check` beside a bare libyaml event pass over the same files, then a first
# `accessc build`, a rebuild with nothing changed and a rebuild after one county's contract
# changed, and what the build wrote. Prints a Markdown table. See README.md, "The national
# network".
#
# Environment:
#   SIZES="300 1000 2800"   numbers of counties
#   BUILD_SIZES=...         the sizes whose builds are measured (default: all of SIZES; "none")
#   TIMEOUT=1200            seconds any one measured command may run before it is stopped
#   RUNS=1                  timed runs of check and of the baseline; the best wall time is reported
#   BENCH_OUT=DIR           workspaces, build outputs and logs (default: <repo>/bench-out, gitignored)
#   ACCESSC=PATH            use this accessc binary instead of building one
#   SEED=...                national.py's seed (default: accessspec-national-1)
#
# Exit status: 0 done (a build that failed or timed out is reported in the table); 1 accessc
# check reported errors on a workspace or the baseline failed; other codes for setup failures.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZES="${SIZES:-300 1000 2800}"
BUILD_SIZES="${BUILD_SIZES:-$SIZES}"
TIMEOUT="${TIMEOUT:-1200}"
RUNS="${RUNS:-1}"
OUT="${BENCH_OUT:-$ROOT/bench-out}"
SEED="${SEED:-accessspec-national-1}"

say() { printf '%s\n' "$*" >&2; }
die() { say "national.sh: $*"; exit "${2:-3}"; }

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/accessspec-national.XXXXXX")"
EDITED=""   # a contract the one-file-edit step changed, restored on any exit
cleanup() {
    [ -n "$EDITED" ] && cp "$TMP/edited.orig" "$EDITED"
    rm -rf "$TMP"
}
trap cleanup EXIT

command -v python3 >/dev/null || die "python3 is required"
command -v timeout >/dev/null || die "timeout (coreutils) is required"
# shellcheck source=bench-lib.sh
. "$HERE/bench-lib.sh"
bench_time_setup
bench_baseline
bench_accessc

# --- workspaces ------------------------------------------------------------------------------------

GENERATOR_HASH="$(cat "$HERE/national.py" "$HERE/synthesize.py" | sha256sum | cut -d' ' -f1)"
for n in $SIZES; do
    ws="$OUT/national-$n"
    stamp="counties=$n seed=$SEED generator=$GENERATOR_HASH"
    if [ -f "$ws/.generated" ] && [ "$(cat "$ws/.generated")" = "$stamp" ]; then
        say "reusing $ws"
    else
        rm -f "$ws/.generated"
        python3 "$HERE/national.py" --counties "$n" --out "$ws" --seed "$SEED" || die "national.py failed for $n counties" 5
        printf '%s' "$stamp" >"$ws/.generated"
    fi
done

# --- measurements ----------------------------------------------------------------------------------

export MEASURE_TIMEOUT="$TIMEOUT"
# accessc build keeps a cache outside its outputs (docs: `accessc build --help`); ours is here,
# emptied before each first build so that it starts cold.
export ACCESSC_CACHE_DIR="$OUT/national-cache"

# cell WALL CPU KIB RC: "wall | cpu | peak" cells of a table row, or what stopped the command.
cell() {
    case "$4" in
        0) awk -v w="$1" -v c="$2" -v k="$3" 'BEGIN { printf "%.1f | %.1f | %.0f", w, c, k / 1024 }' ;;
        124) printf 'timeout (> %s s) | | ' "$TIMEOUT" ;;
        skipped) printf 'n/a | | ' ;;
        *) printf 'failed (exit %s) | | ' "$4" ;;
    esac
}

# best N CMD...: the run of N with the best wall time, as "wall peak_kib rc cpu"; stops at a failure.
best() {
    local n="$1" wall kib rc cpu best_line="" best_wall=""
    shift
    for _ in $(seq "$n"); do
        read -r wall kib rc cpu < <(measure "$@")
        if [ "$rc" != 0 ]; then printf '%s %s %s %s\n' "$wall" "$kib" "$rc" "$cpu"; return; fi
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
            best_wall="$wall"; best_line="$wall $kib $rc $cpu"
        fi
    done
    printf '%s\n' "$best_line"
}

# report: the tables so far, to bench-out/national-results.md (rewritten after every size, so
# that a run stopped part-way keeps what it measured).
report() {
    {
        echo "## accessc on the national network"
        echo
        echo "Workspaces written by national.py (seed $SEED); MiB = 2^20 bytes; CPU = user + system seconds; peak = peak RSS."
        echo "$(uname -sm), $(nproc) CPUs, libyaml $(pkg-config --modversion yaml-0.1), $(date -u +%Y-%m-%d); best of $RUNS run(s) for check; timeout $TIMEOUT s per command."
        echo "accessc: $ACCESSC (sha256 $(sha256sum "$ACCESSC" | cut -c1-12))."
        echo
        echo "| counties | contracts | files | MiB | libyaml s | libyaml peak MiB | check s | ratio | check CPU s | check peak MiB |"
        echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        printf '%s\n' "${check_rows[@]}"
        if [ "${#build_rows[@]}" -gt 0 ]; then
            echo
            echo "| counties | first build s | CPU s | peak MiB | no-change rebuild s | CPU s | peak MiB | one-file-edit rebuild s | CPU s | peak MiB | output files | output MiB |"
            echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
            printf '%s\n' "${build_rows[@]}"
        fi
        if [ "${#output_rows[@]}" -gt 0 ]; then
            echo
            echo "| counties | output folder | files | MiB |"
            echo "|---:|---|---:|---:|"
            printf '%s\n' "${output_rows[@]}"
            echo
            echo "Largest output file:"
            echo
            printf '%s\n' "${largest_rows[@]}"
        fi
    } >"$OUT/national-results.md"
}

check_rows=()
build_rows=()
output_rows=()
largest_rows=()
for n in $SIZES; do
    ws="$OUT/national-$n"
    files=$(find "$ws" -name '*.yaml' -not -path '*/.*' | wc -l)
    contracts=$(grep -rl --include='*.yaml' '^platform:' "$ws" | wc -l)
    bytes=$(find "$ws" -name '*.yaml' -not -path '*/.*' -printf '%s\n' | awk '{ s += $1 } END { print s }')

    # Untimed first runs: warm the page cache and check both programs accept the workspace.
    "$BASELINE" "$ws" >"$OUT/national-$n-baseline.log" 2>&1 || {
        say "national.sh: the libyaml baseline failed on $ws:"; tail -n 20 "$OUT/national-$n-baseline.log" >&2; exit 1; }
    rc=0
    timeout "$TIMEOUT" "$ACCESSC" check "$ws" >"$OUT/national-$n-check.log" 2>&1 || rc=$?
    if [ "$rc" != 0 ]; then
        say "national.sh: accessc check failed (exit $rc) on the $n-county workspace $ws; the first diagnostics:"
        head -n 40 "$OUT/national-$n-check.log" >&2
        exit 1
    fi
    warnings=$(grep -cE ': warning(\[|:)' "$OUT/national-$n-check.log" || true)
    [ "$warnings" = 0 ] || say "note: accessc check reported $warnings warning(s) on $ws (see $OUT/national-$n-check.log)"

    say "measuring check at $n counties"
    read -r base_s base_kib base_rc base_cpu < <(best "$RUNS" "$BASELINE" "$ws")
    [ "$base_rc" = 0 ] || die "the baseline exited with status $base_rc on $ws" 1
    read -r check_s check_kib check_rc check_cpu < <(best "$RUNS" "$ACCESSC" check "$ws")
    [ "$check_rc" = 0 ] || die "accessc check exited with status $check_rc on $ws during the timed runs" 1
    check_rows+=("$(awk -v n="$n" -v c="$contracts" -v f="$files" -v b="$bytes" -v bs="$base_s" -v bk="$base_kib" \
        -v cs="$check_s" -v cc="$check_cpu" -v ck="$check_kib" 'BEGIN {
        printf "| %d | %d | %d | %.1f | %.2f | %.0f | %.2f | %.2f | %.1f | %.0f |", n, c, f, b / 1048576, bs, bk / 1024,
            cs, (bs > 0 ? cs / bs : 0), cc, ck / 1024 }')")

    case " $BUILD_SIZES " in *" $n "*) ;; *) report; continue ;; esac

    build="$OUT/national-$n-build"
    rm -rf "$build" "$ACCESSC_CACHE_DIR"
    say "measuring the first build at $n counties (timeout $TIMEOUT s)"
    read -r first_s first_kib first_rc first_cpu < <(MEASURE_LOG="$OUT/national-$n-build-first.log" \
        measure "$ACCESSC" build "$ws" --out "$build")
    again_s=0 again_kib=0 again_rc=skipped again_cpu=0
    edit_s=0 edit_kib=0 edit_rc=skipped edit_cpu=0
    out_files=0 out_bytes=0
    if [ "$first_rc" = 0 ]; then
        # What the build wrote, per top-level folder of the output (files at its root: "(root)").
        while read -r folder count size; do
            output_rows+=("$(awk -v n="$n" -v f="$folder" -v c="$count" -v s="$size" \
                'BEGIN { printf "| %d | %s | %d | %.1f |", n, f, c, s / 1048576 }')")
        done < <(find "$build" -type f -printf '%P %s\n' | awk '{
            top = (index($1, "/") ? substr($1, 1, index($1, "/") - 1) : "(root)")
            count[top]++; size[top] += $2 }
            END { for (t in count) print t, count[t], size[t] }' | sort)
        if [ -d "$ACCESSC_CACHE_DIR" ]; then
            output_rows+=("$(find "$ACCESSC_CACHE_DIR" -type f -printf '%s\n' | awk -v n="$n" '{ c++; s += $1 }
                END { printf "| %d | (build cache, outside the output) | %d | %.1f |", n, c, s / 1048576 }')")
        fi
        read -r out_files out_bytes < <(find "$build" -type f -printf '%s\n' | awk '{ n++; s += $1 } END { print n + 0, s + 0 }')
        read -r largest_size largest_path < <(find "$build" -type f -printf '%s %P\n' | sort -n | tail -n 1)
        largest_rows+=("$(awk -v n="$n" -v p="$largest_path" -v s="$largest_size" \
            'BEGIN { printf "- %d counties: `%s`, %.1f MiB", n, p, s / 1048576 }')")

        # The first build's 1.8 GiB are written back first, so the rebuilds measure themselves,
        # not the kernel flushing the previous command's files.
        sync
        say "measuring a rebuild with nothing changed at $n counties"
        read -r again_s again_kib again_rc again_cpu < <(MEASURE_LOG="$OUT/national-$n-build-again.log" \
            measure "$ACCESSC" build "$ws" --out "$build")

        # One county's contract edited (its description, still valid), rebuilt, then restored.
        county=$(find "$ws/regions" -name '*-c[0-9]*.yaml' | sort | sed -n 1p)  # (head would end sort with SIGPIPE)
        if [ -n "$county" ]; then
            cp "$county" "$TMP/edited.orig"
            EDITED="$county"
            sed -i '0,/接入契约（全国规模基准测试合成数据）/s//接入契约（已修订；全国规模基准测试合成数据）/' "$county"
            cmp -s "$county" "$TMP/edited.orig" && die "the one-file edit changed nothing in $county" 5
            say "measuring a rebuild after editing ${county#"$ws"/}"
            read -r edit_s edit_kib edit_rc edit_cpu < <(MEASURE_LOG="$OUT/national-$n-build-edit.log" \
                measure "$ACCESSC" build "$ws" --out "$build")
            cp "$TMP/edited.orig" "$county"
            EDITED=""
        fi
    fi
    build_rows+=("| $n | $(cell "$first_s" "$first_cpu" "$first_kib" "$first_rc") | $(cell "$again_s" "$again_cpu" "$again_kib" "$again_rc") | $(cell "$edit_s" "$edit_cpu" "$edit_kib" "$edit_rc") | $out_files | $(awk -v b="$out_bytes" 'BEGIN { printf "%.1f", b / 1048576 }') |")
    report
done

cat "$OUT/national-results.md"
