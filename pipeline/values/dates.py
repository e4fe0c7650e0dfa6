"""Dates: "23 November 2016", "November 23, 2016", "July 2019", "2016-11-23", "23/11/2016".

`date_at` reads the date starting at one token, as the scanner needs;
`parse_date` reads a whole string. A date is an ISO prefix and its
granularity: a missing day or month is left out, never filled in (so "July
2019" is "2019-07", not a day of it). A day and month without a year ("on 5
August") is ISO 8601's "--08-05": it agrees or disagrees with other dates on its
month and day only (`compare.compare_date_values`).
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from pipeline.records import Granularity

from .nouns import counted
from .numbers import ORDINAL_SUFFIXES
from .tokens import NUM, Tokens
from .words import MONTHS, WEEKDAYS

_MONTH_ABBREVIATIONS = frozenset(
    k for k in MONTHS if len(k) <= 4 and k not in {"may", "june", "july"}
)
_DATE_LEADERS = frozenset(
    {"in", "on", "since", "by", "during", "from", "until", "till", "of", "the", "before",
     "after", ","} | WEEKDAYS
)  # fmt: skip


class DateSpan(NamedTuple):
    """A date read from the token list."""

    iso: str | None  # None: no date after all
    granularity: Granularity | None
    end: int  # index of the first token after the date


def _small_int(tk: Tokens, i: int, max_len: int) -> int | None:
    if 0 <= i < tk.n and tk.kind[i] == NUM and len(tk.tok[i]) <= max_len:
        tok = tk.tok[i]
        if tok.isdigit():
            return int(tok)
    return None


def year_at(tk: Tokens, i: int) -> int | None:
    """The year (1000-2999) written as four digits at token `i`, or None."""
    if 0 <= i < tk.n and tk.kind[i] == NUM and len(tk.tok[i]) == 4 and tk.tok[i].isdigit():
        year = int(tk.tok[i])
        if 1000 <= year <= 2999 and not tk.is_word(i + 1, ORDINAL_SUFFIXES):
            return year
    return None


def _month_at(tk: Tokens, i: int, strict: bool) -> tuple[int, int] | None:
    """(month, index after it) for a month name or abbreviation at token `i`."""
    if not tk.is_word(i, MONTHS) or (strict and not tk.tok[i][0].isupper()):
        return None
    end = i + 1
    if tk.low[i] in _MONTH_ABBREVIATIONS and end < tk.n and tk.tok[end] == "." and tk.glued(i, end):
        end += 1
    return MONTHS[tk.low[i]], end


def _after_ordinal_suffix(tk: Tokens, i: int) -> int:
    """The index after the day at token `i` and its glued suffix, if any ("23rd")."""
    k = i + 1
    if tk.is_word(k, ORDINAL_SUFFIXES) and tk.glued(i, k):
        k += 1
    return k


def _after_comma(tk: Tokens, k: int) -> int:
    """`k`, or the index after it when token `k` is a comma ("November 23, 2016")."""
    return k + 1 if k < tk.n and tk.tok[k] == "," else k


def yearless(iso: str | None) -> bool:
    """Whether an ISO date is a day and month without a year ("--08-05")."""
    return iso is not None and iso.startswith("--")


def _yearless_day(month: int, day: int, end: int) -> DateSpan | None:
    """A day and month with no year ("5 August"), or None when no year has that day."""
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None
    return DateSpan(f"--{month:02d}-{day:02d}", Granularity.DAY, end)


def _day(year: int, month: int, day: int, end: int) -> DateSpan | None:
    """The day as a date ending before token `end`, or None when there is no such day."""
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateSpan(f"{year:04d}-{month:02d}-{day:02d}", Granularity.DAY, end)


def _numeric_date(tk: Tokens, i: int) -> DateSpan | None:
    """ISO "2016-11-23", or "23/11/2016" read day first (British) unless that is invalid."""
    if i + 4 >= tk.n:
        return None
    sep = tk.tok[i + 1]
    if sep not in ("-", "/") or sep != tk.tok[i + 3] or tk.kind[i + 2] != NUM:
        return None
    if not all(tk.glued(k, k + 1) for k in range(i, i + 4)):
        return None
    if sep == "-":
        year, month, day = year_at(tk, i), _small_int(tk, i + 2, 2), _small_int(tk, i + 4, 2)
    else:
        day, month, year = _small_int(tk, i, 2), _small_int(tk, i + 2, 2), year_at(tk, i + 4)
        if day is not None and month is not None and month > 12 and day <= 12:
            day, month = month, day
    if year is None or month is None or day is None or not 1 <= month <= 12:
        return None
    return _day(year, month, day, i + 5)


def _day_first(tk: Tokens, i: int, strict: bool, *, joined: bool = True) -> DateSpan | None:
    """A date starting with a number at token `i`: ISO, numeric, or "23(rd) (of) November 2016"."""
    numeric = _numeric_date(tk, i)
    if numeric is not None:
        return numeric
    day = _small_int(tk, i, 2)
    if day is None or not 1 <= day <= 31:
        return None
    k = _after_ordinal_suffix(tk, i)
    if tk.is_word(k, ("of",)) and _month_at(tk, k + 1, strict) is not None:
        k += 1
    month_end = _month_at(tk, k, strict)
    if month_end is None:
        return _first_of_two_days(tk, k, day, strict) if joined else None
    month, k = month_end
    y = _after_comma(tk, k)
    year = year_at(tk, y)
    if year is None:
        return _yearless_day(month, day, k) or DateSpan(None, None, k)
    return _day(year, month, day, y + 1)


# Between the first of two days of one month and the second: "from 22 *to* 25 March",
# "on 14 *and* 15 June", "22*-*25 March".
_DAYS_JOINED = ("to", "and", "until", "till", "through", "-", "\u2013")


def _first_of_two_days(tk: Tokens, k: int, day: int, strict: bool) -> DateSpan | None:
    """The first day of "from 22 to 25 March (2021)", which takes the month and year of
    the second (the second is read as a date of its own), ending after its number; None
    when no day and month follow."""
    if not (tk.is_word(k, _DAYS_JOINED) or (k < tk.n and tk.tok[k] in _DAYS_JOINED)):
        return None
    # (the second read alone: "1-1-1-1" is no chain of spans)
    second = _day_first(tk, k + 1, strict, joined=False) if _small_int(tk, k + 1, 2) else None
    if second is None or second.iso is None or not second.iso[-2:].isdigit():
        return None
    if int(second.iso[-2:]) <= day:
        return None  # "22 to 5 March" is no span of one month
    return DateSpan(second.iso[:-2] + f"{day:02d}", Granularity.DAY, k)


def _month_first(tk: Tokens, i: int, strict: bool) -> DateSpan | None:
    """A date starting with a month at token `i`: "November 23, 2016", "July (of) 2019"."""
    month_end = _month_at(tk, i, strict)
    if month_end is None:
        return None
    month, k = month_end
    day = _small_int(tk, k, 2)
    if day is not None:
        d_end = _after_ordinal_suffix(tk, k)
        y = _after_comma(tk, d_end)
        year = year_at(tk, y)
        if year is not None:
            return _day(year, month, day, y + 1)
        # "In May 23 people died": the number counts something, it is not a day.
        if 1 <= day <= 31 and counted(tk, d_end, plural_only=True) is None:
            return _yearless_day(month, day, d_end) or DateSpan(None, None, d_end)
        return None
    y = k + 1 if tk.is_word(k, ("of",)) else k
    year = year_at(tk, y)
    if year is None:
        return None
    return DateSpan(f"{year:04d}-{month:02d}", Granularity.MONTH, y + 1)


# Days that have a name and the same date every year, by the words of the name (lower
# case, possessives without the apostrophe): "New Year's Day" is 1 January.
HOLIDAYS: dict[tuple[str, ...], tuple[int, int]] = {
    ("new", "years", "day"): (1, 1),
    ("new", "years", "eve"): (12, 31),
    ("christmas", "day"): (12, 25),
    ("christmas", "eve"): (12, 24),
    ("boxing", "day"): (12, 26),
    ("valentines", "day"): (2, 14),
    ("st", "patricks", "day"): (3, 17),
    ("armistice", "day"): (11, 11),
    ("bonfire", "night"): (11, 5),
    ("guy", "fawkes", "night"): (11, 5),
    ("burns", "night"): (1, 25),
    ("halloween",): (10, 31),
}
HOLIDAY_STARTS = frozenset(words[0] for words in HOLIDAYS)


def holiday_at(tk: Tokens, i: int) -> DateSpan | None:
    """A named day at token `i`, capitalised as a name ("New Year's Day", "Christmas
    Eve 2019"), with the year after it if one is given, else without a year."""
    for words, (month, day) in HOLIDAYS.items():
        end = i + len(words)
        if end > tk.n or any(
            not tk.tok[k][:1].isupper() or tk.low[k].replace("'", "").replace("\u2019", "") != word
            for k, word in zip(range(i, end), words, strict=True)
        ):
            continue
        y = _after_comma(tk, end)
        year = year_at(tk, y)
        if year is not None:
            return _day(year, month, day, y + 1)
        return _yearless_day(month, day, end)
    return None


def date_at(tk: Tokens, i: int, *, strict: bool) -> DateSpan | None:
    """A date starting at token `i`: day month year, month day year, month year, ISO.

    `strict` asks for capitalised month names, as running text has them ("May" the
    month, "may" the verb).
    """
    if tk.kind[i] == NUM:
        return _day_first(tk, i, strict)
    return _month_first(tk, i, strict)


def parse_date(text: str) -> tuple[str, Granularity] | None:
    """The date a whole string gives, as an ISO prefix and its granularity.

    "23 November 2016", "23rd November 2016", "November 23, 2016" and "2016-11-23"
    are days; "July 2019" and "Sept 2014" months; "2016" a year (1000-2999).
    Leading prepositions and a weekday are allowed ("in 2016", "on Friday 5 July
    2019"), month names in any case. "23/11/2016" is read day first, as in
    British usage, unless only month first is a valid date. A day and month
    without a year and impossible dates (31 February) are None.
    """
    tk = Tokens(text)
    i = 0
    while i < tk.n and i < 4 and tk.low[i] in _DATE_LEADERS:
        i += 1
    end = tk.n - 1 if tk.n > i + 1 and tk.tok[-1] == "." else tk.n
    if i >= end:
        return None
    if end - i == 1:
        year = year_at(tk, i)
        return (tk.tok[i], Granularity.YEAR) if year is not None else None
    date = date_at(tk, i, strict=False)
    if date is None or date.iso is None or date.granularity is None or date.end != end:
        return None
    if yearless(date.iso):
        return None
    return date.iso, date.granularity


MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEARLESS = re.compile(r"--(\d{2})(?:-(\d{2}))?")


def editor_date(iso: str) -> str:
    """An ISO date (or its year or month prefix) as an editor writes it.

    "2019-07-05" is "5 July 2019", "2019-06" is "June 2019", "2019" stays, "--08-05"
    is "5 August", "--08" "August";
    the days a time counted from a date may land on ("2020-03/2020-04-05/2020-05-05")
    are "between 5 April 2020 and 5 May 2020";
    anything else (already words, or not a date) is returned as it is.
    """
    if iso.count("/") == 2:
        *_, first, last = iso.split("/")
        return f"between {editor_date(first)} and {editor_date(last)}"
    day_of = _YEARLESS.fullmatch(iso.strip())
    if day_of is not None and 1 <= int(day_of.group(1)) <= 12:
        name = MONTH_NAMES[int(day_of.group(1)) - 1]
        return f"{int(day_of.group(2))} {name}" if day_of.group(2) else name
    match = _ISO_DATE.fullmatch(iso.strip())
    if match is None:
        return iso
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return iso
    name = MONTH_NAMES[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"
