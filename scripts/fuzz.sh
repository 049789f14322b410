#!/usr/bin/env bash
# Runs one libFuzzer harness of Fuzz/ for a while: builds it if needed, makes its seed corpus
# if missing, fuzzes, and prints what it did and found.
#
#   scripts/fuzz.sh frontend|mock SECONDS [JOBS]
#
# JOBS > 1 runs libFuzzer's -fork mode with that many processes. FUZZ_KEEP_GOING=1 (fork mode
# too) goes on after a crash, a hang or an out-of-memory until SECONDS are up, keeping each
# finding's input, for fuzzing past a finding that is not fixed yet.
#
# Everything it writes goes to Fuzz/out/TARGET/ (git-ignored): seeds/ (made from the
# repository), corpus/ (what libFuzzer keeps), artifacts/ (crash-*, timeout-*, oom-* inputs)
# and last.log. Exits non-zero when the fuzzer found a crash, a hang or a memory blow-up.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { echo "usage: scripts/fuzz.sh frontend|mock SECONDS [JOBS]" >&2; exit 2; }
[[ $# -ge 2 && $# -le 3 ]] || usage
target=$1 seconds=$2 jobs=${3:-1}
[[ $seconds =~ ^[0-9]+$ && $jobs =~ ^[1-9][0-9]*$ ]] || usage
case $target in
    frontend) max_len=32768 ;;
    mock) max_len=8192 ;;
    *) usage ;;
esac

out=$root/Fuzz/out/$target
mkdir -p "$out/corpus" "$out/artifacts"

# SwiftPM's --sanitize=fuzzer makes it leave `main` to libFuzzer (with -Xswiftc alone it
# points `main` at a missing fuzz_TARGET_main), but it passes -sanitize=fuzzer and
# -sanitize=address to swiftc as two flags, of which the compiler keeps only the last, so the
# code gets no coverage; the one -Xswiftc flag with both fixes that, for every Swift module,
# the root package's too. C modules (libyaml, libcrypto) are the system's, uninstrumented.
build=(swift build --package-path Fuzz -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
echo "fuzz.sh: building fuzz-$target: ${build[*]} --product fuzz-$target" >&2
"${build[@]}" --product "fuzz-$target" >&2
binary=$("${build[@]}" --show-bin-path)/fuzz-$target

if [[ ! -d $out/seeds ]]; then
    mkdir -p "$out/seeds.tmp"
    case $target in
        frontend)
            suite=${YAML_TEST_SUITE:-$root/../shared/yaml-test-suite}
            sources=(specs Tests)
            if [[ -d $suite ]]; then sources+=("$suite"); else echo "fuzz.sh: no YAML test suite at $suite; its seeds are skipped" >&2; fi
            find "${sources[@]}" -type f -name '*.yaml' -size -${max_len}c -print0 |
                while IFS= read -r -d '' file; do
                    cp "$file" "$out/seeds.tmp/$(sha1sum "$file" | cut -c1-40)"
                done
            ;;
        mock)
            python3 scripts/fuzz-mock-seeds.py "$root" "$out/seeds.tmp" >&2
            ;;
    esac
    cp Tests/FuzzRegressions/"$target"/* "$out/seeds.tmp/" 2>/dev/null || true
    mv "$out/seeds.tmp" "$out/seeds"
    echo "fuzz.sh: $(find "$out/seeds" -type f | wc -l) seeds in $out/seeds" >&2
fi

options=(-max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048
         -artifact_prefix="$out/artifacts/" -print_final_stats=1 -use_value_profile=1)
[[ -f Fuzz/$target.dict ]] && options+=(-dict="Fuzz/$target.dict")
if [[ ${FUZZ_KEEP_GOING:-0} == 1 ]]; then
    options+=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
elif (( jobs > 1 )); then
    options+=(-fork="$jobs")
fi

export ACCESSSPEC_ROOT=$root
# ASan's leak checker is off: caches built once per process (the platforms, the hub) are not leaks.
# Fuzz/asan-suppressions.txt silences known bugs that are not fixed yet (each line says which).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:suppressions=$root/Fuzz/asan-suppressions.txt}
stamp=$out/.started
touch "$stamp"
before=$(find "$out/artifacts" -type f | wc -l)
echo "fuzz.sh: $binary ${options[*]} $out/corpus $out/seeds" >&2
status=0
"$binary" "${options[@]}" "$out/corpus" "$out/seeds" 2>&1 | tee "$out/last.log" >&2 || status=${PIPESTATUS[0]}

last=$(grep -E '^#[0-9]+' "$out/last.log" | tail -1 || true)
# A single process prints its count in the final stats; fork mode's parent counts in its #N lines.
executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/last.log" | awk '{ sum += $2 } END { print sum + 0 }')
(( executions > 0 )) || executions=$(sed -E 's/^#([0-9]+).*/\1/' <<<"${last:-#0}")
after=$(find "$out/artifacts" -type f | wc -l)
echo "fuzz.sh: $target: $executions executions in ${seconds}s; last status line: ${last:-none}"
echo "fuzz.sh: corpus $(find "$out/corpus" -type f | wc -l) inputs; artifacts $after ($((after - before)) new) in $out/artifacts"
if (( status != 0 || after > before )); then
    echo "fuzz.sh: $target: libFuzzer exited $status, $((after - before)) new artifacts: a finding; reproduce with: ACCESSSPEC_ROOT=$root $binary ARTIFACT" >&2
    find "$out/artifacts" -type f -newer "$stamp" | sed 's/^/  /' >&2
    exit 1
fi
