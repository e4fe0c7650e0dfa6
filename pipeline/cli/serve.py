"""`claimcheck serve`: the local web app where editors review drafts and decide on findings."""

from __future__ import annotations

import click
from werkzeug.serving import run_simple

from ..config import Settings
from ..records import FailLevel
from ..serve import create_app
from .common import common_options, stderr


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False),
    default=".",
    show_default=True,
    help="Folder whose drafts (.md, .markdown, .txt) the app lists and opens.",
)
@click.option(
    "--level",
    type=click.Choice([level.value for level in FailLevel]),
    default=None,
    help="The gate's fail level the page reports. Default: `fail_level` in the config file.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Sources may be fetched from this private or local host; repeatable.",
)
@common_options
def serve_command(
    host: str,
    port: int,
    root: str,
    level: str | None,
    allow_hosts: tuple[str, ...],
    settings: Settings,
) -> None:
    """Serve the review app for editors over the evidence store (local, 127.0.0.1).

    Open or paste a draft, read its report (as --format html), record a
    decision on any claim (confirmed, false-alarm, needs-source) with a
    reason and your name, add a source by URL or upload and see the draft
    checked again, and read the history of decisions. The gate and every
    report honour the decisions.

    Example:

        claimcheck serve --root claims/
    """
    if allow_hosts:
        settings = settings.with_overrides(allow_hosts=(*settings.allow_hosts, *allow_hosts))
    app = create_app(settings, root=root, level=level)
    stderr().print(f"claimcheck serve: http://{host}:{port}/ (store {settings.db}); Ctrl-C stops")
    run_simple(host, port, app, threaded=True)
