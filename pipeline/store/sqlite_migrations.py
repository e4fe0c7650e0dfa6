"""The evidence store's schema, as numbered migrations.

Each migration runs once, in its own transaction, and is recorded in the
`_migrations` table. Add new ones at the end; never edit one that has shipped.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import sqlite_utils

from . import sqlite_postings as postings
from .sqlite_terms import count_all

Migration = Callable[[sqlite_utils.Database], None]


def m001_create_tables(db: sqlite_utils.Database) -> None:
    run_script(db, _M001)


_M001 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,          -- content hash of the file, its sidecar and given metadata
    path TEXT NOT NULL,           -- where it was read from (absolute)
    format TEXT NOT NULL,         -- pdf, html, markdown, text
    title TEXT,
    publisher TEXT,
    url TEXT,
    published TEXT,               -- ISO date prefix: 2019-07-05, 2019-07 or 2019
    kind TEXT NOT NULL,           -- news, press_release, court, other
    note TEXT,
    pages INTEGER NOT NULL,
    words INTEGER NOT NULL,
    text TEXT NOT NULL,           -- the extracted text that passage offsets point into
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_path ON documents(path);
CREATE TABLE pages (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (document_id, number)
);
CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,         -- position in the document, from 0
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,       -- character offsets into documents.text
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX passages_document ON passages(document_id, seq);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX entities_passage ON entities(passage_id);
CREATE INDEX entities_text ON entities(label, text);
CREATE TABLE passage_values (
    id INTEGER PRIMARY KEY,
    passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,           -- count, age, date, money, percent, ordinal, number
    text TEXT NOT NULL,
    number REAL,
    date TEXT,
    granularity TEXT,
    unit TEXT,
    subject TEXT,
    qualifier TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX passage_values_passage ON passage_values(passage_id);
CREATE INDEX passage_values_number ON passage_values(kind, number);
CREATE INDEX passage_values_date ON passage_values(kind, date);
-- Full-text index over passages, as sqlite-utils' enable_fts(create_triggers=True)
-- builds it (so sqlite-utils and Datasette recognise it), written out here so that
-- it is created inside the migration's transaction. Porter stemming lets
-- "investigated" find "investigation"; the triggers keep the index in step with
-- every insert and delete, cascades included.
CREATE VIRTUAL TABLE [passages_fts] USING FTS5 (
    [text], tokenize='porter unicode61 remove_diacritics 2', content=[passages]
);
CREATE TRIGGER [passages_ai] AFTER INSERT ON [passages] BEGIN
  INSERT INTO [passages_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
CREATE TRIGGER [passages_ad] AFTER DELETE ON [passages] BEGIN
  INSERT INTO [passages_fts] ([passages_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
END;
CREATE TRIGGER [passages_au] AFTER UPDATE ON [passages] BEGIN
  INSERT INTO [passages_fts] ([passages_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [passages_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
END;
"""


def m002_batch_runs(db: sqlite_utils.Database) -> None:
    run_script(db, _M002)


# Batch runs and their verdicts. `articles` holds one verification of one
# article's content (and the full report, to render again when the article is
# skipped); `results` one row per claim, flat, for SQL and Datasette;
# `run_articles` what each run did with each article, so that a run's results
# include those of the articles it skipped (the `run_results` view).
# Passage and document ids are not foreign keys: results are history, and
# stay when a source is replaced or removed (the evidence text is kept here).
_M002 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,        -- UTC, ISO 8601
    finished TEXT,                -- when it finished or was interrupted; NULL while running
    status TEXT NOT NULL,         -- running, finished, interrupted, abandoned (killed)
    paths TEXT NOT NULL,          -- JSON list of the paths given
    options TEXT NOT NULL,        -- JSON of the options that shaped the run
    store_fingerprint TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    model TEXT NOT NULL,          -- spaCy pipeline, "name version"
    host TEXT NOT NULL,           -- host and process, to tell a killed run from a live one
    pid INTEGER NOT NULL,
    articles INTEGER,             -- counts, filled in when the run ends
    checked INTEGER,
    skipped INTEGER,
    failed INTEGER,
    claims INTEGER,
    supported INTEGER,
    contradicted INTEGER,
    unverified INTEGER,
    disputed INTEGER
);
CREATE INDEX runs_started ON runs(started);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),   -- the run that checked it
    path TEXT NOT NULL,           -- absolute
    content_hash TEXT NOT NULL,   -- sha256 of the file's bytes
    verdict_key TEXT NOT NULL,    -- hash of what else the verdicts depend on: store, model, version
    store_fingerprint TEXT NOT NULL,
    model TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    seconds REAL NOT NULL,
    published TEXT,
    claims INTEGER NOT NULL,
    supported INTEGER NOT NULL,
    contradicted INTEGER NOT NULL,
    unverified INTEGER NOT NULL,
    disputed INTEGER NOT NULL,
    not_checkworthy INTEGER NOT NULL,
    report BLOB NOT NULL          -- the full report: zlib-compressed JSON
);
CREATE INDEX articles_resume ON articles(path, content_hash, verdict_key);
CREATE INDEX articles_run ON articles(run_id);
CREATE TABLE results (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    run_id INTEGER NOT NULL REFERENCES runs(id),   -- the run that checked it
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    claim_id TEXT NOT NULL,
    claim TEXT NOT NULL,          -- the sentence, as in the article
    start INTEGER NOT NULL,       -- character offsets into the article
    "end" INTEGER NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    label TEXT NOT NULL,          -- SUPPORTED, CONTRADICTED, UNVERIFIED, DISPUTED
    score INTEGER NOT NULL,       -- 0-100: confidence in the label
    note TEXT,                    -- what differs: "article: 23 - source: 32"
    passage_id INTEGER,           -- the evidence passage behind the label, if any
    document_id TEXT,
    evidence TEXT,                -- that passage's text
    source_title TEXT,
    source_published TEXT,
    page INTEGER,
    facts TEXT NOT NULL,          -- JSON list: each fact's kind, text, value, label, note, evidence
    store_fingerprint TEXT NOT NULL
);
CREATE INDEX results_article ON results(article_id);
CREATE INDEX results_label ON results(label, run_id);
CREATE INDEX results_claim ON results(claim_id);
CREATE TABLE run_articles (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,
    status TEXT NOT NULL,         -- checked, skipped, failed
    article_id INTEGER REFERENCES articles(id),  -- the verification that stands (NULL if failed)
    content_hash TEXT,
    error TEXT,                   -- why it failed
    PRIMARY KEY (run_id, path)
);
CREATE INDEX run_articles_article ON run_articles(article_id);
CREATE VIEW run_results AS
SELECT ra.run_id, ra.status AS article_status, r.run_id AS checked_in_run, r.path,
    r.content_hash, r.claim_id, r.claim, r.start, r."end", r.line, r."column", r.label,
    r.score, r.note, r.passage_id, r.document_id, r.evidence, r.source_title,
    r.source_published, r.page, r.facts, r.store_fingerprint, r.article_id, r.id AS result_id
FROM run_articles ra JOIN results r ON r.article_id = ra.article_id;
"""


def m003_fetches_and_decisions(db: sqlite_utils.Database) -> None:
    run_script(db, _M003)


# `fetches`: the provenance of each source fetched from the web, by the URL
# asked for (one row a URL, the latest fetch). `decisions`: editors' decisions
# on findings, an append-only log (an undo is a new row): a decision belongs to
# a claim (its id, the hash of its normalised sentence) and to the evidence it
# was made on (`evidence_hash`, of the evidence passages' documents and texts).
# Neither references `documents`: a decision outlives the evidence it lapses with.
_M003 = """
CREATE TABLE fetches (
    url TEXT PRIMARY KEY,         -- as asked for (a link of a draft)
    final_url TEXT NOT NULL,      -- after redirects
    fetched_at TEXT NOT NULL,     -- UTC, ISO 8601
    content_type TEXT NOT NULL,
    document_id TEXT NOT NULL     -- the document its body became
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL,
    evidence_hash TEXT NOT NULL,
    decision TEXT NOT NULL,       -- confirmed, false-alarm, needs-source, undone
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    decided_at TEXT NOT NULL,     -- UTC, ISO 8601
    claim TEXT NOT NULL,          -- the sentence, as the editor saw it
    label TEXT NOT NULL,          -- the verdict it was made on
    path TEXT                     -- the draft it was made in
);
CREATE INDEX decisions_claim ON decisions(claim_id, id);
"""


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run SQL statements one by one, inside the caller's transaction.

    `executescript` would commit first, breaking the migration's atomicity.
    """
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending[:80]!r}")


def m004_run_heartbeat(db: sqlite_utils.Database) -> None:
    # When a running batch last said it was alive (UTC, ISO 8601): a run whose
    # heartbeat stopped is abandoned, whichever machine it ran on.
    db.conn.execute("ALTER TABLE runs ADD COLUMN heartbeat TEXT")


def m005_migration_versions(db: sqlite_utils.Database) -> None:
    # The claimcheck version that applied each migration: an older claimcheck
    # that finds a migration it does not know names the version to upgrade to.
    db.conn.execute("ALTER TABLE _migrations ADD COLUMN claimcheck_version TEXT")


def m006_term_counts(db: sqlite_utils.Database) -> None:
    # How many passages hold each term of the index (sqlite_terms.py), counted
    # as passages are written: a query's word frequencies are then a lookup,
    # not a read of each word's list of passages. An existing store is
    # counted from its index here.
    db.conn.execute(
        "CREATE TABLE term_counts (term TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID"
    )
    count_all(db.conn)


def m007_postings(db: sqlite_utils.Database) -> None:
    # Each term's passages with the counts bm25 reads (sqlite_postings.py),
    # written with the passages: a query's best passages are then ranked from
    # its terms' postings, not by FTS5's bm25() over every passage it matches.
    # An existing store's postings are read from its index here.
    db.conn.execute(postings.CREATE)
    postings.rebuild(db.conn)


MIGRATIONS: tuple[Migration, ...] = (
    m001_create_tables,
    m002_batch_runs,
    m003_fetches_and_decisions,
    m004_run_heartbeat,
    m005_migration_versions,
    m006_term_counts,
    m007_postings,
)


def migrate(db: sqlite_utils.Database, *, version: str) -> list[str]:
    """Apply every migration not yet applied; return the names of those applied.

    Each is recorded with `version`, the claimcheck version that applied it.

    The connection must be in autocommit mode (isolation_level None): the
    whole run holds the write lock (BEGIN IMMEDIATE), so two processes opening a
    new store at once migrate it once, and a crash leaves it as it was before.
    """
    applied: list[str] = []
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        db.conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in db.conn.execute("SELECT name FROM _migrations")}
        for migration in MIGRATIONS:
            name = migration.__name__
            if name in done:
                continue
            migration(db)
            db.conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
            applied.append(name)
        columns = {row[1] for row in db.conn.execute("PRAGMA table_info(_migrations)")}
        if applied and "claimcheck_version" in columns:  # the column comes with m005
            db.conn.executemany(
                "UPDATE _migrations SET claimcheck_version = ? WHERE name = ?",
                [(version, name) for name in applied],
            )
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
    return applied
