"""claimcheck serve: decisions through the web app, cross-site requests refused, no decision lost."""

from __future__ import annotations

import multiprocessing
import re
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.decisions import history
from pipeline.gate import gate
from pipeline.ingest import ingest
from pipeline.serve import create_app
from pipeline.store import Store

SOURCE = (
    "The police watchdog said on Friday that 17 officers were investigated for misconduct "
    "over the Port case. None of them will face disciplinary action.\n"
)
DRAFT = "The watchdog said 23 officers were investigated for misconduct over the Port case.\n"
ORIGIN = "http://localhost"


@pytest.fixture
def site(tmp_path: Path, nlp):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "watchdog.txt").write_text(SOURCE)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT)
    db = str(tmp_path / "e.db")
    with Store(db) as store:
        ingest([tmp_path / "sources"], store, nlp=nlp)
    app = create_app(Settings(db=db), root=tmp_path / "drafts", nlp=nlp)
    return app, tmp_path, db


def _form(page: str) -> dict[str, str]:
    """The fields of the first decision form on a page."""
    form = re.search(r'<form class="decide".*?</form>', page, re.S).group(0)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def test_a_decision_in_serve_changes_the_gate(site, nlp) -> None:
    app, root, db = site
    client = app.test_client()
    page = client.get("/draft/a.md").get_data(as_text=True)
    assert "Gate: <b>fails</b>" in page
    assert "Content-Security-Policy" in client.get("/").headers
    fields = _form(page)
    fields.update(decision="false-alarm", reason="source outdated <b>", author="Jo <Editor>")
    answer = client.post("/draft/a.md/decide", data=fields, headers={"Origin": ORIGIN})
    assert answer.status_code == 303, answer.get_data(as_text=True)
    page = client.get("/draft/a.md").get_data(as_text=True)
    assert "Gate: <b>passes</b>" in page
    assert "source outdated &lt;b&gt;" in page and "Jo &lt;Editor&gt;" in page
    assert "source outdated <b>" not in page and "Jo <Editor>" not in page
    history_page = client.get("/decisions").get_data(as_text=True)
    assert "Jo &lt;Editor&gt;" in history_page
    with Store(db) as store:
        assert gate([root / "drafts" / "a.md"], store=store, nlp=nlp).exit_code == 0


def test_cross_site_requests_are_refused(site) -> None:
    app, _root, db = site
    client = app.test_client()
    fields = _form(client.get("/draft/a.md").get_data(as_text=True))
    fields.update(decision="false-alarm", reason="r", author="a")
    # A valid session cookie and token, but another site's Origin: refused.
    assert (
        client.post(
            "/draft/a.md/decide", data=fields, headers={"Origin": "https://evil.example"}
        ).status_code
        == 403
    )
    # No Origin and no Referer: refused.
    assert client.post("/draft/a.md/decide", data=fields).status_code == 403
    # This server's Origin but no token (a form on another page of the web): refused.
    no_token = {k: v for k, v in fields.items() if k != "csrf"}
    assert (
        client.post("/draft/a.md/decide", data=no_token, headers={"Origin": ORIGIN}).status_code
        == 403
    )
    # Another browser (no session) with a token it saw: refused.
    other = app.test_client()
    assert (
        other.post("/draft/a.md/decide", data=fields, headers={"Origin": ORIGIN}).status_code == 403
    )
    with Store(db) as store:
        assert history(store) == []
    # A draft outside the root is not served.
    assert client.get("/draft/../sources/watchdog.txt").status_code == 404


def _decide_many(db: str, root: str, who: str, count: int, barrier) -> None:
    from pipeline import nlp as nlp_

    app = create_app(Settings(db=db), root=root, nlp=nlp_.load())
    client = app.test_client()
    fields = _form(client.get("/draft/a.md").get_data(as_text=True))
    barrier.wait()
    for n in range(count):
        fields.update(decision="needs-source", reason=f"{who} {n}", author=who)
        answer = client.post("/draft/a.md/decide", data=fields, headers={"Origin": ORIGIN})
        assert answer.status_code == 303


def test_two_server_processes_lose_no_decision(site) -> None:
    _app, root, db = site
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    workers = [
        context.Process(target=_decide_many, args=(db, str(root / "drafts"), who, 25, barrier))
        for who in ("Ann", "Bob")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(300)
        assert worker.exitcode == 0
    with Store(db) as store:
        entries = history(store)
    assert len(entries) == 50
    assert sorted(e.reason for e in entries if e.author == "Ann") == sorted(
        f"Ann {n}" for n in range(25)
    )
