"""Whole-claim verdicts end to end: uncovered words named, changed names and verbs caught.

A small store of hand-written sources (the issue's own examples) and drafts
that change one thing each; the real spaCy model reads both.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from conftest import store_of_source

from pipeline.gate import gate
from pipeline.ingest import ingest
from pipeline.records import FactKind, FailLevel, Label
from pipeline.report import GATE_RENDERERS, RENDERERS, render
from pipeline.store import Store
from pipeline.verification import verify, verify_text

SOURCE = """---
title: "Inspectorate criticises Greater Manchester Police"
publisher: "Example Gazette"
published: "2024-03-05"
kind: news
note: "Written for claimcheck's tests."
---

The inspectorate criticised Greater Manchester Police for serious failings in its
handling of the case. Six officers were given management advice after the review.

The hearing was postponed after flooding at the court building. House prices in the
town rose by 4% in the year to March.

Martyn Hett, 29, from Stockport, was among the victims. With quicker treatment he would
probably have survived his injuries, the coroner found.

The report criticised the venue operator SMG, its security contractor Showsec and British
Transport Police for missed opportunities.
"""
TRUE = (
    "Greater Manchester Police was criticised by the inspectorate for serious failings,"
    " and six officers were given management advice."
)
NEW_FORCE = TRUE.replace("Greater Manchester Police", "West Midlands Police")
NEW_VERB = TRUE.replace("were given management advice", "were sacked")


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, SOURCE)


def only_claim(text: str, store: Store, nlp):
    report = verify_text(text, store, nlp=nlp)
    assert len(report.claims) == 1, report.claims
    return report, report.claims[0]


def against_one_passage(tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str):
    """The verdict on the one-sentence article `text`, with `passage` the only source."""
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + passage + "\n"
    store = store_of_source(tmp_path_factory, nlp, source)
    return only_claim(text, store, nlp)[1]


def last_date(
    tmp_path_factory: pytest.TempPathFactory,
    nlp,
    passage: str,
    text: str,
    *,
    published: str = "2024-03-05",
):
    """The verdict on the one date of the last sentence of `text`, with `passage` the only
    source (published on `published`)."""
    head = SOURCE.split("---\n\n")[0].replace("2024-03-05", published) + "---\n\n"
    store = store_of_source(tmp_path_factory, nlp, head + passage + "\n")
    report = verify_text(text, store, nlp=nlp)
    [date] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.DATE]
    return date


@pytest.mark.parametrize(
    ("since", "label"), [("May 2023", Label.SUPPORTED), ("May 2021", Label.CONTRADICTED)]
)
def test_an_opening_he_is_read_as_the_person_named_before(
    tmp_path_factory: pytest.TempPathFactory, nlp, since: str, label: Label
) -> None:
    # The passage shares no word with "He had been in charge since ..." but the name
    # that "he" stands for, beside the date.
    passage = "The council's leader, John Cotton, took over from Ian Ward in May 2023."
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + passage + "\n"
    store = store_of_source(tmp_path_factory, nlp, source)
    text = f"The council's leader, John Cotton, apologised. He had been in charge since {since}."
    claim = verify_text(text, store, nlp=nlp).claims[-1]
    assert claim.claim.referent == "John Cotton"
    assert [f.label for f in claim.facts if f.fact.kind == FactKind.DATE] == [label]
    assert claim.label == label


def test_the_true_sentence_is_supported(small_store: Store, nlp) -> None:
    _, claim = only_claim(TRUE, small_store, nlp)
    assert claim.label == Label.SUPPORTED, claim
    assert claim.uncovered == ()


def test_another_force_in_the_same_role_contradicts_side_by_side(small_store: Store, nlp) -> None:
    _, claim = only_claim(NEW_FORCE, small_store, nlp)
    assert claim.label == Label.CONTRADICTED
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == "article: West Midlands Police - source: Greater Manchester Police"


def test_a_changed_verb_is_never_supported_and_is_named(small_store: Store, nlp) -> None:
    _, claim = only_claim(NEW_VERB, small_store, nlp)
    assert claim.label == Label.UNVERIFIED
    assert claim.uncovered == ("sacked",)


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("House prices in the town fell by 4% in the year to March.", Label.CONTRADICTED),
        ("House prices in the town rose by 4% in the year to March.", Label.SUPPORTED),
    ],
)
def test_the_opposite_word_contradicts(small_store: Store, nlp, claim: str, label: Label) -> None:
    _, verdict = only_claim(claim, small_store, nlp)
    assert verdict.label == label


@pytest.mark.parametrize(
    ("organ", "label"),
    [
        # another organ in the place of the passage's: contradicted, side by side
        ("liver", Label.CONTRADICTED),
        ("kidney", Label.SUPPORTED),
    ],
)
def test_another_thing_of_the_same_kind_in_its_place_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp, organ: str, label: Label
) -> None:
    passage = (
        "Neighbours called the police at about 1.30am. Mr Atkinson, 48, died in hospital"
        " of kidney failure brought on by his injuries."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        f"Mr Atkinson, 48, died in hospital of {organ} failure brought on by his injuries.",
    )
    assert claim.label == label, claim
    if label == Label.CONTRADICTED:
        [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
        assert content.note == "article: liver - source: kidney"
        assert content.fact.subject == "another of the same kind"


def test_a_compound_of_the_passage_s_own_is_no_other_thing_of_the_kind(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "Passenger jets" may be the claim's airliners: another of the kind only where no
    word of the passage's own qualifies it."""
    passage = (
        "The pilot, Andy Hill, 51, survived. He is a former RAF pilot who flies passenger"
        " jets for British Airways."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Andy Hill, 51, a former RAF pilot who flew airliners for British Airways, survived.",
    )
    assert claim.label != Label.CONTRADICTED, claim


@pytest.mark.parametrize(
    ("passage", "text", "word"),
    [
        # a verb's "-ing" form after a preposition: a deed
        (
            "In 2020 the council raised money from 12 of its buildings in the town centre.",
            "In 2020 the council raised money by auctioning 12 of its buildings in the town"
            " centre.",
            "auctioning",
        ),
        # what a linking verb says its subject was: the predicate
        (
            "The dam itself held. On 1 August 2019 part of the concrete spillway on the face"
            " of the dam collapsed after heavy rain.",
            "On 1 August 2019 part of the concrete spillway on the face of the dam held firm.",
            "firm",
        ),
    ],
)
def test_a_deed_or_a_predicate_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, word: str
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label == Label.UNVERIFIED, claim
    assert word in claim.uncovered


@pytest.mark.parametrize(
    ("passage", "text", "note"),
    [
        # the passage holds the claim's date: one word of the claim after the opposite
        # deed ("his job") ties the two to one thing
        (
            "The court was told that Monk had been found guilty of gross misconduct in"
            " February 2011 but had kept his job, receiving a final written warning.",
            "It emerged that Monk had lost his job in February 2011 after being found guilty"
            " of gross misconduct.",
            "article: lost - source: kept",
        ),
        # "the dam that holds back the reservoir" says what the dam is for, not that it
        # held on the day
        (
            "People were moved out of their homes on Thursday, 1 August 2019, after part of"
            " the dam that holds back the reservoir was badly damaged.",
            "On Thursday 1 August 2019 part of the spillway on the face of the dam broke away.",
            None,
        ),
        # cleared of another charge than the one the passage convicts of
        (
            "In 2021 Monk was convicted of manslaughter and cleared of murder at Birmingham"
            " Crown Court.",
            "In 2021 Monk was cleared of misconduct at Birmingham Crown Court.",
            None,
        ),
    ],
)
def test_the_opposite_deed_beside_one_shared_word_in_a_passage_holding_the_date(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, note: str | None
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert (claim.label == Label.CONTRADICTED) is (note is not None), claim
    if note is not None:
        [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
        assert content.note == note


def test_a_rival_in_the_next_item_of_a_list_keeps_a_word_from_being_added(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """The claim runs the list in one sentence; the passage read is one item, and the
    item before it has "roads" in the place of the claim's "beaches"."""
    passage = (
        "The authority has made three changes since the crash.\n\n- more detailed risk"
        " assessments, which must now consider the safety of people outside the display"
        " site, including those on nearby roads;\n- tighter checks on display pilots,"
        " including the renewal of their display authorisations;\n- higher charges for"
        " organisers."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Since the crash the authority makes organisers assess the risk to people outside"
        " the display site, including those on nearby beaches, and carries out tighter"
        " checks on display pilots, including the renewal of their display authorisations.",
    )
    assert claim.label == Label.UNVERIFIED, claim
    assert "beaches" in claim.uncovered


def test_an_uncovered_word_is_named_in_every_format(
    small_store: Store, nlp, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(NEW_VERB + "\n", encoding="utf-8")
    reports = verify([draft], store=small_store, nlp=nlp)
    for fmt in RENDERERS:
        rendered = render(fmt, reports)
        shown = html.unescape(rendered) if fmt == "html" else rendered
        assert "sacked" in shown.replace("\\u201c", "\u201c"), fmt
    document = json.loads(render("json", reports))
    assert document["articles"][0]["claims"][0]["uncovered"] == ["sacked"]
    result = gate([draft], store=small_store, nlp=nlp, level=FailLevel.UNVERIFIED, root=tmp_path)
    assert result.exit_code == 1
    for fmt in GATE_RENDERERS:
        assert "sacked" in render(fmt, result), fmt


def test_recorded_results_depend_on_the_verdict_logic(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import batch

    before = batch.verdict_key(fingerprint="f", model="m", version="v")
    monkeypatch.setattr(batch, "VERDICT_LOGIC", "older")
    assert batch.verdict_key(fingerprint="f", model="m", version="v") != before


def test_reports_record_the_verdict_logic(small_store: Store, nlp) -> None:
    from pipeline.judge import VERDICT_LOGIC

    report = verify_text(TRUE, small_store, nlp=nlp)
    assert report.verdict_logic == VERDICT_LOGIC
    assert json.loads(render("json", [report]))["articles"][0]["verdict_logic"] == VERDICT_LOGIC


def test_a_word_the_claim_adds_is_named_but_does_not_block_support(small_store: Store, nlp) -> None:
    _, claim = only_claim(
        "The inspectorate sharply criticised Greater Manchester Police for serious failings"
        " in its handling of the case.",
        small_store,
        nlp,
    )
    assert claim.label == Label.SUPPORTED, claim
    assert claim.uncovered == ("sharply",)
    [content] = [f for f in claim.facts if f.fact.kind in (FactKind.CONTENT, FactKind.STATEMENT)]
    assert "sharply" in (content.note or "")


@pytest.mark.parametrize(
    "text",
    [
        # another word where the source has its own: a change, not an addition
        "The inspectorate criticised Greater Manchester Police for serious failings in its"
        " handling of the inquiry.",
        # a changed verb is never taken for an addition
        "The inspectorate praised Greater Manchester Police for serious failings in its"
        " handling of the case.",
    ],
)
def test_a_word_in_the_place_of_the_source_s_own_is_not_an_addition(
    small_store: Store, nlp, text: str
) -> None:
    _, claim = only_claim(text, small_store, nlp)
    assert claim.label != Label.SUPPORTED, claim


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # another name by the value the passage holds for the claim
        (
            "Martyn Hett, a 29-year-old from Bolton, was among the victims.",
            "Bolton - source: Stockport",
        ),
        ("Martyn Hett, a 29-year-old from Stockport, was among the victims.", None),
        # another name in the same list
        ("The report criticised G4S, SMG and British Transport Police.", "G4S - source: Showsec"),
        ("The report criticised Showsec, SMG and British Transport Police.", None),
    ],
)
def test_another_name_in_the_same_place_contradicts(
    small_store: Store, nlp, text: str, note: str | None
) -> None:
    _, claim = only_claim(text, small_store, nlp)
    assert claim.label == (Label.SUPPORTED if note is None else Label.CONTRADICTED), claim
    if note is not None:
        [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
        assert content.note == f"article: {note}"


def test_a_predicate_reversed_beside_the_anchor_is_never_supported(small_store: Store, nlp) -> None:
    _, claim = only_claim(
        "Martyn Hett, 29, would probably not have survived his injuries with quicker treatment.",
        small_store,
        nlp,
    )
    assert claim.label != Label.SUPPORTED, claim


def test_a_word_that_says_whether_the_rest_holds_is_never_only_added(
    small_store: Store, nlp
) -> None:
    _, claim = only_claim(
        "The interim inspectorate criticised Greater Manchester Police for serious failings.",
        small_store,
        nlp,
    )
    assert claim.label != Label.SUPPORTED, claim
    assert "interim" in claim.uncovered


@pytest.mark.parametrize(("word", "label"), [("short ", Label.UNVERIFIED), ("", Label.SUPPORTED)])
def test_a_word_whose_opposite_the_passage_says_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, word: str, label: Label
) -> None:
    passage = "One-time Exotic Birds manager John Malm was Reznor's long-time manager."
    text = f"John Malm was Reznor's manager for a {word}time."
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label == label, claim
    assert word.strip() in (*claim.uncovered, "")


def test_a_name_holding_the_initials_of_the_passage_s_name_is_no_rival_of_it(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Super Bowl XLV was an American football game between the American Football"
        " Conference (AFC) champion Pittsburgh Steelers and the National Football Conference"
        " (NFC) champion Green Bay Packers to decide the National Football League (NFL)"
        " champion for the 2010 season."
    )
    text = (
        "Super Bowl XLV was an American football game between Pittsburgh Steelers and Green"
        " Bay Packers to decide the 2010 NFL Champions."
    )
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label != Label.CONTRADICTED, claim


@pytest.mark.parametrize(
    ("single", "label"), [("a promotional", Label.UNVERIFIED), ("the third", Label.SUPPORTED)]
)
def test_an_ordinal_in_a_word_s_place_keeps_it_from_being_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, single: str, label: Label
) -> None:
    passage = "Dumb Blonde was released as the third single from the album on 12 February 2019."
    text = f"The song Dumb Blonde was released as {single} single from the album."
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label == label, claim


@pytest.mark.parametrize(("bound", "label"), [("above ", Label.UNVERIFIED), ("", Label.SUPPORTED)])
def test_a_word_that_bounds_a_place_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, bound: str, label: Label
) -> None:
    passage = "As of 2017 the university is nationally ranked 25th in the Good University Guide."
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        f"The university was nationally ranked {bound}25th in the Good University Guide.",
    )
    assert claim.label == label, claim
    assert ("above" in claim.uncovered) is bool(bound)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The claim names Hernandez's father: the passage's "Dennis Hernandez" may be he.
        ("Hernandez's father died in January 2006 after hernia surgery, when Hernandez was 16.",
         Label.UNVERIFIED),
        # With no relative named, the surname is the passage's man.
        ("Hernandez was 16 when he died in January 2006 after hernia surgery.",
         Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_surname_shared_with_a_relative_the_claim_names_is_not_matched_to_an_age(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    passage = "Dennis Hernandez, 49, died in January 2006 after hernia surgery."
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    [age] = [f for f in claim.facts if f.fact.kind == FactKind.AGE]
    assert age.label == label, claim


@pytest.mark.parametrize(
    "when", ["as of 27 April 2020", "as of 28 April 2020", "after 27 April 2020"]
)
def test_a_tally_taken_on_another_day_neither_states_nor_denies_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp, when: str
) -> None:
    passage = "As of 27 April 2020, the state had 1,986 confirmed cases of the virus."
    same_day = when == "as of 27 April 2020"
    for figure, label in (("1,900", Label.SUPPORTED), ("2,000", Label.CONTRADICTED)):
        text = f"The state had over {figure} confirmed cases of the virus {when}."
        verdict = against_one_passage(tmp_path_factory, nlp, passage, text)
        [count] = [f for f in verdict.facts if f.fact.kind == FactKind.COUNT]
        assert count.label == (label if same_day else Label.UNVERIFIED), verdict


def test_birth_order_no_passage_gives_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = "Jordan Lukaku, the brother of Romelu Lukaku, plays for Belgium and Lazio."
    text = "Jordan Lukaku, the younger brother of Romelu Lukaku, plays for Belgium and Lazio."
    verdict = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert verdict.label == Label.UNVERIFIED, verdict
    assert "younger" in verdict.uncovered


_HAS_RATING = "On Critic Board, the opera has a rating of 75%, based on 20 reviews."
_REMATCH = "On 8 March the boxer won the title rematch in Albuquerque, New Mexico."
_RATED = "Critic Board gives the opera a 75% approval rating, based on 20 reviews."
_BORN = (
    "Marilyn Manson was born in Canton, Ohio, on January 5, 1968, the only son of"
    " Barbara Wyer (died May 13, 2014) and Hugh Warner (died July 7, 2017)."
)
_SCORED = "On Critic Board, the opera has a score of 61 out of 100, based on 24 critics."
_SEASON = "On Critic Board, season three of the opera drew 24 reviews."
_DEBUT = "Night Harbour is the debut album by the singer Ann Porter."
_CAUSE = (
    "The review says the collapse of the spillway was made possible by years of poor"
    " maintenance at the dam."
)
_FORMER = (
    "Apart from its own resources, Sky Channel uses the news resources of its former parent"
    " companies Seven News, Nine News and Sky News UK."
)
_KEY = "Keegan-Michael Key is an African American actor and comedian."
_PITCH = "A temporary grass pitch was laid at Luzhniki Stadium for the 2008 Champions League Final."
_JAILED = (
    "Hashem Abedi was jailed for life at the Old Bailey with a minimum term of 55 years."
    " Abedi refused to leave his cell to attend the sentencing hearing."
)
_BROTHER = (
    "Hashem Abedi was convicted at the Old Bailey in March 2020 of murder; he had"
    " helped his older brother Salman to obtain the chemicals for the bomb."
)
_ISOLATION = "On 6 April the Duchess came out of self-isolation after 14 days without symptoms."
_COLLEGE = "Southeast Arkansas College is a public community college in Pine Bluff, Arkansas."
_SURVIVED = "The chairman found that John Atkinson would probably have survived with quicker care."
_MURDERED = (
    "The bomber murdered 22 people in the arena attack. Hundreds more were injured in the blast."
)


_FINED = (
    "At the same trial, Graham Mackrell, who was Sheffield Wednesday's club secretary in 1989,"
    " was found guilty of a health and safety offence. He was fined £6,500 and ordered to pay"
    " £5,000 in costs."
)


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # A noun is no rival of a verb that only says what the value measures; a verb of
        # the passage's own in its place is.
        pytest.param(_HAS_RATING, "The opera scored less than 76% on Critic Board.",
                     Label.SUPPORTED, id="value-verb-against-noun"),
        pytest.param(_HAS_RATING, "The opera obtained less than 76% on Critic Board.",
                     Label.SUPPORTED, id="value-verb-obtained"),
        # "due to" is how a cause is given, not what is claimed
        pytest.param("As of 30 April 2020 the country had 1,506 confirmed cases of the"
                     " coronavirus and 66 deaths in the pandemic.",
                     "The country had more than 1,500 confirmed cases of the coronavirus as of"
                     " 30 April 2020 due to the pandemic.",
                     Label.SUPPORTED, id="due-to"),
        pytest.param("On Critic Board, the opera lost 75% of its early audience.",
                     "The opera scored less than 76% on Critic Board.",
                     Label.UNVERIFIED, id="value-verb-against-verb"),
        # nor a verb said of something else than the value
        pytest.param("The opera has been panned by critics, as it has a rating of 4% on"
                     " Critic Board based on 46 reviews.",
                     "The opera has received a rating of more than 3% on Critic Board based"
                     " on more than 43 reviews.",
                     Label.SUPPORTED, id="value-verb-against-verb-of-another-thing"),
        # A bare year beside the clause is another event's (the chain's founding); a
        # date as precise as the claim's still settles it.
        pytest.param("The chain, founded in 1937, opened its first Taiwan store at the Xinyi"
                     " cinema complex in Taipei.", "The chain opened its first Taiwan store at"
                     " the Xinyi cinema complex in Taipei on 12 December 2013.",
                     Label.UNVERIFIED, id="less-precise-date"),
        pytest.param("The chain opened its first Taiwan store at the Xinyi cinema complex in"
                     " Taipei in 2011.", "The chain opened its first Taiwan store at the Xinyi"
                     " cinema complex in Taipei in 2013.", Label.CONTRADICTED,
                     id="as-precise-date"),
        # The source (published 5 March 2024) says "on 8 March": a day of 2023 or 2024,
        # never one of 2011.
        pytest.param(_REMATCH, "The boxer won the title rematch in Albuquerque, New Mexico,"
                     " on 9 April 2011.", Label.UNVERIFIED, id="yearless-other-year"),
        pytest.param(_REMATCH, "The boxer won the title rematch in Albuquerque, New Mexico,"
                     " on 9 April 2023.", Label.CONTRADICTED, id="yearless-source-year"),
        # A value verb: the words of a bound do not part it from its value, and a noun
        # right after the passage's figure ("... 75% approval rating, based") is no rival.
        pytest.param(_RATED, "The opera scored more than 74% based on more than 19 reviews"
                     " on Critic Board.", Label.SUPPORTED, id="value-verb-scored"),
        pytest.param(_RATED, "The opera received an approval rating of more than 74% on"
                     " Critic Board.", Label.SUPPORTED, id="value-verb-bound-between"),
        # A bound is met only by a date among as many of the claim's words as one that
        # does not meet it: the later dates are the parents' deaths.
        pytest.param(_BORN, "Marilyn Manson was born after September 1968.",
                     Label.CONTRADICTED, id="bound-after-birth"),
        pytest.param(_BORN, "Marilyn Manson was born before September 1968.",
                     Label.SUPPORTED, id="bound-before-birth"),
        # An order said another way: the number after the thing ordered, a word for the
        # first; another place in the same order denies it.
        pytest.param(_SEASON, "On Critic Board, the third season of the opera drew more"
                     " than 20 reviews.", Label.SUPPORTED, id="ordinal-as-number-after"),
        pytest.param(_SEASON, "On Critic Board, the fourth season of the opera drew more"
                     " than 20 reviews.", Label.UNVERIFIED, id="ordinal-as-other-number-after"),
        pytest.param(_DEBUT, "Night Harbour is the first album by the singer Ann Porter.",
                     Label.SUPPORTED, id="first-as-debut"),
        pytest.param(_DEBUT, "Night Harbour is the second album by the singer Ann Porter.",
                     Label.CONTRADICTED, id="second-against-debut"),
        # What a claim blames is stated as the cause the passage gives.
        pytest.param(_CAUSE, "The review blamed years of poor maintenance at the dam for the"
                     " collapse of the spillway.", Label.SUPPORTED, id="blamed-as-cause"),
        pytest.param(_CAUSE, "The review blamed heavy rain at the dam for the collapse of the"
                     " spillway.", Label.UNVERIFIED, id="blamed-another-cause"),
        # What the passage says is over is not stated as holding now.
        pytest.param(_FORMER, "Seven News, Nine News and Sky News UK are Sky Channel's"
                     " parent company.",
                     Label.UNVERIFIED, id="former-not-now"),
        pytest.param(_FORMER, "Seven News, Nine News and Sky News UK were Sky Channel's"
                     " parent companies.",
                     Label.SUPPORTED, id="former-as-past"),
        # A score out of 100 is a percentage.
        pytest.param(_SCORED, "The opera has a score above 60% on Critic Board, based on 24"
                     " critics.", Label.SUPPORTED, id="out-of-100-above"),
        pytest.param(_SCORED, "The opera has a score below 60% on Critic Board, based on 24"
                     " critics.", Label.CONTRADICTED, id="out-of-100-below"),
        # A hyphen or a space between a name's words is one name.
        pytest.param("The dairy is owned by Coca Cola.", "The dairy is owned by Coca-Cola.",
                     Label.SUPPORTED, id="hyphen-same-name"),
        pytest.param("The dairy is owned by Pepsi Cola.", "The dairy is owned by Coca-Cola.",
                     Label.CONTRADICTED, id="hyphen-other-name"),
        # The claim's own nationality, which the model splits ("an African" +
        # "American"), is no rival of the passage's; a part of it is.
        pytest.param(_KEY, "Keegan-Michael Key is an African American.", Label.SUPPORTED,
                     id="nationality-whole"),
        pytest.param(_KEY, "Keegan-Michael Key is an American.", Label.CONTRADICTED,
                     id="nationality-part"),
        # A bound on an event named with its year is not a bound on the year.
        pytest.param(_PITCH, "Before the 2008 Champions League Final, a temporary grass pitch"
                     " was laid at Luzhniki Stadium.", Label.SUPPORTED, id="event-year"),
        pytest.param(_PITCH, "Before 2008, a temporary grass pitch was laid at Luzhniki"
                     " Stadium.", Label.CONTRADICTED, id="bare-year"),
        # The second sentence tells only the claim's last clause: too little of the
        # whole claim for the usual contrasts, enough for the clause's verb.
        pytest.param(_JAILED, "Hashem Abedi was jailed for life at the Old Bailey with a"
                     " minimum term of 55 years, and he agreed even to come up from the cells"
                     " to hear it.", Label.CONTRADICTED, id="clause-opposite-verb"),
        pytest.param(_JAILED, "Hashem Abedi was jailed for life at the Old Bailey with a"
                     " minimum term of 55 years, and he refused even to come up from the cells"
                     " to hear it.", Label.SUPPORTED, id="clause-same-verb"),
        # Said of Hashem, Salman is the older one: "younger" is a word the article adds;
        # "older brother Hashem" puts another name after the passage's words.
        pytest.param(_BROTHER, "His younger brother Hashem was convicted at the Old Bailey in"
                     " March 2020 of murder.", Label.SUPPORTED, id="younger-brother"),
        pytest.param(_BROTHER, "His older brother Hashem was convicted at the Old Bailey in"
                     " March 2020 of murder.", Label.CONTRADICTED, id="older-brother"),
        # A month named alone is read against the passage's day.
        pytest.param(_ISOLATION, "The Duchess came out of self-isolation before April.",
                     Label.CONTRADICTED, id="before-april"),
        pytest.param(_ISOLATION, "The Duchess came out of self-isolation in April.",
                     Label.SUPPORTED, id="in-april"),
        pytest.param(_ISOLATION, "The Duchess came out of self-isolation after March.",
                     Label.SUPPORTED, id="after-march"),
        # A participle that only says where may be added; the place is the claim.
        pytest.param(_COLLEGE, "Southeast Arkansas College is a public community college"
                     " located in Pine Bluff, Arkansas.", Label.SUPPORTED, id="located"),
        pytest.param(_COLLEGE, "Southeast Arkansas College is a public community college"
                     " located in Little Rock, Arkansas.", Label.CONTRADICTED,
                     id="located-elsewhere"),
        # A source's hedge is not the claim's certainty.
        pytest.param(_SURVIVED, "The chairman found that John Atkinson would probably have"
                     " survived with quicker care.", Label.SUPPORTED, id="probably"),
        pytest.param(_SURVIVED, "The chairman found that John Atkinson would certainly have"
                     " survived with quicker care.", Label.UNVERIFIED, id="certainly"),
        # What was done to the people counted is stated by the passage of the count, not
        # by the sentence beside it, and the passage's opposite in its place denies it.
        pytest.param(_MURDERED, "The bomber killed 22 people in the arena attack.",
                     Label.SUPPORTED, id="count-verb"),
        pytest.param(_MURDERED, "The bomber injured 22 people in the arena attack.",
                     Label.CONTRADICTED, id="count-verb-elsewhere"),
        # A route the other way round; a unit of time that says when.
        pytest.param("She walked 200 miles from Manchester to Downing Street in January.",
                     "She walked 200 miles from Downing Street to Manchester in January.",
                     Label.CONTRADICTED, id="route-reversed"),
        pytest.param("He was recalled by the Wizards on 5 March, after the game.",
                     "He was recalled by the Wizards a week later, after the game.",
                     Label.UNVERIFIED, id="week-later"),
        # "Taken" where the source says "missed", "final" where it says "first": neither
        # is a word the article only adds.
        pytest.param("The report found that Showsec had missed chances to stop Abedi.",
                     "The report found that Showsec had taken chances to stop Abedi.",
                     Label.UNVERIFIED, id="taken-for-missed"),
        pytest.param("Its first report, published on 17 June 2021, found that he was a threat.",
                     "Its final report, published on 17 June 2021, found that he was a threat.",
                     Label.UNVERIFIED, id="final-for-first"),
        # "Eight years old" is an age: it says neither "oldest" nor "older".
        pytest.param("Saffie-Rose Roussos was eight years old; she was the youngest of them.",
                     "The oldest of them, Saffie-Rose Roussos, was eight.",
                     Label.UNVERIFIED, id="oldest-by-age"),
        # Words a newsroom writes for one another; another verb is not one of them.
        pytest.param("The chief executive of the trust, Ann Lowe, said she was deeply sorry"
                     " for the failings at the hospital.", "The trust's chief executive, Ann"
                     " Lowe, apologised for the failings at the hospital.",
                     Label.SUPPORTED, id="apologised-sorry"),
        pytest.param("The chief executive of the trust, Ann Lowe, said she was deeply sorry"
                     " for the failings at the hospital.", "The trust's chief executive, Ann"
                     " Lowe, resigned over the failings at the hospital.",
                     Label.UNVERIFIED, id="resigned-not-sorry"),
        # "Flew back" says "returned"; a child "of" parents is stated by the parents.
        pytest.param("Police said Karim Aziz had returned to Leeds from Egypt on 2 June 2019."
                     " His parents had come to Britain from Egypt as students.",
                     "Karim Aziz, the son of Egyptian students, flew back from Egypt on 2 June"
                     " 2019.", Label.SUPPORTED, id="flew-back-son-of"),
        # A force does not state one of its officers: "told police" is not "told a
        # police officer", nor a steward one.
        pytest.param("A fan, Dean Walsh, told a steward about the man with the bag. The"
                     " inquiry found that Northumbria Police bore some responsibility.",
                     "A fan, Dean Walsh, told a police officer about the man with the bag.",
                     Label.UNVERIFIED, id="police-officer-not-steward"),
        # Another cause of the same thing contradicts; the same cause in other words
        # does not.
        pytest.param("The inquest into the death of Daniel Whitworth was postponed after"
                     " flooding at Barking Town Hall.", "The inquest into the death of Daniel"
                     " Whitworth was postponed after a fire at Barking Town Hall.",
                     Label.CONTRADICTED, id="another-cause"),
        pytest.param("The review of the Carlisle floods found that the delay was caused by a"
                     " failure of communication between the councils.", "The review of the"
                     " Carlisle floods blamed the delay on a shortage of sandbags.",
                     Label.CONTRADICTED, id="another-cause-blamed"),
        pytest.param("The review of the Carlisle floods found that the delay was caused by a"
                     " failure of communication between the councils.", "The review of the"
                     " Carlisle floods blamed the delay on poor communication between the"
                     " councils.", Label.UNVERIFIED, id="same-cause-other-words"),
        # Another person set off by the same words, in either order.
        pytest.param("A resident of the estate, Maria Costa, had called the council about the"
                     " damp in March 2019.", "The council was called about the damp in March"
                     " 2019 by Jane Holt, a resident of the estate.",
                     Label.CONTRADICTED, id="another-person-same-apposition"),
        # An irregular past is a verb like any: never only added.
        pytest.param("Police said Karim Aziz had returned to Leeds from Egypt on 2 June 2019.",
                     "Karim Aziz flew to Egypt on 2 June 2019.", Label.UNVERIFIED,
                     id="irregular-past-not-added"),
        # The other side taken.
        pytest.param("The council voted for the budget on 3 March 2024, by 30 votes to 12.",
                     "The council voted against the budget on 3 March 2024.",
                     Label.CONTRADICTED, id="voted-against-for"),
        # One clause of a long claim told by a passage that states every other word of
        # it: the hurt are not the dead.
        pytest.param("Dana Reid, 31, from Hull, was among those who died in the crash.",
                     "Dana Reid, 31, from Hull, was among those injured in the crash, and her"
                     " brother has campaigned since for safer roads.", Label.CONTRADICTED,
                     id="injured-not-died-in-one-clause"),
        # What a negation says is not expected is denied (here in the sentence beside the
        # evidence: the claim is kept from SUPPORTED, and the report says why).
        pytest.param("Leon Marsh, 52, was given a whole life order on 4 May 2018. A whole life"
                     " order means that he is not expected ever to be released from prison.",
                     "Leon Marsh, 52, was released on 4 May 2018.", Label.UNVERIFIED,
                     id="not-expected-to-be-released"),
        # A verb is not stated by a one-word name among lower-case words ("the Met").
        pytest.param("The review of 2019 found that the Met's handling of the nine cases had"
                     " fallen below the standard required.", "The review of 2019 found that"
                     " the nine cases met the standard required.", Label.UNVERIFIED,
                     id="met-not-the-met"),
        # A longer word that starts with one of the claim's is another word: the
        # passage's "churchyard" stands where the claim says "river".
        pytest.param("The bodies of the other two men were found in or by the churchyard of"
                     " St Mary's church in Hendon on 3 May 2015.", "The bodies of the other two"
                     " men were found in the river by St Mary's church in Hendon on 3 May 2015.",
                     Label.UNVERIFIED, id="churchyard-not-church"),
        # A count of women is not one of men, whatever the verb after it.
        pytest.param("The four young men Grant murdered were all from Leeds.",
                     "Alan Grant murdered four young women from Leeds.", Label.UNVERIFIED,
                     id="women-not-men"),
        pytest.param("The four young men Grant murdered were all from Leeds.",
                     "Alan Grant murdered four young men from Leeds.", Label.SUPPORTED,
                     id="men-men"),
        # A sum of another passage that tells another event, scoring far below the one
        # that states the claim's, does not make the sources disagree.
        pytest.param("The council must find savings of £18.2 million over the next two years."
                     " The council has set aside £2.5 million for flood defences over five"
                     " years.", "The council has put aside £2.5m for flood defences over five"
                     " years.", Label.SUPPORTED, id="another-sum-no-dispute"),
        # Another subject of the claim's verb, where only the sentence beside the
        # passage names the claim's.
        pytest.param("The jury found that failings by the Metropolitan Police probably"
                     " contributed to the death of Daniel Whitworth. The coroner thanked the"
                     " jurors.", "The coroner found that police failings probably contributed"
                     " to the death of Daniel Whitworth.", Label.CONTRADICTED,
                     id="coroner-not-jury"),
        pytest.param("The jury found that failings by the Metropolitan Police probably"
                     " contributed to the death of Daniel Whitworth. The coroner thanked the"
                     " jurors.", "The jury found that police failings probably contributed"
                     " to the death of Daniel Whitworth.", Label.SUPPORTED, id="jury-jury"),
        # "Postponed by" gives a cause.
        pytest.param("The inquests into the deaths at Grove Park, first due in January 2021,"
                     " were postponed because of the coronavirus pandemic.", "The inquests"
                     " into the deaths at Grove Park, first due in January 2021, were postponed"
                     " by a strike.", Label.CONTRADICTED, id="postponed-by-another-cause"),
        # A figure in one clause of a long sentence is read against the passage about
        # that clause, which shares little of the whole sentence.
        pytest.param("Forty fire engines and more than 200 firefighters were sent to the"
                     " tower. The brigade said the fire started in a flat on the fourth"
                     " floor. The fire burned for about 60 hours before it was put out.",
                     "More than 200 firefighters were sent to the tower, and the fire burned"
                     " for some 60 minutes.", Label.CONTRADICTED, id="figure-of-one-clause"),
        pytest.param("Forty fire engines and more than 200 firefighters were sent to the"
                     " tower. The brigade said the fire started in a flat on the fourth"
                     " floor. The fire burned for about 60 hours before it was put out.",
                     "More than 200 firefighters and 40 fire engines were sent to the tower,"
                     " and the fire burned for some 60 hours.", Label.SUPPORTED,
                     id="figures-of-two-clauses"),
        # People, persons and individuals are counted alike.
        pytest.param("The police said the investigation covers 58 individuals and 19"
                     " companies.", "The police are investigating 85 people and 19"
                     " companies.", Label.CONTRADICTED, id="people-individuals"),
        # A part of the dead counted after "of them" is the count of its own noun.
        pytest.param("Seventy-two people died as a result of the fire, among them 18"
                     " children.", "Seventy-one people died, 18 of them children.",
                     Label.CONTRADICTED, id="of-them-children"),
        # A time of day is a value another time contradicts.
        pytest.param("The advice to stay put should have been abandoned at about 1.50am."
                     " It was not revoked until 2.47am.", "The advice to stay put was not"
                     " revoked until 3.47am.", Label.CONTRADICTED, id="time-of-day"),
        # A sentence that names nobody, read whole: the prefix that denies the word
        # contradicts; "every one of" is "all of".
        pytest.param("The chairman concludes that all of the deaths were avoidable.",
                     "Every one of the deaths was unavoidable.", Label.CONTRADICTED,
                     id="unavoidable-avoidable"),
        pytest.param("The chairman concludes that all of the deaths were avoidable.",
                     "Every one of the deaths was avoidable.", Label.SUPPORTED,
                     id="avoidable-avoidable"),
        # The capitalised word that opens a claim before its verb is its subject, never
        # a word only added.
        pytest.param("Upon release, Rogue received a mostly positive critical reaction.",
                     "Butt received positive critical reaction.", Label.UNVERIFIED,
                     id="opening-subject"),
        # A capitalised common word is a rival of the claim's ("Studio album").
        pytest.param("Moreover, their sponsored national teams include Germany, Spain and"
                     " Japan. Adidas is a sponsor.", "Iran's national team is sponsored by"
                     " Adidas.", Label.UNVERIFIED, id="opening-possessive"),
        # A short quotation: other words in its place after the words the claim says
        # before it misquote; the same words with "and" between do not.
        pytest.param("It says that the evidence given by the Commissioner showed remarkable"
                     " insensitivity.", "Her evidence showed what the report called"
                     " \"remarkable courage\".", Label.CONTRADICTED, id="short-misquote"),
        pytest.param("In the film Ray and Liz, directed by Richard Billingham in 2019, she"
                     " plays Liz.", "She plays Liz in the 2019 film \"Ray & Liz\", directed"
                     " by Richard Billingham.", Label.UNVERIFIED, id="short-quote-and"),
        # A strongly relevant passage states the claim's only rank.
        pytest.param("Dany Cotton, the commissioner of the London Fire Brigade, is to retire"
                     " at the end of December.", "The brigade's commissioner, Dany Cotton,"
                     " is to retire at the end of December.", Label.SUPPORTED,
                     id="rank-alone"),
        # The ends of a range, with the claim's other figures stated beside them.
        pytest.param("Ninety-six people died in the crush. The victims were aged between 10"
                     " and 67, and 37 of them were teenagers.", "The youngest of the dead was"
                     " only 10 and the oldest was 67, and 37 of them were teenagers.",
                     Label.SUPPORTED, id="ends-of-a-range"),
        pytest.param("Ninety-six people died in the crush. The victims were aged between 10"
                     " and 67, and 37 of them were teenagers.", "The youngest of the dead was"
                     " only 67 and the oldest was 10, and 37 of them were teenagers.",
                     Label.UNVERIFIED, id="ends-of-a-range-swapped"),
        pytest.param("Ninety-six people died in the crush. The victims were aged between 10"
                     " and 67, and 37 of them were teenagers.", "The youngest of the dead was"
                     " only 14 and the oldest was 67, and 37 of them were teenagers.",
                     Label.CONTRADICTED, id="ends-of-a-range-denied"),
        # A passage that gives only another of the claim's ranks does not deny the first;
        # one that gives a rank the claim does not does.
        pytest.param("David Duckenfield, the police match commander, ordered the exit gates"
                     " to be opened.", "The match commander, Chief Superintendent David"
                     " Duckenfield, ordered the exit gates to be opened.", Label.UNVERIFIED,
                     id="rank-of-the-claim"),
        pytest.param("The match commander, Chief Superintendent David Duckenfield, ordered the"
                     " exit gates to be opened.", "The match commander, Chief Inspector David"
                     " Duckenfield, ordered the exit gates to be opened.", Label.CONTRADICTED,
                     id="rank-not-of-the-claim"),
        # Whole years after an event are the years gone by, more may follow; a time of
        # "after" is no cause; "it took until" a day is that day.
        pytest.param("The jury at the new inquests decided on Tuesday, 27 years after the"
                     " disaster, that the 96 were unlawfully killed.", "It took until 5 March"
                     " 2024, more than 27 years after the disaster, for the jury at the new"
                     " inquests to decide that the 96 were unlawfully killed.",
                     Label.SUPPORTED, id="whole-years-after"),
        pytest.param("The jury at the new inquests decided on Tuesday, 27 years after the"
                     " disaster, that the 96 were unlawfully killed.", "It took until 5 March"
                     " 2024, less than 27 years after the disaster, for the jury at the new"
                     " inquests to decide that the 96 were unlawfully killed.",
                     Label.CONTRADICTED, id="whole-years-after-less"),
        pytest.param("The force apologised on 26 April 2016, after the jury returned its"
                     " conclusions.", "The force apologised on 26 April 2016, 27 years after"
                     " the disaster.", Label.UNVERIFIED, id="after-a-length-is-no-cause"),
        # A predicate negated of one subject is not denied by the same predicate of
        # another; "nothing ... had caused" negates it; a weighing that leads the
        # sentence is the article's own.
        pytest.param("The jury found that mistakes by the police had caused the dangerous"
                     " situation at the turnstiles.", "The jury found that the behaviour of"
                     " the fans had not caused the dangerous situation at the turnstiles.",
                     Label.UNVERIFIED, id="negation-of-another-subject"),
        pytest.param("In her mid-20s Chung started writing essays. \"I never actually took a"
                     " nonfiction class,\" she said.", "In her mid-20s Chung took a nonfiction"
                     " class and started writing essays.", Label.UNVERIFIED,
                     id="negation-of-a-pronoun"),
        pytest.param("The jurors decided that nothing in the conduct of the supporters had"
                     " caused the dangerous situation at the turnstiles.", "The jurors decided"
                     " that the conduct of the supporters had caused the dangerous situation"
                     " at the turnstiles.", Label.CONTRADICTED, id="nothing-had-caused"),
        # A whole that no source gives, settled by its parts that the sources do.
        pytest.param("The jury, made up of six women and three men, had to answer 14"
                     " questions about the disaster.", "The nine jurors, six women and three"
                     " men, answered 14 questions about the disaster.", Label.SUPPORTED,
                     id="whole-of-its-parts"),
        pytest.param("The jury, made up of six women and three men, had to answer 14"
                     " questions about the disaster.", "The ten jurors, six women and three"
                     " men, answered 14 questions about the disaster.", Label.CONTRADICTED,
                     id="whole-not-of-its-parts"),
        # A count of others, of whom the passage never says what the claim's underwent,
        # does not deny the claim's count.
        pytest.param("Ninety-six Liverpool fans lost their lives after a crush on the Leppings"
                     " Lane terrace. Mackrell was found guilty over the provision of only seven"
                     " turnstiles for the 10,100 Liverpool supporters with tickets for the"
                     " Leppings Lane terrace.", "96 Liverpool supporters were crushed to death"
                     " on the Leppings Lane terrace.", Label.SUPPORTED, id="count-of-others"),
        pytest.param("Ninety-six Liverpool fans lost their lives after a crush on the Leppings"
                     " Lane terrace. Mackrell was found guilty over the provision of only seven"
                     " turnstiles for the 10,100 Liverpool supporters with tickets for the"
                     " Leppings Lane terrace.", "86 Liverpool supporters were crushed to death"
                     " on the Leppings Lane terrace.", Label.CONTRADICTED,
                     id="count-of-the-same"),
        # "Sheffield" states no "Sheffield United" (a longer name), and the club the passage
        # names, one word of the claim's changed, denies it.
        pytest.param("Ninety-six Liverpool fans lost their lives after a crush on the Leppings"
                     " Lane terrace at Hillsborough, the home of Sheffield Wednesday, on 15 April"
                     " 1989.", "On 15 April 1989, 96 Liverpool supporters were crushed to death"
                     " on the Leppings Lane terrace at Hillsborough, Sheffield United's ground.",
                     Label.CONTRADICTED, id="place-no-longer-name"),
        pytest.param("More than 2,000 supporters came in through exit gate C once it was"
                     " open.", "More than 2,000 fans came through exit gate C once it was open.",
                     Label.SUPPORTED, id="fans-supporters"),
        # "Faced four counts" is what "charged with four offences" says.
        pytest.param("Sir Norman Bettison is charged with four offences of misconduct in public"
                     " office.", "Sir Norman Bettison faced four counts of misconduct in"
                     " public office.", Label.SUPPORTED, id="faced-counts"),
        # A modal verb's rarer sense states nothing ("can": to sack); a verb's form after
        # its auxiliary is a deed, never only added ("had been sold"); another person
        # set off by the same title contradicts one named only beside the passage.
        pytest.param("The chief constable can be suspended by the commissioner on Wednesday.",
                     "The chief constable was sacked by the commissioner on Wednesday.",
                     Label.UNVERIFIED, id="can-is-no-sack"),
        pytest.param("In 1989 the club's tickets for the semi-final at Hillsborough went to"
                     " Liverpool supporters.", "In 1989 the club's tickets for the semi-final at"
                     " Hillsborough had been sold to Liverpool supporters.", Label.UNVERIFIED,
                     id="deed-after-auxiliary"),
        pytest.param("The county's police and crime commissioner, Dr Alan Billings, said he had"
                     " been left with no choice but to suspend Mr Crompton. Earlier in the day"
                     " the shadow home secretary, Andy Burnham, had called for him to go.",
                     "Mr Crompton was suspended by the county's police and crime commissioner,"
                     " Andy Burnham.", Label.CONTRADICTED, id="title-of-another-person"),
        # A name tied to the name before it ("David Duckenfield of West Yorkshire Police")
        # is stated only by a passage that states the two together.
        pytest.param("Prosecutors said that the match commander, David Duckenfield, would be"
                     " charged with manslaughter. Six people face charges, among them Sir Norman"
                     " Bettison, a former chief constable of West Yorkshire Police.",
                     "Prosecutors said that the match commander, David Duckenfield of West"
                     " Yorkshire Police, would be charged with manslaughter.", Label.UNVERIFIED,
                     id="name-of-another"),
        pytest.param("Prosecutors said that David Duckenfield, the South Yorkshire Police match"
                     " commander, would be charged with manslaughter.", "Prosecutors said that"
                     " the match commander, David Duckenfield of South Yorkshire Police, would"
                     " be charged with manslaughter.", Label.SUPPORTED, id="name-of-the-same"),
        pytest.param("In December 2012 the High Court quashed the verdicts of accidental death"
                     " returned at the first inquests in 1991.", "In December 2012 the High Court"
                     " upheld the verdicts of accidental death returned at the first inquests in"
                     " 1991.", Label.CONTRADICTED, id="quashed-upheld"),
        # A single quoted word of manner is a quotation: another word in its place is a
        # misquote.
        pytest.param("Mr Crompton said that the force \"unequivocally\" accepted the jury's"
                     " conclusions.", "Mr Crompton said that his force \"reluctantly\" accepted"
                     " the jury's conclusions.", Label.CONTRADICTED, id="one-word-misquote"),
        pytest.param("Mr Crompton said that the force \"unequivocally\" accepted the jury's"
                     " conclusions.", "Mr Crompton said that his force \"unequivocally\""
                     " accepted the jury's conclusions.", Label.SUPPORTED, id="one-word-quote"),
        # A length with a smaller one after it is more than its whole units.
        pytest.param("In April the jury was discharged after it failed to reach a verdict in 29"
                     " hours and six minutes of deliberation.", "In April the jury failed to"
                     " reach a verdict after more than 29 hours of deliberation.",
                     Label.SUPPORTED, id="hours-and-minutes"),
        pytest.param("In April the jury was discharged after it failed to reach a verdict in 29"
                     " hours and six minutes of deliberation.", "In April the jury failed to"
                     " reach a verdict after less than 29 hours of deliberation.",
                     Label.CONTRADICTED, id="hours-and-minutes-less"),
        pytest.param("Jane Doe called the council's plan bold and overdue.", "Jane Doe of the"
                     " Example Gazette called the council's plan bold and overdue.",
                     Label.SUPPORTED, id="name-of-the-source"),
        # A passage that opens with a pronoun is read with the names of the sentence
        # before; the claim's sum in another currency is denied.
        pytest.param(_FINED, "Graham Mackrell, Sheffield Wednesday's club secretary in 1989, was"
                     " fined £6,500 for a health and safety offence.", Label.SUPPORTED,
                     id="pronoun-passage"),
        pytest.param(_FINED, "Graham Mackrell, Sheffield Wednesday's club secretary in 1989, was"
                     " fined £65,000 for a health and safety offence.", Label.CONTRADICTED,
                     id="pronoun-passage-other-sum"),
        pytest.param(_FINED, "Graham Mackrell, Sheffield Wednesday's club secretary in 1989, was"
                     " fined $6,500 for a health and safety offence.", Label.CONTRADICTED,
                     id="other-currency"),
        # Another number of the same part of the same group, under the same bound.
        pytest.param("The panel also found that as many as 41 of the 96 who died had the"
                     " potential to survive.", "The panel found that as many as 81 of those who"
                     " died might have survived.", Label.CONTRADICTED, id="part-of-a-group"),
        pytest.param("The panel also found that as many as 41 of the 96 who died had the"
                     " potential to survive.", "The panel found that as many as 41 of those who"
                     " died might have survived.", Label.SUPPORTED, id="part-of-a-group-same"),
        # "Not yet" is as of the source's day; a negated obligation denies no act said in
        # other words (the same verb stays denied); a name that says which thing a noun
        # is fills no one's role; another thing's length denies no length.
        pytest.param("The settlement was announced on Wednesday. The judgment on that trial"
                     " has not yet been handed down.", "Mr Justice Fraser handed down his"
                     " judgment on that trial five days after the settlement.",
                     Label.UNVERIFIED, id="not-yet"),
        pytest.param("The chairman gave her a warning at the inquiry that she did not have to"
                     " answer questions that might incriminate her.", "She spoke to the"
                     " inquiry, telling the chairman she had been too trusting.",
                     Label.UNVERIFIED, id="obligation-denied"),
        pytest.param("The chairman gave her a warning at the inquiry that she did not have to"
                     " answer questions that might incriminate her.", "She answered the"
                     " chairman's questions at the inquiry, telling him she had been too"
                     " trusting.", Label.CONTRADICTED, id="obligation-same-verb"),
        pytest.param("The convictions of postmasters wrongly prosecuted in the Horizon scandal"
                     " have been quashed.", "The Court of Appeal quashed the convictions of"
                     " postmasters wrongly prosecuted in the scandal.", Label.UNVERIFIED,
                     id="name-of-a-noun"),
        pytest.param("The petition against Vennells had been started three years ago, long"
                     " before the inquiry into the scandal.", "Vennells began three days of"
                     " evidence to the inquiry into the scandal.", Label.UNVERIFIED,
                     id="length-of-another-count"),
        pytest.param("Hashem Abedi was given a minimum of 55 years for the murders.", "Hashem"
                     " Abedi was jailed for life for the murders with a minimum term of more"
                     " than 60 years.", Label.CONTRADICTED, id="length-of-the-same-count"),
        # A verb in -ing after "was" is stated by a verb, not by a noun whose other sense
        # it is ("council": a meeting).
        pytest.param("Michael Gove told MPs that the council was failing to comply with its"
                     " best value duty.", "Michael Gove told MPs that the council was meeting"
                     " its best value duty.", Label.UNVERIFIED, id="verb-by-a-noun"),
        # Two times gone by since an event are one length: a later one denies the claim's.
        pytest.param("That ruling came three months after the panel published its report.",
                     "Three years after the panel's report the High Court ruling came.",
                     Label.CONTRADICTED, id="times-gone-by"),
        # "Had no" denies what the passage says is had; "the company" may be the passage's
        # "Fujitsu".
        pytest.param("Fujitsu has a \"moral obligation\" to contribute to compensation, the head"
                     " of its European business told MPs on Tuesday.", "The head of Fujitsu's"
                     " European business told MPs on Tuesday that the company had no \"moral"
                     " obligation\" to contribute to compensation.", Label.CONTRADICTED,
                     id="had-no"),
        pytest.param("Tony Bland died nearly four years after the disaster. In April the jury"
                     " was discharged after it failed to reach a verdict in 29 hours and six"
                     " minutes of deliberation.", "In April the jury failed to reach a verdict"
                     " after more than 49 hours of deliberation.", Label.CONTRADICTED,
                     id="hours-not-years-after"),
        # Another owner of a person's post, before the name in the claim and after it in
        # the passage.
        pytest.param("Paul Patterson apologised to the subpostmasters as he gave evidence to the"
                     " committee. Nick Read, the Post Office's chief executive, gave evidence"
                     " to the same session.", "Fujitsu's European boss, Nick Read, apologised to"
                     " the subpostmasters as he gave evidence to the committee.",
                     Label.CONTRADICTED, id="post-of-another"),
        pytest.param("Paul Patterson apologised to the subpostmasters as he gave evidence to the"
                     " committee. Nick Read, the Post Office's chief executive, gave evidence"
                     " to the same session.", "The Post Office's chief executive, Nick Read,"
                     " gave evidence to the same session of the committee.", Label.SUPPORTED,
                     id="post-of-the-same"),
        # A verb said with a particle that makes it another is stated only so ("ruled out"
        # is no "government", whose verb is to rule).
        pytest.param("The prime minister said the government would bring in a new law to clear"
                     " the subpostmasters.", "The prime minister ruled out a new law to clear the"
                     " subpostmasters.", Label.UNVERIFIED, id="ruled-out"),
        # A bound on a length of time is not met by the length of something else.
        pytest.param("The first trial lasted ten weeks, and the jury failed to reach a verdict.",
                     "The first trial ended when the jury failed to reach a verdict after more"
                     " than 49 hours of deliberation.", Label.UNVERIFIED,
                     id="length-of-another-thing"),
        pytest.param("The first trial ended when the jury failed to reach a verdict after 49"
                     " hours of deliberation.", "The first trial ended when the jury failed to"
                     " reach a verdict after more than 40 hours of deliberation.",
                     Label.SUPPORTED, id="length-of-the-same-thing"),
        # Where a thing was is no rival of the name that says which thing it was; and a
        # place is not stated by a longer name it opens.
        pytest.param("David Crompton responded on Tuesday 26 April 2016, after the jury at the"
                     " Hillsborough inquests returned its conclusions.", "On 26 April 2016 the"
                     " jury at the new inquests in Warrington returned its conclusions.",
                     Label.UNVERIFIED, id="where-not-which"),
        pytest.param("The jury at the Hillsborough inquests returned its conclusions on"
                     " Tuesday. Mackrell was secretary of Sheffield Wednesday at the time.",
                     "The jury at the new inquests in Sheffield returned its conclusions on"
                     " Tuesday.", Label.UNVERIFIED, id="place-in-a-longer-name"),
        # "Earlier than she had planned" measures against a plan, not from a date.
        pytest.param("Dany Cotton is to retire at the end of December 2019, four months"
                     " before she had planned to leave.", "Dany Cotton retired at the end of"
                     " 2019, four years earlier than she had planned.", Label.CONTRADICTED,
                     id="earlier-than-a-plan"),
        # A comparative bound against the source's bound at another figure.
        pytest.param("The government has laid regulations that ban combustible materials on"
                     " the external walls of new residential buildings more than 18 metres"
                     " tall.", "The government banned combustible materials from the outside"
                     " walls of new residential buildings taller than 30 metres.",
                     Label.CONTRADICTED, id="taller-than"),
        # Another force in the subject's place of one clause of a long claim, in the
        # passage that states the claim's figures.
        pytest.param("The Metropolitan Police said its investigation into the fire covers 58"
                     " individuals and 19 companies and organisations.", "The City of London"
                     " Police is investigating 58 people and 19 companies and organisations,"
                     " but it does not expect any charging decisions before the end of 2026.",
                     Label.CONTRADICTED, id="force-of-one-clause"),
        # A base-form verb after a plural subject is a predicate a negation denies.
        pytest.param("Detectives have said that decisions on whether anyone is charged are"
                     " not expected before the end of 2026.", "The police expect charging"
                     " decisions before the end of 2026.", Label.CONTRADICTED,
                     id="police-expect"),
        # Every passage that supports a figure is read for contrasts, though an earlier
        # one (with the sentence beside it) states the whole claim.
        pytest.param("The Metropolitan Police said its investigation covers 58 individuals."
                     " Detectives have said that decisions on whether anyone is charged are"
                     " not expected before the end of 2026.", "The Metropolitan Police is"
                     " investigating 58 people, but it expects any charging decisions before"
                     " the end of 2026.", Label.CONTRADICTED, id="every-supporting-read"),
        # One region by two names.
        pytest.param("She was named in the squad for the tournament in the Caribbean in"
                     " 2018.", "In 2018 she was named in the squad for the tournament in the"
                     " West Indies.", Label.SUPPORTED, id="west-indies-caribbean"),
        # A time that runs the other way from its event.
        pytest.param("Dany Cotton is to retire at the end of December, four months before"
                     " she had planned to leave.", "Dany Cotton retired at the end of"
                     " December, four months later than she had planned.",
                     Label.CONTRADICTED, id="later-before"),
        # Words that say which of a series, or judge what the claim is about, are what
        # the claim asserts, never only added.
        pytest.param("Harverd Dropout is the second studio album by American rapper Lil"
                     " Pump.", "Harverd Dropout is Lil Pump's debut studio album.",
                     Label.UNVERIFIED, id="debut-second"),
        # (and positive reviews are no mixed ones: `works.reviewed_otherwise`)
        pytest.param("Ghost received mixed reviews but was a massive box office success.",
                     "The reviews of the film Ghost were positive.", Label.CONTRADICTED,
                     id="positive-mixed"),
        pytest.param("The film received generally positive reviews from critics.",
                     "The film received positive reviews.", Label.SUPPORTED,
                     id="positive-positive"),
        # An acronym of the passage's own stands in a plain word's place: another drug.
        pytest.param("Port drugged his victims with GHB.", "He drugged his victims with"
                     " ketamine.", Label.CONTRADICTED, id="acronym-rival"),
        pytest.param("Port drugged his victims with GHB.", "He drugged his victims with"
                     " GHB.", Label.SUPPORTED, id="acronym-same"),
        pytest.param("The band's third record is a Live album.",
                     "The band's third record is a compilation album.", Label.UNVERIFIED,
                     id="live-compilation"),
        # A passage word that says one of the claim's words is no opposite of another.
        pytest.param("The commission narrowed the list of applicants to take over the empty"
                     " seat on the Missouri Supreme Court to three.", "Powell was one of three"
                     " applicants to fill the vacant seat on the Missouri Supreme Court.",
                     Label.UNVERIFIED, id="empty-is-vacant"),
        pytest.param("The law applied to public employee unions.", "The law applied to"
                     " private employee unions as well as public.", Label.UNVERIFIED,
                     id="claim-says-both"),
        # A person's name with a title the tagger reads as part of it is no rival (nor,
        # with its middle initial, stated by it).
        pytest.param("Soyuz MS-06 launched on 13 September 2017 carrying Flight Engineers"
                     " Mark Vande Hei and Joe Acaba.", "Soyuz MS-06 launched on 13 September"
                     " 2017, carrying Mark T. Vande Hei and Joe Acaba.", Label.UNVERIFIED,
                     id="title-before-name"),
        pytest.param("Nketiah started his career with Chelsea but was released in 2015.",
                     "Nketiah started his middling career with Chelsea.", Label.UNVERIFIED,
                     id="middling-added"),
        # A precise figure of the claim's own is its, though the passage gives another
        # score beside it; a population counts its residents.
        pytest.param("Review sites GameRankings and Metacritic gave the game 82.41% and"
                     " 82/100, respectively.", "The game received a rating of 82.41% on review"
                     " sites.", Label.SUPPORTED, id="precise-figure-beside-another"),
        pytest.param("The territory had a 2016 census population of 41,786, the most of the"
                     " three territories.", "The territory had 41,786 residents in 2016.",
                     Label.SUPPORTED, id="population-residents"),
        pytest.param("The territory had a 2016 census population of 41,786, the most of the"
                     " three territories.", "The territory had 44,786 residents in 2016.",
                     Label.UNVERIFIED, id="population-residents-changed"),
        # A passage's month without a year that is the claim's other date ("in May" for
        # "May 2018") is about that event, not evidence against the claim's "November".
        pytest.param("The film was streamed in the United States and Canada in May by the"
                     " service, and later by Crunchyroll.", "The film was streamed in the"
                     " United States and Canada during May 2018, and Crunchyroll streamed it"
                     " from November of the same year.", Label.UNVERIFIED,
                     id="yearless-other-date"),
        # A court's outcomes are opposites: cleared / jailed.
        pytest.param("Mark Jones, 41, was jailed for six years at Leeds Crown Court in October"
                     " 2018.", "Jones was cleared at Leeds Crown Court in October 2018.",
                     Label.CONTRADICTED, id="cleared-jailed"),
        # "A week after" against "a month after" the same event.
        pytest.param("Mark Jones was jailed on 29 October 2018, a month after the trial ended.",
                     "Jones was jailed a week after the trial ended.", Label.CONTRADICTED,
                     id="a-week-a-month"),
        pytest.param("Mark Jones was jailed on 29 October 2018, a month after the trial ended.",
                     "Jones was jailed a month after the trial ended.", Label.SUPPORTED,
                     id="a-month-a-month"),
        # A time ahead of what it is measured from, against one behind it.
        pytest.param("The new bridge was completed in May 2020, two months behind schedule.",
                     "The new bridge was completed in May 2020, two months ahead of schedule.",
                     Label.CONTRADICTED, id="ahead-behind"),
        # A bound read in its own unit: "2.3 metres" is "about seven feet".
        pytest.param("The river rose by 2.3 metres overnight, the agency said.",
                     "The river rose by about seven feet overnight.", Label.SUPPORTED,
                     id="about-in-another-unit"),
        # A difference that goes the other way: "longer" / "shorter".
        pytest.param("The unrated version ran ten minutes shorter than the cinema cut.",
                     "The unrated version ran ten minutes more than the cinema cut.",
                     Label.CONTRADICTED, id="more-shorter"),
        pytest.param("The unrated version ran ten minutes shorter than the cinema cut.",
                     "The unrated version ran ten minutes shorter than the cinema cut.",
                     Label.SUPPORTED, id="shorter-shorter"),
        # Which way from a place, and a judgement of the claim's subject, are what the
        # claim asserts, never only added.
        pytest.param("The A12 road bypasses the town and crosses the river near the old"
                     " mill.", "The A12 road bypasses the town to the north and crosses the"
                     " river near the old mill.", Label.UNVERIFIED, id="compass-added"),
        pytest.param("The A12 road bypasses the town to the north and crosses the river"
                     " near the old mill.", "The A12 road bypasses the town to the north and"
                     " crosses the river near the old mill.", Label.SUPPORTED,
                     id="compass-stated"),
        pytest.param("The comedy opened in May 2013 at the box office in Mumbai and Delhi.",
                     "The comedy opened in May 2013 as a flop at the box office in Mumbai"
                     " and Delhi.", Label.UNVERIFIED, id="flop-added"),
        # A passage word the claim says itself in another form states that word, not a
        # second one: "take" is the claim's own "take", not its "taken".
        pytest.param('The report found that the agency missed "a real chance" to take action'
                     " that might have stopped the fraud.", 'The report found that the agency'
                     ' had taken "a real chance" to take action that might have stopped the'
                     " fraud.", Label.UNVERIFIED, id="taken-take"),
        pytest.param("The government laid rules that ban cladding on tall homes. The ban"
                     " takes effect in December.", "The government banned cladding on tall"
                     " homes, a ban that takes effect in December.", Label.SUPPORTED,
                     id="banned-ban"),
        # Both sides negate something: a predicate negated in one and said plainly in
        # the other is still reversed.
        pytest.param("The chief said he was profoundly sorry that the agency had not"
                     " stopped the fraud.", "The chief said he was not sorry that the agency"
                     " had not stopped the fraud.", Label.CONTRADICTED, id="both-negate"),
        pytest.param("The chief said he was profoundly sorry that the agency had not"
                     " stopped the fraud.", "The chief said he was sorry that the agency had"
                     " not stopped the fraud.", Label.SUPPORTED, id="both-negate-same"),
        # The one date of a long claim, with the same word right before the passage's
        # one date: contradicted though the passage states only part of the claim.
        pytest.param("The school's new wing cost about £4 million, and the work was finished in"
                     " 2016.", "Parents had campaigned for years before the school's new wing was"
                     " finished in 2012, and classrooms are still crowded.",
                     Label.CONTRADICTED, id="finished-in-another-year"),
        pytest.param("The school's new wing cost about £4 million, and the work was finished in"
                     " 2016.", "Parents had campaigned for years before the school's new wing was"
                     " opened in 2012, and classrooms are still crowded.",
                     Label.UNVERIFIED, id="another-verb-another-year"),
        # A threshold's unit changed: the same figure in feet is not the one in metres,
        # and the note says both units.
        pytest.param("The rules ban combustible cladding on new blocks of flats more than 18"
                     " metres tall.", "The rules ban combustible cladding on new blocks of"
                     " flats taller than 18 feet.", Label.CONTRADICTED, id="threshold-unit"),
        # A figure said by its order of size is a range: "thousands" is not 300.
        pytest.param("About 300 people attended the march through the town centre.",
                     "Thousands of people attended the march through the town centre.",
                     Label.CONTRADICTED, id="thousands-300"),
        pytest.param("About 4,000 people attended the march through the town centre.",
                     "Thousands of people attended the march through the town centre.",
                     Label.SUPPORTED, id="thousands-4000"),
        # ... and the claim's only where the same word stands beside both figures: the
        # crowd leaving is no count of the people killed.
        pytest.param("The blast killed 22 people in the foyer of the arena as thousands of"
                     " people were leaving a concert.", "The blast killed 22 people in the"
                     " foyer of the arena.", Label.SUPPORTED, id="thousands-other-people"),
        # A word that says whether it has happened yet is the claim's, never added.
        pytest.param("The council's review of the parking scheme was published in May.",
                     "The council's review of the parking scheme is still pending.",
                     Label.UNVERIFIED, id="pending"),
        # One plain word the tagger took for a name still stands in the claim word's
        # place: "a 1997 Studio album" has no room for "a compilation album".
        pytest.param("Northern Lights is the 1997 Studio album by the Leeds band Wired.",
                     "Northern Lights is a compilation album by the Leeds band Wired.",
                     Label.UNVERIFIED, id="misread-name-rival"),
        pytest.param("Northern Lights is the 1997 Studio album by the Leeds band Wired.",
                     "Northern Lights is a studio album by the Leeds band Wired.",
                     Label.SUPPORTED, id="misread-name-same"),
        # Positive, mixed and negative reviews exclude each other, and a verdict that
        # spans two neither denies nor states one of them; another work's reviews say
        # nothing of this one.
        pytest.param("The Lantern Keeper received generally negative reviews from critics.",
                     "The Lantern Keeper received mixed reviews.",
                     Label.CONTRADICTED, id="reviews-other"),
        pytest.param("The Lantern Keeper received generally negative reviews from critics.",
                     "The Lantern Keeper received negative reviews.",
                     Label.SUPPORTED, id="reviews-same"),
        pytest.param("The Lantern Keeper received mixed to positive reviews from critics.",
                     "The Lantern Keeper received mixed reviews.",
                     Label.UNVERIFIED, id="reviews-spanning"),
        pytest.param("The Lantern Keeper received mixed to positive reviews from critics.",
                     "The Lantern Keeper received negative reviews.",
                     Label.CONTRADICTED, id="reviews-outside-the-span"),
        pytest.param("The Signal Box received negative reviews from critics.",
                     "The Lantern Keeper received positive reviews.",
                     Label.UNVERIFIED, id="reviews-of-another-work"),
        # ... said after the reviews too; "favorable" is "positive"
        pytest.param("Reviews for The Lantern Keeper were mixed, but kinder than last year's.",
                     "The Lantern Keeper received mixed to positive reviews.",
                     Label.CONTRADICTED, id="reviews-were"),
        pytest.param("The Lantern Keeper received mixed to positive reviews from critics.",
                     "All the reviews that The Lantern Keeper received were favorable.",
                     Label.CONTRADICTED, id="reviews-were-claimed"),
        pytest.param("The Lantern Keeper received favorable reviews from critics.",
                     "The Lantern Keeper received positive reviews.",
                     Label.SUPPORTED, id="reviews-favorable"),
        # "from 22 to 25 March 2021" is a period of four days of March 2021: a day inside
        # it is not denied, one outside it is.
        pytest.param("The appeals were heard by Lord Justice Holroyde at a hearing that ran"
                     " from 22 to 25 March 2021.",
                     "The appeals were heard by Lord Justice Holroyde on 24 March 2021.",
                     Label.UNVERIFIED, id="day-inside-two-days"),
        pytest.param("The appeals were heard by Lord Justice Holroyde at a hearing that ran"
                     " from 22 to 25 March 2021.",
                     "The appeals were heard by Lord Justice Holroyde on 12 March 2021.",
                     Label.CONTRADICTED, id="day-outside-two-days"),
        # A verb's past form names no kind of thing: "took" is no other kind of "won".
        pytest.param("Ann Lee took home five awards, including Artist of the Year, at the"
                     " American Music Awards on Sunday night.",
                     "Ann Lee won five American Music Awards, including Artist of the Year.",
                     Label.UNVERIFIED, id="past-form-no-kind"),
        # What kind of band a band is, is all the words of its kind; not where it is from.
        pytest.param("Wired are an English indie rock band formed in Leeds in 2002.",
                     "Wired is a rock band.", Label.UNVERIFIED, id="kind-of-act-shorter"),
        pytest.param("Wired are an English rock band formed in Leeds in 2002.",
                     "Wired is an indie rock band.", Label.UNVERIFIED, id="kind-of-act-longer"),
        pytest.param("Wired are an English indie rock band formed in Leeds in 2002.",
                     "Wired is an indie rock band.", Label.SUPPORTED, id="kind-of-act-same"),
    ],
)  # fmt: skip
def test_one_passage_against_one_sentence(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: Label
) -> None:
    verdict = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert verdict.label == label, verdict


@pytest.mark.parametrize(
    ("day", "label"), [("5 March 2024", Label.SUPPORTED), ("5 March 2023", Label.CONTRADICTED)]
)
def test_a_passage_that_announces_a_report_dates_it_by_its_source(
    tmp_path_factory: pytest.TempPathFactory, nlp, day: str, label: Label
) -> None:
    """The source is published on 5 March 2024 and says the report is just out; the
    claim says more than the passage, which still dates the report."""
    passage = (
        "The watchdog has published its final report into the force's handling of"
        " complaints from the public."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        f"The watchdog's final report on complaints came out on {day}, two years after the"
        " families of the victims first asked ministers for it.",
    )
    dated = next(f for f in claim.facts if f.fact.kind == FactKind.DATE)
    assert dated.label == label, dated


def test_passages_that_only_date_the_claim_take_no_place_among_those_that_state_it(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """Three sources date the first report; a fourth says who chairs the inquiry. The
    dates' passages state nothing more of the claim, so they leave room for the fourth."""
    folder = tmp_path_factory.mktemp("dated")
    for n, line in enumerate(
        (
            "Published: 30 October 2019",
            "The inquiry published its first report in October 2019.",
            "The chief left after the first report of the inquiry in October 2019.",
            "The inquiry is chaired by Sir Martin Moore-Bick, a retired Court of Appeal judge.",
        )
    ):
        (folder / f"s{n}.md").write_text(f"# Source {n}\n\n{line}\n", encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    ingest([folder], store, nlp=nlp)
    _, verdict = only_claim(
        "The inquiry, chaired by Sir Martin Moore-Bick, a retired Court of Appeal judge,"
        " published its first report in October 2019.",
        store,
        nlp,
    )
    assert verdict.label == Label.SUPPORTED, verdict


def test_every_passage_that_supports_a_figure_is_read_for_contrasts(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """The first source states the whole claim with the sentence beside it; the second,
    which also holds the claim's date, reverses its predicate."""
    folder = tmp_path_factory.mktemp("reversed")
    (folder / "a.md").write_text(
        "# Police inquiry\n\nThe Metropolitan Police said its investigation covers 58"
        " individuals and 19 companies.\n\nDetectives have said that decisions on whether"
        " anyone is charged are not expected before the end of 2026.\n",
        encoding="utf-8",
    )
    (folder / "b.md").write_text(
        "# Charging decisions\n\nDecisions on charges are not expected before the end of"
        " 2026, detectives said.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    ingest([folder], store, nlp=nlp)
    _, verdict = only_claim(
        "The Metropolitan Police is investigating 58 people and 19 companies and"
        " organisations, but it expects any charging decisions before the end of 2026.",
        store,
        nlp,
    )
    assert verdict.label == Label.CONTRADICTED, verdict


def test_a_contradicted_direction_shows_both_ways(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "The new bridge was completed in May 2020, two months behind schedule.",
        "The new bridge was completed in May 2020, two months ahead of schedule.",
    )
    notes = [f.note for f in verdict.facts if f.label == Label.CONTRADICTED]
    assert notes == ["article: two months ahead - source: two months behind"], verdict


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sarah Price was jailed for 12 years in March 2020.", Label.SUPPORTED),
        ("Sarah Price was jailed for 12 years in February 2020.", Label.CONTRADICTED),
    ],
)
def test_a_weekday_in_a_dated_source_dates_the_event(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    """The source, published on Thursday 12 March 2020, says "on Thursday"."""
    folder = tmp_path_factory.mktemp("weekday")
    (folder / "a.md").write_text(
        '---\ntitle: "Nurse jailed"\npublisher: "Example Gazette"\npublished: "2020-03-12"\n'
        "---\n\nSarah Price, a 35-year-old nurse from Bristol, was jailed for 12 years at"
        " Bristol Crown Court on Thursday.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    ingest([folder], store, nlp=nlp)
    _, verdict = only_claim(text, store, nlp)
    assert verdict.label == label, verdict
    if label == Label.CONTRADICTED:
        assert "source: Thursday (12 March 2020)" in (verdict.facts[-1].note or ""), verdict


BUDGET = """---
title: "Northtown councillors approve cuts and a council tax rise"
publisher: "Example Gazette"
published: "2025-03-04"
kind: news
note: "Written for claimcheck's tests."
---

Northtown Council approved its budget on Tuesday 4 March 2025, six months after the
auditors' report. After a meeting that lasted four hours, 41 councillors voted in favour
and five voted against.

The budget contains savings of around £90m across three financial years. The savings are
the condition of £400m in support from the government.

Council tax will go up by 9.99% in April 2025, and by about 21% over two years. A council
that wants to raise council tax by more than 4.99% in a year must hold a referendum.

The government named on 2 October 2024 the commissioners who will oversee the council, a
month after the auditors' report.
"""


@pytest.fixture(scope="module")
def budget_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, BUDGET)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time between two events is no length of a meeting ("lasted four hours"), nor
        # the time to another event of another day ("a month after", on 2 October 2024);
        # the vote's bare figures are stated by the passage that counts the councillors.
        ("Six months after the auditors' report, on 4 March 2025, councillors voted by 41"
         " to five for a budget with about £90m of cuts over three years.",
         {"Six months": Label.SUPPORTED, "41": Label.SUPPORTED, "five": Label.SUPPORTED,
          "£90m": Label.SUPPORTED, "three years": Label.SUPPORTED}),
        # The claim's other sum ("about £90m" / "around £90m") is that one's, not a
        # rival of "£400m".
        ("The budget has about £90m of cuts, the price of £400m in support from the"
         " government.", {"£90m": Label.SUPPORTED, "£400m": Label.SUPPORTED}),
        # The threshold "beyond which" a referendum is needed is "more than 4.99%", and
        # the passage's 21% over two years, beside the claim's 9.99%, is no rival of it.
        ("Council tax will go up by 9.99% in April, well above the 4.99% beyond which a"
         " council must hold a referendum.",
         {"9.99%": Label.SUPPORTED, "4.99%": Label.SUPPORTED}),
    ],
)  # fmt: skip
def test_the_figures_of_a_long_sentence_are_read_each_in_its_place(
    budget_store: Store, nlp, text: str, expected: dict
) -> None:
    _, claim = only_claim(text, budget_store, nlp)
    labels = {f.fact.text: f.label for f in claim.facts if f.fact.value is not None}
    for words, label in expected.items():
        found = next(v for k, v in labels.items() if words in k)
        assert found == label, (words, claim)


def store_of_sources(
    tmp_path_factory: pytest.TempPathFactory, nlp, bodies: dict[str, tuple[str, str]]
) -> Store:
    """A store of hand-written sources: file name -> (date of publication, body), each
    with the front matter of SOURCE."""
    folder = tmp_path_factory.mktemp("sources")
    head = SOURCE.split("---\n\n")[0] + "---\n\n"
    for name, (published, body) in bodies.items():
        (folder / name).write_text(
            head.replace("2024-03-05", published) + body + "\n", encoding="utf-8"
        )
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    assert not ingest([folder], store, nlp=nlp).failed
    return store


def test_a_person_in_the_role_beside_the_quoted_passage_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """The passage that holds the quotation says "He"; the sentence before it names the
    leader. Another source names the claim's man, as the one the leader took over from:
    that covers his name, not his role."""
    vote = (
        'The council\'s leader, Jane Holt, apologised "unreservedly" to residents for the'
        ' scale of the cuts. She told councillors that it was "a budget nobody wanted to set".'
    )
    profile = "Jane Holt took over from Tom Brake as leader of the council in May 2023."
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {"vote.md": ("2024-03-05", vote), "profile.md": ("2023-06-01", profile)},
    )
    text = (
        'The council\'s leader, {}, apologised "unreservedly" for the cuts and told the'
        ' meeting that this was "a budget nobody wanted to set".'
    )
    assert only_claim(text.format("Jane Holt"), store, nlp)[1].label == Label.SUPPORTED
    _, claim = only_claim(text.format("Tom Brake"), store, nlp)
    assert claim.label == Label.CONTRADICTED, claim


def test_the_words_of_a_bound_tie_no_figure_to_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "Around £300m" of savings shares only "budget" and "around" with "budgeted at
    about £19m, ... around £100m": no rival of the £19m the other passage states."""
    system = (
        "The council moved from its old payroll system to new software in April 2022. The"
        " project was originally budgeted at about £19m. The council now expects the cost,"
        " including the work needed to put it right, to reach around £100m."
    )
    budget = "The budget contains savings of around £300m across two years."
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {"system.md": ("2024-03-05", system), "budget.md": ("2024-03-06", budget)},
    )
    _, claim = only_claim(
        "Its troubles were deepened by the software that replaced its old payroll system in"
        " April 2022: budgeted at about £19m, it could end up costing around £100m once it"
        " has been put right.",
        store,
        nlp,
    )
    budgeted = next(f for f in claim.facts if f.fact.text == "£19m")
    assert budgeted.label == Label.SUPPORTED, budgeted


RISE = (
    "Council tax in the city will go up by 9.99% in April 2024. Under the usual rules, a"
    " council that wants to raise council tax by more than 4.99% in a year must hold a local"
    " referendum."
)


def test_a_comparison_of_the_claim_s_own_figures_is_arithmetic(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "9.99%, well above the 4.99% ...": no source need say "above" when both figures are
    stated; "well below" is wrong whatever the sources say."""
    text = (
        "Council tax will go up by 9.99% from April, well {} the 4.99% beyond which a council"
        " must hold a referendum."
    )
    claim = against_one_passage(tmp_path_factory, nlp, RISE, text.format("above"))
    assert claim.label == Label.SUPPORTED, claim
    claim = against_one_passage(tmp_path_factory, nlp, RISE, text.format("below"))
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == (
        "article: 9.99% from April, well below the 4.99% - sources: 9.99%, more than 4.99%"
    )


def test_another_threshold_is_contradicted_not_met_by_a_figure_past_it(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    text = (
        "Council tax will go up by 9.99% from April, well above the 2.99% beyond which a council"
        " must hold a referendum."
    )
    claim = against_one_passage(tmp_path_factory, nlp, RISE, text)
    assert claim.label == Label.CONTRADICTED, claim
    [threshold] = [f for f in claim.facts if f.fact.text == "2.99%"]
    assert threshold.label == Label.CONTRADICTED


def test_a_negation_before_an_adverb_denies_the_verb_after_it(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "would *not normally* have to hold" is no "must hold"; nor is "rose *slightly*"
    the passage's "rose sharply"."""
    text = (
        "Council tax will go up by 9.99% from April, well above the 4.99% beyond which a council"
        " would not normally have to hold a referendum."
    )
    claim = against_one_passage(tmp_path_factory, nlp, RISE, text)
    assert claim.label != Label.SUPPORTED, claim
    prices = "House prices in the town rose sharply, by 4% in the year to March."
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        prices,
        "House prices in the town rose slightly, by 4% in the year to March.",
    )
    assert claim.label != Label.SUPPORTED, claim


def test_a_comparison_the_other_way_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Most of the claims were brought by women who were paid less than men in comparable jobs."
    )
    text = "Most of the claims were brought by women who were paid {} than men in comparable jobs."
    assert against_one_passage(tmp_path_factory, nlp, passage, text.format("less")).label == (
        Label.SUPPORTED
    )
    claim = against_one_passage(tmp_path_factory, nlp, passage, text.format("more"))
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == "article: more than men - source: less than men"


def test_a_clause_no_source_states_is_no_addition_to_a_long_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """The share of added words holds clause by clause: a long claim whose other clauses a
    source states in full does not carry a clause in another's place."""
    passage = (
        "The council said the main reason for the notice was its liability for equal pay"
        " claims. In June it estimated that liability at between £650m and £760m, and it said"
        " the sum was still increasing by between £5m and £14m each month."
    )
    text = (
        "The chief reason was {}: in June the council had estimated its liability for claims"
        " at between £650m and £760m, and it said the sum was still growing by up to £14m a"
        " month."
    )
    claim = against_one_passage(tmp_path_factory, nlp, passage, text.format("equal pay"))
    assert claim.label == Label.SUPPORTED, claim
    claim = against_one_passage(tmp_path_factory, nlp, passage, text.format("pension costs"))
    assert claim.label == Label.UNVERIFIED, claim
    assert claim.uncovered == ("pension", "costs")


def test_a_time_between_two_events_is_no_time_a_figure_is_spread_over(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "Two weeks after the notice" is not denied by "21% over the two years", by the
    count judge or through the event the passage tells."""
    passage = (
        "The council said council tax in the city would go up by about 21% over the two years."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Two weeks after the notice, the council said council tax in the city would go up.",
    )
    assert claim.label == Label.UNVERIFIED, claim
    spread = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "The council said council tax in the city would go up by about 21% over three years.",
    )
    assert spread.label == Label.CONTRADICTED, spread


SYSTEM = (
    "The council moved from its old payroll system to new software in April 2022. The project"
    " was originally budgeted at about £19m. The council now expects the cost, including the"
    " work needed to put it right, to reach around £100m."
)


@pytest.mark.parametrize(
    ("multiple", "label"),
    [
        ("budgeted at about £19m, it will cost around £100m, more than five times as much",
         Label.SUPPORTED),
        ("budgeted at about £19m, it will cost around £100m, more than ten times as much",
         Label.CONTRADICTED),
        ("it will cost around £100m, almost three times the £19m it was budgeted at",
         Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_multiple_of_the_claim_s_own_figures_is_arithmetic(
    tmp_path_factory: pytest.TempPathFactory, nlp, multiple: str, label: Label
) -> None:
    """ "£19m ... £100m, more than ten times as much": 100 / 19 is about five, whatever a
    source says of the multiple."""
    text = f"The software replaced the old payroll system in April 2022: {multiple}."
    claim = against_one_passage(tmp_path_factory, nlp, SYSTEM, text)
    if label == Label.SUPPORTED:
        assert not any(f.label == Label.CONTRADICTED for f in claim.facts), claim
        return
    assert claim.label == label, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note is not None and "£19m and £100m, 5.3 times" in content.note


def test_a_sum_paid_per_another_time_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "The council must meet the commissioners' fees: £1,200 a day for the lead commissioner"
        " and £1,100 a day for each of the others."
    )
    text = "The council must meet the fees of the lead commissioner, £1,200 {} ."
    claim = against_one_passage(tmp_path_factory, nlp, passage, text.format("a day"))
    assert claim.label == Label.SUPPORTED, claim
    claim = against_one_passage(tmp_path_factory, nlp, passage, text.format("an hour"))
    assert claim.label == Label.CONTRADICTED, claim
    [fee] = [f for f in claim.facts if f.fact.kind == FactKind.MONEY]
    assert fee.note == "article: £1,200 an hour - source: £1,200 a day"


def test_a_source_does_not_deny_in_one_passage_what_it_states_in_another(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """A report whose headline gives this year's fine and whose body gives the previous
    one states the previous one: it does not dispute it."""
    report = (
        "Stonehaven crash: Network Rail fined £6.7m over the fatal derailment of a passenger"
        " train.\n\nIn 2012 it was fined £4m over the last crash in which a passenger was killed, the"
        " derailment in Cumbria in 2007."
    )
    store = store_of_sources(tmp_path_factory, nlp, {"report.md": ("2023-09-08", report)})
    _, claim = only_claim(
        "Network Rail's previous fine for a crash that killed a passenger was £4m in 2012,"
        " over a derailment in Cumbria in 2007.",
        store,
        nlp,
    )
    [fine] = [f for f in claim.facts if f.fact.text == "£4m"]
    assert fine.label == Label.SUPPORTED, fine


def test_a_passage_s_figure_that_the_claim_says_elsewhere_is_no_rival(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "the other six people aboard" is the claim's "the other six", no rival of nine."""
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "aboard.md": ("2020-08-14", "Nine people were on the train."),
            "toll.md": (
                "2022-03-10",
                "Three people were killed and the other six people aboard were injured.",
            ),
        },
    )
    text = "Of the nine people aboard, three were killed and the other six were {}."
    assert only_claim(text.format("hurt"), store, nlp)[1].label == Label.SUPPORTED
    assert only_claim(text.format("unhurt"), store, nlp)[1].label == Label.CONTRADICTED


def test_a_negation_reverses_a_predicate_about_the_same_thing_only(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "was not travelling in the direction in which it had set out" is not reversed by
    "was travelling at 73 mph"; "was considered unsafe" is by "did not regard the trains,
    which are about 40 years old, as unsafe"."""
    passage = (
        "The train was travelling at 73 mph when it struck the debris. RAIB said it did not"
        " regard the trains, which are about 40 years old, as unsafe."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "The train was not travelling in the direction in which it had set out when it struck"
        " the debris at 73 mph.",
    )
    assert claim.label != Label.CONTRADICTED, claim
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "The trains, some 40 years old, were considered unsafe by RAIB.",
    )
    assert claim.label == Label.CONTRADICTED, claim


def test_a_date_that_opens_a_period_is_not_denied_by_its_other_end(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Network Rail has been fined following the derailment at Carmont on 12 August 2020."
        " The company pleaded guilty at the High Court to a health and safety charge."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Network Rail pleaded guilty at the High Court to a health and safety charge covering"
        " the period from May 2011 until the derailment at Carmont.",
    )
    assert claim.label != Label.CONTRADICTED, claim


def test_an_unstated_phrase_is_no_addition(tmp_path_factory: pytest.TempPathFactory, nlp) -> None:
    """ "struck a *tree* that had been *blown* onto the line": two unstated words with
    only function words between them are a phrase of the claim's own, not a word it adds."""
    passage = (
        "On 12 August 2020 the 06:38 ScotRail service from Aberdeen to Glasgow Queen Street"
        " struck gravel that had been washed onto the line at Carmont and derailed."
    )
    text = (
        "On 12 August 2020 the 06:38 ScotRail service from Aberdeen to Glasgow Queen Street"
        " struck {} onto the line at Carmont and derailed."
    )
    claim = against_one_passage(
        tmp_path_factory, nlp, passage, text.format("a tree that had been blown")
    )
    assert claim.label == Label.UNVERIFIED, claim
    claim = against_one_passage(
        tmp_path_factory, nlp, passage, text.format("gravel that had been washed")
    )
    assert claim.label == Label.SUPPORTED, claim
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        text.format("gravel that had been washed").replace("06:38", "08:38"),
    )
    assert claim.label == Label.CONTRADICTED, claim


SLOTS = """The 07:15 train from Leeds to Hull Paragon struck a fallen tree near Selby in North
Yorkshire on 3 February 2021. The Northern service was carrying 41 passengers.

Lady Halloran sentenced the driver on 9 May 2022 to 200 hours of unpaid work. The new
signal box cost £2.4m to build. Its design was drawn up by the engineering firm Halcrow.
"""


@pytest.fixture(scope="module")
def slot_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, SOURCE.split("---\n\n")[0] + "---\n\n" + SLOTS)


@pytest.mark.parametrize(
    ("text", "note"),
    [
        # after the same preposition and the same word before it
        (
            "The 07:15 train from Leeds to Scarborough struck a fallen tree on 3 February 2021.",
            "Scarborough - source: Hull Paragon",
        ),
        # before the same noun
        (
            "The Grand Central service was carrying 41 passengers.",
            "Grand Central - source: Northern",
        ),
        # after the same title
        (
            "Lady Whitcombe sentenced the driver on 9 May 2022 to 200 hours of unpaid work.",
            "Lady Whitcombe - source: Lady Halloran",
        ),
        # after the same noun, in the sentence beside the passage that holds the figure
        (
            "The new signal box cost £2.4m, to a design by the engineers Mott.",
            "Mott - source: Halcrow",
        ),
        # after a preposition that follows the same name: the name ties the passage to
        # the claim's event by itself
        (
            "The 07:15 train from Leeds to Hull Paragon struck a fallen tree near Selby in"
            " Lincolnshire on 3 February 2021.",
            "Lincolnshire - source: North Yorkshire",
        ),
    ],
)
def test_a_name_no_source_states_in_another_name_s_slot_contradicts(
    slot_store: Store, nlp, text: str, note: str
) -> None:
    _, claim = only_claim(text, slot_store, nlp)
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == f"article: {note}"


@pytest.mark.parametrize(
    "text",
    [
        "The 07:15 train from Leeds to Hull Paragon struck a fallen tree on 3 February 2021.",
        "The Northern service was carrying 41 passengers.",
        "Lady Halloran sentenced the driver on 9 May 2022 to 200 hours of unpaid work.",
    ],
)
def test_the_names_in_their_own_slots_stand(slot_store: Store, nlp, text: str) -> None:
    _, claim = only_claim(text, slot_store, nlp)
    assert claim.label == Label.SUPPORTED, claim


def test_a_name_the_passage_puts_elsewhere_is_contradicted_by_the_one_in_its_slot(
    slot_store: Store, nlp
) -> None:
    # "Selby" is stated, but "near" the line, not after "from Leeds to".
    _, claim = only_claim(
        "The 07:15 train from Leeds to Selby struck a fallen tree on 3 February 2021.",
        slot_store,
        nlp,
    )
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == "article: Selby - source: Hull Paragon"


def test_a_name_listed_in_the_slot_with_another_stands(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "On 3 February 2021 the 07:15 train from Leeds to Hull Paragon and Selby struck a"
        " fallen tree.",
        "The 07:15 train from Leeds to Selby struck a fallen tree on 3 February 2021.",
    )
    assert claim.label == Label.SUPPORTED, claim


ELAPSED_SOURCE = """The inquiry published its second and final report on 4 September 2024.

The council appointed its new chief executive in May 2023.
"""


@pytest.mark.parametrize(
    ("article", "label", "note"),
    [
        # from the date of the sentence before to the claim's own date
        (
            "The first report came out on 30 October 2019. The second and final report came"
            " almost five years later, on 4 September 2024.",
            Label.SUPPORTED,
            None,
        ),
        (
            "The first report came out on 30 October 2019. The second and final report came"
            " almost three years later, on 4 September 2024.",
            Label.CONTRADICTED,
            "article: three years - the article's own dates: 30 October 2019 to"
            " 4 September 2024 (4.9 years)",
        ),
        # from the date of the last sentence that told of "the notice", however far back
        (
            "On 5 September 2023 the council issued a section 114 notice. Its leader"
            " resigned. The council appointed its new chief executive in May 2023, four years"
            " before the notice.",
            Label.CONTRADICTED,
            "article: four years - the article's own dates: May 2023 to 5 September 2023"
            " (0.3 years)",
        ),
    ],
)
def test_a_time_between_two_of_the_article_s_dates_is_read_from_them(
    tmp_path_factory: pytest.TempPathFactory, nlp, article: str, label: Label, note: str | None
) -> None:
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + ELAPSED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(article, store, nlp=nlp)
    [counted] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == label, counted
    if note is not None:
        assert counted.note == note


DATED_SOURCE = """Dalian Atkinson died on 15 August 2016 after officers used a Taser on him.

The watchdog sent its file to prosecutors in October 2018.

Prosecutors charged the constable with murder on 7 November 2019.

The constable was jailed for eight years on 29 June 2021.

The force dismissed the constable on 9 July 2021 at a hearing in Worcester.
"""
DATED_HEAD = '---\ntitle: "Column"\npublished: "2023-03-20"\n---\n\n'


@pytest.mark.parametrize(
    ("article", "label"),
    [
        # a time gone by since the claim's own date, to the article's day (20 March 2023)
        (
            "Nearly seven years have passed since he died, in the early hours of 15 August 2016.",
            Label.SUPPORTED,
        ),
        (
            "Nearly ten years have passed since he died, in the early hours of 15 August 2016.",
            Label.CONTRADICTED,
        ),
        # from the date of the sentence that told of the death ("died" / "the death")
        (
            "Dalian Atkinson died on 15 August 2016. It was October 2018, more than two"
            " years after the death, before the watchdog sent its file to prosecutors.",
            Label.SUPPORTED,
        ),
        (
            "Dalian Atkinson died on 15 August 2016. It was October 2018, less than a"
            " year after the death, before the watchdog sent its file to prosecutors.",
            Label.CONTRADICTED,
        ),
        # from the last date, past a sentence with none: it can agree, never deny
        (
            "The watchdog sent its file to prosecutors in October 2018. Its director called"
            " the case complex. A year later, on 7 November 2019, prosecutors charged the"
            " constable with murder.",
            Label.SUPPORTED,
        ),
        (
            "The watchdog sent its file to prosecutors in October 2018. Its director called"
            " the case complex. A month later, on 7 November 2019, prosecutors charged the"
            " constable with murder.",
            Label.UNVERIFIED,
        ),
    ],
)
def test_a_time_gone_by_is_read_from_the_article_s_dates(
    tmp_path_factory: pytest.TempPathFactory, nlp, article: str, label: Label
) -> None:
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(DATED_HEAD + article, store, nlp=nlp)
    [counted] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == label, counted


@pytest.mark.parametrize(
    ("article", "day", "label"),
    [
        # counted from the sentence that told of the jailing
        (
            "On 23 June 2021 a jury convicted the constable of manslaughter. Six days later"
            " a judge jailed him for eight years. Ten days after he was jailed, at a hearing"
            " in Worcester, the force dismissed the constable.",
            "2021-07-09",
            Label.SUPPORTED,
        ),
        (
            "On 23 June 2021 a jury convicted the constable of manslaughter. Six days later"
            " a judge jailed him for eight years. Ten weeks after he was jailed, at a hearing"
            " in Worcester, the force dismissed the constable.",
            "2021-09-07",
            Label.CONTRADICTED,
        ),
        # the sentence before dates only an older event: "six days later" counts from
        # the last day named
        (
            "On 23 June 2021 a jury convicted the constable of manslaughter. No officer had"
            " been convicted of it since 1986. Six days later a judge jailed the constable"
            " for eight years.",
            "2021-06-29",
            Label.SUPPORTED,
        ),
    ],
)
def test_a_time_after_an_event_the_article_told_of_dates_the_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp, article: str, day: str, label: Label
) -> None:
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(DATED_HEAD + article, store, nlp=nlp)
    [dated] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.DATE]
    assert dated.fact.value is not None and dated.fact.value.date == day
    assert dated.label == label, dated


@pytest.mark.parametrize(
    ("article", "label"),
    [
        # the article never dates the death: the sources do (15 August 2016)
        (
            "In October 2018, more than two years after the death, the watchdog sent its"
            " file to prosecutors.",
            Label.SUPPORTED,
        ),
        (
            "In October 2018, more than four years after the death, the watchdog sent its"
            " file to prosecutors.",
            Label.CONTRADICTED,
        ),
        # a word of the event's family ("died" / "the death"), counted from in a clause
        (
            "On 7 November 2019, three years after he died, prosecutors charged the"
            " constable with murder.",
            Label.SUPPORTED,
        ),
        (
            "On 7 November 2019, six years after he died, prosecutors charged the"
            " constable with murder.",
            Label.CONTRADICTED,
        ),
    ],
)
def test_a_time_after_an_event_only_the_sources_date_is_read_from_their_date(
    tmp_path_factory: pytest.TempPathFactory, nlp, article: str, label: Label
) -> None:
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(DATED_HEAD + article, store, nlp=nlp)
    [counted] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == label, counted
    if label == Label.SUPPORTED:
        assert "15 August 2016" in (counted.note or ""), counted


def test_a_length_of_time_after_an_event_is_no_time_between_two_days(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "had served for more than a year and a day after the death" is how long, not the
    time from the death to the claim's date (2019): the count is not denied by it."""
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + "The constable, charged in November 2019, had served for more than a"
        " year and a day after the death.",
        store,
        nlp=nlp,
    )
    counts = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert counts and all(f.label != Label.CONTRADICTED for f in counts), counts


@pytest.mark.parametrize(
    ("counted", "not_label"),
    [("ten months", Label.CONTRADICTED), ("19 months", Label.SUPPORTED)],
)
def test_a_time_after_an_event_two_sources_date_apart_is_left_open(
    tmp_path_factory: pytest.TempPathFactory, nlp, counted: str, not_label: Label
) -> None:
    """Two crashes on two days: which one the claim counts from is open, so a time from
    "the crash" that one date gives (19 months) is not supported, nor one that neither
    gives (ten months) denied."""
    source = (
        SOURCE.split("---\n\n")[0]
        + "---\n\n"
        + "A jet crashed onto the road on 22 August 2015 at the air show.\n\n"
        + "A glider crashed onto the same road on 3 May 2012 at the air show.\n\n"
        + "The investigators published their final report in March 2017.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + f"In March 2017, {counted} after the crash, the investigators"
        " published their final report.",
        store,
        nlp=nlp,
    )
    [count] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert count.label != not_label, count


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The drain was built in 2011 by Carillion.", Label.SUPPORTED),
        # "the design" further on in the passage is no verb that gives the date
        ("The drain was designed in 2011 by Carillion.", Label.UNVERIFIED),
    ],
)
def test_the_verb_that_gives_a_date_is_read_beside_the_passage_s_date(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = (
        "The drain had been built by the contractor Carillion between 2011 and 2012, as part"
        " of a project to deal with a known problem at the cutting, and it departed in"
        " several ways from the design."
    )
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == label, found
    assert ("designed" in found.uncovered) is (label == Label.UNVERIFIED)


@pytest.mark.parametrize(
    ("claim", "note"),
    [
        ("Of the nine people aboard, three were killed and the other six were hurt.", None),
        (
            "Of the nineteen people aboard, three were killed and the other six were hurt.",
            "article: nineteen people - sources: three, the other six; 3 and 6 make 9, not 19",
        ),
        (
            "Of the nine people aboard, five were killed and the other six were hurt.",
            "article: five - sources: nine people, the other six; 5 and 6 make 11, not 9",
        ),
    ],
)
def test_a_whole_and_its_parts_must_add_up(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, note: str | None
) -> None:
    passage = (
        "Nine people were on the train when it derailed. Three people were killed and the"
        " other six people aboard were injured."
    )
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == (Label.SUPPORTED if note is None else Label.CONTRADICTED), found
    if note is not None:
        assert note in [f.note for f in found.facts], found


def test_a_passage_figure_before_the_word_of_another_of_the_claim_s_figures_is_that_one_s(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "Three people were killed", in another source, is the counterpart of "five were
    # killed", not a rival that disputes the nine aboard.
    head = SOURCE.split("---\n\n")[0] + "---\n\n"
    folder = tmp_path_factory.mktemp("counterpart")
    (folder / "local.md").write_text(
        head + "The service was the 06:38 from Aberdeen. Nine people were on the train.\n"
    )
    (folder / "report.md").write_text(
        head.replace("Example Gazette", "Example Herald")
        + "Three people were killed and the other six people aboard were injured.\n"
    )
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    assert not ingest([folder], store, nlp=nlp).failed
    [claim] = verify_text(
        "Of the nine people aboard, five were killed and the other six were hurt.", store, nlp=nlp
    ).claims
    [nine] = [f for f in claim.facts if f.fact.text == "nine people"]
    assert nine.label == Label.SUPPORTED, claim


SWAP_SOURCE = """---
title: "Three killed as train derails"
publisher: "Example Gazette"
published: "2020-08-14"
kind: news
note: "Written for claimcheck's tests."
---

They were the train's driver, Brett Hale, who was 45; its conductor, Donald Dean, who was
58; and Chris Stone, 62, who was travelling as a passenger.

Mr Stone was the first passenger to be killed in a train accident on Britain's railways
since 23 February 2007.
"""


@pytest.fixture(scope="module")
def swap_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, SWAP_SOURCE)


def test_an_age_that_is_another_person_s_in_the_passage_is_a_swapped_name(
    swap_store: Store, nlp
) -> None:
    # Three years on, 58 could read as 62 by the years between; but 62 is Chris Stone's.
    article = '---\ntitle: "Carmont"\npublished: "2023-09-15"\n---\n\n{}\n'
    text = article.format("The sixty-two-year-old Mr Dean was the conductor of the train.")
    [claim] = verify_text(text, swap_store, nlp=nlp).claims
    [age] = [f for f in claim.facts if f.fact.kind == FactKind.AGE]
    assert age.label == Label.CONTRADICTED, claim
    assert "62 is Chris Stone's age" in (age.evidence[0].note or ""), age
    [true] = verify_text(
        article.format("The sixty-two-year-old Mr Stone was a passenger on the train."),
        swap_store,
        nlp=nlp,
    ).claims
    assert [f.label for f in true.facts if f.fact.kind == FactKind.AGE] == [Label.SUPPORTED]


def test_a_copula_s_complement_denied_contradicts(swap_store: Store, nlp) -> None:
    _, claim = only_claim(
        "Mr Stone was not the first passenger to die in a train accident on Britain's"
        " railways since 23 February 2007.",
        swap_store,
        nlp,
    )
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == (
        "article: was not the first passenger - source: was the first passenger"
    )


@pytest.mark.parametrize(
    ("passage", "claim", "note"),
    [
        # the opposite inside a compound, written apart in the passage
        (
            "The Herald named the film as the fifth best film released in 2016.",
            "The film was named the fifth-worst film of 2016.",
            "article: fifth-worst - source: fifth best",
        ),
        # a name no source states, by the date the passage gives, after another
        # preposition and a few more words off
        (
            "Carroll signed for Liverpool on the last day of the transfer window on 31 January"
            " 2011 for a fee of £35 million.",
            "Carroll transferred to Arsenal on 31 January 2011.",
            "article: Arsenal - source: Liverpool",
        ),
        # a verdict the passage's "not" denies, whatever stands between
        (
            "The jury at Preston Crown Court returned its not guilty verdict on Thursday after"
            " a retrial that lasted seven weeks.",
            "After a retrial that lasted seven weeks, the jury at Preston Crown Court found"
            " him, on Thursday, guilty.",
            "article: guilty - source: its not guilty",
        ),
        # a day of birth is no day of death
        (
            "Mark Knopfler was born on 12 August 1949 in Glasgow, Scotland.",
            "Mark Knopfler died on 12 August 1949.",
            "article: died - source: born",
        ),
        # two teams of one city, the claim's tagged as a place
        (
            "Dan Harlow (born 1988) is an American football defensive tackle for the New"
            " York Giants of the National Football League (NFL).",
            "Dan Harlow plays for New York Jets in the NFL.",
            "article: New York Jets - source: the New York Giants",
        ),
    ],
)
def test_changes_that_a_passage_about_the_same_event_denies(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, claim: str, note: str
) -> None:
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == Label.CONTRADICTED, found
    assert note in [f.note for f in found.facts], found


CARMONT = """---
title: "Carmont report published"
publisher: "Example Gazette"
published: "2022-03-10"
kind: news
note: "Written for claimcheck's tests."
---

Passenger numbers were very low because of the Covid-19 pandemic. ScotRail said that
before the pandemic the 06:38 service would usually have carried between 25 and 30
passengers, and the investigators said that with a normal load the number of casualties
would almost certainly have been significantly higher.

The train hit debris on the line while travelling at 73 mph, which is just below the
normal permitted speed for that section of line.

Network Rail's counsel said the guilty plea had spared the families a trial.
"""


@pytest.fixture(scope="module")
def carmont_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    return store_of_source(tmp_path_factory, nlp, CARMONT)


_EMPTY = (
    "Because of the pandemic the train was nearly empty: ScotRail said that before Covid the"
    " service would have carried 25 to 30 passengers, and the investigators judged that the"
    " toll would almost certainly have been far higher."
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (_EMPTY, Label.SUPPORTED),
        # the opposite, where "low" beside the passage would state the word
        (_EMPTY.replace("far higher", "far lower"), Label.CONTRADICTED),
        # a cause is never only added
        (_EMPTY.replace("the pandemic", "a heatwave"), Label.UNVERIFIED),
        # the speaker of the figures is the passage's that states them
        (_EMPTY.replace("ScotRail said", "Network Rail said"), Label.UNVERIFIED),
        (
            "The train hit the debris at 73mph, just under the usual speed for that stretch.",
            Label.SUPPORTED,
        ),
        # the other side of the same reference
        (
            "The train hit the debris at 73mph, well over the usual speed for that stretch.",
            Label.CONTRADICTED,
        ),
    ],
)
def test_findings_speakers_and_sides_are_read_as_the_passage_gives_them(
    carmont_store: Store, nlp, text: str, label: Label
) -> None:
    _, claim = only_claim(text, carmont_store, nlp)
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("count", "label"), [("Three", Label.SUPPORTED), ("Four", Label.UNVERIFIED)]
)
def test_a_number_of_people_is_stated_by_a_list_of_that_many_names(
    tmp_path_factory: pytest.TempPathFactory, nlp, count: str, label: Label
) -> None:
    passage = (
        "Donald Denton, a former chief superintendent, Alan Foster, a former detective chief"
        " inspector, and Peter Metcalf, a solicitor, are each charged with doing acts intended"
        " to pervert the course of justice."
    )
    text = f"{count} other men were accused of perverting the course of justice."
    verdict = against_one_passage(tmp_path_factory, nlp, passage, text)
    [number] = [f for f in verdict.facts if f.fact.kind == FactKind.NUMBER]
    assert number.label == label, number


@pytest.mark.parametrize(
    "lead", ["Just as important to the families,", "Just as damning,", "Worryingly,"]
)
def test_a_weighing_that_leads_the_sentence_is_the_article_s_own(
    tmp_path_factory: pytest.TempPathFactory, nlp, lead: str
) -> None:
    passage = (
        "The jurors decided that nothing in the conduct of the supporters had caused the"
        " dangerous situation at the turnstiles."
    )
    text = f"{lead} {passage[0].lower()}{passage[1:]}"
    verdict = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert verdict.label == Label.SUPPORTED, verdict
    assert verdict.uncovered == ()


def test_a_quotation_one_source_gives_exactly_is_not_disputed_by_another_s_paraphrase(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    quoted = (
        'Rishi Sunak told MPs on Wednesday that the scandal was "one of the greatest'
        " miscarriages of justice in our nation's history\"."
    )
    paraphrased = (
        "The government announced that it would legislate, after the prime minister, Rishi"
        " Sunak, described the scandal as one of the greatest miscarriages of justice in the"
        " nation's history."
    )
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {"pa.md": ("2024-01-10", quoted), "gov.md": ("2024-05-24", paraphrased)},
    )
    text = (
        'Rishi Sunak told MPs that the scandal was "one of the greatest miscarriages of'
        " justice in our nation's history\"."
    )
    _, claim = only_claim(text, store, nlp)
    [quote] = [f for f in claim.facts if f.fact.kind == FactKind.QUOTE]
    assert quote.label == Label.SUPPORTED, quote


# --- names in a list, what should have been done, one complement, another event --------


def test_names_joined_by_a_verb_are_no_list(tmp_path_factory: pytest.TempPathFactory, nlp) -> None:
    # "Jacob Schilt, both 23, were Worthing United footballers": a clause, not a list of
    # three names, so the passage's list of the dead names no rival of "Worthing United".
    passage = (
        "The men who died were Maurice Abrahams, 76; Dylan Archer, 42; Matthew Grimstone,"
        " 23; and Jacob Schilt, 23. Matthew Grimstone and Jacob Schilt, both 23, were"
        " Worthing United footballers driving to a match."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Matthew Grimstone and Jacob Schilt, both 23, were Worthing United footballers"
        " driving to a match.",
    )
    assert claim.label == Label.SUPPORTED, claim


def test_a_short_given_name_is_no_other_person(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "They are Maurice Abrahams, Dylan Archer, Matthew Grimstone, Matthew Jones and"
        " Jacob Schilt, who all died on the A27."
    )
    claim = against_one_passage(
        tmp_path_factory, nlp, passage, "Maurice Abrahams and Matt Jones died on the A27."
    )
    assert claim.label == Label.SUPPORTED, claim


@pytest.mark.parametrize(
    ("passage", "label"),
    [
        (
            "On 22 August 2015 the pilot flew the loop too low and had not pulled out of it.",
            Label.SUPPORTED,
        ),
        (
            "On 22 August 2015 the pilot flew the loop too low and pulled out of it.",
            Label.UNVERIFIED,
        ),
    ],
)
def test_what_should_have_been_done_was_not_done(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, label: Label
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "On 22 August 2015 the pilot flew the loop too low and carried on when he should have"
        " pulled out of it.",
    )
    assert claim.label != Label.CONTRADICTED, claim
    if label == Label.SUPPORTED:
        assert "pulled" not in claim.uncovered


@pytest.mark.parametrize(
    ("passage", "label"),
    [
        (
            "The airshow, which had been held at the airfield for many years, has not been"
            " staged since the crash.",
            Label.SUPPORTED,
        ),
        (
            "The airshow, which had been held at the airfield for many years, has been"
            " staged every year since the crash.",
            Label.CONTRADICTED,
        ),
    ],
)
def test_two_verbs_that_deny_one_complement_deny_the_same_thing(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, label: Label
) -> None:
    claim = against_one_passage(
        tmp_path_factory, nlp, passage, "The airshow has not been held since the crash."
    )
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("passage", "claim"),
    [
        (
            "The pilot was charged in June 2018, almost three years after the crash.",
            "Nearly four years after he was acquitted, the coroner gave her findings.",
        ),
        # the passage that states the claim's other figure (11 deaths) counts from another
        (
            "The 11 deaths were unlawful killings, the coroner concluded, more than seven years"
            " after the disaster.",
            "Nearly four years after he was acquitted, the coroner concluded that the 11"
            " deaths were unlawful killings.",
        ),
    ],
)
def test_a_time_from_another_event_denies_nothing(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, claim: str
) -> None:
    # the passage counts from the crash, the claim from the acquittal
    claim = against_one_passage(tmp_path_factory, nlp, passage, claim)
    [counted] = [f for f in claim.facts if f.fact.text == "four years"]
    assert counted.label != Label.CONTRADICTED, counted


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("In 2021 Monk was cleared of murder at Birmingham Crown Court.", Label.SUPPORTED),
        # cleared of another charge than the one the passage names
        ("In 2021 Monk was cleared of misconduct at Birmingham Crown Court.", Label.UNVERIFIED),
    ],
)
def test_a_verb_is_stated_with_its_object(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = (
        "In 2021 Monk was convicted of manslaughter and cleared of murder at Birmingham"
        " Crown Court. The gross misconduct hearing had a clear outcome."
    )
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == label, found
    assert ("cleared" in found.uncovered) is (label == Label.UNVERIFIED)


def test_a_sentence_beside_that_denies_the_word_elsewhere_leaves_the_passage_s_own(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "does not find anyone guilty" beside "I find that ...": the passage finds.
    passage = (
        'On 20 December 2022 the coroner said: "I find that the eleven men were unlawfully'
        ' killed." An inquest does not find anyone guilty of an offence.'
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        'On 20 December 2022 the coroner said she found "that the eleven men were unlawfully'
        ' killed".',
    )
    assert claim.label == Label.SUPPORTED, claim


def test_the_same_judgement_denied_is_a_contradiction(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "The inquiry said the stay-put advice should have been dropped at about 1.50am.",
        "The stay-put advice should not have been dropped at about 1.50am, the inquiry said.",
    )
    assert claim.label == Label.CONTRADICTED, claim


def test_a_neighbour_s_denial_stands_where_the_passage_says_it_of_others(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # the passage says "had caused" of the police; its neighbour denies it of the fans
    passage = (
        "On 26 April 2016 the jurors decided that nothing in the conduct of the supporters had"
        " caused or contributed to the dangerous situation at the turnstiles. The jury found"
        " that mistakes by the police had caused or contributed to the dangerous situation."
    )
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "On 26 April 2016 the jury found that the behaviour of the fans had caused or"
        " contributed to the dangerous situation at the turnstiles.",
    )
    assert claim.label != Label.SUPPORTED, claim


AIRSHOW = (
    "The crash was the deadliest at a British air show since 1952, when a jet broke up over"
    " the crowd at the Farnborough Airshow in Hampshire.\n\n"
    "The pilot was taken to hospital in Brighton.\n\n"
    "The road stayed closed for a week.\n\n"
    "Flowers were left at the old tollbridge.\n\n"
    "The Shoreham Airshow, which had been held at the airfield for many years, has not been"
    " staged since the crash."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The Shoreham Airshow itself has not been held since the crash.", True),
        # the name from one sentence, the verb from another's
        ("The Farnborough Airshow itself has not been held since the crash.", False),
    ],
)
def test_a_clause_s_subject_is_stated_with_its_verb(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, supported: bool
) -> None:
    found = against_one_passage(tmp_path_factory, nlp, AIRSHOW, claim)
    assert (found.label == Label.SUPPORTED) is supported, found


def test_a_verb_the_claim_denies_is_not_stated_by_a_verb_done(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = "Doctors have kept Andy Hill in an induced coma since the crash on 22 August 2015."
    found = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        "Andy Hill has not been held in an induced coma since the crash on 22 August 2015.",
    )
    assert found.label != Label.SUPPORTED, found


@pytest.mark.parametrize(("count", "label"), [("two", Label.SUPPORTED), ("three", None)])
def test_a_count_of_the_people_the_claim_names_is_read_against_the_names(
    tmp_path_factory: pytest.TempPathFactory, nlp, count: str, label: Label | None
) -> None:
    passage = (
        "Two of the men who died on 22 August 2015, Matthew Grimstone and Jacob Schilt, both"
        " 23, were footballers driving to a match."
    )
    found = against_one_passage(
        tmp_path_factory,
        nlp,
        passage,
        f"On 22 August 2015, {count} of them, Matthew Grimstone and Jacob Schilt, both 23,"
        " were footballers driving to a match.",
    )
    if label is not None:
        assert found.label == label, found
    else:
        assert found.label == Label.CONTRADICTED, found
        assert any(
            "names 2: Matthew Grimstone and Jacob Schilt" in (f.note or "") for f in found.facts
        )


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Tobacco and alcohol are not allowed at the festival in 2019.", Label.SUPPORTED),
        ("Tobacco and alcohol are allowed at the festival in 2019.", Label.CONTRADICTED),
    ],
)
def test_a_verb_denied_is_stated_by_its_opposite_done(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = "Tobacco and alcohol are prohibited at the festival in 2019."
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == label, found


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        (
            "On 22 August 2015 none of the men who died was in the crowd: they were on the road.",
            Label.SUPPORTED,
        ),
        (
            "On 22 August 2015 all of the men who died were in the crowd: they were on the road.",
            Label.CONTRADICTED,
        ),
    ],
)
def test_all_of_a_group_against_none_of_it_is_a_contradiction(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = (
        "On 22 August 2015 none of the men who died was in the crowd at the airfield: they"
        " were on the road."
    )
    found = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert found.label == label, found


@pytest.mark.parametrize(("who", "label"), [("AAIB", Label.SUPPORTED), ("CAA", None)])
def test_whose_words_a_quotation_gives_is_an_attribution(
    tmp_path_factory: pytest.TempPathFactory, nlp, who: str, label: Label | None
) -> None:
    source = (
        SOURCE.split("---\n\n")[0].replace("Example Gazette", "AAIB")
        + "---\n\n"
        + "In March 2017 the AAIB said the aircraft did not achieve sufficient height at the"
        " apex of the loop.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    claim = only_claim(
        f"In the {who}'s words, in March 2017 the aircraft \"did not achieve sufficient height"
        ' at the apex" of the loop.',
        store,
        nlp,
    )[1]
    [said] = [f for f in claim.facts if f.fact.kind == FactKind.ATTRIBUTION]
    assert said.fact.text == who
    if label is not None:
        assert claim.label == label, claim
    else:
        assert said.label == Label.UNVERIFIED and claim.label != Label.SUPPORTED, claim


def test_an_age_then_is_read_at_the_sentence_s_date(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # 33 in a source of 17 March 2023; 32 "by then", in September 2022: consistent. Read
    # at the article's own day (20 March 2023), 32 would be denied.
    source = (
        SOURCE.split("---\n\n")[0].replace("2024-03-05", "2023-03-17")
        + "---\n\n"
        + ("PC Mary Ellen Smith, 33, was given a final written warning by the panel.\n")
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + "At a retrial in September 2022 a jury found PC Mary Ellen Smith, by then"
        " 32, not guilty.",
        store,
        nlp=nlp,
    )
    [age] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.AGE]
    assert age.label == Label.SUPPORTED, age


@pytest.mark.parametrize(("age", "label"), [(42, Label.SUPPORTED), (52, Label.CONTRADICTED)])
def test_an_age_then_a_year_old_is_read_at_the_time_of_its_event(
    tmp_path_factory: pytest.TempPathFactory, nlp, age: int, label: Label
) -> None:
    # 42 in a report of November 2016, 48 in one of June 2022: consistent. "then a
    # 42-year-old" is Dorris's age at his arrest, not at the article's day (20 March 2023).
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "arrest.md": (
                "2016-11-12",
                "The driver, Alfred Dorris, a 42-year-old from Beckenham, was arrested at"
                " the scene on suspicion of manslaughter.",
            ),
            "hearing.md": (
                "2022-06-10",
                "The driver, Alfred Dorris, 48, of Beckenham, pleaded not guilty at the"
                " first hearing.",
            ),
        },
    )
    report = verify_text(
        DATED_HEAD + f"The driver, Alfred Dorris, then a {age}-year-old from Beckenham, was"
        " arrested at the scene on suspicion of manslaughter.",
        store,
        nlp=nlp,
    )
    [found] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.AGE]
    assert found.label == label, found


@pytest.mark.parametrize(("age", "label"), [(38, Label.SUPPORTED), (45, Label.CONTRADICTED)])
def test_an_age_at_the_time_in_an_undated_sentence_is_no_age_of_today(
    tmp_path_factory: pytest.TempPathFactory, nlp, age: int, label: Label
) -> None:
    # "who was 38 at the time": the time the report of 2019 tells of. A report of 2021
    # giving 43 speaks of its own day, so it neither denies 38 nor bears out 45.
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "trial.md": (
                "2019-03-10",
                "Monk, who was 38 at the time, discharged his Taser at him three times.",
            ),
            "verdict.md": (
                "2021-06-29",
                "PC Benjamin Monk, 43, was convicted of manslaughter at Birmingham Crown Court.",
            ),
        },
    )
    report = verify_text(
        DATED_HEAD + f"PC Benjamin Monk, who was {age} at the time, fired his Taser at him"
        " three times.",
        store,
        nlp=nlp,
    )
    [found] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.AGE]
    assert found.label == label, found
    [times] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert times.label == Label.SUPPORTED, times


def test_two_nouns_for_one_event_count_the_same_time(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "after the explosion" / "after the bomb went off": one event in two words
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "On 22 May 2017 the fire service did not arrive at the arena until two hours after"
        " the bomb went off.",
        "On 22 May 2017 the fire service did not arrive at the arena until two minutes after"
        " the explosion.",
    )
    [counted] = [f for f in claim.facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == Label.CONTRADICTED, counted


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        (
            "Vintage jets were limited to flypasts, with high-energy aerobatics still permitted.",
            Label.CONTRADICTED,
        ),
        (
            "Vintage jets were limited to flypasts, and high-energy aerobatics were no longer"
            " allowed.",
            Label.SUPPORTED,
        ),
    ],
)
def test_no_longer_denies_the_verb_after_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    """ "would no longer be allowed" denies "still permitted", as "not allowed" would."""
    source = (
        SOURCE.split("---\n\n")[0]
        + "---\n\nVintage jet aircraft would be limited to flypasts and would no longer be"
        " allowed to carry out high-energy aerobatic manoeuvres such as loops.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(claim, store, nlp=nlp)
    assert report.claims[0].label == label, report.claims[0]


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a judgement of another course of events is not denied by the deed
        (
            "The review judged that with consistent good-quality maintenance the spillway"
            " would not have failed on 1 August 2019.",
            "The auxiliary spillway of Toddbrook Reservoir partly failed on 1 August 2019.",
        ),
        # a negation before an aside still negates the words after it
        (
            "A spillway installed in 1970 served for almost half a century without, as the"
            " Trust insists, a single inspection questioning its design.",
            "Successive inspections by independent engineers had not questioned the design of"
            " the spillway installed in 1970.",
        ),
    ],
)
def test_no_negation_contrast_where_both_sides_deny_or_one_judges_another_course(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, passage: str
) -> None:
    verdict = against_one_passage(tmp_path_factory, nlp, passage, claim)
    assert verdict.label != Label.CONTRADICTED, verdict


def test_a_name_with_a_possessive_is_the_name(tmp_path_factory: pytest.TempPathFactory, nlp):
    """ "Ms Villiers's successor" names Ms Villiers, whom the passage names: no other name
    ("Parliament") takes her place."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Its report was laid before Parliament today by George Eustice, who succeeded Ms"
        " Villiers as Environment Secretary in February.",
        "Its report was laid before Parliament by Ms Villiers's successor, George Eustice.",
    )
    assert verdict.label == Label.SUPPORTED, verdict


@pytest.mark.parametrize(
    ("place", "label"),
    [("Chapel-en-le-Frith", Label.SUPPORTED), ("Buxton", Label.CONTRADICTED)],
)
def test_a_place_named_only_of_another_matter_is_no_place_of_the_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp, place: str, label: Label
) -> None:
    """The passage that states the claim's figure puts another town in the place the claim
    names: that the claim's town is named in another passage, of a railway closed, does
    not state it."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Police told people in the town, which has a population of about 6,500, to make their"
        " way to Chapel High School in the neighbouring town of Chapel-en-le-Frith.\n\n"
        "They were asked to take pets and any medication they might need.\n\n"
        "A yellow weather warning for thunderstorms covered the region until the evening.\n\n"
        "Flooding also closed the railway between Hazel Grove and Buxton on Thursday.",
        f"Police told people in the town, home to about 6,500, to gather at Chapel High School"
        f" in neighbouring {place}.",
    )
    assert verdict.label == label, verdict


@pytest.mark.parametrize(
    ("per", "label"), [("a minute", Label.SUPPORTED), ("a day", Label.CONTRADICTED)]
)
def test_a_figure_per_another_length_of_time_is_another_figure(
    tmp_path_factory: pytest.TempPathFactory, nlp, per: str, label: Label
) -> None:
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Ten pumps are drawing water out of the reservoir at 7,000 litres a minute.",
        f"Ten pumps were drawing out some 7,000 litres of water {per}.",
    )
    [litres] = [f for f in verdict.facts if "7,000" in f.fact.text]
    assert litres.label == label, litres
    if label == Label.CONTRADICTED:
        assert litres.note == (
            "article: 7,000 litres of water a day - source: 7,000 litres a minute"
        ), litres.note


def test_a_verb_said_only_with_a_particle_is_another_verb(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "the dam that holds back the reservoir" does not say the spillway "held"."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "On 1 August 2019 part of the spillway on the face of the dam that holds back"
        " Toddbrook Reservoir collapsed after heavy rain.",
        "On 1 August 2019 part of the spillway on the face of the dam held after heavy rain.",
    )
    assert verdict.label != Label.SUPPORTED, verdict
    assert "held" in verdict.uncovered, verdict


@pytest.mark.parametrize(
    ("ago", "label"), [("Five years ago", Label.SUPPORTED), ("Two years ago", Label.CONTRADICTED)]
)
def test_a_time_ago_with_no_date_of_the_claim_s_dates_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, ago: str, label: Label
) -> None:
    """ "Five years ago", in an article of 20 March 2023, is 2018: the year the watchdog sent
    its file (October 2018)."""
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + f"{ago} the watchdog sent its file to prosecutors.", store, nlp=nlp
    )
    [dated] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.DATE]
    assert dated.label == label, dated


def test_the_date_of_an_event_is_not_a_report_s_on_it_nor_another_time_s(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "its final report on the crash in March 2017" dates the report; "the deadliest crash
    since 1952" gives another time: the crash is of 22 August 2015, and 18 months from it
    is March 2017."""
    source = (
        SOURCE.split("---\n\n")[0]
        + "---\n\n"
        + "A jet crashed onto the road during the air show on 22 August 2015.\n\n"
        + "The crash, the deadliest at a British air show since the disaster of 1952, led to"
        " new rules.\n\n" + "The branch published its final report on the crash in March 2017.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + "In March 2017, some 18 months after the crash, the branch published its"
        " final report.",
        store,
        nlp=nlp,
    )
    [counted] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert counted.label == Label.SUPPORTED, counted
    assert "22 August 2015" in (counted.note or ""), counted


def test_a_particle_before_of_is_a_preposition(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "washed out of a drainage trench onto the track" says the gravel was washed."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "On 12 August 2020 the train struck gravel that had been washed out of a drainage"
        " trench onto the track at Carmont.",
        "On 12 August 2020 the train struck gravel that had been washed onto the track at Carmont.",
    )
    assert "washed" not in verdict.uncovered, verdict


def test_a_weekday_before_a_date_is_part_of_the_date(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    source = SOURCE.split("---\n\n")[0] + "---\n\n" + DATED_SOURCE
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        DATED_HEAD + "The force dismissed the constable on Friday, 9 July 2021 at a hearing in"
        " Worcester.",
        store,
        nlp=nlp,
    )
    claim = report.claims[-1]
    assert "Friday" not in claim.uncovered, claim
    assert claim.label == Label.SUPPORTED, claim


@pytest.mark.parametrize(
    ("speaker", "label"),
    [
        ("Kate Maynard", Label.SUPPORTED),
        ("Deborah Coles", Label.CONTRADICTED),
        # a speaker given by a title only is not checked against the passage's name
        ("the solicitor", Label.SUPPORTED),
    ],
)
def test_a_quotation_the_passage_gives_to_another_person(
    tmp_path_factory: pytest.TempPathFactory, nlp, speaker: str, label: Label
) -> None:
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Kate Maynard, a solicitor at the law firm Hickman & Rose, speaking for the family,"
        ' said: "The family welcomes the decision but regrets that already more than three'
        ' years have passed since Dalian died."',
        f"The family's lawyer {speaker} said that \"already more than three years have passed"
        ' since Dalian died".',
    )
    [quote] = [f for f in verdict.facts if f.fact.kind == FactKind.QUOTE]
    assert quote.label == label, quote
    if label == Label.CONTRADICTED:
        assert quote.note == "article: said by Deborah Coles - source: said by Kate Maynard"


def _store_of_sources(tmp_path_factory: pytest.TempPathFactory, nlp, *bodies: str) -> Store:
    """A store of several hand-written sources, one document each."""
    folder = tmp_path_factory.mktemp("sources")
    head = SOURCE.split("---\n\n")[0].replace("Example Gazette", "{publisher}")
    for k, body in enumerate(bodies):
        text = head.replace("{publisher}", f"Gazette {k}") + "---\n\n" + body + "\n"
        (folder / f"source{k}.md").write_text(text, encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    assert not ingest([folder], store, nlp=nlp).failed
    return store


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        # another financial year's gap
        (
            "The council forecast a further gap of about £184m for 2023-24.",
            "The council faces a funding gap of about £470 million in the current year, 2022/23.",
        ),
        # another year's Band D bill
        (
            "In February 2023 the council raised the Band D bill from £1,441.26 to £1,585.17.",
            "On 28 February 2024 the council raised the Band D bill to £1,711.62.",
        ),
    ],
)
def test_a_figure_of_another_time_is_no_rival_of_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, other: str
) -> None:
    """A source that states the claim's figure is not disputed by another's figure of
    another financial year or another date."""
    store = _store_of_sources(
        tmp_path_factory,
        nlp,
        "The council forecast a further gap of £184.4 million for 2023-24. In February 2023"
        " the council raised the Band D bill from £1,441.26 to £1,585.17.",
        other,
    )
    verdict = only_claim(claim, store, nlp)[1]
    figures = [f for f in verdict.facts if f.fact.kind == FactKind.MONEY]
    assert figures and all(f.label == Label.SUPPORTED for f in figures), figures


def test_a_verb_with_a_prefix_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "was re-elected" is a deed, as "was elected" is: no source states it, and it is
    not an addition to a long sentence whose other words the passage states."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "The council's Conservative leader, Rob Gledhill, resigned on 2 September 2022,"
        ' saying that "the political buck stops with me".',
        "The council's Conservative leader, Rob Gledhill, was re-elected on 2 September 2022,"
        ' saying that "the political buck stops with me".',
    )
    assert verdict.label != Label.SUPPORTED, verdict
    assert "re-elected" in verdict.uncovered, verdict


@pytest.mark.parametrize(
    ("speaker", "label"),
    [
        ("Mr Clark", Label.SUPPORTED),
        # another person, named by a title and a surname: the words are Greg Clark's
        ("Mr Gledhill", Label.CONTRADICTED),
    ],
)
def test_a_speaker_named_right_before_the_quotation_set_apart_said_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, speaker: str, label: Label
) -> None:
    """ "Local Government Secretary Greg Clark said:", then the quotation in a paragraph of
    its own: the claim's "Mr Clark said" is tied to the words, and "Thurrock Council",
    named inside the quotation, is not its speaker."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Greg Clark said the financial situation at Thurrock Council was serious enough for"
        " the government to intervene.\n\n"
        "Local Government Secretary Greg Clark said:\n\n"
        '"Given the serious financial situation at Thurrock Council, I believe it is'
        ' necessary for government to intervene."',
        '"Given the serious financial situation at Thurrock Council, I believe it is'
        f' necessary for government to intervene," {speaker} said.',
    )
    assert verdict.label == label, verdict
    if label == Label.CONTRADICTED:
        [quote] = [f for f in verdict.facts if f.fact.kind == FactKind.QUOTE]
        assert quote.note == f"article: said by {speaker.split()[-1]} - source: said by Greg Clark"


@pytest.mark.parametrize(
    ("party", "label"), [("Conservative", Label.SUPPORTED), ("Labour", Label.CONTRADICTED)]
)
def test_another_name_before_the_same_post_of_the_same_person(
    tmp_path_factory: pytest.TempPathFactory, nlp, party: str, label: Label
) -> None:
    """ "the council's Labour leader, Rob Gledhill" against "the council's then
    Conservative leader, Rob Gledhill", though the source names Labour elsewhere."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "The council's then Conservative leader, Rob Gledhill, quit on 2 September 2022,"
        " the day the intervention was announced. Labour won control of the council in May"
        " 2024.",
        f"The council's {party} leader, Rob Gledhill, resigned on 2 September 2022.",
    )
    assert verdict.label == label, verdict


def test_a_date_is_still_denied_by_the_passage_s_other_date(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """Figures of another time deny nothing, but a date is what the passage's date denies."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "In 1985 the song was covered as a single by the band.",
        "Into the Groove was covered in a 1986 single.",
    )
    [dated] = [f for f in verdict.facts if f.fact.kind == FactKind.DATE]
    assert dated.label == Label.CONTRADICTED, dated


@pytest.mark.parametrize(
    ("when", "label"), [("last month", Label.SUPPORTED), ("three years ago", Label.CONTRADICTED)]
)
def test_the_date_of_an_outlet_s_report_is_when_it_published(
    tmp_path_factory: pytest.TempPathFactory, nlp, when: str, label: Label
) -> None:
    """ "As the Example Gazette reported last month", in an article of April 2024, is a
    report of March 2024: the Gazette's source of 5 March 2024 is it; "three years ago"
    is not, whatever the passages' own dates."""
    store = store_of_source(tmp_path_factory, nlp, SOURCE)
    report = verify_text(
        '---\ntitle: "Column"\npublished: "2024-04-10"\n---\n\n'
        f"As the Example Gazette reported {when}, the hearing was postponed after flooding"
        " at the court building.",
        store,
        nlp=nlp,
    )
    [dated] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.DATE]
    assert dated.label == label, dated


def test_in_full_says_how_not_that_anything_is_full(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "The Trust said it would review both reports on the reservoir in full.",
        "The Trust said the reservoir would stay nearly full.",
    )
    assert "full" in verdict.uncovered, verdict


def test_a_speaker_whose_name_ends_in_s_named_where_the_words_are_said_them(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """The passage names the claim's speaker ("Ms Coles") beside another person who
    spoke first: it gives the words to no one else."""
    verdict = against_one_passage(
        tmp_path_factory,
        nlp,
        "Kate Maynard, the family's solicitor, said: \"We are grateful that already more than"
        ' three years of work have been done," and Ms Coles agreed.',
        'Deborah Coles said that "already more than three years of work have been done".',
    )
    [quote] = [f for f in verdict.facts if f.fact.kind == FactKind.QUOTE]
    assert quote.label != Label.CONTRADICTED, quote


def _store_of_dated(tmp_path_factory: pytest.TempPathFactory, nlp, *sources: tuple[str, str]):
    """A store of hand-written sources, each (its day of publication, its body)."""
    folder = tmp_path_factory.mktemp("sources")
    head = SOURCE.split("---\n\n")[0]
    for k, (day, body) in enumerate(sources):
        text = head.replace("2024-03-05", day).replace("Example Gazette", f"Gazette {k}")
        (folder / f"source{k}.md").write_text(text + "---\n\n" + body + "\n", encoding="utf-8")
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    assert not ingest([folder], store, nlp=nlp).failed
    return store


_INTERVENTION = (
    "2022-09-02",
    "The intervention has been made in response to grave concerns about the level of"
    " financial risk and debt that Thurrock Council has taken on.",
)
_EXTENDED = ("2023-03-15", "The intervention at Thurrock was extended in March 2023.")


@pytest.mark.parametrize(
    ("counted", "sources", "label"),
    [
        # the release that tells of the intervention as news dates it to its own day; the
        # extension, after the claim's date, dates no intervention counted from
        ("Three and a half months", (_INTERVENTION, _EXTENDED), Label.SUPPORTED),
        ("A week", (_INTERVENTION, _EXTENDED), Label.CONTRADICTED),
        ("Ten months", (_INTERVENTION,), Label.CONTRADICTED),
        # told in the past tense, with no date, a passage dates nothing
        (
            "A week",
            (("2022-09-02", "The intervention followed grave concerns about Thurrock's debts."),),
            Label.UNVERIFIED,
        ),
    ],
)
def test_an_event_reported_as_news_is_dated_by_its_report(
    tmp_path_factory: pytest.TempPathFactory, nlp, counted: str, sources, label: Label
) -> None:
    store = _store_of_dated(tmp_path_factory, nlp, *sources)
    report = verify_text(
        DATED_HEAD + f"{counted} after the intervention, on 19 December 2022, Thurrock Council"
        " issued a notice.",
        store,
        nlp=nlp,
    )
    [count] = [f for f in report.claims[-1].facts if f.fact.kind == FactKind.COUNT]
    assert count.label == label, count
    if label != Label.UNVERIFIED:
        assert "2 September 2022" in (count.note or ""), count


def test_a_hospital_of_another_name_is_another_hospital(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # Two names ending in "Hospital" that share "Royal" are no person's name with a
    # title before it: "the Royal Shrewsbury Hospital" is not "the Princess Royal Hospital".
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "Mr Atkinson went into cardiac arrest in an ambulance and was pronounced dead at the"
        " Princess Royal Hospital in Telford at 2.45am.",
        "He went into cardiac arrest in the ambulance and was pronounced dead at the Royal"
        " Shrewsbury Hospital.",
    )
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind in (FactKind.CONTENT, FactKind.STATEMENT)]
    assert content.note == (
        "article: the Royal Shrewsbury Hospital - source: the Princess Royal Hospital"
    )


_HEARING = """The operators pleaded guilty on Friday to health and safety failings over the 2016
crash in which seven passengers died, while the driver denied the charge against him.

The hearing at Croydon Magistrates' Court was the first in the criminal case brought by the
regulator.
"""


@pytest.mark.parametrize(
    ("court", "label"),
    [
        ("Croydon Magistrates' Court", Label.SUPPORTED),
        # the sentence beside the passage names another court of the same kind
        ("Westminster Magistrates' Court", Label.CONTRADICTED),
    ],
)
def test_a_name_of_the_same_kind_beside_the_evidence_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp, court: str, label: Label
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        _HEARING,
        f"At the first hearing, at {court}, the operators pleaded guilty to health and safety"
        " failings over the 2016 crash, while the driver denied the charge.",
    )
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("claim_text", "label"),
    [
        # what was done to stands before the passive verb, after the active one
        (
            "His contract was renewed in 2003 after he refused to accept liability for shortfalls.",
            Label.CONTRADICTED,
        ),
        (
            "His contract was terminated in 2003 after he refused to accept liability for"
            " shortfalls.",
            Label.SUPPORTED,
        ),
    ],
)
def test_a_passive_verb_s_subject_is_the_active_verb_s_object(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim_text: str, label: Label
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "The Post Office terminated his contract in 2003 after he refused to accept liability"
        " for shortfalls that he said the system had created.",
        claim_text,
    )
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("would", "contradicted"), [("would oppose", True), ("would not oppose", False)]
)
def test_what_someone_said_reversed_in_the_passage_that_dates_it_contradicts(
    tmp_path_factory: pytest.TempPathFactory, nlp, would: str, contradicted: bool
) -> None:
    # The passage holds the claim's date and states little of the long sentence; what
    # the claim reports was said ("that the government would oppose the rise") it states
    # reversed.
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "In February the government said it would not oppose the request.",
        f"Mr Gove, whose permission was needed, said in February that the government {would}"
        " the rise, though he grumbled that Birmingham's taxpayers were footing the bill for"
        " the council's poor governance.",
    )
    assert (claim.label == Label.CONTRADICTED) is contradicted, claim


_PLEAS = (
    "Transport for London and the tram operator pleaded guilty on Friday to health and safety"
    " failings over the 2016 tram crash, while the driver of the tram denied the charge."
)


@pytest.mark.parametrize(
    ("claim_text", "contradicted"),
    [
        (
            "Transport for London pleaded not guilty to health and safety failings over the"
            " 2016 tram crash.",
            True,
        ),
        (
            "Both organisations pleaded not guilty to health and safety failings over the 2016"
            " tram crash, while the driver pleaded not guilty.",
            True,
        ),
        # the claim gives both pleas: the passage's guilty plea may be the one it states
        (
            "Both organisations pleaded guilty to health and safety failings over the 2016"
            " tram crash, while the driver pleaded not guilty.",
            False,
        ),
    ],
)
def test_a_plea_of_not_guilty_denies_a_guilty_plea(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim_text: str, contradicted: bool
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, _PLEAS, claim_text)
    assert (claim.label == Label.CONTRADICTED) is contradicted, claim


def test_a_town_is_named_without_what_it_stands_by(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "The Hawker Hunter came down on the A27 beside Shoreham Airport in West Sussex on 22"
        " August 2015 as it tried to complete a loop.",
        "The Hawker Hunter came down on the A27 at Shoreham-by-Sea on 22 August 2015.",
    )
    assert claim.label == Label.SUPPORTED, claim


def test_ministers_are_the_government(tmp_path_factory: pytest.TempPathFactory, nlp) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "The government has accepted all of the review's recommendations for reservoir safety.",
        "Ministers accepted all of the review's recommendations for reservoir safety.",
    )
    assert claim.label == Label.SUPPORTED, claim


_SENTENCED = """Hashem Abedi was convicted of 22 murders at the Old Bailey in March 2020.

Hashem Abedi was jailed for life at the Old Bailey on 20 August 2020.
"""


@pytest.mark.parametrize(
    ("later", "label"),
    [
        # from March 2020 five weeks land in April or early May: not 20 August
        ("Five weeks later", Label.CONTRADICTED),
        ("Almost two years later", Label.CONTRADICTED),
        # twenty-two weeks may land on 20 August, and so may twenty-one: too many days
        # to state the claim's
        ("Twenty-two weeks later", Label.UNVERIFIED),
    ],
)
def test_a_time_counted_from_a_coarser_date_denies_but_never_states(
    tmp_path_factory: pytest.TempPathFactory, nlp, later: str, label: Label
) -> None:
    date = last_date(
        tmp_path_factory,
        nlp,
        _SENTENCED,
        f"Hashem Abedi was convicted in March 2020. {later} Abedi was jailed for life at the"
        " Old Bailey.",
    )
    assert date.label == label, date


_CRASH_OF = (
    "The operator has been fined £4m at the Old Bailey over the failings that led to the"
    " tram crash of November 2016."
)
_SENTENCING_OF = (
    "At the sentencing of 27 July 2023, the operator was fined £4m at the Old Bailey over"
    " the failings that led to the tram crash."
)


@pytest.mark.parametrize(
    ("passage", "later", "label"),
    [
        # the passage's only date is the crash's, not the fine's: it denies no time
        (_CRASH_OF, "Just over five weeks later", Label.UNVERIFIED),
        (_CRASH_OF, "Just over five months later", Label.UNVERIFIED),
        # a date that opens the sentence is the time of all it tells
        (_SENTENCING_OF, "Just over five months later", Label.CONTRADICTED),
    ],
)
def test_the_date_of_a_thing_the_passage_names_dates_nothing_it_tells(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, later: str, label: Label
) -> None:
    date = last_date(
        tmp_path_factory,
        nlp,
        passage,
        f"On 19 June 2023 a jury acquitted the driver. {later} the judge at the Old Bailey"
        " fined the operator £4m over the failings that led to the tram crash.",
    )
    assert date.label == label, date


_CONCLUDED_TODAY = (
    "The senior coroner today concluded that the eleven men who died when the jet crashed"
    " onto the A27 on 22 August 2015 were unlawfully killed."
)


@pytest.mark.parametrize(
    ("day", "label"),
    [
        # "today concluded", in a report of 20 December 2022: the crash's day is another
        # event's, the report's day the conclusion's
        ("20 December 2022", Label.SUPPORTED),
        ("20 March 2023", Label.CONTRADICTED),
    ],
)
def test_today_beside_the_verb_dates_it_whatever_other_day_the_passage_gives(
    tmp_path_factory: pytest.TempPathFactory, nlp, day: str, label: Label
) -> None:
    date = last_date(
        tmp_path_factory,
        nlp,
        _CONCLUDED_TODAY,
        f"On {day} the senior coroner concluded that the eleven men were unlawfully killed.",
        published="2022-12-20",
    )
    assert date.label == label, date


_SAID = (
    'Julie Sharman, chief operating officer of the Canal & River Trust, said: "The spillway'
    ' for the dam has broken away. There is a risk the dam could break."'
)


@pytest.mark.parametrize(
    ("verb", "label"),
    [
        # a verb that reports words adds nothing to what the passage says she said
        ("warned", Label.SUPPORTED),
        ("added", Label.SUPPORTED),
        # one that says something of its own says it: she denied what she said
        ("denied", Label.CONTRADICTED),
    ],
)
def test_a_verb_that_reports_words_is_stated_by_said(
    tmp_path_factory: pytest.TempPathFactory, nlp, verb: str, label: Label
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        _SAID,
        '"The spillway for the dam has broken away," said Julie Sharman of the Canal & River'
        f" Trust, who {verb} that there was a risk the dam could break.",
    )
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("verb", "label"),
    [
        # calling something what someone said reports the words
        ("calling", Label.SUPPORTED),
        ("describing", Label.SUPPORTED),
    ],
)
def test_calling_a_thing_what_was_said_of_it_reports_the_words(
    tmp_path_factory: pytest.TempPathFactory, nlp, verb: str, label: Label
) -> None:
    as_ = " as" if verb == "describing" else ""
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        'The judge fined the operator £4m over the crash. "This was an accident waiting to'
        ' happen, quite literally," the judge told the court.',
        f'The judge fined the operator £4m, {verb} the crash{as_} "an accident waiting to'
        ' happen, quite literally".',
    )
    # stated, not merely let through as a word the claim adds
    assert (claim.label, claim.uncovered) == (label, ()), claim


def test_a_risk_said_in_the_sentence_beside_is_denied_by_no_risk(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # The quotation runs on into the next sentence, which states the risk: "there was no
    # risk" denies it, side by side.
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        _SAID,
        '"The spillway for the dam has broken away," said Julie Sharman of the Canal & River'
        " Trust, who warned that there was no risk the dam could break.",
    )
    assert claim.label == Label.CONTRADICTED, claim
    [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
    assert content.note == "article: there was no risk - source: There is a risk"


def test_there_is_no_date_is_said_by_a_date_not_yet_set(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "no date" is what "a date has not yet been set" says in its own way: the claim's
    # "there is no" denies nothing the passage states.
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "A date has not yet been set for the trial of the rapper ASAP Rocky in Stockholm.",
        "There is no date for the trial of the rapper ASAP Rocky in Stockholm.",
    )
    assert claim.label == Label.SUPPORTED, claim


def test_a_word_for_what_kind_of_thing_a_name_is_goes_with_the_name(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "the film Kung Fu Panda", "the character Po": the passage that names them tells
    # of that film and that character.
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "Kung Fu Panda: when Po explains to Tai Lung that the true secret is to believe in"
        " yourself, Tai Lung refuses to accept it and goes on attacking Po.",
        "In the film Kung Fu Panda, Tai Lung goes on attacking the character Po.",
    )
    assert claim.label == Label.SUPPORTED, claim
    assert claim.uncovered == ()


@pytest.mark.parametrize(
    ("passage", "text"),
    [
        # a work dated by the year before its kind was released that year
        (
            "The SpongeBob SquarePants Movie is a 2004 American animated comedy film based on"
            " the Nickelodeon series.",
            "The SpongeBob SquarePants Movie was released in 2004.",
        ),
        # what a film grossed is what it earned
        (
            "The Odd Life of Timothy Green earned $55.3 million on a $25 million budget.",
            "The Odd Life of Timothy Green grossed over $55 million on a $25 million budget.",
        ),
        # a film that "collected" what it grossed
        (
            "The domestic gross of The Lantern Keeper was 112.69 crore.",
            "The Lantern Keeper collected more than 112 crore.",
        ),
        # the kind of work after its name; the passage's only figure, with no word of
        # the claim beside it
        (
            "The Lantern Keeper received positive reviews from critics and was commercially"
            " successful, earning 750 million globally.",
            "The Lantern Keeper film grossed less than 800 million worldwide.",
        ),
    ],
)
def test_a_film_s_release_and_takings_in_the_words_of_its_page(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label == Label.SUPPORTED, claim


def test_a_film_yet_to_be_released_is_not_stated_by_its_year(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "A Bad Moms Christmas is a 2017 American Christmas comedy film.",
        "A Bad Moms Christmas is yet to be released.",
    )
    assert claim.label != Label.SUPPORTED, claim


_CAST = """---
title: "The Thing from Another World"
publisher: "Example Encyclopedia"
published: "2024-03-05"
kind: other
note: "Written for claimcheck's tests."
---

Carrington briefs Captain Hendry ( Kenneth Tobey ) and his airmen, and Dr. Redding ( George
Fenneman ) shows photos of a flying object moving erratically before crashing.
"""


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the part with its actor in brackets after it, as a plot tells the cast
        ("In the film The Thing from Another World, George Fenneman plays Dr. Redding.", True),
        ("In The Thing from Another World, Dr. Redding is played by George Fenneman.", True),
        # another actor in the brackets states nothing of this one
        ("In the film The Thing from Another World, Kenneth Tobey plays Dr. Redding.", False),
        # a part of two words, read as two terms of the claim
        ("In The Thing from Another World, Kenneth Tobey played the role of Captain Hendry.", True),
        (
            "In The Thing from Another World, George Fenneman played the role of Captain Hendry.",
            False,
        ),
        # the part by the first of its names
        ("In The Thing from Another World, Kenneth Tobey plays Captain.", True),
        ("In The Thing from Another World, George Fenneman plays Captain.", False),
    ],
)
def test_an_actor_s_part_is_stated_by_the_part_with_the_actor_in_brackets(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: bool
) -> None:
    store = store_of_source(tmp_path_factory, nlp, _CAST)
    claim = only_claim(text, store, nlp)[1]
    assert (claim.label == Label.SUPPORTED) is label, claim


_LEADERS = """---
title: "Council leader resigns"
publisher: "Example News"
published: "2023-01-20"
kind: news
note: "Written for claimcheck's tests."
---

The leader of Ruritania Council, Councillor Anna Berg, resigned on Monday after six years in
the post.

She was succeeded by Councillor Tom Brandt, who has been a member of the council's cabinet
since 2016.
"""


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Its new leader, Tom Brandt, who had sat in the cabinet since 2016, took over on"
         " Monday.", Label.SUPPORTED),
        # the leader who resigned, named in the sentence before, is not the one the
        # passage says has sat in the cabinet since 2016
        ("Its new leader, Anna Berg, who had sat in the cabinet since 2016, took over on"
         " Monday.", Label.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_person_the_passage_says_the_same_of_is_a_rival(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label
) -> None:
    store = store_of_source(tmp_path_factory, nlp, _LEADERS)
    claim = only_claim(text, store, nlp)[1]
    assert claim.label == label, claim


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # "made worse" is what "exacerbated" says, also where the window denies a word
        ('The review found the design "not fit for purpose", and that this was "exacerbated'
         ' by intermittent maintenance".',
         "The design was not fit for purpose and was made worse by intermittent maintenance.",
         True),
        ('The review found the design "not fit for purpose", and that this was "exacerbated'
         ' by intermittent maintenance".',
         "The design was not fit for purpose and was made better by intermittent maintenance.",
         False),
        # a seat on a body is membership of it
        ("He was succeeded by Mark Coxshall, who has been a member of the council's cabinet"
         " since 2016.", "Mark Coxshall had sat in the cabinet since 2016.", True),
        ("He was succeeded by Mark Coxshall, who has been a member of the council's cabinet"
         " since 2016.", "Mark Coxshall had sat in the stands since 2016.", False),
        # a ceiling is a maximum
        ("In 2017 councillors raised the maximum for investments with any single fund manager.",
         "In 2017 councillors raised the ceiling on investments with any single fund manager.",
         True),
        # where a thing is located, by the words that place it
        ("Harwick is a market town in the English Midlands, north of Coventry.",
         "Harwick is located in the English Midlands.", True),
        ("Harwick is a market town in the English Midlands, north of Coventry.",
         "Harwick is located in the Scottish Borders.", False),
        # an actor who starred in a film had a role in it
        ("Ana Ruiz is known for her comedic roles in films such as Harbour Lights (2006)"
         " and Paper Moon (2009).", "Ana Ruiz starred in the film Harbour Lights.", True),
        ("Ana Ruiz is known for her comedic roles in films such as Harbour Lights (2006)"
         " and Paper Moon (2009).", "Ana Ruiz starred in the film Silent Bay.", False),
        ("Desperate, the family hires Tom Reyes (Ben Carter), a respected attorney, to take"
         " the case.", "Ben Carter starred as Tom Reyes.", True),
        # a work dated in brackets, where another is dated the same year before it
        ("Her films include Harbour Lights (2006), Paper Moon (2009) and Silent Bay"
         " (2009).", "Silent Bay was released in 2009.", True),
        # a discography counts the works released
        ("Marla Keane's discography consists of 12 studio albums, 3 live albums and 40"
         " singles.",
         "Marla Keane released more than 10 studio albums.", True),
        ("Marla Keane's discography consists of 12 studio albums, 3 live albums and 40"
         " singles.",
         "Marla Keane sold more than 10 studio albums.", False),
        # what a sum came to is what was earned, not what was lost
        ("On its second weekend, the total collection of Paper Moon stood at 16 crores.",
         "Paper Moon earned less than 20 crore on its second weekend.", True),
        ("On its second weekend, the total collection of Paper Moon stood at 16 crores.",
         "Paper Moon lost less than 20 crore on its second weekend.", False),
    ],
)  # fmt: skip
def test_a_phrase_is_stated_in_other_words(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: bool
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert (claim.label == Label.SUPPORTED) is label, claim


@pytest.mark.parametrize(
    ("text", "label", "note"),
    [
        ("Marta Lind directed the film The Lantern Keeper.", Label.CONTRADICTED,
         "article: Marta Lind - source: Jonas Berg"),
        ("The film The Lantern Keeper was directed by Marta Lind.", Label.CONTRADICTED,
         "article: Marta Lind - source: Jonas Berg"),
        ("Jonas Berg directed the film The Lantern Keeper.", Label.SUPPORTED, None),
        # another deed of hers is no rival of his
        ("Marta Lind reviewed the film The Lantern Keeper.", Label.UNVERIFIED, None),
    ],
)  # fmt: skip
def test_a_doer_in_either_voice_fills_the_same_role(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: Label, note: str | None
) -> None:
    """ "Marta Lind directed the film" against "a 2019 film directed by Jonas Berg": the
    doer of one deed, one said in the active voice and the other in the passive."""
    passage = "The Lantern Keeper is a 2019 Ruritanian drama film directed by Jonas Berg."
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert claim.label == label, claim
    if note is not None:
        [content] = [f for f in claim.facts if f.fact.kind == FactKind.CONTENT]
        assert content.note == note


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Tom Brandt's middle name is Alvin.", True),
        ("Tom Brandt's full name is Thomas Alvin Brandt.", True),
        ("Tom Brandt's middle name is Thomas.", False),
        ("Tom Brandt's middle name is Ruritania.", False),
        ("Tom Brandt's full name is Thomas Alvin Brandtson.", False),
    ],
)
def test_a_middle_or_full_name_is_stated_by_the_whole_name(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: bool
) -> None:
    passage = (
        "Tom Alvin Brandt (born 4 May 1990), known as Thomas Alvin Brandt in his youth, is a"
        " defensive tackle for the Ruritania Giants."
    )
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert (claim.label == Label.SUPPORTED) is label, claim


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # a light verb says no more than its object
        ("The Lantern Keeper was met with mixed reviews from critics.",
         "The Lantern Keeper received mixed reviews from critics.", True),
        ("By 5 April 15,599 tests had been performed in eight laboratories across Ruritania.",
         "Eight laboratories across Ruritania had conducted more than 15,500 tests by 5 April.",
         True),
        # any other verb says what was done with the object
        ("The Lantern Keeper was met with mixed reviews from critics.",
         "The Lantern Keeper ignored mixed reviews from critics.", False),
        ("By 5 April 15,599 tests had been performed in eight laboratories across Ruritania.",
         "Eight laboratories across Ruritania had cancelled more than 15,500 tests by 5 April.",
         False),
        # a tally kept states no more than the figures it counts
        ("There are 9 active cases in Ruritania.",
         "Ruritania recorded more than seven active COVID-19 cases.", True),
        ("There are 9 active cases in Ruritania.",
         "Ruritania predicted more than seven active COVID-19 cases.", False),
        # "received" with an object that is no light verb's
        ("The Lantern Keeper was met with mixed reviews from critics.",
         "The Lantern Keeper received an award from critics.", False),
        # a noun that denies the verb after it, as the verb does
        ("Due to the Ruritania health department's refusal to comply with the federal"
         " guidelines, the charts below stop in April.",
         "The Ruritania health department refused to comply with the federal guidelines.",
         True),
        # a player's position for a team states that he plays for it
        ("Tom Brandt is an American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays for the Ruritania Giants.", True),
        # another team, a retired player, a past season
        ("Tom Brandt is an American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays for the Ruritania Colts.", False),
        ("Tom Brandt is a retired American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays for the Ruritania Giants.", False),
        # a work's year in brackets after its title, in a list of works
        ("Her standalone films are Deep Red (1975), Tenebrae (1982) and Opera (1987).",
         "Tenebrae was released in 1982.", True),
        ("The judges were John Smith (1950) and Tom Brandt (1962).",
         "John Smith was released in 1950.", False),
        # what kind of work a name is, before it
        ("The Escapist debuted in 1988 for the Apple II.",
         "The game The Escapist debuted in 1988.", True),
        # whom a player played for, or a side against: joining it, a match against it
        ("Tom Brandt joined Ruritania United on a five-year contract in August 2008.",
         "Tom Brandt played for Ruritania United.", True),
        ("Tom Brandt joined Ruritania United on a five-year contract in August 2008.",
         "Tom Brandt played for Borduria City.", False),
        ("The final was between Ruritania United and Borduria City in May 2018.",
         "Ruritania United played against Borduria City in the final.", True),
        # the position said with "as", with or without the team
        ("Tom Brandt is an American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays as a defensive tackle for the Ruritania Giants.", True),
        ("Tom Brandt is an American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays as a defensive tackle.", True),
        ("Tom Brandt is an American football defensive tackle for the Ruritania Giants.",
         "Tom Brandt plays as a wide receiver.", False),
    ],
)  # fmt: skip
def test_a_verb_is_stated_by_what_it_takes(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: bool
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert (claim.label == Label.SUPPORTED) is label, claim
    if label:
        assert not claim.uncovered, claim  # stated, not only added


def test_a_word_of_the_claim_s_own_lends_nothing_to_a_verb_stated_by_its_position(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    # "player" (read as a form of "play") is the claim's word too: "plays" is stated by
    # the position, not lent it.
    claim = against_one_passage(
        tmp_path_factory,
        nlp,
        "Tom Brandt (born February 17, 1988) is an American football quarterback for the"
        " Ruritania Giants of the National Football League (NFL).",
        "American Football player Tom Brandt plays for the Ruritania Giants.",
    )
    assert claim.label == Label.SUPPORTED, claim


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The U.S. state of Washington had 8,682 confirmed cases by 5 April 2020.", True),
        ("The U.S state of Washington had 8,682 confirmed cases by 5 April 2020.", True),
        # the country of another place the window never names
        ("The U.S. state of Oregon had 8,682 confirmed cases by 5 April 2020.", False),
    ],
)
def test_the_country_of_a_place_named_by_its_kind_is_no_news(
    tmp_path_factory: pytest.TempPathFactory, nlp, text: str, label: bool
) -> None:
    claim = against_one_passage(
        tmp_path_factory, nlp, "Washington had 8,682 confirmed cases by 5 April 2020.", text
    )
    assert (claim.label == Label.SUPPORTED) is label, claim


def test_names_of_one_title_are_one_name(tmp_path_factory: pytest.TempPathFactory, nlp) -> None:
    # "Timothy Green" after "The Odd Life of" is part of the film's title, which the page's
    # title gives whole: no other name tied to the first.
    source = (
        '---\ntitle: "The Odd Life of Timothy Green"\npublisher: "Example Encyclopedia"\n'
        'published: "2024-03-05"\nkind: other\nnote: "Written for claimcheck\'s tests."\n---\n\n'
        "As of 9 October, the film has grossed $50,247,533 in North America.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    claim = only_claim(
        "After October 7, The Odd Life of Timothy Green earned more than $50 million in North"
        " America.",
        store,
        nlp,
    )[1]
    assert claim.label == Label.SUPPORTED, claim


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # a hedge says less than the passage, which states it outright
        ("Good Charlotte is a pop punk band from Maryland.",
         "Good Charlotte is considered a pop punk band.", True),
        ("His family fled the oppressive reign of the president.",
         "His family fled the reign of the president, considered oppressive.", True),
        # a word after "most" ranks: never only added
        ("Regarded as one of the best strikers of his generation, Tom Brandt was a versatile"
         " forward.",
         "Tom Brandt is regarded as one of the most consistent strikers of his generation.",
         False),
        # weighed for a part is not given it
        ("Tom Brandt was cast in the role of Hamlet.",
         "Tom Brandt was considered for the role of Hamlet.", False),
        # one verb of taking in a sum is as good as another; losing it is no taking it in
        ("The Lantern Keeper collected £10m on its opening day and £10.4m on its second day.",
         "The Lantern Keeper earned more than £5m on its opening day.", True),
        ("The Lantern Keeper lost £10m on its opening day and £10.4m on its second day.",
         "The Lantern Keeper earned more than £5m on its opening day.", False),
        # "good" is WordNet's adverb for "well" only rarely: "good progress" states no
        # "soundly"; an adverb is stated by another adverb
        ("The review found the spillway had been poorly designed. Good progress was being"
         " made on the repairs.", "The review found the spillway had been soundly designed.",
         False),
        ("The council acted rapidly after the flood.", "The council acted quickly after the flood.",
         True),
        # a body whose name makes it a watchdog is "the watchdog"
        ("The Independent Office for Police Conduct decided in 2018 that the officer should"
         " face a gross misconduct hearing.",
         "The watchdog decided in 2018 that the officer should face a gross misconduct hearing.",
         True),
        ("West Mercia Police decided in 2018 that the officer should face a gross misconduct"
         " hearing.",
         "The watchdog decided in 2018 that the officer should face a gross misconduct hearing.",
         False),
        # a place is not stated inside another place's name
        ("Tom Brandt was born in Malaysia and was raised in Singapore and New Hampshire.",
         "Tom Brandt was raised in Hampshire.", False),
        ("Tom Brandt was born in Malaysia and was raised in Singapore and New Hampshire.",
         "Tom Brandt was raised in New Hampshire.", True),
        # a relative of someone is the one the passage gives them ("brother" is in the
        # passage, but of another person)
        ("Tom Brandt is the adoptive brother of Ryan Atwood and the grandson of Sophie Rose"
         " Cohen.", "Tom Brandt is the brother of Sophie Rose Cohen.", False),
        ("Tom Brandt is the adoptive brother of Ryan Atwood and the grandson of Sophie Rose"
         " Cohen.", "Tom Brandt is the grandson of Sophie Rose Cohen.", True),
        # another verb where the claim's stands: "manslaughter" (a kind of killing) does not
        # state "killed", nor does the next sentence's "killed", said of others
        ("The driver, Alfred Dorris, a 42-year-old from Beckenham, was arrested at the scene"
         " on suspicion of manslaughter.",
         "The driver, Alfred Dorris, a 42-year-old from Beckenham, was killed at the scene on"
         " suspicion of manslaughter.", False),
        ("The driver, Alfred Dorris, a 42-year-old from Beckenham, was arrested at the scene"
         " on suspicion of manslaughter. Seven passengers were killed when the tram overturned.",
         "The driver, Alfred Dorris, a 42-year-old from Beckenham, was killed at the scene on"
         " suspicion of manslaughter.", False),
        ("The driver, Alfred Dorris, a 42-year-old from Beckenham, was arrested at the scene"
         " on suspicion of manslaughter.",
         "The driver, Alfred Dorris, a 42-year-old from Beckenham, was arrested at the scene"
         " on suspicion of manslaughter.", True),
    ],
)  # fmt: skip
def test_a_word_the_passage_says_otherwise_or_not_at_all(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: bool
) -> None:
    claim = against_one_passage(tmp_path_factory, nlp, passage, text)
    assert (claim.label == Label.SUPPORTED) is label, claim


@pytest.mark.parametrize(
    ("published", "passage", "text"),
    [
        ("2014-04-29",
         "The British Olympic Association has today confirmed that Mark England has been"
         " appointed Team GB's Chef de Mission for the Rio 2016 Olympic Games.",
         "Mark England was Team GB's Chef de Mission at the 2016 Olympics, having been"
         " appointed on 29 April 2014."),
        ("2019-02-01",
         "The pay gap between the two stars of All the Money in the World came to light last"
         " year, when the film was being reshot.",
         "The pay gap between the two stars of the 2017 film All the Money in the World came"
         " to light during reshoots."),
    ],
)  # fmt: skip
def test_the_year_of_a_named_thing_is_not_the_report_s_day(
    tmp_path_factory: pytest.TempPathFactory, nlp, published: str, passage: str, text: str
) -> None:
    """ "at the 2016 Olympics", "the 2017 film": the year names when the thing was, which
    "today" or "last year" in a report, dating what the report tells, does not deny."""
    store = store_of_sources(tmp_path_factory, nlp, {"report.md": (published, passage)})
    [claim] = verify_text(text, store, nlp=nlp).claims
    [year] = [f for f in claim.facts if f.fact.kind == FactKind.DATE and len(f.fact.text) == 4]
    assert year.label != Label.CONTRADICTED, year


@pytest.mark.parametrize(
    ("year", "label"), [("2019", Label.SUPPORTED), ("2015", Label.CONTRADICTED)]
)
def test_a_things_year_is_read_against_the_same_things_date(
    tmp_path_factory: pytest.TempPathFactory, nlp, year: str, label: Label
) -> None:
    """ "in the 2015 New Year Honours" against "in the New Year Honours of 2019": one
    thing's year each way round."""
    store = store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "honours.md": (
                "2024-01-09",
                "Paula Vennells ran the Post Office for seven years. She was made a CBE in the"
                " New Year Honours of 2019 for services to the Post Office and charity.",
            )
        },
    )
    [claim] = verify_text(
        f"Paula Vennells had been appointed CBE in the {year} New Year Honours for services to"
        " the Post Office and to charity.",
        store,
        nlp=nlp,
    ).claims
    [found] = [f for f in claim.facts if f.fact.kind == FactKind.DATE]
    assert found.label == label, found
