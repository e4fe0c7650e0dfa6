"""Verification of articles: claims -> match -> judge, the library's main job.

`verify(paths, db=...)` returns one ArticleReport per article. The work on
one article is a plain function of (article, store, model), so a batch worker
can run it after loading the model itself.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from . import nlp as nlp_
from .claims import article_from_text, context_for, extract_claims, read_article
from .config import DEFAULT_DB
from .ingest import ingest
from .judge import VERDICT_LOGIC, judge_claim
from .limits import EXTRACT_MAX_MEMORY, EXTRACT_TIMEOUT
from .match import retrieve
from .pieces import LONG_ARTICLE, Progress, check_long
from .records import Article, ArticleReport
from .store import Store

if TYPE_CHECKING:
    from spacy.language import Language


def verify_article(
    article: Article,
    store: Store,
    *,
    nlp: Language | None = None,
    document_ids: Sequence[str] | None = None,
    learned: bool = False,
    jobs: int | None = 1,
    model: str | None = None,
    progress: Progress | None = None,
) -> ArticleReport:
    """Verdicts on every check-worthy claim of one article.

    The report records when the check ran (UTC) and how long it took, so that
    a report read later says what it is a snapshot of. `learned` also reads
    each claim as a whole with the shipped verdict model (`judge.judge_claim`);
    off by default: see the README for why and for its figures.

    An article of LONG_ARTICLE characters or more is checked in pieces
    (`pipeline.pieces`), in `jobs` processes (the workers load `model`, the
    pipeline `nlp` came from), `progress(characters checked, characters in
    all)` called after each piece; the verdicts are the same.
    """
    started = time.perf_counter()
    checked_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    nlp = nlp if nlp is not None else nlp_.load(model)
    if len(article.text) - article.body_start >= LONG_ARTICLE:
        checked = check_long(
            article,
            store,
            nlp,
            document_ids=document_ids,
            learned=learned,
            jobs=jobs,
            model=model,
            progress=progress,
        )
        verdicts, not_checkworthy, fingerprint = (
            list(checked.verdicts),
            checked.not_checkworthy,
            checked.store,
        )
    else:
        claims = extract_claims(article, nlp)
        verdicts = []
        # One snapshot of the store for the whole article, fingerprint included:
        # another process may ingest meanwhile.
        with store.snapshot():
            for index, claim in enumerate(claims):
                if not claim.checkworthy:
                    continue
                candidates = retrieve(
                    claim, store, context=context_for(claims, index), document_ids=document_ids
                )
                verdicts.append(judge_claim(claim, candidates, learned=learned))
            fingerprint = store.fingerprint()
        not_checkworthy = tuple(c for c in claims if not c.checkworthy)
    return ArticleReport(
        path=article.path,
        claims=tuple(verdicts),
        not_checkworthy=not_checkworthy,
        model=nlp_.model_info(nlp),
        store=fingerprint,
        published=article.metadata.published,
        title=article.metadata.title,
        url=article.metadata.url,
        text=article.text,
        version=__version__,
        verdict_logic=VERDICT_LOGIC,
        checked_at=checked_at,
        seconds=round(time.perf_counter() - started, 3),
    )


def verify(
    paths: str | Path | Iterable[str | Path],
    *,
    store: Store | None = None,
    db: str | Path | None = None,
    sources: Iterable[str | Path] = (),
    document_ids: Sequence[str] | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    extract_timeout: float = EXTRACT_TIMEOUT,
    extract_max_memory: int = EXTRACT_MAX_MEMORY,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> list[ArticleReport]:
    """Verify article files (Markdown, text, HTML) against the evidence store.

    Give an open `store`, or `db` (a path; default ./claimcheck.db). Sources
    in `sources` (files, folders, globs) are ingested first when they are not
    in the store yet. `document_ids` limits the evidence to those documents.
    HTML articles are parsed within `extract_timeout` seconds and
    `extract_max_memory` MB each. A long article is checked in `jobs`
    processes, `progress` told how far it is (see `verify_article`). Raises
    ExtractionError for an article that cannot be read.

    Example:

        from pipeline import verify
        for report in verify("claims/draft.md", db="claimcheck.db", sources=["sources/"]):
            for claim in report.claims:
                print(claim.label, claim.claim.text)
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    nlp = nlp if nlp is not None else nlp_.load(model)
    own = store is None
    store = store if store is not None else Store(db or DEFAULT_DB)
    try:
        sources = list(sources)
        if sources:
            ingest(sources, store, nlp=nlp)
        return [
            verify_article(
                read_article(path, timeout=extract_timeout, max_memory=extract_max_memory),
                store,
                nlp=nlp,
                document_ids=document_ids,
                jobs=jobs,
                model=model,
                progress=progress,
            )
            for path in paths
        ]
    finally:
        if own:
            store.close()


def verify_text(
    text: str,
    store: Store,
    *,
    nlp: Language | None = None,
    document_ids: Sequence[str] | None = None,
    markdown: bool = True,
    learned: bool = False,
) -> ArticleReport:
    """Verify an article given as a string."""
    article = article_from_text(text, markdown=markdown)
    return verify_article(article, store, nlp=nlp, document_ids=document_ids, learned=learned)
