"""Tests of pipeline.values: number words, dates, and the typed values of a sentence."""

from __future__ import annotations

import itertools
import math
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import Granularity, Value, ValueKind
from pipeline.values import (
    compare_date_values,
    compare_dates,
    compare_numbers,
    date_interval,
    date_span,
    find_values,
    parse_date,
    parse_number,
    parse_ordinal,
    singular,
)
from pipeline.values.dates import editor_date

FAST = settings(max_examples=200, deadline=None)

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def spell(n: int, *, hyphen: bool = True, use_and: bool = True, comma: bool = True) -> str:
    """`n` (0..999,999) in English words, British style by default:
    342561 -> "three hundred and forty-two thousand, five hundred and sixty-one"."""
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, ones = divmod(n, 10)
        if not ones:
            return _TENS[tens]
        return _TENS[tens] + ("-" if hyphen else " ") + _ONES[ones]
    opts = {"hyphen": hyphen, "use_and": use_and, "comma": comma}
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        words = _ONES[hundreds] + " hundred"
        if rest:
            words += (" and " if use_and else " ") + spell(rest, **opts)
        return words
    thousands, rest = divmod(n, 1000)
    words = spell(thousands, **opts) + " thousand"
    if rest >= 100:
        words += ("," if comma else "") + " " + spell(rest, **opts)
    elif rest:
        words += (" and " if use_and else " ") + spell(rest, **opts)
    return words


def one(text: str, kind: ValueKind, **kwargs: object) -> Value:
    """The only value of `kind` in `text`."""
    found = [v for v in find_values(text, **kwargs) if v.kind == kind]  # type: ignore[arg-type]
    assert len(found) == 1, (text, find_values(text))
    return found[0]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(v.kind.value, v.text) for v in find_values(text)]


# --- parse_number -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17", 17),
        ("1,234", 1234),
        ("1,234,567", 1234567),
        ("2.5", 2.5),
        ("seventeen", 17),
        ("Seventeen", 17),
        ("SEVENTEEN", 17),
        ("twenty-three", 23),
        ("twenty three", 23),
        ("one hundred and five", 105),
        ("one hundred five", 105),
        ("a hundred", 100),
        ("a dozen", 12),
        ("dozen", 12),
        ("two dozen", 24),
        ("a million", 1_000_000),
        ("nineteen hundred", 1900),
        ("two thousand and sixteen", 2016),
        ("three hundred and forty-two thousand, five hundred and sixty-one", 342_561),
        ("zero", 0),
        ("2.5 million", 2_500_000),
        ("1.1 million", 1_100_000),
        ("23 million", 23_000_000),
        ("24m", 24_000_000),
        ("£24m", 24_000_000),
        ("3bn", 3_000_000_000),
        ("40k", 40_000),
        ("1.5 billion", 1_500_000_000),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "officers",
        "a couple of",
        "half",
        "dozens",
        "hundreds",
        "hundred",
        "one two",
        "twenty thirty",
        "twenty-",
        "one hundred and",
        "third",
        "1st",
        "1e308",
        "1,2345",
        "17 officers",
        "1" + "0" * 400,
        "9" * 5000,
        "-5",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --- parse_ordinal ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first", 1),
        ("First", 1),
        ("third", 3),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("twenty first", 21),
        ("one hundred and first", 101),
        ("hundredth", 100),
        ("1st", 1),
        ("22nd", 22),
        ("3rd", 3),
        ("4th", 4),
        ("101st", 101),
    ],
)
def test_parse_ordinal(text: str, expected: int) -> None:
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize("text", ["", "three", "3", "twenty-", "first second", "1" * 30 + "th"])
def test_parse_ordinal_rejects(text: str) -> None:
    assert parse_ordinal(text) is None


# --- parse_date -------------------------------------------------------------------

DAY, MONTH, YEAR = Granularity.DAY, Granularity.MONTH, Granularity.YEAR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 November 2016", ("2016-11-23", DAY)),
        ("November 23, 2016", ("2016-11-23", DAY)),
        ("November 23 2016", ("2016-11-23", DAY)),
        ("23rd November 2016", ("2016-11-23", DAY)),
        ("the 23rd of November 2016", ("2016-11-23", DAY)),
        ("5 July 2019", ("2019-07-05", DAY)),
        ("on Friday 5 July 2019", ("2019-07-05", DAY)),
        ("2016-11-23", ("2016-11-23", DAY)),
        ("23/11/2016", ("2016-11-23", DAY)),
        ("29 February 2016", ("2016-02-29", DAY)),
        ("July 2019", ("2019-07", MONTH)),
        ("july 2019", ("2019-07", MONTH)),
        ("Nov 2016", ("2016-11", MONTH)),
        ("Nov. 2016", ("2016-11", MONTH)),
        ("Sept 2014", ("2014-09", MONTH)),
        ("in June 2019", ("2019-06", MONTH)),
        ("2016", ("2016", YEAR)),
        ("in 2016", ("2016", YEAR)),
        ("1066", ("1066", YEAR)),
    ],
)
def test_parse_date(text: str, expected: tuple[str, Granularity]) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "31 February 2019",
        "29 February 2019",
        "31 April 2016",
        "2016-02-30",
        "2016-13-01",
        "5 July",
        "July 5",
        "July",
        "999",
        "3000",
        "12016",
        "20 16",
        "yesterday",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_month_and_day_granularity_differ() -> None:
    month = one("The decision was published in July 2019.", ValueKind.DATE)
    day = one("The decision was published on 5 July 2019.", ValueKind.DATE)
    assert (month.date, month.granularity, month.text) == ("2019-07", MONTH, "July 2019")
    assert (day.date, day.granularity, day.text) == ("2019-07-05", DAY, "5 July 2019")


# --- find_values: dates -----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "date", "granularity"),
    [
        ("Port was convicted on 23 November 2016.", "23 November 2016", "2016-11-23", DAY),
        (
            "It was decided on November 23, 2016, by the jury.",
            "November 23, 2016",
            "2016-11-23",
            DAY,
        ),
        ("It reported in November 2016 that", "November 2016", "2016-11", MONTH),
        ("He was convicted in 2017.", "2017", "2017", YEAR),
        ("Published 2016-11-23 by the IPCC", "2016-11-23", "2016-11-23", DAY),
        ("the 2016 elections", "2016", "2016", YEAR),
        ("In 2016 officers arrested him", "2016", "2016", YEAR),
    ],
)
def test_dates_in_text(sentence: str, text: str, date: str, granularity: Granularity) -> None:
    value = one(sentence, ValueKind.DATE)
    assert (value.text, value.date, value.granularity) == (text, date, granularity)


def test_year_inside_a_full_date_is_not_a_second_date() -> None:
    assert kinds("on 23 November 2016 the jury") == [("date", "23 November 2016")]


def test_day_and_month_without_a_year_is_a_date_without_one() -> None:
    for text in ("The hearing opens on 5 July.", "The hearing opens on July 5."):
        [value] = find_values(text)
        assert (value.kind, value.date, value.granularity) == (
            ValueKind.DATE,
            "--07-05",
            Granularity.DAY,
        )
    assert find_values("The hearing opens on 31 June.") == []  # no such day
    assert parse_date("5 July") is None  # a whole date needs its year
    assert editor_date("--07-05") == "5 July"


def test_a_day_without_a_year_compares_on_month_and_day() -> None:
    def days(text: str, words: str) -> tuple[str, tuple]:
        [value] = [v for v in find_values(text) if v.text == words]
        assert value.date is not None
        return value.date, date_interval(value, text)

    after = days("His debut came after August 5.", "August 5")
    on = days("He made his debut on 5 August 2018.", "5 August 2018")
    bare = days("He made his debut on 5 August.", "5 August")
    later = days("He made his debut on 12 August 2018.", "12 August 2018")
    assert compare_date_values(*after, *on) is False
    assert compare_date_values(*after, *later) is True
    # The source gives no year: it never confirms the claim's, but its day can deny it.
    assert compare_date_values(*on, *bare) is None
    assert compare_date_values(*later, *bare) is False
    assert compare_date_values(*bare, *on) is True
    year = days("He made his debut in 2018.", "2018")
    assert compare_date_values(*year, *bare) is None


def test_numbers_that_are_not_years() -> None:
    assert kinds("He was fined £2016.") == [("money", "£2016")]
    assert kinds("Some 2016 officers took part.") == [("count", "2016 officers")]
    assert kinds("There were 20160 entries") == [("count", "20160 entries")]
    assert kinds("version 20.0 and 2016.0") == [("number", "20.0"), ("number", "2016.0")]
    assert kinds("Port, 41.0, was") == [("number", "41.0")]
    assert find_values("A jump in 1,999") == [Value(ValueKind.NUMBER, "1,999", 10, 15, 1999.0)]


def test_lower_case_month_is_not_a_date_in_text() -> None:
    assert not [v for v in find_values("they may 2016 be") if v.granularity == MONTH]


# --- find_values: ages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "age", "subject"),
    [
        ("Anthony Walgate, 23, a fashion student, died.", "23", 23, "Anthony Walgate"),
        ("The first victim was Anthony Walgate, 23.", "23", 23, "Anthony Walgate"),
        ("Gabriel Kovari, 22, died in August 2014.", "22", 22, "Gabriel Kovari"),
        ("Stephen Port, 41, of Barking, was convicted.", "41", 41, "Stephen Port"),
        ("Port, 41, was convicted.", "41", 41, "Port"),
        ("Port, now 44, from Barking", "44", 44, "Port"),
        ("A jury cleared Monk, by then 43, of murder", "43", 43, "Monk"),
        ("Matthew Grimstone and Jacob Schilt, both 23, were footballers", "23", 23, "Jacob Schilt"),
        ("Port (41) was convicted.", "41", 41, "Port"),
        ("Anthony Walgate, aged 23, died.", "aged 23", 23, "Anthony Walgate"),
        ("Walgate, a 23-year-old fashion student, died.", "23-year-old", 23, "Walgate"),
        ("Walgate was 23 years old.", "23 years old", 23, "Walgate"),
        ("Port was 41 when he was sentenced.", "41", 41, "Port"),
        ("Stephen Port, who was 47 when the report appeared", "47", 47, "Stephen Port"),
        ("Mr Port, 41, denied it.", "41", 41, "Mr Port"),
        ("Jon-Paul Gilhooley, who was 10.", "10", 10, "Jon-Paul Gilhooley"),
        ("Walgate, a twenty-three-year-old student", "twenty-three-year-old", 23, "Walgate"),
        ("Alfred Dorris, then a 42-year-old from Beckenham", "42-year-old", 42, "Alfred Dorris"),
        ("Dorris, now a 49-year-old, was cleared", "49-year-old", 49, "Dorris"),
        ("Monk, by then a 43-year-old, was cleared", "43-year-old", 43, "Monk"),
    ],
)
def test_ages_with_subject(sentence: str, text: str, age: int, subject: str) -> None:
    value = one(sentence, ValueKind.AGE)
    assert (value.text, value.number, value.subject) == (text, age, subject)


@pytest.mark.parametrize(
    ("sentence", "text", "age"),
    [
        ("A man aged 23 was arrested.", "aged 23", 23),
        ("She was a 33-year-old marketing executive.", "33-year-old", 33),
        ("a 23 year old man", "23 year old", 23),
        ("at the age of 18", "age of 18", 18),
    ],
)
def test_ages_without_subject(sentence: str, text: str, age: int) -> None:
    value = one(sentence, ValueKind.AGE)
    assert (value.text, value.number, value.subject) == (text, age, None)


def test_age_subject_from_person_spans() -> None:
    sentence = "The victim, named locally as walgate jr, 23, died."
    start = sentence.index("walgate jr")
    value = one(sentence, ValueKind.AGE, persons=[(start, start + len("walgate jr"))])
    assert (value.number, value.subject) == (23, "walgate jr")


def test_ages_of_several_people() -> None:
    sentence = "Anthony Walgate, 23, Gabriel Kovari, 22, Daniel Whitworth, 21, and Jack Taylor, 25."
    ages = [(v.subject, v.number) for v in find_values(sentence)]
    assert ages == [
        ("Anthony Walgate", 23),
        ("Gabriel Kovari", 22),
        ("Daniel Whitworth", 21),
        ("Jack Taylor", 25),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Meanwhile, 40 were hurt.",
        "In London, 23 officers were hurt.",
        "Barking, 23 officers said.",
        "Smith, 230, was there.",
        "The heading SMITH\n\n, 23 people",
    ],
)
def test_not_ages(sentence: str) -> None:
    assert [v for v in find_values(sentence) if v.kind == ValueKind.AGE] == []


def test_age_subject_does_not_reach_across_a_heading() -> None:
    value = one("PORT GIVEN WHOLE LIFE ORDER\n\nStephen Port, 41, was sentenced.", ValueKind.AGE)
    assert value.subject == "Stephen Port"


# --- find_values: counts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "number", "unit"),
    [
        ("Seventeen officers were investigated.", "Seventeen officers", 17, "officer"),
        ("He murdered four young gay men.", "four young gay men", 4, "man"),
        ("the performance of nine officers had fallen", "nine officers", 9, "officer"),
        (
            "notices on 17 Metropolitan Police officers",
            "17 Metropolitan Police officers",
            17,
            "officer",
        ),
        ("none of the 17 officers would face action", "17 officers", 17, "officer"),
        ("a dozen officers", "a dozen officers", 12, "officer"),
        ("One body was found", "One body", 1, "body"),
        ("1,500 people attended", "1,500 people", 1500, "people"),
        ("More than 23 million people", "23 million people", 23_000_000, "people"),
        ("The 96 Liverpool supporters who died", "96 Liverpool supporters", 96, "supporter"),
        ("all four women", "four women", 4, "woman"),
        ("21 children", "21 children", 21, "child"),
        ("three witnesses", "three witnesses", 3, "witness"),
        ("two churches", "two churches", 2, "church"),
        ("for two years", "two years", 2, "year"),
        ("five policemen", "five policemen", 5, "policeman"),
        # A point for thousands, as much of Europe writes them: no count of people has
        # a fraction.
        ("and 8.958 people with confirmed infection have died", "8.958 people", 8958, "people"),
        ("there were 12.345 cases", "12.345 cases", 12345, "case"),
        ("1.5 people per household", "1.5 people", 1.5, "people"),
    ],
)
def test_counts(sentence: str, text: str, number: float, unit: str) -> None:
    value = one(sentence, ValueKind.COUNT)
    assert (value.text, value.number, value.unit) == (text, number, unit)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("officers", "officer"),
        ("Officers", "officer"),
        ("officer", "officer"),
        ("men", "man"),
        ("women", "woman"),
        ("bodies", "body"),
        ("people", "people"),
        ("children", "child"),
        ("police", "police"),
        ("staff", "staff"),
        ("witnesses", "witness"),
        ("witness", "witness"),
        ("bus", "bus"),
        ("buses", "bus"),
        ("boxes", "box"),
        ("headaches", "headache"),
        ("series", "series"),
        ("lives", "life"),
        ("analysis", "analysis"),
        ("s", "s"),
        ("", ""),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


# --- find_values: money, percentages, ordinals, numbers, qualifiers -------------------


@pytest.mark.parametrize(
    ("sentence", "text", "number", "unit"),
    [
        ("It cost £1.5m last year", "£1.5m", 1_500_000, "GBP"),
        ("a bill of £1,500", "£1,500", 1500, "GBP"),
        ("it paid £500,000", "£500,000", 500_000, "GBP"),
        ("a $24 million deal", "$24 million", 24_000_000, "USD"),
        ("a US$5bn loss", "US$5bn", 5_000_000_000, "USD"),
        ("it grossed US $ 697,346", "US $ 697,346", 697_346, "USD"),
        ("A $5 fee", "$5", 5, "USD"),  # "A" the article, not the Australian dollar
        ("€3bn in fines", "€3bn", 3_000_000_000, "EUR"),
        ("£24m was spent", "£24m", 24_000_000, "GBP"),
        ("1.5 million pounds", "1.5 million pounds", 1_500_000, "GBP"),
        ("twenty dollars", "twenty dollars", 20, "USD"),
        ("GBP 500 in cash", "GBP 500", 500, "GBP"),
    ],
)
def test_money(sentence: str, text: str, number: float, unit: str) -> None:
    value = one(sentence, ValueKind.MONEY)
    assert (value.text, value.number, value.unit) == (text, number, unit)
    assert value.normalized == f"{unit} {int(number)}"


@pytest.mark.parametrize(
    ("sentence", "text", "number"),
    [
        ("turnout was 45% this year", "45%", 45),
        ("turnout was 45 % this year", "45 %", 45),
        ("turnout was 45 per cent", "45 per cent", 45),
        ("turnout was 45 percent", "45 percent", 45),
        ("inflation of 4.5 per cent", "4.5 per cent", 4.5),
        ("forty per cent of officers", "forty per cent", 40),
        ("Twenty-five per cent", "Twenty-five per cent", 25),
    ],
)
def test_percent(sentence: str, text: str, number: float) -> None:
    value = one(sentence, ValueKind.PERCENT)
    assert (value.text, value.number) == (text, number)


@pytest.mark.parametrize(
    ("sentence", "text", "number"),
    [
        ("the first response", "first", 1),
        ("for the third time", "third", 3),
        ("the 21st century", "21st", 21),
        ("her twenty-first birthday", "twenty-first", 21),
    ],
)
def test_ordinals(sentence: str, text: str, number: int) -> None:
    value = one(sentence, ValueKind.ORDINAL)
    assert (value.text, value.number) == (text, number)


@pytest.mark.parametrize(
    ("sentence", "qualifier", "number", "kind"),
    [
        ("more than 23 million", "more than", 23_000_000, ValueKind.NUMBER),
        ("More than 23 million people", "more than", 23_000_000, ValueKind.COUNT),
        ("about 500 metres from the flat", "about", 500, ValueKind.COUNT),
        ("at least 17 officers", "at least", 17, ValueKind.COUNT),
        ("nearly 45 per cent", "nearly", 45, ValueKind.PERCENT),
        ("just over £1.5m", "just over", 1_500_000, ValueKind.MONEY),
        ("some 500 metres", "some", 500, ValueKind.COUNT),
        ("fewer than 10 cases", "fewer than", 10, ValueKind.COUNT),
        ("up to 2,000 fans", "up to", 2000, ValueKind.COUNT),
        ("roughly 3bn", "roughly", 3e9, ValueKind.NUMBER),
        ("as many as 96 fans", "as many as", 96, ValueKind.COUNT),
    ],
)
def test_qualifiers(sentence: str, qualifier: str, number: float, kind: ValueKind) -> None:
    value = one(sentence, kind)
    assert (value.qualifier, value.number) == (qualifier, number)
    assert qualifier not in value.text.lower()


@pytest.mark.parametrize(
    ("sentence", "qualifier", "number", "unit", "text"),
    [
        (
            "venues that can hold 200 people or more",
            "at least",
            200,
            "people",
            "200 people or more",
        ),
        (
            "where 200 or more people may be present",
            "at least",
            200,
            "people",
            "200 or more people",
        ),
        ("those that can hold 800 or more", "at least", 800, None, "800 or more"),
        ("teams of 11 and over", "at least", 11, None, "11 and over"),
        ("groups of 6 or fewer", "at most", 6, None, "6 or fewer"),
    ],
)
def test_a_bound_after_the_number(
    sentence: str, qualifier: str, number: float, unit: str | None, text: str
) -> None:
    [value] = find_values(sentence)
    assert (value.qualifier, value.number, value.unit, value.text) == (
        qualifier,
        number,
        unit,
        text,
    )


def test_or_between_two_numbers_is_no_bound() -> None:
    assert [v.qualifier for v in find_values("three or four officers")] == [None, None]


def test_bare_numbers() -> None:
    assert kinds("The score was 3 to 1.") == [("number", "3"), ("number", "1")]
    assert kinds("a 2-1 win") == [("number", "2"), ("number", "1")]
    assert kinds("24/7 care") == [("number", "24"), ("number", "7")]
    assert kinds("at 10am") == [("count", "10am")]  # a time of day
    assert kinds("the other three were found") == [("number", "three")]
    assert find_values("The score was 3 to 1.")[0].qualifier is None


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was disciplined.",
        "no one",
        "Someone saw it.",
        "Anyone could.",
        "the one who did it",
        "one of them",
        "It was one.",
        "",
        "Dozens came, and hundreds more watched.",  # no noun counted after them
        "The M25 and the A1 were closed, and Covid-19 spread.",
        "See https://www.example.com/2021/01/13/page-2016 for details.",
        "in the 1990s",
    ],
)
def test_no_bogus_values(sentence: str) -> None:
    assert find_values(sentence) == []


def test_phone_number_does_not_crash() -> None:
    for text in ["Call 020 7946 0958.", "+44 (0)20 7946 0958", "0800-123-4567", "07700 900077"]:
        values = find_values(text)
        assert all(v.kind == ValueKind.NUMBER for v in values)


def test_one_value_per_span() -> None:
    sentence = (
        "Stephen Port, 41, was convicted on 23 November 2016 of murdering four young men; "
        "more than £1.5m, or 45 per cent, was spent on the first 17 officers."
    )
    values = find_values(sentence)
    for a, b in itertools.pairwise(values):
        assert a.end <= b.start, (a, b)
    assert [v.kind for v in values] == [
        ValueKind.AGE,
        ValueKind.DATE,
        ValueKind.COUNT,
        ValueKind.MONEY,
        ValueKind.PERCENT,
        ValueKind.ORDINAL,
        ValueKind.COUNT,
    ]


# --- offsets --------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [0, 7, 1000])
def test_offsets_slice_back(offset: int) -> None:
    sentence = "Anthony Walgate, 23, died in June 2014; about £1.5m and 17 Police officers."
    values = find_values(sentence, offset=offset)
    assert len(values) == 4
    for value in values:
        assert sentence[value.start - offset : value.end - offset] == value.text
    assert values[0].start == sentence.index("23") + offset


def test_persons_are_relative_to_text_not_offset() -> None:
    sentence = "Victim zed q, 23, died."
    start = sentence.index("zed q")
    value = one(sentence, ValueKind.AGE, offset=500, persons=[(start, start + 5)])
    assert (value.subject, value.start) == ("zed q", 500 + sentence.index("23"))


def test_bad_person_spans_are_ignored() -> None:
    sentence = "Port, 41, was there."
    for persons in ([(-5, 3)], [(10, 2)], [(0, 10_000)], [(0, 0)], [(-1, 0)], [(4, 5)]):
        assert one(sentence, ValueKind.AGE, persons=persons).number == 41
    assert find_values("", persons=[(-1, 0), (0, 1)]) == []


def test_values_never_overlap_when_a_look_behind_reaches_back() -> None:
    values = find_values("0 age 0")
    assert [(v.kind, v.text) for v in values] == [(ValueKind.COUNT, "0 age"), (ValueKind.AGE, "0")]


# --- properties -----------------------------------------------------------------------

NEWSY = st.sampled_from(
    [
        "17", "1,234", "2.5", "2016", "23", "41", "0", "130", "999999", "1" * 40, "£", "$", "€",
        "US", "%", "per", "cent", "percent", "m", "bn", "k", "st", "nd", "th", "million",
        "one", "two", "twenty", "three", "hundred", "thousand", "and", "a", "dozen", "first",
        "twenty-first", "aged", "age", "of", "the", "year", "years", "old", "-", ",", ".", "(",
        ")", "/", "officers", "men", "Anthony", "Walgate", "Port", "was", "who", "is", "more",
        "than", "about", "at", "least", "November", "May", "Nov", "July", "Friday", "in", "no",
        "https://x.org/2016", "\n", "\u2019s", "M25", "Covid-19", "1e308", "½", "٣",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "", " ", ", ", "-", "\n"])
NEWSY_TEXT = st.lists(st.tuples(NEWSY, SEPARATORS), max_size=25).map(
    lambda parts: "".join(a + b for a, b in parts)
)
ANY_TEXT = st.one_of(st.text(max_size=200), NEWSY_TEXT)


def _check_values(text: str, values: list[Value], offset: int) -> None:
    previous_end = None
    for value in values:
        assert text[value.start - offset : value.end - offset] == value.text
        assert value.text
        assert value.start < value.end
        if previous_end is not None:
            assert value.start >= previous_end, values
        previous_end = value.end
        if value.kind == ValueKind.DATE:
            assert value.date is not None
            assert value.granularity is not None
        else:
            assert value.number is not None
            assert math.isfinite(value.number)
        if value.kind == ValueKind.AGE:
            assert value.number is not None
            assert 0 <= value.number <= 130


@FAST
@given(text=ANY_TEXT, offset=st.integers(0, 10_000))
def test_find_values_never_raises_and_offsets_slice_back(text: str, offset: int) -> None:
    _check_values(text, find_values(text, offset=offset), offset)


@FAST
@given(
    text=NEWSY_TEXT,
    persons=st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=4),
)
def test_find_values_with_any_person_spans(text: str, persons: list[tuple[int, int]]) -> None:
    _check_values(text, find_values(text, persons=persons), 0)


@FAST
@given(text=ANY_TEXT)
def test_parsers_never_raise(text: str) -> None:
    number = parse_number(text)
    assert number is None or number == number
    ordinal = parse_ordinal(text)
    assert ordinal is None or ordinal >= 0
    date = parse_date(text)
    assert date is None or isinstance(date[1], Granularity)
    assert isinstance(singular(text), str)


@FAST
@given(
    n=st.integers(0, 999_999),
    hyphen=st.booleans(),
    use_and=st.booleans(),
    comma=st.booleans(),
    capitalise=st.booleans(),
)
def test_words_and_digits_agree(
    n: int, hyphen: bool, use_and: bool, comma: bool, capitalise: bool
) -> None:
    words = spell(n, hyphen=hyphen, use_and=use_and, comma=comma)
    if capitalise:
        words = words.capitalize()
    assert parse_number(words) == parse_number(str(n)) == parse_number(f"{n:,}") == n


@pytest.mark.parametrize(
    "n", [0, 1, 12, 20, 21, 99, 100, 101, 110, 342, 1000, 1001, 1010, 1100, 20_016, 999_999]
)
def test_words_and_digits_agree_on_edges(n: int) -> None:
    assert parse_number(spell(n)) == parse_number(f"{n:,}") == n


def test_spelled_numbers_are_counts_in_text() -> None:
    text = f"There were {spell(342_561)} officers."
    value = one(text, ValueKind.COUNT)
    assert (value.number, value.unit) == (342_561, "officer")


@FAST
@given(n=st.integers(1, 99))
def test_ordinal_words_agree(n: int) -> None:
    words = spell(n)
    last = words.split("-")[-1]
    ordinal_of = {
        "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
        "nine": "ninth", "twelve": "twelfth",
    }  # fmt: skip
    if last in ordinal_of:
        ordinal = words[: -len(last)] + ordinal_of[last]
    elif last.endswith("y"):
        ordinal = words[:-1] + "ieth"
    else:
        ordinal = words + "th"
    assert parse_ordinal(ordinal) == n


# --- linear time ----------------------------------------------------------------------

ADVERSARIAL = [
    "1," * 25_000,
    "a " * 25_000,
    "twenty-" * 10_000,
    "£" + "1" * 50_000,
    "1" * 50_000,
    "1." * 25_000,
    "1-" * 25_000,
    "1/" * 25_000,
    "(1) " * 12_500,
    "Smith, " * 7_000,
    "Anthony Walgate, 23, " * 2_500,
    "one hundred and " * 3_000,
    "a dozen " * 6_000,
    "5 July " * 7_000,
    "www. " * 10_000,
    "http://" + "1/" * 25_000,
    "more than " * 5_000,
    "officers " * 5_500,
    "x" * 50_000,
    "é" * 50_000,
    "1,000" * 10_000,
    ",000" * 12_500,
    "' " * 25_000,
    "was jailed on Monday and " * 2_000,  # each weekday is read in the week of publication
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_linear_time_on_adversarial_input(text: str) -> None:
    """Doubling the input at most about doubles the time: a ratio measured in one run, so
    a loaded machine slows both sides alike (a quadratic scan gives 4x)."""

    def seconds(t: str) -> float:
        started = time.perf_counter()
        find_values(t)
        find_values(t, published="2020-03-12")
        parse_number(t)
        parse_ordinal(t)
        parse_date(t)
        return time.perf_counter() - started

    half = text[: len(text) // 2]
    single = min(seconds(half) for _ in range(3))
    double = min(seconds(text) for _ in range(3))
    assert double < 3.2 * single + 0.1, f"{single:.3f}s -> {double:.3f}s for {text[:20]!r}"
    values = find_values(text)
    assert all(text[v.start : v.end] == v.text for v in values)


# --- comparing values as intervals ------------------------------------------------


def _one(text: str) -> Value:
    (value,) = [v for v in find_values(text) if v.number is not None or v.date is not None]
    return value


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("more than 23 million sales", "24 million sales", True),
        ("under 236 reviews", "237 reviews", False),
        ("less than 110 counties", "at least 112 counties", False),
        ("less than $ 127.6 million", "$ 127.7 million", False),
        ("more than 20 reviews", "22 reviews", True),
        ("24 million viewers", "24,300,000 viewers", True),  # said with a scale word: rounded
        ("240 viewers", "243 viewers", False),  # a plain number is exact
        ("about 40 officers", "43 officers", True),
        ("nearly 30 people", "31 people", False),
        ("24 people", "more than 20 people", None),  # overlap, neither settles the other
        ("more than one title", "3 titles", True),
        # A rounded figure's ends are no values its source states: half way rounds either way.
        ("more than 12.5 million albums", "13 million albums", True),
        ("less than 13.5 million albums", "13 million albums", True),
        ("more than 12.6 million albums", "13 million albums", None),
        ("more than 237 albums", "237 albums", False),
        # "10 million" rounds to its million, not to its ten million.
        ("more than 11 million copies", "10 million copies", False),
        ("12 million copies", "10 million copies", False),
        ("more than 9.5 million copies", "10 million copies", None),
        ("1.2 billion views", "1.24 billion views", True),
    ],
)
def test_compare_numbers_reads_qualifiers_as_intervals(
    claim: str, source: str, expected: bool | None
) -> None:
    assert compare_numbers(_one(claim), _one(source)) is expected


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("It was released after May 2017.", "released on January 26, 2017", False),
        ("It was developed before 2011.", "a 2011 game", False),
        ("She was born before June 1, 1987.", "born June 24, 1987", False),
        ("It premiered after 1987.", "a 1988 film", True),
        ("It premiered in July 2019.", "on 5 July 2019", True),
        ("It premiered in July 2019.", "in 2019", None),  # too coarse to say
        ("The report was out by 2020.", "published in March 2019", True),
        # "It took until" a day is the day it came at last, not a day it came before.
        ("It took until 26 April 2016 for the jury to decide.", "in 1989", False),
        ("It was not until 2016 that the jury decided.", "on 26 April 2016", True),
        ("The hearings ran until 2016.", "in 2015", True),
    ],
)
def test_compare_dates_reads_before_and_after(
    claim: str, source: str, expected: bool | None
) -> None:
    claimed = date_interval(_one(claim), claim)
    said = date_interval(_one(source), source)
    assert compare_dates(claimed, said) is expected


def test_date_span_covers_the_granularity() -> None:
    assert date_span("2016") == (date(2016, 1, 1), date(2016, 12, 31))
    assert date_span("2016-02") == (date(2016, 2, 1), date(2016, 2, 29))
    assert date_span("2016-02-03") == (date(2016, 2, 3), date(2016, 2, 3))


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        # A part is not a count of the whole (issue 14): one is no number at all.
        ("three of the bodies were found", [("number", "three", 3)]),
        ("One of the people who noticed him was a steward.", []),
        ("one of the best schools in the county", []),
        ("two of the five patients died", [("number", "two", 2), ("count", "five patients", 5)]),
        ("the other two either stayed or left", [("number", "two", 2)]),
        # "out of" a whole: a count of the part, the whole its scale (as a rating's)
        ("cases in 16 out of 28 Bulgarian provinces",
         [("count", "16 out of 28 Bulgarian provinces", 16)]),
        ("Four out of six doctors agreed.", [("count", "Four out of six doctors", 4)]),
        # a number word at the end of a compound with a word that is no number
        ("There were fourty-seven confirmed cases.",
         [("count", "fourty-seven confirmed cases", 47)]),
        ("He was paid a mid-seven figure sum.", []),
        ("The film was rated 6.4 out of 10.", [("number", "6.4", 6.4)]),
        ("4 Minutes was a hit in 2008", [("number", "4", 4), ("date", "2008", None)]),
        # A capitalised number word and noun inside a sentence, or opening it with no
        # verb right after, are a name; a people's name and a lower-case noun are counted.
        ("Sky uses the resources of Seven News and Nine News.", []),
        ("Seven News, Nine News and Sky UK own the channel.", []),
        ("Three Emmy Awards went to the show.", [("count", "Three Emmy Awards", 3)]),
        ("He won three Primetime Emmy Awards.", [("count", "three Primetime Emmy Awards", 3)]),
        ("Two Americans and seven people died.",
         [("count", "Two Americans", 2), ("count", "seven people", 7)]),
        # A group noun before the noun it qualifies counts that noun.
        ("only one police officer had died", [("count", "one police officer", 1)]),
        ("300 police were deployed", [("count", "300 police", 300)]),
        # A population counts its inhabitants.
        ("The town has a population of 12,000.", [("count", "12,000", 12000)]),
        ("The population was 3,500 at the 2010 census.",
         [("count", "3,500", 3500), ("date", "2010", None)]),
        ("the town, home to about 6,500, was told to leave",
         [("count", "6,500", 6500)]),
        ("It is a town of 6,500 in Derbyshire.", [("count", "6,500", 6500)]),
        ("It is a town of 6,500 houses.", [("count", "6,500 houses", 6500)]),
        # A body of people counts its members: "a jury of twelve".
        ("It was heard by a jury of twelve.", [("count", "twelve", 12)]),
        ("It was heard by a jury of ten women.", [("count", "ten women", 10)]),
        # "three times" counts the times a thing was done, not a multiple or a rate.
        ("He fired his Taser at him three times.", [("count", "three times", 3)]),
        ("It lasted six times as long as the standard cycle.", [("number", "six", 6)]),
        ("He was three times the limit.", [("number", "three", 3)]),
        # "a week later" is one week from an event; "a year older", "it took a week" no time.
        ("He was jailed a week after the trial.", [("count", "a week", 1)]),
        ("A month later he resigned.", [("count", "A month", 1)]),
        ("He was a year older and it took a week.", []),
    ],
)  # fmt: skip
def test_partitives_titles_and_pronouns_are_not_counts(
    sentence: str, numbers: list[tuple[str, str, float | None]]
) -> None:
    found = [(str(v.kind), v.text, v.number) for v in find_values(sentence)]
    assert found == numbers


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # A fraction after a whole number is part of it, in words or digits, with its
        # unit, its scale and its bound.
        ("Three and a half months after the intervention, he resigned.",
         [("count", "Three and a half months", 3.5, "month", None)]),
        ("more than three and a half years after the evacuation",
         [("count", "three and a half years", 3.5, "year", "more than")]),
        ("The hearing lasted 2 and a quarter hours.",
         [("count", "2 and a quarter hours", 2.25, "hour", None)]),
        ("one and a half million people", [("count", "one and a half million people", 1.5e6, "people", None)]),
        ("six and three quarters miles", [("count", "six and three quarters miles", 6.75, "mile", None)]),
        # "a year and a half" is one and a half years, "almost" its bound.
        ("a year and a half later", [("count", "a year and a half", 1.5, "year", None)]),
        ("It took almost a month and a half to build.",
         [("count", "a month and a half", 1.5, "month", "almost")]),
        # A half that no whole number goes before is no number.
        ("He and a half-brother left; she gave a half of it.", []),
    ],
)  # fmt: skip
def test_a_fraction_after_a_number_is_part_of_it(sentence: str, values: list) -> None:
    found = [(str(v.kind), v.text, v.number, v.unit, v.qualifier) for v in find_values(sentence)]
    assert found == values


@pytest.mark.parametrize(
    ("sentence", "age", "subject"),
    [
        ("Couzens, fifty-two, was jailed for life.", 52, "Couzens"),
        ("Roussos was just eight.", 8, "Roussos"),
        ("Port, 44, is serving a whole life order.", 44, "Port"),
    ],
)
def test_ages_in_words(sentence: str, age: float, subject: str) -> None:
    ages = [v for v in find_values(sentence) if v.kind == ValueKind.AGE]
    assert [(v.number, v.subject) for v in ages] == [(age, subject)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "# Jackalopes hire a new coach\n\nMay 20, 2019\n\nThe Odessa Jackalopes ...",
            "2019-05-20",
        ),
        ("(meta data) PUBLISHED DATETIME: 2017-11-07 20:21:00\n# Title", "2017-11-07"),
        (
            "Published 11:07 p.m. ET Jan. 27, 2019 | Updated 11:14 a.m. ET Jan. 28, 2019",
            "2019-01-27",
        ),
        ("Updated Jan. 28, 2019\nPublished Jan. 27, 2019\nText", "2019-01-27"),
        ("By Jane Smith\n25 Oct 2016\n\nText", "2016-10-25"),
        # a sentence that mentions a day is no dateline
        ("The council met on 3 May 2019 to discuss the plan for the new bridge.", None),
        # a month is not a day
        ("May 2019\n\nText", None),
    ],
)
def test_a_document_s_dateline(text: str, published: str | None) -> None:
    from pipeline.values.dateline import dateline

    assert dateline(text) == published


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a year that ends a name is no date
        ("the Terrorism (Protection of Premises) Act 2025, known as Martyn's Law", []),
        ("England reached the final of Euro 2016 in France", []),
        # a month, a season or a holiday before it still dates it
        ("by Christmas 2019", [("date", "2019")]),
        ("in May 2017", [("date", "May 2017")]),
        ("2019 was a hard year", [("date", "2019")]),
        # an owner's name is none: the year after it dates the owner's thing
        ("Marina Vale's 2011 tour began in Lisbon", [("date", "2011")]),
        # other numbers that end a name are no values either
        ("The Apollo 11 crew came home", []),
        ("Fallout 76 was criticised for its lack of characters", []),
        ("In 76 cases the force failed", [("count", "76 cases")]),
        ("Some 76 people died", [("count", "76 people")]),
    ],
)
def test_a_year_that_ends_a_name_is_not_a_date(sentence: str, found: list) -> None:
    assert kinds(sentence) == found


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Saffie-Rose Roussos, from Leyland in Lancashire, was eight years old.",
            "Saffie-Rose Roussos",
        ),
        ("The youngest of the dead, Saffie-Rose Roussos, was just eight.", "Saffie-Rose Roussos"),
        ("After the war, the town was 40 years old.", None),
    ],
)
def test_the_subject_of_an_age_across_an_apposition(sentence: str, subject: str | None) -> None:
    [age] = [v for v in find_values(sentence) if v.kind == ValueKind.AGE]
    assert age.subject == subject


def test_two_thresholds_do_not_confirm_each_other() -> None:
    from pipeline.values import compare_measures

    [six] = find_values("at least six months")
    [two_years] = find_values("at least two years")
    [months] = find_values("at least 24 months")
    assert compare_measures(two_years, months) is True  # the same threshold
    assert compare_measures(six, months) is None  # another one: unsettled, never support
    # The same figure in another unit is the one threshold with its unit changed.
    [feet] = find_values("buildings taller than 18 feet")
    [metres] = find_values("buildings more than 18 metres tall")
    assert compare_measures(feet, metres) is False
    # Another threshold in another unit, as in one unit: the source's looser floor
    # ("more than 18 metres") does not say "taller than 30 yards"; its stricter one is
    # unsettled.
    [yards] = find_values("buildings taller than 30 yards")
    assert compare_measures(yards, metres) is False
    [ten_yards] = find_values("buildings taller than 10 yards")
    assert compare_measures(ten_yards, metres) is None


@pytest.mark.parametrize(
    ("claimed", "stated", "agrees"),
    [
        ("more than 500 people", "200 or more people", False),  # the source's looser floor
        ("more than 103 million views", "more than 98 million views", False),
        ("under 20 reviews", "fewer than 25 reviews", False),  # a looser ceiling
        # The source's stricter comparison says all the claim's does.
        ("more than 51 million views", "more than 55 million views", True),
        ("less than 60 reviews", "under 52 reviews", True),
        # A floor of a rule sets a threshold: another one is unsettled.
        ("200 or more people", "800 or more people", None),
        # The source's stricter floor rounded to fewer digits is the same threshold.
        ("more than 140,000 subscribers", "over 141,000 subscribers", True),
        ("less than 700,000 tests", "fewer than 695,920 tests", True),
        ("more than 141,500 subscribers", "over 141,600 subscribers", True),
        # "up to" says how many there are at most: an amount, not a threshold
        ("less than 60,000 files", "up to 50,000 files", True),
        ("as many as 60,000 files", "up to 50,000 files", False),
        ("more than 2,500 cases", "at least 109 counties", None),  # another quantity
        # A strict bound leaves out the very figure the source gives, rounded or not.
        ("less than 2.5 million copies", "2.5 million copies", False),
        ("more than 70 reviews", "70 reviews", False),
    ],
)
def test_a_bound_against_a_bound(claimed: str, stated: str, agrees: bool | None) -> None:
    from pipeline.values import compare_numbers

    [claim] = find_values(claimed)
    [source] = find_values(stated)
    assert compare_numbers(claim, source) is agrees


@pytest.mark.parametrize(
    ("iso", "amount", "unit", "shifted"),
    [
        ("2020-03", 5, "month", ("2020-08", "month")),
        ("2020-11-20", 3, "month", ("2021-02", "month")),
        ("2017-05-22", 1, "week", ("2017-05-29", "day")),
        ("2017-05-22", -4, "day", ("2017-05-18", "day")),
        ("2015", 2, "year", ("2017", "year")),
        ("2020-03", 5, "week", None),  # a week needs a day to count from
    ],
)
def test_shift_date(iso: str, amount: float, unit: str, shifted: tuple | None) -> None:
    from pipeline.values import shift_date

    found = shift_date(iso, amount, unit)
    assert (None if found is None else (found[0], found[1].value)) == shifted


def test_since_a_date_is_that_date() -> None:
    from datetime import date

    from pipeline.values import date_interval

    text = "Todd Watson has been the head coach since 2019."
    [year] = find_values(text)
    assert date_interval(year, text) == (date(2019, 1, 1), date(2019, 12, 31))


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the scale of a rating and the halves of a time are no values of their own
        (
            "an average rating of 7.44/10 from 276 reviews",
            [("number", "7.44"), ("count", "276 reviews")],
        ),
        ("a score of 8/10", [("number", "8")]),
        # a score out of 100 is a percentage ("70 out of 100" states "70%")
        (
            "a rating of 70 out of 100, based on 7 critics",
            [("percent", "70 out of 100"), ("count", "7 critics")],
        ),
        ("scored less than 35/100 on Metacritic", [("percent", "35/100")]),
        ("4 out of 10 voters", [("number", "4")]),
        ("from 11:59 pm on 16 March 2020", [("date", "16 March 2020")]),
        # other halves still count
        ("open 24/7", [("number", "24"), ("number", "7")]),
    ],
)
def test_rating_scales_and_times_are_not_values_of_their_own(sentence: str, found: list) -> None:
    assert kinds(sentence) == found


def test_as_of_in_a_source_is_the_day_itself() -> None:
    from pipeline.values import as_of

    claim = "Washington had 13,500 cases after April 25, 2020."
    source = "Washington had 13,521 cases as of April 26, 2020."
    [mine] = [v for v in find_values(claim) if v.kind == ValueKind.DATE]
    [theirs] = [v for v in find_values(source) if v.kind == ValueKind.DATE]
    said = date_interval(theirs, source, source=True)
    assert said == (date(2020, 4, 26), date(2020, 4, 26))
    assert compare_dates(date_interval(mine, claim), said) is True
    assert as_of(theirs, source) and not as_of(mine, claim)
    # A claim's "as of" is that day too: a figure taken the day before may since have
    # moved.
    assert date_interval(theirs, source) == (date(2020, 4, 26), date(2020, 4, 26))
    claimed = "As of March 31, 2020, there are 399 confirmed cases."
    taken = "As of 30 March 2020, there are 399 confirmed cases."
    [mine] = [v for v in find_values(claimed) if v.kind == ValueKind.DATE]
    [theirs] = [v for v in find_values(taken) if v.kind == ValueKind.DATE]
    said = date_interval(theirs, taken, source=True)
    assert compare_dates(date_interval(mine, claimed), said) is False


def test_counted_nouns_compare_through_synonyms_and_spellings() -> None:
    from pipeline.values import comparable

    def count(text: str) -> Value:
        [value] = find_values(text)
        return value

    assert comparable(count("89,100 travelers"), count("89,131 travellers"))
    assert comparable(count("34 deaths"), count("35 fatalities"))
    # Newsrooms count one thing by these: an aggregator's critics are its reviews, and
    # a report's fatalities its deaths.
    assert comparable(count("34 fatalities"), count("35 deaths"))
    assert comparable(count("83 reviews"), count("81 critics"))
    assert not comparable(count("83 reviews"), count("81 films"))


@pytest.mark.parametrize(
    ("claimed", "stated", "agrees"),
    [
        ("more than 27,000 recoveries", "approximately 28,700 recoveries", True),  # precise
        ("more than 37 recoveries", "about 40 recoveries", None),  # a round figure: +-10%
    ],
)
def test_about_a_precise_figure_is_close_to_it(claimed: str, stated: str, agrees: bool) -> None:
    from pipeline.values import compare_numbers

    [claim] = find_values(claimed)
    [source] = find_values(stated)
    assert compare_numbers(claim, source) is agrees


@pytest.mark.parametrize(
    "text", ["The Aggies are 7-4-1 at home.", "They finished 10\u201324\u20131 away."]
)
def test_a_record_of_three_parts_is_no_value(text: str) -> None:
    assert not [v for v in find_values(text) if v.kind in (ValueKind.NUMBER, ValueKind.COUNT)]


def test_a_scale_word_glued_to_the_digits_scales_them() -> None:
    [money] = find_values("a total worldwide gross of $336.5million")
    assert money.kind == ValueKind.MONEY and money.number == 336_500_000


def test_a_noun_after_a_modifier_ending_in_digits_is_counted() -> None:
    [count] = find_values("They reported fewer than 10 COVID-19 cases.")
    assert count.kind == ValueKind.COUNT and count.unit == "case" and count.number == 10


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("the confirmed cases reached 534 by Friday", ("534", "case")),
        ("The number of deaths rose to 22 on Monday.", ("22", "death")),
        ("Total infections stood at 1,200 by Friday.", ("1,200", "infection")),
        ("A330 orders stand at 1,688 this year.", ("1,688", "order")),
        # "The number of" a plural noun, then its verb.
        (
            "The number of confirmed cases in the state of New York is higher than 48,000.",
            ("48,000", "case"),
        ),
        ("The total number of deaths stood at 91.", ("91", "death")),
        ("The number of cases in New York is more than 8 times higher.", ("8", None)),
        # No plural noun before the verb: nothing is counted.
        ("He reached 40 before retiring.", ("40", None)),
        ("The total rose to 77 on Sunday.", ("77", None)),
    ],
)
def test_a_tally_counts_the_noun_before_its_verb(sentence: str, found: tuple) -> None:
    [value] = find_values(sentence)
    assert (value.text, value.unit) == found
    assert value.kind == (ValueKind.COUNT if found[1] else ValueKind.NUMBER)


def test_a_bound_before_the_next_figure_is_that_figure_s() -> None:
    found = find_values("He made over 15 points and seven shots and over six assists.")
    assert [(v.text, v.qualifier) for v in found] == [
        ("15 points", "over"),
        ("seven shots", None),
        ("six assists", "over"),
    ]


@pytest.mark.parametrize(
    ("sentence", "kind", "unit"),
    [
        ("He weighs over 200 pounds.", ValueKind.COUNT, "pound"),
        ("He sold it for 200 pounds.", ValueKind.MONEY, "GBP"),
    ],
)
def test_pounds_after_a_verb_of_weight_are_a_weight(
    sentence: str, kind: ValueKind, unit: str
) -> None:
    [value] = find_values(sentence)
    assert (value.kind, value.unit) == (kind, unit)


def test_averaged_over_is_no_bound() -> None:
    found = find_values("Averaged over 7 critics, the film scored more than 32%.")
    assert [(v.text, v.qualifier) for v in found] == [("7 critics", None), ("32%", "more than")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The film earned under $ 2.3 M in other territories.", ("money", 2.3e6)),
        ("It cost £ 4 bn in all.", ("money", 4e9)),
        ("He ran 2.3 M on Sunday.", ("number", 2.3)),  # no currency: no scale read apart
    ],
)
def test_a_sum_s_scale_apart_from_its_digits(sentence: str, found: tuple) -> None:
    [value] = find_values(sentence)
    assert (value.kind.value, value.number) == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range: the floor takes the ceiling's noun (and scale)
        ("Between 30 and 40 officers were hurt.",
         [("count", 30.0, "officer", "at least"), ("count", 40.0, "officer", "at most")]),
        ("between 3 and 4 million people",
         [("count", 3e6, "people", "at least"), ("count", 4e6, "people", "at most")]),
        ("30 to 40 staff were hired",
         [("count", 30.0, "staff", "at least"), ("count", 40.0, "staff", "at most")]),
        # a range of money whose scale only its last figure gives
        ("It was projected to gross $ 30–40 million.",
         [("money", 30e6, "USD", "at least"), ("money", 40e6, "USD", "at most")]),
        ("a $5-6m deal", [("money", 5e6, "USD", "at least"), ("money", 6e6, "USD", "at most")]),
        # a change, not a range; a score before a singular noun
        ("Deaths rose from 12 to 15 deaths.",
         [("number", 12.0, None, None), ("count", 15.0, "death", None)]),
        ("He scored 25 points in a 105-113 loss.",
         [("count", 25.0, "point", None), ("number", 105.0, None, None),
          ("number", 113.0, None, None)]),
        # an ellipsis: the bare figure counts the noun before it
        ("It had 300 staff in 2019 and 450 in 2020.",
         [("count", 300.0, "staff", None), ("date", None, None, None),
          ("count", 450.0, "staff", None), ("date", None, None, None)]),
        ("It covers 200 people or more, with more for those that hold 800 or more.",
         [("count", 200.0, "people", "at least"), ("count", 800.0, "people", "at least")]),
        # a total the count before it adds up to, or a noun risen to a figure
        ("Nine new cases were confirmed, bringing the total to 63.",
         [("count", 9.0, "case", None), ("count", 63.0, "case", None)]),
        ("Positive cases had risen to 465.", [("count", 465.0, "case", None)]),
        ("The confirmed cases reached 358.", [("count", 358.0, "case", None)]),
        ("He scored 20 goals. The total rose to 30 in May.",
         [("count", 20.0, "goal", None), ("number", 30.0, None, None), ("date", None, None, None)]),
        # but not a part by place, a compound adjective, or a figure with a noun after it
        ("There are 90 cases, 59 in Republika Srpska.",
         [("count", 90.0, "case", None), ("number", 59.0, None, None)]),
        # "and more than" opens the next figure's bound; "of them" counts its own noun; a
        # number glued to a noun by a hyphen counts that noun; a time of day.
        # a comparative before a measure bounds it
        ("It bans cladding on buildings taller than 18 metres, not shorter than 3 m.",
         [("count", 18.0, "metre", "taller than"), ("count", 3.0, "m", "shorter than")]),
        ("Forty fire engines and more than 200 firefighters were sent.",
         [("count", 40.0, "engine", None), ("count", 200.0, "firefighter", "more than")]),
        ("Seventy-two people died, 18 of them children.",
         [("count", 72.0, "people", None), ("count", 18.0, "child", None)]),
        ("It is a 24-storey block; a 10-fold rise; a one-off payment.",
         [("count", 24.0, "storey", None), ("number", 10.0, None, None)]),
        ("It was revoked at 2.47am, not at about 10.30 pm; 3pm; at 2 am I think.",
         [("count", 2.47, "time of day", None), ("count", 22.3, "time of day", "about"),
          ("count", 15.0, "time of day", None), ("number", 2.0, None, None)]),
        ("More than 100 people left, though a six-minute ovation followed.",
         [("count", 100.0, "people", "more than"), ("count", 6.0, "minute", None)]),
        ("22 people were killed and 1,017 injured.",
         [("count", 22.0, "people", None), ("number", 1017.0, None, None)]),
        ("Of the 100 greatest novels, it was listed at number 35.",
         [("count", 100.0, "novel", None), ("number", 35.0, None, None)]),
    ],
)  # fmt: skip
def test_a_bare_figure_takes_the_noun_its_words_leave_out(text: str, expected: list) -> None:
    got = [(v.kind.value, v.number, v.unit, v.qualifier) for v in find_values(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It ran from 1991 to 1993.", [("1991", "at least"), ("1993", "at most")]),
        ("He was engaged (1991-1993).", [("1991", "at least"), ("1993", "at most")]),
        ("It ran 1991–93.", [("1991", "at least"), ("1993", "at most")]),
        ("Between 2010 and 2015 it grew.", [("2010", "at least"), ("2015", "at most")]),
        ("the 2016-17 season", [("2016", None)]),
        ("the 2016/2017 season", [("2016", None)]),
        ("the 2018–2019 academic year", [("2018", None)]),
        ("In 2016 and 2017 it grew.", [("2016", None), ("2017", None)]),
        # two days of one month: the first takes the second's month and year
        ("The hearing ran from 22 to 25 March 2021.",
         [("2021-03-22", "at least"), ("2021-03-25", "at most")]),
        ("It was held on 14 and 15 June 2019.", [("2019-06-14", None), ("2019-06-15", None)]),
        ("The vote was 22 to 25 in March 2021.", [("2021-03", None)]),
    ],
)  # fmt: skip
def test_a_period_s_first_and_last_dates_are_bounds(text: str, expected: list) -> None:
    got = [(v.date, v.qualifier) for v in find_values(text) if v.kind == ValueKind.DATE]
    assert got == expected
    if expected[0][1] == "at least" and len(expected[0][0]) == 4:
        first, last = (v for v in find_values(text) if v.kind == ValueKind.DATE)
        assert date_interval(first, text) == (date(int(expected[0][0]), 1, 1), date.max)
        assert date_interval(last, text) == (date.min, date(int(expected[1][0]), 12, 31))


def test_square_units_measure_an_area_and_abbreviated_metres_a_length() -> None:
    from pipeline.values.units import comparable, compare_measures

    [area] = find_values("a total space of 180,000 square feet")
    assert area.unit == "square foot"
    [length] = find_values("a lease for 35,512 feet")
    assert not comparable(area, length)  # an area is no length
    [metres] = find_values("the front is 108 m across")
    [feet] = find_values("the front is 355 feet across")
    assert comparable(metres, feet) and compare_measures(metres, feet) is True
    [hectares] = find_values("an estate of 4 hectares")
    [square_metres] = find_values("an estate of 40,000 square metres")
    assert compare_measures(hectares, square_metres) is True


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("She left self-isolation before April.", [("date", "April", "--04")]),
        ("In May 23 people died.", [("date", "May", "--05"), ("count", "23 people", None)]),
        ("Since June, cases have risen.", [("date", "June", "--06")]),
        # A name, a verb, a month that the year after it dates: no month alone.
        ("April Jones was seen in town.", []),
        ("They may march on Sunday.", []),
        ("It was finished after June in 2017.", [("date", "2017", "2017")]),
    ],
)
def test_a_month_named_alone_after_a_dating_word_is_a_month_without_a_year(
    sentence: str, found: list
) -> None:
    assert [(v.kind.value, v.text, v.date) for v in find_values(sentence)] == found


def test_a_month_without_a_year_spans_the_month_and_reads_as_its_name() -> None:
    from datetime import date

    from pipeline.values import date_span
    from pipeline.values.compare import YEARLESS_YEAR
    from pipeline.values.dates import editor_date

    assert date_span("--02") == (date(YEARLESS_YEAR, 2, 1), date(YEARLESS_YEAR, 2, 29))
    assert editor_date("--02") == "February"
    assert editor_date("--02-05") == "5 February"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("It is the band's number four album.", [("number", "four")]),
        ("It peaked at number 17 on the chart.", [("number", "17")]),
        ("ER was the number one TV series again.", []),
        ("The number of people is 5.", [("count", "5")]),
    ],
)
def test_a_number_after_number_is_a_place_counting_nothing(sentence: str, found: list) -> None:
    assert [(v.kind.value, v.text) for v in find_values(sentence)] == found


def test_a_bound_before_a_figure_glued_to_its_unit_is_kept() -> None:
    [speed] = find_values("He clocked under 150km/h in the contest.")
    assert (speed.text, speed.unit, speed.qualifier) == ("150km/h", "km/h", "under")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a measure glued to its unit is a count in that unit; a length per a time a speed
        ("Storm Henk brought 62mm of rain.", [("count", "62mm", "mm", None)]),
        ("It weighed under 5kg.", [("count", "5kg", "kg", "under")]),
        ("He clocked 150km/h.", [("count", "150km/h", "km/h", None)]),
        ("It entered the curve at about 73mph.", [("count", "73mph", "mph", "about")]),
        ("A delivery clocked at 177.9 km/h.", [("count", "177.9 km/h", "km/h", None)]),
        # a number that names a thing counts nothing; the noun after it is counted
        ("It had two class 43 power cars.", [("count", "two class 43 power cars", "car", None)]),
        ("It issued a section 114 notice.", [("number", "114", None, None)]),
        # a time of day on the 24-hour clock; not a score, a verse or a longer time
        ("It was the 06:38 service.", [("count", "06:38", "time of day", None)]),
        ("The score was 3:2 and the time 10:24:31.", [("number", "31", None, None)]),
        ("The car reached 120 miles per hour.", [("count", "120 miles per hour", "mi/h", None)]),
        # the other side of a tally counts what the first does
        (
            "Councillors voted by 31 votes to 19 to accept it.",
            [("count", "31 votes", "vote", None), ("count", "19", "vote", None)],
        ),
        # "over" after a sum is "across", not a bound; "over" before a figure is one
        (
            "It must save £18.2m over two years.",
            [("money", "£18.2m", "GBP", None), ("count", "two years", "year", None)],
        ),
        ("He was jailed for over two years.", [("count", "two years", "year", "over")]),
        ("It will spend over £5m.", [("money", "£5m", "GBP", "over")]),
    ],
)
def test_measures_tallies_and_periods(sentence: str, found: list) -> None:
    assert [(v.kind.value, v.text, v.unit, v.qualifier) for v in find_values(sentence)] == found


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # Published on Thursday 12 March 2020: "on Thursday" is that day, "last Monday"
        # the Monday before; "will ... on Friday" looks ahead.
        ("Price was jailed for 12 years on Thursday.", [("Thursday", "2020-03-12")]),
        ("The council met last Monday.", [("Monday", "2020-03-09")]),
        ("She will be sentenced on Friday.", [("Friday", "2020-03-13")]),
        ("The council must decide on Friday.", [("Friday", "2020-03-13")]),
        (
            "The trial began in May and he was jailed on Thursday.",
            [("May", "--05"), ("Thursday", "2020-03-12")],
        ),
        # a deadline names no day of an event
        ("The council must decide by Friday.", []),
        # A weekday before a date is that date's; one that names no event is no date.
        ("He died on Thursday 12 March 2020.", [("12 March 2020", "2020-03-12")]),
        ("Thursday is market day.", []),
    ],
)
def test_a_weekday_is_read_in_the_week_the_text_was_published(
    sentence: str, dates: list[tuple[str, str]]
) -> None:
    found = [(v.text, v.date) for v in find_values(sentence, published="2020-03-12") if v.date]
    assert found == dates
    # Without the day it was published, a weekday says no date.
    assert not [v for v in find_values(sentence) if v.text.lower() in WEEKDAY_NAMES]


WEEKDAY_NAMES = {"monday", "thursday", "friday"}


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # Published on Thursday 12 March 2020: the month or year of that day, or before.
        ("The council cut 40 jobs last month.", [("last month", "2020-02")]),
        ("Last year the council cut 40 jobs.", [("Last year", "2019")]),
        ("At last year's hearing the panel cleared him.", [("last year's", "2019")]),
        ("Earlier this month the council cut 40 jobs.", [("this month", "2020-03")]),
        ("This year the council cut 40 jobs.", [("This year", "2020")]),
        # after "the", a length of time, not a date
        ("Over the last year the council cut 40 jobs.", []),
    ],
)
def test_last_month_and_this_year_are_read_from_the_day_the_text_was_published(
    sentence: str, dates: list[tuple[str, str]]
) -> None:
    found = [(v.text, v.date) for v in find_values(sentence, published="2020-03-12") if v.date]
    assert found == dates
    assert not [v for v in find_values(sentence) if v.date]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Thousands of people attended the march.",
         [("count", "Thousands of people", 1000.0, "people", "thousands")]),
        ("Tens of thousands of fans marched.",
         [("count", "Tens of thousands of fans", 10000.0, "fan", "tens of thousands")]),
        ("Dozens of homes were flooded.", [("count", "Dozens of homes", 20.0, "home", "dozens")]),
        ("The scheme cost millions of pounds.",
         [("money", "millions of pounds", 1e6, "GBP", "millions")]),
        # Nothing counted after it: no value.
        ("Thousands attended the march.", []),
        ("They came in their thousands.", []),
    ],
)  # fmt: skip
def test_a_figure_said_by_its_order_of_size_is_a_range(sentence: str, found: list) -> None:
    values = find_values(sentence)
    assert [(v.kind.value, v.text, v.number, v.unit, v.qualifier) for v in values] == found


def test_the_range_of_a_figure_said_by_its_order_of_size() -> None:
    thousands = find_values("Thousands of people attended the march.")[0]
    about_300, exactly_4000 = (
        find_values(f"{n} people attended the march.")[0] for n in ("About 300", "4,000")
    )
    assert compare_numbers(thousands, exactly_4000) is True  # 4,000 is thousands
    assert compare_numbers(thousands, about_300) is False
    assert compare_numbers(about_300, thousands) is False
    assert compare_numbers(exactly_4000, thousands) is None  # "thousands" does not say 4,000


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # A bare figure far from a count, with words of its own between, counts nothing.
        ("Six months after the notice, on 5 March 2024, councillors voted by 53 to three.",
         [("count", "Six months", "month", None), ("date", "5 March 2024", None, None),
          ("number", "53", None, None), ("number", "three", None, None)]),
        # "Over" a time after a plural noun spreads it across the time; after a verb it
        # bounds it.
        ("The budget has £300m of cuts over two years.",
         [("money", "£300m", "GBP", None), ("count", "two years", "year", None)]),
        ("He waited over two years for a hearing.", [("count", "two years", "year", "over")]),
        ("Council tax rises by about 21% over two years.",
         [("percent", "21%", None, "about"), ("count", "two years", "year", None)]),
        # A threshold's "beyond which" is the bound it sets.
        ("It is well above the 4.99% beyond which a referendum is needed.",
         [("percent", "4.99%", None, "beyond which")]),
        ("Contracts worth more than the £10m above which a tender is needed.",
         [("money", "£10m", "GBP", "beyond which")]),
    ],
)  # fmt: skip
def test_figures_read_in_their_sentence(sentence: str, found: list) -> None:
    values = find_values(sentence)
    assert [(v.kind.value, v.text, v.unit, v.qualifier) for v in values] == found


def test_speeds_compare_across_their_units() -> None:
    from pipeline.values import compare_measures

    [under] = find_values("He clocked under 150km/h in the contest.")
    [fast] = find_values("a delivery clocked at 177.9 km/h")
    [miles] = find_values("a delivery clocked at 90 mph")
    [length] = find_values("a run of 140 km")
    assert compare_measures(under, fast) is False
    assert compare_measures(under, miles) is True  # 90 mph is about 145 km/h
    assert compare_measures(under, length) is None  # a length is no speed


def test_a_threshold_is_its_figure_not_any_figure_past_it() -> None:
    from pipeline.values import compare_numbers

    [threshold] = find_values("well above the 4.99% beyond which a referendum is needed")
    [lower] = find_values("the 2.99% beyond which a referendum is needed")
    [rule] = find_values("a rise of more than 4.99% in a year must go to a referendum")
    rise = find_values("an increase of 21% over two years")[0]
    [bare] = find_values("the limit of 4.99% a year")
    assert compare_numbers(threshold, rule) is True
    assert compare_numbers(threshold, bare) is True
    assert compare_numbers(lower, rule) is False  # another threshold, changed
    assert compare_numbers(lower, rise) is None  # a figure past it is no threshold
    assert compare_numbers(rule, threshold) is True


def test_up_to_a_figure_is_stated_by_that_figure() -> None:
    from pipeline.values import compare_numbers

    [claimed] = find_values("growing by up to £14m a month")
    [top] = find_values("increasing by between £5m and £14m each month")[1:]
    [more] = find_values("increasing by £16m each month")
    assert compare_numbers(claimed, top) is True
    assert compare_numbers(claimed, more) is False


def test_an_age_before_a_title_and_a_name_is_that_person_s() -> None:
    [age] = find_values("It is galling that the fifty-six-year-old Mr Gove then left.")
    assert (age.number, age.subject) == (56, "Mr Gove")
    # a capitalised word with no title after the age is no person: "a Stockport man"
    [other] = find_values("A 29-year-old Stockport man died.")
    assert other.subject is None


def test_a_sum_paid_per_a_time_keeps_its_time() -> None:
    from pipeline.judge import same_money

    [day] = find_values("fees of £1,200 a day")
    [hour] = find_values("fees of £1,200 an hour")
    [bare] = find_values("fees of £1,200")
    [month] = find_values("growing by £14m each month")
    assert (day.unit, hour.unit, bare.unit, month.unit) == (
        "GBP/day",
        "GBP/hour",
        "GBP",
        "GBP/month",
    )
    assert not same_money(day.unit, hour.unit)
    assert same_money(day.unit, bare.unit) and same_money(bare.unit, month.unit)


def test_up_to_says_what_a_figure_reaches() -> None:
    [most] = find_values("fees of up to £2,200 a day")
    [paid] = find_values("fees of £1,200 a day")
    [reach] = find_values("fees of up to £1,200 a day")
    assert compare_numbers(most, paid) is False  # the most is £1,200, not £2,200
    assert compare_numbers(reach, paid) is True


def test_one_of_a_pair_is_no_count() -> None:
    # "one constable ... and the other": one of two, not a count of one
    text = "Prosecutors charged one constable with murder and the other with assault."
    assert not [v for v in find_values(text) if v.kind.value == "count"]
    assert [v.text for v in find_values("Prosecutors charged one constable with murder.")] == [
        "one constable"
    ]


def test_one_of_more_than_two_is_a_count() -> None:
    text = "One body was found outside the flat; the other three were found in the churchyard."
    assert [v.text for v in find_values(text) if v.kind.value == "count"][:1] == ["One body"]
