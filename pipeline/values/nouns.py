"""Counted nouns: the plural a number counts ("17 Metropolitan Police officers" -> "officer").

`singular` is the rule used for counted nouns, exposed so that other stages
compare units the same way. It is a few English rules and exceptions rather
than a lemmatiser, because ingest runs without spaCy's tagger for speed.
"""

from __future__ import annotations

from .numbers import LEXICON
from .tokens import NUM, WORD, Tokens
from .words import DETERMINERS, MONTHS, PREPOSITIONS, WEEKDAYS

# Words that cannot be (or begin) the counted noun after a number.
_NOT_NOUN = (
    PREPOSITIONS
    | DETERMINERS
    | WEEKDAYS
    | frozenset(MONTHS)
    | frozenset(LEXICON)
    | frozenset(
        {"a", "an", "and", "or", "but", "nor", "so", "yet", "if", "that", "which", "who",
         "whom", "whose", "when", "where", "while", "why", "how", "what", "this", "it", "he",
         "she", "they", "we", "i", "you", "them", "him", "me", "us", "itself", "himself",
         "herself", "themselves", "was", "were", "is", "are", "be", "been", "being", "has",
         "have", "had", "having", "will", "would", "could", "should", "may", "might", "must",
         "can", "shall", "do", "does", "did", "not", "no", "percent", "cent", "pc", "per",
         "another", "other", "others", "each", "every", "any", "both", "more", "most", "less",
         "either", "neither",
         "least", "such", "own", "same", "then", "too", "very", "just", "only", "also", "even",
         "still", "already", "again", "later", "earlier", "there", "here", "thus", "hence",
         "whereas", "unless", "besides", "perhaps", "always", "yes", "times", "o'clock",
         "said", "says", "told", "tells", "died", "dies", "left", "went", "goes", "came",
         "comes", "became", "becomes", "remain", "remains", "remained", "including", "respectively",
         "altogether", "apiece", "instead", "ago", "away", "together", "am", "pm",
         # where or how often a figure holds ("800 million worldwide"), not what it counts
         "worldwide", "globally", "overseas", "abroad", "nationwide", "countrywide",
         "domestically", "internationally", "nationally", "locally", "overall", "annually"}
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
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "'s", "\u2019s")


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
    if len(w) < 3 or not w.endswith("s") or w.endswith(_NOT_PLURAL_ENDINGS):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "zzes", "shes")) or (
        w.endswith("ches") and w not in _CHES_KEEP_E
    ):
        return w[:-2]
    return w[:-1]


def plural_looking(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun ("officers", "people")."""
    if word in _IRREGULAR_PLURALS:
        return True
    if word.endswith("men"):
        return singular(word) != word
    return len(word) >= 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)


# Verbs that give a tally its new figure: "the confirmed cases *reached* 534", "deaths
# *rose to* 22". The figure counts the plural noun just before them.
_TALLY_VERBS = frozenset({"reached", "totalled", "totaled", "numbered", "hit"})
_TALLY_AT = frozenset({"stood", "stand", "stands"})
_TALLY_TO = frozenset({"rose", "risen", "increased", "climbed", "jumped", "grew", "fell",
                       "dropped", "declined", "decreased", "reached"})  # fmt: skip


def counted_before(tk: Tokens, i: int) -> str | None:
    """The singular unit of a tally whose figure starts at token `i`: the plural noun
    right before "reached", "rose to", "stood at" and the like ("the confirmed cases
    reached 534" counts cases, "A330 orders stand at 1,688" orders), else None."""
    k = i - 1
    if tk.is_word(k, ("to", "at")):
        verbs = _TALLY_TO if tk.low[k] == "to" else _TALLY_AT
        k -= 1
    else:
        verbs = _TALLY_VERBS
    if not tk.is_word(k, verbs) or k < 1:
        return None
    if tk.kind[k - 1] != WORD or not plural_looking(tk.low[k - 1]):
        return None
    return singular(tk.low[k - 1])


# Verbs that give "the number of X" its figure: "the number of confirmed cases in New
# York *is* higher than 48,000", "the total number of deaths *stood at* 91".
_NUMBER_IS = frozenset({"is", "was", "are", "were", "stands", "stood", "remains", "remained",
                        "reached", "totalled", "totaled", "exceeds", "exceeded"})  # fmt: skip
# How far back "number of" may stand from its verb.
_NUMBER_OF_REACH = 12


def counted_as_number_of(tk: Tokens, k: int) -> str | None:
    """The singular unit of "the number of <plural noun> ... is" whose verb is token `k`
    (or "at" after "stands"), the figure right after it; None otherwise.

    No number may stand between "number of" and the verb: "the number of cases in 2020
    was" is still read, "the number of cases rose by 5 and is" is not.
    """
    if tk.is_word(k, ("at",)) and tk.is_word(k - 1, _TALLY_AT):
        k -= 1
    if not tk.is_word(k, _NUMBER_IS):
        return None
    for of in range(k - 1, max(0, k - _NUMBER_OF_REACH) - 1, -1):
        if tk.kind[of] == NUM:
            return None
        if tk.is_word(of, ("of",)) and tk.is_word(of - 1, ("number",)):
            noun = counted(tk, of + 1, plural_only=True)
            return None if noun is None or noun[1] > k else noun[0]
    return None


def _noun_words(tk: Tokens, k: int) -> list[tuple[int, int]]:
    """(first, last) tokens of up to four words from `k` that could be a noun phrase.

    A hyphenated modifier counts as one word: "well-known", "middle-aged", and one that
    ends in digits: "COVID-19 cases".
    """
    n = tk.n
    elements: list[tuple[int, int]] = []
    while k < n and len(elements) < 4:
        if (
            tk.is_word(k, ("and", "or"))
            and elements
            and _joins_modifiers(tk, elements[-1][1], k + 1)
        ):
            k += 1  # "555 current and former subpostmasters": both qualify the noun
        if tk.kind[k] != WORD or tk.low[k] in _NOT_NOUN:
            break
        last = k
        parts = 1
        while (
            parts < 3
            and tk.is_hyphen(last + 1)
            and last + 2 < n
            and (tk.kind[last + 2] == WORD or (tk.kind[last + 2] == NUM and parts == 1))
            and tk.glued(last, last + 1)
            and tk.glued(last + 1, last + 2)
        ):
            last += 2
            parts += 1
        elements.append((k, last))
        k = last + 1
    return elements


def _joins_modifiers(tk: Tokens, before: int, after: int) -> bool:
    """Whether "and" or "or" between tokens `before` and `after` joins two lower-case
    words that qualify one noun ("current and former", "past or present"), not a noun
    and another figure's words."""
    return (
        after < tk.n
        and tk.kind[before] == WORD
        and tk.kind[after] == WORD
        and tk.tok[before].islower()
        and tk.tok[after].islower()
        and not plural_looking(tk.low[before])
        and tk.low[after] not in _NOT_NOUN
    )


# Nouns that look plural and qualify the noun after them: "police officer", "staff member".
_GROUP_MODIFIERS = frozenset({"police", "staff"})


def counted(tk: Tokens, j: int, *, plural_only: bool) -> tuple[str, int] | None:
    """(singular unit, index after it) of the noun counted by a number ending before `j`.

    The noun is the first plural-looking word among the next few (so adjectives and
    proper-noun modifiers may come first: "four young gay men", "17 Metropolitan
    Police officers"), after an optional "of the" ("three of the bodies"). Without a
    plural, the next lower-case word is taken unless `plural_only`.
    """
    k = j
    if tk.is_word(k, ("of",)) and tk.is_word(k + 1, DETERMINERS):
        k += 2
    elements = _noun_words(tk, k)
    for index, (_, last) in enumerate(elements):
        if plural_looking(tk.low[last]):
            # A run of plurals ends at the head noun: "Police officers".
            while index + 1 < len(elements) and plural_looking(tk.low[elements[index + 1][1]]):
                index += 1
            # A group noun before the noun it qualifies: "one police officer", "two
            # staff members" count officers and members.
            if (
                tk.low[elements[index][1]] in _GROUP_MODIFIERS
                and index + 1 < len(elements)
                and tk.tok[elements[index + 1][0]].islower()
                and (after := tk.low[elements[index + 1][1]]) not in _VERBISH
                and not after.endswith(("ed", "ing", "ly"))
            ):
                index += 1
            last = elements[index][1]
            if tk.tok[j - 1].isdigit() and all(
                tk.tok[first][:1].isupper() for first, _ in elements[: index + 1]
            ):
                return None  # "4 Minutes", "12 Angry Men": a title or a name, not a count
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
