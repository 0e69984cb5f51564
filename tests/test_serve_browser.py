"""``gongwen serve`` in a real browser: Playwright driving Debian's chromium through
overview → search → document → comparison → brief download, with a screenshot of every page.

Playwright's own browser download cannot work here, so the test uses the system chromium
(``apt-get install chromium``; ``.ci/run`` installs it). Without it the test skips on a
developer machine and fails in CI (``CI=true``), so CI never passes by skipping.
Screenshots go to ``$GONGWEN_SCREENSHOTS`` when set (to look at them), else a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_store import build

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from gongwen.serve import create_app

    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run must install it (apt-get install chromium)")
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    db = build(tmp_path_factory.mktemp("browser") / "g.db")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("GONGWEN_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_first_visit_in_a_real_browser(server: str, shots: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto(server + "/")
        assert "份文件" in page.locator("h1").inner_text()
        page.screenshot(path=str(shots / "1-overview.png"), full_page=True)

        page.fill(".big-search input[type=search]", "组织部 档案")
        page.click(".big-search button")
        page.wait_for_url("**/search?**")
        assert page.locator("li.hit").count() > 0 and page.locator("li.hit mark").count() > 0
        page.screenshot(path=str(shots / "2-search.png"), full_page=True)

        page.locator("li.hit .hit-meta a").first.click()
        page.wait_for_url("**/documents/**")
        assert page.locator("#text .k-duty").count() > 0
        outline = page.locator("nav.outline a").first
        assert outline.count() == 1
        page.screenshot(path=str(shots / "3-document.png"), full_page=False)
        page.uncheck(".legend input[data-kind=k-duty]")
        assert "hide-k-duty" in (page.locator("body").get_attribute("class") or "")

        page.click("text=会议规则比较")
        page.wait_for_url("**/compare/meetings")
        first_before = page.locator("table.compare tbody tr th").first.inner_text()
        page.locator("table.compare thead th").first.click()
        page.locator("table.compare thead th").first.click()
        assert page.locator("table.compare thead th").first.get_attribute("aria-sort") == "descending"
        assert page.locator("table.compare td.differs").count() > 0
        page.screenshot(path=str(shots / "4-compare-meetings.png"), full_page=True)
        assert first_before

        page.goto(server + "/compare/duties?organ=组织部")
        assert page.locator("table.compare tbody tr").count() > 0
        page.screenshot(path=str(shots / "5-compare-duties.png"), full_page=True)

        page.click("text=简报")
        page.wait_for_url("**/brief")
        page.locator("input[name=doc]").first.check()
        page.screenshot(path=str(shots / "6-brief.png"), full_page=True)
        with page.expect_download() as info:
            page.click("form button")
        target = tmp_path / "brief.docx"
        info.value.save_as(target)
        assert target.read_bytes()[:2] == b"PK"
        assert not errors, errors
        browser.close()
