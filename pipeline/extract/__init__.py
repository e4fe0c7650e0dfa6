"""Extraction: one reader per format, each returning a Document with its pages.

`extract(path)` picks the reader by the file's suffix (and, for files without a
known suffix, by a look at their first bytes). Every failure is an
ExtractionError whose message names the file and the cause.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import asdict, replace
from pathlib import Path

from ..errors import ExtractionError
from ..limits import EXTRACT_MAX_MEMORY, EXTRACT_TIMEOUT, MAX_BYTES, MAX_CHARS, MAX_PAGES
from ..records import Document, Metadata, Page
from ..values.dateline import dateline
from .metadata import is_sidecar, read_sidecar
from .text import decode, markdown_to_text, split_front_matter
from .worker import read_html, read_pdf

__all__ = ["READING", "extract", "read_html", "read_source", "source_format"]

# The version of what ingest reads from a document besides its text: its values,
# entities and dateline. Part of every document's id: raised whenever that reading
# changes, so that the next ingest of a file replaces its older reading.
# 3: days without a year are dates, numbers ending a name are not; 4: scales, times;
# 5: records ("7-4-1"); 6: scale words glued to the digits ("336.5million");
# 7: a noun after a modifier ending in digits is counted ("10 COVID-19 cases")
READING = "45"

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
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
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
    max_bytes: int = MAX_BYTES,
) -> tuple[bytes, Metadata, str]:
    """The file's bytes, its sidecar metadata, and its content hash (the document id).

    The hash covers the bytes, the sidecar and any metadata given by the caller,
    so a change to any of them makes a new version of the document; and the
    version of what ingest reads from a text (`READING`), so that a store
    built by an older claimcheck has its documents read again on the next
    ingest of their files. Only a
    regular file is read (a pipe would block, a device never end), and never
    more than `max_bytes` of it, whatever its size said.
    """
    raw = _read_bytes(path, max_bytes=max_bytes)
    sidecar, sidecar_raw = read_sidecar(path)
    given = json.dumps(asdict(metadata), sort_keys=True).encode() if metadata else b""
    digest = hashlib.sha256()
    for part in (raw, sidecar_raw, given, READING.encode()):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return raw, sidecar, digest.hexdigest()[:32]


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    name = str(path)
    try:
        # Opened without blocking, so that a named pipe cannot hang the run,
        # and checked on the open file, so that it cannot be swapped meanwhile.
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except PermissionError as e:
        raise ExtractionError(name, "permission denied") from e
    except IsADirectoryError as e:
        raise ExtractionError(name, "is a folder, not a file") from e
    except FileNotFoundError as e:
        cause = "broken symbolic link" if os.path.islink(path) else "no such file"
        raise ExtractionError(name, cause) from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise ExtractionError(name, "symbolic link loop") from e
        raise ExtractionError(name, f"cannot read: {e.strerror or e}") from e
    with os.fdopen(fd, "rb") as f:
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise ExtractionError(name, "is a folder, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise ExtractionError(name, f"not a regular file (a {_file_kind(info.st_mode)})")
            if info.st_size > max_bytes:
                raise ExtractionError(name, _over_bytes(info.st_size, max_bytes))
            raw = f.read(max_bytes + 1)
        except OSError as e:
            raise ExtractionError(name, f"cannot read: {e.strerror or e}") from e
    if len(raw) > max_bytes:  # it grew while being read
        raise ExtractionError(name, _over_bytes(len(raw), max_bytes, grew=True))
    return raw


def _over_bytes(size: int, max_bytes: int, *, grew: bool = False) -> str:
    if grew:
        return f"file grew over the limit of {max_bytes:,} bytes while read (max_bytes)"
    return f"file of {size:,} bytes is over the limit of {max_bytes:,} (max_bytes)"


def _file_kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
    ):
        if test(mode):
            return kind
    return "special file"


def extract(
    path: Path,
    *,
    metadata: Metadata | None = None,
    pdf_engine: str = "pdfium",
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
    timeout: float = EXTRACT_TIMEOUT,
    max_memory: int = EXTRACT_MAX_MEMORY,
    source: tuple[bytes, Metadata, str] | None = None,
    fmt: str | None = None,
) -> Document:
    """Read one source file into a Document.

    Metadata comes from the file (front matter, HTML meta tags, PDF info), then
    a sidecar file over it, then `metadata` given by the caller over both.
    `source` is what `read_source` returned for this file, when the caller
    already has it: the file is then not read again. `fmt` reads it as that
    format whatever its name says (a web page's content type decides).

    PDF and HTML are parsed in a worker process that may take at most
    `timeout` seconds and `max_memory` MB a file (see `pipeline.extract.worker`);
    a text of more than `max_chars` characters is refused.
    """
    raw, sidecar, document_id = source or read_source(path, metadata=metadata, max_bytes=max_bytes)
    fmt = fmt or source_format(path) or _sniff(raw)
    name = str(path)
    if fmt == "pdf":
        if not raw.strip():
            raise ExtractionError(name, "empty file: no text to ingest")
        page_texts, own = read_pdf(
            path,
            raw,
            engine=pdf_engine,
            max_pages=max_pages,
            max_chars=max_chars,
            timeout=timeout,
            max_memory=max_memory,
        )
    else:
        text, _encoding = decode(raw, path=name)
        del raw
        if fmt == "html":
            body, own = read_html(text, path=name, timeout=timeout, max_memory=max_memory)
        else:
            # Refused before parsing: markup is a small part of a text or Markdown file.
            _check_chars(name, len(text), max_chars)
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
    _check_chars(name, len(text), max_chars)
    final = own.merged(sidecar).merged(metadata or Metadata())
    if final.published is None:
        # A page saved without its meta tags, a release pasted as text: its dateline.
        final = replace(final, published=dateline(text))
    if final.title is None:
        final = Metadata(title=path.stem.replace("-", " ").replace("_", " ")).merged(final)
    return Document(id=document_id, path=name, format=fmt, text=text, pages=pages, metadata=final)


def _check_chars(name: str, count: int, max_chars: int) -> None:
    if count > max_chars:
        raise ExtractionError(
            name, f"text of {count:,} characters is over the limit of {max_chars:,} (max_chars)"
        )


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


def _sniff(raw: bytes) -> str:
    head = raw[:1024]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if b"<html" in head.lower() or head.lstrip().lower().startswith(b"<!doctype html"):
        return "html"
    return "text"
