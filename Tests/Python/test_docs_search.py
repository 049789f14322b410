"""The docs' search page in a real browser, from file:// as a reviewer opens it.

Headless chromium loads generated/docs/search.html?q=..., lets the page's scripts run
(search-index.js assigns the index, search.js reads ?q= and lists the matches) and dumps the DOM;
the first result must be the platform the query names, by its Chinese name, its id or its region
code. Skipped only when chromium is not installed (CI installs it); ACCESSSPEC_REQUIRE_CHROMIUM=1
makes a missing chromium a failure.

ACCESSSPEC_DOCS=DIR runs the same checks against another generated site (e.g. a national one)
for the queries in ACCESSSPEC_DOCS_QUERIES, "query=id;query=id".
"""
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

import pytest

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

if CHROMIUM is None and os.environ.get("ACCESSSPEC_REQUIRE_CHROMIUM") != "1":
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)

RESULT = re.compile(r'<li data-id="([^"]*)"><a href="([^"]*)">([^<]*)</a>')
STATUS = re.compile(r'<p id="search-status"[^>]*>([^<]*)</p>')


def search(docs, query):
    """The ids, links and names the search page lists for `query`, in order, and its status line."""
    url = "file://" + os.path.join(docs, "search.html") + "?q=" + urllib.parse.quote(query)
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
             "--virtual-time-budget=10000", "--dump-dom", url],
            capture_output=True, text=True, timeout=180, check=True).stdout
    status = STATUS.search(dom)
    return RESULT.findall(dom), status.group(1) if status else None


SPECS = os.path.join(REPOSITORY, "generated", "docs")
NAME_TORTURE = os.path.join(REPOSITORY, "Tests", "NameTorture", "generated", "docs")

CASES = [
    # By Chinese name, whole or in part.
    (SPECS, "合肥市政务服务平台", "hefei"),
    (SPECS, "合肥", "hefei"),
    (SPECS, "工商银行", "icbc-mobile"),
    (SPECS, "安徽", "anhui"),
    # By id, any case.
    (SPECS, "icbc-mobile", "icbc-mobile"),
    (SPECS, "SAMR", "samr"),
    # By region code, whole or a prefix.
    (SPECS, "340100", "hefei"),
    (SPECS, "3401", "hefei"),
    (SPECS, "370000", "shandong"),
    # 183 platforms that share one Chinese name: the id still finds the one.
    (NAME_TORTURE, "actor", "actor"),
    (NAME_TORTURE, "associatedtype", "associatedtype"),
]

extra = os.environ.get("ACCESSSPEC_DOCS")
if extra:
    for pair in os.environ.get("ACCESSSPEC_DOCS_QUERIES", "").split(";"):
        if "=" in pair:
            query, expected = pair.rsplit("=", 1)
            CASES.append((os.path.abspath(extra), query, expected))


def case_id(case):
    docs, query, _ = case
    site = {SPECS: "specs", NAME_TORTURE: "name-torture"}.get(docs, "extra")
    return f"{site}:{query}"


@pytest.mark.parametrize("docs,query,expected", CASES, ids=[case_id(c) for c in CASES])
def test_search_finds_the_platform(docs, query, expected):
    results, status = search(docs, query)
    assert results, f"no results for {query!r} (status: {status!r})"
    first_id, first_href, _ = results[0]
    assert first_id == expected, f"{query!r} lists {[r[0] for r in results[:5]]} first, not {expected!r}"
    # The link opens the platform's page, which exists beside search.html.
    assert first_href == f"platforms/{expected}.html"
    assert os.path.isfile(os.path.join(docs, first_href))


def test_region_prefix_lists_a_city_with_its_province_first():
    results, _ = search(SPECS, "34")
    assert [r[0] for r in results[:2]] == ["anhui", "hefei"]


def test_a_query_that_matches_nothing_says_so():
    results, status = search(SPECS, "不存在的平台")
    assert results == []
    assert status is not None and "不存在的平台" in status


def test_contract_text_is_shown_as_text(tmp_path):
    # The hostile docs fixture's names hold markup and script; the results show them as text.
    accessc = os.environ.get("ACCESSC") or os.path.join(REPOSITORY, ".build", "debug", "accessc")
    if not os.path.isfile(accessc):
        pytest.skip("no accessc binary (set ACCESSC or run swift build)")
    fixture = os.path.join(REPOSITORY, "Tests", "AccessSpecGeneratorsTests", "Fixtures", "hostile-docs")
    subprocess.run([accessc, "build", fixture, "--out", str(tmp_path), "--output", "docs"], check=True, capture_output=True)
    docs = str(tmp_path / "docs")
    results, _ = search(docs, "alert(30)")
    assert [r[0] for r in results] == ["bank"]
    assert results[0][2] == "银行 &lt;script&gt;alert(30)&lt;/script&gt;"
    results, _ = search(docs, "<script>")
    assert {r[0] for r in results} >= {"national", "province", "bank"}
