"""Plain text and Markdown sources: front matter, Markdown to plain text (see also decoding)."""

from __future__ import annotations

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..decoding import decode as decode  # re-exported: where readers have found it
from ..errors import ExtractionError
from ..records import Metadata
from .metadata import metadata_from_mapping, yaml_problem

_MD = MarkdownIt("commonmark")


def split_front_matter(text: str, *, path: str) -> tuple[Metadata, str]:
    """Metadata from a YAML front matter block, and the text after it."""
    if not text.startswith("---"):
        return Metadata(), text
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as e:
        raise ExtractionError(path, f"invalid front matter: {yaml_problem(e)}") from e
    except Exception as e:  # python-frontmatter's own checks raise other kinds
        raise ExtractionError(path, f"invalid front matter: {e}") from e
    return metadata_from_mapping(post.metadata, origin=path), post.content


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text of a Markdown document, one block a paragraph, and its first heading.

    Links keep their text, images their alt text; emphasis and heading marks go.
    """
    blocks: list[str] = []
    title: str | None = None
    in_heading = False
    for token in _MD.parse(markdown):
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            text = _inline_text(token)
            if text.strip():
                blocks.append(text.strip())
                if in_heading and title is None:
                    title = text.strip()
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(token.content.strip())
    return "\n\n".join(blocks), title


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" " if child.type == "softbreak" else "\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
