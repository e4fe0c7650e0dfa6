"""`claimcheck ingest`: source documents into the evidence store."""

from __future__ import annotations

import sys

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..config import Settings
from ..errors import ClaimcheckError
from ..extract.metadata import normalise_date, parse_kind
from ..extract.url import FetchOptions
from ..fetch import ingest_urls, is_url
from ..ingest import ingest
from ..records import DocumentKind, IngestResult, IngestSummary, Metadata
from ..store import display_url
from ..text import plural, shown_path
from .common import (
    ToolError,
    common_options,
    fetch_options,
    ingest_options,
    open_store,
    stderr,
    stdout,
)


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--title", help="Title of the source (for a single file).")
@click.option("--publisher", help="Publisher of the source(s).")
@click.option("--url", help="URL of the source (for a single file).")
@click.option("--published", help="Publication date, e.g. 2019-07-05 or '5 July 2019'.")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in DocumentKind]),
    default=None,
    help="Kind of source.",
)
@click.option(
    "--pdf-engine",
    type=click.Choice(["pdfium", "pdfplumber"]),
    default=None,
    help="PDF text reader: pdfium (fast, default) or pdfplumber (layout analysis, slower).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@common_options
@fetch_options(links=False)
def ingest_command(
    paths: tuple[str, ...],
    title: str | None,
    publisher: str | None,
    url: str | None,
    published: str | None,
    kind: str | None,
    pdf_engine: str | None,
    quiet: bool,
    settings: Settings,
    fetch: FetchOptions,
) -> None:
    """Ingest source documents (PDF, HTML, text, Markdown) into the evidence store.

    PATHS are files, folders (searched recursively), glob patterns or http(s)
    URLs. A URL is fetched (from a public address only, unless --allow-host
    allows its host; robots.txt honoured) and read as its content type says;
    one fetched before is not fetched again unless --refresh. A file
    already in the store is left as it is; a changed file replaces its older
    version. Metadata comes from the file, a sidecar NAME.meta.yaml beside it,
    and the options here, in rising order. Exit code 1 if any file failed.

    Example:

        claimcheck ingest sources/ --db evidence.db

        claimcheck ingest https://www.example.org/news/report.html
    """
    given = Metadata(
        title=title,
        publisher=publisher,
        url=url,
        published=normalise_date(published) if published else None,
        kind=parse_kind(kind),
    )
    if published and given.published is None:
        raise click.BadParameter(f"not a date: {published!r}", param_hint="--published")
    options = ingest_options(
        settings, pdf_engine=pdf_engine, metadata=None if given == Metadata() else given
    )
    store = open_store(settings, create=True, write=True)
    progress = _IngestProgress(quiet=quiet)
    try:
        with progress.bar, store:
            urls = [p for p in paths if is_url(p)]
            summary = ingest(
                [p for p in paths if not is_url(p)],
                store,
                model=settings.spacy_model,
                options=options,
                on_result=progress.on_result,
                on_start=progress.on_start,
            )
            if urls:
                fetched = ingest_urls(
                    urls,
                    store,
                    model=settings.spacy_model,
                    options=options,
                    fetch=fetch,
                    on_result=progress.on_result,
                )
                summary = IngestSummary(summary.results + fetched.results)
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e
    parts = [f"{summary.count(s)} {s}" for s in ("added", "unchanged", "replaced", "failed")]
    stdout().print(", ".join(parts) + f" (store: {escape(shown_path(display_url(settings.db)))})")
    if summary.failed:
        sys.exit(1)


class _IngestProgress:
    """A progress bar on standard error (in a terminal), and a line per file above it."""

    def __init__(self, *, quiet: bool) -> None:
        err = stderr()
        self.quiet = quiet
        self.bar = Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.task = self.bar.add_task("ingest", total=None)

    def on_start(self, total: int) -> None:
        self.bar.update(self.task, total=total)

    def on_result(self, result: IngestResult) -> None:
        self.bar.advance(self.task)
        if result.status == "failed":
            self.bar.console.print(
                f"[red]failed[/red] {escape(shown_path(result.path))}: {escape(result.error or '')}"
            )
        elif not self.quiet:
            detail = (
                f" ({plural(result.passages, 'passage')})" if result.status != "unchanged" else ""
            )
            self.bar.console.print(f"{result.status:<9} {escape(shown_path(result.path))}{detail}")
