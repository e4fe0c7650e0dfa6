"""Words that compare two of the claim's own figures: "9.99%, well above the 4.99%",
"about £19m, ... around £100m, more than five times as much"; and a whole split into
parts ("Of the nine people aboard, three ... and the other six").

No source need state such a word: when the sources state both figures, the
comparison is arithmetic. It is stated when the figures stand in the order the
word says, and contradicted when they stand the other way ("a rise of 9.99%, well
*below* the 4.99% limit"): the note shows the article's words beside the
figures the sources give.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..coverage import Span
from ..records import Claim, Fact, FactKind, FactVerdict, Label, Value, ValueKind
from ..values import interval

# The kinds of figure a comparison orders.
_ORDERED = frozenset({FactKind.MONEY, FactKind.PERCENT, FactKind.COUNT, FactKind.NUMBER})
# The words right before the second figure: a degree, then the way, then an article.
_COMPARING = re.compile(
    r"(?i)(?:\b(?:well|far|much|way|slightly|just|significantly|considerably|comfortably|"
    r"even)\s{1,3})?\b(?P<way>above|below|over|under|beyond|exceeding|"
    r"(?:higher|lower|more|less|greater|bigger|larger|smaller|fewer)\s{1,3}than)"
    r"\s{1,3}(?:(?:the|its|their|a|an)\s{1,3})?$"
)
_UP = frozenset({"above", "over", "beyond", "exceeding", "higher", "more", "greater", "bigger",
                 "larger"})  # fmt: skip
# How far before the second figure its first may stand ("9.99% from April, well above").
_REACH = 60
# A multiple of a figure: "five times as much", "ten times the £19m budgeted".
_TIMES = re.compile(
    r"\s{1,3}times\s{1,3}(?:(?P<as>as\s{1,3}(?:much|many|large|big|high|great|long|costly)"
    r"|more|higher|larger|bigger)|(?P<the>the|its|their|what|that))\b",
    re.IGNORECASE,
)
# How far a multiple's figures may stand from it; and what may stand between "times the"
# and the figure it multiplies: a word or two ("six times the *standard* five-second
# cycle").
_MULTIPLE_REACH = 120
_BASE_GAP = re.compile(r"\s{0,3}(?:[A-Za-z][\w'-]{0,30}\s{1,3}){0,2}")
# A multiple said in a word, with the bound before it: "less than twice the", "more
# than double the".
_WORD_MULTIPLE = re.compile(
    r"(?i)\b(?:(?P<bound>more\s{1,3}than|less\s{1,3}than|almost|nearly|over|under|about)"
    r"\s{1,3})?(?P<word>twice|thrice)(?=\s{1,3}(?:as|the|its|their|what)\b)"
)
_WORD_TIMES = {"twice": 2.0, "thrice": 3.0}
_BOUNDS = {"over": "more than", "under": "less than"}


def _word_multiples(claim: Claim) -> list[tuple[Value, int, re.Match[str]]]:
    """The claim's multiples said in a word ("less than twice the five-second cycle"),
    each as a number with its bound, where it starts, and its "times" match (the words
    after it, read as `_TIMES` reads "times the")."""
    found = []
    for m in _WORD_MULTIPLE.finditer(claim.text):
        after = _AFTER_WORD.match(claim.text, m.end())
        if after is None:
            continue
        bound = " ".join(m.group("bound").lower().split()) if m.group("bound") else None
        start = claim.start + m.start("word")
        value = Value(
            ValueKind.NUMBER, m.group("word"), start, claim.start + m.end(),
            number=_WORD_TIMES[m.group("word").lower()],
            qualifier=_BOUNDS.get(bound, bound) if bound else None,
        )  # fmt: skip
        found.append((value, start, after))
    return found


# What follows a multiple said in a word, as `_TIMES` reads what follows "times".
_AFTER_WORD = re.compile(
    r"\s{1,3}(?:(?P<as>as\s{1,3}(?:much|many|large|big|high|great|long|costly))"
    r"|(?P<the>the|its|their|what))\b",
    re.IGNORECASE,
)
# Figures said "about" make their ratio loose: a multiple is denied only outside this
# share of what it allows.
_RATIO_SLACK = 0.15


@dataclass(frozen=True, slots=True)
class Compared:
    """The claim's comparing words that arithmetic settles, and a comparison it denies."""

    settled: tuple[Span, ...] = ()
    wrong: FactVerdict | None = None


def compared(claim: Claim, verdicts: Sequence[FactVerdict], uncovered: Sequence[Span]) -> Compared:
    """The uncovered words that compare two supported figures of the claim (`uncovered`
    offsets are relative to the claim's text), settled either way."""
    held = sorted(
        (
            v
            for v in verdicts
            if v.label == Label.SUPPORTED
            and v.fact.kind in _ORDERED
            and v.fact.value is not None
            and v.fact.value.number is not None
        ),
        key=lambda v: v.fact.start,
    )
    settled: list[Span] = []
    for first, second in pairwise(held):
        a, b = first.fact.value, second.fact.value
        if a is None or b is None or a.number is None or b.number is None:
            continue
        if first.fact.kind != second.fact.kind or a.unit != b.unit:
            continue
        start, end = first.fact.end - claim.start, second.fact.start - claim.start
        if end - start > _REACH or end <= start:
            continue
        found = _COMPARING.search(claim.text, start, end)
        if found is None:
            continue
        words = [t for t in uncovered if found.start() <= t.start and t.end <= found.end()]
        if not words or a.number == b.number:
            continue
        up = found.group("way").split()[0].lower() in _UP
        if (a.number > b.number) == up:
            settled += words
            continue
        said = claim.text[first.fact.start - claim.start : second.fact.end - claim.start]
        way = "less" if up else "more"
        note = f"article: {said} - sources: {first.fact.text}, {way} than {second.fact.text}"
        evidence = tuple(
            replace(e, agrees=False, note=note) for v in (first, second) for e in v.evidence[:1]
        )
        fact = Fact(
            FactKind.CONTENT,
            found.group(0).strip(),
            claim.start + found.start(),
            claim.start + found.end(),
            subject="comparison of the claim's figures",
        )
        return Compared(tuple(settled), FactVerdict(fact, Label.CONTRADICTED, 80, evidence, note))
    wrong = (
        _multiple_denied(claim, verdicts, held)
        or _parts_denied(claim, verdicts, held)
        or _names_miscounted(claim, verdicts)
    )
    return Compared(tuple(settled), wrong)


def _multiple_denied(
    claim: Claim, verdicts: Sequence[FactVerdict], held: Sequence[FactVerdict]
) -> FactVerdict | None:
    """A multiple that two of the claim's stated figures deny: "about £19m, ... around
    £100m, more than *ten* times as much" (100 / 19 is about five)."""
    multiples = [
        (v.fact.value, v.fact.start, times)
        for v in verdicts
        if v.fact.kind == FactKind.NUMBER
        and v.fact.value is not None
        and v.fact.value.number
        and (times := _TIMES.match(claim.text, v.fact.end - claim.start)) is not None
    ]
    multiples += _word_multiples(claim)
    for n, at, times in multiples:
        before = [v for v in held if v.fact.end <= at and at - v.fact.end <= _MULTIPLE_REACH]
        after = [
            v
            for v in held
            if v.fact.start >= claim.start + times.end()
            and _BASE_GAP.fullmatch(claim.text, times.end(), v.fact.start - claim.start)
        ]
        if times.group("the") and before and after:
            pair = (after[0], before[-1])  # "£100m, five times the £19m": 100 / 19
        elif times.group("as") and len(before) >= 2:
            pair = (before[-2], before[-1])  # "£19m, ... £100m, five times as much"
        else:
            continue
        base, multiple = pair
        a, b = base.fact.value, multiple.fact.value
        if (
            a is None or b is None or not a.number or b.number is None
            or base.fact.kind != multiple.fact.kind or a.unit != b.unit
        ):  # fmt: skip
            continue
        ratio = b.number / a.number
        low, high = interval(n)
        if low * (1 - _RATIO_SLACK) <= ratio <= high * (1 + _RATIO_SLACK):
            continue
        said = claim.text[at - claim.start : times.end()]
        said = f"{n.qualifier} {said}" if n.qualifier else said
        note = f"article: {said} - sources: {a.text} and {b.text}, {ratio:.1f} times"
        evidence = tuple(
            replace(e, agrees=False, note=note) for v in (base, multiple) for e in v.evidence[:1]
        )
        fact = Fact(
            FactKind.CONTENT, said, at, claim.start + times.end(),
            subject="a multiple of the claim's figures",
        )  # fmt: skip
        return FactVerdict(fact, Label.CONTRADICTED, 80, evidence, note)
    return None


# A whole the claim then splits: "*Of the nine people aboard*, three were killed and the
# other six were hurt".
_WHOLE_BEFORE = re.compile(r"(?i)\bof\s{1,3}(?:the|these|those|its|their|all)\s{1,3}$")
# The last part, which holds the rest of the whole: "and the other six", "the remaining".
_REST_BEFORE = re.compile(r"(?i)\bthe\s{1,3}(?:other|remaining)\s{1,3}$")
# How far after the whole its parts may stand.
_PARTS_REACH = 120


def _parts_denied(
    claim: Claim, verdicts: Sequence[FactVerdict], held: Sequence[FactVerdict]
) -> FactVerdict | None:
    """A whole and two parts that do not add up, where the sources state two of the
    three: "Of the nineteen people aboard, three were killed and the other six were hurt"
    (three and six are nine); "Of the nine people aboard, five were killed and the other
    six" (nine less six is three). The one the sources do not state is denied."""
    figures = sorted(
        (
            v
            for v in verdicts
            if v.fact.kind in _ORDERED
            and v.fact.value is not None
            and v.fact.value.number is not None
            and not v.fact.value.qualifier
        ),
        key=lambda v: v.fact.start,
    )
    for k, whole in enumerate(figures):
        at = whole.fact.start - claim.start
        if not _WHOLE_BEFORE.search(claim.text[max(0, at - 20) : at]):
            continue
        parts = [v for v in figures[k + 1 : k + 3] if v.fact.start - whole.fact.end <= _PARTS_REACH]
        if len(parts) != 2:
            continue
        rest = parts[1].fact.start - claim.start
        if not _REST_BEFORE.search(claim.text[max(0, rest - 20) : rest]):
            continue
        trio = [whole, *parts]
        w, a, b = (v.fact.value.number if v.fact.value else None for v in trio)
        if w is None or a is None or b is None or w == a + b:
            continue
        stated = [v for v in trio if v in held]
        if len(stated) < 2:
            continue
        wrong = next((v for v in trio if v not in held), whole)
        shown = ", ".join(
            f"the other {v.fact.text}" if v is parts[1] else v.fact.text for v in stated
        )
        note = (
            f"article: {wrong.fact.text} - sources: {shown};"
            f" {a:g} and {b:g} make {a + b:g}, not {w:g}"
        )
        evidence = tuple(
            replace(e, agrees=False, note=note) for v in stated for e in v.evidence[:1]
        )
        fact = Fact(
            FactKind.CONTENT, wrong.fact.text, wrong.fact.start, wrong.fact.end,
            subject="a whole and its parts",
        )  # fmt: skip
        return FactVerdict(fact, Label.CONTRADICTED, 80, evidence, note)
    return None


# What may stand between a count and the names it counts: "three *of them,* Matthew
# Grimstone and Jacob Schilt"; between two names, an age and "and": "Dylan Archer, 42,
# Tony Brightwell".
_COUNTED_OF = re.compile(r"(?i)\s{1,3}of\s{1,3}(?:them|the\s{1,3}[a-z]{2,20})")
_BEFORE_NAMES = re.compile(r"\s{0,3},\s{0,3}")
_BETWEEN_NAMES = re.compile(
    r"(?:\s{0,3},\s{0,3}\d{1,3})?\s{0,3}(?:,\s{0,3}(?:and\s{1,3})?|and\s{1,3})"
)
# What ends the list: an age and a comma, a comma, a colon; "both 23".
_AFTER_NAMES = re.compile(r"(?:\s{0,3},\s{0,3}\d{1,3})?\s{0,3}(?:[,:;.)]|both\b|all\b)")
_FEW = 12


def _names_miscounted(claim: Claim, verdicts: Sequence[FactVerdict]) -> FactVerdict | None:
    """A count of people the claim names right after it, where the names are not that
    many: "three of them, Matthew Grimstone and Jacob Schilt, both 23," names two. No
    source is needed: the article says both."""
    people = sorted((e for e in claim.entities if e.label == "PERSON"), key=lambda e: e.start)
    for v in verdicts:
        value = v.fact.value
        if (
            v.fact.kind not in (FactKind.COUNT, FactKind.NUMBER)
            or value is None
            or value.number is None
            or value.qualifier
            or not float(value.number).is_integer()
            or not 2 <= value.number <= _FEW
        ):
            continue
        at = v.fact.end - claim.start
        of = _COUNTED_OF.match(claim.text, at)
        opened = _BEFORE_NAMES.match(claim.text, of.end() if of else at)
        if opened is None:
            continue
        named: list[str] = []
        end = opened.end()
        for person in people:
            start = person.start - claim.start
            if start < end:
                continue
            gap = claim.text[end:start]
            if (not named and gap) or (named and not _BETWEEN_NAMES.fullmatch(gap)):
                break
            named.append(person.text)
            end = person.end - claim.start
        if len(named) < 2 or _AFTER_NAMES.match(claim.text, end) is None:
            continue
        if len(named) == value.number:
            continue
        listed = ", ".join(named[:-1]) + f" and {named[-1]}"
        note = f"article: {v.fact.text} - the article names {len(named)}: {listed}"
        fact = Fact(
            FactKind.CONTENT, v.fact.text, v.fact.start, v.fact.end,
            subject="a count and the names it counts",
        )  # fmt: skip
        return FactVerdict(fact, Label.CONTRADICTED, 80, (), note)
    return None


# A whole, then its parts in apposition: "The nine jurors, six women and three men,".
_APPOSED = re.compile(r"\s{0,3},\s{0,3}")
_NEXT_PART = re.compile(r"\s{0,3}(?:,\s{0,3}(?:and\s{1,3})?|and\s{1,3})")


def summed(claim: Claim, verdicts: Sequence[FactVerdict]) -> tuple[FactVerdict, ...]:
    """The verdicts, with a whole that no source states settled by its parts that the
    sources do: "The nine jurors, six women and three men" is stated where six women and
    three men are (six and three make nine), and denied where they make another number."""
    figures = sorted(
        (
            v
            for v in verdicts
            if v.fact.kind in (FactKind.COUNT, FactKind.NUMBER)
            and v.fact.value is not None
            and v.fact.value.number is not None
            and not v.fact.value.qualifier
        ),
        key=lambda v: v.fact.start,
    )
    settled: dict[int, FactVerdict] = {}
    for k, whole in enumerate(figures):
        if whole.label != Label.UNVERIFIED:
            continue
        parts: list[FactVerdict] = []
        end = whole.fact.end
        for part in figures[k + 1 :]:
            gap = claim.text[end - claim.start : part.fact.start - claim.start]
            if not (_APPOSED if not parts else _NEXT_PART).fullmatch(gap):
                break
            parts.append(part)
            end = part.fact.end
        if len(parts) < 2 or any(p.label != Label.SUPPORTED for p in parts):
            continue
        total = sum(p.fact.value.number for p in parts if p.fact.value and p.fact.value.number)
        w = whole.fact.value.number if whole.fact.value else None
        if w is None:
            continue
        named = " and ".join(p.fact.text for p in parts)
        agrees = total == w
        note = f"{named} make {total:g}" + ("" if agrees else f", not {w:g}")
        evidence = tuple(
            replace(e, agrees=agrees, note=note) for p in parts for e in p.evidence[:1]
        )
        label = Label.SUPPORTED if agrees else Label.CONTRADICTED
        settled[id(whole)] = replace(whole, label=label, score=75, evidence=evidence, note=note)
    return tuple(settled.get(id(v), v) for v in verdicts)
