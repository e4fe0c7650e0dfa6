"""HTML report: one self-contained page an editor reads in a browser.

The page holds its own style and a small script and loads nothing: a
Content-Security-Policy allows no request at all, and the inline style and
script only by their hashes, so markup smuggled in through an article or a
source could not run even if it escaped escaping. The page is rendered from
the Jinja2 templates in `templates/` with autoescaping on: every text from
articles and sources is escaped, and only what is made here (the style, the
script, the JSON-LD, the prose of the article, already escaped) is marked
safe. Links are http(s) URLs, fragments of this page, or relative file links
built here. The style and script are the files in `static/`.

Each claim is a link in the article text, coloured by verdict. Following it
shows the claim's facts, verdicts, what differs and up to three quotes of the
evidence with the matched words marked. Without JavaScript the links still
work (CSS `:target` shows the chosen claim); with it, the choice does not
move the page and `j`/`k` step through the claims.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from markupsafe import Markup, escape

from ..records import ArticleReport, Claim, ClaimVerdict, Decision, Evidence, Label
from ..text import display, plural
from .claimreview import DEFAULT_AUTHOR, claim_reviews
from .sources import (
    LABEL_MEANINGS,
    LABEL_ORDER,
    MAX_QUOTES,
    cited_sources,
    evidence_links,
    file_link,
    is_pdf,
    quote_of,
    web_url,
)

if TYPE_CHECKING:
    import jinja2


def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


# Inline, each starts on the line after its tag; the CSP hashes are of exactly these strings.
STYLE = "\n" + _static("report.css")
SCRIPT = "\n" + _static("report.js")

# A match begins only where a run of blanks begins: a long run is scanned once.
_BLANK_LINES = re.compile(r"(?<![ \t])[ \t]*\n(?:[ \t]*\n)+[ \t]*")
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*")


def _hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


# No request of any kind: fonts, images, frames, fetches, forms all refused;
# the inline style and script are allowed by their hashes only.
CSP = (
    f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _plain(text: str) -> Markup:
    """Article text, escaped, with its line breaks made to read as prose.

    The page shows the text with `white-space: pre-line`: a blank line (a
    paragraph break) stays one, a single line break inside a paragraph
    becomes a space, and the blanks left where Markdown markup was collapse.
    """
    text = _BLANK_LINES.sub("\n\n", text)
    return escape(_LINE_BREAK.sub(" ", text.replace("\n\n", "\x00")).replace("\x00", "\n\n"))


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: text.rfind(" ", 0, width - 1) if " " in text[:width] else width - 1] + "…"


def _name(evidence: Evidence) -> str:
    """What a source is called: its title, else its file name."""
    return evidence.title or Path(evidence.path or evidence.document_id).name


def _json_in_script(data: Iterable[object] | dict[str, object]) -> Markup:
    """JSON for a `<script type="application/ld+json">` block: "</script>" cannot end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@cache
def _environment() -> jinja2.Environment:
    """The templates' environment, made on the first page rendered.

    jinja2 is imported here: only commands that render HTML pay for it.
    """
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        # Every value is escaped unless it is Markup made in this module.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plain"] = _plain
    env.globals.update(
        display=display,
        evidence_links=evidence_links,
        file_link=file_link,
        is_pdf=is_pdf,
        label_meanings=LABEL_MEANINGS,
        label_order=LABEL_ORDER,
        max_quotes=MAX_QUOTES,
        name_of=_name,
        quote_of=quote_of,
        shorten=_shorten,
        web_url=web_url,
        Label=Label,
    )
    return env


def render_html(
    reports: list[ArticleReport],
    *,
    base: str | Path | None = None,
    json_href: str | None = None,
    author: str = DEFAULT_AUTHOR,
    decide: Callable[[ClaimVerdict, Decision | None], Markup] | None = None,
    csp: str | None = None,
    referrer: str = "no-referrer",
    notes: Mapping[str, str] | None = None,
) -> str:
    """All reports as one self-contained HTML page.

    `base` is the folder the page will be written to, so links to source
    files are relative to it (default: the current folder). `json_href` is
    the JSON report's file name relative to the page, linked from its header
    when given. `author` is the organisation named in the ClaimReview
    JSON-LD embedded in the page. `decide` (claimcheck serve) gives the
    markup of the decision form shown under each claim, and `csp` the
    policy the page then needs (forms posted to the server itself), and
    `referrer` its referrer policy (the server checks its own origin).
    `notes` are the documents' provenance notes by document id: each is
    shown with its source, whose web links then get no text fragment
    (`evidence_links`).
    """
    ids = _Ids()
    articles = _distinct_titles(
        [_Article.of(report, index, ids) for index, report in enumerate(reports)]
    )
    reviews = [review for report in reports for review in claim_reviews(report, author=author)]
    return (
        _environment()
        .get_template("report.html")
        .render(
            articles=articles,
            heading=articles[0].title if len(articles) == 1 else plural(len(articles), "article"),
            sources=cited_sources(reports),
            notes=notes or {},
            base=base,
            json_href=quote(json_href.replace("\\", "/"), safe="/") if json_href else None,
            csp=csp or CSP,
            decide=decide,
            referrer=referrer,
            style=Markup(STYLE),
            script=Markup(SCRIPT),
            reviews=_json_in_script(reviews),
        )
    )


def _distinct_titles(articles: list[_Article]) -> list[_Article]:
    """Articles whose titles are another's too, told apart by their file names (or paths)."""
    titles = Counter(a.title for a in articles)
    names = Counter(Path(a.report.path).name for a in articles)
    return [
        a
        if titles[a.title] == 1
        else replace(a, title=f"{a.title} ({_file_name(a.report.path, names)})")
        for a in articles
    ]


def _file_name(path: str, names: Counter[str]) -> str:
    name = Path(path).name
    return name if names[name] == 1 else path


class _Ids:
    """HTML ids for claims: `claim-<claim id>`, as ClaimReview URLs name them, made unique."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, claim: Claim) -> str:
        base = f"claim-{re.sub(r'[^0-9A-Za-z_-]', '', claim.id) or 'x'}"
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name


@dataclass(frozen=True)
class _Piece:
    """A run of the article's prose: plain text, a claim's link, or a sentence not checked.

    `text` is the run's text as it stands in the article (escaped by the
    template); a claim's `parts` are its text cut where its doubtful facts
    are, each with the fact's label (None between facts).
    """

    kind: str  # "text", "claim" or "skip"
    text: str = ""
    verdict: ClaimVerdict | None = None
    detail_id: str = ""
    parts: list[tuple[str, Label | None]] = field(default_factory=list)
    title: str = ""


@dataclass(frozen=True)
class _Article:
    """One report with what its template needs computed: ids, prose runs, the problems."""

    report: ArticleReport
    index: int
    title: str
    details: list[tuple[ClaimVerdict, str]]  # each claim with its detail's id
    prose: list[_Piece]
    bare: bool  # no article text: the prose is the claims alone, one a paragraph
    problems: list[tuple[ClaimVerdict, str, str | None]]  # with the first note on a doubt
    run: list[tuple[str, str]]

    @classmethod
    def of(cls, report: ArticleReport, index: int, ids: _Ids) -> _Article:
        details = [(verdict, ids.claim(verdict.claim)) for verdict in report.claims]
        return cls(
            report=report,
            index=index,
            title=report.title or Path(report.path).name,
            details=details,
            prose=_prose(report, details),
            bare=not report.text.strip(),
            # Problems first, in the order of LABEL_ORDER; supported claims are no problem.
            problems=[
                (verdict, detail_id, _first_note(verdict))
                for label in LABEL_ORDER[:-1]
                for verdict, detail_id in details
                if verdict.label == label
            ],
            run=_run(report),
        )


def _first_note(verdict: ClaimVerdict) -> str | None:
    notes = [f.note for f in verdict.facts if f.note and f.label != Label.SUPPORTED]
    return notes[0] if notes else None


def _run(report: ArticleReport) -> list[tuple[str, str]]:
    rows = [
        (
            "checked",
            report.checked_at.replace("T", " ").replace("Z", " UTC") if report.checked_at else None,
        ),
        ("took", f"{report.seconds:.1f} s" if report.seconds is not None else None),
        ("claimcheck", report.version),
        ("model", report.model),
        ("evidence store", report.store),
    ]
    return [(name, value) for name, value in rows if value]


def _prose(report: ArticleReport, details: list[tuple[ClaimVerdict, str]]) -> list[_Piece]:
    """The article text in runs: each claim a link to its details, skipped sentences dimmed."""
    text = report.text
    if not text.strip():  # a report made without its text: the claims alone
        return [
            _claim(verdict, detail_id, verdict.claim.text, verdict.claim.start)
            for verdict, detail_id in details
        ]
    spans: list[tuple[int, int, _Piece]] = []
    for verdict, detail_id in details:
        claim = verdict.claim
        segment = text[claim.start : claim.end]
        spans.append((claim.start, claim.end, _claim(verdict, detail_id, segment, claim.start)))
    for claim in report.not_checkworthy:
        title = f"not checked: {claim.reason or 'not check-worthy'}"
        piece = _Piece("skip", text=text[claim.start : claim.end], title=title)
        spans.append((claim.start, claim.end, piece))
    spans.sort(key=lambda span: span[0])
    out, position = [], len(text) - len(text.lstrip())
    for start, end, piece in spans:
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or out of range: a bad offset must not garble the text
        out.append(_Piece("text", text=text[position:start]))
        out.append(piece)
        position = end
    out.append(_Piece("text", text=text[position:]))
    return out


def _claim(verdict: ClaimVerdict, detail_id: str, segment: str, origin: int) -> _Piece:
    """A claim's link, its text cut where its doubtful facts are.

    `segment` is the claim's text as it stands in the article, and `origin`
    the article offset of its first character, to place the facts.
    """
    marks = sorted(
        (fact.fact.start - origin, fact.fact.end - origin, fact.label)
        for fact in verdict.facts
        if fact.label in (Label.CONTRADICTED, Label.DISPUTED)
    )
    parts: list[tuple[str, Label | None]] = []
    position = 0
    for start, end, label in marks:
        if start < position or end > len(segment) or start >= end:
            continue
        parts.append((segment[position:start], None))
        parts.append((segment[start:end], label))
        position = end
    parts.append((segment[position:], None))
    return _Piece("claim", verdict=verdict, detail_id=detail_id, parts=parts)
