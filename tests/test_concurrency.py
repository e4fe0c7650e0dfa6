"""Concurrency: processes sharing one store at once, as a newsroom's jobs and people do.

First the races one at a time, made to happen (another connection's lock on a
new store, another process's writes between two reads, a run that finishes
as it is found dead); then real `claimcheck` processes at once: two ingests
creating one store, two versions of one file, and two batches, a verify and
an ingest together, each compared with serial runs.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_store import make_document  # tests/ is on sys.path, as pytest runs them

from pipeline import verify_text
from pipeline.batch import BatchOptions, run_batch
from pipeline.ingest import ingest
from pipeline.records import ArticleStatus
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
ERRORS = ROOT / "claims" / "port-inquests-errors.md"


@pytest.fixture
def db(tmp_path: Path, corpus_store: Store) -> Path:
    """A copy of the session's corpus store, to write to."""
    copy = tmp_path / "claimcheck.db"
    with sqlite3.connect(copy) as target:
        corpus_store.db.conn.backup(target)
    target.close()
    return copy


def claimcheck(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def articles_and_a_note(tmp_path: Path, crash, count: int) -> tuple[Path, Path]:
    """`count` short generated articles, and a new source that bears on them."""
    articles = tmp_path / "articles"
    crash.write_articles(articles, crash.corpus_sentences(), count, 100, 11)
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: Note\npublisher: The Desk\n---\n"
        "The inquests into the deaths of the four young men opened in October 2021.\n"
    )
    return articles, note


def finish(*processes: subprocess.Popen[str], codes: tuple[int, ...] = (0,)) -> list[str]:
    """Wait for every process; each must exit with one of `codes` and print no error."""
    outputs = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode in codes, stdout + stderr
        assert "locked" not in stderr and "Traceback" not in stderr, stderr
        outputs.append(stdout)
    return outputs


# ---------------------------------------------------------------------------
# The races, made to happen


def test_a_new_store_opens_while_another_connection_holds_its_lock(tmp_path: Path) -> None:
    """Switching a new file to WAL does not wait on SQLite's busy timeout: the store must."""
    path = tmp_path / "new.db"
    holding = threading.Event()

    def hold_the_lock() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        holding.set()
        time.sleep(0.3)
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    holding.wait()
    try:
        with Store(path) as store:
            assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert store.counts()["documents"] == 0
    finally:
        holder.join()


def test_word_counts_follow_another_process_s_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as reader, Store(path) as writer:
        writer.add_document(*make_document("/a.txt", ["Seventeen officers were served notices."]))
        assert reader.document_frequencies(["officers"]) == {"officers": 1}
        second = make_document("/b.txt", ["Nine officers must improve."], id="doc2")
        writer.add_document(*second)
        assert reader.document_frequencies(["officers"]) == {"officers": 2}


def test_an_article_is_checked_against_one_snapshot_of_the_store(db: Path, nlp) -> None:
    """A source removed by another process while an article is checked changes nothing of it."""
    text = ERRORS.read_text(encoding="utf-8")
    with Store(db) as store, Store(db) as other:
        undisturbed = verify_text(text, store, nlp=nlp)
        before = store.fingerprint()
        cited = {e.document_id for c in undisturbed.claims for f in c.facts for e in f.evidence}
        real_surroundings = store.surroundings

        def surroundings_after_a_removal(passage_ids, **options):
            for document_id in cited:
                other.remove_document(document_id)
            return real_surroundings(passage_ids, **options)

        store.surroundings = surroundings_after_a_removal
        report = verify_text(text, store, nlp=nlp)
        assert other.fingerprint() != before
    assert report.store == before
    assert [(c.claim.text, c.label, c.score) for c in report.claims] == [
        (c.claim.text, c.label, c.score) for c in undisturbed.claims
    ]


def test_a_run_that_finishes_as_it_is_found_dead_stays_finished(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the look at the runs table and the write, the run's process finished it and exited."""
    with Store(db) as store, Store(db) as its_process:
        run_id = its_process.start_run(
            paths=[], options={}, fingerprint="f", model="m", version="v"
        )

        def finishes_then_exits(host: str, pid: int, heartbeat: str | None) -> bool:
            its_process.finish_run(run_id, "finished")
            return False

        monkeypatch.setattr("pipeline.store.sqlite_runs.alive", finishes_then_exits)
        assert store.abandon_dead_runs() == []
        assert store.run(run_id)["status"] == "finished"


def test_an_article_checked_after_an_ingest_is_recorded_under_the_store_it_saw(
    tmp_path: Path, db: Path, nlp, crash
) -> None:
    """A source ingested during a batch: the next run redoes only what was checked before it."""
    articles, note = articles_and_a_note(tmp_path, crash, 2)

    def ingest_after_the_first(article) -> None:
        if article.path.endswith("article-0000.md"):
            assert ingest([note], store, nlp=nlp).count("added") == 1

    with Store(db) as store:
        first = run_batch([articles], store, on_article=ingest_after_the_first)
        assert first.count(ArticleStatus.CHECKED) == 2
        again = run_batch([articles], store)
    statuses = {Path(a.path).name: a.status for a in again.articles}
    assert statuses == {
        "article-0000.md": ArticleStatus.CHECKED,  # checked before the note was in the store
        "article-0001.md": ArticleStatus.SKIPPED,
    }


# ---------------------------------------------------------------------------
# Real processes at once


def test_two_ingests_creating_one_store_at_once_equal_one_ingest(
    tmp_path: Path, nlp, crash
) -> None:
    notes = tmp_path / "notes"
    crash.write_notes(notes, crash.corpus_sentences(), 4, 150, 5)
    some = sorted(notes.glob("*.md"))[:2]
    serial = tmp_path / "serial.db"
    with Store(serial) as store:
        ingest([SOURCES, notes], store, nlp=nlp)
    expected = crash.documents(serial)
    for round_ in range(1):  # a new store: both processes migrate it at once
        shared = tmp_path / f"shared-{round_}.db"
        first = claimcheck(
            "ingest", "--db", str(shared), str(SOURCES), *map(str, some), cwd=tmp_path
        )
        second = claimcheck("ingest", "--db", str(shared), str(notes), str(SOURCES), cwd=tmp_path)
        finish(first, second)
        assert crash.integrity_problems(shared, [crash.tables(serial)]) == []
        assert crash.documents(shared) == expected


def test_two_versions_of_one_file_at_once_leave_one_whole_document(tmp_path: Path) -> None:
    """Different metadata makes two versions of one path; the later write replaces the earlier."""
    source = tmp_path / "report.md"
    source.write_text(
        "---\ntitle: Report\n---\nSeventeen officers were served notices in 2016.\n\n"
        "Nine officers were told to improve their work.\n"
    )
    shared = tmp_path / "shared.db"
    processes = [
        claimcheck("ingest", "--db", str(shared), "--publisher", name, str(source), cwd=tmp_path)
        for name in ("First Desk", "Second Desk")
    ]
    finish(*processes)
    with Store(shared) as store:
        [document] = store.documents()
        assert document["passages"] == 2
        assert store.counts()["passages"] == 2
        assert store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_two_batches_a_verify_and_an_ingest_at_once_equal_serial_runs(
    tmp_path: Path, db: Path, nlp, crash
) -> None:
    articles, note = articles_and_a_note(tmp_path, crash, 3)
    # Serial runs on the store as it is before the ingest, and as it is after.
    expected = {}
    for name, sources in (("before", []), ("after", [note])):
        copy = tmp_path / f"serial-{name}.db"
        shutil.copy(db, copy)
        with Store(copy) as store:
            ingest(sources, store, nlp=nlp)
            summary = run_batch([articles], store, options=BatchOptions(jobs=1))
            expected[store.fingerprint()] = claims_by_article(store, summary.run_id)
    processes = [
        claimcheck(
            "batch", "--db", str(db), "--jobs", "1", "-o", "one", str(articles), cwd=tmp_path
        ),
        claimcheck(
            "batch", "--db", str(db), "--jobs", "2", "-o", "two", str(articles), cwd=tmp_path
        ),
        claimcheck(
            *("verify", "--db", str(db), "--format", "json"),
            str(articles / "article-0001.md"),
            cwd=tmp_path,
        ),
        claimcheck("ingest", "--db", str(db), str(note), cwd=tmp_path),
    ]
    _, _, report, _ = finish(*processes)

    with Store(db) as store:
        runs = list(store.db.query("SELECT id, status FROM runs ORDER BY id"))
        assert [r["status"] for r in runs] == ["finished", "finished"]  # none abandoned
        for run in runs:
            found = claims_by_article(store, run["id"])
            checked = store.db.query(
                "SELECT a.path, a.store_fingerprint FROM run_articles ra"
                " JOIN articles a ON a.id = ra.article_id WHERE ra.run_id = ?",
                [run["id"]],
            )
            for article in checked:
                name = Path(article["path"]).name
                assert found[name] == expected[article["store_fingerprint"]][name]
    [record] = json.loads(report)["articles"]
    got = [(c["text"], c["verdict"], c["score"]) for c in record["claims"]]
    assert got == expected[record["store"]]["article-0001.md"]


def claims_by_article(store: Store, run_id: int) -> dict[str, list[tuple[str, str, int]]]:
    """Each article's claims in a run, with label and score, by file name."""
    found: dict[str, list[tuple[str, str, int]]] = {}
    for row in store.run_results(run_id):
        found.setdefault(Path(row["path"]).name, []).append(
            (row["claim"], row["label"], row["score"])
        )
    return found
