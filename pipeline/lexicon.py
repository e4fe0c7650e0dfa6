"""Words against words: lemmas, synonyms, more specific words, derived forms, antonyms.

The judges ask whether a passage states a claim's word in other words
("sacked" / "dismissed"), in a more specific one ("murdered" states
"killed"; "killed" does not state "murdered"), in another form of the same
word ("failed" / "failure"), or says the opposite ("rose" / "fell",
"convicted" / "acquitted"). The relations are Princeton WordNet 3.0's
(licence in data/WORDNET-LICENSE), distilled by bench/build_lexicon.py into
data/lexicon.bin and loaded once, on first use.

The file is laid out for loading, not for reading: its words are one
newline-separated text and its sense and hypernym lists flat arrays of
32-bit ids with the offsets of each word's (each sense's) slice, so that
loading is a decompression, a split and a dict of positions (about 30 ms
where parsing the same tables from JSON took 0.3 s, every `claimcheck
verify` paying it). `encode` and `decode` are the format, in this one place.

Lemmas come from WordNet's own rules (its lists of irregular forms, then
suffix rules checked against its vocabulary), so no tagger is needed: ingest
leaves spaCy's tagger and lemmatizer out for speed.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Any

# Levels of hypernyms a passage's word may sit below the claim's and still state it.
SPECIFIC_DEPTH = 2

# WordNet's detachment rules (morphy), by the suffix they take off and what they put back.
_RULES = (
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
    # British spellings against WordNet's American ones.
    ("ised", "ize"),
    ("ise", "ize"),
    ("ises", "ize"),
    ("ising", "ize"),
    ("isation", "ization"),
    ("our", "or"),
    ("lled", "l"),
    ("lling", "l"),
)


class Relation(StrEnum):
    """How a passage's word stands to a claim's word."""

    SAME = "same"  # one lemma: "officers" / "officer"
    SYNONYM = "synonym"  # one sense: "sacked" / "dismissed"
    SPECIFIC = "specific"  # the passage's is a kind of the claim's: "murdered" / "killed"
    DERIVED = "derived"  # another form of the word: "failure" / "failed"
    ANTONYM = "antonym"  # the opposite: "rose" / "fell"


class _Lists:
    """Lists of ids by key, read from a flat array and each key's offsets into it.

    Behaves as the dict of tuples it replaces for `in` and `get`; the tuples
    are made when asked for.
    """

    __slots__ = ("_flat", "_index", "_starts")

    def __init__(self, index: Mapping[Any, int] | None, starts: array[int], flat: array[int]):
        self._index = index  # key -> position; None: the keys are the positions themselves
        self._starts = starts
        self._flat = flat

    def _position(self, key: Any) -> int | None:
        if self._index is None:
            return key if isinstance(key, int) and 0 <= key < len(self._starts) - 1 else None
        return self._index.get(key)

    def __contains__(self, key: object) -> bool:
        return self._position(key) is not None

    def get(self, key: Any, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        i = self._position(key)
        if i is None:
            return default
        return tuple(self._flat[self._starts[i] : self._starts[i + 1]])


class _Related:
    """The lemmas related to a lemma (antonyms, derived forms), from lists of word positions."""

    __slots__ = ("_lists", "_words")

    def __init__(self, words: Sequence[str], lists: _Lists) -> None:
        self._words = words
        self._lists = lists

    def get(self, word: str, default: frozenset[str] = frozenset()) -> frozenset[str]:
        positions = self._lists.get(word)
        return frozenset(self._words[i] for i in positions) if positions else default


@dataclass(frozen=True, slots=True)
class _Lexicon:
    senses: _Lists  # lemma -> ids of its senses
    hypernyms: _Lists  # sense id -> ids of its hypernyms
    antonyms: _Related
    derived: _Related
    exceptions: dict[str, str]
    verb_forms: frozenset[str] = frozenset()  # irregular forms of verbs: "flown", "began"


_MAGIC = b"claimcheck-lexicon 1\n"


def encode(data: Mapping[str, Any]) -> bytes:
    """The lexicon file's bytes for the distilled tables bench/build_lexicon.py makes.

    `data` holds "lemmas" (lemma -> sense ids), "hypernyms" (sense id, as
    text or int -> sense ids), "antonyms" and "derived" (pairs of lemmas,
    each related to the other), "exceptions" (irregular form -> lemma) and
    "verb_forms" (the irregular forms of verbs among them), with "source" and
    "senses" kept in the header. The same tables always give the same bytes.
    """
    words = sorted(data["lemmas"])
    position = {w: i for i, w in enumerate(words)}
    related: dict[str, list[set[int]]] = {}
    for key in ("antonyms", "derived"):
        table: list[set[int]] = [set() for _ in words]
        for a, b in data[key]:
            table[position[a]].add(position[b])
            table[position[b]].add(position[a])
        related[key] = table
    hypernyms = {int(k): v for k, v in data["hypernyms"].items()}
    synsets = 1 + max(
        [*hypernyms, *(i for ids in data["lemmas"].values() for i in ids)], default=-1
    )
    forms = sorted(data["exceptions"])
    sections = {
        "words": "\n".join(words).encode(),
        **_flat("senses", [data["lemmas"][w] for w in words]),
        **_flat("hypernyms", [hypernyms.get(i, ()) for i in range(synsets)]),
        **_flat("antonyms", [sorted(s) for s in related["antonyms"]]),
        **_flat("derived", [sorted(s) for s in related["derived"]]),
        "exception_forms": "\n".join(forms).encode(),
        "exception_lemmas": "\n".join(data["exceptions"][f] for f in forms).encode(),
        "verb_forms": "\n".join(sorted(data.get("verb_forms", ()))).encode(),
    }
    header = {
        "source": data.get("source", ""),
        "senses": data.get("senses"),
        "sections": [[name, len(body)] for name, body in sections.items()],
    }
    payload = b"".join([json.dumps(header).encode(), b"\n", *sections.values()])
    return _MAGIC + gzip.compress(payload, compresslevel=9, mtime=0)


def _flat(name: str, lists: Sequence[Iterable[int]]) -> dict[str, bytes]:
    starts, flat = array("I", [0]), array("I")
    for ids in lists:
        flat.extend(ids)
        starts.append(len(flat))
    if sys.byteorder != "little":
        starts.byteswap()
        flat.byteswap()
    return {f"{name}_starts": starts.tobytes(), name: flat.tobytes()}


def decode(raw: bytes) -> _Lexicon:
    """The lexicon's tables from the bytes `encode` wrote; ValueError for any other bytes."""
    if not raw.startswith(_MAGIC):
        raise ValueError("not a claimcheck lexicon file")
    payload = gzip.decompress(raw[len(_MAGIC) :])
    end = payload.index(b"\n")
    header = json.loads(payload[:end])
    sections: dict[str, bytes] = {}
    at = end + 1
    for name, size in header["sections"]:
        sections[name] = payload[at : at + size]
        at += size

    def ids(name: str) -> array[int]:
        table = array("I")
        table.frombytes(sections[name])
        if sys.byteorder != "little":
            table.byteswap()
        return table

    def lines(name: str) -> list[str]:
        text = sections[name].decode()
        return text.split("\n") if text else []

    words = lines("words")
    index = dict(zip(words, range(len(words)), strict=True))
    return _Lexicon(
        senses=_Lists(index, ids("senses_starts"), ids("senses")),
        hypernyms=_Lists(None, ids("hypernyms_starts"), ids("hypernyms")),
        antonyms=_Related(words, _Lists(index, ids("antonyms_starts"), ids("antonyms"))),
        derived=_Related(words, _Lists(index, ids("derived_starts"), ids("derived"))),
        exceptions=dict(zip(lines("exception_forms"), lines("exception_lemmas"), strict=True)),
        verb_forms=frozenset(lines("verb_forms") if "verb_forms" in sections else ()),
    )


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return decode(resources.files("pipeline").joinpath("data/lexicon.bin").read_bytes())


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms a word can be: "fell" -> ("fell", "fall"); () when none is known.

    >>> lemmas("officers")
    ('officer',)
    """
    word = word.lower().replace("\u2019", "'")
    lexicon = _lexicon()
    if "_" in word:
        # A verb and its particle ("setting_up"): the verb's forms with the particle.
        verb, _, particle = word.partition("_")
        joined = (f"{lemma}_{particle}" for lemma in lemmas(verb))
        return tuple(dict.fromkeys(j for j in joined if j in lexicon.senses))
    found: list[str] = []
    if word in lexicon.senses:
        found.append(word)
    irregular = lexicon.exceptions.get(word)
    if irregular and irregular not in found:
        found.append(irregular)
    for suffix, ending in _RULES:
        if len(word) > len(suffix) + 1 and word.endswith(suffix):
            base = word[: -len(suffix)] + ending
            if base in lexicon.senses and base not in found:
                found.append(base)
    return tuple(found)


# Particles that make a verb another, as the lexicon joins them: "set_up" ("found"),
# "step_down" ("resign"), "turn_down" ("reject").
PARTICLES = ("up", "down", "off", "out", "away", "back", "over", "forward", "aside", "through")
_PHRASAL_VERB = re.compile(rf"(?i)\b([a-z]+)\s{{1,3}}({'|'.join(PARTICLES)})\b")


def phrasal(verb: str, particle: str) -> str | None:
    """The lexicon's word for a verb said with a particle ("setting_up" of "setting",
    "up"), or None when the lexicon has no such verb."""
    joined = f"{verb.lower()}_{particle.lower()}"
    return joined if lemmas(joined) else None


def phrasal_verbs(text: str) -> list[str]:
    """The verbs a text says with a particle that the lexicon knows: "set_up" of "he
    set up the alliance"."""
    return [j for m in _PHRASAL_VERB.finditer(text) if (j := phrasal(m.group(1), m.group(2)))]


def irregular_past(word: str) -> bool:
    """Whether a word is only an irregular form of a verb ("flown", "began", "taken"),
    not a word of its own as well ("lay", "left", "found" are lemmas themselves)."""
    lower = word.lower()
    lexicon = _lexicon()
    return lower in lexicon.verb_forms and lower not in lexicon.senses


def irregular_form(word: str) -> bool:
    """Whether a word is an irregular form of a verb, a word of its own as well or not:
    "kept", "lost", "flown"."""
    return word.lower() in _lexicon().verb_forms


def known(word: str) -> bool:
    """Whether the lexicon knows the word in any form."""
    return bool(lemmas(word))


@lru_cache(maxsize=65536)
def _senses(word: str) -> frozenset[int]:
    lexicon = _lexicon()
    return frozenset(s for lemma in lemmas(word) for s in lexicon.senses.get(lemma, ()))


@lru_cache(maxsize=65536)
def _above(word: str) -> frozenset[int]:
    """The word's senses and their hypernyms up to SPECIFIC_DEPTH levels."""
    hypernyms = _lexicon().hypernyms
    level = set(_senses(word))
    seen = set(level)
    for _ in range(SPECIFIC_DEPTH):
        level = {h for s in level for h in hypernyms.get(s, ())} - seen
        seen |= level
    return frozenset(seen)


# How far up two words may go to meet as kinds of one thing, and how deep in WordNet's
# tree their meeting point must lie: "lorry" and "motorcycle" meet at "motor vehicle"
# (nine levels below the top); "night" and "evening" only at "time period" (four).
KIND_REACH = 2
KIND_MIN_DEPTH = 6
# The commonest senses of a lemma read for its kind: a rare sense ("name" as a famous
# person) makes no kind.
KIND_SENSES = 2


@lru_cache(maxsize=65536)
def _first_senses(word: str) -> frozenset[int]:
    """The KIND_SENSES commonest senses of each of the word's lemmas (its nouns' first)."""
    senses = _lexicon().senses
    return frozenset(s for lemma in lemmas(word) for s in senses.get(lemma)[:KIND_SENSES])


def specific_of_a_rare_sense(word: str, other: str) -> bool:
    """Whether `other` is a more specific word only for one of `word`'s rarer senses, the
    word being a lemma of its own: "neighbours" is one only for a rare sense of "liver"
    (one who lives somewhere), none for the organ. Read as that lemma only, not as more
    "live"; an inflected form ("plays") is read by all its lemmas' senses, as a verb
    with its doer ("quarterback for the Colts" states "plays for the Colts")."""
    lower = word.lower()
    senses = _lexicon().senses
    if lower not in senses:
        return False
    return not set(senses.get(lower)[:KIND_SENSES]) & _above(other.lower())


@lru_cache(maxsize=65536)
def _kinds(word: str) -> dict[int, int]:
    """The hypernyms of the word's commonest senses up to KIND_REACH levels, each with
    its level: a rare sense ("name" as a famous person) makes no kind."""
    hypernyms = _lexicon().hypernyms
    level = set(_first_senses(word))
    found: dict[int, int] = {}
    for up in range(1, KIND_REACH + 1):
        level = {h for s in level for h in hypernyms.get(s, ())}
        for h in level:
            found.setdefault(h, up)
    return found


@lru_cache(maxsize=65536)
def _depth(sense: int) -> int:
    """Levels from a sense up to the top of WordNet's tree, by the shortest way."""
    hypernyms = _lexicon().hypernyms
    level, depth = {sense}, 0
    while depth < KIND_DEPTH and all(hypernyms.get(s) for s in level):
        level = {h for s in level for h in hypernyms.get(s, ())}
        depth += 1
    return depth


@lru_cache(maxsize=65536)
def same_kind(word: str, other: str) -> bool:
    """Whether two words name two things of one specific kind, neither a kind of the
    other nor one another's synonym: "lorry" / "motorcycle" (motor vehicles), "kidney" /
    "liver" (organs); not "night" / "evening" (their kind, a time period, is too wide to
    tell them apart), nor "bombing" / "attack" (a bombing is an attack)."""
    a, b = word.lower(), other.lower()
    if relation(a, b) is not None or relation(b, a) is not None:
        return False
    mine, theirs = _kinds(a), _kinds(b)
    if _first_senses(a) & set(theirs) or _first_senses(b) & set(mine):
        return False
    return any(h in theirs and _depth(h) >= KIND_MIN_DEPTH for h in mine)


# Endings that make a word for a person whatever WordNet's first sense.
_PERSON_ENDINGS = ("man", "men", "woman", "women", "person", "persons")
# Prefixes of a word WordNet lacks that leave a word for a person: "subpostmaster",
# "ex-soldier", "co-founder".
_PERSON_PREFIXES = ("sub", "ex-", "co-", "vice-")
# Levels of hypernyms walked to find what kind of thing a word names.
KIND_DEPTH = 16


@lru_cache(maxsize=65536)
def adverb(word: str) -> bool:
    """An adverb made from a word by "-ly": "normally", "sharply", "terribly"; not
    "early", "reply" or "supply"."""
    return bool(_adverb_roots(word.lower()))


def _adverb_roots(lower: str) -> list[str]:
    """The words an "-ly" adverb is made from, as the lexicon knows them: "normal" of
    "normally", "happy" of "happily", "wide" of "widely", "terrible" of "terribly"."""
    if not lower.endswith("ly") or len(lower) < 6:
        return []
    root = lower[:-2]
    forms = [root, root[:-1] + "y", root + "e"]  # "normal", "happy", "wide"
    if root.endswith(("ib", "ab")):
        forms.append(root + "le")  # "terribly", "probably"
    return [w for w in forms if known(w)]


# Adverbs in "-ly" that say something else than their root: "hardly" is not "hard";
# "mostly" is no quantity ("women who were paid *more*" is not "brought mostly by").
_OTHER_ADVERBS = frozenset(
    "hardly lately shortly nearly barely merely fairly highly really presently largely"
    " early only likely apparently directly mostly partly".split()
)


def _adverb_of(word: str, roots: AbstractSet[str]) -> bool:
    """Whether the word is an adverb made by "-ly" from one of the lemmas `roots`:
    "poorly" of "poor", "intermittently" of "intermittent", "terribly" of "terrible"."""
    if word in _OTHER_ADVERBS:
        return False
    return any(set(lemmas(f)) & roots for f in _adverb_roots(word))


def names_a_person(word: str) -> bool:
    """Whether the word's commonest sense is a kind of person: "gunman", "critics", "son"
    (not "fans", whose first sense is the machine, nor "suicide", first the act)."""
    lower = word.lower()
    for prefix in _PERSON_PREFIXES:
        rest = lower.removeprefix(prefix)
        if rest != lower and len(rest) >= 4 and not known(lower):
            return names_a_person(rest)  # "subpostmasters", "ex-soldier"
    for ending in _PERSON_ENDINGS:
        head = lower.removesuffix(ending)
        if head != lower and len(head) >= 3 and known(head):
            return True  # "gunman", "spokeswoman", "chairmen" (not "omen", "German")
    lexicon = _lexicon()
    person = frozenset(lexicon.senses.get("person", ())[:1])
    if not person:
        return False
    hypernyms = lexicon.hypernyms
    # A word that is a lemma itself is read as that lemma only: "waiting" is the act,
    # whatever "waite" may be.
    forms = (lower,) if lower in lexicon.senses else lemmas(word)
    level = {found[0] for lemma in forms if (found := lexicon.senses.get(lemma, ()))}
    seen = set(level)
    for _ in range(KIND_DEPTH):
        if seen & person:
            return True
        level = {h for s in level for h in hypernyms.get(s, ())} - seen
        if not level:
            return False
        seen |= level
    return bool(seen & person)


# Relations under which two words are one word for a judge: the same lemma, one sense,
# or a derived form ("failed" / "failure").
ONE_WORD = frozenset({Relation.SAME, Relation.SYNONYM, Relation.DERIVED})


# Opposites a newsroom meets that WordNet does not record as antonyms (by lemma).
_OPPOSITES = frozenset(
    frozenset(pair)
    for pair in (
        ("agree", "refuse"),
        ("agree", "decline"),
        ("confirm", "deny"),
        ("support", "oppose"),
        ("back", "oppose"),
        ("allow", "ban"),
        ("permit", "ban"),
        ("survive", "die"),
        ("born", "die"),  # a day of birth is no day of death
        ("birth", "death"),
        ("resume", "suspend"),
        ("approve", "veto"),
        ("expand", "shrink"),
        ("lift", "impose"),
        ("uphold", "overturn"),
        ("uphold", "quash"),  # a court quashes a verdict or upholds it
        ("praise", "condemn"),
        ("welcome", "condemn"),
        # who was hurt and who was killed are told apart in every report of an attack
        ("injure", "kill"),
        ("injure", "murder"),
        ("injure", "die"),
        ("wound", "kill"),
        # a court's outcomes: cleared of a charge, or convicted and sent to prison
        ("clear", "jail"),
        ("clear", "convict"),
        ("clear", "imprison"),
        ("acquit", "jail"),
        ("acquit", "imprison"),
        ("clear", "accuse"),  # cleared of a charge, or accused of it
        # a vote's outcomes
        ("win", "lose"),
        ("pass", "reject"),
        # a request's outcomes: permission granted or refused, a contract renewed or ended
        ("grant", "refuse"),
        ("renew", "terminate"),
        ("renew", "cancel"),
        # which way a tax, a budget or a service went
        ("raise", "cut"),
        ("increase", "cut"),
        ("expand", "reduce"),
        ("expansion", "reduction"),
        # which way money went: earned or lost
        ("earn", "lose"),
        ("earn", "cost"),  # "the failures had cost it substantial sums"
    )
)

# Words a newsroom writes for one another that WordNet keeps apart (by lemma), read as
# one word both ways: "apologised" / "said he was sorry", "blamed on" / "caused by",
# "backed the plan" / "approved it", "a flop" / "a failure". Only pairs where either
# word, said of the same event, reports the other; never a word and a stronger one
# ("killed" / "died").
_EQUIVALENTS = frozenset(
    frozenset(pair)
    for pair in (
        ("apologize", "sorry"),
        ("apologise", "sorry"),
        ("worry", "concern"),
        ("worried", "concerned"),
        ("back", "approve"),
        ("endorse", "approve"),
        ("pass", "approve"),
        ("flop", "failure"),
        ("minister", "government"),  # "Ministers accepted" / "the government accepted"
        ("gross", "earn"),  # a film "grossed $55 million" / "earned $55.3 million"
        ("collect", "gross"),  # a film "collected 112 crore" / "grossed 112.69 crore"
        ("unfavorable", "negative"),  # "unfavorable reviews" / "negative reviews"
        ("unfavourable", "negative"),
        ("favorable", "positive"),  # "received favorable reviews" / "positive reviews"
        ("favourable", "positive"),
        ("ceiling", "maximum"),  # "raised the ceiling on" / "raise the maximum that"
        ("ceiling", "limit"),
        ("cap", "limit"),
        ("initially", "originally"),  # "initially signed with" / "originally signed by"
        ("arrest", "detain"),
        ("blame", "cause"),
        ("drop", "abandon"),  # "the advice should have been dropped" / "abandoned"
        ("scrap", "abandon"),
        ("withdraw", "revoke"),  # "not withdrawn until 2.47am" / "not revoked until"
        ("fast", "rapidly"),  # "spread so fast" / "spread so rapidly"
        ("quickly", "rapidly"),
        ("every", "all"),  # "every one of the deaths" / "all of the deaths"
        ("each", "every"),
        ("collapse", "liquidation"),  # a company that "collapsed" / "went into liquidation"
        ("globally", "worldwide"),  # "sold 16 million copies globally" / "worldwide"
        ("gap", "shortfall"),  # "a gap of about £87m" / "a shortfall of about £87m"
        ("shortfall", "deficit"),
        ("normally", "usual"),  # "would normally have to hold" / "under the usual rules"
        ("rubbish", "waste"),  # "rubbish will be collected" / "household waste"
        ("normal", "usual"),  # "just under the usual speed" / "the normal permitted speed"
        ("stretch", "section"),  # "that stretch" of line / "that section of line"
        ("toll", "casualty"),  # "the toll would have been higher" / "the number of casualties"
        ("large", "high"),  # "the largest penalty ever" / "the highest that it has ever had to pay"
        ("fan", "supporter"),  # "2,000 fans came through" / "2,000 supporters came in"
        ("count", "offence"),  # "faced four counts of misconduct" / "charged with four offences"
        ("count", "charge"),  # "four counts of fraud" / "four charges of fraud"
        ("quash", "overturn"),  # "quashed 39 convictions" / "have convictions overturned"
        ("slate", "schedule"),  # "slated for release in May" / "scheduled for release"
        ("succumb", "die"),  # "succumbed to his injuries" / "died of his injuries"
        ("premiere", "release"),  # a film "premiered" / was "released" on 2 September 2016
        ("premiere", "debut"),
        ("premiere", "air"),  # an episode "premiered" / "aired" on June 19, 2016
        ("sell", "sale"),  # "had sold 35 million albums" / "its sales stand at 35 million"
        ("locate", "headquarter"),  # "is located in Dongguan" / "headquartered in Dongguan"
        ("base", "headquarter"),
        ("mainly", "mostly"),  # "mainly negative reviews" / "mostly negative reviews"
        ("mainly", "largely"),
        ("primarily", "mostly"),
        ("lawyer", "defence"),  # "his lawyers argued" / "Hill's defence ... argued"
        ("lawyer", "defense"),
        ("rise", "increase"),  # "cases rose by 475" / "an increase of 475"
        ("fall", "decrease"),  # "sales fell by 5%" / "decreased by 5%"
        ("fall", "decline"),
    )
)

# A state and the deeds that leave it (by lemma), read one way: "killed" and "died" say
# that someone is "dead", "killed" that they "died", "survived" that they are "alive";
# "dead" says neither how nor that anyone killed them.
_LEAVES = frozenset(
    (state, deed)
    for state, deeds in (
        ("dead", ("die", "kill", "murder", "death")),
        ("die", ("kill", "murder")),
        ("alive", ("survive",)),
    )
    for deed in deeds
)

# Phrases that say what one verb says, by that verb's lemma: a court's "found him
# guilty" convicts, its "found not guilty" and "cleared of" acquit.
_PHRASES = (
    (re.compile(r"\bfound\s+(?:\w+\s+){0,2}?not\s+guilty\b", re.IGNORECASE), "acquit"),
    (re.compile(r"\bfound\s+(?:\w+\s+){0,2}?guilty\b", re.IGNORECASE), "convict"),
    (re.compile(r"\bcleared\s+(?:[\w-]+\s+){0,2}?of\b", re.IGNORECASE), "acquit"),
    # "was made a CBE", "made chief constable": appointed to an honour or a post.
    (
        re.compile(
            r"\bmade\s+(?:an?\s+)?(?:[A-Z]{3}\b|(?i:dame|knight|peer|life\s+peer|fellow|chief"
            r"|chair|chairman|chairwoman|president|director|captain|partner|head|commissioner)\b)"
        ),
        "appoint",
    ),
    # A law's "comes into force" and "takes effect" say it is enforced.
    (
        re.compile(
            r"\b(?:(?:come|comes|came|coming|enter|enters|entered|entering)\s+into\s+force"
            r"|(?:take|takes|took|taken|taking)\s+effect)\b",
            re.IGNORECASE,
        ),
        "enforce",
    ),
)


def phrases(text: str) -> list[tuple[str, int, int]]:
    """The verbs that phrases of a text say, each with the phrase's offsets:
    ("convict", ...) for "found him guilty"."""
    found: list[tuple[str, int, int]] = []
    for pattern, lemma in _PHRASES:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for _, s, e in found):
                found.append((lemma, m.start(), m.end()))
    return found


def equivalent(claim_word: str, source_word: str) -> bool:
    """Whether two words are one of the pairs a newsroom writes for one another that
    WordNet keeps apart (`_EQUIVALENTS`): "normally" / "usual", "flop" / "failure"."""
    la, lb = set(lemmas(claim_word.lower())), set(lemmas(source_word.lower()))
    return any(frozenset((x, y)) in _EQUIVALENTS for x in la for y in lb)


@lru_cache(maxsize=262144)
def relation(claim_word: str, source_word: str) -> Relation | None:
    """How `source_word` (in a passage) stands to `claim_word` (in a claim), or None.

    Directional for SPECIFIC: a passage's more specific word states the
    claim's general one, not the other way round.
    """
    a, b = claim_word.lower(), source_word.lower()
    if a == b:
        return Relation.SAME
    la, lb = set(lemmas(a)), set(lemmas(b))
    if la & lb:
        return Relation.SAME
    if _antonyms(a) & lb:
        return Relation.ANTONYM
    if any(frozenset((x, y)) in _OPPOSITES for x in la for y in lb):
        return Relation.ANTONYM
    if _negative_prefix(a, b) or _negative_prefix(b, a):
        return Relation.ANTONYM
    if equivalent(a, b):
        return Relation.SYNONYM
    # An antonym of a word the other is read as: "smallest" / "highest", as "large" is.
    if any(frozenset((x, y)) in _EQUIVALENTS for x in _antonyms(a) for y in lb) or any(
        frozenset((x, y)) in _EQUIVALENTS for x in _antonyms(b) for y in la
    ):
        return Relation.ANTONYM
    sa, sb = _senses(a), _senses(b)
    if sa & sb:
        return Relation.SYNONYM
    if _denies_a_synonym(a, b) or _denies_a_synonym(b, a):
        return Relation.ANTONYM  # "unhurt" / "injured", as "hurt" / "injured"
    # WordNet's indirect antonyms: an antonym of one word is a synonym of the other
    # ("approved" / "rejected", as "disapprove" is a sense of "reject").
    if _antonym_senses(a) & sb or _antonym_senses(b) & sa:
        return Relation.ANTONYM
    if sa and _above(b) & sa:
        return Relation.SPECIFIC
    if any((x, y) in _LEAVES for x in la | {a} for y in lb | {b}):
        return Relation.SPECIFIC  # "killed" states "dead"
    # A derived form, or an adverb of its adjective: "poorly designed" / "the poor design".
    if _derived(a) & lb or _adverb_of(a, lb) or _adverb_of(b, la):
        return Relation.DERIVED
    # A derived form of one word is a synonym of the other: "imprisonment" (from
    # "imprison") states "jailed"; "conviction" (from "convict") states "convicted".
    if _derived_senses(a) & sb or _derived_senses(b) & sa:
        return Relation.DERIVED
    return None


# Each word's antonyms and derived forms (over all its lemmas), and their senses: read
# once per word, as `relation` is asked about each word against many.
@lru_cache(maxsize=131072)
def _linked(word: str, table: str) -> frozenset[str]:
    """The lemmas a word's lemmas link to in one table ("antonyms" or "derived")."""
    links = getattr(_lexicon(), table)
    return frozenset(y for x in lemmas(word) for y in links.get(x, frozenset()))


@lru_cache(maxsize=131072)
def _linked_senses(word: str, table: str) -> frozenset[int]:
    senses = _lexicon().senses
    return frozenset(s for y in _linked(word, table) for s in senses.get(y, ()))


def _antonyms(word: str) -> frozenset[str]:
    return _linked(word, "antonyms")


def _antonym_senses(word: str) -> frozenset[int]:
    return _linked_senses(word, "antonyms")


def _derived(word: str) -> frozenset[str]:
    return _linked(word, "derived")


def _derived_senses(word: str) -> frozenset[int]:
    return _linked_senses(word, "derived")


def derived(word: str, other: str) -> bool:
    """Whether WordNet links a lemma of one word to a lemma of the other as a derived
    form ("died" / "death", "settled" / "settlement"), directly: not through a synonym
    of either, as `relation`'s DERIVED also reads ("found" / "collapse")."""
    a, b = word.lower(), other.lower()
    return bool(_derived(a) & set(lemmas(b)) or _derived(b) & set(lemmas(a)))


# Prefixes that deny the word they open, when the rest is a word of its own:
# "unavoidable" / "avoidable", "unarmed" / "armed", "non-violent" / "violent" (WordNet
# lists only some of these pairs as antonyms).
_NEGATIVE_PREFIXES = ("un", "non-", "non")


def unprefixed(word: str) -> str:
    """The word a denying prefix opens ("avoidable" of "unavoidable"), else the word."""
    lower = word.lower()
    for prefix in _NEGATIVE_PREFIXES:
        rest = lower[len(prefix) :]
        if lower.startswith(prefix) and len(rest) >= 4 and known(rest):
            return rest
    return word


def _negative_prefix(word: str, other: str) -> bool:
    """Whether `word` is `other` with a prefix that denies it."""
    if len(word) <= len(other) or not word.endswith(other):
        return False
    return any(
        word == prefix + other and len(other) >= 4 and known(other) for prefix in _NEGATIVE_PREFIXES
    )


def _denies_a_synonym(word: str, other: str) -> bool:
    """Whether `word` is a denying prefix on a word of `other`'s sense: "unhurt" (un-
    "hurt") against "injured"."""
    rest = unprefixed(word)
    # Read both ways: a word and a kind of it are too far apart ("uncover" / "swabs").
    return rest.lower() != word.lower() and states(rest, other) and states(other, rest)


def states(claim_word: str, source_word: str) -> bool:
    """Whether a passage's word states the claim's (same, synonym, more specific, derived)."""
    found = relation(claim_word, source_word)
    return found is not None and found != Relation.ANTONYM


def opposite(claim_word: str, source_word: str) -> bool:
    """Whether a passage's word is an antonym of the claim's: "rose" / "fell"."""
    return relation(claim_word, source_word) == Relation.ANTONYM
