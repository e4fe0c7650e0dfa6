"""Report renderers (HTML, Markdown, ClaimReview, JSON with its schema), built from records.

The records are made here, with hostile text planted in the article and in
the source (a script tag, an onerror attribute, a javascript: link, Markdown
and table syntax, mentions), so no model runs; the demo drafts' real reports
are checked against the JSON schema too.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from pipeline.records import (
    ArticleReport,
    Claim,
    ClaimVerdict,
    Evidence,
    Fact,
    FactKind,
    FactVerdict,
    Label,
    Value,
    ValueKind,
)
from pipeline.report import (
    RENDERERS,
    claim_reviews,
    render_claimreview,
    render_html,
    render_json,
    render_markdown,
    report_schema,
)
from pipeline.report.json import SCHEMA_VERSION, report_to_dict, write_json
from pipeline.report.markdown import escape as md_escape
from pipeline.report.sources import (
    evidence_links,
    file_link,
    quote_of,
    text_fragment,
    web_url,
)

HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3))'
SOURCE_TEXT = (
    "The watchdog <script>alert(4)</script> said: Seventeen officers were investigated "
    '<img src=x onerror="alert(5)"> for misconduct, [b](javascript:alert(6)) | in all.'
)


def _evidence(
    *,
    text: str = SOURCE_TEXT,
    path: str = "sources/release.txt",
    url: str | None = "javascript:alert(7)",
    title: str = "Release <script>alert(8)</script>",
    agrees: bool | None = False,
    page: int = 1,
    start: int = 100,
    document_id: str = "doc-release",
) -> Evidence:
    at = text.find("Seventeen")
    return Evidence(
        passage_id=1,
        document_id=document_id,
        title=title,
        publisher='IOPC <img src=x onerror="alert(9)">',
        published="2019-07-05",
        path=path,
        url=url,
        page=page,
        start=start,
        end=start + len(text),
        text=text,
        score=91.0,
        match_start=start + at if at != -1 else None,
        match_end=start + at + len("Seventeen officers") if at != -1 else None,
        source_value="Seventeen officers",
        agrees=agrees,
    )


def hostile_report(*, evidence: tuple[Evidence, ...] | None = None) -> ArticleReport:
    """One article with a contradicted claim full of markup, and a skipped sentence."""
    claim_text = f"Nineteen officers | were `investigated` {HOSTILE} @someone #12."
    opinion = "This is <b>appalling</b>."
    text = f"# Title\n\n{claim_text}\n\n{opinion}\n"
    start = text.index("Nineteen")
    fact = Fact(
        kind=FactKind.COUNT,
        text="Nineteen officers",
        start=start,
        end=start + len("Nineteen officers"),
        value=Value(ValueKind.COUNT, "Nineteen officers", 0, 17, number=19, unit="officer"),
        subject="officer",
    )
    verdict = FactVerdict(
        fact=fact,
        label=Label.CONTRADICTED,
        score=95,
        evidence=evidence if evidence is not None else (_evidence(),),
        note="article: 19 - source: 17 <script>alert(10)</script>",
    )
    claim = Claim(
        id="c0ffee",
        text=claim_text,
        start=start,
        end=start + len(claim_text),
        line=3,
        column=1,
        facts=(fact,),
    )
    skipped = Claim(
        id="5k1p",
        text=opinion,
        start=text.index(opinion),
        end=text.index(opinion) + len(opinion),
        line=5,
        column=1,
        checkworthy=False,
        reason="opinion or speculation ('appalling')",
    )
    return ArticleReport(
        path="claims/<draft>.txt",
        claims=(ClaimVerdict(claim=claim, label=Label.CONTRADICTED, score=95, facts=(verdict,)),),
        not_checkworthy=(skipped,),
        model="en_core_web_sm 3.8.0",
        store="f1ngerpr1nt",
        title='A draft <img src=x onerror="alert(11)">',
        url="https://news.example/draft?a=1&b=<x>",
        text=text,
        version="1.2.3",
        checked_at="2024-05-01T10:00:00Z",
        seconds=1.25,
    )


class _Page(HTMLParser):
    """Every element, attribute and text node of a page, as a parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            self.scripts.append((self.tags[-1][1], data))
        elif self._open == "style":
            self.styles.append(data)
        else:
            self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _sha256(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


# HTML -----------------------------------------------------------------------


def test_html_keeps_planted_markup_as_text() -> None:
    page = render_html([hostile_report()])
    parsed = parse(page)
    assert {tag for tag, _ in parsed.tags} & {"img", "iframe", "object", "embed"} == set()
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), attrs
    # Exactly two script elements, both the renderer's own: the JSON-LD data and the page script.
    assert [attrs.get("type") for attrs, _ in parsed.scripts] == ["application/ld+json", None]
    text = "".join(parsed.text)
    for planted in ("<script>alert(1)</script>", 'onerror="alert(2)"', "javascript:alert(3)"):
        assert planted in text  # shown, as words
    for planted in ("<script>alert(4)</script>", "javascript:alert(6)", "alert(8)", "alert(9)"):
        assert planted in text
    assert "<b>appalling</b>" in text and "alert(11)" in text


def test_html_links_are_http_fragments_or_relative_files(tmp_path: Path) -> None:
    report = hostile_report(
        evidence=(
            _evidence(),
            _evidence(path="javascript:alert(1).pdf", url=None, page=3, document_id="d2"),
            _evidence(path="sources/page.html", url="https://news.example/a", document_id="d3"),
        )
    )
    page = render_html([report], base=tmp_path, json_href="report.json")
    hrefs = [attrs["href"] or "" for tag, attrs in parse(page).tags if tag == "a"]
    assert hrefs
    for href in hrefs:
        assert re.match(r"https?://|#|\.\./|[\w%.-]+(/|$|#)", href), href
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), href
    assert "report.json" in hrefs
    assert any(h.endswith(".pdf#page=3") and "javascript%3A" in h for h in hrefs)
    assert any(
        h.startswith("https://news.example/a#:~:text=The%20watchdog%20%3Cscript") for h in hrefs
    )


def test_html_content_security_policy_allows_exactly_its_own_style_and_script() -> None:
    page = render_html([hostile_report()])
    parsed = parse(page)
    [csp] = [
        attrs["content"]
        for tag, attrs in parsed.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert "default-src 'none'" in (csp or "")
    [style] = parsed.styles
    [(_, script)] = [(a, code) for a, code in parsed.scripts if a.get("type") is None]
    assert f"style-src {_sha256(style)};" in (csp or "")
    assert f"script-src {_sha256(script)};" in (csp or "")
    assert "unsafe-inline" not in (csp or "")


def test_html_style_and_script_are_the_package_data_files() -> None:
    """The page embeds static/report.css and static/report.js as they are, allowed by hash."""
    from importlib import resources

    static = resources.files("pipeline.report").joinpath("static")
    parsed = parse(render_html([hostile_report()]))
    [style] = parsed.styles
    [(_, script)] = [(a, code) for a, code in parsed.scripts if a.get("type") is None]
    assert style.strip() == static.joinpath("report.css").read_text(encoding="utf-8").strip()
    assert script.strip() == static.joinpath("report.js").read_text(encoding="utf-8").strip()


def test_html_shows_the_claim_facts_note_and_marked_evidence() -> None:
    page = render_html([hostile_report()])
    assert 'class="claim v-contradicted"' in page and 'href="#claim-c0ffee"' in page
    assert 'id="claim-c0ffee"' in page
    assert "article: 19 - source: 17 &lt;script&gt;alert(10)&lt;/script&gt;" in page
    assert "<mark>Seventeen officers</mark>" in page
    assert '<span class="fact-mark v-contradicted">Nineteen officers</span>' in page
    assert "1.2.3" in page and "en_core_web_sm 3.8.0" in page and "f1ngerpr1nt" in page
    assert "2024-05-01 10:00:00 UTC" in page
    assert re.search(r"<b>1</b> contradicted", page)
    assert "opinion or speculation" in page


def test_html_embeds_claimreview_that_cannot_close_its_script_element() -> None:
    page = render_html([hostile_report()])
    [(_, data)] = [(a, code) for a, code in parse(page).scripts if a.get("type")]
    assert "</" not in data and "<" not in data
    [review] = json.loads(data)
    assert review["@type"] == "ClaimReview"
    assert "<script>alert(1)</script>" in review["claimReviewed"]


def test_html_of_several_articles_has_unique_ids() -> None:
    report = hostile_report()
    page = render_html([report, report])
    ids = [attrs["id"] for _, attrs in parse(page).tags if attrs.get("id")]
    assert len(ids) == len(set(ids))
    assert 'id="claim-c0ffee-2"' in page and 'id="article-1"' in page


def test_html_without_article_text_lists_the_claims() -> None:
    report = hostile_report()
    bare = ArticleReport(
        path=report.path,
        claims=report.claims,
        not_checkworthy=(),
        model=report.model,
        store=report.store,
    )
    page = render_html([bare])
    assert 'class="claim v-contradicted"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_survives_offsets_that_do_not_fit_the_text() -> None:
    report = hostile_report()
    [verdict] = report.claims
    broken = ArticleReport(
        path=report.path,
        claims=(
            verdict,
            ClaimVerdict(
                claim=Claim(id="x", text="overlap", start=5, end=9999, line=1, column=1),
                label=Label.UNVERIFIED,
                score=0,
            ),
        ),
        not_checkworthy=(),
        model="m",
        store="s",
        text=report.text,
    )
    page = render_html([broken])
    assert page.count('class="claim ') == 1  # the claim that fits is linked, the other not
    assert 'id="claim-x"' in page  # but its details are still there


# Markdown -------------------------------------------------------------------


def _markdown_html(text: str) -> str:
    """Markdown rendered as GitHub does (raw HTML allowed, tables, strike-through)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def test_markdown_keeps_planted_markup_as_text() -> None:
    rendered = _markdown_html(render_markdown([hostile_report()]))
    assert "<script" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "javascript:" not in re.findall(r'href="([^"]*)"', rendered).__str__()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "[a](javascript:alert(3))" in rendered
    assert "`investigated`" in rendered  # backticks shown, not a code span
    assert "@\u2060someone" in rendered and "#\u206012" in rendered


def test_markdown_counts_table_and_sections() -> None:
    text = render_markdown([hostile_report()])
    rendered = _markdown_html(text)
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td[^>]*>(\d+)</td>", rendered, re.S)
    assert [(name.split()[-1], n) for name, n in rows] == [
        ("Contradicted", "1"),
        ("Disputed", "0"),
        ("Unverified", "0"),
        ("Supported", "0"),
    ]
    assert "Contradicted by the sources" in text
    assert "<strong>Seventeen officers</strong>" in rendered  # the matched words
    assert "article: 19 - source: 17" in rendered
    assert "page 1" in text and "2019-07-05" in text
    # The claim's "|" does not split a table row, nor start one: no table but the counts.
    assert rendered.count("<table>") == 1


def test_markdown_links_only_web_sources() -> None:
    report = hostile_report(evidence=(_evidence(url="https://news.example/a b"),))
    rendered = _markdown_html(render_markdown([report]))
    assert 'href="https://news.example/a%20b"' in rendered
    assert re.findall(r'href="([^"]*)"', rendered) == ["https://news.example/a%20b"]


@given(st.text(max_size=80))
def test_markdown_escape_leaves_no_markup(text: str) -> None:
    rendered = _markdown_html(f"x {md_escape(text)}")
    assert re.fullmatch(r"<p>[^<]*</p>\n", rendered) or not text.strip(), rendered


# ClaimReview ------------------------------------------------------------------


def test_claimreview_per_claim() -> None:
    report = hostile_report()
    [review] = claim_reviews(
        report,
        author="The Daily Check",
        author_url="https://check.example",
        review_url="https://check.example/r.html",
    )
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Nineteen officers")
    assert review["author"] == {
        "@type": "Organization",
        "name": "The Daily Check",
        "url": "https://check.example",
    }
    assert review["datePublished"] == "2024-05-01"
    assert review["url"] == "https://check.example/r.html#claim-c0ffee"
    rating = review["reviewRating"]
    assert rating == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 4,
        "worstRating": 1,
        "alternateName": "Contradicted by the sources",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["appearance"]["url"] == "https://news.example/draft?a=1&b=%3Cx%3E"
    assert item["firstAppearance"] == item["appearance"]
    assert review["reviewBody"].startswith("article: 19 - source: 17")
    [cited] = review["citation"]
    assert "url" not in cited  # the source's javascript: URL is dropped
    assert cited["publisher"]["@type"] == "Organization"


@pytest.mark.parametrize(
    ("label", "value"),
    [(Label.CONTRADICTED, 1), (Label.DISPUTED, 2), (Label.UNVERIFIED, 3), (Label.SUPPORTED, 4)],
)
def test_claimreview_rating_follows_the_verdict(label: Label, value: int) -> None:
    report = hostile_report()
    [verdict] = report.claims
    relabelled = ArticleReport(
        path="a.md",
        claims=(ClaimVerdict(claim=verdict.claim, label=label, score=50),),
        not_checkworthy=(),
        model="m",
        store="s",
    )
    [review] = json.loads(render_claimreview([relabelled]))
    assert review["reviewRating"]["ratingValue"] == value
    assert review["reviewRating"]["alternateName"].split()[0].rstrip(":") == label.title()
    assert review["itemReviewed"]["appearance"] == {"@type": "CreativeWork", "name": "a.md"}
    assert "url" not in review and "datePublished" not in review


# JSON and its schema ---------------------------------------------------------------


def test_schema_is_valid_and_versioned() -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["$id"].endswith(f":{SCHEMA_VERSION}")


def test_json_reports_validate_against_the_schema() -> None:
    document = json.loads(render_json([hostile_report(), hostile_report(evidence=())]))
    jsonschema.validate(document, report_schema())
    assert document["schema_version"] == SCHEMA_VERSION
    article = document["articles"][0]
    assert (article["claimcheck"], article["checked_at"], article["seconds"]) == (
        "1.2.3",
        "2024-05-01T10:00:00Z",
        1.25,
    )


def test_json_is_written_a_claim_at_a_time_as_json_dumps_writes_it(draft_reports) -> None:
    """`write_json` streams exactly the text json.dumps gives for the whole document."""
    from dataclasses import replace

    no_claims = replace(hostile_report(), claims=(), not_checkworthy=())
    cases = [
        [],
        [hostile_report()],
        [hostile_report(), hostile_report(evidence=()), no_claims],
        list(draft_reports.values()),
    ]
    for reports in cases:
        whole = {"schema_version": SCHEMA_VERSION, "articles": [report_to_dict(r) for r in reports]}
        expected = json.dumps(whole, indent=2, ensure_ascii=False)
        out = io.StringIO()
        write_json(reports, out)
        assert out.getvalue() == expected
        assert render_json(reports) == expected


def test_the_schema_rejects_what_it_does_not_describe() -> None:
    document = json.loads(render_json([hostile_report()]))
    document["articles"][0]["claims"][0]["verdict"] = "TRUE"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, report_schema())
    document = json.loads(render_json([hostile_report()]))
    document["articles"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, report_schema())


def test_demo_drafts_reports_validate_against_the_schema(draft_reports) -> None:
    document = json.loads(render_json(list(draft_reports.values())))
    jsonschema.validate(document, report_schema())
    counts = [a["counts"] for a in document["articles"]]
    assert counts[0]["contradicted"] == 0 and counts[1]["contradicted"] > 0


def test_no_article_still_gives_a_report_in_every_format() -> None:
    assert "No article was checked" in render_html([])
    assert "No article was checked" in render_markdown([])
    assert json.loads(render_claimreview([])) == []
    jsonschema.validate(json.loads(render_json([])), report_schema())


def test_every_format_renders_the_demo_drafts(draft_reports) -> None:
    reports = list(draft_reports.values())
    for name, render in RENDERERS.items():
        assert render(reports).strip(), name
    page = render_html(reports)
    assert page.count('class="claim v-') == sum(len(r.claims) for r in reports)


# What every format says about sources ------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("HTTP://example.com/a b?q=(1)", "http://example.com/a%20b?q=%281%29"),
        ('https://example.com/"onmouseover="x', "https://example.com/%22onmouseover=%22x"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.com/a", None),
        ("https://exa mple.com/", None),
        ("https://", None),
        ("", None),
        (None, None),
    ],
)
def test_web_url(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


def test_file_link_is_always_relative(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert file_link(str(tmp_path / "src" / "a b.pdf"), base=tmp_path / "out") == "../src/a%20b.pdf"
    assert file_link("javascript:alert(1)", base=".") == "javascript%3Aalert%281%29"


def test_text_fragment() -> None:
    assert text_fragment("Nine officers, in all") == "#:~:text=Nine%20officers%2C%20in%20all"
    long = "one two three four five six seven eight nine ten-eleven"
    assert (
        text_fragment(long)
        == "#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten%2Deleven"
    )


def test_evidence_links_for_pdf_web_and_file() -> None:
    pdf = _evidence(path="/s/r.pdf", url="https://iopc.example/news/r", page=4)
    assert [(link.label, link.href.split("/")[-1]) for link in evidence_links(pdf, base="/s")] == [
        ("PDF, page 4", "r.pdf#page=4"),
        ("publisher's page", "r"),
    ]
    online = _evidence(path="/s/r.pdf", url="https://iopc.example/r.pdf", page=2)
    assert evidence_links(online, base="/s")[1].href == "https://iopc.example/r.pdf#page=2"
    web = _evidence(path="/s/a.html", url="https://news.example/a#top")
    [link] = evidence_links(web, base="/s")
    assert link.href.startswith("https://news.example/a#:~:text=")
    local = _evidence(path="/s/a.txt", url=None)
    assert [link.href for link in evidence_links(local, base="/s")] == ["a.txt"]


@given(
    st.text(min_size=1, max_size=900),
    st.integers(min_value=-5, max_value=950),
    st.integers(min_value=0, max_value=100),
)
def test_quote_keeps_the_match_and_stays_short(text: str, at: int, length: int) -> None:
    evidence = Evidence(
        passage_id=1,
        document_id="d",
        title=None,
        publisher=None,
        published=None,
        path=None,
        url=None,
        page=1,
        start=1000,
        end=1000 + len(text),
        text=text,
        score=50.0,
        match_start=1000 + at,
        match_end=1000 + at + length,
    )
    cut = quote_of(evidence, max_chars=200)
    inside = 0 <= at < at + length <= len(text)
    assert cut.match == (text[at : at + length] if inside else "")
    joined = cut.before + cut.match + cut.after
    assert joined in text
    assert len(joined) <= max(200, length)
    assert cut.cut_start == (not text.startswith(joined))
    assert cut.cut_end == (not text.endswith(joined))
