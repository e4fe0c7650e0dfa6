"""The shared word helpers: chunks, the stop-word list and what it deliberately keeps."""

from __future__ import annotations

import pytest

from pipeline.text import (
    MAX_CHUNK,
    STOPWORDS,
    WORD,
    chunks,
    content_words,
    query_words,
)


def test_chunks_are_paragraphs_with_their_offsets() -> None:
    text = "First paragraph.\n\nSecond one,\nstill second.\n \t\nThird."
    parts = list(chunks(text))
    assert [part for _, part in parts] == [
        "First paragraph.",
        "Second one,\nstill second.",
        "Third.",
    ]
    assert all(text[offset : offset + len(part)] == part for offset, part in parts)


def test_a_long_paragraph_is_cut_at_a_sentence_end() -> None:
    sentence = "The officers were investigated for misconduct. "
    text = sentence * (2 * MAX_CHUNK // len(sentence) + 1)
    parts = list(chunks(text))
    assert len(parts) == 3
    assert all(len(part) <= MAX_CHUNK for _, part in parts)
    assert all(part.endswith(". ") for _, part in parts[:-1])
    assert "".join(part for _, part in parts) == text


@pytest.mark.parametrize("word", ["not", "no", "the", "of", "said", "says", "would", "their"])
def test_the_stop_list_drops_function_words_and_reporting(word: str) -> None:
    assert word in STOPWORDS


@pytest.mark.parametrize(
    "word",
    ["never", "more", "less", "before", "after", "only", "all", "one", "two", "first", "under"],
)
def test_the_stop_list_keeps_words_of_negation_bounds_and_number(word: str) -> None:
    # spaCy's list drops all of these; retrieval and relevance count them.
    assert word not in STOPWORDS
    assert content_words(f"officers {word} misconduct") == ["officers", word, "misconduct"]


def test_words_are_letters_and_query_terms_are_the_index_words() -> None:
    assert WORD.findall("Port's 17 victims, O\u2019Brien and well-known caf\u00e9s") == [
        "Port's",
        "victims",
        "O\u2019Brien",
        "and",
        "well-known",
        "caf\u00e9s",
    ]
    assert query_words("The 17 officers AND the officers") == ["17", "officers"]
