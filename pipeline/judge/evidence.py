"""Evidence records: a candidate passage quoted, located and marked for or against a fact."""

from __future__ import annotations

from ..records import Candidate, Evidence


def evidence_of(
    candidate: Candidate,
    *,
    span: tuple[int, int] | None = None,
    source_value: str | None = None,
    agrees: bool | None = None,
    note: str | None = None,
) -> Evidence:
    hit = candidate.hit
    return Evidence(
        passage_id=hit.passage_id,
        document_id=hit.document_id,
        title=hit.title,
        publisher=hit.publisher,
        published=hit.published,
        path=hit.path,
        url=hit.url,
        page=hit.page,
        start=hit.start,
        end=hit.end,
        text=hit.text,
        score=candidate.relevance,
        match_start=span[0] if span else None,
        match_end=span[1] if span else None,
        source_value=source_value,
        agrees=agrees,
        note=note,
    )
