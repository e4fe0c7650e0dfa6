"""Reports: one renderer per format. Renderers return text; they never print.

RENDERERS take the ArticleReports of `claimcheck verify`; GATE_RENDERERS take
the GateResult of `claimcheck gate`.
"""

from .claimreview import claim_reviews, render_claimreview
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


__all__ = [
    "EXTENSIONS",
    "GATE_RENDERERS",
    "RENDERERS",
    "claim_reviews",
    "extension",
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
