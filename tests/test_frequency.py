"""How often: rates in every form, and a rate read against the passages that state a claim."""

from __future__ import annotations

import pytest
from conftest import store_of_source

from pipeline.judge.often import frequencies, same_rate
from pipeline.records import FactKind, Label
from pipeline.verification import verify_text

HEAD = """---
title: "Council sets out its savings"
publisher: "Example Gazette"
published: "2024-03-05"
kind: news
note: "Written for claimcheck's tests."
---

"""


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("once a fortnight", "fortnightly", True),
        ("every other week", "fortnightly", True),
        ("twice a year", "every six months", True),
        ("three times a week", "weekly", False),
        ("once a month", "fortnightly", False),
        ("monthly", "once a month", True),
    ],
)
def test_a_rate_is_read_in_every_form(a: str, b: str, alike: bool) -> None:
    [x], [y] = frequencies(a), frequencies(b)
    assert same_rate(x.per_day, y.per_day) is alike


@pytest.mark.parametrize(
    ("rate", "label"),
    [("roughly one a week", Label.SUPPORTED), ("roughly one a day", Label.CONTRADICTED)],
)
def test_a_rate_the_claim_s_own_count_and_period_make_is_arithmetic(
    tmp_path_factory: pytest.TempPathFactory, nlp, rate: str, label: Label
) -> None:
    source = HEAD + (
        "Between 2000 and 2014 the Post Office prosecuted 736 subpostmasters and branch"
        " workers on the strength of Horizon's figures.\n"
    )
    store = store_of_source(tmp_path_factory, nlp, source)
    report = verify_text(
        f"Between 2000 and 2014 it prosecuted 736 subpostmasters and branch workers, {rate},"
        " on the strength of Horizon's figures.",
        store,
        nlp=nlp,
    )
    [claim] = report.claims
    assert claim.label == label, claim


def test_no_rate_where_none_is_given() -> None:
    assert frequencies("every single week he came") == []
    assert frequencies("it paid £1,200 a day") == []  # a sum per day, no rate of events
    assert [f.text for f in frequencies("roughly one a week")] == ["one a week"]
    assert frequencies("the monthly figure, once the month had ended") != []


@pytest.mark.parametrize(
    ("claim", "label", "note"),
    [
        ("Rubbish will be collected only once a fortnight from 2025.", Label.SUPPORTED, None),
        (
            "Rubbish will be collected only once a month from 2025.",
            Label.CONTRADICTED,
            "article: once a month - source: fortnightly",
        ),
    ],
)
def test_a_rate_is_stated_or_denied_by_the_passage_that_states_the_claim(
    tmp_path_factory: pytest.TempPathFactory, nlp, claim: str, label: Label, note: str | None
) -> None:
    passage = "Among the savings, household waste will be collected fortnightly from 2025."
    store = store_of_source(tmp_path_factory, nlp, HEAD + passage + "\n")
    [found] = verify_text(claim, store, nlp=nlp).claims
    assert found.label == label, found
    if note is not None:
        [content] = [f for f in found.facts if f.fact.kind == FactKind.CONTENT]
        assert content.note == note


def test_a_rate_no_passage_gives_is_named_unstated(
    tmp_path_factory: pytest.TempPathFactory, nlp
) -> None:
    passage = "Among the savings, household waste will be collected from 2025 by a new firm."
    store = store_of_source(tmp_path_factory, nlp, HEAD + passage + "\n")
    [found] = verify_text(
        "Household waste will be collected once a month from 2025 by a new firm.",
        store,
        nlp=nlp,
    ).claims
    assert found.label == Label.UNVERIFIED, found
    assert "once a month" in found.uncovered
