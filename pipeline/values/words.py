"""Word lists that more than one reader of `pipeline.values` consults.

Months and weekdays make dates, and are never a counted noun or part of a
person's name; prepositions and determiners end a counted noun and a name.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def month_spellings(word: str) -> tuple[str, ...]:
    """The other spellings of a month's name, lower case: "nov" for "november", as news
    agencies abbreviate it, and the other way round. None for "may", as often a verb,
    or for a word that names no month."""
    month = MONTHS.get(word)
    if month is None or word == "may":
        return ()
    return tuple(w for w, m in MONTHS.items() if m == month and w != word)


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DETERMINERS = frozenset(
    {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your", "all"}
)
PREPOSITIONS = frozenset(
    {"of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under",
     "per", "between", "about", "after", "before", "since", "during", "than", "as", "against",
     "among", "up", "out", "off", "down", "through", "across", "near", "within", "without",
     "towards", "toward", "upon", "until", "till", "via", "including", "like", "around",
     "behind", "beyond", "inside", "outside", "above", "below", "past", "ago"}
)  # fmt: skip
# Words of a bound or an approximation before a figure ("more than", "at least",
# "up to", "about"): they qualify a figure and tie it to no other.
BOUND_WORDS = frozenset(
    """more less fewer than over under above below at least most up to about around
    approximately roughly some nearly almost exceeding""".split()
)
# Verbs that say a total went past a mark ("had passed 1.2 million signatures",
# "topped 10,000"): a bound, "more than", before a total of 1,000 or more.
PASSING = frozenset("passed exceeded exceeds surpassed topped".split())
# Words that tie an event to a time ("after the notice", "since May", "two years ago"):
# they say when, not what happened.
TIME_LINK_WORDS = frozenset(
    "after before since until till during following later earlier ago prior".split()
)
