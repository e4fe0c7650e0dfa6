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
from .claims import (
    ARTICLE_MAX_BYTES,
    article_from_text,
    context_for,
    extract_claims,
    read_article,
)
from .config import DEFAULT_DB
from .ingest import ingest
from .judge import VERDICT_LOGIC, judge_claim
from .limits import ReadLimits
from .match import retrieve
from .pieces import LONG_ARTICLE, Progress, check_long
from .records import Article, ArticleReport
from .store import EvidenceStore, open_store

if TYPE_CHECKING:
    from spacy.language import Language

# What reading one article may cost: the source limits, but articles are smaller.
ARTICLE_LIMITS = ReadLimits(max_bytes=ARTICLE_MAX_BYTES)


def verify_article(
    article: Article,
    store: EvidenceStore,
    *,
    nlp: Language | None = None,
    document_ids: Sequence[str] | None = None,
    jobs: int | None = 1,
    model: str | None = None,
    progress: Progress | None = None,
    checked_from: int = 0,
) -> ArticleReport:
    """Verdicts on every check-worthy claim of one article.

    With `checked_from`, only the claims from that character on are checked
    and listed; the text before it is read only for what they lean on (the
    person a pronoun stands for, the sentence before, the date a "month
    later" counts from).

    The report records when the check ran (UTC) and how long it took, so that
    a report read later says what it is a snapshot of.

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
            jobs=jobs,
            model=model,
            progress=progress,
        )
        verdicts, not_checkworthy, fingerprint = (
            [v for v in checked.verdicts if v.claim.start >= checked_from],
            tuple(c for c in checked.not_checkworthy if c.start >= checked_from),
            checked.store,
        )
    else:
        claims = extract_claims(article, nlp)
        verdicts = []
        # One snapshot of the store for the whole article, fingerprint included:
        # another process may ingest meanwhile.
        with store.snapshot():
            for index, claim in enumerate(claims):
                if not claim.checkworthy or claim.start < checked_from:
                    continue
                candidates = retrieve(
                    claim, store, context=context_for(claims, index), document_ids=document_ids
                )
                verdicts.append(judge_claim(claim, candidates))
            fingerprint = store.fingerprint()
        not_checkworthy = tuple(c for c in claims if not c.checkworthy and c.start >= checked_from)
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
    store: EvidenceStore | None = None,
    db: str | Path | None = None,
    sources: Iterable[str | Path] = (),
    document_ids: Sequence[str] | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    limits: ReadLimits = ARTICLE_LIMITS,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> list[ArticleReport]:
    """Verify article files (Markdown, text, HTML) against the evidence store.

    Give an open `store`, or `db` (a path or URL; default ./claimcheck.db). Sources
    in `sources` (files, folders, globs) are ingested first when they are not
    in the store yet. `document_ids` limits the evidence to those documents.
    `limits` bound each article: one over `limits.max_bytes` is refused, and
    HTML articles are parsed within `limits.extract_timeout` seconds and
    `limits.extract_max_memory` MB each. Raises ExtractionError for an
    article that cannot be read or is too large. A long article is checked in
    `jobs` processes, `progress` told how far it is (see `verify_article`).

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
    store = store if store is not None else open_store(db or DEFAULT_DB)
    try:
        sources = list(sources)
        if sources:
            ingest(sources, store, nlp=nlp)
        return [
            verify_article(
                read_article(
                    path,
                    max_bytes=limits.max_bytes,
                    timeout=limits.extract_timeout,
                    max_memory=limits.extract_max_memory,
                ),
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
    store: EvidenceStore,
    *,
    nlp: Language | None = None,
    document_ids: Sequence[str] | None = None,
    markdown: bool = True,
    context: str = "",
) -> ArticleReport:
    """Verify an article given as a string.

    `context` is the article's text before `text`: its claims are not
    checked, but those of `text` lean on it as on any sentence before them
    (see `verify_article`).
    """
    context = context.rstrip()
    joined = f"{context}\n\n{text}" if context else text
    article = article_from_text(joined, markdown=markdown)
    checked_from = len(joined) - len(text) if context else 0
    return verify_article(
        article, store, nlp=nlp, document_ids=document_ids, checked_from=checked_from
    )
