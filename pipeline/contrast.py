"""What a passage says instead of a claim: contradictions beyond numbers, and rivals.

`coverage` tells which of a claim's words a passage states. This reads what it
says where the claim says something else, when the passage is about the same
event (most of the claim's clause stated, or a typed fact it supports right
by the word):

- another name in the same role: "West Midlands Police" where the passage,
  with the same words around it, says "Greater Manchester Police"; by the
  value the passage holds for the claim ("29, from Stockport" / "from
  Bolton"); in a list the two share ("G4S, SMG and British Transport Police"
  / "SMG, Showsec and British Transport Police");
- the opposite word: "rose" against "fell", "convicted" against "acquitted";
- the reversed predicate: "will face" against "will not face".

It also finds a passage's word in the place of a claim's unstated one
(`rival`: "postponed after a fire" / "postponed after flooding"), which keeps
the unstated word from being read as something the claim merely adds, and a
predicate reversed in the sentences beside the evidence (`reversed_nearby`).

Plain string work over records, as `coverage` is: no model, no store.
"""
# Over 600 lines: every kind of contrast, which share the same-event test and the role helpers.

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz

from . import lexicon
from .claims import same_name
from .coverage import (
    BY_AGE,
    DETERMINER_BEFORE,
    FINDING,
    FIRST_OF_SERIES,
    KIN,
    NAME_KINDS,
    NEGATION,
    ROLES,
    TERM_WORD,
    VALUE_LABELS,
    Coverage,
    Span,
    Window,
    _bare,
    _is_content,
    _overlaps,
    _same_stem,
    compound_rival,
    cover,
    initials_of,
    kin_named,
    ordinal_at,
    ordinals,
    past_form,
    title_names,
)
from .lexicon import ONE_WORD
from .places import one_place
from .text import STOPWORDS, WORD, clause_at, content_words, plain_letters, stem
from .values import parse_number
from .values.nouns import plural_looking
from .values.numbers import parse_ordinal
from .values.words import DETERMINERS

# "not" glued into a compound ("not-for-profit") negates no verb; "no longer" does ("would
# no longer be allowed").
_VERB_NEGATION = re.compile(
    r"(?<!-)\b(?:not|never|no\s{1,3}longer)\b(?!-)|n[\u2019']t\b", re.IGNORECASE
)


# Verbs that deny the verb after them: "unable to play", "refused to take part"; and
# their nouns: "the department's refusal to comply".
_DENYING = re.compile(
    r"\b(?:unable|fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing)"
    r"|inability)\s+to\b",
    re.IGNORECASE,
)


# Verbs that make the verb after them a wish or a plan, not a deed: "wanted to cast".
_INTENDING = re.compile(
    r"\b(?:want(?:s|ed)?|plan(?:s|ned)?|hop(?:e|es|ed)|tr(?:y|ies|ied)|attempt(?:s|ed)?"
    r"|intend(?:s|ed)?|expect(?:s|ed)?|aim(?:s|ed)?|sought|seek(?:s)?)\s+(?:\w+\s+)?to\s+$",
    re.IGNORECASE,
)


_NONE_OF = re.compile(
    r"\b(?:none|neither)\s+of\b|\bno\s+one\b|\bnobody\b|\b(?-i:nothing)\b|^\s*Nothing\b",
    re.IGNORECASE,
)


# "neither Transport for London nor Tram Operations Ltd, the operator, would face": a
# subject of two that the verb after it is denied of, read from the "nor".
_NEITHER_NOR = re.compile(r"(?i)\bneither\s{1,3}(?!of\b)(?:[\w'&.-]{1,30},?\s{1,3}){1,8}?nor\b")


_AUXILIARIES = frozenset(
    """be been being is are was were am have has had will would shall should can could may
    might must do does did yet ever even also always so still""".split()
)


# Roles whose names the tagger often confuses ("West Midlands Police" as a place,
# "the Old Bailey" as an organisation): a name of one may fill the other's role when
# more of the words around them agree.
# Words after a name that make it the source of a report: "the Guardian's report".
_SOURCE_AFTER = re.compile(
    r"(?:['\u2019]s)?(?<!\s)\s+(?:own\s+)?(?:report|reports|reported|reporting|article|story|"
    r"said|says|told|announced|revealed|investigation)\b",
    re.IGNORECASE,
)


_NEAR_ROLES = {
    ("org", "place"),
    ("place", "org"),
    ("person", "place"),
    ("place", "person"),
    ("person", "org"),
    ("org", "person"),
}


# A contrast needs the passage to be about the same event: this share of the claim's
# other words covered, and at least this many of them.
SAME_EVENT_SHARE = 0.6


SAME_EVENT_WORDS = 2


# Characters between a term and a typed fact the passage supports for the two to be
# read as one event: "convicted at Manchester Crown Court in March 2020".
NEAR_ANCHOR = 40


# A list: its names within this many characters of the next, joined by a comma or
# "and"; and how many of them a changed name must stand with.
LIST_GAP = 40


LIST_MATES = 2


_LIST_JOIN = re.compile(r",|\band\b|\bor\b|&")
# A verb between two names makes them a clause's, not a list's: "Jacob Schilt, both
# 23, *were* Worthing United footballers".
_CLAUSE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|had|has|have|been|said|says)\b")


# Prepositions that put a name in a role: where, from where, to where, by whom.
_PREPOSITION_BEFORE = re.compile(
    r"\b(at|in|from|to|by|near|outside|inside|into|for|with)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)


# Words either side of two names that must overlap for one to fill the other's role.
ROLE_WINDOW = 8


# Content words either side of an uncovered claim word within which a passage's
# word that shares a neighbour with it stands in its place (`rival`).
RIVAL_REACH = 3


# How a passage's word must stand to a claim's to be the same word in a rival's test.


class ContrastKind(StrEnum):
    ENTITY = "entity"  # another name in the same role
    ANTONYM = "antonym"  # the opposite word
    NEGATION = "negation"  # the predicate reversed by a negation
    ORDER = "order"  # another place in the same order: "sixth album" / "seventh album"
    LESS = "less"  # the passage says less: "one of the most populous" / "the most populous"
    CAUSE = "cause"  # another cause of the same thing: "after a fire" / "after flooding"
    KIND = "kind"  # another thing of the same kind in its place: "kidney" / "liver" failure


@dataclass(frozen=True, slots=True)
class Contrast:
    """What the passage says where the claim says something else."""

    kind: ContrastKind
    article: str  # the claim's words
    source: str  # the passage's words
    source_start: int | None = None  # offsets of the source's words in the passage text
    source_end: int | None = None
    # Found by a value the passage holds for the claim (`held`): the passage is about
    # the claim's event by that value, however little else of the claim it says.
    anchored: bool = False
    # Where the claim's words stand in the claim, where known.
    article_start: int | None = None


def contrasts(
    claim_text: str,
    terms: Sequence[Span],
    coverage: Coverage,
    window: Window,
    *,
    claim_entities: Sequence[Span] = (),
    anchors: Sequence[tuple[int, int]] = (),
    held: Sequence[tuple[int, int]] = (),
    unsaid: frozenset[str] = frozenset(),
) -> tuple[Contrast, ...]:
    """Contradictions beyond numbers, read only where the passage is about the same event.

    The same event is judged clause by clause (`clauses`): in the clause of the
    uncovered term, the words the window covers and the typed facts it supports
    (`anchors`, spans of the claim) number at least SAME_EVENT_WORDS and make at
    least SAME_EVENT_SHARE of the clause. Then an uncovered name whose role
    another name of the passage fills (the same kind of entity, sharing a word
    of the claim around it), an uncovered word whose antonym the passage holds
    in the same place, or a predicate negated in one and not the other.
    `held` are the spans of the passage's values that support those facts: a
    name by an anchor in the claim and another by its value in the passage,
    after the same preposition, fill one role ("29, from Stockport" /
    "twenty-nine-year-old from Bolton"). `unsaid` are the claim's names that no
    passage read for it states: another name in such a name's slot
    (`slot_rival`) is a change.
    """
    found: list[Contrast] = []
    for term in coverage.uncovered:
        contrast = (
            _changed(claim_text, term, coverage, window, claim_entities, anchors, held, unsaid)
            if _same_event(claim_text, term, terms, coverage, anchors)
            else _unsaid_by_name(claim_text, term, window, claim_entities, unsaid)
        )
        if contrast is not None:
            found.append(contrast)
    # A name the passage states, put in a frame where the passage puts another one; an
    # ordinal it states of something else ("first" elsewhere, "sixth penalty" here).
    for term in coverage.covered:
        if not _same_event(claim_text, term, terms, coverage, anchors):
            continue
        if term.label in ROLES or _looks_like_name(term):
            other = (
                (_frame_rival(claim_text, term, window) if term.label in ROLES else None)
                or (_said_to_be(claim_text, term, window) if term.label in ROLES else None)
                or _slot_taken(claim_text, term, window, claim_entities)
                or _modifier_rival(claim_text, term, window)
                or _appositive_rival(claim_text, term, window, claim_entities)
                or _relative_rival(claim_text, term, window, claim_entities)
                or _owned_otherwise(claim_text, term, window)
            )
            if other is not None and not _posts_apart(claim_text, term, window.text, other):
                at = (other.start, other.end) if other.start >= 0 else (None, None)
                found.append(Contrast(ContrastKind.ENTITY, term.text, other.text, *at))
        elif (who := _other_subject(claim_text, term, window)) is not None:
            found.append(Contrast(ContrastKind.ENTITY, term.text, who.text, who.start, who.end))
        elif (place := _other_place(claim_text, term, window)) is not None:
            found.append(
                Contrast(ContrastKind.ORDER, term.text, place.text, place.start, place.end)
            )
        elif (turned := _opposite_here(claim_text, term, window)) is not None:
            found.append(
                Contrast(ContrastKind.ANTONYM, term.text, turned.text, turned.start, turned.end)
            )
    swapped = (
        _swapped_places(claim_text, window.text)
        or _comparison_reversed(claim_text, window.text)
        or _side_of_reversed(claim_text, window.text)
        or _ranked_lower(claim_text, window.text)
        or _reversed_route(claim_text, window.text)
    )
    if swapped is not None and coverage.share >= SAME_EVENT_SHARE:
        found.append(swapped)
    if coverage.share >= SAME_EVENT_SHARE or len(anchors) + len(coverage.covered) >= 3:
        reversed_ = (
            quantifier_reversed(claim_text, window.text)
            or _negation(claim_text, window.text)
            or _negation_beside(claim_text, window)
        )
        if reversed_ is not None:
            found.append(reversed_)
        kin = _kin_swapped(claim_text, window)
        if kin is not None:
            found.append(kin)
        side = other_side(claim_text, window.text) or other_side(
            claim_text, f"{window.before} {window.after}", beside=True
        )
        if side is not None:
            found.append(side)
    return tuple(c for c in found if not _initials_within(c))


def _initials_within(contrast: Contrast) -> bool:
    """Whether a name set against another holds that other's initials ("NFL Champions" /
    "the National Football League"): the same name inside a longer one, never a rival."""
    if contrast.kind != ContrastKind.ENTITY:
        return False
    theirs = re.sub(r"(?i)^the\s+", "", contrast.source)
    return any(
        initials_of(word, theirs) or initials_of(theirs, word)
        for word in contrast.article.split()
        if word.isupper() and len(word) >= 2
    )


# Verbs that take a side, "for" or "against" it: "voted for the bill", "campaigned
# against the law".
_SIDE_VERBS = frozenset("vote campaign argue lobby speak testify fight petition march".split())
_SIDE = re.compile(r"\b(?:for|against)\b", re.IGNORECASE)
# Words before "for" or "against" read for the verb that takes the side.
SIDE_REACH = 3


def _sides_taken(text: str) -> list[tuple[str, list[tuple[str, int]], int]]:
    """Each "for" or "against" with the words just before it: (side, [(word, start)],
    end of the side)."""
    found = []
    for m in _SIDE.finditer(text):
        offset = max(0, m.start() - 60)
        words = list(TERM_WORD.finditer(text[offset : m.start()]))[-SIDE_REACH:]
        found.append(
            (m.group(0).lower(), [(w.group(0).lower(), offset + w.start()) for w in words], m.end())
        )
    return found


def other_side(claim_text: str, text: str, *, beside: bool = False) -> Contrast | None:
    """A verb that takes a side, with the other side in the passage (or, `beside`, the
    sentences either side of it, whose offsets are not shown): "campaigned ever since
    against a law" / "led the campaign for the legislation", "voted for" / "voted
    against"."""
    for side, words, end in _sides_taken(claim_text):
        verbs = [(w, at) for w, at in words if _SIDE_VERBS & set(lexicon.lemmas(w))]
        if not verbs:
            continue
        verb, start = verbs[-1]
        for other, theirs, stop in _sides_taken(text):
            at = next((a for w, a in theirs if _alike(w, verb)), None)
            if other == side or at is None:
                continue
            return Contrast(
                ContrastKind.ANTONYM,
                claim_text[start:end],
                text[at:stop],
                None if beside else at,
                None if beside else stop,
            )
    return None


def _other_subject(claim_text: str, term: Span, window: Window) -> Span | None:
    """Another subject of the claim's verb in the passage, for a word for a person that
    only the sentences beside the passage state: "the coroner found that police failings
    ..." against "The jury found that failings by the Metropolitan Police ...", with
    "the coroner" in the next sentence."""
    if term.label or not lexicon.names_a_person(term.text):
        return None
    verb = _SUBJECT_VERB.match(claim_text, term.end)
    if verb is None or not DETERMINER_BEFORE.search(claim_text[: term.start]):
        return None
    alone = Window(window.text, entities=window.entities)
    if cover([term], alone).complete:
        return None
    said = verb.group(1).lower()
    if said in STOPWORDS:
        return None  # "the chairman for the committee": no verb
    for m in _SUBJECT_BEFORE.finditer(window.text):
        if m.group(2).lower() != said:
            continue
        other = m.group(1)
        lower = other.lower()
        if lower in STOPWORDS or _alike(lower, term.text.lower()):
            continue
        if lexicon.names_a_person(lower) or lower in _BODIES or other[:1].isupper():
            return Span("", other, m.start(1), m.end(1))
    return None


# Bodies that act as one person does: "the jury found", "the court ruled".
_BODIES = frozenset(
    """jury court council committee panel board police inquiry inquest government tribunal
    watchdog regulator commission coroner""".split()
)


# A subject's verb right after it ("the coroner *found*"), and a passage's subject before
# the same verb after a determiner ("The *jury* found").
_SUBJECT_VERB = re.compile(r"\s{1,3}([a-z]+)\b")
_SUBJECT_BEFORE = re.compile(
    r"(?i:\b(?:the|a|an|its|his|her|their)\s{1,3})([A-Za-z][\w-]*)\s{1,3}([a-z]+)\b"
)


def _kin_swapped(claim_text: str, window: Window) -> Contrast | None:
    """Another name after the same relative placed by age: "his older brother Hashem"
    against "his older brother Salman"."""
    for m in _KIN_PLACED.finditer(claim_text):
        placed, kin, name = m.group(1), m.group(2), m.group(3)
        if kin.lower() not in KIN:
            continue
        theirs = kin_named(placed, kin, window.text)
        if theirs and name not in theirs:
            said = f"{placed} {kin} {theirs[0]}"
            at = window.text.find(said)
            return Contrast(
                ContrastKind.ENTITY,
                f"{placed} {kin} {name}",
                said,
                at if at >= 0 else None,
                at + len(said) if at >= 0 else None,
            )
    return None


_KIN_PLACED = re.compile(rf"(?i:\b({'|'.join(BY_AGE)}))\s{{1,3}}(\w+)\s{{1,3}}([A-Z][\w'-]*)")


def _changed(
    claim_text: str,
    term: Span,
    coverage: Coverage,
    window: Window,
    claim_entities: Sequence[Span],
    anchors: Sequence[tuple[int, int]],
    held: Sequence[tuple[int, int]],
    unsaid: frozenset[str] = frozenset(),
) -> Contrast | None:
    """What the passage says in the place of an uncovered term, if it says something else:
    another place in an order, another name in the role, or the opposite word."""
    place = _other_place(claim_text, term, window)
    if place is not None:
        return Contrast(ContrastKind.ORDER, term.text, place.text, place.start, place.end)
    numbered = _numbered_otherwise(claim_text, term, window)
    if numbered is not None:
        return numbered
    if term.label or _looks_like_name(term):
        return _other_named(
            claim_text, term, coverage, window, claim_entities, anchors, held, unsaid
        )
    cause = _other_cause(claim_text, term, window)
    if cause is not None:
        said, other = cause
        at = (other.start, other.end) if other.start >= 0 else (None, None)
        return Contrast(ContrastKind.CAUSE, said, other.text, *at)
    opposite = _opposite_deed(claim_text, term, window, anchors) or opposite_in_place(
        claim_text, term, window
    )
    if opposite is None and (rival_ := compound_rival(term.text, window.text)):
        opposite = Span("", rival_.group(0), rival_.start(), rival_.end())
    if opposite is None:
        return _same_kind_in_place(claim_text, term, window)
    return Contrast(ContrastKind.ANTONYM, term.text, opposite.text, opposite.start, opposite.end)


# A name's capitalised words right before the number that ends it: "the *Reservoirs
# Act* 1975".
_NAME_BEFORE_NUMBER = re.compile(r"((?:[A-Z][\w'\u2019&-]{0,30}\s{1,3}){1,4})$")
# The words that end the name of a law, which its year ends: "the Reservoirs *Act* 1975".
_LAWS = frozenset("act acts order regulations rules bill directive treaty convention".split())


def _numbered_otherwise(claim_text: str, term: Span, window: Window) -> Contrast | None:
    """The claim's law with its year where the passage gives that law another year: "the
    Reservoirs Act 1995" / "the Reservoirs Act 1975". Only a year that ends the name of
    a law, whose year is part of its name, and only when the passage never gives the
    name the claim's year: the number of one of a series is another of the series
    ("PlayStation 5" / "PlayStation 4", "Week 3" / "Week 6")."""
    if not (term.text.isdigit() and len(term.text) == 4):
        return None
    name = _NAME_BEFORE_NUMBER.search(claim_text, max(0, term.start - 80), term.start)
    if name is None:
        return None
    words = name.group(1).split()
    while words and words[0].lower() in STOPWORDS:
        words = words[1:]  # "The Reservoirs Act": no part of the name
    if not words or words[-1].lower() not in _LAWS:
        return None
    said = re.compile(r"\s{1,3}".join(map(re.escape, words)) + r"\s{1,3}(\d+)\b")
    others = [m for m in said.finditer(window.text) if m.group(1) != term.text]
    if not others or any(m.group(1) == term.text for m in said.finditer(window.spoken)):
        return None
    other = others[0]
    shown = f"{' '.join(words)} {other.group(1)}"
    return Contrast(
        ContrastKind.ENTITY, f"{' '.join(words)} {term.text}", shown, other.start(), other.end()
    )


# An owner's "'s" that ends a name ("Sheffield United's ground"), not one inside it
# ("Martyn's Law").
OWNER_END = re.compile(r"['\u2019]s$")
# A run of capitalised words, joined by spaces: a name as a passage writes it.
_CAPITALISED_WORDS = re.compile(
    r"(?<![\w'\u2019&.-])[A-Z][\w'\u2019&.-]{0,30}(?:\s{1,3}[A-Z][\w'\u2019&.-]{0,30}){1,5}"
)
# Words of the claim the passage must share around the two names, on the same sides.
RENAMED_AROUND = 1


def renamed(claim_text: str, name: Span, window: Window) -> Span | None:
    """The passage's name that is the claim's with one word changed, in the same place:
    "Hillsborough, Sheffield United's ground" / "Hillsborough, the home of Sheffield
    Wednesday", "of West Yorkshire Police" / "of South Yorkshire Police". The changed
    word is a word, not a number or another spelling ("Center" / "Centre", "Gijon" /
    "Gijón", "Bros." / "Brothers"), nor the kind of body or place the name ends in
    ("Greater Manchester Fire" is another body than "Greater Manchester Police"); the
    passage's name is no other name of the claim's and no person's; and a word of the
    claim's stands on the same side of both (RENAMED_AROUND)."""
    words = name.text.split()
    if not all(w[:1].isupper() and w.lower() not in STOPWORDS for w in words):
        return None
    people = [(e.start, e.end) for e in window.entities if e.label == "PERSON"]
    for m in _CAPITALISED_WORDS.finditer(window.text):
        if any(a < m.end() and m.start() < b for a, b in people):
            continue
        theirs = OWNER_END.sub("", m.group(0)).split()
        if len(theirs) != len(words) or " ".join(theirs) in claim_text:
            continue
        apart = [(k, a, b) for k, (a, b) in enumerate(zip(words, theirs, strict=True)) if a != b]
        if len(apart) != 1 or not _another_word(*apart[0][1:]):
            continue
        k, mine, other = apart[0]
        if k == len(words) - 1 and {mine.lower(), other.lower()} & NAME_KINDS:
            continue
        if (
            _same_side(claim_text, name, window.text, m.start(), m.end(), alike=True)
            < RENAMED_AROUND
        ):
            continue
        return Span("", " ".join(theirs), m.start(), m.end())
    return None


def _another_word(mine: str, other: str) -> bool:
    """Whether two words of a name are other words, not one spelt otherwise."""
    a, b = plain_letters(mine.lower()).rstrip("."), plain_letters(other.lower()).rstrip(".")
    return (
        a.isalpha()
        and b.isalpha()
        and b not in STOPWORDS
        and not _shortened(a, b)
        and not _shortened(b, a)
        and fuzz.ratio(a, b) < SPELT_OTHERWISE
    )


def _shortened(word: str, short: str) -> bool:
    """Whether `short` is `word` cut short or abbreviated: "Grammy" of "Grammys", "Bros"
    of "Brothers" (its first letter and, in order, its others: five letters at most)."""
    if word.startswith(short):
        return True
    if len(short) > 5 or short[:1] != word[:1]:
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in short[1:])


# How alike two words may be and still be two words, not one spelt two ways.
SPELT_OTHERWISE = 75


def _opposite_deed(
    claim_text: str, term: Span, window: Window, anchors: Sequence[tuple[int, int]]
) -> Span | None:
    """The opposite deed, by a verb's past form, in a passage that holds a typed fact of
    the term's clause: the value ties the passage to the claim's event, and one word of
    the claim's after the verb is enough ("Monk ... had *lost* his job in February 2011"
    / "had been found guilty of gross misconduct in February 2011 but had kept his
    job"). Not a present tense ("the dam that holds back the reservoir" / "the dam
    *broke* away") nor any other word ("away" / "on")."""
    if not _said_done(term.text):
        return None
    start, end = clause_at(claim_text, term.start)
    if not any(start <= a < end for a, _ in anchors):
        return None
    found = opposite_in_place(claim_text, term, window, shared=1)
    if found is None or not _said_done(found.text):
        return None
    # The shared word is what was done to (after the verb, before a passive one): "was
    # *cleared* of misconduct" is not denied by "was convicted of manslaughter"; "his
    # contract was *renewed* in 2003" is by "terminated his contract in 2003".
    return found if _done_to_alike(claim_text, term, window.text, found) else None


def _done_to_alike(claim_text: str, term: Span, text: str, found: Span) -> bool:
    """Whether two verbs share a word of what was done to: after both, or before the
    passive one and after the active one."""
    mine = _sides(claim_text, term.start, term.end)
    theirs = _sides(text, found.start, found.end)
    passive = (_passive(claim_text, term.start), _passive(text, found.start))
    if passive == (True, False):
        return bool((mine[0] | mine[1]) & theirs[1])
    if passive == (False, True):
        return bool(mine[1] & (theirs[0] | theirs[1]))
    return bool(mine[1] & theirs[1])


def _said_done(word: str) -> bool:
    """A verb's past form, regular or not: "resigned", "kept", "lost" (not an irregular
    present tense: "is", "has")."""
    return past_form(word) or (lexicon.irregular_form(word) and not word.lower().endswith("s"))


def _same_kind_in_place(claim_text: str, term: Span, window: Window) -> Contrast | None:
    """The passage's word in the place of an uncovered one (`rival`) that names another
    thing of the same specific kind (`lexicon.same_kind`): "to collect a *funeral* party"
    / "to collect a wedding party", "*liver* failure" / "kidney failure". A verb's form
    names no kind of thing: "rain had *fallen* at the site" is not "an accident", nor
    "took home five awards" another kind of "won five awards"."""
    if past_form(term.text):
        return None
    other = next(
        (
            r
            for r in rivals(claim_text, term, window)
            if not past_form(r.text)
            and lexicon.same_kind(term.text, r.text)
            and not _modified_otherwise(claim_text, term, window.text, r)
        ),
        None,
    )
    if other is None:
        return None
    return Contrast(ContrastKind.KIND, term.text, other.text, other.start, other.end)


# The word right after a position, spaces between: "failure" after "kidney".
WORD_AFTER = re.compile(rf"\s{{1,3}}({TERM_WORD.pattern})")


def _next_words(claim_text: str, mine: int, text: str, theirs: int) -> tuple[str, str] | None:
    """The words right after a claim's word (ending at `mine`) and a passage's (ending at
    `theirs`), the claim's a content word; None when either has none."""
    after_mine = WORD_AFTER.match(claim_text, mine)
    after_theirs = WORD_AFTER.match(text, theirs)
    if after_mine is None or after_theirs is None or not _is_content(after_mine.group(1)):
        return None
    return after_mine.group(1), after_theirs.group(1)


def _modified_otherwise(claim_text: str, term: Span, text: str, other: Span) -> bool:
    """Whether the passage's word heads a compound of its own, which may name the claim's
    thing in other words: "flew *airliners* for" / "flies passenger jets for" (a word
    before it that the claim does not have there). A word that, as the claim's, qualifies
    the same next word is no such head: "*liver* failure" / "end-stage kidney failure"."""
    after = _next_words(claim_text, term.end, text, other.end)
    if after is not None and after[0].lower() == after[1].lower():
        return False
    before = TERM_WORD.findall(text[max(0, other.start - 40) : other.start])[-1:]
    mine = TERM_WORD.findall(claim_text[max(0, term.start - 40) : term.start])[-1:]
    return (
        bool(before)
        and _is_content(before[0])
        and (not mine or not _alike(before[0].lower(), mine[0].lower()))
    )


def _other_named(
    claim_text: str,
    term: Span,
    coverage: Coverage,
    window: Window,
    claim_entities: Sequence[Span],
    anchors: Sequence[tuple[int, int]],
    held: Sequence[tuple[int, int]],
    unsaid: frozenset[str],
) -> Contrast | None:
    """Another name of the passage in the role, slot, list or place of the claim's name
    `term` (`_changed`)."""
    if _misspelt_here(term, window):
        return None  # "Antonio Banders" is the passage's "Antonio Banderas"
    other = _coded_variant(term, window) or (
        _other_name(claim_text, term, window, claim_entities) if term.label else None
    )
    if other is None:
        other = _list_rival(claim_text, term, coverage, window, claim_entities)
    if other is None:
        other = _modifier_rival(claim_text, term, window)
    anchored = None
    if other is None and (rel := _relative_rival(claim_text, term, window, claim_entities)):
        # Tied by the value the passage holds for the claim when the clause gives it: "who
        # had sat in the cabinet since 2016".
        clause = _WHO_AFTER.match(claim_text, term.end)
        if clause is not None and any(clause.start(1) <= a < clause.end(1) for a, _ in anchors):
            anchored = rel
        else:
            other = rel
    if other is None and anchored is None and term.label == "NORP":
        origin = _other_origin(term, claim_text, window, claim_entities)
        if origin is not None and origin[1]:
            anchored = origin[0]
        elif origin is not None:
            other = origin[0]
    if other is None and (rival_ := compound_rival(term.text, window.text)):
        other = Span(term.label, rival_.group(0), rival_.start(), rival_.end())
    if other is None and anchored is None:
        anchored = _anchored_name(claim_text, term, window, anchors, held, claim_entities)
    if other is None and anchored is None and term.text in unsaid:
        other = slot_rival(claim_text, term, window, claim_entities)
    if other is None and anchored is None and term.text in unsaid:
        anchored = _anchored_name(
            claim_text, term, window, anchors, held, claim_entities, any_preposition=True
        )
    name = other or anchored
    if name is None or _unlike_names(term.text, name.text):
        return None  # one name, however found: "West Mercia's" / "West Mercia Police"
    if _posts_apart(claim_text, term, window.text, name):
        return None
    return Contrast(
        ContrastKind.ENTITY,
        term.text,
        name.text,
        name.start if name.start >= 0 else None,
        name.end if name.start >= 0 else None,
        anchored=anchored is not None,
    )


# Content words after an ordinal that it may share with the passage's ("the *sixth
# album*", "the 21st *Chief Minister*"); and the claim's words around it, either side,
# that the passage's must hold.
ORDER_REACH = 3
ORDER_AROUND = 2


# A word for the first of a series, read as its ordinal: "the *debut* studio album".
_FIRST_OF_SERIES = re.compile(rf"(?i)\b{FIRST_OF_SERIES}\b")


def _other_place(claim_text: str, term: Span, window: Window) -> Span | None:
    """The passage's other ordinal for the same thing: "seventh album" for "sixth album",
    "17th Chief Minister" for "21st Chief Minister", "debut studio album" for "second
    studio album".

    The two share a content word among the ORDER_REACH after them (the thing
    ordered), and neither is a day of a month.
    """
    mine = ordinal_at(claim_text, term.start, term.end)
    if mine is None:
        return None
    after = _following(claim_text, term.end)
    firsts = [(1, m) for m in _FIRST_OF_SERIES.finditer(window.text)]
    same_thing = [
        (value, m)
        for value, m in [*ordinals(window.text), *firsts]
        if any(_alike(a, b) for a in after for b in _following(window.text, m.end()))
        # ... and said of the same event: "his first round match ... defeating Chardy"
        # is not read against "lost to Paire in the second round".
        and _shared_around(claim_text, term, window.text, m.start(), m.end()) >= ORDER_AROUND
    ]
    if any(value == mine for value, _ in same_thing):
        return None  # the passage gives the claim's own place ("seventeenth" / "17th")
    return next((Span("", m.group(0), m.start(), m.end()) for _, m in same_thing), None)


# A comparison between two things: "were paid *less than* men", "arrived *earlier than*
# planned". A figure after "than" is a bound, read with its value.
_COMPARISON = re.compile(
    r"(?i)(?<![\w'-])(?P<word>[a-z][\w'-]*)\s{1,3}(?P<way>more|less|fewer|higher|lower|greater|smaller|"
    r"bigger|larger|better|worse|earlier|later|longer|shorter|older|younger)\s{1,3}than"
    r"\s{1,3}(?:(?:the|a|an|its|their|his|her)\s{1,3})?(?P<other>[a-z][\w'-]*)"
)
_OPPOSITE_WAYS = {
    "more": {"less", "fewer"}, "less": {"more"}, "fewer": {"more"}, "higher": {"lower"},
    "lower": {"higher"}, "greater": {"smaller", "less"}, "smaller": {"greater", "bigger", "larger"},
    "bigger": {"smaller"}, "larger": {"smaller"}, "better": {"worse"}, "worse": {"better"},
    "earlier": {"later"}, "later": {"earlier"}, "longer": {"shorter"}, "shorter": {"longer"},
    "older": {"younger"}, "younger": {"older"},
}  # fmt: skip


def _comparison_reversed(claim_text: str, passage_text: str) -> Contrast | None:
    """The same comparison the other way: "paid more than men" / "paid less than men".

    The word before the comparison and the one compared with must be the same (or
    one states the other) on both sides."""
    for mine in _COMPARISON.finditer(claim_text):
        way = mine.group("way").lower()
        for theirs in _COMPARISON.finditer(passage_text):
            if theirs.group("way").lower() not in _OPPOSITE_WAYS[way]:
                continue
            if all(
                _same_stem(a.lower(), b.lower()) or lexicon.states(a, b)
                for a, b in (
                    (mine.group("word"), theirs.group("word")),
                    (mine.group("other"), theirs.group("other")),
                )
            ):
                said = f"{mine.group('way')} than {mine.group('other')}"
                other = f"{theirs.group('way')} than {theirs.group('other')}"
                return Contrast(
                    ContrastKind.ANTONYM, said, other, theirs.start("way"), theirs.end("other")
                )
    return None


# A value said against a reference, and which side of it: "just *under the usual
# speed*", "well *above the average*"; the reference's noun ends the phrase.
_SIDE_OF = re.compile(
    r"(?i)\b(?P<way>under|below|beneath|over|above|beyond)\s{1,3}(?:the|its|their|a|an)"
    r"\s{1,3}(?:[a-z][\w'-]*\s{1,3}){0,2}?(?P<other>[a-z][\w'-]*)(?=\s{1,3}(?:for|of|on|in|at)\b|[,.;:]|$)"
)
_BELOW = frozenset({"under", "below", "beneath"})


def _side_of_reversed(claim_text: str, passage_text: str) -> Contrast | None:
    """A value on the other side of the same reference: "well over the usual speed for
    that stretch" / "just below the normal permitted speed for that section"."""
    for mine in _SIDE_OF.finditer(claim_text):
        below = mine.group("way").lower() in _BELOW
        for theirs in _SIDE_OF.finditer(passage_text):
            if (theirs.group("way").lower() in _BELOW) == below:
                continue
            a, b = mine.group("other").lower(), theirs.group("other").lower()
            if _same_stem(a, b) or a == b or lexicon.states(a, b):
                return Contrast(
                    ContrastKind.ANTONYM,
                    " ".join(mine.group(0).split()),
                    " ".join(theirs.group(0).split()),
                    theirs.start(),
                    theirs.end(),
                )
    return None


def _swapped_places(claim_text: str, text: str) -> Contrast | None:
    """Two places in an order given the other way round: "a seventh round pick in return
    for a 6th round pick" against "a sixth round pick ... in exchange for a seventh round
    pick". Both give the same places, in another order."""
    mine = ordinals(claim_text)
    if len(mine) < 2:
        return None  # most claims: the passage is not read
    theirs = ordinals(text)
    if sorted(v for v, _ in mine) != sorted(v for v, _ in theirs):
        return None
    # Places of one kind of thing ("round"), not "first in the 6th championship".
    heads = [_following(t, m.end())[:1] for t, places in ((claim_text, mine), (text, theirs))
             for _, m in places]  # fmt: skip
    if not all(h and _alike(h[0], heads[0][0]) for h in heads):
        return None
    if len({v for v, _ in mine}) < len(mine) or [v for v, _ in mine] == [v for v, _ in theirs]:
        return None
    first, source = mine[0][1], theirs[0][1]
    return Contrast(
        ContrastKind.ORDER, first.group(0), source.group(0), source.start(), source.end()
    )


# A route: "from Manchester to Downing Street".
_ROUTE = re.compile(
    r"\bfrom\s{1,3}((?:the\s{1,3})?[A-Z][\w'-]*(?:\s{1,3}[A-Z][\w'-]*){0,3})"
    r"\s{1,3}to\s{1,3}((?:the\s{1,3})?[A-Z][\w'-]*(?:\s{1,3}[A-Z][\w'-]*){0,3})"
)


def _reversed_route(claim_text: str, text: str) -> Contrast | None:
    """A route given the other way round: "from Downing Street to Manchester" against
    "from Manchester to Downing Street"."""
    for mine in _ROUTE.finditer(claim_text):
        for theirs in _ROUTE.finditer(text):
            if same_name(mine.group(1), theirs.group(2)) and same_name(
                mine.group(2), theirs.group(1)
            ):
                return Contrast(
                    ContrastKind.ORDER,
                    mine.group(0),
                    theirs.group(0),
                    theirs.start(),
                    theirs.end(),
                )
    return None


def _following(text: str, end: int) -> list[str]:
    """The content words among the ORDER_REACH words after a position."""
    words = TERM_WORD.findall(text[end:])[:ORDER_REACH]
    return [w for w in (_bare(w) for w in words) if _is_content(w)]


_SUPERLATIVE = re.compile(
    r"(?<!\bof )\bthe\s+((?:most|least)\s+[A-Za-z-]+|[A-Za-z]+est)\b", re.IGNORECASE
)


def one_of_many(claim_text: str, window: Window) -> Contrast | None:
    """The claim says "the most populous" where the passage says "one of the most
    populous": the passage does not say the claim's superlative. Too weak to
    contradict; enough to keep the claim from SUPPORTED."""
    for m in _SUPERLATIVE.finditer(claim_text):
        if re.search(r"\bone\s+of\s+$", claim_text[: m.start()], re.IGNORECASE):
            continue
        words = r"\s+".join(re.escape(w) for w in m.group(1).split())
        theirs = re.search(rf"\bone\s+of\s+the\s+{words}\b", window.text, re.IGNORECASE)
        if theirs and not re.search(rf"(?<!of )\bthe\s+{words}\b", window.text, re.IGNORECASE):
            return Contrast(
                ContrastKind.LESS,
                f"the {m.group(1)}",
                theirs.group(0),
                theirs.start(),
                theirs.end(),
            )
    return None


_RANK = r"(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"


def _ranked_lower(claim_text: str, text: str) -> Contrast | None:
    """The claim's plain superlative where the passage ranks the same thing lower: "the
    most populous city" against "the 11th-most populous city", "the largest" against
    "the second-largest"."""
    for m in _SUPERLATIVE.finditer(claim_text):
        if re.search(r"\bone\s+of\s+$", claim_text[: m.start()], re.IGNORECASE):
            continue
        words = r"\s+".join(re.escape(w) for w in m.group(1).split())
        theirs = re.search(rf"\b{_RANK}[-\s]+{words}\b", text, re.IGNORECASE)
        if theirs and not re.search(rf"\bthe\s+{words}\b", text, re.IGNORECASE):
            return Contrast(
                ContrastKind.ORDER,
                f"the {m.group(1)}",
                theirs.group(0),
                theirs.start(),
                theirs.end(),
            )
    return None


def reversed_nearby(claim_text: str, window: Window) -> Contrast | None:
    """The claim's predicate reversed in the passage or in a sentence beside it.

    Coverage reads a passage with its neighbours, so a claim can be stated in full by
    a window whose neighbour says the opposite ("would probably have survived"
    against "would probably not have survived"). Read pair by pair (the passage
    with the sentence after it, with the one before): too loose an anchor to
    contradict, enough to keep the claim from SUPPORTED.
    """
    text = window.text
    pairs = [
        (text, 0),
        (f"{text} {window.after}", 0),
        (f"{window.before} {text}", len(window.before) + 1),
    ]
    for pair, at in pairs:
        if not pair.strip() or (found := _negation(claim_text, pair)) is None:
            continue
        start = found.source_start
        if (
            start is not None
            and not at <= start < at + len(text)
            and _said_as_claimed(found, claim_text, text)
        ):
            continue  # "I find that ..." beside "an inquest does not find anyone guilty"
        if (
            start is not None
            and found.article_start is not None
            and _subjects_agree(claim_text, found.article_start, pair, start)
        ):
            # Said of the claim's own subject, in other words: "the behaviour of the fans
            # had caused" / "nothing in the conduct of the supporters had caused".
            found = replace(found, anchored=True)
        return found
    return None


def _subjects_agree(claim_text: str, claim_at: int, passage_text: str, passage_at: int) -> bool:
    """Whether a predicate is said of the same subject on both sides: two content words
    at least, each of the claim's stated by one of the passage's ("the behaviour of the
    fans" / "the conduct of the supporters")."""
    if _passive(claim_text, claim_at) or _passive(passage_text, passage_at):
        return False
    mine = [w.lower() for w in _subject_words(claim_text, claim_at)]
    theirs = [w.lower() for w in _subject_words(passage_text, passage_at)]
    return len(mine) >= 2 and all(
        any(a == b or _same_stem(a, b) or lexicon.states(a, b) for b in theirs) for a in mine
    )


def _said_as_claimed(found: Contrast, claim_text: str, text: str) -> bool:
    """Whether the passage itself says the contrast's word the way the claim does, of
    the same subject, where only a sentence beside it says it the other way: the passage
    is the claim's. ("mistakes by the police had caused" is no passage for "the
    behaviour of the fans had caused", whose neighbour says nothing the fans did had.)"""
    words = TERM_WORD.findall(found.article)
    if not words:
        return False
    mine = words[-1]
    said = re.search(rf"\b{re.escape(mine)}\b", claim_text)
    if said is None:
        return False
    denied = _negated(text)
    negated = bool(NEGATION.search(found.article) or _DENYING.search(found.article))
    return any(
        (at in denied) is negated
        and (lexicon.states(mine, m.group(0)) or lexicon.states(m.group(0), mine))
        and (negated or verb_like(text, at, m.group(0)))
        and not _subjects_differ(claim_text, said.start(), text, at)
        for m in TERM_WORD.finditer(text)
        for at in [m.start()]
    )


def rival(claim_text: str, term: Span, window: Window) -> Span | None:
    """The window's word in the place of an uncovered claim word, if the window has one.

    A content word of the passage that no word of the claim states, whose
    nearest content word on one side (within RIVAL_REACH words) is the same as
    the claim word's on that side: "postponed after a fire" against "postponed
    after flooding". An uncovered word with a rival may be a change; one
    without is something the claim adds, which no source states and none
    denies.
    """
    return next(rivals(claim_text, term, window), None)


def rivals(claim_text: str, term: Span, window: Window) -> Iterator[Span]:
    """Every word of the window that stands in the place of an uncovered claim word, in
    the passage's order (`rival` is the first): "seriously ill, with end-stage kidney
    failure" has "end-stage" and "kidney" in the place of "seriously ill with *liver*
    failure"."""
    mine = _nearest(claim_text, term.start, term.end)
    if mine == (None, None):
        return
    own = _claim_words(claim_text)
    own_stems = {stem(w) for w in own}
    text = window.text
    names = [(e.start, e.end) for e in window.entities if not _lone_word_misread(e, text)]
    for m in TERM_WORD.finditer(text):
        word = _bare(m.group(0))
        # An acronym of the passage's own ("with *GHB*") stands in a plain word's place
        # as any word does, unless it names a place or ends a longer name ("Holdings
        # LLC"); other names are no rival of a plain word.
        acronym = (
            _ACRONYM_WORD.fullmatch(word) is not None
            and not term.text[:1].isupper()
            and not any(
                (e.label in _PLACE_LABELS or e.text != word)
                and e.start < m.end()
                and m.start() < e.end
                for e in window.entities
            )
        )
        # An ordinal stands in a word's place as a content word does: "as the *third*
        # single" against "as a *promotional* single".
        placed = word[:1].islower() and parse_ordinal(word) is not None
        if not (_is_content(word) or placed) or (
            _overlaps(m.start(), m.end(), names) and not acronym and not placed
        ):
            continue
        if (
            not acronym
            and word[:1].isupper()
            and not term.text[:1].isupper()
            and m.start() > 0
            and not (word[1:].islower() and lexicon.known(word.lower()))
        ):
            continue  # a name ("ex-Girls") is no rival of a plain word; "Studio" album is
        if not term.text[:1].isupper() and _NAMED_PART.search(word):
            continue  # "ex-Girls bassist": a name's compound, no rival of a plain word
        theirs = _nearest(text, m.start(), m.end())
        if not any(
            a is not None and b is not None and _alike(a, b)
            for a, b in zip(mine, theirs, strict=True)
        ):
            continue
        if placed and not (
            mine[1] and theirs[1] and _alike(mine[1], theirs[1]) and parse_ordinal(mine[1]) is None
        ):
            continue  # an ordinal of another thing: "on the *tenth* day" / "after a delay"
        lower = word.lower()
        # One word of the claim's in another form ("investigated" / "investigation"),
        # not a longer word that starts with one ("churchyard" / "church").
        if lower in own or (
            stem(lower) in own_stems
            and any(stem(w) == stem(lower) and _same_stem(lower, w) for w in own)
        ):
            continue
        if any(lexicon.relation(w, lower) in ONE_WORD for w in own):
            continue
        yield Span("", word, m.start(), m.end())


def _ing_form(word: str) -> bool:
    """A verb's "-ing" form ("kicking"), not a word that only ends so ("ceiling")."""
    lower = word.lower()
    return lower.endswith("ing") and any(lemma != lower for lemma in lexicon.lemmas(lower))


def same_word_after(claim_text: str, term: Span, text: str, other: Span) -> bool:
    """Whether the nearest content words after a claim's word and after a passage's are
    one word: what a verb is said of ("received a *rating*" / "has a *rating*")."""
    mine = _nearest(claim_text, term.start, term.end)[1]
    theirs = _nearest(text, other.start, other.end)[1]
    return mine is not None and theirs is not None and _alike(mine, theirs)


def _lone_word_misread(entity: Span, text: str) -> bool:
    """Whether the tagger made a person or a work of one plain word written with a
    capital before the plain noun it describes, with no capitalised word before it:
    the "Studio" of "the 1997 Studio album"."""
    word = entity.text
    if (
        entity.label not in _MISREAD_LABELS
        or " " in word
        or not word[1:].islower()
        or not lexicon.known(word.lower())
    ):
        return False
    before = WORD.findall(text[max(0, entity.start - 30) : entity.start])[-1:]
    after = WORD.findall(text[entity.end : entity.end + 30])[:1]
    return (
        bool(before and after)
        and not before[0][:1].isupper()
        and after[0].islower()
        and after[0] not in STOPWORDS
        and not past_form(after[0])
    )


_MISREAD_LABELS = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART"})


_ACRONYM_WORD = re.compile(r"[A-Z]{2,6}")
# A compound with a name after its hyphen: "ex-Girls", "anti-Trump".
_NAMED_PART = re.compile(r"[a-z]-[A-Z]")
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})  # "the US" names where, not what


def _nearest(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The nearest content words before and after a span, within RIVAL_REACH words."""
    before = [w for w in TERM_WORD.findall(text[:start])[-RIVAL_REACH:] if _is_content(w)]
    after = [w for w in TERM_WORD.findall(text[end:])[:RIVAL_REACH] if _is_content(w)]
    return (before[-1].lower() if before else None, after[0].lower() if after else None)


def _alike(a: str, b: str) -> bool:
    """Two words that say the same: one stem, or one word in WordNet ("help" / "aid")."""
    return stem(a) == stem(b) or lexicon.relation(a, b) in ONE_WORD


def _claim_words(text: str) -> set[str]:
    return {_bare(w).lower() for w in TERM_WORD.findall(text) if _is_content(w)}


def _same_event(
    claim_text: str,
    term: Span,
    terms: Sequence[Span],
    coverage: Coverage,
    anchors: Sequence[tuple[int, int]],
) -> bool:
    if any(
        abs(a - term.end) <= NEAR_ANCHOR or abs(term.start - b) <= NEAR_ANCHOR for a, b in anchors
    ):
        return True  # a typed fact the passage supports stands right by the term
    start, end = clause_at(claim_text, term.start)
    mine = [t for t in terms if start <= t.start < end and t is not term]
    covered = [t for t in coverage.covered if start <= t.start < end]
    held = [a for a in anchors if start <= a[0] < end]
    support = len(covered) + len(held)
    return support >= SAME_EVENT_WORDS and support >= SAME_EVENT_SHARE * (len(mine) + len(held))


# A verb and a preposition that put a name in a role: "born in", "signed for".
_FRAME = re.compile(
    r"\b([A-Za-z]+)\s+(in|at|from|to|for|by|with|into)\s+(?:(?:the|a|an)\s+)?$", re.IGNORECASE
)


def _frame_rival(claim_text: str, term: Span, window: Window) -> Span | None:
    """Another name in the frame the claim puts a name in, when the passage never puts
    the claim's name there: "born in Ghana and raised in London" for "born in London".

    The frame is the content word and the preposition right before the name.
    """
    before = max(0, term.start - 40)
    frame = _FRAME.search(claim_text[before : term.start])
    if frame is None or not _is_content(frame.group(1)):
        return None
    if not verb_like(claim_text, before + frame.start(1), frame.group(1)):
        return None  # "in exchange for": a noun's frame is too loose a role
    name = term.text.strip(" '\"\u2018\u2019\u201c\u201d`")
    word, preposition = frame.group(1).lower(), frame.group(2).lower()
    if _in_frame_without_verb(name, preposition, window.text):
        return None  # "released in Japan ... and later in North America"
    role = ROLES.get(term.label)
    rival_: Span | None = None
    for entity in window.entities:
        kind = ROLES.get(entity.label)
        # "engaged to Canadian actor Corey Haim": a nationality fills no person's role.
        if kind is None or (kind != role and "name" not in (role, kind)):
            continue
        theirs = _FRAME.search(window.text[max(0, entity.start - 40) : entity.start])
        if theirs is None or theirs.group(2).lower() != preposition:
            continue
        if not _alike(theirs.group(1).lower(), word):
            continue
        # The claim's name there, or in the list or the place the frame goes on with
        # ("offices in Nashville and Jacksonville", "in Los Angeles County, California").
        if any(
            same_name(name, e.text) or one_place(name, e.text) for e in _listed_from(entity, window)
        ):
            return None
        rival_ = rival_ or entity
    return rival_


def _in_frame_without_verb(name: str, preposition: str, text: str) -> bool:
    """Whether the passage puts the name after the same preposition with no verb of its
    own before it: "and later in North America", "he played in 2004 for the Chico
    Rooks". The frame goes on there; "raised in London" is another frame."""
    core = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    if core.lower() not in text.lower():
        return False
    pattern = rf"\b(\w+)\s+{preposition}\s+(?:(?:the|a|an)\s+)?{re.escape(core)}(?!\w)"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        before = match.group(1)
        if not (_is_content(before) and verb_like(text, match.start(1), before)):
            return True
    return False


_COPULA = re.compile(r"\b(?:is|was|are|were)\s+(?:(?:a|an|the)\s+)?$", re.IGNORECASE)


def _said_to_be(claim_text: str, term: Span, window: Window) -> Span | None:
    """Another nationality after the same copula, when the passage never says the
    claim's there: "Di Natale is an German retired footballer" against "Di Natale is
    Italian" (the passage's "Italian" is its club's)."""
    if term.label != "NORP" or not _COPULA.search(claim_text[max(0, term.start - 20) : term.start]):
        return None
    found = None
    for entity in window.entities:
        if entity.label != "NORP":
            continue
        if not _COPULA.search(window.text[max(0, entity.start - 20) : entity.start]):
            continue
        if (
            lexicon.relation(term.text, entity.text) in ONE_WORD
            or entity.text.lower() in claim_text.lower()
        ):
            return None  # the claim's "an African American", which the model split
        found = found or entity
    return found


# A title set off before a person's name: "the police and crime commissioner, Alan
# Billings", "its chairman, Dr John Smith".
_TITLE_COMMA = re.compile(
    r"\b([a-z][\w-]{1,40}),\s{1,3}(?:(?:Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Professor)\.?\s{1,3})?$"
)


def _appositive_rival(
    claim_text: str, term: Span, window: Window, claim_entities: Sequence[Span]
) -> Span | None:
    """Another person set off by the same title in the passage, where the claim's
    person is named only beside it: "the county's police and crime commissioner, Andy
    Burnham" against "The county's police and crime commissioner, Dr Alan Billings"
    (Andy Burnham is the shadow home secretary of the next sentence)."""
    if term.label != "PERSON" or term.text in window.text:
        return None
    mine = _TITLE_COMMA.search(claim_text, max(0, term.start - 40), term.start)
    if mine is None:
        return None
    for entity in window.entities:
        if entity.label != "PERSON" or _named_in_claim(entity, claim_text, claim_entities):
            continue
        theirs = _TITLE_COMMA.search(window.text, max(0, entity.start - 40), entity.start)
        if theirs is None or not _alike(mine.group(1).lower(), theirs.group(1).lower()):
            continue
        if same_name(term.text, entity.text):
            return None
        return entity
    return None


# A clause on a person right after the name: "Mark Coxshall, *who has been a member of
# the council's cabinet since 2016*".
_WHO_AFTER = re.compile(r"\s{0,3},\s{1,3}who\s{1,3}([^,.;]{3,160})")
# The clause's words the passage's must share with the claim's.
RELATIVE_SHARED = 2


def _relative_rival(
    claim_text: str, term: Span, window: Window, claim_entities: Sequence[Span]
) -> Span | None:
    """Another person the passage says the same of, in a clause right after the name,
    where the claim's person is named only beside the passage: "Its new leader, John
    Kent, who had sat in the cabinet since 2016" against "He was succeeded by Mark
    Coxshall, who has been a member of the council's cabinet since 2016" (Kent, the
    leader who resigned, is named in the sentence before)."""
    if term.label != "PERSON" or term.text in window.text:
        return None
    mine = _WHO_AFTER.match(claim_text, term.end)
    if mine is None:
        return None
    said = {stem(w) for w in content_words(mine.group(1))}
    for entity in window.entities:
        if entity.label != "PERSON" or _named_in_claim(entity, claim_text, claim_entities):
            continue
        theirs = _WHO_AFTER.match(window.text, entity.end)
        if theirs is None:
            continue
        if same_name(term.text, entity.text):
            return None
        if len(said & {stem(w) for w in content_words(theirs.group(1))}) >= RELATIVE_SHARED:
            return entity
    return None


# Whose the title before a person's name is: "*Fujitsu*'s European boss, Nick Read"; and
# whose the title after it: "Nick Read, the *Post Office*'s chief executive".
_OWNER_BEFORE = re.compile(
    r"\b([A-Z][\w&.-]{0,40}(?:\s{1,3}[A-Z][\w&.-]{0,40}){0,3})['\u2019]s\s{1,3}"
    r"(?:[\w-]{1,30}\s{1,3}){0,3}[a-z][\w-]{0,30},\s{1,3}$"
)
_OWNER_AFTER = re.compile(
    r",\s{1,3}(?:the\s{1,3})?([A-Z][\w&.-]{0,40}(?:\s{1,3}[A-Z][\w&.-]{0,40}){0,3})['\u2019]s\s"
)


def _owned_otherwise(claim_text: str, term: Span, window: Window) -> Span | None:
    """Another owner of a person's post, where the claim puts one before the name and
    the window one after it: "Fujitsu's European boss, Nick Read" against "Nick Read,
    the Post Office's chief executive"."""
    if term.label != "PERSON":
        return None
    mine = _OWNER_BEFORE.search(claim_text, max(0, term.start - 80), term.start)
    if mine is None:
        return None
    text = window.spoken
    for found in re.finditer(rf"(?<![\w-]){re.escape(term.text)}(?![\w-])", text):
        theirs = _OWNER_AFTER.match(text, found.end())
        if theirs is None:
            continue
        owner = theirs.group(1)
        if same_name(owner, mine.group(1)) or _contains(owner, mine.group(1)):
            return None
        if _contains(mine.group(1), owner):
            return None
        return Span("ORG", f"{term.text}, the {owner}'s", -1, -1)
    return None


_LIST_SEPARATOR = re.compile(r"\s*(?:,|\band\b|\bor\b|&)?\s*(?:,\s*)?(?:and\s+|or\s+)?(?:the\s+)?")


def _listed_from(first: Span, window: Window) -> list[Span]:
    """A name of the passage and the names listed after it ("Nashville, London and
    Jacksonville"; "Los Angeles County, California")."""
    listed = [first]
    for entity in sorted(window.entities, key=lambda e: e.start):
        if entity.start < listed[-1].end:
            continue
        gap = window.text[listed[-1].end : entity.start]
        if not _LIST_SEPARATOR.fullmatch(gap):
            break
        listed.append(entity)
    return listed


def _other_name(
    claim_text: str, term: Span, window: Window, claim_entities: Sequence[Span]
) -> Span | None:
    """The passage's name in the role the claim gives `term`, if another name fills it.

    Not a name the claim itself uses, of the same kind of entity and sharing a
    word of the claim around `term` ("West Midlands Police was criticised" meets
    "Greater Manchester Police was criticised"), or two within a wider reach. The
    tagger often mistakes an organisation for a place or a person, so a name of
    another kind may fill the role when the two share their head word ("West
    Midlands Police" / "British Transport Police") or three words around them. A
    name that says who reported ("the Guardian's report") is an attribution,
    judged as one, not a role.
    """
    role = ROLES.get(term.label)
    if not role or _SOURCE_AFTER.match(claim_text, term.end):
        return None
    if _EXCEPT_BEFORE.search(claim_text[max(0, term.start - 30) : term.start]):
        return None  # "outside North America": the passage's "United States" is no rival
    best: tuple[int, Span] | None = None
    for entity in window.entities:
        theirs = ROLES.get(entity.label)
        if theirs is None or _named_in_claim(entity, claim_text, claim_entities):
            continue
        if _contains(term.text, entity.text) or _contains(entity.text, term.text):
            continue  # "the Senior Men's National Team" is part of the claim's name
        if one_place(term.text, entity.text):
            continue  # "America" / "the United States"; "North America" / "Canada"
        if _spelt_alike(term.text, entity.text) or _one_person(term.text, entity.text):
            # "Albuqerque"; "Mark T. Vande Hei" / "Flight Engineers Mark Vande Hei", a
            # person's name the tagger may call an organisation
            continue
        if _names_the_noun(claim_text, term, window.text, entity) or _names_another_noun(
            claim_text, term, window.text, entity
        ):
            continue  # "the inquests in Warrington" / "the Hillsborough inquests"
        shared_near = _same_side(claim_text, term, window.text, entity.start, entity.end)
        shared_near += _agent_alike(claim_text, term, window.text, entity)
        shared = _same_side(
            claim_text, term, window.text, entity.start, entity.end, window=ROLE_WINDOW
        )
        if role == "name" or theirs == "name":
            # An untagged name fills a role only as a name of the same kind would:
            # "West Midlands Police" for "Greater Manchester Police".
            fills = shared >= 1 and same_head(term.text, entity.text)
        elif theirs == role:
            # A person shares more with a rival than words further off: a panel that
            # heard one officer's case names several ("the panel" / "told the panel").
            fills = (
                shared_near >= 1
                or shared >= (_PERSON_SHARED if role == "person" else 2)
                or (role == "person" and _same_apposition(claim_text, term, window.text, entity))
            )
        elif (role, theirs) in _NEAR_ROLES:
            fills = shared >= 1 and (
                same_head(term.text, entity.text) or _same_but_last(term.text, entity.text)
            )
        else:
            fills = False
        if fills and (best is None or shared > best[0]):
            best = (shared, entity)
    return best[1] if best else None


_THE_BEFORE = re.compile(r"(?i)\bthe\s{1,3}$")
# Who did a deed, said in either voice: "Rob Reiner *directed*" and "directed *by* Rob
# Reiner". The verb right after the doer, and the verb and "by" right before one.
_DOER_VERB = re.compile(r"\s{1,3}(?:(?:has|had|have)\s{1,3})?([a-z]{3,30})\b")
_BY_DOER = re.compile(r"\b([a-z]{3,30})\s{1,3}by\s{1,3}(?:the\s{1,3})?$")


def _agent_alike(claim_text: str, term: Span, text: str, entity: Span) -> int:
    """1 when the claim's name and the passage's are the doer of one deed, one said in
    the active voice and the other in the passive ("James L. Brooks directed the film" /
    "a 1997 film directed by Rob Reiner"), else 0: `_same_side` reads the verb after one
    and before the other."""
    pairs = (
        (
            _DOER_VERB.match(claim_text, term.end),
            _BY_DOER.search(text[max(0, entity.start - 40) : entity.start]),
        ),
        (
            _BY_DOER.search(claim_text[max(0, term.start - 40) : term.start]),
            _DOER_VERB.match(text, entity.end),
        ),
    )
    for mine, theirs in pairs:
        if mine is None or theirs is None:
            continue
        a, b = mine.group(1), theirs.group(1)
        if (past_form(a) or lexicon.irregular_form(a)) and set(lexicon.lemmas(a)) & set(
            lexicon.lemmas(b)
        ):
            return 1
    return 0


# Words of the claim's around a person's name, further off, that another person of the
# passage must share to fill the role.
_PERSON_SHARED = 3


def _names_another_noun(claim_text: str, term: Span, text: str, entity: Span) -> bool:
    """Whether the passage's name only says which thing a noun after it is ("the
    *Horizon* scandal"), a noun the claim's name does not have after it: no one in the
    role of the claim's "the Court of Appeal quashed"."""
    if not _THE_BEFORE.search(text, max(0, entity.start - 5), entity.start):
        return False  # "the Horizon scandal", not "Brazil beat" or "ITV Digital's stake"
    _, theirs = _slot_words(text, entity.start, entity.end)
    if not theirs or not theirs[0].islower() or not _plain_noun(theirs[0]):
        return False
    if lexicon.names_a_person(theirs[0]) or theirs[0] in _GROUPS:
        return False  # "Greater Manchester Police officers": still the force's people
    _, mine = _slot_words(claim_text, term.start, term.end)
    return not (mine and _alike(mine[0].lower(), theirs[0]))


def _plain_noun(word: str) -> bool:
    """Whether a word after a name is a plain noun, no verb or function word."""
    return not (
        word in STOPWORDS
        or word in _SLOT_VERBS
        or past_form(word)
        or lexicon.irregular_past(word)
        or word.endswith(("ing", "ly"))
        or word in _AUXILIARIES
    )


_WHERE = frozenset("in at near outside inside".split())


def _names_the_noun(claim_text: str, term: Span, text: str, entity: Span) -> bool:
    """Whether the claim's name says where a thing was ("the new inquests in
    Warrington") and the passage's which thing it was ("the Hillsborough inquests"):
    the passage's name stands right before the noun the claim's follows."""
    before, _ = _slot_words(claim_text, term.start, term.end)
    if len(before) != 2 or before[0].lower() not in _WHERE or not before[1].islower():
        return False
    _, after = _slot_words(text, entity.start, entity.end)
    return bool(after) and _alike(before[1].lower(), after[0].lower())


def _other_origin(
    term: Span, claim_text: str, window: Window, claim_entities: Sequence[Span]
) -> tuple[Span, bool] | None:
    """Another country after "from" where the claim's nationality qualifies the same
    noun: "Syrian refugees" against "refugees from Libya", and whether it stands in a
    sentence beside the passage that names the claim's subject ("Abedi was born in
    Manchester; his parents ... refugees from Libya"), which ties it to the claim as
    an anchor does. None when the window names the claim's nationality or its
    country anywhere."""
    own = TERM_WORD.findall(term.text)
    if not own:
        return None
    whole = window.spoken
    named = {w.lower() for w in TERM_WORD.findall(whole) if w[:1].isupper()}
    if any(lexicon.relation(own[-1], w) in ONE_WORD for w in named):
        return None
    after = _sides(claim_text, term.start, term.end, window=2)[1]
    places = [(e.start, e.end) for e in window.entities if e.label in ("GPE", "LOC")]
    sentences = [(window.text, places, False)]
    # Beside the passage no entities are tagged: a capitalised word after "from".
    subjects = [e.text for e in claim_entities if e.label in ("PERSON", "ORG")]
    sentences += [
        (
            text,
            [(m.start(1), m.end(1)) for m in _FROM_PLACE.finditer(text)],
            any(same_name(n, w) for n in subjects for w in TERM_WORD.findall(text)),
        )
        for text in (window.before, window.after)
        if text
    ]
    for text, spans, beside in sentences:
        for start, end in spans:
            if not re.search(r"\bfrom\s+(?:the\s+)?$", text[:start]):
                continue
            # The noun the origin qualifies stands just before "from": "refugees from Libya".
            before = _sides(text, start, end, window=3)[0]
            if after & before and _is_country(text[start:end]):
                if text is not window.text:  # no offsets in the passage's text
                    return Span("GPE", text[start:end], -1, -1), beside
                return Span("GPE", text[start:end], start, end), beside
    return None


_FROM_PLACE = re.compile(r"\bfrom\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def _is_country(name: str) -> bool:
    """Whether a place name has a nationality word formed from it ("Libya": "Libyan",
    "Turkey": "Turkish", "Iraq": "Iraqi")."""
    words = TERM_WORD.findall(name)
    if not words:
        return False
    stem_ = words[-1].lower().removesuffix("a").removesuffix("y")
    return any(
        lexicon.known(f"{base}{ending}")
        for base in (words[-1].lower(), stem_)
        for ending in ("n", "an", "ian", "ese", "i", "ish")
    )


_EXCEPT_BEFORE = re.compile(
    r"\b(?:outside|except|excluding|beyond|besides|other than)\s+(?:the\s+)?$", re.IGNORECASE
)


def _misspelt_here(term: Span, window: Window) -> bool:
    """Whether the passage, or its source's title, gives the claim's name in another
    spelling: then the other names there are not in its place."""
    names = [e.text for e in window.entities] + [p.text for p in title_names(window.aliases)]
    return any(_spelt_alike(term.text, name) for name in names)


def _spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one name ("Albuquerque" / "Albuqerque"), not two names one
    letter apart ("MI5" / "MI6"), nor two that differ by a whole word of their own
    ("East Sussex" / "West Sussex", "South Yorkshire" / "North Yorkshire")."""
    x, y = plain_letters(a.lower()), plain_letters(b.lower())
    if min(len(x), len(y)) < 6 or fuzz.ratio(x, y) < 88:
        return False
    mine, theirs = x.split(), y.split()
    if len(mine) == len(theirs) and len(mine) > 1:
        changed = [(p, q) for p, q in zip(mine, theirs, strict=True) if p != q]
        if len(changed) == 1 and all(w in _COMPASS_WORDS for w in changed[0]):
            return False
    return True


_COMPASS_WORDS = frozenset(
    """north south east west northern southern eastern western upper lower greater
    north-east north-west south-east south-west""".split()
)


_ARTICLES = frozenset({"the", "a", "an"})


def _one_person(a: str, b: str) -> bool:
    """Two forms of one person's name: the same surname and first name, middle initials
    aside, or a first initial for the first name ("J. Smith" / "John Smith"); not
    "Salmaan Khan" / "Shahrukh Khan"."""
    x = [w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f'-]+", a)]
    y = [w.lower() for w in re.findall(r"[A-Za-z\u00c0-\u024f'-]+", b)]
    x, y = [w for w in x if w not in _ARTICLES], [w for w in y if w not in _ARTICLES]
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    if x[0] == y[0] or (min(len(x[0]), len(y[0])) == 1 and x[0][0] == y[0][0]):
        # Middle names apart: two that both give one, and differ, are two names ("the
        # Royal Derby Hospital" / "the Royal Shrewsbury Hospital").
        mine, theirs = _named_words(x[1:-1]), _named_words(y[1:-1])
        return not (mine and theirs and mine != theirs)
    # A title before the name: "Flight Engineers Mark Vande Hei" is "Mark T. Vande Hei";
    # the name from its first word on, initials aside, is the other ("the Princess Royal
    # Hospital" is not "the Royal Shrewsbury Hospital").
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    if shorter[0] not in longer[1:-1] or len(shorter[0]) == 1:
        return False
    return _named_words(longer[longer.index(shorter[0], 1) :]) == _named_words(shorter)


def _named_words(words: Sequence[str]) -> list[str]:
    """A name's words without its initials."""
    return [w for w in words if len(w) > 1]


def _list_rival(
    claim_text: str,
    term: Span,
    coverage: Coverage,
    window: Window,
    claim_entities: Sequence[Span],
) -> Span | None:
    """The passage's name in a list where the claim lists another with the same others.

    "G4S, the venue's operator SMG and British Transport Police had all missed
    opportunities" against "the venue operator SMG, its security contractor
    Showsec and British Transport Police": in one list of the claim (names
    joined by commas and "and", each within LIST_GAP characters of the next),
    `term` stands with LIST_MATES names the window states; in one list of the
    passage, those names stand with another the claim does not name.
    """
    names = sorted({t for t in coverage.covered if t.label} | {term}, key=lambda t: t.start)
    mine = next((g for g in _lists(claim_text, names) if term in g), [])
    mates = [t for t in mine if t is not term]
    if len(mates) < LIST_MATES:
        return None
    entities = sorted((e for e in window.entities if e.label in ROLES), key=lambda e: e.start)
    for group in _lists(window.text, entities):
        held = [e for e in group if any(same_name(m.text, e.text) for m in mates)]
        if len(held) < LIST_MATES or any(
            same_name(term.text, e.text)
            or _spelt_alike(term.text, e.text)
            or one_place(term.text, e.text)
            for e in group
        ):
            continue  # too few shared, or the claim's name is there, spelt otherwise
        for entity in group:
            if entity in held or _named_in_claim(entity, claim_text, claim_entities):
                continue
            if TERM_WORD.search(entity.text) and not same_name(term.text, entity.text):
                return entity
    return None


def _lists(text: str, spans: Sequence[Span]) -> list[list[Span]]:
    """Runs of names, in order, each joined to the next by a comma or "and" within
    LIST_GAP characters: the members of a list."""
    groups: list[list[Span]] = []
    for span in spans:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : span.start]
            if (
                0 <= len(gap) <= LIST_GAP
                and _LIST_JOIN.search(gap)
                and not _CLAUSE_VERB.search(gap)
            ):
                groups[-1].append(span)
                continue
        groups.append([span])
    return groups


def _anchored_name(
    claim_text: str,
    term: Span,
    window: Window,
    anchors: Sequence[tuple[int, int]],
    held: Sequence[tuple[int, int]],
    claim_entities: Sequence[Span],
    *,
    any_preposition: bool = False,
) -> Span | None:
    """The passage's name where the claim names another, both by an anchored value.

    The claim's name stands within NEAR_ANCHOR characters of a typed fact the
    passage supports, after a preposition ("at", "from", "to"); the passage's,
    not named in the claim, within NEAR_ANCHOR of the value that supports it,
    after the same preposition: "convicted at Manchester Crown Court in March
    2020" against "a jury at the Old Bailey had found him guilty in March 2020". With
    `any_preposition` (for a name no passage states), after any: "transferred to
    Manchester United on 31 January 2011" against "signed for Liverpool ... on 31
    January 2011".
    """
    if not held or not _near_any(term.start, term.end, anchors):
        return None
    mine = _preposition_before(claim_text, term.start)
    if mine is None:
        return None
    for entity in window.entities:
        if entity.label not in ROLES or _named_in_claim(entity, claim_text, claim_entities):
            continue
        reach = 2 * NEAR_ANCHOR if any_preposition else NEAR_ANCHOR
        if same_name(term.text, entity.text) or not _near_any(
            entity.start, entity.end, held, reach=reach
        ):
            continue
        if one_place(term.text, entity.text) or _names_the_noun(
            claim_text, term, window.text, entity
        ):
            continue
        theirs = _preposition_before(window.text, entity.start)
        if theirs == mine or (any_preposition and theirs is not None):
            return entity
    return None


# Prepositions that put a name in a slot after the word before them: "from Aberdeen *to*
# Glasgow", "Stonehaven *in* Aberdeenshire".
_SLOT_PREPOSITIONS = frozenset("at in from to towards toward by near into for with of".split())
# Words skipped before a name when its slot is read: "the engineers Atkins", "its chief".
_SLOT_SKIP = frozenset("the a an its his her their our your".split())
# Kinds of place a name may follow with "of": "the town of Buxton".
_PLACE_KINDS = frozenset("town city village county borough district parish region".split())
# Words after a name that say what it does, not what it is: no slot ("ScotRail said").
_SLOT_VERBS = frozenset("said says say told tells added adds according".split())
# Labels of values, never a name in a slot.
_SLOT_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019&-]*|[^\w\s]")


def _slot_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The two words before a name (determiners skipped) and the word after it, each
    side stopping at a mark: ("engineers", "by") for "drawn up by the engineers Atkins"."""
    before: list[str] = []
    words = _SLOT_WORD.findall(text[max(0, start - 80) : start])[::-1]
    if len(words) > 2 and words[0].lower() == "of" and words[1].lower() in _PLACE_KINDS:
        words = words[2:]  # "in the neighbouring town of Chapel-en-le-Frith": "neighbouring"
    for word in words:
        if not word[:1].isalpha() or len(before) == 2:
            break
        if word.lower() not in _SLOT_SKIP:
            before.append(word)
    after = _SLOT_WORD.findall(text[end : end + 40])[:1]
    return before, [w for w in after if w[:1].isalpha()]


def slot_rival(
    claim_text: str,
    term: Span,
    window: Window,
    claim_entities: Sequence[Span],
    *,
    by_name: bool = False,
) -> Span | None:
    """The passage's name in the slot where the claim puts a name that no passage read
    for the claim states (the caller knows which): after the same preposition and the
    word before it ("from Aberdeen to Edinburgh Waverley" / "from Aberdeen to Glasgow
    Queen Street"), after the same noun or title ("the engineers Atkins" / "the
    engineering firm Arup"; "Lord Beckett" / "Lord Matthews"), or before the same noun
    ("the LNER service" / "the ScotRail service"). A name no source states, where the
    passage about the claim's event has another, is that other name changed. The
    sentences beside the passage are read too (their names found by their capitals;
    the span then has no offsets). `by_name`: only a slot after a preposition that
    follows the same name ("Stonehaven in Angus" / "Stonehaven in Aberdeenshire"),
    which ties the passage to the claim's event by itself.
    """
    mine_before, mine_after = _slot_words(claim_text, term.start, term.end)
    if by_name and not (
        len(mine_before) == 2
        and mine_before[0].lower() in _SLOT_PREPOSITIONS
        and mine_before[1][:1].isupper()
    ):
        return None
    if not mine_before and not mine_after:
        return None
    tagged = [(e.start, e.end) for e in window.entities]
    own_names = list(window.entities) + [
        r for r in _capital_runs(window.text) if not _overlaps(r.start, r.end, tagged)
    ]
    texts = [(window.text, own_names, True)]
    texts += [(t, _capital_runs(t), False) for t in (window.before, window.after) if t]
    for text, names, own in texts:
        for entity in names:
            found = _in_slot(
                claim_text,
                term,
                (mine_before, mine_after),
                text,
                entity,
                claim_entities,
                by_name=by_name,
            )
            if found is not None:
                return found if own else Span(found.label, found.text, -1, -1)
    return None


def _unsaid_by_name(
    claim_text: str,
    term: Span,
    window: Window,
    claim_entities: Sequence[Span],
    unsaid: frozenset[str],
) -> Contrast | None:
    """Another name in the slot of a name no passage states, after a preposition that
    follows the same name ("Stonehaven in Angus" / "Stonehaven in Aberdeenshire"): the
    name ties the passage to the claim's event where too little else of it is stated."""
    if term.text not in unsaid:
        return None
    other = slot_rival(claim_text, term, window, claim_entities, by_name=True)
    if other is None:
        return None
    at = (other.start, other.end) if other.start >= 0 else (None, None)
    return Contrast(ContrastKind.ENTITY, term.text, other.text, *at)


def _slot_taken(
    claim_text: str, term: Span, window: Window, claim_entities: Sequence[Span]
) -> Span | None:
    """Another name where the claim puts a name the passage states elsewhere, after a
    preposition that follows the same name: "from Leeds to Selby" against "from Leeds
    to Hull Paragon ... near Selby". Not where the passage lists the claim's name
    with others ("to Paris and Rome"), or puts it in that slot too."""
    mine_before, _ = _slot_words(claim_text, term.start, term.end)
    if (
        len(mine_before) != 2
        or mine_before[0].lower() not in _SLOT_PREPOSITIONS
        or not mine_before[1][:1].isupper()
    ):
        return None  # no slot after a name: `slot_rival` reads none here
    preposition = mine_before[0].lower()
    for m in re.finditer(rf"\b{re.escape(term.text)}\b", window.text):
        before, _ = _slot_words(window.text, m.start(), m.end())
        if before[:1] and before[0].lower() == preposition:
            return None  # the passage puts it in the slot too
        if _LISTED_BEFORE.search(window.text, 0, m.start()):
            return None
    other = slot_rival(claim_text, term, window, claim_entities, by_name=True)
    return other if other is not None and other.start >= 0 else None


# A name before a noun and a person named after it: "Conservative *leader*, Rob Gledhill".
_NOUN_AND_PERSON = re.compile(
    r"\s{1,3}([a-z][a-z-]{2,30})\s{0,3},?\s{1,3}([A-Z][\w'\u2019-]+(?:\s{1,3}[A-Z][\w'\u2019-]+){1,3})"
)


def _modifier_rival(claim_text: str, term: Span, window: Window) -> Span | None:
    """Another name the passage puts before the same noun of the same person: "the
    council's Labour leader, Rob Gledhill" against "the council's then Conservative
    leader, Rob Gledhill"; "the French president, Emmanuel Macron" against "the
    Belgian president, ..." where the passage does not give the claim's name there too."""
    mine = _NOUN_AND_PERSON.match(claim_text, term.end)
    if mine is None or not _plain_noun(mine.group(1)):
        return None
    noun, person = mine.group(1), mine.group(2)
    pattern = re.compile(
        rf"\b([A-Z][\w'\u2019-]+(?:\s{{1,3}}[A-Z][\w'\u2019-]+){{0,2}})\s{{1,3}}{re.escape(noun)}"
        rf"\s{{0,3}},?\s{{1,3}}{re.escape(person)}\b"
    )
    # The passage first, then the sentences beside it (no offsets in the passage then).
    for text, own in ((window.text, True), (window.spoken, False)):
        for m in pattern.finditer(text):
            other = m.group(1)
            if other.lower() in STOPWORDS or _unlike_names(term.text, other):
                return None  # the passage gives the claim's name there, or one of its names
            return Span(term.label, other, *((m.start(1), m.end(1)) if own else (-1, -1)))
    return None


# A name listed after another: ", Rome", "and Rome", "or Rome".
_LISTED_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s+(?:the\s+)?$", re.IGNORECASE)


def _in_slot(
    claim_text: str,
    term: Span,
    mine: tuple[list[str], list[str]],
    text: str,
    entity: Span,
    claim_entities: Sequence[Span],
    *,
    by_name: bool,
) -> Span | None:
    """The passage's name (a title the claim's name follows taken off) if it stands in
    the claim's name's slot (`slot_rival`); `mine` are the words around the claim's name
    (`_slot_words`)."""
    if entity.label in VALUE_LABELS:
        return None
    article = re.match(r"(?i)(?:the|a|an)\s+", entity.text)
    if article is not None:  # "the Forbes Unicorn List"
        entity = Span(
            entity.label, entity.text[article.end() :], entity.start + article.end(), entity.end
        )
    if not entity.text[:1].isupper():
        return None
    mine_before, mine_after = mine
    # The whole run of capitals the tagger may have cut: "Hull Paragon", not "Paragon".
    start, end = entity.start, entity.end
    while (m := _CAPITAL_BEFORE.search(text, max(0, start - 40), start)) is not None and m.group(
        1
    ).lower() not in STOPWORDS:
        start = m.start(1)
    while (m := _CAPITAL_AFTER.match(text, end)) is not None:
        end = m.end()
    name = text[start:end]
    # A title the claim puts before its name, inside the passage's: "Lord Matthews".
    if mine_before and name.split(" ", 1)[0] == mine_before[0] and " " in name:
        cut = len(mine_before[0]) + 1
        name, start = name[cut:], start + cut
    if _named_in_claim(entity, claim_text, claim_entities) or _unlike_names(term.text, name):
        return None
    if any(w.lower() in _DAY_OR_MONTH for w in TERM_WORD.findall(name)):
        return None
    theirs_before, theirs_after = _slot_words(text, start, end)
    if by_name:
        same = (
            len(theirs_before) == 2
            and theirs_before[0].lower() == mine_before[0].lower()
            and theirs_before[1] == mine_before[1]
        )
    else:
        same = _same_slot(mine_before, theirs_before) or _same_noun_after(mine_after, theirs_after)
    return Span(entity.label, name, start, end) if same else None


_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w'&-]*) $")
_CAPITAL_AFTER = re.compile(r" [A-Z][\w'&-]*\b")
_CAPITAL_RUN = re.compile(r"\b[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}")


def _capital_runs(text: str) -> list[Span]:
    """Runs of capitalised words in a sentence with no tagged names, a function word that
    opens it left out: "Arup" in "The design had been prepared by the engineering firm
    Arup"."""
    found = []
    for m in _CAPITAL_RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]
        if words:
            run = " ".join(words)
            found.append(Span("NAME", run, m.end() - len(run), m.end()))
    return found


def _unlike_names(claim_name: str, name: str) -> bool:
    """Whether two names may be one (so neither is the other's rival): the same name,
    one inside the other, one place, one spelling or one person; a possessive is the
    name ("West Mercia's" / "West Mercia Police")."""
    claim_name, name = _POSSESSIVE_END.sub("", claim_name), _POSSESSIVE_END.sub("", name)
    return (
        same_name(claim_name, name)
        or _contains(claim_name, name)
        or _contains(name, claim_name)
        or one_place(claim_name, name)
        or _spelt_alike(claim_name, name)
        or _one_person(claim_name, name)
        or initials_of(claim_name, name)
        or initials_of(name, claim_name)
    )


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
# Words that make a post another of the same name: "the *deputy* chief constable".
_POST_RANKS = frozenset("deputy assistant vice acting interim former ex".split())
# Words read before a name for its post.
_POST_WORDS = 5


def _posts_apart(claim_text: str, term: Span, text: str, other: Span) -> bool:
    """Whether the words right before two names give them different posts by a word of
    rank: "the force's chief constable, Anthony Bangham" / "the deputy chief constable,
    Alex Murray" hold two posts, and neither name is the other's rival."""
    if other.start < 0:
        return False
    mine = TERM_WORD.findall(claim_text[max(0, term.start - 60) : term.start])[-_POST_WORDS:]
    theirs = TERM_WORD.findall(text[max(0, other.start - 60) : other.start])[-_POST_WORDS:]
    return {w.lower() for w in mine} & _POST_RANKS != {w.lower() for w in theirs} & _POST_RANKS


def _same_slot(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether the words before two names put them in one slot: the same preposition
    after the same word, or the same noun or title right before (or one word before)."""
    if not mine or not theirs:
        return False
    first = mine[0].lower()
    if first in _SLOT_PREPOSITIONS:
        return (
            len(mine) == 2
            and len(theirs) == 2
            and theirs[0].lower() == first
            and _alike(mine[1].lower(), theirs[1].lower())
        )
    if first in STOPWORDS or past_form(first) or first in _SLOT_VERBS:
        return False
    return any(_alike(first, w.lower()) for w in theirs if w.lower() not in _SLOT_PREPOSITIONS)


def _same_noun_after(mine: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether the same plain noun follows both names: "LNER service" / "ScotRail service"."""
    if not mine or not theirs or not mine[0].islower():
        return False
    word = mine[0]
    if (
        word in STOPWORDS
        or word in _SLOT_VERBS
        or past_form(word)
        or lexicon.irregular_past(word)
        or word.endswith("ing")
    ):
        return False
    return stem(word) == stem(theirs[0].lower())


_DAY_OR_MONTH = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)


def _near_any(
    start: int, end: int, spans: Sequence[tuple[int, int]], *, reach: int = NEAR_ANCHOR
) -> bool:
    return any(abs(a - end) <= reach or abs(start - b) <= reach for a, b in spans)


def _preposition_before(text: str, start: int) -> str | None:
    """The preposition right before a name ("at", "from"), past an article; else None."""
    m = _PREPOSITION_BEFORE.search(text[max(0, start - 20) : start])
    return m.group(1).lower() if m else None


def _named_in_claim(entity: Span, claim_text: str, claim_entities: Sequence[Span]) -> bool:
    """Whether the claim itself names the passage's entity (as a name of the same kind)."""
    kind = ROLES.get(entity.label)
    return any(
        ROLES.get(e.label) == kind and same_name(entity.text, e.text) for e in claim_entities
    ) or bool(re.search(rf"\b{re.escape(entity.text)}\b", claim_text, re.IGNORECASE))


def _contains(outer: str, inner: str) -> bool:
    """Whether every content word of `inner` is a word of `outer`."""
    words = {w.lower() for w in TERM_WORD.findall(outer)}
    own = [w.lower() for w in TERM_WORD.findall(inner) if w.lower() not in STOPWORDS]
    return bool(own) and all(w in words for w in own)


def same_head(a: str, b: str) -> bool:
    """Whether two names end in the same word: "West Midlands Police" / "Transport Police",
    a possessive aside ("Staffordshire Police's")."""
    a, b = _POSSESSIVE_END.sub("", a), _POSSESSIVE_END.sub("", b)
    wa, wb = a.lower().split(), b.lower().split()
    return bool(wa and wb) and len(wa[-1]) > 2 and wa[-1] == wb[-1]


def _same_but_last(a: str, b: str) -> bool:
    """Whether two names of as many words differ only in their last: "New York Jets" /
    "the New York Giants", "Manchester United" / "Manchester City", two of a kind the
    tagger may call a place and an organisation; not "New York" / "New York Times"."""
    wa = _THE_OPENS.sub("", _POSSESSIVE_END.sub("", a)).split()
    wb = _THE_OPENS.sub("", _POSSESSIVE_END.sub("", b)).split()
    return (
        len(wa) == len(wb) >= 2
        and wa[:-1] == wb[:-1]
        and wa[-1] != wb[-1]
        and wa[-1][:1].isupper()
        and wb[-1][:1].isupper()
    )


_THE_OPENS = re.compile(r"(?i)^the\s{1,3}")


def said_by_its_opposite(claim_text: str, term: Span, window: Window) -> bool:
    """Whether a word the claim denies is said by the passage's opposite, done, in its
    place: "are not allowed at the festival" by "are prohibited at the festival"."""
    return opposite_in_place(claim_text, term, window, agreeing=True) is not None


def opposite_in_place(
    claim_text: str, term: Span, window: Window, *, agreeing: bool = False, shared: int = 2
) -> Span | None:
    """The passage's word that says the opposite of `term` in the same place, if any:
    "had started the loop too low" for "had started the loop too high".

    Not a word of a name ("Old Bailey" is no antonym of "younger"), nor one that says
    another word of the claim ("to fill the vacant seat" / "to take over the empty
    seat": "empty" is "vacant", not the opposite of "fill"), and sharing
    `shared` of the claim's words around `term` (all of them, when it has fewer), so
    that the two words say something of the same thing.
    """
    # A short claim has fewer words around the term to share: all of them then do.
    around = _sides(claim_text, term.start, term.end)
    needed = max(1, min(shared, len(around[0]) + len(around[1])))
    denied = term.start in dict(negated_words(claim_text))
    for word, text, start, end, phrase in _words_outside_names(window):
        if not lexicon.opposite(term.text, word):
            continue
        if (denied is not (start in dict(negated_words(window.text)))) is not agreeing:
            continue  # "not allowed" / "prohibited": one denies what the other says
        own = _claim_words(claim_text) - {term.text.lower()}
        if any(lexicon.relation(word.lower(), w) in ONE_WORD for w in own):
            continue  # it says another of the claim's words: "empty" is its "vacant"
        if (
            _same_side(claim_text, term, window.text, start, end, alike=True) >= needed
            or (
                phrase
                and _shared_around(claim_text, term, window.text, start, end) >= PHRASE_AROUND
            )
            or (not phrase and _qualify_the_same(claim_text, term, window.text, start, end))
        ):
            return Span("", text, start, end)
    return None


def _qualify_the_same(claim_text: str, term: Span, text: str, start: int, end: int) -> bool:
    """Whether the two words stand right before the same word, the thing both qualify:
    "a *weaker* remit" / "a stronger remit", "to *looser* checks" / "tighter checks".
    A verb and its object are left to the words around them: "had *lost* awareness" /
    "when he regained awareness" tell of two moments."""
    if _said_done(term.text) or _ing_form(term.text):
        return False
    after = _next_words(claim_text, term.end, text, end)
    return (
        after is not None
        and not after[0][0].isupper()
        and stem(after[0].lower()) == stem(after[1].lower())
    )


def _opposite_here(claim_text: str, term: Span, window: Window) -> Span | None:
    """The opposite of a word the window states only beside the passage ("very low" in
    the sentence before), said by the passage in the word's place: "the toll would have
    been far *lower*" / "the number of casualties would have been significantly
    *higher*"."""
    if term.label or any(
        _alike(term.text.lower(), w.lower()) for w in TERM_WORD.findall(window.text)
    ):
        return None
    return opposite_in_place(claim_text, term, window)


def opposite_in(word: str, window: Window) -> Span | None:
    """A word or phrase of the passage itself (not a name's) that says the opposite of
    `word`: "refused" for "agreed", "found him guilty" for "acquitted"."""
    for found, text, start, end, _ in _words_outside_names(window):
        if lexicon.opposite(word, found):
            return Span("", text, start, end)
    return None


def _words_outside_names(window: Window) -> list[tuple[str, str, int, int, bool]]:
    """The passage's words and phrases outside its names: (word or the phrase's verb,
    the text, start, end, whether a phrase)."""
    names = [(e.start, e.end) for e in window.entities]
    said = [
        (m.group(0), m.group(0), m.start(), m.end(), False) for m in TERM_WORD.finditer(window.text)
    ]
    said += [(lemma, window.text[a:b], a, b, True) for lemma, a, b in lexicon.phrases(window.text)]
    return [s for s in said if not _overlaps(s[2], s[3], names)]


# Claim words around a phrase that says the opposite verb, on either side: a phrase
# puts its words in another order than the verb ("was acquitted at the Old Bailey in
# March" / "at the Old Bailey had found him guilty in March").
PHRASE_AROUND = 3


def _shared_around(claim_text: str, term: Span, text: str, start: int, end: int) -> int:
    mine = _sides(claim_text, term.start, term.end, window=ROLE_WINDOW)
    theirs = _sides(text, start, end, window=ROLE_WINDOW)
    return len((mine[0] | mine[1]) & (theirs[0] | theirs[1]))


def _looks_like_name(term: Span) -> bool:
    """Written as a name: digits among letters, or a capital not at the sentence's start."""
    word = term.text
    return any(ch.isdigit() for ch in word) or (word[:1].isupper() and term.start > 0)


def _coded_variant(term: Span, window: Window) -> Span | None:
    """A name of letters and digits that differs only in its digits: "MI5" / "MI6"."""
    if not any(ch.isdigit() for ch in term.text):
        return None
    letters = re.sub(r"\d", "", term.text)
    if not letters.strip(".,"):
        return None  # a bare number: the typed judges read numbers
    for m in TERM_WORD.finditer(window.text):
        word = m.group(0)
        if (
            word != term.text
            and any(ch.isdigit() for ch in word)
            and re.sub(r"\d", "", word) == letters
        ):
            return Span(term.label, word, m.start(), m.end())
    return None


def _near_words(text: str, start: int, end: int, *, window: int = 5) -> set[str]:
    """Stems of the content words within `window` words either side of a span of `text`."""
    before, after = _sides(text, start, end, window=window)
    return before | after


def _sides(text: str, start: int, end: int, *, window: int = 5) -> tuple[set[str], set[str]]:
    """Stems of the content words within `window` words before and after a span."""
    return _stems_of(_side_words(text, start, end, window))


def _stems_of(sides: tuple[list[str], list[str]]) -> tuple[set[str], set[str]]:
    return {stem(w) for w in sides[0]}, {stem(w) for w in sides[1]}


# A phrase set off by commas right before or after a name, which says who the person
# is: "John Atkinson*, a member of the public,*"; at most eight words.
_APPOSITION_AFTER = re.compile(
    r"\s{0,3},\s{1,3}((?:[^\s,;:.]{1,40}\s{1,3}){0,7}[^\s,;:.]{1,40})\s{0,3}(?=,|\.|;|$)"
)
_APPOSITION_BEFORE = re.compile(
    r"(?:^|,\s{1,3})((?:[^\s,;:.]{1,40}\s{1,3}){0,7}[^\s,;:.]{1,40})\s{0,3},\s{1,3}$"
)


def _apposition(text: str, start: int, end: int) -> set[str]:
    """Stems of the content words of the phrases set off by commas beside a name."""
    words: list[str] = []
    after = _APPOSITION_AFTER.match(text, end)
    if after is not None:
        words += TERM_WORD.findall(after.group(1))
    before = _APPOSITION_BEFORE.search(text[max(0, start - 120) : start])
    if before is not None:
        words += TERM_WORD.findall(before.group(1))
    return {stem(w) for w in words if _is_content(w)}


def _same_apposition(claim_text: str, term: Span, text: str, entity: Span) -> bool:
    """Whether the claim's person and the passage's are set off by the same words, in
    either order: "John Atkinson, a member of the public," against "A member of the
    public, Christopher Wild, ..." fill one role."""
    mine = _apposition(claim_text, term.start, term.end)
    return len(mine & _apposition(text, entity.start, entity.end)) >= min(2, len(mine)) > 0


# Words that give a cause, and what it caused between them where they part: "postponed
# *after* a fire", "*blamed* the delay *on* a shortage", "*caused by* a failure".
_CAUSE = re.compile(
    r"\b(?:after|following|because\s{1,3}of|due\s{1,3}to|owing\s{1,3}to|caused\s{1,3}by"
    r"|blamed\s{1,3}(?:[\w'-]{1,30}\s{1,3}){0,4}?on|attributed\s{1,3}(?:[\w'-]{1,30}\s{1,3}){0,4}?to"
    r"|put\s{1,3}down\s{1,3}to|result\s{1,3}of|resulted\s{1,3}from"
    r"|brought\s{1,3}on\s{1,3}by|triggered\s{1,3}by|sparked\s{1,3}by"
    r"|(?:postponed|delayed|cancelled|canceled|halted|disrupted|interrupted|suspended)"
    r"\s{1,3}by)\s{1,3}",
    re.IGNORECASE,
)
# Where a cause's phrase ends: a preposition other than "of", a clause's word, a mark.
_CAUSE_END = frozenset(
    """at in on between from to for with by during near into over under after before
    and or but which that who whose when where while as than""".split()
)
# A mark that ends a phrase.
_MARK = re.compile(r"[,;:.!?]")
# Words of a cause's phrase read at most; words before the cause read for what it caused.
CAUSE_WORDS = 6
EFFECT_WORDS = 10


def _other_cause(claim_text: str, term: Span, window: Window) -> tuple[str, Span] | None:
    """The passage's cause of what the claim gives another cause for, and the claim's
    cause: "postponed after a *fire* at the hall" against "postponed after flooding at
    the hall", "blamed the delay on a *shortage* of sandbags" against "the delay was
    caused by a failure of communication". What was caused must share a word (the
    words before each cause), and the causes none, in any form: "poor communication"
    is what "a failure of communication" says in other words. A cause given by a date
    or a figure is a time ("after 2019", "after two hours"), not a cause."""
    if term.label or _looks_like_name(term):
        return None
    mine = next(
        (
            (m, phrase)
            for m in _CAUSE.finditer(claim_text, max(0, term.start - 120), term.start + 1)
            if not _timed(claim_text, m)
            and not _caused_itself(claim_text, m)
            and (phrase := _cause_phrase(claim_text, m.end()))
            and phrase[0].start() <= term.start < phrase[-1].end()
        ),
        None,
    )
    if mine is None:
        return None
    marker, phrase = mine
    effect = _effect(claim_text, marker)
    said = claim_text[phrase[0].start() : phrase[-1].end()]
    # The passage, then the sentences beside it (no offsets in the passage to show).
    for text, own in ((window.text, True), (window.after, False), (window.before, False)):
        for m in _CAUSE.finditer(text):
            if _timed(text, m) or _CLAUSE_AFTER.match(text, m.end()):
                continue  # "after he was Tasered": what happened next, not a cause's name
            theirs = _cause_phrase(text, m.end())
            if not theirs or not any(_alike(a, b) for a in effect for b in _effect(text, m)):
                continue
            if any(_alike(a.group(0).lower(), b.group(0).lower()) for a in phrase for b in theirs):
                continue
            start, end = theirs[0].start(), theirs[-1].end()
            return said, Span("", text[start:end], start if own else -1, end if own else -1)
    return None


# A length of time right before "after": "27 years after the disaster", "the day after
# the inquests", "shortly after": when, not why.
_TIME_BEFORE = re.compile(
    r"(?i)\b(?:(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)|shortly|soon|"
    r"immediately|just|long|moments?)\s{1,3}$"
)


# A clause after a cause's marker, its subject a pronoun: "after he was Tasered".
_CLAUSE_AFTER = re.compile(r"(?i)(?:he|she|they|it|we|i|you)\s{1,3}\w")


def _caused_itself(text: str, marker: re.Match[str]) -> bool:
    """Whether "after" or "following" opens a thing given its own cause right after it:
    "after a delay *caused by* the pandemic" dates the inquests by the delay, whose
    cause is the pandemic."""
    if not marker.group(0).lower().startswith(("after", "following")):
        return False
    words = TERM_WORD.findall(text[marker.end() : marker.end() + 60])[:4]
    return any(w.lower() in ("caused", "brought", "prompted", "triggered") for w in words)


def _timed(text: str, marker: re.Match[str]) -> bool:
    """Whether a cause marker ("after") follows a length of time, which makes it a time."""
    return marker.group(0).lower().startswith(("after", "following")) and bool(
        _TIME_BEFORE.search(text, max(0, marker.start() - 20), marker.start())
    )


def _cause_phrase(text: str, start: int) -> list[re.Match[str]]:
    """The content words of a cause's phrase from `start` ("shortage", "fire", "engines"
    of "a shortage of fire engines at the station"); empty when it holds a figure."""
    words: list[re.Match[str]] = []
    end = start
    for m in TERM_WORD.finditer(text, start):
        if len(words) >= CAUSE_WORDS or m.group(0).lower() in _CAUSE_END:
            break
        if words and _MARK.search(text, end, m.start()):
            break
        words.append(m)
        end = m.end()
    if any(ch.isdigit() for ch in text[start:end]) or any(
        parse_number(m.group(0)) is not None for m in words
    ):
        return []
    return [m for m in words if _is_content(m.group(0))]


def _effect(text: str, marker: re.Match[str]) -> list[str]:
    """What a cause caused: the content words before its marker and inside it ("the
    delay" of "blamed the delay on"), lower case."""
    # What a participle's cause caused is the thing right before it: "a *delay* caused
    # by the pandemic", "died as the result of".
    reach = _PARTICIPLE_EFFECT if _PARTICIPLE.match(marker.group(0)) else EFFECT_WORDS
    before = TERM_WORD.findall(text[: marker.start()])[-reach:]
    inside = TERM_WORD.findall(marker.group(0))
    # Plain words only: a place both name ("Croydon") does not make one effect of two.
    return [
        w.lower()
        for w in [*before, *inside]
        if _is_content(w) and w.lower() not in _CAUSE_WORDS and not w[:1].isupper()
    ]


_PARTICIPLE = re.compile(r"(?i)(?:caused|result|resulted)\b")
_PARTICIPLE_EFFECT = 3
# The words of the cause markers themselves, no part of what was caused.
_CAUSE_WORDS = frozenset("blamed attributed caused resulted result following put due owing".split())


def _same_side(
    claim_text: str,
    term: Span,
    text: str,
    start: int,
    end: int,
    *,
    window: int = 5,
    alike: bool = False,
) -> int:
    """How many words of the claim around `term` stand on the same side of the span of
    `text`: words before against words before, after against after (the subject of
    "Dent killed Batgirl" is not the object of "she killed Batgirl, Alfred Pennyworth").
    With `alike`, a word the lexicon reads as one with the passage's counts too ("every
    one of the deaths" / "all of the deaths"). A passive verb's subject is an active one's
    object."""
    my_words = _side_words(claim_text, term.start, term.end, window)
    their_words = _side_words(text, start, end, window)
    mine, theirs = _stems_of(my_words), _stems_of(their_words)
    shared = len(mine[0] & theirs[0]) + len(mine[1] & theirs[1])
    # What was done to stands before a passive verb and after an active one: "his
    # contract was renewed in 2003" / "The Post Office terminated his contract in 2003".
    mine_passive, theirs_passive = _passive(claim_text, term.start), _passive(text, start)
    if mine_passive and not theirs_passive:
        shared += len((mine[0] & theirs[1]) - mine[1])
    elif theirs_passive and not mine_passive:
        shared += len((mine[1] & theirs[0]) - mine[0])
    if not alike:
        return shared
    return shared + sum(
        1
        for side in (0, 1)
        for word in my_words[side]
        if stem(word) not in theirs[side]
        and any(lexicon.relation(word, other) in ONE_WORD for other in their_words[side])
    )


def _side_words(text: str, start: int, end: int, window: int) -> tuple[list[str], list[str]]:
    """The content words (lower case) within `window` words before and after a span."""
    before = [w.lower() for w in TERM_WORD.findall(text[:start])[-window:] if _is_content(w)]
    after = [w.lower() for w in TERM_WORD.findall(text[end:])[:window] if _is_content(w)]
    return before, after


def reversed_beside_anchor(
    claim_text: str, window: Window, claim_entities: Sequence[Span]
) -> Contrast | None:
    """The claim's predicate reversed in a sentence beside a passage that supports its
    typed facts, when that sentence names the claim's subject: "John Atkinson, 28, ..."
    then "Mr Atkinson would probably have survived" against "John Atkinson, 28, would
    probably not have survived". The passage anchors the person, the sentence beside it
    the predicate.
    """
    surnames = {
        words[-1].lower()
        for e in claim_entities
        if e.label == "PERSON" and (words := TERM_WORD.findall(e.text))
    }
    for beside in (window.after, window.before):
        named = {w.lower() for w in TERM_WORD.findall(beside)} & surnames
        if named and (found := _negation(claim_text, beside)) is not None:
            return found
    return None


# A thing that ought to have happened, and so did not: "carried on when he *should have*
# pulled out" agrees with "had not pulled out".
_UNREAL = re.compile(
    r"(?i)\b(?:should|could|would|might|ought\s{1,3}to)\s{1,3}have\s{1,3}(?:been\s{1,3})?$"
)


# A modal on both sides compares two judgements: "should not have been dropped" is
# denied by "should have been dropped".
_MODAL = re.compile(r"(?i)\b(?:should|could|would|might|ought)\b")


# A negation of what would, might or should have been ("with good maintenance the spillway
# *might not have failed*"): a judgement of another course of events, which the plain
# fact ("the spillway failed") does not deny.
_MODAL_PERFECT = re.compile(
    r"(?i)\b(?:should|could|would|might|may|must|ought\s{1,3}to)\s{1,3}not\s{1,3}have\b"
    r"|\b(?:should|could|would|might|must)n[\u2019']t\s{1,3}have\b"
)


def _another_course(phrase: str, text: str, at: int) -> bool:
    """Whether a negated `phrase` judges another course of events ("might not have
    failed") than the plain deed at `at` in `text` ("failed"), which it does not deny."""
    return _MODAL_PERFECT.search(phrase) is not None and not unreal(text, at)


def unreal(text: str, at: int) -> bool:
    """Whether the verb at `at` is one that should or could have been done."""
    return _UNREAL.search(text, max(0, at - 30), at) is not None


def _not_done_either(claim_text: str, at: int, phrase: str) -> bool:
    """Whether the claim's verb at `at` says no more than that a thing was meant, or ought,
    to be done, which the passage's negation `phrase` does not deny: "wanted to cast" is
    not denied by "could not cast", nor "should have pulled out" by "had not pulled out"."""
    if _INTENDING.search(claim_text[max(0, at - 40) : at]):
        return True
    return unreal(claim_text, at) and not _MODAL.search(phrase)


# "None of the men who died was in the crowd" / "All of the dead were in the crowd": a
# quantifier over one group, then its verb and what it says of them.
_QUANTIFIED = re.compile(
    r"(?i)\b(?P<q>none|all|each|every\s{1,3}one|both)\s{1,3}of\s{1,3}(?:the|those|them)\b"
    r"[^.;:!?]{0,80}?\b(?P<verb>was|were|is|are|had|have|has)\s{1,3}(?P<rest>[^.;:!?]{1,80})"
)
_NONE = frozenset({"none"})


def quantifier_reversed(claim_text: str, passage_text: str) -> Contrast | None:
    """The same thing said of none of a group on one side and of all of it on the other:
    "All of the dead were in the crowd" / "None of the men who died was in the crowd".
    What follows the verb must start with the same words (two content words, or all
    there are)."""
    for mine in _QUANTIFIED.finditer(claim_text):
        for theirs in _QUANTIFIED.finditer(passage_text):
            a, b = mine.group("q").lower(), theirs.group("q").lower()
            if (a in _NONE) == (b in _NONE):
                continue
            said = [w.lower() for w in TERM_WORD.findall(mine.group("rest")) if _is_content(w)]
            other = [w.lower() for w in TERM_WORD.findall(theirs.group("rest")) if _is_content(w)]
            need = said[:2]
            if need and all(w in other[:4] for w in need):
                return Contrast(
                    ContrastKind.NEGATION,
                    " ".join(mine.group(0).split()),
                    " ".join(theirs.group(0).split()),
                    theirs.start(),
                    theirs.end(),
                )
    return None


def _stands_as_predicate(
    claim_text: str, m: re.Match[str], passage_text: str, start: int, word: str, phrase: str
) -> bool:
    """Whether the claim's word at `m` is what the passage's negated `word` (at `start`)
    denies: a verb, a verdict ("was found not guilty" / "was found guilty"), or a thing
    had ("with no control over" / "with full control of")."""
    if verb_like(claim_text, m.start(), m.group(0)):
        return True
    if phrase.lower().endswith(f"not {word.lower()}") and _VERDICT_BEFORE.search(
        claim_text, max(0, m.start() - 60), m.start()
    ):
        return True
    return bool(
        _NO_BEFORE.search(passage_text, max(0, start - 12), start)
        and _HAVE_A.search(claim_text, max(0, m.start() - 25), m.start())
    )


def _negation_beside(claim_text: str, window: Window) -> Contrast | None:
    """What the claim says there was none of ("there was no risk", "had no say") that a
    sentence beside the passage says there was, as `_negation` reads it (the offsets, of
    another sentence, are not shown): a quotation that runs on ('said: "The spillway has
    broken away. There is a risk the dam could break."') against "warned that there was
    no risk the dam could break". Only a thing the passage itself does not name: what
    the passage says of its own words, it says of its own event."""
    own = {stem(w) for w in TERM_WORD.findall(window.text)}
    for text in (window.after, window.before):
        found = _negation(claim_text, text) if text else None
        if found is None or found.article_start is None:
            continue
        if not (_HAVE_NO.search(found.article) or _THERE_NO.search(found.article)):
            continue
        word = TERM_WORD.match(claim_text, found.article_start)
        if word is not None and stem(word.group(0)) not in own:
            return replace(found, source_start=None, source_end=None)
    return None


def _negation(claim_text: str, passage_text: str) -> Contrast | None:
    """The same predicate negated in one and not the other: "will face" / "will not face".

    Only a verb's own negation counts ("not", "never", "n't" before the verb, past
    its auxiliaries): in "none of the officers investigated will face action", the
    negation is about facing action, not about the investigation.
    """
    denies = [
        bool(NEGATION.search(t) or _DENYING.search(t) or _DENIED_THAT.search(t))
        for t in (claim_text, passage_text)
    ]
    if denies[0] and denies[1]:
        return _negated_in_one(claim_text, passage_text)
    if not denies[0] and not denies[1]:
        return None
    mine = _negated(claim_text) | _denied_had(claim_text, there=True)
    theirs = _negated(passage_text)
    plain_theirs = [m for m in TERM_WORD.finditer(passage_text) if m.start() not in theirs]
    findings = [(f.start(1), f.end(1)) for f in FINDING.finditer(claim_text)]
    for start, (word, phrase) in theirs.items():
        for m in TERM_WORD.finditer(claim_text):
            if m.start() in mine or not _is_content(m.group(0)):
                continue
            if _overlaps(m.start(), m.end(), findings):
                continue  # "the investigators judged that": a report, not the predicate
            if not _stands_as_predicate(claim_text, m, passage_text, start, word, phrase):
                continue  # "a sprint car race" is no predicate for "will not race"
            if _denies_no_deed(phrase, claim_text, m.start()):
                continue
            if (
                not _obligation_only(phrase, claim_text, m.start(), m.group(0), word)
                and lexicon.states(m.group(0), word)
                and _complements_agree(claim_text, m.end(), passage_text, start + len(word))
                and not _subjects_differ(claim_text, m.start(), passage_text, start)
            ):
                return Contrast(
                    ContrastKind.NEGATION,
                    m.group(0),
                    phrase,
                    start,
                    start + len(word),
                    article_start=m.start(),
                )
    found = [(f.start(1), f.end(1)) for f in FINDING.finditer(passage_text)]
    for at, (word, phrase) in mine.items():
        # "was not the first passenger" / "was the first passenger": a copula's
        # complement, denied as a verb is.
        complement = _NOT_A.search(claim_text, max(0, at - 20), at) is not None
        owned = _NO_BEFORE.search(claim_text, max(0, at - 12), at) is not None
        for m in plain_theirs:
            if _overlaps(m.start(), m.end(), found):
                continue  # "The jury found that": a report, not the predicate
            # "was not the first" / "was the first"; "had no obligation" / "has an obligation".
            copula = (
                _COPULA_A.search(passage_text, max(0, m.start() - 40), m.start())
                if complement
                else _HAVE_A.search(passage_text, max(0, m.start() - 25), m.start())
                if owned
                else None
            )
            if (
                copula is None
                and not verb_like(passage_text, m.start(), m.group(0))
                and not _verdict_denied(claim_text, at, word, phrase, passage_text, m.start())
            ):
                continue
            if (
                not (unreal(passage_text, m.start()) and not _MODAL.search(phrase))
                and not _another_course(phrase, passage_text, m.start())
                and not _planned_only(phrase, passage_text, m.start())
                # "had minimal commercial success" all but denies it: no opposite of "was
                # not commercially successful"
                and _SCANT_BEFORE.search(passage_text, max(0, m.start() - 40), m.start()) is None
                # ("had not pulled out" is what "should have pulled out" says)
                and lexicon.states(word, m.group(0))
                and not theirs
                and _complements_agree(claim_text, at + len(word), passage_text, m.end())
                and not _subjects_differ(claim_text, at, passage_text, m.start())
            ):
                plea = _PLEA_BEFORE.search(passage_text, max(0, m.start() - 20), m.start())
                start = (
                    copula.start()
                    if copula is not None
                    else plea.start()
                    if plea is not None
                    else m.start()
                )
                said = " ".join(passage_text[start : m.end()].split())
                return Contrast(
                    ContrastKind.NEGATION, phrase, said, start, m.end(), article_start=at
                )
    return None


# Words that grant a thing so little that they all but deny it, right before it or the
# word before it: "minimal commercial success", "little success".
_SCANT_BEFORE = re.compile(
    r"(?i)\b(?:minimal|little|limited|scant|negligible|hardly|barely|scarcely)\s{1,3}"
    r"(?:[a-z]{1,20}\s{1,3})?$"
)


# Where a predicate's subject starts: its clause, or after "that" or a comma.
_SUBJECT_OPENS = re.compile(r"(?i)\bthat\b|[,;:]")
# Words before the verb that are no part of its subject: auxiliaries and negations.
_NOT_SUBJECT = _AUXILIARIES | frozenset("not never n't no a an the some".split())
SUBJECT_WORDS = 6


def _subject_words(text: str, at: int) -> list[str]:
    """The content words of the subject before a predicate at `at` (its auxiliaries and
    negation left out): "behaviour", "fans" for "that the behaviour of the fans had not
    caused"."""
    start, _ = clause_at(text, at)
    opens = [m.end() for m in _SUBJECT_OPENS.finditer(text, start, at)]
    words = TERM_WORD.findall(text, max([start, *opens]), at)
    while words and (words[-1].lower() in _NOT_SUBJECT or words[-1].lower().endswith("ly")):
        words.pop()  # "had not", "never actually", "had no", "has a"
    return [w for w in words if _is_content(w)][-SUBJECT_WORDS:]


_BE = frozenset("be been being is are was were am".split())


def _passive(text: str, at: int) -> bool:
    """Whether the predicate at `at` is said in the passive ("is not approved", "are not
    expected"): its subject is what it was done to, not who did it."""
    word = TERM_WORD.match(text, at)
    before = [w.lower() for w in TERM_WORD.findall(text[max(0, at - 40) : at])][-3:]
    return word is not None and past_form(word.group(0).lower()) and bool(_BE & set(before))


def _has_name(words: Sequence[str]) -> bool:
    """Whether a subject's words hold a capitalised one: a name, or a sentence's first."""
    return any(w[:1].isupper() for w in words)


def _subjects_differ(claim_text: str, claim_at: int, passage_text: str, passage_at: int) -> bool:
    """Whether a predicate negated on one side and plain on the other is said of two
    different subjects: "the behaviour of the fans had not caused" / "mistakes by the
    police had caused". Both subjects must be words (a pronoun or none says nothing) and
    share none, in any form."""
    if _passive(claim_text, claim_at) or _passive(passage_text, passage_at):
        return False  # "The FDA approves" / "is not approved by the FDA"
    mine = _subject_words(claim_text, claim_at)
    theirs = _subject_words(passage_text, passage_at)
    if not mine or not theirs:
        return False
    if _has_name(mine) != _has_name(theirs):
        return False  # "the company" may be "Fujitsu"
    mine, theirs = [w.lower() for w in mine], [w.lower() for w in theirs]
    return not any(
        a == b or _same_stem(a, b) or lexicon.states(a, b) or lexicon.states(b, a)
        for a in mine
        for b in theirs
    )


# What makes a plain word a verdict or a state that the passage's "not" right before it
# denies: "a jury found Duckenfield, now 75, *guilty*" / "returned its not guilty
# verdict".
_VERDICT_BEFORE = re.compile(
    r"(?i)\b(?:found|ruled|declared|judged|deemed|is|was|are|were|been)\b"
    r"(?:\W+[\w'-]+){0,4}\W+$"
)
# A plea: "pleaded *not guilty*" / "pleaded guilty".
_PLEA_BEFORE = re.compile(r"(?i)\bplea(?:d|ds|ded|ding)\s{1,3}(?:not\s{1,3})?$")


def _verdict_denied(
    claim_text: str, at: int, word: str, phrase: str, passage_text: str, start: int
) -> bool:
    """Whether the claim's "not" denies a plea or a verdict the passage gives plainly:
    "both organisations pleaded not guilty" / "pleaded guilty on Friday". Not where the
    claim also gives the plain word ("pleaded guilty, while the driver pleaded not
    guilty"): the passage's plea may be the one the claim states."""
    if not phrase.lower().endswith(f"not {word.lower()}"):
        return False
    if not (
        _PLEA_BEFORE.search(claim_text, max(0, at - 20), at)
        and _PLEA_BEFORE.search(passage_text, max(0, start - 20), start)
    ):
        return False
    low = word.lower()
    negated = _negated(claim_text)
    return not any(
        m.group(0).lower() == low and m.start() not in negated
        for m in TERM_WORD.finditer(claim_text)
    )


# A copula's complement, denied in the claim and said plainly in the passage: "was *not
# the* first passenger" / "was *the* first passenger".
_NOT_A = re.compile(r"\bnot\s{1,3}(?:the|a|an)\s{1,3}(?:[\w-]+\s{1,3}){0,2}$", re.IGNORECASE)
_COPULA_A = re.compile(
    r"\b(?:is|was|are|were|be|been|being)\s{1,3}(?:the|a|an)\s{1,3}(?:[\w-]+\s{1,3}){0,2}$",
    re.IGNORECASE,
)


# Words after a predicate read for what it is about: the claim's first within a few
# words, in its clause; the passage's among its next content words, past an aside
# ("did not regard the trains, which are about 40 years old, as unsafe").
_COMPLEMENT_REACH = 4
_THEIR_COMPLEMENT_WORDS = 8
_CLAUSE_END = re.compile(r"[,;:.!?()]")
# What opens a predicate's complement that says how or where it held: "travelling *in*
# the direction", "constructed *as* designed".
_PREPOSITIONS = frozenset("in as on at to towards toward into onto from with within".split())
_SENTENCE_END = re.compile(r"[;.!?]")


def _complements_agree(claim_text: str, claim_end: int, passage_text: str, end: int) -> bool:
    """Whether the passage's predicate is about what the claim's is: where a preposition
    follows the claim's, its next content word is stated among the passage's next ones.
    "was not even travelling in the direction in which it had set out" is not reversed
    by "It was travelling at 73 mph"; "was not constructed as designed" is not by "had
    been built in 2011-12 by Carillion"."""
    stop = _CLAUSE_END.search(claim_text, claim_end)
    near = TERM_WORD.findall(claim_text, claim_end, stop.start() if stop else len(claim_text))
    if not near or near[0].lower() not in _PREPOSITIONS:
        return True  # an object ("did not allow the judge to ...") a source may leave out
    mine = [w for w in near[:_COMPLEMENT_REACH] if _is_content(w)]
    if not mine:
        return True
    stop = _SENTENCE_END.search(passage_text, end)
    after = TERM_WORD.findall(passage_text, end, stop.start() if stop else len(passage_text))
    theirs = [w for w in after if _is_content(w)][:_THEIR_COMPLEMENT_WORDS]
    # or before it: "told the House of Commons ... that he apologised"
    theirs += [w for w in TERM_WORD.findall(passage_text, 0, end) if _is_content(w)]
    return any(_same_stem(mine[0].lower(), w.lower()) or lexicon.states(mine[0], w) for w in theirs)


# Words before a predicate read for a negation that may be its own ("no one was ever
# charged", "did not, in the end, ...").
_NEGATION_REACH = 6
# An aside that tells who says so: ", as the Trust insists,", ", according to the BBC,".
_ASIDE = re.compile(r"(?i),\s{0,3}(?:as|according\s{1,3}to)\b[^,.;]{1,60},")


# Words that open a complement naming when, or since when, a thing was not done.
_SINCE_WORDS = frozenset("since after before until".split())


def same_complement(one: str, end: int, other: str, other_end: int) -> bool:
    """Whether two predicates take one complement, opened by a preposition and headed
    by the same word: "has not been *held* since the crash" and "has not been *staged*
    since the crash" deny the same thing in two words."""
    mine, theirs = _complement_head(one, end), _complement_head(other, other_end)
    return mine is not None and theirs is not None and (mine == theirs or _same_stem(mine, theirs))


def _complement_head(text: str, end: int) -> str | None:
    stop = _CLAUSE_END.search(text, end)
    near = TERM_WORD.findall(text, end, stop.start() if stop else len(text))
    if not near or near[0].lower() not in _PREPOSITIONS | _SINCE_WORDS:
        return None
    return next((w.lower() for w in near[1:_COMPLEMENT_REACH] if _is_content(w)), None)


def _negated_in_one(claim_text: str, passage_text: str) -> Contrast | None:
    """Where both sides negate something, a predicate one negates that the other states
    in a clause with no negation at all: "saying he was not sorry that MI5 had not
    stopped it" / "said he was profoundly sorry that the service had not prevented the
    attack". A word negated on both sides, or with a negation of any kind among the
    words before it in its clause, is not read: whose scope is whose is not known there."""
    mine, theirs = _negated(claim_text), _negated(passage_text)
    for one, other, negated, denied in (
        (claim_text, passage_text, mine, theirs),
        (passage_text, claim_text, theirs, mine),
    ):
        for start, (word, phrase) in negated.items():
            if any(
                lexicon.states(word, w)
                or lexicon.states(w, word)
                or same_complement(one, start + len(word), other, at + len(w))
                for at, (w, _) in denied.items()
            ):
                continue  # negated in both, or both deny what was done "since the crash"
            findings = [(f.start(1), f.end(1)) for f in FINDING.finditer(other)]
            for m in TERM_WORD.finditer(other):
                if m.start() in denied or not _is_content(m.group(0)):
                    continue
                if _overlaps(m.start(), m.end(), findings):
                    continue  # "The judge accepted that": a report, not the predicate
                if not lexicon.states(word, m.group(0)):
                    continue
                if not verb_like(other, m.start(), m.group(0)) and not (
                    one is claim_text
                    and _verdict_denied(claim_text, start, word, phrase, other, m.start())
                ):
                    continue
                a, _ = clause_at(other, m.start())
                # (an aside is passed over: "without, as the Trust insists, a single
                # inspection questioning")
                lead = _ASIDE.sub(" ", other[a : m.start()])
                before = " ".join(TERM_WORD.findall(lead)[-_NEGATION_REACH:])
                if NEGATION.search(before) or _DENYING.search(before):
                    continue
                if one is claim_text:
                    return Contrast(ContrastKind.NEGATION, phrase, m.group(0), m.start(), m.end())
                return Contrast(
                    ContrastKind.NEGATION,
                    m.group(0),
                    phrase,
                    start,
                    start + len(word),
                    article_start=m.start(),
                )
    return None


def verb_like(text: str, start: int, word: str) -> bool:
    """Whether a word can be the verb of its clause: an inflected form ("survived",
    "allowed") or one after an auxiliary or "to" ("will face", "to race"); not a bare
    noun ("a sprint car race")."""
    lower = word.lower()
    before = TERM_WORD.findall(text[max(0, start - 40) : start])[-2:]
    if before and before[-1].lower() in _ALL_OF:
        return False  # "the patience of all concerned", "those involved": who, not a deed
    if lower.endswith("ing") and (not before or before[-1].lower() in _GERUND_BEFORE):
        return False  # "accepted that using the Taser had not been unlawful": a noun
    inflected = any(lemma != lower for lemma in lexicon.lemmas(lower))
    if inflected and not lower.endswith("s"):
        return True
    if inflected and before and (before[-1].lower() in _SUBJECT_PRONOUNS or _named(before)):
        return True  # "The FDA approves", "she denies": a verb after its subject
    if before and before[-1].lower() in _PLURAL_PRONOUNS:
        return True  # "I find that", "they say": a verb after a pronoun that takes its bare form
    if (
        len(before) == 2
        and before[0].lower() in DETERMINERS
        and before[1].islower()
        and (before[1] in _GROUPS or plural_looking(before[1]))
        and not plural_looking(lower)
    ):
        return True  # "the police expect", "the officers face": after a plural subject
    return any(w.lower() in _AUXILIARIES or w.lower() == "to" for w in before)


# Words after which a word in -ing is a noun: "that using the Taser", "by kicking".
_GERUND_BEFORE = frozenset("that of by for after before without from in on".split())
# Words that make a participle after them name people: "all concerned", "those involved".
_ALL_OF = frozenset("all those everyone everybody anyone anybody".split())
# Nouns that take a plural verb without looking plural: "the police expect".
_GROUPS = frozenset("police public".split())


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "who", "which", "that"})
_PLURAL_PRONOUNS = frozenset({"i", "we", "you", "they"})


def _named(before: Sequence[str]) -> bool:
    """Whether the word before ends a name ("the FDA", "Smith"), not a sentence's
    first word."""
    word = before[-1] if before else ""
    return (
        len(before) == 2
        and word[:1].isupper()
        and word.lower() not in STOPWORDS
        and not word.endswith(("'s", "\u2019s", "'", "\u2019"))  # "the University's schools"
    )


def _denied_by_subject(text: str) -> dict[int, tuple[str, str]]:
    """Verbs a negated subject denies: "None of the officers investigated will *face*
    action", "nothing in the conduct of the supporters had *caused*": the verb after the
    first auxiliary."""
    found: dict[int, tuple[str, str]] = {}
    for negation in [*_NONE_OF.finditer(text), *_NEITHER_NOR.finditer(text)]:
        # The second of two names may have a long apposition: "nor Tram Operations Ltd,
        # the operator owned by the British company FirstGroup, would face".
        reach = 16 if negation.group(0).lower().endswith("nor") else 12
        words = list(TERM_WORD.finditer(text, negation.end()))[:reach]
        at = next((k for k, m in enumerate(words) if m.group(0).lower() in _AUXILIARIES), None)
        if at is None:
            continue
        for m in words[at + 1 : at + 4]:
            if m.group(0).lower() in _AUXILIARIES:
                continue
            if _is_content(m.group(0)):
                phrase = text[negation.start() : m.end()]
                found[m.start()] = (m.group(0), " ".join(phrase.split()))
            break
    return found


def _denied_had(text: str, *, there: bool = False) -> dict[int, tuple[str, str]]:
    """What "had no" or "with no" denies: the thing had ("had no "*moral* obligation"",
    "with no *control* over"); `there`, what there is none of ("there was no *risk*")."""
    found: dict[int, tuple[str, str]] = {}
    for negation in (_THERE_NO if there else _HAVE_NO).finditer(text):
        thing = next(
            (m for m in TERM_WORD.finditer(text, negation.end()) if _is_content(m.group(0))), None
        )
        if thing is not None and thing.start() - negation.end() <= _HAVE_NO_REACH:
            phrase = text[negation.start() : thing.end()]
            found[thing.start()] = (thing.group(0), " ".join(phrase.split()))
    return found


@lru_cache(maxsize=4096)
def negated_words(text: str) -> tuple[tuple[int, str], ...]:
    """The words a negation of the text denies, with their offsets: "call" of "refused
    to call". A window is read for every claim of an article: once is enough."""
    return tuple((at, word) for at, (word, _) in _negated(text).items())


def _negated(text: str) -> dict[int, tuple[str, str]]:
    """The words a verb's negation applies to, by offset: (word, "did not allow")."""
    found = _denied_by_subject(text) | _denied_had(text)
    negations = [*_VERB_NEGATION.finditer(text), *_DENYING.finditer(text)]
    for negation in sorted(negations, key=lambda n: n.start()):
        if _NOT_YET.match(text, negation.end()):
            continue  # "has not yet been handed down": so far, as of the source's day
        words = list(TERM_WORD.finditer(text, negation.end()))
        noun = False  # "was not the first passenger": a copula's complement
        for k, m in enumerate(words[:5]):
            lower = m.group(0).lower()
            if lower in _AUXILIARIES or (
                lower == "to" and k and words[k - 1].group(0).lower() in _HAVE
            ):
                continue  # "would not normally have to hold"
            if (k == 0 and lower in _ARTICLES | _PLACING) or (noun and not _is_content(m.group(0))):
                noun = True  # "was not the first", "was not in the grip of"
                continue
            if _is_content(m.group(0)):
                phrase = text[_phrase_start(text, negation.start()) : m.end()]
                found[m.start()] = (m.group(0), " ".join(phrase.split()))
                if lexicon.adverb(lower) and lower in _THROUGH:
                    continue  # when or how often: the verb after it is denied too
                if lexicon.adverb(lower):
                    break  # how: "not unlawfully killed" denies the manner, not the death
                # "is not expected ever to be released": what is not expected is denied.
                if m.group(0).lower() in _RAISING | _INTENDS:
                    denied = _complement(words[k + 1 : k + 6])
                    if denied is not None:
                        phrase = text[_phrase_start(text, negation.start()) : denied.end()]
                        found[denied.start()] = (denied.group(0), " ".join(phrase.split()))
            break
    found.update(_reported_denied(text))
    return found


# A denial reported of someone, and what they denied after its subject: "Dorris *denied
# that* he had *fallen* asleep", "denied that he fell asleep".
_DENIED_THAT = re.compile(r"(?i)\b(?:denied|denies|deny|denying)\s{1,3}that\s")
DENIED_REACH = 4


def _reported_denied(text: str) -> dict[int, tuple[str, str]]:
    """The verb of what a passage reports someone denied, by offset: "fallen" of "denied
    that he had fallen asleep" (after its subject, within DENIED_REACH words, a verb
    after an auxiliary or a past form), with the phrase."""
    found: dict[int, tuple[str, str]] = {}
    for denial in _DENIED_THAT.finditer(text):
        words = list(TERM_WORD.finditer(text, denial.end()))[: DENIED_REACH + 3]
        after_auxiliary = False
        for k, m in enumerate(words):
            lower = m.group(0).lower()
            if lower in _AUXILIARIES:
                after_auxiliary = True
                continue
            if k > DENIED_REACH and not after_auxiliary:
                break
            if (after_auxiliary or _said_done(lower)) and _is_content(m.group(0)):
                phrase = " ".join(text[denial.start() : m.end()].split())
                found[m.start()] = (m.group(0), phrase)
                break
    return found


# Adverbs a negation passes through to deny the verb after them: "would not normally
# have to hold", "had not previously been charged". Others say how, and the negation
# denies only that: "were not unlawfully killed", "was not seriously injured".
_THROUGH = frozenset(
    """normally usually generally ever always previously actually really currently
    initially originally formally officially publicly personally directly""".split()
)
_HAVE = frozenset({"have", "has", "had", "having"})
# "had no moral obligation", "has no plans", "with no control over": what is had, denied.
_HAVE_NO = re.compile(r"(?i)\b(?:have|has|had|having|with)\s{1,3}no\b")
# "there was no risk": what there is none of, denied where a passage says there is one
# (`_negation`); not a word the claim denies for coverage, which "no date has been set"
# states in its own way.
_THERE_IS = r"\bthere(?:['\u2019]s|\s{1,3}(?:is|was|are|were|remains|remained))"
_THERE_NO = re.compile(rf"(?i){_THERE_IS}\s{{1,3}}no\b")
_HAVE_NO_REACH = 4
_NO_BEFORE = re.compile(r"(?i)\bno\s{1,3}[\"\u201c]?$")
_HAVE_A = re.compile(
    r"(?i)(?:\b(?:have|has|had|having|with)\s{1,3}(?:a|an|the|some|full|total|complete)"
    # what there is: "There's a risk the dam could break" / "there was no risk"
    rf"|{_THERE_IS}\s{{1,3}}(?:a|an|some))"
    r"\s{1,3}[\"\u201c]?$"
)
_NOT_YET = re.compile(r"\s{1,3}yet\b", re.IGNORECASE)


# An obligation a negation denies ("did not have to answer", "need not attend"), and
# the words that give a claim's verb one ("must hold", "had to attend").
def _obligation_only(phrase: str, claim_text: str, at: int, mine: str, theirs: str) -> bool:
    """Whether a negated phrase denies only an obligation ("did not have to answer",
    "need not attend") that the claim's verb at `at` does not carry, in other words
    ("telling"). The same verb stays denied: what the passage says does not state it."""
    if lexicon.relation(mine, theirs) == lexicon.Relation.SAME:
        return False
    return bool(_OBLIGED.search(phrase)) and not _OBLIGING.search(claim_text, max(0, at - 30), at)


_OBLIGED = re.compile(r"(?i)\b(?:(?:have|has|had|having|need|needs|needed)\s{1,3}to|need)\b")
_OBLIGING = re.compile(
    r"(?i)\b(?:must|(?:have|has|had|having|need|needs|needed)\s{1,3}to|required\s{1,3}to"
    r"|obliged\s{1,3}to|bound\s{1,3}to)\s{1,3}(?:[\w-]{1,30}\s{1,3})?$"
)
# Words whose "to" clause a negation before them denies: "not expected to be released",
# "not able to attend", "not likely to face" (not "allowed": "did not allow the judge
# to impose" denies the allowing, the judge's act is another's).
# Prepositions that put a copula's complement in a place or a state: "was not *in* the
# grip of a crisis", "were not *on* the train".
_PLACING = frozenset("in at on aboard inside among within under".split())
_RAISING = frozenset("expected likely able going due set".split())
# Verbs of a plan or a wish whose negation denies the plan for the verb after them ("no
# longer plans to reopen"), which only a plan or an expectation of that verb states
# ("still expected to reopen"), never the deed itself.
_INTENDS = frozenset(
    """plan plans planned planning intend intends intended intending want wants wanted
    aim aims aimed hope hopes hoped""".split()
)
_INTENDED = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_INTENDS))})\s{{1,3}}(?:[\w-]+\s{{1,3}})?to\s")


def _denies_no_deed(phrase: str, text: str, at: int) -> bool:
    """Whether a negated phrase leaves the verb at `at` of `text` undenied: a plan denied
    ("no longer plans to reopen") denies only a plan or an expectation of the verb; a
    deed denied ("could not cast") no wish for it ("wanted to cast") nor another course
    of events ("might not have failed")."""
    if _INTENDED.search(phrase):
        return _planned_only(phrase, text, at)
    return _not_done_either(text, at, phrase) or _another_course(phrase, text, at)


def _planned_only(phrase: str, text: str, at: int) -> bool:
    """Whether a negated phrase denies only a plan for its verb ("no longer plans to
    reopen") where the other side's verb at `at` of `text` is no plan or expectation
    ("reopened"): then it denies nothing the other side says."""
    return bool(_INTENDED.search(phrase)) and not _INTENDING.search(text[max(0, at - 40) : at])


_COMPLEMENT_SKIP = frozenset("ever again be been have yet".split())


def _complement(words: Sequence[re.Match[str]]) -> re.Match[str] | None:
    """The verb of a "to" clause at the start of `words` ("ever to be released")."""
    seen_to = False
    for m in words:
        lower = m.group(0).lower()
        if lower == "to" and not seen_to:
            seen_to = True
        elif lower in _COMPLEMENT_SKIP:
            continue
        elif seen_to and _is_content(m.group(0)):
            return m
        else:
            return None
    return None


def _phrase_start(text: str, position: int) -> int:
    """Where the word before `position` starts: "did" of "did not"."""
    before = list(TERM_WORD.finditer(text, max(0, position - 40), position))
    return before[-1].start() if before else position


def verb_replaced(claim_text: str, term: Span, window: Window) -> bool:
    """Whether the window has another verb of the past in the place of a verb of the
    claim that it does not say itself, before the same words: "the driver was *killed*
    at the scene on suspicion of manslaughter" against "was *arrested* at the scene on
    suspicion of manslaughter". Another passage that says "killed" of others does not
    then state it, nor does "manslaughter" (a kind of killing) through the lexicon."""
    lower = term.text.lower()
    if term.label or not lower.isalpha() or not past_form(lower):
        return False
    mine = _words_after(claim_text, term.end)
    if mine is None or term.start in dict(negated_words(claim_text)):
        return False  # a denied verb is read by its denials ("not allowed" / "prohibited")
    said = {
        lemma
        for w in TERM_WORD.findall(window.text)
        for lemma in (*lexicon.lemmas(w.lower()), w.lower())
    }
    if lower in said or any(lemma in said for lemma in lexicon.lemmas(lower)):
        return False  # the passage says the verb itself
    return any(
        past_form(other.text)
        and _words_after(window.text, other.end) == mine
        and not lexicon.states(lower, other.text)
        for other in rivals(claim_text, term, window)
    )


# How many words after two verbs must be the same for one to stand in the other's place.
_SAME_AFTER = 3


def _words_after(text: str, end: int) -> tuple[str, ...] | None:
    """The _SAME_AFTER words after `end` (lower case), if they are that many and one of
    them is a content word: "at the scene" after "killed" and after "arrested"."""
    words = tuple(w.lower() for w in WORD.findall(text, end, end + 60)[:_SAME_AFTER])
    if len(words) < _SAME_AFTER or not any(_is_content(w) for w in words):
        return None
    return words
