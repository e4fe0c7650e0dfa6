"""Whose age it is: the person named just before an age ("Anthony Walgate, 23,").

A name comes from NER when a PERSON span ends at the right place, and
otherwise from a run of capitalised words that are not sentence openers,
months, places or organisations, so ages are found without the model too.
"""

from __future__ import annotations

from collections.abc import Sequence

from .numbers import LEXICON
from .tokens import OTHER, WORD, Tokens
from .words import DETERMINERS, MONTHS, PREPOSITIONS, WEEKDAYS

# Capitalised words that start sentences or name places and times, not people.
_NAME_STOP = (
    WEEKDAYS
    | frozenset(MONTHS)
    | PREPOSITIONS
    | DETERMINERS
    | frozenset(LEXICON)
    | frozenset(
        {"a", "an", "and", "but", "or", "so", "yet", "if", "when", "while", "meanwhile",
         "however", "yesterday", "today", "tonight", "tomorrow", "overall", "instead", "later",
         "earlier", "previously", "separately", "finally", "also", "then", "now", "still",
         "currently", "last", "next", "additionally", "furthermore", "moreover", "thus",
         "therefore", "similarly", "consequently", "nonetheless", "nevertheless", "again",
         "recently", "initially", "ultimately", "eventually", "elsewhere", "here", "there",
         "this", "that", "it", "he", "she", "they", "we", "i", "you", "police", "aged", "age",
         "total", "altogether", "together", "both", "some", "many", "most", "only", "just",
         "nearly", "almost", "according", "said", "says", "including", "among", "after",
         "because", "although", "though", "whereas", "where", "who", "what", "which", "why",
         "how", "once", "further", "indeed", "yes", "no", "not", "tuesday's", "inc", "ltd",
         "plc", "uk", "us", "eu", "nhs", "bbc", "itv", "cnn"}
    )
)  # fmt: skip
# Titles before a name, which name nobody by themselves.
TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "cllr"}
)
# A capitalised word after one of these is more likely a place than a person.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "near", "into", "outside", "across", "around", "for", "of",
     "on", "via", "towards"}
)  # fmt: skip
# Tokens after which a capitalised word opens a sentence (or a quotation).
SENTENCE_BREAKS = frozenset(
    {".", "!", "?", ";", ":", '"', "\u201c", "\u201d", "(", "'", "\u2018", "\u2019"}
)
# Words that may follow "Name, 23" when 23 is the person's age.
_AGE_FOLLOW = frozenset(
    {"and", "was", "is", "who", "from", "of", "had", "has", "died", "said", "appeared",
     "admitted", "admits", "denied", "denies", "pleaded", "lived", "lives", "worked", "works",
     "became", "told", "wrote", "also", "now", "then", "will", "would", "could", "went",
     "came", "did", "does", "when", "whose", "were", "but", "or"}
)  # fmt: skip
_AGE_BAD_FOLLOW = frozenset({"%", "-", "/", "£", "$", "€", "¥", "+", "=", "\u00d7", "x", "&"})
_AGE_WAS_FOLLOW = frozenset({"when", "at", "and", ",", ".", ";", ":", ")", "\u2014", "\u2013"})
AGE_WORDS = ("aged", "age")
# Tokens an apposition between a name and "was" may take: ", from Leyland in Lancashire,".
APPOSITION_TOKENS = 10


class Names:
    """Names of people in one text, looked up by where they end."""

    def __init__(self, text: str, tk: Tokens, persons: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.tk = tk
        # PERSON spans by the offset where the name ends, trailing blanks dropped.
        self.person_at_end: dict[int, int] = {}
        for span in persons:
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue
            if not 0 <= start < end <= len(text):
                continue
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                self.person_at_end[end] = start

    def name_before(self, k: int, *, strict_start: bool) -> str | None:
        """The person's name whose last token is `k`, from NER or by capitalisation.

        With `strict_start`, a single capitalised word opening the sentence is not
        taken for a name ("Meanwhile, 40 were hurt").
        """
        tk = self.tk
        if not 0 <= k < tk.n:
            return None
        person_start = self.person_at_end.get(tk.end[k])
        if person_start is not None:
            return self.text[person_start : tk.end[k]]
        first, words = self._capitalised_run(k)
        if first < 0:
            return None
        before = first - 1
        if before >= 0 and tk.kind[before] == WORD and tk.low[before] in _PLACE_PREPOSITIONS:
            return None
        at_start = before < 0 or tk.tok[before] in SENTENCE_BREAKS
        if strict_start and words == 1 and at_start:
            return None
        return self.text[tk.start[first] : tk.end[k]]

    def name_after(self, j: int) -> str | None:
        """The person's name that starts at token `j` ("the 56-year-old Mr Gove said"):
        a name NER gives that starts there, or a title and a capitalised word."""
        tk = self.tk
        if not 0 <= j < tk.n or tk.kind[j] != WORD or not tk.tok[j][:1].isupper():
            return None
        for end, start in self.person_at_end.items():
            if start == tk.start[j]:
                return self.text[start:end]
        if tk.low[j] not in TITLES:
            return None  # "a 29-year-old Stockport man": a place, not the person
        k = j + 2 if tk.is_tok(j + 1, (".",)) else j + 1  # "Mr. Gove"
        last = k
        while last + 1 < tk.n and tk.kind[last + 1] == WORD and tk.tok[last + 1][:1].isupper():
            last += 1
        if k >= tk.n or tk.kind[k] != WORD or not tk.tok[k][:1].isupper():
            return None
        return self.text[tk.start[j] : tk.end[last]]

    def _capitalised_run(self, k: int) -> tuple[int, int]:
        """(first token, number of words) of the capitalised words ending at token `k`.

        At most four words, joined by spaces, hyphens ("Smith-Jones") or a title's
        full stop ("Mr. Port"); (-1, 0) when token `k` does not look like a name.
        """
        tk = self.tk
        first = -1
        words = 0
        j = k
        while j >= 0 and words < 4:
            tok = tk.tok[j]
            if tk.kind[j] != WORD or not tok[0].isupper() or tk.low[j] in _NAME_STOP:
                break
            if j < k and "\n" in self.text[tk.end[j] : tk.start[j + 1]]:
                break  # a heading on the line above is not part of the name
            first = j
            words += 1
            j -= 1
            if tk.is_hyphen(j) and tk.glued(j, j + 1) and tk.glued(j - 1, j):
                j -= 1  # "Smith-Jones"
            elif j >= 1 and tk.tok[j] == "." and tk.glued(j - 1, j) and tk.low[j - 1] in TITLES:
                j -= 1  # "Mr. Port"
            elif j >= 0 and tk.kind[j] != WORD:
                break
        return first, words

    def age_subject(self, s: int) -> str | None:
        """Who an age expression starting at token `s` belongs to.

        Covers "X, a 23-year-old", "X, then a 23-year-old", "X is a 23-year-old", "X
        was 23 years old", "X, who was 23", "X, aged 23" and "X aged 23".
        """
        tk = self.tk
        k = s - 1
        article = tk.is_word(k, ("a", "an"))
        if article:
            k -= 1
            if tk.is_word(k, ("then", "now")) and tk.is_tok(k - 1, (",",)):
                k -= 1  # "Dorris, then a 42-year-old from Beckenham"
            elif tk.is_word(k, ("then",)) and tk.is_word(k - 1, ("by",)):
                k -= 2  # "Dorris, by then a 48-year-old"
        if tk.is_word(k, ("was", "is")):
            k -= 1
            if tk.is_word(k, ("who",)):
                k -= 1
            if tk.is_tok(k, (",",)):
                k -= 1
        elif tk.is_tok(k, (",",)):
            k -= 1
        elif article or tk.low[s] not in AGE_WORDS:
            return None
        return self.name_before(k, strict_start=False)

    def age_after_comma(self, i: int, j: int) -> str | None:
        """The subject of "Name, 23," / "Name, now 23," / "Name, by then 43," / "Name and
        Name, both 23," / "Name (23)" with 23 at tokens i..j-1."""
        tk = self.tk
        if tk.is_tok(i - 1, ("(",)):
            return self.name_before(i - 2, strict_start=False) if tk.is_tok(j, (")",)) else None
        k = i - 1
        if tk.is_word(k, ("now", "then", "both")):
            # "Grimstone and Schilt, both 23,": the age of each, read as the last one's
            k -= 1
            if tk.is_word(k, ("by",)) and tk.is_word(k + 1, ("then",)):
                k -= 1
        if k < 1 or tk.tok[k] != ",":
            return None
        if j >= tk.n:
            comma_like = False
        elif tk.kind[j] == WORD:
            if tk.low[j] not in _AGE_FOLLOW:
                return None
            comma_like = False
        elif tk.kind[j] == OTHER and tk.tok[j] not in _AGE_BAD_FOLLOW:
            comma_like = tk.tok[j] in (",", ")")
        else:
            return None
        return self.name_before(k - 1, strict_start=not comma_like)

    def age_after_was(self, i: int, j: int) -> str | None:
        """The subject of "Port was 41 when ..." / "Port, who was 47, ..." (41 at tokens i..j-1)."""
        tk = self.tk
        if tk.is_word(i - 1, ("just", "only", "barely")):
            i -= 1  # "was just eight"
        if not tk.is_word(i - 1, ("was", "is")):
            return None
        if j < tk.n and tk.low[j] not in _AGE_WAS_FOLLOW:
            return None
        k = i - 2
        if tk.is_word(k, ("who",)):
            k -= 1
            if not tk.is_tok(k, (",",)):
                return None
            k -= 1
        elif tk.is_tok(k, (",",)):
            # An apposition after the name ("Saffie-Rose Roussos, from Leyland in
            # Lancashire, was eight years old") or before it ("The youngest, Saffie-Rose
            # Roussos, was just eight"): the name right before the comma, else the one
            # before the comma that opens the apposition.
            name = self.name_before(k - 1, strict_start=False)
            if name is not None:
                return name
            opening = next(
                (
                    m
                    for m in range(k - 1, max(-1, k - APPOSITION_TOKENS), -1)
                    if tk.is_tok(m, (",",))
                ),
                None,
            )
            return None if opening is None else self.name_before(opening - 1, strict_start=False)
        return self.name_before(k, strict_start=False)
