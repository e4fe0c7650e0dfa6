"""report.render: the one entry every command renders through, with the same options."""

from __future__ import annotations

import json

import pytest

from pipeline.records import ArticleReport, FailLevel, GateResult
from pipeline.report import (
    GATE_RENDERERS,
    RENDERERS,
    RenderOptions,
    render,
    render_claimreview,
    render_html,
    render_text,
)


def report() -> ArticleReport:
    return ArticleReport(
        path="draft.md", claims=(), not_checkworthy=(), model="m", store="s", title="Draft"
    )


def test_each_format_gets_the_options_it_takes(tmp_path) -> None:
    reports = [report()]
    options = RenderOptions(
        verbose=True, author="The Daily Check", base=tmp_path, json_href="r.json"
    )
    assert render("text", reports, options) == render_text(reports, verbose=True)
    assert render("claimreview", reports, options) == render_claimreview(
        reports, author="The Daily Check"
    )
    assert render("html", reports, options) == render_html(
        reports, base=tmp_path, json_href="r.json", author="The Daily Check"
    )
    for fmt in ("json", "markdown"):
        assert render(fmt, reports, options) == RENDERERS[fmt](reports)
    assert render("text", reports) == render_text(reports)


def test_a_gate_result_renders_in_the_gate_formats() -> None:
    result = GateResult(FailLevel.CONTRADICTED, ())
    for fmt, renderer in GATE_RENDERERS.items():
        assert render(fmt, result) == renderer(result)
    assert json.loads(render("json", result)) != json.loads(render("json", [report()]))


@pytest.mark.parametrize(
    ("fmt", "given"), [("sarif", "reports"), ("html", "gate"), ("pdf", "reports")]
)
def test_an_unknown_format_is_a_value_error(fmt: str, given: str) -> None:
    reports = [report()] if given == "reports" else GateResult(FailLevel.CONTRADICTED, ())
    with pytest.raises(ValueError, match="format"):
        render(fmt, reports)
