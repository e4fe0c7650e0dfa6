"""Long articles in pieces: the whole article's claims and verdicts, in one process or two.

The pieces here are a few hundred characters, so that the bundled drafts
make many of them; the real size (pieces.PIECE) only changes how many.
"""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import pytest

from pipeline import pieces as pieces_module
from pipeline.claims import article_from_text
from pipeline.pieces import LONG_ARTICLE, Piece, check_long, pieces
from pipeline.records import Article, Metadata
from pipeline.store import Store
from pipeline.text import chunks
from pipeline.verification import verify_article

ROOT = Path(__file__).resolve().parent.parent
SIZE = 600


@pytest.fixture(scope="module")
def article() -> Article:
    """Both bundled drafts as one article: front matter, headings, claims that lean back."""
    errors = (ROOT / "claims" / "port-inquests-errors.md").read_text(encoding="utf-8")
    faithful = (ROOT / "claims" / "port-inquests-faithful.md").read_text(encoding="utf-8")
    body = faithful.split("---", 2)[2] if faithful.startswith("---") else faithful
    text = f"{errors}\n\n{body}"
    assert len(text) < LONG_ARTICLE  # verify_article checks it whole: the reference
    return article_from_text(text, path="long.md")


def test_pieces_cut_the_body_at_paragraph_breaks(article: Article) -> None:
    cut = pieces(article, SIZE)
    starts = [offset for offset, _ in chunks(article.text) if offset >= article.body_start]
    assert len(cut) > 5
    assert cut[0].start == article.body_start and cut[-1].end == len(article.text)
    for before, after in pairwise(cut):
        assert before.end == after.start and after.start in starts
        assert after.read_from == starts[starts.index(after.start) - 1]  # the paragraph before
        assert before.end - before.start >= SIZE
    assert pieces(Article("blank.md", "\n\n", 0, Metadata()), SIZE) == [Piece(0, 2, 0)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_pieces_give_the_whole_articles_claims_and_verdicts(
    article: Article, corpus_store: Store, nlp, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = verify_article(article, corpus_store, nlp=nlp)
    here: list[Piece] = []
    check = pieces_module._Task.check

    def slowly(task, piece, store, nlp):
        # This process waits a while before each piece (a worker, spawned, does
        # not), so that the worker, started from the last piece, gets to some.
        here.append(piece)
        time.sleep(3 if jobs > 1 else 0)
        return check(task, piece, store, nlp)

    monkeypatch.setattr(pieces_module._Task, "check", slowly)
    told: list[tuple[int, int]] = []
    pieced = check_long(
        article,
        corpus_store,
        nlp,
        jobs=jobs,
        piece_size=SIZE,
        progress=lambda done, total: told.append((done, total)),
    )
    assert pieced.verdicts == whole.claims
    assert pieced.not_checkworthy == whole.not_checkworthy
    assert pieced.store == whole.store
    assert {v.label for v in whole.claims} >= {"SUPPORTED", "CONTRADICTED"}
    # Progress: from nothing to all of the body, never backwards.
    total = len(article.text) - article.body_start
    assert told[0] == (0, total) and told[-1] == (total, total)
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert len(told) == len(pieces(article, SIZE)) + 1
    # With two processes, the worker checked some of the pieces, and this one the rest.
    assert (0 < len(here) < len(pieces(article, SIZE))) if jobs > 1 else len(here) == len(told) - 1
