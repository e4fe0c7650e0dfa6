"""Accuracy on labelled data: verdicts (VitaminC) and evidence retrieval (WiCE).

What it does, for one set of `shared/eval` (see its README for the format):

1. builds a store through the library's own ingest path: each document of the
   set (`doc_id`) is written as a text file, one passage a paragraph, and the
   folder is ingested with `pipeline.ingest.ingest`. The character span of
   every passage in its file is kept, so gold evidence is matched to store
   passages by overlapping offsets. The store is a SQLite file under `--out`,
   named by set, sample and seed, and reused when it exists;
2. verifies every claim as a one-sentence article with `verify_text` (what the
   CLI runs), after the article text its set gives before it (WiCE's
   `context`), which is read as the sentences before a claim are (a pronoun's
   person, the words a short sentence leans on) but not checked
   (`--no-context`: the claim alone); scoped to the documents of the claim's `evidence` passages
   (VitaminC) or its `doc_ids` (WiCE). A claim's label: any CONTRADICTED ->
   refuted; else SUPPORTED with no UNVERIFIED -> supported; else (UNVERIFIED,
   DISPUTED, or no check-worthy claim) -> not_enough_info;
3. prints accuracy, macro-F1, per-label precision/recall/F1 and the confusion
   matrix, for all claims and (VitaminC) for those whose case changes a number
   or a date; and recall@1/5/10 of the gold evidence by `retrieve`, within the
   cited document and across the whole store (claims with no gold evidence
   are left out of recall);
4. writes the per-claim predictions to `predictions-<run>.jsonl` in `--out`.

A set's kind says how it is scored; it comes from `--kind`, else from a
`set.json` in its folder ({"kind": ...}), else from its claims, never from
the folder's name: `vitaminc` (claims with `meta.case_edit_changes_number`:
each claim against its own evidence, three labels), `wice` (no refuted
claims: against the claim's `doc_ids`, supported against not), `threelabel`
(any other set with refuted claims: against the claim's `doc_ids`, all three
labels, the store holding the whole corpus as for WiCE).

VitaminC: each evidence passage is its own document (`--unit passage`, the
default), so a claim is checked against its own revision only, as the set's
README says, and not also against the other revisions of the same Wikipedia
sentence that share its `doc_id` (`--unit document`).

Run from the project root:

    .venv/bin/python bench/accuracy.py vitaminc-dev --sample 500
    .venv/bin/python bench/accuracy.py wice-dev --sample 100
    .venv/bin/python bench/accuracy.py wice-dev --corpus 10000 --json
    .venv/bin/python bench/accuracy.py path/to/a-set --kind threelabel
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path

from pipeline.claims import article_from_text, context_for, extract_claims
from pipeline.ingest import ingest
from pipeline.match import retrieve
from pipeline.nlp import load, model_info
from pipeline.records import ArticleReport, Label
from pipeline.store import EvidenceStore, copy_store, open_store
from pipeline.verification import verify_text

LABELS = ("supported", "refuted", "not_enough_info")
# vitaminc: each claim against its own evidence passages, three labels;
# wice: against its doc_ids, supported against not; threelabel: against its
# doc_ids, three labels (refuted claims included).
KINDS = ("vitaminc", "wice", "threelabel")
KS = (1, 5, 10)
BASELINES: dict[str, list[str]] = {
    "vitaminc": [
        "naive rule (token_set_ratio + numbers): accuracy 0.410, macro-F1 0.407",
        "always 'supported': accuracy 0.50, macro-F1 about 0.22",
    ],
    "wice": [
        "FTS5 bm25, claim words OR-ed: within the document R@1 0.746, R@5 0.962;"
        " across the corpus R@1 0.665, R@5 0.856",
        "complete evidence set in the top 5: 0.53 within the document, 0.38 across the corpus",
    ],
}


@dataclass(frozen=True, slots=True)
class Span:
    """Where a gold passage sits: its file (by doc key) and its character span there."""

    key: str
    start: int
    end: int


def default_data() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def kind_of(folder: Path, claims: list[dict[str, Any]], flag: str | None = None) -> str:
    """The set's kind: the flag, else the folder's `set.json` ("kind"), else read from its claims.

    From the claims: VitaminC cases carry `meta.case_edit_changes_number`
    (each claim is checked against its own revision); a set without a refuted
    label is scored as WiCE (supported against not); any other set with
    refuted claims is a three-label set checked against its `doc_ids`. The
    folder's name plays no part.
    """
    if flag:
        return flag
    declared = folder / "set.json"
    if declared.exists():
        kind = json.loads(declared.read_text(encoding="utf-8")).get("kind")
        if kind not in KINDS:
            sys.exit(f"{declared}: kind {kind!r} is not one of {', '.join(KINDS)}")
        return str(kind)
    labels = {c["label"] for c in claims}
    unknown = labels - set(LABELS)
    if unknown:
        sys.exit(f"{folder.name}: unknown labels {sorted(unknown)}; expected {', '.join(LABELS)}")
    if claims and all("case_edit_changes_number" in (c.get("meta") or {}) for c in claims):
        return "vitaminc"
    if "refuted" not in labels:
        return "wice"
    return "threelabel"


# ---------------------------------------------------------------------------
# Store


def write_documents(
    passages: list[dict[str, Any]], keys: set[str], unit: str, folder: Path
) -> tuple[dict[str, Span], dict[str, Path]]:
    """One text file per document key, passages as paragraphs; spans of the passages.

    `unit` "document" keys files by `doc_id`, "passage" by `passage_id`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for p in passages:
        key = p["doc_id"] if unit == "document" else p["passage_id"]
        if key in keys:
            grouped.setdefault(key, []).append(p)
    spans: dict[str, Span] = {}
    files: dict[str, Path] = {}
    for index, key in enumerate(sorted(grouped)):
        parts: list[str] = []
        position = 0
        for p in grouped[key]:
            text = " ".join(p["text"].split())
            if not text:
                continue
            if parts:
                position += 2  # the blank line between paragraphs
            spans[p["passage_id"]] = Span(key, position, position + len(text))
            parts.append(text)
            position += len(text)
        if not parts:
            continue
        path = folder / f"d{index:06d}.txt"
        content = "\n\n".join(parts) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
        # The page's title, as a real source carries it: Wikipedia's sentences leave
        # the page's subject out ("He is best known for ..."). A fetched page's own
        # metadata, where the set keeps it as lines of text ("(meta data) PUBLISHED
        # DATETIME: 2004-10-19 14:49"), is its title, publisher and date, as a page
        # fetched by `claimcheck ingest` would carry them.
        own = page_metadata(grouped[key])
        title = own.get("title") or page_title(grouped[key][0]["doc_id"])
        meta = folder / f"{path.name}.meta.yaml"
        sidecar = f"title: {json.dumps(title)}\n" + "".join(
            f"{field}: {json.dumps(own[field])}\n"
            for field in ("publisher", "published")
            if own.get(field)
        )
        if not meta.exists() or meta.read_text(encoding="utf-8") != sidecar:
            meta.write_text(sidecar, encoding="utf-8")
        files[key] = path
    return spans, files


# A page's metadata kept as a line of its text, and the field each names.
_META_LINE = re.compile(r"^\(meta data\) (TITLE|PUBLISHER|PUBLISHED DATETIME):\s*(.+)$")
_META_FIELDS = {"TITLE": "title", "PUBLISHER": "publisher", "PUBLISHED DATETIME": "published"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def page_metadata(passages: list[dict[str, Any]]) -> dict[str, str]:
    """The title, publisher and day of publication a page's metadata lines give (the
    first of each), the day as an ISO date."""
    found: dict[str, str] = {}
    for p in passages:
        m = _META_LINE.match(" ".join(p["text"].split()))
        if m is None:
            continue
        field, value = _META_FIELDS[m.group(1)], m.group(2).strip()
        if field == "published":
            day = _ISO_DAY.match(value)
            if day is None:
                continue
            value = day.group(0)
        found.setdefault(field, value)
    return found


# VitaminC writes a page's title with the Penn Treebank's escapes for brackets and
# colons ("Dope -LRB-2015 film-RRB-", "Spy Kids-COLON- All the Time in the World").
_TITLE_ESCAPES = (("-LRB-", "("), ("-RRB-", ")"), ("-LSB-", "["), ("-RSB-", "]"), ("-COLON-", ":"))


def page_title(doc_id: str) -> str:
    """A set's document id as the page's title reads: "Dope (2015 film)"."""
    for escape, character in _TITLE_ESCAPES:
        doc_id = doc_id.replace(escape, character)
    return doc_id


def build_store(
    store: EvidenceStore, files: dict[str, Path], nlp: Any
) -> tuple[dict[str, str], dict[str, int], float]:
    """Ingest the files; the store document id of each key, the statuses, and the seconds."""
    by_path = {str(path): key for key, path in files.items()}
    done = [0]

    def on_result(result: Any) -> None:
        done[0] += 1
        if done[0] % 500 == 0:
            log(f"  ingested {done[0]}/{len(files)} documents")

    started = time.perf_counter()
    summary = ingest(list(files.values()), store, nlp=nlp, on_result=on_result)
    seconds = time.perf_counter() - started
    ids: dict[str, str] = {}
    statuses: Counter[str] = Counter()
    for result in summary.results:
        statuses[result.status] += 1
        if result.status == "failed":
            log(f"  failed: {result.path}: {result.error}")
        elif result.document_id and result.path in by_path:
            ids[by_path[result.path]] = result.document_id
    # Offsets are only meaningful if the stored text is what was written.
    for key, document_id in ids.items():
        text = store.document_text(document_id)
        if text is not None and text.rstrip("\n") != files[key].read_text("utf-8").rstrip("\n"):
            log(f"  warning: stored text of {files[key].name} differs from the file")
    return ids, dict(statuses), seconds


# ---------------------------------------------------------------------------
# Verdicts


def predicted_label(report: ArticleReport) -> str:
    labels = [c.label for c in report.claims]
    if Label.CONTRADICTED in labels:
        return "refuted"
    if Label.SUPPORTED in labels and not {Label.UNVERIFIED, Label.DISPUTED} & set(labels):
        return "supported"
    return "not_enough_info"


def prediction_record(claim: dict[str, Any], report: ArticleReport, label: str) -> dict[str, Any]:
    facts = []
    best: tuple[float, str] | None = None
    for verdict in report.claims:
        for fv in verdict.facts:
            facts.append(
                {
                    "kind": str(fv.fact.kind),
                    "text": fv.fact.text,
                    "label": str(fv.label),
                    "score": fv.score,
                    "note": fv.note,
                }
            )
            for ev in fv.evidence:
                if best is None or ev.score > best[0]:
                    best = (ev.score, ev.text)
    decisive = [
        v.score
        for v in report.claims
        if {"refuted": Label.CONTRADICTED, "supported": Label.SUPPORTED}.get(label) == v.label
    ]
    score = max(decisive) if decisive else max((v.score for v in report.claims), default=0)
    return {
        "claim_id": claim["claim_id"],
        "text": claim["text"],
        "gold": claim["label"],
        "predicted": label,
        "score": score,
        "claims": [{"text": v.claim.text, "label": str(v.label)} for v in report.claims],
        "not_checkworthy": [{"text": c.text, "reason": c.reason} for c in report.not_checkworthy],
        "facts": facts,
        "top_evidence": best[1] if best else None,
    }


def scores(pairs: list[tuple[str, str]], labels: tuple[str, ...]) -> dict[str, Any]:
    """Accuracy, macro-F1 over `labels`, per-label P/R/F1 and the confusion matrix.

    Scored over two labels (a WiCE set: supported against not), a claim found
    contradicted is one not supported: REFUTED counts as NOT ENOUGH INFO. The
    confusion matrix keeps the three labels as predicted.
    """
    n = len(pairs)
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for gold, pred in pairs:
        confusion[gold][pred] += 1
    if "refuted" not in labels:
        raw = confusion
        pairs = [(g, "not_enough_info" if p == "refuted" else p) for g, p in pairs]
        confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
        for gold, pred in pairs:
            confusion[gold][pred] += 1
    per_label = {}
    for label in labels:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in LABELS)
        actual = sum(confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": actual,
            "predicted": predicted,
        }
    correct = sum(confusion[label][label] for label in LABELS)
    result = {
        "n": n,
        "accuracy": correct / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per_label.values()) / len(per_label),
        "per_label": per_label,
        "confusion": confusion,
    }
    if "refuted" not in labels:
        result["confusion_as_predicted"] = raw
    return result


# ---------------------------------------------------------------------------
# Retrieval


def claim_context(claim: dict[str, Any], with_context: bool = True) -> str:
    """The article text before the claim, where the set gives it (WiCE's `context`):
    read as the sentences before a claim are, not checked."""
    context = claim.get("context") if with_context else None
    return context if isinstance(context, str) else ""


def recall_counts(
    claim: dict[str, Any],
    store: EvidenceStore,
    nlp: Any,
    spans: dict[str, Span],
    ids: dict[str, str],
    scope: list[str],
    with_context: bool = True,
) -> dict[str, Any] | None:
    """Ranks of the first gold hit within the scope and across the store; None if no gold."""
    gold = [spans[p] for p in claim["evidence"] if p in spans and spans[p].key in ids]
    if not gold:
        return None
    context = claim_context(claim, with_context)
    joined = f"{context}\n\n{claim['text']}" if context else claim["text"]
    checked_from = len(joined) - len(claim["text"])
    claims = extract_claims(article_from_text(joined, markdown=False), nlp)
    own = [i for i, c in enumerate(claims) if c.start >= checked_from]
    index = next((i for i in own if claims[i].checkworthy), own[0] if own else None)
    result: dict[str, Any] = {"extracted": index is not None}
    sets = [s for s in claim.get("evidence_sets") or [] if s]
    for name, document_ids in (("document", scope), ("corpus", None)):
        if index is None:
            result[name] = {"rank": None, "complete5": False}
            continue
        candidates = retrieve(
            claims[index],
            store,
            context=context_for(claims, index),
            document_ids=document_ids,
        )
        found: set[str] = set()
        rank = None
        for position, cand in enumerate(candidates[: max(KS)], start=1):
            for pid in claim["evidence"]:
                span = spans.get(pid)
                if span is None or ids.get(span.key) != cand.hit.document_id:
                    continue
                if cand.hit.start < span.end and span.start < cand.hit.end:
                    if rank is None:
                        rank = position
                    if position <= 5:
                        found.add(pid)
        complete = any(all(p in found for p in s) for s in sets) if sets else None
        result[name] = {"rank": rank, "complete5": complete}
    return result


def recall_table(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows)}
    for name in ("document", "corpus"):
        ranks = [r[name]["rank"] for r in rows]
        entry = {f"r@{k}": sum(x is not None and x <= k for x in ranks) / len(rows) for k in KS}
        with_sets = [r[name]["complete5"] for r in rows if r[name]["complete5"] is not None]
        if with_sets:
            entry["complete@5"] = sum(with_sets) / len(with_sets)
            entry["n_sets"] = len(with_sets)
        out[name] = entry
    out["not_extracted"] = sum(1 for r in rows if not r["extracted"])
    return out


# ---------------------------------------------------------------------------
# Output


# The whole-claim issue's targets: macro-F1 on all claims by kind of set, and the share
# of refuted claims labelled supported.
MACRO_F1 = {"vitaminc": 0.65, "wice": 0.70}
REFUTED_SUPPORTED = 0.03


def print_scores(
    title: str, s: dict[str, Any], labels: tuple[str, ...], *, target: float | None = None
) -> None:
    print(f"\n{title}  (n={s['n']})")
    if not s["n"]:
        return
    met = "" if target is None else f" (target: {target:.2f} or more)"
    print(f"  accuracy {s['accuracy']:.3f}   macro-F1 {s['macro_f1']:.3f}{met}")
    print(f"  {'label':<16} {'prec':>6} {'recall':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for label, v in s["per_label"].items():
        print(
            f"  {label:<16} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}"
            f" {v['support']:>6} {v['predicted']:>6}"
        )
    refuted = s["confusion"]["refuted"]
    if sum(refuted.values()):
        share = refuted["supported"] / sum(refuted.values())
        print(
            f"  refuted labelled supported: {refuted['supported']}/{sum(refuted.values())}"
            f" = {share:.1%} (target: at most {REFUTED_SUPPORTED:.0%})"
        )
    matrix = s.get("confusion_as_predicted", s["confusion"])
    if "confusion_as_predicted" in s:
        print("  (supported against not: a claim found contradicted is one not supported)")
    print("  confusion (rows gold, columns predicted)")
    print(f"  {'':<16}" + "".join(f"{p:>17}" for p in LABELS))
    for gold in LABELS:
        if gold in labels or any(matrix[gold].values()):
            print(f"  {gold:<16}" + "".join(f"{matrix[gold][p]:>17}" for p in LABELS))


def print_recall(r: dict[str, Any]) -> None:
    print(f"\nretrieval recall of gold evidence (claims with gold evidence: n={r['n']})")
    if not r["n"]:
        return
    print(f"  {'scope':<10}" + "".join(f"{'R@' + str(k):>8}" for k in KS) + f"{'set@5':>8}")
    for name, title in (("document", "document"), ("corpus", "corpus")):
        e = r[name]
        sets = f"{e['complete@5']:>8.3f}" if "complete@5" in e else f"{'-':>8}"
        print(f"  {title:<10}" + "".join(f"{e[f'r@{k}']:>8.3f}" for k in KS) + sets)
    if r["not_extracted"]:
        print(f"  ({r['not_extracted']} claims gave no claim sentence: counted as misses)")


def scope_keys(claim: dict[str, Any], kind: str, unit: str, doc_of: dict[str, str]) -> list[str]:
    """The documents a claim is checked against, by key (doc_id, or passage_id with --unit
    passage)."""
    if kind == "vitaminc":
        if unit == "passage":
            return list(claim["evidence"])
        return sorted({doc_of[p] for p in claim["evidence"] if p in doc_of})
    if claim.get("doc_ids"):
        return list(claim["doc_ids"])
    return sorted({doc_of[p] for p in claim.get("evidence") or [] if p in doc_of})


def store_keys(
    kind: str, passages: list[dict[str, Any]], needed: set[str], args: argparse.Namespace
) -> tuple[set[str], str]:
    """The documents the store holds, by key, and a note that says which."""
    if kind == "vitaminc":
        note = "all documents the claims cite" if not args.sample else ""
        return needed, note or "the documents the sampled claims cite"
    sizes = Counter(p["doc_id"] for p in passages)
    if not (args.sample and args.corpus):
        return set(sizes), f"the whole corpus: {len(sizes)} documents, {len(passages):,} passages"
    others = sorted(set(sizes) - needed)
    random.Random(args.seed + 1).shuffle(others)
    keys = set(needed)
    count = sum(sizes[k] for k in keys)
    for key in others:
        if count >= args.corpus:
            break
        keys.add(key)
        count += sizes[key]
    note = (
        f"the sampled claims' documents plus random others: {len(keys)} of"
        f" {len(sizes)} documents, {count:,} of {len(passages):,} passages"
    )
    return keys, note


def run_names(folder: Path, kind: str, unit: str, args: argparse.Namespace) -> tuple[str, str]:
    """The run's name (its predictions file) and its store's name."""
    run = f"{folder.name}-{'all' if not args.sample else f'n{args.sample}'}-s{args.seed}"
    if kind != "vitaminc" and args.sample and args.corpus:
        run += f"-c{args.corpus}"
    if unit == "passage":
        run += "-passage"
    if args.store_url:
        run += "-postgresql"
    # The store holds a doc_ids set's whole corpus whatever the sample: one store serves
    # every run.
    store_run = run
    if kind != "vitaminc" and not (args.sample and args.corpus):
        store_run = f"{folder.name}-all"
    return run, store_run


def print_result(result: dict[str, Any], labels: tuple[str, ...]) -> None:
    kind = result["kind"]
    print(
        f"{result['dataset']} ({kind}): {result['claims']} of {result['claims_in_set']} claims"
        f" (seed {result['seed']}), unit {result['unit']}"
    )
    store = {k: v for k, v in result["store"].items() if k not in ("path", "reused", "corpus")}
    reused = " (reused)" if result["store"]["reused"] else ""
    print(f"store: {result['store']['corpus']}; {store}{reused}")
    print(f"machine: {result['machine']}; model {result['model']}")
    print_scores("verdicts, all claims", result["verdicts"], labels, target=MACRO_F1.get(kind))
    if kind == "vitaminc":
        print_scores("verdicts, cases that change a number", result["verdicts_number"], labels)
        print_scores("verdicts, cases that change a date", result["verdicts_date"], labels)
    if "recall" in result:
        print_recall(result["recall"])
    if result["baselines"]:
        print("\nbaselines (README, on the whole set):")
        for line in result["baselines"]:
            print(f"  {line}")
    s = result["seconds"]
    print(
        f"\ntime: total {s['total']:.1f} s; ingest {s['ingest']:.1f} s; verify {s['verify']:.1f} s"
        f" ({s['verify_ms_per_claim']:.0f} ms/claim); recall {s['recall']:.1f} s"
    )
    print(f"predictions: {result['predictions']}")


# ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "dataset", help="vitaminc-dev, wice-dev, or a path to a folder in the same format"
    )
    parser.add_argument("--data", type=Path, default=None, help="folder of the sets")
    parser.add_argument("--sample", type=int, default=None, help="a random sample of N claims")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--store-url",
        default=None,
        help="verify against this (empty) PostgreSQL database instead: the set's SQLite "
        "store, built as usual, is copied into it first (predictions-...-postgresql.jsonl)",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument(
        "--corpus",
        type=int,
        default=0,
        help="WiCE and three-label sets with --sample: about this many passages in the store"
        " (the sampled claims' documents plus random others); 0 (default) ingests the whole"
        " corpus",
    )
    parser.add_argument(
        "--unit",
        choices=("document", "passage"),
        default="passage",
        help="VitaminC: one file per evidence passage (default: each claim is checked"
        " against its own revision, as the set's README says) or per doc_id",
    )
    parser.add_argument("--no-recall", action="store_true", help="skip retrieval recall")
    parser.add_argument(
        "--no-context",
        action="store_true",
        help="check each claim alone, without the text its set gives before it",
    )
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default=None,
        help="how to score the set (default: its set.json, else read from its claims' labels"
        " and fields)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()

    started = time.perf_counter()
    folder = Path(args.dataset)
    if not (folder / "claims.jsonl.gz").exists():
        folder = (args.data or default_data()) / args.dataset
    if not (folder / "claims.jsonl.gz").exists():
        sys.exit(f"no claims.jsonl.gz in {folder}")
    claims = read_jsonl(folder / "claims.jsonl.gz")
    kind = kind_of(folder, claims, args.kind)
    passages = read_jsonl(folder / "passages.jsonl.gz")
    total_claims = len(claims)
    if args.sample and args.sample < len(claims):
        claims = random.Random(args.seed).sample(claims, args.sample)
    doc_of = {p["passage_id"]: p["doc_id"] for p in passages}
    unit = args.unit if kind == "vitaminc" else "document"

    needed = {k for c in claims for k in scope_keys(c, kind, unit, doc_of)}
    keys, corpus_note = store_keys(kind, passages, needed, args)

    run, store_run = run_names(folder, kind, unit, args)
    args.out.mkdir(parents=True, exist_ok=True)
    log(f"{folder.name}: {len(claims)} of {total_claims} claims; store of {corpus_note}")

    log("loading the model")
    nlp = load()
    spans, files = write_documents(passages, keys, unit, args.out / f"docs-{store_run}")
    db = args.out / f"store-{store_run}.db"
    reused = db.exists()
    store: EvidenceStore = open_store(db)
    if args.store_url:
        ids_first = build_store(store, files, nlp)  # the SQLite store, as without --store-url
        del ids_first
        with open_store(args.store_url) as target:
            if not target.counts()["documents"]:
                copy_store(store, target)
        store.close()
        store = open_store(args.store_url)
    try:
        log(f"ingesting {len(files)} documents into {db.name}" + (" (reused)" if reused else ""))
        ids, statuses, ingest_seconds = build_store(store, files, nlp)
        counts = store.counts()
        log(f"  {statuses} in {ingest_seconds:.1f} s; store: {counts}")

        log(f"verifying {len(claims)} claims")
        pairs: list[tuple[str, str]] = []
        subsets: dict[str, list[tuple[str, str]]] = {"number": [], "date": []}
        recall_rows: list[dict[str, Any]] = []
        predictions = args.out / f"predictions-{run}.jsonl"
        verify_seconds = recall_seconds = 0.0
        with predictions.open("w", encoding="utf-8") as f:
            for n, claim in enumerate(claims, start=1):
                scope = [ids[k] for k in scope_keys(claim, kind, unit, doc_of) if k in ids]
                t0 = time.perf_counter()
                report = verify_text(
                    claim["text"],
                    store,
                    nlp=nlp,
                    document_ids=scope,
                    markdown=False,
                    context=claim_context(claim, not args.no_context),
                )
                label = predicted_label(report)
                verify_seconds += time.perf_counter() - t0
                pair = (claim["label"], label)
                pairs.append(pair)
                meta = claim.get("meta") or {}
                if meta.get("case_edit_changes_number"):
                    subsets["number"].append(pair)
                if meta.get("case_edit_changes_date"):
                    subsets["date"].append(pair)
                record = prediction_record(claim, report, label)
                if not args.no_recall:
                    t0 = time.perf_counter()
                    row = recall_counts(
                        claim, store, nlp, spans, ids, scope, with_context=not args.no_context
                    )
                    recall_seconds += time.perf_counter() - t0
                    if row is not None:
                        recall_rows.append(row)
                        record["gold_rank"] = {
                            "document": row["document"]["rank"],
                            "corpus": row["corpus"]["rank"],
                        }
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                if n % 100 == 0:
                    log(f"  {n}/{len(claims)}")
    finally:
        store.close()

    labels = ("supported", "not_enough_info") if kind == "wice" else LABELS
    result: dict[str, Any] = {
        "dataset": folder.name,
        "kind": kind,
        "claims": len(claims),
        "claims_in_set": total_claims,
        "sample": args.sample,
        "seed": args.seed,
        "unit": unit,
        "store": {"path": str(db), "reused": reused, "corpus": corpus_note, **counts},
        "ingest": {"seconds": round(ingest_seconds, 2), "statuses": statuses},
        "verdicts": scores(pairs, labels),
        "predictions": str(predictions),
        "baselines": BASELINES.get(kind, []),
        "seconds": {
            "ingest": round(ingest_seconds, 2),
            "verify": round(verify_seconds, 2),
            "verify_ms_per_claim": round(1000 * verify_seconds / max(1, len(claims)), 1),
            "recall": round(recall_seconds, 2),
        },
        "machine": machine(),
        "model": model_info(nlp),
    }
    if kind == "vitaminc":
        result["verdicts_number"] = scores(subsets["number"], labels)
        result["verdicts_date"] = scores(subsets["date"], labels)
    if not args.no_recall:
        result["recall"] = recall_table(recall_rows)
    result["seconds"]["total"] = round(time.perf_counter() - started, 2)

    if args.json:
        print(json.dumps(result, indent=2))
        return
    print_result(result, labels)


if __name__ == "__main__":
    main()
