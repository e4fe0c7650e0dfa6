"""Units of measure: a count's unit turned into a base unit of its dimension.

"200 miles" and "322 kilometres" say the same distance, "90 mph" and "145 km/h"
the same speed; "two hours" and "two
minutes" do not. Counts whose units share a dimension (length, area, weight,
time) are compared in its base unit (metres, square metres, kilograms,
seconds); other units (officers, victims) only with themselves.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.lexicon import Relation, relation
from pipeline.records import Value

from .compare import compare_numbers, interval, rounded_threshold, same_bound

# unit (singular, as `singular` gives it) -> (dimension, size in the base unit)
_UNITS: dict[str, tuple[str, float]] = {
    # length, in metres
    "millimetre": ("length", 0.001),
    "millimeter": ("length", 0.001),
    "mm": ("length", 0.001),
    "centimetre": ("length", 0.01),
    "centimeter": ("length", 0.01),
    "cm": ("length", 0.01),
    "metre": ("length", 1.0),
    "meter": ("length", 1.0),
    "m": ("length", 1.0),  # "108 m"; "£5m" and "5m people" are millions (the scanner's)
    "kilometre": ("length", 1000.0),
    "kilometer": ("length", 1000.0),
    "km": ("length", 1000.0),
    "inch": ("length", 0.0254),
    "foot": ("length", 0.3048),
    "feet": ("length", 0.3048),
    "ft": ("length", 0.3048),
    "yard": ("length", 0.9144),
    "mile": ("length", 1609.344),
    "mi": ("length", 1609.344),
    # area, in square metres ("square feet" is read as the unit "square foot")
    "square metre": ("area", 1.0),
    "square meter": ("area", 1.0),
    "square kilometre": ("area", 1_000_000.0),
    "square kilometer": ("area", 1_000_000.0),
    "square inch": ("area", 0.00064516),
    "square foot": ("area", 0.09290304),
    "square yard": ("area", 0.83612736),
    "square mile": ("area", 2_589_988.110336),
    "hectare": ("area", 10_000.0),
    "acre": ("area", 4046.8564224),
    # weight, in kilograms
    "gram": ("weight", 0.001),
    "kilogram": ("weight", 1.0),
    "kilo": ("weight", 1.0),
    "kg": ("weight", 1.0),
    "tonne": ("weight", 1000.0),
    "ton": ("weight", 1000.0),
    "pound": ("weight", 0.45359237),
    "lb": ("weight", 0.45359237),
    "stone": ("weight", 6.35029318),
    "ounce": ("weight", 0.028349523125),
    # time, in seconds
    "second": ("time", 1.0),
    "minute": ("time", 60.0),
    "hour": ("time", 3600.0),
    "day": ("time", 86_400.0),
    "week": ("time", 604_800.0),
    "fortnight": ("time", 1_209_600.0),
    "month": ("time", 2_629_746.0),
    "year": ("time", 31_556_952.0),
    "decade": ("time", 315_569_520.0),
    # speed, in metres a second
    "km/h": ("speed", 1000 / 3600),
    "kph": ("speed", 1000 / 3600),
    "m/s": ("speed", 1.0),
    "mi/h": ("speed", 1609.344 / 3600),
    "mph": ("speed", 1609.344 / 3600),
}
# Rounding between units: "200 miles" is "about 320 kilometres" (two units rarely
# convert to round numbers), so converted values agree within this share.
TOLERANCE = 0.05


def unit_size(unit: str | None) -> tuple[str, float] | None:
    """A unit's dimension and its size in that dimension's base unit ("inch": ("length",
    0.0254)), None for what is not a measure."""
    return _UNITS.get((unit or "").lower())


def dimension(unit: str | None) -> str | None:
    """The dimension of a unit ("length", "time" ...), None for what is not a measure."""
    found = unit_size(unit)
    return found[0] if found else None


def seconds_in(unit: str | None) -> float | None:
    """Seconds in a unit of time ("week": 604,800), None for any other unit."""
    found = unit_size(unit)
    return found[1] if found is not None and found[0] == "time" else None


# How a source's counted noun may name the claim's: another spelling or a synonym
# ("travellers" / "travelers", "injuries" / "wounds"), or a more specific word
# ("fatalities" counts "deaths"; "deaths" does not count "fatalities").
_SAME_THING = frozenset({Relation.SAME, Relation.SYNONYM, Relation.SPECIFIC})


# Counted nouns that newsrooms use for one count, which WordNet does not join: the
# critics an aggregator counts are its reviews; a fatality is a death.
_ONE_COUNT = (
    frozenset({"critic", "review", "reviewer"}),
    frozenset({"death", "fatality"}),
    frozenset({"people", "person", "individual"}),  # "58 people" / "58 individuals"
    # a population ("a population of 41,786") in the words for those who make it up
    frozenset({"inhabitant", "resident", "citizen", "people"}),
    # what is sold: "eight million units" / "eight million copies"
    frozenset({"copy", "unit"}),
    # the parts of a serial: "a four-part drama" / "a drama in four episodes"
    frozenset({"part", "episode", "instalment", "installment"}),
)


def comparable(a: Value, b: Value) -> bool:
    """Whether the count `b` (a source's) measures what the count `a` (a claim's) does:
    the same unit, units of one dimension, or a noun that names the same thing."""
    if a.unit == b.unit:
        return True
    if any(a.unit in group and b.unit in group for group in _ONE_COUNT):
        return True
    da, db = dimension(a.unit), dimension(b.unit)
    if da is not None or db is not None:
        return da == db
    if not a.unit or not b.unit:
        return False
    return relation(a.unit, b.unit) in _SAME_THING


def in_base_unit(value: Value) -> Value:
    """The value with its number in its dimension's base unit (unchanged if none)."""
    found = unit_size(value.unit)
    if found is None or value.number is None:
        return value
    return replace(value, number=value.number * found[1], unit=found[0])


def compare_measures(claim: Value, source: Value) -> bool | None:
    """As `compare_numbers`, across units of one dimension ("200 miles" / "322 km").

    Values in one unit are compared exactly; converted ones agree within
    TOLERANCE, and disagree only when they stay apart by more than it.
    """
    if claim.unit == source.unit or dimension(claim.unit) is None:
        return compare_numbers(claim, source)
    if dimension(claim.unit) != dimension(source.unit):
        return None  # "150 km/h" and "140 km": a speed and a length
    mine, theirs = in_base_unit(claim), in_base_unit(source)
    if same_bound(mine, theirs) and mine.number is not None and theirs.number is not None:
        # Two thresholds: the same one within TOLERANCE ("at least two years" / "at
        # least 24 months"), else neither settles the other.
        close = abs(mine.number - theirs.number) <= TOLERANCE * max(mine.number, theirs.number)
        if close:
            return True
        # The source's figure in another unit: "taller than 18 feet" / "more than 18
        # metres tall" is one threshold with its unit changed, not another threshold.
        if claim.number == source.number:
            return False
        # Else as two bounds in one unit: "a runtime of more than 200 minutes" is not
        # what "over 3 hours" says. A stricter bound said in another unit is another
        # threshold ("taller than 10 yards" / "more than 18 metres tall"): unsettled.
        found = compare_numbers(mine, theirs)
        return None if found and not rounded_threshold(mine, theirs) else found
    a_lo, a_hi = interval(mine)
    b_lo, b_hi = interval(theirs)
    a_lo, a_hi = a_lo * (1 - TOLERANCE), a_hi * (1 + TOLERANCE)
    if a_lo <= b_lo and b_hi <= a_hi:
        return True
    if b_hi * (1 + TOLERANCE) < a_lo or a_hi < b_lo * (1 - TOLERANCE):
        return False
    return None
