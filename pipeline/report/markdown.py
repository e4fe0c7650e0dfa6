"""Markdown report (GitHub-flavoured), for a pull-request comment or a CMS.

Article and source text are untrusted: every character that Markdown or
GitHub could read as markup (links, HTML, emphasis, table pipes, @mentions,
#references) is backslash-escaped, and links are built only from http(s)
URLs. Problems come first; supported claims are folded into a `<details>`
block so a long article still makes a short comment.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..decisions import describe_decision
from ..records import ArticleReport, ClaimVerdict, Decision, Evidence, FactVerdict, Label
from ..text import display, plural
from .sources import LABEL_MEANINGS, LABEL_ORDER, MAX_QUOTES, quote_of, web_url

SYMBOLS = {
    Label.SUPPORTED: "✅",
    Label.CONTRADICTED: "❌",
    Label.DISPUTED: "⚠️",
    Label.UNVERIFIED: "❔",
}
# Characters that start or end markup somewhere in GitHub-flavoured Markdown
# when not at the start of a line (report text never is): code, emphasis,
# links, raw HTML and autolinks, table cells, strike-through, entities.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~&])")
# GitHub turns "@name" into a mention (a notification) and "#12" into a
# reference after Markdown is rendered, so escapes do not stop them: an
# invisible word joiner after the sign does.
_REFERENCE = re.compile(r"([@#])(?=\w)")


def escape(text: str) -> str:
    """`text` as literal Markdown inside a line: markup characters backslash-escaped.

    Runs of white space (line breaks among them) become one space, so the
    text cannot start a heading, list or table row of its own. CommonMark
    lets any ASCII punctuation be escaped; mentions and references get a
    word joiner (U+2060) after their sign.
    """
    escaped = _MARKUP.sub(r"\\\1", re.sub(r"\s+", " ", text))
    return _REFERENCE.sub("\\1\u2060", escaped)


def render_markdown(reports: list[ArticleReport]) -> str:
    """All reports as one Markdown document, one section per article."""
    if not reports:
        return "No article was checked.\n"
    return "\n\n".join(_article(report) for report in reports).rstrip() + "\n"


def _article(report: ArticleReport) -> str:
    heading = escape(report.title) if report.title else f"`{_code(report.path)}`"
    lines = [f"## claimcheck: {heading}", ""]
    if report.title:
        lines += [
            f"Article `{_code(report.path)}`"
            + (f", {report.published}" if report.published else ""),
            "",
        ]
    lines += [
        "| Verdict | Claims |",
        "| --- | ---: |",
        *(f"| {SYMBOLS[label]} {label.title()} | {report.count(label)} |" for label in LABEL_ORDER),
        "",
        _run_line(report),
    ]
    for label in LABEL_ORDER[:-1]:
        claims = [c for c in report.claims if c.label == label]
        if claims:
            lines += ["", f"### {SYMBOLS[label]} {LABEL_MEANINGS[label]}"]
            for claim in claims:
                lines += ["", *_claim(claim, report.decision(claim.claim.id))]
    supported = [c for c in report.claims if c.label == Label.SUPPORTED]
    if supported:
        lines += [
            "",
            "<details>",
            f"<summary>{SYMBOLS[Label.SUPPORTED]} {LABEL_MEANINGS[Label.SUPPORTED]}: "
            f"{plural(len(supported), 'claim')}</summary>",
        ]
        for claim in supported:
            lines += ["", *_claim(claim, report.decision(claim.claim.id))]
        lines += ["", "</details>"]
    if report.not_checkworthy:
        lines += [
            "",
            "<details>",
            f"<summary>Not checked: {len(report.not_checkworthy)} sentences</summary>",
            "",
        ]
        lines += [
            f"- Line {c.line}: {escape(display(c.text))} — {escape(c.reason or 'not check-worthy')}"
            for c in report.not_checkworthy
        ]
        lines += ["", "</details>"]
    return "\n".join(lines)


def _run_line(report: ArticleReport) -> str:
    parts = []
    if report.checked_at:
        parts.append(f"Checked {report.checked_at}")
    if report.seconds is not None:
        parts.append(f"in {report.seconds:.1f} s")
    tool = f"claimcheck {report.version}" if report.version else "claimcheck"
    parts.append(f"by {tool} with `{_code(report.model)}`")
    parts.append(f"against evidence store `{_code(report.store)}`")
    return "_" + " ".join(parts) + "._"


def _claim(verdict: ClaimVerdict, decision: Decision | None = None) -> list[str]:
    claim = verdict.claim
    lines = [
        f"**{verdict.label}** (line {claim.line}, confidence {verdict.score}): "
        f"{escape(display(claim.text))}",
        "",
    ]
    if decision is not None:
        lines += [f"> **Editor's decision:** {escape(describe_decision(decision))}", ""]
    for fact in verdict.facts:
        lines += _fact(fact)
    return lines


def _fact(verdict: FactVerdict) -> list[str]:
    fact = verdict.fact
    head = f"- {SYMBOLS[verdict.label]} {fact.kind} “{escape(fact.text)}”"
    if fact.subject and fact.subject != fact.text:
        head += f" ({escape(fact.subject)})"
    head += f": **{verdict.label}**"
    if verdict.note:
        head += f". {escape(verdict.note)}"
    lines = [head]
    shown = verdict.evidence[:1] if verdict.label == Label.SUPPORTED else verdict.evidence
    for evidence in shown[:MAX_QUOTES]:
        lines += _evidence(evidence)
    if not verdict.evidence:
        lines.append("  - no passage in the evidence store bears on it")
    return lines


def _evidence(evidence: Evidence) -> list[str]:
    cut = quote_of(evidence)
    core = cut.match.strip()
    text = escape(cut.before + cut.match[: len(cut.match) - len(cut.match.lstrip())])
    if core:
        text += f"**{escape(core)}**" + escape(cut.match[len(cut.match.rstrip()) :])
    text = _ellipsis(text + escape(cut.after), cut.cut_start, cut.cut_end)
    title = escape(evidence.title or Path(evidence.path or evidence.document_id).name)
    url = web_url(evidence.url)
    source = f"[{title}]({url})" if url else title
    where = [escape(part) for part in (evidence.publisher, evidence.published) if part]
    where.append(f"page {evidence.page}")
    note = f"; {escape(evidence.note)}" if evidence.note else ""
    return ["", f"  > “{text}”  ", f"  > — {source}, {', '.join(where)}{note}"]


def _ellipsis(text: str, cut_start: bool, cut_end: bool) -> str:
    text = text.strip()
    return ("… " if cut_start else "") + text + (" …" if cut_end else "")


def _code(text: str) -> str:
    """`text` for a code span: backticks and line breaks cannot end or break it."""
    return " ".join(text.replace("`", "'").split())
