"""What the judges read of a claim and of a passage: names, judged spans, the window."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..coverage import Span, Window, untagged_names
from ..records import Candidate, Claim, FactKind, SearchHit

# Parts of a web host that name no publisher.
_HOST_NOISE = frozenset({"www", "news", "m", "amp", "co", "com", "org", "net", "gov", "uk", "ac"})


def names_of(claim: Claim) -> list[Span]:
    """The claim's named entities, offsets relative to the claim's text."""
    return [
        Span(e.label, e.text, e.start - claim.start, e.end - claim.start) for e in claim.entities
    ]


def judged_spans(claim: Claim) -> list[tuple[int, int]]:
    """Spans of the claim that its typed facts judge, and its opinion frames (relative)."""
    spans = [
        (f.start - claim.start, f.end - claim.start)
        for f in claim.facts
        if f.kind != FactKind.STATEMENT
    ]
    return spans + [(a - claim.start, b - claim.start) for a, b in claim.frames]


def window_of(candidate: Candidate) -> Window:
    """A candidate as coverage reads it: its text, neighbours, names and aliases."""
    hit = candidate.hit
    entities = tuple(
        Span(e.label, e.text, e.start - hit.start, e.end - hit.start)
        for e in candidate.entities
        if hit.start <= e.start and e.end <= hit.end
    )
    entities += tuple(untagged_names(hit.text, entities))
    return Window(hit.text, candidate.before, candidate.after, entities, publisher_names(hit))


def publisher_names(hit: SearchHit) -> tuple[str, ...]:
    """The names a passage's source goes by: its publisher, title and web host's name.

    "https://www.theguardian.com/..." gives "guardian"; "bbc.co.uk" gives "bbc".
    """
    names = [n for n in (hit.publisher, hit.title) if n]
    host = urlsplit(hit.url).hostname if hit.url else None
    if host:
        labels = [p for p in host.lower().split(".") if p not in _HOST_NOISE]
        if labels:
            label = labels[0]
            names.append(label.removeprefix("the") if len(label) > 6 else label)
    return tuple(n for n in names if n)
