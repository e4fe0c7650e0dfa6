"""Which of a passage's figures a claim's figure is read against, end to end.

A passage often gives several figures of one kind ("$55.7 million in the United
States and Canada, and $69.8 million in other territories, for a worldwide total of
$125.5 million"). A claim's figure is settled only by the one that stands closest to
its words; when figures that agree and figures that disagree stand as close, the
passage settles nothing, and a figure that counts something narrower than the
passage's ("negative reviews" / "reviews") is never contradicted by the wider count.
"""

from __future__ import annotations

import re

import pytest
from conftest import store_of_source

from pipeline.records import FactKind, Label
from pipeline.store import Store
from pipeline.verification import verify_text

SOURCE = """---
title: "Box office and reviews"
publisher: "Example Gazette"
published: "2024-03-05"
kind: news
note: "Written for claimcheck's tests."
---

The Lantern Keeper grossed $55.7 million in the United States and Canada, and $69.8
million in other territories, for a worldwide total of $125.5 million.

The review site counted 100 reviews of the film (4 negative, 96 positive).

In all 350 complaints were opened, 304 of them in the northern district.

The striker signed a five-year, $17.1 million contract with a $2.1 million club option.

The winger made his debut as a starter on 5 August, when the club won the Community Shield.

Released on 18 October 2016 in New Zealand, Thunder Road was the band's first album since 2010.

Ann Porter, 41, from Bury, was hurt in the blast.
The coroner found that Ms Porter would probably have survived with quicker care.

By the end of April the province had 1,778 confirmed cases and 617 recoveries.

The Eredivisie comprises 18 teams.

The video was the fastest to reach 1 billion views, and by July it had over 3.6 billion views.

The capital had over 7,100 cases at the end of March.

It took the director five years to make the film.

On 11 March the district announced that its schools would close; the closure would begin on
23 March.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, SOURCE)


def page_store(tmp_path_factory: pytest.TempPathFactory, nlp, title: str, body: str) -> Store:
    """A store of one encyclopedia page called `title` (its subject), whose body is `body`."""
    source = (
        f'---\ntitle: "{title}"\npublisher: "Example Encyclopedia"\npublished: "2024-03-05"\n'
        f'kind: other\nnote: "Written for claimcheck\'s tests."\n---\n\n{body}\n'
    )
    return store_of_source(tmp_path_factory, nlp, source)


def passage_store(tmp_path_factory: pytest.TempPathFactory, nlp, passage: str) -> Store:
    """A store of one source whose body is `passage`, with SOURCE's front matter."""
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + passage + "\n"
    return store_of_source(tmp_path_factory, nlp, source)


def figure_labels(text: str, store: Store, nlp) -> dict[str, Label]:
    report = verify_text(text, store, nlp=nlp)
    return {
        f.fact.text: f.label
        for c in report.claims
        for f in c.facts
        if f.fact.kind in (FactKind.COUNT, FactKind.MONEY)
    }


def test_a_figure_as_close_to_another_that_disagrees_settles_nothing(store: Store, nlp) -> None:
    labels = figure_labels(
        "The Lantern Keeper earned more than $68 million outside North America.", store, nlp
    )
    # $69.8 million (other territories) agrees, $55.7 million disagrees: neither is closer
    # to "outside North America", so the passage is never read as contradicting it.
    assert labels["$68 million"] != Label.CONTRADICTED


def test_the_closest_figure_settles_the_claim(store: Store, nlp) -> None:
    labels = figure_labels(
        "The Lantern Keeper made a worldwide total of $125.5 million.", store, nlp
    )
    assert labels["$125.5 million"] == Label.SUPPORTED
    labels = figure_labels(
        "The Lantern Keeper made a worldwide total of $152.5 million.", store, nlp
    )
    assert labels["$152.5 million"] == Label.CONTRADICTED


def test_the_figure_of_the_place_the_claim_names_settles_it(store: Store, nlp) -> None:
    # "$55.7 million in the United States and Canada, and $69.8 million in other
    # territories": the words before the second figure name the first one's place, so
    # only the place phrase after each figure says whose it is.
    for text, expected in (
        ("The Lantern Keeper grossed more than $60 million in the United States and Canada.",
         Label.CONTRADICTED),
        ("The Lantern Keeper grossed more than $50 million in the United States and Canada.",
         Label.SUPPORTED),
        ("The Lantern Keeper grossed more than $65 million in other territories.",
         Label.SUPPORTED),
        ("The Lantern Keeper grossed less than $65 million in other territories.",
         Label.CONTRADICTED),
    ):  # fmt: skip
        [label] = figure_labels(text, store, nlp).values()
        assert label == expected, text
    # Another place, or a part of the claim's: the phrase says nothing of the claim's.
    labels = figure_labels(
        "The Lantern Keeper grossed less than $60 million outside the United States.",
        store,
        nlp,
    )
    assert labels["$60 million"] != Label.SUPPORTED


@pytest.mark.parametrize(
    ("passage", "text", "figure"),
    [
        # The figure of the other territories is none of the United States and Canada's,
        # however close it stands to "Canada".
        (
            "The Night Ferry grossed $3.2 million in the United States and Canada, and"
            " $5.9 million in other territories, for a worldwide total of $9.1 million.",
            "The Night Ferry earned over $4.8 million in the US and Canada.",
            "$4.8 million",
        ),
        # A county's figure is not its town's: two places, each named by a word the
        # other lacks, after the figure ("of which ... were in") or after what it counts.
        (
            "There were 4,597 confirmed cases in Kent county, of which 1,339 were in Kent town.",
            "There were over 2,000 confirmed cases of influenza in Kent town.",
            "2,000 confirmed cases",
        ),
    ],
)
def test_a_figure_of_another_place_does_not_state_the_claims(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, figure: str
) -> None:
    store = passage_store(tmp_path_factory, nlp, passage)
    assert figure_labels(text, store, nlp)[figure] != Label.SUPPORTED


def test_a_narrower_count_is_not_contradicted_by_the_whole(store: Store, nlp) -> None:
    # "100 reviews (4 negative, 96 positive)": the part denies it, never the whole.
    report = verify_text("The review site counted 50 negative reviews of the film.", store, nlp=nlp)
    [found] = [f for c in report.claims for f in c.facts if f.fact.text == "50 negative reviews"]
    assert found.label != Label.CONTRADICTED or "4 negative" in (found.note or ""), found
    labels = figure_labels("The review site counted 120 reviews of the film.", store, nlp)
    assert labels["120 reviews"] == Label.CONTRADICTED


def test_a_bound_the_closest_figure_meets_is_supported(store: Store, nlp) -> None:
    labels = figure_labels("The review site counted more than 80 reviews of the film.", store, nlp)
    assert labels["80 reviews"] == Label.SUPPORTED
    labels = figure_labels("The review site counted fewer than 80 reviews of the film.", store, nlp)
    assert labels["80 reviews"] == Label.CONTRADICTED


def test_a_bound_a_total_meets_is_not_loosened_by_its_parts(store: Store, nlp) -> None:
    # "$55.7 million in the United States and Canada" is a part of the worldwide total.
    labels = figure_labels("The Lantern Keeper earned over $120 million worldwide.", store, nlp)
    assert labels["$120 million"] == Label.SUPPORTED
    labels = figure_labels("The Lantern Keeper earned over $130 million worldwide.", store, nlp)
    assert labels["$130 million"] == Label.CONTRADICTED


def test_a_bound_a_part_excludes_is_not_confirmed(store: Store, nlp) -> None:
    # "304 of them in the northern district" is a part of the 350; a claim about the
    # district is not confirmed by the whole, and the whole and its part stand alike
    # close to a claim that names neither.
    for text in (
        "More than 340 complaints were opened in the northern district.",
        "More than 340 complaints were opened.",
    ):
        labels = figure_labels(text, store, nlp)
        assert labels["340 complaints"] == Label.UNVERIFIED, text


def test_bounds_do_not_claim_each_other_s_figures(store: Store, nlp) -> None:
    labels = figure_labels(
        "The striker signed a five-year, less than $16.7 million contract with an over"
        " $3 million club option.",
        store,
        nlp,
    )
    # $17.1 million meets "over $3 million" and $2.1 million meets "less than $16.7
    # million": read that way round, both would be supported.
    assert labels["$16.7 million"] != Label.SUPPORTED
    assert labels["$3 million"] != Label.SUPPORTED


def date_labels(text: str, store: Store, nlp) -> list[Label]:
    report = verify_text(text, store, nlp=nlp)
    return [f.label for c in report.claims for f in c.facts if f.fact.kind == FactKind.DATE]


def test_a_day_without_a_year_is_read_on_its_month_and_day(store: Store, nlp) -> None:
    assert date_labels("The winger made his debut as a starter on 5 August.", store, nlp) == [
        Label.SUPPORTED
    ]
    # "after August 5" excludes the passage's 5 August: never supported (it was, when a
    # day without a year was no date and the sentence's words were all stated).
    [label] = date_labels("The winger made his debut as a starter after August 5.", store, nlp)
    assert label != Label.SUPPORTED
    # The passage gives no year: it neither confirms the claim's year nor, holding the
    # claim's day, is contradicted by its other date (23 March).
    [label] = date_labels(
        "On 11 March 2020 the district announced that its schools would close.", store, nlp
    )
    assert label == Label.UNVERIFIED
    [label] = date_labels(
        "On 12 March 2020 the district announced that its schools would close.", store, nlp
    )
    assert label != Label.SUPPORTED


def test_a_date_beside_the_claim_s_words_outweighs_one_further_off(store: Store, nlp) -> None:
    # "since 2010" agrees with "before 2015", "Released on 18 October 2016" does not.
    [label] = date_labels("The album Thunder Road was released before 2015.", store, nlp)
    assert label != Label.SUPPORTED
    [label] = date_labels("The album Thunder Road was released in October 2016.", store, nlp)
    assert label == Label.SUPPORTED


def test_a_predicate_reversed_beside_the_anchoring_passage_contradicts(store: Store, nlp) -> None:
    # The age is stated by one sentence, the predicate by the next, which names her.
    report = verify_text(
        "Ann Porter, 41, would probably not have survived with quicker care, the coroner found.",
        store,
        nlp=nlp,
    )
    [claim] = report.claims
    assert claim.label == Label.CONTRADICTED, claim
    report = verify_text(
        "Ann Porter, 41, would probably have survived with quicker care, the coroner found.",
        store,
        nlp=nlp,
    )
    [claim] = report.claims
    assert claim.label != Label.CONTRADICTED, claim


def test_a_passage_figure_equal_to_another_of_the_claim_s_is_that_one_s(store: Store, nlp) -> None:
    labels = figure_labels(
        "It took five years to make the film and three years to write it.", store, nlp
    )
    assert labels["five years"] == Label.SUPPORTED
    assert labels["three years"] != Label.CONTRADICTED


def test_a_day_without_a_year_is_dated_by_the_report_of_that_day(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    source = (
        '---\ntitle: "Team hires a stand-in driver"\npublished: "2014-08-10"\n'
        'note: "Written for claimcheck\'s tests."\n---\n\n'
        "The team announced that it had hired Regan Smith to replace its injured driver at the "
        "road course race.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    [label] = date_labels(
        "On August 10, the team hired Regan Smith to replace its injured driver at the road"
        " course race.",
        store,
        nlp,
    )
    assert label == Label.SUPPORTED
    [label] = date_labels(
        "On June 10, the team hired Regan Smith to replace its injured driver at the road"
        " course race.",
        store,
        nlp,
    )
    assert label != Label.SUPPORTED


def test_a_count_of_people_counts_what_its_verb_names(store: Store, nlp) -> None:
    # "people had recovered" counts recoveries; "people lived there" does not.
    labels = figure_labels(
        "By the end of April more than 600 people in the province had recovered.", store, nlp
    )
    assert labels["600 people"] == Label.SUPPORTED


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Fewer than 1,470 people tested positive for the virus in Uzbekistan as of 18 April"
         " 2020.", Label.SUPPORTED),
        ("There had been over 1,400 positive tests of the virus in Uzbekistan as of 18 April"
         " 2020.", Label.SUPPORTED),
        # Those who recovered are not the cases.
        ("Fewer than 1,470 people recovered from the virus in Uzbekistan as of 18 April"
         " 2020.", Label.UNVERIFIED),
    ],
)  # fmt: skip
def test_people_who_tested_positive_are_the_cases(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    store = page_store(
        tmp_path_factory,
        nlp,
        "2020 coronavirus pandemic in Uzbekistan",
        "As of 18 April 2020, there have been 1,469 confirmed cases, 194 recoveries and 4 deaths.",
    )
    [claim] = verify_text(text, store, nlp=nlp).claims
    assert claim.label == label, (text, claim.uncovered)


@pytest.mark.parametrize(("deaths", "label"), [(200, Label.SUPPORTED), (100, Label.CONTRADICTED)])
def test_a_count_of_deaths_is_read_against_people_who_died(
    tmp_path_factory: pytest.TempPathFactory, nlp, deaths: int, label: Label
) -> None:
    source = SOURCE.split("---\n\n")[0] + (
        "---\n\nBy the end of March there had been 20,875 confirmed cases in the province,"
        " and by the end of March 157 people in the province had died.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    text = f"There had been under {deaths} deaths in the province by the end of March."
    labels = figure_labels(text, store, nlp)
    assert labels[f"{deaths} deaths"] == label


def test_people_counted_by_the_verb_the_claim_s_noun_names_state_it_without_other_words(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # No word around "1,550 people" but the verb ties it to "deaths".
    source = SOURCE.split("---\n\n")[0] + (
        "---\n\nFigures from the health department on Friday showed there have been 75,795"
        " confirmed cases in the state, and of those 1,550 people have died.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    text = (
        "Under 80,000 cases of the virus were confirmed in the state of New York and"
        " there have been less than 1,700 deaths."
    )
    labels = figure_labels(text, store, nlp)
    assert labels["1,700 deaths"] == Label.SUPPORTED


def test_a_sole_figure_of_a_strongly_relevant_passage_contradicts_with_one_word(
    store: Store, nlp
) -> None:
    # One word of the claim ("Eredivisie") stands by the passage's only count of teams.
    labels = figure_labels("The Eredivisie has more than 19 teams.", store, nlp)
    assert labels["19 teams"] == Label.CONTRADICTED
    labels = figure_labels("The Eredivisie has fewer than 19 teams.", store, nlp)
    assert labels["19 teams"] == Label.SUPPORTED


def test_a_passage_that_gives_the_claim_s_figure_is_not_read_against_its_others(
    store: Store, nlp
) -> None:
    labels = figure_labels("By July the video had more than 3.6 billion views.", store, nlp)
    assert labels["3.6 billion views"] != Label.CONTRADICTED
    # "7,100 cases" rounds "over 7,100 cases": not a contradiction.
    labels = figure_labels("The capital had 7,100 cases at the end of March.", store, nlp)
    assert labels["7,100 cases"] != Label.CONTRADICTED


LOOSE_SOURCE = """---
title: "The Harbour Play"
publisher: "Example Gazette"
published: "2024-03-05"
kind: news
note: "Written for claimcheck's tests."
---

On Critic Board, the production holds an approval rating of 90%, based on 94 reviews, with an
average rating of 7.6/10.

The watchdog said the performance of nine officers had fallen below the standard required.

None of the 17 officers whose actions the watchdog investigated will face disciplinary
action, the watchdog said.
"""


@pytest.fixture(scope="module")
def loose_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, LOOSE_SOURCE)


def test_a_sole_figure_tied_by_its_clause_denies_a_figure_nothing_states(
    loose_store: Store, nlp
) -> None:
    # "Critic Board" stands further from "94 reviews" than the words read around a
    # figure, but the reviews are the passage's only figure of the kind.
    labels = figure_labels(
        "The Harbour Play has under 93 reviews on Critic Board.", loose_store, nlp
    )
    assert labels["93 reviews"] == Label.CONTRADICTED
    # Loosely tied, the 17 officers do not outweigh the passage that states the nine.
    labels = figure_labels(
        "The watchdog said the performance of nine officers had fallen below the standard.",
        loose_store,
        nlp,
    )
    assert labels["nine officers"] == Label.SUPPORTED


def test_a_number_in_the_name_a_title_gives_is_stated_by_it(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    source = LOOSE_SOURCE.replace('title: "The Harbour Play"', 'title: "8 Seconds"')
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        "The film 8 Seconds holds a rating of 90% on Critic Board.", store, nlp=nlp
    )
    [eight] = [f for c in report.claims for f in c.facts if f.fact.text.startswith("8")]
    assert eight.label == Label.SUPPORTED, eight
    assert "8 Seconds" in (eight.note or "")


def test_a_count_of_new_cases_does_not_count_the_cases(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    body = (
        "On 20 March fourteen new cases were confirmed in the province, bringing the total to 77."
    )
    source = LOOSE_SOURCE.split("---\n\n")[0] + "---\n\n" + body + "\n"
    store = store_of_source(tmp_path_factory, nlp, source)
    labels = figure_labels(
        "On 20 March there were fewer than 75 cases in the province.", store, nlp
    )
    assert labels["75 cases"] != Label.SUPPORTED
    labels = figure_labels(
        "On 20 March fourteen new cases were confirmed in the province.", store, nlp
    )
    assert labels["fourteen new cases"] == Label.SUPPORTED


RANGES = """---
title: "Premises law and a stadium's history"
publisher: "Example Gazette"
published: "2025-04-03"
kind: news
note: "Written for claimcheck's tests."
---

Premises where 200 or more people may be present must take simple steps to reduce harm,
and those where 800 or more people may be present face an enhanced duty.

Between 30 and 40 stewards were hurt in the crush at the ground.

The club played at the old stadium from 1991 to 1993.

The stand is 108 metres long, 30 metres deep and 24 metres high.
"""


@pytest.fixture(scope="module")
def ranges(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, RANGES)


def test_a_figure_whose_noun_is_left_unsaid_counts_the_noun_before_it(ranges, nlp) -> None:
    # "800 or more" counts people, as "200 people or more" does, and the passage's
    # "200 or more people" is the claim's other figure's, not a looser bound of this one.
    claim = (
        "Venues that can hold 200 people or more must take steps to reduce harm, and an"
        " enhanced duty applies to those that can hold 800 or more."
    )
    labels = figure_labels(claim, ranges, nlp)
    assert labels == {"200 people or more": Label.SUPPORTED, "800 or more": Label.SUPPORTED}


def test_a_range_is_its_floor_and_its_ceiling(ranges, nlp) -> None:
    supported = figure_labels("Between 30 and 40 stewards were hurt in the crush.", ranges, nlp)
    assert supported == {"30": Label.SUPPORTED, "40 stewards": Label.SUPPORTED}
    # A figure inside the range does not state it, and denies no end of it.
    inside = figure_labels(
        "Thirty-five stewards were hurt in the crush at the ground.", ranges, nlp
    )
    assert inside == {"Thirty-five stewards": Label.UNVERIFIED}
    over = figure_labels("Between 50 and 60 stewards were hurt in the crush.", ranges, nlp)
    assert Label.CONTRADICTED in over.values()


def test_a_period_is_stated_by_its_ends_and_not_by_a_year_inside_it(ranges, nlp) -> None:
    same = date_labels("The club played at the old stadium between 1991 and 1993.", ranges, nlp)
    assert same == [Label.SUPPORTED, Label.SUPPORTED]
    other = date_labels("The club played at the old stadium from 1990 to 1993.", ranges, nlp)
    assert other[0] == Label.CONTRADICTED
    inside = date_labels("The club played at the old stadium in 1992.", ranges, nlp)
    assert inside == [Label.UNVERIFIED]


def test_a_plain_date_is_stated_by_the_period_end_it_holds(ranges, nlp) -> None:
    # "played there in 1991 and 1993" names the period's ends; a year outside it is denied.
    assert date_labels("The club played at the old stadium in 1991 and 1993.", ranges, nlp) == [
        Label.SUPPORTED,
        Label.SUPPORTED,
    ]
    assert Label.CONTRADICTED in date_labels(
        "The club played at the old stadium in 1989 and 1993.", ranges, nlp
    )


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The charge covered more than nine years, from May 2011.", Label.SUPPORTED),
        ("The charge covered about nine years, from 1 May 2011.", Label.SUPPORTED),
        ("The charge covered more than twelve years, from May 2011.", Label.CONTRADICTED),
        # Tied to no end of the period: its length may be another period's.
        ("The charge covered more than twelve years.", Label.UNVERIFIED),
    ],
)
def test_a_time_counted_is_the_length_of_the_period_whose_end_it_names(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = "The company admitted a charge covering the period from 1 May 2011 to 12 August 2020."
    store = passage_store(tmp_path_factory, nlp, passage)
    report = verify_text(claim, store, nlp=nlp)
    [years] = [f for c in report.claims for f in c.facts if f.fact.kind == FactKind.COUNT]
    assert years.label == label, years
    if label == Label.CONTRADICTED:
        assert years.note == (
            "article: more than twelve years - source: 1 May 2011 to 12 August 2020 (9.3 years)"
        )


def test_a_figure_and_its_conversion_in_brackets_are_one_figure(ranges, nlp) -> None:
    # "(108 m)" is "355 feet" again, not another of the claim's figures: the passage's
    # "108 metres" states both, and "30 metres" is no rival of either.
    labels = figure_labels("The stand is 355 feet (108 m) long and 80 ft (24 m) high.", ranges, nlp)
    assert set(labels.values()) == {Label.SUPPORTED}, labels


@pytest.mark.parametrize(
    ("passage", "victims", "label"),
    [
        # A court's counts of an offence count the persons it was done to.
        ("A jury at the Old Bailey found him guilty in March of 22 counts of murder.",
         "twenty-two", Label.SUPPORTED),
        ("A jury at the Old Bailey found him guilty in March of 22 counts of murder.",
         "twenty", Label.CONTRADICTED),
        # So do people and the verb after them, said of the claim's noun before it.
        ("At the Old Bailey in March he was found guilty: 22 people murdered in the attack.",
         "twenty-two", Label.SUPPORTED),
    ],
)  # fmt: skip
def test_counts_of_an_offence_and_people_it_was_done_to_count_its_victims(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, victims: str, label: Label
) -> None:
    store = passage_store(tmp_path_factory, nlp, passage)
    text = f"He was convicted at the Old Bailey in March of the murder of all {victims} victims."
    labels = figure_labels(text, store, nlp)
    assert labels[f"{victims} victims"] == label


@pytest.mark.parametrize(
    ("years", "label"),
    [
        ("more than 13 years", Label.SUPPORTED),
        ("more than 20 years", Label.CONTRADICTED),
        # The state may have ended before the source was published: at most 13.5 years.
        ("ten years", Label.UNVERIFIED),
    ],
)
def test_a_time_lasted_is_read_from_since_to_the_source_s_day(
    tmp_path_factory: pytest.TempPathFactory, nlp, years: str, label: Label
) -> None:
    head = SOURCE.split("---\n\n")[0].replace("2024-03-05", "2020-08-14") + "---\n\n"
    passage = (
        "Mr Stuchbury was the first passenger to be killed in a train accident on Britain's"
        " railways since 23 February 2007."
    )
    store = store_of_source(tmp_path_factory, nlp, head + passage + "\n")
    claim = (
        f"Mr Stuchbury was the first passenger to die in a train accident on Britain's"
        f" railways for {years}."
    )
    report = verify_text(claim, store, nlp=nlp)
    [counted] = [f for c in report.claims for f in c.facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == label, counted


@pytest.mark.parametrize(("year", "label"), [("2004", Label.SUPPORTED), ("2005", Label.UNVERIFIED)])
def test_a_day_to_come_is_read_in_its_source_s_own_year(
    tmp_path_factory: pytest.TempPathFactory, nlp, year: str, label: Label
) -> None:
    # A page of 19 October 2004 tells of a release to come: its one date, "November 2",
    # is in 2004, not the year before, and states the claim's day.
    head = SOURCE.split("---\n\n")[0].replace("2024-03-05", "2004-10-19") + "---\n\n"
    passage = (
        "Ten of the 12 songs on the band's third album, Emotive, are covers.\n\n"
        "Emotive hits stores on Election Day, November 2."
    )
    store = store_of_source(tmp_path_factory, nlp, head + passage + "\n")
    claim = f"The band's third album, Emotive, was released on November 2, {year}."
    assert date_labels(claim, store, nlp) == [label]


@pytest.mark.parametrize(
    ("bound", "label"), [("Under 56,000", Label.SUPPORTED), ("Under 50,000", Label.CONTRADICTED)]
)
def test_a_population_counts_the_people_living_there(
    tmp_path_factory: pytest.TempPathFactory, nlp, bound: str, label: Label
) -> None:
    passage = (
        "At the 2010 census, the population of New Brunswick was 55,181, an increase of"
        " 6,608 from the 48,573 counted in the 2000 census."
    )
    store = store_of_source(
        tmp_path_factory, nlp, SOURCE.split("---\n\n")[0] + "---\n\n" + passage + "\n"
    )
    labels = figure_labels(f"{bound} people were living in New Brunswick in 2010.", store, nlp)
    assert labels == {bound.split()[1] + " people": label}


def test_a_year_in_the_source_s_title_is_read_past_its_marks(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "2016 report" is the title's "Canadians 2016: Report of ...", not the passage's 2014.
    head = re.sub(
        r'title: "[^"]*"',
        'title: "Health Status of Canadians 2016: Report of the Chief Public Health Officer"',
        SOURCE.split("---\n\n")[0],
        count=1,
    )
    passage = (
        "In 2014, Canadians in the lowest household incomes were less likely to report"
        " feeling they had very good health."
    )
    store = store_of_source(tmp_path_factory, nlp, head + "---\n\n" + passage + "\n")
    claim = (
        "A 2016 report by the Chief Public Health Officer found that Canadians in the lowest"
        " household incomes were less likely to report very good health."
    )
    assert date_labels(claim, store, nlp) == [Label.SUPPORTED]


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # a measure that goes on in a smaller unit is more than its whole units
        ("Allen is six feet, two inches tall, and weighs 215 pounds.",
         "Allen is over six feet tall.", Label.SUPPORTED),
        ("Allen is six feet, two inches tall, and weighs 215 pounds.",
         "Allen is less than six feet tall.", Label.CONTRADICTED),
        # the figure of the claim's place, the country by another of its names
        ("According to Nielsen SoundScan, the album has sold 4.7 million copies in the"
         " United States, and it was certified for shipping six million copies.",
         "The album has sold over 5.5 million copies in the US.", Label.CONTRADICTED),
        # a bound before a dollar named by its country, spaced
        ("The film grossed US $ 697,346 in its first weekend.",
         "The film grossed more than US $ 690,000 in its first weekend.", Label.SUPPORTED),
    ],
)  # fmt: skip
def test_a_figure_read_whole(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: Label
) -> None:
    store = passage_store(tmp_path_factory, nlp, passage)
    [found] = figure_labels(text, store, nlp).values()
    assert found == label, text


def test_a_page_s_subject_stands_by_the_dates_of_its_sentences(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # The sentence leaves out what the page's title names.
    store = page_store(
        tmp_path_factory,
        nlp,
        "The Lantern Keeper",
        "The film was released on 25 November 1998 and was a box office success.",
    )
    for text, label in (
        ("The Lantern Keeper was released after 2000.", Label.CONTRADICTED),
        ("The Lantern Keeper was released before 2000.", Label.SUPPORTED),
    ):
        [date] = date_labels(text, store, nlp)
        assert date == label, text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the site's own count denies the bound; the other site's count is no evidence
        ("The Lantern Keeper has less than 29 reviews on Rotten Tomatoes.", Label.CONTRADICTED),
        ("The Lantern Keeper has more than 90 reviews on Rotten Tomatoes.", Label.SUPPORTED),
        ("The Lantern Keeper has less than 29 reviews on Allocine.", Label.UNVERIFIED),
        # said on the site that frames the passage: read as ever
        ("The Lantern Keeper has fewer than 10 reviews on Metacritic.", Label.SUPPORTED),
    ],
)
def test_a_figure_said_on_another_site_is_no_evidence(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    # The page's subject ties its figures to the claim ("The Lantern Keeper" / "the film");
    # the site that opens a sentence says whose figures they are.
    store = page_store(
        tmp_path_factory,
        nlp,
        "The Lantern Keeper",
        "On Metacritic, the film has a score of 67 out of 100, based on 9 reviews.\n\n"
        "Its box office total was the studio's best of the year.\n\n"
        "On Rotten Tomatoes, the film has an approval rating of 81% based on 95 reviews.",
    )
    [found] = figure_labels(text, store, nlp).values()
    assert found == label, text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # "new" deaths and "a further 260 deaths" count one part: the total is not theirs
        ("Ruritania recorded more than 270 new deaths during the pandemic.", False),
        ("Ruritania recorded more than 250 new deaths during the pandemic.", True),
    ],
)
def test_new_and_further_count_the_same_part(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: bool
) -> None:
    store = page_store(
        tmp_path_factory,
        nlp,
        "Ruritania pandemic",
        "A further 260 deaths took the number of fatalities past 1,000, with a total of 1,019"
        " deaths so far.",
    )
    [found] = figure_labels(text, store, nlp).values()
    assert (found == Label.SUPPORTED) is label, text


OUTBREAK = "2021 measles outbreak in Ruritania"


@pytest.mark.parametrize(
    ("title", "passage", "text", "label"),
    [
        # the same word qualifies both figures, among the page's other albums
        ("Marla Keane",
         "Her discography consists of 12 studio albums, 3 live albums, 9 compilation albums"
         " and 40 singles.",
         "Marla Keane has more than 10 compilation albums.", Label.CONTRADICTED),
        ("Marla Keane",
         "Her discography consists of 12 studio albums, 3 live albums, 9 compilation albums"
         " and 40 singles.",
         "Marla Keane has more than 8 compilation albums.", Label.SUPPORTED),
        # the word that qualifies the passage's figure stands a few words before it
        (OUTBREAK,
         "By the end of the month the confirmed cases reached 412, and the number of"
         " recoveries reached 50.",
         "There are less than 400 confirmed cases of measles in Ruritania.", Label.CONTRADICTED),
        # the words in brackets that tell two pages apart leave the title a page's subject
        ("2021 measles outbreak in New Ruritania (state)",
         "There have been 730,656 tests, of which 271,590 were positive.",
         "The state of New Ruritania has performed more than 750,000 measles tests.",
         Label.CONTRADICTED),
        # the passage's one figure of the claim's noun, the same word right beside both
        ("The Harbour Play",
         "On Critic Board, the play holds an approval rating of 80% based on 14 reviews.",
         "Based on less than 13 reviews, the show was liked by several critics.",
         Label.CONTRADICTED),
        # the people counted by what the claim's noun names
        (OUTBREAK,
         "There have been 38,000 confirmed cases in the state, and of those 1,941 people"
         " have died.",
         "There have been less than 1,700 deaths from measles in Ruritania.",
         Label.CONTRADICTED),
        # the part, not the whole: "4 negative", not "100 reviews"
        ("The Harbour Play",
         "Critic Board gives the play a 96% approval rating based on 100 reviews (4"
         " negative, 96 positive).",
         "The Harbour Play has more than 50 negative reviews.", Label.CONTRADICTED),
        ("The Harbour Play",
         "Critic Board gives the play a 96% approval rating based on 100 reviews (4"
         " negative, 96 positive).",
         "The Harbour Play has more than 80 reviews.", Label.SUPPORTED),
        # a bare number tied to the claim's noun by the words before it
        ("Rosa Ortega", "Among active players, Ortega leads in home runs with 593.",
         "Rosa Ortega has hit more than 600 home runs.", Label.CONTRADICTED),
        ("Rosa Ortega", "Among active players, Ortega leads in home runs with 593.",
         "Rosa Ortega has hit fewer than 600 home runs.", Label.SUPPORTED),
        # ... but not one counted since a day, another time than the claim's
        (OUTBREAK, "The total number of infected people since 7 March 2021 reached 49.",
         "There were 29 people infected with measles as of 7 March 2021 in Ruritania.",
         Label.UNVERIFIED),
        # a verb that says the count was taken says nothing of what those counted did
        (OUTBREAK, "As of 11 March, there are 18 recoveries.",
         "There have been more than 20 measles recoveries reported in Ruritania.",
         Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_figure_that_disagrees_is_tied_to_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp, title: str, passage: str, text: str, label: Label
) -> None:
    store = page_store(tmp_path_factory, nlp, title, passage)
    labels = figure_labels(text, store, nlp)
    assert list(labels.values())[:1] == [label], (text, labels)


@pytest.mark.parametrize(
    ("title", "passage", "text", "label"),
    [
        # the day the person was born, however far the place stands between
        ("Dana Whitlock",
         "Whitlock was born in Santa Rosa, California on June 7, 1967, the son of James"
         " Whitlock and Carol Hopkins.",
         "Dana Whitlock was born before the 8th of May 1966.", Label.CONTRADICTED),
        ("Dana Whitlock",
         "Whitlock was born in Santa Rosa, California on June 7, 1967, the son of James"
         " Whitlock and Carol Hopkins.",
         "Dana Whitlock was born in 1967.", Label.SUPPORTED),
        ("Edwin Gale",
         "He is buried next to his family in Plainfield. Edwin Gale was born in La Crosse"
         " County, Wisconsin, USA, on August 27, 1906, the second of two boys of George"
         " Gale (1873-1940).",
         "Edwin Gale was born on August 27, 1919.", Label.CONTRADICTED),
        # the span of a life gives the day of birth and the day of death
        ("Nora Bell",
         "Nora Bell (November 28, 1967 - February 8, 2007) was an American model and"
         " actress.",
         "Nora Bell died in 2006.", Label.CONTRADICTED),
        ("Nora Bell",
         "Nora Bell (November 28, 1967 - February 8, 2007) was an American model and"
         " actress.",
         "Nora Bell was born after 1967.", Label.CONTRADICTED),
        # the person's own page opens with the name given at birth
        ("Lena Frost (singer)",
         "Stephanie Bauer (born 3 June 1984), better known by her stage name Lena Frost, is"
         " a singer.",
         "Lena Frost was born before 1983.", Label.CONTRADICTED),
        ("Lena Frost (singer)",
         "Stephanie anne Bauer (born 3 June 1984), better known by her stage name Lena"
         " Frost, is a singer.",
         "Lena Frost was born in 1984.", Label.SUPPORTED),
        # the day of the person named right before it, not of the sentence's subject
        ("Ruth Adler",
         "Ruth Adler was born in Leeds on 4 May 1950, the daughter of Sam Adler (born"
         " 1921).",
         "Sam Adler was born in 1950.", Label.CONTRADICTED),
        ("Eric Dane",
         "He married the actress Rita Holm in 2007; they have two children, morgan (born"
         " 1999) and Selma (born 2013).",
         "Eric Dane and his wife Rita Holm have a child named Morgan, born in 1999.",
         Label.SUPPORTED),
        # another's day of birth states nothing of the claim's person
        ("Ruth Adler",
         "Ruth Adler was born in Leeds on 4 May 1950, the daughter of Sam Adler.",
         "Sam Adler was born in 1950.", Label.UNVERIFIED),
        # nor does the day a relative died state a day of birth
        ("Brian Warner",
         "Brian Warner was born in Canton, Ohio, on January 5, 1969, the only son of"
         " Barbara Wyer (died May 13, 2014).",
         "Brian Warner was born after September 1969.", Label.CONTRADICTED),
        # the claim's relative, by the word for them
        ("Ruth Adler",
         "Ruth Adler was born in Leeds on 4 May 1950. Her father was born in Vienna in"
         " 1921.",
         "Ruth Adler's father was born in 1950.", Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_day_of_a_life_is_read_as_the_day_of_that_person_s_life(
    tmp_path_factory: pytest.TempPathFactory, nlp, title: str, passage: str, text: str, label: Label
) -> None:
    store = page_store(tmp_path_factory, nlp, title, passage)
    assert date_labels(text, store, nlp)[-1:] == [label], text


_SEASONS = (
    "She directed two episodes in the first season, the opener and the finale, and four"
    " other episodes in the second season."
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the first season's two are no figure of the second season's
        ("She directed fewer than four episodes in the second season.", Label.UNVERIFIED),
        ("She directed two episodes in the second season.", Label.UNVERIFIED),
        ("She directed two episodes in the first season.", Label.SUPPORTED),
    ],
)
def test_a_figure_of_another_of_a_series_is_none_of_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    store = page_store(tmp_path_factory, nlp, "The Lighthouse Keepers", _SEASONS)
    [found] = figure_labels(text, store, nlp).values()
    assert found == label, text


_TOUR = (
    "2011-2012 Harbour Lights Tour: Began 11 April 2011 in Lisbon, Portugal, and ended on"
    " 3 January 2012 in Camden, New Jersey."
)


@pytest.mark.parametrize(
    ("bound", "supported"),
    [
        # the beginning is before 5 May: the ending alone meets the bound, and the year
        # of "2011-2012" may be either day's
        ("after 5 May 2011", False),
        ("after 5 April 2011", True),
    ],
)
def test_a_bound_met_only_by_another_event_s_day_is_left_open(
    tmp_path_factory: pytest.TempPathFactory, nlp, bound: str, supported: bool
) -> None:
    store = page_store(tmp_path_factory, nlp, "Marina Vale", _TOUR)
    text = f"Marina Vale's 2011-2012 Harbour Lights Tour started {bound}."
    assert (date_labels(text, store, nlp)[-1:] == [Label.SUPPORTED]) is supported, text


@pytest.mark.parametrize(
    ("year", "label"), [("2017", Label.SUPPORTED), ("2016", Label.CONTRADICTED)]
)
def test_the_claim_s_day_in_another_year_beside_its_event_denies_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, year: str, label: Label
) -> None:
    store = passage_store(
        tmp_path_factory,
        nlp,
        "The Crown Prosecution Service today, Wednesday 28 June 2017, announced its charging"
        " decisions on the disaster of 15 April 1989 and its aftermath.",
    )
    text = (
        f"On 28 June {year}, after the police watchdog had passed it files on 23 suspects, the"
        " Crown Prosecution Service charged six people."
    )
    assert date_labels(text, store, nlp)[:1] == [label], text


_VOTES = (
    "After a meeting that lasted five hours, 53 councillors voted in favour and three voted"
    " against. The jury reached its conclusion by a majority of seven to two."
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Councillors voted by 53 to three for the budget.", Label.SUPPORTED),
        # one side the passage's, the other another number: a tally said otherwise
        ("Councillors voted by 33 to three for the budget.", Label.CONTRADICTED),
        # the same nine jurors split another way
        ("The jury reached its conclusion by a majority of eight to one.", Label.CONTRADICTED),
        # no tally of the passage's has either number: another vote, perhaps
        ("Councillors voted by 40 to 12 for the budget.", Label.UNVERIFIED),
    ],
)
def test_a_tally_of_votes_is_read_side_by_side(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    store = passage_store(tmp_path_factory, nlp, _VOTES)
    report = verify_text(text, store, nlp=nlp)
    found = [f.label for c in report.claims for f in c.facts if f.fact.kind == FactKind.NUMBER]
    assert (Label.CONTRADICTED in found) == (label == Label.CONTRADICTED), found
    assert (set(found) == {Label.SUPPORTED}) == (label == Label.SUPPORTED), found


_TOWN = (
    "Police told people in the town, which has a population of about 6,500, to make their way"
    " to the high school."
)
_JURY = (
    "The jury of ten people reached its conclusion at Croydon Town Hall on the tenth day of its"
    " deliberations."
)


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        (_TOWN, "Police told people in the town, home to about 6,500, to go to the high school.",
         Label.SUPPORTED),
        (_TOWN, "Police told people in the town, home to about 65,000, to go to the high school.",
         Label.CONTRADICTED),
        # a body of people counts its members: "a jury of twelve" is twelve people
        (_JURY, "The inquest jury, a jury of ten, reached its conclusion at Croydon Town Hall.",
         Label.SUPPORTED),
        (_JURY, "The inquest jury, a jury of twelve, reached its conclusion at Croydon Town Hall.",
         Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_town_home_to_a_number_or_a_jury_of_one_counts_its_people(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: Label
) -> None:
    store = passage_store(tmp_path_factory, nlp, passage)
    report = verify_text(text, store, nlp=nlp)
    [count] = [f for c in report.claims for f in c.facts if f.fact.kind == FactKind.COUNT]
    assert count.label == label, count


@pytest.mark.parametrize(
    ("times", "label"), [("three", Label.SUPPORTED), ("five", Label.CONTRADICTED)]
)
def test_the_times_a_thing_was_done_are_a_count(
    tmp_path_factory: pytest.TempPathFactory, nlp, times: str, label: Label
) -> None:
    store = passage_store(
        tmp_path_factory,
        nlp,
        "Monk discharged his Taser at him three times, the first two without bringing him"
        " down. On the third attempt he kept the trigger pressed for 33 seconds, more than six"
        " times as long as the standard five-second cycle.",
    )
    report = verify_text(f"Monk fired his Taser at him {times} times.", store, nlp=nlp)
    [found] = [f for c in report.claims for f in c.facts if f.fact.kind == FactKind.COUNT]
    assert found.label == label, found
