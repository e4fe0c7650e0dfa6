"""How many passages hold each term of the SQLite store's index, kept in a table.

A query's rarest words are chosen, and its terms weighed, by how many passages
hold each (`match.rare_words`, `match.idf`). FTS5 does not keep that count:
its `fts5vocab` table reads a term's whole list of passages to count them,
which on a store of a million passages costs more than a millisecond for a
common word, and a query has a dozen. So the store keeps the counts in
`term_counts` (migration m006), updated in the same transaction as the
passages they count: a document is counted whole or not at all, and a kill
cannot leave the counts and the index apart. The row of the empty term (never
an index term) holds the number of passages.

The terms are the index's own: each text goes through a temporary FTS5 table
with the index's tokenizer, whose `fts5vocab` counts the passages of the batch
that hold each term.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from .sqlite_postings import write_counted
from .terms import TOKENIZER

# The row that holds the number of passages: the empty string is never a term.
TOTAL = ""


def _ready(conn: sqlite3.Connection) -> None:
    """The temporary tables that tokenize a batch of texts (made once per connection)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.counted_texts"
        f" USING fts5(text, tokenize='{TOKENIZER}')"
    )
    # Per term, the texts that hold it; per term and text, where.
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.counted_terms"
        " USING fts5vocab(temp, counted_texts, row)"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.counted_instances"
        " USING fts5vocab(temp, counted_texts, instance)"
    )


def count_all(conn: sqlite3.Connection) -> None:
    """Fill `term_counts` from the index itself (inside the caller's transaction).

    For a new table (the migration) and after the index was rebuilt outside
    the store's own writes.
    """
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_terms"
        " USING fts5vocab(main, passages_fts, row)"
    )
    conn.execute("DELETE FROM term_counts")
    conn.execute(
        "INSERT INTO term_counts (term, passages) SELECT term, doc FROM temp.indexed_terms"
    )
    conn.execute(
        "INSERT INTO term_counts (term, passages) SELECT ?, count(*) FROM passages", (TOTAL,)
    )
    conn.execute("DROP TABLE temp.indexed_terms")


def add_texts(
    conn: sqlite3.Connection, passages: Iterable[tuple[int, str]], *, removed: bool = False
) -> None:
    """Count passages (id, text) in (or, `removed`, out of) `term_counts` and `postings`.

    Inside the caller's transaction, the one that writes (or deletes) the
    passages themselves.
    """
    _ready(conn)
    rows = list(passages)
    if not rows:
        return
    conn.execute("DELETE FROM temp.counted_texts")
    conn.executemany("INSERT INTO temp.counted_texts (rowid, text) VALUES (?, ?)", rows)
    sign = -1 if removed else 1
    conn.execute(
        "INSERT INTO term_counts (term, passages) SELECT term, ? * doc FROM temp.counted_terms"
        " WHERE true ON CONFLICT (term) DO UPDATE SET passages = passages + excluded.passages",
        (sign,),
    )
    conn.execute(
        "INSERT INTO term_counts (term, passages) VALUES (?, ?)"
        " ON CONFLICT (term) DO UPDATE SET passages = passages + excluded.passages",
        (TOTAL, sign * len(rows)),
    )
    if removed:
        conn.execute(
            "DELETE FROM term_counts WHERE term IN (SELECT term FROM temp.counted_terms)"
            " AND passages <= 0"
        )
    write_counted(conn, removed=removed)
    conn.execute("DELETE FROM temp.counted_texts")


def tokens_of(conn: sqlite3.Connection, words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each word's tokens as the index makes them, in order (none for punctuation)."""
    unique = list(dict.fromkeys(words))
    found: dict[int, list[tuple[int, str]]] = {}
    with _words(conn, unique):
        for doc, offset, term in conn.execute(
            "SELECT doc, offset, term FROM temp.counted_instances"
        ).fetchall():
            found.setdefault(doc, []).append((offset, term))
    return {
        word: tuple(term for _, term in sorted(found.get(index, [])))
        for index, word in enumerate(unique, start=1)
    }


@contextmanager
def _words(conn: sqlite3.Connection, words: Sequence[str]) -> Iterator[None]:
    """Words in `temp.counted_texts` for the block, the first as rowid 1 and so on."""
    _ready(conn)
    conn.execute("DELETE FROM temp.counted_texts")
    conn.executemany(
        "INSERT INTO temp.counted_texts (rowid, text) VALUES (?, ?)",
        list(enumerate(words, start=1)),
    )
    try:
        yield
    finally:
        conn.execute("DELETE FROM temp.counted_texts")


def term_passages(conn: sqlite3.Connection, terms: Sequence[str]) -> dict[str, int]:
    """How many passages hold each of some index terms (those in none left out)."""
    found: dict[str, int] = {}
    unique = list(dict.fromkeys(terms))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        rows = conn.execute(
            f"SELECT term, passages FROM term_counts WHERE term IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        found.update(rows.fetchall())
    return found


def total(conn: sqlite3.Connection) -> int:
    """How many passages the store holds."""
    row = conn.execute("SELECT passages FROM term_counts WHERE term = ?", (TOTAL,)).fetchone()
    return int(row[0]) if row else 0


def disagreements(conn: sqlite3.Connection) -> list[str]:
    """Where `term_counts` and the index differ (none: they agree), for integrity checks."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_terms"
        " USING fts5vocab(main, passages_fts, row)"
    )
    try:
        rows = conn.execute(
            "SELECT i.term, i.doc, c.passages FROM temp.indexed_terms i"
            " LEFT JOIN term_counts c ON c.term = i.term WHERE c.passages IS NOT i.doc"
            " UNION ALL SELECT c.term, NULL, c.passages FROM term_counts c WHERE c.term != ?"
            " AND NOT EXISTS (SELECT 1 FROM temp.indexed_terms i WHERE i.term = c.term)"
            " UNION ALL SELECT 'passages', (SELECT count(*) FROM passages), passages"
            " FROM term_counts WHERE term = ? AND passages != (SELECT count(*) FROM passages)"
            " LIMIT 5",
            (TOTAL, TOTAL),
        ).fetchall()
    finally:
        conn.execute("DROP TABLE temp.indexed_terms")
    return [
        f"{term!r}: {indexed} in the index, {counted} counted" for term, indexed, counted in rows
    ]
