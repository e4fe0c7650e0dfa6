"""`claimcheck sources`: the documents in the evidence store."""

from __future__ import annotations

import json

import click
from rich.markup import escape
from rich.table import Table

from ..config import Settings
from ..store import display_url
from ..text import plural
from .common import common_options, open_store, stdout

# Ids are shown by their shortest unique prefix, never shorter than this (as git shows hashes).
SHORT_ID = 12


@click.command(name="sources")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
@common_options
def sources_command(as_json: bool, settings: Settings) -> None:
    """List the documents in the evidence store, with their provenance.

    Each id is shown whole or by its shortest prefix (12 characters at
    least) that no other document's id starts with: what --source takes.
    The other columns are shortened to fit; --json gives every field whole.
    """
    with open_store(settings) as store:
        documents = store.documents()
    if as_json:
        for document in documents:
            click.echo(json.dumps(document))
        return
    shown = short_ids([d["id"] for d in documents])
    table = Table(box=None, pad_edge=False)
    id_width = max((len(s) for s in shown.values()), default=2)
    # The id column is never narrowed: the titles and publishers give way.
    table.add_column("id", no_wrap=True, min_width=id_width)
    for name in ("title", "publisher", "published", "kind", "pages", "passages"):
        wide = name in ("title", "publisher")
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=48 if wide else None)
    for d in documents:
        table.add_row(
            shown[d["id"]],
            escape(d["title"] or ""),
            escape(d["publisher"] or ""),
            d["published"] or "",
            d["kind"],
            str(d["pages"]),
            str(d["passages"]),
        )
    console = stdout()
    console.print(table)
    console.print(f"{plural(len(documents), 'document')} in {display_url(settings.db)}")


def short_ids(ids: list[str], *, minimum: int = SHORT_ID) -> dict[str, str]:
    """Each id's shortest prefix of at least `minimum` characters that is no other id's prefix.

    An id shorter than that is given whole.
    """
    ordered = sorted(set(ids))
    shown = {}
    for i, id_ in enumerate(ordered):
        # Only the neighbours in sorted order can share the longest prefix with it.
        shared = max(
            (_common(id_, ordered[j]) for j in (i - 1, i + 1) if 0 <= j < len(ordered)),
            default=0,
        )
        shown[id_] = id_[: max(minimum, shared + 1)]
    return shown


def _common(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
