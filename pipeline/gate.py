"""The gate: verdicts on drafts -> findings at or above a fail level, and an exit code.

`gate(paths, store=...)` verifies each draft and turns its claims into
GatedClaims located by line and column, each CONTRADICTED, DISPUTED or
UNVERIFIED claim a finding: an error (it fails the run) at or above the fail
level, a warning below it. A finding does not count when it is suppressed:

- inline, in a Markdown draft: `<!-- claimcheck: ignore -->` before a sentence,
  `<!-- claimcheck: ignore-paragraph -->` before a paragraph,
  `<!-- claimcheck: ignore-file -->` anywhere; text after the directive, up to
  the end of the comment, is kept as the reason;
- by configuration: `ignore`, claim ids or regular expressions;
- by a baseline file of accepted findings, matched by the draft's path and the
  claim's normalised words (never its line), so edits elsewhere keep it accepted.

With `changed_since` (a git revision) only claims whose words were added or
changed since that revision are gated, compared word by word with the draft as
it was there (rewrapped lines change nothing); a draft not in the revision is
all new.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import subprocess
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .decoding import decode
from .errors import ExtractionError, GateError
from .records import (
    ArticleReport,
    ClaimVerdict,
    Decision,
    DecisionKind,
    DraftError,
    DraftResult,
    Evidence,
    FailLevel,
    GatedClaim,
    GateResult,
    Label,
    Severity,
    Suppression,
)

# spaCy, claim extraction, verification and the store are imported where a
# draft is verified: `unchanged_since` (a pre-commit hook on a commit that
# leaves the drafts alone) needs none of them.
if TYPE_CHECKING:
    from spacy.language import Language

    from .store import EvidenceStore

DRAFT_SUFFIXES = (".md", ".markdown", ".txt")
BASELINE_VERSION = 1
MAX_DRAFT_BYTES = 20 * 1024 * 1024
DIRECTIVES = ("ignore", "ignore-paragraph", "ignore-file")
# The reason stops at the next comment opener: a draft of many unclosed openers is
# scanned once, not once from each of them.
_DIRECTIVE = re.compile(
    r"<!--\s*claimcheck\s*:\s*(?P<name>[\w-]*)(?P<reason>(?:(?!<!--).)*?)-->", re.DOTALL
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NOT_SPACE = re.compile(r"\S")


def gate(
    paths: str | Path | Iterable[str | Path],
    *,
    store: EvidenceStore,
    nlp: Language | None = None,
    level: FailLevel | str = FailLevel.CONTRADICTED,
    score_cutoff: int = 0,
    ignore: Sequence[str] = (),
    baseline: str | Path | None = None,
    changed_since: str | None = None,
    document_ids: Sequence[str] | None = None,
    root: str | Path | None = None,
    decisions: Sequence[Decision] = (),
) -> GateResult:
    """Verify drafts (files, or folders of .md, .markdown and .txt files) and gate them.

    `level` is the verdict that fails ("contradicted": CONTRADICTED and
    DISPUTED; "unverified": UNVERIFIED too). A contradicted or disputed claim
    whose confidence is under `score_cutoff` (0-100) warns instead of failing.
    `ignore` holds claim ids or regular expressions (searched in the claim's
    text, case ignored). `baseline` is a file written by `write_baseline`.
    `root` is the folder the findings' `uri`s are relative to: by default the
    git repository holding the first draft, else the current folder.

    A draft that cannot be read becomes a DraftError (exit code 2) and the
    others go on. Raises GateError when the run cannot start: a path that does
    not exist, an unreadable baseline, `changed_since` outside a git
    repository or naming no revision.

    Example:

        from pipeline.gate import gate
        from pipeline.store import open_store

        with open_store("claimcheck.db") as store:
            result = gate(["drafts/"], store=store, level="unverified")
        for finding in result.failing:
            print(finding.path, finding.line, finding.message)
    """
    from . import nlp as nlp_
    from .claims import article_from_text
    from .decisions import with_decisions
    from .verification import verify_article

    drafts = draft_paths(paths)
    level = FailLevel(level)
    root_path = Path(root) if root is not None else _default_root(drafts)
    accepted = read_baseline(baseline) if baseline is not None else None
    patterns = [re.compile(p, re.IGNORECASE) for p in ignore]
    nlp = nlp if nlp is not None else nlp_.load()
    results: list[DraftResult] = []
    errors: list[DraftError] = []
    for path in drafts:
        uri = artifact_uri(path, root_path)
        try:
            text = _read_draft(path)
        except ExtractionError as e:
            errors.append(DraftError(str(path), uri, e.cause))
            continue
        # Outside a repository or with an unknown revision no draft can be gated: stop.
        changes = changes_since(path, changed_since, text) if changed_since else None
        if changes is not None and not changes.spans and not changes.points:
            results.append(DraftResult(str(path), uri, (), unchanged=True))
            continue
        markdown = path.suffix.lower() != ".txt"
        try:
            article = article_from_text(text, path=str(path), markdown=markdown)
            report = verify_article(article, store, nlp=nlp, document_ids=document_ids)
            report = with_decisions(report, store, decisions)
            inline = inline_suppressions(text, report, article.body_start) if markdown else {}
        except ExtractionError as e:  # invalid front matter
            errors.append(DraftError(str(path), uri, e.cause))
            continue
        except GateError as e:  # a misspelt directive
            errors.append(DraftError(str(path), uri, str(e)))
            continue
        results.append(
            gate_report(
                report,
                text,
                path=str(path),
                uri=uri,
                level=level,
                score_cutoff=score_cutoff,
                ignore=patterns,
                inline=inline,
                baseline=accepted,
                changes=changes,
            )
        )
    return GateResult(
        level=level,
        drafts=tuple(results),
        errors=tuple(errors),
        score_cutoff=score_cutoff,
        changed_since=changed_since,
        root=str(root_path),
    )


def unchanged_since(
    paths: str | Path | Iterable[str | Path],
    changed_since: str,
    *,
    level: FailLevel | str = FailLevel.CONTRADICTED,
    score_cutoff: int = 0,
    baseline: str | Path | None = None,
    root: str | Path | None = None,
) -> GateResult | None:
    """What `gate(paths, changed_since=...)` gives when no draft changed since that revision.

    Then there is nothing to verify, and neither spaCy nor the store is
    loaded: a pre-commit hook runs this on every commit. None as soon as one
    draft changed or cannot be read (let `gate` check and report it). Raises
    GateError as `gate` does: a path that does not exist, an unreadable
    baseline, a revision git does not know.
    """
    drafts = draft_paths(paths)
    root_path = Path(root) if root is not None else _default_root(drafts)
    if baseline is not None:
        read_baseline(baseline)  # a broken baseline is an error whether or not it is used
    results = []
    for path in drafts:
        try:
            text = _read_draft(path)
        except ExtractionError:
            return None
        changes = changes_since(path, changed_since, text)
        if changes.spans or changes.points:
            return None
        results.append(DraftResult(str(path), artifact_uri(path, root_path), (), unchanged=True))
    return GateResult(
        level=FailLevel(level),
        drafts=tuple(results),
        errors=(),
        score_cutoff=score_cutoff,
        changed_since=changed_since,
        root=str(root_path),
    )


def gate_report(
    report: ArticleReport,
    text: str,
    *,
    path: str,
    uri: str,
    level: FailLevel = FailLevel.CONTRADICTED,
    score_cutoff: int = 0,
    ignore: Sequence[re.Pattern[str]] = (),
    inline: dict[int, Suppression] | None = None,
    baseline: Baseline | None = None,
    changes: Changes | None = None,
) -> DraftResult:
    """The gated claims of one verified draft; `text` is the draft as read (offsets index it).

    `inline` maps a claim's start offset to its inline suppression; `changes`,
    when given, limits the gate to the claims it touches.
    """
    from .decisions import describe_decision

    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    seen: dict[str, int] = {}
    claims: list[GatedClaim] = []
    not_gated = 0
    for verdict in report.claims:
        claim = verdict.claim
        occurrence = seen.get(claim.id, 0)
        seen[claim.id] = occurrence + 1
        if changes is not None and not changes.touches(claim.start, claim.end):
            not_gated += 1
            continue
        last = max(claim.end - 1, claim.start)
        end_line = bisect_right(line_starts, last)
        severity = _severity(verdict, level, score_cutoff)
        message, source = describe(verdict) if severity is not None else ("", None)
        fingerprint = claim.id if occurrence == 0 else _hash(f"{claim.id}/{occurrence}")
        suppression = None
        if severity is not None:
            suppression = (inline or {}).get(claim.start) or _ignored(verdict, ignore)
            if suppression is None and baseline is not None and baseline.accepts(path, fingerprint):
                suppression = Suppression("baseline", f"accepted in {baseline.path}")
        decision = report.decision(claim.id)
        if decision is not None:
            severity, suppression = _decided(decision, severity, suppression)
            if severity is not None:
                if not message:
                    message, source = describe(verdict)
                if decision.decision != DecisionKind.FALSE_ALARM:
                    message += f" [editor: {describe_decision(decision)}]"
        claims.append(
            GatedClaim(
                verdict=verdict,
                path=path,
                uri=uri,
                line=claim.line,
                column=claim.column,
                end_line=end_line,
                end_column=last - line_starts[end_line - 1] + 1,
                fingerprint=fingerprint,
                severity=severity,
                message=message,
                source=source,
                suppression=suppression,
                decision=decision,
            )
        )
    return DraftResult(path, uri, tuple(claims), not_gated=not_gated)


def _decided(
    decision: Decision, severity: Severity | None, suppression: Suppression | None
) -> tuple[Severity | None, Suppression | None]:
    """A finding's severity and suppression once an editor's decision on it holds.

    A confirmed error fails whatever the level or any other suppression says
    (until the sentence or its evidence changes); a false alarm is
    suppressed; a claim that needs a source warns and does not fail.
    """
    from .decisions import describe_decision

    if decision.decision == DecisionKind.CONFIRMED:
        return Severity.ERROR, None
    if decision.decision == DecisionKind.FALSE_ALARM:
        if severity is None:
            return None, None
        return severity, Suppression("decision", describe_decision(decision))
    if decision.decision == DecisionKind.NEEDS_SOURCE and severity is not None:
        return Severity.WARNING, suppression
    return severity, suppression


def _severity(verdict: ClaimVerdict, level: FailLevel, score_cutoff: int) -> Severity | None:
    if verdict.label == Label.SUPPORTED:
        return None
    if verdict.label not in level.failing:
        return Severity.WARNING
    confident = verdict.label == Label.UNVERIFIED or verdict.score >= score_cutoff
    return Severity.ERROR if confident else Severity.WARNING


def _ignored(verdict: ClaimVerdict, patterns: Sequence[re.Pattern[str]]) -> Suppression | None:
    from .text import display

    text = display(verdict.claim.text)
    for pattern in patterns:
        if pattern.pattern == verdict.claim.id or pattern.search(text):
            return Suppression("config", f"ignore = {pattern.pattern!r}")
    return None


def describe(verdict: ClaimVerdict) -> tuple[str, str | None]:
    """What is wrong with a claim, in one line, and the source of its best evidence.

    'age "22": article: 22 - source: 23 (BBC News, 2016-11-23)'; the verdict
    itself is left to the renderer.
    """
    facts = [f for f in verdict.facts if f.label == verdict.label] or [
        f for f in verdict.facts if f.label != Label.SUPPORTED
    ]
    parts, source = [], None
    for fact in facts:
        part = f'{fact.fact.kind} "{fact.fact.text}": {fact.note or str(fact.label).lower()}'
        if fact.evidence:
            where = source_name(fact.evidence[0])
            source = source or where
            part += f" ({where})"
        parts.append(part)
    if not parts:
        parts.append("nothing in the store backs this claim")
    return "; ".join(parts), source


def source_name(evidence: Evidence) -> str:
    """A source as people cite it: publisher (or title), date, and page past the first."""
    parts = [
        evidence.publisher or evidence.title or evidence.path or evidence.document_id[:12],
        evidence.published,
        f"page {evidence.page}" if evidence.page > 1 else None,
    ]
    return ", ".join(p for p in parts if p)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


# --- drafts ---------------------------------------------------------------------


def draft_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Drafts from files and folders: folders give their .md, .markdown and .txt files.

    Folders are searched recursively, hidden files and folders left out, in
    name order. A file given by name is a draft whatever its suffix (read as
    Markdown unless it is .txt), except HTML: its lines are not those of the
    text checked, so annotations could not point into it. Raises GateError for
    a path that does not exist and for an HTML file.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    drafts: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            drafts.extend(
                found
                for found in sorted(path.rglob("*"))
                if found.is_file()
                and found.suffix.lower() in DRAFT_SUFFIXES
                and not any(part.startswith(".") for part in found.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() in (".html", ".htm", ".xhtml"):
                raise GateError(
                    f"{path}: the gate reads Markdown and text drafts; "
                    "check HTML articles with claimcheck verify"
                )
            drafts.append(path)
        else:
            raise GateError(f"{path}: no such file or folder")
    return list(dict.fromkeys(drafts))


def _read_draft(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_DRAFT_BYTES:
            raise ExtractionError(str(path), f"draft over the limit of {MAX_DRAFT_BYTES:,} bytes")
        raw = path.read_bytes()
    except OSError as e:
        raise ExtractionError(str(path), f"cannot read: {e.strerror or e}") from e
    return decode(raw, path=str(path))[0]


def repository_root(path: Path) -> Path | None:
    """The git work tree holding `path` (the folder with `.git` in it), if any."""
    folder = path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _default_root(drafts: Sequence[Path]) -> Path:
    return (repository_root(drafts[0]) if drafts else None) or Path.cwd()


def artifact_uri(path: Path, root: Path) -> str:
    """The draft's path relative to `root`, '/'-separated; a file URI when outside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(root.resolve()).as_posix()
    except ValueError:
        return resolved.as_uri()


# --- inline suppression ---------------------------------------------------------


def inline_suppressions(
    text: str, report: ArticleReport, body_start: int = 0
) -> dict[int, Suppression]:
    """Claims suppressed by `<!-- claimcheck: ... -->` comments, by their start offset.

    `ignore` takes the first sentence that starts after the comment (check-
    worthy or not), `ignore-paragraph` every sentence of the paragraph after
    it, `ignore-file` the whole draft. Raises GateError naming the line of an
    unknown directive.
    """
    starts = sorted(
        {c.claim.start for c in report.claims} | {c.start for c in report.not_checkworthy}
    )
    suppressed: dict[int, Suppression] = {}
    for match in _DIRECTIVE.finditer(text, body_start):
        name = match.group("name").lower()
        # "ignore -- checked by the desk", "ignore: paywalled": the words are the reason.
        reason = " ".join(match.group("reason").split()).lstrip("-:\u2013\u2014 ") or None
        if name not in DIRECTIVES:
            line = text.count("\n", 0, match.start()) + 1
            raise GateError(
                f"{report.path}:{line}: unknown claimcheck directive {name!r} "
                f"(use {', '.join(DIRECTIVES)})"
            )
        suppression = Suppression("inline", reason or f"claimcheck: {name}")
        if name == "ignore-file":
            return dict.fromkeys(starts, suppression)
        if name == "ignore":
            after = [s for s in starts if s >= match.end()]
            chosen = after[:1]
        else:
            word = _NOT_SPACE.search(text, match.end())
            begin = word.start() if word else len(text)
            found = _PARAGRAPH_BREAK.search(text, begin)
            end = found.start() if found else len(text)
            chosen = [s for s in starts if begin <= s < end]
        for start in chosen:
            suppressed.setdefault(start, suppression)
    return suppressed


# --- baseline -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Baseline:
    """Accepted findings: (path relative to the baseline's folder, fingerprint) pairs."""

    path: str
    entries: frozenset[tuple[str, str]]

    def accepts(self, draft: str | Path, fingerprint: str) -> bool:
        return (_relative(draft, Path(self.path).parent), fingerprint) in self.entries


def read_baseline(path: str | Path) -> Baseline:
    """A baseline file written by `write_baseline`; GateError if it is missing or malformed."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = frozenset((e["path"], e["fingerprint"]) for e in data["findings"])
    except FileNotFoundError as e:
        raise GateError(
            f"{path}: no such baseline file (write one with --write-baseline {path})"
        ) from e
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise GateError(f"{path}: not a claimcheck baseline file ({e})") from e
    return Baseline(str(path), entries)


def write_baseline(result: GateResult, path: str | Path) -> int:
    """Write every finding of `result` not suppressed inline or by config as accepted.

    Entries are sorted, paths relative to the baseline's folder, so the file
    diffs well under version control. Returns how many findings it holds.
    """
    from .text import display

    path = Path(path)
    folder = path.resolve().parent
    entries = {
        (_relative(f.path, folder), f.fingerprint): {
            "path": _relative(f.path, folder),
            "fingerprint": f.fingerprint,
            "verdict": str(f.label),
            "claim": display(f.verdict.claim.text),
        }
        for f in result.findings
        if f.suppression is None or f.suppression.kind == "baseline"
    }
    document = {
        "tool": "claimcheck",
        "version": BASELINE_VERSION,
        "findings": [entries[key] for key in sorted(entries)],
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    except OSError as e:
        raise GateError(f"{path}: cannot write the baseline: {e.strerror or e}") from e
    return len(entries)


def accept_all(result: GateResult, baseline: str | Path) -> GateResult:
    """The result as it reads once its findings are in `baseline`: none of them counts."""
    accepted = Suppression("baseline", f"accepted in {baseline}")
    drafts = tuple(
        replace(
            draft,
            claims=tuple(
                replace(c, suppression=accepted)
                if c.severity is not None and c.suppression is None
                else c
                for c in draft.claims
            ),
        )
        for draft in result.drafts
    )
    return replace(result, drafts=drafts)


def _relative(draft: str | Path, folder: Path) -> str:
    resolved = Path(draft).resolve()
    try:
        return Path(os.path.relpath(resolved, folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return resolved.as_posix()


# --- changed since a git revision ------------------------------------------------


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed in a draft since a revision, as offsets into the draft as it is now.

    `spans` are (start, end) of words added or replaced; `points` are where
    words were deleted (between the word before and the word at that offset).
    """

    spans: tuple[tuple[int, int], ...] = ()
    points: tuple[int, ...] = ()

    def touches(self, start: int, end: int) -> bool:
        """Whether the text in [start, end) was changed, or lost words inside it."""
        return any(s < end and start < e for s, e in self.spans) or any(
            start < p < end for p in self.points
        )


def changes_since(path: Path, ref: str, text: str) -> Changes:
    """The words of `text` (the draft at `path` now) added or changed since git revision `ref`.

    Raises GateError when `path` is not in a git work tree, git is missing, or
    `ref` names no commit there.
    """
    folder = path.resolve().parent
    if ref.startswith("-"):
        raise GateError(f"not a git revision: {ref!r}")
    top = _git(["rev-parse", "--show-toplevel"], folder, f"{path}: not in a git repository")
    _git(
        ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        folder,
        f"unknown git revision {ref!r} in {top.decode().strip()}",
    )
    relative = path.resolve().relative_to(Path(top.decode().strip()).resolve()).as_posix()
    try:
        old = _git(["show", f"{ref}:{relative}"], folder, "")
    except GateError:
        return Changes(spans=((0, len(text)),))  # not in the revision: all of it is new
    try:
        before = decode(old, path=str(path))[0]
    except ExtractionError:
        return Changes(spans=((0, len(text)),))
    return word_changes(before, text)


def word_changes(before: str, after: str) -> Changes:
    """The words of `after` added or changed from `before`, and where words were deleted.

    Compared word by word, so re-wrapped lines and changed spacing are no change.
    """
    old = [m.group(0) for m in _TOKEN.finditer(before)]
    new = list(_TOKEN.finditer(after))
    matcher = difflib.SequenceMatcher(None, old, [m.group(0) for m in new], autojunk=False)
    spans: list[tuple[int, int]] = []
    points: list[int] = []
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert"):
            spans.append((new[j1].start(), new[j2 - 1].end()))
        elif tag == "delete":
            points.append(new[j1].start() if j1 < len(new) else len(after))
    return Changes(tuple(spans), tuple(points))


def _git(args: list[str], cwd: Path, error: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        raise GateError(f"cannot run git: {e}") from e
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()
        raise GateError(error + (f" ({detail[-1]})" if detail and error else ""))
    return done.stdout
