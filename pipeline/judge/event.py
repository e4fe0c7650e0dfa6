"""Values read through the event: a passage that states the rest of a clause anchors its value.

The typed judges anchor a value by the words right around it ("17 officers"
... "investigated"). Writers rephrase those words, so many values stay
UNVERIFIED although a passage plainly tells the same event: "On the night of
22 June 2017, a suicide bomber killed 22 people in the foyer of Manchester
Arena" against "A bomb was detonated ... on Monday 22 May 2017 in the ...
foyer of Manchester Arena". Here a passage anchors a value when it states
most of the clause the value stands in (`coverage`): then its values of the
same kind (a date; a count in the same unit, or in one of the same dimension:
"two hours" / "two minutes") settle the fact. All of them must agree for
SUPPORTED, and all disagree for CONTRADICTED; a passage that gives several
values one way and the other settles nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..coverage import clauses
from ..records import Candidate, Claim, FactKind, FactVerdict, Label, Value, ValueKind
from ..values import comparable, compare_dates, compare_measures, date_interval
from .evidence import evidence_of
from .windows import Reading

# The share of the clause's other words (names included) the passage must state,
# and how many at least.
EVENT_SHARE = 0.7
EVENT_WORDS = 3
# Relevance (0-100, own words) below which a passage is not read for its event.
EVENT_RELEVANCE = 25.0
_KINDS = {
    FactKind.DATE: (ValueKind.DATE,),
    FactKind.COUNT: (ValueKind.COUNT,),
    FactKind.MONEY: (ValueKind.MONEY,),
    FactKind.PERCENT: (ValueKind.PERCENT,),
}


def recheck_values(
    claim: Claim,
    candidates: Sequence[Candidate],
    verdicts: Sequence[FactVerdict],
    reading: Reading,
) -> tuple[FactVerdict, ...]:
    """The typed verdicts, with UNVERIFIED dates and counts settled by their event."""
    out = []
    for verdict in verdicts:
        if verdict.label != Label.UNVERIFIED or verdict.fact.kind not in _KINDS:
            out.append(verdict)
            continue
        out.append(_settle(claim, verdict, candidates, reading) or verdict)
    return tuple(out)


def _settle(
    claim: Claim,
    verdict: FactVerdict,
    candidates: Sequence[Candidate],
    reading: Reading,
) -> FactVerdict | None:
    fact = verdict.fact
    value = fact.value
    if value is None:
        return None
    at = fact.start - claim.start
    start, end = next(((a, b) for a, b in clauses(claim.text) if a <= at < b), (0, len(claim.text)))
    mine = [t for t in reading.terms if start <= t.start < end]
    if len(mine) < EVENT_WORDS:
        return None
    for candidate in candidates:
        if candidate.own_relevance < EVENT_RELEVANCE:
            continue
        stated = set(reading.of(candidate).covered)
        covered = [t for t in mine if t in stated]
        if len(covered) < EVENT_WORDS or len(covered) < EVENT_SHARE * len(mine):
            continue
        settled = _by_passage(claim, verdict, candidate, value)
        if settled is not None:
            return settled
    return None


def _by_passage(
    claim: Claim, verdict: FactVerdict, candidate: Candidate, value: Value
) -> FactVerdict | None:
    """The fact settled by one passage's values of its kind, or None."""
    kinds = _KINDS[verdict.fact.kind]
    theirs = [v for v in candidate.values if v.kind in kinds]
    if value.kind == ValueKind.COUNT:
        theirs = [v for v in theirs if v.number is not None and comparable(value, v)]
    # A value that states another of the claim's facts is that fact's, not this one's:
    # "five months later ... a minimum term of 55 years" against "55 years".
    others = [
        f.value
        for f in claim.facts
        if f is not verdict.fact and f.value is not None and f.value.kind in kinds
    ]
    theirs = [v for v in theirs if not any(_agree(claim, o, v, candidate) is True for o in others)]
    if not theirs:
        return None
    agreements = [_agree(claim, value, v, candidate) for v in theirs]
    if all(a is True for a in agreements):
        evidence = evidence_of(
            candidate, span=(theirs[0].start, theirs[0].end), source_value=theirs[0].text,
            agrees=True, note="the passage tells the same event",
        )  # fmt: skip
        return replace(verdict, label=Label.SUPPORTED, score=70, evidence=(evidence,), note=None)
    if all(a is False for a in agreements):
        other = theirs[0]
        note = f"article: {verdict.fact.text} - source: {other.text}"
        evidence = evidence_of(
            candidate, span=(other.start, other.end), source_value=other.text, agrees=False,
            note="the passage tells the same event with another value",
        )  # fmt: skip
        score = min(99, round(55 + 0.4 * candidate.own_relevance))
        return replace(
            verdict, label=Label.CONTRADICTED, score=score, evidence=(evidence,), note=note
        )
    return None


def _agree(claim: Claim, value: Value, other: Value, candidate: Candidate) -> bool | None:
    if value.kind == ValueKind.DATE:
        if value.date is None or other.date is None:
            return None
        mine = date_interval(value, claim.text, offset=claim.start)
        theirs = date_interval(other, candidate.hit.text, offset=candidate.hit.start)
        return compare_dates(mine, theirs)
    return compare_measures(value, other)
