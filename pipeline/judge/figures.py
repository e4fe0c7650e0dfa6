"""Which of a passage's figures a claim's figure is read against.

A passage often gives several figures of one kind ("$55.7 million in the United
States and Canada, and $69.8 million in other territories, for a worldwide total of
$125.5 million"), and a claim one of them, in other words ("more than $68 million
outside North America"). The judges read the claim's figure against the passage's
that stands closest to the claim's words (`readings`); when figures that agree and
figures that disagree stand as close, the passage settles nothing. A bound that a
figure as close excludes is not confirmed (`excluded`); a figure that counts
something narrower than the passage's is not contradicted by it (`counts_the_same`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..places import one_country, place_key
from ..records import Candidate, Claim, Fact, Value, ValueKind
from ..text import WORD, content_words, local_words, stem, stems
from ..values import (
    PRECISE_DIGITS,
    approximate,
    comparable,
    compare_measures,
    compare_numbers,
    dimension,
    interval,
    same_bound,
    significant_digits,
    singular,
    unit_size,
)
from ..values.numbers import NUMBER_WORDS, SCALE_SUFFIXES, SCALE_WORDS, parse_number, parse_ordinal
from ..values.words import BOUND_WORDS, TIME_LINK_WORDS


def readings(
    candidate: Candidate,
    value: Value,
    values: Sequence[Value],
    around: set[str],
    compare: Callable[[Value, Value], bool | None],
    *,
    claim_text: str = "",
) -> list[tuple[Value, set[str], bool | None, bool]]:
    """Each of a passage's values that may be the one the claim's `value` states: the
    value, the claim's words around it that it shares, whether it agrees, and whether it
    settles the claim: it is among those that stand closest to the claim's words (the
    same unit counts as a word, the sentence's subject does not) and none as close says
    otherwise. In "$55.7 million in the United States and Canada, and $69.8 million in
    other territories", neither settles "more than $68 million outside North America",
    which shares words with both.
    """
    subject = _subject(candidate, values)
    read = [
        (
            other,
            shared,
            compare(value, other),
            _closeness(candidate, value, other, (shared - subject) & around, claim_text),
        )
        for other, shared in anchored(candidate, values, around)
    ]
    # A figure of the place the claim's is outside of (placed -1) is none of the claim's.
    read = [(o, s, agree, close) for o, s, agree, close in read if close[1] >= 0]
    top = max((close for *_, close in read), default=(0, 0, 0))
    leading = {agree for _, _, agree, close in read if close == top}
    return [
        (other, shared, agree, close == top and len(leading) == 1)
        for other, shared, agree, close in read
    ]


def _subject(candidate: Candidate, values: Sequence[Value]) -> set[str]:
    """The words before the first of the values (the sentence's subject): they stand by
    them all ("The film has grossed $55.6 million ..., and $49.8 million ...")."""
    first = min((other.start for other in values), default=candidate.hit.start)
    return stems(content_words(candidate.hit.text[: first - candidate.hit.start]))


def _closeness(
    candidate: Candidate, value: Value, other: Value, shared: set[str], claim_text: str = ""
) -> tuple[int, int, int]:
    """How close a passage's value stands to the claim's: the claim's words it shares
    within four words, the words of the value itself ("two *live* albums"), one more
    for the same kind and unit and two more for a figure within NEAR of the claim's;
    then the shared words of the place phrase right after it; then the words it shares
    further out."""
    at = other.start - candidate.hit.start
    near = shared & local_words(candidate.hit.text, at, at + len(other.text), window=4)
    own = len(stems(content_words(value.text)) & stems(content_words(other.text)))
    same = other.kind == value.kind and other.unit == value.unit
    # The same figure in another unit of its dimension ("355 feet" / "108 metres").
    converted = (
        other.kind == value.kind
        and not same
        and dimension(value.unit) is not None
        and dimension(value.unit) == dimension(other.unit)
        and compare_measures(value, other) is True
    )
    part = _PARTITIVE.match(candidate.hit.text, at + len(other.text))
    # A part by place counts for a claim that names the place ("in Sofia").
    if part and part.group("place") and part.group("place") not in WORD.findall(claim_text):
        part = None
    if other.kind == ValueKind.NUMBER and part:
        # "304 of them", "45 in Sofia": a part of what the passage counts just before, in
        # its unit.
        before = " ".join(WORD.findall(candidate.hit.text[:at])[-4:])
        own, same = len(stems(content_words(value.text)) & stems(content_words(before))), True
    # A figure all but the claim's own ("451" for "under 450") is read before others.
    pinned_down = 2 if (same and close_figure(value, other)) or converted else 0
    placed = (
        -1
        if another_of_a_series(candidate, value, other, claim_text)
        else placed_alike(candidate, value, other, claim_text)
    )
    return (len(near) + own + (1 if same else 0) + pinned_down, placed, len(shared))


# The one of a series a figure is of, right after it: "two episodes *in the first
# season*", "$12 million in its second weekend", "four goals during the 2nd half".
_OF_THE_NTH = re.compile(
    r"(?i)\s{0,3}(?:[a-z]{1,15}\s{1,3}){0,2}?(?:in|during|of|for|from|over)\s{1,3}"
    r"(?:the|its|their|his|her|this|that)\s{1,3}"
    r"([a-z]{3,12}|\d{1,3}(?:st|nd|rd|th))\s{1,3}([a-z]{3,15})\b"
)


def _nth_after(text: str, at: int) -> tuple[int, str] | None:
    """The ordinal and the stem of the noun of the "in the second season" right after a
    figure ending at `at`, or None."""
    found = _OF_THE_NTH.match(text, at)
    if found is None:
        return None
    nth = parse_ordinal(found.group(1).lower())
    return None if nth is None else (nth, stem(found.group(2).lower()))


def another_of_a_series(candidate: Candidate, value: Value, other: Value, claim_text: str) -> bool:
    """Whether the passage's figure is of another one of a series than the claim's: "two
    episodes in the first season" is no figure of "less than four episodes in the second
    season", the passage's "four other episodes in the second season" is."""
    at = claim_text.find(value.text)
    if at < 0:
        return False
    mine = _nth_after(claim_text, at + len(value.text))
    if mine is None:
        return False
    theirs = _nth_after(candidate.hit.text, other.end - candidate.hit.start)
    return theirs is not None and theirs[1] == mine[1] and theirs[0] != mine[0]


# The place a figure is of, right after it: "$32.8 million *in the United States and
# Canada*, and $73.7 million in other territories", "of which 1,339 *are in New York
# City*", "2,000 cases *of coronavirus in New York City*".
_PLACE_AFTER = re.compile(
    r"\s{0,3}(?:of\s{1,3}[\w-]+\s{1,3})?(?:(?:are|were|is|was)\s{1,3})?"
    r"(in|outside|across|throughout)\s",
    re.IGNORECASE,
)


# Where a place phrase ends: at the next word that opens another phrase or a verb ("in
# the province *by* the end of March", "in the province *had* died").
_PLACE_END = re.compile(
    r"(?i)\s(?:by|on|at|during|for|from|to|with|in|since|after|before|until|as|when|while"
    r"|which|who|that|had|has|have|was|were|is|are|will|would)\b"
)


# A place phrase that names what lies outside a place: "*in other territories*", "in
# territories other than the United States", "in the rest of the world".
_ELSEWHERE = re.compile(r"(?i)\b(?:other|rest\s{1,3}of)\b")


def _place_after(text: str, at: int, ends: Sequence[int]) -> tuple[str, set[str]] | None:
    """The opening word and the stems of the words of the place phrase that follows a
    figure ending at `at`, up to the next figure (one of `ends`) or the sentence's end;
    a country by its key name ("the US" and "the United States" alike). A phrase of the
    places other than one ("in other territories") opens "elsewhere"."""
    found = _PLACE_AFTER.match(text, at)
    if found is None:
        return None
    stretch = text[found.end() : min((e for e in ends if e >= at), default=len(text))]
    stretch = _PLACE_END.split(re.split(r"[;.]|,\s", stretch, maxsplit=1)[0], maxsplit=1)[0]
    stretch = stretch.strip()
    if one_country(stretch, stretch):
        stretch = place_key(stretch)
    opening = found.group(1).lower()
    if opening == "in" and _ELSEWHERE.search(stretch):
        opening = "elsewhere"
    return opening, stems(content_words(stretch))


# The kinds of place one name may stand for: "New York *state*", "New York *City*".
_PLACE_KINDS = stems(
    "state city county town district region province borough village country".split()
)


def placed_alike(candidate: Candidate, value: Value, other: Value, claim_text: str) -> int:
    """How many words of the passage's place phrase after its figure the claim's place
    phrase after its own gives, when the claim gives all of them with the same opening
    word: "in the United States and Canada" for both, not "outside of North America"
    against "in North America", nor "in Bosnia and Herzegovina" against "in the
    Federation of Bosnia and Herzegovina"; -1 when one figure is of the place the other
    is outside of; else 0."""
    at = claim_text.find(value.text)
    if at < 0:
        return 0
    mine = _place_after(claim_text, at + len(value.text), ())
    if mine is None:
        return 0
    base = candidate.hit.start
    ends = [o.start - base for o in candidate.values]
    theirs = _place_after(candidate.hit.text, other.end - base, ends)
    if theirs is None or not theirs[1]:
        return 0
    if "elsewhere" in (theirs[0], mine[0]) and theirs[0] != mine[0]:
        # "$745,660 in other territories" is no figure of "in the US and Canada" (but may
        # be one of "outside North America").
        return -1 if "in" in (theirs[0], mine[0]) else 0
    if (theirs[0] == "outside") != (mine[0] == "outside"):
        # "$55.7 million in the United States" is no figure of "outside the United States".
        return -1 if theirs[1] & mine[1] else 0
    if (
        theirs[0] == mine[0]
        and theirs[1] & mine[1]
        and theirs[1] - mine[1]
        and mine[1] - theirs[1]
        and (theirs[1] ^ mine[1]) <= _PLACE_KINDS
    ):
        # Two places of one name, each told by its kind: "4,597 cases in New York state"
        # is no figure of "in New York City".
        return -1
    return len(theirs[1]) if theirs[0] == mine[0] and theirs[1] <= mine[1] else 0


# "304 of them", and a breakdown by place: "81 confirmed cases - 45 in Sofia, 9 in Montana".
_PARTITIVE = re.compile(
    r"(?<!\s)\s{1,3}(?:(?i:of)\s{1,3}(?i:them|those|whom|which|these)\b"
    r"|in\s{1,3}(?P<place>[A-Z]\w+))"
)


def qualified_alike(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether the words right after the claim's value ("$68 million *outside North
    America*") stand beside the passage's value too, or there are none. Among several
    figures of one kind, the one beside the claim's subject is not for that reason the
    one the claim gives."""
    return qualified_beside(claim, value, candidate, other, or_none=True)


def qualified_beside(
    claim: Claim, value: Value, candidate: Candidate, other: Value, *, or_none: bool = False
) -> bool:
    """Whether the words right after the claim's value stand beside the passage's value
    ("22 million customers *through joint ventures*" / "a further 25 million customers
    *through joint ventures*"); when there are none, `or_none`."""
    start = value.end - claim.start
    after = stems(content_words(" ".join(WORD.findall(claim.text[start:])[:4])))
    if not after:
        return or_none
    at = other.start - candidate.hit.start
    beside = local_words(candidate.hit.text, at, at + len(other.text), window=4)
    return bool(after & beside)


def excluded(
    candidate: Candidate,
    value: Value,
    around: set[str],
    *,
    claim_text: str = "",
    parts: Sequence[Value] = (),
) -> bool:
    """Whether the passage gives a number the claim's bounded `value` excludes, standing
    as close to the claim's words as any it allows ("350 cases were opened, 304 of them
    in ..." for "more than 340 cases were opened"). `parts` are counts of a part of what
    the claim counts, which it excludes nothing of: "nine new cases ..., bringing the
    total to 63" for "more than 62 cases"."""
    numbers = [
        other
        for other in candidate.values
        if other.number is not None
        and (
            other.kind == ValueKind.NUMBER
            or (
                other.kind == value.kind
                and (
                    other.unit == value.unit
                    or (value.kind == ValueKind.COUNT and comparable(value, other))
                )
            )
        )
        and other not in parts
    ]
    compare = whole_units_since(
        candidate, compare_measures if value.kind == ValueKind.COUNT else compare_numbers
    )
    # A total the claim's bound allows ("for a worldwide total of $112.3 million") counts
    # its parts too: the figures before it that are smaller ("$55.7 million in the United
    # States and Canada") exclude nothing of "over $110 million worldwide".
    text, start = candidate.hit.text, candidate.hit.start
    wholes = [
        o
        for o in numbers
        if _TOTAL_BEFORE.search(text, 0, o.start - start) and compare(value, o) is True
    ]
    numbers = [
        o
        for o in numbers
        if not any(
            o is not w and o.start < w.start and (o.number or 0) < (w.number or 0) for w in wholes
        )
    ]
    # The sentence's subject counts here as the claim's words do: "The striker signed a
    # five-year, $17.1 million contract with a $2.1 million club option" excludes "less
    # than $16.7 million contract", though "$2.1 million" stands by "club option".
    # A count is read in its own unit: "2.3 metres" is within "about seven feet".
    read = [
        (compare(value, other), _closeness(candidate, value, other, shared, claim_text))
        for other, shared in anchored(candidate, numbers, around)
    ]
    # A figure whose place phrase the claim names is the claim's own: "$73.7 million in
    # other territories" for "more than $70 million in other territories", whatever the
    # sentence's subject lends the figure before it.
    placed = max((close[1] for _, close in read), default=0)
    if placed or any(close[1] < 0 for _, close in read):
        numbers = [o for o, (_, close) in zip(numbers, read, strict=True) if close[1] == placed]
        read = [(agree, close) for agree, close in read if close[1] == placed]
    top = max((close for _, close in read), default=(0, 0, 0))
    # A figure all but the claim's own ("451 reactors" for "under 450 reactors") is the
    # one the claim gives, however close the others stand to its words.
    return any(
        agree is False and (close == top or close_figure(value, other))
        for other, (agree, close) in zip(numbers, read, strict=True)
    )


# The words that make the figure after them a total: "for a worldwide total of", "a total
# of", "totalling".
_TOTAL_BEFORE = re.compile(
    r"(?i)\b(?:total(?:\s{1,3}(?:gross|sum|tally))?\s{1,3}of|totall?ing)\s{1,3}(?:US\s{0,3})?$"
)


def anchored(
    candidate: Candidate, values: Sequence[Value], around: set[str]
) -> list[tuple[Value, set[str]]]:
    """Each value with the claim's words around it that it shares."""
    text = candidate.hit.text
    out = []
    for other in values:
        start = other.start - candidate.hit.start
        out.append((other, around & local_words(text, start, start + len(other.text))))
    return out


# Words that make a passage's count a part of what a claim counts: "fourteen *new*
# cases were confirmed, bringing the total to 77" does not count "cases".
_NARROWING = frozenset(
    {"new", "additional", "more", "further", "extra", "fresh", "daily", "weekly", "other"}
)
# The words of those that count what was added to a total, one as good as another.
_INCREMENT = frozenset({"new", "additional", "more", "further", "extra", "fresh"})


# A number of the claim's text, in digits or words ("nine", "1,200").
_NUMBER_WORD = re.compile(r"(?<![\w.,-])[A-Za-z0-9][\w,.]*(?<![.,])")


def said_elsewhere(claim: Claim, fact: Fact, other: Value) -> bool:
    """Whether a passage's figure is a number the claim says outside the fact, typed or
    not: in "Of the nine people aboard, three were killed and the other six were hurt",
    the passage's "the other six people aboard" is the claim's six, no rival of nine."""
    if other.number is None or fact.value is None or other.number == fact.value.number:
        return False
    if comparable(fact.value, other) and compare_measures(fact.value, other) is True:
        return False  # "355 feet (108 m)": the passage's "108 metres" is the claim's own
    start, end = fact.start - claim.start, fact.end - claim.start
    return any(
        parse_number(m.group(0)) == other.number
        for m in _NUMBER_WORD.finditer(claim.text)
        if not (start <= m.start() < end)
    )


def in_anothers_place(claim: Claim, fact: Fact, candidate: Candidate, other: Value) -> bool:
    """Whether a passage's figure stands before the word that follows another number of
    the claim, not this fact's: in "Of the nine people aboard, five were killed", the
    passage's "Three people were killed" is the five's, no rival of the nine."""
    if other.number is None or fact.value is None:
        return False
    if comparable(fact.value, other) and compare_measures(fact.value, other) is True:
        return False  # the claim's own figure, whatever stands after it
    units = {stem(u) for u in (other.unit, fact.value.unit) if u}
    theirs = _word_after(candidate.hit.text, other.end - candidate.hit.start, units)
    if theirs is None or theirs == _word_after(claim.text, fact.end - claim.start, units):
        return False
    # Another figure of the claim that may count what the passage's does: of its kind,
    # or a bare number ("five were killed" / "Three people were killed").
    return any(
        _word_after(claim.text, f.end - claim.start, units) == theirs
        for f in claim.facts
        if f is not fact
        and f.value is not None
        and f.value.number is not None
        and (f.value.kind == other.kind or ValueKind.NUMBER in (f.value.kind, other.kind))
        and ValueKind.MONEY not in (f.value.kind, other.kind)
    )


# Words read after a figure for the word that says what it counts or what befell it.
AFTER_REACH = 3


def _word_after(text: str, end: int, units: set[str]) -> str | None:
    """The stem of the first content word within AFTER_REACH words after a figure, its
    counted noun aside: "killed" for "Three people were killed"."""
    for word in WORD.findall(text[end : end + 60])[:AFTER_REACH]:
        root = stem(word.lower())
        if root in units or not content_words(word):
            continue
        return root
    return None


def states_another(claim: Claim, fact: Fact, other: Value) -> bool:
    """Whether a passage's value is one of the claim's other figures of its kind: the same
    figure, in the same unit or converted ("120 m" / "120 metres"), or the same bound of
    the same figure. "five years to make the film and three years to write" against
    "three years"; "venues that can hold 200 people or more ... those that can hold 800
    or more" against "200 or more people". Not the claim's figure itself given again
    in another unit: "355 feet (108 m)". A passage's bound at one of the claim's exact
    figures is that figure."""
    return any(
        f.value.kind == other.kind
        and (
            # a passage's bound at the claim's figure: "the 3,500 feet it needed" /
            # "needed to reach at least 3,500 feet"
            (
                bool(other.qualifier)
                and f.value.number == other.number
                and f.value.unit == other.unit
            )
            or compare_measures(f.value, other) is True
            if not f.value.qualifier
            else f.value.number == other.number
            and f.value.unit == other.unit
            and (same_bound(f.value, other) or (approximate(f.value) and approximate(other)))
        )
        for f in claim.facts
        if f is not fact
        and f.value is not None
        and f.value.number is not None
        and other.number is not None
        and comparable(f.value, other)
        and not (
            fact.value is not None
            and comparable(f.value, fact.value)
            and compare_measures(f.value, fact.value) is True
        )
    )


def narrower(candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether the passage's count is qualified as a part ("new cases") where the
    claim's count is not."""
    text = candidate.hit.text
    before = WORD.findall(text[: other.start - candidate.hit.start])[-1:]
    theirs = {w.lower() for w in WORD.findall(other.text)} | {w.lower() for w in before}
    mine = {w.lower() for w in WORD.findall(value.text)}
    if mine & _INCREMENT:
        theirs -= _INCREMENT  # "270 new deaths" / "a further 260 deaths": one part
    return bool((theirs - mine) & _NARROWING)


# A figure of at least this much pins its count down by itself when the passage's is
# within NEAR of it: "more than 2,500 deaths" / "2,508 deaths".
PINNING_FIGURE = 100
NEAR = 0.02


def pinned(value: Value, other: Value) -> bool:
    """Whether the passage's count is tied to the claim's by the figures or the words
    of the two values themselves, with no word of the claim's around them needed.

    Either they share a word besides the unit ("690 *confirmed* cases" / "696
    *confirmed* coronavirus cases"), or the claim's figure is large enough that a
    passage's figure of the same unit lying within NEAR of it is no coincidence
    ("over 116,700 cases" / "116,801 cases"). Small figures ("six officers") and
    figures further off ("more than 200" / "225") still need the claim's words.
    """
    own = [
        w
        for w in content_words(value.text)
        if singular(w) != value.unit
        and w.lower() not in SCALE_WORDS
        and w.lower() not in SCALE_SUFFIXES
    ]
    words = stems(own) & stems(content_words(other.text))
    if words:
        return True
    return close_figure(value, other)


def close_figure(value: Value, other: Value) -> bool:
    """Whether the claim's figure is precise (at least PINNING_FIGURE, or given to
    PRECISE_DIGITS significant digits: "82.41%") and the passage's lies within NEAR of
    it."""
    x, y = value.number, other.number
    if x is None or y is None:
        return False
    if abs(x) < PINNING_FIGURE and significant_digits(value.text) < PRECISE_DIGITS:
        return False
    return abs(x - y) <= NEAR * abs(x)


# The words of a figure itself ("$ 23 *million*", "five *dozen*", "£2.3 *bn*"): they
# qualify nothing it counts.
_FIGURE_STEMS = stems(set(NUMBER_WORDS) | SCALE_SUFFIXES)


def counts_the_same(
    candidate: Candidate, value: Value, other: Value, *, plain: bool = False
) -> bool:
    """Whether a passage's value may count what the claim's value counts: no word that
    qualifies the claim's ("50 *negative* reviews") is missing beside the passage's
    value while the passage says it elsewhere. "100 reviews (4 negative, 96
    positive)" does not count negative reviews; "$ 22,622,536" may count "more than $ 23
    million" in a passage that says "$ 6.23 million" elsewhere. `plain`: only the
    claim's plain words count ("COVID-19 deaths" may be the passage's "deaths")."""
    qualifiers = _qualifiers(value)
    if plain:
        qualifiers &= _plain_words(value)
    if not qualifiers:
        return True
    text = candidate.hit.text
    at = other.start - candidate.hit.start
    # Within the figure's own phrase: "100 reviews (4 *negative*, 96 positive)" counts no
    # negative reviews.
    before = WORD.findall(_PHRASE_BREAK.split(text[:at])[-1])[-_QUALIFIER_BEFORE:]
    after = WORD.findall(_PHRASE_BREAK.split(text[at + len(other.text) :], maxsplit=1)[0])
    said = f"{' '.join(before)} {other.text} {' '.join(after[:_QUALIFIER_AFTER])}"
    missing = qualifiers - stems(content_words(said))
    return not missing & stems(content_words(text))


# How far from a passage's figure the words that qualify what it counts may stand: "the
# *confirmed* cases reached 919", "13 provinces *of Bulgaria*" ("13 Bulgarian provinces").
_QUALIFIER_BEFORE = 4
_QUALIFIER_AFTER = 3
_PHRASE_BREAK = re.compile(r"[(),;:]")


def qualified_the_same(value: Value, other: Value) -> bool:
    """Whether the claim's value carries a word that qualifies what it counts, and the
    passage's value carries every such word: "more than 16 *compilation* albums" and
    "15 *compilation* albums" count the same thing, whatever the passage's other albums.
    A name is no such word: "95 Liverpool fans" may be others than "96 Liverpool
    supporters"."""
    qualifiers = _qualifiers(value)
    return bool(qualifiers) and qualifiers <= _plain_words(value) & stems(content_words(other.text))


def _plain_words(value: Value) -> set[str]:
    """The stems of the words of a value written in lower case: no names."""
    return stems(content_words(" ".join(w for w in WORD.findall(value.text) if w.islower())))


def _qualifiers(value: Value) -> set[str]:
    """The stems of the words of a value that qualify what it counts: neither its unit
    nor the words of the figure itself ("50 *negative* reviews")."""
    unit = value.unit or ""
    words = [w for w in content_words(value.text) if singular(w.lower()) != unit]
    return stems(words) - _FIGURE_STEMS - stems([unit])


# Words after a time that make it one between two events ("six months *after* the
# notice", "a week *later*", "two years *on*"), and words before one that make it how
# long something lasted ("a meeting that *lasted* five hours", "burned *for* 60 hours").
_RELATIVE_AFTER = re.compile(
    r"\s{1,3}(?:after|afterwards|later|before|earlier|ago|ahead|behind|on|since)\b",
    re.IGNORECASE,
)
_LASTING_BEFORE = re.compile(
    r"\b(?:for|lasted|lasting|lasts|last|took|taking|spent|spending)\s{1,3}"
    r"(?:(?:about|around|some|nearly|almost|over|more\s{1,3}than|less\s{1,3}than"
    r"|at\s{1,3}least|up\s{1,3}to|roughly|approximately|just|only|another|a\s{1,3}further"
    r"|the\s{1,3}(?:next|first|last|past|following))\s{1,3})?$",
    re.IGNORECASE,
)
_TIME_KINDS = frozenset({"between", "lasting"})


_OVER_BEFORE = re.compile(r"\bover\s{1,3}(?:the\s{1,3})?$", re.IGNORECASE)


def _spread(text: str, at: int, values: Sequence[Value], offset: int) -> ValueKind | None:
    """The kind of the figure that a time at `at` spreads ("£300m of cuts *over* two
    years": money), when "over" and a figure within 20 characters stand before it."""
    if not _OVER_BEFORE.search(text, max(0, at - 12), at):
        return None
    before = [v for v in values if v.end - offset <= at and at - (v.end - offset) <= 28]
    return max(before, key=lambda v: v.end).kind if before else None


def time_kind(text: str, start: int, end: int) -> str | None:
    """ "lasting" for a time that says how long something lasted, "between" for one
    between two events, None when the words around it say neither."""
    if _LASTING_BEFORE.search(text, max(0, start - 40), start):
        return "lasting"
    if _RELATIVE_AFTER.match(text, end):
        return "between"
    return None


def times_alike(claim: Claim, candidate: Candidate, value: Value, other: Value) -> bool:
    """Whether two times of the same unit measure the same kind of time: a time between
    two events ("six months after the notice") is no length of something ("a meeting
    that lasted five hours"), and neither is a time a figure is spread over ("21% over
    the two years"); two spreads are alike only over figures of one kind ("£90m of cuts
    over three years" / "21% over two years" are not)."""
    kinds = {
        time_kind(claim.text, value.start - claim.start, value.end - claim.start),
        time_kind(
            candidate.hit.text, other.start - candidate.hit.start, other.end - candidate.hit.start
        ),
    }
    timed = dimension(value.unit) == dimension(other.unit) == "time"
    if timed and kinds == _TIME_KINDS:
        return False
    mine = _spread(
        claim.text, value.start - claim.start, [f.value for f in claim.facts if f.value],
        claim.start,
    )  # fmt: skip
    theirs = _spread(
        candidate.hit.text, other.start - candidate.hit.start, candidate.values,
        candidate.hit.start,
    )  # fmt: skip
    if mine is not None and theirs is not None and mine != theirs:
        return False
    return not (timed and "between" in kinds and (mine is not None or theirs is not None))


# A time told by how long after something it came: "27 years after the disaster".
_ELAPSED_AFTER = re.compile(r"\s{1,3}(?:after|later|on|since)\b", re.IGNORECASE)


# A length of time with a smaller one after it: "29 hours *and six minutes*".
_AND_SMALLER = re.compile(
    r"\s{0,3}(?:,\s{0,3}|\s{1,3}and\s{1,3}|\s)[\w-]+\s{1,3}([a-z]+)\b", re.IGNORECASE
)


def _and_less(text: str, at: int, unit: str | None) -> bool:
    """Whether the measure ending at `at` goes on with a smaller unit of its dimension:
    "29 hours and six minutes", "six feet, two inches"."""
    found = _AND_SMALLER.match(text, at)
    if found is None:
        return False
    mine, theirs = unit_size(unit), unit_size(singular(found.group(1).lower()))
    return mine is not None and theirs is not None and theirs[0] == mine[0] and theirs[1] < mine[1]


def whole_units_since(
    candidate: Candidate, compare: Callable[[Value, Value], bool | None]
) -> Callable[[Value, Value], bool | None]:
    """`compare`, reading a passage's time since an event in whole units ("decided on
    Tuesday, 27 years after the disaster") as the whole units gone by, which more may
    follow: it states "more than 27 years after the disaster" (and still denies "less
    than 27 years"); so does a measure with a smaller unit after it ("29 hours and six
    minutes" states "more than 29 hours", "six feet, two inches" "over six feet")."""

    def counted(value: Value, other: Value) -> bool | None:
        if (
            other.qualifier is None
            and other.number is not None
            and other.number == value.number
            and float(other.number).is_integer()
            and other.unit == value.unit
            and dimension(other.unit) is not None
            and (
                _ELAPSED_AFTER.match(candidate.hit.text, other.end - candidate.hit.start)
                or _and_less(candidate.hit.text, other.end - candidate.hit.start, other.unit)
            )
        ):
            low, high = interval(value)
            if low > other.number and high == float("inf"):
                return True
        return compare(value, other)

    return counted


def another_length(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether a bound on a length of time is met only by a length of another thing: a
    unit of time does not say what lasted, so "after more than 49 hours of deliberation"
    is not what "a retrial that lasted seven weeks" says unless the claim's words around
    its figure stand by the passage's. The same length, in any unit, states it."""
    return bool(value.qualifier) and length_of_another(claim, value, candidate, other)


def length_of_another(claim: Claim, value: Value, candidate: Candidate, other: Value) -> bool:
    """Whether the passage's length of time, not the claim's, is of another thing: the
    words around the two share none but those of any length ("three days of evidence"
    / "The petition had been started three years ago")."""
    if dimension(value.unit) != "time" or dimension(other.unit) != "time":
        return False
    if compare_measures(replace(value, qualifier=None), replace(other, qualifier=None)):
        return False
    mine = _plain_words_near(claim.text, value.start - claim.start, value.end - claim.start)
    at = other.start - candidate.hit.start
    theirs = _plain_words_near(candidate.hit.text, at, at + len(other.text))
    if _GONE_BY.match(claim.text, value.end - claim.start) and _GONE_BY.match(
        candidate.hit.text, other.end - candidate.hit.start
    ):
        return False  # two times gone by: "nine years have gone by" / "a year had passed"
    if _before_the_same(
        claim.text, value.end - claim.start, candidate.hit.text, at + len(other.text)
    ):
        return False
    return not (mine & theirs) - _LENGTH_WORDS


# A length of time counted to or from an event: "four days *before* the attack".
_TO_OR_FROM = re.compile(r"(?i)\s{1,3}(before|after|since)\s")
# How many words after "before" or "after" name the event.
_EVENT_WORDS = 6


def _before_the_same(text: str, end: int, other_text: str, other_end: int) -> bool:
    """Whether two lengths are counted the same way to or from the same event: "four
    weeks before the attack" / "four days before he carried out the attack"."""
    mine = _TO_OR_FROM.match(text, end)
    theirs = _TO_OR_FROM.match(other_text, other_end)
    if mine is None or theirs is None or mine.group(1).lower() != theirs.group(1).lower():
        return False

    def event(words: str) -> set[str]:
        plain = [w for w in WORD.findall(words)[:_EVENT_WORDS] if w.islower()]
        return stems(content_words(" ".join(plain)))

    return bool(event(text[mine.end() :]) & event(other_text[theirs.end() :]))


# Words right after a length that say it had gone by since something: "three months
# *after* the report", "nine years *have gone by*", "a year *later*".
_GONE_BY = re.compile(
    r"(?i)\s{1,3}(?:(?:have|has|had)\s{1,3}(?:gone\s{1,3}by|passed|elapsed)|passed|later|after)\b"
)


def _plain_words_near(text: str, start: int, end: int) -> set[str]:
    """Stems of the two lower-case content words either side of a span, the words of a
    bound aside: what lasted, not who ("Vennells began three days of evidence":
    "began", "evidence")."""

    def plain(words: list[str]) -> list[str]:
        lower = " ".join(w for w in words if w.islower() and w not in BOUND_WORDS)
        return content_words(lower)

    before = plain(WORD.findall(text[max(0, start - 120) : start]))[-2:]
    after = plain(WORD.findall(text[end : end + 120]))[:2]
    return stems(before + after)


# Words around any length of time, which say nothing of what lasted.
_LENGTH_WORDS = stems([*BOUND_WORDS, *TIME_LINK_WORDS, "for"])


# "125 out of 327 active cases": the whole after the part.
_OUT_OF = re.compile(r"(?i)\s{1,3}out\s{1,3}of\s{1,3}(?P<whole>[\w.,-]{1,30})")


def with_wholes(values: Sequence[Value]) -> list[Value]:
    """The values, and the whole of each count of a part out of it: "125 out of 327 active
    cases remain hospitalized" counts 125 hospitalized and 327 active cases, and which of
    the two a claim's "fewer than 325 active cases" counts is for the readings to settle."""
    found = list(values)
    for value in values:
        said = _OUT_OF.search(value.text) if value.kind == ValueKind.COUNT else None
        whole = parse_number(said.group("whole")) if said else None
        if said is None or whole is None:
            continue
        at = said.start("whole")
        found.append(replace(value, text=value.text[at:], start=value.start + at, number=whole))
    return found


# A name that frames a passage's figures, opening it: "On Metacritic, the film has a
# score of 67 out of 100, based on 9 reviews", "According to Box Office Mojo, ...".
_FRAMED_BY = re.compile(
    r"(?:On|At|According\s{1,3}to)\s{1,3}(?:the\s{1,3}(?:[a-z-]+\s{1,3}){0,4})?"
    r"(?P<name>[A-Z][\w'&.-]*(?:\s{1,3}[A-Z][\w'&.-]*){0,4})\s{0,3},"
)
# A name the claim's figure is said on, anywhere in it: "has less than 29 reviews on
# Rotten Tomatoes".
_SAID_ON = re.compile(
    r"\b(?:[Oo]n|[Aa]t|[Aa]ccording\s{1,3}to)\s{1,3}(?:the\s{1,3})?"
    r"(?P<name>[A-Z][\w'&.-]*(?:\s{1,3}[A-Z][\w'&.-]*){0,4})"
)


def framed_by_another(claim: Claim, candidate: Candidate) -> bool:
    """Whether the passage opens by naming where its figures are said ("On Metacritic,
    ...") and the claim says its own are said on another name the passage never gives
    ("less than 29 reviews on Rotten Tomatoes"): that passage's figures are another
    site's, another venue's, another day's, and neither state nor deny the claim's."""
    frame = _FRAMED_BY.match(candidate.hit.text)
    if frame is None or frame.group("name") in claim.text:
        return False
    text = candidate.hit.text
    return any(
        m.group("name") != frame.group("name") and m.group("name") not in text
        for m in _SAID_ON.finditer(claim.text)
    )
