"""The embedded evidence store: documents, pages, passages, entities and values in SQLite.

One SQLite file (WAL mode, foreign keys on) over sqlite-utils, with an FTS5
index on passages kept in sync by triggers. Every write of a document is one
transaction: a document is in the store whole or not at all. The rest of
claimcheck sees it through `pipeline.store.EvidenceStore`.
"""
# Over 600 lines: one class, the SQLite side of the EvidenceStore protocol.

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from .. import __version__
from ..errors import ReadOnlyStoreError, StoreError
from ..match import search as ranked_search  # match.py imports the store only as a type
from ..records import MARK_END as MARK_END  # re-exported: the CLI reads the marks here
from ..records import MARK_START as MARK_START
from ..records import Document, Entity, Passage, SearchHit, Surroundings, Value
from ..text import query_words
from . import sqlite_postings as postings
from .rows import COPIED, neighbours, surroundings, value_from_row
from .sqlite_files import applied_migrations, connect
from .sqlite_migrations import MIGRATIONS, migrate
from .sqlite_runs import RunRecords
from .sqlite_terms import add_texts, term_passages, tokens_of, total
from .versions import read_only_error, refuse_newer

# How many `matching` results a store keeps (a few megabytes at most).
_MATCHED_KEPT = 128
# How many passages' rows searches keep (a few megabytes).
_PASSAGES_KEPT = 20_000


def fts_query(text: str, *, operator: str = "OR") -> str | None:
    """An FTS5 query matching the words of `text`, with FTS syntax made inert.

    Every word is a quoted string, so `AND`, `NEAR`, `*`, `-`, quotes and
    parentheses in the user's text are searched as words (or dropped as
    punctuation), never run as query syntax. Stopwords are dropped unless
    nothing else is left. None when the text has no words at all.
    """
    unique = query_words(text)
    return _match_expression(unique, operator) if unique else None


def _match_expression(words: Iterable[str], operator: str) -> str:
    """An FTS5 MATCH expression of quoted words joined by `operator` ("OR" or "AND")."""
    return f" {operator} ".join('"' + w.replace('"', '""') + '"' for w in words)


class SQLiteStore(RunRecords):
    """The evidence store in one SQLite file (or in memory, for tests).

    It also records batch runs and their verdicts (`RunRecords`).

    Example:

        store = SQLiteStore("claimcheck.db")
        for hit in store.search("officers investigated for misconduct"):
            print(hit.title, hit.page, hit.text)
    """

    def __init__(
        self, path: str | Path = ":memory:", *, timeout: float = 60.0, create: bool = True
    ) -> None:
        """Open the store at `path`, making it only with `create` (see `sqlite_files`)."""
        self.path = str(path)
        self.url = self.path  # what open_store takes to open it again (another process)
        try:
            opened = connect(self.path, timeout=timeout, create=create)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open the evidence store: {e}") from e
        self.read_only = opened.read_only
        self.notice = opened.notice  # what the user should know of how it was opened
        conn = opened.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = sqlite_utils.Database(conn)
            # Before anything is written: a newer store is refused untouched.
            fresh = not self.db["_migrations"].exists()
            pending = self._pending_migrations()
            if self.path != ":memory:" and not self.read_only:
                _enable_wal(conn, timeout=timeout)
                conn.execute("PRAGMA synchronous = NORMAL")
            if pending:
                applied = migrate(self.db, version=__version__)
                if not fresh and "m007_postings" in applied:
                    # Once per store, and minutes for millions of passages: say why.
                    self.notice = (
                        "upgraded the store: each term's postings, that searches rank"
                        " from, were read from its full-text index (once)"
                    )
            self._document_frequency: dict[str, int] = {}
            # How many passages hold each index term, and the index's (rows, tokens).
            self._term_frequency: dict[str, int] = {}
            self._averages: tuple[int, int] | None = None
            # Each query word's tokens as the index makes them: they never change.
            self._tokens: dict[str, tuple[str, ...]] = {}
            # Documents' provenance and passages' rows as searches give them, by id.
            self._documents: dict[str, tuple[Any, ...]] = {}
            self._passages: dict[int, tuple[Any, ...]] = {}
            # The hits of recent `matching` calls, by their arguments: the claims of
            # an article often search the same words (a name, the rarest words of
            # two sentences about the same event).
            self._matched: dict[tuple[Any, ...], list[SearchHit]] = {}
            self._data_version = self._read_data_version()
        except BaseException as e:
            conn.close()  # leaves no -wal or -shm file behind
            if isinstance(e, sqlite3.DatabaseError):
                raise StoreError(f"{self.path}: cannot open the evidence store: {e}") from e
            raise

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: every read in the block sees the store as it was at its start.

        Another process may add or replace documents meanwhile (WAL lets it);
        without a snapshot, a search could find a passage that a later query
        of the same claim no longer sees. Inside a transaction already, the
        block joins it. Cached word frequencies from before another process's
        writes are dropped.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            # A deferred transaction takes its snapshot at its first read.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._forget_if_changed()
            yield
        finally:
            if conn.in_transaction:  # an error may have ended it already
                conn.execute("COMMIT")

    def _read_data_version(self) -> int:
        return int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])

    def _forget_if_changed(self) -> None:
        """Drop what is cached when another connection has written since it was read."""
        version = self._read_data_version()
        if version != self._data_version:
            self._forget()
            self._data_version = version

    def _forget(self) -> None:
        """Drop what was read from the store and cached: word frequencies, search hits."""
        self._document_frequency.clear()
        self._term_frequency.clear()
        self._averages = None
        self._documents.clear()
        self._passages.clear()
        self._matched.clear()

    def _pending_migrations(self) -> bool:
        if not self.db["_migrations"].exists():
            if self.read_only:
                raise StoreError(f"{self.path}: not a claimcheck store (and read-only)")
            return True
        applied = applied_migrations(self.db.conn)
        refuse_newer(self.path, applied, {m.__name__ for m in MIGRATIONS})
        pending = any(m.__name__ not in applied for m in MIGRATIONS)
        if pending and self.read_only:
            raise StoreError(
                read_only_error(
                    self.path,
                    "it was made by an older claimcheck and needs "
                    "upgrading: open it once where it can be written",
                )
            )
        return pending

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(read_only_error(self.path))

    def migrations(self) -> list[str]:
        """The names of the schema migrations applied, in order."""
        return [
            row[0] for row in self.db.conn.execute("SELECT name FROM _migrations ORDER BY name")
        ]

    # Documents -------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        row = self.db.conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def document_ids_for_path(self, path: str) -> list[str]:
        rows = self.db.conn.execute("SELECT id FROM documents WHERE path = ?", (path,))
        return [row[0] for row in rows]

    def add_document(self, document: Document, passages: Sequence[Passage]) -> str:
        """Store a document with its pages and passages, replacing older versions of its file.

        Returns "added", "replaced" (an older version from the same path was
        removed in the same transaction) or "unchanged" (already stored).
        """
        self._writable()
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot write to the evidence store: {e}") from e
        try:
            if self.has_document(document.id):
                conn.execute("ROLLBACK")
                return "unchanged"
            old = [i for i in self.document_ids_for_path(document.path) if i != document.id]
            self._delete_documents(old)
            self._insert(document, passages)
            conn.execute("COMMIT")
            self._forget()
        except BaseException as e:
            # Ctrl-C may land after COMMIT has ended the transaction: nothing to undo.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.DatabaseError):
                raise StoreError(f"{self.path}: cannot store {document.path}: {e}") from e
            raise
        return "replaced" if old else "added"

    def _insert(self, document: Document, passages: Sequence[Passage]) -> None:
        meta = document.metadata
        conn = self.db.conn
        conn.execute(
            "INSERT INTO documents (id, path, format, title, publisher, url, published, kind,"
            " note, pages, words, text, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                document.id,
                document.path,
                document.format,
                meta.title,
                meta.publisher,
                meta.url,
                meta.published,
                str(meta.kind),
                meta.note,
                len(document.pages),
                len(document.text.split()),
                document.text,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ),
        )
        conn.executemany(
            'INSERT INTO pages (document_id, number, start, "end") VALUES (?,?,?,?)',
            [(document.id, p.number, p.start, p.end) for p in document.pages],
        )
        written: list[tuple[int, str]] = []
        entity_rows: list[tuple[Any, ...]] = []
        value_rows: list[tuple[Any, ...]] = []
        for passage in passages:
            cursor = conn.execute(
                'INSERT INTO passages (document_id, seq, page, start, "end", text)'
                " VALUES (?,?,?,?,?,?)",
                (document.id, passage.seq, passage.page, passage.start, passage.end, passage.text),
            )
            pid = cursor.lastrowid
            written.append((int(pid or 0), passage.text))
            entity_rows.extend((pid, e.label, e.text, e.start, e.end) for e in passage.entities)
            value_rows.extend(
                (
                    pid,
                    str(v.kind),
                    v.text,
                    v.number,
                    v.date,
                    str(v.granularity) if v.granularity else None,
                    v.unit,
                    v.subject,
                    v.qualifier,
                    v.start,
                    v.end,
                )
                for v in passage.values
            )
        conn.executemany(
            'INSERT INTO entities (passage_id, label, text, start, "end") VALUES (?,?,?,?,?)',
            entity_rows,
        )
        conn.executemany(
            "INSERT INTO passage_values (passage_id, kind, text, number, date, granularity,"
            ' unit, subject, qualifier, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            value_rows,
        )
        add_texts(conn, written)

    def _delete_documents(self, document_ids: Sequence[str]) -> int:
        """Delete documents and everything of them, their terms uncounted; how many there were.

        Inside the caller's write transaction.
        """
        conn = self.db.conn
        deleted = 0
        for document_id in document_ids:
            texts = conn.execute(
                "SELECT id, text FROM passages WHERE document_id = ?", (document_id,)
            )
            add_texts(conn, texts.fetchall(), removed=True)
            deleted += conn.execute("DELETE FROM documents WHERE id = ?", (document_id,)).rowcount
        return deleted

    def remove_document(self, document_id: str) -> bool:
        """Delete a document and everything of it; True when there was one."""
        with self._transaction():
            deleted = self._delete_documents([document_id])
        self._forget()
        return deleted > 0

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): all of the block's writes, or none.

        SQLite errors become StoreError; any exception, Ctrl-C included, rolls back.
        """
        self._writable()
        conn = self.db.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot write to the evidence store: {e}") from e
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as e:
            # Ctrl-C may land after COMMIT has ended the transaction: nothing to undo.
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(e, sqlite3.DatabaseError):
                raise StoreError(f"{self.path}: cannot write to the evidence store: {e}") from e
            raise

    def documents(self) -> list[dict[str, Any]]:
        """Every document's provenance and size (not its text), oldest first."""
        return list(
            self.db.query(
                "SELECT d.id, d.title, d.publisher, d.published, d.kind, d.format, d.path, d.url,"
                " d.note, d.pages, d.words, (SELECT count(*) FROM passages p"
                " WHERE p.document_id = d.id) AS passages, d.ingested_at"
                " FROM documents d ORDER BY d.ingested_at, d.path"
            )
        )

    def document_notes(self, document_ids: Iterable[str]) -> dict[str, str]:
        """The provenance notes of these documents, by id (those with none left out).

        Reading only these rows: `documents` reads every document's row, on a
        large store most of a cold verify.
        """
        rows = self._rows_with_ids(
            "SELECT id, note FROM documents WHERE note IS NOT NULL AND note != '' AND id",
            list(dict.fromkeys(document_ids)),
        )
        return dict(rows)

    def _rows_with_ids(self, select: str, ids: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """The rows of `select` + " IN (ids)", a few hundred ids a statement."""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            yield from self.db.conn.execute(f"{select} IN ({','.join('?' * len(chunk))})", chunk)

    def document_text(self, document_id: str) -> str | None:
        row = self.db.conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,))
        found = row.fetchone()
        return found[0] if found else None

    def counts(self) -> dict[str, int]:
        return {
            table: self.db[table].count
            for table in ("documents", "pages", "passages", "entities", "passage_values")
        }

    # Fetches and decisions --------------------------------------------------
    # Plain rows in and out; pipeline/extract/url.py and pipeline/decisions.py
    # hold what they mean.

    def record_fetch(self, row: dict[str, Any]) -> None:
        """Remember a URL's latest fetch: url, final_url, fetched_at, content_type, document_id."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO fetches (url, final_url, fetched_at, content_type,"
                " document_id) VALUES (:url, :final_url, :fetched_at, :content_type, :document_id)",
                row,
            )

    def fetched(self, url: str) -> dict[str, Any] | None:
        """The latest fetch of `url` whose document is still in the store, if any."""
        rows = list(
            self.db.query(
                "SELECT f.* FROM fetches f JOIN documents d ON d.id = f.document_id"
                " WHERE f.url = ?",
                [url],
            )
        )
        return rows[0] if rows else None

    def add_decision(self, row: dict[str, Any]) -> int:
        """Append a decision to the log (one transaction); its id, in the order decided."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO decisions (claim_id, evidence_hash, decision, reason, author,"
                " decided_at, claim, label, path) VALUES (:claim_id, :evidence_hash, :decision,"
                " :reason, :author, :decided_at, :claim, :label, :path)",
                {"path": None, **row},
            )
        return int(cursor.lastrowid or 0)

    def decisions_for(self, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Every logged decision on these claims, oldest first."""
        if not claim_ids:
            return []
        marks = ",".join("?" * len(claim_ids))
        return list(
            self.db.query(
                f"SELECT * FROM decisions WHERE claim_id IN ({marks}) ORDER BY id", list(claim_ids)
            )
        )

    def all_decisions(self) -> list[dict[str, Any]]:
        """The whole decision log, oldest first."""
        return list(self.db.query("SELECT * FROM decisions ORDER BY id"))

    # Search ----------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        document_ids: Iterable[str] | None = None,
        operator: str = "OR",
        max_matches: int | None = None,
    ) -> list[SearchHit]:
        """Passages for the words of `query`, best first: `match.search` on this store.

        The store only retrieves (`matching`); match.py ranks what it retrieves.
        """
        return ranked_search(
            self,
            query,
            limit=limit,
            document_ids=document_ids,
            operator=operator,
            max_matches=max_matches,
        )

    def matching(
        self,
        words: Sequence[str],
        *,
        limit: int,
        document_ids: Iterable[str] | None = None,
        operator: str = "OR",
    ) -> list[SearchHit]:
        """The `limit` passages bm25 ranks best for some words, best first.

        A passage matches with any of the words (`operator` "OR") or all of
        them ("AND"); each word is searched as a quoted string, never as FTS
        syntax. A hit's `score` is its position in the bm25 ranking, from 0;
        its `highlighted` is its plain text (the search marks it). With
        `document_ids`, only passages of those documents are searched.
        Recent results are kept until the store is written, by this
        connection or any other.
        """
        if not words:
            return []
        self._forget_if_changed()
        key = (tuple(words), limit, None if document_ids is None else tuple(document_ids), operator)
        if key not in self._matched:
            if len(self._matched) >= _MATCHED_KEPT:
                del self._matched[next(iter(self._matched))]  # the oldest
            with self.snapshot():
                self._matched[key] = self._matching(*key)
        return list(self._matched[key])  # a copy: the caller may reorder it

    def _matching(
        self,
        words: Sequence[str],
        limit: int,
        document_ids: Iterable[str] | None,
        operator: str,
    ) -> list[SearchHit]:
        """`matching`, read from the postings (or the index), in one snapshot."""
        match = _match_expression(words, operator)
        # bm25 ranks first, and only the best `limit` rows are joined to their
        # passages and documents: on a large store the joins cost more than
        # the ranking itself.
        ranked: list[int] | None = None
        if document_ids is None:
            ranked = self._ranked(words, limit, operator)
            rank_sql = (
                "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
                " ORDER BY bm25(passages_fts) LIMIT ?"
            )
            rank_params: list[Any] = [match, limit]
        else:
            ids = list(document_ids)
            rank_sql = (
                "SELECT passages_fts.rowid FROM passages_fts"
                " JOIN passages p ON p.id = passages_fts.rowid WHERE passages_fts MATCH ?"
                f" AND p.document_id IN ({','.join('?' * len(ids))})"
                " ORDER BY bm25(passages_fts) LIMIT ?"
            )
            rank_params = [match, *ids, limit]
        try:
            if ranked is None:
                ranked = [row[0] for row in self.db.conn.execute(rank_sql, rank_params)]
            if not ranked:
                return []
            rows = self._passage_rows(ranked)
            documents = self._document_rows({row[1] for row in rows})
        except sqlite3.OperationalError as e:
            raise StoreError(f"search failed for {' '.join(words)!r}: {e}") from e
        order = {rowid: position for position, rowid in enumerate(ranked)}
        hits = [
            SearchHit(
                passage_id=pid,
                document_id=doc,
                page=page,
                start=start,
                end=end,
                text=text,
                highlighted=text,
                score=order[pid],
                title=documents[doc][0],
                publisher=documents[doc][1],
                published=documents[doc][2],
                path=documents[doc][3],
                url=documents[doc][4],
            )
            for pid, doc, page, start, end, text in rows
            if doc in documents
        ]
        hits.sort(key=lambda hit: hit.score)
        return hits

    def _passage_rows(self, passage_ids: Sequence[int]) -> list[tuple[Any, ...]]:
        """(id, document_id, page, start, end, text) of passages, kept until a write.

        An article's searches find many of the same passages (a few thousand
        rows read, a third of them distinct).
        """
        kept = self._passages
        missing = [i for i in passage_ids if i not in kept]
        if len(kept) + len(missing) > _PASSAGES_KEPT:
            kept.clear()  # then every one of these is read again
            missing = list(passage_ids)
        kept.update(
            (row[0], row)
            for row in self._rows_with_ids(
                'SELECT id, document_id, page, start, "end", text FROM passages WHERE id', missing
            )
        )
        return [kept[i] for i in passage_ids if i in kept]

    def _document_rows(self, document_ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
        """(title, publisher, published, path, url) of documents, by id, kept until a write.

        The passages a search finds share few documents, and reading their
        rows again for every search costs more than the ranking.
        """
        missing = [i for i in document_ids if i not in self._documents]
        rows = self._rows_with_ids(
            "SELECT id, title, publisher, published, path, url FROM documents WHERE id", missing
        )
        self._documents.update((row[0], row[1:]) for row in rows)
        return {i: self._documents[i] for i in document_ids if i in self._documents}

    def _ranked(self, words: Sequence[str], limit: int, operator: str) -> list[int] | None:
        """The ids of the `limit` passages bm25 ranks best, from the postings (`sqlite_postings`).

        None where only the index can rank them: a word the index splits in
        several tokens (a phrase), an index with no record of its size, or one
        whose number of passages is not the store's count (passages written
        around the store, which the postings would not hold either).
        """
        conn = self.db.conn
        found = self._word_tokens(words)
        tokens = [found[w] for w in words]
        if any(len(t) != 1 for t in tokens):
            return None
        counted = self.passage_count()  # first: it drops what another writer made stale
        if self._averages is None:
            self._averages = postings.averages(conn)
        if self._averages is None or self._averages[0] != counted:
            return None
        terms = [t[0] for t in tokens]
        counts = self._term_counts(terms)
        rows, total_tokens = self._averages
        return postings.best(
            conn,
            terms,
            [counts[t] for t in terms],
            rows=rows,
            tokens=total_tokens,
            limit=limit,
            operator=operator,
        )

    def values_for(self, passage_ids: Sequence[int]) -> dict[int, list[Value]]:
        """The typed values of each passage, by passage id."""
        found: dict[int, list[Value]] = {pid: [] for pid in passage_ids}
        for chunk_start in range(0, len(passage_ids), 500):
            chunk = list(passage_ids[chunk_start : chunk_start + 500])
            rows = self.db.conn.execute(
                'SELECT passage_id, kind, text, start, "end", number, date, granularity, unit,'
                " subject, qualifier FROM passage_values"
                f" WHERE passage_id IN ({','.join('?' * len(chunk))}) ORDER BY start",
                chunk,
            )
            for row in rows:
                pid, value = value_from_row(row)
                found[pid].append(value)
        return found

    def following_texts(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """The text of the passage after each of these in its document, where there is one."""
        if not passage_ids:
            return {}
        rows = self.db.conn.execute(
            "SELECT p.id, n.text FROM passages p JOIN passages n"
            " ON n.document_id = p.document_id AND n.seq = p.seq + 1"
            f" WHERE p.id IN ({','.join('?' * len(passage_ids))})",
            list(passage_ids),
        )
        return dict(rows.fetchall())

    def neighbour_texts(
        self, passage_ids: Sequence[int], *, reach: int = 2
    ) -> dict[int, tuple[str, str]]:
        """The texts of the passages up to `reach` before and after each of these.

        By passage id, (before, after), each the passages of the same document in
        order, joined by spaces ("" at a document's edge).
        """
        return neighbours(self._neighbour_rows(passage_ids, reach))

    def _neighbour_rows(
        self, passage_ids: Sequence[int], reach: int
    ) -> Iterable[tuple[int, int, str]]:
        """(passage id, distance in passages, text) of each passage's neighbours, in order."""
        if not passage_ids:
            return []
        return self.db.conn.execute(
            "SELECT p.id, n.seq - p.seq, n.text FROM passages p JOIN passages n"
            " ON n.document_id = p.document_id AND n.seq BETWEEN p.seq - ? AND p.seq + ?"
            f" AND n.seq != p.seq WHERE p.id IN ({','.join('?' * len(passage_ids))})"
            " ORDER BY p.id, n.seq",
            [reach, reach, *passage_ids],
        )

    def surroundings(
        self, passage_ids: Sequence[int], *, whole: int, reach: int = 2
    ) -> Surroundings:
        """The values of these passages, and the entities and neighbours of the first `whole`."""
        read = list(passage_ids[:whole])
        return surroundings(
            self.values_for(passage_ids),
            self.entities_for(read),
            self._neighbour_rows(read, reach),
        )

    def entities_for(self, passage_ids: Sequence[int]) -> dict[int, list[Entity]]:
        """The named entities of each passage, by passage id (offsets in the document)."""
        found: dict[int, list[Entity]] = {pid: [] for pid in passage_ids}
        for chunk_start in range(0, len(passage_ids), 500):
            chunk = list(passage_ids[chunk_start : chunk_start + 500])
            rows = self.db.conn.execute(
                'SELECT passage_id, label, text, start, "end" FROM entities'
                f" WHERE passage_id IN ({','.join('?' * len(chunk))}) ORDER BY start",
                chunk,
            )
            for pid, label, text, start, end in rows:
                found[pid].append(Entity(label, text, start, end))
        return found

    def fingerprint(self) -> str:
        """A short hash of which documents the store holds: equal stores, equal fingerprints."""
        ids = [row[0] for row in self.db.conn.execute("SELECT id FROM documents ORDER BY id")]
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]

    def passage_count(self) -> int:
        """How many passages the store holds, cached with the word frequencies."""
        self._forget_if_changed()
        if "" not in self._document_frequency:
            # Cached under the empty word, which is never a query word.
            self._document_frequency[""] = total(self.db.conn)
        return self._document_frequency[""]

    def document_frequencies(self, words: Sequence[str]) -> dict[str, int]:
        """How many passages each word (as the index stems it) occurs in.

        The store counts each term's passages as it writes them (`sqlite_terms`);
        counts are cached until the store is next written, by this connection
        or any other.
        """
        self._forget_if_changed()
        missing = [w for w in dict.fromkeys(words) if w not in self._document_frequency]
        if missing:
            # A word's first term (in the index's order); a word of punctuation has none.
            first = {w: min(t) for w, t in self._word_tokens(missing).items() if t}
            counts = self._term_counts(first.values())
            self._document_frequency.update(
                (w, counts[first[w]] if w in first else 0) for w in missing
            )
        return {w: self._document_frequency[w] for w in words}

    def _word_tokens(self, words: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Each word's tokens as the index makes them (kept: they never change)."""
        missing = [w for w in words if w not in self._tokens]
        if missing:
            self._tokens.update(tokens_of(self.db.conn, missing))
        return {w: self._tokens[w] for w in words}

    def _term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        """How many passages hold each of some index terms, kept until the store is written."""
        wanted = list(dict.fromkeys(terms))
        unknown = [t for t in wanted if t not in self._term_frequency]
        if unknown:
            self._term_frequency.update(dict.fromkeys(unknown, 0))
            self._term_frequency.update(term_passages(self.db.conn, unknown))
        return {t: self._term_frequency[t] for t in wanted}

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one of the store's tables (`pipeline.store.TABLES`), in id order."""
        if table not in COPIED:
            raise ValueError(f"not a table a store copy carries: {table!r}")
        cursor = self.db.conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def import_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert rows (as `export_rows` gives them, from any store) in one transaction."""
        if table not in COPIED:
            raise ValueError(f"not a table a store copy carries: {table!r}")
        count = 0
        texts: list[tuple[int, str]] = []
        with self._transaction() as conn:
            for row in rows:
                wanted = {k: v for k, v in row.items() if k not in ("terms", "length")}
                columns = ", ".join(f"[{name}]" for name in wanted)
                cursor = conn.execute(
                    f"INSERT INTO [{table}] ({columns}) VALUES ({','.join('?' * len(wanted))})",
                    list(wanted.values()),
                )
                if table == "passages":
                    texts.append((int(cursor.lastrowid or 0), wanted["text"]))
                count += 1
            add_texts(conn, texts)
        self._forget()
        return count


def _enable_wal(conn: sqlite3.Connection, *, timeout: float) -> None:
    """Put the store in WAL mode, waiting up to `timeout` seconds for other connections.

    Switching a new file to WAL needs a lock that SQLite does not wait for: the
    busy timeout does not apply, and a second process opening the same new
    store at that moment gets "database is locked" at once. So wait here.
    """
    deadline = time.monotonic() + timeout
    pause = 0.001
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if e.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
