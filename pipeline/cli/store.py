"""`claimcheck store copy`: move an evidence store between SQLite and PostgreSQL."""

from __future__ import annotations

import click

from ..errors import ClaimcheckError
from ..store import copy_store, display_url, open_store
from .common import ToolError, stderr, stdout


@click.group(name="store")
def store_command() -> None:
    """Manage evidence stores."""


@store_command.command(name="copy")
@click.argument("source", metavar="SRC")
@click.argument("target", metavar="DST")
def copy_command(source: str, target: str) -> None:
    """Copy every document, run and result of the store SRC into the new store DST.

    Each is an SQLite file (a path or sqlite:///PATH) or a PostgreSQL database
    (postgresql://USER@HOST/DB, which must exist; the tables are made). DST
    must be empty. Ids are kept, so recorded runs resume from the copy.

    Example:

        claimcheck store copy claimcheck.db postgresql://desk@db.example/evidence
    """
    err = stderr()
    try:
        with open_store(source, create=False) as src, open_store(target, create=True) as dst:
            copied = copy_store(
                src, dst, on_table=lambda table, rows: err.print(f"{table}: {rows} rows")
            )
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e
    stdout().print(
        f"copied {copied['documents']} documents, {copied['passages']} passages and "
        f"{copied['runs']} runs from {display_url(source)} to {display_url(target)}"
    )
