"""Sources fetched from the web into the store: the links of a draft, or URLs given.

`ingest_urls(urls, store)` fetches each URL safely (`pipeline.extract.url`),
reads it as a file of its content type is read, and stores it with its
provenance (the URL asked for, the final URL, the fetch time). A URL fetched
before, whose document is still in the store, is not fetched again unless
`refresh`. Each failure is an IngestResult with its cause; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from . import nlp as nlp_
from .errors import ExtractionError, describe
from .extract.text import decode
from .extract.url import Fetcher, FetchOptions, links, read_fetched, unique
from .ingest import IngestOptions, store_document
from .records import IngestResult, IngestSummary
from .store import EvidenceStore as Store

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["FetchOptions", "draft_links", "ingest_urls", "is_url"]


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return text.lower().startswith(("http://", "https://"))


def draft_links(paths: Iterable[str | Path]) -> list[str]:
    """The http(s) links of draft files (Markdown, HTML or text), each once, in order."""
    found: list[str] = []
    for path in paths:
        try:
            raw = Path(path).read_bytes()
        except OSError:
            continue  # the draft's own reading names the problem
        found.extend(links(decode(raw, path=str(path))[0]))
    return unique(found)


def ingest_urls(
    urls: Iterable[str],
    store: Store,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    options: IngestOptions | None = None,
    fetch: FetchOptions | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestSummary:
    """Fetch URLs into the store; what happened to each ("added", "unchanged", "failed", ...).

    "unchanged" is a URL fetched before (not asked again) or one whose body
    is a document the store holds already.
    """
    options = options or IngestOptions()
    fetch = fetch or FetchOptions(limits=options.limits)
    results: list[IngestResult] = []
    language = nlp

    def report(result: IngestResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    with Fetcher(fetch) as fetcher:
        for url in unique(urls):
            known = None if fetch.refresh else store.fetched(url)
            if known is not None:
                report(IngestResult(url, "unchanged", document_id=known["document_id"]))
                continue
            try:
                fetched = fetcher.fetch(url)
                document = read_fetched(fetched, pdf_engine=options.pdf_engine, limits=fetch.limits)
            except ExtractionError as e:
                report(IngestResult(url, "failed", error=e.cause))
                continue
            except Exception as e:  # never one page's surprise for the whole run
                report(IngestResult(url, "failed", error=f"unreadable: {describe(e)}"))
                continue
            if store.has_document(document.id):
                result = IngestResult(url, "unchanged", document_id=document.id)
            else:
                language = language if language is not None else nlp_.load(model)
                result = store_document(document, store, language, name=url)
            if result.status != "failed":
                store.record_fetch(
                    {
                        "url": url,
                        "final_url": fetched.final_url,
                        "fetched_at": fetched.fetched_at,
                        "content_type": fetched.content_type,
                        "document_id": document.id,
                    }
                )
            report(result)
    return IngestSummary(tuple(results))
