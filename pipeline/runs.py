"""Batch runs in the evidence store: runs, the articles they checked, a row per claim.

Part of the store's interface (`Store` inherits these methods), kept in a
module of its own. Tables and the `run_results` view are created by migration
m002; see `pipeline/migrations.py` for what each column holds. Every write is
one transaction, so a run killed at any moment leaves each article's results
complete or absent, never half-written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict, replace
from typing import Any

import sqlite_utils

from .records import (
    ArticleReport,
    ArticleStatus,
    BatchArticle,
    ClaimVerdict,
    Label,
    record_from_dict,
)

RUN_STATUSES = ("running", "finished", "interrupted", "abandoned")


class RunRecords:
    """The store's record of batch runs; mixed into `Store`.

    Paths given here identify articles across runs: pass absolute paths.
    """

    db: sqlite_utils.Database
    path: str

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def start_run(
        self,
        *,
        paths: Sequence[str],
        options: dict[str, Any],
        fingerprint: str,
        model: str,
        version: str,
    ) -> int:
        """Record a new run as running and return its id.

        Runs left 'running' by a process of this host that no longer exists
        (killed, or the machine went down) are marked 'abandoned' first:
        their finished articles stay recorded and count for resuming.
        """
        self.abandon_dead_runs()
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (started, status, paths, options, store_fingerprint,"
                " tool_version, model, host, pid) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)",
                (
                    _now(),
                    json.dumps(list(paths)),
                    json.dumps(options, sort_keys=True),
                    fingerprint,
                    version,
                    model,
                    socket.gethostname(),
                    os.getpid(),
                ),
            )
        assert cursor.lastrowid is not None  # an INSERT into a rowid table always sets it
        return cursor.lastrowid

    def abandon_dead_runs(self) -> list[int]:
        """Mark runs of this host whose process is gone as 'abandoned'; return their ids.

        A run on another host cannot be told from a live one, and is left as it is.
        """
        rows = self.db.conn.execute(
            "SELECT id, pid FROM runs WHERE status = 'running' AND host = ?",
            (socket.gethostname(),),
        ).fetchall()
        dead = [run_id for run_id, pid in rows if not _alive(pid)]
        return [run_id for run_id in dead if self.finish_run(run_id, "abandoned")]

    def finish_run(self, run_id: int, status: str) -> bool:
        """Close a run with its status and the counts of what it recorded.

        A run is abandoned only while it is still marked running: its process
        may have finished it (and exited) between the look at the runs table
        and this write. Returns whether the run's row changed.
        """
        if status not in RUN_STATUSES:
            raise ValueError(f"not a run status: {status!r}")
        with self.transaction() as conn:
            if status == "abandoned":
                [current] = conn.execute("SELECT status FROM runs WHERE id = ?", (run_id,))
                if current[0] != "running":
                    return False
            counts = conn.execute(
                "SELECT count(*), sum(ra.status = 'checked'), sum(ra.status = 'skipped'),"
                " sum(ra.status = 'failed'), sum(a.claims), sum(a.supported),"
                " sum(a.contradicted), sum(a.unverified), sum(a.disputed)"
                " FROM run_articles ra LEFT JOIN articles a ON a.id = ra.article_id"
                " WHERE ra.run_id = ?",
                (run_id,),
            ).fetchone()
            conn.execute(
                "UPDATE runs SET status = ?, finished = ?, articles = ?, checked = ?,"
                " skipped = ?, failed = ?, claims = ?, supported = ?, contradicted = ?,"
                " unverified = ?, disputed = ? WHERE id = ?",
                (
                    status,
                    None if status == "abandoned" else _now(),
                    *(count or 0 for count in counts),
                    run_id,
                ),
            )
        return True

    def run(self, run_id: int) -> dict[str, Any] | None:
        """A run's row: status, times, options, counts."""
        rows = list(self.db.query("SELECT * FROM runs WHERE id = ?", [run_id]))
        return rows[0] if rows else None

    def recorded_report(
        self, path: str, content_hash: str, verdict_key: str
    ) -> tuple[int, ArticleReport] | None:
        """The latest recorded check of this content at this path under this key, if any.

        Returns the `articles` row id and the report as it was recorded.
        """
        row = self.db.conn.execute(
            "SELECT id, report FROM articles WHERE path = ? AND content_hash = ?"
            " AND verdict_key = ? ORDER BY id DESC LIMIT 1",
            (path, content_hash, verdict_key),
        ).fetchone()
        if row is None:
            return None
        return row[0], unpack_report(row[1])

    def record_outcomes(
        self, run_id: int, outcomes: Iterable[tuple[str, BatchArticle, int | None]]
    ) -> None:
        """Record skipped and failed articles of a run, in one transaction.

        Each outcome is (absolute path, the article's outcome, the id of the
        recorded check a skipped article stands on).
        """
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO run_articles (run_id, path, status, article_id,"
                " content_hash, error) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (run_id, path, str(a.status), article_id, a.content_hash, a.error)
                    for path, a, article_id in outcomes
                ],
            )

    def record_checked(
        self, run_id: int, path: str, article: BatchArticle, *, verdict_key: str
    ) -> int:
        """Record a checked article, its report and a row per claim, in one transaction."""
        report = article.report
        if article.status != ArticleStatus.CHECKED or report is None or not article.content_hash:
            raise ValueError(f"{article.path}: only a checked article with its report is recorded")
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (run_id, path, content_hash, verdict_key, store_fingerprint,"
                " model, checked_at, seconds, published, claims, supported, contradicted,"
                " unverified, disputed, not_checkworthy, report)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    path,
                    article.content_hash,
                    verdict_key,
                    report.store,
                    report.model,
                    _now(),
                    round(article.seconds, 3),
                    report.published,
                    len(report.claims),
                    *(report.count(label) for label in _COUNTED),
                    len(report.not_checkworthy),
                    pack_report(report),
                ),
            )
            article_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO results (article_id, run_id, path, content_hash, claim_id, claim,"
                ' start, "end", line, "column", label, score, note, passage_id, document_id,'
                " evidence, source_title, source_published, page, facts, store_fingerprint)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, run_id, path, article.content_hash, *_claim_row(v), report.store)
                    for v in report.claims
                ],
            )
            conn.execute(
                "INSERT OR REPLACE INTO run_articles (run_id, path, status, article_id,"
                " content_hash, error) VALUES (?, ?, 'checked', ?, ?, NULL)",
                (run_id, path, article_id, article.content_hash),
            )
        assert article_id is not None
        return article_id

    def run_results(self, run_id: int) -> Iterator[dict[str, Any]]:
        """Every claim's result in a run, also those of the articles it skipped."""
        return self.db.query(
            "SELECT * FROM run_results WHERE run_id = ? ORDER BY path, start", [run_id]
        )


# The order of the count columns in `articles`.
_COUNTED = (Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED, Label.DISPUTED)


def pack_report(report: ArticleReport) -> bytes:
    """A report as zlib-compressed JSON: about a tenth of the JSON's size."""
    return zlib.compress(json.dumps(asdict(report), ensure_ascii=False).encode(), 6)


def unpack_report(blob: bytes) -> ArticleReport:
    return record_from_dict(ArticleReport, json.loads(zlib.decompress(blob)))


def _claim_row(verdict: ClaimVerdict) -> tuple[Any, ...]:
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


def _alive(pid: int) -> bool:
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


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
