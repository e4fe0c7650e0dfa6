"""Word helpers every stage shares: paragraphs cut into chunks, words, stop words, stems.

Ingest and claim extraction cut texts into `chunks` for spaCy; retrieval turns
a query into `query_words`; matching and judging compare `content_words` by
their `stems`, and anchor a value by the `local_words` around it.

Stop words
----------

`STOPWORDS` is the one stop-word list. It is the list retrieval has always
used (function words, plus "said"/"says"/"say", which nearly every news
passage holds), kept word for word, because it decides which words a query
searches for and which words relevance counts, and so which passages are found
and which verdicts follow. spaCy's list was not taken: besides the function
words it drops "never", "more", "less", "before", "after", "only", "all" and
the number words, on which negation, bounds and comparisons turn, and which
retrieval therefore searches for and relevance counts.

The initials of an organisation (`claims.acronym`) skip only "of", "for",
"the", "and", "on" and "in": other stop words ("to", "at", "by") often give a
letter ("Stand Up To Racism", SUTR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

import regex

# Paragraphs longer than this are cut (at a sentence or line end when there is
# one, else at a space) before spaCy sees them: a bounded cost per text, whatever the input.
MAX_CHUNK = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CHUNK_CUT = re.compile(r"[.!?\n]\s")

# A word of prose: a letter (Latin scripts), then letters, apostrophes and hyphens.
# Numbers are not words here: values are read by `values.find_values`.
WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*")
# A capitalised word inside a sentence (after a lower-case word or a comma): a word of a
# name, its letters in group 1 ("Commission", "Wednesday" of "Wednesday's").
NAME_WORD = re.compile(r"(?<=[a-z,] )([A-Z][a-z]*)[\w'\u2019-]*")
# A word as the search index splits text (close to FTS5's unicode61 tokenizer):
# letters and digits of any script, underscores, nothing else.
TERM = re.compile(r"\w+", re.UNICODE)

# A letter of any script: where there is one, there is a word of some language.
# Emoji, symbols, punctuation and digits are not letters.
_LETTER = re.compile(r"[^\W\d_]")
# A user-perceived character (an extended grapheme cluster, Unicode UAX #29): a
# family emoji is seven code points joined by zero-width joiners, and one cluster.
_CLUSTER = regex.compile(r"\X")

# Characters that break a line of output or act on the terminal: C0 and C1 controls,
# DEL, the Unicode line and paragraph separators, and bytes that were not UTF-8.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]")
_UNPRINTABLE_RUN = re.compile(r"([\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]+)")
_NAMED_ESCAPES = {7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r"}

# Words of reporting: in nearly every news passage, so no help in finding one.
REPORTING_WORDS = frozenset({"said", "says", "say"})

STOPWORDS = REPORTING_WORDS | frozenset(
    """a an and are as at be been but by for from had has have he her his i if in into is it
    its me my no nor not of on or our she so than that the their them then there these they
    this those to was we were what when where which who whom why will with would you your""".split()
)


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each paragraph, long ones cut to at most MAX_CHUNK characters.

    Sentences never cross a paragraph break, so headings and list items are
    not glued to the sentence that follows them.
    """
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        yield from _cut(text, position, end)
        if match:
            position = match.end()


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    while end - start > MAX_CHUNK:
        window = text[start : start + MAX_CHUNK]
        cuts = [m.end() for m in _CHUNK_CUT.finditer(window, MAX_CHUNK // 2)]
        space = window.rfind(" ", MAX_CHUNK // 2)
        cut = start + (cuts[-1] if cuts else space + 1 if space > 0 else MAX_CHUNK)
        if (whole := cluster_start(text, cut)) > start:
            cut = whole  # never inside a character
        if text[start:cut].strip():
            yield start, text[start:cut]
        start = cut
    if text[start:end].strip():
        yield start, text[start:end]


def has_words(text: str) -> bool:
    """Whether a text holds a word of some language (a letter of any script).

    Text of emoji, symbols and numbers alone ("👍 👍", "** 17 **") says
    nothing that could be checked against a source.
    """
    return _LETTER.search(text) is not None


def cluster_start(text: str, position: int) -> int:
    """`position` moved back to the start of the character (grapheme cluster) it falls in.

    A cut made there never splits a character a reader sees as one: an emoji
    joined by zero-width joiners, a letter and its accents, a flag. Positions
    between two ASCII characters (but CR LF) are returned at once.
    """
    if position <= 0 or position >= len(text):
        return position
    before, after = text[position - 1], text[position]
    if before.isascii() and after.isascii() and (before, after) != ("\r", "\n"):
        return position
    # Clusters are read from the last space before the position (a boundary
    # in all but contrived text), at most 256 characters back.
    floor = max(0, position - 256)
    space = max(text.rfind(" ", floor, position - 1), text.rfind("\n", floor, position - 1))
    for cluster in _CLUSTER.finditer(text, space + 1 if space >= 0 else floor, position + 1):
        if cluster.end() > position:
            return cluster.start()
    return position


def shown_path(path: str | Path) -> str:
    """A file name to print on one line: as `ls` shows a name holding control characters.

    A name with a newline, a carriage return, an escape or another control
    character would break one-line-per-file output (or drive the terminal),
    so it is printed in shell quoting, as GNU ls prints it: printable runs in
    single quotes, the others as `$'\\n'` or octal bytes, "new\\nline.md" as
    `'new'$'\\n''line.md'`, which a shell reads back as the name itself.
    Other names are returned as they are.
    """
    text = str(path)
    if not _UNPRINTABLE.search(text):
        return text
    parts = []
    for run in _UNPRINTABLE_RUN.split(text):
        if not run:
            continue
        if _UNPRINTABLE.match(run):
            raw = run.encode("utf-8", "surrogateescape")
            parts.append("$'" + "".join(_NAMED_ESCAPES.get(b, f"\\{b:03o}") for b in raw) + "'")
        else:
            parts.append("'" + run.replace("'", "'\\''") + "'")
    return "".join(parts)


def plural(count: int, noun: str) -> str:
    """ "1 passage", "2 passages": a count and its noun (plurals in -s only)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def display(text: str) -> str:
    """A claim's text for people: the blanks left by markup and line breaks collapsed."""
    return " ".join(text.split())


def content_words(text: str) -> list[str]:
    """Lower-cased words of a text that carry meaning (no stop words, no numbers), in order."""
    return [w for w in (m.group(0).lower() for m in WORD.finditer(text)) if w not in STOPWORDS]


def query_words(text: str) -> list[str]:
    """The distinct lower-cased terms of a query, stop words dropped unless nothing is left."""
    words = TERM.findall(text.lower())
    content = [w for w in words if w not in STOPWORDS] or words
    return list(dict.fromkeys(content))


def plain_letters(text: str) -> str:
    """The text with the marks taken off its letters: "Québécois" -> "Quebecois",
    "Brčko" -> "Brcko". A name is often written without them ("Motley Crue")."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A crude stem for overlap counting: the first five letters, lower case.

    "investigated" and "investigation" meet; so do "police" and "policy",
    which costs little when it is one word among many.
    """
    return word.lower()[:5]


def stems(words: Iterable[str]) -> set[str]:
    """The set of `stem`s of some words."""
    return {stem(w) for w in words}


def local_words(text: str, start: int, end: int, *, window: int = 8) -> set[str]:
    """Stems of the content words within `window` words either side of a span of `text`."""
    before = content_words(" ".join(WORD.findall(text[:start])[-window:]))
    after = content_words(" ".join(WORD.findall(text[end:])[:window]))
    return stems(before + after)


# Where a sentence's clauses meet: semicolons and colons, a comma before a conjunction
# or a relative pronoun ("..., and he had flown back", "..., who told"), and a list
# hung on the clause ("accepted all of the recommendations, among them a stronger
# remit").
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|while|whereas|although|though|yet|who|which|where|when"
    r"|among\s+them|including)\b"
    r"|\s(?:and|but)\s+(?=(?:he|she|it|they|we|his|her|its|their|the)\b)",
    re.IGNORECASE,
)


def clauses(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a sentence, split where its clauses meet."""
    cuts = [0, *(m.start() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def clause_at(text: str, at: int) -> tuple[int, int]:
    """The (start, end) of the clause of `text` that holds position `at`."""
    return next(((a, b) for a, b in clauses(text) if a <= at < b), (0, len(text)))
