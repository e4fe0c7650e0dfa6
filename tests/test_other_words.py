"""Facts a source states in other words: a verb with its particle ("set up" / "founded"),
a day by its name ("New Year's Day"), a total past a mark ("passed 1.2 million"), the
same people under another name ("555 claimants" / "555 subpostmasters"), a serial's
parts ("four-part" / "four episodes") and the end of a period said twice.

Each sentence is read against one hand-written source by the real spaCy model.
"""

from __future__ import annotations

import pytest
from conftest import store_of_source

from pipeline import lexicon
from pipeline.coverage import _in_other_words
from pipeline.records import Label
from pipeline.values import find_values
from pipeline.verification import verify_text

HEAD = """---
title: "Source"
publisher: "Example Gazette"
published: "{published}"
kind: news
note: "Written for claimcheck's tests."
---

"""


def read(tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, *,
         published: str = "2024-03-05"):  # fmt: skip
    """The one claim of `text` read against a source holding `passage`: its label, its
    facts' labels by their words, and the words no source states."""
    store = store_of_source(tmp_path_factory, nlp, HEAD.format(published=published) + passage)
    report = verify_text(text, store, nlp=nlp)
    assert len(report.claims) == 1, report.claims
    claim = report.claims[0]
    return claim.label, {f.fact.text: f.label for f in claim.facts}, claim.uncovered


def expect(found: Label, label: Label | None) -> None:
    """The label expected, or (None) anything but CONTRADICTED."""
    if label is None:
        assert found != Label.CONTRADICTED
    else:
        assert found == label


# --- a verb with its particle ---------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "other", "derived"),
    [
        ("died", "death", True),
        ("settled", "settlement", True),
        ("evacuated", "evacuation", True),
        # linked only through a synonym of one of them: no word of the other's family
        ("found", "collapse", False),
    ],
)
def test_a_derived_form_is_linked_directly(word: str, other: str, derived: bool) -> None:
    assert lexicon.derived(word, other) is derived


@pytest.mark.parametrize(
    ("word", "other", "derived"),
    [
        ("poorly", "poor", True),
        ("intermittent", "intermittently", True),
        ("terribly", "terrible", True),
        # an adverb that says something else than its root
        ("hardly", "hard", False),
        ("shortly", "short", False),
        ("mostly", "more", False),
    ],
)
def test_an_adverb_is_derived_from_its_adjective(word: str, other: str, derived: bool) -> None:
    """ "had been poorly designed" is stated by "the poor design"."""
    assert (lexicon.relation(word, other) == lexicon.Relation.DERIVED) is derived


def test_the_lexicon_knows_a_verb_with_its_particle() -> None:
    assert lexicon.lemmas("setting_up") == ("set_up",)
    assert lexicon.states("founded", "set_up")
    assert lexicon.states("resigned", "stepped_down")
    assert lexicon.phrasal_verbs("He set up a firm, then stepped down. Prices went on.") == [
        "set_up",
        "stepped_down",
    ]
    assert lexicon.phrasal("went", "on") is None  # "on" joins no verb here


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Alan Bates founded the Justice for Subpostmasters Alliance in 2009.", Label.SUPPORTED),
        ("Alan Bates joined the Justice for Subpostmasters Alliance in 2009.", Label.UNVERIFIED),
    ],
)
def test_a_verb_with_its_particle_states_the_verb_it_makes(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = "In 2009 Alan Bates set up the Justice for Subpostmasters Alliance.\n"
    found, _, uncovered = read(tmp_path_factory, nlp, passage, claim)
    assert found == label, uncovered
    if label != Label.SUPPORTED:
        assert "joined" in uncovered


def test_a_claim_s_verb_with_its_particle_is_stated_by_the_verb_it_makes(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = "The chief executive of the company resigned in May 2019.\n"
    claim = "The chief executive of the company stepped down in May 2019."
    assert read(tmp_path_factory, nlp, passage, claim)[0] == Label.SUPPORTED


# --- a day by its name ------------------------------------------------------------------


def test_a_named_day_is_a_date() -> None:
    read_dates = {
        v.text: v.date for v in find_values("From New Year's Day to Christmas Eve, 2019.")
    }
    assert read_dates == {"New Year's Day": "--01-01", "Christmas Eve, 2019": "2019-12-24"}
    assert not find_values("a new year's day out")  # lower case: no name


@pytest.mark.parametrize(("day", "label"), [("1 January", Label.SUPPORTED), ("3 January", None)])
def test_a_named_day_states_its_date_in_its_source_s_year(
    tmp_path_factory: pytest.TempPathFactory, nlp, day: str, label: Label | None
) -> None:
    passage = "The drama, in four episodes, was shown on successive nights from New Year's Day.\n"
    claim = f"The drama was shown on successive nights from {day} 2024."
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim, published="2024-01-09")
    if label is None:
        assert facts[f"{day} 2024"] != Label.SUPPORTED
    else:
        assert facts[f"{day} 2024"] == label


# --- a total past a mark --------------------------------------------------------------


def test_a_verb_of_passing_bounds_a_total_only() -> None:
    (total,) = find_values("The petition had passed 1.2 million signatures.")
    assert (total.qualifier, total.number, total.unit) == ("passed", 1.2e6, "signature")
    (laws,) = find_values("Parliament passed 12 laws.")
    assert laws.qualifier is None


@pytest.mark.parametrize(("figure", "label"), [("1.2", Label.SUPPORTED), ("1.5", None)])
def test_a_total_past_a_mark_is_a_bound(
    tmp_path_factory: pytest.TempPathFactory, nlp, figure: str, label: Label | None
) -> None:
    passage = "She gave back the honour after more than 1.2 million people signed a petition.\n"
    claim = f"A petition about the honour had passed {figure} million signatures."
    _, facts, uncovered = read(tmp_path_factory, nlp, passage, claim)
    fact = facts[f"{figure} million signatures"]
    assert fact == label if label else fact != Label.SUPPORTED
    assert "passed" not in uncovered


# --- the same people under another name -----------------------------------------------


def test_modifiers_joined_by_and_qualify_the_counted_noun() -> None:
    (count,) = find_values("brought by 555 current and former subpostmasters")
    assert (count.number, count.unit) == (555, "subpostmaster")
    assert lexicon.names_a_person("subpostmasters")  # a postmaster, under a prefix


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("He led 555 claimants against the Post Office in the High Court.", Label.SUPPORTED),
        ("He led 556 claimants against the Post Office in the High Court.", None),
        # The passage never calls them defendants.
        ("He led 555 defendants against the Post Office in the High Court.", None),
    ],
)
def test_a_count_of_people_states_them_under_the_name_the_passage_gives_beside_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label | None
) -> None:
    passage = (
        "Alan Bates brought the group action against the Post Office in the High Court on"
        " behalf of 555 current and former subpostmasters. The claimants said Horizon"
        " had produced the shortfalls.\n"
    )
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim)
    (count,) = (label_ for words, label_ in facts.items() if words[:3].isdigit())
    assert count == label if label else count != Label.SUPPORTED


def test_a_count_of_people_counts_what_the_verb_of_a_clause_on_them_says(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Thirty-nine former subpostmasters and Post Office workers who were convicted of"
        " theft and fraud have been cleared by the Court of Appeal.\n"
    )
    claim = "The Court of Appeal cleared 39 convictions of theft and fraud."
    assert read(tmp_path_factory, nlp, passage, claim)[1]["39 convictions"] == Label.SUPPORTED


# --- a serial's parts, a period's end -------------------------------------------------


@pytest.mark.parametrize(("parts", "label"), [("four", Label.SUPPORTED), ("three", None)])
def test_a_serial_s_parts_are_its_episodes(
    tmp_path_factory: pytest.TempPathFactory, nlp, parts: str, label: Label | None
) -> None:
    passage = "ITV broadcast Mr Bates vs The Post Office, a drama in four episodes.\n"
    claim = f'ITV broadcast the {parts}-part drama "Mr Bates vs The Post Office".'
    fact = read(tmp_path_factory, nlp, passage, claim)[1][f"{parts}-part"]
    assert fact == label if label else fact != Label.SUPPORTED


def test_a_period_s_end_is_stated_by_the_same_period_beside_another_event_that_year(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Paula Vennells, who was chief executive of the Post Office from 2012 to 2019, said"
        " she was sorry. She was made a CBE in the New Year Honours of 2019.\n"
    )
    claim = (
        "Paula Vennells, the Post Office's chief executive from 2012 to 2019, was made a"
        " CBE in the 2019 New Year Honours."
    )
    store = store_of_source(tmp_path_factory, nlp, HEAD.format(published="2024-01-09") + passage)
    (found,) = verify_text(claim, store, nlp=nlp).claims
    dates = [f.label for f in found.facts if f.fact.kind.value == "date"]
    assert dates == [Label.SUPPORTED] * 3


# --- what a case read blind showed: a law's name, a negated pair, a manner denied -----


def test_a_law_s_name_is_no_organisation_in_another_s_place(nlp) -> None:
    from pipeline.nlp import analyse

    text = "The regulator will prosecute the operator under the Health and Safety at Work Act."
    ((analysis, _),) = list(analyse([(text, None)], nlp))
    labels = {text[e.start : e.end]: e.label for e in analysis.entities}
    assert labels.get("the Health and Safety at Work Act") == "LAW", labels


def test_the_verb_after_neither_and_nor_is_denied() -> None:
    from pipeline.contrast import _negated

    text = (
        "He said that neither Transport for London nor Tram Operations Ltd, the operator"
        " owned by the company FirstGroup, would face corporate manslaughter charges."
    )
    assert [word for word, _ in _negated(text).values()] == ["face"]


def test_a_negation_before_a_word_of_manner_denies_the_manner_only() -> None:
    from pipeline.contrast import _negated

    denied = [w for w, _ in _negated("They were not unlawfully killed.").values()]
    assert denied == ["unlawfully"]
    # A word of when passes the negation on to the verb.
    passed = [w for w, _ in _negated("He had not previously been charged.").values()]
    assert "charged" in passed


INQUEST = (
    "The inquest jury at Croydon Town Hall concluded that the seven died as the result"
    " of an accident and were not unlawfully killed. The prosecutors decided in 2019"
    " that nobody would face manslaughter charges over the crash."
)
HEARING = (
    "Monk was dismissed without notice at a hearing in Worcester chaired by the force's"
    " chief constable, Anthony Bangham. West Mercia Police's deputy chief constable,"
    " Alex Murray, had not been referred to the hearing in Worcester. The judge said"
    " Monk had failed to act appropriately at the hearing in Worcester."
)


BARRISTER = (
    "Dijen Basu KC, the barrister who presented the case against her, told the panel that"
    " the deputy chief constable had asked it to consider a final written warning."
)


@pytest.mark.parametrize(
    ("passage", "claim", "contradicted"),
    [
        # A name the tagger leaves untagged is a person by the letters after it.
        (
            BARRISTER,
            "The barrister presenting the case, Patrick Gibbs QC, told the panel that the"
            " deputy chief constable had asked it to consider a final written warning.",
            True,
        ),
        (
            BARRISTER,
            "The barrister presenting the case, Dijen Basu KC, told the panel that the"
            " deputy chief constable had asked it to consider a final written warning.",
            False,
        ),
        # The delay has its own cause; the deaths' cause is no rival of it.
        (
            INQUEST,
            "The inquests at Croydon Town Hall ended after a delay caused by the pandemic,"
            " with the conclusion that all seven had died by accident.",
            False,
        ),
        # Neither of the two would face charges: what "nobody would face" says.
        (
            INQUEST,
            "The prosecutors said that neither the operator nor its owner, the transport"
            " authority, would face manslaughter charges over the crash.",
            False,
        ),
        (
            INQUEST,
            "The prosecutors said that the operator and its owner, the transport"
            " authority, would face manslaughter charges over the crash.",
            True,
        ),
        # A possessive is the name; a deputy's post is not the chief's.
        (
            HEARING,
            "Monk was dismissed without notice by West Mercia's chief constable, Anthony"
            " Bangham, at a hearing in Worcester.",
            False,
        ),
        (
            HEARING,
            "Monk was dismissed without notice by West Mercia's chief constable, Alex"
            " Murray, at a hearing in Worcester.",
            True,
        ),
        # "all concerned" names people; "that using the Taser" is a noun, no predicate.
        (
            HEARING,
            "The director said he was grateful for the patience of all concerned in the"
            " hearing in Worcester.",
            False,
        ),
        (
            HEARING,
            "The judge accepted that using the Taser had not in itself been unlawful at the"
            " hearing in Worcester.",
            False,
        ),
    ],
)
def test_a_contrast_is_read_in_its_place(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, claim: str, contradicted: bool
) -> None:
    found, _, _ = read(tmp_path_factory, nlp, passage + "\n", claim)
    assert (found == Label.CONTRADICTED) == contradicted, found


def test_a_source_s_own_date_does_not_deny_the_date_of_a_report_it_names(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "The investigators concluded in their final report, published in December 2017,"
        " that the driver had probably lost awareness before the bend.\n"
    )
    claim = (
        "The investigators' final report, published on 7 December 2017, concluded that the"
        " driver had probably lost awareness."
    )
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim, published="2019-10-31")
    assert facts["7 December 2017"] != Label.CONTRADICTED


# --- a time of day after a word that bounds it; a time ago ---------------------------


def test_a_time_of_day_is_bounded_by_the_word_before_it() -> None:
    bounds = {v.text: v.qualifier for v in find_values("shortly after 6am, just before 06:40")}
    assert bounds == {"6am": "more than", "06:40": "less than"}


@pytest.mark.parametrize(("hour", "label"), [("6am", Label.SUPPORTED), ("7am", None)])
def test_a_time_after_an_hour_is_stated_by_a_time_in_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, hour: str, label: Label | None
) -> None:
    passage = "At about 06:07 on 9 November 2016 the tram derailed on the curve at Sandilands.\n"
    claim = f"Shortly after {hour} on 9 November 2016 the tram derailed on the curve at Sandilands."
    fact = read(tmp_path_factory, nlp, passage, claim)[1][hour]
    assert fact == label if label else fact != Label.SUPPORTED


@pytest.mark.parametrize(
    ("years", "label"), [("Seven", Label.SUPPORTED), ("Six", Label.CONTRADICTED)]
)
def test_a_time_ago_is_counted_to_the_article_s_own_day(
    tmp_path_factory: pytest.TempPathFactory, nlp, years: str, label: Label
) -> None:
    passage = "On 9 November 2016 a tram overturned on the curve at Sandilands in Croydon.\n"
    store = store_of_source(tmp_path_factory, nlp, HEAD.format(published="2016-11-10") + passage)
    article = (
        '---\ntitle: "Seven years on"\npublished: "2023-11-09"\n---\n\n'
        f"{years} years ago today, on 9 November 2016, a tram overturned at Sandilands in Croydon.\n"
    )
    (claim,) = verify_text(article, store, nlp=nlp).claims
    assert {f.fact.text: f.label for f in claim.facts}[f"{years} years"] == label


# --- a clause's words from the passages that tell of its day -------------------------


def store_of_sources(
    tmp_path_factory: pytest.TempPathFactory, nlp, sources: dict[str, tuple[str, str]]
):
    """A store of several one-passage sources: {file name: (published, passage)}."""
    from pipeline.ingest import ingest
    from pipeline.store import Store

    folder = tmp_path_factory.mktemp("sources")
    for name, (published, passage) in sources.items():
        (folder / name).write_text(
            HEAD.format(published=published) + passage + "\n", encoding="utf-8"
        )
    store = Store(tmp_path_factory.mktemp("db") / "s.db")
    assert not ingest([folder], store, nlp=nlp).failed
    return store


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory: pytest.TempPathFactory, nlp):
    return store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "report.md": (
                "2017-12-07",
                "Nine days before the accident, on 31 October 2016, another tram had entered"
                " the same curve at an excessive speed. It stayed on the rails.",
            ),
            "news.md": (
                "2016-11-10",
                "At about 06:07 on 9 November 2016 a tram derailed on the same curve at"
                " Sandilands, the investigators said.",
            ),
        },
    )


@pytest.mark.parametrize(
    ("verb", "label"),
    [("entered", Label.SUPPORTED), ("derailed on", Label.UNVERIFIED)],
)
def test_a_clause_s_verb_is_stated_only_by_a_passage_of_its_day(
    two_reports, nlp, verb: str, label: Label
) -> None:
    claim = f"On 31 October 2016, another tram had {verb} the same curve at an excessive speed."
    (found,) = verify_text(claim, two_reports, nlp=nlp).claims
    assert found.label == label, found.uncovered
    if label != Label.SUPPORTED:
        assert "derailed" in found.uncovered


def test_a_bare_number_is_not_stated_by_a_count_of_something_the_claim_does_not_name(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "They join four victims whose names had already emerged. Dorota Rynkiewicz, 35,"
        " who was Polish, lived in New Addington.\n"
    )
    claim = "Dorota Rynkiewicz, 35, a Polish mother of four, lived in New Addington."
    assert read(tmp_path_factory, nlp, passage, claim)[1]["four"] != Label.SUPPORTED


# --- initials with small letters; a word said only where it is denied -----------------


def test_initials_with_small_letters_are_the_name_they_stand_for() -> None:
    from pipeline.coverage import initials_of

    assert initials_of("TfL", "Transport for London")
    assert initials_of("NHS", "the National Health Service")
    assert not initials_of("TfL", "Tram Operations Ltd")
    assert not initials_of("Fujitsu", "Foo Bar")


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        # Initials are the name spelt out, never its rival.
        (
            "The coroner, Sarah Ormond-Walshe, declined to call the managers of TfL to give"
            " evidence.",
            Label.SUPPORTED,
        ),
        # The passage says "call" only where it denies it.
        (
            "The coroner, Sarah Ormond-Walshe, insisted on calling the managers of TfL to"
            " give evidence.",
            Label.UNVERIFIED,
        ),
    ],
)
def test_a_word_said_only_where_it_is_denied_does_not_state_the_claim_s(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label
) -> None:
    passage = (
        "The coroner, Sarah Ormond-Walshe, refused to call a number of witnesses to give"
        " evidence, among them senior managers of Transport for London.\n"
    )
    found, _, uncovered = read(tmp_path_factory, nlp, passage, claim)
    assert found == label, uncovered


@pytest.mark.parametrize(("month", "label"), [("June", Label.SUPPORTED), ("December", None)])
def test_that_month_is_a_month_of_the_year_last_named(
    tmp_path_factory: pytest.TempPathFactory, nlp, month: str, label: Label | None
) -> None:
    passage = (
        "At the first hearing, at Croydon Magistrates' Court on 10 June 2022, both"
        " companies pleaded guilty.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, HEAD.format(published="2022-06-10") + passage)
    text = (
        "The regulator announced its prosecution in March 2022. At the first hearing, at"
        f" Croydon Magistrates' Court that {month}, both companies pleaded guilty."
    )
    claim = verify_text(text, store, nlp=nlp).claims[-1]
    fact = {f.fact.text: f.label for f in claim.facts}[f"that {month}"]
    assert fact == label if label else fact != Label.SUPPORTED


def test_a_call_that_summons_is_a_deed_to_check(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    from pipeline.coverage import claim_terms

    assert "called" in [t.text for t in claim_terms("She called the managers to give evidence.")]
    assert "called" not in [t.text for t in claim_terms("A company called Fujitsu built it.")]
    passage = (
        "The coroner, Sarah Ormond-Walshe, refused to call a number of witnesses, among them"
        " senior managers of Transport for London.\n"
    )
    claim = "The coroner, Sarah Ormond-Walshe, called the managers of TfL to give evidence."
    found, _, uncovered = read(tmp_path_factory, nlp, passage, claim)
    assert found != Label.SUPPORTED and "called" in uncovered


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        # Two words side by side that no source states are a thing of the claim's own.
        (
            "The report made 15 recommendations, among them automatic braking, seat belts"
            " for passengers, and a safety body for the tramways.",
            ("seat", "belts"),
        ),
        # How a thing was done is asserted with the verb.
        ("The report found that the near miss on the bend was promptly reported.", ("promptly",)),
    ],
)
def test_a_thing_or_a_manner_no_source_states_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, words: tuple[str, ...]
) -> None:
    passage = (
        "The report made 15 recommendations, among them automatic braking, stronger"
        " windows and a safety body for the tramways. It found that the near miss on the"
        " bend was reported.\n"
    )
    found, _, uncovered = read(tmp_path_factory, nlp, passage, claim)
    assert found != Label.SUPPORTED
    assert set(words) <= set(uncovered)


def test_one_before_a_possessive_counts_nothing() -> None:
    assert not find_values("One victim's relative told ITV News of the family's anger.")
    assert [(v.number, v.unit) for v in find_values("One victim was named.")] == [(1, "victim")]


@pytest.mark.parametrize(
    "lead", ["Few will forget that", "No one can doubt that", "It is worth remembering that"]
)
def test_what_readers_remember_frames_the_fact_after_it(nlp, lead: str) -> None:
    from pipeline.claims import opinion_frames

    sentence = f"{lead} the driver was arrested at the scene."
    ((start, end),) = opinion_frames(sentence)
    assert sentence[start:end] == lead


@pytest.mark.parametrize("lead", ["and more absurd still that", "and even more shocking is that"])
def test_the_same_judgement_again_frames_the_next_clause(lead: str) -> None:
    from pipeline.claims import opinion_frames

    sentence = f"Debts reached some £1.5bn, {lead} the finance director raised the limit."
    spans = [sentence[a:b] for a, b in opinion_frames(sentence)]
    assert lead.removeprefix("and ") in spans, spans


# --- names and posts; words that are no predicate; a time from an unnamed event ------


def test_a_cause_told_by_a_clause_is_no_rival_of_a_cause_named(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "The former striker, 48, died in hospital after he was Tasered and kicked near his"
        " father's home in Telford.\n"
    )
    claim = "The former striker died, aged 48, after a confrontation with police in Telford."
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.CONTRADICTED


def test_a_time_after_an_unnamed_event_is_no_length_of_another(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "A constable has been charged with murdering the former striker, who died more than"
        " three years ago.\n"
    )
    claim = "A year later, prosecutors charged one constable with murdering the former striker."
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim)
    assert facts["A year"] != Label.CONTRADICTED


def test_letters_after_a_name_name_no_one() -> None:
    from pipeline.claims import same_name

    assert not same_name("John Butterfield KC", "KC")
    assert same_name("Dijen Basu KC", "Dijen Basu")
    assert same_name("Paula Vennells CBE", "Vennells")


@pytest.fixture(scope="module")
def two_trials(tmp_path_factory: pytest.TempPathFactory, nlp):
    return store_of_sources(
        tmp_path_factory,
        nlp,
        {
            "sentence.md": (
                "2021-06-29",
                "Sentencing him on Tuesday, Judge Melbourne Inman QC jailed Monk for eight"
                " years, six days after he was convicted. Monk's colleague had joined the"
                " force only six months earlier.",
            ),
            "retrial.md": (
                "2022-09-28",
                "At the retrial of his colleague, the judge, John Butterfield KC, told the"
                " jury he could accept a majority verdict.",
            ),
        },
    )


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Six days later, Judge Melbourne Inman QC jailed Monk for eight years.", Label.SUPPORTED),
        # Another judge of the story, named only of another trial, in the sentencing
        # judge's place.
        (
            "Six days later, Judge John Butterfield KC jailed Monk for eight years.",
            Label.CONTRADICTED,
        ),
        # The time the same way from the conviction denies it; "only six months
        # earlier", the other way and of something else, does not state it.
        (
            "Six months later, Judge Melbourne Inman QC jailed Monk for eight years.",
            Label.CONTRADICTED,
        ),
        # A time the other way states nothing of it.
        (
            "Six days earlier, Judge Melbourne Inman QC jailed Monk for eight years.",
            Label.UNVERIFIED,
        ),
    ],
)
def test_a_person_in_the_place_of_the_one_the_figures_name_and_a_time_the_same_way(
    two_trials, nlp, claim: str, label: Label
) -> None:
    (found,) = verify_text(claim, two_trials, nlp=nlp).claims
    assert found.label == label, [(f.fact.text, f.label) for f in found.facts]


@pytest.mark.parametrize(
    ("multiple", "contradicted"),
    [
        ("more than six times", False),
        ("less than twice", True),
        ("nearly seven times", False),
        ("about three times", True),
    ],
)
def test_a_multiple_of_a_figure_a_word_or_two_after_it_is_arithmetic(
    tmp_path_factory: pytest.TempPathFactory, nlp, multiple: str, contradicted: bool
) -> None:
    passage = (
        "Monk held the trigger of his Taser down for 33 seconds on the third attempt, far"
        " longer than the standard five-second cycle.\n"
    )
    claim = (
        f"Monk held the trigger of his Taser down for 33 seconds, {multiple} the standard"
        " five-second cycle."
    )
    found, _, _ = read(tmp_path_factory, nlp, passage, claim)
    assert (found == Label.CONTRADICTED) == contradicted, found


# --- "failed to" as "not" ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("passage", "label"),
    [
        ("When he joined the force in 2001, he had not declared two cautions.", Label.SUPPORTED),
        # the verb said without its negation denies the failure
        ("When he joined the force in 2001, he had declared two cautions.", Label.CONTRADICTED),
    ],
)
def test_failing_to_do_a_thing_is_stated_by_not_doing_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, label: Label
) -> None:
    found, _, uncovered = read(
        tmp_path_factory,
        nlp,
        passage,
        "In 2001 he joined the force after failing to declare two cautions.",
    )
    assert found == label
    assert "failing" not in uncovered


# --- a name in the plural, a promise, whose words -----------------------------------------


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("On 24 August 2015 the regulator grounded every Hawker Hunter.", Label.SUPPORTED),
        # another aircraft is no plural of the passage's
        ("On 24 August 2015 the regulator grounded every Hawker Typhoon.", None),
    ],
)
def test_a_name_in_the_plural_states_the_name(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label | None
) -> None:
    passage = "On 24 August 2015 the regulator grounded all Hawker Hunters."
    found, _, _ = read(tmp_path_factory, nlp, passage, claim)
    assert found == label if label is not None else found != Label.SUPPORTED


@pytest.mark.parametrize(
    ("passage", "label"),
    [
        (
            "On 3 March 2017 the CAA said it would carefully consider all of the AAIB's"
            " recommendations.",
            Label.SUPPORTED,
        ),
        # "considered" is no promise
        ("On 3 March 2017 the CAA said it had considered the AAIB's recommendations.", None),
    ],
)
def test_a_promise_is_stated_by_what_one_said_one_would_do(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, label: Label | None
) -> None:
    found, _, uncovered = read(
        tmp_path_factory,
        nlp,
        passage,
        "On 3 March 2017 the CAA promised to carefully consider the AAIB's recommendations.",
    )
    if label is not None:
        assert found == label
    assert ("promised" in uncovered) is (label is None)


def test_whose_words_a_quotation_gives_is_no_word_to_state(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    found, _, uncovered = read(
        tmp_path_factory,
        nlp,
        "In March 2017 the AAIB found that the aircraft did not achieve sufficient height at"
        " the apex of the loop.",
        "In the AAIB's words, in March 2017 the aircraft \"did not achieve sufficient height at"
        ' the apex" of the loop.',
    )
    assert found == Label.SUPPORTED, uncovered


@pytest.mark.parametrize(("noun", "label"), [("watchdog", Label.SUPPORTED), ("inspectorate", None)])
def test_a_body_is_stated_by_what_a_source_calls_it(
    tmp_path_factory: pytest.TempPathFactory, nlp, noun: str, label: Label | None
) -> None:
    passage = (
        "The file came from the Independent Office for Police Conduct (IOPC), the police"
        " watchdog, which investigated the officers.\n\n"
        "The officers were interviewed under caution.\n\n"
        "The case took several years.\n\n"
        "The family asked for privacy.\n\n"
        "The Independent Office for Police Conduct decided in 2018 that she should face a"
        " gross misconduct hearing."
    )
    found, _, uncovered = read(
        tmp_path_factory,
        nlp,
        passage,
        f"The {noun} decided in 2018 that she should face a gross misconduct hearing.",
    )
    if label is not None:
        assert found == label, uncovered
    else:
        assert noun in uncovered


@pytest.mark.parametrize(("cause", "denied"), [("g-forces", False), ("a seizure", True)])
def test_what_a_thing_was_brought_on_by_is_its_cause(
    tmp_path_factory: pytest.TempPathFactory, nlp, cause: str, denied: bool
) -> None:
    found, _, _ = read(
        tmp_path_factory,
        nlp,
        "In 2015 the pilot suffered a cognitive impairment caused by g-forces.",
        f"In 2015 the pilot suffered a cognitive impairment brought on by {cause}.",
    )
    assert (found == Label.CONTRADICTED) is denied


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The bomber had flown back from Libya only four weeks before the attack.",
         Label.CONTRADICTED),
        ("The bomber had flown back from Libya only four days before the attack.",
         Label.SUPPORTED),
        # counted from another event
        ("The bomber had flown back from Libya only four weeks before his arrest.", None),
    ],
)  # fmt: skip
def test_two_lengths_before_the_same_event_are_one_length(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label | None
) -> None:
    passage = (
        "Police said that the bomber had returned to Manchester from Libya on 18 May 2017,"
        " four days before he carried out the attack.\n"
    )
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim)
    found = next(v for k, v in facts.items() if k.startswith("four"))
    expect(found, label)


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("too high and too fast", Label.CONTRADICTED),
        ("too low and too slowly", None),
    ],
)
def test_an_opposite_among_the_clause_s_words_in_a_long_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp, words: str, label: Label | None
) -> None:
    """A passage that tells one clause of a long claim, with the opposite word among that
    clause's words around it, contradicts it, though the passage tells too little of
    the whole claim or of the clause (not "prosecutors", not "the Old Bailey")."""
    passage = (
        "The prosecution, led by a senior barrister, told the jury that the pilot had"
        " started the loop too low and too slowly and with too little engine power.\n"
        "His defence argued that he had suffered a cognitive impairment during the display,"
        " caused by the forces of the manoeuvre.\n"
    )
    claim = (
        "As the trial heard, prosecutors told the jury at the Old Bailey that the pilot had"
        f" started the loop {words}, while his lawyers argued that he had suffered a"
        " cognitive impairment during the display."
    )
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    expect(found, label)


@pytest.mark.parametrize(
    ("words", "label"),
    [
        ("a weaker remit", Label.CONTRADICTED),
        ("looser powers", Label.CONTRADICTED),
        ("a stronger remit", None),
    ],
)
def test_the_opposite_word_before_the_same_thing_in_a_long_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp, words: str, label: Label | None
) -> None:
    """An adjective before the same noun as its opposite in a passage that tells the
    claim's event contradicts it, though few of the claim's other words stand beside
    it ("among them a *weaker* remit for" / "Act 1975, a stronger remit to")."""
    passage = (
        "Ministers accepted all of the review's recommendations. These include:\n\n"
        "- giving the Environment Agency, which regulates reservoir safety in England under"
        " the Reservoirs Act 1975, a stronger remit to enforce maintenance that owners have"
        " left outstanding, and tighter powers over owners;\n"
    )
    claim = (
        f"Ministers accepted all of the review's recommendations, among them {words} for the"
        " Environment Agency, which regulates reservoir safety in England under the"
        " Reservoirs Act 1975, to enforce maintenance that owners had left outstanding."
    )
    if words == "looser powers":
        claim = claim.replace("looser powers for the", "looser powers over owners for the")
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    expect(found, label)


def test_a_verb_before_the_same_thing_is_no_opposite_by_that_alone(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """A verb and its object tell of a moment, which the words around them place: "had
    *lost* awareness" is not contradicted by "when he regained awareness" beside "had
    temporarily lost awareness"."""
    passage = (
        "The branch considers it probable that the driver had temporarily lost awareness"
        " on the approach, possibly in a microsleep. When he regained awareness, he braked"
        " too late.\n"
    )
    claim = (
        "The branch's final report concluded that the driver had probably lost awareness,"
        " possibly in a microsleep, and braked too late."
    )
    expect(read(tmp_path_factory, nlp, passage, claim)[0], None)


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The agency regulates reservoir safety in England under the Reservoirs Act 1995.",
         Label.CONTRADICTED),
        ("The Reservoirs Act 1995 is the law under which the agency regulates reservoir safety.",
         Label.CONTRADICTED),
        ("The agency regulates reservoir safety in England under the Reservoirs Act 1975.",
         Label.SUPPORTED),
        # a month before a year is a date, which the date judge reads
        ("The agency has regulated reservoir safety in England since June 1995.", None),
    ],
)  # fmt: skip
def test_a_name_with_another_number(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label | None
) -> None:
    """A law's name that ends in its year, where the passage gives the same law another
    year: "the Reservoirs Act 1995" / "the Reservoirs Act 1975"."""
    passage = (
        "The agency regulates reservoir safety in England under the Reservoirs Act 1975,"
        " which sets out what owners must do.\n"
    )
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    expect(found, label)


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("The crush happened at Hillsborough, Sheffield United's ground, during the"
         " semi-final.", Label.CONTRADICTED),
        ("The crush happened at Hillsborough, Sheffield Wednesday's ground, during the"
         " semi-final.", Label.SUPPORTED),
        # the kind of body the name ends in is another body, not another name
        ("The crush happened at Hillsborough, Sheffield Wednesday Council's ground,"
         " during the semi-final.", None),
    ],
)  # fmt: skip
def test_a_name_with_one_word_changed(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label | None
) -> None:
    """A name no source gives, where a passage gives it with one word changed:
    "Sheffield United's ground" / "Hillsborough, the ground of Sheffield Wednesday"."""
    passage = (
        "The crush happened at Hillsborough, the ground of Sheffield Wednesday, during"
        " the semi-final.\n"
    )
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    expect(found, label)


@pytest.mark.parametrize(
    ("reported", "said", "label"),
    [
        ("denied", "never fell", Label.SUPPORTED),
        ("denied", "fell", Label.CONTRADICTED),
        ("admitted", "never fell", Label.CONTRADICTED),
        ("admitted", "fell", Label.SUPPORTED),
    ],
)
def test_what_someone_denied_is_denied(
    tmp_path_factory: pytest.TempPathFactory, nlp, reported: str, said: str, label: Label
) -> None:
    """ "the driver denied that he had fallen asleep" denies the falling asleep: it states
    "he never fell asleep" and reverses "he fell asleep"."""
    passage = (
        f"Giving evidence at his trial, the driver {reported} that he had fallen asleep at"
        " the controls.\n"
    )
    claim = f"Giving evidence at his trial, the driver said that he {said} asleep at the controls."
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


@pytest.mark.parametrize(
    ("ending", "label"),
    [
        # an irregular verb form that is a word of its own too, standing as a deed
        (", and the members left.", Label.UNVERIFIED),
        # the same word qualifying the thing after it is only added
        (" in the left wing.", Label.SUPPORTED),
    ],
)
def test_an_irregular_verb_form_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, ending: str, label: Label
) -> None:
    """What someone did is what a claim asserts: "the members *left*" (the past of
    "leave", and a word of its own) is never a word the claim only adds."""
    passage = (
        "Police were called to the hall after members of the club fought there on Friday night.\n"
    )
    claim = (
        "Police were called to the hall after members of the club fought there on Friday night"
        + ending
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


@pytest.mark.parametrize(
    ("text", "word", "deed"),
    [
        ("Police were called, but the members left before they arrived.", "left", True),
        ("His party won in 2019.", "won", True),
        ("The branch, led by its chief inspector, made 20 recommendations.", "led", False),
        ("They sat in the left wing.", "left", False),
        ("Fans gathered at Sheffield Wednesday's ground.", "ground", False),
    ],
)
def test_an_irregular_form_stands_as_a_deed_after_its_subject(
    text: str, word: str, deed: bool
) -> None:
    from pipeline.coverage import Span
    from pipeline.judge.content import _irregular_deed

    at = text.index(word)
    assert _irregular_deed(text, Span("", word, at, at + len(word))) is deed


def test_what_someone_blamed_is_a_cause_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "blaming a *fault* in the brakes", where the passage has him blame poor lighting:
    what he blamed is what the claim asserts."""
    passage = (
        "In his evidence the driver said he had become disorientated in the tunnel, and"
        " blamed the tunnel.\n"
    )
    claim = (
        "In his evidence the driver said he had become disorientated in the tunnel,"
        " blaming a fault in the tunnel."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.SUPPORTED


def test_one_of_a_series_is_no_other_name(tmp_path_factory: pytest.TempPathFactory, nlp) -> None:
    """The number of one of a series names another of it, not the same thing otherwise: a
    game "developed for PlayStation 5" is not denied by "released for PlayStation 4"."""
    passage = "Final Fantasy VII Remake is an action game released for PlayStation 4 in 2020.\n"
    claim = "Final Fantasy VII Remake is an action game developed for PlayStation 5."
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.CONTRADICTED


def test_a_scant_thing_is_no_opposite_of_its_denial(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "had minimal commercial success" all but says "was not commercially successful"."""
    passage = (
        "Although Neu! had minimal commercial success during its existence, the band is"
        " considered one of the founding fathers of Krautrock.\n"
    )
    claim = "Neu! was not commercially successful during its existence."
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.CONTRADICTED


@pytest.mark.parametrize(
    ("claim", "passage", "other"),
    [
        ("fans at Hillsborough, Sheffield United's ground", "fans at Hillsborough, the"
         " ground of Sheffield Wednesday", "Sheffield Wednesday"),
        # one name spelt two ways, shortened, or with another number, is no other name
        ("treated at the Crossroads Center in Antigua", "treated at the Crossroads Centre"
         " in Antigua", None),
        ("sent off against Sporting Gijon in May", "sent off against Sporting Gijón in"
         " May", None),
        ("the logo of Warner Brothers in the film", "the logo of Warner Bros. in the film",
         None),
        ("released for PlayStation 5 in 2020", "released for PlayStation 4 in 2020", None),
        # nor the kind of body the name ends in
        ("officers of Greater Manchester Police at the scene", "officers of Greater"
         " Manchester Fire at the scene", None),
    ],
)  # fmt: skip
def test_renamed_is_one_word_of_a_name_changed(claim: str, passage: str, other: str | None) -> None:
    from pipeline.contrast import renamed
    from pipeline.coverage import Span, Window

    name = next(n for n in ("Sheffield United", "Crossroads Center", "Sporting Gijon",
                            "Warner Brothers", "PlayStation 5", "Greater Manchester Police")
                if n in claim)  # fmt: skip
    at = claim.index(name)
    found = renamed(claim, Span("NAME", name, at, at + len(name)), Window(passage))
    assert (found.text if found else None) == other


def test_a_name_with_an_owner_inside_is_not_a_person_s_name_changed(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "Martyn's Law" is no "Martyn Hett" with a word changed: the "'s" inside a name
    stays, and a person's name is another person, not another name of the claim's."""
    passage = (
        "Figen Murray, the mother of Martyn Hett, campaigned for the law on the security"
        " of venues, which received royal assent on 3 April 2025.\n"
    )
    claim = "The law on the security of venues, known as Martyn's Law, received royal assent."
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.CONTRADICTED


@pytest.mark.parametrize(
    ("word", "other"),
    [("granted", "refused"), ("renewed", "terminated"), ("raise", "cut"),
     ("increases", "cuts"), ("expansion", "reduction"), ("earned", "lost"),
     ("earned", "cost"), ("profits", "losses")],
)  # fmt: skip
def test_a_newsroom_s_opposites(word: str, other: str) -> None:
    assert lexicon.opposite(word, other) and lexicon.opposite(other, word)


@pytest.mark.parametrize(("verb", "label"), [("earned", Label.CONTRADICTED), ("lost", None)])
def test_money_earned_is_denied_by_money_it_cost(
    tmp_path_factory: pytest.TempPathFactory, nlp, verb: str, label: Label | None
) -> None:
    passage = (
        "The inspectors found that the council had suffered repeated failures in its investment"
        " strategy, and that these failures had cost it substantial sums of public money.\n"
    )
    claim = (
        f"The inspectors found that the council had {verb} substantial sums of public money"
        " through repeated failures in its investment strategy."
    )
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    assert (found == Label.CONTRADICTED) is (label == Label.CONTRADICTED), found


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("Just as damning, the maintenance had lapsed.", "Just as damning,"),
        ("Even more alarming, the council borrowed £1bn.", "Even more alarming,"),
        ("Worryingly, the council borrowed £1bn.", "Worryingly,"),
        # a judgement said as it is leads only after a weighing ("just as", "more")
        ("Extraordinary scenes followed in court, as the jury returned.", None),
        ("Shocking footage, filmed by a neighbour, showed the collapse.", None),
    ],
)
def test_a_weighing_leads_the_sentence_to_its_comma(sentence: str, lead: str | None) -> None:
    from pipeline.claims import opinion_frames

    spans = [sentence[a:b] for a, b in opinion_frames(sentence)]
    assert (lead in spans) if lead else not spans, spans


def test_a_share_in_words_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = (
        "Andrew Hill, 54, was cleared on 8 March 2019 by a jury at the Old Bailey of"
        " eleven counts of manslaughter by gross negligence.\n"
    )
    claim = (
        "On 8 March 2019 the jury at the Old Bailey cleared Andrew Hill, 54, of fewer than"
        " half of the counts of manslaughter by gross negligence."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] != Label.SUPPORTED


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Anna Aspinall", Label.SUPPORTED),
        # the passage's age is another person's, and no source gives this one an age
        ("Julie Sharman", Label.CONTRADICTED),
    ],
)
def test_the_age_of_another_named_person_is_a_swapped_name(
    tmp_path_factory: pytest.TempPathFactory, nlp, name: str, label: Label
) -> None:
    passage = (
        "Anna Aspinall, 36, from Whaley Bridge, said she and others had answered a call to"
        " help fill sandbags near the dam, but they were sent away by engineers.\n"
        "Julie Sharman, who runs the trust that owns the reservoir, said the spillway had"
        " broken away.\n"
    )
    claim = (
        f"Residents such as {name}, 36, who had turned out to help fill sandbags near the"
        " dam, were sent away by engineers."
    )
    _, facts, _ = read(tmp_path_factory, nlp, passage, claim)
    assert facts["36"] == label


@pytest.mark.parametrize(("said", "label"), [("had caused", Label.CONTRADICTED),
                                             ("had not caused", None)])  # fmt: skip
def test_a_predicate_denied_beside_the_passage_of_the_claim_s_own_subject(
    tmp_path_factory: pytest.TempPathFactory, nlp, said: str, label: Label | None
) -> None:
    """The sentence beside the passage denies the predicate of the same subject in other
    words ("the behaviour of the fans" / "the conduct of the supporters"): a
    contradiction, not only a reason to withhold SUPPORTED."""
    passage = (
        "The jury found that mistakes by the police had caused or contributed to the"
        " dangerous situation at the turnstiles, and that errors by the ambulance service"
        " had caused or contributed to the loss of lives.\n"
        "It found that nothing in the conduct of the supporters had caused or contributed"
        " to the dangerous situation.\n"
    )
    claim = (
        f"The jury found that the behaviour of the fans {said} or contributed to the"
        " dangerous situation at the turnstiles, and that errors by the police had caused"
        " or contributed to that danger while errors by the ambulance service had caused or"
        " contributed to the loss of lives."
    )
    found = read(tmp_path_factory, nlp, passage, claim)[0]
    expect(found, label)


@pytest.mark.parametrize(
    ("county", "label"), [("West Sussex", Label.SUPPORTED), ("East Sussex", Label.CONTRADICTED)]
)
def test_names_a_compass_word_apart_are_two_places(
    tmp_path_factory: pytest.TempPathFactory, nlp, county: str, label: Label
) -> None:
    """ "East Sussex" is no misspelling of "West Sussex", however alike the letters."""
    passage = (
        "The senior coroner for West Sussex, Penelope Schofield, concluded today that the"
        " eleven men who died in the Shoreham Airshow crash were unlawfully killed.\n"
    )
    claim = (
        f"The senior coroner for {county}, Penelope Schofield, concluded that the eleven men"
        " who died in the Shoreham Airshow crash were unlawfully killed."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


@pytest.mark.parametrize(("party", "label"), [("Labour", Label.SUPPORTED),
                                              ("Conservative", Label.CONTRADICTED)])  # fmt: skip
def test_a_compound_no_source_names_against_the_same_compound_named_otherwise(
    tmp_path_factory: pytest.TempPathFactory, nlp, party: str, label: Label
) -> None:
    # The passage with the party stands among more relevant ones, past those read first.
    others = "".join(
        f"The notice from the council halted all new spending on {what}, its interim"
        " director of finance said.\n"
        for what in ("roads", "parks", "libraries", "leisure", "housing", "events", "grants")
    )
    passage = (
        "Birmingham City Council issued a section 114 notice on Tuesday, halting all new"
        " spending except on services it is bound by law to provide.\n"
        "The notice was signed by the council's interim director of finance, Fiona"
        " Greenway.\n" + others + "The Labour-run council, in the West Midlands, serves"
        " more than a million people.\n"
    )
    claim = (
        f"The notice from the {party}-run council in the West Midlands, signed by its interim"
        " director of finance, Fiona Greenway, halted all new spending."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


@pytest.fixture(scope="module")
def thurrock(tmp_path_factory: pytest.TempPathFactory, nlp):
    """A store of case 11's sources, as the case's benchmark reads them."""
    from pathlib import Path

    from pipeline.ingest import ingest
    from pipeline.store import Store

    store = Store(tmp_path_factory.mktemp("case11") / "s.db")
    sources = Path(__file__).resolve().parent.parent / "bench" / "case11" / "sources"
    assert not ingest([sources], store, nlp=nlp).failed
    return store


def test_a_name_the_passages_with_the_figures_state_has_no_rival_elsewhere(thurrock, nlp) -> None:
    """The buyer the passages with the sale's figures name ("sold to Schroders Greencoat
    for about £700m") is the claim's: the seller a passage about something else names in
    a like role ("Mr Kavanagh appeared to have taken as much as £130m") is no rival."""
    report = verify_text(
        "As the Bureau of Investigative Journalism reported in January, the 53 farms have"
        " now been sold to the British investor Schroders Greencoat for about £700m, which"
        " the council says will cut its debt by more than £500m but which still leaves it"
        " nearly £200m short of what it was owed.",
        thurrock,
        nlp=nlp,
    )
    [claim] = report.claims
    assert claim.label != Label.CONTRADICTED, claim


def test_the_way_a_figure_lies_is_read_with_the_figure(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    """ "£200m ahead of what it was owed" is not stated by "in the years ahead" in a
    passage that does not hold the £200m."""
    passage = (
        "The solar farms were sold for about £700m, which leaves the council almost £200m"
        " below the total it was owed.\n"
        "The council's leader said the sale left the council facing a hard task in the"
        " years ahead.\n"
    )
    claim = (
        "The solar farms were sold for about £700m, which leaves the council nearly £200m"
        " ahead of the total it was owed."
    )
    label, _, uncovered = read(tmp_path_factory, nlp, passage, claim)
    assert label != Label.SUPPORTED and "ahead" in uncovered


@pytest.mark.parametrize(("force", "label"), [("West Mercia Police's", Label.SUPPORTED),
                                              ("Staffordshire Police's", Label.CONTRADICTED)])  # fmt: skip
def test_a_possessive_name_keeps_its_head(
    tmp_path_factory: pytest.TempPathFactory, nlp, force: str, label: Label
) -> None:
    passage = (
        "Dijen Basu KC, the barrister who presented the case against her, told the panel that"
        " West Mercia Police's deputy chief constable, Alex Murray, had asked it to consider"
        " a final written warning as well as dismissal without notice.\n"
    )
    claim = (
        f"The barrister presenting the case, Dijen Basu KC, told the panel that {force}"
        " deputy chief constable had asked it to consider a final written warning as well"
        " as dismissal without notice."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


@pytest.mark.parametrize(
    ("sentence", "frame"),
    [
        (
            "The leader said he was shocked, which says a great deal about what he was told.",
            ", which says a great deal about what he was told",
        ),
        ("The report was late, which speaks volumes.", ", which speaks volumes"),
        # a relative clause that tells a fact is the claim's
        ("The council borrowed £1bn, which it lent to a solar firm.", None),
    ],
)
def test_the_writer_s_comment_on_the_clause_before_is_a_frame(
    sentence: str, frame: str | None
) -> None:
    from pipeline.claims import opinion_frames

    spans = [sentence[a:b] for a, b in opinion_frames(sentence)]
    assert (frame in spans) if frame else not spans, spans


@pytest.mark.parametrize(("verdict", "label"), [("cleared", Label.SUPPORTED),
                                                ("convicted", Label.CONTRADICTED)])  # fmt: skip
def test_the_opposite_verb_of_the_same_charge(
    tmp_path_factory: pytest.TempPathFactory, nlp, verdict: str, label: Label
) -> None:
    """ "was cleared of murder but convicted of manslaughter" denies "convicted Monk, by
    then 43, of murder", though it states "convicted" of the other charge."""
    passage = (
        "PC Benjamin Monk, 43, was cleared of murder but convicted of manslaughter at"
        " Birmingham Crown Court on 23 June 2021.\n"
    )
    claim = (
        f"At Birmingham Crown Court on 23 June 2021 a jury {verdict} Monk, by then 43, of"
        " murder but convicted him of manslaughter."
    )
    assert read(tmp_path_factory, nlp, passage, claim)[0] == label


# --- another thing of the same kind -----------------------------------------------------


@pytest.mark.parametrize(
    ("word", "other", "alike"),
    [
        ("lorry", "motorcycle", True),
        ("kidney", "liver", True),
        ("murder", "manslaughter", True),
        # a kind too wide to tell them apart
        ("night", "evening", False),
        # one a kind of the other, or its synonym
        ("bombing", "attack", False),
        ("delay", "wait", False),
        ("police", "officers", False),
    ],
)
def test_two_things_of_one_specific_kind(word: str, other: str, alike: bool) -> None:
    assert lexicon.same_kind(word, other) is alike


@pytest.mark.parametrize(
    ("word", "words", "stated"),
    [
        # "liver" is, rarely, one who lives somewhere: no neighbour states the organ
        ("liver", {"neighbours", "called", "police"}, False),
        # a word for a person, by a more specific one
        ("officer", {"constable", "called"}, True),
    ],
)
def test_a_word_for_a_person_states_another_word_only_by_its_common_senses(
    word: str, words: set[str], stated: bool
) -> None:
    assert _in_other_words(word, frozenset(words)) is stated


@pytest.mark.parametrize(
    ("vehicle", "label"),
    [
        # the passage's motorcycle is the thing the claim's word stands in the place of
        ("lorry", Label.UNVERIFIED),
        # a word the passage says in other words
        ("motorbike", Label.SUPPORTED),
    ],
)
def test_an_unstated_word_of_the_kind_the_passage_names_is_no_addition(
    tmp_path_factory: pytest.TempPathFactory, nlp, vehicle: str, label: Label
) -> None:
    """A long claim of several people: the clause about one of them is read against the
    passage about him, wherever the passage puts its word."""
    others = (
        "Dylan Archer, 42, Tony Brightwell, 53, Matt Jones, 24, Graham Mallinson, 72,"
        " Daniele Polito, 23, Richard Smith, 26, Mark Trussler, 54, Jacob Schilt, 23"
    )
    passage = (
        "Mark Reeves, 53, had gone to the edge of the airfield on his motorcycle to take"
        " photographs of the display.\n\nThe road was closed for a week.\n\nThe inquest sat"
        f" in Horsham.\n\nThe others who died were {others}.\n"
    )
    text = (
        f"The dead were {others}, and Mark Reeves, 53, who had ridden his {vehicle} to the"
        " edge of the airfield to photograph the display."
    )
    found, _, uncovered = read(tmp_path_factory, nlp, passage, text)
    assert found == label, uncovered
    if label == Label.UNVERIFIED:
        assert vehicle in uncovered


# --- a plan denied ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passage", "text", "label"),
    [
        # a plan denied against the plan's verb expected
        (
            "A wet January slowed things down, but the Trust said it still expected to reopen"
            " the reservoir by late 2024.",
            "The Trust no longer plans to reopen the reservoir by late 2024.",
            Label.CONTRADICTED,
        ),
        (
            "The Trust said it no longer planned to reopen the reservoir by late 2024.",
            "The Trust still expects to reopen the reservoir by late 2024.",
            Label.CONTRADICTED,
        ),
        # the same plan
        (
            "A wet January slowed things down, but the Trust said it still expected to reopen"
            " the reservoir by late 2024.",
            "The Trust still plans to reopen the reservoir by late 2024.",
            None,
        ),
        # a plan given up is no denial of a deed, nor a deed of a plan
        (
            "The Trust reopened the reservoir to the public in March 2024.",
            "The Trust no longer plans to reopen the reservoir to the public.",
            None,
        ),
        (
            "He did not intend to kill the officer, the jury heard in 2019.",
            "He killed the officer in 2019.",
            None,
        ),
    ],
)
def test_a_plan_denied_is_read_against_a_plan(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str, label: Label | None
) -> None:
    found, _, _ = read(tmp_path_factory, nlp, passage, text)
    expect(found, label)


def test_a_function_word_is_no_thing_of_a_kind() -> None:
    """ "who" is WHO, an agency, to the lexicon: a passage's function words name nothing."""
    from pipeline.coverage import Span, Window
    from pipeline.judge.content import _another_of_its_kind
    from pipeline.records import Claim

    text = "She said so, as the PA news agency reported."
    claim = Claim("c1", text, 0, len(text), 1, 1, ())
    at = text.index("agency")
    agency = Span("", "agency", at, at + len("agency"))
    assert not _another_of_its_kind(claim, agency, Window("His sister, who was there, said so."))
    assert _another_of_its_kind(claim, agency, Window("His sister said so to the department."))


@pytest.mark.parametrize(
    ("state", "label"),
    [
        # a word the claim adds to what the passage says
        ("was in the grip of", Label.SUPPORTED),
        # the same word denied: what the claim says of him, which no passage states
        ("was not in the grip of", Label.UNVERIFIED),
    ],
)
def test_a_word_the_claim_denies_is_never_only_added(
    tmp_path_factory: pytest.TempPathFactory, nlp, state: str, label: Label
) -> None:
    passage = (
        "Neighbours rang the police at about 1.30am after hearing Mr Atkinson shouting in the"
        " street. He appeared to be going through a mental health crisis."
    )
    text = (
        "Neighbours had called the police at about 1.30am after hearing Mr Atkinson shouting,"
        f" and he {state} a mental health crisis."
    )
    found, _, uncovered = read(tmp_path_factory, nlp, passage, text)
    assert found == label, uncovered
    assert "grip" in uncovered


def test_a_negation_before_a_place_or_a_state_denies_its_noun() -> None:
    from pipeline.contrast import negated_words

    assert negated_words("he was not in the grip of a crisis") == ((18, "grip"),)
    assert [w for _, w in negated_words("He was not at the scene.")] == ["scene"]


@pytest.mark.parametrize(
    ("passage", "text"),
    [
        (
            "Greg Clark appointed Essex County Council as commissioner, with full control of"
            " the council's financial functions, on 2 September 2022.",
            "On 2 September 2022 Greg Clark appointed Essex County Council as commissioner,"
            " with no control over the council's financial functions.",
        ),
        (
            "Greg Clark appointed Essex County Council as commissioner, with no control over"
            " the council's financial functions, on 2 September 2022.",
            "On 2 September 2022 Greg Clark appointed Essex County Council as commissioner,"
            " with full control of the council's financial functions.",
        ),
    ],
)
def test_a_thing_had_with_none_of_it_is_denied(
    tmp_path_factory: pytest.TempPathFactory, nlp, passage: str, text: str
) -> None:
    """ "with no control over" denies "with full control of", either side."""
    found, _, _ = read(tmp_path_factory, nlp, passage, text)
    assert found == Label.CONTRADICTED
