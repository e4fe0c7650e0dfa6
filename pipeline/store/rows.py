"""What both stores share when they turn rows into records: copied tables, values, neighbours."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Entity, Granularity, Surroundings, Value, ValueKind

# Every table a store copy carries, parents before children, with the column
# that orders its rows; ids are kept. Editors' decisions and fetch provenance
# are the store's data as much as its documents.
COPIED: dict[str, str] = {
    "documents": "id",
    "pages": "document_id, number",
    "passages": "id",
    "entities": "id",
    "passage_values": "id",
    "runs": "id",
    "articles": "id",
    "results": "id",
    "run_articles": "run_id, path",
    "fetches": "url",
    "decisions": "id",
}
TABLES = tuple(COPIED)


def value_from_row(row: Iterable[Any]) -> tuple[int, Value]:
    """(passage id, Value) from a row of (passage_id, kind, text, start, end, number,
    date, granularity, unit, subject, qualifier)."""
    pid, kind, text, start, end, number, date, granularity, *rest = row
    return pid, Value(
        ValueKind(kind),
        text,
        start,
        end,
        number,
        date,
        Granularity(granularity) if granularity else None,
        *rest,
    )


def neighbours(rows: Iterable[tuple[int, int, str]]) -> dict[int, tuple[str, str]]:
    """By passage id, the texts before and after it, from rows of (passage id, distance
    in passages, text) in passage order: (" "-joined before, " "-joined after)."""
    found: dict[int, tuple[list[str], list[str]]] = {}
    for pid, distance, text in rows:
        before, after = found.setdefault(pid, ([], []))
        (before if distance < 0 else after).append(text)
    return {pid: (" ".join(b), " ".join(a)) for pid, (b, a) in found.items()}


def surroundings(
    values: dict[int, list[Value]],
    entities: dict[int, list[Entity]],
    rows: Iterable[tuple[int, int, str]],
) -> Surroundings:
    """`Surroundings` from values, entities and the rows `neighbours` reads (the passage
    right after each is the row at distance 1)."""
    listed = list(rows)
    following = {pid: text for pid, distance, text in listed if distance == 1}
    return Surroundings(values, entities, neighbours(listed), following)
