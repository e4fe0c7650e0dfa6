"""Hostile text: every pattern runs in linear time, names cannot escape, nothing raises.

The regular expressions are found, not listed: every compiled pattern at the
top level of a pipeline module is run over inputs built to make a
backtracking engine go quadratic (long runs of one character, repeated
openers with no closer). A pattern added later is checked without anyone
remembering to add it here.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable

import pytest

import pipeline
from pipeline.claims import blank_markdown, content_words, display
from pipeline.report.html import _plain
from pipeline.store import fts_query, query_words

# Runs of one character or one short token, which a pattern with a quantified
# group followed by something that then fails must scan again from every start.
ATOMS = [
    " ", "\t", "\n", " \n", "\n\n", "a", "A", "1", "é", "#", " #", "# ", "-", "- ", "*", "_",
    "__", "`", ",", ".", "1,", "1.", "1-", "a ", "A ", "' ", "\u2019", '"', "\u201c", "(", ")",
    "[", "](", "![", "<!--", "<!-- claimcheck: ", "-->", "> ", "www.", "http://", "twenty-",
    "more than ", "according to ", "I think ", "Chief ", "aged ", "£1", "1 July ",
]  # fmt: skip
# A prefix and suffix that let a match begin and then fail at the very end.
FRAMES = [("", ""), ("x", "!"), ("\n", "x"), ("a", "\n")]
SIZE = 20_000


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in pkgutil.walk_packages(pipeline.__path__, "pipeline."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{module.name}.{name}", value)
    return sorted(found.items())


PATTERNS = _patterns()


def _ratio(run: Callable[[str], object], text: str) -> tuple[float, float]:
    """Seconds for the first half of `text` and for all of it (best of three each)."""

    def seconds(t: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            run(t)
            best = min(best, time.perf_counter() - started)
        return best

    return seconds(text[: len(text) // 2]), seconds(text)


def _inputs(size: int) -> list[str]:
    return [head + atom * (size // len(atom)) + tail for atom in ATOMS for head, tail in FRAMES]


def test_patterns_are_found() -> None:
    names = {name for name, _ in PATTERNS}
    assert "pipeline.claims._HEADING" in names
    assert "pipeline.gate._DIRECTIVE" in names
    assert len(PATTERNS) > 30


def assert_linear(name: str, run: Callable[[str], object]) -> None:
    """Doubling the input at most about doubles the time (a quadratic scan gives 4x).

    First a cheap screen at full size; only inputs that take long enough to
    measure get the two timed runs, so that the whole check stays quick.
    """
    for text in _inputs(SIZE):
        started = time.perf_counter()
        run(text)
        if time.perf_counter() - started > 0.01:
            half, whole = _ratio(run, text)
            assert whole < 3.2 * half + 0.02, f"{name}: {half:.3f}s -> {whole:.3f}s {text[:24]!r}"


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_every_pattern_runs_in_linear_time(name: str, pattern: re.Pattern[str]) -> None:
    def run(text: str) -> None:
        for _ in pattern.finditer(text):
            pass

    assert_linear(name, run)


# Functions that take a whole article or report text, not only their patterns.
TEXT_FUNCTIONS: dict[str, Callable[[str], object]] = {
    "claims.blank_markdown": blank_markdown,
    "claims.content_words": content_words,
    "claims.display": display,
    "report.html._plain": _plain,
    "store.fts_query": fts_query,
    "store.query_words": query_words,
}


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
def test_text_functions_run_in_linear_time(name: str) -> None:
    assert_linear(name, TEXT_FUNCTIONS[name])
