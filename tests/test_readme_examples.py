"""The README's example commands run as written, against the bundled sources/ and claims/.

An example is a `claimcheck ...` line of an indented code block (four spaces,
outside the help cog writes). Its comment may give the exit code it ends
with ("exit code 1"), else it is 0. A line with a word in capitals
(`ARTICLE...`, `QUERY`; not git's HEAD) is a template and is not run. The examples run in
order, in one copy of sources/ and claims/ (a git repository, as a clone is),
against one store holding the bundled corpus.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# What cog writes between `]]] -->` and `<!-- [[[end]]] -->` (the commands' own help).
GENERATED = re.compile(r"\]\]\] -->\n.*?<!-- \[\[\[end\]\]\] -->", re.DOTALL)
EXIT_CODE = re.compile(r"\bexit code (\d+)")
# A word in capitals stands for what the reader gives; HEAD is git's, and runs as it is.
PLACEHOLDER = re.compile(r"(?!HEAD$)[A-Z][A-Z_]+(\.\.\.)?")


@dataclass(frozen=True)
class Example:
    line: int
    command: str
    args: tuple[str, ...]
    exit_code: int


def readme_examples() -> list[Example]:
    """The runnable example commands of the README, in order."""
    text = GENERATED.sub(lambda m: "\n" * m.group().count("\n"), README.read_text("utf-8"))
    examples = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("    claimcheck "):
            continue
        command, _, comment = line[4:].partition(" # ")
        args = shlex.split(command)[1:]
        if any(PLACEHOLDER.fullmatch(arg) for arg in args):
            continue
        code = EXIT_CODE.search(comment)
        examples.append(
            Example(number, command.strip(), tuple(args), int(code.group(1)) if code else 0)
        )
    return examples


EXAMPLES = readme_examples()


def test_the_readme_has_examples_of_every_command() -> None:
    commands = {example.args[0] for example in EXAMPLES}
    # serve runs until stopped: its example is a template.
    assert commands == {
        "ingest",
        "sources",
        "search",
        "verify",
        "batch",
        "gate",
        "decisions",
        "store",
    }


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory, corpus_store: Store) -> Path:
    """A copy of sources/ and claims/ committed to git, and the corpus store (copied) in it."""
    folder = tmp_path_factory.mktemp("readme")
    for name in ("sources", "claims"):
        shutil.copytree(ROOT / name, folder / name)
    target = sqlite3.connect(folder / "claimcheck.db")
    try:
        corpus_store.db.conn.backup(target)
    finally:
        target.close()
    if shutil.which("git"):
        # Run from a git hook, GIT_DIR and GIT_INDEX_FILE would point at this repository.
        env = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
        git = ["git", "-c", "user.name=claimcheck", "-c", "user.email=claimcheck@example.org"]
        for args in (["init", "-q"], ["add", "sources", "claims"], ["commit", "-q", "-m", "x"]):
            subprocess.run([*git, *args], cwd=folder, env=env, check=True)
    return folder


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: f"line{example.line}")
def test_readme_example(example: Example, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if "--changed-since" in example.args and not (workdir / ".git").exists():
        pytest.skip("git is not installed")
    for name in list(os.environ):
        if name.startswith(("CLAIMCHECK_", "GITHUB_", "GIT_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(workdir)
    # The shell expands globs before claimcheck sees them.
    args = [
        arg
        for pattern in example.args
        for arg in (sorted(glob.glob(pattern)) if "*" in pattern else [pattern])
    ]
    result = CliRunner().invoke(main, args, prog_name="claimcheck")
    assert result.exit_code == example.exit_code, (
        f"README line {example.line}: `{example.command}` exited with {result.exit_code}, "
        f"not {example.exit_code}:\n{result.output}"
    )
