"""Index terms as SQLite's FTS5 makes them, for a store that is not SQLite.

The PostgreSQL store finds the same passages as the SQLite store because it
indexes the same terms: each text goes through the very tokenizer of the
SQLite store's FTS5 index (`porter unicode61 remove_diacritics 2`, in an
in-memory table), and the terms come back with their positions. PostgreSQL's
own parsers and stemmers (the 'english' snowball stemmer, the 'simple'
dictionary) split and stem differently, which would change the candidates.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Sequence

TOKENIZER = "porter unicode61 remove_diacritics 2"
# PostgreSQL refuses lexemes over 2047 bytes and positions over 16383 (it keeps
# at most 256 positions per lexeme); a longer term is indexed as its hash.
_MAX_TERM_BYTES = 200
_MAX_POSITION = 16383


class Tokenizer:
    """Terms of texts as the SQLite store's FTS5 index has them. Not thread-safe."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self.conn.execute(f"CREATE VIRTUAL TABLE texts USING fts5(text, tokenize='{TOKENIZER}')")
        self.conn.execute("CREATE VIRTUAL TABLE tokens USING fts5vocab(texts, instance)")

    def close(self) -> None:
        self.conn.close()

    def tokens(self, texts: Sequence[str]) -> list[list[tuple[int, str]]]:
        """Each text's tokens: (position from 0, term), in order."""
        self.conn.execute("BEGIN")
        try:
            self.conn.executemany(
                "INSERT INTO texts (rowid, text) VALUES (?, ?)", list(enumerate(texts))
            )
            found: list[list[tuple[int, str]]] = [[] for _ in texts]
            for term, doc, offset in self.conn.execute("SELECT term, doc, offset FROM tokens"):
                found[doc].append((offset, term_key(term)))
        finally:
            self.conn.execute("ROLLBACK")
        for tokens in found:
            tokens.sort()
        return found

    def terms(self, words: Sequence[str]) -> list[list[str]]:
        """Each word's terms (one, for a plain word; none for punctuation)."""
        return [[term for _, term in tokens] for tokens in self.tokens(words)]


def term_key(term: str) -> str:
    """A term as PostgreSQL indexes it: itself, or the hash of one too long for a lexeme."""
    if len(term.encode()) <= _MAX_TERM_BYTES:
        return term
    return "#" + hashlib.sha256(term.encode()).hexdigest()


def tsvector(tokens: Sequence[tuple[int, str]]) -> str:
    """A tsvector literal of tokens (position, term), taken as it is (no parsing, no stemming)."""
    positions: dict[str, list[int]] = defaultdict(list)
    for offset, term in tokens:
        positions[term].append(min(offset + 1, _MAX_POSITION))
    return " ".join(
        f"{quote(term)}:{','.join(map(str, sorted(set(p))[:256]))}" for term, p in positions.items()
    )


def quote(term: str) -> str:
    """A lexeme quoted for a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"
