"""Each term's passages, kept in a table beside the index: bm25's best passages without FTS5's bm25.

FTS5's bm25() scores every passage that a query matches before `ORDER BY ...
LIMIT` keeps the best: on a store of a million passages the few rare words of
a claim match thousands of passages, and scoring them there takes 10-30 ms, most
of a claim's time. So the store keeps each term's postings: for each passage
that holds the term, how many times (tf) and how many tokens the passage has
(its length), packed in one blob per term and CHUNK passage ids (`postings`,
migration m007). `best` reads a query's terms' blobs and computes bm25 as
FTS5's bm25() does: the same formula and constants, the same operations in the
same order in doubles, the numbers of passages and tokens read from the index's
own record, ties in passage id order. It ranks the same passages in the same
order as `ORDER BY bm25(passages_fts)`, in a fraction of the time.

The postings are written in the transaction that writes the passages
(`sqlite_terms.add_texts`), from the tokens the index makes of them: a kill
cannot leave the postings and the index apart, and `disagreements` compares
them. numpy is imported only where postings are read or written, so commands
that never search do not pay for it.
"""

from __future__ import annotations

import functools
import itertools
import math
import sqlite3
import struct
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# Passage ids per blob: a write rewrites a term's blob of its passages' chunk,
# a search reads one row per chunk of each of its terms.
CHUNK_BITS = 12
_MASK = (1 << CHUNK_BITS) - 1
# A posting: the passage id's place in its chunk, tf, the passage's length (little-endian).
_POSTING = struct.Struct("<HII")
# bm25's constants, as FTS5's bm25() has them.
_K1 = 1.2
_B = 0.75
# The index's record of how many rows and tokens it holds (FTS5_AVERAGES_ROWID).
_AVERAGES_ROW = 1

CREATE = (
    "CREATE TABLE postings (term TEXT NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL,"
    " PRIMARY KEY (term, chunk)) WITHOUT ROWID"
)


@functools.cache
def _dtype() -> np.dtype[Any]:
    """A posting as numpy reads it (as `_POSTING` packs it)."""
    import numpy as np

    return np.dtype([("offset", "<u2"), ("tf", "<u4"), ("length", "<u4")])


# --- writing -------------------------------------------------------------------


def write_counted(conn: sqlite3.Connection, *, removed: bool = False) -> None:
    """Write (or, `removed`, take out) the postings of the texts in `temp.counted_texts`.

    Their rowids are their passages' ids; `temp.counted_instances` is the
    fts5vocab table of their tokens (see `sqlite_terms`). Inside the caller's
    transaction.
    """
    rows = conn.execute(
        "SELECT term, doc, count(*) FROM temp.counted_instances GROUP BY term, doc"
    ).fetchall()
    if not rows:
        return
    lengths = dict(
        conn.execute("SELECT doc, count(*) FROM temp.counted_instances GROUP BY doc").fetchall()
    )
    # The blobs these passages go into (or come out of), read in one statement.
    stored = {
        (term, chunk): data
        for term, chunk, data in conn.execute(
            "SELECT p.term, p.chunk, p.data FROM postings p JOIN (SELECT DISTINCT term,"
            f" doc >> {CHUNK_BITS} AS chunk FROM temp.counted_instances) k"
            " ON p.term = k.term AND p.chunk = k.chunk"
        )
    }
    written: list[tuple[str, int, bytes]] = []
    emptied: list[tuple[str, int]] = []
    for key, group in itertools.groupby(rows, key=lambda r: (r[0], r[1] >> CHUNK_BITS)):
        old = stored.get(key, b"")
        items = [(doc & _MASK, tf, lengths[doc]) for _, doc, tf in group]
        data = _without(old, {i[0] for i in items}) if removed else _with(old, items)
        if data:
            written.append((*key, data))
        elif old:
            emptied.append(key)
    conn.executemany(
        "INSERT OR REPLACE INTO postings (term, chunk, data) VALUES (?, ?, ?)", written
    )
    conn.executemany("DELETE FROM postings WHERE term = ? AND chunk = ?", emptied)


def _with(old: bytes, items: Sequence[tuple[int, int, int]]) -> bytes:
    """A blob with postings (offset, tf, length) added, in offset order."""
    new = b"".join(_POSTING.pack(*item) for item in items)
    if not old:
        return new
    last = struct.unpack_from("<H", old, len(old) - _POSTING.size)[0]
    if last < items[0][0]:
        return old + new  # the usual case: new passages come after the chunk's others
    merged = {p[0]: p for p in _POSTING.iter_unpack(old)}
    merged.update((item[0], item) for item in items)
    return b"".join(_POSTING.pack(*merged[offset]) for offset in sorted(merged))


def _without(old: bytes, offsets: set[int]) -> bytes:
    """A blob without the postings of some passages (by their offsets in the chunk)."""
    return b"".join(_POSTING.pack(*p) for p in _POSTING.iter_unpack(old) if p[0] not in offsets)


def rebuild(conn: sqlite3.Connection) -> None:
    """Fill `postings` from the index itself (inside the caller's transaction).

    For a new table (the migration) and after the index was rebuilt outside
    the store's own writes.
    """
    conn.execute("DELETE FROM postings")
    conn.executemany("INSERT INTO postings (term, chunk, data) VALUES (?, ?, ?)", _from_index(conn))


def _from_index(conn: sqlite3.Connection) -> Iterator[tuple[str, int, bytes]]:
    """Every (term, chunk, blob) of postings, read from the index (its tokens and lengths)."""
    lengths = _index_lengths(conn)
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.indexed_instances"
        " USING fts5vocab(main, passages_fts, instance)"
    )
    try:
        # Rows come term by term, each term's passages in id order, a token a row.
        cursor = conn.execute("SELECT term, doc FROM temp.indexed_instances")
        tokens = itertools.chain.from_iterable(iter(lambda: cursor.fetchmany(65_536), []))
        counted = ((key, sum(1 for _ in same)) for key, same in itertools.groupby(tokens))
        by_chunk = itertools.groupby(counted, key=lambda c: (c[0][0], c[0][1] >> CHUNK_BITS))
        for (term, chunk), group in by_chunk:
            yield (
                term,
                chunk,
                b"".join(_POSTING.pack(doc & _MASK, tf, lengths[doc]) for (_, doc), tf in group),
            )
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.indexed_instances")


def _index_lengths(conn: sqlite3.Connection) -> dict[int, int]:
    """Each passage's length in tokens, as the index keeps it (its docsize table)."""
    return {
        rowid: _varints(size)[0]
        for rowid, size in conn.execute("SELECT id, sz FROM passages_fts_docsize")
    }


def _varints(data: bytes) -> list[int]:
    """The numbers of SQLite's varint encoding (7 bits a byte, high bit: more follows)."""
    numbers: list[int] = []
    value = 0
    for byte in data:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            numbers.append(value)
            value = 0
    return numbers


def disagreements(conn: sqlite3.Connection) -> list[str]:
    """Where `postings` and the index differ (none: they agree), for integrity checks.

    Reads the whole index: for tests and the crash bench, not for large stores.
    """
    expected = {(term, chunk): data for term, chunk, data in _from_index(conn)}
    stored = {
        (term, chunk): data
        for term, chunk, data in conn.execute("SELECT term, chunk, data FROM postings")
    }
    differ = sorted(k for k in expected.keys() | stored.keys() if expected.get(k) != stored.get(k))
    return [
        f"postings of {term!r} in passages {chunk << CHUNK_BITS}-{(chunk << CHUNK_BITS) + _MASK}:"
        f" {_describe(expected.get((term, chunk)))} in the index,"
        f" {_describe(stored.get((term, chunk)))} stored"
        for term, chunk in differ[:5]
    ]


def _describe(data: bytes | None) -> str:
    if data is None:
        return "none"
    return ", ".join(f"{offset}: tf {tf} of {n}" for offset, tf, n in _POSTING.iter_unpack(data))


# --- reading -------------------------------------------------------------------


def averages(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(rows, tokens) as the index counts them for bm25; None when it has no such record."""
    row = conn.execute(
        "SELECT block FROM passages_fts_data WHERE id = ?", (_AVERAGES_ROW,)
    ).fetchone()
    numbers = _varints(row[0]) if row and row[0] else []
    return (numbers[0], numbers[1]) if len(numbers) >= 2 else None


def best(
    conn: sqlite3.Connection,
    terms: Sequence[str],
    frequencies: Sequence[int],
    *,
    rows: int,
    tokens: int,
    limit: int,
    operator: str = "OR",
) -> list[int]:
    """The ids of the `limit` passages bm25 ranks best for some terms, best first.

    As `SELECT rowid FROM passages_fts WHERE passages_fts MATCH '"t1" OR "t2" ...'
    ORDER BY bm25(passages_fts) LIMIT limit` gives them (`operator` "AND": all
    the terms), each term a phrase of one token: `frequencies` are the numbers
    of passages holding each term, `rows` and `tokens` the index's (`averages`).
    A term may come twice (two words with one stem): like FTS5, it counts twice.
    """
    import numpy as np

    if not terms or rows <= 0:
        return []
    average = float(tokens) / float(rows)
    ids: list[np.ndarray[Any, Any]] = []
    scores: list[np.ndarray[Any, Any]] = []
    for term, hits in zip(terms, frequencies, strict=True):
        # idf as FTS5 has it: floored just above 0 for a term in over half the rows.
        idf = math.log((rows - hits + 0.5) / (hits + 0.5))
        if idf <= 0.0:
            idf = 1e-6
        passages, tf, length = _postings(conn, term)
        ids.append(passages)
        # bm25()'s expression for one phrase, operation by operation.
        scores.append(idf * ((tf * (_K1 + 1.0)) / (tf + _K1 * (1 - _B + _B * length / average))))
    every = np.concatenate(ids)
    if not len(every):
        return []
    found, where = _unique(every)
    # Summed term by term in the query's order, from 0.0, as bm25() sums its phrases.
    total = np.bincount(where, weights=np.concatenate(scores), minlength=len(found))
    if operator == "AND":
        held = np.bincount(where, minlength=len(found)) == len(terms)
        found, total = found[held], total[held]
    rank = -1.0 * total  # bm25()'s value: lower is better
    if len(found) > limit:
        cut = np.partition(rank, limit - 1)[limit - 1]
        kept = np.nonzero(rank <= cut)[0]
        found, rank = found[kept], rank[kept]
    order = np.lexsort((found, rank))[:limit]
    return [int(i) for i in found[order]]


def _unique(ids: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """`np.unique(ids, return_inverse=True)`, faster on a few sorted runs (each term's ids).

    A stable sort merges the runs (numpy's timsort or radix sort) where
    `np.unique`'s quicksort sorts them anew.
    """
    import numpy as np

    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    where = np.empty(len(ids), dtype=np.intp)
    where[order] = np.cumsum(first) - 1
    return ordered[first], where


def _postings(
    conn: sqlite3.Connection, term: str
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """A term's passage ids, tfs and lengths (as doubles), in id order."""
    import numpy as np

    rows = conn.execute(
        "SELECT chunk, data FROM postings WHERE term = ? ORDER BY chunk", (term,)
    ).fetchall()
    dtype = _dtype()
    if not rows:
        empty = np.zeros(0)
        return np.zeros(0, dtype=np.int64), empty, empty
    chunks = np.array([chunk for chunk, _ in rows], dtype=np.int64)
    counts = np.array([len(data) // dtype.itemsize for _, data in rows])
    packed = np.frombuffer(b"".join(data for _, data in rows), dtype=dtype)
    ids = (np.repeat(chunks, counts) << CHUNK_BITS) + packed["offset"]
    return ids, packed["tf"].astype(np.float64), packed["length"].astype(np.float64)
