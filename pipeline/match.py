"""Matching: candidate passages for a claim from the store, ranked and scored for relevance.

The store only retrieves (`Store.matching`: the passages whose indexed words
match a query's, bm25 first). Everything that orders or scores passages is
here, in two steps:

- `search` ranks what the store retrieved for a query: passages that hold
  more of the query's terms (each weighed by its rarity in the store) first,
  then those with the same word forms, then bm25.
- `retrieve` gathers a claim's candidates (one search for the claim, one per
  person named in an age and per quotation) in that order, and scores each
  0-100 by `relevance`: the share of the claim's content words it holds,
  blended with rapidfuzz's token_set_ratio. The judges' cutoffs read that
  score; it does not reorder the candidates.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from . import lexicon
from .claims import counted_from_event, event_mentions
from .records import MARK_END, MARK_START, Candidate, Claim, FactKind, SearchHit
from .text import NAME_WORD, TERM, content_words, query_words, stem, stems
from .values.words import month_spellings

if TYPE_CHECKING:
    from .store import EvidenceStore as Store

# Passages the rarest words of a claim may match before commoner words are left
# out of its query: bounds the cost of a query on a store of millions.
MAX_MATCHES = 10_000
# How many of a statement's best candidates are also read with the sentence after them
# (at most READ_WHOLE: that sentence comes with the candidates read whole).
WINDOWED = 5
# How many of a claim's candidates are read as a whole: names, neighbouring sentences.
READ_WHOLE = 40


# --- searching the store -----------------------------------------------------------


def search(
    store: Store,
    query: str,
    *,
    limit: int = 10,
    document_ids: Iterable[str] | None = None,
    operator: str = "OR",
    max_matches: int | None = None,
    context: str = "",
) -> list[SearchHit]:
    """Passages for the words of `query`, best first (what `Store.search` returns).

    The query is plain text, never search syntax (see `store.fts_query`).
    Passages matching more of the query's words come first, then those with
    the same word forms (rapidfuzz's token_set_ratio), then bm25: bm25 alone
    puts a two-word heading that repeats one query word above a sentence that
    holds them all. With `document_ids`, only passages of those documents are
    searched.

    `max_matches` bounds the work on a large store: only the query's rarest
    words are searched, as many as keep the passages they match under that
    number (always at least the three rarest). The common words they leave
    out would rank passages little under bm25, and cost the most to score.

    `context` is words a claim leans on (`claims.context_for`): searched and
    weighed as the query's own, but the word forms compared are the query's.
    """
    own = query_words(query)
    words = [*own, *(w for w in query_words(context) if w not in own)] if context else own
    # Another spelling of a word counts as the word ("Nov 05, 2018" for "November 5,
    # 2018"); with AND every word must match, so there are none.
    spellings = other_spellings(words) if operator == "OR" else {}
    words = [*words, *spellings]
    if max_matches is not None:
        words = rare_words(store.document_frequencies(words), max_matches=max_matches)
    if not words:
        return []
    # bm25 ranks inside the index first, and only the best `pool` passages are
    # read and ranked here: on a large store reading them costs more than bm25.
    pool = max(limit * 10, 100)
    hits = store.matching(words, limit=pool, document_ids=document_ids, operator=operator)
    if not hits:
        return []
    weights = idf(store, [*{spellings.get(w, w): None for w in words}])
    spellings = {a: w for a, w in spellings.items() if a in words}
    return _rank_kept(store, query, words, hits, weights, limit, spellings)


def other_spellings(words: Sequence[str]) -> dict[str, str]:
    """Other spellings of a query's words that a passage may hold instead, each with
    the word it stands for: a month's abbreviation or its full name ("nov" /
    "november"), and a day or month with or without its leading zero ("05" / "5")."""
    out: dict[str, str] = {}
    present = set(words)
    for word in words:
        others = month_spellings(word)
        if word.isdigit() and len(word) == 1 and word != "0":
            others = ("0" + word,)
        elif word.isdigit() and len(word) == 2 and word[0] == "0" and word != "00":
            others = (word[1],)
        for other in others:
            if other not in present and other not in out:
                out[other] = word
    return out


# Rankings kept per store, for the searches an article repeats (a name, a sentence
# twice): a store's `matching` gives a repeated search the very same hits.
_KEPT: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], Any]] = weakref.WeakKeyDictionary()
_KEPT_PER_STORE = 64
_KEPT_LOCK = threading.Lock()


def _rank_kept(
    store: Store,
    query: str,
    words: Sequence[str],
    hits: list[SearchHit],
    weights: Mapping[str, float],
    limit: int,
    spellings: Mapping[str, str],
) -> list[SearchHit]:
    """`rank`, kept while `store` lives for the same query, weights and hit objects.

    The hits are known by identity (cheap, where hashing their texts is not)
    and kept with the ranking, so no other hit can take a kept one's place.
    Kept per store, so a store opened anew (another article's process, a
    bench's pass) starts with none.
    """
    key = (
        query,
        tuple(words),
        tuple(map(id, hits)),
        tuple(weights.items()),
        limit,
        tuple(spellings.items()),
    )
    with _KEPT_LOCK:  # a store may serve several threads
        try:
            kept = _KEPT.setdefault(store, {})
        except TypeError:  # a store that cannot be weakly referenced: nothing kept
            kept = {}
        found = kept.get(key)
    if found is None:
        found = (hits, rank(query, words, hits, weights, limit=limit, spellings=spellings))
        with _KEPT_LOCK:
            if len(kept) >= _KEPT_PER_STORE:
                del kept[next(iter(kept))]  # the oldest
            kept[key] = found
    return list(found[1])


def rare_words(frequency: Mapping[str, int], *, max_matches: int) -> list[str]:
    """The rarest words in the index, within a budget of matched passages.

    `frequency` is how many passages each word occurs in; words in none are
    left out, and the three rarest are always taken.
    """
    present = sorted((f, w) for w, f in frequency.items() if f > 0)
    chosen: list[str] = []
    total = 0
    for count, word in present:
        if len(chosen) >= 3 and total + count > max_matches:
            break
        chosen.append(word)
        total += count
    return chosen


def idf(store: Store, words: Sequence[str]) -> dict[str, float]:
    """Inverse document frequency of each word: log(1 + passages / passages with it)."""
    frequency = store.document_frequencies(words)  # first: it drops out-of-date counts
    total = max(store.passage_count(), 1)
    return {w: math.log(1 + total / max(f, 1)) for w, f in frequency.items()}


def rank(
    query: str,
    words: Sequence[str],
    hits: Iterable[SearchHit],
    weights: Mapping[str, float],
    *,
    limit: int | None = None,
    spellings: Mapping[str, str] | None = None,
) -> list[SearchHit]:
    """Hits for a query's `words`, highlighted and in order, best first.

    First the weight of the query's terms a hit holds (`coverage`), with
    DOCUMENT_SHARE of the weight of those its document's other hits hold
    besides; then how close its word forms are to the query's ("officers
    investigated" over "an officer ... under investigation"); then its bm25
    position (`score`).

    With `limit`, only the best `limit` hits come back, in the same order as
    without it: word forms are compared only for the hits whose coverage can
    still place them among those, and only those are highlighted. Ranking
    the few hundred hits of a search on a large store is most of its time.
    """
    prefixes = {w[:5] for w in words}
    pool = list(hits)
    # A word in another spelling holds the word it stands for (`other_spellings`).
    same = {other[:5]: word[:5] for other, word in (spellings or {}).items()}
    held = [
        frozenset(same.get(t, t) for t in terms) if same else terms
        for terms in _held_terms([hit.text for hit in pool], prefixes)
    ]
    in_document: dict[str, set[str]] = {}
    for hit, terms in zip(pool, held, strict=True):
        in_document.setdefault(hit.document_id, set()).update(terms)
    sums: dict[frozenset[str], float] = {}

    def weight(terms: frozenset[str]) -> float:
        if terms not in sums:
            sums[terms] = sum(w for t, w in weights.items() if t[:5] in terms)
        return sums[terms]

    of_document = {d: weight(frozenset(terms)) for d, terms in in_document.items()}
    covered = []
    for hit, terms in zip(pool, held, strict=True):
        own = weight(terms)
        covered.append(-round(own + DOCUMENT_SHARE * (of_document[hit.document_id] - own), 1))
    # The coverage of the last hit that can be returned: hits below it are
    # never among the best `limit`, whatever their word forms.
    cut = sorted(covered)[limit - 1] if limit is not None and len(pool) > limit else None
    lowered = query.lower()
    keyed = [
        (cover, -round(fuzz.token_set_ratio(lowered, hit.text.lower())), hit.score, index)
        for index, (cover, hit) in enumerate(zip(covered, pool, strict=True))
        if cut is None or cover <= cut
    ]
    # `index` keeps the order of equal keys as the input's (as a stable sort).
    keyed.sort()
    best = [pool[key[3]] for key in keyed[:limit]]
    return [replace(hit, highlighted=highlight(hit.text, prefixes)) for hit in best]


# What the query's terms that a hit's document holds elsewhere (among the hits) add to
# its own: a sentence of a page that is about the claim ("the Raiders have waived LB
# James Cowser" on a page that also says "practice squad" and "Nov 05, 2018") ranks
# above one that shares as many words by chance with a page about something else.
# On WiCE across its corpus, recall@5 0.915 -> 0.925 at a quarter (0.922 at 0.1,
# 0.918 at 0.5); within one document it changes nothing.
DOCUMENT_SHARE = 0.25


def _held_terms(texts: Sequence[str], prefixes: set[str]) -> list[frozenset[str]]:
    """The query's terms (five-letter prefixes) each text holds, as `highlight`
    would mark them, without marking them.

    The plain-ASCII texts (most) are lower-cased together and searched once
    for words that begin with a query word's first five letters (or are
    that word, when it is shorter); any other text is read word by word
    exactly as `highlight` then `coverage` read it (lower-casing a word may
    split it in two, as a dotted capital I does), and a text that holds the
    marks themselves is marked and read.
    """
    plain = [
        i
        for i, text in enumerate(texts)
        if text.isascii() and MARK_START not in text and MARK_END not in text
    ]
    found: dict[int, set[str]] = {i: set() for i in plain}
    if plain and prefixes:
        pattern = _word_starts(frozenset(prefixes))
        # "\n" is no word character: no word runs from one text into the next.
        joined = "\n".join(texts[i] for i in plain).lower()
        starts = list(itertools.accumulate((len(texts[i]) + 1 for i in plain[:-1]), initial=0))
        for m in pattern.finditer(joined):
            at = m.start()
            # Only where a word begins. The pattern leaves that to here (a leading
            # \b would cost re its fast scan for the words' first letters), and a
            # match inside a word is all word characters: it hides no word's start.
            if at and (joined[at - 1].isalnum() or joined[at - 1] == "_"):
                continue
            found[plain[bisect.bisect_right(starts, at) - 1]].add(m.group(0))
    return [
        frozenset(found[i]) if i in found else _held_by_words(text, prefixes)
        for i, text in enumerate(texts)
    ]


@functools.lru_cache(maxsize=256)
def _word_starts(prefixes: frozenset[str]) -> re.Pattern[str]:
    """The query's prefixes as `_held_terms` finds them in lower-cased ASCII text.

    A five-letter prefix begins a word; a shorter one is a whole word. Where
    a match begins a word is the caller's to check.
    """
    words = sorted(prefixes, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) + ("" if len(w) >= 5 else r"\b") for w in words))


def _held_by_words(text: str, prefixes: set[str]) -> frozenset[str]:
    """`_held_terms` of one text, read word by word."""
    if MARK_START in text or MARK_END in text:
        marked = highlight(text, prefixes).split(MARK_START)[1:]
        return frozenset(
            word[:5] for part in marked for word in TERM.findall(part.split(MARK_END, 1)[0].lower())
        )
    found: set[str] = set()
    for word in TERM.findall(text):
        lower = word.lower()
        if lower[:5] in prefixes:
            found.update(part[:5] for part in TERM.findall(lower))
    return frozenset(found)


def highlight(text: str, prefixes: set[str]) -> str:
    """The text with the words that match the query between highlight marks.

    A word matches when it shares its first five letters with a query word, a
    stand-in for the index's stemming that costs no second pass over the index.
    A plain-ASCII text (most) is searched for those words only; any other is
    read word by word (lower-casing may change a word's length).
    """
    if text.isascii():
        pattern = _ascii_words(frozenset(prefixes))
        return pattern.sub(_MARKED, text) if pattern is not None else text
    return TERM.sub(
        lambda m: (
            f"{MARK_START}{m.group(0)}{MARK_END}"
            if m.group(0).lower()[:5] in prefixes
            else m.group(0)
        ),
        text,
    )


_MARKED = f"{MARK_START}\\g<0>{MARK_END}"


@functools.lru_cache(maxsize=256)
def _ascii_words(prefixes: frozenset[str]) -> re.Pattern[str] | None:
    """The ASCII words whose first five letters, lower-cased, are one of `prefixes`.

    A whole word each: one that begins with a five-letter prefix, or is a
    shorter one. None when no prefix is ASCII (no ASCII word can match).
    """
    words = sorted(p for p in prefixes if p.isascii() and p)
    if not words:
        return None
    either = "|".join(re.escape(w) + (r"\w*" if len(w) >= 5 else r"\b") for w in words)
    return re.compile(rf"\b(?:{either})", re.ASCII | re.IGNORECASE)


def coverage(highlighted: str, weights: Mapping[str, float]) -> float:
    """The weight of the query's terms that the highlight marks matched.

    A term counts when a marked word shares its first five letters (a crude
    stand-in for the index's stemming); each term weighs its inverse document
    frequency, so a rare name counts for more than a common word.
    """
    marked = {
        word
        for part in highlighted.split(MARK_START)[1:]
        for word in TERM.findall(part.split(MARK_END, 1)[0].lower())
    }
    return sum(w for t, w in weights.items() if any(m[:5] == t[:5] for m in marked))


# --- a claim's candidates ----------------------------------------------------------


def relevance(claim_words: Sequence[str], passage_text: str) -> float:
    """How much of the claim a passage covers, 0-100.

    The share of the claim's content words (up to ten of them count) that the
    passage holds, blended with rapidfuzz's token_set_ratio of the two.
    """
    if not claim_words:
        return 0.0
    return _overlap(stems(claim_words), stems(content_words(passage_text)))


def _overlap(wanted: set[str], found: set[str]) -> float:
    """`relevance` of the stems of a claim's words (some) and of a passage's."""
    share = len(wanted & found) / min(len(wanted), 10)
    ratio = fuzz.token_set_ratio(" ".join(sorted(wanted)), " ".join(sorted(found)))
    return round(min(100.0, 70 * share + 0.3 * ratio), 1)


def retrieve(
    claim: Claim,
    store: Store,
    *,
    context: Sequence[str] = (),
    document_ids: Sequence[str] | None = None,
    limit: int = 20,
) -> list[Candidate]:
    """Candidate passages for a claim, most relevant first.

    `context` adds words from around the claim (the sentence before, when
    this one starts with a pronoun) to what relevance is measured against.
    """
    text = _outside_frames(claim)
    # A word a prefix denies is about what the word itself is: "unavoidable" deaths are
    # found, and read, where a source calls them "avoidable".
    words = [lexicon.unprefixed(w) for w in content_words(text)]
    denied = [w for w in words if w not in text]
    query = f"{text} {' '.join(denied)}" if denied else text
    hits = _claim_hits(
        claim, store, query=query, context=context, document_ids=document_ids, limit=limit
    )
    # Values of every candidate; names and neighbouring sentences of the first
    # READ_WHOLE, which the whole-claim reading (coverage.py) reads besides the
    # passage itself (the rest are only read for their values). One call: one
    # round trip to a store on a server.
    read = store.surroundings(list(hits), whole=READ_WHOLE)
    with_context = [*words, *context]
    # Candidates stay in search order (IDF-weighted coverage of the query's terms,
    # then word forms, then bm25), which ranks the gold passage higher than
    # `relevance`, which caps the words that count and so ties long claims at 100
    # (WiCE recall@5 across a corpus: 0.903 against 0.846). `relevance` stays what
    # the judges' cutoffs read.
    candidates = []
    # The person an opening "he" stands for is what the claim is about: a passage that
    # names them shares the claim's own words.
    wanted = stems([*words, *content_words(claim.referent or "")])
    wanted_with_context = stems(with_context)
    for index, (pid, hit) in enumerate(hits.items()):
        said = content_words(f"{hit.text} {subject_title(hit.title)}")
        if index < READ_WHOLE and _LEANS.match(hit.text):
            # "He was fined £6,500": the names of the sentence before say who.
            said += _names(read.around.get(pid, ("", ""))[0])
        found = stems(said)
        found |= _in_other_words(words, wanted - found, said)
        own = _overlap(wanted, found) if words else 0.0
        both = _overlap(wanted_with_context, found) if context and with_context else 0.0
        candidate = Candidate(hit, tuple(read.values.get(pid, ())), max(own, both), own)
        if index < READ_WHOLE:
            before, after = read.around.get(pid, ("", ""))
            entities = tuple(read.entities.get(pid, ()))
            candidate = replace(candidate, entities=entities, before=before, after=after)
        candidates.append(candidate)
    if any(f.kind == FactKind.STATEMENT for f in claim.facts):
        candidates[:WINDOWED] = [
            replace(
                c,
                window_relevance=relevance(
                    words, f"{c.hit.text} {read.following[c.hit.passage_id]}"
                ),
            )
            if c.hit.passage_id in read.following
            else c
            for c in candidates[:WINDOWED]
        ]
    return candidates


# A passage whose subject is a pronoun leans on the sentence before for who it is ("Her
# grandfather ..." is about someone else).
_LEANS = re.compile(r"(?:he|she|they)\b", re.IGNORECASE)


def _names(sentence: str) -> list[str]:
    """The words of a sentence's names, its first word aside: "Graham", "Mackrell",
    "Sheffield", "Wednesday's" of "At the same trial, Graham Mackrell, who was Sheffield
    Wednesday's club secretary ..."."""
    return content_words(" ".join(m.group(0) for m in NAME_WORD.finditer(sentence)))


def _in_other_words(words: Sequence[str], missing: set[str], said: Sequence[str]) -> set[str]:
    """The stems of the claim's words (of `missing`, those the passage does not repeat)
    that the passage states in other words (a synonym, a derived form: "married" /
    "wed"), so that relevance does not miss a passage that paraphrases the claim."""
    plain = [w for w in said if w.isalpha()]
    return {
        stem(w)
        for w in words
        if stem(w) in missing and w.isalpha() and any(_restates(w, p) for p in plain)
    }


@functools.lru_cache(maxsize=262144)
def _restates(claim_word: str, passage_word: str) -> bool:
    """Whether the passage's word is the claim's in other words, not only a more specific
    one (which the judges read for themselves)."""
    found = lexicon.relation(claim_word, passage_word)
    return found in (lexicon.Relation.SYNONYM, lexicon.Relation.DERIVED)


# A title of at most this many words names the page's subject ("Dope (2015 film)"),
# which its sentences leave out ("the film holds a rating of 90%"); a longer one is a
# headline, which says more than any one passage. The words in brackets that tell two
# pages of one name apart do not count: "2020 coronavirus pandemic in New York (state)".
SUBJECT_TITLE_WORDS = 4


def page_name(title: str) -> str:
    """A page's title without the words in brackets at its end that tell it apart from
    pages of the same name: "Dave Navarro" of "Dave Navarro (musician)"."""
    title = title.rstrip()
    if not title.endswith(")") or "(" not in title:
        return title
    return title[: title.rindex("(")].rstrip()


def page_subject(candidate: Candidate) -> frozenset[str]:
    """The stems of the words of a candidate's title when it names what its passages are
    about (`_subject`), else none."""
    return frozenset(stems(content_words(subject_title(candidate.hit.title))))


def subject_title(title: str | None) -> str:
    """The document's title when it names what its passages are about, else ""."""
    if not title or len(content_words(page_name(title))) > SUBJECT_TITLE_WORDS:
        return ""
    return title


def _outside_frames(claim: Claim) -> str:
    """The claim's text with its opinion frames blanked ("It is hard to read without
    anger that ...", "Its central finding should shame everyone responsible:"): what is
    searched for, and what relevance reads."""
    text = claim.text
    for a, b in claim.frames:
        a, b = a - claim.start, b - claim.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _claim_hits(
    claim: Claim,
    store: Store,
    *,
    query: str,
    context: Sequence[str],
    document_ids: Sequence[str] | None,
    limit: int,
) -> dict[int, SearchHit]:
    """The passages found for a claim, by passage id, in the order first found."""
    hits: dict[int, SearchHit] = {}
    for hit in search(
        store,
        query,
        limit=limit,
        document_ids=document_ids,
        max_matches=MAX_MATCHES,
        context=" ".join(context),
    ):
        hits.setdefault(hit.passage_id, hit)
    # A person's name or a quotation is searched as a whole (all its words),
    # and word by word only when that finds nothing: "Anthony AND Walgate"
    # matches a few passages where "Anthony OR Walgate" matches thousands.
    for fact in claim.facts:
        if fact.kind == FactKind.AGE and fact.subject:
            query = fact.subject
        elif fact.kind == FactKind.QUOTE:
            query = fact.text
        else:
            continue
        found = search(store, query, limit=10, document_ids=document_ids, operator="AND")
        if not found:
            found = search(
                store, query, limit=10, document_ids=document_ids, max_matches=MAX_MATCHES
            )
        for hit in found:
            hits.setdefault(hit.passage_id, hit)
    # A time counted from an event the article does not date ("Three and a half months
    # after the intervention, on 19 December 2022") is judged by the event's date in
    # the sources: the passages that tell of the event, nearest the claim's words first.
    for noun in _events_counted_from(claim):
        found = search(
            store,
            f"{noun} {query}",
            limit=EVENT_POOL,
            document_ids=document_ids,
            max_matches=MAX_MATCHES,
        )
        for hit in [h for h in found if event_mentions(h.text, noun)][:EVENT_HITS]:
            hits.setdefault(hit.passage_id, hit)
    return hits


# Passages read for the words of an event a time is counted from, and how many of
# those that tell of it are kept.
EVENT_POOL = 60
EVENT_HITS = 8


def _events_counted_from(claim: Claim) -> list[str]:
    """The events the claim counts a time from that the sources must date (marked by
    the claims reader, `claims.ELAPSED_EVENT`)."""
    return [
        counted[1]
        for fact in claim.facts
        if fact.kind == FactKind.COUNT
        and fact.value is not None
        and (counted := counted_from_event(fact.value.subject)) is not None
    ]
