"""Batch runs in the PostgreSQL store: runs, the articles they checked, a row per claim.

Part of the PostgreSQL store (`PostgreSQLStore` inherits these methods), as
`sqlite_runs.py` is of the SQLite store: the same rows, in PostgreSQL's SQL.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from ..errors import StoreError
from ..records import ArticleReport, ArticleStatus, BatchArticle
from ..runs import COUNTED, RUN_STATUSES, alive, claim_row, now, pack_report, unpack_report


class RunRecords:
    """The PostgreSQL store's record of batch runs; mixed into `PostgreSQLStore`.

    Paths given here identify articles across runs: pass absolute paths.
    """

    path: str

    def _transaction(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        raise NotImplementedError  # provided by PostgreSQLStore

    def _reading(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        raise NotImplementedError  # provided by PostgreSQLStore

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

        Runs left 'running' whose heartbeat stopped (killed, or the machine
        went down) are marked 'abandoned' first: their finished articles stay
        recorded and count for resuming.
        """
        self.abandon_dead_runs()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO runs (started, status, paths, options, store_fingerprint,"
                " tool_version, model, host, pid, heartbeat)"
                " VALUES (%s, 'running', %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (
                    now(),
                    json.dumps(list(paths)),
                    json.dumps(options, sort_keys=True),
                    fingerprint,
                    version,
                    model,
                    socket.gethostname(),
                    os.getpid(),
                    now(),
                ),
            )
            row = cursor.fetchone()
        if row is None:
            raise StoreError(f"{self.path}: the new run was not recorded")
        return int(row[0])

    def beat(self, run_id: int) -> None:
        """Tell the store that this run is alive (see `runs.HEARTBEAT_SECONDS`)."""
        with self._transaction() as conn:
            conn.execute("UPDATE runs SET heartbeat = %s WHERE id = %s", (now(), run_id))

    def abandon_dead_runs(self) -> list[int]:
        """Mark running runs whose heartbeat stopped as 'abandoned'; return their ids.

        A run is dead when its heartbeat is older than `runs.STALE_SECONDS`,
        wherever it ran, or at once when it ran on this host and its process is gone.
        """
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT id, host, pid, heartbeat FROM runs WHERE status = 'running'"
            ).fetchall()
        dead = [run_id for run_id, host, pid, beat in rows if not alive(host, pid, beat)]
        return [run_id for run_id in dead if self.finish_run(run_id, "abandoned")]

    def finish_run(self, run_id: int, status: str) -> bool:
        """Close a run with its status and the counts of what it recorded.

        A run is abandoned only while it is still marked running: its process
        may have finished it (and exited) between the look at the runs table
        and this write. Returns whether the run's row changed.
        """
        if status not in RUN_STATUSES:
            raise ValueError(f"not a run status: {status!r}")
        with self._transaction() as conn:
            if status == "abandoned":
                current = conn.execute(
                    "SELECT status FROM runs WHERE id = %s FOR UPDATE", (run_id,)
                ).fetchone()
                if current is None or current[0] != "running":
                    return False
            counts = (
                conn.execute(
                    "SELECT count(*), count(*) FILTER (WHERE ra.status = 'checked'),"
                    " count(*) FILTER (WHERE ra.status = 'skipped'),"
                    " count(*) FILTER (WHERE ra.status = 'failed'), sum(a.claims),"
                    " sum(a.supported),"
                    " sum(a.contradicted), sum(a.unverified), sum(a.disputed)"
                    " FROM run_articles ra LEFT JOIN articles a ON a.id = ra.article_id"
                    " WHERE ra.run_id = %s",
                    (run_id,),
                ).fetchone()
                or ()
            )
            conn.execute(
                "UPDATE runs SET status = %s, finished = %s, articles = %s, checked = %s,"
                " skipped = %s, failed = %s, claims = %s, supported = %s, contradicted = %s,"
                " unverified = %s, disputed = %s WHERE id = %s",
                (
                    status,
                    None if status == "abandoned" else now(),
                    *(int(count or 0) for count in counts),
                    run_id,
                ),
            )
        return True

    def run(self, run_id: int) -> dict[str, Any] | None:
        """A run's row: status, times, options, counts."""
        with self._reading() as conn:
            cursor = conn.cursor(row_factory=dict_row)
            return cursor.execute("SELECT * FROM runs WHERE id = %s", (run_id,)).fetchone()

    def recorded_report(
        self, path: str, content_hash: str, verdict_key: str
    ) -> tuple[int, ArticleReport] | None:
        """The latest recorded check of this content at this path under this key, if any.

        Returns the `articles` row id and the report as it was recorded.
        """
        with self._reading() as conn:
            row = conn.execute(
                "SELECT id, report FROM articles WHERE path = %s AND content_hash = %s"
                " AND verdict_key = %s ORDER BY id DESC LIMIT 1",
                (path, content_hash, verdict_key),
            ).fetchone()
        if row is None:
            return None
        return row[0], unpack_report(bytes(row[1]))

    def record_outcomes(
        self, run_id: int, outcomes: Iterable[tuple[str, BatchArticle, int | None]]
    ) -> None:
        """Record skipped and failed articles of a run, in one transaction.

        Each outcome is (absolute path, the article's outcome, the id of the
        recorded check a skipped article stands on).
        """
        with self._transaction() as conn:
            conn.cursor().executemany(
                "INSERT INTO run_articles (run_id, path, status, article_id,"
                " content_hash, error) VALUES (%s, %s, %s, %s, %s, %s)" + _REPLACE,
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
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (run_id, path, content_hash, verdict_key, store_fingerprint,"
                " model, checked_at, seconds, published, claims, supported, contradicted,"
                " unverified, disputed, not_checkworthy, report)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING id",
                (
                    run_id,
                    path,
                    article.content_hash,
                    verdict_key,
                    report.store,
                    report.model,
                    now(),
                    round(article.seconds, 3),
                    report.published,
                    len(report.claims),
                    *(report.count(label) for label in COUNTED),
                    len(report.not_checkworthy),
                    pack_report(report),
                ),
            )
            row = cursor.fetchone()
            if row is None:
                raise StoreError(f"{self.path}: the article was not recorded")
            article_id = row[0]
            conn.cursor().executemany(
                "INSERT INTO results (article_id, run_id, path, content_hash, claim_id, claim,"
                ' start, "end", line, "column", label, score, note, passage_id, document_id,'
                " evidence, source_title, source_published, page, facts, store_fingerprint)"
                " VALUES (" + ", ".join(["%s"] * 21) + ")",
                [
                    (article_id, run_id, path, article.content_hash, *claim_row(v), report.store)
                    for v in report.claims
                ],
            )
            conn.execute(
                "INSERT INTO run_articles (run_id, path, status, article_id,"
                " content_hash, error) VALUES (%s, %s, 'checked', %s, %s, NULL)" + _REPLACE,
                (run_id, path, article_id, article.content_hash),
            )
        return int(article_id)

    def run_results(self, run_id: int) -> Iterator[dict[str, Any]]:
        """Every claim's result in a run, also those of the articles it skipped."""
        with self._reading() as conn:
            cursor = conn.cursor(row_factory=dict_row)
            rows = cursor.execute(
                'SELECT * FROM run_results WHERE run_id = %s ORDER BY path COLLATE "C", start',
                (run_id,),
            ).fetchall()
        return iter(rows)


# SQLite's INSERT OR REPLACE into run_articles, keyed by (run_id, path).
_REPLACE = (
    " ON CONFLICT (run_id, path) DO UPDATE SET status = excluded.status,"
    " article_id = excluded.article_id, content_hash = excluded.content_hash,"
    " error = excluded.error"
)
