"""The HTML report in a real browser: Debian's Chromium, headless, driven by Playwright.

`make test` installs Chromium (as root, from the Debian packages) when it is
missing. In CI (the environment variable CI set) a missing browser fails
these tests; elsewhere they are skipped with the reason. Playwright's own
browser downloads are never used: it drives /usr/bin/chromium (or the browser
named by CLAIMCHECK_CHROMIUM). Screenshots go to the test's temporary folder,
and also to the folder named by CLAIMCHECK_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline import verify
from pipeline.cli import main
from pipeline.ingest import ingest
from pipeline.report import render_html, report_schema
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(
            f"{reason}; CI must run the browser tests (make test installs Chromium as root)"
        )
    pytest.skip(f"{reason} (make test installs it when run as root)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file():
        _unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A page opened in the browser, with everything it did that a report must not do."""

    page: object
    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_quiet(self) -> None:
        assert self.console_errors == []
        assert self.dialogs == []
        assert self.failed == []
        assert self.requests == [self.url]  # the file itself, and nothing else


def open_report(browser, path: Path, *, javascript: bool = True, width: int = 1400) -> Visit:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 1000}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)  # a page this small that takes longer is broken
    visit = Visit(page=page, url=path.as_uri())
    page.on(
        "console",
        lambda message: (
            visit.console_errors.append(message.text)
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("requestfailed", lambda request: visit.failed.append(request.url))

    def on_dialog(dialog) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(visit.url)
    page.wait_for_load_state("load")
    return visit


def screenshot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    folder = os.environ.get("CLAIMCHECK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / path.name)
    return path


@pytest.fixture
def demo_report(corpus_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The acceptance command: claimcheck verify <draft> --format html -o report.html."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)
    draft = ROOT / "claims" / "port-inquests-errors.md"
    result = CliRunner().invoke(
        main,
        ["verify", "--db", corpus_store.path, str(draft), "--format", "html", "-o", "report.html"],
    )
    assert result.exit_code == 0, result.output
    return tmp_path / "report.html"


def test_demo_report_renders_and_shows_evidence(browser, demo_report: Path, tmp_path: Path) -> None:
    visit = open_report(browser, demo_report)
    page = visit.page
    assert page.title().startswith("claimcheck: The Port inquests")
    assert page.locator(".claim").count() > 10
    assert not page.locator(".detail").first.is_visible()
    claim = page.locator(".claim.v-contradicted", has_text="Old Bailey in 2017").first
    claim.click()
    detail = page.locator(".detail.selected")
    assert detail.count() == 1 and detail.is_visible()
    assert claim.get_attribute("aria-current") == "true"
    assert detail.locator(".note", has_text="article: 2017 - source:").first.is_visible()
    mark = detail.locator(".disagrees blockquote mark").first
    assert mark.is_visible() and "2016" in mark.inner_text()
    assert detail.locator(".disagrees .cite", has_text="BBC News").first.is_visible()
    # The corpus's sources are summaries in its own words (their notes say so): their
    # links open the publisher's page with no text fragment, and the notes are shown.
    assert (
        detail.locator("a", has_text="web page").first.get_attribute("href")
        == "https://www.bbc.co.uk/news/uk-england-38077859"
    )
    assert page.locator(".sources .source-note", has_text="not the original").first.is_visible()
    assert page.url.endswith("#" + detail.get_attribute("id"))
    screenshot(page, tmp_path, "report-errors-draft")
    # The JSON report written beside the page: linked, and valid under the schema.
    link = page.locator("a", has_text="JSON report")
    assert link.get_attribute("href") == "report.json"
    jsonschema.validate(json.loads((tmp_path / "report.json").read_text()), report_schema())
    visit.assert_quiet()


def test_keyboard_chooses_claims(browser, demo_report: Path) -> None:
    visit = open_report(browser, demo_report)
    page = visit.page
    first = page.locator(".claim").first
    first.focus()
    page.keyboard.press("Enter")
    selected = page.locator(".detail.selected")
    assert selected.is_visible()
    assert selected.get_attribute("id") == first.get_attribute("aria-controls")
    page.keyboard.press("j")
    second = page.locator(".claim").nth(1)
    assert page.locator(".detail.selected").get_attribute("id") == second.get_attribute(
        "aria-controls"
    )
    assert second.get_attribute("aria-current") == "true"
    assert first.get_attribute("aria-current") is None
    page.keyboard.press("Escape")
    assert page.locator(".detail.selected").count() == 0
    assert page.locator(".hint").is_visible()
    visit.assert_quiet()


def test_report_works_without_javascript(browser, demo_report: Path, tmp_path: Path) -> None:
    visit = open_report(browser, demo_report, javascript=False, width=800)
    page = visit.page
    claim = page.locator(".claim.v-contradicted").first
    claim.click()
    target = page.locator(".detail:target")
    assert target.count() == 1 and target.is_visible()
    assert target.locator("blockquote").first.is_visible()
    assert not page.locator(".hint").is_visible()
    screenshot(page, tmp_path, "report-no-javascript")
    visit.assert_quiet()


PLANTED = [
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('onerror')\">",
    "[click](javascript:alert('link'))",
]


def test_planted_markup_stays_inert_text(browser, nlp, tmp_path: Path) -> None:
    """A script tag, an onerror attribute and a javascript: link, in the article and a source."""
    # spaCy ends a sentence before "[", so the link stands in a sentence of its own.
    text = (
        f"officers were investigated for misconduct {PLANTED[0]} by the watchdog {PLANTED[1]} "
        f"in the Barking case. The watchdog published its findings {PLANTED[2]} in July 2019.\n"
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "release.txt").write_text(
        "---\n"
        "title: \"Release <script>alert('title')</script>\"\n"
        "publisher: \"IOPC <img src=x onerror=alert('publisher')>\"\n"
        "url: \"javascript:alert('url')\"\n"
        "published: 2019-07-05\n"
        "---\n"
        f"Seventeen {text}"
    )
    # An HTML source whose title, canonical URL and meta tags carry markup, one URL
    # written to break out of an attribute; the draft's own title and URL likewise.
    (sources / "page.html").write_text(
        "<html><head><title>Page &lt;script&gt;alert('page-title')&lt;/script&gt;</title>"
        '<link rel="canonical" href="https://news.example/a&quot;&gt;&lt;script&gt;'
        "alert('canonical')&lt;/script&gt;\">"
        '<meta name="claimcheck:publisher" content="&lt;svg onload=alert(\'meta\')&gt;">'
        "</head><body><p>Seventeen officers were investigated for misconduct in the "
        "Barking case, the watchdog said in a statement on its findings.</p></body></html>"
    )
    article = tmp_path / "draft.txt"
    article.write_text(
        "---\n"
        "title: \"Draft <script>alert('draft-title')</script>\"\n"
        'url: "https://x.example/\\"><img src=x onerror=alert(\'draft-url\')>"\n'
        "---\n"
        f"Nineteen {text}"
    )
    with Store(tmp_path / "s.db") as store:
        assert not ingest([sources], store, nlp=nlp).failed
        reports = verify(article, store=store, nlp=nlp)
    path = tmp_path / "hostile.html"
    path.write_text(render_html(reports, base=tmp_path), encoding="utf-8")

    visit = open_report(browser, path)
    page = visit.page
    prose = page.locator(".prose").inner_text()
    assert all(planted in prose for planted in PLANTED)  # the article's markup, as words
    page.locator(".claim", has_text="Nineteen officers").click()
    detail = page.locator(".detail.selected")
    quote = detail.locator(".disagrees blockquote").first.inner_text()
    assert PLANTED[0] in quote and PLANTED[1] in quote  # the source's markup, as words
    assert "<script>alert('title')</script>" in detail.locator("cite").first.inner_text()
    assert (
        "IOPC <img src=x onerror=alert('publisher')>" in detail.locator(".cite").first.inner_text()
    )
    page.locator(".claim", has_text="July 2019").click()
    assert "](javascript:alert('link'))" in page.locator(".detail.selected blockquote").inner_text()
    assert "<script>alert('draft-title')</script>" in page.title()
    page.locator(".claim", has_text="Nineteen officers").click()
    cites = page.locator(".detail.selected").inner_text()
    assert "<script>alert('page-title')</script>" in cites  # the HTML source, as words
    assert page.locator("img, svg").count() == 0
    assert page.locator("[onerror], [onload]").count() == 0
    assert page.locator("a[href^='javascript' i], a[href^='data' i]").count() == 0
    assert page.locator("script").count() == 2  # the report's JSON-LD and its own script
    screenshot(page, tmp_path, "report-planted-markup")
    visit.assert_quiet()
