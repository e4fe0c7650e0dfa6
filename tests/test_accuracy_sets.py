"""bench/accuracy.py: a set's kind comes from its data or a flag, and a three-label set is scored."""

from __future__ import annotations

import gzip
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent

PASSAGES = [
    {
        "doc_id": "bridge",
        "passage_id": "b1",
        "text": "The Tyne Millennium Bridge was opened to the public in September 2001.",
    },
    {"doc_id": "bridge", "passage_id": "b2", "text": "The bridge cost 22 million pounds to build."},
    {
        "doc_id": "river",
        "passage_id": "r1",
        "text": "The River Wear flows for 60 miles through County Durham.",
    },
]
CLAIMS = [
    {
        "claim_id": "c1",
        "text": "The Tyne Millennium Bridge was opened to the public in September 2001.",
        "label": "supported",
        "evidence": ["b1"],
        "doc_ids": ["bridge"],
    },
    {
        "claim_id": "c2",
        "text": "The Tyne Millennium Bridge was opened to the public in September 2009.",
        "label": "refuted",
        "evidence": ["b1"],
        "doc_ids": ["bridge"],
    },
    {
        "claim_id": "c3",
        "text": "The bridge was designed by a firm from Glasgow.",
        "label": "not_enough_info",
        "evidence": [],
        "doc_ids": ["bridge"],
    },
    {
        "claim_id": "c4",
        "text": "The River Wear flows for 60 miles through County Durham.",
        "label": "supported",
        "evidence": ["r1"],
        "doc_ids": ["river"],
    },
]


def write_set(folder: Path, claims: list[dict], passages: list[dict] = PASSAGES) -> Path:
    folder.mkdir(parents=True)
    for name, rows in (("claims", claims), ("passages", passages)):
        with gzip.open(folder / f"{name}.jsonl.gz", "wt", encoding="utf-8") as f:
            f.writelines(json.dumps(row) + "\n" for row in rows)
    return folder


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        return importlib.import_module("accuracy")
    finally:
        sys.path.remove(bench)


def test_the_kind_comes_from_the_data_not_the_folder_name(
    accuracy: ModuleType, tmp_path: Path
) -> None:
    vitaminc_like = [
        {**c, "meta": {"case_edit_changes_number": True, "case_edit_changes_date": False}}
        for c in CLAIMS
    ]
    binary = [c for c in CLAIMS if c["label"] != "refuted"]
    # Folder names that would have misled a rule by name.
    assert accuracy.kind_of(tmp_path / "wice-extra", CLAIMS) == "threelabel"
    assert accuracy.kind_of(tmp_path / "news", vitaminc_like) == "vitaminc"
    assert accuracy.kind_of(tmp_path / "vitaminc-test", binary) == "wice"
    assert accuracy.kind_of(tmp_path / "news", binary, "threelabel") == "threelabel"
    declared = tmp_path / "declared"
    declared.mkdir()
    (declared / "set.json").write_text('{"kind": "wice"}', encoding="utf-8")
    assert accuracy.kind_of(declared, CLAIMS) == "wice"
    with pytest.raises(SystemExit):
        accuracy.kind_of(tmp_path / "news", [{**CLAIMS[0], "label": "partially"}])


def test_a_three_label_set_is_scored_against_its_doc_ids(tmp_path: Path) -> None:
    folder = write_set(tmp_path / "newsroom-set", CLAIMS)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "accuracy.py"),
            str(folder),
            "--json",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["kind"] == "threelabel" and result["unit"] == "document"
    verdicts = result["verdicts"]
    assert verdicts["n"] == len(CLAIMS)
    assert set(verdicts["per_label"]) == {"supported", "refuted", "not_enough_info"}
    assert verdicts["per_label"]["refuted"]["support"] == 1
    predictions = {
        json.loads(line)["claim_id"]: json.loads(line)["predicted"]
        for line in Path(result["predictions"]).read_text(encoding="utf-8").splitlines()
    }
    assert predictions["c2"] == "refuted"  # a refuted claim is checked, and its wrong year found
    assert predictions["c1"] == "supported"
    assert result["store"]["documents"] == 2
    assert result["recall"]["n"] == 3  # claims with gold evidence


def test_a_two_label_set_scores_a_contradicted_claim_as_not_supported(
    accuracy: ModuleType,
) -> None:
    """WiCE is scored supported against not: REFUTED is a "not", and the confusion as
    predicted keeps it apart."""
    pairs = [
        ("supported", "supported"),
        ("supported", "refuted"),
        ("not_enough_info", "refuted"),
        ("not_enough_info", "not_enough_info"),
    ]
    two = accuracy.scores(pairs, ("supported", "not_enough_info"))
    assert two["per_label"]["not_enough_info"]["recall"] == 1.0
    assert two["per_label"]["supported"]["recall"] == 0.5
    assert two["accuracy"] == 0.75
    assert two["confusion_as_predicted"]["not_enough_info"]["refuted"] == 1
    three = accuracy.scores(pairs, accuracy.LABELS)
    assert three["per_label"]["not_enough_info"]["recall"] == 0.5
    assert "confusion_as_predicted" not in three
