"""The review page in a real browser: Playwright driving Debian's chromium (/usr/bin/chromium).

Skipped, with the reason, when chromium or Playwright is absent; `.ci/run` installs chromium.
With RNE_MATCH_SCREENSHOTS=1 the scenario tests also refresh the README's screenshots
(docs/review-queue.png, docs/review-row.png); otherwise they go to a temporary folder, so that a test
run leaves the checkout as it found it.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import polars as pl
import pytest

from rne_match.review._deps import read_workbook
from rne_match.review.app import ReviewApp, ReviewServer, serve_in_thread
from rne_match.review.store import Filters, ReviewSession, find_target, read_results

from .review_helpers import XSS_MANDATE, XSS_NAME, demo_run

CHROMIUM = Path("/usr/bin/chromium")
DOCS = Path(__file__).resolve().parents[1] / "docs"
SHOTS = DOCS if os.environ.get("RNE_MATCH_SCREENSHOTS") == "1" else Path(tempfile.mkdtemp(prefix="rne-shots-"))
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="navigateur absent : /usr/bin/chromium (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright absent (pip install -e '.[dev]')")

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Server:
    """A review server in a thread, restartable like the command (new token, same base)."""

    def __init__(self, db: Path, reviewer: str = "Alice"):
        self.db, self.reviewer = db, reviewer
        self.start()

    def start(self):
        self.session = ReviewSession.open(self.db, find_target(self.db))
        self.server = ReviewServer(ReviewApp(self.session, reviewer=self.reviewer))
        serve_in_thread(self.server)
        self.url = self.server.url
        self.base = self.url.split("/?")[0]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def restart(self):
        self.stop()
        self.start()


@pytest.fixture()
def server(sample_db, sample_registry, tmp_path):
    db, _ = demo_run(sample_db, sample_registry, tmp_path)
    s = Server(db)
    yield s
    s.stop()


@pytest.fixture()
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def go(page, locator) -> int:
    """Click something that loads a page, wait for it, return the row number in the new URL."""
    with page.expect_navigation():
        locator.click()
    m = re.search(r"/ligne/(\d+)", page.url)
    return int(m.group(1)) if m else 0


def press(page, key: str) -> int:
    with page.expect_navigation():
        page.keyboard.press(key)
    m = re.search(r"/ligne/(\d+)", page.url)
    return int(m.group(1)) if m else 0


def decided(page) -> str:
    return page.locator("#progression strong").inner_text()


def test_scenario_accept_reject_undo_duplicate_restart_export(server, page, tmp_path):
    page.goto(server.url)
    assert page.url == server.base + "/"  # the token left the address bar for a cookie
    to_review = server.session.queue(Filters())["to_review"]
    assert decided(page) == f"0 / {to_review} décidées"
    rows = page.locator("#file tr.ligne")
    assert rows.count() == min(100, to_review)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "review-queue.png"))

    first = int(rows.nth(0).get_attribute("data-ligne"))
    go(page, rows.nth(0).locator("a.ouvrir"))
    assert page.locator("h1").inner_text().startswith(f"Ligne {first}")
    cards = page.locator("article.carte")
    assert cards.count() >= 1 and page.locator("#candidat-1 .mandats tbody tr").count() >= 1
    assert "naissance" not in page.content()
    page.screenshot(path=str(SHOTS / "review-row.png"), full_page=True)
    accepted_person = page.locator("#accepter-1 input[name=person_id]").get_attribute("value")

    second = go(page, page.locator("#accepter-1 button"))  # accept → next row of the queue
    assert second != first, (page.url, page.content()[:600])
    third = go(page, page.locator("#form-rejeter button"))
    go(page, page.locator("#form-rejeter button"))  # reject the third…
    page.goto(f"{server.base}/ligne/{third}")
    assert "rejetée" in page.locator("#decision-courante").inner_text()
    go(page, page.locator("#form-annuler button"))  # …and undo it
    assert page.url.endswith(f"/ligne/{third}")
    assert "Pas encore de décision" in page.locator("#decision-courante").inner_text()
    page.fill("#doublon", str(first))
    go(page, page.locator("#form-doublon button"))
    page.goto(server.base + "/")
    assert decided(page) == f"3 / {to_review} décidées"

    server.restart()  # a new process would do the same: decisions come from the base
    page.goto(server.url)
    assert decided(page) == f"3 / {to_review} décidées"
    page.goto(f"{server.base}/ligne/{second}")
    assert "rejetée" in page.locator("#decision-courante").inner_text()
    page.goto(f"{server.base}/ligne/{third}")
    assert f"doublon de la ligne {first}" in page.locator("#decision-courante").inner_text().replace("\n", " ")

    page.goto(server.base + "/")
    with page.expect_download() as info:
        page.locator("a[href='/export.xlsx']").click()
    path = tmp_path / "liste.xlsx"
    info.value.save_as(path)
    listed = read_workbook(path)
    frame = read_results(server.session.target.results).with_row_index("n", offset=1)
    auto = frame.filter((pl.col("status") == "verified") & pl.col("duplicate_of").is_null())
    expected = set(auto["n"].to_list())
    if accepted_person not in set(auto["rne_person_id"].to_list()):
        expected.add(first)
    assert set(int(x) for x in listed["n_ligne"].to_list()) == expected
    assert second not in expected and third not in expected
    if first in expected:
        row = listed.filter(pl.col("n_ligne").cast(pl.Int64) == first).row(0, named=True)
        assert row["rne_person_id"] == accepted_person and row["decision"].startswith("acceptée par Alice le ")
    assert not page.dialogs


def test_keyboard_only_flow(server, page):
    page.goto(server.url)
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    first = int(page.locator("#file tr.courante").get_attribute("data-ligne"))
    assert press(page, "Enter") == first
    second = press(page, "1")  # accept candidate 1 → next row
    assert second != first
    third = press(page, "r")
    assert third != second
    assert press(page, "k") == second  # back to the rejected row
    assert "rejetée" in page.locator("#decision-courante").inner_text()
    assert press(page, "u") == second
    assert "Pas encore de décision" in page.locator("#decision-courante").inner_text()
    page.keyboard.press("c")
    page.keyboard.type("rappeler la mairie")
    assert press(page, "Enter") == third
    page.keyboard.press("d")
    page.keyboard.type(str(first))
    assert press(page, "Enter") not in (third, 0)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "recherche"
    s = server.session
    assert s.row(first)["decision"]["action"] == "accept"
    assert s.row(second)["decision"]["note"] == "rappeler la mairie"
    assert (s.row(third)["decision"]["action"], s.row(third)["decision"]["duplicate_of"]) == ("duplicate", first)


def test_hostile_signature_renders_as_text(server, page):
    page.goto(server.url)
    page.fill("#recherche", "script")
    press(page, "Enter")
    cell = page.locator("#file tr.ligne td.nom").first
    assert cell.inner_text() == f"Mallory {XSS_NAME}"
    go(page, cell.locator("xpath=..").locator("a.ouvrir"))
    assert page.locator("#signataire").inner_text() == f"Mallory {XSS_NAME}"
    assert page.get_by_text("<b>gras</b>").count() >= 1  # the party, as written
    assert page.locator("main script").count() == 0 and page.locator("b", has_text="gras").count() == 0
    page.goto(server.base + "/?q=pirate")
    go(page, page.locator("#file tr.ligne a.ouvrir").first)
    assert page.get_by_text(XSS_MANDATE).count() >= 1
    assert page.locator("main img").count() == 0
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_without_the_token_every_request_is_refused(server, browser):
    context = browser.new_context()
    try:
        pg = context.new_page()
        for path in ("/", "/ligne/1", "/static/review.js", "/export.csv"):
            response = pg.goto(server.base + path)
            assert response.status == 403, path
        assert "Accès refusé" in pg.content()
        assert pg.goto(server.base + "/?token=wrong").status == 403
        headers = pg.goto(server.url).headers  # with it: the page, under a strict policy
        assert "default-src 'none'" in headers["content-security-policy"]
    finally:
        context.close()
