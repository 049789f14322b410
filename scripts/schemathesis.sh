#!/usr/bin/env bash
# Runs schemathesis against `accessc mock` for every bundled platform: positive and negative
# modes, every check, requests signed by Tests/Python/schemathesis_hooks.py as docs/signing.md
# says. Bounded in examples and time; exits 1 on any finding.
#
#   scripts/schemathesis.sh [SECONDS_PER_PLATFORM] [MAX_EXAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
examples="${2:-15}"
accessc="${ACCESSC:-.build/debug/accessc}"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

platforms=$(python3 -c 'import json; print(" ".join(p["id"] for p in json.load(open("generated/ir/workspace.json"))["platforms"]))')
failed=0
port=18400
for platform in $platforms; do
    port=$((port + 1))
    read -r algorithm variable envelope header < <(python3 - "$platform" <<'PY'
import json, sys
p = json.load(open("generated/ir/platforms/" + sys.argv[1] + ".json"))
s = (p["areas"].get("security") or {}).get("settings") or {}
signing = s.get("signing") or {}
key = signing.get("key", "")
print(signing.get("algorithm", "none"), key[6:-1] if key.startswith("${env:") else "-", s.get("envelope", "plain"), signing.get("header", "X-Signature"))
PY
)
    secret=""
    if [ "$algorithm" = "sm2-sm3" ]; then
        openssl genpkey -algorithm SM2 -out "$work/$platform.pem" 2>/dev/null
        secret="$(cat "$work/$platform.pem")"
    elif [ "$algorithm" != "none" ]; then
        secret="schemathesis-$platform-$(openssl rand -hex 16)"
    fi
    log="$work/$platform.log"
    env "$variable=$secret" "$accessc" mock specs --platform "$platform" --port "$port" --ignore-rate-limits > "$log" 2>&1 &
    mock=$!
    for _ in $(seq 50); do
        if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
        sleep 0.2
    done
    echo "== schemathesis: $platform ($algorithm, $envelope) on port $port, $examples examples, at most ${seconds}s"
    status=0
    SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH=Tests/Python PYTHONDONTWRITEBYTECODE=1 \
        ACCESSSPEC_SIGNING_ALGORITHM="$([ "$algorithm" = none ] || echo "$algorithm")" ACCESSSPEC_SIGNING_KEY="$secret" \
        ACCESSSPEC_SIGNATURE_HEADER="$header" ACCESSSPEC_ENVELOPE="$envelope" \
        ACCESSSPEC_ACCESS_ID="schemathesis" ACCESSSPEC_ACCESS_TOKEN="schemathesis-token" \
        ACCESSSPEC_RESPECT_ABSENT=1 \
        timeout $((seconds * 2 + 60)) schemathesis run "generated/openapi/$platform.yaml" --url "http://127.0.0.1:$port" \
            -H "X-Access-Id: placeholder" -H "X-Access-Token: placeholder" -H "X-Timestamp: 0" -H "X-Nonce: placeholder-nonce-0000" \
            -H "$header: placeholder" \
            --checks all --mode all --max-examples "$examples" --max-time "$seconds" --seed 1 --workers 1 \
            --report-dir "$work/report-$platform" --no-color || status=$?
    kill -INT "$mock" 2>/dev/null || true
    wait "$mock" 2>/dev/null || true
    echo "   mock of $platform answered $(grep -c '' "$log" || true) requests"
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "   schemathesis found problems in $platform (exit $status); the mock's log ends:"
        tail -5 "$log" | sed 's/^/     /'
    fi
done
exit "$failed"
