"""JSON report: one record per claim, with its facts, verdicts and evidence.

Its shape is the versioned JSON Schema in `schema/report-v<N>.schema.json`
(shipped with the package; `report_schema()` reads it), and `schema_version`
says which one a report follows.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from importlib.resources import files
from typing import Any, TextIO

from ..records import ArticleReport, ClaimVerdict, Decision, Label, record_to_dict
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
        "referent": claim.referent,
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
                "evidence": [record_to_dict(e) for e in fv.evidence],
            }
            for fv in verdict.facts
        ],
        **extra,
    }


def report_to_dict(report: ArticleReport) -> dict[str, Any]:
    return {
        **_report_head(report),
        "claims": list(_claims(report)),
        "not_checkworthy": list(_not_checkworthy(report)),
    }


def _report_head(report: ArticleReport) -> dict[str, Any]:
    """The report's fields before its lists of claims, in the order the JSON gives them."""
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
    }


def _claims(report: ArticleReport) -> Iterator[dict[str, Any]]:
    for verdict in report.claims:
        yield claim_to_dict(verdict, report.decision(verdict.claim.id))


def _not_checkworthy(report: ArticleReport) -> Iterator[dict[str, Any]]:
    for c in report.not_checkworthy:
        yield {
            "id": c.id,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "line": c.line,
            "column": c.column,
            "reason": c.reason,
        }


def render_json(reports: list[ArticleReport]) -> str:
    """All reports as one JSON document: {"schema_version": ..., "articles": [...]}."""
    out = io.StringIO()
    write_json(reports, out)
    return out.getvalue()


def write_json(reports: Sequence[ArticleReport], out: TextIO) -> None:
    """`render_json(reports)` written to `out` a claim at a time.

    The text is `json.dumps(document, indent=2, ensure_ascii=False)` of the
    whole document, but the document is never built: the report of a 5 MB
    article (some 45,000 claims) took 500 MB more to render at once than
    its records hold. Each claim is dumped on its own and indented to its
    depth (a JSON text holds no raw line break, so indenting is a replace).
    """
    out.write(f'{{\n  "schema_version": {_dumps(SCHEMA_VERSION)},\n  "articles": ')
    _write_list(out, (_write_report(report) for report in reports), depth=1)
    out.write("\n}")


def _write_report(report: ArticleReport) -> Callable[[TextIO, int], None]:
    def write(out: TextIO, depth: int) -> None:
        head = _dumps(_report_head(report))  # "{\n  ...fields\n}": closed below, after the lists
        out.write(_indented(head[:-2], depth))
        for key, items in (
            ("claims", _claims(report)),
            ("not_checkworthy", _not_checkworthy(report)),
        ):
            out.write(f",\n{'  ' * (depth + 1)}{_dumps(key)}: ")
            _write_list(out, (_write_value(item) for item in items), depth=depth + 1)
        out.write(f"\n{'  ' * depth}}}")

    return write


def _write_value(value: Any) -> Callable[[TextIO, int], None]:
    def write(out: TextIO, depth: int) -> None:
        out.write(_indented(_dumps(value), depth))

    return write


def _write_list(out: TextIO, items: Iterable[Callable[[TextIO, int], None]], *, depth: int) -> None:
    """A JSON array at `depth` (2 spaces a level) of what each of `items` writes, as json.dumps."""
    empty = True
    for item in items:
        out.write(f"{'[' if empty else ','}\n{'  ' * (depth + 1)}")
        item(out, depth + 1)
        empty = False
    out.write("[]" if empty else f"\n{'  ' * depth}]")


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _indented(text: str, depth: int) -> str:
    return text.replace("\n", "\n" + "  " * depth)
