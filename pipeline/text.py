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

The alignment features of `entailment.py` leave a few more words out of their
word coverage (`ALIGNMENT_STOPWORDS`): the quantifiers, modals, bounds and
time-order words of `QUALIFIER_WORDS`, which they read on their own (negation,
contrasts, comparatives), while they count "said". The shipped verdict model
was trained on those features, so they are kept as they were, and written here
as the one list plus and minus named words rather than as a list of their own.

The initials of an organisation (`claims.acronym`) skip only "of", "for",
"the", "and", "on" and "in": other stop words ("to", "at", "by") often give a
letter ("Stand Up To Racism", SUTR).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# Paragraphs longer than this are cut (at a sentence or line end when there is
# one, else at a space) before spaCy sees them: a bounded cost per text, whatever the input.
MAX_CHUNK = 20_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CHUNK_CUT = re.compile(r"[.!?\n]\s")

# A word of prose: a letter (Latin scripts), then letters, apostrophes and hyphens.
# Numbers are not words here: values are read by `values.find_values`.
WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*")
# A word as the search index splits text (close to FTS5's unicode61 tokenizer):
# letters and digits of any script, underscores, nothing else.
TERM = re.compile(r"\w+", re.UNICODE)

# Words of reporting: in nearly every news passage, so no help in finding one.
REPORTING_WORDS = frozenset({"said", "says", "say"})

STOPWORDS = REPORTING_WORDS | frozenset(
    """a an and are as at be been but by for from had has have he her his i if in into is it
    its me my no nor not of on or our she so than that the their them then there these they
    this those to was we were what when where which who whom why will with would you your""".split()
)

# Quantifiers, modals, bounds and time order ("more", "all", "may", "before"), a few
# pronouns and the pieces of contractions ("s", "t", "it's"): kept by retrieval and
# relevance, left out of the alignment features' word coverage (see the module's notes).
QUALIFIER_WORDS = frozenset(
    """about after again all also another any before being both can could did do does down
    during each either every further here him how it's just least less many may might mine
    more most much must neither off once only onto other out over own s same shall should
    since some such t under up very while whose""".split()
)

# What the alignment features (entailment.py) leave out of word coverage.
ALIGNMENT_STOPWORDS = (STOPWORDS - REPORTING_WORDS) | QUALIFIER_WORDS


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
        if text[start:cut].strip():
            yield start, text[start:cut]
        start = cut
    if text[start:end].strip():
        yield start, text[start:end]


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
