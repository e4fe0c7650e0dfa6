"""Rough edges a new user hit: emoji, glob patterns, ids, odd file names, verify's exits,
sizes, the HTML report's sources and dates, plurals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import regex

from pipeline import nlp as nlp_
from pipeline.claims import article_from_text, extract_claims
from pipeline.cli import main
from pipeline.ingest import expand_paths

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"


def _grapheme_bounds(text: str) -> set[int]:
    bounds, position = {0}, 0
    for cluster in regex.finditer(r"\X", text):
        position = cluster.end()
        bounds.add(position)
    return bounds


# 1. Emoji and symbols ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "👍 👍 👍 👍 👍 👍 👍 👍 👍 👍 👍 👍\n",
        " ".join(["🎉", "★", "→", "©", "✓", FAMILY, "👍🏽", "🇬🇧"] * 250) + "\n",
        "** 17 ** 2019 -- §§ 23 %%\n",
    ],
)
def test_text_with_no_word_of_a_language_is_not_checkworthy(nlp, text: str) -> None:
    claims = extract_claims(article_from_text(text), nlp)
    assert claims
    assert not [c.text[:40] for c in claims if c.checkworthy]
    assert all("no word" in (c.reason or "") for c in claims)


def test_a_family_emoji_is_never_split(nlp) -> None:
    text = (FAMILY + " ") * 300 + "\n\nPort, 41, was convicted in 2016. " + FAMILY * 40 + "\n"
    bounds = _grapheme_bounds(text)
    for analysis, _ in nlp_.analyse([(text, None)], nlp):
        cuts = {p for s in analysis.sentences for p in (s.start, s.end)}
        assert cuts <= bounds
    for claim in extract_claims(article_from_text(text), nlp):
        assert claim.start in bounds and claim.end in bounds, (claim.start, claim.end)


def test_words_of_any_script_are_still_checked(nlp) -> None:
    [claim] = extract_claims(article_from_text("Stephen Port was convicted in 2016 👍\n"), nlp)
    assert claim.checkworthy


# 2. Glob patterns -------------------------------------------------------------------


def test_a_glob_pattern_names_broken_links_and_loops(runner, tmp_path: Path) -> None:
    folder = tmp_path / "lk"
    folder.mkdir()
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (folder / "ok.txt").write_text("Nine officers were told to improve.\n")
    files, problems = expand_paths([f"{folder}/*.txt"])
    assert files == [folder / "ok.txt"]
    causes = {Path(p.path).name: p.error for p in problems}
    assert causes == {"broken.txt": "broken symbolic link", "loop.txt": "symbolic link loop"}
    _, by_folder = expand_paths([folder])
    assert {Path(p.path).name: p.error for p in by_folder} == causes
    result = runner.invoke(main, ["ingest", "--db", "l.db", "lk/*.txt"])
    assert result.exit_code == 1, result.output
    assert "loop.txt" in result.output and "broken.txt" in result.output


# 6. Ids in `sources` ----------------------------------------------------------------


def _two_sources(runner, tmp_path: Path) -> list[str]:
    for name, title in (("a", "A " * 60), ("b", "B " * 60)):
        (tmp_path / f"{name}.md").write_text(
            f"---\ntitle: {title}\npublisher: {'Publisher ' * 12}\npublished: 2019-07-05\n---\n"
            f"Seventeen officers from {name} were investigated for misconduct.\n"
        )
    assert runner.invoke(main, ["ingest", "--db", "s.db", "a.md", "b.md"]).exit_code == 0
    listed = runner.invoke(main, ["sources", "--db", "s.db", "--json"])
    return [json.loads(line)["id"] for line in listed.output.splitlines()]


def test_sources_never_cuts_an_id_and_search_takes_what_it_shows(runner, tmp_path: Path) -> None:
    ids = _two_sources(runner, tmp_path)
    result = runner.invoke(main, ["sources", "--db", "s.db"], terminal_width=60)
    rows = result.output.splitlines()[1:-1]
    shown = [row.split()[0] for row in rows]
    assert len(shown) == 2 and "…" not in "".join(shown)
    for full, short in zip(ids, shown, strict=True):
        assert full.startswith(short) and len(short) >= 12
        found = runner.invoke(main, ["search", "--db", "s.db", "--source", short, "--json", "x"])
        assert found.exit_code == 0, found.output


def test_an_ambiguous_id_prefix_is_refused(runner, tmp_path: Path) -> None:
    from pipeline.cli.sources import short_ids

    _two_sources(runner, tmp_path)
    result = runner.invoke(main, ["search", "--db", "s.db", "--source", "", "officers"])
    assert result.exit_code == 2
    assert "2 documents" in result.output
    ids = ["abcdef0123456789aa", "abcdef0123456789bb", "ffff"]
    assert short_ids(ids) == {
        "abcdef0123456789aa": "abcdef0123456789a",
        "abcdef0123456789bb": "abcdef0123456789b",
        "ffff": "ffff",
    }


# 7. File names with control characters ---------------------------------------------


def test_names_with_control_characters_are_printed_escaped(runner, tmp_path: Path) -> None:
    from pipeline.text import shown_path

    assert shown_path("plain name.md") == "plain name.md"
    assert shown_path("new\nline.md") == "'new'$'\\n''line.md'"
    assert shown_path("it's\x1b[31m.md") == "'it'\\''s'$'\\033''[31m.md'"
    assert shown_path("caf\udce9\u2028.md") == "'caf'$'\\351\\342\\200\\250''.md'"
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "new\nline.md").write_text("Nine officers were told to improve.\n")
    (folder / "tab\there.md").write_text("Seventeen officers were investigated.\n")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "sources"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 3, lines
    assert any(line.endswith("'sources/new'$'\\n''line.md' (1 passage)") for line in lines)
    assert any(line.endswith("'sources/tab'$'\\t''here.md' (1 passage)") for line in lines)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a\rb.md").write_text("Nine officers were told to improve.\n")
    batch = runner.invoke(main, ["batch", "--db", "s.db", "-o", "out", "--jobs", "1", "drafts"])
    assert batch.exit_code == 0, batch.output
    assert "\r" not in batch.output and "'a'$'\\r''b.md'" in batch.output


# 8. verify's exit code --------------------------------------------------------------


def _contradicted_draft(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / "a.md").write_text(
        "---\ntitle: Release\npublisher: IOPC\npublished: 2019-07-05\n---\n"
        "The IOPC announced on 5 July 2019 that none of the 17 officers would face "
        "disciplinary action.\n"
    )
    draft = tmp_path / "draft.md"
    draft.write_text(
        "In June 2019 the IOPC announced that none of the 17 officers would face "
        "disciplinary action.\n"
    )
    return draft


def test_verify_fail_on_sets_the_exit_code(runner, tmp_path: Path) -> None:
    draft = _contradicted_draft(tmp_path)
    plain = runner.invoke(main, ["verify", "--db", "s.db", "--sources", "sources", str(draft)])
    assert plain.exit_code == 0, plain.output
    for level, code in (("contradicted", 1), ("disputed", 1), ("unverified", 1)):
        result = runner.invoke(main, ["verify", "--db", "s.db", "--fail-on", level, str(draft)])
        assert result.exit_code == code, (level, result.output)
    supported = tmp_path / "ok.md"
    supported.write_text("None of the 17 officers would face disciplinary action.\n")
    result = runner.invoke(main, ["verify", "--db", "s.db", "--fail-on", "unverified", "ok.md"])
    assert result.exit_code == 0, result.output
    helped = runner.invoke(main, ["verify", "--help"])
    assert "Exit code 0" in helped.output


# 9. verify's size limit -------------------------------------------------------------


def test_verify_refuses_articles_over_max_bytes(runner, tmp_path: Path) -> None:
    from pipeline import verify
    from pipeline.errors import ExtractionError
    from pipeline.limits import ReadLimits

    draft = _contradicted_draft(tmp_path)
    result = runner.invoke(
        main, ["verify", "--db", "s.db", "--sources", "sources", "--max-bytes", "50", str(draft)]
    )
    assert result.exit_code == 2, result.output
    assert "over the limit of 50" in result.output
    with pytest.raises(ExtractionError, match="over the limit of 50"):
        verify(draft, db=tmp_path / "s.db", limits=ReadLimits(max_bytes=50))


# 10. The HTML report ----------------------------------------------------------------

SUMMARY_NOTE = "A summary written for this corpus; it is not the original article."


def test_html_shows_the_note_and_links_summaries_without_a_text_fragment(
    runner, tmp_path: Path
) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "summary.md").write_text(
        "---\ntitle: Summary\npublisher: BBC\nurl: https://example.org/summary\n"
        f"published: 2019-07-05\nnote: {SUMMARY_NOTE}\n---\n"
        "Seventeen officers were investigated for misconduct.\n"
    )
    (sources / "own.md").write_text(
        "---\ntitle: Own words\npublisher: IOPC\nurl: https://example.org/own\n"
        "published: 2019-07-05\n---\n"
        "Nine officers must improve their performance, the watchdog said.\n"
    )
    draft = tmp_path / "draft.md"
    draft.write_text(
        "Seventeen officers were investigated for misconduct. "
        "Nine officers must improve their performance.\n"
    )
    result = runner.invoke(
        main, ["verify", "--db", "s.db", "--sources", "sources", "--format", "html", "draft.md"]
    )
    assert result.exit_code == 0, result.output
    page = result.output
    assert SUMMARY_NOTE.replace("'", "&#39;") in page
    hrefs = re.findall(r'href="(https://example\.org/[^"]*)"', page)
    assert any(h.startswith("https://example.org/own#:~:text=") for h in hrefs), hrefs
    assert not any(h.startswith("https://example.org/summary#") for h in hrefs), hrefs


def test_two_drafts_with_one_headline_have_distinct_nav_entries(runner, tmp_path: Path) -> None:
    draft = _contradicted_draft(tmp_path)
    text = "---\ntitle: Police watchdog\n---\n" + draft.read_text()
    (tmp_path / "first.md").write_text(text)
    (tmp_path / "second.md").write_text(text)
    result = runner.invoke(
        main,
        [
            "verify",
            "--db",
            "s.db",
            "--sources",
            "sources",
            "--format",
            "html",
            *("first.md", "second.md"),
        ],
    )
    nav = result.output.split("<nav", 1)[1].split("</nav>", 1)[0]
    entries = re.findall(r'<a href="#article-\d+">([^<]*)</a>', nav)
    assert len(entries) == 2 and len(set(entries)) == 2, entries
    assert "first.md" in entries[0] and "second.md" in entries[1]


def test_dates_in_differences_are_written_as_an_editor_writes_them(runner, tmp_path) -> None:
    from pipeline.values.dates import editor_date

    assert [editor_date(d) for d in ("2019", "2019-06", "2019-07-05", "x")] == [
        "2019",
        "June 2019",
        "5 July 2019",
        "x",
    ]
    draft = _contradicted_draft(tmp_path)
    result = runner.invoke(
        main, ["verify", "--db", "s.db", "--sources", "sources", "--format", "json", str(draft)]
    )
    [claim] = json.loads(result.output)["articles"][0]["claims"]
    notes = [f["note"] for f in claim["facts"] if f["note"]]
    assert notes == ["article: June 2019 - source: 5 July 2019"]


# 11. Plurals ------------------------------------------------------------------------


def test_one_passage_is_singular(runner, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Nine officers were told to improve.\n")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "a.md"])
    assert "(1 passage)" in result.output, result.output
    listed = runner.invoke(main, ["sources", "--db", "s.db"])
    assert "1 document in" in listed.output, listed.output
