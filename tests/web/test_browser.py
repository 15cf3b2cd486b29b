"""The web interface in headless Chromium (Debian's package), driven by Playwright:
pages load and draw their charts offline, filters work, an article shows its
highlighted event, and a hostile article's script never runs.

The browser sees no system font with Devanagari (a fontconfig that lists only DejaVu), so
Hindi renders only through the font ghatna serves. Screenshots of the main pages go to
tests/artifacts/ (not committed), or to $GHATNA_SHOTS when set.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("headless browser tests need Debian's chromium at /usr/bin/chromium "
                "(apt-get install chromium)", allow_module_level=True)
pytest.importorskip("playwright")
uvicorn = pytest.importorskip("uvicorn")

from helpers import TESTS
from playwright.sync_api import sync_playwright  # noqa: E402
from web_data import build_store  # noqa: E402

from ghatna.web.app import create_app  # noqa: E402

ARTIFACTS = Path(os.environ.get("GHATNA_SHOTS") or TESTS / "artifacts")
LATIN_ONLY = Path("/usr/share/fonts/truetype/dejavu")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def _serving(app):
    """The app served by a real uvicorn on a free loopback port, for the test's duration."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / "web.db")
    ids = build_store(path)
    with _serving(create_app(path)) as base:
        yield base, ids


@pytest.fixture(scope="module")
def fontconfig(tmp_path_factory) -> dict[str, str]:
    """Environment for a fontconfig that knows only DejaVu (no Devanagari)."""
    if not LATIN_ONLY.is_dir():
        pytest.skip(f"the font-free profile needs DejaVu fonts at {LATIN_ONLY} (fonts-dejavu-core)")
    folder = tmp_path_factory.mktemp("fontconfig")
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<dir>{LATIN_ONLY}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>",
                    encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="module")
def browser(fontconfig):
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, env=os.environ | fontconfig)
        yield b
        b.close()


@contextmanager
def _watched_page(browser, base):
    """A page that records console errors and every request that leaves the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.outside = [], []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: not r.url.startswith((base, "data:")) and pg.outside.append(r.url))
    pg.on("dialog", lambda d: (pg.errors.append("dialog: " + d.message), d.dismiss()))
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def page(browser, server):
    with _watched_page(browser, server[0]) as pg:
        yield pg


def shot(pg, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("name, path, charts", [
    ("home", "/", 2), ("events", "/events", 1), ("actor-russia", "/actors/RUS", 2),
    ("network", "/network", 1), ("map", "/map", 1), ("search", "/search?q=lavrov", 0),
    ("articles", "/articles", 0), ("actors", "/actors", 0), ("docs", "/docs", 0),
    ("stories", "/stories", 0),
])
def test_page_loads_offline(page, server, name, path, charts):
    page.goto(server[0] + path)
    if charts:
        # (no wait_for_function: its string predicate would need the 'unsafe-eval' the
        # Content-Security-Policy forbids)
        page.locator("[data-rendered] .main-svg").nth(charts - 1).wait_for(timeout=15000)
    if name == "map":
        page.wait_for_selector("#map[data-drawn='4']", timeout=15000)
    if name == "docs":
        page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    shot(page, name)
    assert page.errors == []
    assert page.outside == []  # nothing fetched from the internet


def test_events_filter_and_open_article(page, server):
    base, ids = server
    page.goto(base + "/events")
    assert page.locator("tr.event").count() == 10
    page.select_option("select[name=type]", "CONSULT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?type=CONSULT*")
    rows = page.locator("tr.event")
    assert rows.count() == 1
    assert "नान्निंग" in rows.first.inner_text()
    rows.first.locator("a.src").click()
    page.wait_for_url(f"**/articles/{ids['nanning-meeting.txt']}#s1")
    trigger = page.locator("#s1 mark.trigger")
    assert trigger.inner_text() == "मुलाकात"
    assert trigger.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.click("#s1 a.evlink")
    card = page.locator(".card:target")
    assert "Sergey Lavrov" in card.inner_text() and "Nanning" in card.inner_text()
    shot(page, "article")
    assert page.errors == []


def test_one_row_per_event_is_a_filter_option(page, server):
    base, _ids = server
    page.goto(base + "/events")
    every = page.locator("tr.event").count()
    page.check("#event-filters input[name=unique]")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/events?*unique=true*")
    assert page.is_checked("#event-filters input[name=unique]")
    assert 0 < page.locator("tr.event").count() <= every
    assert "unique=true" in page.get_attribute("p.downloads a[download]", "href")
    assert page.errors == []


def test_search_in_both_scripts(page, server):
    base, ids = server
    for query in ("लावरोव", "lavrov"):
        page.goto(base + "/")
        page.fill("header input[name=q]", query)
        page.press("header input[name=q]", "Enter")
        page.wait_for_url("**/search?q=*")
        results = page.locator("li.result")
        assert results.count() == 1
        assert results.first.locator("mark").first.inner_text() == "लावरोव"


def test_network_click_opens_actor(page, server):
    page.goto(server[0] + "/network")
    page.wait_for_selector("#network[data-rendered] .main-svg")
    page.locator("#network .scatterlayer .point").first.click(force=True)
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text()


def test_hostile_article_never_runs_script(page, server):
    base, ids = server
    for path in (f"/articles/{ids['hostile.txt']}", "/", "/events", "/map", "/network",
                 "/search?q=" + quote("संयुक्त"), "/actors"):
        page.goto(base + path)
        page.wait_for_timeout(150)
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.evaluate("document.title").find("pwned") == -1 or "<script>" in page.title()
    page.goto(base + f"/articles/{ids['hostile.txt']}")
    assert "<script>window.pwned=1</script>" in page.locator("h1").inner_text()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("img").count() == 0
    shot(page, "hostile")
    assert page.errors == []


def test_profile_has_no_system_devanagari_font(fontconfig):
    if not shutil.which("fc-list"):
        pytest.skip("fc-list (fontconfig) is not installed")
    found = subprocess.run(["fc-list", ":lang=hi"], capture_output=True, text=True,
                           env=os.environ | fontconfig, check=True).stdout
    assert found.strip() == ""


@pytest.mark.parametrize("path", ["/", "/events", "/articles", "/stories", "/map"])
def test_devanagari_renders_with_the_served_font(page, server, path):
    page.goto(server[0] + path)
    page.evaluate("document.fonts.ready.then(() => true)")
    faces = page.evaluate("Array.from(document.fonts).filter(f => f.family.includes('Ghatna'))"
                          ".map(f => f.status)")
    assert faces == ["loaded"]  # the page used it (an unused face is never loaded)
    # Hindi drawn with the served face differs from the same text in the system's fallback
    # (boxes); Latin text is left to the system font (the face covers Devanagari only).
    widths = page.evaluate("""() => {
        const c = document.createElement('canvas').getContext('2d');
        const w = (font, text) => { c.font = font; return c.measureText(text).width; };
        return [w('20px "Ghatna Devanagari", monospace', 'घटना की रिपोर्ट'),
                w('20px monospace', 'घटना की रिपोर्ट'),
                w('20px "Ghatna Devanagari", monospace', 'report'), w('20px monospace', 'report')];
    }""")
    assert abs(widths[0] - widths[1]) > 5 and widths[2] == widths[3]
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Ghatna Devanagari"')


def test_map_has_borders_counts_and_zooms_to_a_region(page, server):
    page.goto(server[0] + "/map")
    page.wait_for_selector("#map[data-drawn='4']", timeout=15000)
    assert int(page.get_attribute("#map", "data-countries")) > 200  # Natural Earth outlines
    assert "6 of 10 events have coordinates" in page.inner_text("#map-count")
    assert "4 have none" in page.inner_text("#map-count")
    page.click("[data-region=india]")
    page.wait_for_selector("#map[data-region=india]", timeout=5000)
    x_range = page.evaluate("document.getElementById('map').layout.xaxis.range")
    y_range = page.evaluate("document.getElementById('map').layout.yaxis.range")
    # India in view, and not much else (the axes keep degrees square, so x widens)
    assert x_range[0] <= 68 and x_range[1] >= 97 and y_range[0] <= 8 and y_range[1] >= 35
    assert x_range[1] - x_range[0] < 80 and y_range[1] - y_range[0] < 40
    assert page.locator("#map .modebar").count() == 0  # no toolbar over the map
    # India's states and union territories drawn, Chhattisgarh shaded by its two events
    assert int(page.get_attribute("#map", "data-states-drawn")) >= 34
    assert page.get_attribute("#map", "data-states-shaded") == "1"
    labels = page.evaluate("document.getElementById('map').data"
                           ".filter(t => t.name === 'states')[0].hovertext")
    assert "Chhattisgarh: 2 events" in labels and "Bihar: 0 events" in labels
    assert "Chhattisgarh" in page.inner_text("#regions")
    shot(page, "map-india")
    assert page.errors == [] and page.outside == []


def test_events_filtered_by_a_state(page, server):
    page.goto(server[0] + "/events?place=Chhattisgarh")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 2 and "Chhattisgarh" in page.inner_text("table.events td.place")


def test_timeline_uses_a_date_axis_with_labels(page, server):
    page.goto(server[0] + "/")
    page.locator("#timeline[data-rendered] .main-svg").first.wait_for(timeout=15000)
    layout = page.evaluate("(() => { const l = document.getElementById('timeline').layout;"
                           " return [l.xaxis.type, l.xaxis.title.text, l.yaxis.title.text]; })()")
    assert layout == ["date", "month", "events"]
    assert page.locator(".modebar").count() == 0


REVIEW_TOKEN = "browser-review-token"


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """A server with a review token over 60 events (12 articles of 5), confidences 0.01-0.60."""
    from helpers import stored_events

    from ghatna.settings import Settings

    path = str(tmp_path_factory.mktemp("review") / "review.db")
    countries = ["IND", "CHN", "PAK", "RUS", "JPN", "USA"]
    articles = [(f"लेख {a}", "test-news", [
        ("CONSULT" if k % 2 else "ACCUSE", countries[(a + k) % 6], countries[(a + k + 1) % 6],
         f"2026-01-{a + 1:02d}", round(0.01 * (a * 5 + k + 1), 2)) for k in range(5)])
        for a in range(12)]
    stored_events(path, articles).close()
    settings = Settings.load().with_overrides({"web": {"token": REVIEW_TOKEN}})
    with _serving(create_app(path, settings)) as base:
        yield base, path


def test_judge_fifty_events_with_the_keyboard(browser, review_server):
    from ghatna.store.sqlite import Store

    base, path = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors, urls = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base + "/review?limit=60")
    rows = page.locator("tr.event")
    assert rows.count() == 60
    assert not page.locator("tr.event .review-controls button").first.is_visible()  # no token yet
    page.press("body", "y")  # no token: the keys do nothing
    page.fill("#review-token-input", REVIEW_TOKEN)
    page.fill("#review-name-input", "asha")
    page.click("#review-token button[type=submit]")
    assert page.locator("tr.event .review-controls button").first.is_visible()
    assert page.locator("#review-on").is_visible() and not page.locator("#review-token").is_visible()
    assert page.locator("tr.event.selected").count() == 1  # the first row, ready to judge
    expected = {}
    for i in range(50):
        if i:
            page.keyboard.press("j")
        row = rows.nth(i)
        assert "selected" in row.get_attribute("class")
        verdict = "wrong" if i % 5 == 0 else "correct"
        page.keyboard.press("n" if verdict == "wrong" else "y")
        page.locator(f"tr.event:nth-child({i + 1})[data-verdict={verdict}]").wait_for(timeout=5000)
        assert row.locator(".verdict").inner_text() == verdict
        expected[row.get_attribute("data-event-id")] = verdict
    page.keyboard.press("k")  # back up one: row 49, judged correct; change it to wrong
    page.keyboard.press("n")
    page.locator("tr.event:nth-child(49)[data-verdict=wrong]").wait_for(timeout=5000)
    expected[rows.nth(48).get_attribute("data-event-id")] = "wrong"
    shot(page, "review-queue")
    with Store(path, readonly=True) as store:
        reviews = store.reviews()
    assert {r["event_id"]: r["verdict"] for r in reviews} == expected
    assert len(reviews) == 50 and {r["reviewer"] for r in reviews} == {"asha"}
    # the queue shows the lowest confidence first, so these were the 50 least confident
    with Store(path, readonly=True) as store:
        judged = [r["confidence"] for r in store.query("SELECT confidence FROM events WHERE review IS NOT NULL")]
        left = [r["confidence"] for r in store.query("SELECT confidence FROM events WHERE review IS NULL")]
    assert len(left) == 10 and max(judged) < min(left)
    page.goto(base + "/review")
    assert page.locator("tr.event").count() == 10  # the 10 not yet judged
    summary = " ".join(page.inner_text("#review-summary").split())
    assert "50 of 60 events reviewed (83.3%)" in summary  # 11 wrong of 50: precision 78%
    assert "78.0% precision: correct or corrected, of 50 judged" in summary
    assert not any(REVIEW_TOKEN in u for u in urls)  # the token never went into a URL
    assert errors == []
    context.close()


def test_correct_an_event_in_the_dialog(browser, review_server):
    from ghatna.store.sqlite import Store

    base, path = review_server
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "/events?limit=100&include_rejected=true")
    page.fill("#review-token-input", REVIEW_TOKEN)
    page.click("#review-token button[type=submit]")
    row = page.locator("tr.event").last
    event_id = row.get_attribute("data-event-id")
    row.locator("[data-judge=edit]").click()
    page.select_option("#review-edit-type", "THREATEN")
    page.fill("#review-edit-recipient", "IGO:UN, twn")
    page.fill("#review-edit-note", "धमकी दी")
    page.click("#review-edit button[value=save]")
    page.locator(f"tr.event[data-event-id='{event_id}'][data-verdict=corrected]").wait_for(timeout=5000)
    assert row.locator(".etype").inner_text() == "THREATEN"
    with Store(path, readonly=True) as store:
        record = store.event(event_id)
    assert record["event"] == "THREATEN" and record["review"]["note"] == "धमकी दी"
    assert [r["code"] for r in record["recipient"]] == ["IGO:UN", "TWN"]
    # the session keeps the token: another page of this tab needs no new entry
    page.goto(base + "/events")
    assert page.locator("#review-on").is_visible() and not page.locator("#review-token").is_visible()
    page.keyboard.press("j")
    page.keyboard.press("e")
    assert page.locator("#review-edit").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("#review-edit").is_visible()
    context.close()


@pytest.fixture(scope="module")
def pg_served(pg_server):
    """The test articles in a PostgreSQL database, served with a review token."""
    from helpers import new_database

    from ghatna.settings import Settings

    with new_database(pg_server) as url:
        ids = build_store(url)
        settings = Settings.load().with_overrides({"web": {"token": REVIEW_TOKEN}})
        with _serving(create_app(url, settings)) as base:
            yield base, ids, url


def test_pages_served_from_postgresql(browser, pg_served):
    """A smoke test of the interface over PostgreSQL: charts, the map, a filter leading to
    an article with its highlighted trigger, search in Latin letters, and a verdict."""
    from ghatna.store import open_store

    base, ids, url = pg_served
    with _watched_page(browser, base) as page:
        page.goto(base + "/")
        page.locator("[data-rendered] .main-svg").nth(1).wait_for(timeout=15000)
        page.goto(base + "/map")
        page.wait_for_selector("#map[data-drawn='4']", timeout=15000)
        assert "6 of 10 events have coordinates" in page.inner_text("#map-count")
        page.goto(base + "/events")
        page.select_option("select[name=type]", "CONSULT")
        page.click("#event-filters button[type=submit]")
        page.wait_for_url("**/events?type=CONSULT*")
        assert page.locator("tr.event").count() == 1
        page.locator("tr.event a.src").first.click()
        page.wait_for_url(f"**/articles/{ids['nanning-meeting.txt']}#s1")
        assert page.locator("#s1 mark.trigger").inner_text() == "मुलाकात"
        shot(page, "postgresql-article")
        page.goto(base + "/search?q=lavrov")
        assert page.locator("li.result").count() == 1
        assert page.locator("li.result mark").first.inner_text() == "लावरोव"
        page.goto(base + "/review")
        page.fill("#review-token-input", REVIEW_TOKEN)
        page.click("#review-token button[type=submit]")
        event_id = page.locator("tr.event").first.get_attribute("data-event-id")
        page.keyboard.press("y")
        page.locator(f"tr.event[data-event-id='{event_id}'][data-verdict=correct]").wait_for(timeout=5000)
        shot(page, "postgresql-review")
        assert page.errors == [] and page.outside == []
    with open_store(url, readonly=True) as store:
        assert [h["verdict"] for h in store.event(event_id)["history"]] == ["correct"]
