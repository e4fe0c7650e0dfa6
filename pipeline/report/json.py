"""JSON report: one record per claim, with its facts, verdicts and evidence.

Its shape is the versioned JSON Schema in `schema/report-v<N>.schema.json`
(shipped with the package; `report_schema()` reads it), and `schema_version`
says which one a report follows.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import cache
from importlib.resources import files
from typing import Any

from ..records import ArticleReport, ClaimVerdict, Decision, Label
from ..text import display

SCHEMA_VERSION = "1"


@cache
def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report of this version."""
    path = files(__package__).joinpath("schema", f"report-v{SCHEMA_VERSION}.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    """An editor's decision as the reports give it."""
    return {
        "decision": str(decision.decision),
        "reason": decision.reason,
        "author": decision.author,
        "decided_at": decision.decided_at,
    }


def claim_to_dict(verdict: ClaimVerdict, decision: Decision | None = None) -> dict[str, Any]:
    claim = verdict.claim
    extra = {"decision": decision_to_dict(decision)} if decision is not None else {}
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
        "uncovered": list(verdict.uncovered),
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
        **extra,
    }


def report_to_dict(report: ArticleReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "article": report.path,
        "title": report.title,
        "url": report.url,
        "published": report.published,
        "checked_at": report.checked_at,
        "seconds": report.seconds,
        "claimcheck": report.version,
        "verdict_logic": report.verdict_logic,
        "model": report.model,
        "store": report.store,
        "counts": {str(label).lower(): report.count(label) for label in Label},
        "claims": [claim_to_dict(c, report.decision(c.claim.id)) for c in report.claims],
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
    """All reports as one JSON document: {"schema_version": ..., "articles": [...]}."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "articles": [report_to_dict(r) for r in reports],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
