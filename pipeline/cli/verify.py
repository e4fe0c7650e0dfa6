"""`claimcheck verify`: the claims of articles, checked against the evidence store."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape

from .. import nlp as nlp_
from ..claims import ARTICLE_MAX_BYTES
from ..config import Settings
from ..decisions import read_decisions, with_decisions
from ..errors import ClaimcheckError, ExtractionError
from ..limits import ReadLimits
from ..pieces import DEFAULT_JOBS, LONG_ARTICLE, Progress
from ..records import ArticleReport, Label
from ..report import RenderOptions, render
from ..report.json import write_json
from ..store import EvidenceStore
from ..text import shown_path
from ..verification import verify
from .common import (
    ToolError,
    adds_sources,
    common_options,
    fetch_options,
    format_option,
    open_store,
    organization_option,
    prepare_evidence,
    source_notes,
    stderr,
    write_text,
    write_with,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from ..extract.url import FetchOptions  # imported when --fetch-links is given

# The verdicts each --fail-on level fails on: the level's and the graver ones.
FAIL_ON = {
    "contradicted": frozenset({Label.CONTRADICTED}),
    "disputed": frozenset({Label.CONTRADICTED, Label.DISPUTED}),
    "unverified": frozenset({Label.CONTRADICTED, Label.DISPUTED, Label.UNVERIFIED}),
}


@click.command(name="verify")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option(
    "--sources",
    "source_paths",
    multiple=True,
    metavar="PATH",
    help="Ingest these sources (files, folders, globs) into the store first, "
    "where they are not in it yet; repeatable.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="ID",
    help="Check only against this document (id or id prefix); repeatable.",
)
@format_option
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output. With --format html, "
    "the JSON report is written beside it (same name, .json) and linked from the page.",
)
@click.option("--verbose", "-v", is_flag=True, help="Show all evidence, also for supported facts.")
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default=None,
    help="Exit with 1 when a claim is contradicted (contradicted), also when one is "
    "disputed (disputed), also when one is unverified (unverified). Default: the "
    "verdicts do not change the exit code.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=ARTICLE_MAX_BYTES,
    show_default=True,
    help="Larger articles are refused.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=f"Processes checking an article of {LONG_ARTICLE:,} characters or more, which is "
    "checked in pieces (with a progress bar on a terminal). Default: the CPUs available, "
    f"at most {DEFAULT_JOBS} (each process holds the spaCy model).",
)
@organization_option
@common_options
@fetch_options
def verify_command(
    articles: tuple[str, ...],
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str,
    output: str | None,
    verbose: bool,
    fail_on: str | None,
    max_bytes: int,
    jobs: int | None,
    organization: str,
    settings: Settings,
    fetch: FetchOptions | None,
) -> None:
    """Check the factual claims of ARTICLES (Markdown, text, HTML) against the evidence store.

    Each claim is SUPPORTED, CONTRADICTED, UNVERIFIED or DISPUTED, with the
    passages behind its verdict quoted and located (document, page,
    characters). Sentences of opinion, and sentences with nothing to check,
    are listed as not check-worthy. Formats: text (for the terminal), html
    (one self-contained page for every article given), markdown (for a CMS
    or a pull-request comment), json (schema in pipeline/report/schema/) and
    claimreview (schema.org JSON-LD, one review per claim).

    Exit code 0 when every article was checked, whatever the verdicts; with
    --fail-on, 1 when a claim has that verdict or a graver one
    (contradicted, then disputed, then unverified); 2 for a usage or tool
    error, or an article that could not be read (each is named). For a
    gate with thresholds, baselines and annotations, see claimcheck gate.

    With --fetch-links, the pages, PDFs and texts the drafts link to are
    fetched into the store first (each once; --refresh fetches again), from
    public addresses only unless --allow-host allows a private one.

    Example:

        claimcheck verify claims/port-inquests-errors.md --sources sources/

        claimcheck verify claims/*.md --format html -o report.html

        claimcheck verify claims/port-inquests-errors.md --fail-on contradicted
    """
    err = stderr()
    with open_store(settings, create=adds_sources(settings, source_paths, fetch)) as store:
        try:
            nlp = nlp_.load(settings.spacy_model)
            document_ids = prepare_evidence(
                store, nlp, settings, source_paths, sources, err, drafts=articles, fetch=fetch
            )
            limits = replace(settings.limits, max_bytes=max_bytes)
            reports, failures = _verify_all(
                articles, store, nlp, settings, limits, document_ids, err, jobs=jobs
            )
            extra = read_decisions(settings.decisions) if settings.decisions else ()
            reports = [with_decisions(report, store, extra) for report in reports]
            notes = source_notes(store, reports)
        except ToolError:
            raise
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    options = RenderOptions(verbose=verbose, author=organization, notes=notes)
    _emit(fmt, reports, options, output)
    if failures:
        sys.exit(2)
    failing = FAIL_ON[fail_on] if fail_on else frozenset()
    if any(claim.label in failing for report in reports for claim in report.claims):
        sys.exit(1)


def _verify_all(
    articles: tuple[str, ...],
    store: EvidenceStore,
    nlp: Language,
    settings: Settings,
    limits: ReadLimits,
    document_ids: list[str] | None,
    err: Console,
    *,
    jobs: int | None = None,
) -> tuple[list[ArticleReport], int]:
    """The reports of the articles that could be read, and how many could not (each named)."""
    reports: list[ArticleReport] = []
    failures = 0
    for article in articles:
        try:
            with _progress_bar(err, article) as progress:
                reports.extend(
                    verify(
                        article,
                        store=store,
                        nlp=nlp,
                        model=settings.spacy_model,
                        document_ids=document_ids,
                        limits=limits,
                        jobs=jobs,
                        progress=progress,
                    )
                )
        except ExtractionError as e:
            failures += 1
            err.print(f"[red]failed[/red] {escape(shown_path(e.path))}: {escape(e.cause)}")
    return reports, failures


@contextmanager
def _progress_bar(err: Console, article: str) -> Iterator[Progress | None]:
    """How far a long article is, on standard error when it is a terminal (else None)."""
    if not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn(escape(Path(article).name)), BarColumn(), TaskProgressColumn())
    with Bar(*columns, TimeRemainingColumn(), console=err, transient=True) as bar:
        task = None

        def update(done: int, total: int) -> None:
            nonlocal task
            if task is None:
                task = bar.add_task("verify", total=total)
            bar.update(task, completed=done, total=total)

        yield update


def _emit(
    fmt: str, reports: list[ArticleReport], options: RenderOptions, output: str | None
) -> None:
    """The report on standard output, or in the file `output`.

    An HTML page written to a file gets the JSON report beside it, linked
    from the page, and its links to sources relative to its folder. JSON is
    written a claim at a time: a long article's would take several times
    its records' memory to hold as one text.
    """
    if output is None:
        if fmt == "json":
            write_json(reports, sys.stdout)
            sys.stdout.write("\n")
        else:
            click.echo(render(fmt, reports, options))
        return
    target = Path(output)
    if fmt == "html":
        if (beside := target.with_suffix(".json")) != target:
            write_with(beside, lambda f: write_json(reports, f))
            options = replace(options, json_href=beside.name)
        options = replace(options, base=target.parent)
    if fmt == "json":
        write_with(target, lambda f: write_json(reports, f))
    else:
        write_text(target, render(fmt, reports, options))
