"""The PostgreSQL store's reads of passages' surroundings, fetches and decisions.

Kept beside `postgresql.py` (which holds the connection handling, writes and
search) so that neither grows past one sitting; the SQLite store has the same
methods in `sqlite.py`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

import psycopg
from psycopg.rows import dict_row

from ..records import Entity, Surroundings, Value
from .rows import neighbours, surroundings, value_from_row

# Each passage's typed values, entities and neighbours (passage ids in an array).
VALUES = (
    'SELECT passage_id, kind, text, start, "end", number, date, granularity, unit,'
    " subject, qualifier FROM passage_values WHERE passage_id = ANY(%s) ORDER BY start, id"
)
ENTITIES = (
    'SELECT passage_id, label, text, start, "end" FROM entities'
    " WHERE passage_id = ANY(%s) ORDER BY start"
)
NEIGHBOURS = (
    "SELECT p.id, n.seq - p.seq, n.text FROM passages p JOIN passages n"
    " ON n.document_id = p.document_id AND n.seq BETWEEN p.seq - %s AND p.seq + %s"
    " AND n.seq <> p.seq WHERE p.id = ANY(%s) ORDER BY p.id, n.seq"
)


class SurroundingsAndDecisions:
    """Mixed into PostgreSQLStore: what the judges and the newsroom loop read and log."""

    def _reading(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[psycopg.Connection[Any]]:
        raise NotImplementedError

    def neighbour_texts(
        self, passage_ids: Sequence[int], *, reach: int = 2
    ) -> dict[int, tuple[str, str]]:
        """The texts of the passages up to `reach` before and after each of these."""
        if not passage_ids:
            return {}
        with self._reading() as conn:
            rows = conn.execute(NEIGHBOURS, (reach, reach, list(passage_ids))).fetchall()
        return neighbours(rows)

    def entities_for(self, passage_ids: Sequence[int]) -> dict[int, list[Entity]]:
        """The named entities of each passage, by passage id (offsets in the document)."""
        if not passage_ids:
            return {}
        with self._reading() as conn:
            return _entities(passage_ids, conn.execute(ENTITIES, (list(passage_ids),)))

    def values_for(self, passage_ids: Sequence[int]) -> dict[int, list[Value]]:
        """The typed values of each passage, by passage id."""
        if not passage_ids:
            return {}
        with self._reading() as conn:
            return _values(passage_ids, conn.execute(VALUES, (list(passage_ids),)))

    def surroundings(
        self, passage_ids: Sequence[int], *, whole: int, reach: int = 2
    ) -> Surroundings:
        """The values of these passages, and the entities and neighbours of the first `whole`.

        One round trip: the three queries go to the server together (libpq's
        pipeline mode), on one connection.
        """
        ids, read = list(passage_ids), list(passage_ids[:whole])
        if not ids:
            return surroundings({}, {}, [])
        with self._reading() as conn, conn.pipeline():
            values = conn.execute(VALUES, (ids,))
            entities = conn.execute(ENTITIES, (read,))
            around = conn.execute(NEIGHBOURS, (reach, reach, read))
            return surroundings(_values(ids, values), _entities(read, entities), around.fetchall())

    def record_fetch(self, row: dict[str, Any]) -> None:
        """Remember a URL's latest fetch: url, final_url, fetched_at, content_type, document_id."""
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO fetches (url, final_url, fetched_at, content_type, document_id)"
                " VALUES (%(url)s, %(final_url)s, %(fetched_at)s, %(content_type)s,"
                " %(document_id)s) ON CONFLICT (url) DO UPDATE SET final_url ="
                " EXCLUDED.final_url, fetched_at = EXCLUDED.fetched_at, content_type ="
                " EXCLUDED.content_type, document_id = EXCLUDED.document_id",
                row,
            )

    def fetched(self, url: str) -> dict[str, Any] | None:
        """The latest fetch of `url` whose document is still in the store, if any."""
        rows = self._dicts(
            "SELECT f.* FROM fetches f JOIN documents d ON d.id = f.document_id WHERE f.url = %s",
            (url,),
        )
        return rows[0] if rows else None

    def add_decision(self, row: dict[str, Any]) -> int:
        """Append a decision to the log (one transaction); its id, in the order decided."""
        with self._transaction() as conn:
            found = conn.execute(
                "INSERT INTO decisions (claim_id, evidence_hash, decision, reason, author,"
                " decided_at, claim, label, path) VALUES (%(claim_id)s, %(evidence_hash)s,"
                " %(decision)s, %(reason)s, %(author)s, %(decided_at)s, %(claim)s, %(label)s,"
                " %(path)s) RETURNING id",
                {"path": None, **row},
            ).fetchone()
        return int(found[0]) if found else 0

    def decisions_for(self, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Every logged decision on these claims, oldest first."""
        if not claim_ids:
            return []
        return self._dicts(
            "SELECT * FROM decisions WHERE claim_id = ANY(%s) ORDER BY id", (list(claim_ids),)
        )

    def all_decisions(self) -> list[dict[str, Any]]:
        """The whole decision log, oldest first."""
        return self._dicts("SELECT * FROM decisions ORDER BY id", ())

    def _dicts(self, query: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        with self._reading() as conn, conn.cursor(row_factory=dict_row) as cursor:
            return list(_rows(cursor.execute(query, params)))


def _rows(cursor: psycopg.Cursor[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield from cursor


def _values(passage_ids: Sequence[int], rows: psycopg.Cursor[Any]) -> dict[int, list[Value]]:
    found: dict[int, list[Value]] = {pid: [] for pid in passage_ids}
    for row in rows:
        pid, value = value_from_row(row)
        found[pid].append(value)
    return found


def _entities(passage_ids: Sequence[int], rows: psycopg.Cursor[Any]) -> dict[int, list[Entity]]:
    found: dict[int, list[Entity]] = {pid: [] for pid in passage_ids}
    for pid, label, text, start, end in rows:
        found[pid].append(Entity(label, text, start, end))
    return found
