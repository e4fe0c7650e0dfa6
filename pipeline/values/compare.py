"""Comparing values: the interval a number or date allows, and whether two agree.

A claim's value and a source's value agree when what the source says lies
within what the claim allows ("more than 20" allows 24), disagree when the
two intervals exclude each other, and settle nothing when they only overlap.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, timedelta

from pipeline.records import Granularity, Value

from .dates import yearless
from .words import PASSING

# Qualifiers read as the interval of values they allow, relative to the number x.
_AT_LEAST = frozenset({"at least", "as many as", "as much as", "no fewer than", "no less than"})
_FLOOR = frozenset({"at least", "no fewer than", "no less than"})  # "as many as 30" -> up to 30
_ABOVE = frozenset({"more than", "over", "in excess of", "upwards of", "well over", "just over",
                    "just above", "older than", "higher than", "greater than", "larger than",
                    "bigger than", "above", "exceeding", "taller than", "longer than",
                    "heavier than", "wider than", "deeper than", *PASSING})  # fmt: skip
_BELOW = frozenset({"less than", "fewer than", "under", "just under", "just below", "below",
                    "younger than", "lower than", "smaller than", "shorter than",
                    "lighter than", "narrower than", "shallower than"})  # fmt: skip
_AT_MOST = frozenset({"at most", "up to", "as few as", "no more than"})
_NEARLY = frozenset({"almost", "nearly", "close to"})
# A threshold names its figure as a bound ("the 4.99% beyond which a council must hold a
# referendum"): the bound it sets, and the figure it states, which is the point.
THRESHOLDS = {"beyond which": "more than", "below which": "less than"}
# A ceiling that says what a figure reaches: "up to £1,200 a day" is not £500 a day.
_UP_TO = frozenset({"up to", "as many as", "as much as"})
UP_TO_SHARE = 0.1
_ABOUT = frozenset({"about", "around", "approximately", "roughly", "some", "approx", "circa",
                    "an estimated"})  # fmt: skip
_SCALE_RE = re.compile(r"(?i)\b(?:thousand|million|billion|trillion|bn|m|k|mn)\b|\d(?:bn|m|k)\b")


# Figures said only by their order of size ("thousands of people", "tens of millions
# of pounds"), by the phrase that says them: the values each allows, the upper end
# left out. Wide on purpose: "hundreds" for a hundred and fifty is loose writing, not
# a wrong figure, and a contradiction needs the source's figure outside it.
VAGUE = {
    "dozens": (20.0, 150.0),
    "hundreds": (100.0, 1e3),
    "thousands": (1e3, 1e6),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e9),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e12),
    "tens of billions": (1e10, 1e11),
    "hundreds of billions": (1e11, 1e12),
}


# How far off a figure said with a scale word may be at most ("10 million" is 9 to 11
# million, not 5 to 15).
ROUNDED_AT_MOST = 0.1


def interval(value: Value) -> tuple[float, float]:
    """The values a number allows, given its qualifier and how round it is.

    "more than 23 million" -> (23e6, inf) (open ends are nudged inwards);
    "about 40" -> (36, 44); "24 million" -> (23.5e6, 24.5e6), a number said with
    a scale word being rounded to its last digit ("10 million" -> (9e6, 11e6), at
    most ROUNDED_AT_MOST either way); "237" -> (237, 237).
    """
    x = value.number
    if x is None:
        raise ValueError(f"{value.kind} value {value.text!r} has no number")
    q = value.qualifier or ""
    q = THRESHOLDS.get(q, q)
    eps = 1e-9 * max(1.0, abs(x))
    if q in VAGUE:
        low, high = VAGUE[q]
        return low, high - eps
    if q in _ABOVE:
        return x + eps, math.inf
    if q in _UP_TO:
        # "up to £14m a month", "as many as 30": the most it reaches, so about that much.
        return (1 - UP_TO_SHARE) * x, x
    if q in _AT_LEAST:
        return (x, math.inf) if q in _FLOOR else (0.0, x)
    if q in _BELOW:
        return -math.inf, x - eps
    if q in _AT_MOST:
        return -math.inf, x
    if q in _NEARLY:
        return 0.9 * x, x
    if q in _ABOUT:
        # "about 40" is a round figure; "approximately 28,700" is precise to its digits.
        share = 0.02 if significant_digits(value.text) >= PRECISE_DIGITS else 0.1
        return (1 - share) * x, (1 + share) * x
    if _SCALE_RE.search(value.text) and x >= 1000:
        digits = f"{x:.0f}".rstrip("0")
        unit = 10 ** (len(f"{x:.0f}") - len(digits)) if digits else 1
        # "10 million" rounds to its million, not to its ten million: a figure said
        # with a scale word is no further off than ROUNDED_AT_MOST of itself.
        half = min(unit / 2, ROUNDED_AT_MOST * abs(x))
        return x - half, x + half
    return x, x


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Significant digits from which a figure is precise: "28,700", "82.41"; not "40", "3,000".
PRECISE_DIGITS = 3


def significant_digits(text: str) -> int:
    """Significant digits of the first figure in digits of `text` ("82.41" -> 4,
    "3,000" -> 1); 0 when there is none."""
    found = _DIGITS.search(text)
    if found is None:
        return 0
    whole, _, fraction = found.group(0).replace(",", "").partition(".")
    return len((whole + fraction).lstrip("0")) if fraction else len(whole.strip("0"))


def same_bound(a: Value, b: Value) -> bool:
    """Whether both values are floors ("at least", "more than") or both ceilings.

    Two floors state a threshold each: "a minimum of 24 months" does not confirm
    "at least six months", though every value the one allows the other does.
    """
    family = _bound_family(a.qualifier)
    return family is not None and family == _bound_family(b.qualifier)


def approximate(value: Value) -> bool:
    """Whether the value is said as about a figure ("about £300m", "around 40")."""
    return (value.qualifier or "") in _ABOUT


def _bound_family(qualifier: str | None) -> str | None:
    q = qualifier or ""
    q = THRESHOLDS.get(q, q)
    if q in _ABOVE or q in _FLOOR:
        return "floor"
    if q in _BELOW or q in _AT_MOST:
        return "ceiling"
    return None


def compare_numbers(claim: Value, source: Value) -> bool | None:
    """True when what the source says lies within what the claim allows, False when the
    two exclude each other, None when they overlap without one settling the other
    (the claim says "24", the source "more than 20")."""
    if (claim.qualifier or "") in THRESHOLDS:
        # The threshold is its figure: stated by the same figure, bare or with the same
        # bound; denied by another figure with that bound; a bare other figure is no
        # threshold ("an increase of about 21%" is no "4.99% beyond which").
        if claim.number == source.number:
            return True if not source.qualifier or same_bound(claim, source) else None
        return False if same_bound(claim, source) else None
    if not claim.qualifier and (source.qualifier or "") in _ABOUT and claim.number == source.number:
        return True  # "200 miles" is what a source that says "about 200 miles" gives
    if not claim.qualifier and source.qualifier and claim.number == source.number:
        return None  # "7,100 cases" against "over 7,100 cases": the claim rounds, no more
    if claim.number == source.number and not source.qualifier and _strict(claim.qualifier):
        return False  # "less than 2.5 million copies" against "2.5 million copies"
    if claim.number == source.number and not source.qualifier and claim.qualifier in _UP_TO:
        return True  # "up to £14m a month" is what reaching "£14m each month" says
    # "up to 50,000 files" is how many there are at most: an amount, read by its
    # interval, not a threshold.
    if (
        same_bound(claim, source)
        and claim.number != source.number
        and (source.qualifier or "") not in _UP_TO
    ):
        return _other_bound(claim, source)
    a_lo, a_hi = interval(claim)
    b_lo, b_hi = interval(source)
    if a_lo <= b_lo and b_hi <= a_hi:
        return True
    if b_hi < a_lo or a_hi < b_lo:
        return False
    if not source.qualifier and b_lo < b_hi and _inside_but_an_end(a_lo, a_hi, b_lo, b_hi):
        return True
    return None


def _inside_but_an_end(a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
    """Whether a claim's interval holds all of a rounded figure's but one of its ends:
    "more than 12.5 million albums" against "13 million albums". A figure exactly half
    way is as likely rounded up as down, so its ends are no values the source states."""
    tiny = 2e-9 * max(1.0, abs(b_lo), abs(b_hi))
    return a_lo <= b_lo + tiny and b_hi - tiny <= a_hi


def _strict(qualifier: str | None) -> bool:
    """Whether a bound leaves out its own number ("more than", "under")."""
    return (qualifier or "") in _ABOVE or (qualifier or "") in _BELOW


def _other_bound(claim: Value, source: Value) -> bool | None:
    """Two floors (or two ceilings) of one quantity with different numbers. Its looser
    bound falls short of the claim's: "more than 103 million views" is not what "more
    than 98 million views" says, nor "more than 500 people" what "200 or more people"
    says. Its stricter bound says what the claim's does where both are comparisons of
    an amount ("over 6 million customers" states "more than 5 million customers"); a
    floor or ceiling of a rule ("at least", "or more", "at most") sets a threshold,
    which another one does not confirm ("at least six months" against "at least 24
    months", "venues that can hold 800 or more" against "200 or more people"), unless
    it is the same one rounded. Only a figure of the same kind and unit is read so:
    "at least 109 of the counties" says nothing of "more than 2,500 cases".
    """
    if claim.kind != source.kind or claim.unit != source.unit:
        return None
    a_lo, a_hi = interval(claim)
    b_lo, b_hi = interval(source)
    if not (a_lo <= b_lo and b_hi <= a_hi):
        return False
    if rounded_threshold(claim, source):
        return True
    mine, theirs = claim.qualifier or "", source.qualifier or ""
    compared = (mine in _ABOVE and theirs in _ABOVE) or (mine in _BELOW and theirs in _BELOW)
    return True if compared else None


# How far a threshold may be rounded towards what it bounds: "more than 140,000
# subscribers" is "over 141,000 subscribers" said in rounder figures.
ROUNDED_SHARE = 0.05


def rounded_threshold(claim: Value, source: Value) -> bool:
    """Whether the claim's bound is the source's stricter one rounded to fewer digits,
    within ROUNDED_SHARE of it: "more than 140,000" for "over 141,000", "less than 700,000"
    for "fewer than 695,920"; never another threshold ("at least six months" for "at
    least 24 months")."""
    if claim.number is None or source.number is None or not source.number:
        return False
    return abs(claim.number - source.number) <= ROUNDED_SHARE * abs(
        source.number
    ) and significant_digits(claim.text) < significant_digits(source.text)


_BEFORE = frozenset({"before", "prior to", "earlier than", "until", "till", "up to"})
# "since 2019" says when a state began: 2019 itself, as a bare date ("coach since 2019"
# is not contradicted by "hired in May 2019").
_AFTER = frozenset({"after", "later than", "following"})
_BY = frozenset({"by", "no later than"})
_DATE_WORD_RE = re.compile(
    r"(?i)\b(before|prior to|earlier than|until|till|up to|after|later than|following|"
    r"by|no later than|as of)\s+(?:the\s+)?(?:early\s+|late\s+|mid\s*-?\s*)?$"
)


# The year a day without one ("--08-05") is read in: a leap year, so that 29 February is a day.
YEARLESS_YEAR = 2000


def date_span(iso: str) -> tuple[date, date]:
    """The first and last day an ISO prefix ("2019", "2019-07", "2019-07-05") covers; a
    day without a year ("--08-05") is read in YEARLESS_YEAR; the days a time counted
    from a date may land on ("2020-03/2020-04-05/2020-05-05", `shift_span`) its last
    two."""
    if "/" in iso:
        *_, first, last = iso.split("/")
        return date_span(first)[0], date_span(last)[1]
    if yearless(iso):
        month = int(iso[2:4])
        if len(iso) == 4:  # a month without a year ("--03")
            return (
                date(YEARLESS_YEAR, month, 1),
                date(YEARLESS_YEAR, month, calendar.monthrange(YEARLESS_YEAR, month)[1]),
            )
        day = date(YEARLESS_YEAR, month, int(iso[5:7]))
        return day, day
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, parts[2]), date(year, month, parts[2])


def date_interval(
    value: Value, text: str, *, offset: int = 0, source: bool = False
) -> tuple[date, date]:
    """The days a date allows, reading "before", "after", "by" just before it in `text`
    (`offset` is where `text` starts in the coordinates of `value.start`).

    "As of 26 April" is the day a figure was taken, that day itself: in a `source`, it
    supports "after 25 April" and contradicts "before 20 April"; a claim's "as of 31
    March" is not stated by a figure taken on 30 March, which may since have moved.
    """
    if value.date is None:
        raise ValueError(f"{value.kind} value {value.text!r} has no date")
    first, last = date_span(value.date)
    word = date_word(value, text, offset)
    if word in (_BEFORE | _AFTER) and _names_an_event(value, text, offset):
        # "before the 2008 UEFA Champions League Final": before a day of 2008, which
        # the year does not say.
        return (date.min, last) if word in _BEFORE else (first, date.max)
    if word in _BEFORE:
        return date.min, first - timedelta(days=1)
    if word in _AFTER:
        return last + timedelta(days=1), date.max
    if word == "as of":
        return first, last
    if word in _BY:
        return date.min, last
    # A period's first and last dates ("from 1991 to 1993"): bounds, as the scanner reads them.
    if value.qualifier == "at least":
        return first, date.max
    if value.qualifier == "at most":
        return date.min, last
    return first, last


_THE_BEFORE = re.compile(r"(?i)\bthe\s{1,3}$")
_NAME_AFTER = re.compile(r"\s{1,3}[A-Z]")


def _names_an_event(value: Value, text: str, offset: int) -> bool:
    """Whether the date is the year in an event's name after "the": "the 2008 UEFA
    Champions League Final", "the 2019 General Election"."""
    at, end = value.start - offset, value.end - offset
    return (
        value.granularity == Granularity.YEAR
        and _THE_BEFORE.search(text[max(0, at - 8) : at]) is not None
        and _NAME_AFTER.match(text, end) is not None
    )


def deadline(value: Value, text: str, *, offset: int = 0) -> bool:
    """Whether the date is a deadline ("by late 2024", "no later than March"): the day a
    plan names, which another deadline for the same plan meets only by the same day."""
    return date_word(value, text, offset) in _BY


def as_of(value: Value, text: str, *, offset: int = 0) -> bool:
    """Whether the date is when a state was observed ("as of 30 March, none had
    reported a case"): it dates the figure, not when the state began or ended, so it
    supports a claim's date but never contradicts one."""
    return date_word(value, text, offset) == "as of"


# "It took until 26 April 2016", "it was not until 2016 that": the day it came at
# last, not a day it came before.
_CAME_AT_LAST = re.compile(
    r"(?i)\b(?:took|takes|take|taking|not|waited|wait|waiting)\s{1,3}(?:\w{1,30}\s{1,3}){0,3}?"
    r"(?:until|till)\s+(?:the\s+)?$"
)


def came_at_last(before: str) -> bool:
    """Whether the words before a date make it the day something came at last ("It
    took until", "it was not until"), not the end of a time before it."""
    return _CAME_AT_LAST.search(before) is not None


def date_word(value: Value, text: str, offset: int) -> str:
    """The word that bounds a date, just before it in `text` ("before", "as of"), or ""."""
    before = text[max(0, value.start - offset - 60) : value.start - offset]
    m = _DATE_WORD_RE.search(before[-30:])
    if m and m.group(1).lower() in ("until", "till") and came_at_last(before):
        return ""
    return m.group(1).lower() if m else ""


def compare_dates(claim: tuple[date, date], source: tuple[date, date]) -> bool | None:
    """As `compare_numbers`, for day intervals."""
    if claim[0] <= source[0] and source[1] <= claim[1]:
        return True
    if source[1] < claim[0] or claim[1] < source[0]:
        return False
    return None


def compare_date_values(
    mine: str, claimed: tuple[date, date], theirs: str, said: tuple[date, date]
) -> bool | None:
    """As `compare_dates`, for the ISO dates `mine` and `theirs` and the days each allows
    (`date_interval`), when either may lack a year ("--08-05").

    Then the two are compared on month and day: "after August 5" and "on 5 August
    2018" disagree. A source's day without a year never confirms a claim's year:
    "11 March 2020" against "on March 11" is not settled, "12 March 2020" against it
    is contradicted.
    """
    if "/" in mine:
        # A time counted from a date coarser than its unit ("five weeks later", after
        # "in March 2020"): the days it allows may deny a source's date, but are too
        # many to state the claim's ("six weeks later" allows most of them too). A
        # source's date of the day counted from is that day's event, not the claim's.
        if compare_dates(date_span(mine.split("/")[0]), said) is not False:
            return None
        return False if compare_dates(claimed, said) is False else None
    a, b = yearless(mine), yearless(theirs)
    if not (a or b):
        return compare_dates(claimed, said)
    left = claimed if a else _in_yearless_year(mine, claimed)
    right = said if b else _in_yearless_year(theirs, said)
    if left is None or right is None:
        return None
    agree = compare_dates(left, right)
    return None if agree and b and not a else agree


def yearless_of(mine: str, theirs: str) -> bool:
    """Whether `theirs`, a month or day without a year ("--05"), is the month or day of
    the dated `mine` ("2018-05"): a passage's "in May" read as a claim's "May 2018"."""
    return yearless(theirs) and not yearless(mine) and mine[4:] == theirs[1:]


def compare_date_readings(
    value: Value, claimed: tuple[date, date], other: Value, said: tuple[date, date]
) -> bool | None:
    """`compare_date_values` for a claim's date `value` and a source's `other`, read
    as the scanner marks a period's ends ("from 1991 to 1993": the first "at least",
    the last "at most").

    Two firsts (or two lasts) are compared as the dates they are: "between December
    1970 and March 1971" is not "between November 1970 and January 1971". A period's
    end is never stated by a date inside the period ("1992" does not say that an
    engagement ran from 1991 to 1993), but one outside it denies it. A claim's plain
    date is stated by a period's end that falls within it ("built in 2011" by "built
    between 2011 and 2012").
    """
    if value.date is None or other.date is None:
        return None
    if value.qualifier and other.qualifier == value.qualifier:
        return compare_date_values(
            value.date, date_span(value.date), other.date, date_span(other.date)
        )
    if not value.qualifier and other.qualifier in ("at least", "at most"):
        # The period's end is a date the passage names: "between 2011 and 2012" says
        # "in 2011 and 2012"; "from 1 May 2011" says "from May 2011".
        end = compare_date_values(value.date, claimed, other.date, date_span(other.date))
        if end is True:
            return True
    agree = compare_date_values(value.date, claimed, other.date, said)
    return None if agree and value.qualifier else agree


def same_day_of_year(
    mine: str, claimed: tuple[date, date], theirs: str, said: tuple[date, date]
) -> bool:
    """Whether a source's day without a year is one the claim's dated day allows: the
    source then holds the claim's day, and its other dates are about other events."""
    if not yearless(theirs) or yearless(mine):
        return False
    left = _in_yearless_year(mine, claimed)
    return left is not None and compare_dates(left, said) is True


def _in_yearless_year(iso: str, days: tuple[date, date]) -> tuple[date, date] | None:
    """The days of a dated day or month (or a bound from one) moved into YEARLESS_YEAR;
    None for a year, which says nothing of a month and day."""
    if len(iso) < 7:
        return None
    first, last = days
    if first != date.min and last != date.max and first.year != last.year:
        return None
    return (
        first if first == date.min else first.replace(year=YEARLESS_YEAR),
        last if last == date.max else last.replace(year=YEARLESS_YEAR),
    )


# Days in a unit of time, for a time counted from a date coarser than its unit.
_DAYS_IN = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}


def shift_span(iso: str, low: float, high: float, unit: str) -> str | None:
    """The days that a time of `low` to `high` units (negative: before) after any day of
    an ISO date may land on, after the date itself ("2020-03" and 5 weeks:
    "2020-03/2020-04-05/2020-05-05"), or None for a day without a year or an unbounded
    time."""
    days = _DAYS_IN.get(unit)
    if days is None or yearless(iso) or not (math.isfinite(low) and math.isfinite(high)):
        return None
    first, last = date_span(iso)
    try:
        start = first + timedelta(days=math.floor(min(low, high) * days))
        end = last + timedelta(days=math.ceil(max(low, high) * days))
    except OverflowError:
        return None
    return f"{iso}/{start.isoformat()}/{end.isoformat()}"


def shift_date(iso: str, amount: float, unit: str) -> tuple[str, Granularity] | None:
    """An ISO date moved by a duration ("2020-03" and 5 months: "2020-08"), or None.

    Months and years move a month or a year (a day's date keeps only its month:
    "five months later" is not to the day); days and weeks move a day, and need
    one to start from. A fraction of a unit is no date.
    """
    if amount != int(amount) or yearless(iso):
        return None
    n = int(amount)
    parts = [int(p) for p in iso.split("-")]
    if unit == "year":
        if len(parts) == 1:
            return f"{parts[0] + n:04d}", Granularity.YEAR
        return f"{parts[0] + n:04d}-{parts[1]:02d}", Granularity.MONTH
    if unit == "month" and len(parts) >= 2:
        months = parts[0] * 12 + (parts[1] - 1) + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}", Granularity.MONTH
    if unit in ("day", "week") and len(parts) == 3:
        day = date(*parts) + timedelta(days=n * (7 if unit == "week" else 1))
        return day.isoformat(), Granularity.DAY
    return None
