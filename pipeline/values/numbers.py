"""Numbers in digits or words: "1,234", "2.5 million", "24m", "twenty-three", "a dozen", "21st".

`read_number` reads the number starting at one token of a `Tokens` list, as
the scanner needs; `parse_number` and `parse_ordinal` read a whole string.
Numbers in words go through a small grammar (a state machine over word
classes), which knows where a number ends, so "one two" is two numbers and
"one hundred and five" one.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .tokens import HYPHENS, NUM, WORD, Tokens

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
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, **_UNITS, **_TEENS, **_TENS, "hundred": 100, **SCALE_WORDS, "dozen": 12,
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
LEXICON: dict[str, tuple[int, int, bool]] = {
    word: (_DOZEN if word == "dozen" else _word_class(value), value, False)
    for word, value in NUMBER_WORDS.items()
}
LEXICON.update({word: (_word_class(value), value, True) for word, value in ORDINAL_WORDS.items()})
_GROUP_START = frozenset({_UNIT, _TEEN, _TENS_CLS})
_ARTICLES = ("a", "an")  # "a dozen", "a million", "a hundred"

# States of the number grammar.
_S_START, _S_A, _S_UNIT, _S_TENS, _S_TENS_UNIT, _S_HUNDRED, _S_AND, _S_SCALE, _S_DONE = range(9)
_CAN_MULTIPLY = frozenset({_S_UNIT, _S_TENS, _S_TENS_UNIT, _S_A})
_CAN_ADD = frozenset({_S_START, _S_HUNDRED, _S_AND, _S_SCALE})
_CAN_DOZEN = frozenset({_S_START, _S_A, _S_UNIT, _S_TENS, _S_TENS_UNIT})
_INCOMPLETE = frozenset({_S_START, _S_A, _S_AND})  # "a", "a hundred and" are no number

_SUFFIX_EXP = {"k": 3, "m": 6, "mn": 6, "bn": 9, "tn": 12}  # only when glued to the digits
SCALE_SUFFIXES = frozenset(_SUFFIX_EXP)
_SCALE_EXP = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
# Scale suffixes read apart from the digits only after a currency symbol ("$ 2.3 M"), where
# they cannot be metres.
_APART_SUFFIXES = frozenset({"M", "bn", "Bn", "mn", "K"})
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})

CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY"}


class Phrase(NamedTuple):
    """A number read from the token list."""

    value: float
    end: int  # index of the first token after the phrase
    ordinal: bool = False
    glued_word: bool = False  # digits run straight into an unknown word: "5kg", "1990s"
    scaled: bool = False
    words: bool = False


# --- digits -------------------------------------------------------------------


def digits_phrase(tk: Tokens, i: int) -> Phrase | None:
    """The number in digits at token `i`, with a glued suffix ("24m", "21st") or scale word."""
    digits = tk.tok[i].replace(",", "")
    j = i + 1
    exp = 0
    if j < tk.n and tk.kind[j] == WORD:
        low = tk.low[j]
        if tk.glued(i, j):
            if low in _SUFFIX_EXP or low in _SCALE_EXP:  # "24m"; "336.5million"
                exp = _SUFFIX_EXP.get(low) or _SCALE_EXP[low]
                j += 1
            elif low in ORDINAL_SUFFIXES and digits.isdigit():
                # int() refuses very long digit strings; no ordinal is that long anyway.
                if len(digits) > 18:
                    return None
                return Phrase(float(int(digits)), j + 1, ordinal=True)
            else:
                value = float(digits)
                return Phrase(value, j, glued_word=True) if math.isfinite(value) else None
        elif low in _SCALE_EXP:
            exp = _SCALE_EXP[low]
            j += 1
        elif tk.tok[j] in _APART_SUFFIXES and i > 0 and tk.tok[i - 1] in CURRENCY_SYMBOLS:
            exp = _SUFFIX_EXP[low]  # "$ 2.3 M": a sum's scale, apart from its digits
            j += 1
    # Scaling through the exponent keeps "1.1 million" exact (1.1 * 1e6 is not).
    value = float(f"{digits}e{exp}") if exp else float(digits)
    if not math.isfinite(value):
        return None
    return Phrase(value, j, scaled=exp > 0)


# --- words --------------------------------------------------------------------


class _WordNumber:
    """The running total of a number in words, fed one number word at a time.

    A number is groups below a thousand ("three hundred and forty-two") each
    multiplied by a scale word smaller than the one before ("thousand"), plus a
    last group; `state` says what kind of word came last.
    """

    __slots__ = ("group", "hundreds", "last_scale", "state", "total")

    def __init__(self, *, state: int = _S_START, group: int = 0) -> None:
        self.total = 0
        self.group = group
        self.hundreds = False
        self.last_scale = 10**15
        self.state = state

    @property
    def value(self) -> int:
        return self.total + self.group

    def take(self, cls: int, value: int, is_ordinal: bool) -> bool:
        """Add one word; False (and no change) when it cannot continue the number."""
        if cls == _ZERO:
            return self._zero()
        if cls == _UNIT:
            return self._unit(value)
        if cls in (_TEEN, _TENS_CLS):
            return self._teen_or_tens(cls, value)
        if cls == _HUNDRED:
            return self._hundred(is_ordinal)
        if cls == _SCALE:
            return self._scale(value, is_ordinal)
        return self._dozen()

    def _zero(self) -> bool:
        if self.state != _S_START:
            return False
        self.state = _S_DONE
        return True

    def _unit(self, value: int) -> bool:
        if self.state in _CAN_ADD:
            self.state = _S_UNIT
        elif self.state == _S_TENS:
            self.state = _S_TENS_UNIT
        else:
            return False
        self.group += value
        return True

    def _teen_or_tens(self, cls: int, value: int) -> bool:
        if self.state not in _CAN_ADD:
            return False
        self.group += value
        self.state = _S_UNIT if cls == _TEEN else _S_TENS
        return True

    def _hundred(self, is_ordinal: bool) -> bool:
        if self.state in _CAN_MULTIPLY and not self.hundreds and 0 < self.group < 100:
            self.group *= 100
        elif self.state == _S_START and is_ordinal:  # "hundredth"
            self.group = 100
        else:
            return False
        self.hundreds = True
        self.state = _S_HUNDRED
        return True

    def _scale(self, value: int, is_ordinal: bool) -> bool:
        if self.state in _CAN_MULTIPLY or self.state == _S_HUNDRED:
            if self.group <= 0 or value >= self.last_scale:
                return False
            self.total += self.group * value
        elif self.state == _S_START and is_ordinal:  # "millionth"
            self.total += value
        else:
            return False
        self.group, self.hundreds, self.last_scale, self.state = 0, False, value, _S_SCALE
        return True

    def _dozen(self) -> bool:
        if self.total or self.hundreds or self.state not in _CAN_DOZEN:
            return False
        self.group = (self.group or 1) * 12
        self.state = _S_DONE
        return True


def _word_class_at(tk: Tokens, i: int) -> int | None:
    """The grammar class of the number word at token `i`, or None."""
    if not 0 <= i < tk.n or tk.kind[i] != WORD:
        return None
    entry = LEXICON.get(tk.low[i])
    return None if entry is None else entry[0]


def _joined(tk: Tokens, j: int, state: int) -> tuple[int, int] | None:
    """(index of the next number word, state) after the number word ending before token `j`.

    Token `j` may join two number words ("twenty-three", "thousand, five",
    "hundred and five"), or be the next number word itself; None when the
    number ends here.
    """
    tok = tk.tok[j]
    if tok in HYPHENS:
        if state != _S_TENS or not tk.glued(j - 1, j) or not tk.glued(j, j + 1):
            return None
        return (j + 1, state) if _word_class_at(tk, j + 1) == _UNIT else None
    if tok == ",":
        if state != _S_SCALE or tk.glued(j, j + 1):
            return None
        return (j + 1, state) if _word_class_at(tk, j + 1) in _GROUP_START else None
    if tk.low[j] == "and":
        if state not in (_S_HUNDRED, _S_SCALE):
            return None
        return (j + 1, _S_AND) if _word_class_at(tk, j + 1) in _GROUP_START else None
    return j, state


def words_phrase(tk: Tokens, i: int) -> Phrase | None:
    """Read a number in words starting at token `i`, greedily, by a small grammar.

    The grammar accepts what a person writes ("one hundred and five", "twenty-three",
    "three hundred and forty-two thousand, five hundred", "a dozen", "two dozen",
    "nineteen hundred"), and stops at the first word that would not continue the
    number, so "one two" is the number one followed by another number.
    """
    number = _WordNumber()
    j = i
    if tk.low[j] in _ARTICLES:
        if _word_class_at(tk, j + 1) not in (_HUNDRED, _SCALE, _DOZEN) or tk.glued(j, j + 1):
            return None
        number = _WordNumber(state=_S_A, group=1)
        j += 1
    ordinal = False
    while j < tk.n and tk.kind[j] == WORD:
        entry = LEXICON.get(tk.low[j])
        if entry is None or not number.take(*entry):
            break
        j += 1
        ordinal = entry[2]
        if ordinal or number.state == _S_DONE or j >= tk.n:
            break
        joined = _joined(tk, j, number.state)
        if joined is None:
            break
        j, number.state = joined
    if number.state in _INCOMPLETE:
        return None
    return Phrase(float(number.value), j, ordinal=ordinal, words=True)


def starts_number(tk: Tokens, i: int) -> bool:
    """Whether a number in words may start at word token `i`."""
    return tk.low[i] in LEXICON or tk.low[i] in _ARTICLES


def read_number(tk: Tokens, i: int) -> Phrase | None:
    """The number (digits or words) starting at token `i`, or None; with a fraction
    after a whole number ("three and a half", "2 and a quarter") and a scale word after
    that ("one and a half million")."""
    if tk.kind[i] == NUM:
        phrase = digits_phrase(tk, i)
    elif tk.kind[i] == WORD and starts_number(tk, i):
        phrase = words_phrase(tk, i)
    else:
        return None
    if phrase is None or phrase.ordinal or phrase.glued_word or phrase.scaled:
        return phrase
    return _with_fraction(tk, phrase)


# A fraction said after a whole number: "and a half", "and a quarter", "and three quarters".
FRACTIONS = {
    ("a", "half"): 0.5,
    ("one", "half"): 0.5,
    ("a", "quarter"): 0.25,
    ("one", "quarter"): 0.25,
    ("three", "quarters"): 0.75,
}


def fraction_after(tk: Tokens, j: int) -> tuple[float, int] | None:
    """(the fraction, index after it) for "and a half" and the like at token `j`."""
    if j + 2 >= tk.n or tk.low[j] != "and":
        return None
    part = FRACTIONS.get((tk.low[j + 1], tk.low[j + 2]))
    return None if part is None else (part, j + 3)


def _with_fraction(tk: Tokens, phrase: Phrase) -> Phrase:
    value = phrase.value
    if not value.is_integer() or value <= 0:
        return phrase
    found = fraction_after(tk, phrase.end)
    if found is None:
        return phrase
    part, j = found
    if j < tk.n and tk.low[j] in _SCALE_EXP and not tk.glued(j - 1, j):
        scaled = float(f"{value + part}e{_SCALE_EXP[tk.low[j]]}")
        return phrase._replace(value=scaled, end=j + 1, scaled=True)
    return phrase._replace(value=value + part, end=j)


def parse_number(text: str) -> float | None:
    """The number a whole string spells, or None if it is not (only) a number.

    Accepts digits with thousands commas and decimals ("1,234", "2.5"), English
    number words in any case ("Seventeen", "twenty-three", "one hundred and five",
    "a dozen", "two dozen", "a million"), a scale word or a suffix glued to the
    digits ("2.5 million", "24m", "3bn", "40k") and an optional leading currency
    symbol ("£24m"). Ordinals, negative numbers and vague amounts ("dozens",
    "half") are None, as is a number too large for a float.
    """
    tk = Tokens(text)
    if tk.n == 0:
        return None
    i = 1 if tk.n > 1 and tk.tok[0] in CURRENCY_SYMBOLS else 0
    phrase = read_number(tk, i)
    if phrase is None or phrase.ordinal or phrase.glued_word or phrase.end != tk.n:
        return None
    return phrase.value


def parse_ordinal(text: str) -> int | None:
    """The ordinal a whole string spells ("third" -> 3, "twenty-first" -> 21, "22nd" -> 22).

    The suffix of a digit ordinal is not checked against the number, so "22th"
    is read as 22 too; cardinals ("three") are None.
    """
    tk = Tokens(text)
    if tk.n == 0:
        return None
    phrase = read_number(tk, 0)
    if phrase is None or not phrase.ordinal or phrase.end != tk.n:
        return None
    return int(phrase.value)
