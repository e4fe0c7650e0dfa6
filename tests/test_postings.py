"""The SQLite store's postings: kept in step with the index, and ranking as FTS5's bm25() does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.records import Document, Metadata, Page, Passage
from pipeline.store import Store, copy_store
from pipeline.store.sqlite import _match_expression
from pipeline.store.sqlite_postings import CHUNK_BITS, disagreements

# Few words, so that passages tie on bm25 and share terms across chunks.
VOCABULARY = ["inquest", "inquests", "officer", "police", "jury", "port", "barking", "the", "9"]


def document(path: str, texts: list[str], *, id: str) -> tuple[Document, list[Passage]]:
    body = " ".join(texts)
    passages, position = [], 0
    for seq, text in enumerate(texts):
        passages.append(Passage(id, seq, 1, position, position + len(text), text))
        position += len(text) + 1
    return Document(id, path, "text", body, (Page(1, 0, len(body)),), Metadata(title="T")), passages


def fts_ranked(store: Store, words: list[str], limit: int, operator: str) -> list[int]:
    """What FTS5's bm25() ranks best, as the store ranked before it kept postings."""
    rows = store.db.conn.execute(
        "SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?"
        " ORDER BY bm25(passages_fts) LIMIT ?",
        (_match_expression(words, operator), limit),
    )
    return [row[0] for row in rows]


def test_postings_follow_every_write_of_passages(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    assert store.notice is None  # a new store has nothing to upgrade
    conn = store.db.conn
    store.add_document(*document("/a.txt", ["Officers at the inquest.", "Officers."], id="d1"))
    store.add_document(*document("/a.txt", ["Officers again, officers."], id="d2"))  # replaces d1
    store.add_document(*document("/b.txt", ["An inquest jury.", "Jury"], id="d3"))
    assert disagreements(conn) == []
    assert conn.execute("SELECT count(*) FROM postings").fetchone()[0] > 0
    target = Store(tmp_path / "b.db")
    copy_store(store, target)
    assert disagreements(target.db.conn) == []
    store.remove_document("d2")
    store.remove_document("d3")
    assert disagreements(conn) == []
    assert conn.execute("SELECT count(*) FROM postings").fetchone()[0] == 0
    # A write the postings do not hear of is found.
    store.add_document(*document("/c.txt", ["Police at the port."], id="d4"))
    conn.execute("DELETE FROM postings WHERE term = 'port'")
    [problem] = disagreements(conn)
    assert problem.startswith("postings of 'port' in passages") and "stored" in problem


def test_postings_span_chunks_and_passages_written_out_of_order(tmp_path: Path) -> None:
    """Passage ids far apart (several blobs a term) and ids written below a chunk's others."""
    source = Store(tmp_path / "a.db")
    source.add_document(*document("/a.txt", ["Police at the port.", "The jury."], id="d1"))
    rows = {row["id"]: row for row in source.export_rows("passages")}
    store = Store(tmp_path / "b.db")
    store.import_rows("documents", source.export_rows("documents"))
    chunk = 1 << CHUNK_BITS
    for new_id in (3 * chunk + 5, chunk - 1, 3 * chunk + 2):  # the last goes before the first
        row = dict(rows[1], id=new_id, seq=new_id)
        store.import_rows("passages", [row])
    assert disagreements(store.db.conn) == []
    assert store._ranked(["port", "police"], 10, "OR") == [chunk - 1, 3 * chunk + 2, 3 * chunk + 5]
    store.remove_document("d1")
    assert disagreements(store.db.conn) == []


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12).map(" ".join),
        min_size=1,
        max_size=40,
    ),
    queries=st.lists(
        st.tuples(
            st.lists(st.sampled_from([*VOCABULARY, "absent"]), min_size=1, max_size=4, unique=True),
            st.sampled_from(["OR", "AND"]),
            st.integers(1, 12),
        ),
        min_size=1,
        max_size=5,
    ),
    removed=st.booleans(),
)
def test_the_postings_rank_as_fts5s_bm25(
    tmp_path: Path, texts: list[str], queries: list[tuple[list[str], str, int]], removed: bool
) -> None:
    """The same passages in the same order, ties in id order, for OR and AND, after removals.

    Words with one stem count twice, as FTS5 counts them ("inquest inquests"),
    and a word in over half the passages weighs almost nothing (idf floored).
    """
    with Store(":memory:") as store:
        half = len(texts) // 2
        store.add_document(*document("/a.txt", texts[:half] or ["port"], id="d1"))
        store.add_document(*document("/b.txt", texts[half:], id="d2"))
        if removed:
            store.remove_document("d1")
        for words, operator, limit in queries:
            assert store._ranked(words, limit, operator) == fts_ranked(
                store, words, limit, operator
            ), (words, operator, limit)


def test_words_the_index_splits_are_ranked_by_fts5(tmp_path: Path) -> None:
    """A word of several tokens is a phrase: FTS5 ranks it, and search finds it still."""
    store = Store(tmp_path / "a.db")
    store.add_document(*document("/a.txt", ["The foo bar inquest.", "Foo and bar."], id="d1"))
    assert store._ranked(["foo_bar"], 10, "OR") is None
    assert [h.passage_id for h in store.matching(["foo_bar"], limit=10)] == [1]
    assert [h.passage_id for h in store.matching(["foo", "bar"], limit=10)] == [2, 1]


def test_an_existing_store_gets_its_postings_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add_document(*document("/a.txt", ["Officers at the inquest.", "Jury."], id="d1"))
    with sqlite3.connect(path) as conn:  # the store as an older claimcheck left it
        conn.executescript(
            "DROP TABLE postings; DELETE FROM _migrations WHERE name = 'm007_postings';"
        )
    conn.close()
    with Store(path) as store:
        assert "m007_postings" in store.migrations()
        assert store.notice is not None and "postings" in store.notice
        assert disagreements(store.db.conn) == []
        assert store._ranked(["inquest", "jury"], 5, "OR") == fts_ranked(
            store, ["inquest", "jury"], 5, "OR"
        )


def test_passages_written_around_the_store_are_ranked_by_the_index(tmp_path: Path) -> None:
    """The postings do not hold them, and the index's count says so: FTS5 ranks."""
    store = Store(tmp_path / "a.db")
    store.add_document(*document("/a.txt", ["Police at the port.", "The jury."], id="d1"))
    assert store._ranked(["port"], 10, "OR") == [1]
    with sqlite3.connect(tmp_path / "a.db") as other:  # another program, as datasette may be
        other.execute(
            'INSERT INTO passages (document_id, seq, page, start, "end", text)'
            " VALUES ('d1', 2, 1, 0, 9, 'Port port')"
        )
    other.close()
    assert store._ranked(["port"], 10, "OR") is None
    assert [h.passage_id for h in store.matching(["port"], limit=10)] == [3, 1]


def test_searches_find_the_same_passages_when_the_kept_rows_overflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Passages' rows are kept across searches up to a bound; past it, none is lost."""
    store = Store(tmp_path / "a.db")
    texts = [f"Police report {n} at the port." for n in range(12)]
    store.add_document(*document("/a.txt", texts, id="d1"))
    every = [h.passage_id for h in store.matching(["port"], limit=20)]
    assert len(every) == 12
    monkeypatch.setattr("pipeline.store.sqlite._PASSAGES_KEPT", 10)
    store._forget()
    assert len(store.matching(["police"], limit=8)) == 8  # 8 kept
    assert [h.passage_id for h in store.matching(["port"], limit=20)] == every
