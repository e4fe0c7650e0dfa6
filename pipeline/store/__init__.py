"""The evidence store: what claimcheck needs of one, and `open_store(url)` to open one.

Two engines stand behind the same calls (`EvidenceStore`):

- SQLite (`sqlite.py`), the default: one file, nothing to install. A path,
  `sqlite:///relative/path.db` or `sqlite:////absolute/path.db`.
- PostgreSQL (`postgresql.py`), for a store that several people write at
  once and several machines read: `postgresql://user@host:5432/dbname`
  (libpq's URL; the `PG*` variables and `~/.pgpass` fill what it leaves out).

No module outside this package touches a database connection. Passwords in
store URLs are never printed: `display_url` shows a URL without one.

Example:

    from pipeline.store import open_store

    with open_store("postgresql://claimcheck@db.newsroom.example/evidence") as store:
        for hit in store.search("officers investigated for misconduct"):
            print(hit.title, hit.page, hit.text)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, Self

from ..errors import StoreError
from ..records import MARK_END as MARK_END  # re-exported: the CLI reads the marks here
from ..records import MARK_START as MARK_START
from ..records import (
    ArticleReport,
    BatchArticle,
    Document,
    Entity,
    Passage,
    SearchHit,
    Surroundings,
    Value,
)
from ..text import query_words as query_words
from .rows import TABLES
from .sqlite import SQLiteStore, fts_query

# The SQLite store under its old name: `from pipeline.store import Store` keeps working.
Store = SQLiteStore

__all__ = [
    "MARK_END",
    "MARK_START",
    "TABLES",
    "EvidenceStore",
    "SQLiteStore",
    "Store",
    "copy_store",
    "display_url",
    "document_notes",
    "fts_query",
    "is_postgresql",
    "open_store",
]


class EvidenceStore(Protocol):
    """What the rest of claimcheck needs of an evidence store, whatever the engine.

    Documents are keyed by their content hash: adding one already stored
    changes nothing, and each document is written in one transaction (whole
    or not at all). Batch runs and their verdicts are recorded here too.
    """

    url: str  # what `open_store` takes to open the same store again (in another process)
    read_only: bool  # opened for reading only: its file or folder cannot be written
    notice: str | None  # what a user should know of how it was opened, if anything

    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...
    def snapshot(self) -> AbstractContextManager[None]: ...
    def migrations(self) -> list[str]: ...

    # documents
    def has_document(self, document_id: str) -> bool: ...
    def document_ids_for_path(self, path: str) -> list[str]: ...
    def add_document(self, document: Document, passages: Sequence[Passage]) -> str: ...
    def remove_document(self, document_id: str) -> bool: ...
    def documents(self) -> list[dict[str, Any]]: ...
    def document_text(self, document_id: str) -> str | None: ...
    def counts(self) -> dict[str, int]: ...
    def fingerprint(self) -> str: ...

    # search
    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        document_ids: Iterable[str] | None = None,
        operator: str = "OR",
        max_matches: int | None = None,
    ) -> list[SearchHit]: ...
    def matching(
        self,
        words: Sequence[str],
        *,
        limit: int,
        document_ids: Iterable[str] | None = None,
        operator: str = "OR",
    ) -> list[SearchHit]: ...
    def values_for(self, passage_ids: Sequence[int]) -> dict[int, list[Value]]: ...
    def following_texts(self, passage_ids: Sequence[int]) -> dict[int, str]: ...
    def neighbour_texts(
        self, passage_ids: Sequence[int], *, reach: int = 2
    ) -> dict[int, tuple[str, str]]: ...
    def entities_for(self, passage_ids: Sequence[int]) -> dict[int, list[Entity]]: ...
    # values_for, entities_for and neighbour_texts in one go (one round trip to a server)
    def surroundings(
        self, passage_ids: Sequence[int], *, whole: int, reach: int = 2
    ) -> Surroundings: ...

    # Fetched pages and editors' decisions (rows: extract/url.py, decisions.py)
    def record_fetch(self, row: dict[str, Any]) -> None: ...
    def fetched(self, url: str) -> dict[str, Any] | None: ...
    def add_decision(self, row: dict[str, Any]) -> int: ...
    def decisions_for(self, claim_ids: Sequence[str]) -> list[dict[str, Any]]: ...
    def all_decisions(self) -> list[dict[str, Any]]: ...
    def passage_count(self) -> int: ...
    def document_frequencies(self, words: Sequence[str]) -> dict[str, int]: ...

    # batch runs
    def start_run(
        self,
        *,
        paths: Sequence[str],
        options: dict[str, Any],
        fingerprint: str,
        model: str,
        version: str,
    ) -> int: ...
    def beat(self, run_id: int) -> None: ...
    def abandon_dead_runs(self) -> list[int]: ...
    def finish_run(self, run_id: int, status: str) -> bool: ...
    def run(self, run_id: int) -> dict[str, Any] | None: ...
    def recorded_report(
        self, path: str, content_hash: str, verdict_key: str
    ) -> tuple[int, ArticleReport] | None: ...
    def record_outcomes(
        self, run_id: int, outcomes: Iterable[tuple[str, BatchArticle, int | None]]
    ) -> None: ...
    def record_checked(
        self, run_id: int, path: str, article: BatchArticle, *, verdict_key: str
    ) -> int: ...
    def run_results(self, run_id: int) -> Iterator[dict[str, Any]]: ...

    # copying a whole store (`copy_store`): the tables of TABLES, in that order
    def export_rows(self, table: str) -> Iterator[dict[str, Any]]: ...
    def import_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> int: ...


def copy_store(
    source: EvidenceStore,
    target: EvidenceStore,
    *,
    on_table: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Copy every document, passage, run and result of one store into another, empty one.

    Ids are kept, so that recorded results still name their passages; the
    target's search index is built as the rows arrive. Each table is copied
    in one transaction. Returns the rows copied per table.
    """
    if target.counts()["documents"] or target.run(1) is not None:
        raise StoreError(f"{display_url(target.url)}: not empty: copy into a new store")
    copied = {}
    for table in TABLES:
        copied[table] = target.import_rows(table, source.export_rows(table))
        if on_table is not None:
            on_table(table, copied[table])
    return copied


def document_notes(store: EvidenceStore, document_ids: Iterable[str]) -> dict[str, str]:
    """The provenance notes of some documents, by id (those with none left out).

    The SQLite store reads only their rows; any other store is read whole
    (`documents`).
    """
    if isinstance(store, SQLiteStore):
        return store.document_notes(document_ids)
    wanted = set(document_ids)
    return {d["id"]: d["note"] for d in store.documents() if d["note"] and d["id"] in wanted}


def is_postgresql(url: str | Path) -> bool:
    return str(url).startswith(("postgresql://", "postgres://"))


def open_store(url: str | Path, *, create: bool = True, **options: Any) -> EvidenceStore:
    """Open (creating and migrating where needed) the store a URL or path names.

    A path or `sqlite:///PATH` opens an SQLite file (`:memory:` one in memory);
    `postgresql://...` a PostgreSQL database. Without `create`, a path with no
    file is "no store at PATH" and nothing is made (a PostgreSQL database
    must exist already: its server makes it). A store written by a newer
    claimcheck is refused; one that cannot be written is opened read-only.
    Raises StoreError when it cannot.
    """
    text = str(url)
    if is_postgresql(text):
        from .postgresql import PostgreSQLStore  # psycopg loads only for a PostgreSQL store

        return PostgreSQLStore(text, **options)
    if text.startswith("sqlite://"):
        text = text.removeprefix("sqlite://").removeprefix("/") or ":memory:"
    return SQLiteStore(text, create=create, **options)


_PASSWORD = re.compile(r"(?P<head>^[a-z][a-z0-9+.-]*://[^:/@]*):[^@/]*@", re.IGNORECASE)


def display_url(url: str | Path) -> str:
    """A store URL as it may be printed: any password in it replaced by '***'.

    >>> display_url("postgresql://desk:s3cret@db.example/evidence")
    'postgresql://desk:***@db.example/evidence'
    """
    text = str(url)
    text = _PASSWORD.sub(lambda m: f"{m['head']}:***@", text)
    return re.sub(r"(?i)(password=)[^&\s]*", r"\1***", text)
