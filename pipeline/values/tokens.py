"""The token list every reader in `pipeline.values` walks.

A text is split once, by one regular expression whose repetitions cannot
backtrack into one another, into numbers, words and single other characters.
Every reader after that looks a bounded number of tokens ahead or behind, so
the whole scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Container

NUM, WORD, OTHER = 0, 1, 2
"""Token kinds: digits (with thousands commas and a decimal part), a word, anything else."""

_TOKEN_RE = re.compile(
    # A thousands separator only before exactly three digits, so "1,2" is two numbers.
    # Each comma group begins with a comma, so the groups cannot trade characters and
    # the look-ahead costs at most one step of backtracking per group.
    r"([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)"
    r"|([^\W\d_]+(?:['\u2019][^\W\d_]+)?)"
    r"|(\S)"
)
# Numbers inside web addresses are path segments, not values.
URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
HYPHENS = frozenset({"-", "\u2010", "\u2011"})


class Tokens:
    """The text split into numbers, words and single other characters.

    Parallel lists indexed by token: `kind` (NUM, WORD, OTHER), `tok` (the text
    as written), `low` (lower-cased words, for look-ups only), `start` and `end`
    (offsets in the text). Every predicate accepts an index out of range and
    answers False, so readers may look past either end without checking.
    """

    __slots__ = ("end", "kind", "low", "n", "start", "tok")

    def __init__(self, text: str) -> None:
        kind: list[int] = []
        tok: list[str] = []
        start: list[int] = []
        end: list[int] = []
        for match in _TOKEN_RE.finditer(text):
            # Each alternative is one group, so exactly one group matched.
            kind.append((match.lastindex or 1) - 1)
            tok.append(match.group())
            start.append(match.start())
            end.append(match.end())
        self.kind = kind
        self.tok = tok
        self.start = start
        self.end = end
        # Lower-cased only for look-ups; offsets always come from the original text.
        self.low = [t.lower() if k == WORD else t for k, t in zip(kind, tok, strict=True)]
        self.n = len(tok)

    def glued(self, a: int, b: int) -> bool:
        """Whether token `b` starts exactly where token `a` ends (no space between)."""
        return 0 <= a < self.n and 0 <= b < self.n and self.end[a] == self.start[b]

    def is_word(self, i: int, words: Container[str]) -> bool:
        """Whether token `i` is a word whose lower-case form is in `words`."""
        return 0 <= i < self.n and self.kind[i] == WORD and self.low[i] in words

    def is_hyphen(self, i: int) -> bool:
        return 0 <= i < self.n and self.tok[i] in HYPHENS

    def is_tok(self, i: int, toks: Container[str]) -> bool:
        """Whether token `i`, exactly as written, is one of `toks`."""
        return 0 <= i < self.n and self.tok[i] in toks
