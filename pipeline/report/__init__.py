"""Reports: one renderer per format. Renderers return text; they never print."""

from .json import render_json, report_to_dict
from .text import render_text

RENDERERS = {"text": render_text, "json": render_json}

__all__ = ["RENDERERS", "render_json", "render_text", "report_to_dict"]
