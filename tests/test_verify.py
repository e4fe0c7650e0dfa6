"""Verification on small stores built in the test: quotes, ages by date, counts, robustness."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import verify, verify_text
from pipeline.ingest import ingest
from pipeline.records import FactKind, Label
from pipeline.store import Store

RELEASE = """---
title: Watchdog concludes its investigation
publisher: Independent Office for Police Conduct
published: 2019-07-05
kind: press_release
---
The watchdog found that the performance of nine officers fell below the standard expected of them.

Stephen Port, 44, is serving a whole life order for the murders.

None of the 17 officers investigated for misconduct will face disciplinary action.
"""

SENTENCING = """---
title: Port sentenced
publisher: Court News
published: 2016-11-25
kind: news
---
Stephen Port, 41, was given a whole life order at the Old Bailey on 25 November 2016.
"""


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, nlp) -> Store:
    folder = tmp_path_factory.mktemp("sources")
    (folder / "release.md").write_text(RELEASE)
    (folder / "sentencing.md").write_text(SENTENCING)
    store = Store(folder / "store.db")
    assert not ingest([folder], store, nlp=nlp).failed
    return store


def facts_by_kind(report, kind: FactKind):
    return [f for c in report.claims for f in c.facts if f.fact.kind == kind]


def test_text_after_a_context_is_checked_as_in_its_article(small_store: Store, nlp) -> None:
    # "Two days later" counts from the context's date (25 November 2016, which the
    # sentencing report states); the context's own sentence is read, not checked.
    sentence = "Two days later he was given a whole life order."
    context = "Stephen Port was convicted at the Old Bailey on 23 November 2016."
    alone = verify_text(sentence, small_store, nlp=nlp)
    [claim] = alone.claims
    assert claim.label == Label.UNVERIFIED
    after = verify_text(sentence, small_store, nlp=nlp, context=context)
    [claim] = after.claims
    assert claim.claim.text == sentence
    assert claim.label == Label.SUPPORTED
    [date] = facts_by_kind(after, FactKind.DATE)
    assert date.fact.text == "Two days later"
    assert after.text[claim.claim.start : claim.claim.end] == sentence
    assert not after.not_checkworthy


def test_verbatim_quote_is_supported_at_its_exact_offsets(small_store: Store, nlp) -> None:
    sentence = (
        "The watchdog found that the performance of nine officers fell below the standard "
        "expected of them."
    )
    report = verify_text(f'The IOPC said: "{sentence}"', small_store, nlp=nlp)
    [quote] = facts_by_kind(report, FactKind.QUOTE)
    assert quote.label == Label.SUPPORTED
    evidence = quote.evidence[0]
    text = small_store.document_text(evidence.document_id)
    assert text[evidence.match_start : evidence.match_end] == sentence.rstrip(".")
    assert text[evidence.start : evidence.end] == sentence


def test_quote_with_one_word_changed_is_not_supported(small_store: Store, nlp) -> None:
    changed = (
        "The watchdog found that the performance of nine officers fell far below the standard "
        "expected of them."
    )
    report = verify_text(f'The IOPC said: "{changed}"', small_store, nlp=nlp)
    [quote] = facts_by_kind(report, FactKind.QUOTE)
    assert quote.label == Label.CONTRADICTED
    assert "fell below the standard" in (quote.note or "")


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("In July 2019 Stephen Port, 44, was serving a whole life order.", Label.SUPPORTED),
        ("In July 2019 Stephen Port, 47, was serving a whole life order.", Label.CONTRADICTED),
        ("Stephen Port, 41, was given a whole life order in November 2016.", Label.SUPPORTED),
        ("Stephen Port, 45, was given a whole life order in November 2016.", Label.CONTRADICTED),
    ],
)
def test_ages_are_read_at_their_sources_dates(small_store: Store, nlp, sentence, label) -> None:
    report = verify_text(sentence, small_store, nlp=nlp)
    [age] = facts_by_kind(report, FactKind.AGE)
    assert age.label == label, age.note
    if label == Label.SUPPORTED:
        notes = " ".join(e.note or "" for e in age.evidence)
        other = "41" if "44" in sentence else "44"
        # The source of another date with another age is consistent, and says so.
        assert all(e.source_value != other or "consistent" in (e.note or "") for e in age.evidence)
        assert notes is not None


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Seventeen officers were investigated for misconduct.", Label.SUPPORTED),
        ("Nineteen officers were investigated for misconduct.", Label.CONTRADICTED),
        ("The performance of nine officers fell below the standard.", Label.SUPPORTED),
        ("The performance of eight officers fell below the standard.", Label.CONTRADICTED),
    ],
)
def test_counts_in_digits_and_words(small_store: Store, nlp, sentence, label) -> None:
    report = verify_text(sentence, small_store, nlp=nlp)
    [count] = facts_by_kind(report, FactKind.COUNT)
    assert count.label == label, count.note
    if label == Label.CONTRADICTED:
        assert count.note and "article:" in count.note and "source:" in count.note


def test_nothing_in_the_store_is_unverified(small_store: Store, nlp) -> None:
    report = verify_text("The Eiffel Tower in Paris has 1,665 steps.", small_store, nlp=nlp)
    assert [c.label for c in report.claims] == [Label.UNVERIFIED]


def test_opinion_is_listed_not_dropped(small_store: Store, nlp) -> None:
    report = verify_text(
        "This is utterly appalling. I suspect the Met will say nothing.", small_store, nlp=nlp
    )
    assert report.claims == ()
    reasons = [c.reason for c in report.not_checkworthy]
    assert len(reasons) == 2 and all("opinion" in r for r in reasons)


def test_scoping_to_a_document(small_store: Store, nlp) -> None:
    sentencing = [d["id"] for d in small_store.documents() if d["title"] == "Port sentenced"]
    report = verify_text(
        "Seventeen officers were investigated for misconduct.",
        small_store,
        nlp=nlp,
        document_ids=sentencing,
    )
    [count] = facts_by_kind(report, FactKind.COUNT)
    assert count.label == Label.UNVERIFIED


def test_markdown_offsets_lines_and_columns_point_into_the_file(
    small_store: Store, nlp, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "---\ntitle: Draft\n---\n# Heading\n\nThe **IOPC** said [nine officers](https://x.org) "
        "fell below the standard.\n"
    )
    [report] = verify(draft, store=small_store, nlp=nlp)
    raw = draft.read_text()
    claim = next(c for c in report.claims if "nine" in c.claim.text)
    assert claim.claim.line == 6
    assert claim.claim.column == 1
    [count] = [f for f in claim.facts if f.fact.kind == FactKind.COUNT]
    assert raw[count.fact.start : count.fact.end] == "nine officers"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_verifies_without_error(small_store: Store, nlp, text: str) -> None:
    verify_text(text, small_store, nlp=nlp)


@pytest.mark.parametrize(
    "sentence",
    ['The "officers" AND NEAR(misconduct) * were -17 (investigated).', '"', "^ * - ( ) AND OR NOT"],
)
def test_fts_syntax_in_claims_is_inert(small_store: Store, nlp, sentence: str) -> None:
    verify_text(sentence, small_store, nlp=nlp)


def test_html_article(small_store: Store, nlp, tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(
        "<html><head><title>Port</title><script>alert(1)</script></head><body><nav>Menu</nav>"
        "<article><p>Stephen Port, 47, is serving a whole life order, reported in July 2019.</p>"
        "</article></body></html>"
    )
    [report] = verify(page, store=small_store, nlp=nlp)
    [age] = facts_by_kind(report, FactKind.AGE)
    assert age.label == Label.CONTRADICTED
    assert "alert" not in " ".join(c.claim.text for c in report.claims)
