"""Reports: one renderer per format. Renderers return text; they never print."""

from .claimreview import claim_reviews, render_claimreview
from .html import render_html
from .json import render_json, report_schema, report_to_dict
from .markdown import render_markdown
from .text import render_text

RENDERERS = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
    "markdown": render_markdown,
    "claimreview": render_claimreview,
}

__all__ = [
    "RENDERERS",
    "claim_reviews",
    "render_claimreview",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
    "report_schema",
    "report_to_dict",
]
