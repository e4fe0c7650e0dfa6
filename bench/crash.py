"""Crash safety: `claimcheck ingest` and `claimcheck batch` killed with SIGKILL at random moments.

What it does, all in one run:

1. builds a workload in a temporary folder: the bundled corpus `sources/` plus
   `--notes` generated source notes (sentences of the corpus, some numbers
   changed), and `--articles` generated articles (as bench/batch.py makes
   them); then runs each command once, uninterrupted, as the reference: a
   store after `claimcheck ingest`, and one after `claimcheck batch` on it;
2. for each of ingest and batch, `--trials` times (20): starts the command as
   a process of its own (`python -m pipeline ...`, in a new session) and kills
   its whole process group with SIGKILL at a moment drawn from the seed:
   early (imports, migrating a fresh store, loading the model), anywhere in
   the run, or while it holds the store's write lock (waiting for the lock
   to be taken: a document's transaction, a migration, an article's
   results). Ingest trials start from a store that does not exist yet or from
   the store a killed trial left; batch trials from the ingested store, from
   a store made before batch runs existed (so the run migrates it first) or
   from the store a killed trial left, with one worker or two;
3. after each kill, checks the store as the kill left it: `PRAGMA
   integrity_check`, the FTS5 index's own integrity check, the store's counts
   of each term's passages and its postings (that bm25 ranks from) against the
   index, foreign keys, a schema that is whole migrations; every document equal to the same
   document in the reference (its row, pages, passages, entities and values:
   none half-ingested); every recorded article with all its claims, each
   equal to the reference's; every run's articles pointing at recorded
   checks. Then it runs the same command again, which must exit 0 and end in
   the reference's state: the same documents and passages; for batch, the
   same results in its run, the killed run marked abandoned, no run left
   running.

Kill moments are spread over the run by drawing each from the reference
run's duration, a quarter of them in its first second or so. The table gives
per command the trials, kills during a write, kills before the run recorded
anything, and the failures: integrity failures, half-written rows and failed
reruns must all be zero, else the script exits with 1. With --verbose each
trial is listed.

Run from the project root:

    .venv/bin/python bench/crash.py                       # 20 kills of each, a few minutes
    .venv/bin/python bench/crash.py --trials 50 --seed 7
    .venv/bin/python bench/crash.py --trials 3 --notes 4 --articles 4 --only batch

POSIX only (SIGKILL, process groups, fcntl locks).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path
from batch import DRAFTS, article, write_articles

from pipeline.batch import PARTIAL
from pipeline.store.sqlite_postings import disagreements as postings_disagreements
from pipeline.store.sqlite_terms import disagreements

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SEED = 20240607
KINDS = ("ingest", "batch")
# Columns of a result that say what was found, whichever run found it.
RESULT_COLUMNS = (
    "path, claim_id, claim, label, score, note, passage_id, document_id, evidence, facts"
)
# In WAL mode SQLite's write lock is a POSIX lock on this byte of the -shm file
# (WALINDEX_LOCK_OFFSET + WAL_WRITE_LOCK in sqlite3.c).
_WAL_WRITE_LOCK = 120
_FLOCK = "hhqqi4x"  # struct flock on Linux and the BSDs: type, whence, start, len, pid
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


# ---------------------------------------------------------------------------
# The workload and its reference runs


@dataclass(frozen=True)
class Workload:
    """What every trial runs on, and what uninterrupted runs made of it."""

    folder: Path
    sources: tuple[Path, ...]  # the paths given to `claimcheck ingest`
    articles: Path  # the folder given to `claimcheck batch`
    ingested: Path  # the store after an uninterrupted ingest
    before_batches: Path  # the same store as it was before batch runs existed
    batched: Path  # the ingested store after an uninterrupted batch
    seconds: dict[str, float]  # how long each uninterrupted run took


def corpus_sentences() -> list[str]:
    """Sentences of the bundled corpus's text files and of the drafts, six words or more."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in DRAFTS]
    sentences = []
    for text in texts:
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        for block in body.split("\n\n"):
            block = block.strip()
            if block and not block.startswith("#"):
                sentences.extend(_SENTENCE_END.split(" ".join(block.split())))
    return list(dict.fromkeys(s.strip() for s in sentences if len(s.split()) >= 6))


def write_notes(folder: Path, pool: list[str], count: int, words: int, seed: int) -> None:
    """`count` source notes of about `words` words, each a Markdown file with its metadata."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        front = (
            f"---\ntitle: Desk note {number}\npublisher: The Desk\n"
            f"published: 2022-01-{number % 28 + 1:02d}\n---\n"
        )
        text = front + article(number, pool, words, rng)
        (folder / f"note-{number:03d}.md").write_text(text, encoding="utf-8")


def prepare(
    folder: Path,
    *,
    notes: int = 40,
    note_words: int = 600,
    articles: int = 24,
    article_words: int = 250,
    seed: int = SEED,
) -> Workload:
    """Generate the workload under `folder` and run ingest and batch once each, uninterrupted."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = corpus_sentences()
    write_notes(folder / "notes", pool, notes, note_words, seed)
    write_articles(folder / "articles", pool, articles, article_words, seed + 1)
    sources = (SOURCES, folder / "notes")
    work = folder / "reference"
    work.mkdir(exist_ok=True)
    seconds = {}
    ingested = work / "ingested.db"
    seconds["ingest"] = run_to_end(ingest_command(ingested, sources), work)
    before_batches = work / "before-batches.db"
    shutil.copy(ingested, before_batches)
    without_batch_runs(before_batches)
    batched = work / "batched.db"
    shutil.copy(ingested, batched)
    seconds["batch"] = run_to_end(
        batch_command(batched, folder / "articles", work / "out", 1), work
    )
    return Workload(
        folder, sources, folder / "articles", ingested, before_batches, batched, seconds
    )


def ingest_command(db: Path, sources: Sequence[Path]) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pipeline",
        "ingest",
        "--quiet",
        "--db",
        str(db),
        *map(str, sources),
    ]


def batch_command(db: Path, articles: Path, out: Path, jobs: int) -> list[str]:
    return [
        *(sys.executable, "-m", "pipeline", "batch", "--db", str(db), "--jobs", str(jobs)),
        *("--quiet", "--format", "json", "--out", str(out), str(articles)),
    ]


def start(command: list[str], cwd: Path, stderr: Path) -> subprocess.Popen[bytes]:
    """A claimcheck process in a session of its own (its workers in its process group)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    with stderr.open("wb") as err:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )


def run_to_end(command: list[str], cwd: Path) -> float:
    """Run a command to its end; its seconds. A failure stops the script."""
    started = time.perf_counter()
    process = start(command, cwd, cwd / "stderr.txt")
    if process.wait() != 0:
        raise SystemExit(f"{' '.join(command[2:4])} failed:\n{(cwd / 'stderr.txt').read_text()}")
    return time.perf_counter() - started


def without_batch_runs(db: Path) -> None:
    """Make a store as it was before migration m002 (batch runs) and those after it existed."""
    with sqlite3.connect(db, isolation_level=None) as conn:
        conn.executescript(
            "BEGIN; DROP VIEW run_results; DROP TABLE run_articles; DROP TABLE results;"
            " DROP TABLE articles; DROP TABLE runs; DROP TABLE decisions; DROP TABLE fetches;"
            " DROP TABLE term_counts; DROP TABLE postings;"
            " DELETE FROM _migrations WHERE name <> 'm001_create_tables';"
            " ALTER TABLE _migrations DROP COLUMN claimcheck_version; COMMIT;"
        )
    conn.close()


# ---------------------------------------------------------------------------
# Checks of a store (shared with tests/test_crash.py)


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def tables(db: Path) -> set[str]:
    return {
        row[0]
        for row in query(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }


def integrity_problems(db: Path, schemas: Sequence[set[str]]) -> list[str]:
    """SQLite's and FTS5's integrity checks, foreign keys, and a schema of whole migrations.

    `schemas` are the sets of tables and views a store may have: one per
    number of migrations applied (none applied: no table at all).
    """
    if not db.exists():
        return []
    problems = []
    checked = [row[0] for row in query(db, "PRAGMA integrity_check")]
    if checked != ["ok"]:
        problems.append(f"integrity_check: {'; '.join(checked[:3])}")
    present = tables(db)
    if present and present not in schemas:
        problems.append(f"schema of no migration: {sorted(present)}")
    if "passages_fts" in present:
        # The index's own structure; then (rank 1) the index against its content table.
        for rank in ("NULL", "1"):
            try:
                query(
                    db,
                    "INSERT INTO passages_fts(passages_fts, rank)"
                    f" VALUES('integrity-check', {rank})",
                )
            except sqlite3.DatabaseError as e:
                problems.append(f"FTS5 integrity-check (rank {rank}): {e}")
                break
    # The store's counts of each term's passages, and each term's postings
    # (that bm25 ranks from), against the index.
    for table, check in (("term_counts", disagreements), ("postings", postings_disagreements)):
        if table in present:
            conn = sqlite3.connect(db)
            try:
                problems.extend(f"{table}: {d}" for d in check(conn))
            finally:
                conn.close()
    broken = query(db, "PRAGMA foreign_key_check")
    if broken:
        problems.append(f"{len(broken)} rows break foreign keys, e.g. {broken[0]}")
    return problems


def documents(db: Path) -> dict[str, tuple[Any, ...]]:
    """Every document with its pages, passages, entities and values, by id.

    Row ids and ingest times are left out: they differ between equal stores.
    """
    if "documents" not in tables(db):
        return {}
    found: dict[str, list[Any]] = {}
    for row in query(
        db,
        "SELECT id, path, format, title, publisher, url, published, kind, note, pages, words,"
        " text FROM documents ORDER BY id",
    ):
        found[row[0]] = [row, [], [], [], []]
    for row in query(db, 'SELECT document_id, number, start, "end" FROM pages ORDER BY 1, 2'):
        found[row[0]][1].append(row)
    for row in query(
        db, 'SELECT document_id, seq, page, start, "end", text FROM passages ORDER BY 1, 2'
    ):
        found[row[0]][2].append(row)
    for row in query(
        db,
        'SELECT p.document_id, p.seq, e.label, e.text, e.start, e."end" FROM entities e'
        " JOIN passages p ON p.id = e.passage_id ORDER BY 1, 2, 5, 3, 4",
    ):
        found[row[0]][3].append(row)
    for row in query(
        db,
        "SELECT p.document_id, p.seq, v.kind, v.text, v.number, v.date, v.granularity,"
        ' v.unit, v.subject, v.qualifier, v.start, v."end" FROM passage_values v'
        " JOIN passages p ON p.id = v.passage_id ORDER BY 1, 2, 11, 3, 4",
    ):
        found[row[0]][4].append(row)
    return {key: tuple(map(tuple, value)) for key, value in found.items()}


def document_problems(db: Path, reference: dict[str, tuple[Any, ...]]) -> list[str]:
    """Documents that differ from the same document in the reference store: half-ingested."""
    problems = []
    for document_id, stored in documents(db).items():
        expected = reference.get(document_id)
        if expected is None:
            problems.append(f"document {document_id[:12]} is not in the reference store")
        elif stored != expected:
            parts = ("row", "pages", "passages", "entities", "values")
            differ = [p for p, a, b in zip(parts, stored, expected, strict=True) if a != b]
            problems.append(f"document {document_id[:12]}: {', '.join(differ)} differ")
    return problems


def recorded_results(db: Path) -> dict[int, tuple[str, int, list[tuple[Any, ...]]]]:
    """Each recorded check of an article: its path, its claim count, its results' rows."""
    if "articles" not in tables(db):
        return {}
    found = {
        row[0]: (row[1], row[2], []) for row in query(db, "SELECT id, path, claims FROM articles")
    }
    for row in query(db, f"SELECT article_id, {RESULT_COLUMNS} FROM results ORDER BY id"):
        found[row[0]][2].append(row[1:])
    return found


def reference_results(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The results of the reference store's one batch run, by article path."""
    by_path: dict[str, list[tuple[Any, ...]]] = {}
    for path, _claims, rows in recorded_results(db).values():
        by_path[path] = rows
    return by_path


def result_problems(db: Path, reference: dict[str, list[tuple[Any, ...]]]) -> list[str]:
    """Recorded checks missing claims or differing from the reference; runs pointing at nothing."""
    problems = []
    for article_id, (path, claims, rows) in recorded_results(db).items():
        if len(rows) != claims:
            problems.append(
                f"article {article_id} ({Path(path).name}): {len(rows)} of {claims} claims"
            )
        elif rows != reference.get(path):
            problems.append(
                f"article {article_id} ({Path(path).name}): results differ from the reference"
            )
    if "run_articles" in tables(db):
        for run_id, path, status in query(
            db,
            "SELECT ra.run_id, ra.path, ra.status FROM run_articles ra"
            " LEFT JOIN articles a ON a.id = ra.article_id"
            " WHERE (ra.status != 'failed') != (a.id IS NOT NULL)",
        ):
            problems.append(f"run {run_id}: {Path(path).name} {status} without its recorded check")
        for run_id, path, error in query(
            db, "SELECT run_id, path, error FROM run_articles WHERE status = 'failed'"
        ):
            problems.append(f"run {run_id}: {Path(path).name} failed: {error}")
    return problems


def run_problems(db: Path, *, killed: int | None) -> list[str]:
    """After a run that finished: no run left running, the killed one abandoned."""
    problems = []
    for run_id, status in query(db, "SELECT id, status FROM runs ORDER BY id"):
        expected = "abandoned" if run_id == killed else "finished"
        if (run_id == killed or status == "running") and status != expected:
            problems.append(f"run {run_id} is {status}, not {expected}")
    return problems


def final_run_results(db: Path) -> list[tuple[Any, ...]]:
    return query(
        db,
        f"SELECT {RESULT_COLUMNS} FROM run_results WHERE run_id = (SELECT max(id) FROM runs)"
        " ORDER BY path, start",
    )


# ---------------------------------------------------------------------------
# Killing


def write_locked(db: Path) -> bool:
    """Whether a process holds the store's write lock now (WAL mode; asks, takes nothing)."""
    try:
        fd = os.open(f"{db}-shm", os.O_RDWR)
    except OSError:
        return False
    try:
        probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, _WAL_WRITE_LOCK, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack(_FLOCK, answer)[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


def kill_at(
    process: subprocess.Popen[bytes], db: Path, mode: str, seconds: float, rng: random.Random
) -> tuple[bool, bool, float]:
    """Kill the process group at a moment of the kind `mode`; `seconds` is an uninterrupted run's.

    - early: in the run's first 30% and first 1.5 s (imports, migrations, the model loading);
    - anywhere: in the first 90% of the run;
    - write: the first time the process holds the store's write lock after a
      moment in the first 70% (a document's transaction, an article's results);
    - first write: the first time it holds the write lock (migrating a new or an
      old store, the first document, the run's own row).

    Returns whether it was killed (not when the run ended first), whether it
    held the write lock then, and when, in seconds after the start.
    """
    started = time.perf_counter()
    if mode == "early":
        delay = rng.uniform(0, min(1.5, seconds * 0.3))
    elif mode == "anywhere":
        delay = rng.uniform(0, seconds * 0.9)
    else:  # "write" waits first; "first write" waits for the run's first write
        delay = rng.uniform(0, seconds * 0.7) if mode == "write" else 0.0
    deadline = started + delay
    while time.perf_counter() < deadline and process.poll() is None:
        time.sleep(0.002)
    if mode in ("write", "first write"):
        deadline = time.perf_counter() + seconds
        while process.poll() is None and time.perf_counter() < deadline and not write_locked(db):
            pass
    during_write = write_locked(db)
    if process.poll() is not None:
        return False, False, time.perf_counter() - started
    os.killpg(process.pid, signal.SIGKILL)
    elapsed = time.perf_counter() - started
    process.wait()
    return True, during_write, elapsed


# ---------------------------------------------------------------------------
# Trials


MODES = ("early", "anywhere", "write", "first write")


@dataclass
class Trial:
    kind: str
    number: int
    start: str  # what the store was before the run
    mode: str
    seconds: float = 0.0  # when the kill came, after the start
    killed: bool = False
    during_write: bool = False
    early: bool = False  # the run had recorded nothing (no document, no run or article)
    integrity: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)
    rerun: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.integrity or self.half_written or self.rerun)


@dataclass
class References:
    """What the checks compare with, read once from the workload's reference stores."""

    documents: dict[str, tuple[Any, ...]]
    results: dict[str, list[tuple[Any, ...]]]
    final_results: list[tuple[Any, ...]]
    schemas: list[set[str]]

    @classmethod
    def of(cls, workload: Workload) -> References:
        full = tables(workload.batched)
        return cls(
            documents(workload.ingested),
            reference_results(workload.batched),
            final_run_results(workload.batched),
            [tables(workload.before_batches), full],
        )


def recorded(kind: str, db: Path) -> tuple[int, ...]:
    """What the store holds of a command's work: documents; or runs and checked articles."""
    if not db.exists():
        return (0,)
    present = tables(db)
    if kind == "ingest":
        return (query(db, "SELECT count(*) FROM documents")[0][0] if "documents" in present else 0,)
    if "runs" not in present:
        return (0, 0)
    return (
        query(db, "SELECT count(*) FROM runs")[0][0],
        query(db, "SELECT count(*) FROM articles")[0][0],
    )


def run_trial(
    kind: str,
    number: int,
    mode: str,
    workload: Workload,
    references: References,
    rng: random.Random,
    previous: Path | None,
) -> Trial:
    """One kill of a command, the checks after it, the next run and the checks after that."""
    folder = workload.folder / "trials" / f"{kind}-{number:03d}"
    folder.mkdir(parents=True)
    db = folder / "claimcheck.db"
    if kind == "ingest":
        if number % 2 and previous is not None:
            start_name = "left by a kill"
            copy_store(previous, db)
        else:
            start_name = "none"
        command = ingest_command(db, workload.sources)
    else:
        choice = number % 3
        base, start_name = [
            (workload.ingested, "ingested"),
            (workload.before_batches, "before batch runs"),
            (previous or workload.ingested, "left by a kill" if previous else "ingested"),
        ][choice]
        copy_store(base, db)
        command = batch_command(db, workload.articles, folder / "out", 1 + number % 2)
    trial = Trial(kind, number, start_name, mode)
    before = recorded(kind, db)
    runs_before = (
        query(db, "SELECT max(id) FROM runs")[0][0]
        if kind == "batch" and "runs" in tables(db)
        else None
    )
    process = start(command, folder, folder / "killed-stderr.txt")
    trial.killed, trial.during_write, trial.seconds = kill_at(
        process, db, mode, workload.seconds[kind], rng
    )
    if process.returncode not in (0, -signal.SIGKILL):
        trial.rerun.append(f"the run to be killed exited {process.returncode}")
    trial.early = recorded(kind, db) == before
    killed_run = None
    if kind == "batch" and "runs" in tables(db):
        newest = query(db, "SELECT max(id) FROM runs")[0][0]
        killed_run = newest if newest != runs_before and trial.killed else None
    check_killed(trial, db, references)
    copy_store(db, folder / "as-killed.db")
    rerun = subprocess.run(
        command,
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")},
    )
    if rerun.returncode != 0:
        trial.rerun.append(f"the next run exited {rerun.returncode}: {rerun.stderr.strip()[-300:]}")
    check_end(trial, db, references, killed_run)
    if kind == "batch":
        articles = sum(1 for _ in workload.articles.rglob("*.md"))
        trial.rerun += report_problems(folder / "out", articles)
    return trial


def report_problems(out: Path, articles: int) -> list[str]:
    """The reports folder after the next run: one whole JSON report per article, no
    half-written file left behind."""
    problems = []
    partial = [p for p in out.rglob("*") if p.name.endswith(PARTIAL)]
    if partial:
        problems.append(f"{len(partial)} half-written files left in the reports folder")
    reports = [p for p in out.rglob("*.json") if p.name != "summary.json"]
    for report in reports:
        try:
            json.loads(report.read_text(encoding="utf-8"))
        except ValueError:
            problems.append(f"report {report.name} is not whole JSON")
    if len(reports) != articles:
        problems.append(f"{len(reports)} reports for {articles} articles")
    return problems


def check_killed(trial: Trial, db: Path, references: References) -> None:
    trial.integrity += integrity_problems(db, references.schemas)
    if trial.integrity:
        return
    trial.half_written += document_problems(db, references.documents)
    if trial.kind == "batch":
        trial.half_written += result_problems(db, references.results)


def check_end(trial: Trial, db: Path, references: References, killed_run: int | None) -> None:
    """The store after the next run: whole, and in the state an uninterrupted run leaves."""
    problems = integrity_problems(db, references.schemas[-1:])
    if problems:
        trial.rerun += [f"after the next run: {p}" for p in problems]
        return
    stored = documents(db)
    if stored != references.documents:
        missing = len(set(references.documents) - set(stored))
        extra = len(set(stored) - set(references.documents))
        trial.rerun.append(f"documents differ from the reference: {missing} missing, {extra} extra")
    if trial.kind == "batch":
        trial.rerun += run_problems(db, killed=killed_run)
        if final_run_results(db) != references.final_results:
            trial.rerun.append("the next run's results differ from the reference")


def copy_store(source: Path, target: Path) -> None:
    """A store's file with its WAL, if it has one: what a process opening it would see."""
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")


def run_trials(
    kind: str,
    workload: Workload,
    *,
    trials: int,
    seed: int,
    modes: Sequence[str] = MODES,
    on_trial: Callable[[Trial], None] | None = None,
) -> list[Trial]:
    """`trials` kills of one command (ingest or batch), each checked and followed by a full run.

    Trial n kills at a moment of the kind `modes[n % len(modes)]` (see `kill_at`).
    A run that ends before its kill does not count: another trial follows.
    """
    references = References.of(workload)
    rng = random.Random(f"{seed}-{kind}")
    done: list[Trial] = []
    previous = None
    number = 0
    while len([t for t in done if t.killed]) < trials and number < trials * 3:
        mode = modes[number % len(modes)]
        trial = run_trial(kind, number, mode, workload, references, rng, previous)
        previous = workload.folder / "trials" / f"{kind}-{number:03d}" / "as-killed.db"
        done.append(trial)
        if on_trial is not None:
            on_trial(trial)
        number += 1
    return done


# ---------------------------------------------------------------------------
# Report


def totals(trials: Sequence[Trial]) -> dict[str, int]:
    return {
        "trials": len(trials),
        "killed": sum(t.killed for t in trials),
        "during write": sum(t.during_write for t in trials if t.killed),
        "before any record": sum(t.early for t in trials if t.killed),
        "integrity failures": sum(bool(t.integrity) for t in trials),
        "half-written": sum(bool(t.half_written) for t in trials),
        "reruns failed": sum(bool(t.rerun) for t in trials),
    }


def table(by_kind: dict[str, list[Trial]]) -> str:
    names = list(totals([]))
    head = f"{'command':<8}" + "".join(f" {n:>{max(len(n), 6)}}" for n in names)
    lines = [head, "-" * len(head)]
    for kind, trials in by_kind.items():
        counts = totals(trials)
        lines.append(f"{kind:<8}" + "".join(f" {counts[n]:>{max(len(n), 6)}}" for n in names))
    return "\n".join(lines)


def describe(trial: Trial) -> str:
    what = "killed" if trial.killed else "ended before the kill"
    where = " during a write" if trial.during_write else ""
    early = ", before it recorded anything" if trial.early and trial.killed else ""
    line = (
        f"{trial.kind} {trial.number:>3}: {trial.mode:<11} store {trial.start!r}: "
        f"{what} at {trial.seconds:.2f} s{where}{early}"
    )
    for label, problems in (
        ("integrity", trial.integrity),
        ("half-written", trial.half_written),
        ("rerun", trial.rerun),
    ):
        line += "".join(f"\n    {label}: {p}" for p in problems)
    return line


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=20, help="kills of each command (20)")
    parser.add_argument(
        "--seed", type=int, default=SEED, help="seed of the kill moments and the workload"
    )
    parser.add_argument("--only", choices=KINDS, help="kill only this command")
    parser.add_argument("--notes", type=int, default=40, help="generated source notes (40)")
    parser.add_argument("--articles", type=int, default=24, help="generated articles (24)")
    parser.add_argument("--out", type=Path, help="work folder (kept); default: a temporary one")
    parser.add_argument("--verbose", "-v", action="store_true", help="a line per trial")
    args = parser.parse_args(argv)
    if min(args.trials, args.notes, args.articles) < 1:
        parser.error("--trials, --notes and --articles must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimcheck-crash-") as temp:
        folder = args.out or Path(temp)
        log(f"workload: sources/ and {args.notes} notes, {args.articles} articles; reference runs")
        workload = prepare(folder, notes=args.notes, articles=args.articles, seed=args.seed)
        log(
            f"uninterrupted: ingest {workload.seconds['ingest']:.1f} s,"
            f" batch {workload.seconds['batch']:.1f} s"
        )
        by_kind = {}
        for kind in [args.only] if args.only else KINDS:

            def report(trial: Trial) -> None:
                if args.verbose or trial.failed:
                    log(describe(trial))

            by_kind[kind] = run_trials(
                kind, workload, trials=args.trials, seed=args.seed, on_trial=report
            )
    print(table(by_kind))
    print(f"\nseed {args.seed}; machine: {machine()}")
    failed = any(t.failed for trials in by_kind.values() for t in trials)
    print(
        "FAILED: see the trials above"
        if failed
        else "every kill left a whole store, and every next run ended as an uninterrupted one"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
