"""`claimcheck gate`: fail drafts whose claims the evidence contradicts (CI, pre-commit)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape

from ..config import Settings
from ..errors import ClaimcheckError
from ..gate import accept_all, gate, unchanged_since
from ..gate import write_baseline as write_baseline_file
from ..records import FailLevel, GateResult
from ..report import GATE_RENDERERS, render, render_github_summary
from .common import (
    ToolError,
    adds_sources,
    common_options,
    fetch_options,
    open_store,
    prepare_evidence,
    stderr,
    write_text,
)

if TYPE_CHECKING:
    from ..extract.url import FetchOptions


@click.command(name="gate")
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
@fetch_options
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
    fetch: FetchOptions | None,
) -> None:
    """Fail drafts whose claims the evidence store contradicts: a gate for CI and pre-commit.

    PATHS are drafts (Markdown or text) or folders of them (.md, .markdown,
    .txt, searched recursively). Exit code 0 when no claim fails, 1 when a
    claim at or above the fail level does, 2 for a usage or tool error (a
    draft that cannot be read, an empty store, an unknown git revision).
    Findings below the level are shown as warnings. Editors' decisions
    (claimcheck serve, claimcheck decisions) are honoured where they hold: a
    false alarm does not fail, a confirmed error always does, a claim that
    needs a source warns; `decisions` in the config file names a decisions
    file (claimcheck decisions export) honoured beside the store's.

    Example:

        claimcheck gate drafts/ --format github --format sarif:claimcheck.sarif
    """
    outputs = _parse_formats(formats)
    settings = settings.with_overrides(
        fail_level=level, score_cutoff=score_cutoff, baseline=baseline
    )
    err = stderr()
    if write_baseline:  # every finding is written as accepted, none read as such
        settings = replace(settings, baseline=None)
    result = _unchanged(paths, changed_since, settings) if changed_since else None
    if result is None:
        result = _gate(paths, changed_since, settings, source_paths, sources, fetch, err)
    if write_baseline:
        try:
            written = write_baseline_file(result, write_baseline)
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
        result = accept_all(result, write_baseline)
        err.print(f"wrote {written} accepted findings to {escape(write_baseline)}")
    _emit(result, outputs, err)
    sys.exit(result.exit_code)


def _unchanged(paths: tuple[str, ...], changed_since: str, settings: Settings) -> GateResult | None:
    """The result when no draft changed since `changed_since`: nothing to check, so
    neither the store nor spaCy is opened (pre-commit hooks run this on every commit)."""
    try:
        return unchanged_since(
            paths,
            changed_since,
            level=settings.fail_level,
            score_cutoff=settings.score_cutoff,
            baseline=settings.baseline,
        )
    except ClaimcheckError as e:
        raise ToolError(str(e)) from e


def _gate(
    paths: tuple[str, ...],
    changed_since: str | None,
    settings: Settings,
    source_paths: tuple[str, ...],
    sources: tuple[str, ...],
    fetch: FetchOptions | None,
    err: Console,
) -> GateResult:
    """The drafts verified against the store (its sources ingested first) and gated."""
    from .. import nlp as nlp_
    from ..decisions import read_decisions

    with open_store(settings, create=adds_sources(settings, source_paths, fetch)) as store:
        try:
            nlp = nlp_.load(settings.spacy_model)
            document_ids = prepare_evidence(
                store, nlp, settings, source_paths, sources, err, drafts=paths, fetch=fetch
            )
            result = gate(
                paths,
                store=store,
                nlp=nlp,
                level=settings.fail_level,
                score_cutoff=settings.score_cutoff,
                ignore=settings.ignore,
                baseline=settings.baseline,
                changed_since=changed_since,
                document_ids=document_ids,
                decisions=read_decisions(settings.decisions) if settings.decisions else (),
            )
        except ToolError:
            raise
        except ClaimcheckError as e:
            raise ToolError(str(e)) from e
    return result


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


def _emit(result: GateResult, outputs: list[tuple[str, str | None]], err: Console) -> None:
    """Each format to its file or standard output; under GitHub Actions, the step summary too.

    The drafts that could not be read are named on standard error unless
    the text report on standard output lists them itself.
    """
    if ("text", None) not in outputs:
        for error in result.errors:
            err.print(f"[red]failed[/red] {escape(error.path)}: {escape(error.message)}")
    for fmt, target in outputs:
        rendered = render(fmt, result)
        if target is None:
            click.echo(rendered)
        else:
            write_text(Path(target), rendered)
        if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
            summary = render_github_summary(result)
            write_text(Path(os.environ["GITHUB_STEP_SUMMARY"]), summary, append=True)
