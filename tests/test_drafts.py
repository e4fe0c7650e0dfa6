"""The bundled drafts against the bundled corpus, checked with their answer keys.

The faithful draft: every fact SUPPORTED, by a passage that states it. The
draft with planted errors: every planted error CONTRADICTED (or UNVERIFIED
where the key says the record is silent), none of them SUPPORTED.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.records import ArticleReport, ClaimVerdict, FactKind, FactVerdict, Label

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ["port-inquests-faithful", "port-inquests-errors"]

KINDS = {
    "count": {FactKind.COUNT, FactKind.NUMBER},
    "age": {FactKind.AGE},
    "date": {FactKind.DATE},
    "quote": {FactKind.QUOTE},
    "entity": {FactKind.RANK, FactKind.ATTRIBUTION, FactKind.STATEMENT},
}


@pytest.fixture
def reports(draft_reports: dict[str, ArticleReport]) -> dict[str, ArticleReport]:
    return draft_reports


def key_entries(name: str) -> list[dict]:
    key = yaml.safe_load((ROOT / "claims" / f"{name}.answers.yaml").read_text())
    return key["facts"]


def find_claim(report: ArticleReport, sentence: str) -> ClaimVerdict | None:
    found = [c for c in report.claims if sentence in c.claim.text]
    assert len(found) <= 1, sentence
    return found[0] if found else None


def find_fact(claim: ClaimVerdict, entry: dict) -> FactVerdict | None:
    text = claim.claim.text
    at = text.find(entry["text"])
    assert at != -1, entry
    start, end = claim.claim.start + at, claim.claim.start + at + len(entry["text"])
    for verdict in claim.facts:
        fact = verdict.fact
        if fact.kind in KINDS[entry["kind"]] and fact.start < end and start < fact.end:
            return verdict
    return None


def cases(name: str) -> list:
    return [
        pytest.param(name, i, id=f"{name}:{e['kind']}:{e.get('text', e['sentence'])[:30]}")
        for i, e in enumerate(key_entries(name))
    ]


@pytest.mark.parametrize(("name", "index"), cases(DRAFTS[0]) + cases(DRAFTS[1]))
def test_answer_key(reports: dict[str, ArticleReport], name: str, index: int) -> None:
    entry = key_entries(name)[index]
    report = reports[name]
    expected = entry["expected"]
    if expected == "not_checkworthy":
        assert any(entry["sentence"] in c.text for c in report.not_checkworthy)
        return
    claim = find_claim(report, entry["sentence"])
    assert claim is not None, f"no check-worthy claim holds {entry['sentence']!r}"
    verdict = find_fact(claim, entry)
    assert verdict is not None, (
        f"no {entry['kind']} fact at {entry['text']!r} in {claim.claim.text!r}"
    )
    if expected == "supported":
        assert verdict.label == Label.SUPPORTED, (verdict.label, verdict.note)
        best = verdict.evidence[0]
        assert best.text and best.title
    elif expected == "contradicted":
        assert verdict.label == Label.CONTRADICTED, (verdict.label, verdict.note)
        assert claim.label == Label.CONTRADICTED
        assert str(entry["source_value"]).lower() in (verdict.note or "").lower() + " ".join(
            (e.source_value or "").lower() for e in verdict.evidence
        )
    else:
        assert verdict.label == Label.UNVERIFIED, (verdict.label, verdict.note)


def test_no_planted_error_is_supported(reports: dict[str, ArticleReport]) -> None:
    report = reports["port-inquests-errors"]
    for entry in key_entries("port-inquests-errors"):
        if not entry.get("planted"):
            continue
        claim = find_claim(report, entry["sentence"])
        assert claim is not None
        assert claim.label != Label.SUPPORTED, entry
        verdict = find_fact(claim, entry)
        assert verdict is None or verdict.label != Label.SUPPORTED, entry
