"""The `claimcheck` command: a thin shell over the library's functions.

One module per command, each parsing its options, calling one library
function and rendering what comes back (`pipeline.report.render`); what the
commands share is in `common`. The library never prints; only this package does.

A command's module is imported when that command is run (or listed by
--help), not before: `claimcheck gate` on unchanged drafts must not pay for
Flask, the store or the report templates.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, MutableMapping
from typing import Any

import click

from ..errors import describe
from .common import ToolError

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


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--version`: as click's version_option prints it, the version read only when asked."""
    if not value or ctx.resilient_parsing:
        return
    from .. import __version__

    click.echo(f"claimcheck, version {__version__}")
    ctx.exit()


@click.group(cls=GuardedGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Check the factual claims of news articles against their source documents."""


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands by name, each imported from its module when first looked up."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._modules = dict(modules)  # name -> "module:attribute", relative to this package
        self._commands: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._commands:
            module, _, attribute = self._modules[name].partition(":")
            self._commands[name] = getattr(importlib.import_module(module, __name__), attribute)
        return self._commands[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._modules.pop(name, None)
        self._commands[name] = command

    def __delitem__(self, name: str) -> None:
        if self._modules.pop(name, None) is None:
            del self._commands[name]
        else:
            self._commands.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._modules, *self._commands]))

    def __len__(self) -> int:
        return len(set(self._modules) | set(self._commands))


main.commands = LazyCommands(
    {
        name: f".{module}:{name}_command"
        for name, module in (
            ("ingest", "ingest"),
            ("sources", "sources"),
            ("search", "search"),
            ("verify", "verify"),
            ("batch", "batch"),
            ("gate", "gate"),
            ("decisions", "decisions"),
            ("serve", "serve"),
            ("store", "store"),
        )
    }
)

__all__ = ["ENV_DEBUG", "EXIT_INTERNAL", "GuardedGroup", "LazyCommands", "ToolError", "main"]
