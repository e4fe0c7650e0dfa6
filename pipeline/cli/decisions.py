"""`claimcheck decisions`: editors' decisions on findings, listed, exported and imported."""

from __future__ import annotations

from pathlib import Path

import click

from ..config import Settings
from ..decisions import (
    DecisionError,
    describe_decision,
    export_decisions,
    history,
    import_decisions,
    read_decisions,
)
from .common import ToolError, common_options, open_store, stdout, write_text

FORMATS = ("json", "csv")


@click.group(name="decisions")
def decisions_command() -> None:
    """Editors' decisions on findings: list them, export them for CI, import them.

    A decision (confirmed, false-alarm, needs-source; made in claimcheck
    serve) belongs to a claim and to the evidence it was made on, and holds
    while both are unchanged. Commit an exported file beside the drafts and
    name it in the config (decisions = "decisions.json"): the gate of a CI job
    whose store is rebuilt from sources/ then honours what editors decided.
    """


@decisions_command.command(name="list")
@click.option("--all", "show_all", is_flag=True, help="Every entry of the log, undos included.")
@common_options
def list_command(show_all: bool, settings: Settings) -> None:
    """The decisions in the store: the latest on each claim (--all: the whole log).

    Example:

        claimcheck decisions list
    """
    with open_store(settings) as store:
        entries = history(store)
    if not show_all:
        latest = {e.claim_id: e for e in entries}
        entries = [e for e in entries if latest[e.claim_id] is e]
    console = stdout()
    for entry in entries:
        console.print(f"{entry.claim}\n    {describe_decision(entry)}", markup=False)
    console.print(f"{len(entries)} decisions (store: {settings.db})", markup=False)


@decisions_command.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Default: by the file's suffix, else json.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write; default standard output.",
)
@common_options
def export_command(fmt: str | None, output: str | None, settings: Settings) -> None:
    """Write the whole decision log as JSON or CSV, to commit beside the drafts.

    Example:

        claimcheck decisions export -o decisions.json
    """
    fmt = fmt or ("csv" if output and output.lower().endswith(".csv") else "json")
    with open_store(settings) as store:
        text = export_decisions(history(store), fmt)
    if output:
        write_text(Path(output), text)
    else:
        click.echo(text, nl=False)


@decisions_command.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@common_options
def import_command(files: tuple[str, ...], settings: Settings) -> None:
    """Add the decisions of FILES (JSON or CSV, by suffix) to the store's log; none twice.

    Example:

        claimcheck decisions import decisions.json
    """
    with open_store(settings, create=True, write=True) as store:
        added = 0
        for name in files:
            try:
                added += import_decisions(store, read_decisions(name))
            except DecisionError as e:
                raise ToolError(str(e)) from e
    stdout().print(f"{added} decisions added (store: {settings.db})", markup=False)
