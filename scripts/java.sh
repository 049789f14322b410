#!/usr/bin/env bash
# The Java side, proven: compiles the runtime (runtime/java) and every generated Java client
# (specs/, Tests/HostileFixture, Tests/NameTorture) with -Xlint:all -Werror, runs the runtime's
# unit tests (docs/signing-vectors.json, which the Swift signer wrote, and DOMAIN.md's vectors),
# checks that the hostile fixture's client means what its contract says, then each platform's generated JUnit 5 conformance suite against `accessc mock` on loopback
# (the mock verifies the Java client's signatures), and `accessc conform` (the Swift side)
# against a Java receiver that checks each request with the Java RequestVerifier.
#
# Compiled with javac against the jars Debian installs (libbcprov-java, libjackson2-databind-java,
# junit5), so nothing is fetched: the Maven registry is not reachable here. `-Xlint:-path` only
# silences Debian's jar manifests, whose Class-Path names jars that are not installed.
#
#   scripts/java.sh
set -euo pipefail
cd "$(dirname "$0")/.."
accessc="${ACCESSC:-.build/debug/accessc}"
jars=/usr/share/java
for jar in bcprov jackson-databind jackson-core jackson-annotations junit-platform-console-standalone; do
    [ -f "$jars/$jar.jar" ] || { echo "java.sh: $jars/$jar.jar is missing (apt-get install libbcprov-java libjackson2-databind-java junit5)"; exit 1; }
done
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
deps="$jars/bcprov.jar:$jars/jackson-databind.jar:$jars/jackson-core.jar:$jars/jackson-annotations.jar"
junit="$jars/junit-platform-console-standalone.jar"
javac_strict=(javac -Xlint:all,-path -Werror -encoding UTF-8 --release 17)
echo "== java: $(javac -version 2>&1), $(basename "$(readlink -f "$jars/bcprov.jar")") $(basename "$(readlink -f "$jars/jackson-databind.jar")") $(basename "$(readlink -f "$junit")")"

echo "== java: the runtime"
"${javac_strict[@]}" -cp "$deps" -d "$work/runtime" $(find runtime/java/src/main/java -name '*.java')
cp -R runtime/java/src/main/resources/. "$work/runtime/"
"${javac_strict[@]}" -cp "$deps:$work/runtime:$junit" -d "$work/runtime-tests" $(find runtime/java/src/test/java -name '*.java')
java -Daccessspec.signingVectors=docs/signing-vectors.json -jar "$junit" -cp "$deps:$work/runtime:$work/runtime-tests" \
    --select-package org.accessspec.runtime --disable-banner --details=summary --fail-if-no-tests

# One javac per output folder: each client's main and test sources (packages differ per platform).
compile_clients() {
    local folder="$1" out="$2"
    [ -d "$folder" ] || { echo "java.sh: $folder does not exist (run accessc build)"; exit 1; }
    local sources
    sources=$(find "$folder" -path '*/src/*' -name '*.java' | sort)
    echo "== java: compiling $(find "$folder" -mindepth 1 -maxdepth 1 -type d | wc -l) clients in $folder ($(echo "$sources" | wc -l) files)"
    echo "$sources" > "$work/sources.txt"
    "${javac_strict[@]}" -cp "$deps:$work/runtime:$junit" -d "$out" @"$work/sources.txt"
}
compile_clients generated/java "$work/clients"
compile_clients Tests/HostileFixture/generated/java "$work/hostile"
compile_clients Tests/NameTorture/generated/java "$work/torture"

echo "== java: the hostile fixture's client means what its contract says (Tests/HostileFixture/java)"
"${javac_strict[@]}" -cp "$deps:$work/runtime:$work/hostile:$junit" -d "$work/hostile-tests" Tests/HostileFixture/java/*.java
java -Daccessspec.hostileIR=Tests/HostileFixture/generated/ir/platforms/hostile.json -jar "$junit" \
    -cp "$deps:$work/runtime:$work/hostile:$work/hostile-tests" --select-package org.accessspec.fixture \
    --disable-banner --details=summary --fail-if-no-tests | grep -E "tests (successful|failed)|✘|=>" | sed 's/^/   /'

wait_for_port() {
    for _ in $(seq 100); do
        if python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    echo "java.sh: nothing listens on port $1"; return 1
}

# The platform's signing algorithm and secret variable, from the IR.
signing_of() {
    python3 - "$1" <<'PY'
import json, sys
p = json.load(open("generated/ir/platforms/" + sys.argv[1] + ".json"))
s = (p["areas"].get("security") or {}).get("settings") or {}
signing = s.get("signing") or {}
key = signing.get("key", "")
print(signing.get("algorithm", "none"), key[6:-1] if key.startswith("${env:") else "-")
PY
}

secret_for() {
    local platform="$1" algorithm="$2"
    if [ "$algorithm" = "sm2-sm3" ]; then
        openssl genpkey -algorithm SM2 -out "$work/$platform.pem" 2>/dev/null
        cat "$work/$platform.pem"
    elif [ "$algorithm" != "none" ]; then
        echo "java-$platform-$(openssl rand -hex 16)"
    fi
}

platforms=$(python3 -c 'import json; print(" ".join(p["id"] for p in json.load(open("generated/ir/workspace.json"))["platforms"]))')
failed=0
port=18600
for platform in $platforms; do
    port=$((port + 1))
    read -r algorithm variable < <(signing_of "$platform")
    secret="$(secret_for "$platform" "$algorithm")"
    package=$(python3 -c "import sys; p = sys.argv[1].lower().replace('-', ''); print(p)" "$platform")
    env "$variable=$secret" "$accessc" mock specs --platform "$platform" --port "$port" --ignore-rate-limits > "$work/mock-$platform.log" 2>&1 &
    mock=$!
    wait_for_port "$port"
    echo "== java: JUnit conformance suite of $platform ($algorithm) against accessc mock on port $port"
    status=0
    env "$variable=$secret" ACCESSSPEC_BASE_URL="http://127.0.0.1:$port" \
        java -jar "$junit" -cp "$deps:$work/runtime:$work/clients:generated/java/$platform/src/test/resources" \
        --select-class "org.accessspec.clients.$package.ConformanceTests" --disable-banner --details=summary --fail-if-no-tests \
        > "$work/junit-$platform.log" 2>&1 || status=$?
    grep -E "tests (successful|failed|found|skipped)" "$work/junit-$platform.log" | sed 's/^/   /'
    # A suite whose operation tests were skipped or aborted (an assumption, such as a base URL
    # the suite did not see) proves nothing.
    for count in "containers aborted" "tests skipped" "tests aborted"; do
        if ! grep -qE "^\[ +0 $count" "$work/junit-$platform.log"; then
            echo "   FAILED: $count"
            status=1
        fi
    done
    if [ "$status" -ne 0 ]; then
        failed=1
        echo "   FAILED (exit $status):"
        grep -E "✘|=>" "$work/junit-$platform.log" | head -30 | sed 's/^/     /'
    fi
    if [ "$algorithm" != "none" ]; then
        echo "== java: $platform: the Swift side signs (accessc conform), the Java RequestVerifier judges, in front of the mock"
        env "$variable=$secret" java -cp "$deps:$work/runtime:$work/runtime-tests" org.accessspec.runtime.SwiftSignsJavaVerifies \
            "$accessc" "$platform" "$port" $((port + 100)) || failed=1
    fi
    kill -INT "$mock" 2>/dev/null || true
    wait "$mock" 2>/dev/null || true
done
[ "$failed" -eq 0 ] && echo "== java: all passed"
exit "$failed"
