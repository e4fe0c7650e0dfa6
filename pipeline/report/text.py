"""Terminal report: each claim with its verdict, the evidence quoted, and what differs."""

from __future__ import annotations

import textwrap

from ..decisions import describe_decision
from ..records import ArticleReport, Evidence, FactVerdict, Label
from ..text import display, plural, shown_path

MARKS = {
    Label.SUPPORTED: "ok",
    Label.CONTRADICTED: "XX",
    Label.UNVERIFIED: "??",
    Label.DISPUTED: "<>",
}


def render_text(reports: list[ArticleReport], *, width: int = 100, verbose: bool = False) -> str:
    """A plain-text report for people; `verbose` adds evidence for supported facts too."""
    return "\n".join(_article(r, width=width, verbose=verbose) for r in reports)


def _article(report: ArticleReport, *, width: int, verbose: bool) -> str:
    lines = [f"== {shown_path(report.path)}"]
    for verdict in report.claims:
        claim = verdict.claim
        lines.append("")
        lines.append(
            f"[{MARKS[verdict.label]}] {verdict.label} {verdict.score:>3}  "
            f"line {claim.line}:{claim.column}"
        )
        lines.extend(
            textwrap.wrap(claim.text, width, initial_indent="    ", subsequent_indent="    ")
        )
        decision = report.decision(claim.id)
        if decision is not None:
            lines.extend(
                textwrap.wrap(
                    f"editor's decision: {describe_decision(decision)}",
                    width,
                    initial_indent="    ",
                    subsequent_indent="      ",
                )
            )
        for fact in verdict.facts:
            lines.extend(_fact(fact, width=width, verbose=verbose))
    if report.not_checkworthy:
        lines.append("")
        lines.append("not check-worthy:")
        for claim in report.not_checkworthy:
            text = textwrap.shorten(display(claim.text), width - 30, placeholder="...")
            lines.append(f"    line {claim.line}: {text} ({claim.reason})")
    counts = ", ".join(f"{report.count(label)} {str(label).lower()}" for label in Label)
    lines.append("")
    lines.append(f"{plural(len(report.claims), 'claim')}: {counts}")
    return "\n".join(lines)


def _fact(verdict: FactVerdict, *, width: int, verbose: bool) -> list[str]:
    fact = verdict.fact
    head = f"    - {fact.kind} {fact.text!r}"
    if fact.subject and fact.subject != fact.text:
        head += f" ({fact.subject})"
    head += f": {verdict.label}"
    lines = [head]
    if verdict.note and verdict.label != Label.SUPPORTED:
        lines.append(f"        {verdict.note}")
    if verdict.label == Label.SUPPORTED and not verbose:
        evidence = verdict.evidence[:1]
    else:
        evidence = verdict.evidence
    for item in evidence:
        lines.extend(_evidence(item, width=width))
    return lines


def _evidence(evidence: Evidence, *, width: int) -> list[str]:
    where = ", ".join(
        part
        for part in (
            evidence.publisher,
            evidence.published,
            f"page {evidence.page}",
            f"chars {evidence.start}-{evidence.end}",
        )
        if part
    )
    quote = textwrap.shorten(evidence.text, width * 2, placeholder="...")
    lines = textwrap.wrap(
        f"\u201c{quote}\u201d",
        width - 10,
        initial_indent="        > ",
        subsequent_indent="          ",
    )
    lines.append(f"          {evidence.title or evidence.path} ({where})")
    if evidence.note:
        lines.append(f"          note: {evidence.note}")
    return lines
