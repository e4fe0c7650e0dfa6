"""The bundled corpus: every document ingests, with provenance, and search finds the 17 officers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture
def corpus(corpus_store: Store) -> Store:
    return corpus_store


def test_every_document_is_ingested_with_its_provenance(corpus: Store) -> None:
    documents = corpus.documents()
    formats = {d["format"] for d in documents}
    assert formats == {"pdf", "html", "markdown", "text"}
    assert len(documents) >= 9
    for document in documents:
        assert document["title"] and document["publisher"] and document["published"]
        assert document["url"], document["title"]
        assert "summary written for the claimcheck" in (document["note"] or "").lower()
        assert document["kind"] in ("news", "press_release", "court", "other")
    pdf = next(d for d in documents if d["format"] == "pdf")
    assert pdf["pages"] >= 2
    pages = {
        row["page"] for row in corpus.db["passages"].rows_where("document_id = ?", [pdf["id"]])
    }
    assert pages >= {1, 2}


def test_a_second_ingest_changes_nothing(corpus: Store, nlp) -> None:
    before = corpus.counts()
    again = ingest([SOURCES], corpus, nlp=nlp)
    assert {r.status for r in again.results} == {"unchanged"}
    assert corpus.counts() == before


def test_search_puts_the_17_officers_first(corpus: Store) -> None:
    hits = corpus.search("officers investigated for misconduct", limit=3)
    assert "17 officers" in hits[0].text
    assert hits[0].published and hits[0].page == 1


def test_the_pdf_is_built_from_its_script() -> None:
    script = (SOURCES / "build_pdf.py").read_text()
    assert "FPDF" in script
    assert list(SOURCES.glob("*.pdf"))


def test_a_fact_told_over_two_sentences_is_supported(corpus: Store, nlp) -> None:
    from pipeline import verify_text
    from pipeline.records import Label

    report = verify_text(
        "Earlier inquests into the deaths of Gabriel Kovari and Daniel Whitworth had been "
        "quashed by the High Court.",
        corpus,
        nlp=nlp,
    )
    [claim] = report.claims
    assert claim.label == Label.SUPPORTED
    assert claim.facts[0].evidence[0].note == "with the sentence after it"
