"""ClaimReview JSON-LD (schema.org): one review per checked claim, for fact-check markup.

The rating scale runs from 1 (contradicted by the sources) to 4 (supported),
and `alternateName` says the verdict in words, which is what search engines
show. A verdict here says what the evidence store supports, not whether the
claim is true: the words say so.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..records import ArticleReport, ClaimVerdict, Label
from ..text import display
from .sources import LABEL_MEANINGS, MAX_QUOTES, web_url

RATINGS = {
    Label.CONTRADICTED: 1,
    Label.DISPUTED: 2,
    Label.UNVERIFIED: 3,
    Label.SUPPORTED: 4,
}
DEFAULT_AUTHOR = "claimcheck"


def claim_reviews(
    report: ArticleReport,
    *,
    author: str = DEFAULT_AUTHOR,
    author_url: str | None = None,
    review_url: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview objects for the checked claims of one article.

    `author` is the organisation that publishes the reviews (the newsroom).
    `review_url` is where the reviews will be published (the HTML report,
    say); each review's `url` is it with `#claim-<id>` added. Article URLs
    that are not http(s) are left out.
    """
    article: dict[str, Any] = {"@type": "CreativeWork"}
    if report.title:
        article["headline"] = report.title
    else:
        article["name"] = Path(report.path).name
    if url := web_url(report.url):
        article["url"] = url
    if report.published:
        article["datePublished"] = report.published
    organization: dict[str, Any] = {"@type": "Organization", "name": author}
    if url := web_url(author_url):
        organization["url"] = url
    return [
        _review(
            verdict,
            article=article,
            author=organization,
            published=report.checked_at[:10] if report.checked_at else None,
            review_url=web_url(review_url),
        )
        for verdict in report.claims
    ]


def _review(
    verdict: ClaimVerdict,
    *,
    article: dict[str, Any],
    author: dict[str, Any],
    published: str | None,
    review_url: str | None,
) -> dict[str, Any]:
    claim: dict[str, Any] = {
        "@type": "Claim",
        "appearance": article,
        "firstAppearance": article,
    }
    if "datePublished" in article:
        claim["datePublished"] = article["datePublished"]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": display(verdict.claim.text),
        "itemReviewed": claim,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[verdict.label],
            "bestRating": max(RATINGS.values()),
            "worstRating": min(RATINGS.values()),
            "alternateName": LABEL_MEANINGS[verdict.label],
        },
    }
    if published:
        review["datePublished"] = published
    if review_url:
        review["url"] = f"{review_url.split('#')[0]}#claim-{verdict.claim.id}"
    notes = [f.note for f in verdict.facts if f.note and f.label != Label.SUPPORTED]
    if notes:
        review["reviewBody"] = "; ".join(notes)
    citations = _citations(verdict)
    if citations:
        review["citation"] = citations
    return review


def _citations(verdict: ClaimVerdict) -> list[dict[str, Any]]:
    """The source documents quoted for the claim's facts, each once."""
    seen: dict[str, dict[str, Any]] = {}
    for fact in verdict.facts:
        for evidence in fact.evidence[:MAX_QUOTES]:
            if evidence.document_id in seen:
                continue
            work: dict[str, Any] = {"@type": "CreativeWork"}
            if evidence.title:
                work["name"] = evidence.title
            if evidence.publisher:
                work["publisher"] = {"@type": "Organization", "name": evidence.publisher}
            if evidence.published:
                work["datePublished"] = evidence.published
            if url := web_url(evidence.url):
                work["url"] = url
            seen[evidence.document_id] = work
    return list(seen.values())


def render_claimreview(
    reports: list[ArticleReport],
    *,
    author: str = DEFAULT_AUTHOR,
    author_url: str | None = None,
    review_url: str | None = None,
) -> str:
    """A JSON-LD array of ClaimReview objects for every checked claim of the reports."""
    reviews = [
        review
        for report in reports
        for review in claim_reviews(
            report, author=author, author_url=author_url, review_url=review_url
        )
    ]
    return json.dumps(reviews, indent=2, ensure_ascii=False)
