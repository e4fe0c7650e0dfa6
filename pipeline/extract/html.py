"""HTML sources: the main text without navigation, scripts or boilerplate, and page metadata.

trafilatura finds the main text and the standard metadata (title, site name,
date, canonical URL). Meta tags named `claimcheck:kind` and `claimcheck:note`
(and `claimcheck:publisher`, `claimcheck:published`, `claimcheck:url`,
`claimcheck:title`) let a page carry what no standard tag says.
"""

from __future__ import annotations

import copy
import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from ..errors import ExtractionError
from ..records import Metadata
from .metadata import metadata_from_mapping, normalise_date

# trafilatura logs its own parse troubles; they reach the user as our error instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Characters XML cannot hold: lxml refuses a text that contains any of them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BOILERPLATE = "//script|//style|//noscript|//nav|//header|//footer|//aside|//form|//template"
# Never text, whatever the page: code, style, and markup not shown until a script uses it.
_NOT_TEXT = "//script|//style|//template|//comment()|//processing-instruction()"
# libxml2 stops reading a page at this depth of nested elements.
MAX_DEPTH = 256


def extract_html(text: str, *, path: str) -> tuple[str, Metadata]:
    """Main text (paragraphs separated by blank lines) and metadata of an HTML page.

    Scripts, styles, templates and comments are removed before anything reads
    the page, so none of their text can reach the store. A page nested deeper
    than libxml2 reads (MAX_DEPTH elements) is refused: everything after the
    deep part would be silently lost.
    """
    text = _NOT_XML.sub("", text)
    parser = lxml.html.HTMLParser()
    try:
        # A whole document, whatever the page holds: a bare fragment (an <svg>, a
        # <p>) gets its <html> and <body>, so that no element the parsers drop is the root.
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(path, f"not a readable HTML page: {e}") from e
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise ExtractionError(
            path,
            f"HTML elements nested more than {MAX_DEPTH} deep: the page cannot be read whole",
        )
    # Metadata may come from JSON-LD in a script element: it is read from the
    # page as it is, the text from a copy without scripts.
    clean = copy.deepcopy(tree)
    for element in clean.xpath(_NOT_TEXT):
        if element.getparent() is not None:
            element.drop_tree()
    try:
        body = trafilatura.extract(
            clean,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # its heuristics fail on some hostile pages: ours below still read them
        body = None
    if not body or len(body.split()) < 20:
        # trafilatura declines very short pages; the page text without its
        # boilerplate elements is then the best there is.
        body = _fallback_text(clean)
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    main = "\n\n".join(p for p in paragraphs if p)
    if not main:
        raise ExtractionError(path, "HTML page with no text")
    return main, _metadata(text, tree, path=path)


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    for element in tree.xpath(_BOILERPLATE):
        element.drop_tree()
    blocks = tree.xpath("//h1|//h2|//h3|//h4|//p|//li|//td|//blockquote|//pre")
    if blocks:
        return "\n".join(b.text_content() for b in blocks)
    return tree.text_content()


def _metadata(text: str, tree: lxml.html.HtmlElement, *, path: str) -> Metadata:
    try:
        found = trafilatura.extract_metadata(tree)
    except Exception:  # htmldate and trafilatura fail on some hostile pages: meta tags still count
        found = None
    standard = Metadata(
        title=getattr(found, "title", None),
        publisher=getattr(found, "sitename", None),
        url=getattr(found, "url", None),
        published=normalise_date(getattr(found, "date", None)),
    )
    own: dict[str, str] = {}
    for meta in tree.xpath("//meta[@name or @property]"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = meta.get("content")
        if content is None:
            continue
        if name.startswith("claimcheck:"):
            own[name.removeprefix("claimcheck:")] = content
        elif name == "article:published_time" and "published" not in own:
            own["published"] = content
        elif name == "og:site_name" and "publisher" not in own:
            own["publisher"] = content
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical and "url" not in own:
        own["url"] = str(canonical[0])
    return standard.merged(metadata_from_mapping(own, origin=path))
