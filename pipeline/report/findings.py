"""The gate's result as text for a terminal or CI log, and as JSON.

The text format lists each draft's findings as `line:column severity rule
message`, then the claim, as prose linters (Vale, markdownlint) do; the last
line says whether the run passed.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from ..records import GatedClaim, GateResult
from ..text import display, plural, shown_path
from .json import claim_to_dict

SCHEMA_VERSION = "1"


def summary(result: GateResult) -> str:
    """One line: drafts, claims, errors, warnings, suppressed, and passed or failed."""
    counts = result.counts()
    parts = [
        plural(counts["drafts"], "draft"),
        plural(counts["claims"], "claim") + " gated",
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        f"{counts['suppressed']} suppressed",
    ]
    if counts["unreadable"]:
        parts.append(plural(counts["unreadable"], "unreadable draft"))
    state = {0: "passed", 1: "failed"}.get(result.exit_code, "error: a draft could not be read")
    return f"{', '.join(parts)} (level {result.level}): {state}"


def render_gate_text(result: GateResult, *, width: int = 100) -> str:
    """Findings by draft, then the summary line; suppressed findings are only counted."""
    lines: list[str] = []
    for draft in result.drafts:
        shown = [f for f in draft.findings if f.suppression is None]
        if draft.unchanged:
            lines.append(f"{shown_path(draft.path)}: unchanged since {result.changed_since}")
            continue
        decided = [f for f in draft.findings if f.suppression and f.suppression.kind == "decision"]
        if not shown:
            notes = [plural(len(draft.claims), "claim")]
            if draft.not_gated:
                notes.append(f"{draft.not_gated} outside the changes since {result.changed_since}")
            if draft.findings:
                notes.append(f"{len(draft.findings)} suppressed")
            lines.append(f"{shown_path(draft.path)}: {', '.join(notes)}, no findings")
            lines.extend(_decided(f) for f in decided)
            continue
        lines.append(shown_path(draft.path))
        for finding in shown:
            lines.extend(_finding(finding, width=width))
        lines.extend(_decided(f) for f in decided)
    for error in result.errors:
        lines.append(f"{shown_path(error.path)}: cannot be read: {error.message}")
    lines.append("")
    lines.append(summary(result))
    return "\n".join(lines)


def _decided(finding: GatedClaim) -> str:
    """A finding an editor called a false alarm: where, and the decision."""
    where = f"{finding.line}:{finding.column}"
    reason = finding.suppression.reason if finding.suppression else ""
    return f"  {where:<8} {'decided':<8} {finding.rule:<13}{reason}"


def _finding(finding: GatedClaim, *, width: int) -> list[str]:
    where = f"{finding.line}:{finding.column}"
    head = f"  {where:<8} {finding.severity!s:<8} {finding.rule:<13}"
    indent = " " * len(head)
    lines = textwrap.wrap(
        finding.message,
        width,
        initial_indent=head,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )
    claim = textwrap.shorten(display(finding.verdict.claim.text), width * 2, placeholder="...")
    lines.extend(
        textwrap.wrap(
            f"\u201c{claim}\u201d", width, initial_indent=indent, subsequent_indent=indent
        )
    )
    return lines


def finding_to_dict(finding: GatedClaim) -> dict[str, Any]:
    """A gated claim as JSON: where it is, its finding, and the full verdict under "claim"."""
    return {
        "path": finding.path,
        "uri": finding.uri,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "fingerprint": finding.fingerprint,
        "verdict": str(finding.label),
        "rule": finding.rule,
        "severity": str(finding.severity) if finding.severity else None,
        "failing": finding.failing,
        "message": finding.message,
        "source": finding.source,
        "suppression": (
            {"kind": finding.suppression.kind, "reason": finding.suppression.reason}
            if finding.suppression
            else None
        ),
        "claim": claim_to_dict(finding.verdict, finding.decision),
    }


def gate_to_dict(result: GateResult) -> dict[str, Any]:
    from .. import __version__  # read when a report is made (package metadata)

    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "claimcheck", "version": __version__},
        "level": str(result.level),
        "score_cutoff": result.score_cutoff,
        "changed_since": result.changed_since,
        "exit_code": result.exit_code,
        "passed": result.exit_code == 0,
        "counts": result.counts(),
        "drafts": [
            {
                "path": draft.path,
                "uri": draft.uri,
                "claims": len(draft.claims),
                "not_gated": draft.not_gated,
                "unchanged": draft.unchanged,
                "findings": [finding_to_dict(f) for f in draft.findings],
            }
            for draft in result.drafts
        ],
        "errors": [{"path": e.path, "uri": e.uri, "message": e.message} for e in result.errors],
    }


def render_gate_json(result: GateResult) -> str:
    """The gate's result as one JSON document, every finding with its verdict and evidence."""
    return json.dumps(gate_to_dict(result), indent=2, ensure_ascii=False)
