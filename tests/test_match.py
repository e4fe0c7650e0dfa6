"""Matching without a language model: relevance, the search ranking, a claim's candidates.

The store here holds passages built by hand (no spaCy), so every ranking and
score below follows from match.py alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pipeline.match import (
    DOCUMENT_SHARE,
    MARK_END,
    MARK_START,
    _held_terms,
    coverage,
    highlight,
    other_spellings,
    rank,
    rare_words,
    relevance,
    retrieve,
    search,
)
from pipeline.records import (
    Candidate,
    Claim,
    Document,
    Fact,
    FactKind,
    Label,
    Metadata,
    Page,
    Passage,
    SearchHit,
    Value,
    ValueKind,
)
from pipeline.store import Store
from pipeline.text import TERM, content_words, local_words, query_words, stems

CLAIM = "Seventeen officers were investigated for misconduct."


def add(
    store: Store, doc_id: str, sentences: list[str], values: dict[int, Value] | None = None
) -> None:
    """A document of one passage a sentence, with the values given by sentence index."""
    text = " ".join(sentences)
    passages, position = [], 0
    for seq, sentence in enumerate(sentences):
        value = (values or {}).get(seq)
        moved = () if value is None else (_moved(value, position),)
        passages.append(
            Passage(doc_id, seq, 1, position, position + len(sentence), sentence, values=moved)
        )
        position += len(sentence) + 1
    document = Document(
        doc_id, f"/{doc_id}.txt", "text", text, (Page(1, 0, len(text)),), Metadata(title=doc_id)
    )
    store.add_document(document, passages)


def _moved(value: Value, offset: int) -> Value:
    fields = {name: getattr(value, name) for name in Value.__dataclass_fields__}
    return Value(**{**fields, "start": value.start + offset, "end": value.end + offset})


def claim_with(text: str, *facts: Fact) -> Claim:
    return Claim("c1", text, 0, len(text), 1, 1, facts)


def hit(passage_id: int, text: str, *, score: float, document: str = "d") -> SearchHit:
    return SearchHit(passage_id, document, 1, 0, len(text), text, text, score)


# --- word helpers and relevance ---------------------------------------------------


def test_content_words_keep_the_words_that_bound_and_negate_out_of_the_stop_list() -> None:
    assert content_words(CLAIM) == ["seventeen", "officers", "investigated", "misconduct"]
    # "more", "before", "never" and number words carry the claim: they stay.
    assert content_words("He said it was never more than two before 2019.") == [
        "never",
        "more",
        "two",
        "before",
    ]
    assert query_words("The the of OF") == ["the", "of"]  # nothing else left: kept
    assert stems(["investigated", "investigation", "police", "policy"]) == {"inves", "polic"}


def test_local_words_are_the_content_words_either_side_of_a_span() -> None:
    text = "None of the 17 officers investigated for misconduct will face disciplinary action."
    at = text.index("17 officers")
    around = local_words(text, at, at + len("17 officers"), window=3)
    assert around == {"none", "inves", "misco"}


def test_relevance_is_the_share_of_the_claims_words_blended_with_word_forms() -> None:
    words = content_words(CLAIM)
    assert relevance(words, CLAIM) == 100.0
    assert relevance(words, "None of the 17 officers investigated for misconduct.") == 78.7
    assert relevance(words, "The officers went home.") == 33.3
    assert relevance(words, "The weather was fine.") == 9.1
    assert relevance([], CLAIM) == 0.0


def test_relevance_counts_at_most_ten_of_the_claims_words() -> None:
    words = "alpha bravo charlie delta echoes foxtrot golfer hotel india juliet kilos limas".split()
    ten = " ".join(words[:10])
    assert relevance(words, ten) == 100.0
    assert relevance(words[:10], " ".join(words[:5])) < 100.0


# --- ranking a search -------------------------------------------------------------


def test_highlight_marks_the_words_that_share_a_query_words_first_five_letters() -> None:
    marked = highlight("Officers investigated an officer.", {"offic", "inves"})
    assert marked == (
        f"{MARK_START}Officers{MARK_END} {MARK_START}investigated{MARK_END}"
        f" an {MARK_START}officer{MARK_END}."
    )
    weights = {"officers": 2.0, "investigated": 1.0, "misconduct": 3.0}
    assert coverage(marked, weights) == 3.0


@given(
    words=st.lists(st.text(alphabet="abik9_", min_size=1, max_size=7), max_size=4),
    pieces=st.lists(
        st.tuples(
            st.integers(0, 3),
            st.sampled_from([str.lower, str.upper, str.title]),
            st.text(alphabet="aAiK9_", max_size=3),
            st.sampled_from([" ", ".", ", ", "\x02", ""]),
        ),
        max_size=8,
    ),
    foreign=st.sampled_from(["", "", "", "\u0130", "\u212a", "\u00e9", "\u017f"]),
)
@example(words=["port"], pieces=[(0, str.title, "al", " "), (0, str.upper, "", "")], foreign="")
@example(words=["inquests"], pieces=[(0, str.lower, "", " "), (1, str.lower, "", "")], foreign="")
def test_highlight_reads_plain_ascii_texts_as_it_reads_any_text(
    words: list[str], pieces: list[tuple[int, Callable[[str], str], str, str]], foreign: str
) -> None:
    """The ASCII texts' shortcut marks what reading word by word marks (cases, short words)."""

    prefixes = {w[:5] for w in words}
    # The query's words (or others) cased anyhow, some with letters added, some run together.
    text = "".join(
        case((words[n] if n < len(words) else "other") + added) + gap
        for n, case, added, gap in pieces
    )
    prefixes.add(foreign)  # a query word or a text that is not plain ASCII
    text += foreign
    word_by_word = TERM.sub(
        lambda m: (
            f"{MARK_START}{m.group(0)}{MARK_END}"
            if m.group(0).lower()[:5] in prefixes
            else m.group(0)
        ),
        text,
    )
    assert highlight(text, prefixes) == word_by_word


def test_rank_puts_rarer_terms_first_then_word_forms_then_bm25() -> None:
    query = "officers investigated for misconduct"
    words = query_words(query)
    weights = {"officers": 1.0, "investigated": 1.0, "misconduct": 5.0}
    hits = [
        hit(1, "Officers were praised", score=0),
        hit(2, "An officer under investigation", score=1),
        hit(3, "Officers investigated", score=3),
        hit(4, "Misconduct hearings", score=4),
        hit(5, "Officers investigated", score=2),
    ]
    ranked = rank(query, words, hits, weights)
    # Misconduct (weight 5) first; then "officers" + "investigated" (2), the same word
    # forms as the query's first, bm25 (`score`) breaking the tie that is left; then 1.
    assert [h.passage_id for h in ranked] == [4, 5, 3, 2, 1]
    assert f"{MARK_START}Misconduct{MARK_END}" in ranked[0].highlighted


def test_a_passage_of_a_page_about_the_claim_ranks_above_a_chance_match() -> None:
    # Both passages hold "waived" and "squad"; only the first one's page also says
    # "practice" and "Raiders", in other passages.
    query = "Raiders waived him to the practice squad"
    words = query_words(query)
    weights = dict.fromkeys(words, 1.0)
    hits = [
        hit(1, "He was waived to the reserve squad.", score=0, document="other"),
        hit(2, "The team waived a linebacker from the squad.", score=1, document="page"),
        hit(3, "The Raiders signed two players.", score=2, document="page"),
        hit(4, "He spent the season on the practice roster.", score=3, document="page"),
    ]
    ranked = rank(query, words, hits, weights)
    assert [h.passage_id for h in ranked][:2] == [2, 1]
    # Alone, the two hold the same words and the first has the closer word forms.
    alone = rank(query, words, hits[:2], weights)
    assert [h.passage_id for h in alone] == [1, 2]


def _ranked_by_marking(query: str, words: list[str], hits: list[SearchHit], weights) -> list:
    """The ranking as `rank` defines it: every hit marked, then read back from its marks."""
    from dataclasses import replace

    from rapidfuzz import fuzz

    prefixes = {w[:5] for w in words}
    marked = [replace(h, highlighted=highlight(h.text, prefixes)) for h in hits]
    # The marked words of a document's hits, each hit read on its own (a text may hold
    # the marks' own characters, which a join would pair across hits).
    documents: dict[str, list[str]] = {}
    for h in marked:
        documents.setdefault(h.document_id, []).append(h.highlighted)

    def covered(h: SearchHit) -> float:
        own = coverage(h.highlighted, weights)
        document = sum(
            weight
            for term, weight in weights.items()
            if any(coverage(text, {term: 1.0}) for text in documents[h.document_id])
        )
        return own + DOCUMENT_SHARE * (document - own)

    return sorted(
        marked,
        key=lambda h: (
            -round(covered(h), 1),
            -round(fuzz.token_set_ratio(query.lower(), h.text.lower())),
            h.score,
        ),
    )


_WORDS = st.sampled_from(
    [
        "officers",
        "Officer",
        "inquest",
        "İstanbul",
        "istanbul",
        "Ärzte",
        "misconduct",
        "the",
        "Walgate",
        "walga",
        "a\x02b",
        "x\x03",
        "ﬁnal",
        "final",
        "2016",
        "ǅemal",
        "s",
        "47",
        "offi",
        "Port's",
        "foo_bar",
        "bar",
    ]
)


@given(
    query=st.lists(_WORDS, min_size=1, max_size=5),
    texts=st.lists(st.lists(_WORDS, max_size=8), min_size=1, max_size=30),
    limit=st.integers(min_value=1, max_value=12),
    documents=st.integers(min_value=1, max_value=4),
)
@example(query=["İstanbul"], texts=[["a\x02b"], [], [], [], ["İstanbul"]], limit=1, documents=2)
def test_rank_with_a_limit_is_the_head_of_the_whole_ranking(
    query: list[str], texts: list[list[str]], limit: int, documents: int
) -> None:
    text = " ".join(query)
    words = query_words(text)
    weights = {w: 1.0 + i / 3 for i, w in enumerate(words)}
    hits = [
        hit(i, " ".join(t) + ".", score=i % 4, document=f"d{i % documents}")
        for i, t in enumerate(texts)
    ]
    whole = _ranked_by_marking(text, words, hits, weights)
    assert rank(text, words, hits, weights) == whole
    assert rank(text, words, hits, weights, limit=limit) == whole[:limit]


@given(
    query=st.lists(_WORDS, min_size=1, max_size=5),
    texts=st.lists(st.lists(_WORDS, max_size=8).map(" ".join), min_size=1, max_size=10),
)
@example(query=["bar"], texts=["foo_bar"])  # a word inside a word is not held
@example(query=["s", "47"], texts=["officers 2047 Port's"])
def test_the_held_terms_are_those_of_the_marked_texts(query: list[str], texts: list[str]) -> None:
    """What ranking reads without marking is what marking then reading gives."""
    words = query_words(" ".join(query))
    weights = {w: 1.0 + i / 3 for i, w in enumerate(words)}
    prefixes = {w[:5] for w in words}
    marked = [coverage(highlight(t, prefixes), weights) for t in texts]
    held = [
        sum(w for t, w in weights.items() if t[:5] in terms)
        for terms in _held_terms(texts, prefixes)
    ]
    assert held == marked


def test_rare_words_take_the_rarest_within_the_budget_and_never_fewer_than_three() -> None:
    frequency = {"officers": 31, "walgate": 1, "inspector": 30, "nothing": 0}
    assert rare_words(frequency, max_matches=5) == ["walgate", "inspector", "officers"]
    assert rare_words({"a": 1, "b": 2, "c": 3, "d": 4, "e": 100}, max_matches=10) == [
        "a",
        "b",
        "c",
        "d",
    ]


def test_the_store_search_is_match_search(store: Store) -> None:
    add(
        store,
        "a",
        [
            "An officer was under investigation.",
            "Seventeen officers were investigated for misconduct.",
            "Officers officers officers.",
        ],
    )
    mine = search(store, "officers investigated for misconduct")
    assert [h.text for h in mine] == [
        "Seventeen officers were investigated for misconduct.",
        "An officer was under investigation.",
        "Officers officers officers.",
    ]
    assert mine == store.search("officers investigated for misconduct")
    assert search(store, "the of") == []
    assert search(store, "officers", document_ids=["b"]) == []


def test_a_month_or_a_day_in_another_spelling_counts_as_the_word(store: Store) -> None:
    add(
        store,
        "a",
        [
            "Monday, Nov 05, 2018 02:15 PM",
            "The club signed a player on 12 March 2016.",
            "November was a quiet month in 2017.",
        ],
    )
    found = search(store, "He was waived on November 5, 2018")
    assert found[0].text == "Monday, Nov 05, 2018 02:15 PM"
    assert other_spellings(["november", "5", "2018", "sept", "may"]) == {
        "nov": "november",
        "05": "5",
        "september": "sept",
        "sep": "sept",
    }
    assert other_spellings(["05", "officers"]) == {"5": "05"}
    # With AND every word must match as written.
    assert search(store, "November 5 2018", operator="AND") == []


# --- a claim's candidates -----------------------------------------------------------


@pytest.fixture
def corpus(store: Store) -> Store:
    count = Value(ValueKind.COUNT, "17 officers", 12, 23, number=17, unit="officer")
    add(
        store,
        "release",
        [
            "None of the 17 officers investigated for misconduct will face disciplinary action.",
            "The watchdog published its report in July.",
        ],
        {0: count},
    )
    add(
        store,
        "court",
        [
            "Officers were told of the findings by the watchdog.",
            "Anthony Walgate was 23 when he died.",
            "His family said the police failed him.",
        ],
    )
    return store


def test_candidates_come_in_search_order_with_their_values_and_relevance(corpus: Store) -> None:
    claim = claim_with(CLAIM)
    candidates = retrieve(claim, corpus)
    texts = [c.hit.text for c in candidates]
    assert texts[0].startswith("None of the 17 officers")
    assert texts[1] == "Officers were told of the findings by the watchdog."
    first = candidates[0]
    assert isinstance(first, Candidate)
    assert first.relevance == first.own_relevance == 78.0
    assert [v.number for v in first.values] == [17]
    assert first.window_relevance == 0.0  # no statement: no window read
    assert candidates[1].relevance < first.relevance


def test_context_raises_relevance_but_not_the_claims_own(corpus: Store) -> None:
    claim = claim_with("They found that the force failed him.")
    plain = {c.hit.text: c for c in retrieve(claim, corpus)}
    leaning = {c.hit.text: c for c in retrieve(claim, corpus, context=("walgate", "family"))}
    family = "His family said the police failed him."
    assert leaning[family].own_relevance == plain[family].own_relevance
    assert leaning[family].relevance > plain[family].relevance


def test_relevance_counts_the_claim_s_words_a_passage_says_in_other_words(
    store: Store,
) -> None:
    """ "married" / "wed": a passage that paraphrases the claim is as relevant as one
    that repeats its words; a more specific word ("murdered" for "killed") is left to
    the judges."""
    add(store, "wedding", ["Winslet wed Rocknroll in New York in December 2012."])
    add(store, "same", ["Winslet married Rocknroll in New York in December 2012."])
    claim = claim_with("Winslet married Rocknroll in New York in December 2012.")
    found = {c.hit.text: c.own_relevance for c in retrieve(claim, store)}
    assert (
        found["Winslet wed Rocknroll in New York in December 2012."]
        == (found["Winslet married Rocknroll in New York in December 2012."])
    )


def test_a_statement_reads_its_best_candidates_with_the_sentence_after(corpus: Store) -> None:
    text = "The watchdog found the officers would face no action and published a report."
    statement = Fact(FactKind.STATEMENT, text, 0, len(text))
    candidates = retrieve(claim_with(text, statement), corpus)
    first = next(c for c in candidates if c.hit.text.startswith("None of the 17"))
    assert first.window_relevance > first.own_relevance


def test_a_person_named_in_an_age_is_searched_as_a_whole(corpus: Store) -> None:
    text = "The 17 officers investigated for misconduct will face no disciplinary action"
    text += " over the death of Walgate, 23."
    at = text.index("23")
    age = Value(ValueKind.AGE, "23", at, at + 2, number=23, subject="Anthony Walgate")
    fact = Fact(FactKind.AGE, "23", at, at + 2, value=age, subject="Anthony Walgate")
    # One candidate from the claim's own search: the passage about the officers.
    [alone] = retrieve(claim_with(text), corpus, limit=1)
    assert alone.hit.text.startswith("None of the 17 officers")
    # The age's subject is searched too, and its passage joins the candidates.
    candidates = retrieve(claim_with(text, fact), corpus, limit=1)
    assert [c.hit.text for c in candidates] == [
        alone.hit.text,
        "Anthony Walgate was 23 when he died.",
    ]


def test_the_event_a_time_is_counted_from_is_searched_for(store: Store) -> None:
    """ "Three and a half months after the intervention, on 19 December 2022": the
    passages that tell of the intervention join the claim's candidates, for the judge to
    date it, though the claim's other words find others first."""
    add(
        store,
        "notice",
        [
            f"The council issued a notice on 19 December 2022 about its finances ({n})."
            for n in range(6)
        ],
    )
    add(store, "release", ["The intervention has been made in response to grave concerns."])
    text = "Three and a half months after the intervention, on 19 December 2022, the council issued a notice."
    value = Value(
        ValueKind.COUNT, "Three and a half months", 0, 23, number=3.5, unit="month",
        subject="elapsed-event:+intervention@2022-12-19",
    )  # fmt: skip
    counted = Fact(FactKind.COUNT, value.text, 0, 23, value=value)
    [alone] = retrieve(claim_with(text), store, limit=1)
    assert alone.hit.document_id == "notice"
    candidates = retrieve(claim_with(text, counted), store, limit=1)
    assert [c.hit.text for c in candidates] == [
        alone.hit.text,
        "The intervention has been made in response to grave concerns.",
    ]


def test_document_ids_limit_the_candidates(corpus: Store) -> None:
    document_id = "court"
    candidates = retrieve(claim_with(CLAIM), corpus, document_ids=[document_id])
    assert candidates
    assert {c.hit.document_id for c in candidates} == {document_id}


def test_a_short_title_counts_as_the_subject_its_passages_leave_out(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    from conftest import store_of_source

    from pipeline.verification import verify_text

    def review_count(title: str) -> Label:
        source = (
            f'---\ntitle: "{title}"\nnote: "Written for claimcheck\'s tests."\n---\n\n'
            "On the review site, the album holds a rating of 90%, based on 90 reviews.\n"
        )
        store = store_of_source(tmp_path_factory, nlp, source)
        report = verify_text(
            "Thunder Road has under 93 reviews on the review site.", store, nlp=nlp
        )
        [fact] = [f for c in report.claims for f in c.facts if f.fact.kind == FactKind.COUNT]
        return fact.label

    # "Thunder Road (album)" names what the page is about; a headline does not count.
    assert review_count("Thunder Road (album)") == Label.SUPPORTED
    assert review_count("Record shops report a strong year for new albums and reissues") == (
        Label.UNVERIFIED
    )


def test_a_repeated_search_is_ranked_once_per_store(
    corpus: Store, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same words find the same hits: ranked once while the store lives, anew in another."""
    import pipeline.match as match_module
    from pipeline.store import copy_store

    ranked = []
    real_rank = match_module.rank

    def counting(*args, **kwargs):
        ranked.append(args[0])
        return real_rank(*args, **kwargs)

    monkeypatch.setattr(match_module, "rank", counting)
    first = search(corpus, "officers investigated for misconduct", limit=3)
    assert search(corpus, "officers investigated for misconduct", limit=3) == first
    assert len(ranked) == 1
    other = Store(tmp_path / "other.db")
    copy_store(corpus, other)
    assert search(other, "officers investigated for misconduct", limit=3) == first
    assert len(ranked) == 2
