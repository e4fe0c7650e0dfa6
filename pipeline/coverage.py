"""Whole-claim coverage: does the evidence state all of a claim, and what does it say instead?

A claim's typed facts (numbers, dates, ages, quotes) are judged one by one;
this module reads the rest of the sentence: who, did what, to whom, where.
Each content word of the claim must be stated by the evidence window (the
supporting passage with the sentences either side of it in its document):
the same word or lemma, a synonym, a more specific word, a derived form
(`lexicon`). Names are read whole, through aliases (`same_name`: "the Met" /
"Metropolitan Police", "IOPC" / "Independent Office for Police Conduct").

What no word of the window states is *uncovered*, and keeps the claim from
SUPPORTED. Three kinds of uncovered content are contradictions when the
passage is about the same event (most of the rest of the claim is covered):

- another name in the same role: "West Midlands Police" where the passage,
  with the same words around it, says "Greater Manchester Police";
- the opposite word: "rose" against "fell", "convicted" against "acquitted";
- the reversed predicate: "will face" against "will not face".

Everything here is plain string work over records: no model, no store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from . import lexicon
from .claims import same_name
from .text import STOPWORDS, WORD, stem

_WORD = WORD
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|nobody|nothing|without|cannot)\b|n[\u2019']t\b",
    re.IGNORECASE,
)
# Words that frame a claim rather than state it: who reports it, how sure it is,
# how it links to the sentence before. Checked elsewhere (attributions) or not at all.
FRAME_WORDS = frozenset(
    """also later then now still just only already even however meanwhile finally eventually
    again since while both each all any some many much more most other another such very
    yet thus therefore indeed instead really quite rather almost nearly about around
    reported report reports reporting according announced announce announces statement
    told tell tells says say said saying stated states state added adding wrote writes
    claimed claims confirmed confirms revealed reveals noted notes explained explains
    described describes called calls named names known
    one ones first last whose whom those these this that there here
    mr mrs ms miss dr sir lord lady
    after before during over under between against among within across through until
    following amid despite towards toward upon onto off out up down per via including like
    s""".split()
)
# Entity labels that name who or what a claim is about, grouped by the role they can fill.
_ROLE = {
    "ORG": "org",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
# A contrast needs the passage to be about the same event: this share of the claim's
# other words covered, and at least this many of them.
SAME_EVENT_SHARE = 0.6
SAME_EVENT_WORDS = 2


class ContrastKind(StrEnum):
    ENTITY = "entity"  # another name in the same role
    ANTONYM = "antonym"  # the opposite word
    NEGATION = "negation"  # the predicate reversed by a negation


@dataclass(frozen=True, slots=True)
class Span:
    """A name or word of a text: its label (an entity label, or "" for a word) and offsets."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Window:
    """The evidence a claim is read against: a passage and the sentences around it.

    `text` is the passage's own text; `before` and `after` are its neighbours in
    the same document (empty at the document's edges). Entities are those of the
    passage, offsets relative to `text`.
    """

    text: str
    before: str = ""
    after: str = ""
    entities: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Contrast:
    """What the passage says where the claim says something else."""

    kind: ContrastKind
    article: str  # the claim's words
    source: str  # the passage's words
    source_start: int | None = None  # offsets of the source's words in the passage text
    source_end: int | None = None


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a claim a window states."""

    covered: tuple[Span, ...] = ()
    uncovered: tuple[Span, ...] = ()
    contrasts: tuple[Contrast, ...] = field(default_factory=tuple)

    @property
    def complete(self) -> bool:
        return not self.uncovered

    @property
    def share(self) -> float:
        total = len(self.covered) + len(self.uncovered)
        return len(self.covered) / total if total else 1.0


def claim_terms(
    text: str,
    *,
    entities: Sequence[Span] = (),
    skip: Iterable[tuple[int, int]] = (),
) -> list[Span]:
    """What a claim states besides its typed facts: its names, then its content words.

    Offsets are relative to `text`. `skip` holds spans judged elsewhere (the
    values, quotes and attributions of the claim's facts); names are kept
    whole, and their words are not checked again one by one.
    """
    skipped = sorted(skip)
    names = [
        e
        for e in entities
        if e.label in _ROLE and not _inside(e.start, e.end, skipped) and _WORD.search(e.text)
    ]
    taken = sorted([*skipped, *((e.start, e.end) for e in names)])
    words = [
        Span("", m.group(0), m.start(), m.end())
        for m in _WORD.finditer(text)
        if not _overlaps(m.start(), m.end(), taken) and _is_content(m.group(0))
    ]
    return [*names, *words]


def cover(terms: Sequence[Span], window: Window) -> Coverage:
    """Which of a claim's terms the window states, and the contrasts it holds."""
    whole = " ".join((window.before, window.text, window.after))
    words = {w.lower() for w in _WORD.findall(whole)}
    stems = {stem(w) for w in words}
    covered: list[Span] = []
    uncovered: list[Span] = []
    for term in terms:
        if _stated(term, words, stems, window):
            covered.append(term)
        else:
            uncovered.append(term)
    return Coverage(tuple(covered), tuple(uncovered), ())


def contrasts(
    claim_text: str,
    terms: Sequence[Span],
    coverage: Coverage,
    window: Window,
    *,
    claim_entities: Sequence[Span] = (),
) -> tuple[Contrast, ...]:
    """Contradictions beyond numbers, read only when the passage is about the same event.

    The same event: at least SAME_EVENT_SHARE of the claim's plain words (names
    aside) and SAME_EVENT_WORDS of them are covered. Then an uncovered name whose
    role another name of the passage fills (the same kind of entity, sharing a
    word of the claim around it), an uncovered word whose antonym the passage
    holds, or a negation in one and not the other.
    """
    plain = [t for t in terms if not t.label]
    plain_covered = [t for t in coverage.covered if not t.label]
    if len(plain_covered) < SAME_EVENT_WORDS or len(plain_covered) < SAME_EVENT_SHARE * len(plain):
        return ()
    found: list[Contrast] = []
    for term in coverage.uncovered:
        if term.label:
            other = _other_name(claim_text, term, window, claim_entities)
            if other is not None:
                found.append(
                    Contrast(ContrastKind.ENTITY, term.text, other.text, other.start, other.end)
                )
            continue
        for m in _WORD.finditer(window.text):
            if lexicon.opposite(term.text, m.group(0)):
                found.append(
                    Contrast(ContrastKind.ANTONYM, term.text, m.group(0), m.start(), m.end())
                )
                break
    if coverage.share >= 0.8:
        reversed_ = _negation(claim_text, window.text)
        if reversed_ is not None:
            found.append(reversed_)
    return tuple(found)


# --- helpers ----------------------------------------------------------------------


def _is_content(word: str) -> bool:
    lower = word.lower().replace("\u2019", "'")
    lower = lower.removesuffix("'s")
    return (
        len(lower) > 1
        and lower not in STOPWORDS
        and lower not in FRAME_WORDS
        and not _NEGATION.fullmatch(lower)
    )


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _stated(term: Span, words: set[str], stems: set[str], window: Window) -> bool:
    if term.label:
        return _name_stated(term.text, words, window)
    lower = term.text.lower()
    if lower in words or stem(lower) in stems:
        return True
    return any(lexicon.states(lower, w) for w in words)


def _name_stated(name: str, words: set[str], window: Window) -> bool:
    """A name is stated by an alias among the passage's names, or by all its own words."""
    if any(same_name(name, e.text) for e in window.entities):
        return True
    own = [w.lower() for w in _WORD.findall(name) if w.lower() not in STOPWORDS]
    return bool(own) and all(w.removesuffix("'s") in words or w in words for w in own)


def _other_name(
    claim_text: str, term: Span, window: Window, claim_entities: Sequence[Span]
) -> Span | None:
    """The passage's name in the role the claim gives `term`, if another name fills it.

    Same kind of entity, not a name the claim itself uses, and sharing a word
    of the claim around `term` (the words either side), so that "West Midlands
    Police was criticised" meets "Greater Manchester Police was criticised".
    """
    role = _ROLE.get(term.label)
    around = _near_words(claim_text, term.start, term.end)
    if not role or not around:
        return None
    best: tuple[int, Span] | None = None
    for entity in window.entities:
        if _ROLE.get(entity.label) != role:
            continue
        if any(same_name(entity.text, e.text) for e in claim_entities) or (
            entity.text.lower() in claim_text.lower()
        ):
            continue
        shared = len(around & _near_words(window.text, entity.start, entity.end))
        if shared and (best is None or shared > best[0]):
            best = (shared, entity)
    return best[1] if best else None


def _near_words(text: str, start: int, end: int, *, window: int = 5) -> set[str]:
    before = [w for w in _WORD.findall(text[:start])[-window:] if _is_content(w)]
    after = [w for w in _WORD.findall(text[end:])[:window] if _is_content(w)]
    return {stem(w) for w in before + after}


def _negation(claim_text: str, passage_text: str) -> Contrast | None:
    """One of the two negates and the other does not: "will face" / "will not face"."""
    mine = _NEGATION.search(claim_text)
    theirs = _NEGATION.search(passage_text)
    if bool(mine) == bool(theirs):
        return None
    if theirs is not None:
        return Contrast(
            ContrastKind.NEGATION,
            "(not negated)",
            _phrase(passage_text, theirs.start(), theirs.end()),
            theirs.start(),
            theirs.end(),
        )
    if mine is None:  # unreachable: exactly one of the two negates
        return None
    return Contrast(
        ContrastKind.NEGATION, _phrase(claim_text, mine.start(), mine.end()), "(not negated)"
    )


def _phrase(text: str, start: int, end: int) -> str:
    """The negation with a word either side: "would not face"."""
    before = _WORD.findall(text[:start])[-1:]
    after = _WORD.findall(text[end:])[:1]
    return " ".join([*before, text[start:end].strip(), *after])
