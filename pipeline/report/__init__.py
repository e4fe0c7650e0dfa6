"""Reports: one renderer per format. Renderers return text; they never print.

`render(fmt, reports, options)` is the one entry every command uses: given
the ArticleReports of `claimcheck verify` or `batch` it picks from RENDERERS,
given the GateResult of `claimcheck gate` from GATE_RENDERERS, and it hands
each renderer the options it takes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..records import ArticleReport, GateResult
from .claimreview import DEFAULT_AUTHOR, claim_reviews, render_claimreview
from .findings import render_gate_json, render_gate_text
from .github import render_github, render_github_summary
from .gitlab import render_gitlab
from .html import render_html
from .json import render_json, report_schema, report_to_dict
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .text import render_text

RENDERERS = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
    "markdown": render_markdown,
    "claimreview": render_claimreview,
}
GATE_RENDERERS = {
    "text": render_gate_text,
    "json": render_gate_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
    "gitlab": render_gitlab,
}

# The file name extension of each format's reports, where it is not ".<format>".
EXTENSIONS = {"text": ".txt", "markdown": ".md", "junit": ".xml"}


def extension(fmt: str) -> str:
    """The extension of a report file in format `fmt`: ".txt", ".json", ".html"."""
    return EXTENSIONS.get(fmt, f".{fmt}")


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How reports are rendered, the same for every command; each format takes what it uses.

    `verbose` (text) shows all evidence, also for supported facts. `author`
    (claimreview, html) is the organisation publishing the fact checks.
    `base` (html) is the folder the page is written to, so that links to
    source files are relative to it (None: the current folder); `json_href`
    (html) is the JSON report's name relative to the page, linked from it.
    `notes` (html) are the provenance notes of the store's documents, by
    document id (`cli.common.source_notes`): shown with the sources cited, and a
    source with a note gets no text fragment in its web link (see
    `report.sources.evidence_links`).
    """

    verbose: bool = False
    author: str = DEFAULT_AUTHOR
    base: str | Path | None = None
    json_href: str | None = None
    notes: Mapping[str, str] = field(default_factory=dict)


def render(
    fmt: str,
    reports: Sequence[ArticleReport] | GateResult,
    options: RenderOptions = RenderOptions(),
) -> str:
    """Reports as text in format `fmt`, each format given the options it takes.

    ArticleReports (verify, batch) render in a RENDERERS format, a GateResult
    in a GATE_RENDERERS one; ValueError for a format not known for what is given.
    """
    if isinstance(reports, GateResult):
        if fmt not in GATE_RENDERERS:
            raise ValueError(f"not a gate report format: {fmt!r}")
        return GATE_RENDERERS[fmt](reports)
    given = list(reports)
    if fmt == "text":
        return render_text(given, verbose=options.verbose)
    if fmt == "claimreview":
        return render_claimreview(given, author=options.author)
    if fmt == "html":
        return render_html(
            given,
            base=options.base,
            json_href=options.json_href,
            author=options.author,
            notes=options.notes,
        )
    if fmt not in RENDERERS:
        raise ValueError(f"not a report format: {fmt!r}")
    return RENDERERS[fmt](given)


__all__ = [
    "EXTENSIONS",
    "GATE_RENDERERS",
    "RENDERERS",
    "RenderOptions",
    "claim_reviews",
    "extension",
    "render",
    "render_claimreview",
    "render_gate_json",
    "render_gate_text",
    "render_github",
    "render_github_summary",
    "render_gitlab",
    "render_html",
    "render_json",
    "render_junit",
    "render_markdown",
    "render_sarif",
    "render_text",
    "report_schema",
    "report_to_dict",
]
