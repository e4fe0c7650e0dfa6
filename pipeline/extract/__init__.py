"""Extraction: one reader per format, each returning a Document with its pages.

`extract(path)` picks the reader by the file's suffix (and, for files without a
known suffix, by a look at their first bytes). Every failure is an
ExtractionError whose message names the file and the cause.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from ..errors import ExtractionError
from ..records import Document, Metadata, Page
from .html import extract_html
from .metadata import is_sidecar, read_sidecar
from .pdf import extract_pdf
from .text import decode, markdown_to_text, split_front_matter

SUFFIXES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
}
PAGE_BREAK = "\n\n"
_SENTENCE_END = tuple('.!?:"\u201d\u2019)')


def source_format(path: Path) -> str | None:
    """The format a source file is read as, or None when it is not a source."""
    if is_sidecar(path):
        return None
    return SUFFIXES.get(path.suffix.lower())


def read_source(
    path: Path,
    *,
    metadata: Metadata | None = None,
    max_bytes: int = 200 * 1024 * 1024,
) -> tuple[bytes, Metadata, str]:
    """The file's bytes, its sidecar metadata, and its content hash (the document id).

    The hash covers the bytes, the sidecar and any metadata given by the caller,
    so a change to any of them makes a new version of the document.
    """
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ExtractionError(
                name, f"file of {size:,} bytes is over the limit of {max_bytes:,} (max_bytes)"
            )
        raw = path.read_bytes()
    except PermissionError as e:
        raise ExtractionError(name, "permission denied") from e
    except IsADirectoryError as e:
        raise ExtractionError(name, "is a folder, not a file") from e
    except FileNotFoundError as e:
        raise ExtractionError(name, "no such file") from e
    except OSError as e:
        raise ExtractionError(name, f"cannot read: {e.strerror or e}") from e
    sidecar, sidecar_raw = read_sidecar(path)
    given = json.dumps(asdict(metadata), sort_keys=True).encode() if metadata else b""
    digest = hashlib.sha256()
    for part in (raw, sidecar_raw, given):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return raw, sidecar, digest.hexdigest()[:32]


def extract(
    path: Path,
    *,
    metadata: Metadata | None = None,
    pdf_engine: str = "pdfium",
    max_bytes: int = 200 * 1024 * 1024,
    max_pages: int = 5000,
    source: tuple[bytes, Metadata, str] | None = None,
) -> Document:
    """Read one source file into a Document.

    Metadata comes from the file (front matter, HTML meta tags, PDF info), then
    a sidecar file over it, then `metadata` given by the caller over both.
    `source` is what `read_source` returned for this file, when the caller
    already has it: the file is then not read again.
    """
    fmt = source_format(path) or _sniff(path)
    raw, sidecar, document_id = source or read_source(path, metadata=metadata, max_bytes=max_bytes)
    name = str(path)
    if fmt == "pdf":
        if not raw.strip():
            raise ExtractionError(name, "empty file: no text to ingest")
        page_texts, own = extract_pdf(path, raw, engine=pdf_engine, max_pages=max_pages)
    else:
        text, _encoding = decode(raw, path=name)
        if fmt == "html":
            body, own = extract_html(text, path=name)
        else:
            own, body = split_front_matter(text, path=name)
            if fmt == "markdown":
                body, heading = markdown_to_text(body)
                own = Metadata(title=heading).merged(own)
            else:
                body = "\n".join(line.rstrip() for line in body.strip().split("\n"))
        page_texts = [body]
    text, pages = _join_pages(page_texts)
    if not text.strip():
        raise ExtractionError(name, "no text after extraction")
    final = own.merged(sidecar).merged(metadata or Metadata())
    if final.title is None:
        final = Metadata(title=path.stem.replace("-", " ").replace("_", " ")).merged(final)
    return Document(id=document_id, path=name, format=fmt, text=text, pages=pages, metadata=final)


def _join_pages(page_texts: list[str]) -> tuple[str, tuple[Page, ...]]:
    """The document text and the span of each page in it.

    A page that ends a sentence is followed by a paragraph break; one that
    stops mid-sentence by a line break, so that the sentence running over to
    the next page stays one passage.
    """
    parts: list[str] = []
    pages: list[Page] = []
    position = 0
    for number, page_text in enumerate(page_texts, start=1):
        if parts:
            ends = parts[-1].rstrip().endswith(_SENTENCE_END) or not parts[-1].strip()
            separator = PAGE_BREAK if ends else "\n"
            parts.append(separator)
            position += len(separator)
        parts.append(page_text)
        pages.append(Page(number, position, position + len(page_text)))
        position += len(page_text)
    return "".join(parts), tuple(pages)


def _sniff(path: Path) -> str:
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise ExtractionError(str(path), f"cannot read: {e.strerror or e}") from e
    if head.startswith(b"%PDF-"):
        return "pdf"
    if b"<html" in head.lower() or head.lstrip().lower().startswith(b"<!doctype html"):
        return "html"
    return "text"
