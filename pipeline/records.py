"""Records passed between the stages: extract -> nlp -> store; claims -> match -> judge.

Every record is a frozen dataclass. Offsets are character offsets into the
document's (or article's) full text, end exclusive, as Python slices.
"""
# Over 600 lines: every record of every stage in one place, as the house style asks.

from __future__ import annotations

import types
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from enum import Enum, StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, Union, get_args, get_origin, get_type_hints

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


class DocumentKind(StrEnum):
    NEWS = "news"
    PRESS_RELEASE = "press_release"
    COURT = "court"
    OTHER = "other"


class ValueKind(StrEnum):
    COUNT = "count"  # "Seventeen officers" -> 17, unit "officer"
    AGE = "age"  # "Anthony Walgate, 23" -> 23, subject "Anthony Walgate"
    DATE = "date"  # "July 2019" -> "2019-07" at month granularity
    MONEY = "money"  # "£1.5m" -> 1500000, unit "GBP"
    PERCENT = "percent"  # "45 per cent" -> 45
    ORDINAL = "ordinal"  # "third" -> 3
    NUMBER = "number"  # a bare number with no counted noun


class Granularity(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a source besides its text; every field optional."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, "2019-07-05" (or "2019-07", "2019")
    kind: DocumentKind = DocumentKind.OTHER
    note: str | None = None  # provenance, e.g. "summary written for this corpus"

    def merged(self, other: Metadata) -> Metadata:
        """Fields of `other` that are set win over this record's."""
        return Metadata(
            title=other.title or self.title,
            publisher=other.publisher or self.publisher,
            url=other.url or self.url,
            published=other.published or self.published,
            kind=other.kind if other.kind != DocumentKind.OTHER else self.kind,
            note=other.note or self.note,
        )


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a document: its number (1-based) and its span in the text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """An extracted source: its full text, pages and metadata.

    `id` is the content hash of the file's bytes and its metadata, so the same
    file ingested twice is recognised, and a changed one is a new document.
    """

    id: str
    path: str
    format: str  # "pdf", "html", "text", "markdown"
    text: str
    pages: tuple[Page, ...]
    metadata: Metadata

    def page_at(self, offset: int) -> int:
        """The number of the page holding character `offset` (1 for an unpaged text).

        An offset between two pages (in the break that joins them) belongs to
        the page before.
        """
        if not self.pages:
            return 1
        index = bisect_right([page.start for page in self.pages], offset) - 1
        return self.pages[max(index, 0)].number


@dataclass(frozen=True, slots=True)
class Value:
    """A typed, normalised value found in a text.

    `number` is set for counts, ages, money, percentages, ordinals and bare
    numbers; `date` (an ISO prefix: "2016", "2016-11", "2016-11-23") with its
    `granularity` for dates. `unit` is the counted noun for a count (singular,
    lower case), the currency code for money. `subject` is who an age belongs
    to. `qualifier` keeps "more than", "about", "at least" and the like.
    """

    kind: ValueKind
    text: str
    start: int
    end: int
    number: float | None = None
    date: str | None = None
    granularity: Granularity | None = None
    unit: str | None = None
    subject: str | None = None
    qualifier: str | None = None

    @property
    def normalized(self) -> str:
        """The value as one comparable string: "17", "2019-07", "GBP 1500000"."""
        if self.date is not None:
            return self.date
        if self.number is None:
            return self.text
        number = int(self.number) if float(self.number).is_integer() else self.number
        return (
            f"{self.unit} {number}" if self.kind == ValueKind.MONEY and self.unit else str(number)
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity from spaCy's NER, with offsets into the document text."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of a document, located by page and character offsets."""

    document_id: str
    seq: int  # position of the passage in its document, from 0
    page: int
    start: int
    end: int
    text: str
    entities: tuple[Entity, ...] = ()
    values: tuple[Value, ...] = ()


# Highlight marks around matched terms in SearchHit.highlighted: control
# characters that never occur in stored text (extraction refuses them).
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A passage found by a search, with its source's provenance and bm25 rank."""

    passage_id: int
    document_id: str
    page: int
    start: int
    end: int
    text: str
    highlighted: str  # the text with the matched terms between MARK_START and MARK_END
    score: float  # position in the bm25 ranking of the index (0 is best)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    path: str | None = None
    url: str | None = None


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
    # The passage's named entities (offsets in its document's text) and the texts
    # of the passages either side of it in its document ("" at an edge): what the
    # whole-claim reading (coverage.py) reads besides the passage itself.
    entities: tuple[Entity, ...] = ()
    before: str = ""
    after: str = ""


@dataclass(frozen=True, slots=True)
class Surroundings:
    """What a claim's candidate passages are read with besides their text, by passage id.

    `EvidenceStore.surroundings` reads it in one go: every candidate's typed
    values; for the first ones (those read whole), their named entities, the
    texts of the passages up to `reach` before and after ((before, after),
    each " "-joined in document order, "" at a document's edge) and the text
    of the passage right after (where there is one).
    """

    values: dict[int, list[Value]]
    entities: dict[int, list[Entity]]
    around: dict[int, tuple[str, str]]
    following: dict[int, str]


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one source file in an ingest run."""

    path: str
    status: str  # "added", "unchanged", "replaced", "failed"
    document_id: str | None = None
    passages: int = 0
    words: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class IngestSummary:
    results: tuple[IngestResult, ...] = field(default_factory=tuple)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> tuple[IngestResult, ...]:
        return tuple(r for r in self.results if r.status == "failed")


# Claims and verdicts -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text (as in the file, markup blanked) and metadata."""

    path: str
    text: str
    body_start: int  # where the text after any front matter starts
    metadata: Metadata
    # (start, end) of the Markdown heading lines: titles, not claims.
    headings: tuple[tuple[int, int], ...] = ()


class FactKind(StrEnum):
    COUNT = "count"
    AGE = "age"
    DATE = "date"
    MONEY = "money"
    PERCENT = "percent"
    ORDINAL = "ordinal"
    NUMBER = "number"
    QUOTE = "quote"  # a quoted phrase or passage
    RANK = "rank"  # police ranks: "from constable to inspector"
    ATTRIBUTION = "attribution"  # who reported or said it: "the Guardian reported"
    STATEMENT = "statement"  # what a sentence with no typed value says
    CONTENT = "content"  # what a claim says besides its typed values: who, did what, to whom


class Label(StrEnum):
    SUPPORTED = "SUPPORTED"
    CONTRADICTED = "CONTRADICTED"
    UNVERIFIED = "UNVERIFIED"
    DISPUTED = "DISPUTED"


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable assertion inside a claim.

    `start`/`end` locate the fact's words in the article. `value` is the typed
    value for counts, ages, dates, money, percentages; `text` is the quoted
    words for a quote, the rank or outlet named for ranks and attributions.
    `subject` is who or what it is about (the person for an age, the counted
    noun for a count, the speaker for a quote).
    """

    kind: FactKind
    text: str
    start: int
    end: int
    value: Value | None = None
    subject: str | None = None
    context: tuple[str, ...] = ()

    @property
    def normalized(self) -> str:
        return self.value.normalized if self.value is not None else self.text


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence of an article, located by offsets, line and column (both 1-based)."""

    id: str  # stable hash of the normalised sentence
    text: str
    start: int
    end: int
    line: int
    column: int
    facts: tuple[Fact, ...] = ()
    checkworthy: bool = True
    reason: str | None = None  # why a sentence is not check-worthy
    reference_date: str | None = None  # the date the claim speaks of, when it says
    # Named entities of the sentence (offsets in the article, as the facts'), read by
    # the whole-claim check: who and where the claim is about.
    entities: tuple[Entity, ...] = ()
    # Spans (article offsets) that frame the sentence as opinion: "it is a disgrace
    # that"; not check-worthy themselves, while the facts inside them are.
    frames: tuple[tuple[int, int], ...] = ()
    # The person an opening "he" or "she" stands for, named in a sentence before ("He
    # had been in charge only since May 2023" after "John Cotton apologised"): words
    # that a source states of that person are words of this claim's.
    referent: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage that bears on a fact, with its document's provenance.

    `start`/`end` are the passage's offsets in its document's text;
    `match_start`/`match_end` the span of the matched value or quote there.
    `source_value` is what the source says, `agrees` whether it agrees with
    the article (None when it neither agrees nor disagrees).
    """

    passage_id: int
    document_id: str
    title: str | None
    publisher: str | None
    published: str | None
    path: str | None
    url: str | None
    page: int
    start: int
    end: int
    text: str
    score: float  # 0-100: how closely the passage matches the claim
    match_start: int | None = None
    match_end: int | None = None
    source_value: str | None = None
    agrees: bool | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class FactVerdict:
    fact: Fact
    label: Label
    score: int  # 0-100: confidence in the label
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None  # what differs, in one line: "article: 23 - source: 32"


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    claim: Claim
    label: Label
    score: int
    facts: tuple[FactVerdict, ...] = ()
    # Words of the claim that no passage of its evidence states (names, verbs,
    # objects); they keep the claim from SUPPORTED.
    uncovered: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """The verdicts on one article, with what is needed to reproduce them."""

    path: str
    claims: tuple[ClaimVerdict, ...]
    not_checkworthy: tuple[Claim, ...]
    model: str
    store: str  # fingerprint of the evidence store's contents
    published: str | None = None
    title: str | None = None
    url: str | None = None
    # The article text that every offset points into (Markdown markup blanked
    # to spaces, as the claims were read), so a report can show the claims in place.
    text: str = ""
    version: str | None = None  # claimcheck's version
    verdict_logic: str | None = None  # the verdict logic's version (judge.VERDICT_LOGIC)
    checked_at: str | None = None  # UTC, ISO 8601: "2019-07-05T10:30:00Z"
    seconds: float | None = None  # how long the verification took
    # Editors' decisions that hold for claims of this report (pipeline.decisions).
    decisions: tuple[Decision, ...] = ()

    def decision(self, claim_id: str) -> Decision | None:
        """The editor's decision that holds for this claim, if any."""
        return next((d for d in self.decisions if d.claim_id == claim_id), None)

    def count(self, label: Label) -> int:
        return sum(1 for c in self.claims if c.label == label)


# The gate ------------------------------------------------------------------


class FailLevel(StrEnum):
    """The verdict at which a gated claim fails the run.

    `contradicted` fails on CONTRADICTED and DISPUTED claims (a source says
    otherwise); `unverified` fails on UNVERIFIED claims too.
    """

    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"

    @property
    def failing(self) -> frozenset[Label]:
        """The labels that fail the run at this level; the others but SUPPORTED warn."""
        if self == FailLevel.CONTRADICTED:
            return frozenset({Label.CONTRADICTED, Label.DISPUTED})
        return frozenset({Label.CONTRADICTED, Label.DISPUTED, Label.UNVERIFIED})


class Severity(StrEnum):
    ERROR = "error"  # at or above the fail level: fails the run
    WARNING = "warning"  # below it: shown, does not fail


@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding does not count: `kind` is "inline", "config" or "baseline"."""

    kind: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class GatedClaim:
    """A claim the gate looked at, located in its draft, with its finding if it has one.

    `line`/`column` and `end_line`/`end_column` are 1-based and both ends
    inclusive (the claim's first and last characters), counted in characters.
    `severity` is None for a SUPPORTED claim. `fingerprint` comes from the
    claim's normalised words (and, for a sentence repeated in the draft, its
    occurrence), never from its line, so it survives edits elsewhere.
    """

    verdict: ClaimVerdict
    path: str  # as given on the command line, or found in a folder given there
    uri: str  # relative to the repository root, '/'-separated
    line: int
    column: int
    end_line: int
    end_column: int
    fingerprint: str
    severity: Severity | None = None
    message: str = ""
    source: str | None = None  # the best evidence's source: "BBC News, 2016-11-23"
    suppression: Suppression | None = None
    decision: Decision | None = None  # the editor's decision that holds for it

    @property
    def label(self) -> Label:
        return self.verdict.label

    @property
    def rule(self) -> str:
        """The finding's rule: "contradicted", "disputed" or "unverified"."""
        return str(self.verdict.label).lower()

    @property
    def failing(self) -> bool:
        return self.severity == Severity.ERROR and self.suppression is None


@dataclass(frozen=True, slots=True)
class DraftResult:
    """One draft through the gate: every claim gated, and those left out by --changed-since."""

    path: str
    uri: str
    claims: tuple[GatedClaim, ...]
    not_gated: int = 0  # check-worthy claims outside the changes since the git revision
    unchanged: bool = False  # nothing changed since the git revision: not verified at all

    @property
    def findings(self) -> tuple[GatedClaim, ...]:
        return tuple(c for c in self.claims if c.severity is not None)


@dataclass(frozen=True, slots=True)
class DraftError:
    """A draft that could not be read: a tool error for the run."""

    path: str
    uri: str
    message: str


@dataclass(frozen=True, slots=True)
class GateResult:
    """The gate's verdict on a set of drafts; `exit_code` is 0 clean, 1 findings, 2 errors."""

    level: FailLevel
    drafts: tuple[DraftResult, ...]
    errors: tuple[DraftError, ...] = ()
    score_cutoff: int = 0
    changed_since: str | None = None
    root: str = "."  # the folder `uri`s are relative to (the repository root)

    @property
    def findings(self) -> tuple[GatedClaim, ...]:
        return tuple(f for d in self.drafts for f in d.findings)

    @property
    def failing(self) -> tuple[GatedClaim, ...]:
        return tuple(f for f in self.findings if f.failing)

    def counts(self) -> dict[str, int]:
        """Drafts, claims gated, errors (failing), warnings, suppressed, unreadable drafts."""
        findings = self.findings
        return {
            "drafts": len(self.drafts),
            "claims": sum(len(d.claims) for d in self.drafts),
            "errors": sum(1 for f in findings if f.failing),
            "warnings": sum(
                1 for f in findings if f.severity == Severity.WARNING and f.suppression is None
            ),
            "suppressed": sum(1 for f in findings if f.suppression is not None),
            "unreadable": len(self.errors),
        }

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.failing else 0


# Batch runs ----------------------------------------------------------------


class ArticleStatus(StrEnum):
    CHECKED = "checked"  # verified in this run
    SKIPPED = "skipped"  # unchanged since its recorded result, which stands
    FAILED = "failed"  # could not be read or checked; `error` says why


@dataclass(frozen=True, slots=True)
class BatchArticle:
    """What happened to one article in a batch run.

    `path` is the article as found, `name` its path relative to the batch's
    common folder (what its report is named by). `report` is the verdicts:
    new for a checked article, the recorded ones for a skipped article, None
    for a failed one. A run's summary keeps only the counts (`tally`: claims,
    then each label's count in Label order), so that a batch of thousands
    does not hold every report in memory.
    """

    path: str
    name: str
    status: ArticleStatus
    content_hash: str | None = None
    report: ArticleReport | None = None
    error: str | None = None
    seconds: float = 0.0
    tally: tuple[int, ...] = ()

    @property
    def claims(self) -> int:
        if self.report is not None:
            return len(self.report.claims)
        return self.tally[0] if self.tally else 0

    def count(self, label: Label) -> int:
        if self.report is not None:
            return self.report.count(label)
        return self.tally[1 + list(Label).index(label)] if self.tally else 0

    def summarised(self) -> BatchArticle:
        """This outcome with the counts of its report instead of the report."""
        if self.report is None:
            return self
        tally = (self.claims, *(self.count(label) for label in Label))
        return replace(self, report=None, tally=tally)


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """A batch run: its id in the store, how it ended, and every article's outcome.

    `status` is "finished" or "interrupted" (stopped before every article was
    checked; what finished is recorded, and is in `articles`).
    """

    run_id: int
    status: str
    articles: tuple[BatchArticle, ...]  # those with an outcome, in the order found
    found: int  # articles found under the paths (more than `articles` when interrupted)
    model: str
    store: str  # fingerprint of the evidence store when the run started

    def count(self, status: ArticleStatus) -> int:
        return sum(1 for a in self.articles if a.status == status)

    def claims(self, label: Label | None = None) -> int:
        """Claims of every article, with that label when one is given."""
        return sum(a.claims if label is None else a.count(label) for a in self.articles)

    @property
    def failed(self) -> tuple[BatchArticle, ...]:
        return tuple(a for a in self.articles if a.status == ArticleStatus.FAILED)


# Editors' decisions -----------------------------------------------------------


class DecisionKind(StrEnum):
    """What an editor decided about a finding; `undone` takes back the one before."""

    CONFIRMED = "confirmed"  # an error: send it back
    FALSE_ALARM = "false-alarm"  # the source is outdated, or the tool misread it
    NEEDS_SOURCE = "needs-source"  # true, but nothing in the store says so
    UNDONE = "undone"


@dataclass(frozen=True, slots=True)
class Decision:
    """One entry of the decision log.

    It belongs to the claim (`claim_id`, the hash of its normalised sentence)
    and to the evidence it was made on (`evidence_hash`, see
    `pipeline.decisions.evidence_hash`): it holds while both are unchanged.
    `claim` and `label` are the sentence and the verdict as the editor saw them.
    """

    claim_id: str
    evidence_hash: str
    decision: DecisionKind
    reason: str
    author: str
    decided_at: str  # UTC, ISO 8601
    claim: str = ""
    label: str = ""
    path: str | None = None
    id: int | None = None  # its place in the store's log


# Records to and from plain data ---------------------------------------------


def record_to_dict(record: Any) -> Any:
    """A record as plain data: what `dataclasses.asdict` gives, ten times faster.

    `asdict` deep-copies every value it meets; records are frozen and hold
    strings, numbers, enums and tuples, so nothing needs copying. Tuples and
    lists become lists (as JSON has them either way).
    """
    if is_dataclass(record) and not isinstance(record, type):
        cls: type = type(record)
        return {name: record_to_dict(getattr(record, name)) for name in _field_names(cls)}
    if isinstance(record, (tuple, list)):
        return [record_to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: record_to_dict(item) for key, item in record.items()}
    return record


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def record_from_dict(cls: type[R], data: Mapping[str, Any]) -> R:
    """Rebuild a record, and the records inside it, from `dataclasses.asdict` output.

    The inverse of `asdict` after a trip through JSON: lists become the
    tuples the records hold, strings their StrEnum labels, nested dicts
    their records. Fields missing from `data` take their defaults.
    """
    hints = _field_types(cls)
    return cls(
        **{f.name: _build(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data}
    )


@cache
def _field_types(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        return _build(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in value)
        return tuple(_build(a, item) for a, item in zip(args, value, strict=True))
    if is_dataclass(kind) and isinstance(kind, type):
        return record_from_dict(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is float:
        return float(value)
    return value
