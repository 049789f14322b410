#!/usr/bin/env bash
# Renders the documentation site's index, one platform page, the first province's region page
# and an area page to PNG with Debian's headless chromium, to check the pages in a real browser
# (layout, the drawings, CJK text).
#
#   scripts/screenshot-docs.sh [PLATFORM] [OUTDIR] [DOCS]
#
# PLATFORM defaults to the first page under DOCS/platforms/; OUTDIR to .build/docs-screenshots;
# DOCS to generated/docs (run `swift run accessc build specs` first).
#
# Needs (Debian): chromium, and fonts-noto-cjk, without which Chinese text renders as boxes.
# Both are installed when missing (as root, through apt-get).
set -euo pipefail

cd "$(dirname "$0")/.."
platform="${1:-}"
out="${2:-.build/docs-screenshots}"
docs="$(cd "${3:-generated/docs}" && pwd)"

if [[ ! -f "$docs/index.html" ]]; then
  echo "error: $docs/index.html is missing; run 'swift run accessc build specs' first" >&2
  exit 1
fi
if [[ -z "$platform" ]]; then
  for page in "$docs"/platforms/*.html; do
    platform="$(basename "$page" .html)"
    break
  done
fi
if [[ ! -f "$docs/platforms/$platform.html" ]]; then
  echo "error: no page for platform '$platform' in $docs/platforms" >&2
  exit 1
fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

shoot() {
  local page="$1" png="$2"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1400,2400 --screenshot="$png" "file://$docs/$page" 2>/dev/null
  echo "$png"
}

shoot index.html "$out/index.png"
shoot "platforms/$platform.html" "$out/platform-$platform.png"
for page in "$docs"/regions/*.html; do
  shoot "regions/$(basename "$page")" "$out/region-$(basename "$page" .html).png"
  break
done
shoot areas/identity.html "$out/area-identity.png"
