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
from collections.abc import Iterable
from dataclasses import dataclass

from ..values import parse_number, seconds_in

# A quarter, in the unit a rate is read in (`seconds_in` knows the other periods).
_QUARTER_MONTHS = 3
_ADVERBS = {"daily": "day", "weekly": "week", "fortnightly": "fortnight", "monthly": "month",
            "quarterly": "quarter", "annually": "year", "yearly": "year"}  # fmt: skip
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PERIOD = r"(day|week|fortnight|month|quarter|year)s?"
_FREQUENCY = re.compile(
    rf"(?i)\b(?:(once|twice|thrice|[\w-]{{1,20}}\s{{1,3}}times)\s{{1,3}}(?:a|an|per|each|every)"
    rf"\s{{1,3}}{_PERIOD}"
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
    "every six months", "monthly"."""
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
