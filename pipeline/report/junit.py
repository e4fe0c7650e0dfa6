"""JUnit XML: one testsuite per draft, one testcase per gated claim.

A failing finding is a `<failure>`; a suppressed one is `<skipped>`; a finding
below the fail level passes with its verdict in `<system-out>`; a draft that
cannot be read is a testsuite with one `<error>`. CI systems that read JUnit
(GitLab, Jenkins, Azure Pipelines) then list the claims as tests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..records import DraftResult, GatedClaim, GateResult, Severity
from ..text import display

_NAME_WIDTH = 120
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(result: GateResult) -> str:
    """The gate's result as a JUnit XML document."""
    counts = result.counts()
    root = ET.Element(
        "testsuites",
        {
            "name": "claimcheck gate",
            "tests": str(counts["claims"] + counts["unreadable"]),
            "failures": str(counts["errors"]),
            "errors": str(counts["unreadable"]),
            "skipped": str(counts["suppressed"]),
        },
    )
    for draft in result.drafts:
        root.append(_suite(draft, result))
    for error in result.errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            {"name": error.uri, "tests": "1", "failures": "0", "errors": "1", "skipped": "0"},
        )
        case = ET.SubElement(suite, "testcase", {"name": "read the draft", "classname": error.uri})
        ET.SubElement(case, "error", {"message": _clean(error.message), "type": "unreadable"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _suite(draft: DraftResult, result: GateResult) -> ET.Element:
    claims = draft.claims
    suite = ET.Element(
        "testsuite",
        {
            "name": draft.uri,
            "tests": str(len(claims)),
            "failures": str(sum(1 for c in claims if c.failing)),
            "errors": "0",
            "skipped": str(sum(1 for c in claims if c.suppression)),
            "file": draft.uri,
        },
    )
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "level", "value": str(result.level)})
    if result.changed_since:
        ET.SubElement(
            properties, "property", {"name": "changed_since", "value": result.changed_since}
        )
    for claim in claims:
        suite.append(_case(claim))
    return suite


def _case(claim: GatedClaim) -> ET.Element:
    text = display(claim.verdict.claim.text)
    name = text if len(text) <= _NAME_WIDTH else text[: _NAME_WIDTH - 3].rstrip() + "..."
    case = ET.Element(
        "testcase",
        {
            "name": _clean(f"line {claim.line}: {name}"),
            "classname": claim.uri,
            "file": claim.uri,
            "line": str(claim.line),
        },
    )
    detail = _clean(f"{claim.label}: {claim.message}\nClaim: {text}")
    if claim.suppression is not None:
        reason = claim.suppression.reason or claim.suppression.kind
        ET.SubElement(case, "skipped", {"message": _clean(f"suppressed: {reason}")})
    elif claim.severity == Severity.ERROR:
        failure = ET.SubElement(
            case, "failure", {"message": _clean(claim.message), "type": str(claim.label)}
        )
        failure.text = detail
    elif claim.severity == Severity.WARNING:
        ET.SubElement(case, "system-out").text = detail
    return case


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
