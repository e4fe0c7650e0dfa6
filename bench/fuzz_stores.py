"""Fuzzing targets of bench/fuzz.py for stores claimcheck must not write.

- newer-store: a store whose `_migrations` names a migration from a newer
  claimcheck. Every command, whatever its arguments, exits 2 with one line
  naming that version, and leaves the store's folder byte for byte as it was.
- read-only-store: a store on a read-only mount (as root; else a folder and
  file without write permission). Every command exits 0, 1 or 2 with at most
  one error line (notes aside), never a traceback, and never writes; the
  writing ones say the store is read-only.

As root, `enter_private_mounts()` must run first, while the process has one
thread: the read-only mount is made in a mount namespace of the fuzzer's own.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import strategies as st

from pipeline.cli import main as cli

NEWER_VERSION = "99.1.0"
WRITING = {"ingest", "batch", "verify --sources", "decisions import"}
COMMANDS = [
    "sources",
    "sources --json",
    "search",
    "verify",
    "gate",
    "batch",
    "ingest",
    "verify --sources",
    "decisions list",
    "decisions export",
    "decisions import",
]


def enter_private_mounts() -> bool:
    """As root, move this process to a mount namespace of its own; False where it cannot."""
    if os.geteuid() != 0:
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(0x00020000) != 0:  # CLONE_NEWNS
        return False
    done = subprocess.run(["mount", "--make-rprivate", "/"], capture_output=True)
    return done.returncode == 0


def prepare(folder: Path, store: Path, *, private_mounts: bool) -> dict[str, Path]:
    """Copies of `store`: one made newer, one made read-only; their databases by target."""
    made = {}
    for name in ("newer", "readonly"):
        (folder / name).mkdir(parents=True)
        made[name] = folder / name / "store.db"
        with sqlite3.connect(store) as src, sqlite3.connect(made[name]) as dst:
            src.backup(dst)
        dst.close()
    conn = sqlite3.connect(made["newer"])
    conn.execute(
        "INSERT INTO _migrations (name, applied_at, claimcheck_version)"
        " VALUES ('m999_from_the_future', '2031-01-01T00:00:00+00:00', ?)",
        (NEWER_VERSION,),
    )
    conn.commit()
    conn.close()
    readonly = made["readonly"].parent
    if private_mounts:
        for command in (
            ["mount", "--bind", str(readonly), str(readonly)],
            ["mount", "-o", "remount,bind,ro", str(readonly)],
        ):
            subprocess.run(command, check=True, capture_output=True)
    elif os.geteuid() != 0:
        made["readonly"].chmod(0o444)
        readonly.chmod(0o555)
    else:
        made.pop("readonly")  # root writes anywhere: no read-only store without a mount
    if "readonly" in made:
        assert not os.access(made["readonly"], os.W_OK), "the read-only store can be written"
    work = folder / "work"
    work.mkdir()
    (work / "new.md").write_text("---\ntitle: New\n---\nEighteen officers were named.\n")
    (work / "decisions.json").write_text(json.dumps([]))
    return made


def release(made: dict[str, Path]) -> None:
    """Undo the read-only store's mount or permissions, so that its folder can be removed."""
    if "readonly" not in made:
        return
    folder = made["readonly"].parent
    if os.geteuid() == 0:
        subprocess.run(["umount", str(folder)], capture_output=True)
    else:
        folder.chmod(0o755)


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _arguments(command: str, text: str, work: Path) -> list[str]:
    draft = work / "draft.md"
    draft.write_text(text, encoding="utf-8", errors="surrogateescape")
    return {
        "sources": ["sources"],
        "sources --json": ["sources", "--json"],
        "search": ["search", "--", text or "x"],
        "verify": ["verify", str(draft)],
        "gate": ["gate", str(draft)],
        "batch": ["batch", str(draft)],
        "ingest": ["ingest", str(draft)],
        "verify --sources": ["verify", "--sources", str(work / "new.md"), str(draft)],
        "decisions list": ["decisions", "list"],
        "decisions export": ["decisions", "export"],
        "decisions import": ["decisions", "import", str(work / "decisions.json")],
    }[command]


def run_command(db: Path, command: str, text: str) -> Any:
    """One command on the store `db`, with its draft or query `text`; the click Result."""
    work = db.parent.parent / "work"
    args = _arguments(command, text, work)
    position = 2 if args[0] == "decisions" else 1
    args[position:position] = ["--db", str(db)]
    # A batch writes its report files beside the drafts, in `work`: not in the store's folder.
    return CliRunner().invoke(cli, args, catch_exceptions=True)


def check_store(db: Path, kind: str, example: tuple[str, str]) -> None:
    command, text = example
    before = _files(db.parent)
    result = run_command(db, command, text)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output[-1000:])
    errors = [
        line for line in result.stderr.splitlines() if line.strip() and not line.startswith("note:")
    ]
    if kind == "newer":
        assert result.exit_code == 2, result.output[-1000:]
        assert len(errors) == 1 and NEWER_VERSION in errors[0], errors
    elif command in WRITING:
        assert result.exit_code == 2, result.output[-1000:]
        assert len(errors) == 1 and "the store is read-only" in errors[0], errors
    else:
        # A draft that cannot be read is one "failed" line and exit 2; nothing else errs.
        assert len(errors) <= 1, errors
        assert not any("read-only" in e or "readonly" in e for e in errors), errors
        if command not in ("verify", "gate"):  # (only a draft can be unreadable)
            assert result.exit_code == 0, result.output[-1000:]
    assert _files(db.parent) == before, command


def strategy(text: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(st.sampled_from(COMMANDS), text)
