"""The README's command help is generated from the CLI (cog) and covers every command.

After changing a command or its help: `cog -r README.md`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from cogapp import Cog

from pipeline.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def command_paths(group: click.Group, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand under `group`, as the words that name it."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*path, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*path, name))


def test_readme_help_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    status = Cog().main(
        [
            "cog",
            "--check",
            "--diff",
            "--check-fail-msg=run `cog -r README.md` to regenerate the command help",
            str(README),
        ]
    )
    captured = capsys.readouterr()
    assert status == 0, captured.out + captured.err


def test_commands_are_found() -> None:
    names = {path[0] for path in command_paths(main)}
    assert {"verify", "gate", "batch", "ingest", "sources", "search"} <= names


@pytest.mark.parametrize("path", [" ".join(path) for path in command_paths(main)])
def test_every_command_has_its_help_in_the_readme(path: str) -> None:
    readme = README.read_text(encoding="utf-8")
    names = ", ".join(f'"{name}"' for name in path.split())
    assert f"[[[cog claimcheck_help({names}) ]]]" in readme or (
        f"claimcheck_help({names})\n]]]" in readme
    ), f"no help of `claimcheck {path}` in the README: add a cog block for it"
    assert f"\nUsage: claimcheck {path} [OPTIONS]" in readme, "run `cog -r README.md`"
