"""`claimcheck search`: passages of the evidence store, ranked."""

from __future__ import annotations

import json
from dataclasses import asdict

import click
from rich.markup import escape

from ..config import Settings
from ..errors import ClaimcheckError
from ..records import SearchHit
from ..store import MARK_END, MARK_START
from .common import ToolError, common_options, open_store, resolve_sources, stdout


@click.command(name="search")
@click.argument("query")
@click.option("--limit", "-n", default=5, show_default=True, help="How many passages.")
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="ID",
    help="Search only this document (id or id prefix); repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per passage.")
@common_options
def search_command(
    query: str, limit: int, sources: tuple[str, ...], as_json: bool, settings: Settings
) -> None:
    """Search the evidence store: passages ranked by relevance, with source, date and page.

    QUERY is plain words; quotes, AND, NEAR, * and other search syntax are
    taken as words, not operators.

    Example:

        claimcheck search "officers investigated for misconduct"
    """
    with open_store(settings) as store:
        document_ids = resolve_sources(store, sources) if sources else None
        try:
            hits = store.search(query, limit=limit, document_ids=document_ids)
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    if as_json:
        for hit in hits:
            record = asdict(hit)
            record["highlighted"] = hit.highlighted.replace(MARK_START, "[").replace(MARK_END, "]")
            click.echo(json.dumps(record))
        return
    _print_hits(query, hits)


def _print_hits(query: str, hits: list[SearchHit]) -> None:
    console = stdout()
    if not hits:
        console.print(f"no passage matches {escape(query)!r}")
        return
    for rank, hit in enumerate(hits, start=1):
        text = (
            escape(hit.highlighted)
            .replace(MARK_START, "[bold yellow]")
            .replace(MARK_END, "[/bold yellow]")
        )
        where = ", ".join(
            part for part in (hit.publisher, hit.published, f"page {hit.page}") if part
        )
        console.print(
            f"[bold]{rank}. {escape(hit.title or hit.path or '')}[/bold] ({escape(where)})"
        )
        console.print(f"   {text}")
        console.print(
            f"   [dim]document {hit.document_id[:12]}, characters {hit.start}-{hit.end}[/dim]"
        )
