"""JSON report: one record per claim, with its facts, verdicts and evidence."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..claims import display
from ..records import ArticleReport, ClaimVerdict, Label

SCHEMA_VERSION = "1"


def claim_to_dict(verdict: ClaimVerdict) -> dict[str, Any]:
    claim = verdict.claim
    return {
        "id": claim.id,
        "text": display(claim.text),
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "column": claim.column,
        "verdict": str(verdict.label),
        "score": verdict.score,
        "reference_date": claim.reference_date,
        "facts": [
            {
                "kind": str(fv.fact.kind),
                "text": fv.fact.text,
                "start": fv.fact.start,
                "end": fv.fact.end,
                "value": fv.fact.normalized,
                "subject": fv.fact.subject,
                "verdict": str(fv.label),
                "score": fv.score,
                "note": fv.note,
                "evidence": [asdict(e) for e in fv.evidence],
            }
            for fv in verdict.facts
        ],
    }


def report_to_dict(report: ArticleReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "article": report.path,
        "published": report.published,
        "model": report.model,
        "store": report.store,
        "counts": {str(label).lower(): report.count(label) for label in Label},
        "claims": [claim_to_dict(c) for c in report.claims],
        "not_checkworthy": [
            {
                "id": c.id,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "line": c.line,
                "column": c.column,
                "reason": c.reason,
            }
            for c in report.not_checkworthy
        ],
    }


def render_json(reports: list[ArticleReport]) -> str:
    """All reports as one JSON document: {"articles": [...]}."""
    return json.dumps(
        {"articles": [report_to_dict(r) for r in reports]}, indent=2, ensure_ascii=False
    )
