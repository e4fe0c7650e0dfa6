"""Values read through the event: a passage that states the rest of a clause anchors its value.

The typed judges anchor a value by the words right around it ("17 officers"
... "investigated"). Writers rephrase those words, so many values stay
UNVERIFIED although a passage plainly tells the same event: "On the night of
22 June 2017, a suicide bomber killed 22 people in the foyer of Manchester
Arena" against "A bomb was detonated ... on Monday 22 May 2017 in the ...
foyer of Manchester Arena". Here a passage anchors a value when it states
most of the clause the value stands in (`coverage`): then its values of the
same kind (a date; a count in the same unit, or in one of the same dimension:
"two hours" / "two minutes") settle the fact. All of them must agree for
SUPPORTED, and all disagree for CONTRADICTED; a passage that gives several
values one way and the other settles nothing.

A date that no passage states at all may still be the date of the report:
a source published on 20 May 2019 that tells the event, with no date of its
own, dates it to that day (`_by_dateline`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from .. import lexicon
from ..contrast import verb_like
from ..coverage import TERM_WORD, Span
from ..records import (
    Candidate,
    Claim,
    Evidence,
    FactKind,
    FactVerdict,
    Granularity,
    Label,
    Value,
    ValueKind,
)
from ..text import clause_at, content_words, local_words, stems
from ..values import (
    as_of,
    comparable,
    compare_date_readings,
    compare_measures,
    date_interval,
    date_span,
    yearless,
    yearless_of,
)
from ..values.compare import YEARLESS_YEAR
from ..values.dates import editor_date
from ..values.units import seconds_in
from .dates import (
    DAY_OF_REPORT,
    by_deadline,
    counted_from_the_report,
    dated_apart,
    days_back,
    in_claims_year,
    names_a_things_year,
    taken_another_day,
)
from .evidence import CONTRADICT_CUTOFF, evidence_of
from .figures import (
    another_of_a_series,
    counts_the_same,
    excluded,
    length_of_another,
    narrower,
    said_elsewhere,
    states_another,
    times_alike,
    whole_units_since,
)
from .windows import Reading, beside

# The share of the clause's other words (names included) the passage must state,
# and how many at least.
EVENT_SHARE = 0.7
EVENT_WORDS = 3
# Relevance (0-100, own words) below which a passage is not read for its event.
EVENT_RELEVANCE = 25.0
_PRECISION = {None: 0, Granularity.YEAR: 0, Granularity.MONTH: 1, Granularity.DAY: 2}
_KINDS = {
    FactKind.DATE: (ValueKind.DATE,),
    FactKind.COUNT: (ValueKind.COUNT,),
    FactKind.MONEY: (ValueKind.MONEY,),
    FactKind.PERCENT: (ValueKind.PERCENT,),
}


# A time counted from an event the article told of before, unnamed: "a year later". With
# no date of the article's to count from (`claims._relative_dates`), a passage's length of
# time is of something else, never the time between the article's events.
COUNTED_FROM_BEFORE = re.compile(r"(?i)\s{1,3}(later|earlier|afterwards)\b(?!\s{1,3}than)")


_LATER_WORDS = frozenset({"later", "after", "afterwards"})

# A time counted from a named event: "three years after *the crash*", "ten days after he
# was *jailed*".
FROM_EVENT = re.compile(
    r"(?i)\s{1,3}(after|before|since)\s{1,3}"
    r"(?:(?:the|its|his|her|their)\s{1,3}"
    r"|(?:he|she|they|it|we)\s{1,3}(?:(?:was|were|had|has)\s{1,3}(?:been\s{1,3})?)?)?"
    r"([a-z][\w-]+)"
)


_TOLD_IN_A_CLAUSE = re.compile(r"(?i)\b(?:he|she|they|it|we)\b")


def counted_from_another(evidence: Evidence, event: re.Match[str]) -> bool:
    """Whether the passage's time is counted from another event than the claim's
    (`event`, a `FROM_EVENT` match): "four years after he was acquitted" is not denied by
    "almost three years after the crash". Words of one family or sense are one event
    ("after he died" / "after the death")."""
    if evidence.match_end is None or not _TOLD_IN_A_CLAUSE.search(event.group(0)):
        # Two events named by nouns may be one in two words ("after the explosion" /
        # "after the bomb went off"): only a clause's deed ("after he was acquitted") is
        # told apart from another event's noun.
        return False
    theirs = FROM_EVENT.match(evidence.text, evidence.match_end - evidence.start)
    if theirs is None:
        return False
    mine, other = event.group(2).lower(), theirs.group(2).lower()
    if stems([mine]) == stems([other]):
        return False
    return lexicon.relation(mine, other) is None and lexicon.relation(other, mine) is None


def counted_the_same_way(evidence: Evidence, way: str) -> bool:
    """Whether the passage's time, where the evidence shows it, is counted from an event
    the same way as the claim's ("later": "after" or "later"; "earlier": "before" or
    "earlier")."""
    if evidence.match_end is None:
        return False
    after = evidence.text[evidence.match_end - evidence.start :].split()[:1]
    word = after[0].lower().strip(",.;") if after else ""
    later = way.lower() in _LATER_WORDS
    return word in (_LATER_WORDS if later else {"earlier", "before"})


def recheck_values(
    claim: Claim,
    candidates: Sequence[Candidate],
    verdicts: Sequence[FactVerdict],
    reading: Reading,
) -> tuple[FactVerdict, ...]:
    """The typed verdicts, with UNVERIFIED dates and counts settled by their event."""
    out = []
    for verdict in verdicts:
        if verdict.label != Label.UNVERIFIED or verdict.fact.kind not in _KINDS:
            out.append(verdict)
            continue
        settled = _settle(claim, verdict, candidates, reading)
        if settled is None and verdict.fact.kind == FactKind.DATE:
            settled = _by_dateline(claim, verdict, candidates, reading)
        if settled is None and verdict.fact.kind in (FactKind.COUNT, FactKind.MONEY):
            settled = _by_sibling(claim, verdict, candidates, verdicts)
        way = COUNTED_FROM_BEFORE.match(claim.text, verdict.fact.end - claim.start)
        if (
            settled is not None
            and verdict.fact.kind == FactKind.COUNT
            and way is not None
            and not all(counted_the_same_way(e, way.group(1)) for e in settled.evidence)
        ):
            settled = None  # "A year later" / "more than three years ago": another time
        event = FROM_EVENT.match(claim.text, verdict.fact.end - claim.start)
        if (
            settled is not None
            and verdict.fact.kind == FactKind.COUNT
            and event is not None
            and any(counted_from_another(e, event) for e in settled.evidence)
        ):
            settled = None  # "after he was acquitted" / "after the disaster": another time
        out.append(settled or verdict)
    return tuple(out)


def _by_sibling(
    claim: Claim,
    verdict: FactVerdict,
    candidates: Sequence[Candidate],
    verdicts: Sequence[FactVerdict],
) -> FactVerdict | None:
    """A count settled by the passage that states the claim's other figure.

    "Fewer than 116,700 cases ... with less than 2,500 deaths" against
    "116,662 cases have been reported with 2,499 deaths": the passage that
    supports the count of cases tells the same event, and its one count of
    deaths settles the claim's. The passage must hold exactly one value in the
    fact's unit; then it supports or contradicts as the two compare.

    A source often gives the next figure in the next sentence: "Premises where
    200 or more people may be present will be required to take steps. Those
    where 800 or more people may be present will be subject to an enhanced
    duty." A passage right before or after the sibling, in its document, is
    read the same way when it also holds a word of the fact's clause
    ("stricter duties ... 800 or more": "duty").
    """
    value = verdict.fact.value
    if value is None or value.number is None:
        return None
    siblings = {
        e.passage_id
        for v in verdicts
        if v is not verdict and v.label == Label.SUPPORTED and v.fact.kind in _KINDS
        for e in v.evidence
        if e.agrees
    }
    if not value.qualifier and any(
        v.kind == value.kind and v.number == value.number and v.unit == value.unit and v.qualifier
        for c in candidates
        if c.hit.passage_id in siblings
        for v in c.values
    ):
        # The passage that states the claim's other figures gives this one too, bounded
        # ("no more than £68.6m for 2024-25"): no figure beside it settles it.
        return None
    beside = _beside(claim, value, candidates, siblings)
    for candidate in [c for c in candidates if c.hit.passage_id in siblings] + beside:
        if taken_another_day(claim, candidate):
            continue  # a tally of another day
        theirs = [
            v
            for v in candidate.values
            if v.kind == value.kind and v.number is not None and v.unit == value.unit
        ]
        if theirs and value.kind == ValueKind.COUNT and narrower(candidate, value, theirs[0]):
            continue  # "fourteen *new* cases" is a part of the cases counted
        if len(theirs) != 1 or states_another(claim, verdict.fact, theirs[0]):
            continue  # none, several, or the one that states the claim's other figure
        other = theirs[0]
        agree = whole_units_since(candidate, compare_measures)(value, other)
        if agree is None or not (agree or counts_the_same(candidate, value, other)):
            continue
        if agree and _bound_excluded(claim, value, candidate):
            continue
        note = (
            "the passage that states the claim's other figures"
            if candidate.hit.passage_id in siblings
            else "the sentence beside the passage that states the claim's other figures"
        )
        return _settled(verdict, candidate, other, agree, note)
    return None


def _beside(
    claim: Claim, value: Value, candidates: Sequence[Candidate], siblings: set[int]
) -> list[Candidate]:
    """The candidates right before or after a sibling passage in its document that
    hold a content word of the clause of the claim's value (its unit aside)."""
    anchors = [c for c in candidates if c.hit.passage_id in siblings]
    if not anchors:
        return []
    at = value.start - claim.start
    start, end = clause_at(claim.text, at)
    clause = list(claim.text[start:end])
    for fact in claim.facts:  # the figures and their bounds are no tie
        if fact.value is not None:
            a, b = max(fact.start - claim.start, start), min(fact.end - claim.start, end)
            clause[a - start : b - start] = " " * max(0, b - a)
    wanted = _word_forms(content_words("".join(clause))) - _word_forms([value.unit or ""])
    if not wanted:
        return []
    return [
        c for c in beside(candidates, anchors) if wanted & _word_forms(content_words(c.hit.text))
    ]


def _word_forms(words: Sequence[str]) -> set[str]:
    """The stems and lemmas of some words: "duties" and "duty" share one."""
    lowered = [w.lower() for w in words]
    return stems(lowered) | {lemma for w in lowered for lemma in lexicon.lemmas(w)}


def _settle(
    claim: Claim,
    verdict: FactVerdict,
    candidates: Sequence[Candidate],
    reading: Reading,
) -> FactVerdict | None:
    fact = verdict.fact
    value = fact.value
    if value is None:
        return None
    mine = _clause_terms(claim, verdict, reading)
    if len(mine) < EVENT_WORDS:
        return None
    for candidate in candidates:
        if not _tells(candidate, mine, reading):
            continue
        said = DAY_OF_REPORT.search(candidate.hit.text) if value.kind == ValueKind.DATE else None
        if said and _deed_of_the_day(claim, candidate.hit.text, said):
            # "The coroner today concluded that the men who died ... on 22 August 2015
            # were unlawfully killed": the day of the report is the deed's
            # (`_by_dateline`), the passage's own date another event's.
            continue
        settled = _by_passage(claim, verdict, candidate, value)
        if settled is not None:
            return settled
    return None


def _clause_terms(claim: Claim, verdict: FactVerdict, reading: Reading) -> list[Span]:
    """The claim's terms in the clause of the fact."""
    at = verdict.fact.start - claim.start
    start, end = clause_at(claim.text, at)
    return [t for t in reading.terms if start <= t.start < end]


def _tells(candidate: Candidate, mine: Sequence[Span], reading: Reading) -> bool:
    """Whether the candidate's window states the clause: EVENT_SHARE of its words."""
    if candidate.own_relevance < EVENT_RELEVANCE:
        return False
    stated = set(reading.of(candidate).covered)
    covered = [t for t in mine if t in stated]
    return len(covered) >= EVENT_WORDS and len(covered) >= EVENT_SHARE * len(mine)


def _by_dateline(
    claim: Claim,
    verdict: FactVerdict,
    candidates: Sequence[Candidate],
    reading: Reading,
) -> FactVerdict | None:
    """A date no passage states, supported by the date of the source that reports the event.

    A report tells what happened as news: "the Jackalopes announced on Monday
    that they have hired Todd Watson", published on 20 May 2019, dates the
    hiring to May 2019. The passage must state the claim's clause and give no
    date of its own, and the source's date (its metadata or dateline) must
    fall inside the claim's date, or be the day after a claimed day. A passage that
    says it happened "today" or "yesterday" denies a date that leaves that day out.
    """
    value = verdict.fact.value
    if value is None or value.date is None:
        return None
    if names_a_things_year(claim.text, value.start - claim.start, value):
        return None  # "at the 2016 Olympics": the thing's year, not the report's deed's
    mine = _clause_terms(claim, verdict, reading)
    if len(mine) < EVENT_WORDS:
        return None
    first, last = date_interval(value, claim.text, offset=claim.start)
    if first == date.min or last == date.max:
        return None  # "before 2019", "after May": a bound, not the day of a report
    if value.granularity == Granularity.DAY:
        last += timedelta(days=1)
    denied: FactVerdict | None = None
    for candidate in candidates:
        published = candidate.hit.published
        if not published or len(published) < 10:
            continue
        said = DAY_OF_REPORT.search(candidate.hit.text)
        if any(v.kind == ValueKind.DATE for v in candidate.values) and not (
            said and _deed_of_the_day(claim, candidate.hit.text, said)
        ):
            continue  # the passage dates its events itself
        if not _tells(candidate, mine, reading):
            continue
        day = date.fromisoformat(published[:10])
        if yearless(value.date):
            # "On August 10" says no year: any year's 10 August (or the day after) is it.
            day = day.replace(year=YEARLESS_YEAR)
        back = timedelta(days=days_back(said) if said else 0)
        when = day - back
        if first <= day <= last or first <= when <= last:
            note = f"the source reports it as news on {editor_date(published[:10])}"
            evidence = evidence_of(candidate, agrees=True, note=note)
            return replace(
                verdict, label=Label.SUPPORTED, score=65, evidence=(evidence,), note=note
            )
        if (
            denied is None
            and said is None
            and _told_before(claim, value, candidate, first, day, mine, reading)
        ):
            note = (
                f"the source tells it as done on {editor_date(published[:10])},"
                " before the article's date for it"
            )
            evidence = evidence_of(candidate, agrees=False, note=note)
            denied = replace(
                verdict, label=Label.CONTRADICTED, score=65, evidence=(evidence,), note=note
            )
            continue
        # "after the government today accepted": the source's day is the event's, and a
        # claim's date that leaves it out by more than a day denies it (where no other
        # source reports it as news on the claim's day).
        if (
            said is not None
            and denied is None
            and not yearless(value.date)
            and not first - timedelta(days=1) <= when <= last
        ):
            note = (
                f"the source, of {editor_date(published[:10])}, says it happened"
                f" \u201c{said.group(0)}\u201d"
            )
            span = (candidate.hit.start + said.start(), candidate.hit.start + said.end())
            evidence = evidence_of(
                candidate, span=span, source_value=said.group(0), agrees=False, note=note
            )
            denied = replace(
                verdict, label=Label.CONTRADICTED, score=65, evidence=(evidence,), note=note
            )
    return denied


# Words that tell an event as still to come: "will hand down", "is expected to", "plans".
_TO_COME = re.compile(
    r"(?i)\b(?:will|shall|would|could|may|might|expected|expects|due|plans?|planned"
    r"|intends?|scheduled|set\s{1,3}to|going\s{1,3}to|is\s{1,3}to|are\s{1,3}to|to\s{1,3}be)\b"
)


def _deed_of_the_day(claim: Claim, text: str, said: re.Match[str]) -> bool:
    """Whether the word right after (or before) "today" or "yesterday" states a verb of
    the claim's clause: "Penelope Schofield today concluded that the eleven men who died
    ... on 22 August 2015 were unlawfully killed" dates the conclusion by its report,
    whatever other day the passage gives."""
    before = TERM_WORD.findall(text, max(0, said.start() - 20), said.start())[-1:]
    after = TERM_WORD.findall(text, said.end(), said.end() + 20)[:1]
    around = before + after
    # (the claim's verbs, a report's "concluded that" among them, which is no term)
    verbs = [
        m.group(0)
        for m in TERM_WORD.finditer(claim.text)
        if verb_like(claim.text, m.start(), m.group(0))
    ]
    return any(lexicon.states(verb, word) for verb in verbs for word in around)


def _told_before(
    claim: Claim,
    value: Value,
    candidate: Candidate,
    first: date,
    day: date,
    mine: Sequence[Span],
    reading: Reading,
) -> bool:
    """Whether a strongly relevant passage of a source published on `day` tells the
    claim's event as done, while the claim dates it wholly after that day: "Five months
    after the settlement" of December 2019 puts a judgment in May 2020 that a report of
    16 December 2019 already tells ("The High Court has found ..."). The passage must
    state a verb of the clause: one that only names the album ("Ten of the 12 songs on
    Emotive are covers") tells no release."""
    if value.granularity is None or first <= day + timedelta(days=1):
        return False
    if candidate.own_relevance < CONTRADICT_CUTOFF or _TO_COME.search(candidate.hit.text):
        return False
    stated = set(reading.of(candidate).covered)
    deeds = [t for t in mine if not t.label and verb_like(claim.text, t.start, t.text)]
    return any(t in stated for t in deeds)


def _by_passage(
    claim: Claim, verdict: FactVerdict, candidate: Candidate, value: Value
) -> FactVerdict | None:
    """The fact settled by one passage's values of its kind, or None."""
    kinds = _KINDS[verdict.fact.kind]
    if value.kind != ValueKind.DATE and taken_another_day(claim, candidate):
        return None  # a tally of another day
    theirs = [v for v in candidate.values if v.kind in kinds]
    if value.kind == ValueKind.COUNT:
        theirs = [
            v
            for v in theirs
            if v.number is not None
            and comparable(value, v)
            and times_alike(claim, candidate, value, v)
            # Another thing's length says nothing of the claim's ("more than 49 hours of
            # deliberation" / "a retrial that lasted seven weeks"; "three days of
            # evidence" / "started three years ago"); a bound, as the claim's, still may.
            and not (length_of_another(claim, value, candidate, v) and not v.qualifier)
            # "two episodes in the first season" / "... in the second season"
            and not another_of_a_series(candidate, value, v, claim.text)
        ]
    if value.kind == ValueKind.DATE:
        # A date less precise than the claim's never states it, and a bare year beside
        # a day ("opened on 12 December 2013" / "founded in 1937") is most often
        # another event's: neither settles the day.
        theirs = [v for v in theirs if _PRECISION[v.granularity] >= _PRECISION[value.granularity]]
    # A value that states another of the claim's facts is that fact's, not this one's:
    # "five months later ... a minimum term of 55 years" against "55 years"
    # (`figures.states_another`); a date, the claim's other date exactly.
    dated = [
        f.value
        for f in claim.facts
        if f is not verdict.fact
        and f.value is not None
        and f.value.kind == ValueKind.DATE
        and not f.value.qualifier
    ]
    given = len(theirs)
    kept = [
        v
        for v in theirs
        if not (
            any(
                _agree(claim, o, v, candidate) is True or yearless_of(o.date or "", v.date or "")
                for o in dated
            )
            if v.kind == ValueKind.DATE
            else states_another(claim, verdict.fact, v) or said_elsewhere(claim, verdict.fact, v)
        )
    ]
    removed, theirs = [v for v in theirs if v not in kept], kept
    if not theirs:
        return None
    agreements = [_agree(claim, value, v, candidate) for v in theirs]
    # A bound that a date given to the claim's other date excludes is left open by the
    # passage: in "Began April 11, 2003 ..., and ended on January 3, 2004", "2003" of
    # "its 2003-2004 tour" may take either day, and "started after May 5, 2003" stands
    # on the ending alone.
    open_bound = _bounded(claim, value) and any(
        _agree(claim, value, v, candidate) is False for v in removed
    )
    if (
        all(a is True for a in agreements)
        and not _bound_excluded(claim, value, candidate)
        and not open_bound
    ):
        return _settled(verdict, candidate, theirs[0], True, "the passage tells the same event")
    # Where the passage also gives the claim's other figure of the kind, its figure
    # left over may be a third thing: "up by 9.99%, well above the 4.99% beyond which
    # ..." against "up by 9.99% ... about 21% over the two years" denies nothing.
    if (
        len(theirs) == given
        and all(a is False for a in agreements)
        and all(counts_the_same(candidate, value, v) for v in theirs)
        and not _period_end(claim, value)
        and not (
            value.kind != ValueKind.DATE
            and seconds_in(value.unit) is None
            and dated_apart(claim, candidate)
        )
        and not any(
            v.kind == ValueKind.DATE
            and _a_things_date(candidate, v)
            and not _the_same_things(claim, value, candidate, v)
            for v in theirs
        )
        and not (
            names_a_things_year(claim.text, value.start - claim.start, value)
            and any(counted_from_the_report(v) for v in theirs)
        )
    ):
        note = "the passage tells the same event with another value"
        return _settled(verdict, candidate, theirs[0], False, note)
    return None


# A date that names when a thing of its own was: "the Croydon tram crash *of* November
# 2016", "the floods of 2007".
_THINGS_DATE = re.compile(r"(?i)\b[a-z]{3,20}\s{1,3}of\s{1,3}(?:the\s{1,3})?$")


def _a_things_date(candidate: Candidate, other: Value) -> bool:
    """Whether a passage's date is that of a thing the passage names, not of what it
    tells: "have been fined a total of £14m ... for the failings that led to the Croydon
    tram crash of November 2016" dates the crash, not the fine. A phrase that opens the
    sentence sets the time of all it tells: "At the election of 2 May 2024, 17 seats
    were contested"."""
    text = candidate.hit.text
    at = other.start - candidate.hit.start
    if _THINGS_DATE.search(text[max(0, at - 40) : at]) is None:
        return False
    stop = text.rfind(". ", 0, at)
    return _OPENING_PHRASE.match(text[stop + 2 if stop >= 0 else 0 : at].lstrip()) is None


# The words of a thing's name after its year: "the 2019 *New Year Honours* for".
_THINGS_NAME = re.compile(
    r"\s{1,3}([A-Z][\w'\u2019-]*(?:\s{1,3}[A-Z][\w'\u2019-]*){0,3}|[a-z][\w'\u2019-]*)"
)


def _the_same_things(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether a passage's date of a thing ("the New Year Honours *of 2019*") is the
    year of the thing the claim names by its year ("in the *2015* New Year Honours"):
    the thing's last word stands right before the passage's "of"."""
    at = value.start - claim.start
    if not names_a_things_year(claim.text, at, value):
        return False
    named = _THINGS_NAME.match(claim.text, at + len(value.text))
    if named is None:
        return False
    last = named.group(1).split()[-1].lower()
    text = candidate.hit.text
    before = _THINGS_DATE.search(
        text[max(0, other.start - candidate.hit.start - 40) : other.start - candidate.hit.start]
    )
    return before is not None and before.group(0).split()[0].lower() == last


# A phrase of time that opens a sentence: "At the election of", "In the floods of".
_OPENING_PHRASE = re.compile(
    r"(?i:at|in|on|during|after|before|by|since|following)\b[^,;:.]{0,80}$"
)


# A date that opens or closes a period: "from May 2011 until the day of the crash",
# "between 2010 and 2014".
_PERIOD_OPENS = re.compile(r"\b(?:from|since|between)\s{1,3}$", re.IGNORECASE)
_PERIOD_CLOSES = re.compile(r"\b(?:until|till|to|through|and)\s{1,3}$", re.IGNORECASE)


def _bounded(claim: Claim, value: Value) -> bool:
    """Whether the claim's value is a bound: "more than 340", "after May 5, 2003"."""
    if value.kind != ValueKind.DATE:
        return bool(value.qualifier)
    if value.date is None:
        return False
    return date_interval(value, claim.text, offset=claim.start) != date_span(value.date)


def _period_end(claim: Claim, value: Value) -> bool:
    """Whether the claim's date is one end of a period: the passage's one date may be
    the other end ("covering the period from 1 May 2011 to 12 August 2020", told where
    the claim says "from May 2011 until the day of the crash")."""
    if value.kind != ValueKind.DATE:
        return False
    at = value.start - claim.start
    before = claim.text[max(0, at - 12) : at]
    return bool(_PERIOD_OPENS.search(before) or _PERIOD_CLOSES.search(before))


def _bound_excluded(claim: Claim, value: Value, candidate: Candidate) -> bool:
    """Whether the claim's value is a bound that a number of the passage, as close to
    the claim's words as any, excludes ("more than 340 cases" / "304 of them")."""
    if not value.qualifier or value.kind == ValueKind.DATE:
        return False
    start = value.start - claim.start
    around = local_words(claim.text, start, start + len(value.text))
    return excluded(candidate, value, around, claim_text=claim.text)


def _settled(
    verdict: FactVerdict, candidate: Candidate, other: Value, agrees: bool, note: str
) -> FactVerdict:
    """The fact SUPPORTED or CONTRADICTED by one value of a passage, `note` saying why."""
    evidence = evidence_of(
        candidate, span=(other.start, other.end), source_value=other.text, agrees=agrees,
        note=note,
    )  # fmt: skip
    if agrees:
        return replace(verdict, label=Label.SUPPORTED, score=70, evidence=(evidence,), note=None)
    score = min(99, round(55 + 0.4 * candidate.own_relevance))
    shown = f"article: {verdict.fact.text} - source: {other.text}"
    return replace(verdict, label=Label.CONTRADICTED, score=score, evidence=(evidence,), note=shown)


def _agree(claim: Claim, value: Value, other: Value, candidate: Candidate) -> bool | None:
    if value.kind == ValueKind.DATE:
        if value.date is None or other.date is None:
            return None
        mine = date_interval(value, claim.text, offset=claim.start)
        theirs = date_interval(other, candidate.hit.text, offset=candidate.hit.start, source=True)
        agree = by_deadline(
            claim, value, other, candidate, compare_date_readings(value, mine, other, theirs)
        )
        if agree is False and not in_claims_year(value, other, candidate):
            return None  # a day without a year, in a source of another year
        if agree is False and as_of(other, candidate.hit.text, offset=candidate.hit.start):
            return None  # the day a figure was taken denies no date
        return agree
    return whole_units_since(candidate, compare_measures)(value, other)
