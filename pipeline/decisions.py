"""Editors' decisions on findings: recorded once, honoured by every report and the gate.

A decision (`confirmed`, `false-alarm`, `needs-source`; `undone` takes it
back) is an entry in an append-only log in the evidence store: who, when,
what and why. It belongs to a claim, by the claim's id (the hash of its
normalised sentence), and to the evidence the verdict cited when it was made
(`evidence_hash`: the documents and texts of the passages). So it holds in
any draft and any later run while the sentence and its evidence stay the
same, and lapses when either changes: an edited sentence is another claim; a
replaced source document, or a new passage cited, is other evidence. A source
that bears on nothing in the claim changes neither.

The latest entry for a claim wins (two editors who disagree: the later one),
and every entry stays in the log. A decisions file (`export_decisions`,
JSON or CSV) carries them to a store rebuilt elsewhere, in CI.

Only the store's `add_decision`, `decisions_for` and `all_decisions` are used.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ClaimcheckError
from .records import ArticleReport, ClaimVerdict, Decision, DecisionKind
from .text import display

if TYPE_CHECKING:
    from .store import EvidenceStore as Store

FILE_VERSION = 1
COLUMNS = tuple(f.name for f in fields(Decision) if f.name != "id")


class DecisionError(ClaimcheckError):
    """A decision that cannot be recorded, or a decisions file that cannot be read."""


def evidence_hash(verdict: ClaimVerdict) -> str:
    """A hash of the evidence a claim's verdict rests on: each passage's document and text.

    The passages of every fact, in no particular order; no evidence at all
    hashes too (a claim nothing backs), so a needs-source decision lapses
    when a source for it arrives.
    """
    passages = sorted({(e.document_id, e.text) for fact in verdict.facts for e in fact.evidence})
    digest = hashlib.sha256()
    for document_id, text in passages:
        for part in (document_id, text):
            data = part.encode()
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
    return digest.hexdigest()[:32]


def decide(
    store: Store,
    verdict: ClaimVerdict,
    decision: DecisionKind | str,
    *,
    reason: str,
    author: str,
    path: str | None = None,
    decided_at: str | None = None,
) -> Decision:
    """Record an editor's decision on a claim's verdict; the entry as logged.

    A reason and a name are required (DecisionError without): a decision
    nobody can account for is no better than an inline ignore.
    """
    entry = Decision(
        claim_id=verdict.claim.id,
        evidence_hash=evidence_hash(verdict),
        decision=DecisionKind(decision),
        reason=reason,
        author=author,
        decided_at=decided_at or _now(),
        claim=display(verdict.claim.text),
        label=str(verdict.label),
        path=path,
    )
    return log_decision(store, entry)


def log_decision(store: Store, entry: Decision) -> Decision:
    """Append an entry to the store's log (its reason and name required); the entry logged."""
    reason, author = " ".join(entry.reason.split()), " ".join(entry.author.split())
    if not reason:
        raise DecisionError("a decision needs a reason")
    if not author:
        raise DecisionError("a decision needs the name of who made it")
    if not entry.claim_id or not entry.evidence_hash:
        raise DecisionError("a decision needs the claim and the evidence it was made on")
    entry = replace(entry, reason=reason, author=author, decision=DecisionKind(entry.decision))
    return replace(entry, id=store.add_decision(_row(entry)))


def history(store: Store, claim_ids: Sequence[str] | None = None) -> list[Decision]:
    """The log, oldest first: all of it, or the entries on these claims."""
    rows = store.all_decisions() if claim_ids is None else store.decisions_for(list(claim_ids))
    return [_decision(row) for row in rows]


def latest(entries: Iterable[Decision]) -> dict[str, Decision]:
    """The entry that wins for each claim: the latest decided (the log's order breaks ties)."""
    ordered = sorted(enumerate(entries), key=lambda pair: (pair[1].decided_at, pair[0]))
    return {entry.claim_id: entry for _index, entry in ordered}


def holding(
    verdicts: Iterable[ClaimVerdict], store: Store, extra: Iterable[Decision] = ()
) -> tuple[Decision, ...]:
    """The decisions that hold for these verdicts: latest, not undone, on the same evidence.

    `extra` are decisions from a file (the config's `decisions`), weighed
    with the store's log by when they were made.
    """
    verdicts = list(verdicts)
    ids = list(dict.fromkeys(v.claim.id for v in verdicts))
    wanted = set(ids)
    entries = _merged(history(store, ids), (d for d in extra if d.claim_id in wanted))
    winners = latest(entries)
    held: list[Decision] = []
    for verdict in verdicts:
        entry = winners.get(verdict.claim.id)
        if (
            entry is not None
            and entry.decision != DecisionKind.UNDONE
            and entry.evidence_hash == evidence_hash(verdict)
            and entry not in held
        ):
            held.append(entry)
    return tuple(held)


def with_decisions(
    report: ArticleReport, store: Store, extra: Iterable[Decision] = ()
) -> ArticleReport:
    """The report with the decisions that hold for its claims."""
    return replace(report, decisions=holding(report.claims, store, extra))


def _merged(first: Iterable[Decision], second: Iterable[Decision]) -> list[Decision]:
    """Both lists, an entry found in both (same claim, evidence, decision, who, when) once."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for entry in (*first, *second):
        key = _identity(entry)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _identity(entry: Decision) -> tuple[Any, ...]:
    return (
        entry.claim_id,
        entry.evidence_hash,
        str(entry.decision),
        entry.author,
        entry.decided_at,
        entry.reason,
    )


# --- files ------------------------------------------------------------------------


def export_decisions(entries: Sequence[Decision], fmt: str = "json") -> str:
    """The log as a decisions file: "json" ({"decisions": [...]}) or "csv" (one row each)."""
    rows = [_row(e) for e in entries]
    if fmt == "json":
        document = {"tool": "claimcheck", "version": FILE_VERSION, "decisions": rows}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
        return out.getvalue()
    raise ValueError(f"not a decisions format: {fmt!r}")


def parse_decisions(text: str, fmt: str) -> list[Decision]:
    """The entries of a decisions file's text; DecisionError naming what is wrong."""
    try:
        if fmt == "json":
            data = json.loads(text)
            rows = data["decisions"] if isinstance(data, dict) else data
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        else:
            raise ValueError(f"not a decisions format: {fmt!r}")
        return [_decision(row) for row in rows]
    except (ValueError, KeyError, TypeError) as e:
        raise DecisionError(f"not a claimcheck decisions file ({e})") from e


def read_decisions(path: str | Path) -> list[Decision]:
    """A decisions file, JSON or CSV by its suffix; DecisionError if it cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DecisionError(f"{path}: cannot read the decisions file: {e.strerror or e}") from e
    fmt = "csv" if path.suffix.lower() == ".csv" else "json"
    try:
        return parse_decisions(text, fmt)
    except DecisionError as e:
        raise DecisionError(f"{path}: {e}") from e


def import_decisions(store: Store, entries: Iterable[Decision]) -> int:
    """Add to the store's log the entries it does not hold yet; how many were added."""
    known = {_identity(e) for e in history(store)}
    added = 0
    for entry in entries:
        if _identity(entry) in known:
            continue
        store.add_decision(_row(entry))
        known.add(_identity(entry))
        added += 1
    return added


def _row(entry: Decision) -> dict[str, Any]:
    row = asdict(entry)
    row.pop("id")
    row["decision"] = str(entry.decision)
    return row


def _decision(row: dict[str, Any]) -> Decision:
    missing = [
        c
        for c in ("claim_id", "evidence_hash", "decision", "author", "decided_at")
        if not row.get(c)
    ]
    if missing:
        raise ValueError(f"an entry lacks {', '.join(missing)}")
    return Decision(
        claim_id=str(row["claim_id"]),
        evidence_hash=str(row["evidence_hash"]),
        decision=DecisionKind(row["decision"]),
        reason=str(row.get("reason") or ""),
        author=str(row["author"]),
        decided_at=str(row["decided_at"]),
        claim=str(row.get("claim") or ""),
        label=str(row.get("label") or ""),
        path=row.get("path") or None,
        id=int(row["id"]) if row.get("id") not in (None, "") else None,
    )


def describe_decision(entry: Decision) -> str:
    """One line for a report: 'false alarm (Jo Bloggs, 2026-11-28): the source is outdated'."""
    what = str(entry.decision).replace("-", " ")
    return f"{what} ({entry.author}, {entry.decided_at[:10]}): {entry.reason}"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
