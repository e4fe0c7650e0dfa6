"""Hostile and broken source files: one clear error each, bounded cost, nothing stored.

The inbox is built here (fpdf2, PDF objects written by hand, raw bytes); the
real `claimcheck ingest` runs on it in a process of its own, whose time and
peak memory (its PDF and HTML worker included) are measured.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from fpdf import FPDF

from pipeline import ingest as ingest_module
from pipeline.cli import main
from pipeline.errors import ExtractionError
from pipeline.extract import extract, read_source
from pipeline.extract.worker import Worker
from pipeline.ingest import ingest
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
# The limits of the run (.claimcheck.toml in the inbox's parent): low, so that it is quick.
CONFIG = """\
max_bytes = 1_000_000
max_chars = 600_000
extract_timeout = 3
extract_max_memory = 500
"""
SCRIPT_MARKS = (
    "SCRIPTMARK",
    "STYLEMARK",
    "COMMENTMARK",
    "HANDLERMARK",
    "JSURLMARK",
    "TEMPLATEMARK",
)
SCRIPTED_PAGE = """<!doctype html><html><head><title>Inquest findings</title>
<script>var x = "SCRIPTMARK one"; document.write("<p>SCRIPTMARK written</p>");</script>
<style>p::after { content: "STYLEMARK" }</style>
<script type="text/template"><p>SCRIPTMARK template</p></script>
</head><body onload="alert('HANDLERMARK')">
<!-- COMMENTMARK a comment that reads like a sentence of the story. -->
<article><h1 onclick="alert('HANDLERMARK')">The inquest findings</h1>
<p onmouseover="x('HANDLERMARK')">The jury found that the officers missed chances to stop the
killer, and that the investigation had fundamental failures from the start.
<a href="javascript:alert('JSURLMARK')">Read the findings</a> in full.</p>
<p>The coroner thanked the families.<script>track("SCRIPTMARK inline")</script> She spoke for
an hour about the four young men who died between 2014 and 2015.</p>
<template><p>TEMPLATEMARK never shown</p></template>
<svg><script>alert("SCRIPTMARK svg")</script></svg>
</article></body></html>
"""
# Every bad file of the inbox, with the words its one failure line must hold.
EXPECTED_CAUSES = {
    "truncated.pdf": "corrupt or unreadable PDF",
    "zero-pages.pdf": "PDF has no pages",
    "encrypted.pdf": "encrypted PDF",
    "image-only.pdf": "no text layer",
    "thousands.pdf": "PDF has 5001 pages, more than the limit of 5000 (max_pages)",
    "bomb.pdf": "PDF needs more than 500 MB to read (extract_max_memory)",
    "slow.pdf": "PDF took longer than 3 s to read (extract_timeout)",
    "long-page.pdf": "more than the limit (max_chars)",
    "deep.html": "nested more than 256 deep",
    "too-large.txt": "over the limit of 1,000,000 (max_bytes)",
    "nul.txt": "binary data (NUL bytes)",
    "junk.txt": "no other text encoding fits",
    "pipe.txt": "not a regular file (a named pipe)",
    "zero-device.txt": "not a regular file (a character device)",
    "loop-a.txt": "symbolic link loop",
    "loop-b.txt": "symbolic link loop",
    "broken.txt": "broken symbolic link",
    "up": "symbolic link loop: it leads back to a folder it is in",
}
GOOD = ["good.md", "good.pdf", "scripted.html", "utf16.txt", "near-limit.txt"]


def raw_pdf(contents: list[bytes], pages: list[int]) -> bytes:
    """A PDF whose page i shows the Flate-compressed content stream `contents[pages[i]]`."""
    first_content = 4
    first_page = first_content + len(contents)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for stream in contents:
        objects.append(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
        )
    for index in pages:
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (first_content + index)
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def flate_bomb(unit: bytes, size: int, *, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """A zlib stream of about size/1000 bytes that inflates to `unit` repeated to `size` bytes.

    One compressed block of up to 256 KB of `unit` is repeated: after a full
    flush a block refers to nothing before it, so the copies stay valid.
    """
    chunk = unit * max(1, min(size, 1 << 18) // len(unit))
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = deflate.compress(prefix) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.compress(suffix) + deflate.flush(zlib.Z_FINISH)
    copies = max(1, size // len(chunk))
    checksum = zlib.adler32(prefix)
    for _ in range(copies):
        checksum = zlib.adler32(chunk, checksum)
    checksum = zlib.adler32(suffix, checksum)
    return b"\x78\xda" + head + block * copies + tail + checksum.to_bytes(4, "big")


def fpdf_bytes(lines: list[str], *, password: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    return bytes(pdf.output())


def build_inbox(folder: Path) -> None:
    """Every bad kind of source, beside good ones that must still be ingested."""
    folder.mkdir()
    (folder / "good.md").write_text(
        "---\ntitle: Good\n---\nNine officers were told to improve their work at Barking.\n"
    )
    (folder / "good.pdf").write_bytes(
        fpdf_bytes(["The inquest opened at Barking Town Hall in October 2021."])
    )
    (folder / "scripted.html").write_text(SCRIPTED_PAGE)
    (folder / "utf16.txt").write_bytes(
        "Le café de la gare à Barking a fermé en 2015, dit le rapport.\n".encode("utf-16")
    )
    # Just under the limit of bytes: a story, then blank lines to the limit
    # (of ideographic spaces, 3 bytes each in UTF-8: under the limit of characters too).
    story = "The watchdog published its report on the Port case in August 2022.\n"
    blank = "\u3000" * 99 + "\n"
    (folder / "near-limit.txt").write_text(story + blank * 3300, encoding="utf-8")

    whole = fpdf_bytes(["Seventeen officers were served notices."] * 20)
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    empty = io.BytesIO()
    pdfium.PdfDocument.new().save(empty)
    (folder / "zero-pages.pdf").write_bytes(empty.getvalue())
    (folder / "encrypted.pdf").write_bytes(fpdf_bytes(["A secret line."], password="secret"))
    scan = FPDF()
    scan.add_page()
    scan.rect(10, 10, 100, 100, style="F")
    (folder / "image-only.pdf").write_bytes(bytes(scan.output()))
    page = zlib.compress(b"BT /F1 12 Tf 72 700 Td (A page of many.) Tj ET")
    (folder / "thousands.pdf").write_bytes(raw_pdf([page], [0] * 5001))
    # 256 MB of text objects inflated from 250 KB: PDFium wants gigabytes for them.
    text_objects = flate_bomb(b"BT /F1 12 Tf 72 700 Td (A) Tj ET\n", 256 << 20)
    (folder / "bomb.pdf").write_bytes(raw_pdf([text_objects], [0]))
    # 3,000 pages of a megabyte of lines each: small in memory, a minute to parse.
    lines = flate_bomb(b"0 0 m 100 100 l S\n", 1 << 20)
    (folder / "slow.pdf").write_bytes(raw_pdf([lines], [0] * 3000))
    # One page of 750,000 characters (more than max_chars), from 3 KB.
    long_text = flate_bomb(
        b"(" + b"ABCDEFGHIJ" * 10 + b") Tj\n",
        860_000,
        prefix=b"BT /F1 1 Tf 0 0 Td\n",
        suffix=b"ET\n",
    )
    (folder / "long-page.pdf").write_bytes(raw_pdf([long_text], [0]))

    # 190,000 nested elements (left open, as browsers allow: under the limit of bytes).
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 190_000 + "<p>Deep.</p>")
    (folder / "too-large.txt").write_text("The officers were told. " * 50_000)
    (folder / "nul.txt").write_bytes(b"The officers\x00 were\x00\x00 told.\n" * 10)
    (folder / "junk.txt").write_bytes(
        bytes(random.Random(3).randrange(0x80, 0x100) for _ in range(20_000))
    )
    os.mkfifo(folder / "pipe.txt")  # nobody ever writes to it: reading it would hang
    (folder / "zero-device.txt").symlink_to("/dev/zero")  # would never end
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "broken.txt").symlink_to("nowhere.txt")
    (folder / "up").symlink_to(".", target_is_directory=True)

    locked = folder / "locked.txt"
    locked.write_text("The locked file says the hearing lasted ten weeks.\n")
    locked.chmod(0)
    closed = folder / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text("The closed folder says the jury sat for ten weeks.\n")
    closed.chmod(0)


def run_measured(
    command: list[str], *, cwd: Path, limit: float
) -> tuple[int, str, str, float, float]:
    """Exit code, stdout, stderr, seconds and peak memory (MB) of a command and its children.

    os.wait4 gives the peak resident memory of the process and of every child
    it waited for (the PDF and HTML worker, killed or not).
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr, cwd=cwd, env=env)
        timer = threading.Timer(limit, process.kill)
        timer.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        seconds = time.monotonic() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return (
        process.returncode,
        out.read_text(errors="replace"),
        err.read_text(errors="replace"),
        seconds,
        usage.ru_maxrss / 1024,
    )


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """The inbox, the result of `claimcheck ingest` on it, and its store."""
    if not hasattr(os, "wait4") or not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX (named pipes, wait4)")
    base = tmp_path_factory.mktemp("hostile")
    inbox = base / "inbox"
    build_inbox(inbox)
    (base / ".claimcheck.toml").write_text(CONFIG)
    db = base / "store.db"
    try:
        code, out, err, seconds, peak_mb = run_measured(
            [sys.executable, "-m", "pipeline", "ingest", "--db", str(db), str(inbox)],
            cwd=base,
            limit=300,
        )
    finally:
        (inbox / "locked.txt").chmod(0o644)
        (inbox / "closed").chmod(0o755)
    return inbox, db, code, out, err, seconds, peak_mb


def test_each_bad_file_fails_once_with_its_cause(hostile_run) -> None:
    inbox, _db, code, out, err, _seconds, _peak = hostile_run
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    lines = (out + err).splitlines()
    for name, cause in EXPECTED_CAUSES.items():
        failed = [line for line in lines if line.startswith(f"failed {inbox / name}:")]
        assert len(failed) == 1, (name, out, err)
        assert cause in failed[0], (name, failed[0])
    if not ROOT_USER:  # root reads a file and a folder of mode 000 all the same
        for name in ("locked.txt", "closed"):
            failed = [line for line in lines if line.startswith(f"failed {inbox / name}")]
            assert len(failed) == 1 and "ermission denied" in failed[0], (name, out, err)
    failures = [line for line in lines if line.startswith("failed")]
    assert len(failures) == len(EXPECTED_CAUSES) + (0 if ROOT_USER else 2), failures


def test_good_files_are_ingested_and_nothing_else(hostile_run, nlp, tmp_path: Path) -> None:
    inbox, db, _code, out, err, _seconds, _peak = hostile_run
    lines = (out + err).splitlines()
    for name in GOOD:
        assert any(line.startswith(f"added     {inbox / name}") for line in lines), (name, lines)
    good = GOOD + (["locked.txt", "closed/inside.txt"] if ROOT_USER else [])
    with Store(db) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO passages_fts(passages_fts) VALUES('integrity-check')")
        paths = sorted(str(Path(d["path"]).relative_to(inbox)) for d in store.documents())
        assert paths == sorted(good)
        counts = store.counts()
        fts_rows = conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0]
        text = "\n".join(row[0] for row in conn.execute("SELECT text FROM documents"))
        text += "\n".join(row[0] for row in conn.execute("SELECT text FROM passages"))
    assert fts_rows == counts["passages"]
    for mark in SCRIPT_MARKS:
        assert mark not in text, mark
    assert "four young men" in text  # the scripted page's own text is there
    # The same files alone make the same store.
    with Store(tmp_path / "alone.db") as alone:
        ingest([inbox / name for name in good], alone, nlp=nlp)
        assert alone.counts() == counts


def test_the_run_is_bounded_in_time_and_memory(hostile_run) -> None:
    *_, seconds, peak_mb = hostile_run
    # Generous: the model loads in a few seconds, each hostile PDF costs at
    # most its limit (3 s, 500 MB); unbounded, the bomb alone takes gigabytes.
    assert seconds < 120, seconds
    assert peak_mb < 1500, peak_mb


def test_a_file_under_the_worker_alone(tmp_path: Path) -> None:
    """The worker is reused file after file, and replaced after one that kills it."""
    worker = Worker(timeout=3, max_memory=400)
    good = tmp_path / "good.pdf"
    good.write_bytes(fpdf_bytes(["The inquest opened in October 2021."]))
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(raw_pdf([flate_bomb(b"BT /F1 12 Tf 72 700 Td (A) Tj ET\n", 256 << 20)], [0]))
    arguments = {"engine": "pdfium", "max_pages": 10, "max_chars": 10_000}
    try:
        for _ in range(3):
            found = worker.read("pdf", str(good), good.read_bytes(), **arguments)
            assert "October 2021" in " ".join(found["pages"][0])
        assert worker.started == 1
        with pytest.raises(ExtractionError, match="needs more than 400 MB"):
            worker.read("pdf", str(bomb), bomb.read_bytes(), **arguments)
        found = worker.read("pdf", str(good), good.read_bytes(), **arguments)
        assert worker.started == 2
    finally:
        worker.close()


def test_a_slow_html_page_is_stopped(tmp_path: Path) -> None:
    page = tmp_path / "wide.html"
    paragraphs = "".join(f"<p>Paragraph {i} says the officers met.</p>" for i in range(40_000))
    page.write_text(f"<html><body>{paragraphs}</body></html>")
    started = time.monotonic()
    with pytest.raises(ExtractionError, match=r"HTML page took longer than 0.5 s to read"):
        extract(page, timeout=0.5)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    with pytest.raises(ExtractionError, match=r"not a regular file \(a named pipe\)"):
        read_source(fifo)
    with pytest.raises(ExtractionError, match="not a regular file"):
        extract(tmp_path / "x.txt")


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store, nlp):
    """Permission errors, simulated (root reads files of mode 000 all the same)."""
    (tmp_path / "locked.txt").write_text("Locked.\n")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text("Inside.\n")
    (tmp_path / "open.txt").write_text("The hearing lasted ten weeks.\n")
    real_open, real_scandir = os.open, os.scandir

    def refusing_open(path, *args, **kwargs):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def refusing_scandir(path="."):
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", refusing_open)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
    summary = ingest([tmp_path], store, nlp=nlp)
    causes = {Path(r.path).name: r.error for r in summary.failed}
    assert causes == {"locked.txt": "permission denied", "closed": "cannot read: Permission denied"}
    assert [Path(d["path"]).name for d in store.documents()] == ["open.txt"]


def test_a_file_whose_passages_fail_fails_alone(tmp_path: Path, monkeypatch, store, nlp) -> None:
    (tmp_path / "a.txt").write_text("The inquest opened at Barking in October 2021.\n")
    (tmp_path / "b.txt").write_text("The POISON report was published in August 2022.\n")
    (tmp_path / "c.txt").write_text("Nine officers were told to improve their work.\n")
    real = ingest_module.find_values

    def find_values(text, **kwargs):
        if "POISON" in text:
            raise ValueError("a value parser bug")
        return real(text, **kwargs)

    monkeypatch.setattr(ingest_module, "find_values", find_values)
    summary = ingest([tmp_path], store, nlp=nlp)
    assert [(Path(r.path).name, r.status) for r in summary.results] == [
        ("a.txt", "added"),
        ("b.txt", "failed"),
        ("c.txt", "added"),
    ]
    assert summary.failed[0].error == "cannot build passages: ValueError: a value parser bug"
    assert sorted(Path(d["path"]).name for d in store.documents()) == ["a.txt", "c.txt"]


class FlakyLanguage:
    """The real pipeline, failing on any text with POISON in it, as a spaCy bug would."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp

    def pipe(self, texts, **options):
        for doc, context in self.nlp.pipe(texts, **options):
            if "POISON" in doc.text:
                raise RuntimeError("spaCy fell over")
            yield doc, context


def test_a_file_spacy_fails_on_fails_alone(tmp_path: Path, store, nlp) -> None:
    for index in range(6):
        (tmp_path / f"{index}.txt").write_text(f"Officer {index} gave evidence on day {index}.\n")
    (tmp_path / "3.txt").write_text("The POISON paragraph.\n\nA second paragraph of it.\n")
    summary = ingest([tmp_path], store, nlp=FlakyLanguage(nlp))
    statuses = {Path(r.path).name: r.status for r in summary.results}
    assert statuses == {f"{i}.txt": "failed" if i == 3 else "added" for i in range(6)}
    assert summary.failed[0].error == "language analysis failed: RuntimeError: spaCy fell over"
    assert store.counts()["documents"] == 5


def test_an_internal_error_is_one_line_and_exit_code_3(runner: CliRunner, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("no such thing\nsecond line")

    monkeypatch.setattr("pipeline.cli.ingest.ingest", broken)
    (tmp_path / "a.txt").write_text("Text.\n")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "a.txt"])
    assert result.exit_code == 3
    assert result.output.strip().splitlines() == [
        "claimcheck: internal error: RuntimeError: no such thing second line "
        "(set CLAIMCHECK_DEBUG=1 for the traceback)"
    ]
    monkeypatch.setenv("CLAIMCHECK_DEBUG", "1")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "a.txt"])
    assert isinstance(result.exception, RuntimeError)


def test_ctrl_c_is_handled_as_before(runner: CliRunner, tmp_path, monkeypatch) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.cli.ingest.ingest", interrupted)
    (tmp_path / "a.txt").write_text("Text.\n")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "a.txt"])
    assert result.exit_code == 1
    assert "internal error" not in result.output


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("max_chars = 0", "must be more than 0"),
        ("extract_timeout = 'soon'", "must be a number"),
        ("extract_max_memory = 1.5", "must be an int"),
    ],
)
def test_limits_in_the_config_file_are_checked(runner: CliRunner, tmp_path, line, message):
    (tmp_path / ".claimcheck.toml").write_text(line + "\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    result = runner.invoke(main, ["ingest", "--db", "s.db", "a.txt"])
    assert result.exit_code == 2
    assert message in result.output


def test_controls_in_pdf_text_are_dropped(tmp_path: Path) -> None:
    """The store marks matches with two control characters: none may come from a source."""
    stream = zlib.compress(b"BT /F1 12 Tf 72 700 Td (The inquest\x02 opened\x03 in 2021.) Tj ET")
    path = tmp_path / "controls.pdf"
    path.write_bytes(raw_pdf([stream], [0]))
    document = extract(path)
    assert "inquest opened in 2021." in document.text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in document.text)
