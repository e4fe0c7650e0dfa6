"""Crash safety: ingest and batch killed with SIGKILL leave whole stores, and the next run ends them.

The short form of bench/crash.py: three kills of each command, checked with
the script's own functions. It needs real processes, so it takes about half
a minute.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def workload(crash, tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    return crash.prepare(folder, notes=3, note_words=300, articles=3, article_words=150, seed=7)


@pytest.mark.parametrize(
    ("kind", "modes"),
    [
        # A new store killed while it migrates, then a document's write, then anywhere.
        ("ingest", ("first write", "write", "anywhere")),
        # An article's results; a store from before batch runs killed while it migrates
        # (with two workers); then anywhere in a run that resumes a killed one.
        ("batch", ("write", "first write", "anywhere")),
    ],
)
def test_killed_runs_leave_whole_stores_and_the_next_run_ends_as_an_uninterrupted_one(
    crash, workload, kind: str, modes: tuple[str, ...]
) -> None:
    trials = crash.run_trials(kind, workload, trials=3, seed=7, modes=modes)
    failures = [crash.describe(t) for t in trials if t.failed]
    assert not failures, "\n".join(failures)
    killed = [t for t in trials if t.killed]
    assert len(killed) == 3
    assert any(t.during_write for t in killed), [crash.describe(t) for t in trials]


def test_the_checks_find_what_they_look_for(crash, workload, tmp_path: Path) -> None:
    """A half-ingested document, a half-written article and a broken index do not pass."""
    references = crash.References.of(workload)
    db = tmp_path / "store.db"
    shutil.copy(workload.batched, db)
    assert crash.integrity_problems(db, references.schemas) == []
    assert crash.document_problems(db, references.documents) == []
    assert crash.result_problems(db, references.results) == []

    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM passages WHERE id = (SELECT max(id) FROM passages)")
        conn.execute("DELETE FROM results WHERE id = (SELECT max(id) FROM results)")
    conn.close()
    [document] = crash.document_problems(db, references.documents)
    assert "passages" in document
    [article] = crash.result_problems(db, references.results)
    assert "claims" in article

    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER passages_ad")  # a delete the index does not hear of
        conn.execute("DELETE FROM passages WHERE id = (SELECT min(id) FROM passages)")
        conn.execute("CREATE TABLE stray (x)")
    conn.close()
    problems = crash.integrity_problems(db, references.schemas)
    assert any("FTS5" in p for p in problems) and any("schema" in p for p in problems)
