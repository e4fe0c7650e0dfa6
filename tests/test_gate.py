"""The gate: exit codes, suppression, config, baseline, --changed-since, and its output formats.

Drafts are checked against the bundled corpus (ingested once for the module);
the output formats are checked against what reads them: the official SARIF
2.1.0 schema, a JUnit parser, GitHub's escaping rules.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata01,
`Schemata/sarif-schema-2.1.0.json` in the oasis-tcs/sarif-spec repository),
kept unchanged so the tests validate offline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft4Validator, FormatChecker
from junitparser import Error, Failure, JUnitXml, Skipped
from lxml import etree

from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.errors import ConfigError, ConfigWarning
from pipeline.gate import gate, gate_report, word_changes
from pipeline.ingest import ingest
from pipeline.records import (
    ArticleReport,
    Claim,
    ClaimVerdict,
    DraftError,
    DraftResult,
    FailLevel,
    GatedClaim,
    GateResult,
    Label,
    Severity,
    Suppression,
)
from pipeline.report import render_github, render_gitlab, render_junit, render_sarif
from pipeline.report.github import escape_data, escape_property, render_github_summary
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
ERRORS = ROOT / "claims" / "port-inquests-errors.md"
FAITHFUL = ROOT / "claims" / "port-inquests-faithful.md"
WRONG_AGE = "Port was 45 when he was given a whole life order in November 2016."
RIGHT_AGE = "Port was 41 when he was given a whole life order in November 2016."
UNBACKED = "The Sun reported the decision too."
ENVIRONMENT = (
    "CLAIMCHECK_DB",
    "CLAIMCHECK_SPACY_MODEL",
    "CLAIMCHECK_FAIL_LEVEL",
    "CLAIMCHECK_SCORE_CUTOFF",
    "CLAIMCHECK_BASELINE",
    "CLAIMCHECK_SOURCES",
    "GITHUB_STEP_SUMMARY",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    with Store(db) as store:
        assert not ingest([ROOT / "sources"], store, nlp=nlp).failed
    return db


@pytest.fixture(scope="module")
def demo(corpus: Path, nlp) -> GateResult:
    """Both bundled drafts through the gate, located from the repository root."""
    with Store(corpus) as store:
        return gate([ERRORS, FAITHFUL], store=store, nlp=nlp, root=ROOT)


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, corpus: Path):
    """`claimcheck gate --db CORPUS ...` in an empty folder, with no claimcheck environment."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(main, ["gate", "--db", str(corpus), *args], env=env)

    return invoke


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def gate_json(result) -> dict:
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def failing(report: dict) -> list[dict]:
    return [f for d in report["drafts"] for f in d["findings"] if f["failing"]]


# --- the bundled drafts and exit codes -------------------------------------------


def test_errors_draft_fails_and_faithful_draft_passes(run) -> None:
    errors = run(str(ERRORS))
    assert errors.exit_code == 1, errors.output
    assert "8:1" in errors.output and "contradicted" in errors.output
    assert "failed" in errors.output.splitlines()[-1]
    faithful = run(str(FAITHFUL), "--level", "unverified")
    assert faithful.exit_code == 0, faithful.output
    assert "passed" in faithful.output.splitlines()[-1]


def test_errors_draft_findings_name_what_differs_and_the_source(demo: GateResult) -> None:
    errors, faithful = demo.drafts
    assert faithful.findings == ()
    assert errors.uri == "claims/port-inquests-errors.md"
    found = {f.line: f for f in errors.findings if "was 47" in f.verdict.claim.text}
    [age] = found.values()
    assert age.failing and age.severity == Severity.ERROR
    assert "article: 47 - source: 44" in age.message and age.source == "The Guardian, 2019-07-05"
    [times] = [f for f in errors.findings if "Times" in f.verdict.claim.text]
    assert times.label == Label.UNVERIFIED and times.severity == Severity.WARNING
    assert len(demo.failing) >= 6 and demo.exit_code == 1


def test_unverified_level_fails_on_unverified_claims(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", f"{RIGHT_AGE} {UNBACKED}\n")
    assert run(str(draft)).exit_code == 0
    strict = run(str(draft), "--level", "unverified", "--format", "json")
    assert strict.exit_code == 1
    [finding] = failing(gate_json(strict))
    assert finding["verdict"] == "UNVERIFIED" and finding["line"] == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["missing.md"], "no such file"),
        (["page.html"], "claimcheck verify"),
        (["d.md", "--format", "yaml"], "not one of"),
        (["d.md", "--format", "json", "--format", "sarif"], "standard output"),
        (["d.md", "--level", "wrong"], "wrong"),
        (["d.md", "--baseline", "nowhere.json"], "--write-baseline"),
    ],
)
def test_usage_errors_exit_2(run, tmp_path: Path, args: list[str], says: str) -> None:
    write(tmp_path / "d.md", f"{RIGHT_AGE}\n")
    write(tmp_path / "page.html", "<p>Port was 41.</p>")
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert says in result.output
    assert "Traceback" not in result.output


def test_empty_store_and_bad_config_exit_2(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", f"{RIGHT_AGE}\n")
    empty = CliRunner().invoke(main, ["gate", "--db", str(tmp_path / "empty.db"), str(draft)])
    assert empty.exit_code == 2 and "empty" in empty.output
    write(tmp_path / ".claimcheck.toml", 'fail_level = "sometimes"\n')
    bad = run(str(draft))
    assert bad.exit_code == 2 and "fail_level" in bad.output


def test_unreadable_draft_exits_2_and_the_others_are_still_gated(run, tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "junk.md").write_bytes(b"\x00\x01\x02" * 100)
    write(tmp_path / "drafts" / "story.md", f"{WRONG_AGE}\n")
    write(tmp_path / "drafts" / ".hidden" / "skip.md", f"{WRONG_AGE}\n")
    write(tmp_path / "drafts" / "notes.yaml", "not: a draft\n")
    result = run("drafts", "--format", "json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["drafts"]] == [str(Path("drafts") / "story.md")]
    assert len(failing(report)) == 1
    [error] = report["errors"]
    assert error["path"].endswith("junk.md") and "binary" in error["message"]


def test_installed_command_exit_codes(corpus: Path, tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("claimcheck")
    if not command.exists():
        pytest.skip("claimcheck is not installed as a command next to this Python")
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    run = subprocess.run(
        [str(command), "gate", "--db", str(corpus), str(ERRORS), "--format", "gitlab"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert all(
        i["location"]["path"] == "claims/port-inquests-errors.md" for i in json.loads(run.stdout)
    )


# --- suppression, config, score cutoff -------------------------------------------


def test_inline_suppression_of_a_sentence_a_paragraph_and_a_file(run, tmp_path: Path) -> None:
    text = (
        f"{RIGHT_AGE} <!-- claimcheck: ignore -- checked by the desk --> {WRONG_AGE}\n\n"
        f"<!-- claimcheck: ignore-paragraph -->\n{WRONG_AGE.replace('45', '46')}\n"
        f"{WRONG_AGE.replace('45', '47')}\n\n"
        f"{WRONG_AGE.replace('45', '48')}\n"
    )
    draft = write(tmp_path / "d.md", text)
    report = gate_json(run(str(draft), "--format", "json"))
    findings = report["drafts"][0]["findings"]
    suppressed = {f["line"]: f["suppression"] for f in findings if f["suppression"]}
    assert sorted(suppressed) == [1, 4, 5]
    assert suppressed[1] == {"kind": "inline", "reason": "checked by the desk"}
    [still] = failing(report)
    assert (still["line"], still["column"]) == (7, 1)
    whole = write(tmp_path / "e.md", f"<!-- claimcheck: ignore-file -->\n{WRONG_AGE}\n")
    assert run(str(whole)).exit_code == 0
    typo = write(tmp_path / "f.md", f"<!-- claimcheck: ignor -->\n{WRONG_AGE}\n")
    result = run(str(typo))
    assert result.exit_code == 2 and "unknown claimcheck directive 'ignor'" in result.output


def test_config_found_upward_from_the_draft_with_environment_and_option_over_it(
    run, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    write(
        project / "pyproject.toml",
        '[tool.claimcheck]\nfail_level = "unverified"\nignore = ["whole life order in November 2016"]\n',
    )
    draft = write(project / "drafts" / "d.md", f"{WRONG_AGE} {UNBACKED}\n")
    (tmp_path / "elsewhere").mkdir()
    os.chdir(tmp_path / "elsewhere")
    report = gate_json(run(str(draft), "--format", "json"))
    assert report["level"] == "unverified"
    [fails] = failing(report)
    assert fails["verdict"] == "UNVERIFIED"
    [ignored] = [f for f in report["drafts"][0]["findings"] if f["suppression"]]
    assert ignored["suppression"]["kind"] == "config" and ignored["verdict"] == "CONTRADICTED"
    by_env = run(str(draft), env={"CLAIMCHECK_FAIL_LEVEL": "contradicted"})
    assert by_env.exit_code == 0, by_env.output
    by_option = run(
        str(draft), "--level", "unverified", env={"CLAIMCHECK_FAIL_LEVEL": "contradicted"}
    )
    assert by_option.exit_code == 1


def test_score_cutoff_turns_a_weak_contradiction_into_a_warning(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", f"{WRONG_AGE}\n")
    report = gate_json(run(str(draft), "--format", "json"))
    [finding] = failing(report)
    score = finding["claim"]["score"]
    assert run(str(draft), "--score-cutoff", str(score)).exit_code == 1
    above = run(str(draft), "--score-cutoff", str(score + 1), "--format", "json")
    assert above.exit_code == 0
    [warning] = json.loads(above.stdout)["drafts"][0]["findings"]
    assert warning["severity"] == "warning"


@pytest.mark.parametrize(
    ("label", "score", "level", "cutoff", "severity"),
    [
        (Label.SUPPORTED, 99, FailLevel.UNVERIFIED, 0, None),
        (Label.CONTRADICTED, 80, FailLevel.CONTRADICTED, 0, Severity.ERROR),
        (Label.CONTRADICTED, 80, FailLevel.CONTRADICTED, 81, Severity.WARNING),
        (Label.DISPUTED, 60, FailLevel.CONTRADICTED, 0, Severity.ERROR),
        (Label.DISPUTED, 60, FailLevel.UNVERIFIED, 70, Severity.WARNING),
        (Label.UNVERIFIED, 0, FailLevel.CONTRADICTED, 0, Severity.WARNING),
        (Label.UNVERIFIED, 0, FailLevel.UNVERIFIED, 100, Severity.ERROR),
    ],
)
def test_severity_by_label_level_and_score_cutoff(label, score, level, cutoff, severity) -> None:
    text = "Line one.\nPort was 45 when he\nwas sentenced."
    start = text.index("Port")
    claim = Claim(id="c1", text=text[start:], start=start, end=len(text), line=2, column=1)
    report = ArticleReport("d.md", (ClaimVerdict(claim, label, score),), (), "model", "store")
    [gated] = gate_report(
        report, text, path="d.md", uri="d.md", level=level, score_cutoff=cutoff
    ).claims
    assert gated.severity == severity
    assert (gated.line, gated.column, gated.end_line, gated.end_column) == (2, 1, 3, 14)
    if severity is not None:
        assert gated.message == "nothing in the store backs this claim"


def test_config_values_are_checked_and_unknown_keys_warned(tmp_path: Path, monkeypatch) -> None:
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    config = write(
        tmp_path / ".claimcheck.toml",
        'score_cutoff = 70\nsources = ["sources/"]\nbaseline = "b.json"\nignore = ["^The Sun"]\n',
    )
    settings = load_settings(config)
    assert settings.score_cutoff == 70 and settings.ignore == ("^The Sun",)
    assert settings.sources == (str(tmp_path / "sources/"),)
    assert settings.baseline == str(tmp_path / "b.json")
    monkeypatch.setenv("CLAIMCHECK_SCORE_CUTOFF", "80")
    assert load_settings(config).score_cutoff == 80
    monkeypatch.setenv("CLAIMCHECK_SCORE_CUTOFF", "high")
    with pytest.raises(ConfigError, match="CLAIMCHECK_SCORE_CUTOFF"):
        load_settings(config)
    monkeypatch.delenv("CLAIMCHECK_SCORE_CUTOFF")
    for bad in ("score_cutoff = 101", 'ignore = ["("]', "sources = 3", 'fail_level = "all"'):
        config.write_text(bad + "\n")
        with pytest.raises(ConfigError):
            load_settings(config)
    config.write_text("fail_levle = 'unverified'\n")
    with pytest.warns(ConfigWarning, match="fail_levle"):
        load_settings(config)


# --- baseline ------------------------------------------------------------------------


def test_baseline_accepts_known_findings_and_fails_only_new_ones(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "drafts" / "d.md", f"{RIGHT_AGE}\n\n{WRONG_AGE}\n")
    assert run("drafts").exit_code == 1
    written = run("drafts", "--write-baseline", "claimcheck-baseline.json")
    assert written.exit_code == 0 and "wrote 1 accepted" in written.output
    baseline = json.loads((tmp_path / "claimcheck-baseline.json").read_text())
    [entry] = baseline["findings"]
    assert entry["path"] == "drafts/d.md" and entry["verdict"] == "CONTRADICTED"
    assert run("drafts", "--baseline", "claimcheck-baseline.json").exit_code == 0
    # Lines added above move the accepted finding; a new wrong claim fails alone.
    new_error = WRONG_AGE.replace("45", "52")
    draft.write_text(f"{new_error}\n\nA line.\n\n{RIGHT_AGE}\n\n{WRONG_AGE}\n")
    report = gate_json(run("drafts", "--baseline", "claimcheck-baseline.json", "--format", "json"))
    [new] = failing(report)
    assert "52" in new["claim"]["text"]
    [accepted] = [f for f in report["drafts"][0]["findings"] if f["suppression"]]
    assert accepted["line"] == 7 and accepted["suppression"]["kind"] == "baseline"


def test_baseline_from_config_and_a_malformed_baseline(run, tmp_path: Path) -> None:
    write(tmp_path / "d.md", f"{WRONG_AGE}\n")
    assert run("d.md", "--write-baseline", "base/accepted.json").exit_code == 0
    write(tmp_path / ".claimcheck.toml", 'baseline = "base/accepted.json"\n')
    assert run("d.md").exit_code == 0
    write(tmp_path / "base" / "accepted.json", "[1, 2]")
    broken = run("d.md")
    assert broken.exit_code == 2 and "not a claimcheck baseline" in broken.output


# --- changed since a git revision -------------------------------------------------


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.invalid", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "newsroom"
    write(folder / "drafts" / "story.md", f"{WRONG_AGE}\n\n{RIGHT_AGE} {UNBACKED}\n")
    git(folder, "init", "-q")
    git(folder, "add", ".")
    git(folder, "commit", "-q", "-m", "First draft")
    return folder


def test_changed_since_gates_only_sentences_changed_since_the_revision(
    run, repository: Path
) -> None:
    story = repository / "drafts" / "story.md"
    # The old error stays but is not new; one sentence changes; one paragraph is re-wrapped.
    rewrapped = RIGHT_AGE.replace("41 when ", "41 when\n")
    changed = UNBACKED.replace("Sun", "Mirror")
    story.write_text(f"{WRONG_AGE}\n\n{rewrapped} {changed}\n")
    write(repository / "drafts" / "new.md", f"{WRONG_AGE.replace('45', '46')}\n")
    os.chdir(repository)
    result = run("drafts", "--changed-since", "HEAD", "--level", "unverified", "--format", "json")
    report = gate_json(result)
    gated = {d["path"]: d for d in report["drafts"]}
    story_result = gated[str(Path("drafts") / "story.md")]
    [changed] = story_result["findings"]
    assert "Mirror" in changed["claim"]["text"] and changed["line"] == 4
    assert story_result["claims"] == 1 and story_result["not_gated"] == 2
    [new] = gated[str(Path("drafts") / "new.md")]["findings"]
    assert "46" in new["claim"]["text"]
    assert result.exit_code == 1
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "Second draft")
    clean = run("drafts", "--changed-since", "HEAD")
    assert clean.exit_code == 0 and "unchanged since HEAD" in clean.output


def gate_importing(folder: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """`claimcheck gate ARGS` run in a process of its own, and the modules it imported.

    Python lists a process's imports on standard error under -X importtime.
    """
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    command = [sys.executable, "-X", "importtime", "-m", "pipeline", "gate", *args]
    done = subprocess.run(
        command, cwd=folder, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    imported = {
        line.split("|")[-1].strip() for line in done.stderr.splitlines() if "import time:" in line
    }
    return done, imported


def test_unchanged_drafts_are_gated_without_spacy_or_the_store(repository: Path) -> None:
    """A pre-commit hook on a commit that leaves the drafts alone: no model, no store."""
    db = repository.parent / "never-opened.db"
    args = ("drafts", "--changed-since", "HEAD", "--db", str(db))
    done, imported = gate_importing(repository, *args, "--format", "json")
    assert done.returncode == 0, done.stderr[-2000:]
    [draft] = json.loads(done.stdout)["drafts"]
    assert draft["unchanged"] is True and draft["findings"] == []
    assert "pipeline.gate" in imported  # the listing is there, and it is this command's
    heavy_modules = ("spacy", "thinc", "pipeline.store", "sqlite_utils", "pipeline.verification")
    # Nor the readers of sources: the drafts are decoded only (pipeline.decoding).
    for heavy in (*heavy_modules, "pipeline.extract", "markdown_it", "yaml"):
        assert heavy not in imported
    assert not db.exists()
    # One changed word and the same command verifies: then it loads them.
    story = repository / "drafts" / "story.md"
    story.write_text(story.read_text().replace("45", "46"))
    changed, imported = gate_importing(repository, *args)
    # Verifying needs the store, opened first: a mistyped --db makes none, and says so
    # before the model is loaded.
    assert changed.returncode == 2 and "no store at" in changed.stderr
    assert "pipeline.store" in imported


def test_changed_since_outside_a_repository_or_with_an_unknown_revision(
    run, repository: Path, tmp_path: Path
) -> None:
    os.chdir(repository)
    unknown = run("drafts", "--changed-since", "no-such-branch")
    assert unknown.exit_code == 2 and "unknown git revision 'no-such-branch'" in unknown.output
    loose = write(tmp_path / "loose" / "d.md", f"{RIGHT_AGE}\n")
    outside = run(str(loose), "--changed-since", "HEAD")
    assert outside.exit_code == 2 and "not in a git repository" in outside.output


def test_word_changes_ignore_rewrapping_and_locate_edits() -> None:
    before = "Port was 41 in 2016. The jury sat.\nIt ruled."
    assert word_changes(before, "Port was 41\nin 2016.  The jury sat. It ruled.").spans == ()
    edited = "Port was 44 in 2016. The jury sat.\nIt ruled."
    changes = word_changes(before, edited)
    assert changes.touches(0, 20) and not changes.touches(21, 34)
    shortened = word_changes(before, "Port was 41. The jury sat.\nIt ruled.")
    assert shortened.touches(0, 12) and not shortened.touches(13, 26)
    dropped = word_changes(before, "Port was 41 in 2016. It ruled.")
    assert not dropped.touches(0, 20) and not dropped.touches(21, 30)


# --- output formats -----------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(demo: GateResult) -> None:
    schema = json.loads(SCHEMA.read_text())
    log = json.loads(render_sarif(demo))
    errors = sorted(
        Draft4Validator(schema, format_checker=FormatChecker()).iter_errors(log), key=str
    )
    assert not errors, errors[0]
    [run_] = log["runs"]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rules == ["contradicted", "disputed", "unverified"]
    result = next(r for r in run_["results"] if "47" in r["message"]["text"])
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "claims/port-inquests-errors.md",
        "uriBaseId": "%SRCROOT%",
    }
    region = location["region"]
    line = ERRORS.read_text().splitlines()[region["startLine"] - 1]
    claim = line[region["startColumn"] - 1 : region["endColumn"] - 1]
    assert claim.startswith("Stephen Port, who was 47") and claim.endswith("whole life order.")
    assert result["level"] == "error" and rules[result["ruleIndex"]] == result["ruleId"]


def test_sarif_fingerprints_survive_moved_lines_and_suppressions_are_kept(
    corpus: Path, nlp, tmp_path: Path
) -> None:
    draft = write(tmp_path / "d.md", f"{WRONG_AGE}\n")
    with Store(corpus) as store:
        first = json.loads(render_sarif(gate(draft, store=store, nlp=nlp, root=tmp_path)))
        draft.write_text(f"<!-- claimcheck: ignore -->\n{RIGHT_AGE}\n\nA line.\n\n{WRONG_AGE}\n")
        moved = json.loads(render_sarif(gate(draft, store=store, nlp=nlp, root=tmp_path)))
    [before] = first["runs"][0]["results"]
    [after] = moved["runs"][0]["results"]
    assert after["partialFingerprints"] == before["partialFingerprints"]
    assert before["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert after["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    draft.write_text(f"<!-- claimcheck: ignore -->\n{WRONG_AGE}\n")
    with Store(corpus) as store:
        quiet = json.loads(render_sarif(gate(draft, store=store, nlp=nlp, root=tmp_path)))
    [kept] = quiet["runs"][0]["results"]
    assert kept["suppressions"][0]["kind"] == "inSource"


def test_junit_parses_as_junit_xml(demo: GateResult, tmp_path: Path) -> None:
    path = tmp_path / "gate.xml"
    path.write_text(render_junit(demo), encoding="utf-8")
    etree.parse(str(path))  # well-formed XML
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    errors = suites["claims/port-inquests-errors.md"]
    faithful = suites["claims/port-inquests-faithful.md"]
    assert faithful.tests == len(demo.drafts[1].claims) and faithful.failures == 0
    failures = [c for c in errors if any(isinstance(r, Failure) for r in c.result)]
    assert len(failures) == errors.failures == len(demo.failing)
    assert all(c.name.startswith("line ") for c in failures)


def test_junit_marks_suppressed_and_unreadable_drafts() -> None:
    claim = synthetic(1, Severity.ERROR)
    quiet = replace(claim, suppression=Suppression("baseline", "accepted in b.json"))
    result = GateResult(
        FailLevel.CONTRADICTED,
        (DraftResult("d.md", "d.md", (quiet,)),),
        (DraftError("x.md", "x.md", "binary data \x01"),),
    )
    xml = JUnitXml.fromstring(render_junit(result).encode())
    [case] = list(next(iter(xml)))
    assert isinstance(case.result[0], Skipped)
    unreadable = [c for suite in xml for c in suite if c.result and isinstance(c.result[0], Error)]
    assert len(unreadable) == 1


def synthetic(n: int, severity: Severity, *, lines: int = 1) -> GatedClaim:
    text = f"Claim number {n}, with 50% of a comma: and a colon."
    claim = Claim(id=f"{n:016x}", text=text, start=0, end=len(text), line=n, column=3)
    label = Label.CONTRADICTED if severity == Severity.ERROR else Label.UNVERIFIED
    return GatedClaim(
        verdict=ClaimVerdict(claim, label, 90),
        path="drafts/a,b.md",
        uri="drafts/a,b.md",
        line=n,
        column=3,
        end_line=n + lines - 1,
        end_column=len(text) + 2,
        fingerprint=claim.id,
        severity=severity,
        message=f"count: article: 100% - source: 90%\r\nline {n}",
    )


def test_github_commands_are_escaped_and_capped_at_ten_of_each() -> None:
    assert escape_data("50% a\r\nb:c,d") == "50%25 a%0D%0Ab:c,d"
    assert escape_property("50% a\r\nb:c,d") == "50%25 a%0D%0Ab%3Ac%2Cd"
    claims = [synthetic(n, Severity.ERROR) for n in range(1, 13)]
    claims += [synthetic(n, Severity.WARNING) for n in range(13, 24)]
    claims.append(synthetic(30, Severity.ERROR, lines=2))
    result = GateResult(FailLevel.CONTRADICTED, (DraftResult("drafts/a,b.md", "x", tuple(claims)),))
    lines = render_github(result).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 10
    first = errors[0]
    end = claims[0].end_column
    assert first.startswith(
        f"::error file=drafts/a%2Cb.md,line=1,endLine=1,col=3,endColumn={end},"
        "title=claimcheck%3A CONTRADICTED::"
    )
    message = first.split("::", 2)[2]
    assert "\n" not in message and "%0D%0A" in message and "100%25" in message
    assert any(line.startswith("drafts/a,b.md:30:3: error") for line in lines)
    assert "3 more errors and 1 more warnings are not annotated" in render_github(result)
    multi = render_github(
        GateResult(FailLevel.CONTRADICTED, (DraftResult("d", "d", (claims[-1],)),))
    )
    assert "line=30,endLine=31,title=" in multi and "col=" not in multi


def test_github_step_summary_has_the_full_table(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", f"{WRONG_AGE} {UNBACKED}\n")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    result = run(str(draft), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=d.md,line=1,")
    table = summary.read_text()
    assert table.startswith("earlier step\n### claimcheck gate:")
    assert "| error | d.md | 1 | CONTRADICTED |" in table
    assert "| warning | d.md | 1 | UNVERIFIED |" in table


def test_github_summary_escapes_table_cells() -> None:
    claim = synthetic(1, Severity.ERROR)
    result = GateResult(FailLevel.CONTRADICTED, (DraftResult("d", "d", (claim,)),))
    piped = replace(claim, message="a | b <script>\nc")
    text = render_github_summary(replace(result, drafts=(DraftResult("d", "d", (piped,)),)))
    assert "a \\| b &lt;script&gt; c" in text


def test_gitlab_code_quality_shape(demo: GateResult) -> None:
    issues = json.loads(render_gitlab(demo))
    assert len(issues) == len([f for f in demo.findings if not f.suppression])
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "claims/port-inquests-errors.md"
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["severity"] in ("major", "minor")
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_several_formats_in_one_run(run, tmp_path: Path) -> None:
    draft = write(tmp_path / "d.md", f"{WRONG_AGE}\n")
    result = run(
        str(draft),
        "--format",
        "sarif:out/claimcheck.sarif",
        "--format",
        "junit:out/junit.xml",
        "--format",
        "gitlab:gl-code-quality.json",
        "--format",
        "text",
    )
    assert result.exit_code == 1
    assert "contradicted" in result.stdout
    assert json.loads((tmp_path / "out" / "claimcheck.sarif").read_text())["version"] == "2.1.0"
    assert JUnitXml.fromfile(str(tmp_path / "out" / "junit.xml"))
    assert json.loads((tmp_path / "gl-code-quality.json").read_text())


def test_pre_commit_hook_definition() -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "claimcheck-gate"
    assert hook["entry"] == "claimcheck gate" and hook["language"] == "python"
    assert hook["pass_filenames"] is True and hook["types"] == ["markdown"]
    assert "gate" in main.commands
