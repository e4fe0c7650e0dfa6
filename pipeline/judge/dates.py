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
from collections.abc import Set as AbstractSet
from dataclasses import replace

from ..claims import same_name
from ..coverage import KIN_OF
from ..match import page_name, page_subject, subject_title
from ..records import (
    Candidate,
    Claim,
    Evidence,
    Fact,
    FactKind,
    FactVerdict,
    Granularity,
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
    singular,
    yearless,
    yearless_of,
)
from ..values.dates import editor_date
from ..values.words import TIME_LINK_WORDS, WEEKDAYS
from .evidence import (
    CONTRADICT_CUTOFF,
    SUPPORT_CUTOFF,
    evidence_of,
    for_clause,
    referent_words,
    verdict,
)

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


# A day of a life, which a person has one of: "born before the 8th of May 1966" in a
# claim; "was born in Santa Monica, California on June 7, 1967", "(born 18 March 1985)"
# or the first day of "(November 28, 1967 - February 8, 2007)" in a passage.
_CLAIM_LIFE = re.compile(
    r"(?i)\b(born|died)\s{1,3}(?:(?:on|in|before|after|by|around|until)\s{1,3}){0,2}"
    r"(?:the\s{1,3})?$"
)
_PASSAGE_LIFE = re.compile(
    r"(?i)\b(born|died)(?:\s{1,3}(?:in|at)\s{1,3}[^;:()\d]{1,80}?)?,?\s{1,3}"
    r"(?:(?:on|in)\s{1,3})?(?:the\s{1,3})?$"
)
_SPAN_OPENS = re.compile(r"\(\s{0,3}(?:[^();]{0,40};\s{0,3})?$")
_SPAN_RUNS_ON = re.compile(r"\s{0,3}[-\u2013\u2014]\s{0,3}\w")
_SPAN_ENDS = re.compile(r"\(\s{0,3}[^();]{4,40}?\s{0,3}[-\u2013\u2014]\s{0,3}$")


def _life_day(text: str, start: int, end: int) -> str | None:
    """Which day of a life ("born", "died") the date at `start`-`end` of a passage is,
    if it is one."""
    before = text[max(0, start - 120) : start]
    found = _PASSAGE_LIFE.search(before)
    if found is not None:
        return found.group(1).lower()
    if _SPAN_OPENS.search(before) and _SPAN_RUNS_ON.match(text, end):
        return "born"
    if _SPAN_ENDS.search(before):
        return "died"
    return None


# A reading of a passage's date: the date, the days it allows, whether it agrees, and how
# many words beside the claim's stand beside it (`_date_readings`).
_Reading = tuple[Value, tuple[dt.date, dt.date], bool | None, int]


def _claimed_life(claim: Claim, value: Value) -> tuple[str, str, str | None] | None:
    """The day of a life the claim's date is ("born", "died"), the name of whose life it
    is, and the relative of theirs it is of, if any: "Dave Navarro was born before the
    8th of May 1966", "Ruth Adler's father was born in 1921". None where the claim names
    no one before it."""
    at = value.start - claim.start
    found = _CLAIM_LIFE.search(claim.text[:at])
    if found is None:
        return None
    before = claim.text[: found.start()]
    names = [m for m in _NAME_RUN.finditer(before) if m.group(0) not in _NO_NAMES]
    # The relative is named after the person: "Ruth Adler's *father* was born", not
    # "Eric Cantona and his wife ... have a child named Morgan, born".
    after = before[names[-1].end() :] if names else before
    kin = next((k for k in map(_kin_word, WORD.findall(after)) if k in KIN_OF), None)
    name = names[-1].group(0) if names else claim.referent
    if not name:
        return None
    return found.group(1).lower(), name.removesuffix("'s").removesuffix("\u2019s"), kin


# A run of capitalised words: a name.
_NAME_RUN = re.compile(r"[A-Z][\w'.-]*(?:\s{1,3}[A-Z][\w'.-]*)*")
# Capitalised words that open a sentence and name no one.
_NO_NAMES = frozenset({"He", "She", "They", "It", "His", "Her", "The", "A", "An"})


def _kin_word(word: str) -> str:
    """A word as `KIN_OF` lists it: "parents" is "parent"."""
    return singular(word.lower())


def _of_their_life(
    candidate: Candidate, start: int, end: int, life: tuple[str, str, str | None]
) -> bool | None:
    """Whether a passage's date is the day of the life the claim dates: True where the
    name right before it is the claim's person ("Ed Gein was born in La Crosse County,
    Wisconsin, USA, on August 27, 1906", "morgan (born 1999)"), or, on the page of that
    person, no one or the one the sentence opens with ("He was born on ...", "Brian Hugh
    Warner was born ..." on the page "Marilyn Manson"); False where it is a day of
    another's life ("Ruth Adler was born ..." for "Sam Adler was born ...", a relative's
    "her father was born", a parent's "(died May 13, 2014)"); None where it is no day of
    a life, or another day of the person's ("was born on 12 August 1949" for "died on 12
    August 1949", which the content judge reads)."""
    text = candidate.hit.text
    day = _life_day(text, start, end)
    if day is None:
        return None
    opening = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start)) + 1
    before = text[opening:start]
    said_at = _life_word_at(before)
    right_before = WORD.findall(before[:said_at])[-1:]
    runs = [m for m in _NAME_RUN.finditer(before[:said_at]) if m.group(0) not in _NO_NAMES]
    last = runs[-1] if runs else None
    between = before[last.end() :] if last else before
    named_right_before = [w.lower() for w in right_before] == [life[1].split()[-1].lower()]
    kin = {_kin_word(w) for w in WORD.findall(between)} & KIN_OF
    if not named_right_before and kin != ({life[2]} if life[2] else set()):
        return False  # a relative's day, or the claim's relative's another's
    subject = page_name(subject_title(candidate.hit.title))
    on_its_page = bool(subject) and same_name(life[1], subject)
    theirs = (
        named_right_before  # "two children, morgan (born 1999)"
        or bool(life[2])  # "Her father was born ...", for "Ruth Adler's father was born ..."
        or (last is not None and same_name(life[1], last.group(0)))
        or (on_its_page and (last is None or _opens_with(before[: last.start()])))
    )
    if not theirs:
        return False
    return True if day == life[0] else None


def _opens_with(words_before: str) -> bool:
    """Whether the words before the name that a date of a life follows are the rest of
    the name that opens the sentence ("Andrae hugh Sutherland (born 19 July 1988)"): no
    mark of another phrase, and no more words than a name has."""
    return (
        _PHRASE_MARK.search(words_before) is None and len(WORD.findall(words_before)) <= _NAME_WORDS
    )


_PHRASE_MARK = re.compile(r"[,;:()]")
# The most words a name has before its last part ("Maria del Carmen Ruiz").
_NAME_WORDS = 4


def _lives(
    claim: Claim,
    value: Value,
    claimed: tuple[dt.date, dt.date],
    candidate: Candidate,
    read: list[_Reading],
    life: tuple[str, str, str | None] | None,
) -> tuple[list[_Reading], list[tuple[bool, float, Evidence]]]:
    """The passage's dates that are no day of a life, and whether each day of the life
    the claim dates agrees, with its evidence (a strongly relevant passage only). A day
    of a life is that day, not the end of a period: "(November 28, 1968 - February 8,
    2007)" dates a death to 8 February 2007."""
    if life is None:
        return read, []
    text = candidate.hit.text
    plain, lived = [], []
    others = False
    for reading in read:
        other = reading[0]
        theirs = _of_their_life(
            candidate, other.start - candidate.hit.start, other.end - candidate.hit.start, life
        )
        if theirs is None:
            plain.append(reading)
        others = others or theirs is False
        if not theirs or candidate.relevance < CONTRADICT_CUTOFF or not other.date:
            continue
        agree = compare_date_values(value.date or "", claimed, other.date, date_span(other.date))
        if agree is None:
            continue
        evidence = evidence_of(
            candidate, span=(other.start, other.end), source_value=_said(other), agrees=agree
        )
        shared = stems(content_words(claim.text)) & _around(text, other, candidate)
        lived.append((agree, candidate.relevance + 10 * len(shared), evidence))
    # A passage that dates only others' lives tells of them, not of the claim's person:
    # its other dates are theirs ("He married Rachida Brakni in 2007; they have two
    # children, Morgan (born 1999) ...").
    return ([] if others and not lived else plain), lived


def _life_word_at(before: str) -> int:
    """Where the word of a life's day stands in the text before a date, or its span's
    bracket: names after it are places ("born in Leeds on")."""
    found = [m.start() for m in re.finditer(r"(?i)\b(?:born|died)\b|\(", before)]
    return found[-1] if found else len(before)


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
    life = _claimed_life(claim, value)
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
        # A passage that dates the day of the life the claim dates ("Navarro was born
        # ... on June 7, 1967") settles it by that date; its days of other lives ("the
        # daughter of Sam Adler (born 1921)", "(died May 13, 2014)") settle nothing.
        read, lived = _lives(claim, value, claimed, candidate, read, life)
        for agrees, strength, evidence in lived:
            (support if agrees else against).append((strength, evidence))
        if lived:
            continue
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
            theirs = _around(text, other, candidate)
            shared = claim_words & theirs
            strength = candidate.relevance + 10 * len(shared)
            evidence = evidence_of(
                candidate, span=(other.start, other.end), source_value=_said(other), agrees=agree
            )
            if agree:
                # The same date in a relevant passage that shares a word with the
                # claim's words around it: "jury" ... "10 December 2021".
                if bounded and _of_another_event(
                    value, other, (dates, others), claim_words, theirs - subject
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
            elif agree is False and (
                # The claim's day in another year, beside the words of its event: "On 28
                # June 2016, ... the Crown Prosecution Service charged six people" / "The
                # Crown Prosecution Service today, Wednesday 28 June 2017, announced its
                # charging decisions".
                (
                    _year_off(value, other)
                    and candidate.relevance >= 60
                    and len((stating if opening else around) & theirs) >= 2
                    and not any(_one_of(o, days, other.date or "", said) for o, days in others)
                )
                or (
                    not held
                    and not as_of(other, text, offset=candidate.hit.start)
                    # "the 2017 film" is no year "last year" in a report of 2019 denies
                    and not (
                        names_a_things_year(claim.text, value.start - claim.start, value)
                        and counted_from_the_report(other)
                    )
                    and _tied_to_the_claim(
                        claim,
                        (value, other, near),
                        candidate,
                        (dates, others, subject),
                        (around, theirs, passage_words),
                    )
                    and not any(_one_of(o, days, other.date or "", said) for o, days in others)
                )
            ):
                against.append((strength, evidence))
        if not any(agree for _, _, agree, _ in read):
            support += _in_source_year(
                claim, value, claimed, candidate, dates, (around, claim_words, passage_words)
            )
        # "reported in July 2019": the date of the report is its source's date.
        spoken = around & passage_words
        if reported and (dated := _by_its_report(value, claimed, candidate, read, held, spoken)):
            (support if dated[0] else against).append(dated[1])
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


# What stands before a year that names when a thing was, before the thing's name: "the
# *2016* Olympics", "for the *2017* film", "Marina Vale's *2011* tour".
_BEFORE_A_THINGS_YEAR = re.compile(
    r"(?i)(?:\b(?:the|a|an|its|his|her|their|this|that)|['\u2019]s)\s{1,3}$"
)
_A_NAME_AFTER = re.compile(r"\s{1,3}[A-Za-z]")


def names_a_things_year(text: str, at: int, value: Value) -> bool:
    """Whether the year at `at` of a text names when a thing was, before the thing's
    name ("He was Chef de Mission of Team GB at the 2016 Olympics", "the 2017 film"):
    the day a report tells of ("today", "last year") dates what the report tells, not
    the thing."""
    if value.granularity != Granularity.YEAR or value.qualifier:
        return False
    end = at + len(value.text)
    return (
        _BEFORE_A_THINGS_YEAR.search(text, max(0, at - 12), at) is not None
        and _A_NAME_AFTER.match(text, end) is not None
    )


def counted_from_the_report(value: Value) -> bool:
    """Whether a passage's date is counted from the report's own day: "last year",
    "this month", "today" (no figure of its own)."""
    return not any(ch.isdigit() for ch in value.text)


def _tied_to_the_claim(
    claim: Claim,
    values: tuple[Value, Value, int],
    candidate: Candidate,
    context: tuple[Sequence[Value], Sequence[object], AbstractSet[str]],
    words: tuple[AbstractSet[str], AbstractSet[str], AbstractSet[str]],
) -> bool:
    """Whether a passage's date that disagrees stands close enough to the claim's words
    to deny the claim's: beside two of the words around the claim's date in a strongly
    relevant passage; as a page's only date, beside a word of the claim's; or as the one
    date of each, with the same word right beside both."""
    value, other, near = values
    dates, others, subject = context
    around, theirs, passage_words = words
    text = candidate.hit.text
    start = other.start - candidate.hit.start
    return bool(
        (len(around & theirs) >= 2 and candidate.relevance >= 60)
        # The page's subject stands by its sentences here too, by a passage's only date,
        # in a passage that says a word of the claim's around its date: "The film's
        # premiere was ... on July 13, 1987" on the page "The Brave Little Toaster" dates
        # the premiere the claim's words tell of.
        or (
            len(dates) == 1
            and around & (passage_words - subject)
            and len(around & (theirs | subject)) >= 2
            and candidate.relevance >= 60
        )
        # The one date of each, with the same word right beside both, in a passage that
        # says another of the words around the claim's: "a refurbishment finished in
        # 2012" / "refurbished ..., work that was finished in 2016", in a long claim that
        # the passage states only part of.
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


def _year_off(value: Value, other: Value) -> bool:
    """Whether two days, each with its year, are the same day of another year."""
    mine, theirs = value.date or "", other.date or ""
    return (
        value.granularity == other.granularity == Granularity.DAY
        and not yearless(mine)
        and not yearless(theirs)
        and mine[4:] == theirs[4:]
        and mine[:4] != theirs[:4]
    )


def _of_another_event(
    value: Value,
    other: Value,
    dated: tuple[Sequence[Value], Sequence[tuple[str, tuple[dt.date, dt.date]]]],
    claim_words: set[str],
    theirs: set[str],
) -> bool:
    """Whether a passage's date that meets the claim's bound is another event's.

    A bounded date ("before September 2018") is not stated by the passage's date of the
    claim's other event ("1999" of the song "1999"), unless the passage bounds its date
    as the claim does: the end of one period, "from 2012 to 2019", is stated by "from
    2012 to 2019". And any later date meets "after 2014": one among several of a
    passage (the claim's other dates aside) meets it only among a word of the claim
    ("released ... on February 6, 2012", not "his death in 2018")."""
    dates, others = dated
    if (value.qualifier is None or other.qualifier != value.qualifier) and any(
        o == other.date for o, _ in others
    ):
        return True
    own = sum(1 for d in dates if all(d.date != o for o, _ in others))
    return own > 1 and not (claim_words - _TIME_LINKS) & theirs


def _by_its_report(
    value: Value,
    claimed: tuple[dt.date, dt.date],
    candidate: Candidate,
    read: Sequence[_Reading],
    held: bool,
    said: set[str],
) -> tuple[bool, tuple[float, Evidence]] | None:
    """Whether the source's date states or denies the date of the report the claim dates
    ("reported in July 2019"), with its weight and evidence: in a strongly relevant
    passage, or one that announces the report as just out ("The inquiry has published its
    final report", `said` holding a reporting word of the claim's around its date);
    None where it says nothing of it."""
    text = candidate.hit.text
    published = _published_span(candidate.hit.published)
    if not published or not (
        candidate.relevance >= 60
        or (
            candidate.relevance >= ANNOUNCED_RELEVANCE
            and _JUST_OUT.search(text) is not None
            and bool(said & _REPORTING)
        )
    ):
        return None
    agree = compare_date_values(value.date or "", claimed, candidate.hit.published or "", published)
    note = f"published {candidate.hit.published} by {candidate.hit.publisher or 'the source'}"
    evidence = evidence_of(candidate, source_value=candidate.hit.published, agrees=agree, note=note)
    if agree:
        return True, (candidate.relevance, evidence)
    if agree is False and not held and all(a is False for _, _, a, _ in read):
        # Not when the passage gives a date of its own that may be the claim's: "the
        # final report, published in December 2017", in a source of 2019, dates the
        # report, not the source.
        return False, (candidate.relevance - 10, evidence)
    return None


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
