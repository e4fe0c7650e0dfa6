"""The judges on hand-built claims and candidates: no spaCy model, no store.

Each test builds a Claim with its facts and the Candidate passages with their
values by hand, as `claims.py` and `match.py` would, and checks the label, the
score and the evidence the judges give.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from pipeline.judge import judge_claim, judge_fact
from pipeline.records import (
    Candidate,
    Claim,
    Fact,
    FactKind,
    FactVerdict,
    Granularity,
    Label,
    SearchHit,
    Value,
    ValueKind,
)

CLAIM = "Seventeen officers were investigated for misconduct."
AGREES = "None of the 17 officers investigated for misconduct will face disciplinary action."
DIFFERS = "None of the 19 officers investigated for misconduct will face disciplinary action."
ELSEWHERE = "The weather in London was fine all week."


def value_in(text: str, words: str, kind: ValueKind, *, offset: int = 0, **fields) -> Value:
    """A value over `words` in `text`, its offsets moved by `offset` (where `text` starts)."""
    at = text.index(words)
    return Value(kind, words, offset + at, offset + at + len(words), **fields)


def claim_with(text: str, *facts: Fact, reference_date: str | None = None) -> Claim:
    return Claim(
        id="c1",
        text=text,
        start=0,
        end=len(text),
        line=1,
        column=1,
        facts=facts,
        reference_date=reference_date,
    )


def fact_of(value: Value, *, kind: FactKind | None = None, subject: str | None = None) -> Fact:
    return Fact(
        kind or FactKind(value.kind.value),
        value.text,
        value.start,
        value.end,
        value=value,
        subject=subject or value.subject or value.unit,
    )


def candidate(
    text: str,
    *values: Value,
    relevance: float = 80.0,
    own: float | None = None,
    window: float = 0.0,
    passage_id: int = 1,
    published: str | None = "2019-07-05",
    publisher: str | None = "IOPC",
    title: str = "A source",
) -> Candidate:
    hit = SearchHit(
        passage_id=passage_id,
        document_id=f"doc{passage_id}",
        page=1,
        start=1000 * passage_id,
        end=1000 * passage_id + len(text),
        text=text,
        highlighted=text,
        score=0,
        title=title,
        publisher=publisher,
        published=published,
    )
    return Candidate(hit, values, relevance, relevance if own is None else own, window)


def count_passage(text: str, words: str, number: float, *, passage_id: int = 1, **kw) -> Candidate:
    offset = 1000 * passage_id
    value = value_in(text, words, ValueKind.COUNT, offset=offset, number=number, unit="officer")
    return candidate(text, value, passage_id=passage_id, **kw)


@pytest.fixture
def seventeen() -> tuple[Claim, Fact]:
    value = value_in(CLAIM, "Seventeen officers", ValueKind.COUNT, number=17, unit="officer")
    fact = fact_of(value)
    return claim_with(CLAIM, fact), fact


# --- counts ---------------------------------------------------------------------


def test_a_count_stated_by_a_relevant_passage_is_supported(seventeen) -> None:
    claim, fact = seventeen
    verdict = judge_fact(fact, claim, [count_passage(AGREES, "17 officers", 17)])
    assert verdict.label == Label.SUPPORTED
    # 60 + 0.4 * (relevance 80 + 10 for each of "investigated" and "misconduct"), capped.
    assert verdict.score == 99
    [evidence] = verdict.evidence
    assert evidence.agrees is True
    assert evidence.source_value == "17 officers"
    assert (evidence.match_start, evidence.match_end) == (1012, 1023)
    assert evidence.text == AGREES


def test_a_different_count_of_the_same_thing_is_contradicted(seventeen) -> None:
    claim, fact = seventeen
    verdict = judge_fact(fact, claim, [count_passage(DIFFERS, "19 officers", 19)])
    assert verdict.label == Label.CONTRADICTED
    assert verdict.score == 95  # 55 + 0.4 * 100
    assert verdict.note == "article: 17 - source: 19 officers"
    assert [e.agrees for e in verdict.evidence] == [False]


def test_a_different_count_of_something_else_is_not_a_contradiction(seventeen) -> None:
    claim, fact = seventeen
    text = "Some 19 officers were on duty at the station that night."
    verdict = judge_fact(fact, claim, [count_passage(text, "19 officers", 19, relevance=45)])
    assert verdict.label == Label.UNVERIFIED


def test_a_count_with_no_relevant_passage_is_unverified(seventeen) -> None:
    claim, fact = seventeen
    nothing = judge_fact(fact, claim, [])
    assert (nothing.label, nothing.score, nothing.evidence) == (Label.UNVERIFIED, 0, ())
    assert nothing.note == "no passage in the store states this"
    # The same number in a passage below the support cutoff (30) counts for nothing.
    weak = judge_fact(fact, claim, [count_passage(AGREES, "17 officers", 17, relevance=20)])
    assert weak.label == Label.UNVERIFIED


def test_two_sources_that_disagree_make_a_dispute(seventeen) -> None:
    claim, fact = seventeen
    sources = [
        count_passage(AGREES, "17 officers", 17, passage_id=1, publisher="IOPC"),
        count_passage(DIFFERS, "19 officers", 19, passage_id=2, publisher="BBC"),
    ]
    verdict = judge_fact(fact, claim, sources)
    assert verdict.label == Label.DISPUTED
    assert verdict.score == 60
    assert [e.agrees for e in verdict.evidence] == [True, False]
    assert verdict.note == "sources disagree: article 17; IOPC 17 officers, BBC 19 officers"


def test_a_bound_is_not_confirmed_by_a_passage_that_also_excludes_it() -> None:
    text = "More than 340 cases were opened."
    claim = _bounded(text, "340 cases", 340, "case", "more than")
    passage = "In all 350 cases were opened, 304 of them in Republika Srpska."
    values = _count_and_number(passage, ("350 cases", 350, "case"), ("304", 304))
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, *values)])
    assert verdict.label == Label.UNVERIFIED
    alone = candidate(passage, values[0])
    assert judge_fact(claim.facts[0], claim, [alone]).label == Label.SUPPORTED


@pytest.mark.parametrize(
    ("claimed", "number", "stated", "theirs", "label"),
    [
        # A large figure within 2% pins the count down with no word around it.
        ("116,700 cases", 116_700, "116,801 cases", 116_801, Label.SUPPORTED),
        # A word of the value besides the unit does too.
        ("690 confirmed cases", 690, "696 confirmed cases", 696, Label.SUPPORTED),
        # A small figure, or one further off, needs the claim's words.
        ("6 cases", 6, "7 cases", 7, Label.UNVERIFIED),
        ("200 cases", 200, "225 cases", 225, Label.UNVERIFIED),
    ],
)
def test_a_count_pinned_by_its_own_figure_or_words(
    claimed: str, number: float, stated: str, theirs: float, label: Label
) -> None:
    text = f"Over {claimed} were counted in Germany."
    claim = _bounded(text, claimed, number, "case", "over")
    passage = f"{stated.capitalize()} have been reported so far."
    other = value_in(passage, stated, ValueKind.COUNT, offset=1000, number=theirs, unit="case")
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, other, relevance=40)])
    assert verdict.label == label


def test_a_figure_all_but_the_claim_s_own_is_read_first() -> None:
    passage = (
        "In 2017 451 reactors with a net capacity of 394 GW were running, and 59 reactors"
        " were operational only in part."
    )
    verdict = _count_against(
        ("Under 450 reactors were operational in the world.", "450 reactors", 450, "under"),
        passage,
        ("451 reactors", 451),
        ("59 reactors", 59),
        unit="reactor",
    )
    assert verdict.label != Label.SUPPORTED
    assert [e.source_value for e in verdict.evidence] in ([], ["451 reactors"])


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The claim names the place of a part: the part is read beside the whole.
        ("More than 50 cases were confirmed in Sofia.", Label.UNVERIFIED),
        # It does not: the parts by place are not its figure.
        ("More than 50 cases were confirmed in the country.", Label.SUPPORTED),
    ],
)
def test_a_breakdown_by_place(text: str, label: Label) -> None:
    claim = _bounded(text, "50 cases", 50, "case", "more than")
    passage = "There are 81 confirmed cases, 45 in Sofia, 9 in Montana and 4 in Pleven."
    values = (
        value_in(
            passage, "81 confirmed cases", ValueKind.COUNT, offset=1000, number=81, unit="case"
        ),
        value_in(passage, "45", ValueKind.NUMBER, offset=1000, number=45),
        value_in(passage, "9", ValueKind.NUMBER, offset=1000, number=9),
        value_in(passage, "4", ValueKind.NUMBER, offset=1000, number=4),
    )
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, *values, relevance=70)])
    assert verdict.label == label


@pytest.mark.parametrize(
    ("theirs", "label"), [(121_045, Label.CONTRADICTED), (95_000, Label.UNVERIFIED)]
)
def test_a_figure_all_but_the_claim_s_own_contradicts_with_no_word_around_it(
    theirs: int, label: Label
) -> None:
    text = "More than 121,300 cases were counted in Germany."
    claim = _bounded(text, "121,300 cases", 121_300, "case", "more than")
    passage = f"{theirs:,} cases have been reported with 2,728 deaths."
    other = value_in(
        passage, f"{theirs:,} cases", ValueKind.COUNT, offset=1000, number=theirs, unit="case"
    )
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, other, relevance=45)])
    assert verdict.label == label


def test_a_bounded_date_is_not_stated_by_the_date_of_the_claim_s_other_event() -> None:
    text = "The song 1999 was released before September 2018."
    title = value_in(text, "1999", ValueKind.DATE, date="1999", granularity=Granularity.YEAR)
    month = value_in(
        text, "September 2018", ValueKind.DATE, date="2018-09", granularity=Granularity.MONTH
    )
    claim = claim_with(text, fact_of(title), fact_of(month))
    passage = "1999 is a song released as the lead single on 5 October 2018."
    values = (
        value_in(passage, "1999", ValueKind.DATE, offset=1000, date="1999",
                 granularity=Granularity.YEAR),
        value_in(passage, "5 October 2018", ValueKind.DATE, offset=1000, date="2018-10-05",
                 granularity=Granularity.DAY),
    )  # fmt: skip
    verdict = judge_fact(claim.facts[1], claim, [candidate(passage, *values)])
    assert verdict.label != Label.SUPPORTED


def _dated(passage: str, *dates: tuple[str, str]) -> Candidate:
    """A passage with its dates, each given by its words and ISO form ("2018", "2012-02-06")."""
    values = tuple(
        value_in(passage, words, ValueKind.DATE, offset=1000, date=iso,
                 granularity=Granularity.DAY if len(iso) == 10 else Granularity.YEAR)
        for words, iso in dates
    )  # fmt: skip
    return candidate(passage, *values, relevance=80)


def test_a_bounded_date_is_met_only_by_a_date_of_the_claim_s_event() -> None:
    text = "The film premiered in the US after 2014."
    year = value_in(text, "2014", ValueKind.DATE, date="2014", granularity=Granularity.YEAR)
    claim = claim_with(text, fact_of(year))
    passage = _dated(
        "The final film the creator worked on before his death in 2018 was released in"
        " the United States on February 6, 2012.",
        ("2018", "2018"),
        ("February 6, 2012", "2012-02-06"),
    )
    verdict = judge_fact(claim.facts[0], claim, [passage])
    assert verdict.label != Label.SUPPORTED
    # The same later date beside the claim's own word meets the bound.
    passage = _dated(
        "The film premiered in the US on February 6, 2015, and its director died in 2018.",
        ("February 6, 2015", "2015-02-06"),
        ("2018", "2018"),
    )
    verdict = judge_fact(claim.facts[0], claim, [passage])
    assert verdict.label == Label.SUPPORTED


def test_a_passage_that_gives_the_claim_s_figure_bare_does_not_deny_it() -> None:
    text = "There were 484 cases in Oman."
    value = value_in(text, "484 cases", ValueKind.COUNT, number=484, unit="case")
    claim = claim_with(text, fact_of(value))
    passage = "The total number of cases registered in Oman is 484, of which 109 cases recovered."
    values = (
        value_in(passage, "484", ValueKind.NUMBER, offset=1000, number=484),
        value_in(passage, "109 cases", ValueKind.COUNT, offset=1000, number=109, unit="case"),
    )
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, *values, relevance=90)])
    assert verdict.label != Label.CONTRADICTED


def test_a_part_qualified_as_the_claim_qualifies_its_count() -> None:
    text = "The firm has more than 22 million customers through joint ventures."
    passage = (
        "It has 4.5 million customers worldwide, with a further 25 million customers"
        " through joint ventures."
    )
    verdict = _count_against(
        (text, "22 million customers", 22e6, "more than"),
        passage,
        ("4.5 million customers", 4.5e6),
        ("25 million customers", 25e6),
        unit="customer",
        relevance=90,
    )
    assert verdict.label == Label.SUPPORTED


def _bounded(
    text: str,
    words: str,
    number: float,
    unit: str,
    qualifier: str,
    kind: ValueKind = ValueKind.COUNT,
) -> Claim:
    """A claim of one count (or sum) with a bound ("more than 22 million customers")."""
    value = value_in(text, words, kind, number=number, unit=unit)
    return claim_with(text, fact_of(Value(**{**_fields(value), "qualifier": qualifier})))


def _count_against(
    claimed: tuple[str, str, float, str],
    passage: str,
    *counts: tuple[str, float],
    unit: str,
    relevance: float = 80.0,
    kind: ValueKind = ValueKind.COUNT,
) -> FactVerdict:
    """The verdict on a claim's bounded count ((text, words, number, qualifier)) against
    a passage's counts ((words, number) each) in one unit (or sums, by `kind`)."""
    text, words, number, qualifier = claimed
    claim = _bounded(text, words, number, unit, qualifier, kind)
    values = tuple(value_in(passage, w, kind, offset=1000, number=n, unit=unit) for w, n in counts)
    return judge_fact(claim.facts[0], claim, [candidate(passage, *values, relevance=relevance)])


def test_a_figure_all_but_the_claim_s_own_ties_whatever_words_follow() -> None:
    passage = (
        "The film has grossed $148.9 million in the United States and Canada, and $127.5"
        " million in other territories, for a worldwide total of $276.4 million."
    )
    claimed = ("The film grossed less than $276.3 million globally.", "$276.3 million")
    sums = (("$148.9 million", 148.9e6), ("$127.5 million", 127.5e6), ("$276.4 million", 276.4e6))
    verdict = _sums_against(claimed, 276.3e6, passage, sums, relevance=70)
    assert verdict.label == Label.CONTRADICTED
    assert [e.source_value for e in verdict.evidence] == ["$276.4 million"]


@pytest.mark.parametrize(
    ("text", "words", "unit", "passage", "theirs"),
    [
        # A bare number counts the noun of the verb right after it.
        ("There were 3 deaths in Oman.", "3 deaths", "death", "Of the cases 3 have died.", "3"),
        # A count of persons counts what the passage's noun does by the claim's verb.
        (
            "Exactly 4 patients had recovered in Romania.",
            "4 patients",
            "patient",
            "There were fourteen confirmed cases and 4 recoveries in Romania.",
            "4 recoveries",
        ),
    ],
)
def test_a_count_by_its_verb(text: str, words: str, unit: str, passage: str, theirs: str) -> None:
    value = value_in(text, words, ValueKind.COUNT, number=float(words.split()[0]), unit=unit)
    claim = claim_with(text, fact_of(value))
    kind = ValueKind.COUNT if " " in theirs else ValueKind.NUMBER
    other = value_in(
        passage, theirs, kind, offset=1000, number=float(theirs.split()[0]),
        unit="recovery" if kind == ValueKind.COUNT else None,
    )  # fmt: skip
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, other, relevance=70)])
    assert verdict.label == Label.SUPPORTED


def test_a_count_in_another_name_for_its_unit_is_read_beside_a_bare_number() -> None:
    text = "Based on more than 30 reviewers, the show was rated over 80%."
    claim = _bounded(text, "30 reviewers", 30, "reviewer", "more than")
    passage = "It has a rating of 81%, based on 31 reviews, with an average rating of 6.7/10."
    values = _count_and_number(passage, ("31 reviews", 31, "review"), ("6.7", 6.7))
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, *values, relevance=80)])
    assert verdict.label == Label.SUPPORTED


def _sums_against(
    claimed: tuple[str, str],
    number: float,
    passage: str,
    sums: tuple[tuple[str, float], ...],
    *,
    relevance: float,
) -> FactVerdict:
    """The verdict on a claim's "less than" sum in dollars ((text, words), number)
    against a passage's sums ((words, number) each)."""
    text, words = claimed
    return _count_against(
        (text, words, number, "less than"),
        passage,
        *sums,
        unit="USD",
        relevance=relevance,
        kind=ValueKind.MONEY,
    )


def _count_and_number(
    passage: str, count: tuple[str, float, str], number: tuple[str, float]
) -> tuple[Value, Value]:
    """A passage's count ((words, number, unit)) and bare number ((words, number))."""
    return (
        value_in(passage, count[0], ValueKind.COUNT, offset=1000, number=count[1], unit=count[2]),
        value_in(passage, number[0], ValueKind.NUMBER, offset=1000, number=number[1]),
    )


@pytest.mark.parametrize(
    ("claimed", "iso", "title", "published", "label"),
    [
        # A source's day without a year is in the only year its title names ...
        ("March 12, 2020", "2020-03-12", "2020 coronavirus pandemic in Finland", None,
         Label.SUPPORTED),
        # ... or in its publication's year, the year before for a later day of it.
        ("December 28, 2020", "2020-12-28", "A source", "2021-01-05", Label.SUPPORTED),
        # With neither, it still never confirms the claim's year.
        ("March 12, 2020", "2020-03-12", "A source", None, Label.UNVERIFIED),
    ],
)  # fmt: skip
def test_a_source_s_day_without_a_year_is_in_the_source_s_year(
    claimed: str, iso: str, title: str, published: str | None, label: Label
) -> None:
    text = f"Finland confirmed 22 new cases on {claimed}."
    value = value_in(text, claimed, ValueKind.DATE, date=iso, granularity=Granularity.DAY)
    claim = claim_with(text, fact_of(value))
    day = claimed.split(",")[0].split()
    passage = f"On {day[1]} {day[0]}, 22 new cases were confirmed in Finland."
    said = value_in(
        passage, f"{day[1]} {day[0]}", ValueKind.DATE, offset=1000, date=f"--{iso[5:]}",
        granularity=Granularity.DAY,
    )  # fmt: skip
    found = candidate(passage, said, published=published, title=title)
    assert judge_fact(claim.facts[0], claim, [found]).label == label


@pytest.mark.parametrize(
    ("before", "label"),
    [
        ("Season 2 is due out on Netflix on March 6th, 2019.", Label.SUPPORTED),
        # Two years beside it: no year for the day.
        ("Season 1 came out in 2016 and season 2 in 2019.", Label.UNVERIFIED),
        ("The show was announced on Netflix.", Label.UNVERIFIED),
    ],
)
def test_a_day_without_a_year_takes_the_only_year_beside_it(before: str, label: Label) -> None:
    """An undated source's "from March 4th", with "March 6th, 2019" in the sentence before,
    states "March 4, 2019"; never a contradiction, as the year is read, not said."""
    text = "It aired on March 4, 2019, in Australia."
    value = value_in(text, "March 4, 2019", ValueKind.DATE, date="2019-03-04",
                     granularity=Granularity.DAY)  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "Foxtel will be airing episodes weekly in Australia from March 4th."
    said = value_in(passage, "March 4th", ValueKind.DATE, offset=1000, date="--03-04",
                    granularity=Granularity.DAY)  # fmt: skip
    found = replace(candidate(passage, said, published=None), before=before)
    assert judge_fact(claim.facts[0], claim, [found]).label == label


def _fields(value: Value) -> dict:
    return {name: getattr(value, name) for name in Value.__dataclass_fields__}


def test_a_bare_number_is_never_contradicted() -> None:
    text = "The report ran to 250 pages in the end."
    value = value_in(text, "250", ValueKind.NUMBER, number=250)
    claim = claim_with(text, fact_of(value))
    passage = "The report ran to 300 pages in the end."
    other = value_in(passage, "300", ValueKind.NUMBER, offset=1000, number=300)
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, other, relevance=90)])
    assert verdict.label == Label.UNVERIFIED
    same = value_in(passage.replace("300", "250"), "250", ValueKind.NUMBER, offset=1000, number=250)
    found = judge_fact(
        claim.facts[0], claim, [candidate(passage.replace("300", "250"), same, relevance=90)]
    )
    assert found.label == Label.SUPPORTED


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The inspectorate had published four other reports on the force before it.",
         Label.UNVERIFIED),
        ("It is report number four of the inspectorate on the force.", Label.SUPPORTED),
    ],
)  # fmt: skip
def test_an_order_does_not_state_a_number_of_other_things(text: str, label: Label) -> None:
    """ "The fourth report" means three came before it, not four: an order states a
    number ("report number four") but not a count of others."""
    value = value_in(text, "four", ValueKind.NUMBER, number=4)
    claim = claim_with(text, fact_of(value))
    passage = "This is the inspectorate's fourth report on the force."
    other = value_in(passage, "fourth", ValueKind.ORDINAL, offset=1000, number=4)
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, other, relevance=90)])
    assert verdict.label == label


# --- ages -----------------------------------------------------------------------

AGE_CLAIM = "Stephen Port, 41, was given a whole life order."


def age_fact() -> tuple[Claim, Fact]:
    value = value_in(AGE_CLAIM, "41", ValueKind.AGE, number=41, subject="Stephen Port")
    fact = fact_of(value, subject="Stephen Port")
    return claim_with(AGE_CLAIM, fact, reference_date="2016-11-25"), fact


def age_passage(text: str, age: int, *, subject: str = "Port", **kw) -> Candidate:
    value = value_in(text, str(age), ValueKind.AGE, offset=1000, number=age, subject=subject)
    return candidate(text, value, **kw)


def test_the_same_age_of_the_same_person_is_supported() -> None:
    claim, fact = age_fact()
    verdict = judge_fact(fact, claim, [age_passage("Port, 41, of Barking.", 41)])
    assert verdict.label == Label.SUPPORTED
    assert verdict.evidence[0].source_value == "41"


def test_another_age_of_the_same_person_is_contradicted() -> None:
    claim, fact = age_fact()
    passage = age_passage("Port, 47, of Barking.", 47, published="2016-11-25")
    verdict = judge_fact(fact, claim, [passage])
    assert verdict.label == Label.CONTRADICTED
    assert verdict.evidence[0].note == "Port is 47 (source of 2016-11-25)"


def test_an_age_of_someone_else_counts_for_nothing() -> None:
    claim, fact = age_fact()
    passage = age_passage("Jack Taylor, 25, of Dagenham.", 25, subject="Jack Taylor")
    assert judge_fact(fact, claim, [passage]).label == Label.UNVERIFIED


def test_an_age_in_a_later_source_is_read_at_the_claims_date() -> None:
    claim, fact = age_fact()
    # 44 in July 2019 is 41 in November 2016: not a contradiction.
    verdict = judge_fact(fact, claim, [age_passage("Port, 44, is serving a whole life order.", 44)])
    assert verdict.label == Label.SUPPORTED
    assert "consistent with 41 at 2016-11-25" in verdict.evidence[0].note


# --- dates, quotes, statements, attributions -------------------------------------


def test_a_date_near_the_claims_words_is_supported_and_another_contradicted() -> None:
    text = "The jury returned its conclusions on 10 December 2021."
    value = value_in(
        text, "10 December 2021", ValueKind.DATE, date="2021-12-10", granularity=Granularity.DAY
    )
    claim = claim_with(text, fact_of(value))
    fact = claim.facts[0]

    def passage(day: str, iso: str) -> Candidate:
        said = f"The inquest jury returned its conclusions on {day} at Barking Town Hall."
        date = value_in(
            said, day, ValueKind.DATE, offset=1000, date=iso, granularity=Granularity.DAY
        )
        return candidate(said, date, relevance=70)

    assert judge_fact(fact, claim, [passage("10 December 2021", "2021-12-10")]).label == (
        Label.SUPPORTED
    )
    contradicted = judge_fact(fact, claim, [passage("12 December 2021", "2021-12-12")])
    assert contradicted.label == Label.CONTRADICTED
    assert contradicted.evidence[0].source_value == "12 December 2021"


def test_a_quote_found_word_for_word_is_supported_and_a_changed_one_contradicted() -> None:
    words = "we are sorry for the failures of the investigation"
    text = f'The force said: "{words}".'
    at = text.index(words)
    fact = Fact(FactKind.QUOTE, words, at, at + len(words), subject="The force")
    claim = claim_with(text, fact)
    said = 'The Commissioner said: "We are sorry for the failures of the investigation."'
    verdict = judge_fact(fact, claim, [candidate(said, relevance=60)])
    assert verdict.label == Label.SUPPORTED
    [evidence] = verdict.evidence
    assert said[evidence.match_start - 1000 : evidence.match_end - 1000] == (
        "We are sorry for the failures of the investigation"
    )
    changed = 'The Commissioner said: "We are not sorry for anything in the investigation."'
    misquote = judge_fact(fact, claim, [candidate(changed, relevance=60)])
    assert misquote.label == Label.CONTRADICTED
    assert misquote.evidence[0].source_value == (
        "We are not sorry for anything in the investigation."
    )


def quoted_in(text: str, words: str) -> tuple[Fact, Claim]:
    """A claim of `text` with its quotation of `words` as its fact."""
    at = text.index(words)
    fact = Fact(FactKind.QUOTE, words, at, at + len(words))
    return fact, claim_with(text, fact)


@pytest.mark.parametrize(
    ("words", "quoted", "label"),
    [
        # the passage quotes part of the same words (a title, a shorter quotation)
        ("Brown v. Board of Education of Topeka, Kansas", "Brown v. Board of Education", None),
        ("The Hunger Games: Mockingjay \u2013 Part 2", "Mockingjay \u2014 Part 2.", None),
        # the same words but for an article or "of"
        (
            "the making, debating and exhibiting art at the Royal Academy",
            "of making, debating and exhibiting art at the royal academy.",
            Label.SUPPORTED,
        ),
        # other words
        ("a significant opportunity", "an obvious opportunity", Label.CONTRADICTED),
    ],
)
def test_a_quotation_holding_part_of_the_same_words_is_no_misquote(
    words: str, quoted: str, label: Label | None
) -> None:
    text = f'The ruling in "{words}" was cited.'
    fact, claim = quoted_in(text, words)
    said = f'The judges cited "{quoted}" in the ruling.'
    verdict = judge_fact(fact, claim, [candidate(said, relevance=60)])
    if label is None:
        assert verdict.label != Label.CONTRADICTED
    else:
        assert verdict.label == label


def test_nearly_the_same_words_unquoted_are_a_misquote() -> None:
    words = "the performance of nine officers fell below the standard expected"
    text = f'The IOPC said: "{words}".'
    fact, claim = quoted_in(text, words)
    said = "It found that the performance of nine officers fell below the standards expected."
    verdict = judge_fact(fact, claim, [candidate(said, relevance=60)])
    assert verdict.label == Label.CONTRADICTED
    assert verdict.evidence[0].source_value == (
        "the performance of nine officers fell below the standards expected."
    )
    # Below the contradiction cutoff (40), the same words count for nothing.
    assert judge_fact(fact, claim, [candidate(said, relevance=35)]).label == Label.UNVERIFIED


def test_a_statement_needs_the_claims_own_words_in_a_passage() -> None:
    text = "The Metropolitan Police apologised to the families."
    fact = Fact(FactKind.STATEMENT, text, 0, len(text))
    claim = claim_with(text, fact)
    close = candidate("The Metropolitan Police apologised to the families.", own=80)
    assert judge_fact(fact, claim, [close]).label == Label.SUPPORTED
    # Relevant only with the context's words: the claim's own are not there.
    leaning = candidate("The families met the police.", relevance=90, own=50)
    assert judge_fact(fact, claim, [leaning]).label == Label.UNVERIFIED
    # Told over two sentences: the passage and the one after it.
    window = candidate("The Metropolitan Police met the families.", own=60, window=85)
    verdict = judge_fact(fact, claim, [window])
    assert verdict.label == Label.SUPPORTED
    assert verdict.score == 92  # 60 + 0.4 * (85 - 5)
    assert verdict.evidence[0].note == "with the sentence after it"


def test_an_attribution_is_supported_by_its_outlet_and_never_contradicted() -> None:
    text = "The Guardian reported that no officer would be disciplined."
    fact = Fact(FactKind.ATTRIBUTION, "Guardian", 4, 12, subject="Guardian")
    claim = claim_with(text, fact)
    own = candidate("No officer will be disciplined.", publisher="The Guardian", relevance=60)
    verdict = judge_fact(fact, claim, [own])
    assert verdict.label == Label.SUPPORTED
    assert verdict.evidence[0].note == "published by The Guardian"
    other = candidate("No officer will be disciplined.", publisher="BBC News", relevance=90)
    assert judge_fact(fact, claim, [other]).label == Label.UNVERIFIED


def test_an_outlet_named_in_a_passage_is_named_as_a_whole_word() -> None:
    text = "According to TIME, Okja is one of the most influential films of the decade."
    fact = Fact(FactKind.ATTRIBUTION, "TIME", 13, 17, subject="TIME")
    claim = claim_with(text, fact)
    times = "Okja was named one of the New York Times's most influential films of the decade."
    assert judge_fact(fact, claim, [candidate(times, relevance=90)]).label == Label.UNVERIFIED
    time = "Okja was named one of TIME's most influential films of the decade."
    assert judge_fact(fact, claim, [candidate(time, relevance=90)]).label == Label.SUPPORTED


# --- the claim's verdict ----------------------------------------------------------


def test_a_claim_is_supported_only_when_every_fact_is(seventeen) -> None:
    claim, fact = seventeen
    supported = judge_claim(claim, [count_passage(AGREES, "17 officers", 17)])
    assert (supported.label, supported.score) == (Label.SUPPORTED, 99)
    quote = Fact(FactKind.QUOTE, "a quote nobody made", 0, 5)
    both = claim_with(CLAIM, fact, quote)
    half = judge_claim(both, [count_passage(AGREES, "17 officers", 17)])
    assert [v.label for v in half.facts] == [Label.SUPPORTED, Label.UNVERIFIED]
    assert (half.label, half.score) == (Label.UNVERIFIED, 50)


def test_one_contradicted_fact_contradicts_the_claim(seventeen) -> None:
    _, fact = seventeen
    statement = Fact(FactKind.STATEMENT, CLAIM, 0, len(CLAIM))
    both = claim_with(CLAIM, fact, statement)
    verdict = judge_claim(both, [count_passage(DIFFERS, "19 officers", 19, own=90)])
    assert [v.label for v in verdict.facts] == [Label.CONTRADICTED, Label.SUPPORTED]
    assert (verdict.label, verdict.score) == (Label.CONTRADICTED, 95)


def test_a_claim_with_no_facts_or_no_candidates_is_unverified(seventeen) -> None:
    claim, _ = seventeen
    assert judge_claim(claim_with(CLAIM), []).label == Label.UNVERIFIED
    verdict = judge_claim(claim, [candidate(ELSEWHERE, relevance=5)])
    assert (verdict.label, verdict.score) == (Label.UNVERIFIED, 0)


def test_judging_needs_no_language_model() -> None:
    code = (
        "import sys, pipeline.judge, pipeline.match, pipeline.text;"
        "assert 'spacy' not in sys.modules, 'spacy was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_outlet_is_known_by_its_web_host_as_a_whole() -> None:
    text = "The BBC reported that no officer would be disciplined."
    fact = Fact(FactKind.ATTRIBUTION, "BBC", 4, 7, subject="BBC")
    claim = claim_with(text, fact)
    hit = candidate("No officer will be disciplined.", publisher=None, relevance=60)
    at_bbc = replace(hit, hit=replace(hit.hit, url="https://www.bbc.co.uk/news/uk-123"))
    assert judge_fact(fact, claim, [at_bbc]).label == Label.SUPPORTED
    times = Fact(FactKind.ATTRIBUTION, "Times", 4, 9, subject="Times")
    at_nytimes = replace(hit, hit=replace(hit.hit, url="https://www.nytimes.com/2019/story"))
    assert judge_fact(times, claim_with(text, times), [at_nytimes]).label == Label.UNVERIFIED


# --- a date dated by its report ---------------------------------------------------

HIRED = "The Odessa Jackalopes hired Todd Watson as their head coach in May 2019."
ANNOUNCED = (
    "The Odessa Jackalopes announced on Monday that they have hired Todd Watson as head coach."
)


def _hired() -> tuple[Claim, Fact]:
    value = value_in(
        HIRED, "May 2019", ValueKind.DATE, date="2019-05", granularity=Granularity.MONTH
    )
    fact = fact_of(value)
    return claim_with(HIRED, fact), fact


@pytest.mark.parametrize(
    ("published", "label"),
    [
        ("2019-05-20", Label.SUPPORTED),  # the report of the hiring, published that month
        ("2019-07-02", Label.UNVERIFIED),  # a later source: its date is not the event's
        ("2019-05", Label.UNVERIFIED),  # a month only: no day to date a report by
    ],
)
def test_a_date_no_passage_states_is_the_date_of_the_report(published: str, label: Label) -> None:
    claim, _ = _hired()
    verdict = judge_claim(claim, [candidate(ANNOUNCED, published=published)])
    [date_verdict] = [v for v in verdict.facts if v.fact.kind == FactKind.DATE]
    assert date_verdict.label == label
    if label == Label.SUPPORTED:
        assert date_verdict.note == "the source reports it as news on 20 May 2019"


@pytest.mark.parametrize(
    ("said", "published", "label"),
    [
        # the report says it happened today, two months after the claim's month
        ("today announced that they have hired", "2019-07-02", Label.CONTRADICTED),
        ("yesterday announced that they had hired", "2019-06-01", Label.SUPPORTED),
        # with no day of its own, a later report's date is not the event's
        ("announced that they have hired", "2019-07-02", Label.UNVERIFIED),
    ],
)
def test_a_report_of_what_happened_today_dates_the_event(
    said: str, published: str, label: Label
) -> None:
    claim, _ = _hired()
    text = f"The Odessa Jackalopes {said} Todd Watson as head coach."
    verdict = judge_claim(claim, [candidate(text, published=published)])
    [date_verdict] = [v for v in verdict.facts if v.fact.kind == FactKind.DATE]
    assert date_verdict.label == label, date_verdict


@pytest.mark.parametrize(
    ("said", "label"),
    [
        # a report of March 2019 tells the hiring as done: it was no hiring of May
        ("announced on Monday that they have hired", Label.CONTRADICTED),
        # one that tells it as still to come dates nothing
        ("announced on Monday that they will hire", Label.UNVERIFIED),
        ("are expected to hire", Label.UNVERIFIED),
    ],
)
def test_a_report_that_tells_the_event_as_done_denies_a_later_date(said: str, label: Label) -> None:
    claim, _ = _hired()
    text = f"The Odessa Jackalopes {said} Todd Watson as head coach."
    verdict = judge_claim(claim, [candidate(text, published="2019-03-04")])
    [date_verdict] = [v for v in verdict.facts if v.fact.kind == FactKind.DATE]
    assert date_verdict.label == label, date_verdict
    if label == Label.CONTRADICTED:
        assert "4 March 2019" in (date_verdict.note or "")


def test_a_passage_that_dates_its_event_itself_is_not_dated_by_its_report() -> None:
    claim, _ = _hired()
    text = "The Odessa Jackalopes hired Todd Watson as their head coach in 2017."
    year = value_in(
        text, "2017", ValueKind.DATE, offset=1000, date="2017", granularity=Granularity.YEAR
    )
    verdict = judge_claim(claim, [candidate(text, year, published="2019-05-20")])
    [date_verdict] = [v for v in verdict.facts if v.fact.kind == FactKind.DATE]
    assert date_verdict.label != Label.SUPPORTED


# --- counts in other units ---------------------------------------------------------

WALK = "She walked 200 kilometres from Manchester to Downing Street."
WALKED = "She walked 200 miles from Manchester to Downing Street to call for the law."


@pytest.mark.parametrize(
    ("words", "number", "unit", "label"),
    [
        ("200 kilometres", 200, "kilometre", Label.CONTRADICTED),  # 200 miles is 322 km
        ("322 kilometres", 322, "kilometre", Label.SUPPORTED),
    ],
)
def test_a_count_in_another_unit_of_the_same_dimension(
    words: str, number: float, unit: str, label: Label
) -> None:
    text = WALK.replace("200 kilometres", words)
    value = value_in(text, words, ValueKind.COUNT, number=number, unit=unit)
    theirs = value_in(WALKED, "200 miles", ValueKind.COUNT, offset=1000, number=200, unit="mile")
    verdict = judge_fact(fact_of(value), claim_with(text), [candidate(WALKED, theirs)])
    assert verdict.label == label


# --- a figure settled by the passage that states the claim's other figure -------------

TALLY = (
    "Fewer than 116,700 cases have been registered in Germany since the outbreak began in"
    " late January, and the authorities have confirmed less than 2,500 deaths."
)


@pytest.mark.parametrize(("deaths", "label"), [(2400, Label.SUPPORTED), (2612, Label.CONTRADICTED)])
def test_a_count_settled_by_the_passage_of_the_claim_s_other_count(
    deaths: int, label: Label
) -> None:
    cases = value_in(
        TALLY, "116,700 cases", ValueKind.COUNT, number=116_700, unit="case",
        qualifier="fewer than",
    )  # fmt: skip
    dead = value_in(
        TALLY, "2,500 deaths", ValueKind.COUNT, number=2500, unit="death", qualifier="less than"
    )
    claim = claim_with(TALLY, fact_of(cases), fact_of(dead))
    text = f"116,662 cases have been registered in Germany so far; {deaths:,} deaths."
    passage = candidate(
        text,
        value_in(text, "116,662 cases", ValueKind.COUNT, offset=1000, number=116_662, unit="case"),
        value_in(
            text, f"{deaths:,} deaths", ValueKind.COUNT, offset=1000, number=deaths, unit="death"
        ),
        relevance=37.0,
    )
    alone = judge_fact(fact_of(dead), claim, [passage])
    assert alone.label == Label.UNVERIFIED  # nothing around the figure anchors it, and it is 4% off
    verdict = judge_claim(claim, [passage])
    [case_verdict, death_verdict] = [v for v in verdict.facts if v.fact.kind == FactKind.COUNT]
    assert case_verdict.label == Label.SUPPORTED
    assert death_verdict.label == label


DUTIES = (
    "Venues that can hold 200 people or more must take steps to protect the public, with"
    " stricter duties for those that can hold {n} or more."
)
STEPS = "Premises where 200 or more people may be present must take simple steps to reduce harm."
ENHANCED = "Those where 800 or more people may be present will be subject to an enhanced duty."


def _beside(after: str, *, document: str = "doc1") -> tuple[Candidate, Candidate]:
    """STEPS (passage 1) and `after` (passage 2), the sentence after it in `document`."""
    first = candidate(
        STEPS,
        value_in(STEPS, "200 or more people", ValueKind.COUNT, offset=1000, number=200,
                 unit="people", qualifier="at least"),
        relevance=55.0,
    )  # fmt: skip
    first = replace(first, after=after)
    second = candidate(
        after,
        value_in(after, "800 or more people", ValueKind.COUNT, offset=2000, number=800,
                 unit="people", qualifier="at least"),
        relevance=28.0,
        passage_id=2,
    )  # fmt: skip
    return first, replace(second, hit=replace(second.hit, document_id=document))


@pytest.mark.parametrize(("n", "label"), [(800, Label.SUPPORTED), (1000, Label.CONTRADICTED)])
def test_a_count_settled_by_the_sentence_after_the_passage_of_the_other_count(
    n: int, label: Label
) -> None:
    text = DUTIES.format(n=f"{n:,}")
    people = value_in(text, "200 people or more", ValueKind.COUNT, number=200, unit="people",
                      qualifier="at least")  # fmt: skip
    more = value_in(text, f"{n:,} or more", ValueKind.COUNT, number=n, unit="people",
                    qualifier="at least")  # fmt: skip
    claim = claim_with(text, fact_of(people), fact_of(more))
    verdict = judge_claim(claim, list(_beside(ENHANCED)))
    [first, second] = [v for v in verdict.facts if v.fact.kind == FactKind.COUNT]
    assert first.label == Label.SUPPORTED
    assert second.label == label
    assert "beside the passage" in (second.evidence[0].note or "")
    # Not beside it (another document), or with no word of the clause: nothing settles it.
    for passages in (
        _beside(ENHANCED, document="doc2"),
        _beside(ENHANCED.replace("an enhanced duty", "a new levy")),
    ):
        [_, second] = [
            v for v in judge_claim(claim, list(passages)).facts if v.fact.kind == FactKind.COUNT
        ]
        assert second.label == Label.UNVERIFIED


def test_a_quotation_running_on_past_the_passage_s_words_is_no_misquote() -> None:
    words = "Brown v. Board of Education of Topeka, Kansas"
    text = f'The court ruled on the case "{words}" in 1954.'
    fact, claim = quoted_in(text, words)
    said = "In 1954 the court ruled in Brown v. Board of Education of Topeka that schools must desegregate."
    assert judge_fact(fact, claim, [candidate(said, relevance=60)]).label == Label.UNVERIFIED
    # A word changed inside the same words is still a misquote.
    said = "In 1954 the court ruled in Brown v. Board of Instruction of Topeka, Kansas."
    assert judge_fact(fact, claim, [candidate(said, relevance=60)]).label == Label.CONTRADICTED


@pytest.mark.parametrize(
    ("said", "label"),
    [
        ('The singer performed "Drunk Love" at the arena in May.', Label.SUPPORTED),
        # The quotation's words whole: not the start of a longer word.
        ('The singer performed "Drunk Lovers" at the arena in May.', Label.CONTRADICTED),
    ],
)
def test_a_quotation_is_found_only_as_whole_words(said: str, label: Label) -> None:
    fact, claim = quoted_in('The singer performed "Drunk Love" at the arena in May.', "Drunk Love")
    assert judge_fact(fact, claim, [candidate(said, relevance=60)]).label == label


def test_a_grade_s_letter_is_not_the_grade_with_its_sign() -> None:
    fact, claim = quoted_in('The critics gave the show a grade of "B" in May.', "B")
    said = 'The critics gave the show a grade of "B+" in May.'
    assert judge_fact(fact, claim, [candidate(said, relevance=60)]).label != Label.SUPPORTED


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("2020 coronavirus pandemic in Bulgaria", Label.SUPPORTED),
        ("2020 coronavirus pandemic in Romania", Label.UNVERIFIED),
        ("A source", Label.UNVERIFIED),
    ],
)
def test_the_page_s_subject_stands_by_its_only_figure(title: str, label: Label) -> None:
    """A page's sentences leave out what the page is about: "There are six confirmed
    cases" on a page called "2020 coronavirus pandemic in Bulgaria" counts Bulgaria's."""
    text = "Bulgaria has registered less than 7 positive coronavirus cases."
    value = value_in(text, "7 positive coronavirus cases", ValueKind.COUNT, number=7,
                     unit="case", qualifier="less than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "There are six confirmed cases, three in Sofia, two in Pleven and two in Gabrovo."
    six = value_in(passage, "six confirmed cases", ValueKind.COUNT, offset=1000, number=6,
                   unit="case")  # fmt: skip
    found = candidate(passage, six, relevance=45.0, title=title)
    assert judge_fact(claim.facts[0], claim, [found]).label == label


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("2020 coronavirus pandemic in Morocco", Label.CONTRADICTED),
        ("2020 coronavirus pandemic in Algeria", Label.UNVERIFIED),
        ("A source", Label.UNVERIFIED),
    ],
)
def test_the_page_s_subject_stands_by_its_only_figure_that_disagrees(
    title: str, label: Label
) -> None:
    """As it does by one that agrees: "the confirmed cases reached 79" on the page "2020
    coronavirus pandemic in Morocco" denies "more than 82 cases" in Morocco; the note
    gives the claim's bound."""
    text = "Morocco has more than 82 COVID-19 cases."
    value = value_in(text, "82 COVID-19 cases", ValueKind.COUNT, number=82, unit="case",
                     qualifier="more than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "The confirmed cases reached 79, the vast majority of them coming from abroad."
    reached = value_in(passage, "79", ValueKind.COUNT, offset=1000, number=79, unit="case")
    found = candidate(passage, reached, relevance=55.0, title=title)
    verdict = judge_fact(claim.facts[0], claim, [found])
    assert verdict.label == label
    if label == Label.CONTRADICTED:
        assert verdict.note == "article: more than 82 - source: 79"


@pytest.mark.parametrize(
    ("title", "label"),
    [("The Brave Little Toaster", Label.CONTRADICTED), ("A source", Label.UNVERIFIED)],
)
def test_the_page_s_subject_ties_a_date_that_disagrees(title: str, label: Label) -> None:
    """ "The film's premiere was ... on July 13, 1987" on the page "The Brave Little
    Toaster" denies that it premiered before July 11; the note gives the bound."""
    text = "The Brave Little Toaster premiered before July 11, 1987."
    value = value_in(text, "July 11, 1987", ValueKind.DATE, date="1987-07-11",
                     granularity=Granularity.DAY)  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "The film's premiere was at the Wadsworth Theatre in Los Angeles on July 13, 1987."
    said = value_in(passage, "July 13, 1987", ValueKind.DATE, offset=1000, date="1987-07-13",
                    granularity=Granularity.DAY)  # fmt: skip
    found = candidate(passage, said, relevance=65.0, title=title)
    verdict = judge_fact(claim.facts[0], claim, [found])
    assert verdict.label == label
    if label == Label.CONTRADICTED:
        assert verdict.note == "article: before 11 July 1987 - source: July 13, 1987"


@pytest.mark.parametrize(
    ("text", "number", "qualifier", "label"),
    [
        ("There are fewer than 325 active cases.", 325, "fewer than", Label.CONTRADICTED),
        # the part, which the bound excludes, stands as close: nothing settled
        ("There are more than 300 active cases.", 300, "more than", Label.UNVERIFIED),
        ("There are 327 active cases.", 327, None, Label.SUPPORTED),
    ],
)
def test_a_count_out_of_a_whole_gives_the_whole_too(
    text: str, number: int, qualifier: str | None, label: Label
) -> None:
    """ "125 out of 327 active cases remain hospitalized" counts 327 active cases as well as
    125 hospitalized: not "fewer than 325 active cases"."""
    words = text.split(" ", 2)[2].rstrip(".")
    value = value_in(text, words, ValueKind.COUNT, number=number, unit="case",
                     qualifier=qualifier)  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "The ministry said 125 out of 327 active cases remain in hospital."
    part = value_in(passage, "125 out of 327 active cases", ValueKind.COUNT, offset=1000,
                    number=125, unit="case")  # fmt: skip
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, part, relevance=70.0)])
    assert verdict.label == label


def test_the_page_s_subject_ties_a_figure_that_shares_a_word_too() -> None:
    """One word beside both ("based on 12 reviews") ties too little in a passage of no
    great relevance; the page's subject ties the rest."""
    text = "Saving Grace scored nil based on more than 12 reviews."
    value = value_in(text, "12 reviews", ValueKind.COUNT, number=12, unit="review",
                     qualifier="more than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "On Rotten Tomatoes, the film has a rating of 0%, based on 12 reviews."
    said = value_in(passage, "12 reviews", ValueKind.COUNT, offset=1000, number=12,
                    unit="review")  # fmt: skip
    found = candidate(passage, said, relevance=50.0)
    on_page = candidate(passage, said, relevance=50.0, title="Saving Grace")
    assert judge_fact(claim.facts[0], claim, [on_page]).label == Label.CONTRADICTED
    assert judge_fact(claim.facts[0], claim, [found]).label == Label.UNVERIFIED


def test_the_page_s_subject_ties_no_bare_figure_that_disagrees() -> None:
    """ "the number of recoveries 928" is no count of the cases "more than 4,000" gives."""
    text = "Morocco has more than 4,000 COVID-19 cases."
    value = value_in(text, "4,000 COVID-19 cases", ValueKind.COUNT, number=4000, unit="case",
                     qualifier="more than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "The number of recoveries reached 928, with a total number of 168 deaths."
    bare = value_in(passage, "928", ValueKind.NUMBER, offset=1000, number=928)
    found = candidate(passage, bare, relevance=55.0, title="2020 coronavirus pandemic in Morocco")
    assert judge_fact(claim.facts[0], claim, [found]).label == Label.UNVERIFIED


def test_the_page_s_subject_ties_no_date_of_a_list() -> None:
    """Not when the passage gives several dates: "Tom Brandt (born c. 2002) ... in
    Tomorrowland (2015)" says nothing against his birth on 30 August 2002."""
    text = "Tom Brandt was born on 30 August 2002."
    value = value_in(text, "30 August 2002", ValueKind.DATE, date="2002-08-30",
                     granularity=Granularity.DAY)  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = (
        "Tom Brandt (born c. 2002) is an actor, best known for playing Athena in the 2015 film."
    )
    born = value_in(passage, "2002", ValueKind.DATE, offset=1000, date="2002",
                    granularity=Granularity.YEAR)  # fmt: skip
    film = value_in(passage, "2015", ValueKind.DATE, offset=1000, date="2015",
                    granularity=Granularity.YEAR)  # fmt: skip
    found = candidate(passage, born, film, relevance=70.0, title="Tom Brandt")
    assert judge_fact(claim.facts[0], claim, [found]).label != Label.CONTRADICTED


@pytest.mark.parametrize(("number", "label"), [(62, Label.SUPPORTED), (65, Label.CONTRADICTED)])
def test_a_total_is_read_past_the_new_cases_that_brought_it(number: int, label: Label) -> None:
    """ "nine new cases were confirmed, bringing the total to 63": the new cases are a part,
    which a bound on all the cases does not exclude."""
    text = f"Morocco had more than {number} COVID-19 cases."
    value = value_in(text, f"{number} COVID-19 cases", ValueKind.COUNT, number=number,
                     unit="case", qualifier="more than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "A second recovery was reported and nine new cases were confirmed, bringing the total to 63."
    new = value_in(passage, "nine new cases", ValueKind.COUNT, offset=1000, number=9, unit="case")
    total = value_in(passage, "63", ValueKind.COUNT, offset=1000, number=63, unit="case")
    found = candidate(
        passage, new, total, relevance=65.0, title="2020 coronavirus pandemic in Morocco"
    )
    assert judge_fact(claim.facts[0], claim, [found]).label == label


def test_a_figure_said_with_a_scale_word_is_counted_by_a_figure_in_digits() -> None:
    """ "$ 22,622,536" may count the total "more than $ 23 million" says, though the passage
    gives another figure in millions: "million" qualifies nothing counted."""
    text = "Lockout earned a total gross of more than $ 23 million."
    value = value_in(text, "$ 23 million", ValueKind.MONEY, number=23e6, unit="USD",
                     qualifier="more than")  # fmt: skip
    claim = claim_with(text, fact_of(value))
    passage = "Lockout had a total gross of $ 22,622,536 and opened to $ 6.23 million."
    total = value_in(passage, "$ 22,622,536", ValueKind.MONEY, offset=1000, number=22622536,
                     unit="USD")  # fmt: skip
    opening = value_in(passage, "$ 6.23 million", ValueKind.MONEY, offset=1000, number=6.23e6,
                       unit="USD")  # fmt: skip
    verdict = judge_fact(claim.facts[0], claim, [candidate(passage, total, opening)])
    assert verdict.label == Label.CONTRADICTED
    assert verdict.note == "article: more than $ 23 million - source: $ 22,622,536"


def test_a_quotation_all_but_the_claim_s_is_a_misquote_in_a_long_claim() -> None:
    # A long claim leaves the passage with the quotation little relevance (29): the
    # quotation, one word changed, is the same statement all the same.
    words = "that the twelve men were unlawfully killed"
    text = f'The coroner said she found "{words}".'
    fact, claim = quoted_in(text, words)
    said = '"I find that the eleven men were unlawfully killed," she said.'
    verdict = judge_fact(fact, claim, [candidate(said, relevance=29)])
    assert verdict.label == Label.CONTRADICTED
    # another statement, at that relevance, is nothing to go by
    other = '"I find that the pilot was careless," she said.'
    assert judge_fact(fact, claim, [candidate(other, relevance=29)]).label == Label.UNVERIFIED


@pytest.mark.parametrize(
    ("said", "label"),
    [
        # a sentence of a quotation that opened in the sentence before
        (
            'This has been a lengthy and complex investigation and I am grateful to all."',
            Label.CONTRADICTED,
        ),
        # one whose quotation closes in the sentence after
        (
            'The director said: "This has been a lengthy and complex investigation.',
            Label.CONTRADICTED,
        ),
        # the same words, unquoted, tell of the investigation and quote nobody
        ("It had been a lengthy and complex investigation, the report said.", Label.UNVERIFIED),
        # the claim's words, found
        ('"This has been a swift and simple investigation," he said.', Label.SUPPORTED),
    ],
)
def test_a_quotation_running_over_several_sentences_is_read_in_each(
    said: str, label: Label
) -> None:
    """A passage is a sentence, and a quotation may run over several: the words after an
    opening mark with no closing one, or before a closing mark with no opening one, are
    quoted, and a quotation that changes words inside them ("a swift and simple" / "a
    lengthy and complex") is a misquote."""
    fact, claim = quoted_in(
        'The director called it "a swift and simple investigation".',
        "a swift and simple investigation",
    )
    assert judge_fact(fact, claim, [candidate(said, relevance=60)]).label == label


@pytest.mark.parametrize(
    ("words", "label"),
    [
        # the claim's first words, then others to the quotation's end
        ("probably due to a fault in the brakes", Label.CONTRADICTED),
        # "a" and "an" are one word
        ("an unfortunate and involuntary lapse", Label.CONTRADICTED),
        # the claim quotes part of the passage's words
        ("probably due to a lack", Label.SUPPORTED),
        # too few of the same words to be the same statement
        ("probably something else entirely", Label.UNVERIFIED),
    ],
)
def test_a_quotation_with_its_own_ending_is_a_misquote(words: str, label: Label) -> None:
    fact, claim = quoted_in(f'The foreman said the crash was "{words}".', words)
    said = (
        'The foreman said the driver "lost awareness of his surroundings, probably due to a'
        ' lack of sleep", and that it was "a deliberate and involuntary lapse".'
    )
    assert judge_fact(fact, claim, [candidate(said, relevance=45)]).label == label


def test_a_compound_no_source_names_is_read_in_every_relevant_passage() -> None:
    """The compound's other name is looked for in every passage about the claim, not
    only those read first for contrasts: "the Conservative-run council" / "The
    Labour-run council"."""
    from pipeline.judge.content import _compound_named_otherwise
    from pipeline.judge.windows import Reading

    claim = claim_with("The notice from the Conservative-run council halted all new spending.")
    reading = Reading(claim)
    unsaid = frozenset({"Conservative-run"})
    labour = candidate("The Labour-run council serves a million people.", own=45.0)
    found = _compound_named_otherwise(claim, reading, [labour], unsaid)
    assert found is not None and found[1].source == "Labour-run"
    # a passage too far from the claim, or a compound of no name, gives none
    assert _compound_named_otherwise(claim, reading, [replace(labour, own_relevance=20.0)],
                                     unsaid) is None  # fmt: skip
    plain = candidate("The state-run council serves a million people.", own=45.0)
    assert _compound_named_otherwise(claim, reading, [plain], unsaid) is None


@pytest.mark.parametrize(
    ("said", "words", "day", "label"),
    [
        ("The Trust said it expected to reopen the reservoir by late 2029.", "2029", "2029",
         Label.SUPPORTED),
        # another deadline of the same plan
        ("The Trust said it expected to reopen the reservoir by late 2024.", "2024", "2024",
         Label.CONTRADICTED),
        # a day before the deadline, of something else the Trust did there
        ("The Trust opened the reservoir to visitors on 15 March 2023.", "15 March 2023",
         "2023-03-15", Label.UNVERIFIED),
    ],
)  # fmt: skip
def test_a_deadline_is_the_day_a_plan_names(said: str, words: str, day: str, label: Label) -> None:
    text = "The Trust still plans to reopen the reservoir by late 2029."
    value = value_in(text, "2029", ValueKind.DATE, date="2029", granularity=Granularity.YEAR)
    granularity = Granularity.DAY if len(day) == 10 else Granularity.YEAR
    theirs = value_in(said, words, ValueKind.DATE, offset=1000, date=day, granularity=granularity)
    fact = fact_of(value)
    verdict = judge_fact(fact, claim_with(text, fact), [candidate(said, theirs)])
    assert verdict.label == label, verdict


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("cognitive impairment", Label.SUPPORTED),
        # other words right after the claim's last word before the quotation
        ("mechanical failure", Label.CONTRADICTED),
    ],
)
def test_a_short_quotation_is_read_in_the_place_the_passage_gives_its_words(
    words: str, label: Label
) -> None:
    fact, claim = quoted_in(
        f'His lawyers argued that he had suffered a "{words}" during the display.', words
    )
    said = (
        "His defence argued that he had suffered a cognitive impairment during the display,"
        " caused by the forces of the manoeuvre."
    )
    assert judge_fact(fact, claim, [candidate(said, relevance=45)]).label == label
