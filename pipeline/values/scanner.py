"""One pass over a text that finds every typed value in it (`find_values`).

The scanner walks the token list once, left to right. At a number, a month
or a currency sign it reads the longest value that starts there, deciding its
kind from a bounded look-around (a qualifier before, a unit or noun after),
and goes on after it, so values never overlap and the cost stays linear.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Sequence

from pipeline import lexicon
from pipeline.records import Granularity, Value, ValueKind

from .compare import VAGUE
from .dates import HOLIDAY_STARTS, MONTH_NAMES, DateSpan, date_at, holiday_at
from .names import AGE_WORDS, SENTENCE_BREAKS, Names
from .nouns import counted, counted_as_number_of, counted_before, plural_looking, singular
from .numbers import (
    CURRENCY_SYMBOLS,
    LEXICON,
    NUMBER_WORDS,
    SCALE_WORDS,
    Phrase,
    digits_phrase,
    fraction_after,
    read_number,
    starts_number,
)
from .tokens import NUM, URL_RE, WORD, Tokens
from .units import dimension
from .words import BOUND_WORDS, DETERMINERS, MONTHS, PASSING, PREPOSITIONS, WEEKDAYS

_DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "NZ": "NZD", "HK": "HKD"}
_CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
}  # fmt: skip
# Before "over" these make it "across", not a bound: "averaged over 7 critics", and a
# sum's scale word, "save £18.2m over two years" ("spend over £5m" keeps its bound).
_ACROSS_VERBS = frozenset({
    "averaged", "average", "averaging", "spread", "distributed",
    "m", "million", "bn", "billion", "k", "thousand",
})  # fmt: skip
# Words that a number after them names a thing by, not counts: "class 43 power cars",
# "a section 114 notice", "flight 370", "at number 17".
_DESIGNATING = (
    "number", "no", "class", "type", "model", "mark", "section", "article", "clause",
    "chapter", "route", "flight", "platform", "junction", "gate", "series", "version",
    "level", "category", "stage", "phase", "tier", "grade", "paragraph", "regulation",
)  # fmt: skip
# Units written straight after the digits: "62mm of rain", "a 5kg bag", "3km".
_GLUED_UNITS = frozenset("mm cm km kg ft lb mi mph kph".split())
# Before "pounds" these make it a weight ("weighs over 200 pounds").
_WEIGHING = frozenset({"weigh", "weighs", "weighed", "weighing", "weight", "weighted"})


_CURRENCY_CODES = frozenset({"GBP", "USD", "EUR", "JPY", "CHF", "AUD", "CAD"})

# Before these a 19xx/20xx number is a year even when a plural noun follows
# ("in 2016 officers ...", "the 2016 elections").
_YEAR_CUES = frozenset(
    {"in", "since", "by", "during", "from", "until", "till", "of", "before", "after",
     "the", "this", "that", "its", "his", "her", "their", "our", "last", "next", "mid",
     "early", "late", "spring", "summer", "autumn", "winter"}
)  # fmt: skip

# Words after which a month named alone is a date: "in March", "before April".
_MONTH_CUES = frozenset(
    "in before after by since until till during from through throughout last next".split()
)
_FULL_MONTHS = frozenset(name.lower() for name in MONTH_NAMES)
# The scales a rating is given on: "7/10", "4/5", "85/100".
_SCALES = frozenset({"5", "10", "20", "100"})
# A sentence's first words that lead into a number rather than name something.
_OPENING_WORDS = _YEAR_CUES | frozenset(
    """on at about some over under nearly almost around only just all a an by to for with
    up more fewer less least most roughly approximately some another another every each
    exactly precisely between""".split()
)
# Capitalised words before a year that date it rather than name something.
_HOLIDAYS = frozenset({"christmas", "easter", "new", "eve", "ramadan", "diwali", "hanukkah",
                       "thanksgiving", "spring", "summer", "autumn", "fall", "winter", "year",
                       "fy", "q1", "q2", "q3", "q4", "ad", "bc", "ce"})  # fmt: skip
# Kept lower-cased as a value's qualifier; `compare.interval` reads them.
_QUALIFIERS: dict[int, frozenset[tuple[str, ...]]] = {
    3: frozenset({("as", "many", "as"), ("as", "much", "as"), ("in", "excess", "of"),
                  ("as", "few", "as"), ("no", "more", "than"), ("no", "fewer", "than"),
                  ("no", "less", "than")}),
    2: frozenset({("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"),
                  ("at", "most"), ("up", "to"), ("just", "over"), ("just", "under"),
                  ("well", "over"), ("close", "to"), ("upwards", "of"), ("an", "estimated"),
                  ("just", "below"), ("just", "above"), ("older", "than"), ("younger", "than"),
                  ("higher", "than"), ("greater", "than"), ("larger", "than"), ("bigger", "than"),
                  ("lower", "than"), ("smaller", "than"), ("taller", "than"),
                  ("longer", "than"), ("heavier", "than"), ("wider", "than"), ("deeper", "than"),
                  ("shorter", "than"), ("lighter", "than"), ("narrower", "than"),
                  ("shallower", "than")}),
    1: frozenset({("over",), ("almost",), ("nearly",), ("about",), ("around",),
                  ("approximately",), ("under",), ("some",), ("roughly",), ("approx",),
                  ("circa",), ("above",), ("below",), ("exceeding",), *((w,) for w in PASSING)}),
}  # fmt: skip
# Words glued to digits that still leave the digits a value: "mid-1990s", "pre-2016".
_IDENTIFIER_OK = frozenset({"mid", "pre", "post", "early", "late"})
_MAX_AGE = 130
# Words a value may start with: a month, a number word, "a" ("a dozen").
# Plural scale words that say a figure by its order of size: "thousands of people",
# "tens of millions of pounds" (the values each allows: `compare.VAGUE`).
_MAGNITUDES = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
_MAGNITUDE_TENS = frozenset({"tens", "hundreds"})
# Tokens after "one" and its noun within which "the other" makes the two a pair.
_OTHER_REACH = 40
# Words that date a month or a year from the text's day: "last month", "this year".
_NEAR_PERIODS = frozenset({"last", "this"})
_NEAR_UNITS = frozenset({"month", "year", "month's", "year's", "month’s", "year’s"})
_WORD_STARTS = (
    frozenset(MONTHS)
    | frozenset(LEXICON)
    | {"a", "an"}
    | WEEKDAYS
    | _MAGNITUDES
    | {"tens"}
    | HOLIDAY_STARTS
    | _NEAR_PERIODS
)
# The words after "a" and a unit of time that make it a time from an event: "a week
# later", "a month before the trial".
_TIME_WAYS = ("later", "after", "afterwards", "before", "earlier", "ago")


# Dashes that join the parts of a record or a score ("7-4-1"), the replacement
# character a mangled en dash becomes among them.
_RECORD_DASHES = frozenset(
    {"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufffd"}
)


# Words before a weekday that make it the day of an event: "on Thursday", "last Friday".
# ("by Friday", "until Friday" set a deadline, read as no day.)
_WEEKDAY_LEADS = frozenset({"on", "last", "this", "next", "since", "from"})
_WEEKDAY_INDEX = {
    day: n
    for n, day in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
# A sentence that looks ahead names a weekday still to come: "will be sentenced on Friday".
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|must|should|would|could|might"
    r"|(?:is|are|was|were)\s{1,3}(?:due|expected|set|scheduled)\s{1,3}to"
    r"|(?:is|are)\s{1,3}to|(?:plans?|expects?|hopes?|aims?|intends?)\s{1,3}to|next)\b",
    re.IGNORECASE,
)


# What a population counts, and the words that give it its figure: "a population of
# 41,786", "the population was 3,500".
POPULATION_UNIT = "inhabitant"
_POPULATION_VERBS = frozenset({"of", "is", "was", "stood", "reached", "totalled", "totaled"})


def _population_before(tk: Tokens, i: int) -> str | None:
    """POPULATION_UNIT when the figure at token `i` is a population's ("a population of
    41,786", "the population was 3,500", "population stood at 900", "home to 6,500", "a
    town of 6,500"), else None."""
    k = i - 1
    if tk.is_word(k, ("at",)) and tk.is_word(k - 1, ("stood",)):
        k -= 1
    if tk.is_word(k, _POPULATION_VERBS) and tk.is_word(k - 1, ("population",)):
        return POPULATION_UNIT
    # "the town, home to about 6,500,", "a town of 6,500": the people who live there
    if tk.is_word(k, ("to",)) and tk.is_word(k - 1, ("home",)):
        return POPULATION_UNIT
    if (
        tk.is_word(k, ("of",))
        and tk.is_word(k - 1, _SETTLEMENTS)
        and tk.is_word(k - 2, ("a", "an"))
    ):
        return POPULATION_UNIT
    return None


def _members_before(tk: Tokens, i: int) -> str | None:
    """ "people" when the figure at token `i` counts the members of a body of people ("a
    jury of ten", "a crew of 40", "a panel of three"), else None."""
    k = i - 1
    if tk.is_word(k, ("of",)) and tk.is_word(k - 1, _BODIES) and tk.is_word(k - 2, ("a", "an")):
        return "people"
    return None


# Words after "N times" that make it a multiple of something ("six times as long", "three
# times the limit", "five times higher") or a rate ("three times a week"), not a count of
# the times a thing was done.
_MULTIPLIED = frozenset(
    """as the a an per each every its their his her our more less higher lower larger bigger
    longer greater faster smaller shorter slower cheaper dearer that than what""".split()
)
# Bodies whose size is the people in them: "a jury of ten".
_BODIES = ("jury", "panel", "crew", "crowd", "squad", "team", "staff", "workforce", "committee")
# Places whose size is the people in them: "a town of 6,500".
_SETTLEMENTS = ("town", "city", "village", "country", "nation", "island", "borough", "county")


def _day(iso: str | None) -> dt.date | None:
    """The day an ISO date names, if it names one."""
    if not iso or len(iso) < 10:
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


# A number with a point before three digits, as much of Europe writes thousands: "8.958".
_POINT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Nouns of what is counted whole, one by one: no count of them has a fraction.
_COUNTED_WHOLE = frozenset(
    "people person death case infection recovery fatality casualty victim".split()
)


def _whole(token: str, phrase: Phrase, noun: str) -> float:
    """A count's number, where a count of people written "8.958 people" is 8,958 (a
    point for thousands), never eight people and a fraction."""
    if (
        _POINT_THOUSANDS.fullmatch(token)
        and phrase.value == float(token)  # not "3.411 million people"
        and (noun in _COUNTED_WHOLE or lexicon.names_a_person(noun))
    ):
        return float(token.replace(".", ""))
    return phrase.value


class _Scanner:
    """One pass of `find_values` over one text."""

    def __init__(
        self,
        text: str,
        offset: int,
        persons: Sequence[tuple[int, int]],
        published: str | None = None,
    ) -> None:
        self.text = text
        self.published = _day(published)
        self.offset = offset
        self.tk = Tokens(text)
        self.names = Names(text, self.tk, persons)
        self.values: list[Value] = []
        self.free = 0  # index of the first token after the last value emitted
        self.urls = (
            [m.span() for m in URL_RE.finditer(text)] if "/" in text or "www" in text else []
        )

    # -- helpers

    def named_by_number(self, i: int, end: int) -> bool:
        """Whether a number and the noun after it (tokens `i` to `end`) are a name: a
        number word capitalised inside a sentence, before a capitalised noun ("the
        resources of Seven News", "one of the Four Tops"), or opening a sentence with
        no lower-case word right after it ("Seven News, Nine News and Sky News UK are
        ..."), in a text not set in title case. "Three Emmy Awards went to the show" and
        "Seven people died" are counts."""
        tk = self.tk
        if tk.kind[i] != WORD or not tk.tok[i][:1].isupper():
            return False
        if (i == 0 or tk.tok[i - 1] in SENTENCE_BREAKS) and (
            end >= tk.n or tk.tok[end][:1].islower()
        ):
            return False  # a sentence's first word: a name only when no verb follows it
        last = tk.tok[end - 1]
        if not last[:1].isupper() or lexicon.names_a_person(last.lower()):
            return False
        return not self.title_case

    @functools.cached_property
    def first_look_ahead(self) -> float:
        """Where the text first looks ahead ("will", "is due to"), read once a text."""
        found = _LOOKS_AHEAD.search(self.text)
        return found.start() if found is not None else float("inf")

    @functools.cached_property
    def title_case(self) -> bool:
        """Whether every longer word of the text is capitalised, as a headline's are."""
        return not any(w[:1].islower() and w.isalpha() and len(w) > 3 for w in self.tk.tok)

    def emit(
        self,
        kind: ValueKind,
        first: int,
        end: int,
        *,
        number: float | None = None,
        date: str | None = None,
        granularity: Granularity | None = None,
        unit: str | None = None,
        subject: str | None = None,
        qualifier: str | None = None,
    ) -> None:
        """Record a value covering tokens first..end-1."""
        tk = self.tk
        # A look-behind ("age", "US$") may reach into the previous value: values never overlap.
        first = max(first, self.free)
        self.free = end
        start, stop = tk.start[first], tk.end[end - 1]
        self.values.append(
            Value(
                kind=kind,
                text=self.text[start:stop],
                start=start + self.offset,
                end=stop + self.offset,
                number=number,
                date=date,
                granularity=granularity,
                unit=unit,
                subject=subject,
                qualifier=qualifier,
            )
        )

    def emit_date(self, i: int, date: DateSpan) -> int:
        """Record a date read at token `i` (unless it lacks a year); the index after it."""
        if date.iso is not None:
            self.emit(ValueKind.DATE, i, date.end, date=date.iso, granularity=date.granularity)
        return date.end

    def qualifier(self, s: int) -> tuple[str | None, int]:
        """("more than", index of "more") for a qualifier just before token `s`."""
        low = self.tk.low
        kind = self.tk.kind
        for size in (3, 2, 1):
            a = s - size
            # Only words can match: a lower-cased punctuation token is never a qualifier word.
            if a >= self.free and kind[s - 1] == WORD and tuple(low[a:s]) in _QUALIFIERS[size]:
                if size == 1 and low[a] == "over" and self.tk.is_word(a - 1, _ACROSS_VERBS):
                    return None, s  # "averaged over 7 critics": across them, no bound
                if size == 1 and low[a] == "over" and self.across_a_time(a, s):
                    return None, s  # "£300m of cuts over two years": across them
                if size == 1 and low[a] in PASSING and not self.a_total(s):
                    return None, s  # "passed 12 laws": the laws it passed
                return " ".join(low[a:s]), a
        return None, s

    def a_total(self, s: int) -> bool:
        """Whether the figure at token `s` is a total that grows past a mark, 1,000 or
        more: "had passed 1.2 million signatures", "topped 10,000", not "passed 12 laws"."""
        tk = self.tk
        if tk.kind[s] != NUM:
            return False
        if tk.is_word(s + 1, tuple(SCALE_WORDS)):
            return True
        try:
            return float(tk.tok[s].replace(",", "")) >= 1000
        except ValueError:
            return False

    def across_a_time(self, over: int, s: int) -> bool:
        """Whether "over" at token `over` spreads a plural noun before it across the
        time that starts at token `s` ("cuts over two years", "savings over the next
        three years"), rather than bounding it ("took over two years")."""
        tk = self.tk
        before = over - 1
        if before < 0:
            return False
        # after a plural noun or a figure: "cuts over two years", "21% over two years"
        plural = tk.kind[before] == WORD and plural_looking(tk.low[before])
        figure = tk.tok[before] == "%" or tk.kind[before] == NUM or tk.low[before] in SCALE_WORDS
        if not (plural or figure):
            return False
        return any(
            tk.kind[k] == WORD and dimension(singular(tk.low[k])) == "time"
            for k in range(s + 1, min(s + 3, tk.n))
        )

    def trailing_qualifier(self, j: int) -> tuple[str | None, int]:
        """("at least", index after) for "or more" / "or over" at token `j`; "at most"
        for "or fewer" / "or less" / "or under"."""
        tk = self.tk
        if not tk.is_word(j, ("or", "and")):
            return None, j
        if j + 2 < tk.n and (tk.kind[j + 2] == NUM or tk.low[j + 2] in LEXICON):
            return None, j  # "seven shots and over six assists": the next figure's bound
        if tk.is_word(j + 2, ("than",)):
            return None, j  # "forty engines and more than 200 firefighters": the next bound
        if tk.is_word(j + 1, ("more", "over", "above", "greater", "higher", "upwards")):
            return "at least", j + 2
        if tk.is_word(j, ("or",)) and tk.is_word(j + 1, ("fewer", "less", "under", "below")):
            return "at most", j + 2
        return None, j

    def years_old_end(self, j: int) -> int | None:
        """End of "-year-old", " years old" or " years of age" starting at token `j`."""
        tk = self.tk
        k = j + 1 if tk.is_hyphen(j) and tk.glued(j - 1, j) else j
        if not tk.is_word(k, ("year", "years")):
            return None
        k += 1
        if tk.is_hyphen(k) and tk.glued(k - 1, k):
            k += 1
        if tk.is_word(k, ("old",)):
            return k + 1
        if tk.is_word(k, ("of",)) and tk.is_word(k + 1, ("age",)):
            return k + 2
        return None

    def percent_end(self, j: int) -> int | None:
        """The end of the percent sign or words after a number that ends before token `j`;
        a score out of 100 is a percentage too ("61 out of 100", "35/100")."""
        tk = self.tk
        if tk.is_tok(j, ("%",)) or tk.is_word(j, ("percent",)):
            return j + 1
        if tk.is_word(j, ("per",)) and tk.is_word(j + 1, ("cent",)):
            return j + 2
        if tk.is_word(j, ("out",)) and tk.is_word(j + 1, ("of",)) and tk.is_tok(j + 2, ("100",)):
            return j + 3
        if (
            tk.is_tok(j, ("/",))
            and tk.is_tok(j + 1, ("100",))
            and tk.glued(j - 1, j)
            and tk.glued(j, j + 1)
        ):
            return j + 2
        return None

    def currency_after(self, j: int) -> str | None:
        tk = self.tk
        if j < tk.n and tk.kind[j] == WORD:
            if tk.low[j] in _CURRENCY_WORDS:
                return _CURRENCY_WORDS[tk.low[j]]
            if tk.tok[j] in _CURRENCY_CODES:
                return tk.tok[j]
        return None

    def in_url(self, i: int, url: int) -> tuple[bool, int]:
        """Whether token `i` lies in a web address; the index of the first address not
        yet passed (tokens and addresses are both in text order: one pointer suffices)."""
        urls = self.urls
        while url < len(urls) and urls[url][1] <= self.tk.start[i]:
            url += 1
        return url < len(urls) and urls[url][0] <= self.tk.start[i], url

    # -- the pass

    def run(self) -> list[Value]:
        tk = self.tk
        url = 0
        i = 0
        while i < tk.n:
            if self.urls:
                inside, url = self.in_url(i, url)
                if inside:
                    i += 1
                    continue
            if tk.kind[i] == NUM:
                i = self.at_number(i)
            elif tk.kind[i] == WORD:
                # Most words start no value: skip them without a call.
                starts = tk.low[i] in _WORD_STARTS or tk.tok[i] in _CURRENCY_CODES
                i = self.at_word(i) if starts and not self.in_compound(i) else i + 1
            elif tk.tok[i] in CURRENCY_SYMBOLS and i + 1 < tk.n and tk.kind[i + 1] == NUM:
                i = self.at_currency_symbol(i)
            else:
                i += 1
        self.values.sort(key=lambda v: v.start)
        values = [_per_time(_squared(v), self.text, self.offset) for v in self.values]
        values = sorted(
            [*values, *_clock_times(self.text, self.offset, values)], key=lambda v: v.start
        )
        return _elided(values, self.text, self.offset)

    def at_word(self, i: int) -> int:
        tk = self.tk
        if tk.low[i] in HOLIDAY_STARTS and (holiday := holiday_at(tk, i)) is not None:
            return self.emit_date(i, holiday)
        if tk.low[i] in WEEKDAYS:
            return self.at_weekday(i)
        if tk.low[i] in _NEAR_PERIODS and tk.is_word(i + 1, _NEAR_UNITS):
            return self.at_near_period(i)
        if tk.low[i] in MONTHS:
            date = date_at(tk, i, strict=True) or self.bare_month(i)
            return i + 1 if date is None else self.emit_date(i, date)
        if (
            tk.low[i] in ("a", "an")
            and i + 1 < tk.n
            and dimension(tk.low[i + 1]) == "time"
            and (half := fraction_after(tk, i + 2)) is not None
        ):
            # "a year and a half later", "took a month and a half": the unit and its part.
            bound = self.qualifier(i)[0]
            self.emit(
                ValueKind.COUNT, i, half[1], number=1.0 + half[0], unit=tk.low[i + 1],
                qualifier=bound,
            )  # fmt: skip
            return half[1]
        if (
            tk.low[i] in ("a", "an")
            and i + 1 < tk.n
            and dimension(tk.low[i + 1]) == "time"
            and tk.is_word(i + 2, _TIME_WAYS)
        ):
            # "a week later", "a month after the trial": one of the unit, as "one week".
            self.emit(ValueKind.COUNT, i, i + 2, number=1.0, unit=tk.low[i + 1])
            return i + 2
        if tk.low[i] in _MAGNITUDES or tk.low[i] == "tens":
            return self.at_magnitude(i)
        if starts_number(tk, i):
            return self.at_number(i)
        if tk.tok[i] in _CURRENCY_CODES and i + 1 < tk.n and tk.kind[i + 1] == NUM:
            return self.at_money(i, i + 1, tk.tok[i])
        return i + 1

    def at_magnitude(self, i: int) -> int:
        """A figure said by its order of size, with "of" and what it counts after it:
        "thousands of people" (a count of people), "tens of millions of pounds" (money).
        The number is the least the phrase allows, its qualifier the phrase
        (`compare.VAGUE`); without a counted noun after it, it is no value."""
        tk = self.tk
        j = i + 1
        phrase = tk.low[i]
        if (
            phrase in _MAGNITUDE_TENS
            and tk.is_word(j, ("of",))
            and j + 1 < tk.n
            and tk.low[j + 1] in _MAGNITUDES - {"dozens", "hundreds"}
        ):
            phrase = f"{phrase} of {tk.low[j + 1]}"
            j += 2
        if phrase not in VAGUE or not tk.is_word(j, ("of",)):
            return j
        low = VAGUE[phrase][0]
        currency = self.currency_after(j + 1)
        if currency is not None:
            self.emit(ValueKind.MONEY, i, j + 2, number=low, unit=currency, qualifier=phrase)
            return j + 2
        noun = counted(tk, j + 1, plural_only=True)
        if noun is None:
            return j
        self.emit(ValueKind.COUNT, i, noun[1], number=low, unit=noun[0], qualifier=phrase)
        return noun[1]

    def at_weekday(self, i: int) -> int:
        """A weekday named for an event, "on Thursday", "last Friday", read as a day of
        the week the text was published in: the last such day up to that day, or, when
        the sentence looks ahead ("will", "is due to", "next"), the next one after it.
        A weekday before a date ("Thursday 12 March 2020") is that date's."""
        tk = self.tk
        if self.published is None or not tk.tok[i][:1].isupper():
            return i + 1
        if not tk.is_word(i - 1, _WEEKDAY_LEADS):
            return i + 1
        k = i + 1
        if k < tk.n and tk.tok[k] == ",":
            k += 1
        if k < tk.n and (tk.kind[k] == NUM or tk.low[k] in MONTHS):
            return i + 1  # "Thursday 12 March": the date after it says which
        start = tk.start[i]
        ahead = tk.low[i - 1] == "next" or self.first_look_ahead < start
        target = _WEEKDAY_INDEX[tk.low[i]]
        if ahead:
            day = self.published + dt.timedelta(
                days=(target - self.published.weekday() - 1) % 7 + 1
            )
        else:
            day = self.published - dt.timedelta(days=(self.published.weekday() - target) % 7)
        self.emit(ValueKind.DATE, i, i + 1, date=day.isoformat(), granularity=Granularity.DAY)
        return i + 1

    def at_near_period(self, i: int) -> int:
        """The month or year of the text's day, or the one before it: "last month",
        "earlier this year", "last year's hearing" in a text published on 20 March 2023
        are February 2023, 2023 and 2022. After "the" or "a" it is a length of time,
        not a date ("over the last year", "in the past year")."""
        tk = self.tk
        if self.published is None or tk.is_word(i - 1, ("the", "a", "that", "every")):
            return i + 1
        year, month = self.published.year, self.published.month
        back = 1 if tk.low[i] == "last" else 0
        if tk.low[i + 1].startswith("year"):
            date, granularity = f"{year - back:04d}", Granularity.YEAR
        else:
            months = year * 12 + month - 1 - back
            date, granularity = f"{months // 12:04d}-{months % 12 + 1:02d}", Granularity.MONTH
        self.emit(ValueKind.DATE, i, i + 2, date=date, granularity=granularity)
        return i + 2

    def bare_month(self, i: int) -> DateSpan | None:
        """A month named alone after a word that dates ("in March", "before April",
        "since June"): a month without a year ("--03"), which the judges read in the
        claim's or the source's year. Its full name, capitalised; a number after it
        counts something else ("In May 23 people died" is May's)."""
        tk = self.tk
        name = tk.tok[i]
        if len(name) < 3 or not name[:1].isupper() or tk.low[i] not in _FULL_MONTHS:
            return None
        if not tk.is_word(i - 1, _MONTH_CUES):
            return None
        if tk.is_word(i + 1, ("in",)) and i + 2 < tk.n and tk.kind[i + 2] == NUM:
            return None  # "after June in 2017": the year's month, which the year dates
        return DateSpan(f"--{MONTHS[tk.low[i]]:02d}", Granularity.MONTH, i + 1)

    def at_currency_symbol(self, i: int) -> int:
        """ "£24m", "$5", "US$5", "US $5" ("US" before "$" names the dollar)."""
        tk = self.tk
        first = i
        unit = CURRENCY_SYMBOLS[tk.tok[i]]
        if tk.tok[i] == "$" and i and tk.tok[i - 1] in _DOLLAR_PREFIXES:
            # "US $ 690,000" spaced too, but for the letters that are words ("A $5 fee").
            spaced = tk.tok[i - 1] not in ("A", "C") and tk.start[i] - tk.end[i - 1] == 1
            if tk.glued(i - 1, i) or spaced:
                first = i - 1
                unit = _DOLLAR_PREFIXES[tk.tok[i - 1]]
        return self.at_money(first, i + 1, unit)

    def at_money(self, first: int, i: int, unit: str) -> int:
        phrase = digits_phrase(self.tk, i)
        if phrase is None or phrase.ordinal:
            return i + 1
        qualifier, _ = self.qualifier(first)
        self.emit(ValueKind.MONEY, first, phrase.end, number=phrase.value,
                  unit=self.rated(unit, phrase.end),
                  qualifier=qualifier or self.threshold_after(phrase.end))  # fmt: skip
        return phrase.end

    def rated(self, currency: str, j: int) -> str:
        """The currency, with the time a sum is paid per when one follows at token `j`
        ("£1,200 a day" is "GBP/day"; "£14m each month" is "GBP/month")."""
        tk = self.tk
        if tk.is_word(j, ("a", "an", "per", "each", "every")) and j + 1 < tk.n:
            word = "year" if tk.low[j + 1] == "annum" else singular(tk.low[j + 1])
            if dimension(word) == "time":
                return f"{currency}/{word}"
        return currency

    def at_number(self, i: int) -> int:
        """Read the value starting with the number (digits or words) at token `i`."""
        tk = self.tk
        if tk.kind[i] == NUM:
            end = self.at_digits(i)
            if end is not None:
                return end
        phrase = read_number(tk, i)
        if phrase is None:
            return i + 1
        if tk.kind[i] == NUM and (self.in_title(i) or self.after_opening_name(i, phrase.end)):
            return phrase.end  # part of a name: "Fallout 76", "Apollo 11", "Windows 10"
        j = phrase.end
        if phrase.ordinal:
            self.emit(ValueKind.ORDINAL, i, j, number=phrase.value)
            return j
        clock = (
            _clock(tk.tok[i], tk.low[j], glued=tk.glued(i, j))
            if j == i + 1 and tk.kind[i] == NUM and j < tk.n
            else None
        )
        if clock is not None:
            # "2.47am", "10.30 pm": a time of day, hours and minutes on the 24-hour clock
            # ("22.30"), which another time contradicts as a figure does.
            bound = self.qualifier(i)[0] or _clock_bound(self.text, tk.start[i])
            self.emit(ValueKind.COUNT, i, j + 1, number=clock, unit=TIME_OF_DAY, qualifier=bound)
            return j + 1
        if phrase.glued_word:
            # "1990s" is a decade; "62mm", "5kg", "3km" are measures in their unit, and
            # "150km/h" a speed; "10am" and the like are bare numbers. Each keeps its
            # bound ("under 150km/h").
            qualifier = self.qualifier(i)[0]
            if tk.low[j] in _GLUED_UNITS:  # "150km/h" is a speed (`_per_time`)
                self.emit(
                    ValueKind.COUNT, i, j + 1, number=phrase.value, unit=tk.low[j],
                    qualifier=qualifier,
                )  # fmt: skip
            elif tk.low[j] != "s":
                self.emit(ValueKind.NUMBER, i, j, number=phrase.value, qualifier=qualifier)
            return j + 1
        qualifier, q_start = self.qualifier(i)
        end = self.at_unit(i, phrase, qualifier)
        if end is None and 0 <= phrase.value <= _MAX_AGE and phrase.value.is_integer():
            end = self.at_age(i, phrase, qualifier, q_start)
        if end is not None:
            return end
        trailing, after = self.trailing_qualifier(phrase.end)
        if qualifier is None and trailing is not None:
            # "200 or more people": the bound, and the noun after it, as "at least 200 people".
            noun = counted(tk, after, plural_only=True)
            if noun is not None and not _partitive(tk, after):
                self.emit(ValueKind.COUNT, i, noun[1], number=phrase.value, unit=noun[0],
                          qualifier=trailing)  # fmt: skip
                return noun[1]
            self.emit(ValueKind.NUMBER, i, after, number=phrase.value, qualifier=trailing)
            return after
        return self.at_count(i, phrase, qualifier)

    def at_digits(self, i: int) -> int | None:
        """Where to go on when the digits at token `i` are not the start of a number:
        part of a code, the second half of "24/7", or a date. None otherwise."""
        tk = self.tk
        if self.in_code(i):
            # Part of a name or code: "M25", "Covid-19", "uk-england-38077859".
            return i + 1
        record = self.record_end(i)
        if record is not None:
            return record  # a record or a score, "7-4-1": coverage reads it whole
        if (
            tk.glued(i - 2, i - 1)
            and tk.glued(i - 1, i)
            and tk.tok[i - 1] in ("/", "-")
            and tk.kind[i - 2] == NUM
        ):
            # The second half of "24/7", "9/11", "a 2-1 win": a number, counting nothing;
            # of a rating ("7.4/10") none at all.
            phrase = digits_phrase(tk, i)
            if phrase is None:
                return i + 1
            if tk.tok[i - 1] != "/" or not ("." in tk.tok[i - 2] or tk.tok[i] in _SCALES):
                kind = ValueKind.ORDINAL if phrase.ordinal else ValueKind.NUMBER
                self.emit(kind, i, phrase.end, number=phrase.value)
            return phrase.end + (1 if phrase.glued_word else 0)
        if (
            i >= 3
            and tk.is_word(i - 1, ("of",))
            and tk.is_word(i - 2, ("out",))
            and tk.kind[i - 3] == NUM
        ):
            return i + 1  # the scale of a rating: "6.4 out of 10"
        if i + 2 < tk.n and tk.tok[i + 1] == ":" and tk.glued(i, i + 1) and tk.glued(i + 1, i + 2):
            return i + 3  # a time or a ratio: "11:59", "3:1"
        date = date_at(tk, i, strict=True)
        return None if date is None else self.emit_date(i, date)

    def record_end(self, i: int) -> int | None:
        """The end of a record of three parts joined by dashes ("7-4-1", "10–24–1")
        that starts at token `i`, or None."""
        tk = self.tk
        if i > 0 and tk.glued(i - 1, i) and tk.tok[i - 1] in _RECORD_DASHES:
            return None
        j, parts = i, 1
        while (
            j + 2 < tk.n
            and tk.glued(j, j + 1)
            and tk.glued(j + 1, j + 2)
            and tk.tok[j + 1] in _RECORD_DASHES
            and tk.kind[j + 2] == NUM
            and tk.tok[j + 2].isdigit()
        ):
            j, parts = j + 2, parts + 1
        if parts != 3 or not tk.tok[i].isdigit() or any(len(tk.tok[k]) > 3 for k in (i, j)):
            return None
        return j + 1

    def part_counted(self, i: int, j: int, phrase: Phrase, qualifier: str | None) -> int | None:
        """A count of a part from token `i` (the number ending before `j`); its end, or
        None. "18 of them children" counts the children; "in 16 out of 28 Bulgarian
        provinces" the provinces it is in, the whole being its scale, as "6.4 out of 10"
        is a rating's. Out of a round whole, a share: "4 out of 10 voters" counts no
        voters."""
        tk = self.tk
        if (
            tk.is_word(j, ("of",))
            and tk.is_word(j + 1, ("them", "whom"))
            and (kind := counted(tk, j + 2, plural_only=True)) is not None
        ):
            # "72 people died, 18 of them children": a count of the children.
            self.emit(ValueKind.COUNT, i, kind[1], number=phrase.value, unit=kind[0],
                      qualifier=qualifier)  # fmt: skip
            return kind[1]
        if not (tk.is_word(j, ("out",)) and tk.is_word(j + 1, ("of",)) and j + 2 < tk.n):
            return None
        scale = read_number(tk, j + 2)
        if scale is None or scale.ordinal or scale.value in _PROPORTION_WHOLES:
            return None
        whole = counted(tk, scale.end, plural_only=True)
        if whole is None:
            return None
        self.emit(ValueKind.COUNT, i, whole[1], number=phrase.value, unit=whole[0],
                  qualifier=qualifier)  # fmt: skip
        return whole[1]

    def counted_at(self, j: int) -> tuple[str, int] | None:
        """The noun a number counts from token `j` on, past a name's number ("two class
        43 power cars", "four Mark 3 coaches")."""
        tk = self.tk
        noun = counted(tk, j, plural_only=False)
        if tk.is_word(j, _DESIGNATING) and j + 1 < tk.n and tk.kind[j + 1] == NUM:
            noun = counted(tk, j + 2, plural_only=True) or noun
        return noun

    def in_compound(self, i: int) -> bool:
        """Whether the number word at token `i` ends a compound with a word that is no
        number ("mid-seven figure", a misspelt "fourty-seven"): no number of its own."""
        tk = self.tk
        return (
            tk.low[i] in NUMBER_WORDS
            and tk.is_hyphen(i - 1)
            and tk.glued(i - 2, i - 1)
            and tk.glued(i - 1, i)
            and tk.kind[i - 2] == WORD
            and tk.low[i - 2] not in NUMBER_WORDS
        )

    def in_code(self, i: int) -> bool:
        """Whether the digits at token `i` are glued to a word before them ("M25", "Covid-19")."""
        tk = self.tk
        if not tk.glued(i - 1, i):
            return False
        if tk.kind[i - 1] == WORD:
            return tk.low[i - 1] not in _IDENTIFIER_OK
        return (
            tk.is_hyphen(i - 1)
            and tk.glued(i - 2, i - 1)
            and tk.kind[i - 2] == WORD
            and tk.low[i - 2] not in _IDENTIFIER_OK
        )

    def at_unit(self, i: int, phrase: Phrase, qualifier: str | None) -> int | None:
        """A percentage or an amount of money ending in a currency word ("5 pounds")."""
        j = phrase.end
        end = self.percent_end(j)
        if end is not None:
            self.emit(ValueKind.PERCENT, i, end, number=phrase.value,
                      qualifier=qualifier or self.threshold_after(end))  # fmt: skip
            return end
        unit = self.currency_after(j)
        if unit == "GBP" and self.tk.is_word(j, ("pound", "pounds")) and self.weighed(i):
            return None  # "weighs 215 pounds": a weight, counted as one
        if unit is not None:
            self.emit(ValueKind.MONEY, i, j + 1, number=phrase.value,
                      unit=self.rated(unit, j + 1),
                      qualifier=qualifier or self.threshold_after(j + 1))  # fmt: skip
            return j + 1
        return None

    def threshold_after(self, j: int) -> str | None:
        """The bound a threshold's "beyond which" (token `j` on) sets: "the 4.99%
        beyond which a council must hold a referendum" is the bound "more than 4.99%"
        names, a threshold (`compare.THRESHOLDS`)."""
        if not self.tk.is_word(j + 1, ("which",)):
            return None
        if self.tk.is_word(j, ("beyond", "above", "over")):
            return "beyond which"
        if self.tk.is_word(j, ("below", "under")):
            return "below which"
        return None

    def weighed(self, i: int) -> bool:
        """Whether a verb of weight stands among the four tokens before token `i`."""
        tk = self.tk
        return any(tk.is_word(k, _WEIGHING) for k in range(max(0, i - 4), i))

    def plain_small(self, i: int, phrase: Phrase) -> bool:
        """Plain digits only: no words, scale, decimal point or thousands comma."""
        return not phrase.words and not phrase.scaled and self.tk.tok[i].isdigit()

    def small_whole(self, i: int, phrase: Phrase) -> bool:
        """A whole number that can be an age, in digits ("23") or words ("fifty-two")."""
        if phrase.scaled or not 0 < phrase.value < 120 or phrase.value != int(phrase.value):
            return False
        return phrase.words or (self.plain_small(i, phrase) and len(self.tk.tok[i]) <= 3)

    def at_age(self, i: int, phrase: Phrase, qualifier: str | None, q_start: int) -> int | None:
        """An age: "23 years old", "a 23-year-old", "aged 23", "Walgate, 23,", "Port was 41"."""
        tk = self.tk
        j = phrase.end
        value = phrase.value
        end = self.years_old_end(j)
        if end is not None:
            subject = self.names.age_subject(q_start)
            if subject is None and end < tk.n:
                subject = self.names.age_after_was(i, end)  # "Roussos, ..., was eight years old"
            if subject is None and end < tk.n:
                subject = self.names.name_after(end)  # "the 56-year-old Mr Gove"
            self.emit(ValueKind.AGE, i, end, number=value, subject=subject,
                      qualifier=qualifier)  # fmt: skip
            return end
        age_word = q_start - 1
        if tk.is_word(age_word, ("of",)) and tk.is_word(age_word - 1, ("age",)):
            age_word -= 1
        if tk.is_word(age_word, AGE_WORDS):
            subject = self.names.age_subject(age_word)
            self.emit(ValueKind.AGE, age_word, j, number=value, subject=subject,
                      qualifier=qualifier)  # fmt: skip
            return j
        if self.small_whole(i, phrase):
            subject = self.names.age_after_comma(i, j) or self.names.age_after_was(i, j)
            if subject is not None:
                self.emit(ValueKind.AGE, i, j, number=value, subject=subject)
                return j
        return None

    def one_for_a(self, i: int, j: int) -> bool:
        """Whether "one" at token `i` (the noun at `j`) says "a", counting nothing: "no
        one", "one victim's relative", "one constable ... and the other"."""
        tk = self.tk
        if tk.is_word(i - 1, ("no",)) or (j < tk.n and tk.low[j].endswith(("'s", "\u2019s"))):
            return True
        # "charged one constable with murder ... and the other with assault": one of a
        # pair, not a count
        # ("One body was found outside; the other three ...": one of four, counted)
        return any(
            tk.is_word(k, ("the",))
            and tk.is_word(k + 1, ("other",))
            and not (k + 2 < tk.n and (tk.kind[k + 2] == NUM or starts_number(tk, k + 2)))
            for k in range(j, min(tk.n - 1, j + _OTHER_REACH))
        )

    def at_count(self, i: int, phrase: Phrase, qualifier: str | None) -> int:
        """A year, a count of the noun that follows, or a bare number."""
        tk = self.tk
        j = phrase.end
        is_one = phrase.words and j == i + 1 and tk.low[i] == "one"
        if is_one and self.one_for_a(i, j):
            return j
        tok = tk.tok[i]
        if (
            self.plain_small(i, phrase)
            and j == i + 1
            and len(tok) == 4
            and tok[:2] in ("19", "20")
            and qualifier is None
        ):
            return self.at_year(i)
        if tk.is_word(i - 1, _DESIGNATING):
            # "number four album", "at number 17", "the number one TV series": a place in
            # an order, counting nothing (and "one" there no number at all); "two class 43
            # power cars", "a section 114 notice", "Mark 3 coaches": a name's number
            if not is_one:
                self.emit(ValueKind.NUMBER, i, j, number=phrase.value, qualifier=qualifier)
            return j
        if (
            tk.is_hyphen(j)
            and tk.glued(j - 1, j)
            and tk.glued(j, j + 1)
            and tk.kind[j + 1] == WORD
            and tk.tok[j + 1].islower()
            and tk.low[j + 1] not in _NOT_COUNTED_AFTER_HYPHEN
            and not (tk.is_hyphen(j + 2) and tk.glued(j + 1, j + 2))
        ):
            # "a 24-storey block", "a 10-mile walk", "a four-day trial": a count of the
            # word after the hyphen ("1-in-5", "-year-old" and "10-fold" are read apart).
            self.emit(ValueKind.COUNT, i, j + 2, number=phrase.value,
                      unit=singular(tk.low[j + 1]), qualifier=qualifier)  # fmt: skip
            return j + 2
        part = None if is_one else self.part_counted(i, j, phrase, qualifier)
        if part is not None:
            return part
        noun = self.counted_at(j)
        if noun is not None and _partitive(tk, j):
            # "one of the patients", "three of the officers": a part, not a count of the
            # whole. One is no number at all; more is a number with nothing counted.
            if not is_one:
                self.emit(ValueKind.NUMBER, i, j, number=phrase.value, qualifier=qualifier)
            return noun[1]
        if noun is not None and self.named_by_number(i, noun[1]):
            # "Seven News", "the Four Tops": a name, not a count.
            return noun[1]
        if noun is not None:
            trailing, after = self.trailing_qualifier(noun[1])
            if qualifier is None and trailing is not None:
                # "200 people or more"
                self.emit(ValueKind.COUNT, i, after, number=phrase.value, unit=noun[0],
                          qualifier=trailing)  # fmt: skip
                return after
            self.emit(ValueKind.COUNT, i, noun[1], number=_whole(tk.tok[i], phrase, noun[0]),
                      unit=noun[0], qualifier=qualifier)  # fmt: skip
            return noun[1]
        counted = None if is_one else self.counted_around(i, j)
        if counted is not None:
            unit, end = counted
            self.emit(ValueKind.COUNT, i, end, number=phrase.value, unit=unit,
                      qualifier=qualifier)  # fmt: skip
            return end
        if not is_one or qualifier is not None:  # "more than one" is a number
            self.emit(ValueKind.NUMBER, i, j, number=phrase.value, qualifier=qualifier)
        return j

    def counted_around(self, i: int, j: int) -> tuple[str, int] | None:
        """What the number at tokens `i`:`j`, with no noun after it, counts, and where
        the count ends: the times a thing was done ("fired his Taser at him three
        times"; not "six times as long", "three times the limit", "three times a week"),
        the noun before a verb ("the confirmed cases reached 534"), a population, a body's
        members ("a jury of ten"); None when it counts nothing."""
        tk = self.tk
        if tk.is_word(j, ("times",)) and not tk.is_word(j + 1, _MULTIPLIED):
            return "time", j + 1
        at = self.qualifier(i)[1]
        before = counted_before(tk, i) or _population_before(tk, at) or _members_before(tk, at)
        if before is None and not tk.is_word(j, ("times", "fold")):
            # "the number of confirmed cases in New York is higher than 48,000" (not
            # "8 times higher than")
            before = counted_as_number_of(tk, at - 1)
        return None if before is None else (before, j)

    def in_title(self, i: int) -> bool:
        """Whether the number at token `i` belongs to a name: a capitalised word right
        before it that is no month, day or season ("Act 2025", "Apollo 11"; not "May
        2017")."""
        tk = self.tk
        if i == 0 or tk.kind[i - 1] != WORD or not tk.tok[i - 1][:1].isupper():
            return False
        word = tk.low[i - 1]
        return (
            i - 1 > 0  # a sentence's first word is capitalised anyway
            # an owner's name is no name's first word: "Marina Vale's 2011 tour"
            and not word.endswith(("'s", "\u2019s"))
            and word not in _YEAR_CUES
            and word not in MONTHS
            and word not in WEEKDAYS
            and word not in _HOLIDAYS
        )

    def after_opening_name(self, i: int, end: int) -> bool:
        """Whether the digits at token `i` follow a sentence's first word that names
        something ("Fallout 76 was criticised"; not "In 76 cases", "Some 76 people")."""
        tk = self.tk
        return (
            i == 1
            and tk.kind[0] == WORD
            and tk.tok[0][:1].isupper()
            and tk.low[0] not in _OPENING_WORDS
            and tk.low[0] not in MONTHS
            and tk.low[0] not in WEEKDAYS
            and counted(tk, end, plural_only=False) is None
        )

    def at_year(self, i: int) -> int:
        """A lone 19xx/20xx: a year, unless it counts something ("2016 officers")."""
        tk = self.tk
        j = i + 1
        if self.in_title(i):
            return j  # "the Terrorism (Protection of Premises) Act 2025", "Euro 2016"
        if not tk.is_word(i - 1, _YEAR_CUES):
            noun = counted(tk, j, plural_only=True)
            if noun is not None:
                self.emit(ValueKind.COUNT, i, noun[1], number=float(tk.tok[i]), unit=noun[0])
                return noun[1]
        # A range of years, "1991-1993" or "1991-93", is the years from the first to the
        # last: two bounds, each a date. A season, "2016-17", "2016-2017" or "2016/2017",
        # is named by its first year.
        if (
            j + 1 < tk.n
            and tk.tok[j] in ("-", "/", "\u2013")
            and tk.glued(i, j)
            and tk.glued(j, j + 1)
            and tk.kind[j + 1] == NUM
            and len(tk.tok[j + 1]) in (2, 4)
        ):
            last = tk.tok[j + 1] if len(tk.tok[j + 1]) == 4 else tk.tok[i][:2] + tk.tok[j + 1]
            season = int(last) == int(tk.tok[i]) + 1
            if tk.tok[j] == "/" or season or not tk.tok[i] < last <= str(int(tk.tok[i]) + 99):
                self.emit(ValueKind.DATE, i, j, date=tk.tok[i], granularity=Granularity.YEAR)
                return j + 2
            self.emit(ValueKind.DATE, i, j, date=tk.tok[i], granularity=Granularity.YEAR,
                      qualifier="at least")  # fmt: skip
            self.emit(ValueKind.DATE, j + 1, j + 2, date=last, granularity=Granularity.YEAR,
                      qualifier="at most")  # fmt: skip
            return j + 2
        self.emit(ValueKind.DATE, i, j, date=tk.tok[i], granularity=Granularity.YEAR)
        return j


def find_values(
    text: str,
    *,
    offset: int = 0,
    persons: Sequence[tuple[int, int]] = (),
    published: str | None = None,
) -> list[Value]:
    """Every typed value in `text`, one per span, sorted by start.

    `start`/`end` of each value are positions in `text` plus `offset`, so a
    sentence's values can be placed in its document. `persons` are PERSON spans
    (relative to `text`, not offset) from NER; they name the subject of an age
    when they end just before it, but ages are found without them too.

    The kinds, most specific first: MONEY ("£1.5m", "$24 million", "1.5 million
    pounds"), PERCENT ("45%", "45 per cent"), AGE ("Anthony Walgate, 23,", "aged
    23", "a 23-year-old", "Port (41)", "Port was 41 when"), DATE (days, months
    and 19xx/20xx years; a day and month without a year is skipped), COUNT (a
    number and the plural noun it counts, "17 Metropolitan Police officers" ->
    17 "officer"), ORDINAL ("third", "21st"), then NUMBER for anything else,
    except the word "one" alone, which is too often a pronoun. A preceding
    "more than", "about", "at least" and the like is kept, lower-cased, as the
    qualifier. Numbers inside web addresses or codes ("M25", "Covid-19") and
    numbers too large for a float are skipped.

    With `published` (the day the text was published, ISO), a weekday the text
    names for an event ("was jailed on Thursday", "will be sentenced on Friday")
    is the day it names in the week up to that day, or after it when the verb
    looks ahead.
    """
    return _Scanner(text, offset, persons, published).run()


_SQUARE = re.compile(r"(?i)\bsquare[\s-]{1,3}\w+$")
# A length per a time after a count: "177.9 km/h", "150km/h", "90 miles per hour".
_PER_TIME = re.compile(r"(?i)\s?/\s?(h|hr|s)\b|\s{1,3}(?:an?|per)\s{1,3}(hour|second)\b")
_LENGTHS = {"km": "km", "kilometre": "km", "kilometer": "km", "m": "m", "metre": "m",
            "meter": "m", "mi": "mi", "mile": "mi"}  # fmt: skip


def _per_time(value: Value, text: str, offset: int) -> Value:
    """A length per a time is a speed: "177.9 km/h" is no 177.9 km, "150km/h" no bare 150."""
    if value.kind != ValueKind.COUNT or (value.unit or "") not in _LENGTHS:
        return value
    found = _PER_TIME.match(text, value.end - offset)
    if found is None:
        return value
    per = "s" if (found.group(1) or found.group(2) or "").lower() in ("s", "second") else "h"
    return dataclasses.replace(
        value,
        text=text[value.start - offset : offset + found.end() - offset],
        end=offset + found.end(),
        unit=f"{_LENGTHS[value.unit or '']}/{per}",
    )


def _squared(value: Value) -> Value:
    """A count of "square feet" measures an area: its unit is "square foot", not "foot"."""
    if value.kind != ValueKind.COUNT or not value.unit or not _SQUARE.search(value.text):
        return value
    return dataclasses.replace(value, unit=f"square {value.unit}")


# --- what a bare number leaves unsaid --------------------------------------------

# "between 30 and 40 officers", "30 to 40 officers": the first figure is the range's floor
# and takes the second's noun; "from 12 to 15" is a change, not a range.
_RANGE_GAP = re.compile(r"\s{1,3}(?:and|to)\s{1,3}|\s{0,3}[-\u2013]\s{0,3}")
# "from 1991 to 1993", "March to May 2020", "2015 until 2019": the dates of a period.
_DATE_RANGE_GAP = re.compile(r"(?i)\s{0,3}(?:[-\u2013\u2014]|to|until|till|through|thru)\s{0,3}")
_BETWEEN = re.compile(r"(?i)\bbetween\s{1,3}(?:about\s{1,3}|some\s{1,3}|roughly\s{1,3})?$")
_FROM = re.compile(r"(?i)\bfrom\s{1,3}(?:about\s{1,3}|some\s{1,3})?$")
# "300 staff in 2019 and 450 in 2020", "... 200 people or more, and ... 800 or more": a
# bare figure after a count, in a list or a contrast, counts what that count counts.
_ELLIPSIS_GAP = re.compile(
    r"(?i)(?:,|;|\band\b|\bbut\b|\bwhile\b|\bwhereas\b|\bagainst\b|\bthan\b|\bcompared\b"
    r"|\bto\b)"  # "by 31 votes to 19"
)
_ELLIPSIS_AFTER = re.compile(
    r"(?i)\s{0,3}(?:$|[,;:)]|\.(?!\d)|(?:in|on|at|by|for|last|this|that|the|a|an|and|or|but|while|"
    r"whereas|against|compared|than|during|before|after|since|until|a year|each|respectively|to)\b)"
)
# "90 cases, 59 in Republika Srpska": a part by place, which the judges read as such.
_BY_PLACE = re.compile(r"\s{0,3}(?:in|at|from|for)\s{1,3}(?:the\s{1,3})?[A-Z]")
# "listed at number 35", "page 12": a figure that labels something counts nothing.
_LABEL_BEFORE = re.compile(
    r"(?i)\b(?:number|no\.?|nos\.?|page|pages|chapter|section|article|room|route|flight|"
    r"platform|level|grade|round|week|day|act|episode|track|volume|issue|part|position|"
    r"place|rank|ranked|spot|size|seed|line|row|gate|junction|exit|bus|the)\s{1,3}$"
)
_SCALE_WORD = re.compile(rf"(?i)\b({'|'.join(SCALE_WORDS)})\b")
_ELLIPSIS_REACH = 120  # characters from the count to the bare figure
_LOOK_BEHIND = 30  # characters before a range read for "between" or "from"


def _elided(values: list[Value], text: str, offset: int) -> list[Value]:
    """Bare numbers given the noun (and the scale) that the words around them leave out,
    and the ends of ranges and periods read as bounds.

    A period's first date is marked "at least" and its last "at most" ("from 1991 to
    1993", "between 2010 and 2014"; `compare.compare_date_readings` reads them). A
    range's first figure is its floor and its last its ceiling, both counting the last
    one's noun: "between 30 and 40 officers" is at least 30 and at most 40 officers,
    so that "35 officers" states it and "50 officers" does not, and "between 3 and 4
    million people" is at least 3 million, "$ 30–40 million" at least $30 million
    (`_money_range`). A bare figure after a count, in a list or a contrast ("300 staff
    in 2019 and 450 in 2020") and with no noun of its own after it, counts the same
    noun, unless a place follows it ("90 cases, 59 in Republika Srpska": a part, which
    the judges read as one); only figures within a hundredfold of each other are read
    so. A total the count adds up to counts its noun too (`_nouns_carried`).
    """
    out = list(values)
    for k in range(len(out) - 1):
        v, w = out[k], out[k + 1]
        if v.kind == ValueKind.DATE and w.kind == ValueKind.DATE:
            gap = text[v.end - offset : w.start - offset]
            before = text[max(0, v.start - offset - _LOOK_BEHIND) : v.start - offset]
            if (
                not v.qualifier
                and not w.qualifier
                and (
                    _DATE_RANGE_GAP.fullmatch(gap)
                    or (gap.strip().lower() == "and" and _BETWEEN.search(before))
                )
                and (v.date or "") < (w.date or "")
            ):
                out[k] = dataclasses.replace(v, qualifier="at least")
                out[k + 1] = dataclasses.replace(w, qualifier="at most")
            continue
        if (ends := _money_range(v, w, text, offset)) is not None:
            out[k], out[k + 1] = ends
            continue
        if v.kind != ValueKind.NUMBER or v.qualifier or v.number is None or w.number is None:
            continue
        gap = text[v.end - offset : w.start - offset]
        before = text[max(0, v.start - offset - _LOOK_BEHIND) : v.start - offset]
        if not _RANGE_GAP.fullmatch(gap) or _FROM.search(before):
            continue
        between = _BETWEEN.search(before) is not None
        if ("and" in gap) != between or w.kind not in (ValueKind.COUNT, ValueKind.MONEY):
            continue
        if w.kind == ValueKind.COUNT and not plural_looking(w.text.split()[-1].lower()):
            continue  # a noun in the singular: "a 105-113 loss" is a score, not a range
        low = v.number
        scale = _SCALE_WORD.search(w.text)
        if scale and not _SCALE_WORD.search(v.text) and low * 1000 <= w.number:
            low *= SCALE_WORDS[scale.group(1).lower()]
        if not w.number / 100 <= low <= w.number or w.qualifier:
            continue
        out[k] = dataclasses.replace(v, kind=w.kind, number=low, unit=w.unit, qualifier="at least")
        out[k + 1] = dataclasses.replace(w, qualifier="at most")
    return _nouns_carried(out, text, offset)


def _nouns_carried(values: list[Value], text: str, offset: int) -> list[Value]:
    """Bare figures given the noun of the count before them: in an ellipsis ("300 staff
    in 2019 and 450 in 2020"), as its total ("nine new cases ..., bringing the total to
    63") or after a noun risen to them ("positive cases had risen to 465")."""
    out = list(values)
    last: Value | None = None  # the last count, with no other value since but dates
    for k, v in enumerate(out):
        if v.kind == ValueKind.COUNT and v.unit and v.number is not None:
            last = v
            continue
        if v.kind != ValueKind.NUMBER or v.number is None:
            last = last if v.kind == ValueKind.DATE else None
            continue
        u, last = last, None
        if u is not None and _total_of(u, v, text, offset):
            # "nine new cases were confirmed, bringing the total to 63": 63 cases
            out[k] = last = dataclasses.replace(v, kind=ValueKind.COUNT, unit=u.unit)
            continue
        risen = _RISEN_TO.search(text, max(0, v.start - offset - 60), v.start - offset)
        if risen is not None and v.number >= 2:
            # "positive cases had risen to 465": 465 cases
            noun = singular(risen.group(1).lower())
            out[k] = last = dataclasses.replace(v, kind=ValueKind.COUNT, unit=noun)
            continue
        if (
            u is None
            or _LABEL_BEFORE.search(text, max(0, v.start - offset - _LOOK_BEHIND), v.start - offset)
            or u.number is None
            or v.start - u.end > _ELLIPSIS_REACH
            or not _ELLIPSIS_GAP.search(text, u.end - offset, v.start - offset)
            or not _ELLIPSIS_AFTER.match(text, v.end - offset)
            or _BY_PLACE.match(text, v.end - offset)
            or not u.number / 100 <= v.number <= u.number * 100
            or not _parallel(text, u.start - offset, u.end - offset, v.start - offset)
        ):
            continue
        out[k] = last = dataclasses.replace(v, kind=ValueKind.COUNT, unit=u.unit)
    return out


# What brings a count to its total: "bringing the total to 63", "for a total of 266",
# "had risen to 465".
_TOTAL_BEFORE = re.compile(
    r"(?i)\b(?:(?:total|tally|toll|count)\s{1,3}(?:of|to)"
    r"|(?:rising|rose|risen|rises|climbing|climbed|increasing|increased|reaching)\s{1,3}to)"
    r"\s{1,3}$"
)
# A plural noun, then a verb of rising or falling to a figure: "cases had risen to 465",
# "the confirmed cases reached 358".
_RISEN_TO = re.compile(
    r"(?i)\b([a-z]{3,30}s)\s{1,3}(?:(?:had|have|has)\s{1,3})?"
    r"(?:(?:risen|rose|climbed|increased|grown|grew|fallen|fell|dropped|declined)\s{1,3}to"
    r"|reached)\s{1,3}$"
)
# How far before the total its count may stand.
_TOTAL_REACH = 120


def _total_of(u: Value, v: Value, text: str, offset: int) -> bool:
    """Whether a bare figure is the total a count before it in the sentence adds up to:
    "nine new cases were confirmed, bringing the total to 63" counts 63 cases."""
    return (
        u.number is not None
        and v.number is not None
        and 0 <= v.start - u.end <= _TOTAL_REACH
        and u.number <= v.number
        and _TOTAL_BEFORE.search(text, max(0, v.start - offset - 40), v.start - offset) is not None
        and not re.search(r"[.;]\s", text[u.end - offset : v.start - offset])
    )


# Between the two figures of a range, and the digits a figure is said in.
_DASH_GAP = re.compile(r"\s{0,3}[-\u2013]\s{0,3}")
_LEADING_DIGITS = re.compile(r"\d[\d,]{0,20}(?:\.\d{1,12})?")


def _money_range(v: Value, w: Value, text: str, offset: int) -> tuple[Value, Value] | None:
    """The two ends of a range of money whose scale only the last figure gives, as its
    floor and its ceiling: "$ 30–40 million" is at least $30 million and at most $40
    million, "$5-6m" at least $5 million. None when the two are no such range."""
    if not (
        v.kind == ValueKind.MONEY
        and w.kind == ValueKind.NUMBER
        and not v.qualifier
        and not w.qualifier
        and v.number is not None
        and w.number is not None
        and _DASH_GAP.fullmatch(text[v.end - offset : w.start - offset])
    ):
        return None
    mine, theirs = _LEADING_DIGITS.search(v.text), _LEADING_DIGITS.match(w.text)
    if mine is None or theirs is None:
        return None
    own = float(mine.group(0).replace(",", ""))
    said = float(theirs.group(0).replace(",", ""))
    if not said or own != v.number:
        return None  # the sum has a scale of its own ("$3m-4m")
    scale = w.number / said
    if scale < 1000 or v.number * scale > w.number:
        return None
    return (
        dataclasses.replace(v, number=v.number * scale, qualifier="at least"),
        dataclasses.replace(w, kind=ValueKind.MONEY, unit=v.unit, qualifier="at most"),
    )


# Words of their own (not dates, figures or function words) a bare figure may stand
# after a count and still count its noun, unless the same word stands before both.
_ELLIPSIS_WORDS = 2
_GAP_FUNCTION = (
    DETERMINERS
    | PREPOSITIONS
    | frozenset(
        """and or but while whereas than compared respectively each more less fewer
        about nearly almost least most up""".split()
    )
)
_GAP_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _parallel(text: str, count_start: int, count_end: int, bare_start: int) -> bool:
    """Whether a bare figure is read as the count before it says it: a few words apart
    ("300 staff in 2019 and 450 in 2020", "by 31 votes to 19"), or after the same word
    ("venues that can hold 200 people or more ... those that can hold 800 or more", "to
    lose one vote was bad enough, but losing four"). Not
    "Six months after the notice, on 5 March 2024, councillors voted by 53 to three",
    whose 53 and three are no months."""
    gap = [
        w
        for w in _GAP_WORD.findall(text[count_end:bare_start])
        if w.lower() not in _GAP_FUNCTION and w.lower() not in MONTHS
    ]
    if len(gap) <= _ELLIPSIS_WORDS:
        return True

    def word_before(at: int) -> str | None:
        words = [
            w.lower()
            for w in _GAP_WORD.findall(text[max(0, at - 40) : at])
            if w.lower() not in BOUND_WORDS
        ]
        return words[-1] if words else None

    before, other = word_before(count_start), word_before(bare_start)
    return (
        before is not None
        and other is not None
        and (before == other or bool(set(lexicon.lemmas(before)) & set(lexicon.lemmas(other))))
    )


# The unit of a time of day ("2.47am"): hours and minutes as hh.mm on the 24-hour clock.
TIME_OF_DAY = "time of day"
_CLOCK = re.compile(r"(\d{1,2})(?:[.:](\d\d))?")


# A time of day on the 24-hour clock with a colon: "the 06:38 service", "at 22:31" (not
# "11:59 pm", read as before).
_CLOCK_24 = re.compile(
    r"(?<![\w:.,])([01]\d|2[0-3]):([0-5]\d)(?![\w:.,]\d|[\w:])(?!\s{0,3}[ap]\.?m\b)", re.I
)


def _clock_times(text: str, offset: int, values: Sequence[Value]) -> list[Value]:
    """The times of day written "06:38" that no other value covers, as counts in
    TIME_OF_DAY (6.38): another time contradicts them as a figure does."""
    taken = [(v.start - offset, v.end - offset) for v in values]
    return [
        Value(
            ValueKind.COUNT,
            m.group(0),
            offset + m.start(),
            offset + m.end(),
            number=round(int(m[1]) + int(m[2]) / 100, 2),
            unit=TIME_OF_DAY,
            qualifier=_clock_bound(text, m.start()),
        )
        for m in _CLOCK_24.finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in taken)
    ]


# A time of day bounded by the word before it: "shortly after 6am", "just before 06:40".
_CLOCK_BOUNDS = (
    (re.compile(r"(?i)\bafter\s{1,3}$"), "more than"),
    (re.compile(r"(?i)\bbefore\s{1,3}$"), "less than"),
)


def _clock_bound(text: str, at: int) -> str | None:
    """The bound the words before a time of day at `at` put on it, if any."""
    before = text[max(0, at - 16) : at]
    return next((bound for pattern, bound in _CLOCK_BOUNDS if pattern.search(before)), None)


def _clock(digits: str, after: str, *, glued: bool) -> float | None:
    """The time of day of "2.47" before "am" or "pm" (14.47 for "2.47pm"), or None; "2
    am" apart only with its minutes ("2.47 am")."""
    found = _CLOCK.fullmatch(digits)
    if after not in ("am", "pm") or found is None or not (glued or found[2]):
        return None
    hours, minutes = int(found[1]), int(found[2] or 0)
    if not 1 <= hours <= 12 or minutes > 59:
        return None
    hours = hours % 12 + (12 if after == "pm" else 0)
    return round(hours + minutes / 100, 2)


# Words after "<number>-" that count nothing: "a 10-fold rise", "a 50-odd crowd", "the
# 3-nil win", "one-off", "two-thirds".
_NOT_COUNTED_AFTER_HYPHEN = frozenset(
    """fold odd plus nil nothing all love off on up way thirds third quarters half halves
    and or to in of""".split()
)


# Wholes that make "N out of" a share rather than a count: "4 out of 10 voters", "four
# out of five doctors".
_PROPORTION_WHOLES = frozenset({5.0, 10.0, 100.0, 1000.0})


def _partitive(tk: Tokens, j: int) -> bool:
    """Whether the number ending before `j` takes a part: "three of the", "one of his"."""
    return tk.is_word(j, ("of",)) and tk.is_word(j + 1, DETERMINERS)
