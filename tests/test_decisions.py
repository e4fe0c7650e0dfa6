"""Editors' decisions: they hold while the claim and its evidence are unchanged, and reach CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.decisions import (
    DecisionError,
    decide,
    export_decisions,
    history,
    import_decisions,
    parse_decisions,
    read_decisions,
    with_decisions,
)
from pipeline.gate import gate
from pipeline.ingest import ingest
from pipeline.records import Label
from pipeline.report import render
from pipeline.store import Store
from pipeline.verification import verify

SOURCE = (
    "The police watchdog said on Friday that 17 officers were investigated for misconduct "
    "over the Port case. None of them will face disciplinary action.\n"
)
DRAFT = "The watchdog said 23 officers were investigated for misconduct over the Port case.\n"


@pytest.fixture
def desk(tmp_path: Path, nlp):
    sources = tmp_path / "sources"
    drafts = tmp_path / "drafts"
    sources.mkdir()
    drafts.mkdir()
    (sources / "watchdog.txt").write_text(SOURCE)
    (drafts / "a.md").write_text(DRAFT)
    store = Store(tmp_path / "e.db")
    ingest([sources], store, nlp=nlp)
    yield tmp_path, store
    store.close()


def _contradicted(store: Store, draft: Path, nlp):
    (report,) = verify(draft, store=store, nlp=nlp)
    (verdict,) = [c for c in report.claims if c.label == Label.CONTRADICTED]
    return verdict


def test_false_alarm_passes_the_gate_and_shows_in_every_report(desk, nlp) -> None:
    root, store = desk
    draft = root / "drafts" / "a.md"
    assert gate([draft], store=store, nlp=nlp).exit_code == 1
    verdict = _contradicted(store, draft, nlp)
    decide(store, verdict, "false-alarm", reason="the source is outdated", author="Jo Editor")
    result = gate([draft], store=store, nlp=nlp)
    assert result.exit_code == 0
    (finding,) = [f for f in result.findings if f.label == Label.CONTRADICTED]
    assert finding.suppression.kind == "decision"
    assert "Jo Editor" in finding.suppression.reason
    assert "the source is outdated" in finding.suppression.reason
    for fmt in ("text", "json", "sarif", "junit"):
        assert "the source is outdated" in render(fmt, result), fmt

    (report,) = verify(draft, store=store, nlp=nlp)
    report = with_decisions(report, store)
    for fmt in ("text", "markdown", "html", "json"):
        out = render(fmt, [report])
        assert "the source is outdated" in out and "Jo Editor" in out, fmt
    claim = next(
        c for c in json.loads(render("json", [report]))["articles"][0]["claims"] if "decision" in c
    )
    assert claim["decision"]["decision"] == "false-alarm"


def test_a_decision_lapses_when_the_sentence_or_its_evidence_changes(desk, nlp) -> None:
    root, store = desk
    draft = root / "drafts" / "a.md"
    decide(store, _contradicted(store, draft, nlp), "false-alarm", reason="misread", author="Jo")
    assert gate([draft], store=store, nlp=nlp).exit_code == 0

    # An unrelated source keeps it.
    (root / "sources" / "weather.txt").write_text(
        "Heavy rain is expected across Wales on Tuesday.\n"
    )
    ingest([root / "sources"], store, nlp=nlp)
    assert gate([draft], store=store, nlp=nlp).exit_code == 0

    # The sentence edited: another claim, the decision does not follow it.
    draft.write_text(DRAFT.replace("the Port case", "the case of Stephen Port"))
    assert gate([draft], store=store, nlp=nlp).exit_code == 1
    draft.write_text(DRAFT)
    assert gate([draft], store=store, nlp=nlp).exit_code == 0

    # The evidence document replaced: the decision lapses.
    (root / "sources" / "watchdog.txt").write_text(SOURCE + "The inquiry will report next year.\n")
    summary = ingest([root / "sources"], store, nlp=nlp)
    assert summary.count("replaced") == 1
    assert gate([draft], store=store, nlp=nlp).exit_code == 1
    assert len(history(store)) == 1  # the log keeps it


def test_latest_wins_and_undo(desk, nlp) -> None:
    root, store = desk
    draft = root / "drafts" / "a.md"
    verdict = _contradicted(store, draft, nlp)
    decide(
        store,
        verdict,
        "false-alarm",
        reason="misread",
        author="Ann",
        decided_at="2026-01-01T10:00:00Z",
    )
    decide(
        store,
        verdict,
        "confirmed",
        reason="it is 17",
        author="Bob",
        decided_at="2026-01-01T11:00:00Z",
    )
    result = gate([draft], store=store, nlp=nlp)
    assert result.exit_code == 1
    assert "Bob" in result.failing[0].message
    decide(store, verdict, "undone", reason="asked again", author="Bob")
    (finding,) = gate([draft], store=store, nlp=nlp).failing
    assert finding.decision is None
    assert [d.author for d in history(store)] == ["Ann", "Bob", "Bob"]
    with pytest.raises(DecisionError):
        decide(store, verdict, "confirmed", reason=" ", author="Bob")


def test_confirmed_fails_below_the_level_and_needs_source_warns(desk, nlp) -> None:
    root, store = desk
    draft = root / "drafts" / "a.md"
    draft.write_text(DRAFT + "\nThe inquests cost the council four million pounds last year.\n")
    result = gate([draft], store=store, nlp=nlp, level="unverified", score_cutoff=100)
    unverified = [f for f in result.findings if f.label == Label.UNVERIFIED]
    assert unverified and all(f.failing for f in unverified)
    (report,) = verify(draft, store=store, nlp=nlp)
    for verdict in report.claims:
        if verdict.label == Label.UNVERIFIED:
            decide(store, verdict, "needs-source", reason="council minutes", author="Cy")
    result = gate([draft], store=store, nlp=nlp, level="unverified")
    assert not [f for f in result.failing if f.label == Label.UNVERIFIED]
    assert [f for f in result.findings if f.label == Label.UNVERIFIED and f.severity == "warning"]

    # A contradiction under the score cutoff only warns, unless an editor confirmed it.
    lenient = gate([draft], store=store, nlp=nlp, score_cutoff=100)
    contradicted = [f for f in lenient.findings if f.label == Label.CONTRADICTED]
    assert contradicted and not contradicted[0].failing
    decide(store, contradicted[0].verdict, "confirmed", reason="wrong count", author="Di")
    again = gate([draft], store=store, nlp=nlp, score_cutoff=100)
    assert [f for f in again.failing if f.label == Label.CONTRADICTED]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_exported_decisions_make_a_fresh_store_agree(desk, nlp, tmp_path: Path, fmt: str) -> None:
    root, store = desk
    draft = root / "drafts" / "a.md"
    decide(
        store,
        _contradicted(store, draft, nlp),
        "false-alarm",
        reason="misread, it says 23",
        author="Jo, desk",
    )
    path = tmp_path / f"decisions.{fmt}"
    path.write_text(export_decisions(history(store), fmt))
    entries = read_decisions(path)
    assert entries[0].author == "Jo, desk"

    with Store(tmp_path / f"fresh-{fmt}.db") as fresh:
        ingest([root / "sources"], fresh, nlp=nlp)
        assert gate([draft], store=fresh, nlp=nlp).exit_code == 1
        assert gate([draft], store=fresh, nlp=nlp, decisions=entries).exit_code == 0
        assert import_decisions(fresh, entries) == 1
        assert import_decisions(fresh, entries) == 0  # nothing twice
        assert gate([draft], store=fresh, nlp=nlp).exit_code == 0


def test_a_bad_decisions_file_is_named() -> None:
    with pytest.raises(DecisionError, match="not a claimcheck decisions file"):
        parse_decisions('{"decisions": [{"claim_id": "x"}]}', "json")


def test_batch_reports_show_decisions(desk, nlp, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    root, store = desk
    draft = root / "drafts" / "a.md"
    decide(store, _contradicted(store, draft, nlp), "confirmed", reason="it is 17", author="Ed")
    out = tmp_path / "reports"
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(root / "drafts"),
            "--db",
            store.path,
            "--out",
            str(out),
            "--jobs",
            "1",
            "--format",
            "markdown",
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    (report,) = out.glob("*.md")
    assert "Editor's decision:** confirmed (Ed" in report.read_text()
