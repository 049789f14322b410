#!/usr/bin/env bash
# Sustained load on `accessc mock` from a separate process on loopback, next to the same load
# on a plain Hummingbird server that checks nothing (the baseline, measured in the same run).
#
#   PLATFORM=hefei        the contract served
#   OPERATION=getItemDetail   the operation requested (its first valid vector, signed afresh)
#   DURATION=10           seconds of load per server
#   MAX_REQUESTS=2000000  stop earlier after this many requests
#   CONNECTIONS=16        concurrent request loops (keep-alive connections)
set -euo pipefail
cd "$(dirname "$0")/.."

PLATFORM=${PLATFORM:-hefei}
OPERATION=${OPERATION:-getItemDetail}
DURATION=${DURATION:-10}
MAX_REQUESTS=${MAX_REQUESTS:-2000000}
CONNECTIONS=${CONNECTIONS:-16}
OUT=${BENCH_OUT:-bench-out}/mock-load
mkdir -p "$OUT"
say() { printf '== %s\n' "$*" >&2; }
die() { printf 'mock-load.sh: %s\n' "$*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "GNU time is required (Debian: apt-get install time)"

say "building accessc, accessc-serve (which runs accessc mock) and mock-load (release)"
swift build -c release --product accessc >&2
swift build -c release --product accessc-serve >&2
swift build -c release --product mock-load >&2
BIN=$(swift build -c release --show-bin-path)
"$BIN/accessc" build specs >&2
VECTORS=generated/tests/$PLATFORM/vectors.json
[ -f "$VECTORS" ] || die "no $VECTORS"

# The signing key the contract names, made up for this run: an HMAC secret or an SM2 key.
read -r ALGORITHM VARIABLE < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["security"].get("signing") or {}; print(s.get("algorithm","none"), s.get("key","${env:NONE}")[6:-1])' "$VECTORS")
if [ "$ALGORITHM" = sm2-sm3 ]; then
    export "$VARIABLE"="$(openssl genpkey -algorithm SM2 2>/dev/null)"
else
    export "$VARIABLE"="mock-load-$RANDOM$RANDOM"
fi

# Starts a server under GNU time, waits until it listens, loads it, stops it with SIGINT.
# Prints: the load line, then the server's peak RSS in KiB and its CPU seconds (user + system).
measure() {
    local name=$1 port=$2; shift 2
    /usr/bin/time -f '%M %U %S' -o "$OUT/$name.rss" "$@" >"$OUT/$name.log" 2>"$OUT/$name.err" &
    local timer=$!
    for _ in $(seq 100); do
        grep -q listening "$OUT/$name.err" 2>/dev/null && break
        sleep 0.1
    done
    grep -q listening "$OUT/$name.err" || { cat "$OUT/$name.err" >&2; die "$name did not start"; }
    local line
    line=$("$BIN/mock-load" send "http://127.0.0.1:$port" "$VECTORS" "$OPERATION" "$DURATION" "$MAX_REQUESTS" "$CONNECTIONS")
    kill -INT "$(pgrep -P "$timer")"
    wait "$timer" || true
    echo "$line"
    tail -1 "$OUT/$name.rss"
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
cpu() { read -r _ user system <<<"$1"; echo "$user + $system" | bc -l; }

say "load on accessc mock ($PLATFORM $OPERATION, ${DURATION}s, $CONNECTIONS connections)"
mapfile -t MOCK < <(measure mock 18580 "$BIN/accessc" mock specs --platform "$PLATFORM" --port 18580 --ignore-rate-limits --lang en)
say "load on the plain Hummingbird server"
mapfile -t PLAIN < <(measure plain 18581 "$BIN/mock-load" plain 18581)

{
    echo "| server | requests | seconds | req/s | non-2xx | transport errors | p50 ms | p99 ms | server CPU µs/request | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "accessc mock:${MOCK[0]}:${MOCK[1]}" "plain Hummingbird:${PLAIN[0]}:${PLAIN[1]}"; do
        IFS=: read -r name line usage <<<"$row"
        read -r rss user system <<<"$usage"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %.1f |\n' "$name" "$(field requests "$line")" "$(field seconds "$line")" \
            "$(field rps "$line")" "$(field non2xx "$line")" "$(field transport_errors "$line")" "$(field p50_ms "$line")" "$(field p99_ms "$line")" \
            "$(echo "($user + $system) * 1000000 / $(field requests "$line")" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
    done
    echo
    echo "mock / plain: req/s $(echo "scale=2; $(field rps "${MOCK[0]}") / $(field rps "${PLAIN[0]}")" | bc -l)," \
        "server CPU per request $(echo "scale=2; $(cpu "${MOCK[1]}") * $(field requests "${PLAIN[0]}") / ($(cpu "${PLAIN[1]}") * $(field requests "${MOCK[0]}"))" | bc -l)"
    echo "(load generator and server share the machine's cores; CPU per request compares the servers' own work)"
    echo "mock log lines: $(wc -l <"$OUT/mock.log") (one per request)"
} | tee "$OUT/results.md"

[ "$(field non2xx "${MOCK[0]}")" = 0 ] && [ "$(field transport_errors "${MOCK[0]}")" = 0 ] || die "the mock refused or dropped requests under load"
