"""Words against words: lemmas, synonyms, more specific words, derived forms, antonyms.

The judges ask whether a passage states a claim's word in other words
("sacked" / "dismissed"), in a more specific one ("murdered" states
"killed"; "killed" does not state "murdered"), in another form of the same
word ("failed" / "failure"), or says the opposite ("rose" / "fell",
"convicted" / "acquitted"). The relations are Princeton WordNet 3.0's
(licence in data/WORDNET-LICENSE), distilled by bench/build_lexicon.py into
data/lexicon.json.gz and loaded once, on first use (about 0.2 s).

Lemmas come from WordNet's own rules (its lists of irregular forms, then
suffix rules checked against its vocabulary), so no tagger is needed: ingest
leaves spaCy's tagger and lemmatizer out for speed.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

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


@dataclass(frozen=True, slots=True)
class _Lexicon:
    senses: dict[str, tuple[int, ...]]
    hypernyms: dict[int, tuple[int, ...]]
    antonyms: dict[str, frozenset[str]]
    derived: dict[str, frozenset[str]]
    exceptions: dict[str, str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = resources.files("pipeline").joinpath("data/lexicon.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    pairs: dict[str, dict[str, set[str]]] = {"antonyms": {}, "derived": {}}
    for key, table in pairs.items():
        for a, b in data[key]:
            table.setdefault(a, set()).add(b)
            table.setdefault(b, set()).add(a)
    return _Lexicon(
        senses={k: tuple(v) for k, v in data["lemmas"].items()},
        hypernyms={int(k): tuple(v) for k, v in data["hypernyms"].items()},
        antonyms={k: frozenset(v) for k, v in pairs["antonyms"].items()},
        derived={k: frozenset(v) for k, v in pairs["derived"].items()},
        exceptions=data["exceptions"],
    )


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms a word can be: "fell" -> ("fell", "fall"); () when none is known.

    >>> lemmas("officers")
    ('officer',)
    """
    word = word.lower().replace("\u2019", "'")
    lexicon = _lexicon()
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
    lexicon = _lexicon()
    if any(lexicon.antonyms.get(x, frozenset()) & lb for x in la):
        return Relation.ANTONYM
    sa, sb = _senses(a), _senses(b)
    if sa & sb:
        return Relation.SYNONYM
    if sa and _above(b) & sa:
        return Relation.SPECIFIC
    if any(lexicon.derived.get(x, frozenset()) & lb for x in la):
        return Relation.DERIVED
    return None


def states(claim_word: str, source_word: str) -> bool:
    """Whether a passage's word states the claim's (same, synonym, more specific, derived)."""
    found = relation(claim_word, source_word)
    return found is not None and found != Relation.ANTONYM


def opposite(claim_word: str, source_word: str) -> bool:
    """Whether a passage's word is an antonym of the claim's: "rose" / "fell"."""
    return relation(claim_word, source_word) == Relation.ANTONYM
