"""The evidence store: migrations, add/replace/unchanged, cascades, FTS escaping (no model)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import records
from pipeline.errors import StoreError
from pipeline.records import Document, Entity, Metadata, Page, Passage, Value, ValueKind
from pipeline.store import Store, fts_query
from pipeline.store.sqlite_migrations import MIGRATIONS


def make_document(path: str, sentences: list[str], *, id: str = "doc1") -> tuple[Document, list]:
    text = " ".join(sentences)
    passages, position = [], 0
    for seq, sentence in enumerate(sentences):
        passages.append(
            Passage(
                document_id=id,
                seq=seq,
                page=1,
                start=position,
                end=position + len(sentence),
                text=sentence,
                entities=(
                    Entity(
                        "CARDINAL",
                        sentence.split()[0],
                        position,
                        position + len(sentence.split()[0]),
                    ),
                ),
                values=(
                    Value(
                        ValueKind.COUNT,
                        "17 officers",
                        position,
                        position + 11,
                        number=17,
                        unit="officer",
                    ),
                ),
            )
        )
        position += len(sentence) + 1
    document = Document(
        id,
        path,
        "text",
        text,
        (Page(1, 0, len(text)),),
        Metadata(title="T", publisher="P", published="2019-07-05"),
    )
    return document, passages


def test_migrations_run_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).close()
    with Store(path) as store:
        names = [r["name"] for r in store.db["_migrations"].rows]
        assert names == [m.__name__ for m in MIGRATIONS]
        assert store.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db["passages"].detect_fts() == "passages_fts"
        fks = {fk.other_table for fk in store.db["passages"].foreign_keys}
        assert fks == {"documents"}


def test_add_unchanged_replace_and_cascade(store: Store) -> None:
    document, passages = make_document(
        "/a.txt", ["Seventeen officers were served notices.", "Nine officers must improve."]
    )
    assert store.add_document(document, passages) == "added"
    assert store.add_document(document, passages) == "unchanged"
    assert store.counts() == {
        "documents": 1,
        "pages": 1,
        "passages": 2,
        "entities": 2,
        "passage_values": 2,
    }
    newer, newer_passages = make_document("/a.txt", ["Nineteen officers were named."], id="doc2")
    assert store.add_document(newer, newer_passages) == "replaced"
    assert store.counts() == {
        "documents": 1,
        "pages": 1,
        "passages": 1,
        "entities": 1,
        "passage_values": 1,
    }
    # The FTS index follows the cascade: the old passages are no longer found.
    assert store.search("served notices") == []
    assert [h.text for h in store.search("named")] == ["Nineteen officers were named."]
    assert store.remove_document("doc2")
    assert store.counts()["passages"] == 0
    assert store.db.conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0] == 0


def test_failed_write_leaves_nothing(store: Store) -> None:
    document, passages = make_document("/a.txt", ["Seventeen officers were served notices."])
    broken = [*passages, Passage("doc1", 1, 1, 0, 5, None)]  # type: ignore[arg-type]
    with pytest.raises(StoreError, match=r"cannot store /a\.txt"):
        store.add_document(document, broken)
    assert store.counts() == {
        "documents": 0,
        "pages": 0,
        "passages": 0,
        "entities": 0,
        "passage_values": 0,
    }
    assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_search_returns_provenance_and_highlight(store: Store) -> None:
    document, passages = make_document(
        "/a.txt", ["Seventeen officers were investigated.", "The weather was fine."]
    )
    store.add_document(document, passages)
    hit = store.search("officers investigated for misconduct")[0]
    assert hit.text == "Seventeen officers were investigated."
    assert "\x02officers\x03" in hit.highlighted
    assert (hit.title, hit.publisher, hit.published, hit.page) == ("T", "P", "2019-07-05", 1)
    assert document.text[hit.start : hit.end] == hit.text
    assert store.search("officers", document_ids=["other"]) == []


def test_fts_query_escapes_syntax() -> None:
    assert fts_query('officers AND "misconduct" NEAR(x) * - (') == (
        '"officers" OR "misconduct" OR "near" OR "x"'
    )
    assert fts_query("the of") == '"the" OR "of"'
    assert fts_query("-- * ()") is None


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_search_never_crashes_on_any_text(query: str) -> None:
    with Store(":memory:") as fresh:
        document, passages = make_document("/a.txt", ["Seventeen officers were investigated."])
        fresh.add_document(document, passages)
        fresh.search(query)


def test_a_store_that_is_not_sqlite_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not a database" * 100)
    try:
        Store(path)
    except Exception as e:
        assert "not.db" in str(e)
        assert not isinstance(e, sqlite3.DatabaseError)
    else:
        raise AssertionError("opening junk as a store must fail")


def test_rare_words_bound_the_query(store: Store) -> None:
    common = [f"Officers met the inspector on day {i}." for i in range(30)]
    document, passages = make_document("/a.txt", [*common, "Officers met Walgate's family."])
    store.add_document(document, passages)
    frequency = store.document_frequencies(["officers", "walgate", "inspector", "nothing"])
    assert frequency == {"officers": 31, "walgate": 1, "inspector": 30, "nothing": 0}
    hits = store.search("officers inspector walgate", max_matches=5)
    # Three rarest words are always searched; here that is every word present.
    assert hits[0].text == "Officers met Walgate's family."
    assert store.search("nothing", max_matches=5) == []
    newer, newer_passages = make_document("/b.txt", ["Walgate again."], id="doc2")
    store.add_document(newer, newer_passages)
    assert store.document_frequencies(["walgate"]) == {"walgate": 2}


def test_a_store_copy_keeps_editors_decisions_and_fetch_provenance(tmp_path: Path) -> None:
    from pipeline.store import copy_store

    source = Store(tmp_path / "a.db")
    decision = {
        "claim_id": "c1",
        "evidence_hash": "e1",
        "decision": "false-alarm",
        "reason": "the source is outdated",
        "author": "Ana",
        "decided_at": "2026-11-28T09:00:00Z",
        "claim": "Seventeen officers were investigated.",
        "label": "CONTRADICTED",
        "path": "draft.md",
    }
    source.add_decision(decision)
    fetch = {
        "url": "https://example.org/a",
        "final_url": "https://example.org/a",
        "fetched_at": "2026-11-28T09:00:00Z",
        "content_type": "text/html",
        "document_id": "d1",
    }
    source.record_fetch(fetch)
    target = Store(tmp_path / "b.db")
    copied = copy_store(source, target)
    assert copied["decisions"] == 1 and copied["fetches"] == 1
    [kept] = target.all_decisions()
    assert {k: kept[k] for k in decision} == decision
    assert list(target.export_rows("fetches")) == [fetch]


def test_term_counts_follow_every_write_of_passages(tmp_path: Path) -> None:
    """Added, replaced, removed and copied passages are counted as the index has them."""
    from pipeline.store import copy_store
    from pipeline.store.sqlite_terms import disagreements

    store = Store(tmp_path / "a.db")
    conn = store.db.conn
    document, passages = make_document(
        "/a.txt", ["Officers investigated officers.", "An inquest into the deaths.", "Ok"]
    )
    store.add_document(document, passages)
    assert store.document_frequencies(["officers", "inquests", "investigation", "zebra"]) == {
        "officers": 1,
        "inquests": 1,  # the index stems: "inquests" is "inquest"
        "investigation": 1,
        "zebra": 0,
    }
    assert store.passage_count() == 3
    newer, newer_passages = make_document("/a.txt", ["Officers again."], id="doc2")
    store.add_document(newer, newer_passages)
    other, other_passages = make_document("/b.txt", ["Officers and an inquest."], id="doc3")
    store.add_document(other, other_passages)
    assert store.document_frequencies(["officers", "inquest", "deaths"]) == {
        "officers": 2,
        "inquest": 1,
        "deaths": 0,
    }
    assert disagreements(conn) == []
    target = Store(tmp_path / "b.db")
    copy_store(store, target)
    assert disagreements(target.db.conn) == []
    assert target.passage_count() == 2
    store.remove_document("doc3")
    store.remove_document("doc2")
    assert disagreements(conn) == []
    assert store.passage_count() == 0
    assert conn.execute("SELECT term FROM term_counts").fetchall() == [("",)]
    # A write the counts do not hear of is found.
    conn.execute("INSERT INTO term_counts VALUES ('stray', 1)")
    assert disagreements(conn) == ["'stray': None in the index, 1 counted"]


def test_an_existing_store_is_counted_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        document, passages = make_document("/a.txt", ["Officers at the inquest.", "Officers."])
        store.add_document(document, passages)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE term_counts")
    conn.execute("DELETE FROM _migrations WHERE name = 'm006_term_counts'")
    conn.close()
    with Store(path) as store:
        assert "m006_term_counts" in store.migrations()
        assert store.document_frequencies(["officers", "inquest"]) == {"officers": 2, "inquest": 1}
        assert store.passage_count() == 2


def test_source_notes_of_a_report_are_those_of_the_documents_it_cites(tmp_path: Path) -> None:
    from dataclasses import replace

    from pipeline.cli.common import source_notes
    from pipeline.store import document_notes

    store = Store(tmp_path / "a.db")
    for name, note in (("a", "summary written for this corpus"), ("b", None), ("c", "a copy")):
        document, passages = make_document(f"/{name}.txt", [f"Officers {name}."], id=name)
        document = replace(document, metadata=replace(document.metadata, note=note))
        store.add_document(document, passages)
    assert source_notes(store) == {"a": "summary written for this corpus", "c": "a copy"}
    assert document_notes(store, ["a", "b", "zz"]) == {"a": "summary written for this corpus"}

    def cites(*ids: str) -> records.ArticleReport:
        r, supported = records, records.Label.SUPPORTED
        claim = r.Claim("c1", "Officers.", 0, 9, 1, 1)
        evidence = tuple(
            r.Evidence(1, i, None, None, None, None, None, 1, 0, 9, "Officers.", 90.0) for i in ids
        )
        fact = r.FactVerdict(
            r.Fact(r.FactKind.STATEMENT, "Officers.", 0, 9), supported, 90, evidence
        )
        verdict = r.ClaimVerdict(claim, supported, 90, (fact,))
        return r.ArticleReport("d.md", (verdict,), (), "model", "store")

    assert source_notes(store, [cites("b", "c")]) == {"c": "a copy"}
    assert source_notes(store, [cites()]) == {}


def test_searches_kept_by_the_store_follow_writes_from_any_connection(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    reader, writer = Store(path), Store(path)
    document, passages = make_document("/a.txt", ["Officers at the inquest."])
    writer.add_document(document, passages)
    first = reader.matching(["inquest"], limit=5)
    assert [h.text for h in first] == ["Officers at the inquest."]
    first.clear()  # the caller's copy
    assert len(reader.matching(["inquest"], limit=5)) == 1
    other, other_passages = make_document("/b.txt", ["The inquest resumed."], id="doc2")
    writer.add_document(other, other_passages)
    assert len(reader.matching(["inquest"], limit=5)) == 2
    reader.remove_document("doc2")
    assert len(reader.matching(["inquest"], limit=5)) == 1
    assert len(writer.matching(["inquest"], limit=5)) == 1
