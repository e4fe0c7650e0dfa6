"""How critics received a work: "received mixed reviews" against "received negative reviews".

Reviews are said to be positive, mixed or negative, in many words ("favourable",
"generally unfavorable", "critical acclaim", "polarized"); the three exclude each
other. A claim that gives one of them is contradicted by a strongly relevant passage
about the same work that gives only others ("The Nun received mixed reviews" /
"It received negative reviews from critics"). A claim or passage that spans two
("mixed to positive") shares each with the passage that gives either, and is
contradicted by none of them: it says no one verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
# "generally negative reviews", "mixed to positive reviews from critics", "critical
# acclaim": one verdict or two, then what it is a verdict in.
REVIEWS = re.compile(
    rf"(?i)\b(?:(?:generally|mostly|largely|overwhelmingly|very|highly|universally|widely)"
    rf"\s{{1,3}})?(?P<first>{_WORD})(?:\s{{1,3}}(?:to|and|or)\s{{1,3}}(?P<second>{_WORD}))?"
    rf"(?:\s{{1,3}}(?:critical\s{{1,3}})?(?:reviews?|reception|notices)\b"
    rf"|(?<=acclaim)\b)"
    rf"|\bcritical\s{{1,3}}(?P<acclaim>acclaim)\b"
)


def verdicts_in(text: str) -> list[tuple[frozenset[str], re.Match[str]]]:
    """Each verdict on a work's reviews the text gives: the kinds it spans, and where."""
    found = []
    for m in REVIEWS.finditer(text):
        words = [w for w in (m.group("first"), m.group("second"), m.group("acclaim")) if w]
        found.append((frozenset(_KINDS[w.lower()] for w in words), m))
    return found


def reviewed_otherwise(
    claim_text: str, candidates: Sequence[Candidate]
) -> tuple[Candidate, str, re.Match[str]] | None:
    """The claim's verdict on the reviews, and the strongly relevant passage that gives
    only verdicts of other kinds, with the first of them; None when the claim gives none
    or two at once, or when no such passage gives one."""
    mine = verdicts_in(claim_text)
    if len(mine) != 1:
        return None
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
        if theirs and not any(kinds & other for other, _ in theirs):
            return candidate, said.group(0), theirs[0][1]
    return None
