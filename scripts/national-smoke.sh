#!/usr/bin/env bash
# The national network's shape, end to end, at a size CI affords: Benchmarks/national.py writes
# a workspace (hub, 31 provinces, 333 cities, departments, third parties, a few counties) that
# must check clean; a cached rebuild after one county is edited and a province renamed must leave
# exactly what a clean build leaves (judged by diff -r); and no docs page but the search index may
# pass 1 MB, nor an IR file 10 MB. Usage: scripts/national-smoke.sh [COUNTIES]
set -euo pipefail
cd "$(dirname "$0")/.."
counties="${1:-30}"
accessc="${ACCESSC:-.build/debug/accessc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ACCESSC_CACHE_DIR="$work/cache"

python3 Benchmarks/national.py --counties "$counties" --out "$work/ws" >/dev/null
"$accessc" check "$work/ws"

# ir and docs: the outputs that index the network as well as each platform's own.
build() { "$accessc" build "$work/ws" --output ir --output docs "$@"; }
build --out "$work/cached"
county=$(find "$work/ws/regions" -name '*-c[0-9]*.yaml' | sort | sed -n 1p)
sed -i '0,/接入契约（全国规模基准测试合成数据）/s//接入契约（已修订；全国规模基准测试合成数据）/' "$county"
province=$(find "$work/ws/regions" -maxdepth 2 -name '*.yaml' | sort | sed -n 1p)
sed -i '0,/^  name: \(.*\)$/s//  name: \1（改名）/' "$province"
build --out "$work/cached"
build --out "$work/clean" --no-cache
diff -r "$work/cached" "$work/clean"
echo "national-smoke: the cached rebuild after editing ${county#"$work/ws/"} and ${province#"$work/ws/"} equals a clean build"

large=$(find "$work/clean/docs" -type f -size +1M ! -name search-index.js; find "$work/clean/ir" -type f -size +10M)
if [ -n "$large" ]; then echo "national-smoke: docs pages over 1 MB or IR files over 10 MB: $large" >&2; exit 1; fi
