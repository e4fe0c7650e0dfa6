"""The development case (bench/devcase) and its validation cases (bench/valcase,
bench/case3 to bench/case11): their answer keys, their sources and the falsifier."""

from __future__ import annotations

import importlib
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "bench" / "devcase"
VALCASE = ROOT / "bench" / "valcase"
CASE3 = ROOT / "bench" / "case3"
CASE4 = ROOT / "bench" / "case4"
CASE5 = ROOT / "bench" / "case5"
CASE6 = ROOT / "bench" / "case6"
CASE7 = ROOT / "bench" / "case7"
CASE8 = ROOT / "bench" / "case8"
CASE9 = ROOT / "bench" / "case9"
CASE10 = ROOT / "bench" / "case10"
CASE11 = ROOT / "bench" / "case11"
CASES = pytest.mark.parametrize(
    "case",
    [CASE, VALCASE, CASE3, CASE4, CASE5, CASE6, CASE7, CASE8, CASE9, CASE10, CASE11],
    ids=[
        "devcase",
        "valcase",
        "case3",
        "case4",
        "case5",
        "case6",
        "case7",
        "case8",
        "case9",
        "case10",
        "case11",
    ],
)


@pytest.fixture(scope="module")
def falsify() -> ModuleType:
    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        return importlib.import_module("falsify")
    finally:
        sys.path.remove(bench)


@pytest.fixture(scope="module")
def key(falsify: ModuleType) -> dict:
    return falsify.load_key(CASE)


@CASES
def test_every_variant_of_either_case_is_one_declared_change(
    falsify: ModuleType, case: Path
) -> None:
    found = falsify.variants(falsify.load_key(case))
    assert len(found) >= 30
    assert {v.kind for v in found} <= set(falsify.KINDS)


def test_the_falsifier_makes_at_least_30_variants_of_every_kind(
    falsify: ModuleType, key: dict
) -> None:
    found = falsify.variants(key)
    assert len(found) >= 30
    kinds = Counter(v.kind for v in found)
    assert set(kinds) == set(falsify.KINDS), set(falsify.KINDS) - set(kinds)
    assert {v.expected for v in found} <= {"contradicted", "not_supported"}
    assert len({v.id for v in found}) == len(found)
    # Deterministic: the same key gives the same variants.
    assert found == falsify.variants(key)


def test_each_variant_differs_from_its_true_sentence_by_one_change(
    falsify: ModuleType, key: dict
) -> None:
    for v in falsify.variants(key):
        true, false = v.true_sentence, v.false_sentence
        assert true != false, v.id
        # One contiguous difference, inside the declared words.
        prefix = 0
        while prefix < min(len(true), len(false)) and true[prefix] == false[prefix]:
            prefix += 1
        suffix = 0
        while (
            suffix < min(len(true), len(false)) - prefix
            and true[len(true) - 1 - suffix] == false[len(false) - 1 - suffix]
        ):
            suffix += 1
        start = true.index(v.find)
        assert start <= prefix and len(true) - suffix <= start + len(v.find), v.id
        assert false == true[:start] + v.replace + true[start + len(v.find) :], v.id


def test_a_change_that_is_not_one_clean_substitution_is_refused(falsify: ModuleType) -> None:
    sentence = {
        "id": "x",
        "text": "Four men died; four more were hurt, and four fled.",
        "variants": [],
    }
    for bad in (
        {"kind": "number", "find": "four", "replace": "five", "expected": "contradicted"},
        {"kind": "number", "find": "nine", "replace": "five", "expected": "contradicted"},
        {"kind": "typo", "find": "Four", "replace": "Five", "expected": "contradicted"},
        {"kind": "number", "find": "Four", "replace": "Five", "expected": "maybe"},
        {"kind": "number", "find": "Four", "replace": "Four", "expected": "contradicted"},
    ):
        with pytest.raises(ValueError):
            falsify.variants({"sentences": [{**sentence, "variants": [bad]}]})


@CASES
def test_the_key_covers_the_article_sentence_by_sentence(falsify: ModuleType, case: Path) -> None:
    key = falsify.load_key(case)
    text = falsify.article_text(case, key)
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("\n---", 1)[0][4:])
    assert front["title"] and str(front["published"]) == str(key["published"])
    assert f"case (bench/{case.name})" in front["note"]
    assert "not a published article" in front["note"]
    positions = []
    for s in key["sentences"]:
        assert text.count(s["text"]) == 1, s["id"]
        positions.append(text.index(s["text"]))
        assert isinstance(s["checkworthy"], bool)
        for fact in s["facts"]:
            assert fact["kind"] and fact["text"] and "subject" in fact, s["id"]
        for name in s["sources"]:
            assert (case / "sources" / name).is_file(), name
        if s["checkworthy"]:
            # A true sentence that no source states says so in a note of its own.
            assert s["facts"] and (s["sources"] or s.get("note")), s["id"]
    assert positions == sorted(positions)
    assert sum(s["checkworthy"] for s in key["sentences"]) >= (15 if case == CASE else 12)
    # Every sentence of the body is in the key (a rough split: the article has no abbreviations).
    body = text.split("\n---", 1)[1].split("\n", 1)[1]
    prose = " ".join(line for line in body.splitlines() if line and not line.startswith("#"))
    pieces = [p for p in re.split(r"(?:(?<=[.!?])|(?<=[.!?]\"))\s+(?=[A-Z\"])", prose) if p.strip()]
    assert pieces == [s["text"] for s in key["sentences"]]


@CASES
def test_the_sources_are_written_as_the_bundled_ones_are(case: Path) -> None:
    files = sorted((case / "sources").iterdir())
    assert 5 <= len(files) <= 8
    assert {f.suffix for f in files} >= {".html", ".txt", ".md"}
    publishers, dates = set(), set()
    for f in files:
        text = f.read_text(encoding="utf-8")
        if f.suffix == ".html":
            publisher = re.search(r'og:site_name" content="([^"]+)"', text)
            published = re.search(r'published_time" content="([^"]+)"', text)
            note = re.search(r'claimcheck:note" content="([^"]+)"', text)
            assert publisher and published and note, f.name
            publishers.add(publisher[1])
            dates.add(published[1])
            note_text = note[1]
        else:
            front = yaml.safe_load(text.split("\n---", 1)[0][4:])
            for field in ("title", "publisher", "url", "published", "kind", "note"):
                assert front.get(field), (f.name, field)
            publishers.add(front["publisher"])
            dates.add(str(front["published"]))
            note_text = front["note"]
        assert "summary written for the claimcheck corpus" in note_text.lower(), f.name
        assert "not the original" in note_text, f.name
    # Two publishers may each give two of the case's reports (an inquiry's two phases, a
    # watchdog's referral and its release on the sentence), and several may report one
    # day's event (a sentence, the court's release and the company's statement): the
    # story still spans days and outlets.
    assert len(publishers) >= len(files) - 2 and len(dates) >= 3
