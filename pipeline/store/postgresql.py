"""The evidence store in PostgreSQL, for a newsroom that outgrows one SQLite file.

The same tables as the SQLite store (`postgresql_migrations.py`), reached
through a psycopg connection pool, so that several people ingest at once and
batch workers on other machines read it. Search finds the same candidates as
the SQLite store: passages are indexed with the terms SQLite's FTS5
tokenizer makes (`terms.py`), in `postings` (term, passage, count, length)
that bm25 ranks from as FTS5 computes it, in one statement, with counts kept
in step by each write; a tsvector under a GIN index says where a split
word's parts stand in a row.

A document is written in one transaction, keyed by its content hash
(`INSERT ... ON CONFLICT DO NOTHING`): two writers adding the same document
store it once, and a writer killed mid-document leaves nothing of it.
"""
# Over 600 lines: one class, the PostgreSQL side of the EvidenceStore protocol.

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from .. import __version__
from ..errors import StoreError
from ..match import search as ranked_search
from ..records import Document, Passage, SearchHit
from . import display_url
from .postgresql_migrations import MIGRATIONS
from .postgresql_reading import SurroundingsAndDecisions
from .postgresql_runs import RunRecords
from .rows import COPIED
from .terms import Tokenizer, quote, tsvector
from .versions import refuse_newer

# bm25's constants, as FTS5's bm25() has them.
_K1 = 1.2
_B = 0.75
# The `limit` passages that bm25 ranks best for some terms, as FTS5's bm25()
# computes it (idf from the passages holding each term, floored at 1e-6; tf
# from `postings`; the average length from `store_state`), ties in id order:
# one statement, so that the counts and the postings are of one moment. The
# weights are MATERIALIZED: inlined, their logarithms were worked out again
# for every posting read (a third of the statement's time at 20,000 postings).
_RANKED = """
WITH state AS (
    SELECT passages::float8 AS n,
        CASE WHEN passages > 0 AND tokens > 0 THEN tokens::float8 / passages ELSE 1.0 END AS average
    FROM store_state WHERE id = 1
), weights AS MATERIALIZED (
    SELECT q.term, CASE WHEN x.raw > 0 THEN x.raw ELSE 1e-6::float8 END AS idf, state.average
    FROM unnest(%(terms)s::text[]) AS q(term)
    LEFT JOIN terms t ON t.term = q.term
    CROSS JOIN state
    CROSS JOIN LATERAL (
        SELECT ln((state.n - coalesce(t.passages, 0)::float8 + 0.5)
            / (coalesce(t.passages, 0)::float8 + 0.5)) AS raw
    ) AS x
), ranked AS (
    SELECT o.passage_id AS id,
        sum(w.idf * (o.tf * (%(k1)s + 1))
            / (o.tf + %(k1)s * (1 - %(b)s + %(b)s * o.length / w.average))) AS score
    FROM weights w JOIN postings o ON o.term = w.term
    WHERE true{where}
    GROUP BY o.passage_id
    ORDER BY score DESC, o.passage_id LIMIT %(limit)s
)
SELECT p.id, p.document_id, p.page, p.start, p."end", p.text,
    d.title, d.publisher, d.published, d.path, d.url
FROM ranked r JOIN passages p ON p.id = r.id JOIN documents d ON d.id = p.document_id
ORDER BY r.score DESC, r.id
"""
# How many recent searches (`matching`) are kept, as the SQLite store keeps them.
_MATCHED_KEPT = 128
# An arbitrary key for the advisory lock that migrations hold.
_MIGRATION_LOCK = 0x636C6169


class PostgreSQLStore(SurroundingsAndDecisions, RunRecords):
    """The evidence store in a PostgreSQL database (`postgresql://user@host/dbname`).

    Opening it migrates the schema where needed. Thread-safe: calls take a
    connection from the pool (at most `pool_size`), except inside `snapshot`,
    whose reads share one.
    """

    # A database is made by its server; this store makes only its tables.
    read_only = False
    notice: str | None = None

    def __init__(self, url: str, *, pool_size: int = 4, timeout: float = 10.0) -> None:
        self.url = url
        self.path = display_url(url)  # what messages show: never the password
        self._timeout = timeout
        self._local = threading.local()
        self._tokenizer_lock = threading.Lock()
        self._tokenizer = Tokenizer()
        self._cache_lock = threading.Lock()
        self._document_frequency: dict[str, int] = {}
        self._matched: dict[tuple[Any, ...], list[SearchHit]] = {}
        self._cached_version = -1
        with self._connect() as conn:
            self._migrate(conn)
        self.pool = ConnectionPool(
            url,
            min_size=1,
            max_size=max(pool_size, 1),
            timeout=timeout,
            # Autocommit: a read is one round trip, with no BEGIN and COMMIT
            # around it; writes and snapshots open their transactions.
            kwargs={"connect_timeout": max(int(timeout), 1), "autocommit": True},
            open=True,
            name="claimcheck",
        )

    def _connect(self) -> psycopg.Connection[Any]:
        """One connection, with a failure to connect told in one line."""
        try:
            return psycopg.connect(
                self.url,
                connect_timeout=max(int(self._timeout), 1),
                autocommit=True,
                client_encoding="utf8",  # text, never bytes, from an SQL_ASCII database too
            )
        except psycopg.OperationalError as e:
            raise StoreError(f"{self.path}: {_connection_problem(e)}") from e
        except psycopg.ProgrammingError as e:  # a malformed URL
            raise StoreError(f"{self.path}: not a PostgreSQL URL: {_first_line(e)}") from e

    def close(self) -> None:
        self.pool.close()
        self._tokenizer.close()

    def __enter__(self) -> PostgreSQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Connections -------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[psycopg.Connection[Any]]:
        """A connection to read with: the snapshot's inside `snapshot`, else one from the pool."""
        held = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        with self._pooled() as conn:
            yield conn

    @contextmanager
    def _pooled(self) -> Iterator[psycopg.Connection[Any]]:
        try:
            with self.pool.connection() as conn:
                yield conn
        except PoolTimeout as e:
            raise StoreError(f"{self.path}: no connection to PostgreSQL: {e}") from e
        except psycopg.OperationalError as e:
            raise StoreError(f"{self.path}: {_connection_problem(e)}") from e

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """One write transaction: all of the block's writes, or none (Ctrl-C included)."""
        with self._pooled() as conn:
            try:
                with conn.transaction():
                    yield conn
            except psycopg.Error as e:
                raise StoreError(f"{self.path}: cannot write: {_first_line(e)}") from e

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction (REPEATABLE READ): every read in the block sees one state."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._pooled() as conn:
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._local.conn = conn
            try:
                # What the snapshot sees is fixed: its passage count and whether
                # the cached counts are of it are read once, at its start.
                self._local.version, self._local.passages = self._state(conn)
                yield
            finally:
                self._local.conn = None
                conn.execute("COMMIT")

    def _migrate(self, conn: psycopg.Connection[Any]) -> None:
        """Apply the migrations not applied yet, under an advisory lock; refuse a newer schema."""
        try:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS _migrations"
                    " (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                versioned = conn.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_name = '_migrations'"
                    " AND column_name = 'claimcheck_version' AND table_schema = current_schema()"
                ).fetchone()
                query = (
                    "SELECT name, claimcheck_version FROM _migrations"
                    if versioned
                    else "SELECT name, NULL FROM _migrations"
                )
                done = dict(conn.execute(query).fetchall())
                refuse_newer(self.path, done, {name for name, _ in MIGRATIONS})
                applied = []
                for name, script in MIGRATIONS:
                    if name in done:
                        continue
                    conn.execute(script)
                    conn.execute(
                        "INSERT INTO _migrations (name, applied_at) VALUES (%s, %s)",
                        (name, _now()),
                    )
                    applied.append(name)
                has_column = versioned or "m005_migration_versions" in applied
                for name in applied if has_column else ():
                    conn.execute(
                        "UPDATE _migrations SET claimcheck_version = %s WHERE name = %s",
                        (__version__, name),
                    )
        except psycopg.Error as e:
            raise StoreError(f"{self.path}: cannot migrate the store: {_first_line(e)}") from e

    def migrations(self) -> list[str]:
        with self._reading() as conn:
            return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]

    # Documents ---------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        with self._reading() as conn:
            row = conn.execute("SELECT 1 FROM documents WHERE id = %s", (document_id,))
            return row.fetchone() is not None

    def document_ids_for_path(self, path: str) -> list[str]:
        with self._reading() as conn:
            rows = conn.execute("SELECT id FROM documents WHERE path = %s", (path,))
            return [row[0] for row in rows]

    def add_document(self, document: Document, passages: Sequence[Passage]) -> str:
        """Store a document with its pages and passages, replacing older versions of its file.

        Returns "added", "replaced" or "unchanged" (already stored, perhaps by
        another writer at the same moment).
        """
        with self._tokenizer_lock:
            tokens = self._tokenizer.tokens([p.text for p in passages])
        try:
            with self._transaction() as conn:
                # Writers of the same path take turns, so that each sees the
                # version the other stored and replaces it.
                conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (document.path,)
                )
                if not self._insert_document(conn, document):
                    return "unchanged"
                old = [
                    row[0]
                    for row in conn.execute(
                        "SELECT id FROM documents WHERE path = %s AND id <> %s",
                        (document.path, document.id),
                    )
                ]
                removed = self._delete(conn, old)
                self._insert_passages(conn, document, passages, tokens)
                added = Counter(term for t in tokens for term in {term for _, term in t})
                self._count(
                    conn,
                    _difference(added, removed[0]),
                    len(passages) - removed[1],
                    sum(len(t) for t in tokens) - removed[2],
                )
        except StoreError as e:
            raise StoreError(f"{self.path}: cannot store {document.path}: {e}") from e
        return "replaced" if old else "added"

    def _insert_document(self, conn: psycopg.Connection[Any], document: Document) -> bool:
        meta = document.metadata
        inserted = conn.execute(
            "INSERT INTO documents (id, path, format, title, publisher, url, published, kind,"
            " note, pages, words, text, ingested_at)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT (id) DO NOTHING RETURNING id",
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
                _now(),
            ),
        ).fetchone()
        if inserted is None:
            return False
        with conn.cursor().copy('COPY pages (document_id, number, start, "end") FROM STDIN') as cp:
            for p in document.pages:
                cp.write_row((document.id, p.number, p.start, p.end))
        return True

    def _insert_passages(
        self,
        conn: psycopg.Connection[Any],
        document: Document,
        passages: Sequence[Passage],
        tokens: Sequence[Sequence[tuple[int, str]]],
    ) -> None:
        if not passages:
            return
        rows = conn.execute(
            'INSERT INTO passages (document_id, seq, page, start, "end", text, terms, length)'
            " SELECT %s, * FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[], %s::text[],"
            " %s::text[]::tsvector[], %s::int[]) RETURNING id, seq",
            (
                document.id,
                [p.seq for p in passages],
                [p.page for p in passages],
                [p.start for p in passages],
                [p.end for p in passages],
                [p.text for p in passages],
                [tsvector(t) for t in tokens],
                [len(t) for t in tokens],
            ),
        ).fetchall()
        ids = dict((seq, pid) for pid, seq in rows)
        _insert_postings(conn, [ids[p.seq] for p in passages], tokens)
        cursor = conn.cursor()
        with cursor.copy(
            'COPY entities (passage_id, label, text, start, "end") FROM STDIN'
        ) as copy:
            for passage in passages:
                for e in passage.entities:
                    copy.write_row((ids[passage.seq], e.label, e.text, e.start, e.end))
        with cursor.copy(
            "COPY passage_values (passage_id, kind, text, number, date, granularity, unit,"
            ' subject, qualifier, start, "end") FROM STDIN'
        ) as copy:
            for passage in passages:
                for v in passage.values:
                    copy.write_row(
                        (
                            ids[passage.seq],
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
                    )

    def _delete(
        self, conn: psycopg.Connection[Any], document_ids: Sequence[str]
    ) -> tuple[Counter[str], int, int]:
        """Delete documents; return the terms, passages and tokens they held."""
        if not document_ids:
            return Counter(), 0, 0
        ids = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM passages WHERE document_id = ANY(%s)", (list(document_ids),)
            )
        ]
        held: Counter[str] = Counter(
            dict(
                conn.execute(
                    "WITH gone AS (DELETE FROM postings WHERE passage_id = ANY(%s) RETURNING term)"
                    " SELECT term, count(*) FROM gone GROUP BY term",
                    (ids,),
                ).fetchall()
            )
        )
        passages, tokens = conn.execute(
            "SELECT count(*), coalesce(sum(length), 0) FROM passages WHERE document_id = ANY(%s)",
            (list(document_ids),),
        ).fetchone() or (0, 0)
        conn.execute("DELETE FROM documents WHERE id = ANY(%s)", (list(document_ids),))
        return held, int(passages), int(tokens)

    def _count(
        self, conn: psycopg.Connection[Any], terms: dict[str, int], passages: int, tokens: int
    ) -> None:
        """Add to the per-term and total counts, last in the transaction.

        Terms are locked in one order (sorted), so that two writers never
        deadlock; the locks are held only from here to the commit.
        """
        changed = sorted((t, n) for t, n in terms.items() if n)
        if changed:
            conn.execute(
                "INSERT INTO terms (term, passages)"
                " SELECT * FROM unnest(%s::text[], %s::bigint[]) ORDER BY 1"
                " ON CONFLICT (term) DO UPDATE SET passages = terms.passages + excluded.passages",
                ([t for t, _ in changed], [n for _, n in changed]),
            )
        conn.execute(
            "UPDATE store_state SET version = version + 1, passages = passages + %s,"
            " tokens = tokens + %s WHERE id = 1",
            (passages, tokens),
        )

    def remove_document(self, document_id: str) -> bool:
        """Delete a document and everything of it; True when there was one."""
        with self._transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (document_id,))
            if (
                conn.execute("SELECT 1 FROM documents WHERE id = %s", (document_id,)).fetchone()
                is None
            ):
                return False
            held, passages, tokens = self._delete(conn, [document_id])
            self._count(conn, {t: -n for t, n in held.items()}, -passages, -tokens)
        return True

    def documents(self) -> list[dict[str, Any]]:
        """Every document's provenance and size (not its text), oldest first."""
        with self._reading() as conn:
            cursor = conn.cursor(row_factory=dict_row)
            return cursor.execute(
                "SELECT d.id, d.title, d.publisher, d.published, d.kind, d.format, d.path, d.url,"
                " d.note, d.pages, d.words, (SELECT count(*) FROM passages p"
                " WHERE p.document_id = d.id) AS passages, d.ingested_at"
                ' FROM documents d ORDER BY d.ingested_at, d.path COLLATE "C"'
            ).fetchall()

    def document_text(self, document_id: str) -> str | None:
        with self._reading() as conn:
            row = conn.execute("SELECT text FROM documents WHERE id = %s", (document_id,))
            found = row.fetchone()
            return found[0] if found else None

    def counts(self) -> dict[str, int]:
        tables = ("documents", "pages", "passages", "entities", "passage_values")
        with self._reading() as conn:
            return {
                table: conn.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
                ).fetchone()[0]  # type: ignore[index]  # count(*) always returns a row
                for table in tables
            }

    def fingerprint(self) -> str:
        """A short hash of which documents the store holds (equal to the SQLite store's)."""
        with self._reading() as conn:
            ids = [r[0] for r in conn.execute('SELECT id FROM documents ORDER BY id COLLATE "C"')]
        return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]

    # Search ------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        document_ids: Iterable[str] | None = None,
        operator: str = "OR",
        max_matches: int | None = None,
    ) -> list[SearchHit]:
        """Passages for the words of `query`, best first: `match.search` on this store."""
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
        """The `limit` passages bm25 ranks best for some words, best first (as SQLite's FTS5).

        A word the tokenizer splits in several terms is a phrase (its terms
        in a row); its terms then count each on their own in the bm25 sum.
        Recent results are kept until the store is written (by anyone), as
        the SQLite store keeps them: each is kept under the version of the
        store it was read from, so outside a snapshot one is taken for the
        search (the version and the ranking must be of one moment).
        """
        if not self._in_snapshot():
            with self.snapshot():
                return self.matching(
                    words, limit=limit, document_ids=document_ids, operator=operator
                )
        ids = None if document_ids is None else tuple(document_ids)
        key = (self._local.version, tuple(words), limit, ids, operator)
        with self._cache_lock:
            found = self._matched.get(key)
        if found is None:
            found = self._ranked(list(words), limit, ids, operator)
            with self._cache_lock:
                if len(self._matched) >= _MATCHED_KEPT:
                    del self._matched[next(iter(self._matched))]  # the oldest
                self._matched[key] = found
        return list(found)  # a copy: the caller may reorder it

    def _ranked(
        self, words: list[str], limit: int, ids: tuple[str, ...] | None, operator: str
    ) -> list[SearchHit]:
        """`matching`, read from the store (`ids`: the documents searched, None for all)."""
        with self._tokenizer_lock:
            phrases = [t for t in self._tokenizer.terms(words) if t]
        if not phrases:
            return []
        terms = list(dict.fromkeys(t for p in phrases for t in p))
        params: dict[str, Any] = {"terms": terms, "limit": limit, "k1": _K1, "b": _B}
        where = ""
        if any(len(p) > 1 for p in phrases) or (operator == "AND" and len(terms) > 1):
            # A phrase's terms must stand in a row: the tsvector's index says where.
            # All of several words: the GIN index intersects their passages, and
            # only those passages' postings are summed (a few hundred, where each
            # word alone may have tens of thousands).
            joiner = " & " if operator == "AND" else " | "
            params["query"] = joiner.join("(" + " <-> ".join(map(quote, p)) + ")" for p in phrases)
            where = (
                " AND o.passage_id IN (SELECT id FROM passages WHERE terms @@ %(query)s::tsquery)"
            )
        if ids is not None:
            where += (
                " AND o.passage_id IN (SELECT id FROM passages WHERE document_id = ANY(%(ids)s))"
            )
            params["ids"] = list(ids)
        with self._reading() as conn:
            rows = conn.execute(_RANKED.format(where=where), params).fetchall()
        return [
            SearchHit(
                passage_id=pid,
                document_id=doc,
                page=page,
                start=start,
                end=end,
                text=text,
                highlighted=text,
                score=position,
                title=title,
                publisher=publisher,
                published=published,
                path=path,
                url=url,
            )
            for position, (
                pid,
                doc,
                page,
                start,
                end,
                text,
                title,
                publisher,
                published,
                path,
                url,
            ) in enumerate(rows)
        ]

    def following_texts(self, passage_ids: Sequence[int]) -> dict[int, str]:
        """The text of the passage after each of these in its document, where there is one."""
        if not passage_ids:
            return {}
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT p.id, n.text FROM passages p JOIN passages n"
                " ON n.document_id = p.document_id AND n.seq = p.seq + 1"
                " WHERE p.id = ANY(%s)",
                (list(passage_ids),),
            )
            return dict(rows.fetchall())

    def _forget_if_changed(self, conn: psycopg.Connection[Any]) -> int:
        """Drop what is cached if the store changed since; the passage count."""
        return self._state(conn)[1]

    def _state(self, conn: psycopg.Connection[Any]) -> tuple[int, int]:
        """The store's version (counts every write) and passage count, noted (`_note_version`)."""
        row = conn.execute("SELECT version, passages FROM store_state WHERE id = 1").fetchone()
        version, passages = (int(row[0]), int(row[1])) if row else (0, 0)
        self._note_version(version)
        return version, passages

    def _note_version(self, version: int) -> None:
        with self._cache_lock:
            if version != self._cached_version:
                self._document_frequency.clear()
                self._matched.clear()
                self._cached_version = version

    def _in_snapshot(self) -> bool:
        return getattr(self._local, "conn", None) is not None

    def passage_count(self) -> int:
        if self._in_snapshot():
            return int(self._local.passages)
        with self._reading() as conn:
            return self._forget_if_changed(conn)

    def document_frequencies(self, words: Sequence[str]) -> dict[str, int]:
        """How many passages each word (as the index stems it) occurs in.

        A word the tokenizer splits counts as its alphabetically first term,
        as the SQLite store counts it (fts5vocab lists terms in that order).
        One query, with the store's version; inside a snapshot, the counts
        cached since its start are used, and only the others are read.
        """
        unique = list(dict.fromkeys(words))
        in_snapshot = self._in_snapshot()
        with self._cache_lock:
            cached = {
                w: self._document_frequency[w] for w in unique if w in self._document_frequency
            }
        if in_snapshot and len(cached) == len(unique):
            return {w: cached[w] for w in words}
        asked = [w for w in unique if w not in cached] if in_snapshot else unique
        with self._tokenizer_lock:
            terms = [sorted(t) for t in self._tokenizer.terms(asked)]
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT s.version, t.term, t.passages FROM store_state s"
                " LEFT JOIN terms t ON t.term = ANY(%s) WHERE s.id = 1",
                ([t[0] for t in terms if t],),
            ).fetchall()
        counts = {term: int(n) for _, term, n in rows if term is not None}
        found = {w: counts.get(t[0], 0) if t else 0 for w, t in zip(asked, terms, strict=True)}
        if rows and not in_snapshot:
            self._note_version(int(rows[0][0]))
        with self._cache_lock:
            self._document_frequency.update(found)
        return {w: found[w] if w in found else cached[w] for w in words}

    # Copying -----------------------------------------------------------------

    def export_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one of the store's tables (`pipeline.store.TABLES`), in id order.

        Passages come without their index columns (terms, length): the
        target store indexes them its own way.
        """
        if table not in COPIED:
            raise ValueError(f"not a table a store copy carries: {table!r}")
        order = "run_id, path" if table == "run_articles" else COPIED[table]
        with (
            self._pooled() as conn,
            conn.transaction(),
            conn.cursor(name=f"export_{table}", row_factory=dict_row) as cursor,
        ):
            cursor.itersize = 2000
            cursor.execute(
                sql.SQL("SELECT * FROM {} ORDER BY {}").format(
                    sql.Identifier(table), sql.SQL(order)
                )
            )
            for row in cursor:
                row.pop("terms", None)
                row.pop("length", None)
                yield row

    def import_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert rows (as `export_rows` gives them, from any store) in one transaction.

        Passages are indexed as they come; ids are kept, and the id sequence
        moves past the largest.
        """
        if table not in COPIED:
            raise ValueError(f"not a table a store copy carries: {table!r}")
        count = 0
        terms: Counter[str] = Counter()
        tokens_total = 0
        with self._transaction() as conn:
            batch: list[dict[str, Any]] = []
            for row in [*rows, None]:
                if row is not None:
                    batch.append(dict(row))
                if batch and (row is None or len(batch) >= 1000):
                    tokens = []
                    if table == "passages":
                        with self._tokenizer_lock:
                            tokens = self._tokenizer.tokens([r["text"] for r in batch])
                        for r, t in zip(batch, tokens, strict=True):
                            r["terms"], r["length"] = tsvector(t), len(t)
                            terms.update({term for _, term in t})
                            tokens_total += len(t)
                    self._insert_rows(conn, table, batch)
                    if tokens:
                        _insert_postings(conn, [r["id"] for r in batch], tokens)
                    count += len(batch)
                    batch = []
            if table == "passages":
                self._count(conn, dict(terms), count, tokens_total)
            if COPIED[table] == "id" and table != "documents" and count:
                conn.execute(
                    sql.SQL(
                        "SELECT setval(pg_get_serial_sequence({t}, 'id'), max(id)) FROM {i}"
                    ).format(t=sql.Literal(table), i=sql.Identifier(table))
                )
        return count

    def _insert_rows(
        self, conn: psycopg.Connection[Any], table: str, rows: Sequence[dict[str, Any]]
    ) -> None:
        names = list(rows[0])
        statement = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(table),
            sql.SQL(", ").join(map(sql.Identifier, names)),
            sql.SQL(", ").join(
                sql.SQL("%s::tsvector") if n == "terms" else sql.Placeholder() for n in names
            ),
        )
        conn.cursor().executemany(statement, [[r[n] for n in names] for r in rows])


def _insert_postings(
    conn: psycopg.Connection[Any],
    passage_ids: Sequence[int],
    tokens: Sequence[Sequence[tuple[int, str]]],
) -> None:
    """Index passages for ranking: each term of each passage, with its count and the length."""
    with conn.cursor().copy("COPY postings (term, passage_id, tf, length) FROM STDIN") as copy:
        for pid, passage in zip(passage_ids, tokens, strict=True):
            for term, tf in Counter(term for _, term in passage).items():
                copy.write_row((term, pid, tf, len(passage)))


def _difference(added: Counter[str], removed: Counter[str]) -> dict[str, int]:
    terms = set(added) | set(removed)
    return {t: added.get(t, 0) - removed.get(t, 0) for t in terms}


def _connection_problem(error: psycopg.Error) -> str:
    """Why a connection failed, in one line a reader can act on (no password in it)."""
    text = str(error)
    if "password authentication failed" in text or "no password supplied" in text:
        return (
            "PostgreSQL refused the user name or password (check the URL, PGPASSWORD or ~/.pgpass)"
        )
    if "does not exist" in text and "database" in text:
        return f"{_first_line(error)} (create it: createdb NAME)"
    if "Connection refused" in text or "No such file or directory" in text or "timeout" in text:
        return "no PostgreSQL server answers there (is it running, and is the host and port right?)"
    return f"cannot connect to PostgreSQL: {_first_line(error)}"


def _first_line(error: BaseException) -> str:
    """The line of a psycopg error that says what went wrong (the server's FATAL one, if any)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    for line in lines:
        if "FATAL:" in line:
            return " ".join(line.split("FATAL:", 1)[1].split())
    return lines[0] if lines else type(error).__name__


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
