"""Claim extraction and name matching, model-free where the model is not the point."""

from __future__ import annotations

import pytest

from pipeline.claims import (
    article_from_text,
    blank_markdown,
    claim_id,
    context_for,
    extract_claims,
    same_name,
    sentence_facts,
)
from pipeline.records import FactKind


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Port", "Stephen Port", True),
        ("Stephen Port", "Port", True),
        ("IOPC", "Independent Office for Police Conduct", True),
        ("the IPCC", "Independent Police Complaints Commission", True),
        ("the Met", "the Metropolitan Police", True),
        ("BBC", "BBC News", True),
        ("Jack Taylor", "Daniel Whitworth", False),
        ("Anthony Walgate", "Gabriel Kovari", False),
        ("Times", "The Guardian", False),
        ("Stephen Port", "Jack Port", False),
        # a personal title before a name
        ("Mr Gove", "Michael Gove", True),
        ("Sir Keir Starmer", "Keir Starmer", True),
        ("Mr Gove", "John Cotton", False),
        # a given name's short form
        ("Matt Jones", "Matthew Jones", True),
        ("Andy Hill", "Andrew Hill", True),
        ("Mark Jones", "Matthew Jones", False),
        ("Matt Jones", "Matthew Grimstone", False),
        # marks on the letters, a plural inside the name
        ("Brcko District", "Brčko District", True),
        ("the State of Emergency", "States of Emergency", True),
        ("Rolling Stone", "the Rolling Stones", False),
        # the first part of a compound is no shortened word
        ("American", "American-Indian DJ", False),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_blanking_markdown_keeps_offsets_and_lines() -> None:
    text = "# Title\n\nThe **IOPC** said [nine](http://x.org) <!-- note --> officers.\n> quoted\n"
    blanked = blank_markdown(text)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert blanked.index("IOPC") == text.index("IOPC")
    for markup in ("#", "**", "](http", "<!--", ">"):
        assert markup not in blanked


def test_claim_ids_ignore_case_and_spacing() -> None:
    assert claim_id("Nine  officers\nmust improve.") == claim_id("nine officers must improve.")
    assert claim_id("Nine officers must improve.") != claim_id("Eight officers must improve.")


def test_sentence_facts_of_each_kind() -> None:
    sentence = (
        "The IOPC said on 5 July 2019 that 17 officers, from constable to inspector, showed "
        '"systemic failings", and that Port, 44, was to blame.'
    )
    facts = list(sentence_facts(sentence, 100, [("ORG", 4, 8)]))
    kinds = {f.kind for f in facts}
    assert {FactKind.DATE, FactKind.COUNT, FactKind.QUOTE, FactKind.RANK, FactKind.AGE} <= kinds
    quote = next(f for f in facts if f.kind == FactKind.QUOTE)
    assert quote.text == "systemic failings"
    assert sentence[quote.start - 100 : quote.end - 100] == "systemic failings"
    assert quote.subject == "IOPC"
    assert {f.text for f in facts if f.kind == FactKind.RANK} == {"constable", "inspector"}
    attribution = [f for f in facts if f.kind == FactKind.ATTRIBUTION]
    assert [f.text for f in attribution] == ["IOPC"]


def test_a_quote_with_blanks_inside_its_marks_points_at_its_words() -> None:
    """Found by bench/fuzz.py: the offsets took in the blanks the text left out."""
    sentence = 'The IOPC said "  systemic failings " in 2019.'
    [quote] = [f for f in sentence_facts(sentence, 7, []) if f.kind == FactKind.QUOTE]
    assert quote.text == "systemic failings"
    assert sentence[quote.start - 7 : quote.end - 7] == quote.text


def test_front_matter_gives_the_reference_date(nlp) -> None:
    article = article_from_text(
        "---\ntitle: t\npublished: 2019-07-06\n---\nPort, 44, is serving a whole life order.\n"
    )
    [claim] = extract_claims(article, nlp)
    assert claim.reference_date == "2019-07-06"
    assert claim.line == 5 and claim.column == 1


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the age opens its sentence: it is the person named just before
        (
            "His younger brother Hashem Abedi was convicted in March 2020. Five months later"
            " the twenty-three-year-old was jailed for life.",
            "Hashem Abedi",
        ),
        (
            "Sarah Everard was walking home. She was a 33-year-old marketing executive.",
            "Sarah Everard",
        ),
        # someone else is named before the age in its own sentence
        ("Wayne Couzens was arrested. Jones met the 23-year-old in May.", None),
        # nobody named in the sentence before
        ("The council met on Monday. The 23-year-old was jailed for life.", None),
        # one said with "the", or after a pronoun's verb, is the person named before
        (
            "Andrew Hill was charged in 2018. On 8 March 2019 the jury cleared the"
            " 54-year-old of all charges.",
            "Andrew Hill",
        ),
        (
            "Dalian Atkinson was a footballer. Seven years have passed since he died, aged"
            " 48, in Telford.",
            "Dalian Atkinson",
        ),
        # ... through a sentence that names nobody but goes on of "he", and a name the
        # tagger reads as a body once it is known as a person's
        (
            "Andy Hill, 51, survived. Prosecutors said that he had started the loop too low."
            " The jury cleared the 54-year-old in March 2019.",
            "Andy Hill",
        ),
    ],
)
def test_an_age_without_a_named_subject_takes_the_person_named_before(
    nlp, text: str, subject: str | None
) -> None:
    claims = extract_claims(article_from_text(text), nlp)
    age = [f for c in claims for f in c.facts if f.kind == FactKind.AGE][-1]
    assert age.subject == subject


@pytest.mark.parametrize(
    ("text", "checkworthy"),
    [
        # nobody named, no figure, but something said: a claim
        ("Every one of the deaths was avoidable.", True),
        ("The hearing was postponed after a fire.", True),
        # the judgement that leads up to a colon is a frame, what follows it the claim
        ("Its central finding should shame everyone responsible: every one of the deaths"
         " was avoidable.", True),
        # a frame of belief makes all of it opinion; a judgement alone says nothing
        ("I suspect many readers will share my anger at how long it has taken.", False),
        ("That is a scandal in itself.", False),
        ("This is utterly appalling.", False),
    ],
)  # fmt: skip
def test_a_statement_that_names_nobody_is_still_a_claim(nlp, text: str, checkworthy: bool) -> None:
    [claim] = extract_claims(article_from_text(text), nlp)
    assert claim.checkworthy is checkworthy, claim.reason
    if checkworthy:
        assert [f.kind for f in claim.facts] == [FactKind.STATEMENT]
    if ":" in text:
        frame = text[: text.index(":") + 1]
        assert [(a - claim.start, b - claim.start) for a, b in claim.frames] == [(0, len(frame))]


@pytest.mark.parametrize(
    ("text", "checkworthy"),
    [
        # every clause says what can or might be: speculation
        (
            "No law can undo what happened that night, but this one might spare another"
            " family what Figen Murray has lived through.",
            False,
        ),
        # one clause states something
        ("The Met may have missed chances, and Sarah Everard's family was not told.", True),
        # who said it is checkable
        ("Officers could face charges, the IOPC said.", True),
    ],
)
def test_speculation_is_not_check_worthy(nlp, text: str, checkworthy: bool) -> None:
    [claim] = extract_claims(article_from_text(text), nlp)
    assert claim.checkworthy is checkworthy, claim.reason
    if not checkworthy:
        assert claim.reason is not None and claim.reason.startswith("speculation")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # The clause before "but" is a yardstick the opinion measures by: its count is
        # no claim, the one after it is.
        (
            "For the council to lose one vote was bad enough, but losing four after the"
            " chair had resigned is absurd.",
            ["four"],
        ),
        (
            "For the inquiry to take two years would have been bad enough, but it took six.",
            ["six"],
        ),
        # no opinion after the clause: its count is a claim
        (
            "For the council to lose one vote, all four members had to be absent.",
            ["one vote", "four members"],
        ),
    ],
)
def test_the_yardstick_of_an_opinion_is_no_claim(nlp, text: str, counts: list[str]) -> None:
    [claim] = extract_claims(article_from_text(text), nlp)
    assert [f.text for f in claim.facts if f.kind == FactKind.COUNT] == counts


def test_a_duration_later_than_a_date_is_a_date(nlp) -> None:
    text = (
        "His brother was convicted in March 2020. Five months later the court jailed him for"
        " life, and two weeks later he appealed."
    )
    claims = extract_claims(article_from_text(text), nlp)
    dates = [f for c in claims for f in c.facts if f.kind == FactKind.DATE]
    assert [(f.text, f.value.date if f.value else None) for f in dates] == [
        ("March 2020", "2020-03"),
        ("Five months later", "2020-08"),
        # counted from a month, with no day to move: the days it may land on
        ("two weeks later", "2020-08/2020-08-11/2020-09-18"),
    ]


def test_a_duration_counts_from_the_event_s_day_not_a_period_s_end(nlp) -> None:
    # The last date before "A day later" opens a period ("from May 2011"); the day the
    # company admitted the charge is the one it counts from.
    text = (
        "The company admitted the charge on 7 September 2023, for a period that ran from"
        " May 2011 until the crash. A day later the judge fined it £6.7m."
    )
    claims = extract_claims(article_from_text(text), nlp)
    dates = [(f.text, f.value.date) for c in claims for f in c.facts if f.kind == FactKind.DATE]
    assert dates[-1] == ("A day later", "2023-09-08")


def test_a_duration_counts_only_from_the_sentence_before(nlp) -> None:
    # The date two sentences back dates another event; "eleven days later" stays a count.
    text = (
        "The party signed the pact on 18 June 1997. Fighting broke out between the"
        " bodyguards. Eleven days later he stopped working with the prince."
    )
    claims = extract_claims(article_from_text(text), nlp)
    dates = [f.text for c in claims for f in c.facts if f.kind == FactKind.DATE]
    assert dates == ["18 June 1997"]


@pytest.mark.parametrize(
    ("between", "dated"),
    [
        # a sentence that looks back in the past perfect moves the story on to no new day
        ("He had told the court that he never fell asleep.", True),
        # one that tells a new event does: the time from it is open
        ("He told reporters that he never fell asleep.", False),
    ],
)
def test_a_duration_counts_past_a_sentence_that_looks_back(nlp, between: str, dated: bool) -> None:
    text = (
        f"On 19 June 2023 a jury acquitted the driver. {between} Just over five weeks later"
        " the judge fined the operator £4m."
    )
    expected = [("five weeks later", "2023-06-19/2023-07-24/2023-07-31")] if dated else []
    assert _dates_after_the_first(text, nlp) == expected


def _dates_after_the_first(text: str, nlp) -> list[tuple[str, str | None]]:
    claims = extract_claims(article_from_text(text), nlp)
    dates = [(f.text, f.value.date) for c in claims for f in c.facts if f.kind == FactKind.DATE]
    return dates[1:]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # an event dated by its month: the days of two months a time from it may land on
        (
            "In December 2019 the Post Office agreed a settlement with 555 claimants."
            " Five days after the settlement, the judge handed down his judgment.",
            ("Five days after the settlement", "2019-12/2019-12-05/2020-01-06"),
        ),
        # a phrase that says the verb tells of the event: "cleared ... of" acquits
        (
            "On 8 March 2019 the jury cleared the 54-year-old of all eleven charges."
            " Nearly four years after he was acquitted, the coroner concluded her inquests.",
            ("four years after he was acquitted", "2019-03-08/2022-10-12/2023-03-08"),
        ),
    ],
)
def test_a_time_after_an_event_the_article_told_of_is_a_date(
    nlp, text: str, dated: tuple[str, str]
) -> None:
    assert _dates_after_the_first(text, nlp) == [dated]


def test_a_sentence_that_points_back_to_that_day_carries_it_on(nlp) -> None:
    # "said that day" points back to the last day named, two sentences up; "It took
    # until" a day is that day, no period's end.
    text = (
        "It took until 26 April 2016 for the jury to conclude. The jury answered 14"
        " questions. The chief constable said that day that the force accepted it. A day"
        " later he was suspended."
    )
    claims = extract_claims(article_from_text(text), nlp)
    dates = [(f.text, f.value.date) for c in claims for f in c.facts if f.kind == FactKind.DATE]
    assert dates == [("26 April 2016", "2016-04-26"), ("A day later", "2016-04-27")]


def test_the_next_day_weekday_or_month_is_a_date(nlp) -> None:
    text = (
        "On 9 January 2024 she said she would return her CBE. The next day the prime"
        " minister promised a new law. Fujitsu's boss told the committee the following"
        " Tuesday that it would pay. The bill was published the following month."
    )
    claims = extract_claims(article_from_text(text), nlp)
    dates = [(f.text, f.value.date) for c in claims for f in c.facts if f.kind == FactKind.DATE]
    assert dates == [
        ("9 January 2024", "2024-01-09"),
        ("The next day", "2024-01-10"),
        ("the following Tuesday", "2024-01-16"),
        ("the following month", "2024-02"),
    ]


def test_a_pronoun_leans_on_the_names_before_it_a_short_sentence_on_all_its_words(nlp) -> None:
    text = (
        "Stephen Port was convicted at the Old Bailey in 2016. He was jailed for life."
        " The sentence was long."
    )
    claims = extract_claims(article_from_text(text), nlp)
    assert context_for(claims, 0) == ()
    assert context_for(claims, 1) == ("stephen", "port", "old", "bailey")
    assert context_for(claims, 2) == ("jailed", "life")


def test_a_pronoun_after_an_opening_phrase_leans_on_the_names_before_it(nlp) -> None:
    # "Upon his return in January 2009, he ..." names nobody: the sentence before does.
    text = (
        "Robert Enke joined Hannover 96 in 2004. Upon his return in January 2009, he again"
        " became the first-choice keeper of the national side."
        " In 1905, William Seymour was a student of the preacher Charles Parham in Houston."
    )
    claims = extract_claims(article_from_text(text), nlp)
    assert context_for(claims, 1)[:2] == ("robert", "enke")
    assert context_for(claims, 2) == ()  # a name of its own after the opening


def test_an_opening_he_or_she_stands_for_the_person_named_before(nlp) -> None:
    text = (
        "The council's leader, John Cotton, apologised for the cuts."
        " He had been in charge only since May 2023."
        " In June, he said nothing."  # nobody named since: still Cotton
        " After meeting Ian Ward, he resigned."  # a name before the pronoun: unsure
        " Ward met Cotton. His brother resigned."  # "his" is someone else's
    )
    claims = extract_claims(article_from_text(text), nlp)
    assert [c.referent for c in claims] == [None, "John Cotton", "John Cotton", None, None, None]


def test_a_short_sentence_with_a_date_and_an_age_says_enough_on_its_own(nlp) -> None:
    # Its figures are what it says: searched without the sentence before, which would
    # rank that sentence's own words above the date and the age.
    text = (
        "She taught political science at Spartanburg Methodist College for years."
        " Paterson died on November 10, 2018, at the age of 78. The BBC reported it."
    )
    claims = extract_claims(article_from_text(text), nlp)
    assert context_for(claims, 1) == ()
    assert context_for(claims, 2) == ("paterson", "died", "november", "age")


@pytest.mark.parametrize(
    "text",
    [
        "It is galling that the council left residents to pay the commissioners' fees.",
        "It beggars belief that the council spent £100m on the system.",
        "It is extraordinary that the report took six years.",
    ],
)
def test_an_evaluative_frame_before_that_is_no_part_of_the_claim(nlp, text: str) -> None:
    """ "It is galling that ...": the judgement is a frame; what follows "that" is the
    claim, and the frame's words are not asked of the sources."""
    [claim] = extract_claims(article_from_text(text), nlp)
    frame = text[: text.index(" that ") + len(" that")]
    assert [(a - claim.start, b - claim.start) for a, b in claim.frames][:1] == [(0, len(frame))]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ('His verdict was blunt: "Poor leadership has harmed the city."', "His verdict was blunt:"),
        (
            "The council's response was swift and uncompromising: \u201cWe will appeal.\u201d",
            "The council's response was swift and uncompromising:",
        ),
    ],
)
def test_a_judgement_of_a_quotation_before_it_is_a_frame(nlp, text: str, frame: str) -> None:
    """ "His verdict was blunt: ..." rates the words quoted; the quotation is checked, the
    rating is the article's view."""
    [claim] = extract_claims(article_from_text(text), nlp)
    assert [(a - claim.start, b - claim.start) for a, b in claim.frames] == [(0, len(frame))]
    [plain] = extract_claims(article_from_text('His verdict was: "We will appeal."'), nlp)
    assert plain.frames == ()


def test_a_time_from_an_event_is_dated_only_by_a_date_beside_it(nlp) -> None:
    # "Three years ago this week" dates the review (March 2020, three years before the article),
    # not the time since the 2019 of the collapse further on; "three months before the
    # collapse" counts from no collapse the article dates ("found" tells of no collapse,
    # and 1970 is another event's).
    text = (
        "---\ntitle: T\npublished: 2023-03-16\n---\n\n"
        "Three years ago this week, a review concluded that the spillway, whose partial"
        " collapse had driven about 1,500 people from their homes in the summer of 2019,"
        " had been poorly designed. Its report, published in March 2020, found that the"
        " design was inadequate. A spillway installed in 1970 served until the latest"
        " inspection, whose report reached the owner only three months before the collapse."
    )
    claims = extract_claims(article_from_text(text), nlp)
    counts = {
        f.text: f.value.subject if f.value else None
        for c in claims
        for f in c.facts
        if f.kind == FactKind.COUNT and f.value and f.value.unit in ("year", "month")
    }
    assert counts == {"three months": None}
    dates = {
        f.text: f.value.date if f.value else None
        for c in claims
        for f in c.facts
        if f.kind == FactKind.DATE
    }
    assert dates["Three years ago"] == "2020-03"  # "this week": that month
    assert "three months before the collapse" not in dates


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the event's own word, the head of its noun phrase, and the claim's date beside it
        (
            "In March 2017, some 18 months after the crash, the report was published.",
            "elapsed-event:+crash@2017-03",
        ),
        (
            "The law was passed in 1930, five years after the Dolgarrog dam failure in north"
            " Wales.",
            "elapsed-event:+failure@1930",
        ),
        # a name alone tells the event by no word of its own
        ("In 2023, six years after the Arena, the law passed.", None),
        # a length of time, not the time between two days
        ("He died in 1993, having lived for more than a year and a day after the disaster.", None),
    ],
)
def test_a_time_from_an_event_the_article_does_not_date_is_marked_for_the_sources(
    nlp, text: str, subject: str | None
) -> None:
    claims = extract_claims(article_from_text(text), nlp)
    marked = [
        f.value.subject
        for c in claims
        for f in c.facts
        if f.kind == FactKind.COUNT and f.value and (f.value.subject or "").startswith("elapsed")
    ]
    assert marked == ([subject] if subject else [])


def test_a_time_before_that_counts_back_to_the_day_a_year_ago_today(nlp) -> None:
    # "A year ago today" is that day (15 June 2023); "nine months before that, on 2
    # September 2022" is the time between the two days, not a length of something.
    text = (
        "---\ntitle: T\npublished: 2024-06-15\n---\n\n"
        "A year ago today, the government published the inspection report on the council."
        " Ministers had stepped in nine months before that, on 2 September 2022."
    )
    claims = extract_claims(article_from_text(text), nlp)
    facts = {f.text: f.value for c in claims for f in c.facts if f.value is not None}
    assert facts["A year ago"].date == "2023-06-15"
    assert facts["nine months"].subject == "elapsed:2022-09-02..2023-06-15@2022-09-02"


def test_a_name_s_word_tells_of_no_event() -> None:
    from pipeline.claims import event_mentions

    text = "Mr Justice Fraser said that justice had been done after the crash."
    assert event_mentions(text, "justice") == [text.index("justice had")]
    text = "Crash investigators said the crash was avoidable."
    assert event_mentions(text, "crash") == [0, text.index("crash was")]
