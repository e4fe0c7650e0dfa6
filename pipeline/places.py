"""Places as a newsroom names them: one country by several names, a region and its parts.

"America", "the U.S." and "the United States" name one country; "North America"
holds the United States, Canada and Mexico. The judges ask whether two names can
name one place (then neither is the other's rival) and whether a passage names a
region by its parts ("in the United States and Canada" for "in North America").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from . import lexicon

# Names of one country, by the name the rest of this module uses for it.
_COUNTRY_NAMES = {
    "united states": frozenset(
        {"us", "u.s", "u.s.", "usa", "u.s.a", "u.s.a.", "america", "united states",
         "united states of america", "the states"}
    ),
    "united kingdom": frozenset(
        {"uk", "u.k", "u.k.", "britain", "great britain", "united kingdom"}
    ),
    # not a country, but one region by two names
    "caribbean": frozenset({"caribbean", "west indies", "the caribbean", "the west indies"}),
}  # fmt: skip
# Regions and the places they hold.
_REGIONS = {
    "north america": frozenset({"united states", "canada", "mexico"}),
    "united kingdom": frozenset({"england", "scotland", "wales", "northern ireland"}),
}
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def place_key(name: str) -> str:
    """A place's name as one spelling: "the U.S." and "America" are "united states"."""
    lower = " ".join(re.sub(r"^the\s+", "", name.strip().lower()).split())
    return next((key for key, names in _COUNTRY_NAMES.items() if lower in names), lower)


def one_country(a: str, b: str) -> bool:
    """Whether two names name one country by two of its names: "Britain" / "the UK"."""
    key = place_key(a)
    return key in _COUNTRY_NAMES and key == place_key(b)


def one_place(a: str, b: str) -> bool:
    """Whether two names can name one place or one holds the other: "America" / "the
    United States", "North America" / "Canada", "US" / "Northeastern United States",
    "Canada" / "the Canadian Albums Chart" (its adjective)."""
    x, y = place_key(a), place_key(b)
    if x == y or y in _REGIONS.get(x, ()) or x in _REGIONS.get(y, ()):
        return True
    if re.search(rf"(?<!\w){re.escape(x)}(?!\w)", y) or re.search(
        rf"(?<!\w){re.escape(y)}(?!\w)", x
    ):
        return True
    # A place named in one word and its adjective in the other ("Canada" / "the Canadian
    # Albums Chart"), not two words inside longer names ("City" of London Police /
    # "Metropolitan" Police).
    return any(
        w[:1].isupper()
        and v[:1].isupper()
        and (w.lower() == x or v.lower() == y)
        and lexicon.relation(w, v) == lexicon.Relation.DERIVED
        for w in set(_WORD.findall(a))
        for v in set(_WORD.findall(b))
    )


def region_by_parts(name: str, words: AbstractSet[str]) -> bool:
    """Whether a window's words name a region by two or more of its parts: "the United
    States and Canada" for "North America" (as box-office reports write it)."""
    parts = _REGIONS.get(place_key(name))
    if parts is None:
        return False
    named = [p for p in parts if all(w in words for w in p.split())]
    return len(named) >= 2
