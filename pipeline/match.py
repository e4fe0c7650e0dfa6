"""Matching: candidate passages for a claim from the store, scored for relevance.

Retrieval is FTS5 bm25 over the claim's content words (the user's text always
escaped), plus a search per person named in an age and per quotation. Each
candidate is scored 0-100 by how much of the claim it covers: the share of the
claim's content words found in it, blended with rapidfuzz's token_set_ratio.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from .claims import content_words
from .records import Claim, FactKind, SearchHit, Value
from .store import Store

# Passages the rarest words of a claim may match before commoner words are left
# out of its query: bounds the cost of a query on a store of millions.
MAX_MATCHES = 10_000
# How many of a statement's best candidates are also read with the sentence after them.
WINDOWED = 5
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A passage that may bear on a claim: where it is, its values, how relevant it is."""

    hit: SearchHit
    values: tuple[Value, ...]
    relevance: float  # 0-100, against the claim and the context it leans on
    own_relevance: float  # 0-100, against the claim's own words only
    # 0-100, the claim's own words against this passage and the one after it
    # (a fact told over two sentences: "...open conclusions. The High Court
    # quashed them"); only worked out for statements' best candidates.
    window_relevance: float = 0.0


def stem(word: str) -> str:
    """A crude stem for overlap counting: the first five letters, lower case.

    "investigated" and "investigation" meet; so do "police" and "policy",
    which costs little when it is one word among many.
    """
    return word.lower()[:5]


def stems(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words}


def relevance(claim_words: Sequence[str], passage_text: str) -> float:
    """How much of the claim a passage covers, 0-100.

    The share of the claim's content words (up to ten of them count) that the
    passage holds, blended with rapidfuzz's token_set_ratio of the two.
    """
    if not claim_words:
        return 0.0
    wanted = stems(claim_words)
    found = stems(content_words(passage_text))
    share = len(wanted & found) / min(len(wanted), 10)
    ratio = fuzz.token_set_ratio(" ".join(sorted(wanted)), " ".join(sorted(found)))
    return round(min(100.0, 70 * share + 0.3 * ratio), 1)


def local_words(text: str, start: int, end: int, *, window: int = 8) -> set[str]:
    """Stems of the content words within `window` words either side of a span of `text`."""
    before = content_words(" ".join(_WORD.findall(text[:start])[-window:]))
    after = content_words(" ".join(_WORD.findall(text[end:])[:window]))
    return stems(before + after)


def retrieve(
    claim: Claim,
    store: Store,
    *,
    context: Sequence[str] = (),
    document_ids: Sequence[str] | None = None,
    limit: int = 20,
) -> list[Candidate]:
    """Candidate passages for a claim, most relevant first.

    `context` adds words from around the claim (the sentence before, when
    this one starts with a pronoun) to what relevance is measured against.
    """
    words = content_words(claim.text)
    hits: dict[int, SearchHit] = {}
    claim_query = " ".join([claim.text, *context])
    for hit in store.search(
        claim_query, limit=limit, document_ids=document_ids, max_matches=MAX_MATCHES
    ):
        hits.setdefault(hit.passage_id, hit)
    # A person's name or a quotation is searched as a whole (all its words),
    # and word by word only when that finds nothing: "Anthony AND Walgate"
    # matches a few passages where "Anthony OR Walgate" matches thousands.
    for fact in claim.facts:
        if fact.kind == FactKind.AGE and fact.subject:
            query = fact.subject
        elif fact.kind == FactKind.QUOTE:
            query = fact.text
        else:
            continue
        found = store.search(query, limit=10, document_ids=document_ids, operator="AND")
        if not found:
            found = store.search(
                query, limit=10, document_ids=document_ids, max_matches=MAX_MATCHES
            )
        for hit in found:
            hits.setdefault(hit.passage_id, hit)
    values = store.values_for(list(hits))
    with_context = [*words, *context]
    candidates = []
    for pid, hit in hits.items():
        own = relevance(words, hit.text)
        both = relevance(with_context, hit.text) if context else 0.0
        candidates.append(Candidate(hit, tuple(values.get(pid, ())), max(own, both), own))
    # The store's order (IDF-weighted coverage of the query's terms, then word forms,
    # then bm25) ranks the gold passage higher than `relevance`, which caps the words
    # that count and so ties long claims at 100 (WiCE recall@5 across a corpus: 0.903
    # against 0.846). `relevance` stays what the judges' cutoffs read.
    position = {pid: i for i, pid in enumerate(hits)}
    candidates.sort(key=lambda c: position[c.hit.passage_id])
    if any(f.kind == FactKind.STATEMENT for f in claim.facts):
        best = candidates[:WINDOWED]
        following = store.following_texts([c.hit.passage_id for c in best])
        candidates[:WINDOWED] = [
            replace(
                c, window_relevance=relevance(words, f"{c.hit.text} {following[c.hit.passage_id]}")
            )
            if c.hit.passage_id in following
            else c
            for c in best
        ]
    return candidates
