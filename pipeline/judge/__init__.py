"""Judging: facts + candidate passages -> verdicts, each with its evidence.

A fact is SUPPORTED when a passage states the same value about the same
subject and relation; CONTRADICTED only with a confident anchor (the same
person for an age; the same counted noun and two words shared around the value for
a count or a date; the same quoted statement for a quote) and a different
value; DISPUTED when anchored passages both agree and disagree and the
disagreement is not explained (an age in a source of another date); otherwise
UNVERIFIED. A low fuzzy score never makes a contradiction.

Here the ages, counts, ranks, attributions and statements; dates and quotations in
their own modules (`dates`, `quotes`), which figure of a passage a claim's figure is
read against in `figures`, the label ranked evidence gives in `evidence.verdict`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from .. import lexicon
from ..claims import DEFINITE_BEFORE, ELAPSED, ELAPSED_EVENT, ELAPSED_FAR, ranks, same_name
from ..coverage import MADE_A_CASE, end_named, past_form, ranges
from ..match import page_subject
from ..records import (
    Candidate,
    Claim,
    ClaimVerdict,
    Evidence,
    Fact,
    FactKind,
    FactVerdict,
    Label,
    SearchHit,
    Value,
    ValueKind,
)
from ..text import WORD, clause_at, content_words, local_words, stem, stems
from ..values import (
    PRECISE_DIGITS,
    VAGUE,
    comparable,
    compare_date_readings,
    compare_date_values,
    compare_dates,
    compare_measures,
    compare_numbers,
    date_interval,
    date_span,
    dimension,
    interval,
    seconds_in,
    significant_digits,
    singular,
    yearless,
)
from ..values.dates import editor_date
from ..values.numbers import parse_number
from ..values.words import BOUND_WORDS
from .between import summed
from .content import judge_content
from .dates import dated_apart, judge_date, taken_another_day
from .event import (
    COUNTED_FROM_BEFORE,
    FROM_EVENT,
    counted_from_another,
    counted_the_same_way,
    recheck_values,
)
from .evidence import (
    CONTRADICT_CUTOFF,
    STATEMENT_CUTOFF,
    SUPPORT_CUTOFF,
    evidence_of,
    for_clause,
    referent_words,
    verdict,
)
from .figures import (
    another_length,
    close_figure,
    counts_the_same,
    excluded,
    framed_by_another,
    in_anothers_place,
    length_of_another,
    narrower,
    pinned,
    placed_alike,
    qualified_alike,
    qualified_beside,
    qualified_the_same,
    readings,
    said_elsewhere,
    states_another,
    time_kind,
    times_alike,
    whole_units_since,
    with_wholes,
)
from .quotes import SPEAKER_REACH, judge_quote
from .since import judge_since_event, length_agrees, lengths_between
from .tallies import tally_denied, tally_said
from .windows import Reading, publisher_names

# The version of the verdict logic, recorded with every report and batch result;
# raised whenever verdicts can change, so that a batch never reuses results
# judged by older logic. 1: typed values only; 2: whole claims (coverage, contrasts,
# values read through their event); 3: words a claim only adds do not block support,
# bounds written after the number ("200 people or more"); 4: counts read across units
# of one dimension, two thresholds never confirm each other; 5: durations later than a
# date read as dates, clauses stated whole by another sentence of the evidence document;
# 6: a count settled by the passage that states the claim's other figure; 7: "since 2019"
# is 2019 itself, not the years after it; 8: a claim's figure read against the passage's
# figure closest to its words (`figures`), bounds not claiming each other's figures; 9:
# a day without a year ("on 5 August") is a date, compared on its month and day, a
# number that ends a name no value; 10: a source's "as of" date is that day and denies
# no date, counted nouns compared through synonyms, rating scales and times no values;
# 11: a date that disagrees beside the claim's words outweighs one that agrees further off;
# 12: a predicate reversed in a sentence that names the subject beside the anchoring passage;
# 13: antonyms of synonyms ("approved" / "rejected"); 14: a quotation that holds part of the
# same words is no misquote, names spelt alike no contrast, a passage figure equal to
# another of the claim's is that one's; 15: a short title counts in relevance as the page's subject;
# 16: a nationality against another country of origin ("Syrian refugees" / "from Libya");
# 17: a bare surname does not state a full name when the passage gives it another first name;
# 18: a day without a year dated by the report of that day; a noun is no negated predicate;
# 19: a count of people counts what the verb after it names ("people had recovered");
# 20: a strongly relevant passage's only figure in the unit contradicts with one shared word;
# 21: no contradiction from a passage that holds the claim's figure, from a source's bound
# at it ("over 7,100"), or against a place the claim excludes ("outside North America");
# 22: words that say whether the rest holds ("acting", "interim") are never only added.
VERDICT_LOGIC = "207"


def judge_claim(claim: Claim, candidates: Sequence[Candidate]) -> ClaimVerdict:
    """Verdicts on each fact of a claim, and the claim's verdict, which follows from them.

    The typed facts are judged one by one (`judge_fact`), the dates and counts
    they leave unsettled are read through the passage that tells their event
    (`event`), and the rest of the claim through `content`: its words must be
    stated too, and another name in the same role, an antonym or a reversed
    predicate contradicts. Any contradicted fact contradicts the claim; any
    disputed one disputes it; the claim is supported only when every fact is.
    """
    typed = tuple(
        judge_fact(fact, claim, candidates)
        for fact in claim.facts
        if fact.kind != FactKind.STATEMENT
    )
    reading = Reading(claim)  # each candidate's window read once for every check
    typed = recheck_values(claim, candidates, typed, reading)
    typed = summed(claim, typed)
    typed = _speakers_tied(typed, candidates)
    content = judge_content(claim, candidates, typed, reading)
    if content.verdict is not None:
        verdicts = (*typed, content.verdict)
    else:
        statements = [f for f in claim.facts if f.kind == FactKind.STATEMENT]
        verdicts = (*typed, *(judge_fact(f, claim, candidates) for f in statements))
    label, score = _combine(verdicts)
    return ClaimVerdict(claim, label, score, verdicts, content.uncovered)


def _speakers_tied(
    typed: Sequence[FactVerdict], candidates: Sequence[Candidate]
) -> tuple[FactVerdict, ...]:
    """The verdicts, with a speaker's name that only passages about other things give
    ("Network Rail said that ... 25 to 30 passengers", where the passage that states the
    figures says "ScotRail said") left unverified: who said the claim's figures is told
    by the passages that state them, or by the sentence right before one ("Local
    Government Secretary Greg Clark said:" before the quotation set apart), when the
    claim has figures. A source's publisher, title or host ("As the BBC reported") is
    the outlet whatever the passage."""
    holding = {
        e.passage_id
        for v in typed
        if v.fact.kind not in (FactKind.ATTRIBUTION, FactKind.STATEMENT)
        and v.label == Label.SUPPORTED
        for e in v.evidence
        if e.agrees
    }
    if not holding:
        return tuple(typed)
    leads = [c.before[-SPEAKER_REACH:].lower() for c in candidates if c.hit.passage_id in holding]
    out = []
    for v in typed:
        if (
            v.fact.kind == FactKind.ATTRIBUTION
            and v.label == Label.SUPPORTED
            and not any(e.passage_id in holding or e.note for e in v.evidence)
            and not any(_said_before(v.fact.text, lead) for lead in leads)
        ):
            v = FactVerdict(
                v.fact,
                Label.UNVERIFIED,
                0,
                (),
                f"no passage that states the claim's figures gives them to {v.fact.text}",
            )
        out.append(v)
    return tuple(out)


def _said_before(speaker: str, lead: str) -> bool:
    """Whether the words right before a passage name the speaker with a verb of saying
    ("Greg Clark said:")."""
    words = [w.lower() for w in WORD.findall(speaker) if w[:1].isupper()]
    return (
        bool(words)
        and all(w in lead for w in words)
        and re.search(r"\b(?:said|says|added|stated)\s{0,3}:?\s{0,3}$", lead) is not None
    )


def _combine(verdicts: Sequence[FactVerdict]) -> tuple[Label, int]:
    labels = [v.label for v in verdicts]
    if not verdicts:
        return Label.UNVERIFIED, 0
    if Label.CONTRADICTED in labels:
        return Label.CONTRADICTED, max(v.score for v in verdicts if v.label == Label.CONTRADICTED)
    if Label.DISPUTED in labels:
        return Label.DISPUTED, max(v.score for v in verdicts if v.label == Label.DISPUTED)
    if all(lab == Label.SUPPORTED for lab in labels):
        return Label.SUPPORTED, min(v.score for v in verdicts)
    return Label.UNVERIFIED, round(100 * labels.count(Label.SUPPORTED) / len(labels))


def judge_fact(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    if fact.kind in (FactKind.NUMBER, FactKind.COUNT, FactKind.DATE):
        named = _in_a_title(fact, claim, candidates)
        if named is not None:
            return named
    if fact.value is not None and (fact.value.subject or "").startswith((ELAPSED, ELAPSED_FAR)):
        elapsed = _judge_elapsed(fact, claim, candidates)
        if elapsed is not None:
            return elapsed
    if fact.value is not None and (fact.value.subject or "").startswith(ELAPSED_EVENT):
        since = judge_since_event(fact, claim, candidates)
        if since is not None:
            return since
        # No date of the event's settles it: the count is judged as any other.
        plain = replace(fact, value=replace(fact.value, subject=None))
        return replace(_JUDGES.get(fact.kind, _judge_number)(plain, claim, candidates), fact=fact)
    if fact.kind == FactKind.DATE and (reported := _report_date(fact, claim, candidates)):
        return reported
    judge = _JUDGES.get(fact.kind, _judge_number)
    return judge(fact, claim, candidates)


# A word of a title, read without the marks between words ("Piranha 3D", "2016").
_TITLE_WORD = re.compile(r"[\w.'\u2019]+")


def _in_a_title(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict | None:
    """A number that is part of the name a source's title gives ("8 Seconds", "10
    Cloverfield Lane", "Piranha 3D"): the title states it.

    The value's word with the word before or after it must stand in the title of a
    relevant passage's document.
    """
    text = claim.text
    digit = re.search(r"\d", text[fact.start - claim.start : fact.end - claim.start])
    if digit is None:
        return None
    # The word holding the fact's first digit ("3D" of "Piranha 3D").
    start = end = fact.start - claim.start + digit.start()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    before = text[:start].split()[-1:]
    after = text[end:].split()[:1]
    phrases = [" ".join([*before, text[start:end]]), " ".join([text[start:end], *after])]
    phrases = [p for p in phrases if len(p.split()) == 2]
    # Marks between the words aside: "2016 report" is in "Canadians 2016: Report of ...".
    phrases = [" ".join(_TITLE_WORD.findall(p.lower())) for p in phrases]
    for candidate in candidates:
        title = " ".join(_TITLE_WORD.findall((candidate.hit.title or "").lower()))
        if candidate.relevance < SUPPORT_CUTOFF or not title:
            continue
        if any(p and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", title) for p in phrases):
            note = f"part of the name \u201c{candidate.hit.title}\u201d"
            evidence = evidence_of(
                candidate, source_value=candidate.hit.title, agrees=True, note=note
            )
            return FactVerdict(fact, Label.SUPPORTED, 90, (evidence,), note)
    return None


# --- ages ---------------------------------------------------------------------


# An age at the time the sentence tells of: "Bettley-Smith, *by then* 32", "Andy Hill,
# *then* 51", "Monk, who was 38 *at the time*".
_THEN_BEFORE = re.compile(r"(?i)\b(?:by\s{1,3})?then\s{1,3}(?:an?\s{1,3})?$")
# The same said after the age: "Monk, who was 38 *at the time*".
_THEN_AFTER = re.compile(r"(?i)\s{1,3}(?:at\s{1,3}the\s{1,3}time|then)\b")


def _age_at(fact: Fact, claim: Claim) -> str | None:
    """The date an age is meant at: the article's own, but for an age "then", or one said
    at the sentence's event ("On 8 March 2019 the jury cleared the 54-year-old", "since
    he died, aged 48, ... on 15 August 2016"), the sentence's date ("at a retrial in
    September 2022 ..., Bettley-Smith, by then 32"), or None where the sentence gives
    none. An age beside a name ("Jones, 38, who was jailed in 2015") is the article's."""
    then = _said_then(claim.text, fact.start - claim.start, fact.end - claim.start)
    at = fact.start - claim.start
    before = claim.text[max(0, at - 12) : at]
    # (an age said of the person at the sentence's event: "the jury cleared *the*
    # 54-year-old", "since he died, *aged* 48")
    at_event = DEFINITE_BEFORE.search(before) or fact.text.lower().startswith("aged")
    if not then and not at_event:
        return claim.reference_date
    dated = next(
        (
            f.value.date
            for f in claim.facts
            if f.kind == FactKind.DATE
            and f.value is not None
            and f.value.date
            and not f.value.qualifier
            and not yearless(f.value.date)
        ),
        None,
    )
    return dated or (None if then else claim.reference_date)


def _said_then(text: str, start: int, end: int) -> bool:
    """Whether the age at `start`:`end` of a text is said at the time the text tells of
    ("by then 32", "then 51", "who was 38 at the time"), not at the text's date."""
    before = text[max(0, start - 12) : start]
    return bool(_THEN_BEFORE.search(before) or _THEN_AFTER.match(text, end))


def _years_between(earlier: str | None, later: str | None) -> float | None:
    a, b = _as_date(earlier), _as_date(later)
    if a is None or b is None:
        return None
    return (b - a).days / 365.25


def _as_date(iso: str | None) -> dt.date | None:
    if not iso:
        return None
    parts = iso.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 7
        day = int(parts[2]) if len(parts) > 2 else (15 if len(parts) > 1 else 1)
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


# Relatives a claim may name by another's surname: "Hernandez's father".
_KIN = re.compile(
    r"(?i)'s\s{1,3}(?:late\s{1,3})?(?:father|mother|brother|sister|son|daughter|wife|husband|"
    r"uncle|aunt|cousin|grandfather|grandmother|parents?|siblings?|nephew|niece|partner)\b"
)


def _kin(claim: Claim, subject: str, value: Value) -> bool:
    """Whether a surname alone may name another of the family here: the claim speaks of
    "Hernandez's father", so a passage's "Dennis Hernandez, 49" need not be its
    "Hernandez, 16"."""
    if len(subject.split()) != 1 or len((value.subject or "").split()) < 2:
        return False
    return any(
        m.start() >= len(subject) and claim.text[m.start() - len(subject) : m.start()] == subject
        for m in _KIN.finditer(claim.text)
    )


def _judge_age(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    if fact.value is None or fact.value.number is None or not fact.subject:
        return _judge_number(fact, claim, candidates)
    age = fact.value.number
    same: list[tuple[Candidate, Value]] = []
    other: list[tuple[Candidate, Value]] = []
    for candidate in candidates:
        for value in candidate.values:
            if value.kind != ValueKind.AGE or value.subject is None or value.number is None:
                continue
            if not same_name(fact.subject, value.subject) or _kin(claim, fact.subject, value):
                continue
            agree = compare_numbers(fact.value, value)
            if agree is None:
                continue  # "older than 8" against "8": neither
            (same if agree else other).append((candidate, value))
    if not same and not other:
        swapped = _age_of_another(fact, claim, candidates)
        if swapped is not None:
            return swapped
    support = [
        (
            c.relevance,
            evidence_of(c, span=(v.start, v.end), source_value=_num(v.number), agrees=True),
        )
        for c, v in same
    ]
    # The date the article's age is meant at: its own, else the date of a source
    # that agrees with it. An age in a source of another date is then checked
    # against the years between the two, not against the bare number.
    at = _age_at(fact, claim)
    reference = at or next((c.hit.published for c, _ in same if c.hit.published), None)
    # "Monk, who was 38 at the time", in a sentence that gives no date: an age a source
    # gives at its own date, in a passage that does not tell the sentence's event, is of
    # another time ("PC Benjamin Monk, 43, was convicted", in 2021).
    undated = at is None and _said_then(
        claim.text, fact.start - claim.start, fact.end - claim.start
    )
    against: list[tuple[float, Evidence]] = []
    for candidate, value in other:
        assert value.number is not None
        years = _years_between(candidate.hit.published, reference)
        # The claim's age is another person's in the same passage: the names are swapped
        # ("the sixty-two-year-old Mr Dinnie" / "Donald Dinnie, who was 58; and
        # Christopher Stuchbury, 62"), however the years between may read.
        owner = next(
            (
                v.subject
                for v in candidate.values
                if v.kind == ValueKind.AGE
                and v.number == age
                and v.subject
                and not same_name(fact.subject, v.subject)
            ),
            None,
        )
        if (
            owner is None
            and undated
            and candidate.relevance < THEN_AGE_RELEVANCE
            and not _said_then(
                candidate.hit.text,
                value.start - candidate.hit.start,
                value.end - candidate.hit.start,
            )
        ):
            continue
        if owner is None and years is not None and abs(value.number + years - age) <= 1.0:
            note = (
                f"{value.subject}, {_num(value.number)} in a source of "
                f"{candidate.hit.published}: consistent with {_num(age)} at {reference}"
            )
            support.append(
                (
                    candidate.relevance / 2,
                    evidence_of(
                        candidate,
                        span=(value.start, value.end),
                        source_value=_num(value.number),
                        agrees=True,
                        note=note,
                    ),
                )
            )
            continue
        when = f" (source of {candidate.hit.published})" if candidate.hit.published else ""
        if owner is not None:
            when += f"; {_num(age)} is {owner}'s age"
        against.append(
            (
                candidate.relevance,
                evidence_of(
                    candidate,
                    span=(value.start, value.end),
                    source_value=_num(value.number),
                    agrees=False,
                    note=f"{value.subject} is {_num(value.number)}{when}",
                ),
            )
        )
    return verdict(fact, support, against)


# How relevant a passage must be to tell the event an undated age "at the time" is said
# at, for the age it gives to be that time's.
THEN_AGE_RELEVANCE = 50.0
# How relevant a passage must be for the claim's age, given there to another person the
# sources never give an age, to be that person's: the names are swapped.
SWAPPED_AGE_RELEVANCE = 50.0


def _age_of_another(
    fact: Fact, claim: Claim, candidates: Sequence[Candidate]
) -> FactVerdict | None:
    """The claim's person with the age a strongly relevant passage gives another named
    person, where no passage gives the claim's person an age: "residents such as Julie
    Sharman, 36, who had turned out to help with sandbags" / "Anna Aspinall, 36, ...
    said she and others had answered a call to help fill and place sandbags"."""
    assert fact.value is not None and fact.subject
    if len(fact.subject.split()) < 2:
        return None  # a surname or a word alone may be the other person's
    for candidate in candidates:
        if candidate.relevance < SWAPPED_AGE_RELEVANCE:
            continue
        for value in candidate.values:
            if (
                value.kind == ValueKind.AGE
                and value.number == fact.value.number
                and value.subject
                and len(value.subject.split()) >= 2
                and not same_name(fact.subject, value.subject)
                and not _kin(claim, fact.subject, value)
                and not any(same_name(fact.subject, e.text) for e in candidate.entities)
            ):
                note = (
                    f"article: {fact.subject}, {_num(value.number)} - source:"
                    f" {value.subject}, {_num(value.number)}"
                )
                evidence = evidence_of(
                    candidate,
                    span=(value.start, value.end),
                    source_value=value.subject,
                    agrees=False,
                    note=note,
                )
                return FactVerdict(fact, Label.CONTRADICTED, 70, (evidence,), note)
    return None


def _num(number: float | None) -> str:
    if number is None:
        return "?"
    return str(int(number)) if float(number).is_integer() else str(number)


# --- counts, money, percentages, bare numbers -----------------------------------


def _judge_count(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    """A count (money, a percentage) is judged by the passage's value of the same kind and
    unit that stands among the most of the words around the claim's value: in "$44.8
    million in North America and $368.3 million in other territories", only the first can
    confirm or deny "more than $45 million in Canada and the U.S." """
    value = fact.value
    if value is None or value.number is None:
        return FactVerdict(fact, Label.UNVERIFIED, 0, ())
    around = local_words(claim.text, value.start - claim.start, value.end - claim.start)
    around |= referent_words(claim, value.start - claim.start)
    support: list[tuple[float, Evidence]] = []
    against: list[tuple[float, Evidence]] = []
    loosely: list[tuple[float, Evidence]] = []
    directed: dict[
        tuple[int | None, int | None], str
    ] = {}  # the claim's figure and way, by passage span
    for whole in candidates:
        candidate = for_clause(claim, whole, value)
        if (
            candidate.relevance < SUPPORT_CUTOFF
            or taken_another_day(claim, candidate)
            or framed_by_another(claim, candidate)
        ):
            continue
        # The passage's counts of a part of what the claim counts: "a further 25 million
        # customers", "nine new cases", unless the claim qualifies its own alike.
        parts = [
            other
            for other in candidate.values
            if value.kind == ValueKind.COUNT
            and other.kind in (ValueKind.COUNT, ValueKind.NUMBER)
            and narrower(candidate, value, other)
            and not qualified_beside(claim, value, candidate, other)
        ]
        # The passage's values that measure what the claim's does.
        same = [
            other
            for other in with_wholes(candidate.values)
            if other.number is not None
            and _measures_alike(claim, candidate, value, other)
            # A figure that states another of the claim's is that one's.
            and not states_another(claim, fact, other)
            and not said_elsewhere(claim, fact, other)
            and not in_anothers_place(claim, fact, candidate, other)
            # "a month after the notice", in a passage dated 5 October 2023, is no time
            # from the notice to the claim's 5 March 2024.
            and not _dated_otherwise(claim, value, candidate)
            # A figure said by its order of size, "as thousands of people were leaving",
            # is read for an exact one only with the same word beside both.
            and (
                other.qualifier not in VAGUE
                or value.qualifier in VAGUE
                or _beside_alike(claim, value, candidate, other)
            )
            # "a further 25 million customers" is not the claim's count, unless the
            # claim qualifies its own alike ("through joint ventures").
            and other not in parts
            # "100 reviews (4 negative, 96 positive)" counts no "more than 50 negative
            # reviews", nor "the confirmed cases reached 638" "25 recovered cases".
            and counts_the_same(candidate, value, other, plain=True)
        ]
        compare = whole_units_since(
            candidate, compare_measures if value.kind == ValueKind.COUNT else compare_numbers
        )
        read = readings(candidate, value, same, around, compare, claim_text=claim.text)
        # A passage that gives the claim's own figure tells of it; its other figures
        # are of other things ("reach 1 billion views ... over 3.6 billion views").
        holds_it = any(
            o.number == value.number and o.unit == value.unit and compare(value, o) is not False
            for o in same
        ) or (
            # "the total number of cases registered is 484, of which 109 cases have
            # recovered": the claim's "484 cases" as a bare number.
            not value.qualifier
            and any(
                o.kind == ValueKind.NUMBER and o.number == value.number for o in candidate.values
            )
        )
        # "More than 340 cases" is consistent with many numbers: a passage that also
        # gives one it excludes, as close to the claim's words ("304 of them"), does not
        # confirm it.
        loose = value.qualifier is not None and excluded(
            candidate, value, around, claim_text=claim.text, parts=parts
        )
        # The claim's sum paid per another time, or in another currency: "£1,200 an hour"
        # / "£1,200 a day", "$6,500" / "£6,500".
        rerated = [o for o in candidate.values if _rerated(value, o)]
        for other, shared, _, settled in readings(
            candidate, value, rerated, around, lambda *_: False, claim_text=claim.text
        ):
            if shared and settled and not holds_it:
                span = (other.start, _rate_end(candidate.hit.text, other, candidate.hit.start))
                shown = candidate.hit.text[
                    span[0] - candidate.hit.start : span[1] - candidate.hit.start
                ]
                directed[span] = claim.text[
                    value.start - claim.start : _rate_end(claim.text, value, claim.start)
                    - claim.start
                ]
                against.append(
                    (
                        candidate.relevance + 10 * len(shared),
                        evidence_of(candidate, span=span, source_value=shown, agrees=False),
                    )
                )
        # The passage's only figure of the claim's noun, bare numbers aside ("a rating out
        # of 100 ... based on seven reviews" for "more than six reviews").
        counted = [o for o in same if o.kind == value.kind and o.unit == value.unit]
        for other, shared, agree, settled in read:
            strength = candidate.relevance + 10 * len(shared)
            sole = len(same) == 1 or (bool(value.unit) and counted == [other])
            span = (other.start, other.end)
            if agree and settled and shared and _directions_differ(claim, value, candidate, other):
                # "four months later than she had planned" / "four months before".
                end = _direction_end(candidate, other)
                said = candidate.hit.text[
                    other.start - candidate.hit.start : end - candidate.hit.start
                ]
                way = _DIRECTION.match(claim.text, value.end - claim.start)
                mine_end = value.end - claim.start + (way.end() - way.start() if way else 0)
                directed[(other.start, end)] = claim.text[value.start - claim.start : mine_end]
                against.append(
                    (
                        strength,
                        evidence_of(
                            candidate, span=(other.start, end), source_value=said, agrees=False
                        ),
                    )
                )
                continue
            if (
                agree
                and (settled or _precisely_the_same(value, other))
                and not loose
                and not another_length(claim, value, candidate, other)
                and (
                    shared
                    or pinned(value, other)
                    or (candidate.relevance >= 60 and sole)
                    # "Bulgaria has registered less than 7 cases" / "There are six
                    # confirmed cases", on a page called "2020 coronavirus pandemic in
                    # Bulgaria": the page's subject stands by all its figures.
                    or (sole and bool(around & page_subject(candidate)))
                    # The passage's people counted by the verb the claim's noun names:
                    # "759 people ... have died" states "less than 1,000 deaths".
                    or _people_who(claim, candidate, value, other)
                )
            ):
                support.append(
                    (
                        strength,
                        evidence_of(candidate, span=span, source_value=other.text, agrees=True),
                    )
                )
            elif agree is False and settled and not holds_it:
                tied = _tied(claim, value, candidate, other, shared, same, around)
                if tied is not None:
                    (against if tied else loosely).append(
                        (
                            strength,
                            evidence_of(
                                candidate, span=span, source_value=other.text, agrees=False
                            ),
                        )
                    )
    if not support and not against:
        # "covered more than nine years, from May 2011": the length of the period whose
        # end the claim names ("from 1 May 2011 to 12 August 2020").
        support, against = _period_lengths(fact, claim, candidates)
    # A figure tied to the claim's only by the words of its clause denies it only where
    # no passage states the claim's figure.
    against = against or ([] if support else loosely)
    support, against = _counted_alike(claim, value, support, against)
    support, against = _per_alike(claim, value, support, against)
    # (a length of time is of no date: "27 years after the disaster" in a passage of 1989)
    denying = {e.passage_id for _, e in against} if seconds_in(value.unit) is None else set()
    apart = {
        c.hit.passage_id
        for c in candidates
        if c.hit.passage_id in denying and dated_apart(claim, c)
    }
    against = [
        (w, e)
        for w, e in against
        if not _years_apart(claim, value, e) and e.passage_id not in apart
    ]
    found = verdict(fact, support, against)
    per = _PER_LENGTH.match(claim.text, value.end - claim.start)
    if per is not None and found.label == Label.CONTRADICTED and found.evidence:
        # "article: 7,000 litres of water a day - source: 7,000 litres a minute"
        said = claim.text[value.start - claim.start : per.end()]
        found = replace(found, note=f"article: {said} - source: {found.evidence[0].source_value}")
    if found.label == Label.CONTRADICTED and found.evidence:
        best = found.evidence[0]
        mine = directed.get((best.match_start, best.match_end))
        if mine is not None:
            # The claim's way beside the source's: "two months ahead" / "two months behind".
            found = replace(found, note=f"article: {mine} - source: {best.source_value}")
    return found


# A figure given per a length of time: "7,000 litres of water *a minute*", "£5 per week".
_PER_LENGTH = re.compile(
    r"(?i)(?:\s{1,3}[a-z]{1,12}){0,3}?\s{1,3}(?:a|an|per|each)\s{1,3}"
    r"(second|minute|hour|day|week|fortnight|month|year)\b"
)


def _per_alike(
    claim: Claim,
    value: Value,
    support: list[tuple[float, Evidence]],
    against: list[tuple[float, Evidence]],
) -> tuple[list[tuple[float, Evidence]], list[tuple[float, Evidence]]]:
    """The evidence for a figure the claim gives per a length of time, less the passages
    that give the same figure per another, which deny it: "7,000 litres of water a day"
    against "7,000 litres a minute"."""
    mine = _PER_LENGTH.match(claim.text, value.end - claim.start)
    if mine is None:
        return support, against
    kept: list[tuple[float, Evidence]] = []
    for weight, e in support:
        theirs = (
            _PER_LENGTH.match(e.text, e.match_end - e.start) if e.match_end is not None else None
        )
        if theirs is None or theirs.group(1).lower() == mine.group(1).lower():
            kept.append((weight, e))
            continue
        shown = f"{e.source_value or ''} a {theirs.group(1).lower()}".strip()
        against.append((weight, replace(e, agrees=False, source_value=shown)))
    return kept, against


# A financial year: "2023-24", "2022/23".
_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d\d)\s?[-/\u2013]\s?(\d\d)(?!\d)")
# Characters after (and before) a figure its financial year may stand in.
YEAR_AFTER, YEAR_BEFORE = 60, 30


def _financial_years(text: str, start: int, end: int) -> set[str]:
    """The financial years given right around a figure at [start, end) of `text`."""
    near = text[max(0, start - YEAR_BEFORE) : end + YEAR_AFTER]
    return {m.group(1) for m in _FINANCIAL_YEAR.finditer(near)}


def _years_apart(claim: Claim, value: Value, evidence: Evidence) -> bool:
    """Whether a passage's figure is of another financial year than the claim's: "a gap
    of about £184m forecast for 2023-24" is not denied by "a gap of about £470 million in
    the current year, 2022/23"."""
    if evidence.match_start is None or evidence.match_end is None:
        return False
    mine = _financial_years(claim.text, value.start - claim.start, value.end - claim.start)
    theirs = _financial_years(
        evidence.text, evidence.match_start - evidence.start, evidence.match_end - evidence.start
    )
    return bool(mine) and bool(theirs) and not mine & theirs


def _counted_alike(
    claim: Claim,
    value: Value,
    support: list[tuple[float, Evidence]],
    against: list[tuple[float, Evidence]],
) -> tuple[list[tuple[float, Evidence]], list[tuple[float, Evidence]]]:
    """The evidence for and against a time counted from an event, less the passages
    that count another time."""
    if (way := COUNTED_FROM_BEFORE.match(claim.text, value.end - claim.start)) is not None:
        # "A year later", with no date of the article's to count from: only a time the
        # same way from an event states or denies it ("six days after he was convicted",
        # "nine days before the accident"), not another length of time ("only six months
        # earlier", "more than three years ago").
        against = [(w, e) for w, e in against if counted_the_same_way(e, way.group(1))]
        support = [(w, e) for w, e in support if counted_the_same_way(e, way.group(1))]
    if (event := FROM_EVENT.match(claim.text, value.end - claim.start)) is not None:
        # "four years after he was acquitted" is not denied by "three years after the crash".
        against = [(w, e) for w, e in against if not counted_from_another(e, event)]
    return support, against


def _judge_elapsed(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict | None:
    """A time between two of the article's dates ("almost five years later, on 4
    September 2024", after a sentence dated 30 October 2019; "since May 2023, four
    months before the notice" of 5 September 2023): contradicted when the dates are
    not that far apart, and otherwise as the claim's own date of the event is judged.
    A first date a few sentences back (`ELAPSED_FAR`) may be another event's: it can
    agree, never deny. None when the dates, read at their granularity, leave it open."""
    value = fact.value
    if value is None or value.number is None:
        return None
    subject = value.subject or ""
    far = subject.startswith(ELAPSED_FAR)
    span, _, own = subject.removeprefix(ELAPSED_FAR).removeprefix(ELAPSED).partition("@")
    first, _, last = span.partition("..")
    try:
        between = lengths_between(date_span(first), date_span(last), value.unit)
    except ValueError:
        return None
    if between is None:
        return None
    agree = length_agrees(value, between)
    middle = _num(round(sum(between) / 2, 1))
    shown = f"{editor_date(first)} to {editor_date(last)} ({middle} {value.unit}s)"
    if agree is False and not far:
        note = f"article: {fact.text} - the article's own dates: {shown}"
        return FactVerdict(fact, Label.CONTRADICTED, 80, (), note)
    if agree is not True:
        return None
    dated = next(
        (f for f in claim.facts if f.kind == FactKind.DATE and f.value and f.value.date == own),
        None,
    )
    if dated is None:
        return None
    found = judge_date(dated, claim, candidates)
    note = f"the article's own dates: {shown}"
    return FactVerdict(fact, found.label, found.score, found.evidence, found.note or note)


# Characters between a period's two ends ("from 1 May 2011 to 12 August 2020").
PERIOD_GAP = 12


def _period_lengths(
    fact: Fact, claim: Claim, candidates: Sequence[Candidate]
) -> tuple[list[tuple[float, Evidence]], list[tuple[float, Evidence]]]:
    """A time the claim counts ("more than nine years") against the length of a period a
    passage gives: by its two ends, where one of those ends states a date of the claim
    ("a charge that covered more than nine years, from May 2011" against "covering the
    period from 1 May 2011 to 12 August 2020", 9.3 years); or from "since" a date to the
    day its source was published, for a time the claim gives with "for" in a strongly
    relevant passage ("the first ... for more than 13 years" against "the first ...
    since 23 February 2007", published on 14 August 2020)."""
    value = fact.value
    support: list[tuple[float, Evidence]] = []
    against: list[tuple[float, Evidence]] = []
    if value is None or value.number is None or seconds_in(value.unit) is None:
        return support, against
    mine = [f.value for f in claim.facts if f.value is not None and f.value.date is not None]
    # ("stepped in nine months before that": a time counted from an event, not a length)
    lasting = bool(_FOR_BEFORE.search(claim.text[: value.start - claim.start])) and not (
        _COUNTED_FROM_AFTER.match(claim.text, value.end - claim.start)
    )
    for candidate in candidates:
        if candidate.relevance < SUPPORT_CUTOFF:
            continue
        for first, ends, span in _periods(candidate, mine, since=lasting):
            between = lengths_between(date_span(first.date or ""), ends, value.unit)
            if between is None:
                continue
            lengths = [round(n, 2) for n in between]
            readings_ = {
                compare_measures(
                    value,
                    replace(first, kind=ValueKind.COUNT, number=n, unit=value.unit, qualifier=None),
                )
                for n in lengths
            }
            if len(readings_) != 1 or None in readings_:
                continue
            agree = readings_.pop()
            length = (lengths[0] + lengths[1]) / 2
            shown = candidate.hit.text[
                span[0] - candidate.hit.start : span[1] - candidate.hit.start
            ]
            if span[1] == first.end:
                # "since" a date, to the day the passage was published: the state may
                # have ended before, so the time is at most that long, and denied only
                # when the claim's least time is longer ("more than 20 years", 15 at most).
                if not agree and interval(value)[0] <= lengths[1]:
                    continue
                shown += f" to {candidate.hit.published}"
            (support if agree else against).append(
                (
                    candidate.relevance,
                    evidence_of(
                        candidate,
                        span=span,
                        source_value=f"{shown} ({_num(round(length, 1))} {value.unit}s)",
                        agrees=agree,
                    ),
                )
            )
    return support, against


# Words after a time that count it from an event: "nine months *before* that".
_COUNTED_FROM_AFTER = re.compile(r"(?i)\s{1,3}(?:before|after|earlier|later|ago|since)\b")
# A time the claim gives as how long something lasted: "for more than 13 years".
_FOR_BEFORE = re.compile(r"(?i)\b(?:for|in)\s{1,3}(?:[a-z]+\s{1,3}){0,2}$")
# A date a state has lasted since: "since 23 February 2007".
_SINCE_BEFORE = re.compile(r"(?i)\bsince\s{1,3}(?:the\s{1,3})?$")
# Relevance a passage needs for a period it gives from "since" to its own date.
SINCE_RELEVANCE = 60.0


def _periods(
    candidate: Candidate, mine: Sequence[Value], *, since: bool
) -> list[tuple[Value, tuple[dt.date, dt.date], tuple[int, int]]]:
    """The periods a passage gives, each as its first date, the days its last may be, and
    its span: two ends of which one states a date of the claim (`mine`), and with `since`
    a date after "since" to the day the passage was published."""
    dates = sorted(
        (v for v in candidate.values if v.kind == ValueKind.DATE and v.date),
        key=lambda v: v.start,
    )
    found = []
    for first, last in pairwise(dates):
        if (
            first.qualifier != "at least"
            or last.qualifier != "at most"
            or last.start - first.end > PERIOD_GAP
            or yearless(first.date or "")
            or yearless(last.date or "")
        ):
            continue
        if any(
            compare_date_readings(m, date_span(m.date or ""), end, date_span(end.date or ""))
            for m in mine
            for end in (first, last)
            if not m.qualifier
        ):  # the claim names one end: else another period, maybe
            found.append((first, date_span(last.date or ""), (first.start, last.end)))
    published = _published_day(candidate.hit.published)
    if since and published is not None and candidate.relevance >= SINCE_RELEVANCE:
        text, offset = candidate.hit.text, candidate.hit.start
        for first in dates:
            at = first.start - offset
            if not yearless(first.date or "") and _SINCE_BEFORE.search(text[max(0, at - 20) : at]):
                found.append((first, (published, published), (first.start, first.end)))
    return found


def _published_day(published: str | None) -> dt.date | None:
    """A source's publication day, if it gives one."""
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _precisely_the_same(value: Value, other: Value) -> bool:
    """Whether a passage's figure is the claim's own, given to at least PRECISE_DIGITS
    significant digits, in the same unit and bound: "82.41%" beside another score of
    the game ("82.41% and 82/100") is still the claim's, as no coincidence gives it."""
    return (
        other.number == value.number
        and other.unit == value.unit
        and other.qualifier == value.qualifier
        and significant_digits(value.text) >= PRECISE_DIGITS
    )


# Which way a time runs from its event ("four months *later*", "two days *before*", "two
# months *behind* schedule"), and
# which way a difference goes ("ten minutes *longer* than", "three points *fewer*").
_DIRECTION = re.compile(
    r"\s{1,3}(later|after|afterwards|earlier|before|sooner|ahead|behind"
    r"|more|longer|larger|bigger|higher"
    r"|greater|taller|older|less|fewer|shorter|smaller|lower|younger)\b",
    re.IGNORECASE,
)
_LATER_WORDS = frozenset(
    "later after afterwards behind more longer larger bigger higher greater taller older".split()
)
_TIME_DIRECTION = frozenset("later after afterwards earlier before sooner ahead behind".split())


def _direction(text: str, end: int) -> int | None:
    """+1 for a figure followed by "later", "after" or "more" ("longer", ...), -1 for
    "earlier", "before" or "less" ("shorter", ...)."""
    found = _DIRECTION.match(text, end)
    if found is None:
        return None
    return 1 if found.group(1).lower() in _LATER_WORDS else -1


def _directions_differ(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether the claim's figure and the passage's run opposite ways from what they are
    measured from: a time from its event ("later" / "before"), or a difference from what
    it is compared with ("longer" / "shorter")."""
    if value.kind != ValueKind.COUNT:
        return False
    mine_word = _DIRECTION.match(claim.text, value.end - claim.start)
    their_word = _DIRECTION.match(candidate.hit.text, other.end - candidate.hit.start)
    if mine_word is None or their_word is None:
        return False
    timed = mine_word.group(1).lower() in _TIME_DIRECTION
    if timed != (their_word.group(1).lower() in _TIME_DIRECTION) or (
        timed and dimension(value.unit) != "time"
    ):
        return False  # a time and a difference are not read against each other
    mine = _direction(claim.text, value.end - claim.start)
    theirs = _direction(candidate.hit.text, other.end - candidate.hit.start)
    return mine is not None and theirs is not None and mine != theirs


def _direction_end(candidate: Candidate, other: Value) -> int:
    """The end of the passage's time with the word that gives its way ("four months
    before"), in the passage's offsets."""
    found = _DIRECTION.match(candidate.hit.text, other.end - candidate.hit.start)
    return candidate.hit.start + found.end() if found else other.end


# Relevance at which a passage's only figure in the claim's unit contradicts with one
# word of the claim's around it ("More than 19 teams play in the Bundesliga" / "The
# Bundesliga comprises 18 teams"); otherwise two words.
SOLE_FIGURE_RELEVANCE = 70.0


_BOUND_STEMS = stems(BOUND_WORDS)


def _anchored_against(shared: set[str], candidate: Candidate, figures: int) -> bool:
    """Whether a figure that disagrees stands among enough of the claim's words."""
    if candidate.relevance < CONTRADICT_CUTOFF:
        return False
    return len(shared) >= 2 or (
        len(shared) == 1 and figures == 1 and candidate.relevance >= SOLE_FIGURE_RELEVANCE
    )


def _tied(
    claim: Claim,
    value: Value,
    candidate: Candidate,
    other: Value,
    shared: set[str],
    same: Sequence[Value],
    around: set[str],
) -> bool | None:
    """How a passage's figure that disagrees is tied to the claim's figure.

    True when it counts the same thing among enough of the claim's words around
    both (`_anchored_against`) or lies all but on it (`figures.close_figure`);
    False when, the passage's sole figure in the claim's unit, only the words of
    the two figures' clauses tie it: "On Rotten Tomatoes, the film holds a rating
    of 90%, based on 94 reviews" tells of the reviews of "under 93 reviews on
    Rotten Tomatoes", though the two words stand further off than `local_words`
    reads, or only the page's subject among the words around the claim's figure ("Morocco
    has more than 82 COVID-19 cases" / "the confirmed cases reached 79" on the page "2020
    coronavirus pandemic in Morocco", as the page stands by such a figure that agrees);
    None when nothing ties it.
    """
    if not counts_the_same(candidate, value, other):
        return None
    people = _people_who(claim, candidate, value, other)
    if not (people or _what_they_did_said(claim, value, candidate)) or (
        length_of_another(claim, value, candidate, other) and not other.qualifier
    ):
        return None
    if (value.qualifier in VAGUE or other.qualifier in VAGUE) and not _beside_alike(
        claim, value, candidate, other
    ):
        # "Thousands of people were leaving a concert" is no count of the "22 people"
        # killed: a figure said by its order of size is the claim's only where the
        # same word stands right beside both ("300 people attended" / "thousands of
        # people attended").
        return None
    # A figure all but the claim's own ("121,045 cases" for "more than 121,300 cases")
    # counts the same thing, whatever words stand after the two. A word the two values
    # share does not tie them so closely: "37 Nobel laureates" over 140 years are not
    # the "four Nobel laureates" on a faculty.
    if candidate.relevance >= CONTRADICT_CUTOFF and close_figure(value, other):
        return True
    # The same words qualify both ("more than 16 compilation albums" / "15 compilation
    # albums", among the page's studio and live albums): they count the same thing.
    if candidate.relevance >= CONTRADICT_CUTOFF and qualified_the_same(value, other):
        return True
    # The unit, and the words of a bound ("around £300m" / "around £100m"), tie nothing.
    unit = stems([value.unit or ""]) | _BOUND_STEMS
    # The figure of the place the claim's is of, with a word of the claim beside it:
    # "sold 4.7 million copies in the United States" for "sold over 5.5 million copies
    # in the US".
    if shared - unit and placed_alike(candidate, value, other, claim.text) > 0:
        return True
    if not (len(same) == 1 or qualified_alike(claim, value, candidate, other)):
        return None
    # The passage's one figure of what the claim counts, said with the same word right
    # beside both ("based on 14 reviews" / "based on less than 13 reviews"), or counting
    # the people by what the claim's noun names ("1,941 people have died" / "less than
    # 1,700 deaths"), in a passage that names whatever the claim names.
    if (
        len(same) == 1
        and candidate.relevance >= CONTRADICT_CUTOFF
        and (people or (other.unit == value.unit and _beside_alike(claim, value, candidate, other)))
        and _names_said(claim, candidate)
    ):
        return True
    if _anchored_against(shared - unit, candidate, len(same)):
        return True
    if (
        len(same) == 1
        and candidate.relevance >= CONTRADICT_CUTOFF
        and other.kind == value.kind
        and other.unit == value.unit
        and around & page_subject(candidate)
    ):
        # ... a figure of the claim's own noun: not the page's "recoveries 928" for
        # "more than 4,000 cases".
        return False
    if shared - _BOUND_STEMS or len(same) != 1:
        return None
    mine = _clause_words(claim.text, value.start - claim.start)
    theirs = _clause_words(candidate.hit.text, other.start - candidate.hit.start)
    return False if _anchored_against((mine & theirs) - unit, candidate, 1) else None


# Words between a count and the verb that says what those counted did or underwent:
# "96 Liverpool supporters (who) were crushed".
_BEFORE_VERB = frozenset("who that which were was had have has been are is being".split())
# Verbs that say a count was taken, not what those counted did: "20 recoveries *reported*".
_RECORDED = frozenset("reported recorded registered confirmed announced counted logged".split())
_VERB_REACH = 4


def _what_they_did_said(claim: Claim, value: Value, candidate: Candidate) -> bool:
    """Whether the passage tells what the claim's counted people or things did or
    underwent, where the claim says so right after its count in a past form ("96
    Liverpool supporters were crushed to death"): a passage that never speaks of it
    ("seven turnstiles for the 10,100 Liverpool supporters with tickets") counts
    others. Any form or kin of the verb tells it ("a crush", "were killed" for
    "died"); so does its opposite, which denies it."""
    words = WORD.findall(claim.text[value.end - claim.start :])[:_VERB_REACH]
    verb = next((w for w in words if w.lower() not in _BEFORE_VERB), None)
    if verb is None or not past_form(verb) or verb.lower() in _RECORDED:
        return True
    lower = verb.lower()
    said = [w.lower() for w in WORD.findall(candidate.hit.text) if w.isalpha()]
    return any(
        stem(lower) == stem(w)
        or lexicon.relation(lower, w) is not None
        or lexicon.relation(w, lower) is not None
        for w in said
    )


# Words either side of a figure that tie a figure said by its order of size to another.
_BESIDE = 3


def _beside_alike(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether a content word within `_BESIDE` words of the claim's figure, its unit
    aside, also stands within as many of the passage's."""
    unit = stems([value.unit or "", other.unit or ""])
    # The words of the claim's bound stand between, not beside: "*based* on less than 13".
    bound = len((value.qualifier or "").split())
    mine = local_words(
        claim.text, value.start - claim.start, value.end - claim.start, window=_BESIDE + bound
    )
    theirs = local_words(
        candidate.hit.text,
        other.start - candidate.hit.start,
        other.end - candidate.hit.start,
        window=_BESIDE,
    )
    return bool((mine & theirs) - unit)


def _names_said(claim: Claim, candidate: Candidate) -> bool:
    """Whether the passage, or the title of its page, says every word of the names the
    claim gives after its first word: "Saving Grace scored nil based on more than 12
    reviews" is not about any film "based on 12 reviews"."""
    named = {w.lower() for w in WORD.findall(claim.text)[1:] if w[:1].isupper()}
    said = {w.lower() for w in WORD.findall(f"{candidate.hit.text} {candidate.hit.title or ''}")}
    return named <= said


def _clause_words(text: str, at: int) -> set[str]:
    """Stems of the content words of the clause of `text` that holds position `at`."""
    start, end = clause_at(text, at)
    return stems(content_words(text[start:end]))


_PEOPLE = frozenset(
    "people person persons individuals individual men women others children adults".split()
)
_RELATED = frozenset({lexicon.Relation.SAME, lexicon.Relation.DERIVED})


def _people_who(claim: Claim, candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether a count of people counts what the other side's noun does by the verb
    after it: "600 people had recovered" / "617 recoveries", "34 people died" / "35
    deaths", "5 patients had recovered" / "four recoveries"; and the other way round,
    "under 100 deaths" / "157 people have died"."""
    return _either_way(claim, candidate, value, other, _counted_by_verb)


# A clause on the people counted, within eight words after their count, and its verb:
# "... workers who were convicted".
_WHO_DID = re.compile(
    r"(?i)\s{0,3}(?:[\w'-]{1,30},?\s{1,3}){0,8}?(?:who|that)\s{1,3}"
    r"(?:(?:were|was|had|have|has|been|are|is)\s{1,3}){0,2}([a-z]+)"
)


# What makes a person counted one case of a disease: "27 people *had tested positive*",
# "people *infected* with the virus" (within six words of the count).
_MADE_A_CASE = re.compile(
    r"(?i)\s{0,3}(?:[\w'-]{1,30}\s{1,3}){0,4}?(?:(?:have|had|has|were|was|been)\s{1,3}){0,2}"
    rf"{MADE_A_CASE}\b"
)
# A test counted by its result: "1,500 *positive* tests".
_POSITIVE_TESTS = re.compile(r"(?i)\bpositive\s{1,3}tests?$")


def _counted_by_verb(people: Value, after: str, other: Value, before_other: str) -> bool:
    """Whether `people`, a count of people with `after` the text after it, counts
    `other`'s noun by one of the next six words ("people ... have died" / "deaths"),
    or counts the persons that noun names when the words before it say the verb
    ("22 people murdered" / "the murder of all twenty-two victims"); people who tested
    positive, and positive tests, are the cases of the disease ("27 people had tested
    positive" / "27 positive cases")."""
    unit = people.unit or ""
    if other.unit == "case" and (
        (unit == "test" and _POSITIVE_TESTS.search(people.text))
        or (unit in _PEOPLE and _MADE_A_CASE.match(after))
    ):
        return True
    if not (unit in _PEOPLE or lexicon.names_a_person(unit)) or not other.unit:
        return False
    if lexicon.opposite(unit, other.unit):
        return False  # "four young women" are not the passage's "four young men"
    verbs = content_words(" ".join(after.split()[:6]))
    # The verb of a clause on the people: "Thirty-nine former subpostmasters and Post
    # Office workers who were convicted" / "39 convictions".
    if (clause := _WHO_DID.match(after)) is not None:
        verbs = [*verbs, clause.group(1)]
    if any(lexicon.relation(verb, other.unit) in _RELATED for verb in verbs):
        return True
    if not lexicon.names_a_person(other.unit):
        return False
    said = content_words(" ".join(before_other.split()[-4:]))
    return any(lexicon.relation(verb, word) in _RELATED for verb in verbs for word in said)


# Nouns of a court's counts: "22 counts of murder", "three charges of fraud".
_CHARGES = frozenset({"count", "charge"})


def _charges(claim: Claim, candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether one side counts charges of an offence and the other the persons it was
    done to: "22 counts of murder" / "the murder of all twenty-two victims"."""
    return _either_way(claim, candidate, value, other, _charged)


def _charged(charges: Value, after: str, persons: Value, before_persons: str) -> bool:
    """Whether `charges` ("22 counts", `after` the text after it: "of murder ...")
    counts what was done to `persons` ("victims"), the offence said in the four words
    before them ("the murder of all")."""
    if charges.unit not in _CHARGES or not lexicon.names_a_person(persons.unit or ""):
        return False
    words = after.split()
    if len(words) < 2 or words[0].lower() != "of":
        return False
    offence = WORD.findall(words[1])
    said = content_words(" ".join(before_persons.split()[-4:]))
    return bool(offence) and any(lexicon.relation(offence[0], word) in _RELATED for word in said)


def _either_way(
    claim: Claim,
    candidate: Candidate,
    value: Value,
    other: Value,
    tie: Callable[[Value, str, Value, str], bool],
) -> bool:
    """`tie(first, the text after it, second, the text before it)` of the claim's value
    and the passage's, or of the passage's and the claim's."""
    mine, theirs = claim.text, candidate.hit.text
    at, there = value.start - claim.start, other.start - candidate.hit.start
    return tie(value, mine[at + len(value.text) :], other, theirs[:there]) or tie(
        other, theirs[there + len(other.text) :], value, mine[:at]
    )


def _measures_alike(claim: Claim, candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether a passage's value measures what the claim's does: money in one currency;
    counts in one unit, in units of one dimension ("200 miles" / "200 kilometres"), in
    nouns that name one thing, or by the verb after them (`_people_who`, `_done`)."""
    if value.kind == ValueKind.COUNT and (
        _done(candidate, value, other) or _noun_before(candidate, value, other)
    ):
        return True
    if value.kind == ValueKind.COUNT and _population(candidate, value, other):
        return True
    if other.kind != value.kind:
        return False
    if value.kind == ValueKind.MONEY:
        return same_money(value.unit, other.unit)
    if value.kind == ValueKind.COUNT:
        if not times_alike(claim, candidate, value, other):
            return False
        return (
            comparable(value, other)
            or _people_who(claim, candidate, value, other)
            or _charges(claim, candidate, value, other)
            or _called_alike(candidate, value, other)
            or _qualifier_named(value, other)
        )
    return True


def _qualifier_named(value: Value, other: Value) -> bool:
    """Whether the passage's noun is the word that qualifies the claim's count: "more
    than 25 *recovered* cases" counts the passage's "26 recoveries"."""
    unit = other.unit or ""
    words = [w.lower() for w in WORD.findall(value.text) if w.isalpha() and w.islower()]
    return bool(unit) and any(
        w != value.unit and lexicon.relation(w, unit) in _RELATED for w in words
    )


# The least count that two words for people may share by chance only rarely.
_CALLED_ALIKE_FROM = 10


def _called_alike(candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether the passage counts the claim's people under another name, and calls them
    by the claim's word beside it: "555 claimants" / "555 current and former
    subpostmasters ... The claimants said". Only the same count of
    `_CALLED_ALIKE_FROM` or more, so it states the claim's and never denies it; not
    when the passage counts the claim's word otherwise."""
    mine, theirs = value.unit or "", other.unit or ""
    if (
        value.number is None
        or value.number != other.number
        or value.number < _CALLED_ALIKE_FROM
        or not (lexicon.names_a_person(mine) and lexicon.names_a_person(theirs))
        or lexicon.opposite(mine, theirs)
    ):
        return False
    if any(v.unit == mine and v.number != value.number for v in candidate.values):
        return False
    said = " ".join((candidate.before, candidate.hit.text, candidate.after))
    lemma = set(lexicon.lemmas(mine)) or {mine}
    return any(lemma & set(lexicon.lemmas(w.lower())) for w in WORD.findall(said))


# Nouns for the people a population counts.
_DWELLERS = frozenset("person people resident inhabitant citizen dweller".split())
# A population's figure: "the population of New Brunswick was 55,181", "a population of
# about 1.1 million".
_POPULATION_BEFORE = re.compile(
    r"(?i)\bpopulation\s{1,3}(?:of\s{1,3}(?:[A-Z][\w.'-]*\s{1,3}){0,4})?"
    r"(?:(?:was|is|of|stood\s{1,3}at|reached|had\s{1,3}reached|totals?|totalled)\s{1,3})"
    r"(?:(?:about|around|some|roughly|approximately|nearly|almost|over|more\s{1,3}than)\s{1,3})?$"
)


def _population(candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether a passage's bare number is a population, which counts the claim's people:
    "under 56,000 people were living in New Brunswick" / "the population of New
    Brunswick was 55,181"."""
    if other.kind != ValueKind.NUMBER or (value.unit or "") not in _DWELLERS:
        return False
    at = other.start - candidate.hit.start
    return _POPULATION_BEFORE.search(candidate.hit.text[max(0, at - 80) : at]) is not None


def _dated_otherwise(claim: Claim, value: Value, candidate: Candidate) -> bool:
    """Whether the claim's time between two events ends on a date of the claim's that
    no date of the passage allows: the passage's times are of other events."""
    at = value.start - claim.start
    if dimension(value.unit) != "time" or time_kind(claim.text, at, at + len(value.text)) != (
        "between"
    ):
        return False
    mine = [f.value.date for f in claim.facts if f.value is not None and f.value.date]
    theirs = [v.date for v in candidate.values if v.kind == ValueKind.DATE and v.date]
    if not mine or not theirs or any(yearless(d) for d in (*mine, *theirs)):
        return False
    return all(
        compare_dates(date_span(a), date_span(b)) is False and not _counted_from(a, b, value)
        for a in mine
        for b in theirs
    )


def _counted_from(end: str, start: str, value: Value) -> bool:
    """Whether the passage's date is where the claim's time, ending on the claim's date,
    starts: "in 1989 ... 27 years after the disaster" for "26 April 2016, more than 27
    years after the disaster". Within one unit of the time, which is rounded."""
    unit = seconds_in(value.unit)
    if unit is None or value.number is None:
        return False
    days = value.number * unit / 86400
    slack = dt.timedelta(days=unit / 86400)
    first, last = date_span(end)
    began, ended = date_span(start)
    try:
        return began - slack <= first - dt.timedelta(days=days) and (
            last - dt.timedelta(days=days) <= ended + slack
        )
    except OverflowError:
        return False


def _rerated(value: Value, other: Value) -> bool:
    """Whether the passage gives the claim's sum paid per another time ("£1,200 a day"
    for "£1,200 an hour"), or in another currency ("£6,500" for "$6,500")."""
    if value.kind != ValueKind.MONEY or other.kind != ValueKind.MONEY:
        return False
    if other.number != value.number:
        return False
    currency, _, per = (value.unit or "").partition("/")
    theirs, _, their_per = (other.unit or "").partition("/")
    if currency != theirs:
        return bool(currency) and bool(theirs) and per == their_per
    return bool(per) and bool(their_per) and per != their_per


# The time a sum is paid per, after it: "£1,200 *a day*", "£14m *each month*".
_PER_TIME = re.compile(r"\s{1,3}(?:a|an|per|each|every)\s{1,3}[a-z]+", re.IGNORECASE)


def _rate_end(text: str, value: Value, offset: int) -> int:
    """Where a sum with its time ends ("£1,200 *a day*"), in the offsets of `value`;
    `text` starts at `offset`."""
    found = _PER_TIME.match(text, value.end - offset)
    return value.end if found is None else offset + found.end()


def same_money(a: str | None, b: str | None) -> bool:
    """Whether two sums are in one currency and, where both say one, paid per the same
    time: "£1,200 a day" is no "£1,200 an hour", and "£14m" may be "£14m each month"."""
    currency_a, _, per_a = (a or "").partition("/")
    currency_b, _, per_b = (b or "").partition("/")
    return currency_a == currency_b and (not per_a or not per_b or per_a == per_b)


def _done(candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether a passage's bare number counts the claim's noun by the verb right after
    it: "3 have died" counts "3 deaths", "2 recovered" counts "2 recoveries"."""
    if value.kind != ValueKind.COUNT or other.kind != ValueKind.NUMBER or not value.unit:
        return False
    at = other.end - candidate.hit.start
    after = content_words(" ".join(WORD.findall(candidate.hit.text[at:])[:3]))
    return any(lexicon.relation(word, value.unit) in _RELATED for word in after)


# A bare number that the words before it tie to a noun: "the confirmed *cases reached*
# 463", "the highest number of COVID-19 *deaths* in the country, *with* 48", "in *home
# runs with* 693". (Not a part of it: "304 of the confirmed cases" counts a part.)
_LINKED_BEFORE = re.compile(
    r"(?i)\s(?:reached|(?:rose|risen|increased|climbed|grown|grew|jumped)\s{1,3}to"
    r"|stood\s{1,3}at|stands\s{1,3}at|totall?ed|totals|numbered|was|were|is|are|with)"
    r"\s{1,3}(?:(?:about|around|nearly|almost|over|exactly)\s{1,3})?$"
)
# How many words before the linking word may hold the noun.
_NOUN_REACH = 6


def _noun_before(candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether a passage's bare number counts the claim's noun, which the passage says
    right before it, tied by a verb of amount or "with" (`_LINKED_BEFORE`)."""
    if other.kind != ValueKind.NUMBER or not value.unit:
        return False
    text, at = candidate.hit.text, other.start - candidate.hit.start
    before = text[max(0, at - 80) : at]
    linked = _LINKED_BEFORE.search(before)
    if linked is None:
        return False
    head = re.split(r"[.;:()]", before[: linked.start()])[-1]
    nouns = [
        m
        for m in list(WORD.finditer(head))[-_NOUN_REACH:]
        if singular(m.group(0).lower()) == value.unit
        or lexicon.relation(m.group(0).lower(), value.unit) in _RELATED
    ]
    # Not a figure of another time, dated between the noun and the number: "infected
    # people since 7 March 2020 reached 49" ("On 1 March, cases in Heinsberg rose to 68"
    # is dated before the noun).
    return bool(nouns) and not any(c.isdigit() for c in head[nouns[-1].end() :])


# A number that counts things "other" than one named ("four *other* albums", "two more
# films"): never stated by an order ("the fourth album").
_COUNTING = re.compile(r"\s{1,3}(?:other|more|further|previous|earlier|prior)\s", re.I)


# Relevance at which a passage states a bare number with no more than one of the
# claim's words beside it.
NUMBER_RELEVANCE = 50.0


def _judge_number(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    """A number with nothing counted: supported when a relevant passage states it (the
    same number, or, for "more than 20", the number among the most of the claim's words
    around it); never contradicted, as nothing anchors what it is a number of."""
    value = fact.value
    if value is None or value.number is None:
        return FactVerdict(fact, Label.UNVERIFIED, 0, ())
    around = local_words(claim.text, value.start - claim.start, value.end - claim.start)
    around |= referent_words(claim, value.start - claim.start)
    counting = value.kind == ValueKind.NUMBER and _COUNTING.match(
        claim.text, value.end - claim.start
    )
    # The claim's other numbers: a passage that states two of them besides this one is
    # tied to the claim as its words would tie it ("The youngest was 10 and the oldest
    # 67, and 37 of them were teenagers" / "aged between 10 and 67, and 37 of them ...").
    others = {
        f.value.number
        for f in claim.facts
        if f is not fact and f.value is not None and f.value.number not in (None, value.number)
    }
    support = []
    for whole in candidates:
        candidate = for_clause(claim, whole, value)
        alongside = len(others & {v.number for v in candidate.values})
        if (candidate.relevance < SUPPORT_CUTOFF and alongside < 2) or taken_another_day(
            claim, candidate
        ):
            continue
        # An order is not a number of things: "the fourth album" does not state "four
        # other albums" (there were three before it).
        numbers = [
            other
            for other in candidate.values
            if other.number is not None and not (counting and other.kind == ValueKind.ORDINAL)
        ]
        loose = value.qualifier is not None and excluded(
            candidate, value, around, claim_text=claim.text
        )
        for other, shared, agree, settled in readings(
            candidate, value, numbers, around, compare_numbers, claim_text=claim.text
        ):
            # The same number with the same bound ("800 or more" / "800 or more people").
            exact = other.number == value.number and value.qualifier == other.qualifier
            # A passage that states only part of a long claim states its number where
            # two of the claim's words stand by both ("voted by 53 to three" / "53
            # councillors voted in favour").
            strong = candidate.relevance >= NUMBER_RELEVANCE or len(shared) + alongside >= 2
            # A count of something the claim does not name is not its number: "a mother
            # of four" is not stated by "four victims".
            counts_else = (
                other.kind == ValueKind.COUNT
                and bool(other.unit)
                and not shared
                and stem(other.unit or "") not in stems(content_words(claim.text))
            )
            # The only figure of a strongly relevant passage needs no word beside it:
            # "earning 750 million globally" states "grossed less than 800 million
            # worldwide" on the film's page.
            sole = len(numbers) == 1 and candidate.relevance >= NUMBER_RELEVANCE
            if (
                strong
                and agree
                and not counts_else
                and (exact or (settled and (shared or sole) and not loose))
            ):
                support.append(
                    (
                        candidate.relevance,
                        evidence_of(
                            candidate,
                            span=(other.start, other.end),
                            source_value=other.text,
                            agrees=True,
                        ),
                    )
                )
    if not support:
        support = _people_named(claim, value, candidates)
    against = [] if support else _end_denied(claim, value, others, candidates)
    if not support and not against:
        against = _part_denied(claim, value, candidates)
    if not support and not against and (against := tally_denied(claim, value, candidates)):
        # "article: by 33 to three - source: 53 councillors voted in favour and three ..."
        found = verdict(fact, support, against)
        shown = found.evidence[0].source_value if found.evidence else None
        return replace(found, note=f"article: {tally_said(claim, value)} - source: {shown}")
    return verdict(fact, support, against)


# A part of a group, and the words that say which: "as many as 41 *of the 96 who died*".
_PART_OF = re.compile(
    r"\s{1,3}of\s{1,3}(?:the|those|them|these|all)\b([^,;.]{0,40})", re.IGNORECASE
)


def _part_denied(
    claim: Claim, value: Value, candidates: Sequence[Candidate]
) -> list[tuple[float, Evidence]]:
    """Another number of the same part of the same group, with the same bound: "as many
    as 81 of those who died" against "as many as 41 of the 96 who died"."""
    mine = _PART_OF.match(claim.text, value.end - claim.start)
    if mine is None or value.number is None or value.qualifier is None:
        return []  # "3 of the 5 councillors voted" and "2 of the 5 ... abstained" both hold
    words = stems(content_words(mine.group(1)))
    against = []
    for candidate in candidates:
        if candidate.relevance < CONTRADICT_CUTOFF:
            continue
        for other in candidate.values:
            if other.number in (None, value.number) or other.qualifier != value.qualifier:
                continue
            theirs = _PART_OF.match(candidate.hit.text, other.end - candidate.hit.start)
            if theirs is None or not words & stems(content_words(theirs.group(1))):
                continue
            evidence = evidence_of(
                candidate, span=(other.start, other.end), source_value=other.text, agrees=False
            )
            against.append((candidate.relevance, evidence))
    return against


def _end_denied(
    claim: Claim, value: Value, others: set[float], candidates: Sequence[Candidate]
) -> list[tuple[float, Evidence]]:
    """A figure the claim gives for one end of a range ("the youngest ... was only 14")
    against a passage's range with another end there, where its other end is the claim's
    other figure ("the oldest was 67" / "aged between 10 and 67")."""
    end = end_named(claim.text, value.start - claim.start)
    if end is None or value.number is None:
        return []
    against = []
    for candidate in candidates:
        stated = others & {v.number for v in candidate.values}
        if candidate.relevance < SUPPORT_CUTOFF and len(stated) < 2:
            continue
        for low, high in ranges(candidate.hit.text):
            mine, other = (low, high) if end == "low" else (high, low)
            if parse_number(other) in others and parse_number(mine) != value.number:
                shown = f"between {low} and {high}"
                evidence = evidence_of(candidate, source_value=shown, agrees=False)
                against.append((candidate.relevance, evidence))
    return against


# "three *other men*", "two *people*": the people a number counts, after it.
_COUNTED_PEOPLE = re.compile(r"\s{1,3}(?:(?:other|more|further)\s{1,3})?([a-z]+)\b")
# Relevance (the clause's) at which a passage that names as many people as the claim
# counts states the count.
NAMED_RELEVANCE = 50.0


def _people_named(
    claim: Claim, value: Value, candidates: Sequence[Candidate]
) -> list[tuple[float, Evidence]]:
    """Support for a number of people from a relevant passage that names that many
    ("three other men were accused ..." / "Donald Denton, ..., Alan Foster, ..., and
    Peter Metcalf, ..., are each charged")."""
    counted = _COUNTED_PEOPLE.match(claim.text, value.end - claim.start)
    if value.number is None or value.number < 2 or value.qualifier or counted is None:
        return []
    word = counted.group(1)
    if word not in _PEOPLE and not lexicon.names_a_person(word):
        return []
    support = []
    for whole in candidates:
        people = {e.text.lstrip("-\u2013\u2022* ") for e in whole.entities if e.label == "PERSON"}
        if len(people) != value.number or not _one_list(whole.hit.text, people):
            continue
        candidate = for_clause(claim, whole, value)
        if candidate.relevance >= NAMED_RELEVANCE:
            note = f"names {', '.join(sorted(people))}"
            support.append((candidate.relevance, evidence_of(candidate, agrees=True, note=note)))
    return support


def _one_list(text: str, people: set[str]) -> bool:
    """Whether the people a passage names stand in one list, the last after "and"."""
    starts = sorted(text.find(p) for p in people)
    if -1 in starts:
        return False
    last = starts[-1]
    return bool(re.search(r"\band\s{1,3}$", text[max(0, last - 6) : last]))


# --- ranks ----------------------------------------------------------------------


# Relevance at which a passage that gives the claim's rank states it without another
# rank or the word "rank" beside it.
RANK_ALONE_RELEVANCE = 60.0


def _judge_rank(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    claimed = ranks(claim.text)
    support: list[tuple[float, Evidence]] = []
    against: list[tuple[float, Evidence]] = []
    for candidate in candidates:
        if candidate.relevance < SUPPORT_CUTOFF:
            continue
        theirs = ranks(candidate.hit.text)
        # The anchor: the passage gives officers' ranks too, sharing another of
        # the claim's ranks or speaking of rank itself.
        anchored = (theirs & (claimed - {fact.text})) or "rank" in candidate.hit.text.lower()
        if fact.text in theirs and not anchored and candidate.relevance >= RANK_ALONE_RELEVANCE:
            # A strongly relevant passage that gives the claim's only rank states it:
            # "The brigade's commissioner, Dany Cotton" / "the Commissioner, Dany Cotton".
            support.append(
                (candidate.relevance, evidence_of(candidate, source_value=fact.text, agrees=True))
            )
            continue
        if not theirs or not anchored:
            continue
        shown = " to ".join(sorted(theirs))
        if fact.text in theirs:
            support.append(
                (candidate.relevance, evidence_of(candidate, source_value=shown, agrees=True))
            )
        elif theirs - claimed and candidate.relevance >= CONTRADICT_CUTOFF:
            # Only a rank the claim does not give denies it: "the match commander, David
            # Duckenfield" leaves the article's "commander, Chief Superintendent David
            # Duckenfield" its other rank.
            against.append(
                (candidate.relevance, evidence_of(candidate, source_value=shown, agrees=False))
            )
    return verdict(fact, support, against)


# --- attributions and statements ------------------------------------------------


def _judge_attribution(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    """Supported when a passage that matches the claim comes from, or names, that outlet.

    Never contradicted: that other outlets reported something does not show
    that this one did not.
    """
    support = []
    for candidate in candidates:
        if candidate.relevance < CONTRADICT_CUTOFF:
            continue
        hit = candidate.hit
        outlet = _from_outlet(fact.text, hit)
        # The outlet named in the passage, as a whole word: "TIME" is not "Times".
        named = re.search(rf"(?i)(?<!\w){re.escape(fact.text)}(?!\w)", hit.text)
        if outlet or named is not None:
            note = f"published by {hit.publisher}" if hit.publisher and outlet else None
            support.append(
                (
                    candidate.relevance,
                    evidence_of(candidate, source_value=hit.publisher, agrees=True, note=note),
                )
            )
    return verdict(fact, support, [])


def _from_outlet(name: str, hit: SearchHit) -> bool:
    """Whether a passage's source is the outlet `name`: by its publisher, the end of its
    title ("... - BBC News", "... | The Guardian") or its title as a whole ("Network Rail
    fined £6.7m" is about Network Rail), or its web host's name as a whole ("the BBC" at
    bbc.co.uk; "times" is not "nytimes")."""
    parts = re.split(r"\s[-|\u2013\u2014]\s", hit.title or "")
    names = [n for n in (hit.publisher, parts[-1] if len(parts) > 1 else None) if n]
    hosts = [n for n in publisher_names(hit) if n not in names]
    return (
        any(same_name(name, n) or name.lower() in n.lower() for n in names)
        or same_name(name, hit.title or "")
        or any(_bare_name(name) == host for host in hosts)
    )


# Words between an outlet and a date that make the date its report's: "As the Buxton
# Advertiser *reported* last month", "the BBC reported on 2 August".
_REPORTED_AT = re.compile(
    r"(?i)\s{1,3}(?:reported|wrote|revealed|disclosed)\s{1,3}(?:on\s{1,3}|in\s{1,3})?$"
)


def _report_date(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict | None:
    """A date the claim gives an outlet's report ("As the Buxton Advertiser reported
    three years ago"), judged by when that outlet's sources were published: SUPPORTED
    when one of them was published in it, CONTRADICTED when the outlet's sources were all
    published at other times; None when no source is the outlet's."""
    value = fact.value
    if value is None or value.date is None:
        return None
    outlet = next(
        (
            f
            for f in claim.facts
            if f.kind == FactKind.ATTRIBUTION
            and f.end <= fact.start
            and _REPORTED_AT.fullmatch(claim.text[f.end - claim.start : fact.start - claim.start])
        ),
        None,
    )
    if outlet is None:
        return None
    theirs: dict[str, tuple[Candidate, str]] = {}
    for c in candidates:
        if c.hit.published and _from_outlet(outlet.text, c.hit):
            theirs.setdefault(c.hit.document_id, (c, c.hit.published))
    if not theirs:
        return None
    claimed = date_interval(value, claim.text, offset=claim.start)
    found = [
        (c, compare_date_values(value.date, claimed, day, date_span(day[:10])))
        for c, day in theirs.values()
    ]
    agreeing = [c for c, agree in found if agree is True]

    def shown(c: Candidate) -> str:
        return f"published {c.hit.published} by {c.hit.publisher or 'the source'}"

    if agreeing:
        evidence = tuple(
            evidence_of(c, source_value=c.hit.published, agrees=True, note=shown(c))
            for c in agreeing[:3]
        )
        return FactVerdict(fact, Label.SUPPORTED, 80, evidence, shown(agreeing[0]))
    if found and all(agree is False for _, agree in found):
        c = found[0][0]
        note = f"article: {fact.text} - source: {shown(c)}"
        evidence = (evidence_of(c, source_value=c.hit.published, agrees=False, note=note),)
        return FactVerdict(fact, Label.CONTRADICTED, 75, evidence, note)
    return None


def _bare_name(name: str) -> str:
    """A name as a web host writes it: "The Guardian" -> "guardian", "BBC" -> "bbc"."""
    words = name.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return "".join(w for w in words if w.isalnum())


def _judge_statement(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    # The claim's own words must be there: the sentence before only says what
    # a pronoun stands for, it is not what this sentence states.
    support = [
        (c.own_relevance, evidence_of(c, agrees=True))
        for c in candidates
        if c.own_relevance >= STATEMENT_CUTOFF
    ]
    support += [
        (c.window_relevance - 5, evidence_of(c, agrees=True, note="with the sentence after it"))
        for c in candidates
        if c.own_relevance < STATEMENT_CUTOFF <= c.window_relevance
    ]
    return verdict(fact, support, [])


_JUDGES = {
    FactKind.AGE: _judge_age,
    FactKind.COUNT: _judge_count,
    FactKind.MONEY: _judge_count,
    FactKind.PERCENT: _judge_count,
    FactKind.NUMBER: _judge_number,
    FactKind.ORDINAL: _judge_number,
    FactKind.DATE: judge_date,
    FactKind.QUOTE: judge_quote,
    FactKind.RANK: _judge_rank,
    FactKind.ATTRIBUTION: _judge_attribution,
    FactKind.STATEMENT: _judge_statement,
}
