"""Typed values in news text: counts, ages, dates, money, percentages, ordinals, numbers.

`find_values` scans a sentence and returns one `Value` per span, the most
specific reading winning: money, percentages, ages and dates over counts, counts
over bare numbers. `parse_number`, `parse_ordinal` and `parse_date` read a whole
string. `singular` is the rule used for counted nouns, exposed so that other
stages compare units the same way. `interval`, `compare_numbers`,
`date_interval` and `compare_dates` say whether two values agree.

The text is split by a single regular expression whose repetitions cannot
backtrack into one another, and everything after that walks the token list with
bounded look-ahead and look-behind, so the cost is linear in the length of the
text. Nothing here raises on any input string: what is not understood is skipped
(or `None`), and numbers too large for a float are dropped rather than kept as
infinity.

Libraries were measured for three of these jobs and not taken: text2num reads
whole strings only (no spans in running text) and refuses "a dozen", "two
dozen", "a million" and "forty-two thousand, five hundred"; dateparser takes
about 1 ms a call against 10 µs here and fills a missing day or month from
today's date; inflect's `singular_noun` turns "people" into "person" and "bus"
into "bu" and runs about 100 times slower than `singular`.

The modules, in the order they build on one another:

    tokens.py    the token list every reader walks
    words.py     word lists several readers share (months, prepositions, ...)
    numbers.py   numbers in digits and words (the number-word grammar)
    nouns.py     plurals and the noun a number counts
    dates.py     dates as ISO prefixes with their granularity
    names.py     whose age it is (the name before an age)
    scanner.py   find_values: one pass that types every value
    compare.py   intervals of numbers and dates, and comparing them
"""

from __future__ import annotations

from .compare import (
    PRECISE_DIGITS,
    VAGUE,
    approximate,
    as_of,
    came_at_last,
    compare_date_readings,
    compare_date_values,
    compare_dates,
    compare_numbers,
    date_interval,
    date_span,
    date_word,
    deadline,
    interval,
    same_bound,
    same_day_of_year,
    shift_date,
    shift_span,
    significant_digits,
    yearless_of,
)
from .dates import parse_date, yearless
from .nouns import singular
from .numbers import NUMBER_WORDS, ORDINAL_WORDS, parse_number, parse_ordinal
from .scanner import find_values
from .units import comparable, compare_measures, dimension, seconds_in, unit_size

__all__ = [
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "PRECISE_DIGITS",
    "VAGUE",
    "approximate",
    "as_of",
    "came_at_last",
    "comparable",
    "compare_date_readings",
    "compare_date_values",
    "compare_dates",
    "compare_measures",
    "compare_numbers",
    "date_interval",
    "date_span",
    "date_word",
    "deadline",
    "dimension",
    "find_values",
    "interval",
    "parse_date",
    "parse_number",
    "parse_ordinal",
    "same_bound",
    "same_day_of_year",
    "seconds_in",
    "shift_date",
    "shift_span",
    "significant_digits",
    "singular",
    "unit_size",
    "yearless",
    "yearless_of",
]
