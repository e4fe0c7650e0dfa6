"""Ingest end to end with the real spaCy pipeline: passages, values, idempotence, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import MAX_CHUNK, chunks, expand_paths, ingest
from pipeline.records import ValueKind
from pipeline.store import Store

STORY = """---
title: Port convicted
publisher: Test News
published: 2016-11-23
kind: news
---
# Port convicted of four murders

Stephen Port, 41, was convicted at the Old Bailey on 23 November 2016.

His victims were Anthony Walgate, 23, and Gabriel Kovari, 22. Seventeen officers were later
served with misconduct notices.
"""


def test_passages_carry_offsets_pages_entities_and_values(tmp_path: Path, store: Store, nlp):
    source = tmp_path / "story.md"
    source.write_text(STORY)
    summary = ingest([source], store, nlp=nlp)
    assert [r.status for r in summary.results] == ["added"]
    text = store.document_text(summary.results[0].document_id)
    rows = list(store.db.query("SELECT * FROM passages ORDER BY seq"))
    assert rows[0]["text"] == "Port convicted of four murders"
    for row in rows:
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["page"] == 1
    values = {(v["kind"], v["text"]): v for v in store.db["passage_values"].rows}
    assert values[("date", "23 November 2016")]["date"] == "2016-11-23"
    walgate = values.get(("age", "23"))
    ages = [v for v in values.values() if v["kind"] == ValueKind.AGE]
    assert {(v["subject"], v["number"]) for v in ages} >= {
        ("Anthony Walgate", 23),
        ("Gabriel Kovari", 22),
    }
    assert walgate is None or walgate["subject"] == "Anthony Walgate"
    counts = [v for v in values.values() if v["kind"] == ValueKind.COUNT]
    assert any(v["number"] == 17 and v["unit"] == "officer" for v in counts)
    persons = {e["text"] for e in store.db["entities"].rows if e["label"] == "PERSON"}
    assert {"Stephen Port", "Anthony Walgate", "Gabriel Kovari"} <= persons
    for entity in store.db["entities"].rows:
        assert text[entity["start"] : entity["end"]] == entity["text"]


def test_pdf_passages_know_their_page(tmp_path: Path, store: Store, nlp, make_pdf):
    pdf = make_pdf(
        "notices.pdf",
        [
            ["The IPCC served misconduct notices on 17 officers."],
            ["The officers ranged in rank from constable to inspector."],
        ],
        header="IPCC press release",
    )
    ingest([pdf], store, nlp=nlp)
    pages = {row["text"]: row["page"] for row in store.db["passages"].rows}
    assert pages["The IPCC served misconduct notices on 17 officers."] == 1
    assert pages["The officers ranged in rank from constable to inspector."] == 2


def test_reingest_is_a_no_op_and_a_changed_file_replaces(tmp_path: Path, store: Store, nlp):
    source = tmp_path / "story.md"
    source.write_text(STORY)
    ingest([tmp_path], store, nlp=nlp)
    before = store.counts()
    again = ingest([tmp_path], store, nlp=nlp)
    assert [r.status for r in again.results] == ["unchanged"]
    assert store.counts() == before
    source.write_text(STORY.replace("Seventeen officers", "Nineteen officers"))
    changed = ingest([tmp_path], store, nlp=nlp)
    assert [r.status for r in changed.results] == ["replaced"]
    assert store.counts()["documents"] == 1
    assert store.search("Seventeen") == []
    assert store.search("Nineteen")


def test_a_document_read_by_an_older_claimcheck_is_read_again(
    tmp_path: Path, store: Store, nlp, monkeypatch: pytest.MonkeyPatch
):
    import pipeline.extract

    (tmp_path / "story.md").write_text(STORY)
    monkeypatch.setattr(pipeline.extract, "READING", "older")
    ingest([tmp_path], store, nlp=nlp)
    monkeypatch.undo()
    again = ingest([tmp_path], store, nlp=nlp)
    assert [r.status for r in again.results] == ["replaced"]
    assert store.counts()["documents"] == 1


def test_bad_files_fail_one_by_one_and_leave_nothing(bad_folder: Path, store: Store, nlp):
    summary = ingest([bad_folder], store, nlp=nlp)
    by_name = {Path(r.path).name: r for r in summary.results}
    assert by_name["good.pdf"].status == "added"
    assert by_name["good.md"].status == "added"
    assert by_name["latin1.txt"].status == "added"  # read correctly, as Windows-1252
    failed = {name: r.error for name, r in by_name.items() if r.status == "failed"}
    assert set(failed) == {"corrupt.pdf", "encrypted.pdf", "empty.txt", "junk.txt"}
    assert "encrypted" in failed["encrypted.pdf"]
    assert "corrupt" in failed["corrupt.pdf"]
    assert "empty" in failed["empty.txt"]
    assert "binary" in failed["junk.txt"] or "encoding" in failed["junk.txt"]
    paths = {Path(d["path"]).name for d in store.documents()}
    assert paths == {"good.pdf", "good.md", "latin1.txt"}
    assert store.search("café")[0].text.startswith("Le café de la gare")


def test_expand_paths_globs_folders_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("A.")
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "b.txt.meta.yaml").write_text("title: B")
    (tmp_path / "script.py").write_text("print()")
    (tmp_path / ".hidden.md").write_text("H.")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.html").write_text("<p>C.</p>")
    (sub / "loop").symlink_to(tmp_path, target_is_directory=True)
    # A shared folder linked in is read, once, however many links lead to it.
    shared = tmp_path.parent / f"{tmp_path.name}-shared"
    shared.mkdir()
    (shared / "d.md").write_text("D.")
    (tmp_path / "archive").symlink_to(shared, target_is_directory=True)
    (sub / "archive-again").symlink_to(shared, target_is_directory=True)
    files, problems = expand_paths([tmp_path, str(tmp_path / "*.md"), tmp_path / "missing.pdf"])
    assert sorted(p.name for p in files) == ["a.md", "b.txt", "c.html", "d.md"]
    # The link back up the tree is not followed, and said so.
    assert [(Path(p.path).name, p.error) for p in problems] == [
        ("loop", "symbolic link loop: it leads back to a folder it is in (not followed)"),
        ("missing.pdf", "no such file or folder"),
    ]


def test_chunks_split_paragraphs_and_bound_their_size() -> None:
    text = "One.\n\nTwo two.\n \nThree." + "\n\n" + "word " * 10_000
    parts = list(chunks(text))
    assert [p for _, p in parts[:3]] == ["One.", "Two two.", "Three."]
    for offset, part in parts:
        assert text[offset : offset + len(part)] == part
        assert len(part) <= MAX_CHUNK
    assert sum(len(p.split()) for _, p in parts) == len(text.split())


@pytest.mark.parametrize("name", ["story.md"])
def test_a_store_file_survives_reopening(tmp_path: Path, nlp, name: str) -> None:
    source = tmp_path / name
    source.write_text(STORY)
    with Store(tmp_path / "s.db") as store:
        ingest([source], store, nlp=nlp)
    with Store(tmp_path / "s.db") as store:
        assert store.counts()["documents"] == 1
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_pdfs_are_read_ahead_with_the_same_results(
    bad_folder: Path, tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDF and HTML files are parsed ahead of their turn, in file order, by one thread;
    the store and the results are those of reading every file in its turn."""
    import threading

    from pipeline import ingest as ingest_module

    for n in range(3):
        (bad_folder / f"page-{n}.html").write_text(
            f"<html><head><title>Page {n}</title></head><body><p>The council met {n + 2} "
            "times in March 2020 to discuss the budget of the town hall.</p></body></html>"
        )
    readers: list[tuple[str, str]] = []
    prepare = ingest_module._prepare

    def spy(path: Path, name: str, options: ingest_module.IngestOptions):
        readers.append((path.name, threading.current_thread().name))
        return prepare(path, name, options)

    monkeypatch.setattr(ingest_module, "_prepare", spy)

    def run(name: str) -> tuple[list[tuple[str, str, str | None]], list[tuple[str, str]]]:
        store = Store(tmp_path / f"{name}.db")
        summary = ingest([bad_folder], store, nlp=nlp)
        rows = sorted((r["document_id"], r["text"]) for r in store.db["passages"].rows)
        store.close()
        return sorted((Path(r.path).name, r.status, r.error) for r in summary.results), rows

    ahead = run("ahead")
    parsed_apart = [name for name, thread in readers if thread.startswith("claimcheck-read-ahead")]
    assert set(parsed_apart) == {
        "good.pdf",
        "corrupt.pdf",
        "encrypted.pdf",
        "page-0.html",
        "page-1.html",
        "page-2.html",
    }
    assert parsed_apart == [name for name, _ in readers if name in parsed_apart]  # in file order
    assert all(thread == "MainThread" for name, thread in readers if name not in parsed_apart)
    readers.clear()
    monkeypatch.setattr(ingest_module, "READ_AHEAD", 0)
    in_turn = run("in-turn")
    assert all(thread == "MainThread" for _, thread in readers)
    assert ahead == in_turn
    assert sum(status == "failed" for _, status, _ in ahead[0]) == 4
