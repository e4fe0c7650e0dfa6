"""Whole-claim coverage: does the evidence state all of a claim?

A claim's typed facts (numbers, dates, ages, quotes) are judged one by one;
this module reads the rest of the sentence: who, did what, to whom, where.
Each content word of the claim must be stated by the evidence window (the
supporting passage with the sentences either side of it in its document):
the same word or lemma, a synonym, a more specific word, a derived form
(`lexicon`). Names are read whole, through aliases (`same_name`: "the Met" /
"Metropolitan Police", "IOPC" / "Independent Office for Police Conduct").

What no word of the window states is *uncovered*, and keeps the claim from
SUPPORTED unless it is only something the claim adds (`judge.content`). What
the passage says instead, when it contradicts, is read by `contrast`.

Everything here is plain string work over records: no model, no store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from . import lexicon
from .claims import same_name
from .places import one_country, region_by_parts
from .text import NAME_WORD, STOPWORDS, WORD, plain_letters, stem
from .values.nouns import singular
from .values.numbers import parse_number, parse_ordinal
from .values.words import PASSING, WEEKDAYS, month_spellings

# Words and names with digits in them ("MI5", "G4S", "M25"), which the retrieval
# tokenizer splits: here a changed digit is a changed name.
TERM_WORD = re.compile(r"(?<![\w'\u2019-])[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'\u2019-]*")
NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|nobody|nothing|without|cannot)\b|n[\u2019']t\b",
    re.IGNORECASE,
)
# Words that frame a claim rather than state it: who reports it, how sure it is,
# how it links to the sentence before. Checked elsewhere (attributions) or not at all.
FRAME_WORDS = frozenset(
    """also later then now still just only already even however meanwhile finally eventually
    again since while both each all any some many much more most other another such very
    yet thus therefore indeed instead really quite rather almost nearly about around
    reported report reports reporting according announced announce announces statement
    told tell tells says say said saying stated states state added adding wrote writes
    claimed claims confirmed confirms revealed reveals noted notes explained explains
    described describes called calls named names known
    appeared appears emerged published publish publishes
    one ones first last whose whom those these this that there here
    mr mrs ms miss dr sir lord lady
    after before during over under between against among within across through until
    following amid despite towards toward upon onto off out up down per via including like
    less fewer than least because due owing
    s""".split()
)
# Phrases that link a sentence to the one before ("On top of that, it faced a gap"):
# how the article goes on, not what it states.
LINKS = re.compile(
    r"(?i)\b(?:on\s{1,3}top\s{1,3}of\s{1,3}(?:that|this|it|all\s{1,3}that)|in\s{1,3}effect"
    r"|in\s{1,3}turn|as\s{1,3}a\s{1,3}result|in\s{1,3}other\s{1,3}words|in\s{1,3}short"
    r"|to\s{1,3}make\s{1,3}matters\s{1,3}worse|what\s{1,3}is\s{1,3}more|worse\s{1,3}still"
    r"|above\s{1,3}all|in\s{1,3}particular|for\s{1,3}(?:its|his|her|their)\s{1,3}part"
    r"|by\s{1,3}contrast|in\s{1,3}the\s{1,3}end|after\s{1,3}all|in\s{1,3}any\s{1,3}case"
    r"|even\s{1,3}so|all\s{1,3}the\s{1,3}same"
    # words that join as "and" does: "Mark Smith, 35, along with Donald Collett"
    r"|along\s{1,3}with|together\s{1,3}with"
    # whose words a quotation gives: "In the AAIB's words", "in the words of the judge"
    r"|in\s{1,3}(?:the\s{1,3})?[\w.-]{1,40}['\u2019]s?\s{1,3}(?:own\s{1,3})?words"
    r"|in\s{1,3}(?:his|her|its|their)\s{1,3}(?:own\s{1,3})?words"
    r"|in\s{1,3}the\s{1,3}words\s{1,3}of)\b"
)
# A verb that reports a finding or a concession, before "that": "the investigators
# *judged* that the toll would have been higher", "he *accepted* that it was clear ...".
# Who found it is stated or not as a name; the finding is the claim.
_FINDING_VERBS = (
    r"(judged|concluded|found|believed|considered|decided|ruled|accepted|acknowledged"
    r"|conceded|admitted)"
)
FINDING = re.compile(rf"(?i)\b{_FINDING_VERBS}\s{{1,3}}that\b")
# A time the article points back or on to ("that year's budget", "the same month", "next
# year"): a date its sources give as a date ("2023-24"), never in these words.
_POINTED_TIME = re.compile(
    r"(?i)\b(?:that|this|the\s{1,3}same|the\s{1,3}following|the\s{1,3}previous"
    r"|the\s{1,3}next|last|next)\s{1,3}(?:year|month|week|day|decade|season)(?:['\u2019]s)?\b"
)
# Light words: pronouns, modal and auxiliary verbs, the commonest verbs and nouns of
# time and manner. They carry little of what a claim asserts, and sources seldom
# repeat them: "would probably have", "at the time of", "came back".
LIGHT_WORDS = frozenset(
    """him her hers them us me mine ours yours theirs itself himself herself themselves
    ourselves myself yourself someone something anyone anything everyone everything
    should could might may must can shall ought do does did doing done
    being got get gets getting go goes going went gone make makes made making
    take takes taking come comes came coming give gives gave giving given
    put puts keep kept let lets seem seems seemed become became
    way ways thing things time times day days lot kind sort part side fact
    back ever long still far well too so how why what where when whether though although
    because unless once
    probably possibly perhaps likely apparently reportedly allegedly clearly
    simply merely nearly almost just around approximately
    same different own whole entire
    new former latter latest recent current previous earlier later then
    mr mrs""".split()
)
# The label of a run of capitalised words the tagger left out: "West Midlands Police"
# at the start of a sentence is often not tagged.
NAME = "NAME"
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w'\u2019-]*(?:\s+(?:of|for|and|the|on|de)\s+|\s+)[A-Z][\w'\u2019-]*"
    r"(?:\s+[A-Z][\w'\u2019-]*){0,4}"
)
# A number the claim states outside its typed facts ("a 1-yard pass", "7-4-1"):
# stated only by the same number.
NUMBER = "NUMBER"
# A number of its own, not one inside a word ("COVID-19", "G-7").
_NUMBER = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)\d+(?:[.,]\d+)*(?![\d])")
# A record or a score of three parts ("7-4-1", "10–24–1"), read whole: its parts
# scattered over a passage's other records do not state it. Dashes of any kind,
# and the replacement character a mangled en dash becomes.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufffd-"  # the hyphen last: no range
_RECORD = re.compile(
    rf"(?<![\w.,{_DASHES}])\d{{1,3}}(?:[{_DASHES}]\d{{1,3}}){{2}}(?![\w{_DASHES}])"
)
# A letter grade ("a C+", "an A\u2212", "graded `` B ''"): a value, stated only by the same
# grade. A bare letter is one only beside a word of grading or in quotes: "Plan B" and
# "Company A" are none.
_GRADE = re.compile(
    r"(?<![\w'\u2019&.+-])(?P<letter>[A-F])"
    r"(?P<sign>[+\u2212-](?![\w+\u2212-])|(?![\w+\u2212&.'\u2019-]))"
)
_GRADING_NEAR = re.compile(r"(?i)\b(?:grade[sd]?|grading|rat(?:ed|ing)|score[sd]?|cinemascore)\b")
_QUOTE_AFTER = re.compile(r"\s{0,2}(?:''|\"|\u201d)")
_QUOTE_BEFORE = re.compile(r"(?:``|\"|\u201c)\s{0,2}$")
# What may follow a bare letter that is a grade: the end of the phrase, or a word of
# grading or a short link ("an A grade", "a B from critics"), never a name's next word
# ("A Bug's Life") or a noun it names ("B-side", "A roads").
_AFTER_GRADE = re.compile(
    r"\s{0,3}(?:$|[^\w\s]|(?:grade|grades|rating|on|from|by|in|for|and|or|to|with|at|"
    r"average|overall|mark|score)\b)"
)


def grades(text: str) -> list[re.Match[str]]:
    """The letter grades of a text (`_GRADE`)."""
    found = []
    for m in _GRADE.finditer(text):
        near = text[max(0, m.start() - 30) : m.end() + 20]
        quoted = _QUOTE_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
        if m.group("sign") or (
            _AFTER_GRADE.match(text, m.end()) is not None
            and (
                _GRADING_NEAR.search(near) is not None
                or (quoted and _QUOTE_AFTER.match(text, m.end()) is not None)
            )
        ):
            found.append(m)
    return found


def _grade(text: str) -> str:
    """A grade written one way: "A\u2212" is "A-"."""
    return text[0] + ("-" if text[1:] in ("\u2212", "-") else text[1:])


# Words that bound a value right after them ("higher than 95%", "above 74%", "under
# $2.3 million"): the value's qualifier, judged with it, not a word of the claim's own.
_BOUND = re.compile(
    r"\b(?:higher|lower|greater|larger|bigger|smaller|fewer|less|more|above|below|under|over"
    r"|exceeding|older|younger|upwards|least|most)(?:\s+(?:than|of))?\s+(?:\$|£|€|US\$)?\s*$",
    re.IGNORECASE,
)
# A verb that says a total went past a mark, before the total ("had *passed* 1.2 million
# signatures"): a bound, read with the value (`values.words.PASSING`).
_PASSING = re.compile(rf"(?i)\b(?:{'|'.join(sorted(PASSING))})\s{{1,3}}$")
_TOTAL = re.compile(r"\d{1,3}(?:,\d{3})+|\d{4,}|\d+(?:\.\d+)?\s{1,3}(?:thousand|million|billion)")
# The bound a threshold sets right after its value ("the 4.99% *beyond which* a council
# must ..."): judged with the value (`compare.THRESHOLDS`).
_THRESHOLD = re.compile(r"\s{1,3}(?:beyond|above|over|below|under)\s{1,3}which\b", re.IGNORECASE)
# Endings that make other forms of one word.
_ENDINGS = frozenset(
    [
        "",
        *"s es ed d ing er ers ion ions ation ations ment ments ly al ally ive ives".split(),
        *"ity ities ies ied y e ness ship ships ist ists ism".split(),
    ]
)
# Endings that turn a word into another of its family: "fail" -> "failure".
_SUFFIXES = frozenset(
    "s es ed d ing er ers ure ures ment ments ion ions ation ations al ance ence ive".split()
)
# Entity labels that name who or what a claim is about, grouped by the role they can fill.
ROLES = {
    "ORG": "org",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    NAME: "name",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A name or word of a text: its label (an entity label, or "" for a word) and offsets."""

    label: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Window:
    """The evidence a claim is read against: a passage and the sentences around it.

    `text` is the passage's own text; `before` and `after` are its neighbours in
    the same document (empty at the document's edges). Entities are those of the
    passage, offsets relative to `text`.
    """

    text: str
    before: str = ""
    after: str = ""
    entities: tuple[Span, ...] = ()
    # Other names the window goes by: its source's publisher, host and title ("BBC
    # News", "bbc"), so that "the BBC's report" is stated by a passage the BBC
    # published, and a page's subject by a passage that calls it "he".
    aliases: tuple[str, ...] = ()

    @property
    def spoken(self) -> str:
        """The passage with the sentences either side of it."""
        return " ".join((self.before, self.text, self.after))

    @property
    def named(self) -> str:
        """The passage, the sentences either side and the source's other names."""
        return " ".join((self.before, self.text, self.after, *self.aliases))


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a claim a window states."""

    covered: tuple[Span, ...] = ()
    uncovered: tuple[Span, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.uncovered

    @property
    def share(self) -> float:
        total = len(self.covered) + len(self.uncovered)
        return len(self.covered) / total if total else 1.0

    def uncovering(self, terms: Sequence[Span]) -> Coverage:
        """The coverage with `terms` moved from covered to uncovered."""
        if not terms:
            return self
        return Coverage(tuple(t for t in self.covered if t not in terms), (*self.uncovered, *terms))


def claim_terms(
    text: str,
    *,
    entities: Sequence[Span] = (),
    skip: Iterable[tuple[int, int]] = (),
) -> list[Span]:
    """What a claim states besides its typed facts: its names, then its content words.

    Offsets are relative to `text`. `skip` holds spans judged elsewhere (the
    values, quotes and attributions of the claim's facts); names are kept
    whole, and their words are not checked again one by one.
    """
    skipped = sorted(skip)
    names = [
        e
        for whole in entities
        for e in _split_at_verb(whole)
        if e.label in ROLES
        and not _inside(e.start, e.end, skipped)
        and TERM_WORD.search(e.text)
        # "Libyan-born" is one word, stated by its parts together ("born in Libya"),
        # not a nationality and a birth stated anywhere.
        and not _COMPOUND_HEAD.match(text, e.end)
    ]
    names += _untagged_names(text, [*skipped, *((e.start, e.end) for e in names)])
    records = [
        Span(NUMBER, m.group(0), m.start(), m.end())
        for m in _RECORD.finditer(text)
        if not _overlaps(m.start(), m.end(), skipped)
    ]
    records += [
        Span(NUMBER, m.group(0), m.start(), m.end())
        for m in grades(text)
        if not _overlaps(m.start(), m.end(), skipped)
    ]
    numbers = records + [
        Span(NUMBER, _season_year(text, m) or text[m.start() : end], m.start(), end)
        for m in _NUMBER.finditer(text)
        if not _overlaps(m.start(), m.end(), [*skipped, *((r.start, r.end) for r in records)])
        for end in [_number_end(text, m.start(), m.end())]
    ]
    bounds = [(m.start(), m.end()) for s, _ in skipped if (m := _BOUND.search(text, 0, s))]
    bounds += [
        (m.start(), m.end())
        for s, _ in skipped
        if (m := _PASSING.search(text, 0, s)) and _TOTAL.match(text, s)
    ]
    bounds += [(m.start(), m.end()) for _, e in skipped if (m := _THRESHOLD.match(text, e))]
    links = [(m.start(), m.end()) for m in LINKS.finditer(text)]
    links += [(m.start(), m.end()) for m in _POINTED_TIME.finditer(text)]
    links += [(m.start(1), m.end(1)) for m in FINDING.finditer(text)]
    # "on Wednesday 7 August": the weekday is part of the date, which the date judge reads.
    links += [
        (m.start(1), m.end(1))
        for s, _ in skipped
        if (m := _WEEKDAY_BEFORE.search(text, max(0, s - 14), s)) is not None
    ]
    taken = sorted([*skipped, *bounds, *links, *((e.start, e.end) for e in names)])
    words = [
        Span("", _bare(m.group(0)), m.start(), m.end())
        for m in TERM_WORD.finditer(text)
        if not _overlaps(m.start(), m.end(), taken)
        and (
            _is_content(m.group(0))
            or _place_in_order(text, m)
            # "the former chairman", not "for the former, ..."
            or (m.group(0).lower() in READ_ALWAYS and re.match(r"\s+\w", text[m.end() :]))
            or _summoned(text, m)
        )
    ]
    return [*names, *words, *numbers]


# A word of a name's span in small letters: where it is a verb's past, the span is two
# names and the deed between them.
_SMALL_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z]{2,20}(?![\w'\u2019-])")
_NAME_AT = re.compile(r"[A-Z][\w.'\u2019&-]*(?:\s{1,3}[A-Z0-9][\w.'\u2019&-]*)*")


def _split_at_verb(entity: Span) -> list[Span]:
    """A name's span cut where a verb's past stands in it: the tagger's "Jefte Palo
    illustrated Civil War II" is "Jefte Palo", who illustrated "Civil War II"."""
    verb = next((m for m in _SMALL_WORD.finditer(entity.text) if past_form(m.group(0))), None)
    if verb is None:
        return [entity]
    parts = []
    for a, b in ((0, verb.start()), (verb.end(), len(entity.text))):
        found = _NAME_AT.search(entity.text, a, b)
        if found is not None:
            start = entity.start + found.start()
            parts.append(Span(entity.label, found.group(0), start, start + len(found.group(0))))
    return parts


# A weekday right before a date: "on *Wednesday* 7 August", "Thursday, 1 August".
_WEEKDAY_BEFORE = re.compile(
    r"(?i)\b(" + "|".join(sorted(WEEKDAYS)) + r")\s{0,2},?\s{1,3}(?:the\s{1,3})?$"
)
# A name that is the first part of a compound: the hyphen and the rest after it.
_COMPOUND_HEAD = re.compile(r"-[A-Za-z]")
# Stopwords that say whether the rest holds now: "its *former* parent company".
READ_ALWAYS = frozenset({"former", "formerly"})
# "Called" that summons or demands, not names: "called the managers to give evidence",
# "called for an inquiry" (a deed to check, where "a company called Fujitsu" is a name).
_CALLING = frozenset({"call", "calls", "called", "calling"})
_SUMMONS_AFTER = re.compile(
    r"(?i)\s{1,3}(?:for\b|(?:[\w'-]{1,30}\s{1,3}){1,10}?to\s{1,3}(?:give|testify|appear|attend|answer))"
)


def _summoned(text: str, word: re.Match[str]) -> bool:
    """Whether a form of "call" summons or demands (`_SUMMONS_AFTER`)."""
    return word.group(0).lower() in _CALLING and _SUMMONS_AFTER.match(text, word.end()) is not None


# A determiner right before a position: the word there is a noun's or an adjective's.
DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|my|your|this|that)\s+$", re.IGNORECASE
)


def _place_in_order(text: str, word: re.Match[str]) -> bool:
    """An ordinal the stopword list holds, said of a thing: "the *first* penalty", "her
    *third* daughter" (not "first elected", "at first")."""
    return (
        ordinal_at(text, word.start(), word.end()) is not None
        and DETERMINER_BEFORE.search(text[: word.start()]) is not None
    )


def cover(terms: Sequence[Span], window: Window, claim_text: str = "") -> Coverage:
    """Which of a claim's terms the window states, and the contrasts it holds.

    With `claim_text`, a passage word the claim says itself elsewhere states that word,
    not another term through the lexicon (`_lent_to_the_claim`)."""
    # The document's title (a headline, a page's name) is part of what it states.
    words, stems = _said(window.named)
    covered: list[Span] = []
    uncovered: list[Span] = []
    for term in terms:
        if (
            (_stated(term, words, stems, window) or _initials_stated(term, claim_text, window))
            and not _club_not_place(term, claim_text, window)
            and not _verb_by_a_noun(term, claim_text, words)
            and not _particle_unsaid(term, claim_text, window)
            and not _particle_added(term, claim_text, window)
            and not _only_as_former(term, claim_text, window)
        ) or _phrased(term, claim_text, words, window):
            covered.append(term)
        else:
            uncovered.append(term)
    if claim_text and uncovered:
        kinds = [t for t in uncovered if said_with_its_names(t, claim_text, covered, window)]
        if kinds:
            covered = sorted([*covered, *kinds], key=lambda t: t.start)
            uncovered = [t for t in uncovered if t not in kinds]
    twice = _lent_twice(covered, words, stems)
    names = [(t.start, t.end) for t in terms if t.label]
    own = _lent_to_the_claim(covered, words, stems, claim_text, window.named, names)
    lent = [*twice, *(t for t in own if t not in twice)]
    # A term the window states by the way it says it lends no word: "plays for the Denver
    # Broncos" by "is an American football quarterback for the Denver Broncos", though
    # "football" is the claim's own word too.
    lent = [t for t in lent if not _phrased(t, claim_text, words, window)]
    if lent:
        covered = [t for t in covered if t not in lent]
        uncovered = sorted([*uncovered, *lent], key=lambda t: t.start)
    return Coverage(tuple(covered), tuple(uncovered))


# Words that say what kind of work or figure a name is: "the *film* Kung Fu Panda", "the
# *character* Po", "Insidious 4 (*film*)".
_NAME_KINDS = frozenset(
    """film movie character song album novel series show sitcom episode documentary
    band game book musical opera""".split()
)
_KIND_IN_BRACKETS = re.compile(r"\s{0,3}\(\s{0,3}$")


def _phrased(term: Span, claim_text: str, words: AbstractSet[str], window: Window) -> bool:
    """Whether the window states the term by a phrase of its own: a verb with its
    particle, "failed to" by "did not", a light verb by its noun, "plays for" by the
    player's position."""
    return (
        _phrasal_stated(term, claim_text, words, window)
        or _failed_as_not(term, claim_text, window)
        or _promised_as_would(term, claim_text, window)
        or _reported_as_said(term, claim_text, window)
        or light_verb_stated(term, claim_text, window)
        or _plays_for_as_placed(term, claim_text, window)
        or _country_of_the_place(term, claim_text, window)
        or _played_as_met(term, claim_text, window)
        or _watchdog_named(term, window)
        or _ordinal_said_otherwise(term, claim_text, window)
        or _tested_as_cases(term, claim_text, window)
        or _blamed_as_caused(term, claim_text, window)
        or _lived_as_span(term, window)
        or _located_as_placed(term, claim_text, window)
        or _starred_as_a_role(term, window)
        or _held_as_staged(term, claim_text, window)
        or _released_as_discography(term, window)
    )


# An artist's works as their discography lists them: "His discography consists of 32
# studio albums".
_DISCOGRAPHY = re.compile(r"(?i)\bdiscography\b")


def _released_as_discography(term: Span, window: Window) -> bool:
    """Whether "released", said as done, is stated by a discography that counts the works:
    "Barry Manilow released more than 31 studio albums" / "His discography consists of 32
    studio albums" (the count is a typed fact of its own)."""
    return (
        not term.label
        and past_form(term.text.lower())
        and "release" in lexicon.lemmas(term.text.lower())
        and _DISCOGRAPHY.search(window.text) is not None
    )


# An event "held" somewhere, and the passage's words for an event staged there.
_HELD_AT = re.compile(r"(?i)\b(?:was|were|is|are|be|been|being)\s{1,3}held\s{1,3}(?:in|at|on)\b")
_STAGED = re.compile(
    r"(?i)\b(?:took\s{1,3}place|takes\s{1,3}place|(?:was|were|is|are|be|been)\s{1,3}"
    r"(?:played|staged|hosted|contested))\b"
)


def _held_as_staged(term: Span, claim_text: str, window: Window) -> bool:
    """Whether an event the claim says was "held in" a place is stated by a passage that
    says it was played, staged or hosted, or took place ("The final was played at the
    Sydbank Park ... in Haderslev"); the place must be stated on its own."""
    return (
        not term.label
        and term.text.lower() == "held"
        and _HELD_AT.search(claim_text, max(0, term.start - 12), term.end + 6) is not None
        and _STAGED.search(window.text) is not None
    )


# The words of an actor's part in a film or a series: "roles in films such as ...".
_PARTS_HAD = re.compile(r"(?i)\b(?:roles?|starring|starred|stars|cast\s{1,3}(?:as|in))\b")


def _starred_as_a_role(term: Span, window: Window) -> bool:
    """Whether the claim's "starred" is stated by a passage that gives the actor a role:
    "Noah Bean has starred in Nikita" / "Bean had a number of minor roles on the
    television series ... Nikita"; the work must be stated on its own."""
    return (
        not term.label
        and "star" in lexicon.lemmas(term.text.lower())
        and term.text.lower() != "star"
        and _PARTS_HAD.search(window.text) is not None
    )


# Where a claim places something after "located", "situated" or "based": a preposition
# (or a direction and "of") and the first word of the place: "located *in the English*
# Midlands", "located *south-east of Watford*".
_PLACED_AFTER = re.compile(
    r"\s{1,3}((?:[\w-]+\s{1,3})?(?:in|at|on|near|of|outside|within)\s{1,3}"
    r"(?:the\s{1,3})?[\w.'-]+)"
)
_LOCATED = frozenset({"located", "situated", "based", "headquartered", "sited"})


def _located_as_placed(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the claim's "located" is stated by a passage that places the thing with
    the same words: "Leicestershire is located in the English Midlands" / "is a
    landlocked county in the English Midlands"."""
    if term.label or term.text.lower() not in _LOCATED or not claim_text:
        return False
    placed = _PLACED_AFTER.match(claim_text, term.end)
    if placed is None:
        return False
    words = [w for w in placed.group(1).lower().split() if w != "the"]
    text = " ".join(w for w in WORD.findall(window.text.lower()) if w != "the")
    return f" {' '.join(words)} " in f" {text} "


# A life's span in brackets after a name: "Anna Nicole Smith (November 28, 1967 -
# February 8, 2007)", "Doris Richards (1915-2007)".
_LIFE_SPAN = re.compile(
    r"[A-Z][\w'.-]{0,30}\s{0,3}\(\s{0,3}(?:[^();]{0,40};\s{0,3})?[^()]{0,20}?\b\d{4}\s{0,3}"
    r"[-\u2013\u2014]\s{0,3}[^()]{0,20}?\b\d{4}\s{0,3}\)"
)


def _lived_as_span(term: Span, window: Window) -> bool:
    """Whether the claim's "born" or "died" is stated by the span of a life in brackets
    after a name, which gives the days of both."""
    return (
        not term.label
        and term.text.lower() in ("born", "died")
        and bool(_LIFE_SPAN.search(window.text))
    )


# The words that give a cause, up to what they give: "because of", "caused by", "made
# possible by". Coverage reads what follows them as the cause a claim may blame; the
# content judge, as what a claim asserts and never only adds.
CAUSE_PHRASE = (
    r"(?:because\s{1,3}of|due\s{1,3}to|owing\s{1,3}to|caused\s{1,3}by|as\s{1,3}a\s{1,3}result"
    r"\s{1,3}of|blamed\s{1,3}on|thanks\s{1,3}to|brought\s{1,3}on\s{1,3}by|triggered\s{1,3}by"
    r"|sparked\s{1,3}by|made\s{1,3}possible\s{1,3}by|a\s{1,3}consequence\s{1,3}of"
    r"|attributed\s{1,3}to|put\s{1,3}down\s{1,3}to|stemmed\s{1,3}from|resulted\s{1,3}from)"
)
# Blaming something for an outcome, and the passage's words for what caused it: blamed
# "dereliction in ... leadership" / was made possible by "dereliction in ... leadership".
_CAUSED_BY = re.compile(rf"(?i)\b{CAUSE_PHRASE}\s")
# How many of the words after the claim's "blamed" must follow the passage's cause.
_BLAMED_WORDS = 3


def _blamed_as_caused(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the claim's "blamed" is stated by a passage that gives what it blamed as
    the cause: the first words after "blamed" stand right after "caused by", "made
    possible by", "due to" and the like."""
    if term.label or "blame" not in lexicon.lemmas(term.text.lower()) or not claim_text:
        return False
    blamed = [
        w.lower()
        for w in TERM_WORD.findall(claim_text[term.end : term.end + 120])
        if _is_content(w)
    ][:_BLAMED_WORDS]
    if not blamed:
        return False
    text = window.spoken
    for cause in _CAUSED_BY.finditer(text):
        after = {w.lower() for w in TERM_WORD.findall(text[cause.end() : cause.end() + 120])}
        if all(w in after for w in blamed):
            return True
    return False


# People who became cases of a disease, and the cases counted: "27 people had *tested
# positive*" / "27 confirmed cases".
MADE_A_CASE = r"(?:tested\s{1,3}positive|infected|diagnosed|contracted)"
_TESTED_POSITIVE = re.compile(rf"(?i)\b{MADE_A_CASE}\b")
_PEOPLE_BEFORE = re.compile(
    r"(?i)\b(?:people|persons|individuals|patients|residents)\s{1,3}(?:\w+\s{1,3}){0,3}$"
)
_CASES_COUNTED = re.compile(
    r"(?i)\b(?:confirmed|positive|new|reported)\s{1,3}(?:[\w-]+\s{1,3})?cases?\b"
)


def _tested_as_cases(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the claim's people who "tested positive" ("were infected", "had been
    diagnosed") are stated by the confirmed cases the window counts."""
    said = next(
        (m for m in _TESTED_POSITIVE.finditer(claim_text) if m.start() <= term.start < m.end()),
        None,
    )
    return (
        said is not None
        and _PEOPLE_BEFORE.search(claim_text, max(0, said.start() - 40), said.start()) is not None
        and _CASES_COUNTED.search(window.spoken) is not None
    )


# The place of a thing said by its number after it: "season *three*", "Series 2".
_NUMBER_AFTER = r"\s{1,3}(?:no\.?\s{0,3})?(?P<n>\d{1,3}|[a-z]{3,9})\b"
# Words for the first of a series: "her *debut* album", "a *maiden* voyage"; for coverage,
# "its *opening* day" too (a contrast reads no "opening" as an order).
FIRST_OF_SERIES = r"(?:debut|maiden|inaugural)"
_FIRST_WORDS = rf"(?:{FIRST_OF_SERIES}|opening)"


def _ordinal_said_otherwise(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the window states an ordinal by another wording of the same place of the
    same thing (the claim's word after it): "the third season" by "season three" or
    "season 3", "her first album" by "her debut album", "on its first day" by "on its
    opening day"."""
    place = _ordinal_word(term.text) if not term.label or term.label == NUMBER else None
    if place is None or not claim_text:
        return False
    after = _NEXT_WORD.match(claim_text, term.end)
    if after is None:
        return False
    thing = re.escape(singular(after.group(1).lower()))
    text = window.spoken
    for m in re.finditer(rf"(?i)\b{thing}s?{_NUMBER_AFTER}", text):
        if parse_number(m.group("n")) == place:
            return True
    return (
        place == 1
        and re.search(rf"(?i)\b{_FIRST_WORDS}\s{{1,3}}(?:[\w'-]+\s{{1,3}})?{thing}s?\b", text)
        is not None
    )


# A body that oversees others, by the word for it and by the words of its name: "the
# watchdog" is the Independent Office for Police Conduct, the Care Quality Commission,
# the Civil Aviation Authority.
_WATCHDOG_WORDS = frozenset({"watchdog", "watchdogs", "regulator", "regulators"})
_WATCHDOG_NAME = re.compile(
    r"\b(?:Commission|Authority|Inspectorate|Ombudsman|Regulator|Office\s{1,3}(?:for|of))\b"
)


def _watchdog_named(term: Span, window: Window) -> bool:
    """Whether "the watchdog" is stated by a window that names, or was published by, a
    body whose name makes it one ("Independent Office for Police Conduct")."""
    if term.text.lower() not in _WATCHDOG_WORDS:
        return False
    # The source's names that are names (its publisher), not a headline.
    aliases = [
        a for a in window.aliases if all(w[:1].isupper() or w in _NAME_JOINERS for w in a.split())
    ]
    names = [e.text for e in window.entities if e.label == "ORG"] + aliases
    return any(_WATCHDOG_NAME.search(name) for name in names)


# Whom a team or a player "played" for or against, by its name's last word: "played for
# Newcastle United", "played a match against Valencia".
_PLAYED_WITH = re.compile(
    r"\s{1,3}(?:(?:a|an|the)\s{1,3}(?:match|game|final)\s{1,3})?(?P<way>for|against)"
    r"\s{1,3}(?:the\s{1,3})?(?P<name>(?:[A-Z][\w.'&-]*\s{0,3}){1,4})"
)
# What a window says of playing for a team: joining it, signing for it, a spell there.
_JOINED = (
    r"\b(?:join(?:ed|s|ing)?|sign(?:ed|s|ing)?\s{1,3}(?:for|with|by)|(?:spell|season|career|"
    r"stint|loan)\s{1,3}(?:at|with)|move[ds]?\s{1,3}to|transferred\s{1,3}to|debut\s{1,3}for|"
    r"appearances?\s{1,3}for)\s{1,3}(?:the\s{1,3})?(?:[\w'-]+\s{1,3}){0,3}?"
)
# What a window says of playing a match against a side: the match, its result.
_MET = (
    r"\b(?:against|between\s{1,3}(?:[\w'-]+\s{1,3}){1,4}?and|defeat(?:ed)?\s{1,3}(?:to|by)|"
    r"win\s{1,3}over|victory\s{1,3}over|beat|lost\s{1,3}to|draw\s{1,3}with)\s{1,3}"
    r"(?:the\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}?"
)


def _played_as_met(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "played" for or against a side is stated by a window that tells of joining
    it ("Coloccini joined Newcastle United") or of a match against it ("The most recent
    final was between Fulham and Aston Villa", "a 2-1 defeat to the Netherlands"). Only
    the past: joining a club says nothing of whom a player "plays" for now."""
    if term.label or term.text.lower() != "played":
        return False
    found = _PLAYED_WITH.match(claim_text, term.end)
    if found is None:
        return False
    last = found.group("name").split()[-1].rstrip(".")
    said = _JOINED if found.group("way") == "for" else _MET
    return re.search(rf"{said}{re.escape(last)}\b", window.text) is not None


# A place named with the kind of place it is in its country: "the U.S. *state of
# Washington*", "the Australian *city of Perth*".
_PLACE_OF_A_COUNTRY = re.compile(
    r"\.?\s{1,3}(?:state|province|county|city|town|region|territory|prefecture)\s{1,3}of"
    r"\s{1,3}([A-Z][\w'-]*(?:\s{1,3}[A-Z][\w'-]*){0,2})"
)


def _country_of_the_place(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the term is the country of a place the claim names by its kind ("the *U.S*
    state of Washington") and the window names that place: what country a state or a
    city lies in is no news, and the place itself is read as any name."""
    if not term.text[:1].isupper():
        return False
    place = _PLACE_OF_A_COUNTRY.match(claim_text, term.end)
    return (
        place is not None
        and re.search(rf"\b{re.escape(place.group(1))}\b", window.text) is not None
    )


def said_with_its_names(
    term: Span, claim_text: str, covered: Sequence[Span], window: Window
) -> bool:
    """Whether a word the window does not say is stated with the names it does: what
    kind of thing a name is (`_kind_of_a_stated_name`), a work "released" in the year the
    window dates it (`released_as_dated`), an actor's part (`_cast_as_said`)."""
    if term.label:
        return False
    names = [t for t in covered if t.label or t.text[:1].isupper()]
    return (
        _kind_of_a_stated_name(term, claim_text, names)
        or released_as_dated(term, claim_text, window)
        or _cast_as_said(term, claim_text, names, window)
        or _named_in_full(term, claim_text, window)
    )


# "Kyler Murray's middle name is Cole", "Mandy Moore's full name was Amanda Leigh Moore".
_NAME_IS = re.compile(
    r"(?P<who>(?:[A-Z][\w.-]{0,30}\s{1,3}){0,3}[A-Z][\w.-]{0,30})\s{0,3}['’]s?\s{1,3}"
    r"(?P<kind>middle|full|birth|real|given)\s{1,3}name\s{1,3}(?:is|was)\s{1,3}"
    r"(?P<name>(?:[A-Z][\w.'-]{0,30}\s{1,3}){0,3}[A-Z][\w.'-]{0,30})"
)


def _named_in_full(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "middle name" or "full name" is stated by the window's giving the person's
    whole name: "Kyler Cole Murray" states that Kyler Murray's middle name is Cole,
    "Amanda Leigh Moore" that Mandy Moore's full name is Amanda Leigh Moore (the same
    surname)."""
    for said in _NAME_IS.finditer(claim_text):
        if not (said.start("kind") <= term.start < said.end("kind") + 5):
            continue
        who, name = said.group("who").split(), said.group("name").rstrip(".").split()
        if said.group("kind") == "middle":
            pattern = (
                rf"\b{re.escape(who[0])}\s{{1,3}}{re.escape(' '.join(name))}"
                rf"(?:\s{{1,3}}[A-Z][\w.'-]{{0,30}}){{0,2}}?\s{{1,3}}{re.escape(who[-1])}\b"
            )
        elif name[-1] == who[-1]:
            pattern = rf"\b{re.escape(' '.join(name))}\b"
        else:
            return False
        return re.search(pattern, window.named) is not None
    return False


def _kind_of_a_stated_name(term: Span, claim_text: str, names: Sequence[Span]) -> bool:
    """Whether an unstated word only says what kind of thing a name the window states
    is, standing right before the name ("the film Kung Fu Panda") or right after it,
    in brackets or not ("Insidious 4 (film)", "The Little Hours film"): the passage that
    names it tells of that thing."""
    if term.text.lower() not in _NAME_KINDS:
        return False
    for name in names:
        # right before it, or before its article: "the game The Escapist"
        if name.start > term.end and claim_text[term.end : name.start].strip() in ("", "The"):
            return True
        gap = claim_text[name.end : term.start]
        # "Insidious 4 (film)", "The Little Hours film"; not a capitalised word that
        # ends a longer name ("Favorite Country Album")
        if name.end <= term.start and (
            _KIND_IN_BRACKETS.fullmatch(gap) or (gap == " " and term.text.islower())
        ):
            return True
    return False


# Verbs that give an actor a part, and the word for the part: "George Fenneman *plays*
# Dr. Redding", "is *portrayed* by", "played the *role* of".
_CAST_VERBS = frozenset({"play", "portray", "voice", "star"})
_ROLE_WORDS = frozenset({"role", "part"})
# How far a cast name may stand from the verb: "plays the role of", "is portrayed by".
_CAST_REACH = 20


def _cast_as_said(term: Span, claim_text: str, names: Sequence[Span], window: Window) -> bool:
    """Whether a verb that gives an actor a part ("plays", "portrayed", "the role of") is
    stated by a window that names the part with the actor in brackets after it, as a
    plot or a cast list does ("Dr. Redding ( George Fenneman ) shows photos"), or the
    actor "as" the part ("stars David Jason as ... Derek Trotter"), both names being
    stated: "George Fenneman plays Dr. Redding", "Mitchell is portrayed by Andy
    Garcia". Another actor in the brackets ("Danny Zuko ( Domenico Marrulli )") states
    nothing for "John Travolta plays Danny"."""
    lower = term.text.lower()
    if not (_CAST_VERBS & set(lexicon.lemmas(lower)) or lower in _ROLE_WORDS):
        return False
    before = [n for n in names if n.end <= term.start and term.start - n.end <= _CAST_REACH]
    after = [n for n in names if n.start >= term.end and n.start - term.end <= _CAST_REACH]
    if not before or not after:
        return False
    first = _whole_name(max(before, key=lambda n: n.end), names, claim_text)
    second = _whole_name(min(after, key=lambda n: n.start), names, claim_text)
    passive = re.search(r"(?i)\bby\s{1,3}$", claim_text[term.end : second.start]) is not None
    actor, part = (second, first) if passive else (first, second)
    return _in_brackets_after(part.text, actor.text, window.text) or _as_the_part(
        actor.text, part.text, window.text
    )


def _whole_name(name: Span, names: Sequence[Span], claim_text: str) -> Span:
    """A name with the capitalised words that stand right beside it, read as separate
    terms: "Major" and "Lincoln" are "Major Lincoln"."""
    start, end = name.start, name.end
    grown = True
    while grown:
        grown = False
        for other in names:
            if other.end <= start and not claim_text[other.end : start].strip():
                start, grown = other.start, True
            elif other.start >= end and not claim_text[end : other.start].strip():
                end, grown = other.end, True
    return Span(name.label, claim_text[start:end], start, end)


def _in_brackets_after(part: str, actor: str, text: str) -> bool:
    """Whether the actor stands in brackets right after the part: "Pandi ( Parth Mungra )",
    or after the part's whole name, of which the claim gives the first words: "Danny Zuko
    ( Domenico Marrulli )" for "plays Danny"."""
    tail, head = part.split()[-1], actor.split()[0]
    pattern = (
        rf"\b{re.escape(tail)}(?:\s{{1,3}}[A-Z][\w'-]{{0,30}}){{0,2}}\s{{0,3}}\(\s{{0,3}}"
        rf"{re.escape(head)}\b"
    )
    return re.search(pattern, text) is not None


def _as_the_part(actor: str, part: str, text: str) -> bool:
    """Whether the window names the actor "as" the part: "David Jason as ambitious market
    trader Derek `` Del Boy '' Trotter"."""
    tail, head = actor.split()[-1], part.split()[0]
    pattern = (
        rf"\b{re.escape(tail)}\s{{1,3}}as\s{{1,3}}(?:[\w'`-]+\s{{1,3}}){{0,4}}?{re.escape(head)}\b"
    )
    return re.search(pattern, text) is not None


# A work dated by the year before its kind: "is a 2004 American live-action animated
# comedy *film*", "her 2012 debut *album*".
_WORKS = "film|movie|album|song|single|novel|book|game|series|documentary|sitcom|musical"
_DATED_WORK = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d)\s{{1,3}}(?:[\w'-]+\s{{1,3}}){{0,6}}?(?:{_WORKS})\b",
    re.IGNORECASE,
)


# Words before a verb that leave the deed undone: "is *yet to be* released", "was *never*
# released", "*will be* released".
_UNDONE_BEFORE = re.compile(
    r"(?i)\b(?:not|never|yet|to|will|would|may|might|could|should|n't)"
    r"(?:\s{1,3}(?:be|been|have|yet|to|ever))*\s{1,3}$"
)


def released_as_dated(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "released", said as done, is stated by a window that dates a work by the
    year before its kind: "The SpongeBob SquarePants Movie was released before 2005" by
    "is a 2004 American live-action animated comedy film" (the year is a typed fact of
    its own); "is yet to be released" is not."""
    return (
        not term.label
        and past_form(term.text.lower())
        and "release" in lexicon.lemmas(term.text.lower())
        and _UNDONE_BEFORE.search(claim_text, max(0, term.start - 30), term.start) is None
        and (
            _DATED_WORK.search(window.text) is not None
            or _dated_in_brackets(claim_text[: term.start], window.text)
        )
    )


# A title with its year in brackets after it: "Tenebrae ( 1980 )".
_YEAR_IN_BRACKETS = re.compile(
    r"(?<![\w'-])([A-Z][\w'-]*)\s{0,3}\(\s{0,3}(?:1[89]\d\d|20\d\d)\s{0,3}\)"
)
# Works of any kind `_DATED_WORK` knows, one or many: "the standalone *films*".
_WORK_KIND = re.compile(rf"(?i)\b(?:{_WORKS}|documentaries)s?\b")


def _dated_in_brackets(before: str, text: str) -> bool:
    """Whether a window that tells of works dates one the claim names before its verb by
    the year in brackets after its title: "the standalone films Deep Red (1975), Tenebrae
    (1980)" states "Tenebrae was released" (the year is a typed fact of its own)."""
    if _WORK_KIND.search(text) is None:
        return False
    return any(
        re.search(rf"\b{re.escape(m.group(1))}\b", before) for m in _YEAR_IN_BRACKETS.finditer(text)
    )


# Particles that make a verb another: "let *down*", "ruled *out*".
_PARTICLES = "down|off|up|out|away"
_PARTICLE = re.compile(rf"(?i)\s{{1,3}}({_PARTICLES})\b")


def _particle_unsaid(term: Span, claim_text: str, window: Window) -> bool:
    """Whether a verb the claim says with a particle that makes it another ("*ruled*
    out", "*let* down") is stated only without it: "ruled out a new law" is not what
    "the government would bring in" says."""
    if term.label or not claim_text or not _PHRASAL.match(claim_text, term.start):
        return False
    particle = _PARTICLE.match(claim_text, term.end)
    if particle is None:
        return False
    lemmas = set(lexicon.lemmas(term.text.lower()))
    return not any(
        lemmas & set(lexicon.lemmas(m.group(1).lower()))
        and (said := _PARTICLE.match(window.spoken, m.end(1))) is not None
        and said.group(1).lower() == particle.group(1).lower()
        for m in re.finditer(r"\b([A-Za-z]+)\b", window.spoken)
    )


# A claim told as holding now ("*are* its parent companies"), and one told of the past or
# as over ("was", "former").
_HOLDS_NOW = re.compile(r"(?i)\b(?:is|are|remains?|serves?)\b")
_TOLD_AS_PAST = re.compile(
    r"(?i)\b(?:former|formerly|ex|was|were|then|had|until|previous|previously)\b"
)
# A word that says what follows it is over: "its *former* parent companies".
_FORMER_BEFORE = re.compile(
    r"(?i)\b(?:former|ex|erstwhile|one-time|onetime)(?:\s{1,3}|-)(?:[\w'-]+\s{1,3})?$"
)


def _only_as_former(term: Span, claim_text: str, window: Window) -> bool:
    """Whether a claim told as holding now ("Seven and Nine are Sky News Australia's
    parent companies") finds its word only where the window says it is over ("its
    *former* parent companies", "the ex-chairman")."""
    if term.label or not claim_text or not term.text[:1].islower():
        return False
    if _HOLDS_NOW.search(claim_text) is None or _TOLD_AS_PAST.search(claim_text) is not None:
        return False
    root = stem(term.text.lower())
    if len(root) < 3:
        return False
    text = window.spoken
    found = list(re.finditer(rf"(?i)\b{re.escape(root)}\w*", text))
    return bool(found) and all(
        _FORMER_BEFORE.search(text, max(0, m.start() - 40), m.start()) for m in found
    )


_PARTICLE_AFTER = re.compile(rf"\s{{1,3}}({'|'.join(lexicon.PARTICLES)})\b", re.IGNORECASE)


_OF_NEXT = re.compile(r"(?i)\s{1,3}of\b")


def _particle_added(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the window says a verb of the claim only with a particle that makes it
    another verb, and states it by no other word: "the dam *held* firm" is not stated by
    "the dam that holds back the reservoir" ("hold back" is to restrain)."""
    if term.label or not claim_text or _PARTICLE_AFTER.match(claim_text, term.end):
        return False
    lower = term.text.lower()
    lemmas = set(lexicon.lemmas(lower))
    if not lemmas - {lower}:
        return False  # no verb's inflected form ("held"): a noun, a bare word
    text = window.named
    with_particle, plain = _particled(text)
    if not lemmas & with_particle or lemmas & plain:
        return False  # (the common case, read from the window's words once)
    blanked = list(text)
    for m in TERM_WORD.finditer(text):
        if lemmas & set(lexicon.lemmas(m.group(0).lower())):
            blanked[m.start() : m.end()] = " " * (m.end() - m.start())
    words, stems = _said("".join(blanked))
    return not _stated(term, words, stems, window)


@lru_cache(maxsize=4096)
def _particled(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of the words a text says with a particle that makes them another verb
    ("holds back"), and of those it says without one. A window is read for every term of
    every claim of an article: once is enough."""
    with_particle: set[str] = set()
    plain: set[str] = set()
    for m in TERM_WORD.finditer(text):
        lemmas = lexicon.lemmas(m.group(0).lower())
        particle = _PARTICLE_AFTER.match(text, m.end())
        joined = (
            particle is not None
            and lexicon.phrasal(m.group(0), particle.group(1))
            # ("washed out of a trench onto the track": "out of" is a preposition)
            and not _OF_NEXT.match(text, particle.end())
        )
        (with_particle if joined else plain).update(lemmas)
    return frozenset(with_particle), frozenset(plain)


def _phrasal_stated(term: Span, claim_text: str, words: AbstractSet[str], window: Window) -> bool:
    """Whether a verb the claim says with its particle ("*stepped* down") is stated, as the
    verb the two make, by another word of the window ("resigned")."""
    if term.label or not claim_text:
        return False
    particle = _PARTICLE_AFTER.match(claim_text, term.end)
    joined = particle and lexicon.phrasal(term.text, particle.group(1))
    if not joined:
        return False
    withheld = _not_in_other_words(window.spoken)
    return _in_other_words(joined, frozenset(words) - withheld)


# "failed to" and the verb it fails: "*failing* to declare two cautions".
_FAILED_TO = re.compile(r"(?i)\s{1,3}to\s{1,3}([a-z]+)\b")
FAIL_FORMS = frozenset({"fail", "fails", "failed", "failing"})
# A negation right before a verb: "had not declared", "could not reach", "never paid".
_NOT_BEFORE = re.compile(r"(?i)\b(?:not|never|n't)\s{1,3}(?:been\s{1,3}|be\s{1,3})?$")
# A promise and the verb it promises: "*promised* to \"carefully consider\" every ...".
_PROMISED_TO = re.compile(r"(?i)\s{1,3}to\s{1,3}[\"\u201c']?(?:[a-z]+ly\s{1,3})?([a-z]+)\b")
_PROMISE_LEMMAS = frozenset({"promise", "pledge", "vow", "undertake"})
# "would" or "will" right before a verb: "said it *would* carefully consider".
_WOULD_BEFORE = re.compile(r"(?i)\b(?:would|will|'ll)\s{1,3}(?:[a-z]+ly\s{1,3})?$")


def _failed_as_not(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "failed" before "to" and a verb is stated by the window's negation of that
    verb: "found guilty of gross misconduct for *failing* to declare two cautions" by "he
    had not declared two cautions"; "failed to reach a verdict" by "could not reach a
    verdict". The verb itself is a term of its own."""
    if term.label or not claim_text or term.text.lower() not in FAIL_FORMS:
        return False
    return _verb_said_after(claim_text, term.end, _FAILED_TO, window, _NOT_BEFORE)


def _promised_as_would(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "promised" (pledged, vowed) before "to" and a verb is stated by the
    window's "would" or "will" and that verb: "the regulator promised to carefully
    consider every recommendation" by "the CAA said it would carefully consider all of
    the recommendations". The verb itself is a term of its own."""
    if term.label or not claim_text:
        return False
    if not _PROMISE_LEMMAS & set(lexicon.lemmas(term.text.lower())):
        return False
    return _verb_said_after(claim_text, term.end, _PROMISED_TO, window, _WOULD_BEFORE)


# Verbs that report what someone said and add nothing to what it was, and the words of
# a passage that say someone said it.
_REPORTING_LEMMAS = frozenset(
    "warn add note explain state remark comment call describe brand dub".split()
)
_SAYING = frozenset("say says said saying told tells added adds stated statement".split())
# What follows a reporting verb that reports words ("warned that", 'added: "'), or
# stands before one that follows them ('..." she warned').
_REPORTS_AFTER = re.compile(r"(?i)(?:\s{1,3}[\w'-]+){0,3}?\s{0,3}(?:\bthat\b|[:\"“])")
_REPORTED_BEFORE = re.compile(r"[,.!?][\"”]\s{1,3}(?:[\w'-]+\s{1,3}){0,3}$")


def _reported_as_said(term: Span, claim_text: str, window: Window) -> bool:
    """Whether a verb that reports words ("warned", "added", "noted", "calling the crash
    'an accident ...'") is stated by a window that says someone said them: "who warned
    that there was a risk the dam could break" by 'said: "... There's a risk the dam
    could break."'. What was said is terms of its own; "warned off lending" reports no
    words."""
    if term.label or not claim_text:
        return False
    if not _REPORTING_LEMMAS & set(lexicon.lemmas(term.text.lower())):
        return False
    if not _SAYING & {w.lower() for w in re.findall(r"[A-Za-z]+", window.text)}:
        return False
    return bool(
        _REPORTS_AFTER.match(claim_text, term.end)
        or _REPORTED_BEFORE.search(claim_text, 0, term.start)
    )


# Verbs that say no more than the object they take, by the objects they are light
# with: a film *received* the reviews a source counts or calls mixed ("was met with
# mixed reviews", "based on 180 reviews"); a country *conducted* the tests a source says
# were performed or processed.
_LIGHT_VERBS = (
    (
        frozenset("receive get garner draw attract".split()),
        frozenset("review acclaim praise criticism nomination rating score".split()),
    ),
    (
        frozenset("conduct perform carry process run administer".split()),
        frozenset("test census survey poll".split()),
    ),
    # A tally kept: "had recorded less than 7,200 COVID-19 cases" / "had 7,138 confirmed
    # cases"; "registered 53 deaths" / "53 deaths".
    (
        frozenset("record register log tally".split()),
        frozenset("case death infection recovery fatality".split()),
    ),
)
_OBJECT_AFTER = re.compile(r"(?:\s{1,3}(?:out\s{1,3})?[\w'%/.,-]+){1,6}")


def light_verb_stated(term: Span, claim_text: str, window: Window) -> bool:
    """Whether a light verb ("received", "conducted") is stated by the window's stating the
    object it takes in the claim, within six words after it: "received mixed reviews",
    "had conducted more than 15,500 COVID-19 tests", "recorded more than seven active
    COVID-19 cases". Another verb is never light: "gave", "returned" and "cancelled" say
    what was done with the reviews or the tests."""
    if term.label or not claim_text:
        return False
    lemmas = set(lexicon.lemmas(term.text.lower()))
    if not any(lemmas & verbs for verbs, _ in _LIGHT_VERBS):
        return False
    after = _OBJECT_AFTER.match(claim_text, term.end)
    if after is None:
        return False
    nouns = {
        lemma
        for w in re.findall(r"[A-Za-z]+", after.group(0).lower())
        for lemma in lexicon.lemmas(w)
    }
    words, stems = _said(window.named)
    for verbs, objects in _LIGHT_VERBS:
        needed = nouns & objects if lemmas & verbs else set()
        if any(stem(n) in stems for n in needed) or any(
            needed & set(lexicon.lemmas(w)) for w in words
        ):
            return True
    return False


# "plays for the New York Giants": the team after "for", up to four capitalised words.
_FOR_TEAM = re.compile(r"\s{1,3}for\s{1,3}(?:the\s{1,3})?((?:[A-Z][\w.'&-]*\s{0,3}){1,4})")
# The position a player plays in, up to its last word: "plays *as a wide receiver*".
_PLAYS_AS = re.compile(
    r"\s{1,3}as\s{1,3}(?:(?:an?|the)\s{1,3})?(?:[a-z-]+\s{1,3}){0,3}?([a-z-]+)"
    r"(?=\s{1,3}for\b|\s{0,3}[,.;]|\s{0,3}$)"
)
# A position given as what someone is: "is an American football *left offensive tackle*",
# its last word, before "for" a team or the end of the clause.
_PLACED_AS = re.compile(
    r"\b(?:is|are)\s{1,3}(?:an?|the)\s{1,3}(?:[A-Za-z-]+\s{1,3}){0,5}?([a-z-]+)"
    r"(?=\s{1,3}(?:for|of|with|who|in)\b|\s{0,3}[,.;]|\s{0,3}$)"
)
# What makes a player's place a past one: "a retired ... centre forward", "formerly".
_NO_LONGER = re.compile(r"(?i)\b(?:former|formerly|retired|ex-|once|previously|until)\b")


def _plays_for_as_placed(term: Span, claim_text: str, window: Window) -> bool:
    """Whether "plays for" a team is stated by a window that gives the player's position
    for it: "is an American football defensive tackle for the New York Giants" states
    "plays for New York Giants"; not a "retired" or "former" one, nor "played for"."""
    if term.label or term.text.lower() not in ("plays", "play"):
        return False
    text = window.text
    if _NO_LONGER.search(text):
        return False
    placed = _PLAYS_AS.match(claim_text, term.end)
    at = placed.end() if placed else term.end
    team = _FOR_TEAM.match(claim_text, at)
    if team is None:
        # "plays as a left offensive tackle": the position the window gives ("is an
        # American football left offensive tackle").
        position = placed.group(1).lower() if placed else None
        return position is not None and any(
            m.group(1).lower() == position for m in _PLACED_AS.finditer(text)
        )
    # A sentence's full stop is no part of the name: "for the Ruritania Giants."
    name = team.group(1).strip().rstrip(".")
    return any(
        same_name(name, found.group(1).strip().rstrip("."))
        for found in _FOR_TEAM.finditer(text)
        if re.search(r"\b(?:is|are)\s{1,3}(?:an?|the)\b", text[: found.start()])
    )


def _verb_said_after(
    claim_text: str, end: int, verb_after: re.Pattern[str], window: Window, lead: re.Pattern[str]
) -> bool:
    """Whether the verb the claim gives after `end` (`verb_after`'s group 1) stands in the
    window with `lead` right before it: "not" for "failed to", "would" for "promised to"."""
    verb = verb_after.match(claim_text, end)
    if verb is None:
        return False
    lemmas = set(lexicon.lemmas(verb.group(1).lower()))
    spoken = window.spoken
    return any(
        lemmas & set(lexicon.lemmas(m.group(0).lower()))
        and lead.search(spoken, max(0, m.start() - 24), m.start()) is not None
        for m in re.finditer(r"\b[A-Za-z]{2,30}\b", spoken)
    )


_BE_BEFORE = re.compile(r"(?i)\b(?:is|was|are|were|been|be|being|am)\s{1,3}$")


def _verb_by_a_noun(term: Span, claim_text: str, words: AbstractSet[str]) -> bool:
    """Whether a verb of the claim in -ing after "was" ("was *meeting* its duty") is
    stated only through the lexicon by words that are no verb's forms ("council", whose
    other sense is a meeting): a verb is stated by a verb."""
    lower = term.text.lower()
    if term.label or not lower.endswith("ing") or not claim_text:
        return False
    if not _BE_BEFORE.search(claim_text, max(0, term.start - 12), term.start):
        return False
    lemmas = set(lexicon.lemmas(lower))
    if any(lemmas & set(lexicon.lemmas(w)) for w in words):
        return False  # the verb itself, in any form
    inflected = frozenset(w for w in words if any(lemma != w for lemma in lexicon.lemmas(w)))
    return not _in_other_words(lower, inflected)


# Words after a place's name that make the name a club's: "Sheffield Wednesday",
# "Manchester United", "Nottingham Forest".
_CLUB_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday united rovers athletic
    wanderers albion rangers celtic fc hotspur forest""".split()
)
_NEXT_WORD = re.compile(r" ([A-Za-z][\w'-]*)")


def _club_not_place(term: Span, claim_text: str, window: Window) -> bool:
    """Whether a place the claim names by itself stands in the window only as the first
    word of a club's name: "the inquests in Sheffield" is not stated by "secretary of
    Sheffield Wednesday"."""
    if ROLES.get(term.label) != "place" or " " in term.text:
        return False
    if _NEXT_CAPITAL.match(claim_text, term.end):
        return False  # the claim's own longer name
    found = list(re.finditer(rf"(?<![\w-]){re.escape(term.text)}(?![\w-])", window.spoken))
    return bool(found) and all(
        (after := _NEXT_WORD.match(window.spoken, m.end())) is not None
        and after.group(1).lower().removesuffix("'s") in _CLUB_WORDS
        for m in found
    )


# Initials that stand for words: two to six capitals ("HR", "NHS"), and the short words
# they skip between the words they stand for ("Department *for* Education").
_INITIALS = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
_SKIPPED = r"(?:(?:of|for|and|the|on|in|&)\s{1,3})?"


def _spelled(initials: str) -> re.Pattern[str]:
    """The words that a run of initials stands for, as a pattern: "HR" -> "h... r..."."""
    parts = [rf"{letter}[\w'\u2019-]*" for letter in initials]
    return re.compile(r"(?i)(?<![\w-])" + (r"\s{1,3}" + _SKIPPED).join(parts) + r"(?![\w-])")


# Initials written with a small letter for a short word: "TfL", "DfE".
_MIXED_INITIALS = re.compile(r"[A-Z](?:[A-Za-z]){1,5}")


def initials_of(short: str, name: str) -> bool:
    """Whether `short` is the initials of `name`: "NHS" of "National Health Service",
    "TfL" of "Transport for London" (its short words' letters written small, or left
    out: "TL")."""
    if not _MIXED_INITIALS.fullmatch(short) or sum(ch.isupper() for ch in short) < 2:
        return False
    return _spelled(short).fullmatch(re.sub(r"(?i)^the\s+", "", name.strip())) is not None


def _initials_stated(term: Span, claim_text: str, window: Window) -> bool:
    """Whether the window spells out initials the claim uses ("finance and *HR*" /
    "finance and human resources"), or uses initials for words the claim spells out:
    initials are read against every window, not only the names of the lexicon's list."""
    if _INITIALS.fullmatch(term.text) or (
        _MIXED_INITIALS.fullmatch(term.text) and sum(ch.isupper() for ch in term.text) >= 2
    ):
        # A name's initials stand for a name: "US" is not "under the skin".
        return any(
            not term.label or all(w[:1].isupper() for w in run.group(0).split() if len(w) > 3)
            for run in _spelled(term.text).finditer(window.spoken)
        )
    if term.label or not claim_text or not term.text[:1].isalpha():
        return False
    for found in _INITIALS.finditer(window.spoken):
        if found.group(0).lower() in STOPWORDS:
            continue  # "IT", "US": a word in capitals, as likely as initials
        for run in _spelled(found.group(0)).finditer(claim_text):
            if run.start() <= term.start and term.end <= run.end():
                return True
    return False


# How close a lexicon relation ties two words, closest first.
_RELATION_RANK = {
    lexicon.Relation.SAME: 0,
    lexicon.Relation.DERIVED: 1,
    lexicon.Relation.SYNONYM: 2,
    lexicon.Relation.SPECIFIC: 3,
}


# A word the lexicon ties to another that is not one of its forms: "comedy" / "drama".
_OTHER_WORDS = frozenset({lexicon.Relation.SYNONYM, lexicon.Relation.SPECIFIC})


def _lent_twice(
    covered: Sequence[Span], words: frozenset[str], stems: frozenset[str]
) -> list[Span]:
    """The claim's words that only the lexicon states, through a passage word that states
    another of them more closely: one word of the passage says one thing. "The advice to
    residents to *leave* should have been *dropped*" is not stated by "the advice should
    have been *abandoned*": "abandoned" is "dropped", so it is not also "leave"."""
    lexical = [
        t
        for t in covered
        if not t.label
        and (lower := t.text.lower()).isalpha()
        and lower not in words
        and stem(lower) not in stems
        and _ordinal_word(t.text) is None
    ]
    own = {t.text.lower() for t in covered}
    # A word stated only by the claim's word right beside it: "a comedy *drama*" is not
    # stated by "a heist comedy film", whose "comedy" is the claim's "comedy" (a verb
    # aside, which the lexicon ties more loosely: "took over" / "its new leader"). Two
    # words apart may name one thing twice ("the championship ... this tournament").
    beside = {
        (a.text.lower(), b.text.lower())
        for a, b in pairwise(sorted(covered, key=lambda t: t.start))
        if b.start - a.end <= 1
    }
    taken = [
        t
        for t in lexical
        if not past_form(t.text)
        and (said := [w for w in words if lexicon.relation(t.text.lower(), w) in _RELATION_RANK])
        and all(
            lexicon.relation(t.text.lower(), w) in _OTHER_WORDS
            and {(w, t.text.lower()), (t.text.lower(), w)} & beside
            for w in said
        )
    ]
    if len(lexical) < 2:
        return taken
    ways: list[tuple[int, int, Span, list[str]]] = []
    for term in lexical:
        if term in taken:
            continue
        lower = term.text.lower()
        found = []
        for w in words:
            relation = lexicon.relation(lower, w) if w not in own else None
            if relation in _RELATION_RANK:
                found.append((_RELATION_RANK[relation], w))
        if found:
            best = min(rank for rank, _ in found)
            ways.append((best, len(found), term, [w for _, w in sorted(found)]))
    if len(ways) < 2:
        return taken
    used: set[str] = set()
    lent: list[Span] = list(taken)
    for _, _, term, options in sorted(ways, key=lambda w: (w[0], w[1], w[2].start)):
        free = [w for w in options if w not in used]
        if free:
            used.add(free[0])
        else:
            lent.append(term)
    return lent


def _lent_to_the_claim(
    covered: Sequence[Span],
    words: frozenset[str],
    stems: frozenset[str],
    claim_text: str,
    passage_text: str,
    names: Sequence[tuple[int, int]] = (),
) -> list[Span]:
    """The claim's words that only the lexicon states, through a passage word that the
    claim itself says elsewhere in another form, and that the passage says fewer times
    than the claim says the word: "MI5 had *taken* 'a significant opportunity' to *take*
    action" is not stated by "MI5 missed 'a significant opportunity' to *take* action",
    whose one "take" is the claim's own "take". "Banned ... a ban" is stated by
    "regulations that ban ... The ban takes effect"."""
    if not claim_text:
        return []
    lent = []
    by_lemma = _words_by_lemma(claim_text)
    for term in covered:
        lower = term.text.lower()
        if term.label or not lower.isalpha() or lower in words or stem(lower) in stems:
            continue
        elsewhere = list(
            {
                (start, end): word
                for lemma in lexicon.lemmas(lower)
                for word, start, end in by_lemma.get(lemma, ())
                if not (start < term.end and term.start < end)
                and not _overlaps(start, end, names)  # "houses" / "Department of Housing"
            }.values()
        )
        if not elsewhere:
            continue
        # The passage's words for it (a paraphrase beside the claim's other word,
        # "apologised, saying he was sorry", is stated by that one word).
        ways = [w for w in words if lexicon.relation(lower, w) in _RELATION_RANK]
        if ways and all(w in elsewhere for w in ways):
            said = sum(_times(w, passage_text) for w in ways)
            if said <= len(elsewhere):
                lent.append(term)
    return lent


def _times(word: str, text: str) -> int:
    """How many times a text says a word, whole, in any case."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))


@lru_cache(maxsize=256)
def _words_by_lemma(claim_text: str) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """The claim's words (lower case, start, end) by each of their lemmas, read once a
    claim: "taken" and "take" both under "take"."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for m in TERM_WORD.finditer(claim_text):
        word = m.group(0).lower()
        for lemma in set(lexicon.lemmas(word)):
            found.setdefault(lemma, []).append((word, m.start(), m.end()))
    return {lemma: tuple(words) for lemma, words in found.items()}


# --- helpers ----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _said(whole: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words and stems a window's text says, its phrases' verbs among them ("found him
    guilty": "convict"). A passage is read for many claims of an article: once is enough."""
    # "Eight years old" says an age, not "old": it states neither "oldest" nor "older";
    # "review the reports in full" says how, not that anything is full.
    plain = _IN_FULL.sub(" ", _AGE_OLD.sub(" ", whole))
    words = {_bare(w).lower() for w in TERM_WORD.findall(plain)}
    words |= {w.replace("-", "") for w in words if "-" in w}
    words |= {plain_letters(w) for w in words if not w.isascii()}  # "Québécois"
    words |= {lemma for lemma, _, _ in lexicon.phrases(whole)}
    # A verb with its particle is a word of its own: "set up" states "founded".
    words |= set(lexicon.phrasal_verbs(whole))
    return frozenset(words), frozenset(stem(w) for w in words)


_IN_FULL = re.compile(r"(?i)\bin\s{1,3}(?:full|part)\b")
_AGE_OLD = re.compile(r"(?i)(?<=\byears)\s{1,3}old\b|(?<=\byear)\s{1,3}old\b")


@lru_cache(maxsize=16384)
def _ordinal_word(word: str) -> int | None:
    return parse_ordinal(word)


def _untagged_names(text: str, taken: Sequence[tuple[int, int]]) -> list[Span]:
    """Runs of two or more capitalised words that no entity or judged span covers.

    A function word that opens the sentence is no part of a name: "After MPs" is "MPs".
    """
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        start, run = m.start(), m.group(0)
        first = run.split()[0]
        if first.lower() in STOPWORDS or first.lower() in FRAME_WORDS:
            rest = run[len(first) :].lstrip()
            if len(rest.split()) < 2:
                continue
            start, run = m.end() - len(rest), rest
        if not _overlaps(start, m.end(), taken):
            # A run that ends in a person's letters is a person: "Dijen Basu KC".
            label = "PERSON" if _PERSON_LETTERS.search(run) else NAME
            found.append(Span(label, run, start, m.end()))
    return found


# Letters after a person's name: "KC", "QC", "MP", "CBE".
_PERSON_LETTERS = re.compile(r"\s(?:KC|QC|MP|MSP|CBE|OBE|MBE|KBE|DBE)$")


def untagged_names(text: str, entities: Sequence[Span]) -> list[Span]:
    """A passage's runs of capitalised words that its tagged entities do not cover."""
    return _untagged_names(text, [(e.start, e.end) for e in entities])


@lru_cache(maxsize=65536)
def _bare(word: str) -> str:
    """A word without its possessive ending: "inquiry's" -> "inquiry"."""
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _is_content(word: str) -> bool:
    lower = word.lower().replace("\u2019", "'")
    lower = lower.removesuffix("'s")
    return (
        len(lower) > 1
        and lower not in STOPWORDS
        and lower not in FRAME_WORDS
        and lower not in LIGHT_WORDS
        and not NEGATION.fullmatch(lower)
    )


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _stated(term: Span, words: AbstractSet[str], stems: AbstractSet[str], window: Window) -> bool:
    place = _ordinal_word(term.text) if not term.label or term.label == NUMBER else None
    if place is not None:  # "17th" is stated by "seventeenth"
        return any(value == place for value, _ in ordinals(window.spoken))
    if term.label == NUMBER and _GRADE.fullmatch(term.text):
        return _grade(term.text) in {_grade(m.group(0)) for m in grades(window.spoken)}
    if term.label == NUMBER and _RECORD.fullmatch(term.text):
        return _parts(term.text) in {_parts(r) for r in _RECORD.findall(window.spoken)}
    if term.label == NUMBER:
        # The title counts: "Chapter 3" of a page called "Insidious: Chapter 3".
        whole = window.named
        digits = _DIGIT_ORDINAL.sub("", term.text).replace(",", "")  # a day's "13th"
        said = {n.replace(",", "") for n in _NUMBER.findall(whole)}
        said |= {y for m in _NUMBER.finditer(whole) if (y := _season_year(whole, m))}
        return digits in said
    if (town := _TOWN_BY.fullmatch(term.text)) and re.search(rf"\b{town.group(1)}\b", window.text):
        return True
    if "-" in term.text and compound_rival(term.text, window.text) is not None:
        return False
    if _alias_stated(term.text, words):
        return True
    if term.label:
        return _name_stated(term.text, words, window, place=ROLES.get(term.label) == "place")
    lower = term.text.lower()
    if _only_prefixed(lower, window.named):
        return False  # "semi-professional" does not say "professional"
    if (
        term.text[:1].islower()
        and lower in words
        and past_form(lower)
        and not _lower_case_in(lower, window.named)
    ):
        return False  # "met the standard" is not stated by "the Met's response"
    if lower in words or lower.replace("-", "") in words or plain_letters(lower) in words:
        return True
    if any(other in words for other in month_spellings(lower)):
        return True  # "November" by "Nov 14, 2018"
    # A compound is stated by its parts standing together: "well-known" by "well known",
    # "Manchester-born" by "born in Manchester", not "country-pop" by a "country band"
    # with "pop" elsewhere ("co-operation" by "cooperation" is read above); "Indian-born"
    # by "born in India" is not read.
    if "-" in lower.strip("-") and _parts_together(lower, window):
        return True
    if stem(lower) in stems and any(_same_stem(lower, w) for w in words):
        return True
    withheld = _not_in_other_words(window.spoken) & words
    return _in_other_words(lower, frozenset(words) - withheld) or any(
        lexicon.relation(lower, w) == lexicon.Relation.SAME for w in withheld
    )


@lru_cache(maxsize=1024)
def _not_in_other_words(text: str) -> frozenset[str]:
    """Words of a text that say nothing else in other words: a verb that reports a
    finding ("had admitted at the inquests that": no "allowed"), one only said with a
    particle that makes it another verb ("let down": no "allowed"), and a word only
    said inside a name ("the Independent Police Complaints Commission": no "allowed")."""
    reporting = {m.group(1).lower() for m in _FINDING_AFAR.finditer(text)}
    with_particle = {m.group(1).lower() for m in _PHRASAL.finditer(text)}
    alone = {
        m.group(1).lower()
        for m in re.finditer(rf"\b([A-Za-z]+)\b(?!\s{{1,3}}(?:{_PARTICLES})\b)", text)
    }
    named = {m.group(1).lower() for m in NAME_WORD.finditer(text) if len(m.group(1)) > 1}
    plain = {w for w in TERM_WORD.findall(text) if w[:1].islower()}
    return frozenset(reporting | (with_particle - alone) | (named - plain))


# A verb and the particle that makes it another: "let down", "put off", "set up",
# "ruled out".
_PHRASAL = re.compile(
    r"(?i)\b((?:let|lets|letting|put|puts|putting|set|sets|setting|turn(?:s|ed|ing)?"
    r"|break(?:s|ing)?|broke|call(?:s|ed|ing)?|carr(?:y|ies|ied|ying)|pull(?:s|ed|ing)?"
    r"|get|gets|got|getting|cut|cuts|cutting|back(?:s|ed|ing)?|sum(?:s|med|ming)?"
    r"|shut|shuts|hold|holds|held|stand|stands|stood|step(?:s|ped|ping)?|kick(?:s|ed|ing)?"
    r"|write|writes|wrote|written|wipe[sd]?|rule[sd]?|play(?:s|ed|ing)?|take[sn]?|took))"
    rf"\s{{1,3}}(?:{_PARTICLES})\b"
)


# FINDING, with a few words before its "that": "had admitted at the inquests that".
_FINDING_AFAR = re.compile(rf"(?i)\b{_FINDING_VERBS}(?:\s{{1,3}}[\w'-]+){{0,4}}?\s{{1,3}}that\b")


# Words that place a relative by age ("his *younger* brother Hashem"), each with the
# word that places the other of the pair (said of Hashem, Salman is the "older
# brother"); and the relatives they place.
BY_AGE = {
    "older": "younger", "younger": "older", "elder": "younger", "eldest": "youngest",
    "youngest": "eldest",
}  # fmt: skip
KIN = frozenset(
    """brother brothers sister sisters son sons daughter daughters sibling siblings child
    children cousin cousins""".split()
)
# A relative after a word that places it, and the name after it, if any: "brother
# Hashem", "brother".
KIN_AFTER = re.compile(r"\s{1,3}(\w+)(?:\s{1,3}([A-Z][\w'-]*))?")


def kin_checked(claim_text: str, coverage: Coverage, window: Window) -> Coverage:
    """The coverage, with a word that places a named relative by age ("his older
    brother Hashem") uncovered unless the window gives it to that name: "his older
    brother Salman" does not state it, nor does "eight years old"."""
    moved = []
    for term in coverage.covered:
        if term.label or term.text.lower() not in BY_AGE:
            continue
        mine = KIN_AFTER.match(claim_text, term.end)
        if mine is None or mine.group(1).lower() not in KIN or mine.group(2) is None:
            continue
        if mine.group(2) not in kin_named(term.text, mine.group(1), window.named):
            moved.append(term)
    return coverage.uncovering(moved)


# A relative, by how they are related: "the *brother* of Sophie Cohen".
KIN_OF = frozenset(
    """brother sister son daughter father mother parent child husband wife grandson
    granddaughter grandfather grandmother grandchild uncle aunt nephew niece cousin
    stepson stepdaughter stepfather stepmother""".split()
)
# A relative's word and the name after "of": "brother of Sophie Rose Cohen".
_KIN_OF_NAME = re.compile(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?([A-Z][\w'-]*)")


def kin_of_checked(claim_text: str, coverage: Coverage, window: Window) -> Coverage:
    """The coverage, with a relative said "of" someone ("the brother of Sophie Rose
    Cohen") uncovered where the window gives that person another relative and never this
    one: "the adoptive brother of Ryan Atwood and the grandson of Sophie Rose Cohen"."""
    moved = []
    text = window.spoken
    for term in coverage.covered:
        lower = term.text.lower()
        if term.label or singular(lower) not in KIN_OF:
            continue
        name = _KIN_OF_NAME.match(claim_text, term.end)
        if name is None:
            continue
        said = [
            m.group(1).lower()
            for m in re.finditer(
                rf"(?<![A-Za-z-])([A-Za-z-]+)\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?"
                rf"{re.escape(name.group(1))}\b",
                text,
            )
        ]
        kin = {singular(w) for w in said} & KIN_OF
        if kin and singular(lower) not in kin:
            moved.append(term)
    return coverage.uncovering(moved)


# Verbs of going that, with "back" or "home" after them, say "returned": "had flown back
# from Libya" is what "had returned to Manchester from Libya" says.
_GOING = frozenset("fly come go travel head get drive sail walk move".split())
_BACK = re.compile(r"\s{1,3}(?:back|home)\b", re.IGNORECASE)
# A child said of its parents, and parents of their child: "the son of Libyan refugees"
# is what "his parents had come to Britain as refugees" says.
_CHILDREN = frozenset("son sons daughter daughters child children".split())
_PARENTS = frozenset("parent parents mother father".split())
_OF = re.compile(r"\s{1,3}of\b", re.IGNORECASE)
# "Come into force": a law that is enforced, or takes effect.
_INTO = re.compile(r"\binto\s{1,3}$", re.IGNORECASE)


# What a passage says for "except": "apart from spending to protect vulnerable people".
_EXCEPT = re.compile(
    r"(?i)\b(?:apart\s{1,3}from|other\s{1,3}than|aside\s{1,3}from|excluding|exception|save\s{1,3}for)\b"
)
# What one faces when charged: "faced four counts of misconduct", "faces charges".
_CHARGES_AFTER = re.compile(
    r"(?i)\s{1,3}(?:[\w-]+\s{1,3}){0,2}?(?:counts?|charges?|accusations?|prosecution|trial)\b"
)
# "bound by law", "bound to provide": an obligation.
_BY_LAW = re.compile(r"(?i)\s{1,3}(?:by|to)\b")
# "made worse", "making matters worse": a verb of making right before.
_MADE_BEFORE = re.compile(
    r"(?i)\b(?:made|make|makes|making)\s{1,3}(?:(?:it|things|matters|this|that)\s{1,3})?$"
)
# A seat on a body: "sat in the cabinet", "sits on the board of".
_SITTING = frozenset({"sat", "sit", "sits", "sitting"})
_ON_A_BODY = re.compile(
    r"(?i)\s{1,3}(?:in|on)\s{1,3}(?:the\s{1,3})?(?:[\w'-]+\s{1,3}){0,2}?"
    r"(?:cabinet|board|committee|council|panel|bench|executive|commission|assembly|parliament)\b"
)
# What a passage says for "outside" a country: "$349.1 million in other territories".
_ELSEWHERE = re.compile(
    r"(?i)\b(?:other\s{1,3}(?:territories|countries|markets)|internationally|overseas|abroad)\b"
)


# The ends of a range: "the youngest was 10 and the oldest 67" is what "aged between 10
# and 67" says.
_LOW_END = frozenset("youngest smallest lowest shortest earliest fewest cheapest".split())
_HIGH_END = frozenset("oldest largest biggest highest longest latest greatest".split())
_RANGE = re.compile(
    rf"(?i)\b(?:between|from)\s{{1,3}}(\d+(?:[.,]\d+)?)\s{{1,3}}(?:and|to)\s{{1,3}}(\d+(?:[.,]\d+)?)\b"
    rf"|(?<![\w.,])(\d+(?:[.,]\d+)?)\s?[{_DASHES[:-1]}]\s?(\d+(?:[.,]\d+)?)(?![\w.,])"
)
# How far after the word for an end the claim gives its figure ("the youngest of the
# dead was only 10").
END_REACH = 40
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\d])")


def _range_end(claim_text: str, term: Span, window: Window) -> bool:
    """Whether the claim's word for the end of a range ("youngest", "oldest") is said
    by the window's range whose end is the claim's figure after that word."""
    lower = term.text.lower()
    if lower not in _LOW_END and lower not in _HIGH_END:
        return False
    figure = _FIGURE.search(claim_text, term.end, term.end + END_REACH)
    if figure is None:
        return False
    return any(
        figure.group(0) == (low if lower in _LOW_END else high)
        for low, high in ranges(window.spoken)
    )


def ranges(text: str) -> list[tuple[str, str]]:
    """The ranges a text gives, low end and high end as written: ("10", "67") for "aged
    between 10 and 67"."""
    return [
        (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        for m in _RANGE.finditer(text)
    ]


def end_named(claim_text: str, at: int) -> str | None:
    """Which end of a range the claim's figure at `at` is, by the word for it just
    before ("the youngest ... was only 10": "low"), or None."""
    words = TERM_WORD.findall(claim_text[max(0, at - END_REACH) : at])
    for word in reversed(words):
        if word.lower() in _LOW_END:
            return "low"
        if word.lower() in _HIGH_END:
            return "high"
    return None


def phrases_read(claim_text: str, coverage: Coverage, window: Window) -> Coverage:
    """The coverage, with claim words that a phrase of the claim says in other words
    stated by the window that says them so: a verb of going with "back" ("flew
    back") by "returned"; a child "of" its parents ("the son of Libyan refugees") by
    the parents ("his parents"), and parents "of" a child by the child; a law's
    "come into force" by "enforced" or "take effect"; "outside" a country by "in other
    territories", "overseas" or "internationally"; "except" by "apart from" or "other
    than"; "bound by" law by "required" or "obliged"; the ends of a range ("the youngest
    was 10") by the range ("aged between 10 and 67")."""
    found = []
    words, _ = _said(window.spoken)
    for term in coverage.uncovered:
        lower = term.text.lower()
        if term.label:
            continue
        if (
            (lower == "outside" and _ELSEWHERE.search(window.spoken))  # "in other territories"
            or _range_end(claim_text, term, window)  # "the youngest was 10" / "aged 10 to 67"
            or (lower == "except" and _EXCEPT.search(window.spoken))  # "apart from"
        ):
            found.append(term)
            continue
        others = _said_otherwise(term, lower, claim_text)
        if others and any(w in others or others & set(lexicon.lemmas(w)) for w in words):
            found.append(term)
    if not found:
        return coverage
    return Coverage(
        (*coverage.covered, *found), tuple(t for t in coverage.uncovered if t not in found)
    )


def _said_otherwise(term: Span, lower: str, claim_text: str) -> frozenset[str]:
    """The words (by lemma) that say what a phrase of the claim around `term` says, or
    none: "flew back" is "returned", "faced four counts" is "charged"."""
    if _GOING & set(lexicon.lemmas(lower)) and _BACK.match(claim_text, term.end):
        return frozenset({"return"})
    if lower in _CHILDREN and _OF.match(claim_text, term.end):
        return _PARENTS
    if lower in _PARENTS and _OF.match(claim_text, term.end):
        return _CHILDREN
    if lower == "force" and _INTO.search(claim_text, max(0, term.start - 8), term.start):
        return frozenset({"enforce", "effect"})
    if lower in ("face", "faces", "faced", "facing") and _CHARGES_AFTER.match(claim_text, term.end):
        return frozenset({"charge", "accuse", "indict", "prosecute"})  # "faced four counts"
    if lower == "bound" and _BY_LAW.match(claim_text, term.end):
        return frozenset({"require", "oblige", "obligate", "duty"})  # "bound by law"
    if lower == "worse" and _MADE_BEFORE.search(claim_text, max(0, term.start - 30), term.start):
        # "had been made worse by intermittent maintenance" / "exacerbated by"
        return frozenset({"worsen", "exacerbate", "aggravate"})
    if lower in _SITTING and _ON_A_BODY.match(claim_text, term.end):
        # "had sat in the cabinet since 2016" / "a member of the council's cabinet"
        return frozenset({"member", "serve"})
    return frozenset()


# Words apart in a window at most, for two words side by side in a claim ("a police
# officer", "the fire service") to be stated together.
PAIR_REACH = 3
_GAP = re.compile(r"\s{1,3}")


def pairs_together(claim_text: str, coverage: Coverage, window: Window) -> Coverage:
    """The coverage, with a word for a person and the plain word right before it in
    the claim ("police officer", "young man") both uncovered when the window states
    each only far from the other: "a police officer" is not stated by "British
    Transport Police" in one sentence and "a steward" in the next. Who did what is
    the claim's; a person told apart by a word is that word's."""
    plain = sorted(
        (t for t in coverage.covered if not t.label and t.text.isalpha() and t.text.islower()),
        key=lambda t: t.start,
    )
    spoken = [_bare(w).lower() for w in TERM_WORD.findall(window.spoken)]
    apart = []
    for first, second in pairwise(plain):
        if not _GAP.fullmatch(claim_text[first.end : second.start]) or not (
            lexicon.names_a_person(second.text)
        ):
            continue
        at = [i for i, w in enumerate(spoken) if _states_word(first.text.lower(), w)]
        near = [i for i, w in enumerate(spoken) if _states_word(second.text.lower(), w)]
        if at and near and not any(abs(i - j) <= PAIR_REACH for i in at for j in near):
            apart += [first, second]
    return coverage.uncovering(apart)


# A verb's object after "of" or "with": "cleared *of* misconduct", "charged *with* assault".
_OF_AFTER = re.compile(r"(?i)\s{1,3}(?:of|with)\s")
OBJECT_WORDS = 4
_ADJECTIVES_OF = frozenset({"guilty", "innocent"})


def objects_apart(claim_text: str, coverage: Coverage, window: Window) -> Coverage:
    """The coverage, with a verb of the claim that takes its object after "of" or "with"
    uncovered where the window says the verb only of another object: "Monk was cleared
    of misconduct" is not stated by "he was cleared of murder". An occurrence with no
    "of" or "with" after it says nothing of the object, and states the verb."""
    spoken = window.spoken
    apart = []
    for term in coverage.covered:
        lower = term.text.lower()
        if term.label or not lower.isalpha() or _OF_AFTER.match(claim_text, term.end) is None:
            continue
        if lower not in _ADJECTIVES_OF and not (
            (lower.endswith("ed") and any(lemma != lower for lemma in lexicon.lemmas(lower)))
            or lexicon.irregular_past(lower)
        ):
            continue  # no verb's past form: "a number of", "the managers of"
        # The claim's object by its plain words: a name after "with" ("worked with Chingo
        # Bling") may stand anywhere in a list the passage gives.
        mine = [w.lower() for w in _object_words(claim_text, term.end) if w.islower()]
        if not mine:
            continue
        # The verb's bare form beside an inflected one is most often another word's:
        # "cleared" is not said by "a *clear* and devastating impact".
        bare = set(lexicon.lemmas(lower)) - {lower}
        occurrences = [
            m
            for m in TERM_WORD.finditer(spoken)
            if _states_word(lower, m.group(0).lower()) and m.group(0).lower() not in bare
        ]
        if all(
            _OF_AFTER.match(spoken, m.end()) is not None
            and not any(_states_word(w, o) for w in mine for o in _object_clause(spoken, m.end()))
            for m in occurrences
        ):
            apart.append(term)
    return coverage.uncovering(apart)


def _object_words(text: str, end: int) -> list[str]:
    """The content words of the object after "of" or "with" at `end`, as written."""
    opened = _OF_AFTER.match(text, end)
    if opened is None:
        return []
    found: list[str] = []
    for word in TERM_WORD.findall(text, opened.end(), opened.end() + 60)[:OBJECT_WORDS]:
        if word.lower() in STOPWORDS or not word.isalpha():
            if found:
                break  # the object ends: "misconduct *at* Birmingham Crown Court"
            continue
        found.append(word)
    return found


def _object_clause(text: str, end: int) -> list[str]:
    """The content words after "of" or "with" at `end` to the end of its clause (lower
    case): where the passage's object may be."""
    opened = _OF_AFTER.match(text, end)
    if opened is None:
        return []
    stop = _OBJECT_END.search(text, opened.end())
    words = TERM_WORD.findall(text, opened.end(), stop.start() if stop else len(text))
    return [w.lower() for w in words[:OBJECT_CLAUSE] if w.lower() not in STOPWORDS]


_OBJECT_END = re.compile(r"[,;:.!?()]")
OBJECT_CLAUSE = 8


def _states_word(term: str, word: str) -> bool:
    """Whether one word of a window states a claim's plain word (lower case both)."""
    return (
        term == word
        or (stem(term) == stem(word) and _same_stem(term, word))
        or lexicon.states(term, word)
    )


def kin_named(placed: str, kin: str, text: str) -> list[str]:
    """The names that `text` gives after a relative placed by age: "Salman" of "his
    older brother Salman" for ("older", "brother")."""
    pattern = rf"(?i:\b{re.escape(placed)})\s{{1,3}}(?i:{re.escape(kin)})\s{{1,3}}([A-Z][\w'-]*)"
    return [m.group(1) for m in re.finditer(pattern, text)]


@lru_cache(maxsize=65536)
def _in_other_words(word: str, words: frozenset[str]) -> bool:
    """Whether a window's words state `word` through the lexicon (a synonym, a more
    specific word, a derived form): read once per word and window. A word for a
    person is stated by a more specific word only if that word is one for a person
    too: not "officer" by "police" (a force), as "player" is by "played"; a word for
    anything else by a word for a person only through one of its commonest senses: not
    "liver" by "neighbours" (a liver being, rarely, one who lives somewhere). A verb with
    its particle states a word only as its synonym: "set up" says "founded", and not
    "joined" for being a way of putting things together."""
    person = lexicon.names_a_person(word)
    manner = lexicon.adverb(word)
    return any(
        (found := lexicon.relation(word, w)) is not None
        and found != lexicon.Relation.ANTONYM
        and not (found == lexicon.Relation.SPECIFIC and _specific_elsewhere(word, w, person))
        # An adverb's synonym is an adverb: "soundly" is not stated by "good progress"
        # (WordNet's "good" is, rarely, an adverb for "well"); "widely" is by "wide".
        and not (
            manner
            and found in (lexicon.Relation.SYNONYM, lexicon.Relation.SPECIFIC)
            and not (w.endswith("ly") or w in _PLAIN_ADVERBS or lexicon.equivalent(word, w))
        )
        for w in _lexical(words)
    )


# Adverbs without "-ly": "well", "fast" ("spread so fast" / "so rapidly").
_PLAIN_ADVERBS = frozenset("well fast hard soon often seldom almost quite".split())


def _specific_elsewhere(word: str, other: str, person: bool) -> bool:
    """Whether a more specific word `other` names something else than `word` means: a
    thing for a person ("police" for "officer"), a person for a rare sense of a thing
    ("neighbours" for "liver"), or a verb with its particle ("set_up")."""
    if "_" in other:
        return True
    if person:
        return not lexicon.names_a_person(other)
    return lexicon.names_a_person(other) and lexicon.specific_of_a_rare_sense(word, other)


# Words of a window that state nothing through the lexicon: articles, pronouns,
# prepositions and conjunctions (not "said" or "had", which may), and figures.
# Modal verbs, whose rarer senses as other words ("can": to sack) are never meant.
_MODALS = frozenset("can could may might must shall should will would".split())
_FUNCTION_WORDS = (STOPWORDS - {"said", "say", "says", "had", "has", "have"}) | _MODALS


@lru_cache(maxsize=4096)
def _lexical(words: frozenset[str]) -> tuple[str, ...]:
    """The words of a window the lexicon is asked about (`_FUNCTION_WORDS` aside)."""
    return tuple(w for w in words if w[:1].isalpha() and w not in _FUNCTION_WORDS)


_ORDINAL = re.compile(
    r"(?<![\w-])(?:\d+(?:st|nd|rd|th)|[A-Za-z]+(?:-[A-Za-z]+)?)(?![\w-])", re.IGNORECASE
)
_DIGIT_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"


_SEASON_START = re.compile(rf"(?<!\d)(\d\d)\d\d[{_DASHES}]$")


def _season_year(text: str, number: re.Match[str]) -> str | None:
    """The year a season's second half names: "19" of "2018–19" is 2019."""
    if len(number.group(0)) != 2:
        return None
    season = _SEASON_START.search(text, 0, number.start())
    return f"{season.group(1)}{number.group(0)}" if season else None


def _parts(record: str) -> tuple[str, ...]:
    return tuple(re.split(f"[{_DASHES}]", record))


def _number_end(text: str, start: int, end: int) -> int:
    """Where a number ends, an ordinal's suffix taken in ("21st"), not a day's ("13th
    April")."""
    suffix = _DIGIT_ORDINAL.match(text, end)
    return suffix.end() if suffix and ordinal_at(text, start, end) is not None else end


def ordinal_at(text: str, start: int, end: int) -> int | None:
    """The place in an order that the word at text[start:end] gives ("sixth", "21" of
    "21st"), if it is an ordinal and not a day of a month ("the 5th of May", "May 5th")."""
    word = text[start:end]
    if word.isdigit():
        suffix = _DIGIT_ORDINAL.match(text, end)
        if suffix is None:
            return None
        word, end = text[start : suffix.end()], suffix.end()
    value = _ordinal_word(word)
    if value is None:
        return None
    # A day: "the 5th of May", "13th and 15th April", "May 5th".
    if re.match(
        rf"(?:\s+of)?(?:\s+(?:and|or|to)\s+\d+(?:st|nd|rd|th)?)?\s+{_MONTH}",
        text[end:],
        re.IGNORECASE,
    ):
        return None
    if re.search(rf"\b{_MONTH}\s*$", text[max(0, start - 10) : start], re.IGNORECASE):
        return None
    return value


def ordinals(text: str) -> list[tuple[int, re.Match[str]]]:
    """The ordinals of a text, each with its match: "seventh", "17th"."""
    found = []
    for m in _ORDINAL.finditer(text):
        digits = re.match(r"\d+", m.group(0))
        end = m.start() + len(digits.group(0)) if digits else m.end()
        value = ordinal_at(text, m.start(), end)
        if value is not None:
            found.append((value, m))
    return found


def _parts_together(compound: str, window: Window) -> bool:
    """Whether the content parts of a compound stand within a word or so of each other."""
    parts = [p for p in compound.split("-") if p and _is_content(p)]
    if not parts:
        return False
    text = window.named
    spoken = [_bare(w).lower() for w in TERM_WORD.findall(text)]
    reach = len(parts) + 1
    for i, word in enumerate(spoken):
        if word == parts[0] or word in parts:
            near = set(spoken[max(0, i - reach) : i + reach + 1])
            if all(p in near for p in parts):
                return True
    return False


_COMPOUND = re.compile(r"(?<![\w-])([A-Za-z\u00c0-\u024f]+)-([A-Za-z\u00c0-\u024f]+)(?![\w-])")


def compound_rival(word: str, text: str) -> re.Match[str] | None:
    """The text's compound with the claim compound's head and another first part.

    "Indian-American" for "Kashmiri-American", "Pakistani-born" for "Indian-born",
    "left-handed" for "right-handed": first parts that are both names, or
    opposites; "fifth best" for "fifth-worst", the same first part before the opposite
    of the last. None when the text holds the claim's own compound.
    """
    mine = _COMPOUND.fullmatch(word)
    if mine is None:
        return None
    first, head = mine.group(1), mine.group(2).lower()
    found = None
    for m in _COMPOUND.finditer(text):
        theirs = m.group(1)
        if m.group(2).lower() != head:
            continue
        if theirs.lower() == first.lower() or _same_stem(theirs.lower(), first.lower()):
            return None
        if lexicon.relation(first.lower(), theirs.lower()) in lexicon.ONE_WORD:
            return None
        named = first[:1].isupper() and theirs[:1].isupper()
        if found is None and (named or lexicon.opposite(first.lower(), theirs.lower())):
            found = m
    if found is None:
        # The same first part and the opposite last, joined or apart: "fifth best" for
        # "fifth-worst".
        for m in re.finditer(rf"(?i)\b{re.escape(first)}[\s-]{{1,3}}([a-z]+)\b", text):
            if lexicon.opposite(head, m.group(1).lower()):
                return m
    return found


def _same_stem(a: str, b: str) -> bool:
    """Two forms of one word by their endings: "investigated" / "investigation".

    A common beginning of six letters or more, what is left of each being an
    ending ("police" / "policy" and "Kashmiri" / "Kashmir" are not one word).
    """
    k = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        k += 1
    if k >= 6 and a[k:] in _ENDINGS and b[k:] in _ENDINGS:
        return True
    # One word the start of the other's compound or derivation: "watch" / "watchdog"
    # are not one word, but "fail" / "failure" and "govern" / "government" are.
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and long_[len(short) :] in _SUFFIXES


def _other_first_name(name: str, window: Window) -> bool:
    """Whether the window names someone else with the name's surname ("Shahrukh Khan"
    for "Salmaan Khan")."""
    own = name.lower().split()
    if len(own) < 2:
        return False
    for entity in window.entities:
        theirs = entity.text.lower().split()
        if len(theirs) >= 2 and theirs[-1] == own[-1] and not same_name(name, entity.text):
            return True
    return False


def past_form(word: str) -> bool:
    """A verb's past form ("resigned", "jailed", and irregular ones: "met", "flown"):
    what a claim says happened."""
    lower = word.lower()
    prefix, _, rest = lower.partition("-")
    if rest and prefix in _VERB_PREFIXES:
        lower = rest  # "re-elected", "co-founded": the verb's own past
    return lexicon.irregular_past(lower) or (
        len(lower) > 4 and lower.endswith("ed") and any(w != lower for w in lexicon.lemmas(lower))
    )


# Prefixes a hyphen joins to a verb, which stays the verb: "re-elected", "co-founded".
_VERB_PREFIXES = frozenset("re co pre un de mis over under out".split())


def _lower_case_in(word: str, text: str) -> bool:
    """Whether the text has the word as a word (in lower case, opening a sentence, or in
    a run of capitalised words: "Music Is Composed By"), not only as a one-word name
    among lower-case words ("the Met's response")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE):
        if m.group(0)[:1].islower() or _SENTENCE_START.search(text, 0, m.start()):
            return True
        before = TERM_WORD.findall(text[max(0, m.start() - 40) : m.start()])[-1:]
        after = TERM_WORD.findall(text[m.end() : m.end() + 40])[:1]
        if any(w[:1].isupper() for w in [*before, *after]):
            return True
    return False


# Where a sentence starts: the text's start or a full stop, a quote or a line break.
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"\u201c(])\s{0,3}$")


def _inside_name(alias: str, name: str) -> bool:
    """Whether an alias is whole words of the name: "BBC" of "BBC News", not the "e"
    of a file called e.md in "Jane Holt"."""
    return re.search(rf"(?<!\w){re.escape(alias.lower())}(?!\w)", name.lower()) is not None


# A town named with what it stands by or on, which writers often leave off: "Shoreham" is
# "Shoreham-by-Sea", "Henley" "Henley-on-Thames".
_TOWN_BY = re.compile(r"([A-Z][a-z]{2,30})-(?:by|on|upon|under|in)-(?:the-)?[A-Z][a-z]{2,30}")


# Entities that are values, not names: "three" states no "Three Thumbs Up".
VALUE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})


def _name_stated(
    name: str, words: AbstractSet[str], window: Window, *, place: bool = False
) -> bool:
    """A name is stated by an alias among the passage's names, or by all its own words.

    A bare surname does not state a full name when the passage gives that surname
    another first name: its "Khan" is "Shahrukh Khan", not "Salmaan Khan". A possessive
    is no part of the name: "Ms Villiers's successor" names "Ms Villiers".
    """
    name = _bare(name) if name.endswith(("'s", "\u2019s")) else name
    if region_by_parts(name, words):
        return True
    # A place states no longer name that opens with it, but for the kind of place:
    # "Sheffield" is not "Sheffield United", "Shizuoka" is "Shizuoka Prefecture".
    matches = [
        e.text
        for e in window.entities
        if e.label not in VALUE_LABELS
        and same_name(name, e.text)
        and not _more_than_the_place(name, e)
        and (
            not _a_part_not_its_head(name, e.text, place=e.label in ("GPE", "LOC", "NORP"))
            or _first_name_alone(name, e, window.text)
        )
    ]
    if place:
        # A place is stated by its own name or its adjective, not a shorter or a longer
        # name: "Hampshire" is not "New Hampshire".
        matches = [
            m
            for m in matches
            if _capital_words(name) == _capital_words(m)
            or len(name.split()) == len(m.split()) == 1  # "Georgia" / "Georgian"
        ]
    if matches and not (
        all(len(m.split()) == 1 for m in matches) and _other_first_name(name, window)
    ):
        return True
    if any(
        (same_name(name, alias) or _inside_name(alias, name))
        and not _a_part_not_its_head(name, alias, place=True)
        for alias in window.aliases
    ):
        return True
    # A name inside a title: "the UK" of a page called "... pandemic in the United Kingdom";
    # a country by another of its names ("Britain").
    if any(one_country(name, e.text) for e in window.entities) or any(
        same_name(name, part.text) or one_country(name, part.text)
        for part in title_names(window.aliases)
    ):
        return True
    if _named_without_kind(name, window.text):
        return True
    # A stopword that a name capitalises is one of its words: "New" of "New Hampshire".
    own = [
        w.lower()
        for w in TERM_WORD.findall(name)
        if w.lower() not in STOPWORDS or (w[:1].isupper() and w.lower() not in _NAME_JOINERS)
    ]
    # "Al-Haram" is the passage's "Al Haram".
    own = [p for w in own for p in (w.split("-") if w not in words else [w]) if p]
    # The last word in the plural names the same kind: "every Hawker Hunter" by "all
    # Hawker Hunters".
    if not own or not all(
        w.removesuffix("'s") in words or w in words or (k == len(own) - 1 and f"{w}s" in words)
        for k, w in enumerate(own)
    ):
        return False
    if place and _only_in_a_longer_place(name, window.spoken):
        return False
    return not _name_taken_apart(name, own, window)


# The last words of the names of institutions, which the place they serve opens:
# "Croydon Magistrates' Court", "Kent Police", besides `_ORG_KINDS`.
_INSTITUTIONS = frozenset(
    "court courts police service prison museum cathedral church library tribunal".split()
)


def _first_name_alone(name: str, entity: Span, text: str) -> bool:
    """Whether the passage's person is the claim's by a first name the passage gives no
    other surname: "Peter returns Mary Jane" names "Peter Parker"; "drummer David
    'Skully' Sullivan Kaplan" is no "David Mulcahy"."""
    own = name.split()
    if entity.label != "PERSON" or entity.text != own[0]:
        return False
    after = re.compile(
        rf"\b{re.escape(entity.text)}\s{{1,3}}(?:['\u2018\"][^'\u2019\"]{{1,20}}['\u2019\"]\s{{1,3}})?"
        r"([A-Z][\w'\u2019-]{1,30})"
    )
    return not any(m.group(1) not in own for m in after.finditer(text))


def _a_part_not_its_head(name: str, other: str, *, place: bool = False) -> bool:
    """Whether the other name is one word of the name that is not its head: "David" is
    no name of "David Mulcahy" (the passage's David may be anyone's), nor "Hanna-Barbera"
    of "Hanna-Barbera Cinematic Universe", nor "Uganda" of "the Holy Land of Uganda";
    "Mulcahy" and "Universe" are, as "Shizuoka" is of "Shizuoka Prefecture" (a kind of
    place after it), and "the Met" of "Metropolitan Police" is a shortening. A `place`
    (or a page's title) that opens the name is where the named thing is, as is the first
    word of an institution's name: "Croydon" of "Croydon Magistrates' Court"."""
    own = [w.lower() for w in name.split() if w.lower() not in ("the", "a", "an")]
    theirs = [w.lower() for w in other.split() if w.lower() not in ("the", "a", "an")]
    if len(theirs) != 1 or len(own) < 2 or theirs[0] not in own:
        return False
    if "of" in own[1:]:
        return own.index(theirs[0]) > own.index("of")  # "Bank of England" is no "England"
    if own[0] == theirs[0] and (place or own[-1] in NAME_KINDS):
        return False
    head = own
    while len(head) > 1 and head[-1] in _PLACE_KINDS | _ORG_KINDS:
        head = head[:-1]  # "Shizuoka" is "Shizuoka Prefecture"
    return theirs[0] != head[-1]


# A word that makes a place's name another place's: "*New* Hampshire", "*North* Korea".
_ANOTHER_PLACE_BEFORE = re.compile(
    r"\b(?:New|North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower)\s{1,3}$"
)


def _only_in_a_longer_place(name: str, text: str) -> bool:
    """Whether every time the text gives a place's name it is part of another place's
    ("raised in Singapore and New Hampshire" gives no "Hampshire")."""
    found = list(re.finditer(rf"\b{re.escape(name)}\b", text))
    return bool(found) and all(
        _ANOTHER_PLACE_BEFORE.search(text, 0, m.start()) is not None for m in found
    )


# Words that say what kind of place a name is, not which: "Shizuoka Prefecture" is
# "Shizuoka", "Montana Province" "Montana".
_PLACE_KINDS = frozenset(
    """prefecture county city province region state district borough oblast municipality
    island islands republic governorate territory parish township village town department
    kingdom""".split()
)


def _more_than_the_place(name: str, entity: Span) -> bool:
    """Whether a claim's name says more than the passage's shorter place: words past
    the place that are no kind of place ("Sheffield *United*")."""
    if entity.label not in ("GPE", "LOC"):
        return False
    mine, theirs = name.removesuffix("'s").split(), entity.text.split()
    if len(theirs) >= len(mine):
        return False
    rest = [w.lower() for w in mine if w not in theirs]
    return not all(w in _PLACE_KINDS for w in rest)


# Words that end an institution's name and say what kind it is, which writers often
# leave out: "Kent State University" is "Kent State".
_ORG_KINDS = frozenset(
    """university college school academy hospital club company corporation inc ltd plc
    airport station stadium council institute""".split()
)


# The words that end a name and say what kind of thing it names: "Croydon *Council*",
# "West Yorkshire *Police*", "Shizuoka *Prefecture*".
NAME_KINDS = _PLACE_KINDS | _ORG_KINDS | _INSTITUTIONS


def _named_without_kind(name: str, text: str) -> bool:
    """Whether the passage gives an institution's name without its last, kind word, as
    a name of two words or more that no other capitalised word goes on: "Kent State"
    states "Kent State University", "Kent State Hospital" and "Miami" do not."""
    words = name.split()
    if len(words) < 3 or words[-1].lower().strip(".,") not in _ORG_KINDS:
        return False
    rest = " ".join(words[:-1])
    return any(
        not _NEXT_CAPITAL.match(text, m.end())
        for m in re.finditer(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", text)
    )


_NEXT_CAPITAL = re.compile(r"\s{1,3}[A-Z]")


def _capital_words(name: str) -> set[str]:
    """The capitalised words of a name that say which name it is."""
    return {
        _bare(w).lower()
        for w in TERM_WORD.findall(name)
        if w[:1].isupper() and w.lower() not in _NAME_JOINERS | _PLACE_KINDS
    }


# Words that join the words of a name and say nothing of which name it is.
_NAME_JOINERS = frozenset("the of and a an for in on at to de la le du von van der".split())


@lru_cache(maxsize=4096)
def title_names(aliases: tuple[str, ...]) -> tuple[Span, ...]:
    """The runs of capitalised words inside a source's other names (its title)."""
    return tuple(part for alias in aliases for part in untagged_names(alias, ()))


# Names of one thing that a newsroom uses alike and WordNet 3.0 predates.
_ALIASES = (frozenset({"covid-19", "covid", "coronavirus", "corona", "sars-cov-2", "2019-ncov"}),)


def _alias_stated(word: str, words: AbstractSet[str]) -> bool:
    lower = word.lower()
    return any(lower in group and group & words for group in _ALIASES)


# Prefixes that make a word another thing: "semi-professional" is not "professional".
_OTHER_THING = re.compile(r"(?i)\b(?:semi|non|ex|anti|pseudo|quasi|un|former)-$")


@lru_cache(maxsize=65536)
def _only_prefixed(word: str, text: str) -> bool:
    """Whether every time the text says the word, a prefix makes it another thing."""
    if "-" + word not in text.lower():
        return False  # the common case, read without a pattern
    found = list(re.finditer(rf"(?i)(?<![\w]){re.escape(word)}(?!\w)", text))
    return bool(found) and all(
        _OTHER_THING.search(text[max(0, m.start() - 8) : m.start()]) for m in found
    )


def _name_taken_apart(name: str, own: Sequence[str], window: Window) -> bool:
    """Whether the passage gives the name's words to another name: "Amblin Television"
    is not stated by "Amblin Entertainment, in association with Warner Bros. Television".

    That is a name of the passage that holds one of the claim name's words beside
    words of its own, and is neither the claim's name nor a part of it.
    """
    run = r"\W+".join(re.escape(p) for w in TERM_WORD.findall(name) for p in w.split("-") if p)
    whole = window.spoken
    if re.search(rf"(?<!\w){run}s?(?!\w)", whole, re.IGNORECASE):
        return False  # the name's words stand together in the passage ("Hawker Hunters")
    mine = set(own)
    lower = name.lower()
    for entity in window.entities:
        theirs = {w.lower() for w in TERM_WORD.findall(entity.text)} - STOPWORDS
        if not theirs & mine or not theirs - mine or entity.text.lower() in lower:
            continue
        if same_name(name, entity.text):
            continue
        return True
    return False
