"""Typed values in news text: counts, ages, dates, money, percentages, ordinals, numbers.

`find_values` scans a sentence and returns one `Value` per span, the most
specific reading winning: money, percentages, ages and dates over counts, counts
over bare numbers. `parse_number`, `parse_ordinal` and `parse_date` read a whole
string. `singular` is the rule used for counted nouns, exposed so that other
stages compare units the same way.

The text is split by a single regular expression whose repetitions cannot
backtrack into one another, and everything after that walks the token list with
bounded look-ahead and look-behind, so the cost is linear in the length of the
text. Nothing here raises on any input string: what is not understood is skipped
(or `None`), and numbers too large for a float are dropped rather than kept as
infinity.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from pipeline.records import Granularity, Value, ValueKind

__all__ = [
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "compare_dates",
    "compare_numbers",
    "date_interval",
    "date_span",
    "find_values",
    "interval",
    "parse_date",
    "parse_number",
    "parse_ordinal",
    "singular",
]

# --- vocabulary ---------------------------------------------------------------

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, **_UNITS, **_TEENS, **_TENS, "hundred": 100, **_SCALES, "dozen": 12,
}  # fmt: skip
"""Cardinal number words `parse_number` understands, with their values."""

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 10**3,
    "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
"""Ordinal words `parse_ordinal` understands, with their values."""

# Word classes of the number grammar.
_ZERO, _UNIT, _TEEN, _TENS_CLS, _HUNDRED, _SCALE, _DOZEN = range(7)


def _word_class(value: int) -> int:
    if value == 0:
        return _ZERO
    if value < 10:
        return _UNIT
    if value < 20:
        return _TEEN
    if value < 100:
        return _TENS_CLS
    return _HUNDRED if value == 100 else _SCALE


# word -> (class, value, is_ordinal)
_LEXICON: dict[str, tuple[int, int, bool]] = {
    word: (_DOZEN if word == "dozen" else _word_class(value), value, False)
    for word, value in NUMBER_WORDS.items()
}
_LEXICON.update({word: (_word_class(value), value, True) for word, value in ORDINAL_WORDS.items()})
_GROUP_START = frozenset({_UNIT, _TEEN, _TENS_CLS})

# States of the number grammar.
_S_START, _S_A, _S_UNIT, _S_TENS, _S_TENS_UNIT, _S_HUNDRED, _S_AND, _S_SCALE, _S_DONE = range(9)
_CAN_MULTIPLY = frozenset({_S_UNIT, _S_TENS, _S_TENS_UNIT, _S_A})
_CAN_ADD = frozenset({_S_START, _S_HUNDRED, _S_AND, _S_SCALE})

_SUFFIX_EXP = {"k": 3, "m": 6, "mn": 6, "bn": 9, "tn": 12}  # only when glued to the digits
_SCALE_EXP = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

_CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY"}
_DOLLAR_PREFIXES = {"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "NZ": "NZD", "HK": "HKD"}
_CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
}  # fmt: skip
_CURRENCY_CODES = frozenset({"GBP", "USD", "EUR", "JPY", "CHF", "AUD", "CAD"})

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS = frozenset(
    k for k in _MONTHS if len(k) <= 4 and k not in {"may", "june", "july"}
)
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_DATE_LEADERS = frozenset(
    {"in", "on", "since", "by", "during", "from", "until", "till", "of", "the", "before",
     "after", ","} | _WEEKDAYS
)  # fmt: skip
# Before these a 19xx/20xx number is a year even when a plural noun follows
# ("in 2016 officers ...", "the 2016 elections").
_YEAR_CUES = frozenset(
    {"in", "since", "by", "during", "from", "until", "till", "of", "before", "after",
     "the", "this", "that", "its", "his", "her", "their", "our", "last", "next", "mid",
     "early", "late", "spring", "summer", "autumn", "winter"}
)  # fmt: skip

_QUALIFIERS: dict[int, frozenset[tuple[str, ...]]] = {
    3: frozenset({("as", "many", "as"), ("as", "much", "as"), ("in", "excess", "of"),
                  ("as", "few", "as")}),
    2: frozenset({("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"),
                  ("at", "most"), ("up", "to"), ("just", "over"), ("just", "under"),
                  ("well", "over"), ("close", "to"), ("upwards", "of"), ("an", "estimated"),
                  ("just", "below"), ("just", "above"), ("older", "than"), ("younger", "than")}),
    1: frozenset({("over",), ("almost",), ("nearly",), ("about",), ("around",),
                  ("approximately",), ("under",), ("some",), ("roughly",), ("approx",),
                  ("circa",)}),
}  # fmt: skip

_DETERMINERS = frozenset(
    {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "all"}
)
_PREPOSITIONS = frozenset(
    {"of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under",
     "per", "between", "about", "after", "before", "since", "during", "than", "as", "against",
     "among", "up", "out", "off", "down", "through", "across", "near", "within", "without",
     "towards", "toward", "upon", "until", "till", "via", "including", "like", "around",
     "behind", "beyond", "inside", "outside", "above", "below", "past", "ago"}
)  # fmt: skip
# Words that cannot be (or begin) the counted noun after a number.
_NOT_NOUN = (
    _PREPOSITIONS
    | _DETERMINERS
    | _WEEKDAYS
    | frozenset(_MONTHS)
    | frozenset(_LEXICON)
    | frozenset(
        {"a", "an", "and", "or", "but", "nor", "so", "yet", "if", "that", "which", "who",
         "whom", "whose", "when", "where", "while", "why", "how", "what", "this", "it", "he",
         "she", "they", "we", "i", "you", "them", "him", "me", "us", "itself", "himself",
         "herself", "themselves", "was", "were", "is", "are", "be", "been", "being", "has",
         "have", "had", "having", "will", "would", "could", "should", "may", "might", "must",
         "can", "shall", "do", "does", "did", "not", "no", "percent", "cent", "pc", "per",
         "another", "other", "others", "each", "every", "any", "both", "more", "most", "less",
         "least", "such", "own", "same", "then", "too", "very", "just", "only", "also", "even",
         "still", "already", "again", "later", "earlier", "there", "here", "thus", "hence",
         "whereas", "unless", "besides", "perhaps", "always", "yes", "times", "o'clock",
         "said", "says", "told", "tells", "died", "dies", "left", "went", "goes", "came",
         "comes", "became", "becomes", "remain", "remains", "remained", "including", "respectively",
         "altogether", "apiece", "instead", "ago", "away", "together", "am", "pm"}
    )
)  # fmt: skip
_VERBISH = frozenset(
    {"said", "says", "told", "made", "got", "took", "gave", "saw", "knew", "thought", "found",
     "began", "kept", "held", "brought", "felt", "put", "set", "lost", "paid", "met", "sent",
     "built", "spent", "won", "sat", "stood", "led", "heard", "meant", "fell", "ran", "grew",
     "rose", "shot", "hit", "cut", "let", "became", "come", "go", "get", "see", "say"}
)  # fmt: skip
_IRREGULAR_PLURALS = frozenset(
    {"men", "women", "people", "children", "police", "staff", "feet", "teeth", "mice",
     "geese", "personnel", "cattle", "sheep", "deer", "aircraft", "offspring", "folk"}
)  # fmt: skip
_SINGULAR = {
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "thieves": "thief", "wolves": "wolf", "shelves": "shelf",
    "loaves": "loaf", "calves": "calf", "buses": "bus", "viruses": "virus",
    "bonuses": "bonus", "campuses": "campus", "statuses": "status", "gases": "gas",
    "crises": "crisis", "analyses": "analysis", "theses": "thesis", "series": "series",
    "species": "species", "news": "news", "means": "means", "headquarters": "headquarters",
    "barracks": "barracks", "whereabouts": "whereabouts", "crossroads": "crossroads",
    "people": "people", "police": "police", "staff": "staff", "data": "data",
}  # fmt: skip
_MAN_COMPOUNDS = frozenset(
    {"police", "fire", "gun", "business", "chair", "spokes", "service", "fisher", "sports",
     "trades", "crafts", "congress", "clergy", "horse", "lines", "country", "mad", "watch",
     "noble", "kins", "fresh", "sales", "middle", "fore", "handy", "committee", "alder",
     "postal", "post", "bar", "camera", "news", "lay", "lengths", "states", "frontier"}
)  # fmt: skip
_CHES_KEEP_E = frozenset(
    {"aches", "headaches", "caches", "moustaches", "mustaches", "niches", "avalanches",
     "cliches", "psyches", "earaches", "toothaches", "backaches", "stomachaches"}
)  # fmt: skip

# Capitalised words that start sentences or name places and times, not people.
_NAME_STOP = (
    _WEEKDAYS
    | frozenset(_MONTHS)
    | _PREPOSITIONS
    | _DETERMINERS
    | frozenset(_LEXICON)
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
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev"})
# A capitalised word after one of these is more likely a place than a person.
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "near", "into", "outside", "across", "around", "for", "of",
     "on", "via", "towards"}
)  # fmt: skip
_SENTENCE_BREAKS = frozenset(
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
_IDENTIFIER_OK = frozenset({"mid", "pre", "post", "early", "late"})

# --- tokens ---------------------------------------------------------------------

_NUM, _WORD, _OTHER = 0, 1, 2

_TOKEN_RE = re.compile(
    # A thousands separator only before exactly three digits, so "1,2" is two numbers.
    # Each comma group begins with a comma, so the groups cannot trade characters and
    # the look-ahead costs at most one step of backtracking per group.
    r"([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)"
    r"|([^\W\d_]+(?:['\u2019][^\W\d_]+)?)"
    r"|(\S)"
)
# Numbers inside web addresses are path segments, not values.
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


class _Tokens:
    """The text split into numbers, words and single other characters."""

    __slots__ = ("end", "kind", "low", "n", "start", "tok")

    def __init__(self, text: str) -> None:
        kind: list[int] = []
        tok: list[str] = []
        start: list[int] = []
        end: list[int] = []
        for match in _TOKEN_RE.finditer(text):
            kind.append(match.lastindex - 1)  # type: ignore[operator]
            tok.append(match.group())
            start.append(match.start())
            end.append(match.end())
        self.kind = kind
        self.tok = tok
        self.start = start
        self.end = end
        # Lower-cased only for look-ups; offsets always come from the original text.
        self.low = [t.lower() if k == _WORD else t for k, t in zip(kind, tok, strict=True)]
        self.n = len(tok)

    def glued(self, a: int, b: int) -> bool:
        """Whether token `b` starts exactly where token `a` ends (no space between)."""
        return 0 <= a < self.n and 0 <= b < self.n and self.end[a] == self.start[b]

    def is_word(self, i: int, words: frozenset[str] | dict[str, object]) -> bool:
        return 0 <= i < self.n and self.kind[i] == _WORD and self.low[i] in words

    def is_hyphen(self, i: int) -> bool:
        return 0 <= i < self.n and self.tok[i] in _HYPHENS


# --- numbers --------------------------------------------------------------------


class _Phrase(NamedTuple):
    value: float
    end: int  # index of the first token after the phrase
    ordinal: bool = False
    glued_word: bool = False  # digits run straight into an unknown word: "5kg", "1990s"
    scaled: bool = False
    words: bool = False


def _digits_phrase(tk: _Tokens, i: int) -> _Phrase | None:
    digits = tk.tok[i].replace(",", "")
    j = i + 1
    exp = 0
    if j < tk.n and tk.kind[j] == _WORD:
        low = tk.low[j]
        if tk.glued(i, j):
            if low in _SUFFIX_EXP:
                exp = _SUFFIX_EXP[low]
                j += 1
            elif low in _ORDINAL_SUFFIXES and digits.isdigit():
                # int() refuses very long digit strings; no ordinal is that long anyway.
                if len(digits) > 18:
                    return None
                return _Phrase(float(int(digits)), j + 1, ordinal=True)
            else:
                value = float(digits)
                return _Phrase(value, j, glued_word=True) if math.isfinite(value) else None
        elif low in _SCALE_EXP:
            exp = _SCALE_EXP[low]
            j += 1
    # Scaling through the exponent keeps "1.1 million" exact (1.1 * 1e6 is not).
    value = float(f"{digits}e{exp}") if exp else float(digits)
    if not math.isfinite(value):
        return None
    return _Phrase(value, j, scaled=exp > 0)


def _words_phrase(tk: _Tokens, i: int) -> _Phrase | None:
    """Read a number in words starting at token `i`, greedily, by a small grammar.

    The grammar accepts what a person writes ("one hundred and five", "twenty-three",
    "three hundred and forty-two thousand, five hundred", "a dozen", "two dozen",
    "nineteen hundred"), and stops at the first word that would not continue the
    number, so "one two" is the number one followed by another number.
    """
    n, low, kind = tk.n, tk.low, tk.kind
    total = 0
    group = 0
    hundreds = False
    last_scale = 10**15
    state = _S_START
    j = i
    if low[j] in ("a", "an"):
        nxt = _LEXICON.get(low[j + 1]) if j + 1 < n and kind[j + 1] == _WORD else None
        if nxt is None or nxt[0] not in (_HUNDRED, _SCALE, _DOZEN) or tk.glued(j, j + 1):
            return None
        state, group, j = _S_A, 1, j + 1
    ordinal = False
    while j < n and kind[j] == _WORD:
        entry = _LEXICON.get(low[j])
        if entry is None:
            break
        cls, value, is_ordinal = entry
        if cls == _ZERO:
            if state != _S_START:
                break
            state = _S_DONE
        elif cls == _UNIT:
            if state in _CAN_ADD:
                group += value
                state = _S_UNIT
            elif state == _S_TENS:
                group += value
                state = _S_TENS_UNIT
            else:
                break
        elif cls in (_TEEN, _TENS_CLS):
            if state not in _CAN_ADD:
                break
            group += value
            state = _S_UNIT if cls == _TEEN else _S_TENS
        elif cls == _HUNDRED:
            if state in _CAN_MULTIPLY and not hundreds and 0 < group < 100:
                group *= 100
            elif state == _S_START and is_ordinal:
                group = 100
            else:
                break
            hundreds = True
            state = _S_HUNDRED
        elif cls == _SCALE:
            if state in _CAN_MULTIPLY or state == _S_HUNDRED:
                if group <= 0 or value >= last_scale:
                    break
                total += group * value
            elif state == _S_START and is_ordinal:
                total += value
            else:
                break
            group, hundreds, last_scale, state = 0, False, value, _S_SCALE
        else:  # dozen
            if total or hundreds or state not in (_S_START, _S_A, _S_UNIT, _S_TENS, _S_TENS_UNIT):
                break
            group = (group or 1) * 12
            state = _S_DONE
        j += 1
        if is_ordinal:
            ordinal = True
            break
        if state == _S_DONE or j >= n:
            break
        # What may join this word to the next one.
        tok = tk.tok[j]
        if tok in _HYPHENS:
            if state != _S_TENS or not tk.glued(j - 1, j) or not tk.glued(j, j + 1):
                break
            nxt = _LEXICON.get(low[j + 1])
            if nxt is None or nxt[0] != _UNIT or kind[j + 1] != _WORD:
                break
            j += 1
        elif tok == ",":
            if state != _S_SCALE or j + 1 >= n or kind[j + 1] != _WORD or tk.glued(j, j + 1):
                break
            nxt = _LEXICON.get(low[j + 1])
            if nxt is None or nxt[0] not in _GROUP_START:
                break
            j += 1
        elif low[j] == "and":
            if state not in (_S_HUNDRED, _S_SCALE) or j + 1 >= n or kind[j + 1] != _WORD:
                break
            nxt = _LEXICON.get(low[j + 1])
            if nxt is None or nxt[0] not in _GROUP_START:
                break
            state = _S_AND
            j += 1
    if state in (_S_START, _S_A, _S_AND):
        return None
    return _Phrase(float(total + group), j, ordinal=ordinal, words=True)


def _phrase(tk: _Tokens, i: int) -> _Phrase | None:
    """The number (digits or words) starting at token `i`, or None."""
    if tk.kind[i] == _NUM:
        return _digits_phrase(tk, i)
    if tk.kind[i] == _WORD and (tk.low[i] in _LEXICON or tk.low[i] in ("a", "an")):
        return _words_phrase(tk, i)
    return None


def parse_number(text: str) -> float | None:
    """The number a whole string spells, or None if it is not (only) a number.

    Accepts digits with thousands commas and decimals ("1,234", "2.5"), English
    number words in any case ("Seventeen", "twenty-three", "one hundred and five",
    "a dozen", "two dozen", "a million"), a scale word or a suffix glued to the
    digits ("2.5 million", "24m", "3bn", "40k") and an optional leading currency
    symbol ("£24m"). Ordinals, negative numbers and vague amounts ("dozens",
    "half") are None, as is a number too large for a float.
    """
    tk = _Tokens(text)
    if tk.n == 0:
        return None
    i = 1 if tk.n > 1 and tk.tok[0] in _CURRENCY_SYMBOLS else 0
    phrase = _phrase(tk, i)
    if phrase is None or phrase.ordinal or phrase.glued_word or phrase.end != tk.n:
        return None
    return phrase.value


def parse_ordinal(text: str) -> int | None:
    """The ordinal a whole string spells ("third" -> 3, "twenty-first" -> 21, "22nd" -> 22).

    The suffix of a digit ordinal is not checked against the number, so "22th"
    is read as 22 too; cardinals ("three") are None.
    """
    tk = _Tokens(text)
    if tk.n == 0:
        return None
    phrase = _phrase(tk, 0)
    if phrase is None or not phrase.ordinal or phrase.end != tk.n:
        return None
    return int(phrase.value)


# --- dates ----------------------------------------------------------------------


class _Date(NamedTuple):
    iso: str | None  # None: a day and month without a year, to be skipped
    granularity: Granularity | None
    end: int


def _small_int(tk: _Tokens, i: int, max_len: int) -> int | None:
    if 0 <= i < tk.n and tk.kind[i] == _NUM and len(tk.tok[i]) <= max_len:
        tok = tk.tok[i]
        if tok.isdigit():
            return int(tok)
    return None


def _year_at(tk: _Tokens, i: int) -> int | None:
    if 0 <= i < tk.n and tk.kind[i] == _NUM and len(tk.tok[i]) == 4 and tk.tok[i].isdigit():
        year = int(tk.tok[i])
        if 1000 <= year <= 2999 and not tk.is_word(i + 1, _ORDINAL_SUFFIXES):
            return year
    return None


def _month_at(tk: _Tokens, i: int, strict: bool) -> tuple[int, int] | None:
    """(month, index after it) for a month name or abbreviation at token `i`."""
    if not tk.is_word(i, _MONTHS) or (strict and not tk.tok[i][0].isupper()):
        return None
    end = i + 1
    if tk.low[i] in _MONTH_ABBREVIATIONS and end < tk.n and tk.tok[end] == "." and tk.glued(i, end):
        end += 1
    return _MONTHS[tk.low[i]], end


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _day_iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _numeric_date(tk: _Tokens, i: int) -> _Date | None:
    """ISO "2016-11-23", or "23/11/2016" read day first (British) unless that is invalid."""
    if i + 4 >= tk.n:
        return None
    sep = tk.tok[i + 1]
    if sep not in ("-", "/") or sep != tk.tok[i + 3] or tk.kind[i + 2] != _NUM:
        return None
    if not all(tk.glued(k, k + 1) for k in range(i, i + 4)):
        return None
    if sep == "-":
        year, month, day = _year_at(tk, i), _small_int(tk, i + 2, 2), _small_int(tk, i + 4, 2)
    else:
        day, month, year = _small_int(tk, i, 2), _small_int(tk, i + 2, 2), _year_at(tk, i + 4)
        if day is not None and month is not None and month > 12 and day <= 12:
            day, month = month, day
    if year is None or month is None or day is None or not 1 <= month <= 12:
        return None
    if not _valid_day(year, month, day):
        return None
    return _Date(_day_iso(year, month, day), Granularity.DAY, i + 5)


def _date_at(tk: _Tokens, i: int, *, strict: bool) -> _Date | None:
    """A date starting at token `i`: day month year, month day year, month year, ISO.

    `strict` asks for capitalised month names, as running text has them ("May" the
    month, "may" the verb).
    """
    n = tk.n
    if tk.kind[i] == _NUM:
        numeric = _numeric_date(tk, i)
        if numeric is not None:
            return numeric
        day = _small_int(tk, i, 2)
        if day is None or not 1 <= day <= 31:
            return None
        k = i + 1
        if tk.is_word(k, _ORDINAL_SUFFIXES) and tk.glued(i, k):
            k += 1
        if tk.is_word(k, ("of",)) and _month_at(tk, k + 1, strict) is not None:
            k += 1
        month_end = _month_at(tk, k, strict)
        if month_end is None:
            return None
        month, k = month_end
        y = k + 1 if k < n and tk.tok[k] == "," else k
        year = _year_at(tk, y)
        if year is None:
            return _Date(None, None, k)
        if not _valid_day(year, month, day):
            return None
        return _Date(_day_iso(year, month, day), Granularity.DAY, y + 1)
    month_end = _month_at(tk, i, strict)
    if month_end is None:
        return None
    month, k = month_end
    day = _small_int(tk, k, 2)
    if day is not None:
        d_end = k + 1
        if tk.is_word(d_end, _ORDINAL_SUFFIXES) and tk.glued(k, d_end):
            d_end += 1
        y = d_end + 1 if d_end < n and tk.tok[d_end] == "," else d_end
        year = _year_at(tk, y)
        if year is not None:
            if not _valid_day(year, month, day):
                return None
            return _Date(_day_iso(year, month, day), Granularity.DAY, y + 1)
        # "In May 23 people died": the number counts something, it is not a day.
        if 1 <= day <= 31 and _counted(tk, d_end, plural_only=True) is None:
            return _Date(None, None, d_end)
        return None
    y = k + 1 if tk.is_word(k, ("of",)) else k
    year = _year_at(tk, y)
    if year is None:
        return None
    return _Date(f"{year:04d}-{month:02d}", Granularity.MONTH, y + 1)


def parse_date(text: str) -> tuple[str, Granularity] | None:
    """The date a whole string gives, as an ISO prefix and its granularity.

    "23 November 2016", "23rd November 2016", "November 23, 2016" and "2016-11-23"
    are days; "July 2019" and "Sept 2014" months; "2016" a year (1000-2999).
    Leading prepositions and a weekday are allowed ("in 2016", "on Friday 5 July
    2019"), month names in any case. "23/11/2016" is read day first, as in
    British usage, unless only month first is a valid date. A day and month
    without a year and impossible dates (31 February) are None.
    """
    tk = _Tokens(text)
    i = 0
    while i < tk.n and i < 4 and tk.low[i] in _DATE_LEADERS:
        i += 1
    end = tk.n - 1 if tk.n > i + 1 and tk.tok[-1] == "." else tk.n
    if i >= end:
        return None
    if end - i == 1:
        year = _year_at(tk, i)
        return (tk.tok[i], Granularity.YEAR) if year is not None else None
    date = _date_at(tk, i, strict=False)
    if date is None or date.iso is None or date.granularity is None or date.end != end:
        return None
    return date.iso, date.granularity


# --- counted nouns --------------------------------------------------------------


def singular(word: str) -> str:
    """The lower-case singular of a counted noun, by simple English rules.

    "officers" -> "officer", "bodies" -> "body", "men" -> "man", "witnesses" ->
    "witness", "churches" -> "church"; words that are already singular or have
    no distinct singular ("people", "police", "staff", "series", "bus") are
    returned lower-cased. It is a heuristic for comparing units, not a lemmatiser.
    """
    w = word.lower()
    if w in _SINGULAR:
        return _SINGULAR[w]
    if w.endswith("men") and w[:-3] in _MAN_COMPOUNDS:
        return w[:-3] + "man"
    if w.endswith("women") and w[:-5] in _MAN_COMPOUNDS:
        return w[:-5] + "woman"
    if len(w) < 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "'s", "\u2019s")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "zzes", "shes")) or (
        w.endswith("ches") and w not in _CHES_KEEP_E
    ):
        return w[:-2]
    return w[:-1]


def _plural_looking(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    if word.endswith("men"):
        return singular(word) != word
    return (
        len(word) >= 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "\u2019s"))
    )


def _counted(tk: _Tokens, j: int, *, plural_only: bool) -> tuple[str, int] | None:
    """(singular unit, index after it) of the noun counted by a number ending before `j`.

    The noun is the first plural-looking word among the next few (so adjectives and
    proper-noun modifiers may come first: "four young gay men", "17 Metropolitan
    Police officers"), after an optional "of the" ("three of the bodies"). Without a
    plural, the next lower-case word is taken unless `plural_only`.
    """
    n = tk.n
    k = j
    if tk.is_word(k, ("of",)) and tk.is_word(k + 1, _DETERMINERS):
        k += 2
    elements: list[tuple[int, int]] = []
    while k < n and len(elements) < 4:
        if tk.kind[k] != _WORD or tk.low[k] in _NOT_NOUN:
            break
        last = k
        parts = 1
        # Hyphenated modifiers count as one word: "well-known", "middle-aged".
        while (
            parts < 3
            and tk.is_hyphen(last + 1)
            and last + 2 < n
            and tk.kind[last + 2] == _WORD
            and tk.glued(last, last + 1)
            and tk.glued(last + 1, last + 2)
        ):
            last += 2
            parts += 1
        elements.append((k, last))
        k = last + 1
    for index, (_, last) in enumerate(elements):
        if _plural_looking(tk.low[last]):
            # A run of plurals ends at the head noun: "Police officers".
            while index + 1 < len(elements) and _plural_looking(tk.low[elements[index + 1][1]]):
                index += 1
            last = elements[index][1]
            return singular(tk.low[last]), last + 1
    if plural_only or not elements:
        return None
    first, last = elements[0]
    word = tk.low[last]
    if (
        first != last
        or not tk.tok[first].islower()
        or word in _VERBISH
        or word.endswith(("ed", "ly"))
    ):
        return None
    return singular(word), last + 1


# --- the scanner ----------------------------------------------------------------


class _Scanner:
    """One pass of `find_values` over one text."""

    def __init__(self, text: str, offset: int, persons: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.offset = offset
        self.tk = _Tokens(text)
        self.values: list[Value] = []
        self.free = 0  # index of the first token after the last value emitted
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
        self.urls = (
            [m.span() for m in _URL_RE.finditer(text)] if "/" in text or "www" in text else []
        )

    # -- helpers

    def emit(self, kind: ValueKind, first: int, end: int, **fields: object) -> None:
        """Record a value covering tokens first..end-1."""
        tk = self.tk
        # A look-behind ("age", "US$") may reach into the previous value: values never overlap.
        first = max(first, self.free)
        self.free = end
        start, stop = tk.start[first], tk.end[end - 1]
        self.values.append(
            Value(
                kind=kind,
                text=self.text[start:stop],
                start=start + self.offset,
                end=stop + self.offset,
                **fields,  # type: ignore[arg-type]
            )
        )

    def qualifier(self, s: int) -> tuple[str | None, int]:
        """("more than", index of "more") for a qualifier just before token `s`."""
        low = self.tk.low
        kind = self.tk.kind
        for size in (3, 2, 1):
            a = s - size
            # Only words can match: a lower-cased punctuation token is never a qualifier word.
            if a >= self.free and kind[s - 1] == _WORD and tuple(low[a:s]) in _QUALIFIERS[size]:
                return " ".join(low[a:s]), a
        return None, s

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
        first = -1
        words = 0
        j = k
        while j >= 0 and words < 4:
            tok = tk.tok[j]
            if tk.kind[j] != _WORD or not tok[0].isupper() or tk.low[j] in _NAME_STOP:
                break
            if j < k and "\n" in self.text[tk.end[j] : tk.start[j + 1]]:
                break  # a heading on the line above is not part of the name
            first = j
            words += 1
            j -= 1
            if tk.is_hyphen(j) and tk.glued(j, j + 1) and tk.glued(j - 1, j):
                j -= 1  # "Smith-Jones"
            elif j >= 1 and tk.tok[j] == "." and tk.glued(j - 1, j) and tk.low[j - 1] in _TITLES:
                j -= 1  # "Mr. Port"
            elif j >= 0 and tk.kind[j] != _WORD:
                break
        if first < 0:
            return None
        before = first - 1
        if before >= 0 and tk.kind[before] == _WORD and tk.low[before] in _PLACE_PREPOSITIONS:
            return None
        at_start = before < 0 or tk.tok[before] in _SENTENCE_BREAKS
        if strict_start and words == 1 and at_start:
            return None
        return self.text[tk.start[first] : tk.end[k]]

    def age_subject(self, s: int) -> str | None:
        """Who an age expression starting at token `s` belongs to.

        Covers "X, a 23-year-old", "X is a 23-year-old", "X was 23 years old",
        "X, who was 23", "X, aged 23" and "X aged 23".
        """
        tk = self.tk
        k = s - 1
        article = tk.is_word(k, ("a", "an"))
        if article:
            k -= 1
        if tk.is_word(k, ("was", "is")):
            k -= 1
            if tk.is_word(k, ("who",)):
                k -= 1
            if 0 <= k < tk.n and tk.tok[k] == ",":
                k -= 1
        elif 0 <= k < tk.n and tk.tok[k] == ",":
            k -= 1
        elif article or tk.low[s] not in ("aged", "age"):
            return None
        return self.name_before(k, strict_start=False)

    def years_old_end(self, j: int) -> int | None:
        """End of "-year-old", " years old" or " years of age" starting at token `j`."""
        tk = self.tk
        k = j + 1 if tk.is_hyphen(j) and tk.glued(j - 1, j) else j
        if not tk.is_word(k, ("year", "years")):
            return None
        k += 1
        if tk.is_hyphen(k) and tk.glued(k - 1, k):
            k += 1
        if tk.is_word(k, ("old",)):
            return k + 1
        if tk.is_word(k, ("of",)) and tk.is_word(k + 1, ("age",)):
            return k + 2
        return None

    def percent_end(self, j: int) -> int | None:
        tk = self.tk
        if j < tk.n and tk.tok[j] == "%":
            return j + 1
        if tk.is_word(j, ("percent",)):
            return j + 1
        if tk.is_word(j, ("per",)) and tk.is_word(j + 1, ("cent",)):
            return j + 2
        return None

    def currency_after(self, j: int) -> str | None:
        tk = self.tk
        if j < tk.n and tk.kind[j] == _WORD:
            if tk.low[j] in _CURRENCY_WORDS:
                return _CURRENCY_WORDS[tk.low[j]]
            if tk.tok[j] in _CURRENCY_CODES:
                return tk.tok[j]
        return None

    def age_after_comma(self, i: int, phrase: _Phrase) -> str | None:
        """The subject of "Name, 23," / "Name, now 23," / "Name (23)" with 23 at token `i`."""
        tk = self.tk
        j = phrase.end
        if i >= 1 and tk.tok[i - 1] == "(":
            if j < tk.n and tk.tok[j] == ")":
                return self.name_before(i - 2, strict_start=False)
            return None
        k = i - 1
        if tk.is_word(k, ("now", "then")):
            k -= 1
        if k < 1 or tk.tok[k] != ",":
            return None
        if j >= tk.n:
            comma_like = False
        elif tk.kind[j] == _WORD:
            if tk.low[j] not in _AGE_FOLLOW:
                return None
            comma_like = False
        elif tk.kind[j] == _OTHER and tk.tok[j] not in _AGE_BAD_FOLLOW:
            comma_like = tk.tok[j] in (",", ")")
        else:
            return None
        return self.name_before(k - 1, strict_start=not comma_like)

    def age_after_was(self, i: int, phrase: _Phrase) -> str | None:
        """The subject of "Port was 41 when ..." / "Port, who was 47, ..."."""
        tk = self.tk
        j = phrase.end
        if not tk.is_word(i - 1, ("was", "is")):
            return None
        if j < tk.n and tk.low[j] not in _AGE_WAS_FOLLOW:
            return None
        k = i - 2
        if tk.is_word(k, ("who",)):
            k -= 1
            if not (0 <= k < tk.n and tk.tok[k] == ","):
                return None
            k -= 1
        return self.name_before(k, strict_start=False)

    # -- the pass

    def run(self) -> list[Value]:
        tk = self.tk
        urls = self.urls
        url = 0  # tokens and addresses are both in text order: one pointer suffices
        i = 0
        while i < tk.n:
            kind = tk.kind[i]
            if urls:
                while url < len(urls) and urls[url][1] <= tk.start[i]:
                    url += 1
                if url < len(urls) and urls[url][0] <= tk.start[i]:
                    i += 1
                    continue
            if kind == _NUM:
                i = self.at_number(i)
            elif kind == _WORD:
                low = tk.low[i]
                if low in _MONTHS:
                    i = self.at_month(i)
                elif low in _LEXICON or low in ("a", "an"):
                    i = self.at_number(i)
                elif tk.tok[i] in _CURRENCY_CODES and i + 1 < tk.n and tk.kind[i + 1] == _NUM:
                    i = self.at_money(i, i + 1, tk.tok[i])
                else:
                    i += 1
            elif tk.tok[i] in _CURRENCY_SYMBOLS and i + 1 < tk.n and tk.kind[i + 1] == _NUM:
                first = i
                unit = _CURRENCY_SYMBOLS[tk.tok[i]]
                if tk.tok[i] == "$" and tk.glued(i - 1, i) and tk.tok[i - 1] in _DOLLAR_PREFIXES:
                    first = i - 1
                    unit = _DOLLAR_PREFIXES[tk.tok[i - 1]]
                i = self.at_money(first, i + 1, unit)
            else:
                i += 1
        self.values.sort(key=lambda v: v.start)
        return self.values

    def at_month(self, i: int) -> int:
        date = _date_at(self.tk, i, strict=True)
        if date is None:
            return i + 1
        if date.iso is not None:
            self.emit(ValueKind.DATE, i, date.end, date=date.iso, granularity=date.granularity)
        return date.end

    def at_money(self, first: int, i: int, unit: str) -> int:
        tk = self.tk
        phrase = _digits_phrase(tk, i)
        if phrase is None or phrase.ordinal:
            return i + 1
        qualifier, _ = self.qualifier(first)
        self.emit(ValueKind.MONEY, first, phrase.end, number=phrase.value, unit=unit,
                  qualifier=qualifier)  # fmt: skip
        return phrase.end

    def at_number(self, i: int) -> int:
        tk = self.tk
        if tk.kind[i] == _NUM:
            if tk.glued(i - 1, i) and (
                (tk.kind[i - 1] == _WORD and tk.low[i - 1] not in _IDENTIFIER_OK)
                or (tk.is_hyphen(i - 1) and tk.glued(i - 2, i - 1) and tk.kind[i - 2] == _WORD
                    and tk.low[i - 2] not in _IDENTIFIER_OK)
            ):  # fmt: skip
                # Part of a name or code: "M25", "Covid-19", "uk-england-38077859".
                return i + 1
            if (
                tk.glued(i - 2, i - 1)
                and tk.glued(i - 1, i)
                and tk.tok[i - 1] in ("/", "-")
                and tk.kind[i - 2] == _NUM
            ):
                # The second half of "24/7", "9/11", "a 2-1 win": a number, counting nothing.
                phrase = _digits_phrase(tk, i)
                if phrase is None:
                    return i + 1
                kind = ValueKind.ORDINAL if phrase.ordinal else ValueKind.NUMBER
                self.emit(kind, i, phrase.end, number=phrase.value)
                return phrase.end + (1 if phrase.glued_word else 0)
            date = _date_at(tk, i, strict=True)
            if date is not None:
                if date.iso is not None:
                    self.emit(ValueKind.DATE, i, date.end, date=date.iso,
                              granularity=date.granularity)  # fmt: skip
                return date.end
        phrase = _phrase(tk, i)
        if phrase is None:
            return i + 1
        j = phrase.end
        if phrase.ordinal:
            self.emit(ValueKind.ORDINAL, i, j, number=phrase.value)
            return j
        if phrase.glued_word:
            # "1990s" is a decade; "5kg", "10am" are measures we keep as bare numbers.
            if tk.low[j] != "s":
                self.emit(ValueKind.NUMBER, i, j, number=phrase.value)
            return j + 1
        value = phrase.value
        qualifier, q_start = self.qualifier(i)

        end = self.percent_end(j)
        if end is not None:
            self.emit(ValueKind.PERCENT, i, end, number=value, qualifier=qualifier)
            return end
        unit = self.currency_after(j)
        if unit is not None:
            self.emit(ValueKind.MONEY, i, j + 1, number=value, unit=unit, qualifier=qualifier)
            return j + 1

        # Plain digits only: no words, scale, decimal point or thousands comma.
        plain_small = not phrase.words and not phrase.scaled and tk.tok[i].isdigit()
        if 0 <= value <= 130 and value.is_integer():
            end = self.years_old_end(j)
            if end is not None:
                self.emit(ValueKind.AGE, i, end, number=value, subject=self.age_subject(q_start),
                          qualifier=qualifier)  # fmt: skip
                return end
            a = q_start - 1
            age_word = a
            if tk.is_word(a, ("of",)) and tk.is_word(a - 1, ("age",)):
                age_word = a - 1
            if tk.is_word(age_word, ("aged", "age")):
                subject = self.age_subject(age_word)
                self.emit(ValueKind.AGE, age_word, j, number=value, subject=subject,
                          qualifier=qualifier)  # fmt: skip
                return j
            if plain_small and len(tk.tok[i]) <= 3:
                subject = self.age_after_comma(i, phrase) or self.age_after_was(i, phrase)
                if subject is not None:
                    self.emit(ValueKind.AGE, i, j, number=value, subject=subject)
                    return j

        is_one = phrase.words and j == i + 1 and tk.low[i] == "one"
        if is_one and tk.is_word(i - 1, ("no",)):
            return j
        tok = tk.tok[i]
        if (
            plain_small
            and j == i + 1
            and len(tok) == 4
            and tok[:2] in ("19", "20")
            and qualifier is None
        ):
            return self.at_year(i)
        counted = _counted(tk, j, plural_only=False)
        if counted is not None:
            self.emit(ValueKind.COUNT, i, counted[1], number=value, unit=counted[0],
                      qualifier=qualifier)  # fmt: skip
            return counted[1]
        if not is_one or qualifier is not None:  # "more than one" is a number
            self.emit(ValueKind.NUMBER, i, j, number=value, qualifier=qualifier)
        return j

    def at_year(self, i: int) -> int:
        """A lone 19xx/20xx: a year, unless it counts something ("2016 officers")."""
        tk = self.tk
        j = i + 1
        if not tk.is_word(i - 1, _YEAR_CUES):
            counted = _counted(tk, j, plural_only=True)
            if counted is not None:
                self.emit(ValueKind.COUNT, i, counted[1], number=float(tk.tok[i]),
                          unit=counted[0])  # fmt: skip
                return counted[1]
        self.emit(ValueKind.DATE, i, j, date=tk.tok[i], granularity=Granularity.YEAR)
        # The end of a range, "2016-17" or "2016/2017", is not a separate value.
        if (
            j + 1 < tk.n
            and tk.tok[j] in ("-", "/", "\u2013")
            and tk.glued(i, j)
            and tk.glued(j, j + 1)
            and tk.kind[j + 1] == _NUM
            and len(tk.tok[j + 1]) in (2, 4)
        ):
            return j + 2
        return j


def find_values(
    text: str, *, offset: int = 0, persons: Sequence[tuple[int, int]] = ()
) -> list[Value]:
    """Every typed value in `text`, one per span, sorted by start.

    `start`/`end` of each value are positions in `text` plus `offset`, so a
    sentence's values can be placed in its document. `persons` are PERSON spans
    (relative to `text`, not offset) from NER; they name the subject of an age
    when they end just before it, but ages are found without them too.

    The kinds, most specific first: MONEY ("£1.5m", "$24 million", "1.5 million
    pounds"), PERCENT ("45%", "45 per cent"), AGE ("Anthony Walgate, 23,", "aged
    23", "a 23-year-old", "Port (41)", "Port was 41 when"), DATE (days, months
    and 19xx/20xx years; a day and month without a year is skipped), COUNT (a
    number and the plural noun it counts, "17 Metropolitan Police officers" ->
    17 "officer"), ORDINAL ("third", "21st"), then NUMBER for anything else,
    except the word "one" alone, which is too often a pronoun. A preceding
    "more than", "about", "at least" and the like is kept, lower-cased, as the
    qualifier. Numbers inside web addresses or codes ("M25", "Covid-19") and
    numbers too large for a float are skipped.
    """
    return _Scanner(text, offset, persons).run()


# --- comparing values ---------------------------------------------------------

# Qualifiers read as the interval of values they allow, relative to the number x.
_AT_LEAST = frozenset({"at least", "as many as", "as much as"})  # "as many as 30" -> up to 30
_ABOVE = frozenset({"more than", "over", "in excess of", "upwards of", "well over", "just over",
                    "just above", "older than"})  # fmt: skip
_BELOW = frozenset({"less than", "fewer than", "under", "just under", "just below", "below",
                    "younger than"})  # fmt: skip
_AT_MOST = frozenset({"at most", "up to", "as few as"})
_NEARLY = frozenset({"almost", "nearly", "close to"})
_ABOUT = frozenset({"about", "around", "approximately", "roughly", "some", "approx", "circa",
                    "an estimated"})  # fmt: skip
_SCALE_RE = re.compile(r"(?i)\b(?:thousand|million|billion|trillion|bn|m|k|mn)\b|\d(?:bn|m|k)\b")


def interval(value: Value) -> tuple[float, float]:
    """The values a number allows, given its qualifier and how round it is.

    "more than 23 million" -> (23e6, inf) (open ends are nudged inwards);
    "about 40" -> (36, 44); "24 million" -> (23.5e6, 24.5e6), a number said with
    a scale word being rounded to its last digit; "237" -> (237, 237).
    """
    x = value.number
    assert x is not None
    q = value.qualifier or ""
    eps = 1e-9 * max(1.0, abs(x))
    if q in _ABOVE:
        return x + eps, math.inf
    if q in _AT_LEAST:
        return (x, math.inf) if q == "at least" else (0.0, x)
    if q in _BELOW:
        return -math.inf, x - eps
    if q in _AT_MOST:
        return -math.inf, x
    if q in _NEARLY:
        return 0.9 * x, x
    if q in _ABOUT:
        return 0.9 * x, 1.1 * x
    if _SCALE_RE.search(value.text) and x >= 1000:
        digits = f"{x:.0f}".rstrip("0")
        unit = 10 ** (len(f"{x:.0f}") - len(digits)) if digits else 1
        return x - unit / 2, x + unit / 2
    return x, x


def compare_numbers(claim: Value, source: Value) -> bool | None:
    """True when what the source says lies within what the claim allows, False when the
    two exclude each other, None when they overlap without one settling the other
    (the claim says "24", the source "more than 20")."""
    a_lo, a_hi = interval(claim)
    b_lo, b_hi = interval(source)
    if a_lo <= b_lo and b_hi <= a_hi:
        return True
    if b_hi < a_lo or a_hi < b_lo:
        return False
    return None


_BEFORE = frozenset({"before", "prior to", "earlier than", "until", "till", "up to"})
_AFTER = frozenset({"after", "later than", "since", "following"})
_BY = frozenset({"by", "no later than", "as of"})
_DATE_WORD_RE = re.compile(
    r"(?i)\b(before|prior to|earlier than|until|till|up to|after|later than|since|following|"
    r"by|no later than|as of)\s+(?:the\s+)?(?:early\s+|late\s+|mid\s*-?\s*)?$"
)


def date_span(iso: str) -> tuple[date, date]:
    """The first and last day an ISO prefix ("2019", "2019-07", "2019-07-05") covers."""
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, month, parts[2]), date(year, month, parts[2])


def date_interval(value: Value, text: str, *, offset: int = 0) -> tuple[date, date]:
    """The days a date allows, reading "before", "after", "by" just before it in `text`
    (`offset` is where `text` starts in the coordinates of `value.start`)."""
    assert value.date is not None
    first, last = date_span(value.date)
    m = _DATE_WORD_RE.search(text[max(0, value.start - offset - 30) : value.start - offset])
    word = m.group(1).lower() if m else ""
    if word in _BEFORE:
        return date.min, first - timedelta(days=1)
    if word in _AFTER:
        return last + timedelta(days=1), date.max
    if word in _BY:
        return date.min, last
    return first, last


def compare_dates(claim: tuple[date, date], source: tuple[date, date]) -> bool | None:
    """As `compare_numbers`, for day intervals."""
    if claim[0] <= source[0] and source[1] <= claim[1]:
        return True
    if source[1] < claim[0] or claim[1] < source[0]:
        return False
    return None
