"""Stores claimcheck must not write: a newer store, a read-only store, a mistyped --db.

- A store written by a newer claimcheck is refused by every command, in one
  line naming that version, exit 2, and left byte for byte as it was.
- A store the user cannot write (an unwritable folder, a read-only mount) is
  read by the reading commands; the writing ones say it is read-only.
- A --db that names no store makes none, except for the commands that add.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cli import main

SOURCE = (
    "---\ntitle: Inquests report\npublisher: Coroners Office\npublished: 2019-07-05\n---\n"
    "Seventeen officers were investigated for misconduct in 2018.\n"
)
DRAFT = "# Port inquests\n\nSeventeen officers were investigated for misconduct in 2018.\n"


def _files(folder: Path) -> dict[str, str]:
    """Every file under `folder`, by name, with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _store_with_one_source(runner, folder: Path) -> Path:
    (folder / "src.md").write_text(SOURCE)
    (folder / "draft.md").write_text(DRAFT)
    (folder / "new.md").write_text(SOURCE.replace("Seventeen", "Eighteen"))
    db = folder / "store" / "s.db"
    result = runner.invoke(main, ["ingest", "--db", str(db), str(folder / "src.md")])
    assert result.exit_code == 0, result.output
    return db


def _commands(db: Path, folder: Path) -> dict[str, list[str]]:
    d = ["--db", str(db)]
    return {
        "sources": ["sources", *d],
        "search": ["search", *d, "officers"],
        "verify": ["verify", *d, str(folder / "draft.md")],
        "gate": ["gate", *d, str(folder / "draft.md")],
        "batch": ["batch", *d, str(folder / "draft.md")],
        "ingest": ["ingest", *d, str(folder / "new.md")],
        "verify --sources": ["verify", *d, "--sources", str(folder / "new.md"), "draft.md"],
    }


# 3. A store written by a newer claimcheck --------------------------------------------


def _make_newer(db: Path, version: str) -> None:
    """Record a migration this claimcheck does not know, as a newer one would."""
    conn = sqlite3.connect(db)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(_migrations)")}
    if "claimcheck_version" not in columns:  # as the newer version's schema has it
        conn.execute("ALTER TABLE _migrations ADD COLUMN claimcheck_version TEXT")
    conn.execute(
        "INSERT INTO _migrations (name, applied_at, claimcheck_version)"
        " VALUES ('m999_from_the_future', '2031-01-01T00:00:00+00:00', ?)",
        (version,),
    )
    conn.commit()
    conn.close()


def test_a_newer_store_is_refused_in_one_line_and_never_written(runner, tmp_path: Path) -> None:
    db = _store_with_one_source(runner, tmp_path)
    _make_newer(db, "9.4.1")
    before = _files(db.parent)
    for name, args in _commands(db, tmp_path).items():
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (name, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (name, result.stderr)
        assert "newer claimcheck" in lines[0] and "9.4.1" in lines[0], (name, lines)
        assert _files(db.parent) == before, name


def test_each_migration_records_the_claimcheck_version_that_applied_it(tmp_path: Path) -> None:
    from pipeline import __version__
    from pipeline.store import open_store

    with open_store(tmp_path / "s.db") as store:
        assert store.migrations()
    conn = sqlite3.connect(tmp_path / "s.db")
    versions = {row[0] for row in conn.execute("SELECT claimcheck_version FROM _migrations")}
    conn.close()
    assert versions == {__version__}


# 4. A read-only store ------------------------------------------------------------------


def _readable_by_all(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def _can_run_as_nobody() -> bool:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return False
    probe = subprocess.run(
        [*_AS_NOBODY, sys.executable, "-c", "import pipeline.cli, spacy"],
        capture_output=True,
        env=_environment(),
        cwd="/",
    )
    return probe.returncode == 0


def _can_mount_read_only(folder: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "sh", "-c", _read_only_mount(folder) + " && true"],
        capture_output=True,
    )
    return probe.returncode == 0


_AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]


def _read_only_mount(folder: Path) -> str:
    return f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}"


def _environment() -> dict[str, str]:
    """This test's environment, with this checkout first on the path, and HOME one can read."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["HOME"] = "/tmp"
    return env


def _prefix(mechanism: str, folder: Path) -> list[str]:
    """The command prefix under which `folder` cannot be written."""
    if mechanism == "unwritable folder":
        return _AS_NOBODY
    script = _read_only_mount(folder) + ' && exec "$@"'
    return ["unshare", "--mount", "sh", "-c", script, "sh"]


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A temporary folder every user can read (pytest's own may be root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-ro-", dir="/tmp"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_store_is_read_and_writing_commands_say_it_is_read_only(
    runner, shared_folder: Path
) -> None:
    db = _store_with_one_source(runner, shared_folder)
    _readable_by_all(shared_folder)
    mechanisms = [
        name
        for name, available in (
            ("unwritable folder", _can_run_as_nobody()),
            ("read-only mount", _can_mount_read_only(db.parent)),
        )
        if available
    ]
    if not mechanisms:
        reason = "cannot make a store unwritable here (needs root: setpriv or unshare)"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    before = _files(shared_folder)
    commands = _commands(db, shared_folder)
    for mechanism in mechanisms:
        prefix = _prefix(mechanism, db.parent)
        for name, args in commands.items():
            result = subprocess.run(
                [*prefix, sys.executable, "-m", "pipeline", *args],
                capture_output=True,
                text=True,
                env=_environment(),
                cwd=shared_folder,
            )
            where = (mechanism, name, result.stdout[-500:], result.stderr[-2000:])
            errors = [line for line in result.stderr.splitlines() if not line.startswith("note:")]
            if name in ("ingest", "batch", "verify --sources"):
                assert result.returncode == 2, where
                assert len(errors) == 1 and "the store is read-only" in errors[0], where
            else:
                assert result.returncode in (0, 1), where
                assert "readonly" not in result.stderr and not errors, where
                expected = {"sources": "Inquests report", "gate": "1 claim gated"}
                assert expected.get(name, "officers") in result.stdout, where
            assert _files(shared_folder) == before, where


# 5. A mistyped --db ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["sources"],
        ["search", "officers"],
        ["verify", "draft.md"],
        ["gate", "draft.md"],
        ["decisions", "list"],
        ["decisions", "export"],
    ],
)
def test_a_mistyped_db_creates_no_store(runner, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "draft.md").write_text(DRAFT)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = runner.invoke(main, [*args, "--db", "typo/typo.db"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        "Error: no store at typo/typo.db: give the --db of an existing store, or add sources "
        "to make one (claimcheck ingest --db typo/typo.db PATH)"
    ]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_the_commands_that_add_make_a_store(runner, tmp_path: Path) -> None:
    (tmp_path / "src.md").write_text(SOURCE)
    (tmp_path / "draft.md").write_text(DRAFT)
    for n, args in enumerate(
        (
            ["ingest", "src.md"],
            ["verify", "--sources", "src.md", "draft.md"],
            ["gate", "--sources", "src.md", "draft.md"],
        )
    ):
        result = runner.invoke(main, [*args, "--db", f"new{n}.db"])
        assert result.exit_code in (0, 1), (args, result.output)
        assert (tmp_path / f"new{n}.db").exists(), args
