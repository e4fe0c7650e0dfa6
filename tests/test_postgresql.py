"""The evidence store on both engines: SQLite and a real PostgreSQL server of the session's own.

`store_url` gives each test an empty store of each engine; the PostgreSQL
tests are skipped where PostgreSQL is not installed (and fail in CI).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DRAFTS, ROOT

from pipeline import verify
from pipeline.batch import BatchOptions, run_batch
from pipeline.cli import main
from pipeline.errors import StoreError
from pipeline.ingest import ingest
from pipeline.records import ArticleStatus
from pipeline.store import display_url, open_store
from pipeline.store.postgresql import PostgreSQLStore
from pipeline.store.sqlite import SQLiteStore

SOURCES = ROOT / "sources"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture(scope="module")
def pg_corpus(postgresql, nlp) -> str:
    """The bundled corpus ingested into a PostgreSQL database, once for the module."""
    url = postgresql.database()
    with open_store(url) as store:
        summary = ingest([SOURCES], store, nlp=nlp)
        assert not summary.failed
    return url


def test_open_store_takes_a_path_an_sqlite_url_or_a_postgresql_url(
    tmp_path: Path, pg_url: str
) -> None:
    with open_store(tmp_path / "a.db") as a, open_store(f"sqlite:///{tmp_path}/b.db") as b:
        assert isinstance(a, SQLiteStore) and isinstance(b, SQLiteStore)
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()
    with open_store(pg_url) as store:
        assert isinstance(store, PostgreSQLStore)
        assert store.migrations() == [
            "m001_create_tables",
            "m002_batch_runs",
            "m003_run_heartbeat",
            "m004_fetches_and_decisions",
            "m005_migration_versions",
            "m006_postings",
        ]


def test_documents_are_added_searched_replaced_and_removed(store_url: str, nlp) -> None:
    folder = Path(store_url).parent if "://" not in store_url else None
    source = write(
        (folder or Path(os.environ.get("TMPDIR", "/tmp"))) / f"src-{os.getpid()}" / "a.md",
        "---\ntitle: Inquests\n---\nSeventeen officers were investigated for misconduct "
        "in 2019.\n\nThe inquest heard that 23 people died.\n",
    )
    with open_store(store_url) as store:
        assert ingest([source], store, nlp=nlp).count("added") == 1
        assert ingest([source], store, nlp=nlp).count("unchanged") == 1
        hits = store.search("officers investigated")
        assert [h.text for h in hits][:1] == [
            "Seventeen officers were investigated for misconduct in 2019."
        ]
        values = store.values_for([hits[0].passage_id])[hits[0].passage_id]
        assert {(v.kind, v.number) for v in values} >= {("count", 17.0)}
        following = store.following_texts([hits[0].passage_id])
        assert following[hits[0].passage_id].startswith("The inquest heard")
        assert store.document_frequencies(["officers", "inquests", "zebra"]) == {
            "officers": 1,
            "inquests": 1,  # stemmed as the index stems it: inquest
            "zebra": 0,
        }
        assert store.passage_count() == 2
        first = store.fingerprint()
        source.write_text("---\ntitle: Inquests\n---\nNine officers were investigated.\n")
        assert ingest([source], store, nlp=nlp).count("replaced") == 1
        assert store.counts()["documents"] == 1
        assert store.fingerprint() != first
        assert store.document_frequencies(["officers", "inquests"]) == {
            "officers": 1,
            "inquests": 0,
        }
        [document] = store.documents()
        assert store.remove_document(document["id"])
        assert not store.remove_document(document["id"])
        assert store.counts() == dict.fromkeys(
            ("documents", "pages", "passages", "entities", "passage_values"), 0
        )
        assert store.passage_count() == 0


def test_both_engines_find_the_same_candidates(pg_corpus: str, corpus_store) -> None:
    """Same terms, same bm25: every query of the drafts' sentences ranks the same passages."""
    queries = [
        line
        for name in DRAFTS
        for line in (ROOT / "claims" / f"{name}.md").read_text().splitlines()
        if len(line.split()) > 4 and not line.startswith(("#", "---", "title:"))
    ]
    assert len(queries) > 10
    with open_store(pg_corpus) as pg:
        assert pg.fingerprint() == corpus_store.fingerprint()
        assert pg.passage_count() == corpus_store.passage_count()
        for query in queries:
            for operator in ("OR", "AND"):
                ours = [h.text for h in pg.search(query, limit=20, operator=operator)]
                theirs = [h.text for h in corpus_store.search(query, limit=20, operator=operator)]
                assert ours == theirs, query
            words = query.lower().split()
            assert pg.document_frequencies(words) == corpus_store.document_frequencies(words)


def test_both_engines_read_the_same_surroundings_in_one_call(pg_corpus: str, corpus_store) -> None:
    """`surroundings` is values_for, entities_for, neighbour_texts and following_texts at once."""
    queries = ["officers investigated for misconduct", "inquests quashed High Court", "97 people"]
    with open_store(pg_corpus) as pg:
        for query in queries:
            read = {}
            for name, store in (("postgresql", pg), ("sqlite", corpus_store)):
                ids = [h.passage_id for h in store.search(query, limit=12)]
                got = store.surroundings(ids, whole=5)
                assert got.values == store.values_for(ids)
                assert got.entities == store.entities_for(ids[:5])
                assert got.around == store.neighbour_texts(ids[:5])
                assert got.following == store.following_texts(ids[:5])
                assert any(got.values.values()) and any(got.entities.values())
                read[name] = (
                    [got.values[i] for i in ids],
                    [got.entities[i] for i in ids[:5]],
                    [got.around.get(i) for i in ids[:5]],
                    [got.following.get(i) for i in ids[:5]],
                )
            assert read["postgresql"] == read["sqlite"], query
        empty = pg.surroundings([], whole=5)
        assert (empty.values, empty.entities, empty.around, empty.following) == ({}, {}, {}, {})


def test_recent_searches_are_kept_until_anyone_writes_the_store(store_url: str) -> None:
    """Both engines keep recent searches; a write by another process's store is seen."""
    from test_store import make_document

    with open_store(store_url) as reader, open_store(store_url) as writer:
        writer.add_document(*make_document("/a.txt", ["Seventeen officers were served notices."]))
        first = reader.matching(["officers"], limit=10)
        assert [h.text for h in first] == ["Seventeen officers were served notices."]
        first.clear()  # the caller's copy: what is kept stays whole
        with reader.snapshot():
            assert len(reader.matching(["officers"], limit=10)) == 1
        second = make_document("/b.txt", ["Nine officers must improve."], id="doc2")
        writer.add_document(*second)
        assert len(reader.matching(["officers"], limit=10)) == 2
        assert writer.remove_document("doc1")
        with reader.snapshot():
            assert [h.text for h in reader.matching(["officers"], limit=10)] == [
                "Nine officers must improve."
            ]


RANKING_SOURCES = {
    "a.md": "---\ntitle: Wards\n---\nThe covid 19 figures rose in March.\n\n"
    "Covid cases, covid deaths and covid wards were counted in 2021.\n\n"
    "Nineteen wards reported covid_19 in 2020.\n",
    "b.md": "---\ntitle: Inquest\n---\nOfficers said 19 people had covid.\n\n"
    "The inquest into the deaths continued.\n",
    "c.md": "---\ntitle: Counts\n---\nDeaths were counted again: deaths, deaths and deaths.\n\n"
    "Nobody counted the wards.\n",
}


def test_ranking_agrees_on_phrases_repeated_terms_and_chosen_documents(
    tmp_path: Path, pg_url: str, nlp
) -> None:
    """The postings bm25 ranks from: a split word is a phrase, a term's count weighs, AND holds."""
    folder = tmp_path / "src"
    for name, text in RANKING_SOURCES.items():
        write(folder / name, text)
    with open_store(tmp_path / "s.db") as sqlite, open_store(pg_url) as pg:
        for store in (sqlite, pg):
            assert not ingest([folder], store, nlp=nlp).failed
        chosen = [d["id"] for d in sqlite.documents() if d["path"].endswith("b.md")]
        for query in ("covid_19", "covid_19 wards", "covid deaths", "deaths counted", "19 covid"):
            for operator in ("OR", "AND"):
                for ids in (None, chosen):
                    ours = [
                        h.text
                        for h in pg.search(query, limit=20, operator=operator, document_ids=ids)
                    ]
                    theirs = [
                        h.text
                        for h in sqlite.search(query, limit=20, operator=operator, document_ids=ids)
                    ]
                    assert ours == theirs, (query, operator, ids)
        # A word the tokenizer splits matches only where its parts stand in a row.
        assert sorted(h.text for h in pg.matching(["covid_19"], limit=10)) == [
            "Nineteen wards reported covid_19 in 2020.",
            "The covid 19 figures rose in March.",
        ]
        assert pg.matching(["inquest", "wards"], limit=10, operator="AND") == []
        # The passage that says "deaths" four times ranks first for it, as FTS5 ranks it.
        assert pg.matching(["deaths"], limit=1)[0].text.startswith("Deaths were counted again")


def test_an_older_store_gets_its_postings_when_opened(tmp_path: Path, pg_url: str, nlp) -> None:
    """A store made before postings existed (m006) is indexed by the upgrade, and ranks alike."""
    import psycopg

    folder = tmp_path / "src"
    for name, text in RANKING_SOURCES.items():
        write(folder / name, text)
    with open_store(pg_url) as store:
        ingest([folder], store, nlp=nlp)
        before = [[h.text for h in store.search(q)] for q in ("covid deaths", "wards counted")]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        written = conn.execute("SELECT term, passage_id, tf, length FROM postings ORDER BY 1, 2")
        postings = written.fetchall()
        conn.execute("DROP TABLE postings")
        conn.execute("DELETE FROM _migrations WHERE name = 'm006_postings'")
    assert postings and {tf for _, _, tf, _ in postings} >= {1, 3}
    with open_store(pg_url) as store:
        assert store.migrations()[-1] == "m006_postings"
        after = [[h.text for h in store.search(q)] for q in ("covid deaths", "wards counted")]
        assert after == before
        for document in store.documents():
            assert store.remove_document(document["id"])
    with psycopg.connect(pg_url, autocommit=True) as conn:
        refilled = conn.execute("SELECT count(*) FROM postings").fetchone()
    assert refilled == (0,), "removing the documents leaves postings behind"


def test_the_bundled_drafts_get_identical_reports_on_both_engines(
    pg_corpus: str, draft_reports, nlp
) -> None:
    with open_store(pg_corpus) as pg:
        paths = [ROOT / "claims" / f"{name}.md" for name in DRAFTS]
        reports = verify(paths, store=pg, nlp=nlp)
    for name, report in zip(DRAFTS, reports, strict=True):
        sqlite_report = draft_reports[name]
        assert report.store == sqlite_report.store
        assert [
            (v.claim.text, v.label, v.score, [(f.label, f.note) for f in v.facts])
            for v in report.claims
        ] == [
            (v.claim.text, v.label, v.score, [(f.label, f.note) for f in v.facts])
            for v in sqlite_report.claims
        ]
        evidence = [[e.text for f in v.facts for e in f.evidence] for v in report.claims]
        assert evidence == [
            [e.text for f in v.facts for e in f.evidence] for v in sqlite_report.claims
        ]


def test_the_cli_uses_postgresql_and_makes_no_sqlite_file(
    runner, postgresql, tmp_path: Path, corpus_store
) -> None:
    url = postgresql.tcp_url(postgresql.database().split("/")[3].split("?")[0])
    result = runner.invoke(main, ["ingest", "--db", url, str(SOURCES)])
    assert result.exit_code == 0, result.output
    assert postgresql.password not in result.output
    assert "***" in result.output
    draft = ROOT / "claims" / f"{DRAFTS[1]}.md"
    result = runner.invoke(main, ["verify", "--db", url, "--format", "json", str(draft)])
    assert result.exit_code == 0, result.output
    assert '"CONTRADICTED"' in result.output
    assert not list(tmp_path.glob("*.db")), "an SQLite file was made"
    with open_store(url) as store:
        assert store.counts() == corpus_store.counts()


def test_a_store_url_in_the_environment_or_config(runner, pg_url: str, tmp_path: Path) -> None:
    source = write(tmp_path / "src" / "a.md", "Nine officers were investigated in 2019.\n")
    (tmp_path / ".claimcheck.toml").write_text(f'db = "{pg_url}"\n')
    assert runner.invoke(main, ["ingest", str(source)]).exit_code == 0
    with open_store(pg_url) as store:
        assert store.counts()["documents"] == 1
    assert not list(tmp_path.glob("*.db"))


def test_clear_errors_for_a_server_down_a_wrong_password_and_a_newer_schema(
    postgresql, pg_url: str, runner
) -> None:
    with pytest.raises(StoreError, match="no PostgreSQL server answers"):
        open_store("postgresql://claimcheck:pw@127.0.0.1:1/nothing")
    wrong = postgresql.tcp_url(password="not-it")
    with pytest.raises(StoreError, match="refused the user name or password") as raised:
        open_store(wrong)
    assert "not-it" not in str(raised.value)
    result = runner.invoke(main, ["sources", "--db", wrong])
    assert result.exit_code == 2
    assert "not-it" not in result.output and len(result.output.strip().splitlines()) == 1
    with open_store(pg_url) as store:
        store.pool.close()
    import psycopg

    from pipeline import __version__

    with psycopg.connect(pg_url, autocommit=True) as conn:
        versions = {r[0] for r in conn.execute("SELECT claimcheck_version FROM _migrations")}
        assert versions == {__version__}  # each migration names the version that applied it
        conn.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', 'now', '9.4.1')")
    with pytest.raises(StoreError, match=r"newer claimcheck \(claimcheck 9\.4\.1;"):
        open_store(pg_url)


def test_display_url_hides_passwords() -> None:
    assert display_url("postgresql://a:b@h/d") == "postgresql://a:***@h/d"
    assert (
        display_url("postgresql://h/d?password=x&user=a") == "postgresql://h/d?password=***&user=a"
    )
    assert display_url("claimcheck.db") == "claimcheck.db"


def test_two_ingests_of_overlapping_folders_at_once_store_each_document_once(
    tmp_path: Path, pg_url: str
) -> None:
    shared = [
        write(tmp_path / "shared" / f"s{i}.md", f"Report {i}: {i + 3} officers were named.\n")
        for i in range(6)
    ]
    first = [write(tmp_path / "one" / f"a{i}.md", f"Note {i} of desk one.\n") for i in range(3)]
    second = [write(tmp_path / "two" / f"b{i}.md", f"Memo {i} of desk two.\n") for i in range(3)]
    del first, second
    # The same files reach both writers under different paths: a copy of the shared folder.
    for path in shared:
        write(tmp_path / "copy" / path.name, path.read_text())
    commands = [
        [sys.executable, "-m", "pipeline", "ingest", "--db", pg_url, str(tmp_path / d), str(s)]
        for d, s in (("one", tmp_path / "shared"), ("two", tmp_path / "copy"))
    ]
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands
    ]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    with open_store(pg_url) as store:
        documents = store.documents()
        assert store.counts()["documents"] == 12
        assert len({d["id"] for d in documents}) == 12
        assert store.passage_count() == store.counts()["passages"]
        assert [h.text for h in store.search("officers named", limit=50)].count(
            "Report 2: 5 officers were named."
        ) == 1


def test_a_writer_killed_inside_a_documents_transaction_leaves_nothing_of_it(
    tmp_path: Path, pg_url: str
) -> None:
    """The writer is held (by a lock the test takes) at the end of its transaction, then killed."""
    import psycopg

    source = write(tmp_path / "src" / "a.md", "Seventeen officers were investigated in 2019.\n")
    with open_store(pg_url) as store:
        store.pool.close()
    with psycopg.connect(pg_url) as blocker:
        blocker.execute("SELECT * FROM store_state FOR UPDATE")  # held until the rollback
        writer = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "ingest", "--db", pg_url, str(source)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        with psycopg.connect(pg_url, autocommit=True) as watcher:
            while time.monotonic() < deadline:
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND query LIKE 'UPDATE store_state%%'"
                ).fetchone()
                if waiting and waiting[0]:
                    break
                assert writer.poll() is None, writer.communicate()[1].decode()
                time.sleep(0.1)
            else:
                pytest.fail("the writer never reached the end of its transaction")
            # Inside the transaction: its document and passages are written, not committed.
            os.kill(writer.pid, signal.SIGKILL)
            writer.communicate()
        blocker.rollback()
    with open_store(pg_url) as store:
        assert store.counts() == dict.fromkeys(
            ("documents", "pages", "passages", "entities", "passage_values"), 0
        )
        assert store.passage_count() == 0
        assert store.document_frequencies(["officers"]) == {"officers": 0}
        assert store.matching(["officers"], limit=10) == []  # no postings of it either
        # And the next ingest stores it whole.
        assert ingest([source], store).count("added") == 1
        assert store.passage_count() == store.counts()["passages"] == 1


def test_store_copy_carries_documents_runs_and_results_both_ways(
    tmp_path: Path, pg_url: str, nlp, runner
) -> None:
    articles = tmp_path / "articles"
    write(articles / "a.md", "Seventeen officers were investigated in 2019.\n")
    source = write(tmp_path / "src" / "s.md", "Seventeen officers were investigated in 2019.\n")
    original = tmp_path / "original.db"
    with open_store(original) as store:
        ingest([source], store, nlp=nlp)
        summary = run_batch([articles], store, options=BatchOptions(jobs=1))
        results = list(store.run_results(summary.run_id))
        hits = [h.text for h in store.search("officers investigated")]
    assert results
    result = runner.invoke(main, ["store", "copy", str(original), pg_url])
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.db"
    result = runner.invoke(main, ["store", "copy", pg_url, str(back)])
    assert result.exit_code == 0, result.output
    for url in (pg_url, str(back)):
        with open_store(url) as copy:
            assert [h.text for h in copy.search("officers investigated")] == hits
            assert copy.run(summary.run_id)["status"] == "finished"
            assert [
                (r["claim"], r["label"], r["passage_id"]) for r in copy.run_results(summary.run_id)
            ] == [(r["claim"], r["label"], r["passage_id"]) for r in results]
            again = run_batch([articles], copy, options=BatchOptions(jobs=1))
            assert again.count(ArticleStatus.SKIPPED) == 1  # resumes from the copied results
    refused = runner.invoke(main, ["store", "copy", str(original), pg_url])
    assert refused.exit_code == 2 and "not empty" in refused.output


def test_the_gate_finds_the_same_on_both_engines(runner, pg_corpus: str, corpus_store) -> None:
    draft = str(ROOT / "claims" / f"{DRAFTS[1]}.md")
    outputs = []
    for db in (pg_corpus, corpus_store.path):
        result = runner.invoke(main, ["gate", "--db", db, "--format", "json", draft])
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    assert "CONTRADICTED" in outputs[0] or "contradicted" in outputs[0]


def test_a_run_is_judged_by_its_heartbeat_wherever_it_ran(store_url: str) -> None:
    """A run of another machine: alive while its heartbeat is fresh, abandoned once it stops."""
    from pipeline.runs import STALE_SECONDS

    with open_store(store_url) as store, open_store(store_url) as elsewhere:
        alive = elsewhere.start_run(paths=[], options={}, fingerprint="f", model="m", version="v")
        dead = elsewhere.start_run(paths=[], options={}, fingerprint="f", model="m", version="v")
        stale = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=STALE_SECONDS + 5)).isoformat(
            timespec="seconds"
        )
        for run_id, beat in ((alive, None), (dead, stale)):
            # As a run on another host would have it: its pid means nothing here.
            _set_run(store_url, run_id, host="another-machine", heartbeat=beat)
        elsewhere.beat(alive)
        assert store.abandon_dead_runs() == [dead]
        assert store.run(dead)["status"] == "abandoned"
        assert store.run(alive)["status"] == "running"


def _set_run(url: str, run_id: int, *, host: str, heartbeat: str | None) -> None:
    if "://" in url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(
                "UPDATE runs SET host = %s, heartbeat = coalesce(%s, heartbeat) WHERE id = %s",
                (host, heartbeat, run_id),
            )
        return
    import sqlite3

    with sqlite3.connect(url) as conn:
        conn.execute(
            "UPDATE runs SET host = ?, heartbeat = coalesce(?, heartbeat) WHERE id = ?",
            (host, heartbeat, run_id),
        )
    conn.close()
