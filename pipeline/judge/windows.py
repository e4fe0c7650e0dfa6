"""What the judges read of a claim and of a passage: names, judged spans, the window."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from .. import lexicon
from ..contrast import (
    negated_words,
    said_by_its_opposite,
    same_complement,
    unreal,
    verb_like,
)
from ..coverage import (
    FAIL_FORMS,
    Coverage,
    Span,
    Window,
    claim_terms,
    cover,
    kin_checked,
    kin_of_checked,
    objects_apart,
    pairs_together,
    phrases_read,
    said_with_its_names,
    untagged_names,
)
from ..records import Candidate, Claim, FactKind, SearchHit

# Parts of a web host that name no publisher.
_HOST_NOISE = frozenset({"www", "news", "m", "amp", "co", "com", "org", "net", "gov", "uk", "ac"})


def _denied_only_where_denied(
    claim_text: str, terms: Sequence[Span], coverage: Coverage, window: Window
) -> Coverage:
    """The coverage, with a verb the claim denies stated only where the window denies it
    too, or another verb that takes the same complement ("has not been staged since the
    crash" for "has not been held since the crash"), or says its opposite was done ("not
    allowed" by "prohibited", which no other word states): "the Farnborough Airshow has
    not been held" is not stated by "doctors have kept him in an induced coma"."""
    mine = dict(negated_words(claim_text))
    negated = [
        t
        for t in terms
        if not t.label and t.start in mine and verb_like(claim_text, t.start, t.text)
    ]
    if not negated:
        return coverage
    spoken = window.spoken
    denied = negated_words(spoken)
    said = {
        t
        for t in negated
        if said_by_its_opposite(claim_text, t, window)
        or (
            t in coverage.covered
            and any(
                lexicon.states(t.text, word)
                or lexicon.states(word, t.text)
                or same_complement(claim_text, t.end, spoken, at + len(word))
                for at, word in denied
            )
        )
    }
    covered = [t for t in terms if (t in coverage.covered and t not in negated) or t in said]
    if covered == list(coverage.covered):
        return coverage
    return Coverage(tuple(covered), tuple(t for t in terms if t not in covered))


def _said_only_denied(
    claim_text: str, terms: Sequence[Span], coverage: Coverage, window: Window
) -> Coverage:
    """The coverage, with a plain word of the claim that the window says only where it
    denies it left uncovered: "the coroner called the managers" is not stated by "the
    coroner refused to call a number of witnesses ..., among them senior managers". A
    claim that denies the word too ("declined to call") keeps it."""
    spoken = window.spoken
    denied = negated_words(spoken)
    if not denied:
        return coverage
    mine = dict(negated_words(claim_text))
    # "failing" (to declare) denies as "not" does, and "should have" says a thing was not
    # done: the window's "not declared", "had not pulled out" state them.
    plain = [
        t
        for t in coverage.covered
        if not t.label
        and t.start not in mine
        and t.text.lower() not in FAIL_FORMS
        and not unreal(claim_text, t.start)  # "should have pulled out": not done
    ]
    if not plain:
        return coverage
    masked = list(spoken)
    for at, word in denied:
        masked[at : at + len(word)] = " " * len(word)
    text = "".join(masked)
    # `spoken` is the three joined by single spaces.
    start = len(window.before) + 1
    end = start + len(window.text)
    hidden = Window(
        text[start:end],
        before=text[: start - 1],
        after=text[end + 1 :],
        entities=window.entities,
        aliases=window.aliases,
    )
    moved = [
        t
        for t in phrases_read(claim_text, cover(plain, hidden, claim_text), hidden).uncovered
        # a word stated with the names ("the film Kung Fu Panda", "plays Dr. Redding"),
        # which this reading of the plain words leaves out
        if not said_with_its_names(t, claim_text, coverage.covered, window)
    ]
    if not moved:
        return coverage
    return Coverage(
        tuple(t for t in coverage.covered if t not in moved),
        tuple(sorted((*coverage.uncovered, *moved), key=lambda t: terms.index(t))),
    )


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


def beside(candidates: Sequence[Candidate], anchors: Sequence[Candidate]) -> list[Candidate]:
    """The candidates, anchors aside, that stand right before or after an anchor in its
    document: the sentences either side of a passage that supports a figure."""
    return [
        c
        for c in candidates
        if c not in anchors
        and any(
            a.hit.document_id == c.hit.document_id
            and (a.after.startswith(c.hit.text) or a.before.endswith(c.hit.text))
            for a in anchors
        )
    ]


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


class Reading:
    """A claim's terms and what each candidate's window states of them.

    Every check of the whole claim (values through their event, contrasts,
    coverage) reads the same windows: each is built and covered once a claim.
    """

    def __init__(self, claim: Claim) -> None:
        self.terms = claim_terms(claim.text, entities=names_of(claim), skip=judged_spans(claim))
        self._claim_text = claim.text
        self._read: dict[int, tuple[Window, Coverage]] = {}
        self._stated: dict[int, Coverage] = {}

    def window(self, candidate: Candidate) -> Window:
        return self._reading(candidate)[0]

    def of(self, candidate: Candidate) -> Coverage:
        """What the candidate's window says of the claim's terms, denied or not: what a
        contrast reads ("is NOT retired" speaks of "retired")."""
        return self._reading(candidate)[1]

    def stated(self, candidate: Candidate) -> Coverage:
        """What the candidate's window states of the claim's terms: `of`, less the words
        it says only where it denies them (`_said_only_denied`)."""
        pid = candidate.hit.passage_id
        if pid not in self._stated:
            window, coverage = self._reading(candidate)
            coverage = _said_only_denied(self._claim_text, self.terms, coverage, window)
            self._stated[pid] = _denied_only_where_denied(
                self._claim_text, self.terms, coverage, window
            )
        return self._stated[pid]

    def _reading(self, candidate: Candidate) -> tuple[Window, Coverage]:
        pid = candidate.hit.passage_id
        if pid not in self._read:
            window = window_of(candidate)
            coverage = pairs_together(
                self._claim_text, cover(self.terms, window, self._claim_text), window
            )
            coverage = objects_apart(self._claim_text, coverage, window)
            coverage = kin_of_checked(
                self._claim_text,
                kin_checked(
                    self._claim_text, phrases_read(self._claim_text, coverage, window), window
                ),
                window,
            )
            self._read[pid] = (window, coverage)
        return self._read[pid]
