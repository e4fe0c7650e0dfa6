"""Shared fixtures: an in-memory store, the real spaCy pipeline, and source-file makers.

PDFs and HTML pages are built in the tests (fpdf2) rather than committed.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from pipeline import nlp as nlp_
from pipeline import verify
from pipeline.ingest import ingest
from pipeline.records import ArticleReport
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ["port-inquests-faithful", "port-inquests-errors"]


@pytest.fixture
def store() -> Store:
    with Store(":memory:") as fresh:
        yield fresh


@pytest.fixture(scope="session")
def nlp():
    return nlp_.load()


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, nlp) -> Store:
    """The bundled corpus (sources/) in a store on disk, ingested once for the session."""
    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.db")
    summary = ingest([ROOT / "sources"], store, nlp=nlp)
    assert not summary.failed, summary.failed
    yield store
    store.close()


@pytest.fixture(scope="session")
def draft_reports(corpus_store: Store, nlp) -> dict[str, ArticleReport]:
    """The bundled drafts (claims/) verified against the bundled corpus, by name."""
    paths = [ROOT / "claims" / f"{name}.md" for name in DRAFTS]
    reports = verify(paths, store=corpus_store, nlp=nlp)
    return dict(zip(DRAFTS, reports, strict=True))


@pytest.fixture(scope="session")
def crash() -> ModuleType:
    """bench/crash.py as a module: its store checks, and its generated notes and articles.

    It imports its neighbours in bench/ as the script does, so bench/ is on
    the path while it loads.
    """
    bench = str(ROOT / "bench")
    sys.path.insert(0, bench)
    try:
        return importlib.import_module("crash")
    finally:
        sys.path.remove(bench)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    """A CLI runner in a fresh current folder, with no claimcheck settings from the environment."""
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)
    monkeypatch.delenv("CLAIMCHECK_SPACY_MODEL", raising=False)
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def build_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = "Page {n} of {total}",
    title: str | None = None,
    author: str | None = None,
    user_password: str | None = None,
) -> Path:
    """A PDF with the given lines on each page, laid out line by line (no re-wrapping)."""
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        if footer:
            pdf.set_y(-20)
            pdf.cell(0, 8, footer.format(n=number, total=len(pages)))
    if user_password:
        pdf.set_encryption(
            owner_password="owner",
            user_password=user_password,
            encryption_method=EncryptionMethod.RC4,
        )
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, pages: Sequence[Sequence[str]], **options: object) -> Path:
        return build_pdf(tmp_path / name, pages, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def bad_folder(tmp_path: Path, make_pdf: Callable[..., Path]) -> Path:
    """A folder of sources with every kind of problem, beside two good files."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = make_pdf("good.pdf", [["The inquest opened at Barking Town Hall in October 2021."]])
    good.rename(folder / "good.pdf")
    (folder / "good.md").write_text(
        "---\ntitle: Good\n---\nNine officers were told to improve their work.\n"
    )
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage")
    encrypted = make_pdf("encrypted.pdf", [["A secret line."]], user_password="secret")
    encrypted.rename(folder / "encrypted.pdf")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "latin1.txt").write_bytes(
        "Le café de la gare à Barking a fermé. Les policiers étaient présents.\n".encode("latin-1")
    )
    return folder
