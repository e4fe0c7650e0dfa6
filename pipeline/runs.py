"""What the stores record of batch runs, whatever the engine: reports packed, claims as rows.

The stores (`pipeline.store`) write runs, the articles they checked and a
row per claim (tables of migration m002; see `pipeline/store/sqlite_migrations.py`
for what each column holds). Every write is one transaction, so a run killed at
any moment leaves each article's results complete or absent, never half-written.
Here is what both engines share: how a report is packed, how a claim becomes
a row, and when a run counts as alive.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import zlib
from dataclasses import replace
from typing import Any

from .records import (
    ArticleReport,
    ClaimVerdict,
    Label,
    record_from_dict,
    record_to_dict,
)

RUN_STATUSES = ("running", "finished", "interrupted", "abandoned")


# The order of the count columns in `articles`.
COUNTED = (Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED, Label.DISPUTED)


def pack_report(report: ArticleReport) -> bytes:
    """A report as zlib-compressed JSON: about a tenth of the JSON's size."""
    return zlib.compress(json.dumps(record_to_dict(report), ensure_ascii=False).encode(), 6)


def unpack_report(blob: bytes) -> ArticleReport:
    return record_from_dict(ArticleReport, json.loads(zlib.decompress(blob)))


def claim_row(verdict: ClaimVerdict) -> tuple[Any, ...]:
    """The columns of a claim's `results` row, from claim_id to facts.

    The evidence shown is the best passage of the first fact whose label is
    the claim's (the fact that decided it): for a contradicted claim, the
    passage that contradicts it.
    """
    claim = verdict.claim
    lead = next((f for f in verdict.facts if f.label == verdict.label), None)
    evidence = lead.evidence[0] if lead is not None and lead.evidence else None
    facts = [
        {
            "kind": str(f.fact.kind),
            "text": f.fact.text,
            "value": f.fact.normalized,
            "subject": f.fact.subject,
            "label": str(f.label),
            "score": f.score,
            "note": f.note,
            "evidence": [
                {
                    "passage_id": e.passage_id,
                    "document_id": e.document_id,
                    "page": e.page,
                    "source_value": e.source_value,
                    "agrees": e.agrees,
                }
                for e in f.evidence
            ],
        }
        for f in verdict.facts
    ]
    return (
        claim.id,
        claim.text,
        claim.start,
        claim.end,
        claim.line,
        claim.column,
        str(verdict.label),
        verdict.score,
        lead.note if lead is not None else None,
        evidence.passage_id if evidence else None,
        evidence.document_id if evidence else None,
        evidence.text if evidence else None,
        evidence.title if evidence else None,
        evidence.published if evidence else None,
        evidence.page if evidence else None,
        json.dumps(facts, ensure_ascii=False),
    )


def with_path(report: ArticleReport, path: str) -> ArticleReport:
    """A recorded report shown under the path the article has now."""
    return report if report.path == path else replace(report, path=path)


# A running batch writes its heartbeat into the store this often (seconds); a run
# whose heartbeat is older than STALE_SECONDS is dead, on whatever machine it ran.
HEARTBEAT_SECONDS = 20.0
STALE_SECONDS = 120.0


def alive(host: str, pid: int, heartbeat: str | None) -> bool:
    """Whether a running run is alive: its heartbeat is recent, and its process runs.

    The heartbeat decides across machines; on this host a process that is
    gone is dead at once, without waiting for the heartbeat to go stale.
    """
    if heartbeat is not None:
        age = dt.datetime.now(dt.UTC) - dt.datetime.fromisoformat(heartbeat)
        if age.total_seconds() > STALE_SECONDS:
            return False
    return host != socket.gethostname() or _process_alive(pid)


def _process_alive(pid: int) -> bool:
    """Whether a process runs with this id (a reused id counts as alive: the safe side)."""
    if pid == os.getpid() or os.name == "nt":  # on Windows, os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    except OSError:
        return False
    return True


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
