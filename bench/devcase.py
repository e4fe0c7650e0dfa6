"""The development case: a real story's article, its sources, and its falsified variants.

What it does (the case is `bench/devcase/`: article.md, sources/, key.yaml):

1. ingests the case's sources into a temporary store with the library's
   ingest path (`pipeline.ingest.ingest`);
2. verifies the true article as a whole (`verify_text`, what the CLI runs) and
   maps its claims to the answer key's sentences by offsets: a sentence's
   verdict is CONTRADICTED if any claim inside it is, SUPPORTED if every
   claim inside it is, DISPUTED or UNVERIFIED otherwise, and "none" when no
   check-worthy claim lies in it;
3. verifies each falsified variant of `bench/falsify.py` as the whole article
   with that one sentence replaced, and takes the verdict of that sentence;
4. prints the true sentences' verdicts (target: at least 90% supported) and
   the variants' verdicts per kind of change (targets: none supported, at
   least 80% contradicted), or all of it as JSON with `--json`.

Run from the project root:

    .venv/bin/python bench/devcase.py
    .venv/bin/python bench/devcase.py --json
    .venv/bin/python bench/devcase.py --only s03,s11   # some sentences only
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path
from falsify import CASE, KINDS, Variant, article_text, load_key, variants

from pipeline.ingest import ingest
from pipeline.nlp import load, model_info
from pipeline.records import ArticleReport, Label
from pipeline.store import Store
from pipeline.verification import verify_text

COLUMNS = ("supported", "contradicted", "disputed", "unverified", "none")


def sentence_label(report: ArticleReport, start: int, end: int) -> tuple[str, list[dict[str, Any]]]:
    """The verdict of the article's span [start, end), from the claims that lie in it."""
    inside = [c for c in report.claims if c.claim.start < end and start < c.claim.end]
    details = [
        {
            "text": c.claim.text,
            "label": str(c.label),
            "facts": [
                {"kind": str(f.fact.kind), "text": f.fact.text, "label": str(f.label)}
                for f in c.facts
            ],
        }
        for c in inside
    ]
    labels = {c.label for c in inside}
    if not labels:
        return "none", details
    if Label.CONTRADICTED in labels:
        return "contradicted", details
    if labels == {Label.SUPPORTED}:
        return "supported", details
    if Label.DISPUTED in labels:
        return "disputed", details
    return "unverified", details


def run(case: Path, only: set[str] | None, nlp: Any) -> dict[str, Any]:
    key = load_key(case)
    text = article_text(case, key)
    sentences = [s for s in key["sentences"] if not only or s["id"] in only]
    offsets = {}
    for s in key["sentences"]:
        start = text.find(s["text"])
        if start < 0 or text.count(s["text"]) != 1:
            raise SystemExit(f"{s['id']}: not found exactly once in the article")
        offsets[s["id"]] = start
    found = [v for v in variants(key) if v.sentence_id in {s["id"] for s in sentences}]

    with tempfile.TemporaryDirectory(prefix="claimcheck-devcase-") as tmp:
        store = Store(Path(tmp) / "devcase.db")
        try:
            t0 = time.perf_counter()
            summary = ingest(sorted((case / "sources").iterdir()), store, nlp=nlp)
            statuses = Counter(r.status for r in summary.results)
            for r in summary.results:
                if r.status == "failed":
                    log(f"  failed: {r.path}: {r.error}")
            ingest_seconds = time.perf_counter() - t0
            log(f"ingested {dict(statuses)} in {ingest_seconds:.1f} s")

            t0 = time.perf_counter()
            report = verify_text(text, store, nlp=nlp)
            true_rows = []
            for s in sentences:
                start = offsets[s["id"]]
                label, details = sentence_label(report, start, start + len(s["text"]))
                true_rows.append(
                    {
                        "id": s["id"],
                        "checkworthy": s["checkworthy"],
                        # true, but stated by none of the case's sources: a verifier
                        # must not call it SUPPORTED
                        "unsourced": s["checkworthy"] and not s["sources"],
                        "label": label,
                        "text": s["text"],
                        "claims": details,
                    }
                )
            false_rows = []
            for n, v in enumerate(found, start=1):
                false_rows.append(verify_variant(v, text, offsets[v.sentence_id], store, nlp))
                if n % 10 == 0:
                    log(f"  {n}/{len(found)} variants")
            verify_seconds = time.perf_counter() - t0
        finally:
            store.close()
    return {
        "case": case.name,
        "sources": dict(statuses),
        "true": true_rows,
        "variants": false_rows,
        "summary": summarise(true_rows, false_rows),
        "seconds": {"ingest": round(ingest_seconds, 2), "verify": round(verify_seconds, 2)},
        "machine": machine(),
        "model": model_info(nlp),
    }


def verify_variant(v: Variant, text: str, start: int, store: Store, nlp: Any) -> dict[str, Any]:
    end = start + len(v.true_sentence)
    falsified = text[:start] + v.false_sentence + text[end:]
    report = verify_text(falsified, store, nlp=nlp)
    label, details = sentence_label(report, start, start + len(v.false_sentence))
    met = label == "contradicted" if v.expected == "contradicted" else label != "supported"
    return {
        "id": v.id,
        "kind": v.kind,
        "expected": v.expected,
        "label": label,
        "met": met,
        "change": f"{v.find} -> {v.replace}",
        "text": v.false_sentence,
        "claims": details,
    }


def summarise(true_rows: list[dict[str, Any]], false_rows: list[dict[str, Any]]) -> dict[str, Any]:
    checkworthy = [r for r in true_rows if r["checkworthy"] and not r.get("unsourced")]
    unsourced = Counter(r["label"] for r in true_rows if r.get("unsourced"))
    true_counts = Counter(r["label"] for r in checkworthy)
    per_kind: dict[str, dict[str, int]] = {}
    for r in false_rows:
        per_kind.setdefault(r["kind"], Counter())[r["label"]] += 1
    all_false = Counter(r["label"] for r in false_rows)
    n_true, n_false = len(checkworthy), len(false_rows)
    return {
        "true": {"n": n_true, **{c: true_counts[c] for c in COLUMNS}},
        "true_supported_share": true_counts["supported"] / n_true if n_true else 0.0,
        "unsourced": {"n": sum(unsourced.values()), **{c: unsourced[c] for c in COLUMNS}},
        "not_checkworthy_flagged": sum(
            1 for r in true_rows if not r["checkworthy"] and r["label"] != "none"
        ),
        "falsified": {"n": n_false, **{c: all_false[c] for c in COLUMNS}},
        "falsified_per_kind": {
            k: {"n": sum(per_kind[k].values()), **{c: per_kind[k][c] for c in COLUMNS}}
            for k in KINDS
            if k in per_kind
        },
        "falsified_contradicted_share": all_false["contradicted"] / n_false if n_false else 0.0,
        "falsified_supported": all_false["supported"],
        "expectations_met": sum(1 for r in false_rows if r["met"]),
    }


def print_table(result: dict[str, Any], verbose: bool) -> None:
    s = result["summary"]
    head = f"  {'':<22}{'n':>4}" + "".join(f"{c[:12]:>14}" for c in COLUMNS)

    def row(name: str, counts: dict[str, int]) -> str:
        return f"  {name:<22}{counts['n']:>4}" + "".join(f"{counts[c]:>14}" for c in COLUMNS)

    print(f"development case {result['case']}: sources {result['sources']}")
    print(f"machine: {result['machine']}; model {result['model']}")
    print("\ntrue sentences (check-worthy ones)")
    print(head)
    print(row("true", s["true"]))
    if s["unsourced"]["n"]:
        print(row("true, in no source", s["unsourced"]))
    print(
        f"  supported {s['true_supported_share']:.0%} (target: at least 90%);"
        f" not-check-worthy sentences given a verdict: {s['not_checkworthy_flagged']}"
    )
    print("\nfalsified variants, per kind of change")
    print(head)
    for kind, counts in s["falsified_per_kind"].items():
        print(row(kind, counts))
    print(row("all", s["falsified"]))
    print(
        f"  supported {s['falsified_supported']} (target: none); contradicted"
        f" {s['falsified_contradicted_share']:.0%} (target: at least 80%); each variant's"
        f" expected verdict met: {s['expectations_met']}/{s['falsified']['n']}"
    )
    if verbose:
        print("\nper sentence")
        for r in result["true"]:
            print(f"  {r['id']:<7} {r['label']:<13} {r['text'][:90]}")
        for r in result["variants"]:
            mark = "ok " if r["met"] else "MISS"
            print(f"  {r['id']:<7} {mark} {r['label']:<13} {r['kind']:<20} {r['change']}")
    t = result["seconds"]
    print(f"\ntime: ingest {t['ingest']:.1f} s; verify {t['verify']:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--case", type=Path, default=CASE, help="folder of the case")
    parser.add_argument("--only", default="", help="sentence ids, comma-separated")
    parser.add_argument("--verbose", "-v", action="store_true", help="every sentence and variant")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    only = {x.strip() for x in args.only.split(",") if x.strip()} or None
    log("loading the model")
    result = run(args.case, only, load())
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print_table(result, args.verbose)


if __name__ == "__main__":
    main()
