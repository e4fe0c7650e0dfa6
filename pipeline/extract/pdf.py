"""PDF sources, page by page: text layer, hyphenation, running headers and footers.

The default engine is pypdfium2 (PDFium, which pdfplumber itself depends on):
measured here about 40-60 times faster than pdfplumber on the same pages with
the same words, which keeps PDF ingest bound by NER rather than by parsing.
`pdf_engine = "pdfplumber"` uses pdfplumber's layout analysis instead.

The reading is split in two: `read_pdf_pages` runs in the worker process
(`pipeline.extract.worker`), under its time and memory limits; `pdf_pages`
makes pages of its lines in the caller. Neither knows of the worker.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from ..errors import ExtractionError
from ..records import Metadata
from .metadata import normalise_date

_DIGITS = re.compile(r"\d+")
_SENTENCE_END = tuple('.!?:;"\u201d\u2019)')
_HYPHENATED = re.compile(r"[A-Za-z\u00c0-\u024f]-$")
_NO_PAGES = re.compile(rb"/Count\s*0(?![0-9.])")
_A_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
# Control characters but tab, kept as whitespace.
_CONTROLS = {c: None for c in (*range(0x00, 0x09), *range(0x0A, 0x20), 0x7F)}
ENGINES = ("pdfium", "pdfplumber")


def pdf_pages(
    path: Path, pages_lines: list[list[str]], info: dict[str, str]
) -> tuple[list[str], Metadata]:
    """The text of each page (running headers and footers dropped) and the PDF's metadata.

    `pages_lines` and `info` are what `read_pdf_pages` found (in the worker
    process). Raises ExtractionError for a PDF of no pages or no text layer.
    """
    if not pages_lines:
        raise ExtractionError(str(path), "PDF has no pages")
    if not any(line.strip() for lines in pages_lines for line in lines):
        raise ExtractionError(
            str(path), "PDF has no text layer (scanned or image-only): run OCR on it first"
        )
    pages_lines = _drop_running_lines(pages_lines)
    pages = [_page_text(lines) for lines in pages_lines]
    metadata = Metadata(
        title=(info.get("Title") or "").strip() or None,
        publisher=(info.get("Author") or "").strip() or None,
        published=_pdf_date(info.get("CreationDate")),
    )
    return pages, metadata


def read_pdf_pages(
    path: Path, raw: bytes, *, engine: str, max_pages: int, max_chars: int
) -> tuple[list[list[str]], dict[str, str]]:
    """The lines of each page and the info dictionary: the part that runs in the worker.

    Raises ExtractionError for an encrypted, corrupt or over-long PDF, and one
    with more than `max_chars` characters of text. Control characters are
    dropped from the text (they are no text, and the store uses two of them to
    mark matches); so are lone surrogates.
    """
    reader = _pdfium_pages if engine == "pdfium" else _pdfplumber_pages
    pages, info = reader(path, raw, max_pages=max_pages, max_chars=max_chars)
    return [[_clean(line) for line in lines] for lines in pages], {
        k: _clean(v) for k, v in info.items()
    }


def _clean(text: str) -> str:
    if text.isprintable():
        return text
    text = text.translate(_CONTROLS)
    return text.encode("utf-8", "replace").decode("utf-8")


def _over_chars(path: Path, count: int, number: int, max_chars: int) -> ExtractionError:
    return ExtractionError(
        str(path),
        f"PDF has over {max_chars:,} characters of text by page {number} "
        f"(page {number} alone has {count:,}), more than the limit (max_chars)",
    )


def _pdfium_pages(
    path: Path, raw: bytes, *, max_pages: int, max_chars: int
) -> tuple[list[list[str]], dict[str, str]]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        message = str(e)
        if "password" in message.lower():
            raise ExtractionError(str(path), "encrypted PDF: it needs a password") from e
        if _NO_PAGES.search(raw) and not _A_PAGE.search(raw):
            # PDFium refuses a document of no pages without an error code of its own.
            raise ExtractionError(str(path), "PDF has no pages") from e
        raise ExtractionError(str(path), f"corrupt or unreadable PDF ({message})") from e
    try:
        count = len(pdf)
        if count > max_pages:
            raise ExtractionError(
                str(path), f"PDF has {count} pages, more than the limit of {max_pages} (max_pages)"
            )
        pages: list[list[str]] = []
        total = 0
        for index in range(count):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                # Counted before the text is copied out: a page of a billion
                # characters is refused without making a string of it.
                chars = textpage.count_chars()
                total += chars
                if total > max_chars:
                    raise _over_chars(path, chars, index + 1, max_chars)
                # PDFium marks a hyphen it took out at a line end with U+FFFE.
                text = textpage.get_text_range().replace("\ufffe", "")
                pages.append(text.replace("\r\n", "\n").split("\n"))
            finally:
                textpage.close()
                page.close()
        info = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if v}
        return pages, info
    except pdfium.PdfiumError as e:
        raise ExtractionError(str(path), f"corrupt PDF page ({e})") from e
    finally:
        pdf.close()


def _pdfplumber_pages(
    path: Path, raw: bytes, *, max_pages: int, max_chars: int
) -> tuple[list[list[str]], dict[str, str]]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > max_pages:
                raise ExtractionError(
                    str(path),
                    f"PDF has {len(pdf.pages)} pages, more than the limit of {max_pages} "
                    "(max_pages)",
                )
            pages = []
            total = 0
            for number, page in enumerate(pdf.pages, start=1):
                chars = len(page.chars)
                total += chars
                if total > max_chars:
                    raise _over_chars(path, chars, number, max_chars)
                pages.append((page.extract_text() or "").split("\n"))
            info = {k: str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
            return pages, info
    except ExtractionError:
        raise
    except (PdfminerException, PDFSyntaxError, PDFPasswordIncorrect) as e:
        cause = e.args[0] if e.args else e
        if isinstance(cause, PDFPasswordIncorrect) or "password" in repr(cause).lower():
            raise ExtractionError(str(path), "encrypted PDF: it needs a password") from e
        raise ExtractionError(str(path), f"corrupt or unreadable PDF ({cause!r})") from e


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without the lines that repeat at the top or bottom of most pages.

    Digits are ignored when comparing, so "Page 2 of 9" repeats like "Page 3 of 9".
    A document of one or two pages has no running lines to tell apart.
    """
    if len(pages) < 3:
        # Two pages can still share a header and a footer: require both to match.
        if len(pages) == 2:
            return [_strip_edges(lines, _edge_keys(pages, 2)) for lines in pages]
        return pages
    threshold = max(2, (len(pages) + 1) // 2)
    return [_strip_edges(lines, _edge_keys(pages, threshold)) for lines in pages]


def _edge_keys(pages: list[list[str]], threshold: int) -> set[str]:
    counts: Counter[str] = Counter()
    for lines in pages:
        content = [line for line in lines if line.strip()]
        edges = {_key(line) for line in content[:2] + content[-2:]}
        counts.update(edges)
    return {key for key, n in counts.items() if n >= threshold and key}


def _strip_edges(lines: list[str], running: set[str]) -> list[str]:
    content = [line for line in lines if line.strip()]
    start, end = 0, len(content)
    while start < min(2, end) and _key(content[start]) in running:
        start += 1
    while end > start and end > len(content) - 2 and _key(content[end - 1]) in running:
        end -= 1
    return content[start:end]


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _page_text(lines: list[str]) -> str:
    """A page's lines joined into paragraphs, with line-end hyphenation undone.

    A line breaks a paragraph when it ends a sentence and is clearly shorter
    than the page's full lines, or is a short line with no final punctuation
    (a heading); otherwise lines are joined with a space.
    """
    cleaned = [" ".join(line.split()) for line in lines]
    cleaned = [line for line in cleaned if line]
    if not cleaned:
        return ""
    # A full line's length: a high percentile rather than the maximum, so that
    # one long line in a smaller type does not make every body line look short.
    lengths = sorted(len(line) for line in cleaned)
    full = lengths[min(len(lengths) - 1, int(len(lengths) * 0.8))]
    out: list[str] = []
    for line, following in zip(cleaned, [*cleaned[1:], None], strict=True):
        out.append(line)
        if following is None:
            break
        if _HYPHENATED.search(line) and following[:1].islower():
            out[-1] = line[:-1]  # joined straight onto the next line's first word
            continue
        short = len(line) < 0.85 * full
        heading = len(line) < 0.6 * full and line[-1:].isalnum() and following[:1].isupper()
        if (short and line.endswith(_SENTENCE_END)) or heading:
            out.append("\n\n")
        else:
            out.append(" ")
    return "".join(out)


def _pdf_date(value: str | None) -> str | None:
    """ISO date from a PDF date string such as "D:20161101000000Z"."""
    if not value:
        return None
    match = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return normalise_date("-".join(p for p in (year, month, day) if p))
