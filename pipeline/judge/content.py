"""The whole claim: what it says besides its typed values, read against its evidence.

The typed judges check numbers, dates, ages, quotes, ranks and outlets one by
one. This reads the rest of the sentence (who, did what, to whom, where)
against the passages that support those facts, with the sentences either side
of each (`coverage`), and adds the best other passages while words stay
uncovered. The verdict on that content is:

- CONTRADICTED when a strongly relevant passage about the same event puts
  another name in the claim's role, says the opposite word, or reverses the
  predicate with a negation (`contrast`); the note shows both sides;
- SUPPORTED when every word is stated (only reported as a verdict of its own
  for a claim with no typed fact: elsewhere the typed facts carry the evidence),
  or when the words no passage states are only what the claim adds (`_added`),
  which the note names;
- UNVERIFIED otherwise, naming the words that no passage states, or the
  reversed predicate a sentence beside the evidence holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .. import lexicon
from ..claims import same_name
from ..contrast import (
    OWNER_END,
    SAME_EVENT_SHARE,
    WORD_AFTER,
    Contrast,
    ContrastKind,
    contrasts,
    negated_words,
    one_of_many,
    opposite_in,
    opposite_in_place,
    other_side,
    quantifier_reversed,
    renamed,
    reversed_beside_anchor,
    reversed_nearby,
    rival,
    same_head,
    same_word_after,
    verb_like,
    verb_replaced,
)
from ..coverage import (
    BY_AGE,
    CAUSE_PHRASE,
    DETERMINER_BEFORE,
    KIN,
    KIN_AFTER,
    Coverage,
    Span,
    Window,
    compound_rival,
    cover,
    kin_named,
    light_verb_stated,
    past_form,
    phrases_read,
    released_as_dated,
)
from ..match import relevance
from ..records import Candidate, Claim, Fact, FactKind, FactVerdict, Label, ValueKind
from ..text import STOPWORDS, WORD, clause_at, clauses, content_words
from ..values import compare_date_values, date_span, dimension, singular
from ..values.nouns import plural_looking
from ..values.numbers import parse_number, parse_ordinal
from .between import compared
from .evidence import CONTRADICT_CUTOFF, clause_relevance, evidence_of
from .often import derived_rate, frequencies, read_frequency
from .windows import Reading, beside, names_of
from .works import kind_of_act_apart, reviewed_otherwise, reviewed_within

# Relevance (0-100, against the claim's own words) a passage needs before its
# contrasts count: a contradiction needs a strong anchor.
CONTRAST_RELEVANCE = 50.0
# Relevance a passage needs to be read for coverage at all.
COVER_RELEVANCE = 30.0
# At most this many passages together may state one claim.
MAX_WINDOWS = 3
# Candidates read for contrasts, besides those that support a typed fact.
CONTRAST_CANDIDATES = 5
# What the evidence must state of a claim whose other words no source states
# (`_added`): this share of its terms and typed facts, and at least this many.
ADDED_STATED = 2
# The share of the claim a passage must state for its words to rival the claim's.
RIVAL_SHARE = 0.5
# At most one word in this many of the claim (its terms and typed facts) added; one
# at least.
ADDED_SHARE = 3


@dataclass(frozen=True, slots=True)
class ContentVerdict:
    """The verdict on a claim's content, and the words no passage states."""

    verdict: FactVerdict | None
    uncovered: tuple[str, ...] = ()


def judge_content(
    claim: Claim,
    candidates: Sequence[Candidate],
    verdicts: Sequence[FactVerdict],
    reading: Reading | None = None,
) -> ContentVerdict:
    """Read what a claim says besides its typed facts; see the module's docstring."""
    reading = reading or Reading(claim)
    terms = reading.terms
    statement = next((f for f in claim.facts if f.kind == FactKind.STATEMENT), None)
    if not terms:
        return ContentVerdict(None)
    supporting = _supporting(candidates, verdicts)
    quoted = [v for v in verdicts if v.fact.kind == FactKind.QUOTE]
    speakers = {v.fact.subject for v in quoted if v.label == Label.SUPPORTED and v.fact.subject}
    found = _contrast(
        claim,
        reading,
        candidates,
        (supporting, _supporting(candidates, quoted), speakers),
        _anchors(claim, verdicts),
        _held(verdicts),
    )
    if found is not None:
        candidate, contrast = found
        return ContentVerdict(_contradicted(claim, terms, candidate, contrast))
    # "received mixed reviews" against "received negative reviews"
    judged = reviewed_otherwise(claim.text, candidates)
    if judged is not None:
        candidate, mine, theirs = judged
        at = theirs.start(), theirs.end()
        contrast = Contrast(ContrastKind.ANTONYM, mine, theirs.group(0), *at)
        return ContentVerdict(_contradicted(claim, terms, candidate, contrast))
    chosen, uncovered = _cover_with(
        claim.text, reading, candidates, supporting, _clause_anchors(claim, verdicts)
    )
    uncovered = _described(claim.text, uncovered, reading, chosen, candidates)
    apart = _names_apart(claim.text, reading, chosen, candidates)
    if statement is not None:
        # With no value to tie its passages to one event, a statement's subject must
        # stand with its verb.
        apart += _subjects_apart(claim.text, reading, chosen)
    uncovered += [t for t in apart if t not in uncovered]
    # "was killed at the scene" where the passage read says "was arrested at the scene"
    uncovered += [
        t
        for t in terms
        if t not in uncovered
        and any(verb_replaced(claim.text, t, reading.window(c)) for c in chosen)
    ]
    # "is a rock band" where the passages say "a Mexican pop rock band"
    act = kind_of_act_apart(claim.text, [reading.window(c).text for c in chosen])
    if act is not None:
        # labelled: what kind of act it is is what the claim asserts, never an addition
        uncovered.append(Span("KIND", claim.text[act[0] : act[1]], *act))
    # "mixed reviews" where the passage says "mixed to positive reviews": half of it
    within = reviewed_within(claim.text, candidates)
    if within is not None:
        uncovered.append(Span("KIND", claim.text[within[0] : within[1]], *within))
    off = _verbs_off_their_count(claim, reading, candidates, verdicts)
    uncovered = [*uncovered, *(t for t in off if t not in uncovered)]
    # "once a month" against "collected fortnightly": a rate no word of the claim shows.
    rate = _rate(claim, reading, chosen, verdicts)
    if isinstance(rate, FactVerdict):
        return ContentVerdict(rate)
    uncovered += rate
    # "9.99%, well above the 4.99%": arithmetic on the claim's own figures.
    ordered = compared(claim, verdicts, uncovered)
    if ordered.wrong is not None:
        return ContentVerdict(ordered.wrong)
    uncovered = [t for t in uncovered if t not in ordered.settled]
    uncovered.sort(key=lambda t: t.start)
    words = tuple(t.text for t in uncovered)
    reversed_ = next(
        (
            (c, r)
            for c in chosen
            if (r := reversed_nearby(claim.text, reading.window(c))) is not None
            or (r := one_of_many(claim.text, reading.window(c))) is not None
        ),
        None,
    )
    added = bool(uncovered) and _added(claim, reading, candidates, chosen, uncovered, verdicts)
    if reversed_ is not None and (not uncovered or added):
        candidate, contrast = reversed_
        if contrast.anchored and contrast.kind == ContrastKind.NEGATION:
            # The same subject, the predicate denied: a contradiction, though the denial
            # stands in the sentence beside the passage (no span is shown for it).
            beside = replace(contrast, source_start=None, source_end=None)
            return ContentVerdict(_contradicted(claim, terms, candidate, beside), words)
        return ContentVerdict(_reversed(claim, terms, *reversed_), words)
    if added:
        return ContentVerdict(_with_additions(claim, reading, chosen, words), words)
    if not uncovered:
        if statement is None:
            return ContentVerdict(None)
        evidence = tuple(
            evidence_of(c, agrees=True, note=_context_note(reading, c)) for c in chosen
        )
        score = min(99, round(60 + 0.4 * max(c.own_relevance for c in chosen)))
        return ContentVerdict(FactVerdict(statement, Label.SUPPORTED, score, evidence))
    fact = statement or _content_fact(claim, uncovered)
    shown = ", ".join(f"\u201c{w}\u201d" for w in words)
    if chosen:
        note = f"no source states {shown}"
        evidence = tuple(evidence_of(c, agrees=None, note=note) for c in chosen[:1])
    else:
        note = "no passage in the store states this"
        evidence = ()
    covered = 1 - len(uncovered) / len(terms)
    return ContentVerdict(
        FactVerdict(fact, Label.UNVERIFIED, round(100 * covered), evidence, note), words
    )


def _rate(
    claim: Claim,
    reading: Reading,
    chosen: Sequence[Candidate],
    verdicts: Sequence[FactVerdict],
) -> FactVerdict | list[Span]:
    """A frequency of the claim that the passages stating it give otherwise (a verdict),
    or that none gives (the words, unstated); [] when stated or when there is none. A
    rate that the claim's own stated count and period give is arithmetic: "736
    subpostmasters between 2000 and 2014, roughly one a week"."""
    if not chosen:
        return []
    found = read_frequency(claim.text, (reading.window(c).spoken for c in chosen))
    if found is None:
        return []
    mine, theirs = found
    derived = derived_rate(claim, verdicts, mine)
    if derived is not None:
        agrees, note, stated = derived
        if agrees:
            return []
        fact = Fact(
            FactKind.CONTENT, mine.text, claim.start + mine.start, claim.start + mine.end,
            subject="how often",
        )  # fmt: skip
        evidence = tuple(replace(e, agrees=False, note=note) for e in stated)
        return FactVerdict(fact, Label.CONTRADICTED, 80, evidence, note)
    if theirs is None:
        return [Span("", mine.text, mine.start, mine.end)]
    note = f"article: {mine.text} - source: {theirs.text}"
    holding = next((c for c in chosen if theirs.text in reading.window(c).spoken), chosen[0])
    fact = Fact(
        FactKind.CONTENT, mine.text, claim.start + mine.start, claim.start + mine.end,
        subject="how often",
    )  # fmt: skip
    evidence = (evidence_of(holding, agrees=False, note=note),)
    return FactVerdict(fact, Label.CONTRADICTED, 80, evidence, note)


# The words that give a cause, up to the word they open: what caused it is what the claim
# asserts, never a word it merely adds ("because of a *strike*", "blaming a *fault* in
# the brakes").
_CAUSE_BEFORE = re.compile(
    rf"(?i)\b(?:{CAUSE_PHRASE}|blam(?:e|es|ed|ing))\s{{1,3}}(?:[\w'-]{{1,30}}\s{{1,3}}){{0,3}}$"
)


def _added(
    claim: Claim,
    reading: Reading,
    candidates: Sequence[Candidate],
    chosen: Sequence[Candidate],
    uncovered: Sequence[Span],
    verdicts: Sequence[FactVerdict],
) -> bool:
    """Whether the words no passage states are only what the claim adds.

    Real writing adds a word or two to what its sources say ("a suicide
    bomber", "on the night of"). The claim stands when its evidence states
    most of it (at most one word in ADDED_SHARE unstated, its typed facts
    counted, and every typed fact supported), every
    unstated term is a plain word (never a name, a number, a past-tense verb
    or a word for a person: who did what is what a claim asserts), and no passage
    read has a word of its own in that word's place (`rival`): "postponed
    after a fire" against "postponed after flooding" stays unverified.
    """
    denied = {at for at, _ in negated_words(claim.text)}
    if not chosen or any(
        t.label
        or _capitalised(t)
        or (
            (past_form(t.text) or _after_auxiliary(claim.text, t) or _irregular_deed(claim.text, t))
            and not _reports_a_value(claim, t)
            and t.text.lower() not in _SAYS_WHERE
            and _HEDGE.match(claim.text, t.start) is None
        )
        or _numeric(t.text)
        or _opening_subject(claim.text, t)  # "Butt received ...": who, never an addition
        or lexicon.names_a_person(t.text)  # who did it is never an addition: "a gunman"
        or t.text.lower() in _WHEN_TRUE  # "a *former* parent company" is another claim
        or t.text.lower() in _JUDGING  # "the reviews were *positive*" / "mixed reviews"
        or t.text.lower() in _MANNER  # "it was *promptly* dealt with"
        or t.text.lower() in _COMPASS  # "towards the *north* of Brentwood"
        or t.text.lower() in _BOUNDING  # "ranked *above* 25th" is not "ranked 25th"
        or _placed_unsaid(claim.text, t, [reading.window(c) for c in chosen])
        or _relative_time(claim.text, t)  # "a *week* later"
        or _superlative(t.text)  # "the *oldest* of them" ranks
        or _MOST_BEFORE.search(claim.text, 0, t.start) is not None  # "the most *consistent*"
        or bool(frequencies(t.text))  # "*once a month*": a value
        or _CAUSE_BEFORE.search(claim.text, 0, t.start) is not None  # "because of a *strike*"
        or _gerund(claim.text, t)  # "went on *repaying* the shortfalls"
        or _complement(claim.text, t)  # "the spillway *held firm*"
        or t.start in denied  # "was *not* in the grip of": what the claim denies
        # "for a *short* time" beside "Reznor's long-time manager": the opposite stated
        or any(_opposed(claim.text, t, reading.window(c).text) for c in chosen)
        for t in uncovered
    ):
        return False
    typed = [v for v in verdicts if v.fact.kind != FactKind.STATEMENT]
    if _clause_unstated(claim, reading.terms, uncovered, typed) or _phrase_unstated(
        claim.text, uncovered
    ):
        return False
    if any(v.label != Label.SUPPORTED for v in typed):
        return False
    stated = len(reading.terms) - len(uncovered) + len(typed)
    # The person an opening "he" stands for, named where the claim is stated, is stated.
    stated += any(_referent_named(claim, reading.window(c).text) for c in chosen)
    if stated < ADDED_STATED or len(uncovered) > max(1, (stated + len(uncovered)) // ADDED_SHARE):
        return False
    # A rival counts in a passage about the claim's event: one that states at least
    # half of it ("attack" in a passage that only shares the count is no rival of "fans"),
    # or of the clause the word stands in, where the claim tells of several ("Mark
    # Reeves, 53, who had driven his *lorry* to the edge of the airfield", in a list of
    # the dead, against "had ridden his motorbike to the edge of the airfield").
    if any(
        _rival_of(claim, t, window) or _another_of_its_kind(claim, t, window)
        for c in chosen
        for t in uncovered
        if reading.of(c).share >= RIVAL_SHARE
        or _clause_share(claim, t, reading.of(c)) >= RIVAL_SHARE
        for window in _with_list_mates(reading.window(c))
    ):
        return False
    names = names_of(claim)
    anchors, held = _anchors(claim, verdicts), _held(verdicts)
    return not any(
        contrasts(
            claim.text,
            reading.terms,
            reading.of(c),
            reading.window(c),
            claim_entities=names,
            anchors=anchors.get(c.hit.passage_id, ()),
            held=held.get(c.hit.passage_id, ()),
        )
        for c in candidates
        if c in chosen or c.own_relevance >= COVER_RELEVANCE
    )


def _opposed(claim_text: str, term: Span, text: str) -> bool:
    """Whether the passage puts the opposite of the term before the word the claim puts
    it before, as a word of its own or a compound's first part: "a *short* time" /
    "Reznor's *long*-time manager". Birth order is read with the names it places
    (`_placed_unsaid`): "his older brother Salman" makes Hashem the younger."""
    after = (
        WORD.match(claim_text, term.end + 1) if claim_text[term.end : term.end + 1] == " " else None
    )
    if after is None:
        return False
    lower = term.text.lower()
    if lower in BY_AGE:
        return False
    pattern = rf"(?i)\b([A-Za-z]{{3,20}})[\s-]{{1,3}}{re.escape(after.group(0))}\b"
    return any(lexicon.opposite(lower, m.group(1).lower()) for m in re.finditer(pattern, text))


# A list item's mark at the start of a passage: "- tighter checks on display pilots;".
_LIST_ITEM = re.compile(r"\s{0,3}(?:[-\u2022*\u2013]|\d{1,2}[.)])\s")


def _with_list_mates(window: Window) -> list[Window]:
    """The window, and where it is an item of a list, the items either side of it, each
    read as a window of its own: a claim that runs a list in one sentence has its rivals
    in the other items ("including those on nearby *beaches*" against the item before the
    one read: "including those on nearby roads")."""
    if not _list_item(window.text):
        return [window]
    return [window, *(Window(side) for side in (window.before, window.after) if _list_item(side))]


def _list_item(text: str) -> bool:
    """A list's item: opened by its mark ("- ", "2. "), or closed by a semicolon, as
    items are whose marks the reading dropped."""
    return _LIST_ITEM.match(text) is not None or text.rstrip().endswith(";")


# How a claim's word names the passage's own thing: the same word, or a synonym.
_NAMES_IT = frozenset({lexicon.Relation.SAME, lexicon.Relation.SYNONYM})


def _another_of_its_kind(claim: Claim, term: Span, window: Window) -> bool:
    """Whether a passage about the claim names, wherever it stands, another thing of the
    specific kind the claim's unstated word names, that no word of the claim states: "had
    driven his *lorry* to the edge of the airfield" against "had gone to the edge of the
    airfield on his motorcycle". The claim's word then stands in the place of the
    passage's, and is no addition of its own (`lexicon.same_kind`)."""
    if term.label or not term.text.isalpha() or _reports_a_value(claim, term):
        return False  # "scored 76%" is not rivalled by "an approval rating of 76%"
    own = {w.lower() for w in WORD.findall(claim.text)}
    for m in WORD.finditer(window.text):
        word = m.group(0)
        lower = word.lower()
        if (
            lower in own
            or lower in STOPWORDS
            or (word[:1].isupper() and m.start() > 0)
            or not lower.isalpha()
        ):
            continue
        if lexicon.same_kind(term.text, lower) and not any(
            lexicon.relation(w, lower) in _NAMES_IT for w in own if len(w) > 2
        ):
            return True
    return False


def _clause_share(claim: Claim, term: Span, coverage: Coverage) -> float:
    """The share of the words of the term's clause of the claim that a window states."""
    start, end = clause_at(claim.text, term.start)
    covered = sum(1 for t in coverage.covered if start <= t.start and t.end <= end)
    total = covered + sum(1 for t in coverage.uncovered if start <= t.start and t.end <= end)
    return covered / total if total else 0.0


def _clause_unstated(
    claim: Claim, terms: Sequence[Span], uncovered: Sequence[Span], typed: Sequence[FactVerdict]
) -> bool:
    """Whether a clause of the claim is too little stated for its unstated words to be
    additions ("*The chief reason was pension costs*: ..., at between £650m and
    £760m"): the share of ADDED_SHARE holds clause by clause, not only over a long
    claim, whose other clauses a source may state in full."""
    facts = [(v.fact.start - claim.start, v.fact.end - claim.start) for v in typed]
    for start, end in clauses(claim.text):
        inside = sum(1 for t in terms if start <= t.start and t.end <= end)
        inside += sum(1 for a, b in facts if start <= a and b <= end)
        unstated = [t for t in uncovered if start <= t.start and t.end <= end]
        if len(unstated) > max(1, inside // ADDED_SHARE):
            return True
    return False


# Two words joined by a relative pronoun or an auxiliary, with articles and prepositions
# about them: "a *tree* that had been *blown* onto the line".
_JOINING = "a an the that which who had has have been be was were is are of to in on for by"
_BINDING = frozenset("that which who had has have been be was were is are".split())
_FUNCTION_RUN = re.compile(
    r"(?:[\s,]{1,3}(?:" + "|".join(_JOINING.split()) + r")(?!\w)){1,4}[\s,]{1,3}",
    re.IGNORECASE,
)


def _a_thing(claim_text: str, first: Span, second: Span) -> bool:
    """Whether two words side by side name a thing, the second a plural noun ("seat
    belts", "safety barriers"), not a word of degree before it ("tougher windows")."""
    return (
        second.start > first.end
        and not claim_text[first.end : second.start].strip(" -")
        and plural_looking(second.text.lower())
        and not first.text.lower().endswith(("er", "est", "ly"))
    )


def _phrase_unstated(claim_text: str, uncovered: Sequence[Span]) -> bool:
    """Whether two unstated words stand in one clause of the claim's own, joined by a
    relative pronoun or an auxiliary ("ran into a *tree* that had been *blown* onto the
    line"), or side by side ("*seat belts* for passengers"): a claim adds a word to
    what its sources say, not a clause or a thing of its own."""
    ordered = sorted(uncovered, key=lambda t: t.start)
    return any(
        (
            _FUNCTION_RUN.fullmatch(claim_text, a.end, b.start) is not None
            and bool(_BINDING & set(claim_text[a.end : b.start].lower().split()))
        )
        or _a_thing(claim_text, a, b)
        for a, b in pairwise(ordered)
    )


def _placed_unsaid(claim_text: str, term: Span, windows: Sequence[Window]) -> bool:
    """Whether the term places a relative by age ("Romelu Lukaku's *younger* brother")
    where no window places the other of the pair the other way ("his older brother
    Salman" for "his younger brother Hashem"): birth order is a fact, never a word
    the article only adds."""
    word = term.text.lower()
    if word not in BY_AGE:
        return False
    after = KIN_AFTER.match(claim_text, term.end)
    if after is None or after.group(1).lower() not in KIN:
        return True
    name = after.group(2)
    return not any(
        other != name
        for window in windows
        for other in kin_named(BY_AGE[word], after.group(1), window.named)
    )


# A unit of time right before these says when, relative to another event: "a *week*
# later", "two *days* before". A time, never only added.
_RELATIVE_TIME = re.compile(r"\s{1,3}(?:later|earlier|before|after|afterwards|ago)\b", re.I)


def _relative_time(claim_text: str, term: Span) -> bool:
    """Whether the term is a unit of time that says when: "a *week* later"."""
    return (
        dimension(singular(term.text.lower())) == "time"
        and _RELATIVE_TIME.match(claim_text, term.end) is not None
    )


# "most" or "least" right before a word: the word is a superlative ("one of the most
# *consistent* strikers" ranks, where the passage says "best").
_MOST_BEFORE = re.compile(r"(?i)\b(?:most|least)\s{1,3}$")


def _superlative(word: str) -> bool:
    """A superlative ("oldest", "largest", "best"): a rank, never only added."""
    lower = word.lower()
    if lower in ("best", "worst", "most", "least"):
        return True
    lemmas = lexicon.lemmas(lower)
    if not lower.endswith("est") or lower in lemmas:
        return False  # a word of its own: "interest", "honest", "guest"
    return any(lower in (w + "est", w + "st", w + w[-1:] + "est", w[:-1] + "iest") for w in lemmas)


def _rival_of(claim: Claim, term: Span, window: Window) -> bool:
    """Whether the window has a word of its own in the place of an uncovered term.

    A verb that only says what a value measures (`_reports_a_value`) has no rival
    in a noun ("scored 75%" / "has a rating of 75%", "gives the film a 26% approval
    rating"): a word after a determiner, or after a figure within three words; nor in a
    verb said of something else ("received a rating" / "has been panned by critics").
    """
    other = rival(claim.text, term, window)
    if other is None:
        return False
    if not _reports_a_value(claim, term):
        return True
    theirs = set(lexicon.lemmas(other.text.lower()))
    if _EARNING & set(lexicon.lemmas(term.text.lower())) and _EARNING & theirs:
        return False  # "earned over $3.7 million" / "made $3.9 million on its opening day"
    if _AMOUNTING & theirs:
        return False  # "earned less than 20 crore" / "the total collection stood at 16 crores"
    before = window.text[: other.start]
    noun = DETERMINER_BEFORE.search(before) is not None or any(
        ch.isdigit() for ch in "".join(before.split()[-3:])
    )
    if noun:
        return False
    # Of the same subject, only another verb is in its place ("an approval *rating* of
    # 59%" is no verb), and only if said of a value ("lost 75% of its audience") or of
    # the same thing: "has received a rating" is not rivalled by "has been panned by
    # critics".
    after = "".join(window.text[other.end :].split()[:3])
    lower = other.text.lower()
    verb = not lower.endswith("ing") and any(lemma != lower for lemma in lexicon.lemmas(lower))
    return bool(verb) and (
        any(ch.isdigit() for ch in after) or same_word_after(claim.text, term, window.text, other)
    )


def _numeric(word: str) -> bool:
    """A number, an order or a share in words ("sixth", "dozen", "half", "majority"): a
    value, never an addition."""
    return (
        parse_number(word) is not None or parse_ordinal(word) is not None or word.lower() in _SHARES
    )


# Words for a share of a whole: "fewer than *half* of the charges", "the *majority*".
_SHARES = frozenset(
    "half halves quarter quarters majority minority bulk fraction entirety tenth".split()
)


# Participles that only say where something is ("is *located* in Pine Bluff", "is
# *headquartered* in Dongguan"): the place carries the claim, so they may be added.
_SAYS_WHERE = frozenset({"located", "situated", "headquartered"})
# A verb that hedges what follows it ("is *considered* one of the best", "was *regarded*
# as a pioneer", "*considered* oppressive"): the claim says less than a passage that
# states it outright, so the verb may be added.
_HEDGE = re.compile(
    r"(?i)(?:considered|regarded|deemed|described|seen|viewed)\s{1,3}"
    r"(?:by\s{1,3}(?:[\w'-]+\s{1,3}){1,3}?)?"
    # not what was weighed ("considered *for* the role", "considered *whether*")
    r"(?!(?:for|that|whether|if|in|on|at|with|under|from|by|and|or|to(?!\s{1,3}be))\b)[a-z]"
)
# Words that say whether the rest holds as said, or which one of a series it is: never
# only added ("the *acting* chief", "an *attempted* murder", "the *alleged* attacker",
# "would *certainly* have survived" where the source says "probably", "its *final*
# report" where it says "first", "his *debut* album" where it says "second", "the
# release is still *pending*" where it says the album came out).
_WHEN_TRUE = frozenset(
    """ex acting interim deputy vice sole alleged suspected attempted unsuccessful failed
    would-be prospective outgoing incoming founding former formerly
    certainly definitely undoubtedly surely final initial penultimate latest debut maiden
    inaugural pending upcoming forthcoming unreleased unfinished ongoing potential possible
    probable likely""".split()
)
# Words that judge what the claim is about ("received *positive* reviews", "a *mixed*
# reception"): what the claim asserts of it, never only added.
# Words of how or how fast a thing was done, which a claim asserts with its verb ("it
# was *promptly* dealt with", "passed *unanimously*"): never only added.
_MANNER = frozenset(
    """promptly quickly swiftly immediately rapidly instantly speedily slowly belatedly
    unanimously narrowly comfortably easily deliberately intentionally accidentally
    unlawfully lawfully illegally legally voluntarily reluctantly secretly wrongly
    properly correctly fully partially successfully unsuccessfully""".split()
)
_JUDGING = frozenset(
    """positive negative mixed favourable favorable unfavourable unfavorable glowing
    lukewarm positively negatively favourably favorably unfavourably unfavorably
    flop acclaim acclaimed bleak middling mediocre lacklustre lackluster stellar
    illustrious""".split()
)
# Words that say which way from a place ("goes towards the *north* of the town"):
# where, which a claim asserts, never only added.
_COMPASS = frozenset(
    """north south east west northern southern eastern western northeast northwest
    southeast southwest north-east north-west south-east south-west northeastern
    northwestern southeastern southwestern north-eastern north-western south-eastern
    south-western northward southward eastward westward northwards southwards
    eastwards westwards""".split()
)
# Words that bound a value the passage gives exactly: never only added.
_BOUNDING = frozenset(
    "above below beyond under over almost nearly exceeding higher lower fewer less more".split()
)
# Verbs that only say what a value measures ("scored 87%", "grossed $10 million",
# "registered 20 cases"): the value carries the claim, and a passage's own verb in
# their place ("lost $5 million") is still a rival.
_VALUE_VERBS = frozenset(
    """score gross earn hold have receive register record reach total garner amass tally
    post attract collect take rate obtain get achieve command draw accumulate""".split()
)


# Verbs that say what a film or a firm took in, one as good as another before a sum:
# "earned", "grossed", "made", "collected", "took", "generated".
_EARNING = frozenset("earn gross make collect take generate net".split())


# Verbs that say only what an amount came to: "the total collection *stood* at 16 crores",
# "the confirmed cases *reached* 463"; no rival of a verb that reports the claim's value.
_AMOUNTING = frozenset("stand reach total amount come climb rise hit".split())


# The words of a bound, which do not part a value from its verb: "received an approval
# rating of more than 15%".
_BOUND_WORDS = _BOUNDING | {"than", "at", "least", "most"}


_AUXILIARY_BEFORE = re.compile(
    r"(?i)\b(?:had|has|have|having|was|were|is|are|been|being|be)\s{1,3}$"
)


def _after_auxiliary(text: str, term: Span) -> bool:
    """Whether the term is a verb's form after its auxiliary ("had been *sold*", "had
    *left*"): a deed, however the word reads alone ("sold", "left" are words of their
    own too)."""
    lower = term.text.lower()
    return any(lemma != lower for lemma in lexicon.lemmas(lower)) and bool(
        _AUXILIARY_BEFORE.search(text, max(0, term.start - 12), term.start)
    )


_OWNER_BEFORE = re.compile(r"['\u2019]s\s{1,3}$")
# Words after a deed that are no thing it qualifies: "left *before* they arrived".
_NO_THING = STOPWORDS | frozenset(
    "before after when while until since because during without".split()
)


def _irregular_deed(text: str, term: Span) -> bool:
    """Whether an irregular verb form that is a word of its own too stands as a deed:
    "the members *left* before they arrived", "his party *won* in 2019", after the word
    of its subject; not after a determiner or an owner ("Wednesday's *ground*", "the
    *left* wing"), a comma ("The branch, *led* by its chief inspector"), nor before a
    content word, which it may qualify ("*left* wing")."""
    lower = term.text.lower()
    if not lexicon.irregular_form(lower) or lexicon.irregular_past(lower):
        return False  # not irregular, or a past form `past_form` already reads
    before = text[max(0, term.start - 12) : term.start]
    if DETERMINER_BEFORE.search(before) or _OWNER_BEFORE.search(before):
        return False
    if not before.rstrip()[-1:].isalpha():
        return False  # no subject right before it: "The branch, *led* by its inspector"
    after = WORD_AFTER.match(text, term.end)
    return after is None or after.group(1).lower() in _NO_THING


# A preposition before a verb's "-ing" form that makes it a deed of the sentence's subject:
# "went on *repaying*", "by *selling*", "after *collapsing*".
_GERUND_BEFORE = re.compile(
    r"(?i)\b(?:on|by|after|before|for|without|from|while|of|about|into)\s{1,3}$"
)


def _gerund(text: str, term: Span) -> bool:
    """Whether the term is a verb's "-ing" form after a preposition ("went on *repaying*
    the shortfalls"): a deed, never a word merely added."""
    lower = term.text.lower()
    lemmas = lexicon.lemmas(lower)
    return (
        lower.endswith("ing")
        and bool(lemmas)
        and lower not in lemmas  # a noun of its own: "by *evening*", "of *building*"
        and _GERUND_BEFORE.search(text, max(0, term.start - 12), term.start) is not None
    )


# A verb that links its subject to a word that says what the subject was or became.
_LINKING_BEFORE = re.compile(
    r"(?i)\b(?:is|was|are|were|been|be|being|remain(?:s|ed)?|stay(?:s|ed)?|prove(?:s|d)?|"
    r"held|holds|stood|stands|became|becomes|seem(?:s|ed)?|appear(?:s|ed)?)\s{1,3}$"
)
# What may follow such a word when it ends the predicate: a mark, the end, or a word that
# opens what comes next ("held firm *until* the water fell").
_PREDICATE_END = re.compile(
    r"\s{0,3}(?:[,.;:!?)\u2013\u2014]|$)|\s{1,3}(?:and|but|or|after|before|when|while|until|as|"
    r"in|on|at|for|with|by|from|because|despite|since|throughout)\b",
    re.IGNORECASE,
)


def _complement(text: str, term: Span) -> bool:
    """Whether the term is what a linking verb says its subject was ("the spillway held
    *firm*", "he was *unhurt*", "the road stayed *open*"): the claim's predicate itself,
    never a word merely added. A verb's form there is read as a verb (`_after_auxiliary`),
    and a word the lexicon does not know is left as it was ("the climate is *desertic*")."""
    lower = term.text.lower()
    return (
        lower in lexicon.lemmas(lower)
        and not past_form(lower)  # a verb's form: "have been *registered* in"
        and _LINKING_BEFORE.search(text, max(0, term.start - 14), term.start) is not None
        and _PREDICATE_END.match(text, term.end) is not None
        and not lexicon.adverb(term.text)
    )


def _reports_a_value(claim: Claim, term: Span) -> bool:
    """Whether the term is a verb of `_VALUE_VERBS` followed within five words (the
    words of a bound aside) by one of the claim's typed values."""
    if not _VALUE_VERBS & set(lexicon.lemmas(term.text.lower())):
        return False
    end = term.end
    for fact in claim.facts:
        if fact.value is None or fact.kind in (FactKind.STATEMENT, FactKind.CONTENT):
            continue
        start = fact.value.start - claim.start
        gap = [w for w in claim.text[end:start].lower().split() if w not in _BOUND_WORDS]
        if start >= end and len(gap) <= 4:
            return True
    return False


# A possessive right after a word: "Iran's", "Iran´s", "Iran ’s".
_POSSESSIVE = re.compile(r"\s?['\u2019\u00b4`]s\b")
# Words that follow a sentence's subject: an auxiliary, or a verb of the past.
_AFTER_SUBJECT = frozenset("is was are were has have had will would can could did does do".split())


def _opening_subject(text: str, term: Span) -> bool:
    """Whether the term is the capitalised word that opens the claim right before its
    verb ("Butt received positive reviews", "Rogue is a game") or its possessive ("Iran's
    national team"): the subject, whose capital the sentence's start hides (not
    "Several", "Due", "Regarding", which no verb follows)."""
    if term.start != 0 or not term.text[:1].isupper():
        return False
    if _POSSESSIVE.match(text, term.end):
        return True
    after = WORD.findall(text[term.end : term.end + 40])[:1]
    return bool(after) and (after[0].lower() in _AFTER_SUBJECT or past_form(after[0].lower()))


def _capitalised(term: Span) -> bool:
    return term.text[:1].isupper() and term.start > 0


def _referent_named(claim: Claim, text: str) -> bool:
    """Whether `text` names the person the claim's opening pronoun stands for, by their
    surname at least ("Cotton" of "John Cotton")."""
    if not claim.referent:
        return False
    surname = claim.referent.split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", text) is not None


def _with_additions(
    claim: Claim, reading: Reading, chosen: Sequence[Candidate], words: Sequence[str]
) -> FactVerdict:
    shown = ", ".join(f"\u201c{w}\u201d" for w in words)
    note = f"adds {shown}, which no source states and none contradicts"
    fact = next((f for f in claim.facts if f.kind == FactKind.STATEMENT), None) or Fact(
        FactKind.CONTENT, ", ".join(words), claim.start, claim.end, subject="words the article adds"
    )
    evidence = tuple(evidence_of(c, agrees=True, note=note) for c in chosen)
    score = min(90, round(50 + 0.4 * max(c.own_relevance for c in chosen)))
    return FactVerdict(fact, Label.SUPPORTED, score, evidence, note)


# --- what is read -------------------------------------------------------------------


def _verbs_off_their_count(
    claim: Claim, reading: Reading, candidates: Sequence[Candidate], verdicts: Sequence[FactVerdict]
) -> list[Span]:
    """The verbs right before a supported count ("injured 22 people") or a date ("built
    in 2011") that no passage supporting it states: what was done to the 22 is part of
    the count, and "22 people murdered" does not say they were injured, whatever another
    passage says of the injured; "designed in 2011" is not stated by "built between 2011
    and 2012" beside "The design had been prepared by Arup"."""
    found = []
    for verdict in verdicts:
        value = verdict.fact.value
        if verdict.label != Label.SUPPORTED or value is None:
            continue
        if value.kind == ValueKind.COUNT:
            between = _VERB_BEFORE
        elif value.kind == ValueKind.DATE:
            between = _VERB_BEFORE_DATE
        else:
            continue
        at = value.start - claim.start
        verb = next(
            (t for t in reading.terms if not t.label and between.fullmatch(claim.text[t.end : at])),
            None,
        )
        if verb is None or not past_form(verb.text) or _reports_a_value(claim, verb):
            continue  # "registered 7 cases" only says what the figure counts
        # Every place a passage states the figure: "Inferno (1980) ... Tenebrae (1980)".
        held: dict[int, list[tuple[int | None, int | None]]] = {}
        for e in verdict.evidence:
            if e.agrees is not False:
                held.setdefault(e.passage_id, []).append((e.match_start, e.match_end))
        windows = [
            _near_value(reading.window(c), c, span, value.kind)
            for c in candidates
            for span in held.get(c.hit.passage_id, ())
        ]
        if windows and not any(
            phrases_read(claim.text, cover([verb], w), w).covered
            or released_as_dated(verb, claim.text, w)
            or light_verb_stated(verb, claim.text, w)
            for w in windows
        ):
            found.append(verb)
    return found + _ways_off_their_figure(claim, reading, candidates, verdicts)


# Words right after a figure that say which way it lies from another: "£200m *short* of
# what it was owed", "£200m *ahead* of".
_WAYS = frozenset("short ahead behind shy".split())


def _ways_off_their_figure(
    claim: Claim, reading: Reading, candidates: Sequence[Candidate], verdicts: Sequence[FactVerdict]
) -> list[Span]:
    """The word right after a supported sum or count that says which way it lies ("nearly
    £200m ahead of what it was owed"), where no passage that supports the figure states
    it: the way is part of the figure, whatever another passage says ("in the years
    ahead")."""
    found = []
    for verdict in verdicts:
        value = verdict.fact.value
        if verdict.label != Label.SUPPORTED or value is None or value.kind == ValueKind.DATE:
            continue
        end = value.end - claim.start
        way = next(
            (
                t
                for t in reading.terms
                if t.text.lower() in _WAYS and _JUST_AFTER.fullmatch(claim.text[end : t.start])
            ),
            None,
        )
        if way is None:
            continue
        held = {e.passage_id for e in verdict.evidence if e.agrees is not False}
        windows = [
            replace(reading.window(c), before="", after="")
            for c in candidates
            if c.hit.passage_id in held
        ]
        if windows and not any(cover([way], w).covered for w in windows):
            found.append(way)
    return found


_JUST_AFTER = re.compile(r"\s{1,3}")


# Characters either side of a passage's date within which it must state the verb that
# gives the claim's date: "built between 2011 and 2012", not "... departed from the
# design" further on.
VERB_REACH = 60


def _near_value(
    window: Window, candidate: Candidate, span: tuple[int | None, int | None], kind: ValueKind
) -> Window:
    """The passage alone (its neighbours left out), and for a date only its words near the
    value that supports the claim's."""
    if kind != ValueKind.DATE or span[0] is None or span[1] is None:
        return replace(window, before="", after="")
    start, end = span[0] - candidate.hit.start, span[1] - candidate.hit.start
    if not 0 <= start <= end <= len(window.text):
        return replace(window, before="", after="")
    text = window.text[max(0, start - VERB_REACH) : end + VERB_REACH]
    return Window(text, aliases=window.aliases)


# What may stand between a verb and the count it governs: "killed 22", "killed at least".
_VERB_BEFORE = re.compile(
    r"\s{1,3}(?:(?:at least|at most|more than|fewer than|less than|some|about|nearly|almost"
    r"|over|up to)\s{1,3})?"
)


# What may stand between a verb and the date it gives: "built in 2011", "died on 3 May".
_VERB_BEFORE_DATE = re.compile(r"\s{1,3}(?:in|on|during|between)\s{1,3}(?:the\s{1,3})?")


def _supporting(
    candidates: Sequence[Candidate], verdicts: Sequence[FactVerdict]
) -> list[Candidate]:
    """The candidates whose passages support one of the claim's typed facts."""
    ids = {
        e.passage_id
        for v in verdicts
        if v.label == Label.SUPPORTED
        for e in v.evidence
        if e.agrees is not False
    }
    return [c for c in candidates if c.hit.passage_id in ids]


# --- contrasts ----------------------------------------------------------------------


def _anchors(claim: Claim, verdicts: Sequence[FactVerdict]) -> dict[int, list[tuple[int, int]]]:
    """By passage id, the spans (relative to the claim) of the typed facts it supports."""
    found: dict[int, list[tuple[int, int]]] = {}
    for verdict in verdicts:
        if verdict.label != Label.SUPPORTED:
            continue
        span = (verdict.fact.start - claim.start, verdict.fact.end - claim.start)
        for evidence in verdict.evidence:
            found.setdefault(evidence.passage_id, []).append(span)
    return found


def _held(verdicts: Sequence[FactVerdict]) -> dict[int, list[tuple[int, int]]]:
    """By passage id, the spans (relative to the passage) of the values that support
    the claim's typed facts: where the passage's side of each anchor stands."""
    found: dict[int, list[tuple[int, int]]] = {}
    for verdict in verdicts:
        if verdict.label != Label.SUPPORTED:
            continue
        for e in verdict.evidence:
            if e.agrees and e.match_start is not None and e.match_end is not None:
                span = (e.match_start - e.start, e.match_end - e.start)
                found.setdefault(e.passage_id, []).append(span)
    return found


def _contrast(
    claim: Claim,
    reading: Reading,
    candidates: Sequence[Candidate],
    evidence: tuple[Sequence[Candidate], Sequence[Candidate], set[str]],
    anchors: dict[int, list[tuple[int, int]]],
    held: dict[int, list[tuple[int, int]]],
) -> tuple[Candidate, Contrast] | None:
    """The strongest contrast of a strongly relevant passage, if any; `evidence` are
    the passages that support the claim's typed facts, those that hold its quotations,
    and who the claim says spoke them.

    Read in the passages that support the claim's typed facts, then in the
    best others; a passage that states every word of the claim and holds no
    contrast ends the search once every supporting passage is read: the claim's
    content is stated, and what other passages say about other events is no
    contradiction.
    """
    supporting, quoting, speakers = evidence
    others = sorted(
        (c for c in candidates if c not in supporting),
        key=lambda c: -c.own_relevance,
    )[:CONTRAST_CANDIDATES]
    names = names_of(claim)
    # The sentences right before and after a passage that supports a figure tell the
    # same story: read at a lower relevance ("The council's leader, John Cotton,
    # apologised ..." before the passage that holds the claim's quotation).
    neighbours = beside(candidates, supporting)
    others = [*others, *(c for c in neighbours if c not in others)]
    people = {n.text for n in names if n.label == "PERSON"}
    unsaid = _unsaid_names(reading, candidates, supporting)
    # A person or a place no passage that supports the claim's figures names is unsaid
    # for those passages: "Judge John Butterfield KC jailed him for eight years", where
    # Butterfield is named only of another trial and "Judge Melbourne Inman QC" of the
    # sentence; "about 6,500 ... to gather at Chapel High School in neighbouring Buxton",
    # where Buxton is named only of a railway closed and the passage with the 6,500 says
    # "in the neighbouring town of Chapel-en-le-Frith".
    unsupported = frozenset(
        t.text
        for t in reading.terms
        if _person_or_place(claim.text, t)
        and not any(t in reading.of(c).covered for c in supporting)
    )
    stated = False  # by a supporting passage that holds no contrast
    # The names the passages that hold the claim's figures give in their own words.
    stated_names = {
        t.text
        for c in supporting
        for t in reading.of(c).covered
        if (t.label or _capitalised(t)) and t.text in c.hit.text
    }
    for candidate in [*supporting, *others]:
        if stated and candidate not in supporting:
            return None
        needed = COVER_RELEVANCE if candidate in neighbours else CONTRAST_RELEVANCE
        if candidate.own_relevance < needed and candidate not in supporting:
            continue
        window = reading.window(candidate)
        coverage = reading.of(candidate)
        found = contrasts(
            claim.text,
            reading.terms,
            coverage,
            window,
            claim_entities=names,
            anchors=anchors.get(candidate.hit.passage_id, ()),
            held=held.get(candidate.hit.passage_id, ()),
            unsaid=unsaid | unsupported if candidate in supporting else unsaid,
        )
        if candidate in neighbours and candidate.own_relevance < CONTRAST_RELEVANCE:
            # Beside the evidence, only a person put in the claim's person's role, or a
            # name of the same kind as the claim's ("The hearing at Croydon Magistrates'
            # Court" for "at Westminster Magistrates' Court"): what else a sentence beside
            # says is too loosely tied to the claim's event.
            found = tuple(c for c in found if _in_a_persons_role(c, people) or _name_of_its_kind(c))
        if candidate not in supporting:
            # A name a passage that holds the claim's figures states is the claim's:
            # another passage's name in a like role tells of something else ("sold to
            # Schroders Greencoat for about £700m" / "Mr Kavanagh appeared to have taken
            # as much as £130m").
            found = tuple(
                c for c in found if c.kind != ContrastKind.ENTITY or c.article not in stated_names
            )
        if found and candidate.own_relevance >= needed:
            return candidate, found[0]
        if (
            candidate in quoting
            and candidate.own_relevance >= COVER_RELEVANCE
            and (who := next((c for c in found if _other_speaker(c, speakers, window)), None))
        ):
            # The passage that holds the claim's quotation, with another person in the
            # place of the one the claim says spoke it.
            return candidate, who
        if candidate in supporting and (
            clause := next(
                (
                    c
                    for c in found
                    if _clause_relevant(claim, candidate, c)
                    or _said_clause_relevant(claim, candidate, c)
                ),
                None,
            )
        ):
            # A passage that supports the claim's figures, strongly relevant to the clause
            # that holds the contrast: "The City of London Police is investigating 58
            # people ..., but ..." against "The Metropolitan Police said its investigation
            # ... covers 58 individuals"; or to what the claim reports someone said, its
            # predicate reversed: "Mr Gove, whose permission was needed, said in February
            # that the government would oppose the rise" / "In February the government
            # said it would not oppose the request".
            return candidate, clause
        if candidate in supporting and any(c.anchored for c in found):
            # By the value it holds for the claim, the passage tells the claim's event.
            return candidate, next(c for c in found if c.anchored)
        if candidate in supporting and not found:
            turned = reversed_beside_anchor(claim.text, window, names)
            if turned is not None:
                return candidate, turned
        if coverage.complete and not found:
            if candidate not in supporting:
                return None
            # Every passage that supports a figure is still read: "... but it expects
            # decisions before the end of 2026" against the next one, which holds 2026
            # and "are not expected".
            stated = True
    if stated:
        return None
    return (
        _compound_named_otherwise(claim, reading, candidates, unsaid)
        or _name_a_word_off(claim, reading, candidates)
        or _opposite_of_the_same(claim, reading, supporting)
        or _clause_contrast(claim, reading, candidates)
    )


# "of" and the charge after a verb of a verdict: "convicted Monk, by then 43, *of murder*".
_OF_WHAT = re.compile(r"(?i)^[^.;:]{0,40}?\bof\s{1,3}([a-z][a-z-]{2,30})\b")
# How far after the passage's verb its "of" may stand: "cleared of murder".
_OF_REACH = 20


def _opposite_of_the_same(
    claim: Claim, reading: Reading, supporting: Sequence[Candidate]
) -> tuple[Candidate, Contrast] | None:
    """A verb of the claim with its "of" ("convicted Monk ... of murder") where a passage
    that holds the claim's figures has the opposite verb of the same thing ("cleared of
    murder") and not the claim's own: "was cleared of murder but convicted of
    manslaughter" denies "convicted Monk of murder"."""
    for term in reading.terms:
        if term.label or not past_form(term.text):
            continue
        charge = _OF_WHAT.match(claim.text[term.end :])
        if charge is None:
            continue
        what = charge.group(1).lower()
        for candidate in supporting:
            text = candidate.hit.text
            said = [
                m
                for m in WORD.finditer(text)
                if (found := _OF_WHAT.match(text[m.end() : m.end() + _OF_REACH + len(what) + 4]))
                and found.group(1).lower() == what
            ]
            if any(
                m.group(0).lower() == term.text.lower() or lexicon.states(term.text, m.group(0))
                for m in said
            ):
                break  # the passage says the claim's own verb of it
            opposite = next((m for m in said if lexicon.opposite(term.text, m.group(0))), None)
            if opposite is not None:
                return candidate, Contrast(
                    ContrastKind.ANTONYM,
                    f"{term.text} ... of {what}",
                    f"{opposite.group(0)} of {what}",
                    opposite.start(),
                    opposite.end(),
                )
    return None


def _compound_named_otherwise(
    claim: Claim, reading: Reading, candidates: Sequence[Candidate], unsaid: frozenset[str]
) -> tuple[Candidate, Contrast] | None:
    """A compound whose name no passage gives, where a relevant passage gives the same
    compound with another name: "the Conservative-run West Midlands council" / "The
    Labour-run council, in the West Midlands"."""
    compounds = [t for t in reading.terms if t.text in unsaid and "-" in t.text]
    for term in compounds:
        for candidate in candidates:
            if candidate.own_relevance < CONTRADICT_CUTOFF:
                continue
            found = compound_rival(term.text, candidate.hit.text)
            if found is not None and found.group(0)[:1].isupper():
                return candidate, Contrast(
                    ContrastKind.ENTITY, term.text, found.group(0), found.start(), found.end()
                )
    return None


def _name_a_word_off(
    claim: Claim, reading: Reading, candidates: Sequence[Candidate]
) -> tuple[Candidate, Contrast] | None:
    """A name of several words that no passage gives, where a strongly relevant passage
    gives it with one word changed in the same place (`renamed`)."""
    names = [
        (term, name)
        for term in reading.terms
        if term.label != "PERSON" and (term.label or _capitalised(term))
        # "Sheffield United's" is Sheffield United
        for name in [OWNER_END.sub("", term.text)]
        if len(name.split()) >= 2
    ]
    if not names:
        return None  # the common case: no passage read again
    texts = [" ".join((c.before, c.hit.text, c.after)).lower() for c in candidates]
    for term, name in names:
        if any(name.lower() in text for text in texts):
            continue
        for candidate in candidates:
            if candidate.own_relevance < CONTRADICT_CUTOFF:
                continue
            other = renamed(
                claim.text,
                Span(term.label, name, term.start, term.start + len(name)),
                reading.window(candidate),
            )
            if other is not None:
                return candidate, Contrast(
                    ContrastKind.ENTITY, name, other.text, other.start, other.end
                )
    return None


def _other_speaker(contrast: Contrast, speakers: set[str], window: Window) -> bool:
    """Whether a contrast puts a person the passage names in the place of the claim's
    speaker of a quotation."""
    return (
        contrast.kind == ContrastKind.ENTITY
        and contrast.article in speakers
        and any(e.label == "PERSON" and e.text == contrast.source for e in window.entities)
    )


def _name_of_its_kind(contrast: Contrast) -> bool:
    """Whether a contrast puts a name of several words in the place of another with the
    same head word and other words of its own: "Croydon Magistrates' Court" /
    "Westminster Magistrates' Court", "South Yorkshire Police" / "West Yorkshire Police"."""
    mine, theirs = contrast.article.split(), contrast.source.split()
    return (
        contrast.kind == ContrastKind.ENTITY
        and min(len(mine), len(theirs)) >= 2
        and same_head(contrast.article, contrast.source)
    )


def _in_a_persons_role(contrast: Contrast, people: set[str]) -> bool:
    """Whether a contrast puts another name in the place of a person of the claim."""
    return contrast.kind == ContrastKind.ENTITY and contrast.article in people


_UNSAID_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
# Words before a name that make it a place whatever the tagger calls it: "in neighbouring
# Buxton".
_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|near|at|outside|neighbouring|nearby)\s{1,3}$")


def _person_or_place(claim_text: str, term: Span) -> bool:
    """Whether a claim's name is a person's or a place's: by its label, or a name the
    tagger calls a body after a word that makes it a place."""
    if term.label in _UNSAID_LABELS:
        return True
    before = claim_text[max(0, term.start - 20) : term.start]
    return term.label == "ORG" and _PLACE_BEFORE.search(before) is not None


def _unsaid_names(
    reading: Reading, candidates: Sequence[Candidate], supporting: Sequence[Candidate]
) -> frozenset[str]:
    """The claim's names that no passage read for it states: not all of their capitalised
    words stand as names in the candidates, the sentences beside them or their sources'
    names ("the Serious Fraud Office", where the passages name the "Crown Office"), and no
    supporting passage covers them (through an alias)."""
    covered = {t for c in supporting for t in reading.of(c).covered}
    names = [
        (t, words)
        for t in reading.terms
        if t not in covered and (t.label or _capitalised(t))
        for words in [[w.lower() for w in WORD.findall(t.text) if w[:1].isupper() and len(w) > 2]]
        if words
    ]
    if not names:
        return frozenset()  # the common case: every name stated, no passage read again
    # A name's words as names: "Serious" in "a serious injury" names nothing.
    said: set[str] = set()
    for candidate in candidates:
        for text in (candidate.hit.text, candidate.before, candidate.after):
            said.update(w.lower() for w in WORD.findall(text) if w[:1].isupper())
        for alias in reading.window(candidate).aliases if candidate in supporting else ():
            said.update(w.lower() for w in WORD.findall(alias))
    return frozenset(t.text for t, words in names if not all(w in said for w in words))


def _clause_relevant(claim: Claim, candidate: Candidate, contrast: Contrast) -> bool:
    """Whether the passage is strongly relevant to the clause of the claim that holds the
    contrast's words (a claim of several clauses)."""
    at = claim.text.find(contrast.article)
    own = clause_relevance(claim, at, candidate) if at >= 0 else None
    return own is not None and own >= CONTRAST_RELEVANCE


# "that" opening what someone said, after a verb of saying: "said in February *that*".
_SAID_THAT = re.compile(
    r"(?i)\b(?:said|says|told|announced|confirmed|stated|warned|insisted|argued)\b"
    r"[^,;:]{0,40}?\bthat\s"
)


def _said_clause_relevant(claim: Claim, candidate: Candidate, contrast: Contrast) -> bool:
    """Whether the passage is strongly relevant to what the claim reports was said, where
    the contrast reverses its predicate: the words after "said ... that" up to the
    clause's end."""
    if contrast.kind not in (ContrastKind.NEGATION, ContrastKind.ANTONYM):
        return False
    at = (
        contrast.article_start
        if contrast.article_start is not None
        else claim.text.find(contrast.article)
    )
    if at < 0:
        return False
    start, end = clause_at(claim.text, at)
    openings = list(_SAID_THAT.finditer(claim.text, start, at))
    if not openings:
        return False
    words = content_words(claim.text[openings[-1].end() : end])
    return len(words) >= CLAUSE_WORDS and relevance(words, candidate.hit.text) >= CONTRAST_RELEVANCE


# A passage that the whole of a long claim matches too weakly may still tell one of its
# clauses: it must state this many of the clause's other words, and this share of them.
CLAUSE_WORDS = 2
CLAUSE_SHARE = 2 / 3


def _clause_contrast(
    claim: Claim,
    reading: Reading,
    candidates: Sequence[Candidate],
) -> tuple[Candidate, Contrast] | None:
    """The opposite verb of a passage that tells the clause it stands in, in a long
    claim that the passage matches as a whole too weakly: "... jailed for life, and he
    agreed even to come up from the cells to hear it" against "Abedi refused to leave
    his cell to attend the sentencing hearing".

    The passage and the sentences beside it must state SAME_EVENT_SHARE of the claim,
    and the passage itself the clause's other words (`_tells_clause`).
    """
    verbs = [
        t for t in reading.terms if not t.label and (past_form(t.text) or _graded(claim.text, t))
    ]
    if len(clauses(claim.text)) < 2:
        return None  # a short claim is read whole
    for candidate in candidates:
        coverage = reading.of(candidate)
        window = reading.window(candidate)
        # A passage that states less of the whole claim must itself state every other
        # word of the clause it contradicts: "Martyn Hett, 29, from Stockport, was also
        # among those who died" tells "Martyn Hett, ..., from Stockport, was among those
        # injured" whatever the claim says after it.
        whole = coverage.share >= SAME_EVENT_SHARE
        # The other side taken ("campaigned against" / "the campaign for"), in the clause
        # the passage tells.
        side = other_side(claim.text, window.text)
        if side is not None and (at := claim.text.find(side.article)) >= 0:
            taken = Span("", side.article, at, at + len(side.article))
            if whole and _tells_clause(claim.text, taken, reading, window):
                return candidate, side
        # "All of the dead were in the crowd" / "None of the men who died was in the crowd".
        quantified = quantifier_reversed(claim.text, window.text)
        if quantified is not None and (at := claim.text.find(quantified.article)) >= 0:
            taken = Span("", quantified.article, at, at + len(quantified.article))
            if _tells_clause(claim.text, taken, reading, window, share=CLAUSE_SHARE):
                return candidate, quantified
        alone = replace(window, before="", after="")
        for term in verbs:
            # A verb's past form, or a quality by its degree or manner: "his younger
            # brother" / "his older brother" is the same pair seen from the other side,
            # not a contradiction. A verb stated
            # only beside the passage ("many more were injured") does not answer the
            # passage's own opposite ("Martyn Hett ... was among those who died").
            said = term not in coverage.uncovered
            if said and cover([term], alone).complete:
                continue
            if past_form(term.text) and _tells_clause(
                claim.text, term, reading, window, share=CLAUSE_SHARE if whole else 1.0
            ):
                found = opposite_in(term.text, alone if said else window)
            elif (
                not said
                and _graded(claim.text, term)
                and (clause_relevance(claim, term.start, candidate) or 0) >= COVER_RELEVANCE
            ):
                # A passage that tells the clause less fully, with the opposite of a
                # graded word among the clause's words around it: "prosecutors told the
                # jury at the Old Bailey that he had started the loop too high" / "The
                # prosecution ... told the jury that ... had started the loop too low".
                found = opposite_in_place(claim.text, term, alone)
            else:
                continue
            if found is not None:
                return candidate, Contrast(
                    ContrastKind.ANTONYM, term.text, found.text, found.start, found.end
                )
    return None


# A word of degree before a quality: "too high", "very low".
_DEGREE_BEFORE = re.compile(
    r"(?i)\b(?:too|very|so|extremely|fairly|rather|quite|highly|far|much|unusually)\s{1,3}$"
)


def _graded(claim_text: str, term: Span) -> bool:
    """Whether a word is a quality said by its degree ("too high") or a manner ("slowly")."""
    before = claim_text[max(0, term.start - 20) : term.start]
    return bool(_DEGREE_BEFORE.search(before)) or lexicon.adverb(term.text)


def _tells_clause(
    claim_text: str, term: Span, reading: Reading, window: Window, *, share: float = CLAUSE_SHARE
) -> bool:
    """Whether the passage itself (not the sentences beside it) states CLAUSE_WORDS and
    `share` of the other words of the clause that holds `term`."""
    start, end = clause_at(claim_text, term.start)
    others = [t for t in reading.terms if start <= t.start < end and t is not term]
    alone = replace(window, before="", after="")
    stated = len(cover(others, alone).covered)
    return stated >= CLAUSE_WORDS and stated >= share * len(others)


def _contradicted(
    claim: Claim, terms: Sequence[Span], candidate: Candidate, contrast: Contrast
) -> FactVerdict:
    term = next((t for t in terms if t.text == contrast.article), None)
    if term is not None:
        start, end = claim.start + term.start, claim.start + term.end
    else:
        start, end = claim.start, claim.end
    fact = Fact(FactKind.CONTENT, contrast.article, start, end, subject=_role(contrast))
    span = None
    if contrast.source_start is not None and contrast.source_end is not None:
        span = (
            candidate.hit.start + contrast.source_start,
            candidate.hit.start + contrast.source_end,
        )
    note = f"article: {contrast.article} - source: {contrast.source}"
    evidence = evidence_of(
        candidate, span=span, source_value=contrast.source, agrees=False, note=note
    )
    score = min(99, round(55 + 0.4 * candidate.own_relevance))
    return FactVerdict(fact, Label.CONTRADICTED, score, (evidence,), note)


def _reversed(
    claim: Claim, terms: Sequence[Span], candidate: Candidate, contrast: Contrast
) -> FactVerdict:
    """UNVERIFIED: the words are all stated, but beside a reversed predicate, or the
    passage says less than the claim ("one of the most populous")."""
    # Where in the pair the reversed words stand is not kept: no span is shown.
    contrast = replace(contrast, source_start=None, source_end=None)
    verdict = _contradicted(claim, terms, candidate, contrast)
    where = "the source says" if contrast.kind == ContrastKind.LESS else "the source beside it says"
    note = f"{where} {contrast.source!r} where the article says {contrast.article!r}"
    evidence = tuple(replace(e, agrees=None, note=note) for e in verdict.evidence)
    return replace(verdict, label=Label.UNVERIFIED, score=0, evidence=evidence, note=note)


def _role(contrast: Contrast) -> str:
    return {
        ContrastKind.ENTITY: "another name in the same role",
        ContrastKind.ANTONYM: "the opposite word",
        ContrastKind.NEGATION: "the predicate reversed",
        ContrastKind.ORDER: "another place in the same order",
        ContrastKind.LESS: "less than the article says",
        ContrastKind.CAUSE: "another cause",
        ContrastKind.KIND: "another of the same kind",
    }[contrast.kind]


# --- coverage -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A clause's dates that the sources support (ISO), with their offsets in the
    claim's text."""

    dates: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    passages: frozenset[int]  # the passages that support them


def _clause_anchors(claim: Claim, verdicts: Sequence[FactVerdict]) -> list[_Anchor | None]:
    """For each clause of the claim, its supported dates, or None for a clause with none."""
    found: list[_Anchor | None] = []
    for a, b in clauses(claim.text):
        held = [
            v
            for v in verdicts
            if v.label == Label.SUPPORTED
            and v.fact.kind == FactKind.DATE
            and v.fact.value is not None
            and v.fact.value.date
            and a <= v.fact.start - claim.start < b
        ]
        dates = tuple(v.fact.value.date for v in held if v.fact.value and v.fact.value.date)
        spans = tuple((v.fact.start - claim.start, v.fact.end - claim.start) for v in held)
        passages = frozenset(
            e.passage_id for v in held for e in v.evidence if e.agrees is not False
        )
        found.append(_Anchor(dates, spans, passages) if held else None)
    return found


# Characters either side of a clause's date within which its plain words tell what
# happened that day (about five words).
_DAY_REACH = 30


# A name and what the sources call it, side by side: "the Independent Police Complaints
# Commission (IPCC), the police watchdog"; "the police watchdog, the IOPC".
_NAME_RUN = (
    r"(?P<name>[A-Z][\w&'.-]{0,30}"
    r"(?:\s{1,3}(?:(?:of|for|and|the)\s{1,3})?[A-Z][\w&'.-]{0,30}){0,7})"
)
_CALLED_AFTER = re.compile(
    _NAME_RUN + r"(?:\s{0,3}\([A-Z]{2,8}\))?,\s{1,3}the\s{1,3}(?:[a-z]{2,20}\s{1,3}){0,2}"
    r"(?P<noun>[a-z]{3,20})\b"
)
_CALLED_BEFORE = re.compile(
    r"\bthe\s{1,3}(?:[a-z]{2,20}\s{1,3}){0,2}(?P<noun>[a-z]{3,20}),\s{1,3}(?:the\s{1,3})?"
    + _NAME_RUN
)


# "the" (and a word) right before a common noun: "*The* watchdog", "the police watchdog".
_THE_BEFORE = re.compile(r"(?i)\bthe\s{1,3}(?:[a-z]{2,20}\s{1,3})?$")


def _described(
    claim_text: str,
    uncovered: Sequence[Span],
    reading: Reading,
    chosen: Sequence[Candidate],
    candidates: Sequence[Candidate],
) -> list[Span]:
    """The uncovered words, less a common noun the claim gives a body by ("*The watchdog*
    had decided as far back as 2018") where a passage read names that body and another
    passage calls it so, name and noun side by side ("the Independent Office for Police
    Conduct, the police watchdog")."""
    plain = [
        t
        for t in uncovered
        if not t.label and t.text.islower() and _THE_BEFORE.search(claim_text, 0, t.start)
    ]
    if not plain or not chosen:
        return list(uncovered)
    called: dict[str, set[str]] = {}
    for candidate in candidates:
        text = candidate.hit.text
        for pattern in (_CALLED_AFTER, _CALLED_BEFORE):
            for m in pattern.finditer(text):
                name = " ".join(m.group("name").split())
                if len(name) > 2:
                    called.setdefault(m.group("noun"), set()).add(name)
    named = {e.text for c in chosen for e in reading.window(c).entities if e.label == "ORG"}
    said = {
        t
        for t in plain
        if any(
            same_name(name, other)
            for name in called.get(singular(t.text.lower()), ())
            for other in named
        )
    }
    return [t for t in uncovered if t not in said]


def _cover_with(
    text: str,
    reading: Reading,
    candidates: Sequence[Candidate],
    supporting: Sequence[Candidate],
    anchors: Sequence[_Anchor | None] = (),
) -> tuple[list[Candidate], list[Span]]:
    """The passages that together state the most of the claim, and what none states.

    The supporting passages first; then, while words are uncovered, the passage
    that states the most of them among those that state at least half of one of
    the claim's clauses, two words at least (so that a word is never found in a
    passage about something else), or, in a supporting passage's document, one
    of its clauses whole. Such a passage states the plain words beside a date the
    sources support (`anchors`) only when it is of a document that supports the date
    or gives that date itself: "on 31 October, another tram had *derailed*" is not
    stated by another report's sentence on the crash of 9 November.
    """
    terms = reading.terms
    chosen: list[Candidate] = []
    uncovered = list(terms)
    parts = [[t for t in terms if a <= t.start < b] for a, b in clauses(text)]
    # The plain words beside a supported date, which tell what happened that day, with
    # the clause's dates: only a passage that may be of that day states them.
    near_a_date = {
        t: anchor
        for anchor in anchors
        if anchor is not None
        for t in terms
        if not t.label
        and any(
            0 <= t.start - b <= _DAY_REACH or 0 <= a - t.end <= _DAY_REACH for a, b in anchor.spans
        )
    }
    document = {c.hit.passage_id: c.hit.document_id for c in candidates}

    def of_that_day(c: Candidate, anchor: _Anchor) -> bool:
        """Whether a passage gives the clause's date, or gives no date and is of a
        report that dates the clause."""
        theirs = [v.date for v in c.values if v.kind == ValueKind.DATE and v.date]
        if theirs:
            return any(
                compare_date_values(d, date_span(d), o, date_span(o)) is not False
                for d in anchor.dates
                for o in theirs
            )
        return c.hit.document_id in {document.get(i) for i in anchor.passages}

    def lent(c: Candidate) -> set[Span]:
        """What a passage found for its words may state of the claim."""
        return {
            t
            for t in reading.stated(c).covered
            if t in uncovered and ((anchor := near_a_date.get(t)) is None or of_that_day(c, anchor))
        }

    # The supporting passages, the one that states the most first; those that state
    # nothing more are read too but take no place among the MAX_WINDOWS that state
    # the claim: a date's "Published: 30 October 2019" leaves room for the sentence
    # that says who chaired the inquiry.
    stating = 0
    rest = list(supporting)
    while rest:
        best = max(
            rest,
            key=lambda c: (len(set(reading.stated(c).covered) & set(uncovered)), c.own_relevance),
        )
        rest.remove(best)
        gained = set(reading.stated(best).covered) & set(uncovered)
        if gained and stating < MAX_WINDOWS:
            stating += 1
            uncovered = [t for t in uncovered if t not in gained]
        if gained or len(chosen) < MAX_WINDOWS:
            chosen.append(best)
    documents = {c.hit.document_id for c in chosen}
    pool = [
        c
        for c in candidates
        if c not in chosen
        and (
            (c.own_relevance >= COVER_RELEVANCE and _states_a_clause(reading.stated(c), parts))
            # Another sentence of a supporting passage's document that states one of the
            # claim's clauses whole: "... was jailed for life, and he refused to come up
            # from the cells" against the report's next paragraph.
            or (c.hit.document_id in documents and _states_a_clause_whole(reading.stated(c), parts))
        )
    ]
    while uncovered and pool and stating < MAX_WINDOWS:
        best = max(pool, key=lambda c: (len(lent(c)), c.own_relevance))
        gained = lent(best)
        if not gained and chosen:
            break
        chosen.append(best)
        pool.remove(best)
        stating += 1
        uncovered = [t for t in uncovered if t not in gained]
    return chosen, uncovered


# Between a name and the name it belongs to: "David Duckenfield *of* South Yorkshire
# Police".
_NAME_OF = re.compile(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?")


def _names_apart(
    claim_text: str,
    reading: Reading,
    chosen: Sequence[Candidate],
    candidates: Sequence[Candidate],
) -> list[Span]:
    """The names a claim ties to the name before them ("David Duckenfield of West
    Yorkshire Police") that the passages state, but none together with that name (by
    its last word, "Duckenfield") in the passage itself: West Yorkshire Police is
    Bettison's force."""
    names = sorted((t for t in reading.terms if t.label), key=lambda t: t.start)
    apart = []
    for first, second in pairwise(names):
        if not _NAME_OF.fullmatch(claim_text[first.end : second.start]):
            continue
        if not any(second in reading.of(c).covered for c in chosen):
            continue
        # One name the source's title gives whole: "The Odd Life of Timothy Green".
        whole = claim_text[first.start : second.end]
        if any(whole in alias for c in chosen for alias in reading.window(c).aliases):
            continue
        last = first.text.split()[-1]
        own = [w for w in WORD.findall(second.text) if w[:1].isupper()]
        read = [c for c in candidates if c in chosen or c.own_relevance >= COVER_RELEVANCE]
        # Both in one passage itself (or its source's names: "Emilee Lindner of MTV" in
        # a passage MTV published), not only in the sentences beside it.
        if not any(
            last in c.hit.text
            and all(w in " ".join((c.hit.text, *reading.window(c).aliases)) for w in own)
            for c in read
            if second in reading.of(c).covered
        ):
            apart.append(second)
    return apart


# Words at most between a clause's subject and its verb ("itself has not been").
SUBJECT_GAP = 4


def _subjects_apart(claim_text: str, reading: Reading, chosen: Sequence[Candidate]) -> list[Span]:
    """The names that stand as a clause's subject ("The Farnborough Airshow itself has
    not been held since the crash") which the passages state, but none with the clause's
    verb: a name from a sentence about another event (the Farnborough disaster of 1952)
    and a verb from one about the claim's (the Shoreham show "has not been staged since")
    do not state that the one did the other."""
    terms = reading.terms
    apart = []
    for start, end in clauses(claim_text):
        mine = sorted((t for t in terms if start <= t.start < end), key=lambda t: t.start)
        verb = next(
            (t for t in mine if not t.label and verb_like(claim_text, t.start, t.text)), None
        )
        if verb is None:
            continue
        # The clause's subject: the name it opens with, a few words before its verb.
        subject = mine[0]
        if (
            not subject.label
            or subject.end > verb.start
            or len(claim_text[subject.end : verb.start].split()) > SUBJECT_GAP
        ):
            continue
        stating = [c for c in chosen if verb in reading.stated(c).covered]
        if stating and not any(subject in reading.stated(c).covered for c in stating):
            apart.append(subject)
    return apart


def _states_a_clause_whole(coverage: Coverage, parts: Sequence[Sequence[Span]]) -> bool:
    covered = set(coverage.covered)
    return any(len(part) >= 2 and all(t in covered for t in part) for part in parts)


def _states_a_clause(coverage: Coverage, parts: Sequence[Sequence[Span]]) -> bool:
    covered = set(coverage.covered)
    return (
        any(
            len(part) >= 2 and (n := sum(t in covered for t in part)) >= 2 and n >= 0.5 * len(part)
            for part in parts
        )
        or coverage.share >= 0.5
    )


def _context_note(reading: Reading, candidate: Candidate) -> str | None:
    """Which neighbouring sentences the passage needed to state the claim, if any."""
    terms, window = reading.terms, reading.window(candidate)
    if not reading.of(candidate).complete:
        return None  # not stated in full by this window: nothing to say of its neighbours
    alone = cover(terms, replace(window, before="", after=""))
    if alone.complete:
        return None
    with_after = cover(terms, replace(window, before=""))
    with_before = cover(terms, replace(window, after=""))
    if len(with_after.covered) > len(alone.covered) and with_after.complete:
        return "with the sentence after it"
    if len(with_before.covered) > len(alone.covered) and with_before.complete:
        return "with the sentence before it"
    return "with the sentences around it"


def _content_fact(claim: Claim, uncovered: Sequence[Span]) -> Fact:
    first, last = uncovered[0], uncovered[-1]
    return Fact(
        FactKind.CONTENT,
        ", ".join(t.text for t in uncovered),
        claim.start + min(first.start, last.start),
        claim.start + max(first.end, last.end),
        subject="words no source states",
    )


__all__ = ["ContentVerdict", "judge_content"]
