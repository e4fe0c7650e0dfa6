"""Whole-claim coverage and contrasts, on hand-built text (no spaCy model)."""

from __future__ import annotations

import pytest

from pipeline import lexicon
from pipeline.contrast import ContrastKind, contrasts
from pipeline.coverage import (
    NUMBER,
    Span,
    Window,
    claim_terms,
    cover,
    grades,
    pairs_together,
    phrases_read,
)


def _terms(text: str, names: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> list[Span]:
    entities = [Span("ORG", n, text.index(n), text.index(n) + len(n)) for n in names]
    spans = [(text.index(s), text.index(s) + len(s)) for s in skip]
    return claim_terms(text, entities=entities, skip=spans)


def _window(text: str, names: tuple[str, ...] = ()) -> Window:
    spans = tuple(Span("ORG", n, text.index(n), text.index(n) + len(n)) for n in names)
    return Window(text, entities=spans)


@pytest.mark.parametrize(
    ("claim", "source", "relation"),
    [
        ("officers", "officer", lexicon.Relation.SAME),
        ("fell", "fall", lexicon.Relation.SAME),
        ("criticised", "criticized", lexicon.Relation.SAME),
        ("jailed", "imprisoned", lexicon.Relation.SYNONYM),
        ("killed", "murdered", lexicon.Relation.SPECIFIC),
        ("failed", "failure", lexicon.Relation.DERIVED),
        ("rose", "fell", lexicon.Relation.ANTONYM),
        ("convicted", "acquitted", lexicon.Relation.ANTONYM),
        # an antonym of a synonym: "disapprove" is a sense of "reject"
        ("approved", "rejected", lexicon.Relation.ANTONYM),
        ("rejected", "approved", lexicon.Relation.ANTONYM),
        # opposites WordNet does not record, added for the newsroom
        ("agreed", "refused", lexicon.Relation.ANTONYM),
        ("denied", "confirmed", lexicon.Relation.ANTONYM),
        ("backed", "opposed", lexicon.Relation.ANTONYM),
        # a denying prefix on a word of the other's sense, read both ways
        ("unhurt", "injured", lexicon.Relation.ANTONYM),
        ("uncover", "swabs", None),
        # words a newsroom writes for one another, which WordNet keeps apart
        ("apologised", "sorry", lexicon.Relation.SYNONYM),
        ("worried", "concerned", lexicon.Relation.SYNONYM),
        ("blamed", "caused", lexicon.Relation.SYNONYM),
        ("backed", "approved", lexicon.Relation.SYNONYM),
        ("flop", "failure", lexicon.Relation.SYNONYM),
        ("dropped", "abandoned", lexicon.Relation.SYNONYM),
        ("withdrawn", "revoked", lexicon.Relation.SYNONYM),
        ("every", "all", lexicon.Relation.SYNONYM),
        ("globally", "worldwide", lexicon.Relation.SYNONYM),
        ("favorable", "positive", lexicon.Relation.SYNONYM),
        ("favourable", "negative", lexicon.Relation.ANTONYM),
        ("gap", "shortfall", lexicon.Relation.SYNONYM),
        ("quashed", "overturned", lexicon.Relation.SYNONYM),
        ("slated", "scheduled", lexicon.Relation.SYNONYM),
        ("succumbed", "died", lexicon.Relation.SYNONYM),
        ("located", "headquartered", lexicon.Relation.SYNONYM),
        ("mainly", "mostly", lexicon.Relation.SYNONYM),
        ("lawyers", "defence", lexicon.Relation.SYNONYM),  # "his lawyers argued" / "his defence"
        ("rose", "increased", lexicon.Relation.SYNONYM),  # "rose by 475" / "an increase of"
        ("fell", "decreased", lexicon.Relation.SYNONYM),
        ("declined", "fell", lexicon.Relation.SYNONYM),
        ("rose", "decreased", lexicon.Relation.ANTONYM),
        ("sold", "sales", lexicon.Relation.SYNONYM),
        ("premiered", "released", lexicon.Relation.SYNONYM),
        ("aired", "premiered", lexicon.Relation.SYNONYM),
        ("released", "aired", None),  # each is read as "premiered", not as one another
        ("normally", "usual", lexicon.Relation.SYNONYM),
        ("rubbish", "waste", lexicon.Relation.SYNONYM),
        ("usual", "normal", lexicon.Relation.SYNONYM),
        ("largest", "highest", lexicon.Relation.SYNONYM),
        # an antonym of a word the other is read as
        ("smallest", "highest", lexicon.Relation.ANTONYM),
        ("stretch", "section", lexicon.Relation.SYNONYM),
        ("toll", "casualties", lexicon.Relation.SYNONYM),
        ("died", "born", lexicon.Relation.ANTONYM),
        # a state and the deeds that leave it, one way only
        ("dead", "killed", lexicon.Relation.SPECIFIC),
        ("dead", "died", lexicon.Relation.SPECIFIC),
        ("alive", "survived", lexicon.Relation.SPECIFIC),
        ("killed", "dead", None),
        # a prefix that denies the word after it
        ("unavoidable", "avoidable", lexicon.Relation.ANTONYM),
        ("non-violent", "violent", lexicon.Relation.ANTONYM),
        ("until", "til", None),
        ("uncle", "cle", None),
        ("apologised", "resigned", None),
        ("murdered", "killed", None),  # the general word does not state the specific one
        ("police", "policy", None),
    ],
)
def test_relations(claim: str, source: str, relation: lexicon.Relation | None) -> None:
    assert lexicon.relation(claim, source) == relation


def test_the_word_a_denying_prefix_opens() -> None:
    assert lexicon.unprefixed("unavoidable") == "avoidable"
    assert lexicon.unprefixed("Unarmed") == "armed"
    assert lexicon.unprefixed("union") == "union"
    assert lexicon.unprefixed("under") == "under"


def test_lexicon_file_reads_back_the_tables_written() -> None:
    """The compact lexicon format: every table as it was, missing keys as empty."""
    data = {
        "source": "test",
        "senses": 3,
        "lemmas": {"rise": [0, 2], "fall": [1], "fell": [3], "kill": [4], "murder": [5]},
        "hypernyms": {"5": [4], "4": [7, 6]},
        "antonyms": [["fall", "rise"]],
        "derived": [["kill", "murder"], ["fall", "rise"]],
        "exceptions": {"fell": "fall", "rose": "rise"},
        "verb_forms": ["fell", "rose"],
    }
    raw = lexicon.encode(data)
    assert raw == lexicon.encode(data)  # the same tables, the same bytes
    tables = lexicon.decode(raw)
    assert {w: tables.senses.get(w) for w in data["lemmas"]} == {
        w: tuple(ids) for w, ids in data["lemmas"].items()
    }
    assert "rose" not in tables.senses and tables.senses.get("rose") == ()
    assert [tables.hypernyms.get(i) for i in range(9)] == [(), (), (), (), (7, 6), (4,)] + [()] * 3
    assert tables.antonyms.get("rise") == {"fall"} and tables.antonyms.get("kill") == frozenset()
    assert tables.derived.get("rise") == {"fall"} and tables.derived.get("murder") == {"kill"}
    assert tables.exceptions == data["exceptions"]
    assert tables.verb_forms == {"fell", "rose"}
    with pytest.raises(ValueError, match="not a claimcheck lexicon"):
        lexicon.decode(b"\x1f\x8b" + raw)


def test_a_changed_organisation_and_verb_are_named() -> None:
    claim = (
        "West Midlands Police was criticised by the inspectorate for serious failings,"
        " and six officers were sacked."
    )
    source = (
        "Greater Manchester Police was criticised by the inspectorate for serious failings,"
        " and six officers were given management advice."
    )
    terms = _terms(claim, names=("West Midlands Police",), skip=("six",))
    window = _window(source, names=("Greater Manchester Police",))
    coverage = cover(terms, window)
    assert [t.text for t in coverage.uncovered] == ["West Midlands Police", "sacked"]
    found = contrasts(claim, terms, coverage, window, claim_entities=terms[:1])
    assert [(c.kind, c.article, c.source) for c in found] == [
        (ContrastKind.ENTITY, "West Midlands Police", "Greater Manchester Police")
    ]


def test_paraphrase_is_covered() -> None:
    claim = "Three men were jailed after the killing."
    source = "The three were imprisoned for the murder of a teenager."
    coverage = cover(_terms(claim, skip=("Three men",)), Window(source))
    assert coverage.complete, coverage.uncovered


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "The system for finance and HR failed.",
            "The system for finance and human resources failed.",
        ),
        (
            "The system for finance and human resources failed.",
            "The system for finance and HR failed.",
        ),
        ("Rates rose at the NHS.", "Rates rose at the National Health Service."),
    ],
)
def test_initials_state_the_words_they_stand_for(claim: str, source: str) -> None:
    coverage = cover(_terms(claim), Window(source), claim)
    assert coverage.complete, coverage.uncovered


def test_initials_do_not_state_other_words() -> None:
    claim = "The system for finance and HR failed."
    coverage = cover(_terms(claim), Window("The system for finance and payroll failed."), claim)
    assert [t.text for t in coverage.uncovered] == ["HR"]
    other = "The system for finance and housing rents failed."
    coverage = cover(_terms(other), Window("The system for finance and IT failed."), other)
    assert [t.text for t in coverage.uncovered] == ["housing", "rents"]


def test_a_phrase_that_links_to_the_sentence_before_asks_nothing_of_the_sources() -> None:
    words = [t.text for t in _terms("On top of that, it faced a shortfall in effect.")]
    assert words == ["faced", "shortfall"]


def test_along_with_joins_as_and_does() -> None:
    words = [t.text for t in _terms("The dead were Smith, along with Collett, both of Croydon.")]
    assert "along" not in words and "dead" in words


def test_one_word_of_the_passage_says_one_thing() -> None:
    """ "abandoned" states "dropped", the closer word, so it does not also state "leave"."""
    claim = "The advice to residents to leave should have been dropped at about 1.50am."
    source = "The stay put advice to residents should have been abandoned at about 1.50am."
    coverage = cover(_terms(claim), Window(source))
    assert [t.text for t in coverage.uncovered] == ["leave"]
    alone = cover(_terms("The advice should have been dropped."), Window(source))
    assert alone.complete, alone.uncovered


def test_a_month_is_stated_by_its_abbreviation() -> None:
    claim = "In November the board said the search was not inclusive enough."
    coverage = cover(
        _terms(claim), Window("Posted Nov 14. The board said the search was not inclusive enough.")
    )
    assert coverage.complete, coverage.uncovered
    elsewhere = cover(_terms(claim), Window("The board said the search was not inclusive enough."))
    assert [t.text for t in elsewhere.uncovered] == ["November"]


@pytest.mark.parametrize(
    ("name", "passage", "stated"),
    [
        ("Kent State University", "He graduated from Kent State in 1956.", True),
        ("Kent State University", "He worked at Kent State Hospital until 1956.", False),
        ("Miami University", "He grew up in Miami.", False),  # one word left: a city
    ],
)
def test_an_institution_is_stated_without_the_word_for_its_kind(
    name: str, passage: str, stated: bool
) -> None:
    claim = f"He graduated from {name}."
    coverage = cover(_terms(claim, names=(name,)), Window(passage))
    assert (name not in [t.text for t in coverage.uncovered]) is stated, coverage.uncovered


def test_an_alias_covers_a_name() -> None:
    claim = "The IOPC found failings in the Met."
    terms = claim_terms(
        claim,
        entities=[Span("ORG", "IOPC", 4, 8), Span("ORG", "the Met", 27, 34)],
    )
    source = "The Independent Office for Police Conduct found failings in the Metropolitan Police."
    window = _window(source, names=("Independent Office for Police Conduct", "Metropolitan Police"))
    assert cover(terms, window).complete


def test_antonym_and_negation_contradict() -> None:
    claim = "House prices rose sharply in the capital."
    window = Window("House prices fell sharply in the capital.")
    terms = _terms(claim)
    found = contrasts(claim, terms, cover(terms, window), window)
    assert [(c.kind, c.article, c.source) for c in found] == [
        (ContrastKind.ANTONYM, "rose", "fell")
    ]
    claim = "The officers will face disciplinary action."
    window = Window("None of the officers will face disciplinary action.")
    terms = _terms(claim)
    found = contrasts(claim, terms, cover(terms, window), window)
    assert [c.kind for c in found] == [ContrastKind.NEGATION]


def test_no_contrast_from_a_passage_about_something_else() -> None:
    claim = "West Midlands Police opened an inquiry into the council."
    window = _window(
        "Greater Manchester Police won an award for its work on knife crime.",
        names=("Greater Manchester Police",),
    )
    terms = _terms(claim, names=("West Midlands Police",))
    coverage = cover(terms, window)
    assert not coverage.complete
    assert contrasts(claim, terms, coverage, window, claim_entities=terms[:1]) == ()


def test_neighbouring_sentences_count() -> None:
    claim = "The hearing was adjourned and the coroner resigned."
    window = Window("The hearing was adjourned.", after="Days later the coroner resigned.")
    assert cover(_terms(claim), window).complete


@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("gunman", True),
        ("officers", True),
        ("critics", True),
        ("spokeswoman", True),
        ("fans", False),  # first the machine
        ("suicide", False),  # first the act
        ("night", False),
        ("omen", False),
        ("waiting", False),  # a lemma itself, the act: never another lemma's person
        ("police", False),  # a force
    ],
)
def test_words_for_a_person(word: str, person: bool) -> None:
    assert lexicon.names_a_person(word) is person


def test_a_word_for_a_person_is_stated_by_a_more_specific_person_only() -> None:
    assert not cover(
        _terms("A witness told an officer."), Window("A witness told police.")
    ).complete
    assert cover(
        _terms("A witness told an officer."), Window("A witness told a constable.")
    ).complete
    assert cover(_terms("He was a player for Leeds."), Window("He played for Leeds.")).complete


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("He flew back from Spain on Monday.", "He returned from Spain on Monday."),
        ("She is the daughter of refugees.", "Her parents came to Britain as refugees."),
        ("They are the parents of a pupil.", "Their son is a pupil."),
        ("The duties come into force next spring.", "The duties are enforced next spring."),
        (
            "The film took more outside Canada.",
            "The film took less in Canada, more in other territories.",
        ),
        ("It stopped all spending except on care.", "All spending stops, apart from care."),
        (
            "It runs the services it is bound by law to run.",
            "It is required by law to run the services.",
        ),
    ],
)
def test_a_phrase_of_the_claim_is_stated_in_other_words(claim: str, source: str) -> None:
    terms = _terms(claim)
    window = Window(source)
    assert not cover(terms, window).complete
    assert phrases_read(claim, cover(terms, window), window).complete


def test_a_law_that_comes_into_force_is_enforced() -> None:
    claim = "The duties will be enforced from next spring."
    assert cover(_terms(claim), Window("The duties come into force next spring.")).complete
    assert cover(_terms(claim), Window("The duties take effect next spring.")).complete
    assert not cover(_terms(claim), Window("The duties are debated next spring.")).complete


def test_a_person_and_the_word_before_it_are_stated_together() -> None:
    claim = "A witness told a senior officer about the bag."
    together = Window("A witness told a senior officer about the bag.")
    apart = Window(
        "A witness told a steward about the bag.",
        before="Senior staff were not called. The officer at the gate saw nothing.",
    )
    coverage = cover(_terms(claim), apart)
    assert coverage.complete  # each word somewhere in the window
    read = pairs_together(claim, coverage, apart)
    assert [t.text for t in read.uncovered] == ["senior", "officer"]
    assert pairs_together(claim, cover(_terms(claim), together), together).complete


def test_an_irregular_past_is_a_verb_only_when_it_is_no_word_of_its_own() -> None:
    assert lexicon.irregular_past("flown") and lexicon.irregular_past("began")
    assert not lexicon.irregular_past("lay")  # also a word: "a lay preacher"
    assert not lexicon.irregular_past("killed")  # regular: read by its ending


def test_a_derived_form_of_a_synonym_states_a_word() -> None:
    assert lexicon.states("jailed", "imprisonment")  # imprisonment <- imprison ~ jail
    assert lexicon.states("approved", "approval")
    assert not lexicon.states("acquitted", "conviction")


@pytest.mark.parametrize(
    ("claim", "source", "name"),
    [
        # another spelling of the same place, the same person with or without an initial
        (
            "Young won the rematch in Albuquerque.",
            "Young won the rematch in Albuqerque.",
            "Albuqerque",
        ),
        (
            "The rocket carried Mark T. Vande Hei to the station.",
            "The rocket carried Mark Vande Hei to the station.",
            "Mark Vande Hei",
        ),
    ],
)
def test_another_spelling_of_the_same_name_is_no_contrast(
    claim: str, source: str, name: str
) -> None:
    terms = _terms(claim)
    window = _window(source, names=(name,))
    found = contrasts(claim, terms, cover(terms, window), window)
    assert not [c for c in found if c.kind == ContrastKind.ENTITY], found


def _places(text: str) -> Window:
    names = [m for m in ("Libya", "Syria", "Manchester") if m in text]
    return Window(
        text, entities=tuple(Span("GPE", n, text.index(n), text.index(n) + len(n)) for n in names)
    )


def test_a_nationality_against_another_country_of_origin_contradicts() -> None:
    claim = "The boy was the son of Syrian refugees who settled in Manchester."
    at = claim.index("Syrian")
    terms = claim_terms(claim, entities=[Span("NORP", "Syrian", at, at + 6)])
    window = _places("The boy was the son of refugees from Libya who settled in Manchester.")
    found = contrasts(claim, terms, cover(terms, window), window)
    assert [(c.kind, c.article, c.source) for c in found] == [
        (ContrastKind.ENTITY, "Syrian", "Libya")
    ]
    # The passage that names the claim's own country says nothing against it.
    window = _places("The boy was the son of refugees from Syria who settled in Manchester.")
    assert not contrasts(claim, terms, cover(terms, window), window)


def test_a_bare_surname_does_not_state_another_first_name() -> None:
    claim = "Salmaan Khan stars in the film."
    terms = claim_terms(claim, entities=[Span("PERSON", "Salmaan Khan", 0, 12)])
    text = "It features Shahrukh Khan in the lead; it is the first film with Khan and Kaif."
    people = ("Shahrukh Khan", "Khan", "Kaif")
    at = 0
    spans = []
    for name in people:
        at = text.index(name, at)
        spans.append(Span("PERSON", name, at, at + len(name)))
        at += len(name)
    window = Window(text, entities=tuple(spans))
    assert "Salmaan Khan" in [t.text for t in cover(terms, window).uncovered]
    # Without another first name, the surname states the full name.
    window = Window("The film stars Khan.", entities=(Span("PERSON", "Khan", 15, 19),))
    assert "Salmaan Khan" not in [t.text for t in cover(terms, window).uncovered]


def test_a_noun_is_no_predicate_for_a_negated_verb() -> None:
    from pipeline.contrast import _negation

    # "will not race" negates racing; "a sprint car race" is a noun, no predicate.
    assert (
        _negation(
            "Stewart hit a driver during a sprint car race.", "Stewart will not race this weekend."
        )
        is None
    )
    assert _negation("Stewart will race this weekend.", "Stewart will not race this weekend.")


def test_a_place_the_claim_excludes_has_no_rival() -> None:
    claim = "The film earned $68 million outside North America."
    at = claim.index("North America")
    terms = claim_terms(claim, entities=[Span("LOC", "North America", at, at + 13)])
    text = "The film earned $55.7 million in the United States and Canada."
    at = text.index("the United States")
    window = Window(text, entities=(Span("GPE", "the United States", at, at + 17),))
    found = contrasts(claim, terms, cover(terms, window), window)
    assert not [c for c in found if c.kind == ContrastKind.ENTITY], found


def _entity(label: str, text: str, inside: str) -> Span:
    at = inside.index(text)
    return Span(label, text, at, at + len(text))


def test_a_name_is_not_stated_by_its_words_given_to_other_names() -> None:
    claim = "Amblin Television co-produced the series."
    terms = claim_terms(claim, entities=[_entity("ORG", "Amblin Television", claim)])
    text = "It was produced by Amblin Entertainment, in association with Warner Bros. Television."
    window = Window(
        text,
        entities=(
            _entity("ORG", "Amblin Entertainment", text),
            _entity("ORG", "Warner Bros. Television", text),
        ),
    )
    assert [t.text for t in cover(terms, window).uncovered][:1] == ["Amblin Television"]
    # The same words together state it, even among other names that hold one of them.
    text = "It was produced by Amblin Television and Amblin Entertainment."
    window = Window(text, entities=(_entity("ORG", "Amblin Entertainment", text),))
    assert "Amblin Television" not in [t.text for t in cover(terms, window).uncovered]


@pytest.mark.parametrize(
    ("claim", "word", "passage", "rival"),
    [
        (
            "Kshmr is a Kashmiri-American DJ.",
            "Kashmiri-American",
            "Kshmr is an Indian-American DJ and producer.",
            "Indian-American",
        ),
        (
            "Smith was a right-handed batter for Leeds.",
            "right-handed",
            "Smith was a left-handed batter for Leeds.",
            "left-handed",
        ),
    ],
)
def test_a_compound_with_another_first_part_is_no_statement_and_contradicts(
    claim: str, word: str, passage: str, rival: str
) -> None:
    label = "NORP" if word[0].isupper() else ""
    entities = [_entity(label, word, claim)] if label else []
    terms = claim_terms(claim, entities=entities)
    window = Window(passage, entities=(_entity("NORP", rival, passage),) if label else ())
    coverage = cover(terms, window)
    assert word in [t.text for t in coverage.uncovered]
    found = contrasts(claim, terms, coverage, window)
    assert [c.source for c in found] == [rival], found
    # The claim's own compound in the passage states it.
    same = Window(passage.replace(rival, word))
    assert word not in [t.text for t in cover(terms, same).uncovered]


@pytest.mark.parametrize(
    ("claim", "passage", "rival"),
    [
        (
            "Hackett released his sixth album in 1983.",
            "In 1983 Hackett released his seventh album.",
            "seventh",
        ),
        (
            "Chavan was the 21st Chief Minister of Maharashtra.",
            "Chavan was the 17th Chief Minister of Maharashtra.",
            "17th",
        ),
    ],
)
def test_another_place_in_the_same_order_contradicts(claim: str, passage: str, rival: str) -> None:
    terms = claim_terms(claim)
    window = Window(passage)
    coverage = cover(terms, window)
    found = contrasts(claim, terms, coverage, window)
    assert [(c.kind, c.source) for c in found] == [(ContrastKind.ORDER, rival)], found


def test_an_ordinal_is_stated_in_words_or_digits_and_a_day_is_no_place() -> None:
    claim = "Santa Clarita is the 17th largest city in California."
    terms = claim_terms(claim)
    window = Window("Santa Clarita is the seventeenth largest city in California.")
    assert "17th" not in [t.text for t in cover(terms, window).uncovered]
    # A day of a month is a date, not a place in an order.
    claim = "The 5th of May was the day the sixth report came out."
    window = Window("The 5th of May was the day the sixth report came out, not the 7th of May.")
    found = contrasts(claim, claim_terms(claim), cover(claim_terms(claim), window), window)
    assert not [c for c in found if c.kind == ContrastKind.ORDER], found


def _tagged(text: str, *names: tuple[str, str]) -> Window:
    return Window(text, entities=tuple(_entity(label, name, text) for label, name in names))


def test_a_name_the_passage_states_in_another_role_contradicts() -> None:
    claim = "Leona was born in London."
    entities = [_entity("PERSON", "Leona", claim), _entity("GPE", "London", claim)]
    terms = claim_terms(claim, entities=entities)
    text = "Leona was born in Ghana and raised in Islington, London."
    window = _tagged(
        text, ("PERSON", "Leona"), ("GPE", "Ghana"), ("GPE", "Islington"), ("GPE", "London")
    )
    found = contrasts(claim, terms, cover(terms, window), window, claim_entities=entities)
    assert [(c.article, c.source) for c in found] == [("London", "Ghana")], found
    # The claim's name in the list the frame goes on with is no contrast.
    text = "Leona was born in Ghana, London or Leeds, her biographers disagree."
    window = _tagged(
        text, ("PERSON", "Leona"), ("GPE", "Ghana"), ("GPE", "London"), ("GPE", "Leeds")
    )
    assert not contrasts(claim, terms, cover(terms, window), window, claim_entities=entities)


@pytest.mark.parametrize(
    ("claim", "names", "text", "passage_names"),
    [
        # The frame goes on with the claim's name, with no verb of its own.
        (
            "The game was released in North America in 1990.",
            [("LOC", "North America")],
            "It was first released in Japan in 1988 and later in North America in 1990.",
            [("GPE", "Japan"), ("LOC", "North America")],
        ),
        # A nationality fills no person's role.
        (
            "Nicole was engaged to Corey Haim.",
            [("PERSON", "Nicole"), ("PERSON", "Corey Haim")],
            "Nicole was dating and engaged to Canadian actor Corey Haim.",
            [("PERSON", "Nicole"), ("NORP", "Canadian"), ("PERSON", "Corey Haim")],
        ),
        # The passage spells the claim's name otherwise: its other names are not rivals.
        (
            "It is the only film without the participation of Antonio Banders.",
            [("PERSON", "Antonio Banders")],
            "It is the only film without the participation of Antonio Banderas and Carla Gugino.",
            [("PERSON", "Antonio Banderas"), ("PERSON", "Carla Gugino")],
        ),
    ],
)
def test_a_name_in_its_frame_read_generously(
    claim: str, names: list, text: str, passage_names: list
) -> None:
    entities = [_entity(label, name, claim) for label, name in names]
    terms = claim_terms(claim, entities=entities)
    window = _tagged(text, *passage_names)
    found = contrasts(claim, terms, cover(terms, window), window, claim_entities=entities)
    assert not [c for c in found if c.kind == ContrastKind.ENTITY], found


def test_a_compound_is_stated_by_its_parts_together_only() -> None:
    terms = claim_terms("Rascal Flatts is a country-pop band.")
    apart = Window(
        "Rascal Flatts is a country band.", after="Its songs often reach the pop charts."
    )
    assert "country-pop" in [t.text for t in cover(terms, apart).uncovered]
    together = Window("Rascal Flatts is a band that plays country pop.")
    assert "country-pop" not in [t.text for t in cover(terms, together).uncovered]


def test_names_that_differ_in_a_middle_word_are_two_names() -> None:
    from pipeline.claims import same_name

    assert not same_name(
        "Sony Computer Entertainment America", "Sony Interactive Entertainment America"
    )
    assert same_name("Mark T. Vande Hei", "Mark Vande Hei")
    assert same_name("the Graphic Artist Guild", "Graphic Artists Guild")


def test_a_court_s_phrase_says_its_verb() -> None:
    claim = "Abedi was acquitted at the Old Bailey in March of murder."
    terms = _terms(claim, names=("Abedi", "the Old Bailey"))
    text = "A jury at the Old Bailey had found Abedi guilty in March of murder."
    window = _window(text, names=("the Old Bailey",))
    coverage = cover(terms, window)
    assert [t.text for t in coverage.uncovered] == ["acquitted"]
    found = contrasts(claim, terms, coverage, window)
    assert [(c.kind, c.source) for c in found] == [(ContrastKind.ANTONYM, "found Abedi guilty")]
    convicted = _terms(claim.replace("acquitted", "convicted"), names=("Abedi", "the Old Bailey"))
    assert "convicted" not in [t.text for t in cover(convicted, window).uncovered]
    assert [p[0] for p in lexicon.phrases("She was found not guilty and cleared of it.")] == [
        "acquit",
        "acquit",
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("She was made a CBE in the New Year Honours.", ["appoint"]),
        ("He was made chief constable in 2016.", ["appoint"]),
        ("The jury cleared the 54-year-old of all eleven charges.", ["acquit"]),
        # a thing made is no one appointed
        ("The firm made a profit in 2016.", []),
    ],
)
def test_a_phrase_that_appoints_or_acquits_says_its_verb(text: str, said: list[str]) -> None:
    assert [p[0] for p in lexicon.phrases(text)] == said


def test_an_origin_beside_the_passage_that_names_the_subject_is_anchored() -> None:
    claim = "Salman Abedi, 22, was the son of Syrian refugees."
    entities = [_entity("PERSON", "Salman Abedi", claim), _entity("NORP", "Syrian", claim)]
    age = claim.index("22")
    terms = claim_terms(claim, entities=entities, skip=[(age, age + 2)])
    window = Window(
        "Police named the bomber as Salman Abedi, aged 22.",
        after="Abedi was born in Manchester; his parents came to Britain as refugees from Libya.",
        entities=(
            _entity("PERSON", "Salman Abedi", "Police named the bomber as Salman Abedi, aged 22."),
        ),
    )
    coverage = cover(terms, window)
    found = contrasts(
        claim, terms, coverage, window, claim_entities=entities, anchors=[(age, age + 2)]
    )
    assert [(c.article, c.source, c.anchored, c.source_start) for c in found] == [
        ("Syrian", "Libya", True, None)
    ], found


def test_an_ordinal_of_a_thing_is_a_term_and_a_day_is_a_number() -> None:
    claim = "The first penalty was scored by Anderson in the final."
    terms = claim_terms(claim)
    assert "first" in [t.text for t in terms]
    # ... stated elsewhere in the window, but the passage's penalty is the sixth.
    window = Window(
        "Anderson scored the sixth penalty in the final.", before="It was the first final."
    )
    found = contrasts(claim, terms, cover(terms, window), window)
    assert [(c.kind, c.source) for c in found] == [(ContrastKind.ORDER, "sixth")], found
    assert "first" not in [t.text for t in claim_terms("He was first elected in 2010.")]
    days = claim_terms("The first legs are on 13th and 15th April.")
    window = Window("The first legs will be played on 13 April and 15 April.")
    assert not cover(days, window).uncovered


def test_one_of_the_most_does_not_state_the_most() -> None:
    from pipeline.contrast import one_of_many

    window = Window("Luanda is one of the most populous capital cities in the world.")
    found = one_of_many("Luanda is the most populous capital city in the world.", window)
    assert found is not None and found.source == "one of the most populous"
    assert one_of_many("Luanda is one of the most populous capitals.", window) is None
    assert one_of_many("Luanda is the largest city.", Window("Luanda is the largest city.")) is None


def test_former_is_read_though_a_stopword() -> None:
    terms = claim_terms("Seven News is the network's former parent company.")
    uncovered = cover(terms, Window("Seven News is the network's parent company.")).uncovered
    assert "former" in [t.text for t in uncovered]


def test_a_record_is_stated_whole_whatever_its_dashes() -> None:
    terms = claim_terms("The Aggies are 7-4-1 in College Station.")
    scattered = Window(
        "The Aggies are 7\u20133\u20131 in College Station and 3\u20134\u20131 elsewhere."
    )
    assert "7-4-1" in [t.text for t in cover(terms, scattered).uncovered]
    assert not cover(terms, Window("The Aggies are 7\ufffd4\ufffd1 in College Station.")).uncovered


def test_a_verb_denied_or_only_wished_for_is_no_contrast_with_its_negation() -> None:
    passage = "Since the Packers were playing, Williams did not play in the Super Bowl."
    for claim in (
        "Williams was unable to play in the Super Bowl.",  # the claim denies it too
        "Williams wanted to play in the Super Bowl.",  # a wish, not a deed
    ):
        terms = claim_terms(claim)
        window = Window(passage)
        found = contrasts(claim, terms, cover(terms, window), window)
        assert not [c for c in found if c.kind == ContrastKind.NEGATION], (claim, found)
    claim = "Williams played in the Super Bowl."
    terms = claim_terms(claim)
    found = contrasts(claim, terms, cover(terms, Window(passage)), Window(passage))
    assert [c.kind for c in found] == [ContrastKind.NEGATION]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("America", "the United States", True),
        ("North America", "Canada", True),
        ("US", "Northeastern United States", True),
        ("Canada", "the Canadian Albums Chart", True),
        # two words inside longer names are not a place and its adjective
        ("The City of London Police", "The Metropolitan Police", False),
        ("Canada", "Mexico", False),
        ("London", "Ghana", False),
    ],
)
def test_names_of_one_place(a: str, b: str, one: bool) -> None:
    from pipeline.places import one_place

    assert one_place(a, b) is one


def test_a_region_is_stated_by_its_parts() -> None:
    claim = "The film earned $55 million in North America."
    terms = claim_terms(claim, entities=[_entity("LOC", "North America", claim)])
    window = Window("The film has grossed $55 million in the United States and Canada.")
    assert "North America" not in [t.text for t in cover(terms, window).uncovered]


def test_an_ordinal_of_another_event_is_no_contrast() -> None:
    claim = "Shapovalov won his first round match by defeating Chardy."
    terms = claim_terms(claim)
    # Only the thing ordered is shared, nothing of the event around it.
    window = Window("Shapovalov lost to Paire in the second round of the tournament.")
    found = contrasts(claim, terms, cover(terms, window), window)
    assert not [c for c in found if c.kind == ContrastKind.ORDER], found
    assert "former" not in [t.text for t in claim_terms("For the former, she led the campaign.")]


def test_a_season_s_second_year_is_read_whole() -> None:
    terms = claim_terms("The change takes place during the 2018\u201319 academic year.")
    assert "2019" in [t.text for t in terms]
    for said in ("over the 2018-2019 academic year", "in the 2018\u201319 academic year"):
        assert not cover(terms, Window(f"The change takes place {said}.")).uncovered, said
    assert cover(terms, Window("The change takes place in the 2018 academic year.")).uncovered


def test_names_of_the_virus_state_each_other() -> None:
    terms = claim_terms("Morocco has fewer than 75 COVID-19 cases.", skip=[(22, 24)])
    window = Window("The coronavirus cases in Morocco reached 74.")
    assert "COVID-19" not in [t.text for t in cover(terms, window).uncovered]


def test_another_nationality_after_the_same_copula_contradicts() -> None:
    claim = "Antonio Di Natale is Italian."
    entities = [_entity("PERSON", "Antonio Di Natale", claim), _entity("NORP", "Italian", claim)]
    terms = claim_terms(claim, entities=entities)
    text = "Antonio Di Natale is a German footballer who played for Italian club Udinese."
    window = _tagged(text, ("PERSON", "Antonio Di Natale"), ("NORP", "German"), ("NORP", "Italian"))
    found = contrasts(claim, terms, cover(terms, window), window, claim_entities=entities)
    assert [(c.article, c.source) for c in found] == [("Italian", "German")], found
    same = _tagged(text.replace("German", "Italian"), ("PERSON", "Antonio Di Natale"))
    assert not contrasts(claim, terms, cover(terms, same), same, claim_entities=entities)


def _orders(claim: str, text: str) -> list[str]:
    """The passage's words that another place in an order gives, against the claim."""
    terms = claim_terms(claim)
    window = Window(text)
    found = contrasts(claim, terms, cover(terms, window), window)
    return [c.source for c in found if c.kind == ContrastKind.ORDER]


def test_two_places_in_an_order_given_the_other_way_round_contradict() -> None:
    claim = "The Broncos traded Keenum with a seventh round pick in return for a 6th round pick."
    text = "The Broncos traded Keenum with a sixth round pick in exchange for a seventh round pick."
    assert "sixth" in _orders(claim, text)
    assert not _orders(text.replace("exchange", "return"), text)


def test_places_of_different_things_are_no_swap() -> None:
    claim = "He finished first in the 6th championship, winning it for the second time."
    text = "He won the 6th championship with a clear first place, his second win."
    assert not _orders(claim, text)


@pytest.mark.parametrize(
    ("place", "stated"),
    [("the UK", True), ("Britain", True), ("France", False)],
)
def test_a_name_inside_the_source_s_title(place: str, stated: bool) -> None:
    claim = f"In {place}, ITV changed the filming schedule."
    at = claim.index(place)
    terms = claim_terms(claim, entities=[Span("GPE", place, at, at + len(place))])
    window = Window(
        "Two days later ITV said that the filming schedule would change.",
        aliases=("2020 coronavirus pandemic in the United Kingdom",),
    )
    assert cover(terms, window).complete is stated


@pytest.mark.parametrize(
    ("claim", "source", "kind"),
    [
        # A verb in -s right after a named subject is a predicate the passage denies.
        (
            "The FDA approves the supplement for treatment.",
            "The supplement is not approved by the FDA for treatment.",
            ContrastKind.NEGATION,
        ),
        # "not" inside a compound negates no verb.
        (
            "The university is a not-for-profit institution of higher education.",
            "The University's schools offer programmes of higher education.",
            None,
        ),
        # A plain superlative where the passage ranks the same thing lower.
        (
            "Austin is the most populous city in Texas.",
            "Austin is the 4th-most populous city in Texas.",
            ContrastKind.ORDER,
        ),
        (
            "Manchester is the largest city in the region.",
            "Manchester is the second-largest city in the region.",
            ContrastKind.ORDER,
        ),
    ],
)
def test_predicates_and_ranks_read_against_the_passage(
    claim: str, source: str, kind: ContrastKind | None
) -> None:
    terms = _terms(claim)
    window = Window(source)
    found = contrasts(claim, terms, cover(terms, window), window)
    assert [c.kind for c in found] == ([kind] if kind else []), found


@pytest.mark.parametrize(
    ("claim", "place", "source", "passage_place", "stated"),
    [
        # A shorter name is another place; a place's kind word is no part of which.
        ("He was raised in New Hampshire.", "New Hampshire", "He was raised in Hampshire.",
         "Hampshire", False),
        ("It is based in Shizuoka Prefecture.", "Shizuoka Prefecture",
         "It is based in Shizuoka.", "Shizuoka", True),
        ("He is from Georgia.", "Georgia", "He is a Georgian citizen.", "Georgian", True),
    ],
)  # fmt: skip
def test_a_place_is_stated_by_its_own_name(
    claim: str, place: str, source: str, passage_place: str, stated: bool
) -> None:
    at = claim.index(place)
    terms = claim_terms(claim, entities=[Span("GPE", place, at, at + len(place))])
    label = "NORP" if passage_place.endswith("n") else "GPE"
    window = _tagged(source, (label, passage_place))
    assert (place not in [t.text for t in cover(terms, window).uncovered]) is stated


def test_a_prefix_that_makes_a_word_another_thing() -> None:
    terms = _terms("The Redskins are a professional football team.")
    window = Window("The Redskins are a semi-professional football team.")
    assert "professional" in [t.text for t in cover(terms, window).uncovered]


def test_a_title_tagged_with_a_person_s_name_is_no_other_person() -> None:
    claim = "The rocket carried Mark T. Vande Hei and Joe Acaba to the station."
    entities = [
        _entity("PERSON", "Mark T. Vande Hei", claim),
        _entity("PERSON", "Joe Acaba", claim),
    ]
    terms = claim_terms(claim, entities=entities)
    text = "The rocket carried Flight Engineers Mark Vande Hei and Joe Acaba to the station."
    window = _tagged(text, ("PERSON", "Flight Engineers Mark Vande Hei"), ("PERSON", "Joe Acaba"))
    found = contrasts(claim, terms, cover(terms, window), window, claim_entities=entities)
    assert not [c for c in found if c.kind == ContrastKind.ENTITY], found


def test_a_time_the_article_points_back_to_is_no_word_to_state() -> None:
    # "that year's budget" is the budget for a year its sources give as "2023-24".
    words = [t.text for t in _terms("It faced a gap of £87m in that year's budget.")]
    assert "year" not in words and "budget" in words


def test_a_verb_that_reports_a_finding_is_no_word_to_state() -> None:
    # Who judged it is a name of its own; "judged that" only reports the finding.
    words = [t.text for t in _terms("The investigators judged that the toll was higher.")]
    assert "judged" not in words and "investigators" in words


@pytest.mark.parametrize(
    ("passage", "word", "stated"),
    [
        # A word only said inside a name states nothing in other words.
        ("The files came from the Independent Police Complaints Commission.", "allowed", False),
        ("The commission of the offence was admitted.", "committed", True),
        # A verb only said with a particle that makes it another verb.
        ("The families feared being let down again.", "allowed", False),
        ("The court let the families speak.", "allowed", True),
        ("The fire spread so rapidly up the tower.", "fast", True),
        # A verb that reports a finding.
        ("He had admitted at the inquests that his failure was the cause.", "allowed", False),
    ],
)
def test_words_that_say_nothing_in_other_words(passage: str, word: str, stated: bool) -> None:
    claim = f"The law {word} it."
    [term] = [t for t in claim_terms(claim) if t.text == word]
    assert bool(cover([term], Window(passage)).covered) is stated


@pytest.mark.parametrize(
    ("claim", "source", "stated"),
    [
        ("The film was given a B+ by Entertainment Weekly.",
         "Entertainment Weekly gave the film a C+.", False),
        ("The film was given a B+ by Entertainment Weekly.",
         "Entertainment Weekly gave the film a B+.", True),
        ("Audiences graded the film with a `` B ''.",
         "Audiences polled by CinemaScore gave the film an average grade of `` B+ ''.", False),
        ("Critics gave it an A\u2212 grade.", "Critics gave it an A- grade.", True),
    ],
)  # fmt: skip
def test_a_letter_grade_is_stated_only_by_the_same_grade(
    claim: str, source: str, stated: bool
) -> None:
    terms = claim_terms(claim)
    graded = [t for t in terms if t.label == NUMBER]
    assert len(graded) == 1, terms
    assert (not cover(terms, Window(source)).uncovered) is stated


def test_plain_letters_are_no_grades() -> None:
    assert grades("Plan B was adopted by Company A and the B-side was cut.") == []
    assert [m.group(0) for m in grades("It was rated A by Moody's.")] == ["A"]


@pytest.mark.parametrize(
    ("claim", "name", "source", "passage_name", "label", "stated"),
    [
        # A first name the passage gives another surname is no name of the claim's person;
        # one it gives none is.
        ("David Mulcahy is the drummer.", "David Mulcahy",
         "The band consists of drummer David 'Skully' Sullivan and bassist Freddie Stitz.",
         "David", "PERSON", False),
        ("Peter Parker returns Mary Jane to John.", "Peter Parker",
         "Peter returns Mary Jane to John, and leaves.", "Peter", "PERSON", True),
        # The surname is the name's head: a later mention of the same person.
        ("David Mulcahy is the drummer.", "David Mulcahy",
         "The band consists of drummer Mulcahy and bassist Freddie Stitz.", "Mulcahy",
         "PERSON", True),
        ("It launched the Hanna-Barbera Cinematic Universe.",
         "Hanna-Barbera Cinematic Universe",
         "It launched a proposed series of films from Hanna-Barbera.", "Hanna-Barbera", "ORG",
         False),
    ],
)  # fmt: skip
def test_a_word_of_a_name_that_is_not_its_head_does_not_state_it(
    claim: str, name: str, source: str, passage_name: str, label: str, stated: bool
) -> None:
    terms = claim_terms(claim, entities=[_entity(label, name, claim)])
    window = _tagged(source, (label, passage_name))
    assert (name not in [t.text for t in cover(terms, window).uncovered]) is stated


def test_a_title_that_ends_a_longer_name_does_not_state_it() -> None:
    claim = "Uganda's official name is the Holy Land of Uganda."
    name = "the Holy Land of Uganda"
    terms = claim_terms(claim, entities=[_entity("GPE", name, claim)])
    window = Window("Uganda, officially the Republic of Uganda, is a landlocked country.",
                    aliases=("Uganda",))  # fmt: skip
    assert name in [t.text for t in cover(terms, window).uncovered]


def test_a_names_initials_are_spelled_by_a_name() -> None:
    claim = "Toorop is given a US passport."
    terms = claim_terms(claim, entities=[_entity("GPE", "US", claim)])
    window = Window("Gorsky gives Toorop a UN passport injected under the skin of the neck.")
    assert "US" in [t.text for t in cover(terms, window).uncovered]
    window = Window("Gorsky gives Toorop a United States passport.")
    assert "US" not in [t.text for t in cover(terms, window).uncovered]


def test_a_name_span_is_cut_at_the_verb_inside_it() -> None:
    claim = "Jefte Palo illustrated Civil War II."
    whole = "Jefte Palo illustrated Civil War II"
    terms = claim_terms(claim, entities=[_entity("ORG", whole, claim)])
    assert [t.text for t in terms if t.label] == ["Jefte Palo", "Civil War II"]
    window = Window("Marvel announced Civil War II from artist Karl Kesel.",
                    aliases=("Civil War II",))  # fmt: skip
    assert "Jefte Palo" in [t.text for t in cover(terms, window).uncovered]


def test_a_word_stated_only_by_another_word_of_the_claim_is_not_stated() -> None:
    claim = "Simran is a comedy drama."
    terms = claim_terms(claim, entities=[_entity("PERSON", "Simran", claim)])
    window = Window("Simran is an Indian heist comedy film directed by Hansal Mehta.")
    assert [t.text for t in cover(terms, window, claim).uncovered] == ["drama"]
    window = Window("Simran is an Indian heist comedy drama film directed by Hansal Mehta.")
    assert cover(terms, window, claim).uncovered == ()


def test_an_ordinal_is_a_rival_only_before_the_claim_s_next_word() -> None:
    from pipeline.contrast import rival

    def ordinals(text: str, *words: str) -> Window:
        return Window(text, entities=tuple(_entity("ORDINAL", w, text) for w in words))

    claim = "It was released as a promotional single from the album."
    at = claim.index("promotional")
    term = Span("", "promotional", at, at + len("promotional"))
    window = ordinals("It was released as the third single from the album.", "third")
    found = rival(claim, term, window)
    assert found is not None and found.text == "third"
    # Before another thing ("the tenth day"), or where the claim's next word is itself an
    # ordinal ("this tournament for the second time"), an ordinal is no rival.
    claim = "The inquests ended after a delay caused by the pandemic."
    at = claim.index("delay")
    term = Span("", "delay", at, at + len("delay"))
    window = ordinals("The jury reached its conclusion on the tenth day.", "tenth")
    assert rival(claim, term, window) is None
    claim = "He won in Bilbao, winning this tournament for the second time."
    at = claim.index("tournament")
    term = Span("", "tournament", at, at + len("tournament"))
    window = ordinals("The two finished first and second in the standings.", "first", "second")
    found = rival(claim, term, window)
    assert found is None or found.text not in ("first", "second"), found


def test_a_name_s_compound_is_no_rival_of_a_plain_word() -> None:
    from pipeline.contrast import rival

    claim = "In 2013 the recording session was ultimately scrapped."
    at = claim.index("ultimately")
    term = Span("", "ultimately", at, at + len("ultimately"))
    named = Window("In 2013 a recording session with ex-Girls was scrapped.")
    assert rival(claim, term, named) is None
    found = rival(claim, term, Window("In 2013 the recording session was quietly scrapped."))
    assert found is not None and found.text == "quietly"
    # a plain compound still stands in a plain word's place
    claim = "The session with the bassist was scrapped."
    at = claim.index("bassist")
    term = Span("", "bassist", at, at + len("bassist"))
    found = rival(claim, term, Window("The session with the ex-drummer was scrapped."))
    assert found is not None and found.text == "ex-drummer"
