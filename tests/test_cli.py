"""The claimcheck command: ingest, sources, search, exit codes, store and model choice."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_ingest_bad_folder_reports_each_file_and_exits_1(runner, bad_folder: Path) -> None:
    result = runner.invoke(main, ["ingest", "--db", "s.db", str(bad_folder)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    for name in ("corrupt.pdf", "encrypted.pdf", "empty.txt", "junk.txt"):
        failed = [line for line in lines if name in line and line.startswith("failed")]
        assert len(failed) == 1, (name, result.output)
    assert "3 added, 0 unchanged, 0 replaced, 4 failed" in result.output
    assert "Traceback" not in result.output


def test_second_ingest_reports_all_unchanged(runner, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("Nine officers were required to improve.\n")
    assert runner.invoke(main, ["ingest", "--db", "s.db", str(source)]).exit_code == 0
    result = runner.invoke(main, ["ingest", "--db", "s.db", str(source)])
    assert result.exit_code == 0
    assert "0 added, 1 unchanged, 0 replaced, 0 failed" in result.output


def test_store_path_from_environment_and_option(runner, tmp_path: Path, monkeypatch) -> None:
    source = tmp_path / "a.md"
    source.write_text("Nine officers were required to improve.\n")
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "env.db"))
    assert runner.invoke(main, ["ingest", str(source)]).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert runner.invoke(main, ["ingest", "--db", "opt.db", str(source)]).exit_code == 0
    assert (tmp_path / "opt.db").exists()
    assert not (tmp_path / "claimcheck.db").exists()


def test_sources_and_search(runner, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text(
        "---\ntitle: Officers\npublisher: IOPC\npublished: 2019-07-05\nkind: press release\n---\n"
        "Seventeen officers were investigated for misconduct.\n\nThe weather was fine.\n"
    )
    runner.invoke(main, ["ingest", "--db", "s.db", str(source)])
    listed = runner.invoke(main, ["sources", "--db", "s.db", "--json"])
    record = json.loads(listed.output.splitlines()[0])
    assert (record["title"], record["kind"], record["passages"]) == ("Officers", "press_release", 2)
    found = runner.invoke(main, ["search", "--db", "s.db", "--json", "investigated misconduct"])
    hit = json.loads(found.output.splitlines()[0])
    assert hit["text"] == "Seventeen officers were investigated for misconduct."
    assert "[investigated]" in hit["highlighted"]
    text = runner.invoke(main, ["search", "--db", "s.db", "officers investigated"])
    assert "Officers" in text.output and "page 1" in text.output and "2019-07-05" in text.output


@pytest.mark.parametrize(
    "query", ['"', "AND", "officers NEAR misconduct", "*", "(", "-", 'a "b', "NOT -x*", "^"]
)
def test_search_with_fts_syntax_never_crashes(runner, tmp_path: Path, query: str) -> None:
    source = tmp_path / "a.md"
    source.write_text("Seventeen officers were investigated for misconduct.\n")
    runner.invoke(main, ["ingest", "--db", "s.db", str(source)])
    result = runner.invoke(main, ["search", "--db", "s.db", query])
    assert result.exit_code == 0, result.output
    assert result.exception is None


def test_unknown_model_is_a_clear_tool_error(runner, tmp_path: Path) -> None:
    source = tmp_path / "a.md"
    source.write_text("Nine officers.\n")
    result = runner.invoke(
        main, ["ingest", "--db", "s.db", "--spacy-model", "no_such_model", str(source)]
    )
    assert result.exit_code == 2
    assert "no_such_model" in result.output and "pip install" in result.output


def test_config_file_sets_the_store(runner, tmp_path: Path) -> None:
    (tmp_path / ".claimcheck.toml").write_text('db = "from-config.db"\n')
    source = tmp_path / "a.md"
    source.write_text("Nine officers.\n")
    assert runner.invoke(main, ["ingest", str(source)]).exit_code == 0
    assert (tmp_path / "from-config.db").exists()


def test_installed_command_end_to_end(tmp_path: Path) -> None:
    """The console script, as a user runs it, on a real file."""
    command = Path(sys.executable).with_name("claimcheck")
    if not command.exists():
        pytest.skip("claimcheck is not installed as a command next to this Python")
    source = tmp_path / "a.txt"
    source.write_text("Stephen Port was given a whole life order on 25 November 2016.\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    run = subprocess.run(
        [str(command), "ingest", "--db", str(tmp_path / "s.db"), str(source)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stdout
    module = subprocess.run(
        [sys.executable, "-m", "pipeline", "search", "--db", str(tmp_path / "s.db"), "whole life"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert module.returncode == 0, module.stderr
    assert "whole life order" in module.stdout


def test_verify_json_and_text(runner, tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text(
        "---\ntitle: Release\npublisher: IOPC\npublished: 2019-07-05\n---\n"
        "Seventeen officers were investigated for misconduct.\n"
    )
    draft = tmp_path / "draft.md"
    draft.write_text("# Draft\n\nNineteen officers were investigated for misconduct.\n")
    result = runner.invoke(
        main, ["verify", "--db", "s.db", "--sources", str(sources), "--format", "json", str(draft)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)["articles"][0]
    [claim] = [c for c in report["claims"] if "Nineteen" in c["text"]]
    assert claim["verdict"] == "CONTRADICTED"
    assert (claim["line"], claim["column"]) == (3, 1)
    [fact] = claim["facts"]
    assert fact["evidence"][0]["text"] == "Seventeen officers were investigated for misconduct."
    assert fact["note"] == "article: 19 - source: Seventeen officers"
    text = runner.invoke(main, ["verify", "--db", "s.db", str(draft)])
    assert "CONTRADICTED" in text.output and "line 3:1" in text.output
    assert "Release (IOPC, 2019-07-05, page 1" in text.output


def test_verify_unreadable_article_and_empty_store(runner, tmp_path: Path) -> None:
    from pipeline.store import open_store

    open_store(tmp_path / "empty.db").close()  # a store with no document in it
    empty = runner.invoke(main, ["verify", "--db", "empty.db", str(tmp_path / "x.md")])
    assert empty.exit_code == 2
    assert "empty" in empty.output and "--sources" in empty.output
    source = tmp_path / "a.md"
    source.write_text("Nine officers were told to improve.\n")
    (tmp_path / "junk.md").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(
        main, ["verify", "--db", "s.db", "--sources", str(source), str(tmp_path / "junk.md")]
    )
    assert result.exit_code == 2
    assert "junk.md" in result.output and "binary" in result.output
    assert "Traceback" not in result.output


def test_verify_report_formats(runner, tmp_path: Path) -> None:
    """html (with its JSON beside it), markdown and claimreview, for one article and for two."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.md").write_text(
        "---\ntitle: Release\npublisher: IOPC\npublished: 2019-07-05\n"
        "url: https://iopc.example/release\n---\n"
        "Seventeen officers were investigated for misconduct.\n"
    )
    first, second = tmp_path / "first.md", tmp_path / "second.md"
    first.write_text("Nineteen officers were investigated for misconduct.\n")
    second.write_text("Seventeen officers were investigated for misconduct.\n")
    html = runner.invoke(
        main,
        [
            *("verify", "--db", "s.db", "--sources", str(sources), str(first), str(second)),
            *("--format", "html", "-o", "out/report.html"),
        ],
    )
    assert html.exit_code == 0, html.output
    page = (tmp_path / "out" / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and 'href="report.json"' in page
    assert 'id="article-0"' in page and 'id="article-1"' in page
    assert page.count('class="claim v-contradicted"') == 1
    assert page.count('class="claim v-supported"') == 1
    assert 'href="../sources/a.md"' in page  # source files linked relative to the page
    document = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [a["counts"]["contradicted"] for a in document["articles"]] == [1, 0]

    markdown = runner.invoke(main, ["verify", "--db", "s.db", str(first), "--format", "markdown"])
    assert markdown.exit_code == 0, markdown.output
    assert "| ❌ Contradicted | 1 |" in markdown.output
    assert "article: 19 - source: Seventeen officers" in markdown.output
    assert "[Release](https://iopc.example/release), IOPC, 2019-07-05, page 1" in markdown.output

    reviews = runner.invoke(
        main,
        [
            *("verify", "--db", "s.db", str(first), "--format", "claimreview"),
            *("--organization", "The Daily Check"),
        ],
    )
    assert reviews.exit_code == 0, reviews.output
    [review] = json.loads(reviews.output)
    assert review["author"]["name"] == "The Daily Check"
    assert review["reviewRating"]["alternateName"] == "Contradicted by the sources"

    blocked = tmp_path / "file"
    blocked.write_text("")
    failed = runner.invoke(
        main, ["verify", "--db", "s.db", str(first), "--format", "markdown", "-o", "file/x.md"]
    )
    assert failed.exit_code == 2 and "cannot write" in failed.output


def test_verify_parses_html_articles_within_the_configured_time(runner, tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.md").write_text("Seventeen officers were investigated.\n")
    paragraphs = "".join(f"<p>Paragraph {i} says the officers met.</p>" for i in range(40_000))
    (tmp_path / "wide.html").write_text(f"<html><body>{paragraphs}</body></html>")
    (tmp_path / "short.md").write_text("Seventeen officers were investigated.\n")
    (tmp_path / ".claimcheck.toml").write_text("extract_timeout = 0.5\n")
    result = runner.invoke(
        main, ["verify", "--sources", "sources", "wide.html", "short.md", "--format", "json"]
    )
    assert result.exit_code == 2, result.output  # an article that cannot be read
    assert "wide.html: HTML page took longer than 0.5 s to read (extract_timeout)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_report_file_holds_what_standard_output_shows(runner, tmp_path: Path, fmt) -> None:
    """--output writes the report as standard output shows it, ending in one newline.

    cli.py once defined `_write` twice, and the second (gate's, which writes
    text as given) replaced verify's, so a report file lost its last newline.
    """
    source = tmp_path / "a.md"
    source.write_text("Seventeen officers were investigated for misconduct.\n")
    draft = tmp_path / "draft.md"
    draft.write_text("Nineteen officers were investigated for misconduct.\n")
    command = ["verify", "--db", "s.db", "--sources", str(source), "--format", fmt, str(draft)]
    shown = runner.invoke(main, command)
    assert shown.exit_code == 0, shown.output
    written = runner.invoke(main, [*command, "-o", "out/report"])
    assert written.exit_code == 0, written.output
    text = (tmp_path / "out" / "report").read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    if fmt == "text":  # the others say when the article was checked
        assert text == shown.output


def test_write_text_makes_its_folder_appends_and_ends_in_one_newline(tmp_path: Path) -> None:
    from pipeline.cli.common import ToolError, write_text

    target = tmp_path / "a" / "b.txt"
    write_text(target, "first")
    write_text(target, "second\n\n", append=True)
    assert target.read_text() == "first\nsecond\n"
    (tmp_path / "file").write_text("")
    with pytest.raises(ToolError, match="cannot write"):
        write_text(tmp_path / "file" / "x.txt", "text")


def test_read_limits_are_one_record_from_the_config_file_to_ingest(tmp_path: Path) -> None:
    from pipeline.cli.common import ingest_options
    from pipeline.config import load_settings
    from pipeline.limits import ReadLimits

    config = tmp_path / ".claimcheck.toml"
    config.write_text("max_pages = 3\nextract_timeout = 2.5\npdf_engine = 'pdfplumber'\n")
    settings = load_settings(config)
    assert settings.limits == ReadLimits(max_pages=3, extract_timeout=2.5)
    options = ingest_options(settings)
    assert options.limits is settings.limits and options.pdf_engine == "pdfplumber"
    config.write_text("max_page = 3\n")
    with pytest.warns(Warning, match="unknown setting 'max_page'") as caught:
        load_settings(config)
    known = str(caught[0].message).split("known: ")[1]
    assert "max_pages" in known and "extract_max_memory" in known and "limits" not in known
