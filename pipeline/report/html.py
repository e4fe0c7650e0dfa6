"""HTML report: one self-contained page an editor reads in a browser.

The page holds its own style and a small script and loads nothing: a
Content-Security-Policy allows no request at all, and the inline style and
script only by their hashes, so markup smuggled in through an article or a
source could not run even if it escaped escaping. All text from articles and
sources goes through `html.escape`; links are http(s) URLs, fragments of this
page, or relative file links built here.

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
from collections.abc import Iterable
from html import escape
from pathlib import Path
from urllib.parse import quote

from ..claims import display
from ..records import ArticleReport, Claim, ClaimVerdict, Evidence, FactVerdict, Label
from .claimreview import DEFAULT_AUTHOR, claim_reviews
from .sources import (
    LABEL_MEANINGS,
    LABEL_ORDER,
    MAX_QUOTES,
    Source,
    cited_sources,
    evidence_links,
    file_link,
    is_pdf,
    quote_of,
    web_url,
)

STYLE = """
:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
  --supported: #1a7f37; --supported-bg: #e6f7ea;
  --contradicted: #cf222e; --contradicted-bg: #ffebe9;
  --disputed: #9a6700; --disputed-bg: #fff8c5;
  --unverified: #59636e; --unverified-bg: #eaeef2;
  --focus: #0969da;
}
* { box-sizing: border-box; }
html { color: var(--ink); background: var(--wash); }
body {
  margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
}
a { color: var(--focus); }
a:focus-visible, .detail:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.page-head {
  display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline;
  padding: .75rem 1.5rem; background: var(--ink); color: #fff;
}
.page-head strong { font-size: 1.1rem; letter-spacing: .02em; }
.page-head a { color: #fff; }
.page-head nav { display: flex; gap: 1rem; flex-wrap: wrap; }
.report { max-width: 84rem; margin: 1.5rem auto 2.5rem; padding: 0 1.5rem; }
.article-head h1 { font: 700 1.75rem/1.25 Georgia, "DejaVu Serif", serif; margin: 0 0 .25rem; }
.article-head .path { color: var(--muted); margin: 0 0 .75rem; overflow-wrap: anywhere; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 0 0 .75rem; }
.counts li {
  border: 1px solid var(--line); border-left: 4px solid; background: var(--paper);
  border-radius: 6px; padding: .25rem .75rem;
}
.counts b { font-size: 1.15rem; margin-right: .25rem; }
.counts .v-supported { border-left-color: var(--supported); }
.counts .v-contradicted { border-left-color: var(--contradicted); }
.counts .v-disputed { border-left-color: var(--disputed); }
.counts .v-unverified { border-left-color: var(--unverified); }
.run { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; margin: 0; color: var(--muted); font-size: .875rem; }
.run div { display: flex; gap: .35rem; }
.run dt::after { content: ":"; }
.run dd { margin: 0; color: var(--ink); font-variant-numeric: tabular-nums; }
.columns {
  display: grid; grid-template-columns: minmax(0, 40rem) minmax(0, 1fr);
  gap: 1.5rem; align-items: start; margin-top: 1.25rem;
}
.text, .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
.text { padding: 1.5rem 2rem; }
.prose {
  font: 1.125rem/1.75 Georgia, "DejaVu Serif", serif; white-space: pre-line;
  overflow-wrap: break-word; margin: 0;
}
.claim {
  color: inherit; text-decoration: none; border-radius: 3px; padding: .1em 0;
  border-bottom: 2px solid; box-decoration-break: clone; -webkit-box-decoration-break: clone;
}
.claim:hover { filter: brightness(.95); }
.claim.v-supported { background: var(--supported-bg); border-color: var(--supported); }
.claim.v-contradicted { background: var(--contradicted-bg); border-color: var(--contradicted); }
.claim.v-disputed { background: var(--disputed-bg); border-color: var(--disputed); }
.claim.v-unverified { background: var(--unverified-bg); border-bottom-style: dashed; border-color: var(--unverified); }
.claim::after {
  font: 700 .7em/1 system-ui, "DejaVu Sans", sans-serif; vertical-align: super; margin-left: .15em;
}
.claim.v-contradicted::after { content: "\\2717"; color: var(--contradicted); }
.claim.v-disputed::after { content: "\\2260"; color: var(--disputed); }
.claim.v-unverified::after { content: "?"; color: var(--unverified); }
.claim[aria-current="true"], html:not(.js) .claim:target { outline: 3px solid var(--focus); outline-offset: 1px; }
.fact-mark { text-decoration: underline wavy var(--contradicted); text-underline-offset: .2em; }
.fact-mark.v-disputed { text-decoration-color: var(--disputed); }
.skip { color: var(--muted); }
.panel {
  position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; padding: 1.25rem 1.5rem;
}
.panel h2 { font-size: 1rem; margin: 0 0 .5rem; }
.hint p { color: var(--muted); margin-top: 0; }
.hint ol { padding-left: 1.25rem; }
.hint li { margin: .5rem 0; }
.hint-note { display: block; color: var(--muted); font-size: .875rem; font-variant-numeric: tabular-nums; }
kbd { font: .8rem/1 ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: .1rem .3rem; background: var(--wash); }
.detail { display: none; scroll-margin-top: 1rem; }
html:not(.js) .detail:target, .detail.selected { display: block; }
html:not(.js) .panel:has(.detail:target) .hint, .panel.has-selection .hint { display: none; }
.badge {
  display: inline-block; font: 700 .75rem/1.6 system-ui, "DejaVu Sans", sans-serif;
  letter-spacing: .04em; color: #fff; border-radius: 4px; padding: 0 .45rem; white-space: nowrap;
}
.badge.v-supported { background: var(--supported); }
.badge.v-contradicted { background: var(--contradicted); }
.badge.v-disputed { background: var(--disputed); }
.badge.v-unverified { background: var(--unverified); }
.where { color: var(--muted); font-size: .875rem; margin: 0 0 .5rem; }
.claim-text { font: 400 1.1rem/1.5 Georgia, "DejaVu Serif", serif; margin: .25rem 0 1rem; }
.facts { list-style: none; padding: 0; margin: 0; }
.facts > li { border-top: 1px solid var(--line); padding: .75rem 0; }
.fact-head { margin: 0; }
.kind { color: var(--muted); font-size: .875rem; margin: 0 .25rem; }
.note {
  margin: .5rem 0 0; padding: .35rem .6rem; border-radius: 4px; background: var(--wash);
  font-weight: 600; font-variant-numeric: tabular-nums;
}
.note.v-contradicted { background: var(--contradicted-bg); }
.note.v-disputed { background: var(--disputed-bg); }
.note.v-unverified { background: var(--unverified-bg); font-weight: 400; }
.ev-note { font-size: .875rem; color: var(--muted); font-style: italic; margin: .1rem 0 0; }
.evidence { list-style: none; padding: 0; margin: .5rem 0 0; }
.evidence li { margin: .6rem 0 0; }
blockquote {
  margin: 0; padding: .35rem .75rem; border-left: 3px solid var(--line); background: var(--wash);
  font: 1rem/1.6 Georgia, "DejaVu Serif", serif;
}
mark { background: #fff1a8; color: inherit; padding: 0 .1em; border-radius: 2px; font-weight: 700; }
.disagrees mark { background: var(--contradicted-bg); box-shadow: inset 0 -2px var(--contradicted); }
.cite { font-size: .875rem; color: var(--muted); margin: .25rem 0 0; }
.cite cite { color: var(--ink); font-style: normal; font-weight: 600; }
.cite a { margin-right: .5rem; }
.more summary { cursor: pointer; color: var(--muted); font-size: .875rem; margin-top: .4rem; }
.none { color: var(--muted); font-style: italic; margin: .5rem 0 0; }
.back { font-size: .875rem; margin: .75rem 0 0; }
.skipped { margin-top: 1rem; color: var(--muted); }
.skipped summary { cursor: pointer; }
.sources { max-width: 84rem; margin: 0 auto 3rem; padding: 0 1.5rem; }
.sources h2 { font-size: 1.25rem; }
.sources ol { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1rem 1rem 3rem; }
.sources li { margin: .4rem 0; }
.sources li:target { background: #fff8c5; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 60rem) {
  .columns { grid-template-columns: minmax(0, 1fr); }
  .panel { position: static; max-height: none; }
  .text { padding: 1rem 1.25rem; }
}
@media print {
  html, body { background: #fff; }
  .page-head nav, .back, .hint { display: none; }
  .columns { display: block; }
  .panel { position: static; max-height: none; overflow: visible; border: 0; }
  .detail { display: block !important; break-inside: avoid; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function detailOf(id) {
    var node = id ? document.getElementById(id) : null;
    return node && node.classList.contains("detail") ? node : null;
  }
  function clear() {
    document.querySelectorAll(".detail.selected").forEach(function (node) {
      node.classList.remove("selected");
    });
    document.querySelectorAll(".panel.has-selection").forEach(function (node) {
      node.classList.remove("has-selection");
    });
    document.querySelectorAll(".claim[aria-current]").forEach(function (node) {
      node.removeAttribute("aria-current");
      node.setAttribute("aria-expanded", "false");
    });
  }
  function select(id, focus) {
    var detail = detailOf(id);
    if (!detail) { return false; }
    clear();
    detail.classList.add("selected");
    detail.closest(".panel").classList.add("has-selection");
    var link = document.querySelector('.claim[aria-controls="' + id + '"]');
    if (link) {
      link.setAttribute("aria-current", "true");
      link.setAttribute("aria-expanded", "true");
    }
    history.replaceState(null, "", "#" + id);
    var panel = detail.closest(".panel");
    panel.scrollTop = 0;
    // Beside the text the panel stays in view; below it (narrow screens), bring it up.
    if (getComputedStyle(panel).position !== "sticky" && detail.getBoundingClientRect().top < 0
        || detail.getBoundingClientRect().top > window.innerHeight) {
      detail.scrollIntoView({ block: "start" });
    }
    if (focus) { detail.focus({ preventScroll: true }); }
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link && select(link.getAttribute("href").slice(1), event.detail === 0)) {
      event.preventDefault();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "Escape") { clear(); history.replaceState(null, "", location.pathname); return; }
    if (event.key !== "j" && event.key !== "k") { return; }
    var claims = Array.prototype.slice.call(document.querySelectorAll(".claim"));
    if (!claims.length) { return; }
    var current = claims.indexOf(document.querySelector('.claim[aria-current="true"]'));
    var next = event.key === "j" ? current + 1 : current - 1;
    next = (next + claims.length) % claims.length;
    select(claims[next].getAttribute("aria-controls"), false);
    claims[next].scrollIntoView({ block: "nearest" });
    claims[next].focus({ preventScroll: true });
  });
  select(location.hash.slice(1), false);
})();
"""

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


def render_html(
    reports: list[ArticleReport],
    *,
    base: str | Path | None = None,
    json_href: str | None = None,
    author: str = DEFAULT_AUTHOR,
) -> str:
    """All reports as one self-contained HTML page.

    `base` is the folder the page will be written to, so links to source
    files are relative to it (default: the current folder). `json_href` is
    the JSON report's file name relative to the page, linked from its header
    when given. `author` is the organisation named in the ClaimReview
    JSON-LD embedded in the page.
    """
    sources = cited_sources(reports)
    ids = _Ids()
    articles = "\n".join(
        _article(report, index=index, sources=sources, ids=ids, base=base)
        for index, report in enumerate(reports)
    )
    heading = _title(reports[0]) if len(reports) == 1 else f"{len(reports)} articles"
    if not reports:
        articles = '<p class="report">No article was checked.</p>'
    nav = []
    if len(reports) > 1:
        nav += [f'<a href="#article-{i}">{escape(_title(r))}</a>' for i, r in enumerate(reports)]
    if sources:
        nav.append('<a href="#sources">Sources</a>')
    if json_href:
        href = quote(json_href.replace("\\", "/"), safe="/")
        nav.append(f'<a href="{escape(href)}" type="application/json">JSON report</a>')
    reviews = [review for report in reports for review in claim_reviews(report, author=author)]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="claimcheck">
<title>claimcheck: {escape(heading)}</title>
<style>{STYLE}</style>
<script type="application/ld+json">{_json_in_script(reviews)}</script>
</head>
<body>
<header class="page-head"><strong>claimcheck report</strong><nav aria-label="Report">{"".join(nav)}</nav></header>
<main>
{articles}
</main>
{_sources(sources, base=base)}
<script>{SCRIPT}</script>
</body>
</html>"""


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


def _title(report: ArticleReport) -> str:
    return report.title or Path(report.path).name


def _article(
    report: ArticleReport,
    *,
    index: int,
    sources: dict[str, Source],
    ids: _Ids,
    base: str | Path | None,
) -> str:
    claim_ids = [ids.claim(verdict.claim) for verdict in report.claims]
    details = "\n".join(
        _detail(verdict, detail_id, sources=sources, base=base)
        for verdict, detail_id in zip(report.claims, claim_ids, strict=True)
    )
    skipped = ""
    if report.not_checkworthy:
        items = "".join(
            f"<li>Line {c.line}: {escape(display(c.text))} "
            f"<em>— {escape(c.reason or 'not check-worthy')}</em></li>"
            for c in report.not_checkworthy
        )
        skipped = (
            f'<details class="skipped"><summary>{len(report.not_checkworthy)} sentences '
            f"not checked (opinion, or nothing checkable)</summary><ul>{items}</ul></details>"
        )
    return f"""<article class="report" id="article-{index}" aria-labelledby="article-{index}-title">
<header class="article-head">
<h1 id="article-{index}-title">{escape(_title(report))}</h1>
<p class="path">{escape(report.path)}{f" · published {escape(report.published)}" if report.published else ""}</p>
{_counts(report)}
{_run(report)}
</header>
<div class="columns">
<section class="text" aria-label="Article text, claims marked by verdict">
<p class="prose">{_prose(report, claim_ids)}</p>
{skipped}
</section>
<aside class="panel" aria-label="Evidence for the chosen claim">
{_hint(report, claim_ids)}
{details}
</aside>
</div>
</article>"""


def _counts(report: ArticleReport) -> str:
    items = "".join(
        f'<li class="v-{label.lower()}"><b>{report.count(label)}</b> {label.lower()}</li>'
        for label in LABEL_ORDER
    )
    return f'<ul class="counts" aria-label="Claims by verdict">{items}</ul>'


def _run(report: ArticleReport) -> str:
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
    cells = "".join(
        f"<div><dt>{name}</dt><dd>{escape(value)}</dd></div>" for name, value in rows if value
    )
    return f'<dl class="run">{cells}</dl>'


def _prose(report: ArticleReport, claim_ids: list[str]) -> str:
    """The article text with each claim a link to its details, and skipped sentences dimmed."""
    text = report.text
    pairs = list(zip(report.claims, claim_ids, strict=True))
    if not text.strip():  # a report made without its text: the claims alone, one a paragraph
        return "\n\n".join(
            _claim_link(verdict, detail_id, verdict.claim.text, verdict.claim.start)
            for verdict, detail_id in pairs
        )
    spans: list[tuple[int, int, str]] = []
    for verdict, detail_id in pairs:
        claim = verdict.claim
        segment = text[claim.start : claim.end]
        spans.append(
            (claim.start, claim.end, _claim_link(verdict, detail_id, segment, claim.start))
        )
    for claim in report.not_checkworthy:
        title = escape(f"not checked: {claim.reason or 'not check-worthy'}")
        inner = _plain(text[claim.start : claim.end])
        spans.append((claim.start, claim.end, f'<span class="skip" title="{title}">{inner}</span>'))
    spans.sort(key=lambda span: span[0])
    out, position = [], len(text) - len(text.lstrip())
    for start, end, html in spans:
        if start < position or end > len(text) or start >= end:
            continue  # overlapping or out of range: a bad offset must not garble the text
        out.append(_plain(text[position:start]))
        out.append(html)
        position = end
    out.append(_plain(text[position:]))
    return "".join(out).strip()


def _plain(text: str) -> str:
    """Article text, escaped, with its line breaks made to read as prose.

    The page shows the text with `white-space: pre-line`: a blank line (a
    paragraph break) stays one, a single line break inside a paragraph
    becomes a space, and the blanks left where Markdown markup was collapse.
    """
    text = _BLANK_LINES.sub("\n\n", text)
    return escape(_LINE_BREAK.sub(" ", text.replace("\n\n", "\x00")).replace("\x00", "\n\n"))


def _claim_link(verdict: ClaimVerdict, detail_id: str, segment: str, origin: int) -> str:
    """A claim as a link to its details, with its doubtful facts underlined in it.

    `segment` is the claim's text as it stands in the article, and `origin`
    the article offset of its first character, to place the facts.
    """
    label = verdict.label.lower()
    title = escape(f"{LABEL_MEANINGS[verdict.label]} (line {verdict.claim.line})")
    return (
        f'<a class="claim v-{label}" id="{detail_id}-in-text" href="#{detail_id}" '
        f'aria-controls="{detail_id}" '
        f'aria-expanded="false" title="{title}">{_facts_marked(verdict, segment, origin)}'
        f'<span class="sr"> ({label})</span></a>'
    )


def _facts_marked(verdict: ClaimVerdict, segment: str, origin: int) -> str:
    marks = sorted(
        (fact.fact.start - origin, fact.fact.end - origin, fact.label)
        for fact in verdict.facts
        if fact.label in (Label.CONTRADICTED, Label.DISPUTED)
    )
    out, position = [], 0
    for start, end, label in marks:
        if start < position or end > len(segment) or start >= end:
            continue
        out.append(_plain(segment[position:start]))
        out.append(f'<span class="fact-mark v-{label.lower()}">{_plain(segment[start:end])}</span>')
        position = end
    out.append(_plain(segment[position:]))
    return "".join(out)


def _hint(report: ArticleReport, claim_ids: list[str]) -> str:
    """What the panel shows before a claim is chosen: how to use it, and the problems."""
    problems = [
        (verdict, detail_id)
        for label in LABEL_ORDER[:-1]
        for verdict, detail_id in zip(report.claims, claim_ids, strict=True)
        if verdict.label == label
    ]
    if not report.claims:
        return '<div class="hint"><h2>No checkable claims</h2><p>Nothing in this article could be checked.</p></div>'
    items = "".join(
        f'<li><span class="badge v-{v.label.lower()}">{v.label}</span> '
        f'<a href="#{detail_id}">{escape(_shorten(display(v.claim.text), 140))}</a>'
        f"{_first_note(v)}</li>"
        for v, detail_id in problems
    )
    listing = (
        f"<h2>Needs attention ({len(problems)})</h2><ol>{items}</ol>"
        if problems
        else "<h2>Every claim is supported</h2>"
    )
    return (
        '<div class="hint"><p>Choose a highlighted claim in the article to see its facts, '
        "verdicts and evidence (or press <kbd>j</kbd> and <kbd>k</kbd>).</p>"
        f"{listing}</div>"
    )


def _first_note(verdict: ClaimVerdict) -> str:
    notes = [f.note for f in verdict.facts if f.note and f.label != Label.SUPPORTED]
    return f'<span class="hint-note">{escape(notes[0])}</span>' if notes else ""


def _shorten(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: text.rfind(" ", 0, width - 1) if " " in text[:width] else width - 1] + "…"


def _detail(
    verdict: ClaimVerdict, detail_id: str, *, sources: dict[str, Source], base: str | Path | None
) -> str:
    claim = verdict.claim
    facts = "".join(_fact(fact, sources=sources, base=base) for fact in verdict.facts)
    if not facts:
        facts = '<li><p class="none">No checkable fact was found in this sentence.</p></li>'
    return f"""<section class="detail" id="{detail_id}" tabindex="-1" aria-labelledby="{detail_id}-text">
<p class="where"><span class="badge v-{verdict.label.lower()}">{verdict.label}</span>
{escape(LABEL_MEANINGS[verdict.label])} · confidence {verdict.score} · line {claim.line}, column {claim.column}</p>
<h2 class="claim-text" id="{detail_id}-text">{escape(display(claim.text))}</h2>
<ol class="facts" aria-label="Facts">{facts}</ol>
<p class="back"><a href="#{detail_id}-in-text" data-claim="{detail_id}">Back to the article</a></p>
</section>"""


def _fact(verdict: FactVerdict, *, sources: dict[str, Source], base: str | Path | None) -> str:
    fact = verdict.fact
    head = (
        f'<span class="badge v-{verdict.label.lower()}">{verdict.label}</span>'
        f'<span class="kind">{escape(str(fact.kind))}</span>'
        f"<q>{escape(fact.text)}</q>"
    )
    if fact.subject and fact.subject != fact.text:
        head += f' <span class="kind">({escape(fact.subject)})</span>'
    note = (
        f'<p class="note v-{verdict.label.lower()}">{escape(verdict.note)}</p>'
        if verdict.note
        else ""
    )
    shown = [_evidence(e, sources=sources, base=base) for e in verdict.evidence[:MAX_QUOTES]]
    if shown and verdict.label == Label.SUPPORTED and len(shown) > 1:
        # One passage shows the support; the others are there for whoever wants them.
        more = f"{len(shown) - 1} more passage{'s' if len(shown) > 2 else ''}"
        quotes = (
            f'<ul class="evidence" aria-label="Evidence">{shown[0]}</ul>'
            f'<details class="more"><summary>{more}</summary>'
            f'<ul class="evidence">{"".join(shown[1:])}</ul></details>'
        )
    elif shown:
        quotes = f'<ul class="evidence" aria-label="Evidence">{"".join(shown)}</ul>'
    elif verdict.note:
        quotes = ""  # the note says that nothing bears on it
    else:
        quotes = '<p class="none">No passage in the evidence store bears on it.</p>'
    return f'<li><p class="fact-head">{head}</p>{note}{quotes}</li>'


def _evidence(evidence: Evidence, *, sources: dict[str, Source], base: str | Path | None) -> str:
    cut = quote_of(evidence)
    body = escape(cut.before) + (f"<mark>{escape(cut.match)}</mark>" if cut.match else "")
    body = (
        ("… " if cut.cut_start else "") + body + escape(cut.after) + (" …" if cut.cut_end else "")
    )
    source = sources.get(evidence.document_id)
    number = f'<a href="#source-{source.number}">[{source.number}]</a>' if source else ""
    title = escape(evidence.title or Path(evidence.path or evidence.document_id).name)
    facts = [escape(part) for part in (evidence.publisher, evidence.published) if part]
    facts.append(f"page {evidence.page}")
    if evidence.agrees is False and evidence.source_value:
        facts.append(f"says <b>{escape(evidence.source_value)}</b>")
    links = "".join(
        f'<a href="{escape(link.href)}" rel="noopener noreferrer">{escape(link.label)}</a>'
        for link in evidence_links(evidence, base=base)
    )
    css = ' class="disagrees"' if evidence.agrees is False else ""
    note = f'<p class="ev-note">{escape(evidence.note)}</p>' if evidence.note else ""
    return (
        f"<li{css}><blockquote>{body}</blockquote>"
        f'<p class="cite">{number} <cite>{title}</cite> · {" · ".join(facts)} {links}</p>{note}</li>'
    )


def _sources(sources: dict[str, Source], *, base: str | Path | None) -> str:
    if not sources:
        return ""
    items = []
    for source in sources.values():
        evidence = source.evidence
        title = escape(evidence.title or Path(evidence.path or evidence.document_id).name)
        facts = [escape(part) for part in (evidence.publisher, evidence.published) if part]
        links = []
        if url := web_url(evidence.url):
            links.append(f'<a href="{escape(url)}" rel="noopener noreferrer">web</a>')
        if evidence.path:
            name = "PDF" if is_pdf(evidence) else "file"
            href = file_link(evidence.path, base=base)
            links.append(f'<a href="{escape(href)}">{name}</a>')
        items.append(
            f'<li id="source-{source.number}"><cite>{title}</cite>'
            f"{' · ' + ' · '.join(facts) if facts else ''} {' '.join(links)}</li>"
        )
    return (
        '<section class="sources" id="sources" aria-labelledby="sources-title">'
        f'<h2 id="sources-title">Sources cited</h2><ol>{"".join(items)}</ol></section>'
    )


def _json_in_script(data: Iterable[object] | dict[str, object]) -> str:
    """JSON for a `<script type="application/ld+json">` block: "</script>" cannot end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
