"""Dates: a claim's date against the dates its passages give, and the dates of its sources.

"before 2011", "after May 2017" and "by 2020" bound a date (`date_interval`); a day
without a year is compared on its month and day (`compare_date_values`); a source's
"as of" dates a figure and denies no date. A passage's date right beside the claim's
own words outweighs one further off; a report's own date dates "reported in July 2019".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from ..match import page_subject
from ..records import (
    Candidate,
    Claim,
    Evidence,
    Fact,
    FactKind,
    FactVerdict,
    Label,
    Value,
    ValueKind,
)
from ..text import STOPWORDS, WORD, content_words, local_words, stems
from ..values import (
    as_of,
    compare_date_readings,
    compare_date_values,
    date_interval,
    date_span,
    date_word,
    deadline,
    same_day_of_year,
    yearless,
    yearless_of,
)
from ..values.dates import editor_date
from ..values.words import TIME_LINK_WORDS, WEEKDAYS
from .evidence import SUPPORT_CUTOFF, evidence_of, for_clause, referent_words, verdict

_REPORTING = stems(
    "reported report said says announced announcement published statement told revealed"
    " confirmed".split()
)


# A passage that announces a report, a statement or a finding as just out: its source's
# date is the report's ("The inquiry has published its second and final report").
_JUST_OUT = re.compile(
    r"\b(?:has|have)\s{1,3}(?:today\s{1,3}|now\s{1,3}|just\s{1,3})?"
    r"(?:published|released|issued|announced|reported|revealed|confirmed)\b",
    re.IGNORECASE,
)
# Relevance at which such a passage dates the claim's report.
ANNOUNCED_RELEVANCE = 40.0


_TIME_LINKS = stems(TIME_LINK_WORDS)
# What may stand before a date that opens a sentence: "On", "In", "By late".
_OPENING = re.compile(r"(?i)\s*(?:(?:on|in|by|from|at)\s{1,3})?(?:(?:early|late|mid)\s{1,3})?")


def _event_words(text: str, start: int, end: int, *, window: int = 8) -> set[str]:
    """`local_words` of a date, without the words that tie another clause to its time
    ("On 28 June 2017, *after* the police watchdog ..."): only the one right before the
    date ("since September 1999") is the date's own."""
    found = local_words(text, start, end, window=window) - _TIME_LINKS
    own = WORD.findall(text[max(0, start - 20) : start])[-1:]
    return found | (stems(own) & _TIME_LINKS)


def judge_date(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    """A date is supported by a relevant passage that gives the same date near words of
    the claim; contradicted only by strongly relevant passages whose date differs and
    stands among two or more of the words around the claim's date, and only when
    nothing supports it. A sentence
    often holds several events, so a passage's other dates are weak evidence."""
    value = fact.value
    if value is None or value.date is None:
        return FactVerdict(fact, Label.UNVERIFIED, 0, ())
    around = _event_words(claim.text, value.start - claim.start, value.end - claim.start)
    around |= referent_words(claim, value.start - claim.start)
    claim_words = stems(content_words(claim.text))
    # A date that opens the sentence ("On 28 June 2017, after ..., the CPS announced")
    # dates its main clause, however far off: the passage that states any of the
    # sentence's words beside the same date states it.
    opening = _OPENING.fullmatch(claim.text[: value.start - claim.start]) is not None
    stating = claim_words - _TIME_LINKS if opening else around
    # "before 2011", "after May 2017", "by 2020": the days the claim allows.
    claimed = date_interval(value, claim.text, offset=claim.start)
    reported = bool(around & _REPORTING)
    # Dates that the claim gives for its other events: a passage's date equal to
    # one of them is about that event, not evidence against this one.
    others = [
        (f.value.date, date_interval(f.value, claim.text, offset=claim.start))
        for f in claim.facts
        if f.kind == FactKind.DATE and f is not fact and f.value and f.value.date
    ]
    bounded = claimed != date_span(value.date)
    support: list[tuple[float, Evidence]] = []
    against: list[tuple[float, Evidence]] = []
    for whole in candidates:
        candidate = for_clause(claim, whole, value)
        if candidate.relevance < SUPPORT_CUTOFF:
            continue
        text = candidate.hit.text
        # The page's subject stands by all its sentences: "The film was released on 25
        # November 1998" on a page called "A Bug's Life".
        subject = page_subject(candidate)
        passage_words = stems(content_words(text)) | subject
        dates = [v for v in candidate.values if v.kind == ValueKind.DATE and v.date is not None]
        read = _date_readings(claim, value, claimed, candidate, dates)
        # "On March 11, school districts ...": the passage holds the claim's day, if
        # not its year, and its other dates are about other events.
        held = any(
            same_day_of_year(value.date, claimed, d.date or "", said) for d, said, *_ in read
        )
        # A date that disagrees, right beside the claim's own words ("Released on 18
        # October 2016"), outweighs one that agrees further off ("since 2010").
        # Any later date meets "after September 1968": one that meets a bound must
        # stand among as many of the claim's words as one that does not ("was born
        # ... on January 5, 1968, the only son of ... (died May 13, 2014)").
        beside = max((near for _, _, agree, near in read if agree is False), default=-1)
        among = (
            max(
                (len(around & _around(text, o, candidate)) for o, _, a, _ in read if a is False),
                default=0,
            )
            if bounded
            else 0
        )
        for other, said, agree, near in read:
            start = other.start - candidate.hit.start
            theirs = _around(text, other, candidate)
            shared = claim_words & theirs
            strength = candidate.relevance + 10 * len(shared)
            evidence = evidence_of(
                candidate, span=(other.start, other.end), source_value=_said(other), agrees=agree
            )
            if agree:
                # The same date in a relevant passage that shares a word with the
                # claim's words around it: "jury" ... "10 December 2021". A bounded
                # date ("before September 2018") is not stated by the passage's date of
                # the claim's other event ("1999" of the song "1999"), unless the
                # passage bounds its date as the claim does: the end of one period,
                # "from 2012 to 2019", is stated by "from 2012 to 2019".
                if (
                    bounded
                    and (value.qualifier is None or other.qualifier != value.qualifier)
                    and any(o == other.date for o, _ in others)
                ):
                    continue
                if (
                    near >= beside
                    and len(around & theirs) >= among
                    and (
                        stating & passage_words or (len(shared) >= 2 and candidate.relevance >= 40)
                    )
                ):
                    support.append((strength, evidence))
            elif (
                agree is False
                and not held
                and not as_of(other, text, offset=candidate.hit.start)
                and (
                    (len(around & theirs) >= 2 and candidate.relevance >= 60)
                    # The page's subject stands by its sentences here too, by a passage's
                    # only date, in a passage that says a word of the claim's around its
                    # date: "The film's premiere was ... on July 13, 1987" on the page "The
                    # Brave Little Toaster" dates the premiere the claim's words tell of.
                    or (
                        len(dates) == 1
                        and around & (passage_words - subject)
                        and len(around & (theirs | subject)) >= 2
                        and candidate.relevance >= 60
                    )
                    # The one date of each, with the same word right beside both, in
                    # a passage that says another of the words around the claim's: "a
                    # refurbishment finished in 2012" / "refurbished ..., work that was
                    # finished in 2016", in a long claim that the passage states only
                    # part of.
                    or (
                        near >= 1
                        and _plain_beside(
                            claim.text,
                            value.start - claim.start,
                            value.end - claim.start,
                            text,
                            start,
                            start + len(other.text),
                        )
                        and not others
                        and len(dates) == 1
                        and other.text.lower() not in WEEKDAYS
                        and len(around & passage_words) >= 2
                    )
                )
                and not any(_one_of(o, days, other.date or "", said) for o, days in others)
            ):
                against.append((strength, evidence))
        if not any(agree for _, _, agree, _ in read):
            support += _in_source_year(
                claim, value, claimed, candidate, dates, (around, claim_words, passage_words)
            )
        # "reported in July 2019": the date of the report is its source's date, in a
        # strongly relevant passage or one that announces the report as just out ("The
        # inquiry has published its final report").
        published = _published_span(candidate.hit.published)
        if (
            reported
            and published
            and (
                candidate.relevance >= 60
                or (
                    candidate.relevance >= ANNOUNCED_RELEVANCE
                    and _JUST_OUT.search(text) is not None
                    and bool(around & passage_words & _REPORTING)
                )
            )
        ):
            agree = compare_date_values(
                value.date, claimed, candidate.hit.published or "", published
            )
            note = (
                f"published {candidate.hit.published} by {candidate.hit.publisher or 'the source'}"
            )
            evidence = evidence_of(
                candidate, source_value=candidate.hit.published, agrees=agree, note=note
            )
            if agree:
                support.append((candidate.relevance, evidence))
            elif agree is False and not held and all(a is False for _, _, a, _ in read):
                # Not when the passage gives a date of its own that may be the claim's:
                # "the final report, published in December 2017", in a source of 2019,
                # dates the report, not the source.
                against.append((candidate.relevance - 10, evidence))
    if support:
        against = []
    found = verdict(fact, support, against)
    bound = date_word(value, claim.text, claim.start)
    note = found.note or ""
    if bound and found.label == Label.CONTRADICTED and note.startswith("article: "):
        # The claim's bound beside its date: "article: before 11 July 1987 - source: July
        # 13, 1987", not a date that looks as if it were the article's own.
        found = replace(found, note=f"article: {bound} {note.removeprefix('article: ')}")
    return found


def dated_apart(claim: Claim, candidate: Candidate) -> bool:
    """Whether every date the passage gives is one none of the claim's dates allows: its
    figures are another time's ("in February 2023 ... a Band D bill from £1,441.26" is
    not denied by "On 28 February 2024 ... a Band D home to £1,711.62")."""
    mine = [
        f.value
        for f in claim.facts
        if f.kind == FactKind.DATE
        and f.value is not None
        and f.value.date is not None
        and not yearless(f.value.date)  # ("on 1 March": its year is the sentence's)
    ]
    text, start = candidate.hit.text, candidate.hit.start
    theirs = [v for v in candidate.values if v.kind == ValueKind.DATE and v.date is not None]
    if not mine or not theirs:
        return False
    return all(
        compare_date_values(
            value.date or "",
            date_interval(value, claim.text, offset=claim.start),
            day.date or "",
            date_interval(day, text, offset=start, source=True),
        )
        is False
        for value in mine
        for day in theirs
    )


def taken_another_day(claim: Claim, candidate: Candidate) -> bool:
    """Whether the passage dates its figures ("as of 27 April 2020, the state has 1,986
    cases") to a day that none of the claim's dates allows ("as of April 28, 2020",
    "after April 21"): a tally taken on another day neither states nor denies the
    claim's."""
    mine = [
        f.value
        for f in claim.facts
        if f.kind == FactKind.DATE and f.value is not None and f.value.date is not None
    ]
    text, start = candidate.hit.text, candidate.hit.start
    taken = [
        v
        for v in candidate.values
        if v.kind == ValueKind.DATE and v.date is not None and as_of(v, text, offset=start)
    ]
    if not mine or not taken:
        return False
    return all(
        compare_date_values(
            value.date or "",
            date_interval(value, claim.text, offset=claim.start),
            day.date or "",
            date_interval(day, text, offset=start, source=True),
        )
        is False
        for value in mine
        for day in taken
    )


def _plain_beside(claim_text: str, at: int, end: int, text: str, start: int, stop: int) -> bool:
    """Whether a plain word (not a name) within three words of each date is one word:
    "finished in 2012" / "finished in 2016", "On 5 December 2023 the government named"
    / "The government named on 5 October 2023"; not "Oliver Crosby in 1904" / "Oliver
    Crosby - 2005"."""

    def plain(words: list[str]) -> set[str]:
        return stems(w for w in words if w.islower() and w not in STOPWORDS) - _TIME_LINKS

    def beside(whole: str, a: int, b: int) -> set[str]:
        return plain(WORD.findall(whole[:a])[-3:]) | plain(WORD.findall(whole[b:])[:3])

    return bool(beside(claim_text, at, end) & beside(text, start, stop))


def _around(text: str, other: Value, candidate: Candidate) -> set[str]:
    """Stems of the content words around a passage's value (`local_words`)."""
    start = other.start - candidate.hit.start
    return local_words(text, start, start + len(other.text))


# Words that date an event by the day of the report that tells it: "today" is the
# source's own day, "yesterday" and "last night" the day before.
DAY_OF_REPORT = re.compile(r"(?i)\b(?:today|yesterday|this\s{1,3}morning|last\s{1,3}night)\b")
_DAY_BEFORE = frozenset({"yesterday", "last night"})


def days_back(said: re.Match[str]) -> int:
    """How many days before its report's day a word of DAY_OF_REPORT puts an event."""
    return 1 if " ".join(said.group(0).lower().split()) in _DAY_BEFORE else 0


def by_deadline(
    claim: Claim, value: Value, other: Value, candidate: Candidate, agree: bool | None
) -> bool | None:
    """How a passage's date reads against a claim's deadline ("by late 2029"), given how
    it reads as an interval (`agree`): another deadline of the plan meets it only by the
    same day ("by late 2024" denies it), and a day before it states it only within the
    deadline's own span ("on 15 March" 2023 tells no plan for 2029)."""
    if not value.date or not other.date or not deadline(value, claim.text, offset=claim.start):
        return agree
    text = candidate.hit.text
    if deadline(other, text, offset=candidate.hit.start):
        return compare_date_readings(value, date_span(value.date), other, date_span(other.date))
    if agree:
        said = date_interval(other, text, offset=candidate.hit.start, source=True)
        return compare_date_readings(value, date_span(value.date), other, said) or None
    return agree


def _date_readings(
    claim: Claim,
    value: Value,
    claimed: tuple[dt.date, dt.date],
    candidate: Candidate,
    dates: Sequence[Value],
) -> list[tuple[Value, tuple[dt.date, dt.date], bool | None, int]]:
    """Each date of the passage: the days it allows, whether it agrees with the claim's,
    and how many of the words right beside the claim's date stand right beside it."""
    at = value.start - claim.start
    mine = _event_words(claim.text, at, at + len(value.text), window=3)
    text = candidate.hit.text
    out = []
    for other in dates:
        said = date_interval(other, text, offset=candidate.hit.start, source=True)
        agree = by_deadline(
            claim, value, other, candidate, compare_date_readings(value, claimed, other, said)
        )
        if agree is False and not in_claims_year(value, other, candidate):
            agree = None
        start = other.start - candidate.hit.start
        near = len(mine & local_words(text, start, start + len(other.text), window=3))
        out.append((other, said, agree, near))
    return out


def _in_source_year(
    claim: Claim,
    value: Value,
    claimed: tuple[dt.date, dt.date],
    candidate: Candidate,
    dates: Sequence[Value],
    words: tuple[set[str], set[str], set[str]],
) -> list[tuple[float, Evidence]]:
    """Support from the passage's days without a year, read in the source's year: "On 12
    March" in a source of 2020 states "March 12, 2020". The year read so is a guess, too
    weak to deny the claim's. `words` are the claim's words around its date, all the
    claim's words and the passage's."""
    year = _source_year(candidate, nearby=True)
    if year is None:
        return []
    # A day after the source's date is in the year before ("on 28 December" of a
    # January report) or, for an event to come, in its own ("hits stores on Election
    # Day, November 2" of 19 October 2004): either reading may support.
    undated = [
        reading
        for v in dates
        if yearless(v.date)
        for reading in {_in_year(v, year), _in_year(v, (year[0], None))}
    ]
    if not undated:
        return []
    text = candidate.hit.text
    around, claim_words, passage_words = words
    found = []
    for other, _, agree, _ in _date_readings(claim, value, claimed, candidate, undated):
        start = other.start - candidate.hit.start
        shared = claim_words & local_words(text, start, start + len(other.text))
        if agree and (
            around & passage_words
            or len(shared) >= 2
            # The passage's one date, in a strongly relevant passage: "eMOTIVe hits
            # stores on Election Day, November 2." in a page of 19 October 2004.
            or (len(dates) == 1 and candidate.relevance >= LONE_DAY_RELEVANCE)
        ):
            evidence = evidence_of(
                candidate, span=(other.start, other.end), source_value=_said(other), agrees=True
            )
            found.append((candidate.relevance + 10 * len(shared), evidence))
    return found


# Relevance at which a passage's only date, a day without a year read in the source's
# year, states the claim's day with no word of the claim beside it.
LONE_DAY_RELEVANCE = 45.0
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _source_year(candidate: Candidate, *, nearby: bool = False) -> tuple[int, str | None] | None:
    """The year a source's days without one are in: its publication's (with the date,
    so that a day after it falls in the year before), else the only year its title
    names ("2020 coronavirus pandemic in Romania"), else, with `nearby` (for support
    only), the only year the passage and the sentences either side of it name ("due out
    on March 6th, 2019 ... airing episodes weekly in Australia from March 4th")."""
    published = candidate.hit.published
    if published and re.match(r"\d{4}-\d\d-\d\d", published):
        return int(published[:4]), published[:10]
    years = set(_YEAR.findall(candidate.hit.title or ""))
    if not years and nearby:
        years = set(_YEAR.findall(f"{candidate.before} {candidate.hit.text} {candidate.after}"))
    if len(years) == 1:
        return int(years.pop()), None
    return None


def in_claims_year(value: Value, other: Value, candidate: Candidate) -> bool:
    """Whether a passage's date may deny the claim's dated `value`: any dated one may,
    a day without a year ("on May 11") only where the source's year (`_source_year`) is
    the claim's. A source of 2019 that says "on March 8th" tells of no day of 2011."""
    if not yearless(other.date) or yearless(value.date) or not value.date:
        return True
    dated = _in_year(other, _source_year(candidate))
    return not yearless(dated.date) and (dated.date or "")[:4] == value.date[:4]


def _in_year(value: Value, year: tuple[int, str | None] | None) -> Value:
    """A source's day without a year ("On 12 March") in the source's year."""
    if year is None or not yearless(value.date):
        return value
    number, published = year
    iso = f"{number:04d}-{(value.date or '')[2:]}"
    if published is not None and iso > published:
        iso = f"{number - 1:04d}-{(value.date or '')[2:]}"  # "on 28 December" of a January report
    return replace(value, date=iso)


def _published_span(published: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a source's publication date covers, None when it is unset or malformed."""
    try:
        return date_span(published) if published else None
    except ValueError:
        return None


def _said(value: Value) -> str:
    """A passage's date as the passage says it, with the day a weekday stands for: "Thursday
    (12 March 2020)", read in the week the source was published."""
    if value.text.lower() in WEEKDAYS and value.date:
        return f"{value.text} ({editor_date(value.date)})"
    return value.text


def _one_of(
    mine: str, claimed: tuple[dt.date, dt.date], theirs: str, said: tuple[dt.date, dt.date]
) -> bool:
    """Whether a passage's date is the claim's date `mine`, a month or day without a
    year read as the claim's: "in May" is the claim's other "May 2018", not evidence
    against its "November"."""
    return bool(compare_date_values(mine, claimed, theirs, said) or yearless_of(mine, theirs))
