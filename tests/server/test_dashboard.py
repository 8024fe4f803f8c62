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
from pathlib import Path

import httpx
import pytest

from communique.server.app import DEFAULT_ASSETS

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (./run test installs Debian's chromium); browser tests skipped")
    if not (DEFAULT_ASSETS / "d3" / "dist" / "d3.min.js").exists():
        pytest.skip(f"dashboard assets missing in {DEFAULT_ASSETS} (./run installs them with npm); skipped")
    db = tmp_path_factory.mktemp("dash") / "examples.duckdb"
    shutil.copy(example_db, db)
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
