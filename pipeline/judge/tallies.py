"""The two sides of a vote: "voted by 53 to three", "a majority of seven to two".

A vote's tally is two numbers, those for and those against, which a passage may give
in other words ("53 councillors voted in favour and three voted against"). Neither
number alone says what it counts, so the number judge never denies one; read as a
tally, the passage that gives one side the claim's and the other side another, or
the same number of voters split another way, contradicts the claim's side that
differs: "by 33 to three" / "53 ... in favour and three ... against"; "by a majority
of eight to one" / "by a majority of seven to two".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Candidate, Claim, Evidence, Value
from ..values.numbers import NUMBER_WORDS, parse_number
from .evidence import CONTRADICT_CUTOFF, evidence_of

# A number in digits or words ("53", "three", "twenty-three").
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_N = rf"(\d[\d,]{{0,15}}|(?:{_WORDS})(?:-(?:{_WORDS}))?)"
# The claim's tally, and a passage's said the same way: "by 53 to three", "by a
# majority of seven to two", "by 12 votes to 3".
_BY = re.compile(
    rf"(?i)\b(?:by|of)\s{{1,3}}(?:a\s{{1,3}}(?:majority|vote)\s{{1,3}}of\s{{1,3}})?{_N}"
    rf"\s{{1,3}}(?:votes?\s{{1,3}})?to\s{{1,3}}{_N}\b"
)
# A passage's tally said side by side: "53 councillors voted in favour and three voted
# against".
_SIDES = re.compile(
    rf"(?i)\b{_N}\s{{1,3}}(?:[a-z]{{1,20}}\s{{1,3}}){{0,2}}?(?:voted\s{{1,3}})?(?:in\s{{1,3}}favou?r|for)\b"
    rf"[^.;]{{0,30}}?\b{_N}\s{{1,3}}(?:[a-z]{{1,20}}\s{{1,3}}){{0,2}}?(?:voted\s{{1,3}})?against\b"
)


def _tally(found: re.Match[str]) -> tuple[float, float] | None:
    """The two numbers of a matched tally, or None where either is no number."""
    first, second = parse_number(found.group(1)), parse_number(found.group(2))
    if first is None or second is None:
        return None
    return first, second


def _claims_tally(claim: Claim, value: Value) -> re.Match[str] | None:
    at = value.start - claim.start
    return next((m for m in _BY.finditer(claim.text) if m.start(1) <= at < m.end(2)), None)


def tally_said(claim: Claim, value: Value) -> str | None:
    """The claim's words of the tally its number stands in ("by 33 to three"), if any."""
    mine = _claims_tally(claim, value)
    return " ".join(mine.group(0).split()) if mine else None


def tally_denied(
    claim: Claim, value: Value, candidates: Sequence[Candidate]
) -> list[tuple[float, Evidence]]:
    """The passages whose tally of the claim's vote gives the claim's number's side
    another number; see the module."""
    at = value.start - claim.start
    mine = _claims_tally(claim, value)
    if mine is None or value.number is None:
        return []
    claimed = _tally(mine)
    if claimed is None or value.number not in claimed:
        return []
    side = 0 if mine.start(1) <= at < mine.end(1) else 1
    against = []
    for candidate in candidates:
        if candidate.relevance < CONTRADICT_CUTOFF:
            continue
        text = candidate.hit.text
        for found in (*_BY.finditer(text), *_SIDES.finditer(text)):
            theirs = _tally(found)
            if theirs is None or theirs == claimed:
                continue
            other = 1 - side
            alike = theirs[other] == claimed[other] or sum(theirs) == sum(claimed)
            if alike and theirs[side] != claimed[side]:
                shown = " ".join(found.group(0).split())
                span = (candidate.hit.start + found.start(), candidate.hit.start + found.end())
                evidence = evidence_of(candidate, span=span, source_value=shown, agrees=False)
                against.append((candidate.relevance, evidence))
    return against
