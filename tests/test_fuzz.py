"""The fuzzing targets of bench/fuzz.py, in a short form: a few dozen examples each.

The long run (10,000 examples or more per target) is `python bench/fuzz.py`;
here each target runs derandomized, so that CI sees the same examples each time.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("fuzz", ROOT / "bench" / "fuzz.py")
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz"] = fuzz  # dataclasses look their module up while the class is made
_spec.loader.exec_module(fuzz)

EXAMPLES = {"verify": 40}


@pytest.fixture(scope="module")
def context(tmp_path_factory, nlp):
    built = fuzz.build_context(tmp_path_factory.mktemp("fuzz"), nlp)
    yield built
    built.store.close()


IN_PROCESS = [t for t in fuzz.TARGETS if t.name != "read-only-store"]


@pytest.mark.parametrize("target", IN_PROCESS, ids=lambda t: t.name)
def test_fuzz_target(target, context) -> None:
    outcome = fuzz.run_target(target, context, EXAMPLES.get(target.name, 150))
    assert outcome.failures == 0, outcome.error
    assert outcome.examples >= 10


def test_fuzz_read_only_store() -> None:
    """In a process of its own: as root, its read-only mount needs a namespace of its own,
    made while the process has one thread (pytest's has several)."""
    import os
    import subprocess

    args = ["--target", "read-only-store", "--examples", "60", "--seed", "1"]
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fuzz.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if "no read-only store here" in run.stderr:  # root without mount namespaces
        pytest.skip("cannot make a read-only store here (tests/test_store_access.py does)")
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    assert " 60 " in run.stdout and "read-only-store" in run.stdout


def test_a_planted_script_is_caught_by_the_inertness_check() -> None:
    """The check itself: a page with a script that is not the report's own fails it."""
    page = fuzz._Page.of(f"<p>x</p><script>alert('{fuzz.MARKER}')</script>")
    with pytest.raises(AssertionError):
        page.assert_inert(frozenset())
    with pytest.raises(AssertionError):
        fuzz._Page.of('<a href="javascript:x">x</a>').assert_inert(frozenset())
    with pytest.raises(AssertionError):
        fuzz._Page.of('<img src="x" onerror="y">').assert_inert(frozenset())
    fuzz._Page.of('<a href="https://x.example/?q=1">x</a><p>&lt;script&gt;</p>').assert_inert(
        frozenset()
    )
