"""Train the verdict classifier shipped as pipeline/data/verdict-model.json.

The model reads a claim as a whole against its most relevant passage
(`pipeline.entailment`) and may change the label the typed judges give, as
`entailment.decide` allows. It is trained on the labelled claims of a set in
`shared/eval` (VitaminC by default: claims checked against their own revision
of a Wikipedia sentence):

1. a store is built from the set's passages with the library's own ingest (as
   `bench/accuracy.py` does, one document per evidence passage), and every claim
   runs through the same code as `claimcheck verify` up to the judges: claim
   extraction, retrieval scoped to its evidence, the typed judges. Its row is
   the features of the first check-worthy claim against its most relevant
   passage, the judges' label, and the gold label. Rows are cached in `--out`;
2. k-fold cross-validation split by case id (a claim and its edited twin are
   never on both sides) gives out-of-fold probabilities. The two thresholds of
   `decide` (how sure the model must be to support, to refute) are chosen for
   each fold on the OTHER folds' predictions, as the best macro-F1 with at
   most `--max-refuted-supported` of refuted claims labelled supported, and the
   fold is scored with them: the figures printed are never on data a choice
   was made on;
3. the model is fitted on all rows, the thresholds chosen on all out-of-fold
   predictions, and the trees are written out as JSON (checked to give the same
   probabilities as scikit-learn), with how they were trained and the figures.

scikit-learn is needed to train (the `train` extra), not to run the model.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python bench/train_classifier.py            # vitaminc-dev, 5 folds
    .venv/bin/python bench/train_classifier.py --sample 2000 --out-model bench/out/m.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from _common import log, machine  # bench/ is the script's folder, on sys.path
from accuracy import LABELS, build_store, default_data, read_jsonl, write_documents
from accuracy import scores as accuracy_scores

from pipeline.claims import article_from_text, context_for, extract_claims
from pipeline.entailment import FEATURES, claim_features, decide, model_from_dict
from pipeline.judge import judge_claim
from pipeline.match import retrieve
from pipeline.nlp import load, model_info
from pipeline.records import Label
from pipeline.store import Store

CLASSES = LABELS  # the order of the set's labels, as the accuracy bench counts them
TO_GOLD = {
    Label.SUPPORTED: "supported",
    Label.CONTRADICTED: "refuted",
    Label.DISPUTED: "not_enough_info",
    Label.UNVERIFIED: "not_enough_info",
}
PARAMS = {
    "max_iter": 150,
    "learning_rate": 0.08,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "random_state": 0,
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# Rows: the pipeline up to the judges


def rows_for(folder: Path, claims: list[dict[str, Any]], out: Path, tag: str) -> list[dict]:
    """One row per claim: features (None when nothing was retrieved), judges' label, gold."""
    cache = out / f"train-rows-{tag}.jsonl"
    if cache.exists():
        rows = [json.loads(line) for line in cache.open(encoding="utf-8")]
        if rows and set(rows[0].get("features") or FEATURES) == set(FEATURES):
            log(f"rows reused from {cache.name}")
            return rows
    passages = read_jsonl(folder / "passages.jsonl.gz")
    keys = {p for c in claims for p in c["evidence"]}
    log("loading the model")
    nlp = load()
    _, files = write_documents(passages, keys, "passage", out / f"docs-{tag}")
    store = Store(out / f"store-{tag}.db")
    rows = []
    try:
        log(f"ingesting {len(files)} passages")
        ids, statuses, seconds = build_store(store, files, nlp)
        log(f"  {statuses} in {seconds:.0f} s")
        log(f"running {len(claims)} claims through the judges")
        for n, claim in enumerate(claims, start=1):
            scope = [ids[p] for p in claim["evidence"] if p in ids]
            extracted = extract_claims(article_from_text(claim["text"], markdown=False), nlp)
            index = next((i for i, c in enumerate(extracted) if c.checkworthy), None)
            row: dict[str, Any] = {
                "claim_id": claim["claim_id"],
                "case_id": (claim.get("meta") or {}).get("case_id") or claim["claim_id"],
                "gold": claim["label"],
                "rules": None,
                "features": None,
            }
            if index is not None:
                c = extracted[index]
                candidates = retrieve(
                    c, store, context=context_for(extracted, index), document_ids=scope
                )
                verdict = judge_claim(c, candidates, learned=False)
                row["rules"] = str(verdict.label)
                if candidates:
                    best = max(candidates, key=lambda x: x.own_relevance)  # as judge_claim
                    row["features"] = claim_features(c, best, verdict.facts)
            rows.append(row)
            if n % 1000 == 0:
                log(f"  {n}/{len(claims)}")
    finally:
        store.close()
    with cache.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return rows


# ---------------------------------------------------------------------------
# Labels, scores, thresholds


def label_of(row: dict[str, Any], probabilities: dict[str, float] | None, model: Any) -> str:
    """The label `decide` gives a row (the judges' own without probabilities)."""
    if row["rules"] is None:
        return "not_enough_info"
    rules = Label(row["rules"])
    if probabilities is None or row["features"] is None:
        return TO_GOLD[rules]
    return TO_GOLD[decide(rules, probabilities, row["features"], model)]


class _Thresholds:
    """What `decide` reads of a model: its thresholds only."""

    def __init__(self, supported: float, refuted: float, confirm: float) -> None:
        self.thresholds = {"supported": supported, "refuted": refuted, "confirm": confirm}


def scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """`accuracy.scores` over the three labels, with per-label F1 and the share of refuted
    claims labelled supported."""
    s = accuracy_scores(list(zip(gold, predicted, strict=True)), CLASSES)
    refuted = s["confusion"]["refuted"]
    return {
        **s,
        "f1": {label: v["f1"] for label, v in s["per_label"].items()},
        "refuted_as_supported": refuted["supported"] / max(1, sum(refuted.values())),
    }


GRID_SUPPORTED = [round(0.40 + 0.025 * i, 3) for i in range(23)]  # 0.40 .. 0.95
GRID_REFUTED = [round(0.35 + 0.025 * i, 3) for i in range(23)]
GRID_CONFIRM = [0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]


def choose_thresholds(
    rows: list[dict[str, Any]], probs: list[dict[str, float] | None], cap: float
) -> tuple[float, float, float]:
    """The thresholds with the best macro-F1 whose refuted-as-supported share is at most `cap`.

    A vectorised copy of `decide` scores each point of the grid; the chosen point is
    checked against `decide` itself by the caller's scoring.
    """
    import numpy as np

    n = len(rows)
    gold = np.array([CLASSES.index(r["gold"]) for r in rows])
    rules = np.array([CLASSES.index(label_of(r, None, None)) for r in rows])
    raw = [r["rules"] for r in rows]
    has = np.array(
        [p is not None and r["features"] is not None for r, p in zip(rows, probs, strict=True)]
    )
    p_sup = np.array([p["supported"] if p else 0.0 for p in probs])
    p_ref = np.array([p["refuted"] if p else 0.0 for p in probs])
    p_max = np.array([max(p.values()) if p else 1.0 for p in probs])
    firm = np.array([r in ("CONTRADICTED", "DISPUTED") for r in raw])
    features = [r["features"] or {} for r in rows]
    proven = np.array(
        [
            r == "SUPPORTED"
            and f.get("rule_supported", 0) > 0
            and f.get("rule_unverified", 0) == 0
            and f.get("rule_contradicted", 0) == 0
            for r, f in zip(raw, features, strict=True)
        ]
    )
    agree = np.array(
        [
            f.get("numbers_agree") == f.get("claim_numbers")
            and f.get("dates_agree") == f.get("claim_dates")
            for f in features
        ]
    )
    refuted_n = max(1, int((gold == 1).sum()))
    best: tuple[float, float, float, float] | None = None
    for tr in GRID_REFUTED:
        refute = has & ~firm & (p_ref >= tr) & (p_ref >= p_max)
        for tc in GRID_CONFIRM:
            confirmed = proven & (p_sup >= tc)
            for ts in GRID_SUPPORTED:
                support = confirmed | ((p_sup >= ts) & agree)
                pred = np.where(
                    ~has | firm,
                    rules,
                    np.where(refute, 1, np.where(support, 0, 2)),
                )
                if ((gold == 1) & (pred == 0)).sum() / refuted_n > cap:
                    continue
                f1 = 0.0
                for c in range(3):
                    tp = ((gold == c) & (pred == c)).sum()
                    pp, ap = (pred == c).sum(), (gold == c).sum()
                    if tp:
                        f1 += 2 * tp / (pp + ap)
                f1 /= 3
                if best is None or f1 > best[0]:
                    best = (f1, ts, tr, tc)
    if best is None or n == 0:
        return 1.01, GRID_REFUTED[0], 1.01  # the model never supports
    return best[1], best[2], best[3]


# ---------------------------------------------------------------------------
# Export


def export(
    model: Any, thresholds: tuple[float, float, float], info: dict[str, Any]
) -> dict[str, Any]:
    """The fitted HistGradientBoostingClassifier as plain JSON trees."""
    classes = [CLASSES[int(c)] for c in model.classes_]
    trees = []
    for round_ in model._predictors:  # one list of per-class trees per boosting round
        for k, predictor in enumerate(round_):
            nodes = predictor.nodes
            trees.append(
                {
                    "class": k,
                    "feature": [-1 if n["is_leaf"] else int(n["feature_idx"]) for n in nodes],
                    "threshold": [float(n["num_threshold"]) for n in nodes],
                    "left": [int(n["left"]) for n in nodes],
                    "right": [int(n["right"]) for n in nodes],
                    "missing_left": [int(n["missing_go_to_left"]) for n in nodes],
                    "value": [round(float(n["value"]), 7) for n in nodes],
                }
            )
    return {
        "format": 1,
        "features": list(FEATURES),
        "classes": classes,
        "baseline": [float(b) for b in model._baseline_prediction.ravel()],
        "trees": trees,
        "thresholds": {
            "supported": thresholds[0],
            "refuted": thresholds[1],
            "confirm": thresholds[2],
        },
        "trained": info,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("dataset", nargs="?", default="vitaminc-dev")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--sample", type=int, default=None, help="train on N random claims")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--max-refuted-supported", type=float, default=0.04)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument(
        "--out-model",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "pipeline" / "data" / "verdict-model.json",
    )
    args = parser.parse_args()
    try:
        import numpy as np
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.model_selection import GroupKFold
    except ImportError:
        sys.exit("training needs scikit-learn: pip install -e '.[train]'")

    started = time.perf_counter()
    folder = (args.data or default_data()) / args.dataset
    claims = read_jsonl(folder / "claims.jsonl.gz")
    if args.sample and args.sample < len(claims):
        claims = random.Random(args.seed).sample(claims, args.sample)
    tag = f"{args.dataset}-{'all' if not args.sample else f'n{args.sample}'}-s{args.seed}"
    args.out.mkdir(parents=True, exist_ok=True)
    rows = rows_for(folder, claims, args.out, tag)

    usable = [i for i, r in enumerate(rows) if r["features"] is not None]
    X = np.array([[rows[i]["features"][f] for f in FEATURES] for i in usable])
    y = np.array([CLASSES.index(rows[i]["gold"]) for i in usable])
    groups = [rows[i]["case_id"] for i in usable]
    log(f"{len(rows)} claims, {len(usable)} with a passage; {args.folds}-fold CV by case id")

    # Out-of-fold probabilities.
    oof: list[dict[str, float] | None] = [None] * len(rows)
    fold_of = [-1] * len(rows)
    for k, (train, test) in enumerate(GroupKFold(args.folds).split(X, y, groups)):
        clf = HistGradientBoostingClassifier(**PARAMS).fit(X[train], y[train])
        for i, p in zip(test, clf.predict_proba(X[test]), strict=True):
            row = usable[i]
            oof[row] = {CLASSES[c]: float(p[j]) for j, c in enumerate(clf.classes_)}
            fold_of[row] = k
    # Rows with no passage go with the fold of a row of the same case, or fold 0.
    case_fold = {rows[i]["case_id"]: fold_of[i] for i in usable}
    for i, r in enumerate(rows):
        if fold_of[i] < 0:
            fold_of[i] = case_fold.get(r["case_id"], 0)

    # Each fold scored with thresholds chosen on the others.
    gold_all: list[str] = []
    predicted_all: list[str] = []
    rules_all: list[str] = []
    per_fold = []
    for k in range(args.folds):
        inside = [i for i in range(len(rows)) if fold_of[i] != k]
        held = [i for i in range(len(rows)) if fold_of[i] == k]
        ts, tr, tc = choose_thresholds(
            [rows[i] for i in inside], [oof[i] for i in inside], args.max_refuted_supported
        )
        model = _Thresholds(ts, tr, tc)
        for i in held:
            gold_all.append(rows[i]["gold"])
            predicted_all.append(label_of(rows[i], oof[i], model))
            rules_all.append(label_of(rows[i], None, model))
        per_fold.append({"fold": k, "supported": ts, "refuted": tr, "confirm": tc})
    cv = scores(gold_all, predicted_all)
    rules_only = scores(gold_all, rules_all)

    # The shipped model: all rows, thresholds from all out-of-fold predictions.
    thresholds = choose_thresholds(rows, oof, args.max_refuted_supported)
    final = HistGradientBoostingClassifier(**PARAMS).fit(X, y)
    info = {
        "dataset": args.dataset,
        "files": {name: sha256(folder / name) for name in ("claims.jsonl.gz", "passages.jsonl.gz")},
        "claims": len(rows),
        "rows": len(usable),
        "sample": args.sample,
        "seed": args.seed,
        "estimator": f"sklearn HistGradientBoostingClassifier {sklearn.__version__}",
        "params": PARAMS,
        "cross_validation": {
            "folds": args.folds,
            "split": "GroupKFold by case id; thresholds chosen on the other folds",
            "max_refuted_supported": args.max_refuted_supported,
            "accuracy": round(cv["accuracy"], 4),
            "macro_f1": round(cv["macro_f1"], 4),
            "refuted_as_supported": round(cv["refuted_as_supported"], 4),
            "rules_only_macro_f1": round(rules_only["macro_f1"], 4),
        },
        "date": dt.date.today().isoformat(),
        "spacy_model": model_info(load()),
    }
    data = export(final, thresholds, info)
    # The JSON trees must give what scikit-learn gives.
    shipped = model_from_dict(data)
    check = random.Random(0).sample(range(len(usable)), min(500, len(usable)))
    expected = final.predict_proba(X[check])
    worst = 0.0
    for row_index, p in zip(check, expected, strict=True):
        got = shipped.probabilities(rows[usable[row_index]]["features"])
        for j, c in enumerate(final.classes_):
            worst = max(worst, abs(got[CLASSES[c]] - p[j]))
    if worst > 1e-6:
        sys.exit(f"exported trees disagree with scikit-learn by {worst:.2e}")
    args.out_model.parent.mkdir(parents=True, exist_ok=True)
    args.out_model.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    print(f"{args.dataset}: {len(rows)} claims ({len(usable)} with a passage); {machine()}")
    print(f"cross-validated ({args.folds} folds by case id, thresholds from the other folds):")
    print(f"  {'':<22}{'accuracy':>9}{'macro-F1':>9}{'ref->sup':>9}")
    for name, s in (("judges only", rules_only), ("judges + model", cv)):
        print(
            f"  {name:<22}{s['accuracy']:>9.3f}{s['macro_f1']:>9.3f}"
            f"{s['refuted_as_supported']:>9.3f}"
        )
    print("  F1 per label: " + ", ".join(f"{k} {v:.3f}" for k, v in cv["f1"].items()))
    print(f"  thresholds per fold: {per_fold}")
    print(
        f"shipped thresholds: supported {thresholds[0]}, refuted {thresholds[1]},"
        f" confirm {thresholds[2]}"
    )
    size = args.out_model.stat().st_size
    print(f"model: {args.out_model.name}, {len(data['trees'])} trees, {size / 1024:.0f} KiB")
    print(f"agreement with scikit-learn: max |dp| {worst:.1e}")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
