"""The `claimcheck` command: a thin shell over the library's functions.

One module per command, each parsing its options, calling one library
function and rendering what comes back (`pipeline.report.render`); what the
commands share is in `common`. The library never prints; only this package does.
"""

from __future__ import annotations

import os
from typing import Any

import click

from .. import __version__
from ..errors import describe
from .batch import batch_command
from .common import ToolError
from .decisions import decisions_command
from .gate import gate_command
from .ingest import ingest_command
from .search import search_command
from .serve import serve_command
from .sources import sources_command
from .store import store_command
from .verify import verify_command

# Exit code of a failure claimcheck did not foresee (a bug): never a traceback.
EXIT_INTERNAL = 3
ENV_DEBUG = "CLAIMCHECK_DEBUG"


class GuardedGroup(click.Group):
    """The command group: an unexpected exception is one line on standard error, exit code 3.

    click's own exits, usage errors, Ctrl-C (`Abort`, exit 1; `batch` exits
    130 itself) and a closed pipe on standard output pass through as click
    handles them. With CLAIMCHECK_DEBUG set the traceback is shown instead.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except Exception as e:
            if os.environ.get(ENV_DEBUG):
                raise
            click.echo(
                f"claimcheck: internal error: {describe(e)} (set {ENV_DEBUG}=1 for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
def main() -> None:
    """Check the factual claims of news articles against their source documents."""


for _command in (
    ingest_command,
    sources_command,
    search_command,
    verify_command,
    batch_command,
    gate_command,
    decisions_command,
    serve_command,
    store_command,
):
    main.add_command(_command)

__all__ = ["ENV_DEBUG", "EXIT_INTERNAL", "GuardedGroup", "ToolError", "main"]
