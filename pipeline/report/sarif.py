"""SARIF 2.1.0, as GitHub code scanning reads it: one run, three rules, one result per finding.

Locations are relative to the repository root (`uriBaseId` "%SRCROOT%"),
regions 1-based with an exclusive end column, as SARIF has them, and columns
counted in Unicode code points (`columnKind`). `partialFingerprints` hash the
rule and the claim's normalised words, not its line, so an alert stays the same
alert when the lines above it change. Suppressed findings are kept, with a
`suppressions` entry (inSource for an inline comment, external for the config
and the baseline), so code scanning shows them as dismissed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..records import GatedClaim, GateResult, Label, Severity
from ..text import display

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "claimcheck/v1"
RULES = {
    Label.CONTRADICTED: (
        "ContradictedClaim",
        "A source in the evidence store contradicts the claim.",
        "A passage about the same subject and relation gives another value: another "
        "number, date, age, rank or wording of a quote. The message names the article's "
        "value, the source's and the source.",
    ),
    Label.DISPUTED: (
        "DisputedClaim",
        "Sources in the evidence store disagree on the claim.",
        "Some passages agree with the claim and others, just as anchored, contradict it.",
    ),
    Label.UNVERIFIED: (
        "UnverifiedClaim",
        "Nothing in the evidence store backs the claim.",
        "No passage states the fact. That is not the same as false: the source may be "
        "missing from the store.",
    ),
}


def render_sarif(result: GateResult) -> str:
    """The gate's result as a SARIF 2.1.0 log (one run)."""
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False)


def sarif_log(result: GateResult) -> dict[str, Any]:
    labels = list(RULES)
    rules = [
        {
            "id": str(label).lower(),
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {"text": full},
            "defaultConfiguration": {
                "level": "error" if label in result.level.failing else "warning"
            },
            "properties": {"tags": ["fact-check", str(label).lower()]},
        }
        for label, (name, short, full) in RULES.items()
    ]
    results = [_result(f, labels.index(f.label)) for f in result.findings]
    from .. import __version__  # read when a report is made (package metadata)

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "claimcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(result.root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"{error.path}: {error.message}"},
                        "locations": [_location(error.uri)],
                    }
                    for error in result.errors
                ],
            }
        ],
        "results": results,
    }
    if result.changed_since:
        run["properties"] = {"changedSince": result.changed_since}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _result(finding: GatedClaim, rule_index: int) -> dict[str, Any]:
    text = display(finding.verdict.claim.text)
    location = _location(finding.uri)
    location["physicalLocation"]["region"] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column + 1,
    }
    fingerprint = hashlib.sha256(f"{finding.rule}:{finding.fingerprint}".encode()).hexdigest()
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": "error" if finding.severity == Severity.ERROR else "warning",
        "message": {"text": f"{finding.label}: {finding.message}\nClaim: \u201c{text}\u201d"},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {
            "verdict": str(finding.label),
            "score": finding.verdict.score,
            "claimId": finding.verdict.claim.id,
            "source": finding.source,
        },
    }
    if finding.suppression is not None:
        entry["suppressions"] = [
            {
                "kind": "inSource" if finding.suppression.kind == "inline" else "external",
                "status": "accepted",
                "justification": finding.suppression.reason or finding.suppression.kind,
            }
        ]
    return entry


def _location(uri: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if not uri.startswith("file:"):
        # A path relative to the root: made a URI reference (spaces and the like escaped).
        artifact = {"uri": quote(uri), "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": artifact}}
