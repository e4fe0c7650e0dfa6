"""Extraction of each format, metadata, and clear errors on bad files (no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ExtractionError
from pipeline.extract import extract
from pipeline.records import DocumentKind

HTML_PAGE = """<!doctype html>
<html><head>
<title>IOPC: no disciplinary action for 17 officers | IOPC</title>
<meta property="og:site_name" content="Independent Office for Police Conduct">
<meta property="article:published_time" content="2019-07-05T09:00:00Z">
<meta name="claimcheck:kind" content="press_release">
<meta name="claimcheck:note" content="Summary written for tests.">
<link rel="canonical" href="https://www.policeconduct.gov.uk/news/example">
<style>body { color: red }</style>
<script>window.tracker = "loaded";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News menu item</a></li></ul></nav>
<div class="cookie">We use cookies on this website. Accept all cookies.</div>
<main><article>
<h1>Investigation into the Metropolitan Police response concluded</h1>
<p>The watchdog said none of the 17 officers investigated would face disciplinary action.</p>
<p>The performance of nine officers fell below the standard required, and they will be
required to improve. The watchdog identified systemic failings in the response.</p>
<p>Its investigation was completed in August 2018 and the findings were shared with the families.</p>
</article></main>
<footer><a href="/privacy">Privacy policy</a> Copyright footer text</footer>
</body></html>
"""


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(
        "---\ntitle: Port convicted\npublisher: The Guardian\npublished: 2016-11-23\n"
        "kind: news\nurl: https://example.org/a\nnote: summary for tests\n---\n"
        "# Heading\n\nSeventeen officers were **served** with [notices](https://x.org).\n"
    )
    document = extract(path)
    assert document.format == "markdown"
    assert document.text == "Heading\n\nSeventeen officers were served with notices."
    meta = document.metadata
    assert (meta.title, meta.publisher, meta.published) == (
        "Port convicted",
        "The Guardian",
        "2016-11-23",
    )
    assert meta.kind == DocumentKind.NEWS
    assert meta.url == "https://example.org/a"
    assert meta.note == "summary for tests"
    assert len(document.pages) == 1


def test_markdown_title_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("# The inquests open\n\nThey opened in October 2021.\n")
    assert extract(path).metadata.title == "The inquests open"


def test_text_latin1_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café à Barking a fermé en 2016, après l'enquête.\n".encode("latin-1"))
    assert "café à Barking" in extract(path).text


def test_sidecar_metadata_wins_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("---\ntitle: From the file\nkind: news\n---\nNine officers must improve.\n")
    (tmp_path / "note.txt.meta.yaml").write_text(
        "title: From the sidecar\npublisher: IOPC\npublished: 5 July 2019\n"
    )
    meta = extract(path).metadata
    assert meta.title == "From the sidecar"
    assert meta.publisher == "IOPC"
    assert meta.published == "2019-07-05"
    assert meta.kind == DocumentKind.NEWS


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE)
    document = extract(path)
    assert "none of the 17 officers" in document.text
    assert "systemic failings" in document.text
    for boilerplate in ("tracker", "color: red", "News menu item", "Privacy policy", "cookies"):
        assert boilerplate not in document.text
    meta = document.metadata
    assert meta.publisher == "Independent Office for Police Conduct"
    assert meta.published == "2019-07-05"
    assert meta.url == "https://www.policeconduct.gov.uk/news/example"
    assert meta.kind == DocumentKind.PRESS_RELEASE
    assert meta.note == "Summary written for tests."
    # trafilatura prefers the page's own headline to the <title> tag.
    assert meta.title in (
        "Investigation into the Metropolitan Police response concluded",
        "IOPC: no disciplinary action for 17 officers",
    )


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_pages_hyphenation_and_running_lines(make_pdf, engine: str) -> None:
    header = "Independent Police Complaints Commission - Press release"
    path = make_pdf(
        "release.pdf",
        [
            [
                "The IPCC served gross miscon-",
                "duct notices on 17 officers of the Metropolitan",
                "Police in November 2016.",
            ],
            ["The officers ranged in rank from constable to inspector."],
            ["The investigation continues and will report its findings."],
        ],
        header=header,
        title="Notices served",
        author="IPCC",
    )
    document = extract(path, pdf_engine=engine)
    assert [p.number for p in document.pages] == [1, 2, 3]
    assert "gross misconduct notices on 17 officers" in document.text
    assert "Press release" not in document.text
    assert "Page 2 of 3" not in document.text
    second = document.pages[1]
    assert document.text[second.start : second.end].startswith("The officers ranged")
    assert document.page_at(document.text.index("constable")) == 2
    assert document.metadata.title == "Notices served"
    assert document.metadata.publisher == "IPCC"


@pytest.mark.parametrize(
    ("name", "content", "cause"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n  ", "empty file"),
        ("junk.txt", bytes(range(256)) * 40, "binary data"),
        ("nul.txt", b"some text\x00\x00\x00 and more", "binary data"),
        ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << >>\ntrailer garbage", "corrupt"),
        ("empty.pdf", b"", "empty file"),
        ("truncated.html", b"\x00\x01\x02<html>", "binary data"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, name: str, content: bytes, cause: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as info:
        extract(path)
    assert info.value.path == str(path)
    assert cause in info.value.cause
    assert str(path) in str(info.value)


def test_encrypted_pdf(make_pdf) -> None:
    path = make_pdf("locked.pdf", [["Secret."]], user_password="pw")
    with pytest.raises(ExtractionError, match="encrypted PDF"):
        extract(path)


def test_image_only_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ExtractionError, match="no text layer"):
        extract(tmp_path / "scan.pdf")


def test_page_and_size_limits(make_pdf, tmp_path: Path) -> None:
    path = make_pdf("long.pdf", [["Line."]] * 4)
    with pytest.raises(ExtractionError, match="more than the limit of 3"):
        extract(path, max_pages=3)
    text = tmp_path / "big.txt"
    text.write_text("word " * 1000)
    with pytest.raises(ExtractionError, match="over the limit"):
        extract(text, max_bytes=100)


def test_truncated_pdf(make_pdf, tmp_path: Path) -> None:
    whole = make_pdf("whole.pdf", [["Seventeen officers were served notices."]] * 3)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 3])
    try:
        document = extract(cut)
    except ExtractionError as e:
        assert "PDF" in e.cause
    else:  # PDFium repairs some truncations; then the text it recovered must be real
        assert "officers" in document.text


def test_a_sentence_running_over_a_page_break_stays_whole(make_pdf) -> None:
    path = make_pdf(
        "over.pdf",
        [
            ["The watchdog served notices on seventeen officers of the", "Metropolitan Police and"],
            ["three investigators of the force in November 2016."],
        ],
    )
    document = extract(path)
    assert "Metropolitan Police and\nthree investigators" in document.text
    assert document.page_at(document.text.index("three investigators")) == 2
    assert document.page_at(document.text.index("Metropolitan")) == 1


@pytest.mark.parametrize(
    "page",
    [
        "<svg onload=alert(1)><a href='javascript:alert(2)'>Seventeen officers were named</a>",
        '"><script>alert(1)</script>\x1f<p>Seventeen officers were named.</p>' + "<p>x</p>" * 20,
        "<td>Seventeen officers were named</td>",
    ],
    ids=["svg-root", "control-characters", "bare-cell"],
)
def test_hostile_html_fragments_are_read_not_crashed_on(tmp_path: Path, page: str) -> None:
    """Found by bench/fuzz.py: a bare <svg> made htmldate drop the root element
    (an AssertionError), and a control character lxml refuses made the page unreadable."""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    document = extract(path)
    assert "Seventeen officers" in document.text
    assert "alert" not in document.text


@pytest.mark.parametrize(
    ("sidecar", "cause"),
    [
        ("title: [unclosed\n", "cannot read its metadata file a.meta.yaml: "),
        ("title: x\n" + "# padding\n" * 120_000, "a.meta.yaml is over the limit of 1,048,576"),
    ],
    ids=["invalid-yaml", "oversized"],
)
def test_a_bad_metadata_file_is_one_line_naming_the_source(
    tmp_path: Path, sidecar: str, cause: str
) -> None:
    (tmp_path / "a.txt").write_text("Seventeen officers were investigated.\n")
    (tmp_path / "a.meta.yaml").write_text(sidecar)
    with pytest.raises(ExtractionError) as raised:
        extract(tmp_path / "a.txt")
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / 'a.txt'}: ") and cause in message
    assert "\n" not in message


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path: Path) -> None:
    """A stray byte in a UTF-8 text once made the whole file read as a Japanese code
    page; the text keeps its words and the bad byte becomes U+FFFD."""
    path = tmp_path / "cut.txt"
    good = "The IOPC’s report – “seventeen officers” – named the café’s owner. "
    path.write_bytes(good.encode() * 20 + b"\xe2\x80 and the rest.\n")
    document = extract(path)
    assert document.text.startswith(good.strip())
    assert document.text.endswith("\ufffd and the rest.")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café au lait for the naïve officers, the inquest heard.\n".encode("cp1252"))
    assert extract(latin).text == "Café au lait for the naïve officers, the inquest heard."


def test_only_the_worker_knows_which_formats_run_in_it() -> None:
    """The readers never import the worker, so extract/ has no import cycle."""
    import ast

    import pipeline.extract
    from pipeline.extract.worker import FORMATS

    folder = Path(pipeline.extract.__file__).parent
    for name in ("pdf.py", "html.py", "text.py", "metadata.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                imported |= {node.module or ""} | {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
        assert not any("worker" in module for module in imported), name
    assert set(FORMATS) == {"pdf", "html"}


def test_an_unknown_pdf_engine_is_refused(make_pdf) -> None:
    path = make_pdf("release.pdf", [["The inquest opened in October 2021."]])
    with pytest.raises(ExtractionError, match="unknown PDF engine 'ocr' \\(pdfium, pdfplumber\\)"):
        extract(path, pdf_engine="ocr")


def test_a_source_without_a_date_in_its_metadata_is_dated_by_its_dateline(
    tmp_path: Path,
) -> None:
    plain = tmp_path / "release.txt"
    plain.write_text(
        "Jackalopes hire a new head coach\n\nMay 20, 2019\n\nThe Odessa Jackalopes announced"
        " on Monday that they have hired Todd Watson.\n",
        encoding="utf-8",
    )
    assert extract(plain).metadata.published == "2019-05-20"
    dated = tmp_path / "dated.md"
    dated.write_text(
        '---\npublished: "2019-06-01"\n---\n\nMay 20, 2019\n\nThe Jackalopes hired a coach.\n',
        encoding="utf-8",
    )
    assert extract(dated).metadata.published == "2019-06-01"  # metadata first


def test_control_characters_counted_as_defined() -> None:
    """Below U+0020 but tab, line feed, form feed and return: nothing else counts."""
    from pipeline import decoding as text_module

    every = "".join(chr(n) for n in range(0x300)) + "\u2028\x7f\x85"
    counted = set(text_module._CONTROL.findall(every))
    assert counted == {c for c in every if ord(c) < 32 and c not in "\t\n\r\f"}
    with pytest.raises(ExtractionError, match="control characters"):
        text_module.decode(("word " * 50 + "\x01\x02\x1b").encode(), path="x.txt")
    assert text_module.decode(("word " * 500 + "\x01\f\t").encode(), path="x.txt")[1] == "utf-8"
