"""How often: a frequency the claim gives ("once a fortnight", "weekly"), read against
the passages that state the rest of it.

A frequency is a value no typed judge reads, and its words ("a month", "weekly") are
light words the whole-claim reading passes over. It is stated by a passage that gives
the same rate in any form ("once a fortnight" / "fortnightly", "twice a year" / "every
six months"), contradicted by one of those passages that gives another rate and never
the claim's ("article: once a month - source: fortnightly"), and otherwise unstated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..records import Claim, Evidence, FactKind, FactVerdict, Label
from ..values import date_span, parse_number, seconds_in

# A quarter, in the unit a rate is read in (`seconds_in` knows the other periods).
_QUARTER_MONTHS = 3
_ADVERBS = {"daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month",
            "quarterly": "quarter", "annually": "year", "yearly": "year"}  # fmt: skip
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PERIOD = r"(day|week|fortnight|month|quarter|year)s?"
_FREQUENCY = re.compile(
    rf"(?i)\b(?:(once|twice|thrice|[\w-]{{1,20}}\s{{1,3}}times"
    rf"|(?<![£$€\d.,])(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,6}}))"
    rf"\s{{1,3}}(?:a|an|per|each|every)\s{{1,3}}{_PERIOD}"
    rf"|every\s{{1,3}}(other\s{{1,3}}|[\w-]{{1,20}}\s{{1,3}})?{_PERIOD}"
    r"|(daily|weekly|fortnightly|monthly|quarterly|annually|yearly))\b"
)


@dataclass(frozen=True, slots=True)
class Frequency:
    """A rate found in a text: how many times a day, and where its words stand."""

    per_day: float
    text: str
    start: int
    end: int


def frequencies(text: str) -> list[Frequency]:
    """The rates a text gives: "once a fortnight", "twice a year", "every other week",
    "every six months", "monthly", "roughly one a week"."""
    found = []
    for m in _FREQUENCY.finditer(text):
        times, period, every, every_period, adverb = m.groups()
        if adverb:
            rate = 1.0 / _days(_ADVERBS[adverb.lower()])
        elif times:
            count = _TIMES.get(times.lower()) or parse_number(times.split()[0])
            if not count:
                continue
            rate = count / _days(period.lower())
        else:
            step = 2.0 if every and every.strip().lower() == "other" else 1.0
            if every and step == 1.0:
                number = parse_number(every.strip())
                if number is None:
                    continue  # "every single week"
                step = number
            rate = 1.0 / (step * _days(every_period.lower()))
        found.append(Frequency(rate, m.group(0), m.start(), m.end()))
    return found


def _days(period: str) -> float:
    """Days in a period a rate is given per: "fortnight" 14, "quarter" three months."""
    if period == "quarter":
        return _QUARTER_MONTHS * _days("month")
    return (seconds_in(period) or 86_400.0) / 86_400.0


def same_rate(a: float, b: float) -> bool:
    """Two rates alike within the slack of a month's length."""
    return abs(a - b) <= 0.05 * max(a, b)


def read_frequency(
    claim_text: str, texts: Iterable[str]
) -> tuple[Frequency, Frequency | None] | None:
    """The claim's first frequency that the texts do not state, with a rate one of them
    gives instead (None when they give none); None when every one is stated."""
    mine_all = frequencies(claim_text)
    if not mine_all:
        return None  # the common case: no passage read
    theirs = [f for text in texts for f in frequencies(text)]
    for mine in mine_all:
        if any(same_rate(mine.per_day, f.per_day) for f in theirs):
            continue
        return mine, (theirs[0] if theirs else None)
    return None


# A period the claim counts over: "between 2000 and 2014", "from 2000 to 2014".
_OVER = re.compile(r"(?i)\b(?:between|from)\s{1,3}$")
_TO = re.compile(r"(?i)^\s{1,3}(?:and|to|until)\s{1,3}$")
# Words that make a rate rough ("roughly one a week"), and how far off it may be.
_ROUGHLY = re.compile(r"(?i)\b(?:roughly|about|around|approximately|some|nearly|almost)\s{1,3}$")
ROUGH_SHARE = 0.35
EXACT_SHARE = 0.1


def derived_rate(
    claim: Claim, verdicts: Sequence[FactVerdict], mine: Frequency
) -> tuple[bool, str, tuple[Evidence, ...]] | None:
    """Whether the claim's rate is what its own stated count over its own stated period
    makes ("736 subpostmasters between 2000 and 2014, roughly one a week": 0.9 a
    week), with a note and the evidence of the two; None when the claim gives no
    stated count and period to work it out from."""
    text, offset = claim.text, claim.start
    stated = [v for v in verdicts if v.label == Label.SUPPORTED and v.fact.value is not None]
    count = next(
        (
            v
            for v in stated
            if v.fact.kind == FactKind.COUNT
            and v.fact.value is not None
            and v.fact.value.number
            and not v.fact.value.qualifier
            and v.fact.start < offset + mine.start
        ),
        None,
    )
    if count is None or count.fact.value is None or count.fact.value.number is None:
        return None
    dates = sorted(
        (
            (v.fact.start, v, v.fact.value.date)
            for v in stated
            if v.fact.kind == FactKind.DATE and v.fact.value is not None and v.fact.value.date
        ),
        key=lambda found: found[0],
    )
    for (_, first, since), (_, last, until) in pairwise(dates):
        opens = _OVER.search(text[: first.fact.start - offset])
        if opens is None or not _TO.match(text[first.fact.end - offset : last.fact.start - offset]):
            continue
        begin, end = date_span(since)[0], date_span(until)[1]
        if end < begin:
            continue
        rate = count.fact.value.number / ((end - begin).days + 1)
        share = ROUGH_SHARE if _ROUGHLY.search(text[: mine.start]) else EXACT_SHARE
        agrees = abs(rate - mine.per_day) <= share * max(rate, mine.per_day)
        period = text[opens.start() : last.fact.end - offset].strip()
        period = period[:1].lower() + period[1:]
        note = (
            f"article: {mine.text} - sources: {count.fact.text} {period}, about"
            f" {rate / mine.per_day:.2g} times that"
        )
        evidence = tuple(e for v in (count, first, last) for e in v.evidence[:1])
        return agrees, note, evidence
    return None
