"""Whole-claim coverage: does the evidence state all of a claim, and what does it say instead?

A claim's typed facts (numbers, dates, ages, quotes) are judged one by one;
this module reads the rest of the sentence: who, did what, to whom, where.
Each content word of the claim must be stated by the evidence window (the
supporting passage with the sentences either side of it in its document):
the same word or lemma, a synonym, a more specific word, a derived form
(`lexicon`). Names are read whole, through aliases (`same_name`: "the Met" /
"Metropolitan Police", "IOPC" / "Independent Office for Police Conduct").

What no word of the window states is *uncovered*, and keeps the claim from
SUPPORTED. Three kinds of uncovered content are contradictions when the
passage is about the same event (most of the rest of the claim is covered):

- another name in the same role: "West Midlands Police" where the passage,
  with the same words around it, says "Greater Manchester Police";
- the opposite word: "rose" against "fell", "convicted" against "acquitted";
- the reversed predicate: "will face" against "will not face".

Everything here is plain string work over records: no model, no store.
"""
# Over 600 lines by its word lists; the rest is one reading, clause by clause.

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

from . import lexicon
from .claims import same_name
from .text import STOPWORDS, stem

# Words and names with digits in them ("MI5", "G4S", "M25"), which the retrieval
# tokenizer splits: here a changed digit is a changed name.
_WORD = re.compile(r"(?<![\w'\u2019-])[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'\u2019-]*")
# Where a sentence's clauses meet: semicolons and colons, and a comma before a
# conjunction or a relative pronoun ("..., and he had flown back", "..., who told").
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|while|whereas|although|though|yet|who|which|where|when)\b"
    r"|\s(?:and|but)\s+(?=(?:he|she|it|they|we|his|her|its|their|the)\b)",
    re.IGNORECASE,
)
_VERB_NEGATION = re.compile(r"\b(?:not|never)\b|n[\u2019']t\b", re.IGNORECASE)
_NONE_OF = re.compile(r"\b(?:none|neither)\s+of\b|\bno\s+one\b|\bnobody\b", re.IGNORECASE)
_AUXILIARIES = frozenset(
    """be been being is are was were am have has had will would shall should can could may
    might must do does did yet ever even also always so still""".split()
)
_NEGATION = re.compile(
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
    less fewer than least
    s""".split()
)
# Light words: pronouns, modal and auxiliary verbs, the commonest verbs and nouns of
# time and manner. They carry little of what a claim asserts, and sources seldom
# repeat them: "would probably have", "at the time of", "came back".
LIGHT_WORDS = frozenset(
    """him her hers them us me mine ours yours theirs itself himself herself themselves
    ourselves myself yourself someone something anyone anything everyone everything
    should could might may must can shall ought do does did doing done
    being got get gets getting go goes going went gone make makes made making
    take takes took taking taken come comes came coming give gives gave giving given
    put puts keep kept let lets seem seems seemed become became
    way ways thing things time times day days lot kind sort part side fact
    back ever long still far well too so how why what where when whether though although
    because unless once
    probably possibly perhaps likely apparently reportedly allegedly certainly clearly
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
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\d])")
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
_ROLE = {
    "ORG": "org",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    NAME: "name",
}
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
_ONE_WORD = frozenset({lexicon.Relation.SAME, lexicon.Relation.SYNONYM, lexicon.Relation.DERIVED})


class ContrastKind(StrEnum):
    ENTITY = "entity"  # another name in the same role
    ANTONYM = "antonym"  # the opposite word
    NEGATION = "negation"  # the predicate reversed by a negation


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


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a claim a window states."""

    covered: tuple[Span, ...] = ()
    uncovered: tuple[Span, ...] = ()
    contrasts: tuple[Contrast, ...] = field(default_factory=tuple)

    @property
    def complete(self) -> bool:
        return not self.uncovered

    @property
    def share(self) -> float:
        total = len(self.covered) + len(self.uncovered)
        return len(self.covered) / total if total else 1.0


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
        for e in entities
        if e.label in _ROLE and not _inside(e.start, e.end, skipped) and _WORD.search(e.text)
    ]
    names += _untagged_names(text, [*skipped, *((e.start, e.end) for e in names)])
    numbers = [
        Span(NUMBER, m.group(0), m.start(), m.end())
        for m in _NUMBER.finditer(text)
        if not _overlaps(m.start(), m.end(), skipped)
    ]
    taken = sorted([*skipped, *((e.start, e.end) for e in names)])
    words = [
        Span("", _bare(m.group(0)), m.start(), m.end())
        for m in _WORD.finditer(text)
        if not _overlaps(m.start(), m.end(), taken) and _is_content(m.group(0))
    ]
    return [*names, *words, *numbers]


def cover(terms: Sequence[Span], window: Window) -> Coverage:
    """Which of a claim's terms the window states, and the contrasts it holds."""
    # The document's title (a headline, a page's name) is part of what it states.
    whole = " ".join((window.before, window.text, window.after, *window.aliases))
    words = {_bare(w).lower() for w in _WORD.findall(whole)}
    words |= {w.replace("-", "") for w in words if "-" in w}
    stems = {stem(w) for w in words}
    covered: list[Span] = []
    uncovered: list[Span] = []
    for term in terms:
        if _stated(term, words, stems, window):
            covered.append(term)
        else:
            uncovered.append(term)
    return Coverage(tuple(covered), tuple(uncovered), ())


def contrasts(
    claim_text: str,
    terms: Sequence[Span],
    coverage: Coverage,
    window: Window,
    *,
    claim_entities: Sequence[Span] = (),
    anchors: Sequence[tuple[int, int]] = (),
    held: Sequence[tuple[int, int]] = (),
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
    "twenty-nine-year-old from Bolton").
    """
    found: list[Contrast] = []
    for term in coverage.uncovered:
        if not _same_event(claim_text, term, terms, coverage, anchors):
            continue
        if term.label or _looks_like_name(term):
            other = _coded_variant(term, window) or (
                _other_name(claim_text, term, window, claim_entities) if term.label else None
            )
            if other is None:
                other = _list_rival(claim_text, term, coverage, window, claim_entities)
            anchored = None
            if other is None:
                anchored = _anchored_name(claim_text, term, window, anchors, held, claim_entities)
            if other is not None or anchored is not None:
                name = other or anchored
                assert name is not None
                found.append(
                    Contrast(
                        ContrastKind.ENTITY,
                        term.text,
                        name.text,
                        name.start,
                        name.end,
                        anchored=anchored is not None,
                    )
                )
            continue
        opposite = _opposite_word(claim_text, term, window)
        if opposite is not None:
            found.append(
                Contrast(
                    ContrastKind.ANTONYM, term.text, opposite.text, opposite.start, opposite.end
                )
            )
    if coverage.share >= SAME_EVENT_SHARE or len(anchors) + len(coverage.covered) >= 3:
        reversed_ = _negation(claim_text, window.text)
        if reversed_ is not None:
            found.append(reversed_)
    return tuple(found)


def reversed_nearby(claim_text: str, window: Window) -> Contrast | None:
    """The claim's predicate reversed in the passage or in a sentence beside it.

    Coverage reads a passage with its neighbours, so a claim can be stated in full by
    a window whose neighbour says the opposite ("would probably have survived"
    against "would probably not have survived"). Read pair by pair (the passage
    with the sentence after it, with the one before): too loose an anchor to
    contradict, enough to keep the claim from SUPPORTED.
    """
    pairs = [window.text, f"{window.text} {window.after}", f"{window.before} {window.text}"]
    return next((r for pair in pairs if pair.strip() and (r := _negation(claim_text, pair))), None)


def rival(claim_text: str, term: Span, window: Window) -> Span | None:
    """The window's word in the place of an uncovered claim word, if the window has one.

    A content word of the passage that no word of the claim states, whose
    nearest content word on one side (within RIVAL_REACH words) is the same as
    the claim word's on that side: "postponed after a fire" against "postponed
    after flooding". An uncovered word with a rival may be a change; one
    without is something the claim adds, which no source states and none
    denies.
    """
    mine = _nearest(claim_text, term.start, term.end)
    if mine == (None, None):
        return None
    own = _claim_words(claim_text)
    own_stems = {stem(w) for w in own}
    text = window.text
    names = [(e.start, e.end) for e in window.entities]
    for m in _WORD.finditer(text):
        word = _bare(m.group(0))
        if not _is_content(word) or _overlaps(m.start(), m.end(), names):
            continue
        if word[:1].isupper() and not term.text[:1].isupper() and m.start() > 0:
            continue  # a name ("ex-Girls") is no rival of a plain word
        theirs = _nearest(text, m.start(), m.end())
        if not any(
            a is not None and b is not None and _alike(a, b)
            for a, b in zip(mine, theirs, strict=True)
        ):
            continue
        lower = word.lower()
        if lower in own or stem(lower) in own_stems:
            continue
        if any(lexicon.relation(w, lower) in _ONE_WORD for w in own):
            continue
        return Span("", word, m.start(), m.end())
    return None


def _nearest(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The nearest content words before and after a span, within RIVAL_REACH words."""
    before = [w for w in _WORD.findall(text[:start])[-RIVAL_REACH:] if _is_content(w)]
    after = [w for w in _WORD.findall(text[end:])[:RIVAL_REACH] if _is_content(w)]
    return (before[-1].lower() if before else None, after[0].lower() if after else None)


def _alike(a: str, b: str) -> bool:
    """Two words that say the same: one stem, or one word in WordNet ("help" / "aid")."""
    return stem(a) == stem(b) or lexicon.relation(a, b) in _ONE_WORD


def _claim_words(text: str) -> set[str]:
    return {_bare(w).lower() for w in _WORD.findall(text) if _is_content(w)}


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a sentence, split where its clauses meet."""
    cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


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
    start, end = next(
        ((a, b) for a, b in clauses(claim_text) if a <= term.start < b), (0, len(claim_text))
    )
    mine = [t for t in terms if start <= t.start < end and t is not term]
    covered = [t for t in coverage.covered if start <= t.start < end]
    held = [a for a in anchors if start <= a[0] < end]
    support = len(covered) + len(held)
    return support >= SAME_EVENT_WORDS and support >= SAME_EVENT_SHARE * (len(mine) + len(held))


# --- helpers ----------------------------------------------------------------------


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
            found.append(Span(NAME, run, start, m.end()))
    return found


def untagged_names(text: str, entities: Sequence[Span]) -> list[Span]:
    """A passage's runs of capitalised words that its tagged entities do not cover."""
    return _untagged_names(text, [(e.start, e.end) for e in entities])


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
        and not _NEGATION.fullmatch(lower)
    )


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _stated(term: Span, words: set[str], stems: set[str], window: Window) -> bool:
    if term.label == NUMBER:
        return term.text.replace(",", "") in {
            n.replace(",", "")
            for n in _NUMBER.findall(" ".join((window.before, window.text, window.after)))
        }
    if term.label:
        return _name_stated(term.text, words, window)
    lower = term.text.lower()
    if lower in words or lower.replace("-", "") in words:
        return True
    if "-" in lower.strip("-"):
        # A compound is stated by its parts: "Indian-born" by "born in India" is not
        # read, but "co-operation" by "cooperation" and "well-known" by "well known" are.
        parts = [p for p in lower.split("-") if p]
        if all(p in words or not _is_content(p) for p in parts):
            return True
    if stem(lower) in stems and any(_same_stem(lower, w) for w in words):
        return True
    return any(lexicon.states(lower, w) for w in words)


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


def _name_stated(name: str, words: set[str], window: Window) -> bool:
    """A name is stated by an alias among the passage's names, or by all its own words."""
    if any(same_name(name, e.text) for e in window.entities):
        return True
    if any(same_name(name, alias) or alias.lower() in name.lower() for alias in window.aliases):
        return True
    own = [w.lower() for w in _WORD.findall(name) if w.lower() not in STOPWORDS]
    return bool(own) and all(w.removesuffix("'s") in words or w in words for w in own)


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
    role = _ROLE.get(term.label)
    if not role or _SOURCE_AFTER.match(claim_text, term.end):
        return None
    best: tuple[int, Span] | None = None
    for entity in window.entities:
        theirs = _ROLE.get(entity.label)
        if theirs is None or _named_in_claim(entity, claim_text, claim_entities):
            continue
        if _contains(term.text, entity.text) or _contains(entity.text, term.text):
            continue  # "the Senior Men's National Team" is part of the claim's name
        shared_near = _same_side(claim_text, term, window.text, entity.start, entity.end)
        shared = _same_side(
            claim_text, term, window.text, entity.start, entity.end, window=ROLE_WINDOW
        )
        if role == "name" or theirs == "name":
            # An untagged name fills a role only as a name of the same kind would:
            # "West Midlands Police" for "Greater Manchester Police".
            fills = shared >= 1 and _same_head(term.text, entity.text)
        elif theirs == role:
            fills = shared_near >= 1 or shared >= 2
        elif (role, theirs) in _NEAR_ROLES:
            fills = shared >= 1 and _same_head(term.text, entity.text)
        else:
            fills = False
        if fills and (best is None or shared > best[0]):
            best = (shared, entity)
    return best[1] if best else None


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
    names = sorted([t for t in coverage.covered if t.label] + [term], key=lambda t: t.start)
    mine = next((g for g in _lists(claim_text, names) if term in g), [])
    mates = [t for t in mine if t is not term]
    if len(mates) < LIST_MATES:
        return None
    entities = sorted((e for e in window.entities if e.label in _ROLE), key=lambda e: e.start)
    for group in _lists(window.text, entities):
        held = [e for e in group if any(same_name(m.text, e.text) for m in mates)]
        if len(held) < LIST_MATES:
            continue
        for entity in group:
            if entity in held or _named_in_claim(entity, claim_text, claim_entities):
                continue
            if _WORD.search(entity.text) and not same_name(term.text, entity.text):
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
            if 0 <= len(gap) <= LIST_GAP and _LIST_JOIN.search(gap):
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
) -> Span | None:
    """The passage's name where the claim names another, both by an anchored value.

    The claim's name stands within NEAR_ANCHOR characters of a typed fact the
    passage supports, after a preposition ("at", "from", "to"); the passage's,
    not named in the claim, within NEAR_ANCHOR of the value that supports it,
    after the same preposition: "convicted at Manchester Crown Court in March
    2020" against "a jury at the Old Bailey had found him guilty in March 2020".
    """
    if not held or not _near_any(term.start, term.end, anchors):
        return None
    mine = _preposition_before(claim_text, term.start)
    if mine is None:
        return None
    for entity in window.entities:
        if entity.label not in _ROLE or _named_in_claim(entity, claim_text, claim_entities):
            continue
        if same_name(term.text, entity.text) or not _near_any(entity.start, entity.end, held):
            continue
        if _preposition_before(window.text, entity.start) == mine:
            return entity
    return None


def _near_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(abs(a - end) <= NEAR_ANCHOR or abs(start - b) <= NEAR_ANCHOR for a, b in spans)


def _preposition_before(text: str, start: int) -> str | None:
    """The preposition right before a name ("at", "from"), past an article; else None."""
    m = _PREPOSITION_BEFORE.search(text[max(0, start - 20) : start])
    return m.group(1).lower() if m else None


def _named_in_claim(entity: Span, claim_text: str, claim_entities: Sequence[Span]) -> bool:
    """Whether the claim itself names the passage's entity (as a name of the same kind)."""
    kind = _ROLE.get(entity.label)
    return any(
        _ROLE.get(e.label) == kind and same_name(entity.text, e.text) for e in claim_entities
    ) or bool(re.search(rf"\b{re.escape(entity.text)}\b", claim_text, re.IGNORECASE))


def _contains(outer: str, inner: str) -> bool:
    """Whether every content word of `inner` is a word of `outer`."""
    words = {w.lower() for w in _WORD.findall(outer)}
    own = [w.lower() for w in _WORD.findall(inner) if w.lower() not in STOPWORDS]
    return bool(own) and all(w in words for w in own)


def _same_head(a: str, b: str) -> bool:
    """Whether two names end in the same word: "West Midlands Police" / "Transport Police"."""
    wa, wb = a.lower().split(), b.lower().split()
    return bool(wa and wb) and len(wa[-1]) > 2 and wa[-1] == wb[-1]


def _opposite_word(claim_text: str, term: Span, window: Window) -> Span | None:
    """The passage's word that says the opposite of `term` in the same place, if any.

    Not a word of a name ("Old Bailey" is no antonym of "younger"), and sharing
    two of the claim's words around `term`, so that the two words say
    something of the same thing.
    """
    names = [(e.start, e.end) for e in window.entities]
    for m in _WORD.finditer(window.text):
        if _overlaps(m.start(), m.end(), names) or not lexicon.opposite(term.text, m.group(0)):
            continue
        if _same_side(claim_text, term, window.text, m.start(), m.end()) >= 2:
            return Span("", m.group(0), m.start(), m.end())
    return None


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
    for m in _WORD.finditer(window.text):
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
    before = [w for w in _WORD.findall(text[:start])[-window:] if _is_content(w)]
    after = [w for w in _WORD.findall(text[end:])[:window] if _is_content(w)]
    return {stem(w) for w in before}, {stem(w) for w in after}


def _same_side(
    claim_text: str, term: Span, text: str, start: int, end: int, *, window: int = 5
) -> int:
    """How many words of the claim around `term` stand on the same side of the span of
    `text`: words before against words before, after against after (the subject of
    "Dent killed Batgirl" is not the object of "she killed Batgirl, Alfred Pennyworth")."""
    mine = _sides(claim_text, term.start, term.end, window=window)
    theirs = _sides(text, start, end, window=window)
    return len(mine[0] & theirs[0]) + len(mine[1] & theirs[1])


def _negation(claim_text: str, passage_text: str) -> Contrast | None:
    """The same predicate negated in one and not the other: "will face" / "will not face".

    Only a verb's own negation counts ("not", "never", "n't" before the verb, past
    its auxiliaries): in "none of the officers investigated will face action", the
    negation is about facing action, not about the investigation.
    """
    if bool(_NEGATION.search(claim_text)) == bool(_NEGATION.search(passage_text)):
        return None  # both negate something (or neither): whose scope is whose is not read
    mine = _negated(claim_text)
    theirs = _negated(passage_text)
    plain_theirs = [m for m in _WORD.finditer(passage_text) if m.start() not in theirs]
    for start, (word, phrase) in theirs.items():
        for m in _WORD.finditer(claim_text):
            if m.start() in mine or not _is_content(m.group(0)):
                continue
            if lexicon.states(m.group(0), word):
                return Contrast(ContrastKind.NEGATION, m.group(0), phrase, start, start + len(word))
    for _, (word, phrase) in mine.items():
        for m in plain_theirs:
            if lexicon.states(word, m.group(0)) and not theirs:
                return Contrast(ContrastKind.NEGATION, phrase, m.group(0), m.start(), m.end())
    return None


def _negated(text: str) -> dict[int, tuple[str, str]]:
    """The words a verb's negation applies to, by offset: (word, "did not allow")."""
    found: dict[int, tuple[str, str]] = {}
    for negation in _NONE_OF.finditer(text):
        # "None of the officers investigated will face action": the verb after the
        # first auxiliary is what is denied.
        words = list(_WORD.finditer(text, negation.end()))[:12]
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
    for negation in _VERB_NEGATION.finditer(text):
        words = list(_WORD.finditer(text, negation.end()))
        for m in words[:4]:
            if m.group(0).lower() in _AUXILIARIES:
                continue
            if _is_content(m.group(0)):
                phrase = text[_phrase_start(text, negation.start()) : m.end()]
                found[m.start()] = (m.group(0), " ".join(phrase.split()))
            break
    return found


def _phrase_start(text: str, position: int) -> int:
    """Where the word before `position` starts: "did" of "did not"."""
    before = list(_WORD.finditer(text, max(0, position - 40), position))
    return before[-1].start() if before else position
