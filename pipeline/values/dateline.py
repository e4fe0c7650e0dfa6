"""A document's own date, read from its text when its metadata gives none.

News pages, press releases and saved web pages carry their date on a line of
its own near the top ("May 20, 2019", "Published 11:07 p.m. ET Jan. 27,
2019", "PUBLISHED DATETIME: 2017-11-07 20:21"). That date dates what the
document reports: the judges read it as the source's date, as they read
`published` from front matter or meta tags.
"""

from __future__ import annotations

import re

from pipeline.records import Granularity, ValueKind

from .dates import yearless
from .scanner import find_values

# How far into a document a dateline may stand, in lines with words and in characters
# (a saved web page starts with its menus).
DATELINE_LINES = 40
DATELINE_CHARS = 6000
# The longest line read as a dateline: a date with a few words around it.
DATELINE_LENGTH = 100
# Words a dateline may hold besides its date and times; at most FREE_WORDS others
# (a byline's name, a place).
_DATELINE_WORDS = frozenset(
    """published updated posted originally first last modified on at date datetime time
    meta data am pm a.m p.m et gmt bst utc est edt pst pdt cet by and
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun""".split()
)
FREE_WORDS = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")


def dateline(text: str) -> str | None:
    """The ISO day of the document's dateline, or None.

    The first short line near the top that is a full date (day, month and
    year) with little else on it; a line that says "published" wins over an
    earlier one that says only "updated".
    """
    found: list[tuple[str, str]] = []
    lines = 0
    for line in text[:DATELINE_CHARS].splitlines():
        line = line.strip()
        if not _WORD.search(line) and not any(ch.isdigit() for ch in line):
            continue
        lines += 1
        if lines > DATELINE_LINES:
            break
        iso = _line_date(line)
        if iso is not None:
            found.append((iso, line.lower()))
    published = [iso for iso, line in found if "publish" in line or "posted" in line]
    if published:
        return published[0]
    plain = [iso for iso, line in found if "updated" not in line and "modified" not in line]
    return plain[0] if plain else None


def _line_date(line: str) -> str | None:
    if len(line) > DATELINE_LENGTH:
        return None
    values = find_values(line)
    days = [
        v
        for v in values
        if v.kind == ValueKind.DATE
        and v.granularity == Granularity.DAY
        and v.date is not None
        and not yearless(v.date)
    ]
    if not days:
        return None
    first = days[0]
    rest = line[: first.start] + " " + line[first.end :]
    for v in values:
        if v is not first:
            rest = rest.replace(v.text, " ")
    others = [w for w in _WORD.findall(rest) if w.lower().strip(".") not in _DATELINE_WORDS]
    if len(others) > FREE_WORDS:
        return None
    return first.date
