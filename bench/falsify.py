"""Falsified variants of the development case, made from its answer key.

Each variant is one sentence of `bench/devcase/article.md` with exactly one
change, taken from the answer key (`bench/devcase/key.yaml`): the words
`find` of that sentence replaced by `replace`. The key declares every change,
so the variants are deterministic and can be reviewed; this script only
applies them and checks that each applies once.

Each variant records its kind of change (`KINDS`) and the least a verifier
must say of it: "contradicted" (a source states the contrary with a clear
anchor) or "not_supported" (anything but SUPPORTED).

    .venv/bin/python bench/falsify.py            # a table of the variants
    .venv/bin/python bench/falsify.py --json     # the variants as JSON
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

CASE = Path(__file__).resolve().parent / "devcase"

# The kinds of falsification that issue 14 names, as the key spells them.
KINDS = (
    "number",
    "date",
    "age",
    "swapped-name",  # another person's name next to the right age
    "entity-organisation",
    "entity-person",
    "entity-place",
    "entity-nationality",
    "negation",
    "antonym",  # rose/fell, convicted/acquitted, approved/rejected
    "verb",  # apologised -> resigned
    "cause-object",  # after a fire -> after flooding
    "bound",  # "more than 30" when the source says 25
    "unit",  # miles -> kilometres
    "relative-time",  # a week later -> a month later
    "outlet",  # the outlet named in an attribution
    "misquote",
)
EXPECTED = ("contradicted", "not_supported")


@dataclass(frozen=True, slots=True)
class Variant:
    id: str  # sentence id and number: "s03-2"
    sentence_id: str
    kind: str
    find: str
    replace: str
    true_sentence: str
    false_sentence: str
    expected: str


def load_key(case: Path = CASE) -> dict[str, Any]:
    with (case / "key.yaml").open(encoding="utf-8") as f:
        key: dict[str, Any] = yaml.safe_load(f)
    return key


def article_text(case: Path = CASE, key: dict[str, Any] | None = None) -> str:
    key = key if key is not None else load_key(case)
    return (case / key["article"]).read_text(encoding="utf-8")


def variants(key: dict[str, Any]) -> list[Variant]:
    """Every declared variant; ValueError for a change that is not one clean substitution."""
    out: list[Variant] = []
    for sentence in key["sentences"]:
        text = sentence["text"]
        for n, v in enumerate(sentence.get("variants") or [], start=1):
            where = f"{sentence['id']} variant {n}"
            if v["kind"] not in KINDS:
                raise ValueError(f"{where}: unknown kind {v['kind']!r}")
            if v["expected"] not in EXPECTED:
                raise ValueError(f"{where}: unknown expected verdict {v['expected']!r}")
            if text.count(v["find"]) != 1:
                raise ValueError(f"{where}: {v['find']!r} is not in the sentence exactly once")
            if v["find"] == v["replace"]:
                raise ValueError(f"{where}: the replacement changes nothing")
            out.append(
                Variant(
                    id=f"{sentence['id']}-{n}",
                    sentence_id=sentence["id"],
                    kind=v["kind"],
                    find=v["find"],
                    replace=v["replace"],
                    true_sentence=text,
                    false_sentence=text.replace(v["find"], v["replace"], 1),
                    expected=v["expected"],
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--case", type=Path, default=CASE, help="folder of the case")
    parser.add_argument("--json", action="store_true", help="the variants as JSON")
    args = parser.parse_args()
    found = variants(load_key(args.case))
    if args.json:
        print(json.dumps([asdict(v) for v in found], indent=2, ensure_ascii=False))
        return
    for v in found:
        print(f"{v.id:<7} {v.kind:<20} {v.expected:<14} {v.find!r} -> {v.replace!r}")
    counts = Counter(v.kind for v in found)
    print(f"\n{len(found)} variants; per kind: " + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    missing = [k for k in KINDS if not counts[k]]
    if missing:
        print(f"kinds without a variant: {', '.join(missing)}")


if __name__ == "__main__":
    main()
