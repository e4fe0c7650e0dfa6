"""Quotations: the claim's words found in a passage, or a passage quoting other words.

A quotation found word for word supports; one that a passage quotes with other words,
or nearly the same words unquoted, is a misquote. A passage quoting part of the same
words (a title, a shorter quotation) or the same words but for "the" or "of" is none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from .. import lexicon
from ..records import Candidate, Claim, Evidence, Fact, FactVerdict, Label
from ..text import TERM, WORD, content_words
from ..values.names import TITLES
from .evidence import CONTRADICT_CUTOFF, evidence_of, for_clause, verdict

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


# A quotation's words, a grade's sign kept with its letter ("B+" is not "B").
_QUOTE_WORD = re.compile(r"\w+\+*")


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """The quotation's words in order, whole: "B" is not found in "B+" or "Batman"."""
    words = _QUOTE_WORD.findall(quote)
    body = r"\W{0,10}".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?![\w+])" if body else "", re.IGNORECASE)


# Words whose change leaves a quotation's words the same ("the making" / "of making").
_SLIGHT = frozenset({"the", "a", "an", "of"})


def _words(quote: str) -> list[str]:
    return [w for w in _QUOTE_WORD.findall(quote.lower()) if w not in _SLIGHT]


def _one_holds_the_other(quote: str, theirs: str) -> bool:
    """Whether one quotation's words run inside the other's ("Brown v. Board of
    Education" in "Brown v. Board of Education of Topeka, Kansas"), articles and "of"
    aside: the shorter quotes part of the same words, not other words."""
    mine, other = _words(quote), _words(theirs)
    if not mine or not other:
        return False
    short, long_ = sorted((mine, other), key=len)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


# Share of a quotation's words that a passage must hold in order, from the quote's
# first word or up to its last, for the quotation to run on past the passage's words.
_ONE_END_SHARE = 0.6


def _same_words_at_one_end(quote: str, text: str) -> bool:
    """Whether the passage holds the quotation's words from its start or up to its end,
    and not the rest: "Brown v. Board of Education of Topeka, Kansas" against "ruled in
    Brown v. Board of Education of Topeka that". Such a quotation says more than the
    passage does; it does not change the passage's words."""
    mine, theirs = _words(quote), _words(text)
    need = max(2, math.ceil(_ONE_END_SHARE * len(mine)))
    for run in range(len(mine) - 1, need - 1, -1):
        rest = len(mine) - run
        for i in range(len(theirs) - run + 1):
            # The quotation's start here, and none of its other words just after
            # (the passage would then have changed a word, not stopped short) ...
            if theirs[i : i + run] == mine[:run]:
                after = theirs[i + run : i + run + rest + 2]
                if not set(mine[run:]) & set(after):
                    return True
            # ... or its end, and none of its other words just before.
            if theirs[i : i + run] == mine[rest:]:
                before = theirs[max(0, i - rest - 2) : i]
                if not set(mine[:rest]) & set(before):
                    return True
    return False


# Relevance below which no passage is read for a misquote; a passage under
# CONTRADICT_CUTOFF only for a quotation all but the claim's.
MISQUOTE_RELEVANCE = 20.0
# How alike (rapidfuzz's partial ratio) a quotation must be to the claim's to be all
# but the claim's, and how many of the claim's words it may change.
_ALL_BUT = 85
_CHANGED_WORDS = 2


def _all_but_a_word(quote: str, theirs: str) -> bool:
    """Whether the passage's quotation is the claim's with a word or two changed: as long,
    the same words in the same order but for at most `_CHANGED_WORDS`."""
    mine, other = _words(quote), _words(theirs)
    if len(mine) < 4 or mine == other:
        return False
    if fuzz.partial_ratio(_normal(quote), _normal(theirs)) < _ALL_BUT:
        return False
    for i in range(len(other) - len(mine) + 1):
        window = other[i : i + len(mine)]
        if sum(a != b for a, b in zip(mine, window, strict=True)) <= _CHANGED_WORDS:
            return True
    return False


# A passage's quotation: between quotation marks, or, where the passage is a sentence of
# a quotation that runs over several, from its start to a closing mark or from an
# opening mark to its end ('This has been a lengthy and complex investigation ..."').
_QUOTATION = re.compile(
    r'["\u201c]([^"\u201d]{2,300})["\u201d]'
    r'|^\s{0,3}([^"\u201c\u201d]{2,300}?[^\s"\u201c\u201d])["\u201d](?=[\s.,;:!?)]|$)'
    r'|(?:^|(?<=[\s(:]))["\u201c]([^"\u201c\u201d\s][^"\u201c\u201d]{1,299})$'
)


# "An" is the article "a" before a vowel: "an unintended ... act" / "a deliberate ... act".
_ARTICLE = {"an": "a"}
# How many words past the claim's other ending a passage's quotation may run.
_RUN_ON = 3


def _reworded_inside(quote: str, theirs: str) -> bool:
    """Whether the passage's quotation holds the claim's words with some of them changed
    in place, and not only its part:

    - the claim's first and last words as far apart, and at most half of those between
      changed: "a swift and simple investigation" / "This has been a lengthy and complex
      investigation";
    - or the claim's first words (three or more, half of them at least), then other
      words to the quotation's end: "probably due to a fault in the brakes" / "probably
      due to a lack of sleep".

    A content word is among the words kept."""
    mine = [_ARTICLE.get(w, w) for w in _QUOTE_WORD.findall(quote.lower())]
    other = [_ARTICLE.get(w, w) for w in _QUOTE_WORD.findall(theirs.lower())]
    if len(mine) < 4:
        return False
    for i in range(len(other) - len(mine) + 1):
        window = other[i : i + len(mine)]
        if window[0] != mine[0] or window[-1] != mine[-1]:
            continue
        kept = [a for a, b in zip(mine, window, strict=True) if a == b]
        changed = len(mine) - len(kept)
        if 1 <= changed <= (len(mine) - 2) // 2 + 1 and content_words(" ".join(kept)):
            return True
    need = max(3, math.ceil(len(mine) / 2))
    for i in range(len(other)):
        run = 0
        while run < len(mine) and i + run < len(other) and other[i + run] == mine[run]:
            run += 1
        rest, theirs_rest = mine[run:], other[i + run :]
        if (
            need <= run
            and rest
            and theirs_rest
            and len(theirs_rest) <= len(rest) + _RUN_ON
            and not set(content_words(" ".join(rest))) & set(theirs_rest)
            and content_words(" ".join(mine[:run]))
        ):
            return True
    return False


def _quotations(text: str) -> list[tuple[int, int]]:
    """Where the passage's quotations' words stand."""
    spans = []
    for match in _QUOTATION.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g) is not None)
        spans.append(match.span(group))
    return spans


def judge_quote(fact: Fact, claim: Claim, candidates: Sequence[Candidate]) -> FactVerdict:
    quote = fact.text
    pattern = _quote_pattern(quote)
    support: list[tuple[float, Evidence]] = []
    against: list[tuple[float, Evidence]] = []
    unquoted: list[tuple[float, Evidence]] = []
    for whole in candidates:
        candidate = for_clause(claim, whole, fact)
        text = candidate.hit.text
        found = pattern.search(text) if pattern.pattern else None
        if found:
            span = (candidate.hit.start + found.start(), candidate.hit.start + found.end())
            support.append(
                (
                    candidate.relevance + 50,
                    evidence_of(candidate, span=span, source_value=found.group(0), agrees=True),
                )
            )
            continue
        if candidate.relevance < MISQUOTE_RELEVANCE:
            continue
        # A misquote: the passage quotes other words in the same statement, or
        # says nearly the same words. A quotation all but the claim's, a word changed
        # ("that the eleven men" / "that the twelve men"), is the same statement however
        # little else of a long claim the passage holds; others need a relevant passage.
        quoted = False
        for at, to in _quotations(text):
            theirs = text[at:to]
            if candidate.relevance < CONTRADICT_CUTOFF and not _all_but_a_word(quote, theirs):
                continue
            if _one_holds_the_other(quote, theirs):
                # A part of the same words; the same words but for "the", "of" support.
                quoted = True
                if _words(quote) == _words(theirs):
                    span = (candidate.hit.start + at, candidate.hit.start + to)
                    support.append(
                        (
                            candidate.relevance + 40,
                            evidence_of(candidate, span=span, source_value=theirs, agrees=True),
                        )
                    )
                continue
            similarity = fuzz.ratio(_normal(quote), _normal(theirs))
            if (
                (similarity >= 40 and candidate.relevance >= 50)
                or _all_but_a_word(quote, theirs)
                or _reworded_inside(quote, theirs)
            ):
                quoted = True
                span = (candidate.hit.start + at, candidate.hit.start + to)
                against.append(
                    (
                        candidate.relevance + similarity / 10,
                        evidence_of(candidate, span=span, source_value=theirs, agrees=False),
                    )
                )
        if quoted:
            continue
        if len(quote.split()) < 4:
            other = _short_misquote(claim, fact, text)
            if other is not None and candidate.relevance >= CONTRADICT_CUTOFF:
                where = (candidate.hit.start + other[0], candidate.hit.start + other[1])
                words = text[other[0] : other[1]]
                against.append(
                    (
                        candidate.relevance,
                        evidence_of(
                            candidate,
                            span=where,
                            source_value=words,
                            agrees=False,
                            note=f"the source's words: \u201c{words}\u201d",
                        ),
                    )
                )
            continue
        if whole.relevance < CONTRADICT_CUTOFF:
            continue  # words unquoted are read only in a passage about the whole claim
        normal = _normal(text)
        alignment = fuzz.partial_ratio_alignment(_normal(quote), normal)
        if alignment is not None and alignment.score >= 85:
            # Widen the aligned characters to whole words.
            start = normal.rfind(" ", 0, alignment.dest_start) + 1
            end = normal.find(" ", alignment.dest_end)
            words = normal[start : len(normal) if end == -1 else end]
            if _one_holds_the_other(quote, words) or _same_words_at_one_end(quote, normal):
                continue  # a part of the same words ("# Brown v. Board of Education")
            unquoted.append(
                (
                    alignment.score,
                    evidence_of(
                        candidate,
                        source_value=words,
                        agrees=False,
                        note=f"the source's words: \u201c{words}\u201d",
                    ),
                )
            )
    # Nearly the words, unquoted ("described the scandal as one of the greatest
    # miscarriages of justice in the nation's history"), is a paraphrase where another
    # passage quotes them exactly, and a misquote only where none does.
    judged = verdict(fact, support, against + ([] if support else unquoted))
    return _said_by_another(fact, claim, judged, candidates) or judged


# A person's name, an apposition and a verb of saying right before a quotation:
# "Kate Maynard, a solicitor at Hickman & Rose, speaking for the family, said: “".
_SAID_BEFORE = re.compile(
    r"^(?:,[^\"\u201c\u201d]{1,160},)?\s{1,3}(?:said|says|added|adds|told\s{1,3}\w+|warned"
    r"|stated|explained)\s{0,3}[:,]?\s{0,3}[\"\u201c]?\s{0,3}$",
    re.IGNORECASE,
)


def _said_by_another(
    fact: Fact, claim: Claim, found: FactVerdict, candidates: Sequence[Candidate]
) -> FactVerdict | None:
    """A quotation the passages give to another named person than the claim's speaker:
    "the family's solicitor, Deborah Coles, said ... \"already more than three years have
    passed\"" where the passage that holds the words says "Kate Maynard, ..., said:".
    Only a speaker the claim names, and one the passage names right before its verb of
    saying; a passage that names the claim's speaker anywhere gives no other."""
    speaker = fact.subject or ""
    if found.label != Label.SUPPORTED or not _a_name(speaker, claim.text):
        return None
    own = {w.lower() for w in speaker.split() if w[:1].isupper()} - TITLES
    for evidence in found.evidence:
        if evidence.match_start is None or evidence.source_value is None:
            continue
        candidate = next((c for c in candidates if c.hit.passage_id == evidence.passage_id), None)
        if candidate is None:
            continue
        text, at = candidate.hit.text, evidence.match_start - candidate.hit.start
        if own & {_POSSESSIVE.sub("", w.lower()) for w in WORD.findall(text)}:
            return None  # the claim's speaker is named where the words are ("Coles's")
        # The quotation the words stand in opens at the last quotation mark before them.
        opening = max(text.rfind('"', 0, at), text.rfind("\u201c", 0, at))
        if opening >= 0:
            at = opening + 1
        for entity in candidate.entities:
            end = entity.end - candidate.hit.start
            if (
                entity.label == "PERSON"
                and 0 <= end <= at
                and _SAID_BEFORE.match(text[end : max(end, at - 1)])
            ):
                note = f"article: said by {speaker} - source: said by {entity.text}"
                return FactVerdict(fact, Label.CONTRADICTED, found.score, (evidence,), note)
        # A quotation set apart, its speaker in the sentence before: "Local Government
        # Secretary Greg Clark said:" and then the words.
        lead = _NAME_SAID.search(candidate.before[-SPEAKER_REACH:])
        if not text[: max(0, at - 1)].strip() and lead is not None:
            if own & {w.lower() for w in WORD.findall(lead.group(1))}:
                return None
            note = f"article: said by {speaker} - source: said by {_person(lead.group(1))}"
            return FactVerdict(fact, Label.CONTRADICTED, found.score, (evidence,), note)
    return None


def _person(words: str) -> str:
    """A name without the post before it: "Greg Clark" of "Government Secretary Greg
    Clark"."""
    names = words.split()
    while len(names) > 2 and lexicon.known(names[0].lower()):
        names = names[1:]
    return " ".join(names)


_TITLE_WORDS = "|".join(t.capitalize() for t in sorted(TITLES))
# A name and a verb of saying that end the text before a quotation set apart.
_NAME_SAID = re.compile(
    r"\b([A-Z][a-z]+(?:[ \t]{1,3}[A-Z][a-z]+){1,3})[ \t]{1,3}(?:said|says|added|stated)"
    r"[ \t]{0,3}:[ \t]{0,3}$"
)
# Characters of the text before a passage read for the speaker of its quotation.
SPEAKER_REACH = 160


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _a_name(text: str, claim_text: str) -> bool:
    """Whether a speaker is given by a name ("Deborah Coles", "Mr Gledhill"), not a
    title or a pronoun."""
    words = text.split()
    if len(words) == 1 and words[0][:1].isupper():
        return (
            re.search(rf"\b(?:{_TITLE_WORDS})\.?\s{{1,3}}{re.escape(text)}\b", claim_text)
            is not None
        )
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


# Content words before a short quotation (within _LEAD_REACH words) that the passage
# must hold before its own words in that place: "whose evidence showed what the report
# called 'remarkable courage'" / "the evidence ... showed remarkable insensitivity".
_LEAD_WORDS = 2
_LEAD_REACH = 8
# How far back in the passage those words may stand (a long subject runs between).
_PASSAGE_REACH = 20


def _short_misquote(claim: Claim, fact: Fact, text: str) -> tuple[int, int] | None:
    """The span of the passage's own words in the place of a quotation of two or three
    words: its first word with other words after it ("remarkable insensitivity" for
    "remarkable courage"), or other words right after the claim's last word before it
    ("suffered a cognitive impairment" for "suffered a "mechanical failure""), after
    words the claim says before the quotation. None when there is none, or when the
    passage holds the quotation's words in order."""
    words = _QUOTE_WORD.findall(fact.text)
    if len(words) < 2:
        return None
    lead = set(
        content_words(" ".join(TERM.findall(claim.text[: fact.start - claim.start])[-_LEAD_REACH:]))
    )
    lead = {w.lower() for w in lead}
    if len(lead) < _LEAD_WORDS:
        return None
    tokens = list(re.finditer(r"\w+", text))
    low = [t.group(0).lower() for t in tokens]
    n = len(words)
    mine = [w.lower() for w in words]
    for i in range(len(low)):
        ahead = iter(low[i : i + n + 2])
        if all(w in ahead for w in mine):
            return None  # the same words, maybe with a word between: "Ray and Liz"
    # The claim's last content word before the quotation: the passage's other words
    # right after it stand in the quotation's place ("had suffered a "cognitive
    # impairment"" / "had suffered a "mechanical failure"").
    said = content_words(" ".join(TERM.findall(claim.text[: fact.start - claim.start])[-3:]))
    last = said[-1].lower() if said else None
    for i in range(len(tokens) - n + 1):
        theirs = low[i : i + n]
        if set(theirs) <= set(mine):
            continue
        own = set(content_words(" ".join(theirs)))
        placed = (
            last is not None
            and last in low[max(0, i - 3) : i]
            and theirs[0] in own
            and not own & set(mine)
        )
        if theirs[0] != mine[0] and not placed:
            continue
        before = {t.group(0).lower() for t in tokens[max(0, i - _PASSAGE_REACH) : i]}
        if len(lead & before) >= _LEAD_WORDS:
            return tokens[i].start(), tokens[i + n - 1].end()
    return None
