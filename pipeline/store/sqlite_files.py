"""Opening an SQLite store's file: made only when asked, read-only when it cannot be written.

- A path with no file makes a new store only with `create` (the commands that
  add to the store); else it is "no store at PATH", and nothing is made.
- A file the user cannot write (its folder or its mount read-only) is opened
  read-only (SQLite's `mode=ro`); when no WAL index can be made beside it
  either, as `immutable=1`, which sees the file as it is when read (a note
  says so).
- A store whose `_migrations` names a migration this claimcheck does not know
  was written by a newer one: refused, naming that version, before anything
  is written.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..errors import StoreError


class Opened:
    """A connection to a store's file, and how it was opened."""

    def __init__(self, conn: sqlite3.Connection, *, read_only: bool, notice: str | None) -> None:
        self.conn = conn
        self.read_only = read_only
        self.notice = notice


def connect(path: str, *, timeout: float, create: bool) -> Opened:
    """A connection (autocommit mode) to the store at `path`; StoreError when there is none."""
    if path == ":memory:":
        return Opened(_connect(path, timeout), read_only=False, notice=None)
    file = Path(path)
    if not file.exists():
        if not create:
            raise StoreError(
                f"no store at {path}: give the --db of an existing store, or add sources to "
                f"make one (claimcheck ingest --db {path} PATH)"
            )
        file.parent.mkdir(parents=True, exist_ok=True)
        return Opened(_connect(path, timeout), read_only=False, notice=None)
    if os.access(file, os.W_OK) and os.access(file.parent, os.W_OK):
        return Opened(_connect(path, timeout), read_only=False, notice=None)
    uri = "file:" + quote(str(file.absolute()))
    conn = _connect(uri + "?mode=ro", timeout, uri=True)
    try:
        # A WAL store needs its index (-shm) beside it: SQLite makes it, or says it cannot here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return Opened(conn, read_only=True, notice=None)
    except sqlite3.OperationalError:
        conn.close()
    notice = (
        f"{path} is read-only and so is its folder: it is read as it is now"
        " (changes made to it while this runs are not seen)"
    )
    return Opened(_connect(uri + "?immutable=1", timeout, uri=True), read_only=True, notice=notice)


def _connect(target: str, timeout: float, *, uri: bool = False) -> sqlite3.Connection:
    # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE), so a
    # document's rows are written together or not at all.
    return sqlite3.connect(target, timeout=timeout, isolation_level=None, uri=uri)


def applied_migrations(conn: sqlite3.Connection) -> dict[str, str | None]:
    """The migrations applied to the store, with the claimcheck version that applied each."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(_migrations)")}
    version = "claimcheck_version" if "claimcheck_version" in columns else "NULL"
    return {row[0]: row[1] for row in conn.execute(f"SELECT name, {version} FROM _migrations")}
