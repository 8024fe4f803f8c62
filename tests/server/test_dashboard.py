"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright against `communique serve`.

Skips with a message when /usr/bin/chromium or the npm assets are missing (``./run test`` installs both).
Screenshots of each view go to build/screenshots/.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from communique.server.app import DEFAULT_ASSETS

sys.path.insert(0, str(Path(__file__).parents[1]))
from signal_store import TEXT, put, stream  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """``communique serve`` on ``db`` (a copy: the server may migrate it) at a free local port; yields its URL.
    Skips when the browser or the dashboard assets are missing."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (./run test installs Debian's chromium); browser tests skipped")
    if not (DEFAULT_ASSETS / "d3" / "dist" / "d3.min.js").exists():
        pytest.skip(f"dashboard assets missing in {DEFAULT_ASSETS} (./run installs them with npm); skipped")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from communique.cli import main; main()", "serve", "--db", str(db), "--port",
         str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dash") / "examples.duckdb"
    shutil.copy(example_db, db)
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def signals_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store with one known shift: RUSGOV and SYRMIL sign four pacts a day for 50 days, then 14, 15 and 16 on
    10-12 February 2025 (:mod:`signal_store`), five articles a day."""
    db = tmp_path_factory.mktemp("dash") / "signals.duckdb"
    rows, volume = stream({40: 14, 41: 15, 42: 16}, volume=5)
    put(db, rows, volume).close()
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        yield b
        b.close()


def test_dashboard(server: str, browser: object) -> None:
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1500})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)

    # the network renders nodes, the timeline points, the map outlines and markers
    assert page.locator("#network .node circle").count() >= 10
    assert page.locator("#network line.link.conf").count() >= 1 and page.locator("#network line.link.coop").count() >= 1
    assert page.locator("#timeline circle.point").count() >= 5
    assert page.locator("#map path.land").count() > 100
    assert page.locator("#map circle.marker").count() >= 5
    total = page.locator("#total").inner_text()
    assert total.startswith("54 events") or int(total.split()[0]) > 40
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    page.screenshot(path=str(SHOTS / "overview.png"), clip={"x": 0, "y": 0, "width": 1400, "height": 1000},
                    scale="css")
    for view in ("network", "timeline", "map", "list"):
        page.locator(f"#{view}-panel").screenshot(path=str(SHOTS / f"{view}.png"))

    # a click on an event shows its article with the evidence highlighted
    row = page.locator("#events tbody tr").first
    row.click()
    page.wait_for_selector("#detail mark.hl-evidence")
    evidence = page.locator("#detail .report").first.locator("mark.hl-evidence")
    shown = "".join(evidence.all_inner_texts())
    import json
    import urllib.request

    with urllib.request.urlopen(server + "/api/events?limit=1") as resp:  # the list's first event, by the API
        first = json.load(resp)["events"][0]
    assert shown.split()[:5] == first["evidence"].split()[:5]  # its evidence, highlighted in its article
    assert page.locator("#detail mark.hl-trigger").count() >= 1
    assert page.locator("#detail mark.hl-actor").count() >= 1
    page.locator("#detail-panel").screenshot(path=str(SHOTS / "detail.png"))

    # a click on a timeline point lists its events
    page.locator("#timeline circle.point").first.click()
    page.wait_for_selector("#point li")
    assert page.locator("#point li").count() >= 1

    # a filter changes the results
    page.fill("#filters input[name=dyad_a]", "RUS")
    page.fill("#filters input[name=dyad_b]", "UKR")
    page.click("#apply")
    expect(page.locator("#total")).not_to_have_text(total, timeout=15_000)
    rows = page.locator("#events tbody tr").all_inner_texts()
    assert 1 <= len(rows) < 10 and all("RUS" in r and "UKR" in r for r in rows)
    assert page.locator("#network .node circle").count() >= 2
    page.screenshot(path=str(SHOTS / "filtered.png"), full_page=True)

    # a bad filter shows a one-line error, not a broken page
    page.fill("#filters input[name=country]", "XX1")
    page.click("#apply")
    expect(page.locator("#error")).to_contain_text("country", timeout=15_000)
    page.close()
    api_errors = [p for p in problems if "422" not in p]
    assert api_errors == []


def test_the_what_changed_panel(signals_server: str, browser: object) -> None:
    """The "what changed" panel lists the store's one signal with its score, window and evidence; a click on an
    evidence line opens that event in its article, a click on the signal lists every event behind it."""
    from playwright.sync_api import expect

    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1500})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(signals_server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    page.wait_for_selector("#signals li.signal")

    # one signal, as the API gives it: unit, direction, window, score, observed against expected in its window
    api = httpx.get(f"{signals_server}/api/signals", params={"limit": 12}, timeout=30).json()
    [sig] = api["signals"]
    assert (sig["unit"], sig["start"], sig["end"], sig["event_count"]) == ("RUS–SYR", "2025-02-10", "2025-02-13", 49)
    items = page.locator("#signals > li.signal")
    assert items.count() == 1
    text = items.first.inner_text()
    assert text.startswith("RUS–SYR toward cooperation (cooperation increase), 2025-02-10 – 2025-02-13, score "
                           f"{sig['score']}: {sig['observed']} events against {sig['expected']} expected in "
                           f"{sig['window_start']} – {sig['window_end']}"), text
    assert "49 events in all" in text
    # its first five events, each with its evidence and article
    lines = items.first.locator("ul.evidence > li")
    assert lines.count() == 5
    assert all(f"2025-02-10 057 RUSGOV → SYRMIL: “{TEXT[8:40]}”" in t for t in lines.all_inner_texts())
    assert lines.first.get_attribute("title") == "article a2025-02-10-0, characters 8–40"
    page.locator("#signals-panel").screenshot(path=str(SHOTS / "signals.png"))

    # a click on an evidence line opens that event with its evidence highlighted in the article
    lines.first.click()
    page.wait_for_selector("#detail mark.hl-evidence")
    shown = "".join(page.locator("#detail .report").first.locator("mark.hl-evidence").all_inner_texts())
    assert shown == TEXT[8:40]
    assert page.locator("#detail mark.hl-trigger").first.inner_text() == "signed"

    # a click on the signal filters the views to its dyad and window: the 49 events behind it
    items.first.locator("b").first.click()  # the signal's own line (its evidence lines open their events)
    expect(page.locator("#total")).to_have_text("49 events, 1–25", timeout=15_000)
    assert page.locator("#filters input[name=dyad_a]").input_value() == "RUS"
    assert page.locator("#filters input[name=since]").input_value() == "2025-02-10"
    page.close()
    assert problems == []
