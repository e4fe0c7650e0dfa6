"""`claimcheck batch`: every article under the paths, one report each, results in the store."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..batch import (
    BatchOptions,
    BatchPlan,
    available_cpus,
    remove_partial_files,
    run_batch,
    write_report,
    write_summary,
)
from ..claims import ARTICLE_MAX_BYTES
from ..config import Settings
from ..decisions import read_decisions, with_decisions
from ..errors import ClaimcheckError
from ..extract.url import FetchOptions
from ..records import ArticleStatus, BatchArticle, BatchSummary, Decision, Label
from ..report import RenderOptions
from ..store import EvidenceStore, display_url
from ..text import plural, shown_path
from .common import (
    ToolError,
    common_options,
    fetch_draft_links,
    fetch_options,
    format_option,
    open_store,
    organization_option,
    source_notes,
    stderr,
    stdout,
)

# Exit code of a batch stopped by Ctrl-C, as shells report a process ended by SIGINT.
EXIT_INTERRUPTED = 130
# Articles listed in the batch's table at most; summary.csv lists them all.
TABLE_ROWS = 50


@click.command(name="batch")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False),
    default="claimcheck-reports",
    show_default=True,
    help="Folder for one report per article, summary.csv and summary.json.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help=f"Worker processes, each loading the model once. Default: the CPUs "
    f"available ({available_cpus()} here).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Check the articles on a Dask cluster: its scheduler's address "
    "(tcp://HOST:8786, or tls:// with certificates). Needs a PostgreSQL store.",
)
@format_option
@organization_option
@click.option(
    "--force",
    is_flag=True,
    help="Check every article again, also those unchanged since their recorded results.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=ARTICLE_MAX_BYTES,
    show_default=True,
    help="Larger articles are refused.",
)
@click.option("--quiet", "-q", is_flag=True, help="No table: only failures and the totals.")
@common_options
@fetch_options
def batch_command(
    paths: tuple[str, ...],
    out: str,
    jobs: int | None,
    scheduler: str | None,
    fmt: str,
    organization: str,
    force: bool,
    max_bytes: int,
    quiet: bool,
    settings: Settings,
    fetch: FetchOptions | None,
) -> None:
    """Check every article under PATHS; one report each, a summary, results in the store.

    PATHS are article files (Markdown, text, HTML), folders (searched
    recursively) or glob patterns. An article unchanged since its last
    recorded result, against an unchanged store, is skipped (its report is
    written again from the store); --force checks it anyway. A stopped run
    (Ctrl-C, or killed) keeps what finished: run it again to go on.

    Exit code 0 when every article was checked or skipped, 1 when some
    article failed (each is named, with the cause), 2 for a usage or tool
    error, 130 when stopped by Ctrl-C. Contradicted claims do not change it:
    the batch records findings, it is not a gate.

    Example:

        claimcheck batch drafts/ --out reports/ --jobs 4
    """
    options = BatchOptions(
        jobs=jobs or available_cpus(),
        scheduler=scheduler,
        force=force,
        model=settings.spacy_model,
        exclude=(out,),
        # The source limits of the settings; articles have their own size limit.
        limits=replace(settings.limits, max_bytes=max_bytes),
    )
    reporter = _BatchReporter(out, fmt, RenderOptions(author=organization))
    if settings.decisions:
        try:
            reporter.decisions = tuple(read_decisions(settings.decisions))
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    with open_store(settings, create=True, write=True) as store:
        if fetch is not None:
            try:
                fetch_draft_links(store, None, settings, paths, fetch, reporter.err)
            except ClaimcheckError as e:
                raise ToolError(str(e)) from e
        reporter.options = replace(reporter.options, notes=source_notes(store))
        summary = _run(paths, store, options, reporter, display_url(settings.db))
    if not summary.found:
        reporter.err.print("no article (Markdown, text or HTML file) under the paths given")
    console = stdout()
    if not quiet and summary.articles:
        # Outside a terminal (a CI log, a file) rich would cut the table to 80 columns.
        wide = Console(highlight=False, width=None if console.is_terminal else 160)
        wide.print(_batch_table(summary))
    console.print(_batch_totals(summary, display_url(settings.db), out))
    code = reporter.exit_code(summary, force=force)
    if code:
        sys.exit(code)


def _run(
    paths: tuple[str, ...],
    store: EvidenceStore,
    options: BatchOptions,
    reporter: _BatchReporter,
    db: str,
) -> BatchSummary:
    """The run, its reports and summary files written; every failure to write a ToolError."""
    out = Path(reporter.out)
    try:
        if store.counts()["documents"] == 0:
            raise ToolError(
                f"the evidence store {db} is empty: ingest sources first (claimcheck ingest PATH)"
            )
        out.mkdir(parents=True, exist_ok=True)
        remove_partial_files(out)  # left by a run killed while writing
        reporter.store = store
        with reporter.bar:
            summary = run_batch(
                paths,
                store,
                options=options,
                on_plan=reporter.on_plan,
                on_article=reporter.on_article,
            )
        write_summary(out, summary, reporter.fmt)
    except OSError as e:
        raise ToolError(f"cannot write to {reporter.out}: {e}") from e
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e
    return summary


class _RateColumn(ProgressColumn):
    """Articles checked per minute, over the last half-minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:,.0f}/min" if speed else "-/min")


class _BatchReporter:
    """The progress bar, each article's report file as it comes, and what went wrong."""

    def __init__(self, out: str, fmt: str, options: RenderOptions) -> None:
        self.out = out  # the folder, as given
        self.fmt = fmt
        self.options = options
        self.err = stderr()
        self.unwritten: list[str] = []
        # Set while the run goes: each report shows the decisions that hold for it.
        self.store: EvidenceStore | None = None
        self.decisions: tuple[Decision, ...] = ()
        self.bar = Progress(
            TextColumn("checking"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=self.err,
            transient=True,
            disable=not self.err.is_terminal,
        )
        self.task = self.bar.add_task("batch", total=None)

    def on_plan(self, plan: BatchPlan) -> None:
        # Failures found while planning advance the bar too, at once.
        self.bar.update(self.task, total=plan.to_check + plan.failed)
        self.bar.console.print(
            f"{plural(plan.to_check + plan.skipped + plan.failed, 'article')}: "
            f"{plan.to_check} to check, "
            f"{plan.skipped} unchanged since their recorded results, {plan.failed} failed"
        )

    def on_article(self, article: BatchArticle) -> None:
        # A report that cannot be written (a name too long for the file system, a
        # link leading out of the folder) fails that article's output, not the run.
        console = self.bar.console
        if article.report is not None and self.store is not None:
            report = with_decisions(article.report, self.store, self.decisions)
            article = replace(article, report=report)
        try:
            write_report(self.out, article, self.fmt, options=self.options)
        except (OSError, ClaimcheckError) as e:
            self.unwritten.append(article.path)
            cause = (
                e
                if isinstance(e, ClaimcheckError)
                else f"{shown_path(article.path)}: {e.strerror or e}"
            )
            console.print(f"[red]report not written[/red] {escape(str(cause))}")
        if article.status == ArticleStatus.FAILED:
            console.print(
                f"[red]failed[/red] {escape(shown_path(article.path))}: "
                f"{escape(article.error or '')}"
            )
        if article.status != ArticleStatus.SKIPPED:
            self.bar.advance(self.task)

    def exit_code(self, summary: BatchSummary, *, force: bool) -> int:
        """130 when interrupted, 1 when an article or its report failed, else 0 (said why)."""
        if summary.status == "interrupted":
            again = "without --force " if force else ""
            self.err.print(
                f"interrupted: every finished article is recorded (run {summary.run_id}); "
                f"run the command again {again}to go on"
            )
            return EXIT_INTERRUPTED
        if self.unwritten:
            self.err.print(
                f"{plural(len(self.unwritten), 'report')} could not be written in {self.out}"
            )
        return 1 if summary.failed or self.unwritten else 0


def _batch_table(summary: BatchSummary) -> Table:
    articles = list(summary.articles)
    if len(articles) > TABLE_ROWS:
        # Failures and contradictions first: what a desk looks at.
        articles.sort(
            key=lambda a: (
                a.status != ArticleStatus.FAILED,
                -a.count(Label.CONTRADICTED) - a.count(Label.DISPUTED),
            )
        )
    table = Table(box=None, pad_edge=False)
    table.add_column("article", overflow="fold")
    table.add_column("status")
    for name in ("claims", *(str(label).lower() for label in Label)):
        table.add_column(name, justify="right")
    for article in articles[:TABLE_ROWS]:
        failed = article.status == ArticleStatus.FAILED
        counts = [] if failed else [article.claims, *map(article.count, Label)]
        table.add_row(
            escape(shown_path(article.name or article.path)), str(article.status), *map(str, counts)
        )
    if len(articles) > TABLE_ROWS:
        table.caption = f"and {len(articles) - TABLE_ROWS} more articles: see summary.csv"
    return table


def _batch_totals(summary: BatchSummary, db: str, out: str) -> str:
    counts = ", ".join(f"{summary.count(s)} {s}" for s in ArticleStatus)
    claims = ", ".join(f"{summary.claims(label)} {str(label).lower()}" for label in Label)
    done = len(summary.articles)
    articles = (
        plural(done, "article")
        if done == summary.found
        else f"{done} of {plural(summary.found, 'article')}"
    )
    return (
        f"{articles}: {counts}; {plural(summary.claims(), 'claim')}: {claims}. "
        f"Run {summary.run_id} in {db}; reports and summary in {out}"
    )
