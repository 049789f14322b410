#!/usr/bin/env bash
# How the documentation site reads in a real browser: headless chromium's time to load, parse,
# style and lay out the index (and the largest region, area and platform pages), from file://,
# and the largest pages, with every page but the search index held to 1 MB.
#
#   Benchmarks/docs-render.sh [DOCS] [RUNS]
#
# DOCS is a generated docs folder (default generated/docs; for a national one:
# `python3 Benchmarks/national.py --counties 2800 --out /tmp/n2800` on the national-bench branch,
# then `accessc build /tmp/n2800 --out /tmp/n2800-out --output docs`). RUNS (default 3) runs per
# page; the median is reported. Each page is timed from a small harness page that loads it in an
# iframe and forces layout when it has loaded (so browser start-up is not counted); exit 1 when
# a page other than search-index.js is over 1 MB or the index takes 3 s or more.
#
# Needs chromium (apt-get install -y chromium); installed when missing (as root).
set -euo pipefail

cd "$(dirname "$0")/.."
docs="$(cd "${1:-generated/docs}" && pwd)"
runs="${2:-3}"
[[ -f "$docs/index.html" ]] || { echo "error: $docs/index.html is missing" >&2; exit 1; }
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Milliseconds from inserting the iframe to its load event plus a forced layout of its document.
measure() {
  local page="$1"
  cat >"$work/harness.html" <<HTML
<!DOCTYPE html><html><body><p id="result">pending</p><script>
var start = performance.now();
var frame = document.createElement("iframe");
frame.style.width = "1400px"; frame.style.height = "2000px";
frame.onload = function () {
  var body = frame.contentDocument && frame.contentDocument.body;
  var height = body ? body.getBoundingClientRect().height : -1;
  document.getElementById("result").textContent = (performance.now() - start).toFixed(1) + " " + height.toFixed(0);
};
frame.src = "file://$docs/$page";
document.body.appendChild(frame);
</script></body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --allow-file-access-from-files --user-data-dir="$work/profile" \
    --window-size=1400,2000 --dump-dom "file://$work/harness.html" 2>/dev/null \
    | sed -n 's/.*<p id="result">\([^<]*\)<\/p>.*/\1/p'
}

median_ms() {
  local page="$1" times=() result height=""
  for _ in $(seq "$runs"); do
    result="$(measure "$page")"
    [[ "$result" == pending || -z "$result" ]] && { echo "error: $page did not load" >&2; return 1; }
    times+=("${result%% *}")
    height="${result##* }"
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v h="$height" '{ t[NR] = $1 } END { printf "%s ms (page %s px tall)", t[int((NR + 1) / 2)], h }'
}

largest() { (cd "$docs" && find "$1" -name '*.html' -printf '%s %p\n' 2>/dev/null | sort -rn | head -1 | cut -d' ' -f2); }

echo "docs: $docs"
echo "files: $(find "$docs" -type f | wc -l), bytes: $(du -sb "$docs" | cut -f1) ($(du -sh "$docs" | cut -f1))"
status=0
index_ms=""
for page in index.html "$(largest regions)" "$(largest areas)" "$(largest platforms)" search.html; do
  [[ -n "$page" && -f "$docs/$page" ]] || continue
  line="$(median_ms "$page")"
  printf '%-44s %9s bytes  %s\n' "$page" "$(stat -c %s "$docs/$page")" "$line"
  [[ "$page" == index.html ]] && index_ms="${line%% ms*}"
done

echo "largest files:"
(cd "$docs" && find . -type f -printf '%s %P\n' | sort -rn | head -8 | awk '{ printf "  %9d  %s\n", $1, $2 }')
over="$(cd "$docs" && find . -type f -size +1000000c ! -name search-index.js -printf '%P\n')"
if [[ -n "$over" ]]; then
  echo "error: over 1 MB:" >&2
  echo "$over" | sed 's/^/  /' >&2
  status=1
fi
if [[ -n "$index_ms" ]] && awk -v t="$index_ms" 'BEGIN { exit !(t >= 3000) }'; then
  echo "error: the index took $index_ms ms, 3 s or more" >&2
  status=1
fi
exit "$status"
