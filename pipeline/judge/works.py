"""What is said of a work or an act as a whole: how critics received it, and what kind
of band it is.

How critics received a work: "received mixed reviews" against "received negative
reviews". Reviews are said to be positive, mixed or negative, in many words ("favourable",
"generally unfavorable", "critical acclaim", "polarized"); the three exclude each
other. A claim that gives one of them is contradicted by a strongly relevant passage
about the same work that gives only others ("The Nun received mixed reviews" /
"It received negative reviews from critics"). A verdict that spans two ("mixed to
positive") is a verdict of its own: "received mixed reviews" does not say "mixed to
positive reviews", nor "positive reviews".

What kind of band a band is: all the words of its kind, where the passages name one
("a Mexican pop rock band" is no "rock band"); where it is from is no part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..match import page_subject
from ..records import Candidate
from ..text import NAME_WORD, content_words, stems
from .evidence import CONTRADICT_CUTOFF

_KINDS = {
    "positive": "positive",
    "favourable": "positive",
    "favorable": "positive",
    "glowing": "positive",
    "rave": "positive",
    "acclaim": "positive",
    "negative": "negative",
    "unfavourable": "negative",
    "unfavorable": "negative",
    "poor": "negative",
    "scathing": "negative",
    "mixed": "mixed",
    "polarized": "mixed",
    "polarised": "mixed",
    "divided": "mixed",
    "ambivalent": "mixed",
}
_WORD = "|".join(sorted(_KINDS, key=len, reverse=True))
# How strongly a verdict is held: "generally negative", "mostly positive".
_DEGREE = "(?:generally|mostly|largely|overwhelmingly|very|highly|universally|widely)"
# "generally negative reviews", "mixed to positive reviews from critics", "critical
# acclaim": one verdict or two, then what it is a verdict in.
REVIEWS = re.compile(
    rf"(?i)\b(?:{_DEGREE}\s{{1,3}})?(?P<first>{_WORD})"
    rf"(?:\s{{1,3}}(?:to|and|or)\s{{1,3}}(?P<second>{_WORD}))?"
    rf"(?:\s{{1,3}}(?:critical\s{{1,3}})?(?:reviews?|reception|notices)\b"
    rf"|(?<=acclaim)\b)"
    rf"|\bcritical\s{{1,3}}(?P<acclaim>acclaim)\b"
)


# The same said after the reviews: "Reviews for the film were mixed", "all the reviews
# it received from critics were favorable".
REVIEWS_WERE = re.compile(
    rf"(?i)\b(?:reviews|reception|notices)\s{{1,3}}(?:[\w'-]{{1,30}}\s{{1,3}}){{0,8}}?"
    rf"(?:were|was|are|is|have\s{{1,3}}been|has\s{{1,3}}been)\s{{1,3}}"
    rf"(?:{_DEGREE}\s{{1,3}})?"
    rf"(?P<first>{_WORD})\b(?:\s{{1,3}}(?:to|and|or)\s{{1,3}}(?P<second>{_WORD})\b)?"
)


def verdicts_in(text: str) -> list[tuple[frozenset[str], re.Match[str]]]:
    """Each verdict on a work's reviews the text gives: the kinds it spans, and where."""
    found = []
    for m in REVIEWS.finditer(text):
        words = [w for w in (m.group("first"), m.group("second"), m.group("acclaim")) if w]
        found.append((frozenset(_KINDS[w.lower()] for w in words), m))
    for m in REVIEWS_WERE.finditer(text):
        words = [w for w in (m.group("first"), m.group("second")) if w]
        found.append((frozenset(_KINDS[w.lower()] for w in words), m))
    return sorted(found, key=lambda f: f[1].start())


def _verdicts_on_the_work(
    claim_text: str, candidates: Sequence[Candidate]
) -> Iterator[tuple[frozenset[str], re.Match[str], Candidate, list[frozenset[str]]]]:
    """The claim's one verdict on the reviews (its kinds and where it stands), with each
    strongly relevant passage on the work that gives verdicts of its own, and theirs."""
    mine = verdicts_in(claim_text)
    if len(mine) != 1:
        return
    kinds, said = mine[0]
    # The work: the names before the verdict ("The Nun received ..."), which the passage
    # or the title of its page must give.
    names = stems(w for w in NAME_WORD.findall(claim_text[: said.start()]))
    for candidate in candidates:
        if candidate.own_relevance < CONTRADICT_CUTOFF:
            continue
        about = stems(content_words(candidate.hit.text)) | page_subject(candidate)
        if names and not names & about:
            continue
        theirs = verdicts_in(candidate.hit.text)
        if theirs:
            yield kinds, said, candidate, [other for other, _ in theirs]


def reviewed_otherwise(
    claim_text: str, candidates: Sequence[Candidate]
) -> tuple[Candidate, str, re.Match[str]] | None:
    """The claim's verdict on the reviews, and the strongly relevant passage that gives
    only other verdicts (none that takes in the claim's), with the first of them; None
    when the claim gives none or several, or when no such passage gives one."""
    # A span that takes in the claim's verdict does not deny it (`reviewed_within`),
    # unless the claim says all the reviews gave it.
    whole = _ALL_OF.search(claim_text) is not None
    for kinds, said, candidate, theirs in _verdicts_on_the_work(claim_text, candidates):
        if not any(kinds == other or (kinds < other and not whole) for other in theirs):
            return candidate, said.group(0), verdicts_in(candidate.hit.text)[0][1]
    return None


# Words that give a verdict to all the reviews: "*All* the reviews ... were favorable",
# "*universally* praised".
_ALL_OF = re.compile(r"(?i)\b(?:all|every|only|universal(?:ly)?|unanimous(?:ly)?|uniformly)\b")


def reviewed_within(claim_text: str, candidates: Sequence[Candidate]) -> tuple[int, int] | None:
    """Where the claim's one verdict on the reviews stands, when a strongly relevant
    passage on the work gives a wider one that takes it in: "mixed to positive reviews"
    neither denies "mixed reviews" nor states them, as the claim gives half of it."""
    if _ALL_OF.search(claim_text):
        return None
    for kinds, said, _, theirs in _verdicts_on_the_work(claim_text, candidates):
        if kinds not in theirs and any(kinds < other for other in theirs):
            return said.start(), said.end()
    return None


# What kind of act a band is: "an American *indie rock* band", "a *country pop* group".
_ACT = r"(band|group|duo)"
_CLAIMED_ACT = re.compile(
    rf"(?i)\b(?:is|are|was|were)\s{{1,3}}(?:a|an|the)\s{{1,3}}((?:[\w'-]+\s{{1,3}}){{0,4}}?){_ACT}\b"
)
_SAID_ACT = re.compile(rf"(?i)\b(?:a|an|the)\s{{1,3}}((?:[\w'-]+\s{{1,3}}){{0,5}}?){_ACT}\b")
# A nationality or origin among the words before the act's noun says where, not what kind:
# "American", "Scottish-British", "English".
_ORIGIN = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+(?:an|ish|ese|ian|ean|i)(?:-[A-Z][a-z]+)*|[A-Z]\w*-[A-Z]\w*)$"
)


def _kind_words(words: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words.split() if not _ORIGIN.match(w) and not w.isdigit())


def kind_of_act_apart(claim_text: str, texts: Sequence[str]) -> tuple[int, int] | None:
    """Where the claim names what kind of band a band is ("is a rock band") that the
    passages, which name its kind, never name so: "a Mexican pop rock band" says "pop
    rock", not "rock"; "an American rock band" not "alternative rock". A kind is all of
    its words; where the band is from is no part of it. None when the claim names no
    kind or the passages name none, or one of them names the claim's."""
    claimed = _CLAIMED_ACT.search(claim_text)
    if claimed is None:
        return None
    mine = _kind_words(claimed.group(1))
    if not mine:
        return None
    head = claimed.group(2).lower()
    theirs = [
        _kind_words(m.group(1))
        for text in texts
        for m in _SAID_ACT.finditer(text)
        if m.group(2).lower() == head
    ]
    theirs = [t for t in theirs if t]
    if not theirs or mine in theirs:
        return None
    first = next(m for m in re.finditer(r"\S+", claimed.group(1)) if not _ORIGIN.match(m.group(0)))
    return claimed.start(1) + first.start(), claimed.end(2)
