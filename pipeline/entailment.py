"""How a passage bears on a claim: alignment features and the learned classifier over them.

The typed judges in `judge.py` decide what they can prove (an age, a count, a
date, a quote). This module reads a claim and a passage as a whole: which of
the claim's words the passage has, which numbers and dates agree or clash
(with "more than", "under", "about" read as intervals), negation on one side
only, a contrasting word ("increased" against "decreased"). A small gradient-
boosted tree model, trained by `bench/train_classifier.py` on labelled claims
and shipped as `pipeline/data/verdict-model.json`, turns the features into
probabilities of supported, refuted and not enough information.

Everything here is pure Python over strings and `Value`s: no model load, a few
hundred microseconds a pair.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from .records import Candidate, Claim, FactKind, FactVerdict, Label, Value, ValueKind
from .text import ALIGNMENT_STOPWORDS
from .values import compare_dates, compare_numbers, date_interval, find_values, singular

MODEL_FILE = "verdict-model.json"

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor without cannot n't nt unable failed fails
    fail lacks lacked lack denied denies deny refused refuses refuse""".split()
)
# Pairs of words of which one, said where the other stands, reverses a sentence.
CONTRASTS: tuple[tuple[str, str], ...] = (
    ("more", "less"), ("more", "fewer"), ("increase", "decrease"), ("increased", "decreased"),
    ("increasing", "decreasing"), ("rise", "fall"), ("rose", "fell"), ("risen", "fallen"),
    ("gain", "loss"), ("gained", "lost"), ("win", "lose"), ("won", "lost"), ("wins", "losses"),
    ("winner", "loser"), ("before", "after"), ("first", "last"), ("earlier", "later"),
    ("early", "late"), ("higher", "lower"), ("highest", "lowest"), ("larger", "smaller"),
    ("largest", "smallest"), ("bigger", "smaller"), ("biggest", "smallest"), ("above", "below"),
    ("over", "under"), ("maximum", "minimum"), ("majority", "minority"), ("best", "worst"),
    ("better", "worse"), ("positive", "negative"), ("male", "female"), ("men", "women"),
    ("man", "woman"), ("older", "younger"), ("oldest", "youngest"), ("old", "young"),
    ("start", "end"), ("began", "ended"), ("begin", "end"), ("open", "closed"),
    ("opened", "closed"), ("accept", "reject"), ("accepted", "rejected"),
    ("include", "exclude"), ("included", "excluded"), ("success", "failure"),
    ("successful", "unsuccessful"), ("true", "false"), ("alive", "dead"), ("born", "died"),
    ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
    ("left", "right"), ("up", "down"), ("buy", "sell"), ("bought", "sold"),
    ("import", "export"), ("entered", "left"), ("joined", "left"), ("hired", "fired"),
    ("lowest", "highest"), ("top", "bottom"), ("long", "short"), ("longer", "shorter"),
    ("longest", "shortest"), ("same", "different"), ("only", "also"), ("all", "some"),
    ("always", "sometimes"), ("legal", "illegal"), ("public", "private"),
    ("domestic", "international"), ("home", "away"), ("lead", "trail"), ("ahead", "behind"),
    ("positive", "mixed"), ("favorable", "unfavorable"), ("favourable", "unfavourable"),
)  # fmt: skip
_CONTRAST_OF: dict[str, frozenset[str]] = {}
for _a, _b in CONTRASTS:
    _CONTRAST_OF[_a] = _CONTRAST_OF.get(_a, frozenset()) | {_b}
    _CONTRAST_OF[_b] = _CONTRAST_OF.get(_b, frozenset()) | {_a}


def stem(word: str) -> str:
    """A crude stem: lower case, possessive and plural dropped, common suffixes cut."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = singular(w)
    for suffix in ("ingly", "edly", "ing", "ed", "ly", "ment", "ness", "ation", "ions", "ion"):
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, "n't" kept as its own word."""
    out: list[str] = []
    for m in _WORD_RE.finditer(text):
        w = m.group().lower().replace("’", "'")
        if w.endswith("n't"):
            out.extend((w[:-3] or w, "n't"))
        else:
            out.append(w)
    return out


_NUMERIC = (ValueKind.COUNT, ValueKind.MONEY, ValueKind.PERCENT, ValueKind.NUMBER, ValueKind.AGE)


# --- features -----------------------------------------------------------------------------


FEATURES: tuple[str, ...] = (
    "claim_words",
    "passage_words",
    "covered",  # share of the claim's content words in the passage (by stem)
    "covered_fuzzy",  # ... counting near spellings
    "missing",  # the claim's content words the passage lacks
    "missing_capitalised",  # ... of them capitalised mid-sentence (names)
    "passage_names_extra",  # capitalised words of the passage the claim lacks
    "passage_share",  # share of the passage's content words in the claim
    "token_set_ratio",
    "partial_ratio",
    "ratio",
    "claim_numbers",
    "numbers_agree",
    "numbers_clash",
    "numbers_open",
    "numbers_absent",
    "aligned_agree",  # the passage number in the likeliest same place agrees
    "aligned_clash",
    "aligned_open",
    "claim_qualified",
    "nearest_gap",  # smallest relative gap of a claim number to a passage number, capped
    "claim_dates",
    "dates_agree",
    "dates_clash",
    "dates_aligned_agree",
    "dates_aligned_clash",
    "dates_aligned_open",
    "claim_years_missing",
    "digits_missing",  # digit strings of the claim not in the passage
    "claim_negations",
    "passage_negations",
    "negation_mismatch",
    "contrasts",  # a claim word whose contrary stands in the passage in its stead
    "comparative_claim",
    "superlative_claim",
    "aligned",
    "substituted",
    "added",
    "loose",
    "longest_run",
    "rule_supported",
    "rule_contradicted",
    "rule_unverified",
    "rule_statement_supported",
)

_COMPARATIVE = frozenset({"more", "less", "fewer", "greater", "larger", "smaller", "higher",
                          "lower", "over", "under", "above", "below", "exceed", "exceeded",
                          "exceeds", "than"})  # fmt: skip
_SUPERLATIVE = frozenset({"most", "least", "first", "last", "only", "highest", "lowest", "best",
                          "worst", "largest", "smallest", "biggest", "top"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class RuleOutcome:
    """What the typed judges said of a claim, as counts, for the classifier to weigh."""

    supported: int = 0
    contradicted: int = 0
    unverified: int = 0
    statement_supported: int = 0


def _alignment(a: Value, a_context: set[str], b: Value, b_context: set[str]) -> float:
    """How likely two numbers are the same quantity: shared words around them, the same
    counted noun (allowing spelling variants), the same kind, similar size."""
    score = float(len(a_context & b_context))
    if a.unit and b.unit and (a.unit == b.unit or fuzz.ratio(a.unit, b.unit) >= 80):
        score += 3
    if a.kind == b.kind:
        score += 1
    assert a.number is not None and b.number is not None
    if abs(a.number - b.number) <= 0.5 * max(abs(a.number), abs(b.number)):
        score += 1.5
    return score


def _gaps(claim_tokens: list[str], passage_tokens: list[str]) -> dict[str, float]:
    """Where the claim leaves the passage's wording, from a word-level alignment.

    Claim words not in the alignment are sorted by what stands in their place in
    the passage: a short different stretch between two aligned words is a
    substitution ("rap metal" where the passage says "rock"), nothing at all is an
    addition, a long stretch or an edge a loose fit.
    """
    c_stems = [stem(t) for t in claim_tokens]
    p_stems = [stem(t) for t in passage_tokens]
    out = {"aligned": 0.0, "substituted": 0.0, "added": 0.0, "loose": 0.0, "longest_run": 0.0}
    if not c_stems or not p_stems:
        return out
    ops = Indel.opcodes(c_stems, p_stems)
    equal_before = False
    pending_c: list[int] = []
    pending_p = 0
    aligned = longest = 0

    def settle(equal_after: bool) -> None:
        content = [i for i in pending_c if claim_tokens[i] not in ALIGNMENT_STOPWORDS]
        if not content:
            return
        if equal_before and equal_after and 0 < pending_p <= 5:
            out["substituted"] += len(content)
        elif pending_p == 0 and equal_before and equal_after:
            out["added"] += len(content)
        else:
            out["loose"] += len(content)

    after_equal = 0  # the passage position just after the last aligned run
    for op in ops:
        if op.tag == "equal":
            settle(True)
            pending_c, pending_p = [], 0
            equal_before = True
            run = op.src_end - op.src_start
            aligned += run
            longest = max(longest, run)
            after_equal = op.dest_end
        elif op.tag == "delete":
            pending_c.extend(range(op.src_start, op.src_end))
        else:
            pending_p += op.dest_end - op.dest_start
    # The claim ends in words the passage does not have where it goes on differently:
    # "... the Sprouse twins Zack and Casey" against "... Zack and Cody, called ...".
    if (
        equal_before
        and pending_c
        and after_equal < len(passage_tokens)
        and passage_tokens[after_equal] not in ALIGNMENT_STOPWORDS
    ):
        pending_p = 1
        settle(True)
    else:
        settle(False)
    out["aligned"] = aligned / len(c_stems)
    out["longest_run"] = longest / len(c_stems)
    return out


def _context(text: str, value: Value, *, reach: int = 60) -> set[str]:
    """Stems of the content words around a value (its own words left out)."""
    before = words(text[max(0, value.start - reach) : value.start])
    after = words(text[value.end : value.end + reach])
    return {stem(t) for t in _content(before[-6:] + after[:6])}


def _capitalised(text: str) -> set[str]:
    """Capitalised words past the first character, lower-cased: mostly names."""
    return {
        m.group().lower() for m in _WORD_RE.finditer(text) if m.start() and m.group()[0].isupper()
    }


def _content(tokens: Iterable[str]) -> list[str]:
    return [t for t in tokens if t not in ALIGNMENT_STOPWORDS and not t.isdigit() and len(t) > 1]


def pair_features(
    claim: str,
    passage: str,
    *,
    claim_values: Sequence[Value] | None = None,
    passage_values: Sequence[Value] | None = None,
    rules: RuleOutcome | None = None,
) -> dict[str, float]:
    """The features of one claim against one passage, by the names in `FEATURES`.

    Values are found in the texts when not given (as the store already holds a
    passage's values, the verifier passes them).
    """
    if claim_values is None:
        claim_values = find_values(claim)
    if passage_values is None:
        passage_values = find_values(passage)
    rules = rules or RuleOutcome()
    c_tokens = words(claim)
    p_tokens = words(passage)
    return {
        **_gaps(c_tokens, p_tokens),
        **_word_features(claim, passage, c_tokens, p_tokens),
        **_number_features(claim, passage, claim_values, passage_values),
        **_date_features(claim, passage, claim_values, passage_values),
        **_polarity_features(claim, passage, c_tokens, p_tokens),
        "rule_supported": float(rules.supported),
        "rule_contradicted": float(rules.contradicted),
        "rule_unverified": float(rules.unverified),
        "rule_statement_supported": float(rules.statement_supported),
    }


def _word_features(
    claim: str, passage: str, c_tokens: list[str], p_tokens: list[str]
) -> dict[str, float]:
    """Which of the claim's content words the passage has, and how alike the two read."""
    c_content = _content(c_tokens)
    p_content = _content(p_tokens)
    p_stems = {stem(t) for t in p_content}
    missing = [t for t in c_content if stem(t) not in p_stems]
    fuzzy_found = 0
    for t in missing:
        if len(t) >= 5 and process.extractOne(t, p_content, scorer=fuzz.ratio, score_cutoff=85):
            fuzzy_found += 1
    capitalised = _capitalised(claim)
    n_content = max(1, len(c_content))
    extra_names = len(_capitalised(passage) - set(c_tokens) - ALIGNMENT_STOPWORDS)
    p_set = set(p_content)
    return {
        "claim_words": float(len(c_content)),
        "passage_words": float(len(p_content)),
        "covered": 1 - len(missing) / n_content,
        "covered_fuzzy": 1 - (len(missing) - fuzzy_found) / n_content,
        "missing": float(len(missing)),
        "missing_capitalised": float(sum(1 for t in missing if t in capitalised)),
        "passage_names_extra": float(extra_names),
        "passage_share": len(p_set & set(c_content)) / max(1, len(p_set)) if p_set else 0.0,
        "token_set_ratio": fuzz.token_set_ratio(claim, passage, processor=str.lower),
        "partial_ratio": fuzz.partial_ratio(claim.lower(), passage.lower())
        if len(passage) < 5000
        else 0.0,
        "ratio": fuzz.ratio(claim, passage, processor=str.lower),
    }


def _number_features(
    claim: str, passage: str, claim_values: Sequence[Value], passage_values: Sequence[Value]
) -> dict[str, float]:
    """How the claim's numbers fare against the passage's: agree, clash, open or absent,
    over all of them and for the passage number in the likeliest same place."""
    c_nums = [v for v in claim_values if v.kind in _NUMERIC and v.number is not None]
    p_nums = [v for v in passage_values if v.kind in _NUMERIC and v.number is not None]
    agree = clash = open_ = absent = 0
    aligned = {True: 0, False: 0, None: 0}
    gaps: list[float] = []
    p_context = [_context(passage, p) for p in p_nums]
    for v in c_nums:
        outcomes = [compare_numbers(v, p) for p in p_nums]
        if True in outcomes:
            agree += 1
        elif not p_nums:
            absent += 1
        elif None in outcomes:
            open_ += 1
        else:
            clash += 1
        if p_nums:
            context = _context(claim, v)
            best = max(
                range(len(p_nums)),
                key=lambda i: _alignment(v, context, p_nums[i], p_context[i]),
            )
            aligned[outcomes[best]] += 1
        gaps.extend(_relative_gap(v, p) for p in p_nums)
    return {
        "claim_numbers": float(len(c_nums)),
        "numbers_agree": float(agree),
        "numbers_clash": float(clash),
        "numbers_open": float(open_),
        "numbers_absent": float(absent),
        "aligned_agree": float(aligned[True]),
        "aligned_clash": float(aligned[False]),
        "aligned_open": float(aligned[None]),
        "claim_qualified": float(sum(1 for v in c_nums if v.qualifier)),
        "nearest_gap": min(gaps, default=1.0),
    }


def _relative_gap(a: Value, b: Value) -> float:
    """|a - b| relative to the larger of the two numbers."""
    assert a.number is not None and b.number is not None
    denominator = max(abs(a.number), abs(b.number), 1e-9)
    return abs(a.number - b.number) / denominator


def _date_features(
    claim: str, passage: str, claim_values: Sequence[Value], passage_values: Sequence[Value]
) -> dict[str, float]:
    """How the claim's dates fare against the passage's, over all of them and for the
    passage date among the most of the same words."""
    c_dates = [v for v in claim_values if v.kind == ValueKind.DATE and v.date]
    d_agree = d_clash = 0
    d_aligned = {True: 0, False: 0, None: 0}
    p_date_values = [v for v in passage_values if v.kind == ValueKind.DATE and v.date]
    p_date_spans = [date_interval(v, passage) for v in p_date_values]
    p_date_context = [_context(passage, v) for v in p_date_values]
    for v in c_dates:
        claimed = date_interval(v, claim)
        outcomes = [compare_dates(claimed, span) for span in p_date_spans]
        if True in outcomes:
            d_agree += 1
        elif False in outcomes and None not in outcomes:
            d_clash += 1
        if outcomes:
            context = _context(claim, v)
            best = max(
                range(len(outcomes)),
                key=lambda i: (len(context & p_date_context[i]), outcomes[i] is not None),
            )
            d_aligned[outcomes[best]] += 1
    years_missing = sum(1 for v in c_dates if v.date and v.date[:4] not in passage)
    return {
        "claim_dates": float(len(c_dates)),
        "dates_agree": float(d_agree),
        "dates_clash": float(d_clash),
        "dates_aligned_agree": float(d_aligned[True]),
        "dates_aligned_clash": float(d_aligned[False]),
        "dates_aligned_open": float(d_aligned[None]),
        "claim_years_missing": float(years_missing),
    }


def _polarity_features(
    claim: str, passage: str, c_tokens: list[str], p_tokens: list[str]
) -> dict[str, float]:
    """Digits the passage lacks, negation on one side only, contrary words, comparison."""
    # Digits of the claim the passage lacks: "24 February" (a day with no year is no
    # date value) against "5 March".
    p_digits = set(re.findall(r"\d+", passage))
    digits_missing = sum(1 for d in set(re.findall(r"\d+", claim)) if d not in p_digits)
    c_neg = sum(1 for t in c_tokens if t in NEGATIONS)
    p_neg = sum(1 for t in p_tokens if t in NEGATIONS)
    c_set = set(c_tokens)
    contrasts = 0
    for t in c_set:
        others = _CONTRAST_OF.get(t)
        if others and t not in p_tokens and others & set(p_tokens):
            contrasts += 1
    return {
        "digits_missing": float(digits_missing),
        "claim_negations": float(c_neg),
        "passage_negations": float(p_neg),
        "negation_mismatch": float((c_neg % 2) != (p_neg % 2)),
        "contrasts": float(contrasts),
        "comparative_claim": float(len(c_set & _COMPARATIVE)),
        "superlative_claim": float(len(c_set & _SUPERLATIVE)),
    }


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreeModel:
    """Gradient-boosted trees over `FEATURES`, one tree per class per round, as exported
    by the training script: probabilities are the softmax of the summed leaf values."""

    features: tuple[str, ...]
    classes: tuple[str, ...]
    baseline: tuple[float, ...]
    # Each tree as parallel lists: feature index (-1 at a leaf), threshold, left, right,
    # whether a missing value goes left, leaf value.
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...],
                       tuple[bool, ...], tuple[float, ...]], ...]  # fmt: skip
    tree_class: tuple[int, ...]
    thresholds: dict[str, float]
    info: dict[str, Any]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        x = [features[name] for name in self.features]
        raw = list(self.baseline)
        for (feature, threshold, left, right, missing_left, value), k in zip(
            self.trees, self.tree_class, strict=True
        ):
            node = 0
            while feature[node] >= 0:
                v = x[feature[node]]
                go_left = missing_left[node] if v != v else v <= threshold[node]  # NaN: missing
                node = left[node] if go_left else right[node]
            raw[k] += value[node]
        top = max(raw)
        exp = [math.exp(r - top) for r in raw]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


def model_from_dict(data: dict[str, Any]) -> TreeModel:
    trees = []
    classes = []
    for tree in data["trees"]:
        trees.append(
            (
                tuple(tree["feature"]),
                tuple(float(t) for t in tree["threshold"]),
                tuple(tree["left"]),
                tuple(tree["right"]),
                tuple(bool(m) for m in tree["missing_left"]),
                tuple(float(v) for v in tree["value"]),
            )
        )
        classes.append(int(tree["class"]))
    unknown = set(data["features"]) - set(FEATURES)
    if unknown:
        raise ValueError(f"the model uses features this version does not compute: {unknown}")
    return TreeModel(
        features=tuple(data["features"]),
        classes=tuple(data["classes"]),
        baseline=tuple(float(b) for b in data["baseline"]),
        trees=tuple(trees),
        tree_class=tuple(classes),
        thresholds={k: float(v) for k, v in data["thresholds"].items()},
        info=dict(data.get("trained", {})),
    )


@lru_cache(maxsize=1)
def load_model() -> TreeModel | None:
    """The shipped model, or None when the package has none (the rules then decide alone)."""
    try:
        text = resources.files("pipeline").joinpath("data", MODEL_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    return model_from_dict(json.loads(text))


# --- reading a claim as a whole -------------------------------------------------------------


def rule_outcome(verdicts: Sequence[FactVerdict]) -> RuleOutcome:
    """Counts of the typed judges' labels (attributions left out: they never contradict)."""
    typed = [v for v in verdicts if v.fact.kind not in (FactKind.STATEMENT, FactKind.ATTRIBUTION)]
    return RuleOutcome(
        supported=sum(1 for v in typed if v.label == Label.SUPPORTED),
        contradicted=sum(1 for v in typed if v.label in (Label.CONTRADICTED, Label.DISPUTED)),
        unverified=sum(1 for v in typed if v.label == Label.UNVERIFIED),
        statement_supported=sum(
            1 for v in verdicts if v.fact.kind == FactKind.STATEMENT and v.label == Label.SUPPORTED
        ),
    )


def claim_features(
    claim: Claim, candidate: Candidate, verdicts: Sequence[FactVerdict]
) -> dict[str, float]:
    """The features of a claim against one candidate passage, values placed in their texts."""
    hit = candidate.hit
    claim_values = [
        replace(f.value, start=f.value.start - claim.start, end=f.value.end - claim.start)
        for f in claim.facts
        if f.value is not None and claim.start <= f.value.start
    ]
    passage_values = [
        replace(v, start=v.start - hit.start, end=v.end - hit.start)
        for v in candidate.values
        if hit.start <= v.start and v.end <= hit.end
    ]
    return pair_features(
        claim.text,
        hit.text,
        claim_values=claim_values,
        passage_values=passage_values,
        rules=rule_outcome(verdicts),
    )


def decide(
    rules: Label, probabilities: dict[str, float], features: dict[str, float], model: TreeModel
) -> Label:
    """The claim's label from the judges' label and the model's reading of the claim.

    What the typed judges prove stands: a contradicted or disputed value is
    never overruled, and a claim whose values they all confirm is only ever
    turned to CONTRADICTED, when the model is confident the passage says
    otherwise, or to UNVERIFIED, when the model finds support very unlikely
    (below the "confirm" threshold). Close wording alone (the statement judge) no longer supports a
    claim: one changed word ("rap metal" for "rock") keeps the wording close.
    The model supports a claim only when it is confident AND every number and
    date of the claim has an agreeing value in the passage: a wrong "supported"
    is the worst error, so a guess is never one.
    """
    if rules in (Label.CONTRADICTED, Label.DISPUTED):
        return rules
    refuted = probabilities.get("refuted", 0.0)
    supported = probabilities.get("supported", 0.0)
    if refuted >= model.thresholds["refuted"] and refuted >= max(probabilities.values()):
        return Label.CONTRADICTED
    proven = (
        rules == Label.SUPPORTED
        and features["rule_supported"] > 0
        and features["rule_unverified"] == 0
        and features["rule_contradicted"] == 0
    )
    if proven and supported >= model.thresholds.get("confirm", 0.0):
        return Label.SUPPORTED
    values_agree = (
        features["numbers_agree"] == features["claim_numbers"]
        and features["dates_agree"] == features["claim_dates"]
    )
    if supported >= model.thresholds["supported"] and values_agree:
        return Label.SUPPORTED
    return Label.UNVERIFIED
