"""GitHub Actions: workflow commands that annotate the draft, and a step summary.

`::error file=...,line=...::message` for each failing finding and `::warning`
for the others, escaped as the runner reads them (in the message `%`, CR and
LF; in properties also `:` and `,`). GitHub shows at most 10 error and 10
warning annotations of a step; past that each finding is a plain log line and
a last line says how many were not annotated. The step summary (Markdown,
written where $GITHUB_STEP_SUMMARY says) has the full table.
"""

from __future__ import annotations

from urllib.parse import urlparse

from ..records import GatedClaim, GateResult, Severity
from ..text import display
from .findings import summary

ANNOTATION_LIMIT = 10  # per type (error, warning) and step, as GitHub displays them
_CLAIM_WIDTH = 160


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as the message, and : and , too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: GateResult, *, limit: int = ANNOTATION_LIMIT) -> str:
    """Workflow commands for the findings (suppressed ones left out), then a summary line."""
    lines: list[str] = []
    shown = {Severity.ERROR: 0, Severity.WARNING: 0}
    over = {Severity.ERROR: 0, Severity.WARNING: 0}
    for error in result.errors:
        lines.append(
            f"::error file={escape_property(_file(error.uri))}::{escape_data(error.message)}"
        )
        shown[Severity.ERROR] += 1
    for finding in result.findings:
        if finding.suppression is not None or finding.severity is None:
            continue
        if shown[finding.severity] < limit:
            lines.append(_command(finding))
            shown[finding.severity] += 1
        else:
            over[finding.severity] += 1
            lines.append(
                f"{finding.uri}:{finding.line}:{finding.column}: {finding.severity} "
                f"{finding.label}: {finding.message}"
            )
    if over[Severity.ERROR] or over[Severity.WARNING]:
        lines.append(
            f"{over[Severity.ERROR]} more errors and {over[Severity.WARNING]} more warnings "
            f"are not annotated (GitHub shows {limit} of each per step); "
            "the lines above and the step summary list them all"
        )
    lines.append(summary(result))
    return "\n".join(lines)


def _command(finding: GatedClaim) -> str:
    properties = [
        ("file", _file(finding.uri)),
        ("line", str(finding.line)),
        ("endLine", str(finding.end_line)),
    ]
    if finding.line == finding.end_line:
        # GitHub takes columns only for an annotation on one line.
        properties += [("col", str(finding.column)), ("endColumn", str(finding.end_column))]
    properties.append(("title", f"claimcheck: {finding.label}"))
    claim = _shorten(display(finding.verdict.claim.text))
    message = f"{finding.message}\nClaim: \u201c{claim}\u201d"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{finding.severity} {joined}::{escape_data(message)}"


def _file(uri: str) -> str:
    """The path GitHub wants: relative to the workspace, or absolute for a draft outside it."""
    if not uri.startswith("file:"):
        return uri
    from urllib.request import url2pathname  # urllib.request imports http.client: only here

    return url2pathname(urlparse(uri).path)


def _shorten(text: str) -> str:
    return text if len(text) <= _CLAIM_WIDTH else text[: _CLAIM_WIDTH - 3].rstrip() + "..."


def render_github_summary(result: GateResult) -> str:
    """The step summary: a Markdown table of every finding, suppressed ones marked."""
    lines = [f"### claimcheck gate: {summary(result)}", ""]
    if result.changed_since:
        lines += [f"Only claims changed since `{result.changed_since}` were gated.", ""]
    findings = result.findings
    if findings:
        lines += [
            "| | Draft | Line | Verdict | Claim | What differs |",
            "|---|---|---|---|---|---|",
        ]
        for finding in findings:
            state = (
                f"suppressed ({finding.suppression.kind})"
                if finding.suppression
                else str(finding.severity)
            )
            cells = [
                state,
                f"{finding.uri}",
                str(finding.line),
                str(finding.label),
                _shorten(display(finding.verdict.claim.text)),
                finding.message,
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    for error in result.errors:
        lines.append(f"\n**{_cell(error.path)}** could not be read: {_cell(error.message)}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no line breaks, pipes escaped, no HTML."""
    return (
        " ".join(text.split())
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
    )
