"""GitLab Code Quality: a JSON array of issues, shown in merge requests.

Each finding not suppressed is an issue with `description`, `check_name`
(the rule), `fingerprint` (unique in the report, stable across line moves),
`severity` ("major" for a failing finding, "minor" for a warning) and
`location` (`path` relative to the repository root, `lines.begin`).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..records import GateResult, Severity
from ..text import display

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render_gitlab(result: GateResult) -> str:
    """The findings as a GitLab Code Quality report."""
    issues: list[dict[str, Any]] = []
    for finding in result.findings:
        if finding.suppression is not None or finding.severity is None:
            continue
        key = f"{finding.uri}:{finding.rule}:{finding.fingerprint}"
        issues.append(
            {
                "type": "issue",
                "check_name": f"claimcheck/{finding.rule}",
                "description": (
                    f"{finding.label}: {finding.message} "
                    f"\u2014 claim: \u201c{display(finding.verdict.claim.text)}\u201d"
                ),
                "categories": ["Bug Risk"],
                "fingerprint": hashlib.md5(key.encode(), usedforsecurity=False).hexdigest(),
                "severity": SEVERITIES[finding.severity],
                "location": {
                    "path": finding.uri,
                    "lines": {"begin": finding.line, "end": finding.end_line},
                },
            }
        )
    for error in result.errors:
        issues.append(
            {
                "type": "issue",
                "check_name": "claimcheck/unreadable",
                "description": f"the draft cannot be read: {error.message}",
                "categories": ["Bug Risk"],
                "fingerprint": hashlib.md5(
                    f"{error.uri}:unreadable".encode(), usedforsecurity=False
                ).hexdigest(),
                "severity": "blocker",
                "location": {"path": error.uri, "lines": {"begin": 1}},
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False)
