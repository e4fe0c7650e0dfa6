"""Batch runs: reports, summaries, results in the store, failures, resume, kill and Ctrl-C."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from urllib.parse import unquote

import pytest

from pipeline import verify
from pipeline.batch import BatchArticle, BatchOptions, report_file, run_batch
from pipeline.cli import main
from pipeline.ingest import ingest
from pipeline.records import (
    ArticleReport,
    ArticleStatus,
    FactKind,
    Label,
    record_from_dict,
    record_to_dict,
)
from pipeline.report import extension
from pipeline.runs import pack_report, unpack_report
from pipeline.store import Store
from pipeline.store.sqlite_migrations import (
    MIGRATIONS,
    m001_create_tables,
    m006_term_counts,
    m007_postings,
)

ROOT = Path(__file__).resolve().parent.parent
FAITHFUL = (ROOT / "claims" / "port-inquests-faithful.md").read_text(encoding="utf-8")
ERRORS = (ROOT / "claims" / "port-inquests-errors.md").read_text(encoding="utf-8")
# Columns of run_results that say what was found, whichever run found it.
COMPARED = "path, claim_id, claim, label, score, note, passage_id, document_id, evidence, facts"


def paragraphs(draft: str) -> list[str]:
    """The draft's paragraphs of prose (front matter and headings left out)."""
    body = draft.split("\n---\n", 1)[1]
    blocks = [block.strip() for block in body.split("\n\n")]
    return [block for block in blocks if block and not block.startswith("#")]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> Path:
    """The bundled corpus ingested once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store(path) as store:
        assert not ingest([ROOT / "sources"], store, nlp=nlp).failed
    return path


@pytest.fixture
def db(tmp_path: Path, corpus_db: Path) -> Path:
    copy = tmp_path / "claimcheck.db"
    shutil.copy(corpus_db, copy)
    return copy


def short_drafts(folder: Path) -> dict[str, Path]:
    """Three short articles: one with planted errors, two faithful (one a text file)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "errors.md": "# Errors\n\n" + paragraphs(ERRORS)[0] + "\n",
        "nested/officers.md": paragraphs(FAITHFUL)[1] + "\n",
        "inquests.txt": paragraphs(FAITHFUL)[3] + "\n",
    }
    paths = {}
    for name, text in texts.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def whole_drafts(folder: Path, count: int) -> list[Path]:
    """`count` full-length drafts, each different (a numbered heading), for runs that take a while."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        draft = ERRORS if n % 2 else FAITHFUL
        path = folder / f"draft-{n:02d}.md"
        path.write_text(draft.replace("\n# ", f"\n# {n}: ", 1), encoding="utf-8")
        paths.append(path)
    return paths


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def last_run(db: Path) -> int:
    return query(db, "SELECT max(id) FROM runs")[0][0]


def results(db: Path, run_id: int) -> list[tuple]:
    return query(db, f"SELECT {COMPARED} FROM run_results WHERE run_id = ? ORDER BY 1, 2", run_id)


@pytest.fixture(scope="module")
def long_batch(tmp_path_factory, corpus_db: Path) -> tuple[Path, int, list[tuple]]:
    """Eight full-length drafts, and the results of an uninterrupted run over them.

    The drafts are only read, so the tests that stop a run over them share them.
    """
    folder = tmp_path_factory.mktemp("long")
    total = len(whole_drafts(folder / "drafts", 8))
    db = folder / "reference.db"
    shutil.copy(corpus_db, db)
    with Store(db) as store:
        summary = run_batch([folder / "drafts"], store)
    assert summary.status == "finished" and not summary.failed
    return folder / "drafts", total, results(db, summary.run_id)


def wait_for_results(db: Path, process: subprocess.Popen, *, timeout: float = 120) -> int:
    """Wait until a batch running in `process` has recorded an article; return how many."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = query(db, "SELECT count(*) FROM articles")[0][0]
        if done:
            return done
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)
    process.kill()
    raise AssertionError("the batch recorded nothing in time")


def test_corrupt_and_oversized_articles_are_named_and_the_rest_recorded(
    runner, tmp_path: Path, db: Path
) -> None:
    drafts = tmp_path / "drafts"
    short_drafts(drafts)
    (drafts / "corrupt.md").write_bytes(b"\x00\x01\x02\xff" * 200)
    (drafts / "huge.md").write_text("Nine officers were told to improve. " * 300)
    result = runner.invoke(
        main,
        [
            *("batch", "--db", str(db), "--jobs", "1", "--max-bytes", "5000", "-o", "out"),
            *(str(drafts), "missing.md"),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    failures = [line for line in result.output.splitlines() if line.startswith("failed ")]
    assert len(failures) == 3, result.output
    assert any("corrupt.md" in line and "binary" in line for line in failures)
    assert any("huge.md" in line and "over the limit of 5,000" in line for line in failures)
    assert any("missing.md" in line and "no such file" in line for line in failures)
    assert "6 articles: 3 checked, 0 skipped, 3 failed" in result.output

    out = tmp_path / "out"
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == [
        "errors.md.txt",
        "inquests.txt.txt",
        "nested/officers.md.txt",
        "summary.csv",
        "summary.json",
    ]
    assert "CONTRADICTED" in (out / "errors.md.txt").read_text()

    with (out / "summary.csv").open(newline="") as f:
        rows = {row["article"]: row for row in csv.DictReader(f)}
    assert {name: row["status"] for name, row in rows.items()} == {
        "missing.md": "failed",
        "corrupt.md": "failed",
        "errors.md": "checked",
        "huge.md": "failed",
        "inquests.txt": "checked",
        "nested/officers.md": "checked",
    }
    assert int(rows["errors.md"]["contradicted"]) >= 2
    assert rows["errors.md"]["report"] == "errors.md.txt"
    assert rows["corrupt.md"]["error"] == "binary data (NUL bytes), not text"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["totals"]["failed"] == 3 and summary["totals"]["checked"] == 3
    assert summary["totals"]["contradicted"] == int(rows["errors.md"]["contradicted"])

    run_id = last_run(db)
    [run] = query(db, "SELECT status, articles, checked, failed FROM runs WHERE id = ?", run_id)
    assert run == ("finished", 6, 3, 3)
    failed = query(
        db, "SELECT path, error FROM run_articles WHERE run_id = ? AND status = 'failed'", run_id
    )
    assert sorted(Path(p).name for p, _ in failed) == ["corrupt.md", "huge.md", "missing.md"]
    # Every claim of the three articles is a row, and a contradiction cites its passage.
    recorded = query(db, "SELECT count(*) FROM run_results WHERE run_id = ?", run_id)[0][0]
    assert recorded == sum(int(row["claims"] or 0) for row in rows.values())
    contradicted = query(
        db,
        "SELECT claim, note, evidence, document_id, source_title FROM run_results"
        " WHERE run_id = ? AND label = 'CONTRADICTED'",
        run_id,
    )
    assert contradicted
    for claim, note, evidence, document_id, title in contradicted:
        assert claim and note and evidence and document_id and title


def test_rerun_skips_every_article_and_a_change_redoes_only_that_one(
    runner, tmp_path: Path, db: Path
) -> None:
    drafts = tmp_path / "drafts"
    paths = short_drafts(drafts)
    # The reports go inside the folder checked: they must not be taken for articles.
    command = ["batch", "--db", str(db), "--jobs", "1", "-o", str(drafts / "reports"), str(drafts)]
    first = runner.invoke(main, command)
    assert first.exit_code == 0, first.output  # contradicted claims do not fail a batch
    assert "3 articles: 3 checked, 0 skipped, 0 failed" in first.output
    report = drafts / "reports" / "errors.md.txt"
    before = report.read_text()

    shutil.rmtree(drafts / "reports")
    again = runner.invoke(main, command)
    assert again.exit_code == 0, again.output
    assert "3 articles: 0 checked, 3 skipped, 0 failed" in again.output
    assert report.read_text() == before  # written again from the recorded results
    assert results(db, last_run(db)) == results(db, last_run(db) - 1)

    paths["inquests.txt"].write_text(paths["inquests.txt"].read_text() + "\nPort was 41.\n")
    changed = runner.invoke(main, command)
    assert "3 articles: 1 checked, 2 skipped, 0 failed" in changed.output, changed.output
    [status] = query(
        db,
        "SELECT status FROM run_articles WHERE run_id = ? AND path = ?",
        last_run(db),
        str(paths["inquests.txt"]),
    )
    assert status == ("checked",)

    forced = runner.invoke(main, [*command, "--force"])
    assert "3 articles: 3 checked, 0 skipped, 0 failed" in forced.output, forced.output

    # A new source changes the store's contents: every recorded result is out of date.
    source = tmp_path / "new-source.md"
    source.write_text("---\ntitle: New\n---\nThe inquests opened in Barking.\n")
    assert runner.invoke(main, ["ingest", "--db", str(db), str(source)]).exit_code == 0
    after_ingest = runner.invoke(main, command)
    assert "3 articles: 3 checked, 0 skipped, 0 failed" in after_ingest.output


def test_killed_batch_resumes_to_the_results_of_an_uninterrupted_run(
    runner, tmp_path: Path, db: Path, long_batch
) -> None:
    drafts, total, expected = long_batch
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    command = [sys.executable, "-m", "pipeline", "batch", "--db", str(db), "--jobs", "1"]
    process = subprocess.Popen(
        [*command, "-o", str(tmp_path / "out"), str(drafts)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_results(db, process)
    process.kill()
    process.communicate()
    done = query(db, "SELECT count(*) FROM articles")[0][0]
    assert 1 <= done < total, "the batch was not killed midway"
    killed = last_run(db)
    assert query(db, "SELECT status FROM runs WHERE id = ?", killed) == [("running",)]

    result = runner.invoke(main, ["batch", "--db", str(db), "-o", "out", str(drafts)])
    assert result.exit_code == 0, result.output
    assert f"{total - done} checked, {done} skipped, 0 failed" in result.output
    assert query(db, "SELECT status FROM runs WHERE id = ?", killed) == [("abandoned",)]
    assert results(db, last_run(db)) == expected


def test_ctrl_c_stops_two_workers_and_the_next_run_finishes(
    runner, tmp_path: Path, db: Path, long_batch
) -> None:
    drafts, total, expected = long_batch
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "pipeline", "batch", "--db", str(db), "--jobs", "2"),
            *("-o", str(tmp_path / "out"), str(drafts)),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    wait_for_results(db, process)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stdout + stderr
    assert "interrupted" in stderr and "Traceback" not in stderr, stderr
    run_id = last_run(db)
    [(status, checked)] = query(db, "SELECT status, checked FROM runs WHERE id = ?", run_id)
    assert status == "interrupted" and 1 <= checked < total
    assert f"{checked} of {total} articles" in stdout

    result = runner.invoke(main, ["batch", "--db", str(db), "--jobs", "1", str(drafts)])
    assert result.exit_code == 0, result.output
    assert f"{total - checked} checked, {checked} skipped" in result.output
    assert results(db, last_run(db)) == expected


def test_a_killed_worker_costs_no_article(tmp_path: Path, db: Path) -> None:
    """A worker process that dies (here: killed) breaks its pool; its articles are checked again."""
    import multiprocessing

    paths = whole_drafts(tmp_path / "drafts", 4)
    killed: list[int] = []

    def kill_a_worker(article: BatchArticle) -> None:
        if article.status == ArticleStatus.CHECKED and not killed:
            worker = multiprocessing.active_children()[0]
            killed.append(worker.pid)
            os.kill(worker.pid, signal.SIGKILL)

    with Store(db) as store:
        summary = run_batch(
            [tmp_path / "drafts"], store, options=BatchOptions(jobs=2), on_article=kill_a_worker
        )
    assert killed
    assert summary.status == "finished"
    assert [a.status for a in summary.articles] == [ArticleStatus.CHECKED] * len(paths)
    assert query(db, "SELECT count(*) FROM articles")[0][0] == len(paths)


def test_an_interrupted_library_run_keeps_what_finished(tmp_path: Path, db: Path) -> None:
    whole_drafts(tmp_path / "drafts", 3)
    seen: list[BatchArticle] = []

    def stop_after_one(article: BatchArticle) -> None:
        seen.append(article)
        raise KeyboardInterrupt

    with Store(db) as store:
        summary = run_batch([tmp_path / "drafts"], store, on_article=stop_after_one)
        assert summary.status == "interrupted"
        assert (len(summary.articles), summary.found) == (1, 3)
        assert store.run(summary.run_id)["status"] == "interrupted"
        again = run_batch([tmp_path / "drafts"], store)
    assert [a.status for a in again.articles].count(ArticleStatus.SKIPPED) == 1
    assert again.count(ArticleStatus.CHECKED) == 2


def test_a_run_whose_process_is_gone_is_abandoned(db: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    with Store(db) as store:
        run_id = store.start_run(paths=[], options={}, fingerprint="f", model="m", version="v")
        live = store.start_run(paths=[], options={}, fingerprint="f", model="m", version="v")
        store.db.conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (int(gone.stdout), run_id))
        assert store.abandon_dead_runs() == [run_id]
        assert store.run(run_id)["status"] == "abandoned"
        assert store.run(live)["status"] == "running"  # this process is alive


def test_empty_store_is_a_tool_error(runner, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Nine officers were told to improve.\n")
    result = runner.invoke(main, ["batch", "--db", "empty.db", str(tmp_path / "a.md")])
    assert result.exit_code == 2
    assert "empty" in result.output and "claimcheck ingest" in result.output


def test_unknown_model_is_a_tool_error(runner, tmp_path: Path, db: Path) -> None:
    (tmp_path / "a.md").write_text("Nine officers were told to improve.\n")
    command = ["batch", "--db", str(db), "--spacy-model", "no_such_model", str(tmp_path / "a.md")]
    result = runner.invoke(main, command)
    assert result.exit_code == 2
    assert "no_such_model" in result.output and "pip install" in result.output
    assert query(db, "SELECT count(*) FROM runs") == [(0,)]


def test_a_model_that_cannot_load_in_the_workers_is_a_tool_error(
    runner, tmp_path: Path, db: Path
) -> None:
    """Installed as far as its meta.json says, but not loadable: the workers' cause is shown."""
    model = tmp_path / "broken-model"
    model.mkdir()
    (model / "meta.json").write_text('{"lang": "en", "name": "broken", "version": "1.0.0"}')
    short_drafts(tmp_path / "drafts")
    command = ["batch", "--db", str(db), "-j", "2", "--spacy-model", str(model)]
    result = runner.invoke(main, [*command, str(tmp_path / "drafts")])
    assert result.exit_code == 2, result.output
    assert f"cannot load the spaCy pipeline '{model}'" in result.output
    assert query(db, "SELECT status, checked FROM runs") == [("interrupted", 0)]


def test_json_reports_and_the_table(runner, tmp_path: Path, db: Path) -> None:
    short_drafts(tmp_path / "drafts")
    command = ["batch", "--db", str(db), "-j", "1", "--format", "json", "-o", "out"]
    result = runner.invoke(main, [*command, str(tmp_path / "drafts")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "errors.md.json").read_text())
    [article] = report["articles"]
    assert article["counts"]["contradicted"] >= 2
    header = next(line for line in result.output.splitlines() if line.startswith("article"))
    assert header.split() == [
        "article",
        "status",
        "claims",
        "supported",
        "contradicted",
        "unverified",
        "disputed",
    ]
    assert any(line.startswith("nested/officers.md  ") for line in result.output.splitlines())

    # The README's example queries run on the store, and find the contradictions.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    queries = re.findall(r"^    (SELECT .*?;)$", readme, flags=re.MULTILINE | re.DOTALL)
    assert len(queries) == 3
    found = [query(db, sql) for sql in queries]
    assert len(found[0]) == article["counts"]["contradicted"]
    assert found[1][-1][2] == "finished"
    assert found[2] and {row[2] for row in found[2]} <= {str(kind) for kind in FactKind}


def test_a_recorded_report_is_the_report(db: Path, nlp) -> None:
    """Reports come back from the store equal to the records they were made from."""
    with Store(db) as store:
        [report] = verify(ROOT / "claims" / "port-inquests-errors.md", store=store, nlp=nlp)
    rebuilt = record_from_dict(ArticleReport, json.loads(json.dumps(asdict(report))))
    assert rebuilt == report
    # The store packs reports with record_to_dict, which gives what asdict gives.
    assert json.dumps(record_to_dict(report)) == json.dumps(asdict(report))
    assert unpack_report(pack_report(report)) == report
    assert rebuilt.count(Label.CONTRADICTED) == report.count(Label.CONTRADICTED) > 0


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("a.md", "text", "out/a.md.txt"),
        ("2024/05/a.html", "json", "out/2024/05/a.html.json"),
        ("a.md", "html", "out/a.md.html"),
        ("a.md", "markdown", "out/a.md.md"),
        ("a.md", "junit", "out/a.md.xml"),
        ("../a.md", "text", None),
        ("/archive/a.md", "text", None),
        ("", "text", None),
    ],
)
def test_report_file_names(name: str, fmt: str, expected: str | None) -> None:
    article = BatchArticle(name, name, ArticleStatus.CHECKED)
    target = report_file("out", article, fmt)
    assert (target.as_posix() if target else None) == expected
    assert extension(fmt).startswith(".")


def test_a_store_from_before_batch_runs_migrates_without_loss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp
) -> None:
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: Old\n---\nSeventeen officers were investigated.\n")
    path = tmp_path / "old.db"
    # Written by this claimcheck with the first migration only, and the tables of
    # term counts and postings it writes to (m006, m007), then dropped as they never were.
    first = (m001_create_tables, m006_term_counts, m007_postings)
    monkeypatch.setattr("pipeline.store.sqlite.MIGRATIONS", first)
    monkeypatch.setattr("pipeline.store.sqlite_migrations.MIGRATIONS", first)
    with Store(path) as old:
        ingest([source], old, nlp=nlp)
        before = old.documents(), old.counts(), old.fingerprint()
        assert "runs" not in old.db.table_names()
        old.db.conn.execute("DROP TABLE term_counts")
        old.db.conn.execute("DROP TABLE postings")
        old.db.conn.execute(
            "DELETE FROM _migrations WHERE name IN ('m006_term_counts', 'm007_postings')"
        )
    monkeypatch.undo()
    with Store(path) as store:
        assert (store.documents(), store.counts(), store.fingerprint()) == before
        assert {"runs", "articles", "results", "run_articles"} <= set(store.db.table_names())
        assert "run_results" in store.db.view_names()
        applied = [row[0] for row in store.db.conn.execute("SELECT name FROM _migrations")]
        assert applied == [m.__name__ for m in MIGRATIONS]
        assert [h.text for h in store.search("officers investigated")] == [
            "Seventeen officers were investigated."
        ]


def test_report_names_cannot_leave_the_output_folder(runner, tmp_path: Path, db: Path) -> None:
    """A link under the output folder that points elsewhere, and a name too long for
    the file system: those articles' reports are not written, the run goes on."""
    drafts = tmp_path / "drafts"
    short_drafts(drafts)
    (drafts / "linked").mkdir()
    (drafts / "linked" / "a.md").write_text("Nine officers were told to improve.\n")
    (drafts / ("n" * 250 + ".md")).write_text("Nine officers were told to improve.\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "linked").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(
        main, ["batch", "--db", str(db), "--jobs", "1", "-o", str(out), str(drafts)]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not list(elsewhere.iterdir())
    unwritten = [line for line in result.output.splitlines() if "report not written" in line]
    assert len(unwritten) == 2, result.output
    assert any("outside" in line and "linked/a.md" in line for line in unwritten)
    assert any("name too long" in line.lower() for line in unwritten)
    assert (out / "errors.md.txt").is_file()
    assert "2 reports could not be written" in result.output


@pytest.mark.parametrize(
    "name", ["linked/a.md", "linked/../../x.md", "a\x00b.md", "/etc/passwd", "..", "."]
)
def test_report_file_refuses_names_that_leave(tmp_path: Path, name: str) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "linked").symlink_to(tmp_path, target_is_directory=True)
    target = report_file(tmp_path / "out", BatchArticle(name, name, ArticleStatus.CHECKED), "json")
    assert target is None or target.parent.resolve().is_relative_to((tmp_path / "out").resolve())


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_while_workers_start_is_held_not_lost() -> None:
    """A Ctrl-C that comes while a worker is being started reaches the run when the start
    is over (it was lost once: the signal was ignored meanwhile), and the process
    started meanwhile is born with the signal blocked."""
    from pipeline.batch import _ctrl_c_held

    probe = "import signal; print(signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, []))"
    with pytest.raises(KeyboardInterrupt), _ctrl_c_held():
        child = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        )
        # At the main thread: a signal for the process may be taken by another
        # thread, and Python then raises it in the main thread at once.
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        time.sleep(0.05)
        held = True  # no KeyboardInterrupt in here
    assert held
    assert child.stdout.strip() == "True"


def test_a_run_removes_the_partial_files_a_killed_run_left(
    runner, tmp_path: Path, db: Path
) -> None:
    drafts = tmp_path / "drafts"
    short_drafts(drafts)
    out = tmp_path / "out"
    (out / "nested").mkdir(parents=True)
    left = [out / ".errors.md.txt.k3j2.partial", out / "nested" / ".officers.md.txt.x9.partial"]
    for path in left:
        path.write_text("half a rep")
    kept = out / ".notes.partial.md"  # not ours: not named as a report being written
    kept.write_text("mine")
    result = runner.invoke(
        main, ["batch", "--db", str(db), "--jobs", "1", "-o", str(out), str(drafts)]
    )
    assert result.exit_code == 0, result.output
    assert not any(path.exists() for path in left)
    assert kept.exists() and (out / "errors.md.txt").is_file()
    assert not list(out.rglob("*.partial"))


def test_hostile_html_articles_fail_alone_under_the_parsing_limits(
    runner, tmp_path: Path, db: Path
) -> None:
    """HTML articles are parsed in the worker process, as HTML sources are: a page
    nested too deep and one that takes longer than `extract_timeout` each fail with
    their cause, and the other articles are checked."""
    drafts = tmp_path / "drafts"
    short_drafts(drafts)
    (drafts / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>")
    paragraphs = "".join(f"<p>Paragraph {i} says the officers met.</p>" for i in range(40_000))
    (drafts / "wide.html").write_text(f"<html><body>{paragraphs}</body></html>")
    (tmp_path / ".claimcheck.toml").write_text("extract_timeout = 0.5\n")
    result = runner.invoke(
        main, ["batch", "--db", str(db), "--jobs", "1", "-o", "out", str(drafts)]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    failures = [line for line in result.output.splitlines() if line.startswith("failed ")]
    assert len(failures) == 2, result.output
    assert any("deep.html" in line and "nested more than 256 deep" in line for line in failures)
    assert any(
        "wide.html" in line and "took longer than 0.5 s to read (extract_timeout)" in line
        for line in failures
    )
    assert "5 articles: 3 checked, 0 skipped, 2 failed" in result.output


def test_batch_reports_render_as_verify_renders_them(runner, tmp_path: Path, db: Path) -> None:
    """--organization names the fact checker in batch reports too (it once did not), and an
    HTML report's links to sources lead to them from the report's own folder."""
    short_drafts(tmp_path / "drafts")
    command = ["batch", "--db", str(db), "-j", "1", "--organization", "The Daily Check"]
    for fmt in ("claimreview", "html"):
        result = runner.invoke(main, [*command, "--format", fmt, "-o", fmt, "drafts"])
        assert result.exit_code == 0, result.output
    reviews = json.loads((tmp_path / "claimreview" / "errors.md.claimreview").read_text())
    assert reviews and {r["author"]["name"] for r in reviews} == {"The Daily Check"}
    page = tmp_path / "html" / "nested" / "officers.md.html"
    text = page.read_text(encoding="utf-8")
    assert '"name": "The Daily Check"' in text or '"name":"The Daily Check"' in text
    links = re.findall(r'href="([^"#:]+\.(?:pdf|html?|md|txt))[^"]*"', text)
    assert links
    for link in links:
        assert (page.parent / unquote(link)).resolve().is_file(), link


def test_a_worker_that_died_unreported_breaks_the_pool() -> None:
    """The pool's own watch can miss a worker killed while its queue is written to; the
    batch looks for itself, so that it never waits for ever on such a pool."""
    from types import SimpleNamespace

    from pipeline.batch import _lost_a_worker

    alive, dead = SimpleNamespace(exitcode=None), SimpleNamespace(exitcode=-9)
    assert not _lost_a_worker(SimpleNamespace(_processes={1: alive}))
    assert _lost_a_worker(SimpleNamespace(_processes={1: alive, 2: dead}))
    assert not _lost_a_worker(SimpleNamespace(_processes=None))
