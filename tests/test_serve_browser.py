"""A whole review in a real browser (Debian's Chromium through Playwright), as an editor does it.

Open a draft (pasted), mark the contradicted finding a false alarm with a
reason and a name, add the missing source by URL (a page of a local web
server), see the other claim's verdict change and the gate pass. Skipped
where Chromium is missing, failing in CI then (see test_report_browser).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from pipeline.config import Settings
from pipeline.gate import gate
from pipeline.ingest import ingest
from pipeline.serve import create_app
from pipeline.store import Store
from tests.test_report_browser import browser  # noqa: F401  # the module's browser fixture

SOURCE = (
    "The police watchdog said on Friday that 17 officers were investigated for misconduct "
    "over the Port case. None of them will face disciplinary action.\n"
)
DRAFT = (
    "The watchdog said 23 officers were investigated for misconduct over the Port case.\n\n"
    "The council spent four million pounds on the Barking inquests in 2021.\n"
)
PAGE = """<!DOCTYPE html><html><head><title>Inquest costs</title></head><body><article>
<h1>Inquest costs</h1><p>The council spent four million pounds on the Barking inquests in 2021,
its accounts show.</p><p>The figure covers legal fees and the hire of the court room.</p>
</article></body></html>"""


@pytest.fixture
def server(tmp_path: Path, nlp):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "watchdog.txt").write_text(SOURCE)
    db = str(tmp_path / "e.db")
    with Store(db) as store:
        ingest([tmp_path / "sources"], store, nlp=nlp)
    settings = Settings(db=db, allow_hosts=("127.0.0.1",))
    app = create_app(settings, root=tmp_path, nlp=nlp)
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", db
    httpd.shutdown()


def test_a_whole_review(browser, server, web, nlp, tmp_path: Path) -> None:  # noqa: F811
    base, db = server
    source_url = web.html("/costs", PAGE)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)  # each step checks the draft again
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # Open: paste the draft.
    page.goto(base + "/")
    page.fill("textarea[name=text]", DRAFT)
    page.click("button:text-is('Check')")
    page.wait_for_selector("p.gate")
    assert "Gate: fails" in page.inner_text("p.gate")
    assert page.locator("a.claim.v-contradicted").count() == 1
    assert page.locator("a.claim.v-unverified").count() == 1

    # Mark the contradicted finding a false alarm.
    link = page.locator("a.claim.v-contradicted")
    detail = link.get_attribute("href")
    link.click()
    form = page.locator(f"{detail} form.decide")
    form.locator("select[name=decision]").select_option("false-alarm")
    form.locator("input[name=reason]").fill("the watchdog's count was corrected later")
    form.locator("input[name=author]").fill("Jo Editor")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("p.gate")
    assert "Gate: passes" in page.inner_text("p.gate")
    assert "Jo Editor" in page.inner_text(f"{detail} p.decision")

    # Add the missing source by URL: the unverified claim is checked again.
    page.fill("input[name=url]", source_url)
    page.click("button:text-is('Add source')")
    page.wait_for_selector("p.gate")
    assert page.locator("a.claim.v-unverified").count() == 0
    assert page.locator("a.claim.v-supported").count() == 1
    assert "Gate: passes" in page.inner_text("p.gate")
    assert any("added" in m for m in page.locator("p.message").all_inner_texts())

    # The history shows the decision; the gate on the command line agrees.
    page.click("nav.serve-nav >> a:text-is('Decisions')")
    assert "the watchdog's count was corrected later" in page.inner_text("main")
    assert errors == []
    pasted = next(Path(db + ".drafts").glob("*.md"))
    with Store(db) as store:
        assert gate([pasted], store=store, nlp=nlp).exit_code == 0
    context.close()
