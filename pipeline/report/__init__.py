"""Reports: one renderer per format. Renderers return text; they never print."""

from .json import render_json, report_to_dict
from .text import render_text

RENDERERS = {"text": render_text, "json": render_json}

# The file name extension of each format's reports, where it is not ".<format>".
EXTENSIONS = {"text": ".txt", "markdown": ".md", "junit": ".xml"}


def extension(fmt: str) -> str:
    """The extension of a report file in format `fmt`: ".txt", ".json", ".html"."""
    return EXTENSIONS.get(fmt, f".{fmt}")


__all__ = ["EXTENSIONS", "RENDERERS", "extension", "render_json", "render_text", "report_to_dict"]
