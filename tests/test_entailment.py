"""The learned reading of a claim as a whole: features, the shipped trees, the label policy."""

from __future__ import annotations

import pytest

from pipeline.entailment import FEATURES, decide, load_model, pair_features
from pipeline.records import Label


@pytest.fixture(scope="module")
def model():
    shipped = load_model()
    assert shipped is not None, "pipeline/data/verdict-model.json is missing from the package"
    return shipped


def test_the_shipped_model_reads_every_feature_this_version_computes(model) -> None:
    assert set(model.features) == set(FEATURES)
    assert set(model.thresholds) == {"supported", "refuted", "confirm"}
    assert model.info["cross_validation"]["folds"] >= 2


def test_the_same_sentence_reads_as_supported_and_a_changed_number_does_not(model) -> None:
    same = model.probabilities(pair_features("He drugged his victims with GHB.",
                                             "He drugged his victims with GHB."))  # fmt: skip
    assert max(same, key=same.get) == "supported"
    changed = pair_features(
        "The film has under 236 reviews on Rotten Tomatoes.",
        "The film holds an approval rating of 91% based on 237 reviews.",
    )
    assert changed["aligned_clash"] == 1
    p = model.probabilities(changed)
    assert p["supported"] < p["refuted"]


def test_features_see_negation_contrast_and_substitution() -> None:
    f = pair_features("The band did not win the award.", "The band won the award in 2003.")
    assert f["negation_mismatch"] == 1
    f = pair_features("Sales increased in 2019.", "Sales decreased in 2019.")
    assert f["contrasts"] == 1
    f = pair_features("Prophets of Rage is an American rap metal supergroup.",
                      "Prophets of Rage is an American rock supergroup.")  # fmt: skip
    assert f["substituted"] >= 1


@pytest.mark.parametrize("rules", [Label.CONTRADICTED, Label.DISPUTED])
def test_a_contradicted_or_disputed_value_is_never_overruled(model, rules: Label) -> None:
    f = pair_features(
        "Seventeen officers were investigated.", "Seventeen officers were investigated."
    )
    assert (
        decide(rules, {"supported": 1.0, "refuted": 0.0, "not_enough_info": 0.0}, f, model) == rules
    )


def test_the_model_never_supports_a_number_the_passage_does_not_confirm(model) -> None:
    f = pair_features("Nine officers were disciplined.", "Officers were disciplined.")
    assert f["numbers_agree"] < f["claim_numbers"]
    sure = {"supported": 1.0, "refuted": 0.0, "not_enough_info": 0.0}
    assert decide(Label.UNVERIFIED, sure, f, model) == Label.UNVERIFIED
