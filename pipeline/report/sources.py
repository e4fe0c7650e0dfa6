"""What every report format says about evidence: quotes, links, the sources cited.

Source text and metadata are untrusted input (a page scraped from the web, a
sidecar file anyone could write). Nothing here escapes for a format; it only
decides what may become a link: `web_url` lets through http(s) URLs alone, and
file links are built here from the stored path, never taken as given.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from ..records import ArticleReport, Evidence, Label

# What each verdict means, in words for people (and ClaimReview's alternateName).
LABEL_MEANINGS = {
    Label.SUPPORTED: "Supported by the sources",
    Label.CONTRADICTED: "Contradicted by the sources",
    Label.DISPUTED: "Disputed: the sources disagree",
    Label.UNVERIFIED: "Unverified: nothing in the sources backs it",
}
# Problems first: the order an editor wants to read them in.
LABEL_ORDER = (Label.CONTRADICTED, Label.DISPUTED, Label.UNVERIFIED, Label.SUPPORTED)
MAX_QUOTES = 3

# Left as they are: unreserved and reserved characters of RFC 3986, and "%" of
# an encoding already made. Quotes and parentheses are encoded too, so a URL
# can stand in an HTML attribute or a Markdown link destination.
_UNSAFE_IN_URL = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]")
_UNSAFE_IN_HOST = re.compile(r"[^A-Za-z0-9\-._~:@\[\]%]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) URL with a host, made safe to print in a link; else None.

    Characters that may not stand in a URL (spaces, quotes, angle brackets,
    parentheses, non-ASCII) are percent-encoded, so the result can go into an
    HTML attribute or a Markdown link as it is. A `javascript:`, `data:` or
    any other scheme gives None.
    """
    if not url:
        return None
    url = url.strip()
    if _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None

    if _UNSAFE_IN_HOST.search(parts.netloc):
        return None

    def encode(part: str) -> str:
        return _UNSAFE_IN_URL.sub(lambda m: quote(m.group(0), safe=""), part)

    return urlunsplit(
        (
            parts.scheme.lower(),
            parts.netloc,
            encode(parts.path),
            encode(parts.query),
            encode(parts.fragment),
        )
    )


def file_link(path: str, *, base: str | Path | None = None) -> str:
    """A link to a local file, relative to the folder `base` (default: the current one).

    Every character that could start a scheme or leave the attribute (":" in
    "javascript:x.pdf" among them) is percent-encoded, so the link is always
    a relative path.
    """
    folder = Path(base) if base is not None else Path.cwd()
    try:
        relative = os.path.relpath(Path(path).absolute(), folder.absolute())
    except ValueError:  # another drive on Windows: no relative path exists
        return Path(path).absolute().as_uri()
    return quote(relative.replace(os.sep, "/"), safe="/")


def text_fragment(text: str) -> str:
    """A URL text fragment (`#:~:text=...`) that makes a browser find and mark `text`.

    A long passage is given by its first and last words (`start,end`), as
    the text-fragment syntax allows; "-", "," and "&" are syntax there and
    are percent-encoded with everything else.
    """
    words = text.split()
    if not words:
        return ""

    def encode(part: str) -> str:
        return quote(part, safe="").replace("-", "%2D")

    if len(words) <= 8:
        return "#:~:text=" + encode(" ".join(words))
    return "#:~:text=" + encode(" ".join(words[:4])) + "," + encode(" ".join(words[-4:]))


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    href: str


def is_pdf(evidence: Evidence) -> bool:
    return (evidence.path or "").lower().endswith(".pdf")


def evidence_links(
    evidence: Evidence, *, base: str | Path | None = None, note: str | None = None
) -> list[Link]:
    """Where to read the passage: the PDF at its page, the web page at the passage.

    A PDF in the store gets a relative link with `#page=N`; a web source a
    link with a text fragment of the passage (a PDF's web address is given
    as it is, since the fragment would not find text in a PDF viewer); a
    local file with no web address a relative link.

    The text fragment is added only where the stored text is the page's own
    text. A source with a provenance `note` (the `note` of its metadata: "a
    summary written for this corpus", "a translation", "an excerpt") holds
    other words than its page, which a browser would not find there: its web
    link is the page itself, and the report shows the note beside it.
    """
    links = []
    url = web_url(evidence.url)
    if is_pdf(evidence) and evidence.path:
        links.append(
            Link(
                f"PDF, page {evidence.page}",
                f"{file_link(evidence.path, base=base)}#page={evidence.page}",
            )
        )
    if url is not None:
        if urlsplit(url).path.lower().endswith(".pdf"):
            links.append(
                Link(
                    f"PDF online, page {evidence.page}", f"{url.split('#')[0]}#page={evidence.page}"
                )
            )
        elif is_pdf(evidence):
            links.append(Link("publisher's page", url))
        else:
            fragment = "" if note else text_fragment(evidence.text)
            links.append(Link("web page", url.split("#")[0] + fragment))
    if not links and evidence.path:
        links.append(Link("file", file_link(evidence.path, base=base)))
    return links


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage cut for display: the matched span apart from the words around it."""

    before: str
    match: str
    after: str
    cut_start: bool  # words were left out before `before`
    cut_end: bool  # words were left out after `after`


def quote_of(evidence: Evidence, *, max_chars: int = 420) -> Quote:
    """The passage with its matched span (`match_start`/`match_end`) apart, cut to `max_chars`.

    The match offsets are offsets in the document; a match outside the
    passage (or none) leaves the whole passage unmarked (an empty `match`).
    A long passage is cut at spaces, keeping the match and the words around it.
    """
    text = evidence.text
    start = end = 0
    if evidence.match_start is not None and evidence.match_end is not None:
        start = evidence.match_start - evidence.start
        end = evidence.match_end - evidence.start
        if not 0 <= start < end <= len(text):
            start = end = 0
    left, right = 0, len(text)
    if len(text) > max_chars:
        room = max(max_chars - (end - start), 0)
        right = min(len(text), max(end, start - room // 2 + max_chars))
        left = max(0, min(start - room // 2, right - max_chars))
        if left > 0:
            space = text.find(" ", left)
            left = start if space == -1 else min(space + 1, start)
        if right < len(text):
            space = text.rfind(" ", 0, right)
            right = end if space == -1 else max(space, end)
    return Quote(
        before=text[left:start],
        match=text[start:end],
        after=text[end:right],
        cut_start=left > 0,
        cut_end=right < len(text),
    )


@dataclass(frozen=True, slots=True)
class Source:
    """A document cited by a report, numbered in order of first citation."""

    number: int
    evidence: Evidence  # the first evidence that cites it: its provenance fields


def cited_sources(reports: Iterable[ArticleReport]) -> dict[str, Source]:
    """The documents behind the quotes the reports show, by document id, numbered from 1."""
    sources: dict[str, Source] = {}
    for report in reports:
        for claim in report.claims:
            for fact in claim.facts:
                for evidence in fact.evidence[:MAX_QUOTES]:
                    if evidence.document_id not in sources:
                        sources[evidence.document_id] = Source(len(sources) + 1, evidence)
    return sources
