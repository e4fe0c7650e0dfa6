"""Times counted from an event the article does not date, read against the sources' date.

"When the AAIB published its final report in March 2017, some 18 months after
the crash": the article gives the report's date but never the crash's, so the
claims reader marks the count (`claims.ELAPSED_EVENT`) with the event's word and
the claim's own date. Here the crash's date is read from the passages that tell
of it ("a Hawker Hunter crashed onto the A27 ... on 22 August 2015": a word of
the event's family, `claims.event_mentions`, with the passage's date nearest it)
and the count is compared with the time between the two dates, each read at its
granularity. The event's date is the one two thirds of the passages that date it
give (a date after "since" is another time's: "the deadliest crash since 1952");
the count is SUPPORTED or CONTRADICTED as it agrees with the time from it. Two
crashes on two days leave the time open (None), and the count is judged as any
other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..claims import counted_from_event, event_mentions
from ..records import Candidate, Claim, Fact, FactVerdict, Label, Value, ValueKind
from ..text import WORD, clause_at
from ..values import compare_measures, date_span, yearless
from ..values.dates import editor_date
from ..values.units import seconds_in
from .dates import DAY_OF_REPORT, days_back
from .evidence import evidence_of

# Characters between the word that tells of the event and the date that dates it, on
# either side, within the passage ("crashed onto the A27 during the Shoreham Airshow
# on 22 August 2015").
EVENT_REACH = 90
# The share of the passages that date the event that must give one date.
EVENT_MAJORITY = 2 / 3


def judge_since_event(
    fact: Fact, claim: Claim, candidates: Sequence[Candidate]
) -> FactVerdict | None:
    """The verdict on a time counted from an event the sources date; see the module."""
    value = fact.value
    counted = counted_from_event(value.subject) if value else None
    if value is None or value.number is None or counted is None:
        return None
    after, noun, own = counted
    found: list[tuple[str, Candidate, tuple[int, int]]] = []
    for candidate in candidates:
        dated = _event_date(candidate, noun) or _reported_as_news(candidate, noun)
        if dated is not None and _before(dated[0], own) is after:
            # A date on the other side of the claim's own is another time's: "The
            # intervention was extended in March 2023" dates no intervention that a
            # time "after the intervention, on 19 December 2022" counts from.
            found.append((dated[0], candidate, dated[1]))
    if not found:
        return None
    # The event's date is the one most passages that tell of it give: two thirds of them
    # at least ("the crash" of 22 August 2015 in five passages, of 1952 in one: the
    # Farnborough crash it is compared with).
    counts = Counter(iso for iso, _, _ in found)
    iso, most = counts.most_common(1)[0]
    if most < EVENT_MAJORITY * len(found):
        return None
    first, last = (iso, own) if after else (own, iso)
    agree = _agrees(value, first, last)
    if agree is None:
        return None
    shown = f"{noun} {editor_date(iso)}, article {editor_date(own)}"
    evidence = tuple(
        evidence_of(candidate, span=span, source_value=shown, agrees=agree)
        for date, candidate, span in found
        if date == iso
    )[:3]
    if agree:
        note = f"the {noun} dated {editor_date(iso)} by the sources, the claim {editor_date(own)}"
        return FactVerdict(fact, Label.SUPPORTED, 75, evidence, note)
    note = (
        f"article: {fact.text} - sources: the {noun} on {editor_date(iso)}, "
        f"the claim's date {editor_date(own)}"
    )
    return FactVerdict(fact, Label.CONTRADICTED, 75, evidence, note)


def _before(event: str, own: str) -> bool | None:
    """Whether an event's date (ISO, at its granularity) lies wholly before the claim's
    own date, False if wholly after, None if they overlap or cannot be read."""
    try:
        first, last = date_span(event), date_span(own)
    except ValueError:
        return None
    if first[1] < last[0]:
        return True
    if first[0] > last[1]:
        return False
    return None


def _event_date(candidate: Candidate, noun: str) -> tuple[str, tuple[int, int]] | None:
    """The date a passage gives the event `noun` names: the date nearest a word that
    tells of it, within EVENT_REACH characters; None if it tells of none or dates none.
    A word that is the object of a report's noun ("its final report on the crash in March
    2017") dates the report, not the event; a date with "since" or "before" between it
    and the word is another time's ("The crash, the deadliest since the Farnborough
    disaster of 1952")."""
    text = candidate.hit.text
    mentions = [m for m in event_mentions(text, noun) if not _ABOUT.search(text, 0, m)]
    if not mentions:
        return None
    best: tuple[int, str, tuple[int, int]] | None = None
    for v in candidate.values:
        at = v.start - candidate.hit.start
        if (
            v.kind != ValueKind.DATE
            or not v.date
            or yearless(v.date)
            or v.qualifier
            or not 0 <= at <= len(text)
        ):
            continue
        gap, near = min((abs(at - m), m) for m in mentions)
        if gap > EVENT_REACH or _ANOTHER_TIME.search(text, min(near, at), max(near, at)):
            continue
        if best is None or gap < best[0]:
            best = (gap, v.date, (v.start, v.end))
    return (best[1], best[2]) if best else None


def _reported_as_news(candidate: Candidate, noun: str) -> tuple[str, tuple[int, int]] | None:
    """The day of the source that reports the event `noun` names as news, where the
    passage gives no date of its own: in the present perfect or a present of the day
    ("The intervention has been made in response to ...", published on 2 September
    2022), or with "today" (the source's day) or "yesterday" (the day before)."""
    published = candidate.hit.published
    if not published or len(published) < 10 or yearless(published):
        return None
    if any(v.kind == ValueKind.DATE for v in candidate.values):
        return None  # the passage dates its events itself
    text = candidate.hit.text
    mentions = [m for m in event_mentions(text, noun) if not _ABOUT.search(text, 0, m)]
    if not mentions:
        return None
    day = DAY_OF_REPORT.search(text)
    if day is None and not any(_AS_NEWS.search(_clause_around(text, m)) for m in mentions):
        return None
    try:
        when = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    if day is not None:
        when -= dt.timedelta(days=days_back(day))
    at = mentions[0]
    word = WORD.match(text, at)
    end = word.end() if word else at
    return when.isoformat(), (candidate.hit.start + at, candidate.hit.start + end)


def _clause_around(text: str, at: int) -> str:
    start, end = clause_at(text, at)
    return text[start:end]


# A verb that tells an event as the news of the day, the present perfect: "has been
# made", "have announced".
_AS_NEWS = re.compile(
    r"(?i)\b(?:has|have)\s{1,3}(?:(?:now|just|today)\s{1,3})?(?:been\s{1,3})?[a-z]+(?:ed|en|ne|de|t)\b"
)


# Words between an event's word and a date that make the date another time's: "since".
_ANOTHER_TIME = re.compile(r"(?i)\b(?:since|until|till|before|after)\b")
# A noun of a report or a hearing the event's word is the object of: "its report on the".
_ABOUT = re.compile(
    r"(?i)\b(?:report|reports|inquiry|investigation|review|inquest|hearing|trial|study"
    r"|statement|findings)\s{1,3}(?:on|into|about|of|over)\s{1,3}(?:the|his|her|its|their)"
    r"\s{1,3}$"
)


def lengths_between(
    first: tuple[dt.date, dt.date], last: tuple[dt.date, dt.date], unit: str | None
) -> tuple[float, float] | None:
    """The shortest and the longest time from a date to a later one, each read at its
    granularity ("from 1991 to 1993" is one to three years), in a unit of a day or
    longer; None for any other unit."""
    seconds = seconds_in(unit)
    if seconds is None or seconds < _DAY:
        return None
    days = seconds / _DAY
    return ((last[0] - first[1]).days + 1) / days, ((last[1] - first[0]).days + 1) / days


def length_agrees(value: Value, between: tuple[float, float]) -> bool | None:
    """Whether a time the claim counts agrees with the shortest to longest time between
    two dates: True if with any of them, False if with none, None where it cannot say.
    The dates read at their granularity span a range of times ("four months" against May
    2023 to 5 September 2023 is 3.2 to 4.2 months); a time in whole units is the length
    rounded ("six months" from 5 September 2023 to 5 March 2024, 6.01 months)."""
    lengths = (between[0], sum(between) / 2, between[1])
    step = _step(value.number)
    agree = {
        compare_measures(value, replace(value, number=number, qualifier=None, subject=None))
        for n in lengths
        for number in (round(n, 2), float(round(n / step) * step))
    }
    if True in agree:
        return True
    return False if agree == {False} else None


def _step(number: float | None) -> float:
    """The unit a time is counted in: a whole one, or the half or quarter the claim's
    figure gives ("three and a half months" is 3.58 months rounded to a half)."""
    for step in (1.0, 0.5, 0.25):
        if number is not None and (number / step).is_integer():
            return step
    return 1.0


def _agrees(value: Value, first: str, last: str) -> bool | None:
    """Whether the count agrees with the time from `first` to `last` (ISO dates read at
    their granularity); None when the unit is shorter than a day or the dates run the
    wrong way."""
    try:
        between = lengths_between(date_span(first), date_span(last), value.unit)
    except ValueError:
        return None
    if between is None or between[1] <= 0:
        return None
    return length_agrees(value, (max(0.0, between[0]), between[1]))


_DAY = 86_400.0
