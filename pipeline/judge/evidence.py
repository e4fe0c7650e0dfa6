"""Evidence records: a candidate passage quoted, located and marked for or against a fact,
and the label that ranked evidence for and against a fact gives (`verdict`)."""

from __future__ import annotations

from dataclasses import replace

from ..match import relevance
from ..records import Candidate, Claim, Evidence, Fact, FactKind, FactVerdict, Label, Value
from ..text import clause_at, clauses, content_words, stems
from ..values import VAGUE, dimension
from ..values.compare import THRESHOLDS
from ..values.dates import editor_date

# Relevance (0-100) a passage needs before its value can count for or against a fact.
SUPPORT_CUTOFF = 30.0
CONTRADICT_CUTOFF = 40.0
STATEMENT_CUTOFF = 75.0
MAX_EVIDENCE = 3
# Sources disagree only when the passage against a value is near as strong as the one
# for it: one that scores under this share of the best support tells another event ("£2.5
# million for flood defences" is not denied by the budget's "savings of £18.2 million").
DISPUTE_SHARE = 0.5


# A clause of at least this many content words is read on its own for the relevance of
# the passages to a figure in it.
CLAUSE_WORDS = 3


def clause_relevance(claim: Claim, at: int, candidate: Candidate) -> float | None:
    """The passage's relevance to the clause of a claim of several clauses that holds
    character `at` (relative to the claim); None for a claim of one clause, or a clause
    of fewer than CLAUSE_WORDS content words."""
    text = claim.text
    if len(clauses(text)) < 2:
        return None
    start, end = clause_at(text, at)
    words = content_words(text[start:end])
    if claim.referent and start == 0:
        words += content_words(claim.referent)
    if len(words) < CLAUSE_WORDS:
        return None
    return relevance(words, candidate.hit.text)


def referent_words(claim: Claim, at: int) -> set[str]:
    """Stems of the person an opening "he" or "she" stands for (`Claim.referent`), as
    words of the claim near a figure at character `at` (relative to the claim) of the
    pronoun's own clause: "He had been in charge only since May 2023" speaks of "John
    Cotton" beside its date; a later clause may speak of someone else."""
    if not claim.referent or clause_at(claim.text, at)[0] != 0:
        return set()
    return stems(content_words(claim.referent))


def for_clause(claim: Claim, candidate: Candidate, value: Value | Fact) -> Candidate:
    """The candidate, read for the clause that holds `value` when the claim has several.

    A passage about one clause of a long sentence shares little of the whole ("More than
    200 firefighters were sent to the tower, and the fire burned for some 60 minutes"
    against "The fire burned for about 60 hours"); its relevance to that clause, when
    higher, is what the figure's (or the quotation's) cutoffs read.
    """
    own = clause_relevance(claim, value.start - claim.start, candidate)
    if own is None or own <= candidate.relevance:
        return candidate
    return replace(candidate, relevance=own)


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


def verdict(
    fact: Fact,
    support: list[tuple[float, Evidence]],
    against: list[tuple[float, Evidence]],
    *,
    unexplained_note: str | None = None,
) -> FactVerdict:
    """The label from ranked supporting and contradicting evidence.

    A source that states the claim's value in one passage does not deny it in another:
    its other value there is of something else ("fined £4m in 2012 over the last crash"
    and the headline's "fined £6.7m" of this one)."""
    support.sort(key=lambda pair: -pair[0])
    stating = {e.document_id for _, e in support}
    against = sorted(
        ((score, e) for score, e in against if e.document_id not in stating),
        key=lambda pair: -pair[0],
    )
    if support and against and against[0][0] < DISPUTE_SHARE * support[0][0]:
        against = []
    if support and against:
        evidence = (support[0][1], against[0][1])
        note = f"sources disagree: article {show(fact)}; " + ", ".join(
            f"{e.publisher or e.title} {dated(fact, e.source_value)}" for e in evidence
        )
        return FactVerdict(fact, Label.DISPUTED, 60, evidence, note)
    if support:
        score = min(99, round(60 + 0.4 * support[0][0]))
        return FactVerdict(
            fact, Label.SUPPORTED, score, tuple(e for _, e in support[:MAX_EVIDENCE])
        )
    if against:
        best = against[0][1]
        note = unexplained_note or (
            f"article: {show(fact)} - source: {dated(fact, best.source_value)}"
        )
        score = min(99, round(55 + 0.4 * against[0][0]))
        return FactVerdict(
            fact, Label.CONTRADICTED, score, tuple(e for _, e in against[:MAX_EVIDENCE]), note
        )
    return FactVerdict(fact, Label.UNVERIFIED, 0, (), "no passage in the store states this")


def show(fact: Fact) -> str:
    """The fact's value as a note shows it, with its bound ("more than 11 million
    copies", not a figure the source's "10 million copies" seems to round)."""
    shown = _shown(fact)
    qualifier = fact.value.qualifier if fact.value is not None else None
    if not qualifier or qualifier in VAGUE or qualifier in THRESHOLDS:
        return shown
    return shown if qualifier.lower() in shown.lower() else f"{qualifier} {shown}"


def _shown(fact: Fact) -> str:
    if fact.kind in (FactKind.QUOTE, FactKind.RANK):
        return fact.text
    if fact.value is not None and (
        fact.value.qualifier in VAGUE
        or dimension(fact.value.unit) is not None
        or fact.kind == FactKind.MONEY
        or (fact.value.number is not None and abs(fact.value.number) >= 10_000)
    ):
        # "thousands of people", not its least value; "18 feet" with its unit, which
        # may be all that differs from the source's "18 metres"; "$35 million" and "5.5
        # million copies" as the article writes them, not "USD 35000000" or "5500000"
        return fact.value.text
    return dated(fact, fact.normalized) or ""


def dated(fact: Fact, value: str | None) -> str | None:
    """A date fact's ISO value as an editor writes it ("June 2019"); other values as they are."""
    return editor_date(value) if fact.kind == FactKind.DATE and value else value
