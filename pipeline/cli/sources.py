"""`claimcheck sources`: the documents in the evidence store."""

from __future__ import annotations

import json

import click
from rich.markup import escape
from rich.table import Table

from ..config import Settings
from ..store import display_url
from .common import common_options, open_store, stdout


@click.command(name="sources")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
@common_options
def sources_command(as_json: bool, settings: Settings) -> None:
    """List the documents in the evidence store, with their provenance."""
    with open_store(settings) as store:
        documents = store.documents()
    if as_json:
        for document in documents:
            click.echo(json.dumps(document))
        return
    table = Table(box=None, pad_edge=False)
    for name in ("id", "title", "publisher", "published", "kind", "pages", "passages"):
        wide = name in ("title", "publisher")
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=48 if wide else None)
    for d in documents:
        table.add_row(
            d["id"][:12],
            escape(d["title"] or ""),
            escape(d["publisher"] or ""),
            d["published"] or "",
            d["kind"],
            str(d["pages"]),
            str(d["passages"]),
        )
    console = stdout()
    console.print(table)
    console.print(f"{len(documents)} documents in {display_url(settings.db)}")
